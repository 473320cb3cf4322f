-- 0054_forget_plans_by_index.sql (reg, issue 7): the rendered-FIR triggers find FIR rows
-- by index whatever the sizes when a connection planned them.
--
-- A connection keeps the plans of its PL/pgSQL statements once they go generic (after five
-- executions), until something invalidates them (an ANALYZE of a table they read, DDL).
-- cctns-server's pool connects once and keeps its connections. core.fir_rendered_forget
-- (0039) locks the FIR rows a statement touched before it deletes their rendered copies:
-- a join of core.fir with the statement's transition table, which the planner makes an
-- Append of every partition of core.fir, each scanned by the key the outer row gives. A
-- partition small when that happened (a new year's, a new state's: a few dozen rows, just
-- analyzed by autovacuum) got a sequential scan with the key as a filter, cheaper then
-- than an index probe; the plan stayed after the partition had grown. A registration runs
-- that lock three times (its charges, persons and properties are inserted in the
-- statement that inserts the FIR, so the FIR is not yet noted as new when their triggers
-- fire): measured 1.03 ms a call at a few thousand FIRs (session 11), and growing with the
-- partition, where the index probe takes 0.01 ms.
--
-- These functions only ever touch a few rows by key (the rows of one statement, one FIR),
-- so their statements are planned with sequential scans disabled (enable_seqscan = off as
-- a function setting: the planner still falls back to one where no index serves, and
-- other statements of the transaction are not affected). The plan then probes the primary
-- key of each partition, and of core.fir_rendered, however small they were when planned.
-- Alternatives measured or weighed: plan_cache_mode = force_custom_plan re-plans the join
-- over every partition of core.fir at each call; a lock by primary key in a loop gets the
-- same per-partition choice; ending the pool's connections now and then leaves the plans
-- stale until then. Checked by schema/tests/reg54_checks.sql.

ALTER FUNCTION core.fir_rendered_forget() SET enable_seqscan = off;
ALTER FUNCTION core.fir_rendered_forget_one(int, int, bigint) SET enable_seqscan = off;

COMMENT ON FUNCTION core.fir_rendered_forget() IS
	'Statement trigger (transition tables old_rows/new_rows) of the tables keyed by (state_code, year, fir_id): forget the rendered FIRs whose rows changed (0039); planned with sequential scans off, so its lock of the FIR rows probes the primary key of every partition however small it was when the connection planned it (0054)';
COMMENT ON FUNCTION core.fir_rendered_forget_one(int, int, bigint) IS
	'Delete the rendered FIR (state_code, year, fir_id) and those registered on transfer from it, after locking the FIR row FOR NO KEY UPDATE unless this transaction wrote it (0039); planned with sequential scans off (0054)';

-- core57_checks.sql: checks of migration 0057 (audit.log's chain checked once per statement)
-- against a real, migrated database. Run by run_api_checks.sh; any failed check raises an
-- exception. Chains made here are random uuids of host 'core57-checks' (audit.log is
-- append-only, so their rows stay, like every chain the checks' servers leave).
--
-- 0057 replaces 0027's per-row foreign key from audit.log to audit.chain by a statement
-- trigger: a batch of 100 records probes audit.chain a few times, not once per record, and a
-- row naming a chain that does not exist is still refused (23503), with nothing stored.

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;

-- Scans of audit.chain by this backend in this transaction.
CREATE FUNCTION pg_temp.chain_scans() RETURNS bigint LANGUAGE sql AS $fn$
	SELECT coalesce((SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0)
		FROM pg_stat_xact_user_tables WHERE relid = 'audit.chain'::regclass), 0)
$fn$;

SELECT set_config('core57.chain', gen_random_uuid()::text, false);
-- The chain's first batch (0027's path: it creates the chain).
SELECT api.audit_append(current_setting('core57.chain')::uuid, 'core57-checks', 1, 1795990000000000,
	pg_temp.audit_batch(1, 1, repeat('0', 64)));

-- A batch of 100 that continues the head: the head's UPDATE and the trigger's probe, not a
-- probe per record (0027's foreign key: 100 more).
BEGIN;
SELECT set_config('core57.scans', pg_temp.chain_scans()::text, true);
SELECT pg_temp.check(api.audit_append(current_setting('core57.chain')::uuid, 'core57-checks', 1,
	1795990000000000, pg_temp.audit_batch(2, 101, pg_temp.audit_h(1))) = 101,
	'0057: a batch of 100 records is written');
SELECT pg_temp.check(pg_temp.chain_scans() - current_setting('core57.scans')::bigint <= 4,
	format('0057: a batch of 100 records looks audit.chain up %s times (at most 4), not once per record',
		pg_temp.chain_scans() - current_setting('core57.scans')::bigint));
COMMIT;
SELECT pg_temp.check((SELECT count(*) FROM audit.log WHERE chain_id = current_setting('core57.chain')::uuid) = 101,
	'0057: the chain holds its 101 records');

-- A row naming a chain that is not in audit.chain is refused, as the foreign key refused it,
-- whoever inserts it (here the owner, past api.audit_append), and nothing is stored.
SELECT pg_temp.expect_error(format($sql$
	INSERT INTO audit.log (chain_id, seq, at, action, outcome, prev_hash, hash)
	VALUES (%L, 1, now(), 'get_fir', 'ok', sha256('a'), sha256('b')),
	       (%L, 102, now(), 'get_fir', 'ok', sha256('c'), sha256('d'))$sql$,
	gen_random_uuid(), current_setting('core57.chain')), '23503', 'chain_id',
	'audit.log: chain % is not in audit.chain');
SELECT pg_temp.check((SELECT count(*) FROM audit.log WHERE chain_id = current_setting('core57.chain')::uuid) = 101,
	'0057: the refused statement stored none of its rows, not even the one of an existing chain');
-- The chain cannot go away from under its rows (what the foreign key's lock was for).
SELECT pg_temp.expect_error(format('DELETE FROM audit.chain WHERE chain_id = %L',
	current_setting('core57.chain')), 'CT403', NULL);
SELECT pg_temp.expect_error(format('UPDATE audit.chain SET chain_id = gen_random_uuid() WHERE chain_id = %L',
	current_setting('core57.chain')), 'CT403', NULL);

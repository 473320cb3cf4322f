-- 0052_audit_append_fast.sql (reg, issue 7): api.audit_append in fewer statements.
--
-- Under load the server's audit batches are small (about one record each at a few hundred
-- registrations a second: a batch goes out as soon as its record is hashed, pipelined with
-- the batches before it), so what a batch costs beyond its rows is paid about once per
-- request. 0027's function ran four statements per batch: the chain's INSERT ... ON
-- CONFLICT DO NOTHING (an index probe; only the first batch of a chain inserts), a SELECT
-- ... FOR UPDATE of the head (which locks the row: a WAL record and a dirtied page of its
-- own), the INSERT of the records, and the UPDATE of the head. Here the usual batch, the
-- one that continues the head, is two: one UPDATE that moves the head only if the batch
-- continues it (sequence and previous hash in its WHERE; the row lock is the UPDATE's own),
-- then the INSERT of the records. Anything else (the chain's first batch, a retried batch
-- that had committed, a batch that does not fit) takes 0027's path unchanged, with the same
-- answers and errors: CT400 for a gap, CT409 for a batch that does not continue the head,
-- the head's sequence for a batch already written, CT403 from the chain's trigger for a
-- closed chain. The chain's triggers and constraints are unchanged.

CREATE OR REPLACE FUNCTION api.audit_append(p_chain uuid, p_host text, p_pid int, p_started bigint, recs jsonb)
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	head audit.chain;
	n int := jsonb_array_length(recs);
	v_first bigint := (recs->0->>'q')::bigint;
	v_last bigint := (recs->(n - 1)->>'q')::bigint;
	v_prev bytea;
BEGIN
	IF n = 0 OR v_first IS NULL OR v_last - v_first <> n - 1 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'recs',
			MESSAGE = 'audit batch: records must be numbered without gaps';
	END IF;
	v_prev := decode(recs->0->>'p', 'hex');
	-- The usual batch: it continues the head, which moves in the same statement.
	UPDATE audit.chain SET last_seq = v_last, last_hash = decode(recs->(n - 1)->>'h', 'hex')
	WHERE chain_id = p_chain AND last_seq = v_first - 1 AND last_hash = v_prev;
	IF NOT FOUND THEN
		-- 0027's path: a new chain, a batch already written, or one that does not fit.
		INSERT INTO audit.chain (chain_id, started_at, host, pid)
		VALUES (p_chain, 'epoch'::timestamptz + p_started * interval '1 microsecond', p_host, p_pid)
		ON CONFLICT (chain_id) DO NOTHING;
		SELECT * INTO head FROM audit.chain WHERE chain_id = p_chain FOR UPDATE;
		IF v_last <= head.last_seq THEN
			RETURN head.last_seq; -- a retried batch that had committed
		END IF;
		IF v_first <> head.last_seq + 1 OR v_prev <> head.last_hash THEN
			RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'recs',
				MESSAGE = format('audit batch does not continue chain %s at %s', p_chain, head.last_seq);
		END IF;
		UPDATE audit.chain SET last_seq = v_last, last_hash = decode(recs->(n - 1)->>'h', 'hex')
		WHERE chain_id = p_chain;
	END IF;
	INSERT INTO audit.log (chain_id, seq, at, state_code, district_code, station_code, terminal,
		officer_no, action, record, outcome, prev_hash, hash)
	SELECT p_chain, r.q, 'epoch'::timestamptz + r.t * interval '1 microsecond', r.s, r.d, r.st, r.tm,
		r.o, r.a, r.r, r.c, decode(r.p, 'hex'), decode(r.h, 'hex')
	FROM jsonb_to_recordset(recs) AS r(q bigint, t bigint, s int, d int, st int, tm text, o text,
		a text, r text, c text, p text, h text);
	RETURN v_last;
END
$fn$;
COMMENT ON FUNCTION api.audit_append(uuid, text, int, bigint, jsonb) IS
	'cctns-server: append a batch of hashed records to its chain (created on first use) and move the chain''s head; a batch already written returns at once (retry after a lost answer); one that does not continue the head is refused (CT409). A batch that continues the head is one UPDATE of the head and one INSERT (0052)';

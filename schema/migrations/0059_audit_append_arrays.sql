-- 0059_audit_append_arrays.sql (reg, issue 7): the server's audit batches as typed arrays in
-- binary form, not as one JSON text.
--
-- Every FIR read through cctns-server is one audit record, and at tens of thousands of reads a
-- second the audit backend is a fifth of the CPU a read costs. Of its 6-7 us a record, about 3 us
-- went to JSON: parsing the batch's text into jsonb (a batch of 170 records, 48 kB: 0.32 ms) and
-- taking it apart again with jsonb_to_recordset (0.2 ms), plus decoding two hex hashes a record.
-- Here the server sends each column as an array in PostgreSQL's binary array format (times and
-- codes as integers, hashes as 32 raw bytes), which the backend takes almost as it is.
--
-- Same rules, answers and errors as api.audit_append (0027, 0052): the records are numbered
-- p_first, p_first + 1, ... in array order; the usual batch continues the head and moves it in
-- one UPDATE; a new chain, a batch already written (returns the head at once) and one that does
-- not continue the head (CT409) take 0027's path; every array must hold one value per record
-- (CT400). p_p holds each record's previous hash (p_p[1] continues the head). api.audit_append
-- stays for a server of an older version during an upgrade.

CREATE FUNCTION api.audit_append_arrays(p_chain uuid, p_host text, p_pid int, p_started bigint,
	p_first bigint, p_t bigint[], p_s int[], p_d int[], p_st int[], p_tm text[], p_o text[],
	p_a text[], p_r text[], p_c text[], p_p bytea[], p_h bytea[])
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	head audit.chain;
	n int := cardinality(p_h);
	v_last bigint := p_first + n - 1;
	v_prev bytea := p_p[1];
BEGIN
	IF n IS NULL OR n = 0 OR p_first IS NULL OR p_first < 1 OR v_prev IS NULL
			OR cardinality(p_t) IS DISTINCT FROM n OR cardinality(p_s) IS DISTINCT FROM n
			OR cardinality(p_d) IS DISTINCT FROM n OR cardinality(p_st) IS DISTINCT FROM n
			OR cardinality(p_tm) IS DISTINCT FROM n OR cardinality(p_o) IS DISTINCT FROM n
			OR cardinality(p_a) IS DISTINCT FROM n OR cardinality(p_r) IS DISTINCT FROM n
			OR cardinality(p_c) IS DISTINCT FROM n OR cardinality(p_p) IS DISTINCT FROM n THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'recs',
			MESSAGE = 'audit batch: every array must hold one value for each record, numbered from 1 up';
	END IF;
	-- The usual batch: it continues the head, which moves in the same statement.
	UPDATE audit.chain SET last_seq = v_last, last_hash = p_h[n]
	WHERE chain_id = p_chain AND last_seq = p_first - 1 AND last_hash = v_prev;
	IF NOT FOUND THEN
		-- 0027's path: a new chain, a batch already written, or one that does not fit.
		INSERT INTO audit.chain (chain_id, started_at, host, pid)
		VALUES (p_chain, 'epoch'::timestamptz + p_started * interval '1 microsecond', p_host, p_pid)
		ON CONFLICT (chain_id) DO NOTHING;
		SELECT * INTO head FROM audit.chain WHERE chain_id = p_chain FOR UPDATE;
		IF v_last <= head.last_seq THEN
			RETURN head.last_seq; -- a retried batch that had committed
		END IF;
		IF p_first <> head.last_seq + 1 OR v_prev <> head.last_hash THEN
			RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'recs',
				MESSAGE = format('audit batch does not continue chain %s at %s', p_chain, head.last_seq);
		END IF;
		UPDATE audit.chain SET last_seq = v_last, last_hash = p_h[n]
		WHERE chain_id = p_chain;
	END IF;
	INSERT INTO audit.log (chain_id, seq, at, state_code, district_code, station_code, terminal,
		officer_no, action, record, outcome, prev_hash, hash)
	SELECT p_chain, p_first + u.i - 1, 'epoch'::timestamptz + u.t * interval '1 microsecond', u.s, u.d,
		u.st, u.tm, u.o, u.a, u.r, u.c, u.p, u.h
	FROM unnest(p_t, p_s, p_d, p_st, p_tm, p_o, p_a, p_r, p_c, p_p, p_h) WITH ORDINALITY
		AS u(t, s, d, st, tm, o, a, r, c, p, h, i);
	RETURN v_last;
END
$fn$;
COMMENT ON FUNCTION api.audit_append_arrays(uuid, text, int, bigint, bigint, bigint[], int[], int[], int[],
	text[], text[], text[], text[], text[], bytea[], bytea[]) IS
	'cctns-server: append a batch of hashed records, one array per column (binary from the server), to its chain (created on first use) and move the chain''s head; same rules and errors as api.audit_append (0059)';

REVOKE ALL ON FUNCTION api.audit_append_arrays(uuid, text, int, bigint, bigint, bigint[], int[], int[], int[],
	text[], text[], text[], text[], text[], bytea[], bytea[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.audit_append_arrays(uuid, text, int, bigint, bigint, bigint[], int[], int[], int[],
	text[], text[], text[], text[], text[], bytea[], bytea[]) TO cctns_server;

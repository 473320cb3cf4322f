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
-- (JSON) stays, for cctns-admin's one-record notes and a server of an older version during an
-- upgrade: it now takes its batch apart into these arrays and calls this function, so the
-- chain's rules are written once.

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

-- The JSON form (0027, 0052), for a server of an older version during an upgrade: the same
-- batch taken apart into the arrays above, so the chain's rules live in one function.
CREATE OR REPLACE FUNCTION api.audit_append(p_chain uuid, p_host text, p_pid int, p_started bigint, recs jsonb)
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	n int := jsonb_array_length(recs);
	v_first bigint := (recs->0->>'q')::bigint;
	v_last bigint := (recs->(n - 1)->>'q')::bigint;
	a record;
BEGIN
	IF n = 0 OR v_first IS NULL OR v_last - v_first <> n - 1 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'recs',
			MESSAGE = 'audit batch: records must be numbered without gaps';
	END IF;
	SELECT array_agg(r.t ORDER BY r.i) AS t, array_agg(r.s ORDER BY r.i) AS s,
		array_agg(r.d ORDER BY r.i) AS d, array_agg(r.st ORDER BY r.i) AS st,
		array_agg(r.tm ORDER BY r.i) AS tm, array_agg(r.o ORDER BY r.i) AS o,
		array_agg(r.a ORDER BY r.i) AS a, array_agg(r.r ORDER BY r.i) AS r,
		array_agg(r.c ORDER BY r.i) AS c, array_agg(decode(r.p, 'hex') ORDER BY r.i) AS p,
		array_agg(decode(r.h, 'hex') ORDER BY r.i) AS h
	INTO a
	FROM ROWS FROM (jsonb_to_recordset(recs) AS (q bigint, t bigint, s int, d int, st int, tm text, o text,
		a text, r text, c text, p text, h text)) WITH ORDINALITY AS r(q, t, s, d, st, tm, o, a, r, c, p, h, i);
	RETURN api.audit_append_arrays(p_chain, p_host, p_pid, p_started, v_first, a.t, a.s, a.d, a.st, a.tm,
		a.o, a.a, a.r, a.c, a.p, a.h);
END
$fn$;
COMMENT ON FUNCTION api.audit_append(uuid, text, int, bigint, jsonb) IS
	'cctns-server before 0059: a batch of hashed records as JSON, appended by api.audit_append_arrays (same rules, answers and errors)';

-- 0058_audit_in_write_transaction.sql (reg, issue 7): a registration's audit record written in
-- the registration's own transaction.
--
-- Before, cctns-server answered a successful write only once the write had committed and then
-- its audit record, hashed in the server, had committed in a batch on the audit's own
-- connection: two WAL flushes one after the other in every registration's path (tests/bench/
-- README.md, "Eighth run": about half of the p99 at half rate on this machine's disk). Here the
-- registration's statement appends its record itself, after the registration and in the same
-- transaction, so one commit makes both durable, and a registration that rolls back leaves no
-- record of success. The record is the one the server would have written (same columns, same
-- canonical encoding, server/audit_chain.c), hashed here with sha256().
--
-- Chains: a chain's records must be appended in order, one at a time, and the server's
-- connections commit in any order among themselves. So each database session (one pool
-- connection of one worker) keeps a chain of its own, started at its first audited write
-- (audit.chain row: the worker's host and pid, started_at) and named in the session-level
-- setting cctns.audit_tx_chain. The setting and the chain's row are set in the same
-- transaction: a rollback undoes both. Refusals, reads and every other record still go to the
-- worker's own chain (api.audit_append). `cctns-admin audit verify` checks every chain the same
-- way. api.audit_close now also closes the chains the same process started on its connections.

-- The canonical encoding of server/audit_chain.c (audit_encode), field by field: each field is a
-- 4-byte big-endian length then its bytes, NULL is the length ffffffff and no bytes; integers
-- are 8 bytes big-endian; a code 0 or an empty string is NULL.
--
-- The three helpers below are SQL-standard bodies (RETURN ...): their names are resolved once,
-- here, so they need no search_path of their own, and without a SET clause (and with a
-- volatility no stricter than their body's: convert_to is STABLE) PostgreSQL inlines them into
-- api.audit_in_tx's expression. Measured (pgbench, one call a transaction): 585 us a record with
-- SET clauses and log_encode IMMUTABLE (each call planned again), 243 us inlined.
CREATE FUNCTION audit.log_field(b bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE
RETURN CASE WHEN b IS NULL THEN '\xffffffff'::bytea ELSE int4send(length(b)) || b END;
COMMENT ON FUNCTION audit.log_field(bytea) IS
	'One field of audit.log_encode: 4-byte big-endian length then the bytes; NULL as ffffffff and no bytes';

CREATE FUNCTION audit.log_encode(p_chain uuid, p_seq bigint, p_at_us bigint, p_state int, p_district int,
	p_station int, p_terminal text, p_officer text, p_action text, p_record text, p_outcome text,
	p_prev bytea) RETURNS bytea
LANGUAGE sql STABLE
RETURN audit.log_field(convert_to('cctns-audit-1', 'UTF8')) || audit.log_field(uuid_send(p_chain))
	|| audit.log_field(int8send(p_seq)) || audit.log_field(int8send(p_at_us))
	|| audit.log_field(int8send(nullif(p_state, 0)::bigint))
	|| audit.log_field(int8send(nullif(p_district, 0)::bigint))
	|| audit.log_field(int8send(nullif(p_station, 0)::bigint))
	|| audit.log_field(convert_to(nullif(p_terminal, ''), 'UTF8'))
	|| audit.log_field(convert_to(nullif(p_officer, ''), 'UTF8'))
	|| audit.log_field(convert_to(nullif(p_action, ''), 'UTF8'))
	|| audit.log_field(convert_to(nullif(p_record, ''), 'UTF8'))
	|| audit.log_field(convert_to(nullif(p_outcome, ''), 'UTF8'))
	|| audit.log_field(p_prev);
COMMENT ON FUNCTION audit.log_encode(uuid, bigint, bigint, int, int, int, text, text, text, text, text, bytea) IS
	'The canonical encoding of an audit.log record (cctns-audit-1) that its hash covers, as server/audit_chain.c audit_encode makes it';

-- What audit_clean (server/audit_chain.c) keeps of a string: letters, digits and " ./:_-";
-- any other character becomes '?'; cut to n characters; '' is NULL.
CREATE FUNCTION audit.log_clean(t text, n int) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN nullif(left(regexp_replace(t, '[^A-Za-z0-9 ./:_-]', '?', 'g'), n), '');
COMMENT ON FUNCTION audit.log_clean(text, int) IS
	'An audit.log string as the server cleans it (server/audit_chain.c audit_clean): only letters, digits and " ./:_-" kept, others ''?'', at most n characters, '''' as NULL';

-- j: the write's answer, returned unchanged. p_record: the record the write touched (the
-- registration's FIR number). The rest is what the server knows of the request: its worker's
-- host and pid (for a new chain), the terminal's codes and name, the signed-in officer, the
-- request type and the outcome's name. The server cleans its strings; they are cleaned here
-- again, so nothing else can reach the log.
CREATE FUNCTION api.audit_in_tx(j jsonb, p_record text, p_host text, p_pid int, p_state int, p_district int,
	p_station int, p_terminal text, p_officer text, p_action text, p_outcome text) RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_chain uuid := nullif(current_setting('cctns.audit_tx_chain', true), '')::uuid;
	h audit.chain;
	t timestamptz := clock_timestamp();
	v_tm text := audit.log_clean(p_terminal, 64);
	v_o text := audit.log_clean(p_officer, 31);
	v_a text := audit.log_clean(p_action, 47);
	v_r text := audit.log_clean(p_record, 63);
	v_c text := audit.log_clean(p_outcome, 31);
	v_hash bytea;
BEGIN
	IF v_a IS NULL OR v_c IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'action',
			MESSAGE = 'audit record: the action and the outcome are required';
	END IF;
	IF v_chain IS NOT NULL THEN
		SELECT * INTO h FROM audit.chain WHERE chain_id = v_chain;
	END IF;
	-- A new session, or its chain was closed (api.audit_close at a worker's exit): a new chain.
	IF h.chain_id IS NULL OR h.closed_at IS NOT NULL THEN
		v_chain := gen_random_uuid();
		INSERT INTO audit.chain (chain_id, started_at, host, pid)
		VALUES (v_chain, t, p_host, p_pid)
		RETURNING * INTO h;
		PERFORM set_config('cctns.audit_tx_chain', v_chain::text, false);
	END IF;
	v_hash := sha256(audit.log_encode(v_chain, h.last_seq + 1, (extract(epoch FROM t) * 1000000)::bigint,
		p_state, p_district, p_station, v_tm, v_o, v_a, v_r, v_c, h.last_hash));
	-- Only this session appends to its chain; the condition keeps it a chain regardless.
	UPDATE audit.chain SET last_seq = h.last_seq + 1, last_hash = v_hash
	WHERE chain_id = v_chain AND last_seq = h.last_seq;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409',
			MESSAGE = format('audit record does not continue chain %s at %s', v_chain, h.last_seq);
	END IF;
	INSERT INTO audit.log (chain_id, seq, at, state_code, district_code, station_code, terminal,
		officer_no, action, record, outcome, prev_hash, hash)
	VALUES (v_chain, h.last_seq + 1, t, nullif(p_state, 0), nullif(p_district, 0), nullif(p_station, 0), v_tm,
		v_o, v_a, v_r, v_c, h.last_hash, v_hash);
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.audit_in_tx(jsonb, text, text, int, int, int, int, text, text, text, text) IS
	'cctns-server: append the audit record of a write, in the write''s own transaction, to this database session''s chain (started at its first use, named in cctns.audit_tx_chain); returns j unchanged (0058)';

CREATE OR REPLACE FUNCTION api.audit_close(p_chain uuid) RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
	-- The process's own chain, and the chains its connections started since (api.audit_in_tx).
	UPDATE audit.chain c SET closed_at = now()
	FROM audit.chain p
	WHERE p.chain_id = p_chain AND c.closed_at IS NULL
		AND (c.chain_id = p.chain_id OR (c.host = p.host AND c.pid = p.pid AND c.started_at >= p.started_at));
$fn$;
COMMENT ON FUNCTION api.audit_close(uuid) IS
	'cctns-server: mark its chain closed on a clean exit (after its last batch), with the chains of its database sessions (same host and pid, started since; api.audit_in_tx, 0058)';

REVOKE ALL ON FUNCTION api.audit_in_tx(jsonb, text, text, int, int, int, int, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.audit_in_tx(jsonb, text, text, int, int, int, int, text, text, text, text) TO cctns_server;

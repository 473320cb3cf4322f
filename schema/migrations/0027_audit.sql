-- 0027_audit.sql: the audit log. Every request cctns-server answers or
-- refuses (reads and writes, refusals before Hello, bad frames, refused TLS
-- handshakes) becomes one row of audit.log, in hash chains: each server
-- process starts a chain (audit.chain) and numbers its records 1, 2, ...;
-- a record's hash is SHA-256 over a canonical, length-prefixed encoding of
-- the record including the previous record's hash (server/audit_chain.c
-- defines it; `cctns-admin audit verify` recomputes it). The hashes are
-- computed by the server, in C; the database checks only that each batch
-- continues its chain's head (sequence and hash), so a retried batch is
-- recognised and a batch that does not fit is refused.
--
-- Append-only for everyone: cctns_server can only call api.audit_append
-- (no grant on the tables at all); triggers refuse UPDATE, DELETE and
-- TRUNCATE of audit.log for every role, the owner included, and allow on
-- audit.chain only the head moving forward. A superuser can still disable
-- the triggers; the chain then shows what was changed (verify names the
-- first broken link). The analyst has no access to the schema.
--
-- Not partitioned: the case partitions (core.partitioned_table, 0019) are
-- LIST (state) then RANGE (year) and are made by core.ensure_partitions
-- inside registrations; audit rows are written in time order by chain, not
-- by state, and are never deleted (retention is years; archiving would
-- detach partitions, which an append-only log forbids anyway). A plain
-- table whose rows arrive in time order is what a BRIN index on `at` is
-- made for: a few pages of index for years of rows, and time-range scans
-- (`cctns-admin audit show --from`) read only the blocks of that range.
--
-- No personal data: codes, the terminal name from the certificate, the
-- officer number, the request type, a record number, a status name.

CREATE SCHEMA audit;
COMMENT ON SCHEMA audit IS
	'Tamper-evident audit log of every request the server answered or refused: hash chains, one per server process; append-only; no access for cctns_server (only api.audit_append) nor the analyst';
REVOKE ALL ON SCHEMA audit FROM PUBLIC;

CREATE TABLE audit.chain (
	chain_id uuid PRIMARY KEY,
	started_at timestamptz NOT NULL,
	host text NOT NULL CHECK (host ~ '^[A-Za-z0-9._-]{1,255}$'),
	pid int NOT NULL CHECK (pid > 0),
	closed_at timestamptz,
	last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
	last_hash bytea NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
		CHECK (length(last_hash) = 32)
);
COMMENT ON TABLE audit.chain IS
	'One hash chain per cctns-server process: where and when it started, and its head (last sequence and hash written), so a deleted tail is detected too';
COMMENT ON COLUMN audit.chain.chain_id IS 'Random id the server process chose at start';
COMMENT ON COLUMN audit.chain.started_at IS 'When the server process started its chain (server clock)';
COMMENT ON COLUMN audit.chain.host IS 'Host name of the server machine';
COMMENT ON COLUMN audit.chain.pid IS 'Process id of the server on that host';
COMMENT ON COLUMN audit.chain.closed_at IS 'When the server closed the chain on a clean exit; NULL while it runs or after a crash';
COMMENT ON COLUMN audit.chain.last_seq IS 'Sequence number of the last record written (0: none yet)';
COMMENT ON COLUMN audit.chain.last_hash IS 'Hash of the last record written (32 zero bytes: none yet); the next record''s prev_hash';

CREATE TABLE audit.log (
	chain_id uuid NOT NULL REFERENCES audit.chain,
	seq bigint NOT NULL CHECK (seq > 0),
	at timestamptz NOT NULL,
	state_code int,
	district_code int,
	station_code int,
	terminal text,
	officer_no text,
	action text NOT NULL,
	record text,
	outcome text NOT NULL,
	prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
	hash bytea NOT NULL CHECK (length(hash) = 32),
	PRIMARY KEY (chain_id, seq)
);
COMMENT ON TABLE audit.log IS
	'One row per request answered or refused by cctns-server. Hash-chained per chain_id; append-only for every role (triggers); verified by cctns-admin audit verify. No personal data';
COMMENT ON COLUMN audit.log.chain_id IS 'The server process''s chain (audit.chain)';
COMMENT ON COLUMN audit.log.seq IS 'Position in the chain: 1, 2, 3, ... without gaps';
COMMENT ON COLUMN audit.log.at IS 'When the server answered or refused the request (server clock, microseconds)';
COMMENT ON COLUMN audit.log.state_code IS 'LGD state code from the client certificate; NULL when the certificate gave none';
COMMENT ON COLUMN audit.log.district_code IS 'LGD district code from the client certificate; NULL when none';
COMMENT ON COLUMN audit.log.station_code IS 'Station code from the client certificate; NULL when none';
COMMENT ON COLUMN audit.log.terminal IS 'Terminal name (the certificate''s OU); NULL when none';
COMMENT ON COLUMN audit.log.officer_no IS 'Number of the officer signed in on the connection; NULL when none';
COMMENT ON COLUMN audit.log.action IS 'Request type (the server''s dispatch row name, e.g. register_fir, get_fir); frame for a malformed frame, tls_handshake for a refused handshake, audit_overflow for requests refused unaudited while the log was backed up (record = how many)';
COMMENT ON COLUMN audit.log.record IS 'The record touched: its number from the request (e.g. the fir_number read) or from the answer (the number a registration got); never names or free text; NULL when none';
COMMENT ON COLUMN audit.log.outcome IS 'The answer''s status: ok, invalid_argument, not_found, permission_denied, unauthenticated, failed_precondition, unavailable, ...';
COMMENT ON COLUMN audit.log.prev_hash IS 'Hash of the previous record of the chain (32 zero bytes for seq 1)';
COMMENT ON COLUMN audit.log.hash IS 'SHA-256 over the canonical encoding of this record and prev_hash (server/audit_chain.c)';

CREATE INDEX log_at_brin ON audit.log USING brin (at);
COMMENT ON INDEX audit.log_at_brin IS 'Time-range scans: rows arrive in time order';

-- ------------------------------------------------------------ append-only

CREATE FUNCTION audit.refuse_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RAISE EXCEPTION USING ERRCODE = 'CT403',
		MESSAGE = format('audit.%s is append-only: %s refused', TG_TABLE_NAME, TG_OP);
END
$fn$;
COMMENT ON FUNCTION audit.refuse_change() IS
	'Trigger: refuse UPDATE, DELETE and TRUNCATE (CT403) of the audit log, for every role including the owner';

CREATE TRIGGER log_append_only BEFORE UPDATE OR DELETE ON audit.log
	FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON audit.log
	FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER chain_no_delete BEFORE DELETE ON audit.chain
	FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER chain_no_truncate BEFORE TRUNCATE ON audit.chain
	FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

CREATE FUNCTION audit.chain_forward() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF NEW.chain_id <> OLD.chain_id OR NEW.started_at <> OLD.started_at
			OR NEW.host <> OLD.host OR NEW.pid <> OLD.pid
			OR NEW.last_seq < OLD.last_seq
			OR (NEW.last_seq = OLD.last_seq AND NEW.last_hash <> OLD.last_hash)
			OR (OLD.closed_at IS NOT NULL AND NEW IS DISTINCT FROM OLD) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT403',
			MESSAGE = 'audit.chain: only the head moves forward, and a closed chain not at all';
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION audit.chain_forward() IS
	'Trigger: an audit.chain row changes only by its head moving forward (or being closed once), for every role including the owner';
CREATE TRIGGER chain_forward BEFORE UPDATE ON audit.chain
	FOR EACH ROW EXECUTE FUNCTION audit.chain_forward();

-- ------------------------------------------------------------ api

-- recs is a JSON array of records in sequence order, each
-- {"q":seq,"t":microseconds since 1970 UTC,"s":state,"d":district,
--  "st":station,"tm":terminal,"o":officer_no,"a":action,"r":record,
--  "c":outcome,"p":prev_hash hex,"h":hash hex} (absent or null: NULL).
CREATE FUNCTION api.audit_append(p_chain uuid, p_host text, p_pid int, p_started bigint, recs jsonb)
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
BEGIN
	IF n = 0 OR v_first IS NULL OR v_last - v_first <> n - 1 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'recs',
			MESSAGE = 'audit batch: records must be numbered without gaps';
	END IF;
	INSERT INTO audit.chain (chain_id, started_at, host, pid)
	VALUES (p_chain, 'epoch'::timestamptz + p_started * interval '1 microsecond', p_host, p_pid)
	ON CONFLICT (chain_id) DO NOTHING;
	SELECT * INTO head FROM audit.chain WHERE chain_id = p_chain FOR UPDATE;
	IF v_last <= head.last_seq THEN
		RETURN head.last_seq; -- a retried batch that had committed
	END IF;
	IF v_first <> head.last_seq + 1 OR decode(recs->0->>'p', 'hex') <> head.last_hash THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'recs',
			MESSAGE = format('audit batch does not continue chain %s at %s', p_chain, head.last_seq);
	END IF;
	INSERT INTO audit.log (chain_id, seq, at, state_code, district_code, station_code, terminal,
		officer_no, action, record, outcome, prev_hash, hash)
	SELECT p_chain, r.q, 'epoch'::timestamptz + r.t * interval '1 microsecond', r.s, r.d, r.st, r.tm,
		r.o, r.a, r.r, r.c, decode(r.p, 'hex'), decode(r.h, 'hex')
	FROM jsonb_to_recordset(recs) AS r(q bigint, t bigint, s int, d int, st int, tm text, o text,
		a text, r text, c text, p text, h text);
	UPDATE audit.chain SET last_seq = v_last, last_hash = decode(recs->(n - 1)->>'h', 'hex')
	WHERE chain_id = p_chain;
	RETURN v_last;
END
$fn$;
COMMENT ON FUNCTION api.audit_append(uuid, text, int, bigint, jsonb) IS
	'cctns-server: append a batch of hashed records to its chain (created on first use) and move the chain''s head; a batch already written returns at once (retry after a lost answer); one that does not continue the head is refused (CT409)';

CREATE FUNCTION api.audit_close(p_chain uuid) RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
	UPDATE audit.chain SET closed_at = now() WHERE chain_id = p_chain AND closed_at IS NULL;
$fn$;
COMMENT ON FUNCTION api.audit_close(uuid) IS
	'cctns-server: mark its chain closed on a clean exit (after its last batch)';

REVOKE ALL ON ALL TABLES IN SCHEMA audit FROM PUBLIC;
REVOKE ALL ON FUNCTION api.audit_append(uuid, text, int, bigint, jsonb), api.audit_close(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.audit_append(uuid, text, int, bigint, jsonb), api.audit_close(uuid) TO cctns_server;

-- reg52_checks.sql: checks of migration 0052 (api.audit_append in fewer statements) against
-- a real, migrated database. Run by run_api_checks.sh; any failed check raises an exception.
--
-- 0052 gives the batch that continues its chain's head a path of its own (one UPDATE of the
-- head, one INSERT); every other batch takes 0027's path. The answers must not change: a
-- new chain is created by its first batch, a continuing batch moves the head, a batch
-- already written answers the head's sequence and writes nothing, a gap is CT400, a batch
-- that does not continue the head (wrong sequence or previous hash) is CT409 with nothing
-- stored, a closed chain refuses more (CT403, its trigger). The chains made here are random
-- uuids of host 'reg52-checks'; audit.log is append-only, so their rows stay (like every
-- chain the checks' servers leave).

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.append(c uuid, recs jsonb) RETURNS bigint LANGUAGE sql AS $fn$
	SELECT api.audit_append(c, 'reg52-checks', 4242, 1795990000000000, recs)
$fn$;
-- The SQLSTATE a call raises, or 'ok'.
CREATE FUNCTION pg_temp.state_of(c uuid, recs jsonb) RETURNS text LANGUAGE plpgsql AS $fn$
BEGIN
	PERFORM pg_temp.append(c, recs);
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END
$fn$;

DO $check$
DECLARE
	c uuid := gen_random_uuid();
	zero text := repeat('00', 32);
	got bigint;
	n bigint;
	st text;
	head audit.chain;
BEGIN
	-- The first batch of a new chain creates it.
	got := pg_temp.append(c, pg_temp.audit_batch(1, 3, zero));
	SELECT * INTO head FROM audit.chain WHERE chain_id = c;
	IF got <> 3 OR head.last_seq <> 3 OR head.last_hash <> decode(pg_temp.audit_h(3), 'hex')
			OR head.host <> 'reg52-checks' OR head.pid <> 4242 THEN
		RAISE EXCEPTION 'first batch: got %, head %', got, head;
	END IF;
	-- A batch that continues the head (the fast path) moves it and writes its rows.
	got := pg_temp.append(c, pg_temp.audit_batch(4, 4, pg_temp.audit_h(3)));
	SELECT * INTO head FROM audit.chain WHERE chain_id = c;
	SELECT count(*) INTO n FROM audit.log WHERE chain_id = c;
	IF got <> 4 OR head.last_seq <> 4 OR head.last_hash <> decode(pg_temp.audit_h(4), 'hex') OR n <> 4 THEN
		RAISE EXCEPTION 'continuing batch: got %, head %, rows %', got, head, n;
	END IF;
	IF (SELECT prev_hash FROM audit.log WHERE chain_id = c AND seq = 4) <> decode(pg_temp.audit_h(3), 'hex') THEN
		RAISE EXCEPTION 'continuing batch: record 4 does not link to record 3';
	END IF;
	-- A batch already written (a retry after a lost answer) answers the head, writes nothing.
	got := pg_temp.append(c, pg_temp.audit_batch(4, 4, pg_temp.audit_h(3)));
	SELECT count(*) INTO n FROM audit.log WHERE chain_id = c;
	IF got <> 4 OR n <> 4 THEN
		RAISE EXCEPTION 'retried batch: got %, rows %', got, n;
	END IF;
	got := pg_temp.append(c, pg_temp.audit_batch(2, 3, pg_temp.audit_h(1)));
	IF got <> 4 THEN
		RAISE EXCEPTION 'retried older batch: got %', got;
	END IF;
	-- Refused, nothing stored: a gap, a wrong previous hash, a batch after a hole, one
	-- overlapping the head.
	st := pg_temp.state_of(c, pg_temp.audit_batch(5, 5, pg_temp.audit_h(4)) || pg_temp.audit_batch(7, 7, pg_temp.audit_h(6)));
	IF st <> 'CT400' THEN RAISE EXCEPTION 'gap: %', st; END IF;
	st := pg_temp.state_of(c, pg_temp.audit_batch(5, 6, pg_temp.audit_h(3)));
	IF st <> 'CT409' THEN RAISE EXCEPTION 'wrong previous hash: %', st; END IF;
	st := pg_temp.state_of(c, pg_temp.audit_batch(6, 6, pg_temp.audit_h(5)));
	IF st <> 'CT409' THEN RAISE EXCEPTION 'batch after a hole: %', st; END IF;
	st := pg_temp.state_of(c, pg_temp.audit_batch(4, 5, pg_temp.audit_h(3)));
	IF st <> 'CT409' THEN RAISE EXCEPTION 'batch overlapping the head: %', st; END IF;
	SELECT * INTO head FROM audit.chain WHERE chain_id = c;
	SELECT count(*) INTO n FROM audit.log WHERE chain_id = c;
	IF head.last_seq <> 4 OR n <> 4 THEN
		RAISE EXCEPTION 'refused batches stored something: head %, rows %', head.last_seq, n;
	END IF;
	-- A new chain whose first batch does not start at 1 is refused and not created.
	st := pg_temp.state_of(gen_random_uuid(), pg_temp.audit_batch(2, 2, zero));
	IF st <> 'CT409' THEN RAISE EXCEPTION 'new chain not at 1: %', st; END IF;
	-- A closed chain takes nothing more.
	PERFORM api.audit_close(c);
	st := pg_temp.state_of(c, pg_temp.audit_batch(5, 5, pg_temp.audit_h(4)));
	IF st <> 'CT403' THEN RAISE EXCEPTION 'closed chain: %', st; END IF;
	SELECT count(*) INTO n FROM audit.log WHERE chain_id = c;
	IF n <> 4 THEN RAISE EXCEPTION 'closed chain stored a record: rows %', n; END IF;
END
$check$;

-- cctns_server may call it (the grant of 0027 survives CREATE OR REPLACE) and nothing else.
\c - cctns_server
DO $check$
DECLARE
	c uuid := gen_random_uuid();
BEGIN
	IF api.audit_append(c, 'reg52-checks', 4243, 1795990000000000,
			jsonb_build_array(jsonb_build_object('q', 1, 't', 1795990000000001, 'a', 'hello',
				'c', 'ok', 'p', repeat('00', 32), 'h', repeat('ab', 32)))) <> 1 THEN
		RAISE EXCEPTION 'cctns_server: append failed';
	END IF;
	PERFORM api.audit_close(c);
	BEGIN
		PERFORM 1 FROM audit.log LIMIT 1;
		RAISE EXCEPTION 'cctns_server can read audit.log';
	EXCEPTION WHEN insufficient_privilege THEN
		NULL;
	END;
END
$check$;

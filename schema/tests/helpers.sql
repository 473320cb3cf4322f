-- helpers.sql: session-local helpers for api_checks.sql and the concurrency
-- workers of run_api_checks.sh. Everything lives in pg_temp (gone at
-- disconnect), so the checks leave no objects behind. \ir it after each \c.

-- A realistic FIR: theft of a mobile phone in Agra (UP state 9, district
-- 118) on 2026-11-20, charged under BNS 303(2). Names are made up.
CREATE FUNCTION pg_temp.sample() RETURNS jsonb LANGUAGE sql AS $json$
SELECT $${
  "occurred_from": "2026-11-20T18:30:00+05:30",
  "occurred_to": "2026-11-20T18:45:00+05:30",
  "information_received_at": "2026-11-21T10:15:00+05:30",
  "information_type": "written",
  "place": {
    "address": {"line1": "Near Gate 2, Sadar Bazaar", "city": "Agra",
                "district_code": 118, "state_code": 9, "pincode": "282001"},
    "distance_m": 1200,
    "direction": "ne",
    "beat": "Beat 4"
  },
  "charges": [{"act": "bns", "section": "303(2)"}],
  "complainant": {
    "name": "Ramesh Kumar",
    "relative_kind": "father",
    "relative_name": "Suresh Kumar",
    "gender": "male",
    "year_of_birth": 1988,
    "nationality": "Indian",
    "occupation": "Shopkeeper",
    "address": {"line1": "12 Civil Lines", "city": "Agra",
                "district_code": 118, "state_code": 9, "pincode": "282002"},
    "phone": "+91 98765 43210"
  },
  "accused": [{"kind": "unknown",
               "description": "Two young men on a black motorcycle, one in a red jacket",
               "count": 2}],
  "brief_facts": "While the complainant was walking in Sadar Bazaar, two men on a motorcycle snatched his mobile phone and rode away towards the fort.",
  "properties": [{"kind": "mobile_phone", "description": "Samsung Galaxy A54, black",
                  "value_rupees": 32000}],
  "delay_reason": "The complainant first searched the market for the phone."
}$$::jsonb
$json$;

-- A fresh 16-byte idempotency key.
CREATE FUNCTION pg_temp.key() RETURNS bytea LANGUAGE sql VOLATILE AS $$
	SELECT decode(md5(random()::text || clock_timestamp()::text), 'hex')
$$;

-- Fail loudly unless ok.
CREATE FUNCTION pg_temp.check(ok boolean, what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF ok IS NOT TRUE THEN
		RAISE EXCEPTION 'FAIL: %', what;
	END IF;
	RAISE NOTICE 'ok: %', what;
END
$$;

-- Run sql; it must fail with SQLSTATE want_state, COLUMN want_column (when
-- not NULL) and a message LIKE want_msg (when not NULL).
CREATE FUNCTION pg_temp.expect_error(sql text, want_state text, want_column text,
	want_msg text DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	st text;
	col text;
	msg text;
BEGIN
	BEGIN
		EXECUTE sql;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, col = COLUMN_NAME, msg = MESSAGE_TEXT;
	END;
	IF st IS NULL THEN
		RAISE EXCEPTION 'FAIL: succeeded, expected %: %', want_state, left(sql, 300);
	END IF;
	IF st <> want_state OR (want_column IS NOT NULL AND col IS DISTINCT FROM want_column)
		OR (want_msg IS NOT NULL AND msg NOT LIKE want_msg) THEN
		RAISE EXCEPTION 'FAIL: got % column "%" message "%"; expected % column "%" message like "%"',
			st, col, msg, want_state, want_column, want_msg;
	END IF;
	RAISE NOTICE 'ok: % % "%"', st, coalesce(nullif(col, ''), '-'), msg;
END
$$;

-- api.register_fir(state, district, station, fresh key, fir) as a string for
-- expect_error.
CREATE FUNCTION pg_temp.reg_sql(state int, district int, station int, fir jsonb) RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.register_fir(%s, %s, %s, %L::bytea, %L::jsonb)',
		state, district, station, pg_temp.key(), fir)
$$;

-- The sample with one field replaced (jsonb_set path) at station 9:118:990001.
CREATE FUNCTION pg_temp.bad(path text[], value jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT pg_temp.reg_sql(9, 118, 990001, jsonb_set(pg_temp.sample(), path, value, true))
$$;

-- Does table core.<name> exist? (pg_class is readable without USAGE on core.)
CREATE FUNCTION pg_temp.core_table(name text) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c
		WHERE c.relnamespace = 'core'::regnamespace AND c.relname = name)
$$;

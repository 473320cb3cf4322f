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

-- A time as the api writes it: RFC 3339 in IST, fraction only when not zero.
CREATE FUNCTION pg_temp.ist(t timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT to_char(t AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD"T"HH24:MI:SS')
		|| CASE WHEN date_trunc('second', t) <> t
			THEN '.' || rtrim(to_char(t AT TIME ZONE 'Asia/Kolkata', 'US'), '0') ELSE '' END
		|| '+05:30'
$$;

-- Officers (names made up).
CREATE FUNCTION pg_temp.officer(n int) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT (ARRAY[
		'{"number": "UP-15432", "name": "Ravi Kumar Sharma", "rank": "SI"}',
		'{"number": "UP-09876", "name": "Anil Kumar Tyagi", "rank": "Inspector"}',
		'{"number": "UP-20211", "name": "Meena Verma", "rank": "SI"}',
		'{"number": "UP-31007", "name": "Harish Chandra", "rank": "HC"}'])[n]::jsonb
$$;

-- An AddGdEntry (without key) of a station kind, by officer 4.
CREATE FUNCTION pg_temp.gd(kind text, text text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT jsonb_build_object('kind', kind, 'text', text, 'officer', pg_temp.officer(4))
$$;

-- A realistic arrest memo (IIF-III) for an arrest at time at, by officer 1;
-- no field at its default, so that it reads back equal. Names made up.
CREATE FUNCTION pg_temp.memo(at timestamptz) RETURNS jsonb LANGUAGE sql STABLE AS $json$
SELECT $${
  "person": {"name": "Sonu Kumar", "relative_kind": "father", "relative_name": "Ram Prakash",
             "gender": "male", "year_of_birth": 2002, "nationality": "Indian", "occupation": "Labourer",
             "address": {"line1": "Jhuggi 27, Nagla Padi", "city": "Agra", "district_code": 118,
                         "state_code": 9, "pincode": "282002"},
             "phone": "9000000001"},
  "aliases": ["Kallu"],
  "identity_document": {"kind": "aadhaar_masked", "number": "4821"},
  "religion": "Hindu",
  "permanent_address": {"line1": "Village Nagla Ramji", "city": "Kiraoli", "district_code": 118,
                        "state_code": 9, "pincode": "283122"},
  "place": "Parking stand of Raja ki Mandi railway station, Agra",
  "outcome": "arrested_forwarded",
  "injuries": "None seen at the time of arrest.",
  "medical_examination": "District Hospital, Agra, within two hours of the arrest; no injuries.",
  "articles_found": "A black mobile phone; Rs 12,500 in cash; a screwdriver.",
  "relative_informed": "Ram Prakash (father), by telephone",
  "descriptive_roll": {"height_cm": 170, "build": "thin", "complexion": "wheatish",
                       "identification_marks": "Scar about 3 cm long above the left eyebrow",
                       "hair": "Black, short", "eyes": "Brown", "languages": ["Hindi", "Braj"],
                       "scars": "Above the left eyebrow", "tattoos": "\"Sonu\" on the right forearm"},
  "fingerprints_taken": true,
  "known_criminal": true
}$$::jsonb || jsonb_build_object('arrested_at', pg_temp.ist(at), 'relative_informed_at', pg_temp.ist(at),
	'designated_officer_informed_at', pg_temp.ist(at), 'officer', pg_temp.officer(1))
$json$;

-- api.register_arrest(9, 118, station, fresh key, fir_number, memo) as a string for expect_error.
CREATE FUNCTION pg_temp.arrest_sql(station int, fir_number text, memo jsonb) RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.register_arrest(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), fir_number, memo)
$$;

-- fir (0010): a FirContent read back as it was registered, without what the
-- server adds to an answer: the person_id of each person linked in the
-- persons register, and total_value_rupees, the sum of the properties.
CREATE FUNCTION pg_temp.as_sent(c jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT ((c - 'total_value_rupees') #- '{complainant,person_id}' #- '{informant,person_id}')
		|| CASE WHEN jsonb_typeof(c -> 'accused') = 'array' THEN jsonb_build_object('accused',
			(SELECT jsonb_agg(e.a #- '{person,person_id}' ORDER BY e.n)
			FROM jsonb_array_elements(c -> 'accused') WITH ORDINALITY e(a, n))) ELSE '{}' END
$$;

-- Audit chains (reg52, core57): a batch of records first..last for api.audit_append, the first
-- continuing prev (hex), each record's hash made up from its sequence (pg_temp.audit_h: the
-- database checks links, not hashes).
CREATE FUNCTION pg_temp.audit_h(q bigint) RETURNS text LANGUAGE sql AS $fn$
	SELECT encode(sha256(int8send(q)), 'hex')
$fn$;
CREATE FUNCTION pg_temp.audit_batch(first bigint, last bigint, prev text) RETURNS jsonb
LANGUAGE sql AS $fn$
	SELECT jsonb_agg(jsonb_build_object('q', q, 't', 1795990000000000 + q, 's', 9, 'd', 118,
		'st', 990350, 'tm', 'desk-1', 'o', 'CHECKS', 'a', 'get_fir', 'r', q || '/2026',
		'c', 'ok', 'p', CASE WHEN q = first THEN prev ELSE pg_temp.audit_h(q - 1) END,
		'h', pg_temp.audit_h(q)) ORDER BY q)
	FROM generate_series(first, last) q
$fn$;

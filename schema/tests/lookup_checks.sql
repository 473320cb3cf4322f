-- lookup_checks.sql: checks of the reference lookups behind the terminal's
-- pick-lists (migration 0016, api.lookup_ref) against a real, migrated
-- CCTNS database. Run by run_api_checks.sh after api_checks.sql, whose
-- cleanup removes the test stations (codes >= 990000) of an earlier run.
-- Test stations: 990040 (Agra, active), 990041 (Agra, inactive), 990042
-- (Aligarh, district 119). Any failed check raises an exception.

\set ON_ERROR_STOP 1

-- ============================================================ setup
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990040, 'Test PS 990040 Agra Sadar Bazaar', true),
	(9, 118, 990041, 'Test PS 990041 Agra Closed', false),
	(9, 119, 990042, 'Test PS 990042 Aligarh Quarsi', true)
ON CONFLICT DO NOTHING;

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql

-- api.lookup_ref as station 990040 (Agra, Uttar Pradesh).
CREATE FUNCTION pg_temp.lk(req jsonb) RETURNS jsonb LANGUAGE sql AS $$
	SELECT api.lookup_ref(9, 118, 990040, req)
$$;
CREATE FUNCTION pg_temp.lk_sql(req jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT format('SELECT api.lookup_ref(9, 118, 990040, %L::jsonb)', req)
$$;
-- "act section" of each item: 'bns 303', 'ipc 379'.
CREATE FUNCTION pg_temp.sections(l jsonb) RETURNS text[] LANGUAGE sql AS $$
	SELECT coalesce(array_agg((i ->> 'parent') || ' ' || (i ->> 'code') ORDER BY n), '{}')
	FROM jsonb_array_elements(l -> 'items') WITH ORDINALITY AS x(i, n)
$$;
CREATE FUNCTION pg_temp.codes(l jsonb) RETURNS text[] LANGUAGE sql AS $$
	SELECT coalesce(array_agg(i ->> 'code' ORDER BY n), '{}')
	FROM jsonb_array_elements(l -> 'items') WITH ORDINALITY AS x(i, n)
$$;

-- ------------------------------------------------------------ sections
SELECT pg_temp.check(s[1:2] = '{"bns 303","ipc 303"}', 'section 303 by number: BNS 303 and IPC 303 first, got ' || s::text)
FROM pg_temp.sections(pg_temp.lk('{"kind": "section", "query": "303"}')) s;
SELECT pg_temp.check(s[1] = 'bns 303', 'a typed sub-section finds its base section: 303(2) -> BNS 303')
FROM pg_temp.sections(pg_temp.lk('{"kind": "section", "query": "303(2)", "act": "bns"}')) s;
SELECT pg_temp.check(s[1] = 'ipc 498A', 'a letter suffix in any case: 498a -> IPC 498A')
FROM pg_temp.sections(pg_temp.lk('{"kind": "section", "query": "498a", "act": "ipc"}')) s;
SELECT pg_temp.check(l -> 'items' -> 0 = '{"code": "303", "label": "Theft", "extra": "IPC 378, IPC 379", "parent": "bns"}',
	'by words: "theft" finds BNS 303 Theft first, with its IPC sections: ' || (l -> 'items' -> 0)::text)
FROM pg_temp.lk('{"kind": "section", "query": "theft", "act": "bns"}') l;
SELECT pg_temp.check(s[1] = 'bns 303' AND 'bns 305' = ANY (s),
	'words of which not all match still find the best: "theft vehicle" -> ' || s::text)
FROM pg_temp.sections(pg_temp.lk('{"kind": "section", "query": "theft vehicle", "act": "bns"}')) s;
SELECT pg_temp.check(s[1] = 'bns 304', 'a word matches the start of a word: "snatch" -> BNS 304 Snatching')
FROM pg_temp.sections(pg_temp.lk('{"kind": "section", "query": "snatch"}')) s;
SELECT pg_temp.check(l -> 'items' -> 0 ->> 'extra' = 'BNS 303(2)' AND l -> 'items' -> 0 ->> 'code' = '379',
	'IPC 379 names its BNS counterpart 303(2)')
FROM pg_temp.lk('{"kind": "section", "query": "379", "act": "ipc"}') l;
SELECT pg_temp.check(l ->> 'act' = 'ipc' AND 'ipc 379' = ANY (s)
		AND NOT EXISTS (SELECT 1 FROM unnest(s) x WHERE x NOT LIKE 'ipc %'),
	'an offence date before 1 July 2024 keeps IPC only and says so')
FROM pg_temp.lk('{"kind": "section", "query": "theft", "on_date": "2024-06-30"}') l, pg_temp.sections(l) s;
SELECT pg_temp.check(l ->> 'act' = 'bns' AND s[1] = 'bns 303', 'from 1 July 2024, BNS')
FROM pg_temp.lk('{"kind": "section", "query": "theft", "on_date": "2024-07-01"}') l, pg_temp.sections(l) s;
SELECT pg_temp.check(jsonb_array_length(l -> 'items') = 2 AND (l ->> 'more')::boolean,
	'limit 2: two items and more')
FROM pg_temp.lk('{"kind": "section", "query": "theft", "limit": 2}') l;
SELECT pg_temp.check(NOT (l ? 'more') AND jsonb_array_length(l -> 'items') = 1,
	'no more when all fit')
FROM pg_temp.lk('{"kind": "section", "query": "snatching", "act": "bns"}') l;
SELECT pg_temp.check(l = '{"kind": "section", "items": []}', 'nothing found is an empty list')
FROM pg_temp.lk('{"kind": "section", "query": "zzzqqq"}') l;
SELECT pg_temp.check(jsonb_array_length(l -> 'items') = 20, 'no query: the first 20')
FROM pg_temp.lk('{"kind": "section"}') l;
SELECT pg_temp.check(pg_temp.lk(format('{"kind": "section", "query": %s}', to_jsonb(q))::jsonb) IS NOT NULL,
	'regular-expression characters in a query are only separators: ' || q)
FROM unnest(ARRAY['(.*', '\', '[a-', 'theft)|(', '^$', '%_']) q;

-- ------------------------------------------------------------ places
SELECT pg_temp.check(l -> 'items' = '[{"code": "118", "label": "Agra", "extra": "Uttar Pradesh", "parent": "9"}]',
	'district by name in the caller''s state: ' || (l -> 'items')::text)
FROM pg_temp.lk('{"kind": "district", "query": "agra"}') l;
SELECT pg_temp.check(pg_temp.codes(pg_temp.lk('{"kind": "district", "query": "118"}')) = '{118}', 'district by its code');
SELECT pg_temp.check(pg_temp.codes(pg_temp.lk('{"kind": "district", "query": "agra", "state_code": 10}')) = '{}',
	'another state''s districts when asked: no Agra in Bihar');
SELECT pg_temp.check(c <> '{}' AND NOT '118' = ANY (c), 'districts by a word of the name: "nagar" -> ' || c::text)
FROM pg_temp.codes(pg_temp.lk('{"kind": "district", "query": "nagar"}')) c;
SELECT pg_temp.check(pg_temp.codes(pg_temp.lk('{"kind": "district", "query": "agra nagar"}')) = '{}',
	'every word of a district''s name must match: none is both agra and nagar');
SELECT pg_temp.check('990040' = ANY (c) AND NOT '990041' = ANY (c) AND NOT '990042' = ANY (c),
	'stations of the caller''s district, active ones only: ' || c::text)
FROM pg_temp.codes(pg_temp.lk('{"kind": "station", "query": "test ps agra", "limit": 100}')) c;
SELECT pg_temp.check(c = '{990042}', 'stations of another district when asked')
FROM pg_temp.codes(pg_temp.lk('{"kind": "station", "query": "quarsi", "district_code": 119}')) c;
SELECT pg_temp.check(l -> 'items' -> 0 ->> 'parent' = '118' AND l -> 'items' -> 0 ->> 'extra' = 'Agra',
	'a station names its district')
FROM pg_temp.lk('{"kind": "station", "query": "990040"}') l;
SELECT pg_temp.check(c[1:2] = '{9,5}' OR c = '{5,9}' OR c @> '{5,9}', 'states by name: "uttar" -> ' || c::text)
FROM pg_temp.codes(pg_temp.lk('{"kind": "state", "query": "uttar"}')) c;

-- ------------------------------------------------------------ MO heads, laws
SELECT pg_temp.check(l -> 'items' = '[{"code": "lock_broken", "label": "House breaking: lock or latch broken", "parent": "house_breaking"}]',
	'MO head by a word: code the minor head, parent the major head')
FROM pg_temp.lk('{"kind": "mo_head", "query": "lock"}') l;
SELECT pg_temp.check((pg_temp.codes(pg_temp.lk('{"kind": "mo_head", "query": "house breaking"}')))[1] = 'general',
	'a major head lists its general head first');
SELECT pg_temp.check((pg_temp.codes(pg_temp.lk('{"kind": "special_law", "query": "ndps"}')))[1] = 'NDPS',
	'a law by its short name in any case');
SELECT pg_temp.check(pg_temp.codes(pg_temp.lk('{"kind": "special_law", "query": "narcotic"}')) = '{NDPS}',
	'a law by a word of its title');

-- ------------------------------------------------------------ refused
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"query": "theft"}'), 'CT400', 'kind');
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"kind": "police"}'), 'CT400', 'kind');
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"kind": "section", "act": "special_local"}'), 'CT400', 'act');
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"kind": "district", "act": "bns"}'), 'CT400', 'act', '%section lookups only%');
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"kind": "section", "on_date": "2024-02-30"}'), 'CT400', 'on_date');
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"kind": "section", "on_date": "30/01/2024"}'), 'CT400', 'on_date');
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"kind": "state", "on_date": "2024-01-30"}'), 'CT400', 'on_date');
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"kind": "section", "limit": 101}'), 'CT400', 'limit');
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"kind": "section", "limit": -1}'), 'CT400', 'limit');
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"kind": "section", "colour": "red"}'), 'CT400', 'colour');
SELECT pg_temp.expect_error(pg_temp.lk_sql(jsonb_build_object('kind', 'section', 'query', repeat('a', 201))), 'CT400', 'query');
SELECT pg_temp.expect_error(pg_temp.lk_sql('{"kind": "section", "query": 303}'), 'CT400', 'query', '%string%');
SELECT pg_temp.expect_error(pg_temp.lk_sql('"section"'), 'CT400', '');
SELECT pg_temp.expect_error($$SELECT api.lookup_ref(9, 118, 990041, '{"kind": "section"}')$$, 'CT401', NULL, '%not active%');
SELECT pg_temp.expect_error($$SELECT api.lookup_ref(9, 118, 990049, '{"kind": "section"}')$$, 'CT401', NULL);

-- ============================================================ grants
\c - cctns_owner
\ir helpers.sql
SELECT pg_temp.check(has_function_privilege('cctns_server', 'api.lookup_ref(int, int, int, jsonb)', 'EXECUTE')
	AND NOT has_function_privilege('cctns_analyst', 'api.lookup_ref(int, int, int, jsonb)', 'EXECUTE')
	AND NOT has_function_privilege('cctns_server', 'core.lookup_section(text, text, text, int)', 'EXECUTE'),
	'only the server calls api.lookup_ref; the core lookups are not callable');

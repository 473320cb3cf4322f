-- search_checks.sql: checks of the person search (migration 0025) against a
-- real, migrated CCTNS database, with hand-made persons: each rule of name
-- reading (honorifics, Md/Mohd, initials, S/o D/o W/o, the phonetic key's
-- tolerances), each filter, the reasons, the ranking, duplicates, merge,
-- unmerge and distinct, and that the trigger keeps the search rows right
-- for every way a person or a detail is written. Run by run_api_checks.sh;
-- any failed check raises an exception. Test stations 990075..990079 of
-- state 1 (Jammu and Kashmir), districts 1..3; api_checks.sql deletes their
-- rows before each run.

\set ON_ERROR_STOP 1

-- ============================================================ setup, as cctns_owner
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
-- Search rows of persons whose partitions api_checks.sql dropped (states 37, 38).
DELETE FROM core.person_search s WHERE s.state_code IN (37, 38)
	AND NOT EXISTS (SELECT 1 FROM core.person p WHERE p.person_id = s.person_id AND p.state_code = s.state_code);
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(1, 1, 990075, 'Test PS 990075 Anantnag (search)', true),
	(1, 1, 990076, 'Test PS 990076 Anantnag (search)', true),
	(1, 2, 990077, 'Test PS 990077 Budgam (search)', true),
	(1, 3, 990078, 'Test PS 990078 Baramulla (merge)', true),
	(1, 3, 990079, 'Test PS 990079 Baramulla (merge)', true);
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
SELECT core.ensure_partitions(1, :y);

-- ------------------------------------------------------------ the name functions
SELECT pg_temp.check(core.name_tokens('Shri Md. Shahid') = '{mohammad,shahid}'
	AND core.name_tokens('Smt. Sunita Devi') = '{sunita,devi}'
	AND core.name_tokens('Late Dr. Mohammed Irfan') = '{mohammad,irfan}'
	AND core.name_tokens('Km Pooja') = '{pooja}' AND core.name_tokens('Mr. & Mrs.') = '{}',
	'honorifics Shri Smt Late Dr Km Mr Mrs are dropped; Md. and Mohammed are the one token mohammad');
SELECT pg_temp.check(core.name_tokens('Mohd') = core.name_tokens('Muhammad')
	AND core.name_tokens('Mohammad') = core.name_tokens('Mohamed') AND core.name_tokens('MD') = '{mohammad}',
	'Md, Mohd, Mohammad, Mohamed, Muhammad are one token');
SELECT pg_temp.check(core.name_tokens('K.R.Narayanan') = '{k,r,narayanan}'
	AND core.name_tokens('Ram Kr. Singh') = '{ram,kumar,singh}',
	'dots split initials (K.R.Narayanan = k r narayanan); Kr is kumar');
SELECT pg_temp.check((s).name = 'Ramesh' AND (s).relative_kind = 'father' AND (s).relative_name = 'Suresh Kumar',
	'S/o splits off the father')
FROM (SELECT core.name_split('Ramesh S/o Suresh Kumar') s) x;
SELECT pg_temp.check((s).name = 'Sunita' AND (s).relative_kind = 'husband' AND (s).relative_name = 'Ram Lal',
	'W/o splits off the husband (any case, with spaces)')
FROM (SELECT core.name_split('Sunita w / o Ram Lal') s) x;
SELECT pg_temp.check((s).name = 'Pooja' AND (s).relative_kind = 'father' AND (s).relative_name = 'Anil',
	'D/o and "daughter of" split off the father')
FROM (SELECT core.name_split('Pooja daughter of Anil') s) x;
SELECT pg_temp.check((s).name = 'Sohan Singh' AND (s).relative_name IS NULL, 'a name without S/o stays whole')
FROM (SELECT core.name_split('Sohan Singh') s) x;

-- Each tolerance of the key, as pairs that must have one key.
SELECT pg_temp.check(core.name_key(a) = core.name_key(b), format('key: %s = %s (%s)', a, b, why))
FROM (VALUES ('Kumaar', 'Kumar', 'vowel length aa/a'), ('Rameesh', 'Ramesh', 'vowel length ee/i'),
	('Puja', 'Pooja', 'vowel length oo/u'), ('Dipak', 'Deepak', 'ee/i'),
	('Sahid', 'Shahid', 'sh/s'), ('Vikas', 'Vikash', 'sh/s'), ('Vinod', 'Winod', 'v/w'),
	('Bikash', 'Vikas', 'b/v (Bengali)'), ('Farooq', 'Pharooq', 'ph/f'), ('Tushar', 'Thushar', 'th/t'),
	('Sidharth', 'Siddharth', 'dh/d and doubled letters'), ('Sukhdev', 'Sukdev', 'kh/k'),
	('Raghav', 'Ragav', 'gh/g'), ('Bhupinder', 'Bupinder', 'bh/b'), ('Aziz', 'Ajij', 'z/j'),
	('Vijay', 'Vijai', 'y/i'), ('Krishna', 'Krishan', 'final a'), ('Ramesha', 'Ramesh', 'final a'),
	('Mohammad', 'Muhammad', 'vowels'), ('Chaudhary', 'Chowdhury', 'ow/au'), ('Lakshmi', 'Laxmi', 'x/ks'),
	('Qureshi', 'Kureshi', 'q/k'), ('Imran', 'Emran', 'a leading vowel is one'),
	('Gurpreet', 'Gurprit', 'ee/i'), ('Shaheed', 'Shahid', 'ee/i and h'), ('Anil', 'Aneel', 'ee/i'),
	('Srivastava', 'Shrivastav', 'sh/s and final a'), ('Mukherjee', 'Mukerji', 'kh/k, ee/i'),
	('Abdul', 'Abdool', 'oo/u'), ('Rafiq', 'Rafeeq', 'ee/i'), ('Rafiq', 'Rafik', 'q/k')) v(a, b, why);
SELECT pg_temp.check(core.name_key(a) <> core.name_key(b), format('key: %s <> %s', a, b))
FROM (VALUES ('Ramesh', 'Suresh'), ('Sunil', 'Sunita'), ('Anil', 'Amit'), ('Rahul', 'Rohit'),
	('Kumar', 'Kamal'), ('Singh', 'Sharma')) v(a, b);
SELECT pg_temp.check(core.name_key('K') = 'k' AND core.name_key('Rao') = 'ra' AND core.name_key('Jha') = 'ja' AND core.name_key('') IS NULL AND core.name_key(NULL) IS NULL
	AND core.name_key('123') IS NULL, 'an initial is its own key; a longer word never a one-letter key (Rao, Jha); no letters, no key');
SELECT pg_temp.check((SELECT array_agg(w ORDER BY w) FROM unnest(core.search_words('Mole on left cheek, scars on both hands')) w) = '{both,cheek,hand,left,mole,scar}',
	'mark words: lower case, 3 letters or more, a final s dropped');
SELECT pg_temp.check(core.doc_number_norm('ab-12 345 67') = 'AB1234567', 'document numbers: letters and digits, upper case');

-- ------------------------------------------------------------ hand-made persons
-- Made here as cctns_owner straight into core.person: the load path of a
-- COPY; the trigger makes their search rows.
CREATE TEMP TABLE p (tag text PRIMARY KEY, pid bigint);
INSERT INTO p
SELECT v.tag, nextval('core.person_id_seq') FROM (VALUES ('shahid'), ('shaheed'), ('kramesh'), ('krishnan'),
	('vikas'), ('sunita'), ('sunita2'), ('pooja'), ('irfan'), ('gurpreet'), ('rameshkumar'), ('mark'), ('doc'),
	('m1'), ('m2'), ('m3')) v(tag);
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name,
	gender, year_of_birth, addr_line1, addr_city, addr_district_code, addr_state_code, aliases)
SELECT p.pid, 1, :y, v.di, v.st, v.n, v.rk, v.r, v.g, v.yob, v.l1, v.city, v.adi, CASE WHEN v.adi IS NOT NULL THEN 1 END,
	v.al
FROM p JOIN (VALUES
	('shahid', 1, 990075, 'Mohd. Shahid', 'father', 'Mohammad Rafiq', 'male', 1990, 'Lal Chowk', 'Anantnag', NULL, '{Shahid Bhai}'::text[]),
	('shaheed', 2, 990077, 'Md Shaheed', 'father', 'Mohd Rafeeq', 'male', 1991, 'Hyderpora', 'Budgam', 2, '{}'),
	('kramesh', 1, 990075, 'K. Ramesh', 'father', 'Kuppusamy', 'male', 1970, 'Gandhi Road', 'Anantnag', NULL, '{}'),
	('krishnan', 1, 990076, 'Krishnan Ramesh', 'father', 'Krishnan', 'male', 1985, 'Temple Street', 'Anantnag', NULL, '{}'),
	('vikas', 2, 990077, 'Vikas Kumar Srivastava', 'father', 'Suresh Chandra', 'male', 1992, 'Civil Lines', 'Budgam', NULL, '{Vicky}'),
	('sunita', 1, 990075, 'Smt. Sunita Devi', 'husband', 'Ram Lal', 'female', 1980, 'Mandi Mohalla', 'Anantnag', NULL, '{}'),
	('sunita2', 1, 990075, 'Sunita Devi', 'father', 'Hari Om', 'female', 2001, 'Bus Stand', 'Anantnag', NULL, '{}'),
	('pooja', 2, 990077, 'Km. Puja Kumari', 'father', 'Anil Kumar', 'female', 2005, 'Station Road', 'Budgam', NULL, '{}'),
	('irfan', 3, 990078, 'Late Dr. Muhammad Irfan Qureshi', 'father', 'Abdul Aziz', 'male', 1960, 'Old Town', 'Baramulla', NULL, '{}'),
	('gurpreet', 3, 990078, 'Gurpreet Singh', 'father', 'Bhupinder Singh', 'male', 1995, 'Gurdwara Road', 'Baramulla', NULL, '{}'),
	('rameshkumar', 3, 990079, 'Ramesh Kumar', 'father', 'Suresh Kumar', 'male', 1988, 'Main Bazar', 'Baramulla', NULL, '{}'),
	('mark', 3, 990079, 'Rahul', NULL, NULL, 'male', NULL, NULL, NULL, NULL, '{}'),
	('doc', 3, 990079, 'Rohit', NULL, NULL, 'male', 1999, NULL, NULL, NULL, '{}'),
	('m1', 3, 990078, 'Javed Ahmad Dar', 'father', 'Ghulam Nabi Dar', 'male', 1984, 'Sopore', 'Baramulla', NULL, '{}'),
	('m2', 3, 990079, 'Jawed Ahmed Dar', 'father', 'Gulam Nabi', 'male', 1985, 'Sopore', 'Baramulla', NULL, '{}'),
	('m3', 3, 990079, 'Javid Dar', 'father', 'Ghulam Nabi Dar', 'male', 1984, 'Sopore', 'Baramulla', NULL, '{}'))
	v(tag, di, st, n, rk, r, g, yob, l1, city, adi, al) ON v.tag = p.tag;
SELECT pg_temp.check(count(*) = 16, 'the trigger made a search row for each person inserted')
FROM core.person_search s JOIN p ON p.pid = s.person_id WHERE s.state_code = 1;
-- Details added later (as api.update_person adds them): the trigger refreshes the row.
INSERT INTO core.person_roll (state_code, year, person_id, identification_marks, moles, district_code, station_code)
SELECT 1, :y, pid, 'Burn mark on right forearm', 'Mole on left cheek', 3, 990079 FROM p WHERE tag = 'mark';
INSERT INTO core.person_document (state_code, year, person_id, kind, number, district_code, station_code)
SELECT 1, :y, pid, 'voter_id', 'JK/01/234/567890', 3, 990079 FROM p WHERE tag = 'doc';
INSERT INTO core.person_alias (state_code, year, person_id, alias, district_code, station_code)
SELECT 1, :y, pid, 'Guddu', 3, 990079 FROM p WHERE tag = 'rameshkumar';
INSERT INTO core.person_address (state_code, year, person_id, kind, addr_line1, addr_city, district_code, station_code)
SELECT 1, :y, pid, 'present', 'Khanyar Chowk', 'Srinagar', 3, 990079 FROM p WHERE tag = 'doc';
SELECT pg_temp.check(s.mark_words @> '{mole,cheek,burn,forearm}' AND 'm:mole' = ANY (s.tags),
	'a descriptive roll added later is searchable (trigger on core.person_roll)')
FROM core.person_search s JOIN p ON p.pid = s.person_id AND p.tag = 'mark';
SELECT pg_temp.check(s.docs = '{JK01234567890}' AND 'd:JK01234567890' = ANY (s.tags) AND 'a:knr' = ANY (s.tags),
	'a document and an address added later are searchable (triggers on core.person_document, person_address)')
FROM core.person_search s JOIN p ON p.pid = s.person_id AND p.tag = 'doc';
SELECT pg_temp.check(s.alias_tok = '{guddu}', 'an alias added later is searchable (trigger on core.person_alias)')
FROM core.person_search s JOIN p ON p.pid = s.person_id AND p.tag = 'rameshkumar';
UPDATE core.person SET relative_name = 'Suresh Kumar Verma' WHERE person_id = (SELECT pid FROM p WHERE tag = 'rameshkumar')
	AND state_code = 1;
SELECT pg_temp.check(s.rel_tok = '{suresh,kumar,verma}' AND s.alias_tok = '{guddu}',
	'an update of the person refreshes the row, details kept')
FROM core.person_search s JOIN p ON p.pid = s.person_id AND p.tag = 'rameshkumar';
-- Hand the numbers to the server session.
SELECT format('%s', string_agg(format('"%s": %s', tag, pid), ', ')) AS pids FROM p \gset

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql
SET client_min_messages = warning;
CREATE FUNCTION pg_temp.ids(r jsonb) RETURNS bigint[] LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(array_agg((m ->> 'person_id')::bigint ORDER BY i), '{}')
	FROM jsonb_array_elements(r -> 'matches') WITH ORDINALITY AS x(m, i)
$$;
CREATE FUNCTION pg_temp.s(q jsonb) RETURNS jsonb LANGUAGE sql AS $$
	SELECT api.search_persons(1, 3, 990079, q)
$$;
CREATE FUNCTION pg_temp.reasons(r jsonb, pid bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT string_agg(x, '; ') FROM jsonb_array_elements(r -> 'matches') m, jsonb_array_elements_text(m -> 'reasons') x
	WHERE (m ->> 'person_id')::bigint = pid
$$;
SELECT :'pids' AS pids \gset
CREATE TEMP TABLE p AS SELECT key AS tag, value::bigint AS pid FROM jsonb_each_text(('{' || :'pids' || '}')::jsonb);
CREATE FUNCTION pg_temp.pid(t text) RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT pid FROM p WHERE tag = t $$;

-- ------------------------------------------------------------ name rules, through the api
SELECT pg_temp.check((pg_temp.ids(r))[1:2] @> ARRAY[pg_temp.pid('shahid'), pg_temp.pid('shaheed')]
		AND pg_temp.reasons(r, pg_temp.pid('shahid')) LIKE '%name sounds alike sahid ~ shahid%'
		AND pg_temp.reasons(r, pg_temp.pid('shahid')) LIKE '%father''s name sounds alike rafik ~ rafiq%'
		AND pg_temp.reasons(r, pg_temp.pid('shahid')) LIKE '%name exact mohammad%'
		AND r ->> 'searched_as' LIKE 'name mohammad sahid; father''s name rafik%',
	'"Mohammed Sahid S/o Rafik" finds Mohd. Shahid and Md Shaheed (Md/Mohd one token, sh/s, ee/i, q/k, S/o), with reasons')
FROM pg_temp.s('{"name": "Mohammed Sahid S/o Rafik"}') r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('shahid') AND (pg_temp.ids(r))[2] = pg_temp.pid('shaheed'),
	'ranking: the exact spelling and the father''s exact name come first')
FROM pg_temp.s('{"name": "Mohd Shahid", "relative_name": "Mohammad Rafiq"}') r;
SELECT pg_temp.check(pg_temp.ids(r) @> ARRAY[pg_temp.pid('krishnan'), pg_temp.pid('kramesh')]
		AND pg_temp.reasons(r, pg_temp.pid('krishnan')) LIKE '%name initial k = krishnan%'
		AND pg_temp.reasons(r, pg_temp.pid('kramesh')) LIKE '%name exact k%',
	'initials: "Ramesh K" (initial last) finds K. Ramesh (exact) and Krishnan Ramesh (initial)')
FROM pg_temp.s('{"name": "Ramesh K"}') r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('kramesh')
		AND pg_temp.reasons(r, pg_temp.pid('kramesh')) LIKE '%name initial kuppusamy = k%',
	'initials expanded: "Kuppusamy Ramesh" finds K. Ramesh first')
FROM pg_temp.s('{"name": "Kuppusamy Ramesh"}') r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('vikas')
		AND pg_temp.reasons(r, pg_temp.pid('vikas')) LIKE '%name sounds alike bikash ~ vikas%',
	'surname missing and b/v, sh/s: "Bikash Shrivastav" finds Vikas Kumar Srivastava')
FROM pg_temp.s('{"name": "Bikash Shrivastav"}') r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('irfan'),
	'honorifics and Muhammad: "Mohd Irfan Kureshi" finds Late Dr. Muhammad Irfan Qureshi')
FROM pg_temp.s('{"name": "Mohd Irfan Kureshi"}') r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('gurpreet'),
	'ee/i, bh/b: "Gurprit Singh s/o Bupinder" finds Gurpreet Singh')
FROM pg_temp.s('{"name": "Gurprit Singh s/o Bupinder"}') r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('pooja'),
	'oo/u and Km dropped: "Pooja Kumari" finds Km. Puja Kumari')
FROM pg_temp.s('{"name": "Pooja Kumari"}') r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('sunita')
		AND pg_temp.reasons(r, pg_temp.pid('sunita')) LIKE '%husband''s name exact ram%',
	'W/o: "Sunita W/o Ram Lal" finds the wife of Ram Lal first, as husband''s name')
FROM pg_temp.s('{"name": "Sunita W/o Ram Lal"}') r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('shahid')
		AND pg_temp.reasons(r, pg_temp.pid('shahid')) LIKE '%alias exact bhai%',
	'a name matching an alias: "Shahid Bhai" finds the person with that alias, as alias')
FROM pg_temp.s('{"name": "Shahid Bhai"}') r;
SELECT pg_temp.check(pg_temp.ids(r) = ARRAY[pg_temp.pid('vikas')]
		AND pg_temp.reasons(r, pg_temp.pid('vikas')) = 'alias sounds alike vicki ~ vicky',
	'alias search: "Vicki" finds alias Vicky')
FROM pg_temp.s('{"alias": "Vicki"}') r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('rameshkumar')
		AND pg_temp.reasons(r, pg_temp.pid('rameshkumar')) LIKE '%alias exact guddu%',
	'an alias added later is found')
FROM pg_temp.s('{"alias": "Guddu"}') r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('rameshkumar'),
	'father''s name alone: relative_name "Suresh Kumar Verma"')
FROM pg_temp.s('{"relative_name": "Suresh Kumar Verma"}') r;

-- ------------------------------------------------------------ filters
SELECT pg_temp.check(pg_temp.ids(r) = ARRAY[pg_temp.pid('sunita2')]
		AND pg_temp.reasons(r, pg_temp.pid('sunita2')) LIKE '%age: born 2001%',
	'age: "Sunita" about 25 finds the one born 2001, not 1980')
FROM pg_temp.s(jsonb_build_object('name', 'Sunita', 'age', extract(year FROM now())::int - 2001)) r;
SELECT pg_temp.check(pg_temp.ids(r) = ARRAY[pg_temp.pid('sunita')],
	'age band: "Sunita" aged 40-50 finds the one born 1980')
FROM pg_temp.s(jsonb_build_object('name', 'Sunita', 'age_from', extract(year FROM now())::int - 1986,
	'age_to', extract(year FROM now())::int - 1976)) r;
SELECT pg_temp.check(pg_temp.ids(r) = ARRAY[pg_temp.pid('shaheed')]
		AND pg_temp.reasons(r, pg_temp.pid('shaheed')) LIKE '%district Budgam%',
	'district: "Shahid" in district 2 finds only the one recorded there')
FROM pg_temp.s('{"name": "Shahid", "district_code": 2}') r;
SELECT pg_temp.check(pg_temp.ids(r) = ARRAY[pg_temp.pid('shahid')], 'station: "Shahid" at station 990075 only')
FROM pg_temp.s('{"name": "Shahid", "station_code": 990075}') r;
SELECT pg_temp.check(NOT (pg_temp.ids(r) && ARRAY[pg_temp.pid('vikas'), pg_temp.pid('gurpreet')])
		AND pg_temp.ids(r) @> ARRAY[pg_temp.pid('pooja')],
	'gender: "Kumar" female finds Puja Kumari (father Anil Kumar), no man')
FROM pg_temp.s('{"name": "Kumari", "gender": "female"}') r;
SELECT pg_temp.check(pg_temp.ids(r) = ARRAY[pg_temp.pid('mark')]
		AND pg_temp.reasons(r, pg_temp.pid('mark')) LIKE '%identification mark: mole%',
	'identification marks: "moles on the left cheek" finds the person with that mole')
FROM pg_temp.s('{"marks": "moles on the left cheek"}') r;
SELECT pg_temp.check(pg_temp.ids(r) = ARRAY[pg_temp.pid('doc')]
		AND pg_temp.reasons(r, pg_temp.pid('doc')) LIKE '%identity document JK01234567890%',
	'identity document however written: "jk 01 234 567890"')
FROM pg_temp.s('{"document": "jk 01 234 567890"}') r;
SELECT pg_temp.check(pg_temp.ids(r) = ARRAY[pg_temp.pid('doc')]
		AND pg_temp.reasons(r, pg_temp.pid('doc')) LIKE '%address word sounds like knr%',
	'address words: "Khaniyar" finds the address added later (Khanyar Chowk)')
FROM pg_temp.s('{"address": "Khaniyar", "gender": "male"}') r;
SELECT pg_temp.check(cardinality(pg_temp.ids(r)) = 2, 'limit: at most limit results')
FROM pg_temp.s('{"name": "Dar", "limit": 2}') r;

-- ------------------------------------------------------------ plans kept for the session (0029)
-- The match builders and the probes are PL/pgSQL (plans kept for the
-- session, the match builders generic from the first call): asked again and
-- again in one session (custom plans, then the generic one) a search gives
-- the same answer, and another search after it its own.
SELECT pg_temp.check(count(*) = 3 AND bool_and(l.lanname = 'plpgsql')
		AND count(*) FILTER (WHERE 'plan_cache_mode=force_generic_plan' = ANY (x.proconfig)) = 2,
	'0029: person_match_json, person_cases_json (generic plans) and search_probe are PL/pgSQL')
FROM pg_proc x JOIN pg_language l ON l.oid = x.prolang JOIN pg_namespace n ON n.oid = x.pronamespace
WHERE n.nspname = 'core' AND x.proname IN ('person_match_json', 'person_cases_json', 'search_probe');
SELECT pg_temp.s('{"name": "Mohd Shahid", "relative_name": "Mohammad Rafiq"}') AS first_answer \gset
SELECT pg_temp.check(count(DISTINCT r) = 1 AND min(r::text) = :'first_answer',
	'0029: the same search asked 8 times in one session (custom plans, then the kept generic plan) gives the same answer')
FROM generate_series(1, 8) i, LATERAL pg_temp.s(jsonb_build_object('name', 'Mohd Shahid', 'relative_name', 'Mohammad Rafiq',
	'limit', 20)) r;
SELECT pg_temp.check(pg_temp.ids(r) @> ARRAY[pg_temp.pid('doc')] AND NOT pg_temp.ids(r) && ARRAY[pg_temp.pid('shahid')]
		AND (r -> 'matches' -> 0 ->> 'name') = 'Rohit' AND (r -> 'matches' -> 0 -> 'created_by' ->> 'station_code') = '990079',
	'0029: after them another search gets its own persons, built by the kept plans (name, station)')
FROM pg_temp.s('{"document": "jk 01 234 567890"}') r;

-- ------------------------------------------------------------ refused
SELECT pg_temp.expect_error($$SELECT pg_temp.s('{}')$$, 'CT400', 'name', 'give something to search by%');
SELECT pg_temp.expect_error($$SELECT pg_temp.s('{"name": "Shri Smt."}')$$, 'CT400', 'name', 'name: no letters%');
SELECT pg_temp.expect_error($$SELECT pg_temp.s('{"name": "x", "age": 30, "age_from": 20}')$$, 'CT400', 'age', NULL);
SELECT pg_temp.expect_error($$SELECT pg_temp.s('{"name": "x", "age_from": 40, "age_to": 20}')$$, 'CT400', 'age_to', NULL);
SELECT pg_temp.expect_error($$SELECT pg_temp.s('{"name": "x", "district_code": 99}')$$, 'CT400', 'district_code', NULL);
SELECT pg_temp.expect_error($$SELECT pg_temp.s('{"name": "x", "gender": "other"}')$$, 'CT400', 'gender', NULL);
SELECT pg_temp.expect_error($$SELECT pg_temp.s('{"name": "x", "limit": 1000}')$$, 'CT400', 'limit', NULL);
SELECT pg_temp.expect_error($$SELECT pg_temp.s('{"name": "x", "mode": "regex"}')$$, 'CT400', 'mode', NULL);
SELECT pg_temp.expect_error($$SELECT pg_temp.s('{"name": "x", "sql": "1"}')$$, 'CT400', 'sql', 'unknown field%');
SELECT pg_temp.expect_error($$SELECT pg_temp.s('{"name": "A S/o B", "relative_name": "C"}')$$, 'CT400', 'name', NULL);
SELECT pg_temp.expect_error($$SELECT api.search_persons(1, 3, 999999, '{"name": "x"}')$$, 'CT401', NULL, NULL);
SELECT pg_temp.check(jsonb_array_length(r -> 'matches') = 0, 'a hostile name is only a name: no match, no error')
FROM pg_temp.s($q${"name": "x'); DROP TABLE core.person; --"}$q$) r;

-- ------------------------------------------------------------ duplicates, merge, unmerge, distinct
SELECT pg_temp.check(pg_temp.ids(r) @> ARRAY[pg_temp.pid('m2'), pg_temp.pid('m3')]
		AND NOT pg_temp.ids(r) @> ARRAY[pg_temp.pid('m1')],
	'match: Javed Ahmad Dar''s likely duplicates are Jawed Ahmed Dar and Javid Dar, not himself')
FROM api.match_persons(1, 3, 990078, jsonb_build_object('person_id', pg_temp.pid('m1'))) r;
SELECT pg_temp.check((pg_temp.ids(r))[1] = pg_temp.pid('m1'),
	'match of a person about to be recorded proposes the existing record')
FROM api.match_persons(1, 3, 990078, '{"person": {"name": "Javed Ahmad Dar", "relative_name": "Ghulam Nabi Dar", "year_of_birth": 1984}}') r;
SELECT (r ->> 'merge_id')::bigint AS merge1 FROM api.merge_persons(1, 3, 990078, jsonb_build_object(
	'keep_person_id', pg_temp.pid('m1'), 'other_person_id', pg_temp.pid('m2'), 'reason', 'same father, same village',
	'officer', pg_temp.officer(1))) r \gset
SELECT pg_temp.check(pg_temp.ids(r) @> ARRAY[pg_temp.pid('m1')] AND NOT pg_temp.ids(r) @> ARRAY[pg_temp.pid('m2')],
	'after a merge the other record is no longer found')
FROM pg_temp.s('{"name": "Jawed Ahmed Dar"}') r;
SELECT pg_temp.check(r -> 'aliases' ? 'Jawed Ahmed Dar', 'the other record''s name became an alias of the one kept')
FROM api.get_person(1, 3, 990078, jsonb_build_object('person_id', pg_temp.pid('m1'))) r;
SELECT pg_temp.expect_error(format($$SELECT api.merge_persons(1, 3, 990078, %L)$$, jsonb_build_object(
	'keep_person_id', pg_temp.pid('m3'), 'other_person_id', pg_temp.pid('m2'), 'reason', 'x', 'officer', pg_temp.officer(1))),
	'CT409', 'other_person_id', 'person % was already merged into person %');
SELECT pg_temp.expect_error(format($$SELECT api.merge_persons(1, 3, 990078, %L)$$, jsonb_build_object(
	'keep_person_id', pg_temp.pid('m1'), 'other_person_id', pg_temp.pid('m1'), 'reason', 'x', 'officer', pg_temp.officer(1))),
	'CT400', 'other_person_id', NULL);
SELECT pg_temp.expect_error(format($$SELECT api.merge_persons(1, 3, 990078, %L)$$, jsonb_build_object(
	'keep_person_id', pg_temp.pid('m1'), 'other_person_id', pg_temp.pid('m3'), 'reason', 'x')),
	'CT400', 'officer', NULL);
SELECT pg_temp.expect_error(format($$SELECT api.merge_persons(1, 3, 990078, %L)$$, jsonb_build_object(
	'keep_person_id', pg_temp.pid('m1'), 'other_person_id', 999999999999, 'reason', 'x', 'officer', pg_temp.officer(1))),
	'CT404', 'other_person_id', NULL);
SELECT pg_temp.check(r ->> 'action' = 'unmerged', 'the merge is undone')
FROM api.unmerge_persons(1, 3, 990079, jsonb_build_object('merge_id', :merge1, 'reason', 'brothers',
	'officer', pg_temp.officer(2))) r;
SELECT pg_temp.check(pg_temp.ids(r) @> ARRAY[pg_temp.pid('m1'), pg_temp.pid('m2')], 'after the unmerge both are found again')
FROM pg_temp.s('{"name": "Jawed Ahmed Dar"}') r;
SELECT pg_temp.check(NOT coalesce(r -> 'aliases' ? 'Jawed Ahmed Dar', false), 'the alias the merge added is gone')
FROM api.get_person(1, 3, 990078, jsonb_build_object('person_id', pg_temp.pid('m1'))) r;
SELECT pg_temp.expect_error(format($$SELECT api.unmerge_persons(1, 3, 990079, %L)$$, jsonb_build_object(
	'merge_id', :merge1, 'officer', pg_temp.officer(2))), 'CT409', 'merge_id', 'merge % was already undone%');
SELECT pg_temp.check(r ->> 'action' = 'distinct', 'two persons are marked distinct')
FROM api.mark_persons_distinct(1, 3, 990078, jsonb_build_object('person_a', pg_temp.pid('m3'),
	'person_b', pg_temp.pid('m1'), 'reason', 'cousins', 'officer', pg_temp.officer(1))) r;
SELECT pg_temp.check(NOT pg_temp.ids(r) @> ARRAY[pg_temp.pid('m3')] AND pg_temp.ids(r) @> ARRAY[pg_temp.pid('m2')],
	'a person marked distinct is not proposed as a duplicate again')
FROM api.match_persons(1, 3, 990078, jsonb_build_object('person_id', pg_temp.pid('m1'))) r;
SELECT pg_temp.expect_error(format($$SELECT api.merge_persons(1, 3, 990078, %L)$$, jsonb_build_object(
	'keep_person_id', pg_temp.pid('m1'), 'other_person_id', pg_temp.pid('m3'), 'reason', 'x', 'officer', pg_temp.officer(1))),
	'CT409', 'other_person_id', '%marked as different people');

-- ============================================================ what moved, as cctns_owner
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(m.officer_name = 'Ravi Kumar Sharma' AND m.undone_officer_name = 'Anil Kumar Tyagi'
		AND m.undone_reason = 'brothers' AND m.moved ? 'person_link' AND jsonb_array_length(m.moved -> 'added_aliases') = 1,
	'the merge records the officers, the reasons and exactly what moved')
FROM core.person_merge m WHERE m.merge_id = :merge1;
SELECT pg_temp.check(count(*) = 0, 'after the unmerge the kept person has none of the other''s aliases')
FROM core.person_alias a JOIN core.person_merge m ON m.merge_id = :merge1 AND a.person_id = m.keep_id;

-- ------------------------------------------------------------ ranking of namesakes (0029)
-- A relative's tokens the query did not name cost 1 each: of two namesakes
-- whose fathers both carry the typed name, the one whose father has no
-- other name ranks first; untyped tokens cost nothing when none matched.
CREATE FUNCTION pg_temp.row_of(nm text, rel text) RETURNS core.person_search LANGUAGE sql STABLE AS $$
	SELECT core.person_search_build(jsonb_populate_record(NULL::core.person, jsonb_build_object('person_id', 1,
		'state_code', 1, 'year', 2026, 'district_code', 1, 'station_code', 990075, 'name', nm, 'relative_name', rel)), false)
$$;
CREATE FUNCTION pg_temp.score_of(c core.person_search, nm text, rel text) RETURNS int LANGUAGE sql STABLE AS $$
	SELECT (core.search_score(c, core.name_tokens(nm), core.name_keys(core.name_tokens(nm)), '{}', '{}',
		core.name_tokens(rel), core.name_keys(core.name_tokens(rel)), 'father''s name', NULL, NULL, '{}', '{}', NULL, '{}')).score
$$;
SELECT pg_temp.check(pg_temp.score_of(pg_temp.row_of('Kaushik Mondal', 'Anirban Mondal'), 'Kausshik Mondal', 'Anirban Mondal')
		= pg_temp.score_of(pg_temp.row_of('Kaushik Mondal', 'Anirban Sanjib Mondal'), 'Kausshik Mondal', 'Anirban Mondal') + 1,
	'0029: "S/o Anirban Mondal" scores the father Anirban Mondal 1 above Anirban Sanjib Mondal (a relative''s untyped token costs 1)');
SELECT pg_temp.check(pg_temp.score_of(pg_temp.row_of('Kaushik Mondal', 'Tapas Mondal'), 'Kaushik Mondal', 'Anirban')
		= pg_temp.score_of(pg_temp.row_of('Kaushik Mondal', 'Tapas Kumar Mondal'), 'Kaushik Mondal', 'Anirban'),
	'0029: a relative none of whose tokens match costs only the miss, however many tokens it has');

-- reg60_checks.sql: checks of migration 0060 (a new person's search row, the persons of an FIR
-- linked at once) against a real, migrated database, with hand-made data of test stations
-- 990600-990601 (state 9, district 118) and 990602 (the first district of a state whose person
-- search partition does not exist yet). Run by run_api_checks.sh; any failed check raises an
-- exception.
--
-- 0060 rewrote functions for speed, not for different answers: core.person_search_build is
-- compared here with 0025's definition (copied below into pg_temp) over the persons already in
-- the database and a varied sample made here, with and without details; the persons of an FIR
-- are linked by core.link_persons in one call, with the same rows, numbers and errors as one
-- core.link_person call each.

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990600, 'Test PS 990600 Agra (reg60)', true),
	(9, 118, 990601, 'Test PS 990601 Agra (reg60)', true)
ON CONFLICT DO NOTHING;

-- ------------------------------------------------------------ the build, as in 0025

CREATE FUNCTION pg_temp.person_search_build_0025(p core.person, details boolean) RETURNS core.person_search
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r core.person_search;
	al text[] := p.aliases;
	addr text := concat_ws(' ', p.addr_line1, p.addr_line2, p.addr_city);
	marks text := '';
	k text;
	t text[] := '{}';
	di int[] := ARRAY[p.district_code];
BEGIN
	r.state_code := p.state_code;
	r.year := p.year;
	r.person_id := p.person_id;
	r.gender := p.gender;
	r.birth_year := coalesce(p.year_of_birth, extract(year FROM p.date_of_birth)::int);
	r.station_code := p.station_code;
	r.docs := '{}';
	IF p.addr_district_code IS NOT NULL AND p.addr_district_code <> p.district_code
		AND p.addr_state_code = p.state_code THEN
		di := di || p.addr_district_code;
	END IF;
	IF details THEN
		al := al || ARRAY(SELECT a.alias FROM core.person_alias a
			WHERE a.person_id = p.person_id AND a.state_code = p.state_code AND a.year = p.year ORDER BY a.alias_id);
		SELECT addr || ' ' || coalesce(string_agg(concat_ws(' ', x.addr_line1, x.addr_line2, x.addr_city), ' '), ''),
			di || coalesce(array_agg(DISTINCT x.addr_district_code) FILTER (WHERE x.addr_district_code IS NOT NULL
				AND x.addr_state_code = p.state_code AND x.addr_district_code <> p.district_code), '{}')
		INTO addr, di
		FROM core.person_address x
		WHERE x.person_id = p.person_id AND x.state_code = p.state_code AND x.year = p.year;
		SELECT coalesce(string_agg(concat_ws(' ', x.identification_marks, x.moles, x.scars, x.tattoos, x.burn_marks,
			x.deformities), ' '), '') INTO marks
		FROM core.person_roll x
		WHERE x.person_id = p.person_id AND x.state_code = p.state_code AND x.year = p.year;
		r.docs := ARRAY(SELECT DISTINCT core.doc_number_norm(d.number) FROM core.person_document d
			WHERE d.person_id = p.person_id AND d.state_code = p.state_code AND d.year = p.year);
	END IF;
	r.name_tok := core.name_tokens(p.name);
	r.name_key := core.name_keys(r.name_tok);
	r.alias_tok := core.name_tokens(array_to_string(al, ' '));
	r.alias_key := core.name_keys(r.alias_tok);
	r.rel_tok := core.name_tokens(p.relative_name);
	r.rel_key := core.name_keys(r.rel_tok);
	r.addr_words := '{}';
	FOREACH k IN ARRAY core.search_words(addr) LOOP
		CONTINUE WHEN k ~ '^[0-9]+$';
		k := core.name_key(k);
		IF k IS NOT NULL AND NOT k = ANY (r.addr_words) THEN
			r.addr_words := r.addr_words || k;
			t := t || ('a:' || k);
		END IF;
	END LOOP;
	r.mark_words := core.search_words(marks);
	r.districts := di;
	FOREACH k IN ARRAY r.name_key || r.alias_key LOOP
		IF length(k) > 1 AND NOT ('n:' || k) = ANY (t) THEN
			t := t || ('n:' || k);
		END IF;
		IF NOT ('i:' || left(k, 1)) = ANY (t) THEN
			t := t || ('i:' || left(k, 1));
		END IF;
	END LOOP;
	FOREACH k IN ARRAY r.rel_key LOOP
		IF length(k) > 1 AND NOT ('r:' || k) = ANY (t) THEN
			t := t || ('r:' || k);
		END IF;
		IF NOT ('j:' || left(k, 1)) = ANY (t) THEN
			t := t || ('j:' || left(k, 1));
		END IF;
	END LOOP;
	t := t || core.search_pairs(ARRAY(SELECT 'n:' || x FROM unnest(r.name_key) x WHERE length(x) > 1 LIMIT 4)
		|| ARRAY(SELECT 'r:' || x FROM unnest(r.rel_key) x WHERE length(x) > 1 LIMIT 3));
	t := t || core.search_pairs(ARRAY(SELECT 'n:' || x FROM unnest(r.alias_key) x WHERE length(x) > 1 LIMIT 3));
	FOREACH k IN ARRAY r.mark_words LOOP
		t := t || ('m:' || k);
	END LOOP;
	FOREACH k IN ARRAY r.docs LOOP
		t := t || ('d:' || k);
	END LOOP;
	FOREACH k IN ARRAY r.districts::text[] LOOP
		IF NOT ('D:' || k) = ANY (t) THEN
			t := t || ('D:' || k);
		END IF;
	END LOOP;
	t := t || ('S:' || p.station_code);
	IF p.gender IS NOT NULL THEN
		t := t || ('G:' || p.gender);
	END IF;
	t := t || CASE WHEN r.birth_year IS NULL THEN 'Y:?' ELSE 'Y:' || (r.birth_year - r.birth_year % 5) END;
	r.tags := t;
	RETURN r;
END
$fn$;

-- Every person in the database (those of the earlier checks have aliases, addresses, rolls
-- and documents), with and without details.
SELECT pg_temp.check(count(*) > 0 AND count(*) FILTER (WHERE
		core.person_search_build(p, d) IS DISTINCT FROM pg_temp.person_search_build_0025(p, d)) = 0,
	'0060: the search row of every person in the database (' || count(*) / 2
		|| '), with and without details, is the one 0025 built')
FROM (SELECT * FROM core.person ORDER BY person_id DESC LIMIT 3000) p, (VALUES (false), (true)) v (d);

-- A varied sample of names as written: initials, honorifics, Md/Mohd, kr/pd, several aliases
-- (and empty ones), no relative or an empty one, a relative of many words, names in
-- Devanagari, names of many one-letter words, addresses with numbers and repeated words,
-- another district, no gender or birth year.
CREATE TEMP TABLE reg60_names (name text, relative text, aliases text[], line1 text, city text,
	addr_district int, gender text, yob int);
INSERT INTO reg60_names VALUES
	('Ramesh Kumar', 'Suresh Kumar', '{}', '12 Civil Lines', 'Agra', 118, 'male', 1988),
	('K. Ramesh', NULL, '{}', NULL, NULL, NULL, NULL, NULL),
	('Shri Md. Shahid Khan', 'Late Mohd Rashid Khan', '{Shahid,"Sahid Bhai"}', 'H.No. 4/12, Gali 3', 'Agra', 118, 'male', 1975),
	('Smt. Lakshmi Devi', '', '{"",Laxmi}', 'Village Rampur, Post Rampur', 'Mathura', 119, 'female', NULL),
	('Vikas kr Yadav', 'Ram pd Yadav', '{Bikash,Vicky,"Vikas Kumar Yadav"}', '1 2 3', NULL, NULL, 'male', 2001),
	('Rao', 'Jha', '{Roy}', 'Near the temple, with the well', 'Agra', 118, NULL, 1990),
	('A B C D E F', 'G H I J', '{K,L,M,N}', 'Sector 21 Sector 21 sector-21', 'Noida', 140, 'transgender', 1960),
	('राम प्रसाद', 'श्याम', '{}', 'मोहल्ला', 'आगरा', NULL, 'male', 1950),
	('Chowdhury Phool Singh Xaxa', 'Qureshi Zafar Wasim', '{"Choudhary P. S.",Chaudhari}', 'Ward no 7', 'Ghaziabad', 118, 'male', 1999),
	('Mohammed Mohammad Muhammad', 'Mahomed', '{Md,Mohd}', 'Flat 9, Block C, Phase 2', NULL, 118, 'male', 1984),
	('Aaa Eee Iii Ooo Uuu Yyy', 'Hhh', '{Ww,Qq}', 'ab cd efg hijk', 'x', 118, 'female', 2010);
SELECT pg_temp.check(count(*) = 22 AND count(*) FILTER (WHERE
		core.person_search_build(p, d) IS DISTINCT FROM pg_temp.person_search_build_0025(p, d)) = 0,
	'0060: the search rows of a varied sample of names, aliases, relatives and addresses are the ones 0025 built')
FROM (SELECT ROW(nextval('core.person_id_seq'), 9, 2026::smallint, now(), 118, 990600, n.name, NULL::text, n.relative,
		n.gender, NULL::date, n.yob::smallint, NULL::text, NULL::text, n.line1, NULL::text, n.city, n.addr_district,
		CASE WHEN n.addr_district IS NULL THEN NULL ELSE 9 END, NULL::text, NULL::text, n.aliases)::core.person AS p
	FROM reg60_names n) x,
	(VALUES (false), (true)) v (d);

-- ------------------------------------------------------------ an FIR's persons, at once

-- The sample with an informant, a known accused (with an address), an unknown one and a
-- suspected one: four persons to make, in list order.
SELECT jsonb_set(jsonb_set(pg_temp.sample(), '{informant}', '{"name": "Kamla Devi", "relative_kind": "husband",
		"relative_name": "Ramesh Kumar", "gender": "female"}'),
	'{accused}', '[{"kind": "known", "person": {"name": "Bablu alias Pappu", "relative_name": "Kallu",
			"address": {"line1": "Tajganj", "city": "Agra", "district_code": 118, "state_code": 9}}},
		{"kind": "unknown", "description": "a second man", "count": 1},
		{"kind": "suspected", "person": {"name": "Chhotu", "gender": "male"}}]') AS fir60 \gset
SELECT r.fir_number AS reg60_no FROM api.register_fir(9, 118, 990600, pg_temp.key(), :'fir60') r \gset
SELECT f.fir_id AS reg60_id, f.year AS reg60_year FROM core.fir f
WHERE f.state_code = 9 AND f.station_code = 990600 AND f.fir_no = split_part(:'reg60_no', '/', 1)::int
	AND f.year = split_part(:'reg60_no', '/', 2)::int \gset

SELECT pg_temp.check(count(*) = 4
		AND array_agg(p.name ORDER BY p.person_id) = '{"Ramesh Kumar","Kamla Devi","Bablu alias Pappu",Chhotu}'
		AND bool_and(p.year = extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')
			AND p.district_code = 118 AND p.station_code = 990600),
	'0060: the FIR''s four named persons are made, numbered in list order (complainant, informant, accused, suspect)')
FROM core.person p
JOIN core.fir_person x ON x.person_id = p.person_id AND x.state_code = p.state_code
WHERE x.state_code = 9 AND x.year = :reg60_year AND x.fir_id = :reg60_id;

SELECT pg_temp.check(
		array_agg(x.seq::text || ':' || x.role::text || ':' || coalesce(p.name, '-') ORDER BY x.seq)
			= '{-1:informant:Kamla Devi,0:complainant:Ramesh Kumar,1:accused:Bablu alias Pappu,2:unknown_accused:-,3:suspect:Chhotu}',
	'0060: each fir_person row carries its own person (the unknown accused none)')
FROM core.fir_person x
LEFT JOIN core.person p ON p.person_id = x.person_id AND p.state_code = x.state_code
WHERE x.state_code = 9 AND x.year = :reg60_year AND x.fir_id = :reg60_id;

SELECT pg_temp.check(count(*) = 4
		AND array_agg(l.role::text ORDER BY l.person_id) = '{complainant,informant,accused,suspect}'
		AND bool_and(l.record_kind = 'fir' AND l.record_id = :reg60_id AND l.fir_id = :reg60_id
			AND l.record_year = :reg60_year AND l.label = 'FIR ' || :'reg60_no'),
	'0060: one person_link per named person, by role, labelled with the FIR')
FROM core.person_link l
WHERE l.state_code = 9 AND l.record_kind = 'fir' AND l.record_id = :reg60_id;

SELECT pg_temp.check(count(*) = 4 AND bool_and(s = core.person_search_of(p))
		AND bool_and(p.addr_city IS NOT DISTINCT FROM CASE p.name WHEN 'Chhotu' THEN NULL
			WHEN 'Kamla Devi' THEN NULL ELSE 'Agra' END),
	'0060: every one of them has its address and its search row, as core.person_search_of builds it')
FROM core.person p
JOIN core.person_search s ON s.person_id = p.person_id AND s.state_code = p.state_code
WHERE p.state_code = 9 AND p.person_id IN (SELECT x.person_id FROM core.fir_person x
	WHERE x.state_code = 9 AND x.year = :reg60_year AND x.fir_id = :reg60_id);

-- An existing person named by number: linked, not made again, in the year of their record.
SELECT min(p.person_id) AS reg60_old FROM core.person p
JOIN core.fir_person x ON x.person_id = p.person_id AND x.state_code = p.state_code
WHERE x.state_code = 9 AND x.year = :reg60_year AND x.fir_id = :reg60_id \gset
SELECT jsonb_set(pg_temp.sample(), '{accused}', jsonb_build_array(jsonb_build_object('kind', 'known',
	'person', jsonb_build_object('person_id', :'reg60_old', 'name', 'Ramesh Kumar')))) AS fir60b \gset
SELECT count(*) AS reg60_persons FROM core.person WHERE state_code = 9 AND station_code = 990601 \gset
SELECT r.fir_number AS reg60b_no FROM api.register_fir(9, 118, 990601, pg_temp.key(), :'fir60b') r \gset
SELECT pg_temp.check(count(*) = 1 AND bool_and(l.role = 'accused' AND l.year = p.year),
	'0060: a person named by number is linked as accused in the year of their own record')
FROM core.person_link l
JOIN core.person p ON p.person_id = l.person_id AND p.state_code = l.state_code
WHERE l.state_code = 9 AND l.person_id = :reg60_old AND l.station_code = 990601 AND l.label = 'FIR ' || :'reg60b_no';
SELECT pg_temp.check(count(*) = :reg60_persons + 1,
	'0060: only the complainant is made for that FIR (the accused exists)')
FROM core.person WHERE state_code = 9 AND station_code = 990601;

-- The errors, as core.link_person gave them, for the first bad person in list order: through
-- a registration (core.fir_check has already refused a person_id that is not a number) and
-- through core.link_persons itself.
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990600, jsonb_set(pg_temp.sample(), '{accused}',
	'[{"kind": "known", "person": {"name": "X"}},
	  {"kind": "known", "person": {"name": "Y", "person_id": "999999999999"}},
	  {"kind": "known", "person": {"name": "Z", "person_id": "888888888888"}}]')),
	'CT400', 'accused[1].person.person_id', 'accused[1].person.person_id: no person 999999999999 in this state''s records');
SELECT pg_temp.expect_error($q$SELECT core.link_persons(9, 118, 990601,
		ARRAY['{"name": "X"}', '{"name": "Y", "person_id": "12ab"}', '{"person_id": "999999999999"}']::jsonb[],
		ARRAY['a', 'b', 'c'], ARRAY['witness', 'witness', 'witness']::core.person_role[], 'test', 2026, 1, NULL,
		'reg60 bad')$q$,
	'CT400', 'b.person_id', 'b.person_id: expected a person number');
SELECT pg_temp.check(NOT EXISTS (SELECT 1 FROM core.person_link WHERE label = 'reg60 bad')
		AND NOT EXISTS (SELECT 1 FROM core.person WHERE station_code = 990601 AND name IN ('X', 'Y')),
	'0060: a refused list writes nothing');

-- core.link_person: the list of one.
SELECT pg_temp.check(core.link_person(9, 118, 990601, '{"name": "  "}', 'p', 'witness', 'test', 2026, 1, NULL, 'reg60') IS NULL
		AND core.link_person(9, 118, 990601, '"not a person"', 'p', 'witness', 'test', 2026, 1, NULL, 'reg60') IS NULL
		AND NOT EXISTS (SELECT 1 FROM core.person_link WHERE label = 'reg60'),
	'0060: core.link_person of a person without a name, or of no object, writes nothing and returns NULL');
SELECT core.link_person(9, 118, 990601, '{"name": " Reg Sixty ", "aliases": ["Sixer", ""]}', 'p', 'witness', 'test',
	2026, 1, NULL, 'reg60') AS reg60_one \gset
SELECT pg_temp.check(count(*) = 1 AND bool_and(p.name = 'Reg Sixty' AND p.aliases = '{Sixer}' AND l.role = 'witness'),
	'0060: core.link_person makes and links one person (name trimmed, empty aliases left out)')
FROM core.person p JOIN core.person_link l ON l.person_id = p.person_id AND l.state_code = p.state_code
WHERE p.state_code = 9 AND p.person_id = :reg60_one AND l.label = 'reg60';

-- ------------------------------------------------------------ a state's first person

-- The person search partition of a state that has none yet is made by the trigger of its
-- first person (the cheap question first, then core.person_search_partition).
SELECT s.code AS reg60_state, min(d.district_code) AS reg60_district
FROM ref.state s JOIN ref.district d ON d.state_code = s.code
WHERE to_regclass(format('core.%I', 'person_search_' || s.code)) IS NULL
GROUP BY s.code ORDER BY s.code LIMIT 1 \gset
INSERT INTO ref.station (state_code, district_code, station_code, name, active)
VALUES (:reg60_state, :reg60_district, 990602, 'Test PS 990602 (reg60)', true) ON CONFLICT DO NOTHING;
SELECT core.link_person(:reg60_state, :reg60_district, 990602, '{"name": "Pehla Vyakti"}', 'p', 'witness', 'test',
	2026, 1, NULL, 'reg60 first') AS reg60_first \gset
SELECT pg_temp.check(to_regclass(format('core.%I', 'person_search_' || :reg60_state)) IS NOT NULL
		AND (SELECT count(*) FROM core.person_search s WHERE s.state_code = :reg60_state
			AND s.person_id = :reg60_first) = 1,
	'0060: the first person of state ' || :reg60_state || ' makes its search partition and has its row there');

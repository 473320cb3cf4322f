-- sealed_checks.sql (sealed, issue 5): checks of 0030_sealed.sql against a
-- real, migrated database: which persons are sealed (the victim side of a
-- BNS 64-71 / IPC 376 / POCSO case, never its accused; any child), an
-- alteration of sections sealing a case later, and the masking per officer
-- (writer, IO, SHO of the station, SHO of another station, no officer) on
-- every read path: FIR, export, person, photo refusal, search, duplicate
-- proposals, dossier; unmasked sealed reads in audit.sealed_read; no person
-- column in any view the analyst reads. Stations 990100-990102 (state 9),
-- officers SEAL-*. Any failed check raises.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990100, 'Test PS 990100 Agra (sealed)', true),
	(9, 118, 990101, 'Test PS 990101 Agra (sealed, other)', true)
ON CONFLICT DO NOTHING;
DELETE FROM core.officer WHERE officer_no LIKE 'SEAL-%';
WITH o AS (INSERT INTO core.officer (state_code, officer_no, name, rank, district_code, station_code,
		password_hash)
	SELECT 9, n, 'Check ' || n, 'SI', 118, s,
		'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'
	FROM (VALUES ('SEAL-W', 990100), ('SEAL-IO', 990100), ('SEAL-SHO', 990100), ('SEAL-B', 990101)) v (n, s)
	RETURNING id, officer_no)
INSERT INTO core.officer_role (officer, role)
SELECT id, CASE officer_no WHEN 'SEAL-W' THEN 'station_writer' WHEN 'SEAL-IO' THEN 'investigating_officer'
	ELSE 'station_house_officer' END FROM o;

\c - cctns_server
SET client_min_messages = warning;
\ir helpers.sql

-- as OFFICER: what cctns-server sets for every call (handlers_call.c); the
-- mask of every permission the officer's roles hold.
CREATE FUNCTION pg_temp.as_officer(o text) RETURNS void LANGUAGE sql AS $$
	SELECT set_config('cctns.officer', o, false),
		set_config('cctns.permissions', CASE WHEN o IN ('SEAL-SHO', 'SEAL-B') THEN '511' ELSE '7' END, false)
$$;
-- An FIR at 990100 with charges, complainant and accused given.
CREATE FUNCTION pg_temp.fir(charges jsonb, complainant jsonb, accused jsonb, facts text) RETURNS text
LANGUAGE sql AS $$
	SELECT fir_number FROM api.register_fir(9, 118, 990100, pg_temp.key(),
		pg_temp.sample() || jsonb_build_object('charges', charges, 'complainant', complainant,
			'accused', accused, 'brief_facts', facts))
$$;

SELECT pg_temp.as_officer('SEAL-W');
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset

-- Theft: nothing sealed. Rape (BNS 64): the complainant (victim's mother)
-- and the informant sealed, the adult accused not. A theft by a child: the
-- child accused sealed (JJ Act 74), the adult complainant not. A theft
-- later charged under IPC 376 by a final report (alteration of sections).
SELECT pg_temp.fir('[{"act": "bns", "section": "303(2)"}]',
	'{"name": "Ramesh Sealcheck", "gender": "male", "year_of_birth": 1980, "phone": "+91 90000 00001"}',
	'[{"kind": "known", "person": {"name": "Kallu Sealcheck", "gender": "male", "year_of_birth": 1985}}]',
	'A phone was snatched.') AS theft \gset
SELECT pg_temp.fir('[{"act": "bns", "section": "64(1)"}]',
	'{"name": "Sunita Sealvictim", "gender": "female", "year_of_birth": 1975, "phone": "+91 90000 00002",
	  "address": {"line1": "7 Hidden Lane", "city": "Agra", "district_code": 118, "state_code": 9}}',
	'[{"kind": "known", "person": {"name": "Bhola Sealaccused", "gender": "male", "year_of_birth": 1980}}]',
	'Sunita Sealvictim reports what was done to her daughter.') AS rape \gset
SELECT pg_temp.fir('[{"act": "bns", "section": "303(2)"}]',
	'{"name": "Mohan Sealadult", "gender": "male", "year_of_birth": 1970}',
	format('[{"kind": "known", "person": {"name": "Pappu Sealchild", "gender": "male", "date_of_birth": "%s"}}]',
		(now() AT TIME ZONE 'Asia/Kolkata')::date - 15 * 365)::jsonb,
	'A bicycle was taken.') AS child \gset
SELECT pg_temp.fir('[{"act": "bns", "section": "303(2)"}]',
	'{"name": "Geeta Sealaltered", "gender": "female", "year_of_birth": 1990}',
	'[{"kind": "known", "person": {"name": "Raju Sealaltered", "gender": "male", "year_of_birth": 1988}}]',
	'Reported as a theft.') AS altered \gset

SELECT api.get_fir(9, 118, 990100, :'theft') AS theft_w, api.get_fir(9, 118, 990100, :'rape') AS rape_w,
	api.get_fir(9, 118, 990100, :'child') AS child_w, api.get_fir(9, 118, 990100, :'altered') AS altered_w \gset
SELECT set_config('seal.theft_w', :'theft_w', false), set_config('seal.rape_w', :'rape_w', false),
	set_config('seal.child_w', :'child_w', false);

DO $chk$
DECLARE
	theft jsonb := current_setting('seal.theft_w');
	rape jsonb := current_setting('seal.rape_w');
	child jsonb := current_setting('seal.child_w');
BEGIN
	IF theft #>> '{content,complainant,name}' <> 'Ramesh Sealcheck' OR theft #>> '{content,brief_facts}' <> 'A phone was snatched.' THEN
		RAISE EXCEPTION 'a theft is not sealed: %', theft -> 'content';
	END IF;
	IF rape #>> '{content,complainant,name}' <> '[sealed: BNS 72]' THEN
		RAISE EXCEPTION 'the writer must not see a BNS 64 complainant: %', rape #> '{content,complainant}';
	END IF;
	IF (rape #> '{content,complainant}') ?| ARRAY['phone', 'address', 'year_of_birth', 'person_id', 'relative_name'] THEN
		RAISE EXCEPTION 'a sealed complainant keeps identifying fields: %', rape #> '{content,complainant}';
	END IF;
	IF rape #>> '{content,brief_facts}' NOT LIKE '[sealed: BNS 72]%' OR rape::text LIKE '%Sealvictim%'
		OR rape::text LIKE '%Hidden Lane%' OR rape::text LIKE '%90000 00002%' THEN
		RAISE EXCEPTION 'the victim''s identity leaks through the FIR: %', rape;
	END IF;
	IF rape #>> '{content,accused,0,person,name}' <> 'Bhola Sealaccused' THEN
		RAISE EXCEPTION 'the adult accused of a sealed case is not sealed: %', rape #> '{content,accused}';
	END IF;
	IF child #>> '{content,accused,0,person,name}' <> '[sealed: JJ Act 74]'
		OR child #>> '{content,complainant,name}' <> 'Mohan Sealadult' THEN
		RAISE EXCEPTION 'a child accused is sealed, the adult complainant not: %', child -> 'content';
	END IF;
END
$chk$;

-- Alteration of sections: the same FIR is sealed once a charge of IPC 376
-- is added (as a final report's altered sections are: core.case_seal reads
-- both); the owner adds it here.
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section)
SELECT f.state_code, f.year, f.fir_id, 9, 'ipc', '376AB' FROM core.fir f
WHERE f.state_code = 9 AND f.station_code = 990100 AND f.year = split_part(:'altered', '/', 2)::int
	AND f.fir_no = split_part(:'altered', '/', 1)::int;
UPDATE core.fir SET io_number = 'seal-io'
WHERE state_code = 9 AND station_code = 990100 AND year = split_part(:'rape', '/', 2)::int
	AND fir_no = split_part(:'rape', '/', 1)::int;
-- Persons' numbers of the rape complainant and the child.
SELECT fp.person_id AS victim_pid FROM core.fir_person fp JOIN core.fir f USING (state_code, year, fir_id)
WHERE f.station_code = 990100 AND f.fir_no = split_part(:'rape', '/', 1)::int AND f.year = :y AND fp.seq = 0 \gset
SELECT fp.person_id AS child_pid FROM core.fir_person fp JOIN core.fir f USING (state_code, year, fir_id)
WHERE f.station_code = 990100 AND f.fir_no = split_part(:'child', '/', 1)::int AND f.year = :y AND fp.seq = 1 \gset
SELECT fp.person_id AS accused_pid FROM core.fir_person fp JOIN core.fir f USING (state_code, year, fir_id)
WHERE f.station_code = 990100 AND f.fir_no = split_part(:'rape', '/', 1)::int AND f.year = :y AND fp.seq = 1 \gset
SELECT coalesce(max(id), 0) AS reads_before FROM audit.sealed_read \gset

\c - cctns_server
SET client_min_messages = warning;
\ir helpers.sql
CREATE FUNCTION pg_temp.as_officer(o text) RETURNS void LANGUAGE sql AS $$
	SELECT set_config('cctns.officer', o, false),
		set_config('cctns.permissions', CASE WHEN o IN ('SEAL-SHO', 'SEAL-B') THEN '511' ELSE '7' END, false)
$$;
SELECT set_config('seal.rape', :'rape', false), set_config('seal.altered', :'altered', false),
	set_config('seal.child_fir', :'child', false),
	set_config('seal.victim', :'victim_pid', false), set_config('seal.child', :'child_pid', false),
	set_config('seal.accused', :'accused_pid', false);
\ir persons_helpers.sql
-- Crime details of the rape case: its victim and who showed the place.
SELECT pg_temp.as_officer('SEAL-IO');
SELECT receipt AS cd_receipt FROM api.record_crime_details(9, 118, 990100, pg_temp.key(), :'rape',
	pg_temp.cd(now())) \gset
-- The arrest of the child of the theft (JJ Act 74).
SELECT receipt AS arrest_receipt FROM api.register_arrest(9, 118, 990100, pg_temp.key(), :'child',
	pg_temp.memo(now()) || jsonb_build_object('person', jsonb_build_object('name', 'Pappu Sealchild',
		'gender', 'male', 'year_of_birth', :y - 15))) \gset
CREATE FUNCTION pg_temp.arrest_as(o text, fir text) RETURNS jsonb LANGUAGE sql AS $$
	SELECT pg_temp.as_officer(o);
	SELECT api.get_arrest(9, 118, 990100, fir, 'A1')
$$;
CREATE FUNCTION pg_temp.cd_as(o text, fir text) RETURNS text LANGUAGE sql AS $$
	SELECT pg_temp.as_officer(o);
	SELECT (api.get_crime_details(9, 118, 990100, fir, '{}') -> 'details')::text
$$;
CREATE FUNCTION pg_temp.name_as(o text, fir text) RETURNS text LANGUAGE sql AS $$
	SELECT pg_temp.as_officer(o);
	SELECT api.get_fir(9, 118, 990100, fir) #>> '{content,complainant,name}'
$$;
CREATE FUNCTION pg_temp.person_as(o text, pid bigint) RETURNS jsonb LANGUAGE sql AS $$
	SELECT pg_temp.as_officer(o);
	SELECT api.get_person(9, 118, 990100, jsonb_build_object('person_id', pid))
$$;
CREATE FUNCTION pg_temp.found_as(o text, nm text) RETURNS boolean LANGUAGE sql AS $$
	SELECT pg_temp.as_officer(o);
	SELECT api.search_persons(9, 118, 990100, jsonb_build_object('name', nm))::text LIKE '%' || nm || '%'
$$;

DO $chk$
DECLARE
	p jsonb;
	d jsonb;
	m jsonb;
BEGIN
	-- Alteration: sealed now, for the writer.
	IF pg_temp.name_as('SEAL-W', current_setting('seal.altered')) <> '[sealed: IPC 228A]' THEN
		RAISE EXCEPTION 'an FIR charged later under IPC 376AB is sealed: %', pg_temp.name_as('SEAL-W', current_setting('seal.altered'));
	END IF;
	-- Per officer: the IO (case-insensitive number), the station's SHO see;
	-- the writer, the SHO of another station and a call without an officer do not.
	IF pg_temp.name_as('SEAL-IO', current_setting('seal.rape')) <> 'Sunita Sealvictim' THEN
		RAISE EXCEPTION 'the case''s IO sees the victim''s side';
	END IF;
	IF pg_temp.name_as('SEAL-SHO', current_setting('seal.rape')) <> 'Sunita Sealvictim' THEN
		RAISE EXCEPTION 'the station''s SHO sees the victim''s side';
	END IF;
	IF pg_temp.name_as('SEAL-W', current_setting('seal.rape')) <> '[sealed: BNS 72]' OR pg_temp.name_as('SEAL-B', current_setting('seal.rape')) <> '[sealed: BNS 72]'
		OR pg_temp.name_as('', current_setting('seal.rape')) <> '[sealed: BNS 72]' THEN
		RAISE EXCEPTION 'writer, other station''s SHO, no officer: sealed';
	END IF;
	-- The SHO's view_sealed is needed in the session's mask too.
	PERFORM set_config('cctns.officer', 'SEAL-SHO', false), set_config('cctns.permissions', '7', false);
	IF api.get_fir(9, 118, 990100, current_setting('seal.rape')) #>> '{content,complainant,name}' <> 'Sunita Sealvictim' THEN
		RAISE EXCEPTION 'the SHO of the station sees it as its SHO';
	END IF;
	-- Crime details: the victim and who showed the place, for the writer.
	IF pg_temp.cd_as('SEAL-W', current_setting('seal.rape')) LIKE '%Ramesh Kumar%'
		OR pg_temp.cd_as('SEAL-W', current_setting('seal.rape')) NOT LIKE '%[sealed: BNS 72]%'
		OR pg_temp.cd_as('SEAL-IO', current_setting('seal.rape')) NOT LIKE '%Ramesh Kumar%' THEN
		RAISE EXCEPTION 'crime details mask the victim for the writer only: %', pg_temp.cd_as('SEAL-W', current_setting('seal.rape'));
	END IF;
	-- A child's arrest memo: masked for the writer, shown to the SHO.
	IF pg_temp.arrest_as('SEAL-W', current_setting('seal.child_fir')) #>> '{memo,person,name}' <> '[sealed: JJ Act 74]'
		OR pg_temp.arrest_as('SEAL-W', current_setting('seal.child_fir'))::text ~ 'Sealchild|Ram Prakash|Nagla|Sonu'
		OR pg_temp.arrest_as('SEAL-SHO', current_setting('seal.child_fir')) #>> '{memo,person,name}' <> 'Pappu Sealchild' THEN
		RAISE EXCEPTION 'a child''s arrest memo: %', pg_temp.arrest_as('SEAL-W', current_setting('seal.child_fir'));
	END IF;
	-- Person show: masked for the other station's SHO, the writer; shown to the IO.
	p := pg_temp.person_as('SEAL-B', current_setting('seal.victim')::bigint);
	IF p #>> '{person,name}' <> '[sealed: BNS 72]' OR p::text LIKE '%Sealvictim%' OR p::text LIKE '%Hidden%'
		OR p ? 'phones' OR p ? 'addresses' OR p ? 'photos' OR (p #>> '{person,person_id}')::bigint <> current_setting('seal.victim')::bigint THEN
		RAISE EXCEPTION 'person show masks a sealed person: %', p;
	END IF;
	IF p::text LIKE '%' || current_setting('seal.rape') || '%' THEN
		RAISE EXCEPTION 'a masked person keeps the link to the case that seals them: %', p -> 'links';
	END IF;
	IF pg_temp.person_as('SEAL-IO', current_setting('seal.victim')::bigint) #>> '{person,name}' <> 'Sunita Sealvictim'
		OR pg_temp.person_as('SEAL-IO', current_setting('seal.victim')::bigint)::text NOT LIKE '%' || current_setting('seal.rape') || '%' THEN
		RAISE EXCEPTION 'the IO sees the person';
	END IF;
	IF pg_temp.person_as('SEAL-W', current_setting('seal.child')::bigint) #>> '{person,name}' <> '[sealed: JJ Act 74]' THEN
		RAISE EXCEPTION 'a child is sealed in person show';
	END IF;
	IF pg_temp.person_as('SEAL-W', current_setting('seal.accused')::bigint) #>> '{person,name}' <> 'Bhola Sealaccused' THEN
		RAISE EXCEPTION 'the adult accused of a sealed case is not sealed in person show';
	END IF;
	-- Photo: refused.
	PERFORM pg_temp.as_officer('SEAL-W');
	BEGIN
		PERFORM api.get_person_photo(9, 118, 990100, jsonb_build_object('person_id', current_setting('seal.victim')::bigint, 'photo_no', 1));
		RAISE EXCEPTION 'photo of a sealed person given';
	EXCEPTION WHEN SQLSTATE 'CT403' THEN
		NULL;
	END;
	-- Search: excluded for those who may not see; found by the IO.
	IF pg_temp.found_as('SEAL-W', 'Sunita Sealvictim') OR pg_temp.found_as('SEAL-W', 'Pappu Sealchild') THEN
		RAISE EXCEPTION 'a sealed person is findable by name';
	END IF;
	IF NOT pg_temp.found_as('SEAL-IO', 'Sunita Sealvictim') OR NOT pg_temp.found_as('SEAL-W', 'Ramesh Sealcheck') THEN
		RAISE EXCEPTION 'search still finds what the officer may see';
	END IF;
	PERFORM pg_temp.as_officer('SEAL-W');
	m := api.match_persons(9, 118, 990100, jsonb_build_object('person', jsonb_build_object('name', 'Sunita Sealvictim')));
	IF m::text LIKE '%Sealvictim%' THEN
		RAISE EXCEPTION 'duplicate proposals name a sealed person: %', m;
	END IF;
	d := api.person_dossier(9, 118, 990100, jsonb_build_object('person_id', current_setting('seal.child')::bigint));
	IF d::text LIKE '%Sealchild%' OR d ? 'last_known_addresses' OR d::text LIKE '%' || current_setting('seal.child_fir') || '%' THEN
		RAISE EXCEPTION 'the dossier of a child is masked: %', d;
	END IF;
END
$chk$;

\c - cctns_owner
SET client_min_messages = warning;
SELECT set_config('seal.before', :'reads_before', false), set_config('seal.victim', :'victim_pid', false);
DO $chk$
BEGIN
	-- The unmasked reads above (IO and SHO: FIR twice + once with mask 7, person, search does not
	-- record) are in the audit, with the officer and the law; masked ones are not.
	IF (SELECT count(*) FROM audit.sealed_read WHERE station_code = 990100 AND officer_no IN ('SEAL-IO', 'SEAL-SHO')
			AND id > current_setting('seal.before')::bigint) < 4
		OR EXISTS (SELECT 1 FROM audit.sealed_read WHERE station_code = 990100 AND officer_no IN ('SEAL-W', 'SEAL-B')
			AND id > current_setting('seal.before')::bigint) THEN
		RAISE EXCEPTION 'audit.sealed_read: %', (SELECT jsonb_agg(r) FROM audit.sealed_read r WHERE station_code = 990100);
	END IF;
	IF NOT EXISTS (SELECT 1 FROM audit.sealed_read WHERE officer_no = 'SEAL-IO' AND action = 'get_person'
			AND sealed_by = 'BNS 72' AND id > current_setting('seal.before')::bigint AND person_ids = ARRAY[current_setting('seal.victim')::bigint]) THEN
		RAISE EXCEPTION 'the IO''s person read is recorded with the person';
	END IF;
	BEGIN
		DELETE FROM audit.sealed_read;
		RAISE EXCEPTION 'audit.sealed_read accepted a DELETE';
	EXCEPTION WHEN SQLSTATE 'CT403' THEN
		NULL;
	END;
	-- No person field in anything the analyst reads.
	IF EXISTS (SELECT 1 FROM information_schema.columns c
		WHERE c.table_schema IN ('reporting', 'ref')
			AND (has_table_privilege('cctns_analyst', format('%I.%I', c.table_schema, c.table_name), 'SELECT'))
			AND c.column_name ~ '^(name|person_name|person_id|relative_name|phone|addr_|address|date_of_birth|year_of_birth|alias|complainant|victim_name|brief_facts)'
			AND c.table_schema = 'reporting') THEN
		RAISE EXCEPTION 'a reporting view carries a person field: %', (SELECT string_agg(c.table_name || '.' || c.column_name, ', ')
			FROM information_schema.columns c WHERE c.table_schema = 'reporting'
			AND c.column_name ~ '^(name|person_name|person_id|relative_name|phone|addr_|address|date_of_birth|year_of_birth|alias|complainant|victim_name|brief_facts)');
	END IF;
	IF has_table_privilege('cctns_analyst', 'core.person', 'SELECT') OR has_table_privilege('cctns_analyst', 'core.fir_person', 'SELECT')
		OR has_table_privilege('cctns_analyst', 'audit.sealed_read', 'SELECT') THEN
		RAISE EXCEPTION 'the analyst reads persons';
	END IF;
END
$chk$;

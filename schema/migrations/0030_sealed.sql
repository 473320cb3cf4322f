-- 0030_sealed.sql: sealed identities. The law forbids making known the
-- identity of a victim of a sexual offence (BNS s.72, IPC s.228A), of a
-- child victim of a POCSO offence (POCSO s.23), and of a child in conflict
-- with law, a child victim or a child witness (JJ Act s.74).
--
-- Decided here, once, at read time (so an alteration of sections, i.e. a
-- final report charging other sections than the FIR, seals the case the
-- moment it is stored, and nothing can go stale):
--   core.case_seal(state, year, fir_id)      the law sealing the case's
--       victims: a charge of the FIR or of any final report in
--       ref.sealed_charge (BNS 64-71, IPC 376 family, any POCSO section);
--   core.role_seal(case law, role, dob, yob, registered_at)  the law sealing
--       one person in one case: the case law for a victim, complainant or
--       informant (their identity leads to the victim; never the accused),
--       else JJ Act 74 for a person under 18 at the FIR in any role but
--       owner/seized_from;
--   core.person_seals(state, person_id)      every case that seals a person
--       of the persons master record, with its law.
-- Who sees a sealed identity: core.may_see_sealed(state, year, fir_id): the
-- signed-in officer (set by cctns-server for every JSON call in
-- cctns.officer / cctns.permissions, server/handlers_call.c) is the case's
-- investigating officer, the station house officer of its station, or
-- holds view_sealed (in the database's roles and in the session's mask)
-- with a role whose scope (station, district, state) covers the case.
-- Everyone else reads "[sealed: BNS 72]" instead of the name and nothing
-- else that identifies (core.seal_person_json). The read paths are wrapped:
-- the earlier api.* function is moved to core.*_unsealed and the new api.*
-- function (PL/pgSQL) masks its answer. A read that showed a sealed
-- identity unmasked is recorded in audit.sealed_read.

-- ------------------------------------------------------------ reference

CREATE TABLE ref.sealed_charge (
	act text NOT NULL CHECK (act IN ('ipc', 'bns', 'special_local')),
	section text,
	law text REFERENCES ref.special_law (code),
	sealed_by text NOT NULL CHECK (sealed_by ~ '^[A-Za-z ]+ [0-9A-Z]+$'),
	UNIQUE NULLS NOT DISTINCT (act, section, law),
	CHECK ((act = 'special_local') = (law IS NOT NULL)),
	CHECK (act = 'special_local' OR section IS NOT NULL)
);
COMMENT ON TABLE ref.sealed_charge IS
	'Charges that seal the identity of a case''s victim: BNS 64-71 (BNS s.72), IPC 376 family (IPC s.228A), any POCSO section (POCSO s.23). Sources: schema/data/SOURCES.md';
COMMENT ON COLUMN ref.sealed_charge.act IS 'ipc, bns or special_local (as core.fir_charge.act)';
COMMENT ON COLUMN ref.sealed_charge.section IS 'Base section (core.fir_charge.section_base); NULL: every section of the special law';
COMMENT ON COLUMN ref.sealed_charge.law IS 'Special law code (ref.special_law) for act special_local';
COMMENT ON COLUMN ref.sealed_charge.sealed_by IS 'The provision forbidding disclosure, as shown in place of a name: "BNS 72"';

INSERT INTO ref.sealed_charge (act, section, law, sealed_by)
SELECT 'bns', s::text, NULL, 'BNS 72' FROM generate_series(64, 71) s;
INSERT INTO ref.sealed_charge (act, section, law, sealed_by)
SELECT 'ipc', s, NULL, 'IPC 228A'
FROM unnest(ARRAY['376', '376A', '376AB', '376B', '376C', '376D', '376DA', '376DB', '376E']) s;
INSERT INTO ref.sealed_charge (act, section, law, sealed_by) VALUES ('special_local', NULL, 'POCSO', 'POCSO 23');
GRANT SELECT ON ref.sealed_charge TO cctns_analyst;

-- ------------------------------------------------------------ what is sealed

CREATE FUNCTION core.case_seal(st int, yr int, fid bigint) RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
	SELECT s.sealed_by
		FROM (SELECT c.act, c.section_base, c.law FROM core.fir_charge c
			WHERE c.state_code = st AND c.year = yr AND c.fir_id = fid
			UNION ALL
			SELECT c.act, c.section_base, c.law FROM core.final_report_charge c
			WHERE c.state_code = st AND c.year = yr AND c.fir_id = fid) c
		JOIN ref.sealed_charge s ON s.act = c.act
			AND (s.section IS NULL OR s.section = c.section_base)
			AND (s.law IS NULL OR s.law = c.law)
		ORDER BY s.sealed_by
		LIMIT 1);
END
$fn$;
COMMENT ON FUNCTION core.case_seal(int, int, bigint) IS
	'The law sealing the identity of a case''s victim (its FIR''s charges or any final report''s: an alteration of sections counts at once), or NULL';

CREATE FUNCTION core.is_minor(dob date, yob int, at timestamptz) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (CASE
			WHEN dob IS NOT NULL THEN dob > ((at AT TIME ZONE 'Asia/Kolkata')::date - interval '18 years')::date
			WHEN yob IS NOT NULL THEN extract(year FROM at AT TIME ZONE 'Asia/Kolkata') - yob <= 18
			ELSE false END);
END
$fn$;
COMMENT ON FUNCTION core.is_minor(date, int, timestamptz) IS
	'Under 18 at time at (IST): by date of birth; by year of birth alone a person who may still be 17 (year difference 18 or less) counts as a child (when in doubt, seal)';

CREATE FUNCTION core.role_seal(case_law text, role text, dob date, yob int, at timestamptz) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (CASE
			WHEN case_law IS NOT NULL AND role IN ('victim', 'complainant', 'informant') THEN case_law
			WHEN role IN ('victim', 'complainant', 'informant', 'accused', 'suspect', 'arrested', 'witness',
				'panch_witness', 'missing', 'petitioner', 'respondent', 'deceased', 'found', 'place_shown_by')
				AND core.is_minor(dob, yob, at) THEN 'JJ Act 74'
			END);
END
$fn$;
COMMENT ON FUNCTION core.role_seal(text, text, date, int, timestamptz) IS
	'The law sealing one person in one case: the case''s law (core.case_seal) for its victim, complainant or informant (never the accused); JJ Act 74 for a child (under 18 at the FIR) as accused, victim, witness, complainant, ...; else NULL';

CREATE FUNCTION core.person_seals(st int, pid bigint)
RETURNS TABLE (sealed_by text, fir_year int, fir_id bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN QUERY
	SELECT DISTINCT x.law, x.year, x.fir_id
		FROM (SELECT core.role_seal(core.case_seal(f.state_code, f.year, f.fir_id), l.role::text,
				p.date_of_birth, p.year_of_birth, f.registered_at) AS law, f.year::int AS year, f.fir_id
			FROM core.person p
			JOIN core.person_link l ON l.state_code = p.state_code AND l.year = p.year
				AND l.person_id = p.person_id AND l.fir_id IS NOT NULL
			JOIN core.fir f ON f.state_code = l.state_code AND f.fir_id = l.fir_id
			WHERE p.state_code = st AND p.person_id = pid) x
		WHERE x.law IS NOT NULL;
END
$fn$;
COMMENT ON FUNCTION core.person_seals(int, bigint) IS
	'Every case that seals a person of the persons master record, and the law: the person is sealed when there is any';

-- ------------------------------------------------------------ who may see

CREATE FUNCTION core.viewer_officer() RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (nullif(current_setting('cctns.officer', true), ''));
END
$fn$;
COMMENT ON FUNCTION core.viewer_officer() IS
	'The signed-in officer behind the current call (set by cctns-server for the transaction: cctns.officer), or NULL';

CREATE FUNCTION core.may_see_sealed(st int, yr int, fid bigint) RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	ono text := core.viewer_officer();
	mask bigint;
	f record;
	o record;
BEGIN
	IF ono IS NULL THEN
		RETURN false;
	END IF;
	SELECT x.district_code, x.station_code, x.io_number INTO f FROM core.fir x
	WHERE x.state_code = st AND x.year = yr AND x.fir_id = fid;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	IF upper(btrim(f.io_number)) = upper(ono) THEN
		RETURN true;
	END IF;
	SELECT x.id, x.district_code, x.station_code INTO o FROM core.officer x
	WHERE x.state_code = st AND upper(x.officer_no) = upper(ono) AND x.active;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	mask := CASE WHEN current_setting('cctns.permissions', true) ~ '^[0-9]{1,18}$'
		THEN current_setting('cctns.permissions', true)::bigint ELSE 0 END;
	RETURN EXISTS (
		SELECT 1 FROM core.officer_role r JOIN ref.role ro ON ro.code = r.role
		WHERE r.officer = o.id AND (
			(r.role = 'station_house_officer' AND o.district_code = f.district_code
				AND o.station_code = f.station_code)
			OR (EXISTS (SELECT 1 FROM ref.role_permission rp JOIN ref.permission pm ON pm.code = rp.permission
					WHERE rp.role = r.role AND rp.permission = 'view_sealed'
						AND (mask >> pm.bit) & 1 = 1)
				AND (ro.scope = 'state'
					OR (ro.scope = 'district' AND o.district_code = f.district_code)
					OR (ro.scope = 'station' AND o.district_code = f.district_code
						AND o.station_code = f.station_code)))));
END
$fn$;
COMMENT ON FUNCTION core.may_see_sealed(int, int, bigint) IS
	'May the signed-in officer (cctns.officer) see the sealed identities of this case: its investigating officer, the SHO of its station, or a holder of view_sealed (database role and session mask) whose role scope covers the case';

CREATE FUNCTION core.may_see_person(st int, pid bigint, OUT sealed_by text, OUT allowed boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s record;
BEGIN
	allowed := true;
	FOR s IN SELECT * FROM core.person_seals(st, pid) ORDER BY 1 LOOP
		sealed_by := coalesce(sealed_by, s.sealed_by);
		IF allowed AND NOT core.may_see_sealed(st, s.fir_year, s.fir_id) THEN
			allowed := false;
			sealed_by := s.sealed_by;
		END IF;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.may_see_person(int, bigint) IS
	'Whether a person is sealed (sealed_by: a law, or NULL) and whether the signed-in officer may see them: only when allowed for every case that seals them';

-- ------------------------------------------------------------ the audit of sealed reads

CREATE TABLE audit.sealed_read (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at timestamptz NOT NULL DEFAULT clock_timestamp(),
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	officer_no text,
	action text NOT NULL,
	record text NOT NULL,
	person_ids bigint[] NOT NULL DEFAULT '{}',
	sealed_by text NOT NULL
);
COMMENT ON TABLE audit.sealed_read IS
	'Every read that showed a sealed identity unmasked: who (officer, terminal station), when, which read, which record and persons, and the law. Append-only for every role';
COMMENT ON COLUMN audit.sealed_read.id IS 'Order of reads';
COMMENT ON COLUMN audit.sealed_read.at IS 'When';
COMMENT ON COLUMN audit.sealed_read.state_code IS 'Terminal''s state (certificate)';
COMMENT ON COLUMN audit.sealed_read.district_code IS 'Terminal''s district';
COMMENT ON COLUMN audit.sealed_read.station_code IS 'Terminal''s station';
COMMENT ON COLUMN audit.sealed_read.officer_no IS 'Signed-in officer who saw it';
COMMENT ON COLUMN audit.sealed_read.action IS 'The read: get_fir, get_person, person_dossier, get_crime_details, get_person_photo';
COMMENT ON COLUMN audit.sealed_read.record IS 'The record read: "FIR 0042/2026" or "person 17"; numbers only';
COMMENT ON COLUMN audit.sealed_read.person_ids IS 'Persons master numbers of the sealed identities shown (when known)';
COMMENT ON COLUMN audit.sealed_read.sealed_by IS 'The law that seals them: BNS 72, JJ Act 74, ...';
CREATE TRIGGER sealed_read_append_only BEFORE UPDATE OR DELETE ON audit.sealed_read
	FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER sealed_read_no_truncate BEFORE TRUNCATE ON audit.sealed_read
	FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();

CREATE FUNCTION core.sealed_read_add(st int, di int, sn int, action text, record text, pids bigint[],
	law text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	INSERT INTO audit.sealed_read (state_code, district_code, station_code, officer_no, action, record,
			person_ids, sealed_by)
		VALUES (st, di, sn, core.viewer_officer(), action, record, coalesce(pids, '{}'), law);
END
$fn$;
COMMENT ON FUNCTION core.sealed_read_add(int, int, int, text, text, bigint[], text) IS
	'Record that a read showed a sealed identity unmasked (audit.sealed_read)';

-- ------------------------------------------------------------ masking

CREATE FUNCTION core.seal_person_json(p jsonb, law text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (CASE WHEN p IS NULL OR jsonb_typeof(p) <> 'object' THEN p
			ELSE jsonb_strip_nulls(jsonb_build_object('name', format('[sealed: %s]', law),
				'gender', p -> 'gender'))
			END);
END
$fn$;
COMMENT ON FUNCTION core.seal_person_json(jsonb, text) IS
	'A Person JSON with everything that identifies removed (relative, date and year of birth, address, phone, nationality, occupation, person_id): the name reads "[sealed: <law>]", the gender stays';

-- The FirContent JSON c of a case with its sealed persons masked (unless
-- allowed) and the list of sealed persons' laws. law_out: the first law, or
-- NULL when nothing in it is sealed.
CREATE FUNCTION core.seal_fir_content(c jsonb, st int, yr int, fid bigint, allowed boolean,
	OUT content jsonb, OUT law_out text, OUT pids bigint[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	caselaw text := core.case_seal(st, yr, fid);
	r record;
	law text;
	path text[];
BEGIN
	content := c;
	pids := '{}';
	FOR r IN
		SELECT fp.seq, fp.role::text AS role, fp.person_id,
			coalesce(fp.date_of_birth, p.date_of_birth) AS dob,
			coalesce(fp.year_of_birth, p.year_of_birth) AS yob, f.registered_at
		FROM core.fir_person fp
		JOIN core.fir f ON f.state_code = fp.state_code AND f.year = fp.year AND f.fir_id = fp.fir_id
		-- The persons master record only when the FIR gives no age.
		LEFT JOIN LATERAL (SELECT x.date_of_birth, x.year_of_birth FROM core.person x
			WHERE fp.date_of_birth IS NULL AND fp.year_of_birth IS NULL
				AND x.state_code = fp.state_code AND x.person_id = fp.person_id LIMIT 1) p ON true
		WHERE fp.state_code = st AND fp.year = yr AND fp.fir_id = fid
		ORDER BY fp.seq
	LOOP
		law := core.role_seal(caselaw, CASE r.role WHEN 'unknown_accused' THEN 'accused' ELSE r.role END,
			r.dob, r.yob, r.registered_at);
		CONTINUE WHEN law IS NULL;
		law_out := coalesce(law_out, law);
		IF r.person_id IS NOT NULL THEN
			pids := pids || r.person_id;
		END IF;
		CONTINUE WHEN allowed OR content IS NULL;
		path := CASE WHEN r.seq = 0 THEN ARRAY['complainant']
			WHEN r.seq = -1 THEN ARRAY['informant']
			ELSE ARRAY['accused', (r.seq - 1)::text, 'person'] END;
		IF content #> path IS NOT NULL THEN
			content := jsonb_set(content, path, core.seal_person_json(content #> path, law));
		END IF;
		IF r.seq = 0 THEN
			content := content - 'complainant_passport';
		END IF;
	END LOOP;
	IF caselaw IS NOT NULL THEN
		law_out := coalesce(law_out, caselaw);
		-- The place of a sexual offence is often the victim's home: its
		-- street address goes; city, district, distance and beat stay.
		IF NOT allowed AND jsonb_typeof(content #> '{place,address}') = 'object' THEN
			content := jsonb_set(content, '{place,address}',
				(content #> '{place,address}') - ARRAY['line1', 'line2', 'pincode']
					|| jsonb_build_object('line1', format('[sealed: %s]', caselaw)));
		END IF;
	END IF;
	IF law_out IS NOT NULL AND NOT allowed AND content ? 'brief_facts' THEN
		-- Free text can hold any name: shown only to those allowed.
		content := jsonb_set(content, '{brief_facts}',
			to_jsonb(format('[sealed: %s] the first information of this case is shown only to its officers', law_out)));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.seal_fir_content(jsonb, int, int, bigint, boolean) IS
	'Mask the sealed persons of a FirContent JSON (complainant, informant, accused[i].person; the passport; the brief facts when anything in the case is sealed; the street address of the place of a sexual offence) unless allowed; returns the masked content, the first law and the sealed persons'' numbers';

CREATE FUNCTION core.seal_person_record(rec jsonb, law text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (CASE WHEN rec IS NULL THEN NULL
			ELSE jsonb_set(rec - ARRAY['aliases', 'identity_documents', 'phones', 'addresses',
					'descriptive_roll', 'descriptive_roll_at', 'photos'],
				'{person}', core.seal_person_json(rec -> 'person', law)
					|| jsonb_build_object('person_id', rec #> '{person,person_id}'))
			END);
END
$fn$;
COMMENT ON FUNCTION core.seal_person_record(jsonb, text) IS
	'A PersonRecord JSON masked: the person sealed (the number stays, it is what was asked for), no aliases, documents, phones, addresses, descriptive roll (identification marks, age) or photos';

-- The cases that seal a person, as the person-centric answers name them
-- (fir_number and the station's codes), to leave them out for officers who
-- may not see them: with the name masked, a kept link "victim in FIR X"
-- would still tell the role to anyone who knows the person by number from
-- another record.
CREATE FUNCTION core.sealed_case_keys(st int, pid bigint) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (SELECT coalesce(jsonb_agg(jsonb_build_object('fir_number', core.fir_number_text(f.fir_no, f.year),
			'district_code', f.district_code, 'station_code', f.station_code)), '[]')
		FROM core.person_seals(st, pid) s
		JOIN core.fir f ON f.state_code = st AND f.year = s.fir_year AND f.fir_id = s.fir_id);
END
$fn$;
COMMENT ON FUNCTION core.sealed_case_keys(int, bigint) IS
	'The cases sealing a person as [{fir_number, district_code, station_code}]';

CREATE FUNCTION core.drop_sealed_cases(arr jsonb, keys jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF jsonb_typeof(arr) IS DISTINCT FROM 'array' OR jsonb_array_length(keys) = 0 THEN
		RETURN arr;
	END IF;
	RETURN (SELECT coalesce(jsonb_agg(a.e ORDER BY a.n), '[]')
		FROM jsonb_array_elements(arr) WITH ORDINALITY a (e, n)
		WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(keys) k
			WHERE k ->> 'fir_number' = a.e ->> 'fir_number'
				AND k -> 'district_code' = a.e #> '{station,district_code}'
				AND k -> 'station_code' = a.e #> '{station,station_code}'));
END
$fn$;
COMMENT ON FUNCTION core.drop_sealed_cases(jsonb, jsonb) IS
	'An array of links, cases, arrests, ... (each with fir_number and station) without the elements of the given cases';

-- ------------------------------------------------------------ the read paths

ALTER FUNCTION api.get_fir(int, int, int, text) RENAME TO get_fir_unsealed;
ALTER FUNCTION api.get_fir_unsealed(int, int, int, text) SET SCHEMA core;
ALTER FUNCTION api.get_fir_export(int, int, int, text) RENAME TO get_fir_export_unsealed;
ALTER FUNCTION api.get_fir_export_unsealed(int, int, int, text) SET SCHEMA core;
ALTER FUNCTION api.get_person(int, int, int, jsonb) RENAME TO get_person_unsealed;
ALTER FUNCTION api.get_person_unsealed(int, int, int, jsonb) SET SCHEMA core;
ALTER FUNCTION api.get_person_photo(int, int, int, jsonb) RENAME TO get_person_photo_unsealed;
ALTER FUNCTION api.get_person_photo_unsealed(int, int, int, jsonb) SET SCHEMA core;
ALTER FUNCTION api.search_persons(int, int, int, jsonb) RENAME TO search_persons_unsealed;
ALTER FUNCTION api.search_persons_unsealed(int, int, int, jsonb) SET SCHEMA core;
ALTER FUNCTION api.match_persons(int, int, int, jsonb) RENAME TO match_persons_unsealed;
ALTER FUNCTION api.match_persons_unsealed(int, int, int, jsonb) SET SCHEMA core;
ALTER FUNCTION api.person_dossier(int, int, int, jsonb) RENAME TO person_dossier_unsealed;
ALTER FUNCTION api.person_dossier_unsealed(int, int, int, jsonb) SET SCHEMA core;
ALTER FUNCTION api.get_crime_details(int, int, int, text, jsonb) RENAME TO get_crime_details_unsealed;
ALTER FUNCTION api.get_crime_details_unsealed(int, int, int, text, jsonb) SET SCHEMA core;

-- The FIR of the caller's station by number (as get_fir found it), or NULL.
CREATE FUNCTION core.fir_of_station(st int, di int, sn int, fir_number text) RETURNS core.fir
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r core.fir;
BEGIN
	SELECT x.* INTO r FROM core.fir x
		WHERE fir_number ~ '^[0-9]{1,9}/[0-9]{4}$'
			AND x.state_code = st AND x.year = split_part(fir_number, '/', 2)::int
			AND x.district_code = di AND x.station_code = sn
			AND x.fir_no = split_part(fir_number, '/', 1)::int;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION core.fir_of_station(int, int, int, text) IS 'The station''s FIR by its number, or NULL';

CREATE FUNCTION api.get_fir(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f core.fir;
	j jsonb;
	allowed boolean;
	s record;
BEGIN
	-- As core.get_fir_unsealed (0010), with one lookup of the FIR.
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	j := core.fir_json(f);
	-- Masked first; who reads is looked up only when something is sealed.
	SELECT * INTO s FROM core.seal_fir_content(j -> 'content', state, f.year, f.fir_id, false);
	IF s.law_out IS NULL THEN
		RETURN j;
	END IF;
	allowed := core.may_see_sealed(state, f.year, f.fir_id);
	IF allowed THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_fir',
			'FIR ' || core.fir_number_text(f.fir_no, f.year), s.pids, s.law_out);
		RETURN j;
	END IF;
	RETURN jsonb_set(j, '{content}', s.content);
END
$fn$;
COMMENT ON FUNCTION api.get_fir(int, int, int, text) IS
	'The FIR (core.get_fir_unsealed) with its sealed identities masked for everyone but the case''s own officers and view_sealed holders whose scope covers it; an unmasked sealed read is recorded in audit.sealed_read';

CREATE FUNCTION api.get_fir_export(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	j jsonb := core.get_fir_export_unsealed(state, district, station, fir_number);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
	s record;
BEGIN
	IF j IS NULL OR f.fir_id IS NULL THEN
		RETURN j;
	END IF;
	-- An export leaves this state's system: sealed identities never go in
	-- it, whoever asks (they go to the receiving IO under sealed cover).
	SELECT * INTO s FROM core.seal_fir_content(j -> 'content', state, f.year, f.fir_id, false);
	IF s.law_out IS NULL THEN
		RETURN j;
	END IF;
	RETURN jsonb_set(j, '{content}', s.content);
END
$fn$;
COMMENT ON FUNCTION api.get_fir_export(int, int, int, text) IS
	'The FIR export to another state (core.get_fir_export_unsealed) with every sealed identity masked, for every reader';

CREATE FUNCTION core.req_person_id(req jsonb) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (CASE WHEN req ->> 'person_id' ~ '^[0-9]{1,18}$' THEN (req ->> 'person_id')::bigint END);
END
$fn$;
COMMENT ON FUNCTION core.req_person_id(jsonb) IS 'person_id of a request JSON when it is a number, else NULL';

CREATE FUNCTION api.get_person(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	j jsonb := core.get_person_unsealed(state, district, station, req);
	pid bigint := core.req_person_id(req);
	v record;
BEGIN
	IF j IS NULL OR pid IS NULL THEN
		RETURN j;
	END IF;
	SELECT * INTO v FROM core.may_see_person(state, pid);
	IF v.sealed_by IS NULL THEN
		RETURN j;
	END IF;
	IF v.allowed THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_person', 'person ' || pid,
			ARRAY[pid], v.sealed_by);
		RETURN j;
	END IF;
	j := core.seal_person_record(j, v.sealed_by);
	IF j ? 'links' THEN
		j := jsonb_set(j, '{links}', core.drop_sealed_cases(j -> 'links', core.sealed_case_keys(state, pid)));
	END IF;
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.get_person(int, int, int, jsonb) IS
	'A person of the persons master record (core.get_person_unsealed), masked when sealed (and without the links to the cases that seal them) unless the officer may see every case that seals them';

CREATE FUNCTION api.get_person_photo(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint := core.req_person_id(req);
	v record;
BEGIN
	IF pid IS NOT NULL THEN
		SELECT * INTO v FROM core.may_see_person(state, pid);
		IF v.sealed_by IS NOT NULL AND NOT v.allowed THEN
			RAISE EXCEPTION USING ERRCODE = 'CT403', COLUMN = 'person_id',
				MESSAGE = format('person %s is a sealed identity (%s): the photograph is shown only to the case''s officers', pid, v.sealed_by);
		END IF;
		IF v.sealed_by IS NOT NULL THEN
			PERFORM core.sealed_read_add(state, district, station, 'get_person_photo', 'person ' || pid,
				ARRAY[pid], v.sealed_by);
		END IF;
	END IF;
	RETURN core.get_person_photo_unsealed(state, district, station, req);
END
$fn$;
COMMENT ON FUNCTION api.get_person_photo(int, int, int, jsonb) IS
	'A person''s photograph (core.get_person_photo_unsealed); CT403 for a sealed person unless the officer may see them';

-- Search and duplicate proposals: a sealed person the officer may not see
-- is left out, not masked: a masked hit for a typed name would still tell
-- that a person of that name is linked to those cases in those roles.
CREATE FUNCTION core.seal_matches(state int, j jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	kept jsonb := '[]';
	m jsonb;
	v record;
BEGIN
	IF j IS NULL OR jsonb_typeof(j -> 'matches') IS DISTINCT FROM 'array' THEN
		RETURN j;
	END IF;
	FOR m IN SELECT e FROM jsonb_array_elements(j -> 'matches') e LOOP
		SELECT * INTO v FROM core.may_see_person(state, core.req_person_id(m));
		IF v.sealed_by IS NULL OR v.allowed THEN
			kept := kept || jsonb_build_array(m);
		END IF;
	END LOOP;
	RETURN jsonb_set(j, '{matches}', kept);
END
$fn$;
COMMENT ON FUNCTION core.seal_matches(int, jsonb) IS
	'PersonMatches JSON without the sealed persons the signed-in officer may not see';

CREATE FUNCTION api.search_persons(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN core.seal_matches(state, core.search_persons_unsealed(state, district, station, req));
END
$fn$;
COMMENT ON FUNCTION api.search_persons(int, int, int, jsonb) IS
	'Person search (core.search_persons_unsealed) without sealed persons the officer may not see (core.seal_matches says why excluded, not masked)';

CREATE FUNCTION api.match_persons(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN core.seal_matches(state, core.match_persons_unsealed(state, district, station, req));
END
$fn$;
COMMENT ON FUNCTION api.match_persons(int, int, int, jsonb) IS
	'Duplicate proposals (core.match_persons_unsealed) without sealed persons the officer may not see';

CREATE FUNCTION api.person_dossier(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	j jsonb := core.person_dossier_unsealed(state, district, station, req);
	pid bigint := core.req_person_id(req);
	v record;
	a jsonb;
	kept jsonb := '[]';
	keys jsonb;
	part text;
BEGIN
	IF j IS NULL OR pid IS NULL THEN
		RETURN j;
	END IF;
	-- Associates are persons too: a sealed one reads as sealed.
	IF jsonb_typeof(j -> 'associates') = 'array' THEN
		FOR a IN SELECT e FROM jsonb_array_elements(j -> 'associates') e LOOP
			SELECT * INTO v FROM core.may_see_person(state, core.req_person_id(a));
			IF v.sealed_by IS NOT NULL AND NOT v.allowed THEN
				a := jsonb_build_object('name', format('[sealed: %s]', v.sealed_by))
					|| jsonb_strip_nulls(jsonb_build_object('cases_together', a -> 'cases_together',
						'fir_labels', a -> 'fir_labels'));
			END IF;
			kept := kept || jsonb_build_array(a);
		END LOOP;
		j := jsonb_set(j, '{associates}', kept);
	END IF;
	SELECT * INTO v FROM core.may_see_person(state, pid);
	IF v.sealed_by IS NULL THEN
		RETURN j;
	END IF;
	IF v.allowed THEN
		PERFORM core.sealed_read_add(state, district, station, 'person_dossier', 'person ' || pid,
			ARRAY[pid], v.sealed_by);
		RETURN j;
	END IF;
	j := jsonb_set(j - 'last_known_addresses', '{person}', core.seal_person_record(j -> 'person', v.sealed_by));
	keys := core.sealed_case_keys(state, pid);
	FOREACH part IN ARRAY ARRAY['cases', 'arrests', 'court_results', 'property_seized'] LOOP
		IF j ? part THEN
			j := jsonb_set(j, ARRAY[part], core.drop_sealed_cases(j -> part, keys));
		END IF;
	END LOOP;
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.person_dossier(int, int, int, jsonb) IS
	'The dossier (core.person_dossier_unsealed) with the person and sealed associates masked, no last known addresses and nothing of the cases that seal the person, for officers who may not see them';

CREATE FUNCTION api.get_crime_details(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	j jsonb := core.get_crime_details_unsealed(state, district, station, fir_number, req);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
	caselaw text;
	law text;
	allowed boolean;
	vi jsonb;
	kept jsonb := '[]';
	shown text;
BEGIN
	IF j IS NULL OR f.fir_id IS NULL OR jsonb_typeof(j -> 'details') IS DISTINCT FROM 'object' THEN
		RETURN j;
	END IF;
	caselaw := core.case_seal(state, f.year, f.fir_id);
	allowed := core.may_see_sealed(state, f.year, f.fir_id);
	FOR vi IN SELECT e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j #> '{details,victims}') = 'array'
			THEN j #> '{details,victims}' ELSE '[]' END) e LOOP
		law := core.role_seal(caselaw, 'victim', nullif(vi #>> '{person,date_of_birth}', '')::date,
			nullif(vi #>> '{person,year_of_birth}', '')::int, f.registered_at);
		IF law IS NOT NULL THEN
			shown := coalesce(shown, law);
			IF NOT allowed THEN
				vi := jsonb_set(vi, '{person}', core.seal_person_json(vi -> 'person', law));
			END IF;
		END IF;
		kept := kept || jsonb_build_array(vi);
	END LOOP;
	IF jsonb_typeof(j #> '{details,victims}') = 'array' THEN
		j := jsonb_set(j, '{details,victims}', kept);
	END IF;
	-- Who showed the place of a sexual offence leads to the victim.
	IF caselaw IS NOT NULL AND j #> '{details,place_shown_by,person}' IS NOT NULL THEN
		shown := coalesce(shown, caselaw);
		IF NOT allowed THEN
			j := jsonb_set(j, '{details,place_shown_by,person}',
				core.seal_person_json(j #> '{details,place_shown_by,person}', caselaw));
		END IF;
	END IF;
	IF shown IS NOT NULL AND allowed THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_crime_details',
			'FIR ' || core.fir_number_text(f.fir_no, f.year), '{}', shown);
	END IF;
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.get_crime_details(int, int, int, text, jsonb) IS
	'Crime details (core.get_crime_details_unsealed) with sealed victims (and, in a sexual offence, the person who showed the place) masked for officers who may not see them';

-- The arrest memo of a child (JJ Act 74): a child in conflict with law is
-- "apprehended"; the memo names the child, the parent informed, the
-- addresses and the marks.
ALTER FUNCTION api.get_arrest(int, int, int, text, text) RENAME TO get_arrest_unsealed;
ALTER FUNCTION api.get_arrest_unsealed(int, int, int, text, text) SET SCHEMA core;

CREATE FUNCTION api.get_arrest(state int, district int, station int, fir_number text, accused_code text)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	j jsonb := core.get_arrest_unsealed(state, district, station, fir_number, accused_code);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
	law text;
BEGIN
	IF j IS NULL OR f.fir_id IS NULL OR jsonb_typeof(j #> '{memo,person}') IS DISTINCT FROM 'object' THEN
		RETURN j;
	END IF;
	law := core.role_seal(NULL, 'arrested', nullif(j #>> '{memo,person,date_of_birth}', '')::date,
		nullif(j #>> '{memo,person,year_of_birth}', '')::int, f.registered_at);
	IF law IS NULL THEN
		RETURN j;
	END IF;
	IF core.may_see_sealed(state, f.year, f.fir_id) THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_arrest',
			'FIR ' || core.fir_number_text(f.fir_no, f.year) || ' ' || accused_code,
			CASE WHEN j #>> '{memo,person,person_id}' ~ '^[0-9]{1,18}$'
				THEN ARRAY[(j #>> '{memo,person,person_id}')::bigint] END, law);
		RETURN j;
	END IF;
	RETURN jsonb_set(j, '{memo}', (j -> 'memo') - ARRAY['aliases', 'identity_document', 'permanent_address',
			'relative_informed', 'descriptive_roll', 'caste_tribe', 'religion']
		|| jsonb_build_object('person', core.seal_person_json(j #> '{memo,person}', law)));
END
$fn$;
COMMENT ON FUNCTION api.get_arrest(int, int, int, text, text) IS
	'An arrest memo (core.get_arrest_unsealed); a child''s (JJ Act 74) masked for officers who may not see the case''s sealed identities: person, aliases, document, addresses, relative informed, descriptive roll';

GRANT EXECUTE ON FUNCTION api.get_fir(int, int, int, text),
	api.get_fir_export(int, int, int, text),
	api.get_person(int, int, int, jsonb),
	api.get_person_photo(int, int, int, jsonb),
	api.search_persons(int, int, int, jsonb),
	api.match_persons(int, int, int, jsonb),
	api.person_dossier(int, int, int, jsonb),
	api.get_crime_details(int, int, int, text, jsonb),
	api.get_arrest(int, int, int, text, text)
	TO cctns_server;

-- ------------------------------------------------------------ final report: the signed-in officer

-- The signed-in officer files the final report and must be the case's IO;
-- the officer named in the document must be the IO as before.
CREATE OR REPLACE FUNCTION core.final_report_io_check(fir_no int, fir_year int, io_number text, io_name text,
	io_rank text, officer_number text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	signed text := core.viewer_officer();
BEGIN
	IF io_number IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'officer',
			MESSAGE = format('FIR %s has no investigating officer: a final report is filed by the case''s investigating officer, so assign one first (cctns case assign-io)',
				core.fir_number_text(fir_no, fir_year));
	END IF;
	IF signed IS NOT NULL AND upper(signed) IS DISTINCT FROM upper(btrim(io_number)) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT403', COLUMN = 'officer.number',
			MESSAGE = format('the signed-in officer %s is not the case''s investigating officer (%s %s, %s): only the IO files its final report',
				signed, io_rank, io_name, io_number);
	END IF;
	IF upper(btrim(officer_number)) IS DISTINCT FROM upper(btrim(io_number)) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT403', COLUMN = 'officer.number',
			MESSAGE = format('only the case''s investigating officer (%s %s, %s) may file its final report',
				io_rank, io_name, io_number);
	END IF;
END
$fn$;

-- ------------------------------------------------------------ the public copy

-- A person in a public copy: no phone, no date or year of birth, no persons
-- master number; the accused without their address either.
CREATE FUNCTION core.public_person_json(p jsonb, accused boolean) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (CASE WHEN p IS NULL OR jsonb_typeof(p) <> 'object' THEN p
			ELSE p - ARRAY['phone', 'date_of_birth', 'year_of_birth', 'person_id']
				- CASE WHEN accused THEN ARRAY['address'] ELSE '{}'::text[] END
			END);
END
$fn$;
COMMENT ON FUNCTION core.public_person_json(jsonb, boolean) IS
	'A Person JSON as the public FIR copy shows it: without phone, date or year of birth and person number; an accused also without address';

CREATE FUNCTION api.get_public_fir_copy(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	j jsonb := core.get_fir_unsealed(state, district, station, fir_number);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
	s record;
	c jsonb;
	acc jsonb := '[]';
	a jsonb;
BEGIN
	IF j IS NULL OR f.fir_id IS NULL THEN
		RETURN j;
	END IF;
	SELECT * INTO s FROM core.seal_fir_content(j -> 'content', state, f.year, f.fir_id, false);
	IF s.law_out IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT403', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s has no public copy: it names %s whose identity the law forbids making known (%s%s); the Supreme Court (Youth Bar Association v. Union of India, 2016) exempts such FIRs from publication. The informant''s own copy is printed at the station (cctns fir show --pdf)',
				core.fir_number_text(f.fir_no, f.year),
				CASE WHEN s.law_out = 'JJ Act 74' THEN 'a child' ELSE 'the victim of a sexual offence' END,
				CASE s.law_out WHEN 'BNS 72' THEN 'BNS s.72' WHEN 'IPC 228A' THEN 'IPC s.228A'
					WHEN 'POCSO 23' THEN 'POCSO s.23' WHEN 'JJ Act 74' THEN 'JJ Act s.74' ELSE s.law_out END,
				'');
	END IF;
	c := j -> 'content';
	c := c - 'complainant_passport';
	IF c ? 'complainant' THEN
		c := jsonb_set(c, '{complainant}', core.public_person_json(c -> 'complainant', false));
	END IF;
	IF c ? 'informant' THEN
		c := jsonb_set(c, '{informant}', core.public_person_json(c -> 'informant', false));
	END IF;
	IF jsonb_typeof(c -> 'accused') = 'array' THEN
		FOR a IN SELECT e FROM jsonb_array_elements(c -> 'accused') e LOOP
			IF a ? 'person' THEN
				a := jsonb_set(a, '{person}', core.public_person_json(a -> 'person', true));
			END IF;
			acc := acc || jsonb_build_array(a);
		END LOOP;
		c := jsonb_set(c, '{accused}', acc);
	END IF;
	RETURN jsonb_set(j, '{content}', c);
END
$fn$;
COMMENT ON FUNCTION api.get_public_fir_copy(int, int, int, text) IS
	'The FIR as a citizen or the public portal may get it (no phone numbers, no accused''s address, no passport, birth dates or person numbers); CT403 naming the law for a case with a sealed identity (BNS s.72 / IPC s.228A / POCSO s.23 / JJ Act s.74; Youth Bar Association, 2016)';
GRANT EXECUTE ON FUNCTION api.get_public_fir_copy(int, int, int, text) TO cctns_server;

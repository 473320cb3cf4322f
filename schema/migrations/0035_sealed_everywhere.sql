-- 0035_sealed_everywhere.sql (sealed2, issue 5): the read paths 0030 left
-- unmasked, masked the same way, and the record of sealed reads made
-- tamper-evident.
--
-- Masked here (the earlier api.* function moved to core.*_unsealed, a
-- PL/pgSQL api.* wrapper masks its answer with core.seal_person_json,
-- "[sealed: <law>]"):
--   api.get_petition      the petitioner (the victim's side of the sealed
--                         FIR it was converted into; a child), a child
--                         respondent; subject, text, findings and reason
--                         (free text) when anything in it is sealed;
--   api.get_ncr           a child informant or opposite party (and the
--                         informant of an NCR under a sealing section);
--                         the brief facts;
--   api.get_final_report  a child accused (charged, not charged) or
--                         witness; the brief facts of a sealed case;
--   api.get_court_record  a child accused of the disposal, and that name
--                         where the appeal and its result repeat it;
--   api.get_seizure       a child witness of the seizure;
--   api.get_crime_details (replaced) also a child panch witness and a
--                         child who showed the place.
-- Who may see: core.may_see_sealed (0030) for a record of a case; for a
-- petition or NCR without a case, core.may_see_sealed_at with the record's
-- own officer (the enquiry officer, the officer who recorded the NCR) in
-- place of the case's IO: the same SHO and view_sealed rules.
--
-- audit.sealed_read is hash-chained: each row has seq (1, 2, ... without
-- gaps), prev_hash and hash = SHA-256 over core.sealed_read_encode (a
-- length-prefixed canonical encoding, see there), and audit.sealed_head
-- holds the last seq and hash so a cut tail is seen too. `cctns-admin
-- audit verify` recomputes the chain in C (server/admin/audit_sealed.c)
-- and names the first broken link. Rows written before this migration are
-- chained here, in id order.

-- ------------------------------------------------------------ who may see

CREATE FUNCTION core.may_see_sealed_at(st int, di int, sn int, own_officer text) RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	ono text := core.viewer_officer();
	mask bigint;
	o record;
BEGIN
	IF ono IS NULL THEN
		RETURN false;
	END IF;
	IF upper(btrim(own_officer)) = upper(ono) THEN
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
			(r.role = 'station_house_officer' AND o.district_code = di AND o.station_code = sn)
			OR (EXISTS (SELECT 1 FROM ref.role_permission rp JOIN ref.permission pm ON pm.code = rp.permission
					WHERE rp.role = r.role AND rp.permission = 'view_sealed'
						AND (mask >> pm.bit) & 1 = 1)
				AND (ro.scope = 'state'
					OR (ro.scope = 'district' AND o.district_code = di)
					OR (ro.scope = 'station' AND o.district_code = di AND o.station_code = sn)))));
END
$fn$;
COMMENT ON FUNCTION core.may_see_sealed_at(int, int, int, text) IS
	'May the signed-in officer see the sealed identities of a record of station (st, di, sn) whose own officer (IO, enquiry officer, recording officer) is own_officer: that officer, the SHO of the station, or a holder of view_sealed (database role and session mask) whose scope covers the station';

-- ------------------------------------------------------------ masking helpers

-- The law sealing one Person JSON in a role: its age from the JSON, else
-- from the persons master record by person_id.
CREATE FUNCTION core.seal_law_of(p jsonb, st int, role text, caselaw text, at timestamptz) RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	dob date;
	yob int;
BEGIN
	IF p IS NULL OR jsonb_typeof(p) <> 'object' THEN
		RETURN NULL;
	END IF;
	IF p ->> 'date_of_birth' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
		dob := (p ->> 'date_of_birth')::date;
	END IF;
	IF p ->> 'year_of_birth' ~ '^[0-9]{4}$' THEN
		yob := (p ->> 'year_of_birth')::int;
	END IF;
	IF dob IS NULL AND yob IS NULL AND p ->> 'person_id' ~ '^[0-9]{1,18}$' THEN
		SELECT x.date_of_birth, x.year_of_birth INTO dob, yob FROM core.person x
		WHERE x.state_code = st AND x.person_id = (p ->> 'person_id')::bigint LIMIT 1;
	END IF;
	RETURN core.role_seal(caselaw, role, dob, yob, at);
END
$fn$;
COMMENT ON FUNCTION core.seal_law_of(jsonb, int, text, text, timestamptz) IS
	'The law sealing a Person JSON in a role (core.role_seal), its age from the JSON or else from the persons master record; NULL when not sealed';

-- The Person JSONs at path in j (a Person when sub is NULL and it is an
-- object; an array of Persons, or of objects holding one under key sub)
-- masked when sealed and not allowed; law: the first law found; pids: the
-- sealed persons' numbers; names: the sealed names (to mask where repeated).
CREATE FUNCTION core.seal_at(j jsonb, path text[], sub text, role text, caselaw text, at timestamptz,
	st int, allowed boolean, yr int, fid bigint, OUT out_j jsonb, OUT law text, OUT pids bigint[], OUT names text[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	node jsonb := j #> path;
	el jsonb;
	p jsonb;
	l text;
	kept jsonb := '[]';
	case_names text[] := '{}';
	case_laws text[] := '{}';
	i int;
BEGIN
	out_j := j;
	pids := '{}';
	names := '{}';
	IF node IS NULL THEN
		RETURN;
	END IF;
	-- In a case, the persons its FIR seals, by name: a victim named again
	-- (as a witness of the final report, say) without a link is sealed too.
	IF fid IS NOT NULL THEN
		SELECT coalesce(array_agg(x.n), '{}'), coalesce(array_agg(x.l), '{}') INTO case_names, case_laws
		FROM (SELECT upper(btrim(fp.name)) AS n, core.role_seal(core.case_seal(f.state_code, f.year, f.fir_id),
				CASE fp.role::text WHEN 'unknown_accused' THEN 'accused' ELSE fp.role::text END,
				fp.date_of_birth, fp.year_of_birth, f.registered_at) AS l
			FROM core.fir f JOIN core.fir_person fp ON fp.state_code = f.state_code AND fp.year = f.year
				AND fp.fir_id = f.fir_id
			WHERE f.state_code = st AND f.year = yr AND f.fir_id = fid AND fp.name IS NOT NULL) x
		WHERE x.l IS NOT NULL;
	END IF;
	IF jsonb_typeof(node) = 'object' AND sub IS NULL THEN
		node := jsonb_build_array(node);
	ELSIF jsonb_typeof(node) <> 'array' THEN
		RETURN;
	END IF;
	FOR el IN SELECT e FROM jsonb_array_elements(node) e LOOP
		p := CASE WHEN sub IS NULL THEN el ELSE el -> sub END;
		l := core.seal_law_of(p, st, role, caselaw, at);
		IF l IS NULL AND fid IS NOT NULL AND jsonb_typeof(p) = 'object' THEN
			-- Sealed in this case by another role (the victim as a witness).
			IF p ->> 'person_id' ~ '^[0-9]{1,18}$' THEN
				l := core.case_person_seal(st, yr, fid, (p ->> 'person_id')::bigint);
			END IF;
			i := array_position(case_names, upper(btrim(p ->> 'name')));
			IF l IS NULL AND i IS NOT NULL THEN
				l := case_laws[i];
			END IF;
		END IF;
		IF l IS NOT NULL THEN
			law := coalesce(law, l);
			IF p ->> 'person_id' ~ '^[0-9]{1,18}$' THEN
				pids := pids || (p ->> 'person_id')::bigint;
			END IF;
			IF p ->> 'name' IS NOT NULL THEN
				names := names || upper(btrim(p ->> 'name'));
			END IF;
			IF NOT allowed THEN
				p := core.seal_person_json(p, l);
				el := CASE WHEN sub IS NULL THEN p ELSE jsonb_set(el, ARRAY[sub], p) END;
			END IF;
		END IF;
		kept := kept || jsonb_build_array(el);
	END LOOP;
	IF NOT allowed AND law IS NOT NULL THEN
		out_j := jsonb_set(j, path, CASE WHEN jsonb_typeof(j #> path) = 'object' THEN kept -> 0 ELSE kept END);
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.seal_at(jsonb, text[], text, text, text, timestamptz, int, boolean, int, bigint) IS
	'Mask the sealed Person JSONs at a path of an answer (a Person, an array of Persons, or an array of objects holding one under key sub) unless allowed: sealed in the role given, or (in case yr, fid) sealed in that case by another role, by person number or by name; returns the answer, the first law, the sealed persons'' numbers and names';

CREATE FUNCTION core.seal_text_at(j jsonb, path text[], law text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF j IS NULL OR law IS NULL OR jsonb_typeof(j #> path) IS DISTINCT FROM 'string' THEN
		RETURN j;
	END IF;
	RETURN jsonb_set(j, path, to_jsonb(format('[sealed: %s] shown only to the officers of the record', law)));
END
$fn$;
COMMENT ON FUNCTION core.seal_text_at(jsonb, text[], text) IS
	'Free text at a path of an answer (it can hold any name) replaced by "[sealed: <law>] ..." when law is not NULL';

-- ------------------------------------------------------------ petitions

ALTER FUNCTION api.get_petition(int, int, int, text) RENAME TO get_petition_unsealed;
ALTER FUNCTION api.get_petition_unsealed(int, int, int, text) SET SCHEMA core;

CREATE FUNCTION api.get_petition(state int, district int, station int, petition_number text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	j jsonb := core.get_petition_unsealed(state, district, station, petition_number);
	p core.petition;
	caselaw text;
	allowed boolean;
	s record;
	law text;
	pids bigint[] := '{}';
BEGIN
	IF j IS NULL OR petition_number !~ '^[0-9]{1,9}/[0-9]{4}$' THEN
		RETURN j;
	END IF;
	SELECT * INTO p FROM core.petition x
	WHERE x.state_code = state AND x.year = split_part(petition_number, '/', 2)::int
		AND x.district_code = district AND x.station_code = station
		AND x.petition_no = split_part(petition_number, '/', 1)::int;
	IF NOT FOUND THEN
		RETURN j;
	END IF;
	-- Converted into an FIR: the petitioner is its complainant, and its
	-- officers see what they see in the FIR.
	IF p.fir_id IS NOT NULL THEN
		caselaw := core.case_seal(state, p.fir_year, p.fir_id);
		allowed := core.may_see_sealed(state, p.fir_year, p.fir_id)
			OR core.may_see_sealed_at(state, district, station, p.enquiry_number);
	ELSE
		allowed := core.may_see_sealed_at(state, district, station, p.enquiry_number);
	END IF;
	SELECT * INTO s FROM core.seal_at(j, '{petition,petitioner}', NULL, 'complainant', caselaw, p.received_at,
		state, allowed, p.fir_year, p.fir_id);
	j := s.out_j;
	law := s.law;
	pids := pids || s.pids;
	SELECT * INTO s FROM core.seal_at(j, '{petition,respondents}', NULL, 'respondent', NULL, p.received_at,
		state, allowed, p.fir_year, p.fir_id);
	j := s.out_j;
	law := coalesce(law, s.law);
	pids := pids || s.pids;
	law := coalesce(law, caselaw);
	IF law IS NULL THEN
		RETURN j;
	END IF;
	IF allowed THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_petition',
			'petition ' || core.fir_number_text(p.petition_no, p.year), pids, law);
		RETURN j;
	END IF;
	j := core.seal_text_at(j, '{petition,subject}', law);
	j := core.seal_text_at(j, '{petition,text}', law);
	j := core.seal_text_at(j, '{report,findings}', law);
	RETURN core.seal_text_at(j, '{disposal,reason}', law);
END
$fn$;
COMMENT ON FUNCTION api.get_petition(int, int, int, text) IS
	'A petition (core.get_petition_unsealed) with its sealed persons masked (the petitioner of a petition converted into a sealed FIR; a child petitioner or respondent) and its free text (subject, text, findings, reason), unless the officer is the case''s or the enquiry''s, the SHO, or a view_sealed holder; an unmasked sealed read is recorded';

-- ------------------------------------------------------------ NCRs

ALTER FUNCTION api.get_ncr(int, int, int, text) RENAME TO get_ncr_unsealed;
ALTER FUNCTION api.get_ncr_unsealed(int, int, int, text) SET SCHEMA core;

CREATE FUNCTION api.get_ncr(state int, district int, station int, ncr_number text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	j jsonb := core.get_ncr_unsealed(state, district, station, ncr_number);
	n core.ncr;
	caselaw text;
	allowed boolean;
	s record;
	law text;
	pids bigint[] := '{}';
BEGIN
	IF j IS NULL OR ncr_number !~ '^[0-9]{1,9}/[0-9]{4}$' THEN
		RETURN j;
	END IF;
	SELECT * INTO n FROM core.ncr x
	WHERE x.state_code = state AND x.year = split_part(ncr_number, '/', 2)::int
		AND x.district_code = district AND x.station_code = station
		AND x.ncr_no = split_part(ncr_number, '/', 1)::int;
	IF NOT FOUND THEN
		RETURN j;
	END IF;
	SELECT sc.sealed_by INTO caselaw FROM core.ncr_charge c
		JOIN ref.sealed_charge sc ON sc.act = c.act AND (sc.section IS NULL OR sc.section = c.section_base)
			AND (sc.law IS NULL OR sc.law = c.law)
	WHERE c.state_code = n.state_code AND c.year = n.year AND c.ncr_id = n.ncr_id
	ORDER BY sc.sealed_by LIMIT 1;
	allowed := core.may_see_sealed_at(state, district, station, n.officer_number);
	SELECT * INTO s FROM core.seal_at(j, '{ncr,informant}', NULL, 'informant', caselaw, n.reported_at,
		state, allowed, NULL, NULL);
	j := s.out_j;
	law := s.law;
	pids := pids || s.pids;
	SELECT * INTO s FROM core.seal_at(j, '{ncr,opposite_party}', NULL, 'accused', NULL, n.reported_at,
		state, allowed, NULL, NULL);
	j := s.out_j;
	law := coalesce(law, s.law, caselaw);
	pids := pids || s.pids;
	IF law IS NULL THEN
		RETURN j;
	END IF;
	IF allowed THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_ncr',
			'NCR ' || core.fir_number_text(n.ncr_no, n.year), pids, law);
		RETURN j;
	END IF;
	RETURN core.seal_text_at(j, '{ncr,brief_facts}', law);
END
$fn$;
COMMENT ON FUNCTION api.get_ncr(int, int, int, text) IS
	'An NCR (core.get_ncr_unsealed) with a child informant or opposite party (and the informant under a sealing section) masked, and its brief facts, unless the officer recorded it, is the SHO or a view_sealed holder; an unmasked sealed read is recorded';

-- ------------------------------------------------------------ final reports

ALTER FUNCTION api.get_final_report(int, int, int, text, jsonb) RENAME TO get_final_report_unsealed;
ALTER FUNCTION api.get_final_report_unsealed(int, int, int, text, jsonb) SET SCHEMA core;

CREATE FUNCTION api.get_final_report(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	j jsonb := core.get_final_report_unsealed(state, district, station, fir_number, req);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
	caselaw text;
	allowed boolean;
	s record;
	law text;
	pids bigint[] := '{}';
	part record;
BEGIN
	IF j IS NULL OR f.fir_id IS NULL THEN
		RETURN j;
	END IF;
	caselaw := core.case_seal(state, f.year, f.fir_id);
	allowed := core.may_see_sealed(state, f.year, f.fir_id);
	FOR part IN SELECT * FROM (VALUES ('charged', 'accused'), ('not_charged', 'accused'),
			('witnesses', 'witness')) v (key, role) LOOP
		SELECT * INTO s FROM core.seal_at(j, ARRAY['report', part.key], 'person', part.role, caselaw,
			f.registered_at, state, allowed, f.year, f.fir_id);
		j := s.out_j;
		law := coalesce(law, s.law);
		pids := pids || s.pids;
	END LOOP;
	law := coalesce(law, caselaw);
	IF law IS NULL THEN
		RETURN j;
	END IF;
	IF allowed THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_final_report',
			'FIR ' || core.fir_number_text(f.fir_no, f.year), pids, law);
		RETURN j;
	END IF;
	RETURN core.seal_text_at(j, '{report,brief_facts}', law);
END
$fn$;
COMMENT ON FUNCTION api.get_final_report(int, int, int, text, jsonb) IS
	'A final report (core.get_final_report_unsealed) with a child accused (charged or not) or witness masked, and the brief facts of a sealed case, for officers who may not see the case''s sealed identities; an unmasked sealed read is recorded';

-- ------------------------------------------------------------ court records

ALTER FUNCTION api.get_court_record(int, int, int, text) RENAME TO get_court_record_unsealed;
ALTER FUNCTION api.get_court_record_unsealed(int, int, int, text) SET SCHEMA core;

-- An array of names (or of objects with the name under key) with the given
-- upper-cased names replaced by "[sealed: law]".
CREATE FUNCTION core.seal_names_at(j jsonb, path text[], key text, names text[], law text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	arr jsonb := j #> path;
BEGIN
	IF jsonb_typeof(arr) IS DISTINCT FROM 'array' OR cardinality(names) = 0 THEN
		RETURN j;
	END IF;
	RETURN jsonb_set(j, path, (SELECT jsonb_agg(CASE
			WHEN key IS NULL AND upper(btrim(a.e #>> '{}')) = ANY (names)
				THEN to_jsonb(format('[sealed: %s]', law))
			WHEN key IS NOT NULL AND upper(btrim(a.e ->> key)) = ANY (names)
				THEN jsonb_set(a.e, ARRAY[key], to_jsonb(format('[sealed: %s]', law)))
			ELSE a.e END ORDER BY a.n)
		FROM jsonb_array_elements(arr) WITH ORDINALITY a (e, n)));
END
$fn$;
COMMENT ON FUNCTION core.seal_names_at(jsonb, text[], text, text[], text) IS
	'Replace, in an array of names (or of objects holding a name under key), the names of sealed persons by "[sealed: <law>]"';

CREATE FUNCTION api.get_court_record(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	j jsonb := core.get_court_record_unsealed(state, district, station, fir_number);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
	allowed boolean;
	s record;
BEGIN
	IF j IS NULL OR f.fir_id IS NULL THEN
		RETURN j;
	END IF;
	allowed := core.may_see_sealed(state, f.year, f.fir_id);
	SELECT * INTO s FROM core.seal_at(j, '{disposal,accused}', 'person', 'accused', NULL, f.registered_at,
		state, allowed, f.year, f.fir_id);
	IF s.law IS NULL THEN
		RETURN j;
	END IF;
	IF allowed THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_court_record',
			'FIR ' || core.fir_number_text(f.fir_no, f.year), s.pids, s.law);
		RETURN j;
	END IF;
	j := core.seal_names_at(s.out_j, '{appeal,accused_names}', NULL, s.names, s.law);
	RETURN core.seal_names_at(j, '{appeal_result,results}', 'accused_name', s.names, s.law);
END
$fn$;
COMMENT ON FUNCTION api.get_court_record(int, int, int, text) IS
	'What the courts decided (core.get_court_record_unsealed) with a child accused masked in the disposal and where the appeal and its result repeat the name, for officers who may not see the case''s sealed identities; an unmasked sealed read is recorded';

-- ------------------------------------------------------------ seizure memos

ALTER FUNCTION api.get_seizure(int, int, int, text, jsonb) RENAME TO get_seizure_unsealed;
ALTER FUNCTION api.get_seizure_unsealed(int, int, int, text, jsonb) SET SCHEMA core;

CREATE FUNCTION api.get_seizure(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	j jsonb := core.get_seizure_unsealed(state, district, station, fir_number, req);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
	allowed boolean;
	s record;
	law text;
	pids bigint[];
BEGIN
	IF j IS NULL OR f.fir_id IS NULL THEN
		RETURN j;
	END IF;
	allowed := core.may_see_sealed(state, f.year, f.fir_id);
	SELECT * INTO s FROM core.seal_at(j, '{memo,witnesses}', NULL, 'panch_witness', NULL, f.registered_at,
		state, allowed, f.year, f.fir_id);
	j := s.out_j;
	law := s.law;
	pids := s.pids;
	-- Seized from: sealed only as a person the case seals (a child accused).
	SELECT * INTO s FROM core.seal_at(j, '{memo,seized_from}', NULL, 'seized_from', NULL, f.registered_at,
		state, allowed, f.year, f.fir_id);
	j := s.out_j;
	law := coalesce(law, s.law);
	pids := pids || s.pids;
	IF law IS NOT NULL AND allowed THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_seizure',
			'FIR ' || core.fir_number_text(f.fir_no, f.year), pids, law);
	END IF;
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.get_seizure(int, int, int, text, jsonb) IS
	'A seizure memo (core.get_seizure_unsealed) with a child witness, and a person seized from whom the case seals (a child accused), masked for officers who may not see the case''s sealed identities; an unmasked sealed read is recorded';

-- ------------------------------------------------------------ crime details (replaces 0030's)

CREATE OR REPLACE FUNCTION api.get_crime_details(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	j jsonb := core.get_crime_details_unsealed(state, district, station, fir_number, req);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
	caselaw text;
	allowed boolean;
	s record;
	law text;
	pids bigint[] := '{}';
BEGIN
	IF j IS NULL OR f.fir_id IS NULL OR jsonb_typeof(j -> 'details') IS DISTINCT FROM 'object' THEN
		RETURN j;
	END IF;
	caselaw := core.case_seal(state, f.year, f.fir_id);
	allowed := core.may_see_sealed(state, f.year, f.fir_id);
	SELECT * INTO s FROM core.seal_at(j, '{details,victims}', 'person', 'victim', caselaw, f.registered_at,
		state, allowed, f.year, f.fir_id);
	j := s.out_j;
	law := s.law;
	pids := pids || s.pids;
	-- Who showed the place of a sexual offence leads to the victim (their
	-- role is the victim's side); a child who showed it is sealed anyway.
	SELECT * INTO s FROM core.seal_at(j, '{details,place_shown_by,person}', NULL,
		CASE WHEN caselaw IS NOT NULL THEN 'victim' ELSE 'place_shown_by' END, caselaw, f.registered_at,
		state, allowed, f.year, f.fir_id);
	j := s.out_j;
	law := coalesce(law, s.law);
	pids := pids || s.pids;
	SELECT * INTO s FROM core.seal_at(j, '{details,panch_witnesses}', NULL, 'panch_witness', NULL,
		f.registered_at, state, allowed, f.year, f.fir_id);
	j := s.out_j;
	law := coalesce(law, s.law);
	pids := pids || s.pids;
	IF law IS NOT NULL AND allowed THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_crime_details',
			'FIR ' || core.fir_number_text(f.fir_no, f.year), pids, law);
	END IF;
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.get_crime_details(int, int, int, text, jsonb) IS
	'Crime details (core.get_crime_details_unsealed) with sealed victims, the person who showed the place (in a sexual offence, or a child) and child panch witnesses masked for officers who may not see the case''s sealed identities; an unmasked sealed read is recorded';

-- ------------------------------------------------------------ MO search

-- The law sealing a person of the persons master record in one case (not
-- in any case: an adult accused here stays named here even when sealed as
-- a victim elsewhere, and the hit must not tell that), or NULL.
CREATE FUNCTION core.case_person_seal(st int, yr int, fid bigint, pid bigint) RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (SELECT min(core.role_seal(core.case_seal(f.state_code, f.year, f.fir_id),
				CASE l.role::text WHEN 'unknown_accused' THEN 'accused' ELSE l.role::text END,
				coalesce(fp.date_of_birth, p.date_of_birth), coalesce(fp.year_of_birth, p.year_of_birth),
				f.registered_at))
		FROM core.fir f
		JOIN core.person_link l ON l.state_code = f.state_code AND l.fir_id = f.fir_id AND l.person_id = pid
		LEFT JOIN core.fir_person fp ON fp.state_code = f.state_code AND fp.year = f.year AND fp.fir_id = f.fir_id
			AND fp.person_id = pid
		LEFT JOIN LATERAL (SELECT x.date_of_birth, x.year_of_birth FROM core.person x
			WHERE x.state_code = st AND x.person_id = pid LIMIT 1) p ON true
		WHERE f.state_code = st AND f.year = yr AND f.fir_id = fid);
END
$fn$;
COMMENT ON FUNCTION core.case_person_seal(int, int, bigint, bigint) IS
	'The law sealing a person (persons master number) in one case by their roles and age in it, or NULL';

ALTER FUNCTION api.mo_search(int, int, int, jsonb) RENAME TO mo_search_unsealed;
ALTER FUNCTION api.mo_search_unsealed(int, int, int, jsonb) SET SCHEMA core;

CREATE FUNCTION api.mo_search(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	j jsonb := core.mo_search_unsealed(state, district, station, req);
	c jsonb;
	a jsonb;
	f core.fir;
	law text;
	cases jsonb := '[]';
	acc jsonb;
BEGIN
	IF j IS NULL OR jsonb_typeof(j -> 'cases') IS DISTINCT FROM 'array' THEN
		RETURN j;
	END IF;
	FOR c IN SELECT e FROM jsonb_array_elements(j -> 'cases') e LOOP
		IF jsonb_typeof(c -> 'accused') = 'array' AND c ->> 'fir_number' ~ '^[0-9]{1,9}/[0-9]{4}$' THEN
			f := core.fir_of_station(state, (c #>> '{station,district_code}')::int,
				(c #>> '{station,station_code}')::int, c ->> 'fir_number');
			acc := '[]';
			FOR a IN SELECT e FROM jsonb_array_elements(c -> 'accused') e LOOP
				law := CASE WHEN f.fir_id IS NOT NULL AND a ->> 'person_id' ~ '^[0-9]{1,18}$'
					THEN core.case_person_seal(state, f.year, f.fir_id, (a ->> 'person_id')::bigint) END;
				IF law IS NOT NULL AND NOT core.may_see_sealed(state, f.year, f.fir_id) THEN
					a := (a - 'person_id') || jsonb_build_object('name', format('[sealed: %s]', law));
				END IF;
				acc := acc || jsonb_build_array(a);
			END LOOP;
			c := jsonb_set(c, '{accused}', acc);
		END IF;
		cases := cases || jsonb_build_array(c);
	END LOOP;
	RETURN jsonb_set(j, '{cases}', cases);
END
$fn$;
COMMENT ON FUNCTION api.mo_search(int, int, int, jsonb) IS
	'MO search (core.mo_search_unsealed) with a child accused, suspect or arrested of a hit (JJ Act 74) masked, without person number, for officers who may not see that case''s sealed identities';

GRANT EXECUTE ON FUNCTION api.get_petition(int, int, int, text),
	api.get_ncr(int, int, int, text),
	api.get_final_report(int, int, int, text, jsonb),
	api.get_court_record(int, int, int, text),
	api.get_seizure(int, int, int, text, jsonb),
	api.mo_search(int, int, int, jsonb)
	TO cctns_server;

-- ------------------------------------------------------------ the sealed reads, hash-chained

ALTER TABLE audit.sealed_read ADD COLUMN seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;
COMMENT ON COLUMN audit.sealed_read.seq IS 'Position in the chain of sealed reads: 1, 2, 3, ... without gaps (a deleted row leaves a gap)';
COMMENT ON COLUMN audit.sealed_read.prev_hash IS 'Hash of the previous sealed read (32 zero bytes for seq 1)';
COMMENT ON COLUMN audit.sealed_read.hash IS 'SHA-256 over core.sealed_read_encode of this row and prev_hash; recomputed by cctns-admin audit verify';

CREATE TABLE audit.sealed_head (
	one boolean PRIMARY KEY DEFAULT true CHECK (one),
	last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
	last_hash bytea NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
		CHECK (length(last_hash) = 32)
);
COMMENT ON TABLE audit.sealed_head IS
	'The head of the chain of audit.sealed_read (one row): so a deleted tail is detected too; moves only forward';
COMMENT ON COLUMN audit.sealed_head.one IS 'Always true: the single row';
COMMENT ON COLUMN audit.sealed_head.last_seq IS 'seq of the last sealed read written (0: none)';
COMMENT ON COLUMN audit.sealed_head.last_hash IS 'hash of the last sealed read written (32 zero bytes: none)';
INSERT INTO audit.sealed_head DEFAULT VALUES;

CREATE FUNCTION audit.sealed_head_forward() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF NEW.last_seq <= OLD.last_seq THEN
		RAISE EXCEPTION USING ERRCODE = 'CT403',
			MESSAGE = 'audit.sealed_head: only the head moves forward';
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION audit.sealed_head_forward() IS
	'Trigger: audit.sealed_head changes only by its head moving forward, for every role including the owner';
CREATE TRIGGER sealed_head_forward BEFORE UPDATE ON audit.sealed_head
	FOR EACH ROW EXECUTE FUNCTION audit.sealed_head_forward();
CREATE TRIGGER sealed_head_no_delete BEFORE DELETE ON audit.sealed_head
	FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER sealed_head_no_truncate BEFORE TRUNCATE ON audit.sealed_head
	FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
REVOKE ALL ON audit.sealed_head FROM PUBLIC;

CREATE FUNCTION core.sealed_field(t text) RETURNS bytea
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN t IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(t)) || convert_to(t, 'UTF8') END;
COMMENT ON FUNCTION core.sealed_field(text) IS
	'One text field of core.sealed_read_encode: 4-byte big-endian length then its UTF-8 bytes; NULL as ffffffff and no bytes';

-- Canonical encoding (version 1), hashed with SHA-256 (as
-- server/admin/audit_sealed.c rebuilds it): "cctns-sealed-1", seq, at in
-- microseconds since 1970 UTC, state, district, station (each 8 bytes
-- big-endian), officer_no, action, record, person_ids as text ("{1,2}"),
-- sealed_by (each core.sealed_field), prev_hash (32 bytes).
CREATE FUNCTION core.sealed_read_encode(n bigint, at timestamptz, st int, di int, sn int, officer text,
	action text, record text, pids bigint[], law text, prev bytea) RETURNS bytea
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
RETURN convert_to('cctns-sealed-1', 'UTF8') || int8send(n)
	|| int8send((extract(epoch FROM at) * 1000000)::bigint) || int8send(st::bigint) || int8send(di::bigint)
	|| int8send(sn::bigint) || core.sealed_field(officer) || core.sealed_field(action)
	|| core.sealed_field(record) || core.sealed_field(pids::text) || core.sealed_field(law) || prev;
COMMENT ON FUNCTION core.sealed_read_encode(bigint, timestamptz, int, int, int, text, text, text, bigint[], text, bytea) IS
	'The canonical encoding of a sealed read hashed into its chain (version 1; server/admin/audit_sealed.c rebuilds it)';

CREATE OR REPLACE FUNCTION core.sealed_read_add(st int, di int, sn int, action text, record text, pids bigint[],
	law text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	h audit.sealed_head;
	t timestamptz := clock_timestamp();
	o text := core.viewer_officer();
	p bigint[] := coalesce(pids, '{}');
	hs bytea;
BEGIN
	-- One chain: sealed reads are few (only the case's own officers make
	-- them); the head's row lock orders them until the read commits.
	SELECT * INTO h FROM audit.sealed_head FOR UPDATE;
	hs := sha256(core.sealed_read_encode(h.last_seq + 1, t, st, di, sn, o, action, record, p, law, h.last_hash));
	INSERT INTO audit.sealed_read (at, state_code, district_code, station_code, officer_no, action, record,
			person_ids, sealed_by, seq, prev_hash, hash)
		VALUES (t, st, di, sn, o, action, record, p, law, h.last_seq + 1, h.last_hash, hs);
	UPDATE audit.sealed_head SET last_seq = h.last_seq + 1, last_hash = hs;
END
$fn$;
COMMENT ON FUNCTION core.sealed_read_add(int, int, int, text, text, bigint[], text) IS
	'Record that a read showed a sealed identity unmasked (audit.sealed_read), as the next link of its hash chain (audit.sealed_head)';

-- The rows written before: chained now, in id order.
ALTER TABLE audit.sealed_read DISABLE TRIGGER sealed_read_append_only;
DO $chain$
DECLARE
	r audit.sealed_read;
	h audit.sealed_head;
	hs bytea;
BEGIN
	FOR r IN SELECT * FROM audit.sealed_read ORDER BY id LOOP
		SELECT * INTO h FROM audit.sealed_head;
		hs := sha256(core.sealed_read_encode(h.last_seq + 1, r.at, r.state_code, r.district_code, r.station_code,
			r.officer_no, r.action, r.record, r.person_ids, r.sealed_by, h.last_hash));
		UPDATE audit.sealed_read SET seq = h.last_seq + 1, prev_hash = h.last_hash, hash = hs WHERE id = r.id;
		UPDATE audit.sealed_head SET last_seq = h.last_seq + 1, last_hash = hs;
	END LOOP;
END
$chain$;
ALTER TABLE audit.sealed_read ENABLE TRIGGER sealed_read_append_only;
ALTER TABLE audit.sealed_read ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL,
	ALTER COLUMN hash SET NOT NULL,
	ADD CONSTRAINT sealed_read_seq_unique UNIQUE (seq),
	ADD CONSTRAINT sealed_read_hash_len CHECK (length(prev_hash) = 32 AND length(hash) = 32);

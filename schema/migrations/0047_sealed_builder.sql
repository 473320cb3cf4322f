-- 0047_sealed_builder.sql (cleanup, slice 10): sealed identities masked by
-- the person builder instead of wrappers around the readers.
--
-- 0030 and 0035 masked sealed persons by wrapping each reader: the earlier
-- api.* function moved to core.*_unsealed, and a new api.* function walked
-- its answer by JSON paths to mask it. A new reader had to remember its
-- wrapper. Here the masking moves into the building of each Person JSON:
--
--   core.seal_scope                 what a read knows of its record: the
--       case (state, year, fir_id) or none, the law sealing the case's
--       victims, the time ages are measured at, whether the signed-in
--       officer may see, the case's sealed persons by name;
--   core.seal_scope_case(...)        a record of a case (core.may_see_sealed:
--       its IO, the station's SHO, a view_sealed holder);
--   core.seal_scope_at(...)          a record of a station with its own
--       officer (core.may_see_sealed_at), and a case when it has one;
--   core.seal_person(p, role, scope) THE builder step every Person JSON of a
--       read goes through: the person sealed in that role (by age, the case
--       law, or sealed in the case by another role or name) reads
--       "[sealed: <law>]" unless the scope allows; what it showed or masked
--       is noted (transaction-local cctns.sealed_seen) for
--   core.seal_done(scope, ...)       the read's one row of audit.sealed_read
--       (core.sealed_read_add, the same chain) when it showed a sealed
--       identity unmasked; returns the first law so the reader masks its
--       free text.
-- A scope can only be made by the constructors, which ask who reads; there
-- is no scope that shows everything, so a reader built on core.seal_person
-- masks by construction (schema/tests/cleanup10_checks.sql builds one).
--
-- Re-created on the builder, their wrappers (core.*_unsealed) dropped:
-- api.get_ncr, api.get_petition (their person builder
-- core.register_person_json has a sealing form taking the role and the
-- scope), api.get_final_report, api.get_court_record,
-- api.get_crime_details, api.get_arrest, and the seizure read under
-- api.get_seizure (core.get_seizure_0041, which 0042's identifiers read
-- calls): core.final_report_json, court_disposal_json, crime_details_json,
-- seizure_memo_json and arrest_memo_json take the scope. api.get_person and
-- api.get_person_photo read one person of the persons master record with a
-- person's scope (core.seal_scope_person: sealed by any case of the state)
-- and core.person_record_json(state, pid, scope). Left as wrappers:
-- person_dossier, search_persons and match_persons (they filter and mask
-- lists of persons and cases), mo_search (a hit is not a Person), and the
-- FIR reads (get_fir, get_fir_export, get_public_fir_copy: 0039 / 0042 and
-- the FIR cache are another helper's).

-- ------------------------------------------------------------ the scope

CREATE TYPE core.seal_scope AS (
	state_code int,
	year int,
	fir_id bigint,
	caselaw text,
	at timestamptz,
	allowed boolean,
	names text[],
	laws text[],
	person_id bigint,
	person_law text
);
COMMENT ON TYPE core.seal_scope IS
	'What a read knows for masking (core.seal_person): the case (state, year, fir_id; NULL: none), the law sealing its victims (core.case_seal), when ages are measured, whether the signed-in officer may see its sealed identities, and the persons its FIR seals by upper-cased name with their laws. Made only by core.seal_scope_case / core.seal_scope_at';
COMMENT ON COLUMN core.seal_scope.state_code IS 'State of the record (persons master numbers are per state)';
COMMENT ON COLUMN core.seal_scope.year IS 'Year of the case''s FIR, or NULL';
COMMENT ON COLUMN core.seal_scope.fir_id IS 'The case''s FIR, or NULL for a record without a case';
COMMENT ON COLUMN core.seal_scope.caselaw IS 'The law sealing the case''s (or record''s) victims, complainant and informant, or NULL';
COMMENT ON COLUMN core.seal_scope.at IS 'When a person''s age is measured (FIR registration, the record''s own time)';
COMMENT ON COLUMN core.seal_scope.allowed IS 'May the signed-in officer see the sealed identities of this record';
COMMENT ON COLUMN core.seal_scope.names IS 'Upper-cased names of the persons the case''s FIR seals';
COMMENT ON COLUMN core.seal_scope.laws IS 'Their laws, in the order of names';
COMMENT ON COLUMN core.seal_scope.person_id IS 'A read of one person of the persons master record (core.seal_scope_person), or NULL';
COMMENT ON COLUMN core.seal_scope.person_law IS 'The law sealing that person in any case of the state (core.may_see_person), or NULL';

-- The persons the case's FIR seals, by name (a victim named again without a
-- link, e.g. as a witness, is sealed too).
CREATE FUNCTION core.seal_case_names(st int, yr int, fid bigint, OUT names text[], OUT laws text[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	names := '{}';
	laws := '{}';
	IF fid IS NULL THEN
		RETURN;
	END IF;
	SELECT coalesce(array_agg(x.n), '{}'), coalesce(array_agg(x.l), '{}') INTO names, laws
	FROM (SELECT upper(btrim(fp.name)) AS n, core.role_seal(core.case_seal(f.state_code, f.year, f.fir_id),
			CASE fp.role::text WHEN 'unknown_accused' THEN 'accused' ELSE fp.role::text END,
			fp.date_of_birth, fp.year_of_birth, f.registered_at) AS l
		FROM core.fir f JOIN core.fir_person fp ON fp.state_code = f.state_code AND fp.year = f.year
			AND fp.fir_id = f.fir_id
		WHERE f.state_code = st AND f.year = yr AND f.fir_id = fid AND fp.name IS NOT NULL) x
	WHERE x.l IS NOT NULL;
END
$fn$;
COMMENT ON FUNCTION core.seal_case_names(int, int, bigint) IS
	'The upper-cased names of the persons a case''s FIR seals and their laws (as core.seal_at of 0035 read them)';

-- Every scope starts a read: what the builder notes is forgotten.
CREATE FUNCTION core.seal_scope_new(st int, yr int, fid bigint, caselaw text, at timestamptz, allowed boolean)
RETURNS core.seal_scope
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	sc core.seal_scope;
	cn record;
BEGIN
	PERFORM set_config('cctns.sealed_seen', '[]', true);
	SELECT * INTO cn FROM core.seal_case_names(st, yr, fid);
	sc := ROW(st, yr, fid, caselaw, at, coalesce(allowed, false), cn.names, cn.laws, NULL, NULL)::core.seal_scope;
	RETURN sc;
END
$fn$;
COMMENT ON FUNCTION core.seal_scope_new(int, int, bigint, text, timestamptz, boolean) IS
	'Internal to core.seal_scope_case / core.seal_scope_at: a scope, and an empty list of sealed persons seen (cctns.sealed_seen)';

CREATE FUNCTION core.seal_scope_case(st int, yr int, fid bigint, at timestamptz) RETURNS core.seal_scope
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN core.seal_scope_new(st, yr, fid, core.case_seal(st, yr, fid), at, core.may_see_sealed(st, yr, fid));
END
$fn$;
COMMENT ON FUNCTION core.seal_scope_case(int, int, bigint, timestamptz) IS
	'The scope of a read of a record of a case: the case''s law, ages at at, allowed when the signed-in officer may see the case''s sealed identities (core.may_see_sealed)';

-- A record of a station whose own officer (enquiry officer, recording
-- officer) sees, and its case when it has one (whose officers see too);
-- caselaw: the law sealing the record's victims (the case's, or the
-- record's own sections').
CREATE FUNCTION core.seal_scope_at(st int, di int, sn int, own_officer text, at timestamptz, caselaw text,
	yr int, fid bigint) RETURNS core.seal_scope
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN core.seal_scope_new(st, yr, fid, caselaw, at,
		(fid IS NOT NULL AND core.may_see_sealed(st, yr, fid))
			OR core.may_see_sealed_at(st, di, sn, own_officer));
END
$fn$;
COMMENT ON FUNCTION core.seal_scope_at(int, int, int, text, timestamptz, text, int, bigint) IS
	'The scope of a read of a station''s record with its own officer (core.may_see_sealed_at) and, when fid is set, its case (core.may_see_sealed)';

-- ------------------------------------------------------------ the builder step

CREATE FUNCTION core.seal_person(p jsonb, role text, sc core.seal_scope) RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	l text;
	i int;
	pid bigint;
BEGIN
	IF p IS NULL OR jsonb_typeof(p) <> 'object' THEN
		RETURN p;
	END IF;
	l := core.seal_law_of(p, sc.state_code, role, sc.caselaw, sc.at);
	IF l IS NULL AND sc.fir_id IS NOT NULL THEN
		-- Sealed in this case by another role (the victim as a witness).
		IF p ->> 'person_id' ~ '^[0-9]{1,18}$' THEN
			l := core.case_person_seal(sc.state_code, sc.year, sc.fir_id, (p ->> 'person_id')::bigint);
		END IF;
		i := array_position(sc.names, upper(btrim(p ->> 'name')));
		IF l IS NULL AND i IS NOT NULL THEN
			l := sc.laws[i];
		END IF;
	END IF;
	IF l IS NULL THEN
		RETURN p;
	END IF;
	IF p ->> 'person_id' ~ '^[0-9]{1,18}$' THEN
		pid := (p ->> 'person_id')::bigint;
	END IF;
	PERFORM set_config('cctns.sealed_seen', (coalesce(nullif(current_setting('cctns.sealed_seen', true), ''), '[]')::jsonb
		|| jsonb_build_array(jsonb_build_object('law', l, 'pid', pid, 'name', upper(btrim(p ->> 'name')))))::text, true);
	IF sc.allowed THEN
		RETURN p;
	END IF;
	RETURN core.seal_person_json(p, l);
END
$fn$;
COMMENT ON FUNCTION core.seal_person(jsonb, text, core.seal_scope) IS
	'The step every Person JSON of a read goes through: sealed in role (core.seal_law_of: a child, the case''s victim side) or in the scope''s case by another role or by name, it reads "[sealed: <law>]" (core.seal_person_json) unless the scope allows; each sealed person is noted (cctns.sealed_seen) for core.seal_done';

-- The end of a read: the first law seen (or the case law when it seals the
-- record by itself, case_counts), and the read's row of audit.sealed_read
-- when the scope allowed it to show a sealed identity.
CREATE FUNCTION core.seal_done(sc core.seal_scope, st int, di int, sn int, action text, record text,
	case_counts boolean) RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	seen jsonb := coalesce(nullif(current_setting('cctns.sealed_seen', true), ''), '[]')::jsonb;
	law text;
	pids bigint[];
BEGIN
	PERFORM set_config('cctns.sealed_seen', '[]', true);
	law := seen #>> '{0,law}';
	IF case_counts THEN
		law := coalesce(law, sc.caselaw);
	END IF;
	IF law IS NULL THEN
		RETURN NULL;
	END IF;
	IF sc.allowed THEN
		SELECT coalesce(array_agg((e.v ->> 'pid')::bigint ORDER BY e.n) FILTER (WHERE e.v ->> 'pid' IS NOT NULL), '{}')
			INTO pids FROM jsonb_array_elements(seen) WITH ORDINALITY e (v, n);
		PERFORM core.sealed_read_add(st, di, sn, action, record, pids, law);
	END IF;
	RETURN law;
END
$fn$;
COMMENT ON FUNCTION core.seal_done(core.seal_scope, int, int, int, text, text, boolean) IS
	'The end of a read built with core.seal_person: the first sealing law (the case law too when case_counts), recorded with the sealed persons'' numbers in audit.sealed_read when the scope allowed the read to show them; NULL when nothing was sealed';

-- ------------------------------------------------------------ the register persons

CREATE FUNCTION core.register_person_json(r jsonb, role text, sc core.seal_scope) RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN core.seal_person(core.register_person_json(r), role, sc);
END
$fn$;
COMMENT ON FUNCTION core.register_person_json(jsonb, text, core.seal_scope) IS
	'A register''s Person JSON (core.register_person_json(r)) for a read: through core.seal_person in that role and scope';

-- The persons of a register record (petition_person, ncr_person: seq 1 the
-- petitioner or informant, then the respondents or opposite party), built
-- through core.seal_person in order: the first in role1, the others in
-- role2. OUT first: the Person JSON of seq 1; rest: the array (NULL: none).
CREATE FUNCTION core.register_persons_json(rows jsonb, role1 text, role2 text, sc core.seal_scope,
	OUT first jsonb, OUT rest jsonb)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r jsonb;
BEGIN
	FOR r IN SELECT e FROM jsonb_array_elements(coalesce(rows, '[]')) e ORDER BY (e ->> 'seq')::int LOOP
		IF (r ->> 'seq')::int = 1 THEN
			first := core.register_person_json(r, role1, sc);
		ELSE
			rest := coalesce(rest, '[]') || jsonb_build_array(core.register_person_json(r, role2, sc));
		END IF;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.register_persons_json(jsonb, text, text, core.seal_scope) IS
	'A register record''s persons (rows as to_jsonb with seq) as Person JSON through core.seal_person, in seq order: seq 1 in role1 (first), the others in role2 (rest, NULL when none)';

-- A record JSON with its Person JSONs at path1 (one) and path2 (array)
-- replaced by the given ones (absent when NULL, as jsonb_strip_nulls left
-- them).
CREATE FUNCTION core.json_put_persons(j jsonb, path1 text[], first jsonb, path2 text[], rest jsonb)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	j := j #- path1 #- path2;
	IF first IS NOT NULL THEN
		j := jsonb_set(j, path1, first);
	END IF;
	IF rest IS NOT NULL THEN
		j := jsonb_set(j, path2, rest);
	END IF;
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION core.json_put_persons(jsonb, text[], jsonb, text[], jsonb) IS
	'j with the Person at path1 and the array of Persons at path2 set to first and rest (removed when NULL)';

-- ------------------------------------------------------------ NCRs

-- The Ncr JSON of a read: the record (core.ncr_json) with its persons built
-- through core.seal_person.
CREATE FUNCTION core.ncr_json(n core.ncr, sc core.seal_scope) RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	ps record;
BEGIN
	SELECT * INTO ps FROM core.register_persons_json((SELECT jsonb_agg(to_jsonb(x)) FROM core.ncr_person x
			WHERE x.state_code = n.state_code AND x.year = n.year AND x.ncr_id = n.ncr_id),
		'informant', 'accused', sc);
	RETURN core.json_put_persons(core.ncr_json(n), '{informant}', ps.first, '{opposite_party}', ps.rest);
END
$fn$;
COMMENT ON FUNCTION core.ncr_json(core.ncr, core.seal_scope) IS
	'Ncr message as JSON for a read in scope sc: the informant and the opposite party built through core.seal_person';

CREATE OR REPLACE FUNCTION api.get_ncr(state int, district int, station int, ncr_number text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	n core.ncr;
	sc core.seal_scope;
	j jsonb;
	law text;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.register_number_parse(ncr_number, 'ncr_number', 'an NCR');
	SELECT * INTO n FROM core.ncr x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.ncr_no = num.no;
	IF NOT FOUND THEN
		PERFORM core.register_not_found('ncr_number', 'NCR', num.no, num.year);
	END IF;
	-- The informant of an NCR under a sealing section is sealed by it; the
	-- officer who recorded the NCR sees.
	sc := core.seal_scope_at(state, district, station, n.officer_number, n.reported_at,
		(SELECT sc2.sealed_by FROM core.ncr_charge c
			JOIN ref.sealed_charge sc2 ON sc2.act = c.act AND (sc2.section IS NULL OR sc2.section = c.section_base)
				AND (sc2.law IS NULL OR sc2.law = c.law)
			WHERE c.state_code = n.state_code AND c.year = n.year AND c.ncr_id = n.ncr_id
			ORDER BY sc2.sealed_by LIMIT 1), NULL, NULL);
	j := jsonb_build_object('receipt', core.ncr_receipt_json(n), 'ncr', core.ncr_json(n, sc));
	law := core.seal_done(sc, state, district, station, 'get_ncr', 'NCR ' || core.fir_number_text(n.ncr_no, n.year),
		true);
	IF law IS NOT NULL AND NOT sc.allowed THEN
		j := core.seal_text_at(j, '{ncr,brief_facts}', law);
	END IF;
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.get_ncr(int, int, int, text) IS
	'Read an NCR of the calling station by number: NcrRecord JSON {"receipt", "ncr"}; its persons built through core.seal_person (a child informant or opposite party, the informant under a sealing section masked, and then the brief facts, unless the officer recorded it, is the SHO or a view_sealed holder; an unmasked sealed read is recorded). CT401, CT400 bad number, CT404 none at this station';
DROP FUNCTION core.get_ncr_unsealed(int, int, int, text);

-- ------------------------------------------------------------ petitions

CREATE FUNCTION core.petition_record_json(p core.petition, sc core.seal_scope) RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	ps record;
BEGIN
	SELECT * INTO ps FROM core.register_persons_json((SELECT jsonb_agg(to_jsonb(x)) FROM core.petition_person x
			WHERE x.state_code = p.state_code AND x.year = p.year AND x.petition_id = p.petition_id),
		'complainant', 'respondent', sc);
	RETURN core.json_put_persons(core.petition_record_json(p), '{petition,petitioner}', ps.first,
		'{petition,respondents}', ps.rest);
END
$fn$;
COMMENT ON FUNCTION core.petition_record_json(core.petition, core.seal_scope) IS
	'PetitionRecord message as JSON for a read in scope sc: the petitioner (as complainant) and respondents built through core.seal_person';

CREATE OR REPLACE FUNCTION api.get_petition(state int, district int, station int, petition_number text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	p core.petition;
	sc core.seal_scope;
	j jsonb;
	law text;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.register_number_parse(petition_number, 'petition_number', 'a petition');
	SELECT * INTO p FROM core.petition x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.petition_no = num.no;
	IF NOT FOUND THEN
		PERFORM core.register_not_found('petition_number', 'petition', num.no, num.year);
	END IF;
	-- Converted into an FIR: the petitioner is its complainant, and its
	-- officers see what they see in the FIR; the enquiry officer sees.
	sc := core.seal_scope_at(state, district, station, p.enquiry_number, p.received_at,
		CASE WHEN p.fir_id IS NOT NULL THEN core.case_seal(state, p.fir_year, p.fir_id) END, p.fir_year, p.fir_id);
	j := core.petition_record_json(p, sc);
	law := core.seal_done(sc, state, district, station, 'get_petition',
		'petition ' || core.fir_number_text(p.petition_no, p.year), true);
	IF law IS NOT NULL AND NOT sc.allowed THEN
		j := core.seal_text_at(j, '{petition,subject}', law);
		j := core.seal_text_at(j, '{petition,text}', law);
		j := core.seal_text_at(j, '{report,findings}', law);
		j := core.seal_text_at(j, '{disposal,reason}', law);
	END IF;
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.get_petition(int, int, int, text) IS
	'Read a petition of the calling station by its acknowledgement number: PetitionRecord JSON; its persons built through core.seal_person (the petitioner of a petition converted into a sealed FIR, a child petitioner or respondent masked, and then the subject, text, findings and reason, unless the officer is the case''s or the enquiry''s, the SHO or a view_sealed holder; an unmasked sealed read is recorded). CT401, CT400 bad number, CT404 none at this station';
DROP FUNCTION core.get_petition_unsealed(int, int, int, text);

-- ------------------------------------------------------------ final reports

-- The FinalReport JSON of a read (replaces core.final_report_json(r), which
-- only api.get_final_report used): the persons charged, not charged (as
-- accused) and the witnesses built through core.seal_person, in that order
-- and by seq.
CREATE FUNCTION core.final_report_json(r core.final_report, sc core.seal_scope) RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	charged jsonb;
	not_charged jsonb;
	witnesses jsonb;
BEGIN
	SELECT jsonb_agg(x.e) INTO charged FROM (SELECT jsonb_strip_nulls(jsonb_build_object(
			'accused_code', a.accused_code,
			'person', core.seal_person(a.person, 'accused', sc),
			'sections', (SELECT jsonb_agg(core.court_charge_json(c.act, c.section, c.law) ORDER BY c.seq)
				FROM core.final_report_charge c
				WHERE c.state_code = a.state_code AND c.year = a.year AND c.fir_id = a.fir_id
					AND c.report_no = a.report_no AND c.accused_seq = a.seq),
			'arrested_on', to_char(a.arrested_on, 'YYYY-MM-DD'),
			'bailed_on', to_char(a.bailed_on, 'YYYY-MM-DD'),
			'forwarded_on', to_char(a.forwarded_on, 'YYYY-MM-DD'),
			'previous_convictions', a.previous_convictions,
			'status', a.status)) AS e
		FROM core.final_report_accused a
		WHERE a.state_code = r.state_code AND a.year = r.year AND a.fir_id = r.fir_id
			AND a.report_no = r.report_no AND a.charged
		ORDER BY a.seq) x;
	SELECT jsonb_agg(x.e) INTO not_charged FROM (SELECT jsonb_strip_nulls(jsonb_build_object(
			'accused_code', a.accused_code, 'person', core.seal_person(a.person, 'accused', sc),
			'reason', a.reason)) AS e
		FROM core.final_report_accused a
		WHERE a.state_code = r.state_code AND a.year = r.year AND a.fir_id = r.fir_id
			AND a.report_no = r.report_no AND NOT a.charged
		ORDER BY a.seq) x;
	SELECT jsonb_agg(x.e) INTO witnesses FROM (SELECT jsonb_build_object(
			'person', core.seal_person(w.person, 'witness', sc), 'kind', w.kind) AS e
		FROM core.final_report_witness w
		WHERE w.state_code = r.state_code AND w.year = r.year AND w.fir_id = r.fir_id
			AND w.report_no = r.report_no
		ORDER BY w.seq) x;
	RETURN jsonb_strip_nulls(jsonb_build_object(
		'kind', r.kind,
		'supplementary', CASE WHEN r.supplementary THEN true END,
		'filed_at', core.ist_text(r.filed_at),
		'court', r.court,
		'charged', charged,
		'not_charged', not_charged,
		'witnesses', witnesses,
		'properties', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('description', p.description,
				'malkhana_number', p.malkhana_number, 'disposal', p.disposal)) ORDER BY p.seq)
			FROM core.final_report_property p
			WHERE p.state_code = r.state_code AND p.year = r.year AND p.fir_id = r.fir_id
				AND p.report_no = r.report_no),
		'brief_facts', r.brief_facts,
		'officer', core.officer_json(r.officer_number, r.officer_name, r.officer_rank)));
END
$fn$;
COMMENT ON FUNCTION core.final_report_json(core.final_report, core.seal_scope) IS
	'FinalReport message as JSON (pbjson mapping) from a core.final_report row and its accused, charges, witnesses and properties, for a read in scope sc: every person built through core.seal_person (charged and not charged as accused, witnesses as witness)';

CREATE OR REPLACE FUNCTION api.get_final_report(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f core.fir;
	n bigint;
	want bigint;
	r core.final_report;
	sc core.seal_scope;
	j jsonb;
	law text;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	IF req IS NOT NULL AND jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (GetFinalReport without fir_number)');
	END IF;
	IF req IS NOT NULL THEN
		PERFORM core.j_keys(req, '', ARRAY['report_no']);
		want := core.j_uint(req -> 'report_no', 'report_no', 4294967295);
	END IF;
	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT count(*) INTO n FROM core.final_report x
	WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;
	SELECT * INTO r FROM core.final_report x
	WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id
		AND x.report_no = coalesce(want, n);
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = CASE WHEN want IS NULL THEN 'fir_number' ELSE 'report_no' END,
			MESSAGE = CASE WHEN n = 0 THEN format('FIR %s has no final report', core.fir_number_text(f.fir_no, f.year))
				ELSE format('FIR %s has no final report %s (it has %s)', core.fir_number_text(f.fir_no, f.year), want, n) END;
	END IF;
	sc := core.seal_scope_case(state, f.year, f.fir_id, f.registered_at);
	j := jsonb_build_object('receipt', core.final_report_receipt_json(r, f.fir_no), 'report', core.final_report_json(r, sc),
		'reports', n);
	law := core.seal_done(sc, state, district, station, 'get_final_report',
		'FIR ' || core.fir_number_text(f.fir_no, f.year), true);
	IF law IS NOT NULL AND NOT sc.allowed THEN
		j := core.seal_text_at(j, '{report,brief_facts}', law);
	END IF;
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.get_final_report(int, int, int, text, jsonb) IS
	'Read a final report of an FIR of the calling station (req: {"report_no"}, absent or 0 = the latest): FinalReportRecord JSON {"receipt", "report", "reports"}; its persons built through core.seal_person (a child accused, charged or not, or witness, the case''s victim named again masked, and then the brief facts of a sealed case, for officers who may not see the case''s sealed identities; an unmasked sealed read is recorded). CT401, CT400, CT404 no such FIR or report';
DROP FUNCTION core.get_final_report_unsealed(int, int, int, text, jsonb);
DROP FUNCTION core.final_report_json(core.final_report);

-- ------------------------------------------------------------ court records

-- The upper-cased names of the sealed persons the current read's builder
-- met (to mask where a record repeats a name without its Person).
CREATE FUNCTION core.seal_seen_names() RETURNS text[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (SELECT coalesce(array_agg(e.v ->> 'name' ORDER BY e.n) FILTER (WHERE e.v ->> 'name' IS NOT NULL), '{}')
		FROM jsonb_array_elements(coalesce(nullif(current_setting('cctns.sealed_seen', true), ''), '[]')::jsonb)
			WITH ORDINALITY e (v, n));
END
$fn$;
COMMENT ON FUNCTION core.seal_seen_names() IS
	'The upper-cased names of the sealed persons core.seal_person met in the current read (before core.seal_done)';

CREATE FUNCTION core.court_disposal_json(d core.court_disposal, sc core.seal_scope) RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	acc jsonb;
BEGIN
	SELECT jsonb_agg(x.e) INTO acc FROM (SELECT jsonb_strip_nulls(jsonb_build_object(
			'accused_code', a.accused_code,
			'person', core.seal_person(a.person, 'accused', sc),
			'result', a.result,
			'sections_convicted', (SELECT jsonb_agg(core.court_charge_json(c.act, c.section, c.law) ORDER BY c.seq)
				FROM core.court_disposal_charge c
				WHERE c.state_code = a.state_code AND c.year = a.year AND c.fir_id = a.fir_id
					AND c.accused_seq = a.seq),
			'punishment', a.punishment,
			'period_months', nullif(a.period_months, 0),
			'fine_rupees', nullif(a.fine_rupees, 0))) AS e
		FROM core.court_disposal_accused a
		WHERE a.state_code = d.state_code AND a.year = d.year AND a.fir_id = d.fir_id
		ORDER BY a.seq) x;
	RETURN jsonb_strip_nulls(jsonb_build_object(
		'kind', d.kind,
		'judgement_date', to_char(d.judgement_date, 'YYYY-MM-DD'),
		'court', d.court,
		'case_number_in_court', d.case_number_in_court,
		'prosecutor', d.prosecutor,
		'accused', acc,
		'officer', core.officer_json(d.officer_number, d.officer_name, d.officer_rank)));
END
$fn$;
COMMENT ON FUNCTION core.court_disposal_json(core.court_disposal, core.seal_scope) IS
	'CourtDisposal message as JSON from a core.court_disposal row and its accused, for a read in scope sc: each accused''s person built through core.seal_person';

CREATE OR REPLACE FUNCTION api.get_court_record(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f core.fir;
	d core.court_disposal;
	ap core.appeal;
	sc core.seal_scope;
	j jsonb;
	names text[];
	law text;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT * INTO d FROM core.court_disposal x WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s (%s) has no court disposal recorded', core.fir_number_text(f.fir_no, f.year),
				replace(f.status, '_', ' '));
	END IF;
	SELECT * INTO ap FROM core.appeal x WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;
	sc := core.seal_scope_case(state, f.year, f.fir_id, f.registered_at);
	j := jsonb_strip_nulls(jsonb_build_object(
		'fir_number', core.fir_number_text(f.fir_no, f.year),
		'status', f.status,
		'disposal', core.court_disposal_json(d, sc),
		'disposal_receipt', core.court_receipt_json(f.fir_no, f.year, 'court_disposal', 'court_disposed',
			d.recorded_at, d.gd_date, d.gd_no),
		'appeal', CASE WHEN ap.fir_id IS NOT NULL THEN core.appeal_json(ap) END,
		'appeal_receipt', CASE WHEN ap.fir_id IS NOT NULL THEN core.court_receipt_json(f.fir_no, f.year, 'appeal_filed',
			'in_appeal', ap.recorded_at, ap.gd_date, ap.gd_no) END,
		'appeal_result', core.appeal_result_json(ap),
		'appeal_result_receipt', CASE WHEN ap.decided_on IS NOT NULL THEN core.court_receipt_json(f.fir_no, f.year,
			'appeal_decided', 'appeal_decided', ap.result_recorded_at, ap.result_gd_date, ap.result_gd_no) END));
	names := core.seal_seen_names();
	law := core.seal_done(sc, state, district, station, 'get_court_record',
		'FIR ' || core.fir_number_text(f.fir_no, f.year), false);
	IF law IS NOT NULL AND NOT sc.allowed THEN
		-- The appeal and its result repeat an accused's name without a Person.
		j := core.seal_names_at(j, '{appeal,accused_names}', NULL, names, law);
		j := core.seal_names_at(j, '{appeal_result,results}', 'accused_name', names, law);
	END IF;
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.get_court_record(int, int, int, text) IS
	'What the courts decided in an FIR of the calling station: CourtRecord JSON (status, disposal with its receipt, appeal and its result when recorded); the accused built through core.seal_person (a child accused masked, and where the appeal and its result repeat the name, for officers who may not see the case''s sealed identities; an unmasked sealed read is recorded). CT401, CT400, CT404 no such FIR or no disposal yet';
DROP FUNCTION core.get_court_record_unsealed(int, int, int, text);
DROP FUNCTION core.court_disposal_json(core.court_disposal);

-- ------------------------------------------------------------ crime details

-- The CrimeDetails JSON of a read (replaces core.crime_details_json(c),
-- which only api.get_crime_details used): the victims (as victim), who
-- showed the place (as the victim's side in a sexual offence, else as
-- place_shown_by) and the panch witnesses built through core.seal_person,
-- in that order.
CREATE FUNCTION core.crime_details_json(c core.crime_details, sc core.seal_scope) RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	victims jsonb;
	shown_by jsonb;
	panch jsonb;
BEGIN
	SELECT jsonb_agg(x.e) INTO victims FROM (SELECT jsonb_strip_nulls(jsonb_build_object(
			'person', core.seal_person(core.cd_person_json(p), 'victim', sc),
			'religion', p.religion, 'sc_st', p.sc_st, 'injury', p.injury,
			'injury_details', p.injury_details)) AS e
		FROM core.crime_details_person p
		WHERE p.state_code = c.state_code AND p.year = c.year AND p.fir_id = c.fir_id
			AND p.version = c.version AND p.role = 'victim'
		ORDER BY p.seq) x;
	SELECT jsonb_strip_nulls(jsonb_build_object('person', core.seal_person(core.cd_person_json(p),
			CASE WHEN sc.caselaw IS NOT NULL THEN 'victim' ELSE 'place_shown_by' END, sc),
			'relation', p.relation)) INTO shown_by
	FROM core.crime_details_person p
	WHERE p.state_code = c.state_code AND p.year = c.year AND p.fir_id = c.fir_id
		AND p.version = c.version AND p.role = 'place_shown_by';
	SELECT jsonb_agg(x.e) INTO panch FROM (SELECT core.seal_person(core.cd_person_json(p), 'panch_witness', sc) AS e
		FROM core.crime_details_person p
		WHERE p.state_code = c.state_code AND p.year = c.year AND p.fir_id = c.fir_id
			AND p.version = c.version AND p.role = 'panch_witness'
		ORDER BY p.seq) x;
	RETURN jsonb_strip_nulls(jsonb_build_object(
		'place_shown_by', shown_by,
		'mo', jsonb_strip_nulls(jsonb_build_object('major', c.mo_major, 'minor', c.mo_minor,
			'methods', nullif(to_jsonb(c.mo_methods), '[]'), 'conveyance_used', c.mo_conveyance_used,
			'character_assumed', c.mo_character_assumed, 'language_or_slang', c.mo_language_or_slang,
			'special_features', nullif(to_jsonb(c.mo_special_features), '[]'))),
		'place_type', c.place_type,
		'place_description', c.place_description,
		'motive', c.motive,
		'properties', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', x.kind,
				'description', x.description, 'value_rupees', nullif(x.value_rupees, 0))) ORDER BY x.seq)
			FROM core.crime_details_property x
			WHERE x.state_code = c.state_code AND x.year = c.year AND x.fir_id = c.fir_id
				AND x.version = c.version),
		'scene_description', c.scene_description,
		'physical_evidence', c.physical_evidence,
		'victims', victims,
		'panchnama_at', core.ist_text(c.panchnama_at),
		'panch_witnesses', panch,
		'weapon_used', c.weapon_used,
		'vehicle_used', c.vehicle_used,
		'officer', core.officer_json(c.officer_number, c.officer_name, c.officer_rank)));
END
$fn$;
COMMENT ON FUNCTION core.crime_details_json(core.crime_details, core.seal_scope) IS
	'CrimeDetails message as JSON from a version of core.crime_details with its persons (carrying their person_id) and properties, for a read in scope sc: victims, who showed the place and panch witnesses built through core.seal_person';

CREATE OR REPLACE FUNCTION api.get_crime_details(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f record;
	want bigint;
	v_last int;
	c core.crime_details;
	sc core.seal_scope;
	j jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	IF req IS NOT NULL AND jsonb_typeof(req) <> 'null' THEN
		PERFORM core.j_obj(req, '', ARRAY['version'], false);
		want := core.j_uint(req -> 'version', 'version', 32767);
	END IF;
	SELECT x.fir_id, x.year, x.fir_no, x.registered_at INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT max(x.version) INTO v_last FROM core.crime_details x
	WHERE x.state_code = state AND x.year = f.year AND x.fir_id = f.fir_id;
	IF v_last IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'fir_number',
			MESSAGE = format('no crime details are recorded for FIR %s', core.fir_number_text(f.fir_no, f.year));
	END IF;
	IF want > v_last THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'version',
			MESSAGE = format('FIR %s has crime details versions 1 to %s, not %s',
				core.fir_number_text(f.fir_no, f.year), v_last, want);
	END IF;
	SELECT * INTO c FROM core.crime_details x
	WHERE x.state_code = state AND x.year = f.year AND x.fir_id = f.fir_id AND x.version = coalesce(want, v_last);
	sc := core.seal_scope_case(state, f.year, f.fir_id, f.registered_at);
	j := jsonb_build_object('receipt', core.crime_details_receipt_json(c, f.fir_no),
		'details', core.crime_details_json(c, sc), 'versions', v_last);
	PERFORM core.seal_done(sc, state, district, station, 'get_crime_details',
		'FIR ' || core.fir_number_text(f.fir_no, f.year), false);
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.get_crime_details(int, int, int, text, jsonb) IS
	'Read the crime details of an FIR of the calling station: the latest version, or req {"version": N}. CrimeDetailsRecord JSON {"receipt", "details", "versions"}; its persons built through core.seal_person (sealed victims, who showed the place of a sexual offence, a child who showed it, child panch witnesses masked for officers who may not see the case''s sealed identities; an unmasked sealed read is recorded). CT401, CT400, CT404 no such FIR, no crime details or no such version';
DROP FUNCTION core.get_crime_details_unsealed(int, int, int, text, jsonb);
DROP FUNCTION core.crime_details_json(core.crime_details);

-- ------------------------------------------------------------ seizure memos

-- The SeizureMemo JSON of a read (replaces core.seizure_memo_json(s), which
-- only the seizure read used): the witnesses (as panch witnesses) and then
-- the person seized from built through core.seal_person.
CREATE FUNCTION core.seizure_memo_json(s core.seizure, sc core.seal_scope) RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	witnesses jsonb;
	seized_from jsonb;
BEGIN
	SELECT jsonb_agg(x.e) INTO witnesses FROM (SELECT core.seal_person(core.seizure_person_json(w.person_id, w.name,
			w.relative_kind, w.relative_name, w.gender, w.date_of_birth, w.year_of_birth, w.nationality, w.occupation,
			w.addr_line1, w.addr_line2, w.addr_city, w.addr_district_code, w.addr_state_code,
			w.addr_pincode, w.phone), 'panch_witness', sc) AS e
		FROM core.seizure_witness w
		WHERE w.state_code = s.state_code AND w.year = s.year AND w.fir_id = s.fir_id
			AND w.seizure_no = s.seizure_no
		ORDER BY w.witness_no) x;
	-- Seized from: sealed only as a person the case seals (a child accused).
	seized_from := core.seal_person(core.seizure_person_json(s.from_person_id, s.from_name, s.from_relative_kind,
		s.from_relative_name, s.from_gender, s.from_date_of_birth, s.from_year_of_birth, s.from_nationality,
		s.from_occupation, s.from_line1, s.from_line2, s.from_city, s.from_district_code, s.from_state_code,
		s.from_pincode, s.from_phone), 'seized_from', sc);
	RETURN jsonb_strip_nulls(jsonb_build_object(
		'nature', s.nature,
		'seized_at', core.ist_text(s.seized_at),
		'place', s.place,
		'place_address', core.address_json(s.place_line1, s.place_line2, s.place_city, s.place_district_code,
			s.place_state_code, s.place_pincode),
		'seized_from', seized_from,
		'professional_receiver', CASE WHEN s.professional_receiver THEN true END,
		'accused_code', s.accused_code,
		'witnesses', witnesses,
		'items', (SELECT jsonb_agg(core.seized_item_json(i) ORDER BY i.item_no)
			FROM core.seizure_item i
			WHERE i.state_code = s.state_code AND i.year = s.year AND i.fir_id = s.fir_id
				AND i.seizure_no = s.seizure_no),
		'seal', s.seal,
		'officer', core.officer_json(s.officer_number, s.officer_name, s.officer_rank)));
END
$fn$;
COMMENT ON FUNCTION core.seizure_memo_json(core.seizure, core.seal_scope) IS
	'SeizureMemo message as JSON (pbjson mapping: unset, empty and false fields left out, times in IST, persons with their person_id) from a core.seizure row and its witnesses and items, for a read in scope sc: witnesses and the person seized from built through core.seal_person';

-- The seizure read under api.get_seizure (0042 puts the items' identifiers
-- back on top of it under this name): 0013's read, its persons built
-- through core.seal_person. Replaces 0035's wrapper of the same name.
CREATE OR REPLACE FUNCTION core.get_seizure_0041(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f record;
	s core.seizure;
	n bigint;
	sc core.seal_scope;
	j jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		req := '{}';
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['seizure_no']);
	n := core.j_uint(req -> 'seizure_no', 'seizure_no', 9999);
	IF n IS NULL THEN
		PERFORM core.fir_bad('seizure_no', 'seizure_no is required: the number the receipt gave (1, 2, ...)');
	END IF;
	SELECT x.fir_id, x.year, x.fir_no, x.registered_at INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT * INTO s FROM core.seizure x
	WHERE x.state_code = state AND x.year = f.year AND x.fir_id = f.fir_id AND x.seizure_no = n;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'seizure_no',
			MESSAGE = format('no seizure memo %s in FIR %s', n, core.fir_number_text(f.fir_no, f.year));
	END IF;
	sc := core.seal_scope_case(state, f.year, f.fir_id, f.registered_at);
	j := jsonb_build_object('receipt', core.seizure_receipt_json(s, f.fir_no), 'memo', core.seizure_memo_json(s, sc));
	PERFORM core.seal_done(sc, state, district, station, 'get_seizure',
		'FIR ' || core.fir_number_text(f.fir_no, f.year), false);
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION core.get_seizure_0041(int, int, int, text, jsonb) IS
	'Read a seizure memo of an FIR of the calling station by its number (req {"seizure_no": N}): Seizure JSON {"receipt", "memo"}; its persons built through core.seal_person (a child witness, a person seized from whom the case seals masked for officers who may not see the case''s sealed identities; an unmasked sealed read is recorded). CT401, CT400 bad fir_number or seizure_no, CT404 no such FIR or memo. Called by api.get_seizure (0042)';
DROP FUNCTION core.get_seizure_unsealed(int, int, int, text, jsonb);
DROP FUNCTION core.seizure_memo_json(core.seizure);

-- ------------------------------------------------------------ arrest memos

-- The ArrestMemo JSON of a read: the arrested person built through
-- core.seal_person (as arrested: a child, JJ Act 74; or a person the case
-- seals in another role, as on every other record of the case); a masked
-- memo also loses what identifies beside the Person: aliases, identity
-- document, permanent address, the relative informed, descriptive roll,
-- caste and religion.
CREATE FUNCTION core.arrest_memo_json(a core.arrest, sc core.seal_scope) RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	m jsonb := core.arrest_memo_json(a);
	p jsonb;
BEGIN
	IF jsonb_typeof(m -> 'person') IS DISTINCT FROM 'object' THEN
		RETURN m;
	END IF;
	p := core.seal_person(m -> 'person', 'arrested', sc);
	IF p = m -> 'person' THEN
		RETURN m;
	END IF;
	RETURN m - ARRAY['aliases', 'identity_document', 'permanent_address', 'relative_informed', 'descriptive_roll',
			'caste_tribe', 'religion']
		|| jsonb_build_object('person', p);
END
$fn$;
COMMENT ON FUNCTION core.arrest_memo_json(core.arrest, core.seal_scope) IS
	'ArrestMemo message as JSON for a read in scope sc: the person through core.seal_person (as arrested); when masked, also without aliases, identity document, permanent address, relative informed, descriptive roll, caste and religion';

CREATE OR REPLACE FUNCTION api.get_arrest(state int, district int, station int, fir_number text, accused_code text)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f record;
	a core.arrest;
	n int;
	sc core.seal_scope;
	j jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	IF accused_code IS NULL OR accused_code !~ '^[A-Z][1-9]$' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'accused_code',
			MESSAGE = format('"%s" is not an accused code such as A1 or B3', coalesce(accused_code, ''));
	END IF;
	n := (ascii(accused_code) - 65) * 9 + substr(accused_code, 2, 1)::int;

	SELECT x.fir_id, x.year, x.fir_no, x.registered_at INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT * INTO a FROM core.arrest x
	WHERE x.state_code = state AND x.year = f.year AND x.fir_id = f.fir_id AND x.arrest_no = n;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'accused_code',
			MESSAGE = format('no arrest memo of accused %s in FIR %s', accused_code,
				core.fir_number_text(f.fir_no, f.year));
	END IF;
	sc := core.seal_scope_case(state, f.year, f.fir_id, f.registered_at);
	j := jsonb_build_object('receipt', core.arrest_receipt_json(a, f.fir_no), 'memo', core.arrest_memo_json(a, sc));
	PERFORM core.seal_done(sc, state, district, station, 'get_arrest',
		'FIR ' || core.fir_number_text(f.fir_no, f.year) || ' ' || accused_code, false);
	RETURN j;
END
$fn$;
COMMENT ON FUNCTION api.get_arrest(int, int, int, text, text) IS
	'Read an arrest memo of an FIR of the calling station by accused code: Arrest JSON {"receipt": ArrestReceipt, "memo": ArrestMemo}; a child''s memo (JJ Act 74) masked through core.arrest_memo_json / core.seal_person for officers who may not see the case''s sealed identities (an unmasked sealed read is recorded). CT401, CT400 bad fir_number or accused_code, CT404 no such FIR or memo';
DROP FUNCTION core.get_arrest_unsealed(int, int, int, text, text);

-- ------------------------------------------------------------ one person of the persons master record

-- A read of one person: sealed when any case of the state seals them, shown
-- only to an officer who may see every such case (core.may_see_person).
CREATE FUNCTION core.seal_scope_person(st int, pid bigint) RETURNS core.seal_scope
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	sc core.seal_scope := core.seal_scope_new(st, NULL, NULL, NULL, NULL, false);
	v record;
BEGIN
	SELECT * INTO v FROM core.may_see_person(st, pid);
	sc.person_id := pid;
	sc.person_law := v.sealed_by;
	sc.allowed := v.sealed_by IS NULL OR v.allowed;
	RETURN sc;
END
$fn$;
COMMENT ON FUNCTION core.seal_scope_person(int, bigint) IS
	'The scope of a read of one person of the persons master record: the law sealing them in any case of the state, allowed when the signed-in officer may see every case that seals them (core.may_see_person)';

-- The PersonRecord JSON of a read (core.person_record_json(state, pid) stays
-- for the answers of writes): masked when the person is sealed and the
-- scope does not allow (the number stays; no aliases, documents, phones,
-- addresses, descriptive roll, photos; no links to the cases that seal
-- them), noted for core.seal_done. A scope made for another person is not
-- trusted: the person's own is looked up.
CREATE FUNCTION core.person_record_json(state int, pid bigint, sc core.seal_scope) RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	rec jsonb := core.person_record_json(state, pid);
	law text := sc.person_law;
	allowed boolean := sc.allowed;
	v record;
BEGIN
	IF rec IS NULL THEN
		RETURN NULL;
	END IF;
	IF sc.person_id IS DISTINCT FROM pid OR sc.state_code IS DISTINCT FROM state THEN
		SELECT * INTO v FROM core.may_see_person(state, pid);
		law := v.sealed_by;
		allowed := v.allowed;
	END IF;
	IF law IS NULL THEN
		RETURN rec;
	END IF;
	PERFORM set_config('cctns.sealed_seen', (coalesce(nullif(current_setting('cctns.sealed_seen', true), ''), '[]')::jsonb
		|| jsonb_build_array(jsonb_build_object('law', law, 'pid', pid)))::text, true);
	IF allowed THEN
		RETURN rec;
	END IF;
	rec := core.seal_person_record(rec, law);
	IF rec ? 'links' THEN
		rec := jsonb_set(rec, '{links}', core.drop_sealed_cases(rec -> 'links', core.sealed_case_keys(state, pid)));
	END IF;
	RETURN rec;
END
$fn$;
COMMENT ON FUNCTION core.person_record_json(int, bigint, core.seal_scope) IS
	'PersonRecord JSON for a read in scope sc: a sealed person (in any case of the state) masked (core.seal_person_record, without the links to the cases that seal them) unless the officer may see every case that seals them; noted for core.seal_done';

CREATE OR REPLACE FUNCTION api.get_person(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	sc core.seal_scope;
	rec jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (GetPerson)');
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['person_id']);
	pid := core.read_person_id(req -> 'person_id', 'person_id', true);
	sc := core.seal_scope_person(state, pid);
	rec := core.person_record_json(state, pid, sc);
	IF rec IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'person_id',
			MESSAGE = format('no person %s in this state''s records', pid);
	END IF;
	PERFORM core.seal_done(sc, state, district, station, 'get_person', 'person ' || pid, false);
	RETURN rec;
END
$fn$;
COMMENT ON FUNCTION api.get_person(int, int, int, jsonb) IS
	'Read a person of the state (any station of the state may): PersonRecord JSON, masked when sealed (and without the links to the cases that seal them) unless the officer may see every case that seals them (core.person_record_json with the person''s scope; an unmasked sealed read is recorded). CT401, CT400 bad person_id, CT404 no such person';
DROP FUNCTION core.get_person_unsealed(int, int, int, jsonb);

CREATE OR REPLACE FUNCTION api.get_person_photo(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	v_no bigint;
	ph core.person_photo;
	sc core.seal_scope;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (GetPersonPhoto)');
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['person_id', 'photo_no']);
	pid := core.read_person_id(req -> 'person_id', 'person_id', true);
	sc := core.seal_scope_person(state, pid);
	IF sc.person_law IS NOT NULL AND NOT sc.allowed THEN
		RAISE EXCEPTION USING ERRCODE = 'CT403', COLUMN = 'person_id',
			MESSAGE = format('person %s is a sealed identity (%s): the photograph is shown only to the case''s officers', pid, sc.person_law);
	END IF;
	v_no := core.j_uint(req -> 'photo_no', 'photo_no', 32767);
	IF v_no IS NULL THEN
		PERFORM core.fir_bad('photo_no', 'photo_no is required: the photo''s number, as cctns person show lists them');
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.person p WHERE p.person_id = pid AND p.state_code = state) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'person_id',
			MESSAGE = format('no person %s in this state''s records', pid);
	END IF;
	SELECT * INTO ph FROM core.person_photo x WHERE x.person_id = pid AND x.state_code = state AND x.photo_no = v_no;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'photo_no',
			MESSAGE = format('person %s has no photo %s', pid, v_no);
	END IF;
	IF sc.person_law IS NOT NULL THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_person_photo', 'person ' || pid,
			ARRAY[pid], sc.person_law);
	END IF;
	RETURN jsonb_build_object('person_id', pid, 'info', core.photo_info_json(ph),
		'data', translate(encode(ph.data, 'base64'), E'\n', ''));
END
$fn$;
COMMENT ON FUNCTION api.get_person_photo(int, int, int, jsonb) IS
	'Read a photograph of a person of the state: PersonPhoto JSON {"person_id", "info", "data" (base64)}; CT403 for a sealed person unless the officer may see every case that seals them (core.seal_scope_person; the read is recorded in audit.sealed_read). CT401, CT400, CT404 no such person or photo';
DROP FUNCTION core.get_person_photo_unsealed(int, int, int, jsonb);

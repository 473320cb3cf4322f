-- 0055_registration_statements.sql (sql, issue 7): a registration's statements, measured one
-- by one, and the rendered-copy triggers of its own new FIR skipped from the start.
--
-- Measured (schema/README.md "A registration statement by statement (sql, 0055)"):
-- pg_stat_statements with track = all and track_functions = all over pgbench calling
-- api.register_fir with the bench sample FIR. The statement that inserts the FIR with its
-- diary entry, case event, charges, properties and persons (core.fir_store) fires, at its
-- end, one statement trigger core.fir_rendered_forget per child table (fir_charge,
-- fir_person, fir_property): 3 calls a registration, about 75 us each. The FIR is new
-- (its id was just drawn from core.fir_id_seq), so nothing can be rendered of it and
-- nobody else can hold its row; core.fir_rendered_note_new notes it as new (cctns.fir_new)
-- so that the triggers of its rows skip the lock and the deletes, but that note is made by
-- the statement trigger of core.fir, which fires together with the child tables' triggers
-- at the end of the same statement: too late for them, and each ran the lock of the FIR
-- row (none taken: the row is this transaction's) and two deletes (nothing deleted).
--
-- Here core.fir_store notes the FIR it is about to insert in cctns.fir_new itself, in the
-- same form, just before that statement (transaction-local: a failing statement's
-- subtransaction or transaction takes the note back with it). The child tables' triggers
-- then see it noted and return at once. Same rows, same locks taken (none), same deletes
-- (none): only the useless work goes. Everything else in core.fir_store is as in 0010.
-- Below, two more statements that found nothing are left out: api.register_fir's rebuild of
-- a document without property identifiers when it has none, and core.property_ids_keep's
-- insert of no identifiers (with the statement trigger it fired).

CREATE OR REPLACE FUNCTION core.fir_store(state int, district int, station int, yr int, id bigint, idem bytea,
	sha bytea, fir jsonb, reg_at timestamptz, officer jsonb,
	OUT o_fir_no int, OUT o_gd_date date, OUT o_gd_no int)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	v_no int;
	v_gd_date date := (reg_at AT TIME ZONE 'Asia/Kolkata')::date;
	v_label text;
	-- Person ids by core.fir_person.seq: [1] complainant (seq 0), [2]
	-- informant (seq -1), [n + 2] accused seq n.
	pids bigint[] := '{}';
	el jsonb;
	i int;
	pl jsonb := CASE WHEN jsonb_typeof(fir -> 'place') = 'object' THEN fir -> 'place' ELSE '{}' END;
	ad jsonb := CASE WHEN jsonb_typeof(pl -> 'address') = 'object' THEN pl -> 'address' ELSE '{}' END;
	v_pass jsonb := CASE WHEN jsonb_typeof(fir -> 'complainant_passport') = 'object'
		THEN fir -> 'complainant_passport' ELSE '{}' END;
	os jsonb := CASE WHEN jsonb_typeof(fir -> 'outside_station') = 'object'
		THEN fir -> 'outside_station' ELSE '{}' END;
	ac jsonb := CASE WHEN jsonb_typeof(fir -> 'action_taken') = 'object' THEN fir -> 'action_taken' ELSE '{}' END;
	ts jsonb;
	v_efir boolean := coalesce((fir ->> 'e_fir')::boolean, false);
BEGIN
	-- fir passed core.fir_check (and core.fir_check_iif1), officer
	-- core.officer_check: every value has its type; a message or array
	-- given as JSON null is stored as absent.
	ts := CASE WHEN jsonb_typeof(ac -> 'to_station') = 'object' THEN ac -> 'to_station' ELSE '{}' END;
	INSERT INTO core.fir_counter AS c (state_code, district_code, station_code, year, last_no)
	VALUES (state, district, station, yr, 1)
	ON CONFLICT (state_code, district_code, station_code, year)
		DO UPDATE SET last_no = c.last_no + 1
	RETURNING c.last_no INTO v_no;

	-- The persons master record: complainant, informant, known and
	-- suspected accused (an unknown accused names no one).
	v_label := 'FIR ' || lpad(v_no::text, greatest(4, length(v_no::text)), '0') || '/' || yr;
	pids[1] := core.link_person(state, district, station, fir -> 'complainant', 'complainant',
		'complainant', 'fir', yr, id, id, v_label);
	IF jsonb_typeof(fir -> 'informant') = 'object' THEN
		pids[2] := core.link_person(state, district, station, fir -> 'informant', 'informant',
			'informant', 'fir', yr, id, id, v_label);
	END IF;
	IF jsonb_typeof(fir -> 'accused') = 'array' THEN
		FOR i IN 0 .. jsonb_array_length(fir -> 'accused') - 1 LOOP
			el := fir -> 'accused' -> i;
			IF el ->> 'kind' IN ('known', 'suspected') THEN
				pids[i + 3] := core.link_person(state, district, station, el -> 'person',
					'accused[' || i || '].person', CASE el ->> 'kind' WHEN 'known' THEN 'accused' ELSE 'suspect' END,
					'fir', yr, id, id, v_label);
			END IF;
		END LOOP;
	END IF;

	-- The FIR about to be inserted is new in this transaction: noted as
	-- core.fir_rendered_note_new notes it (' state:year:id '), before the
	-- statement, so that the rendered-copy triggers of its child rows
	-- (core.fir_rendered_forget, fired at the end of that statement) skip the
	-- lock and the deletes that find nothing (0055).
	PERFORM set_config('cctns.fir_new', coalesce(current_setting('cctns.fir_new', true), '') || ' '
		|| format('%s:%s:%s ', state, yr, id), true);

	-- Everything else in one statement, as in 0005 (foreign keys are checked
	-- at its end).
	WITH t (text) AS (
		SELECT 'FIR ' || lpad(v_no::text, greatest(4, length(v_no::text)), '0') || '/' || yr
			|| ' registered under ' || string_agg(CASE WHEN e.c ->> 'act' = 'special_local' THEN e.c ->> 'law'
				ELSE upper(e.c ->> 'act') END || ' ' || (e.c ->> 'section'), ', ' ORDER BY e.n)
			|| CASE WHEN v_efir THEN ' (e-FIR)' ELSE '' END
			|| CASE WHEN (fir ->> 'zero_fir')::boolean THEN ' (zero FIR)' ELSE '' END
		FROM jsonb_array_elements(fir -> 'charges') WITH ORDINALITY e(c, n)
	), n AS (
		INSERT INTO core.gd_counter AS c (state_code, district_code, station_code, gd_date, last_no)
		VALUES (state, district, station, v_gd_date, 1)
		ON CONFLICT (state_code, district_code, station_code, gd_date)
			DO UPDATE SET last_no = c.last_no + 1
		RETURNING c.last_no
	), g AS (
		INSERT INTO core.gd_entry (state_code, year, district_code, station_code, gd_date, gd_no, entered_at,
			kind, text, officer_number, officer_name, officer_rank, fir_year, fir_no)
		SELECT state, yr, district, station, v_gd_date, n.last_no, reg_at, 'fir', t.text,
			officer ->> 'number', officer ->> 'name', officer ->> 'rank', yr, v_no
		FROM n, t
		RETURNING gd_no, text
	), f AS (
		INSERT INTO core.fir (fir_id, state_code, year, district_code, station_code, fir_no, registered_at,
			occurred_from, occurred_to, information_received_at, information_type,
			place_line1, place_line2, place_city, place_district_code, place_state_code, place_pincode,
			place_distance_m, place_direction, place_beat, brief_facts, delay_reason,
			idempotency_key, content_sha256, officer_number, officer_name, officer_rank, gd_date, gd_no,
			outside_state_code, outside_district_code, outside_station_code, outside_station_name,
			outside_district_name, inquest_number, action, action_reason, action_state_code,
			action_district_code, action_station_code, action_station_name, action_district_name, action_text,
			dispatched_to_court_at, e_fir, zero_fir, efir_sign_by)
		SELECT id, state, yr, district, station, v_no, reg_at,
			(fir ->> 'occurred_from')::timestamptz,
			nullif(fir ->> 'occurred_to', '')::timestamptz,
			(fir ->> 'information_received_at')::timestamptz,
			fir ->> 'information_type',
			nullif(ad ->> 'line1', ''), nullif(ad ->> 'line2', ''), nullif(ad ->> 'city', ''),
			nullif((ad ->> 'district_code')::int, 0), nullif((ad ->> 'state_code')::int, 0),
			nullif(ad ->> 'pincode', ''),
			nullif((pl ->> 'distance_m')::int, 0), nullif(pl ->> 'direction', ''), nullif(pl ->> 'beat', ''),
			fir ->> 'brief_facts', nullif(fir ->> 'delay_reason', ''),
			idem, sha, officer ->> 'number', officer ->> 'name', officer ->> 'rank', v_gd_date, g.gd_no,
			nullif((os ->> 'state_code')::int, 0), nullif((os ->> 'district_code')::int, 0),
			nullif((os ->> 'station_code')::int, 0), nullif(os ->> 'station_name', ''),
			nullif(os ->> 'district_name', ''), nullif(fir ->> 'inquest_number', ''),
			nullif(ac ->> 'action', ''), nullif(ac ->> 'reason', ''),
			nullif((ts ->> 'state_code')::int, 0), nullif((ts ->> 'district_code')::int, 0),
			nullif((ts ->> 'station_code')::int, 0), nullif(ts ->> 'station_name', ''),
			nullif(ts ->> 'district_name', ''), nullif(ac ->> 'text', ''),
			nullif(fir ->> 'dispatched_to_court_at', '')::timestamptz, v_efir,
			coalesce((fir ->> 'zero_fir')::boolean, false),
			CASE WHEN v_efir THEN reg_at + interval '3 days' END
		FROM g
	), events AS (
		INSERT INTO core.case_event (state_code, year, fir_id, seq, at, kind, status,
			officer_number, officer_name, officer_rank, summary, gd_date, gd_no)
		SELECT state, yr, id, 1, reg_at, 'fir_registered', 'registered',
			officer ->> 'number', officer ->> 'name', officer ->> 'rank', g.text, v_gd_date, g.gd_no
		FROM g
	), charges AS (
		INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section, law)
		SELECT state, yr, id, (e.n - 1)::smallint, e.c ->> 'act', e.c ->> 'section', nullif(e.c ->> 'law', '')
		FROM jsonb_array_elements(fir -> 'charges') WITH ORDINALITY e(c, n)
	), properties AS (
		INSERT INTO core.fir_property (state_code, year, fir_id, seq, kind, description, value_rupees)
		SELECT state, yr, id, (e.n - 1)::smallint, e.o ->> 'kind', nullif(e.o ->> 'description', ''),
			nullif((e.o ->> 'value_rupees')::bigint, 0)
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fir -> 'properties') = 'array'
			THEN fir -> 'properties' ELSE '[]' END) WITH ORDINALITY e(o, n)
	), pp (seq, role, p, description, cnt, pid) AS (
		SELECT 0, 'complainant', fir -> 'complainant', NULL::text, NULL::int, pids[1]
		UNION ALL
		SELECT -1, 'informant', fir -> 'informant', NULL, NULL, pids[2]
		WHERE jsonb_typeof(fir -> 'informant') = 'object'
		UNION ALL
		SELECT e.n, CASE e.a ->> 'kind' WHEN 'known' THEN 'accused' WHEN 'suspected' THEN 'suspect'
			ELSE 'unknown_accused' END,
			CASE WHEN jsonb_typeof(e.a -> 'person') = 'object' THEN e.a -> 'person' ELSE '{}' END,
			nullif(e.a ->> 'description', ''), nullif((e.a ->> 'count')::int, 0), pids[e.n + 2]
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fir -> 'accused') = 'array'
			THEN fir -> 'accused' ELSE '[]' END) WITH ORDINALITY e(a, n)
	), persons AS (
		INSERT INTO core.fir_person (state_code, year, fir_id, seq, role, name, relative_kind, relative_name,
			gender, date_of_birth, year_of_birth, nationality, occupation, addr_line1, addr_line2, addr_city,
			addr_district_code, addr_state_code, addr_pincode, phone, description, count, person_id,
			passport_number, passport_issued_on, passport_issue_place)
		SELECT state, yr, id, pp.seq, pp.role, nullif(pp.p ->> 'name', ''),
			nullif(pp.p ->> 'relative_kind', ''), nullif(pp.p ->> 'relative_name', ''),
			nullif(pp.p ->> 'gender', ''), nullif(pp.p ->> 'date_of_birth', '')::date,
			nullif((pp.p ->> 'year_of_birth')::int, 0),
			nullif(pp.p ->> 'nationality', ''), nullif(pp.p ->> 'occupation', ''),
			nullif(a.a ->> 'line1', ''), nullif(a.a ->> 'line2', ''), nullif(a.a ->> 'city', ''),
			nullif((a.a ->> 'district_code')::int, 0), nullif((a.a ->> 'state_code')::int, 0),
			nullif(a.a ->> 'pincode', ''),
			nullif(pp.p ->> 'phone', ''), pp.description, pp.cnt, pp.pid,
			CASE WHEN pp.seq = 0 THEN nullif(v_pass ->> 'number', '') END,
			CASE WHEN pp.seq = 0 THEN nullif(v_pass ->> 'date_of_issue', '')::date END,
			CASE WHEN pp.seq = 0 THEN nullif(v_pass ->> 'place_of_issue', '') END
		FROM pp, LATERAL (SELECT CASE WHEN jsonb_typeof(pp.p -> 'address') = 'object'
			THEN pp.p -> 'address' ELSE '{}' END) a(a)
	)
	SELECT g.gd_no INTO o_gd_no FROM g;

	o_fir_no := v_no;
	o_gd_date := v_gd_date;
END
$fn$;
COMMENT ON FUNCTION core.fir_store(int, int, int, int, bigint, bytea, bytea, jsonb, timestamptz, jsonb) IS
	'Allocate the next FIR number of the station and year, link the named persons (core.link_person: complainant, informant, accused, suspect), write the FIR''s General Diary entry (next number of the station''s day), then the FIR as id referencing it, its rows (the complainant''s passport, the informant, person ids) and the fir_registered case event; returns the FIR number and the entry''s day and number; notes the new FIR in cctns.fir_new before its rows are written, so that their rendered-copy triggers skip it (0055)';

-- api.register_fir (0032) handed core.register_fir_0031 the document with the identifiers
-- of its properties taken out (core.property_ids_strip: every property rebuilt, about 40 us
-- a registration). When no property carries identifiers (most FIRs, the sample's), that
-- rebuilt document equals the one given (jsonb values compare and print the same), so it
-- is passed as it is. The path test is conservative: in lax mode it also finds identifiers
-- one array deeper or in a properties object, where the strip is still made (and does what
-- it did before). Otherwise as in 0032.
CREATE OR REPLACE FUNCTION api.register_fir(state int, district int, station int, idem bytea, fir jsonb)
RETURNS TABLE (fir_number text, year int, number int, registered_at text, replayed boolean,
	gd_date text, gd_number int, gd_entered_at text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM core.property_ids_set(core.property_ids_read(fir -> 'properties', 'properties', 'identifiers'));
	IF fir @? '$.properties[*].identifiers' THEN
		fir := core.property_ids_strip(fir, 'properties', 'identifiers');
	END IF;
	RETURN QUERY SELECT * FROM core.register_fir_0031(state, district, station, idem, fir);
	PERFORM core.property_ids_set(NULL);
END
$fn$;
COMMENT ON FUNCTION api.register_fir(int, int, int, bytea, jsonb) IS
	'Register an FIR (core.register_fir_0031) with the identifiers of its properties validated and recorded (core.property_identifier, core.property_number, property alerts); the document is rebuilt without the identifiers only when a property carries some (0055)';

-- core.property_ids_keep (0032), called by the row trigger of every property item, inserted
-- the item's identifiers with one INSERT ... SELECT even when it had none (most items): a
-- statement of no rows, which still fires core.property_identifier's statement trigger
-- (core.fir_rendered_forget_ids, whose loop over no rows does nothing). About 30 us an item.
-- With no identifiers it now returns the same empty array at once. Otherwise as in 0032.
CREATE OR REPLACE FUNCTION core.property_ids_keep(ids jsonb, state int, p_source text, ryear int, rid bigint,
	p_item int, p_version int) RETURNS text[]
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF ids IS NULL OR ids = '[]'::jsonb THEN
		RETURN '{}';
	END IF;
	INSERT INTO core.property_identifier (state_code, source, record_year, record_id, item, version, ord, kind, number)
	SELECT state, p_source, ryear, rid, p_item, p_version, (n - 1)::int, e ->> 'kind', e ->> 'number'
	FROM jsonb_array_elements(ids) WITH ORDINALITY x(e, n)
	ON CONFLICT DO NOTHING;
	RETURN ARRAY(SELECT DISTINCT e ->> 'normalised' FROM jsonb_array_elements(ids) e);
END
$fn$;
COMMENT ON FUNCTION core.property_ids_keep(jsonb, int, text, int, bigint, int, int) IS
	'Store the identifiers of one item as written (core.property_identifier); returns their normalised numbers. No statement at all for an item without identifiers (0055)';

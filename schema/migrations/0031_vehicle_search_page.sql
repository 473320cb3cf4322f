-- 0031_vehicle_search_page.sql: the vehicle search answers a page of 20
-- reports, exact matches first then newest, and says whether more match.
--
-- Measured by tests/bench/dossier at 1M vehicle reports: a search by the last
-- four digits of a number matched 100 reports, and building and converting
-- their JSON was most of its time (p99 11 ms through the server). An
-- investigator narrows a part number rather than reading a hundred reports;
-- the terminal says when more match. Same signature and errors as 0026.

CREATE OR REPLACE FUNCTION api.vehicle_search(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
	fields constant text[] := ARRAY['number', 'chassis_number', 'engine_number'];
	cols constant text[] := ARRAY['registration', 'chassis', 'engine'];
	given text;
	col text;
	q text;
	pat text;
	whole boolean;
	found core.vehicle_report[];
	agreed text[];
	cap constant int := 20;  -- a page: the answer's size must not grow with the matches
	more boolean;
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.q_req(req, 'SearchVehicles', fields);
	FOR i IN 1 .. 3 LOOP
		IF core.q_text(req, fields[i], 40) IS NOT NULL THEN
			IF given IS NOT NULL THEN
				PERFORM core.fir_bad(fields[i], 'search by one number at a time');
			END IF;
			given := fields[i];
			col := cols[i];
		END IF;
	END LOOP;
	IF given IS NULL THEN
		PERFORM core.fir_bad('number', 'give a registration number (whole or part), chassis_number or engine_number');
	END IF;
	IF core.q_text(req, given, 40) !~ '^[A-Za-z0-9][A-Za-z0-9 ./-]*$' THEN
		PERFORM core.fir_bad(given, given || ': letters, digits, spaces, dashes, dots and slashes only');
	END IF;
	q := core.vehicle_no_normalise(core.q_text(req, given, 40));
	IF length(q) < 3 THEN
		PERFORM core.fir_bad(given, given || ': give at least 3 letters or digits');
	END IF;
	pat := '%' || q || '%';  -- q is letters and digits only: no LIKE wildcards in it
	-- A whole registration number is looked up by equality only (b-tree);
	-- anything else (part of a number, a chassis or engine number) also by
	-- part (trigram). One static statement per column, each a cached plan
	-- on its own index: exact matches first, then newest, a page of 20
	-- (one more is read to say whether more match).
	whole := col = 'registration' AND core.vehicle_registration_refusal(q) IS NULL;
	IF whole THEN
		SELECT array_agg(v.r ORDER BY (v.r).registered_at DESC, (v.r).vr_id DESC)
		INTO found
		FROM (SELECT v AS r FROM core.vehicle_report v
			WHERE v.state_code = state AND v.registration_normalised = q
			ORDER BY v.registered_at DESC, v.vr_id DESC LIMIT cap + 1) v;
		agreed := array_fill('registration'::text, ARRAY[coalesce(cardinality(found), 0)]);
	ELSIF col = 'registration' THEN
		SELECT array_agg(v.r ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC),
			array_agg(CASE WHEN v.ex THEN 'registration' ELSE 'registration_part' END
				ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC)
		INTO found, agreed
		FROM (SELECT v AS r, v.registration_normalised = q AS ex
			FROM core.vehicle_report v
			WHERE v.state_code = state AND v.registration_normalised LIKE pat
			ORDER BY v.registration_normalised = q DESC, v.registered_at DESC, v.vr_id DESC LIMIT cap + 1) v;
	ELSIF col = 'chassis' THEN
		SELECT array_agg(v.r ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC),
			array_agg(CASE WHEN v.ex THEN 'chassis' ELSE 'chassis_part' END
				ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC)
		INTO found, agreed
		FROM (SELECT v AS r, v.chassis_normalised = q AS ex
			FROM core.vehicle_report v
			WHERE v.state_code = state AND v.chassis_normalised LIKE pat
			ORDER BY v.chassis_normalised = q DESC, v.registered_at DESC, v.vr_id DESC LIMIT cap + 1) v;
	ELSE
		SELECT array_agg(v.r ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC),
			array_agg(CASE WHEN v.ex THEN 'engine' ELSE 'engine_part' END
				ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC)
		INTO found, agreed
		FROM (SELECT v AS r, v.engine_normalised = q AS ex
			FROM core.vehicle_report v
			WHERE v.state_code = state AND v.engine_normalised LIKE pat
			ORDER BY v.engine_normalised = q DESC, v.registered_at DESC, v.vr_id DESC LIMIT cap + 1) v;
	END IF;
	more := coalesce(cardinality(found), 0) > cap;
	IF more THEN
		found := found[1:cap];
		agreed := agreed[1:cap];
	END IF;
	RETURN jsonb_build_object('searched', q, 'by', col, 'whole', whole, 'more', more,
		'matches', core.vehicle_hits_json(state, coalesce(found, '{}'), coalesce(agreed, '{}')));
END
$fn$;
COMMENT ON FUNCTION api.vehicle_search(int, int, int, jsonb) IS
	'Vehicle reports of every station of the state by one number written any way: a whole registration number by equality of the normalised form, part of one (3 or more letters and digits), a chassis or engine number whole or in part (trigram indexes); VehicleSearchResult JSON, exact matches first then newest, at most 20, with more = true when further reports match (0031: a page, so the answer''s size does not grow with the matches). CT400 naming the field';

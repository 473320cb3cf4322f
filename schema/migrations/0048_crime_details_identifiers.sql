-- 0048_crime_details_identifiers.sql: issue 4 (recall session, slice 10).
--
-- The crime details give each property's identifying numbers back, of the
-- version shown (Property.identifiers), as the FIR, the lost report, the
-- seizure memo and the malkhana entry do. api.get_crime_details as 0047
-- built it (sealed persons masked by core.seal_person, its sealed read
-- recorded) is kept in core as get_crime_details_0047 and wrapped; the
-- identifiers come from core.property_identifier (source
-- crime_details_property, 0046's core.cd_items_with_ids).

ALTER FUNCTION api.get_crime_details(int, int, int, text, jsonb) RENAME TO get_crime_details_0047;
ALTER FUNCTION api.get_crime_details_0047(int, int, int, text, jsonb) SET SCHEMA core;

CREATE FUNCTION api.get_crime_details(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	j jsonb := core.get_crime_details_0047(state, district, station, fir_number, req);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
BEGIN
	IF j -> 'details' -> 'properties' IS NULL OR f.fir_id IS NULL THEN
		RETURN j;
	END IF;
	RETURN jsonb_set(j, '{details,properties}', core.cd_items_with_ids(j -> 'details' -> 'properties', state,
		f.year, f.fir_id, (j #>> '{receipt,version}')::int));
END
$fn$;
COMMENT ON FUNCTION api.get_crime_details(int, int, int, text, jsonb) IS
	'The crime details as core.get_crime_details_0047 gives them (the latest version or req {"version"}; sealed persons masked by the builder step, 0047), each property with its identifying numbers (Property.identifiers: 0048)';
COMMENT ON FUNCTION core.get_crime_details_0047(int, int, int, text, jsonb) IS
	'api.get_crime_details as 0047 built it (sealed persons masked by core.seal_person, an unmasked sealed read recorded); wrapped by api.get_crime_details (0048), which adds the identifiers';

REVOKE ALL ON FUNCTION core.get_crime_details_0047(int, int, int, text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION api.get_crime_details(int, int, int, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.get_crime_details(int, int, int, text, jsonb) TO cctns_server;

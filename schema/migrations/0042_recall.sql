-- 0042_recall.sql: issue 4 (recall session).
--
-- Property identifiers read back. 0032 validates the structured identifying
-- numbers of property items (FIR properties, lost items, seized items),
-- keeps them as written in core.property_identifier and strips them from the
-- stored documents, so `cctns fir show`, the lost report and the seizure
-- memo never gave them back. api.get_fir, api.get_lost_report and
-- api.get_seizure now put each item's identifiers (kind, number as written,
-- in the order given) back on the item: Property.identifiers,
-- LostItem.identifiers, SeizedItem.identifying_numbers. The functions of
-- before are kept in core (*_0041) and called first: same checks, same
-- refusals, same sealing.

-- ------------------------------------------------------------ property identifiers read back

CREATE FUNCTION core.property_ids_json(state int, p_source text, ryear int, rid bigint, p_item int)
RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(jsonb_agg(jsonb_build_object('kind', x.kind, 'number', x.number) ORDER BY x.ord), '[]')
	FROM core.property_identifier x
	WHERE x.state_code = state AND x.source = p_source AND x.record_year = ryear AND x.record_id = rid
		AND x.item = p_item AND x.version = 0
$fn$;
COMMENT ON FUNCTION core.property_ids_json(int, text, int, bigint, int) IS
	'The identifying numbers of one property item as written ([{kind, number}] in the order given, [] when none), from core.property_identifier';

-- items: a JSON array of items; item i (0-based) is core.property_identifier
-- item base + i; field: the field the identifiers go in.
CREATE FUNCTION core.items_with_ids(items jsonb, state int, p_source text, ryear int, rid bigint, base int,
	field text)
RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN jsonb_typeof(items) <> 'array' THEN items
		ELSE coalesce((SELECT jsonb_agg(CASE WHEN i.ids = '[]' THEN x.e ELSE x.e || jsonb_build_object(field, i.ids) END
			ORDER BY x.n)
			FROM jsonb_array_elements(items) WITH ORDINALITY x (e, n)
			CROSS JOIN LATERAL (SELECT core.property_ids_json(state, p_source, ryear, rid, base + x.n::int - 1) AS ids) i),
			'[]') END
$fn$;
COMMENT ON FUNCTION core.items_with_ids(jsonb, int, text, int, bigint, int, text) IS
	'A JSON array of property items with each item''s identifying numbers (core.property_ids_json of item base + its 0-based position) set in field; items without any unchanged';

ALTER FUNCTION api.get_fir(int, int, int, text) RENAME TO get_fir_0041;
ALTER FUNCTION api.get_fir_0041(int, int, int, text) SET SCHEMA core;

CREATE FUNCTION api.get_fir(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	j jsonb := core.get_fir_0041(state, district, station, fir_number);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
BEGIN
	IF j -> 'content' -> 'properties' IS NULL OR f.fir_id IS NULL THEN
		RETURN j;
	END IF;
	RETURN jsonb_set(j, '{content,properties}', core.items_with_ids(j -> 'content' -> 'properties', state,
		'fir_property', f.year, f.fir_id, 0, 'identifiers'));
END
$fn$;
COMMENT ON FUNCTION api.get_fir(int, int, int, text) IS
	'The FIR as core.get_fir_0041 gives it (sealed identities masked as 0030), each property with its identifying numbers (Property.identifiers: 0042)';

ALTER FUNCTION api.get_lost_report(int, int, int, text) RENAME TO get_lost_report_0041;
ALTER FUNCTION api.get_lost_report_0041(int, int, int, text) SET SCHEMA core;

CREATE FUNCTION api.get_lost_report(state int, district int, station int, report_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	j jsonb := core.get_lost_report_0041(state, district, station, report_number);
	num record;
	l core.lost_report;
BEGIN
	SELECT * INTO num FROM core.register_number_parse(report_number, 'report_number', 'a lost property report');
	SELECT * INTO l FROM core.lost_report x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.report_no = num.no;
	IF j -> 'report' -> 'items' IS NULL OR l.report_id IS NULL THEN
		RETURN j;
	END IF;
	RETURN jsonb_set(j, '{report,items}', core.items_with_ids(j -> 'report' -> 'items', state, 'lost_item',
		l.year, l.report_id, 0, 'identifiers'));
END
$fn$;
COMMENT ON FUNCTION api.get_lost_report(int, int, int, text) IS
	'A lost property report as core.get_lost_report_0041 gives it, each item with its identifying numbers (LostItem.identifiers: 0042)';

ALTER FUNCTION api.get_seizure(int, int, int, text, jsonb) RENAME TO get_seizure_0041;
ALTER FUNCTION api.get_seizure_0041(int, int, int, text, jsonb) SET SCHEMA core;

CREATE FUNCTION api.get_seizure(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	j jsonb := core.get_seizure_0041(state, district, station, fir_number, req);
	f core.fir := core.fir_of_station(state, district, station, fir_number);
	n int := (req ->> 'seizure_no')::int;
BEGIN
	IF j -> 'memo' -> 'items' IS NULL OR f.fir_id IS NULL THEN
		RETURN j;
	END IF;
	RETURN jsonb_set(j, '{memo,items}', core.items_with_ids(j -> 'memo' -> 'items', state, 'seizure_item',
		f.year, f.fir_id, n * 1000 + 1, 'identifying_numbers'));
END
$fn$;
COMMENT ON FUNCTION api.get_seizure(int, int, int, text, jsonb) IS
	'A seizure memo as core.get_seizure_0041 gives it (sealed witnesses masked as 0035), each item with its identifying numbers (SeizedItem.identifying_numbers: 0042)';

REVOKE ALL ON FUNCTION core.property_ids_json(int, text, int, bigint, int),
	core.items_with_ids(jsonb, int, text, int, bigint, int, text),
	core.get_fir_0041(int, int, int, text), core.get_lost_report_0041(int, int, int, text),
	core.get_seizure_0041(int, int, int, text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION api.get_fir(int, int, int, text), api.get_lost_report(int, int, int, text),
	api.get_seizure(int, int, int, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.get_fir(int, int, int, text), api.get_lost_report(int, int, int, text),
	api.get_seizure(int, int, int, text, jsonb) TO cctns_server;

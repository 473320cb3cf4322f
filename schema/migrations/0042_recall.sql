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

-- ------------------------------------------------------------ person search: equal scores by spelling
--
-- tests/bench/search with a heavy-tailed register (issue 4, recall session):
-- the misses of queries that are not undecidable (fewer than 11 persons share
-- the true attributes the query carries) were mostly names whose phonetic
-- key many differently spelled names share (Surendra, Surinder, Surindra
-- Kumar), all with the same score: 0036 orders equal scores by the nearest
-- year of birth, then person_id, so the one spelled closest to the query
-- was cut when hundreds tie. Now equal scores are ordered first by how
-- alike the spellings are: trigram similarity of the name (and aliases) as
-- stored and as typed, plus that of the relative's name when one is asked
-- (core.spelling_likeness), then the nearest year of birth, then person_id;
-- in the first probe's quick ranking (core.search_probe_ranked: which 100
-- of up to 2,000 rows go on) and in the final order (core.search_rank).
-- The score and its reasons are unchanged. Without pg_trgm (ext, optional
-- since 0025) the likeness is 0 and the order is 0036's.

DO $do$
BEGIN
	IF to_regprocedure('ext.similarity(text, text)') IS NOT NULL THEN
		CREATE FUNCTION core.spelling_likeness(a text, b text) RETURNS real
		LANGUAGE sql IMMUTABLE PARALLEL SAFE
		AS 'SELECT ext.similarity(a, b)';
	ELSE
		CREATE FUNCTION core.spelling_likeness(a text, b text) RETURNS real
		LANGUAGE sql IMMUTABLE PARALLEL SAFE
		AS 'SELECT 0::real';
	END IF;
END
$do$;
COMMENT ON FUNCTION core.spelling_likeness(text, text) IS
	'How alike two spellings are, 0..1 (pg_trgm similarity; 0 when pg_trgm is not installed): orders equal person search scores (0042). SQL without SET, so it is inlined';

CREATE OR REPLACE FUNCTION core.search_probe_ranked(state int, probes jsonb, bands text[], lim int, cap int,
	qn text[], qr text[], ylo int, yhi int)
RETURNS TABLE (person_id bigint, year smallint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	qs text := array_to_string(qn, ' ');
	qrs text := array_to_string(qr, ' ');
BEGIN
	RETURN QUERY
	SELECT r.person_id, r.year
	FROM jsonb_array_elements(probes) pr
	CROSS JOIN LATERAL (SELECT c.person_id, c.year
		FROM (SELECT s.person_id, s.year, s.name_tok, s.alias_tok, s.rel_tok, s.birth_year FROM core.person_search s
			WHERE s.state_code = state AND s.tags @> ARRAY(SELECT jsonb_array_elements_text(pr))
				AND (bands IS NULL OR s.tags && bands)
			LIMIT cap) c
		ORDER BY 3 * (SELECT count(*) FROM unnest(c.name_tok || c.alias_tok) t WHERE t = ANY (qn))
			+ 2 * (SELECT count(*) FROM unnest(c.rel_tok) t WHERE t = ANY (qr))
			- GREATEST(cardinality(c.name_tok) - cardinality(qn), 0)
			- CASE WHEN cardinality(qr) > 0 THEN GREATEST(cardinality(c.rel_tok) - cardinality(qr), 0) ELSE 0 END
			+ CASE WHEN c.birth_year BETWEEN ylo AND yhi THEN 2 ELSE 0 END DESC,
			core.spelling_likeness(array_to_string(c.name_tok || c.alias_tok, ' '), qs)
				+ CASE WHEN qrs <> '' THEN core.spelling_likeness(array_to_string(c.rel_tok, ' '), qrs) ELSE 0 END DESC,
			abs(c.birth_year - (ylo + yhi) / 2.0) NULLS LAST, c.person_id
		LIMIT lim) r;
END
$fn$;
COMMENT ON FUNCTION core.search_probe_ranked(int, jsonb, text[], int, int, text[], text[], int, int) IS
	'The persons of the state whose search tags contain each probe''s tags (and one of bands when given): of up to cap rows a probe, the lim best by a quick score (+3 a name/alias token spelled as in qn, +2 a relative token spelled as in qr, -1 each name token beyond the query''s count and each relative token beyond it when a relative is asked, +2 born in ylo..yhi), ties by the likeness of the spellings of name and relative to the query''s (core.spelling_likeness, 0042), then the year of birth nearest the middle of ylo..yhi (unknown last), then person_id. PL/pgSQL: its plan is kept for the session';

CREATE OR REPLACE FUNCTION core.search_rank(state int, q jsonb, exclude bigint[])
RETURNS TABLE (person_id bigint, year smallint, score int, reasons text[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	qn text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'n'));
	qnk text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'nk'));
	qa text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'a'));
	qak text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'ak'));
	qr text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'r'));
	qrk text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'rk'));
	addr text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'addr'));
	marks text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'marks'));
	filters text[] := ARRAY(SELECT x FROM unnest(ARRAY['district ' || (q ->> 'district'), 'station ' || (q ->> 'station')]) x
		WHERE x IS NOT NULL);
	mid numeric := ((q ->> 'ylo')::int + (q ->> 'yhi')::int) / 2.0;
	qs text := array_to_string(qn || qa, ' ');
	qrs text := array_to_string(qr, ' ');
BEGIN
	RETURN QUERY
	SELECT c.person_id, c.year, sc.score, sc.reasons
	FROM (SELECT DISTINCT x.person_id, x.year FROM core.search_candidates(state, q) x) u
	JOIN core.person_search c ON c.person_id = u.person_id AND c.state_code = state
	CROSS JOIN LATERAL core.search_score(c, qn, qnk, qa, qak, qr, qrk, q ->> 'relative_word',
		(q ->> 'ylo')::int, (q ->> 'yhi')::int, addr, marks, q ->> 'doc', filters) sc
	WHERE c.person_id <> ALL (coalesce(exclude, '{}'))
	ORDER BY sc.score DESC,
		core.spelling_likeness(array_to_string(c.name_tok || c.alias_tok, ' '), qs)
			+ CASE WHEN qrs <> '' THEN core.spelling_likeness(array_to_string(c.rel_tok, ' '), qrs) ELSE 0 END DESC,
		abs(c.birth_year - mid) NULLS LAST, c.person_id
	LIMIT (q ->> 'limit')::int;
END
$fn$;
COMMENT ON FUNCTION core.search_rank(int, jsonb, bigint[]) IS
	'Ranked matches of a parsed search (core.search_parse), best first (equal scores: the likeness of the spellings of name and relative to the query''s, core.spelling_likeness, 0042; then the year of birth nearest the age asked, unknown last; then person_id), at most its limit, without the persons in exclude';

REVOKE ALL ON FUNCTION core.spelling_likeness(text, text) FROM PUBLIC;

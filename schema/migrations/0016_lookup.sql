-- 0016_lookup.sql: reference lookups for the terminal's pick-lists
-- (cctns lookup, and the code fields of the interactive forms): IPC and BNS
-- sections by number or by words of their title, with the corresponding
-- section of the other act; districts of a state and police stations of a
-- district by name; states; modus operandi heads; special and local laws.
--
-- api.lookup_ref(state, district, station, req jsonb) -> jsonb RefList
--     req is a LookupRef as JSON: {"kind", "query", "act", "on_date",
--     "state_code", "district_code", "limit"}.                CT401 CT400
--
-- Read-only: every station may look up every reference table. Queries are
-- matched word by word: a word of the query matches a word of the name that
-- starts with it ("vehic" matches "vehicle"), case-insensitively. Words are
-- split on anything that is not a letter or digit, so they never carry
-- regular-expression syntax into the patterns built from them.

-- ------------------------------------------------------------ words

-- The words of a query: lower case, split on non-alphanumerics, no empty ones.
CREATE FUNCTION core.lookup_words(query text) RETURNS text[]
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(array_agg(w), '{}')
	FROM unnest(regexp_split_to_array(lower(coalesce(query, '')), '[^[:alnum:]]+')) w
	WHERE w <> '';
$fn$;
COMMENT ON FUNCTION core.lookup_words(text) IS
	'The words of a lookup query: lower case, split on every character that is not a letter or digit, empty ones dropped';

-- How many of words start a word of text (each word counted once).
CREATE FUNCTION core.lookup_hits(text text, words text[]) RETURNS int
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT count(*)::int FROM unnest(words) w WHERE coalesce(text, '') ~* ('\m' || w);
$fn$;
COMMENT ON FUNCTION core.lookup_hits(text, text[]) IS
	'Number of the query words (from core.lookup_words) that start a word of text, case-insensitively';

-- ------------------------------------------------------------ sections

-- The act in force on an offence date: IPC before 1 July 2024, BNS from then.
CREATE FUNCTION core.act_on(day date) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN day < date '2024-07-01' THEN 'ipc' ELSE 'bns' END;
$fn$;
COMMENT ON FUNCTION core.act_on(date) IS
	'The general criminal law in force on an offence date: ipc before 2024-07-01, bns from that day';

-- The sections of the other act that correspond to a section, from the
-- official map: "BNS 303(2)" for IPC 379, "IPC 378, IPC 379" for BNS 303.
CREATE FUNCTION core.section_counterpart(act text, section text) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT string_agg(ref, ', ' ORDER BY first_id)
	FROM (
		SELECT CASE act WHEN 'ipc' THEN 'BNS ' || m.bns_section ELSE 'IPC ' || m.ipc_section END AS ref,
			min(m.id) AS first_id
		FROM ref.ipc_bns_map m
		WHERE (act = 'ipc' AND m.ipc_section = section AND m.bns_section IS NOT NULL)
			OR (act = 'bns' AND m.bns_base = section AND m.ipc_section IS NOT NULL)
		GROUP BY 1
	) x;
$fn$;
COMMENT ON FUNCTION core.section_counterpart(text, text) IS
	'The corresponding sections of the other act from ref.ipc_bns_map, e.g. ''BNS 303(2)'' for (ipc, 379); NULL when the map has none';

-- Sections by number ("303", "303(2)", "498A": that base section first, then
-- those whose number starts with it) or by words of the title, sub-heading
-- and chapter: the most query words matched first; then by a score counting
-- a word in the title twice and in the headings once (so BNS 303 "Theft",
-- under "Of theft", comes before a section that merely mentions theft);
-- prefer_act before the other act; then by number.
CREATE FUNCTION core.lookup_section(query text, only_act text, prefer_act text, lim int)
RETURNS TABLE (code text, label text, extra text, parent text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	q text := btrim(coalesce(query, ''));
	base text := upper(substring(q FROM '^[0-9]+[A-Za-z]*'));
	words text[] := core.lookup_words(q);
BEGIN
	IF q ~ '^[0-9]+[A-Za-z]*(\(.*)?$' THEN
		RETURN QUERY
		SELECT s.section, s.title, concat_ws('; ', core.section_counterpart(s.act, s.section), s.note), s.act
		FROM ref.section s
		WHERE (only_act IS NULL OR s.act = only_act)
			AND (s.section = base OR s.section LIKE base || '%')
		ORDER BY s.section <> base, s.act <> coalesce(prefer_act, ''), length(s.section), s.section, s.act
		LIMIT lim;
		RETURN;
	END IF;
	RETURN QUERY
	SELECT x.section, x.title, concat_ws('; ', core.section_counterpart(x.act, x.section), x.note), x.act
	FROM (
		SELECT s.*, core.lookup_hits(concat_ws(' ', s.title, s.sub_heading, s.chapter_title), words) AS hits,
			2 * core.lookup_hits(s.title, words)
				+ core.lookup_hits(concat_ws(' ', s.sub_heading, s.chapter_title), words) AS score
		FROM ref.section s
		WHERE only_act IS NULL OR s.act = only_act
	) x
	WHERE x.hits > 0 OR cardinality(words) = 0
	ORDER BY x.hits DESC, x.score DESC, x.act <> coalesce(prefer_act, ''),
		(substring(x.section FROM '^[0-9]+'))::int, x.section, x.act
	LIMIT lim;
END
$fn$;
COMMENT ON FUNCTION core.lookup_section(text, text, text, int) IS
	'IPC/BNS sections for a pick-list: by number (that section first, then those starting with it) or by words (most words matched first, a word in the title scoring twice one in the headings, prefer_act first); code = section, parent = act, extra = the corresponding sections of the other act and any note';

-- ------------------------------------------------------------ places

CREATE FUNCTION core.lookup_state(query text, lim int)
RETURNS TABLE (code text, label text, extra text, parent text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT s.code::text, s.name, CASE s.type WHEN 'ut' THEN 'union territory' ELSE 'state' END, NULL::text
	FROM ref.state s
	WHERE CASE WHEN btrim(query) ~ '^[0-9]{1,9}$' THEN s.code = btrim(query)::int
		ELSE core.lookup_hits(s.name, core.lookup_words(query)) = cardinality(core.lookup_words(query)) END
	ORDER BY lower(s.name) <> lower(btrim(query)), s.name
	LIMIT lim;
$fn$;
COMMENT ON FUNCTION core.lookup_state(text, int) IS
	'States and union territories for a pick-list: by LGD code or by every word of the name; code = state code';

CREATE FUNCTION core.lookup_district(query text, state int, lim int)
RETURNS TABLE (code text, label text, extra text, parent text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT d.district_code::text, d.name, s.name, d.state_code::text
	FROM ref.district d JOIN ref.state s ON s.code = d.state_code
	WHERE d.state_code = state
		AND CASE WHEN btrim(query) ~ '^[0-9]{1,9}$' THEN d.district_code = btrim(query)::int
			ELSE core.lookup_hits(d.name, core.lookup_words(query)) = cardinality(core.lookup_words(query)) END
	ORDER BY lower(d.name) <> lower(btrim(query)), d.name
	LIMIT lim;
$fn$;
COMMENT ON FUNCTION core.lookup_district(text, int, int) IS
	'Districts of a state for a pick-list: by LGD code or by every word of the name; code = district code, parent = state code, extra = state name';

CREATE FUNCTION core.lookup_station(query text, state int, district int, lim int)
RETURNS TABLE (code text, label text, extra text, parent text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT st.station_code::text, st.name, d.name, st.district_code::text
	FROM ref.station st JOIN ref.district d ON d.state_code = st.state_code AND d.district_code = st.district_code
	WHERE st.state_code = state AND st.district_code = district AND st.active
		AND CASE WHEN btrim(query) ~ '^[0-9]{1,9}$' THEN st.station_code = btrim(query)::int
			ELSE core.lookup_hits(st.name, core.lookup_words(query)) = cardinality(core.lookup_words(query)) END
	ORDER BY lower(st.name) <> lower(btrim(query)), st.name, st.station_code
	LIMIT lim;
$fn$;
COMMENT ON FUNCTION core.lookup_station(text, int, int, int) IS
	'Active police stations of a district for a pick-list: by station code or by every word of the name; code = station code, parent = district code, extra = district name';

-- ------------------------------------------------------------ MO heads, laws

CREATE FUNCTION core.lookup_mo_head(query text, lim int)
RETURNS TABLE (code text, label text, extra text, parent text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT m.minor, m.label, NULL::text, m.major
	FROM ref.mo_head m
	WHERE core.lookup_hits(concat_ws(' ', m.label, replace(m.major, '_', ' '), replace(m.minor, '_', ' ')),
		core.lookup_words(query)) = cardinality(core.lookup_words(query))
	ORDER BY m.major, m.minor <> 'general', m.label
	LIMIT lim;
$fn$;
COMMENT ON FUNCTION core.lookup_mo_head(text, int) IS
	'Modus operandi heads for a pick-list: every word of the query in the label or the codes; code = minor head, parent = major head';

CREATE FUNCTION core.lookup_special_law(query text, lim int)
RETURNS TABLE (code text, label text, extra text, parent text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT l.code, l.name, NULL::text, NULL::text
	FROM ref.special_law l
	WHERE lower(l.code) = lower(btrim(query))
		OR core.lookup_hits(concat_ws(' ', l.code, l.name), core.lookup_words(query)) = cardinality(core.lookup_words(query))
	ORDER BY lower(l.code) <> lower(btrim(query)), l.code
	LIMIT lim;
$fn$;
COMMENT ON FUNCTION core.lookup_special_law(text, int) IS
	'Special and local laws for a pick-list: by exact short name, or every word of the query in the short name or title; code = the short name Charge.law takes';

-- ------------------------------------------------------------ the request

-- Read and check the LookupRef JSON; CT400 with COLUMN the field.
CREATE FUNCTION core.lookup_req(req jsonb, OUT kind text, OUT query text, OUT act text, OUT on_date date,
	OUT state_code int, OUT district_code int, OUT lim int)
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	extra text;
	k text;
BEGIN
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = '', MESSAGE = 'a lookup must be a JSON object';
	END IF;
	SELECT min(x) INTO extra FROM jsonb_object_keys(req - ARRAY['kind', 'query', 'act', 'on_date', 'state_code',
		'district_code', 'limit']) x;
	IF extra IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = extra, MESSAGE = 'unknown field of a lookup';
	END IF;
	FOREACH k IN ARRAY ARRAY['kind', 'query', 'act', 'on_date'] LOOP
		IF req ? k AND jsonb_typeof(req -> k) <> 'string' THEN
			RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = k, MESSAGE = 'expected a string';
		END IF;
	END LOOP;
	FOREACH k IN ARRAY ARRAY['state_code', 'district_code', 'limit'] LOOP
		IF req ? k AND (jsonb_typeof(req -> k) <> 'number' OR (req ->> k) !~ '^[0-9]{1,9}$') THEN
			RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = k, MESSAGE = 'expected a whole number from 0';
		END IF;
	END LOOP;
	kind := req ->> 'kind';
	IF kind IS NULL OR kind NOT IN ('section', 'district', 'station', 'mo_head', 'special_law', 'state') THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'kind',
			MESSAGE = 'is required: one of section, district, station, mo_head, special_law, state';
	END IF;
	query := coalesce(req ->> 'query', '');
	IF length(query) > 200 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'query', MESSAGE = 'must be at most 200 characters';
	END IF;
	act := nullif(req ->> 'act', '');
	IF act IS NOT NULL AND (kind <> 'section' OR act NOT IN ('ipc', 'bns')) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'act',
			MESSAGE = CASE WHEN kind <> 'section' THEN 'is for section lookups only' ELSE 'must be ipc or bns' END;
	END IF;
	IF nullif(req ->> 'on_date', '') IS NOT NULL THEN
		IF kind <> 'section' OR (req ->> 'on_date') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
			RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'on_date',
				MESSAGE = CASE WHEN kind <> 'section' THEN 'is for section lookups only'
					ELSE 'must be a date like 2026-11-29' END;
		END IF;
		BEGIN
			on_date := (req ->> 'on_date')::date;
		EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
			RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'on_date', MESSAGE = 'is not a day of the calendar';
		END;
	END IF;
	state_code := nullif((req ->> 'state_code')::int, 0);
	district_code := nullif((req ->> 'district_code')::int, 0);
	lim := coalesce(nullif((req ->> 'limit')::int, 0), 20);
	IF lim > 100 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'limit', MESSAGE = 'must be at most 100 items';
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.lookup_req(jsonb) IS
	'Read a LookupRef JSON: kind, query, act (sections), on_date (sections), state_code, district_code, limit (0 = 20, at most 100); CT400 with COLUMN the field';

CREATE FUNCTION api.lookup_ref(state int, district int, station int, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r record;
	in_force text;
	items jsonb;
	n int;
BEGIN
	PERFORM core.station_check(state, district, station);
	r := core.lookup_req(req);
	in_force := CASE WHEN r.on_date IS NOT NULL THEN core.act_on(r.on_date) END;
	WITH found AS (
		SELECT * FROM core.lookup_section(r.query, coalesce(r.act, in_force), in_force, r.lim + 1)
			WITH ORDINALITY AS t(code, label, extra, parent, i) WHERE r.kind = 'section'
		UNION ALL
		SELECT * FROM core.lookup_state(r.query, r.lim + 1)
			WITH ORDINALITY AS t(code, label, extra, parent, i) WHERE r.kind = 'state'
		UNION ALL
		SELECT * FROM core.lookup_district(r.query, coalesce(r.state_code, state), r.lim + 1)
			WITH ORDINALITY AS t(code, label, extra, parent, i) WHERE r.kind = 'district'
		UNION ALL
		SELECT * FROM core.lookup_station(r.query, coalesce(r.state_code, state),
			coalesce(r.district_code, district), r.lim + 1)
			WITH ORDINALITY AS t(code, label, extra, parent, i) WHERE r.kind = 'station'
		UNION ALL
		SELECT * FROM core.lookup_mo_head(r.query, r.lim + 1)
			WITH ORDINALITY AS t(code, label, extra, parent, i) WHERE r.kind = 'mo_head'
		UNION ALL
		SELECT * FROM core.lookup_special_law(r.query, r.lim + 1)
			WITH ORDINALITY AS t(code, label, extra, parent, i) WHERE r.kind = 'special_law'
	)
	SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('code', f.code, 'label', f.label,
			'extra', nullif(f.extra, ''), 'parent', f.parent)) ORDER BY f.i) FILTER (WHERE f.i <= r.lim),
		count(*)
	INTO items, n FROM found f;
	RETURN jsonb_strip_nulls(jsonb_build_object('kind', r.kind, 'items', coalesce(items, '[]'::jsonb),
		'more', CASE WHEN n > r.lim THEN true END, 'act', in_force));
END
$fn$;
COMMENT ON FUNCTION api.lookup_ref(int, int, int, jsonb) IS
	'Reference lookup for a pick-list (LookupRef JSON): sections, states, districts (default: the caller''s state), stations (default: the caller''s district), MO heads, special and local laws. Returns RefList JSON {"kind", "items": [{"code", "label", "extra", "parent"}], "more", "act"}; act is the act in force on on_date. CT401 station, CT400 (COLUMN = field)';

-- ------------------------------------------------------------ access

REVOKE ALL ON FUNCTION api.lookup_ref(int, int, int, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION core.lookup_words(text), core.lookup_hits(text, text[]), core.act_on(date),
	core.section_counterpart(text, text), core.lookup_section(text, text, text, int),
	core.lookup_state(text, int), core.lookup_district(text, int, int), core.lookup_station(text, int, int, int),
	core.lookup_mo_head(text, int), core.lookup_special_law(text, int), core.lookup_req(jsonb)
	FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.lookup_ref(int, int, int, jsonb) TO cctns_server;

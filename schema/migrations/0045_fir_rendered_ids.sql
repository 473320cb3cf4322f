-- 0045_fir_rendered_ids.sql (fir, issue 7): an FIR by its number is one
-- lookup of a plain table again.
--
-- 0042 put the property identifiers back on the FIR by wrapping api.get_fir:
-- at every read, after 0039's lookup of core.fir_rendered, it looked the FIR
-- up again in partitioned core.fir (core.fir_of_station) and read
-- core.property_identifier for each property through SQL functions with
-- SET search_path (never inlined: planned again at every call). A cached
-- read went from one index lookup to three statements, two of them planned
-- anew each time (a custom plan of a partitioned table, or a generic plan
-- that locks every partition): api.get_fir by pgbench, warm, about 3,400/s
-- on the loaded development machine.
--
-- Here the identifiers are part of the rendered FIR: core.fir_render puts
-- each property's identifiers (Property.identifiers) into the Fir JSON
-- before it masks it, so both the unmasked and the masked JSON carry them,
-- exactly as the 0042 wrapper returned them. A change of
-- core.property_identifier (source fir_property) forgets the rendered FIR
-- (core.fir_rendered_forget_ids, statement triggers with transition
-- tables, the FIR row locked first as 0039's triggers do); a TRUNCATE
-- forgets them all. api.get_fir is 0039's read again: the rendered row of an
-- active station by its key, who reads decided at every read
-- (core.may_see_sealed, audit.sealed_read), rendered and stored on a miss.
--
-- core.items_with_ids (0042; also used by api.get_lost_report and
-- api.get_seizure) becomes one PL/pgSQL statement: the record's
-- identifiers read once, grouped by item (was one SQL function call,
-- planned each time, per item). Same answers.
--
-- Rows rendered before this migration lack the identifiers: emptied.

CREATE OR REPLACE FUNCTION core.items_with_ids(items jsonb, state int, p_source text, ryear int, rid bigint,
	base int, field text)
RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF jsonb_typeof(items) <> 'array' THEN
		RETURN items;
	END IF;
	RETURN coalesce((SELECT jsonb_agg(CASE WHEN i.ids IS NULL THEN x.e ELSE x.e || jsonb_build_object(field, i.ids) END
			ORDER BY x.n)
		FROM jsonb_array_elements(items) WITH ORDINALITY x (e, n)
		LEFT JOIN (SELECT p.item, jsonb_agg(jsonb_build_object('kind', p.kind, 'number', p.number) ORDER BY p.ord) AS ids
			FROM core.property_identifier p
			WHERE p.state_code = state AND p.source = p_source AND p.record_year = ryear AND p.record_id = rid
				AND p.version = 0
			GROUP BY p.item) i ON i.item = base + x.n::int - 1),
		'[]');
END
$fn$;
COMMENT ON FUNCTION core.items_with_ids(jsonb, int, text, int, bigint, int, text) IS
	'A JSON array of property items with each item''s identifying numbers ([{kind, number}] in the order given, from core.property_identifier, item base + its 0-based position) set in field; items without any unchanged. PL/pgSQL, one statement (0045)';

-- ------------------------------------------------------------ the rendering's number

-- Each stored rendering gets a number of its own (core.fir_rendered_seq): a
-- row forgotten and rendered again has a new one. api.get_fir_tagged tells
-- cctns-server that number (and which of the two JSONs the reader gets), so
-- the server can keep the FIR it built from the JSON and be told, at every
-- read, whether its copy is still the one the database would send.
CREATE SEQUENCE core.fir_rendered_seq;
COMMENT ON SEQUENCE core.fir_rendered_seq IS
	'Numbers of the renderings stored in core.fir_rendered (core.fir_rendered.rendered; 0045)';
ALTER TABLE core.fir_rendered ADD COLUMN rendered bigint;
COMMENT ON COLUMN core.fir_rendered.rendered IS
	'Number of this rendering (core.fir_rendered_seq), new at every store: the version api.get_fir_tagged reports (0045)';
-- A rendered FIR is read whole at every hit: kept uncompressed in the row up
-- to 8 kB (default: compressed above 2 kB, decompressed at every read).
ALTER TABLE core.fir_rendered SET (toast_tuple_target = 8160);

-- 0039's rendering, with the properties' identifiers put in before masking.
CREATE OR REPLACE FUNCTION core.fir_render(state int, district int, station int, fir_number text)
RETURNS core.fir_rendered
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	num record;
	f core.fir;
	r core.fir_rendered;
	s record;
	keep boolean := current_setting('transaction_read_only') = 'off';
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	IF keep THEN
		-- Writers of this FIR's rows wait for this transaction (and it for
		-- them): see 0039's header.
		SELECT * INTO f FROM core.fir x
		WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
			AND x.station_code = station AND x.fir_no = num.fir_no
		FOR SHARE;
	ELSE
		SELECT * INTO f FROM core.fir x
		WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
			AND x.station_code = station AND x.fir_no = num.fir_no;
	END IF;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	IF keep AND f.transferred_from_fir_id IS NOT NULL THEN
		PERFORM 1 FROM core.fir x
		WHERE x.state_code = state AND x.year = f.transferred_from_year AND x.fir_id = f.transferred_from_fir_id
		FOR SHARE;
	END IF;
	r.state_code := state;
	r.district_code := district;
	r.station_code := station;
	r.year := f.year;
	r.fir_no := f.fir_no;
	r.fir_id := f.fir_id;
	r.from_year := f.transferred_from_year;
	r.from_fir_id := f.transferred_from_fir_id;
	r.fir := core.fir_json(f);
	IF r.fir -> 'content' -> 'properties' IS NOT NULL THEN
		r.fir := jsonb_set(r.fir, '{content,properties}', core.items_with_ids(r.fir -> 'content' -> 'properties',
			state, 'fir_property', f.year, f.fir_id, 0, 'identifiers'));
	END IF;
	SELECT * INTO s FROM core.seal_fir_content(r.fir -> 'content', state, f.year, f.fir_id, false);
	r.law := s.law_out;
	r.pids := coalesce(s.pids, '{}');
	IF s.law_out IS NOT NULL THEN
		r.masked := jsonb_set(r.fir, '{content}', s.content);
	END IF;
	-- Not an FIR this transaction registered: the triggers of its own rows
	-- do not forget it (core.fir_rendered_forget).
	IF keep AND NOT core.fir_is_new(state, f.year, f.fir_id) THEN
		-- Not stored when another reader stored it first: then this
		-- number is nobody's, and a copy tagged with it is never current.
		r.rendered := nextval('core.fir_rendered_seq');
		INSERT INTO core.fir_rendered VALUES (r.*) ON CONFLICT DO NOTHING;
	END IF;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION core.fir_render(int, int, int, text) IS
	'Render the station''s FIR (core.fir_json, each property with its identifiers as core.items_with_ids gives them, core.seal_fir_content) into a core.fir_rendered row and store it unless read-only; CT401 station, CT400 number, CT404 not found (as api.get_fir; 0045)';

-- 0039's read again (replaces 0042's wrapper): one lookup on a hit.
CREATE OR REPLACE FUNCTION api.get_fir(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r core.fir_rendered;
BEGIN
	-- Hit: one lookup of the rendered FIR of an active station.
	IF fir_number ~ '^[0-9]{1,9}/[0-9]{4}$' THEN
		SELECT c.* INTO r FROM core.fir_rendered c
		JOIN ref.station s ON s.state_code = c.state_code AND s.district_code = c.district_code
			AND s.station_code = c.station_code AND s.active
		WHERE c.state_code = state AND c.district_code = district AND c.station_code = station
			AND c.year = split_part(fir_number, '/', 2)::int
			AND c.fir_no = split_part(fir_number, '/', 1)::int;
	END IF;
	IF r.fir IS NULL THEN
		-- Miss, or an error to raise in get_fir's order (station, number, FIR).
		r := core.fir_render(state, district, station, fir_number);
	END IF;
	IF r.law IS NULL THEN
		RETURN r.fir;
	END IF;
	-- Something is sealed: who reads decides, now.
	IF core.may_see_sealed(state, r.year, r.fir_id) THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_fir',
			'FIR ' || core.fir_number_text(r.fir_no, r.year), r.pids, r.law);
		RETURN r.fir;
	END IF;
	RETURN r.masked;
END
$fn$;
COMMENT ON FUNCTION api.get_fir(int, int, int, text) IS
	'The FIR (core.fir_json, each property with its identifying numbers: Property.identifiers) from core.fir_rendered (rendered and stored on a miss), with its sealed identities masked for everyone but the case''s own officers and view_sealed holders whose scope covers it (core.may_see_sealed, decided at every read); an unmasked sealed read is recorded in audit.sealed_read (0039, 0045)';

-- The same read for cctns-server, which keeps the FIRs it built from the
-- JSON (server/fircache.c): tag names the rendering and the JSON this reader
-- gets ('<rendered>p' nothing sealed, '<rendered>u' unmasked, '<rendered>m'
-- masked; NULL when the rendering is not stored: a read-only transaction,
-- an FIR of this transaction, another reader's store won). When have, the
-- tag of the server's copy, equals it, fir is NULL and the server answers
-- from its copy. Everything else is api.get_fir's: the station, the number
-- and the FIR checked, who reads decided now, an unmasked sealed read
-- recorded in audit.sealed_read. The reading officer and the session's
-- permissions come as parameters and are set for the transaction here
-- (cctns.officer, cctns.permissions, as the server's officer context
-- statement sets them before every other call): one statement a read.
CREATE FUNCTION api.get_fir_tagged(state int, district int, station int, fir_number text, have text,
	officer text, permissions text, OUT tag text, OUT fir jsonb)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r core.fir_rendered;
BEGIN
	PERFORM set_config('cctns.officer', officer, true), set_config('cctns.permissions', permissions, true);
	IF fir_number ~ '^[0-9]{1,9}/[0-9]{4}$' THEN
		SELECT c.* INTO r FROM core.fir_rendered c
		JOIN ref.station s ON s.state_code = c.state_code AND s.district_code = c.district_code
			AND s.station_code = c.station_code AND s.active
		WHERE c.state_code = state AND c.district_code = district AND c.station_code = station
			AND c.year = split_part(fir_number, '/', 2)::int
			AND c.fir_no = split_part(fir_number, '/', 1)::int;
	END IF;
	IF r.fir IS NULL THEN
		r := core.fir_render(state, district, station, fir_number);
		-- Stored by this call, or by another reader first (then r is not
		-- what is stored): only the stored rendering may be kept.
		IF r.rendered IS NOT NULL AND NOT EXISTS (SELECT 1 FROM core.fir_rendered c
				WHERE c.state_code = r.state_code AND c.year = r.year AND c.fir_id = r.fir_id
					AND c.rendered = r.rendered) THEN
			r.rendered := NULL;
		END IF;
	END IF;
	IF r.law IS NULL THEN
		tag := r.rendered || 'p';
		fir := r.fir;
	ELSIF core.may_see_sealed(state, r.year, r.fir_id) THEN
		PERFORM core.sealed_read_add(state, district, station, 'get_fir',
			'FIR ' || core.fir_number_text(r.fir_no, r.year), r.pids, r.law);
		tag := r.rendered || 'u';
		fir := r.fir;
	ELSE
		tag := r.rendered || 'm';
		fir := r.masked;
	END IF;
	IF tag = have THEN
		fir := NULL;
	END IF;
END
$fn$;
COMMENT ON FUNCTION api.get_fir_tagged(int, int, int, text, text, text, text) IS
	'api.get_fir for cctns-server''s FIR cache: tag names the stored rendering (core.fir_rendered.rendered) and which JSON this reader gets (p plain, u unmasked, m masked; NULL: not stored, do not keep); fir is that JSON, or NULL when have equals tag (the server''s copy is current); officer and permissions set cctns.officer and cctns.permissions for the transaction first. Same checks, sealing decision and audit.sealed_read as api.get_fir (0045)';
REVOKE ALL ON FUNCTION api.get_fir_tagged(int, int, int, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.get_fir_tagged(int, int, int, text, text, text, text) TO cctns_server;

-- 0042's wrapped function, unused now.
DROP FUNCTION core.get_fir_0041(int, int, int, text);

-- ------------------------------------------------------------ forgetting

-- Statement trigger of core.property_identifier (transition tables old_rows
-- and new_rows): forget the rendered FIRs whose properties' identifiers
-- changed (source fir_property), each FIR row locked first unless this
-- transaction wrote it (core.fir_rendered_forget_one). Identifiers of FIRs
-- this transaction registered (cctns.fir_new) are skipped: nothing of
-- theirs is stored before commit.
CREATE FUNCTION core.fir_rendered_forget_ids() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	k record;
BEGIN
	IF TG_OP = 'INSERT' THEN
		FOR k IN SELECT DISTINCT n.state_code, n.record_year::int AS yr, n.record_id FROM new_rows n
			WHERE n.source = 'fir_property' AND NOT core.fir_is_new(n.state_code, n.record_year, n.record_id)
			ORDER BY 1, 2, 3
		LOOP
			PERFORM core.fir_rendered_forget_one(k.state_code, k.yr, k.record_id);
		END LOOP;
	ELSIF TG_OP = 'UPDATE' THEN
		FOR k IN SELECT DISTINCT x.state_code, x.record_year::int AS yr, x.record_id
			FROM (SELECT o.state_code, o.source, o.record_year, o.record_id FROM old_rows o
				UNION ALL SELECT n.state_code, n.source, n.record_year, n.record_id FROM new_rows n) x
			WHERE x.source = 'fir_property' AND NOT core.fir_is_new(x.state_code, x.record_year, x.record_id)
			ORDER BY 1, 2, 3
		LOOP
			PERFORM core.fir_rendered_forget_one(k.state_code, k.yr, k.record_id);
		END LOOP;
	ELSE
		FOR k IN SELECT DISTINCT o.state_code, o.record_year::int AS yr, o.record_id FROM old_rows o
			WHERE o.source = 'fir_property' AND NOT core.fir_is_new(o.state_code, o.record_year, o.record_id)
			ORDER BY 1, 2, 3
		LOOP
			PERFORM core.fir_rendered_forget_one(k.state_code, k.yr, k.record_id);
		END LOOP;
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.fir_rendered_forget_ids() IS
	'Statement trigger of core.property_identifier: forget the rendered FIRs whose property identifiers (source fir_property) were inserted, updated or deleted, except FIRs registered by this transaction (0045)';
CREATE TRIGGER property_identifier_rendered_ins AFTER INSERT ON core.property_identifier
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget_ids();
CREATE TRIGGER property_identifier_rendered_upd AFTER UPDATE ON core.property_identifier
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget_ids();
CREATE TRIGGER property_identifier_rendered_del AFTER DELETE ON core.property_identifier
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget_ids();
CREATE TRIGGER property_identifier_rendered_trunc AFTER TRUNCATE ON core.property_identifier
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget_all();

REVOKE ALL ON FUNCTION core.fir_rendered_forget_ids() FROM PUBLIC;

TRUNCATE core.fir_rendered;

-- 0039_fir_rendered.sql (read, issue 7): an FIR by its number, fast.
--
-- api.get_fir built the whole Fir JSON at every call (SQL-language builders,
-- planned again at every call, over the partitioned case tables) and then
-- the sealed-identity masking read the FIR's persons and charges again:
-- about 1 ms of database time for one read. Here the rendered FIR is kept:
--
--   core.fir_rendered   one row per FIR read since its last change: the Fir
--       JSON unmasked (core.fir_json, as before), the same JSON masked for
--       readers who may not see its sealed identities (core.seal_fir_content
--       with allowed = false), the first sealing law (NULL: nothing sealed)
--       and the sealed persons' numbers. Keyed by the station's own key
--       (state, district, station, year, number), so a read is one index
--       lookup of a plain table: no partitioned table, no JSON building.
--
-- Who reads is still decided at every read: when the row has a law,
-- core.may_see_sealed (0030) for the signed-in officer picks the unmasked or
-- the masked JSON, and an unmasked sealed read is appended to
-- audit.sealed_read exactly as before. What is sealed (the case's law, each
-- person's law) is data of the FIR, kept with it and forgotten with it.
--
-- Filled lazily by api.get_fir on a miss; forgotten (row deleted) by
-- statement-level triggers on every table whose data appears in the Fir
-- JSON or in its sealing: core.fir (the FIR; for an FIR registered on
-- transfer, also the sending FIR's transfer columns), core.fir_charge,
-- core.fir_person, core.fir_property, core.final_report_charge (an alteration
-- of sections seals a case), core.person (date and year of birth decide
-- JJ Act 74 when the FIR gives no age), ref.station / ref.district /
-- ref.state (names in the receipt and transfer links) and ref.sealed_charge.
-- core.gd_entry (the diary entry's time in the receipt) is append-only.
--
-- Race: a reader that renders from an older snapshot must not store its
-- JSON after a writer's change committed and found nothing to delete. So
-- the reader, on a miss, locks the FIR row (and the sending FIR's) FOR
-- SHARE before it renders, and the triggers of the child tables lock the
-- FIR rows they touch FOR NO KEY UPDATE (an UPDATE of core.fir locks them
-- itself; a row version this transaction wrote, such as the FIR being
-- registered, is locked by it already) before deleting, set-based (rows
-- of FIRs this transaction registered, noted in cctns.fir_new, are skipped:
-- nobody else can have read them, and core.fir_render does not store them
-- before commit): a writer either committed before the reader
-- rendered (the reader sees its change) or waits for the reader's commit
-- and then deletes what it stored. The reference tables' triggers empty
-- the whole cache with TRUNCATE (ACCESS EXCLUSIVE: waits for every open
-- reader; renames are rare). Nothing is stored in a read-only transaction
-- (a hot standby serves the read, rendered each time).
--
-- Not maintained on the national database: logical replication applies rows
-- without statement-level triggers; cctns-server never reads FIRs there.

CREATE TABLE core.fir_rendered (
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	year int NOT NULL,
	fir_no int NOT NULL,
	fir_id bigint NOT NULL,
	from_year int,
	from_fir_id bigint,
	fir jsonb NOT NULL,
	masked jsonb,
	law text,
	pids bigint[] NOT NULL DEFAULT '{}',
	PRIMARY KEY (state_code, district_code, station_code, year, fir_no),
	UNIQUE (state_code, year, fir_id)
);
CREATE INDEX fir_rendered_from ON core.fir_rendered (state_code, from_year, from_fir_id)
	WHERE from_fir_id IS NOT NULL;
COMMENT ON TABLE core.fir_rendered IS
	'Cache of api.get_fir: the rendered Fir JSON of FIRs read since their last change, unmasked and masked; filled by api.get_fir, rows deleted by triggers on every table the JSON or its sealing comes from (0039). Not replicated; safe to TRUNCATE at any time';
COMMENT ON COLUMN core.fir_rendered.state_code IS 'The FIR''s state';
COMMENT ON COLUMN core.fir_rendered.district_code IS 'Its station''s district';
COMMENT ON COLUMN core.fir_rendered.station_code IS 'Its station';
COMMENT ON COLUMN core.fir_rendered.year IS 'Its year (of the FIR number)';
COMMENT ON COLUMN core.fir_rendered.fir_no IS 'Its number in the station and year';
COMMENT ON COLUMN core.fir_rendered.fir_id IS 'core.fir.fir_id';
COMMENT ON COLUMN core.fir_rendered.from_year IS 'For an FIR registered on transfer: the sending FIR''s year (its transfer columns are in this JSON)';
COMMENT ON COLUMN core.fir_rendered.from_fir_id IS 'For an FIR registered on transfer: the sending FIR''s fir_id';
COMMENT ON COLUMN core.fir_rendered.fir IS 'Fir JSON as core.fir_json renders it, nothing masked';
COMMENT ON COLUMN core.fir_rendered.masked IS 'The same with its sealed identities masked (core.seal_fir_content, allowed = false); NULL when nothing is sealed';
COMMENT ON COLUMN core.fir_rendered.law IS 'The first law sealing anything in it (BNS 72, JJ Act 74, ...); NULL: nothing sealed';
COMMENT ON COLUMN core.fir_rendered.pids IS 'Persons master numbers of its sealed persons (for audit.sealed_read)';

-- ------------------------------------------------------------ FIRs of this transaction

-- FIRs created by this transaction: noted (a short list, cctns.fir_new,
-- transaction-local) so that the triggers of their rows, written in the same
-- registration, skip the lock and the deletes (nobody else can have read
-- them, and core.fir_render stores none of them before commit).
CREATE FUNCTION core.fir_rendered_note_new() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys text;
BEGIN
	SELECT CASE WHEN count(*) <= 64 THEN string_agg(format('%s:%s:%s ', n.state_code, n.year, n.fir_id), '') END
	INTO keys FROM new_rows n;
	IF keys IS NOT NULL THEN
		PERFORM set_config('cctns.fir_new', coalesce(current_setting('cctns.fir_new', true), '') || ' ' || keys, true);
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.fir_rendered_note_new() IS
	'Statement trigger of INSERT on core.fir: note up to 64 new FIRs in cctns.fir_new (transaction-local) so that the forget triggers of their own rows skip them (0039)';
CREATE TRIGGER fir_rendered_ins AFTER INSERT ON core.fir REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_note_new();

-- Is the FIR new in this transaction (noted by core.fir_rendered_note_new)?
CREATE FUNCTION core.fir_is_new(st int, yr int, id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN position(format(' %s:%s:%s ', st, yr, id) IN coalesce(current_setting('cctns.fir_new', true), '')) > 0;
END
$fn$;
COMMENT ON FUNCTION core.fir_is_new(int, int, bigint) IS
	'Was this FIR inserted by the current transaction (cctns.fir_new, noted for up to 64 FIRs a statement)';

-- ------------------------------------------------------------ the read

-- The rendered FIR of a station by number: station checked, FIR found (or
-- CT404), rendered, and stored unless the transaction is read-only.
CREATE FUNCTION core.fir_render(state int, district int, station int, fir_number text)
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
		-- them): see the header.
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
	SELECT * INTO s FROM core.seal_fir_content(r.fir -> 'content', state, f.year, f.fir_id, false);
	r.law := s.law_out;
	r.pids := coalesce(s.pids, '{}');
	IF s.law_out IS NOT NULL THEN
		r.masked := jsonb_set(r.fir, '{content}', s.content);
	END IF;
	-- Not an FIR this transaction registered: the triggers of its own rows
	-- do not forget it (core.fir_rendered_forget).
	IF keep AND NOT core.fir_is_new(state, f.year, f.fir_id) THEN
		INSERT INTO core.fir_rendered VALUES (r.*) ON CONFLICT DO NOTHING;
	END IF;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION core.fir_render(int, int, int, text) IS
	'Render the station''s FIR (core.fir_json, core.seal_fir_content) into a core.fir_rendered row and store it unless read-only; CT401 station, CT400 number, CT404 not found (as api.get_fir)';

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
	'The FIR (core.fir_json) from core.fir_rendered (rendered and stored on a miss), with its sealed identities masked for everyone but the case''s own officers and view_sealed holders whose scope covers it (core.may_see_sealed, decided at every read); an unmasked sealed read is recorded in audit.sealed_read';

-- ------------------------------------------------------------ forgetting

-- Forget the rendered FIR (state, year, fir_id) and those registered on
-- transfer from it, the FIR row locked first (see the header) unless this
-- transaction wrote that row version itself (then it holds its lock, and
-- readers that would fill wait for its commit already).
CREATE FUNCTION core.fir_rendered_forget_one(st int, yr int, id bigint) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	x xid;
BEGIN
	SELECT f.xmin INTO x FROM core.fir f WHERE f.state_code = st AND f.year = yr AND f.fir_id = id;
	IF FOUND AND x::text <> (pg_current_xact_id()::text::bigint & 4294967295)::text THEN
		PERFORM 1 FROM core.fir f WHERE f.state_code = st AND f.year = yr AND f.fir_id = id
		FOR NO KEY UPDATE;
	END IF;
	DELETE FROM core.fir_rendered c WHERE c.state_code = st AND c.year = yr AND c.fir_id = id;
	DELETE FROM core.fir_rendered c
	WHERE c.from_fir_id = id AND c.state_code = st AND c.from_year = yr;
END
$fn$;
COMMENT ON FUNCTION core.fir_rendered_forget_one(int, int, bigint) IS
	'Delete the rendered FIR (state_code, year, fir_id) and those registered on transfer from it, after locking the FIR row FOR NO KEY UPDATE unless this transaction wrote it (0039)';

-- Statement trigger of the tables keyed by (state_code, year, fir_id): the
-- transition tables are always named old_rows and new_rows. Set-based (a
-- statement touching many FIRs, as an import does, costs three statements):
-- lock the FIR rows not written by this transaction, delete their rows.
CREATE FUNCTION core.fir_rendered_forget() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	-- This transaction's xid as a row's xmin reads: a row version it wrote
	-- itself (an FIR being registered or imported) is locked by it already.
	mine text := (pg_current_xact_id()::text::bigint & 4294967295)::text;
	noted text := coalesce(current_setting('cctns.fir_new', true), '');
BEGIN
	IF TG_TABLE_SCHEMA = 'core' AND TG_TABLE_NAME = 'fir' THEN
		-- An UPDATE or DELETE of core.fir locked its rows itself.
		IF TG_OP = 'UPDATE' THEN
			DELETE FROM core.fir_rendered c USING new_rows n
			WHERE c.state_code = n.state_code AND c.year = n.year AND c.fir_id = n.fir_id;
			DELETE FROM core.fir_rendered c USING new_rows n
			WHERE c.from_fir_id = n.fir_id AND c.state_code = n.state_code AND c.from_year = n.year;
		END IF;
		DELETE FROM core.fir_rendered c USING old_rows o
		WHERE c.state_code = o.state_code AND c.year = o.year AND c.fir_id = o.fir_id;
		DELETE FROM core.fir_rendered c USING old_rows o
		WHERE c.from_fir_id = o.fir_id AND c.state_code = o.state_code AND c.from_year = o.year;
		RETURN NULL;
	END IF;
	-- Rows of FIRs registered by this transaction only: nothing to forget.
	IF noted <> '' THEN
		IF TG_OP = 'INSERT' THEN
			IF NOT EXISTS (SELECT 1 FROM new_rows n
					WHERE position(format(' %s:%s:%s ', n.state_code, n.year, n.fir_id) IN noted) = 0) THEN
				RETURN NULL;
			END IF;
		ELSIF TG_OP = 'UPDATE' THEN
			IF NOT EXISTS (SELECT 1 FROM new_rows n
					WHERE position(format(' %s:%s:%s ', n.state_code, n.year, n.fir_id) IN noted) = 0)
				AND NOT EXISTS (SELECT 1 FROM old_rows o
					WHERE position(format(' %s:%s:%s ', o.state_code, o.year, o.fir_id) IN noted) = 0) THEN
				RETURN NULL;
			END IF;
		ELSIF NOT EXISTS (SELECT 1 FROM old_rows o
				WHERE position(format(' %s:%s:%s ', o.state_code, o.year, o.fir_id) IN noted) = 0) THEN
			RETURN NULL;
		END IF;
	END IF;
	IF TG_OP = 'INSERT' THEN
		PERFORM 1 FROM core.fir f
		JOIN (SELECT DISTINCT n.state_code, n.year, n.fir_id FROM new_rows n) k
			ON f.state_code = k.state_code AND f.year = k.year AND f.fir_id = k.fir_id
		WHERE f.xmin::text <> mine
		ORDER BY f.state_code, f.year, f.fir_id
		FOR NO KEY UPDATE OF f;
		DELETE FROM core.fir_rendered c USING new_rows n
		WHERE c.state_code = n.state_code AND c.year = n.year AND c.fir_id = n.fir_id;
		DELETE FROM core.fir_rendered c USING new_rows n
		WHERE c.from_fir_id = n.fir_id AND c.state_code = n.state_code AND c.from_year = n.year;
		RETURN NULL;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		PERFORM 1 FROM core.fir f
		JOIN (SELECT o.state_code, o.year, o.fir_id FROM old_rows o
			UNION SELECT n.state_code, n.year, n.fir_id FROM new_rows n) k
			ON f.state_code = k.state_code AND f.year = k.year AND f.fir_id = k.fir_id
		WHERE f.xmin::text <> mine
		ORDER BY f.state_code, f.year, f.fir_id
		FOR NO KEY UPDATE OF f;
		DELETE FROM core.fir_rendered c USING new_rows n
		WHERE c.state_code = n.state_code AND c.year = n.year AND c.fir_id = n.fir_id;
		DELETE FROM core.fir_rendered c USING new_rows n
		WHERE c.from_fir_id = n.fir_id AND c.state_code = n.state_code AND c.from_year = n.year;
	ELSE
		PERFORM 1 FROM core.fir f
		JOIN (SELECT DISTINCT o.state_code, o.year, o.fir_id FROM old_rows o) k
			ON f.state_code = k.state_code AND f.year = k.year AND f.fir_id = k.fir_id
		WHERE f.xmin::text <> mine
		ORDER BY f.state_code, f.year, f.fir_id
		FOR NO KEY UPDATE OF f;
	END IF;
	DELETE FROM core.fir_rendered c USING old_rows o
	WHERE c.state_code = o.state_code AND c.year = o.year AND c.fir_id = o.fir_id;
	DELETE FROM core.fir_rendered c USING old_rows o
	WHERE c.from_fir_id = o.fir_id AND c.state_code = o.state_code AND c.from_year = o.year;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.fir_rendered_forget() IS
	'Statement trigger (transition tables old_rows/new_rows) of the tables keyed by (state_code, year, fir_id): forget the rendered FIRs whose rows changed (0039)';

DO $do$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['fir', 'fir_charge', 'fir_person', 'fir_property', 'final_report_charge'] LOOP
		IF t <> 'fir' THEN
			EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON core.%I REFERENCING NEW TABLE AS new_rows '
				'FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget()', t || '_rendered_ins', t);
		END IF;
		EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON core.%I REFERENCING OLD TABLE AS old_rows '
			'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget()',
			t || '_rendered_upd', t);
		EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON core.%I REFERENCING OLD TABLE AS old_rows '
			'FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget()', t || '_rendered_del', t);
	END LOOP;
END
$do$;

-- core.person: its date and year of birth decide JJ Act 74 in the FIRs that
-- give no age for it.
CREATE FUNCTION core.fir_rendered_forget_person() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	k record;
BEGIN
	FOR k IN SELECT DISTINCT fp.state_code, fp.year, fp.fir_id
		FROM (SELECT o.state_code, o.person_id FROM old_rows o JOIN new_rows n
				ON n.state_code = o.state_code AND n.year = o.year AND n.person_id = o.person_id
			WHERE (n.date_of_birth, n.year_of_birth) IS DISTINCT FROM (o.date_of_birth, o.year_of_birth)) p
		JOIN core.fir_person fp ON fp.state_code = p.state_code AND fp.person_id = p.person_id
		ORDER BY 1, 2, 3
	LOOP
		PERFORM core.fir_rendered_forget_one(k.state_code, k.year, k.fir_id);
	END LOOP;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.fir_rendered_forget_person() IS
	'Statement trigger of core.person: forget the rendered FIRs of persons whose date or year of birth changed (0039)';
CREATE TRIGGER person_rendered_upd AFTER UPDATE ON core.person REFERENCING OLD TABLE AS old_rows
	NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget_person();

-- Reference data in every rendered FIR (names) or its sealing: forget all.
CREATE FUNCTION core.fir_rendered_forget_all() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	TRUNCATE core.fir_rendered;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.fir_rendered_forget_all() IS
	'Statement trigger of ref.station, ref.district, ref.state (names) and ref.sealed_charge: empty core.fir_rendered (0039)';
CREATE TRIGGER station_rendered AFTER UPDATE OR DELETE ON ref.station
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget_all();
CREATE TRIGGER district_rendered AFTER UPDATE OR DELETE ON ref.district
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget_all();
CREATE TRIGGER state_rendered AFTER UPDATE OR DELETE ON ref.state
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget_all();
CREATE TRIGGER sealed_charge_rendered AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref.sealed_charge
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_forget_all();

-- ------------------------------------------------------------ the builders, plans cached

-- The Fir JSON builders of 0004, 0005 and 0010 were SQL functions with SET
-- search_path: never inlined, so PostgreSQL 15 planned their bodies again
-- at every call (a miss of the cache above cost about 11 ms on the loaded
-- development machine, 5.5 ms of it planning core.fir_content_json). The
-- same bodies, unchanged, in PL/pgSQL, whose plans are cached per session.
-- Same signatures, volatility and answers (each body returns one row).

CREATE OR REPLACE FUNCTION core.ist_text(t timestamptz) RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT to_char(t AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD"T"HH24:MI:SS')
			|| CASE WHEN date_trunc('second', t) <> t
				THEN '.' || rtrim(to_char(t AT TIME ZONE 'Asia/Kolkata', 'US'), '0') ELSE '' END
			|| '+05:30');
END
$fn$;

CREATE OR REPLACE FUNCTION core.fir_number_text(fir_no int, year int) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT lpad(fir_no::text, greatest(4, length(fir_no::text)), '0') || '/' || year::text);
END
$fn$;

CREATE OR REPLACE FUNCTION core.address_json(line1 text, line2 text, city text, district_code int, state_code int,
	pincode text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT nullif(jsonb_strip_nulls(jsonb_build_object('line1', line1, 'line2', line2, 'city', city,
			'district_code', district_code, 'state_code', state_code, 'pincode', pincode)), '{}'));
END
$fn$;

CREATE OR REPLACE FUNCTION core.officer_json(number text, name text, rank text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT nullif(jsonb_strip_nulls(jsonb_build_object('number', number, 'name', name, 'rank', rank)), '{}'));
END
$fn$;

CREATE OR REPLACE FUNCTION core.person_json(p core.fir_person) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT nullif(jsonb_strip_nulls(jsonb_build_object('name', p.name, 'relative_kind', p.relative_kind,
			'relative_name', p.relative_name, 'gender', p.gender,
			'date_of_birth', to_char(p.date_of_birth, 'YYYY-MM-DD'), 'year_of_birth', p.year_of_birth,
			'nationality', p.nationality, 'occupation', p.occupation,
			'address', core.address_json(p.addr_line1, p.addr_line2, p.addr_city, p.addr_district_code,
				p.addr_state_code, p.addr_pincode),
			'phone', p.phone, 'person_id', p.person_id)), '{}'));
END
$fn$;

CREATE OR REPLACE FUNCTION core.station_ref_json(state_code int, district_code int, station_code int, station_name text,
	district_name text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT nullif(jsonb_strip_nulls(jsonb_build_object('state_code', state_code, 'district_code', district_code,
			'station_code', station_code, 'station_name', station_name, 'district_name', district_name)), '{}'));
END
$fn$;

CREATE OR REPLACE FUNCTION core.station_identity_json(state int, district int, station int) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT jsonb_strip_nulls(jsonb_build_object('kind', 'station', 'state_code', state,
			'district_code', district, 'station_code', station,
			'station_name', (SELECT s.name FROM ref.station s
				WHERE s.state_code = state AND s.district_code = district AND s.station_code = station),
			'district_name', (SELECT d.name FROM ref.district d
				WHERE d.state_code = state AND d.district_code = district),
			'state_name', (SELECT st.name FROM ref.state st WHERE st.code = state)))
		WHERE station IS NOT NULL);
END
$fn$;

CREATE OR REPLACE FUNCTION core.fir_receipt_json(f core.fir) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT jsonb_strip_nulls(jsonb_build_object(
			'fir_number', core.fir_number_text(f.fir_no, f.year),
			'year', f.year,
			'number', f.fir_no,
			'station', core.station_identity_json(f.state_code, f.district_code, f.station_code),
			'registered_at', core.ist_text(date_trunc('second', f.registered_at)),
			'idempotency_key', encode(f.idempotency_key, 'base64'),
			'gd_date', to_char(f.gd_date, 'YYYY-MM-DD'),
			'gd_number', f.gd_no,
			'gd_entered_at', (SELECT core.ist_text(date_trunc('second', g.entered_at))
				FROM core.gd_entry g
				WHERE g.state_code = f.state_code AND g.year = f.year AND g.district_code = f.district_code
					AND g.station_code = f.station_code AND g.gd_date = f.gd_date AND g.gd_no = f.gd_no))));
END
$fn$;

CREATE OR REPLACE FUNCTION core.fir_content_json(f core.fir) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		-- Unset fields are left out, as pbjson does: stored values are never ""
		-- or 0 (register_fir stores those as NULL), so dropping NULLs and empty
		-- messages is enough.
		SELECT jsonb_strip_nulls(jsonb_build_object(
			'occurred_from', core.ist_text(f.occurred_from),
			'occurred_to', core.ist_text(f.occurred_to),
			'information_received_at', core.ist_text(f.information_received_at),
			'information_type', f.information_type,
			'place', nullif(jsonb_strip_nulls(jsonb_build_object(
				'address', core.address_json(f.place_line1, f.place_line2, f.place_city,
					f.place_district_code, f.place_state_code, f.place_pincode),
				'distance_m', f.place_distance_m,
				'direction', f.place_direction,
				'beat', f.place_beat)), '{}'),
			'charges', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('act', c.act,
						'section', c.section, 'law', c.law))
					ORDER BY c.seq)
				FROM core.fir_charge c
				WHERE c.state_code = f.state_code AND c.year = f.year AND c.fir_id = f.fir_id),
			'complainant', core.person_json(cp),
			'accused', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
						'kind', CASE p.role WHEN 'accused' THEN 'known' WHEN 'suspect' THEN 'suspected'
							ELSE 'unknown' END,
						'person', core.person_json(p),
						'description', p.description,
						'count', p.count))
					ORDER BY p.seq)
				FROM core.fir_person p
				WHERE p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id AND p.seq > 0),
			'brief_facts', f.brief_facts,
			'properties', pr.list,
			'delay_reason', f.delay_reason,
			'officer', core.officer_json(f.officer_number, f.officer_name, f.officer_rank),
			'complainant_passport', nullif(jsonb_strip_nulls(jsonb_build_object('number', cp.passport_number,
				'date_of_issue', to_char(cp.passport_issued_on, 'YYYY-MM-DD'),
				'place_of_issue', cp.passport_issue_place)), '{}'),
			'informant', (SELECT core.person_json(p) FROM core.fir_person p
				WHERE p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id AND p.seq = -1),
			'outside_station', core.station_ref_json(f.outside_state_code, f.outside_district_code,
				f.outside_station_code, f.outside_station_name, f.outside_district_name),
			'inquest_number', f.inquest_number,
			'action_taken', nullif(jsonb_strip_nulls(jsonb_build_object('action', f.action,
				'reason', f.action_reason,
				'to_station', core.station_ref_json(f.action_state_code, f.action_district_code,
					f.action_station_code, f.action_station_name, f.action_district_name),
				'text', f.action_text)), '{}'),
			'dispatched_to_court_at', core.ist_text(f.dispatched_to_court_at),
			'total_value_rupees', nullif(pr.total, 0),
			'e_fir', CASE WHEN f.e_fir THEN true END,
			'zero_fir', CASE WHEN f.zero_fir THEN true END))
		FROM (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', o.kind,
					'description', o.description, 'value_rupees', o.value_rupees)) ORDER BY o.seq) AS list,
				sum(o.value_rupees) AS total
			FROM core.fir_property o
			WHERE o.state_code = f.state_code AND o.year = f.year AND o.fir_id = f.fir_id) pr
		LEFT JOIN core.fir_person cp ON cp.state_code = f.state_code AND cp.year = f.year
			AND cp.fir_id = f.fir_id AND cp.seq = 0);
END
$fn$;

CREATE OR REPLACE FUNCTION core.fir_transfer_to_json(f core.fir) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT jsonb_strip_nulls(jsonb_build_object(
			'station', core.station_identity_json(f.transferred_to_state_code, f.transferred_to_district_code,
				f.transferred_to_station_code),
			'fir_number', core.fir_number_text(f.transferred_to_fir_no, f.transferred_to_year),
			'at', core.ist_text(date_trunc('second', f.transferred_at)),
			'reason', f.transfer_reason,
			'officer', core.officer_json(f.transfer_officer_number, f.transfer_officer_name, f.transfer_officer_rank),
			'exported', CASE WHEN f.transfer_exported THEN true END))
		WHERE f.transferred_at IS NOT NULL);
END
$fn$;

CREATE OR REPLACE FUNCTION core.fir_transfer_from_json(f core.fir) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT jsonb_strip_nulls(jsonb_build_object(
			'station', core.station_identity_json(s.state_code, s.district_code, s.station_code),
			'fir_number', core.fir_number_text(s.fir_no, s.year),
			'at', core.ist_text(date_trunc('second', s.transferred_at)),
			'reason', s.transfer_reason,
			'officer', core.officer_json(s.transfer_officer_number, s.transfer_officer_name, s.transfer_officer_rank)))
		FROM core.fir s
		WHERE f.transferred_from_fir_id IS NOT NULL AND s.state_code = f.state_code
			AND s.year = f.transferred_from_year AND s.fir_id = f.transferred_from_fir_id);
END
$fn$;

CREATE OR REPLACE FUNCTION core.fir_json(f core.fir) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (
		SELECT jsonb_strip_nulls(jsonb_build_object(
			'receipt', core.fir_receipt_json(f),
			'content', core.fir_content_json(f),
			'status', f.status,
			'transferred_to', core.fir_transfer_to_json(f),
			'transferred_from', core.fir_transfer_from_json(f),
			'efir_sign_by', core.ist_text(date_trunc('second', f.efir_sign_by)),
			'efir_signed_at', core.ist_text(f.efir_signed_at))));
END
$fn$;

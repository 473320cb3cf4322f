-- 0040_registration_cost.sql: the database time of one FIR registration,
-- cut where it was measured to go, with the same results (issue 7).
--
-- Measured (tests/bench/README.md "Where the time goes", registration):
-- pgbench calling api.register_fir with the bench sample FIR, one station
-- per client, track_functions = all, pg_waldump --stats, and samples of
-- pg_stat_activity's wait events:
--
-- * the person search keys themselves are cheap: core.name_key 7 us a
--   token, core.name_tokens 8 us, core.search_words 43 us a text, about
--   0.4 ms of a registration's ~7 ms at one client. What grows with
--   concurrency is the GIN index of core.person_search: 0025 made it with
--   fastupdate = off, so each person inserts each of its ~35 tags into the
--   index tree one by one (69 Gin/INSERT WAL records of a registration's
--   ~130, 30 % of its WAL), and the common tags (D:district, G:gender,
--   Y:band, S:station, the first letters) are the same posting-tree leaf
--   for every concurrent registration, locked exclusively in turn
--   (LWLock:BufferContent waits). At 16 clients the statement trigger's
--   own time went from 0.3 ms to 3.6-6.6 ms a person.
--   Here: fastupdate = on with a small pending list (gin_pending_list_limit
--   = 128 kB). A new person's tags go to the pending list in one WAL
--   record; when the list passes 128 kB (about 100 persons) the backend
--   that passed it moves the whole list into the tree, one insertion per
--   distinct tag for all those persons. A search reads the pending list as
--   well as the tree (the same answers; a person registered a moment ago
--   is found at once), a list of at most 128 kB (16 pages). The price: the
--   registration that passes the limit moves the list (15 pages held 183
--   persons; gin_clean_pending_list on them took 13-25 ms on the shared
--   2-core machine), about one registration in 90.
--
-- * core.property_numbers (the numbers in a property's description, run
--   for every stolen property of an FIR) and core.vehicle_no_normalise
--   (per word of it) were SQL functions with SET search_path: never
--   inlined, planned anew at every call (PostgreSQL 15 keeps no plan of
--   a SQL function between calls): 0.3-0.8 ms a property. Now
--   core.property_numbers is PL/pgSQL (its plan is kept for the session)
--   with the normalisation written inline, and core.vehicle_no_normalise
--   has no SET clause and names its functions by schema, so that it is
--   inlined where it is called. Same bodies, same results.
--
-- Nothing else changes: the search rows, the tags, the keys and the
-- numbers are computed by the same expressions as before
-- (schema/tests/reg_checks.sql compares them with the definitions of
-- 0015, 0025 and 0026 over a varied sample).

-- ------------------------------------------------------------ person search GIN: pending list

-- The partition of a state, its GIN index with the pending list. A
-- partitioned index's options cannot be changed (PostgreSQL 15), so the
-- parent core.person_search_tags keeps fastupdate = off in its definition
-- and every partition's index is set here.
CREATE FUNCTION core.person_search_gin_options(state int) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	idx regclass;
BEGIN
	FOR idx IN SELECT i.indexrelid::regclass
		FROM pg_index i
		JOIN pg_class c ON c.oid = i.indexrelid
		JOIN pg_am a ON a.oid = c.relam
		WHERE i.indrelid = to_regclass(format('core.%I', 'person_search_' || state)) AND a.amname = 'gin'
	LOOP
		EXECUTE format('ALTER INDEX %s SET (fastupdate = on, gin_pending_list_limit = 128)', idx);
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.person_search_gin_options(int) IS
	'Set the GIN index of core.person_search_<state> to fastupdate = on, gin_pending_list_limit = 128 kB: a new person''s tags go to a short pending list in one write, moved into the index tree about 100 persons at a time (0040)';

CREATE OR REPLACE FUNCTION core.person_search_partition(state int) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF to_regclass(format('core.%I', 'person_search_' || state)) IS NOT NULL THEN
		RETURN;
	END IF;
	PERFORM pg_catalog.pg_advisory_xact_lock(1128485966, 25);
	IF to_regclass(format('core.%I', 'person_search_' || state)) IS NULL THEN
		EXECUTE format('CREATE TABLE core.%I PARTITION OF core.person_search FOR VALUES IN (%s)',
			'person_search_' || state, state);
		EXECUTE format('REVOKE ALL ON core.%I FROM cctns_analyst', 'person_search_' || state);
		PERFORM core.person_search_gin_options(state);
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.person_search_partition(int) IS
	'Create core.person_search_<state> when missing (under a transaction advisory lock), closed to the analyst, its GIN index with a short pending list (core.person_search_gin_options)';

SELECT core.person_search_gin_options(substr(c.relname, length('person_search_') + 1)::int)
FROM pg_inherits h
JOIN pg_class c ON c.oid = h.inhrelid
WHERE h.inhparent = 'core.person_search'::regclass;

-- ------------------------------------------------------------ identifying numbers

CREATE OR REPLACE FUNCTION core.vehicle_no_normalise(written text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
	SELECT NULLIF(pg_catalog.upper(pg_catalog.regexp_replace(written, '[^A-Za-z0-9]', '', 'g')), '')
$fn$;
COMMENT ON FUNCTION core.vehicle_no_normalise(text) IS
	'A registration, chassis or engine number without spaces, dashes, dots or slashes, in upper case: how numbers are stored for search and compared. No SET clause, every function named by schema: inlined where it is called (0040)';

CREATE OR REPLACE FUNCTION core.property_numbers(txt text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (SELECT coalesce(array_agg(DISTINCT n ORDER BY n), '{}')
		FROM (SELECT NULLIF(upper(regexp_replace(w, '[^A-Za-z0-9]', '', 'g')), '') AS n
			FROM regexp_split_to_table(coalesce(txt, ''), '[\s,;:/#()\[\]]+') w) x
		WHERE length(n) BETWEEN 6 AND 24 AND length(regexp_replace(n, '[^0-9]', '', 'g')) >= 4);
END
$fn$;
COMMENT ON FUNCTION core.property_numbers(text) IS
	'Identifying numbers (IMEI, serial, arms, frame numbers) in a text: words of 6 to 24 letters and digits with at least 4 digits, normalised as core.vehicle_no_normalise (upper case, no spaces, dashes or dots). PL/pgSQL so that its plan is kept for the session (0040)';

-- The hand-over of property identifiers from api.register_fir (and the
-- other wrappers of 0032) to the item triggers: SQL functions with SET
-- search_path, planned anew at every call (0.06-0.17 ms each, five calls a
-- registration). PL/pgSQL with the same expressions: plans kept.
CREATE OR REPLACE FUNCTION core.property_ids_strip(doc jsonb, field text, sub text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF jsonb_typeof(doc -> field) IS DISTINCT FROM 'array' THEN
		RETURN doc;
	END IF;
	RETURN jsonb_set(doc, ARRAY[field], (SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(e) = 'object'
			THEN e - sub ELSE e END ORDER BY n), '[]')
		FROM jsonb_array_elements(doc -> field) WITH ORDINALITY x(e, n)));
END
$fn$;
COMMENT ON FUNCTION core.property_ids_strip(jsonb, text, text) IS
	'A request document with field sub (the identifiers) of the items of its array field removed (the earlier functions know no such field). PL/pgSQL, plan kept (0040)';

CREATE OR REPLACE FUNCTION core.property_ids_set(ids jsonb) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM set_config('cctns.property_ids', coalesce(ids::text, ''), true);
END
$fn$;
COMMENT ON FUNCTION core.property_ids_set(jsonb) IS
	'Set (NULL: clear) the identifiers of the items being written, read by core.property_number_trigger. PL/pgSQL (0040)';

CREATE OR REPLACE FUNCTION core.property_ids_of(i int) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN coalesce(nullif(current_setting('cctns.property_ids', true), '')::jsonb -> i, '[]');
END
$fn$;
COMMENT ON FUNCTION core.property_ids_of(int) IS
	'The identifiers given for item i (0-based) of the record being written (core.property_ids_set), [] when none. PL/pgSQL (0040)';

REVOKE ALL ON FUNCTION core.person_search_gin_options(int) FROM PUBLIC;

-- sql55_checks.sql: checks of migration 0055 (a registration's statements) against a real,
-- migrated database, with hand-made data of test stations 990390-990391 (state 32, its first
-- district). Run by run_api_checks.sh; any failed check raises an exception.
--
-- 0055: core.fir_store notes the FIR it inserts as new (cctns.fir_new) before the statement
-- that writes its rows, so the rendered-copy triggers of those rows (core.fir_rendered_forget)
-- return at once instead of locking the FIR and deleting nothing from core.fir_rendered; and
-- api.register_fir passes the document as it is when no property carries identifiers.

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;

SELECT set_config('sql55.district', min(district_code)::text, false) FROM ref.district WHERE state_code = 32;
INSERT INTO ref.station (state_code, district_code, station_code, name, active)
SELECT 32, current_setting('sql55.district')::int, s, 'Test PS ' || s || ' (sql55)', true
FROM (VALUES (990390), (990391)) v (s)
ON CONFLICT DO NOTHING;

-- Scans of core.fir_rendered by this backend in this transaction (not yet reported: the
-- difference across one registration inside one transaction is the registration's).
CREATE FUNCTION pg_temp.rendered_scans() RETURNS bigint LANGUAGE sql AS $fn$
	SELECT coalesce((SELECT seq_scan + coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables
		WHERE relid = 'core.fir_rendered'::regclass), 0)
$fn$;
CREATE FUNCTION pg_temp.register(station int, fir jsonb) RETURNS text LANGUAGE sql AS $fn$
	SELECT r.fir_number FROM api.register_fir(32, current_setting('sql55.district')::int, station,
		pg_temp.key(), fir) r
$fn$;

-- A registration (charges, persons, a property: three child tables with rendered-copy
-- triggers) does not touch core.fir_rendered: its FIR is new, nothing of it is rendered.
BEGIN;
SELECT set_config('sql55.scans', pg_temp.rendered_scans()::text, true);
SELECT set_config('sql55.no', pg_temp.register(990390, pg_temp.sample()), false);
SELECT pg_temp.check(pg_temp.rendered_scans() = current_setting('sql55.scans')::bigint,
	'0055: a registration''s child rows do not lock its new FIR or delete from core.fir_rendered');
SELECT pg_temp.check(core.fir_is_new(f.state_code, f.year, f.fir_id),
	'0055: the registered FIR is noted as new in its transaction')
FROM core.fir f
WHERE f.state_code = 32 AND f.station_code = 990390
	AND f.fir_no = split_part(current_setting('sql55.no'), '/', 1)::int
	AND f.year = split_part(current_setting('sql55.no'), '/', 2)::int;
COMMIT;

-- The rows were written all the same: the FIR, its diary entry, charges, persons, property.
SELECT pg_temp.check(count(*) = 1 AND bool_and(f.gd_no IS NOT NULL)
		AND bool_and(EXISTS (SELECT 1 FROM core.fir_charge c WHERE c.state_code = f.state_code
			AND c.year = f.year AND c.fir_id = f.fir_id))
		AND bool_and(EXISTS (SELECT 1 FROM core.fir_person p WHERE p.state_code = f.state_code
			AND p.year = f.year AND p.fir_id = f.fir_id))
		AND bool_and(EXISTS (SELECT 1 FROM core.fir_property p WHERE p.state_code = f.state_code
			AND p.year = f.year AND p.fir_id = f.fir_id))
		AND bool_and(f.content_sha256 = sha256(convert_to(pg_temp.sample()::text, 'UTF8'))),
	'0055: the registered FIR has its diary entry, charges, persons and property; its hash is that of the document as given (no identifiers to strip)')
FROM core.fir f
WHERE f.state_code = 32 AND f.station_code = 990390
	AND f.fir_no = split_part(current_setting('sql55.no'), '/', 1)::int
	AND f.year = split_part(current_setting('sql55.no'), '/', 2)::int;

-- With identifiers on a property, the document is still stored without them (the hash of
-- the stripped document) and the identifier is recorded.
SELECT set_config('sql55.ids', jsonb_set(pg_temp.sample(), '{properties,0,identifiers}',
	'[{"kind": "serial", "number": "SQL55-778899"}]')::text, false);
SELECT set_config('sql55.no2', pg_temp.register(990391, current_setting('sql55.ids')::jsonb), false);
SELECT pg_temp.check(count(*) = 1
		AND bool_and(f.content_sha256 = sha256(convert_to(core.property_ids_strip(
			current_setting('sql55.ids')::jsonb, 'properties', 'identifiers')::text, 'UTF8')))
		AND bool_and(f.content_sha256 <> sha256(convert_to(current_setting('sql55.ids'), 'UTF8')))
		AND bool_and(EXISTS (SELECT 1 FROM core.property_identifier i WHERE i.state_code = f.state_code
			AND i.record_id = f.fir_id AND i.number = 'SQL55-778899')),
	'0055: a property with identifiers: the FIR is stored without them (hash of the stripped document) and the identifier is recorded')
FROM core.fir f
WHERE f.state_code = 32 AND f.station_code = 990391
	AND f.fir_no = split_part(current_setting('sql55.no2'), '/', 1)::int
	AND f.year = split_part(current_setting('sql55.no2'), '/', 2)::int;

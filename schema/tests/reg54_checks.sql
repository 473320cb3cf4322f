-- reg54_checks.sql: checks of migration 0054 (plans that do not go stale as a partition grows)
-- against a real, migrated database, with hand-made data of test stations 990380-990381
-- (state 32, its first district). Run by run_api_checks.sh; any failed check raises an
-- exception.
--
-- A connection keeps the plans of its PL/pgSQL statements (and trigger functions) once they
-- go generic. cctns-server's pool connects once and keeps its connections: a statement
-- planned while the year's FIR partition held a few dozen rows (autovacuum analyzes it then)
-- was kept as that plan after the partition had grown. The one that did harm:
-- core.fir_rendered_forget's lock of the FIRs whose rows a statement inserted (a
-- registration's charges, persons and properties), planned as a hash join over a sequential
-- scan of the whole partition: 1 ms a call and growing with the partition, three calls a
-- registration. 0054 makes every plan of that function use the indexes whatever the sizes
-- when it was planned. Since 0055 a registration's own rows skip that lock (the FIR is noted
-- as new first), so the check goes through the path that still takes it: a change to the
-- charges of an FIR registered in an earlier transaction. One connection changes such an FIR's
-- charges while the partition is small and analyzed, so the trigger's plans are cached
-- generic; the partition then grows to 5,000 rows (autovacuum kept off it, as between two of
-- its runs); the same connection changes the charges again, and that must not scan the
-- partition sequentially (pg_stat_xact_user_tables: this backend's scans not yet reported).

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;

SELECT set_config('reg54.district', min(district_code)::text, false) FROM ref.district WHERE state_code = 32;
INSERT INTO ref.station (state_code, district_code, station_code, name, active)
SELECT 32, current_setting('reg54.district')::int, s, 'Test PS ' || s || ' (reg54)', true
FROM (VALUES (990380), (990381)) v (s)
ON CONFLICT DO NOTHING;

-- Register one FIR at station 990380 (in this connection); its number.
CREATE FUNCTION pg_temp.register() RETURNS text LANGUAGE sql AS $fn$
	SELECT r.fir_number FROM api.register_fir(32, current_setting('reg54.district')::int, 990380,
		pg_temp.key(), pg_temp.sample()) r
$fn$;

-- Change the charges of the FIR registered first below (reg54.year, reg54.fir: in an earlier
-- transaction): an UPDATE by the charges' own key that rewrites each charge as it is, so that
-- core.fir_charge's update trigger (core.fir_rendered_forget) locks the FIR row; the charges
-- changed. (Found by key, so that nothing but the trigger reads the FIR partition.)
CREATE FUNCTION pg_temp.touch() RETURNS int LANGUAGE plpgsql AS $fn$
DECLARE
	n int;
BEGIN
	UPDATE core.fir_charge c SET law = c.law
	WHERE c.state_code = 32 AND c.year = current_setting('reg54.year')::smallint
		AND c.fir_id = current_setting('reg54.fir')::bigint;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$fn$;

-- n filler FIRs at station 990381: copies of the first FIR of station 990380 with numbers of
-- their own (no children: they only make the partition as big as a station's year), dated
-- at the start of the year, as FIRs from before the General Diary was kept (no diary entry).
CREATE FUNCTION pg_temp.fill(n int) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
	base int := coalesce((SELECT max(fir_no) FROM core.fir WHERE state_code = 32 AND station_code = 990381), 0);
	jan1 timestamptz := date_trunc('year', now() AT TIME ZONE 'Asia/Kolkata') AT TIME ZONE 'Asia/Kolkata'
		+ interval '1 minute';
BEGIN
	INSERT INTO core.fir (state_code, year, district_code, station_code, fir_no, registered_at,
		occurred_from, information_received_at, information_type, brief_facts, idempotency_key,
		content_sha256)
	SELECT f.state_code, f.year, f.district_code, 990381, base + g, jan1, jan1, jan1,
		f.information_type, f.brief_facts, pg_temp.key(), f.content_sha256
	FROM (SELECT * FROM core.fir WHERE state_code = 32 AND station_code = 990380 ORDER BY fir_id LIMIT 1) f,
		generate_series(1, n) g;
END
$fn$;

-- The partition FIRs registered now go to.
SELECT pg_temp.register();
SELECT set_config('reg54.part', tableoid::regclass::text, false),
	set_config('reg54.year', year::text, false), set_config('reg54.fir', fir_id::text, false)
FROM core.fir WHERE state_code = 32 AND station_code = 990380 ORDER BY fir_id DESC LIMIT 1;
-- Leftovers of an earlier run of these checks: none of the filler, and its pages gone.
DELETE FROM core.fir WHERE state_code = 32 AND station_code = 990381;
SELECT format('VACUUM %s', current_setting('reg54.part')) \gexec

-- Small, as a partition early in its year, and analyzed, as autovacuum does after its first
-- 50 rows; autovacuum is then kept off it, so nothing re-plans while it grows.
SELECT pg_temp.fill(60);
DO $$
BEGIN
	EXECUTE format('ALTER TABLE %s SET (autovacuum_enabled = off)', current_setting('reg54.part'));
	EXECUTE format('ANALYZE %s', current_setting('reg54.part'));
END
$$;

-- This connection's plans: more than five changes, so every plan has gone generic.
SELECT pg_temp.check(pg_temp.touch() > 0, 'reg54: the FIR changed has charges');
SELECT count(pg_temp.touch()) FROM generate_series(1, 8);

SELECT pg_temp.fill(5000);

-- The same connection changes the charges again: no sequential scan of the partition. The
-- counter is this backend's, not yet reported (reported when it is idle, at most once a
-- second), so it also holds scans of the statements before: the difference across the
-- change, inside one transaction, is the change's.
CREATE FUNCTION pg_temp.seq_scans() RETURNS bigint LANGUAGE sql AS $fn$
	SELECT coalesce((SELECT seq_scan FROM pg_stat_xact_user_tables
		WHERE relid = current_setting('reg54.part')::regclass), 0)
$fn$;
BEGIN;
SELECT set_config('reg54.scans', pg_temp.seq_scans()::text, true);
SELECT pg_temp.touch();
SELECT pg_temp.check(pg_temp.seq_scans() = current_setting('reg54.scans')::bigint,
	'0054: a change to an FIR''s charges on a connection that planned while its FIR partition was small does not scan it sequentially once it has 5,000 rows');
COMMIT;

-- Leave the partition as other checks expect it.
DELETE FROM core.fir WHERE state_code = 32 AND station_code = 990381;
SELECT format('VACUUM %s', current_setting('reg54.part')) \gexec
DO $$
BEGIN
	EXECUTE format('ALTER TABLE %s RESET (autovacuum_enabled)', current_setting('reg54.part'));
END
$$;

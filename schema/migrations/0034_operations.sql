-- 0034_operations.sql: what the State Data Centre operator needs from the
-- database (issue 7, operations): partitions made a year ahead, old years
-- detached for archiving, the replication lag the server reports on
-- /metrics, and the facts `cctns-admin status` shows on one screen.
--
-- Partitions over time. Every case table in core.partitioned_table is
-- LIST (state_code) then RANGE (year); core.ensure_partitions(state, year)
-- (0019) makes one state's partitions of one year, and registrations call it
-- for the year they write. core.partitions_ensure_year makes a whole year for
-- every state the database serves (states with a registered station or with
-- partitions already), so the first FIR of 1 January never waits on DDL;
-- `cctns-admin partitions ensure` runs it from a monthly systemd timer.
--
-- Detaching a year (core.partitions_detach_year) is for archiving: it is
-- refused while a case of that year is still open (see
-- core.partitions_open_cases) unless forced, and PostgreSQL itself refuses
-- it while a record of a later year (an arrest, a court record) still refers
-- to one of that year's FIRs. Detached partitions stay in schema core as
-- plain tables, without their foreign keys (the archive holds data, not
-- links into the live tables), until `cctns-admin partitions detach
-- --drop` has dumped and verified them and calls core.partitions_drop_year.
-- Everything here is owner-only: it changes the shape of the case tables.

-- ------------------------------------------------------------ partitions

CREATE FUNCTION core.partition_states() RETURNS SETOF int
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT DISTINCT s.state_code FROM ref.station s
	UNION
	SELECT substring(c.relname FROM '^fir_([0-9]+)$')::int
	FROM pg_catalog.pg_class c
	WHERE c.relnamespace = 'core'::regnamespace AND c.relname ~ '^fir_[0-9]+$' AND c.relispartition
	ORDER BY 1
$fn$;
COMMENT ON FUNCTION core.partition_states() IS
	'The states this database serves: every state with a station in ref.station or a partition of core.fir already; core.partitions_ensure_year makes a year''s partitions for each';

CREATE FUNCTION core.partitions_ensure_year(year int) RETURNS TABLE (state_code int, created int)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	st int;
BEGIN
	IF year IS NULL OR year < 2000 OR year > 2199 THEN
		RAISE EXCEPTION 'year must be between 2000 and 2199, not %', year
			USING ERRCODE = 'CT400', COLUMN = 'year';
	END IF;
	FOR st IN SELECT * FROM core.partition_states() LOOP
		state_code := st;
		created := core.ensure_partitions(st, year);
		RETURN NEXT;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.partitions_ensure_year(int) IS
	'Make every missing partition of the given year for every state of core.partition_states(), all case tables; idempotent (a second run creates 0). One row per state with the number of partitions created. Owner only; `cctns-admin partitions ensure` and its monthly timer run it';

-- Year partitions in core: attached ones (relispartition) and ones detached
-- by core.partitions_detach_year (same names, no longer partitions).
CREATE VIEW core.partition_year AS
SELECT t.name AS table_name,
	m[1]::int AS state_code,
	m[2]::int AS year,
	c.oid::regclass AS partition,
	c.relispartition AS attached,
	greatest(c.reltuples, 0)::bigint AS estimated_rows,
	pg_catalog.pg_total_relation_size(c.oid) AS bytes
FROM core.partitioned_table t
JOIN pg_catalog.pg_class c ON c.relnamespace = 'core'::regnamespace AND c.relkind IN ('r', 'p')
CROSS JOIN LATERAL regexp_match(c.relname, '^' || t.name || '_([0-9]+)_([0-9]{4})$') m
WHERE m IS NOT NULL;
COMMENT ON VIEW core.partition_year IS
	'Every year partition of every case table (core.partitioned_table): its state, year, whether it is attached or was detached for archiving, estimated rows (planner statistics) and size. Owner only';
COMMENT ON COLUMN core.partition_year.table_name IS 'The partitioned case table (core.partitioned_table.name)';
COMMENT ON COLUMN core.partition_year.state_code IS 'LGD state code of the partition';
COMMENT ON COLUMN core.partition_year.year IS 'Year of the partition';
COMMENT ON COLUMN core.partition_year.partition IS 'The partition, core.<table>_<state>_<year>';
COMMENT ON COLUMN core.partition_year.attached IS 'True while it is a partition; false after core.partitions_detach_year (a plain table waiting to be archived and dropped)';
COMMENT ON COLUMN core.partition_year.estimated_rows IS 'Rows by the planner''s statistics (pg_class.reltuples; 0 before the first ANALYZE)';
COMMENT ON COLUMN core.partition_year.bytes IS 'Size on disk with indexes and TOAST';

CREATE FUNCTION core.partition_years(exact boolean) RETURNS TABLE (
	year int, states int, partitions int, detached int, fir_rows bigint, all_rows bigint, bytes bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r record;
	q record;
	n bigint;
BEGIN
	FOR r IN SELECT p.year AS y, count(DISTINCT p.state_code)::int AS s, count(*)::int AS np,
			count(*) FILTER (WHERE NOT p.attached)::int AS nd, sum(p.bytes)::bigint AS b
		FROM core.partition_year p GROUP BY p.year ORDER BY p.year LOOP
		year := r.y;
		states := r.s;
		partitions := r.np;
		detached := r.nd;
		bytes := r.b;
		fir_rows := 0;
		all_rows := 0;
		FOR q IN SELECT p.partition, p.table_name, p.estimated_rows FROM core.partition_year p
			WHERE p.year = r.y LOOP
			IF exact THEN
				EXECUTE format('SELECT count(*) FROM %s', q.partition) INTO n;
			ELSE
				n := q.estimated_rows;
			END IF;
			all_rows := all_rows + n;
			IF q.table_name = 'fir' THEN
				fir_rows := fir_rows + n;
			END IF;
		END LOOP;
		RETURN NEXT;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.partition_years(boolean) IS
	'One row per year that has partitions: states, partitions (detached ones among them), FIRs and rows of every case table (exact: count(*) of each partition; else planner estimates) and bytes. Owner only; `cctns-admin partitions list`';

CREATE FUNCTION core.partitions_missing(year int) RETURNS int
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT count(*)::int FROM core.partition_states() s (state_code)
	WHERE to_regclass(format('core.%I', (SELECT p.name FROM core.partitioned_table p
		ORDER BY p.create_order DESC LIMIT 1) || '_' || s.state_code || '_' || year)) IS NULL
$fn$;
COMMENT ON FUNCTION core.partitions_missing(int) IS
	'How many states of core.partition_states() lack the partitions of the given year (the last table in create_order is made last, so its partition stands for all); `cctns-admin status` warns when next year''s are missing after 1 November';

CREATE FUNCTION core.partitions_open_cases(year int) RETURNS bigint
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT count(*) FROM core.fir f
	WHERE f.year = partitions_open_cases.year
		AND f.status::text NOT IN (SELECT s.code FROM ref.case_status s
			WHERE s.final OR s.code IN ('court_disposed', 'final_report'))
$fn$;
COMMENT ON FUNCTION core.partitions_open_cases(int) IS
	'FIRs of the year whose case is still open: any status but the final ones (transferred, appeal_decided), court_disposed and final_report. core.partitions_detach_year refuses a year with open cases unless forced';

CREATE FUNCTION core.partitions_detach_year(year int, force boolean) RETURNS SETOF regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r record;
	k record;
	open_cases bigint;
BEGIN
	IF year IS NULL OR year < 2000 OR year > 2199 THEN
		RAISE EXCEPTION 'year must be between 2000 and 2199, not %', year
			USING ERRCODE = 'CT400', COLUMN = 'year';
	END IF;
	IF year >= extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int THEN
		RAISE EXCEPTION 'year % is the current or a future year: only past years are archived', year
			USING ERRCODE = 'CT400', COLUMN = 'year';
	END IF;
	open_cases := core.partitions_open_cases(year);
	IF open_cases > 0 AND NOT coalesce(force, false) THEN
		RAISE EXCEPTION '% case(s) of % are still open', open_cases, year
			USING ERRCODE = 'CT409', COLUMN = 'year',
			HINT = 'close them first, or detach anyway with --force (the archive then holds open cases)';
	END IF;
	PERFORM pg_catalog.pg_advisory_xact_lock(1128485966, 2);
	-- Children first (reverse create_order): a partition still referred to by
	-- an attached one cannot be detached.
	FOR r IN SELECT p.partition, p.table_name, p.state_code, p.attached
		FROM core.partition_year p JOIN core.partitioned_table t ON t.name = p.table_name
		WHERE p.year = partitions_detach_year.year
		ORDER BY t.create_order DESC, p.state_code LOOP
		IF r.attached THEN
			EXECUTE format('ALTER TABLE core.%I DETACH PARTITION %s', r.table_name || '_' || r.state_code,
				r.partition);
		END IF;
		FOR k IN SELECT c.conname FROM pg_catalog.pg_constraint c
			WHERE c.conrelid = r.partition AND c.contype = 'f' AND c.conparentid = 0 LOOP
			EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.partition, k.conname);
		END LOOP;
		RETURN NEXT r.partition;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.partitions_detach_year(int, boolean) IS
	'Detach every partition of a past year (all states, all case tables, children first) and drop the detached tables'' foreign keys; they stay in core as plain tables to be dumped. Refused while cases of the year are open (core.partitions_open_cases) unless force; PostgreSQL refuses it while a later record refers to an FIR of the year. Idempotent: already detached partitions are listed again. Returns the tables. Owner only; `cctns-admin partitions detach`';

CREATE FUNCTION core.partitions_drop_year(year int) RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r record;
	n int := 0;
BEGIN
	FOR r IN SELECT p.partition FROM core.partition_year p
		WHERE p.year = partitions_drop_year.year AND NOT p.attached LOOP
		EXECUTE format('DROP TABLE %s', r.partition);
		n := n + 1;
	END LOOP;
	RETURN n;
END
$fn$;
COMMENT ON FUNCTION core.partitions_drop_year(int) IS
	'Drop the partitions of a year that core.partitions_detach_year detached (never an attached one); returns how many. Owner only; `cctns-admin partitions detach --drop` calls it only after the archive was written and verified';

-- ------------------------------------------------------------ replication

-- pg_stat_replication shows its lag columns only to members of
-- pg_read_all_stats; the owner holds it when the cluster's superuser granted
-- it (deploy/pgctl init and deploy/GUIDE.md do). Without it the rows are
-- there with NULL lags.
CREATE FUNCTION api.replication_status() RETURNS TABLE (
	role text, standby text, state text, lag_bytes bigint, replay_lag_seconds double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF pg_is_in_recovery() THEN
		role := 'standby';
		standby := NULL;
		state := 'recovering';
		lag_bytes := pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint;
		replay_lag_seconds := CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
			ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END;
		RETURN NEXT;
		RETURN;
	END IF;
	role := 'primary';
	FOR standby, state, lag_bytes, replay_lag_seconds IN
		SELECT coalesce(nullif(r.application_name, ''), host(r.client_addr), 'local'), r.state,
			pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn)::bigint,
			coalesce(extract(epoch FROM r.replay_lag), 0)
		FROM pg_stat_replication r ORDER BY 1 LOOP
		RETURN NEXT;
	END LOOP;
	IF NOT FOUND THEN
		standby := NULL;
		state := 'no_standby';
		lag_bytes := NULL;
		replay_lag_seconds := NULL;
		RETURN NEXT;
	END IF;
END
$fn$;
COMMENT ON FUNCTION api.replication_status() IS
	'Where this database stands in replication, for /metrics and cctns-admin status: on a standby one row (role standby, WAL received but not replayed in bytes, seconds since the last replayed commit, 0 when caught up); on a primary one row per streaming standby (application_name, state, bytes and seconds it has not replayed) or one row with state no_standby. Lags are NULL unless the owner is a member of pg_read_all_stats';
GRANT EXECUTE ON FUNCTION api.replication_status() TO cctns_server;

-- The lag columns of pg_stat_replication need pg_read_all_stats. PostgreSQL
-- 15 lets a CREATEROLE owner grant it; where it may not (16 and later), the
-- superuser grants it (deploy/GUIDE.md) and the lags read NULL until then.
DO $grant$
BEGIN
	GRANT pg_read_all_stats TO cctns_owner;
EXCEPTION WHEN insufficient_privilege THEN
	RAISE NOTICE 'cctns_owner is not a member of pg_read_all_stats: replication lags read NULL until the superuser grants it';
END
$grant$;

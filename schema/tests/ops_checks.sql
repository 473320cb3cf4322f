-- ops_checks.sql (issue 7, operations): checks of 0034_operations.sql against a real,
-- migrated database: who may call what (cctns_server executes api.replication_status and none
-- of the partition functions), core.partitions_ensure_year makes every table's partition of a
-- year for every state served and is idempotent, core.partition_year and core.partition_years
-- see them, core.partitions_missing counts states without them, core.partitions_detach_year
-- refuses the current year and a year with open cases (counted by
-- core.partitions_open_cases), api.replication_status answers on a primary. Test station
-- 990140 (state 9, district 118). Everything runs in one transaction rolled back at the end
-- (DDL too), so the year 2150 partitions it makes never stay. Any failed check raises.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990140, 'Test PS 990140 Agra (operations)', true)
ON CONFLICT DO NOTHING;

BEGIN;
DO $chk$
DECLARE
	tables int := (SELECT count(*) FROM core.partitioned_table);
	states int := (SELECT count(*) FROM core.partition_states());
	n int;
	r record;
BEGIN
	IF NOT has_function_privilege('cctns_server', 'api.replication_status()', 'EXECUTE') THEN
		RAISE EXCEPTION 'FAIL: cctns_server cannot execute api.replication_status()';
	END IF;
	IF has_function_privilege('cctns_server', 'core.partitions_ensure_year(int)', 'EXECUTE')
		OR has_function_privilege('cctns_server', 'core.partitions_detach_year(int, boolean)', 'EXECUTE')
		OR has_function_privilege('cctns_server', 'core.partitions_drop_year(int)', 'EXECUTE')
		OR has_function_privilege('cctns_analyst', 'core.partitions_ensure_year(int)', 'EXECUTE') THEN
		RAISE EXCEPTION 'FAIL: a partition function is executable by a role other than the owner';
	END IF;
	IF has_table_privilege('cctns_analyst', 'core.partition_year', 'SELECT') THEN
		RAISE EXCEPTION 'FAIL: the analyst reads core.partition_year';
	END IF;
	RAISE NOTICE 'ok: replication status for the server, partition functions owner-only';

	IF NOT 9 = ANY (ARRAY(SELECT core.partition_states())) THEN
		RAISE EXCEPTION 'FAIL: state 9 (station 990140) is not among the states served';
	END IF;
	IF core.partitions_missing(2150) <> states THEN
		RAISE EXCEPTION 'FAIL: partitions_missing(2150) is %, want every state (%)', core.partitions_missing(2150), states;
	END IF;
	SELECT count(*) AS c, sum(created) AS made INTO r FROM core.partitions_ensure_year(2150);
	IF r.c <> states OR r.made < states * tables THEN
		RAISE EXCEPTION 'FAIL: ensure_year(2150) answered % states, made % partitions; want %, at least %',
			r.c, r.made, states, states * tables;
	END IF;
	SELECT sum(created) INTO n FROM core.partitions_ensure_year(2150);
	IF n <> 0 THEN
		RAISE EXCEPTION 'FAIL: a second ensure_year(2150) made % partitions', n;
	END IF;
	IF core.partitions_missing(2150) <> 0 THEN
		RAISE EXCEPTION 'FAIL: partitions of 2150 still missing after ensure_year';
	END IF;
	IF (SELECT count(*) FROM core.partition_year WHERE year = 2150 AND attached) <> states * tables THEN
		RAISE EXCEPTION 'FAIL: core.partition_year does not list % partitions of 2150', states * tables;
	END IF;
	SELECT * INTO r FROM core.partition_years(true) WHERE year = 2150;
	IF r.partitions <> states * tables OR r.fir_rows <> 0 OR r.detached <> 0 THEN
		RAISE EXCEPTION 'FAIL: partition_years for 2150: % partitions, % FIRs, % detached', r.partitions, r.fir_rows, r.detached;
	END IF;
	RAISE NOTICE 'ok: % partitions of 2150 made once for % states, listed, none missing', states * tables, states;

	BEGIN
		PERFORM core.partitions_ensure_year(1999);
		RAISE EXCEPTION 'FAIL: ensure_year(1999) accepted';
	EXCEPTION WHEN SQLSTATE 'CT400' THEN NULL;
	END;
	BEGIN
		PERFORM core.partitions_detach_year(extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int, true);
		RAISE EXCEPTION 'FAIL: the current year was detached';
	EXCEPTION WHEN SQLSTATE 'CT400' THEN NULL;
	END;
	RAISE NOTICE 'ok: years out of range and the current year refused';

	-- A past year with one open case (a legacy record, registered before the diary existed).
	PERFORM core.ensure_partitions(9, 2011);
	INSERT INTO core.fir (state_code, year, district_code, station_code, fir_no, registered_at,
		occurred_from, information_received_at, information_type, brief_facts, idempotency_key,
		content_sha256)
	VALUES (9, 2011, 118, 990140, 1, '2011-05-02 10:00+05:30', '2011-05-01 08:00+05:30',
		'2011-05-01 09:00+05:30', 'oral', 'ops check legacy record', decode(md5('ops-990140'), 'hex'),
		decode(md5('a') || md5('b'), 'hex'));
	IF core.partitions_open_cases(2011) <> 1 THEN
		RAISE EXCEPTION 'FAIL: open cases of 2011: %, want 1', core.partitions_open_cases(2011);
	END IF;
	BEGIN
		PERFORM core.partitions_detach_year(2011, false);
		RAISE EXCEPTION 'FAIL: a year with an open case was detached';
	EXCEPTION WHEN SQLSTATE 'CT409' THEN NULL;
	END;
	SELECT count(*) INTO n FROM core.partitions_detach_year(2011, true);
	IF n <> tables OR (SELECT count(*) FROM core.fir WHERE year = 2011) <> 0
		OR (SELECT count(*) FROM core.fir_9_2011) <> 1 THEN
		RAISE EXCEPTION 'FAIL: forced detach of 2011: % tables, FIR left in core.fir or lost', n;
	END IF;
	IF EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = 'core.fir_9_2011'::regclass AND c.contype = 'f') THEN
		RAISE EXCEPTION 'FAIL: the detached core.fir_9_2011 kept a foreign key';
	END IF;
	IF core.partitions_drop_year(2011) <> tables OR to_regclass('core.fir_9_2011') IS NOT NULL THEN
		RAISE EXCEPTION 'FAIL: partitions_drop_year(2011) did not drop the detached tables';
	END IF;
	RAISE NOTICE 'ok: an open case blocks a detach; forced, every table of 2011 detached, without foreign keys, then dropped';

	SELECT * INTO r FROM api.replication_status();
	IF r.role <> 'primary' OR r.state <> 'no_standby' THEN
		RAISE EXCEPTION 'FAIL: replication_status on a lone primary: % %', r.role, r.state;
	END IF;
	RAISE NOTICE 'ok: api.replication_status says primary, no standby';
END
$chk$;
ROLLBACK;

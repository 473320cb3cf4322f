-- 0019_partition_access.sql: the persons master record stays out of the
-- analyst's reach in every partition, and the partition check every write
-- makes costs one catalog lookup however many case tables there are.
--
-- core.ensure_partitions granted SELECT to cctns_analyst on every partition
-- it made, so the REVOKE of 0008 (persons are personal data) held for the
-- parent tables but not for the partitions an analyst can name directly.
-- core.partitioned_table now says which tables the analyst reads; the
-- persons tables do not. (Which case data analysts see at all is decided by
-- the reporting schema; until then they read the case tables, as before.)
--
-- The fast path looked up every table's partition for the state and year:
-- 40 lookups per registration. Partitions are made in create_order, all of
-- a state and year in one transaction, and every migration that registers a
-- table makes its partitions for the state/years that exist; so when the
-- partition of the LAST table in create_order exists, all do. A table added
-- later must take a create_order above every existing one (schema/README).

ALTER TABLE core.partitioned_table ADD COLUMN analyst_reads boolean NOT NULL DEFAULT true;
COMMENT ON COLUMN core.partitioned_table.analyst_reads IS
	'True when cctns_analyst may read the table''s partitions (SELECT granted on each new one); false for personal data such as the persons master record';

UPDATE core.partitioned_table SET analyst_reads = false
WHERE name IN ('person', 'person_link', 'person_alias', 'person_document', 'person_phone', 'person_address',
	'person_roll', 'person_photo');

-- Partitions made so far.
DO $revoke$
DECLARE
	r record;
BEGIN
	FOR r IN
		SELECT c.oid::regclass AS part
		FROM core.partitioned_table t
		JOIN pg_catalog.pg_inherits i ON i.inhparent = format('core.%I', t.name)::regclass
		JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
		WHERE NOT t.analyst_reads
		UNION ALL
		SELECT c2.oid::regclass
		FROM core.partitioned_table t
		JOIN pg_catalog.pg_inherits i ON i.inhparent = format('core.%I', t.name)::regclass
		JOIN pg_catalog.pg_inherits i2 ON i2.inhparent = i.inhrelid
		JOIN pg_catalog.pg_class c2 ON c2.oid = i2.inhrelid
		WHERE NOT t.analyst_reads
	LOOP
		EXECUTE format('REVOKE ALL ON %s FROM cctns_analyst', r.part);
	END LOOP;
END
$revoke$;

CREATE OR REPLACE FUNCTION core.ensure_partitions(state int, year int) RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	t core.partitioned_table;
	part text;
	made int := 0;
BEGIN
	IF state IS NULL OR state <= 0 OR year IS NULL OR year < 2000 OR year > 2199 THEN
		RAISE EXCEPTION 'core.ensure_partitions: bad state % or year %', state, year
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- Fast path: the last table's partition exists, so every one does.
	IF to_regclass(format('core.%I', (SELECT p.name FROM core.partitioned_table p
			ORDER BY p.create_order DESC LIMIT 1) || '_' || state || '_' || year)) IS NOT NULL THEN
		RETURN 0;
	END IF;

	-- One creator at a time; whoever waited re-checks what now exists.
	PERFORM pg_catalog.pg_advisory_xact_lock(1128485966, 2);
	IF NOT EXISTS (SELECT 1 FROM ref.state s WHERE s.code = state) THEN
		RAISE EXCEPTION 'core.ensure_partitions: no state % in ref.state', state
			USING ERRCODE = 'foreign_key_violation';
	END IF;
	FOR t IN SELECT * FROM core.partitioned_table p ORDER BY p.create_order LOOP
		part := t.name || '_' || state;
		IF to_regclass(format('core.%I', part)) IS NULL THEN
			EXECUTE format('CREATE TABLE core.%I PARTITION OF core.%I FOR VALUES IN (%s) PARTITION BY RANGE (year)',
				part, t.name, state);
			IF t.analyst_reads THEN
				EXECUTE format('GRANT SELECT ON core.%I TO cctns_analyst', part);
			END IF;
			IF t.append_only THEN
				EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON core.%I FOR EACH STATEMENT EXECUTE FUNCTION core.append_only()',
					t.name || '_no_truncate', part);
			END IF;
			made := made + 1;
		END IF;
		part := t.name || '_' || state || '_' || year;
		IF to_regclass(format('core.%I', part)) IS NULL THEN
			EXECUTE format('CREATE TABLE core.%I PARTITION OF core.%I FOR VALUES FROM (%s) TO (%s)',
				part, t.name || '_' || state, year, year + 1);
			IF t.analyst_reads THEN
				EXECUTE format('GRANT SELECT ON core.%I TO cctns_analyst', part);
			END IF;
			IF t.append_only THEN
				EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON core.%I FOR EACH STATEMENT EXECUTE FUNCTION core.append_only()',
					t.name || '_no_truncate', part);
			END IF;
			made := made + 1;
		END IF;
	END LOOP;
	RETURN made;
END
$fn$;
COMMENT ON FUNCTION core.ensure_partitions(int, int) IS
	'Create the missing partitions core.<table>_<state> and core.<table>_<state>_<year> of every table in core.partitioned_table, in its create_order, granting SELECT to the analyst where analyst_reads; returns how many were created. Fast path: one catalog lookup of the last table''s partition (all are made together, in order); creation runs under a transaction advisory lock';

-- 0044_search_pending_flush.sql (reg, issue 7): the person search GIN
-- pending list is moved into the index tree outside registration.
--
-- 0040 gave each state's person search GIN index a pending list of at most
-- 128 kB: a new person's tags go to the list in one write, and the
-- registration whose insert finds the list past its limit moves it into
-- the tree (13-25 ms for about 90 registrations' persons on the
-- development machine): one registration in about 90 paid that, a tail at
-- p99. Here cctns-server (one worker of each server, on a connection of
-- its own, server/ginflush.c) calls api.person_search_flush a few times a
-- second, which moves each state's pending list into the tree, and the
-- limit is raised to 1 MB, so that a registration only moves the list when
-- the server has not done so for several seconds (no server running,
-- a bulk import). The list stays short while the server runs (a quarter
-- second of registrations), so a search reads as few pending pages as
-- before.

-- The partition of a state: its GIN index, pending list up to 1 MB.
CREATE OR REPLACE FUNCTION core.person_search_gin_options(state int) RETURNS void
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
		EXECUTE format('ALTER INDEX %s SET (fastupdate = on, gin_pending_list_limit = 1024)', idx);
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.person_search_gin_options(int) IS
	'Set the GIN index of core.person_search_<state> to fastupdate = on, gin_pending_list_limit = 1 MB: a new person''s tags go to the pending list in one write; cctns-server moves the list into the index tree a few times a second (api.person_search_flush), a registration only when the list passed 1 MB (0040, 0044)';

SELECT core.person_search_gin_options(substr(c.relname, length('person_search_') + 1)::int)
FROM pg_inherits h
JOIN pg_class c ON c.oid = h.inhrelid
WHERE h.inhparent = 'core.person_search'::regclass;

-- Move every state's pending list into its index tree. Owner's rights:
-- gin_clean_pending_list needs the index's owner (as VACUUM does).
CREATE FUNCTION api.person_search_flush() RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	idx regclass;
	pages bigint := 0;
BEGIN
	FOR idx IN SELECT i.indexrelid::regclass
		FROM pg_inherits h
		JOIN pg_index i ON i.indrelid = h.inhrelid
		JOIN pg_class c ON c.oid = i.indexrelid
		JOIN pg_am a ON a.oid = c.relam
		WHERE h.inhparent = 'core.person_search'::regclass AND a.amname = 'gin'
		ORDER BY 1
	LOOP
		pages := pages + gin_clean_pending_list(idx);
	END LOOP;
	RETURN pages;
END
$fn$;
COMMENT ON FUNCTION api.person_search_flush() IS
	'cctns-server (server/ginflush.c, a few times a second): move the pending list of every state''s person search GIN index into the index tree (gin_clean_pending_list), so that no registration pays it; returns the pending pages moved (0044)';

REVOKE ALL ON FUNCTION api.person_search_flush() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.person_search_flush() TO cctns_server;

-- 0001_roles_schemas.sql: the roles the server and the analysts log in as,
-- and the schemas everything else lives in. Runs as cctns_owner (CREATEROLE),
-- which owns the database and every object created here.
--
-- Roles are cluster-wide: they are created only when missing, so several
-- databases of one cluster (tests) can each run this migration.

DO $roles$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'cctns_server') THEN
		CREATE ROLE cctns_server LOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'cctns_analyst') THEN
		CREATE ROLE cctns_analyst LOGIN;
	END IF;
END
$roles$;

COMMENT ON ROLE cctns_server IS
	'cctns-server: may only EXECUTE the api.* functions (SECURITY DEFINER); no table access';
COMMENT ON ROLE cctns_analyst IS
	'SCRB/NCRB analysts: read-only SELECT on ref.* and the core case tables, statement timeout';

-- Analysts read; they never write, and a runaway query ends by itself.
ALTER ROLE cctns_analyst SET default_transaction_read_only = on;
ALTER ROLE cctns_analyst SET statement_timeout = '5min';

-- Nobody but the owner creates objects in public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA IF NOT EXISTS ref;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS api;

COMMENT ON SCHEMA ref IS
	'Reference data: LGD states and districts, police stations, IPC/BNS sections and their map, special and local laws, NCRB crime heads';
COMMENT ON SCHEMA core IS
	'Case tables (FIR and what hangs off it), partitioned LIST (state_code) then RANGE (year); FIR counters and idempotency records';
COMMENT ON SCHEMA api IS
	'The only functions cctns-server may call (SECURITY DEFINER, pinned search_path)';

-- Functions are not executable by PUBLIC unless granted: every grant is
-- written out (api.* to cctns_server in 0004).
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

GRANT USAGE ON SCHEMA api TO cctns_server;
GRANT USAGE ON SCHEMA ref, core TO cctns_analyst;

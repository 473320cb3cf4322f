-- deploy/pgaudit.sql: who pgaudit audits, set by a SUPERUSER in the database cctns.
--
-- deploy/pgctl runs it at every `init` (psql -d cctns as postgres); on a cluster pgctl did not
-- make, a DBA runs it once the same way, after adding pgaudit to shared_preload_libraries
-- (see ARCHITECTURE.md, "Auditing direct SQL sessions"). Idempotent.
--
-- pgaudit.log is superuser-only (PGC_SUSET): a role cannot change its own setting, and
-- cctns_owner (CREATEROLE) cannot reset another role's. That is why this is not a migration:
-- migrations run as cctns_owner. The roles cctns_server and cctns_analyst are made here when
-- missing (migration 0001 then finds them and adds its own settings and comments).
\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- The extension's event triggers name the object of each DDL statement in the audit line.
CREATE EXTENSION IF NOT EXISTS pgaudit;

DO $roles$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'cctns_server') THEN
		CREATE ROLE cctns_server LOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'cctns_analyst') THEN
		CREATE ROLE cctns_analyst LOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'cctns_owner') THEN
		CREATE ROLE cctns_owner LOGIN CREATEROLE;
	END IF;
END
$roles$;

-- Analysts (psql, spreadsheets, BI tools): every read, function call and DO block, and SET,
-- so a question asked of the reporting views is on record with who asked it and when.
-- One line per statement with its text (an analyst's SQL reads only reporting and ref, so it
-- cannot carry a sealed identity); not a line per relation, which for a reporting view would
-- be one for each partition underneath it.
ALTER ROLE cctns_analyst SET pgaudit.log = 'read, function, misc';
ALTER ROLE cctns_analyst SET pgaudit.log_relation = off;
ALTER ROLE cctns_analyst SET pgaudit.log_statement = on;
-- The owner and operators: schema changes, grants and roles, direct writes, SET/VACUUM/...
-- Their reads are not logged: migrations and cctns-admin read a great deal, and what an
-- operator changes is what an inquiry asks about.
-- The class, the command and the object (DDL: the object the statement made or changed;
-- writes: each table written), but NOT the statement text: an operator's UPDATE may hold a
-- victim's name, which must not reach a plain-text log, and a migration file is one
-- statement string that would otherwise be logged again with each of its commands.
ALTER ROLE cctns_owner SET pgaudit.log = 'ddl, role, write, misc';
ALTER ROLE cctns_owner SET pgaudit.log_relation = on;
ALTER ROLE cctns_owner SET pgaudit.log_statement = off;
-- The superuser that runs this (postgres): the same. pgaudit cannot bind a superuser (it may
-- SET pgaudit.log itself), but that SET is itself logged as MISC.
ALTER ROLE CURRENT_USER SET pgaudit.log = 'ddl, role, write, misc';
ALTER ROLE CURRENT_USER SET pgaudit.log_relation = on;
ALTER ROLE CURRENT_USER SET pgaudit.log_statement = off;
-- cctns-server: never. Its every request is already in the application's hash-chained audit
-- (issue 5), with the officer and station a database session cannot know; logging its
-- statements here would only slow the write path down.
ALTER ROLE cctns_server SET pgaudit.log = 'none';

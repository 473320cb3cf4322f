-- 0057_audit_log_chain_per_statement.sql (core, issue 7): audit.log's reference to its chain
-- checked once per statement instead of once per row.
--
-- 0027 declared audit.log.chain_id a foreign key to audit.chain. Its check runs per inserted
-- row (a key-share lock of the chain's row through an index probe), and the server appends
-- records in batches of up to 1,000 rows in one statement, all of one chain. Measured in a
-- held world (`compare --hold`, 20,000 records in batches of 100, backend CPU): 7.5 us a
-- record with the foreign key, 3 us without it; at 30,000 FIR reads a second, each one audit
-- record, the check was about a third of the audit backend's work.
--
-- What the foreign key guaranteed stays guaranteed:
-- - a row names an existing chain: the statement trigger below checks every chain the
--   statement's rows name (one probe per distinct chain, after the rows are in, in the same
--   transaction; an error rolls the statement back), with the foreign key's SQLSTATE 23503;
-- - the chain stays: audit.chain rows are never deleted or truncated (0027's triggers
--   chain_no_delete, chain_no_truncate) and their chain_id never changes (chain_forward), so
--   no later change can leave a row without its chain (what the foreign key's lock and its
--   ON DELETE / ON UPDATE checks were for);
-- - audit.log rows never change (log_append_only), so chain_id is checked only on insert.

CREATE FUNCTION audit.log_chain_exists() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_missing uuid;
BEGIN
	SELECT n.chain_id INTO v_missing
	FROM (SELECT DISTINCT chain_id FROM new_rows) n
	WHERE NOT EXISTS (SELECT 1 FROM audit.chain c WHERE c.chain_id = n.chain_id)
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', COLUMN = 'chain_id',
			TABLE = 'log', SCHEMA = 'audit',
			MESSAGE = format('audit.log: chain %s is not in audit.chain', v_missing);
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION audit.log_chain_exists() IS
	'Trigger (0057): every chain an INSERT into audit.log names must be in audit.chain (23503), checked once per statement; replaces the per-row foreign key of 0027';

CREATE TRIGGER log_chain_exists AFTER INSERT ON audit.log
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION audit.log_chain_exists();
COMMENT ON TRIGGER log_chain_exists ON audit.log IS
	'0057: the rows of an INSERT name chains of audit.chain (what 0027''s foreign key checked per row)';

ALTER TABLE audit.log DROP CONSTRAINT log_chain_id_fkey;
COMMENT ON COLUMN audit.log.chain_id IS
	'The chain (audit.chain) the record belongs to: checked at insert by trigger log_chain_exists (0057); chains are never deleted and their ids never change';

-- 0053_fir_notify.sql (fir, issue 7): tell cctns-server's workers which FIR
-- copies to forget, so that a worker may answer a current plain FIR itself.
--
-- Since 0045 every read of an FIR by number is one statement
-- (api.get_fir_tagged) even when the worker holds the current copy: the
-- database checks the station, decides sealing, and says "your copy is
-- current". A copy tagged '<n>p' (law NULL: nothing sealed in it) is the same
-- JSON for every officer who may call GetFir at that station, so a worker
-- that is told at once when it stops being current may answer it without
-- the database (server/firlisten.c, server/handlers_fir.c). Copies tagged
-- 'u' (unmasked sealed read: its audit.sealed_read row) and 'm' (masked:
-- depends on who reads) always go to the database.
--
-- Channel cctns_fir, sent by statement triggers (NOTIFY is delivered only
-- after commit, in commit order; nothing for a rolled back transaction).
-- Payload: the forgotten FIRs' keys, separated by one space, each
-- 'state:district:station:fir_no/year' (the worker's own key,
-- server/fircache.c fircache_key), or '*' = forget every copy. More than 300
-- keys, or more than 7,000 bytes (NOTIFY's limit is 8,000), send '*'
-- (core.fir_rendered_payload).
--
-- What a 'p' answer depends on (api.get_fir_tagged, 0045), and what covers
-- each input:
--   - the row of core.fir_rendered under the key, whose number `rendered`
--     is the tag: DELETE (every forgetting of 0039/0045: core.fir,
--     fir_charge, fir_person, fir_property, final_report_charge,
--     property_identifier, core.person's date and year of birth) and
--     UPDATE send the old (and new) keys; TRUNCATE (0039's
--     core.fir_rendered_forget_all: ref.station, ref.district, ref.state,
--     ref.sealed_charge; property_identifier's TRUNCATE; migrations) sends
--     '*'. An INSERT needs nothing: a new rendering has a new number, and
--     the rendering it replaces was deleted (and told) first.
--   - law IS NULL, the sealing decision, is data of that row: every input
--     of core.seal_fir_content (core.case_seal: fir_charge,
--     final_report_charge, ref.sealed_charge; core.role_seal: fir_person,
--     core.fir's registered_at, core.person's dates of birth) forgets the
--     row above.
--   - ref.station.active (the hit's join) and the station check: UPDATE,
--     DELETE, TRUNCATE of ref.station send '*' here as well (0039 already
--     empties core.fir_rendered then, which sends '*' too). ref.district,
--     ref.state (names in the JSON): TRUNCATE sends '*' (UPDATE and DELETE
--     empty core.fir_rendered since 0039).
--   - TRUNCATE of core.fir, fir_charge, fir_person, fir_property,
--     final_report_charge, core.person: '*' (their row triggers do not see
--     a TRUNCATE). core.gd_entry (the receipt's diary time) is append-only
--     and refuses TRUNCATE (0005).
--   - who reads (core.may_see_sealed: core.officer's number, activity and
--     posting, core.officer_role, ref.role, ref.role_permission,
--     ref.permission) is never consulted for a 'p' answer; a change of them
--     sends '*' anyway (sign-ins update core.officer's failure columns only,
--     which send nothing), so that a later local answer of another kind
--     cannot go stale by accident.
--   - the session's own permission (dispatch) and the station codes (its
--     certificate) are checked by the server at every request, as before.
-- A migration that changes how an FIR is rendered must TRUNCATE
-- core.fir_rendered (as 0045 did): that sends '*'.

-- The payload for a set of keys: NULL when there are none, '*' when they
-- do not fit.
CREATE FUNCTION core.fir_rendered_payload(keys text[]) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	p text;
BEGIN
	IF keys IS NULL OR cardinality(keys) = 0 THEN
		RETURN NULL;
	END IF;
	IF cardinality(keys) > 300 THEN
		RETURN '*';
	END IF;
	p := array_to_string(keys, ' ');
	IF p IS NULL OR octet_length(p) > 7000 THEN
		RETURN '*';
	END IF;
	RETURN p;
END
$fn$;
COMMENT ON FUNCTION core.fir_rendered_payload(text[]) IS
	'Payload of a cctns_fir notification for these FIR keys (state:district:station:fir_no/year): the keys separated by spaces; NULL for none; * (forget everything) above 300 keys or 7,000 bytes (0053)';

-- Statement trigger of core.fir_rendered: the keys of the rows deleted or
-- updated; '*' for TRUNCATE.
CREATE FUNCTION core.fir_rendered_notify() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys text[];
	p text;
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		PERFORM pg_notify('cctns_fir', '*');
		RETURN NULL;
	END IF;
	IF TG_OP = 'DELETE' THEN
		SELECT array_agg(k) INTO keys FROM (SELECT format('%s:%s:%s:%s/%s', o.state_code, o.district_code,
				o.station_code, o.fir_no, o.year) AS k FROM old_rows o LIMIT 301) x;
	ELSE
		SELECT array_agg(k) INTO keys FROM (SELECT DISTINCT k FROM
				(SELECT format('%s:%s:%s:%s/%s', o.state_code, o.district_code, o.station_code, o.fir_no,
						o.year) AS k FROM old_rows o
				UNION ALL SELECT format('%s:%s:%s:%s/%s', n.state_code, n.district_code, n.station_code,
						n.fir_no, n.year) FROM new_rows n) y
			LIMIT 301) x;
	END IF;
	p := core.fir_rendered_payload(keys);
	IF p IS NOT NULL THEN
		PERFORM pg_notify('cctns_fir', p);
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.fir_rendered_notify() IS
	'Statement trigger of core.fir_rendered: NOTIFY cctns_fir with the keys of the rendered FIRs deleted or updated (core.fir_rendered_payload), * on TRUNCATE; cctns-server''s workers forget those copies (0053)';
CREATE TRIGGER fir_rendered_notify_del AFTER DELETE ON core.fir_rendered
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_notify();
CREATE TRIGGER fir_rendered_notify_upd AFTER UPDATE ON core.fir_rendered
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_notify();
CREATE TRIGGER fir_rendered_notify_trunc AFTER TRUNCATE ON core.fir_rendered
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_rendered_notify();

-- Statement trigger of the other inputs: forget every copy.
CREATE FUNCTION core.fir_local_forget_all() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM pg_notify('cctns_fir', '*');
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.fir_local_forget_all() IS
	'Statement trigger: NOTIFY cctns_fir with * (cctns-server''s workers forget every FIR copy): ref.station, the tables truncated without row triggers, and who may see sealed identities (0053)';

CREATE TRIGGER station_fir_notify AFTER UPDATE OR DELETE OR TRUNCATE ON ref.station
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_local_forget_all();
CREATE TRIGGER district_fir_notify AFTER TRUNCATE ON ref.district
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_local_forget_all();
CREATE TRIGGER state_fir_notify AFTER TRUNCATE ON ref.state
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_local_forget_all();
DO $do$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['fir', 'fir_charge', 'fir_person', 'fir_property', 'final_report_charge', 'person'] LOOP
		EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON core.%I '
			'FOR EACH STATEMENT EXECUTE FUNCTION core.fir_local_forget_all()', t || '_fir_notify', t);
	END LOOP;
END
$do$;
CREATE TRIGGER officer_fir_notify AFTER INSERT OR DELETE OR TRUNCATE
	OR UPDATE OF officer_no, active, state_code, district_code, station_code ON core.officer
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_local_forget_all();
CREATE TRIGGER officer_role_fir_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON core.officer_role
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_local_forget_all();
CREATE TRIGGER role_fir_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref.role
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_local_forget_all();
CREATE TRIGGER role_permission_fir_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref.role_permission
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_local_forget_all();
CREATE TRIGGER permission_fir_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref.permission
	FOR EACH STATEMENT EXECUTE FUNCTION core.fir_local_forget_all();

REVOKE ALL ON FUNCTION core.fir_rendered_notify() FROM PUBLIC;
REVOKE ALL ON FUNCTION core.fir_local_forget_all() FROM PUBLIC;

-- 0063_officer_notify.sql (hs, issue 7): tell cctns-server's workers when a resumed officer
-- session may have changed, so that they may resume a Hello's session without the database.
--
-- A worker keeps what api.officer_resume accepted (the session's officer number and permissions,
-- for the terminal that resumed it) for a twentieth of session_idle (at most 30 s) and answers a
-- Hello with the same token from the same terminal itself (server/officercache.h), while its
-- LISTEN connection is up. Every notification on cctns_officer makes every worker of every server
-- on this database forget every session it holds (the payload is '*' and is not read). What can
-- change a resume's answer, and what notifies:
--   core.officer_session: a session ended (sign-out, a password reset, a lock after failed
--     sign-ins, idle), moved to another officer or terminal, deleted or truncated, or its
--     last_seen set back (by hand: it only moves forward otherwise). A sign-in opens a session
--     and ends none (0028), so it notifies nothing. Not last_seen moving forward: the
--     worker's window is short enough that api.officer_resume sees every session in time to end
--     an idle one itself;
--   core.officer: the number, state, active flag or lock of an officer changed, an officer
--     deleted or truncated. Not the failure counter, name, rank or password hash alone (a
--     password reset ends the sessions, which notifies);
--   core.officer_role and ref.role_permission: any change (the permissions).
-- An INSERT of a session or an officer changes no answer kept (refusals are never kept).
-- NOTIFY is sent at commit, and identical notifications of one transaction are sent once.

CREATE FUNCTION core.officer_sessions_notify() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM pg_notify('cctns_officer', '*');
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.officer_sessions_notify() IS
	'Trigger: NOTIFY cctns_officer with * (cctns-server''s workers forget every officer session they resumed: 0063)';

CREATE TRIGGER officer_session_notify_upd AFTER UPDATE ON core.officer_session
	FOR EACH ROW WHEN (OLD.ended_at IS DISTINCT FROM NEW.ended_at
		OR NEW.last_seen < OLD.last_seen
		OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
		OR OLD.officer IS DISTINCT FROM NEW.officer
		OR (OLD.state_code, OLD.district_code, OLD.station_code, OLD.terminal)
			IS DISTINCT FROM (NEW.state_code, NEW.district_code, NEW.station_code, NEW.terminal))
	EXECUTE FUNCTION core.officer_sessions_notify();
CREATE TRIGGER officer_session_notify_del AFTER DELETE OR TRUNCATE ON core.officer_session
	FOR EACH STATEMENT EXECUTE FUNCTION core.officer_sessions_notify();

CREATE TRIGGER officer_notify_upd AFTER UPDATE ON core.officer
	FOR EACH ROW WHEN ((OLD.id, OLD.state_code, OLD.officer_no, OLD.active, OLD.locked_until)
		IS DISTINCT FROM (NEW.id, NEW.state_code, NEW.officer_no, NEW.active, NEW.locked_until))
	EXECUTE FUNCTION core.officer_sessions_notify();
CREATE TRIGGER officer_notify_del AFTER DELETE OR TRUNCATE ON core.officer
	FOR EACH STATEMENT EXECUTE FUNCTION core.officer_sessions_notify();

CREATE TRIGGER officer_role_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON core.officer_role
	FOR EACH STATEMENT EXECUTE FUNCTION core.officer_sessions_notify();
CREATE TRIGGER role_permission_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON ref.role_permission
	FOR EACH STATEMENT EXECUTE FUNCTION core.officer_sessions_notify();

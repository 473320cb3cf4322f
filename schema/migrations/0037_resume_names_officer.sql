-- 0037_resume_names_officer.sql: a refused session resume names its officer,
-- so the server's audit record of the refused Hello says whose session was
-- locked (idle), ended, opened at another terminal, or whose officer is
-- locked. Same signature, same refusals and events as 0028; the officer's
-- number is the only change (name, rank, roles and permissions stay NULL on a
-- refusal: nothing is granted).

CREATE OR REPLACE FUNCTION api.officer_resume(state int, district int, station int, terminal text,
	token_hash bytea, idle_seconds int)
RETURNS TABLE (refusal text, officer_no text, name text, rank text, roles text[], permissions text[])
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s core.officer_session;
	o core.officer;
	why text;
	g record;
BEGIN
	SELECT * INTO s FROM core.officer_session x WHERE x.token_hash = officer_resume.token_hash FOR UPDATE;
	IF NOT FOUND THEN
		RETURN QUERY SELECT 'not signed in: sign in first (cctns login)'::text, NULL::text,
			NULL::text, NULL::text, NULL::text[], NULL::text[];
		RETURN;
	END IF;
	SELECT * INTO o FROM core.officer WHERE id = s.officer;
	IF s.ended_at IS NOT NULL THEN
		why := 'ended';
	ELSIF (s.state_code, s.district_code, s.station_code, s.terminal)
		IS DISTINCT FROM (state, district, station, terminal) THEN
		why := 'other_terminal';
	ELSIF s.last_seen < now() - make_interval(secs => idle_seconds) THEN
		why := 'idle';
		UPDATE core.officer_session x SET ended_at = now() WHERE x.token_hash = s.token_hash;
	ELSIF NOT o.active OR o.locked_until > now() THEN
		why := 'locked';
	END IF;
	IF why IS NOT NULL THEN
		INSERT INTO core.officer_event (state_code, officer_no, officer, event, reason,
			district_code, station_code, terminal)
		VALUES (o.state_code, o.officer_no, o.id, 'resume_refused', why, district, station, terminal);
		-- Returned, not raised: the event (and an idle session's end) must stay.
		RETURN QUERY SELECT CASE why
			WHEN 'idle' THEN 'session locked: sign in again (cctns login)'
			WHEN 'ended' THEN 'session ended: sign in again (cctns login)'
			WHEN 'other_terminal' THEN 'session was opened at another terminal: sign in here (cctns login)'
			ELSE 'officer is locked or inactive: sign in again later' END,
			o.officer_no, NULL::text, NULL::text, NULL::text[], NULL::text[];
		RETURN;
	END IF;
	UPDATE core.officer_session x SET last_seen = now() WHERE x.token_hash = s.token_hash;
	g := core.officer_grants(o.id);
	RETURN QUERY SELECT NULL::text, o.officer_no, o.name, o.rank, g.roles, g.permissions;
END
$fn$;
COMMENT ON FUNCTION api.officer_resume(int, int, int, text, bytea, int) IS
	'Hello with a session token: the officer, roles and permissions (touches last_seen). Refused (refusal set, an event written, officer_no named when the session is known: 0037) when unknown, ended, from another terminal, locked, or idle past idle_seconds (which ends it)';

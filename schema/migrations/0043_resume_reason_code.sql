-- 0043_resume_reason_code.sql (cleanup): a refused session resume returns its
-- reason as a code (column reason: unknown, ended, other_terminal, idle,
-- locked), so the server's audit record of the refused Hello no longer
-- derives it from the refusal's wording. Same parameters, same refusals and
-- wording, same events as 0037; the code is the value already written as the
-- officer_event's reason. The new column comes last, so a server that names
-- the first six columns still reads them where they were (the function is
-- dropped and made again: a RETURNS TABLE cannot grow in place).

DROP FUNCTION api.officer_resume(int, int, int, text, bytea, int);

CREATE FUNCTION api.officer_resume(state int, district int, station int, terminal text,
	token_hash bytea, idle_seconds int)
RETURNS TABLE (refusal text, officer_no text, name text, rank text, roles text[], permissions text[],
	reason text)
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
			NULL::text, NULL::text, NULL::text[], NULL::text[], 'unknown'::text;
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
			o.officer_no, NULL::text, NULL::text, NULL::text[], NULL::text[], why;
		RETURN;
	END IF;
	UPDATE core.officer_session x SET last_seen = now() WHERE x.token_hash = s.token_hash;
	g := core.officer_grants(o.id);
	RETURN QUERY SELECT NULL::text, o.officer_no, o.name, o.rank, g.roles, g.permissions, NULL::text;
END
$fn$;
COMMENT ON FUNCTION api.officer_resume(int, int, int, text, bytea, int) IS
	'Hello with a session token: the officer, roles and permissions (touches last_seen). Refused (refusal set, an event written, officer_no named when the session is known) when unknown, ended, from another terminal, locked, or idle past idle_seconds (which ends it); reason is the refusal as a code (unknown, ended, other_terminal, idle, locked; NULL when resumed: 0043)';
REVOKE ALL ON FUNCTION api.officer_resume(int, int, int, text, bytea, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.officer_resume(int, int, int, text, bytea, int) TO cctns_server;

-- 0062_resume_reads.sql (hs, issue 7): a Hello that resumes an officer's session writes only
-- when there is something to write.
--
-- api.officer_resume (0043) locked the session row (SELECT ... FOR UPDATE) and set last_seen
-- at every Hello with a session token: a row lock, a new row version and a commit that waits
-- for the WAL flush, for every connection a terminal opens. In tests/bench/compare's handshake
-- row (terminals signed in, reconnecting as fast as they can) the server's backends took about
-- half a core doing that.
--
-- Here the session is read without a lock, and last_seen is set only when it is older than a
-- tenth of idle_seconds (at most a minute; api.officer_touch keeps a connection in use at once
-- a minute too), so a session is never found idle more than a tenth of session_idle early.
-- The refusals, their wording and codes, their events and the end of an idle session are
-- those of 0043. Without the lock, a sign-out committing while a Hello of the same session is
-- resumed lets that Hello through, as if it had come first: the sign-out still ends the
-- session for every later Hello.

CREATE OR REPLACE FUNCTION api.officer_resume(state int, district int, station int, terminal text,
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
	SELECT * INTO s FROM core.officer_session x WHERE x.token_hash = officer_resume.token_hash;
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
		UPDATE core.officer_session x SET ended_at = now()
		WHERE x.token_hash = s.token_hash AND x.ended_at IS NULL;
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
	IF s.last_seen < now() - make_interval(secs => least(60.0, idle_seconds / 10.0)) THEN
		UPDATE core.officer_session x SET last_seen = now() WHERE x.token_hash = s.token_hash;
	END IF;
	g := core.officer_grants(o.id);
	RETURN QUERY SELECT NULL::text, o.officer_no, o.name, o.rank, g.roles, g.permissions, NULL::text;
END
$fn$;
COMMENT ON FUNCTION api.officer_resume(int, int, int, text, bytea, int) IS
	'Hello with a session token: the officer, roles and permissions (sets last_seen when older than a tenth of idle_seconds, at most a minute: 0062). Refused (refusal set, an event written, officer_no named when the session is known) when unknown, ended, from another terminal, locked, or idle past idle_seconds (which ends it); reason is the refusal as a code (unknown, ended, other_terminal, idle, locked; NULL when resumed: 0043)';

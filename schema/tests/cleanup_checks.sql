-- cleanup_checks.sql (cleanup): checks of 0043_resume_reason_code.sql: a
-- refused api.officer_resume returns its reason as a code, one check per
-- code (unknown, ended, other_terminal, idle, locked), the wording of 0028
-- kept, the officer named, the officer_event's reason the same code; a
-- resumed session has no reason. Test station 990260 (state 9, district
-- 118), officers CLN-*. Re-runnable: the setup deletes what an earlier run
-- left. Any failed check raises.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990260, 'Test PS 990260 Agra (cleanup)', true)
ON CONFLICT DO NOTHING;
DELETE FROM core.officer_event WHERE officer_no LIKE 'CLN-%';
DELETE FROM core.officer WHERE officer_no LIKE 'CLN-%';
INSERT INTO core.officer (state_code, officer_no, name, rank, district_code, station_code,
	password_hash, locked_until)
VALUES (9, 'CLN-1', 'Cleanup Officer', 'SI', 118, 990260,
		'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', NULL),
	(9, 'CLN-2', 'Cleanup Locked', 'SI', 118, 990260,
		'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', now() + interval '1 hour');
INSERT INTO core.officer_role (officer, role)
SELECT id, 'station_writer' FROM core.officer WHERE officer_no LIKE 'CLN-%';
-- One session a case: live, ended, idle (last seen an hour ago), and a live
-- session of the locked officer.
INSERT INTO core.officer_session (token_hash, officer, state_code, district_code, station_code,
	terminal, last_seen, ended_at)
SELECT sha256(convert_to(t.token, 'UTF8')), o.id, 9, 118, 990260, 'desk-1', t.seen, t.ended
FROM (VALUES ('cln-live', 'CLN-1', now(), NULL::timestamptz),
		('cln-ended', 'CLN-1', now(), now()),
		('cln-idle', 'CLN-1', now() - interval '1 hour', NULL),
		('cln-locked', 'CLN-2', now(), NULL)) t(token, officer, seen, ended)
JOIN core.officer o ON o.state_code = 9 AND o.officer_no = t.officer;

\c - cctns_server
SET client_min_messages = warning;
DO $chk$
DECLARE
	r record;
	c record;
BEGIN
	-- Each refusal: token, terminal, the code, the start of the wording, the officer.
	FOR c IN SELECT * FROM (VALUES
		('cln-nobody', 'desk-1', 'unknown', 'not signed in', NULL),
		('cln-ended', 'desk-1', 'ended', 'session ended', 'CLN-1'),
		('cln-live', 'desk-2', 'other_terminal', 'session was opened at another terminal', 'CLN-1'),
		('cln-idle', 'desk-1', 'idle', 'session locked', 'CLN-1'),
		('cln-locked', 'desk-1', 'locked', 'officer is locked', 'CLN-2'))
		t(token, terminal, code, wording, officer)
	LOOP
		SELECT * INTO r FROM api.officer_resume(9, 118, 990260, c.terminal,
			sha256(convert_to(c.token, 'UTF8')), 1800);
		IF r.reason IS DISTINCT FROM c.code OR r.refusal NOT LIKE c.wording || '%'
			OR r.officer_no IS DISTINCT FROM c.officer OR r.permissions IS NOT NULL THEN
			RAISE EXCEPTION 'resume %: want reason % (%...), officer %; got %',
				c.token, c.code, c.wording, c.officer, r;
		END IF;
	END LOOP;
	-- The idle refusal ended the session: next time it says ended.
	SELECT * INTO r FROM api.officer_resume(9, 118, 990260, 'desk-1', sha256('cln-idle'), 1800);
	IF r.reason IS DISTINCT FROM 'ended' THEN
		RAISE EXCEPTION 'an idle session resumed again: %', r;
	END IF;
	-- Resumed: no refusal, no reason, the permissions.
	SELECT * INTO r FROM api.officer_resume(9, 118, 990260, 'desk-1', sha256('cln-live'), 1800);
	IF r.refusal IS NOT NULL OR r.reason IS NOT NULL OR r.officer_no <> 'CLN-1'
		OR r.permissions <> '{read_station,register}' THEN
		RAISE EXCEPTION 'resume of a live session: %', r;
	END IF;
END
$chk$;

\c - cctns_owner
DO $chk$
BEGIN
	-- The events' reasons are the codes returned (unknown writes none).
	IF (SELECT string_agg(officer_no || ':' || reason, ',' ORDER BY id) FROM core.officer_event
		WHERE officer_no LIKE 'CLN-%' AND event = 'resume_refused')
		IS DISTINCT FROM 'CLN-1:ended,CLN-1:other_terminal,CLN-1:idle,CLN-2:locked,CLN-1:ended' THEN
		RAISE EXCEPTION 'resume_refused events: %', (SELECT string_agg(officer_no || ':' || reason, ','
			ORDER BY id) FROM core.officer_event WHERE officer_no LIKE 'CLN-%');
	END IF;
	IF obj_description('api.officer_resume(int, int, int, text, bytea, int)'::regprocedure)
		NOT LIKE '%reason%' THEN
		RAISE EXCEPTION 'api.officer_resume''s comment does not say what reason is';
	END IF;
END
$chk$;

-- officers_checks.sql (signin): checks of 0028_officers.sql against a real,
-- migrated database: the permission list matches the server's bit order,
-- every role holds a permission, the grants (cctns_server only EXECUTEs
-- api.*, cctns_analyst never reads core.officer*), sign-in, failure count
-- and lock, resume (idle, other terminal, ended) and sign-out. Test station
-- 990090 and 990091 (state 9, district 118), officers CHK-*. Re-runnable:
-- the setup deletes what an earlier run left. Any failed check raises.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990090, 'Test PS 990090 Agra (officers)', true),
	(9, 118, 990091, 'Test PS 990091 Agra (officers, second)', true)
ON CONFLICT DO NOTHING;
DELETE FROM core.officer_event WHERE officer_no LIKE 'CHK-%';
DELETE FROM core.officer WHERE officer_no LIKE 'CHK-%';
WITH o AS (INSERT INTO core.officer (state_code, officer_no, name, rank, district_code,
		station_code, password_hash)
	VALUES (9, 'CHK-1', 'Check Officer', 'SI', 118, 990090,
		'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA') RETURNING id)
INSERT INTO core.officer_role (officer, role) SELECT id, 'station_writer' FROM o;

DO $chk$
BEGIN
	-- The server's list (server/perm.c), in bit order.
	IF (SELECT string_agg(code, ',' ORDER BY bit) FROM ref.permission) <>
		'read_station,register,investigate,supervise,court,read_district,read_state,'
		'merge_persons,view_sealed,operate,report,verify' THEN
		RAISE EXCEPTION 'ref.permission is not in server/perm.c''s order';
	END IF;
	IF EXISTS (SELECT 1 FROM ref.role r WHERE NOT EXISTS
		(SELECT 1 FROM ref.role_permission p WHERE p.role = r.code)) THEN
		RAISE EXCEPTION 'a role without any permission';
	END IF;
	IF (SELECT count(*) FROM ref.role) <> 8 THEN
		RAISE EXCEPTION 'expected the 8 roles of issue 5';
	END IF;
	IF has_table_privilege('cctns_server', 'core.officer', 'SELECT')
		OR has_table_privilege('cctns_server', 'core.officer_session', 'SELECT')
		OR has_table_privilege('cctns_analyst', 'core.officer', 'SELECT')
		OR has_table_privilege('cctns_analyst', 'core.officer_event', 'SELECT') THEN
		RAISE EXCEPTION 'core.officer* must be readable by the owner alone';
	END IF;
	IF NOT has_table_privilege('cctns_analyst', 'ref.role_permission', 'SELECT') THEN
		RAISE EXCEPTION 'analysts read the roles and permissions';
	END IF;
	IF NOT has_function_privilege('cctns_server',
		'api.officer_resume(int, int, int, text, bytea, int)', 'EXECUTE') THEN
		RAISE EXCEPTION 'cctns_server executes api.officer_resume';
	END IF;
	IF has_function_privilege('cctns_analyst',
		'api.officer_verifier(int, text)', 'EXECUTE') THEN
		RAISE EXCEPTION 'analysts may not read verifiers';
	END IF;
END
$chk$;

\c - cctns_server
SET client_min_messages = warning;
DO $chk$
DECLARE
	r record;
	h bytea := sha256('chk-token-1');
	lk timestamptz;
BEGIN
	-- Sign-in at the posted station opens a session with the permissions.
	SELECT * INTO r FROM api.officer_sign_in(9, 118, 990090, 'desk-1', 'CHK-1', h);
	IF r.refusal IS NOT NULL OR r.permissions <> '{read_station,register}' THEN
		RAISE EXCEPTION 'sign-in: %', r;
	END IF;
	-- Elsewhere: refused with a reason, no session.
	SELECT * INTO r FROM api.officer_sign_in(9, 118, 990091, 'desk-1', 'CHK-1', sha256('x'));
	IF r.refusal IS NULL OR r.refusal NOT LIKE '%not posted%' THEN
		RAISE EXCEPTION 'sign-in at another station: %', r;
	END IF;
	-- Resume: same terminal ok; another terminal refused; too idle refused.
	SELECT * INTO r FROM api.officer_resume(9, 118, 990090, 'desk-1', h, 1800);
	IF r.refusal IS NOT NULL OR r.officer_no <> 'CHK-1' THEN
		RAISE EXCEPTION 'resume: %', r;
	END IF;
	SELECT * INTO r FROM api.officer_resume(9, 118, 990090, 'desk-2', h, 1800);
	IF r.refusal NOT LIKE '%another terminal%' THEN
		RAISE EXCEPTION 'resume from desk-2: %', r;
	END IF;
	SELECT * INTO r FROM api.officer_resume(9, 118, 990090, 'desk-1', sha256('unknown'), 1800);
	IF r.refusal NOT LIKE 'not signed in%' THEN
		RAISE EXCEPTION 'resume of an unknown token: %', r;
	END IF;
	-- Sign-out ends it.
	PERFORM api.officer_sign_out(h);
	SELECT * INTO r FROM api.officer_resume(9, 118, 990090, 'desk-1', h, 1800);
	IF r.refusal NOT LIKE 'session ended%' THEN
		RAISE EXCEPTION 'resume after sign-out: %', r;
	END IF;
	-- Failures: 2 of max 3 do not lock, the third does.
	FOR i IN 1..2 LOOP
		lk := api.officer_sign_in_failed(9, 118, 990090, 'desk-1', 'CHK-1', 'bad_password', 3, 600);
		IF lk IS NOT NULL THEN
			RAISE EXCEPTION 'locked after % failures', i;
		END IF;
	END LOOP;
	lk := api.officer_sign_in_failed(9, 118, 990090, 'desk-1', 'CHK-1', 'bad_password', 3, 600);
	IF lk IS NULL OR lk < now() + interval '9 minutes' THEN
		RAISE EXCEPTION 'not locked for 10 minutes after 3 failures: %', lk;
	END IF;
	IF NOT (SELECT locked FROM api.officer_verifier(9, 'CHK-1')) THEN
		RAISE EXCEPTION 'the verifier does not say locked';
	END IF;
	BEGIN
		PERFORM api.officer_sign_in(9, 118, 990090, 'desk-1', 'CHK-1', sha256('chk-token-2'));
		RAISE EXCEPTION 'a locked officer signed in';
	EXCEPTION WHEN sqlstate 'CT401' THEN
		NULL;
	END;
	BEGIN
		PERFORM api.officer_sign_in_failed(9, 118, 990090, 'desk-1', 'CHK-1', 'x''; DROP', 3, 600);
		RAISE EXCEPTION 'an unknown failure reason was taken';
	EXCEPTION WHEN sqlstate 'CT400' THEN
		NULL;
	END;
	-- Unknown officer: no row, an event, no error.
	IF EXISTS (SELECT 1 FROM api.officer_verifier(9, 'CHK-nobody')) THEN
		RAISE EXCEPTION 'a verifier for an unknown officer';
	END IF;
	PERFORM api.officer_sign_in_failed(9, 118, 990090, 'desk-1', 'CHK-nobody', 'unknown', 3, 600);
END
$chk$;

\c - cctns_owner
DO $chk$
BEGIN
	IF (SELECT count(*) FROM core.officer_event WHERE officer_no = 'CHK-1'
		AND event IN ('sign_in', 'sign_in_failed', 'locked', 'sign_out', 'resume_refused')) <> 1 + 1 + 3 + 1 + 1 + 2 THEN
		RAISE EXCEPTION 'events: %', (SELECT string_agg(event || '/' || coalesce(reason, ''), ', ' ORDER BY id)
			FROM core.officer_event WHERE officer_no = 'CHK-1');
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.officer_event WHERE officer_no = 'CHK-nobody'
		AND officer IS NULL AND reason = 'unknown') THEN
		RAISE EXCEPTION 'the unknown officer''s failure is not an event';
	END IF;
END
$chk$;

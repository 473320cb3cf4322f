-- 0028_officers.sql: officers sign in on top of the station certificate.
-- Roles and permissions in one table (ref.role, ref.permission,
-- ref.role_permission); officers, their roles, sessions and an event log of
-- every sign-in, failure, lock, resume refusal and sign-out (core.officer*).
--
-- Who checks what:
--   * cctns-server checks, before any work, that the connection's officer
--     holds the permission the request's dispatch row names (server/perm.c;
--     the codes and their order are the ones of ref.permission below).
--   * The database backs it with its grants: cctns_server may only EXECUTE
--     api.* (no table access), cctns_analyst reads only (read-only role,
--     no access to core.officer*: password verifiers, OTP secrets and
--     session hashes are readable by cctns_owner alone). Functions that
--     can check an officer themselves do (a final report is filed by the
--     case's IO: api.file_final_report).
--   * What only the server enforces: the mapping request -> permission for
--     the api.* functions that take no officer (they are called by the
--     server after its check); the database cannot tell which officer is
--     behind a call made on the server's pooled connection.
-- Passwords are never stored: password_hash is an Argon2id encoded
-- verifier made by cctns-admin; the server verifies in its worker threads.
-- The audit log (0027) records the same events per request when it is
-- merged; core.officer_event is the officer-specific trail.

CREATE TABLE ref.permission (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]{1,40}$'),
	bit smallint NOT NULL UNIQUE CHECK (bit BETWEEN 0 AND 63),
	description text NOT NULL
);
COMMENT ON TABLE ref.permission IS
	'What a request may need. bit is the position in the server''s permission bitmask (server/perm.c lists the same codes in the same order)';
COMMENT ON COLUMN ref.permission.code IS 'Permission code, named by dispatch rows';
COMMENT ON COLUMN ref.permission.bit IS 'Bit position in cctns-server''s uint64 mask';
COMMENT ON COLUMN ref.permission.description IS 'What it allows, for a person';

INSERT INTO ref.permission (code, bit, description) VALUES
	('read_station', 0, 'read the records of the terminal''s station'),
	('register', 1, 'register FIRs, GD entries, petitions, NCRs, reports of the station'),
	('investigate', 2, 'investigation steps: arrests, seizures, crime details, persons, enquiry and final reports'),
	('supervise', 3, 'assign IOs and enquiries, dispose of petitions, transfer FIRs'),
	('court', 4, 'record court disposals, appeals and their results'),
	('read_district', 5, 'read across the stations of the officer''s district'),
	('read_state', 6, 'read across the stations of the officer''s state'),
	('merge_persons', 7, 'merge, unmerge and mark persons distinct'),
	('view_sealed', 8, 'see sealed identities (victims of sexual offences, children)'),
	('operate', 9, 'data centre operations (no terminal request yet)'),
	('report', 10, 'reporting views and exports for analysis'),
	('verify', 11, 'external department verification reads (no terminal request yet)');

CREATE TABLE ref.role (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]{1,40}$'),
	name text NOT NULL,
	scope text NOT NULL CHECK (scope IN ('station', 'district', 'state'))
);
COMMENT ON TABLE ref.role IS 'Roles an officer may hold; scope says where the officer is posted (a station, a district, the state)';
COMMENT ON COLUMN ref.role.code IS 'Role code used by cctns-admin officer --role';
COMMENT ON COLUMN ref.role.name IS 'Role name for a person';
COMMENT ON COLUMN ref.role.scope IS 'station: posted at a station; district: DCRB; state: SCRB, data centre, analysts, external';

INSERT INTO ref.role (code, name, scope) VALUES
	('station_writer', 'Station writer (munshi)', 'station'),
	('investigating_officer', 'Investigating officer', 'station'),
	('station_house_officer', 'Station house officer', 'station'),
	('dcrb', 'District Crime Records Bureau', 'district'),
	('scrb', 'State Crime Records Bureau', 'state'),
	('sdc_operator', 'State Data Centre operator', 'state'),
	('analyst', 'Analyst', 'state'),
	('external_department', 'External department', 'state');

CREATE TABLE ref.role_permission (
	role text NOT NULL REFERENCES ref.role,
	permission text NOT NULL REFERENCES ref.permission,
	PRIMARY KEY (role, permission)
);
COMMENT ON TABLE ref.role_permission IS 'The one table of who may do what: the permissions of each role';
COMMENT ON COLUMN ref.role_permission.role IS 'ref.role code';
COMMENT ON COLUMN ref.role_permission.permission IS 'ref.permission code';

INSERT INTO ref.role_permission (role, permission) VALUES
	('station_writer', 'read_station'), ('station_writer', 'register'),
	('investigating_officer', 'read_station'), ('investigating_officer', 'register'),
	('investigating_officer', 'investigate'), ('investigating_officer', 'court'),
	('station_house_officer', 'read_station'), ('station_house_officer', 'register'),
	('station_house_officer', 'investigate'), ('station_house_officer', 'supervise'),
	('station_house_officer', 'court'), ('station_house_officer', 'view_sealed'),
	('station_house_officer', 'merge_persons'),
	('dcrb', 'read_station'), ('dcrb', 'read_district'), ('dcrb', 'merge_persons'),
	('scrb', 'read_station'), ('scrb', 'read_district'), ('scrb', 'read_state'),
	('scrb', 'merge_persons'),
	('sdc_operator', 'operate'),
	('analyst', 'report'),
	('external_department', 'verify');

CREATE TABLE core.officer (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	state_code int NOT NULL REFERENCES ref.state (code),
	officer_no text NOT NULL CHECK (officer_no ~ '^[A-Za-z0-9][A-Za-z0-9/._-]{0,30}$'),
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	rank text NOT NULL CHECK (length(rank) BETWEEN 1 AND 100),
	district_code int,
	station_code int,
	password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
	failed_attempts int NOT NULL DEFAULT 0,
	locked_until timestamptz,
	active boolean NOT NULL DEFAULT true,
	otp_secret bytea CHECK (otp_secret IS NULL OR length(otp_secret) BETWEEN 10 AND 64),
	created_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (state_code, officer_no),
	CHECK (station_code IS NULL OR district_code IS NOT NULL),
	FOREIGN KEY (state_code, district_code) REFERENCES ref.district (state_code, district_code),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code)
);
COMMENT ON TABLE core.officer IS 'Officers who sign in at terminals; readable by cctns_owner only';
COMMENT ON COLUMN core.officer.id IS 'Surrogate key';
COMMENT ON COLUMN core.officer.state_code IS 'State (LGD) whose police the officer belongs to';
COMMENT ON COLUMN core.officer.officer_no IS 'Officer (belt/PIS) number, unique per state';
COMMENT ON COLUMN core.officer.name IS 'Name';
COMMENT ON COLUMN core.officer.rank IS 'Rank (Constable, SI, Inspector, ...)';
COMMENT ON COLUMN core.officer.district_code IS 'Posted district; NULL for state-level roles';
COMMENT ON COLUMN core.officer.station_code IS 'Posted station; NULL for district/state roles';
COMMENT ON COLUMN core.officer.password_hash IS 'Argon2id encoded verifier (salt and parameters inside); never the password';
COMMENT ON COLUMN core.officer.failed_attempts IS 'Consecutive failed sign-ins since the last success or unlock';
COMMENT ON COLUMN core.officer.locked_until IS 'Sign-in refused until then (set after too many failures)';
COMMENT ON COLUMN core.officer.active IS 'false: may not sign in (transferred, retired)';
COMMENT ON COLUMN core.officer.otp_secret IS 'TOTP secret (RFC 6238, HMAC-SHA1); NULL: no one-time code';
COMMENT ON COLUMN core.officer.created_at IS 'When added';

CREATE TABLE core.officer_role (
	officer bigint NOT NULL REFERENCES core.officer ON DELETE CASCADE,
	role text NOT NULL REFERENCES ref.role,
	PRIMARY KEY (officer, role)
);
COMMENT ON TABLE core.officer_role IS 'Roles an officer holds';
COMMENT ON COLUMN core.officer_role.officer IS 'core.officer id';
COMMENT ON COLUMN core.officer_role.role IS 'ref.role code';

CREATE TABLE core.officer_session (
	token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
	officer bigint NOT NULL REFERENCES core.officer ON DELETE CASCADE,
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	terminal text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	last_seen timestamptz NOT NULL DEFAULT now(),
	ended_at timestamptz
);
COMMENT ON TABLE core.officer_session IS 'Signed-in sessions; the token itself is held only by the terminal';
COMMENT ON COLUMN core.officer_session.token_hash IS 'SHA-256 of the 32-byte random session token';
COMMENT ON COLUMN core.officer_session.officer IS 'core.officer id';
COMMENT ON COLUMN core.officer_session.state_code IS 'Station (from the certificate) the session was opened from: state';
COMMENT ON COLUMN core.officer_session.district_code IS 'District of that station';
COMMENT ON COLUMN core.officer_session.station_code IS 'That station';
COMMENT ON COLUMN core.officer_session.terminal IS 'Terminal name of the certificate; the session resumes only from it';
COMMENT ON COLUMN core.officer_session.created_at IS 'Signed in at';
COMMENT ON COLUMN core.officer_session.last_seen IS 'Last resumed or used; idle past the timeout: locked';
COMMENT ON COLUMN core.officer_session.ended_at IS 'Signed out (or replaced) at; NULL while open';
CREATE INDEX officer_session_officer ON core.officer_session (officer) WHERE ended_at IS NULL;

CREATE TABLE core.officer_event (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at timestamptz NOT NULL DEFAULT clock_timestamp(),
	state_code int NOT NULL,
	officer_no text NOT NULL,
	officer bigint REFERENCES core.officer ON DELETE SET NULL,
	event text NOT NULL CHECK (event IN ('sign_in', 'sign_in_failed', 'locked', 'sign_out',
		'resume_refused', 'unlocked', 'password_set', 'otp_set')),
	reason text,
	district_code int,
	station_code int,
	terminal text
);
COMMENT ON TABLE core.officer_event IS 'Every sign-in, failure, lock, refused resume, sign-out and admin change; never a password';
COMMENT ON COLUMN core.officer_event.id IS 'Order of events';
COMMENT ON COLUMN core.officer_event.at IS 'When';
COMMENT ON COLUMN core.officer_event.state_code IS 'State of the officer number';
COMMENT ON COLUMN core.officer_event.officer_no IS 'Officer number as given (may be unknown)';
COMMENT ON COLUMN core.officer_event.officer IS 'core.officer id when the number is known';
COMMENT ON COLUMN core.officer_event.event IS 'What happened';
COMMENT ON COLUMN core.officer_event.reason IS 'Why (failure reason code: bad_password, bad_otp, locked, unknown, ...)';
COMMENT ON COLUMN core.officer_event.district_code IS 'Terminal''s district, when from a terminal';
COMMENT ON COLUMN core.officer_event.station_code IS 'Terminal''s station';
COMMENT ON COLUMN core.officer_event.terminal IS 'Terminal name of the certificate';

-- The roles and permissions of an officer.
CREATE FUNCTION core.officer_grants(oid_ bigint, OUT roles text[], OUT permissions text[])
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM core.officer_role r
			WHERE r.officer = oid_), '{}'),
		coalesce((SELECT array_agg(DISTINCT rp.permission ORDER BY rp.permission)
			FROM core.officer_role r JOIN ref.role_permission rp ON rp.role = r.role
			WHERE r.officer = oid_), '{}')
$fn$;
COMMENT ON FUNCTION core.officer_grants(bigint) IS 'Role codes and permission codes of an officer';

-- ------------------------------------------------------------ api

CREATE FUNCTION api.officer_verifier(state int, officer_no text)
RETURNS TABLE (password_hash text, locked boolean, active boolean, otp_secret bytea)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT o.password_hash, coalesce(o.locked_until > now(), false), o.active, o.otp_secret
	FROM core.officer o WHERE o.state_code = state AND o.officer_no = officer_verifier.officer_no
$fn$;
COMMENT ON FUNCTION api.officer_verifier(int, text) IS
	'SignIn step 1: the officer''s Argon2id verifier, lock state, active flag and OTP secret; no row when unknown';

CREATE FUNCTION api.officer_sign_in(state int, district int, station int, terminal text,
	officer_no text, token_hash bytea)
RETURNS TABLE (refusal text, name text, rank text, roles text[], permissions text[])
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	o core.officer;
	g record;
BEGIN
	SELECT * INTO o FROM core.officer x
	WHERE x.state_code = state AND x.officer_no = officer_sign_in.officer_no FOR UPDATE;
	IF NOT FOUND OR NOT o.active THEN
		RAISE EXCEPTION 'officer number or password is wrong' USING ERRCODE = 'CT401';
	END IF;
	IF o.locked_until > now() THEN
		RAISE EXCEPTION 'officer % is locked after failed sign-ins until % IST', officer_no,
			to_char(o.locked_until AT TIME ZONE 'Asia/Kolkata', 'HH24:MI')
			USING ERRCODE = 'CT401';
	END IF;
	IF (o.district_code IS NOT NULL AND o.district_code <> district)
		OR (o.station_code IS NOT NULL AND o.station_code <> station) THEN
		INSERT INTO core.officer_event (state_code, officer_no, officer, event, reason,
			district_code, station_code, terminal)
		VALUES (state, officer_no, o.id, 'sign_in_failed', 'not_posted_here', district, station, terminal);
		-- Returned, not raised: the event must stay.
		RETURN QUERY SELECT format('officer %s is not posted at this station', officer_no),
			NULL::text, NULL::text, NULL::text[], NULL::text[];
		RETURN;
	END IF;
	UPDATE core.officer SET failed_attempts = 0, locked_until = NULL WHERE id = o.id;
	-- Earlier sessions stay open (several programs of one terminal may sign in); they end
	-- by sign-out, idling, a lock or a new password.
	INSERT INTO core.officer_session (token_hash, officer, state_code, district_code, station_code, terminal)
	VALUES (token_hash, o.id, state, district, station, terminal);
	INSERT INTO core.officer_event (state_code, officer_no, officer, event, district_code, station_code, terminal)
	VALUES (state, officer_no, o.id, 'sign_in', district, station, terminal);
	g := core.officer_grants(o.id);
	RETURN QUERY SELECT NULL::text, o.name, o.rank, g.roles, g.permissions;
END
$fn$;
COMMENT ON FUNCTION api.officer_sign_in(int, int, int, text, text, bytea) IS
	'SignIn step 2 (password verified by the server): open a session for the token hash, reset the failure count. CT401 unknown/inactive/locked; a refusal (posted elsewhere) is returned in refusal, with an event';

CREATE FUNCTION api.officer_sign_in_failed(state int, district int, station int, terminal text,
	officer_no text, reason text, max_failures int, lock_seconds int)
RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	o core.officer;
BEGIN
	IF reason NOT IN ('bad_password', 'bad_otp', 'locked', 'unknown', 'inactive') THEN
		RAISE EXCEPTION 'unknown failure reason' USING ERRCODE = 'CT400';
	END IF;
	SELECT * INTO o FROM core.officer x
	WHERE x.state_code = state AND x.officer_no = officer_sign_in_failed.officer_no FOR UPDATE;
	INSERT INTO core.officer_event (state_code, officer_no, officer, event, reason,
		district_code, station_code, terminal)
	VALUES (state, left(officer_no, 40), o.id, 'sign_in_failed', reason, district, station, terminal);
	IF o.id IS NULL OR reason IN ('locked', 'inactive') THEN
		RETURN o.locked_until;
	END IF;
	o.failed_attempts := o.failed_attempts + 1;
	IF o.failed_attempts >= max_failures THEN
		o.locked_until := now() + make_interval(secs => lock_seconds);
		o.failed_attempts := 0;
		INSERT INTO core.officer_event (state_code, officer_no, officer, event, reason,
			district_code, station_code, terminal)
		VALUES (state, officer_no, o.id, 'locked', max_failures || ' failures', district, station, terminal);
		UPDATE core.officer_session s SET ended_at = now() WHERE s.officer = o.id AND s.ended_at IS NULL;
	END IF;
	UPDATE core.officer SET failed_attempts = o.failed_attempts, locked_until = o.locked_until
	WHERE id = o.id;
	RETURN o.locked_until;
END
$fn$;
COMMENT ON FUNCTION api.officer_sign_in_failed(int, int, int, text, text, text, int, int) IS
	'A failed sign-in: event, count; max_failures in a row lock the officer for lock_seconds (returns locked_until, NULL when not locked)';

CREATE FUNCTION api.officer_resume(state int, district int, station int, terminal text,
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
			NULL::text, NULL::text, NULL::text, NULL::text[], NULL::text[];
		RETURN;
	END IF;
	UPDATE core.officer_session x SET last_seen = now() WHERE x.token_hash = s.token_hash;
	g := core.officer_grants(o.id);
	RETURN QUERY SELECT NULL::text, o.officer_no, o.name, o.rank, g.roles, g.permissions;
END
$fn$;
COMMENT ON FUNCTION api.officer_resume(int, int, int, text, bytea, int) IS
	'Hello with a session token: the officer, roles and permissions (touches last_seen). Refused (refusal set, an event written) when unknown, ended, from another terminal, locked, or idle past idle_seconds (which ends it)';

CREATE FUNCTION api.officer_sign_out(token_hash bytea)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s core.officer_session;
	o core.officer;
BEGIN
	UPDATE core.officer_session x SET ended_at = now()
	WHERE x.token_hash = officer_sign_out.token_hash AND x.ended_at IS NULL RETURNING * INTO s;
	IF FOUND THEN
		SELECT * INTO o FROM core.officer WHERE id = s.officer;
		INSERT INTO core.officer_event (state_code, officer_no, officer, event, district_code, station_code, terminal)
		VALUES (o.state_code, o.officer_no, o.id, 'sign_out', s.district_code, s.station_code, s.terminal);
	END IF;
END
$fn$;
COMMENT ON FUNCTION api.officer_sign_out(bytea) IS 'SignOut: end the session of this token hash (nothing when already ended)';

CREATE FUNCTION api.officer_touch(token_hash bytea)
RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
	UPDATE core.officer_session x SET last_seen = now()
	WHERE x.token_hash = officer_touch.token_hash AND x.ended_at IS NULL
$fn$;
COMMENT ON FUNCTION api.officer_touch(bytea) IS
	'A signed-in connection is in use: keep its session from idling out (the server calls it at most once a minute per connection)';

GRANT EXECUTE ON FUNCTION api.officer_verifier(int, text),
	api.officer_touch(bytea),
	api.officer_sign_in(int, int, int, text, text, bytea),
	api.officer_sign_in_failed(int, int, int, text, text, text, int, int),
	api.officer_resume(int, int, int, text, bytea, int),
	api.officer_sign_out(bytea) TO cctns_server;
-- Analysts read the reference tables (roles and permissions are not secret),
-- never core.officer*.
GRANT SELECT ON ref.permission, ref.role, ref.role_permission TO cctns_analyst;
REVOKE ALL ON core.officer, core.officer_role, core.officer_session, core.officer_event
	FROM cctns_analyst, cctns_server;

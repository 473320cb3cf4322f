-- patterns_helpers.sql: session-local helpers of patterns_checks.sql; \ir
-- it after helpers.sql and persons_helpers.sql after each \c.

-- day (0 = Monday) of last week at the IST wall-clock time hhmm: always in
-- the past, on a known day of the week.
CREATE FUNCTION pg_temp.at(day int, hhmm text) RETURNS timestamptz LANGUAGE sql STABLE AS $$
	SELECT ((date_trunc('week', now() AT TIME ZONE 'Asia/Kolkata')::date - 7 + day) + hhmm::time)
		AT TIME ZONE 'Asia/Kolkata'
$$;
-- Noon IST a month before the current quarter began: where some FIRs are
-- moved to check the quarter before.
CREATE FUNCTION pg_temp.prev_q() RETURNS timestamptz LANGUAGE sql STABLE AS $$
	SELECT (date_trunc('quarter', now() AT TIME ZONE 'Asia/Kolkata') - interval '1 month' + interval '12 hours')
		AT TIME ZONE 'Asia/Kolkata'
$$;
-- An FIR of a state-36 station: these charges, occurring at t (sent in UTC,
-- so the views must convert to IST), at this beat and PIN code (either may
-- be NULL); received an hour later. Returns its number.
CREATE FUNCTION pg_temp.fir36(station int, district int, charges jsonb, t timestamptz,
	beat text DEFAULT NULL, pin text DEFAULT NULL) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT r.fir_number FROM api.register_fir(36, district, station, pg_temp.key(),
		(pg_temp.sample() - 'occurred_to') || jsonb_build_object('charges', charges,
			'occurred_from', to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
			'information_received_at', to_char((t + interval '1 hour') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
			'place', jsonb_strip_nulls(jsonb_build_object('beat', beat,
				'address', jsonb_strip_nulls(jsonb_build_object('line1', 'Road No. 1', 'city', 'Hyderabad',
					'district_code', district, 'state_code', 36, 'pincode', pin)))))) r
$$;
-- Record crime details for FIR n of a state-36 station: the sample form
-- with these fields replaced.
CREATE FUNCTION pg_temp.cd36(station int, district int, n text, fields jsonb) RETURNS int LANGUAGE sql VOLATILE AS $$
	SELECT (r.receipt ->> 'version')::int FROM api.record_crime_details(36, district, station, pg_temp.key(), n,
		pg_temp.cd(now()) || fields) r
$$;
-- Victims with these injuries (made-up names).
CREATE FUNCTION pg_temp.victims(VARIADIC injuries text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT jsonb_build_object('victims', jsonb_agg(jsonb_build_object(
		'person', jsonb_build_object('name', 'Victim ' || i, 'gender', 'male', 'year_of_birth', 1990),
		'sc_st', 'none', 'injury', injuries[i]) ORDER BY i))
	FROM generate_subscripts(injuries, 1) i
$$;
-- An arrest memo at FIR n of a state-36 station, of a new person or of pid.
CREATE FUNCTION pg_temp.arrest36(station int, district int, n text, pid bigint DEFAULT NULL) RETURNS void LANGUAGE sql VOLATILE AS $$
	SELECT FROM api.register_arrest(36, district, station, pg_temp.key(), n,
		CASE WHEN pid IS NULL THEN pg_temp.memo(now()) ELSE jsonb_set(pg_temp.memo(now()), '{person,person_id}', to_jsonb(pid)) END)
$$;

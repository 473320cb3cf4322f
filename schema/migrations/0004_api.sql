-- 0004_api.sql: the api.* functions, the server's whole view of the database,
-- and the private helpers in core they are built from.
--
-- api.station_hello(state, district, station)
--     -> (station_name, district_name, state_name)            CT401
-- api.register_fir(state, district, station, idem bytea, fir jsonb)
--     -> (fir_number, year, number, registered_at, replayed)  CT401 CT400 CT409
-- api.get_fir(state, district, station, fir_number text)
--     -> jsonb {"receipt": FirReceipt, "content": FirContent}  CT401 CT400 CT404
--
-- fir is the FirContent message in the JSON mapping of proto/pbjson.h: proto
-- field names, enums as short lower-case names, fields at their default
-- omitted ("" and 0 are read as "not given"). Errors are raised with custom
-- SQLSTATEs; for CT400 the error's COLUMN field (PG_DIAG_COLUMN_NAME) holds
-- the path of the offending field relative to FirContent, e.g.
-- charges[0].section (the one exception: idempotency_key, the RegisterFir
-- field). Times come back as RFC 3339 in IST (+05:30).
--
-- Every function pins search_path and names every object with its schema.
-- The two api functions that touch the partitioned case tables also set
-- constraint_exclusion = off: partitions are found by partition pruning, and
-- with the default (partition) the planner would parse and test every CHECK
-- of the chosen partition each time it plans a foreign-key check against
-- core.fir, which it does for every charge, person and property row once a
-- second state has partitions (custom plans). It never excludes anything here.

-- ------------------------------------------------------------ errors

CREATE FUNCTION core.fir_bad(path text, msg text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RAISE EXCEPTION USING ERRCODE = 'CT400', MESSAGE = msg, COLUMN = coalesce(path, '');
END
$fn$;
COMMENT ON FUNCTION core.fir_bad(text, text) IS
	'Raise CT400 (invalid argument) with the field path in the error''s COLUMN';

-- ------------------------------------------------------------ JSON readers
-- The validation below (core.fir_check and the per-message functions it
-- calls) reads each field inline and accepts the plainly valid value on the
-- spot: a string of the right type and length, an enum name in the list, a
-- small whole number, a time or date that the cast surely takes. Anything
-- else goes to one of these readers, which look at the value from scratch,
-- raise CT400 with the field's path when it is wrong and otherwise return it
-- (NULL when absent, JSON null, "" or 0, as in proto3). So every message is
-- written once, here, and a valid FIR costs no reader call at all.
--
-- v is the field's value (obj -> key, NULL when the key is absent) and path
-- the field's full path in FirContent, e.g. complainant.address.pincode.

CREATE FUNCTION core.j_keys(obj jsonb, path text, allowed text[]) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	unknown text;
BEGIN
	SELECT k INTO unknown FROM jsonb_object_keys(obj) k WHERE k <> ALL (allowed) ORDER BY k LIMIT 1;
	IF unknown IS NOT NULL THEN
		PERFORM core.fir_bad(CASE WHEN path = '' THEN unknown ELSE path || '.' || unknown END,
			format('unknown field "%s"; expected one of: %s', unknown, array_to_string(allowed, ', ')));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.j_keys(jsonb, text, text[]) IS
	'CT400 naming the first (in sort order) key of obj that is not a field of its message';

CREATE FUNCTION core.j_obj(v jsonb, path text, allowed text[], required boolean) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF v IS NULL OR jsonb_typeof(v) = 'null' THEN
		IF required THEN
			PERFORM core.fir_bad(path, path || ' is required');
		END IF;
		RETURN NULL;
	END IF;
	IF jsonb_typeof(v) <> 'object' THEN
		PERFORM core.fir_bad(path, path || ': expected an object');
	END IF;
	PERFORM core.j_keys(v, path, allowed);
	RETURN v;
END
$fn$;
COMMENT ON FUNCTION core.j_obj(jsonb, text, text[], boolean) IS
	'Read a nested message: NULL when absent (CT400 when required), CT400 when not an object or when it has a field not in allowed';

CREATE FUNCTION core.j_str(v jsonb, path text, max_bytes int, required boolean) RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s text;
BEGIN
	IF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
		IF jsonb_typeof(v) <> 'string' THEN
			PERFORM core.fir_bad(path, path || ': expected a string');
		END IF;
		s := nullif(v #>> '{}', '');
	END IF;
	IF s IS NULL THEN
		IF required THEN
			PERFORM core.fir_bad(path, path || ' is required');
		END IF;
		RETURN NULL;
	END IF;
	IF octet_length(s) > max_bytes THEN
		PERFORM core.fir_bad(path, format('%s is too long: %s bytes, at most %s', path, octet_length(s), max_bytes));
	END IF;
	RETURN s;
END
$fn$;
COMMENT ON FUNCTION core.j_str(jsonb, text, int, boolean) IS
	'Read a string field ("" = absent), CT400 when of another type, missing but required, or longer than max_bytes';

CREATE FUNCTION core.j_uint(v jsonb, path text, max_value bigint) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s text;
BEGIN
	IF v IS NULL OR jsonb_typeof(v) = 'null' THEN
		RETURN NULL;
	END IF;
	IF jsonb_typeof(v) NOT IN ('number', 'string') THEN
		PERFORM core.fir_bad(path, path || ': expected a number');
	END IF;
	s := v #>> '{}';
	IF s !~ '^[0-9]{1,19}$' THEN
		PERFORM core.fir_bad(path, format('%s: expected a whole number from 0 to %s', path, max_value));
	END IF;
	IF s::numeric > max_value THEN
		PERFORM core.fir_bad(path, format('%s: expected a whole number from 0 to %s', path, max_value));
	END IF;
	RETURN nullif(s::bigint, 0);
END
$fn$;
COMMENT ON FUNCTION core.j_uint(jsonb, text, bigint) IS
	'Read an unsigned integer field (number or decimal string; 0 = absent), CT400 when not a whole number in 0..max_value';

CREATE FUNCTION core.j_enum(v jsonb, path text, allowed text[], required boolean) RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s text := core.j_str(v, path, 64, required);
BEGIN
	IF s IS NOT NULL AND s <> ALL (allowed) THEN
		PERFORM core.fir_bad(path, format('%s: "%s" is not one of: %s', path, s, array_to_string(allowed, ', ')));
	END IF;
	RETURN s;
END
$fn$;
COMMENT ON FUNCTION core.j_enum(jsonb, text, text[], boolean) IS
	'Read an enum field given by its short lower-case name, CT400 when not one of allowed';

-- The casts below sit in an EXCEPTION block (a subtransaction), so they are
-- only reached for the odd value the inline check did not take: 29 February,
-- 24:00:00, a leap second, an offset beyond 14:59, a date that does not exist.
CREATE FUNCTION core.j_time(v jsonb, path text, required boolean) RETURNS timestamptz
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s text := core.j_str(v, path, 64, required);
	t timestamptz;
	ok boolean := true;
BEGIN
	IF s IS NULL THEN
		RETURN NULL;
	END IF;
	IF s !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})$' THEN
		ok := false;
	ELSE
		BEGIN
			t := s::timestamptz;
		EXCEPTION WHEN data_exception THEN
			ok := false;
		END;
	END IF;
	IF NOT ok THEN
		PERFORM core.fir_bad(path, format('%s: "%s" is not an RFC 3339 time such as 2026-03-14T21:30:00+05:30', path, s));
	END IF;
	IF t < '1950-01-01T00:00:00+05:30' THEN
		PERFORM core.fir_bad(path, path || ' is before 1950');
	END IF;
	IF t > now() THEN
		PERFORM core.fir_bad(path, path || ' is in the future');
	END IF;
	RETURN t;
END
$fn$;
COMMENT ON FUNCTION core.j_time(jsonb, text, boolean) IS
	'Read an RFC 3339 time with explicit offset; CT400 when malformed, impossible, before 1950 or after now()';

CREATE FUNCTION core.j_date(v jsonb, path text) RETURNS date
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s text := core.j_str(v, path, 16, false);
	d date;
	ok boolean := true;
BEGIN
	IF s IS NULL THEN
		RETURN NULL;
	END IF;
	IF s !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
		ok := false;
	ELSE
		BEGIN
			d := s::date;
		EXCEPTION WHEN data_exception THEN
			ok := false;
		END;
	END IF;
	IF NOT ok THEN
		PERFORM core.fir_bad(path, format('%s: "%s" is not a date such as 1990-05-17', path, s));
	END IF;
	RETURN d;
END
$fn$;
COMMENT ON FUNCTION core.j_date(jsonb, text) IS 'Read a YYYY-MM-DD date; CT400 when malformed or impossible';

CREATE FUNCTION core.j_arr(v jsonb, path text, max_items int) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF v IS NULL OR jsonb_typeof(v) = 'null' THEN
		RETURN '[]'::jsonb;
	END IF;
	IF jsonb_typeof(v) <> 'array' THEN
		PERFORM core.fir_bad(path, path || ': expected an array');
	END IF;
	IF jsonb_array_length(v) > max_items THEN
		PERFORM core.fir_bad(path, format('%s: %s items, at most %s', path, jsonb_array_length(v), max_items));
	END IF;
	RETURN v;
END
$fn$;
COMMENT ON FUNCTION core.j_arr(jsonb, text, int) IS 'Read a repeated field: [] when absent, CT400 when not an array or longer than max_items';

CREATE FUNCTION core.j_elem(v jsonb, path text, allowed text[]) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF jsonb_typeof(v) IS DISTINCT FROM 'object' THEN
		PERFORM core.fir_bad(path, path || ': expected an object');
	END IF;
	PERFORM core.j_keys(v, path, allowed);
END
$fn$;
COMMENT ON FUNCTION core.j_elem(jsonb, text, text[]) IS
	'Check an element of a repeated message field: CT400 when not an object (null included) or when it has a field not in allowed';

-- ------------------------------------------------------------ FirContent validation
-- Same rules, order and messages as the readers above; the pattern for a
-- field is
--	v := obj -> 'key';
--	IF <v is plainly valid> THEN use it ELSE x := core.j_xxx(v, path, ...) END IF;
-- The guards are written with CASE where a later test would fail on another
-- JSON type (jsonb - text[] on a scalar, jsonb_array_length on an object),
-- since SQL does not promise to evaluate AND from left to right.

CREATE FUNCTION core.fir_check_address(a jsonb, path text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['line1', 'line2', 'city', 'district_code', 'state_code', 'pincode'];
	v jsonb;
	pin text;
	st bigint;
	di bigint;
	ok boolean;
	di_state int;
	di_state_name text;
BEGIN
	IF a IS NULL OR jsonb_typeof(a) = 'null' THEN
		RETURN;
	END IF;
	IF (CASE WHEN jsonb_typeof(a) = 'object' THEN a - keys = '{}' END) IS NOT TRUE THEN
		PERFORM core.j_obj(a, path, keys, false);
	END IF;
	v := a -> 'line1';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 600) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.line1', 600, false);
	END IF;
	v := a -> 'line2';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 600) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.line2', 600, false);
	END IF;
	v := a -> 'city';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 300) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.city', 300, false);
	END IF;
	v := a -> 'pincode';
	IF v IS NOT NULL THEN
		IF jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 6 THEN
			pin := nullif(v #>> '{}', '');
		ELSE
			pin := core.j_str(v, path || '.pincode', 6, false);
		END IF;
		IF pin !~ '^[1-9][0-9]{5}$' THEN
			PERFORM core.fir_bad(path || '.pincode', path || '.pincode: expected a 6-digit PIN code');
		END IF;
	END IF;
	v := a -> 'state_code';
	IF v IS NOT NULL THEN
		IF jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,9}$' THEN
			st := nullif((v #>> '{}')::bigint, 0);
		ELSE
			st := core.j_uint(v, path || '.state_code', 2147483647);
		END IF;
	END IF;
	v := a -> 'district_code';
	IF v IS NOT NULL THEN
		IF jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,9}$' THEN
			di := nullif((v #>> '{}')::bigint, 0);
		ELSE
			di := core.j_uint(v, path || '.district_code', 2147483647);
		END IF;
	END IF;

	-- Codes: one lookup when they are right (ref.district references
	-- ref.state); the step-by-step checks only to say what is wrong.
	IF st IS NULL AND di IS NULL THEN
		RETURN;
	ELSIF di IS NULL THEN
		ok := EXISTS (SELECT 1 FROM ref.state s WHERE s.code = st);
	ELSE
		ok := EXISTS (SELECT 1 FROM ref.district d WHERE d.state_code = st AND d.district_code = di);
	END IF;
	IF ok THEN
		RETURN;
	END IF;
	IF st IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ref.state s WHERE s.code = st) THEN
		PERFORM core.fir_bad(path || '.state_code', format('there is no state with LGD code %s', st));
	END IF;
	IF di IS NOT NULL THEN
		IF st IS NULL THEN
			PERFORM core.fir_bad(path || '.state_code', path || '.state_code is required when district_code is given');
		END IF;
		SELECT d.state_code, s.name INTO di_state, di_state_name
		FROM ref.district d JOIN ref.state s ON s.code = d.state_code
		WHERE d.district_code = di;
		IF NOT FOUND THEN
			PERFORM core.fir_bad(path || '.district_code', format('there is no district with LGD code %s', di));
		END IF;
		IF di_state <> st THEN
			PERFORM core.fir_bad(path || '.district_code',
				format('district %s is not in state %s: it is in %s (%s)', di, st, di_state_name, di_state));
		END IF;
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.fir_check_address(jsonb, text) IS
	'Validate an Address (NULL or JSON null: nothing to check): fields, lengths, PIN code, state and district codes exist and the district is in the state';

CREATE FUNCTION core.fir_check_person(o jsonb, path text, required boolean) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['name', 'relative_kind', 'relative_name', 'gender', 'date_of_birth',
		'year_of_birth', 'nationality', 'occupation', 'address', 'phone'];
	relative_kinds constant text[] := ARRAY['father', 'husband', 'mother', 'guardian'];
	genders constant text[] := ARRAY['male', 'female', 'transgender'];
	today date := (now() AT TIME ZONE 'Asia/Kolkata')::date;
	v jsonb;
	s text;
	dob date;
	yob bigint;
BEGIN
	IF (CASE WHEN jsonb_typeof(o) = 'object' THEN o - keys = '{}' END) IS NOT TRUE THEN
		o := core.j_obj(o, path, keys, required);
		IF o IS NULL THEN
			RETURN;
		END IF;
	END IF;
	v := o -> 'name';
	IF (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 600) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.name', 600, required);
	END IF;
	v := o -> 'relative_kind';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (relative_kinds)) IS NOT TRUE THEN
		PERFORM core.j_enum(v, path || '.relative_kind', relative_kinds, false);
	END IF;
	v := o -> 'relative_name';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 600) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.relative_name', 600, false);
	END IF;
	v := o -> 'gender';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (genders)) IS NOT TRUE THEN
		PERFORM core.j_enum(v, path || '.gender', genders, false);
	END IF;
	v := o -> 'date_of_birth';
	IF v IS NOT NULL THEN
		-- 1900..2099 and a day every such month has (29 February: core.j_date).
		IF jsonb_typeof(v) = 'string' AND v #>> '{}' ~
			'^(19|20)[0-9]{2}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)$' THEN
			dob := (v #>> '{}')::date;
		ELSE
			dob := core.j_date(v, path || '.date_of_birth');
		END IF;
		IF dob < '1900-01-01' OR dob > today THEN
			PERFORM core.fir_bad(path || '.date_of_birth',
				format('%s must be between 1900-01-01 and today', path || '.date_of_birth'));
		END IF;
	END IF;
	v := o -> 'year_of_birth';
	IF v IS NOT NULL THEN
		IF jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,9}$' THEN
			yob := nullif((v #>> '{}')::bigint, 0);
		ELSE
			yob := core.j_uint(v, path || '.year_of_birth', 4294967295);
		END IF;
		IF yob < 1900 OR yob > extract(year FROM today) THEN
			PERFORM core.fir_bad(path || '.year_of_birth',
				format('%s must be between 1900 and %s', path || '.year_of_birth', extract(year FROM today)));
		END IF;
		IF yob IS NOT NULL AND dob IS NOT NULL AND yob <> extract(year FROM dob) THEN
			PERFORM core.fir_bad(path || '.year_of_birth', path || '.year_of_birth does not match date_of_birth');
		END IF;
	END IF;
	v := o -> 'nationality';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 100) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.nationality', 100, false);
	END IF;
	v := o -> 'occupation';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 300) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.occupation', 300, false);
	END IF;
	v := o -> 'address';
	IF v IS NOT NULL THEN
		PERFORM core.fir_check_address(v, path || '.address');
	END IF;
	v := o -> 'phone';
	IF v IS NOT NULL THEN
		IF jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 32 THEN
			s := nullif(v #>> '{}', '');
		ELSE
			s := core.j_str(v, path || '.phone', 32, false);
		END IF;
		IF s !~ '^\+?[0-9][0-9 -]{4,30}$' THEN
			PERFORM core.fir_bad(path || '.phone',
				path || '.phone: expected a phone number (digits, optionally + and spaces)');
		END IF;
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.fir_check_person(jsonb, text, boolean) IS
	'Validate a Person: an object with Person fields only (CT400 when absent and required), name (required likewise), enums, date/year of birth, address, phone';

CREATE FUNCTION core.fir_check_charge(c jsonb, path text, occurred_from timestamptz, occurred_to timestamptz)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['act', 'section', 'law'];
	acts constant text[] := ARRAY['ipc', 'bns', 'special_local'];
	bns_from constant timestamptz := '2024-07-01T00:00:00+05:30';
	v jsonb;
	v_act text;
	v_sec text;
	v_law text;
	base text;
	other text;
	hint text;
	suggestion text;
BEGIN
	IF (CASE WHEN jsonb_typeof(c) = 'object' THEN c - keys = '{}' END) IS NOT TRUE THEN
		PERFORM core.j_elem(c, path, keys);
	END IF;
	v := c -> 'act';
	IF jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (acts) THEN
		v_act := v #>> '{}';
	ELSE
		v_act := core.j_enum(v, path || '.act', acts, true);
	END IF;
	v := c -> 'section';
	IF jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 32 THEN
		v_sec := v #>> '{}';
	ELSE
		v_sec := core.j_str(v, path || '.section', 32, true);
	END IF;
	v := c -> 'law';
	IF jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 20 THEN
		v_law := v #>> '{}';
	ELSIF v IS NOT NULL OR v_act = 'special_local' THEN
		v_law := core.j_str(v, path || '.law', 20, v_act = 'special_local');
	END IF;

	IF v_act = 'special_local' THEN
		IF NOT EXISTS (SELECT 1 FROM ref.special_law l WHERE l.code = v_law) THEN
			SELECT l.code INTO suggestion FROM ref.special_law l WHERE lower(l.code) = lower(v_law) LIMIT 1;
			PERFORM core.fir_bad(path || '.law',
				format('no special or local law "%s" in the register%s', v_law,
					CASE WHEN suggestion IS NOT NULL THEN format(' (did you mean "%s"?)', suggestion)
					ELSE ' (ref.special_law)' END));
		END IF;
		RETURN;
	END IF;

	IF v_law IS NOT NULL THEN
		PERFORM core.fir_bad(path || '.law', path || '.law is only for special_local charges');
	END IF;
	IF v_sec !~ '^[0-9]+[A-Za-z]*(\([0-9A-Za-z]+\))*$' THEN
		PERFORM core.fir_bad(path || '.section',
			format('"%s" is not a section as written in the act, such as 303(2) or 498A', v_sec));
	END IF;
	base := upper(substring(v_sec FROM '^[0-9]+[A-Za-z]*'));
	IF NOT EXISTS (SELECT 1 FROM ref.section s WHERE s.act = v_act AND s.section = base) THEN
		other := CASE v_act WHEN 'ipc' THEN 'bns' ELSE 'ipc' END;
		IF EXISTS (SELECT 1 FROM ref.section s WHERE s.act = other AND s.section = base) THEN
			hint := format('; %s has: check the act', upper(other));
		END IF;
		PERFORM core.fir_bad(path || '.section',
			format('%s has no section %s%s', upper(v_act), base, coalesce(hint, '')));
	END IF;

	-- The BNS replaced the IPC for offences from 2024-07-01 (IST).
	IF v_act = 'ipc' AND occurred_from >= bns_from THEN
		SELECT string_agg(DISTINCT m.bns_section, ', ') INTO suggestion
		FROM ref.ipc_bns_map m WHERE m.ipc_section = base AND m.bns_section IS NOT NULL;
		PERFORM core.fir_bad(path || '.act',
			format('the offence began on or after 2024-07-01, when the BNS replaced the IPC: charge it under BNS%s',
				CASE WHEN suggestion IS NOT NULL THEN format(' (IPC %s corresponds to BNS %s)', base, suggestion)
				ELSE '' END));
	END IF;
	IF v_act = 'bns' AND coalesce(occurred_to, occurred_from) < bns_from THEN
		SELECT string_agg(DISTINCT m.ipc_section, ', ') INTO suggestion
		FROM ref.ipc_bns_map m WHERE m.bns_base = base AND m.ipc_section IS NOT NULL;
		PERFORM core.fir_bad(path || '.act',
			format('the offence was over before 2024-07-01, when the BNS came into force: charge it under IPC%s',
				CASE WHEN suggestion IS NOT NULL THEN format(' (BNS %s corresponds to IPC %s)', base, suggestion)
				ELSE '' END));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.fir_check_charge(jsonb, text, timestamptz, timestamptz) IS
	'Validate a Charge: an object with Charge fields only, act, section format and existence in that act (hinting the other act), IPC before / BNS from 2024-07-01, special law in ref.special_law';

CREATE FUNCTION core.fir_check(fir jsonb) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	top_keys constant text[] := ARRAY['occurred_from', 'occurred_to', 'information_received_at',
		'information_type', 'place', 'charges', 'complainant', 'accused', 'brief_facts', 'properties',
		'delay_reason'];
	place_keys constant text[] := ARRAY['address', 'distance_m', 'direction', 'beat'];
	accused_keys constant text[] := ARRAY['kind', 'person', 'description', 'count'];
	property_keys constant text[] := ARRAY['kind', 'description', 'value_rupees'];
	info_types constant text[] := ARRAY['oral', 'written', 'telephonic', 'electronic'];
	directions constant text[] := ARRAY['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'];
	accused_kinds constant text[] := ARRAY['known', 'suspected', 'unknown'];
	-- A time the cast surely takes and that is after 1950: years 1951..2999, a
	-- day every such month has, 00:00:00..23:59:59, offset up to 14:59. The
	-- rest (including every wrong time) goes to core.j_time.
	time_re constant text := '^(195[1-9]|19[6-9][0-9]|2[0-9]{3})-'
		'((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)'
		'T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$';
	t_from timestamptz;
	t_to timestamptz;
	t_info timestamptz;
	v jsonb;
	el jsonb;
	arr jsonb;
	p text;
	kind text;
	i int;
BEGIN
	IF fir IS NULL OR jsonb_typeof(fir) <> 'object' THEN
		PERFORM core.fir_bad('', 'the FIR content must be a JSON object (FirContent)');
	END IF;
	IF fir - top_keys <> '{}' THEN
		PERFORM core.j_keys(fir, '', top_keys);
	END IF;

	-- Times: each parsed on its own, then their order.
	v := fir -> 'occurred_from';
	IF jsonb_typeof(v) = 'string' AND v #>> '{}' ~ time_re THEN
		t_from := (v #>> '{}')::timestamptz;
	END IF;
	IF t_from IS NULL OR t_from > now() THEN
		t_from := core.j_time(v, 'occurred_from', true);
	END IF;
	v := fir -> 'occurred_to';
	IF jsonb_typeof(v) = 'string' AND v #>> '{}' ~ time_re THEN
		t_to := (v #>> '{}')::timestamptz;
	END IF;
	IF (t_to IS NULL AND v IS NOT NULL) OR t_to > now() THEN
		t_to := core.j_time(v, 'occurred_to', false);
	END IF;
	v := fir -> 'information_received_at';
	IF jsonb_typeof(v) = 'string' AND v #>> '{}' ~ time_re THEN
		t_info := (v #>> '{}')::timestamptz;
	END IF;
	IF t_info IS NULL OR t_info > now() THEN
		t_info := core.j_time(v, 'information_received_at', true);
	END IF;
	IF t_to < t_from THEN
		PERFORM core.fir_bad('occurred_to', 'occurred_to is before occurred_from');
	END IF;
	IF t_info < t_from THEN
		PERFORM core.fir_bad('information_received_at',
			'information_received_at is before occurred_from: information cannot come before the occurrence began');
	END IF;
	v := fir -> 'information_type';
	IF (jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (info_types)) IS NOT TRUE THEN
		PERFORM core.j_enum(v, 'information_type', info_types, true);
	END IF;

	el := fir -> 'place';
	IF el IS NOT NULL AND (CASE WHEN jsonb_typeof(el) = 'object' THEN el - place_keys = '{}' END) IS NOT TRUE THEN
		el := core.j_obj(el, 'place', place_keys, false);
	END IF;
	IF el IS NOT NULL THEN
		v := el -> 'address';
		IF v IS NOT NULL THEN
			PERFORM core.fir_check_address(v, 'place.address');
		END IF;
		v := el -> 'distance_m';
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,9}$') IS NOT TRUE THEN
			PERFORM core.j_uint(v, 'place.distance_m', 2147483647);
		END IF;
		v := el -> 'direction';
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (directions)) IS NOT TRUE THEN
			PERFORM core.j_enum(v, 'place.direction', directions, false);
		END IF;
		v := el -> 'beat';
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 100) IS NOT TRUE THEN
			PERFORM core.j_str(v, 'place.beat', 100, false);
		END IF;
	END IF;

	arr := fir -> 'charges';
	IF (CASE WHEN jsonb_typeof(arr) = 'array' THEN jsonb_array_length(arr) BETWEEN 1 AND 50 END) IS NOT TRUE THEN
		arr := core.j_arr(arr, 'charges', 50);
		IF jsonb_array_length(arr) = 0 THEN
			PERFORM core.fir_bad('charges', 'charges: at least one charge is required');
		END IF;
	END IF;
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		PERFORM core.fir_check_charge(arr -> i, 'charges[' || i || ']', t_from, t_to);
	END LOOP;

	PERFORM core.fir_check_person(fir -> 'complainant', 'complainant', true);

	arr := fir -> 'accused';
	IF arr IS NOT NULL AND (CASE WHEN jsonb_typeof(arr) = 'array' THEN jsonb_array_length(arr) <= 100 END) IS NOT TRUE THEN
		arr := core.j_arr(arr, 'accused', 100);
	END IF;
	FOR i IN 0 .. coalesce(jsonb_array_length(arr), 0) - 1 LOOP
		el := arr -> i;
		p := 'accused[' || i || ']';
		IF (CASE WHEN jsonb_typeof(el) = 'object' THEN el - accused_keys = '{}' END) IS NOT TRUE THEN
			PERFORM core.j_elem(el, p, accused_keys);
		END IF;
		v := el -> 'kind';
		IF jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (accused_kinds) THEN
			kind := v #>> '{}';
		ELSE
			kind := core.j_enum(v, p || '.kind', accused_kinds, true);
		END IF;
		v := el -> 'person';
		IF v IS NOT NULL OR kind <> 'unknown' THEN
			PERFORM core.fir_check_person(v, p || '.person', kind <> 'unknown');
		END IF;
		v := el -> 'description';
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 8000) IS NOT TRUE THEN
			PERFORM core.j_str(v, p || '.description', 8000, false);
		END IF;
		v := el -> 'count';
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,4}$') IS NOT TRUE THEN
			PERFORM core.j_uint(v, p || '.count', 10000);
		END IF;
	END LOOP;

	v := fir -> 'brief_facts';
	IF (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 65536) IS NOT TRUE THEN
		PERFORM core.j_str(v, 'brief_facts', 65536, true);
	END IF;

	arr := fir -> 'properties';
	IF arr IS NOT NULL AND (CASE WHEN jsonb_typeof(arr) = 'array' THEN jsonb_array_length(arr) <= 200 END) IS NOT TRUE THEN
		arr := core.j_arr(arr, 'properties', 200);
	END IF;
	FOR i IN 0 .. coalesce(jsonb_array_length(arr), 0) - 1 LOOP
		el := arr -> i;
		p := 'properties[' || i || ']';
		IF (CASE WHEN jsonb_typeof(el) = 'object' THEN el - property_keys = '{}' END) IS NOT TRUE THEN
			PERFORM core.j_elem(el, p, property_keys);
		END IF;
		v := el -> 'kind';
		IF (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 64) IS NOT TRUE THEN
			PERFORM core.j_str(v, p || '.kind', 64, true);
		END IF;
		v := el -> 'description';
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 4000) IS NOT TRUE THEN
			PERFORM core.j_str(v, p || '.description', 4000, false);
		END IF;
		v := el -> 'value_rupees';
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,18}$') IS NOT TRUE THEN
			PERFORM core.j_uint(v, p || '.value_rupees', 9223372036854775807);
		END IF;
	END LOOP;

	v := fir -> 'delay_reason';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 8000) IS NOT TRUE THEN
		PERFORM core.j_str(v, 'delay_reason', 8000, false);
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.fir_check(jsonb) IS
	'Validate a FirContent JSON document; raises CT400 with the field path in COLUMN at the first problem';

-- ------------------------------------------------------------ JSON output

CREATE FUNCTION core.ist_text(t timestamptz) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT to_char(t AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD"T"HH24:MI:SS')
		|| CASE WHEN date_trunc('second', t) <> t
			THEN '.' || rtrim(to_char(t AT TIME ZONE 'Asia/Kolkata', 'US'), '0') ELSE '' END
		|| '+05:30'
$fn$;
COMMENT ON FUNCTION core.ist_text(timestamptz) IS
	'RFC 3339 text of a time in India Standard Time, e.g. 2026-11-20T21:30:00+05:30 (fraction only when not zero; IST is +05:30 since 1945)';

CREATE FUNCTION core.fir_number_text(fir_no int, year int) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT lpad(fir_no::text, greatest(4, length(fir_no::text)), '0') || '/' || year::text
$fn$;
COMMENT ON FUNCTION core.fir_number_text(int, int) IS 'FIR number as the station writes it: 0042/2026';

CREATE FUNCTION core.address_json(line1 text, line2 text, city text, district_code int, state_code int,
	pincode text) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(jsonb_strip_nulls(jsonb_build_object('line1', line1, 'line2', line2, 'city', city,
		'district_code', district_code, 'state_code', state_code, 'pincode', pincode)), '{}')
$fn$;
COMMENT ON FUNCTION core.address_json(text, text, text, int, int, text) IS
	'Address message as JSON without its unset fields; NULL when nothing is set';

CREATE FUNCTION core.person_json(p core.fir_person) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(jsonb_strip_nulls(jsonb_build_object('name', p.name, 'relative_kind', p.relative_kind,
		'relative_name', p.relative_name, 'gender', p.gender,
		'date_of_birth', to_char(p.date_of_birth, 'YYYY-MM-DD'), 'year_of_birth', p.year_of_birth,
		'nationality', p.nationality, 'occupation', p.occupation,
		'address', core.address_json(p.addr_line1, p.addr_line2, p.addr_city, p.addr_district_code,
			p.addr_state_code, p.addr_pincode),
		'phone', p.phone)), '{}')
$fn$;
COMMENT ON FUNCTION core.person_json(core.fir_person) IS
	'Person message as JSON from a core.fir_person row, without unset fields; NULL when nothing is set';

-- ------------------------------------------------------------ stations

CREATE FUNCTION core.station_check(state int, district int, station int) RETURNS ref.station
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r ref.station;
BEGIN
	SELECT * INTO r FROM ref.station s
	WHERE s.state_code = state AND s.district_code = district AND s.station_code = station;
	IF NOT FOUND OR NOT r.active THEN
		RAISE EXCEPTION USING ERRCODE = 'CT401',
			MESSAGE = format('station %s:%s:%s is %s', state, district, station,
				CASE WHEN FOUND THEN 'not active in the station register' ELSE 'not in the station register' END),
			HINT = 'cctns-admin station add registers a station';
	END IF;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION core.station_check(int, int, int) IS 'The station''s register row; CT401 when unknown or inactive';

-- ------------------------------------------------------------ api.station_hello

CREATE FUNCTION api.station_hello(state int, district int, station int)
RETURNS TABLE (station_name text, district_name text, state_name text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM core.station_check(state, district, station);
	RETURN QUERY
		SELECT s.name, d.name, st.name
		FROM ref.station s
		JOIN ref.district d ON d.state_code = s.state_code AND d.district_code = s.district_code
		JOIN ref.state st ON st.code = s.state_code
		WHERE s.state_code = state AND s.district_code = district AND s.station_code = station;
END
$fn$;
COMMENT ON FUNCTION api.station_hello(int, int, int) IS
	'Hello: names of an active registered station. CT401 when the station is unknown or inactive';


-- ------------------------------------------------------------ api.register_fir

CREATE FUNCTION core.fir_store(state int, district int, station int, yr int, id bigint, idem bytea,
	sha bytea, fir jsonb, reg_at timestamptz) RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	v_no int;
	pl jsonb := CASE WHEN jsonb_typeof(fir -> 'place') = 'object' THEN fir -> 'place' ELSE '{}' END;
	ad jsonb := CASE WHEN jsonb_typeof(pl -> 'address') = 'object' THEN pl -> 'address' ELSE '{}' END;
BEGIN
	-- fir passed core.fir_check: every value has its type; a message or
	-- array given as JSON null is stored as absent.
	INSERT INTO core.fir_counter AS c (state_code, district_code, station_code, year, last_no)
	VALUES (state, district, station, yr, 1)
	ON CONFLICT (state_code, district_code, station_code, year)
		DO UPDATE SET last_no = c.last_no + 1
	RETURNING c.last_no INTO v_no;

	INSERT INTO core.fir (fir_id, state_code, year, district_code, station_code, fir_no, registered_at,
		occurred_from, occurred_to, information_received_at, information_type,
		place_line1, place_line2, place_city, place_district_code, place_state_code, place_pincode,
		place_distance_m, place_direction, place_beat, brief_facts, delay_reason,
		idempotency_key, content_sha256)
	VALUES (id, state, yr, district, station, v_no, reg_at,
		(fir ->> 'occurred_from')::timestamptz,
		nullif(fir ->> 'occurred_to', '')::timestamptz,
		(fir ->> 'information_received_at')::timestamptz,
		fir ->> 'information_type',
		nullif(ad ->> 'line1', ''), nullif(ad ->> 'line2', ''), nullif(ad ->> 'city', ''),
		nullif((ad ->> 'district_code')::int, 0), nullif((ad ->> 'state_code')::int, 0),
		nullif(ad ->> 'pincode', ''),
		nullif((pl ->> 'distance_m')::int, 0), nullif(pl ->> 'direction', ''), nullif(pl ->> 'beat', ''),
		fir ->> 'brief_facts', nullif(fir ->> 'delay_reason', ''),
		idem, sha);

	-- Charges, persons and properties: one statement, each table filled by
	-- one INSERT ... SELECT over its JSON array.
	WITH charges AS (
		INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section, law)
		SELECT state, yr, id, (e.n - 1)::smallint, e.c ->> 'act', e.c ->> 'section', nullif(e.c ->> 'law', '')
		FROM jsonb_array_elements(fir -> 'charges') WITH ORDINALITY e(c, n)
	), properties AS (
		INSERT INTO core.fir_property (state_code, year, fir_id, seq, kind, description, value_rupees)
		SELECT state, yr, id, (e.n - 1)::smallint, e.o ->> 'kind', nullif(e.o ->> 'description', ''),
			nullif((e.o ->> 'value_rupees')::bigint, 0)
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fir -> 'properties') = 'array'
			THEN fir -> 'properties' ELSE '[]' END) WITH ORDINALITY e(o, n)
	), pp (seq, role, p, description, cnt) AS (
		SELECT 0, 'complainant', fir -> 'complainant', NULL::text, NULL::int
		UNION ALL
		SELECT e.n, CASE e.a ->> 'kind' WHEN 'known' THEN 'accused' WHEN 'suspected' THEN 'suspect'
			ELSE 'unknown_accused' END,
			CASE WHEN jsonb_typeof(e.a -> 'person') = 'object' THEN e.a -> 'person' ELSE '{}' END,
			nullif(e.a ->> 'description', ''), nullif((e.a ->> 'count')::int, 0)
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fir -> 'accused') = 'array'
			THEN fir -> 'accused' ELSE '[]' END) WITH ORDINALITY e(a, n)
	)
	INSERT INTO core.fir_person (state_code, year, fir_id, seq, role, name, relative_kind, relative_name,
		gender, date_of_birth, year_of_birth, nationality, occupation, addr_line1, addr_line2, addr_city,
		addr_district_code, addr_state_code, addr_pincode, phone, description, count)
	SELECT state, yr, id, pp.seq, pp.role, nullif(pp.p ->> 'name', ''),
		nullif(pp.p ->> 'relative_kind', ''), nullif(pp.p ->> 'relative_name', ''),
		nullif(pp.p ->> 'gender', ''), nullif(pp.p ->> 'date_of_birth', '')::date,
		nullif((pp.p ->> 'year_of_birth')::int, 0),
		nullif(pp.p ->> 'nationality', ''), nullif(pp.p ->> 'occupation', ''),
		nullif(a.a ->> 'line1', ''), nullif(a.a ->> 'line2', ''), nullif(a.a ->> 'city', ''),
		nullif((a.a ->> 'district_code')::int, 0), nullif((a.a ->> 'state_code')::int, 0),
		nullif(a.a ->> 'pincode', ''),
		nullif(pp.p ->> 'phone', ''), pp.description, pp.cnt
	FROM pp, LATERAL (SELECT CASE WHEN jsonb_typeof(pp.p -> 'address') = 'object'
		THEN pp.p -> 'address' ELSE '{}' END) a(a);

	RETURN v_no;
END
$fn$;
COMMENT ON FUNCTION core.fir_store(int, int, int, int, bigint, bytea, bytea, jsonb, timestamptz) IS
	'Allocate the next FIR number of the station and year (core.fir_counter), insert a validated FirContent as FIR id into the case tables and return the number';

CREATE FUNCTION api.register_fir(state int, district int, station int, idem bytea, fir jsonb)
RETURNS TABLE (fir_number text, year int, number int, registered_at text, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_at timestamptz := now();
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_sha bytea;
	v_id bigint;
	v_no int;
	v_old core.idempotency;
BEGIN
	-- 1. The station must be registered and active.
	PERFORM core.station_check(state, district, station);
	IF idem IS NULL OR length(idem) <> 16 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'idempotency_key',
			MESSAGE = 'idempotency_key must be 16 bytes';
	END IF;
	IF fir IS NULL OR jsonb_typeof(fir) <> 'object' THEN
		PERFORM core.fir_bad('', 'the FIR content must be a JSON object (FirContent)');
	END IF;
	v_sha := sha256(convert_to(fir::text, 'UTF8'));

	-- 2. Partitions first: DDL (rarely) before this transaction holds any
	-- row lock, so a creator never waits on a registration that waits on it.
	-- Usually all four exist: four catalog lookups, no lock, no call.
	IF to_regclass('core.fir_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.fir_charge_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.fir_person_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.fir_property_' || state || '_' || v_year) IS NULL THEN
		PERFORM core.ensure_partitions(state, v_year);
	END IF;

	-- 3. Idempotency: the first writer of a key wins; a concurrent second
	-- writer waits here for the first to commit or roll back. The record
	-- names the FIR it is about to create (same transaction: both or neither).
	v_id := nextval('core.fir_id_seq');
	INSERT INTO core.idempotency (state_code, district_code, station_code, idem_key, content_sha256, year, fir_id)
	VALUES (state, district, station, idem, v_sha, v_year, v_id)
	ON CONFLICT DO NOTHING;
	IF NOT FOUND THEN
		SELECT * INTO v_old FROM core.idempotency i
		WHERE i.state_code = state AND i.district_code = district AND i.station_code = station
			AND i.idem_key = idem;
		IF v_old.content_sha256 <> v_sha OR v_old.fir_id IS NULL THEN
			RAISE EXCEPTION USING ERRCODE = 'CT409',
				MESSAGE = 'this idempotency key was already used for a different FIR; use a new key for new content';
		END IF;
		RETURN QUERY
			SELECT core.fir_number_text(f.fir_no, f.year), f.year::int, f.fir_no,
				core.ist_text(date_trunc('second', f.registered_at)), true
			FROM core.fir f
			WHERE f.state_code = state AND f.year = v_old.year AND f.fir_id = v_old.fir_id;
		RETURN;
	END IF;

	-- 4. Content.
	PERFORM core.fir_check(fir);

	-- 5. Number and rows.
	v_no := core.fir_store(state, district, station, v_year, v_id, idem, v_sha, fir, v_at);

	-- The receipt, formatted as core.fir_number_text and core.ist_text do
	-- (inline: this is the path every registration takes).
	fir_number := lpad(v_no::text, greatest(4, length(v_no::text)), '0') || '/' || v_year;
	year := v_year;
	number := v_no;
	registered_at := to_char(date_trunc('second', v_at) AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD"T"HH24:MI:SS')
		|| '+05:30';
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.register_fir(int, int, int, bytea, jsonb) IS
	'Register an FIR (FirContent JSON) for a station with a 16-byte idempotency key. Returns the receipt; the same key and content replay it (replayed = true). CT401 station, CT400 invalid (COLUMN = field path), CT409 key reused with other content';

-- ------------------------------------------------------------ api.get_fir

CREATE FUNCTION api.get_fir(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	n bigint;
	y int;
	f core.fir;
	names record;
	receipt jsonb;
	content jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF fir_number IS NULL OR fir_number !~ '^[0-9]{1,9}/[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number',
			MESSAGE = format('"%s" is not an FIR number such as 42/2026 or 0042/2026', coalesce(fir_number, ''));
	END IF;
	n := split_part(fir_number, '/', 1)::bigint;
	y := split_part(fir_number, '/', 2)::int;
	IF n = 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number',
			MESSAGE = 'FIR numbers start at 1';
	END IF;

	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = y AND x.district_code = district
		AND x.station_code = station AND x.fir_no = n;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'fir_number',
			MESSAGE = format('no FIR %s at this station', core.fir_number_text(n::int, y));
	END IF;

	SELECT s.name AS station_name, d.name AS district_name, st.name AS state_name INTO names
	FROM ref.station s
	JOIN ref.district d ON d.state_code = s.state_code AND d.district_code = s.district_code
	JOIN ref.state st ON st.code = s.state_code
	WHERE s.state_code = state AND s.district_code = district AND s.station_code = station;

	receipt := jsonb_build_object(
		'fir_number', core.fir_number_text(f.fir_no, f.year),
		'year', f.year,
		'number', f.fir_no,
		'station', jsonb_build_object('kind', 'station', 'state_code', state,
			'district_code', district, 'station_code', station,
			'station_name', names.station_name, 'district_name', names.district_name,
			'state_name', names.state_name),
		'registered_at', core.ist_text(date_trunc('second', f.registered_at)),
		'idempotency_key', encode(f.idempotency_key, 'base64'));

	content := jsonb_build_object(
		'occurred_from', core.ist_text(f.occurred_from),
		'occurred_to', core.ist_text(f.occurred_to),
		'information_received_at', core.ist_text(f.information_received_at),
		'information_type', f.information_type,
		'place', nullif(jsonb_strip_nulls(jsonb_build_object(
			'address', core.address_json(f.place_line1, f.place_line2, f.place_city,
				f.place_district_code, f.place_state_code, f.place_pincode),
			'distance_m', f.place_distance_m,
			'direction', f.place_direction,
			'beat', f.place_beat)), '{}'),
		'charges', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('act', c.act,
					'section', c.section, 'law', c.law))
				ORDER BY c.seq)
			FROM core.fir_charge c
			WHERE c.state_code = f.state_code AND c.year = f.year AND c.fir_id = f.fir_id),
		'complainant', (SELECT core.person_json(p)
			FROM core.fir_person p
			WHERE p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id
				AND p.role = 'complainant'),
		'accused', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
					'kind', CASE p.role WHEN 'accused' THEN 'known' WHEN 'suspect' THEN 'suspected'
						ELSE 'unknown' END,
					'person', core.person_json(p),
					'description', p.description,
					'count', p.count))
				ORDER BY p.seq)
			FROM core.fir_person p
			WHERE p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id
				AND p.role <> 'complainant'),
		'brief_facts', f.brief_facts,
		'properties', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', o.kind,
					'description', o.description, 'value_rupees', o.value_rupees))
				ORDER BY o.seq)
			FROM core.fir_property o
			WHERE o.state_code = f.state_code AND o.year = f.year AND o.fir_id = f.fir_id),
		'delay_reason', f.delay_reason);

	-- Unset fields are left out, as pbjson does: stored values are never ""
	-- or 0 (register_fir stores those as NULL), so dropping NULLs and empty
	-- messages is enough.
	RETURN jsonb_build_object('receipt', receipt, 'content', jsonb_strip_nulls(content));
END
$fn$;
COMMENT ON FUNCTION api.get_fir(int, int, int, text) IS
	'Read an FIR of the calling station by its number (42/2026 or 0042/2026): {"receipt": FirReceipt, "content": FirContent} in the pbjson mapping, times in IST. CT401 station, CT400 bad number, CT404 no such FIR';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.station_hello(int, int, int),
	api.register_fir(int, int, int, bytea, jsonb),
	api.get_fir(int, int, int, text)
	TO cctns_server;

-- Everything must belong to cctns_owner: the SECURITY DEFINER functions run
-- with their owner's rights, and cctns-admin migrate runs as that role.
DO $check$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(format('%s %s (owner %s)', what, name, owner), ', ') INTO bad FROM (
		SELECT 'relation' AS what, c.oid::regclass::text AS name, pg_get_userbyid(c.relowner) AS owner
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname IN ('ref', 'core', 'api')
		UNION ALL
		SELECT 'function', p.oid::regprocedure::text, pg_get_userbyid(p.proowner)
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE n.nspname IN ('ref', 'core', 'api')
		UNION ALL
		SELECT 'schema', n.nspname, pg_get_userbyid(n.nspowner)
		FROM pg_namespace n WHERE n.nspname IN ('ref', 'core', 'api')
	) o WHERE o.owner <> 'cctns_owner';
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'objects not owned by cctns_owner: %', bad;
	END IF;
END
$check$;

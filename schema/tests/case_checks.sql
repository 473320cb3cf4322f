-- case_checks.sql: checks of the General Diary, the case status machine and
-- timeline, investigating officers and arrest memos (migrations 0005, 0006)
-- against a real, migrated CCTNS database. Run by run_api_checks.sh after
-- api_checks.sql, which registered (and, on a second run, cleaned) the test
-- stations used here: 990005 (diary), 990006 (case status), 990007
-- (arrests). Any failed check raises an exception and stops the run.
--
-- Times: the checks expect to run within one IST day (the diary is numbered
-- per day).

\set ON_ERROR_STOP 1

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y,
	to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS today,
	to_char((now() AT TIME ZONE 'Asia/Kolkata')::date - 1, 'YYYY-MM-DD') AS yesterday \gset

-- api.add_gd_entry(9, 118, station, fresh key, entry) as a string for expect_error.
CREATE FUNCTION pg_temp.gd_sql(station int, entry jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.add_gd_entry(9, 118, %s, %L::bytea, %L::jsonb)', station, pg_temp.key(), entry)
$$;
CREATE FUNCTION pg_temp.io_sql(station int, fir_number text, req jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT format('SELECT api.assign_io(9, 118, %s, %L, %L::jsonb)', station, fir_number, req)
$$;
CREATE FUNCTION pg_temp.rfc3339(s text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT s ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?\+05:30$'
$$;

-- ------------------------------------------------------------ an FIR writes its diary entry
SELECT * FROM api.register_fir(9, 118, 990005, pg_temp.key(), pg_temp.sample()) \gset f1_
SELECT pg_temp.check(:'f1_gd_date' = :'today' AND :f1_gd_number = 1 AND :'f1_gd_entered_at' = :'f1_registered_at',
	'register_fir returns its diary entry: number 1 of today, entered when the FIR was registered');
SELECT pg_temp.check(api.get_gd(9, 118, 990005, '') = jsonb_build_object('date', :'today', 'entries', jsonb_build_array(
		jsonb_build_object('date', :'today', 'number', 1, 'entered_at', :'f1_registered_at', 'kind', 'fir',
			'text', 'FIR 0001/' || :y || ' registered under BNS 303(2)', 'fir_number', '0001/' || :y))),
	'the diary shows the FIR''s entry: kind fir, FIR number and charges, no personal data');

-- With the recording officer (FirContent.officer) and charges of two laws.
SELECT jsonb_set(pg_temp.sample(), '{charges}', '[{"act": "bns", "section": "303(2)"},
	{"act": "bns", "section": "331(4)"}, {"act": "special_local", "law": "NDPS", "section": "20(b)"}]')
	|| jsonb_build_object('officer', pg_temp.officer(1)) AS fir2 \gset
SELECT * FROM api.register_fir(9, 118, 990005, '\x0a0b0c0d0e0f10111213141516171819', :'fir2') \gset f2_
SELECT pg_temp.check(api.get_gd(9, 118, 990005, :'today') -> 'entries' -> 1 = jsonb_build_object('date', :'today',
		'number', 2, 'entered_at', :'f2_registered_at', 'kind', 'fir', 'officer', pg_temp.officer(1),
		'text', 'FIR 0002/' || :y || ' registered under BNS 303(2), BNS 331(4), NDPS 20(b)', 'fir_number', '0002/' || :y),
	'the entry names every charge and the recording officer');
SELECT pg_temp.check(pg_temp.as_sent(f -> 'content') = :'fir2'::jsonb AND f -> 'receipt' ->> 'gd_date' = :'today'
		AND (f -> 'receipt' -> 'gd_number')::int = 2 AND f -> 'receipt' ->> 'gd_entered_at' = :'f2_registered_at',
	'get_fir: the officer round-trips, the receipt names the diary entry')
FROM api.get_fir(9, 118, 990005, '2/' || :y) f;
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990005, pg_temp.sample() || '{"officer": {"name": "X", "rank": "SI"}}'),
	'CT400', 'officer.number');
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990005, pg_temp.sample() || '{"officer": "SI X"}'),
	'CT400', 'officer', '%expected an object%');
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990005, pg_temp.sample() || '{"colour": "red"}'),
	'CT400', 'colour', '%officer%');

-- A registration rolled back gives its diary number back with its FIR number.
BEGIN;
SELECT pg_temp.check(r.number = 3 AND r.gd_number = 3, 'FIR 3 and diary entry 3 taken inside a transaction')
FROM api.register_fir(9, 118, 990005, pg_temp.key(), pg_temp.sample()) r;
ROLLBACK;

-- ------------------------------------------------------------ station entries
SELECT entry AS e3, replayed AS e3_replayed FROM api.add_gd_entry(9, 118, 990005, '\x101112131415161718191a1b1c1d1e1f',
	pg_temp.gd('departure', 'SI Ravi Kumar Sharma and HC 212 left for the scene in jeep UP 80 AG 1243.')) \gset
SELECT pg_temp.check(NOT :'e3_replayed'::boolean AND :'e3'::jsonb - 'entered_at' = jsonb_build_object('date', :'today',
		'number', 3, 'kind', 'departure', 'officer', pg_temp.officer(4),
		'text', 'SI Ravi Kumar Sharma and HC 212 left for the scene in jeep UP 80 AG 1243.')
		AND pg_temp.rfc3339(:'e3'::jsonb ->> 'entered_at'),
	'add_gd_entry: GdEntry JSON, numbered 3 after the rolled-back registration');
SELECT pg_temp.check(r.replayed AND r.entry = :'e3'::jsonb, 'same key + same entry replays it')
FROM api.add_gd_entry(9, 118, 990005, '\x101112131415161718191a1b1c1d1e1f',
	pg_temp.gd('departure', 'SI Ravi Kumar Sharma and HC 212 left for the scene in jeep UP 80 AG 1243.')) r;
SELECT pg_temp.expect_error(format('SELECT * FROM api.add_gd_entry(9, 118, 990005, %L::bytea, %L::jsonb)',
	'\x101112131415161718191a1b1c1d1e1f', pg_temp.gd('arrival', 'Back.')), 'CT409', NULL, '%already used for a different diary entry%');
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_fir(9, 118, 990005, %L::bytea, %L::jsonb)',
	'\x101112131415161718191a1b1c1d1e1f', pg_temp.sample()), 'CT409', NULL, '%another request (add_gd_entry)%');
SELECT pg_temp.expect_error(format('SELECT * FROM api.add_gd_entry(9, 118, 990005, %L::bytea, %L::jsonb)',
	'\x0a0b0c0d0e0f10111213141516171819', pg_temp.gd('arrival', 'Back.')), 'CT409', NULL, '%another request (register_fir)%');

-- Kinds the server writes are refused from a station.
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd(k, 'x')), 'CT400', 'kind', '%written by the server%')
FROM unnest(ARRAY['fir', 'arrest', 'seizure', 'property_deposit']) k;
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('memo', 'x')), 'CT400', 'kind', '%general, correction, departure, arrival%');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('general', 'x') - 'kind'), 'CT400', 'kind', '%required%');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('general', 'x') - 'officer'), 'CT400', 'officer', '%required%');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('general', 'x') #- '{officer,rank}'), 'CT400', 'officer.rank');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('general', 'x') - 'text'), 'CT400', 'text', '%required%');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('general', repeat('x', 16385))), 'CT400', 'text', '%too long%');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('general', 'x') || '{"colour": "red"}'), 'CT400', 'colour');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, '[]'), 'CT400', '');
SELECT pg_temp.expect_error(format('SELECT * FROM api.add_gd_entry(9, 118, 990005, %L::bytea, %L::jsonb)',
	'\x0011', pg_temp.gd('general', 'x')), 'CT400', 'idempotency_key');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990003, pg_temp.gd('general', 'x')), 'CT401', NULL);

-- Corrections name an existing entry of the same station; nothing else does.
SELECT entry AS e4 FROM api.add_gd_entry(9, 118, 990005, pg_temp.key(),
	pg_temp.gd('correction', 'Entry 3: the jeep was UP 80 AG 1234, not 1243.')
	|| jsonb_build_object('corrects_date', :'today', 'corrects_number', 3)) \gset
SELECT pg_temp.check((:'e4'::jsonb -> 'number')::int = 4 AND :'e4'::jsonb ->> 'kind' = 'correction'
		AND :'e4'::jsonb ->> 'corrects_date' = :'today' AND (:'e4'::jsonb -> 'corrects_number')::int = 3,
	'a correction is entry 4 and names entry 3 of today');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('correction', 'x')
	|| jsonb_build_object('corrects_date', :'today', 'corrects_number', 99)), 'CT400', 'corrects_number', '%no General Diary entry 99%');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('correction', 'x')
	|| jsonb_build_object('corrects_date', :'yesterday', 'corrects_number', 1)), 'CT400', 'corrects_number');
-- Station 990006 has no entry 1 today (990005 has): corrections stay within their station.
SELECT pg_temp.expect_error(pg_temp.gd_sql(990006, pg_temp.gd('correction', 'x')
	|| jsonb_build_object('corrects_date', :'today', 'corrects_number', 1)), 'CT400', 'corrects_number');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('correction', 'x')
	|| jsonb_build_object('corrects_date', :'today')), 'CT400', 'corrects_number', '%required%');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('correction', 'x')
	|| jsonb_build_object('corrects_number', 3)), 'CT400', 'corrects_date', '%required%');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('correction', 'x')
	|| '{"corrects_date": "29/11/2026", "corrects_number": 3}'), 'CT400', 'corrects_date');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('general', 'x')
	|| jsonb_build_object('corrects_date', :'today', 'corrects_number', 3)), 'CT400', 'corrects_number', '%only a correction%');
SELECT pg_temp.expect_error(pg_temp.gd_sql(990005, pg_temp.gd('arrival', 'x')
	|| jsonb_build_object('corrects_date', :'today')), 'CT400', 'corrects_date', '%only a correction%');

-- Reading a day.
SELECT pg_temp.check(api.get_gd(9, 118, 990005, '') = api.get_gd(9, 118, 990005, :'today')
		AND (SELECT array_agg((e ->> 'number')::int ORDER BY o) FROM jsonb_array_elements(
			api.get_gd(9, 118, 990005, '') -> 'entries') WITH ORDINALITY x(e, o)) = '{1,2,3,4}'
		AND (SELECT array_agg(e ->> 'kind' ORDER BY o) FROM jsonb_array_elements(
			api.get_gd(9, 118, 990005, '') -> 'entries') WITH ORDINALITY x(e, o)) = '{fir,fir,departure,correction}',
	'get_gd: '''' is today; entries 1..4 in order, without gaps');
SELECT pg_temp.check(api.get_gd(9, 118, 990005, :'yesterday') = jsonb_build_object('date', :'yesterday'),
	'a day without entries has no "entries"');
SELECT pg_temp.expect_error('SELECT api.get_gd(9, 118, 990005, ''abc'')', 'CT400', 'date');
SELECT pg_temp.expect_error('SELECT api.get_gd(9, 118, 990005, ''2026-02-30'')', 'CT400', 'date');
SELECT pg_temp.expect_error('SELECT api.get_gd(9, 118, 990003, '''')', 'CT401', NULL);

-- ------------------------------------------------------------ case status, investigating officer, timeline
SELECT * FROM api.register_fir(9, 118, 990006, pg_temp.key(), pg_temp.sample()
	|| jsonb_build_object('officer', pg_temp.officer(3))) \gset c1_
SELECT pg_temp.check(api.case_timeline(9, 118, 990006, '1/' || :y) = jsonb_build_object('fir_number', '0001/' || :y,
		'status', 'registered', 'events', jsonb_build_array(jsonb_build_object('at', :'c1_registered_at',
			'kind', 'fir_registered', 'status', 'registered', 'officer', pg_temp.officer(3),
			'summary', 'FIR 0001/' || :y || ' registered under BNS 303(2)',
			'gd_date', :'today', 'gd_number', :c1_gd_number))),
	'a new FIR''s timeline: registered, one event fir_registered with its officer and diary entry');
SELECT api.assign_io(9, 118, 990006, '0001/' || :y,
	jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2))) AS t1 \gset
SELECT pg_temp.check(:'t1'::jsonb ->> 'status' = 'under_investigation' AND :'t1'::jsonb -> 'io' = pg_temp.officer(1)
		AND jsonb_array_length(:'t1'::jsonb -> 'events') = 2
		AND (:'t1'::jsonb -> 'events' -> 1) - 'at' = jsonb_build_object('kind', 'io_assigned',
			'status', 'under_investigation', 'officer', pg_temp.officer(2),
			'summary', 'Investigating officer assigned: SI Ravi Kumar Sharma (UP-15432)')
		AND pg_temp.rfc3339(:'t1'::jsonb -> 'events' -> 1 ->> 'at'),
	'first assignment: registered -> under_investigation, event io_assigned by the acting officer');
SELECT pg_temp.expect_error(pg_temp.io_sql(990006, '1/' || :y, jsonb_build_object('io',
	pg_temp.officer(1) || '{"rank": "Inspector"}', 'acting', pg_temp.officer(2))),
	'CT409', 'io.number', '%already the investigating officer%');
SELECT api.assign_io(9, 118, 990006, '1/' || :y,
	jsonb_build_object('io', pg_temp.officer(3), 'acting', pg_temp.officer(2))) AS t2 \gset
SELECT pg_temp.check(:'t2'::jsonb ->> 'status' = 'under_investigation' AND :'t2'::jsonb -> 'io' = pg_temp.officer(3)
		AND (:'t2'::jsonb -> 'events' -> 2) - 'at' = jsonb_build_object('kind', 'io_changed',
			'status', 'under_investigation', 'officer', pg_temp.officer(2),
			'summary', 'Investigating officer changed from SI Ravi Kumar Sharma (UP-15432) to SI Meena Verma (UP-20211)'),
	'a new officer keeps the status: event io_changed naming both officers');
SELECT pg_temp.check(api.case_timeline(9, 118, 990006, '0001/' || :y) = :'t2'::jsonb
		AND (SELECT array_agg(e ->> 'kind' ORDER BY o) FROM jsonb_array_elements(:'t2'::jsonb -> 'events')
			WITH ORDINALITY x(e, o)) = '{fir_registered,io_assigned,io_changed}'
		AND (SELECT bool_and((e ->> 'at')::timestamptz >= coalesce((p ->> 'at')::timestamptz, '-infinity'))
			FROM jsonb_array_elements(:'t2'::jsonb -> 'events') WITH ORDINALITY x(e, o)
			LEFT JOIN LATERAL (SELECT :'t2'::jsonb -> 'events' -> (o::int - 2)) q(p) ON o > 1),
	'case_timeline: the same timeline, oldest event first');
SELECT pg_temp.expect_error(pg_temp.io_sql(990006, '999/' || :y, jsonb_build_object('io', pg_temp.officer(1),
	'acting', pg_temp.officer(2))), 'CT404', 'fir_number');
SELECT pg_temp.expect_error(pg_temp.io_sql(990006, '1-2026', jsonb_build_object('io', pg_temp.officer(1),
	'acting', pg_temp.officer(2))), 'CT400', 'fir_number');
SELECT pg_temp.expect_error(pg_temp.io_sql(990006, '1/' || :y, jsonb_build_object('acting', pg_temp.officer(2))),
	'CT400', 'io', '%required%');
SELECT pg_temp.expect_error(pg_temp.io_sql(990006, '1/' || :y, jsonb_build_object('io', pg_temp.officer(4),
	'acting', pg_temp.officer(2) - 'rank')), 'CT400', 'acting.rank');
SELECT pg_temp.expect_error(pg_temp.io_sql(990006, '1/' || :y, jsonb_build_object('io', pg_temp.officer(4),
	'acting', pg_temp.officer(2), 'fir_number', '1/2026')), 'CT400', 'fir_number', 'unknown field%');
SELECT pg_temp.expect_error(pg_temp.io_sql(990006, '1/' || :y, '[]'), 'CT400', '');
SELECT pg_temp.expect_error(format('SELECT api.case_timeline(9, 118, 990006, %L)', '999/' || :y), 'CT404', 'fir_number');
SELECT pg_temp.expect_error('SELECT api.case_timeline(9, 118, 990006, ''x'')', 'CT400', 'fir_number');
SELECT pg_temp.expect_error(format('SELECT api.case_timeline(9, 118, 990003, %L)', '1/' || :y), 'CT401', NULL);
-- FIRs 2 and 3 of 990006: their status is moved by hand below (as the owner).
SELECT pg_temp.check(array_agg(r.number ORDER BY i) = '{2,3}', 'FIRs 2 and 3 of station 990006 registered')
FROM generate_series(1, 2) i, LATERAL api.register_fir(9, 118, 990006, pg_temp.key(),
	jsonb_set(pg_temp.sample(), '{delay_reason}', to_jsonb('Reported late, case ' || i))) r;

-- ------------------------------------------------------------ arrests
SELECT * FROM api.register_fir(9, 118, 990007, pg_temp.key(), pg_temp.sample()) \gset a_
SELECT pg_temp.memo(now()) AS m1 \gset
SELECT receipt AS ar1, replayed AS ar1_replayed FROM api.register_arrest(9, 118, 990007,
	'\x202122232425262728292a2b2c2d2e2f', '1/' || :y, :'m1') \gset
SELECT pg_temp.check(NOT :'ar1_replayed'::boolean AND :'ar1'::jsonb - 'registered_at' = jsonb_build_object(
		'fir_number', '0001/' || :y, 'accused_code', 'A1', 'gd_date', :'today', 'gd_number', 2)
		AND pg_temp.rfc3339(:'ar1'::jsonb ->> 'registered_at'),
	'register_arrest: ArrestReceipt, accused A1, diary entry 2 (entry 1 is the FIR''s)');
SELECT pg_temp.check(api.get_arrest(9, 118, 990007, '0001/' || :y, 'A1')
		= jsonb_build_object('receipt', :'ar1'::jsonb, 'memo', :'m1'::jsonb),
	'get_arrest: the receipt and the memo as registered');
SELECT pg_temp.check(r.replayed AND r.receipt = :'ar1'::jsonb || '{"replayed": true}', 'same key + same memo replays the receipt')
FROM api.register_arrest(9, 118, 990007, '\x202122232425262728292a2b2c2d2e2f', '0001/' || :y, :'m1') r;
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_arrest(9, 118, 990007, %L::bytea, %L, %L::jsonb)',
	'\x202122232425262728292a2b2c2d2e2f', '1/' || :y, jsonb_set(:'m1'::jsonb, '{place}', '"elsewhere"')),
	'CT409', NULL, '%already used for a different arrest memo%');
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_arrest(9, 118, 990007, %L::bytea, %L, %L::jsonb)',
	'\x202122232425262728292a2b2c2d2e2f', '2/' || :y, :'m1'), 'CT409', NULL);
SELECT pg_temp.expect_error(format('SELECT * FROM api.add_gd_entry(9, 118, 990007, %L::bytea, %L::jsonb)',
	'\x202122232425262728292a2b2c2d2e2f', pg_temp.gd('general', 'x')), 'CT409', NULL, '%another request (register_arrest)%');

-- Codes in order: A1..A9, then B1.
SELECT string_agg(r.receipt ->> 'accused_code', ',' ORDER BY i) AS codes
FROM generate_series(2, 10) i, LATERAL api.register_arrest(9, 118, 990007, pg_temp.key(), '1/' || :y,
	jsonb_set(pg_temp.memo(now()), '{person,name}', to_jsonb('Accused person ' || i))) r \gset
SELECT pg_temp.check(:'codes' = 'A2,A3,A4,A5,A6,A7,A8,A9,B1', 'accused codes A1..A9 then B1: ' || :'codes');
-- A court surrender.
SELECT receipt AS ar11 FROM api.register_arrest(9, 118, 990007, pg_temp.key(), '1/' || :y,
	pg_temp.memo(now()) || '{"court_surrender": true, "outcome": "surrendered_bailed",
		"place": "Court of the Chief Judicial Magistrate, Agra"}') \gset
SELECT pg_temp.check(:'ar11'::jsonb ->> 'accused_code' = 'B2', 'a court surrender memo is accused B2');

-- The diary and the timeline say what happened, without personal data.
SELECT pg_temp.check((api.get_gd(9, 118, 990007, '') -> 'entries' -> 1) - 'entered_at' = jsonb_build_object(
		'date', :'today', 'number', 2, 'kind', 'arrest', 'officer', pg_temp.officer(1),
		'text', 'Arrest memo of accused A1 in FIR 0001/' || :y || ': arrested and forwarded to court',
		'fir_number', '0001/' || :y, 'accused_code', 'A1')
		AND api.get_gd(9, 118, 990007, '') -> 'entries' -> 11 ->> 'text'
			= 'Court surrender memo of accused B2 in FIR 0001/' || :y || ': surrendered in court and bailed'
		AND jsonb_array_length(api.get_gd(9, 118, 990007, '') -> 'entries') = 12,
	'each arrest has its diary entry (kind arrest, FIR number, accused code)');
SELECT pg_temp.check(t -> 'events' -> 1 = jsonb_build_object(
			'at', pg_temp.ist(date_trunc('second', (:'m1'::jsonb ->> 'arrested_at')::timestamptz)), 'kind', 'arrest',
			'status', 'registered', 'officer', pg_temp.officer(1), 'summary', 'Accused A1 arrested and forwarded to court',
			'gd_date', :'today', 'gd_number', 2, 'accused_code', 'A1')
		AND jsonb_array_length(t -> 'events') = 12
		AND (SELECT string_agg(e ->> 'accused_code', ',' ORDER BY o) FROM jsonb_array_elements(t -> 'events')
			WITH ORDINALITY x(e, o)) = 'A1,A2,A3,A4,A5,A6,A7,A8,A9,B1,B2',
	'the timeline has an arrest event per memo, at the time of arrest (to the second), in order')
FROM api.case_timeline(9, 118, 990007, '1/' || :y) t;
SELECT pg_temp.check(strpos(api.get_gd(9, 118, 990007, '')::text, 'Sonu') = 0
		AND strpos(api.get_gd(9, 118, 990007, '')::text, 'Accused person') = 0
		AND strpos(api.case_timeline(9, 118, 990007, '1/' || :y)::text, 'Sonu') = 0,
	'no name of an arrested person in the diary or the timeline');

-- Rules.
SELECT pg_temp.memo(now()) AS m \gset
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, jsonb_set(:'m'::jsonb, '{arrested_at}',
	to_jsonb(pg_temp.ist(:'a_registered_at'::timestamptz - interval '1 minute')))),
	'CT400', 'arrested_at', 'an arrest cannot be recorded before its FIR%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, jsonb_set(:'m'::jsonb, '{arrested_at}',
	to_jsonb(pg_temp.ist(now() + interval '1 hour')))), 'CT400', 'arrested_at', '%in the future%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb - 'arrested_at'), 'CT400', 'arrested_at', '%required%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb || '{"arrested_at": "29/11/2026 10:30"}'),
	'CT400', 'arrested_at', '%RFC 3339%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb - 'outcome'), 'CT400', 'outcome', '%required%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb || '{"outcome": "escaped"}'), 'CT400', 'outcome');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb || '{"court_surrender": true}'),
	'CT400', 'outcome', 'court_surrender is set%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb || '{"outcome": "surrendered_judicial"}'),
	'CT400', 'outcome', '%set court_surrender%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb - 'person'), 'CT400', 'person', '%required%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, jsonb_set(:'m'::jsonb, '{person,name}', '""')),
	'CT400', 'person.name', '%required%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb || '{"aliases": ["a", "b", "c"]}'),
	'CT400', 'aliases', '%at most 2%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb || '{"aliases": [""]}'), 'CT400', 'aliases[0]');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb - 'officer'), 'CT400', 'officer', '%required%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb #- '{officer,number}'), 'CT400', 'officer.number');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, jsonb_set(:'m'::jsonb, '{descriptive_roll,height_cm}', h)),
	'CT400', 'descriptive_roll.height_cm')
FROM unnest(ARRAY['49', '251', '1000', '-5', '170.5']::jsonb[]) h;
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, jsonb_set(:'m'::jsonb, ARRAY[k],
	to_jsonb(pg_temp.ist(now() - interval '1 minute')))), 'CT400', k, '%before arrested_at%')
FROM unnest(ARRAY['relative_informed_at', 'designated_officer_informed_at']) k;
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, jsonb_set(:'m'::jsonb, '{place}', to_jsonb(repeat('x', 1001)))),
	'CT400', 'place', '%too long%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb || '{"dangerous": "yes"}'), 'CT400', 'dangerous');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, :'m'::jsonb || '{"colour": "red"}'), 'CT400', 'colour');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, '[]'), 'CT400', '');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1-2026', :'m'), 'CT400', 'fir_number');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '999/' || :y, :'m'), 'CT404', 'fir_number');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990003, '1/' || :y, :'m'), 'CT401', NULL);
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_arrest(9, 118, 990007, %L::bytea, %L, %L::jsonb)',
	'\x0011', '1/' || :y, :'m'), 'CT400', 'idempotency_key');

-- Never a full Aadhaar number, however it is written.
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, jsonb_set(:'m'::jsonb, '{identity_document}',
	jsonb_build_object('kind', k, 'number', '4821'))), 'CT400', 'identity_document.kind', '%full Aadhaar%')
FROM unnest(ARRAY['aadhaar', 'Aadhaar', 'AADHAR', 'aadhar card', 'Aadhaar Number', 'adhaar', 'UID', 'e-Aadhaar',
	'masked_aadhaar', 'आधार']) k;
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, jsonb_set(:'m'::jsonb, '{identity_document}',
	jsonb_build_object('kind', 'voter_id', 'number', n))), 'CT400', 'identity_document.number', '%12 digits%')
FROM unnest(ARRAY['123456789012', '1234 5678 9012', '1234-5678-9012', '1234.5678.9012', E'1234\u00a05678\u00a09012',
	E'1234\u20135678\u20139012', '１２３４５６７８９０１２', '१२३४ ५६७८ ९०१२', 'UID 1234 5678 9012', ' 123456789012 ']) n;
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, jsonb_set(:'m'::jsonb, '{identity_document}',
	jsonb_build_object('kind', 'aadhaar_masked', 'number', n))), 'CT400', 'identity_document.number', '%last 4 digits%')
FROM unnest(ARRAY['123456', 'XXXX XXXX 1234', '12a4']) n;
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990007, '1/' || :y, jsonb_set(:'m'::jsonb, '{identity_document}',
	'{"kind": "voter_id"}')), 'CT400', 'identity_document.number', '%required%');
-- Other documents, including long numbers, and a masked Aadhaar are taken.
SELECT string_agg(r.receipt ->> 'accused_code', ',' ORDER BY d.o) AS codes2
FROM unnest(ARRAY['{"kind": "voter_id", "number": "ABC1234567"}', '{"kind": "driving_licence", "number": "UP14 20110012345"}',
	'{"kind": "aadhaar_masked", "number": "0042"}']::jsonb[]) WITH ORDINALITY d(doc, o),
	LATERAL api.register_arrest(9, 118, 990007, pg_temp.key(), '1/' || :y,
		jsonb_set(pg_temp.memo(now()), '{identity_document}', d.doc)) r \gset
SELECT pg_temp.check(:'codes2' = 'B3,B4,B5', 'other identity documents are taken; refused memos used no code: ' || :'codes2');
SELECT pg_temp.check(api.get_arrest(9, 118, 990007, '1/' || :y, 'B4') #>> '{memo,identity_document,number}' = 'UP14 20110012345',
	'a driving licence number is kept as written');

SELECT pg_temp.expect_error(format('SELECT api.get_arrest(9, 118, 990007, %L, ''Z9'')', '1/' || :y), 'CT404', 'accused_code');
SELECT pg_temp.expect_error(format('SELECT api.get_arrest(9, 118, 990007, %L, ''a1'')', '1/' || :y), 'CT400', 'accused_code');
SELECT pg_temp.expect_error(format('SELECT api.get_arrest(9, 118, 990007, %L, ''A0'')', '1/' || :y), 'CT400', 'accused_code');
SELECT pg_temp.expect_error(format('SELECT api.get_arrest(9, 118, 990007, %L, ''A1'')', '999/' || :y), 'CT404', 'fir_number');
SELECT pg_temp.expect_error(format('SELECT api.get_arrest(9, 118, 990006, %L, ''A1'')', '1/' || :y), 'CT404', 'accused_code');
SELECT pg_temp.expect_error(format('SELECT api.get_arrest(9, 118, 990003, %L, ''A1'')', '1/' || :y), 'CT401', NULL);

-- ------------------------------------------------------------ the server sees only api
SELECT pg_temp.expect_error(format('SELECT count(*) FROM core.%I', t), '42501', NULL)
FROM unnest(ARRAY['gd_entry', 'gd_entry_9_' || :y, 'gd_counter', 'case_event', 'case_event_9_' || :y,
	'arrest', 'arrest_9_' || :y, 'arrest_counter', 'partitioned_table']) t;
SELECT pg_temp.expect_error(format('SELECT count(*) FROM ref.%I', t), '42501', NULL)
FROM unnest(ARRAY['case_status', 'case_transition', 'arrest_outcome']) t;
SELECT pg_temp.expect_error('SELECT core.id_doc_refusal(''aadhaar'', ''1'')', '42501', NULL);

-- ============================================================ as cctns_owner
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;

-- Each FIR references its own diary entry, written at the same instant.
SELECT pg_temp.check(count(*) = 2 AND bool_and(g.kind = 'fir' AND g.fir_no = f.fir_no AND g.fir_year = f.year
		AND g.entered_at = f.registered_at),
	'core.fir rows reference their kind-fir diary entries')
FROM core.fir f JOIN core.gd_entry g ON g.state_code = f.state_code AND g.year = f.year
	AND g.district_code = f.district_code AND g.station_code = f.station_code AND g.gd_date = f.gd_date AND g.gd_no = f.gd_no
WHERE f.station_code = 990005;
SELECT pg_temp.check(count(*) = 4 AND max(gd_no) = 4 AND (SELECT last_no FROM core.gd_counter c
		WHERE c.station_code = 990005 AND c.gd_date = :'today') = 4,
	'station 990005: entries 1..4, nothing left by the rolled-back registration')
FROM core.gd_entry WHERE station_code = 990005;

-- Events are numbered per FIR, from 1.
SELECT pg_temp.check(array_agg(e.seq::int ORDER BY e.seq) = '{1,2,3}', 'timeline events of an FIR are numbered 1, 2, 3')
FROM core.case_event e JOIN core.fir f USING (state_code, year, fir_id) WHERE f.station_code = 990006 AND f.fir_no = 1;
SELECT pg_temp.check(array_agg(e.seq::int ORDER BY e.seq) = ARRAY(SELECT generate_series(1, 15)),
	'timeline events of an FIR with 14 arrests are numbered 1..15')
FROM core.case_event e JOIN core.fir f USING (state_code, year, fir_id) WHERE f.station_code = 990007 AND f.fir_no = 1;

-- Append-only, for the owner too.
SELECT pg_temp.expect_error('UPDATE core.gd_entry SET text = ''x'' WHERE station_code = 990005', 'CT403', NULL, '%append-only%');
SELECT pg_temp.expect_error('DELETE FROM core.gd_entry WHERE station_code = 990005', 'CT403', NULL, '%append-only%');
SELECT pg_temp.expect_error(format('UPDATE core.%I SET kind = ''general'' WHERE station_code = 990005', 'gd_entry_9_' || :y),
	'CT403', NULL, '%append-only%');
SELECT pg_temp.expect_error(format('DELETE FROM core.%I WHERE station_code = 990005', 'gd_entry_9_' || :y), 'CT403', NULL);
SELECT pg_temp.expect_error(format('TRUNCATE core.%I CASCADE', t), 'CT403', NULL, '%TRUNCATE refused%')
FROM unnest(ARRAY['gd_entry', 'gd_entry_9', 'gd_entry_9_' || :y]) t;

-- Constraints for every writer: a correction references an existing entry
-- (and only a correction does), the day is the day it was written, an FIR
-- has its diary entry.
CREATE FUNCTION pg_temp.gd_insert(kind text, gd_date text, corrects_date text, corrects_no int) RETURNS text
LANGUAGE sql AS $$
	SELECT format($q$INSERT INTO core.gd_entry (state_code, year, district_code, station_code, gd_date, gd_no, kind, text,
		officer_number, officer_name, officer_rank, corrects_date, corrects_no)
		VALUES (9, %s, 118, 990005, %L, 900, %L, 'x', '1', 'A', 'SI', %L, %s)$q$,
		extract(year FROM gd_date::date), gd_date, kind, corrects_date, coalesce(corrects_no::text, 'NULL'))
$$;
SELECT pg_temp.expect_error(pg_temp.gd_insert('correction', :'today', :'today', 899), '23503', NULL, '%gd_entry_corrects_fkey%');
SELECT pg_temp.expect_error(pg_temp.gd_insert('correction', :'today', NULL, NULL), '23514', NULL, '%gd_entry_consistent%');
SELECT pg_temp.expect_error(pg_temp.gd_insert('general', :'today', :'today', 1), '23514', NULL, '%gd_entry_consistent%');
SELECT pg_temp.expect_error(pg_temp.gd_insert('general', :'yesterday', NULL, NULL), '23514', NULL, '%gd_entry_consistent%');
SELECT pg_temp.expect_error(pg_temp.gd_insert('memo', :'today', NULL, NULL), '23514', NULL, '%gd_kind%');
SELECT pg_temp.expect_error(format($$INSERT INTO core.fir (state_code, year, district_code, station_code, fir_no,
	occurred_from, information_received_at, information_type, brief_facts, idempotency_key, content_sha256)
	VALUES (9, %s, 118, 990005, 900, now() - interval '1 hour', now(), 'oral', 'x',
	'\x00112233445566778899aabbccddeeff', sha256('x'))$$, :y), '23514', NULL, '%fir_gd_entry_given%');
SELECT pg_temp.expect_error(format($$INSERT INTO core.fir (state_code, year, district_code, station_code, fir_no,
	occurred_from, information_received_at, information_type, brief_facts, idempotency_key, content_sha256, gd_date, gd_no)
	VALUES (9, %s, 118, 990005, 900, now() - interval '1 hour', now(), 'oral', 'x',
	'\x00112233445566778899aabbccddeeff', sha256('x'), %L, 899)$$, :y, :'today'), '23503', NULL, '%fir_gd_entry_fkey%');

-- The status machine: ref.case_transition is the comment above CaseStatus.
SELECT pg_temp.check(array_agg(from_status || ' -> ' || to_status ORDER BY from_status, to_status) = ARRAY[
		'charge_sheeted -> court_disposed', 'charge_sheeted -> under_investigation',
		'court_disposed -> in_appeal', 'final_report -> court_disposed', 'final_report -> under_investigation',
		'in_appeal -> appeal_decided', 'registered -> transferred', 'registered -> under_investigation',
		'under_investigation -> charge_sheeted', 'under_investigation -> final_report',
		'under_investigation -> transferred'],
	'ref.case_transition holds exactly the permitted transitions')
FROM ref.case_transition;
SELECT pg_temp.check(array_agg(code || '=' || number ORDER BY number) = ARRAY['registered=1', 'under_investigation=2',
		'transferred=3', 'charge_sheeted=4', 'final_report=5', 'court_disposed=6', 'in_appeal=7', 'appeal_decided=8']
		AND bool_and(final = (code IN ('transferred', 'appeal_decided')))
		AND bool_and(code::core.case_status_code IS NOT NULL)
		AND NOT EXISTS (SELECT 1 FROM ref.case_transition t JOIN ref.case_status s ON s.code = t.from_status WHERE s.final),
	'ref.case_status is CaseStatus; the domain takes its codes; no transition leaves a final status')
FROM ref.case_status;
SELECT pg_temp.expect_error('SELECT ''closed''::core.case_status_code', '23514', NULL);

-- The trigger refuses every other change of status, the owner's included.
CREATE FUNCTION pg_temp.set_status(fir_no int, status text) RETURNS text LANGUAGE sql AS $$
	SELECT format('UPDATE core.fir SET status = %L WHERE station_code = 990006 AND fir_no = %s AND year = %s',
		status, fir_no, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata'))
$$;
SELECT pg_temp.expect_error(pg_temp.set_status(2, 'charge_sheeted'), 'CT409', 'status', '%from registered to charge_sheeted%');
SELECT pg_temp.expect_error(pg_temp.set_status(2, 'appeal_decided'), 'CT409', 'status');
SELECT pg_temp.expect_error(pg_temp.set_status(2, 'closed'), '23514', NULL);
UPDATE core.fir SET status = 'transferred' WHERE station_code = 990006 AND fir_no = 2 AND year = :y;
SELECT pg_temp.check(status = 'transferred', 'a permitted change (registered -> transferred) is made by a direct UPDATE')
FROM core.fir WHERE station_code = 990006 AND fir_no = 2 AND year = :y;
SELECT pg_temp.expect_error(pg_temp.set_status(2, 'under_investigation'), 'CT409', 'status', '%from transferred to under_investigation%');
SELECT pg_temp.expect_error(format('UPDATE core.%I SET status = ''registered'' WHERE station_code = 990006 AND fir_no = 2',
	'fir_9_' || :y), 'CT409', 'status');
-- FIR 3: the whole way, with an investigating officer.
UPDATE core.fir SET status = 'under_investigation', io_number = 'UP-1', io_name = 'A', io_rank = 'SI'
WHERE station_code = 990006 AND fir_no = 3 AND year = :y;
UPDATE core.fir SET status = 'final_report' WHERE station_code = 990006 AND fir_no = 3 AND year = :y;
UPDATE core.fir SET status = 'under_investigation' WHERE station_code = 990006 AND fir_no = 3 AND year = :y;
UPDATE core.fir SET status = 'charge_sheeted' WHERE station_code = 990006 AND fir_no = 3 AND year = :y;
UPDATE core.fir SET status = 'court_disposed' WHERE station_code = 990006 AND fir_no = 3 AND year = :y;
SELECT pg_temp.expect_error(pg_temp.set_status(3, 'under_investigation'), 'CT409', 'status', '%from court_disposed to under_investigation%');
UPDATE core.fir SET status = 'in_appeal' WHERE station_code = 990006 AND fir_no = 3 AND year = :y;
UPDATE core.fir SET status = 'appeal_decided' WHERE station_code = 990006 AND fir_no = 3 AND year = :y;
SELECT pg_temp.expect_error(pg_temp.set_status(3, 'in_appeal'), 'CT409', 'status', '%from appeal_decided to in_appeal%');
SELECT pg_temp.check(status = 'appeal_decided', 'permitted changes walk a case to appeal_decided, and no further')
FROM core.fir WHERE station_code = 990006 AND fir_no = 3 AND year = :y;

-- Arrests: codes, counter, and the rules for every writer.
SELECT pg_temp.check(string_agg(a.accused_code, ',' ORDER BY a.arrest_no) = 'A1,A2,A3,A4,A5,A6,A7,A8,A9,B1,B2,B3,B4,B5'
		AND max(c.last_no) = 14 AND count(*) FILTER (WHERE a.court_surrender) = 1,
	'station 990007: 14 memos, codes A1..B5 without gaps, counter 14')
FROM core.arrest a JOIN core.arrest_counter c USING (state_code, year, fir_id) WHERE a.station_code = 990007;
CREATE FUNCTION pg_temp.arrest_insert(kind text, number text, arrested_at text, outcome text) RETURNS text
LANGUAGE sql AS $$
	SELECT format($q$INSERT INTO core.arrest (state_code, year, fir_id, arrest_no, district_code, station_code, gd_date, gd_no,
		idempotency_key, content_sha256, name, arrested_at, court_surrender, outcome, officer_number, officer_name,
		officer_rank, id_doc_kind, id_doc_number)
		SELECT state_code, year, fir_id, 200, district_code, station_code, gd_date, gd_no, idempotency_key, content_sha256,
			name, %s, false, %L, officer_number, officer_name, officer_rank, %L, %L
		FROM core.arrest WHERE station_code = 990007 AND arrest_no = 1$q$, arrested_at, outcome, kind, number)
$$;
SELECT pg_temp.expect_error(pg_temp.arrest_insert('voter_id', '1234 5678 9012', 'arrested_at', 'arrested_forwarded'),
	'23514', NULL, '%arrest_no_full_aadhaar%');
SELECT pg_temp.expect_error(pg_temp.arrest_insert('Aadhaar', '4821', 'arrested_at', 'arrested_forwarded'),
	'23514', NULL, '%arrest_no_full_aadhaar%');
SELECT pg_temp.expect_error(pg_temp.arrest_insert('voter_id', 'ABC1234567', 'arrested_at - interval ''1 day''', 'arrested_forwarded'),
	'CT400', 'arrested_at', 'an arrest cannot be recorded before its FIR%');
SELECT pg_temp.expect_error(pg_temp.arrest_insert('voter_id', 'ABC1234567', 'now() + interval ''1 hour''', 'arrested_forwarded'),
	'23514', NULL, '%arrest_not_in_future%');
SELECT pg_temp.expect_error(pg_temp.arrest_insert('voter_id', 'ABC1234567', 'arrested_at', 'surrendered_bailed'),
	'23503', NULL, '%arrest_outcome_matches_surrender%');

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
SELECT pg_temp.expect_error(format('SELECT api.assign_io(9, 118, 990006, %L, %L::jsonb)', '2/' || :y,
	jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2))),
	'CT409', NULL, 'FIR 0002/% is transferred%registered%under_investigation%');
SELECT pg_temp.expect_error(format('SELECT api.assign_io(9, 118, 990006, %L, %L::jsonb)', '3/' || :y,
	jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2))),
	'CT409', NULL, 'FIR 0003/% is appeal_decided%');
SELECT pg_temp.check(t ->> 'status' = 'transferred' AND NOT t ? 'io', 'the timeline shows the current status')
FROM api.case_timeline(9, 118, 990006, '2/' || :y) t;

-- ============================================================ as cctns_analyst
\c - cctns_analyst
DO $$
DECLARE
	y text := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata');
	t text;
	n bigint;
BEGIN
	FOREACH t IN ARRAY ARRAY['ref.case_status', 'ref.case_transition', 'ref.arrest_outcome'] LOOP
		EXECUTE 'SELECT count(*) FROM ' || t INTO n;
		IF n = 0 THEN
			RAISE EXCEPTION 'FAIL: analyst sees no rows in %', t;
		END IF;
	END LOOP;
	-- Since 0020 the diary, timelines and arrests stay in core, out of the analyst's reach.
	FOREACH t IN ARRAY ARRAY['core.gd_entry', 'core.gd_entry_9_' || y, 'core.case_event', 'core.case_event_9_' || y,
		'core.arrest', 'core.arrest_9_' || y] LOOP
		BEGIN
			EXECUTE 'SELECT count(*) FROM ' || t INTO n;
			RAISE EXCEPTION 'FAIL: analyst reads %', t;
		EXCEPTION WHEN insufficient_privilege THEN
			NULL;
		END;
	END LOOP;
	RAISE NOTICE 'ok: analyst reads the case status and arrest ref tables, not the diary, timelines or arrests';
END
$$;
SET default_transaction_read_only = off;
DO $$
DECLARE
	stmt text;
BEGIN
	FOREACH stmt IN ARRAY ARRAY[
		'SELECT count(*) FROM core.gd_counter',
		'SELECT count(*) FROM core.arrest_counter',
		'DELETE FROM core.arrest WHERE false',
		'UPDATE core.case_event SET summary = summary WHERE false',
		'INSERT INTO ref.case_transition VALUES (''transferred'', ''registered'', ''x'')',
		'SELECT * FROM api.get_gd(9, 118, 990005, '''')'] LOOP
		BEGIN
			EXECUTE stmt;
			RAISE EXCEPTION 'FAIL: analyst could run: %', stmt;
		EXCEPTION WHEN insufficient_privilege THEN
			NULL;
		END;
	END LOOP;
	RAISE NOTICE 'ok: analyst cannot write, read counters or call api';
END
$$;

\echo case_checks.sql: all checks passed

-- court_checks.sql: checks of the final report (IIF-V), court disposal
-- (IIF-VI) and result of appeal (IIF-VII) (migration 0014) against a real,
-- migrated CCTNS database. Run by run_api_checks.sh after api_checks.sql,
-- whose cleanup removes these stations' records on a second run. Test
-- stations 990030 (a whole case), 990031 (who files), 990032 (kinds, order
-- and dates of final reports), 990033 (disposal and appeal rules), 990034
-- (idempotency). Any failed check raises an exception and stops the run.
--
-- Times: the checks expect to run within one IST day.

\set ON_ERROR_STOP 1

-- ============================================================ setup
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990030, 'Test PS 990030 Agra (court: a whole case)', true),
	(9, 118, 990031, 'Test PS 990031 Agra (court: who files)', true),
	(9, 118, 990032, 'Test PS 990032 Agra (court: final reports)', true),
	(9, 118, 990033, 'Test PS 990033 Agra (court: disposal and appeal)', true),
	(9, 118, 990034, 'Test PS 990034 Agra (court: idempotency)', true)
ON CONFLICT DO NOTHING;

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql
SET client_min_messages = warning;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y,
	to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS today,
	to_char((now() AT TIME ZONE 'Asia/Kolkata')::date - 1, 'YYYY-MM-DD') AS yesterday,
	to_char((now() AT TIME ZONE 'Asia/Kolkata')::date + 1, 'YYYY-MM-DD') AS tomorrow \gset

-- A case at a station: the sample FIR, investigating officer 1 (assigned by
-- officer 2), and arrest A1. Returns the FIR number.
CREATE FUNCTION pg_temp.case_at(station int, with_arrest boolean DEFAULT true) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	n text;
BEGIN
	SELECT r.fir_number INTO n FROM api.register_fir(9, 118, station, pg_temp.key(), pg_temp.sample()) r;
	PERFORM api.assign_io(9, 118, station, n, jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2)));
	IF with_arrest THEN
		PERFORM api.register_arrest(9, 118, station, pg_temp.key(), n, pg_temp.memo(now()));
	END IF;
	RETURN n;
END
$$;

-- A charge-sheet filed now by officer 1: A1 in custody, Mohan Lal (never
-- arrested) absconding, Raju not charged, two witnesses, one property.
CREATE FUNCTION pg_temp.report() RETURNS jsonb LANGUAGE sql VOLATILE AS $json$
SELECT $${
  "kind": "charge_sheet",
  "court": "Court of the Chief Judicial Magistrate, Agra",
  "not_charged": [
    {"person": {"name": "Raju"}, "reason": "No evidence that he was at the scene."}
  ],
  "witnesses": [
    {"person": {"name": "Ramesh Kumar", "relative_kind": "father", "relative_name": "Suresh Kumar"}, "kind": "eye"},
    {"person": {"name": "Dr. Anita Rao"}, "kind": "expert"}
  ],
  "properties": [
    {"description": "Samsung Galaxy A54, black", "malkhana_number": "M-17/2026",
     "disposal": "To be returned to the owner on superdari"}
  ],
  "brief_facts": "Investigation established that A1 and Mohan Lal snatched the complainant's phone."
}$$::jsonb || jsonb_build_object('filed_at', pg_temp.ist(now()), 'officer', pg_temp.officer(1),
	'charged', jsonb_set(jsonb_set($$[
    {"accused_code": "A1", "sections": [{"act": "bns", "section": "303(2)"}, {"act": "bns", "section": "331(4)"}],
     "previous_convictions": "None known", "status": "in_custody"},
    {"person": {"name": "Mohan Lal", "relative_kind": "father", "relative_name": "Chhote Lal", "gender": "male"},
     "sections": [{"act": "bns", "section": "317(2)"}], "status": "absconding"}]$$::jsonb,
		'{0,arrested_on}', to_jsonb(to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'))),
		'{0,forwarded_on}', to_jsonb(to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'))))
$json$;

-- A report of another kind, charging no one.
CREATE FUNCTION pg_temp.closure(kind text) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
	SELECT pg_temp.report() - 'charged' || jsonb_build_object('kind', kind)
$$;

CREATE FUNCTION pg_temp.fr_sql(station int, fir_number text, report jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.file_final_report(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), fir_number, report)
$$;

-- A disposal today: A1 convicted (2 years RI and a fine), Mohan Lal acquitted.
CREATE FUNCTION pg_temp.disposal() RETURNS jsonb LANGUAGE sql STABLE AS $json$
SELECT $${
  "kind": "partly_convicted",
  "court": "Court of the Chief Judicial Magistrate, Agra",
  "case_number_in_court": "CR 1042/2026",
  "prosecutor": "Shri K. P. Singh, APP",
  "accused": [
    {"accused_code": "A1", "result": "convicted", "sections_convicted": [{"act": "bns", "section": "303(2)"}],
     "punishment": "rigorous_imprisonment", "period_months": 24, "fine_rupees": 5000},
    {"person": {"name": "mohan lal"}, "result": "acquitted"}
  ]
}$$::jsonb || jsonb_build_object('judgement_date', to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'),
	'officer', pg_temp.officer(4))
$json$;

CREATE FUNCTION pg_temp.cd_sql(station int, fir_number text, d jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.record_court_disposal(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), fir_number, d)
$$;

-- The accused of the disposal at index i replaced (jsonb || per accused).
CREATE FUNCTION pg_temp.acc(d jsonb, i int, patch jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT jsonb_set(d, ARRAY['accused', i::text], (d -> 'accused' -> i) || patch)
$$;

CREATE FUNCTION pg_temp.appeal(appellant text) RETURNS jsonb LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('court', 'High Court of Judicature at Allahabad',
		'filed_on', to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'), 'appellant', appellant,
		'accused_codes', '["A1"]'::jsonb, 'officer', pg_temp.officer(4))
$$;

CREATE FUNCTION pg_temp.ap_sql(station int, fir_number text, a jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.file_appeal(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), fir_number, a)
$$;

CREATE FUNCTION pg_temp.result(r jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('court', 'High Court of Judicature at Allahabad',
		'decided_on', to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'),
		'results', jsonb_build_array(r), 'officer', pg_temp.officer(4))
$$;

CREATE FUNCTION pg_temp.ar_sql(station int, fir_number text, r jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.record_appeal_result(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), fir_number, r)
$$;

CREATE FUNCTION pg_temp.status(station int, fir_number text) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT api.case_timeline(9, 118, station, fir_number) ->> 'status'
$$;

-- ------------------------------------------------------------ a whole case (990030)
SELECT pg_temp.case_at(990030) AS w \gset
SELECT pg_temp.report() AS w_report \gset
SELECT receipt AS w_r1, replayed AS w_r1_replayed FROM api.file_final_report(9, 118, 990030, pg_temp.key(), :'w', :'w_report') \gset
SELECT pg_temp.check(NOT :'w_r1_replayed'::boolean AND :'w_r1'::jsonb ->> 'fir_number' = :'w'
		AND (:'w_r1'::jsonb -> 'report_no')::int = 1 AND :'w_r1'::jsonb ->> 'status' = 'charge_sheeted'
		AND :'w_r1'::jsonb ->> 'filed_at' = :'w_report'::jsonb ->> 'filed_at'
		AND :'w_r1'::jsonb ->> 'gd_date' = :'today' AND (:'w_r1'::jsonb -> 'gd_number')::int = 3,
	'a charge-sheet by the IO: report 1, the case charge_sheeted, diary entry 3 (after the FIR''s and the arrest''s)');
SELECT pg_temp.check(pg_temp.status(990030, :'w') = 'charge_sheeted', 'the case is charge-sheeted');

-- Read back: the report as filed, persons with their person_id.
SELECT api.get_final_report(9, 118, 990030, :'w', NULL) AS w_get \gset
SELECT pg_temp.check((:'w_get'::jsonb -> 'reports')::int = 1 AND :'w_get'::jsonb -> 'receipt' = :'w_r1'::jsonb,
	'get_final_report: the receipt, and the case has one report');
SELECT pg_temp.check(jsonb_strip_nulls(jsonb_set(jsonb_set(jsonb_set(jsonb_set(:'w_get'::jsonb -> 'report',
			'{charged,1,person}', (:'w_get'::jsonb #> '{report,charged,1,person}') - 'person_id'),
			'{not_charged,0,person}', (:'w_get'::jsonb #> '{report,not_charged,0,person}') - 'person_id'),
			'{witnesses,0,person}', (:'w_get'::jsonb #> '{report,witnesses,0,person}') - 'person_id'),
			'{witnesses,1,person}', (:'w_get'::jsonb #> '{report,witnesses,1,person}') - 'person_id'))
		= :'w_report'::jsonb,
	'get_final_report: the report reads back as filed');
SELECT pg_temp.check((SELECT bool_and((p ->> 'person_id')::bigint > 0) FROM unnest(ARRAY[
		:'w_get'::jsonb #> '{report,charged,1,person}', :'w_get'::jsonb #> '{report,not_charged,0,person}',
		:'w_get'::jsonb #> '{report,witnesses,0,person}', :'w_get'::jsonb #> '{report,witnesses,1,person}']) p),
	'every person of the report names its person record');
SELECT pg_temp.check(api.get_final_report(9, 118, 990030, :'w', '{"report_no": 1}') = :'w_get'::jsonb
		AND api.get_final_report(9, 118, 990030, :'w', '{}') = :'w_get'::jsonb,
	'report_no 1, and none (the latest), read the same report');
SELECT pg_temp.expect_error(format('SELECT api.get_final_report(9, 118, 990030, %L, %L)', :'w', '{"report_no": 2}'),
	'CT404', 'report_no', '%no final report 2 (it has 1)%');
SELECT pg_temp.expect_error(format('SELECT api.get_final_report(9, 118, 990030, %L, %L)', :'w', '{"report": 2}'),
	'CT400', 'report');
SELECT pg_temp.expect_error(format('SELECT api.get_final_report(9, 118, 990030, %L, NULL)', '999/' || :y),
	'CT404', 'fir_number');

-- The diary entry carries no personal data; the timeline has the event.
SELECT pg_temp.check(e ->> 'kind' = 'final_report' AND e ->> 'fir_number' = :'w' AND e -> 'officer' = pg_temp.officer(1)
		AND e ->> 'text' = 'Charge-sheet (report 1, original) in FIR ' || :'w'
			|| ', filed in Court of the Chief Judicial Magistrate, Agra: accused charged A1, 1 accused not arrested',
	'the diary entry: kind final_report, codes and counts only: ' || (e ->> 'text'))
FROM jsonb_array_elements(api.get_gd(9, 118, 990030, '') -> 'entries') e WHERE (e -> 'number')::int = 3;
SELECT pg_temp.check(e ->> 'kind' = 'final_report' AND e ->> 'status' = 'charge_sheeted'
		AND (e ->> 'at')::timestamptz = date_trunc('second', (:'w_report'::jsonb ->> 'filed_at')::timestamptz)
		AND e -> 'officer' = pg_temp.officer(1)
		AND (e -> 'gd_number')::int = 3,
	'the timeline: event final_report at filed_at, charge_sheeted, by the IO, with its diary entry')
FROM jsonb_array_elements(api.case_timeline(9, 118, 990030, :'w') -> 'events') e WHERE e ->> 'kind' = 'final_report';


-- A supplementary charge-sheet keeps the case charge_sheeted.
SELECT receipt AS w_r2 FROM api.file_final_report(9, 118, 990030, pg_temp.key(), :'w',
	pg_temp.report() || '{"supplementary": true}') \gset
SELECT pg_temp.check((:'w_r2'::jsonb -> 'report_no')::int = 2 AND :'w_r2'::jsonb ->> 'status' = 'charge_sheeted'
		AND (api.get_final_report(9, 118, 990030, :'w', NULL) -> 'reports')::int = 2
		AND (api.get_final_report(9, 118, 990030, :'w', NULL) #> '{receipt,report_no}')::int = 2
		AND (api.get_final_report(9, 118, 990030, :'w', NULL) #>> '{report,supplementary}')::boolean,
	'a supplementary charge-sheet is report 2; the case stays charge_sheeted; the latest is read by default');

-- The court disposes of it; the appeal; its result.
SELECT receipt AS w_cd FROM api.record_court_disposal(9, 118, 990030, pg_temp.key(), :'w', pg_temp.disposal()) \gset
SELECT pg_temp.check(:'w_cd'::jsonb - 'recorded_at' = jsonb_build_object('fir_number', :'w', 'event', 'court_disposal',
		'status', 'court_disposed', 'gd_date', :'today', 'gd_number', 5)
		AND pg_temp.status(990030, :'w') = 'court_disposed',
	'a court disposal: charge_sheeted -> court_disposed, event court_disposal, diary entry 5');
SELECT pg_temp.check(e ->> 'kind' = 'court' AND e ->> 'text' = 'Court disposal in FIR ' || :'w'
		|| ': partly convicted by Court of the Chief Judicial Magistrate, Agra on '
		|| to_char(now() AT TIME ZONE 'Asia/Kolkata', 'DD/MM/YYYY') || '; convicted A1; acquitted 1 accused not arrested',
	'the diary entry of the disposal: kind court, codes and counts only: ' || (e ->> 'text'))
FROM jsonb_array_elements(api.get_gd(9, 118, 990030, '') -> 'entries') e WHERE (e -> 'number')::int = 5;
SELECT receipt AS w_ap FROM api.file_appeal(9, 118, 990030, pg_temp.key(), :'w', pg_temp.appeal('accused')) \gset
SELECT pg_temp.check(:'w_ap'::jsonb ->> 'event' = 'appeal_filed' AND :'w_ap'::jsonb ->> 'status' = 'in_appeal'
		AND pg_temp.status(990030, :'w') = 'in_appeal', 'an appeal: court_disposed -> in_appeal, event appeal_filed');
SELECT receipt AS w_ar FROM api.record_appeal_result(9, 118, 990030, pg_temp.key(), :'w', pg_temp.result(
	'{"accused_code": "A1", "result": "sentence_modified", "new_punishment": "rigorous_imprisonment", "period_months": 12}')) \gset
SELECT pg_temp.check(:'w_ar'::jsonb ->> 'event' = 'appeal_decided' AND :'w_ar'::jsonb ->> 'status' = 'appeal_decided'
		AND pg_temp.status(990030, :'w') = 'appeal_decided', 'the result: in_appeal -> appeal_decided, event appeal_decided');

SELECT api.get_court_record(9, 118, 990030, :'w') AS w_court \gset
SELECT pg_temp.check(:'w_court'::jsonb ->> 'status' = 'appeal_decided' AND :'w_court'::jsonb -> 'disposal_receipt' = :'w_cd'::jsonb
		AND :'w_court'::jsonb -> 'appeal_receipt' = :'w_ap'::jsonb AND :'w_court'::jsonb -> 'appeal_result_receipt' = :'w_ar'::jsonb,
	'get_court_record: the status and the three receipts');
SELECT pg_temp.check(:'w_court'::jsonb -> 'disposal' = pg_temp.disposal()
		#- '{accused,1,person}' || jsonb_build_object('accused', jsonb_set(pg_temp.disposal() -> 'accused', '{1,person}',
			jsonb_build_object('name', 'mohan lal', 'person_id', (:'w_get'::jsonb #> '{report,charged,1,person,person_id}')))),
	'the disposal reads back as recorded; the accused named by name is the final report''s person');
SELECT pg_temp.check(:'w_court'::jsonb -> 'appeal' = pg_temp.appeal('accused')
		AND :'w_court'::jsonb -> 'appeal_result' = pg_temp.result('{"accused_code": "A1", "result": "sentence_modified",
			"new_punishment": "rigorous_imprisonment", "period_months": 12}'),
	'the appeal and its result read back as recorded');
SELECT pg_temp.check((SELECT array_agg(e ->> 'kind' || ':' || (e ->> 'status') ORDER BY o)
		FROM jsonb_array_elements(api.case_timeline(9, 118, 990030, :'w') -> 'events') WITH ORDINALITY x(e, o))
		= '{fir_registered:registered,io_assigned:under_investigation,arrest:under_investigation,final_report:charge_sheeted,final_report:charge_sheeted,court_disposal:court_disposed,appeal_filed:in_appeal,appeal_decided:appeal_decided}',
	'the timeline follows the case from FIR to the result of the appeal');

-- Nothing more once the appeal is decided.
SELECT pg_temp.expect_error(pg_temp.ap_sql(990030, :'w', pg_temp.appeal('state')), 'CT409', 'fir_number', '%appeal is recorded already%');
SELECT pg_temp.expect_error(pg_temp.ar_sql(990030, :'w', pg_temp.result('{"accused_code": "A1", "result": "upheld"}')),
	'CT409', 'fir_number', '%recorded already%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990030, :'w', pg_temp.disposal()), 'CT409', 'fir_number', '%disposal is recorded already%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990030, :'w', pg_temp.report() || '{"supplementary": true}'),
	'CT409', 'fir_number', '%appeal_decided%');

-- ------------------------------------------------------------ who files (990031)
SELECT r.fir_number AS n1 FROM api.register_fir(9, 118, 990031, pg_temp.key(), pg_temp.sample()) r \gset
SELECT pg_temp.expect_error(pg_temp.fr_sql(990031, :'n1', pg_temp.closure('undetected')),
	'CT409', 'officer', '%has no investigating officer%assign one first%');
SELECT api.assign_io(9, 118, 990031, :'n1', jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2))) IS NOT NULL AS ok \gset
SELECT pg_temp.expect_error(pg_temp.fr_sql(990031, :'n1', pg_temp.closure('undetected') || jsonb_build_object('officer', pg_temp.officer(3))),
	'CT403', 'officer.number', 'only the case''s investigating officer (SI Ravi Kumar Sharma, UP-15432) may file its final report');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990031, :'n1', pg_temp.closure('undetected') - 'officer'), 'CT400', 'officer', '%required%');
-- The number decides, not the name or its case; a new IO takes over.
SELECT pg_temp.check(r.receipt ->> 'status' = 'final_report', 'the IO''s number in other case files the report')
FROM api.file_final_report(9, 118, 990031, pg_temp.key(), :'n1', pg_temp.closure('undetected')
	|| '{"officer": {"number": "up-15432", "name": "R. K. Sharma", "rank": "SI"}}') r;
SELECT r.fir_number AS n2 FROM api.register_fir(9, 118, 990031, pg_temp.key(), pg_temp.sample()) r \gset
SELECT api.assign_io(9, 118, 990031, :'n2', jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2))) IS NOT NULL AS ok \gset
SELECT api.assign_io(9, 118, 990031, :'n2', jsonb_build_object('io', pg_temp.officer(3), 'acting', pg_temp.officer(2))) IS NOT NULL AS ok \gset
SELECT pg_temp.expect_error(pg_temp.fr_sql(990031, :'n2', pg_temp.closure('untraced')),
	'CT403', 'officer.number', '%(SI Meena Verma, UP-20211)%');
SELECT pg_temp.check(pg_temp.status(990031, :'n2') = 'under_investigation', 'the refused report changed nothing');

-- ------------------------------------------------------------ kinds, order, dates (990032)
SELECT pg_temp.case_at(990032) AS k1 \gset
-- Structure.
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() - 'charged'), 'CT400', 'charged', '%at least one charged accused%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() || '{"kind": "undetected"}'), 'CT400', 'charged',
	'only a charge-sheet charges accused%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,0,sections}', '[]')),
	'CT400', 'charged[0].sections', '%at least one section%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,0,sections}',
	'[{"act": "ipc", "section": "379"}]')), 'CT400', 'charged[0].sections[0].act', '%BNS replaced the IPC%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,0,sections}',
	'[{"act": "bns", "section": "9999"}]')), 'CT400', 'charged[0].sections[0].section', '%no section 9999%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,0,accused_code}', '"A7"')),
	'CT400', 'charged[0].accused_code', '%has no arrest memo of accused A7%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,0,person}', '{"name": "X"}')),
	'CT400', 'charged[0].person', '%must be empty when accused_code is given%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() #- '{charged,1,person}'),
	'CT400', 'charged[1].accused_code', '%is required%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,1,accused_code}', '"A1"')
	#- '{charged,1,person}'), 'CT400', 'charged[1].accused_code', '%named twice%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() #- '{charged,0,status}'), 'CT400', 'charged[0].status', '%required%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,0,status}', '"not_arrested"')),
	'CT400', 'charged[0].status', '%has an arrest memo%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,0,status}', '"on_bail"')),
	'CT400', 'charged[0].bailed_on', '%required for an accused on bail%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() #- '{not_charged,0,reason}'),
	'CT400', 'not_charged[0].reason', '%required%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() #- '{witnesses,0,kind}'), 'CT400', 'witnesses[0].kind');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() #- '{witnesses,0,person,name}'),
	'CT400', 'witnesses[0].person.name', '%required%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{witnesses,0,person}', '{"person_id": 999999999999}')),
	'CT400', 'witnesses[0].person.person_id', '%no person%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() #- '{properties,0,disposal}'),
	'CT400', 'properties[0].disposal', '%required%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() || '{"kind": "closed"}'), 'CT400', 'kind');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() - 'court'), 'CT400', 'court', '%required%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() || '{"colour": "red"}'), 'CT400', 'colour');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', '[]'), 'CT400', '');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, '1-2026', pg_temp.report()), 'CT400', 'fir_number');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, '999/' || :y, pg_temp.report()), 'CT404', 'fir_number');
-- Dates: filed_at not before the FIR, not in the future; accused dates in order, within the case.
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() || jsonb_build_object('filed_at',
	pg_temp.ist(now() - interval '1 day'))), 'CT400', 'filed_at', '%cannot be filed before its FIR%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() || jsonb_build_object('filed_at',
	pg_temp.ist(now() + interval '1 hour'))), 'CT400', 'filed_at', '%in the future%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,0,arrested_on}',
	to_jsonb(:'yesterday'::text))), 'CT400', 'charged[0].arrested_on', '%before the FIR was registered%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,0,forwarded_on}',
	to_jsonb(:'tomorrow'::text))), 'CT400', 'charged[0].forwarded_on', '%in the future%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report() #- '{charged,0,arrested_on}',
	'{charged,0,status}', '"absconding"')), 'CT400', 'charged[0].arrested_on', '%required when bailed_on or forwarded_on%');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', jsonb_set(pg_temp.report(), '{charged,0,bailed_on}', '"2026-02-30"')),
	'CT400', 'charged[0].bailed_on');
-- Order of reports.
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.report() || '{"supplementary": true}'),
	'CT409', 'supplementary', '%no final report yet%');
SELECT pg_temp.check(pg_temp.status(990032, :'k1') = 'under_investigation', 'nothing refused changed the case');
SELECT pg_temp.expect_error(format('SELECT api.get_final_report(9, 118, 990032, %L, NULL)', :'k1'), 'CT404', 'fir_number',
	'%has no final report');
SELECT pg_temp.check(r.receipt ->> 'status' = 'final_report' AND (r.receipt -> 'report_no')::int = 1,
	'an original report of another kind (not charge-sheeted for want of evidence): under_investigation -> final_report')
FROM api.file_final_report(9, 118, 990032, pg_temp.key(), :'k1', pg_temp.closure('not_charge_sheeted_want_of_evidence')) r;
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.closure('undetected')),
	'CT409', 'supplementary', '%already has its original final report%');
SELECT pg_temp.check(r.receipt ->> 'status' = 'final_report', 'a supplementary report of another kind keeps final_report')
FROM api.file_final_report(9, 118, 990032, pg_temp.key(), :'k1', pg_temp.closure('untraced') || '{"supplementary": true}') r;
SELECT pg_temp.check(r.receipt ->> 'status' = 'charge_sheeted' AND (r.receipt -> 'report_no')::int = 3,
	'a supplementary charge-sheet after a final report: final_report -> (under_investigation) -> charge_sheeted')
FROM api.file_final_report(9, 118, 990032, pg_temp.key(), :'k1', pg_temp.report() || '{"supplementary": true}') r;
SELECT pg_sleep(1.2); -- so that a time between the FIR and this report exists
SELECT pg_temp.check(r.receipt ->> 'status' = 'charge_sheeted', 'and a later supplementary report of another kind keeps charge_sheeted')
FROM api.file_final_report(9, 118, 990032, pg_temp.key(), :'k1', pg_temp.closure('abated') || '{"supplementary": true}') r;
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k1', pg_temp.closure('abated') || jsonb_build_object('supplementary', true,
	'filed_at', pg_temp.ist((api.get_final_report(9, 118, 990032, :'k1', NULL) #>> '{receipt,filed_at}')::timestamptz - interval '1 second'))),
	'CT400', 'filed_at', '%before the previous final report%');
-- A case not yet under investigation (no IO) or transferred: no report.
SELECT r.fir_number AS k2 FROM api.register_fir(9, 118, 990032, pg_temp.key(), pg_temp.sample()) r \gset
SELECT pg_temp.expect_error(pg_temp.fr_sql(990032, :'k2', pg_temp.closure('undetected')), 'CT409', 'officer');


-- ------------------------------------------------------------ disposal and appeal rules (990033)
SELECT pg_temp.case_at(990033) AS d1 \gset
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal()), 'CT409', 'fir_number',
	'%after its final report%');
SELECT (r.receipt ->> 'status') AS st FROM api.file_final_report(9, 118, 990033, pg_temp.key(), :'d1', pg_temp.report()) r \gset
SELECT pg_temp.expect_error(pg_temp.ap_sql(990033, :'d1', pg_temp.appeal('state')), 'CT409', 'fir_number',
	'%an appeal is filed against a court disposal%');
SELECT pg_temp.expect_error(pg_temp.ar_sql(990033, :'d1', pg_temp.result('{"accused_code": "A1", "result": "upheld"}')),
	'CT409', 'fir_number', '%file the appeal first%');
-- Dates.
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal() || jsonb_build_object('judgement_date', :'yesterday')),
	'CT400', 'judgement_date', '%before the final report%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal() || jsonb_build_object('judgement_date', :'tomorrow')),
	'CT400', 'judgement_date', '%in the future%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal() - 'judgement_date'), 'CT400', 'judgement_date', '%required%');
-- Kind against the results.
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal() || '{"kind": "convicted"}'),
	'CT400', 'accused[1].result', '%does not fit a disposal of kind convicted%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.acc(pg_temp.disposal(), 1, '{"result": "convicted",
	"sections_convicted": [{"act": "bns", "section": "317(2)"}], "punishment": "fine_only", "fine_rupees": 1000}')),
	'CT400', 'kind', '%partly_convicted needs at least one accused convicted and one not%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal() || '{"kind": "withdrawn"}'),
	'CT400', 'accused[0].result', '%prosecution withdrawn%acquitted or discharged%');
-- Convictions and punishments.
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal() #- '{accused,0,sections_convicted}'),
	'CT400', 'accused[0].sections_convicted', '%at least one section%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal() #- '{accused,0,punishment}'),
	'CT400', 'accused[0].punishment', '%required%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.acc(pg_temp.disposal(), 0, '{"punishment": "none"}')),
	'CT400', 'accused[0].punishment', '%required%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal() #- '{accused,0,period_months}'),
	'CT400', 'accused[0].period_months', '%required for rigorous_imprisonment%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.acc(pg_temp.disposal(), 0, '{"period_months": 1201}')),
	'CT400', 'accused[0].period_months', '%more than 100 years%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.acc(pg_temp.disposal(), 0, '{"punishment": "death"}')),
	'CT400', 'accused[0].period_months', '%only imprisonment and probation%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.acc(pg_temp.disposal(), 0,
	'{"punishment": "fine_only", "period_months": 0, "fine_rupees": 0}')), 'CT400', 'accused[0].fine_rupees', '%required for fine_only%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.acc(pg_temp.disposal(), 0, '{"fine_rupees": 1000000000000}')),
	'CT400', 'accused[0].fine_rupees', '%not possible%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.acc(pg_temp.disposal(), 1, '{"punishment": "simple_imprisonment"}')),
	'CT400', 'accused[1].punishment', '%only a convicted accused is sentenced%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.acc(pg_temp.disposal(), 1,
	'{"sections_convicted": [{"act": "bns", "section": "303(2)"}]}')), 'CT400', 'accused[1].sections_convicted', '%must be empty%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', jsonb_set(pg_temp.disposal(), '{accused,0,sections_convicted}',
	'[{"act": "ipc", "section": "379"}]')), 'CT400', 'accused[0].sections_convicted[0].act', '%BNS%');
-- Who is disposed of.
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', jsonb_set(pg_temp.disposal(), '{accused,1,person}', '{"name": "Shyam"}')),
	'CT400', 'accused[1].person', '%no accused of that name%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal() || '{"accused": []}'), 'CT400', 'accused', '%at least one%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', jsonb_set(pg_temp.disposal(), '{accused,1}',
	pg_temp.disposal() -> 'accused' -> 0)), 'CT400', 'accused[1]', '%named twice%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990033, :'d1', pg_temp.disposal() - 'officer'), 'CT400', 'officer');
SELECT pg_temp.check(pg_temp.status(990033, :'d1') = 'charge_sheeted', 'nothing refused changed the case');
-- A good one, then the appeal rules.
SELECT (r.receipt ->> 'status') AS st FROM api.record_court_disposal(9, 118, 990033, pg_temp.key(), :'d1', pg_temp.disposal()) r \gset
SELECT pg_temp.expect_error(pg_temp.ap_sql(990033, :'d1', pg_temp.appeal('state') || jsonb_build_object('filed_on', :'yesterday')),
	'CT400', 'filed_on', '%before the judgement%');
SELECT pg_temp.expect_error(pg_temp.ap_sql(990033, :'d1', pg_temp.appeal('state') || jsonb_build_object('filed_on', :'tomorrow')),
	'CT400', 'filed_on', '%in the future%');
SELECT pg_temp.expect_error(pg_temp.ap_sql(990033, :'d1', pg_temp.appeal('accused') || '{"accused_codes": [], "accused_names": ["Mohan Lal"]}'),
	'CT400', 'accused_names[0]', '%acquitted at the trial, not convicted%');
SELECT pg_temp.expect_error(pg_temp.ap_sql(990033, :'d1', pg_temp.appeal('state') || '{"accused_codes": ["A2"]}'),
	'CT400', 'accused_codes[0]', '%not an accused of the court disposal%');
SELECT pg_temp.expect_error(pg_temp.ap_sql(990033, :'d1', pg_temp.appeal('state') || '{"accused_codes": []}'),
	'CT400', 'accused_codes', '%at least one accused%');
SELECT pg_temp.expect_error(pg_temp.ap_sql(990033, :'d1', pg_temp.appeal('state') || '{"accused_codes": ["A1", "A1"]}'),
	'CT400', 'accused_codes[1]', '%named twice%');
SELECT (r.receipt ->> 'status') AS st FROM api.file_appeal(9, 118, 990033, pg_temp.key(), :'d1',
	pg_temp.appeal('state') || '{"accused_names": ["MOHAN LAL"]}') r \gset
SELECT pg_temp.expect_error(pg_temp.ar_sql(990033, :'d1', pg_temp.result('{"accused_code": "A1", "result": "upheld"}')
	|| jsonb_build_object('decided_on', :'tomorrow')), 'CT400', 'decided_on', '%in the future%');
SELECT pg_temp.expect_error(pg_temp.ar_sql(990033, :'d1', pg_temp.result('{"accused_code": "A1", "result": "upheld"}')),
	'CT400', 'results', '%missing: Mohan Lal%');
SELECT pg_temp.expect_error(pg_temp.ar_sql(990033, :'d1', jsonb_set(pg_temp.result('{"accused_code": "A1", "result": "upheld"}'),
	'{results,1}', '{"accused_name": "Mohan Lal", "result": "acquitted_on_appeal"}')),
	'CT400', 'results[1].result', '%acquitted at the trial, not convicted%');
SELECT pg_temp.expect_error(pg_temp.ar_sql(990033, :'d1', jsonb_set(pg_temp.result('{"accused_code": "A1", "result": "convicted_on_appeal",
	"new_punishment": "life_imprisonment"}'), '{results,1}', '{"accused_name": "Mohan Lal", "result": "upheld"}')),
	'CT400', 'results[0].result', '%convicted at the trial already%');
SELECT pg_temp.expect_error(pg_temp.ar_sql(990033, :'d1', jsonb_set(pg_temp.result('{"accused_code": "A1", "result": "upheld"}'),
	'{results,1}', '{"accused_name": "Mohan Lal", "result": "convicted_on_appeal"}')),
	'CT400', 'results[1].new_punishment', '%required%');
SELECT pg_temp.expect_error(pg_temp.ar_sql(990033, :'d1', jsonb_set(pg_temp.result('{"accused_code": "A1", "result": "upheld",
	"new_punishment": "death"}'), '{results,1}', '{"accused_name": "Mohan Lal", "result": "upheld"}')),
	'CT400', 'results[0].new_punishment', '%gives no new sentence%');
SELECT pg_temp.expect_error(pg_temp.ar_sql(990033, :'d1', jsonb_set(pg_temp.result('{"accused_code": "A1", "accused_name": "x",
	"result": "upheld"}'), '{results,1}', '{"accused_name": "Mohan Lal", "result": "upheld"}')),
	'CT400', 'results[0].accused_name', '%one of the two%');
SELECT (r.receipt ->> 'status') AS st FROM api.record_appeal_result(9, 118, 990033, pg_temp.key(), :'d1',
	jsonb_set(pg_temp.result('{"accused_code": "A1", "result": "upheld"}'), '{results,1}',
		'{"accused_name": "Mohan Lal", "result": "convicted_on_appeal", "new_punishment": "simple_imprisonment",
		  "period_months": 6}')) r \gset
SELECT pg_temp.check(:'st' = 'appeal_decided', 'a state appeal: A1 upheld, Mohan Lal convicted on appeal');


-- ------------------------------------------------------------ idempotency (990034)
SELECT pg_temp.case_at(990034) AS i1 \gset
SELECT pg_temp.report() AS i_report \gset
SELECT receipt AS i_r FROM api.file_final_report(9, 118, 990034, '\x303132333435363738393a3b3c3d3e3f', :'i1', :'i_report') \gset
SELECT pg_temp.check(r.replayed AND r.receipt = :'i_r'::jsonb || '{"replayed": true}'
		AND (SELECT count(*) FROM jsonb_array_elements(api.get_gd(9, 118, 990034, '') -> 'entries') e
			WHERE e ->> 'kind' = 'final_report') = 1,
	'the same key and report replay the receipt; one report, one diary entry')
FROM api.file_final_report(9, 118, 990034, '\x303132333435363738393a3b3c3d3e3f', :'i1', :'i_report') r;
SELECT pg_temp.expect_error(format('SELECT * FROM api.file_final_report(9, 118, 990034, %L::bytea, %L, %L::jsonb)',
	'\x303132333435363738393a3b3c3d3e3f', :'i1', pg_temp.report()), 'CT409', NULL, '%different content%');
SELECT pg_temp.expect_error(format('SELECT * FROM api.record_court_disposal(9, 118, 990034, %L::bytea, %L, %L::jsonb)',
	'\x303132333435363738393a3b3c3d3e3f', :'i1', pg_temp.disposal()), 'CT409', NULL, '%another request (file_final_report)%');
SELECT pg_temp.expect_error(format('SELECT * FROM api.file_final_report(9, 118, 990034, %L::bytea, %L, %L::jsonb)',
	'\x0011', :'i1', pg_temp.report()), 'CT400', 'idempotency_key');
SELECT pg_temp.expect_error(pg_temp.fr_sql(990003, :'i1', pg_temp.report()), 'CT401', NULL);
SELECT receipt AS i_cd FROM api.record_court_disposal(9, 118, 990034, '\x404142434445464748494a4b4c4d4e4f', :'i1', pg_temp.disposal()) \gset
SELECT pg_temp.check(r.replayed AND r.receipt = :'i_cd'::jsonb || '{"replayed": true}', 'a court disposal replays too')
FROM api.record_court_disposal(9, 118, 990034, '\x404142434445464748494a4b4c4d4e4f', :'i1', pg_temp.disposal()) r;
SELECT pg_temp.expect_error(format('SELECT api.get_court_record(9, 118, 990034, %L)', '999/' || :y), 'CT404', 'fir_number');
SELECT pg_temp.check(api.get_court_record(9, 118, 990034, :'i1') - 'disposal' - 'disposal_receipt'
		= jsonb_build_object('fir_number', :'i1', 'status', 'court_disposed'),
	'get_court_record before an appeal: the disposal only');
SELECT pg_temp.expect_error(format('SELECT api.get_court_record(9, 118, 990034, %L)', pg_temp.case_at(990034, false)),
	'CT404', 'fir_number', '%under investigation) has no court disposal recorded');

-- ============================================================ as cctns_owner
-- Person links, and the rules the tables hold for every writer, the owner
-- included.
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
-- Persons linked by the report of 990030: the accused never arrested and the witnesses.
SELECT pg_temp.check(array_agg(l.role || ':' || p.name ORDER BY l.link_id)
		= '{accused:Mohan Lal,accused:Raju,witness:Ramesh Kumar,witness:Dr. Anita Rao}',
	'persons linked to report 1: accused (charged and not), witnesses')
FROM core.person_link l JOIN core.person p USING (person_id, state_code, year)
WHERE l.record_kind = 'final_report' AND l.station_code = 990030 AND l.label = 'final report 1 in FIR ' || :'w';
-- 990031: the owner inserting a report of another officer than the IO is refused too.
SELECT pg_temp.expect_error(format($$INSERT INTO core.final_report (state_code, year, fir_id, report_no, final_report_id,
	district_code, station_code, kind, supplementary, filed_at, court, status_after, officer_number, officer_name,
	officer_rank, gd_date, gd_no, idempotency_key, content_sha256)
	SELECT f.state_code, f.year, f.fir_id, 1, 0, f.district_code, f.station_code, 'untraced', false, now(), 'Court',
		'final_report', 'UP-15432', 'Ravi Kumar Sharma', 'SI', f.gd_date, f.gd_no, '\x00112233445566778899aabbccddeeff',
		sha256('x') FROM core.fir f WHERE f.station_code = 990031 AND f.fir_no = %s$$, split_part(:'n2', '/', 1)::int),
	'CT403', 'officer.number', '%UP-20211%');
-- 990032: final reports.
SELECT pg_temp.expect_error($$UPDATE core.final_report SET filed_at = now() + interval '1 day' WHERE station_code = 990032$$,
	'23514', NULL, '%final_report_not_in_future%');
SELECT pg_temp.expect_error($$UPDATE core.final_report SET supplementary = true WHERE station_code = 990032 AND report_no = 1$$,
	'23514', NULL, '%final_report_original_first%');
SELECT pg_temp.expect_error($$UPDATE core.final_report SET status_after = 'final_report'
	WHERE station_code = 990032 AND kind = 'charge_sheet'$$, '23514', NULL, '%final_report_status_after%');
SELECT pg_temp.expect_error($$UPDATE core.final_report_accused SET arrested_on = NULL, status = 'absconding'
	WHERE forwarded_on IS NOT NULL AND fir_id IN (SELECT fir_id FROM core.fir WHERE station_code = 990032)$$,
	'23514', NULL, '%final_report_accused_dates_in_order%');
SELECT pg_temp.expect_error($$UPDATE core.final_report_accused SET forwarded_on = arrested_on + 3
	WHERE arrested_on IS NOT NULL AND fir_id IN (SELECT fir_id FROM core.fir WHERE station_code = 990032)$$,
	'CT400', 'charged', '%between the FIR''s registration%');
SELECT pg_temp.expect_error($$UPDATE core.final_report_accused SET arrest_no = 9
	WHERE arrest_no IS NOT NULL AND fir_id IN (SELECT fir_id FROM core.fir WHERE station_code = 990032)$$,
	'23503', NULL);
-- 990033: disposal and appeal.
SELECT pg_temp.expect_error($$UPDATE core.court_disposal_accused SET period_months = 0 WHERE punishment = 'rigorous_imprisonment'
	AND fir_id IN (SELECT fir_id FROM core.fir WHERE station_code = 990033)$$, '23514', NULL, '%court_disposal_accused_sentence%');
SELECT pg_temp.expect_error($$UPDATE core.court_disposal_accused SET punishment = NULL, period_months = 0, fine_rupees = 0
	WHERE result = 'convicted' AND fir_id IN (SELECT fir_id FROM core.fir WHERE station_code = 990033)$$,
	'23514', NULL, '%court_disposal_accused_sentence%');
SELECT pg_temp.expect_error($$UPDATE core.court_disposal_accused SET punishment = 'fine_only', fine_rupees = 10
	WHERE result = 'acquitted' AND fir_id IN (SELECT fir_id FROM core.fir WHERE station_code = 990033)$$,
	'23514', NULL, '%court_disposal_accused_sentence%');
SELECT pg_temp.expect_error($$UPDATE core.court_disposal SET judgement_date = judgement_date - 1
	WHERE station_code = 990033$$, 'CT400', 'judgement_date', '%before the final report%');
SELECT pg_temp.expect_error($$UPDATE core.court_disposal SET judgement_date = judgement_date + 1
	WHERE station_code = 990033$$, '23514', NULL, '%court_disposal_not_in_future%');
SELECT pg_temp.expect_error($$UPDATE core.appeal SET decided_on = decided_on - 1 WHERE station_code = 990033$$,
	'CT409', NULL, '%recorded once%');
SELECT pg_temp.expect_error($$UPDATE core.appeal_accused SET result = 'upheld', new_punishment = NULL, period_months = 0
	WHERE fir_id IN (SELECT fir_id FROM core.fir WHERE station_code = 990033)$$, 'CT409', NULL, '%recorded once%');

-- ------------------------------------------------------------ the analyst
SELECT NOT has_schema_privilege('cctns_analyst', 'core', 'USAGE')
	AND NOT has_table_privilege('cctns_analyst', 'core.final_report', 'SELECT')
	AND NOT has_table_privilege('cctns_analyst', 'core.court_disposal', 'SELECT') AS ok \gset
\if :ok
\else
	\echo 'FAIL: the analyst reads final reports or disposals in core (since 0020 only reporting)'
	SELECT 1/0;
\endif
\c - cctns_analyst
SELECT count(*) > 0 AS ok FROM reporting.fir_case WHERE station_code = 990030 AND police_disposal IS NOT NULL \gset
\if :ok
\else
	\echo 'FAIL: the analyst does not see the police disposals of station 990030 in reporting.fir_case'
	SELECT 1/0;
\endif
SELECT count(*) > 0 AS ok FROM ref.court_disposal_kind \gset

\echo court_checks.sql: all checks passed

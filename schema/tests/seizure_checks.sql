-- seizure_checks.sql: checks of the seizure memo (IIF-IV) and the malkhana
-- with its chain of custody (migration 0013) against a real, migrated CCTNS
-- database. Run by run_api_checks.sh after api_checks.sql, whose cleanup
-- deletes what an earlier run left at the test stations (the malkhana and
-- its chain with their append-only triggers switched off, in its setup
-- transaction only). Stations used here, registered below:
--   990025  seizures: the memo, its diary entries, timeline and rules
--   990026  malkhana movements: the state machine and the times
--   990027  another station: other stations' records are not found
--   990028  a transferred FIR
-- Any failed check raises an exception and stops the run. The checks
-- expect to run within one IST day (the diary is numbered per day).

\set ON_ERROR_STOP 1

-- ============================================================ setup (owner)
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990025, 'Test PS 990025 Agra (seizures)', true),
	(9, 118, 990026, 'Test PS 990026 Agra (malkhana)', true),
	(9, 118, 990027, 'Test PS 990027 Agra (another station)', true),
	(9, 118, 990028, 'Test PS 990028 Agra (transferred FIR)', true);
-- An FIR of station 990028, transferred away (registered -> transferred).
\ir helpers.sql
SELECT pg_temp.check(r.number = 1, 'station 990028 registers FIR 1') FROM api.register_fir(9, 118, 990028, pg_temp.key(), pg_temp.sample()) r;
UPDATE core.fir SET status = 'transferred' WHERE state_code = 9 AND district_code = 118 AND station_code = 990028;

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y,
	to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS today \gset

-- A realistic seizure memo (names made up): the stolen phone and cash
-- recovered from the accused's house at time at, before two witnesses,
-- by officer 1; no field at its default, so that it reads back equal.
CREATE FUNCTION pg_temp.seizure(at timestamptz) RETURNS jsonb LANGUAGE sql STABLE AS $json$
SELECT $${
  "nature": "stolen",
  "place": "House of Sonu Kumar, Jhuggi 27, Nagla Padi, Agra",
  "place_address": {"line1": "Jhuggi 27, Nagla Padi", "city": "Agra", "district_code": 118,
                    "state_code": 9, "pincode": "282002"},
  "seized_from": {"name": "Sonu Kumar", "relative_kind": "father", "relative_name": "Ram Prakash",
                  "gender": "male", "year_of_birth": 2002, "occupation": "Labourer"},
  "professional_receiver": true,
  "witnesses": [
    {"name": "Mohan Lal", "relative_kind": "father", "relative_name": "Kishan Lal", "gender": "male",
     "year_of_birth": 1970, "occupation": "Shopkeeper",
     "address": {"line1": "Shop 4, Nagla Padi", "city": "Agra", "district_code": 118, "state_code": 9}},
    {"name": "Sunita Devi", "relative_kind": "husband", "relative_name": "Rakesh Kumar", "gender": "female",
     "year_of_birth": 1985}
  ],
  "items": [
    {"kind": "mobile_phone", "description": "Samsung Galaxy A54, black, screen cracked", "quantity": 1,
     "value_rupees": 32000, "identifiers": "IMEI 356789012345678", "packet_no": "P-1",
     "seal_description": "Cloth packet sealed with the PS seal"},
    {"kind": "cash", "description": "Notes of Rs 500 (15) and Rs 200 (25)", "quantity": 12500, "unit": "rupees",
     "value_rupees": 12500, "packet_no": "P-2"},
    {"kind": "food", "description": "Sweets from the looted shop", "quantity": 2.5, "unit": "kg",
     "perishable": true, "perishable_handling": "Photographed, sample kept, rest destroyed before the witnesses"}
  ],
  "seal": "Brass seal \"PS Kotwali Agra\""
}$$::jsonb || jsonb_build_object('seized_at', pg_temp.ist(at), 'officer', pg_temp.officer(1))
$json$;

-- api.register_seizure(9, 118, station, fresh key, fir_number, memo) as a string for expect_error.
CREATE FUNCTION pg_temp.seizure_sql(station int, fir_number text, memo jsonb) RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.register_seizure(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), fir_number, memo)
$$;

-- A MoveProperty (without key and number) by officer 2.
CREATE FUNCTION pg_temp.move(movement text, at timestamptz, to_whom text, reference text DEFAULT NULL) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_strip_nulls(jsonb_build_object('movement', movement, 'at', pg_temp.ist(at), 'to_whom', to_whom,
		'reference', reference, 'officer', pg_temp.officer(2)))
$$;

CREATE FUNCTION pg_temp.move_sql(station int, malkhana_number text, req jsonb) RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.move_property(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), malkhana_number, req)
$$;

-- The state of a malkhana entry of station 990026.
CREATE FUNCTION pg_temp.state_of(num text) RETURNS text LANGUAGE sql AS $$
	SELECT api.get_malkhana_entry(9, 118, 990026, num) ->> 'state'
$$;

-- ------------------------------------------------------------ a seizure: receipt, memo, diary, timeline
SELECT * FROM api.register_fir(9, 118, 990025, pg_temp.key(), pg_temp.sample()) \gset f1_
SELECT pg_temp.seizure(now()) AS m1 \gset
SELECT receipt AS s1, replayed AS s1_replayed FROM api.register_seizure(9, 118, 990025,
	'\x303132333435363738393a3b3c3d3e3f', '1/' || :y, :'m1') \gset
SELECT pg_temp.check(NOT :'s1_replayed'::boolean AND r ->> 'fir_number' = '0001/' || :y
		AND (r -> 'seizure_no')::int = 1 AND r ->> 'seized_at' = (:'m1'::jsonb ->> 'seized_at')
		AND r ->> 'gd_date' = :'today' AND (r -> 'gd_number')::int = 2
		AND r ->> 'deposit_gd_date' = :'today' AND (r -> 'deposit_gd_number')::int = 3
		AND r -> 'deposits' = jsonb_build_array(
			jsonb_build_object('malkhana_number', '0001/' || :y, 'item_no', 1),
			jsonb_build_object('malkhana_number', '0002/' || :y, 'item_no', 2),
			jsonb_build_object('malkhana_number', '0003/' || :y, 'item_no', 3))
		AND r ->> 'registered_at' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\+05:30$',
	'register_seizure: seizure 1 of the FIR, diary entries 2 (seizure) and 3 (deposit), malkhana 0001..0003/' || :y)
FROM (SELECT :'s1'::jsonb AS r) x;
SELECT pg_temp.check(g -> 'receipt' = :'s1'::jsonb
		AND g -> 'memo' #- '{seized_from,person_id}' #- '{witnesses,0,person_id}' #- '{witnesses,1,person_id}' = :'m1'::jsonb
		AND (g #>> '{memo,seized_from,person_id}')::bigint > 0 AND (g #>> '{memo,witnesses,1,person_id}')::bigint > 0,
	'get_seizure: the receipt and the memo as recorded, persons with the person linked')
FROM api.get_seizure(9, 118, 990025, '1/' || :y, '{"seizure_no": 1}') g;

SELECT pg_temp.check(r.replayed AND r.receipt = :'s1'::jsonb || '{"replayed": true}',
	'the same key and memo replay the receipt')
FROM api.register_seizure(9, 118, 990025, '\x303132333435363738393a3b3c3d3e3f', '1/' || :y, :'m1') r;
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_seizure(9, 118, 990025, %L::bytea, %L, %L::jsonb)',
	'\x303132333435363738393a3b3c3d3e3f', '1/' || :y, :'m1'::jsonb || '{"seal": "another seal"}'),
	'CT409', NULL, '%different content%');

SELECT pg_temp.check(e -> 1 ->> 'kind' = 'seizure' AND e -> 2 ->> 'kind' = 'property_deposit'
		AND e -> 1 ->> 'text' = 'Seizure 1 in FIR 0001/' || :y || ': stolen property, 3 items worth Rs 44500'
		AND e -> 2 ->> 'text' = 'Property of seizure 1 in FIR 0001/' || :y
			|| ' deposited in the malkhana: entries 0001/' || :y || ' to 0003/' || :y || ' (3 items)'
		AND e -> 1 -> 'officer' = pg_temp.officer(1) AND e -> 2 ->> 'fir_number' = '0001/' || :y,
	'the diary has the seizure and the deposit of its items (one entry, naming the malkhana numbers)')
FROM (SELECT api.get_gd(9, 118, 990025, '') -> 'entries' AS e) x;
SELECT pg_temp.check(position('Sonu' IN d::text) = 0 AND position('Mohan' IN d::text) = 0
		AND position('Sonu' IN t::text) = 0 AND position('Sunita' IN t::text) = 0,
	'no name of the person seized from or of a witness in the diary or the timeline')
FROM api.get_gd(9, 118, 990025, '') d, api.case_timeline(9, 118, 990025, '1/' || :y) t;
SELECT pg_temp.check(ev = jsonb_build_object('at', pg_temp.ist(date_trunc('second', (:'m1'::jsonb ->> 'seized_at')::timestamptz)),
		'kind', 'seizure', 'status', 'registered', 'officer', pg_temp.officer(1), 'gd_date', :'today', 'gd_number', 2,
		'summary', 'Seizure 1: stolen property, 3 items; malkhana 0001/' || :y || ' to 0003/' || :y),
	'the timeline has the seizure at its time, with its diary entry')
FROM (SELECT api.case_timeline(9, 118, 990025, '1/' || :y) -> 'events' -> 1 AS ev) x;

-- A second memo of the same FIR, from the arrested accused A1: seizure 2,
-- the next malkhana number.
SELECT receipt AS ar FROM api.register_arrest(9, 118, 990025, pg_temp.key(), '1/' || :y, pg_temp.memo(now())) \gset
SELECT (pg_temp.seizure(now()) || '{"accused_code": "A1", "nature": "involved"}')
	#- '{items,2}' #- '{items,1}' AS m2 \gset
SELECT pg_temp.check((r.receipt -> 'seizure_no')::int = 2
		AND r.receipt -> 'deposits' = jsonb_build_array(jsonb_build_object('malkhana_number', '0004/' || :y, 'item_no', 1)),
	'a second memo is seizure 2, its item malkhana 0004/' || :y)
FROM api.register_seizure(9, 118, 990025, pg_temp.key(), '1/' || :y, :'m2') r;
SELECT pg_temp.check(e ->> 'text' = 'Seizure 2 in FIR 0001/' || :y || ': property involved in the offence, 1 item worth Rs 32000, from accused A1'
		AND e ->> 'accused_code' = 'A1',
	'its diary entry names the accused it was seized from by code')
FROM jsonb_array_elements(api.get_gd(9, 118, 990025, '') -> 'entries') e WHERE e ->> 'text' LIKE 'Seizure 2 %';

-- Unclaimed property: from no one.
SELECT pg_temp.check((r.receipt -> 'seizure_no')::int = 3, 'unclaimed property is seized from no one')
FROM api.register_seizure(9, 118, 990025, pg_temp.key(), '1/' || :y,
	(pg_temp.seizure(now()) - 'seized_from' - 'professional_receiver') || '{"nature": "unclaimed"}') r;

-- ------------------------------------------------------------ seizure rules
SELECT count(*) AS seizures_before FROM api.list_malkhana(9, 118, 990025, '', '{}') l,
	jsonb_array_elements(l -> 'entries') \gset
SELECT pg_temp.seizure(now()) AS m \gset
-- Not before the FIR, not in the future.
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{seized_at}',
	to_jsonb(pg_temp.ist(:'f1_registered_at'::timestamptz - interval '1 minute')))),
	'CT400', 'seized_at', 'a seizure cannot be recorded before its FIR%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{seized_at}',
	to_jsonb(pg_temp.ist(now() + interval '1 hour')))), 'CT400', 'seized_at', '%in the future%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb - 'seized_at'), 'CT400', 'seized_at', '%required%');
-- Exactly two independent witnesses.
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb #- '{witnesses,1}'),
	'CT400', 'witnesses', '%exactly 2 independent witnesses: 1 given%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb - 'witnesses'),
	'CT400', 'witnesses', '%exactly 2%0 given%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{witnesses}',
	(:'m'::jsonb -> 'witnesses') || '[{"name": "Third Witness"}]')), 'CT400', 'witnesses', '%exactly 2%3 given%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{witnesses,0}',
	'{"name": " sonu kumar", "relative_name": "Ram Prakash"}')), 'CT400', 'witnesses[0]', '%seized from%independent%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{witnesses,1}',
	:'m'::jsonb #> '{witnesses,0}')), 'CT400', 'witnesses[1]', '%same person%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{witnesses,1,name}', '""')),
	'CT400', 'witnesses[1].name', '%required%');
-- Values, quantities, perishables, items.
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{items,0,value_rupees}',
	'1000000000000')), 'CT400', 'items[0].value_rupees', '%0 to 999999999999%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{items,0,value_rupees}',
	'-5')), 'CT400', 'items[0].value_rupees');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{items,1,quantity}', q)),
	'CT400', 'items[1].quantity', '%more than 0%')
FROM unnest(ARRAY['0', '-1', '0.0', '1000000000']::jsonb[]) q;
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{items,1,quantity}', '"many"')),
	'CT400', 'items[1].quantity', '%expected a number%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb #- '{items,1,quantity}'),
	'CT400', 'items[1].quantity', '%more than 0%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb #- '{items,2,perishable_handling}'),
	'CT400', 'items[2].perishable_handling', '%required for perishable%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{items,0,perishable_handling}',
	'"kept cold"')), 'CT400', 'items[0].perishable_handling', '%unless perishable%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{items}', '[]')),
	'CT400', 'items', '%at least one%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{items}',
	(SELECT jsonb_agg(:'m'::jsonb #> '{items,0}') FROM generate_series(1, 201)))), 'CT400', 'items', '%at most 200%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb #- '{items,0,description}'),
	'CT400', 'items[0].description', '%required%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{items,0,colour}', '"red"')),
	'CT400', 'items[0].colour', '%unknown field%');
-- The rest of the memo.
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb || '{"nature": "found"}'),
	'CT400', 'nature', '%stolen, unclaimed, unlawful_possession, involved, intestate%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb - 'place'), 'CT400', 'place', '%required%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb - 'officer'), 'CT400', 'officer', '%required%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb - 'seized_from'),
	'CT400', 'professional_receiver', '%needs seized_from%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{seized_from,year_of_birth}',
	to_jsonb(:y - 121))), 'CT400', 'seized_from.year_of_birth', '%over 120 years%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, jsonb_set(:'m'::jsonb, '{seized_from,name}', '""')),
	'CT400', 'seized_from.name', '%required%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb || '{"accused_code": "A2"}'),
	'CT400', 'accused_code', '%no arrest memo of accused A2%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb || '{"accused_code": "a1"}'),
	'CT400', 'accused_code');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, :'m'::jsonb || '{"colour": "red"}'), 'CT400', 'colour');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1/' || :y, '[]'), 'CT400', '');
-- The FIR: of this station, not transferred.
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '999/' || :y, :'m'), 'CT404', 'fir_number');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990027, '1/' || :y, :'m'), 'CT404', 'fir_number', 'no FIR 0001/%');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990025, '1-2026', :'m'), 'CT400', 'fir_number');
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990003, '1/' || :y, :'m'), 'CT401', NULL);
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_seizure(9, 118, 990025, %L::bytea, %L, %L::jsonb)',
	'\x0011', '1/' || :y, :'m'), 'CT400', 'idempotency_key');
SELECT pg_temp.check(count(*) = :seizures_before, 'nothing refused was deposited')
FROM api.list_malkhana(9, 118, 990025, '', '{}') l, jsonb_array_elements(l -> 'entries');
SELECT pg_temp.check((api.case_timeline(9, 118, 990025, '1/' || :y) -> 'events') @? '$[*] ? (@.kind == "seizure")'
		AND jsonb_array_length(api.case_timeline(9, 118, 990025, '1/' || :y) -> 'events') = 5,
	'nor written in the timeline (FIR, seizure 1, arrest, seizures 2 and 3)');

-- Reading seizures.
SELECT pg_temp.expect_error(format('SELECT api.get_seizure(9, 118, 990025, %L, %L)', '1/' || :y, '{"seizure_no": 9}'),
	'CT404', 'seizure_no', 'no seizure memo 9 in FIR 0001/%');
SELECT pg_temp.expect_error(format('SELECT api.get_seizure(9, 118, 990025, %L, %L)', '1/' || :y, '{}'),
	'CT400', 'seizure_no', '%required%');
SELECT pg_temp.expect_error(format('SELECT api.get_seizure(9, 118, 990027, %L, %L)', '1/' || :y, '{"seizure_no": 1}'),
	'CT404', 'fir_number');

-- A transferred FIR takes no seizure.
SELECT pg_temp.expect_error(pg_temp.seizure_sql(990028, '1/' || :y, :'m'), 'CT409', 'fir_number', '%transferred%');

-- ------------------------------------------------------------ the malkhana: movements
-- Station 990026: a seizure at the second its FIR was registered, recorded
-- (and deposited) a second or more later.
SELECT * FROM api.register_fir(9, 118, 990026, pg_temp.key(), pg_temp.sample()) \gset g_
SELECT pg_sleep(1.1);
SELECT pg_temp.check(r.receipt -> 'deposits' -> 2 ->> 'malkhana_number' = '0003/' || :y,
	'station 990026: a seizure at the FIR''s registration deposits malkhana 0001..0003/' || :y)
FROM api.register_seizure(9, 118, 990026, pg_temp.key(), '1/' || :y, pg_temp.seizure(:'g_registered_at')) r;
SELECT '1/' || :y AS k1, '2/' || :y AS k2, '3/' || :y AS k3 \gset

-- When: not before the seizure, nor the deposit (the previous row), not in the future.
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move('to_court',
	:'g_registered_at'::timestamptz - interval '1 minute', 'CJM Agra')), 'CT400', 'at', 'a movement cannot be before the seizure%');
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move('to_court', :'g_registered_at', 'CJM Agra')),
	'CT400', 'at', 'a movement cannot be before the previous one: malkhana entry 0001/% was deposited at%');
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move('to_court', now() + interval '1 hour', 'CJM Agra')),
	'CT400', 'at', '%in the future%');
-- What a movement needs.
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move('deposited', now(), 'Malkhana')),
	'CT400', 'movement', '%to_court, to_forensic_lab, returned_to_store, released_to_owner, disposed, transferred_to_station');
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move('to_court', now(), 'CJM Agra') - 'movement'),
	'CT400', 'movement', '%required%');
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move('to_court', now(), 'CJM Agra') - 'to_whom'),
	'CT400', 'to_whom', '%required%');
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move('to_court', now(), 'CJM Agra') - 'officer'),
	'CT400', 'officer', '%required%');
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move('to_court', now(), 'CJM Agra') || '{"colour": "red"}'),
	'CT400', 'colour');
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move(mv, now(), 'Owner')),
	'CT400', 'reference', 'reference is required%')
FROM unnest(ARRAY['released_to_owner', 'disposed']) mv;
-- Which entry: of this station, existing, well written.
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, '99/' || :y, pg_temp.move('to_court', now(), 'CJM Agra')),
	'CT404', 'malkhana_number', 'no malkhana entry 0099/% at this station');
SELECT pg_temp.expect_error(pg_temp.move_sql(990027, :'k1', pg_temp.move('to_court', now(), 'CJM Agra')),
	'CT404', 'malkhana_number');
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, 'M-1', pg_temp.move('to_court', now(), 'CJM Agra')),
	'CT400', 'malkhana_number');
SELECT pg_temp.check(pg_temp.state_of(:'k1') = 'in_store'
		AND jsonb_array_length(api.get_malkhana_entry(9, 118, 990026, :'k1') -> 'movements') = 1,
	'nothing refused was written: entry 1 is in the store, its chain one row (the deposit)');

-- Entry 1: to court and back, then released to its owner.
SELECT receipt AS mv1 FROM api.move_property(9, 118, 990026, '\x404142434445464748494a4b4c4d4e4f', :'k1',
	pg_temp.move('to_court', now(), 'Court of the CJM, Agra', 'Summons 112/2026')) \gset
SELECT pg_temp.check(r ->> 'malkhana_number' = '0001/' || :y AND r ->> 'fir_number' = '0001/' || :y
		AND r ->> 'state' = 'out_court' AND (r #>> '{entry,seq}')::int = 2 AND r #>> '{entry,movement}' = 'to_court'
		AND r #>> '{entry,from_state}' = 'in_store' AND r #>> '{entry,to_state}' = 'out_court'
		AND r #>> '{entry,to_whom}' = 'Court of the CJM, Agra' AND r #> '{entry,officer}' = pg_temp.officer(2)
		AND r #>> '{entry,gd_date}' = :'today',
	'move_property: row 2 of the chain, in_store -> out_court, with its diary entry')
FROM (SELECT :'mv1'::jsonb AS r) x;
SELECT pg_temp.check(r.replayed AND r.receipt = :'mv1'::jsonb || '{"replayed": true}', 'the same key and movement replay it')
FROM api.move_property(9, 118, 990026, '\x404142434445464748494a4b4c4d4e4f', :'k1',
	pg_temp.move('to_court', (:'mv1'::jsonb #>> '{entry,at}')::timestamptz, 'Court of the CJM, Agra', 'Summons 112/2026')) r;
SELECT pg_temp.expect_error(format('SELECT * FROM api.move_property(9, 118, 990026, %L::bytea, %L, %L::jsonb)',
	'\x404142434445464748494a4b4c4d4e4f', :'k1', pg_temp.move('to_forensic_lab', now(), 'FSL Agra')),
	'CT409', NULL, '%different content%');
-- Out in court: nothing but its return.
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move(mv, now(), 'Someone', 'Order 1/2026')),
	'CT409', 'movement', 'malkhana entry 0001/% is out_court (sent to court): ' || mv || ' is only possible from in_store%')
FROM unnest(ARRAY['to_court', 'to_forensic_lab', 'released_to_owner', 'disposed', 'transferred_to_station']) mv;
SELECT pg_temp.check(r.receipt ->> 'state' = 'in_store', 'returned_to_store: out_court -> in_store')
FROM api.move_property(9, 118, 990026, pg_temp.key(), :'k1', pg_temp.move('returned_to_store', now(), 'Malkhana moharrir HC 31007')) r;
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move('returned_to_store', now(), 'Malkhana')),
	'CT409', 'movement', 'malkhana entry 0001/% is in_store (%): returned_to_store is only possible from out_court (to in_store) or out_fsl (to in_store)');
SELECT pg_temp.check(r.receipt ->> 'state' = 'released', 'released_to_owner with the court''s order: in_store -> released')
FROM api.move_property(9, 118, 990026, pg_temp.key(), :'k1',
	pg_temp.move('released_to_owner', now(), 'Ramesh Kumar (owner), on superdari', 'CJM Agra order 45/2026')) r;
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k1', pg_temp.move(mv, now(), 'Someone', 'Order 1/2026')),
	'CT409', 'movement', 'malkhana entry 0001/% is released (released to its owner): ' || mv || ' is only possible from %')
FROM unnest(ARRAY['to_court', 'to_forensic_lab', 'returned_to_store', 'released_to_owner', 'disposed', 'transferred_to_station']) mv;

-- Entry 2: to the laboratory and back, then disposed of; entry 3 transferred.
SELECT pg_temp.check(r.receipt ->> 'state' = 'out_fsl', 'to_forensic_lab: in_store -> out_fsl')
FROM api.move_property(9, 118, 990026, pg_temp.key(), :'k2', pg_temp.move('to_forensic_lab', now(), 'FSL Agra', 'Letter 77/2026')) r;
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k2', pg_temp.move('to_court', now(), 'CJM Agra')),
	'CT409', 'movement', 'malkhana entry 0002/% is out_fsl %');
SELECT pg_temp.check(r.receipt ->> 'state' = 'in_store', 'returned_to_store: out_fsl -> in_store')
FROM api.move_property(9, 118, 990026, pg_temp.key(), :'k2', pg_temp.move('returned_to_store', now(), 'Malkhana moharrir')) r;
SELECT pg_temp.check(r.receipt ->> 'state' = 'disposed', 'disposed with the court''s order: in_store -> disposed')
FROM api.move_property(9, 118, 990026, pg_temp.key(), :'k2', pg_temp.move('disposed', now(), 'Auction committee', 'CJM Agra order 46/2026')) r;
SELECT pg_temp.check(r.receipt ->> 'state' = 'transferred', 'transferred_to_station: in_store -> transferred')
FROM api.move_property(9, 118, 990026, pg_temp.key(), :'k3', pg_temp.move('transferred_to_station', now(), 'PS Sadar Bazar, Agra')) r;
SELECT pg_temp.expect_error(pg_temp.move_sql(990026, :'k3', pg_temp.move('to_court', now(), 'CJM Agra')),
	'CT409', 'movement', 'malkhana entry 0003/% is transferred %');

-- The chain of custody of entry 1, and the register.
SELECT pg_temp.check(e ->> 'number' = '0001/' || :y AND e ->> 'fir_number' = '0001/' || :y
		AND (e -> 'seizure_no')::int = 1 AND (e -> 'item_no')::int = 1 AND e ->> 'state' = 'released'
		AND e ->> 'nature' = 'stolen' AND e ->> 'with_whom' = 'Ramesh Kumar (owner), on superdari'
		AND e #>> '{item,identifiers}' = 'IMEI 356789012345678'
		AND (SELECT string_agg(format('%s:%s:%s>%s', m ->> 'seq', m ->> 'movement', coalesce(m ->> 'from_state', '-'),
				m ->> 'to_state'), ' ') FROM jsonb_array_elements(e -> 'movements') m)
			= '1:deposited:->in_store 2:to_court:in_store>out_court 3:returned_to_store:out_court>in_store 4:released_to_owner:in_store>released'
		AND e #>> '{movements,3,reference}' = 'CJM Agra order 45/2026'
		AND e #>> '{movements,0,gd_date}' = :'today' AND e #> '{movements,0,officer}' = pg_temp.officer(1),
	'get_malkhana_entry: the item, its case, its state and its chain of custody, deposit first')
FROM api.get_malkhana_entry(9, 118, 990026, :'k1') e;
SELECT pg_temp.check((l -> 'total')::int = 3 AND jsonb_array_length(l -> 'entries') = 3
		AND l #>> '{entries,0,number}' = '0001/' || :y AND l #>> '{entries,2,state}' = 'transferred'
		AND NOT (l #> '{entries,0}') ? 'movements',
	'list_malkhana: every entry of the station, by number, without chains')
FROM api.list_malkhana(9, 118, 990026, '', '{}') l;
SELECT pg_temp.check((l -> 'total')::int = 1 AND l #>> '{entries,0,number}' = '0002/' || :y,
	'list_malkhana by state: the disposed one')
FROM api.list_malkhana(9, 118, 990026, '', '{"state": "disposed"}') l;
SELECT pg_temp.check((l -> 'total')::int = 3 AND l #>> '{entries,0,number}' = '0003/' || :y
		AND jsonb_array_length(l -> 'entries') = 1,
	'list_malkhana from an offset')
FROM api.list_malkhana(9, 118, 990026, '1/' || :y, '{"offset": 2}') l;
SELECT pg_temp.check((l -> 'total')::int = 0, 'list_malkhana: nothing in court now')
FROM api.list_malkhana(9, 118, 990026, '1/' || :y, '{"state": "out_court"}') l;
SELECT pg_temp.expect_error(format('SELECT api.list_malkhana(9, 118, 990026, %L, %L)', '', '{"state": "lost"}'), 'CT400', 'state');
SELECT pg_temp.expect_error(format('SELECT api.list_malkhana(9, 118, 990026, %L, %L)', '9/' || :y, '{}'), 'CT404', 'fir_number');
SELECT pg_temp.expect_error(format('SELECT api.get_malkhana_entry(9, 118, 990027, %L)', :'k1'), 'CT404', 'malkhana_number');
SELECT pg_temp.check(count(*) FILTER (WHERE e ->> 'kind' = 'property_movement') = 7
		AND count(*) FILTER (WHERE e ->> 'kind' = 'property_movement' AND e ->> 'text' LIKE '%Ramesh%') = 0
		AND count(*) FILTER (WHERE e ->> 'text' = 'Malkhana 0001/' || :y || ' (seizure 1, FIR 0001/' || :y
			|| ') released to its owner; reference CJM Agra order 45/2026') = 1,
	'every movement has its diary entry (kind property_movement), naming the order, not the owner')
FROM jsonb_array_elements(api.get_gd(9, 118, 990026, '') -> 'entries') e;
SELECT pg_temp.check(count(*) = 7 AND count(*) FILTER (WHERE e ->> 'summary' = 'Malkhana 0002/' || :y
		|| ' (seizure 1, item 2) disposed of (auctioned or destroyed) by court order') = 1,
	'and its timeline event property_moved')
FROM jsonb_array_elements(api.case_timeline(9, 118, 990026, '1/' || :y) -> 'events') e
WHERE e ->> 'kind' = 'property_moved';

-- ============================================================ as cctns_owner: rules for every writer
\c - cctns_owner
\ir helpers.sql
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset

-- The chain of custody and the register: never changed, never deleted.
SELECT pg_temp.expect_error(sql, 'CT403', NULL, '%append-only%')
FROM unnest(ARRAY[
	'UPDATE core.malkhana_movement SET to_whom = ''nobody'' WHERE station_code = 990026',
	'UPDATE core.malkhana_movement SET at = at - interval ''1 day'' WHERE station_code = 990026 AND seq = 2',
	'DELETE FROM core.malkhana_movement WHERE station_code = 990026 AND seq = 4',
	format('DELETE FROM core.%I WHERE station_code = 990026', 'malkhana_movement_9_' || :y),
	'TRUNCATE core.malkhana_movement CASCADE',
	format('TRUNCATE core.%I', 'malkhana_movement_9_' || :y),
	'UPDATE core.malkhana SET item_no = 2 WHERE station_code = 990026 AND malkhana_no = 1',
	'DELETE FROM core.malkhana WHERE station_code = 990026',
	'TRUNCATE core.malkhana CASCADE',
	'DELETE FROM core.fir WHERE station_code = 990026']) sql;

-- Direct writes follow the state machine too.
CREATE FUNCTION pg_temp.row_sql(malkhana_no int, seq int, movement text, from_state text, to_state text) RETURNS text
LANGUAGE sql AS $$
	SELECT format($q$INSERT INTO core.malkhana_movement (state_code, year, district_code, station_code, malkhana_no,
		seq, movement, from_state, to_state, at, reference, to_whom, officer_number, officer_name, officer_rank, gd_date, gd_no)
		SELECT state_code, year, district_code, station_code, malkhana_no, %s, %L, %L, %L, now(), 'Order 9/2026', 'X',
			officer_number, officer_name, officer_rank, gd_date, gd_no
		FROM core.malkhana_movement WHERE station_code = 990026 AND malkhana_no = %s AND seq = 1$q$,
		seq, movement, from_state, to_state, malkhana_no)
$$;
-- Entry 1 is released (4 rows), entry 2 disposed (4 rows), entry 3 transferred (2 rows).
SELECT pg_temp.expect_error(pg_temp.row_sql(1, 5, 'to_court', 'released', 'out_court'), '23503', NULL, '%malkhana_movement_permitted%');
SELECT pg_temp.expect_error(pg_temp.row_sql(2, 5, 'returned_to_store', 'out_fsl', 'in_store'), 'CT409', 'movement',
	'malkhana entry 0002/% is disposed, not out_fsl%');
SELECT pg_temp.expect_error(pg_temp.row_sql(3, 3, 'deposited', NULL, 'in_store'), 'CT409', 'movement', '%deposited already%');
SELECT pg_temp.expect_error(pg_temp.row_sql(3, 2, 'to_court', 'transferred', 'out_court'), 'CT409', 'movement');
SELECT pg_temp.expect_error(pg_temp.row_sql(3, 3, 'released_to_owner', 'in_store', 'released'), 'CT409', 'movement',
	'%is transferred, not in_store%');
SELECT pg_temp.expect_error(replace(pg_temp.row_sql(1, 5, 'to_court', 'released', 'out_court'), 'now()',
	'now() + interval ''1 hour'''), '23514', NULL, '%malkhana_movement_not_in_future%');

-- The memo's rules hold for every writer: CHECKs and triggers.
SELECT pg_temp.expect_error(format($q$UPDATE core.seizure SET seized_at = %L WHERE station_code = 990025 AND seizure_no = 1$q$,
	now() - interval '1 day'), 'CT400', 'seized_at', 'a seizure cannot be recorded before its FIR%');
SELECT pg_temp.expect_error($q$UPDATE core.seizure SET seized_at = now() + interval '1 hour' WHERE station_code = 990025 AND seizure_no = 1$q$,
	'23514', NULL, '%seizure_not_in_future%');
SELECT pg_temp.expect_error($q$UPDATE core.seizure SET accused_code = 'B7' WHERE station_code = 990025 AND seizure_no = 1$q$,
	'CT400', 'accused_code', '%no arrest memo of accused B7%');
SELECT pg_temp.expect_error($q$UPDATE core.seizure SET from_year_of_birth = 1890 WHERE station_code = 990025 AND seizure_no = 1$q$,
	'23514', NULL);
SELECT pg_temp.expect_error(format($q$UPDATE core.seizure_item SET %s WHERE (state_code, year, fir_id, seizure_no, item_no)
	IN (SELECT state_code, year, fir_id, 1, 1 FROM core.seizure WHERE station_code = 990025 AND seizure_no = 1)$q$, c),
	'23514', NULL)
FROM unnest(ARRAY['quantity = 0', 'quantity = -2', 'value_rupees = 1000000000000', 'value_rupees = -1',
	'perishable = true', 'perishable_handling = ''eaten''']) c;
SELECT pg_temp.expect_error($q$INSERT INTO core.seizure_witness (state_code, year, fir_id, seizure_no, witness_no, name)
	SELECT state_code, year, fir_id, seizure_no, 3, 'Third' FROM core.seizure WHERE station_code = 990025 AND seizure_no = 1$q$,
	'23514', NULL);
-- A memo written directly without its witnesses and items is refused at
-- commit (here at once).
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
SELECT pg_temp.expect_error($q$INSERT INTO core.seizure (state_code, year, fir_id, seizure_no, seizure_id, district_code,
	station_code, gd_date, gd_no, deposit_gd_date, deposit_gd_no, idempotency_key, content_sha256, nature, seized_at, place,
	officer_number, officer_name, officer_rank)
	SELECT state_code, year, fir_id, 9, nextval('core.seizure_id_seq'), district_code, station_code, gd_date, gd_no,
		deposit_gd_date, deposit_gd_no, idempotency_key, content_sha256, nature, seized_at, place, officer_number,
		officer_name, officer_rank
	FROM core.seizure WHERE station_code = 990025 AND seizure_no = 1$q$,
	'CT400', 'witnesses', 'a seizure memo needs exactly 2 independent witnesses: it has 0');
ROLLBACK;

-- Persons: the person seized from and the witnesses are linked to the memo.
SELECT pg_temp.check(count(*) FILTER (WHERE l.role = 'seized_from') = 2
		AND count(*) FILTER (WHERE l.role = 'panch_witness') = 6
		AND bool_and(l.label LIKE 'seizure _ in FIR 0001/%'),
	'seized_from and the panch witnesses are linked to their memos (seizures 1..3 of station 990025)')
FROM core.person_link l WHERE l.station_code = 990025 AND l.record_kind = 'seizure';
SELECT pg_temp.check(s.from_person_id = l.person_id, 'the memo stores the person linked')
FROM core.seizure s JOIN core.person_link l ON l.record_kind = 'seizure' AND l.record_id = s.seizure_id AND l.role = 'seized_from'
WHERE s.station_code = 990025 AND s.seizure_no = 1;

-- Since 0020 analysts read neither the register and its chain nor the witnesses.
\c - cctns_analyst
DO $$
DECLARE
	n bigint;
BEGIN
	BEGIN
		SELECT count(*) INTO n FROM core.malkhana_movement WHERE station_code = 990026;
		RAISE EXCEPTION 'FAIL: analyst read core.malkhana_movement';
	EXCEPTION WHEN insufficient_privilege THEN
		NULL;
	END;
	BEGIN
		SELECT count(*) INTO n FROM core.seizure_witness;
		RAISE EXCEPTION 'FAIL: analyst read core.seizure_witness';
	EXCEPTION WHEN insufficient_privilege THEN
		NULL;
	END;
	RAISE NOTICE 'ok: analysts read neither the malkhana, its chain of custody nor the witnesses';
END
$$;
\echo seizure_checks.sql: all checks passed

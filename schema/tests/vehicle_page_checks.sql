-- vehicle_page_checks.sql: the vehicle search answers a page of 20 reports
-- and says when more match (migration 0031). Test station 990190; the
-- numbers (UP 81 ZQ 77NN) are used by no other check. Any failed check
-- raises an exception and stops the run.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990190, 'Test PS 990190 Agra (vehicle page)', true)
ON CONFLICT DO NOTHING;

\c - cctns_server
\ir helpers.sql
SET client_min_messages = warning;

-- 23 stolen two-wheelers numbered UP 81 ZQ 7700 .. 7722, registered once
-- (the checks may run again on the same database).
DO $do$
BEGIN
	IF (SELECT count(*) FROM jsonb_array_elements(api.vehicle_search(9, 118, 990190, '{"number": "81ZQ77"}') -> 'matches')) = 0 THEN
		FOR i IN 0 .. 22 LOOP
			PERFORM api.report_vehicle(9, 118, 990190, pg_temp.key(), jsonb_build_object(
				'kind', 'stolen', 'registration_number', format('UP 81 ZQ 77%s', lpad(i::text, 2, '0')),
				'vehicle_type', 'two_wheeler', 'make', 'Hero', 'model', 'Splendor Plus', 'colour', 'black',
				'place', jsonb_build_object('beat', 'Beat 4'),
				'at', pg_temp.ist(now() - interval '3 days' + i * interval '1 minute'),
				'officer', pg_temp.officer(1)));
		END LOOP;
	END IF;
END
$do$;

SELECT api.vehicle_search(9, 118, 990190, '{"number": "81 ZQ 77"}') AS part \gset
SELECT pg_temp.check(jsonb_array_length(:'part'::jsonb -> 'matches') = 20 AND (:'part'::jsonb ->> 'more')::boolean,
	'vehicle page: a part number matching 23 reports answers the newest 20 and more = true');
SELECT pg_temp.check((:'part'::jsonb #>> '{matches,0}') LIKE '%ZQ 7722%'
	AND (:'part'::jsonb -> 'matches')::text NOT LIKE '%ZQ 7702%',
	'vehicle page: the newest first, the oldest three left out');
SELECT api.vehicle_search(9, 118, 990190, '{"number": "up-81-zq-7705"}') AS whole \gset
SELECT pg_temp.check(jsonb_array_length(:'whole'::jsonb -> 'matches') = 1 AND NOT (:'whole'::jsonb ->> 'more')::boolean,
	'vehicle page: a whole number matching one report says no more');
SELECT api.vehicle_search(9, 118, 990190, '{"number": "81ZQ771"}') AS ten \gset
SELECT pg_temp.check(jsonb_array_length(:'ten'::jsonb -> 'matches') = 10 AND NOT (:'ten'::jsonb ->> 'more')::boolean,
	'vehicle page: 10 matches are all given, more = false');

-- reg61_checks.sql: checks of migration 0061 (a property item's numbers found first) against a
-- real, migrated database, with hand-made data of test station 990610 (state 9, district 118).
-- Run by run_api_checks.sh; any failed check raises an exception. dossier_checks.sql checks the
-- matching of seized against stolen and lost items (the path of an item with numbers).

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990610, 'Test PS 990610 Agra (reg61)', true)
ON CONFLICT DO NOTHING;

-- Three properties: no number at all; two numbers in the description; an identifier given
-- as such, and none in the description.
SELECT r.fir_number AS reg61_no FROM api.register_fir(9, 118, 990610, pg_temp.key(),
	jsonb_set(pg_temp.sample(), '{properties}', '[
		{"kind": "mobile_phone", "description": "Samsung Galaxy A54, black", "value_rupees": 32000},
		{"kind": "motorcycle", "description": "Hero Splendor UP80AB1234, chassis MBLHA10EZ9HB12345"},
		{"kind": "mobile_phone", "description": "a phone in a blue cover",
			"identifiers": [{"kind": "imei", "number": "356938035643809"}]}]')) r \gset
SELECT f.fir_id AS reg61_id, f.year AS reg61_year FROM core.fir f
WHERE f.state_code = 9 AND f.station_code = 990610 AND f.fir_no = split_part(:'reg61_no', '/', 1)::int
	AND f.year = split_part(:'reg61_no', '/', 2)::int \gset

SELECT pg_temp.check(count(*) = 3, '0061: the FIR has its three properties')
FROM core.fir_property p WHERE p.state_code = 9 AND p.year = :reg61_year AND p.fir_id = :reg61_id;

SELECT pg_temp.check(NOT EXISTS (SELECT 1 FROM core.property_number n WHERE n.state_code = 9
		AND n.source = 'fir_property' AND n.record_id = :reg61_id AND n.item = 0),
	'0061: a property without identifiers or numbers stores no number');

SELECT pg_temp.check(
		array_agg(n.item || ':' || n.number ORDER BY n.item, n.number)
			= '{1:MBLHA10EZ9HB12345,1:UP80AB1234,2:356938035643809}'
		AND bool_and(n.side = 'stolen' AND n.record_year = :reg61_year AND n.fir_id = :reg61_id
			AND n.district_code = 118 AND n.station_code = 990610)
		AND bool_and(n.label = 'FIR ' || :'reg61_no' || ' property ' || (n.item + 1))
		AND bool_and(n.kind = CASE n.item WHEN 1 THEN 'motorcycle' ELSE 'mobile_phone' END),
	'0061: the numbers of a description and an identifier given as such are stored with the FIR''s label, station and kind')
FROM core.property_number n
WHERE n.state_code = 9 AND n.source = 'fir_property' AND n.record_id = :reg61_id;

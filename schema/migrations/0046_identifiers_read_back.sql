-- 0046_identifiers_read_back.sql: issue 4 (recall session, slice 10).
--
-- Property identifiers read back by the malkhana and the crime details.
-- 0042 put each item's identifying numbers (core.property_identifier) back
-- on the FIR, the lost report and the seizure memo; a malkhana entry (its
-- seized item) and the crime details (their properties, per version) still
-- left them out. core.malkhana_entry_json now sets item.identifying_numbers
-- (api.get_malkhana_entry and api.list_malkhana both use it), and
-- core.cd_items_with_ids gives a crime details version's properties their
-- identifiers; 0048 wraps api.get_crime_details with it (after 0047 has
-- rebuilt that reader on the sealing step).

-- ------------------------------------------------------------ property identifiers read back

CREATE OR REPLACE FUNCTION core.malkhana_entry_json(m core.malkhana, chain boolean) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'number', core.fir_number_text(m.malkhana_no, m.year),
		'fir_number', (SELECT core.fir_number_text(f.fir_no, f.year) FROM core.fir f
			WHERE f.state_code = m.state_code AND f.year = m.fir_year AND f.fir_id = m.fir_id),
		'seizure_no', m.seizure_no,
		'item_no', m.item_no,
		'item', (SELECT core.items_with_ids(jsonb_build_array(core.seized_item_json(i)), m.state_code,
				'seizure_item', m.fir_year, m.fir_id, m.seizure_no * 1000 + m.item_no, 'identifying_numbers') -> 0
			FROM core.seizure_item i
			WHERE i.state_code = m.state_code AND i.year = m.fir_year AND i.fir_id = m.fir_id
				AND i.seizure_no = m.seizure_no AND i.item_no = m.item_no),
		'state', last.to_state,
		'since', core.ist_text(last.at),
		'with_whom', CASE WHEN last.to_state <> 'in_store' THEN last.to_whom END,
		'nature', (SELECT s.nature FROM core.seizure s
			WHERE s.state_code = m.state_code AND s.year = m.fir_year AND s.fir_id = m.fir_id
				AND s.seizure_no = m.seizure_no),
		'movements', CASE WHEN chain THEN (SELECT jsonb_agg(core.custody_entry_json(x) ORDER BY x.seq)
			FROM core.malkhana_movement x
			WHERE x.state_code = m.state_code AND x.year = m.year AND x.district_code = m.district_code
				AND x.station_code = m.station_code AND x.malkhana_no = m.malkhana_no) END))
	FROM (SELECT x.to_state, x.at, x.to_whom FROM core.malkhana_movement x
		WHERE x.state_code = m.state_code AND x.year = m.year AND x.district_code = m.district_code
			AND x.station_code = m.station_code AND x.malkhana_no = m.malkhana_no
		ORDER BY x.seq DESC LIMIT 1) last
$fn$;
COMMENT ON FUNCTION core.malkhana_entry_json(core.malkhana, boolean) IS
	'MalkhanaEntry message as JSON from a core.malkhana row: the item (with its identifying numbers, SeizedItem.identifying_numbers: 0046), its case, its state (the last movement''s) and, when chain, every row of its chain of custody';

-- The identifying numbers of the properties of one version of the crime
-- details: items is the JSON array of properties, item i (0-based) being
-- core.property_identifier item i of that version.
CREATE FUNCTION core.cd_items_with_ids(items jsonb, state int, ryear int, rid bigint, ver int)
RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN jsonb_typeof(items) <> 'array' THEN items
		ELSE coalesce((SELECT jsonb_agg(CASE WHEN i.ids IS NULL THEN x.e ELSE x.e || jsonb_build_object('identifiers', i.ids) END
			ORDER BY x.n)
			FROM jsonb_array_elements(items) WITH ORDINALITY x (e, n)
			CROSS JOIN LATERAL (SELECT jsonb_agg(jsonb_build_object('kind', p.kind, 'number', p.number) ORDER BY p.ord) AS ids
				FROM core.property_identifier p
				WHERE p.state_code = state AND p.source = 'crime_details_property' AND p.record_year = ryear
					AND p.record_id = rid AND p.item = x.n::int - 1 AND p.version = ver) i),
			'[]') END
$fn$;
COMMENT ON FUNCTION core.cd_items_with_ids(jsonb, int, int, bigint, int) IS
	'A JSON array of crime details properties with each one''s identifying numbers ([{kind, number}] in the order given, from core.property_identifier of that version) set in identifiers; properties without any unchanged (0046)';

REVOKE ALL ON FUNCTION core.cd_items_with_ids(jsonb, int, int, bigint, int) FROM PUBLIC;

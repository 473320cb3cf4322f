-- 0061_property_numbers_first.sql (reg, issue 7): a property item without numbers costs its
-- trigger only the looking for them.
--
-- core.property_number_trigger (0032), a row trigger of every property item (FIR property,
-- crime details property, lost item, seized item), read the item's record (core.fir or
-- core.lost_report), formatted its label and key and called core.property_number_add, which
-- returns at once when the item has no identifiers and no numbers in its text: most items
-- (a mobile phone "Samsung Galaxy A54, black", cash, jewellery). tests/bench/sqlcost with the
-- trigger made a no-op: 6.5 % of a registration of the bench sample (two such properties).
--
-- Here the numbers are found first, and an item with none returns there: the same nothing
-- written, without the record's lookup, the label and the call. An item with numbers is
-- stored and matched as in 0032 (same record lookup, labels, keys and alerts).
-- schema/tests/reg61_checks.sql.

CREATE OR REPLACE FUNCTION core.property_number_trigger() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f record;
	r record;
	ids text[];
	nums text[];
	src text;
BEGIN
	IF TG_TABLE_NAME LIKE 'lost_item%' THEN
		ids := core.property_ids_keep(core.property_ids_of(NEW.seq), NEW.state_code, 'lost_item', NEW.year,
			NEW.report_id, NEW.seq, 0);
		nums := ARRAY(SELECT DISTINCT unnest(ids || core.property_numbers(coalesce(NEW.identifier, '') || ' '
			|| coalesce(NEW.description, ''))));
		IF cardinality(nums) = 0 THEN
			RETURN NULL;
		END IF;
		SELECT * INTO r FROM core.lost_report x
		WHERE x.report_id = NEW.report_id AND x.state_code = NEW.state_code AND x.year = NEW.year;
		PERFORM core.property_number_add(NEW.state_code, nums,
			'lost', 'lost_item', NEW.year, NEW.report_id, NEW.seq, r.district_code, r.station_code, NULL, NEW.kind,
			format('lost report %s item %s', core.register_no_text(r.report_no, r.year, NULL), NEW.seq + 1),
			format('lost_item:%s:%s', NEW.report_id, NEW.seq));
		RETURN NULL;
	END IF;
	IF TG_TABLE_NAME LIKE 'seizure_item%' THEN
		ids := core.property_ids_keep(core.property_ids_of(NEW.item_no - 1), NEW.state_code, 'seizure_item',
			NEW.year, NEW.fir_id, NEW.seizure_no * 1000 + NEW.item_no, 0);
		nums := ARRAY(SELECT DISTINCT unnest(ids || core.property_numbers(coalesce(NEW.identifiers, '') || ' '
			|| NEW.description)));
	ELSE
		src := CASE WHEN TG_TABLE_NAME LIKE 'fir_property%' THEN 'fir_property' ELSE 'crime_details_property' END;
		ids := core.property_ids_keep(core.property_ids_of(NEW.seq), NEW.state_code, src, NEW.year, NEW.fir_id,
			NEW.seq, CASE WHEN src = 'fir_property' THEN 0 ELSE (to_jsonb(NEW) ->> 'version')::int END);
		nums := ARRAY(SELECT DISTINCT unnest(ids || core.property_numbers(NEW.description)));
	END IF;
	IF cardinality(nums) = 0 THEN
		RETURN NULL;
	END IF;
	SELECT x.district_code, x.station_code, x.fir_no INTO f FROM core.fir x
	WHERE x.fir_id = NEW.fir_id AND x.state_code = NEW.state_code AND x.year = NEW.year;
	IF TG_TABLE_NAME LIKE 'seizure_item%' THEN
		PERFORM core.property_number_add(NEW.state_code, nums,
			'seized', 'seizure_item', NEW.year, NEW.fir_id, NEW.seizure_no * 1000 + NEW.item_no,
			f.district_code, f.station_code, NEW.fir_id, NEW.kind,
			format('FIR %s seizure %s item %s', core.fir_number_text(f.fir_no, NEW.year), NEW.seizure_no, NEW.item_no),
			format('seizure_item:%s:%s', NEW.fir_id, NEW.seizure_no * 1000 + NEW.item_no));
	ELSE
		PERFORM core.property_number_add(NEW.state_code, nums,
			'stolen', src, NEW.year, NEW.fir_id, NEW.seq, f.district_code, f.station_code, NEW.fir_id, NEW.kind,
			format('FIR %s property %s', core.fir_number_text(f.fir_no, NEW.year), NEW.seq + 1),
			format('%s:%s:%s', src, NEW.fir_id, NEW.seq));
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.property_number_trigger() IS
	'After a property item is written (FIR property, crime details property, lost item, seized item): its identifiers (given as identifiers, core.property_ids_of) and the numbers in its identifier and description fields into core.property_number, matched against the other side; an item with neither returns before reading its record (0061)';

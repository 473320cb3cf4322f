-- persons_helpers.sql: session-local helpers of persons_checks.sql (images
-- built byte by byte, a crime details form, request strings for
-- expect_error). Everything lives in pg_temp; \ir it after helpers.sql
-- after each \c.

-- A PNG of w x h as far as a header goes (magic, IHDR, IEND; the database
-- does not check the IHDR checksum, the terminal and server do), then pad
-- zero bytes (to make images of a size, or different images of one size).
CREATE FUNCTION pg_temp.png(w int, h int, pad int DEFAULT 0) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
	SELECT '\x89504e470d0a1a0a0000000d49484452'::bytea || int4send(w) || int4send(h)
		|| '\x080200000000000000'::bytea || '\x0000000049454e44ae426082'::bytea || decode(repeat('00', pad), 'hex')
$$;
-- A JPEG of w x h: SOI, APP0, a frame header (SOF0), scan header, EOI.
CREATE FUNCTION pg_temp.jpeg(w int, h int) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
	SELECT '\xffd8ffe000104a46494600010100000100010000ffc0001108'::bytea
		|| substr(int4send(h), 3, 2) || substr(int4send(w), 3, 2)
		|| '\x03012200021101031101ffda000c03010002110311003f001234ffd9'::bytea
$$;
-- An AddPersonPhoto without key.
CREATE FUNCTION pg_temp.photo(pid bigint, mime text, img bytea) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT jsonb_build_object('person_id', pid, 'mime', mime, 'data', translate(encode(img, 'base64'), E'\n', ''),
		'officer', pg_temp.officer(3))
$$;
CREATE FUNCTION pg_temp.photo_sql(station int, req jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.add_person_photo(9, 118, %s, %L::bytea, %L::jsonb)', station, pg_temp.key(), req)
$$;
CREATE FUNCTION pg_temp.update_sql(station int, req jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.update_person(9, 118, %s, %L::bytea, %L::jsonb)', station, pg_temp.key(), req)
$$;
-- The crime details of the sample theft (pg_temp.sample: occurred 2026-11-20
-- 18:30 IST), panchnama at time at, by officer 2. Names made up.
CREATE FUNCTION pg_temp.cd(at timestamptz) RETURNS jsonb LANGUAGE sql STABLE AS $json$
SELECT $${
  "place_shown_by": {"person": {"name": "Ramesh Kumar", "relative_kind": "father", "relative_name": "Suresh Kumar"},
                     "relation": "complainant"},
  "mo": {"major": "theft", "minor": "chain_snatching", "methods": ["snatched from a motorcycle"],
         "conveyance_used": "black motorcycle", "special_features": ["two persons"]},
  "place_type": "market",
  "motive": "Gain",
  "properties": [{"kind": "mobile_phone", "description": "Samsung Galaxy A54, black", "value_rupees": 32000}],
  "scene_description": "Narrow lane near Gate 2 of Sadar Bazaar.",
  "physical_evidence": "CCTV footage of the corner shop.",
  "victims": [{"person": {"name": "Ramesh Kumar", "gender": "male", "year_of_birth": 1988},
               "religion": "Hindu", "sc_st": "none", "injury": "simple", "injury_details": "Bruised wrist."}],
  "panch_witnesses": [{"name": "Mohd. Salim", "occupation": "Shopkeeper"}, {"name": "Vinod Agarwal"}],
  "weapon_used": "none",
  "vehicle_used": "motorcycle"
}$$::jsonb || jsonb_build_object('panchnama_at', pg_temp.ist(at), 'officer', pg_temp.officer(2))
$json$;
CREATE FUNCTION pg_temp.cd_sql(station int, fir_number text, d jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.record_crime_details(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), fir_number, d)
$$;

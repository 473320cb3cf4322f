-- 0012_person_crime_details.sql: the persons master record as a record of
-- its own (details, photographs, the records that name a person), the
-- Crime Details Form (IIF-II), and arrests linked to the persons they name.
--
-- api.get_person(state, district, station, req jsonb {"person_id"})
--     -> jsonb PersonRecord                                CT401 CT400 CT404
-- api.update_person(state, district, station, idem bytea, req jsonb UpdatePerson without key)
--     -> (record jsonb PersonRecord, replayed)             CT401 CT400 CT404 CT409
-- api.add_person_photo(state, district, station, idem bytea, req jsonb AddPersonPhoto without key)
--     -> (photo jsonb PersonPhoto without data, replayed)  CT401 CT400 CT404 CT409
-- api.get_person_photo(state, district, station, req jsonb {"person_id", "photo_no"})
--     -> jsonb PersonPhoto                                 CT401 CT400 CT404
-- api.record_crime_details(state, district, station, idem bytea, fir_number text, details jsonb CrimeDetails)
--     -> (receipt jsonb CrimeDetailsReceipt, replayed)     CT401 CT400 CT404 CT409
-- api.get_crime_details(state, district, station, fir_number text, req jsonb {"version"})
--     -> jsonb CrimeDetailsRecord                          CT401 CT400 CT404
-- api.register_arrest: restated from 0006, unchanged but for one thing: the
--     arrested person (memo.person, with person_id when given, and the
--     memo's aliases) is linked to the memo with role arrested.
--
-- Persons are read and added to by any station of the state: investigators
-- search across the state. Sealing persons from other stations (juveniles,
-- victims of sexual offences) is a later issue. Details are only added,
-- never overwritten: every alias, document, phone, address, descriptive roll
-- and photograph is a row of its own with when, where and by whom it was
-- added. The crime details belong to the FIR's station, like the arrest
-- memos; recording them again makes a new version and keeps the old ones.
--
-- Person links made here (core.person_link, 0008):
--   arrest         role arrested: record_year = the FIR's year, record_id =
--                  fir_id * 1000 + arrest_no (arrest_no <= 234), label
--                  "arrest A1 in FIR 0042/2026";
--   crime_details  roles victim, place_shown_by, panch_witness: record_year
--                  = the FIR's year, record_id = fir_id (one form per case,
--                  every version links to it), label "crime details of FIR
--                  0042/2026".
-- Persons of records made before this migration are linked here too: the
-- arrested of every arrest memo, and the complainant and named accused of
-- every FIR that has no link yet (see the end of this file).

-- ------------------------------------------------------------ person details

-- Common to the detail tables: the person (key and partition: the person's
-- state and year), the station and officer that added the row, and when.

CREATE TABLE core.person_alias (
	state_code int NOT NULL,
	year smallint NOT NULL,
	person_id bigint NOT NULL,
	alias_id bigint GENERATED ALWAYS AS IDENTITY,
	alias text NOT NULL CHECK (alias <> '' AND octet_length(alias) <= 600),
	added_at timestamptz NOT NULL DEFAULT now(),
	district_code int NOT NULL,
	station_code int NOT NULL,
	officer_number text,
	officer_name text,
	officer_rank text,
	PRIMARY KEY (person_id, state_code, year, alias_id),
	UNIQUE (person_id, state_code, year, alias),
	FOREIGN KEY (person_id, state_code, year) REFERENCES core.person (person_id, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.person_alias IS
	'Aliases added to a person after the record was made (UpdatePerson, an arrest memo naming a known person); the aliases known when the person was first recorded are core.person.aliases. Partitioned with the person';
COMMENT ON COLUMN core.person_alias.state_code IS 'State of the person';
COMMENT ON COLUMN core.person_alias.year IS 'Year of the person record (core.person.year)';
COMMENT ON COLUMN core.person_alias.person_id IS 'The person';
COMMENT ON COLUMN core.person_alias.alias_id IS 'Row number, in order of adding';
COMMENT ON COLUMN core.person_alias.alias IS 'Another name the person is known by';
COMMENT ON COLUMN core.person_alias.added_at IS 'When it was added';
COMMENT ON COLUMN core.person_alias.district_code IS 'District of the station that added it';
COMMENT ON COLUMN core.person_alias.station_code IS 'Station that added it';
COMMENT ON COLUMN core.person_alias.officer_number IS 'Officer who added it: number (NULL when it came with a record)';
COMMENT ON COLUMN core.person_alias.officer_name IS 'Officer who added it: name';
COMMENT ON COLUMN core.person_alias.officer_rank IS 'Officer who added it: rank';

CREATE TABLE core.person_document (
	state_code int NOT NULL,
	year smallint NOT NULL,
	person_id bigint NOT NULL,
	document_id bigint GENERATED ALWAYS AS IDENTITY,
	kind text NOT NULL CHECK (kind <> '' AND octet_length(kind) <= 32),
	number text NOT NULL CHECK (number <> '' AND octet_length(number) <= 64),
	added_at timestamptz NOT NULL DEFAULT now(),
	district_code int NOT NULL,
	station_code int NOT NULL,
	officer_number text,
	officer_name text,
	officer_rank text,
	PRIMARY KEY (person_id, state_code, year, document_id),
	UNIQUE (person_id, state_code, year, kind, number),
	FOREIGN KEY (person_id, state_code, year) REFERENCES core.person (person_id, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	CONSTRAINT person_document_no_full_aadhaar CHECK (core.id_doc_refusal(kind, number) IS NULL)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.person_document IS
	'Identity documents of a person (IdentityDocument). Never a full Aadhaar number (Aadhaar Act s.29): CHECK person_document_no_full_aadhaar with core.id_doc_refusal, for every writer; an Aadhaar card is kind aadhaar_masked with its last 4 digits. Partitioned with the person';
COMMENT ON COLUMN core.person_document.state_code IS 'State of the person';
COMMENT ON COLUMN core.person_document.year IS 'Year of the person record (core.person.year)';
COMMENT ON COLUMN core.person_document.person_id IS 'The person';
COMMENT ON COLUMN core.person_document.document_id IS 'Row number, in order of adding';
COMMENT ON COLUMN core.person_document.kind IS 'voter_id, driving_licence, passport, aadhaar_masked, pan, ... (never aadhaar)';
COMMENT ON COLUMN core.person_document.number IS 'The document''s number; for aadhaar_masked exactly the last 4 digits';
COMMENT ON COLUMN core.person_document.added_at IS 'When it was added';
COMMENT ON COLUMN core.person_document.district_code IS 'District of the station that added it';
COMMENT ON COLUMN core.person_document.station_code IS 'Station that added it';
COMMENT ON COLUMN core.person_document.officer_number IS 'Officer who added it: number';
COMMENT ON COLUMN core.person_document.officer_name IS 'Officer who added it: name';
COMMENT ON COLUMN core.person_document.officer_rank IS 'Officer who added it: rank';

CREATE TABLE core.person_phone (
	state_code int NOT NULL,
	year smallint NOT NULL,
	person_id bigint NOT NULL,
	phone_id bigint GENERATED ALWAYS AS IDENTITY,
	number text NOT NULL CHECK (number ~ '^\+?[0-9][0-9 -]{4,30}$'),
	kind text CHECK (kind <> '' AND octet_length(kind) <= 30),
	added_at timestamptz NOT NULL DEFAULT now(),
	district_code int NOT NULL,
	station_code int NOT NULL,
	officer_number text,
	officer_name text,
	officer_rank text,
	PRIMARY KEY (person_id, state_code, year, phone_id),
	UNIQUE (person_id, state_code, year, number),
	FOREIGN KEY (person_id, state_code, year) REFERENCES core.person (person_id, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.person_phone IS
	'Phone numbers of a person added after the record was made (the one first given is core.person.phone). Partitioned with the person';
COMMENT ON COLUMN core.person_phone.state_code IS 'State of the person';
COMMENT ON COLUMN core.person_phone.year IS 'Year of the person record (core.person.year)';
COMMENT ON COLUMN core.person_phone.person_id IS 'The person';
COMMENT ON COLUMN core.person_phone.phone_id IS 'Row number, in order of adding';
COMMENT ON COLUMN core.person_phone.number IS 'The number as given: digits, optionally + and spaces or dashes';
COMMENT ON COLUMN core.person_phone.kind IS 'mobile, landline, whatsapp, ... as given; NULL when not said';
COMMENT ON COLUMN core.person_phone.added_at IS 'When it was added';
COMMENT ON COLUMN core.person_phone.district_code IS 'District of the station that added it';
COMMENT ON COLUMN core.person_phone.station_code IS 'Station that added it';
COMMENT ON COLUMN core.person_phone.officer_number IS 'Officer who added it: number';
COMMENT ON COLUMN core.person_phone.officer_name IS 'Officer who added it: name';
COMMENT ON COLUMN core.person_phone.officer_rank IS 'Officer who added it: rank';

CREATE TABLE core.person_address (
	state_code int NOT NULL,
	year smallint NOT NULL,
	person_id bigint NOT NULL,
	address_id bigint GENERATED ALWAYS AS IDENTITY,
	kind text NOT NULL CHECK (kind IN ('present', 'permanent', 'other')),
	addr_line1 text CHECK (octet_length(addr_line1) <= 600),
	addr_line2 text CHECK (octet_length(addr_line2) <= 600),
	addr_city text CHECK (octet_length(addr_city) <= 300),
	addr_district_code int,
	addr_state_code int,
	addr_pincode text CHECK (addr_pincode ~ '^[1-9][0-9]{5}$'),
	since date,
	added_at timestamptz NOT NULL DEFAULT now(),
	district_code int NOT NULL,
	station_code int NOT NULL,
	officer_number text,
	officer_name text,
	officer_rank text,
	PRIMARY KEY (person_id, state_code, year, address_id),
	FOREIGN KEY (person_id, state_code, year) REFERENCES core.person (person_id, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	FOREIGN KEY (addr_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (addr_state_code, addr_district_code) REFERENCES ref.district (state_code, district_code),
	CONSTRAINT person_address_says_where CHECK (addr_line1 IS NOT NULL OR addr_city IS NOT NULL),
	CONSTRAINT person_address_state_with_district CHECK (addr_district_code IS NULL OR addr_state_code IS NOT NULL),
	CONSTRAINT person_address_since_not_in_future CHECK (since BETWEEN '1900-01-01'
		AND (added_at AT TIME ZONE 'Asia/Kolkata')::date)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.person_address IS
	'Addresses of a person, each with its kind (present, permanent, other) and since when; a move is a new row, the old address stays. The address first given is core.person.addr_*. Partitioned with the person';
COMMENT ON COLUMN core.person_address.state_code IS 'State of the person';
COMMENT ON COLUMN core.person_address.year IS 'Year of the person record (core.person.year)';
COMMENT ON COLUMN core.person_address.person_id IS 'The person';
COMMENT ON COLUMN core.person_address.address_id IS 'Row number, in order of adding';
COMMENT ON COLUMN core.person_address.kind IS 'AddressKind: present, permanent, other';
COMMENT ON COLUMN core.person_address.addr_line1 IS 'Address: first line';
COMMENT ON COLUMN core.person_address.addr_line2 IS 'Address: second line';
COMMENT ON COLUMN core.person_address.addr_city IS 'Address: village, town or city';
COMMENT ON COLUMN core.person_address.addr_district_code IS 'Address: LGD district code';
COMMENT ON COLUMN core.person_address.addr_state_code IS 'Address: LGD state code';
COMMENT ON COLUMN core.person_address.addr_pincode IS 'Address: PIN code';
COMMENT ON COLUMN core.person_address.since IS 'Living (or working) there since this day, when known; never after the day it was added';
COMMENT ON COLUMN core.person_address.added_at IS 'When it was added';
COMMENT ON COLUMN core.person_address.district_code IS 'District of the station that added it';
COMMENT ON COLUMN core.person_address.station_code IS 'Station that added it';
COMMENT ON COLUMN core.person_address.officer_number IS 'Officer who added it: number';
COMMENT ON COLUMN core.person_address.officer_name IS 'Officer who added it: name';
COMMENT ON COLUMN core.person_address.officer_rank IS 'Officer who added it: rank';

CREATE TABLE core.person_roll (
	state_code int NOT NULL,
	year smallint NOT NULL,
	person_id bigint NOT NULL,
	roll_id bigint GENERATED ALWAYS AS IDENTITY,
	height_cm smallint CHECK (height_cm BETWEEN 30 AND 250),
	build text CHECK (octet_length(build) <= 100),
	complexion text CHECK (octet_length(complexion) <= 100),
	identification_marks text CHECK (octet_length(identification_marks) <= 1000),
	deformities text CHECK (octet_length(deformities) <= 1000),
	teeth text CHECK (octet_length(teeth) <= 300),
	hair text CHECK (octet_length(hair) <= 300),
	eyes text CHECK (octet_length(eyes) <= 300),
	habits text CHECK (octet_length(habits) <= 1000),
	dress text CHECK (octet_length(dress) <= 1000),
	languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 10),
	burn_marks text CHECK (octet_length(burn_marks) <= 1000),
	moles text CHECK (octet_length(moles) <= 1000),
	scars text CHECK (octet_length(scars) <= 1000),
	tattoos text CHECK (octet_length(tattoos) <= 1000),
	added_at timestamptz NOT NULL DEFAULT now(),
	district_code int NOT NULL,
	station_code int NOT NULL,
	officer_number text,
	officer_name text,
	officer_rank text,
	PRIMARY KEY (person_id, state_code, year, roll_id),
	FOREIGN KEY (person_id, state_code, year) REFERENCES core.person (person_id, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	CONSTRAINT person_roll_not_empty CHECK (num_nonnulls(height_cm, build, complexion, identification_marks,
		deformities, teeth, hair, eyes, habits, dress, burn_marks, moles, scars, tattoos) > 0
		OR cardinality(languages) > 0)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.person_roll IS
	'Descriptive rolls of a person (DescriptiveRoll), as recorded over time; the latest (highest roll_id) is the person''s. Partitioned with the person';
COMMENT ON COLUMN core.person_roll.state_code IS 'State of the person';
COMMENT ON COLUMN core.person_roll.year IS 'Year of the person record (core.person.year)';
COMMENT ON COLUMN core.person_roll.person_id IS 'The person';
COMMENT ON COLUMN core.person_roll.roll_id IS 'Row number, in order of recording: the highest is the latest';
COMMENT ON COLUMN core.person_roll.height_cm IS 'Height in cm, 30..250';
COMMENT ON COLUMN core.person_roll.build IS 'Build';
COMMENT ON COLUMN core.person_roll.complexion IS 'Complexion';
COMMENT ON COLUMN core.person_roll.identification_marks IS 'Identification marks';
COMMENT ON COLUMN core.person_roll.deformities IS 'Deformities';
COMMENT ON COLUMN core.person_roll.teeth IS 'Teeth';
COMMENT ON COLUMN core.person_roll.hair IS 'Hair';
COMMENT ON COLUMN core.person_roll.eyes IS 'Eyes';
COMMENT ON COLUMN core.person_roll.habits IS 'Habits';
COMMENT ON COLUMN core.person_roll.dress IS 'Dress';
COMMENT ON COLUMN core.person_roll.languages IS 'Languages spoken';
COMMENT ON COLUMN core.person_roll.burn_marks IS 'Locations of burn marks';
COMMENT ON COLUMN core.person_roll.moles IS 'Locations of moles';
COMMENT ON COLUMN core.person_roll.scars IS 'Locations of scars';
COMMENT ON COLUMN core.person_roll.tattoos IS 'Tattoos';
COMMENT ON COLUMN core.person_roll.added_at IS 'When it was recorded';
COMMENT ON COLUMN core.person_roll.district_code IS 'District of the station that recorded it';
COMMENT ON COLUMN core.person_roll.station_code IS 'Station that recorded it';
COMMENT ON COLUMN core.person_roll.officer_number IS 'Officer who recorded it: number';
COMMENT ON COLUMN core.person_roll.officer_name IS 'Officer who recorded it: name';
COMMENT ON COLUMN core.person_roll.officer_rank IS 'Officer who recorded it: rank';

-- ------------------------------------------------------------ photographs

-- The kind, width and height of a JPEG or PNG image from its header, as
-- proto/image.c reads them for the terminal and the server: PNG from the
-- IHDR chunk after the signature, JPEG from the first frame header (SOFn)
-- before the scan, segment by segment. why is NULL for a sound header,
-- else the reason; kind is set when the magic was recognised.
CREATE FUNCTION core.image_probe(b bytea, OUT kind text, OUT width int, OUT height int, OUT why text)
LANGUAGE plpgsql IMMUTABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	n int := length(b);
	pos int := 2;
	m int;
	seg int;
	w bigint;
	h bigint;
BEGIN
	IF n >= 8 AND substr(b, 1, 8) = '\x89504e470d0a1a0a'::bytea THEN
		kind := 'image/png';
		IF n < 33 OR substr(b, 9, 8) <> '\x0000000d49484452'::bytea THEN
			why := 'a damaged PNG image: its header (IHDR) is missing or cut short';
			RETURN;
		END IF;
		w := get_byte(b, 16)::bigint << 24 | get_byte(b, 17) << 16 | get_byte(b, 18) << 8 | get_byte(b, 19);
		h := get_byte(b, 20)::bigint << 24 | get_byte(b, 21) << 16 | get_byte(b, 22) << 8 | get_byte(b, 23);
		IF w = 0 OR h = 0 OR w > 2147483647 OR h > 2147483647 THEN
			why := 'a damaged PNG image: its header gives a width or height of 0 or beyond 2^31';
			RETURN;
		END IF;
		width := w;
		height := h;
		RETURN;
	END IF;
	IF n < 3 OR substr(b, 1, 3) <> '\xffd8ff'::bytea THEN
		why := 'neither a JPEG nor a PNG image';
		RETURN;
	END IF;
	kind := 'image/jpeg';
	LOOP
		EXIT WHEN pos >= n OR get_byte(b, pos) <> 255;
		WHILE pos < n AND get_byte(b, pos) = 255 LOOP
			pos := pos + 1;
		END LOOP;
		EXIT WHEN pos >= n;
		m := get_byte(b, pos);
		pos := pos + 1;
		CONTINUE WHEN m = 1 OR m BETWEEN 208 AND 215;          -- TEM, RST0..7: no length
		IF m IN (0, 216, 217, 218) THEN                           -- stuffing, SOI, EOI, SOS
			why := 'a damaged JPEG image: no frame header before its image data';
			RETURN;
		END IF;
		EXIT WHEN n - pos < 2;
		seg := get_byte(b, pos) << 8 | get_byte(b, pos + 1);
		EXIT WHEN seg < 2 OR n - pos < seg;
		IF m BETWEEN 192 AND 207 AND m NOT IN (196, 200, 204) THEN   -- SOFn, not DHT, JPG, DAC
			IF seg < 8 OR get_byte(b, pos + 7) NOT BETWEEN 1 AND 4 OR seg <> 8 + 3 * get_byte(b, pos + 7) THEN
				why := 'a damaged JPEG image: its frame header is malformed';
				RETURN;
			END IF;
			height := get_byte(b, pos + 3) << 8 | get_byte(b, pos + 4);
			width := get_byte(b, pos + 5) << 8 | get_byte(b, pos + 6);
			IF width = 0 OR height = 0 THEN
				why := 'a JPEG image whose frame header gives no width or height';
				width := NULL;
				height := NULL;
			END IF;
			RETURN;
		END IF;
		pos := pos + seg;
	END LOOP;
	why := 'a damaged JPEG image: it is cut short or a marker is missing before its frame header';
END
$fn$;
COMMENT ON FUNCTION core.image_probe(bytea) IS
	'Kind (image/jpeg, image/png), width and height of an image from its header (PNG IHDR, JPEG SOFn), as proto/image.c; why is the reason when the bytes are not a sound JPEG or PNG header';

-- Is b the image that mime, width and height say? (CHECK of core.person_photo.)
CREATE FUNCTION core.image_is(b bytea, mime text, width int, height int) RETURNS boolean
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT i.why IS NULL AND i.kind = image_is.mime AND i.width = image_is.width AND i.height = image_is.height
	FROM core.image_probe(image_is.b) i
$fn$;
COMMENT ON FUNCTION core.image_is(bytea, text, int, int) IS
	'True when the image header of b reads as mime with these dimensions';

CREATE TABLE core.person_photo (
	state_code int NOT NULL,
	year smallint NOT NULL,
	person_id bigint NOT NULL,
	photo_no smallint NOT NULL CHECK (photo_no BETWEEN 1 AND 20),
	mime text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
	data bytea NOT NULL,
	size_bytes int GENERATED ALWAYS AS (octet_length(data)) STORED,
	sha256 bytea GENERATED ALWAYS AS (sha256(data)) STORED,
	width int NOT NULL,
	height int NOT NULL,
	taken_at timestamptz,
	added_at timestamptz NOT NULL DEFAULT now(),
	district_code int NOT NULL,
	station_code int NOT NULL,
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	PRIMARY KEY (person_id, state_code, year, photo_no),
	UNIQUE (person_id, state_code, year, sha256),
	FOREIGN KEY (person_id, state_code, year) REFERENCES core.person (person_id, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	CONSTRAINT person_photo_size CHECK (octet_length(data) BETWEEN 1 AND 524288),
	CONSTRAINT person_photo_magic CHECK ((mime = 'image/jpeg' AND substr(data, 1, 3) = '\xffd8ff'::bytea)
		OR (mime = 'image/png' AND substr(data, 1, 8) = '\x89504e470d0a1a0a'::bytea)),
	CONSTRAINT person_photo_dimensions CHECK (width BETWEEN 64 AND 8000 AND height BETWEEN 64 AND 8000),
	CONSTRAINT person_photo_width_height_from_header CHECK (core.image_is(data, mime, width, height)),
	CONSTRAINT person_photo_taken_before_added CHECK (taken_at BETWEEN '1950-01-01T00:00:00+05:30' AND added_at)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.person_photo IS
	'Photographs of a person: JPEG or PNG, at most 512 KiB, 64..8000 pixels wide and high; the magic bytes, the size and the dimensions read from the image header are checked here for every writer. Numbered 1.. per person (at most 20); the same image is stored once per person. Partitioned with the person';
COMMENT ON COLUMN core.person_photo.state_code IS 'State of the person';
COMMENT ON COLUMN core.person_photo.year IS 'Year of the person record (core.person.year)';
COMMENT ON COLUMN core.person_photo.person_id IS 'The person';
COMMENT ON COLUMN core.person_photo.photo_no IS 'Photo number of the person, 1..20, in order of adding';
COMMENT ON COLUMN core.person_photo.mime IS 'image/jpeg or image/png, agreeing with the magic bytes';
COMMENT ON COLUMN core.person_photo.data IS 'The image file';
COMMENT ON COLUMN core.person_photo.size_bytes IS 'Generated: size of the image in bytes';
COMMENT ON COLUMN core.person_photo.sha256 IS 'Generated: SHA-256 of the image';
COMMENT ON COLUMN core.person_photo.width IS 'Width in pixels, from the image header (64..8000)';
COMMENT ON COLUMN core.person_photo.height IS 'Height in pixels, from the image header (64..8000)';
COMMENT ON COLUMN core.person_photo.taken_at IS 'When the photograph was taken, when known (not after it was added)';
COMMENT ON COLUMN core.person_photo.added_at IS 'When it was added';
COMMENT ON COLUMN core.person_photo.district_code IS 'District of the station that added it';
COMMENT ON COLUMN core.person_photo.station_code IS 'Station that added it';
COMMENT ON COLUMN core.person_photo.officer_number IS 'Officer who added it: number';
COMMENT ON COLUMN core.person_photo.officer_name IS 'Officer who added it: name';
COMMENT ON COLUMN core.person_photo.officer_rank IS 'Officer who added it: rank';

-- ------------------------------------------------------------ crime details (IIF-II)

CREATE TABLE ref.place_type (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	number smallint NOT NULL UNIQUE CHECK (number > 0),
	label text NOT NULL CHECK (label <> '')
);
COMMENT ON TABLE ref.place_type IS 'Types of place of occurrence (proto enum PlaceType) for the crime details form';
COMMENT ON COLUMN ref.place_type.code IS 'Short lower-case name as in the JSON mapping';
COMMENT ON COLUMN ref.place_type.number IS 'The PlaceType enum number in proto/cctns.proto';
COMMENT ON COLUMN ref.place_type.label IS 'The type for a person';

INSERT INTO ref.place_type (code, number, label) VALUES
	('residence', 1, 'Residence'),
	('shop', 2, 'Shop'),
	('bank', 3, 'Bank'),
	('atm', 4, 'ATM'),
	('road', 5, 'Road or street'),
	('highway', 6, 'Highway'),
	('railway', 7, 'Railway station, train or track'),
	('bus', 8, 'Bus or bus stand'),
	('place_of_worship', 9, 'Place of worship'),
	('school', 10, 'School or college'),
	('hospital', 11, 'Hospital'),
	('office', 12, 'Office'),
	('factory', 13, 'Factory'),
	('market', 14, 'Market'),
	('hotel', 15, 'Hotel, lodge or restaurant'),
	('farm', 16, 'Farm or field'),
	('forest', 17, 'Forest'),
	('river', 18, 'River, canal, pond or well'),
	('vehicle', 19, 'Inside a private vehicle'),
	('park', 20, 'Park or open ground'),
	('other', 21, 'Other');
GRANT SELECT ON ref.place_type TO cctns_analyst;

CREATE TABLE core.crime_details (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	version smallint NOT NULL CHECK (version BETWEEN 1 AND 1000),
	district_code int NOT NULL,
	station_code int NOT NULL,
	recorded_at timestamptz NOT NULL DEFAULT now(),
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	place_type text NOT NULL REFERENCES ref.place_type (code),
	place_description text CHECK (octet_length(place_description) <= 1000),
	motive text CHECK (octet_length(motive) <= 2000),
	mo_major text NOT NULL,
	mo_minor text NOT NULL,
	mo_methods text[] NOT NULL DEFAULT '{}' CHECK (cardinality(mo_methods) <= 3),
	mo_conveyance_used text CHECK (octet_length(mo_conveyance_used) <= 600),
	mo_character_assumed text CHECK (octet_length(mo_character_assumed) <= 600),
	mo_language_or_slang text CHECK (octet_length(mo_language_or_slang) <= 600),
	mo_special_features text[] NOT NULL DEFAULT '{}' CHECK (cardinality(mo_special_features) <= 3),
	scene_description text CHECK (octet_length(scene_description) <= 16384),
	physical_evidence text CHECK (octet_length(physical_evidence) <= 16384),
	panchnama_at timestamptz,
	weapon_used text CHECK (octet_length(weapon_used) <= 1000),
	vehicle_used text CHECK (octet_length(vehicle_used) <= 1000),
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	PRIMARY KEY (state_code, year, fir_id, version),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.fir (state_code, year, fir_id) ON DELETE CASCADE,
	FOREIGN KEY (mo_major, mo_minor) REFERENCES ref.mo_head (major, minor),
	CONSTRAINT crime_details_other_place_described CHECK (place_type <> 'other' OR place_description IS NOT NULL),
	CONSTRAINT crime_details_panchnama_not_in_future CHECK (panchnama_at <= recorded_at)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.crime_details IS
	'Crime Details Forms (IIF-II) of an FIR, by version: recording the form again adds a version, the earlier ones stay. Of the FIR''s own station, never of a transferred FIR; the panchnama is never before the occurrence began (trigger crime_details_after_occurrence). Persons named are in core.crime_details_person, properties in core.crime_details_property. Partitioned like core.fir (by the FIR''s year)';
COMMENT ON COLUMN core.crime_details.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.crime_details.year IS 'Partition key: the FIR''s year, as core.fir';
COMMENT ON COLUMN core.crime_details.fir_id IS 'The FIR (core.fir.fir_id)';
COMMENT ON COLUMN core.crime_details.version IS 'Version of the form for the FIR, from 1; the highest is the current one';
COMMENT ON COLUMN core.crime_details.district_code IS 'LGD district code of the FIR''s station';
COMMENT ON COLUMN core.crime_details.station_code IS 'Station code of the FIR''s station';
COMMENT ON COLUMN core.crime_details.recorded_at IS 'When this version was recorded (transaction time)';
COMMENT ON COLUMN core.crime_details.idempotency_key IS '16-byte key the terminal made for this recording (see core.idempotency)';
COMMENT ON COLUMN core.crime_details.content_sha256 IS 'SHA-256 of the FIR number and the CrimeDetails JSON as received';
COMMENT ON COLUMN core.crime_details.place_type IS 'Type of place of occurrence (ref.place_type)';
COMMENT ON COLUMN core.crime_details.place_description IS 'What kind of place, required for type other';
COMMENT ON COLUMN core.crime_details.motive IS 'Motive';
COMMENT ON COLUMN core.crime_details.mo_major IS 'Modus operandi: major head (ref.mo_head)';
COMMENT ON COLUMN core.crime_details.mo_minor IS 'Modus operandi: minor head within the major head (ref.mo_head; general for the major head itself)';
COMMENT ON COLUMN core.crime_details.mo_methods IS 'Modus operandi: methods, at most 3';
COMMENT ON COLUMN core.crime_details.mo_conveyance_used IS 'Modus operandi: conveyance used';
COMMENT ON COLUMN core.crime_details.mo_character_assumed IS 'Modus operandi: character assumed by the offender';
COMMENT ON COLUMN core.crime_details.mo_language_or_slang IS 'Modus operandi: language or slang used';
COMMENT ON COLUMN core.crime_details.mo_special_features IS 'Modus operandi: special features, at most 3';
COMMENT ON COLUMN core.crime_details.scene_description IS 'Description of the scene of crime';
COMMENT ON COLUMN core.crime_details.physical_evidence IS 'Physical evidence found and lifted';
COMMENT ON COLUMN core.crime_details.panchnama_at IS 'Date and time of the scene panchnama (two panch witnesses in core.crime_details_person); not before the occurrence began, not in the future';
COMMENT ON COLUMN core.crime_details.weapon_used IS 'Weapon used';
COMMENT ON COLUMN core.crime_details.vehicle_used IS 'Vehicle used';
COMMENT ON COLUMN core.crime_details.officer_number IS 'Investigating officer who filled the form: number';
COMMENT ON COLUMN core.crime_details.officer_name IS 'Investigating officer: name';
COMMENT ON COLUMN core.crime_details.officer_rank IS 'Investigating officer: rank';

-- Crime details belong to the station of their FIR, and the scene
-- panchnama follows the occurrence: checked for every writer.
CREATE FUNCTION core.crime_details_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f record;
BEGIN
	SELECT x.occurred_from, x.district_code, x.station_code, x.fir_no INTO f
	FROM core.fir x
	WHERE x.state_code = NEW.state_code AND x.year = NEW.year AND x.fir_id = NEW.fir_id;
	IF FOUND AND (f.district_code <> NEW.district_code OR f.station_code <> NEW.station_code) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number',
			MESSAGE = 'the crime details belong to the station of their FIR';
	END IF;
	IF NEW.panchnama_at < f.occurred_from THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'panchnama_at',
			MESSAGE = format('the panchnama cannot be before the occurrence: FIR %s says it began at %s',
				core.fir_number_text(f.fir_no, NEW.year), core.ist_text(f.occurred_from));
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.crime_details_guard() IS
	'Trigger: refuse (CT400) crime details of another station than their FIR''s, or a panchnama before the occurrence began';

CREATE TRIGGER crime_details_after_occurrence BEFORE INSERT OR UPDATE ON core.crime_details
	FOR EACH ROW EXECUTE FUNCTION core.crime_details_guard();

CREATE TABLE core.crime_details_person (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	version smallint NOT NULL,
	role text NOT NULL CHECK (role IN ('place_shown_by', 'victim', 'panch_witness')),
	seq smallint NOT NULL CHECK (seq >= 0),
	person_id bigint NOT NULL,
	name text NOT NULL CHECK (name <> '' AND octet_length(name) <= 600),
	relative_kind text CHECK (relative_kind IN ('father', 'husband', 'mother', 'guardian')),
	relative_name text,
	gender text CHECK (gender IN ('male', 'female', 'transgender')),
	date_of_birth date CHECK (date_of_birth >= '1900-01-01'),
	year_of_birth smallint CHECK (year_of_birth BETWEEN 1900 AND 2200),
	nationality text,
	occupation text,
	addr_line1 text,
	addr_line2 text,
	addr_city text,
	addr_district_code int,
	addr_state_code int,
	addr_pincode text CHECK (addr_pincode ~ '^[1-9][0-9]{5}$'),
	phone text,
	relation text CHECK (octet_length(relation) <= 200),
	religion text CHECK (octet_length(religion) <= 100),
	sc_st text CHECK (sc_st IN ('none', 'sc', 'st')),
	injury text CHECK (injury IN ('none', 'simple', 'grievous', 'fatal')),
	injury_details text CHECK (octet_length(injury_details) <= 2000),
	PRIMARY KEY (state_code, year, fir_id, version, role, seq),
	FOREIGN KEY (state_code, year, fir_id, version) REFERENCES core.crime_details (state_code, year, fir_id, version)
		ON DELETE CASCADE,
	FOREIGN KEY (addr_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (addr_state_code, addr_district_code) REFERENCES ref.district (state_code, district_code),
	CONSTRAINT crime_details_person_role_fields CHECK ((role = 'place_shown_by' OR relation IS NULL)
		AND (role = 'victim' OR num_nulls(religion, sc_st, injury, injury_details) = 4)),
	CONSTRAINT crime_details_person_one_shown_by CHECK (role <> 'place_shown_by' OR seq = 0),
	CONSTRAINT crime_details_person_two_panch CHECK (role <> 'panch_witness' OR seq BETWEEN 0 AND 1)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.crime_details_person IS
	'Persons named in a version of the crime details: who showed the place (seq 0), the victims (seq 0..), the two panch witnesses (seq 0, 1), as written on the form, each with the person of the master record it is linked to. Personal data: not for analysts, never logged. Partitioned like core.fir';
COMMENT ON COLUMN core.crime_details_person.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.crime_details_person.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.crime_details_person.fir_id IS 'The FIR';
COMMENT ON COLUMN core.crime_details_person.version IS 'The version of the crime details';
COMMENT ON COLUMN core.crime_details_person.role IS 'place_shown_by, victim or panch_witness';
COMMENT ON COLUMN core.crime_details_person.seq IS 'Order within the role, from 0';
COMMENT ON COLUMN core.crime_details_person.person_id IS 'The person of the master record (core.person) linked with this role';
COMMENT ON COLUMN core.crime_details_person.name IS 'Person.name as written';
COMMENT ON COLUMN core.crime_details_person.relative_kind IS 'Person.relative_kind';
COMMENT ON COLUMN core.crime_details_person.relative_name IS 'Person.relative_name';
COMMENT ON COLUMN core.crime_details_person.gender IS 'Person.gender (the victim''s sex)';
COMMENT ON COLUMN core.crime_details_person.date_of_birth IS 'Person.date_of_birth';
COMMENT ON COLUMN core.crime_details_person.year_of_birth IS 'Person.year_of_birth';
COMMENT ON COLUMN core.crime_details_person.nationality IS 'Person.nationality';
COMMENT ON COLUMN core.crime_details_person.occupation IS 'Person.occupation';
COMMENT ON COLUMN core.crime_details_person.addr_line1 IS 'Person.address: line1';
COMMENT ON COLUMN core.crime_details_person.addr_line2 IS 'Person.address: line2';
COMMENT ON COLUMN core.crime_details_person.addr_city IS 'Person.address: city';
COMMENT ON COLUMN core.crime_details_person.addr_district_code IS 'Person.address: LGD district code';
COMMENT ON COLUMN core.crime_details_person.addr_state_code IS 'Person.address: LGD state code';
COMMENT ON COLUMN core.crime_details_person.addr_pincode IS 'Person.address: PIN code';
COMMENT ON COLUMN core.crime_details_person.phone IS 'Person.phone';
COMMENT ON COLUMN core.crime_details_person.relation IS 'place_shown_by only: relation to the case';
COMMENT ON COLUMN core.crime_details_person.religion IS 'victim only: religion';
COMMENT ON COLUMN core.crime_details_person.sc_st IS 'victim only: none, sc, st (NULL: not stated)';
COMMENT ON COLUMN core.crime_details_person.injury IS 'victim only: none, simple, grievous, fatal (NULL: not stated)';
COMMENT ON COLUMN core.crime_details_person.injury_details IS 'victim only: nature of the injury';

CREATE TABLE core.crime_details_property (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	version smallint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	kind text NOT NULL CHECK (kind <> '' AND octet_length(kind) <= 100),
	description text CHECK (octet_length(description) <= 4000),
	value_rupees bigint CHECK (value_rupees >= 0),
	PRIMARY KEY (state_code, year, fir_id, version, seq),
	FOREIGN KEY (state_code, year, fir_id, version) REFERENCES core.crime_details (state_code, year, fir_id, version)
		ON DELETE CASCADE
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.crime_details_property IS
	'Properties stolen or involved, as listed in a version of the crime details. Partitioned like core.fir';
COMMENT ON COLUMN core.crime_details_property.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.crime_details_property.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.crime_details_property.fir_id IS 'The FIR';
COMMENT ON COLUMN core.crime_details_property.version IS 'The version of the crime details';
COMMENT ON COLUMN core.crime_details_property.seq IS 'Order in the list, from 0';
COMMENT ON COLUMN core.crime_details_property.kind IS 'Property.kind, e.g. jewellery, cash, mobile_phone';
COMMENT ON COLUMN core.crime_details_property.description IS 'Property.description';
COMMENT ON COLUMN core.crime_details_property.value_rupees IS 'Estimated value in rupees';

-- ------------------------------------------------------------ partitions

INSERT INTO core.partitioned_table (name, create_order, append_only) VALUES
	('person_alias', 130, false),
	('person_document', 131, false),
	('person_phone', 132, false),
	('person_address', 133, false),
	('person_roll', 134, false),
	('person_photo', 135, false),
	('crime_details', 136, false),
	('crime_details_person', 137, false),
	('crime_details_property', 138, false);

DO $parts$
DECLARE
	r record;
BEGIN
	FOR r IN
		SELECT m[1]::int AS st, m[2]::int AS yr
		FROM pg_catalog.pg_class c, regexp_match(c.relname, '^fir_([0-9]+)_([0-9]{4})$') m
		WHERE c.relnamespace = 'core'::regnamespace AND c.relispartition AND m IS NOT NULL
		ORDER BY 1, 2
	LOOP
		PERFORM core.ensure_partitions(r.st, r.yr);
	END LOOP;
END
$parts$;

-- Personal data: not for the analyst (as core.person in 0008). The crime
-- details themselves (MO, place, property) are for analysis.
REVOKE ALL ON core.person_alias, core.person_document, core.person_phone, core.person_address,
	core.person_roll, core.person_photo, core.crime_details_person FROM cctns_analyst;
GRANT SELECT ON core.crime_details, core.crime_details_property TO cctns_analyst;

-- ------------------------------------------------------------ readers

-- A person number in a request: a whole number of 1 to 18 digits (JSON
-- number or decimal string). NULL when absent and not required.
CREATE FUNCTION core.read_person_id(v jsonb, path text, required boolean) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF v IS NULL OR jsonb_typeof(v) = 'null' OR v #>> '{}' IN ('', '0') THEN
		IF required THEN
			PERFORM core.fir_bad(path, path || ' is required: the person''s number, as cctns person show prints it');
		END IF;
		RETURN NULL;
	END IF;
	IF jsonb_typeof(v) NOT IN ('number', 'string') OR v #>> '{}' !~ '^[0-9]{1,18}$' THEN
		PERFORM core.fir_bad(path, path || ': expected a person number (1 to 18 digits)');
	END IF;
	RETURN (v #>> '{}')::bigint;
END
$fn$;
COMMENT ON FUNCTION core.read_person_id(jsonb, text, boolean) IS
	'Read a person number (JSON number or decimal string of 1..18 digits); NULL when absent, CT400 when malformed or missing but required';

-- A Person of a form that may name a known person by person_id: the Person
-- fields as core.fir_check_person checks them, and person_id well formed
-- (whether that person exists is core.link_person's to say).
CREATE FUNCTION core.person_ref_check(o jsonb, path text, required boolean) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF jsonb_typeof(o) = 'object' AND o ? 'person_id' THEN
		PERFORM core.read_person_id(o -> 'person_id', path || '.person_id', false);
		o := o - 'person_id';
	END IF;
	PERFORM core.fir_check_person(o, path, required);
END
$fn$;
COMMENT ON FUNCTION core.person_ref_check(jsonb, text, boolean) IS
	'Validate a Person that may carry person_id (a known person to link): core.fir_check_person on the rest';

-- An identity document: never a full Aadhaar number (core.id_doc_refusal,
-- the rule of the arrest memo), with the arrest memo's messages.
CREATE FUNCTION core.id_doc_check(el jsonb, path text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	refusal text;
BEGIN
	PERFORM core.j_elem(el, path, ARRAY['kind', 'number']);
	PERFORM core.j_str(el -> 'kind', path || '.kind', 32, true);
	PERFORM core.j_str(el -> 'number', path || '.number', 64, true);
	refusal := core.id_doc_refusal(el ->> 'kind', el ->> 'number');
	IF refusal = 'kind' THEN
		PERFORM core.fir_bad(path || '.kind',
			'a full Aadhaar number may never be stored: record an Aadhaar card as kind aadhaar_masked with only its last 4 digits');
	ELSIF refusal = 'number' THEN
		PERFORM core.fir_bad(path || '.number',
			path || '.number has 12 digits, like a full Aadhaar number, which may never be stored: for an Aadhaar card use kind aadhaar_masked with only the last 4 digits');
	ELSIF refusal = 'masked' THEN
		PERFORM core.fir_bad(path || '.number',
			path || '.number: kind aadhaar_masked takes exactly the last 4 digits of the Aadhaar number');
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.id_doc_check(jsonb, text) IS
	'Validate an IdentityDocument element: kind and number required, never a full Aadhaar number (core.id_doc_refusal)';

-- A DescriptiveRoll of the persons record: height 30..250 cm (children are
-- persons too), the arrest memo's text limits, at most 10 languages, and
-- something in it.
CREATE FUNCTION core.roll_check(el jsonb, path text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	roll_keys constant text[] := ARRAY['height_cm', 'build', 'complexion', 'identification_marks', 'deformities',
		'teeth', 'hair', 'eyes', 'habits', 'dress', 'languages', 'burn_marks', 'moles', 'scars', 'tattoos'];
	roll_texts constant text[] := ARRAY['build', 'complexion', 'identification_marks', 'deformities', 'teeth',
		'hair', 'eyes', 'habits', 'dress', 'burn_marks', 'moles', 'scars', 'tattoos'];
	roll_max constant int[] := ARRAY[100, 100, 1000, 1000, 300, 300, 300, 1000, 1000, 1000, 1000, 1000, 1000];
	n bigint;
	arr jsonb;
	given int := 0;
BEGIN
	PERFORM core.j_obj(el, path, roll_keys, true);
	n := core.j_uint(el -> 'height_cm', path || '.height_cm', 4294967295);
	IF n NOT BETWEEN 30 AND 250 THEN
		PERFORM core.fir_bad(path || '.height_cm',
			format('%s.height_cm: %s cm is not a human height (30 to 250)', path, n));
	END IF;
	given := given + (n IS NOT NULL)::int;
	FOR i IN 1 .. array_length(roll_texts, 1) LOOP
		given := given + (core.j_str(el -> roll_texts[i], path || '.' || roll_texts[i], roll_max[i], false)
			IS NOT NULL)::int;
	END LOOP;
	arr := core.j_arr(el -> 'languages', path || '.languages', 10);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		PERFORM core.j_str(arr -> i, path || '.languages[' || i || ']', 100, true);
	END LOOP;
	IF given = 0 AND jsonb_array_length(arr) = 0 THEN
		PERFORM core.fir_bad(path, path || ' has nothing in it: give the height, build, marks, ...');
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.roll_check(jsonb, text) IS
	'Validate a DescriptiveRoll for the persons record: fields and lengths, height 30..250 cm, at most 10 languages, not empty';

-- UpdatePerson without its key: person_id, what to add, the officer.
CREATE FUNCTION core.person_update_check(req jsonb) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['person_id', 'aliases', 'identity_documents', 'phones', 'addresses',
		'descriptive_roll', 'officer'];
	today date := (now() AT TIME ZONE 'Asia/Kolkata')::date;
	pid bigint;
	arr jsonb;
	el jsonb;
	p text;
	s text;
	since date;
	n int := 0;
BEGIN
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the update must be a JSON object (UpdatePerson)');
	END IF;
	PERFORM core.j_keys(req, '', keys);
	pid := core.read_person_id(req -> 'person_id', 'person_id', true);

	arr := core.j_arr(req -> 'aliases', 'aliases', 10);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		PERFORM core.j_str(arr -> i, 'aliases[' || i || ']', 600, true);
	END LOOP;
	n := n + jsonb_array_length(arr);

	arr := core.j_arr(req -> 'identity_documents', 'identity_documents', 10);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		PERFORM core.id_doc_check(arr -> i, 'identity_documents[' || i || ']');
	END LOOP;
	n := n + jsonb_array_length(arr);

	arr := core.j_arr(req -> 'phones', 'phones', 10);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		p := 'phones[' || i || ']';
		el := arr -> i;
		PERFORM core.j_elem(el, p, ARRAY['number', 'kind']);
		s := core.j_str(el -> 'number', p || '.number', 32, true);
		IF s !~ '^\+?[0-9][0-9 -]{4,30}$' THEN
			PERFORM core.fir_bad(p || '.number', p || '.number: expected a phone number (digits, optionally + and spaces)');
		END IF;
		PERFORM core.j_str(el -> 'kind', p || '.kind', 30, false);
	END LOOP;
	n := n + jsonb_array_length(arr);

	arr := core.j_arr(req -> 'addresses', 'addresses', 10);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		p := 'addresses[' || i || ']';
		el := arr -> i;
		PERFORM core.j_elem(el, p, ARRAY['kind', 'address', 'since']);
		PERFORM core.j_enum(el -> 'kind', p || '.kind', ARRAY['present', 'permanent', 'other'], true);
		PERFORM core.j_obj(el -> 'address', p || '.address',
			ARRAY['line1', 'line2', 'city', 'district_code', 'state_code', 'pincode'], true);
		PERFORM core.fir_check_address(el -> 'address', p || '.address');
		IF nullif(el #>> '{address,line1}', '') IS NULL AND nullif(el #>> '{address,city}', '') IS NULL THEN
			PERFORM core.fir_bad(p || '.address', p || '.address: say where: line1 or city at least');
		END IF;
		since := core.read_date(el -> 'since', p || '.since');
		IF since < '1900-01-01' OR since > today THEN
			PERFORM core.fir_bad(p || '.since', format('%s.since must be between 1900-01-01 and today', p));
		END IF;
	END LOOP;
	n := n + jsonb_array_length(arr);

	IF req -> 'descriptive_roll' IS NOT NULL AND jsonb_typeof(req -> 'descriptive_roll') <> 'null' THEN
		PERFORM core.roll_check(req -> 'descriptive_roll', 'descriptive_roll');
		n := n + 1;
	END IF;
	PERFORM core.officer_check(req -> 'officer', 'officer', true);
	IF n = 0 THEN
		PERFORM core.fir_bad('', 'nothing to add: give aliases, identity_documents, phones, addresses or a descriptive_roll');
	END IF;
	RETURN pid;
END
$fn$;
COMMENT ON FUNCTION core.person_update_check(jsonb) IS
	'Validate UpdatePerson (without its key): person_id, at most 10 each of aliases, identity documents (never a full Aadhaar number), phones and addresses (kind, where, since not in the future), a descriptive roll, the officer, and at least one thing to add. Returns the person_id';

-- ------------------------------------------------------------ JSON output

-- core.station_identity_json (Identity JSON of a station) comes from 0010.

CREATE FUNCTION core.roll_json(r core.person_roll) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(jsonb_strip_nulls(jsonb_build_object('height_cm', r.height_cm,
		'build', r.build, 'complexion', r.complexion, 'identification_marks', r.identification_marks,
		'deformities', r.deformities, 'teeth', r.teeth, 'hair', r.hair, 'eyes', r.eyes,
		'habits', r.habits, 'dress', r.dress,
		'languages', CASE WHEN cardinality(r.languages) > 0 THEN to_jsonb(r.languages) END,
		'burn_marks', r.burn_marks, 'moles', r.moles, 'scars', r.scars, 'tattoos', r.tattoos)), '{}')
$fn$;
COMMENT ON FUNCTION core.roll_json(core.person_roll) IS 'DescriptiveRoll message as JSON from a core.person_roll row';

CREATE FUNCTION core.photo_info_json(ph core.person_photo) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object('photo_no', ph.photo_no, 'mime', ph.mime,
		'size_bytes', ph.size_bytes, 'width', ph.width, 'height', ph.height,
		'sha256', encode(ph.sha256, 'hex'), 'taken_at', core.ist_text(ph.taken_at),
		'added_at', core.ist_text(date_trunc('second', ph.added_at))))
$fn$;
COMMENT ON FUNCTION core.photo_info_json(core.person_photo) IS 'PhotoInfo message as JSON from a core.person_photo row';

-- The PersonRecord of person pid of the state, or NULL when there is none.
CREATE FUNCTION core.person_record_json(state int, pid bigint) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'person', jsonb_strip_nulls(jsonb_build_object('person_id', p.person_id, 'name', p.name,
			'relative_kind', p.relative_kind, 'relative_name', p.relative_name, 'gender', p.gender,
			'date_of_birth', to_char(p.date_of_birth, 'YYYY-MM-DD'), 'year_of_birth', p.year_of_birth,
			'nationality', p.nationality, 'occupation', p.occupation,
			'address', core.address_json(p.addr_line1, p.addr_line2, p.addr_city, p.addr_district_code,
				p.addr_state_code, p.addr_pincode),
			'phone', p.phone)),
		'aliases', nullif(to_jsonb(p.aliases || ARRAY(SELECT a.alias FROM core.person_alias a
			WHERE a.person_id = p.person_id AND a.state_code = p.state_code AND a.year = p.year
			ORDER BY a.alias_id)), '[]'),
		'identity_documents', (SELECT jsonb_agg(jsonb_build_object('kind', d.kind, 'number', d.number)
			ORDER BY d.document_id) FROM core.person_document d
			WHERE d.person_id = p.person_id AND d.state_code = p.state_code AND d.year = p.year),
		'phones', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('number', ph.number, 'kind', ph.kind,
				'added_at', core.ist_text(date_trunc('second', ph.added_at)))) ORDER BY ph.phone_id)
			FROM core.person_phone ph
			WHERE ph.person_id = p.person_id AND ph.state_code = p.state_code AND ph.year = p.year),
		'addresses', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', a.kind,
				'address', core.address_json(a.addr_line1, a.addr_line2, a.addr_city, a.addr_district_code,
					a.addr_state_code, a.addr_pincode),
				'since', to_char(a.since, 'YYYY-MM-DD'),
				'added_at', core.ist_text(date_trunc('second', a.added_at)))) ORDER BY a.address_id)
			FROM core.person_address a
			WHERE a.person_id = p.person_id AND a.state_code = p.state_code AND a.year = p.year),
		'descriptive_roll', core.roll_json(r.roll),
		'descriptive_roll_at', core.ist_text(date_trunc('second', (r.roll).added_at)),
		'links', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('role', l.role,
				'record_kind', l.record_kind, 'label', l.label,
				'linked_at', core.ist_text(date_trunc('second', l.linked_at)),
				'station', core.station_identity_json(l.state_code, l.district_code, l.station_code),
				'fir_number', (SELECT core.fir_number_text(f.fir_no, f.year) FROM core.fir f
					WHERE f.fir_id = l.fir_id AND f.state_code = l.state_code)))
				ORDER BY l.linked_at, l.link_id)
			FROM core.person_link l
			WHERE l.person_id = p.person_id AND l.state_code = p.state_code AND l.year = p.year),
		'photos', (SELECT jsonb_agg(core.photo_info_json(ph) ORDER BY ph.photo_no)
			FROM core.person_photo ph
			WHERE ph.person_id = p.person_id AND ph.state_code = p.state_code AND ph.year = p.year),
		'created_at', core.ist_text(date_trunc('second', p.created_at)),
		'created_by', core.station_identity_json(p.state_code, p.district_code, p.station_code)))
	FROM core.person p
	LEFT JOIN LATERAL (SELECT x FROM core.person_roll x
		WHERE x.person_id = p.person_id AND x.state_code = p.state_code AND x.year = p.year
		ORDER BY x.roll_id DESC LIMIT 1) r (roll) ON true
	WHERE p.person_id = pid AND p.state_code = state
$fn$;
COMMENT ON FUNCTION core.person_record_json(int, bigint) IS
	'PersonRecord message as JSON: the person as first recorded, every alias, document, phone and address added since, the latest descriptive roll, the records that name the person (with their station and case), the photographs (without data); NULL when the state has no such person';

-- ------------------------------------------------------------ adding details

-- Aliases of a person not yet known (neither in core.person.aliases nor
-- added since), added by a station (and an officer, when given). Returns
-- how many were added.
CREATE FUNCTION core.person_add_aliases(state int, pyear int, pid bigint, district int, station int,
	aliases jsonb, officer jsonb) RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	added int;
BEGIN
	INSERT INTO core.person_alias (state_code, year, person_id, alias, district_code, station_code,
		officer_number, officer_name, officer_rank)
	SELECT state, pyear, pid, a.alias, district, station,
		officer ->> 'number', officer ->> 'name', officer ->> 'rank'
	FROM (SELECT DISTINCT ON (btrim(x)) btrim(x) AS alias, i
		FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(aliases) = 'array' THEN aliases ELSE '[]' END)
			WITH ORDINALITY AS e(x, i)
		WHERE btrim(x) <> '' ORDER BY btrim(x), i) a
	WHERE NOT EXISTS (SELECT 1 FROM core.person p WHERE p.person_id = pid AND p.state_code = state
		AND p.year = pyear AND a.alias = ANY (p.aliases))
	ORDER BY a.i
	ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS added = ROW_COUNT;
	RETURN added;
END
$fn$;
COMMENT ON FUNCTION core.person_add_aliases(int, int, bigint, int, int, jsonb, jsonb) IS
	'Add the aliases (JSON array of strings) a person does not have yet; returns how many were added';

-- The person of the state, locked for adding to it (the year is its
-- partition). CT404 COLUMN path when there is none.
CREATE FUNCTION core.person_lock(state int, pid bigint, path text) RETURNS smallint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pyear smallint;
BEGIN
	SELECT p.year INTO pyear FROM core.person p WHERE p.person_id = pid AND p.state_code = state;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = path,
			MESSAGE = format('no person %s in this state''s records', pid);
	END IF;
	PERFORM core.ensure_partitions(state, pyear);
	PERFORM 1 FROM core.person p WHERE p.person_id = pid AND p.state_code = state AND p.year = pyear
	FOR NO KEY UPDATE;
	RETURN pyear;
END
$fn$;
COMMENT ON FUNCTION core.person_lock(int, bigint, text) IS
	'Find a person of the state and lock the row (FOR NO KEY UPDATE) so that additions to one person are made one at a time; returns the person''s year; CT404 COLUMN path when there is no such person';

-- ------------------------------------------------------------ api: persons

CREATE FUNCTION api.get_person(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	rec jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (GetPerson)');
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['person_id']);
	pid := core.read_person_id(req -> 'person_id', 'person_id', true);
	rec := core.person_record_json(state, pid);
	IF rec IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'person_id',
			MESSAGE = format('no person %s in this state''s records', pid);
	END IF;
	RETURN rec;
END
$fn$;
COMMENT ON FUNCTION api.get_person(int, int, int, jsonb) IS
	'Read a person of the state (any station of the state may): PersonRecord JSON. CT401, CT400 bad person_id, CT404 no such person';

CREATE FUNCTION api.update_person(state int, district int, station int, idem bytea, req jsonb)
RETURNS TABLE (record jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	pyear smallint;
	officer jsonb;
	caps constant text[] := ARRAY['person_alias', 'person_document', 'person_phone', 'person_address'];
	cap_max constant int[] := ARRAY[50, 20, 20, 50];
	cap_what constant text[] := ARRAY['aliases', 'identity documents', 'phone numbers', 'addresses'];
	n int;
BEGIN
	PERFORM core.station_check(state, district, station);
	pid := core.person_update_check(req);
	IF core.idem_claim(state, district, station, idem, sha256(convert_to(req::text, 'UTF8')),
		'update_person') IS NOT NULL THEN
		record := core.person_record_json(state, pid);
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	pyear := core.person_lock(state, pid, 'person_id');
	officer := req -> 'officer';

	PERFORM core.person_add_aliases(state, pyear, pid, district, station, req -> 'aliases', officer);

	INSERT INTO core.person_document (state_code, year, person_id, kind, number, district_code, station_code,
		officer_number, officer_name, officer_rank)
	SELECT state, pyear, pid, e ->> 'kind', e ->> 'number', district, station,
		officer ->> 'number', officer ->> 'name', officer ->> 'rank'
	FROM jsonb_array_elements(coalesce(nullif(req -> 'identity_documents', 'null'), '[]')) WITH ORDINALITY AS x(e, i)
	ORDER BY i
	ON CONFLICT DO NOTHING;

	INSERT INTO core.person_phone (state_code, year, person_id, number, kind, district_code, station_code,
		officer_number, officer_name, officer_rank)
	SELECT state, pyear, pid, e ->> 'number', nullif(e ->> 'kind', ''), district, station,
		officer ->> 'number', officer ->> 'name', officer ->> 'rank'
	FROM jsonb_array_elements(coalesce(nullif(req -> 'phones', 'null'), '[]')) WITH ORDINALITY AS x(e, i)
	ORDER BY i
	ON CONFLICT DO NOTHING;

	-- An address already recorded (same kind, same fields, same since) is
	-- not added again; the person row lock makes this check safe.
	INSERT INTO core.person_address (state_code, year, person_id, kind, addr_line1, addr_line2, addr_city,
		addr_district_code, addr_state_code, addr_pincode, since, district_code, station_code,
		officer_number, officer_name, officer_rank)
	SELECT DISTINCT ON (a.kind, a.l1, a.l2, a.city, a.di, a.st, a.pin, a.since)
		state, pyear, pid, a.kind, a.l1, a.l2, a.city, a.di, a.st, a.pin, a.since, district, station,
		officer ->> 'number', officer ->> 'name', officer ->> 'rank'
	FROM (SELECT e ->> 'kind' AS kind, nullif(e #>> '{address,line1}', '') AS l1,
			nullif(e #>> '{address,line2}', '') AS l2, nullif(e #>> '{address,city}', '') AS city,
			nullif((e #>> '{address,district_code}')::bigint, 0)::int AS di,
			nullif((e #>> '{address,state_code}')::bigint, 0)::int AS st,
			nullif(e #>> '{address,pincode}', '') AS pin, nullif(e ->> 'since', '')::date AS since, i
		FROM jsonb_array_elements(coalesce(nullif(req -> 'addresses', 'null'), '[]')) WITH ORDINALITY AS x(e, i)) a
	WHERE NOT EXISTS (SELECT 1 FROM core.person_address o
		WHERE o.person_id = pid AND o.state_code = state AND o.year = pyear AND o.kind = a.kind
			AND o.addr_line1 IS NOT DISTINCT FROM a.l1 AND o.addr_line2 IS NOT DISTINCT FROM a.l2
			AND o.addr_city IS NOT DISTINCT FROM a.city AND o.addr_district_code IS NOT DISTINCT FROM a.di
			AND o.addr_state_code IS NOT DISTINCT FROM a.st AND o.addr_pincode IS NOT DISTINCT FROM a.pin
			AND o.since IS NOT DISTINCT FROM a.since)
	ORDER BY a.kind, a.l1, a.l2, a.city, a.di, a.st, a.pin, a.since, a.i;

	IF jsonb_typeof(req -> 'descriptive_roll') = 'object' THEN
		INSERT INTO core.person_roll (state_code, year, person_id, height_cm, build, complexion,
			identification_marks, deformities, teeth, hair, eyes, habits, dress, languages, burn_marks, moles,
			scars, tattoos, district_code, station_code, officer_number, officer_name, officer_rank)
		SELECT state, pyear, pid, nullif((r ->> 'height_cm')::bigint, 0), nullif(r ->> 'build', ''),
			nullif(r ->> 'complexion', ''), nullif(r ->> 'identification_marks', ''),
			nullif(r ->> 'deformities', ''), nullif(r ->> 'teeth', ''), nullif(r ->> 'hair', ''),
			nullif(r ->> 'eyes', ''), nullif(r ->> 'habits', ''), nullif(r ->> 'dress', ''),
			ARRAY(SELECT jsonb_array_elements_text(coalesce(nullif(r -> 'languages', 'null'), '[]'))),
			nullif(r ->> 'burn_marks', ''), nullif(r ->> 'moles', ''), nullif(r ->> 'scars', ''),
			nullif(r ->> 'tattoos', ''), district, station,
			officer ->> 'number', officer ->> 'name', officer ->> 'rank'
		FROM (SELECT req -> 'descriptive_roll' AS r) x;
	END IF;

	FOR i IN 1 .. array_length(caps, 1) LOOP
		EXECUTE format('SELECT count(*) FROM core.%I WHERE person_id = $1 AND state_code = $2 AND year = $3', caps[i])
			INTO n USING pid, state, pyear;
		IF n > cap_max[i] THEN
			RAISE EXCEPTION USING ERRCODE = 'CT409',
				MESSAGE = format('person %s would have %s %s: at most %s are kept', pid, n, cap_what[i], cap_max[i]);
		END IF;
	END LOOP;

	PERFORM core.idem_answer(state, district, station, idem, jsonb_build_object('person_id', pid));
	record := core.person_record_json(state, pid);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.update_person(int, int, int, bytea, jsonb) IS
	'Add details to a person of the state (UpdatePerson JSON without the key), any station of the state: aliases, identity documents (never a full Aadhaar number), phones, addresses, a descriptive roll, each recorded with the station and officer; what the person already has is not added twice. Returns the PersonRecord after it; the same key and content replays (returns the record as it is now, replayed). CT401, CT400, CT404 no such person, CT409 key reused or too many details';

CREATE FUNCTION api.add_person_photo(state int, district int, station int, idem bytea, req jsonb)
RETURNS TABLE (photo jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	pyear smallint;
	mime text;
	b64 text;
	img bytea;
	probe record;
	taken timestamptz;
	officer jsonb;
	old_no int;
	v_no int;
	ph core.person_photo;
	answer jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (AddPersonPhoto)');
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['person_id', 'mime', 'data', 'taken_at', 'officer']);
	pid := core.read_person_id(req -> 'person_id', 'person_id', true);
	mime := core.j_enum(req -> 'mime', 'mime', ARRAY['image/jpeg', 'image/png'], true);
	b64 := core.j_str(req -> 'data', 'data', 1048576, true);
	BEGIN
		img := decode(b64, 'base64');
	EXCEPTION WHEN invalid_parameter_value THEN
		PERFORM core.fir_bad('data', 'data: expected the image as base64');
	END;
	IF length(img) > 524288 THEN
		PERFORM core.fir_bad('data', format('the photo is %s bytes: a photo may be at most 524288 bytes (512 KiB)',
			length(img)));
	END IF;
	SELECT * INTO probe FROM core.image_probe(img);
	IF probe.why IS NOT NULL THEN
		PERFORM core.fir_bad('data', 'the photo is ' || probe.why);
	END IF;
	IF probe.kind <> mime THEN
		PERFORM core.fir_bad('mime', format('mime is %s but the data is a %s image', mime,
			CASE probe.kind WHEN 'image/png' THEN 'PNG' ELSE 'JPEG' END));
	END IF;
	IF probe.width NOT BETWEEN 64 AND 8000 OR probe.height NOT BETWEEN 64 AND 8000 THEN
		PERFORM core.fir_bad('data', format('the photo is %s x %s pixels: a photo must be 64 to 8000 pixels wide and high',
			probe.width, probe.height));
	END IF;
	taken := core.read_time(req -> 'taken_at', 'taken_at', false);
	officer := core.officer_check(req -> 'officer', 'officer', true);

	answer := core.idem_claim(state, district, station, idem, sha256(convert_to(req::text, 'UTF8')),
		'add_person_photo');
	IF answer IS NOT NULL THEN
		photo := answer;
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	pyear := core.person_lock(state, pid, 'person_id');
	SELECT x.photo_no INTO old_no FROM core.person_photo x
	WHERE x.person_id = pid AND x.state_code = state AND x.year = pyear AND x.sha256 = sha256(img);
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'data',
			MESSAGE = format('this image is already photo %s of person %s', old_no, pid);
	END IF;
	SELECT coalesce(max(x.photo_no), 0) + 1 INTO v_no FROM core.person_photo x
	WHERE x.person_id = pid AND x.state_code = state AND x.year = pyear;
	IF v_no > 20 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409',
			MESSAGE = format('person %s already has 20 photos, the most kept', pid);
	END IF;
	INSERT INTO core.person_photo (state_code, year, person_id, photo_no, mime, data, width, height, taken_at,
		district_code, station_code, officer_number, officer_name, officer_rank)
	VALUES (state, pyear, pid, v_no, mime, img, probe.width, probe.height, taken, district, station,
		officer ->> 'number', officer ->> 'name', officer ->> 'rank')
	RETURNING * INTO ph;
	answer := jsonb_build_object('person_id', pid, 'info', core.photo_info_json(ph));
	PERFORM core.idem_answer(state, district, station, idem, answer);
	photo := answer;
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.add_person_photo(int, int, int, bytea, jsonb) IS
	'Add a photograph to a person of the state (AddPersonPhoto JSON without the key; data base64): JPEG or PNG by its magic and header, at most 512 KiB, 64..8000 pixels, of the kind mime says; the same image is not added twice. Returns PersonPhoto JSON {"person_id", "info"} (no data). CT401, CT400, CT404 no such person, CT409 key reused, image already there, 20 photos';

CREATE FUNCTION api.get_person_photo(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	v_no bigint;
	ph core.person_photo;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (GetPersonPhoto)');
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['person_id', 'photo_no']);
	pid := core.read_person_id(req -> 'person_id', 'person_id', true);
	v_no := core.j_uint(req -> 'photo_no', 'photo_no', 32767);
	IF v_no IS NULL THEN
		PERFORM core.fir_bad('photo_no', 'photo_no is required: the photo''s number, as cctns person show lists them');
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.person p WHERE p.person_id = pid AND p.state_code = state) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'person_id',
			MESSAGE = format('no person %s in this state''s records', pid);
	END IF;
	SELECT * INTO ph FROM core.person_photo x WHERE x.person_id = pid AND x.state_code = state AND x.photo_no = v_no;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'photo_no',
			MESSAGE = format('person %s has no photo %s', pid, v_no);
	END IF;
	RETURN jsonb_build_object('person_id', pid, 'info', core.photo_info_json(ph),
		'data', translate(encode(ph.data, 'base64'), E'\n', ''));
END
$fn$;
COMMENT ON FUNCTION api.get_person_photo(int, int, int, jsonb) IS
	'Read a photograph of a person of the state: PersonPhoto JSON {"person_id", "info", "data" (base64)}. CT401, CT400, CT404 no such person or photo';

-- ------------------------------------------------------------ crime details: validation

-- A victim's age at the occurrence: 0..120 years, from the date or year of
-- birth; CT400 naming the victim's birth field otherwise.
CREATE FUNCTION core.victim_age_check(p jsonb, path text, occurred date) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	dob date := nullif(p ->> 'date_of_birth', '')::date;
	yob int := nullif((p ->> 'year_of_birth')::bigint, 0)::int;
	age int;
BEGIN
	IF dob IS NOT NULL THEN
		IF dob > occurred THEN
			PERFORM core.fir_bad(path || '.date_of_birth', format('%s.date_of_birth %s is after the occurrence (%s)',
				path, dob, occurred));
		END IF;
		age := extract(year FROM age(occurred, dob));
		IF age > 120 THEN
			PERFORM core.fir_bad(path || '.date_of_birth', format('%s.date_of_birth gives an age of %s at the occurrence: ages are 0 to 120',
				path, age));
		END IF;
	ELSIF yob IS NOT NULL THEN
		age := extract(year FROM occurred)::int - yob;
		IF age < 0 OR age > 120 THEN
			PERFORM core.fir_bad(path || '.year_of_birth', format('%s.year_of_birth gives an age of %s at the occurrence: ages are 0 to 120',
				path, age));
		END IF;
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.victim_age_check(jsonb, text, date) IS
	'CT400 when a Person''s date or year of birth gives an age at the occurrence outside 0..120 (or a birth after it)';

-- The modus operandi heads: both must be a row of ref.mo_head. The message
-- names the field and lists what exists, so the officer can pick.
CREATE FUNCTION core.mo_head_check(major text, minor text, path text) RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	lbl text;
BEGIN
	SELECT h.label INTO lbl FROM ref.mo_head h WHERE h.major = mo_head_check.major AND h.minor = mo_head_check.minor;
	IF FOUND THEN
		RETURN lbl;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM ref.mo_head h WHERE h.major = mo_head_check.major) THEN
		PERFORM core.fir_bad(path || '.major', format(
			'%s.major: there is no MO major head "%s"; the major heads (ref.mo_head) are: %s (cctns lookup mo WORDS finds a head by its words)',
			path, major, (SELECT string_agg(DISTINCT h.major, ', ') FROM ref.mo_head h)));
	END IF;
	PERFORM core.fir_bad(path || '.minor', format(
		'%s.minor: major head %s has no minor head "%s"; its minor heads (ref.mo_head) are: %s (cctns lookup mo WORDS finds a head by its words)',
		path, major, minor, (SELECT string_agg(h.minor, ', ' ORDER BY h.minor <> 'general', h.minor)
			FROM ref.mo_head h WHERE h.major = mo_head_check.major)));
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.mo_head_check(text, text, text) IS
	'The label of an MO head (major, minor) of ref.mo_head; CT400 at path.major (listing the major heads) or path.minor (listing that head''s minor heads) when it does not exist';

-- CrimeDetails for an FIR whose occurrence began at occurred_from. Returns
-- the panchnama time and the MO head's label.
CREATE FUNCTION core.crime_details_check(d jsonb, occurred_from timestamptz,
	OUT o_panchnama_at timestamptz, OUT o_mo_label text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['place_shown_by', 'mo', 'place_type', 'place_description', 'motive',
		'properties', 'scene_description', 'physical_evidence', 'victims', 'panchnama_at', 'panch_witnesses',
		'weapon_used', 'vehicle_used', 'officer'];
	mo_keys constant text[] := ARRAY['major', 'minor', 'methods', 'conveyance_used', 'character_assumed',
		'language_or_slang', 'special_features'];
	texts constant text[] := ARRAY['motive', 'scene_description', 'physical_evidence', 'weapon_used', 'vehicle_used'];
	text_max constant int[] := ARRAY[2000, 16384, 16384, 1000, 1000];
	occurred date := (occurred_from AT TIME ZONE 'Asia/Kolkata')::date;
	v jsonb;
	el jsonb;
	arr jsonb;
	p text;
	place text;
BEGIN
	IF d IS NULL OR jsonb_typeof(d) <> 'object' THEN
		PERFORM core.fir_bad('', 'the crime details must be a JSON object (CrimeDetails)');
	END IF;
	PERFORM core.j_keys(d, '', keys);

	-- Place shown by.
	el := core.j_obj(d -> 'place_shown_by', 'place_shown_by', ARRAY['person', 'relation'], false);
	IF el IS NOT NULL THEN
		PERFORM core.person_ref_check(el -> 'person', 'place_shown_by.person', true);
		PERFORM core.j_str(el -> 'relation', 'place_shown_by.relation', 200, false);
	END IF;

	-- Modus operandi.
	el := core.j_obj(d -> 'mo', 'mo', mo_keys, true);
	o_mo_label := core.mo_head_check(core.j_str(el -> 'major', 'mo.major', 64, true),
		core.j_str(el -> 'minor', 'mo.minor', 64, true), 'mo');
	FOREACH p IN ARRAY ARRAY['methods', 'special_features'] LOOP
		v := el -> p;
		IF jsonb_typeof(v) = 'array' AND jsonb_array_length(v) > 3 THEN
			PERFORM core.fir_bad('mo.' || p, format('mo.%s: %s given, at most 3', p, jsonb_array_length(v)));
		END IF;
		arr := core.j_arr(v, 'mo.' || p, 3);
		FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
			PERFORM core.j_str(arr -> i, format('mo.%s[%s]', p, i), 600, true);
		END LOOP;
	END LOOP;
	FOREACH p IN ARRAY ARRAY['conveyance_used', 'character_assumed', 'language_or_slang'] LOOP
		PERFORM core.j_str(el -> p, 'mo.' || p, 600, false);
	END LOOP;

	-- Place.
	place := core.j_enum(d -> 'place_type', 'place_type', ARRAY(SELECT t.code FROM ref.place_type t ORDER BY t.number), true);
	IF core.j_str(d -> 'place_description', 'place_description', 1000, false) IS NULL AND place = 'other' THEN
		PERFORM core.fir_bad('place_description', 'place_description is required when place_type is other: say what kind of place it was');
	END IF;
	FOR i IN 1 .. array_length(texts, 1) LOOP
		PERFORM core.j_str(d -> texts[i], texts[i], text_max[i], false);
	END LOOP;

	-- Properties.
	arr := core.j_arr(d -> 'properties', 'properties', 200);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		p := 'properties[' || i || ']';
		PERFORM core.j_elem(arr -> i, p, ARRAY['kind', 'description', 'value_rupees']);
		PERFORM core.j_str(arr -> i -> 'kind', p || '.kind', 100, true);
		PERFORM core.j_str(arr -> i -> 'description', p || '.description', 4000, false);
		PERFORM core.j_uint(arr -> i -> 'value_rupees', p || '.value_rupees', 9223372036854775807);
	END LOOP;

	-- Victims: a person with a sane age at the occurrence.
	arr := core.j_arr(d -> 'victims', 'victims', 50);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		p := 'victims[' || i || ']';
		el := arr -> i;
		PERFORM core.j_elem(el, p, ARRAY['person', 'religion', 'sc_st', 'injury', 'injury_details']);
		PERFORM core.person_ref_check(el -> 'person', p || '.person', true);
		PERFORM core.victim_age_check(el -> 'person', p || '.person', occurred);
		PERFORM core.j_str(el -> 'religion', p || '.religion', 100, false);
		PERFORM core.j_enum(el -> 'sc_st', p || '.sc_st', ARRAY['none', 'sc', 'st'], false);
		PERFORM core.j_enum(el -> 'injury', p || '.injury', ARRAY['none', 'simple', 'grievous', 'fatal'], false);
		PERFORM core.j_str(el -> 'injury_details', p || '.injury_details', 2000, false);
	END LOOP;

	-- The panchnama: not before the occurrence began, not in the future,
	-- signed by exactly two witnesses.
	o_panchnama_at := core.read_time(d -> 'panchnama_at', 'panchnama_at', false);
	IF o_panchnama_at < occurred_from THEN
		PERFORM core.fir_bad('panchnama_at', format(
			'panchnama_at (%s) is before the occurrence began (%s): a scene panchnama follows the crime',
			core.ist_text(o_panchnama_at), core.ist_text(occurred_from)));
	END IF;
	arr := core.j_arr(d -> 'panch_witnesses', 'panch_witnesses', 1000);
	IF o_panchnama_at IS NOT NULL AND jsonb_array_length(arr) <> 2 THEN
		PERFORM core.fir_bad('panch_witnesses', format('a panchnama has exactly 2 panch witnesses, %s given',
			jsonb_array_length(arr)));
	ELSIF o_panchnama_at IS NULL AND jsonb_array_length(arr) > 0 THEN
		PERFORM core.fir_bad('panch_witnesses', 'panch witnesses go with a panchnama: give panchnama_at too');
	END IF;
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		PERFORM core.person_ref_check(arr -> i, 'panch_witnesses[' || i || ']', true);
	END LOOP;

	PERFORM core.officer_check(d -> 'officer', 'officer', true);
END
$fn$;
COMMENT ON FUNCTION core.crime_details_check(jsonb, timestamptz) IS
	'Validate CrimeDetails for an FIR whose occurrence began at occurred_from: fields and lengths, MO heads of ref.mo_head (at most 3 methods and 3 special features), place type (described when other), properties, victims with a name and an age of 0..120 at the occurrence, a panchnama not before the occurrence nor in the future with exactly 2 witnesses, the officer. Returns the panchnama time and the MO label';

-- ------------------------------------------------------------ crime details: JSON output

CREATE FUNCTION core.cd_person_json(x core.crime_details_person) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object('name', x.name, 'relative_kind', x.relative_kind,
		'relative_name', x.relative_name, 'gender', x.gender,
		'date_of_birth', to_char(x.date_of_birth, 'YYYY-MM-DD'), 'year_of_birth', x.year_of_birth,
		'nationality', x.nationality, 'occupation', x.occupation,
		'address', core.address_json(x.addr_line1, x.addr_line2, x.addr_city, x.addr_district_code,
			x.addr_state_code, x.addr_pincode),
		'phone', x.phone, 'person_id', x.person_id))
$fn$;
COMMENT ON FUNCTION core.cd_person_json(core.crime_details_person) IS
	'Person message as JSON (with the person_id it is linked to) from a core.crime_details_person row';

CREATE FUNCTION core.crime_details_json(c core.crime_details) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'place_shown_by', (SELECT jsonb_strip_nulls(jsonb_build_object('person', core.cd_person_json(x),
				'relation', x.relation))
			FROM core.crime_details_person x
			WHERE x.state_code = c.state_code AND x.year = c.year AND x.fir_id = c.fir_id
				AND x.version = c.version AND x.role = 'place_shown_by'),
		'mo', jsonb_strip_nulls(jsonb_build_object('major', c.mo_major, 'minor', c.mo_minor,
			'methods', nullif(to_jsonb(c.mo_methods), '[]'), 'conveyance_used', c.mo_conveyance_used,
			'character_assumed', c.mo_character_assumed, 'language_or_slang', c.mo_language_or_slang,
			'special_features', nullif(to_jsonb(c.mo_special_features), '[]'))),
		'place_type', c.place_type,
		'place_description', c.place_description,
		'motive', c.motive,
		'properties', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', x.kind,
				'description', x.description, 'value_rupees', nullif(x.value_rupees, 0))) ORDER BY x.seq)
			FROM core.crime_details_property x
			WHERE x.state_code = c.state_code AND x.year = c.year AND x.fir_id = c.fir_id
				AND x.version = c.version),
		'scene_description', c.scene_description,
		'physical_evidence', c.physical_evidence,
		'victims', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('person', core.cd_person_json(x),
				'religion', x.religion, 'sc_st', x.sc_st, 'injury', x.injury,
				'injury_details', x.injury_details)) ORDER BY x.seq)
			FROM core.crime_details_person x
			WHERE x.state_code = c.state_code AND x.year = c.year AND x.fir_id = c.fir_id
				AND x.version = c.version AND x.role = 'victim'),
		'panchnama_at', core.ist_text(c.panchnama_at),
		'panch_witnesses', (SELECT jsonb_agg(core.cd_person_json(x) ORDER BY x.seq)
			FROM core.crime_details_person x
			WHERE x.state_code = c.state_code AND x.year = c.year AND x.fir_id = c.fir_id
				AND x.version = c.version AND x.role = 'panch_witness'),
		'weapon_used', c.weapon_used,
		'vehicle_used', c.vehicle_used,
		'officer', core.officer_json(c.officer_number, c.officer_name, c.officer_rank)))
$fn$;
COMMENT ON FUNCTION core.crime_details_json(core.crime_details) IS
	'CrimeDetails message as JSON from a version of core.crime_details with its persons (carrying their person_id) and properties';

CREATE FUNCTION core.crime_details_receipt_json(c core.crime_details, fir_no int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_build_object('fir_number', core.fir_number_text(fir_no, c.year), 'version', c.version,
		'recorded_at', core.ist_text(date_trunc('second', c.recorded_at)))
$fn$;
COMMENT ON FUNCTION core.crime_details_receipt_json(core.crime_details, int) IS
	'CrimeDetailsReceipt message as JSON (without replayed) from a version of core.crime_details and its FIR''s number';

-- ------------------------------------------------------------ api: crime details

CREATE FUNCTION api.record_crime_details(state int, district int, station int, idem bytea, fir_number text,
	details jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	v_at timestamptz := now();
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	num record;
	f record;
	chk record;
	v_fir text;
	v_label text;
	v_version int;
	answer jsonb;
	c core.crime_details;
	mo jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	v_fir := core.fir_number_text(num.fir_no, num.year);
	IF details IS NULL OR jsonb_typeof(details) <> 'object' THEN
		PERFORM core.fir_bad('', 'the crime details must be a JSON object (CrimeDetails)');
	END IF;

	-- Partitions before any lock: today's persons, the FIR year's forms.
	PERFORM core.ensure_partitions(state, v_year);
	IF to_regclass('core.crime_details_' || state || '_' || num.year) IS NULL
		AND to_regclass('core.fir_' || state || '_' || num.year) IS NOT NULL THEN
		PERFORM core.ensure_partitions(state, num.year);
	END IF;

	answer := core.idem_claim(state, district, station, idem,
		sha256(convert_to(v_fir || ' ' || details::text, 'UTF8')), 'record_crime_details');
	IF answer IS NOT NULL THEN
		receipt := answer || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;

	-- The FIR, locked: the changes of one case are made one at a time.
	SELECT x.fir_id, x.year, x.fir_no, x.occurred_from, x.status INTO f
	FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no
	FOR NO KEY UPDATE;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	IF f.status = 'transferred' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s was transferred to another station: its crime details are recorded there', v_fir);
	END IF;

	SELECT * INTO chk FROM core.crime_details_check(details, f.occurred_from);
	SELECT coalesce(max(x.version), 0) + 1 INTO v_version FROM core.crime_details x
	WHERE x.state_code = state AND x.year = f.year AND x.fir_id = f.fir_id;

	mo := details -> 'mo';
	INSERT INTO core.crime_details (state_code, year, fir_id, version, district_code, station_code, recorded_at,
		idempotency_key, content_sha256, place_type, place_description, motive, mo_major, mo_minor, mo_methods,
		mo_conveyance_used, mo_character_assumed, mo_language_or_slang, mo_special_features,
		scene_description, physical_evidence, panchnama_at, weapon_used, vehicle_used,
		officer_number, officer_name, officer_rank)
	VALUES (state, f.year, f.fir_id, v_version, district, station, v_at,
		idem, sha256(convert_to(v_fir || ' ' || details::text, 'UTF8')),
		details ->> 'place_type', nullif(details ->> 'place_description', ''), nullif(details ->> 'motive', ''),
		mo ->> 'major', mo ->> 'minor',
		ARRAY(SELECT jsonb_array_elements_text(coalesce(nullif(mo -> 'methods', 'null'), '[]'))),
		nullif(mo ->> 'conveyance_used', ''), nullif(mo ->> 'character_assumed', ''),
		nullif(mo ->> 'language_or_slang', ''),
		ARRAY(SELECT jsonb_array_elements_text(coalesce(nullif(mo -> 'special_features', 'null'), '[]'))),
		nullif(details ->> 'scene_description', ''), nullif(details ->> 'physical_evidence', ''),
		chk.o_panchnama_at, nullif(details ->> 'weapon_used', ''), nullif(details ->> 'vehicle_used', ''),
		details #>> '{officer,number}', details #>> '{officer,name}', details #>> '{officer,rank}')
	RETURNING * INTO c;

	-- The persons named, as written, each linked to the master record.
	v_label := 'crime details of FIR ' || v_fir;
	INSERT INTO core.crime_details_person (state_code, year, fir_id, version, role, seq, person_id, name,
		relative_kind, relative_name, gender, date_of_birth, year_of_birth, nationality, occupation,
		addr_line1, addr_line2, addr_city, addr_district_code, addr_state_code, addr_pincode, phone,
		relation, religion, sc_st, injury, injury_details)
	SELECT state, f.year, f.fir_id, v_version, n.role, n.seq,
		core.link_person(state, district, station, n.p, n.path, n.role::core.person_role, 'crime_details',
			f.year, f.fir_id, f.fir_id, v_label),
		btrim(n.p ->> 'name'), nullif(n.p ->> 'relative_kind', ''), nullif(n.p ->> 'relative_name', ''),
		nullif(n.p ->> 'gender', ''), nullif(n.p ->> 'date_of_birth', '')::date,
		nullif((n.p ->> 'year_of_birth')::bigint, 0), nullif(n.p ->> 'nationality', ''),
		nullif(n.p ->> 'occupation', ''),
		nullif(n.p #>> '{address,line1}', ''), nullif(n.p #>> '{address,line2}', ''),
		nullif(n.p #>> '{address,city}', ''), nullif((n.p #>> '{address,district_code}')::bigint, 0),
		nullif((n.p #>> '{address,state_code}')::bigint, 0), nullif(n.p #>> '{address,pincode}', ''),
		nullif(n.p ->> 'phone', ''),
		nullif(n.extra ->> 'relation', ''), nullif(n.extra ->> 'religion', ''), nullif(n.extra ->> 'sc_st', ''),
		nullif(n.extra ->> 'injury', ''), nullif(n.extra ->> 'injury_details', '')
	FROM (
		SELECT 'place_shown_by' AS role, 0 AS seq, details #> '{place_shown_by,person}' AS p,
			jsonb_build_object('relation', details #> '{place_shown_by,relation}') AS extra,
			'place_shown_by.person' AS path
		WHERE jsonb_typeof(details #> '{place_shown_by,person}') = 'object'
		UNION ALL
		SELECT 'victim', (i - 1)::int, e -> 'person', e - 'person', format('victims[%s].person', i - 1)
		FROM jsonb_array_elements(coalesce(nullif(details -> 'victims', 'null'), '[]')) WITH ORDINALITY AS v(e, i)
		UNION ALL
		SELECT 'panch_witness', (i - 1)::int, e, '{}'::jsonb, format('panch_witnesses[%s]', i - 1)
		FROM jsonb_array_elements(coalesce(nullif(details -> 'panch_witnesses', 'null'), '[]')) WITH ORDINALITY AS w(e, i)
	) n
	ORDER BY CASE n.role WHEN 'place_shown_by' THEN 0 WHEN 'victim' THEN 1 ELSE 2 END, n.seq;

	INSERT INTO core.crime_details_property (state_code, year, fir_id, version, seq, kind, description, value_rupees)
	SELECT state, f.year, f.fir_id, v_version, (i - 1)::int, e ->> 'kind', nullif(e ->> 'description', ''),
		nullif((e ->> 'value_rupees')::bigint, 0)
	FROM jsonb_array_elements(coalesce(nullif(details -> 'properties', 'null'), '[]')) WITH ORDINALITY AS x(e, i);

	-- The timeline: recorded now, the case's status unchanged; no personal data.
	PERFORM core.case_event_add(state, f.year, f.fir_id, v_at, 'crime_details', f.status, details -> 'officer',
		format('Crime details (IIF-II) version %s: %s; place: %s', v_version, chk.o_mo_label,
			(SELECT lower(t.label) FROM ref.place_type t WHERE t.code = c.place_type)),
		NULL, NULL, NULL);

	receipt := core.crime_details_receipt_json(c, f.fir_no);
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.record_crime_details(int, int, int, bytea, text, jsonb) IS
	'Record the Crime Details Form (IIF-II; CrimeDetails JSON) of an FIR of the calling station, not transferred, with a 16-byte idempotency key: a new version each time (the earlier ones kept), the persons named linked by role (victim, place_shown_by, panch_witness), a crime_details event on the timeline. Returns the CrimeDetailsReceipt JSON; the same key and content replay it. CT401, CT400 (COLUMN = path in the details, or fir_number / idempotency_key), CT404 no such FIR, CT409 key reused or FIR transferred';

CREATE FUNCTION api.get_crime_details(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f record;
	want bigint;
	v_last int;
	c core.crime_details;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	IF req IS NOT NULL AND jsonb_typeof(req) <> 'null' THEN
		PERFORM core.j_obj(req, '', ARRAY['version'], false);
		want := core.j_uint(req -> 'version', 'version', 32767);
	END IF;
	SELECT x.fir_id, x.year, x.fir_no INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT max(x.version) INTO v_last FROM core.crime_details x
	WHERE x.state_code = state AND x.year = f.year AND x.fir_id = f.fir_id;
	IF v_last IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'fir_number',
			MESSAGE = format('no crime details are recorded for FIR %s', core.fir_number_text(f.fir_no, f.year));
	END IF;
	IF want > v_last THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'version',
			MESSAGE = format('FIR %s has crime details versions 1 to %s, not %s',
				core.fir_number_text(f.fir_no, f.year), v_last, want);
	END IF;
	SELECT * INTO c FROM core.crime_details x
	WHERE x.state_code = state AND x.year = f.year AND x.fir_id = f.fir_id AND x.version = coalesce(want, v_last);
	RETURN jsonb_build_object('receipt', core.crime_details_receipt_json(c, f.fir_no),
		'details', core.crime_details_json(c), 'versions', v_last);
END
$fn$;
COMMENT ON FUNCTION api.get_crime_details(int, int, int, text, jsonb) IS
	'Read the crime details of an FIR of the calling station: the latest version, or req {"version": N}. CrimeDetailsRecord JSON {"receipt", "details", "versions"}. CT401, CT400, CT404 no such FIR, no crime details or no such version';

-- ------------------------------------------------------------ api.register_arrest, restated

-- As in 0006, with the arrested person linked (core.link_person): the memo
-- may name a known person by person.person_id (checked to exist in the
-- state: CT400 person.person_id), else a person is made from memo.person
-- and the memo's aliases. Everything else is as it was.
CREATE OR REPLACE FUNCTION api.register_arrest(state int, district int, station int, idem bytea, fir_number text, memo jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_at timestamptz := now();
	v_date date := (now() AT TIME ZONE 'Asia/Kolkata')::date;
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	num record;
	f record;
	chk record;
	v_sha bytea;
	v_old core.idempotency;
	v_no int;
	v_code text;
	v_fir text;
	v_text text;
	v_gd_no int;
	a core.arrest;
	p jsonb;
	ad jsonb;
	pa jsonb;
	dr jsonb;
	v_pid bigint;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF idem IS NULL OR length(idem) <> 16 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'idempotency_key',
			MESSAGE = 'idempotency_key must be 16 bytes';
	END IF;
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	v_fir := core.fir_number_text(num.fir_no, num.year);
	IF memo IS NULL OR jsonb_typeof(memo) <> 'object' THEN
		PERFORM core.fir_bad('', 'the arrest memo must be a JSON object (ArrestMemo)');
	END IF;
	v_sha := sha256(convert_to(v_fir || ' ' || memo::text, 'UTF8'));

	-- Partitions before any lock: today's diary, and the arrests of the
	-- FIR's year when that year has FIRs at all.
	PERFORM core.ensure_partitions(state, v_year);
	IF to_regclass('core.arrest_' || state || '_' || num.year) IS NULL
		AND to_regclass('core.fir_' || state || '_' || num.year) IS NOT NULL THEN
		PERFORM core.ensure_partitions(state, num.year);
	END IF;

	INSERT INTO core.idempotency (state_code, district_code, station_code, idem_key, content_sha256, request)
	VALUES (state, district, station, idem, v_sha, 'register_arrest')
	ON CONFLICT DO NOTHING;
	IF NOT FOUND THEN
		SELECT * INTO v_old FROM core.idempotency i
		WHERE i.state_code = state AND i.district_code = district AND i.station_code = station
			AND i.idem_key = idem;
		IF v_old.request <> 'register_arrest' OR v_old.content_sha256 <> v_sha OR v_old.response IS NULL THEN
			RAISE EXCEPTION USING ERRCODE = 'CT409',
				MESSAGE = CASE WHEN v_old.request <> 'register_arrest'
					THEN format('this idempotency key was already used for another request (%s); use a new key', v_old.request)
					ELSE 'this idempotency key was already used for a different arrest memo; use a new key for new content' END;
		END IF;
		receipt := v_old.response || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;

	-- The FIR, locked: the changes of one case are made one at a time.
	SELECT x.fir_id, x.year, x.fir_no, x.registered_at, x.status INTO f
	FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no
	FOR NO KEY UPDATE;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;

	-- memo.person may name a known person by person_id (linked below);
	-- the memo's own rules are checked on the rest.
	SELECT * INTO chk FROM core.arrest_check(CASE WHEN jsonb_typeof(memo -> 'person') = 'object'
		THEN jsonb_set(memo, '{person}', (memo -> 'person') - 'person_id') ELSE memo END, f.registered_at);

	-- Accused code: next of the FIR, gapless (A1..A9, B1.., Z9).
	INSERT INTO core.arrest_counter AS c (state_code, year, fir_id, last_no)
	VALUES (state, f.year, f.fir_id, 1)
	ON CONFLICT (fir_id, state_code, year) DO UPDATE SET last_no = c.last_no + 1
	RETURNING c.last_no INTO v_no;
	IF v_no > 234 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s already has 234 arrest memos (A1 to Z9): no accused code is left', v_fir);
	END IF;
	v_code := chr(64 + (v_no + 8) / 9) || ((v_no - 1) % 9 + 1)::text;

	-- Its diary entry, without personal data.
	v_text := format('%s memo of accused %s in FIR %s: %s',
		CASE WHEN chk.o_court_surrender THEN 'Court surrender' ELSE 'Arrest' END, v_code, v_fir, chk.o_description);
	WITH n AS (
		INSERT INTO core.gd_counter AS c (state_code, district_code, station_code, gd_date, last_no)
		VALUES (state, district, station, v_date, 1)
		ON CONFLICT (state_code, district_code, station_code, gd_date)
			DO UPDATE SET last_no = c.last_no + 1
		RETURNING c.last_no
	)
	INSERT INTO core.gd_entry (state_code, year, district_code, station_code, gd_date, gd_no, entered_at,
		kind, text, officer_number, officer_name, officer_rank, fir_year, fir_no, accused_code)
	SELECT state, v_year, district, station, v_date, n.last_no, v_at, 'arrest', v_text,
		memo #>> '{officer,number}', memo #>> '{officer,name}', memo #>> '{officer,rank}', f.year, f.fir_no, v_code
	FROM n
	RETURNING gd_no INTO v_gd_no;

	p := memo -> 'person';
	ad := CASE WHEN jsonb_typeof(p -> 'address') = 'object' THEN p -> 'address' ELSE '{}' END;
	pa := CASE WHEN jsonb_typeof(memo -> 'permanent_address') = 'object' THEN memo -> 'permanent_address' ELSE '{}' END;
	dr := CASE WHEN jsonb_typeof(memo -> 'descriptive_roll') = 'object' THEN memo -> 'descriptive_roll' ELSE '{}' END;
	INSERT INTO core.arrest (state_code, year, fir_id, arrest_no, district_code, station_code, registered_at,
		gd_date, gd_no, idempotency_key, content_sha256,
		name, relative_kind, relative_name, gender, date_of_birth, year_of_birth, nationality, occupation,
		addr_line1, addr_line2, addr_city, addr_district_code, addr_state_code, addr_pincode, phone,
		aliases, id_doc_kind, id_doc_number, religion, caste_tribe,
		perm_line1, perm_line2, perm_city, perm_district_code, perm_state_code, perm_pincode,
		arrested_at, place, court_surrender, outcome, injuries, medical_examination, articles_found,
		relative_informed, relative_informed_at, designated_officer_informed_at,
		height_cm, build, complexion, identification_marks, deformities, teeth, hair, eyes, habits, dress,
		languages, burn_marks, moles, scars, tattoos, fingerprints_taken,
		dangerous, jumped_bail_before, generally_armed, operates_with_accomplices, known_criminal,
		recidivist, likely_to_jump_bail, wanted_in_other_case,
		officer_number, officer_name, officer_rank)
	VALUES (state, f.year, f.fir_id, v_no, district, station, v_at,
		v_date, v_gd_no, idem, v_sha,
		p ->> 'name', nullif(p ->> 'relative_kind', ''), nullif(p ->> 'relative_name', ''),
		nullif(p ->> 'gender', ''), nullif(p ->> 'date_of_birth', '')::date,
		nullif((p ->> 'year_of_birth')::int, 0), nullif(p ->> 'nationality', ''), nullif(p ->> 'occupation', ''),
		nullif(ad ->> 'line1', ''), nullif(ad ->> 'line2', ''), nullif(ad ->> 'city', ''),
		nullif((ad ->> 'district_code')::int, 0), nullif((ad ->> 'state_code')::int, 0),
		nullif(ad ->> 'pincode', ''), nullif(p ->> 'phone', ''),
		ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(memo -> 'aliases') = 'array'
			THEN memo -> 'aliases' ELSE '[]' END)),
		nullif(memo #>> '{identity_document,kind}', ''), nullif(memo #>> '{identity_document,number}', ''),
		nullif(memo ->> 'religion', ''), nullif(memo ->> 'caste_tribe', ''),
		nullif(pa ->> 'line1', ''), nullif(pa ->> 'line2', ''), nullif(pa ->> 'city', ''),
		nullif((pa ->> 'district_code')::int, 0), nullif((pa ->> 'state_code')::int, 0),
		nullif(pa ->> 'pincode', ''),
		chk.o_arrested_at, nullif(memo ->> 'place', ''), chk.o_court_surrender, chk.o_outcome,
		nullif(memo ->> 'injuries', ''), nullif(memo ->> 'medical_examination', ''),
		nullif(memo ->> 'articles_found', ''), nullif(memo ->> 'relative_informed', ''),
		nullif(memo ->> 'relative_informed_at', '')::timestamptz,
		nullif(memo ->> 'designated_officer_informed_at', '')::timestamptz,
		nullif((dr ->> 'height_cm')::int, 0), nullif(dr ->> 'build', ''), nullif(dr ->> 'complexion', ''),
		nullif(dr ->> 'identification_marks', ''), nullif(dr ->> 'deformities', ''), nullif(dr ->> 'teeth', ''),
		nullif(dr ->> 'hair', ''), nullif(dr ->> 'eyes', ''), nullif(dr ->> 'habits', ''), nullif(dr ->> 'dress', ''),
		ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(dr -> 'languages') = 'array'
			THEN dr -> 'languages' ELSE '[]' END)),
		nullif(dr ->> 'burn_marks', ''), nullif(dr ->> 'moles', ''), nullif(dr ->> 'scars', ''),
		nullif(dr ->> 'tattoos', ''),
		coalesce((memo ->> 'fingerprints_taken')::boolean, false),
		coalesce((memo ->> 'dangerous')::boolean, false),
		coalesce((memo ->> 'jumped_bail_before')::boolean, false),
		coalesce((memo ->> 'generally_armed')::boolean, false),
		coalesce((memo ->> 'operates_with_accomplices')::boolean, false),
		coalesce((memo ->> 'known_criminal')::boolean, false),
		coalesce((memo ->> 'recidivist')::boolean, false),
		coalesce((memo ->> 'likely_to_jump_bail')::boolean, false),
		coalesce((memo ->> 'wanted_in_other_case')::boolean, false),
		memo #>> '{officer,number}', memo #>> '{officer,name}', memo #>> '{officer,rank}')
	RETURNING * INTO a;

	-- The arrested person in the persons master record (0012): the person
	-- named by person_id, or a new one with the memo's aliases; a known
	-- person gets the aliases not known yet.
	v_pid := core.link_person(state, district, station,
		p || jsonb_build_object('aliases', coalesce(memo -> 'aliases', '[]')), 'person', 'arrested', 'arrest',
		f.year, f.fir_id * 1000 + v_no, f.fir_id, format('arrest %s in FIR %s', v_code, v_fir));
	IF nullif(p ->> 'person_id', '') IS NOT NULL AND p ->> 'person_id' <> '0' THEN
		PERFORM core.person_add_aliases(state, (SELECT x.year FROM core.person x
			WHERE x.person_id = v_pid AND x.state_code = state), v_pid, district, station, memo -> 'aliases', NULL);
	END IF;

	-- The timeline: the arrest at its time, the case's status unchanged.
	INSERT INTO core.case_event (state_code, year, fir_id, seq, at, kind, status,
		officer_number, officer_name, officer_rank, summary, gd_date, gd_no, accused_code)
	VALUES (state, f.year, f.fir_id, core.next_case_event(state, f.year, f.fir_id), chk.o_arrested_at,
		'arrest', f.status, a.officer_number, a.officer_name, a.officer_rank,
		format('Accused %s %s', v_code, chk.o_description), v_date, v_gd_no, v_code);

	receipt := core.arrest_receipt_json(a, f.fir_no);
	UPDATE core.idempotency i SET response = receipt
	WHERE i.state_code = state AND i.district_code = district AND i.station_code = station AND i.idem_key = idem;
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.register_arrest(int, int, int, bytea, text, jsonb) IS
	'Register an arrest or court surrender memo (ArrestMemo JSON) for an FIR of the calling station with a 16-byte idempotency key: gives the next accused code (A1..A9, B1..), writes its General Diary entry and the arrest case event. Returns the ArrestReceipt JSON; the same key and content replay it. CT401, CT400 (COLUMN = path in the memo, or fir_number / idempotency_key), CT404 no such FIR, CT409 key reused or no code left. Since 0012 the arrested person is linked to the memo in the persons master record (role arrested; memo.person.person_id names a known person)';

-- ------------------------------------------------------------ links of earlier records

-- Records made before this migration named persons without linking them.
-- Link them now, in two statements: the arrested of every arrest memo, and
-- the complainant and named accused (known or suspected) of every FIR that
-- has no FIR link yet (an earlier migration of the FIR's own work may have
-- linked them already; those FIRs are left as they are). Each becomes a
-- person of this year, made by the record's station.
DO $backfill$
DECLARE
	y int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	st int;
BEGIN
	FOR st IN SELECT DISTINCT a.state_code FROM core.arrest a
		UNION SELECT DISTINCT fp.state_code FROM core.fir_person fp LOOP
		PERFORM core.ensure_partitions(st, y);
	END LOOP;
END
$backfill$;

WITH src AS MATERIALIZED (
	SELECT nextval('core.person_id_seq') AS pid, a.*,
		f.fir_no,
		'arrest ' || a.accused_code || ' in FIR ' || core.fir_number_text(f.fir_no, a.year) AS label
	FROM core.arrest a
	JOIN core.fir f ON f.state_code = a.state_code AND f.year = a.year AND f.fir_id = a.fir_id
	WHERE NOT EXISTS (SELECT 1 FROM core.person_link l WHERE l.record_kind = 'arrest'
		AND l.record_year = a.year AND l.record_id = a.fir_id * 1000 + a.arrest_no AND l.state_code = a.state_code)
), persons AS (
	INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind,
		relative_name, gender, date_of_birth, year_of_birth, nationality, occupation, addr_line1, addr_line2,
		addr_city, addr_district_code, addr_state_code, addr_pincode, phone, aliases)
	SELECT s.pid, s.state_code, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata'), s.district_code,
		s.station_code, s.name, s.relative_kind, s.relative_name, s.gender, s.date_of_birth, s.year_of_birth,
		s.nationality, s.occupation, s.addr_line1, s.addr_line2, s.addr_city, s.addr_district_code,
		s.addr_state_code, s.addr_pincode, s.phone, s.aliases
	FROM src s
	RETURNING person_id
)
INSERT INTO core.person_link (state_code, year, person_id, role, record_kind, record_year, record_id, fir_id,
	district_code, station_code, label, linked_at)
SELECT s.state_code, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata'), s.pid, 'arrested', 'arrest', s.year,
	s.fir_id * 1000 + s.arrest_no, s.fir_id, s.district_code, s.station_code, s.label, s.registered_at
FROM src s;

WITH src AS MATERIALIZED (
	SELECT nextval('core.person_id_seq') AS pid, fp.*, f.district_code, f.station_code, f.registered_at,
		'FIR ' || core.fir_number_text(f.fir_no, fp.year) AS label
	FROM core.fir_person fp
	JOIN core.fir f ON f.state_code = fp.state_code AND f.year = fp.year AND f.fir_id = fp.fir_id
	WHERE fp.role IN ('complainant', 'accused', 'suspect') AND fp.name IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM core.person_link l WHERE l.record_kind = 'fir'
			AND l.record_year = fp.year AND l.record_id = fp.fir_id AND l.state_code = fp.state_code)
), persons AS (
	INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind,
		relative_name, gender, date_of_birth, year_of_birth, nationality, occupation, addr_line1, addr_line2,
		addr_city, addr_district_code, addr_state_code, addr_pincode, phone)
	SELECT s.pid, s.state_code, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata'), s.district_code,
		s.station_code, s.name, s.relative_kind, s.relative_name, s.gender, s.date_of_birth, s.year_of_birth,
		s.nationality, s.occupation, s.addr_line1, s.addr_line2, s.addr_city, s.addr_district_code,
		s.addr_state_code, s.addr_pincode, s.phone
	FROM src s
	RETURNING person_id
)
INSERT INTO core.person_link (state_code, year, person_id, role, record_kind, record_year, record_id, fir_id,
	district_code, station_code, label, linked_at)
SELECT s.state_code, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata'), s.pid, s.role, 'fir', s.year,
	s.fir_id, s.fir_id, s.district_code, s.station_code, s.label, s.registered_at
FROM src s;

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.get_person(int, int, int, jsonb),
	api.update_person(int, int, int, bytea, jsonb),
	api.add_person_photo(int, int, int, bytea, jsonb),
	api.get_person_photo(int, int, int, jsonb),
	api.record_crime_details(int, int, int, bytea, text, jsonb),
	api.get_crime_details(int, int, int, text, jsonb)
	TO cctns_server;

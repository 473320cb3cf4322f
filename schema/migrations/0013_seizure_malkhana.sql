-- 0013_seizure_malkhana.sql: the Property Search and Seizure Memo (IIF-IV)
-- and the station's property store register (the malkhana) with the chain
-- of custody of every item.
--
-- api.register_seizure(state, district, station, idem bytea, fir_number text, seizure jsonb)
--     -> (receipt jsonb SeizureReceipt, replayed)           CT401 CT400 CT404 CT409
-- api.get_seizure(state, district, station, fir_number text, req jsonb {"seizure_no"})
--     -> jsonb Seizure {"receipt", "memo"}                   CT401 CT400 CT404
-- api.move_property(state, district, station, idem bytea, malkhana_number text, req jsonb)
--     -> (receipt jsonb PropertyMovementReceipt, replayed)   CT401 CT400 CT404 CT409
-- api.get_malkhana_entry(state, district, station, malkhana_number text)
--     -> jsonb MalkhanaEntry (with the chain of custody)    CT401 CT400 CT404
-- api.list_malkhana(state, district, station, fir_number text, req jsonb {"state", "offset"})
--     -> jsonb MalkhanaList                                  CT401 CT400 CT404
--
-- seizure is the SeizureMemo message and req the MoveProperty message
-- without its key and number, in the pbjson mapping; CT400's COLUMN is the
-- field path inside them (items[2].quantity, witnesses, at, ...), except
-- idempotency_key, fir_number and malkhana_number, the requests' own fields.
--
-- What a seizure writes, in one transaction, under the FIR's row lock:
--   1. the diary entry of the seizure (kind seizure, no personal data);
--   2. a malkhana number for every item (core.next_record_no('malkhana'):
--      per station per IST year, gapless, consecutive within a memo) and
--      ONE diary entry (kind property_deposit) for the deposit of all the
--      items of the memo, naming their numbers: a memo of 40 items is one
--      deposit in the register, not 40 diary lines;
--   3. the memo (core.seizure, its two witnesses, its items), each
--      malkhana entry (core.malkhana) and the first row of each item's
--      chain of custody (core.malkhana_movement, movement deposited);
--   4. the persons linked: seized_from (role seized_from), the witnesses
--      (role panch_witness);
--   5. the timeline event seizure, at the time of seizure.
-- Every seized item is deposited: what happens to it afterwards (sent to
-- court or the laboratory, released, disposed of, transferred) is a
-- movement. A movement is a new row of core.malkhana_movement, with its own
-- diary entry (kind property_movement) and timeline event property_moved;
-- rows of core.malkhana and core.malkhana_movement are never changed or
-- deleted, by anyone (triggers, CT403). An item's state is the to_state of
-- its last movement, so it needs no column that would have to be updated.

-- ------------------------------------------------------------ codes (ref)

CREATE TABLE ref.seizure_nature (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	number smallint NOT NULL UNIQUE CHECK (number > 0),
	description text NOT NULL
);
COMMENT ON TABLE ref.seizure_nature IS
	'Nature of seized property (proto enum SeizureNature), as on IIF-IV';
COMMENT ON COLUMN ref.seizure_nature.code IS 'Short lower-case name as in the JSON mapping';
COMMENT ON COLUMN ref.seizure_nature.number IS 'The SeizureNature enum number in proto/cctns.proto';
COMMENT ON COLUMN ref.seizure_nature.description IS 'The nature for a person (diary entries, the timeline)';

INSERT INTO ref.seizure_nature (code, number, description) VALUES
	('stolen', 1, 'stolen property'),
	('unclaimed', 2, 'unclaimed property'),
	('unlawful_possession', 3, 'property in unlawful possession'),
	('involved', 4, 'property involved in the offence'),
	('intestate', 5, 'intestate property');

CREATE TABLE ref.malkhana_state (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	number smallint NOT NULL UNIQUE CHECK (number > 0),
	final boolean NOT NULL,
	description text NOT NULL
);
COMMENT ON TABLE ref.malkhana_state IS
	'Where a malkhana item is (proto enum MalkhanaState); the moves between states are ref.malkhana_transition';
COMMENT ON COLUMN ref.malkhana_state.code IS 'Short lower-case name as in the JSON mapping';
COMMENT ON COLUMN ref.malkhana_state.number IS 'The MalkhanaState enum number in proto/cctns.proto';
COMMENT ON COLUMN ref.malkhana_state.final IS 'True when no movement leaves this state';
COMMENT ON COLUMN ref.malkhana_state.description IS 'The state for a person';

INSERT INTO ref.malkhana_state (code, number, final, description) VALUES
	('in_store', 1, false, 'in the station''s property store'),
	('out_court', 2, false, 'sent to court'),
	('out_fsl', 3, false, 'sent to a forensic science laboratory'),
	('released', 4, true, 'released to its owner'),
	('disposed', 5, true, 'disposed of (auctioned or destroyed) by court order'),
	('transferred', 6, true, 'transferred to another station');

CREATE TABLE ref.property_movement (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	number smallint NOT NULL UNIQUE CHECK (number > 0),
	needs_reference boolean NOT NULL,
	description text NOT NULL
);
COMMENT ON TABLE ref.property_movement IS
	'Movements of malkhana property (proto enum PropertyMovement); deposited is the first row of every chain, written with the seizure';
COMMENT ON COLUMN ref.property_movement.code IS 'Short lower-case name as in the JSON mapping';
COMMENT ON COLUMN ref.property_movement.number IS 'The PropertyMovement enum number in proto/cctns.proto';
COMMENT ON COLUMN ref.property_movement.needs_reference IS 'True when the movement needs a reference (the court order that allows it)';
COMMENT ON COLUMN ref.property_movement.description IS 'The movement for a person (diary entries, the timeline): "sent to court"';

INSERT INTO ref.property_movement (code, number, needs_reference, description) VALUES
	('to_court', 1, false, 'sent to court'),
	('to_forensic_lab', 2, false, 'sent to the forensic science laboratory'),
	('returned_to_store', 3, false, 'returned to the property store'),
	('released_to_owner', 4, true, 'released to its owner'),
	('disposed', 5, true, 'disposed of (auctioned or destroyed) by court order'),
	('transferred_to_station', 6, false, 'transferred to another station'),
	('deposited', 7, false, 'deposited in the property store');

CREATE TABLE ref.malkhana_transition (
	movement text NOT NULL REFERENCES ref.property_movement (code),
	from_state text NOT NULL REFERENCES ref.malkhana_state (code),
	to_state text NOT NULL REFERENCES ref.malkhana_state (code),
	PRIMARY KEY (movement, from_state),
	UNIQUE (movement, from_state, to_state),
	CHECK (from_state <> to_state)
);
COMMENT ON TABLE ref.malkhana_transition IS
	'The permitted movements of malkhana property, as the comment above MalkhanaState in proto/cctns.proto: core.malkhana_movement references (movement, from_state, to_state), so no writer can store another (the deposit, from no state, is the only row without one)';
COMMENT ON COLUMN ref.malkhana_transition.movement IS 'The movement';
COMMENT ON COLUMN ref.malkhana_transition.from_state IS 'State the property must be in';
COMMENT ON COLUMN ref.malkhana_transition.to_state IS 'State it is in afterwards';

INSERT INTO ref.malkhana_transition (movement, from_state, to_state) VALUES
	('to_court', 'in_store', 'out_court'),
	('to_forensic_lab', 'in_store', 'out_fsl'),
	('returned_to_store', 'out_court', 'in_store'),
	('returned_to_store', 'out_fsl', 'in_store'),
	('released_to_owner', 'in_store', 'released'),
	('disposed', 'in_store', 'disposed'),
	('transferred_to_station', 'in_store', 'transferred');

GRANT SELECT ON ref.seizure_nature, ref.malkhana_state, ref.property_movement, ref.malkhana_transition
	TO cctns_analyst;

-- ------------------------------------------------------------ core.seizure

CREATE SEQUENCE core.seizure_id_seq;
COMMENT ON SEQUENCE core.seizure_id_seq IS 'Seizure memo ids, unique in the state database (core.person_link.record_id of kind seizure)';

CREATE TABLE core.seizure (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	seizure_no smallint NOT NULL CHECK (seizure_no BETWEEN 1 AND 9999),
	seizure_id bigint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	registered_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	deposit_gd_date date NOT NULL,
	deposit_gd_no int NOT NULL,
	deposit_gd_year smallint GENERATED ALWAYS AS (extract(year FROM deposit_gd_date)::smallint) STORED,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	nature text NOT NULL REFERENCES ref.seizure_nature (code),
	seized_at timestamptz NOT NULL,
	place text NOT NULL CHECK (place <> '' AND octet_length(place) <= 2000),
	place_line1 text,
	place_line2 text,
	place_city text,
	place_district_code int,
	place_state_code int,
	place_pincode text CHECK (place_pincode ~ '^[1-9][0-9]{5}$'),
	from_person_id bigint,
	from_name text CHECK (from_name <> ''),
	from_relative_kind text CHECK (from_relative_kind IN ('father', 'husband', 'mother', 'guardian')),
	from_relative_name text,
	from_gender text CHECK (from_gender IN ('male', 'female', 'transgender')),
	from_date_of_birth date CHECK (from_date_of_birth >= '1900-01-01'),
	from_year_of_birth smallint CHECK (from_year_of_birth BETWEEN 1900 AND 2200),
	from_nationality text,
	from_occupation text,
	from_line1 text,
	from_line2 text,
	from_city text,
	from_district_code int,
	from_state_code int,
	from_pincode text CHECK (from_pincode ~ '^[1-9][0-9]{5}$'),
	from_phone text,
	professional_receiver boolean NOT NULL DEFAULT false,
	accused_code core.accused_code,
	seal text CHECK (octet_length(seal) <= 2000),
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	PRIMARY KEY (state_code, year, fir_id, seizure_no),
	UNIQUE (seizure_id, state_code, year),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.fir (state_code, year, fir_id)
		ON DELETE CASCADE,
	CONSTRAINT seizure_gd_entry_fkey
		FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	CONSTRAINT seizure_deposit_gd_entry_fkey
		FOREIGN KEY (district_code, station_code, deposit_gd_date, deposit_gd_no, state_code, deposit_gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	FOREIGN KEY (place_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (place_state_code, place_district_code) REFERENCES ref.district (state_code, district_code),
	FOREIGN KEY (from_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (from_state_code, from_district_code) REFERENCES ref.district (state_code, district_code),
	CONSTRAINT seizure_not_in_future CHECK (seized_at <= registered_at),
	CONSTRAINT seizure_from_named CHECK (from_name IS NOT NULL OR (from_person_id IS NULL
		AND NOT professional_receiver AND from_relative_name IS NULL AND from_date_of_birth IS NULL
		AND from_year_of_birth IS NULL AND from_line1 IS NULL AND from_phone IS NULL)),
	-- Born before the seizure, at most 120 years before it.
	CONSTRAINT seizure_from_age CHECK (
		from_date_of_birth BETWEEN (seized_at AT TIME ZONE 'Asia/Kolkata')::date - interval '120 years'
			AND (seized_at AT TIME ZONE 'Asia/Kolkata')::date
		AND from_year_of_birth BETWEEN extract(year FROM seized_at AT TIME ZONE 'Asia/Kolkata') - 120
			AND extract(year FROM seized_at AT TIME ZONE 'Asia/Kolkata')),
	CONSTRAINT seizure_addresses_have_state CHECK ((place_district_code IS NULL OR place_state_code IS NOT NULL)
		AND (from_district_code IS NULL OR from_state_code IS NOT NULL))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.seizure IS
	'Property Search and Seizure Memos (IIF-IV), numbered per FIR (1, 2, ...). Each has its General Diary entry (kind seizure), the diary entry of the deposit of its items (kind property_deposit), exactly two witnesses (core.seizure_witness), 1..200 items (core.seizure_item), each deposited in the malkhana (core.malkhana), and a case event. Never before its FIR, never in the future (trigger seizure_after_fir, CHECK seizure_not_in_future). Personal data: never log it. Partitioned like core.fir (by the FIR''s year)';
COMMENT ON COLUMN core.seizure.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.seizure.year IS 'Partition key: the FIR''s year, as core.fir';
COMMENT ON COLUMN core.seizure.fir_id IS 'The FIR (core.fir.fir_id)';
COMMENT ON COLUMN core.seizure.seizure_no IS 'Number of the memo in its FIR, from 1, in order of recording (allocated under the FIR''s row lock: gapless)';
COMMENT ON COLUMN core.seizure.seizure_id IS 'Id of the memo in the state database (core.seizure_id_seq): the record_id of its persons'' links';
COMMENT ON COLUMN core.seizure.district_code IS 'LGD district code of the FIR''s station';
COMMENT ON COLUMN core.seizure.station_code IS 'Station code of the FIR''s station';
COMMENT ON COLUMN core.seizure.registered_at IS 'When the memo was recorded and its items deposited (transaction time)';
COMMENT ON COLUMN core.seizure.gd_date IS 'Day of the memo''s General Diary entry (kind seizure)';
COMMENT ON COLUMN core.seizure.gd_no IS 'Number of the memo''s General Diary entry that day';
COMMENT ON COLUMN core.seizure.gd_year IS 'Generated: year of gd_date (foreign key to the entry''s partition)';
COMMENT ON COLUMN core.seizure.deposit_gd_date IS 'Day of the General Diary entry of the deposit of the items in the malkhana (kind property_deposit)';
COMMENT ON COLUMN core.seizure.deposit_gd_no IS 'Number of that entry that day';
COMMENT ON COLUMN core.seizure.deposit_gd_year IS 'Generated: year of deposit_gd_date';
COMMENT ON COLUMN core.seizure.idempotency_key IS '16-byte key the terminal made for this registration (see core.idempotency)';
COMMENT ON COLUMN core.seizure.content_sha256 IS 'SHA-256 of the FIR number and the SeizureMemo JSON as received';
COMMENT ON COLUMN core.seizure.nature IS 'Nature of the property (ref.seizure_nature): stolen, unclaimed, unlawful_possession, involved, intestate';
COMMENT ON COLUMN core.seizure.seized_at IS 'Date and time of the seizure: not before the FIR was registered, not after the memo was recorded';
COMMENT ON COLUMN core.seizure.place IS 'Place of the seizure, in words';
COMMENT ON COLUMN core.seizure.place_line1 IS 'place_address: line1';
COMMENT ON COLUMN core.seizure.place_line2 IS 'place_address: line2';
COMMENT ON COLUMN core.seizure.place_city IS 'place_address: city';
COMMENT ON COLUMN core.seizure.place_district_code IS 'place_address: LGD district code';
COMMENT ON COLUMN core.seizure.place_state_code IS 'place_address: LGD state code';
COMMENT ON COLUMN core.seizure.place_pincode IS 'place_address: PIN code';
COMMENT ON COLUMN core.seizure.from_person_id IS 'seized_from: the person (core.person) linked with role seized_from; NULL when seized from no one (unclaimed property)';
COMMENT ON COLUMN core.seizure.from_name IS 'seized_from.name (personal data); NULL when seized from no one';
COMMENT ON COLUMN core.seizure.from_relative_kind IS 'seized_from.relative_kind: father, husband, mother, guardian';
COMMENT ON COLUMN core.seizure.from_relative_name IS 'seized_from.relative_name: father''s or husband''s name';
COMMENT ON COLUMN core.seizure.from_gender IS 'seized_from.gender (the sex on the form)';
COMMENT ON COLUMN core.seizure.from_date_of_birth IS 'seized_from.date_of_birth (the age on the form is worked out at seized_at)';
COMMENT ON COLUMN core.seizure.from_year_of_birth IS 'seized_from.year_of_birth, when only the year (or the age) is known';
COMMENT ON COLUMN core.seizure.from_nationality IS 'seized_from.nationality';
COMMENT ON COLUMN core.seizure.from_occupation IS 'seized_from.occupation';
COMMENT ON COLUMN core.seizure.from_line1 IS 'seized_from.address: line1';
COMMENT ON COLUMN core.seizure.from_line2 IS 'seized_from.address: line2';
COMMENT ON COLUMN core.seizure.from_city IS 'seized_from.address: city';
COMMENT ON COLUMN core.seizure.from_district_code IS 'seized_from.address: LGD district code';
COMMENT ON COLUMN core.seizure.from_state_code IS 'seized_from.address: LGD state code';
COMMENT ON COLUMN core.seizure.from_pincode IS 'seized_from.address: PIN code';
COMMENT ON COLUMN core.seizure.from_phone IS 'seized_from.phone';
COMMENT ON COLUMN core.seizure.professional_receiver IS 'The person seized from is a professional receiver of stolen property';
COMMENT ON COLUMN core.seizure.accused_code IS 'When seized from an arrested accused of the FIR: the accused code (an arrest memo of the FIR has it: trigger seizure_after_fir)';
COMMENT ON COLUMN core.seizure.seal IS 'Description of the seal used on the packets';
COMMENT ON COLUMN core.seizure.officer_number IS 'Seizing officer: belt or service number';
COMMENT ON COLUMN core.seizure.officer_name IS 'Seizing officer: name';
COMMENT ON COLUMN core.seizure.officer_rank IS 'Seizing officer: rank';

CREATE TABLE core.seizure_witness (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	seizure_no smallint NOT NULL,
	witness_no smallint NOT NULL CHECK (witness_no IN (1, 2)),
	person_id bigint,
	name text NOT NULL CHECK (name <> ''),
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
	PRIMARY KEY (state_code, year, fir_id, seizure_no, witness_no),
	FOREIGN KEY (state_code, year, fir_id, seizure_no) REFERENCES core.seizure (state_code, year, fir_id, seizure_no)
		ON DELETE CASCADE,
	FOREIGN KEY (addr_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (addr_state_code, addr_district_code) REFERENCES ref.district (state_code, district_code),
	CHECK (addr_district_code IS NULL OR addr_state_code IS NOT NULL)
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.seizure_witness IS
	'The two independent witnesses (panch) of a seizure memo: exactly two per memo, neither of them the person seized from nor each other (deferred trigger seizure_complete). Personal data: not visible to analysts. Partitioned like core.seizure';
COMMENT ON COLUMN core.seizure_witness.state_code IS 'Partition key, as core.seizure';
COMMENT ON COLUMN core.seizure_witness.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.seizure_witness.fir_id IS 'The FIR';
COMMENT ON COLUMN core.seizure_witness.seizure_no IS 'The memo in the FIR';
COMMENT ON COLUMN core.seizure_witness.witness_no IS 'First or second witness, in the order of the memo';
COMMENT ON COLUMN core.seizure_witness.person_id IS 'The person (core.person) linked with role panch_witness';
COMMENT ON COLUMN core.seizure_witness.name IS 'Witness name';
COMMENT ON COLUMN core.seizure_witness.relative_kind IS 'father, husband, mother, guardian';
COMMENT ON COLUMN core.seizure_witness.relative_name IS 'Father''s or husband''s name';
COMMENT ON COLUMN core.seizure_witness.gender IS 'male, female, transgender';
COMMENT ON COLUMN core.seizure_witness.date_of_birth IS 'Date of birth, when known';
COMMENT ON COLUMN core.seizure_witness.year_of_birth IS 'Year of birth, when only that is known';
COMMENT ON COLUMN core.seizure_witness.nationality IS 'Nationality';
COMMENT ON COLUMN core.seizure_witness.occupation IS 'Occupation';
COMMENT ON COLUMN core.seizure_witness.addr_line1 IS 'Address: line1';
COMMENT ON COLUMN core.seizure_witness.addr_line2 IS 'Address: line2';
COMMENT ON COLUMN core.seizure_witness.addr_city IS 'Address: city';
COMMENT ON COLUMN core.seizure_witness.addr_district_code IS 'Address: LGD district code';
COMMENT ON COLUMN core.seizure_witness.addr_state_code IS 'Address: LGD state code';
COMMENT ON COLUMN core.seizure_witness.addr_pincode IS 'Address: PIN code';
COMMENT ON COLUMN core.seizure_witness.phone IS 'Phone number';

CREATE TABLE core.seizure_item (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	seizure_no smallint NOT NULL,
	item_no smallint NOT NULL CHECK (item_no BETWEEN 1 AND 200),
	kind text NOT NULL CHECK (kind <> '' AND octet_length(kind) <= 400),
	description text NOT NULL CHECK (description <> '' AND octet_length(description) <= 16000),
	quantity numeric NOT NULL CHECK (quantity > 0 AND quantity < 1000000000),
	unit text CHECK (unit <> '' AND octet_length(unit) <= 120),
	value_rupees bigint CHECK (value_rupees >= 0 AND value_rupees < 1000000000000),
	identifiers text CHECK (octet_length(identifiers) <= 4000),
	perishable boolean NOT NULL DEFAULT false,
	perishable_handling text CHECK (octet_length(perishable_handling) <= 4000),
	packet_no text CHECK (octet_length(packet_no) <= 200),
	seal_description text CHECK (octet_length(seal_description) <= 2000),
	PRIMARY KEY (state_code, year, fir_id, seizure_no, item_no),
	FOREIGN KEY (state_code, year, fir_id, seizure_no) REFERENCES core.seizure (state_code, year, fir_id, seizure_no)
		ON DELETE CASCADE,
	CONSTRAINT seized_item_perishable_handled CHECK (perishable = (perishable_handling IS NOT NULL))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.seizure_item IS
	'The items of a seizure memo (1..200), each deposited in the malkhana (core.malkhana). Partitioned like core.seizure';
COMMENT ON COLUMN core.seizure_item.state_code IS 'Partition key, as core.seizure';
COMMENT ON COLUMN core.seizure_item.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.seizure_item.fir_id IS 'The FIR';
COMMENT ON COLUMN core.seizure_item.seizure_no IS 'The memo in the FIR';
COMMENT ON COLUMN core.seizure_item.item_no IS 'Item of the memo, 1..200, in the order of the memo';
COMMENT ON COLUMN core.seizure_item.kind IS 'Kind of property: mobile_phone, cash, vehicle, firearm, narcotics, ...';
COMMENT ON COLUMN core.seizure_item.description IS 'Description: make, model, colour, condition, ...';
COMMENT ON COLUMN core.seizure_item.quantity IS 'How many, or how much in unit: more than 0';
COMMENT ON COLUMN core.seizure_item.unit IS 'Unit of quantity (kg, litre, ...); NULL: pieces';
COMMENT ON COLUMN core.seizure_item.value_rupees IS 'Estimated value in rupees, 0 to 10^12 - 1; NULL when not stated';
COMMENT ON COLUMN core.seizure_item.identifiers IS 'IMEI, serial, engine, chassis or arms licence numbers';
COMMENT ON COLUMN core.seizure_item.perishable IS 'The property is perishable';
COMMENT ON COLUMN core.seizure_item.perishable_handling IS 'What was done with perishable property: given exactly when perishable';
COMMENT ON COLUMN core.seizure_item.packet_no IS 'The sealed packet the item is in';
COMMENT ON COLUMN core.seizure_item.seal_description IS 'The seal on that packet';

-- ------------------------------------------------------------ core.malkhana

CREATE TABLE core.malkhana (
	state_code int NOT NULL,
	year smallint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	malkhana_no int NOT NULL CHECK (malkhana_no > 0),
	fir_year smallint NOT NULL,
	fir_id bigint NOT NULL,
	seizure_no smallint NOT NULL,
	item_no smallint NOT NULL,
	deposited_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	PRIMARY KEY (district_code, station_code, malkhana_no, state_code, year),
	UNIQUE (fir_id, seizure_no, item_no, fir_year, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	CONSTRAINT malkhana_item_fkey FOREIGN KEY (state_code, fir_year, fir_id, seizure_no, item_no)
		REFERENCES core.seizure_item (state_code, year, fir_id, seizure_no, item_no) ON DELETE CASCADE,
	CONSTRAINT malkhana_gd_entry_fkey
		FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	CONSTRAINT malkhana_year CHECK (year = extract(year FROM deposited_at AT TIME ZONE 'Asia/Kolkata'))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.malkhana IS
	'The property store register (malkhana) of each station: one entry per seized item, numbered per station per IST year (core.next_record_no(''malkhana'', ...), written 0012/2026), referencing its item and the diary entry of its deposit. Append-only for every role (trigger malkhana_append_only): where the property is, is the chain of custody in core.malkhana_movement. Partitioned LIST (state_code), RANGE (year of deposit)';
COMMENT ON COLUMN core.malkhana.state_code IS 'LGD state code of the station (partition key)';
COMMENT ON COLUMN core.malkhana.year IS 'Year (IST) of the deposit: the year of the malkhana number (partition key)';
COMMENT ON COLUMN core.malkhana.district_code IS 'LGD district code of the station';
COMMENT ON COLUMN core.malkhana.station_code IS 'The station whose store holds the register';
COMMENT ON COLUMN core.malkhana.malkhana_no IS 'Malkhana number: 1.. per station per year, gapless';
COMMENT ON COLUMN core.malkhana.fir_year IS 'Year of the FIR of the seizure (core.seizure_item.year)';
COMMENT ON COLUMN core.malkhana.fir_id IS 'The FIR of the seizure';
COMMENT ON COLUMN core.malkhana.seizure_no IS 'The seizure memo in the FIR';
COMMENT ON COLUMN core.malkhana.item_no IS 'The item of the memo';
COMMENT ON COLUMN core.malkhana.deposited_at IS 'When the item was deposited (the memo''s recording)';
COMMENT ON COLUMN core.malkhana.gd_date IS 'Day of the diary entry of the deposit (kind property_deposit)';
COMMENT ON COLUMN core.malkhana.gd_no IS 'Number of that entry that day';
COMMENT ON COLUMN core.malkhana.gd_year IS 'Generated: year of gd_date';

CREATE TABLE core.malkhana_movement (
	state_code int NOT NULL,
	year smallint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	malkhana_no int NOT NULL,
	seq smallint NOT NULL CHECK (seq > 0),
	movement text NOT NULL REFERENCES ref.property_movement (code),
	from_state text,
	to_state text NOT NULL,
	at timestamptz NOT NULL,
	recorded_at timestamptz NOT NULL DEFAULT now(),
	to_whom text CHECK (to_whom <> '' AND octet_length(to_whom) <= 800),
	reference text CHECK (reference <> '' AND octet_length(reference) <= 800),
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea CHECK (length(idempotency_key) = 16),
	PRIMARY KEY (district_code, station_code, malkhana_no, seq, state_code, year),
	CONSTRAINT malkhana_movement_entry_fkey FOREIGN KEY (district_code, station_code, malkhana_no, state_code, year)
		REFERENCES core.malkhana (district_code, station_code, malkhana_no, state_code, year) ON DELETE CASCADE,
	-- Every movement but the deposit is a permitted one (MATCH SIMPLE: the
	-- deposit, from no state, is not checked here but below).
	CONSTRAINT malkhana_movement_permitted FOREIGN KEY (movement, from_state, to_state)
		REFERENCES ref.malkhana_transition (movement, from_state, to_state),
	CONSTRAINT malkhana_movement_deposit CHECK ((movement = 'deposited') = (from_state IS NULL)
		AND (movement <> 'deposited' OR (to_state = 'in_store' AND seq = 1))),
	CONSTRAINT malkhana_movement_reference CHECK (reference IS NOT NULL
		OR movement NOT IN ('released_to_owner', 'disposed')),
	CONSTRAINT malkhana_movement_not_in_future CHECK (at <= recorded_at),
	CONSTRAINT malkhana_movement_gd_entry_fkey
		FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year)
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.malkhana_movement IS
	'The chain of custody of every malkhana item: row 1 is its deposit, each later row a movement (to court, to the forensic laboratory, back to the store, released, disposed of, transferred) with when, to whom, on what authority, by which officer, and its diary entry. Append-only for every role, the owner included (triggers malkhana_movement_append_only and TRUNCATE triggers, CT403); each row follows the state machine of ref.malkhana_transition from the state the previous row left (trigger malkhana_movement_in_order, CT409), not before the seizure nor the previous movement. Partitioned like core.malkhana';
COMMENT ON COLUMN core.malkhana_movement.state_code IS 'Partition key, as core.malkhana';
COMMENT ON COLUMN core.malkhana_movement.year IS 'Partition key: the year of the malkhana number';
COMMENT ON COLUMN core.malkhana_movement.district_code IS 'LGD district code of the station';
COMMENT ON COLUMN core.malkhana_movement.station_code IS 'The station';
COMMENT ON COLUMN core.malkhana_movement.malkhana_no IS 'The malkhana entry';
COMMENT ON COLUMN core.malkhana_movement.seq IS 'Row of the chain, from 1 (the deposit), gapless';
COMMENT ON COLUMN core.malkhana_movement.movement IS 'The movement (ref.property_movement)';
COMMENT ON COLUMN core.malkhana_movement.from_state IS 'State before: the to_state of the previous row; NULL for the deposit';
COMMENT ON COLUMN core.malkhana_movement.to_state IS 'State after (ref.malkhana_transition); the last row''s is the item''s state';
COMMENT ON COLUMN core.malkhana_movement.at IS 'When the property moved: not before the seizure nor the previous row, not after recorded_at';
COMMENT ON COLUMN core.malkhana_movement.recorded_at IS 'When the row was written (transaction time)';
COMMENT ON COLUMN core.malkhana_movement.to_whom IS 'Name or designation of who took (or returned) the property; NULL for the deposit';
COMMENT ON COLUMN core.malkhana_movement.reference IS 'Court order or laboratory letter number; required to release or dispose of property';
COMMENT ON COLUMN core.malkhana_movement.officer_number IS 'Officer who handed the property over (or received it): belt or service number';
COMMENT ON COLUMN core.malkhana_movement.officer_name IS 'That officer''s name';
COMMENT ON COLUMN core.malkhana_movement.officer_rank IS 'That officer''s rank';
COMMENT ON COLUMN core.malkhana_movement.gd_date IS 'Day of the row''s diary entry (property_deposit for the deposit, property_movement otherwise)';
COMMENT ON COLUMN core.malkhana_movement.gd_no IS 'Number of that entry that day';
COMMENT ON COLUMN core.malkhana_movement.gd_year IS 'Generated: year of gd_date';
COMMENT ON COLUMN core.malkhana_movement.idempotency_key IS 'The key of the MoveProperty request that wrote the row; NULL for the deposit (the seizure''s key)';

-- ------------------------------------------------------------ rules for every writer

CREATE FUNCTION core.malkhana_append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RAISE EXCEPTION USING ERRCODE = 'CT403',
		MESSAGE = format('core.%s is append-only: %s refused', TG_TABLE_NAME, TG_OP),
		HINT = 'the chain of custody of malkhana property is never changed: a movement is a new row (cctns malkhana move)';
END
$fn$;
COMMENT ON FUNCTION core.malkhana_append_only() IS
	'Trigger: refuse UPDATE, DELETE and TRUNCATE (CT403) on the malkhana register and its chain of custody, for every role including the owner';

CREATE TRIGGER malkhana_append_only BEFORE UPDATE OR DELETE ON core.malkhana
	FOR EACH ROW EXECUTE FUNCTION core.malkhana_append_only();
CREATE TRIGGER malkhana_no_truncate BEFORE TRUNCATE ON core.malkhana
	FOR EACH STATEMENT EXECUTE FUNCTION core.malkhana_append_only();
CREATE TRIGGER malkhana_movement_append_only BEFORE UPDATE OR DELETE ON core.malkhana_movement
	FOR EACH ROW EXECUTE FUNCTION core.malkhana_append_only();
CREATE TRIGGER malkhana_movement_no_truncate BEFORE TRUNCATE ON core.malkhana_movement
	FOR EACH STATEMENT EXECUTE FUNCTION core.malkhana_append_only();

-- A seizure belongs to its FIR's station, is never before the FIR (to the
-- second, as the receipt gives the registration time), never in an FIR
-- transferred away, and names an accused only when the FIR has an arrest
-- memo of that code.
CREATE FUNCTION core.seizure_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f record;
BEGIN
	SELECT x.registered_at, x.district_code, x.station_code, x.fir_no, x.status INTO f
	FROM core.fir x
	WHERE x.state_code = NEW.state_code AND x.year = NEW.year AND x.fir_id = NEW.fir_id;
	IF NOT FOUND THEN
		RETURN NEW; -- the foreign key says so
	END IF;
	IF f.district_code <> NEW.district_code OR f.station_code <> NEW.station_code THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number',
			MESSAGE = 'a seizure memo belongs to the station of its FIR';
	END IF;
	IF f.status = 'transferred' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s was transferred to another station: property is seized in the case there',
				core.fir_number_text(f.fir_no, NEW.year));
	END IF;
	IF NEW.seized_at < date_trunc('second', f.registered_at) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'seized_at',
			MESSAGE = format('a seizure cannot be recorded before its FIR: FIR %s was registered at %s',
				core.fir_number_text(f.fir_no, NEW.year), core.ist_text(date_trunc('second', f.registered_at)));
	END IF;
	IF NEW.accused_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM core.arrest a
		WHERE a.state_code = NEW.state_code AND a.year = NEW.year AND a.fir_id = NEW.fir_id
			AND a.accused_code = NEW.accused_code) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'accused_code',
			MESSAGE = format('FIR %s has no arrest memo of accused %s',
				core.fir_number_text(f.fir_no, NEW.year), NEW.accused_code);
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.seizure_guard() IS
	'Trigger: refuse a seizure memo of another station than its FIR''s (CT400), in a transferred FIR (CT409), before the second its FIR was registered (CT400 seized_at), or naming an accused code without an arrest memo in the FIR (CT400 accused_code)';

CREATE TRIGGER seizure_after_fir BEFORE INSERT OR UPDATE ON core.seizure
	FOR EACH ROW EXECUTE FUNCTION core.seizure_guard();

-- At the end of the writing transaction: exactly two witnesses, neither the
-- person seized from nor the same person twice; at least one item; every
-- item deposited in the malkhana of the memo's station.
-- SECURITY DEFINER: it runs at commit, after the api function (the definer)
-- has returned, as the session's role, which cannot read core.
CREATE FUNCTION core.seizure_complete() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r record;
BEGIN
	SELECT count(*) AS n,
		count(DISTINCT coalesce(w.person_id::text, lower(btrim(w.name)) || '/' || lower(btrim(coalesce(w.relative_name, ''))))) AS distinct_n,
		count(*) FILTER (WHERE w.person_id = NEW.from_person_id
			OR (lower(btrim(w.name)) = lower(btrim(NEW.from_name))
				AND lower(btrim(coalesce(w.relative_name, ''))) = lower(btrim(coalesce(NEW.from_relative_name, ''))))) AS from_n
	INTO r
	FROM core.seizure_witness w
	WHERE w.state_code = NEW.state_code AND w.year = NEW.year AND w.fir_id = NEW.fir_id
		AND w.seizure_no = NEW.seizure_no;
	IF r.n <> 2 OR r.distinct_n <> 2 OR r.from_n <> 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'witnesses',
			MESSAGE = format('a seizure memo needs exactly 2 independent witnesses: it has %s%s', r.n,
				CASE WHEN r.from_n > 0 THEN ', one of them the person seized from'
					WHEN r.distinct_n < r.n THEN ', the same person twice' ELSE '' END);
	END IF;
	SELECT count(*) AS items, count(m.malkhana_no) AS deposited,
		count(*) FILTER (WHERE m.station_code <> NEW.station_code OR m.district_code <> NEW.district_code) AS elsewhere
	INTO r
	FROM core.seizure_item i
	LEFT JOIN core.malkhana m ON m.state_code = i.state_code AND m.fir_year = i.year AND m.fir_id = i.fir_id
		AND m.seizure_no = i.seizure_no AND m.item_no = i.item_no
	WHERE i.state_code = NEW.state_code AND i.year = NEW.year AND i.fir_id = NEW.fir_id
		AND i.seizure_no = NEW.seizure_no;
	IF r.items = 0 OR r.deposited <> r.items OR r.elsewhere <> 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'items',
			MESSAGE = format('a seizure memo has 1 to 200 items, each deposited in its station''s malkhana: it has %s, %s deposited there',
				r.items, r.deposited - r.elsewhere);
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.seizure_complete() IS
	'Deferred constraint trigger: a seizure memo has exactly 2 independent witnesses (not the person seized from, not the same person twice) and 1..200 items, each deposited in the malkhana of its station (CT400 at commit)';

CREATE CONSTRAINT TRIGGER seizure_complete AFTER INSERT ON core.seizure
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION core.seizure_complete();

-- A malkhana entry is deposited by its seizure's station, not before the
-- seizure.
CREATE FUNCTION core.malkhana_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s record;
BEGIN
	SELECT x.district_code, x.station_code, x.seized_at INTO s
	FROM core.seizure x
	WHERE x.state_code = NEW.state_code AND x.year = NEW.fir_year AND x.fir_id = NEW.fir_id
		AND x.seizure_no = NEW.seizure_no;
	IF FOUND AND (s.district_code <> NEW.district_code OR s.station_code <> NEW.station_code) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'malkhana_number',
			MESSAGE = 'seized property is deposited in the malkhana of the station that seized it';
	END IF;
	IF NEW.deposited_at < s.seized_at THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'malkhana_number',
			MESSAGE = 'property cannot be deposited before it was seized';
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.malkhana_guard() IS
	'Trigger: refuse (CT400) a malkhana entry of another station than its seizure''s, or deposited before the seizure';

CREATE TRIGGER malkhana_of_its_seizure BEFORE INSERT ON core.malkhana
	FOR EACH ROW EXECUTE FUNCTION core.malkhana_guard();

-- The chain of custody grows one row at a time, in order: row 1 is the
-- deposit; each later row starts from the state the previous one left
-- (the permitted moves are the foreign key to ref.malkhana_transition), and
-- is not earlier than it nor than the seizure. The entry's row is locked
-- so that two writers extend one chain one after the other.
CREATE FUNCTION core.malkhana_movement_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	m record;
	prev record;
	num text := core.fir_number_text(NEW.malkhana_no, NEW.year);
BEGIN
	SELECT x.fir_year, x.fir_id, x.seizure_no INTO m
	FROM core.malkhana x
	WHERE x.state_code = NEW.state_code AND x.year = NEW.year AND x.district_code = NEW.district_code
		AND x.station_code = NEW.station_code AND x.malkhana_no = NEW.malkhana_no
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NEW; -- the foreign key says so
	END IF;
	SELECT x.seq, x.to_state, x.at INTO prev
	FROM core.malkhana_movement x
	WHERE x.state_code = NEW.state_code AND x.year = NEW.year AND x.district_code = NEW.district_code
		AND x.station_code = NEW.station_code AND x.malkhana_no = NEW.malkhana_no
	ORDER BY x.seq DESC
	LIMIT 1;
	IF NOT FOUND THEN
		IF NEW.movement <> 'deposited' OR NEW.seq <> 1 THEN
			RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'movement',
				MESSAGE = format('malkhana entry %s has no deposit yet: its first row is the deposit', num);
		END IF;
	ELSIF NEW.movement = 'deposited' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'movement',
			MESSAGE = format('malkhana entry %s was deposited already', num);
	ELSIF NEW.from_state IS DISTINCT FROM prev.to_state THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'movement',
			MESSAGE = format('malkhana entry %s is %s, not %s: %s cannot move it from %s to %s',
				num, prev.to_state, NEW.from_state, NEW.movement, prev.to_state, NEW.to_state);
	ELSIF NEW.seq <> prev.seq + 1 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'movement',
			MESSAGE = format('malkhana entry %s: the next row of its chain is %s, not %s', num, prev.seq + 1, NEW.seq);
	ELSIF NEW.at < prev.at THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'at',
			MESSAGE = format('a movement cannot be before the previous one: malkhana entry %s last moved at %s',
				num, core.ist_text(prev.at));
	END IF;
	IF NEW.at < (SELECT s.seized_at FROM core.seizure s WHERE s.state_code = NEW.state_code
		AND s.year = m.fir_year AND s.fir_id = m.fir_id AND s.seizure_no = m.seizure_no) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'at',
			MESSAGE = format('a movement cannot be before the seizure of malkhana entry %s', num);
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.malkhana_movement_guard() IS
	'Trigger: the chain of custody grows in order: the deposit first, then each movement from the state the previous row left (CT409 naming both states), numbered next, not before the previous row nor the seizure (CT400 at)';

CREATE TRIGGER malkhana_movement_in_order BEFORE INSERT ON core.malkhana_movement
	FOR EACH ROW EXECUTE FUNCTION core.malkhana_movement_guard();

-- ------------------------------------------------------------ partitions

INSERT INTO core.partitioned_table (name, create_order, append_only) VALUES
	('seizure', 140, false),
	('seizure_witness', 141, false),
	('seizure_item', 142, false),
	('malkhana', 143, true),
	('malkhana_movement', 144, true);

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

-- The witnesses are personal data only: the analyst does not read them
-- (as core.person, 0008).
GRANT SELECT ON core.seizure, core.seizure_item, core.malkhana, core.malkhana_movement TO cctns_analyst;
REVOKE ALL ON core.seizure_witness FROM cctns_analyst;

-- ------------------------------------------------------------ validation

-- The malkhana number as written (12/2026 or 0012/2026); CT400 COLUMN
-- malkhana_number when malformed.
CREATE FUNCTION core.malkhana_number_parse(malkhana_number text, OUT malkhana_no int, OUT year int)
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF malkhana_number IS NULL OR malkhana_number !~ '^[0-9]{1,9}/[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'malkhana_number',
			MESSAGE = format('"%s" is not a malkhana number such as 12/2026 or 0012/2026', coalesce(malkhana_number, ''));
	END IF;
	malkhana_no := split_part(malkhana_number, '/', 1)::int;
	year := split_part(malkhana_number, '/', 2)::int;
	IF malkhana_no = 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'malkhana_number', MESSAGE = 'malkhana numbers start at 1';
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.malkhana_number_parse(text) IS
	'Split a malkhana number (12/2026 or 0012/2026) into number and year; CT400 COLUMN malkhana_number when malformed';

-- Validate a Person of the memo (person_id is checked by core.link_person)
-- and that it was born before the seizure, at most 120 years before.
CREATE FUNCTION core.seizure_check_person(p jsonb, path text, seized_at timestamptz) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	on_day date := (seized_at AT TIME ZONE 'Asia/Kolkata')::date;
	dob date;
	yob int;
BEGIN
	PERFORM core.fir_check_person(CASE WHEN jsonb_typeof(p) = 'object' THEN p - 'person_id' ELSE p END, path, true);
	dob := nullif(p ->> 'date_of_birth', '')::date;
	yob := nullif((p ->> 'year_of_birth')::int, 0);
	IF dob > on_day OR yob > extract(year FROM on_day) THEN
		PERFORM core.fir_bad(path || CASE WHEN dob > on_day THEN '.date_of_birth' ELSE '.year_of_birth' END,
			format('%s was born after the seizure (%s)', path, to_char(on_day, 'YYYY-MM-DD')));
	END IF;
	IF dob < on_day - interval '120 years' OR yob < extract(year FROM on_day) - 120 THEN
		PERFORM core.fir_bad(path || CASE WHEN dob IS NOT NULL THEN '.date_of_birth' ELSE '.year_of_birth' END,
			format('%s would be over 120 years old at the seizure: not a possible age', path));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.seizure_check_person(jsonb, text, timestamptz) IS
	'Validate a Person of a seizure memo (name required; person_id left to core.link_person), born before the seizure and at most 120 years before it';

-- The same person twice: the same person_id, or the same name and
-- relative's name (case and outer spaces ignored).
CREATE FUNCTION core.seizure_same_person(a jsonb, b jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(nullif(a ->> 'person_id', '0') = nullif(b ->> 'person_id', '0'), false)
		OR (lower(btrim(a ->> 'name')) = lower(btrim(b ->> 'name'))
			AND lower(btrim(coalesce(a ->> 'relative_name', ''))) = lower(btrim(coalesce(b ->> 'relative_name', ''))))
$fn$;
COMMENT ON FUNCTION core.seizure_same_person(jsonb, jsonb) IS
	'Do two Person JSON name the same person: the same person_id, or the same name and relative''s name (ignoring case and outer spaces)';

CREATE FUNCTION core.seizure_check_item(it jsonb, path text, OUT value bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['kind', 'description', 'quantity', 'unit', 'value_rupees', 'identifiers',
		'perishable', 'perishable_handling', 'packet_no', 'seal_description'];
	texts constant text[] := ARRAY['unit', 'identifiers', 'packet_no', 'seal_description'];
	text_max constant int[] := ARRAY[120, 4000, 200, 2000];
	v jsonb;
	q numeric;
	perishable boolean;
	handling text;
BEGIN
	PERFORM core.j_elem(it, path, keys);
	PERFORM core.j_str(it -> 'kind', path || '.kind', 400, true);
	PERFORM core.j_str(it -> 'description', path || '.description', 16000, true);
	v := it -> 'quantity';
	IF jsonb_typeof(v) = 'number' THEN
		q := (v #>> '{}')::numeric;
	ELSIF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
		PERFORM core.fir_bad(path || '.quantity', path || '.quantity: expected a number');
	END IF;
	IF q IS NULL OR q <= 0 OR q >= 1000000000 THEN
		PERFORM core.fir_bad(path || '.quantity', format('%s.quantity must be more than 0 (and below 10^9): %s',
			path, coalesce(q::text, 'not given')));
	END IF;
	FOR i IN 1 .. array_length(texts, 1) LOOP
		PERFORM core.j_str(it -> texts[i], path || '.' || texts[i], text_max[i], false);
	END LOOP;
	value := core.j_uint(it -> 'value_rupees', path || '.value_rupees', 999999999999);
	v := it -> 'perishable';
	IF v IS NOT NULL AND jsonb_typeof(v) NOT IN ('boolean', 'null') THEN
		PERFORM core.fir_bad(path || '.perishable', path || '.perishable: expected true or false');
	END IF;
	perishable := coalesce((v #>> '{}')::boolean, false);
	handling := core.j_str(it -> 'perishable_handling', path || '.perishable_handling', 4000, false);
	IF perishable AND handling IS NULL THEN
		PERFORM core.fir_bad(path || '.perishable_handling',
			path || '.perishable_handling is required for perishable property: say what was done with it');
	ELSIF NOT perishable AND handling IS NOT NULL THEN
		PERFORM core.fir_bad(path || '.perishable_handling',
			path || '.perishable_handling must be empty unless perishable is set');
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.seizure_check_item(jsonb, text) IS
	'Validate a SeizedItem: kind and description required, quantity > 0 (below 10^9), value 0..10^12 - 1, perishable handling given exactly when perishable, lengths; returns its value';

CREATE FUNCTION core.seizure_check(m jsonb, fir_registered_at timestamptz,
	OUT o_seized_at timestamptz, OUT o_nature text, OUT o_items int, OUT o_value bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['nature', 'seized_at', 'place', 'place_address', 'seized_from',
		'professional_receiver', 'accused_code', 'witnesses', 'items', 'seal', 'officer'];
	v jsonb;
	arr jsonb;
	s text;
BEGIN
	IF m IS NULL OR jsonb_typeof(m) <> 'object' THEN
		PERFORM core.fir_bad('', 'the seizure memo must be a JSON object (SeizureMemo)');
	END IF;
	PERFORM core.j_keys(m, '', keys);
	o_nature := core.j_enum(m -> 'nature', 'nature', ARRAY(SELECT n.code FROM ref.seizure_nature n ORDER BY n.number), true);

	-- When: required, not in the future, not before the FIR (to the second,
	-- as the FIR's receipt gives its registration time).
	o_seized_at := core.read_time(m -> 'seized_at', 'seized_at', true);
	IF o_seized_at < date_trunc('second', fir_registered_at) THEN
		PERFORM core.fir_bad('seized_at',
			format('a seizure cannot be recorded before its FIR: seized_at %s is before the FIR was registered (%s)',
				core.ist_text(o_seized_at), core.ist_text(date_trunc('second', fir_registered_at))));
	END IF;

	PERFORM core.j_str(m -> 'place', 'place', 2000, true);
	PERFORM core.fir_check_address(m -> 'place_address', 'place_address');

	v := m -> 'seized_from';
	IF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
		PERFORM core.seizure_check_person(v, 'seized_from', o_seized_at);
	END IF;
	v := m -> 'professional_receiver';
	IF v IS NOT NULL AND jsonb_typeof(v) NOT IN ('boolean', 'null') THEN
		PERFORM core.fir_bad('professional_receiver', 'professional_receiver: expected true or false');
	END IF;
	IF (v #>> '{}')::boolean AND jsonb_typeof(m -> 'seized_from') IS DISTINCT FROM 'object' THEN
		PERFORM core.fir_bad('professional_receiver',
			'professional_receiver needs seized_from: name the person who is a professional receiver');
	END IF;
	s := core.j_str(m -> 'accused_code', 'accused_code', 2, false);
	IF s !~ '^[A-Z][1-9]$' THEN
		PERFORM core.fir_bad('accused_code', format('"%s" is not an accused code such as A1 or B3', s));
	END IF;

	-- Exactly two independent witnesses.
	arr := core.j_arr(m -> 'witnesses', 'witnesses', 1000);
	IF jsonb_array_length(arr) <> 2 THEN
		PERFORM core.fir_bad('witnesses',
			format('a seizure needs exactly 2 independent witnesses: %s given', jsonb_array_length(arr)));
	END IF;
	FOR i IN 0 .. 1 LOOP
		PERFORM core.seizure_check_person(arr -> i, 'witnesses[' || i || ']', o_seized_at);
		IF jsonb_typeof(m -> 'seized_from') = 'object' AND core.seizure_same_person(arr -> i, m -> 'seized_from') THEN
			PERFORM core.fir_bad('witnesses[' || i || ']',
				format('witnesses[%s] is the person the property was seized from: the witnesses must be independent', i));
		END IF;
	END LOOP;
	IF core.seizure_same_person(arr -> 0, arr -> 1) THEN
		PERFORM core.fir_bad('witnesses[1]', 'witnesses[1] is the same person as witnesses[0]: two independent witnesses are needed');
	END IF;

	arr := core.j_arr(m -> 'items', 'items', 200);
	o_items := jsonb_array_length(arr);
	IF o_items = 0 THEN
		PERFORM core.fir_bad('items', 'items: at least one item was seized');
	END IF;
	o_value := 0;
	FOR i IN 0 .. o_items - 1 LOOP
		o_value := o_value + coalesce(core.seizure_check_item(arr -> i, 'items[' || i || ']'), 0);
	END LOOP;

	PERFORM core.j_str(m -> 'seal', 'seal', 2000, false);
	PERFORM core.officer_check(m -> 'officer', 'officer', true);
END
$fn$;
COMMENT ON FUNCTION core.seizure_check(jsonb, timestamptz) IS
	'Validate a SeizureMemo for an FIR registered at fir_registered_at: nature, seized_at (required, not in the future, not before the FIR), place, the person seized from, exactly 2 independent witnesses, 1..200 items, seal, seizing officer. Returns the seizure time, nature, number of items and their total value';

-- ------------------------------------------------------------ JSON output

CREATE FUNCTION core.seizure_person_json(person_id bigint, name text, relative_kind text, relative_name text,
	gender text, date_of_birth date, year_of_birth smallint, nationality text, occupation text,
	line1 text, line2 text, city text, district_code int, state_code int, pincode text, phone text) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(jsonb_strip_nulls(jsonb_build_object('name', name, 'relative_kind', relative_kind,
		'relative_name', relative_name, 'gender', gender,
		'date_of_birth', to_char(date_of_birth, 'YYYY-MM-DD'), 'year_of_birth', year_of_birth,
		'nationality', nationality, 'occupation', occupation,
		'address', core.address_json(line1, line2, city, district_code, state_code, pincode),
		'phone', phone, 'person_id', person_id)), '{}')
$fn$;
COMMENT ON FUNCTION core.seizure_person_json(bigint, text, text, text, text, date, smallint, text, text, text, text, text, int, int, text, text) IS
	'Person message as JSON (with the person_id linked) from the columns of a seizure memo; NULL when nothing is set';

CREATE FUNCTION core.seized_item_json(i core.seizure_item) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object('kind', i.kind, 'description', i.description,
		'quantity', i.quantity, 'unit', i.unit, 'value_rupees', nullif(i.value_rupees, 0),
		'identifiers', i.identifiers, 'perishable', CASE WHEN i.perishable THEN true END,
		'perishable_handling', i.perishable_handling, 'packet_no', i.packet_no,
		'seal_description', i.seal_description))
$fn$;
COMMENT ON FUNCTION core.seized_item_json(core.seizure_item) IS 'SeizedItem message as JSON from a core.seizure_item row';

CREATE FUNCTION core.seizure_memo_json(s core.seizure) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'nature', s.nature,
		'seized_at', core.ist_text(s.seized_at),
		'place', s.place,
		'place_address', core.address_json(s.place_line1, s.place_line2, s.place_city, s.place_district_code,
			s.place_state_code, s.place_pincode),
		'seized_from', core.seizure_person_json(s.from_person_id, s.from_name, s.from_relative_kind,
			s.from_relative_name, s.from_gender, s.from_date_of_birth, s.from_year_of_birth, s.from_nationality,
			s.from_occupation, s.from_line1, s.from_line2, s.from_city, s.from_district_code, s.from_state_code,
			s.from_pincode, s.from_phone),
		'professional_receiver', CASE WHEN s.professional_receiver THEN true END,
		'accused_code', s.accused_code,
		'witnesses', (SELECT jsonb_agg(core.seizure_person_json(w.person_id, w.name, w.relative_kind,
				w.relative_name, w.gender, w.date_of_birth, w.year_of_birth, w.nationality, w.occupation,
				w.addr_line1, w.addr_line2, w.addr_city, w.addr_district_code, w.addr_state_code,
				w.addr_pincode, w.phone) ORDER BY w.witness_no)
			FROM core.seizure_witness w
			WHERE w.state_code = s.state_code AND w.year = s.year AND w.fir_id = s.fir_id
				AND w.seizure_no = s.seizure_no),
		'items', (SELECT jsonb_agg(core.seized_item_json(i) ORDER BY i.item_no)
			FROM core.seizure_item i
			WHERE i.state_code = s.state_code AND i.year = s.year AND i.fir_id = s.fir_id
				AND i.seizure_no = s.seizure_no),
		'seal', s.seal,
		'officer', core.officer_json(s.officer_number, s.officer_name, s.officer_rank)))
$fn$;
COMMENT ON FUNCTION core.seizure_memo_json(core.seizure) IS
	'SeizureMemo message as JSON (pbjson mapping: unset, empty and false fields left out, times in IST, persons with their person_id) from a core.seizure row and its witnesses and items';

CREATE FUNCTION core.seizure_receipt_json(s core.seizure, fir_no int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_build_object(
		'fir_number', core.fir_number_text(fir_no, s.year),
		'seizure_no', s.seizure_no,
		'seized_at', core.ist_text(s.seized_at),
		'registered_at', core.ist_text(date_trunc('second', s.registered_at)),
		'gd_date', to_char(s.gd_date, 'YYYY-MM-DD'),
		'gd_number', s.gd_no,
		'deposit_gd_date', to_char(s.deposit_gd_date, 'YYYY-MM-DD'),
		'deposit_gd_number', s.deposit_gd_no,
		'deposits', coalesce((SELECT jsonb_agg(jsonb_build_object(
				'malkhana_number', core.fir_number_text(m.malkhana_no, m.year), 'item_no', m.item_no)
				ORDER BY m.item_no)
			FROM core.malkhana m
			WHERE m.state_code = s.state_code AND m.fir_year = s.year AND m.fir_id = s.fir_id
				AND m.seizure_no = s.seizure_no), '[]'))
$fn$;
COMMENT ON FUNCTION core.seizure_receipt_json(core.seizure, int) IS
	'SeizureReceipt message as JSON (without replayed) from a core.seizure row and its FIR''s number: the diary entries and the malkhana number of every item';

CREATE FUNCTION core.custody_entry_json(x core.malkhana_movement) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'seq', x.seq,
		'movement', x.movement,
		'from_state', x.from_state,
		'to_state', x.to_state,
		'at', core.ist_text(x.at),
		'recorded_at', core.ist_text(date_trunc('second', x.recorded_at)),
		'to_whom', x.to_whom,
		'reference', x.reference,
		'officer', core.officer_json(x.officer_number, x.officer_name, x.officer_rank),
		'gd_date', to_char(x.gd_date, 'YYYY-MM-DD'),
		'gd_number', x.gd_no))
$fn$;
COMMENT ON FUNCTION core.custody_entry_json(core.malkhana_movement) IS 'CustodyEntry message as JSON from a core.malkhana_movement row';

-- The MalkhanaEntry of m; with its chain of custody when chain.
CREATE FUNCTION core.malkhana_entry_json(m core.malkhana, chain boolean) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'number', core.fir_number_text(m.malkhana_no, m.year),
		'fir_number', (SELECT core.fir_number_text(f.fir_no, f.year) FROM core.fir f
			WHERE f.state_code = m.state_code AND f.year = m.fir_year AND f.fir_id = m.fir_id),
		'seizure_no', m.seizure_no,
		'item_no', m.item_no,
		'item', (SELECT core.seized_item_json(i) FROM core.seizure_item i
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
	'MalkhanaEntry message as JSON from a core.malkhana row: the item, its case, its state (the last movement''s) and, when chain, every row of its chain of custody';

-- ------------------------------------------------------------ api.register_seizure

CREATE FUNCTION api.register_seizure(state int, district int, station int, idem bytea, fir_number text, seizure jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_at timestamptz := now();
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	num record;
	f record;
	chk record;
	g record;
	dep record;
	v_fir text;
	v_sha bytea;
	v_old jsonb;
	v_no int;
	v_id bigint;
	v_nos int[];
	v_label text;
	v_first text;
	v_last text;
	v_nature text;
	v_code text;
	v_from_pid bigint;
	v_wit_pids bigint[] := '{}';
	v_dep_at timestamptz;
	s core.seizure;
	p jsonb;
	ad jsonb;
	pa jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	v_fir := core.fir_number_text(num.fir_no, num.year);
	IF seizure IS NULL OR jsonb_typeof(seizure) <> 'object' THEN
		PERFORM core.fir_bad('', 'the seizure memo must be a JSON object (SeizureMemo)');
	END IF;
	v_sha := sha256(convert_to(v_fir || ' ' || seizure::text, 'UTF8'));

	-- Partitions before any lock: today's diary and malkhana, and the
	-- seizures of the FIR's year when that year has FIRs at all.
	PERFORM core.ensure_partitions(state, v_year);
	IF to_regclass('core.seizure_' || state || '_' || num.year) IS NULL
		AND to_regclass('core.fir_' || state || '_' || num.year) IS NOT NULL THEN
		PERFORM core.ensure_partitions(state, num.year);
	END IF;

	v_old := core.idem_claim(state, district, station, idem, v_sha, 'register_seizure');
	IF v_old IS NOT NULL THEN
		receipt := v_old || '{"replayed": true}';
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
	IF f.status = 'transferred' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s was transferred to another station: property is seized in the case there', v_fir);
	END IF;

	SELECT * INTO chk FROM core.seizure_check(seizure, f.registered_at);
	v_code := seizure ->> 'accused_code';
	IF v_code <> '' AND NOT EXISTS (SELECT 1 FROM core.arrest a
		WHERE a.state_code = state AND a.year = f.year AND a.fir_id = f.fir_id AND a.accused_code = v_code) THEN
		PERFORM core.fir_bad('accused_code', format('FIR %s has no arrest memo of accused %s: record the arrest first, or leave accused_code out',
			v_fir, v_code));
	END IF;
	v_code := nullif(v_code, '');

	-- The memo's number in the FIR: next, under the FIR's lock.
	SELECT coalesce(max(x.seizure_no), 0) + 1 INTO v_no FROM core.seizure x
	WHERE x.state_code = state AND x.year = f.year AND x.fir_id = f.fir_id;
	IF v_no > 9999 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s already has 9999 seizure memos', v_fir);
	END IF;
	v_id := nextval('core.seizure_id_seq');
	v_label := format('seizure %s in FIR %s', v_no, v_fir);
	SELECT n.description INTO v_nature FROM ref.seizure_nature n WHERE n.code = chk.o_nature;

	-- The diary: the seizure, then the deposit of its items under their
	-- malkhana numbers (consecutive: the register's counter row is locked
	-- until commit). No personal data.
	SELECT * INTO g FROM core.gd_write(state, district, station, 'seizure',
		format('Seizure %s in FIR %s: %s, %s item%s%s%s', v_no, v_fir, v_nature, chk.o_items,
			CASE WHEN chk.o_items > 1 THEN 's' ELSE '' END,
			CASE WHEN chk.o_value > 0 THEN ' worth Rs ' || chk.o_value END,
			CASE WHEN v_code IS NOT NULL THEN ', from accused ' || v_code ELSE '' END),
		seizure -> 'officer', f.year, f.fir_no, v_code);
	v_nos := ARRAY(SELECT core.next_record_no('malkhana', state, district, station, v_year)
		FROM generate_series(1, chk.o_items) ORDER BY 1);
	v_first := core.fir_number_text(v_nos[1], v_year);
	v_last := core.fir_number_text(v_nos[chk.o_items], v_year);
	SELECT * INTO dep FROM core.gd_write(state, district, station, 'property_deposit',
		format('Property of seizure %s in FIR %s deposited in the malkhana: %s', v_no, v_fir,
			CASE WHEN chk.o_items = 1 THEN 'entry ' || v_first
				ELSE format('entries %s to %s (%s items)', v_first, v_last, chk.o_items) END),
		seizure -> 'officer', f.year, f.fir_no, v_code);

	-- The persons, linked to the memo.
	p := seizure -> 'seized_from';
	IF jsonb_typeof(p) = 'object' THEN
		v_from_pid := core.link_person(state, district, station, p, 'seized_from', 'seized_from', 'seizure',
			f.year, v_id, f.fir_id, v_label);
	END IF;
	FOR i IN 0 .. 1 LOOP
		v_wit_pids := v_wit_pids || core.link_person(state, district, station, seizure -> 'witnesses' -> i,
			'witnesses[' || i || ']', 'panch_witness', 'seizure', f.year, v_id, f.fir_id, v_label);
	END LOOP;

	p := CASE WHEN jsonb_typeof(p) = 'object' THEN p ELSE '{}' END;
	ad := CASE WHEN jsonb_typeof(p -> 'address') = 'object' THEN p -> 'address' ELSE '{}' END;
	pa := CASE WHEN jsonb_typeof(seizure -> 'place_address') = 'object' THEN seizure -> 'place_address' ELSE '{}' END;
	INSERT INTO core.seizure (state_code, year, fir_id, seizure_no, seizure_id, district_code, station_code,
		registered_at, gd_date, gd_no, deposit_gd_date, deposit_gd_no, idempotency_key, content_sha256,
		nature, seized_at, place, place_line1, place_line2, place_city, place_district_code, place_state_code,
		place_pincode, from_person_id, from_name, from_relative_kind, from_relative_name, from_gender,
		from_date_of_birth, from_year_of_birth, from_nationality, from_occupation, from_line1, from_line2,
		from_city, from_district_code, from_state_code, from_pincode, from_phone, professional_receiver,
		accused_code, seal, officer_number, officer_name, officer_rank)
	VALUES (state, f.year, f.fir_id, v_no, v_id, district, station,
		v_at, g.gd_date, g.gd_no, dep.gd_date, dep.gd_no, idem, v_sha,
		chk.o_nature, chk.o_seized_at, seizure ->> 'place', nullif(pa ->> 'line1', ''), nullif(pa ->> 'line2', ''),
		nullif(pa ->> 'city', ''), nullif((pa ->> 'district_code')::int, 0), nullif((pa ->> 'state_code')::int, 0),
		nullif(pa ->> 'pincode', ''), v_from_pid, nullif(p ->> 'name', ''), nullif(p ->> 'relative_kind', ''),
		nullif(p ->> 'relative_name', ''), nullif(p ->> 'gender', ''), nullif(p ->> 'date_of_birth', '')::date,
		nullif((p ->> 'year_of_birth')::int, 0), nullif(p ->> 'nationality', ''), nullif(p ->> 'occupation', ''),
		nullif(ad ->> 'line1', ''), nullif(ad ->> 'line2', ''), nullif(ad ->> 'city', ''),
		nullif((ad ->> 'district_code')::int, 0), nullif((ad ->> 'state_code')::int, 0),
		nullif(ad ->> 'pincode', ''), nullif(p ->> 'phone', ''),
		coalesce((seizure ->> 'professional_receiver')::boolean, false),
		v_code, nullif(seizure ->> 'seal', ''),
		seizure #>> '{officer,number}', seizure #>> '{officer,name}', seizure #>> '{officer,rank}')
	RETURNING * INTO s;

	INSERT INTO core.seizure_witness (state_code, year, fir_id, seizure_no, witness_no, person_id, name,
		relative_kind, relative_name, gender, date_of_birth, year_of_birth, nationality, occupation,
		addr_line1, addr_line2, addr_city, addr_district_code, addr_state_code, addr_pincode, phone)
	SELECT state, f.year, f.fir_id, v_no, w.n, v_wit_pids[w.n], w.o ->> 'name',
		nullif(w.o ->> 'relative_kind', ''), nullif(w.o ->> 'relative_name', ''), nullif(w.o ->> 'gender', ''),
		nullif(w.o ->> 'date_of_birth', '')::date, nullif((w.o ->> 'year_of_birth')::int, 0),
		nullif(w.o ->> 'nationality', ''), nullif(w.o ->> 'occupation', ''),
		nullif(w.o #>> '{address,line1}', ''), nullif(w.o #>> '{address,line2}', ''),
		nullif(w.o #>> '{address,city}', ''), nullif((w.o #>> '{address,district_code}')::int, 0),
		nullif((w.o #>> '{address,state_code}')::int, 0), nullif(w.o #>> '{address,pincode}', ''),
		nullif(w.o ->> 'phone', '')
	FROM jsonb_array_elements(seizure -> 'witnesses') WITH ORDINALITY AS w(o, n);

	INSERT INTO core.seizure_item (state_code, year, fir_id, seizure_no, item_no, kind, description, quantity,
		unit, value_rupees, identifiers, perishable, perishable_handling, packet_no, seal_description)
	SELECT state, f.year, f.fir_id, v_no, e.n, e.o ->> 'kind', e.o ->> 'description', (e.o ->> 'quantity')::numeric,
		nullif(e.o ->> 'unit', ''), nullif((e.o ->> 'value_rupees')::bigint, 0), nullif(e.o ->> 'identifiers', ''),
		coalesce((e.o ->> 'perishable')::boolean, false), nullif(e.o ->> 'perishable_handling', ''),
		nullif(e.o ->> 'packet_no', ''), nullif(e.o ->> 'seal_description', '')
	FROM jsonb_array_elements(seizure -> 'items') WITH ORDINALITY AS e(o, n);

	-- Deposited now, to the second (as times are stated), not before the
	-- seizure.
	v_dep_at := greatest(date_trunc('second', v_at), chk.o_seized_at);
	INSERT INTO core.malkhana (state_code, year, district_code, station_code, malkhana_no, fir_year, fir_id,
		seizure_no, item_no, deposited_at, gd_date, gd_no)
	SELECT state, v_year, district, station, v_nos[n], f.year, f.fir_id, v_no, n, v_dep_at, dep.gd_date, dep.gd_no
	FROM generate_series(1, chk.o_items) n;

	INSERT INTO core.malkhana_movement (state_code, year, district_code, station_code, malkhana_no, seq,
		movement, from_state, to_state, at, recorded_at, officer_number, officer_name, officer_rank, gd_date, gd_no)
	SELECT state, v_year, district, station, v_nos[n], 1, 'deposited', NULL, 'in_store', v_dep_at, v_at,
		s.officer_number, s.officer_name, s.officer_rank, dep.gd_date, dep.gd_no
	FROM generate_series(1, chk.o_items) n;

	-- The timeline: the seizure at its time, the case's status unchanged.
	PERFORM core.case_event_add(state, f.year, f.fir_id, chk.o_seized_at, 'seizure', f.status, seizure -> 'officer',
		format('Seizure %s: %s, %s item%s; malkhana %s', v_no, v_nature, chk.o_items,
			CASE WHEN chk.o_items > 1 THEN 's' ELSE '' END,
			CASE WHEN chk.o_items = 1 THEN v_first ELSE v_first || ' to ' || v_last END),
		g.gd_date, g.gd_no, v_code);

	receipt := core.seizure_receipt_json(s, f.fir_no);
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.register_seizure(int, int, int, bytea, text, jsonb) IS
	'Record a seizure memo (SeizureMemo JSON) in an FIR of the calling station with a 16-byte idempotency key: gives it the FIR''s next seizure number, writes its diary entry, deposits every item in the station''s malkhana under the next numbers with one property_deposit diary entry, links the persons, adds the seizure case event. Returns the SeizureReceipt JSON; the same key and content replay it. CT401, CT400 (COLUMN = path in the memo, or fir_number / idempotency_key), CT404 no such FIR, CT409 FIR transferred or key reused';

-- ------------------------------------------------------------ api.get_seizure

CREATE FUNCTION api.get_seizure(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f record;
	s core.seizure;
	n bigint;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		req := '{}';
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['seizure_no']);
	n := core.j_uint(req -> 'seizure_no', 'seizure_no', 9999);
	IF n IS NULL THEN
		PERFORM core.fir_bad('seizure_no', 'seizure_no is required: the number the receipt gave (1, 2, ...)');
	END IF;
	SELECT x.fir_id, x.year, x.fir_no INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT * INTO s FROM core.seizure x
	WHERE x.state_code = state AND x.year = f.year AND x.fir_id = f.fir_id AND x.seizure_no = n;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'seizure_no',
			MESSAGE = format('no seizure memo %s in FIR %s', n, core.fir_number_text(f.fir_no, f.year));
	END IF;
	RETURN jsonb_build_object('receipt', core.seizure_receipt_json(s, f.fir_no), 'memo', core.seizure_memo_json(s));
END
$fn$;
COMMENT ON FUNCTION api.get_seizure(int, int, int, text, jsonb) IS
	'Read a seizure memo of an FIR of the calling station by its number (req {"seizure_no": N}): Seizure JSON {"receipt": SeizureReceipt, "memo": SeizureMemo}. CT401, CT400 bad fir_number or seizure_no, CT404 no such FIR or memo';

-- ------------------------------------------------------------ api.move_property

CREATE FUNCTION api.move_property(state int, district int, station int, idem bytea, malkhana_number text, req jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	keys constant text[] := ARRAY['movement', 'at', 'to_whom', 'reference', 'officer'];
	v_at timestamptz := now();
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	num record;
	m core.malkhana;
	f record;
	prev record;
	mv ref.property_movement;
	g record;
	x core.malkhana_movement;
	v_num text;
	v_fir text;
	v_sha bytea;
	v_old jsonb;
	v_movement text;
	v_to text;
	v_when timestamptz;
	v_seized timestamptz;
	v_whom text;
	v_ref text;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.malkhana_number_parse(malkhana_number);
	v_num := core.fir_number_text(num.malkhana_no, num.year);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the movement must be a JSON object (MoveProperty)');
	END IF;
	v_sha := sha256(convert_to(v_num || ' ' || req::text, 'UTF8'));
	PERFORM core.ensure_partitions(state, v_year);

	v_old := core.idem_claim(state, district, station, idem, v_sha, 'move_property');
	IF v_old IS NOT NULL THEN
		receipt := v_old || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;

	SELECT * INTO m FROM core.malkhana x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.malkhana_no = num.malkhana_no;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'malkhana_number',
			MESSAGE = format('no malkhana entry %s at this station', v_num);
	END IF;
	-- The FIR, locked: the changes of one case (its timeline) one at a time.
	SELECT x.fir_id, x.year, x.fir_no, x.status INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = m.fir_year AND x.fir_id = m.fir_id
	FOR NO KEY UPDATE;
	v_fir := core.fir_number_text(f.fir_no, f.year);

	-- The request.
	PERFORM core.j_keys(req, '', keys);
	v_movement := core.j_enum(req -> 'movement', 'movement',
		ARRAY(SELECT p.code FROM ref.property_movement p WHERE p.code <> 'deposited' ORDER BY p.number), true);
	SELECT * INTO mv FROM ref.property_movement p WHERE p.code = v_movement;
	v_when := core.read_time(req -> 'at', 'at', true);
	v_whom := core.j_str(req -> 'to_whom', 'to_whom', 800, true);
	v_ref := core.j_str(req -> 'reference', 'reference', 800, false);
	IF mv.needs_reference AND v_ref IS NULL THEN
		PERFORM core.fir_bad('reference', format('reference is required for %s: give the number of the court order (or other authority) that allows it',
			v_movement));
	END IF;
	PERFORM core.officer_check(req -> 'officer', 'officer', true);

	-- Where the property is, and whether this movement may take it from there.
	SELECT y.seq, y.to_state, y.at INTO prev FROM core.malkhana_movement y
	WHERE y.state_code = state AND y.year = m.year AND y.district_code = district AND y.station_code = station
		AND y.malkhana_no = m.malkhana_no
	ORDER BY y.seq DESC LIMIT 1;
	SELECT t.to_state INTO v_to FROM ref.malkhana_transition t
	WHERE t.movement = v_movement AND t.from_state = prev.to_state;
	IF v_to IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'movement',
			MESSAGE = format('malkhana entry %s is %s (%s): %s is only possible from %s', v_num, prev.to_state,
				(SELECT s.description FROM ref.malkhana_state s WHERE s.code = prev.to_state), v_movement,
				(SELECT string_agg(t.from_state || ' (to ' || t.to_state || ')', ' or ' ORDER BY t.from_state)
					FROM ref.malkhana_transition t WHERE t.movement = v_movement));
	END IF;

	-- When: not before the seizure, nor the previous movement.
	SELECT s.seized_at INTO v_seized FROM core.seizure s
	WHERE s.state_code = state AND s.year = m.fir_year AND s.fir_id = m.fir_id AND s.seizure_no = m.seizure_no;
	IF v_when < v_seized THEN
		PERFORM core.fir_bad('at', format('a movement cannot be before the seizure: the property was seized at %s',
			core.ist_text(v_seized)));
	END IF;
	IF v_when < prev.at THEN
		PERFORM core.fir_bad('at', format('a movement cannot be before the previous one: malkhana entry %s was %s at %s',
			v_num, CASE WHEN prev.seq = 1 THEN 'deposited' ELSE 'last moved' END, core.ist_text(prev.at)));
	END IF;

	SELECT * INTO g FROM core.gd_write(state, district, station, 'property_movement',
		format('Malkhana %s (seizure %s, FIR %s) %s%s', v_num, m.seizure_no, v_fir, mv.description,
			CASE WHEN v_ref IS NOT NULL THEN '; reference ' || v_ref ELSE '' END),
		req -> 'officer', f.year, f.fir_no, NULL);

	INSERT INTO core.malkhana_movement (state_code, year, district_code, station_code, malkhana_no, seq,
		movement, from_state, to_state, at, recorded_at, to_whom, reference, officer_number, officer_name,
		officer_rank, gd_date, gd_no, idempotency_key)
	VALUES (state, m.year, district, station, m.malkhana_no, prev.seq + 1,
		v_movement, prev.to_state, v_to, v_when, v_at, v_whom, v_ref, req #>> '{officer,number}',
		req #>> '{officer,name}', req #>> '{officer,rank}', g.gd_date, g.gd_no, idem)
	RETURNING * INTO x;

	PERFORM core.case_event_add(state, f.year, f.fir_id, v_when, 'property_moved', f.status, req -> 'officer',
		format('Malkhana %s (seizure %s, item %s) %s', v_num, m.seizure_no, m.item_no, mv.description),
		g.gd_date, g.gd_no, NULL);

	receipt := jsonb_build_object('malkhana_number', v_num, 'fir_number', v_fir, 'state', v_to,
		'entry', core.custody_entry_json(x));
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.move_property(int, int, int, bytea, text, jsonb) IS
	'Record a movement of malkhana property of the calling station (MoveProperty JSON without key and number) with a 16-byte idempotency key: a new row of the chain of custody, its diary entry (property_movement) and the case event property_moved. Returns the PropertyMovementReceipt JSON; the same key and content replay it. CT401, CT400 (COLUMN = field, e.g. at, reference), CT404 no such entry, CT409 the state does not permit the movement (naming both states) or key reused';

-- ------------------------------------------------------------ reading the register

CREATE FUNCTION api.get_malkhana_entry(state int, district int, station int, malkhana_number text)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	m core.malkhana;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.malkhana_number_parse(malkhana_number);
	SELECT * INTO m FROM core.malkhana x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.malkhana_no = num.malkhana_no;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'malkhana_number',
			MESSAGE = format('no malkhana entry %s at this station', core.fir_number_text(num.malkhana_no, num.year));
	END IF;
	RETURN core.malkhana_entry_json(m, true);
END
$fn$;
COMMENT ON FUNCTION api.get_malkhana_entry(int, int, int, text) IS
	'Read a malkhana entry of the calling station: MalkhanaEntry JSON with the item, its case, its state and the whole chain of custody. CT401, CT400 bad malkhana_number, CT404 no such entry';

CREATE FUNCTION api.list_malkhana(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	page constant int := 100;
	num record;
	v_fir_id bigint;
	v_fir_year int;
	v_state text;
	v_offset bigint;
	v_total int;
	v_entries jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		req := '{}';
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['state', 'offset']);
	v_state := core.j_enum(req -> 'state', 'state', ARRAY(SELECT s.code FROM ref.malkhana_state s ORDER BY s.number), false);
	v_offset := coalesce(core.j_uint(req -> 'offset', 'offset', 2147483647), 0);
	IF nullif(fir_number, '') IS NOT NULL THEN
		SELECT * INTO num FROM core.fir_number_parse(fir_number);
		SELECT x.fir_id, x.year INTO v_fir_id, v_fir_year FROM core.fir x
		WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
			AND x.station_code = station AND x.fir_no = num.fir_no;
		IF NOT FOUND THEN
			PERFORM core.fir_not_found(num.fir_no, num.year);
		END IF;
	END IF;

	WITH e AS (
		SELECT m, last.to_state
		FROM core.malkhana m
		CROSS JOIN LATERAL (SELECT y.to_state FROM core.malkhana_movement y
			WHERE y.state_code = m.state_code AND y.year = m.year AND y.district_code = m.district_code
				AND y.station_code = m.station_code AND y.malkhana_no = m.malkhana_no
			ORDER BY y.seq DESC LIMIT 1) last
		WHERE m.state_code = state AND m.district_code = district AND m.station_code = station
			AND (v_fir_id IS NULL OR (m.fir_year = v_fir_year AND m.fir_id = v_fir_id))
			AND (v_state IS NULL OR last.to_state = v_state)
	)
	SELECT (SELECT count(*) FROM e),
		coalesce((SELECT jsonb_agg(core.malkhana_entry_json(p.m, false) ORDER BY (p.m).year, (p.m).malkhana_no)
			FROM (SELECT e.m FROM e ORDER BY (e.m).year, (e.m).malkhana_no OFFSET v_offset LIMIT page) p), '[]')
	INTO v_total, v_entries;
	RETURN jsonb_build_object('entries', v_entries, 'total', v_total);
END
$fn$;
COMMENT ON FUNCTION api.list_malkhana(int, int, int, text, jsonb) IS
	'List the malkhana entries of the calling station (MalkhanaList JSON: entries by year and number, without their chains, at most 100 from req.offset, and the total), only those of FIR fir_number when not empty, only those in req.state when given. CT401, CT400 bad fir_number, state or offset, CT404 no such FIR';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.register_seizure(int, int, int, bytea, text, jsonb),
	api.get_seizure(int, int, int, text, jsonb),
	api.move_property(int, int, int, bytea, text, jsonb),
	api.get_malkhana_entry(int, int, int, text),
	api.list_malkhana(int, int, int, text, jsonb)
	TO cctns_server;

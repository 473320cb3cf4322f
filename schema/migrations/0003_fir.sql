-- 0003_fir.sql: the FIR case tables (core.fir and the rows that hang off it),
-- their partitioning, the gapless FIR counters and the idempotency records.
--
-- Partitioning: every case table is LIST (state_code), each state partition
-- RANGE (year), named core.<table>_<state> and core.<table>_<state>_<year>
-- (core.fir_9_2026, core.fir_charge_9_2026, ...). (state_code, year, fir_id)
-- is in every primary and foreign key, so a query for one state and year
-- touches one partition per table. year is the registration year in India
-- Standard Time. core.ensure_partitions(state, year) creates what is missing;
-- api.register_fir calls it, so no one has to prepare a new year by hand.

CREATE SEQUENCE core.fir_id_seq AS bigint;
COMMENT ON SEQUENCE core.fir_id_seq IS 'Internal FIR ids (core.fir.fir_id), unique across states and years';

-- ------------------------------------------------------------ core.fir

CREATE TABLE core.fir (
	fir_id bigint NOT NULL DEFAULT nextval('core.fir_id_seq'),
	state_code int NOT NULL,
	year smallint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	fir_no int NOT NULL CHECK (fir_no > 0),
	registered_at timestamptz NOT NULL DEFAULT now(),
	occurred_from timestamptz NOT NULL,
	occurred_to timestamptz,
	information_received_at timestamptz NOT NULL,
	information_type text NOT NULL
		CHECK (information_type IN ('oral', 'written', 'telephonic', 'electronic')),
	place_line1 text,
	place_line2 text,
	place_city text,
	place_district_code int,
	place_state_code int,
	place_pincode text CHECK (place_pincode ~ '^[1-9][0-9]{5}$'),
	place_distance_m int CHECK (place_distance_m >= 0),
	place_direction text CHECK (place_direction IN ('n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw')),
	place_beat text,
	brief_facts text NOT NULL CHECK (brief_facts <> '' AND octet_length(brief_facts) <= 65536),
	delay_reason text,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	-- Key columns in this order on purpose: a leaf partition holds a single
	-- state and year, so those columns go last. Then the foreign-key check of
	-- every charge, person and property row (state_code, year, fir_id) can
	-- use only the primary key, and a lookup by station and number only the
	-- unique key, even in a new partition that has no statistics yet (with
	-- state_code and year first, the planner could take the other index and
	-- scan the whole partition for each row).
	PRIMARY KEY (fir_id, state_code, year),
	UNIQUE (district_code, station_code, fir_no, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	FOREIGN KEY (place_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (place_state_code, place_district_code)
		REFERENCES ref.district (state_code, district_code),
	CONSTRAINT fir_place_state_with_district
		CHECK (place_district_code IS NULL OR place_state_code IS NOT NULL),
	CONSTRAINT fir_occurred_from_before_to
		CHECK (occurred_from <= coalesce(occurred_to, occurred_from)),
	CONSTRAINT fir_occurred_before_registration
		CHECK (coalesce(occurred_to, occurred_from) <= registered_at),
	CONSTRAINT fir_information_after_occurrence
		CHECK (occurred_from <= information_received_at),
	CONSTRAINT fir_information_before_registration
		CHECK (information_received_at <= registered_at),
	CONSTRAINT fir_year_is_registration_year
		CHECK (year = extract(year FROM registered_at AT TIME ZONE 'Asia/Kolkata'))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.fir IS
	'First Information Reports, one row per FIR. Partitioned LIST (state_code) into core.fir_<state>, each RANGE (year) into core.fir_<state>_<year>. Written only by api.register_fir';
COMMENT ON COLUMN core.fir.fir_id IS 'Internal id (core.fir_id_seq); the legal identifier is (station, year, fir_no)';
COMMENT ON COLUMN core.fir.state_code IS 'LGD state code of the registering station (partition key)';
COMMENT ON COLUMN core.fir.year IS 'Registration year in India Standard Time (partition key); FIR numbers restart every year';
COMMENT ON COLUMN core.fir.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN core.fir.station_code IS 'Code of the registering station within its district';
COMMENT ON COLUMN core.fir.fir_no IS 'FIR number: unique and gapless per station per year (core.fir_counter); written as 0042/2026';
COMMENT ON COLUMN core.fir.registered_at IS 'When the FIR was registered (transaction time of api.register_fir)';
COMMENT ON COLUMN core.fir.occurred_from IS 'When the occurrence began (FirContent.occurred_from)';
COMMENT ON COLUMN core.fir.occurred_to IS 'When the occurrence ended, if a period (FirContent.occurred_to)';
COMMENT ON COLUMN core.fir.information_received_at IS 'When the police station received the information';
COMMENT ON COLUMN core.fir.information_type IS 'How the information came: oral, written, telephonic, electronic';
COMMENT ON COLUMN core.fir.place_line1 IS 'Place of occurrence: address line 1 (personal data)';
COMMENT ON COLUMN core.fir.place_line2 IS 'Place of occurrence: address line 2 (personal data)';
COMMENT ON COLUMN core.fir.place_city IS 'Place of occurrence: village, town or city';
COMMENT ON COLUMN core.fir.place_district_code IS 'Place of occurrence: LGD district code, NULL if not given';
COMMENT ON COLUMN core.fir.place_state_code IS 'Place of occurrence: LGD state code, NULL if not given';
COMMENT ON COLUMN core.fir.place_pincode IS 'Place of occurrence: 6-digit PIN code';
COMMENT ON COLUMN core.fir.place_distance_m IS 'Distance of the place from the police station, metres';
COMMENT ON COLUMN core.fir.place_direction IS 'Direction of the place from the police station: n, ne, e, se, s, sw, w, nw';
COMMENT ON COLUMN core.fir.place_beat IS 'Beat number or name of the place';
COMMENT ON COLUMN core.fir.brief_facts IS 'The first information as recorded, up to 64 KiB (personal data)';
COMMENT ON COLUMN core.fir.delay_reason IS 'Why reporting was delayed, if it was';
COMMENT ON COLUMN core.fir.idempotency_key IS '16-byte key the terminal made for this registration (see core.idempotency)';
COMMENT ON COLUMN core.fir.content_sha256 IS 'SHA-256 of the FirContent JSON as received (jsonb text form)';

-- ------------------------------------------------------------ core.fir_charge

CREATE TABLE core.fir_charge (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	act text NOT NULL CHECK (act IN ('ipc', 'bns', 'special_local')),
	section text NOT NULL CHECK (section <> '' AND octet_length(section) <= 32),
	law text,
	section_act text GENERATED ALWAYS AS
		(CASE WHEN act IN ('ipc', 'bns') THEN act END) STORED,
	section_base text GENERATED ALWAYS AS
		(CASE WHEN act IN ('ipc', 'bns') THEN upper(substring(section FROM '^[0-9]+[A-Za-z]*')) END) STORED,
	PRIMARY KEY (state_code, year, fir_id, seq),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.fir (state_code, year, fir_id)
		ON DELETE CASCADE,
	FOREIGN KEY (section_act, section_base) REFERENCES ref.section (act, section),
	FOREIGN KEY (law) REFERENCES ref.special_law (code),
	CHECK ((act = 'special_local') = (law IS NOT NULL)),
	CHECK (act = 'special_local' OR section ~ '^[0-9]+[A-Za-z]*(\([0-9A-Za-z]+\))*$')
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.fir_charge IS
	'Charges of an FIR, in the order given: an IPC or BNS section (checked against ref.section by its base section) or a section of a special or local law. Partitioned like core.fir';
COMMENT ON COLUMN core.fir_charge.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.fir_charge.year IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.fir_charge.fir_id IS 'The FIR (core.fir.fir_id)';
COMMENT ON COLUMN core.fir_charge.seq IS 'Position in FirContent.charges, from 0';
COMMENT ON COLUMN core.fir_charge.act IS 'ipc (offence before 2024-07-01), bns (from 2024-07-01) or special_local';
COMMENT ON COLUMN core.fir_charge.section IS 'Section as written in the act: 303(2), 376A, 498A';
COMMENT ON COLUMN core.fir_charge.law IS 'Short name of the special or local law (ref.special_law.code); only for act special_local, NULL otherwise';
COMMENT ON COLUMN core.fir_charge.section_act IS 'Generated: act when ipc or bns, else NULL (foreign key helper)';
COMMENT ON COLUMN core.fir_charge.section_base IS 'Generated: base section (leading digits and letters, upper case), e.g. 303 for 303(2); NULL for special_local';

-- ------------------------------------------------------------ core.fir_person

CREATE TABLE core.fir_person (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	role text NOT NULL CHECK (role IN ('complainant', 'accused', 'suspect', 'unknown_accused')),
	name text,
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
	description text,
	count int CHECK (count >= 0),
	PRIMARY KEY (state_code, year, fir_id, seq),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.fir (state_code, year, fir_id)
		ON DELETE CASCADE,
	FOREIGN KEY (addr_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (addr_state_code, addr_district_code)
		REFERENCES ref.district (state_code, district_code),
	CHECK (addr_district_code IS NULL OR addr_state_code IS NOT NULL),
	CHECK (role = 'unknown_accused' OR name IS NOT NULL),
	CHECK ((role = 'complainant') = (seq = 0))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.fir_person IS
	'Persons named in an FIR: the complainant (seq 0) and the accused in the order given (seq 1..n). Personal data: never log it. Partitioned like core.fir';
COMMENT ON COLUMN core.fir_person.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.fir_person.year IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.fir_person.fir_id IS 'The FIR (core.fir.fir_id)';
COMMENT ON COLUMN core.fir_person.seq IS '0 for the complainant; n for FirContent.accused[n-1]';
COMMENT ON COLUMN core.fir_person.role IS 'complainant; accused (Accused kind known); suspect (kind suspected); unknown_accused (kind unknown)';
COMMENT ON COLUMN core.fir_person.name IS 'Person.name';
COMMENT ON COLUMN core.fir_person.relative_kind IS 'Person.relative_kind: father, husband, mother, guardian';
COMMENT ON COLUMN core.fir_person.relative_name IS 'Person.relative_name: the father''s, husband''s, ... name';
COMMENT ON COLUMN core.fir_person.gender IS 'Person.gender: male, female, transgender';
COMMENT ON COLUMN core.fir_person.date_of_birth IS 'Person.date_of_birth';
COMMENT ON COLUMN core.fir_person.year_of_birth IS 'Person.year_of_birth, when only the year is known';
COMMENT ON COLUMN core.fir_person.nationality IS 'Person.nationality';
COMMENT ON COLUMN core.fir_person.occupation IS 'Person.occupation';
COMMENT ON COLUMN core.fir_person.addr_line1 IS 'Person.address.line1';
COMMENT ON COLUMN core.fir_person.addr_line2 IS 'Person.address.line2';
COMMENT ON COLUMN core.fir_person.addr_city IS 'Person.address.city';
COMMENT ON COLUMN core.fir_person.addr_district_code IS 'Person.address.district_code (LGD), NULL if not given';
COMMENT ON COLUMN core.fir_person.addr_state_code IS 'Person.address.state_code (LGD), NULL if not given';
COMMENT ON COLUMN core.fir_person.addr_pincode IS 'Person.address.pincode';
COMMENT ON COLUMN core.fir_person.phone IS 'Person.phone';
COMMENT ON COLUMN core.fir_person.description IS 'Accused.description: what was seen of an unidentified accused';
COMMENT ON COLUMN core.fir_person.count IS 'Accused.count: how many unidentified persons (NULL or 0 means one)';

-- ------------------------------------------------------------ core.fir_property

CREATE TABLE core.fir_property (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	kind text NOT NULL CHECK (kind <> ''),
	description text,
	value_rupees bigint CHECK (value_rupees >= 0),
	PRIMARY KEY (state_code, year, fir_id, seq),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.fir (state_code, year, fir_id)
		ON DELETE CASCADE
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.fir_property IS
	'Property stolen or involved, in the order given in FirContent.properties. Partitioned like core.fir';
COMMENT ON COLUMN core.fir_property.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.fir_property.year IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.fir_property.fir_id IS 'The FIR (core.fir.fir_id)';
COMMENT ON COLUMN core.fir_property.seq IS 'Position in FirContent.properties, from 0';
COMMENT ON COLUMN core.fir_property.kind IS 'Kind of property, e.g. mobile_phone, cash, jewellery, vehicle';
COMMENT ON COLUMN core.fir_property.description IS 'Description (make, model, identifying marks)';
COMMENT ON COLUMN core.fir_property.value_rupees IS 'Estimated value in rupees';

-- ------------------------------------------------------------ counters, idempotency

CREATE TABLE core.fir_counter (
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	year smallint NOT NULL,
	last_no int NOT NULL CHECK (last_no > 0),
	PRIMARY KEY (state_code, district_code, station_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code)
);
COMMENT ON TABLE core.fir_counter IS
	'Last FIR number per station per year. Incremented with INSERT ... ON CONFLICT DO UPDATE inside the registering transaction: the row lock serialises one station, a rollback returns the number, so numbers are gapless';
COMMENT ON COLUMN core.fir_counter.state_code IS 'LGD state code of the station';
COMMENT ON COLUMN core.fir_counter.district_code IS 'LGD district code of the station';
COMMENT ON COLUMN core.fir_counter.station_code IS 'Station code';
COMMENT ON COLUMN core.fir_counter.year IS 'Registration year (IST)';
COMMENT ON COLUMN core.fir_counter.last_no IS 'Last FIR number given out for that station and year';

-- No foreign key to core.fir on purpose: the row is written before the FIR
-- exists, and a key to the partitioned core.fir would make creating a new
-- partition lock this table (lock-order deadlocks at a year change).
CREATE TABLE core.idempotency (
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	idem_key bytea NOT NULL CHECK (length(idem_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	year smallint,
	fir_id bigint,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (state_code, district_code, station_code, idem_key),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	CHECK ((year IS NULL) = (fir_id IS NULL))
);
COMMENT ON TABLE core.idempotency IS
	'Idempotency keys of registrations per station: the same key with the same content replays the original receipt, with other content is a conflict (CT409). Not visible to analysts';
COMMENT ON COLUMN core.idempotency.state_code IS 'LGD state code of the station that sent the key';
COMMENT ON COLUMN core.idempotency.district_code IS 'LGD district code of the station';
COMMENT ON COLUMN core.idempotency.station_code IS 'Station code';
COMMENT ON COLUMN core.idempotency.idem_key IS 'The 16-byte key made by the terminal';
COMMENT ON COLUMN core.idempotency.content_sha256 IS 'SHA-256 of the FirContent JSON (jsonb text form) registered with this key';
COMMENT ON COLUMN core.idempotency.year IS 'Year of the FIR created (core.fir.year); set in the same transaction';
COMMENT ON COLUMN core.idempotency.fir_id IS 'FIR created (core.fir.fir_id); set in the same transaction';
COMMENT ON COLUMN core.idempotency.created_at IS 'When the key was first seen';

-- ------------------------------------------------------------ partitions

CREATE FUNCTION core.ensure_partitions(state int, year int) RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	tables constant text[] := ARRAY['fir', 'fir_charge', 'fir_person', 'fir_property'];
	t text;
	missing boolean := false;
	made int := 0;
BEGIN
	IF state IS NULL OR state <= 0 OR year IS NULL OR year < 2000 OR year > 2199 THEN
		RAISE EXCEPTION 'core.ensure_partitions: bad state % or year %', state, year
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- Fast path: a catalog lookup per table, no lock.
	FOREACH t IN ARRAY tables LOOP
		IF to_regclass(format('core.%I', t || '_' || state || '_' || year)) IS NULL THEN
			missing := true;
			EXIT;
		END IF;
	END LOOP;
	IF NOT missing THEN
		RETURN 0;
	END IF;

	-- One creator at a time; whoever waited re-checks what now exists.
	PERFORM pg_catalog.pg_advisory_xact_lock(1128485966, 2);
	IF NOT EXISTS (SELECT 1 FROM ref.state s WHERE s.code = state) THEN
		RAISE EXCEPTION 'core.ensure_partitions: no state % in ref.state', state
			USING ERRCODE = 'foreign_key_violation';
	END IF;
	FOREACH t IN ARRAY tables LOOP
		IF to_regclass(format('core.%I', t || '_' || state)) IS NULL THEN
			EXECUTE format('CREATE TABLE core.%I PARTITION OF core.%I FOR VALUES IN (%s) PARTITION BY RANGE (year)',
				t || '_' || state, t, state);
			EXECUTE format('GRANT SELECT ON core.%I TO cctns_analyst', t || '_' || state);
			made := made + 1;
		END IF;
		IF to_regclass(format('core.%I', t || '_' || state || '_' || year)) IS NULL THEN
			EXECUTE format('CREATE TABLE core.%I PARTITION OF core.%I FOR VALUES FROM (%s) TO (%s)',
				t || '_' || state || '_' || year, t || '_' || state, year, year + 1);
			EXECUTE format('GRANT SELECT ON core.%I TO cctns_analyst', t || '_' || state || '_' || year);
			made := made + 1;
		END IF;
	END LOOP;
	RETURN made;
END
$fn$;

COMMENT ON FUNCTION core.ensure_partitions(int, int) IS
	'Create the missing partitions core.<table>_<state> and core.<table>_<state>_<year> of fir, fir_charge, fir_person and fir_property; returns how many were created. Fast path is a catalog lookup; creation runs under a transaction advisory lock';

-- ------------------------------------------------------------ access

GRANT SELECT ON core.fir, core.fir_charge, core.fir_person, core.fir_property TO cctns_analyst;

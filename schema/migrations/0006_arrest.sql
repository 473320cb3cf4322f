-- 0006_arrest.sql: the Arrest / Court Surrender Memo (IIF-III), one per
-- accused of an FIR, with its General Diary entry and timeline event.
--
-- api.register_arrest(state, district, station, idem bytea, fir_number text, memo jsonb)
--     -> (receipt jsonb ArrestReceipt, replayed)          CT401 CT400 CT404 CT409
-- api.get_arrest(state, district, station, fir_number text, accused_code text)
--     -> jsonb Arrest {"receipt", "memo"}                  CT401 CT400 CT404
--
-- memo is the ArrestMemo message in the pbjson mapping; CT400's COLUMN is the
-- field path inside it (person.name, descriptive_roll.height_cm, ...), except
-- idempotency_key, fir_number and accused_code, the request's own fields.
-- Accused codes are given in order of arrest per FIR: A1..A9, B1..B9, ...,
-- Z9, gapless (core.arrest_counter, in the registering transaction).

-- ------------------------------------------------------------ outcomes (ref)

CREATE TABLE ref.arrest_outcome (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	number smallint NOT NULL UNIQUE CHECK (number > 0),
	court_surrender boolean NOT NULL,
	description text NOT NULL,
	UNIQUE (code, court_surrender)
);
COMMENT ON TABLE ref.arrest_outcome IS
	'The seven outcomes of an arrest or court surrender memo (proto enum ArrestOutcome); core.arrest references (code, court_surrender), so surrender outcomes go with court_surrender and the others without';
COMMENT ON COLUMN ref.arrest_outcome.code IS 'Short lower-case name as in the JSON mapping';
COMMENT ON COLUMN ref.arrest_outcome.number IS 'The ArrestOutcome enum number in proto/cctns.proto';
COMMENT ON COLUMN ref.arrest_outcome.court_surrender IS 'True for the outcomes of a surrender in court';
COMMENT ON COLUMN ref.arrest_outcome.description IS 'The outcome for a person (used in diary entries and the timeline)';

INSERT INTO ref.arrest_outcome (code, number, court_surrender, description) VALUES
	('arrested_forwarded', 1, false, 'arrested and forwarded to court'),
	('released_on_bail', 2, false, 'arrested and released on bail or bond'),
	('anticipatory_bail', 3, false, 'arrested and released on anticipatory bail'),
	('police_custody', 4, false, 'arrested and remanded to police custody'),
	('surrendered_bailed', 5, true, 'surrendered in court and bailed'),
	('surrendered_judicial', 6, true, 'surrendered in court and sent to judicial custody'),
	('surrendered_police_custody', 7, true, 'surrendered in court and remanded to police custody');

GRANT SELECT ON ref.arrest_outcome TO cctns_analyst;

-- ------------------------------------------------------------ identity documents

-- Never a full Aadhaar number (Aadhaar Act s.29, UIDAI rules): a kind that
-- names Aadhaar in any spelling other than aadhaar_masked, or a number that
-- is a 12-digit group once spaces, dashes and other punctuation are taken
-- out (Devanagari and full-width digits counted as digits), is refused; an
-- aadhaar_masked number is exactly the last 4 digits. Used by the CHECK on
-- core.arrest and by the validation of api.register_arrest.
CREATE FUNCTION core.id_doc_refusal(kind text, number text) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE
		WHEN kind IS DISTINCT FROM 'aadhaar_masked'
			AND (regexp_replace(lower(kind), '[^a-z]', '', 'g') ~ '(a+d+h*a+r|^uid)' OR kind ~ 'आधार')
			THEN 'kind'
		WHEN regexp_replace(translate(number, '०१२३४५६७८९０１２３４５６７８９', '01234567890123456789'),
				'[[:space:][:punct:]\u00a0\u2000-\u200b\u2010-\u2015\u2212\u3000]', '', 'g')
			~ '(^|[^0-9])[0-9]{12}([^0-9]|$)'
			THEN 'number'
		WHEN kind = 'aadhaar_masked' AND number !~ '^[0-9]{4}$' THEN 'masked'
	END
$fn$;
COMMENT ON FUNCTION core.id_doc_refusal(text, text) IS
	'Why an identity document may not be stored: ''kind'' (Aadhaar other than aadhaar_masked), ''number'' (a full Aadhaar number: 12 digits, separators ignored), ''masked'' (aadhaar_masked not exactly 4 digits); NULL when it may';

-- ------------------------------------------------------------ core.arrest

-- No foreign key to core.fir on purpose (as core.idempotency): a key to the
-- partitioned core.fir would make creating a new partition lock this table.
CREATE TABLE core.arrest_counter (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	last_no int NOT NULL CHECK (last_no > 0),
	PRIMARY KEY (fir_id, state_code, year)
);
COMMENT ON TABLE core.arrest_counter IS
	'Arrest memos given out per FIR, for the accused codes (1 = A1, 10 = B1). Incremented with INSERT ... ON CONFLICT DO UPDATE in the registering transaction: gapless';
COMMENT ON COLUMN core.arrest_counter.state_code IS 'State of the FIR (core.fir.state_code)';
COMMENT ON COLUMN core.arrest_counter.year IS 'Year of the FIR (core.fir.year)';
COMMENT ON COLUMN core.arrest_counter.fir_id IS 'The FIR (core.fir.fir_id)';
COMMENT ON COLUMN core.arrest_counter.last_no IS 'Number of the last memo given out';

CREATE TABLE core.arrest (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	arrest_no smallint NOT NULL CHECK (arrest_no BETWEEN 1 AND 234),
	accused_code text GENERATED ALWAYS AS (chr(64 + (arrest_no + 8) / 9) || ((arrest_no - 1) % 9 + 1)::text) STORED,
	district_code int NOT NULL,
	station_code int NOT NULL,
	registered_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
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
	aliases text[] NOT NULL DEFAULT '{}' CHECK (cardinality(aliases) <= 2),
	id_doc_kind text,
	id_doc_number text,
	religion text,
	caste_tribe text,
	perm_line1 text,
	perm_line2 text,
	perm_city text,
	perm_district_code int,
	perm_state_code int,
	perm_pincode text CHECK (perm_pincode ~ '^[1-9][0-9]{5}$'),
	arrested_at timestamptz NOT NULL,
	place text,
	court_surrender boolean NOT NULL DEFAULT false,
	outcome text NOT NULL,
	injuries text,
	medical_examination text,
	articles_found text,
	relative_informed text,
	relative_informed_at timestamptz,
	designated_officer_informed_at timestamptz,
	height_cm smallint CHECK (height_cm BETWEEN 50 AND 250),
	build text,
	complexion text,
	identification_marks text,
	deformities text,
	teeth text,
	hair text,
	eyes text,
	habits text,
	dress text,
	languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 10),
	burn_marks text,
	moles text,
	scars text,
	tattoos text,
	fingerprints_taken boolean NOT NULL DEFAULT false,
	dangerous boolean NOT NULL DEFAULT false,
	jumped_bail_before boolean NOT NULL DEFAULT false,
	generally_armed boolean NOT NULL DEFAULT false,
	operates_with_accomplices boolean NOT NULL DEFAULT false,
	known_criminal boolean NOT NULL DEFAULT false,
	recidivist boolean NOT NULL DEFAULT false,
	likely_to_jump_bail boolean NOT NULL DEFAULT false,
	wanted_in_other_case boolean NOT NULL DEFAULT false,
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	PRIMARY KEY (state_code, year, fir_id, arrest_no),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.fir (state_code, year, fir_id)
		ON DELETE CASCADE,
	FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	CONSTRAINT arrest_outcome_matches_surrender FOREIGN KEY (outcome, court_surrender)
		REFERENCES ref.arrest_outcome (code, court_surrender),
	FOREIGN KEY (addr_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (addr_state_code, addr_district_code) REFERENCES ref.district (state_code, district_code),
	FOREIGN KEY (perm_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (perm_state_code, perm_district_code) REFERENCES ref.district (state_code, district_code),
	CONSTRAINT arrest_not_in_future CHECK (arrested_at <= registered_at),
	CONSTRAINT arrest_informed_after_arrest CHECK (relative_informed_at >= arrested_at
		AND designated_officer_informed_at >= arrested_at),
	CONSTRAINT arrest_informed_not_in_future CHECK (relative_informed_at <= registered_at
		AND designated_officer_informed_at <= registered_at),
	CONSTRAINT arrest_no_full_aadhaar CHECK (core.id_doc_refusal(id_doc_kind, id_doc_number) IS NULL),
	CONSTRAINT arrest_id_doc_complete CHECK ((id_doc_kind IS NULL) = (id_doc_number IS NULL)),
	CONSTRAINT arrest_addresses_have_state CHECK ((addr_district_code IS NULL OR addr_state_code IS NOT NULL)
		AND (perm_district_code IS NULL OR perm_state_code IS NOT NULL))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.arrest IS
	'Arrest / Court Surrender Memos (IIF-III), one per accused of an FIR, in order of registration (A1, A2, ...). Each has its General Diary entry (kind arrest) and a case event. Never before its FIR (trigger arrest_after_fir), never a full Aadhaar number. Personal data: never log it. Partitioned like core.fir (by the FIR''s year)';
COMMENT ON COLUMN core.arrest.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.arrest.year IS 'Partition key: the FIR''s year, as core.fir';
COMMENT ON COLUMN core.arrest.fir_id IS 'The FIR (core.fir.fir_id)';
COMMENT ON COLUMN core.arrest.arrest_no IS 'Order of the memo in the FIR, from 1 (core.arrest_counter)';
COMMENT ON COLUMN core.arrest.accused_code IS 'Generated: accused code from arrest_no, A1..A9, B1..B9, ... Z9';
COMMENT ON COLUMN core.arrest.district_code IS 'LGD district code of the FIR''s station';
COMMENT ON COLUMN core.arrest.station_code IS 'Station code of the FIR''s station';
COMMENT ON COLUMN core.arrest.registered_at IS 'When the memo was registered (transaction time)';
COMMENT ON COLUMN core.arrest.gd_date IS 'Day of the memo''s General Diary entry';
COMMENT ON COLUMN core.arrest.gd_no IS 'Number of the memo''s General Diary entry that day';
COMMENT ON COLUMN core.arrest.gd_year IS 'Generated: year of gd_date (foreign key to the entry''s partition)';
COMMENT ON COLUMN core.arrest.idempotency_key IS '16-byte key the terminal made for this registration (see core.idempotency)';
COMMENT ON COLUMN core.arrest.content_sha256 IS 'SHA-256 of the FIR number and the ArrestMemo JSON as received';
COMMENT ON COLUMN core.arrest.name IS 'ArrestMemo.person.name (personal data)';
COMMENT ON COLUMN core.arrest.relative_kind IS 'person.relative_kind: father, husband, mother, guardian';
COMMENT ON COLUMN core.arrest.relative_name IS 'person.relative_name';
COMMENT ON COLUMN core.arrest.gender IS 'person.gender: male, female, transgender';
COMMENT ON COLUMN core.arrest.date_of_birth IS 'person.date_of_birth';
COMMENT ON COLUMN core.arrest.year_of_birth IS 'person.year_of_birth, when only the year is known';
COMMENT ON COLUMN core.arrest.nationality IS 'person.nationality';
COMMENT ON COLUMN core.arrest.occupation IS 'person.occupation';
COMMENT ON COLUMN core.arrest.addr_line1 IS 'person.address (present address): line1';
COMMENT ON COLUMN core.arrest.addr_line2 IS 'person.address: line2';
COMMENT ON COLUMN core.arrest.addr_city IS 'person.address: city';
COMMENT ON COLUMN core.arrest.addr_district_code IS 'person.address: LGD district code';
COMMENT ON COLUMN core.arrest.addr_state_code IS 'person.address: LGD state code';
COMMENT ON COLUMN core.arrest.addr_pincode IS 'person.address: PIN code';
COMMENT ON COLUMN core.arrest.phone IS 'person.phone';
COMMENT ON COLUMN core.arrest.aliases IS 'ArrestMemo.aliases, at most 2';
COMMENT ON COLUMN core.arrest.id_doc_kind IS 'identity_document.kind: voter_id, driving_licence, passport, aadhaar_masked, pan, ...';
COMMENT ON COLUMN core.arrest.id_doc_number IS 'identity_document.number; never a full Aadhaar number (CHECK arrest_no_full_aadhaar)';
COMMENT ON COLUMN core.arrest.religion IS 'ArrestMemo.religion';
COMMENT ON COLUMN core.arrest.caste_tribe IS 'ArrestMemo.caste_tribe';
COMMENT ON COLUMN core.arrest.perm_line1 IS 'permanent_address: line1';
COMMENT ON COLUMN core.arrest.perm_line2 IS 'permanent_address: line2';
COMMENT ON COLUMN core.arrest.perm_city IS 'permanent_address: city';
COMMENT ON COLUMN core.arrest.perm_district_code IS 'permanent_address: LGD district code';
COMMENT ON COLUMN core.arrest.perm_state_code IS 'permanent_address: LGD state code';
COMMENT ON COLUMN core.arrest.perm_pincode IS 'permanent_address: PIN code';
COMMENT ON COLUMN core.arrest.arrested_at IS 'Time of arrest or of surrender in court; not before the FIR was registered, not after the memo';
COMMENT ON COLUMN core.arrest.place IS 'Place of arrest, or the court surrendered to';
COMMENT ON COLUMN core.arrest.court_surrender IS 'True for a surrender in court (then a surrendered_* outcome)';
COMMENT ON COLUMN core.arrest.outcome IS 'ArrestOutcome (ref.arrest_outcome)';
COMMENT ON COLUMN core.arrest.injuries IS 'Injuries seen at arrest';
COMMENT ON COLUMN core.arrest.medical_examination IS 'Medical examination: where, when, by whom';
COMMENT ON COLUMN core.arrest.articles_found IS 'Articles found on personal search';
COMMENT ON COLUMN core.arrest.relative_informed IS 'Name and relation of the person informed of the arrest';
COMMENT ON COLUMN core.arrest.relative_informed_at IS 'When the relative was informed (not before the arrest)';
COMMENT ON COLUMN core.arrest.designated_officer_informed_at IS 'When the designated officer was informed, BNSS s.37 (not before the arrest)';
COMMENT ON COLUMN core.arrest.height_cm IS 'Descriptive roll: height in cm, 50..250';
COMMENT ON COLUMN core.arrest.build IS 'Descriptive roll: build';
COMMENT ON COLUMN core.arrest.complexion IS 'Descriptive roll: complexion';
COMMENT ON COLUMN core.arrest.identification_marks IS 'Descriptive roll: identification marks';
COMMENT ON COLUMN core.arrest.deformities IS 'Descriptive roll: deformities';
COMMENT ON COLUMN core.arrest.teeth IS 'Descriptive roll: teeth';
COMMENT ON COLUMN core.arrest.hair IS 'Descriptive roll: hair';
COMMENT ON COLUMN core.arrest.eyes IS 'Descriptive roll: eyes';
COMMENT ON COLUMN core.arrest.habits IS 'Descriptive roll: habits';
COMMENT ON COLUMN core.arrest.dress IS 'Descriptive roll: dress';
COMMENT ON COLUMN core.arrest.languages IS 'Descriptive roll: languages spoken';
COMMENT ON COLUMN core.arrest.burn_marks IS 'Descriptive roll: locations of burn marks';
COMMENT ON COLUMN core.arrest.moles IS 'Descriptive roll: locations of moles';
COMMENT ON COLUMN core.arrest.scars IS 'Descriptive roll: locations of scars';
COMMENT ON COLUMN core.arrest.tattoos IS 'Descriptive roll: tattoos';
COMMENT ON COLUMN core.arrest.fingerprints_taken IS 'Fingerprints were taken';
COMMENT ON COLUMN core.arrest.dangerous IS 'Risk flag: dangerous';
COMMENT ON COLUMN core.arrest.jumped_bail_before IS 'Risk flag: has jumped bail before';
COMMENT ON COLUMN core.arrest.generally_armed IS 'Risk flag: generally armed';
COMMENT ON COLUMN core.arrest.operates_with_accomplices IS 'Risk flag: operates with accomplices';
COMMENT ON COLUMN core.arrest.known_criminal IS 'Risk flag: known or listed criminal';
COMMENT ON COLUMN core.arrest.recidivist IS 'Risk flag: recidivist';
COMMENT ON COLUMN core.arrest.likely_to_jump_bail IS 'Risk flag: likely to jump bail';
COMMENT ON COLUMN core.arrest.wanted_in_other_case IS 'Risk flag: wanted in another case';
COMMENT ON COLUMN core.arrest.officer_number IS 'Arresting officer: belt or service number';
COMMENT ON COLUMN core.arrest.officer_name IS 'Arresting officer: name';
COMMENT ON COLUMN core.arrest.officer_rank IS 'Arresting officer: rank';

-- An arrest is never recorded before its FIR, and only by the FIR's station:
-- checked for every writer.
CREATE FUNCTION core.arrest_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f record;
BEGIN
	SELECT x.registered_at, x.district_code, x.station_code, x.fir_no INTO f
	FROM core.fir x
	WHERE x.state_code = NEW.state_code AND x.year = NEW.year AND x.fir_id = NEW.fir_id;
	IF FOUND AND (f.district_code <> NEW.district_code OR f.station_code <> NEW.station_code) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number',
			MESSAGE = 'an arrest memo belongs to the station of its FIR';
	END IF;
	IF NEW.arrested_at < date_trunc('second', f.registered_at) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'arrested_at',
			MESSAGE = format('an arrest cannot be recorded before its FIR: FIR %s was registered at %s',
				core.fir_number_text(f.fir_no, NEW.year), core.ist_text(date_trunc('second', f.registered_at)));
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.arrest_guard() IS
	'Trigger: refuse (CT400) an arrest memo of another station than its FIR''s, or one whose arrested_at is before the second the FIR was registered';

CREATE TRIGGER arrest_after_fir BEFORE INSERT OR UPDATE ON core.arrest
	FOR EACH ROW EXECUTE FUNCTION core.arrest_guard();

INSERT INTO core.partitioned_table (name, create_order, append_only) VALUES ('arrest', 70, false);

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

-- ------------------------------------------------------------ validation

CREATE FUNCTION core.arrest_check(m jsonb, fir_registered_at timestamptz,
	OUT o_arrested_at timestamptz, OUT o_court_surrender boolean, OUT o_outcome text, OUT o_description text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['person', 'aliases', 'identity_document', 'religion', 'caste_tribe',
		'permanent_address', 'arrested_at', 'place', 'court_surrender', 'outcome', 'injuries',
		'medical_examination', 'articles_found', 'relative_informed', 'relative_informed_at',
		'designated_officer_informed_at', 'descriptive_roll', 'fingerprints_taken', 'dangerous',
		'jumped_bail_before', 'generally_armed', 'operates_with_accomplices', 'known_criminal',
		'recidivist', 'likely_to_jump_bail', 'wanted_in_other_case', 'officer'];
	flags constant text[] := ARRAY['court_surrender', 'fingerprints_taken', 'dangerous', 'jumped_bail_before',
		'generally_armed', 'operates_with_accomplices', 'known_criminal', 'recidivist', 'likely_to_jump_bail',
		'wanted_in_other_case'];
	-- Free-text fields and their limits in bytes (UTF-8).
	texts constant text[] := ARRAY['religion', 'caste_tribe', 'place', 'injuries', 'medical_examination',
		'articles_found', 'relative_informed'];
	text_max constant int[] := ARRAY[100, 200, 1000, 4000, 4000, 4000, 600];
	doc_keys constant text[] := ARRAY['kind', 'number'];
	roll_keys constant text[] := ARRAY['height_cm', 'build', 'complexion', 'identification_marks', 'deformities',
		'teeth', 'hair', 'eyes', 'habits', 'dress', 'languages', 'burn_marks', 'moles', 'scars', 'tattoos'];
	roll_texts constant text[] := ARRAY['build', 'complexion', 'identification_marks', 'deformities', 'teeth',
		'hair', 'eyes', 'habits', 'dress', 'burn_marks', 'moles', 'scars', 'tattoos'];
	roll_max constant int[] := ARRAY[100, 100, 1000, 1000, 300, 300, 300, 1000, 1000, 1000, 1000, 1000, 1000];
	v jsonb;
	el jsonb;
	arr jsonb;
	s text;
	k text;
	i int;
	n bigint;
	t timestamptz;
	refusal text;
	for_surrender boolean;
BEGIN
	IF m IS NULL OR jsonb_typeof(m) <> 'object' THEN
		PERFORM core.fir_bad('', 'the arrest memo must be a JSON object (ArrestMemo)');
	END IF;
	IF m - keys <> '{}' THEN
		PERFORM core.j_keys(m, '', keys);
	END IF;

	PERFORM core.fir_check_person(m -> 'person', 'person', true);

	arr := m -> 'aliases';
	IF arr IS NOT NULL AND (CASE WHEN jsonb_typeof(arr) = 'array' THEN jsonb_array_length(arr) <= 2 END) IS NOT TRUE THEN
		IF jsonb_typeof(arr) = 'array' THEN
			PERFORM core.fir_bad('aliases', format('aliases: %s given, at most 2', jsonb_array_length(arr)));
		END IF;
		arr := core.j_arr(arr, 'aliases', 2);
	END IF;
	FOR i IN 0 .. coalesce(jsonb_array_length(arr), 0) - 1 LOOP
		v := arr -> i;
		IF (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 600) IS NOT TRUE THEN
			PERFORM core.j_str(v, 'aliases[' || i || ']', 600, true);
		END IF;
	END LOOP;

	el := m -> 'identity_document';
	IF el IS NOT NULL AND jsonb_typeof(el) <> 'null' THEN
		IF (CASE WHEN jsonb_typeof(el) = 'object' THEN el - doc_keys = '{}' END) IS NOT TRUE THEN
			PERFORM core.j_obj(el, 'identity_document', doc_keys, false);
		END IF;
		PERFORM core.j_str(el -> 'kind', 'identity_document.kind', 32, true);
		PERFORM core.j_str(el -> 'number', 'identity_document.number', 64, true);
		refusal := core.id_doc_refusal(el ->> 'kind', el ->> 'number');
		IF refusal = 'kind' THEN
			PERFORM core.fir_bad('identity_document.kind',
				'a full Aadhaar number may never be stored: record an Aadhaar card as kind aadhaar_masked with only its last 4 digits');
		ELSIF refusal = 'number' THEN
			PERFORM core.fir_bad('identity_document.number',
				'identity_document.number has 12 digits, like a full Aadhaar number, which may never be stored: for an Aadhaar card use kind aadhaar_masked with only the last 4 digits');
		ELSIF refusal = 'masked' THEN
			PERFORM core.fir_bad('identity_document.number',
				'identity_document.number: kind aadhaar_masked takes exactly the last 4 digits of the Aadhaar number');
		END IF;
	END IF;

	FOR i IN 1 .. array_length(texts, 1) LOOP
		v := m -> texts[i];
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= text_max[i]) IS NOT TRUE THEN
			PERFORM core.j_str(v, texts[i], text_max[i], false);
		END IF;
	END LOOP;

	v := m -> 'permanent_address';
	IF v IS NOT NULL THEN
		PERFORM core.fir_check_address(v, 'permanent_address');
	END IF;

	FOREACH k IN ARRAY flags LOOP
		v := m -> k;
		IF v IS NOT NULL AND jsonb_typeof(v) NOT IN ('boolean', 'null') THEN
			PERFORM core.fir_bad(k, k || ': expected true or false');
		END IF;
	END LOOP;

	-- When: required, not in the future, not before the FIR.
	o_arrested_at := core.read_time(m -> 'arrested_at', 'arrested_at', true);
	-- To the second, as the FIR's receipt gives its registration time.
	IF o_arrested_at < date_trunc('second', fir_registered_at) THEN
		PERFORM core.fir_bad('arrested_at',
			format('an arrest cannot be recorded before its FIR: arrested_at %s is before the FIR was registered (%s)',
				core.ist_text(o_arrested_at), core.ist_text(date_trunc('second', fir_registered_at))));
	END IF;

	-- Outcome: one of the seven, a surrender outcome exactly when court_surrender.
	o_court_surrender := coalesce((m ->> 'court_surrender')::boolean, false);
	v := m -> 'outcome';
	IF jsonb_typeof(v) = 'string' THEN
		SELECT o.code, o.description, o.court_surrender INTO o_outcome, o_description, for_surrender
		FROM ref.arrest_outcome o WHERE o.code = v #>> '{}';
	END IF;
	IF o_outcome IS NULL THEN
		PERFORM core.j_enum(v, 'outcome', ARRAY(SELECT o.code FROM ref.arrest_outcome o ORDER BY o.number), true);
	END IF;
	IF for_surrender <> o_court_surrender THEN
		PERFORM core.fir_bad('outcome', CASE WHEN o_court_surrender
			THEN format('court_surrender is set but outcome %s is an arrest outcome: a surrender in court ends as %s',
				o_outcome, (SELECT string_agg(o.code, ', ' ORDER BY o.number) FROM ref.arrest_outcome o WHERE o.court_surrender))
			ELSE format('outcome %s is for a surrender in court: set court_surrender, or choose one of %s',
				o_outcome, (SELECT string_agg(o.code, ', ' ORDER BY o.number) FROM ref.arrest_outcome o WHERE NOT o.court_surrender)) END);
	END IF;

	-- Intimations: not before the arrest (and, as every time, not in the future).
	FOREACH k IN ARRAY ARRAY['relative_informed_at', 'designated_officer_informed_at'] LOOP
		t := core.read_time(m -> k, k, false);
		IF t < o_arrested_at THEN
			PERFORM core.fir_bad(k, format('%s (%s) is before arrested_at (%s): nobody can be informed of an arrest before it',
				k, core.ist_text(t), core.ist_text(o_arrested_at)));
		END IF;
	END LOOP;

	el := m -> 'descriptive_roll';
	IF el IS NOT NULL AND jsonb_typeof(el) <> 'null' THEN
		IF (CASE WHEN jsonb_typeof(el) = 'object' THEN el - roll_keys = '{}' END) IS NOT TRUE THEN
			PERFORM core.j_obj(el, 'descriptive_roll', roll_keys, false);
		END IF;
		v := el -> 'height_cm';
		IF v IS NOT NULL THEN
			IF jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,4}$' THEN
				n := nullif((v #>> '{}')::bigint, 0);
			ELSE
				n := core.j_uint(v, 'descriptive_roll.height_cm', 4294967295);
			END IF;
			IF n NOT BETWEEN 50 AND 250 THEN
				PERFORM core.fir_bad('descriptive_roll.height_cm',
					format('descriptive_roll.height_cm: %s cm is not a human height (50 to 250)', n));
			END IF;
		END IF;
		FOR i IN 1 .. array_length(roll_texts, 1) LOOP
			v := el -> roll_texts[i];
			IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= roll_max[i]) IS NOT TRUE THEN
				PERFORM core.j_str(v, 'descriptive_roll.' || roll_texts[i], roll_max[i], false);
			END IF;
		END LOOP;
		arr := core.j_arr(el -> 'languages', 'descriptive_roll.languages', 10);
		FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
			v := arr -> i;
			IF (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 100) IS NOT TRUE THEN
				PERFORM core.j_str(v, 'descriptive_roll.languages[' || i || ']', 100, true);
			END IF;
		END LOOP;
	END IF;

	PERFORM core.officer_check(m -> 'officer', 'officer', true);
END
$fn$;
COMMENT ON FUNCTION core.arrest_check(jsonb, timestamptz) IS
	'Validate an ArrestMemo for an FIR registered at fir_registered_at: fields and lengths, person with name, at most 2 aliases, identity document (never a full Aadhaar number), arrested_at (required, not in the future, not before the FIR), outcome consistent with court_surrender, intimations not before the arrest, height 50..250 cm, arresting officer. Returns the arrest time and outcome';

-- ------------------------------------------------------------ JSON output

CREATE FUNCTION core.arrest_memo_json(a core.arrest) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'person', nullif(jsonb_strip_nulls(jsonb_build_object('name', a.name,
			'relative_kind', a.relative_kind, 'relative_name', a.relative_name, 'gender', a.gender,
			'date_of_birth', to_char(a.date_of_birth, 'YYYY-MM-DD'), 'year_of_birth', a.year_of_birth,
			'nationality', a.nationality, 'occupation', a.occupation,
			'address', core.address_json(a.addr_line1, a.addr_line2, a.addr_city, a.addr_district_code,
				a.addr_state_code, a.addr_pincode),
			'phone', a.phone)), '{}'),
		'aliases', CASE WHEN cardinality(a.aliases) > 0 THEN to_jsonb(a.aliases) END,
		'identity_document', nullif(jsonb_strip_nulls(jsonb_build_object('kind', a.id_doc_kind,
			'number', a.id_doc_number)), '{}'),
		'religion', a.religion,
		'caste_tribe', a.caste_tribe,
		'permanent_address', core.address_json(a.perm_line1, a.perm_line2, a.perm_city, a.perm_district_code,
			a.perm_state_code, a.perm_pincode),
		'arrested_at', core.ist_text(a.arrested_at),
		'place', a.place,
		'court_surrender', CASE WHEN a.court_surrender THEN true END,
		'outcome', a.outcome,
		'injuries', a.injuries,
		'medical_examination', a.medical_examination,
		'articles_found', a.articles_found,
		'relative_informed', a.relative_informed,
		'relative_informed_at', core.ist_text(a.relative_informed_at),
		'designated_officer_informed_at', core.ist_text(a.designated_officer_informed_at),
		'descriptive_roll', nullif(jsonb_strip_nulls(jsonb_build_object('height_cm', a.height_cm,
			'build', a.build, 'complexion', a.complexion, 'identification_marks', a.identification_marks,
			'deformities', a.deformities, 'teeth', a.teeth, 'hair', a.hair, 'eyes', a.eyes,
			'habits', a.habits, 'dress', a.dress,
			'languages', CASE WHEN cardinality(a.languages) > 0 THEN to_jsonb(a.languages) END,
			'burn_marks', a.burn_marks, 'moles', a.moles, 'scars', a.scars, 'tattoos', a.tattoos)), '{}'),
		'fingerprints_taken', CASE WHEN a.fingerprints_taken THEN true END,
		'dangerous', CASE WHEN a.dangerous THEN true END,
		'jumped_bail_before', CASE WHEN a.jumped_bail_before THEN true END,
		'generally_armed', CASE WHEN a.generally_armed THEN true END,
		'operates_with_accomplices', CASE WHEN a.operates_with_accomplices THEN true END,
		'known_criminal', CASE WHEN a.known_criminal THEN true END,
		'recidivist', CASE WHEN a.recidivist THEN true END,
		'likely_to_jump_bail', CASE WHEN a.likely_to_jump_bail THEN true END,
		'wanted_in_other_case', CASE WHEN a.wanted_in_other_case THEN true END,
		'officer', core.officer_json(a.officer_number, a.officer_name, a.officer_rank)))
$fn$;
COMMENT ON FUNCTION core.arrest_memo_json(core.arrest) IS
	'ArrestMemo message as JSON (pbjson mapping: unset, empty and false fields left out, times in IST) from a core.arrest row';

CREATE FUNCTION core.arrest_receipt_json(a core.arrest, fir_no int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_build_object(
		'fir_number', core.fir_number_text(fir_no, a.year),
		'accused_code', a.accused_code,
		'registered_at', core.ist_text(date_trunc('second', a.registered_at)),
		'gd_date', to_char(a.gd_date, 'YYYY-MM-DD'),
		'gd_number', a.gd_no)
$fn$;
COMMENT ON FUNCTION core.arrest_receipt_json(core.arrest, int) IS
	'ArrestReceipt message as JSON (without replayed) from a core.arrest row and its FIR''s number';

-- ------------------------------------------------------------ api.register_arrest, api.get_arrest

CREATE FUNCTION api.register_arrest(state int, district int, station int, idem bytea, fir_number text, memo jsonb)
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

	SELECT * INTO chk FROM core.arrest_check(memo, f.registered_at);

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
	'Register an arrest or court surrender memo (ArrestMemo JSON) for an FIR of the calling station with a 16-byte idempotency key: gives the next accused code (A1..A9, B1..), writes its General Diary entry and the arrest case event. Returns the ArrestReceipt JSON; the same key and content replay it. CT401, CT400 (COLUMN = path in the memo, or fir_number / idempotency_key), CT404 no such FIR, CT409 key reused or no code left';

CREATE FUNCTION api.get_arrest(state int, district int, station int, fir_number text, accused_code text)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f record;
	a core.arrest;
	n int;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	IF accused_code IS NULL OR accused_code !~ '^[A-Z][1-9]$' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'accused_code',
			MESSAGE = format('"%s" is not an accused code such as A1 or B3', coalesce(accused_code, ''));
	END IF;
	n := (ascii(accused_code) - 65) * 9 + substr(accused_code, 2, 1)::int;

	SELECT x.fir_id, x.year, x.fir_no INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT * INTO a FROM core.arrest x
	WHERE x.state_code = state AND x.year = f.year AND x.fir_id = f.fir_id AND x.arrest_no = n;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'accused_code',
			MESSAGE = format('no arrest memo of accused %s in FIR %s', accused_code,
				core.fir_number_text(f.fir_no, f.year));
	END IF;
	RETURN jsonb_build_object('receipt', core.arrest_receipt_json(a, f.fir_no), 'memo', core.arrest_memo_json(a));
END
$fn$;
COMMENT ON FUNCTION api.get_arrest(int, int, int, text, text) IS
	'Read an arrest memo of an FIR of the calling station by accused code: Arrest JSON {"receipt": ArrestReceipt, "memo": ArrestMemo}. CT401, CT400 bad fir_number or accused_code, CT404 no such FIR or memo';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.register_arrest(int, int, int, bytea, text, jsonb),
	api.get_arrest(int, int, int, text, text)
	TO cctns_server;
GRANT SELECT ON core.arrest TO cctns_analyst;

-- Everything must belong to cctns_owner (see 0004).
DO $check$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(format('%s %s (owner %s)', what, name, owner), ', ') INTO bad FROM (
		SELECT 'relation' AS what, c.oid::regclass::text AS name, pg_get_userbyid(c.relowner) AS owner
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname IN ('ref', 'core', 'api')
		UNION ALL
		SELECT 'function', p.oid::regprocedure::text, pg_get_userbyid(p.proowner)
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE n.nspname IN ('ref', 'core', 'api')
	) o WHERE o.owner <> 'cctns_owner';
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'objects not owned by cctns_owner: %', bad;
	END IF;
END
$check$;

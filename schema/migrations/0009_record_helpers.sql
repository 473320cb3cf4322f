-- 0009_record_helpers.sql: what every record of a case's life does, written
-- once: claim an idempotency key, give a register number, write the
-- server's General Diary entry, add a timeline event. The api functions of
-- the later migrations (petitions, seizures, final reports, ...) call these
-- instead of repeating the statements of api.register_arrest. Also the
-- modus operandi heads the crime details form (IIF-II) and the terminal's
-- pick-lists use.

-- ------------------------------------------------------------ idempotency

-- Claim key idem of a station for request with content hash sha. Returns
-- NULL when the key is new (the caller does the work, then calls
-- core.idem_answer), or the answer stored the first time when the same
-- request came with the same content (the caller replays it). The same key
-- for another request, or with other content, is CT409.
CREATE FUNCTION core.idem_claim(state int, district int, station int, idem bytea, sha bytea,
	request core.idempotent_request) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_old core.idempotency;
BEGIN
	IF idem IS NULL OR length(idem) <> 16 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'idempotency_key',
			MESSAGE = 'idempotency_key must be 16 bytes';
	END IF;
	INSERT INTO core.idempotency (state_code, district_code, station_code, idem_key, content_sha256, request)
	VALUES (state, district, station, idem, sha, request)
	ON CONFLICT DO NOTHING;
	IF FOUND THEN
		RETURN NULL;
	END IF;
	SELECT * INTO v_old FROM core.idempotency i
	WHERE i.state_code = state AND i.district_code = district AND i.station_code = station
		AND i.idem_key = idem;
	IF v_old.request <> request THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409',
			MESSAGE = format('this idempotency key was already used for another request (%s); use a new key',
				v_old.request);
	END IF;
	IF v_old.content_sha256 <> sha OR v_old.response IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409',
			MESSAGE = 'this idempotency key was already used with different content; use a new key for new content';
	END IF;
	RETURN v_old.response;
END
$fn$;
COMMENT ON FUNCTION core.idem_claim(int, int, int, bytea, bytea, core.idempotent_request) IS
	'Claim an idempotency key for a write: NULL when new, the stored answer for a replay of the same request and content, CT409 otherwise; CT400 idempotency_key when not 16 bytes';

CREATE FUNCTION core.idem_answer(state int, district int, station int, idem bytea, answer jsonb) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $fn$
	UPDATE core.idempotency i SET response = answer
	WHERE i.state_code = state AND i.district_code = district AND i.station_code = station
		AND i.idem_key = idem;
$fn$;
COMMENT ON FUNCTION core.idem_answer(int, int, int, bytea, jsonb) IS
	'Store the answer of a write under its idempotency key (claimed by core.idem_claim in the same transaction), to be replayed';

-- ------------------------------------------------------------ register numbers

CREATE TABLE core.record_counter (
	register text NOT NULL CHECK (register ~ '^[a-z][a-z_]{0,62}$'),
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	year smallint NOT NULL,
	last_no int NOT NULL CHECK (last_no > 0),
	PRIMARY KEY (register, state_code, district_code, station_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code)
);
COMMENT ON TABLE core.record_counter IS
	'Numbers given out per register (petition, ncr, seizure, ...) per station per year; incremented in the registering transaction, so numbers are gapless like FIR numbers';
COMMENT ON COLUMN core.record_counter.register IS 'The register: petition, ncr, lost_property, missing_person, unidentified_body, vehicle, malkhana, ...';
COMMENT ON COLUMN core.record_counter.state_code IS 'State of the station';
COMMENT ON COLUMN core.record_counter.district_code IS 'District of the station';
COMMENT ON COLUMN core.record_counter.station_code IS 'The station';
COMMENT ON COLUMN core.record_counter.year IS 'Year (IST) the numbers belong to';
COMMENT ON COLUMN core.record_counter.last_no IS 'Last number given out';

CREATE FUNCTION core.next_record_no(register text, state int, district int, station int, year int) RETURNS int
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $fn$
	INSERT INTO core.record_counter AS c (register, state_code, district_code, station_code, year, last_no)
	VALUES (register, state, district, station, year, 1)
	ON CONFLICT (register, state_code, district_code, station_code, year)
		DO UPDATE SET last_no = c.last_no + 1
	RETURNING c.last_no;
$fn$;
COMMENT ON FUNCTION core.next_record_no(text, int, int, int, int) IS
	'Next number of a station''s register for a year (1, 2, ...): gapless, the row lock serialises registrations of one station';

-- ------------------------------------------------------------ the diary

-- Write the server's diary entry for a record, today (IST), numbered after
-- the station's last. officer is an Officer JSON (may be NULL). The text
-- must carry no personal data: numbers, kinds and outcomes only.
CREATE FUNCTION core.gd_write(state int, district int, station int, kind core.gd_kind, entry_text text,
	officer jsonb, fir_year int, fir_no int, accused_code text,
	OUT gd_date date, OUT gd_no int, OUT entered_at timestamptz)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_at timestamptz := now();
	v_date date := (now() AT TIME ZONE 'Asia/Kolkata')::date;
BEGIN
	PERFORM core.ensure_partitions(state, extract(year FROM v_date)::int);
	WITH n AS (
		INSERT INTO core.gd_counter AS c (state_code, district_code, station_code, gd_date, last_no)
		VALUES (state, district, station, v_date, 1)
		ON CONFLICT ON CONSTRAINT gd_counter_pkey
			DO UPDATE SET last_no = c.last_no + 1
		RETURNING c.last_no
	)
	INSERT INTO core.gd_entry AS g (state_code, year, district_code, station_code, gd_date, gd_no, entered_at,
		kind, text, officer_number, officer_name, officer_rank, fir_year, fir_no, accused_code)
	SELECT state, extract(year FROM v_date), district, station, v_date, n.last_no, v_at, kind, entry_text,
		officer ->> 'number', officer ->> 'name', officer ->> 'rank', fir_year, fir_no, accused_code
	FROM n
	RETURNING g.gd_date, g.gd_no, g.entered_at INTO gd_date, gd_no, entered_at;
END
$fn$;
COMMENT ON FUNCTION core.gd_write(int, int, int, core.gd_kind, text, jsonb, int, int, text) IS
	'Write the server''s General Diary entry for a record (today, IST, next number of the station); returns its day, number and time. The text carries no personal data';

-- ------------------------------------------------------------ the timeline

-- Add an event to a case's timeline. The caller holds the FIR's row lock
-- (SELECT ... FOR NO KEY UPDATE), which orders the events of one case.
-- status is the case's status after the event.
CREATE FUNCTION core.case_event_add(state int, year int, fir_id bigint, at timestamptz,
	kind core.case_event_kind, status core.case_status_code, officer jsonb, summary text,
	gd_date date, gd_no int, accused_code text) RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_seq int := core.next_case_event(state, year, fir_id);
BEGIN
	INSERT INTO core.case_event (state_code, year, fir_id, seq, at, kind, status,
		officer_number, officer_name, officer_rank, summary, gd_date, gd_no, accused_code)
	VALUES (state, year, fir_id, v_seq, coalesce(at, now()), kind, status,
		officer ->> 'number', officer ->> 'name', officer ->> 'rank', summary, gd_date, gd_no, accused_code);
	RETURN v_seq;
END
$fn$;
COMMENT ON FUNCTION core.case_event_add(int, int, bigint, timestamptz, core.case_event_kind, core.case_status_code, jsonb, text, date, int, text) IS
	'Add an event to a case''s timeline (caller holds the FIR row lock); returns its sequence number';

-- ------------------------------------------------------------ modus operandi heads

CREATE TABLE ref.mo_head (
	major text NOT NULL CHECK (major ~ '^[a-z][a-z_]*$'),
	minor text NOT NULL CHECK (minor ~ '^[a-z][a-z_]*$'),
	label text NOT NULL CHECK (label <> ''),
	PRIMARY KEY (major, minor)
);
COMMENT ON TABLE ref.mo_head IS
	'Modus operandi heads for the crime details form (IIF-II): a major head (the kind of crime as committed) and minor heads (how). Modelled on the MO classification of the NCRB Integrated Investigation Forms; a state may add rows. minor ''general'' is the major head itself';
COMMENT ON COLUMN ref.mo_head.major IS 'Major head code, e.g. house_breaking';
COMMENT ON COLUMN ref.mo_head.minor IS 'Minor head code within the major head, e.g. lock_broken';
COMMENT ON COLUMN ref.mo_head.label IS 'The head as an officer reads it';

INSERT INTO ref.mo_head (major, minor, label) VALUES
	('house_breaking', 'general', 'House breaking'),
	('house_breaking', 'lock_broken', 'House breaking: lock or latch broken'),
	('house_breaking', 'wall_hole', 'House breaking: hole made in wall or roof'),
	('house_breaking', 'window_grill', 'House breaking: window grill or bars cut'),
	('house_breaking', 'false_key', 'House breaking: false or duplicate key'),
	('house_breaking', 'open_door', 'House breaking: entry by open or unlatched door'),
	('theft', 'general', 'Theft'),
	('theft', 'pickpocketing', 'Theft: pickpocketing'),
	('theft', 'chain_snatching', 'Theft: chain or ornament snatching'),
	('theft', 'from_vehicle', 'Theft: from a vehicle'),
	('theft', 'vehicle_lifting', 'Theft: vehicle lifting'),
	('theft', 'bag_lifting', 'Theft: bag lifting or distraction'),
	('theft', 'by_servant', 'Theft: by a servant or employee'),
	('theft', 'cattle', 'Theft: cattle'),
	('robbery', 'general', 'Robbery'),
	('robbery', 'highway', 'Robbery: on a highway'),
	('robbery', 'weapon_threat', 'Robbery: threat with a weapon'),
	('robbery', 'stupefying', 'Robbery: by stupefying (drugged food or drink)'),
	('dacoity', 'general', 'Dacoity'),
	('dacoity', 'house', 'Dacoity: in a house'),
	('dacoity', 'highway', 'Dacoity: on a highway'),
	('cheating', 'general', 'Cheating'),
	('cheating', 'impersonation', 'Cheating: by impersonation'),
	('cheating', 'online', 'Cheating: online or by phone (OTP, UPI, card)'),
	('cheating', 'job_offer', 'Cheating: false job or scheme offer'),
	('cheating', 'forged_document', 'Cheating: with a forged document'),
	('hurt', 'general', 'Hurt or assault'),
	('hurt', 'sharp_weapon', 'Hurt: with a sharp weapon'),
	('hurt', 'blunt_weapon', 'Hurt: with a blunt weapon'),
	('hurt', 'acid', 'Hurt: by acid'),
	('murder', 'general', 'Murder'),
	('murder', 'firearm', 'Murder: by firearm'),
	('murder', 'poison', 'Murder: by poison'),
	('murder', 'strangulation', 'Murder: by strangulation'),
	('kidnapping', 'general', 'Kidnapping or abduction'),
	('kidnapping', 'ransom', 'Kidnapping: for ransom'),
	('kidnapping', 'enticement', 'Kidnapping: by enticement'),
	('cyber', 'general', 'Cyber crime'),
	('cyber', 'phishing', 'Cyber crime: phishing'),
	('cyber', 'account_takeover', 'Cyber crime: account or SIM takeover'),
	('cyber', 'sextortion', 'Cyber crime: sextortion');

GRANT SELECT ON ref.mo_head TO cctns_analyst;

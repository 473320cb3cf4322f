-- 0060_person_search_cost.sql (reg, issue 7): a registration's persons, the same rows for less:
-- their search rows, and their records and links in one statement each.
--
-- Measured (schema/README.md "A registration's persons (reg, 0060)"): with the user triggers of
-- core.person disabled, a registration of the bench sample FIR (a complainant and an informant,
-- each a new person) took 17-35 % less time in pgbench at one client. 1,000 single-row inserts
-- into core.person in one transaction: 290-365 ms with core.person_search_on_person, about
-- 100 ms without it. Of the trigger's ~250 us a person:
-- * the partition check, 35-75 us: an SPI query taking the DISTINCT states of the transition
--   table and a PL/pgSQL call per state (core.person_search_partition: to_regclass of a
--   formatted name), for a partition that exists for every person but a state's first;
-- * core.person_search_build, about 120 us: of it three ARRAY(SELECT .. FROM unnest(..) LIMIT n)
--   sub-queries (an SPI query each) for the keys paired by core.search_pairs, and calls of
--   core.name_tokens, core.name_keys and core.search_words on texts that are empty for a
--   person just inserted (no aliases, no marks) or absent (no relative named).
-- And core.fir_store linked its persons one core.link_person call each: an INSERT into
-- core.person per person (each firing the trigger above, and each preparing the 13 CHECK
-- constraints of the person partition again) and one into core.person_link.
--
-- Here:
-- * the trigger asks one cheap question first (is any new row's state without its partition?
--   to_regclass per state, one query) and calls core.person_search_partition only then (a
--   COPY of a million persons still asks once per state);
-- * core.person_search_build gathers the keys to pair in the loops that already walk them, and
--   gives an empty text its known empty answer without the call;
-- * core.link_persons links a list of persons with one INSERT of the new ones and one of the
--   links; core.fir_store calls it once for the FIR's persons, and core.link_person is the
--   list of one (the rules stay in one place).
-- Same rows, same tags in the same order, same person numbers, same errors:
-- schema/tests/reg60_checks.sql compares the build with 0025's over the persons in the database
-- and a varied sample, with and without details, and checks an FIR's persons, links, search
-- rows and errors. Instructions per registration of the bench sample (tests/bench/sqlcost:
-- callgrind, single-user PostgreSQL, 70 against 10 registrations): 16.31 million with the
-- definitions replaced here, 15.52 million with these (-4.9 %).

CREATE OR REPLACE FUNCTION core.person_search_build(p core.person, details boolean) RETURNS core.person_search
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r core.person_search;
	al text[] := p.aliases;
	addr text := concat_ws(' ', p.addr_line1, p.addr_line2, p.addr_city);
	marks text := '';
	k text;
	t text[] := '{}';
	di int[] := ARRAY[p.district_code];
	-- The keys paired by core.search_pairs: the name's first 4 and the relative's first 3
	-- keys of two letters or more, together; the aliases' first 3, apart.
	np text[] := '{}';
	rp text[] := '{}';
	ap text[] := '{}';
	i int := 0;
BEGIN
	r.state_code := p.state_code;
	r.year := p.year;
	r.person_id := p.person_id;
	r.gender := p.gender;
	r.birth_year := coalesce(p.year_of_birth, extract(year FROM p.date_of_birth)::int);
	r.station_code := p.station_code;
	r.docs := '{}';
	IF p.addr_district_code IS NOT NULL AND p.addr_district_code <> p.district_code
		AND p.addr_state_code = p.state_code THEN
		di := di || p.addr_district_code;
	END IF;
	IF details THEN
		al := al || ARRAY(SELECT a.alias FROM core.person_alias a
			WHERE a.person_id = p.person_id AND a.state_code = p.state_code AND a.year = p.year ORDER BY a.alias_id);
		SELECT addr || ' ' || coalesce(string_agg(concat_ws(' ', x.addr_line1, x.addr_line2, x.addr_city), ' '), ''),
			di || coalesce(array_agg(DISTINCT x.addr_district_code) FILTER (WHERE x.addr_district_code IS NOT NULL
				AND x.addr_state_code = p.state_code AND x.addr_district_code <> p.district_code), '{}')
		INTO addr, di
		FROM core.person_address x
		WHERE x.person_id = p.person_id AND x.state_code = p.state_code AND x.year = p.year;
		SELECT coalesce(string_agg(concat_ws(' ', x.identification_marks, x.moles, x.scars, x.tattoos, x.burn_marks,
			x.deformities), ' '), '') INTO marks
		FROM core.person_roll x
		WHERE x.person_id = p.person_id AND x.state_code = p.state_code AND x.year = p.year;
		r.docs := ARRAY(SELECT DISTINCT core.doc_number_norm(d.number) FROM core.person_document d
			WHERE d.person_id = p.person_id AND d.state_code = p.state_code AND d.year = p.year);
	END IF;
	-- core.name_tokens of NULL or of a text without a letter is '{}', and core.name_keys of
	-- '{}' is '{}'; core.search_words of '' is '{}'.
	r.name_tok := core.name_tokens(p.name);
	r.name_key := core.name_keys(r.name_tok);
	IF cardinality(al) > 0 THEN
		r.alias_tok := core.name_tokens(array_to_string(al, ' '));
		r.alias_key := core.name_keys(r.alias_tok);
	ELSE
		r.alias_tok := '{}';
		r.alias_key := '{}';
	END IF;
	IF p.relative_name IS NOT NULL THEN
		r.rel_tok := core.name_tokens(p.relative_name);
		r.rel_key := core.name_keys(r.rel_tok);
	ELSE
		r.rel_tok := '{}';
		r.rel_key := '{}';
	END IF;
	r.addr_words := '{}';
	FOREACH k IN ARRAY core.search_words(addr) LOOP
		CONTINUE WHEN k ~ '^[0-9]+$';
		k := core.name_key(k);
		IF k IS NOT NULL AND NOT k = ANY (r.addr_words) THEN
			r.addr_words := r.addr_words || k;
			t := t || ('a:' || k);
		END IF;
	END LOOP;
	r.mark_words := CASE WHEN marks = '' THEN '{}' ELSE core.search_words(marks) END;
	r.districts := di;
	FOREACH k IN ARRAY r.name_key || r.alias_key LOOP
		i := i + 1;
		IF length(k) > 1 AND NOT ('n:' || k) = ANY (t) THEN
			t := t || ('n:' || k);
		END IF;
		IF NOT ('i:' || left(k, 1)) = ANY (t) THEN
			t := t || ('i:' || left(k, 1));
		END IF;
		IF length(k) > 1 THEN
			IF i <= cardinality(r.name_key) THEN
				IF cardinality(np) < 4 THEN
					np := np || ('n:' || k);
				END IF;
			ELSIF cardinality(ap) < 3 THEN
				ap := ap || ('n:' || k);
			END IF;
		END IF;
	END LOOP;
	FOREACH k IN ARRAY r.rel_key LOOP
		IF length(k) > 1 AND NOT ('r:' || k) = ANY (t) THEN
			t := t || ('r:' || k);
		END IF;
		IF NOT ('j:' || left(k, 1)) = ANY (t) THEN
			t := t || ('j:' || left(k, 1));
		END IF;
		IF length(k) > 1 AND cardinality(rp) < 3 THEN
			rp := rp || ('r:' || k);
		END IF;
	END LOOP;
	-- Pairs of the name's (at most 4) and the relative's (at most 3) keys, and of the
	-- aliases' (at most 3): a probe of two tokens is one short posting list, not the meeting
	-- of two long ones.
	t := t || core.search_pairs(np || rp);
	t := t || core.search_pairs(ap);
	FOREACH k IN ARRAY r.mark_words LOOP
		t := t || ('m:' || k);
	END LOOP;
	FOREACH k IN ARRAY r.docs LOOP
		t := t || ('d:' || k);
	END LOOP;
	FOREACH k IN ARRAY r.districts::text[] LOOP
		IF NOT ('D:' || k) = ANY (t) THEN
			t := t || ('D:' || k);
		END IF;
	END LOOP;
	t := t || ('S:' || p.station_code);
	IF p.gender IS NOT NULL THEN
		t := t || ('G:' || p.gender);
	END IF;
	t := t || CASE WHEN r.birth_year IS NULL THEN 'Y:?' ELSE 'Y:' || (r.birth_year - r.birth_year % 5) END;
	r.tags := t;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION core.person_search_build(core.person, boolean) IS
	'The core.person_search row of a person: tokens and keys of the name, aliases and relative, address words, marks, documents, districts, and the tags (n: i: r: j: a: m: d: D: S: G: Y:); with details false the alias, address, roll and document tables are not read (a person just inserted has none). The keys to pair are gathered in the loops over the keys, and empty texts are not tokenised (0060)';

CREATE OR REPLACE FUNCTION core.person_search_on_person() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	-- The partition of each new row's state: made by core.person_search_partition when one
	-- is missing (a state's first person), asked cheaply first (0060).
	-- (Nested: a DELETE's trigger has no new_rows to name.)
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		IF EXISTS (SELECT 1 FROM (SELECT DISTINCT n.state_code FROM new_rows n) x
			WHERE to_regclass(format('core.%I', 'person_search_' || x.state_code)) IS NULL) THEN
			PERFORM core.person_search_partition(x.state_code) FROM (SELECT DISTINCT n.state_code FROM new_rows n) x;
		END IF;
	END IF;
	IF TG_OP = 'INSERT' THEN
		-- New persons: one set-based insert (a COPY of a million is one statement).
		INSERT INTO core.person_search SELECT s.* FROM new_rows n, LATERAL core.person_search_build(n::core.person, false) s;
	ELSIF TG_OP = 'UPDATE' THEN
		DELETE FROM core.person_search s USING old_rows o
		WHERE s.person_id = o.person_id AND s.state_code = o.state_code;
		INSERT INTO core.person_search SELECT s.* FROM new_rows n, LATERAL core.person_search_of(n::core.person) s
		WHERE NOT EXISTS (SELECT 1 FROM core.person_merge m WHERE m.state_code = n.state_code
			AND m.other_id = n.person_id AND m.undone_at IS NULL);
	ELSE
		DELETE FROM core.person_search s USING old_rows o
		WHERE s.person_id = o.person_id AND s.state_code = o.state_code;
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.person_search_on_person() IS
	'Statement trigger on core.person: the search rows of the persons inserted, updated or deleted, from the transition tables; a missing state partition made first (asked by to_regclass per state in one query, 0060)';

-- ------------------------------------------------------------ the persons of a record, at once

-- core.fir_store linked its persons one by one (core.link_person, 0010): for the sample FIR two
-- INSERTs into core.person (each firing core.person_search_on_person, and each parsing the 13
-- CHECK constraints of the person partition again: PostgreSQL 15 prepares a table's CHECK
-- constraints anew for every statement that writes it) and two into core.person_link.
-- core.link_persons does what core.link_person did for each person of a list, in order, with
-- one INSERT of the new persons and one of the links. core.link_person is now the list of one,
-- so the rules stay in one place. Same checks and errors (the first person_id that is not a
-- number, or names no person of the state, in list order), same person numbers in list order,
-- the same rows.
CREATE FUNCTION core.link_persons(state int, district int, station int, persons jsonb[], paths text[],
	roles core.person_role[], record_kind text, record_year int, record_id bigint, fir_id bigint,
	label text) RETURNS bigint[]
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	n int := coalesce(cardinality(persons), 0);
	pids bigint[] := '{}';
	years smallint[] := '{}';
	made int[] := '{}';
	pyear smallint;
	cur smallint;
	person jsonb;
	pid bigint;
BEGIN
	FOR i IN 1 .. n LOOP
		person := persons[i];
		pids := array_append(pids, NULL::bigint);
		years := array_append(years, NULL::smallint);
		CONTINUE WHEN person IS NULL OR jsonb_typeof(person) <> 'object';
		IF nullif(person ->> 'person_id', '') IS NOT NULL AND person ->> 'person_id' <> '0' THEN
			IF person ->> 'person_id' !~ '^[0-9]{1,18}$' THEN
				RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = paths[i] || '.person_id',
					MESSAGE = paths[i] || '.person_id: expected a person number';
			END IF;
			pid := (person ->> 'person_id')::bigint;
			SELECT p.year INTO pyear FROM core.person p
			WHERE p.person_id = pid AND p.state_code = state;
			IF NOT FOUND THEN
				RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = paths[i] || '.person_id',
					MESSAGE = format('%s.person_id: no person %s in this state''s records', paths[i], pid);
			END IF;
			pids[i] := pid;
			years[i] := pyear;
		ELSIF nullif(btrim(person ->> 'name'), '') IS NOT NULL THEN
			IF cur IS NULL THEN
				cur := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata');
				-- The two partitions this writes, by catalog lookup; the general
				-- check of core.ensure_partitions (every partitioned table) only
				-- when one is missing.
				IF to_regclass('core.person_' || state || '_' || cur) IS NULL
					OR to_regclass('core.person_link_' || state || '_' || cur) IS NULL THEN
					PERFORM core.ensure_partitions(state, cur);
				END IF;
			END IF;
			pids[i] := nextval('core.person_id_seq');
			years[i] := cur;
			made := array_append(made, i);
		END IF;
	END LOOP;
	IF cardinality(made) > 0 THEN
		INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name,
			relative_kind, relative_name, gender, date_of_birth, year_of_birth, nationality, occupation,
			addr_line1, addr_line2, addr_city, addr_district_code, addr_state_code, addr_pincode, phone,
			aliases)
		SELECT pids[m.i], state, cur, district, station, btrim(p ->> 'name'),
			nullif(p ->> 'relative_kind', ''), nullif(p ->> 'relative_name', ''),
			nullif(p ->> 'gender', ''), nullif(p ->> 'date_of_birth', '')::date,
			nullif(nullif(p ->> 'year_of_birth', ''), '0')::smallint,
			nullif(p ->> 'nationality', ''), nullif(p ->> 'occupation', ''),
			nullif(a ->> 'line1', ''), nullif(a ->> 'line2', ''), nullif(a ->> 'city', ''),
			nullif(nullif(a ->> 'district_code', ''), '0')::int,
			nullif(nullif(a ->> 'state_code', ''), '0')::int,
			nullif(a ->> 'pincode', ''), nullif(p ->> 'phone', ''),
			coalesce((SELECT array_agg(x) FROM jsonb_array_elements_text(
				CASE WHEN jsonb_typeof(p -> 'aliases') = 'array' THEN p -> 'aliases' END) x
				WHERE x <> ''), '{}')
		FROM unnest(made) WITH ORDINALITY m (i, o),
			LATERAL (SELECT persons[m.i] AS p) q,
			LATERAL (SELECT CASE WHEN jsonb_typeof(q.p -> 'address') = 'object' THEN q.p -> 'address'
				ELSE '{}' END AS a) r
		ORDER BY m.o;
	END IF;
	INSERT INTO core.person_link (state_code, year, person_id, role, record_kind, record_year, record_id,
		fir_id, district_code, station_code, label)
	SELECT state, years[k], pids[k], roles[k], record_kind, record_year, record_id, fir_id, district, station, label
	FROM generate_subscripts(pids, 1) k
	WHERE pids[k] IS NOT NULL
	ORDER BY k
	ON CONFLICT DO NOTHING;
	RETURN pids;
END
$fn$;
COMMENT ON FUNCTION core.link_persons(int, int, int, jsonb[], text[], core.person_role[], text, int, bigint, bigint, text) IS
	'Link each person of a list to a record by its role (paths[i] and roles[i] for persons[i]), making the new persons first, all in one INSERT, unless a Person JSON names an existing one by person_id (CT400 at paths[i].person_id when there is no such person in the state, the first such in list order); returns the person_ids in list order, NULL for an element that is not an object or a Person without a name (nothing written for it). One INSERT of persons, one of links (0060)';

CREATE OR REPLACE FUNCTION core.link_person(state int, district int, station int, person jsonb, path text,
	role core.person_role, record_kind text, record_year int, record_id bigint, fir_id bigint,
	label text) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN (core.link_persons(state, district, station, ARRAY[person], ARRAY[path], ARRAY[role], record_kind,
		record_year, record_id, fir_id, label))[1];
END
$fn$;
COMMENT ON FUNCTION core.link_person(int, int, int, jsonb, text, core.person_role, text, int, bigint, bigint, text) IS
	'Link a person to a record by role, making the person first unless the Person JSON names an existing one by person_id (CT400 at path.person_id when there is no such person in the state); returns the person_id, NULL (and writes nothing) for a Person without a name. core.link_persons of a list of one (0060)';
REVOKE ALL ON FUNCTION core.link_persons(int, int, int, jsonb[], text[], core.person_role[], text, int, bigint, bigint, text) FROM PUBLIC;

-- core.fir_store as in 0055, with its persons linked by one core.link_persons call (below)
-- instead of a core.link_person call each.
CREATE OR REPLACE FUNCTION core.fir_store(state int, district int, station int, yr int, id bigint, idem bytea,
	sha bytea, fir jsonb, reg_at timestamptz, officer jsonb,
	OUT o_fir_no int, OUT o_gd_date date, OUT o_gd_no int)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	v_no int;
	v_gd_date date := (reg_at AT TIME ZONE 'Asia/Kolkata')::date;
	v_label text;
	-- Person ids by core.fir_person.seq: [1] complainant (seq 0), [2]
	-- informant (seq -1), [n + 2] accused seq n.
	pids bigint[] := '{}';
	-- The persons to link, in order, with their paths, roles and slots in pids (0060).
	lp jsonb[] := '{}';
	lpath text[] := '{}';
	lrole core.person_role[] := '{}';
	lslot int[] := '{}';
	lids bigint[];
	el jsonb;
	i int;
	pl jsonb := CASE WHEN jsonb_typeof(fir -> 'place') = 'object' THEN fir -> 'place' ELSE '{}' END;
	ad jsonb := CASE WHEN jsonb_typeof(pl -> 'address') = 'object' THEN pl -> 'address' ELSE '{}' END;
	v_pass jsonb := CASE WHEN jsonb_typeof(fir -> 'complainant_passport') = 'object'
		THEN fir -> 'complainant_passport' ELSE '{}' END;
	os jsonb := CASE WHEN jsonb_typeof(fir -> 'outside_station') = 'object'
		THEN fir -> 'outside_station' ELSE '{}' END;
	ac jsonb := CASE WHEN jsonb_typeof(fir -> 'action_taken') = 'object' THEN fir -> 'action_taken' ELSE '{}' END;
	ts jsonb;
	v_efir boolean := coalesce((fir ->> 'e_fir')::boolean, false);
BEGIN
	-- fir passed core.fir_check (and core.fir_check_iif1), officer
	-- core.officer_check: every value has its type; a message or array
	-- given as JSON null is stored as absent.
	ts := CASE WHEN jsonb_typeof(ac -> 'to_station') = 'object' THEN ac -> 'to_station' ELSE '{}' END;
	INSERT INTO core.fir_counter AS c (state_code, district_code, station_code, year, last_no)
	VALUES (state, district, station, yr, 1)
	ON CONFLICT (state_code, district_code, station_code, year)
		DO UPDATE SET last_no = c.last_no + 1
	RETURNING c.last_no INTO v_no;

	-- The persons master record: complainant, informant, known and
	-- suspected accused (an unknown accused names no one).
	v_label := 'FIR ' || lpad(v_no::text, greatest(4, length(v_no::text)), '0') || '/' || yr;
	-- All of them in one core.link_persons call: one INSERT of the new persons (and one firing
	-- of their search trigger), one of the links (0060).
	lp := ARRAY[fir -> 'complainant'];
	lpath := ARRAY['complainant'];
	lrole := ARRAY['complainant'::core.person_role];
	lslot := ARRAY[1];
	IF jsonb_typeof(fir -> 'informant') = 'object' THEN
		lp := array_append(lp, fir -> 'informant');
		lpath := array_append(lpath, 'informant');
		lrole := array_append(lrole, 'informant'::core.person_role);
		lslot := array_append(lslot, 2);
	END IF;
	IF jsonb_typeof(fir -> 'accused') = 'array' THEN
		FOR i IN 0 .. jsonb_array_length(fir -> 'accused') - 1 LOOP
			el := fir -> 'accused' -> i;
			IF el ->> 'kind' IN ('known', 'suspected') THEN
				lp := array_append(lp, el -> 'person');
				lpath := array_append(lpath, 'accused[' || i || '].person');
				lrole := array_append(lrole, (CASE el ->> 'kind' WHEN 'known' THEN 'accused' ELSE 'suspect' END)::core.person_role);
				lslot := array_append(lslot, i + 3);
			END IF;
		END LOOP;
	END IF;
	lids := core.link_persons(state, district, station, lp, lpath, lrole, 'fir', yr, id, id, v_label);
	FOR i IN 1 .. cardinality(lslot) LOOP
		pids[lslot[i]] := lids[i];
	END LOOP;

	-- The FIR about to be inserted is new in this transaction: noted as
	-- core.fir_rendered_note_new notes it (' state:year:id '), before the
	-- statement, so that the rendered-copy triggers of its child rows
	-- (core.fir_rendered_forget, fired at the end of that statement) skip the
	-- lock and the deletes that find nothing (0055).
	PERFORM set_config('cctns.fir_new', coalesce(current_setting('cctns.fir_new', true), '') || ' '
		|| format('%s:%s:%s ', state, yr, id), true);

	-- Everything else in one statement, as in 0005 (foreign keys are checked
	-- at its end).
	WITH t (text) AS (
		SELECT 'FIR ' || lpad(v_no::text, greatest(4, length(v_no::text)), '0') || '/' || yr
			|| ' registered under ' || string_agg(CASE WHEN e.c ->> 'act' = 'special_local' THEN e.c ->> 'law'
				ELSE upper(e.c ->> 'act') END || ' ' || (e.c ->> 'section'), ', ' ORDER BY e.n)
			|| CASE WHEN v_efir THEN ' (e-FIR)' ELSE '' END
			|| CASE WHEN (fir ->> 'zero_fir')::boolean THEN ' (zero FIR)' ELSE '' END
		FROM jsonb_array_elements(fir -> 'charges') WITH ORDINALITY e(c, n)
	), n AS (
		INSERT INTO core.gd_counter AS c (state_code, district_code, station_code, gd_date, last_no)
		VALUES (state, district, station, v_gd_date, 1)
		ON CONFLICT (state_code, district_code, station_code, gd_date)
			DO UPDATE SET last_no = c.last_no + 1
		RETURNING c.last_no
	), g AS (
		INSERT INTO core.gd_entry (state_code, year, district_code, station_code, gd_date, gd_no, entered_at,
			kind, text, officer_number, officer_name, officer_rank, fir_year, fir_no)
		SELECT state, yr, district, station, v_gd_date, n.last_no, reg_at, 'fir', t.text,
			officer ->> 'number', officer ->> 'name', officer ->> 'rank', yr, v_no
		FROM n, t
		RETURNING gd_no, text
	), f AS (
		INSERT INTO core.fir (fir_id, state_code, year, district_code, station_code, fir_no, registered_at,
			occurred_from, occurred_to, information_received_at, information_type,
			place_line1, place_line2, place_city, place_district_code, place_state_code, place_pincode,
			place_distance_m, place_direction, place_beat, brief_facts, delay_reason,
			idempotency_key, content_sha256, officer_number, officer_name, officer_rank, gd_date, gd_no,
			outside_state_code, outside_district_code, outside_station_code, outside_station_name,
			outside_district_name, inquest_number, action, action_reason, action_state_code,
			action_district_code, action_station_code, action_station_name, action_district_name, action_text,
			dispatched_to_court_at, e_fir, zero_fir, efir_sign_by)
		SELECT id, state, yr, district, station, v_no, reg_at,
			(fir ->> 'occurred_from')::timestamptz,
			nullif(fir ->> 'occurred_to', '')::timestamptz,
			(fir ->> 'information_received_at')::timestamptz,
			fir ->> 'information_type',
			nullif(ad ->> 'line1', ''), nullif(ad ->> 'line2', ''), nullif(ad ->> 'city', ''),
			nullif((ad ->> 'district_code')::int, 0), nullif((ad ->> 'state_code')::int, 0),
			nullif(ad ->> 'pincode', ''),
			nullif((pl ->> 'distance_m')::int, 0), nullif(pl ->> 'direction', ''), nullif(pl ->> 'beat', ''),
			fir ->> 'brief_facts', nullif(fir ->> 'delay_reason', ''),
			idem, sha, officer ->> 'number', officer ->> 'name', officer ->> 'rank', v_gd_date, g.gd_no,
			nullif((os ->> 'state_code')::int, 0), nullif((os ->> 'district_code')::int, 0),
			nullif((os ->> 'station_code')::int, 0), nullif(os ->> 'station_name', ''),
			nullif(os ->> 'district_name', ''), nullif(fir ->> 'inquest_number', ''),
			nullif(ac ->> 'action', ''), nullif(ac ->> 'reason', ''),
			nullif((ts ->> 'state_code')::int, 0), nullif((ts ->> 'district_code')::int, 0),
			nullif((ts ->> 'station_code')::int, 0), nullif(ts ->> 'station_name', ''),
			nullif(ts ->> 'district_name', ''), nullif(ac ->> 'text', ''),
			nullif(fir ->> 'dispatched_to_court_at', '')::timestamptz, v_efir,
			coalesce((fir ->> 'zero_fir')::boolean, false),
			CASE WHEN v_efir THEN reg_at + interval '3 days' END
		FROM g
	), events AS (
		INSERT INTO core.case_event (state_code, year, fir_id, seq, at, kind, status,
			officer_number, officer_name, officer_rank, summary, gd_date, gd_no)
		SELECT state, yr, id, 1, reg_at, 'fir_registered', 'registered',
			officer ->> 'number', officer ->> 'name', officer ->> 'rank', g.text, v_gd_date, g.gd_no
		FROM g
	), charges AS (
		INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section, law)
		SELECT state, yr, id, (e.n - 1)::smallint, e.c ->> 'act', e.c ->> 'section', nullif(e.c ->> 'law', '')
		FROM jsonb_array_elements(fir -> 'charges') WITH ORDINALITY e(c, n)
	), properties AS (
		INSERT INTO core.fir_property (state_code, year, fir_id, seq, kind, description, value_rupees)
		SELECT state, yr, id, (e.n - 1)::smallint, e.o ->> 'kind', nullif(e.o ->> 'description', ''),
			nullif((e.o ->> 'value_rupees')::bigint, 0)
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fir -> 'properties') = 'array'
			THEN fir -> 'properties' ELSE '[]' END) WITH ORDINALITY e(o, n)
	), pp (seq, role, p, description, cnt, pid) AS (
		SELECT 0, 'complainant', fir -> 'complainant', NULL::text, NULL::int, pids[1]
		UNION ALL
		SELECT -1, 'informant', fir -> 'informant', NULL, NULL, pids[2]
		WHERE jsonb_typeof(fir -> 'informant') = 'object'
		UNION ALL
		SELECT e.n, CASE e.a ->> 'kind' WHEN 'known' THEN 'accused' WHEN 'suspected' THEN 'suspect'
			ELSE 'unknown_accused' END,
			CASE WHEN jsonb_typeof(e.a -> 'person') = 'object' THEN e.a -> 'person' ELSE '{}' END,
			nullif(e.a ->> 'description', ''), nullif((e.a ->> 'count')::int, 0), pids[e.n + 2]
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fir -> 'accused') = 'array'
			THEN fir -> 'accused' ELSE '[]' END) WITH ORDINALITY e(a, n)
	), persons AS (
		INSERT INTO core.fir_person (state_code, year, fir_id, seq, role, name, relative_kind, relative_name,
			gender, date_of_birth, year_of_birth, nationality, occupation, addr_line1, addr_line2, addr_city,
			addr_district_code, addr_state_code, addr_pincode, phone, description, count, person_id,
			passport_number, passport_issued_on, passport_issue_place)
		SELECT state, yr, id, pp.seq, pp.role, nullif(pp.p ->> 'name', ''),
			nullif(pp.p ->> 'relative_kind', ''), nullif(pp.p ->> 'relative_name', ''),
			nullif(pp.p ->> 'gender', ''), nullif(pp.p ->> 'date_of_birth', '')::date,
			nullif((pp.p ->> 'year_of_birth')::int, 0),
			nullif(pp.p ->> 'nationality', ''), nullif(pp.p ->> 'occupation', ''),
			nullif(a.a ->> 'line1', ''), nullif(a.a ->> 'line2', ''), nullif(a.a ->> 'city', ''),
			nullif((a.a ->> 'district_code')::int, 0), nullif((a.a ->> 'state_code')::int, 0),
			nullif(a.a ->> 'pincode', ''),
			nullif(pp.p ->> 'phone', ''), pp.description, pp.cnt, pp.pid,
			CASE WHEN pp.seq = 0 THEN nullif(v_pass ->> 'number', '') END,
			CASE WHEN pp.seq = 0 THEN nullif(v_pass ->> 'date_of_issue', '')::date END,
			CASE WHEN pp.seq = 0 THEN nullif(v_pass ->> 'place_of_issue', '') END
		FROM pp, LATERAL (SELECT CASE WHEN jsonb_typeof(pp.p -> 'address') = 'object'
			THEN pp.p -> 'address' ELSE '{}' END) a(a)
	)
	SELECT g.gd_no INTO o_gd_no FROM g;

	o_fir_no := v_no;
	o_gd_date := v_gd_date;
END
$fn$;
COMMENT ON FUNCTION core.fir_store(int, int, int, int, bigint, bytea, bytea, jsonb, timestamptz, jsonb) IS
	'Allocate the next FIR number of the station and year, link the named persons (core.link_persons, in one call: complainant, informant, accused, suspect), write the FIR''s General Diary entry (next number of the station''s day), then the FIR as id referencing it, its rows (the complainant''s passport, the informant, person ids) and the fir_registered case event; returns the FIR number and the entry''s day and number; notes the new FIR in cctns.fir_new before its rows are written, so that their rendered-copy triggers skip it (0055, 0060)';

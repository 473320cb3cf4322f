-- 0025_person_search.sql: person search across the state's whole register,
-- tolerant of the ways Indian names are written in Latin letters; duplicate
-- proposals; merging two records of one person (and undoing it); marking
-- two records as distinct persons.
--
-- api.search_persons(state, district, station, req jsonb SearchPersons)
--     -> jsonb PersonMatches                                  CT401 CT400
-- api.match_persons(state, district, station, req jsonb MatchPersons)
--     -> jsonb PersonMatches (likely duplicates)              CT401 CT400 CT404
-- api.merge_persons(state, district, station, req jsonb MergePersons)
--     -> jsonb PersonMergeReceipt                             CT401 CT400 CT404 CT409
-- api.unmerge_persons(state, district, station, req jsonb UnmergePersons)
--     -> jsonb PersonMergeReceipt                             CT401 CT400 CT404 CT409
-- api.mark_persons_distinct(state, district, station, req jsonb MarkPersonsDistinct)
--     -> jsonb PersonMergeReceipt                             CT401 CT400 CT404
--
-- How a name is read (each step a documented IMMUTABLE function, checked in
-- schema/tests/search_checks.sql):
--   core.name_split(text)   "Ramesh S/o Suresh" -> name "Ramesh", relative
--                           "Suresh" (S/o, D/o: father; W/o: husband; C/o:
--                           guardian; also "son of", "wife of", ...);
--   core.name_tokens(text)  lower case, split on anything not a letter (so
--                           "K.Ramesh" is "k", "ramesh"), honorifics dropped
--                           (shri sri shree sh smt shrimati srimati mr mrs ms
--                           km kum dr late lt), Md/Mohd/Mohammed/Muhammad/...
--                           one token "mohammad", Kr -> kumar, Pd -> prasad;
--                           a one-letter token is an initial;
--   core.name_key(token)    the phonetic key of a token: doubled letters one,
--                           x -> ks, q -> k, ph -> f, ow -> au, w -> v, v -> b,
--                           z -> j, sh/chh/ch -> s/c/c, an h after a consonant or
--                           between letters dropped (kh gh th dh bh jh), then
--                           the first letter (any vowel as "a") and the
--                           consonants after it, vowels and y dropped ("Shahid",
--                           "Sahid", "Shaheed" -> "sd"; "Vikas", "Bikash" ->
--                           "bks"; final a, aa/a, ee/i, oo/u vanish).
--
-- core.person_search: one row per person (partitioned with the person, LIST
-- (state) then RANGE (year)) with the person's name, alias and relative
-- tokens and their keys, and one array of tags under a GIN index: n:KEY
-- (name and alias tokens), r:KEY (father's or husband's name), a:KEY
-- (address words), m:WORD (identification marks, moles, scars, tattoos,
-- burn marks, deformities), d:NUMBER (identity documents), D:district (of
-- the station and of the address), S:station, G:gender, Y:birth-year band of
-- 5 years (Y:? when not known). A search is a few GIN probes (every given
-- tag, then each name/relative tag left out once, for the one token mangled
-- beyond its key or an initial written out), at most 400 rows each, then
-- ranking in SQL of those few hundred rows only. Statement triggers on the
-- person and its detail tables keep the rows right for every load path
-- (the api, COPY, the backfill below): set-based, from the transition
-- tables, so a COPY of a million persons is one INSERT ... SELECT.
--
-- The whole register of the state is searched: any station may search it
-- (as api.get_person reads it). Sealed identities (juveniles, victims of
-- sexual offences) come with issue 5, which will filter them here. Merging
-- and marking distinct record the officer named in the request; the check
-- that the officer may do it arrives with officer sign-in (issue 5).

-- ------------------------------------------------------------ extensions

-- pg_trgm only for the plain comparison of the benchmark (mode "plain"):
-- trusted in PostgreSQL 15, so the database owner may create it; when it
-- cannot be created the rest of the search works and mode "plain" says so.
CREATE SCHEMA IF NOT EXISTS ext;
COMMENT ON SCHEMA ext IS 'Extensions (pg_trgm for the plain trigram comparison of the person search benchmark)';
DO $ext$
BEGIN
	CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA ext;
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
	RAISE NOTICE 'pg_trgm not available: person search mode "plain" will be refused';
END
$ext$;

-- ------------------------------------------------------------ reading names

CREATE FUNCTION core.name_split(typed text, OUT name text, OUT relative_kind text, OUT relative_name text)
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN m IS NULL THEN btrim(typed) ELSE btrim(m[1]) END,
		CASE WHEN m IS NULL THEN NULL
			WHEN lower(m[2]) ~ '^(s|d|son|daughter)' THEN 'father'
			WHEN lower(m[2]) ~ '^(w|wife)' THEN 'husband'
			ELSE 'guardian' END,
		CASE WHEN m IS NULL THEN NULL ELSE nullif(btrim(m[3]), '') END
	FROM (SELECT regexp_match(coalesce(typed, ''),
		'^(.*?)[\s,]+((?:s|d|w|c)\s*[/.\\]\s*o\.?|son\s+of|daughter\s+of|wife\s+of|care\s+of)\s+(.*)$', 'i') AS m) x
$fn$;
COMMENT ON FUNCTION core.name_split(text) IS
	'Split a typed name at S/o, D/o (father), W/o (husband), C/o (guardian) or "son of", "daughter of", "wife of", "care of": the name before, the relative''s kind and name after; the name as it is when there is no such word';

CREATE FUNCTION core.name_tokens(typed text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $fn$
DECLARE
	r text[] := '{}';
	w text;
BEGIN
	IF typed IS NULL THEN
		RETURN r;
	END IF;
	FOREACH w IN ARRAY pg_catalog.regexp_split_to_array(pg_catalog.lower(typed), '[^a-z]+') LOOP
		CONTINUE WHEN w = '' OR w = ANY ('{shri,sri,shree,sh,smt,shrimati,srimati,mr,mrs,ms,km,kum,dr,late,lt}'::text[]);
		IF w = ANY ('{md,mohd,mohmd,mohammad,mohammed,mohamed,mohamad,muhammad,muhammed,muhamed,muhamad,mohamaad,mahammad,mohmmad,mohmad,mohammod,mohummad,mahomed}'::text[]) THEN
			w := 'mohammad';
		ELSIF w = 'kr' THEN
			w := 'kumar';
		ELSIF w = 'pd' THEN
			w := 'prasad';
		END IF;
		r := r || w;
	END LOOP;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION core.name_tokens(text) IS
	'The tokens of a name: lower case, split on every character that is not a Latin letter (K.Ramesh -> k, ramesh), honorifics dropped (shri sri shree sh smt shrimati srimati mr mrs ms km kum dr late lt), Md/Mohd/Mohammed/Muhammad/... as the one token mohammad, kr as kumar, pd as prasad; a one-letter token is an initial';

-- The letters of a token with the sound rules applied, before vowels go.
-- The pure name functions below carry no SET search_path (which would stop
-- PostgreSQL from inlining them: 16 times slower); they name every function
-- by its schema instead.
CREATE FUNCTION core.name_sounds(token text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
	SELECT pg_catalog.regexp_replace(                        -- kh gh th dh bh jh, and h inside
		pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(   -- chh/ch = c, sh = s
			pg_catalog.translate(                            -- q = k, w = v = b, z = j
				pg_catalog.regexp_replace(                   -- Chowdhury = Chaudhury
					pg_catalog.replace(pg_catalog.replace(   -- x = ks, ph = f
						pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.lower(token),
							'[^a-z]', '', 'g'), '(.)\1+', '\1', 'g'),
					'x', 'ks'), 'ph', 'f'),
				'ow([^aeiou]|$)', 'au\1', 'g'),
			'qwvz', 'kbbj'),
		'chh', 'c'), 'ch', 'c'), 'sh', 's'),
	'(.)h', '\1', 'g')
$fn$;
COMMENT ON FUNCTION core.name_sounds(text) IS
	'A name token with the sound rules of core.name_key applied (lower case letters only, doubled letters once, x=ks, ph=f, ow=au, q=k, w=v=b, z=j, chh=ch=c, sh=s, h after a letter dropped), before the vowels are dropped';

CREATE FUNCTION core.name_key(token text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
DECLARE
	t text := core.name_sounds(token);
BEGIN
	IF pg_catalog.length(t) <= 1 THEN
		RETURN NULLIF(t, '');
	END IF;
	-- A word of two letters or more never gets a one-letter key (which
	-- would read as an initial): Rao, Roy, Jha keep a vowel mark (ra, ja).
	t := pg_catalog.translate(pg_catalog.left(t, 1), 'eiou', 'aaaa')
		|| pg_catalog.regexp_replace(pg_catalog.translate(pg_catalog.substr(t, 2), 'aeiouy', ''), '(.)\1+', '\1', 'g');
	RETURN CASE WHEN pg_catalog.length(t) = 1 THEN t || 'a' ELSE t END;
END
$fn$;
COMMENT ON FUNCTION core.name_key(text) IS
	'Phonetic key of one name token, tolerant of Indian transliteration: doubled letters once; x=ks, q=k, ph=f, ow=au, w=v=b, z=j, chh/ch=c, sh=s; h after a letter dropped (kh gh th dh bh jh); then the first letter (a vowel as a) and the consonants after it without vowels or y (aa/a, ee/i, oo/u, final a vanish). Shahid, Sahid, Shaheed -> sd; Vikas, Bikash -> bks; Lakshmi, Laxmi -> lksm; a longer word never has a one-letter key (Rao, Roy -> ra; Jha -> ja). A one-letter token (an initial) is itself';

-- Keys of tokens, in order.
CREATE FUNCTION core.name_keys(tokens text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $fn$
DECLARE
	r text[] := '{}';
	t text;
BEGIN
	FOREACH t IN ARRAY coalesce(tokens, '{}') LOOP
		r := r || core.name_key(t);
	END LOOP;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION core.name_keys(text[]) IS 'core.name_key of each token, in order';

-- Words of free text (addresses, marks): lower case, 3 letters or more, a
-- final s dropped (scars = scar), a few filler words dropped.
CREATE FUNCTION core.search_words(t text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $fn$
DECLARE
	r text[] := '{}';
	w text;
BEGIN
	FOREACH w IN ARRAY pg_catalog.regexp_split_to_array(pg_catalog.lower(coalesce(t, '')), '[^a-z0-9]+') LOOP
		CONTINUE WHEN pg_catalog.length(w) < 3
			OR w = ANY ('{the,and,near,with,has,his,her,from,for}'::text[]);
		w := pg_catalog.regexp_replace(w, '(..)s$', '\1');
		IF NOT w = ANY (r) THEN
			r := r || w;
		END IF;
	END LOOP;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION core.search_words(text) IS
	'Words of free text for search: lower case, split on non-alphanumerics, at least 3 characters, a final s dropped (scars = scar), filler words (the and near with has his her from for) dropped';

-- An identity document number as searched: letters and digits, upper case.
CREATE FUNCTION core.doc_number_norm(n text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
	SELECT NULLIF(pg_catalog.upper(pg_catalog.regexp_replace(n, '[^A-Za-z0-9]', '', 'g')), '')
$fn$;
COMMENT ON FUNCTION core.doc_number_norm(text) IS
	'Identity document number as searched: letters and digits only, upper case ("UP-32 1234" = "up321234")';

-- Birth-year band tags (5 years) covering years lo..hi.
CREATE FUNCTION core.year_bands(lo int, hi int) RETURNS text[]
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(array_agg('Y:' || b ORDER BY b), '{}')
	FROM generate_series(lo - (lo % 5 + 5) % 5, hi, 5) b
$fn$;
COMMENT ON FUNCTION core.year_bands(int, int) IS 'Tags Y:<first year of a 5-year band> of the birth-year bands covering lo..hi';

-- ------------------------------------------------------------ the search table

CREATE TABLE core.person_search (
	state_code int NOT NULL,
	year smallint NOT NULL,
	person_id bigint NOT NULL,
	gender text,
	birth_year smallint,
	name_tok text[] NOT NULL,
	name_key text[] NOT NULL,
	alias_tok text[] NOT NULL,
	alias_key text[] NOT NULL,
	rel_tok text[] NOT NULL,
	rel_key text[] NOT NULL,
	addr_words text[] NOT NULL,
	mark_words text[] NOT NULL,
	docs text[] NOT NULL,
	districts int[] NOT NULL,
	station_code int NOT NULL,
	tags text[] NOT NULL,
	PRIMARY KEY (person_id, state_code)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.person_search IS
	'Search keys of a person (one row per person not merged into another), kept by statement triggers on core.person and its alias, document, address and descriptive roll tables. Partitioned LIST (state_code) only, core.person_search_<state> made by core.person_search_partition: a search covers every year of the state, so one GIN index per state is probed, not one per year. Personal data: not for analysts';
COMMENT ON COLUMN core.person_search.state_code IS 'State of the person';
COMMENT ON COLUMN core.person_search.year IS 'Year (partition) of the person record (core.person.year), to find it';
COMMENT ON COLUMN core.person_search.person_id IS 'The person';
COMMENT ON COLUMN core.person_search.gender IS 'core.person.gender';
COMMENT ON COLUMN core.person_search.birth_year IS 'Year of birth (from date_of_birth or year_of_birth), NULL when not known';
COMMENT ON COLUMN core.person_search.name_tok IS 'core.name_tokens of the name (initials included)';
COMMENT ON COLUMN core.person_search.name_key IS 'core.name_key of each name token';
COMMENT ON COLUMN core.person_search.alias_tok IS 'Tokens of every alias (first recorded and added since)';
COMMENT ON COLUMN core.person_search.alias_key IS 'core.name_key of each alias token';
COMMENT ON COLUMN core.person_search.rel_tok IS 'Tokens of the father''s, husband''s, mother''s or guardian''s name';
COMMENT ON COLUMN core.person_search.rel_key IS 'core.name_key of each relative token';
COMMENT ON COLUMN core.person_search.addr_words IS 'Phonetic keys of the words of every address (first given and added since)';
COMMENT ON COLUMN core.person_search.mark_words IS 'core.search_words of the identification marks, moles, scars, tattoos, burn marks and deformities of every descriptive roll';
COMMENT ON COLUMN core.person_search.docs IS 'core.doc_number_norm of every identity document number';
COMMENT ON COLUMN core.person_search.districts IS 'District of the station that made the record and of every address';
COMMENT ON COLUMN core.person_search.station_code IS 'Station that made the record';
COMMENT ON COLUMN core.person_search.tags IS 'Everything searchable as tags under the GIN index: n:KEY name/alias, i:first letter of a name/alias key, r:KEY relative, j:first letter of a relative key, a:KEY address word, m:WORD mark, d:NUMBER document, D:district, S:station, G:gender, Y:band (Y:? unknown)';

CREATE INDEX person_search_tags ON core.person_search USING gin (tags) WITH (fastupdate = off);

-- The partition of a state (made when the state's first person is).
CREATE FUNCTION core.person_search_partition(state int) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF to_regclass(format('core.%I', 'person_search_' || state)) IS NOT NULL THEN
		RETURN;
	END IF;
	PERFORM pg_catalog.pg_advisory_xact_lock(1128485966, 25);
	IF to_regclass(format('core.%I', 'person_search_' || state)) IS NULL THEN
		EXECUTE format('CREATE TABLE core.%I PARTITION OF core.person_search FOR VALUES IN (%s)',
			'person_search_' || state, state);
		EXECUTE format('REVOKE ALL ON core.%I FROM cctns_analyst', 'person_search_' || state);
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.person_search_partition(int) IS
	'Create core.person_search_<state> when missing (under a transaction advisory lock), closed to the analyst';

-- Pair tags p:A|B (A < B) of distinct tags, in order.
CREATE FUNCTION core.search_pairs(keys text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $fn$
DECLARE
	r text[] := '{}';
	n int := coalesce(pg_catalog.array_length(keys, 1), 0);
	x text;
BEGIN
	FOR i IN 1 .. n - 1 LOOP
		FOR j IN i + 1 .. n LOOP
			CONTINUE WHEN keys[i] = keys[j];
			x := 'p:' || LEAST(keys[i], keys[j]) || '|' || GREATEST(keys[i], keys[j]);
			IF NOT x = ANY (r) THEN
				r := r || x;
			END IF;
		END LOOP;
	END LOOP;
	RETURN r;
END
$fn$;
COMMENT ON FUNCTION core.search_pairs(text[]) IS
	'Pair tags p:A|B (A before B) of every two different tags of keys: the search row stores them for the name and relative keys, a probe asks for them';

-- The search row of a person, from the person and (with details) their
-- aliases, addresses, descriptive rolls and documents added since. A person
-- just inserted has no details yet (they reference the person), so the
-- insert trigger skips those lookups: a COPY costs the name work only.
CREATE FUNCTION core.person_search_build(p core.person, details boolean) RETURNS core.person_search
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
	r.name_tok := core.name_tokens(p.name);
	r.name_key := core.name_keys(r.name_tok);
	r.alias_tok := core.name_tokens(array_to_string(al, ' '));
	r.alias_key := core.name_keys(r.alias_tok);
	r.rel_tok := core.name_tokens(p.relative_name);
	r.rel_key := core.name_keys(r.rel_tok);
	r.addr_words := '{}';
	FOREACH k IN ARRAY core.search_words(addr) LOOP
		CONTINUE WHEN k ~ '^[0-9]+$';
		k := core.name_key(k);
		IF k IS NOT NULL AND NOT k = ANY (r.addr_words) THEN
			r.addr_words := r.addr_words || k;
			t := t || ('a:' || k);
		END IF;
	END LOOP;
	r.mark_words := core.search_words(marks);
	r.districts := di;
	FOREACH k IN ARRAY r.name_key || r.alias_key LOOP
		IF length(k) > 1 AND NOT ('n:' || k) = ANY (t) THEN
			t := t || ('n:' || k);
		END IF;
		IF NOT ('i:' || left(k, 1)) = ANY (t) THEN
			t := t || ('i:' || left(k, 1));
		END IF;
	END LOOP;
	FOREACH k IN ARRAY r.rel_key LOOP
		IF length(k) > 1 AND NOT ('r:' || k) = ANY (t) THEN
			t := t || ('r:' || k);
		END IF;
		IF NOT ('j:' || left(k, 1)) = ANY (t) THEN
			t := t || ('j:' || left(k, 1));
		END IF;
	END LOOP;
	-- Pairs of the name's (at most 4) and the relative's (at most 3) keys,
	-- and of the aliases' (at most 3): a probe of two tokens is one short
	-- posting list, not the meeting of two long ones.
	t := t || core.search_pairs(ARRAY(SELECT 'n:' || x FROM unnest(r.name_key) x WHERE length(x) > 1 LIMIT 4)
		|| ARRAY(SELECT 'r:' || x FROM unnest(r.rel_key) x WHERE length(x) > 1 LIMIT 3));
	t := t || core.search_pairs(ARRAY(SELECT 'n:' || x FROM unnest(r.alias_key) x WHERE length(x) > 1 LIMIT 3));
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
	'The core.person_search row of a person: tokens and keys of the name, aliases and relative, address words, marks, documents, districts, and the tags (n: i: r: j: a: m: d: D: S: G: Y:); with details false the alias, address, roll and document tables are not read (a person just inserted has none)';

CREATE FUNCTION core.person_search_of(p core.person) RETURNS core.person_search
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT core.person_search_build(p, true)
$fn$;
COMMENT ON FUNCTION core.person_search_of(core.person) IS
	'The core.person_search row of a person with all their details (core.person_search_build)';

-- Recompute the search rows of the given persons (not those merged into
-- another person).
CREATE FUNCTION core.person_search_refresh(ids jsonb) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	DELETE FROM core.person_search s
	USING (SELECT DISTINCT (e ->> 0)::bigint AS pid, (e ->> 1)::int AS st, (e ->> 2)::smallint AS yr
		FROM jsonb_array_elements(ids) e) i
	WHERE s.person_id = i.pid AND s.state_code = i.st;
	PERFORM core.person_search_partition(x.st) FROM (SELECT DISTINCT (e ->> 1)::int AS st FROM jsonb_array_elements(ids) e) x;
	INSERT INTO core.person_search
	SELECT s.*
	FROM (SELECT DISTINCT (e ->> 0)::bigint AS pid, (e ->> 1)::int AS st, (e ->> 2)::smallint AS yr
		FROM jsonb_array_elements(ids) e) i
	JOIN core.person p ON p.person_id = i.pid AND p.state_code = i.st AND p.year = i.yr
	CROSS JOIN LATERAL core.person_search_of(p) s
	WHERE NOT EXISTS (SELECT 1 FROM core.person_merge m WHERE m.state_code = p.state_code
		AND m.other_id = p.person_id AND m.undone_at IS NULL);
END
$fn$;

-- ------------------------------------------------------------ merges and distinct pairs

CREATE TABLE core.person_merge (
	merge_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	state_code int NOT NULL REFERENCES ref.state (code),
	keep_id bigint NOT NULL,
	keep_year smallint NOT NULL,
	other_id bigint NOT NULL,
	other_year smallint NOT NULL,
	reason text NOT NULL CHECK (reason <> '' AND octet_length(reason) <= 1000),
	moved jsonb NOT NULL,
	merged_at timestamptz NOT NULL DEFAULT now(),
	district_code int NOT NULL,
	station_code int NOT NULL,
	officer_number text,
	officer_name text,
	officer_rank text,
	undone_at timestamptz,
	undone_district_code int,
	undone_station_code int,
	undone_officer_number text,
	undone_officer_name text,
	undone_officer_rank text,
	undone_reason text CHECK (octet_length(undone_reason) <= 1000),
	CHECK (keep_id <> other_id),
	FOREIGN KEY (state_code, district_code, station_code) REFERENCES ref.station (state_code, district_code, station_code)
);
COMMENT ON TABLE core.person_merge IS
	'Merges of two records of one person: every link and detail of OTHER moved to KEEP, exactly what moved in moved, so that unmerge puts it back; OTHER stays (its own name row) but is no longer searched while the merge stands';
COMMENT ON COLUMN core.person_merge.merge_id IS 'Merge number, as cctns person merge prints it (unmerge names it)';
COMMENT ON COLUMN core.person_merge.state_code IS 'State of both persons';
COMMENT ON COLUMN core.person_merge.keep_id IS 'The person kept';
COMMENT ON COLUMN core.person_merge.keep_year IS 'Year (partition) of the person kept';
COMMENT ON COLUMN core.person_merge.other_id IS 'The person merged into keep_id';
COMMENT ON COLUMN core.person_merge.other_year IS 'Year (partition) of the person merged';
COMMENT ON COLUMN core.person_merge.reason IS 'Why the officer holds them to be one person';
COMMENT ON COLUMN core.person_merge.moved IS 'What moved: {"person_link": [link_id..], "person_alias": [alias_id..], "person_document": [..], "person_phone": [..], "person_address": [..], "person_roll": [..], "person_photo": [[old_no, new_no]..], "added_aliases": [alias_id..], "records": [{"table", "keys"}..]}';
COMMENT ON COLUMN core.person_merge.merged_at IS 'When merged';
COMMENT ON COLUMN core.person_merge.district_code IS 'District of the station that merged';
COMMENT ON COLUMN core.person_merge.station_code IS 'Station that merged';
COMMENT ON COLUMN core.person_merge.officer_number IS 'Officer named in the request: number (sign-in and the permission check come with issue 5)';
COMMENT ON COLUMN core.person_merge.officer_name IS 'Officer named in the request: name';
COMMENT ON COLUMN core.person_merge.officer_rank IS 'Officer named in the request: rank';
COMMENT ON COLUMN core.person_merge.undone_at IS 'When the merge was undone (NULL: it stands)';
COMMENT ON COLUMN core.person_merge.undone_district_code IS 'District of the station that undid it';
COMMENT ON COLUMN core.person_merge.undone_station_code IS 'Station that undid it';
COMMENT ON COLUMN core.person_merge.undone_officer_number IS 'Officer who undid it: number';
COMMENT ON COLUMN core.person_merge.undone_officer_name IS 'Officer who undid it: name';
COMMENT ON COLUMN core.person_merge.undone_officer_rank IS 'Officer who undid it: rank';
COMMENT ON COLUMN core.person_merge.undone_reason IS 'Why it was undone';
CREATE UNIQUE INDEX person_merge_other_once ON core.person_merge (state_code, other_id) WHERE undone_at IS NULL;
CREATE INDEX person_merge_keep ON core.person_merge (state_code, keep_id) WHERE undone_at IS NULL;

CREATE TABLE core.person_distinct (
	state_code int NOT NULL REFERENCES ref.state (code),
	person_a bigint NOT NULL,
	person_b bigint NOT NULL,
	reason text CHECK (octet_length(reason) <= 1000),
	marked_at timestamptz NOT NULL DEFAULT now(),
	district_code int NOT NULL,
	station_code int NOT NULL,
	officer_number text,
	officer_name text,
	officer_rank text,
	PRIMARY KEY (state_code, person_a, person_b),
	CHECK (person_a < person_b),
	FOREIGN KEY (state_code, district_code, station_code) REFERENCES ref.station (state_code, district_code, station_code)
);
COMMENT ON TABLE core.person_distinct IS
	'Pairs of persons an officer holds to be different people: never proposed together as duplicates again';
COMMENT ON COLUMN core.person_distinct.state_code IS 'State of both persons';
COMMENT ON COLUMN core.person_distinct.person_a IS 'The lower person number';
COMMENT ON COLUMN core.person_distinct.person_b IS 'The higher person number';
COMMENT ON COLUMN core.person_distinct.reason IS 'Why, as the officer gave it';
COMMENT ON COLUMN core.person_distinct.marked_at IS 'When marked';
COMMENT ON COLUMN core.person_distinct.district_code IS 'District of the station that marked it';
COMMENT ON COLUMN core.person_distinct.station_code IS 'Station that marked it';
COMMENT ON COLUMN core.person_distinct.officer_number IS 'Officer named in the request: number (permission check with issue 5)';
COMMENT ON COLUMN core.person_distinct.officer_name IS 'Officer named in the request: name';
COMMENT ON COLUMN core.person_distinct.officer_rank IS 'Officer named in the request: rank';
REVOKE ALL ON core.person_merge, core.person_distinct FROM cctns_analyst;

COMMENT ON FUNCTION core.person_search_refresh(jsonb) IS
	'Recompute the core.person_search rows of persons given as a JSON array of [person_id, state_code, year]; persons merged into another get none';

-- ------------------------------------------------------------ triggers

CREATE FUNCTION core.person_search_on_person() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		PERFORM core.person_search_partition(x.state_code) FROM (SELECT DISTINCT n.state_code FROM new_rows n) x;
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
	'Statement trigger on core.person: the search rows of the persons inserted, updated or deleted, from the transition tables';

CREATE TRIGGER person_search_ins AFTER INSERT ON core.person REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION core.person_search_on_person();
CREATE TRIGGER person_search_upd AFTER UPDATE ON core.person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION core.person_search_on_person();
CREATE TRIGGER person_search_del AFTER DELETE ON core.person REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION core.person_search_on_person();

CREATE FUNCTION core.person_search_on_detail() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	ids jsonb;
BEGIN
	IF TG_OP = 'DELETE' THEN
		SELECT jsonb_agg(DISTINCT jsonb_build_array(o.person_id, o.state_code, o.year)) INTO ids FROM old_rows o;
	ELSE
		SELECT jsonb_agg(DISTINCT jsonb_build_array(n.person_id, n.state_code, n.year)) INTO ids FROM new_rows n;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		SELECT ids || coalesce(jsonb_agg(DISTINCT jsonb_build_array(o.person_id, o.state_code, o.year)), '[]')
		INTO ids FROM old_rows o;
	END IF;
	IF ids IS NOT NULL THEN
		PERFORM core.person_search_refresh(ids);
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.person_search_on_detail() IS
	'Statement trigger on the alias, document, address and descriptive roll tables: recompute the search rows of the persons touched';

DO $trg$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['person_alias', 'person_document', 'person_address', 'person_roll'] LOOP
		EXECUTE format('CREATE TRIGGER person_search_ins AFTER INSERT ON core.%I REFERENCING NEW TABLE AS new_rows '
			'FOR EACH STATEMENT EXECUTE FUNCTION core.person_search_on_detail()', t);
		EXECUTE format('CREATE TRIGGER person_search_upd AFTER UPDATE ON core.%I REFERENCING OLD TABLE AS old_rows '
			'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION core.person_search_on_detail()', t);
		EXECUTE format('CREATE TRIGGER person_search_del AFTER DELETE ON core.%I REFERENCING OLD TABLE AS old_rows '
			'FOR EACH STATEMENT EXECUTE FUNCTION core.person_search_on_detail()', t);
	END LOOP;
END
$trg$;

-- ------------------------------------------------------------ partitions and backfill

SELECT core.person_search_partition(x.state_code) FROM (SELECT DISTINCT p.state_code FROM core.person p) x;

-- Persons recorded before this migration: one set-based insert.
INSERT INTO core.person_search SELECT s.* FROM core.person p, LATERAL core.person_search_of(p) s;

-- ------------------------------------------------------------ ranking

-- How well query tokens (q, keys qk) match a person's tokens (t, keys tk):
-- per query token the best of exact (we), same key (wp), initial against
-- a written-out token either way (wi); miss costs wm. Reasons name the
-- field (what) and how each token matched. Person tokens left unmatched
-- (a surname not typed) cost 1 each when extra_cost.
CREATE FUNCTION core.search_tokens_score(q text[], qk text[], t text[], tk text[], what text,
	we int, wp int, wi int, wm int, extra_cost boolean, OUT score int, OUT reasons text[], OUT hits int)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $fn$
DECLARE
	used boolean[];
	n int := coalesce(pg_catalog.array_length(t, 1), 0);
	best int;
	bj int;
	how text;
BEGIN
	score := 0;
	hits := 0;
	reasons := '{}';
	used := pg_catalog.array_fill(false, ARRAY[GREATEST(n, 1)]);
	FOR i IN 1 .. coalesce(pg_catalog.array_length(q, 1), 0) LOOP
		best := 0;
		bj := 0;
		how := NULL;
		FOR j IN 1 .. n LOOP
			CONTINUE WHEN used[j];
			IF q[i] = t[j] THEN
				IF we > best THEN best := we; bj := j; how := 'exact ' || q[i]; END IF;
			ELSIF pg_catalog.length(q[i]) > 1 AND pg_catalog.length(t[j]) > 1 AND qk[i] = tk[j] THEN
				IF wp > best THEN best := wp; bj := j; how := 'sounds alike ' || q[i] || ' ~ ' || t[j]; END IF;
			ELSIF (pg_catalog.length(q[i]) = 1 AND pg_catalog.left(t[j], 1) = q[i])
				OR (pg_catalog.length(t[j]) = 1 AND pg_catalog.left(q[i], 1) = t[j]) THEN
				IF wi > best THEN best := wi; bj := j; how := 'initial ' || q[i] || ' = ' || t[j]; END IF;
			END IF;
		END LOOP;
		IF bj > 0 THEN
			used[bj] := true;
			score := score + best;
			hits := hits + 1;
			reasons := reasons || (what || ' ' || how);
		ELSE
			score := score - wm;
		END IF;
	END LOOP;
	IF extra_cost AND hits > 0 THEN
		FOR j IN 1 .. n LOOP
			IF NOT used[j] THEN
				score := score - 1;
			END IF;
		END LOOP;
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.search_tokens_score(text[], text[], text[], text[], text, int, int, int, int, boolean) IS
	'Score query tokens against a person''s tokens of one field: each query token takes the best unused person token (exact we, same phonetic key wp, initial against a written-out token wi, none: -wm); with extra_cost each person token left unmatched costs 1. Reasons say the field and how each token matched';

-- The score and reasons of one candidate for a parsed query (arrays read
-- once from core.search_parse's JSON by core.search_rank).
CREATE FUNCTION core.search_score(c core.person_search, qn text[], qnk text[], qa text[], qak text[],
	qr text[], qrk text[], rel text, ylo int, yhi int, addr text[], marks text[], doc text, filters text[],
	OUT score int, OUT reasons text[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	r record;
	ra record;
	w text;
BEGIN
	score := 0;
	reasons := '{}';
	IF cardinality(qn) > 0 THEN
		r := core.search_tokens_score(qn, qnk, c.name_tok, c.name_key, 'name', 10, 7, 3, 4, true);
		IF r.hits < cardinality(qn) AND cardinality(c.alias_tok) > 0 THEN
			ra := core.search_tokens_score(qn, qnk, c.alias_tok, c.alias_key, 'alias', 9, 6, 2, 4, true);
			IF ra.score > r.score THEN
				r := ra;
			END IF;
		END IF;
		score := score + r.score;
		reasons := reasons || r.reasons;
	END IF;
	IF cardinality(qa) > 0 THEN
		r := core.search_tokens_score(qa, qak, c.alias_tok, c.alias_key, 'alias', 10, 7, 2, 3, false);
		score := score + r.score;
		reasons := reasons || r.reasons;
	END IF;
	IF cardinality(qr) > 0 THEN
		r := core.search_tokens_score(qr, qrk, c.rel_tok, c.rel_key, rel, 6, 4, 2, 2, false);
		score := score + r.score;
		reasons := reasons || r.reasons;
	END IF;
	IF c.birth_year BETWEEN ylo AND yhi THEN
		score := score + 2;
		reasons := reasons || ('age: born ' || c.birth_year);
	END IF;
	FOREACH w IN ARRAY addr LOOP
		IF w = ANY (c.addr_words) THEN
			score := score + 2;
			reasons := reasons || ('address word sounds like ' || w);
		END IF;
	END LOOP;
	FOREACH w IN ARRAY marks LOOP
		IF w = ANY (c.mark_words) THEN
			score := score + 2;
			reasons := reasons || ('identification mark: ' || w);
		END IF;
	END LOOP;
	IF doc = ANY (c.docs) THEN
		score := score + 10;
		reasons := reasons || ('identity document ' || doc);
	END IF;
	reasons := reasons || filters;
END
$fn$;
COMMENT ON FUNCTION core.search_score(core.person_search, text[], text[], text[], text[], text[], text[], text, int, int,
	text[], text[], text, text[]) IS
	'Score and reasons of a candidate for a parsed person search: name (or alias) tokens, alias, relative, age, address words, marks, document; the filters met are named';

-- ------------------------------------------------------------ the search

-- A SearchPersons request parsed: tokens and keys of the name (S/o, D/o,
-- W/o split off into the relative), alias and relative; address keys, mark
-- words, document; the tags every candidate must carry (filters), the
-- loose tags (name and relative keys, of which all but one must be
-- carried) and the birth-year bands. CT400 naming the field when wrong.
CREATE FUNCTION core.search_parse(state int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['name', 'alias', 'relative_name', 'gender', 'age', 'age_from', 'age_to',
		'district_code', 'station_code', 'address', 'marks', 'document', 'limit', 'mode'];
	nm text;
	rel text;
	rel_kind text;
	sp record;
	n text[];
	r text[];
	a text[];
	addr text[];
	marks text[];
	doc text;
	g text;
	age bigint;
	afrom bigint;
	ato bigint;
	di bigint;
	st bigint;
	lim bigint;
	cur int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	must text[] := '{}';
	loose text[] := '{}';
	linit text[] := '{}';
	q jsonb := '{}';
	mode text;
BEGIN
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the search must be a JSON object (SearchPersons)');
	END IF;
	PERFORM core.j_keys(req, '', keys);
	nm := core.j_str(req -> 'name', 'name', 600, false);
	rel := core.j_str(req -> 'relative_name', 'relative_name', 600, false);
	IF nm IS NOT NULL THEN
		sp := core.name_split(nm);
		nm := sp.name;
		IF sp.relative_name IS NOT NULL THEN
			IF rel IS NOT NULL THEN
				PERFORM core.fir_bad('name', 'name: it names a relative (' || sp.relative_kind
					|| ', after S/o, D/o or W/o) and relative_name is given too: give the relative once');
			END IF;
			rel := sp.relative_name;
			rel_kind := sp.relative_kind;
		END IF;
	END IF;
	n := core.name_tokens(nm);
	a := core.name_tokens(core.j_str(req -> 'alias', 'alias', 600, false));
	r := core.name_tokens(rel);
	IF nm IS NOT NULL AND cardinality(n) = 0 THEN
		PERFORM core.fir_bad('name', 'name: no letters of a name in it (honorifics like Shri or Smt alone are not a name)');
	END IF;
	IF rel IS NOT NULL AND cardinality(r) = 0 THEN
		PERFORM core.fir_bad('relative_name', 'relative_name: no letters of a name in it');
	END IF;
	addr := ARRAY(SELECT DISTINCT core.name_key(w) FROM unnest(core.search_words(
		core.j_str(req -> 'address', 'address', 600, false))) w WHERE w !~ '^[0-9]+$');
	marks := core.search_words(core.j_str(req -> 'marks', 'marks', 600, false));
	doc := core.doc_number_norm(core.j_str(req -> 'document', 'document', 64, false));
	g := core.j_str(req -> 'gender', 'gender', 40, false);
	g := CASE lower(g) WHEN 'male' THEN 'male' WHEN 'gender_male' THEN 'male' WHEN 'female' THEN 'female'
		WHEN 'gender_female' THEN 'female' WHEN 'transgender' THEN 'transgender'
		WHEN 'gender_transgender' THEN 'transgender' WHEN 'unspecified' THEN NULL
		WHEN 'gender_unspecified' THEN NULL ELSE g END;
	IF g NOT IN ('male', 'female', 'transgender') THEN
		PERFORM core.fir_bad('gender', 'gender: one of male, female, transgender');
	END IF;
	age := core.j_uint(req -> 'age', 'age', 120);
	afrom := core.j_uint(req -> 'age_from', 'age_from', 120);
	ato := core.j_uint(req -> 'age_to', 'age_to', 120);
	IF age IS NOT NULL AND (afrom IS NOT NULL OR ato IS NOT NULL) THEN
		PERFORM core.fir_bad('age', 'age: give an age or an age band (age_from, age_to), not both');
	END IF;
	IF afrom IS NOT NULL AND ato IS NOT NULL AND afrom > ato THEN
		PERFORM core.fir_bad('age_to', format('age_to: %s is below age_from %s', ato, afrom));
	END IF;
	di := core.j_uint(req -> 'district_code', 'district_code', 2147483647);
	st := core.j_uint(req -> 'station_code', 'station_code', 2147483647);
	IF di IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ref.district d WHERE d.state_code = state AND d.district_code = di) THEN
		PERFORM core.fir_bad('district_code', format('district_code: no district %s in this state', di));
	END IF;
	IF st IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ref.station s WHERE s.state_code = state AND s.station_code = st
		AND (di IS NULL OR s.district_code = di)) THEN
		PERFORM core.fir_bad('station_code', format('station_code: no station %s in this state%s', st,
			CASE WHEN di IS NOT NULL THEN ' and district' ELSE '' END));
	END IF;
	lim := coalesce(core.j_uint(req -> 'limit', 'limit', 100), 20);
	mode := coalesce(core.j_str(req -> 'mode', 'mode', 20, false), 'phonetic');
	IF mode NOT IN ('phonetic', 'plain') THEN
		PERFORM core.fir_bad('mode', 'mode: phonetic (the default) or plain (trigram similarity of the name, for comparison)');
	END IF;
	IF cardinality(n) = 0 AND cardinality(a) = 0 AND cardinality(r) = 0 AND cardinality(addr) = 0
		AND cardinality(marks) = 0 AND doc IS NULL THEN
		PERFORM core.fir_bad('name', 'give something to search by: a name, alias, relative_name, address, marks or document (gender, age, district and station only narrow a search)');
	END IF;

	-- Loose tags: the key of each written-out token, with its initial
	-- (linit) beside it; a one-letter token (an initial) is a must.
	SELECT coalesce(array_agg(x.tag ORDER BY x.tag), '{}'), coalesce(array_agg(x.init ORDER BY x.tag), '{}')
	INTO loose, linit
	FROM (SELECT DISTINCT 'n:' || k AS tag, 'i:' || left(k, 1) AS init
			FROM unnest(core.name_keys(n) || core.name_keys(a)) k WHERE length(k) > 1
		UNION SELECT DISTINCT 'r:' || k, 'j:' || left(k, 1) FROM unnest(core.name_keys(r)) k WHERE length(k) > 1) x;
	must := ARRAY(SELECT DISTINCT 'i:' || k FROM unnest(core.name_keys(n) || core.name_keys(a)) k WHERE length(k) = 1)
		|| ARRAY(SELECT DISTINCT 'j:' || k FROM unnest(core.name_keys(r)) k WHERE length(k) = 1)
		|| ARRAY(SELECT 'a:' || k FROM unnest(addr) k) || ARRAY(SELECT 'm:' || k FROM unnest(marks) k)
		|| CASE WHEN doc IS NOT NULL THEN ARRAY['d:' || doc] ELSE '{}' END
		|| CASE WHEN di IS NOT NULL THEN ARRAY['D:' || di] ELSE '{}' END
		|| CASE WHEN st IS NOT NULL THEN ARRAY['S:' || st] ELSE '{}' END
		|| CASE WHEN g IS NOT NULL THEN ARRAY['G:' || g] ELSE '{}' END;
	q := jsonb_build_object('n', to_jsonb(n), 'nk', to_jsonb(core.name_keys(n)), 'a', to_jsonb(a),
		'ak', to_jsonb(core.name_keys(a)), 'r', to_jsonb(r), 'rk', to_jsonb(core.name_keys(r)),
		'addr', to_jsonb(addr), 'marks', to_jsonb(marks), 'doc', doc, 'must', to_jsonb(must),
		'loose', to_jsonb(loose), 'linit', to_jsonb(linit), 'limit', lim, 'mode', mode, 'name', nm,
		'relative_word', CASE coalesce(rel_kind, '') WHEN 'husband' THEN 'husband''s name'
			WHEN 'father' THEN 'father''s name' ELSE 'relative''s name' END);
	IF age IS NOT NULL THEN
		q := q || jsonb_build_object('ylo', cur - age - 2, 'yhi', cur - age + 2);
	ELSIF afrom IS NOT NULL OR ato IS NOT NULL THEN
		q := q || jsonb_build_object('ylo', cur - coalesce(ato, 120) - 1, 'yhi', cur - coalesce(afrom, 0));
	END IF;
	IF q ? 'ylo' THEN
		q := q || jsonb_build_object('bands', to_jsonb(core.year_bands((q ->> 'ylo')::int, (q ->> 'yhi')::int) || 'Y:?'::text));
	END IF;
	IF di IS NOT NULL THEN
		q := q || jsonb_build_object('district', (SELECT d.name FROM ref.district d WHERE d.state_code = state AND d.district_code = di));
	END IF;
	IF st IS NOT NULL THEN
		q := q || jsonb_build_object('station', (SELECT s.name FROM ref.station s WHERE s.state_code = state AND s.station_code = st
			AND (di IS NULL OR s.district_code = di) LIMIT 1));
	END IF;
	RETURN q;
END
$fn$;
COMMENT ON FUNCTION core.search_parse(int, jsonb) IS
	'Parse and check a SearchPersons request (JSON): name (S/o, D/o, W/o split off as the relative), alias, relative_name, gender, age or age_from/age_to, district_code, station_code, address, marks, document, limit (1..100, default 20), mode (phonetic, plain). Returns the parsed query core.search_candidates and core.search_score read; CT400 naming the field';

-- Candidates of a parsed query: GIN probes of core.person_search, at most
-- 100 rows each, filters and age bands in every one. A set S of the
-- query's name and relative keys is probed as the pairs of its keys (short
-- posting lists), a single key with every initial of the query. First S =
-- every key, then (with three or more) each key left out once: a token
-- mangled beyond its key, an initial written out, or a token the person
-- does not have. When under 10 were found: with two keys each one alone,
-- with four or more each two left out.
CREATE FUNCTION core.search_candidates(state int, q jsonb, OUT person_id bigint, OUT year smallint)
RETURNS SETOF record
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	must text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'must'));
	loose text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'loose'));
	linit text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'linit'));
	bands text[] := CASE WHEN q ? 'bands' THEN ARRAY(SELECT jsonb_array_elements_text(q -> 'bands')) END;
	n int := cardinality(loose);
	probes jsonb := '[]';
	found int;
BEGIN
	probes := jsonb_build_array(to_jsonb(must || CASE WHEN n >= 2 THEN core.search_pairs(loose)
		ELSE loose || linit END));
	IF n >= 3 THEN
		FOR i IN 1 .. n LOOP
			probes := probes || jsonb_build_array(to_jsonb(must || core.search_pairs(ARRAY(
				SELECT t FROM unnest(loose) WITH ORDINALITY AS x(t, j) WHERE j <> i ORDER BY j))));
		END LOOP;
	END IF;
	RETURN QUERY SELECT DISTINCT c.person_id, c.year FROM core.search_probe(state, probes, bands, 100) c;
	GET DIAGNOSTICS found = ROW_COUNT;
	IF found < 10 AND (n = 2 OR n >= 4) THEN
		probes := '[]';
		IF n = 2 THEN
			probes := jsonb_build_array(to_jsonb(must || loose[1] || linit), to_jsonb(must || loose[2] || linit));
		ELSE
			FOR i IN 1 .. n - 1 LOOP
				FOR k IN i + 1 .. n LOOP
					probes := probes || jsonb_build_array(to_jsonb(must || core.search_pairs(ARRAY(
						SELECT t FROM unnest(loose) WITH ORDINALITY AS x(t, j) WHERE j <> i AND j <> k ORDER BY j))));
				END LOOP;
			END LOOP;
		END IF;
		RETURN QUERY SELECT DISTINCT c.person_id, c.year FROM core.search_probe(state, probes, bands, 50) c;
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.search_candidates(int, jsonb) IS
	'Candidate persons of a parsed search: GIN probes of core.person_search by pairs of the query''s name and relative keys (all keys; with three or more, each left out once; under 10 found: each key alone with the initials for two keys, each two left out for four or more), at most 100 rows a probe, filters and age bands in every probe';

-- The rows of several GIN probes (a JSON array of tag arrays), in one
-- statement: each probe at most lim rows.
CREATE FUNCTION core.search_probe(state int, probes jsonb, bands text[], lim int)
RETURNS TABLE (person_id bigint, year smallint)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT r.person_id, r.year
	FROM jsonb_array_elements(probes) pr
	CROSS JOIN LATERAL (SELECT s.person_id, s.year FROM core.person_search s
		WHERE s.state_code = state AND s.tags @> ARRAY(SELECT jsonb_array_elements_text(pr))
			AND (bands IS NULL OR s.tags && bands)
		LIMIT lim) r
$fn$;
COMMENT ON FUNCTION core.search_probe(int, jsonb, text[], int) IS
	'The persons of the state whose search tags contain each probe''s tags (and one of bands when given), at most lim a probe';

-- The cases of a person: FIR number, station and role, newest first.
CREATE FUNCTION core.person_cases_json(state int, pid bigint, pyear int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(jsonb_agg(x.c ORDER BY x.at DESC, x.link_id DESC), '[]') FROM (
		SELECT jsonb_build_object('fir_number', core.fir_number_text(f.fir_no, f.year), 'role', l.role,
			'station', core.station_identity_json(f.state_code, f.district_code, f.station_code)) AS c,
			l.linked_at AS at, l.link_id
		FROM core.person_link l
		JOIN core.fir f ON f.fir_id = l.fir_id AND f.state_code = l.state_code
		WHERE l.person_id = pid AND l.state_code = state AND l.year = pyear AND l.fir_id IS NOT NULL
		ORDER BY l.linked_at DESC, l.link_id DESC LIMIT 10) x
$fn$;
COMMENT ON FUNCTION core.person_cases_json(int, bigint, int) IS
	'The cases (FIR number, station, role) naming a person, newest first, at most 10';

-- One PersonMatch as JSON.
CREATE FUNCTION core.person_match_json(state int, pid bigint, pyear int, score int, reasons text[]) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object('person_id', p.person_id, 'name', p.name,
		'relative_kind', p.relative_kind, 'relative_name', p.relative_name, 'gender', p.gender,
		'year_of_birth', coalesce(p.year_of_birth, extract(year FROM p.date_of_birth)::int),
		'aliases', nullif(to_jsonb(p.aliases || ARRAY(SELECT a.alias FROM core.person_alias a
			WHERE a.person_id = p.person_id AND a.state_code = p.state_code AND a.year = p.year ORDER BY a.alias_id)), '[]'),
		'address', nullif(concat_ws(', ', p.addr_line1, p.addr_city), ''),
		'score', score, 'reasons', to_jsonb(reasons),
		'cases', nullif(core.person_cases_json(state, pid, pyear), '[]'),
		'created_by', core.station_identity_json(p.state_code, p.district_code, p.station_code)))
	FROM core.person p WHERE p.person_id = pid AND p.state_code = state AND p.year = pyear
$fn$;
COMMENT ON FUNCTION core.person_match_json(int, bigint, int, int, text[]) IS
	'PersonMatch message as JSON: the person, the score and reasons, the cases, the station that made the record';

-- The ranked matches of a parsed query, best first.
CREATE FUNCTION core.search_rank(state int, q jsonb, exclude bigint[])
RETURNS TABLE (person_id bigint, year smallint, score int, reasons text[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	qn text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'n'));
	qnk text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'nk'));
	qa text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'a'));
	qak text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'ak'));
	qr text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'r'));
	qrk text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'rk'));
	addr text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'addr'));
	marks text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'marks'));
	filters text[] := ARRAY(SELECT x FROM unnest(ARRAY['district ' || (q ->> 'district'), 'station ' || (q ->> 'station')]) x
		WHERE x IS NOT NULL);
BEGIN
	RETURN QUERY
	SELECT c.person_id, c.year, sc.score, sc.reasons
	FROM (SELECT DISTINCT x.person_id, x.year FROM core.search_candidates(state, q) x) u
	JOIN core.person_search c ON c.person_id = u.person_id AND c.state_code = state
	CROSS JOIN LATERAL core.search_score(c, qn, qnk, qa, qak, qr, qrk, q ->> 'relative_word',
		(q ->> 'ylo')::int, (q ->> 'yhi')::int, addr, marks, q ->> 'doc', filters) sc
	WHERE c.person_id <> ALL (coalesce(exclude, '{}'))
	ORDER BY sc.score DESC, c.person_id
	LIMIT (q ->> 'limit')::int;
END
$fn$;
COMMENT ON FUNCTION core.search_rank(int, jsonb, bigint[]) IS
	'Ranked matches of a parsed search (core.search_parse), best first, at most its limit, without the persons in exclude';

-- The plain approach, for comparison: trigram similarity of the whole name
-- (pg_trgm, GIN index made by the benchmark), no keys.
CREATE FUNCTION core.search_plain(state int, q jsonb)
RETURNS TABLE (person_id bigint, year smallint, score int, reasons text[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF to_regproc('ext.similarity') IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'mode',
			MESSAGE = 'mode plain needs the pg_trgm extension, which this database does not have';
	END IF;
	IF q ->> 'name' IS NULL THEN
		PERFORM core.fir_bad('name', 'mode plain searches by name only: give a name');
	END IF;
	RETURN QUERY EXECUTE
		'SELECT p.person_id, p.year, (100 * ext.similarity(p.name, $2))::int,
			ARRAY[''trigram similarity '' || round(ext.similarity(p.name, $2)::numeric, 2)]
		FROM core.person p
		WHERE p.state_code = $1 AND p.name OPERATOR(ext.%) $2
		ORDER BY p.name OPERATOR(ext.<->) $2, p.person_id LIMIT $3'
		USING state, q ->> 'name', (q ->> 'limit')::int;
END
$fn$;
COMMENT ON FUNCTION core.search_plain(int, jsonb) IS
	'The plain approach the benchmark compares with: pg_trgm similarity of the typed name to core.person.name (threshold pg_trgm.similarity_threshold, 0.3), nearest first';

CREATE FUNCTION api.search_persons(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	q jsonb;
	res jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	q := core.search_parse(state, req);
	IF q ->> 'mode' = 'plain' THEN
		SELECT coalesce(jsonb_agg(core.person_match_json(state, m.person_id, m.year, m.score, m.reasons)
			ORDER BY m.score DESC, m.person_id), '[]') INTO res
		FROM core.search_plain(state, q) m;
	ELSE
		SELECT coalesce(jsonb_agg(core.person_match_json(state, m.person_id, m.year, m.score, m.reasons)
			ORDER BY m.score DESC, m.person_id), '[]') INTO res
		FROM core.search_rank(state, q, NULL) m;
	END IF;
	RETURN jsonb_build_object('matches', res, 'mode', q ->> 'mode',
		'searched_as', concat_ws('; ',
			'name ' || nullif(array_to_string(ARRAY(SELECT jsonb_array_elements_text(q -> 'n')), ' '), ''),
			'alias ' || nullif(array_to_string(ARRAY(SELECT jsonb_array_elements_text(q -> 'a')), ' '), ''),
			(q ->> 'relative_word') || ' ' || nullif(array_to_string(ARRAY(SELECT jsonb_array_elements_text(q -> 'r')), ' '), ''),
			'keys ' || nullif(array_to_string(ARRAY(SELECT jsonb_array_elements_text(q -> 'loose')), ' '), '')));
END
$fn$;
COMMENT ON FUNCTION api.search_persons(int, int, int, jsonb) IS
	'Search the persons of the whole state (any station may; sealed identities come with issue 5): SearchPersons JSON -> PersonMatches JSON, ranked, each with the reasons it matched and its cases. CT401, CT400 naming the field';

-- ------------------------------------------------------------ duplicates

-- Likely duplicates of a person (person_id of the state) or of a Person not
-- yet recorded (the form asks before saving): the person's name, relative
-- and gender searched with their birth year +- 3, persons marked distinct
-- from them and the person itself left out, only matches scoring 10 or more
-- (more than one weak token).
CREATE FUNCTION api.match_persons(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	p jsonb;
	s jsonb;
	q jsonb;
	born int;
	res jsonb;
	cur int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (MatchPersons)');
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['person_id', 'person', 'limit']);
	pid := core.read_person_id(req -> 'person_id', 'person_id', false);
	IF pid IS NOT NULL THEN
		SELECT jsonb_build_object('name', x.name, 'relative_name', x.relative_name, 'gender', x.gender,
			'year_of_birth', coalesce(x.year_of_birth, extract(year FROM x.date_of_birth)::int)) INTO p
		FROM core.person x WHERE x.person_id = pid AND x.state_code = state;
		IF p IS NULL THEN
			RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'person_id',
				MESSAGE = format('no person %s in this state''s records', pid);
		END IF;
	ELSIF jsonb_typeof(req -> 'person') = 'object' THEN
		p := req -> 'person';
		PERFORM core.j_str(p -> 'name', 'person.name', 600, true);
		PERFORM core.j_str(p -> 'relative_name', 'person.relative_name', 600, false);
	ELSE
		PERFORM core.fir_bad('person_id', 'give person_id (a recorded person) or person (one about to be recorded)');
	END IF;
	s := jsonb_strip_nulls(jsonb_build_object('name', p ->> 'name', 'relative_name', nullif(p ->> 'relative_name', ''),
		'gender', CASE WHEN p ->> 'gender' IN ('male', 'female', 'transgender') THEN p ->> 'gender' END,
		'limit', coalesce(core.j_uint(req -> 'limit', 'limit', 100), 10)));
	born := coalesce(nullif(p ->> 'year_of_birth', '')::int, extract(year FROM nullif(p ->> 'date_of_birth', '')::date)::int);
	IF born IS NOT NULL AND born BETWEEN 1900 AND cur THEN
		s := s || jsonb_build_object('age_from', greatest(cur - born - 3, 0), 'age_to', least(cur - born + 3, 120));
	END IF;
	q := core.search_parse(state, s);
	SELECT coalesce(jsonb_agg(core.person_match_json(state, m.person_id, m.year, m.score, m.reasons)
		ORDER BY m.score DESC, m.person_id), '[]') INTO res
	FROM core.search_rank(state, q || jsonb_build_object('limit', (q ->> 'limit')::int + 20),
		CASE WHEN pid IS NOT NULL THEN ARRAY[pid] || ARRAY(
			SELECT CASE WHEN d.person_a = pid THEN d.person_b ELSE d.person_a END FROM core.person_distinct d
			WHERE d.state_code = state AND (d.person_a = pid OR d.person_b = pid)) END) m
	WHERE m.score >= 10;
	RETURN jsonb_build_object('matches', coalesce((SELECT jsonb_agg(e) FROM (SELECT e FROM jsonb_array_elements(res) e
		LIMIT (q ->> 'limit')::int) x), '[]'), 'mode', 'duplicates');
END
$fn$;
COMMENT ON FUNCTION api.match_persons(int, int, int, jsonb) IS
	'Likely duplicates of a recorded person (person_id) or of a Person about to be recorded (person): name, relative and gender searched with the birth year +- 3, scoring 10 or more, without the person and those marked distinct from them. PersonMatches JSON. CT401, CT400, CT404';

-- The officer of a merge request: number, name and rank, all required.
CREATE FUNCTION core.merge_officer(o jsonb) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM core.j_obj(o, 'officer', ARRAY['number', 'name', 'rank'], true);
	PERFORM core.j_str(o -> 'number', 'officer.number', 50, true);
	PERFORM core.j_str(o -> 'name', 'officer.name', 200, true);
	PERFORM core.j_str(o -> 'rank', 'officer.rank', 50, true);
	RETURN o;
END
$fn$;
COMMENT ON FUNCTION core.merge_officer(jsonb) IS
	'Check the officer named in a merge, unmerge or distinct request (number, name, rank required); that the officer may do it is checked from issue 5 (officer sign-in)';

-- Tables outside the persons record that copy a person_id into their rows
-- (the FIR's persons, petitions, seizures, ...): partitioned parents of
-- schema core with person_id and state_code, and their primary key columns.
CREATE FUNCTION core.person_record_tables() RETURNS TABLE (tbl text, pk text[])
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT c.relname::text, array_agg(a.attname::text ORDER BY k.ord)
	FROM pg_class c
	JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
	CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
	JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
	WHERE c.relnamespace = 'core'::regnamespace AND c.relkind IN ('p', 'r') AND NOT c.relispartition
		AND c.relname NOT IN ('person', 'person_link', 'person_alias', 'person_document', 'person_phone',
			'person_address', 'person_roll', 'person_photo', 'person_search', 'person_merge', 'person_distinct')
		AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.oid AND x.attname = 'person_id' AND NOT x.attisdropped)
		AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.oid AND x.attname = 'state_code' AND NOT x.attisdropped)
	GROUP BY c.relname
	ORDER BY 1
$fn$;
COMMENT ON FUNCTION core.person_record_tables() IS
	'Tables of schema core (parents) outside the persons record that carry person_id and state_code, with their primary key columns: a merge moves their rows and records the keys';

CREATE FUNCTION core.merge_counts(moved jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(jsonb_agg(format('%s %s', n, w)), '[]') FROM (
		SELECT jsonb_array_length(coalesce(moved -> k, '[]')) AS n, w
		FROM (VALUES ('person_link', 'links to records'), ('person_alias', 'aliases'),
			('person_document', 'identity documents'), ('person_phone', 'phone numbers'),
			('person_address', 'addresses'), ('person_roll', 'descriptive rolls'),
			('person_photo', 'photographs'), ('added_aliases', 'names added as aliases')) v(k, w)
		UNION ALL
		SELECT jsonb_array_length(r -> 'rows'), 'rows of ' || (r ->> 'table')
		FROM jsonb_array_elements(coalesce(moved -> 'records', '[]')) r) x
	WHERE n > 0
$fn$;
COMMENT ON FUNCTION core.merge_counts(jsonb) IS 'What a merge moved, counted for a person to read ("3 links to records")';

CREATE FUNCTION api.merge_persons(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keep bigint;
	other bigint;
	ky smallint;
	oy smallint;
	reason text;
	officer jsonb;
	mid bigint;
	m core.person_merge;
	v_moved jsonb := '{}';
	ids jsonb;
	t record;
	rows jsonb;
	recs jsonb := '[]';
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (MergePersons)');
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['keep_person_id', 'other_person_id', 'reason', 'officer']);
	keep := core.read_person_id(req -> 'keep_person_id', 'keep_person_id', true);
	other := core.read_person_id(req -> 'other_person_id', 'other_person_id', true);
	reason := core.j_str(req -> 'reason', 'reason', 1000, true);
	officer := core.merge_officer(req -> 'officer');
	IF keep = other THEN
		PERFORM core.fir_bad('other_person_id', 'other_person_id: a person cannot be merged into itself');
	END IF;
	-- Both locked, lower number first.
	IF keep < other THEN
		ky := core.person_lock(state, keep, 'keep_person_id');
		oy := core.person_lock(state, other, 'other_person_id');
	ELSE
		oy := core.person_lock(state, other, 'other_person_id');
		ky := core.person_lock(state, keep, 'keep_person_id');
	END IF;
	SELECT * INTO m FROM core.person_merge x WHERE x.state_code = state AND x.other_id IN (keep, other) AND x.undone_at IS NULL;
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = CASE WHEN m.other_id = keep THEN 'keep_person_id' ELSE 'other_person_id' END,
			MESSAGE = format('person %s was already merged into person %s (merge %s)%s', m.other_id, m.keep_id, m.merge_id,
				CASE WHEN m.other_id = keep THEN ': merge into person ' || m.keep_id || ' instead' ELSE '' END);
	END IF;
	SELECT * INTO m FROM core.person_merge x WHERE x.state_code = state AND x.keep_id = other AND x.undone_at IS NULL LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'other_person_id',
			MESSAGE = format('person %s has person %s merged into it (merge %s): merge the other way round, or undo that merge first',
				other, m.other_id, m.merge_id);
	END IF;
	IF EXISTS (SELECT 1 FROM core.person_distinct d WHERE d.state_code = state
		AND d.person_a = least(keep, other) AND d.person_b = greatest(keep, other)) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'other_person_id',
			MESSAGE = format('persons %s and %s were marked as different people', keep, other);
	END IF;

	INSERT INTO core.person_merge (state_code, keep_id, keep_year, other_id, other_year, reason, moved,
		district_code, station_code, officer_number, officer_name, officer_rank)
	VALUES (state, keep, ky, other, oy, reason, '{}', district, station,
		officer ->> 'number', officer ->> 'name', officer ->> 'rank')
	RETURNING merge_id INTO mid;

	WITH u AS (UPDATE core.person_link l SET person_id = keep, year = ky
		WHERE l.person_id = other AND l.state_code = state AND l.year = oy
			AND NOT EXISTS (SELECT 1 FROM core.person_link k WHERE k.person_id = keep AND k.state_code = state
				AND k.year = ky AND k.record_kind = l.record_kind AND k.record_year = l.record_year
				AND k.record_id = l.record_id AND k.role = l.role)
		RETURNING l.link_id)
	SELECT coalesce(jsonb_agg(link_id ORDER BY link_id), '[]') INTO ids FROM u;
	v_moved := v_moved || jsonb_build_object('person_link', ids);
	WITH u AS (UPDATE core.person_alias l SET person_id = keep, year = ky
		WHERE l.person_id = other AND l.state_code = state AND l.year = oy
			AND NOT EXISTS (SELECT 1 FROM core.person_alias k WHERE k.person_id = keep AND k.state_code = state
				AND k.year = ky AND k.alias = l.alias)
		RETURNING l.alias_id)
	SELECT coalesce(jsonb_agg(alias_id ORDER BY alias_id), '[]') INTO ids FROM u;
	v_moved := v_moved || jsonb_build_object('person_alias', ids);
	WITH u AS (UPDATE core.person_document l SET person_id = keep, year = ky
		WHERE l.person_id = other AND l.state_code = state AND l.year = oy
			AND NOT EXISTS (SELECT 1 FROM core.person_document k WHERE k.person_id = keep AND k.state_code = state
				AND k.year = ky AND k.kind = l.kind AND k.number = l.number)
		RETURNING l.document_id)
	SELECT coalesce(jsonb_agg(document_id ORDER BY document_id), '[]') INTO ids FROM u;
	v_moved := v_moved || jsonb_build_object('person_document', ids);
	WITH u AS (UPDATE core.person_phone l SET person_id = keep, year = ky
		WHERE l.person_id = other AND l.state_code = state AND l.year = oy
			AND NOT EXISTS (SELECT 1 FROM core.person_phone k WHERE k.person_id = keep AND k.state_code = state
				AND k.year = ky AND k.number = l.number)
		RETURNING l.phone_id)
	SELECT coalesce(jsonb_agg(phone_id ORDER BY phone_id), '[]') INTO ids FROM u;
	v_moved := v_moved || jsonb_build_object('person_phone', ids);
	WITH u AS (UPDATE core.person_address l SET person_id = keep, year = ky
		WHERE l.person_id = other AND l.state_code = state AND l.year = oy RETURNING l.address_id)
	SELECT coalesce(jsonb_agg(address_id ORDER BY address_id), '[]') INTO ids FROM u;
	v_moved := v_moved || jsonb_build_object('person_address', ids);
	WITH u AS (UPDATE core.person_roll l SET person_id = keep, year = ky
		WHERE l.person_id = other AND l.state_code = state AND l.year = oy RETURNING l.roll_id)
	SELECT coalesce(jsonb_agg(roll_id ORDER BY roll_id), '[]') INTO ids FROM u;
	v_moved := v_moved || jsonb_build_object('person_roll', ids);
	-- Photographs take the next numbers of the person kept (at most 20; the
	-- same image once): [old number, new number].
	WITH src AS (
		SELECT o.photo_no, (SELECT coalesce(max(k.photo_no), 0) FROM core.person_photo k
			WHERE k.person_id = keep AND k.state_code = state AND k.year = ky)
			+ row_number() OVER (ORDER BY o.photo_no) AS new_no
		FROM core.person_photo o
		WHERE o.person_id = other AND o.state_code = state AND o.year = oy
			AND NOT EXISTS (SELECT 1 FROM core.person_photo k WHERE k.person_id = keep AND k.state_code = state
				AND k.year = ky AND k.sha256 = o.sha256)
	), u AS (UPDATE core.person_photo l SET person_id = keep, year = ky, photo_no = s.new_no
		FROM src s
		WHERE l.person_id = other AND l.state_code = state AND l.year = oy AND l.photo_no = s.photo_no AND s.new_no <= 20
		RETURNING s.photo_no AS old_no, s.new_no)
	SELECT coalesce(jsonb_agg(jsonb_build_array(old_no, new_no) ORDER BY old_no), '[]') INTO ids FROM u;
	v_moved := v_moved || jsonb_build_object('person_photo', ids);
	-- The other record's name and first aliases become aliases of the person kept.
	WITH u AS (INSERT INTO core.person_alias (state_code, year, person_id, alias, district_code, station_code,
			officer_number, officer_name, officer_rank)
		SELECT DISTINCT state, ky, keep, a, district, station, officer ->> 'number', officer ->> 'name', officer ->> 'rank'
		FROM core.person o, unnest(o.name || o.aliases) a
		WHERE o.person_id = other AND o.state_code = state AND o.year = oy
			AND NOT EXISTS (SELECT 1 FROM core.person k WHERE k.person_id = keep AND k.state_code = state AND k.year = ky
				AND (k.name = a OR a = ANY (k.aliases)))
		ON CONFLICT DO NOTHING
		RETURNING alias_id)
	SELECT coalesce(jsonb_agg(alias_id ORDER BY alias_id), '[]') INTO ids FROM u;
	v_moved := v_moved || jsonb_build_object('added_aliases', ids);
	-- Records outside the persons record that carry the person's number.
	FOR t IN SELECT * FROM core.person_record_tables() LOOP
		EXECUTE format('WITH u AS (UPDATE core.%I t SET person_id = $1 WHERE t.person_id = $2 AND t.state_code = $3 RETURNING %s) '
			'SELECT jsonb_agg(to_jsonb(u)) FROM u', t.tbl,
			(SELECT string_agg(format('t.%I', c), ', ') FROM unnest(t.pk) c))
			INTO rows USING keep, other, state;
		IF rows IS NOT NULL THEN
			recs := recs || jsonb_build_array(jsonb_build_object('table', t.tbl, 'rows', rows));
		END IF;
	END LOOP;
	v_moved := v_moved || jsonb_build_object('records', recs);

	UPDATE core.person_merge x SET moved = v_moved WHERE x.merge_id = mid;
	PERFORM core.person_search_refresh(jsonb_build_array(jsonb_build_array(keep, state, ky), jsonb_build_array(other, state, oy)));
	RETURN jsonb_build_object('merge_id', mid, 'keep_person_id', keep, 'other_person_id', other, 'action', 'merged',
		'moved', core.merge_counts(v_moved), 'at', core.ist_text(date_trunc('second', now())));
END
$fn$;
COMMENT ON FUNCTION api.merge_persons(int, int, int, jsonb) IS
	'Merge two records of one person (MergePersons JSON: keep_person_id, other_person_id, reason, officer): every link, alias, document, phone, address, descriptive roll and photograph of the other moves to the one kept (what the kept one already has stays with the other), the other''s name becomes an alias, rows of other tables carrying the other''s number follow; all recorded in core.person_merge. The other is no longer searched. The officer is recorded; the permission check comes with issue 5. PersonMergeReceipt JSON. CT401, CT400, CT404, CT409 already merged, merged the other way, or marked distinct';

CREATE FUNCTION api.unmerge_persons(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	mid bigint;
	officer jsonb;
	v_reason text;
	m core.person_merge;
	r jsonb;
	cols text[];
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (UnmergePersons)');
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['merge_id', 'reason', 'officer']);
	mid := core.j_uint(req -> 'merge_id', 'merge_id', 999999999999999999);
	IF mid IS NULL THEN
		PERFORM core.fir_bad('merge_id', 'merge_id is required: the merge number cctns person merge printed');
	END IF;
	v_reason := core.j_str(req -> 'reason', 'reason', 1000, false);
	officer := core.merge_officer(req -> 'officer');
	SELECT * INTO m FROM core.person_merge x WHERE x.merge_id = mid AND x.state_code = state FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'merge_id', MESSAGE = format('no merge %s in this state', mid);
	END IF;
	IF m.undone_at IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'merge_id',
			MESSAGE = format('merge %s was already undone on %s', mid, core.ist_text(date_trunc('second', m.undone_at)));
	END IF;
	IF EXISTS (SELECT 1 FROM core.person_merge x WHERE x.state_code = state AND x.other_id = m.keep_id AND x.undone_at IS NULL) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'merge_id',
			MESSAGE = format('person %s has since been merged into another person: undo that merge first', m.keep_id);
	END IF;
	IF m.keep_id < m.other_id THEN
		PERFORM core.person_lock(state, m.keep_id, 'merge_id');
		PERFORM core.person_lock(state, m.other_id, 'merge_id');
	ELSE
		PERFORM core.person_lock(state, m.other_id, 'merge_id');
		PERFORM core.person_lock(state, m.keep_id, 'merge_id');
	END IF;

	DELETE FROM core.person_alias a WHERE a.person_id = m.keep_id AND a.state_code = state AND a.year = m.keep_year
		AND a.alias_id IN (SELECT (jsonb_array_elements_text(m.moved -> 'added_aliases'))::bigint);
	UPDATE core.person_link l SET person_id = m.other_id, year = m.other_year
	WHERE l.person_id = m.keep_id AND l.state_code = state AND l.year = m.keep_year
		AND l.link_id IN (SELECT (jsonb_array_elements_text(m.moved -> 'person_link'))::bigint);
	UPDATE core.person_alias l SET person_id = m.other_id, year = m.other_year
	WHERE l.person_id = m.keep_id AND l.state_code = state AND l.year = m.keep_year
		AND l.alias_id IN (SELECT (jsonb_array_elements_text(m.moved -> 'person_alias'))::bigint);
	UPDATE core.person_document l SET person_id = m.other_id, year = m.other_year
	WHERE l.person_id = m.keep_id AND l.state_code = state AND l.year = m.keep_year
		AND l.document_id IN (SELECT (jsonb_array_elements_text(m.moved -> 'person_document'))::bigint);
	UPDATE core.person_phone l SET person_id = m.other_id, year = m.other_year
	WHERE l.person_id = m.keep_id AND l.state_code = state AND l.year = m.keep_year
		AND l.phone_id IN (SELECT (jsonb_array_elements_text(m.moved -> 'person_phone'))::bigint);
	UPDATE core.person_address l SET person_id = m.other_id, year = m.other_year
	WHERE l.person_id = m.keep_id AND l.state_code = state AND l.year = m.keep_year
		AND l.address_id IN (SELECT (jsonb_array_elements_text(m.moved -> 'person_address'))::bigint);
	UPDATE core.person_roll l SET person_id = m.other_id, year = m.other_year
	WHERE l.person_id = m.keep_id AND l.state_code = state AND l.year = m.keep_year
		AND l.roll_id IN (SELECT (jsonb_array_elements_text(m.moved -> 'person_roll'))::bigint);
	UPDATE core.person_photo l SET person_id = m.other_id, year = m.other_year, photo_no = (p ->> 0)::smallint
	FROM jsonb_array_elements(m.moved -> 'person_photo') p
	WHERE l.person_id = m.keep_id AND l.state_code = state AND l.year = m.keep_year AND l.photo_no = (p ->> 1)::smallint;
	FOR r IN SELECT jsonb_array_elements(m.moved -> 'records') LOOP
		SELECT array_agg(k ORDER BY k) INTO cols FROM jsonb_object_keys(r #> '{rows,0}') k;
		EXECUTE format('UPDATE core.%I t SET person_id = $1 FROM jsonb_populate_recordset(NULL::core.%I, $2) x '
			'WHERE t.person_id = $3 AND t.state_code = $4 AND %s', r ->> 'table', r ->> 'table',
			(SELECT string_agg(format('t.%I = x.%I', c, c), ' AND ') FROM unnest(cols) c))
			USING m.other_id, r -> 'rows', m.keep_id, state;
	END LOOP;

	UPDATE core.person_merge x SET undone_at = now(), undone_district_code = district, undone_station_code = station,
		undone_officer_number = officer ->> 'number', undone_officer_name = officer ->> 'name',
		undone_officer_rank = officer ->> 'rank', undone_reason = v_reason
	WHERE x.merge_id = mid;
	PERFORM core.person_search_refresh(jsonb_build_array(jsonb_build_array(m.keep_id, state, m.keep_year),
		jsonb_build_array(m.other_id, state, m.other_year)));
	RETURN jsonb_build_object('merge_id', mid, 'keep_person_id', m.keep_id, 'other_person_id', m.other_id,
		'action', 'unmerged', 'moved', core.merge_counts(m.moved), 'at', core.ist_text(date_trunc('second', now())));
END
$fn$;
COMMENT ON FUNCTION api.unmerge_persons(int, int, int, jsonb) IS
	'Undo a merge (UnmergePersons JSON: merge_id, reason, officer): exactly what it moved goes back to the other person, the aliases it added are removed, the other person is searched again. PersonMergeReceipt JSON. CT401, CT400, CT404 no such merge, CT409 already undone or the kept person merged since';

CREATE FUNCTION api.mark_persons_distinct(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	a bigint;
	b bigint;
	officer jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (MarkPersonsDistinct)');
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['person_a', 'person_b', 'reason', 'officer']);
	a := core.read_person_id(req -> 'person_a', 'person_a', true);
	b := core.read_person_id(req -> 'person_b', 'person_b', true);
	officer := core.merge_officer(req -> 'officer');
	IF a = b THEN
		PERFORM core.fir_bad('person_b', 'person_b: the same person as person_a');
	END IF;
	PERFORM core.person_lock(state, a, 'person_a');
	PERFORM core.person_lock(state, b, 'person_b');
	INSERT INTO core.person_distinct (state_code, person_a, person_b, reason, district_code, station_code,
		officer_number, officer_name, officer_rank)
	VALUES (state, least(a, b), greatest(a, b), core.j_str(req -> 'reason', 'reason', 1000, false), district, station,
		officer ->> 'number', officer ->> 'name', officer ->> 'rank')
	ON CONFLICT DO NOTHING;
	RETURN jsonb_build_object('keep_person_id', least(a, b), 'other_person_id', greatest(a, b), 'action', 'distinct',
		'at', core.ist_text(date_trunc('second', (SELECT d.marked_at FROM core.person_distinct d
			WHERE d.state_code = state AND d.person_a = least(a, b) AND d.person_b = greatest(a, b)))));
END
$fn$;
COMMENT ON FUNCTION api.mark_persons_distinct(int, int, int, jsonb) IS
	'Mark two persons as different people (MarkPersonsDistinct JSON: person_a, person_b, reason, officer): they are never proposed as duplicates of each other again; marking again changes nothing. PersonMergeReceipt JSON (action distinct). CT401, CT400, CT404';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.search_persons(int, int, int, jsonb), api.match_persons(int, int, int, jsonb),
	api.merge_persons(int, int, int, jsonb), api.unmerge_persons(int, int, int, jsonb),
	api.mark_persons_distinct(int, int, int, jsonb)
	TO cctns_server;

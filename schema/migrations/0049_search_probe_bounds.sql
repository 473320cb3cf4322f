-- 0049_search_probe_bounds.sql (search, issue 4): the person search runs
-- the probes after the first only when they can still change the answer
-- and are not a dense sample.
--
-- Measured at 10,000,000 persons (tests/bench/search, the 544 queries asked
-- inside PostgreSQL with tests/bench/search_inside.sql and per stage): of a
-- search's ~20 ms (p50) the candidates (core.search_candidates, the GIN
-- probes and their quick ranking) took ~13 ms, p95 ~55 ms; the scoring of
-- the candidates ~3 ms; the matches' JSON and sealing ~3 ms. The slowest
-- were not the first probe (every key of the query as pairs: short posting
-- lists) but those after it: with three keys or more each key left out
-- once, and when fewer than 10 were found each key alone with the initials
-- of the others (i:S, j:S: a third of the register each) and the age bands
-- (Y:2000: 8% of it). A probe whose every tag is that common makes the GIN
-- index meet posting lists of 100,000s of rows (EXPLAIN (ANALYZE,
-- BUFFERS): 3,900 buffers, 170 ms for {i:s, r:sa, i:m, j:s} with three
-- age bands), and what it hands on is the first 200 of 1,000s of rows in
-- the table's physical order, a sample that rarely holds the person asked
-- for.
--
-- Now core.search_rank scores the first probe's candidates before any
-- other probe, and a later probe is skipped when
--   * it cannot reach the answer: the best score a person it could find
--     may have (every query token spelled as typed, but the tokens of the
--     keys it leaves out at best an initial: name 10 -> 3, alias 10 -> 2,
--     relative 6 -> 2; age, address, marks and document as asked; a
--     person's extra tokens only cost) is below the score of the limit-th
--     candidate already scored (core.search_probe_bound). Exact: such a
--     person could not be in the answer, whatever the ties;
--   * or it is dense: every tag it asks the GIN index for is among the
--     most common elements of the state's core.person_search tags that
--     ANALYZE (autovacuum) keeps in pg_stats, each on more than 20,000
--     rows (core.search_dense_tags; cctns.search_dense_rows, when a
--     session sets it, for another count). No new table: PostgreSQL's own
--     statistics of the tags are the frequency table, kept by ANALYZE;
--     without statistics (never analysed) no probe is dense and the
--     search is 0042's.
-- The first probe reads up to 1,000 rows, not 2,000 (0036): a probe that
-- matches more is a common name with little else (the heap reads of its
-- rows, 2-10 us each, were most of such a search); at 10M the 544 queries
-- gave every target the same rank with 1,000 and with 500 as with 2,000
-- (0036's check of 501 namesakes needs more than 500).
-- And every probe leaves out of its GIN condition the initials its own keys
-- imply (core.search_lean_tags: n:RMS is always with i:r): the same rows,
-- one long posting list fewer ({i:j, n:mn, i:m} -> {i:j, n:mn}: 870 -> 274
-- index buffers at 10M).
-- The first probe always runs; the scores, their order and reasons are
-- unchanged (core.search_score, 0042's order of equal scores).
-- core.seal_matches (0030) asks whether a match is sealed only for the
-- matches a FIR links at all (one read of core.person_link for the ten).

-- One scored candidate of a search.
CREATE TYPE core.search_hit AS (
	person_id bigint,
	year smallint,
	score int,
	reasons text[],
	likeness real,
	born_off numeric
);
COMMENT ON TYPE core.search_hit IS
	'A scored candidate of a person search (core.search_rank, 0049): person, record year, score and reasons (core.search_score), likeness of the spellings (core.spelling_likeness of name and relative) and distance of the year of birth from the age asked, for the order of equal scores';
COMMENT ON COLUMN core.search_hit.person_id IS 'The person';
COMMENT ON COLUMN core.search_hit.year IS 'Year (partition) of the person record';
COMMENT ON COLUMN core.search_hit.score IS 'core.search_score of the person for the query';
COMMENT ON COLUMN core.search_hit.reasons IS 'Why it matched (core.search_score)';
COMMENT ON COLUMN core.search_hit.likeness IS 'Likeness of the spellings of name and relative to the query''s (orders equal scores, 0042)';
COMMENT ON COLUMN core.search_hit.born_off IS 'Years between the year of birth and the middle of the age asked (NULL: unknown), after the likeness';

-- The tags of the state's search rows that are on more than min_rows rows,
-- by the statistics ANALYZE keeps (pg_stats.most_common_elems of
-- core.person_search_<state>.tags; reltuples for the row count).
CREATE FUNCTION core.search_dense_tags(state int, min_rows float8) RETURNS text[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	res text[];
BEGIN
	SELECT coalesce(array_agg(x.e), '{}') INTO res
	FROM pg_stats s
	JOIN pg_class c ON c.relname = s.tablename AND c.relnamespace = 'core'::regnamespace
	CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) x (e, f)
	WHERE s.schemaname = 'core' AND s.tablename = 'person_search_' || state AND s.attname = 'tags'
		AND x.e IS NOT NULL AND x.f * c.reltuples > min_rows;
	RETURN res;
END
$fn$;
COMMENT ON FUNCTION core.search_dense_tags(int, float8) IS
	'Tags of core.person_search_<state> on more than min_rows rows by the statistics of ANALYZE (pg_stats most common elements of tags, times reltuples); empty when the partition has no statistics. A probe asking only for such tags is dense (0049)';

-- The best score a person found by a probe that leaves out the keys in
-- dropped (loose tags n:KEY / r:KEY) may have for a parsed query: every
-- query token spelled as typed (name and alias 10, relative 6) but the
-- tokens whose key is left out, at best an initial (name 3, alias 2,
-- relative 2); +2 for an age asked, +2 each address word and mark, +10 a
-- document (all in every probe); a person's extra tokens only cost.
CREATE FUNCTION core.search_probe_bound(q jsonb, dropped text[]) RETURNS int
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT (SELECT coalesce(sum(CASE WHEN 'n:' || k = ANY (dropped) THEN 3 ELSE 10 END), 0)
			FROM jsonb_array_elements_text(q -> 'nk') k)::int
		+ (SELECT coalesce(sum(CASE WHEN 'n:' || k = ANY (dropped) THEN 2 ELSE 10 END), 0)
			FROM jsonb_array_elements_text(q -> 'ak') k)::int
		+ (SELECT coalesce(sum(CASE WHEN 'r:' || k = ANY (dropped) THEN 2 ELSE 6 END), 0)
			FROM jsonb_array_elements_text(q -> 'rk') k)::int
		+ CASE WHEN q ? 'ylo' THEN 2 ELSE 0 END
		+ 2 * jsonb_array_length(coalesce(q -> 'addr', '[]')) + 2 * jsonb_array_length(coalesce(q -> 'marks', '[]'))
		+ CASE WHEN q ->> 'doc' IS NOT NULL THEN 10 ELSE 0 END
$fn$;
COMMENT ON FUNCTION core.search_probe_bound(jsonb, text[]) IS
	'Upper bound of core.search_score for a person a probe leaving out the loose keys dropped can find (those tokens at best an initial: name 3, alias 2, relative 2; the rest as typed: 10, 10, 6; age, address words, marks, document as asked); a probe whose bound is below the limit-th score already found cannot change the answer (0049)';

-- The tags of a probe without the initials its keys already imply: every
-- n:KEY (and each key of a pair p:n:A|n:B) comes with i:<first letter of
-- KEY>, every r:KEY with j:<first letter>, so asking the GIN index for them
-- as well finds the same rows, but meets one more long posting list (i:s is
-- on a third of the register).
CREATE FUNCTION core.search_lean_tags(tags text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
	SELECT ARRAY(SELECT u.t FROM unnest(tags) WITH ORDINALITY u (t, o)
		WHERE u.t !~ '^[ij]:' OR u.t <> ALL (ARRAY(
			SELECT CASE pg_catalog.left(k, 2) WHEN 'n:' THEN 'i:' ELSE 'j:' END || pg_catalog.substr(k, 3, 1)
			FROM unnest(tags) x,
				unnest(CASE WHEN x LIKE 'p:%' THEN pg_catalog.string_to_array(pg_catalog.substr(x, 3), '|') ELSE ARRAY[x] END) k
			WHERE k ~ '^[nr]:.'))
		ORDER BY u.o)
$fn$;
COMMENT ON FUNCTION core.search_lean_tags(text[]) IS
	'The tags of a person search probe without the i:/j: initials implied by its n:/r: keys and pairs (a key''s tag always comes with its initial''s): the same rows, one long posting list fewer for the GIN index (0049)';

-- The ranked matches of a parsed query: 0042's candidates and order, the
-- probes after the first run only when they may change the answer and are
-- not dense (see the head of this file).
CREATE OR REPLACE FUNCTION core.search_rank(state int, q jsonb, exclude bigint[])
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
	must text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'must'));
	loose text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'loose'));
	linit text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'linit'));
	bands text[] := CASE WHEN q ? 'bands' THEN ARRAY(SELECT jsonb_array_elements_text(q -> 'bands')) END;
	ylo int := (q ->> 'ylo')::int;
	yhi int := (q ->> 'yhi')::int;
	mid numeric := ((q ->> 'ylo')::int + (q ->> 'yhi')::int) / 2.0;
	qs text := array_to_string(qn || qa, ' ');
	qrs text := array_to_string(qr, ' ');
	lim int := (q ->> 'limit')::int;
	n int := cardinality(loose);
	hits core.search_hit[] := '{}';
	seen bigint[] := '{}';
	ids bigint[];
	yrs smallint[];
	probes jsonb;
	tags text[];
	dense text[];
	found int;
	sl int;
	-- Rows above which a tag is dense (cctns.search_dense_rows: a session may
	-- set it, the checks do; 20,000 when not set).
	dmin float8 := coalesce(nullif(current_setting('cctns.search_dense_rows', true), '')::float8, 20000);
BEGIN
	-- First every key: all its rows (up to 1,000; 0036: 2,000) ranked, the best 100.
	SELECT coalesce(array_agg(c.person_id), '{}'), coalesce(array_agg(c.year), '{}') INTO ids, yrs
	FROM core.search_probe_ranked(state,
		jsonb_build_array(to_jsonb(core.search_lean_tags(must || CASE WHEN n >= 2 THEN core.search_pairs(loose)
			ELSE loose || linit END))),
		bands, 100, 1000, qn || qa, qr, ylo, yhi) c;
	found := cardinality(ids);
	FOR stage IN 1 .. 2 LOOP
		-- Score the candidates not scored yet.
		hits := hits || ARRAY(SELECT ROW(c.person_id, c.year, sc.score, sc.reasons,
				core.spelling_likeness(array_to_string(c.name_tok || c.alias_tok, ' '), qs)
					+ CASE WHEN qrs <> '' THEN core.spelling_likeness(array_to_string(c.rel_tok, ' '), qrs) ELSE 0 END,
				abs(c.birth_year - mid))::core.search_hit
			FROM (SELECT DISTINCT u.pid, u.yr FROM unnest(ids, yrs) u (pid, yr) WHERE u.pid <> ALL (seen)) u
			JOIN core.person_search c ON c.person_id = u.pid AND c.state_code = state
			CROSS JOIN LATERAL core.search_score(c, qn, qnk, qa, qak, qr, qrk, q ->> 'relative_word',
				ylo, yhi, addr, marks, q ->> 'doc', filters) sc
			WHERE c.person_id <> ALL (coalesce(exclude, '{}')));
		seen := seen || ids;
		EXIT WHEN stage = 2;
		-- The limit-th best score so far (NULL: fewer found).
		sl := (SELECT h.score FROM unnest(hits) h ORDER BY h.score DESC LIMIT 1 OFFSET lim - 1);
		ids := '{}';
		yrs := '{}';
		-- With three or more keys each left out once: the best 100 of 400 rows.
		IF n >= 3 THEN
			probes := '[]';
			FOR i IN 1 .. n LOOP
				CONTINUE WHEN sl IS NOT NULL AND core.search_probe_bound(q, ARRAY[loose[i]]) < sl;
				tags := core.search_lean_tags(must || core.search_pairs(ARRAY(
					SELECT t FROM unnest(loose) WITH ORDINALITY AS x(t, j) WHERE j <> i ORDER BY j)));
				dense := coalesce(dense, core.search_dense_tags(state, dmin));
				CONTINUE WHEN tags <@ dense;
				probes := probes || jsonb_build_array(to_jsonb(tags));
			END LOOP;
			IF jsonb_array_length(probes) > 0 THEN
				SELECT coalesce(array_agg(c.person_id), '{}'), coalesce(array_agg(c.year), '{}') INTO ids, yrs
				FROM (SELECT DISTINCT c.person_id, c.year FROM core.search_probe_ranked(state, probes, bands, 100, 400,
					qn || qa, qr, ylo, yhi) c) c;
				found := found + cardinality(ids);
			END IF;
		END IF;
		-- Under 10 found: each key alone with the initials for two keys, each
		-- two left out for four or more, the best 50 of 200 rows.
		IF found < 10 AND (n = 2 OR n >= 4) THEN
			probes := '[]';
			IF n = 2 THEN
				FOR m IN 1 .. 2 LOOP
					CONTINUE WHEN sl IS NOT NULL AND core.search_probe_bound(q, ARRAY[loose[3 - m]]) < sl;
					tags := core.search_lean_tags(must || loose[m] || linit);
					dense := coalesce(dense, core.search_dense_tags(state, dmin));
					CONTINUE WHEN tags <@ dense;
					probes := probes || jsonb_build_array(to_jsonb(tags));
				END LOOP;
			ELSE
				FOR i IN 1 .. n - 1 LOOP
					FOR k IN i + 1 .. n LOOP
						CONTINUE WHEN sl IS NOT NULL AND core.search_probe_bound(q, ARRAY[loose[i], loose[k]]) < sl;
						tags := core.search_lean_tags(must || core.search_pairs(ARRAY(
							SELECT t FROM unnest(loose) WITH ORDINALITY AS x(t, j) WHERE j <> i AND j <> k ORDER BY j)));
						dense := coalesce(dense, core.search_dense_tags(state, dmin));
						CONTINUE WHEN tags <@ dense;
						probes := probes || jsonb_build_array(to_jsonb(tags));
					END LOOP;
				END LOOP;
			END IF;
			IF jsonb_array_length(probes) > 0 THEN
				SELECT ids || coalesce(array_agg(c.person_id), '{}'), yrs || coalesce(array_agg(c.year), '{}') INTO ids, yrs
				FROM (SELECT DISTINCT c.person_id, c.year FROM core.search_probe_ranked(state, probes, bands, 50, 200,
					qn || qa, qr, ylo, yhi) c) c;
			END IF;
		END IF;
	END LOOP;
	RETURN QUERY
	SELECT h.person_id, h.year, h.score, h.reasons
	FROM unnest(hits) h
	ORDER BY h.score DESC, h.likeness DESC, h.born_off NULLS LAST, h.person_id
	LIMIT lim;
END
$fn$;
COMMENT ON FUNCTION core.search_rank(int, jsonb, bigint[]) IS
	'Ranked matches of a parsed search (core.search_parse), best first (equal scores: the likeness of the spellings, then the year of birth nearest the age asked, then person_id; 0042), at most its limit, without the persons in exclude. Candidates as core.search_candidates (0036), but the first probe reads up to 1,000 rows (not 2,000), its candidates are scored first and a later probe runs only when its bound (core.search_probe_bound) reaches the limit-th score found and not every tag it asks for is dense (core.search_dense_tags, more than 20,000 rows or the session''s cctns.search_dense_rows): 0049';

-- The matches of a search without the sealed persons the officer may not
-- see: 0030's, but core.may_see_person (core.person_seals: a join of the
-- person, their case links and the FIRs, per match) is asked only for the
-- matches linked to a case at all, found in one read of core.person_link;
-- a person no FIR names is sealed by nothing. Same answers; at 10M most
-- of the ~1.6 ms the ten calls cost went.
CREATE OR REPLACE FUNCTION core.seal_matches(state int, j jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	kept jsonb := '[]';
	m jsonb;
	v record;
	linked bigint[];
BEGIN
	IF j IS NULL OR jsonb_typeof(j -> 'matches') IS DISTINCT FROM 'array' THEN
		RETURN j;
	END IF;
	linked := ARRAY(SELECT DISTINCT l.person_id FROM core.person_link l
		WHERE l.state_code = state AND l.fir_id IS NOT NULL
			AND l.person_id = ANY (ARRAY(SELECT core.req_person_id(e) FROM jsonb_array_elements(j -> 'matches') e)));
	FOR m IN SELECT e FROM jsonb_array_elements(j -> 'matches') e LOOP
		IF core.req_person_id(m) = ANY (linked) THEN
			SELECT * INTO v FROM core.may_see_person(state, core.req_person_id(m));
			CONTINUE WHEN v.sealed_by IS NOT NULL AND NOT v.allowed;
		END IF;
		kept := kept || jsonb_build_array(m);
	END LOOP;
	RETURN jsonb_set(j, '{matches}', kept);
END
$fn$;
COMMENT ON FUNCTION core.seal_matches(int, jsonb) IS
	'PersonMatches JSON without the sealed persons the signed-in officer may not see (core.may_see_person, asked only for the matches a FIR links at all: 0049)';

REVOKE ALL ON FUNCTION core.search_dense_tags(int, float8), core.search_probe_bound(jsonb, text[]),
	core.search_lean_tags(text[]) FROM PUBLIC;

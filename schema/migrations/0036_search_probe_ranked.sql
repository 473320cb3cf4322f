-- 0036_search_probe_ranked.sql: the person search's first GIN probe (every
-- name and relative key of the query, the district, gender and age bands)
-- hands ALL its rows to a cheap ranking, not the first 4 x 100 the index
-- gives back in physical order (0033).
--
-- Found by the benchmark at 10,000,000 persons (tests/bench/search; bench's
-- report, slice 8): recall@10 fell to 61.2% (90.0% with a father's name).
-- The GIN probe itself already asks for exactly the combined condition: all
-- the pairs of the query's name and relative keys (p:n:A|r:B ...), the
-- district (D:), gender (G:) and the birth-year bands (Y:, by &&) are index
-- conditions of one bitmap scan, so the set of rows it finds is exact. What
-- cut the right person was the LIMIT after it: 0033 read at most 4 x 100 of
-- those rows in the table's physical order and kept the 100 with the most
-- tokens spelled as typed; at 10M a popular name with its father's name
-- matches thousands, and the person asked for was often not among the first
-- 400 read. More tags cannot fix that (the probe is already exact); reading
-- the rows in a better order can.
--
-- Now the first probe reads every row the index gives, up to 2,000 (at
-- 1,000,000 persons the first probe of the benchmark's queries with a
-- relative matched at most 47 rows, 95% under 15; with an age or district
-- but no relative at most 726, 95% under 78; ten times that at 10M), ranks
-- them by a quick score, a few array comparisons close to core.search_score
-- (+3 a name or alias token spelled as typed, +2 a relative's token spelled
-- as typed, -1 a token of the person's name, or relative's name when one is
-- asked, beyond the query's count, +2 born in the asked age range), ties by
-- person_id as the final ranking breaks them, and keeps the best 100 for
-- core.search_score. The leave-one-out probes (a key mangled beyond
-- recognition) keep 0033's window of 4 x 100, ranked the same way. A common
-- name alone (95% of the name-only queries matched under 942 rows at 1M,
-- the largest 13,158) still reads at most 2,000: no ranking tells thousands
-- of namesakes apart, and reading them costs 2-3 us a row. Measured at 1M
-- (544 queries inside PostgreSQL): recall unchanged (the probes there
-- rarely exceed 400 rows), p95 13-14 ms as before.
--
-- At 10,000,000 persons (tests/bench/search, through the server, this
-- probe with ties still by person_id): p95 34.0 ms (bench: 39.9), recall@10
-- name 15.3% (15.3), details 78.6% (78.9), hand 86.4% (77.3), all 61.8%
-- (61.2). The 75 details misses looked at one by one with the search's own
-- score over every row of the first probe: none was a ranking fault any
-- more; 12 had a token mangled beyond its key (not in the first probe), 15
-- had ten or more namesakes scoring higher (spelled as the mangled query
-- is), 48 were namesakes with exactly the same score, ordered by person_id.
-- So core.search_rank below orders equal scores by the year of birth
-- nearest the age asked: asked again inside PostgreSQL on the same 10M
-- database, details 78.6% -> 82.3% (age or district without a relative
-- 65.2% -> 72.6%, with a relative 90.3% -> 90.9%), all 61.8% -> 64.2%.

-- Each probe (a JSON array of tag arrays, with bands when given): of up to
-- cap rows of the index, the lim best by the quick score, ties by the
-- nearest year of birth to the age asked, then person_id (as
-- core.search_rank below).
CREATE FUNCTION core.search_probe_ranked(state int, probes jsonb, bands text[], lim int, cap int,
	qn text[], qr text[], ylo int, yhi int)
RETURNS TABLE (person_id bigint, year smallint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN QUERY
	SELECT r.person_id, r.year
	FROM jsonb_array_elements(probes) pr
	CROSS JOIN LATERAL (SELECT c.person_id, c.year
		FROM (SELECT s.person_id, s.year, s.name_tok, s.alias_tok, s.rel_tok, s.birth_year FROM core.person_search s
			WHERE s.state_code = state AND s.tags @> ARRAY(SELECT jsonb_array_elements_text(pr))
				AND (bands IS NULL OR s.tags && bands)
			LIMIT cap) c
		-- The quick score, written out here (a SQL function with sub-selects
		-- is not inlined: a call a row).
		ORDER BY 3 * (SELECT count(*) FROM unnest(c.name_tok || c.alias_tok) t WHERE t = ANY (qn))
			+ 2 * (SELECT count(*) FROM unnest(c.rel_tok) t WHERE t = ANY (qr))
			- GREATEST(cardinality(c.name_tok) - cardinality(qn), 0)
			- CASE WHEN cardinality(qr) > 0 THEN GREATEST(cardinality(c.rel_tok) - cardinality(qr), 0) ELSE 0 END
			+ CASE WHEN c.birth_year BETWEEN ylo AND yhi THEN 2 ELSE 0 END DESC,
			abs(c.birth_year - (ylo + yhi) / 2.0) NULLS LAST, c.person_id
		LIMIT lim) r;
END
$fn$;
COMMENT ON FUNCTION core.search_probe_ranked(int, jsonb, text[], int, int, text[], text[], int, int) IS
	'The persons of the state whose search tags contain each probe''s tags (and one of bands when given): of up to cap rows a probe, the lim best by a quick score (+3 a name/alias token spelled as in qn, +2 a relative token spelled as in qr, -1 each name token beyond the query''s count and each relative token beyond it when a relative is asked, +2 born in ylo..yhi), ties by the year of birth nearest the middle of ylo..yhi (unknown last), then person_id (0036). PL/pgSQL: its plan is kept for the session';

CREATE OR REPLACE FUNCTION core.search_candidates(state int, q jsonb, OUT person_id bigint, OUT year smallint)
RETURNS SETOF record
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	must text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'must'));
	loose text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'loose'));
	linit text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'linit'));
	bands text[] := CASE WHEN q ? 'bands' THEN ARRAY(SELECT jsonb_array_elements_text(q -> 'bands')) END;
	qn text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'n')) || ARRAY(SELECT jsonb_array_elements_text(q -> 'a'));
	qr text[] := ARRAY(SELECT jsonb_array_elements_text(q -> 'r'));
	ylo int := (q ->> 'ylo')::int;
	yhi int := (q ->> 'yhi')::int;
	n int := cardinality(loose);
	probes jsonb := '[]';
	found int;
	more int;
BEGIN
	-- Every key: all its rows (up to 2,000) ranked.
	RETURN QUERY SELECT c.person_id, c.year FROM core.search_probe_ranked(state,
		jsonb_build_array(to_jsonb(must || CASE WHEN n >= 2 THEN core.search_pairs(loose) ELSE loose || linit END)),
		bands, 100, 2000, qn, qr, ylo, yhi) c;
	GET DIAGNOSTICS found = ROW_COUNT;
	IF n >= 3 THEN
		FOR i IN 1 .. n LOOP
			probes := probes || jsonb_build_array(to_jsonb(must || core.search_pairs(ARRAY(
				SELECT t FROM unnest(loose) WITH ORDINALITY AS x(t, j) WHERE j <> i ORDER BY j))));
		END LOOP;
		RETURN QUERY SELECT DISTINCT c.person_id, c.year FROM core.search_probe_ranked(state, probes, bands, 100, 400,
			qn, qr, ylo, yhi) c;
		GET DIAGNOSTICS more = ROW_COUNT;
		found := found + more;
	END IF;
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
		RETURN QUERY SELECT DISTINCT c.person_id, c.year FROM core.search_probe_ranked(state, probes, bands, 50, 200,
			qn, qr, ylo, yhi) c;
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.search_candidates(int, jsonb) IS
	'Candidate persons of a parsed search: GIN probes of core.person_search by pairs of the query''s name and relative keys, filters and age bands in every probe. First every key: all its rows (up to 2,000) ranked by the quick score, the best 100 kept (0036); with three or more keys each left out once, the best 100 of 400 rows; under 10 found: each key alone with the initials for two keys, each two left out for four or more, the best 50 of 200 (may repeat a person: core.search_rank takes them once)';

-- The ranked matches of a parsed query, best first: 0025's, but equal
-- scores are ordered by the year of birth nearest the age asked (unknown
-- last) before person_id. Measured on the 10M run (misses of the details
-- set looked at with the search's own score): of 75 misses none was a
-- ranking fault any more, 48 were namesakes with the same score as the
-- person asked for, ordered by person_id; ordering those by the nearest
-- year of birth put 13 of them in the first 10. The score itself (and so
-- its reasons, and api.search_persons' order of the matches it returns) is
-- unchanged: only which of the tied namesakes make the limit.
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
	mid numeric := ((q ->> 'ylo')::int + (q ->> 'yhi')::int) / 2.0;
BEGIN
	RETURN QUERY
	SELECT c.person_id, c.year, sc.score, sc.reasons
	FROM (SELECT DISTINCT x.person_id, x.year FROM core.search_candidates(state, q) x) u
	JOIN core.person_search c ON c.person_id = u.person_id AND c.state_code = state
	CROSS JOIN LATERAL core.search_score(c, qn, qnk, qa, qak, qr, qrk, q ->> 'relative_word',
		(q ->> 'ylo')::int, (q ->> 'yhi')::int, addr, marks, q ->> 'doc', filters) sc
	WHERE c.person_id <> ALL (coalesce(exclude, '{}'))
	ORDER BY sc.score DESC, abs(c.birth_year - mid) NULLS LAST, c.person_id
	LIMIT (q ->> 'limit')::int;
END
$fn$;
COMMENT ON FUNCTION core.search_rank(int, jsonb, bigint[]) IS
	'Ranked matches of a parsed search (core.search_parse), best first (equal scores: the year of birth nearest the age asked, unknown last, then person_id; 0036), at most its limit, without the persons in exclude';

REVOKE ALL ON FUNCTION core.search_probe_ranked(int, jsonb, text[], int, int, text[], text[], int, int) FROM PUBLIC;

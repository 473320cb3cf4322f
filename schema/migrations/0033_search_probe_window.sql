-- 0033_search_probe_window.sql: the person search's GIN probes keep the
-- candidates that share the most exactly written tokens with the query, not
-- the first 100 the index hands back.
--
-- Found by the benchmark (tests/bench/search, 1,000,000 persons, the misses
-- of recall@10 looked at one by one): core.search_probe took at most 100 rows
-- a probe in the index's order (physical order, oldest first), before any
-- ranking. A probe by the pairs of a popular name's keys ("S Velu S/o
-- Selvaraj": every S. Velu, S. Valli, S. Welu of a Selvaraj) or a Marathi
-- name repeating the father's ("Shivaji Shivaji Bhagat S/o Shivaji Bhagat":
-- every son of a Shivaji Bhagat has those keys) matches more than 100, and
-- the person written exactly as typed could be cut before search_score ever
-- saw them (rank "absent" although the best score). The candidates grow with
-- the register: ten times the persons, ten times the rows over the limit.
--
-- Now each probe reads up to 4 times its limit from the index and keeps the
-- lim rows with the most name, alias and relative tokens equal to the
-- query's (the written form, not the key), so the exact and near-exact
-- spellings reach the scoring. core.search_candidates is that of 0025 but for
-- calling core.search_probe_window with the query's tokens. Measured on the
-- benchmark's 1,000,000 persons (544 queries asked inside PostgreSQL, the
-- machine shared, load average ~11): recall@10 74.3% -> 74.8% (name and
-- details: 92.5% -> 93.1%, name alone 33.7% -> 34.3%); a window of 10x gave
-- the same recall as 4x and reads 2.5 times the rows, so 4x. The latency
-- difference was inside the noise of the shared machine (p95 20-34 ms both).

CREATE FUNCTION core.search_probe_window(state int, probes jsonb, bands text[], lim int, qn text[], qr text[])
RETURNS TABLE (person_id bigint, year smallint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN QUERY
	SELECT r.person_id, r.year
	FROM jsonb_array_elements(probes) pr
	CROSS JOIN LATERAL (SELECT c.person_id, c.year
		FROM (SELECT s.person_id, s.year, s.name_tok, s.alias_tok, s.rel_tok FROM core.person_search s
			WHERE s.state_code = state AND s.tags @> ARRAY(SELECT jsonb_array_elements_text(pr))
				AND (bands IS NULL OR s.tags && bands)
			LIMIT lim * 4) c
		ORDER BY (SELECT count(*) FROM unnest(c.name_tok || c.alias_tok) t WHERE t = ANY (qn))
			+ (SELECT count(*) FROM unnest(c.rel_tok) t WHERE t = ANY (qr)) DESC
		LIMIT lim) r;
END
$fn$;
COMMENT ON FUNCTION core.search_probe_window(int, jsonb, text[], int, text[], text[]) IS
	'The persons of the state whose search tags contain each probe''s tags (and one of bands when given): of up to 4 x lim rows a probe, the lim with the most name/alias tokens in qn and relative tokens in qr (written forms), so that a probe matching more than lim persons keeps the best spelled (0033). PL/pgSQL: its plan is kept for the session';

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
	RETURN QUERY SELECT DISTINCT c.person_id, c.year FROM core.search_probe_window(state, probes, bands, 100, qn, qr) c;
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
		RETURN QUERY SELECT DISTINCT c.person_id, c.year FROM core.search_probe_window(state, probes, bands, 50, qn, qr) c;
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.search_candidates(int, jsonb) IS
	'Candidate persons of a parsed search: GIN probes of core.person_search by pairs of the query''s name and relative keys (all keys; with three or more, each left out once; under 10 found: each key alone with the initials for two keys, each two left out for four or more), at most 100 rows a probe (the best spelled of 4 times that many, core.search_probe_window, 0033), filters and age bands in every probe';

REVOKE ALL ON FUNCTION core.search_probe_window(int, jsonb, text[], int, text[], text[]) FROM PUBLIC;

-- 0029_person_search_speed.sql: the person search of 0025, faster, with the
-- same answers. Measured on the benchmark's 1,000,000 persons
-- (tests/bench/search, EXPLAIN ANALYZE and per-stage timings in psql):
-- of a search's ~36 ms inside PostgreSQL, ~20 ms went to PLANNING, not
-- running: the SQL functions that build each match (core.person_match_json,
-- core.person_cases_json: a join over the year partitions of core.person,
-- core.person_link and core.fir, 3-5 ms of planning for each of the 10
-- matches) and the GIN probes (core.search_probe: ~4 ms). A SQL function
-- with a SET clause is never inlined and keeps no plan, so it is planned
-- on every call. Here they become PL/pgSQL, whose plans are kept for the
-- session (the server keeps its connections): the match builders with a
-- generic plan from the first call (plan_cache_mode = force_generic_plan;
-- the partitions are pruned when the plan starts, from the parameters).
-- Signatures and results are those of 0025, but for one ranking rule:
--
-- core.search_score: a relative's tokens the query did not name cost 1
-- each, as a name's tokens already did (0025 left them free). Among
-- namesakes with the same father's name typed, "Anirban Mondal" now ranks
-- above "Anirban Sanjib Mondal" for a query "S/o Anirban Mondal"; on the
-- benchmark's 544 queries (1,000,000 persons) recall@10 rose from 94.5% to
-- 95.0%, the rest being namesakes the query cannot tell apart.
-- The cases of a person: FIR number, station and role, newest first.
CREATE OR REPLACE FUNCTION core.person_cases_json(state int, pid bigint, pyear int) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
	res jsonb;
BEGIN
	SELECT coalesce(jsonb_agg(jsonb_build_object('fir_number', core.fir_number_text(x.fir_no, x.fyear), 'role', x.role,
			'station', core.station_identity_json(x.state_code, x.district_code, x.station_code))
			ORDER BY x.at DESC, x.link_id DESC), '[]')
	INTO res
	FROM (SELECT f.fir_no, f.year AS fyear, l.role, f.state_code, f.district_code, f.station_code,
			l.linked_at AS at, l.link_id
		FROM core.person_link l
		JOIN core.fir f ON f.fir_id = l.fir_id AND f.state_code = l.state_code
		WHERE l.person_id = pid AND l.state_code = state AND l.year = pyear AND l.fir_id IS NOT NULL
		ORDER BY l.linked_at DESC, l.link_id DESC LIMIT 10) x;
	RETURN res;
END
$fn$;
COMMENT ON FUNCTION core.person_cases_json(int, bigint, int) IS
	'The cases (FIR number, station, role) naming a person, newest first, at most 10. PL/pgSQL with a generic plan kept for the session (partitions pruned when it runs): planning the partitioned join anew for every match cost 3-5 ms each';

-- One PersonMatch as JSON.
CREATE OR REPLACE FUNCTION core.person_match_json(state int, pid bigint, pyear int, score int, reasons text[]) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
	res jsonb;
BEGIN
	SELECT jsonb_strip_nulls(jsonb_build_object('person_id', p.person_id, 'name', p.name,
		'relative_kind', p.relative_kind, 'relative_name', p.relative_name, 'gender', p.gender,
		'year_of_birth', coalesce(p.year_of_birth, extract(year FROM p.date_of_birth)::int),
		'aliases', nullif(to_jsonb(p.aliases || ARRAY(SELECT a.alias FROM core.person_alias a
			WHERE a.person_id = p.person_id AND a.state_code = p.state_code AND a.year = p.year ORDER BY a.alias_id)), '[]'),
		'address', nullif(concat_ws(', ', p.addr_line1, p.addr_city), ''),
		'score', score, 'reasons', to_jsonb(reasons),
		'cases', nullif(core.person_cases_json(state, pid, pyear), '[]'),
		'created_by', core.station_identity_json(p.state_code, p.district_code, p.station_code)))
	INTO res
	FROM core.person p WHERE p.person_id = pid AND p.state_code = state AND p.year = pyear;
	RETURN res;
END
$fn$;
COMMENT ON FUNCTION core.person_match_json(int, bigint, int, int, text[]) IS
	'PersonMatch message as JSON: the person, the score and reasons, the cases, the station that made the record. PL/pgSQL with a generic plan kept for the session (partitions pruned when it runs), not planned anew for each match';

-- The rows of several GIN probes (a JSON array of tag arrays): each probe
-- at most lim rows. PL/pgSQL, so that the probe's plan is kept for the
-- session (the SQL function of 0025, with its SET clause, was planned
-- anew for every search).
CREATE OR REPLACE FUNCTION core.search_probe(state int, probes jsonb, bands text[], lim int)
RETURNS TABLE (person_id bigint, year smallint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RETURN QUERY
	SELECT r.person_id, r.year
	FROM jsonb_array_elements(probes) pr
	CROSS JOIN LATERAL (SELECT s.person_id, s.year FROM core.person_search s
		WHERE s.state_code = state AND s.tags @> ARRAY(SELECT jsonb_array_elements_text(pr))
			AND (bands IS NULL OR s.tags && bands)
		LIMIT lim) r;
END
$fn$;
COMMENT ON FUNCTION core.search_probe(int, jsonb, text[], int) IS
	'The persons of the state whose search tags contain each probe''s tags (and one of bands when given), at most lim a probe; PL/pgSQL so that its plan is kept for the session';

-- The score of a candidate: as 0025, with the relative's unnamed tokens costing 1 each.
CREATE OR REPLACE FUNCTION core.search_score(c core.person_search, qn text[], qnk text[], qa text[], qak text[],
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
		r := core.search_tokens_score(qr, qrk, c.rel_tok, c.rel_key, rel, 6, 4, 2, 2, true);
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
	'Score and reasons of a candidate for a parsed person search: name (or alias) tokens, alias, relative (each of the relative''s tokens the query did not name costs 1, as for the name: 0029), age, address words, marks, document; the filters met are named';

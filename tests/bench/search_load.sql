-- search_load.sql: the search rows (core.person_search) of the persons tests/bench/search loaded
-- by COPY with the statement trigger of 0025 skipped, built set-based, and checked.
--
-- Why: the trigger builds every row with core.person_search_build, a PL/pgSQL function that
-- reads each name, relative and address anew, a phonetic key (a dozen regular expressions)
-- per token (about 90 us a person on an idle core: 83 s a million, 15 minutes for ten, twice
-- that on the shared machine). A register repeats itself: 1,000,000 generated persons have
-- 342,000 distinct names, 213,000 distinct fathers' names, 236,000 distinct addresses and far
-- fewer distinct tokens. So each distinct name, relative and address is split once
-- (core.name_tokens, core.search_words), each distinct token keyed once (core.name_key), the
-- keys put back in token order by a join, the tags made in the order of
-- core.person_search_build(p, false), and each person's row put together from them.
--
-- Checked after, and the script fails unless both counts are 0:
--   * a sample of 20,000 persons (every n-th by person_id): the row built here is compared
--     column by column, tags in order, with core.person_search_build(p, false), the row the
--     trigger would have inserted;
--   * every person has its row, no row is without its person, and the foreign keys the
--     COPY skipped (station, address district) hold, as anti-joins.
-- Run as the superuser (the COPY before it ran with session_replication_role = replica).
-- Variables: state (the state of the loaded persons).

\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET work_mem = '512MB';
-- The partition made as its owner (as the trigger path makes it), so that the search's own reads
-- of its statistics (pg_stats, core.search_dense_tags of 0049) see them.
SET ROLE cctns_owner;
SELECT core.person_search_partition(:state);
RESET ROLE;

-- The n:/i: (r:/j:) tags of keys in the order core.person_search_build appends them: for each
-- key, its tag if it has two letters or more and is new, then its initial's tag if new.
CREATE FUNCTION pg_temp.key_tags(keys text[], kp text, ip text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
	k text;
	tags text[] := '{}';
BEGIN
	FOREACH k IN ARRAY keys LOOP
		IF length(k) > 1 AND NOT (kp || k) = ANY (tags) THEN
			tags := tags || (kp || k);
		END IF;
		IF NOT (ip || left(k, 1)) = ANY (tags) THEN
			tags := tags || (ip || left(k, 1));
		END IF;
	END LOOP;
	RETURN tags;
END
$fn$;

-- Tokens (core.name_tokens) of each distinct name and relative, words (core.search_words) of
-- each distinct address; then the key (core.name_key) of each distinct token or word once.
CREATE TEMP TABLE nm1 AS SELECT x.name, core.name_tokens(x.name) AS tok
FROM (SELECT DISTINCT name FROM core.person WHERE state_code = :state) x;
CREATE TEMP TABLE rl1 AS SELECT x.rel, core.name_tokens(x.rel) AS tok
FROM (SELECT DISTINCT coalesce(relative_name, '') AS rel FROM core.person WHERE state_code = :state) x;
CREATE TEMP TABLE ad1 AS SELECT x.addr, core.search_words(x.addr) AS w
FROM (SELECT DISTINCT concat_ws(' ', addr_line1, addr_line2, addr_city) AS addr FROM core.person
	WHERE state_code = :state) x;
CREATE TEMP TABLE tk AS SELECT x.t, core.name_key(x.t) AS k
FROM (SELECT unnest(tok) AS t FROM nm1 UNION SELECT unnest(tok) FROM rl1
	UNION SELECT u.t FROM ad1, unnest(ad1.w) u (t) WHERE u.t !~ '^[0-9]+$') x;
ANALYZE tk;

-- Keys in token order (core.name_keys), tags and the first keys for the pairs.
CREATE TEMP TABLE nm AS
SELECT n.name, n.tok, coalesce(k.keys, '{}') AS keys FROM nm1 n
LEFT JOIN (SELECT n.name, array_agg(tk.k ORDER BY u.i) AS keys
	FROM nm1 n, unnest(n.tok) WITH ORDINALITY u (t, i), tk WHERE tk.t = u.t GROUP BY n.name) k ON k.name = n.name;
ALTER TABLE nm ADD tags text[], ADD firsts text[];
UPDATE nm SET tags = pg_temp.key_tags(keys, 'n:', 'i:'),
	firsts = ARRAY(SELECT 'n:' || x FROM unnest(keys) WITH ORDINALITY u (x, i) WHERE length(x) > 1 ORDER BY i LIMIT 4);
CREATE TEMP TABLE rl AS
SELECT n.rel, n.tok, coalesce(k.keys, '{}') AS keys FROM rl1 n
LEFT JOIN (SELECT n.rel, array_agg(tk.k ORDER BY u.i) AS keys
	FROM rl1 n, unnest(n.tok) WITH ORDINALITY u (t, i), tk WHERE tk.t = u.t GROUP BY n.rel) k ON k.rel = n.rel;
ALTER TABLE rl ADD tags text[], ADD firsts text[];
UPDATE rl SET tags = pg_temp.key_tags(keys, 'r:', 'j:'),
	firsts = ARRAY(SELECT 'r:' || x FROM unnest(keys) WITH ORDINALITY u (x, i) WHERE length(x) > 1 ORDER BY i LIMIT 3);
-- Address words: the keys of the words that are not all digits, each once, in order of first
-- appearance; their a: tags.
CREATE TEMP TABLE ad AS
SELECT a.addr, coalesce(w.words, '{}') AS words,
	coalesce(ARRAY(SELECT 'a:' || x FROM unnest(w.words) WITH ORDINALITY u (x, i) ORDER BY i), '{}') AS tags
FROM ad1 a
LEFT JOIN (SELECT y.addr, array_agg(y.k ORDER BY y.p) AS words
	FROM (SELECT a.addr, tk.k, min(u.i) AS p FROM ad1 a, unnest(a.w) WITH ORDINALITY u (t, i), tk
		WHERE tk.t = u.t AND u.t !~ '^[0-9]+$' AND tk.k IS NOT NULL GROUP BY a.addr, tk.k) y
	GROUP BY y.addr) w ON w.addr = a.addr;
ANALYZE nm;
ANALYZE rl;
ANALYZE ad;
SELECT format('%s distinct names, %s relatives, %s addresses, %s tokens and words',
	(SELECT count(*) FROM nm), (SELECT count(*) FROM rl), (SELECT count(*) FROM ad), (SELECT count(*) FROM tk));

-- As core.person_search_build(p, false): tags = address, name, relative, pairs of the name's
-- (at most 4) and relative's (at most 3) keys, alias pairs (none), D: districts, S:, G:, Y:.
INSERT INTO core.person_search (state_code, year, person_id, gender, birth_year, name_tok, name_key, alias_tok,
	alias_key, rel_tok, rel_key, addr_words, mark_words, docs, districts, station_code, tags)
SELECT p.state_code, p.year, p.person_id, p.gender, b.by, n.tok, n.keys, '{}', '{}', r.tok, r.keys, a.words, '{}', '{}',
	d.di, p.station_code,
	a.tags || n.tags || r.tags || core.search_pairs(n.firsts || r.firsts)
		|| ARRAY(SELECT 'D:' || x FROM unnest(d.di) x)
		|| ('S:' || p.station_code)
		|| CASE WHEN p.gender IS NOT NULL THEN ARRAY['G:' || p.gender] ELSE '{}' END
		|| CASE WHEN b.by IS NULL THEN 'Y:?' ELSE 'Y:' || (b.by - b.by % 5) END
FROM core.person p
JOIN nm n ON n.name = p.name
JOIN rl r ON r.rel = coalesce(p.relative_name, '')
JOIN ad a ON a.addr = concat_ws(' ', p.addr_line1, p.addr_line2, p.addr_city)
CROSS JOIN LATERAL (SELECT coalesce(p.year_of_birth, extract(year FROM p.date_of_birth)::int)::smallint AS by) b
CROSS JOIN LATERAL (SELECT CASE WHEN p.addr_district_code IS NOT NULL AND p.addr_district_code <> p.district_code
	AND p.addr_state_code = p.state_code THEN ARRAY[p.district_code, p.addr_district_code]
	ELSE ARRAY[p.district_code] END AS di) d
WHERE p.state_code = :state
	AND cardinality(coalesce(p.aliases, '{}')) = 0;

-- A sample: every k-th person by number (about 20,000), compared with the trigger's build,
-- every column, tags in order.
SELECT greatest(count(*) / 20000, 1) AS k FROM core.person WHERE state_code = :state \gset
SELECT count(*) AS sample, count(*) FILTER (WHERE s IS DISTINCT FROM t) AS differ
FROM core.person p
JOIN core.person_search s ON s.person_id = p.person_id AND s.state_code = p.state_code
CROSS JOIN LATERAL core.person_search_build(p, false) t
WHERE p.state_code = :state AND p.person_id % :k = 0 \gset chk_
SELECT format('%s persons: row compared with core.person_search_build (the trigger''s), %s differ',
	:chk_sample, :chk_differ);
SELECT
	(SELECT count(*) FROM core.person p WHERE p.state_code = :state AND NOT EXISTS (SELECT 1 FROM core.person_search s
		WHERE s.person_id = p.person_id AND s.state_code = p.state_code)) AS without_row,
	(SELECT count(*) FROM core.person_search s WHERE s.state_code = :state AND NOT EXISTS (SELECT 1 FROM core.person p
		WHERE p.person_id = s.person_id AND p.state_code = s.state_code AND p.year = s.year)) AS orphan_rows,
	(SELECT count(*) FROM core.person p WHERE p.state_code = :state AND NOT EXISTS (SELECT 1 FROM ref.station t
		WHERE (t.state_code, t.district_code, t.station_code) = (p.state_code, p.district_code, p.station_code))) AS bad_station,
	(SELECT count(*) FROM core.person p WHERE p.state_code = :state AND p.addr_district_code IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM ref.district t WHERE (t.state_code, t.district_code)
			= (p.addr_state_code, p.addr_district_code))) AS bad_address_district \gset
SELECT format('persons without a search row %s, search rows without a person %s, unknown station %s, unknown address district %s',
	:without_row, :orphan_rows, :bad_station, :bad_address_district);
SELECT :chk_differ + :without_row + :orphan_rows + :bad_station + :bad_address_district = 0
	AND :chk_sample > 0 AS pass \gset
\if :pass
\else
\echo 'FAIL: the set-based search rows differ from the trigger''s or a skipped foreign key does not hold'
SELECT 1 / 0;
\endif

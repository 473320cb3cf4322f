-- search_inside.sql: the person search of tests/bench/search timed inside PostgreSQL, one session,
-- one query at a time (api.search_persons as cctns-server calls it, limit 10, mode phonetic),
-- with recall@10 and decidable@10 per query set as search_bench prints them. For finding where
-- the time goes on a kept bench database without a server: the slowest queries are listed
-- (to look at with EXPLAIN), and each query's time and rank can be written out to compare two
-- versions of the search on the same data.
--
--   psql -X -q -d "$CCTNS_DB" -v queries=$T/queries.tsv [-v out=/path/times.tsv] \
--        -f tests/bench/search_inside.sql
--
-- queries: the queries file search_gen wrote (expected person_id, set, name, relative, age,
-- district, namesakes). The first 50 are asked once untimed (the plans of the session, as the
-- server's connections keep them), then every query is timed with clock_timestamp().
-- out (optional): one line per query: number, set, ms, rank of the expected person (0: not
-- in the top 10), matches returned, CPU ms.
-- Run as a superuser (or a member of pg_read_server_files), each query's CPU time of the
-- session's backend is measured too (/proc/self/schedstat, nanoseconds on a CPU): on a shared
-- machine the wall time follows the load of the others, the CPU time much less.

\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET statement_timeout = 0;
CREATE TEMP TABLE bench_q (expected bigint, set text, name text, relative text, age text, district text,
	namesakes bigint);
-- (\copy takes no variables: the command is put together first)
\set copy_q '\\copy bench_q FROM ' :'queries'
:copy_q
ALTER TABLE bench_q ADD i serial;
CREATE TEMP TABLE bench_r (i int, set text, ms float8, rank int, n int, namesakes bigint, cpu_ms float8);
CREATE FUNCTION pg_temp.cpu_ns() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = current_user AND (r.rolsuper
			OR pg_has_role(current_user, 'pg_read_server_files', 'member'))) THEN
		RETURN NULL;
	END IF;
	RETURN split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint;
END
$$;

CREATE FUNCTION pg_temp.bench_req(x bench_q) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_strip_nulls(jsonb_build_object('name', nullif(x.name, ''), 'relative_name', nullif(x.relative, ''),
		'age', nullif(x.age, '')::int, 'district_code', nullif(nullif(x.district, ''), '0')::int, 'limit', 10))
$$;

DO $$
DECLARE
	x bench_q;
	t0 timestamptz;
	j jsonb;
	ms float8;
	c0 bigint;
BEGIN
	FOR x IN SELECT * FROM bench_q ORDER BY i LIMIT 50 LOOP
		PERFORM api.search_persons(9, 118, 1001, pg_temp.bench_req(x));
	END LOOP;
	FOR x IN SELECT * FROM bench_q ORDER BY i LOOP
		c0 := pg_temp.cpu_ns();
		t0 := clock_timestamp();
		j := api.search_persons(9, 118, 1001, pg_temp.bench_req(x));
		ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
		c0 := pg_temp.cpu_ns() - c0;
		INSERT INTO bench_r SELECT x.i, x.set, ms,
			coalesce((SELECT e.n FROM jsonb_array_elements(j -> 'matches') WITH ORDINALITY e (m, n)
				WHERE (e.m ->> 'person_id')::bigint = x.expected AND e.n <= 10), 0),
			jsonb_array_length(j -> 'matches'), x.namesakes, c0 / 1e6;
	END LOOP;
END
$$;

\pset footer off
SELECT s.set, count(*) AS queries,
	round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS p50_ms,
	round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS p95_ms,
	round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS p99_ms,
	round(100.0 * count(*) FILTER (WHERE rank > 0) / count(*), 1) AS "recall@10",
	count(*) FILTER (WHERE namesakes > 10) AS undecidable,
	round(100.0 * count(*) FILTER (WHERE rank > 0 AND namesakes <= 10)
		/ nullif(count(*) FILTER (WHERE namesakes <= 10), 0), 1) AS "decidable@10",
	round(percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu_ms)::numeric, 2) AS cpu_p50,
	round(percentile_cont(0.95) WITHIN GROUP (ORDER BY cpu_ms)::numeric, 2) AS cpu_p95
FROM (SELECT set, ms, rank, namesakes, cpu_ms FROM bench_r UNION ALL SELECT 'all', ms, rank, namesakes, cpu_ms FROM bench_r) s
GROUP BY s.set ORDER BY s.set = 'all', s.set;

SELECT r.i, r.set, round(r.ms::numeric, 2) AS ms, round(r.cpu_ms::numeric, 2) AS cpu_ms, r.rank, q.name, q.relative, q.age, q.district
FROM bench_r r JOIN bench_q q USING (i) ORDER BY r.ms DESC LIMIT 15;

\if :{?out}
\o :out
\pset format unaligned
\pset fieldsep '\t'
\pset tuples_only on
SELECT i, set, round(ms::numeric, 3), rank, n, round(cpu_ms::numeric, 3) FROM bench_r ORDER BY i;
\o
\endif

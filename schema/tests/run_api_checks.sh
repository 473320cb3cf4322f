#!/bin/sh
# run_api_checks.sh: run the database checks of the api functions against a
# migrated CCTNS database (api_checks.sql: stations, FIRs; case_checks.sql:
# General Diary, case status and timeline, arrests; reporting_checks.sql:
# the reporting views and what the analyst may read), then write from 20
# concurrent sessions and check that FIR numbers, diary entry numbers and
# accused codes stay unique and gapless and that partitions for a new state
# are created once, without deadlocks.
#
# usage: schema/tests/run_api_checks.sh CONNINFO
#   CONNINFO is a key=value libpq string without user, e.g.
#   "host=/path/to/socketdir dbname=cctns"; the checks connect as
#   cctns_owner, cctns_server and cctns_analyst (local trust auth).
# Needs psql and xargs. Exit 0 when every check passed.
set -eu

if [ $# -ne 1 ] || [ "$1" = "--help" ]; then
	echo "usage: $0 CONNINFO   (e.g. \"host=/tmp/pg dbname=cctns\")" >&2
	exit 2
fi
conn=$1
here=$(cd "$(dirname "$0")" && pwd)
sessions=20
per_session=10
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_psql() { # USER ARGS...
	user=$1
	shift
	psql -X -q -o /dev/null -v ON_ERROR_STOP=1 "$conn user=$user" "$@"
}

echo "== api_checks.sql"
run_psql cctns_owner -f "$here/api_checks.sql"
echo "== case_checks.sql"
run_psql cctns_owner -f "$here/case_checks.sql"
echo "== record_checks.sql"
run_psql cctns_owner -f "$here/record_checks.sql"
echo "== seizure_checks.sql"
run_psql cctns_owner -f "$here/seizure_checks.sql"
echo "== registers2_checks.sql"
run_psql cctns_owner -f "$here/registers2_checks.sql"
echo "== registers1_checks.sql"
run_psql cctns_owner -f "$here/registers1_checks.sql"
echo "== court_checks.sql"
run_psql cctns_owner -f "$here/court_checks.sql"
echo "== lookup_checks.sql"
run_psql cctns_owner -f "$here/lookup_checks.sql"
echo "== fir_checks.sql"
run_psql cctns_owner -f "$here/fir_checks.sql"
echo "== reporting_checks.sql"
run_psql cctns_owner -f "$here/reporting_checks.sql"
echo "== reporting2_checks.sql"; run_psql cctns_owner -f "$here/reporting2_checks.sql"
echo "== persons_checks.sql"
run_psql cctns_owner -f "$here/persons_checks.sql"
echo "== patterns_checks.sql"; run_psql cctns_owner -f "$here/patterns_checks.sql"
# rep-scale (issue 6): the aggregates, refresh and comparisons of 0023.
echo "== reporting3_checks.sql"; run_psql cctns_owner -f "$here/reporting3_checks.sql"
# dossier: dossier, searches, automatic matching and alerts (0026)
echo "== dossier_checks.sql"; run_psql cctns_owner -f "$here/dossier_checks.sql"
# search helper (0025): person search, duplicates, merge
echo "== search_checks.sql"; run_psql cctns_owner -f "$here/search_checks.sql"
# bench (0033): the person search's probes keep the best spelled candidates
echo "== bench_checks.sql"; run_psql cctns_owner -f "$here/bench_checks.sql"
# signin: officers, roles and permissions, sessions, lockout
echo "== officers_checks.sql"; run_psql cctns_owner -f "$here/officers_checks.sql"
# search (issue 4, slice 8): found persons, property identifiers
echo "== search2_checks.sql"; run_psql cctns_owner -f "$here/search2_checks.sql"
# ops (issue 7): partitions over time, replication status (0034)
echo "== ops_checks.sql"; run_psql cctns_owner -f "$here/ops_checks.sql"
# vehicle search page (0031)
echo "== vehicle_page_checks.sql"; run_psql cctns_owner -f "$here/vehicle_page_checks.sql"
# sealed (issue 5): sealed identities, masking per officer, sealed reads audited (0030)
echo "== sealed_checks.sql"; run_psql cctns_owner -f "$here/sealed_checks.sql"
# sealed2 (issue 5): the other read paths masked, sealed reads hash-chained (0035)
echo "== sealed2_checks.sql"; run_psql cctns_owner -f "$here/sealed2_checks.sql"
# bench2 (issue 4, 0036): the first probe ranks all its rows before keeping the best 100
echo "== bench2_checks.sql"; run_psql cctns_owner -f "$here/bench2_checks.sql"
# cleanup (0043): api.officer_resume returns its refusal as a reason code
echo "== cleanup_checks.sql"; run_psql cctns_owner -f "$here/cleanup_checks.sql"
# reg (issue 7, 0040): registration cost: the rewritten functions give what the old ones gave; a
# person just registered is found (short GIN pending list)
echo "== reg_checks.sql"; run_psql cctns_owner -f "$here/reg_checks.sql"
# import (issue 7): core.import_batch with hand-staged rows
echo "== import_checks.sql"; run_psql cctns_owner -f "$here/import_checks.sql"
# recall (issue 4, 0042): equal search scores ordered by the likeness of the spellings
echo "== recall_checks.sql"; run_psql cctns_owner -f "$here/recall_checks.sql"
# cleanup (slice 10, 0047): sealed persons masked by the person builder; a new reader masks
# without a wrapper
echo "== cleanup10_checks.sql"; run_psql cctns_owner -f "$here/cleanup10_checks.sql"

# The FIR the concurrent sessions record arrests in (station 990009).
arrest_fir=$(psql -X -q -At -v ON_ERROR_STOP=1 "$conn user=cctns_server" <<SQL | tail -n 1
\\i '$here/helpers.sql'
SELECT fir_number FROM api.register_fir(9, 118, 990009, pg_temp.key(), pg_temp.sample());
SQL
)

echo "== $sessions concurrent sessions x $per_session registrations"
# Each session: one FIR in state 37 (whose partitions do not exist yet, so
# all sessions race to create them), then per_session FIRs at station
# 9:118:990002, every third one preceded by a registration that is rolled
# back after taking its number; per_session diary entries and FIRs
# interleaved at station 990008, every third entry preceded by one rolled
# back; and one arrest at station 990009, after one rolled back.
{
	printf "\\\\i '%s/helpers.sql'\n" "$here"
	echo "SET client_min_messages = warning;"
	echo "SELECT pg_temp.check(r.number > 0, 'new state') FROM api.register_fir(37, 6, 990001, pg_temp.key(), jsonb_set(pg_temp.sample(), '{place}', '{\"beat\": \"2\"}')) r;"
	i=1
	while [ $i -le $per_session ]; do
		if [ $((i % 3)) -eq 0 ]; then
			echo "BEGIN;"
			echo "SELECT pg_temp.check(r.number > 0, 'rolled back') FROM api.register_fir(9, 118, 990002, pg_temp.key(), pg_temp.sample()) r;"
			echo "ROLLBACK;"
			echo "BEGIN;"
			echo "SELECT pg_temp.check(r.entry IS NOT NULL, 'rolled back') FROM api.add_gd_entry(9, 118, 990008, pg_temp.key(), pg_temp.gd('general', 'rolled back')) r;"
			echo "ROLLBACK;"
		fi
		echo "SELECT pg_temp.check(r.number > 0, 'registered') FROM api.register_fir(9, 118, 990002, pg_temp.key(), pg_temp.sample()) r;"
		echo "SELECT pg_temp.check(r.entry IS NOT NULL, 'diary') FROM api.add_gd_entry(9, 118, 990008, pg_temp.key(), pg_temp.gd('general', 'Patrol of beat 4 begun.')) r;"
		echo "SELECT pg_temp.check(r.gd_number > 0, 'registered') FROM api.register_fir(9, 118, 990008, pg_temp.key(), pg_temp.sample()) r;"
		i=$((i + 1))
	done
	echo "BEGIN;"
	echo "SELECT pg_temp.check(r.receipt IS NOT NULL, 'rolled back') FROM api.register_arrest(9, 118, 990009, pg_temp.key(), '$arrest_fir', pg_temp.memo(now())) r;"
	echo "ROLLBACK;"
	echo "SELECT pg_temp.check(r.receipt IS NOT NULL, 'arrest') FROM api.register_arrest(9, 118, 990009, pg_temp.key(), '$arrest_fir', pg_temp.memo(now())) r;"
} >"$work/worker.sql"
seq 1 "$sessions" | xargs -P "$sessions" -I{} \
	psql -X -q -o /dev/null -v ON_ERROR_STOP=1 "$conn user=cctns_server" \
	-f "$work/worker.sql"

run_psql cctns_owner -v n="$((sessions * per_session))" -v s="$sessions" <<'SQL'
SELECT set_config('cctns_test.want', :'n', false), set_config('cctns_test.want_state', :'s', false);
DO $$
DECLARE
	want int := current_setting('cctns_test.want')::int;
	want_state int := current_setting('cctns_test.want_state')::int;
	y int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata');
	r record;
BEGIN
	SELECT count(*) AS c, count(DISTINCT fir_no) AS d, min(fir_no) AS lo, max(fir_no) AS hi INTO r
	FROM core.fir WHERE state_code = 9 AND year = y AND district_code = 118 AND station_code = 990002;
	IF r.c <> want OR r.d <> want OR r.lo <> 1 OR r.hi <> want THEN
		RAISE EXCEPTION 'FAIL: station 990002 has % FIRs, % distinct numbers, % .. %; want 1 .. %',
			r.c, r.d, r.lo, r.hi, want;
	END IF;
	SELECT count(*) AS c, count(DISTINCT fir_no) AS d, max(fir_no) AS hi INTO r
	FROM core.fir WHERE state_code = 37 AND year = y AND station_code = 990001;
	IF r.c <> want_state OR r.d <> want_state OR r.hi <> want_state THEN
		RAISE EXCEPTION 'FAIL: state 37 has % FIRs numbered up to %; want 1 .. %', r.c, r.hi, want_state;
	END IF;
	IF (SELECT last_no FROM core.fir_counter WHERE state_code = 9 AND district_code = 118
		AND station_code = 990002 AND year = y) <> want THEN
		RAISE EXCEPTION 'FAIL: counter of station 990002 is not %', want;
	END IF;
	RAISE NOTICE 'ok: % concurrent registrations numbered 1..% without gaps; state 37 partitions created once',
		want, want;

	-- Station 990008: each day's entries numbered 1..n without gaps (the run
	-- may cross midnight IST), one entry per FIR, and every FIR's entry is
	-- its own.
	SELECT count(*) AS c, count(*) FILTER (WHERE kind = 'fir') AS firs,
		count(*) FILTER (WHERE gd_no > last) AS beyond INTO r
	FROM (SELECT g.*, count(*) OVER (PARTITION BY gd_date) AS last FROM core.gd_entry g
		WHERE state_code = 9 AND district_code = 118 AND station_code = 990008) g;
	IF r.c <> 2 * want OR r.firs <> want OR r.beyond <> 0 THEN
		RAISE EXCEPTION 'FAIL: station 990008 has % diary entries (% for FIRs), % numbered beyond their day''s count; want %, %, 0',
			r.c, r.firs, r.beyond, 2 * want, want;
	END IF;
	IF EXISTS (SELECT 1 FROM core.gd_counter c WHERE c.station_code = 990008
		AND c.last_no <> (SELECT count(*) FROM core.gd_entry g WHERE g.station_code = 990008 AND g.gd_date = c.gd_date)) THEN
		RAISE EXCEPTION 'FAIL: a diary counter of station 990008 does not match its entries';
	END IF;
	SELECT count(*) AS c INTO r FROM core.fir f JOIN core.gd_entry g ON g.state_code = f.state_code AND g.year = f.year
		AND g.district_code = f.district_code AND g.station_code = f.station_code AND g.gd_date = f.gd_date
		AND g.gd_no = f.gd_no AND g.kind = 'fir' AND g.fir_no = f.fir_no AND g.fir_year = f.year
	WHERE f.station_code = 990008;
	IF r.c <> want THEN
		RAISE EXCEPTION 'FAIL: % of % FIRs of station 990008 reference their own diary entry', r.c, want;
	END IF;
	RAISE NOTICE 'ok: % diary entries and % FIRs interleaved concurrently: entries numbered per day without gaps',
		want, want;

	-- Station 990009: one memo per session, codes A1..A9, B1..B9, C1, C2.
	SELECT string_agg(a.accused_code, ',' ORDER BY a.arrest_no) AS codes, count(*) AS c INTO r
	FROM core.arrest a WHERE a.station_code = 990009;
	IF r.codes IS DISTINCT FROM 'A1,A2,A3,A4,A5,A6,A7,A8,A9,B1,B2,B3,B4,B5,B6,B7,B8,B9,C1,C2' THEN
		RAISE EXCEPTION 'FAIL: station 990009 accused codes are %', r.codes;
	END IF;
	RAISE NOTICE 'ok: % concurrent arrest memos coded A1..C2 without gaps', want_state;
END
$$;
SQL
echo "schema api checks: all passed"
# read (issue 7): api.get_fir from core.fir_rendered, forgotten on every change (0039); after court_checks.sql
echo "== read_cache_checks.sql"; run_psql cctns_owner -f "$here/read_cache_checks.sql"
# read (issue 7): the cache race, both orders, two sessions each. A reader
# filling core.fir_rendered holds the FIR row FOR SHARE until it commits; a
# writer of a charge locks it FOR NO KEY UPDATE: whichever comes second
# waits, and the next read shows the change (not a JSON rendered before it).
read_race() { # ORDER: reader_first | writer_first
	fno=$(psql -X -At -v ON_ERROR_STOP=1 "$conn user=cctns_owner" <<'SQL' | tail -n 1
INSERT INTO ref.station (state_code, district_code, station_code, name, active)
VALUES (9, 118, 990213, 'Test PS 990213 Agra (read race)', true) ON CONFLICT DO NOTHING;
SELECT fir_number FROM api.register_fir(9, 118, 990213,
	decode(md5(random()::text || clock_timestamp()::text), 'hex'),
	'{"occurred_from": "2026-11-20T18:30:00+05:30", "information_received_at": "2026-11-21T10:15:00+05:30",
	  "information_type": "written", "charges": [{"act": "bns", "section": "303(2)"}],
	  "complainant": {"name": "Race Readcheck", "gender": "male", "year_of_birth": 1980},
	  "accused": [{"kind": "unknown", "count": 1}], "brief_facts": "Race check."}');
SQL
	)
	where="f.state_code = 9 AND f.station_code = 990213 AND f.fir_no = split_part('$fno', '/', 1)::int
		AND f.year = split_part('$fno', '/', 2)::int"
	read_sql="BEGIN; SELECT api.get_fir(9, 118, 990213, '$fno'); SELECT pg_sleep(1.5); COMMIT;"
	write_sql="BEGIN; UPDATE core.fir_charge c SET section = '318(4)' FROM core.fir f WHERE $where
		AND c.state_code = f.state_code AND c.year = f.year AND c.fir_id = f.fir_id; SELECT pg_sleep(1.5); COMMIT;"
	if [ "$1" = reader_first ]; then first=$read_sql second=$write_sql; else first=$write_sql second=$read_sql; fi
	run_psql cctns_owner -c "$first" &
	bg=$!
	sleep 0.5
	run_psql cctns_owner -c "$second"
	wait "$bg"
	got=$(psql -X -At "$conn user=cctns_owner" -c "SELECT api.get_fir(9, 118, 990213, '$fno') #>> '{content,charges,0,section}'")
	if [ "$got" != "318(4)" ]; then
		echo "FAIL: read race ($1): the next read shows section '$got', not the committed 318(4)" >&2
		exit 1
	fi
	echo "ok: read race ($1): the next read shows the committed change"
}
echo "== read cache race"
read_race reader_first
read_race writer_first
# reg (issue 7, 0044): the person search GIN pending list moved by api.person_search_flush
echo "== reg44_checks.sql"; run_psql cctns_owner -f "$here/reg44_checks.sql"
# search (issue 4, 0049): person search probes skipped when they cannot change the answer or are dense
echo "== search49_checks.sql"; run_psql cctns_owner -f "$here/search49_checks.sql"
# reg (issue 7, 0052): api.audit_append's two-statement path for a batch continuing its head
echo "== reg52_checks.sql"; run_psql cctns_owner -f "$here/reg52_checks.sql"
# fir (issue 7, 0053): NOTIFY cctns_fir of forgotten FIR renderings (the worker's local answers)
echo "== fir53_checks.sql"; run_psql cctns_owner -v notes="$work/fir53.notes" -f "$here/fir53_checks.sql"
# reg (issue 7, 0054): a registration on a connection that planned while its FIR partition was
# small does not scan the grown partition sequentially (the rendered-FIR lock by index)
echo "== reg54_checks.sql"; run_psql cctns_owner -f "$here/reg54_checks.sql"
# sql (issue 7, 0055): a registration's child rows skip the rendered-copy lock and deletes of
# its own new FIR; the document is stripped of property identifiers only when it has some
echo "== sql55_checks.sql"; run_psql cctns_owner -f "$here/sql55_checks.sql"
# core (issue 7, 0057): audit.log's chain checked once per statement, not by a per-row foreign key
echo "== core57_checks.sql"; run_psql cctns_owner -f "$here/core57_checks.sql"
# reg (issue 7, 0058, 0059): a registration's audit record hashed in SQL in its own transaction,
# a chain per database session; audit batches as arrays
echo "== reg58_checks.sql"; run_psql cctns_owner -f "$here/reg58_checks.sql"
# reg (issue 7, 0060): a new person's search row as before for less, an FIR's persons linked at once
echo "== reg60_checks.sql"; run_psql cctns_owner -f "$here/reg60_checks.sql"
# reg (issue 7, 0061): a property item's numbers found before its record is read
echo "== reg61_checks.sql"; run_psql cctns_owner -f "$here/reg61_checks.sql"

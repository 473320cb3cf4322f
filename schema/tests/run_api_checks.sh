#!/bin/sh
# run_api_checks.sh: run the database checks of the api functions against a
# migrated CCTNS database, then register FIRs from 20 concurrent sessions and
# check that the numbers stay unique and gapless and that partitions for a
# new state are created once, without deadlocks.
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

echo "== $sessions concurrent sessions x $per_session registrations"
# Each session: one FIR in state 37 (whose partitions do not exist yet, so
# all sessions race to create them), then per_session FIRs at station
# 9:118:990002, every third one preceded by a registration that is rolled
# back after taking its number.
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
		fi
		echo "SELECT pg_temp.check(r.number > 0, 'registered') FROM api.register_fir(9, 118, 990002, pg_temp.key(), pg_temp.sample()) r;"
		i=$((i + 1))
	done
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
	FROM core.fir WHERE state_code = 37 AND year = y;
	IF r.c <> want_state OR r.d <> want_state OR r.hi <> want_state THEN
		RAISE EXCEPTION 'FAIL: state 37 has % FIRs numbered up to %; want 1 .. %', r.c, r.hi, want_state;
	END IF;
	IF (SELECT last_no FROM core.fir_counter WHERE state_code = 9 AND district_code = 118
		AND station_code = 990002 AND year = y) <> want THEN
		RAISE EXCEPTION 'FAIL: counter of station 990002 is not %', want;
	END IF;
	RAISE NOTICE 'ok: % concurrent registrations numbered 1..% without gaps; state 37 partitions created once',
		want, want;
END
$$;
SQL
echo "schema api checks: all passed"

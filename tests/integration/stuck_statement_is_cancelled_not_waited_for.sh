#!/usr/bin/env bash
# stuck_statement_is_cancelled_not_waited_for: when a registration cannot proceed (here: another
# session holds the station's FIR counter row), the database cancels it at the server role's
# statement_timeout; the terminal is told "unavailable" (exit 5) promptly instead of hanging,
# nothing is stored, and the number is not used up: the next FIR gets it.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

assert_eq "10s" "$(sql "SELECT split_part(c, '=', 2) FROM pg_db_role_setting s,
	unnest(s.setconfig) c JOIN pg_roles r ON true
	WHERE r.oid = s.setrole AND r.rolname = 'cctns_server' AND c LIKE 'statement_timeout=%'")" \
	"the server role has a statement timeout by default (migration 0007)"

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "the first FIR registers"
year=$(fir_number "$OUT")
year=${year#*/}

# A short deadline for this test (2 s: the server's other statements must fit it on a loaded
# machine too); it applies to the connections of a restarted server.
sql "ALTER ROLE cctns_server SET statement_timeout = '2s'"
server_stop
server_start

# Another session holds the station's counter row for 8 seconds.
psql -X -q -d "$CCTNS_DB" -c "BEGIN; SELECT 1 FROM core.fir_counter
	WHERE state_code = $A_STATE AND district_code = $A_DISTRICT AND station_code = $A_STATION
	FOR UPDATE; SELECT pg_sleep(8); COMMIT;" >/dev/null &
holder=$!
for _ in $(seq 50); do
	[ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(8)%'
		AND state = 'active' AND pid <> pg_backend_pid()")" = 1 ] && break
	sleep 0.1
done

t0=$(date +%s)
# --no-queue: this test is about the answer, not the offline outbox.
run term a fir register "$SAMPLE" --no-queue
elapsed=$(($(date +%s) - t0))
assert_eq 5 "$RC" "a registration stuck behind a lock is answered 'unavailable' (exit 5)"
assert_contains "$OUT" "unavailable" "the terminal says the database is unavailable"
[ "$elapsed" -lt 6 ] || fail "the terminal waited ${elapsed}s, longer than the lock was held"
ok "the answer came after ${elapsed}s, before the lock was released"
server_alive || fail "the server died"
ok "the server keeps serving"

wait "$holder"
assert_eq 1 "$(sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION")" \
	"the cancelled registration stored nothing"
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "once the lock is gone the station registers again"
assert_eq "0002/$year" "$(fir_number "$OUT")" "the cancelled registration used up no number"

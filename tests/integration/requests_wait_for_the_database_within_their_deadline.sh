#!/usr/bin/env bash
# requests_wait_for_the_database_within_their_deadline: while PostgreSQL is down a request
# waits for a connection ([database] wait, 4 s by default: below the terminal's 5 s
# connect_timeout) as the pool reconnects with backoff. PostgreSQL back within the wait:
# the FIR is registered once and the terminal is told. Down for longer: the terminal hears
# "could not be reached within the deadline" after about the wait, nothing is stored, and
# the server serves the next request.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

pg_stop() { "$PGCTL" --dir "$T/pg" stop >/dev/null; }
pg_start() { "$PGCTL" --dir "$T/pg" start >/dev/null; }
fir_count() { sql 'SELECT count(*) FROM core.fir'; }
ms() { date +%s%3N; }

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "a registration with the database up"
before=$(fir_count)

# 1. Down for about 2 s while a registration waits: registered once, told.
pg_stop
log "PostgreSQL stopped"
t0=$(ms)
term a fir register "$SAMPLE" --no-queue >"$T/wait.out" 2>&1 &
reg=$!
for _ in $(seq 1 40); do
	[ "$(metrics_sum '^cctns_pool_waiting$')" -ge 1 ] && break
	sleep 0.05
done
waiting=$(metrics_sum '^cctns_pool_waiting$')
log "statements waiting for the database: $waiting"
[ "$waiting" -ge 1 ] || fail "no request waits for the database (cctns_pool_waiting=$waiting)"
sleep 0.5 # short: PostgreSQL's start and the reconnect must fit in the 4 s wait too
kill -0 "$reg" 2>/dev/null || fail "the terminal was answered while PostgreSQL was down: $(cat "$T/wait.out")"
pg_start
log "PostgreSQL started after $(($(ms) - t0)) ms"
rc=0
wait "$reg" || rc=$?
took=$(($(ms) - t0))
log "terminal: exit $rc after $took ms: $(cat "$T/wait.out")"
assert_eq 0 "$rc" "the registration that waited is registered and told"
n=$(fir_number "$(cat "$T/wait.out")")
[ -n "$n" ] || fail "no FIR number in: $(cat "$T/wait.out")"
assert_eq $((before + 1)) "$(fir_count)" "exactly one FIR more is stored"
no=$((10#${n%/*}))
assert_eq 1 "$(sql "SELECT count(*) FROM core.fir WHERE state_code = $A_STATE
	AND district_code = $A_DISTRICT AND station_code = $A_STATION AND year = ${n#*/}
	AND fir_no = $no")" "FIR $n exists once"
[ "$(metrics_sum '^cctns_pool_reconnects_total$')" -ge 1 ] || fail "no reconnect counted"
ok "reconnects counted: $(metrics_sum '^cctns_pool_reconnects_total$')"

# 2. Down for longer than the wait: unavailable after about the wait, nothing stored.
stored=$(fir_count)
pg_stop
log "PostgreSQL stopped again"
t0=$(ms)
run term a fir register "$SAMPLE" --no-queue
took=$(($(ms) - t0))
log "answered after $took ms"
assert_eq 5 "$RC" "the terminal hears unavailable"
assert_contains "$OUT" "could not be reached within the deadline" "... and why"
[ "$took" -ge 3500 ] || fail "answered after $took ms: it did not wait the 4 s"
[ "$took" -le 10000 ] || fail "answered after $took ms: far beyond the 4 s wait"
ok "unavailable after $took ms (wait 4 s)"
[ "$(metrics_sum '^cctns_pool_wait_expired_total$')" -ge 1 ] || fail "no expiry counted"
server_alive || fail "cctns-server died while PostgreSQL was down"
healthy && fail "/healthz says ok with PostgreSQL down"
pg_start
for _ in $(seq 1 100); do healthy && break; sleep 0.1; done
assert_eq "$stored" "$(fir_count)" "nothing was stored by the request that ran out of time"
run term a fir register "$SAMPLE" --no-queue
assert_eq 0 "$RC" "the server serves after"
assert_eq $((stored + 1)) "$(fir_count)" "... and stores that FIR once"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sanitizer_clean

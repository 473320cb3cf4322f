#!/usr/bin/env bash
# several_servers_behind_haproxy: two cctns-server processes on one database behind HAProxy
# run with deploy/haproxy/haproxy.cfg (TCP mode, health check on /healthz; only its addresses
# replaced by loopback ports). Four terminals register through HAProxy's address in loops;
# once both servers have answered registrations, one server is killed (SIGKILL). Then:
#   - mutual TLS passes through HAProxy (the servers read the stations from the terminals'
#     certificates) and both servers took registrations before the kill;
#   - HAProxy marks the dead server DOWN and registrations continue through the other;
#   - every registration ended with a number or an offline receipt delivered by sync; every
#     FIR told exists once, nothing is duplicated (one FIR per idempotency key), numbers are
#     1..N without a gap.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source-path=SCRIPTDIR source=repl_lib.bash
. "$(dirname "$0")/repl_lib.bash"
command -v haproxy >/dev/null || fail "haproxy is not installed (deploy/install-deps)"
N=4
MIN=3

stack_up # server one: lib.sh's
repl_server_start two "host=$CCTNS_PGHOST port=5432 dbname=cctns user=cctns_server"
HAP_PORT="" STATS_PORT=""
free_port HAP_PORT
free_port STATS_PORT
sed -e "s/0\.0\.0\.0:7443/127.0.0.1:$HAP_PORT/" \
	-e "s/10\.0\.0\.11:7443 check port 7480/127.0.0.1:$TLS_PORT check port $HTTP_PORT/" \
	-e "s/10\.0\.0\.12:7443 check port 7480/127.0.0.1:${REPL_TLS[two]} check port ${REPL_HTTP[two]}/" \
	-e "s/127\.0\.0\.1:7481/127.0.0.1:$STATS_PORT/" \
	-e "s/^\(\s*maxconn\) .*/\1 2000/" \
	"$SRC/deploy/haproxy/haproxy.cfg" >"$T/haproxy.cfg"
run haproxy -c -f "$T/haproxy.cfg"
assert_eq 0 "$RC" "the sample haproxy.cfg is valid"
haproxy -db -f "$T/haproxy.cfg" >"$T/haproxy.log" 2>&1 &
HAP_PID=$!

# hap_status SERVER: UP or DOWN (or nothing) for SERVER, from HAProxy's stats CSV.
hap_status() {
	curl -fsS --max-time 2 "http://127.0.0.1:$STATS_PORT/;csv" 2>/dev/null |
		awk -F, -v s="$1" '$1 == "cctns_servers" && $2 == s { print $18 }' | cut -d' ' -f1
}
# wait_status SERVER STATUS SECONDS
wait_status() {
	local i
	for ((i = 0; i < $3 * 10; i++)); do
		[ "$(hap_status "$1")" = "$2" ] && return 0
		sleep 0.1
	done
	fail "HAProxy shows $1 as '$(hap_status "$1")', not $2, after $3 s"
}
wait_status cctns1 UP 30
wait_status cctns2 UP 30
ok "HAProxy sees both servers healthy"

for i in $(seq 1 $N); do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	repl_terminal "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i" "$HAP_PORT"
	printf '[outbox]\ndir = outbox-%s\n' "$i" >>"$T/t$i.conf"
	run term "t$i" login --officer $A_OFFICER --password-file "$OFFICER_PW"
	[ "$RC" = 0 ] || fail "terminal t$i did not sign in through HAProxy"
done
ok "$N terminals signed in through HAProxy (mutual TLS passed through)"

terminal() {
	local i=$1 j=0 rc
	while [ $j -lt $MIN ] || [ ! -e "$T/stop" ]; do
		j=$((j + 1))
		rc=0
		timeout 120 "$BIN/cctns" --config "$T/t$i.conf" fir register "$SAMPLE" \
			>"$T/out.$i.$j" 2>"$T/err.$i.$j" || rc=$?
		echo "$rc $(date +%s%3N)" >"$T/rc.$i.$j"
		sleep 0.05
	done
}
# served PORT: the registrations the server with that HTTP port answered ok (its /metrics).
served() {
	curl -fsS --max-time 5 "http://127.0.0.1:$1/metrics" 2>/dev/null |
		awk '$1 == "cctns_requests_total{type=\"register_fir\",status=\"ok\"}" { n = $2 }
		END { print n + 0 }'
}
stored() { sql 'SELECT count(*) FROM core.fir' 2>/dev/null || echo -1; }

pids=()
for i in $(seq 1 $N); do
	terminal "$i" &
	pids+=($!)
done
for ((k = 0; k < 600; k++)); do
	[ "$(served "$HTTP_PORT")" -ge 3 ] && [ "$(served "${REPL_HTTP[two]}")" -ge 3 ] && break
	sleep 0.2
done
s1=$(served "$HTTP_PORT")
s2=$(served "${REPL_HTTP[two]}")
log "before the kill: server one answered $s1 registrations, server two $s2"
if [ "$s1" -lt 3 ] || [ "$s2" -lt 3 ]; then
	fail "HAProxy did not spread the terminals over both servers"
fi
ok "both servers took registrations through HAProxy"
assert_contains "$(cat "$T/two.server.log")" "state=9 district=118 station=1001 terminal=desk-" \
	"the server behind HAProxy read the station from the terminal's certificate"

t_kill=$(date +%s%3N)
repl_server_kill two
wait_status cctns2 DOWN 30
log "HAProxy marked server two DOWN $(($(date +%s%3N) - t_kill)) ms after the kill"
ok "HAProxy takes the killed server out"
from=$(stored)
for ((k = 0; k < 600; k++)); do
	[ "$(stored)" -ge $((from + 8)) ] && break
	sleep 0.2
done
[ "$(stored)" -ge $((from + 8)) ] || fail "registrations did not continue through server one"
ok "registrations continue through the other server"
touch "$T/stop"
for p in "${pids[@]}"; do wait "$p" || true; done

for i in $(seq 1 $N); do
	run term "t$i" sync
	assert_eq 0 "$RC" "terminal $i delivers its outbox"
done
: >"$T/told"
total=0 queued=0 after=0
for f in "$T"/rc.*; do
	k=${f#"$T"/rc.}
	i=${k%%.*}
	read -r rc at <"$f"
	total=$((total + 1))
	[ "$rc" = 0 ] || fail "terminal $k: exit $rc: $(cat "$T/out.$k" "$T/err.$k")"
	receipt=$(grep -oE 'queued offline: receipt OFF-[0-9A-Za-z_-]+' "$T/out.$k" |
		awk '{print $4}' || true)
	if [ -n "$receipt" ]; then
		queued=$((queued + 1))
		n=$(awk -F '\t' -v r="$receipt" '$1 == r { n = $3 } END { print n }' \
			"$T/outbox-$i/delivered.log" 2>/dev/null)
		[ -n "$n" ] || fail "terminal $i: receipt $receipt was never delivered"
	else
		n=$(fir_number "$(cat "$T/out.$k")")
		[ -n "$n" ] || fail "terminal $k: exit 0 with no number: $(cat "$T/out.$k")"
		[ "$at" -le "$t_kill" ] || after=$((after + 1))
	fi
	echo "$n" >>"$T/told"
done
log "$total registrations, $after answered online after the kill, $queued queued offline;" \
	"$(cat "$T"/err.* | grep -c 'sending the same FIR again' || true) resent after a cut link"
[ "$after" -gt 0 ] || fail "no registration was answered online after the kill"
repl_told_check "$T/pg" $A_STATION "$T/told"
assert_eq "$total" "$(stored)" "no FIR stored beyond those told"
kill "$HAP_PID" 2>/dev/null || true
wait "$HAP_PID" 2>/dev/null || true
sanitizer_clean

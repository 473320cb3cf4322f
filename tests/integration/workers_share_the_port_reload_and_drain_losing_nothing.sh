#!/usr/bin/env bash
# workers_share_the_port_reload_and_drain_losing_nothing: cctns-server with [server] workers = 2
# (load: every core). The supervisor forks two workers listening on one port (SO_REUSEPORT),
# each with its own /healthz on the http port + its index (and /metrics, which sums both: see
# workers_metrics_sum_every_worker), and connections are spread over both. Four terminals of two stations register FIRs in loops while the server
# reloads (SIGHUP: a renewed server certificate, taken by the supervisor and both workers),
# while one worker is killed (the supervisor starts another), and while it drains (SIGTERM
# with requests in flight: it exits 0). Afterwards every FIR a terminal was told about is
# stored exactly once, and no FIR is stored that no terminal was told about.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
SERVER_WORKERS=2
stack_up
N=4 # terminals: desk-1 and desk-2 of stations A and B

workers() { pgrep -P "$SERVER_PID" | sort; }
wait_for_text "$SERVER_LOG" 'event=ready listen=' 20 || fail "the supervisor never said ready"
mapfile -t W < <(workers)
assert_eq 2 "${#W[@]}" "the supervisor runs two worker processes"
assert_eq 2 "$(grep -c 'event=worker_start' "$SERVER_LOG")" "... each logged at its start"
assert_match "$(cat "$SERVER_LOG")" 'event=ready listen=127\.0\.0\.1:[0-9]+ workers=2' \
	"the supervisor says ready once both listen"
for i in 0 1; do
	curl -fsS --max-time 5 "http://127.0.0.1:$((HTTP_PORT + i))/healthz" >/dev/null ||
		fail "worker $i does not answer /healthz on port $((HTTP_PORT + i))"
done
ok "each worker answers /healthz on its own port"

# Connections are spread by the kernel: 24 hellos reach both workers.
for _ in $(seq 24); do term a hello >/dev/null || fail "hello failed"; done
sleep 1.5 # each worker publishes its counters every second
conns() { curl -fsS --max-time 5 "http://127.0.0.1:$HTTP_PORT/metrics" |
	awk -v s="cctns_worker_connections_total{worker=\"$1\"}" '$1 == s { print $2 }'; }
c0=$(conns 0) c1=$(conns 1)
log "connections: worker 0 $c0, worker 1 $c1"
[ "$c0" -gt 0 ] && [ "$c1" -gt 0 ] || fail "one worker took every connection ($c0, $c1)"
ok "new connections are spread over both workers"

i=0
for st in A B; do
	for d in 1 2; do
		i=$((i + 1))
		s=${st}_STATION dist=${st}_DISTRICT stt=${st}_STATE
		[ $d = 1 ] || "$PKI" station "$T/pki" "${!stt}" "${!dist}" "${!s}" "desk-$d" >/dev/null
		terminal_conf "t$i" "station-${!stt}-${!dist}-${!s}-desk-$d"
		printf '[outbox]\ndir = outbox-%s\n' "$i" >>"$T/t$i.conf"
	done
done

# terminal I: register until $T/stop exists; each attempt's exit status and output kept.
terminal() {
	local i=$1 j=0 rc
	while [ ! -e "$T/stop" ]; do
		j=$((j + 1))
		rc=0
		timeout 60 "$BIN/cctns" --config "$T/t$i.conf" fir register "$SAMPLE" \
			>"$T/out.$i.$j" 2>"$T/err.$i.$j" || rc=$?
		echo "$rc" >"$T/rc.$i.$j"
	done
}
stored() { sql 'SELECT count(*) FROM core.fir' 2>/dev/null || echo -1; }
wait_more() {
	local to=$(($(stored) + $1)) k
	for ((k = 0; k < 600; k++)); do
		[ "$(stored)" -ge "$to" ] && return 0
		sleep 0.2
	done
	fail "FIRs stopped being stored ($(stored), waited for $to)"
}

pids=()
for i in $(seq $N); do
	terminal "$i" &
	pids+=($!)
done
wait_more 8

# Reload under load: a renewed server certificate.
"$PKI" --force server "$T/pki" server >/dev/null
server_reload
wait_for_text "$SERVER_LOG" 'event=reload ok=1 supervisor=1' 20 || fail "the supervisor did not reload"
for ((k = 0; k < 100; k++)); do
	[ "$(grep -c 'event=reload ok=1 closed=' "$SERVER_LOG")" -ge 2 ] && break
	sleep 0.2
done
assert_eq 2 "$(grep -c 'event=reload ok=1 closed=' "$SERVER_LOG")" "both workers reloaded on SIGHUP"
wait_more 8
ok "registrations go on after the reload"

# A worker dies: the supervisor starts another in its place.
kill -KILL "${W[0]}"
for ((k = 0; k < 100; k++)); do
	[ "$(grep -c 'event=worker_start' "$SERVER_LOG")" -ge 3 ] && break
	sleep 0.2
done
assert_eq 3 "$(grep -c 'event=worker_start' "$SERVER_LOG")" "a killed worker is started again"
mapfile -t W2 < <(workers)
assert_eq 2 "${#W2[@]}" "... so two workers run again"
wait_more 8
ok "registrations go on after a worker was killed"

# Drain with requests in flight.
touch "$T/draining"
sleep 0.5
server_stop || fail "cctns-server (supervisor) did not exit 0 on SIGTERM"
ok "SIGTERM drains both workers and the supervisor exits 0"
touch "$T/stop"
for p in "${pids[@]}"; do wait "$p" || true; done
assert_eq 2 "$(grep -c 'event=drain open=' "$SERVER_LOG")" "both workers drained"

# Registrations made while the server was down wait in the terminals' outboxes: start it
# again (two workers) and deliver them.
server_start
for i in $(seq $N); do
	run term "t$i" sync
	assert_eq 0 "$RC" "terminal $i delivers its outbox"
done
server_stop || fail "cctns-server did not exit 0 on the second SIGTERM"

# What the terminals were told: a number, or an offline receipt delivered since.
: >"$T/told"
total=0 queued=0
for f in "$T"/rc.*; do
	rc=$(cat "$f")
	k=${f#"$T"/rc.}
	i=${k%%.*}
	[ "$rc" = 0 ] || fail "registration $k: exit $rc: $(cat "$T/out.$k" "$T/err.$k")"
	receipt=$(grep -oE 'queued offline: receipt OFF-[0-9A-Za-z_-]+' "$T/out.$k" |
		awk '{print $4}' || true)
	if [ -n "$receipt" ]; then
		queued=$((queued + 1))
		n=$(awk -F '\t' -v r="$receipt" '$1 == r { n = $3 } END { print n }' \
			"$T/outbox-$i/delivered.log" 2>/dev/null)
		[ -n "$n" ] || fail "terminal $i: receipt $receipt was never delivered"
	else
		n=$(fir_number "$(cat "$T/out.$k")" || true)
		[ -n "$n" ] || fail "registration $k: exit 0 without a number: $(cat "$T/out.$k")"
	fi
	echo "$i $n" >>"$T/told"
	total=$((total + 1))
done
log "$total registrations, $queued of them queued after SIGTERM and delivered by sync"
assert_eq "$total" "$(stored)" "every FIR stored was told to a terminal, and every one told is stored"
for st in "$A_STATION" "$B_STATION"; do
	case $st in "$A_STATION") ts="1 2" ;; *) ts="3 4" ;; esac
	told=$(awk -v a="${ts% *}" -v b="${ts#* }" '$1 == a || $1 == b' "$T/told" | wc -l)
	uniq=$(awk -v a="${ts% *}" -v b="${ts#* }" '$1 == a || $1 == b { print $2 }' "$T/told" | sort -u | wc -l)
	assert_eq "$told" "$uniq" "station $st: no number told twice"
	assert_eq "$told|1|$told" "$(sql "SELECT count(*), min(fir_no), max(fir_no) FROM core.fir
		WHERE station_code = $st")" "station $st: $told FIRs numbered 1..$told without a gap"
done
sanitizer_clean

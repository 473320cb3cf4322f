#!/usr/bin/env bash
# workers_metrics_sum_every_worker (cleanup): with [server] workers = 2, one scrape sees the whole
# server. Each worker publishes its counters into shared memory every second; the /metrics of
# either worker's port sums both: 24 hellos (spread over both workers by SO_REUSEPORT) add
# exactly 24 to cctns_requests_total{type="hello"} on port + 0 and on port + 1, which agree;
# cctns_worker_connections_total{worker} shows the spread and adds up to
# cctns_connections_total. A worker killed with SIGKILL is restarted and continues its slot's
# counters, so the sums do not go back. `cctns-admin status` checks /healthz of every worker
# (it reads cctns_workers from /metrics) and fails when one does not answer.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
SERVER_WORKERS=2
stack_up

scrape() { curl -fsS --max-time 5 "http://127.0.0.1:$((HTTP_PORT + $1))/metrics"; }
# sample PORT_INDEX SERIES: the value of one series (exact name and labels) on that port.
sample() { scrape "$1" | awk -v s="$2" '$1 == s { print $2; f = 1 } END { if (!f) print "none" }'; }
HELLO='cctns_requests_total{type="hello",status="ok"}'

sleep 1.5 # every worker has published
before=$(sample 0 "$HELLO")
for _ in $(seq 24); do term a hello >/dev/null || fail "hello failed"; done
sleep 1.5 # the other worker's last second
assert_eq $((before + 24)) "$(sample 0 "$HELLO")" "port + 0 counts the 24 hellos of both workers"
assert_eq $((before + 24)) "$(sample 1 "$HELLO")" "port + 1 counts the same"
assert_eq 2 "$(sample 0 cctns_workers)" "cctns_workers says 2"
assert_eq 2 "$(sample 1 cctns_workers_published)" "both workers published"
m=$(scrape 0)
w0=$(awk '$1 == "cctns_worker_connections_total{worker=\"0\"}" { print $2 }' <<<"$m")
w1=$(awk '$1 == "cctns_worker_connections_total{worker=\"1\"}" { print $2 }' <<<"$m")
all=$(awk '$1 == "cctns_connections_total" { print $2 }' <<<"$m")
log "connections: worker 0 $w0, worker 1 $w1, all $all"
[ "${w0:-0}" -gt 0 ] && [ "${w1:-0}" -gt 0 ] || fail "one worker took every connection ($w0, $w1)"
ok "the per-worker series show the spread over both workers"
assert_eq "$all" "$((w0 + w1))" "cctns_connections_total is the sum of the workers'"

# status: every worker's /healthz.
status() { "$BIN/cctns-admin" --db "$CCTNS_DB" status --http "127.0.0.1:$HTTP_PORT" "$@"; }
run status
assert_match "$OUT" "^server +ok +http://127.0.0.1:$HTTP_PORT/healthz 200, 2 workers: ports $HTTP_PORT-$((HTTP_PORT + 1)) all 200" \
	"status checks /healthz of both workers"
mapfile -t W < <(pgrep -P "$SERVER_PID" | sort -n)
assert_eq 2 "${#W[@]}" "two worker processes"
w1pid=$(sed -n 's/.*event=worker_start worker=1 pid=\([0-9]*\).*/\1/p' "$SERVER_LOG" | tail -n 1)
[ -n "$w1pid" ] || fail "no worker_start line for worker 1 in the server log"
kill -STOP "$w1pid"
run status
kill -CONT "$w1pid"
assert_match "$OUT" "^server +failure +.*worker 1 \\(http://127.0.0.1:$((HTTP_PORT + 1))/healthz\\)" \
	"a worker that does not answer /healthz is a failure naming it"

# A worker killed and restarted continues its counters.
total=$(sample 0 "$HELLO")
kill -KILL "$w1pid"
for _ in $(seq 100); do
	n=$(pgrep -P "$SERVER_PID" | wc -l)
	[ "$n" = 2 ] && ! kill -0 "$w1pid" 2>/dev/null && curl -fsS --max-time 1 \
		"http://127.0.0.1:$((HTTP_PORT + 1))/healthz" >/dev/null 2>&1 && break
	sleep 0.2
done
assert_eq 2 "$(pgrep -P "$SERVER_PID" | wc -l)" "the supervisor restarted the killed worker"
assert_eq "$total" "$(sample 0 "$HELLO")" "the sum did not go back after the restart (port + 0)"
assert_eq "$total" "$(sample 1 "$HELLO")" "... nor on the restarted worker's port"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sanitizer_clean

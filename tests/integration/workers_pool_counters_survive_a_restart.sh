#!/usr/bin/env bash
# workers_pool_counters_survive_a_restart (cleanup, slice 10): with [server] workers = 2 and a
# read pool ([database] read_conninfo, here the primary itself), person searches spread over
# both workers are counted by the read pool (cctns_pool_requests_total{pool="read"}) and the
# primary pool (cctns_pool_statements_total, cctns_pool_connects_total). Worker 1 is killed
# with SIGKILL; the supervisor restarts it with new pools, whose own counters start at zero.
# The summed counters of /metrics must not go back: the restarted worker keeps its slot's
# pool totals and adds them to what it publishes (server/metrics_shared.c, struct carry).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
SERVER_WORKERS=2
# The read pool on the primary's own socket: every read row goes to it.
eval "$(declare -f write_server_conf | sed '1s/^write_server_conf/write_server_conf_noread/')"
write_server_conf() {
	write_server_conf_noread
	printf '[database]\nread_conninfo = host=%s port=5432 dbname=cctns user=cctns_server\nread_pool_size = 2\n' \
		"$CCTNS_PGHOST" >>"$T/server.conf"
}
stack_up

scrape() { curl -fsS --max-time 5 "http://127.0.0.1:$((HTTP_PORT + $1))/metrics"; }
# total PORT_INDEX REGEX: the sum of the samples whose name and labels match REGEX.
total() { scrape "$1" | awk -v re="$2" '!/^#/ && $1 ~ re { s += $NF } END { printf "%d\n", s }'; }
READS='^cctns_pool_requests_total[{]pool="read"[}]$'
STMTS='^cctns_pool_statements_total$'
CONNECTS='^cctns_pool_connects_total$'

# wait_reads_ready: both workers' read pools ready, so searches are answered by the read pool.
wait_reads_ready() {
	for _ in $(seq 150); do
		[ "$(total 0 '^cctns_read_pool_connections[{]state="ready"')" = 4 ] && break
		sleep 0.2
	done
	assert_eq 4 "$(total 0 '^cctns_read_pool_connections[{]state="ready"')" \
		"both workers' read pools have 2 connections ready"
}
sleep 1.5 # every worker has published
wait_reads_ready
for _ in $(seq 24); do
	term a person search "Zorawar Bhandari" >/dev/null || fail "person search failed"
done
sleep 1.5 # every worker has published
reads=$(total 0 "$READS")
[ "$reads" -ge 24 ] || fail "the read pool answered $reads of 24 searches"
ok "the read pool answered the 24 searches ($reads reads)"
m=$(scrape 0)
w1=$(awk '$1 == "cctns_worker_requests_total{worker=\"1\"}" { print $2 }' <<<"$m")
[ "${w1:-0}" -gt 0 ] || fail "worker 1 answered nothing: its restart would prove nothing"
ok "worker 1 answered $w1 requests before it is killed"
stmts=$(total 0 "$STMTS")
connects=$(total 0 "$CONNECTS")
log "before: reads $reads, statements $stmts, connects $connects"

w1pid=$(sed -n 's/.*event=worker_start worker=1 pid=\([0-9]*\).*/\1/p' "$SERVER_LOG" | tail -n 1)
[ -n "$w1pid" ] || fail "no worker_start line for worker 1 in the server log"
kill -KILL "$w1pid"
for _ in $(seq 100); do
	! kill -0 "$w1pid" 2>/dev/null && [ "$(pgrep -P "$SERVER_PID" | wc -l)" = 2 ] &&
		curl -fsS --max-time 1 "http://127.0.0.1:$((HTTP_PORT + 1))/healthz" >/dev/null 2>&1 && break
	sleep 0.2
done
assert_eq 2 "$(pgrep -P "$SERVER_PID" | wc -l)" "the supervisor restarted the killed worker"
sleep 1.5 # the restarted worker has published
for port in 0 1; do
	r=$(total "$port" "$READS")
	s=$(total "$port" "$STMTS")
	c=$(total "$port" "$CONNECTS")
	log "after the restart, port + $port: reads $r, statements $s, connects $c"
	[ "$r" -ge "$reads" ] || fail "reads by the read pool went back from $reads to $r (port + $port)"
	[ "$s" -ge "$stmts" ] || fail "pool statements went back from $stmts to $s (port + $port)"
	[ "$c" -gt "$connects" ] || fail "pool connects did not grow from $connects ($c, port + $port)"
done
ok "the summed pool counters did not go back after the restart, on either port"

# And they go on counting in the restarted worker.
wait_reads_ready
for _ in $(seq 8); do
	term a person search "Zorawar Bhandari" >/dev/null || fail "person search failed"
done
sleep 1.5
assert_eq $((reads + 8)) "$(total 0 "$READS")" "the 8 searches after the restart add 8 reads"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# ops_metrics_readiness_and_status: cctns-server tells systemd READY=1 (with MAINPID and STATUS)
# only once its listener is up and a database connection is ready, RELOADING=1 then READY=1 on
# SIGHUP, STOPPING=1 on SIGTERM (a fake NOTIFY_SOCKET: an abstract unix datagram socket read by
# python3). After traffic /metrics shows the operator's series: pool statements, waits, wait
# time, connects and reconnects (PostgreSQL restarted), connections by state, TLS handshakes
# ok and failed, audit queue and batch latency, replication role and lag; a terminal that
# connects with writes queued in its offline outbox shows up in cctns_terminal_outbox_pending
# until it has delivered them. `cctns-admin status` prints one screen and exits 0 / 1 / 2.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries cctns-admin cctns-server cctns

# The fake systemd: every datagram on one line of $T/notify.log.
NOTIFY_NAME="cctns-itest-notify-$$-$RANDOM"
python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("\0" + sys.argv[1])
with open(sys.argv[2], "ab", 0) as f:
    while True:
        d = s.recv(4096)
        f.write(d.replace(b"\n", b" ") + b"\n")
' "$NOTIFY_NAME" "$T/notify.log" &
for _ in $(seq 50); do [ -f "$T/notify.log" ] && break; sleep 0.1; done
[ -f "$T/notify.log" ] || fail "the fake NOTIFY_SOCKET listener did not start"
# Only the server gets it (PostgreSQL, built with systemd support, would notify too).
NOTIFY="@$NOTIFY_NAME"

# Readiness waits for the database: with PostgreSQL down the server listens but is not ready.
pki_setup
db_setup
"$PGCTL" --dir "$T/pg" stop >/dev/null
free_port TLS_PORT
free_port HTTP_PORT
write_server_conf
NOTIFY_SOCKET=$NOTIFY "$BIN/cctns-server" --config "$T/server.conf" </dev/null >>"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
wait_for_text "$SERVER_LOG" "event=ready" 20 || fail "the server did not start listening"
sleep 1
assert_not_contains "$(cat "$T/notify.log")" "READY=1" "no READY=1 while the database is down"
"$PGCTL" --dir "$T/pg" start >/dev/null
wait_for_text "$T/notify.log" "READY=1" 30 || fail "no READY=1 after the database came up"
ready=$(grep -m1 "READY=1" "$T/notify.log")
assert_contains "$ready" "MAINPID=$SERVER_PID" "READY=1 names the server's pid"
assert_contains "$ready" "STATUS=serving on 127.0.0.1:$TLS_PORT" "... and its listen address"
healthy || fail "/healthz not 200 after READY=1"
ok "READY=1 once the database is up, and /healthz agrees"
terminal_conf a "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"

kill -HUP "$SERVER_PID"
wait_for_text "$T/notify.log" "RELOADING=1" 10 || fail "no RELOADING=1 on SIGHUP"
assert_match "$(grep RELOADING "$T/notify.log")" "RELOADING=1 MONOTONIC_USEC=[0-9]+" "SIGHUP: RELOADING=1 with MONOTONIC_USEC"
# READY=1 follows once the reload is done: not necessarily by the time RELOADING=1 is read
# (under AddressSanitizer the reload takes longer), so wait for it, up to 10 s.
for _ in $(seq 100); do
	[ "$(grep -c "^READY=1" "$T/notify.log")" -lt 2 ] || break
	sleep 0.1
done
assert_eq 2 "$(grep -c "^READY=1" "$T/notify.log")" "... then READY=1 again"
assert_match "$(tail -n 1 "$T/notify.log")" "^READY=1 ?$" "... the last message"

# Traffic.
for i in 1 2 3; do
	run term a fir register "$SAMPLE"
	assert_eq 0 "$RC" "FIR $i registered"
done
run sclient "" </dev/null # no client certificate: the handshake is refused
open_conn idle "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
"$PGCTL" --dir "$T/pg" stop >/dev/null
"$PGCTL" --dir "$T/pg" start >/dev/null
for _ in $(seq 100); do healthy && break; sleep 0.2; done
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "an FIR after PostgreSQL restarted"
sleep 2 # the replication reading runs a second after start, then every 15 s

M=$(curl -fsS "http://127.0.0.1:$HTTP_PORT/metrics")
metric() { awk -v n="$1" '$1 == n { print $2 }' <<<"$M"; }
gt0() { awk -v v="$(metric "$1")" 'BEGIN { exit !(v > 0) }' || fail "$1 is not above 0: '$(metric "$1")'"; ok "$1 > 0 ($(metric "$1"))"; }
gt0 cctns_pool_statements_total
gt0 cctns_pool_wait_seconds_total
[ -n "$(metric cctns_pool_waits_total)" ] || fail "no cctns_pool_waits_total"
ok "cctns_pool_waits_total present ($(metric cctns_pool_waits_total))"
awk -v v="$(metric cctns_pool_connects_total)" -v p="$SERVER_POOL_SIZE" 'BEGIN { exit !(v >= 2 * p) }' ||
	fail "cctns_pool_connects_total $(metric cctns_pool_connects_total) < twice the pool size"
ok "cctns_pool_connects_total counts the connections made again after the restart"
gt0 cctns_pool_reconnects_total
assert_eq 1 "$(metric 'cctns_connections_by_state{state="ready"}')" "connections_by_state: the idle connection is ready"
gt0 'cctns_tls_handshakes_total{result="ok"}'
gt0 'cctns_tls_handshakes_total{result="failed"}'
gt0 cctns_audit_batch_seconds_count
gt0 cctns_audit_batch_seconds_sum
[ -n "$(metric cctns_audit_queue_length)" ] || fail "no cctns_audit_queue_length"
ok "cctns_audit_queue_length present"
assert_eq 0 "$(metric cctns_database_is_standby)" "replication: the database is a primary"
assert_eq 0 "$(metric cctns_replication_standbys)" "... with no standby"
[ -n "$(metric cctns_replication_lag_seconds)" ] || fail "no cctns_replication_lag_seconds"
ok "cctns_replication_lag_seconds present"
gt0 'cctns_replication_polls_total{result="ok"}'
assert_eq 0 "$(metric cctns_terminal_outbox_pending)" "no outbox backlog yet"
close_conn idle

# A terminal with a queued outbox: two writes queued while the server is down.
printf '[outbox]\ndir = outbox-a\n' >>"$T/a.conf"
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || fail "the server did not exit 0"
SERVER_PID=""
assert_contains "$(cat "$T/notify.log")" "STOPPING=1" "SIGTERM: STOPPING=1"
for i in 1 2; do
	run term a fir register "$SAMPLE"
	assert_contains "$OUT" "queued offline" "server down: write $i queued in the outbox"
done
NOTIFY_SOCKET=$NOTIFY server_start
# The next connection tells 2 in its Hello, then delivers them; metrics keep what it told
# until its next Hello.
run term a hello
assert_eq 0 "$RC" "the terminal connects (and delivers its outbox)"
M=$(curl -fsS "http://127.0.0.1:$HTTP_PORT/metrics")
assert_eq 2 "$(metric cctns_terminal_outbox_pending)" "cctns_terminal_outbox_pending shows the 2 queued writes"
assert_eq 1 "$(metric cctns_terminals_with_outbox)" "cctns_terminals_with_outbox is 1"
assert_eq 6 "$(sql "SELECT count(*) FROM core.fir")" "the queued FIRs were delivered"
run term a hello
M=$(curl -fsS "http://127.0.0.1:$HTTP_PORT/metrics")
assert_eq 0 "$(metric cctns_terminal_outbox_pending)" "its next Hello tells 0: the backlog is gone"
assert_eq 0 "$(metric cctns_terminals_with_outbox)" "... and no terminal has one"

# cctns-admin status.
BK=$T/backup
mkdir -p "$BK"
status() { "$BIN/cctns-admin" --db "$CCTNS_DB" status --http "127.0.0.1:$HTTP_PORT" --backup-dir "$BK" "$@"; }
run status
assert_eq 1 "$RC" "status: warnings (no backup, reporting never refreshed) exit 1"
assert_match "$OUT" "^server +ok +http://127.0.0.1:$HTTP_PORT/healthz 200" "status: server ok"
assert_match "$OUT" "^database +ok +primary, PostgreSQL 15" "status: database reachable, primary"
assert_match "$OUT" "^migrations +ok +([0-9]+) applied of \\1 shipped" "status: every shipped migration applied"
assert_match "$OUT" "^audit +ok +[0-9]+ chains \\([0-9]+ open\\), [0-9]+ records, every tail matches" "status: audit tails match"
assert_match "$OUT" "^reporting +warning +3 of 3 aggregates never refreshed" "status: reporting never refreshed"
assert_match "$OUT" "^replication +ok +primary, no standby streaming" "status: replication"
assert_match "$OUT" "^backup +warning +no backup recorded" "status: no backup"
assert_match "$OUT" "^overall +warning" "status: overall warning"
"$BIN/cctns-admin" --db "$CCTNS_DB" reporting refresh >/dev/null 2>&1
"$BIN/cctns-admin" --db "$CCTNS_DB" partitions ensure >/dev/null
printf '%s itest\n' "$(date +%s)" >"$BK/LAST"
run status --json
assert_eq 0 "$RC" "status: all ok exits 0"
assert_eq ok "$(jq -r .status <<<"$OUT")" "status --json: {status: ok}"
assert_eq "server database migrations partitions audit reporting replication backup" \
	"$(jq -r '[.checks[].name] | join(" ")' <<<"$OUT")" "status --json names every check"
# The audit chain's head cut back: its tail no longer matches (a superuser at work).
psql -X -q -h "$CCTNS_PGHOST" -U postgres -d cctns -c "ALTER TABLE audit.chain DISABLE TRIGGER USER;
	UPDATE audit.chain SET last_seq = last_seq - 1 WHERE last_seq > 1;
	ALTER TABLE audit.chain ENABLE TRIGGER USER" >/dev/null
run status --json
assert_eq 2 "$RC" "status: a broken audit tail is a failure (exit 2)"
assert_eq failure "$(jq -r '.checks[] | select(.name == "audit") | .status' <<<"$OUT")" "... in the audit check"
server_stop || true
run status
assert_eq 2 "$RC" "status: server down is a failure (exit 2)"
assert_match "$OUT" "^server +failure +http://127.0.0.1:$HTTP_PORT/healthz unreachable" "... saying /healthz is unreachable"
run "$BIN/cctns-admin" --db "host=$T/nowhere dbname=cctns user=cctns_owner" status --http "127.0.0.1:$HTTP_PORT" --backup-dir "$BK"
assert_eq 2 "$RC" "status: database unreachable is a failure (exit 2)"
assert_match "$OUT" "^database +failure +database unreachable: " "... saying why"
sanitizer_clean

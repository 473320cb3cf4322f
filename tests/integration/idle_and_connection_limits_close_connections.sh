#!/usr/bin/env bash
# idle_and_connection_limits_close_connections: connections over max_connections are closed
# at once while the others are served, a freed slot is taken again, and a connection idle
# longer than idle_timeout is closed by the server.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
SERVER_MAX_CONNECTIONS=3
stack_up
desk=station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1

for c in c1 c2 c3; do
	open_conn "$c" "$desk" || fail "connection $c got no HelloAck"
done
ok "max_connections (3) connections are served"

run term a hello
[ "$RC" -ne 0 ] || fail "a 4th connection was served"
assert_eq 5 "$RC" "a connection over max_connections is closed at once (exit 5, unavailable)"
server_alive || fail "the server died"

get_fir_frame 2 "0001/2000" | send c2
wait_for_text "$T/c2.out" "0001/2000" 10 || wait_for_text "$T/c2.out" "no FIR" 1 ||
	fail "connection c2 stopped answering"
ok "the connections within the limit keep being answered"

close_conn c1
for _ in $(seq 1 50); do
	run term a hello
	[ "$RC" -eq 0 ] && break
	sleep 0.1
done
assert_eq 0 "$RC" "a freed slot is taken by a new terminal"
close_conn c2
close_conn c3

# Idle timeout: restart with idle_timeout = 2s.
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
SERVER_IDLE_TIMEOUT=2s
SERVER_MAX_CONNECTIONS=256
server_start
open_conn idle "$desk" || fail "no HelloAck"
conn_closed_by_server idle 10 || fail "an idle connection was still open after 10 s"
ok "a connection idle longer than idle_timeout (2 s) is closed by the server"
run term a hello
assert_eq 0 "$RC" "new terminals are served"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

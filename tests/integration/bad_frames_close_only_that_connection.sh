#!/usr/bin/env bash
# bad_frames_close_only_that_connection: garbage bytes, an oversize length header, a zero
# length, an undecodable body, a request before Hello and a truncated frame each close their
# own connection; a connection opened before them keeps getting answers, new terminals are
# served, and /metrics counts the protocol errors.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
desk=station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "an FIR to read back later"
number=$(fir_number "$OUT")

# The long-lived connection: Hello now, a GetFir after the bad connections.
open_conn ll "$desk" || fail "no HelloAck on the long-lived connection"
ok "the long-lived connection is up (HelloAck names the station)"
errors_before=$(metrics_sum '^cctns_protocol_errors_total')

# bad NAME BYTES-PRODUCER...: send the bytes on a fresh connection (after its TLS handshake),
# and check the server closes it by itself within 10 s.
bad() {
	local what=$1 rc=0
	shift
	"$@" | sclient "$desk" -quiet >"$T/bad.out" 2>&1 || rc=$?
	[ "$rc" -ne 124 ] || fail "$what: the server kept the connection open"
	ok "$what: the server closed that connection"
}
garbage() { printf 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'; }
hello_then() { hello_frame 1; printf '%s' "$1" | xxd -r -p; }
undecodable() { hello_then '00000008ffffffffffffffff'; }
oversize() { hello_then '7fffffff'; }
just_over() { hello_then '00100001'; }
zero() { hello_then '00000000'; }
before_hello() { get_fir_frame 5 "$number"; }

bad "garbage bytes" garbage
bad "an undecodable body after Hello" undecodable
bad "an oversize length header (2 GiB)" oversize
bad "a length one byte over the 1 MiB cap" just_over
bad "a zero length" zero
bad "a request before Hello" before_hello

# A truncated frame: after the HelloAck, the header promises 200 bytes, 10 come, then the
# terminal hangs up.
open_conn trunc "$desk" || fail "a truncated frame: no HelloAck before it"
printf '000000c8%s' "$(printf '%020d' 0)" | xxd -r -p | send trunc
sleep 0.2
close_conn trunc
ok "a truncated frame: the terminal hung up mid-frame"

server_alive || fail "the server died"
ok "the server is still running"

get_fir_frame 2 "$number" | send ll
wait_for_text "$T/ll.out" "Shahganj" || fail "no answer on the long-lived connection"
ok "the long-lived connection still gets answers"
close_conn ll

run term a fir show "$number"
assert_eq 0 "$RC" "a new terminal is served"
run term b fir register "$SAMPLE"
assert_eq 0 "$RC" "and can register"

errors_after=$(metrics_sum '^cctns_protocol_errors_total')
log "protocol errors in /metrics: before $errors_before, after $errors_after"
[ $((errors_after - errors_before)) -ge 6 ] ||
	fail "/metrics counted $((errors_after - errors_before)) protocol errors, want at least 6"
ok "/metrics counts the protocol errors"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

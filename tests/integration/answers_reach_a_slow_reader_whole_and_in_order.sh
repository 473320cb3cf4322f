#!/usr/bin/env bash
# answers_reach_a_slow_reader_whole_and_in_order (core, session 10): the server writes an
# answer straight to its socket when nothing waits before it (one writev, no write event to
# add and remove: cctns_answer_writes_total{how="direct"}); what the socket does not take
# goes to the connection's output, in order, and is sent as the terminal reads
# (how="queued"). A terminal (slowreader.py: Python's ssl, our certificates) says Hello, then
# sends 2,500 reads of one FIR (5 MB of answers, more than the socket
# buffers hold) at once and stops reading for two seconds with a 4 KB receive
# buffer, so the server's socket fills in the middle of an answer. Every answer must still
# come, whole (the TLS records decrypt), in order, and byte-identical to each other.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "an FIR is registered"
n=$(fir_number "$OUT")
run term a fir show "$n"
assert_eq 0 "$RC" "... and read"
direct0=$(metric 'cctns_answer_writes_total{how="direct"}')
[ "${direct0:-0}" -gt 0 ] || fail "answers written at once: \"$direct0\", expected > 0"
ok "answers go to their socket at once ($direct0 so far)"
queued0=$(metric 'cctns_answer_writes_total{how="queued"}')

N=2500
hello_frame 1 >"$T/hello.bin"
cert="$T/pki/station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
run timeout 60 python3 "$SRC/tests/integration/slowreader.py" "$TLS_PORT" "$T/pki/ca.crt" \
	"$cert.crt" "$cert.key" "$T/hello.bin" "$n" $N 2
assert_eq 0 "$RC" "the slow reader got $((N + 1)) frames"
assert_eq "$(seq 1 $((N + 1)) | tr '\n' ' ')" "$(awk '{ printf "%s ", $1 }' <<<"$OUT")" \
	"the answers came in the order of the requests"
assert_eq 1 "$(awk '$1 > 1 { print $3 }' <<<"$OUT" | sort -u | wc -l)" \
	"every answer to the $N reads is the same, byte for byte"
size=$(awk '$1 == 2 { print $2 }' <<<"$OUT")
[ "$size" -gt 1000 ] || fail "the answer is $size bytes: not an FIR"
ok "each answer is the FIR ($size bytes)"
queued1=$(metric 'cctns_answer_writes_total{how="queued"}')
[ "$((queued1 - ${queued0:-0}))" -gt 0 ] || fail "no answer was queued: the socket never filled"
ok "$((queued1 - ${queued0:-0})) answers were queued behind a full socket"
run term a fir show "$n"
assert_eq 0 "$RC" "the server still answers other terminals"
sanitizer_clean

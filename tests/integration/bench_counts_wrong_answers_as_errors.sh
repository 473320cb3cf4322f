#!/usr/bin/env bash
# bench_counts_wrong_answers_as_errors: cctns-bench counts an answer as ok only when it is the
# answer its request expects (bench, issue 7). The bench checks a lookup's or a read's answer
# by its top level (request id, which body) without unpacking it; against a fake mutual-TLS
# server (bench_fake_server.py) that answers wrongly on purpose, every wrong answer must be an
# error, never ok: a Status (its message printed), another body, another request's id, a frame
# that is no Envelope (the connection closed, its request counted as an error), and a broken
# HelloAck (a failed setup, exit 1). The fake's right answers are all ok.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries cctns-bench
command -v python3 >/dev/null || fail "python3 is missing (deploy/install-deps)"
pki_setup
free_port TLS_PORT
terminal_conf_only fake-1 "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"

# bench_against MODE: OUT, RC of a 1 s lookup run on 2 connections against the fake in MODE.
bench_against() {
	python3 "$SRC/tests/integration/bench_fake_server.py" "$T/pki" "$TLS_PORT" "$1" \
		>"$T/fake-$1.out" 2>&1 &
	local fake=$!
	for _ in $(seq 100); do
		grep -q listening "$T/fake-$1.out" && break
		sleep 0.1
	done
	run "$BIN/cctns-bench" --conf "$T/fake-%d.conf" --stations 1 --connections 2 \
		--seconds 1 --mix lookup:1 --fir "$SAMPLE"
	kill "$fake" 2>/dev/null || true
	wait "$fake" 2>/dev/null || true
	line=$(grep -m 1 "^mode=" <<<"$OUT" || true)
}

bench_against good
assert_eq 0 "$RC" "the fake's right answers: cctns-bench runs"
assert_match "$line" ' ok=[1-9][0-9]* errors=0 ' "... every right answer ok"

bench_against status
assert_match "$line" ' ok=0 errors=[1-9][0-9]* ' "a Status answer is an error"
assert_contains "$OUT" 'first_error="refused by the fake server"' "... its message printed"

bench_against wrongbody
assert_match "$line" ' ok=0 errors=[1-9][0-9]* ' "an answer of another kind is an error"
assert_contains "$OUT" 'first_error="answer 11 to request 2: expected 131 to 2"' \
	"... saying which body came for which request"

bench_against wrongid
assert_match "$line" ' ok=0 errors=[1-9][0-9]* ' "an answer to another request id is an error"

bench_against garbage
assert_match "$line" ' failed_setup=0 ok=0 errors=2 ' \
	"a frame that is no Envelope: the request in flight an error, the connection closed"
assert_contains "$OUT" 'undecodable frame' "... saying so"

bench_against badhello
assert_eq 1 "$RC" "a HelloAck that is no Envelope: cctns-bench exits 1"
assert_match "$line" ' failed_setup=2 ' "... both connections failed setup"

# --handshakes against a port nobody listens on: every attempt a failed setup, and the slots
# that fail after the end are not opened a second time (they were: a slot open twice, its
# first socket's events left behind, crashed the bench once the slot closed).
CLOSED_PORT=1 # nothing listens there (a free_port could be taken by a parallel test's server)
sed "s/:$TLS_PORT\$/:$CLOSED_PORT/" "$T/fake-1.conf" >"$T/closed-1.conf"
run "$BIN/cctns-bench" --conf "$T/closed-%d.conf" --stations 1 --connections 3 --seconds 1 \
	--handshakes
assert_eq 1 "$RC" "handshakes to a closed port: cctns-bench exits 1 (not a crash)"
assert_match "$OUT" 'first_error="connection setup failed: Connection refused"' \
	"... every attempt refused"

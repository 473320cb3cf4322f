#!/usr/bin/env bash
# bench_rate_counts_latency_from_due_time: cctns-bench --rate sends each request at its due
# time and counts its latency from then (reg, issue 7). The k-th request used to be queued
# only once k + 1 were due, so one period (1/rate) was added to every latency: at 2/s every
# registration measured at least 500 ms. At 2/s on one connection each registration is alone
# on an idle server, so the median must be well under one period; and every request due in
# the run must have been sent.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries cctns-bench
stack_up
terminal_conf load-1 "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"

run "$BIN/cctns-bench" --conf "$T/load-%d.conf" --stations 1 --connections 1 --seconds 4 \
	--rate 2 --mix register:1 --fir "$SAMPLE"
assert_eq 0 "$RC" "cctns-bench runs at 2 requests a second"
line=$(grep -m 1 "^mode=" <<<"$OUT" || true)
assert_match "$line" ' ok=8 errors=0 ' "... and sends the 8 requests due in 4 s, all answered"
p50=$(grep -oE 'p50_ms=[0-9.]+' <<<"$line" | cut -d= -f2)
awk -v p="$p50" 'BEGIN { exit !(p < 250) }' ||
	fail "median latency $p50 ms at 2/s: counted from a period after the due time? ($line)"
ok "median latency $p50 ms, under half the 500 ms period"

# bench (issue 7): every answer is checked, not only counted. The bench reads FIRs by number
# and searches with answers it does not unpack (it walks their top level: request id, which
# answer); a search from a terminal whose officer is not signed in is refused by the server (a
# Status each: reference lookups need no officer), and must be counted as an error, never ok.
run "$BIN/cctns-bench" --conf "$T/load-%d.conf" --stations 1 --connections 2 --seconds 2 \
	--mix show:2,search:1,lookup:1 --fir "$SAMPLE"
assert_eq 0 "$RC" "a signed-in terminal reads, searches and looks up"
line=$(grep -m 1 "^mode=" <<<"$OUT" || true)
assert_match "$line" ' errors=0 ' "... every answer the one its request expects"
for op in show search lookup; do
	assert_match "$(grep -m 1 "^op=$op " <<<"$OUT" || true)" "^op=$op ok=[1-9][0-9]* errors=0 " \
		"... $op answered"
done
terminal_conf_only nosession-1 "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
run "$BIN/cctns-bench" --conf "$T/nosession-%d.conf" --stations 1 --connections 2 --seconds 2 \
	--mix search:1 --fir "$SAMPLE"
line=$(grep -m 1 "^mode=" <<<"$OUT" || true)
assert_match "$line" ' ok=0 errors=[1-9]' "refused searches count as errors, not ok"
assert_match "$OUT" 'first_error=".+"' "... and the first refusal's message is printed"

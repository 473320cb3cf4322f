#!/usr/bin/env bash
# fir_numbers_stay_gapless_under_concurrency: 20 terminals of one station register at the same
# moment; they get the numbers 1..20, each once, and the database holds exactly those.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
N=20

for i in $(seq 1 $N); do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	terminal_conf "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i"
done

# Start them together: each waits for the same go file.
pids=()
for i in $(seq 1 $N); do
	(
		while [ ! -e "$T/go" ]; do sleep 0.01; done
		exec timeout 60 "$BIN/cctns" --config "$T/t$i.conf" fir register "$SAMPLE"
	) >"$T/out.$i" 2>&1 &
	pids+=($!)
done
touch "$T/go"
failed=0
for i in $(seq 1 $N); do
	wait "${pids[$((i - 1))]}" || {
		echo "# terminal $i failed: $(cat "$T/out.$i")"
		failed=$((failed + 1))
	}
done
assert_eq 0 "$failed" "all $N terminals registered (exit 0)"

numbers=$(for i in $(seq 1 $N); do fir_number "$(cat "$T/out.$i")"; done | sort)
year=$(head -n 1 <<<"$numbers")
year=${year#*/}
expected=$(for i in $(seq 1 $N); do printf '%04d/%s\n' "$i" "$year"; done)
assert_eq "$expected" "$numbers" "the terminals were told 0001..00$N, each once"

rows=$(sql "SELECT count(*), count(DISTINCT fir_no), min(fir_no), max(fir_no) FROM core.fir
	WHERE state_code = $A_STATE AND district_code = $A_DISTRICT AND station_code = $A_STATION
	  AND year = $year")
assert_eq "$N|$N|1|$N" "$rows" "the database holds FIRs 1..$N, no gap, no repeat"

run term a fir register "$SAMPLE"
assert_eq "$(printf '%04d/%s' $((N + 1)) "$year")" "$(fir_number "$OUT")" "the next FIR is $((N + 1))"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

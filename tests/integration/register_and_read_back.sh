#!/usr/bin/env bash
# register_and_read_back: a station registers the sample FIR over mutual TLS, reads it back
# (text and JSON), and the row sits in the partition of its state and year; another station
# neither sees it nor shares its numbering.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a hello
assert_eq 0 "$RC" "hello exits 0"
assert_contains "$OUT" "$A_NAME" "hello names the station from the register"

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "fir register exits 0"
assert_contains "$OUT" "registered at $A_NAME" "the receipt names the station"
number=$(fir_number "$OUT")
year=${number#*/}
assert_eq "0001/$year" "$number" "the first FIR of the station is 0001/<year>"

run term a fir show "$number"
assert_eq 0 "$RC" "fir show exits 0"
assert_contains "$OUT" "$number" "the printout carries the FIR number"
assert_contains "$OUT" "303(2)" "the printout carries the charges"
assert_contains "$OUT" "Shahganj" "the printout carries the brief facts"

run term a fir show "1/$year"
assert_eq 0 "$RC" "fir show accepts the number without leading zeros"

run term a fir show "$number" --json
assert_eq 0 "$RC" "fir show --json exits 0"
assert_contains "$OUT" '"fir_number"' "the JSON has the receipt"
assert_contains "$OUT" "331(4)" "the JSON has the second charge"
assert_contains "$OUT" '"value_rupees"' "the JSON has the property list"
assert_contains "$OUT" "282001" "the JSON has the complainant's address"

part=$(sql "SELECT tableoid::regclass FROM core.fir
	WHERE state_code = $A_STATE AND district_code = $A_DISTRICT AND station_code = $A_STATION
	  AND year = $year AND fir_no = 1")
assert_eq "core.fir_${A_STATE}_${year}" "$part" "the row sits in core.fir_<state>_<year>"
assert_eq 2 "$(sql "SELECT count(*) FROM core.fir_charge WHERE state_code = $A_STATE AND year = $year")" \
	"both charges are stored"

run term b fir show "$number"
assert_eq 6 "$RC" "another station cannot read the FIR (not found, exit 6)"

run term b fir register "$SAMPLE"
assert_eq 0 "$RC" "station B registers"
assert_eq "0001/$year" "$(fir_number "$OUT")" "station B has its own numbering"

run term a fir register "$SAMPLE"
assert_eq "0002/$year" "$(fir_number "$OUT")" "station A's next FIR is 0002"

run term a fir show "0999/$year"
assert_eq 6 "$RC" "an unknown number is not found (exit 6)"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server drains and exits 0 on SIGTERM"
sanitizer_clean

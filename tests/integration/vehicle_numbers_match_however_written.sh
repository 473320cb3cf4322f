#!/usr/bin/env bash
# vehicle_numbers_match_however_written: a registration number is kept as written and
# normalised ("UP 80 AB 1234" = "up-80-ab-1234" = "U.P. 80 AB 1234"), so a vehicle recovered by
# station B finds the theft report of station A: B's receipt lists it, matched by registration
# and chassis, and a search from any station finds both reports by any spelling, by chassis or
# by engine number, without the owner. Garbage registration numbers and impossible VINs are
# refused (exit 3) and nothing is stored; a report names only an FIR of its own station.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
STOLEN=$SRC/deploy/samples/vehicle-stolen.json
RECOVERED=$SRC/deploy/samples/vehicle-recovered.json

# stolen_with SED_SCRIPT: the stolen vehicle sample changed, into $T/v.json.
stolen_with() {
	sed -e "$1" "$STOLEN" >"$T/v.json"
}

for bad in "ZZ 12 AB 1234" "UP 32 AB 12345" "1234 UP"; do
	stolen_with "s/\"UP 80 AB 1234\"/\"$bad\"/"
	run term a vehicle report "$T/v.json"
	assert_eq 3 "$RC" "registration \"$bad\" is refused (exit 3)"
	assert_contains "$OUT" "v.json: registration_number:" "... naming registration_number"
done
assert_contains "$OUT" "such as UP 32 AB 1234" "... with an example of an Indian number"
stolen_with 's/"UP 80 AB 1234"/"HELLO"/'
run term a vehicle report "$T/v.json"
assert_eq 3 "$RC" "registration \"HELLO\" is refused by the terminal (exit 3)"
stolen_with 's/"MBLHAR073LHA12345"/"MBLHAR073LHO12345"/'
run term a vehicle report "$T/v.json"
assert_eq 3 "$RC" "a 17-character VIN with the letter O is refused (exit 3)"
assert_contains "$OUT" "chassis_number" "... naming chassis_number"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.vehicle_report')" "nothing was stored"

run term b fir register "$SAMPLE"
assert_eq 0 "$RC" "station B registers FIR 0001/$YEAR"
stolen_with "s|\"officer\":|\"fir_number\": \"1/$YEAR\", \"officer\":|"
run term a vehicle report "$T/v.json"
assert_eq 3 "$RC" "station A cannot name station B's FIR (exit 3)"
assert_contains "$OUT" "no FIR 0001/$YEAR at this station" "... there is no such FIR at station A"

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the theft FIR"
fir=$(fir_number "$OUT")
stolen_with "s|\"officer\":|\"fir_number\": \"$fir\", \"officer\":|"
run term a vehicle report "$T/v.json"
assert_eq 0 "$RC" "station A reports the stolen motorcycle"
assert_match "$OUT" '^Vehicle report 0001/'"$YEAR"' registered on .* \(UP80AB1234\)$' \
	"... as 0001/$YEAR, normalised UP80AB1234"
assert_contains "$OUT" "No matching report of the state." "... nothing matches it yet"

run term b vehicle report "$RECOVERED"
assert_eq 0 "$RC" "station B reports the motorcycle it recovered, written up-80-ab-1234"
assert_contains "$OUT" "It matches 1 report of the state:" "... and its receipt lists one match"
assert_match "$OUT" "^  Stolen 0001/$YEAR, $A_NAME \\(9:118:1001\\)\$" "... station A's theft report"
assert_match "$OUT" '^      matched by registration, chassis$' "... by registration and chassis"
assert_contains "$OUT" "FIR $fir" "... with its FIR"
assert_not_contains "$OUT" "Deepak" "... but not its owner"

for spelling in "U.P. 80 AB 1234" "up80ab1234" "UP-80-AB-1234"; do
	run term a vehicle find "$spelling"
	assert_eq 0 "$RC" "a search for \"$spelling\""
	assert_contains "$OUT" "2 reports of the state" "... finds both reports"
done
assert_match "$OUT" '^  Recovered 0001/'"$YEAR"', Aligarh Civil Lines' "... station B's recovery first (newest)"
assert_not_contains "$OUT" "Deepak" "... without owners"
run term b vehicle find --chassis "mblhar073-lha12345"
assert_eq 0 "$RC" "a search by chassis number, written with a dash in lower case"
assert_contains "$OUT" "2 reports of the state" "... finds both"
run term b vehicle find --engine "ha11ejl9a12345" --json
assert_eq 0 "$RC" "a search by engine number"
assert_contains "$OUT" '"matched_by": [' "... answers JSON naming what matched"
assert_contains "$OUT" '"engine"' "... the engine"
assert_eq 1 "$(grep -c "\"number\": \"0001/$YEAR\"" <<<"$OUT")" "... only the stolen report has that engine number"
run term a vehicle find "UP 80 AB 9999"
assert_eq 0 "$RC" "a search for another number"
assert_contains "$OUT" "No vehicle report of the state has registration UP80AB9999." "... finds none"
run term a vehicle find
assert_eq 2 "$RC" "a search needs a number (exit 2)"

run term a vehicle show "1/$YEAR"
assert_eq 0 "$RC" "station A prints its report"
assert_match "$OUT" '^ +STOLEN VEHICLE REPORT$' "... titled"
assert_match "$OUT" '^   Registration number +UP 80 AB 1234 \(searched as UP80AB1234\)$' \
	"... with the number as written and normalised"
assert_contains "$OUT" "Deepak Verma" "... and the owner"
assert_contains "$OUT" "Recovered 0001/$YEAR, Aligarh Civil Lines" "... and the recovery of station B"
run term b vehicle show "1/$YEAR" --json
assert_contains "$OUT" '"kind": "recovered"' "station B's 1/$YEAR is its own recovery report"
assert_not_contains "$OUT" "Deepak" "... and shows nothing of station A's owner"
run term b vehicle show "2/$YEAR"
assert_eq 6 "$RC" "station B has no report 2/$YEAR (exit 6)"
assert_eq 1 "$(sql "SELECT count(*) FROM core.gd_entry WHERE kind = 'vehicle' AND text LIKE '%two-wheeler reported stolen%' AND text NOT LIKE '%UP%'")" \
	"the diary entry says what was reported, without the number plate"
assert_eq owner "$(sql "SELECT string_agg(role, ',') FROM core.person_link WHERE record_kind = 'vehicle'")" \
	"the owner is linked"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# petition_converted_to_fir_links_both: a petition is converted only into an FIR of its own
# station registered at or after the petition was received; then the petition names the FIR,
# the FIR's timeline has a "From petition" event naming the petition, and the disposal's diary
# entry is about the case.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
S=$SRC/deploy/samples
# The sample disposal converts into the sample's FIR 0001: here station A's FIR 0001 of this year.
sed -e "s|\"fir_number\": \"[^\"]*\"|\"fir_number\": \"0001/$YEAR\"|" "$S/petition-dispose.json" >"$T/dispose.json"

# to_reported PETITION_NUMBER STATION: assign the sample enquiry officer and record the report now.
to_reported() {
	run term "$2" petition assign "$1" "$S/petition-assign.json"
	[ "$RC" -eq 0 ] || fail "assign $1 at $2"
	sed -e "s/\"reported_at\": \"[^\"]*\"/\"reported_at\": \"$(date -Iseconds)\"/" \
		"$S/petition-report.json" >"$T/report.json"
	run term "$2" petition report "$1" "$T/report.json"
	[ "$RC" -eq 0 ] || fail "report $1 at $2"
}

run term a petition register "$S/petition.json"
assert_eq 0 "$RC" "station A registers the petition (received 27/11/2026)"
to_reported "1/$YEAR" a
ok "its enquiry report recommends an FIR"

run term a petition dispose "1/$YEAR" "$T/dispose.json"
assert_eq 3 "$RC" "converting into an FIR that does not exist is refused (exit 3)"
assert_contains "$OUT" "fir_number: no FIR 0001/$YEAR at this station" "... naming fir_number"

run term b fir register "$SAMPLE"
assert_eq 0 "$RC" "station B registers its FIR 0001"
run term a petition dispose "1/$YEAR" "$T/dispose.json"
assert_eq 3 "$RC" "station B's FIR of the same number is not station A's (exit 3)"

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers FIR 0001 on the petition"
fir=$(fir_number "$OUT")
assert_eq "0001/$YEAR" "$fir" "... numbered 0001"

# A second petition, received after that FIR was registered, cannot become it.
sleep 1
sed -e "s/\"received_at\": \"[^\"]*\"/\"received_at\": \"$(date -Iseconds)\"/" "$S/petition.json" >"$T/petition2.json"
run term a petition register "$T/petition2.json"
assert_eq 0 "$RC" "a second petition is registered now"
to_reported "2/$YEAR" a
run term a petition dispose "2/$YEAR" "$T/dispose.json"
assert_eq 3 "$RC" "a petition is not converted into an FIR registered before it was received (exit 3)"
assert_contains "$OUT" "before petition 0002/$YEAR was received" "... saying why"
assert_eq enquiry_reported "$(sql 'SELECT status FROM core.petition WHERE petition_no = 2')" \
	"... and the petition is unchanged"

run term a petition dispose "1/$YEAR" "$T/dispose.json" --json
assert_eq 0 "$RC" "petition 1 is converted into FIR $fir"
assert_match "$OUT" '"kind" *: *"converted_to_fir"' "... the disposal is converted_to_fir"
assert_match "$OUT" "\"fir_number\" *: *\"$fir\"" "... naming the FIR"
assert_match "$OUT" '"status" *: *"disposed"' "... and the petition is disposed"

run term a petition show "1/$YEAR"
assert_match "$OUT" "^   Disposal +Converted into FIR $fir$" "petition show names the FIR"
run term a case timeline "$fir"
assert_eq 0 "$RC" "case timeline exits 0"
assert_match "$OUT" '  From petition  +Registered +[0-9]+ +Inspector Anil Kumar Tyagi \(UP-09876\)' \
	"the FIR's timeline has the petition, by the officer who disposed of it, with its diary entry"
assert_contains "$OUT" "Registered on petition 0001/$YEAR of 27/11/2026" \
	"... naming the petition"
run term a gd show
assert_contains "$OUT" "Petition 0001/$YEAR disposed: converted into FIR $fir" "the diary has the disposal"
assert_contains "$OUT" "Case: FIR $fir" "... as an entry about the case"
assert_eq "1|$YEAR" "$(sql "SELECT p.fir_no || '|' || p.fir_year FROM core.petition p
	JOIN core.fir f ON f.state_code = p.state_code AND f.year = p.fir_year AND f.fir_id = p.fir_id
	WHERE p.petition_no = 1 AND f.station_code = $A_STATION")" "the petition row references the FIR row"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# final_report_moves_case_status: a final report round-trips terminal -> server -> database ->
# terminal and moves the case along the status machine: the original charge-sheet moves a case
# under investigation to charge-sheeted, with a General Diary entry and a timeline event; a
# supplementary report needs the original first and keeps the status; an original report cannot
# be filed twice; another kind of report moves the case to final report, and a supplementary
# charge-sheet after it to charge-sheeted. A charge-sheet charging no one is refused.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
# sealed: the final reports here are filed by the samples' IO, signed in (the database checks it).
sign_in_sample_io a

today=$(TZ=Asia/Kolkata date +%F)
samples=$SRC/deploy/samples

# new_case: register the sample FIR, assign its IO (SI Ravi Kumar Sharma, UP-15432) and record
# the arrest of A1 now; the FIR number into $number.
new_case() {
	run term a fir register "$SAMPLE"
	assert_eq 0 "$RC" "an FIR is registered"
	number=$(fir_number "$OUT")
	run term a case assign-io "$number" "$samples/assign-io.json"
	assert_eq 0 "$RC" "its investigating officer is assigned"
	local now
	now=$(TZ=Asia/Kolkata date -Iseconds)
	sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$now\"/g" "$samples/arrest.json" >"$T/arrest.json"
	run term a arrest register "$number" "$T/arrest.json"
	assert_eq 0 "$RC" "A1 is arrested"
}

# report [SED_SCRIPT]: the sample final report filed now, today's dates, SED_SCRIPT applied.
report() {
	sed -e "s/\"2026-11-29T12:30:00+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/" -e "s/2026-11-29/$today/g" \
		-e "${1:-}" "$samples/final-report.json"
}

status_of() { # NUMBER
	sql "SELECT status FROM core.fir WHERE station_code = $A_STATION AND fir_no = ${1%/*}::int AND year = ${1#*/}"
}

new_case
report 's/"supplementary": false/"supplementary": true/' >"$T/supplementary.json"
run term a final-report file "$number" "$T/supplementary.json"
assert_eq 4 "$RC" "a supplementary report before the original is refused (exit 4)"
assert_contains "$OUT" "has no final report yet" "... saying the first report is the original"

# A charge-sheet with its charged accused taken out.
report >"$T/report.json"
sed -e '/"charged": \[/,/^  \],$/d' "$T/report.json" >"$T/nobody.json"
grep -q '"charged"' "$T/nobody.json" && fail "test document not built"
run term a final-report file "$number" "$T/nobody.json"
assert_eq 3 "$RC" "a charge-sheet charging no one is refused (exit 3)"
assert_contains "$OUT" "charged" "... naming charged"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.final_report')" "nothing refused was stored"
assert_eq under_investigation "$(status_of "$number")" "the case is still under investigation"

run term a final-report file "$number" "$T/report.json"
assert_eq 0 "$RC" "the IO files the charge-sheet"
assert_match "$OUT" "^Final report 1 \(original\) recorded in FIR $number" "... as report 1, the original"
assert_contains "$OUT" "Case status: Charge-sheeted" "... and the case is charge-sheeted"
assert_eq charge_sheeted "$(status_of "$number")" "the database has the case charge-sheeted"

run term a case timeline "$number"
assert_match "$OUT" "Final report +Charge-sheeted +[0-9]+ +SI Ravi Kumar Sharma \(UP-15432\)" \
	"the timeline shows the final report, the status after it, its diary entry and the IO"
assert_contains "$OUT" "Charge-sheet (report 1, original) in FIR $number" "... with its summary"
run term a gd show
assert_match "$OUT" "Final report +SI Ravi Kumar Sharma" "the diary has the server's final report entry"
assert_not_contains "$OUT" "Vikram" "... without the names of the accused"

run term a final-report file "$number" "$T/report.json"
assert_eq 4 "$RC" "a second original report is refused (exit 4)"
assert_contains "$OUT" "supplementary" "... saying a further report is supplementary"

report 's/"supplementary": false/"supplementary": true/' >"$T/supplementary.json"
run term a final-report file "$number" "$T/supplementary.json" --json
assert_eq 0 "$RC" "a supplementary charge-sheet is filed"
assert_match "$OUT" '"report_no": 2' "... as report 2"
assert_match "$OUT" '"status": "charge_sheeted"' "... and the case stays charge-sheeted"

run term a final-report show "$number" 1
assert_eq 0 "$RC" "report 1 reads back"
assert_contains "$OUT" "FINAL REPORT: CHARGE-SHEET" "... as a charge-sheet"
assert_contains "$OUT" "1 of 2: original" "... the original of two reports"
assert_match "$OUT" "\(1\) Accused A1" "... charging A1"
assert_contains "$OUT" "BNS 303(2), BNS 331(4)" "... under the sections charged"
assert_contains "$OUT" "(2) Vikram alias Vicky (no accused code: never arrested)" "... and the accused never arrested"
assert_contains "$OUT" "Absconding" "... who is absconding"
assert_contains "$OUT" "Named on suspicion by a neighbour" "... with the accused not charged and why"
assert_contains "$OUT" "Panch witness" "... the witnesses"
assert_contains "$OUT" "M-0117/2026" "... and the properties"
run term a final-report show "$number"
assert_contains "$OUT" "2 of 2: supplementary" "without REPORT_NO the latest report is shown"
run term a final-report show "$number" 3
assert_eq 6 "$RC" "report 3 does not exist (exit 6)"
assert_contains "$OUT" "no final report 3" "... saying so"
run term b final-report show "$number" 1
assert_eq 6 "$RC" "station B cannot read station A's final report"

# Another kind: the case moves to final report; a supplementary charge-sheet later makes it
# charge-sheeted.
new_case
report 's/"kind": "charge_sheet"/"kind": "untraced"/' | sed -e '/"charged": \[/,/^  \],$/d' >"$T/untraced.json"
run term a final-report file "$number" "$T/untraced.json"
assert_eq 0 "$RC" "a final report 'untraced' is filed"
assert_contains "$OUT" "Case status: Final report" "... and the case has its final report"
assert_eq final_report "$(status_of "$number")" "the database agrees"
report 's/"supplementary": false/"supplementary": true/' >"$T/supplementary.json"
run term a final-report file "$number" "$T/supplementary.json"
assert_eq 0 "$RC" "a supplementary charge-sheet after further investigation is filed"
assert_contains "$OUT" "Case status: Charge-sheeted" "... and the case is charge-sheeted"
run term a case timeline "$number"
assert_match "$OUT" "Final report +Final report " "the timeline has the final report"
assert_match "$OUT" "Final report +Charge-sheeted " "... and then the supplementary charge-sheet"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

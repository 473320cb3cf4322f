#!/usr/bin/env bash
# court_disposal_and_appeal_follow_the_case_status_machine: the court disposal, the appeal and
# its result round-trip terminal -> server -> database -> terminal, each only in its turn: no
# disposal before the final report, no appeal before the disposal, no result before the appeal,
# none of them twice (exit 4, nothing stored). In turn they move the case charge-sheeted ->
# court disposed -> in appeal -> appeal decided, each with its diary entry and timeline event,
# and cctns court show prints the disposal (IIF-VI), the appeal and its result (IIF-VII).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
# sealed: the final reports here are filed by the samples' IO, signed in (the database checks it).
sign_in_sample_io a

today=$(TZ=Asia/Kolkata date +%F)
samples=$SRC/deploy/samples
for f in court-disposal appeal appeal-result; do
	sed -e "s/2026-11-29/$today/g" "$samples/$f.json" >"$T/$f.json"
done

status() {
	sql "SELECT status FROM core.fir WHERE station_code = $A_STATION AND fir_no = ${number%/*}::int"
}
court_rows() {
	sql "SELECT (SELECT count(*) FROM core.court_disposal) || ' ' || (SELECT count(*) FROM core.appeal)
		|| ' ' || (SELECT count(*) FROM core.appeal WHERE decided_on IS NOT NULL)
		|| ' ' || (SELECT count(*) FROM core.gd_entry WHERE kind = 'court')"
}

run term a fir register "$SAMPLE"
number=$(fir_number "$OUT")
run term a case assign-io "$number" "$samples/assign-io.json"
assert_eq 0 "$RC" "an FIR with its IO"
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/g" "$samples/arrest.json" >"$T/arrest.json"
run term a arrest register "$number" "$T/arrest.json"
assert_eq 0 "$RC" "A1 is arrested"

run term a court disposal "$number" "$T/court-disposal.json"
assert_eq 4 "$RC" "no court disposal of a case under investigation (exit 4)"
assert_contains "$OUT" "after its final report" "... saying it comes after the final report"
run term a court appeal "$number" "$T/appeal.json"
assert_eq 4 "$RC" "no appeal before a court disposal (exit 4)"
run term a court appeal-result "$number" "$T/appeal-result.json"
assert_eq 4 "$RC" "no result of appeal before the appeal (exit 4)"
assert_eq "0 0 0 0" "$(court_rows)" "nothing refused was stored"
run term a court show "$number"
assert_eq 6 "$RC" "a case without a court disposal has no court record (exit 6)"
assert_contains "$OUT" "has no court disposal recorded" "... saying so"

sed -e "s/\"2026-11-29T12:30:00+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/" -e "s/2026-11-29/$today/g" \
	"$samples/final-report.json" >"$T/report.json"
run term a final-report file "$number" "$T/report.json"
assert_eq 0 "$RC" "the IO files the charge-sheet"

run term a court appeal "$number" "$T/appeal.json"
assert_eq 4 "$RC" "still no appeal before the court disposal (exit 4)"
run term a court disposal "$number" "$T/court-disposal.json"
assert_eq 0 "$RC" "the court disposal is recorded"
assert_match "$OUT" "^Court disposal recorded in FIR $number on " "... with a receipt"
assert_contains "$OUT" "Case status: Court disposed" "... and the case is court disposed"
assert_eq court_disposed "$(status)" "the database agrees"
run term a court disposal "$number" "$T/court-disposal.json"
assert_eq 4 "$RC" "a second court disposal is refused (exit 4)"
assert_contains "$OUT" "recorded already" "... as recorded already"
run term a court appeal-result "$number" "$T/appeal-result.json"
assert_eq 4 "$RC" "no result before the appeal (exit 4)"

run term a court appeal "$number" "$T/appeal.json" --json
assert_eq 0 "$RC" "the appeal is recorded"
assert_match "$OUT" '"status": "in_appeal"' "... and the case is in appeal"
assert_match "$OUT" '"event": "appeal_filed"' "... by the event appeal filed"
run term a court appeal "$number" "$T/appeal.json"
assert_eq 4 "$RC" "a second appeal is refused (exit 4)"
run term a court appeal-result "$number" "$T/appeal-result.json"
assert_eq 0 "$RC" "the result of the appeal is recorded"
assert_contains "$OUT" "Case status: Appeal decided" "... and the appeal is decided"
assert_eq appeal_decided "$(status)" "the database agrees"
run term a court appeal-result "$number" "$T/appeal-result.json"
assert_eq 4 "$RC" "a second result is refused (exit 4)"
assert_eq "1 1 1 3" "$(court_rows)" "one disposal, one appeal, one result, three diary entries"

run term a court show "$number"
assert_eq 0 "$RC" "the court record reads back"
assert_contains "$OUT" "COURT DISPOSAL AND RESULT OF APPEAL" "... under its title"
assert_match "$OUT" "Case status +Appeal decided" "... with the case's status"
assert_contains "$OUT" "Criminal Case 2471/2026" "... the case number in court"
assert_match "$OUT" "Disposal +Convicted" "... the disposal"
assert_match "$OUT" "Convicted under +BNS 303\(2\), BNS 331\(4\)" "... the sections convicted under"
assert_match "$OUT" "Term +3 years" "... the sentence"
assert_match "$OUT" "Fine +Rs. 10,000" "... and the fine"
assert_contains "$OUT" "Court of the Sessions Judge, Agra" "... the appellate court"
assert_match "$OUT" "Appellant +The accused" "... the appellant"
assert_match "$OUT" "Result +Sentence modified" "... the result of the appeal"
assert_match "$OUT" "Term +2 years" "... and the new sentence"
run term a court show "$number" --json
assert_match "$OUT" '"punishment": "rigorous_imprisonment"' "--json prints the CourtRecord"

run term a case timeline "$number"
assert_match "$OUT" "Court disposal +Court disposed +[0-9]+ +HC Harish Chandra \(UP-31007\)" \
	"the timeline shows the court disposal and who recorded it"
assert_match "$OUT" "Appeal filed +In appeal " "... the appeal"
assert_match "$OUT" "Appeal decided +Appeal decided " "... and its result"
assert_contains "$OUT" "convicted A1" "... with what the court decided, by accused code"
run term a gd show
assert_match "$OUT" "Court +HC Harish Chandra" "the diary has the court entries"
assert_not_contains "$OUT" "Sonu" "... without the accused's name"

run term b court show "$number"
assert_eq 6 "$RC" "station B cannot read station A's court record"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

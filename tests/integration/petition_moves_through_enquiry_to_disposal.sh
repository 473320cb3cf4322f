#!/usr/bin/env bash
# petition_moves_through_enquiry_to_disposal: a petition gets an acknowledgement number and a
# diary entry; it moves only received -> under enquiry -> enquiry reported -> disposed (steps out
# of order are refused, exit 4); re-assigning the enquiry officer is recorded; the report is the
# enquiry officer's, not in the future; closing needs a reason; a disposed petition never
# changes, not even by a direct UPDATE as the owner; its history names every step, time and
# officer; another station cannot see it.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
S=$SRC/deploy/samples

# report_now: the sample enquiry report made now, by OFFICER_JSON (default the sample's).
report_now() {
	sed -e "s/\"reported_at\": \"[^\"]*\"/\"reported_at\": \"$(date -Iseconds)\"/" "$S/petition-report.json"
}

key=$(openssl rand -hex 16)
run term a petition register "$S/petition.json" --key "$key"
assert_eq 0 "$RC" "petition register exits 0"
assert_match "$OUT" '^Petition 0001/[0-9]{4} registered on .* \(received 27/11/2026 09:40 IST\)$' \
	"the first petition gets acknowledgement 0001"
assert_match "$OUT" '^General Diary: GD entry 1 of ' "... and diary entry 1"
number=$(grep -oE '[0-9]{4}/[0-9]{4}' <<<"$OUT" | head -n 1)
run term a petition register "$S/petition.json" --key "$key" --json
assert_match "$OUT" '"replayed" *: *true' "the same key gives the same acknowledgement, replayed"
assert_eq 1 "$(sql 'SELECT count(*) FROM core.petition')" "one petition is stored"

run term a petition show "$number"
assert_eq 0 "$RC" "petition show exits 0"
headings=$(awk '{ sub(/^ +/, ""); print }' <<<"$OUT")
for want in "PETITION / COMPLAINT REGISTER" "1. Acknowledgement" "2. Petitioner" \
	"3. Against whom (respondents)" "4. Subject" "5. The petition" "6. Enquiry" \
	"7. Enquiry report" "8. Disposal" "9. History"; do
	grep -qxF -- "$want" <<<"$headings" || fail "petition show lacks the section '$want'"
done
ok "petition show prints the nine sections of the register"
assert_match "$OUT" '^   Name +Ramesh Chandra Agarwal$' "... the petitioner"
assert_match "$OUT" '^   How received +In person$' "... how it came"
assert_match "$OUT" '^   Status +Received$' "... status received"

run term a petition report "$number" - < <(report_now)
assert_eq 4 "$RC" "a report before any enquiry officer is refused (exit 4)"
assert_contains "$OUT" "assign an enquiry officer first" "... saying what comes first"
run term a petition dispose "$number" "$S/petition-dispose.json"
assert_eq 4 "$RC" "a disposal before the report is refused (exit 4)"

run term a petition assign "$number" "$S/petition-assign.json"
assert_eq 0 "$RC" "petition assign exits 0"
assert_match "$OUT" "^Petition $number is now Under enquiry$" "... now under enquiry"
assert_match "$OUT" '^Enquiry officer assigned: SI Ravi Kumar Sharma \(UP-15432\)$' "... the officer assigned"
run term a petition assign "$number" "$S/petition-assign.json"
assert_eq 4 "$RC" "assigning the same officer again is refused (exit 4)"
sed -e 's/UP-15432/UP-20211/; s/Ravi Kumar Sharma/Meena Verma/' "$S/petition-assign.json" >"$T/assign2.json"
run term a petition assign "$number" "$T/assign2.json"
assert_eq 0 "$RC" "another officer is assigned"
assert_match "$OUT" '^Enquiry officer changed from SI Ravi Kumar Sharma \(UP-15432\) to SI Meena Verma \(UP-20211\)$' \
	"... the change is recorded"

run term a petition report "$number" - < <(report_now)
assert_eq 3 "$RC" "a report by anyone but the enquiry officer is refused (exit 3)"
assert_contains "$OUT" "officer.number" "... and the field"
report_now | sed -e 's/UP-15432/UP-20211/; s/Ravi Kumar Sharma/Meena Verma/' >"$T/report.json"
sed -e "s/\"reported_at\": \"[^\"]*\"/\"reported_at\": \"$(date -d '+1 day' -Iseconds)\"/" "$T/report.json" >"$T/report-future.json"
run term a petition report "$number" "$T/report-future.json"
assert_eq 3 "$RC" "a report in the future is refused (exit 3)"
assert_contains "$OUT" "reported_at" "... naming reported_at"
run term a petition report "$number" "$T/report.json"
assert_eq 0 "$RC" "the enquiry officer's report is recorded"
assert_match "$OUT" "^Petition $number is now Enquiry reported$" "... now enquiry reported"
run term a petition assign "$number" "$S/petition-assign.json"
assert_eq 4 "$RC" "no assignment once the report is in (exit 4)"

cat >"$T/close.json" <<'JSON'
{ "kind": "closed", "officer": { "number": "UP-09876", "name": "Anil Kumar Tyagi", "rank": "Inspector" } }
JSON
run term a petition dispose "$number" "$T/close.json"
assert_eq 3 "$RC" "closing without a reason is refused (exit 3)"
assert_contains "$OUT" "reason" "... naming the reason"
sed -e 's/"kind": "closed",/"kind": "closed", "reason": "Compromise between the parties; nothing for the police.",/' \
	"$T/close.json" >"$T/close2.json"
run term a petition dispose "$number" "$T/close2.json"
assert_eq 0 "$RC" "the petition is closed with a reason"
assert_match "$OUT" "^Petition $number is now Disposed$" "... now disposed"
assert_match "$OUT" "^Petition $number disposed: closed$" "... closed"
assert_match "$OUT" '^General Diary: GD entry 2 of ' "... entered in the diary"

run term a petition dispose "$number" "$T/close2.json"
assert_eq 4 "$RC" "a disposed petition cannot be disposed again (exit 4)"
assert_contains "$OUT" "cannot change" "... it cannot change"
run term a petition assign "$number" "$T/assign2.json"
assert_eq 4 "$RC" "nor get an enquiry officer (exit 4)"
run sql "UPDATE core.petition SET subject = 'changed'"
[ "$RC" -ne 0 ] || fail "the owner changed a disposed petition"
assert_contains "$OUT" "cannot change" "not even the owner can change a disposed petition"
run sql "DELETE FROM core.petition"
[ "$RC" -ne 0 ] || fail "the owner deleted a disposed petition"
ok "nor delete it"

run term a petition show "$number"
assert_match "$OUT" '^   Disposal +Closed$' "show: the disposal"
assert_match "$OUT" '^   Reason / remarks +Compromise between the parties' "... its reason"
assert_match "$OUT" '^   Status +Disposed$' "... the status"
for step in "Received  " "Enquiry assigned" "Enquiry reassigned" "Enquiry reported" "Disposed  "; do
	assert_match "$OUT" "^[0-9/]{10} [0-9:]{5}  $step" "history: $step"
done
assert_match "$OUT" 'Disposed +2 +Inspector Anil Kumar Tyagi \(UP-09876\)' "... with the disposal's diary entry and officer"

run term a gd show
assert_match "$OUT" '^ +1  [0-9:]{5}  Petition +HC Harish Chandra \(UP-31007\)$' "the diary: entry 1 is the petition"
assert_contains "$OUT" "Petition $number received in person; acknowledgement given" "... in words"
assert_contains "$OUT" "Petition $number disposed: closed" "entry 2 is its disposal"
assert_not_contains "$OUT" "Ramesh" "the diary names no one"

run term b petition show "$number"
assert_eq 6 "$RC" "another station cannot read the petition (exit 6)"
run term b petition assign "$number" "$S/petition-assign.json"
assert_eq 6 "$RC" "... nor take a step in it (exit 6)"
run term a petition show "2/$YEAR"
assert_eq 6 "$RC" "a number not given out is not found (exit 6)"
run term a petition show 2026
assert_eq 2 "$RC" "a malformed number is a usage error (exit 2)"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

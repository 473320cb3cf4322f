#!/usr/bin/env bash
# arrest_and_diary_entry_can_be_entered_interactively: the records other than the FIR get the
# same interactive entry. `cctns gd new` writes a diary entry (the kinds a station may write
# offered as a numbered list, the text line by line, a correction refused without the entry it
# corrects, on the spot); `cctns arrest new NUMBER` records an arrest memo in a pseudo-terminal
# (a full Aadhaar number refused on the spot and a masked one taken instead, "now" for the
# arrest time, the outcome from a numbered list, the review showing the memo as it will print),
# each with its own draft, gone after the submission.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
# shellcheck source=form_driver.bash
. "$(dirname "$0")/form_driver.bash"
DRAFTS=$T/drafts

# ------------------------------------------------------------------ a diary entry

form_open "$DRAFTS" gd new
ans '^  Kind of entry \(1 general, 2 correction, 3 departure, 4 arrival\):$' 2
reach '^  Entry'
send "The entry of this morning named the wrong jeep."
send "."
ans '^ *Belt / service number' UP-15432
ans '^ *Name:$' "Ravi Kumar Sharma"
ans '^ *Rank' SI
ans '^  Day of the entry corrected' ""
ans '^  Number of the entry corrected' ""
# (waited for: the refusal comes after the last answer, and the screen was read too soon on a
# loaded machine)
wait_screen "! corrects_date: is required for a correction"
ok "a correction without the entry it corrects is refused on the spot"
reach '^  Day of the entry corrected'
ok "... and its day asked again"
# Not a correction after all: back to the kind (past the officer) with "<".
while [[ $PROMPT != *"Kind of entry"* ]]; do
	send "<"
	reach '.'
done
send 3
reach '^  Entry .*\[The entry of this morning'
send "SI Ravi Kumar Sharma and HC 212 left for the scene in jeep UP 80 AG 1243."
send "."
reach '^\[s\]ubmit, \[e\]dit a field'
assert_match "$(screen)" '^ +1  Kind of entry +departure$' "the review lists the entry's fields"
send s
wait_screen "[form exited 0]"
assert_match "$(screen)" '^GD entry 1 of [0-9/]+ at [0-9:]+ IST: Departure$' "the entry is written (exit 0)"
[ ! -e "$DRAFTS/gd-new.json" ] || fail "the diary entry's draft is still there"
ok "... and its draft is gone"
tmux_ kill-session -t form
run term a gd show
assert_contains "$OUT" "HC 212 left for the scene in jeep UP 80" "gd show has the entry typed"

# ------------------------------------------------------------------ an arrest memo

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the FIR"
number=$(fir_number "$OUT")
sleep 1 # the arrest is stated in whole minutes or seconds: after the registration

form_open "$DRAFTS" arrest new "$number"
ans '^ *Name:$' "Sonu Kumar"
ans '^ *Gender' male
ans '^ *Year of birth' 2002
ans 'Add identity document\?' y
ans '^ *Document:$' voter_id
ans '^ *Number:$' "4821 7730 1296"
reach '^ *Number:$'
assert_contains "$(screen)" "! must not be a full Aadhaar number" "a full Aadhaar number is refused on the spot, under any kind"
send "<"
ans '^ *Document \[voter_id\]:$' aadhaar_masked
ans '^ *Number:$' 1296
ok "... and a masked one taken instead"
ans '^  Arrested \(or surrendered\) at' now
ans '^  Place of arrest' "Sadar Bazaar, near Gate 2"
ans '^  Surrendered in court\? \[y/N\]:$' n
reach '^  choose:$'
assert_contains "$(screen)" "1  arrested_forwarded" "the outcome is a numbered list"
send 1
ans '^  Fingerprints taken\? \[y/N\]:$' y
ans 'Belt / service number' UP-15432
ans '^ *Name:$' "Ravi Kumar Sharma"
ans '^ *Rank' SI
reach '^\[s\]ubmit, \[e\]dit a field'
assert_contains "$(screen)" "ARREST / COURT SURRENDER MEMO" "the review shows the memo as it will print"
[ -e "$DRAFTS/arrest-new-${number//\//-}.json" ] || fail "no draft named after the FIR"
ok "the memo's draft is named after its FIR"
send s
wait_screen "[form exited 0]"
assert_match "$(screen)" "^Arrest memo A1 recorded in FIR $number on " "the memo is recorded as A1 (exit 0)"
[ ! -e "$DRAFTS/arrest-new-${number//\//-}.json" ] || fail "the memo's draft is still there"
ok "... and its draft is gone"

run term a arrest show "$number" A1
assert_match "$OUT" '^   Name +Sonu Kumar$' "arrest show has the person typed"
assert_match "$OUT" '^   Identity document +Aadhaar \(masked\) XXXX XXXX 1296$' "... the masked Aadhaar"
assert_match "$OUT" '^   Arrested and forwarded to court$' "... the outcome"
assert_match "$OUT" '^   Fingerprints taken +Yes$' "... and the fingerprints"
assert_eq "aadhaar_masked 1296" "$(sql "SELECT id_doc_kind || ' ' || id_doc_number FROM core.arrest")" \
	"only the last 4 digits of the Aadhaar number are stored"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# every_record_can_be_entered_as_a_form: the records after the FIR are filled in as forms, the
# answers piped in one a line as a script would (the form reads standard input when it is not
# a terminal), against the real server: a petition (`cctns petition new`, a wrong choice named
# and corrected on the spot) and its enquiry officer (`petition new-assignment NUMBER`); an
# FIR's investigating officer (`case new-assignment`); a seizure memo (`seizure new NUMBER`, a
# seizure time in the future refused on the spot and corrected); a movement of the seized item
# (`malkhana new-movement`, plain answers in a here-document); and the final report (`final-report
# new NUMBER`, its section checked against the server's list). Each is read back with its show
# command, and each form's draft is gone after its submission.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
# sealed: the final reports here are filed by the samples' IO, signed in (the database checks it).
sign_in_sample_io a
# shellcheck source=form_pipe.bash
. "$(dirname "$0")/form_pipe.bash"
DRAFTS=$T/drafts
export CCTNS_DRAFT_DIR=$DRAFTS
mkdir -p "$DRAFTS"

no_drafts_left() { # WHAT
	[ -z "$(ls -A "$DRAFTS")" ] || fail "$1: drafts left: $(ls "$DRAFTS")"
	ok "$1: its draft is gone after the submission"
}

# ------------------------------------------------------------------ a petition

pipe_open "$DRAFTS" petition new
pipe_ans 'Received at the station' "today 00:00"
pipe_ans 'How received' 9
pipe_ans '! choose a number from 1 to 6' in_person
pipe_ans 'Name: $' "Ramesh Chandra Agarwal"
pipe_ans 'Relation given' father
pipe_ans "Father's / husband's name" "Shyam Sundar Agarwal"
pipe_ans 'Add a respondent\?' y
pipe_ans 'Name: $' "Raju"
pipe_ans 'Add another respondent\?' n
pipe_ans 'Subject' "Lane to the shop blocked by a tractor every night"
pipe_ans 'The petition' "The respondent Raju parks his tractor across the lane
to my shop every night since 1 November.
."
pipe_officer UP-15432 "Ravi Kumar Sharma" SI
pipe_ans '^\[s\]ubmit' s
pipe_close
assert_eq 0 "$RC" "petition new: the petition is registered (exit 0)"
assert_match "$OUT" '^Petition 0001/'"$YEAR"' registered on ' "... as petition 0001"
assert_contains "$(cat "$PIPE_LOG")" "PETITION / COMPLAINT REGISTER" "... after a review showing the register's page"
assert_contains "$(cat "$PIPE_LOG")" "choose: 9" "the wrong choice was typed"
no_drafts_left "petition new"

run term a petition show "1/$YEAR"
assert_match "$OUT" '^   Name +Ramesh Chandra Agarwal$' "petition show has the petitioner typed"
assert_match "$OUT" "^   Father's name +Shyam Sundar Agarwal$" "... his father's name"
assert_match "$OUT" '^   How received +In person$' "... the mode chosen after the wrong choice"
assert_contains "$OUT" "to my shop every night since 1 November." "... and the petition's second line"

pipe_open "$DRAFTS" petition new-assignment "1/$YEAR"
pipe_officer UP-15433 "Mohan Lal" SI
pipe_officer UP-09876 "Anil Kumar Tyagi" Inspector
pipe_ans '^\[s\]ubmit' s
pipe_close
assert_eq 0 "$RC" "petition new-assignment: the enquiry officer is assigned (exit 0)"
assert_contains "$OUT" "Petition 0001/$YEAR is now Under enquiry" "... and the petition is under enquiry"
no_drafts_left "petition new-assignment"
run term a petition show "1/$YEAR"
assert_match "$OUT" 'Enquiry officer +SI Mohan Lal \(UP-15433\)' "petition show has the enquiry officer"

# ------------------------------------------------------------------ an FIR's IO

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the FIR"
number=$(fir_number "$OUT")
sleep 1 # the seizure is stated to the second: after the registration

pipe_open "$DRAFTS" case new-assignment "$number"
pipe_officer UP-15432 "Ravi Kumar Sharma" SI
pipe_officer UP-09876 "Anil Kumar Tyagi" Inspector
pipe_ans '^\[s\]ubmit' s
pipe_close
assert_eq 0 "$RC" "case new-assignment: the investigating officer is assigned (exit 0)"
assert_match "$OUT" 'Investigating officer: +SI Ravi Kumar Sharma \(UP-15432\)|IO assigned' \
	"... and the timeline shows him"
no_drafts_left "case new-assignment"

# ------------------------------------------------------------------ a seizure memo

pipe_open "$DRAFTS" seizure new "$number"
pipe_ans 'Nature of the property' stolen
pipe_ans 'Seized at' "29/11/2099 10:00"
pipe_ans '! must not be in the future' now
pipe_ans 'Place of seizure' "House of the accused, Nagla Padi"
pipe_ans 'Add person seized from\?' y
pipe_ans 'Name: $' "Sonu Kumar"
pipe_ans 'Add a witness\?' y
pipe_ans 'Name: $' "Mahesh Gupta"
pipe_ans 'Add another witness\?' y
pipe_ans 'Name: $' "Suresh Yadav"
pipe_ans 'Add another witness\?' n
pipe_ans 'Kind' mobile_phone
pipe_ans 'Description' "Samsung Galaxy M31, black, cracked screen"
pipe_ans 'Quantity' 1
pipe_ans 'Value \(rupees\)' 8000
pipe_ans 'Identifiers' "IMEI 356789104512345"
pipe_ans 'Add another item\?' n
pipe_ans 'Seal used' "PS Kotwali Agra seal No. 3"
pipe_officer UP-15432 "Ravi Kumar Sharma" SI
pipe_ans '^\[s\]ubmit' s
pipe_close
assert_eq 0 "$RC" "seizure new: the memo is recorded (exit 0)"
assert_match "$OUT" "^Seizure 1 recorded in FIR $number" "... as seizure 1 of the FIR"
assert_contains "$(cat "$PIPE_LOG")" "PROPERTY SEARCH AND SEIZURE MEMO" "... after a review showing the memo"
no_drafts_left "seizure new"
malkhana=$(grep -oE 'malkhana (No\. )?[0-9]+/[0-9]{4}' <<<"$OUT" | grep -oE '[0-9]+/[0-9]{4}' | head -n 1)
[ -n "$malkhana" ] || fail "no malkhana number in the receipt: $OUT"

run term a seizure show "$number" 1
assert_match "$OUT" 'Name +Mahesh Gupta' "seizure show has the first witness"
assert_match "$OUT" 'Name +Suresh Yadav' "... the second"
assert_contains "$OUT" "IMEI 356789104512345" "... the item's identifier"
assert_not_contains "$OUT" "2099" "... and not the time refused"

# ------------------------------------------------------------------ a movement, plain answers

# MoveProperty and Officer only: the answers in order, no driver.
run term a malkhana new-movement "$malkhana" <<'ANSWERS'
to_forensic_lab
now
FSL Agra
FSL letter 77/2026
UP-15432
Ravi Kumar Sharma
SI
s
ANSWERS
assert_eq 0 "$RC" "malkhana new-movement from a here-document: the movement is recorded (exit 0)"
no_drafts_left "malkhana new-movement"
run term a malkhana show "$malkhana"
assert_contains "$OUT" "FSL Agra" "malkhana show has the movement to the forensic lab"

# ------------------------------------------------------------------ the final report

pipe_open "$DRAFTS" final-report new "$number"
pipe_ans 'Type of final report' charge_sheet
pipe_ans 'Filed in court at' now
pipe_ans 'Court' "Court of the Chief Judicial Magistrate, Agra"
pipe_ans 'Add an accused charge-sheeted\?' y
pipe_ans 'Accused code' ""
pipe_ans 'Add person \(never arrested\)\?' y
pipe_ans 'Name: $' "Vikram alias Vicky"
pipe_ans 'Act \(' bns
pipe_ans 'Section \(' "303(2)"
pipe_ans 'Add another charge\?' n
pipe_ans 'Status of the accused' absconding
pipe_ans 'Add another accused charge-sheeted\?' n
pipe_ans 'Brief facts and result' "The phone stolen from the complainant was recovered from
the house of Sonu Kumar; Vikram, who sold it to him, is absconding.
."
pipe_officer UP-15432 "Ravi Kumar Sharma" SI
pipe_ans '^\[s\]ubmit' s
pipe_close
assert_eq 0 "$RC" "final-report new: the charge-sheet is filed (exit 0)"
assert_match "$OUT" "^Final report 1 \(original\) recorded in FIR $number" "... as report 1"
assert_contains "$(cat "$PIPE_LOG")" "= BNS 303(2): Theft" "the section was checked against the server's list"
no_drafts_left "final-report new"

run term a final-report show "$number"
assert_contains "$OUT" "FINAL REPORT: CHARGE-SHEET" "final-report show has the charge-sheet"
assert_contains "$OUT" "Vikram alias Vicky" "... the accused typed"
assert_contains "$OUT" "BNS 303(2)" "... his section"
assert_contains "$OUT" "is absconding." "... and the brief facts' second line"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

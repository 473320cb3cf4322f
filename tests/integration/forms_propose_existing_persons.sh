#!/usr/bin/env bash
# forms_propose_existing_persons: entering a person in a form proposes the persons already
# recorded who may be them. Station A's FIR names "Mohammed Shahid", son of Abdul Rashid, as its
# complainant. A petition form (answers piped one a line, as a script fills a form) whose
# petitioner is typed "Md Shahid", father "Abdul Rashid", shows him with the reason; choosing him
# links the petition to his person_id and records no new person. A second petition whose
# petitioner is typed the same way, keeping a new person (Enter), records a new person. With the
# server down the form says it could not look and records a new person (the outbox keeps it).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
# shellcheck source=form_pipe.bash
. "$(dirname "$0")/form_pipe.bash"
DRAFTS=$T/drafts
export CCTNS_DRAFT_DIR=$DRAFTS
mkdir -p "$DRAFTS"

jq '.complainant = {"name": "Mohammed Shahid", "relative_kind": "father", "relative_name": "Abdul Rashid",
	"gender": "male", "year_of_birth": 1990}' "$SAMPLE" >"$T/fir.json"
run term a fir register "$T/fir.json"
assert_eq 0 "$RC" "station A registers an FIR whose complainant is Mohammed Shahid"
fir=$(fir_number "$OUT")
run term a fir show "$fir" --json
shahid=$(jq -r '.content.complainant.person_id' <<<"$OUT")
assert_match "$shahid" '^[0-9]+$' "... person $shahid"
persons() { sql "SELECT count(*) FROM core.person"; }

# petition PICK: the petition form with petitioner Md Shahid; PICK answers the match prompt
# (empty: Enter, a new person).
petition() {
	pipe_open "$DRAFTS" petition new
	pipe_ans 'Received at the station' "today 00:00"
	pipe_ans 'How received' in_person
	pipe_ans 'Name: $' "Md Shahid"
	pipe_ans 'Relation given' father
	pipe_ans "Father's / husband's name" "Abdul Rashid"
	pipe_ans 'Link one of them \(1-[0-9]\), or Enter for a new person' "$1"
	pipe_ans 'Add a respondent\?' n
	pipe_ans 'Subject' "Threats over a shop's rent"
	pipe_ans 'The petition' "The landlord threatens me over the rent.
."
	pipe_officer UP-15432 "Ravi Kumar Sharma" SI
	pipe_ans '^\[s\]ubmit' s
	pipe_close
}

before=$(persons)
petition 1
assert_eq 0 "$RC" "petition with the petitioner linked to an existing person (exit 0)"
log_text=$(cat "$PIPE_LOG")
assert_contains "$log_text" "Persons already recorded who may be Md Shahid" "the form proposes persons already recorded"
assert_match "$log_text" "^  1  Mohammed Shahid, father Abdul Rashid, male, born 1990 \\(person $shahid, " \
	"... Mohammed Shahid first, with his father, sex, birth and person number"
assert_contains "$log_text" "why: " "... with the reason"
assert_contains "$log_text" "Linked to person $shahid: no new person will be recorded." "... and links him when chosen"
p1=$(fir_number "$OUT")
run term a petition show "$p1" --json
assert_eq "$shahid" "$(jq -r '.petition.petitioner.person_id // .record.petition.petitioner.person_id // empty' <<<"$OUT" | head -n 1)" \
	"the petition's petitioner is person $shahid"
assert_eq "$before" "$(persons)" "... and no new person was recorded"

petition ""
assert_eq 0 "$RC" "petition keeping a new person (exit 0)"
assert_contains "$(cat "$PIPE_LOG")" "A new person will be recorded." "... the form says so"
assert_eq "$((before + 1))" "$(persons)" "... and one new person was recorded"

# The server down: the form cannot look, says so, and goes on with a new person.
server_stop
pipe_open "$DRAFTS" petition new
pipe_ans 'Received at the station' "today 00:00"
pipe_ans 'How received' in_person
pipe_ans 'Name: $' "Md Shahid"
pipe_ans 'Relation given' father
pipe_ans "Father's / husband's name" "Abdul Rashid"
pipe_ans 'Add a respondent\?' n
assert_contains "$(cat "$PIPE_LOG")" "Could not look for Md Shahid among the persons already recorded" \
	"offline: the form says it could not look for the person"
assert_contains "$(cat "$PIPE_LOG")" "A new person will be recorded.)" "... and that a new person will be recorded"
pipe_ans 'Subject' "Threats over a shop's rent"
pipe_ans 'The petition' "The landlord threatens me over the rent.
."
pipe_officer UP-15432 "Ravi Kumar Sharma" SI
pipe_ans '^\[s\]ubmit' q
pipe_close
assert_contains "$OUT" "The draft is kept" "... and the form ends keeping the draft"

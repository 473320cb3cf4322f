#!/usr/bin/env bash
# found_person_is_matched_against_missing: the found persons register through the terminal.
# Station A registers a missing old man (deploy/samples/missing-person.json); station B registers
# a man found on a railway platform who cannot say who he is (deploy/samples/found-person.json):
# both stations get a missing_person alert naming both reports and what agreed. A woman found
# raises nothing. B shows and lists its found persons, hands the man over once (a second time is
# refused), and he leaves the open list. A missing person registered later at A is matched against
# B's found persons still open. Bad input is refused with the field named and nothing stored.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

ist() { TZ=Asia/Kolkata date -d "$1" '+%Y-%m-%dT%H:%M:%S+05:30'; }

# The samples' times, moved to just before now so that nothing is in the future.
sed -e "s/\"missing_since\": \"[^\"]*\"/\"missing_since\": \"$(ist '3 days ago')\"/" \
	-e "s/\"reported_at\": \"[^\"]*\"/\"reported_at\": \"$(ist '2 days ago')\"/" \
	"$SRC/deploy/samples/missing-person.json" >"$T/mp.json"
sed -e "s/\"found_at\": \"[^\"]*\"/\"found_at\": \"$(ist '1 day ago')\"/" \
	"$SRC/deploy/samples/found-person.json" >"$T/fp.json"

run term a missing register "$T/mp.json"
assert_eq 0 "$RC" "station A registers a missing man"
mp=$(fir_number "$OUT")
run term b found register "$T/fp.json"
assert_eq 0 "$RC" "station B registers a found man"
assert_contains "$OUT" "Found person report" "... numbered in the found persons register"
assert_contains "$OUT" "General Diary:" "... with a diary entry"
fp=$(fir_number "$OUT")

run term a alerts list
assert_eq 0 "$RC" "alerts list at A"
assert_contains "$OUT" "missing person report $mp" "A's alert names its missing person report"
assert_contains "$OUT" "found person report $fp" "... and B's found person report"
assert_contains "$OUT" "age, height, marks, district" "... and what agreed"
run term b alerts list --json
assert_contains "$OUT" "\"record\": \"found person report $fp\"" "B gets the same alert"

# A woman found: no match for the missing man.
sed -e 's/"gender": "male"/"gender": "female"/' "$T/fp.json" >"$T/fp-woman.json"
run term b found register "$T/fp-woman.json"
assert_eq 0 "$RC" "B registers a woman found"
fp2=$(fir_number "$OUT")
run term a alerts list --json
assert_not_contains "$OUT" "found person report $fp2" "... she raises no alert"

run term b found show "$fp"
assert_eq 0 "$RC" "found show $fp"
assert_contains "$OUT" "FOUND PERSON REPORT" "... prints the register's report"
assert_contains "$OUT" "Old age home, Sikandra" "... where he was placed"
assert_contains "$OUT" "65 to 72 years" "... the apparent age band"
assert_contains "$OUT" "Not traced yet." "... not traced yet"
run term b found list
assert_contains "$OUT" "2 found persons, newest first:" "found list: both open"

cat >"$T/traced.json" <<JSON
{"traced_at": "$(ist '1 hour ago')", "handed_to": "His daughter-in-law, at the old age home",
 "missing_number": "$mp", "officer": {"number": "UP-20871", "name": "Meena Yadav", "rank": "ASI"}}
JSON
run term b found traced "$fp" "$T/traced.json"
assert_eq 0 "$RC" "B hands the man over"
assert_contains "$OUT" "handed over on" "... and is told so"
run term b found traced "$fp" "$T/traced.json"
assert_eq 4 "$RC" "a second handing over is refused (exit 4)"
run term b found list
assert_contains "$OUT" "1 found person, newest first:" "... he leaves the open list"
run term b found list --all
assert_contains "$OUT" "; traced" "... and stays in --all, traced"

# A missing woman registered later at A matches the woman found at B.
sed -e 's/"gender": "male"/"gender": "female"/; s/"name": "Ram Swaroop"/"name": "Shanti Swaroop"/' \
	"$T/mp.json" >"$T/mp-woman.json"
run term a missing register "$T/mp-woman.json"
assert_eq 0 "$RC" "A registers a missing woman"
mp2=$(fir_number "$OUT")
run term a alerts list --json
assert_contains "$OUT" "\"record\": \"missing person report $mp2\"" \
	"a missing person registered later is matched against found persons"
assert_contains "$OUT" "\"other_record\": \"found person report $fp2\"" "... the woman found at B"

# Refusals.
n=$(sql "SELECT count(*) FROM core.found_person")
sed -e 's/"gender": "male"/"gender": "robot"/' "$T/fp.json" >"$T/bad.json"
run term b found register "$T/bad.json"
assert_eq 3 "$RC" "an unknown sex is refused (exit 3)"
assert_contains "$OUT" "gender" "... naming the field"
sed -e 's/"apparent_age_to": 72/"apparent_age_to": 40/' "$T/fp.json" >"$T/bad.json"
run term b found register "$T/bad.json"
assert_eq 3 "$RC" "an age band upside down is refused (exit 3)"
assert_contains "$OUT" "apparent_age_to" "... naming the field"
sed -e 's/"placed": "shelter",//' "$T/fp.json" >"$T/bad.json"
run term b found register "$T/bad.json"
assert_eq 3 "$RC" "where the person was placed is required (exit 3)"
assert_contains "$OUT" "placed" "... naming the field"
run term b found show 999/2020
assert_eq 6 "$RC" "an unknown report: not found (exit 6)"
assert_eq "$n" "$(sql "SELECT count(*) FROM core.found_person")" "refusals store nothing"

# The same report as a form (answers piped one a line, as a script fills a form).
# shellcheck source=form_pipe.bash
. "$(dirname "$0")/form_pipe.bash"
mkdir -p "$T/drafts"
pipe_open "$T/drafts" found new
pipe_ans 'Found at' "today 00:00"
pipe_ans 'Gender' male
pipe_ans 'Apparent age from' 60
pipe_ans 'Apparent age to' 70
pipe_ans 'Placed \(1 shelter' hospital
pipe_ans 'Placed where' "District hospital, Agra"
pipe_officer UP-20871 "Meena Yadav" ASI
pipe_ans '^\[s\]ubmit' s
pipe_close
assert_eq 0 "$RC" "found new: the report is registered through the form (exit 0)"
assert_contains "$(cat "$PIPE_LOG")" "FOUND PERSON REPORT" "... after a review showing the register's page"
assert_contains "$OUT" "Found person report" "... and numbered"

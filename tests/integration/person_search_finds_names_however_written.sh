#!/usr/bin/env bash
# person_search_finds_names_however_written: cctns person search, from another station of the
# state, finds persons however their names were written (Md/Mohd/Mohammed one word, Shahid/Sahid/
# Shaheed, S/o splitting off the father, an initial against a written-out name), ranks them with
# the reason for each match and lists their cases (FIR, station, role). cctns person match
# proposes the duplicate; merge moves every link of one record to the other (and search then
# finds one person with both cases), unmerge restores exactly what moved, distinct stops the
# proposal and refuses the merge. Hostile or empty searches are refused with nothing stored.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
OFFICER=(--officer-number UP-20211 --officer-name "Meena Verma" --officer-rank SI)

# register_with TERMINAL NAME FATHER YEAR: an FIR whose complainant is NAME S/o FATHER born YEAR;
# the complainant's person number in $pid, the FIR number in $number.
register_with() {
	sample_with "s/\"Ramesh Chandra Agarwal\"/\"$2\"/; s/\"Shyam Sundar Agarwal\"/\"$3\"/; s/\"year_of_birth\": 1979/\"year_of_birth\": $4/" \
		>"$T/fir.json"
	run term "$1" fir register "$T/fir.json"
	assert_eq 0 "$RC" "station $1 registers an FIR with complainant $2"
	number=$(fir_number "$OUT")
	pid=$(sql "SELECT l.person_id FROM core.person_link l JOIN core.fir f ON f.fir_id = l.fir_id
		AND f.state_code = l.state_code WHERE l.role = 'complainant'
		AND core.fir_number_text(f.fir_no, f.year) = '$number' AND f.station_code = (SELECT station_code
		FROM ref.station WHERE name = '$([ "$1" = a ] && echo "$A_NAME" || echo "$B_NAME")')")
	[ -n "$pid" ] || fail "no person linked as complainant of FIR $number"
}

register_with a "Mohd. Shahid" "Mohammad Rafiq" 1990
p1=$pid fir1=$number
register_with b "Md Shaheed" "Mohd Rafeeq" 1991
p2=$pid fir2=$number
register_with a "K. Ramesh" "Kuppusamy" 1970
p3=$pid
register_with a "Krishnan Ramesh" "Krishnan" 1985
p4=$pid

run term b person search "Mohammed Sahid S/o Rafik"
assert_eq 0 "$RC" "a search by a name spelt another way, with S/o, succeeds"
assert_contains "$OUT" "Person $p1 " "... finds the person recorded as Mohd. Shahid"
assert_contains "$OUT" "Person $p2 " "... and the one recorded as Md Shaheed"
assert_contains "$OUT" "name sounds alike sahid ~ shahid" "... saying how the name matched"
assert_contains "$OUT" "father's name sounds alike rafik ~ rafiq" "... and how the father's name matched"
assert_contains "$OUT" "FIR $fir1, $A_NAME (complainant)" "... with the case, its station and the role"
assert_contains "$OUT" "Searched as: name mohammad sahid; father's name rafik" "... and the query as read"

run term a person search "Ramesh K" --age 41
assert_eq 0 "$RC" "initials last, with an age"
assert_contains "$OUT" "Person $p4 " "... finds Krishnan Ramesh born 1985"
assert_contains "$OUT" "name initial k = krishnan" "... by the initial"
assert_not_contains "$OUT" "Person $p3 " "... and not K. Ramesh born 1970 (outside the age)"

run term a person search "Shahid" --station "$B_STATION" --json
assert_eq 0 "$RC" "a search narrowed to a station, as JSON"
assert_contains "$OUT" "\"person_id\": $p2," "... finds the person of that station"
assert_not_contains "$OUT" "\"person_id\": $p1," "... and not the one of the other station"

run term a person match "$p1"
assert_eq 0 "$RC" "duplicates of a person are proposed"
assert_contains "$OUT" "Person $p2 " "... the other record of the same man"
assert_not_contains "$OUT" "Person $p1 " "... not the person itself"

run term a person match --name "Mohamed Shahid" --relative "Rafiq" --born 1990
assert_eq 0 "$RC" "duplicates of a person about to be recorded are proposed"
assert_contains "$OUT" "Person $p1 " "... the existing record"

run term a person merge "$p1" "$p2" --reason "same father and address" "${OFFICER[@]}"
assert_eq 0 "$RC" "the two records are merged"
merge=$(grep -oE '^Merge [0-9]+' <<<"$OUT" | grep -oE '[0-9]+')
assert_contains "$OUT" "1 links to records" "... the receipt says what moved"
run term b person search "Md Shahid"
assert_contains "$OUT" "1 person, best first" "after the merge one person is found"
assert_contains "$OUT" "FIR $fir2, $B_NAME (complainant)" "... with the other record's case"
run term a person show "$p1"
assert_contains "$OUT" "Md Shaheed" "... and the other record's name as an alias"
run term a person merge "$p1" "$p2" --reason "again" "${OFFICER[@]}"
assert_eq 4 "$RC" "merging again is refused"
assert_contains "$OUT" "already merged" "... saying it was merged already"

run term a person unmerge "$merge" --reason "different men after all" "${OFFICER[@]}"
assert_eq 0 "$RC" "the merge is undone"
run term b person search "Md Shahid"
assert_contains "$OUT" "2 persons, best first" "after the unmerge both are found again"
assert_eq 1 "$(sql "SELECT count(*) FROM core.person_link WHERE person_id = $p2")" \
	"... the link went back to its person"
assert_eq 0 "$(sql "SELECT count(*) FROM core.person_alias WHERE person_id = $p1")" \
	"... and the alias the merge added is gone"
run term a person unmerge "$merge" "${OFFICER[@]}"
assert_eq 4 "$RC" "undoing it twice is refused"

run term a person distinct "$p1" "$p2" --reason "different fathers' villages" "${OFFICER[@]}"
assert_eq 0 "$RC" "the two are marked as different people"
run term a person match "$p1"
assert_not_contains "$OUT" "Person $p2 " "... and are no longer proposed together"
run term a person merge "$p1" "$p2" --reason "x" "${OFFICER[@]}"
assert_eq 4 "$RC" "... nor merged"

run term a person search
assert_eq 3 "$RC" "a search without anything to search by is refused"
run term a person search "Shri Smt"
assert_eq 3 "$RC" "a name of honorifics only is refused"
run term a person search "x' OR 1=1 --" --district 99999
assert_eq 3 "$RC" "an unknown district is refused, naming the field"
assert_contains "$OUT" "district_code" "... by name"
run term a person search "Shahid" --age-band 40-20
assert_eq 2 "$RC" "an age band upside down is refused by the terminal"
run term a person merge "$p1" "$p1" --reason "x" "${OFFICER[@]}"
assert_eq 3 "$RC" "a person cannot be merged into itself"
assert_eq 0 "$(sql "SELECT count(*) FROM core.person_merge WHERE undone_at IS NULL")" "nothing was merged by refused requests"
sanitizer_clean

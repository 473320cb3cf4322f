#!/usr/bin/env bash
# missing_person_round_trip_and_traced: a missing person report goes terminal -> server ->
# database -> terminal with every field (printout and --json), is numbered per station, writes
# its diary entry (kind missing_person, no names) and links the missing person and the
# informant in the persons record. The same key replays the receipt. It is traced once: not
# before the person went missing, not in the future, not twice. Another station can neither
# read nor trace it (exit 6).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
ADULT=$SRC/deploy/samples/missing-person.json

key=$(openssl rand -hex 16)
run term a missing register "$ADULT" --key "$key"
assert_eq 0 "$RC" "station A registers the report"
assert_match "$OUT" '^Missing person report 0001/'"$YEAR"' registered on ' "... as 0001/$YEAR"
assert_match "$OUT" '^General Diary: GD entry [0-9]+ of ' "... with its diary entry"
run term a missing register "$ADULT" --key "$key"
assert_eq 0 "$RC" "the same key again"
assert_contains "$OUT" "already registered earlier with this key" "... replays the receipt"
assert_eq 1 "$(sql 'SELECT count(*) FROM core.missing_person')" "... and stores one report"

run term a missing show "0001/$YEAR" --json
assert_eq 0 "$RC" "the report reads back as JSON"
printf '%s\n' "$OUT" >"$T/back.json"
for field in '"name": "Ram Swaroop"' '"age_years": 67' '"height_cm": 165' \
	'"missing_since": "2026-11-27T07:00:00+05:30"' '"reported_at": "2026-11-27T14:30:00+05:30"' \
	'"relation_to_missing": "daughter-in-law"' '"name": "Sunita Devi"' '"beat": "Beat 2"' \
	'"habits": "forgets his way home (memory loss)"' '"rank": "SI"'; do
	assert_contains "$OUT" "$field" "... with $field"
done
assert_match "$OUT" '"person_id": [0-9]+' "... and the persons linked"

run term a missing show "1/$YEAR"
assert_eq 0 "$RC" "the report prints like the register"
assert_match "$OUT" '^ +MISSING PERSON REPORT$' "... titled"
assert_match "$OUT" '^   Age +67 years \(stated\)$' "... with the stated age"
assert_match "$OUT" '^   Missing child +No$' "... not a child"
assert_match "$OUT" '^   Relation to the missing +daughter-in-law$' "... the informant's relation"
assert_contains "$OUT" "Not traced yet." "... not traced yet"

run term a gd show
assert_contains "$OUT" "Missing person report 0001/$YEAR registered" "the diary has the entry"
assert_eq 0 "$(sql "SELECT count(*) FROM core.gd_entry WHERE kind = 'missing_person' AND (text LIKE '%Ram%' OR text LIKE '%Sunita%')")" \
	"... without names"
assert_eq "informant,missing" "$(sql "SELECT string_agg(role, ',' ORDER BY role) FROM core.person_link WHERE record_kind = 'missing_person'")" \
	"the missing person and the informant are linked by role"

traced_at() {
	printf '{"traced_at": "%s", "how": "found_by_police", "place": {"beat": "Beat 9"},
	 "officer": {"number": "UP-15432", "name": "Ravi Kumar Sharma", "rank": "SI"}}\n' "$1"
}
traced_at "2026-11-27T06:59:00+05:30" >"$T/early.json"
run term a missing traced "1/$YEAR" "$T/early.json"
assert_eq 3 "$RC" "traced a minute before going missing: exit 3"
assert_contains "$OUT" "early.json: traced_at:" "... naming traced_at in the file"
traced_at "$(date -d '+1 day' -Iseconds)" >"$T/future.json"
run term a missing traced "1/$YEAR" "$T/future.json"
assert_eq 3 "$RC" "traced tomorrow: exit 3"
assert_contains "$OUT" "future" "... in the future"

traced_at "$(date -Iseconds)" >"$T/traced.json"
run term b missing show "1/$YEAR"
assert_eq 6 "$RC" "station B cannot read station A's report (exit 6)"
assert_not_contains "$OUT" "Ram Swaroop" "... and sees nothing of it"
run term b missing traced "1/$YEAR" "$T/traced.json"
assert_eq 6 "$RC" "station B cannot trace station A's report (exit 6)"

run term a missing traced "0001/$YEAR" "$T/traced.json"
assert_eq 0 "$RC" "station A records the tracing"
assert_contains "$OUT" "Missing person report 0001/$YEAR: traced on" "... as traced"
assert_contains "$OUT" "(Found by police)" "... how"
run term a missing traced "1/$YEAR" "$T/traced.json"
assert_eq 4 "$RC" "a second tracing is refused (exit 4)"
assert_contains "$OUT" "already marked traced" "... as already traced"

run term a missing show "1/$YEAR"
assert_match "$OUT" '^   How +Found by police$' "the printout shows how the person was traced"
assert_match "$OUT" '^   Beat +Beat 9$' "... and where"
assert_eq 2 "$(sql "SELECT count(*) FROM core.gd_entry WHERE kind = 'missing_person'")" \
	"two diary entries: the report and the tracing"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

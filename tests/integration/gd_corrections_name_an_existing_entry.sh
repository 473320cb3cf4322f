#!/usr/bin/env bash
# gd_corrections_name_an_existing_entry: a correction is a new entry that names an earlier entry
# of the same station, and the diary prints "Corrects entry N of DATE"; a correction naming an
# entry that does not exist (or exists only at another station) is refused with exit 3 naming
# corrects_number, and another kind of entry may not name one. Nothing refused is stored.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
GD_SAMPLE=$SRC/deploy/samples/gd-entry.json

run term a gd add "$GD_SAMPLE" --json
assert_eq 0 "$RC" "station A writes entry 1"
date=$(grep -oE '"date" *: *"[0-9-]+"' <<<"$OUT" | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}')
day=$(date -d "$date" +%d/%m/%Y)
for i in 1 2 3; do
	run term b gd add "$GD_SAMPLE"
	assert_eq 0 "$RC" "station B writes its entry $i"
done

# correction KIND NUMBER [EXTRA]: a diary entry of KIND correcting entry NUMBER of the day.
correction() {
	cat <<JSON
{ "kind": "$1", "corrects_date": "$date", "corrects_number": $2,
  "text": "In entry $2 read Government jeep UP 80 AG 4321, not UP 80 AG 1234.",
  "officer": { "number": "UP-09876", "name": "Anil Kumar Tyagi", "rank": "Inspector" } }
JSON
}

correction correction 1 >"$T/fix.json"
run term a gd add "$T/fix.json"
assert_eq 0 "$RC" "a correction of entry 1 is entered"
assert_match "$OUT" '^GD entry 2 of .*: Correction$' "... as entry 2"

run term a gd show
assert_match "$OUT" '^ +2  [0-9]{2}:[0-9]{2}  Correction +Inspector Anil Kumar Tyagi \(UP-09876\)$' \
	"the diary prints the correction as entry 2"
assert_match "$OUT" "^ +Corrects entry 1 of $day\$" "... naming the entry it corrects"

correction correction 9 >"$T/nonexistent.json"
run term a gd add "$T/nonexistent.json"
assert_eq 3 "$RC" "a correction of an entry that does not exist: exit 3"
assert_contains "$OUT" "corrects_number" "... naming corrects_number"
assert_contains "$OUT" "nonexistent.json" "... and the file"

correction correction 3 >"$T/other-station.json"
run term a gd add "$T/other-station.json"
assert_eq 3 "$RC" "a correction of an entry only station B has: exit 3"
assert_contains "$OUT" "corrects_number" "... naming corrects_number"

correction general 1 >"$T/general.json"
run term a gd add "$T/general.json"
assert_eq 3 "$RC" "a general entry that names an entry to correct: exit 3"
assert_match "$OUT" 'corrects_(number|date)' "... naming the field"

assert_eq 2 "$(sql "SELECT count(*) FROM core.gd_entry WHERE station_code = $A_STATION")" \
	"only the two accepted entries of station A are stored"
run term a gd add "$GD_SAMPLE"
assert_match "$OUT" '^GD entry 3 of ' "the next entry is 3: refused ones used up no number"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

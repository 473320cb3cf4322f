#!/usr/bin/env bash
# malkhana_movements_follow_the_state_machine: seized property moves only along
#   in store -> out in court | out at the FSL | released | disposed of | transferred
#   out in court, out at the FSL -> in store
# Anything else is refused (exit 4) naming both states; released, disposed of and transferred
# are final. Releasing or disposing of property needs the order (exit 3 naming reference). A
# movement is never before the seizure nor the previous movement, nor in the future (exit 3
# naming at). Each movement writes a diary entry (Property movement) and a timeline event
# (Property moved); refused ones write nothing. The register lists entries by state.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE" --json
assert_eq 0 "$RC" "station A registers the FIR"
number=$(grep -oE '"fir_number" *: *"[0-9/]+"' <<<"$OUT" | grep -oE '[0-9]+/[0-9]+')
year=${number#*/}
registered=$(grep -oE '"registered_at" *: *"[^"]+"' <<<"$OUT" | sed -E 's/.*"([^"]+)"$/\1/')
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$registered\"/g" -e '/"accused_code"/d' \
	"$SRC/deploy/samples/seizure.json" >"$T/seizure.json"
sleep 1 # the deposit is at least a second after the seizure
run term a seizure register "$number" "$T/seizure.json"
assert_eq 0 "$RC" "a seizure at the FIR's registration deposits malkhana 1 and 2"

# move NUMBER MOVEMENT [TIME [REFERENCE]]: record a movement of malkhana entry NUMBER/year.
move() {
	local when=${3:-$(date -Iseconds)} ref=${4-Order 45/2026 of the CJM, Agra}
	cat >"$T/move.json" <<JSON
{"movement": "$2", "at": "$when", "to_whom": "Court of the CJM, Agra", ${ref:+"\"reference\": \"$ref\","}
 "officer": {"number": "UP-31007", "name": "Harish Chandra", "rank": "HC"}}
JSON
	run term a malkhana move "$1/$year" "$T/move.json"
}

# When.
epoch=$(date -d "$registered" +%s)
move 1 to_court "$(date -d "@$((epoch - 60))" -Iseconds)"
assert_eq 3 "$RC" "a movement before the seizure: exit 3"
assert_contains "$OUT" "move.json: at: a movement cannot be before the seizure" "... naming at"
move 1 to_court "$registered"
assert_eq 3 "$RC" "a movement after the seizure but before the deposit: exit 3"
assert_contains "$OUT" "at: a movement cannot be before the previous one: malkhana entry 0001/$year was deposited" \
	"... before the previous row of the chain"
move 1 to_court "$(date -d '+1 day' -Iseconds)"
assert_eq 3 "$RC" "a movement tomorrow: exit 3"
assert_contains "$OUT" "at is in the future" "... in the future"
move 1 released_to_owner "" ""
assert_eq 3 "$RC" "a release without the order: exit 3"
assert_contains "$OUT" "reference: is required to release property" "... naming reference"
move 1 disposed "" ""
assert_eq 3 "$RC" "a disposal without the order: exit 3"
assert_contains "$OUT" "reference" "... naming reference"
assert_eq 2 "$(sql 'SELECT count(*) FROM core.malkhana_movement')" "nothing refused was written (two deposits)"

# Entry 1: to court, refused elsewhere while there, back, released, then nothing more.
sleep 1
move 1 to_court
assert_eq 0 "$RC" "in store -> out in court"
assert_match "$OUT" "now Out: in court\$" "... says the receipt"
for m in to_court to_forensic_lab released_to_owner disposed transferred_to_station; do
	move 1 "$m"
	assert_eq 4 "$RC" "$m while in court: refused (exit 4)"
	assert_contains "$OUT" "malkhana entry 0001/$year is out_court (sent to court): $m is only possible from in_store" \
		"... naming both states"
done
move 1 returned_to_store
assert_eq 0 "$RC" "out in court -> in store"
move 1 returned_to_store
assert_eq 4 "$RC" "returned to store while in store: refused (exit 4)"
assert_contains "$OUT" "is in_store" "... it is in the store"
move 1 released_to_owner
assert_eq 0 "$RC" "in store -> released, with the order"
for m in to_court to_forensic_lab returned_to_store released_to_owner disposed transferred_to_station; do
	move 1 "$m"
	assert_eq 4 "$RC" "$m after the release: refused (exit 4), released is final"
	assert_contains "$OUT" "is released" "... naming the state"
done

# Entry 2: to the laboratory and back, then transferred; final too.
move 2 to_forensic_lab
assert_eq 0 "$RC" "in store -> out at the FSL"
move 2 to_court
assert_eq 4 "$RC" "to court while at the FSL: refused"
assert_contains "$OUT" "is out_fsl" "... naming out_fsl"
move 2 returned_to_store
assert_eq 0 "$RC" "out at the FSL -> in store"
move 2 transferred_to_station
assert_eq 0 "$RC" "in store -> transferred"
move 2 returned_to_store
assert_eq 4 "$RC" "nothing after a transfer"

run term a malkhana list --state released
assert_eq 0 "$RC" "malkhana list --state released exits 0"
assert_contains "$OUT" "Entries 1 to 1 of 1" "one entry is released"
assert_match "$OUT" "^0001/$year  $number  1/1 +Mobile phone +Released to owner" "... entry 1"
run term a malkhana list --state out_court --json
assert_eq 0 "$RC" "malkhana list --json exits 0"
assert_not_contains "$OUT" '"number"' "nothing is in court now"
run term a malkhana list --state lost
assert_eq 2 "$RC" "an unknown state is a usage error (exit 2)"

assert_eq 6 "$(sql "SELECT count(*) FROM core.gd_entry WHERE kind = 'property_movement'")" \
	"each of the 6 movements has its diary entry"
assert_eq 6 "$(sql "SELECT count(*) FROM core.case_event WHERE kind = 'property_moved'")" \
	"... and its timeline event"
run term a case timeline "$number"
assert_contains "$(tr -s ' \n' '  ' <<<"$OUT")" "Malkhana 0001/$year (seizure 1, item 1) released to its owner" \
	"the timeline says what happened to the property"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# malkhana_chain_of_custody_is_append_only: no one can edit or delete a row of a malkhana item's
# chain of custody, or the malkhana entry itself, not even cctns_owner, who owns the tables,
# working directly in psql: UPDATE, DELETE and TRUNCATE are refused on the tables and on their
# partitions, deleting the FIR does not take the register with it, and the chain reads as it
# was written. A movement is always a new row, with who and when.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the FIR"
number=$(fir_number "$OUT")
year=${number#*/}
sleep 1
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(date -Iseconds)\"/g" -e '/"accused_code"/d' \
	"$SRC/deploy/samples/seizure.json" >"$T/seizure.json"
run term a seizure register "$number" "$T/seizure.json"
assert_eq 0 "$RC" "the seizure deposits two items"
sleep 1
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(date -Iseconds)\"/" "$SRC/deploy/samples/malkhana-move.json" \
	>"$T/to-court.json"
run term a malkhana move "1/$year" "$T/to-court.json"
assert_eq 0 "$RC" "item 1 goes to court"
assert_match "$OUT" "^Malkhana 0001/$year \(FIR $number\): Sent to court on .*; now Out: in court\$" \
	"... and the receipt says where it is now"
assert_match "$OUT" '^General Diary: GD entry 4 of ' "... with its diary entry"
before=$(sql "SELECT malkhana_no, seq, movement, from_state, to_state, at, to_whom, reference, officer_number
	FROM core.malkhana_movement ORDER BY malkhana_no, seq")
entries=$(sql "SELECT malkhana_no, fir_id, item_no, deposited_at FROM core.malkhana ORDER BY malkhana_no")

# refused WHAT SQL: SQL, run by cctns_owner, fails as append-only.
refused() {
	run sql "$2"
	[ "$RC" -ne 0 ] || fail "$1 went through as cctns_owner"
	assert_contains "$OUT" "append-only" "$1 is refused, even for cctns_owner"
}
refused "UPDATE of who took the property" \
	"UPDATE core.malkhana_movement SET to_whom = 'nobody' WHERE seq = 2"
refused "UPDATE of when it moved" "UPDATE core.malkhana_movement SET at = at - interval '1 day'"
refused "UPDATE of where it went" \
	"UPDATE core.malkhana_movement SET movement = 'released_to_owner', to_state = 'released' WHERE seq = 2"
refused "DELETE of a movement" "DELETE FROM core.malkhana_movement WHERE seq = 2"
refused "DELETE on the partition" "DELETE FROM core.malkhana_movement_${A_STATE}_$year"
refused "UPDATE on the partition" "UPDATE core.malkhana_movement_${A_STATE}_$year SET reference = 'x'"
refused "TRUNCATE of the chain" "TRUNCATE core.malkhana_movement"
refused "TRUNCATE of the partition" "TRUNCATE core.malkhana_movement_${A_STATE}_$year"
refused "UPDATE of a malkhana entry" "UPDATE core.malkhana SET item_no = 2 WHERE malkhana_no = 1"
refused "DELETE of a malkhana entry" "DELETE FROM core.malkhana WHERE malkhana_no = 2"
refused "TRUNCATE of the register" "TRUNCATE core.malkhana CASCADE"
refused "DELETE of the FIR, cascading to the register" "DELETE FROM core.fir"

assert_eq "$before" "$(sql "SELECT malkhana_no, seq, movement, from_state, to_state, at, to_whom, reference,
	officer_number FROM core.malkhana_movement ORDER BY malkhana_no, seq")" "the chain is as it was written"
assert_eq "$entries" "$(sql "SELECT malkhana_no, fir_id, item_no, deposited_at FROM core.malkhana
	ORDER BY malkhana_no")" "the register is as it was written"

sleep 1
sed -e 's/"to_court"/"returned_to_store"/' -e 's/"Court of the Chief[^"]*"/"Malkhana moharrir HC Harish Chandra"/' \
	-e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(date -Iseconds)\"/" "$SRC/deploy/samples/malkhana-move.json" \
	>"$T/back.json"
run term a malkhana move "1/$year" "$T/back.json"
assert_eq 0 "$RC" "its return is a new row"
run term a malkhana show "1/$year"
assert_eq 0 "$RC" "malkhana show exits 0"
assert_match "$OUT" '^ +1  [0-9/]+ [0-9:]+  Deposited +SI Ravi Kumar Sharma \(UP-15432\)$' "row 1: the deposit"
assert_match "$OUT" '^ +2  [0-9/]+ [0-9:]+  Sent to court +HC Harish Chandra \(UP-31007\)$' "row 2: to court"
assert_match "$OUT" '^ +In store -> Out: in court$' "... from the store to court"
assert_match "$OUT" '^ +To: Court of the Chief Judicial Magistrate, Agra' "... to whom"
assert_match "$OUT" '^ +Reference: CJM Agra summons for case property' "... on what authority"
assert_match "$OUT" '^ +3  [0-9/]+ [0-9:]+  Returned to store +HC Harish Chandra' "row 3: back in the store"
assert_match "$OUT" '^Where it is +In store, since ' "the entry is in the store again"
assert_eq 3 "$(sql 'SELECT count(*) FROM core.malkhana_movement WHERE malkhana_no = 1')" \
	"three rows in the chain of entry 1"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

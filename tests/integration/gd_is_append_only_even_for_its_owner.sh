#!/usr/bin/env bash
# gd_is_append_only_even_for_its_owner: no one can edit or delete a General Diary entry, not
# even cctns_owner, who owns the tables, working directly in psql: UPDATE, DELETE and TRUNCATE
# are refused on the table and on its partitions, and the diary reads as it was written.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "an FIR writes entry 1"
run term a gd add "$SRC/deploy/samples/gd-entry.json"
assert_eq 0 "$RC" "the station writes entry 2"
year=$(sql "SELECT DISTINCT year FROM core.gd_entry")
before=$(sql "SELECT gd_no, kind, text FROM core.gd_entry ORDER BY gd_no")

# refused WHAT SQL: SQL, run by cctns_owner, fails.
refused() {
	run sql "$2"
	[ "$RC" -ne 0 ] || fail "$1 went through as cctns_owner"
	ok "$1 is refused, even for cctns_owner"
}
refused "UPDATE of an entry's text" "UPDATE core.gd_entry SET text = 'nothing happened' WHERE gd_no = 2"
refused "UPDATE of an entry's time" "UPDATE core.gd_entry SET entered_at = entered_at - interval '1 hour'"
refused "UPDATE of an entry's number" "UPDATE core.gd_entry SET gd_no = gd_no + 10"
refused "DELETE of an entry" "DELETE FROM core.gd_entry WHERE gd_no = 2"
refused "DELETE on the partition" \
	"DELETE FROM core.gd_entry_${A_STATE}_$year WHERE gd_no = 1"
refused "UPDATE on the partition" \
	"UPDATE core.gd_entry_${A_STATE}_$year SET text = 'x'"
refused "TRUNCATE of the diary" "TRUNCATE core.gd_entry CASCADE"
refused "TRUNCATE of the partition" "TRUNCATE core.gd_entry_${A_STATE}_$year CASCADE"

assert_eq "$before" "$(sql "SELECT gd_no, kind, text FROM core.gd_entry ORDER BY gd_no")" \
	"the diary rows are as they were written"
run term a gd show
assert_match "$OUT" '^Entries +2$' "the terminal still shows both entries"
assert_contains "$OUT" "Government jeep UP 80 AG 1234" "... with their original text"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# gd_entries_are_numbered_per_station_per_day: the General Diary numbers its entries 1, 2, 3 ...
# per station per day in the order they are written, whoever writes them (the server for an
# FIR, the station for the others); station B's numbering is its own; an entry sent again
# with the same idempotency key is entered once; a day without entries prints as such.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
GD_SAMPLE=$SRC/deploy/samples/gd-entry.json

# numbers TEXT: the entry numbers in a GdDay JSON, space-separated.
numbers() {
	grep -oE '"number" *: *[0-9]+' <<<"$1" | grep -oE '[0-9]+$' | tr '\n' ' ' | sed 's/ $//'
}

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers an FIR (the server writes entry 1)"

run term a gd add "$GD_SAMPLE"
assert_eq 0 "$RC" "station A adds the sample diary entry"
assert_match "$OUT" '^GD entry 2 of [0-9]{2}/[0-9]{2}/[0-9]{4} at [0-9]{2}:[0-9]{2} IST: Departure$' \
	"... as entry 2 of the day"

key=$(openssl rand -hex 16)
cat >"$T/arrival.json" <<'JSON'
{ "kind": "arrival",
  "text": "SI Ravi Kumar Sharma and HC 212 Suresh Yadav returned from the scene of the theft in Kinari Bazar. Site plan prepared; statements of two neighbours recorded.",
  "officer": { "number": "UP-15432", "name": "Ravi Kumar Sharma", "rank": "SI" } }
JSON
run term a gd add "$T/arrival.json" --key "$key"
assert_eq 0 "$RC" "station A adds an arrival entry"
assert_match "$OUT" '^GD entry 3 of .*: Arrival$' "... as entry 3"

run term a gd add - --key "$key" --json <"$T/arrival.json"
assert_eq 0 "$RC" "the same entry again with the same key (from stdin)"
assert_match "$OUT" '"number" *: *3' "... is the original entry 3"
assert_match "$OUT" '"replayed" *: *true' "... marked as replayed"

run term b gd add "$GD_SAMPLE"
assert_eq 0 "$RC" "station B adds an entry"
assert_match "$OUT" '^GD entry 1 of .*: Departure$' "... as its own entry 1"

run term a gd show --json
assert_eq "1 2 3" "$(numbers "$OUT")" "station A's day holds entries 1 2 3, in order, no gap"
run term b gd show --json
assert_eq "1" "$(numbers "$OUT")" "station B's day holds only its own entry 1"

run term a gd show
assert_match "$OUT" '^Entries +3$' "the printout counts 3 entries"
assert_match "$OUT" '^ +2  [0-9]{2}:[0-9]{2}  Departure +SI Ravi Kumar Sharma \(UP-15432\)$' \
	"entry 2 is a numbered row: time, kind, officer"
assert_contains "$OUT" "Government jeep UP 80 AG 1234" "... with its text under it"
assert_match "$OUT" '^ +3  [0-9]{2}:[0-9]{2}  Arrival ' "entry 3 follows"

run term a gd show 2001-01-01
assert_eq 0 "$RC" "a day without entries is not an error"
assert_match "$OUT" '^Entries +none$' "... and says there are none"

run term a gd show 2026-02-30
assert_eq 3 "$RC" "a date that does not exist is invalid input (exit 3)"
assert_contains "$OUT" "date" "... naming the date"
run term a gd show someday
assert_eq 2 "$RC" "a day the terminal cannot read is a usage error (exit 2)"

assert_eq 3 "$(sql "SELECT count(*) FROM core.gd_entry WHERE station_code = $A_STATION")" \
	"three rows for station A"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

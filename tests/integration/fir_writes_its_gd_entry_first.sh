#!/usr/bin/env bash
# fir_writes_its_gd_entry_first: registering an FIR writes its General Diary entry in the same
# transaction: `gd show` lists it (kind FIR, the FIR number, the recording officer, no personal
# data), its time is not after the FIR's registration time, and `fir show` names the entry
# ("GD entry 1 of DD/MM/YYYY at HH:MM IST") and the officer who recorded the FIR.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# jfield NAME TEXT: the first value of "NAME" in the JSON TEXT (quotes removed).
jfield() {
	grep -oE "\"$1\" *: *(\"[^\"]*\"|[0-9]+|true|false)" <<<"$2" | head -n 1 |
		sed -E 's/^"[^"]*" *: *"?//; s/"$//'
}
# nanos TIME: an RFC 3339 time as nanoseconds since the epoch.
nanos() { date -d "$1" +%s%N; }

grep -q '"name": "Anil Kumar Tyagi", "rank": "Inspector"' "$SAMPLE" ||
	fail "the sample FIR's officer changed; update this test"
run term a fir register "$SAMPLE" --json
assert_eq 0 "$RC" "fir register exits 0"
number=$(jfield fir_number "$OUT")
registered=$(jfield registered_at "$OUT")
gd_date=$(jfield gd_date "$OUT")
gd_at=$(jfield gd_entered_at "$OUT")
assert_eq 1 "$(jfield gd_number "$OUT")" "the receipt names GD entry 1, the first of the station's day"
[ -n "$gd_at" ] || fail "the receipt names no diary entry time"
[ "$(nanos "$gd_at")" -le "$(nanos "$registered")" ] ||
	fail "the diary entry ($gd_at) is after the FIR's registration ($registered)"
ok "the diary entry is not after the FIR's registration"

run term a gd show --json
assert_eq 0 "$RC" "gd show --json exits 0"
assert_match "$OUT" "\"fir_number\" *: *\"$number\"" "the day's diary lists an entry for the FIR"
assert_match "$OUT" '"kind" *: *"fir"' "... of kind fir"
assert_eq "$gd_at" "$(jfield entered_at "$OUT")" "... entered at the time the receipt gives"

day=$(date -d "$gd_date" +%d/%m/%Y)
run term a gd show
assert_eq 0 "$RC" "gd show exits 0"
assert_contains "$OUT" "Date                        $day" "the printout names the day"
assert_match "$OUT" '^ +1  [0-9]{2}:[0-9]{2}  FIR +Inspector Anil Kumar Tyagi \(UP-09876\)$' \
	"entry 1: time, kind FIR and the officer who recorded the FIR"
assert_contains "$OUT" "Case: FIR $number" "... and the FIR it is about"
assert_contains "$OUT" "303(2)" "... whose text names the sections"
assert_not_contains "$OUT" "Agarwal" "the diary carries no personal data of the complainant"

run term a gd show "$gd_date"
assert_eq 0 "$RC" "gd show DATE (YYYY-MM-DD) exits 0"
assert_contains "$OUT" "Case: FIR $number" "... and shows the same day"
run term a gd show "$day"
assert_contains "$OUT" "Case: FIR $number" "gd show DD/MM/YYYY shows the same day"

run term a fir show "$number"
assert_eq 0 "$RC" "fir show exits 0"
assert_match "$OUT" "^   \(c\) General Diary entry +GD entry 1 of $day at [0-9]{2}:[0-9]{2} IST$" \
	"fir show prints the General Diary reference (IIF-I item 3(c))"
assert_contains "$OUT" "13. Action taken" "fir show has the officer in item 13"
assert_contains "$OUT" "Officer in charge who recorded the FIR:" "... naming the officer who recorded it"
assert_match "$OUT" '^       Name +Anil Kumar Tyagi$' "... with the officer's name"
assert_match "$OUT" '^       Rank +Inspector$' "... rank"
assert_match "$OUT" '^       Number +UP-09876$' "... and number"

run term a fir show "$number" --json
assert_match "$OUT" '"gd_number" *: *1' "fir show --json carries the GD entry"
assert_match "$OUT" '"rank" *: *"Inspector"' "... and the officer"

# The diary row the FIR refers to exists in the database, at or before the registration.
assert_eq 1 "$(sql "SELECT count(*) FROM core.fir f JOIN core.gd_entry g
	ON g.state_code = f.state_code AND g.district_code = f.district_code
	AND g.station_code = f.station_code AND g.kind = 'fir' AND g.fir_no = f.fir_no
	AND g.fir_year = f.year AND g.entered_at <= f.registered_at")" \
	"the FIR's diary row is stored, not after the FIR"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

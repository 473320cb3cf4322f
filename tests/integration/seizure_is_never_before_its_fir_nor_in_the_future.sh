#!/usr/bin/env bash
# seizure_is_never_before_its_fir_nor_in_the_future: a seizure stated before its FIR was
# registered, or in the future, is refused with exit 3 naming seized_at ("a seizure cannot be
# recorded before its FIR"); so is one in an FIR of another station (not found, exit 6).
# Nothing refused is stored: no memo, no malkhana entry, no diary entry, no timeline event, and
# no seizure or malkhana number is used up.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# seizure_at TIME: the sample memo, without its accused code (no arrest here), at TIME.
seizure_at() {
	sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$1\"/g" -e '/"accused_code"/d' \
		"$SRC/deploy/samples/seizure.json"
}

run term a fir register "$SAMPLE" --json
assert_eq 0 "$RC" "station A registers the FIR"
number=$(grep -oE '"fir_number" *: *"[0-9/]+"' <<<"$OUT" | grep -oE '[0-9]+/[0-9]+')
year=${number#*/}
registered=$(grep -oE '"registered_at" *: *"[^"]+"' <<<"$OUT" | sed -E 's/.*"([^"]+)"$/\1/')
epoch=$(date -d "$registered" +%s)

seizure_at "$(date -d "@$((epoch - 60))" -Iseconds)" >"$T/before.json"
run term a seizure register "$number" "$T/before.json"
assert_eq 3 "$RC" "a seizure a minute before the FIR's registration: exit 3"
assert_contains "$OUT" "before.json: seized_at: a seizure cannot be recorded before its FIR" \
	"... naming the file, seized_at and the rule"

seizure_at "$(date -d '+1 day' -Iseconds)" >"$T/future.json"
run term a seizure register "$number" "$T/future.json"
assert_eq 3 "$RC" "a seizure tomorrow: exit 3"
assert_contains "$OUT" "seized_at" "... naming seized_at"
assert_contains "$OUT" "in the future" "... as in the future"

seizure_at "$(date -Iseconds)" >"$T/now.json"
run term b seizure register "$number" "$T/now.json"
assert_eq 6 "$RC" "station B cannot seize in station A's FIR: not found (exit 6)"

assert_eq 0 "$(sql 'SELECT count(*) FROM core.seizure')" "no memo was stored"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.malkhana')" "nothing was deposited"
assert_eq 0 "$(sql "SELECT count(*) FROM core.gd_entry WHERE kind IN ('seizure', 'property_deposit')")" \
	"no diary entry either"
assert_eq 0 "$(sql "SELECT count(*) FROM core.case_event WHERE kind = 'seizure'")" "nor a timeline event"

run term a seizure register "$number" "$T/now.json"
assert_eq 0 "$RC" "a seizure after the registration and not in the future is recorded"
assert_match "$OUT" "^Seizure 1 recorded in FIR $number" "... as seizure 1: the refused ones used up no number"
assert_match "$OUT" "^Item 1: malkhana 0001/$year\$" "... and malkhana 0001/$year: nor a malkhana number"

seizure_at "$registered" >"$T/at-registration.json"
run term a seizure register "$number" "$T/at-registration.json"
assert_eq 0 "$RC" "a seizure in the very second the FIR was registered is not before it"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

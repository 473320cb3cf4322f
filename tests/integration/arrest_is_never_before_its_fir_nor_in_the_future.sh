#!/usr/bin/env bash
# arrest_is_never_before_its_fir_nor_in_the_future: an arrest stated before its FIR was
# registered, or in the future, is refused with exit 3 naming arrested_at; so is an intimation
# to the relative before the arrest. Nothing refused is stored, in the memo table, the diary
# or the timeline, and no accused code is used up.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

arrest_at() {
	sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$1\"/g" "$SRC/deploy/samples/arrest.json"
}

run term a fir register "$SAMPLE" --json
assert_eq 0 "$RC" "station A registers the FIR"
number=$(grep -oE '"fir_number" *: *"[0-9/]+"' <<<"$OUT" | grep -oE '[0-9]+/[0-9]+')
registered=$(grep -oE '"registered_at" *: *"[^"]+"' <<<"$OUT" | sed -E 's/.*"([^"]+)"$/\1/')
epoch=$(date -d "$registered" +%s)

arrest_at "$(date -d "@$((epoch - 60))" -Iseconds)" >"$T/before.json"
run term a arrest register "$number" "$T/before.json"
assert_eq 3 "$RC" "an arrest a minute before the FIR's registration: exit 3"
assert_contains "$OUT" "arrested_at" "... naming arrested_at"
assert_contains "$OUT" "before.json" "... in the file"

arrest_at "$(date -d '+1 day' -Iseconds)" >"$T/future.json"
run term a arrest register "$number" "$T/future.json"
assert_eq 3 "$RC" "an arrest tomorrow: exit 3"
assert_contains "$OUT" "arrested_at" "... naming arrested_at"

sleep 1
now=$(date -Iseconds)
arrest_at "$now" | sed -e "s/\"relative_informed_at\": \"$now\"/\"relative_informed_at\": \"$(date -d "@$((epoch - 3600))" -Iseconds)\"/" \
	>"$T/early-intimation.json"
grep -q "\"arrested_at\": \"$now\"" "$T/early-intimation.json" || fail "test document not built"
run term a arrest register "$number" "$T/early-intimation.json"
assert_eq 3 "$RC" "the relative informed before the arrest: exit 3"
assert_contains "$OUT" "relative_informed_at" "... naming relative_informed_at"

assert_eq 0 "$(sql 'SELECT count(*) FROM core.arrest')" "no memo was stored"
assert_eq 0 "$(sql "SELECT count(*) FROM core.gd_entry WHERE kind = 'arrest'")" "no diary entry either"
assert_eq 0 "$(sql "SELECT count(*) FROM core.case_event WHERE kind = 'arrest'")" "nor a timeline event"

arrest_at "$now" >"$T/arrest.json"
run term a arrest register "$number" "$T/arrest.json"
assert_eq 0 "$RC" "an arrest after the registration and not in the future is recorded"
assert_match "$OUT" '^Arrest memo A1 ' "... as A1: the refused ones used up no code"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

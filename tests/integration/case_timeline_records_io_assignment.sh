#!/usr/bin/env bash
# case_timeline_records_io_assignment: after registration a case's timeline shows it registered
# with no investigating officer; the first assignment of an IO moves it to under investigation
# (event IO assigned), assigning another officer is recorded as IO changed with the status kept,
# and assigning the same officer again is refused as a conflict (exit 4). Sent again with the
# same idempotency key (a retry after a lost link), an assignment is answered with the first
# timeline, not refused and not recorded twice; the key with other content is a conflict. Every
# event names the officer who acted. Another station sees none of it.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers an FIR"
number=$(fir_number "$OUT")

run term a case timeline "$number"
assert_eq 0 "$RC" "case timeline exits 0"
assert_match "$OUT" '^Status +Registered$' "a new case is registered"
assert_match "$OUT" '^Investigating officer +none assigned$' "... with no investigating officer"
assert_match "$OUT" '^[0-9/]{10} [0-9:]{5}  FIR registered  Registered +1 ' \
	"one event: FIR registered, status registered, GD entry 1"

run term a case assign-io "$number" "$SRC/deploy/samples/assign-io.json"
assert_eq 0 "$RC" "case assign-io with the sample exits 0"
assert_match "$OUT" '^Status +Under investigation$' "the case is now under investigation"
assert_match "$OUT" '^Investigating officer +SI Ravi Kumar Sharma \(UP-15432\)$' "... with its IO"
assert_match "$OUT" '  IO assigned     Under investigation  .*Inspector Anil Kumar Tyagi \(UP-09876\)$' \
	"the event IO assigned names the officer who assigned"

cat >"$T/change.json" <<'JSON'
{ "io": { "number": "UP-20417", "name": "Meena Chaudhary", "rank": "Inspector" },
  "acting": { "number": "UP-09876", "name": "Anil Kumar Tyagi", "rank": "Inspector" } }
JSON
run term a case assign-io "$number" "$T/change.json" --key 00112233445566778899aabbccddee01
assert_eq 0 "$RC" "assigning another officer exits 0"
assert_match "$OUT" '^Status +Under investigation$' "... the status stays under investigation"
assert_match "$OUT" '^Investigating officer +Inspector Meena Chaudhary \(UP-20417\)$' \
	"... the new officer is the IO"
assert_match "$OUT" '  IO changed      Under investigation  ' "... recorded as IO changed"

run term a case assign-io "$number" - <"$T/change.json"
assert_eq 4 "$RC" "assigning the same officer again is refused (exit 4)"

run term a case assign-io "$number" "$T/change.json" --key 00112233445566778899aabbccddee01
assert_eq 0 "$RC" "the same assignment with the same key (a retry) is answered, exit 0"
assert_contains "$OUT" "already recorded with this key" "... as the answer given then"
assert_match "$OUT" '  IO changed      Under investigation  ' "... with the timeline as it was"
run term a case assign-io "$number" "$SRC/deploy/samples/assign-io.json" --key 00112233445566778899aabbccddee01
assert_eq 4 "$RC" "the key with another assignment is a conflict (exit 4)"

run term a case timeline "$number" --json
assert_eq 0 "$RC" "case timeline --json exits 0"
kinds=$(grep -oE '"kind" *: *"[a-z_]+"' <<<"$OUT" | grep -oE '"[a-z_]+"$' | tr -d '"' | tr '\n' ' ')
assert_eq "fir_registered io_assigned io_changed " "$kinds" "the timeline holds the three events, oldest first"
assert_match "$OUT" '"status" *: *"under_investigation"' "... and the current status"

printf '{ "io": { "number": "UP-1", "name": "X", "rank": "SI" }, "fir_number": "%s" }\n' "$number" \
	>"$T/with-number.json"
run term a case assign-io "$number" "$T/with-number.json"
assert_eq 3 "$RC" "a document that carries its own fir_number is refused (exit 3)"
assert_contains "$OUT" "fir_number" "... naming it"

run term b case timeline "$number"
assert_eq 6 "$RC" "another station cannot see the timeline (exit 6)"
run term b case assign-io "$number" "$SRC/deploy/samples/assign-io.json"
assert_eq 6 "$RC" "... nor assign an officer to the case (exit 6)"
run term a case timeline "0999/${number#*/}"
assert_eq 6 "$RC" "an unknown FIR has no timeline (exit 6)"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

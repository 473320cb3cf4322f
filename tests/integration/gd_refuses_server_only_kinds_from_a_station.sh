#!/usr/bin/env bash
# gd_refuses_server_only_kinds_from_a_station: the server alone writes the diary entries for
# FIRs, arrests, seizures and property deposits; a station sending one of those kinds, or an
# entry without its officer, is refused with exit 3 naming the field, and nothing is stored.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
GD_SAMPLE=$SRC/deploy/samples/gd-entry.json

for kind in fir arrest seizure property_deposit; do
	sed "s/\"kind\": \"departure\"/\"kind\": \"$kind\"/" "$GD_SAMPLE" >"$T/$kind.json"
	run term a gd add "$T/$kind.json"
	assert_eq 3 "$RC" "a station's entry of kind $kind: exit 3"
	assert_contains "$OUT" "kind" "... naming the kind"
done

printf '{ "kind": "general", "text": "Night patrol of Beat 3 checked; all quiet." }\n' \
	>"$T/no-officer.json"
run term a gd add "$T/no-officer.json"
assert_eq 3 "$RC" "an entry without its officer: exit 3"
assert_contains "$OUT" "officer" "... naming the officer"

assert_eq 0 "$(sql 'SELECT count(*) FROM core.gd_entry')" "nothing was stored"
run term a gd add "$GD_SAMPLE"
assert_eq 0 "$RC" "the sample entry (departure) is accepted"
assert_match "$OUT" '^GD entry 1 of ' "... as entry 1: the refused ones used up no number"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

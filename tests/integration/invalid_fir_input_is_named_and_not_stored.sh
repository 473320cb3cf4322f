#!/usr/bin/env bash
# invalid_fir_input_is_named_and_not_stored: an FIR with a section that does not exist, a
# field of the wrong type, an unknown field, an unknown district, an occurrence in the future,
# or no charges is refused with exit 3 and a message naming the field path; a file that is
# not JSON, or missing, names the file. Nothing is stored and no FIR number is used up.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# invalid NAME SED_SCRIPT FIELD_PATH_ERE WHAT: the sample with SED_SCRIPT applied is refused
# with exit 3 and a message naming the field (an extended regular expression).
invalid() {
	sample_with "$2" >"$T/$1.json"
	run term a fir register "$T/$1.json"
	assert_eq 3 "$RC" "$4: exit 3 (invalid input)"
	assert_match "$OUT" "$3" "$4: the message names the field"
}

invalid bad-section 's/"331(4)"/"999(9)"/' 'charges\[1\]\.section' "a BNS section that does not exist"
invalid bad-act-section 's/"act": "bns", "section": "303(2)"/"act": "ipc", "section": "9999"/' \
	'charges\[0\]' "an IPC section that does not exist"
invalid wrong-type 's/"distance_m": 800/"distance_m": "far"/' 'place\.distance_m' \
	"a number given as text"
invalid bad-enum 's/"information_type": "written"/"information_type": "pigeon"/' \
	'information_type' "an enum value that does not exist"
invalid unknown-field '0,/{/s//{ "colour": "red",/' 'colour' "an unknown field"
invalid bad-district '0,/"district_code": 118/s//"district_code": 9999/' \
	'place\.address\.district_code' "a district code that does not exist"
invalid future 's/"2026-11-2[67]T/"2099-01-01T/' \
	'occurred_(from|to)|information_received_at' "an occurrence after the registration"
invalid bad-time 's/"occurred_to": "2026-11-26T22:15:00+05:30"/"occurred_to": "yesterday evening"/' \
	'occurred_to' "a time that is not RFC 3339"

printf '{"brief_facts": "no charges"}\n' >"$T/no-charges.json"
run term a fir register "$T/no-charges.json"
assert_eq 3 "$RC" "an FIR without charges: exit 3"
assert_contains "$OUT" "charges" "... the message names charges"

printf '{ "occurred_from": \n' >"$T/broken.json"
run term a fir register "$T/broken.json"
assert_eq 3 "$RC" "a file that is not JSON: exit 3"
assert_contains "$OUT" "broken.json" "... the message names the file"

run term a fir register "$T/does-not-exist.json"
assert_eq 3 "$RC" "a missing file: exit 3"
assert_contains "$OUT" "does-not-exist.json" "... the message names the file"

assert_eq 0 "$(sql 'SELECT count(*) FROM core.fir')" "nothing was stored"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.fir_charge')" "no charge rows either"

run term a fir register - <"$SAMPLE"
assert_eq 0 "$RC" "the valid sample from stdin registers"
assert_match "$OUT" 'FIR 0001/[0-9]{4}' "... as number 1: the refused ones used up no number"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

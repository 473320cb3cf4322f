#!/usr/bin/env bash
# property_identifiers_are_matched: structured identifying numbers of property through the terminal.
# Station A registers an FIR whose stolen phone carries its IMEI and serial as identifiers (not in
# the description); property search --number finds it by either, however written. Station B
# seizes a phone whose IMEI is given as an identifying number with spaces: both stations get a
# property alert matched by that number. A lost report at B with the IMEI as an identifier is
# matched against the seizure too. Every read gives the identifiers back, text and --json: fir show,
# lost show, seizure show (0042), malkhana show and list, crime-details show of each version (0046).
# An IMEI with a wrong check digit, a too short number and an
# unknown kind are refused by the terminal before anything is sent (exit 3, naming the field); an
# FIR sent past the terminal's check is refused by the server the same way. Nothing refused is
# stored.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

imei=490154203237518
# fir_with_ids IDS_JSON: the sample FIR whose first property carries these identifiers.
fir_with_ids() {
	jq --argjson ids "$1" '.properties[0].identifiers = $ids' "$SAMPLE"
}

fir_with_ids "[{\"kind\": \"imei\", \"number\": \"$imei\"}, {\"kind\": \"serial\", \"number\": \"R58M-12AB-CD\"}]" \
	>"$T/fir-a.json"
run term a fir register "$T/fir-a.json"
assert_eq 0 "$RC" "station A registers an FIR with a stolen phone's IMEI and serial as identifiers"
fir_a=$(fir_number "$OUT")
run term b property search --number "$imei"
assert_eq 0 "$RC" "property search --number $imei"
assert_contains "$OUT" "FIR $fir_a property 1" "... finds the stolen phone by its IMEI identifier"
run term b property search --number "r58m 12ab cd"
assert_contains "$OUT" "FIR $fir_a property 1" "... and by its serial however written"

run term b fir register "$SAMPLE"
assert_eq 0 "$RC" "station B registers an FIR"
fir_b=$(fir_number "$OUT")
sleep 1
cat >"$T/seizure.json" <<JSON
{"nature": "stolen", "seized_at": "$(date -Iseconds)", "place": "Bus stand, Agra",
 "seized_from": {"name": "Sonu Kumar", "relative_kind": "father", "relative_name": "Ram Prakash"},
 "witnesses": [{"name": "Mohan Lal", "relative_name": "Kishan Lal"},
               {"name": "Sunita Devi", "relative_name": "Rakesh Kumar"}],
 "items": [{"kind": "mobile_phone", "description": "A black phone", "quantity": 1,
            "identifying_numbers": [{"kind": "imei", "number": "49015 42032 37518"}]}],
 "officer": {"number": "UP-15432", "name": "Ravi Kumar Sharma", "rank": "SI"}}
JSON
run term b seizure register "$fir_b" "$T/seizure.json"
assert_eq 0 "$RC" "station B seizes a phone with the IMEI as an identifying number"
malkhana_b=$(sed -n 's/^Item 1: malkhana \([0-9]*\/[0-9]*\)$/\1/p' <<<"$OUT")
[ -n "$malkhana_b" ] || fail "no malkhana number in: $OUT"
run term a alerts list --json
assert_contains "$OUT" '"kind": "property"' "A gets a property alert"
assert_contains "$OUT" "\"other_record\": \"FIR $fir_a property 1\"" "... naming its stolen phone"
assert_contains "$OUT" "\"$imei\"" "... matched by the IMEI"
run term b alerts list --json
assert_contains "$OUT" "\"record\": \"FIR $fir_b seizure 1 item 1\"" "B gets the same alert"

jq --argjson ids "[{\"kind\": \"imei\", \"number\": \"$imei\"}]" \
	'.items = [.items[0] | del(.identifier) | .identifiers = $ids] | .lost_from = (now - 86400 | strftime("%Y-%m-%dT%H:%M:%S+00:00")) | del(.lost_to)' \
	"$SRC/deploy/samples/lost.json" >"$T/lost.json"
run term b lost register "$T/lost.json"
assert_eq 0 "$RC" "station B registers a lost report with the IMEI as an identifier"
lost_no=$(sed -n 's/^Lost property report \([0-9]*\/[0-9]*\) recorded.*/\1/p' <<<"$OUT")
run term b alerts list --json
assert_contains "$OUT" "\"other_record\": \"FIR $fir_b seizure 1 item 1\"" \
	"... matched against the seizure"

# The reads give the identifiers back (0042), in the text and in --json.
run term a fir show "$fir_a"
assert_eq 0 "$RC" "fir show $fir_a"
assert_match "$OUT" "IMEI +$imei" "... prints the stolen phone's IMEI"
assert_match "$OUT" "Serial No\\. +R58M-12AB-CD" "... and its serial as written"
run term a fir show "$fir_a" --json
assert_eq "$imei" "$(jq -r '.content.properties[0].identifiers[0].number' <<<"$OUT")" "fir show --json has the IMEI"
assert_eq "R58M-12AB-CD" "$(jq -r '.content.properties[0].identifiers[1].number' <<<"$OUT")" "... and the serial"
run term b lost show "$lost_no"
assert_eq 0 "$RC" "lost show $lost_no"
assert_match "$OUT" "IMEI +$imei" "... prints the lost phone's IMEI identifier"
run term b lost show "$lost_no" --json
assert_eq "$imei" "$(jq -r '.report.items[0].identifiers[0].number' <<<"$OUT")" "lost show --json has the IMEI"
run term b seizure show "$fir_b" 1
assert_eq 0 "$RC" "seizure show $fir_b 1"
assert_match "$OUT" "IMEI +49015 42032 37518" "... prints the seized phone's IMEI as written"
run term b seizure show "$fir_b" 1 --json
assert_eq "49015 42032 37518" "$(jq -r '.memo.items[0].identifying_numbers[0].number' <<<"$OUT")" \
	"seizure show --json has the IMEI"
# ... and the malkhana entry of that item and the crime details (0046).
run term b malkhana show "$malkhana_b"
assert_eq 0 "$RC" "malkhana show $malkhana_b"
assert_match "$OUT" "IMEI +49015 42032 37518" "... prints the seized phone's IMEI as written"
run term b malkhana show "$malkhana_b" --json
assert_eq "49015 42032 37518" "$(jq -r '.item.identifying_numbers[0].number' <<<"$OUT")" \
	"malkhana show --json has the IMEI"
run term b malkhana list --json
assert_eq "49015 42032 37518" "$(jq -r '.entries[0].item.identifying_numbers[0].number' <<<"$OUT")" \
	"malkhana list --json has it too"
jq --argjson ids "[{\"kind\": \"imei\", \"number\": \"$imei\"}, {\"kind\": \"serial\", \"number\": \"R58M-12AB-CD\"}]" \
	--arg at "$(TZ=Asia/Kolkata date -Iseconds)" \
	'.properties = [.properties[0] | .identifiers = $ids, {"kind": "cash", "value_rupees": 500}] | .panchnama_at = $at' \
	"$SRC/deploy/samples/crime-details.json" >"$T/cd.json"
run term a crime-details record "$fir_a" "$T/cd.json"
assert_eq 0 "$RC" "station A records crime details whose phone carries its IMEI and serial"
jq '.properties[0].identifiers = [{"kind": "serial", "number": "SN-99887766"}]' "$T/cd.json" >"$T/cd2.json"
run term a crime-details record "$fir_a" "$T/cd2.json"
assert_eq 0 "$RC" "... and a second version with another identifier"
run term a crime-details show "$fir_a" --version 1
assert_eq 0 "$RC" "crime-details show $fir_a --version 1"
assert_match "$OUT" "IMEI +$imei" "... prints the phone's IMEI"
assert_match "$OUT" "Serial No\\. +R58M-12AB-CD" "... and its serial as written"
run term a crime-details show "$fir_a" --json
assert_eq 0 "$RC" "crime-details show $fir_a --json"
assert_eq "SN-99887766" "$(jq -r '.details.properties[0].identifiers | map(.number) | join(",")' <<<"$OUT")" \
	"... the latest version has its own identifiers only"
assert_eq "null" "$(jq -c '.details.properties[1].identifiers' <<<"$OUT")" "... and the cash none"

# Refusals: by the terminal, then past it by the server.
n=$(sql "SELECT count(*) FROM core.fir")
fir_with_ids '[{"kind": "imei", "number": "490154203237519"}]' >"$T/bad.json"
run term a fir register "$T/bad.json"
assert_eq 3 "$RC" "an IMEI with a wrong check digit is refused (exit 3)"
assert_contains "$OUT" "properties[0].identifiers[0].number" "... naming the field"
assert_contains "$OUT" "Luhn" "... and why"
fir_with_ids '[{"kind": "serial", "number": "12-3"}]' >"$T/bad.json"
run term a fir register "$T/bad.json"
assert_eq 3 "$RC" "a number of 4 characters is refused (exit 3)"
assert_contains "$OUT" "properties[0].identifiers[0].number" "... naming the field"
fir_with_ids '[{"kind": "barcode", "number": "1234567"}]' >"$T/bad.json"
run term a fir register "$T/bad.json"
assert_eq 3 "$RC" "an unknown kind is refused (exit 3)"
assert_contains "$OUT" "kind" "... naming the field"
run sql "SELECT count(*) FROM api.register_fir($A_STATE, $A_DISTRICT, $A_STATION, '\\x00112233445566778899aabbccddeeff',
	'$(fir_with_ids '[{"kind": "imei", "number": "490154203237519"}]' | tr -d '\n' | sed "s/'/''/g")'::jsonb)"
assert_contains "$OUT" "Luhn" "the server refuses the wrong IMEI sent past the terminal"
assert_eq "$n" "$(sql "SELECT count(*) FROM core.fir")" "refusals store nothing"

#!/usr/bin/env bash
# seizure_needs_two_witnesses: a seizure memo needs exactly two independent witnesses. One or
# three witnesses are refused by the terminal before anything is sent, and the same memo sent
# past the terminal's check (straight to the database's api) is refused there too; the person
# the property was seized from, or the same person twice, is no independent witness (exit 3
# naming the witness). Nothing refused is stored; two independent witnesses are recorded.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the FIR"
number=$(fir_number "$OUT")
sleep 1
now=$(date -Iseconds)

# with_witnesses JSON_ARRAY: a seizure memo at $now with these witnesses.
with_witnesses() {
	cat <<JSON
{"nature": "stolen", "seized_at": "$now", "place": "Jhuggi No. 27, Nagla Padi, Agra",
 "seized_from": {"name": "Sonu Kumar", "relative_kind": "father", "relative_name": "Ram Prakash"},
 "witnesses": $1,
 "items": [{"kind": "mobile_phone", "description": "Samsung Galaxy A34, black", "quantity": 1,
            "value_rupees": 24999, "identifiers": "IMEI 352099001761481"}],
 "officer": {"number": "UP-15432", "name": "Ravi Kumar Sharma", "rank": "SI"}}
JSON
}
w1='{"name": "Mohan Lal", "relative_name": "Kishan Lal"}'
w2='{"name": "Sunita Devi", "relative_name": "Rakesh Kumar"}'
w3='{"name": "Ajay Singh", "relative_name": "Vijay Singh"}'

with_witnesses "[$w1]" >"$T/one.json"
run term a seizure register "$number" "$T/one.json"
assert_eq 3 "$RC" "one witness: exit 3"
assert_contains "$OUT" "one.json: witnesses: needs exactly 2 independent witnesses, got 1" \
	"... naming the file and witnesses"
with_witnesses "[$w1, $w2, $w3]" >"$T/three.json"
run term a seizure register "$number" "$T/three.json"
assert_eq 3 "$RC" "three witnesses: exit 3"
assert_contains "$OUT" "got 3" "... saying how many were given"
with_witnesses "[]" >"$T/none.json"
run term a seizure register "$number" "$T/none.json"
assert_eq 3 "$RC" "no witness: exit 3"

# Past the terminal: the database refuses it as well.
run psql -X -q -At -v ON_ERROR_STOP=1 -v memo="$(cat "$T/one.json")" -d "$CCTNS_DB" <<SQL
SELECT * FROM api.register_seizure($A_STATE, $A_DISTRICT, $A_STATION,
	decode(md5(random()::text), 'hex'), '$number', :'memo'::jsonb);
SQL
[ "$RC" -ne 0 ] || fail "the database took a memo with one witness"
assert_contains "$OUT" "exactly 2 independent witnesses: 1 given" "the database refuses one witness too"

with_witnesses '[{"name": "Sonu Kumar", "relative_name": "Ram Prakash"}, '"$w2]" >"$T/accused-witness.json"
run term a seizure register "$number" "$T/accused-witness.json"
assert_eq 3 "$RC" "the person seized from as a witness: exit 3"
assert_contains "$OUT" "witnesses[0]: witnesses[0] is the person the property was seized from" \
	"... naming that witness"
with_witnesses "[$w1, $w1]" >"$T/twice.json"
run term a seizure register "$number" "$T/twice.json"
assert_eq 3 "$RC" "the same witness twice: exit 3"
assert_contains "$OUT" "witnesses[1]: witnesses[1] is the same person as witnesses[0]" "... naming the second"
with_witnesses '[{"name": ""}, '"$w2]" >"$T/unnamed.json"
run term a seizure register "$number" "$T/unnamed.json"
assert_eq 3 "$RC" "a witness without a name: exit 3"
assert_contains "$OUT" "witnesses[0].name" "... naming the field"

assert_eq 0 "$(sql 'SELECT count(*) FROM core.seizure')" "nothing refused was stored"
assert_eq 0 "$(sql "SELECT count(*) FROM core.person_link WHERE record_kind = 'seizure'")" "... nor anyone linked"

with_witnesses "[$w1, $w2]" >"$T/two.json"
run term a seizure register "$number" "$T/two.json"
assert_eq 0 "$RC" "two independent witnesses: recorded"
assert_eq "Mohan Lal|Sunita Devi" "$(sql "SELECT string_agg(name, '|' ORDER BY witness_no) FROM core.seizure_witness")" \
	"... both witnesses stored in order"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

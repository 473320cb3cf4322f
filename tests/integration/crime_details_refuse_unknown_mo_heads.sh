#!/usr/bin/env bash
# crime_details_refuse_unknown_mo_heads: the modus operandi of the crime details is a major and a
# minor head of the MO list (ref.mo_head). An unknown major head is refused (exit 3) naming
# mo.major and listing the major heads; an unknown minor head names mo.minor and lists the minor
# heads of that major head; a code that is not a head code is refused by the terminal itself;
# more than 3 methods or special features are refused; the database refuses an unknown head
# even when the terminal and the server are bypassed; nothing is stored. A head of the list is
# accepted.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=persons_lib.bash
. "$(dirname "$0")/persons_lib.bash"
stack_up
new_case a

crime_details_now "$T/major.json" 's/"major": "theft"/"major": "pick_pocketing"/'
run term a crime-details record "$number" "$T/major.json"
assert_eq 3 "$RC" "an unknown MO major head is refused with exit 3"
assert_contains "$OUT" "major.json: mo.major:" "... naming the file and mo.major"
assert_contains "$OUT" 'no MO major head "pick_pocketing"' "... saying what is wrong"
assert_contains "$OUT" "house_breaking" "... and listing the major heads"
assert_contains "$OUT" "cheating" "... all of them"

crime_details_now "$T/minor.json" 's/"minor": "chain_snatching"/"minor": "lock_broken"/'
run term a crime-details record "$number" "$T/minor.json"
assert_eq 3 "$RC" "a minor head of another major head is refused"
assert_contains "$OUT" "mo.minor:" "... naming mo.minor"
assert_contains "$OUT" 'major head theft has no minor head "lock_broken"' "... saying which major head"
assert_contains "$OUT" "general, bag_lifting, by_servant, cattle, chain_snatching" \
	"... and listing its minor heads, general first"

crime_details_now "$T/spaces.json" 's/"major": "theft"/"major": "House Breaking"/'
run term a crime-details record "$number" "$T/spaces.json"
assert_eq 3 "$RC" "a head written as words is refused by the terminal"
assert_contains "$OUT" "mo.major: must be a head code like house_breaking" "... saying how heads are written"

crime_details_now "$T/methods.json" \
	's/"methods": \["approached/"methods": ["one", "two", "three", "approached/'
run term a crime-details record "$number" "$T/methods.json"
assert_eq 3 "$RC" "more than 3 methods are refused"
assert_contains "$OUT" "mo.methods: must have at most 3 entries" "... naming mo.methods"
crime_details_now "$T/features.json" \
	's/"special_features": \["two/"special_features": ["a", "b", "two/'
run term a crime-details record "$number" "$T/features.json"
assert_eq 3 "$RC" "more than 3 special features are refused"
assert_contains "$OUT" "mo.special_features" "... naming mo.special_features"

# The database is the last line: api.record_crime_details called in psql by its owner.
run psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" -v fir="$number" -v d="$(cat "$T/major.json")" <<SQL
SELECT receipt FROM api.record_crime_details($A_STATE, $A_DISTRICT, $A_STATION,
	decode('$(openssl rand -hex 16)', 'hex'), :'fir', :'d'::jsonb);
SQL
[ "$RC" -ne 0 ] || fail "api.record_crime_details stored an unknown MO head"
assert_contains "$OUT" "no MO major head" "the database itself refuses an unknown head"
run psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" \
	-c "INSERT INTO core.crime_details (state_code, year, fir_id, version, district_code, station_code, idempotency_key, content_sha256, place_type, mo_major, mo_minor, officer_number, officer_name, officer_rank) SELECT state_code, year, fir_id, 1, district_code, station_code, '\\x00000000000000000000000000000000', sha256('x'), 'market', 'pick_pocketing', 'general', '1', 'A', 'SI' FROM core.fir"
[ "$RC" -ne 0 ] || fail "core.crime_details took an unknown MO head"
assert_contains "$OUT" "foreign key" "... and so does the table, whoever writes"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.crime_details')" "nothing was stored"

crime_details_now "$T/ok.json" 's/"minor": "chain_snatching"/"minor": "general"/'
run term a crime-details record "$number" "$T/ok.json"
assert_eq 0 "$RC" "a major head with minor head general is accepted"
run term a crime-details show "$number"
assert_match "$OUT" '^   Minor head +General$' "... and printed"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

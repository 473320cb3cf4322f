#!/usr/bin/env bash
# fir_content_round_trips_every_iif1_field: an FIR with every IIF-I field set (FirContent
# fields 1-21: passport, informant, the station whose limits the place is in, inquest number,
# action taken, dispatch to court, total value, e-FIR and zero FIR flags) reads back equal,
# with the person_id of every person linked in the persons register; the printout shows each
# of them. A later FIR that names a person by person_id links that same person. Rules only
# the server knows (a person_id not in the register, a passport issued before the birth, a
# dispatch before the information, a station not in the register or the station itself)
# are refused naming the field, and nothing is stored.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

cat >"$T/full.json" <<'JSON'
{
  "occurred_from": "2026-11-26T19:30:00+05:30",
  "occurred_to": "2026-11-26T22:15:00+05:30",
  "information_received_at": "2026-11-27T09:40:00+05:30",
  "information_type": "electronic",
  "place": {
    "address": {"line1": "Roadways bus stand", "line2": "Ramghat Road", "city": "Aligarh",
                "district_code": 119, "state_code": 9, "pincode": "202001"},
    "distance_m": 61000, "direction": "n", "beat": "Outside beat"
  },
  "charges": [{"act": "bns", "section": "303(2)"}, {"act": "bns", "section": "317(2)"}],
  "complainant": {"name": "Farida Begum", "relative_kind": "husband", "relative_name": "Aslam Khan",
                  "gender": "female", "date_of_birth": "1980-02-29", "year_of_birth": 1980,
                  "nationality": "Indian", "occupation": "Tailor",
                  "address": {"line1": "7, Loha Mandi", "city": "Agra", "district_code": 118,
                              "state_code": 9, "pincode": "282002"},
                  "phone": "9000000011"},
  "accused": [
    {"kind": "known", "person": {"name": "Raju Yadav", "relative_kind": "father", "relative_name": "Shyam Yadav",
                                 "gender": "male", "year_of_birth": 1995}},
    {"kind": "suspected", "person": {"name": "Chhotu"}, "description": "Seen near the bus with Raju"},
    {"kind": "unknown", "description": "A third man who kept watch", "count": 1}
  ],
  "brief_facts": "The informant reports online, for the complainant, that her bag was taken at the Aligarh bus stand.\nA second paragraph.",
  "properties": [{"kind": "jewellery", "description": "Gold chain, 10 g", "value_rupees": 60000},
                 {"kind": "cash", "value_rupees": 4500}],
  "delay_reason": "The complainant came back to Agra first.",
  "officer": {"number": "UP-09876", "name": "Anil Kumar Tyagi", "rank": "Inspector"},
  "complainant_passport": {"number": "Z9876543", "date_of_issue": "2015-01-20", "place_of_issue": "Lucknow"},
  "informant": {"name": "Salma Khan", "relative_kind": "father", "relative_name": "Aslam Khan",
                "gender": "female", "year_of_birth": 2001, "nationality": "Indian", "occupation": "Nurse",
                "phone": "9000000012"},
  "outside_station": {"state_code": 9, "district_code": 119, "station_code": 2001,
                      "station_name": "Civil Lines", "district_name": "Aligarh"},
  "inquest_number": "UD 3/2026",
  "action_taken": {"action": "refused_investigation", "reason": "Refused here for want of jurisdiction",
                   "text": "The complainant was told to approach P.S. Civil Lines."},
  "dispatched_to_court_at": "2026-11-27T17:30:00+05:30",
  "total_value_rupees": 64500,
  "e_fir": true,
  "zero_fir": true
}
JSON

# content_sql FILE_OF_FIR_JSON SQL: SQL over c, the FIR's content as jsonb, and i, the input.
content_sql() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" -v fir="$(cat "$1")" -v input="$(cat "$T/full.json")" \
		<<<"SELECT $2 FROM (SELECT :'fir'::jsonb -> 'content' AS c, :'input'::jsonb AS i) x"
}

run term a fir register "$T/full.json"
assert_eq 0 "$RC" "an FIR with every IIF-I field registers"
number=$(fir_number "$OUT")
run term a fir show "$number" --json
assert_eq 0 "$RC" "fir show --json reads it back"
printf '%s\n' "$OUT" >"$T/back.json"
assert_eq t "$(content_sql "$T/back.json" "c #- '{complainant,person_id}' #- '{informant,person_id}'
	#- '{accused,0,person,person_id}' #- '{accused,1,person,person_id}' = i")" \
	"the content reads back equal, field by field (apart from the person ids)"
assert_eq "t|t|t|3" "$(content_sql "$T/back.json" "(c #>> '{complainant,person_id}')::bigint > 0,
	(c #>> '{informant,person_id}')::bigint > 0, c #> '{accused,2,person}' IS NULL,
	(SELECT count(DISTINCT v) FROM (VALUES (c #> '{complainant,person_id}'), (c #> '{informant,person_id}'),
		(c #> '{accused,0,person,person_id}'), (c #> '{accused,1,person,person_id}')) p(v)) - 1")" \
	"every named person has a person_id of their own; the unknown accused none"
assert_eq "accused,complainant,informant,suspect" "$(sql "SELECT string_agg(role, ',' ORDER BY role)
	FROM core.person_link WHERE label = 'FIR $number' AND station_code = $A_STATION")" \
	"the persons register links them by role, labelled with the FIR"

run term a fir show "$number"
for want in "Passport No.             Z9876543" "Date of issue        20/01/2015" \
	"Place of issue       Lucknow" "Informant (another person than the complainant)" \
	"Name                 Salma Khan" "Persons register No." \
	"(c) Outside: P.S.        Civil Lines (station 2001)" "UD 3/2026" \
	"Refused investigation due to: Refused here for want of jurisdiction" \
	"The complainant was told to approach P.S. Civil Lines." "27/11/2026 17:30 IST" \
	"Total value              Rs. 64,500" "e-FIR                    Yes" "Zero FIR                 Yes" \
	"e-FIR not signed yet: the informant must sign by"; do
	assert_contains "$OUT" "$want" "the printout shows: $want"
done

# A later FIR naming the complainant by person_id links the same person.
pid=$(content_sql "$T/back.json" "c #>> '{complainant,person_id}'")
sed -e "s/\"name\": \"Farida Begum\",/\"person_id\": $pid, \"name\": \"Farida Begum\",/" \
	-e 's/"total_value_rupees": 64500,//; s/"e_fir": true,//; s/"information_type": "electronic"/"information_type": "written"/' \
	"$T/full.json" >"$T/again.json"
run term a fir register "$T/again.json"
assert_eq 0 "$RC" "a second FIR names the complainant by person_id"
run term a fir show "$(fir_number "$OUT")" --json
printf '%s\n' "$OUT" >"$T/again-back.json"
assert_eq "$pid" "$(content_sql "$T/again-back.json" "c #>> '{complainant,person_id}'")" \
	"... and links that same person"
assert_eq 2 "$(sql "SELECT count(*) FROM core.person_link WHERE person_id = $pid AND role = 'complainant'")" \
	"... who is now the complainant of two FIRs"

before=$(sql "SELECT count(*) FROM core.fir")
# refused NAME SED_SCRIPT FIELD_ERE WHAT: full.json with SED_SCRIPT is refused naming the field.
refused() {
	sed -e "$2" "$T/full.json" >"$T/$1.json"
	run term a fir register "$T/$1.json"
	assert_eq 3 "$RC" "$4: exit 3"
	assert_match "$OUT" "$1\\.json: $3" "$4: the message names the field"
}
refused unknown-person 's/"name": "Farida Begum",/"person_id": 999999999, "name": "Farida Begum",/' \
	'complainant\.person_id: .*no person' "a person_id not in the persons register"
refused passport-before-birth 's/"date_of_issue": "2015-01-20"/"date_of_issue": "1979-05-01"/' \
	"complainant_passport\\.date_of_issue: .*before the complainant's date_of_birth" \
	"a passport issued before the complainant was born"
refused dispatch-before-information 's/"dispatched_to_court_at": "2026-11-27T17:30:00+05:30"/"dispatched_to_court_at": "2026-11-27T09:00:00+05:30"/' \
	'dispatched_to_court_at: .*before information_received_at' "a dispatch to court before the information"
refused outside-unknown-station 's/"district_code": 119, "station_code": 2001,/"district_code": 119, "station_code": 2999,/' \
	'outside_station\.station_code: .*no police station 2999' "an outside station not in the register"
refused outside-itself 's/"district_code": 119, "station_code": 2001,/"district_code": 118, "station_code": 1001,/' \
	'outside_station: .*this station itself' "the station itself as the station outside"
assert_eq "$before" "$(sql "SELECT count(*) FROM core.fir")" "nothing refused was stored"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

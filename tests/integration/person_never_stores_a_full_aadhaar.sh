#!/usr/bin/env bash
# person_never_stores_a_full_aadhaar: identity documents added to a person (cctns person
# add-details) never hold a full Aadhaar number: 12 digits under any kind, with or without
# spaces or dashes, and the kind aadhaar itself, are refused with exit 3 naming the document;
# the database refuses them too when the terminal and the server are bypassed (api.update_person
# called in psql, or an INSERT into core.person_document by its owner); the number is in no
# table and not in the server log. The masked form (kind aadhaar_masked, the last 4 digits) is
# stored and printed masked. Other details of the same document are added and read back.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=persons_lib.bash
. "$(dirname "$0")/persons_lib.bash"
stack_up
new_case a
crime_details_now "$T/cd.json"
run term a crime-details record "$number" "$T/cd.json"
assert_eq 0 "$RC" "the crime details name a victim"
run term a crime-details show "$number" --json
pid=$(json_get "$OUT" '{details,victims,0,person,person_id}')
[ -n "$pid" ] || fail "no person_id for the victim"

sample=$SRC/deploy/samples/person-details.json
masked='{"kind": "aadhaar_masked", "number": "4821"}'
grep -qF "$masked" "$sample" || fail "the sample's masked Aadhaar changed; update this test"
# with_document NAME KIND NUMBER: the sample details with the masked Aadhaar replaced.
with_document() {
	sed -e "s/$masked/{\"kind\": \"$2\", \"number\": \"$3\"}/" "$sample" >"$T/$1.json"
}
with_document spaces aadhaar_masked "3947 5820 4821"
with_document aadhaar aadhaar "4821"
with_document dashes voter_id "3947-5820-4821"
with_document plain passport "394758204821"
for doc in spaces aadhaar dashes plain; do
	run term b person add-details "$pid" "$T/$doc.json"
	assert_eq 3 "$RC" "a full Aadhaar number or kind ($doc): exit 3"
	assert_contains "$OUT" "$doc.json: identity_documents[1]" "... naming the document in the file"
	assert_contains "$OUT" "aadhaar_masked" "... saying how to record an Aadhaar card"
done

# update_in_psql FILE: api.update_person called by cctns_owner with the details in FILE.
update_in_psql() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" -v d="$(cat "$1")" -v p="$pid" <<SQL
SELECT replayed FROM api.update_person($B_STATE, $B_DISTRICT, $B_STATION, decode('$(openssl rand -hex 16)', 'hex'),
	(:'d'::jsonb) || jsonb_build_object('person_id', :'p'::bigint));
SQL
}
for doc in spaces aadhaar dashes plain; do
	run update_in_psql "$T/$doc.json"
	[ "$RC" -ne 0 ] || fail "api.update_person stored a full Aadhaar number ($doc)"
	assert_contains "$OUT" "Aadhaar" "the database itself refuses it ($doc)"
done
run psql -X -q -At -d "$CCTNS_DB" -v p="$pid" <<'SQL'
INSERT INTO core.person_document (state_code, year, person_id, kind, number, district_code, station_code)
SELECT state_code, year, person_id, 'ration_card', '3947 5820 4821', district_code, station_code
FROM core.person WHERE person_id = :'p'::bigint;
SQL
assert_contains "$OUT" "person_document_no_full_aadhaar" "... and so does the table, whoever writes"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.person_document')" "no document was stored"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.person_phone')" "... nor any other detail of those updates"

run term b person add-details "$pid" "$sample"
assert_eq 0 "$RC" "the masked form (last 4 digits) is accepted, from another station"
assert_match "$OUT" "^Details of person $pid recorded$" "... the details are recorded"
assert_match "$OUT" '^   \(2\) +Aadhaar \(masked\) XXXX XXXX 4821$' "... and printed masked"
assert_match "$OUT" '^   \(1\) +Voter id UP/14/123/456789$' "... with the voter id"
assert_match "$OUT" '^   \(1\) +\+91 98765 43210 \(mobile\), added ' "... the phone"
assert_match "$OUT" '^   Permanent address +Village Nagla Ramji$' "... the permanent address"
assert_match "$OUT" '^ +since 01/03/2024; added ' "... the present address since when"
assert_match "$OUT" '^   Height +170 cm$' "... the descriptive roll"
assert_match "$OUT" '^   \(1\) +Sonu Pahalwan$' "... the alias"
run term a person add-details "$pid" "$sample"
assert_eq 0 "$RC" "the same details again are accepted"
assert_eq 2 "$(sql 'SELECT count(*) FROM core.person_document')" "... and not stored twice"
run term a person add-details "$pid" - <<<'{"aliases": ["X"], "person_id": 5, "officer": {"number": "1", "name": "A", "rank": "SI"}}'
assert_eq 3 "$RC" "a document naming person_id itself is refused"
assert_contains "$OUT" "person_id: the command sets this" "... the ID comes from the command line"
run term a person add-details "$pid" - <<<'{"officer": {"number": "1", "name": "A", "rank": "SI"}}'
assert_eq 3 "$RC" "details with nothing to add are refused"
assert_contains "$OUT" "nothing to add" "... saying so"

pg_dump -d "$CCTNS_DB" --data-only --no-owner >"$T/dump.sql"
assert_not_contains "$(tr -d ' -' <"$T/dump.sql")" "394758204821" "the number is in no table"
assert_not_contains "$(tr -d ' -' <"$SERVER_LOG")" "394758204821" "... and not in the server log"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

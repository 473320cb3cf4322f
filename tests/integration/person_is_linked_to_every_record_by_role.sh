#!/usr/bin/env bash
# person_is_linked_to_every_record_by_role: a person is one master record linked to every record
# that names them, by role. The crime details link the person who showed the place, the victims
# and the panch witnesses; an arrest memo links the arrested person, a known one when the memo
# gives person.person_id (with the memo's new aliases added) and a new one otherwise; a new
# version of the crime details naming the same person by person_id links nobody twice. cctns
# person show, from any station of the state, lists each link with its role, record, case and
# station. A person_id that names nobody is refused and stores nothing. (The FIR's complainant
# and accused are linked by the FIR's own work, tested there.)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=persons_lib.bash
. "$(dirname "$0")/persons_lib.bash"
stack_up
new_case a
crime_details_now "$T/cd.json"
run term a crime-details record "$number" "$T/cd.json"
assert_eq 0 "$RC" "the crime details are recorded"
run term a crime-details show "$number" --json
cd1=$OUT
shown=$(json_get "$cd1" '{details,place_shown_by,person,person_id}')
victim=$(json_get "$cd1" '{details,victims,0,person,person_id}')
panch=$(json_get "$cd1" '{details,panch_witnesses,0,person_id}')
if [ -z "$shown" ] || [ -z "$victim" ] || [ -z "$panch" ]; then
	fail "persons of the crime details have no person_id"
fi
log "place shown by $shown, victim $victim, first panch witness $panch"

# The first panch witness is later arrested: the memo names them by person_id.
now=$(date -Iseconds)
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$now\"/g" -e "s/\"person\": {/\"person\": {\"person_id\": $panch,/" \
	-e 's/"aliases": \["Kallu"\]/"aliases": ["Kallu", "Salim Bhai"]/' \
	"$SRC/deploy/samples/arrest.json" >"$T/arrest-known.json"
run term a arrest register "$number" "$T/arrest-known.json"
assert_eq 0 "$RC" "an arrest memo naming a known person by person_id is registered"
assert_match "$OUT" '^Arrest memo A1 ' "... as A1"
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$now\"/g" "$SRC/deploy/samples/arrest.json" >"$T/arrest-new.json"
run term a arrest register "$number" "$T/arrest-new.json"
assert_eq 0 "$RC" "an arrest memo of a person not known yet is registered"
arrested=$(sql "SELECT person_id FROM core.person_link WHERE record_kind = 'arrest' AND label = 'arrest A2 in FIR $number'")
[ -n "$arrested" ] || fail "the arrested person of A2 is not linked"

run term b person show "$panch"
assert_eq 0 "$RC" "station B (another district of the state) reads the person"
assert_match "$OUT" "^   Person No\\. +$panch\$" "... person $panch"
assert_match "$OUT" "^   [0-9/]+ [0-9:]+  Panch witness   crime details of FIR $number\$" \
	"... linked as panch witness of the crime details"
assert_match "$OUT" "^   [0-9/]+ [0-9:]+  Arrested        arrest A1 in FIR $number\$" \
	"... and as the arrested of A1"
assert_match "$OUT" '^ +at Agra Kotwali \(Agra, Uttar' "... records of station A"
assert_match "$OUT" '^   \(1\) +Kallu$' "... with the memo's aliases added"
assert_match "$OUT" '^   \(2\) +Salim Bhai$' "... both"
assert_match "$OUT" '^   Name +Mohd\. Salim$' "... the person as first recorded (the memo does not rename them)"

run term a person show "$arrested"
assert_eq 0 "$RC" "the person arrested as A2 has a record"
assert_match "$OUT" '^   Name +Sonu Kumar$' "... made from the memo"
assert_match "$OUT" '^   \(1\) +Kallu$' "... with the memo's alias"
assert_match "$OUT" "Arrested        arrest A2 in FIR $number" "... linked as the arrested of A2"

run term a person show "$victim" --json
assert_match "$OUT" '"role": "victim"' "the victim is linked as victim"
assert_match "$OUT" '"record_kind": "crime_details"' "... to the crime details"
assert_match "$OUT" "\"fir_number\": \"$number\"" "... of the case"
assert_match "$OUT" '"station_name": "Agra Kotwali"' "... of station A"
run term a person show "$shown" --json
assert_match "$OUT" '"role": "place_shown_by"' "the person who showed the place is linked as such"

# Version 2 names the victim by person_id: still one victim link.
psql -X -q -At -d "$CCTNS_DB" -v d="$(cat "$T/cd.json")" -v v="$victim" >"$T/cd2.json" <<'SQL'
SELECT jsonb_set(:'d'::jsonb, '{victims,0,person,person_id}', to_jsonb(:'v'::bigint));
SQL
run term a crime-details record "$number" "$T/cd2.json"
assert_eq 0 "$RC" "version 2 names the victim by person_id"
assert_eq 1 "$(sql "SELECT count(*) FROM core.person_link WHERE role = 'victim'")" "... who is linked once"
assert_eq "$victim" "$(sql "SELECT DISTINCT person_id FROM core.crime_details_person WHERE role = 'victim'")" \
	"... and is the victim of both versions"

# A person_id that names nobody.
sed -e "s/\"person\": {\"person_id\": $panch,/\"person\": {\"person_id\": 999999999,/" "$T/arrest-known.json" >"$T/arrest-nobody.json"
run term a arrest register "$number" "$T/arrest-nobody.json"
assert_eq 3 "$RC" "an arrest naming a person not in the records is refused"
assert_contains "$OUT" "person.person_id: person.person_id: no person 999999999" "... naming person.person_id"
assert_eq 2 "$(sql 'SELECT count(*) FROM core.arrest')" "... and stores nothing"
run term a person show 999999999
assert_eq 6 "$RC" "a person not in the records is not found (exit 6)"
run term a person show 12x
assert_eq 2 "$RC" "a malformed person number is a usage error"
run term a person show 0
assert_eq 2 "$RC" "... so is 0"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

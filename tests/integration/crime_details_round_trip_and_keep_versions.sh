#!/usr/bin/env bash
# crime_details_round_trip_and_keep_versions: the crime details form (IIF-II) of an FIR goes from
# the terminal through the server into the database and reads back as written, laid out like
# the paper form; the same key replays the receipt; recording again makes version 2 and version
# 1 stays as it was (crime-details show --version 1); the timeline gets a crime_details event;
# another station neither reads nor writes the form of an FIR it does not hold.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=persons_lib.bash
. "$(dirname "$0")/persons_lib.bash"
stack_up
new_case a
crime_details_now "$T/cd1.json"

key=$(openssl rand -hex 16)
run term a crime-details record "$number" "$T/cd1.json" --key "$key"
assert_eq 0 "$RC" "crime-details record exits 0"
assert_match "$OUT" "^Crime details of FIR $number recorded as version 1 on " "... as version 1"
run term a crime-details record "$number" "$T/cd1.json" --key "$key"
assert_eq 0 "$RC" "the same form with the same key exits 0"
assert_contains "$OUT" "version 1 on" "... with the same version"
assert_contains "$OUT" "(already recorded earlier with this key)" "... marked as recorded earlier"
assert_eq 1 "$(sql 'SELECT count(*) FROM core.crime_details')" "one version is stored"

run term a crime-details show "$number"
assert_eq 0 "$RC" "crime-details show exits 0"
headings=$(awk '{ sub(/^ +/, ""); print }' <<<"$OUT")
for want in "CRIME DETAILS FORM" "(Integrated Investigation Form II)" "1. Case" \
	"2. Type of place of occurrence" "3. Place shown by" "4. Modus operandi" "5. Motive" \
	"6. Properties stolen or involved" "7. Description of the scene" "8. Physical evidence" \
	"9. Victims" "10. Panchnama" "11. Weapon used" "12. Vehicle used"; do
	grep -qxF -- "$want" <<<"$headings" || fail "crime-details show lacks the section '$want'"
done
ok "crime-details show prints the twelve sections of IIF-II"
assert_match "$OUT" '^   Version +1 of 1$' "... the version"
assert_match "$OUT" '^   Investigating officer +Inspector Anil Kumar Tyagi \(UP-09876\)$' "... the officer"
assert_match "$OUT" '^   Type +Market$' "... the type of place"
assert_match "$OUT" '^   Major head +Theft$' "... the MO major head"
assert_match "$OUT" '^   Minor head +Chain snatching$' "... and minor head"
assert_match "$OUT" '^   Special feature \(2\) +rode away towards the fort$' "... the special features"
assert_match "$OUT" '^   \(1\) +Mobile phone: Samsung' "... the property"
assert_match "$OUT" '^   SC/ST +Neither$' "... the victim's SC/ST"
assert_match "$OUT" '^   Injury +Simple$' "... and injury"
assert_match "$OUT" '^   Witness 2$' "... both panch witnesses"
assert_match "$OUT" '^   Person No\. +[0-9]+$' "... persons with their number in the master record"

run term a crime-details show "$number" --json
assert_eq 0 "$RC" "crime-details show --json exits 0"
got=$(json_get "$OUT" '{details}')
want=$(psql -X -q -At -d "$CCTNS_DB" -v d="$(cat "$T/cd1.json")" -v g="$got" <<'SQL'
SELECT ((:'g'::jsonb) #- '{place_shown_by,person,person_id}' #- '{victims,0,person,person_id}'
	#- '{panch_witnesses,0,person_id}' #- '{panch_witnesses,1,person_id}') - 'panchnama_at'
	= (:'d'::jsonb) - 'panchnama_at'
	AND ((:'g'::jsonb) ->> 'panchnama_at')::timestamptz = ((:'d'::jsonb) ->> 'panchnama_at')::timestamptz;
SQL
)
assert_eq t "$want" "the form reads back as written (persons also carry their person_id; times in IST)"

# Version 2: the motive, with the same persons (from show --json) linked again.
sed -e 's/"motive": "Gain"/"motive": "Gain; the phone was sold the same night"/' "$T/cd1.json" >"$T/cd2.json"
run term a crime-details record "$number" "$T/cd2.json"
assert_eq 0 "$RC" "recording the form again exits 0"
assert_match "$OUT" "recorded as version 2 on " "... as version 2"
run term a crime-details show "$number"
assert_match "$OUT" '^   Version +2 of 2$' "show prints the latest version"
assert_contains "$OUT" "Gain; the phone was sold the same night" "... with the new motive"
run term a crime-details show "$number" --version 1
assert_eq 0 "$RC" "show --version 1 exits 0"
assert_match "$OUT" '^   Version +1 of 2$' "... version 1 is kept"
assert_not_contains "$OUT" "sold the same night" "... as it was recorded"
run term a crime-details show "$number" --version 3
assert_eq 6 "$RC" "a version not recorded is not found (exit 6)"
assert_contains "$OUT" "versions 1 to 2" "... saying which versions there are"
run term a crime-details show "$number" --version x
assert_eq 2 "$RC" "a malformed version is a usage error"

run term a case timeline "$number" --json
assert_match "$OUT" '"kind": *"crime_details"' "the timeline has the crime details events"
assert_eq 2 "$(sql "SELECT count(*) FROM core.case_event WHERE kind = 'crime_details'")" "... one per version"
assert_eq 0 "$(sql "SELECT count(*) FROM core.case_event WHERE kind = 'crime_details' AND summary ~ 'Ramesh|Salim|Agarwal'")" \
	"... naming no person"

# Another station holds no such FIR.
run term b crime-details show "$number"
assert_eq 6 "$RC" "station B cannot read station A's crime details"
run term b crime-details record "$number" "$T/cd1.json"
assert_eq 6 "$RC" "... nor record them"
assert_eq 2 "$(sql 'SELECT count(*) FROM core.crime_details')" "still two versions"

# Invalid forms are refused naming the field, and store nothing.
crime_details_now "$T/bad-victim.json" 's/"year_of_birth": 1988/"year_of_birth": 1900/'
run term a crime-details record "$number" "$T/bad-victim.json"
assert_eq 3 "$RC" "a victim older than 120 at the occurrence is refused"
assert_contains "$OUT" "victims[0].person.year_of_birth" "... naming the field"
assert_contains "$OUT" "ages are 0 to 120" "... saying why"
crime_details_now "$T/one-witness.json"
psql -X -q -At -d "$CCTNS_DB" -v d="$(cat "$T/one-witness.json")" >"$T/one-witness2.json" <<'SQL'
SELECT jsonb_pretty((:'d'::jsonb) #- '{panch_witnesses,1}');
SQL
run term a crime-details record "$number" "$T/one-witness2.json"
assert_eq 3 "$RC" "a panchnama with one witness is refused"
assert_contains "$OUT" "panch_witnesses" "... naming the witnesses"
sed -e 's/"panchnama_at": "[^"]*"/"panchnama_at": "2026-11-26T19:00:00+05:30"/' "$T/cd1.json" >"$T/early.json"
run term a crime-details record "$number" "$T/early.json"
assert_eq 3 "$RC" "a panchnama before the occurrence is refused"
assert_contains "$OUT" "before the occurrence began" "... saying why"
assert_eq 2 "$(sql 'SELECT count(*) FROM core.crime_details')" "the refused forms stored nothing"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

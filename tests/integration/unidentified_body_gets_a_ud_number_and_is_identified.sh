#!/usr/bin/env bash
# unidentified_body_gets_a_ud_number_and_is_identified: an unidentified dead body is registered
# with its UD number (UD 0001/2026, per station per year; the number an FIR quotes), its diary
# entry (kind unidentified_body, no names) and the informant linked; it reads back by "UD
# 1/2026", "UD-1/2026" or "1/2026". A name for an unidentified body is refused. It is identified
# once, not before it was found: the deceased and who identified them are linked and printed.
# An unnatural death of a known person linked to an FIR is an event on the FIR's timeline and
# has no body to identify.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
UD=$SRC/deploy/samples/ud.json

sed -e 's/"deceased": { "gender": "male" }/"deceased": { "gender": "male", "name": "Shiv" }/' "$UD" \
	>"$T/named.json"
grep -q '"name": "Shiv"' "$T/named.json" || fail "test document not built"
run term a ud register "$T/named.json"
assert_eq 3 "$RC" "an unidentified body with a name: exit 3"
assert_contains "$OUT" "named.json: deceased.name:" "... naming deceased.name"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.unnatural_death')" "... nothing stored"

run term a ud register "$UD"
assert_eq 0 "$RC" "station A registers the unidentified body"
assert_match "$OUT" '^UD 0001/'"$YEAR"' registered on ' "... as UD 0001/$YEAR"
assert_match "$OUT" '^General Diary: GD entry [0-9]+ of ' "... with its diary entry"

for n in "UD 1/$YEAR" "UD-1/$YEAR" "ud0001/$YEAR" "1/$YEAR"; do
	run term a ud show "$n"
	assert_eq 0 "$RC" "it reads back as \"$n\""
done
assert_match "$OUT" '^ +UNIDENTIFIED DEAD BODY$' "the printout is titled"
assert_match "$OUT" '^   UD No\. +UD 0001/'"$YEAR"'$' "... with the UD number"
assert_match "$OUT" '^   Apparent cause of death +Drowning$' "... the apparent cause"
assert_match "$OUT" '^   Apparent age +35 to 45 years$' "... the apparent age"
assert_match "$OUT" '^   Height +168 cm$' "... the height"
assert_match "$OUT" '^   Hospital +S\.N\. Medical College, Agra$' "... the post-mortem"
assert_contains "$OUT" "Not identified yet." "... not identified yet"
run term a ud show "UD 1/$YEAR" --json
assert_contains "$OUT" '"apparent_age_from": 35' "the JSON has the apparent age"
assert_contains "$OUT" '"tattoos": "right forearm"' "... the descriptive roll"
assert_contains "$OUT" '"rank": "SI"' "... the inquest officer"

run term a gd show --json
assert_contains "$OUT" "Unidentified dead body UD 0001/$YEAR: found, apparent cause drowning" "the diary has the entry"

identify() {
	printf '{"deceased": {"name": "Shiv Charan", "relative_kind": "father", "relative_name": "Hari Charan",
	 "gender": "male", "year_of_birth": 1986},
	 "identified_by": {"name": "Ramesh Charan", "gender": "male", "phone": "+91 90000 00031"},
	 "identified_at": "%s",
	 "officer": {"number": "UP-15432", "name": "Ravi Kumar Sharma", "rank": "SI"}}\n' "$1"
}
identify "2026-11-28T06:00:00+05:30" >"$T/early.json"
run term a ud identify "UD 1/$YEAR" "$T/early.json"
assert_eq 3 "$RC" "identified before the body was found: exit 3"
assert_contains "$OUT" "early.json: identified_at:" "... naming identified_at"

identify "$(date -Iseconds)" >"$T/identify.json"
run term b ud identify "UD 1/$YEAR" "$T/identify.json"
assert_eq 6 "$RC" "station B cannot identify station A's body (exit 6)"
run term a ud identify "UD-1/$YEAR" "$T/identify.json"
assert_eq 0 "$RC" "station A records the identification"
assert_match "$OUT" '^UD 0001/'"$YEAR"': body identified on ' "... for UD 0001/$YEAR"
run term a ud identify "1/$YEAR" "$T/identify.json"
assert_eq 4 "$RC" "a second identification is refused (exit 4)"
assert_contains "$OUT" "already identified" "... as already identified"

run term a ud show "UD 1/$YEAR"
assert_contains "$OUT" "Shiv Charan" "the printout names the deceased"
assert_contains "$OUT" "Ramesh Charan" "... and who identified them"
assert_eq "deceased,identified_by,informant" \
	"$(sql "SELECT string_agg(role, ',' ORDER BY role) FROM core.person_link WHERE record_kind = 'unnatural_death'")" \
	"the deceased, who identified them and the informant are linked by role"
assert_eq 0 "$(sql "SELECT count(*) FROM core.gd_entry WHERE kind = 'unidentified_body' AND (text LIKE '%Shiv%' OR text LIKE '%Kallu%')")" \
	"the diary entries carry no names"

# An unnatural death of a known person, linked to an FIR.
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers an FIR"
fir=$(fir_number "$OUT")
sed -e "s/\"kind\": \"unidentified_body\"/\"kind\": \"unnatural_death\"/" \
	-e "s/\"deceased\": { \"gender\": \"male\" }/\"deceased\": { \"name\": \"Babu Lal\", \"gender\": \"male\", \"year_of_birth\": 1960 }/" \
	-e "s/\"apparent_cause\": \"drowning\"/\"apparent_cause\": \"hanging\"/" \
	-e "s|\"officer\": { \"number\": \"UP-15432\", \"name\": \"Ravi Kumar Sharma\", \"rank\": \"SI\" }$|&, \"fir_number\": \"$fir\"|" \
	"$UD" >"$T/death.json"
grep -q "\"fir_number\": \"$fir\"" "$T/death.json" || fail "test document not built"
run term a ud register "$T/death.json"
assert_eq 0 "$RC" "an unnatural death linked to the FIR is registered"
assert_match "$OUT" '^UD 0002/'"$YEAR"' registered on ' "... as UD 0002/$YEAR"
assert_contains "$OUT" "FIR $fir" "... with its FIR"
run term a case timeline "$fir" --json
assert_contains "$OUT" '"kind": "unnatural_death"' "the FIR's timeline has the unnatural death event"
assert_contains "$OUT" "Unnatural death UD 0002/$YEAR: reported, apparent cause hanging" "... naming the UD number"
run term a ud identify "UD 2/$YEAR" "$T/identify.json"
assert_eq 4 "$RC" "a known person's death has no body to identify (exit 4)"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# missing_child_always_has_an_fir: a missing child (under 18 when missing, by date of birth,
# year of birth or stated age) is refused without an FIR of this station, with exit 3 naming
# fir_number and telling to register the FIR first (kidnapping, BNS 137); an FIR number of
# another station or of no FIR is refused the same way; nothing refused is stored (no report,
# no diary entry, no number used up). The table itself cannot hold a child's report without
# an FIR, whoever writes it. With the FIR, the report is registered, says it is a child's, and
# is an event on the FIR's timeline; an adult's report needs no FIR.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
CHILD=$SRC/deploy/samples/missing-child.json
ADULT=$SRC/deploy/samples/missing-person.json

# child_with SED_SCRIPT: the missing child sample with the script applied, into $T/child.json.
child_with() {
	sed -e "$1" "$CHILD" >"$T/child.json"
}

child_with '/"fir_number"/d'
run term a missing register "$T/child.json"
assert_eq 3 "$RC" "a missing child without an FIR: exit 3"
assert_contains "$OUT" "child.json: fir_number:" "... naming the file and fir_number"
assert_contains "$OUT" "register the FIR first (kidnapping, BNS 137)" "... saying to register the FIR first"

child_with "s|\"fir_number\": \"[^\"]*\"|\"fir_number\": \"0001/$YEAR\"|"
run term a missing register "$T/child.json"
assert_eq 3 "$RC" "a missing child quoting FIR 0001/$YEAR, which the station does not have: exit 3"
assert_contains "$OUT" "no FIR 0001/$YEAR at this station" "... saying there is no such FIR here"
assert_contains "$OUT" "register the FIR first" "... and what to do"

run term b fir register "$SAMPLE"
assert_eq 0 "$RC" "station B registers its FIR 0001/$YEAR"
child_with "s|\"fir_number\": \"[^\"]*\"|\"fir_number\": \"$(fir_number "$OUT")\"|"
run term a missing register "$T/child.json"
assert_eq 3 "$RC" "station A cannot quote station B's FIR for its child: exit 3"
assert_contains "$OUT" "fir_number" "... naming fir_number"

child_with '/"fir_number"/d; s/"date_of_birth": "2014-05-10"/"year_of_birth": 2009/'
run term a missing register "$T/child.json"
assert_eq 3 "$RC" "a child by year of birth only (17 or 18 when missing) without an FIR: exit 3"
assert_contains "$OUT" "fir_number" "... naming fir_number"

child_with '/"fir_number"/d; /"date_of_birth"/d; s/"descriptive_roll": {/"age_years": 15, "descriptive_roll": {/'
run term a missing register "$T/child.json"
assert_eq 3 "$RC" "a child by stated age (15) without an FIR: exit 3"
assert_contains "$OUT" "fir_number" "... naming fir_number"

assert_eq 0 "$(sql 'SELECT count(*) FROM core.missing_person')" "no report was stored"
assert_eq 0 "$(sql "SELECT count(*) FROM core.gd_entry WHERE kind = 'missing_person'")" "nor a diary entry"
assert_eq 0 "$(sql "SELECT count(*) FROM core.record_counter WHERE register = 'missing_person'")" \
	"and no number was used up"

run term a missing register "$ADULT"
assert_eq 0 "$RC" "an adult's report needs no FIR"
assert_match "$OUT" '^Missing person report 0001/'"$YEAR"' registered on ' "... and is 0001/$YEAR"
assert_not_contains "$OUT" "child" "... not a child's"

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the kidnapping FIR first"
fir=$(fir_number "$OUT")
child_with "s|\"fir_number\": \"[^\"]*\"|\"fir_number\": \"$fir\"|"
run term a missing register "$T/child.json"
assert_eq 0 "$RC" "with the FIR of this station the child's report is registered"
assert_match "$OUT" '^Missing person report 0002/'"$YEAR"' registered on ' "... as 0002/$YEAR"
assert_contains "$OUT" "A missing child: FIR $fir" "... as a missing child with the FIR"

run term a case timeline "$fir" --json
assert_eq 0 "$RC" "the FIR's timeline reads"
assert_contains "$OUT" '"kind": "missing_person"' "... with the missing person event"
assert_contains "$OUT" "Missing person report 0002/$YEAR registered (a child)" "... naming the report"

run term a missing show "2/$YEAR"
assert_eq 0 "$RC" "the child's report prints"
assert_match "$OUT" '^   Missing child +Yes: under 18 when missing$' "... as a missing child"
assert_match "$OUT" "^   FIR No\\. +$fir\$" "... with its FIR"

# The table holds the rule for every writer: the adult's row copied as a child, without an FIR.
run sql "INSERT INTO core.missing_person (state_code, year, mp_id, district_code, station_code, mp_no,
	gd_date, gd_no, idempotency_key, content_sha256, person, person_id, missing_since, reported_at,
	informant, informant_id, officer_number, officer_name, officer_rank)
	SELECT state_code, year, nextval('core.missing_person_id_seq'), district_code, station_code, 99,
	gd_date, gd_no, idempotency_key, content_sha256,
	jsonb_build_object('name', 'Test Child', 'date_of_birth', '2015-01-01'), person_id, missing_since,
	reported_at, informant, informant_id, officer_number, officer_name, officer_rank
	FROM core.missing_person WHERE mp_no = 1"
assert_eq 1 "$RC" "the owner cannot store a child's report without an FIR either"
assert_contains "$OUT" "missing_child_has_fir" "... refused by the table's CHECK"
assert_eq 2 "$(sql 'SELECT count(*) FROM core.missing_person')" "two reports are stored"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

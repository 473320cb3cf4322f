#!/usr/bin/env bash
# sealed_identities_stay_sealed (sealed, issue 5): the victim's side of a BNS 64 case (complainant,
# informant) and a child (JJ Act 74) are shown, through the terminal, only to the case's own
# officers: its investigating officer and the SHO of its station see them; a writer of the same
# station, an officer of another station and the analyst (psql on every reporting view, and
# cctns-report) never do, in the FIR printout, its PDF, person show, person search (a sealed person
# is not found by name), the dossier, the export to another state. A public copy is refused for
# such a case, naming the law, and leaves out phones for any other. A case charged under BNS 64 by
# its final report (alteration of sections) is sealed from then on. The sealed reads the IO and SHO
# made are in the audit (cctns-admin audit show --sealed), the others' are not.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
today=$(TZ=Asia/Kolkata date +%F)
samples=$SRC/deploy/samples
cert_a="station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"

# a: A1, SHO of station A (every station role); w: W1, writer of station A; io: UP-15432, an IO of
# station A (the case's IO); b: B1 of station B (SHO there).
officer_add W1 $A_DISTRICT $A_STATION station_writer
officer_add UP-15432 $A_DISTRICT $A_STATION investigating_officer
terminal_conf_only w "$cert_a"
term_login w W1 >/dev/null || fail "W1 signs in"
terminal_conf_only io "$cert_a"
term_login io UP-15432 >/dev/null || fail "UP-15432 signs in"

# FIR 1: BNS 64 (rape) and 115(2); the complainant is the victim's mother, the informant her son.
sample_with 's/"303(2)"/"64(1)"/; s/"331(4)"/"115(2)"/; s/Ramesh Chandra Agarwal/Sunita Sealtest Devi/;
	s/"gender": "male",\(.*\)$/"gender": "female",\1/' >"$T/rape.json"
run term a fir register "$T/rape.json"
assert_eq 0 "$RC" "station A registers a BNS 64 case"
rape=$(fir_number "$OUT")
run term a case assign-io "$rape" "$samples/assign-io.json"
assert_eq 0 "$RC" "UP-15432 is its IO"
# FIR 2: a theft whose informant is 14 years old. FIR 3: a plain theft.
sample_with "s/\"year_of_birth\": 2003/\"year_of_birth\": $((YEAR - 14))/" >"$T/child.json"
run term a fir register "$T/child.json"
child=$(fir_number "$OUT")
run term a fir register "$SAMPLE"
theft=$(fir_number "$OUT")
victim=$(sql "SELECT person_id FROM core.fir_person WHERE seq = 0 AND name LIKE 'Sunita%'")

secret() { # WHO WHAT: nothing of the victim's side in $OUT
	assert_not_contains "$OUT" "Sealtest" "$1: $2 does not name the victim's mother"
	assert_not_contains "$OUT" "9000000000" "... nor her phone"
	assert_not_contains "$OUT" "Barah Bhai" "... nor her address"
	assert_not_contains "$OUT" "Amit Agarwal" "... nor the informant (her son)"
}

# The FIR, as each officer reads it.
run term w fir show "$rape"
assert_eq 0 "$RC" "the writer of the same station reads the FIR"
assert_contains "$OUT" "[sealed: BNS 72]" "... with the sealed identities replaced by the law"
secret writer "fir show"
run term w fir show "$rape" --pdf "$T/rape.pdf"
assert_eq 0 "$RC" "the writer prints it as a PDF"
if command -v pdftotext >/dev/null; then
	OUT=$(pdftotext "$T/rape.pdf" - 2>&1)
	assert_contains "$OUT" "sealed: BNS 72" "the PDF shows the seal"
	secret writer "the PDF"
fi
run term io fir show "$rape"
assert_contains "$OUT" "Sunita Sealtest Devi" "the case's IO sees the complainant"
run term a fir show "$rape"
assert_contains "$OUT" "Sunita Sealtest Devi" "the station's SHO sees her"
assert_contains "$OUT" "9000000000" "... and her phone"
run term w fir show "$child"
assert_contains "$OUT" "[sealed: JJ Act 74]" "a 14-year-old informant is sealed (JJ Act 74)"
assert_not_contains "$OUT" "Amit Agarwal" "... by name"
assert_contains "$OUT" "Ramesh Chandra Agarwal" "... the adult complainant is not"

# Persons: show, search, dossier.
run term b person show "$victim"
assert_eq 0 "$RC" "an officer of another station reads the person"
assert_contains "$OUT" "[sealed: BNS 72]" "... sealed"
secret "station B" "person show"
run term w person show "$victim" --json
secret writer "person show --json"
run term io person show "$victim"
assert_contains "$OUT" "Sunita Sealtest Devi" "the IO sees the person"
run term b person search "Sunita Sealtest Devi"
assert_not_contains "$OUT" "Person $victim " "station B does not find her by name"
assert_not_contains "$OUT" "9000000000" "... nor anything of her (the query is echoed as typed)"
run term w person search "Sunita Sealtest"
assert_not_contains "$OUT" "Person $victim " "neither does the writer"
run term io person search "Sunita Sealtest Devi"
assert_contains "$OUT" "Person $victim " "the IO finds her"
run term b person dossier "$victim"
assert_eq 0 "$RC" "station B reads the dossier"
secret "station B" "person dossier"

# The public copy.
run term w fir public-copy "$rape"
assert_eq 4 "$RC" "no public copy of a BNS 64 case (exit 4)"
assert_contains "$OUT" "BNS s.72" "... naming the law"
assert_contains "$OUT" "Youth Bar Association" "... and the Supreme Court's ruling"
run term w fir public-copy "$child"
assert_eq 4 "$RC" "no public copy of a case naming a child"
assert_contains "$OUT" "JJ Act s.74" "... naming the JJ Act"
run term w fir public-copy "$theft"
assert_eq 0 "$RC" "a theft has a public copy"
assert_contains "$OUT" "PUBLIC COPY" "... headed as such"
assert_contains "$OUT" "Ramesh Chandra Agarwal" "... naming the complainant"
assert_not_contains "$OUT" "9000000000" "... without phone numbers"
assert_not_contains "$OUT" "P4721936" "... or the passport"
run term w fir public-copy "$theft" --json
assert_not_contains "$OUT" "9000000000" "... also as JSON"
assert_not_contains "$OUT" "person_id" "... without person numbers"
run term w fir public-copy "$theft" --pdf "$T/public.pdf"
assert_eq 0 "$RC" "... and as a PDF"
if command -v pdftotext >/dev/null; then
	OUT=$(pdftotext "$T/public.pdf" - 2>&1)
	assert_contains "$OUT" "PUBLIC COPY" "the PDF is headed as the public copy"
	assert_not_contains "$OUT" "9000000000" "... without phone numbers"
fi

# Alteration of sections: the theft's final report charges BNS 64.
run term a case assign-io "$theft" "$samples/assign-io.json"
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/g" "$samples/arrest.json" >"$T/arrest.json"
run term a arrest register "$theft" "$T/arrest.json"
assert_eq 0 "$RC" "A1 of the theft is arrested"
sed -e "s/\"2026-11-29T12:30:00+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/" -e "s/2026-11-29/$today/g" \
	-e 's/"331(4)"/"64(1)"/' "$samples/final-report.json" >"$T/report.json"
run term io final-report file "$theft" "$T/report.json"
assert_eq 0 "$RC" "the IO files a charge-sheet under BNS 64"
run term w fir show "$theft"
assert_contains "$OUT" "[sealed: BNS 72]" "the case is sealed from then on"
assert_not_contains "$OUT" "Ramesh Chandra Agarwal" "... its complainant no longer named to the writer"
run term w fir public-copy "$theft"
assert_eq 4 "$RC" "... and it has no public copy any more"

# The analyst: no reporting view and no report carries any of it.
sql "SELECT reporting.refresh()" >/dev/null
analyst_db="host=$CCTNS_PGHOST port=5432 dbname=cctns user=cctns_analyst"
views=$(psql -X -At -d "$analyst_db" -c "SELECT c.relname FROM pg_class c
	WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind IN ('v', 'm')
		AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1")
[ -n "$views" ] || fail "the analyst reads reporting views"
for v in $views; do
	OUT=$(psql -X -At -d "$analyst_db" -c "SELECT * FROM reporting.$v" 2>&1)
	assert_not_contains "$OUT" "Sealtest" "reporting.$v carries no sealed name"
done
run psql -X -At -d "$analyst_db" -c "SELECT name FROM core.person"
assert_contains "$OUT" "permission denied" "the analyst cannot read persons"
run "$BIN/cctns-report" --db "$analyst_db" state --year "$YEAR"
assert_eq 0 "$RC" "cctns-report prints the state table"
assert_not_contains "$OUT" "Sealtest" "... without any name"

# The export to another state: sealed, whoever exports it (here its IO).
"$BIN/cctns-admin" --db "$CCTNS_DB" station add --state 27 --district 482 --code 3001 \
	--name "Colaba" >/dev/null
sed -e 's/"state_code": 9, "district_code": 119, "station_code": 2001/"state_code": 27, "district_code": 482, "station_code": 3001/' \
	"$samples/fir-transfer.json" >"$T/to-mumbai.json"
run term a fir transfer "$rape" "$T/to-mumbai.json"
assert_eq 0 "$RC" "the SHO transfers the case to Mumbai"
run term io fir export "$rape"
assert_eq 0 "$RC" "the IO exports it"
assert_contains "$OUT" "[sealed: BNS 72]" "the export carries the seal"
secret IO "the export"

# The audit: who saw a sealed identity.
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit show --sealed
assert_eq 0 "$RC" "cctns-admin audit show --sealed"
assert_match "$OUT" "UP-15432	get_fir	FIR $rape	sealed: BNS 72" "the IO's FIR read is recorded with the law"
assert_match "$OUT" "A1	get_fir	FIR $rape	sealed: BNS 72" "... the SHO's too"
assert_match "$OUT" "UP-15432	get_person	person $victim	sealed: BNS 72 persons \{$victim\}" \
	"... and the IO's person read, with the person"
assert_not_contains "$OUT" "W1	" "the writer saw nothing sealed"
assert_not_contains "$OUT" "B1	" "... nor station B"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit show --sealed --officer W1
assert_eq 1 "$(grep -c . <<<"$OUT")" "the filter by officer works (W1: the heading only)"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# sealed_identities_stay_sealed_everywhere (sealed2, issue 5): the read paths beyond the FIR and
# the persons (0035), through the terminal: a petition whose petitioner is 14, an NCR naming a
# child, a final report with a child witness and a child accused never arrested, the court record
# acquitting that child, the crime details with a child panch witness. A writer of the station
# reads "[sealed: JJ Act 74]" (as text and as --json); the case's IO (UP-15432) and the station's
# SHO (A1) see the names. Every unmasked read is a link of the hash chain of audit.sealed_read:
# `cctns-admin audit verify` proves it, and names the link when a superuser edits or deletes a row.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
today=$(TZ=Asia/Kolkata date +%F)
samples=$SRC/deploy/samples
cert_a="station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
super="host=$CCTNS_PGHOST port=5432 dbname=cctns user=postgres"

# a: A1, SHO of station A; w: W1, writer of station A; io: UP-15432, IO of the cases and enquiry
# officer of the petition.
officer_add W1 $A_DISTRICT $A_STATION station_writer
officer_add UP-15432 $A_DISTRICT $A_STATION investigating_officer
terminal_conf_only w "$cert_a"
term_login w W1 >/dev/null || fail "W1 signs in"
terminal_conf_only io "$cert_a"
term_login io UP-15432 >/dev/null || fail "UP-15432 signs in"

sealed_for_writer() { # CMD... : the writer sees the seal and not SECRET ($secret), text and JSON
	run term w "$@"
	assert_eq 0 "$RC" "the writer reads $*"
	assert_contains "$OUT" "[sealed: JJ Act 74]" "... the child replaced by the law"
	assert_not_contains "$OUT" "$secret" "... not named"
	run term w "$@" --json
	assert_contains "$OUT" "[sealed: JJ Act 74]" "... also as JSON"
	assert_not_contains "$OUT" "$secret" "... not named there either"
}
shown_to() { # TERMINAL WHO CMD...: TERMINAL sees $secret
	local t=$1 who=$2
	shift 2
	run term "$t" "$@"
	assert_eq 0 "$RC" "$who reads $*"
	assert_contains "$OUT" "$secret" "... and sees the child's name"
}

# 1. A petition from a 14-year-old.
sed -e "s/\"year_of_birth\": 1979/\"year_of_birth\": $((YEAR - 14))/" \
	-e "s/\"received_at\": \"[^\"]*\"/\"received_at\": \"$(TZ=Asia/Kolkata date -Iseconds)\"/" "$samples/petition.json" >"$T/petition.json"
run term a petition register "$T/petition.json"
assert_eq 0 "$RC" "a petition from a 14-year-old is registered"
pet=$(fir_number "$OUT")
run term a petition assign "$pet" "$samples/petition-assign.json"
assert_eq 0 "$RC" "UP-15432 enquires into it"
secret="Ramesh Chandra Agarwal"
sealed_for_writer petition show "$pet"
assert_not_contains "$OUT" "9000000000" "... nor the child's phone"
assert_not_contains "$OUT" "wedding in Shahganj" "... nor the petition's text"
shown_to io "the enquiry officer" petition show "$pet"
shown_to a "the SHO" petition show "$pet"

# 2. An NCR naming a 15-year-old opposite party.
sed -e "s/\"name\": \"Rakesh Yadav\",/\"name\": \"Rakesh Yadav\", \"year_of_birth\": $((YEAR - 15)),/" \
	"$samples/ncr.json" >"$T/ncr.json"
run term a ncr register "$T/ncr.json"
assert_eq 0 "$RC" "an NCR naming a child is recorded"
ncr=$(fir_number "$OUT")
secret="Rakesh Yadav"
sealed_for_writer ncr show "$ncr"
shown_to a "the SHO" ncr show "$ncr"

# 3. A theft: A1 arrested; the final report charges Vikram (16, never arrested) and names a
# 12-year-old panch witness; 4. the court acquits Vikram; 5. crime details with a child panch.
run term a fir register "$SAMPLE"
theft=$(fir_number "$OUT")
run term a case assign-io "$theft" "$samples/assign-io.json"
assert_eq 0 "$RC" "UP-15432 is the theft's IO"
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/g" "$samples/arrest.json" >"$T/arrest.json"
run term a arrest register "$theft" "$T/arrest.json"
assert_eq 0 "$RC" "A1 is arrested"
sed -e "s/\"2026-11-29T12:30:00+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/" -e "s/2026-11-29/$today/g" \
	-e "s/\"year_of_birth\": 1999/\"year_of_birth\": $((YEAR - 16))/" \
	-e "s/\"name\": \"Mukesh Kumar\",/\"name\": \"Mukesh Kumar\", \"year_of_birth\": $((YEAR - 12)),/" \
	"$samples/final-report.json" >"$T/report.json"
run term io final-report file "$theft" "$T/report.json"
assert_eq 0 "$RC" "the IO files the charge-sheet"
secret="Mukesh Kumar"
sealed_for_writer final-report show "$theft"
assert_not_contains "$OUT" "Vikram" "... nor the child accused, in the report or its brief facts"
shown_to io "the IO" final-report show "$theft"
shown_to a "the SHO" final-report show "$theft"

cat >"$T/court.json" <<JSON
{"kind": "partly_convicted", "judgement_date": "$today",
 "court": "Court of the Chief Judicial Magistrate, Agra", "case_number_in_court": "Criminal Case 2471/$YEAR",
 "prosecutor": "Shri Rajendra Prasad Gupta, Assistant Public Prosecutor",
 "accused": [{"accused_code": "A1", "result": "convicted", "sections_convicted": [{"act": "bns", "section": "303(2)"}],
              "punishment": "rigorous_imprisonment", "period_months": 36},
             {"person": {"name": "Vikram alias Vicky"}, "result": "acquitted"}],
 "officer": {"number": "UP-31007", "name": "Harish Chandra", "rank": "HC"}}
JSON
run term a court disposal "$theft" "$T/court.json"
assert_eq 0 "$RC" "the court's disposal is recorded"
secret="Vikram"
sealed_for_writer court show "$theft"
shown_to io "the IO" court show "$theft"

sed -e "s/\"2026-11-29T11:30:00+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/" \
	-e "s/{\"name\": \"Mohd. Salim\",/{\"name\": \"Mohd. Salim\", \"year_of_birth\": $((YEAR - 17)),/" \
	"$samples/crime-details.json" >"$T/cd.json"
run term io crime-details record "$theft" "$T/cd.json"
assert_eq 0 "$RC" "the IO records the crime details"
secret="Mohd. Salim"
sealed_for_writer crime-details show "$theft"
assert_contains "$OUT" "Vinod Agarwal" "... the adult panch witness stays"
shown_to io "the IO" crime-details show "$theft"

# 6. A BNS 64 case whose final report names the victim (its complainant) as a witness.
sample_with 's/"303(2)"/"64(1)"/; s/Ramesh Chandra Agarwal/Sunita Sealtest Devi/' >"$T/rape.json"
run term a fir register "$T/rape.json"
assert_eq 0 "$RC" "station A registers a BNS 64 case"
rape=$(fir_number "$OUT")
run term a case assign-io "$rape" "$samples/assign-io.json"
cat >"$T/untraced.json" <<JSON
{"kind": "undetected", "filed_at": "$(TZ=Asia/Kolkata date -Iseconds)", "court": "Court of the Chief Judicial Magistrate, Agra",
 "witnesses": [{"person": {"name": "Sunita Sealtest Devi"}, "kind": "eye"},
               {"person": {"name": "Dr. Anita Rao"}, "kind": "expert"}],
 "brief_facts": "Sunita Sealtest Devi could not identify the accused.",
 "officer": {"number": "UP-15432", "name": "Ravi Kumar Sharma", "rank": "SI"}}
JSON
run term io final-report file "$rape" "$T/untraced.json"
assert_eq 0 "$RC" "the IO files its final report"
run term w final-report show "$rape"
assert_contains "$OUT" "[sealed: BNS 72]" "the writer reads the victim-witness as sealed (BNS 72)"
assert_not_contains "$OUT" "Sealtest" "... not named, in the witnesses or the brief facts"
assert_contains "$OUT" "Dr. Anita Rao" "... the doctor is"
run term io final-report show "$rape"
assert_contains "$OUT" "Sunita Sealtest Devi" "the IO sees her"

# The audit: the unmasked reads are chained; verify proves the chain and names a broken link.
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit show --sealed --officer W1
assert_eq 1 "$(grep -c . <<<"$OUT")" "the writer saw nothing sealed (the heading only)"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit show --sealed
assert_match "$OUT" "UP-15432	get_petition	petition $pet	sealed: JJ Act 74" "the enquiry officer's petition read is recorded"
assert_match "$OUT" "A1	get_ncr	NCR $ncr	sealed: JJ Act 74" "... the SHO's NCR read"
assert_match "$OUT" "UP-15432	get_final_report	FIR $theft	sealed: JJ Act 74" "... the IO's final report read"
assert_match "$OUT" "UP-15432	get_court_record	FIR $theft" "... the court record"
assert_match "$OUT" "UP-15432	get_crime_details	FIR $theft" "... the crime details"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "audit verify passes"
assert_match "$OUT" "audit: sealed reads: [0-9]+ records, verified" "... and names the sealed reads' chain"
n=$(sql "SELECT max(seq) FROM audit.sealed_read")
[ "$n" -eq 8 ] || fail "the 8 unmasked reads chained, got $n"
run sql "UPDATE audit.sealed_read SET officer_no = 'W1' WHERE seq = 2"
assert_contains "$OUT" "append-only" "the owner cannot edit a sealed read"
run sql "UPDATE audit.sealed_head SET last_seq = 1"
assert_contains "$OUT" "only the head moves forward" "... nor move the chain's head back"

su() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$super" -c "SET session_replication_role = replica; $1"; }
orig=$(sql "SELECT officer_no FROM audit.sealed_read WHERE seq = 2")
su "UPDATE audit.sealed_read SET officer_no = 'W1' WHERE seq = 2"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 1 "$RC" "an edited sealed read fails verify (exit 1)"
assert_contains "$OUT" "audit: sealed reads broken at seq 2: hash mismatch" "... naming the row"
su "UPDATE audit.sealed_read SET officer_no = '$orig' WHERE seq = 2"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "put back, the chain verifies again"

su "CREATE TABLE public.kept AS SELECT * FROM audit.sealed_read WHERE seq = 3;
	DELETE FROM audit.sealed_read WHERE seq = 3"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 1 "$RC" "a deleted sealed read fails verify (exit 1)"
assert_contains "$OUT" "audit: sealed reads broken at seq 3: missing sequence (next record found is 4)" \
	"... naming the gap"
su "INSERT INTO audit.sealed_read OVERRIDING SYSTEM VALUE SELECT * FROM public.kept; DROP TABLE public.kept"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "put back, it verifies"

# A row added after the head by hand (the head not moved, as a real sealed read always does).
su "CREATE TABLE public.extra AS SELECT * FROM audit.sealed_read WHERE seq = $n;
	UPDATE public.extra SET seq = seq + 1, id = (SELECT max(id) + 1 FROM audit.sealed_read);
	INSERT INTO audit.sealed_read OVERRIDING SYSTEM VALUE SELECT * FROM public.extra; DROP TABLE public.extra"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 1 "$RC" "a row beyond the head fails verify (exit 1)"
assert_contains "$OUT" "audit: sealed reads broken at seq $((n + 1)): record beyond the chain's head" \
	"... naming it"
su "DELETE FROM audit.sealed_read WHERE seq = $((n + 1))"

su "DELETE FROM audit.sealed_read WHERE seq = $n"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 1 "$RC" "a cut tail fails verify (exit 1)"
assert_contains "$OUT" "audit: sealed reads broken at seq $n: missing sequence (the chain's head is $n)" \
	"... named against the chain's head"
sanitizer_clean

#!/usr/bin/env bash
# analyst_reads_reporting_only: cases entered at a terminal reach the analyst only as counts.
# Two FIRs are registered (the sample: BNS 303(2) theft and 331(4) house-breaking) and one is
# charge-sheeted, all through the terminal. Connected as cctns_analyst, reporting.fir_case
# counts each under its principal offence (burglary, the more serious head) with the
# charge-sheet as its police disposal, and reporting.state_table gives 2 cases, 1 charge-sheeted,
# a charge-sheeting rate of 100.0; no reporting view shows the complainant, the accused or the
# facts. Every table of core, parents and partitions (also those made after the migration for
# a new state), is refused to the analyst, and the analyst cannot write to reporting.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
# sealed: the final reports here are filed by the samples' IO, signed in (the database checks it).
sign_in_sample_io a

today=$(TZ=Asia/Kolkata date +%F)
year=${today%%-*}
samples=$SRC/deploy/samples

# analyst QUERY: run QUERY as cctns_analyst; rows unaligned into $OUT, exit code into $RC.
analyst() {
	run psql -X -q -At -v ON_ERROR_STOP=1 -d "host=$CCTNS_PGHOST port=5432 dbname=cctns user=cctns_analyst" -c "$1"
}

# Two FIRs; the first under investigation with A1 arrested and charge-sheeted now.
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "an FIR is registered"
number=$(fir_number "$OUT")
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "a second FIR is registered"
run term a case assign-io "$number" "$samples/assign-io.json"
assert_eq 0 "$RC" "the first FIR's investigating officer is assigned"
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/g" "$samples/arrest.json" >"$T/arrest.json"
run term a arrest register "$number" "$T/arrest.json"
assert_eq 0 "$RC" "A1 is arrested"
sed -e "s/\"2026-11-29T12:30:00+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/" -e "s/2026-11-29/$today/g" \
	"$samples/final-report.json" >"$T/report.json"
run term a final-report file "$number" "$T/report.json"
assert_eq 0 "$RC" "the IO files the charge-sheet"

# The analyst's view of them.
analyst "SELECT act, principal_section, principal_head, major_head, coalesce(police_disposal, '-'), year
	FROM reporting.fir_case WHERE station_code = $A_STATION ORDER BY police_disposal NULLS LAST"
assert_eq 0 "$RC" "the analyst reads reporting.fir_case"
assert_eq "bns|331|burglary|burglary|charge_sheeted|$year
bns|331|burglary|burglary|-|$year" "$OUT" \
	"both cases counted under house-breaking (burglary, more serious than theft); one charge-sheeted"

# The standard tables read materialised aggregates: counted at a refresh (as the owner), which
# the analyst cannot start.
analyst "SELECT count(*) FROM reporting.refresh()"
assert_contains "$OUT" "permission denied for function refresh" "the analyst cannot refresh the aggregates"
run sql "SELECT count(*) FROM reporting.refresh()"
assert_eq "0|3" "$RC|$OUT" "the owner refreshes the 3 aggregates"

analyst "SELECT cases, charge_sheeted, final_report_true, chargesheeting_rate, state_name
	FROM reporting.state_table WHERE state_code = $A_STATE AND year = $year"
assert_eq 0 "$RC" "the analyst reads reporting.state_table"
assert_eq "2|1|0|100.0|Uttar Pradesh" "$OUT" "the state table: 2 cases, 1 charge-sheeted, rate 100.0"

analyst "SELECT registered, disposed_by_police, pending_at_end FROM reporting.pendency
	WHERE state_code = $A_STATE AND year = $year"
assert_eq "2|1|1" "$OUT" "pendency: 2 registered, 1 disposed by the police, 1 pending"

# Nothing personal in any reporting view, whatever the analyst selects.
for v in fir_case state_table district_head_table monthly_trend pendency station_month district_month freshness; do
	analyst "SELECT t::text FROM reporting.$v t"
	assert_eq 0 "$RC" "the analyst reads reporting.$v"
	assert_not_contains "$OUT" "Agarwal" "reporting.$v names no complainant or informant"
	assert_not_contains "$OUT" "Vikram" "reporting.$v names no accused"
	assert_not_contains "$OUT" "almirah" "reporting.$v carries no facts"
done

# core is closed: parents, partitions, and the partitions of a state made after 0020.
sql "SELECT core.ensure_partitions(38, 2099)" >/dev/null
for t in core.fir core.fir_charge core.fir_person core.final_report core.gd_entry core.arrest \
	"core.fir_${A_STATE}_$year" "core.fir_person_${A_STATE}_$year" core.fir_38_2099 core.person; do
	analyst "SELECT count(*) FROM $t"
	[ "$RC" -ne 0 ] || fail "the analyst read $t"
	assert_contains "$OUT" "permission denied for schema core" "the analyst cannot read $t: permission denied"
done
assert_eq 0 "$(sql "SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'core'::regnamespace
	AND has_table_privilege('cctns_analyst', c.oid, 'SELECT')")" "no grant on any core table or partition"
assert_eq f "$(sql "SELECT has_schema_privilege('cctns_analyst', 'core', 'USAGE')")" "no usage on schema core"

# ref stays readable; reporting cannot be written, even outside a read-only transaction.
analyst "SELECT name FROM ref.crime_head WHERE code = 'burglary'"
assert_eq "Burglary" "$OUT" "the analyst reads ref"
run psql -X -q -At -d "host=$CCTNS_PGHOST port=5432 dbname=cctns user=cctns_analyst" \
	-c "SET default_transaction_read_only = off" -c "DELETE FROM reporting.fir_case"
assert_contains "$OUT" "ERROR" "the analyst cannot write through a reporting view"
assert_eq 0 "$(sql "SELECT count(*) FROM pg_class c, unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p
	WHERE c.relnamespace = 'reporting'::regnamespace AND has_table_privilege('cctns_analyst', c.oid, p)")" \
	"... nor holds any write privilege on reporting"

ok "the analyst reads reporting and ref only"

#!/usr/bin/env bash
# reporting.state_table, computed from raw FIRs and their original final reports, gives NCRB's
# published figures (Crime in India 2022, Table 1A.1; ref.state_crime_2022) for five small
# states: the IPC cases of 2020, 2021 and 2022 exactly, the 2022 crime rate and charge-sheeting
# rate within NCRB's rounding (0.1).
#
# tests/data/ncrb_load.sql bulk-loads the records as cctns_owner with every table rule on
# (seeded: the same rows every run); see its header. The states: Arunachal Pradesh (12),
# Nagaland (13), Manipur (14), Mizoram (15), Meghalaya (17), 34,401 FIRs.
#
# The crime rate cannot always be exact: NCRB divides by the unrounded projected population,
# ref.population_projection holds it rounded to 0.1 lakh (as NCRB prints it). The
# charge-sheeting rate is exact by construction (the loader files rate * D / 100 charge-sheets
# among D disposals, D a multiple of 1,000).
source "$(dirname "$0")/lib.sh"

STATES=12,13,14,15,17
START=$SECONDS

db_setup
log "database ready in $((SECONDS - START)) s"

LOAD_START=$SECONDS
run psql -X -q -At -v ON_ERROR_STOP=1 -v states=$STATES -v seed=2022 -d "$CCTNS_DB" \
	-f "$SRC/tests/data/ncrb_load.sql"
[ "$RC" -eq 0 ] || fail "ncrb_load.sql failed"
log "loaded in $((SECONDS - LOAD_START)) s"

# What the loader stored, counted from core, against NCRB's figures.
stored=$(sql "SELECT count(*) FILTER (WHERE mismatch) FROM (
	SELECT c.state_code, (SELECT count(*) FROM core.fir f WHERE f.state_code = c.state_code AND f.year = 2020)
			<> c.ipc_cases_2020
		OR (SELECT count(*) FROM core.fir f WHERE f.state_code = c.state_code AND f.year = 2021) <> c.ipc_cases_2021
		OR (SELECT count(*) FROM core.fir f WHERE f.state_code = c.state_code AND f.year = 2022) <> c.ipc_cases_2022
		AS mismatch
	FROM ref.state_crime_2022 c WHERE c.state_code IN ($STATES)) x")
assert_eq 0 "$stored" "core.fir holds exactly NCRB's IPC cases per state and year"

assert_eq 0 "$(sql "SELECT count(*) FROM core.fir f WHERE f.state_code IN ($STATES)
	AND NOT EXISTS (SELECT 1 FROM core.fir_charge c WHERE c.state_code = f.state_code AND c.year = f.year
		AND c.fir_id = f.fir_id AND c.act = 'ipc')")" "every FIR has an IPC charge"
heads=$(sql "SELECT count(DISTINCT section_base) FROM core.fir_charge WHERE state_code IN ($STATES) AND act = 'ipc'")
[ "$heads" -ge 20 ] || fail "only $heads IPC sections used"
ok "charges spread over $heads IPC sections"

assert_eq 0 "$(sql "SELECT count(*) FROM core.fir_counter k WHERE k.state_code IN ($STATES)
	AND k.last_no <> (SELECT count(*) FROM core.fir f WHERE f.state_code = k.state_code
		AND f.district_code = k.district_code AND f.station_code = k.station_code AND f.year = k.year)")" \
	"FIR numbers are gapless: every station's counter is its number of FIRs"
assert_eq 0 "$(sql "SELECT count(*) FROM core.final_report r JOIN core.fir f USING (state_code, year, fir_id)
	WHERE r.state_code IN ($STATES) AND (f.status <> r.status_after OR r.filed_at < f.registered_at
		OR r.officer_number <> f.io_number)")" \
	"every final report is the FIR's IO's, after registration, and set the FIR's status"

# Triggers stayed on: the status machine refuses a move the loader never makes.
run sql "UPDATE core.fir SET status = 'registered' WHERE state_code = 13 AND status = 'charge_sheeted'"
[ "$RC" -ne 0 ] || fail "the status trigger let charge_sheeted -> registered through"
assert_contains "$OUT" "not a permitted transition" "status trigger still refuses charge_sheeted -> registered"

# Same seed, same rows: the FIRs' content hashes depend only on the seed and their place.
digest=$(sql "SELECT md5(string_agg(concat_ws('/', state_code, year, district_code, station_code, fir_no,
	registered_at, status), ',' ORDER BY state_code, year, district_code, station_code, fir_no))
	FROM core.fir WHERE state_code = 13")
assert_eq 05ba842604d2df5b02ee095c95fcaa88 "$digest" "seed 2022 gives the same Nagaland FIRs as ever (digest of numbers, times, stations, statuses)"

# ------------------------------------------------------------------ the state table

has_view=$(sql "SELECT to_regclass('reporting.state_table') IS NOT NULL")
[ "$has_view" = t ] || fail "reporting.state_table does not exist (migration 0020_reporting.sql)"

# The state table reads materialised aggregates: count them from the records just loaded.
REFRESH_START=$SECONDS
run sql "SELECT aggregate, rows, seconds FROM reporting.refresh()"
assert_eq 0 "$RC" "reporting.refresh() counts the aggregates from the loaded records"
log "aggregates refreshed in $((SECONDS - REFRESH_START)) s"

VIEW_START=$SECONDS
table=$(sql "SELECT c.state_code, c.ncrb_state_name,
		c.ipc_cases_2020, t.cases_2, c.ipc_cases_2021, t.cases_1, c.ipc_cases_2022, t.cases,
		c.ipc_crime_rate_2022, t.crime_rate, c.ipc_chargesheeting_rate_2022, t.chargesheeting_rate,
		t.charge_sheeted, t.final_report_true
	FROM ref.state_crime_2022 c
	LEFT JOIN reporting.state_table t ON t.state_code = c.state_code AND t.year = 2022
	WHERE c.state_code IN ($STATES) ORDER BY c.state_code")
log "reporting.state_table read in $((SECONDS - VIEW_START)) s"
printf '# %-20s %15s %15s %15s %13s %13s %9s\n' state "2020 ncrb/view" "2021 ncrb/view" \
	"2022 ncrb/view" "rate ncrb/view" "cs% ncrb/view" "cs/true"
while IFS='|' read -r code name n20 v20 n21 v21 n22 v22 nrate vrate ncs vcs cs tr; do
	printf '# %-20s %7s/%-7s %7s/%-7s %7s/%-7s %6s/%-6s %6s/%-6s %4s/%-4s\n' "$code ${name:0:17}" \
		"$n20" "$v20" "$n21" "$v21" "$n22" "$v22" "$nrate" "$vrate" "$ncs" "$vcs" "$cs" "$tr"
done <<<"$table"

while IFS='|' read -r code name n20 v20 n21 v21 n22 v22 nrate vrate ncs vcs cs tr; do
	assert_eq "$n20" "$v20" "$name: cases 2020 (cases_2 of 2022)"
	assert_eq "$n21" "$v21" "$name: cases 2021 (cases_1 of 2022)"
	assert_eq "$n22" "$v22" "$name: cases 2022"
	awk -v a="$nrate" -v b="$vrate" 'BEGIN { d = a - b; exit !(b != "" && d <= 0.1001 && d >= -0.1001) }' || fail "$name: crime rate $vrate, NCRB $nrate"
	ok "$name: crime rate $vrate within 0.1 of NCRB's $nrate"
	awk -v a="$ncs" -v b="$vcs" 'BEGIN { d = a - b; exit !(b != "" && d <= 0.1001 && d >= -0.1001) }' || fail "$name: charge-sheeting rate $vcs, NCRB $ncs"
	ok "$name: charge-sheeting rate $vcs within 0.1 of NCRB's $ncs"
done <<<"$table"

log "done in $((SECONDS - START)) s"

#!/usr/bin/env bash
# cctns_report_prints_every_table: cases recorded through the terminal come out of cctns-report,
# run as cctns_analyst over the reporting views, with the right figures in every report and every
# format. Four FIRs this year in state 9: at station A a charge-sheeted theft, a theft closed
# undetected (final report true) and a pending murder; at station B a pending theft. An operator
# loads a population projection for this year. Then: state (cases 4, crime rate 4 / 2.5 = 1.6,
# charge-sheeting rate 1 / (1 + 1) = 50.0), district-heads (per district and principal head),
# trend (12 months, 4 cases in this one, 0 in the others), pendency (0 + 4 - 2 = 2 pending,
# 50.0 %), each as text, CSV and HTML, and as an SVG chart (state and trend also as PNG). Then the first FIR gets a seizure of
# stolen property, crime details (MO theft / chain snatching, a victim aged 10) and a conviction:
# persons (2 arrested, 2 charge-sheeted, 1 convicted under the theft head), property (3 FIRs with
# a phone, 74997 stolen, 24999 recovered, 33.3 %), courts (1 trial, 1 convicted, rate 100.0),
# groups (1 case against children), mo-trend (1 case this quarter, 0 before, +1), each as text
# and CSV, some as HTML and charts. Errors: nothing to report (6), bad
# command line (2), a role without access to the views (4), no database (5).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries cctns-report
stack_up
# sealed: the final reports here are filed by the samples' IO, signed in (the database checks it).
sign_in_sample_io a

month=$(TZ=Asia/Kolkata date +%Y-%m)
today=$(TZ=Asia/Kolkata date +%F)
samples=$SRC/deploy/samples
analyst=${CCTNS_DB/user=cctns_owner/user=cctns_analyst}
[ "$analyst" != "$CCTNS_DB" ] || fail "CCTNS_DB names no cctns_owner: $CCTNS_DB"

# register TERMINAL FILE: an FIR; its number into $number.
register() {
	run term "$1" fir register "$2"
	assert_eq 0 "$RC" "terminal $1 registers an FIR"
	number=$(fir_number "$OUT")
}

# close NUMBER KIND: assign the IO, arrest A1 and file the original final report of KIND.
close() {
	run term a case assign-io "$1" "$samples/assign-io.json"
	assert_eq 0 "$RC" "FIR $1 gets its investigating officer"
	sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/g" "$samples/arrest.json" >"$T/arrest.json"
	run term a arrest register "$1" "$T/arrest.json"
	assert_eq 0 "$RC" "A1 of FIR $1 is arrested"
	sed -e "s/\"2026-11-29T12:30:00+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/" -e "s/2026-11-29/$today/g" \
		"$samples/final-report.json" >"$T/report.json"
	if [ "$2" != charge_sheet ]; then
		sed -i -e '/"charged": \[/,/^  \],$/d' -e "s/\"kind\": \"charge_sheet\"/\"kind\": \"$2\"/" \
			"$T/report.json"
	fi
	run term a final-report file "$1" "$T/report.json"
	assert_eq 0 "$RC" "FIR $1 gets its $2"
}

report() { # ARGS...: cctns-report as the analyst
	run "$BIN/cctns-report" --db "$analyst" "$@"
}

register a "$SAMPLE"
first=$number
close "$number" charge_sheet
register a "$SAMPLE"
close "$number" undetected
sample_with '/"charges": \[/,/\],/c\  "charges": [ { "act": "bns", "section": "103(1)" } ],' >"$T/murder.json"
register a "$T/murder.json"
register b "$SAMPLE"

# The principal head of the sample's charges, and the names, from ref (not from the views).
theft=$(sql "SELECT h.crime_head FROM ref.section_head h JOIN ref.crime_head_rank r USING (crime_head)
	WHERE h.act = 'bns' AND h.section IN ('303', '331') ORDER BY r.rank LIMIT 1")
theft_name=$(sql "SELECT name FROM ref.crime_head WHERE code = '$theft'")
murder=$(sql "SELECT crime_head FROM ref.section_head WHERE act = 'bns' AND section = '103'")
murder_name=$(sql "SELECT name FROM ref.crime_head WHERE code = '$murder'")
agra=$(sql "SELECT name FROM ref.district WHERE state_code = $A_STATE AND district_code = $A_DISTRICT")
aligarh=$(sql "SELECT name FROM ref.district WHERE state_code = $B_STATE AND district_code = $B_DISTRICT")
state_name=$(sql "SELECT name FROM ref.state WHERE code = $A_STATE")
log "heads: $theft ($theft_name), $murder ($murder_name); districts: $agra, $aligarh"
[ -n "$theft" ] && [ -n "$murder" ] && [ -n "$agra" ] && [ -n "$aligarh" ] || fail "reference data missing"
# The names as extended regular expressions matching themselves.
re() { sed -e 's/[][\\.*^$(){}+?|/]/\\&/g' <<<"$1"; }
theft_re=$(re "$theft_name") murder_re=$(re "$murder_name") state_re=$(re "$state_name")
agra_re=$(re "$agra") aligarh_re=$(re "$aligarh")

# The standard tables read materialised aggregates, counted by the operator's refresh.
report state --year "$YEAR"
assert_eq 6 "$RC" "before the aggregates are refreshed the state table has no cases (exit 6)"
run "$BIN/cctns-admin" --db "$CCTNS_DB" reporting refresh
assert_eq 0 "$RC" "cctns-admin reporting refresh"
assert_match "$OUT" "^reporting\.station_month +[0-9]+ rows +[0-9]+\.[0-9]{3} s$" "... prints each aggregate's rows and time"
assert_match "$OUT" "^reporting\.district_month +3 rows" "... 3 district-month-head rows (2 heads in $A_DISTRICT, 1 in $B_DISTRICT)"

run "$BIN/cctns-report" --db "$analyst" state --year "$YEAR"
assert_eq 0 "$RC" "the state table prints before any population is loaded"
assert_match "$OUT" "^ *$YEAR +$A_STATE +$state_re +0 +0 +4 +- +- +1 +1 +50\.0$" \
	"... 4 cases, no population and crime rate (-), charge-sheeting rate 50.0"

# The operator's path for a new year's projection (see the table's COMMENT).
printf 'state_code,year,population_lakhs,source\n%s,%s,2.5,test\n' "$A_STATE" "$YEAR" >"$T/pop.csv"
psql -X -q -v ON_ERROR_STOP=1 -d "$CCTNS_DB" \
	-c "\\copy ref.population_projection (state_code, year, population_lakhs, source) FROM '$T/pop.csv' CSV HEADER"

# ------------------------------------------------------------------ state
report state --chart "$T/state.svg"
assert_eq 0 "$RC" "state: text"
assert_contains "$OUT" "Crime in States/UTs (NCRB Table 1A.1), $YEAR" "... titled with the latest year"
assert_contains "$OUT" "(counted at the refresh of " "... and says when the aggregates were counted"
assert_match "$OUT" "^Year +Code +State/UT +Cases Y-2 +Cases Y-1 +Cases +Population \(lakhs\) +Crime rate +Charge-sheeted +Final report true +Charge-sheeting rate$" \
	"... with NCRB's headings"
assert_match "$OUT" "^ *$YEAR +$A_STATE +$state_re +0 +0 +4 +2\.50? +1\.6 +1 +1 +50\.0$" \
	"... 4 cases, crime rate 1.6, 1 charge-sheeted, 1 true, rate 50.0"
report state --format csv
assert_eq 0 "$RC" "state: csv"
assert_eq "year,state_code,state_name,cases_2,cases_1,cases,population_lakhs,crime_rate,charge_sheeted,final_report_true,chargesheeting_rate" \
	"$(head -n 1 <<<"$OUT" | tr -d '\r')" "... header of view column names"
assert_match "$(tr -d '\r' <<<"$OUT")" "^$YEAR,$A_STATE,$state_re,0,0,4,2\.50?,1\.6,1,1,50\.0$" "... the row"
report state --format html
assert_eq 0 "$RC" "state: html"
assert_contains "$OUT" "<td>$state_name</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">4</td>" \
	"... the row in cells"
assert_contains "$OUT" "<td class=\"num\">1.6</td>" "... the crime rate"
svg=$(cat "$T/state.svg")
assert_contains "$svg" "<svg xmlns=\"http://www.w3.org/2000/svg\"" "state: the chart is SVG"
assert_contains "$svg" ">$state_name</text>" "... labelled with the state"
assert_eq 1 "$(grep -c '<rect x=' "$T/state.svg")" "... one bar"
assert_contains "$svg" ">Cases registered</text>" "... its axis named"
# rep-audit: the same chart as a PNG (by the file's extension), checked by its header: the
# signature, then IHDR's width and height (900 x 60 + 22 per row + 60).
report state --chart "$T/state.png"
assert_eq 0 "$RC" "state: a PNG chart"
assert_eq 89504e470d0a1a0a "$(head -c 8 "$T/state.png" | xxd -p)" "... with the PNG signature"
assert_eq "49484452 00000384 0000008e" "$(od -An -tx1 -j12 -N12 "$T/state.png" | tr -d ' \n' |
	sed -E 's/(.{8})(.{8})(.{8})/\1 \2 \3/')" "... IHDR 900 x 142 pixels: one bar"

# ------------------------------------------------------------------ district-heads
report district-heads --state "$A_STATE" --year "$YEAR" --chart "$T/heads.svg"
assert_eq 0 "$RC" "district-heads: text"
assert_match "$OUT" "^ *$YEAR +$A_DISTRICT +$agra_re +$theft +$theft_re +2$" "... $agra: 2 under $theft"
assert_match "$OUT" "^ *$YEAR +$A_DISTRICT +$agra_re +$murder +$murder_re +1$" "... $agra: 1 murder"
assert_match "$OUT" "^ *$YEAR +$B_DISTRICT +$aligarh_re +$theft +$theft_re +1$" "... $aligarh: 1 under $theft"
assert_eq 3 "$(grep -cE "^ *$YEAR " <<<"$OUT")" "... three rows"
report district-heads --state "$A_STATE" --format csv
assert_eq 0 "$RC" "district-heads: csv (latest year)"
csv=$(tr -d '\r' <<<"$OUT")
assert_match "$csv" "^$YEAR,$A_DISTRICT,\"?$agra_re\"?,$theft,\"?$theft_re\"?,2$" "... $agra $theft 2"
assert_match "$csv" "^$YEAR,$B_DISTRICT,\"?$aligarh_re\"?,$theft,\"?$theft_re\"?,1$" "... $aligarh $theft 1"
report district-heads --state "$A_STATE" --format html
assert_eq 0 "$RC" "district-heads: html"
assert_contains "$OUT" "<td>$murder</td><td>$murder_name</td><td class=\"num\">1</td>" "... the murder row"
assert_eq 3 "$(grep -c '<rect x=' "$T/heads.svg")" "district-heads: the chart has three bars"
assert_contains "$(cat "$T/heads.svg")" ">$agra / $murder_name</text>" "... labelled district / head"

# ------------------------------------------------------------------ trend
report trend --state "$A_STATE" --from "$YEAR-01" --to "$YEAR-12" --chart "$T/trend.svg"
assert_eq 0 "$RC" "trend: text"
assert_match "$OUT" "^$month +4$" "... 4 cases in $month"
assert_eq 12 "$(grep -cE "^$YEAR-[0-9]{2} +[0-9]+$" <<<"$OUT")" "... every month of the year"
assert_eq 11 "$(grep -cE "^$YEAR-[0-9]{2} +0$" <<<"$OUT")" "... the other 11 at 0"
report trend --state "$A_STATE" --format csv
assert_eq 0 "$RC" "trend: csv (the months with cases)"
assert_eq "month,cases|$month,4" "$(tr -d '\r' <<<"$OUT" | paste -sd '|')" "... one month, 4 cases"
report trend --state "$A_STATE" --from "$month" --to "$month" --format html
assert_eq 0 "$RC" "trend: html"
assert_contains "$OUT" "<tr><td>$month</td><td class=\"num\">4</td></tr>" "... the month's row"
assert_eq 12 "$(grep -c '<circle' "$T/trend.svg")" "trend: the chart has 12 points"
assert_contains "$(cat "$T/trend.svg")" "<polyline" "... joined by a line"

# ------------------------------------------------------------------ pendency
report pendency --state "$A_STATE" --chart "$T/pendency.svg"
assert_eq 0 "$RC" "pendency: text"
assert_match "$OUT" "^ *$YEAR +0 +4 +2 +2 +50\.0$" "... 0 + 4 registered - 2 disposed = 2 pending, 50.0 %"
report pendency --state "$A_STATE" --year "$YEAR" --format csv
assert_eq 0 "$RC" "pendency: csv"
assert_eq "year,pending_at_start,registered,disposed_by_police,pending_at_end,pendency_pct|$YEAR,0,4,2,2,50.0" \
	"$(tr -d '\r' <<<"$OUT" | paste -sd '|')" "... header and the year's row"
report pendency --state "$A_STATE" --format html
assert_eq 0 "$RC" "pendency: html"
assert_contains "$OUT" "<td class=\"num\">$YEAR</td><td class=\"num\">0</td><td class=\"num\">4</td><td class=\"num\">2</td><td class=\"num\">2</td><td class=\"num\">50.0</td>" \
	"... the year's row"
assert_eq 1 "$(grep -c '<rect x=' "$T/pendency.svg")" "pendency: the chart has one bar"

# ------------------------------------------------------------------ the first FIR goes on
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/g" "$samples/seizure.json" >"$T/seizure.json"
run term a seizure register "$first" "$T/seizure.json"
assert_eq 0 "$RC" "FIR $first: its stolen phone and cash are seized"
sed -e "s/\"2026-11-29T11:30:00+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/" \
	-e "s/\"year_of_birth\": 1988/\"year_of_birth\": $((YEAR - 10))/" "$samples/crime-details.json" >"$T/cd.json"
run term a crime-details record "$first" "$T/cd.json"
assert_eq 0 "$RC" "FIR $first: crime details with a victim aged 10"
sed -e "s/2026-11-29/$today/g" "$samples/court-disposal.json" >"$T/court.json"
run term a court disposal "$first" "$T/court.json"
assert_eq 0 "$RC" "FIR $first: A1 convicted"
electronic=$(sql "SELECT name FROM ref.property_kind WHERE code = 'electronic'")
children=$(sql "SELECT name FROM ref.crime_group WHERE code = 'children'")
mo=$(sql "SELECT label FROM ref.mo_head WHERE major = 'theft' AND minor = 'chain_snatching'")
quarter="$YEAR-Q$(((10#$(TZ=Asia/Kolkata date +%m) - 1) / 3 + 1))"
[ -n "$electronic" ] && [ -n "$children" ] && [ -n "$mo" ] || fail "reference data missing"
electronic_re=$(re "$electronic") children_re=$(re "$children") mo_re=$(re "$mo")

# ------------------------------------------------------------------ persons
report persons --state "$A_STATE" --chart "$T/persons.svg"
assert_eq 0 "$RC" "persons: text"
assert_match "$OUT" "^ *$YEAR +$A_DISTRICT +$agra_re +$theft +$theft_re +2 +2 +1$" \
	"... $agra, $theft: 2 arrested (A1 twice), 2 charge-sheeted (the sample charges two), 1 convicted"
assert_eq 1 "$(grep -cE "^ *$YEAR " <<<"$OUT")" "... one row (nobody arrested elsewhere)"
assert_eq 1 "$(grep -c '<rect x=' "$T/persons.svg")" "persons: the chart has one bar"
report persons --state "$A_STATE" --year "$YEAR" --format csv
assert_eq 0 "$RC" "persons: csv"
assert_eq "year,district_code,district_name,crime_head,crime_head_name,arrested,charge_sheeted,convicted" \
	"$(head -n 1 <<<"$OUT" | tr -d '\r')" "... header"
assert_match "$(tr -d '\r' <<<"$OUT")" "^$YEAR,$A_DISTRICT,\"?$agra_re\"?,$theft,\"?$theft_re\"?,2,2,1$" "... the row"

# ------------------------------------------------------------------ property
report property --state "$A_STATE" --year "$YEAR"
assert_eq 0 "$RC" "property: text"
assert_match "$OUT" "^ *$YEAR +$A_DISTRICT +$agra_re +electronic +$electronic_re +3 +74997 +24999 +33\.3$" \
	"... $agra: phones of 3 FIRs, 74997 stolen, 24999 recovered, 33.3 %"
assert_match "$OUT" "^ *$YEAR +$B_DISTRICT +$aligarh_re +electronic +$electronic_re +1 +24999 +0 +0\.0$" \
	"... $aligarh: one phone, nothing recovered"
report property --state "$A_STATE" --format csv
assert_eq 0 "$RC" "property: csv"
assert_match "$(tr -d '\r' <<<"$OUT")" "^$YEAR,$A_DISTRICT,\"?$agra_re\"?,cash,[^,]*,3,105000,12500,11\.9$" \
	"... $agra: cash of 3 FIRs, 105000 stolen, 12500 recovered, 11.9 %"

# ------------------------------------------------------------------ courts
report courts --state "$A_STATE" --chart "$T/courts.svg"
assert_eq 0 "$RC" "courts: text"
assert_match "$OUT" "^ *$YEAR +$A_DISTRICT +$agra_re +1 +1 +0 +0 +100\.0$" "... 1 trial completed, 1 convicted, 100.0"
assert_contains "$(cat "$T/courts.svg")" ">Conviction rate (%)</text>" "courts: the chart shows the rate"
report courts --state "$A_STATE" --year "$YEAR" --format csv
assert_eq 0 "$RC" "courts: csv"
assert_eq "year,district_code,district_name,trials_completed,convicted,acquitted,discharged,conviction_rate" \
	"$(head -n 1 <<<"$OUT" | tr -d '\r')" "... header"
assert_match "$(tr -d '\r' <<<"$OUT")" "^$YEAR,$A_DISTRICT,\"?$agra_re\"?,1,1,0,0,100\.0$" "... the row"
report courts --state "$A_STATE" --format html
assert_eq 0 "$RC" "courts: html"
assert_contains "$OUT" "<td class=\"num\">100.0</td>" "... the rate"

# ------------------------------------------------------------------ compare (rep-scale)
# The comparisons read the aggregates: refreshed again now that a court has convicted.
run "$BIN/cctns-admin" --db "$CCTNS_DB" reporting refresh
assert_match "$OUT" "^reporting\.court_year +1 rows" "the refresh counts the court disposal"
report compare --level state --year "$YEAR" --chart "$T/compare.svg"
assert_eq 0 "$RC" "compare --level state: text"
assert_contains "$OUT" "Comparison of States/UTs, $YEAR" "... titled"
assert_match "$OUT" "^ *$YEAR +$A_STATE +$state_re +4 +1\.6 +50\.0 +100\.0 +50\.0 +1$" \
	"... 4 cases, rate 1.6, charge-sheeting 50.0, conviction 100.0, pendency 50.0, rank 1"
assert_eq 1 "$(grep -c '<rect x=' "$T/compare.svg")" "... its chart has one bar"
assert_contains "$(cat "$T/compare.svg")" ">Crime rate (cases per lakh population)</text>" "... of the crime rate"
report compare --level state --format csv
assert_eq 0 "$RC" "compare --level state: csv"
assert_eq "year,state_code,state_name,cases,crime_rate,chargesheeting_rate,conviction_rate,pendency_pct,rank_by_rate" \
	"$(head -n 1 <<<"$OUT" | tr -d '\r')" "... header"
report compare --level district --state "$A_STATE" --chart "$T/compare-d.svg"
assert_eq 0 "$RC" "compare --level district: text"
assert_match "$OUT" "^ *$YEAR +$A_DISTRICT +$agra_re +3 +0 +- +75\.0 +- +50\.0 +100\.0 +1$" \
	"... $agra: 3 cases, none the year before, 75.0 % of the state, no population, cs 50.0, conviction 100.0, rank 1"
assert_match "$OUT" "^ *$YEAR +$B_DISTRICT +$aligarh_re +1 +0 +- +25\.0 +- +- +- +2$" "... $aligarh: 1 case, 25.0 %, rank 2"
assert_eq 2 "$(grep -c '<rect x=' "$T/compare-d.svg")" "... its chart has two bars"
report compare --level district --state "$A_STATE" --year "$YEAR" --format html
assert_eq 0 "$RC" "compare --level district: html"
assert_contains "$OUT" "<td>$agra</td><td class=\"num\">3</td>" "... $agra's row"
report compare --level district --state "$A_STATE" --format csv
assert_match "$(tr -d '\r' <<<"$OUT")" "^$YEAR,$B_DISTRICT,\"?$aligarh_re\"?,1,0,,25\.0,,,,2$" "compare --level district: csv, NULL as empty"
report compare --level district
assert_eq 2 "$RC" "compare --level district needs --state (exit 2)"
report compare --level county
assert_eq 2 "$RC" "compare --level county: exit 2"
assert_contains "$OUT" "--level is state or district" "... named"
report compare --state "$A_STATE"
assert_eq 2 "$RC" "compare without --level: exit 2"
assert_contains "$OUT" "needs --level" "... named"

# ------------------------------------------------------------------ groups
report groups --state "$A_STATE"
assert_eq 0 "$RC" "groups: text"
assert_match "$OUT" "^ *$YEAR +$A_DISTRICT +$agra_re +children +$children_re +1$" "... 1 case against children"
assert_eq 1 "$(grep -cE "^ *$YEAR " <<<"$OUT")" "... and no other group"
report groups --state "$A_STATE" --year "$YEAR" --format csv
assert_eq 0 "$RC" "groups: csv"
assert_match "$(tr -d '\r' <<<"$OUT")" "^$YEAR,$A_DISTRICT,\"?$agra_re\"?,children,\"?$children_re\"?,1$" "... the row"

# ------------------------------------------------------------------ mo-trend
report mo-trend --state "$A_STATE" --chart "$T/mo.svg"
assert_eq 0 "$RC" "mo-trend: text"
assert_contains "$OUT" "Modus operandi by quarter, state $A_STATE, $quarter" "... titled with the quarter"
assert_not_contains "$OUT" "counted at the refresh" "... a live view says no refresh time"
assert_match "$OUT" "^$quarter +$A_DISTRICT +$agra_re +theft +chain_snatching +$mo_re +1 +0 +1$" \
	"... 1 chain snatching this quarter, 0 before: +1"
assert_eq 1 "$(grep -c '<rect x=' "$T/mo.svg")" "mo-trend: the chart has one bar"
assert_contains "$(cat "$T/mo.svg")" ">$agra / ${mo:0:10}" "... labelled district / MO (clipped)"
report mo-trend --state "$A_STATE" --format csv
assert_eq 0 "$RC" "mo-trend: csv"
assert_eq "quarter,district_code,district_name,mo_major,mo_minor,mo_label,cases,cases_prev_quarter,change" \
	"$(head -n 1 <<<"$OUT" | tr -d '\r')" "... header"
assert_match "$(tr -d '\r' <<<"$OUT")" "^$quarter,$A_DISTRICT,\"?$agra_re\"?,theft,chain_snatching,\"?$mo_re\"?,1,0,1$" \
	"... the row"
report mo-trend --state "$A_STATE" --year "$YEAR"
assert_eq 2 "$RC" "mo-trend takes no --year (exit 2)"

# ------------------------------------------------------------------ errors
report pendency --state 37
assert_eq 6 "$RC" "a state without cases: nothing to report (exit 6)"
assert_contains "$OUT" "no cases" "... saying so"
report trend --state "$A_STATE" --year "$YEAR"
assert_eq 2 "$RC" "an option the report does not take (exit 2)"
assert_contains "$OUT" "does not take --year" "... named"
report state --format pdf
assert_eq 2 "$RC" "an unknown format (exit 2)"
report trend --state "$A_STATE" --chart "$T/no/such/dir/x.svg"
assert_eq 3 "$RC" "a chart that cannot be written (exit 3)"
# rep-audit: a trend as a PNG line chart; a chart file of any other kind is a usage error.
report trend --state "$A_STATE" --from "$YEAR-01" --to "$YEAR-12" --chart "$T/trend.PNG"
assert_eq 0 "$RC" "trend: a PNG chart (.PNG, any case)"
assert_eq "89504e470d0a1a0a 00000384000001b8" "$(head -c 8 "$T/trend.PNG" | xxd -p) $(od -An -tx1 -j16 -N8 "$T/trend.PNG" | tr -d ' \n')" \
	"... a PNG of 900 x 440 pixels"
report state --chart "$T/state.jpg"
assert_eq 2 "$RC" "a chart that is neither .svg nor .png (exit 2)"
assert_contains "$OUT" "--chart wants a file ending in .svg or .png, not $T/state.jpg" "... saying so"
[ ! -e "$T/state.jpg" ] || fail "a refused --chart left a file"
ok "... and writes no file"
run "$BIN/cctns-report" --db "${CCTNS_DB/user=cctns_owner/user=cctns_server}" state
assert_eq 4 "$RC" "the server's role may not read the reporting views (exit 4)"
assert_contains "$OUT" "permission denied" "... saying so"
run "$BIN/cctns-report" --db "host=$T/nowhere dbname=cctns user=cctns_analyst" state
assert_eq 5 "$RC" "no database there (exit 5)"

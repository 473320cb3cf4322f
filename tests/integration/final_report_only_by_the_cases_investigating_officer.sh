#!/usr/bin/env bash
# final_report_only_by_the_cases_investigating_officer: a final report is filed by the case's
# current investigating officer and nobody else. A case without an IO gets none (exit 4, telling
# to assign one); another officer is refused (exit 4) with the IO named; after the IO is changed
# the former IO is refused and the new one files it. Nothing refused is stored: no report, no
# diary entry, no timeline event, no person linked, the status unchanged.
# sealed: the officer signed in at the terminal must be the IO too (the database knows the
# officer behind the call): a report naming the IO but sent by another signed-in officer is
# refused.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

today=$(TZ=Asia/Kolkata date +%F)
samples=$SRC/deploy/samples

# report OFFICER_JSON: the sample final report (charging A1 and an accused never arrested), filed
# now, by OFFICER_JSON.
report() {
	sed -e "s/\"2026-11-29T12:30:00+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/" -e "s/2026-11-29/$today/g" \
		-e "s/^  \"officer\": .*/  \"officer\": $1/" "$samples/final-report.json"
}
ravi='{ "number": "UP-15432", "name": "Ravi Kumar Sharma", "rank": "SI" }'
meena='{ "number": "UP-20211", "name": "Meena Verma", "rank": "SI" }'

nothing_stored() { # WHAT
	assert_eq 0 "$(sql 'SELECT count(*) FROM core.final_report')" "$1: no final report stored"
	assert_eq 0 "$(sql "SELECT count(*) FROM core.gd_entry WHERE kind = 'final_report'")" "... no diary entry"
	assert_eq 0 "$(sql "SELECT count(*) FROM core.case_event WHERE kind = 'final_report'")" "... no timeline event"
	assert_eq 0 "$(sql "SELECT count(*) FROM core.person_link WHERE record_kind = 'final_report'")" \
		"... no person linked"
}

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers an FIR"
number=$(fir_number "$OUT")
report "$ravi" | sed -e '/"charged": \[/,/^  \],$/d' -e 's/"kind": "charge_sheet"/"kind": "undetected"/' \
	>"$T/undetected.json"
run term a final-report file "$number" "$T/undetected.json"
assert_eq 4 "$RC" "a case without an investigating officer gets no final report (exit 4)"
assert_contains "$OUT" "has no investigating officer" "... saying it has none"
assert_contains "$OUT" "cctns case assign-io" "... and how to assign one"
nothing_stored "a case without an IO"

run term a case assign-io "$number" "$samples/assign-io.json"
assert_eq 0 "$RC" "SI Ravi Kumar Sharma (UP-15432) becomes the IO"
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/g" "$samples/arrest.json" >"$T/arrest.json"
run term a arrest register "$number" "$T/arrest.json"
assert_eq 0 "$RC" "A1 is arrested"

# sealed: both IOs are officers who sign in.
officer_add UP-15432 $A_DISTRICT $A_STATION
officer_add UP-20211 $A_DISTRICT $A_STATION
report "$ravi" >"$T/by-ravi.json"
term_login a UP-20211 >/dev/null || fail "SI Meena Verma signs in"
run term a final-report file "$number" "$T/by-ravi.json"
assert_eq 4 "$RC" "a report naming the IO but sent by another signed-in officer is refused (exit 4)"
assert_contains "$OUT" "the signed-in officer UP-20211 is not the case's investigating officer (SI Ravi Kumar Sharma, UP-15432)" \
	"... naming the signed-in officer and the IO"
nothing_stored "a report sent by another signed-in officer"

term_login a UP-15432 >/dev/null || fail "SI Ravi Kumar Sharma signs in"
report "$meena" >"$T/by-meena.json"
run term a final-report file "$number" "$T/by-meena.json"
assert_eq 4 "$RC" "a final report by another officer is refused (exit 4)"
assert_contains "$OUT" "only the case's investigating officer (SI Ravi Kumar Sharma, UP-15432) may file its final report" \
	"... naming the case's investigating officer"
nothing_stored "a report by another officer"
assert_eq under_investigation "$(sql "SELECT status FROM core.fir WHERE station_code = $A_STATION")" \
	"the case is still under investigation"

# The IO is changed: the new IO files, the former one no longer may.
cat >"$T/assign-meena.json" <<JSON
{ "io": $meena, "acting": { "number": "UP-09876", "name": "Anil Kumar Tyagi", "rank": "Inspector" } }
JSON
run term a case assign-io "$number" "$T/assign-meena.json"
assert_eq 0 "$RC" "the case passes to SI Meena Verma (UP-20211)"
report "$ravi" >"$T/by-ravi.json"
run term a final-report file "$number" "$T/by-ravi.json"
assert_eq 4 "$RC" "the former IO may no longer file it (exit 4)"
assert_contains "$OUT" "(SI Meena Verma, UP-20211)" "... the message names the new IO"
nothing_stored "a report by the former IO"

term_login a UP-20211 >/dev/null || fail "SI Meena Verma signs in"
run term a final-report file "$number" "$T/by-meena.json"
assert_eq 0 "$RC" "the case's investigating officer files it"
assert_contains "$OUT" "Case status: Charge-sheeted" "... and the case is charge-sheeted"
run term a final-report show "$number"
assert_contains "$OUT" "SI Meena Verma (UP-20211)" "the report names the IO who filed it"
assert_eq 3 "$(sql "SELECT count(*) FROM core.person_link WHERE record_kind = 'final_report' AND role = 'witness'")" \
	"its witnesses are linked to their person records"
assert_eq 2 "$(sql "SELECT count(*) FROM core.person_link WHERE record_kind = 'final_report' AND role = 'accused'")" \
	"... and so are the accused never arrested (charged and not charged)"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

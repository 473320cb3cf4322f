#!/usr/bin/env bash
# court_records_refuse_impossible_dates_and_punishments: dates and sentences that cannot be are
# refused with exit 3 naming the field, and nothing is stored: a final report before its FIR or
# in the future, or with an arrest date before the FIR or a forwarding date in the future; a
# judgement before the final report or in the future; a conviction without sections or without a
# punishment, imprisonment without a term or beyond 100 years, results that do not fit the kind
# of disposal; an appeal filed before the judgement or in the future, decided before it was
# filed or in the future, a new sentence where the appeal gives none.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
# sealed: the final reports here are filed by the samples' IO, signed in (the database checks it).
sign_in_sample_io a

today=$(TZ=Asia/Kolkata date +%F)
yesterday=$(TZ=Asia/Kolkata date -d yesterday +%F)
tomorrow=$(TZ=Asia/Kolkata date -d tomorrow +%F)
samples=$SRC/deploy/samples

# refused FILE FIELD WHAT CMD...: CMD (a terminal write of FILE) exits 3 naming FILE and FIELD.
refused() {
	local file=$1 field=$2 what=$3
	shift 3
	run term a "$@" "$T/$file"
	assert_eq 3 "$RC" "$what: exit 3"
	assert_contains "$OUT" "$file: $field" "... naming $field"
}
counts() {
	sql "SELECT (SELECT count(*) FROM core.final_report) || ' ' || (SELECT count(*) FROM core.court_disposal)
		|| ' ' || (SELECT count(*) FROM core.appeal) || ' ' || (SELECT count(*) FROM core.appeal WHERE decided_on IS NOT NULL)
		|| ' ' || (SELECT count(*) FROM core.gd_entry WHERE kind IN ('final_report', 'court'))"
}

run term a fir register "$SAMPLE" --json
number=$(grep -oE '"fir_number" *: *"[0-9/]+"' <<<"$OUT" | grep -oE '[0-9]+/[0-9]+')
registered=$(grep -oE '"registered_at" *: *"[^"]+"' <<<"$OUT" | sed -E 's/.*"([^"]+)"$/\1/')
epoch=$(date -d "$registered" +%s)
run term a case assign-io "$number" "$samples/assign-io.json"
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(TZ=Asia/Kolkata date -Iseconds)\"/g" "$samples/arrest.json" >"$T/arrest.json"
run term a arrest register "$number" "$T/arrest.json"
assert_eq 0 "$RC" "an FIR, its IO and the arrest of A1"

# ------------------------------------------------------------ final report
report() { # FILED_AT [SED_SCRIPT]
	sed -e "s/\"2026-11-29T12:30:00+05:30\"/\"$1\"/" -e "s/2026-11-29/$today/g" -e "${2:-}" \
		"$samples/final-report.json"
}
report "$(TZ=Asia/Kolkata date -d "@$((epoch - 60))" -Iseconds)" >"$T/fr-before-fir.json"
refused fr-before-fir.json filed_at "a final report a minute before the FIR" final-report file "$number"
assert_contains "$OUT" "cannot be filed before its FIR" "... saying why"
report "$(TZ=Asia/Kolkata date -d '+1 day' -Iseconds)" >"$T/fr-future.json"
refused fr-future.json filed_at "a final report filed tomorrow" final-report file "$number"
assert_contains "$OUT" "in the future" "... saying why"
report "$(TZ=Asia/Kolkata date -Iseconds)" "0,/\"arrested_on\": \"$today\"/s//\"arrested_on\": \"$yesterday\"/" >"$T/fr-arrest-before.json"
refused fr-arrest-before.json "charged[0].arrested_on" "an arrest date before the FIR" final-report file "$number"
report "$(TZ=Asia/Kolkata date -Iseconds)" "0,/\"forwarded_on\": \"$today\"/s//\"forwarded_on\": \"$tomorrow\"/" >"$T/fr-forwarded-future.json"
refused fr-forwarded-future.json "charged[0].forwarded_on" "a forwarding date in the future" final-report file "$number"
report "$(TZ=Asia/Kolkata date -Iseconds)" 's/"section": "331(4)"/"section": "457"/; s/"act": "bns", "section": "457"/"act": "ipc", "section": "457"/' \
	>"$T/fr-ipc.json"
refused fr-ipc.json "charged[0].sections[1].act" "an IPC section for an offence after 2024-07-01" final-report file "$number"
assert_eq "0 0 0 0 0" "$(counts)" "nothing refused was stored"

report "$(TZ=Asia/Kolkata date -Iseconds)" >"$T/report.json"
run term a final-report file "$number" "$T/report.json"
assert_eq 0 "$RC" "a final report filed now is accepted"

# ------------------------------------------------------------ court disposal
disposal() { # JUDGEMENT_DATE [SED_SCRIPT]
	sed -e "s/2026-11-29/$1/g" -e "${2:-}" "$samples/court-disposal.json"
}
disposal "$yesterday" >"$T/cd-before-report.json"
refused cd-before-report.json judgement_date "a judgement the day before the final report" court disposal "$number"
assert_contains "$OUT" "before the final report" "... saying why"
disposal "$tomorrow" >"$T/cd-future.json"
refused cd-future.json judgement_date "a judgement tomorrow" court disposal "$number"
disposal "$today" '/"sections_convicted": \[/,/^      \],$/d' >"$T/cd-no-sections.json"
grep -q sections_convicted "$T/cd-no-sections.json" && fail "test document not built"
refused cd-no-sections.json "accused[0].sections_convicted" "a conviction without sections" court disposal "$number"
disposal "$today" '/"punishment":/d' >"$T/cd-no-punishment.json"
refused cd-no-punishment.json "accused[0].punishment" "a conviction without a punishment" court disposal "$number"
disposal "$today" '/"period_months":/d' >"$T/cd-no-term.json"
refused cd-no-term.json "accused[0].period_months" "rigorous imprisonment without a term" court disposal "$number"
disposal "$today" 's/"period_months": 36/"period_months": 1201/' >"$T/cd-too-long.json"
refused cd-too-long.json "accused[0].period_months" "imprisonment for more than 100 years" court disposal "$number"
disposal "$today" 's/"kind": "convicted"/"kind": "acquitted"/' >"$T/cd-kind.json"
refused cd-kind.json "accused[0].result" "a conviction in a disposal of kind acquitted" court disposal "$number"
assert_contains "$OUT" "does not fit" "... saying it does not fit the kind"
disposal "$today" 's/"accused_code": "A1"/"accused_code": "A2"/' >"$T/cd-stranger.json"
refused cd-stranger.json "accused[0].accused_code" "an accused the case does not have" court disposal "$number"
assert_eq "1 0 0 0 1" "$(counts)" "nothing refused was stored"
disposal "$today" >"$T/disposal.json"
run term a court disposal "$number" "$T/disposal.json"
assert_eq 0 "$RC" "a possible disposal is recorded"

# ------------------------------------------------------------ appeal and its result
sed -e "s/2026-11-29/$yesterday/" "$samples/appeal.json" >"$T/ap-before-judgement.json"
refused ap-before-judgement.json filed_on "an appeal filed before the judgement" court appeal "$number"
sed -e "s/2026-11-29/$tomorrow/" "$samples/appeal.json" >"$T/ap-future.json"
refused ap-future.json filed_on "an appeal filed tomorrow" court appeal "$number"
sed -e "s/2026-11-29/$today/" "$samples/appeal.json" >"$T/appeal.json"
run term a court appeal "$number" "$T/appeal.json"
assert_eq 0 "$RC" "an appeal filed today is recorded"
sed -e "s/2026-11-29/$yesterday/" "$samples/appeal-result.json" >"$T/ar-before-filed.json"
refused ar-before-filed.json decided_on "an appeal decided before it was filed" court appeal-result "$number"
assert_contains "$OUT" "before the appeal was filed" "... saying why"
sed -e "s/2026-11-29/$tomorrow/" "$samples/appeal-result.json" >"$T/ar-future.json"
refused ar-future.json decided_on "an appeal decided tomorrow" court appeal-result "$number"
sed -e "s/2026-11-29/$today/" -e 's/"sentence_modified"/"upheld"/' "$samples/appeal-result.json" >"$T/ar-upheld-sentence.json"
refused ar-upheld-sentence.json "results[0].new_punishment" "a new sentence where the appeal is upheld" court appeal-result "$number"
sed -e "s/2026-11-29/$today/" -e '/"period_months"/d' "$samples/appeal-result.json" >"$T/ar-no-term.json"
refused ar-no-term.json "results[0].period_months" "a new imprisonment without a term" court appeal-result "$number"
assert_eq "1 1 1 0 3" "$(counts)" "nothing refused was stored"
assert_eq in_appeal "$(sql "SELECT status FROM core.fir WHERE station_code = $A_STATION")" "the case is still in appeal"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

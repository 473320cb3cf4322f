#!/usr/bin/env bash
# seizure_deposits_items_in_the_malkhana_with_diary_entries: a seizure memo (IIF-IV) recorded from
# the terminal gets the case's next seizure number; the server writes its General Diary entry
# (kind Seizure), deposits every item in the station's malkhana under the next numbers with one
# diary entry (kind Property deposit) naming them, and adds a Seizure event to the case
# timeline; no diary line names a person. The memo reads back like the paper form, each item
# with its malkhana number; each malkhana entry starts its chain of custody with the deposit;
# the same idempotency key gives the same receipt once; the persons are linked by role.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# at TIME FILE: FILE (a sample) with each of its times set to TIME.
at() {
	sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$1\"/g" "$2"
}

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the FIR of the theft"
number=$(fir_number "$OUT")
year=${number#*/}
sleep 1 # times are stated in whole seconds: after the registration, not in its second
now=$(date -Iseconds)
at "$now" "$SRC/deploy/samples/arrest.json" >"$T/arrest.json"
run term a arrest register "$number" "$T/arrest.json"
assert_eq 0 "$RC" "the accused is arrested as A1 (diary entry 2)"
at "$now" "$SRC/deploy/samples/seizure.json" >"$T/seizure.json"

key=$(openssl rand -hex 16)
run term a seizure register "$number" "$T/seizure.json" --key "$key"
assert_eq 0 "$RC" "seizure register exits 0"
assert_match "$OUT" "^Seizure 1 recorded in FIR $number on " "the first memo of the case is seizure 1"
assert_match "$OUT" '^General Diary: GD entry 3 of [0-9/]+ \(seizure\)$' "... entered in the diary as entry 3"
assert_match "$OUT" '^General Diary: GD entry 4 of [0-9/]+ \(deposit in the malkhana\)$' \
	"... and its items' deposit as entry 4"
assert_match "$OUT" "^Item 1: malkhana 0001/$year\$" "item 1 is malkhana entry 0001/$year"
assert_match "$OUT" "^Item 2: malkhana 0002/$year\$" "item 2 is malkhana entry 0002/$year"

run term a seizure register "$number" "$T/seizure.json" --key "$key" --json
assert_eq 0 "$RC" "the same memo with the same key again exits 0"
assert_match "$OUT" '"seizure_no" *: *1' "... with the same number"
assert_match "$OUT" '"replayed" *: *true' "... marked as replayed"
assert_eq 1 "$(sql 'SELECT count(*) FROM core.seizure')" "one memo is stored"
assert_eq 2 "$(sql 'SELECT count(*) FROM core.malkhana')" "two items are in the malkhana"

sed -e '/"accused_code"/d' "$T/seizure.json" >"$T/seizure2.json"
run term a seizure register "$number" - <"$T/seizure2.json"
assert_eq 0 "$RC" "a second memo (from stdin) exits 0"
assert_match "$OUT" "^Seizure 2 recorded in FIR $number" "... as seizure 2"
assert_match "$OUT" "^Item 1: malkhana 0003/$year\$" "... its first item the next malkhana number"

run term a gd show
assert_match "$OUT" '^ +3  [0-9]{2}:[0-9]{2}  Seizure +SI Ravi Kumar Sharma \(UP-15432\)$' \
	"diary entry 3 is the seizure, by the seizing officer"
flat=$(tr -s ' \n' '  ' <<<"$OUT") # the text as one line, wrapping undone
assert_contains "$flat" "Seizure 1 in FIR $number: stolen property, 2 items worth Rs 37499, from accused A1" \
	"... naming the case, the nature, the items and the accused by code"
assert_match "$OUT" '^ +4  [0-9]{2}:[0-9]{2}  Property deposit +SI Ravi Kumar Sharma' \
	"entry 4 is the deposit in the malkhana"
assert_contains "$flat" "deposited in the malkhana: entries 0001/$year to 0002/$year (2 items)" \
	"... naming the malkhana numbers"
for name in Sonu "Mohan Lal" "Sunita"; do
	assert_not_contains "$OUT" "$name" "the diary does not name $name"
done

run term a case timeline "$number"
assert_match "$OUT" '  Seizure A1 +Registered +3 +SI Ravi Kumar Sharma' \
	"the timeline has the seizure with its diary entry"
assert_contains "$(tr -s ' \n' '  ' <<<"$OUT")" \
	"Seizure 1: stolen property, 2 items; malkhana 0001/$year to 0002/$year" \
	"... and what went into the malkhana"

run term a seizure show "$number" 1
assert_eq 0 "$RC" "seizure show exits 0"
headings=$(awk '{ sub(/^ +/, ""); print }' <<<"$OUT")
for want in "PROPERTY SEARCH AND SEIZURE MEMO" "(Integrated Investigation Form IV)" "1. Case" \
	"2. Nature of the property" "3. Date, time and place of seizure" "4. Seized from" \
	"5. Witnesses" "6. Property seized" "7. Seal" "8. Seizing officer"; do
	grep -qxF -- "$want" <<<"$headings" || fail "seizure show lacks the section '$want'"
done
ok "seizure show prints the sections of IIF-IV"
assert_match "$OUT" '^   Stolen property$' "... the nature"
assert_match "$OUT" '^   Name +Sonu Kumar$' "... the person seized from"
# Seized now from a man born on 14 March 2002 (the sample): his age today, India's calendar.
age=$((YEAR - 2002 - (10#$(TZ=Asia/Kolkata date +%m%d) < 314 ? 1 : 0)))
assert_match "$OUT" "^   Age at seizure +$age years\$" "... the age at seizure"
assert_match "$OUT" '^   Professional receiver +No$' "... professional receiver or not"
assert_match "$OUT" '^   Accused code +A1$' "... the accused code"
assert_match "$OUT" '^   Witness 2$' "... two witnesses"
assert_match "$OUT" '^      Name +Sunita Devi$' "... named"
assert_match "$OUT" '^      Identifiers +IMEI 1: 352099001761481; IMEI 2:' "... the item's identifiers"
assert_match "$OUT" '^      Quantity +12500 rupees$' "... quantities with their unit"
assert_match "$OUT" "^      Malkhana No\. +0002/$year\$" "... each item's malkhana number"
assert_match "$OUT" '^   Total value +Rs\. 37,499$' "... the total value"
assert_match "$OUT" "^   Deposit in malkhana +GD entry 4 of " "... and the deposit's diary entry"

run term a seizure show "$number" 1 --json
assert_eq 0 "$RC" "seizure show --json exits 0"
assert_match "$OUT" '"value_rupees" *: *24999' "the memo round-trips: the value"
assert_match "$OUT" '"malkhana_number" *: *"0001/'"$year"'"' "... and the deposits"
assert_match "$OUT" '"person_id" *: *"?[0-9]+' "... and the persons linked"

run term a malkhana show "1/$year"
assert_eq 0 "$RC" "malkhana show exits 0"
assert_match "$OUT" "^Case +FIR $number, seizure 1, item 1\$" "the entry names its case, seizure and item"
assert_match "$OUT" '^Where it is +In store, since ' "... it is in the store"
assert_match "$OUT" '^ +1  [0-9/]+ [0-9:]+  Deposited +SI Ravi Kumar Sharma \(UP-15432\)$' \
	"... its chain of custody starts with the deposit"
assert_match "$OUT" '^ +-> In store$' "... into the store"
run term a malkhana list --fir "$number"
assert_eq 0 "$RC" "malkhana list exits 0"
assert_contains "$OUT" "Entries 1 to 4 of 4" "the case has four entries (two memos of two items)"
assert_match "$OUT" "^0001/$year  $number  1/1 +Mobile phone +In store" "... listed by number"

# The seizure memo prints as PDF with the station, the numbers and the officer.
if command -v pdftotext >/dev/null; then
	run term a seizure show "$number" 1 --pdf "$T/seizure-1.pdf"
	assert_eq 0 "$RC" "seizure show --pdf exits 0"
	text=$(pdftotext "$T/seizure-1.pdf" - 2>&1)
	assert_contains "$text" "SEIZURE MEMO (IIF-IV)" "the PDF is titled as the seizure memo"
	assert_contains "$text" "$A_NAME" "... names the station"
	assert_contains "$text" "FIR No. $number" "... the FIR"
	assert_contains "$text" "Seizure No. 1" "... the seizure number"
	assert_contains "$text" "Recorded by: SI Ravi Kumar Sharma (UP-15432)" "... and the officer"
else
	fail "pdftotext is needed (poppler-utils; deploy/install-deps installs it)"
fi

run term a seizure show "$number" 3
assert_eq 6 "$RC" "a seizure number not given out is not found (exit 6)"
run term b seizure show "$number" 1
assert_eq 6 "$RC" "another station does not find the FIR's seizure (exit 6)"
run term b malkhana show "1/$year"
assert_eq 6 "$RC" "... nor station A's malkhana entry"
run term a seizure show "$number" one
assert_eq 2 "$RC" "a malformed seizure number is a usage error (exit 2)"
run term a malkhana show 12-2026
assert_eq 2 "$RC" "a malformed malkhana number is a usage error (exit 2)"

assert_eq "panch_witness:4 seized_from:2" \
	"$(sql "SELECT string_agg(role || ':' || n, ' ' ORDER BY role) FROM (SELECT role, count(*) n
		FROM core.person_link WHERE record_kind = 'seizure' GROUP BY role) r")" \
	"the person seized from and the witnesses are linked to each memo by role"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

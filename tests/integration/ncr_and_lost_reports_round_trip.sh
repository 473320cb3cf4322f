#!/usr/bin/env bash
# ncr_and_lost_reports_round_trip: a non-cognizable report and a lost property report go from
# the terminal to the database and back: numbered per station and year, each with its diary
# entry (no personal data), printed like the registers, the same as JSON; the same key replays;
# NCR sections follow the IPC/BNS date rule of FIRs and the referral to the Magistrate is
# required; a lost item's identifier is never a full Aadhaar number; persons are linked by role;
# another station sees neither.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
S=$SRC/deploy/samples

# ------------------------------------------------------------ NCR
key=$(openssl rand -hex 16)
run term a ncr register "$S/ncr.json" --key "$key"
assert_eq 0 "$RC" "ncr register exits 0"
assert_match "$OUT" "^NCR 0001/$YEAR recorded on " "the first NCR is 0001"
assert_match "$OUT" '^The informant is referred to the Magistrate \(BNSS s.174\).$' "... the informant is referred"
assert_match "$OUT" '^General Diary: GD entry 1 of ' "... diary entry 1"
run term a ncr register "$S/ncr.json" --key "$key" --json
assert_match "$OUT" '"replayed" *: *true' "the same key replays the receipt"
assert_eq 1 "$(sql 'SELECT count(*) FROM core.ncr')" "one NCR is stored"

run term a ncr show 1/$YEAR
assert_eq 0 "$RC" "ncr show exits 0"
headings=$(awk '{ sub(/^ +/, ""); print }' <<<"$OUT")
for want in "NON-COGNIZABLE REPORT" "1. Report" "2. Acts and sections (non-cognizable)" "3. Occurrence" \
	"4. Place of occurrence" "5. Informant" "6. Opposite party" "7. Substance of the information" \
	"8. Action taken"; do
	grep -qxF -- "$want" <<<"$headings" || fail "ncr show lacks the section '$want'"
done
ok "ncr show prints the eight sections of the register"
assert_match "$OUT" '^   BNS 352$' "... the sections"
assert_match "$OUT" '^   BNS 115\(2\)$' "... both of them"
assert_match "$OUT" '^   Occurred at +28/11/2026 20:15 IST$' "... when"
assert_match "$OUT" '^   Name +Sunita Devi$' "... the informant"
assert_match "$OUT" '^       Name +Rakesh Yadav$' "... the opposite party"
assert_match "$OUT" '^   Distance and direction +1.5 km North-west of the police station$' "... the place"
assert_contains "$OUT" "referred to the Magistrate" "... the action taken"
run term a ncr show 1/$YEAR --json
assert_match "$OUT" '"advice_given" *: *true' "ncr show --json gives the NCR"
assert_match "$OUT" '"section" *: *"115\(2\)"' "... with its sections"

sed -e 's/"act": "bns", "section": "352"/"act": "ipc", "section": "504"/' "$S/ncr.json" >"$T/ncr-ipc.json"
run term a ncr register "$T/ncr-ipc.json"
assert_eq 3 "$RC" "an IPC section for an offence of $YEAR is refused (exit 3)"
assert_contains "$OUT" "sections[0].act" "... naming the section's act"
assert_contains "$OUT" "BNS" "... and pointing to the BNS"
sed -e 's/"advice_given": true/"advice_given": false/' "$S/ncr.json" >"$T/ncr-noadvice.json"
run term a ncr register "$T/ncr-noadvice.json"
assert_eq 3 "$RC" "an NCR without the referral to the Magistrate is refused (exit 3)"
assert_contains "$OUT" "advice_given" "... naming advice_given"
sed -e 's/"name": "Rakesh Yadav",//' "$S/ncr.json" >"$T/ncr-noname.json"
run term a ncr register "$T/ncr-noname.json"
assert_eq 3 "$RC" "an opposite party without a name is refused (exit 3)"
assert_contains "$OUT" "opposite_party[0].name" "... naming the field"
assert_eq 1 "$(sql 'SELECT count(*) FROM core.ncr')" "refused NCRs store nothing"

# ------------------------------------------------------------ lost property
run term a lost register "$S/lost.json"
assert_eq 0 "$RC" "lost register exits 0"
assert_match "$OUT" "^Lost property report 0001/$YEAR recorded on " "the first report is 0001"
assert_match "$OUT" '^General Diary: GD entry 2 of ' "... diary entry 2"
run term a lost show 1/$YEAR
assert_eq 0 "$RC" "lost show exits 0"
headings=$(awk '{ sub(/^ +/, ""); print }' <<<"$OUT")
for want in "LOST PROPERTY REPORT" "1. Report" "2. Reporter (owner)" "3. When lost" "4. Where lost" \
	"5. Property lost" "6. How it was lost"; do
	grep -qxF -- "$want" <<<"$headings" || fail "lost show lacks the section '$want'"
done
ok "lost show prints the six sections"
assert_match "$OUT" '^   \(1\) Mobile phone +Rs. 17,999$' "... the phone and its value"
assert_match "$OUT" '^       IMEI +356938035643809$' "... its IMEI"
assert_match "$OUT" '^       Document number +4821$' "... the last 4 digits of the Aadhaar card"
assert_match "$OUT" '^   Total value +Rs. 19,199$' "... the total value"
assert_match "$OUT" '^   Between +28/11/2026 16:00 IST$' "... when"
run term a lost show 1/$YEAR --json
assert_match "$OUT" '"identifier" *: *"356938035643809"' "lost show --json gives the report"

sed -e 's/"identifier": "4821"/"identifier": "2345 6789 0123"/' "$S/lost.json" >"$T/lost-aadhaar.json"
run term a lost register "$T/lost-aadhaar.json"
assert_eq 3 "$RC" "a full Aadhaar number as an identifier is refused (exit 3)"
assert_contains "$OUT" "items[2].identifier" "... naming the item"
assert_not_contains "$OUT" "2345 6789 0123" "... without repeating the number"
assert_eq 0 "$(sql "SELECT count(*) FROM core.lost_item WHERE identifier LIKE '%6789%'")" "... and stores nothing"

run term a gd show
assert_match "$OUT" '^ +1  [0-9:]{5}  NCR +HC Harish Chandra \(UP-31007\)$' "the diary: entry 1 is the NCR"
assert_contains "$OUT" "NCR 0001/$YEAR recorded under BNS 352, BNS 115(2);" "... with its sections"
assert_match "$OUT" '^ +2  [0-9:]{5}  Lost property +HC Harish Chandra' "entry 2 is the lost property report"
assert_eq "Lost property report 0001/$YEAR recorded: 4 items (mobile phone, wallet, document)" \
	"$(sql 'SELECT text FROM core.gd_entry WHERE gd_no = 2')" "... counting its items"
for name in Sunita Rakesh Pooja 356938035643809; do
	assert_not_contains "$OUT" "$name" "the diary does not name $name"
done

assert_eq "accused,informant,owner" "$(sql "SELECT string_agg(role, ',' ORDER BY role) FROM core.person_link
	WHERE record_kind IN ('ncr', 'lost_property')")" "persons are linked as informant, accused and owner"

run term b ncr show 1/$YEAR
assert_eq 6 "$RC" "another station cannot read the NCR (exit 6)"
run term b lost show 1/$YEAR
assert_eq 6 "$RC" "... nor the lost property report (exit 6)"
run term b ncr register "$S/ncr.json"
assert_match "$OUT" "^NCR 0001/$YEAR recorded on " "station B's NCRs are numbered on their own"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# arrest_memo_gets_accused_codes_in_order: arrest memos of a case get the accused codes A1, A2, ...
# in the order they are recorded; each writes a General Diary entry (kind Arrest, the FIR and
# the accused code, no personal data) and an Arrest event on the case timeline; the memo reads
# back like IIF-III; the same idempotency key gives the same code once.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# arrest_at TIME: the sample arrest memo with each of its times set to TIME.
arrest_at() {
	sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$1\"/g" "$SRC/deploy/samples/arrest.json"
}

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the FIR of the theft"
number=$(fir_number "$OUT")
sleep 1 # the arrest is stated in whole seconds: after the registration, not in its second
arrest_at "$(date -Iseconds)" >"$T/arrest.json"

key=$(openssl rand -hex 16)
run term a arrest register "$number" "$T/arrest.json" --key "$key"
assert_eq 0 "$RC" "arrest register exits 0"
assert_match "$OUT" "^Arrest memo A1 recorded in FIR $number on " "the first accused is A1"
assert_match "$OUT" '^General Diary: GD entry 2 of ' "... entered in the diary as entry 2"

run term a arrest register "$number" "$T/arrest.json" --key "$key" --json
assert_eq 0 "$RC" "the same memo with the same key again exits 0"
assert_match "$OUT" '"accused_code" *: *"A1"' "... with the same code A1"
assert_match "$OUT" '"replayed" *: *true' "... marked as replayed"
assert_eq 1 "$(sql 'SELECT count(*) FROM core.arrest')" "one memo is stored"

sed -e 's/"Sonu Kumar"/"Deepak alias Deepu"/; s/"Kallu"/"Deepu"/' "$T/arrest.json" >"$T/arrest2.json"
run term a arrest register "$number" - <"$T/arrest2.json"
assert_eq 0 "$RC" "a second accused's memo (from stdin) exits 0"
assert_match "$OUT" "^Arrest memo A2 recorded in FIR $number" "... as A2"

run term a gd show
assert_match "$OUT" '^ +2  [0-9]{2}:[0-9]{2}  Arrest +SI Ravi Kumar Sharma \(UP-15432\)$' \
	"diary entry 2 is the arrest, by the arresting officer"
assert_contains "$OUT" "Case: FIR $number, accused A1" "... of A1 in the case"
assert_contains "$OUT" "Case: FIR $number, accused A2" "entry 3 is A2's arrest"
assert_not_contains "$OUT" "Sonu" "the diary names no arrested person"

run term a case timeline "$number"
assert_match "$OUT" '  Arrest A1  +Registered +2 +SI Ravi Kumar Sharma' \
	"the timeline has the arrest of A1 with its diary entry"
assert_match "$OUT" '  Arrest A2  ' "... and of A2"

run term a arrest show "$number" A1
assert_eq 0 "$RC" "arrest show exits 0"
headings=$(awk '{ sub(/^ +/, ""); print }' <<<"$OUT")
for want in "ARREST / COURT SURRENDER MEMO" "1. Case" "2. Accused code" "3. Identity" \
	"4. Aliases" "5. Addresses" "6. Arrest / court surrender" "7. Outcome" \
	"8. Injuries and medical examination" "9. Articles found on personal search" \
	"10. Intimation of arrest" "11. Descriptive roll" "12. Fingerprints" "13. Risk flags"; do
	grep -qxF -- "$want" <<<"$headings" || fail "arrest show lacks the section '$want'"
done
ok "arrest show prints the thirteen sections of IIF-III"
assert_match "$OUT" '^   Code +A1$' "... the accused code"
assert_match "$OUT" '^   Name +Sonu Kumar$' "... the person"
assert_match "$OUT" '^   Age at arrest +24 years$' "... the age at arrest"
assert_match "$OUT" '^   Identity document +Aadhaar \(masked\) XXXX XXXX 4821$' "... the masked Aadhaar"
assert_match "$OUT" '^   \(1\) +Kallu$' "... the alias"
assert_match "$OUT" '^   Arrested and forwarded to court$' "... the outcome"
assert_match "$OUT" '^   Height +170 cm$' "... the descriptive roll"
assert_match "$OUT" '^   Fingerprints taken +Yes$' "... the fingerprints"
assert_match "$OUT" "^   General Diary reference +GD entry 2 of " "... and its diary entry"

run term a arrest show "$number" a2 --json
assert_eq 0 "$RC" "arrest show --json (code in lower case) exits 0"
assert_match "$OUT" '"accused_code" *: *"A2"' "... gives A2's memo"
assert_contains "$OUT" '"Deepak alias Deepu"' "... with its person"

run term a arrest show "$number" A3
assert_eq 6 "$RC" "an accused code not given out is not found (exit 6)"
run term a arrest show "$number" 7
assert_eq 2 "$RC" "a malformed accused code is a usage error (exit 2)"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# efir_must_be_signed_within_three_days: an e-FIR (registered online, information electronic)
# waits for its informant's signature, listed by `cctns efir pending` with its deadline three
# days after registration; the signature is recorded once (event, diary entry), not before
# the registration nor in the future, and not after the three days: an e-FIR aged past its
# deadline (registered_at set back as the owner) is listed OVERDUE and its signature is
# refused as lapsed. An FIR that is not an e-FIR is not signed.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
EFIR=$SRC/deploy/samples/fir-efir.json

# sign_file NAME TIME: $T/NAME.json, the sample signature at TIME.
sign_file() {
	sed -e "s/\"signed_at\": \"[^\"]*\"/\"signed_at\": \"$2\"/" "$SRC/deploy/samples/efir-sign.json" \
		>"$T/$1.json"
}

sed -e 's/"information_type": "electronic"/"information_type": "written"/' "$EFIR" >"$T/written.json"
run term a fir register "$T/written.json"
assert_eq 3 "$RC" "an e-FIR whose information is not electronic is refused (exit 3)"
assert_contains "$OUT" "information_type" "... naming information_type"

run term a fir register "$EFIR"
assert_eq 0 "$RC" "station A registers an e-FIR"
old=$(fir_number "$OUT")
run term a fir register "$EFIR"
assert_eq 0 "$RC" "... and a second one"
fresh=$(fir_number "$OUT")
run term a fir register "$SAMPLE"
plain=$(fir_number "$OUT")

run term a efir pending
assert_eq 0 "$RC" "efir pending lists the station's e-FIRs"
assert_match "$OUT" "^$old +[0-9/]+ [0-9:]+ +[0-9/]+ [0-9:]+ +waiting$" "... the first, waiting"
assert_match "$OUT" "^$fresh .* waiting$" "... the second, waiting"
assert_not_contains "$OUT" "$plain" "... not an FIR that is not an e-FIR"
run term b efir pending
assert_contains "$OUT" "No e-FIR is waiting" "another station has none"

# Four days old: registered (and everything before it) four days earlier. In the first days
# of January that would be last year, another partition: then only its deadline is past.
if [ "$(TZ=Asia/Kolkata date +%Y)" = "$(TZ=Asia/Kolkata date -d '-4 days' +%Y)" ]; then
	age="registered_at = registered_at - interval '4 days',
		efir_sign_by = efir_sign_by - interval '4 days', occurred_from = occurred_from - interval '4 days',
		occurred_to = occurred_to - interval '4 days',
		information_received_at = information_received_at - interval '4 days'"
else
	age="efir_sign_by = now() - interval '1 day'"
fi
sql "UPDATE core.fir SET $age WHERE station_code = $A_STATION AND fir_no = ${old%%/*}" >/dev/null
run term a efir pending --json
assert_contains "$OUT" '"overdue": true' "the aged e-FIR is overdue (JSON)"
run term a efir pending
assert_match "$OUT" "^$old .*OVERDUE" "... and marked OVERDUE"

sign_file now "$(date -Iseconds)"
run term a efir sign "$old" "$T/now.json"
assert_eq 4 "$RC" "the signature of an e-FIR past its three days is refused (exit 4)"
assert_contains "$OUT" "lapsed" "... the message says it lapsed"
assert_contains "$OUT" "within three days of registration" "... and why"

sign_file before "$(date -Iseconds -d '-1 day')"
run term a efir sign "$fresh" "$T/before.json"
assert_eq 3 "$RC" "a signature before the registration is refused (exit 3)"
assert_match "$OUT" 'before\.json: signed_at: .*before the e-FIR was registered' "... naming signed_at"
sign_file future "$(date -Iseconds -d '+2 hours')"
run term a efir sign "$fresh" "$T/future.json"
assert_eq 3 "$RC" "a signature in the future is refused (exit 3)"
assert_match "$OUT" 'future\.json: signed_at: .*in the future' "... naming signed_at"
assert_eq 0 "$(sql "SELECT count(*) FROM core.fir WHERE efir_signed_at IS NOT NULL")" "nothing was signed"

sleep 1
sign_file now "$(date -Iseconds)"
key=$(openssl rand -hex 16)
run term a efir sign "$fresh" "$T/now.json" --key "$key"
assert_eq 0 "$RC" "the informant's signature within three days is recorded"
assert_match "$OUT" "^e-FIR $fresh signed by the informant on .* \\(deadline " "... with its deadline"
assert_match "$OUT" '^General Diary: GD entry [0-9]+ of' "... and its diary entry"
run term a efir sign "$fresh" "$T/now.json" --key "$key"
assert_eq 0 "$RC" "the same key replays it"
assert_contains "$OUT" "already recorded earlier with this key" "... saying so"
run term a efir sign "$fresh" "$T/now.json"
assert_eq 4 "$RC" "an e-FIR is signed once (exit 4)"
assert_contains "$OUT" "already signed" "... the message says so"
run term a efir sign "$plain" "$T/now.json"
assert_eq 4 "$RC" "an FIR that is not an e-FIR is not signed (exit 4)"
assert_contains "$OUT" "is not an e-FIR" "... the message says so"

run term a efir pending
assert_not_contains "$OUT" "$fresh" "the signed e-FIR is no longer pending"
assert_contains "$OUT" "$old" "... the lapsed one still is"
run term a fir show "$fresh"
assert_contains "$OUT" "e-FIR signed by the informant on" "fir show says it was signed"
run term a fir show "$old"
assert_contains "$OUT" "e-FIR not signed yet: the informant must sign by" "... and the other not"
run term a case timeline "$fresh"
assert_contains "$OUT" "e-FIR signed" "the timeline has the signature"
run term a gd show --json
assert_contains "$OUT" '"kind": "efir"' "the diary has the signature entry"
assert_contains "$OUT" "e-FIR $fresh signed by its informant" "... naming the FIR"
assert_not_contains "$OUT" "Neha" "... without personal data"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

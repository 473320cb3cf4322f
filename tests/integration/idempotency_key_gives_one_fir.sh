#!/usr/bin/env bash
# idempotency_key_gives_one_fir: the same idempotency key sent twice gives one FIR and the
# original receipt; the same key with different content is refused as a conflict (exit 4).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
key=$(openssl rand -hex 16)

run term a fir register "$SAMPLE" --key "$key"
assert_eq 0 "$RC" "the first registration with the key succeeds"
first=$(fir_number "$OUT")

run term a fir register "$SAMPLE" --key "$key" --json
assert_eq 0 "$RC" "the same key again succeeds"
assert_contains "$OUT" "\"$first\"" "... with the original FIR number"
assert_match "$OUT" '"replayed" *: *true' "... marked as replayed"
assert_eq 1 "$(sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION")" "one FIR is stored"

sample_with 's/Beat 3, Kinari Bazar/Beat 4, Rawatpara/' >"$T/changed.json"
run term a fir register "$T/changed.json" --key "$key"
assert_eq 4 "$RC" "the same key with different content is refused (exit 4)"
assert_match "$OUT" 'conflict|already used' "... and the terminal says the key was used for other content"
assert_eq 1 "$(sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION")" "still one FIR"

# A key is the station's own: another station sending it never gets station A's receipt.
run term b fir register "$SAMPLE" --key "$key"
case "$RC" in
0) assert_contains "$OUT" "registered at $B_NAME" "station B reusing A's key gets its own FIR" ;;
4) ok "station B reusing A's key is refused" ;;
*) fail "station B reusing A's key: exit $RC" ;;
esac
assert_not_contains "$OUT" "$A_NAME" "... and never sees station A's receipt"

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "a new key gives a new FIR"
assert_eq "0002/${first#*/}" "$(fir_number "$OUT")" "... numbered next, no gap from the refused one"

run term a fir register "$SAMPLE" --key nothex
assert_eq 2 "$RC" "a malformed --key is a usage error (exit 2)"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

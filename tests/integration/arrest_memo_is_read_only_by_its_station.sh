#!/usr/bin/env bash
# arrest_memo_is_read_only_by_its_station: another station can neither read an arrest memo of
# station A's case nor record one in it (exit 6, as if it did not exist), even with station
# A's idempotency key; station A reads it back.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the FIR"
number=$(fir_number "$OUT")
sleep 1
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(date -Iseconds)\"/g" "$SRC/deploy/samples/arrest.json" \
	>"$T/arrest.json"
key=$(openssl rand -hex 16)
run term a arrest register "$number" "$T/arrest.json" --key "$key"
assert_eq 0 "$RC" "station A records the arrest"
assert_match "$OUT" '^Arrest memo A1 ' "... as A1"

run term b arrest show "$number" A1
assert_eq 6 "$RC" "station B cannot read station A's arrest memo (exit 6)"
assert_not_contains "$OUT" "Sonu" "... and sees nothing of it"
run term b arrest register "$number" "$T/arrest.json" --key "$key"
assert_eq 6 "$RC" "station B cannot record an arrest in station A's case, even with A's key (exit 6)"
assert_eq 1 "$(sql 'SELECT count(*) FROM core.arrest')" "one memo is stored"

run term a arrest show "$number" A1
assert_eq 0 "$RC" "station A reads its memo"
assert_match "$OUT" '^   Name +Sonu Kumar$' "... with the person"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

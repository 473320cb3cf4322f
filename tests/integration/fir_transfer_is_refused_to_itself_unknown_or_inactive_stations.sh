#!/usr/bin/env bash
# fir_transfer_is_refused_to_itself_unknown_or_inactive_stations: a transfer names its target
# by codes, and the target must be another station, in the register and active (exit 3
# naming "to"); only the FIR's own station transfers it (exit 6 elsewhere, even with its
# key); only a registered FIR or one under investigation moves (exit 4 otherwise). A refused
# transfer stores nothing: no FIR at the target, no diary entry, the status unchanged.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers an FIR"
number=$(fir_number "$OUT")

# transfer_to NAME STATE DISTRICT STATION: $T/NAME.json, the sample transfer to those codes.
transfer_to() {
	sed -e "s/\"state_code\": 9, \"district_code\": 119, \"station_code\": 2001/\"state_code\": $2, \"district_code\": $3, \"station_code\": $4/" \
		"$SRC/deploy/samples/fir-transfer.json" >"$T/$1.json"
}

transfer_to self $A_STATE $A_DISTRICT $A_STATION
run term a fir transfer "$number" "$T/self.json"
assert_eq 3 "$RC" "a transfer to the station itself is refused (exit 3)"
assert_match "$OUT" 'self\.json: to: an FIR is transferred to another station' "... naming to"

transfer_to unknown 9 119 2999
run term a fir transfer "$number" "$T/unknown.json"
assert_eq 3 "$RC" "a transfer to a station not in the register is refused (exit 3)"
assert_match "$OUT" 'unknown\.json: to: there is no police station 9:119:2999' "... naming to"

transfer_to zero 9 119 0
run term a fir transfer "$number" "$T/zero.json"
assert_eq 3 "$RC" "a transfer without a station code is refused (exit 3)"
assert_match "$OUT" 'to\.station_code' "... naming to.station_code"

sql "UPDATE ref.station SET active = false WHERE station_code = $B_STATION"
run term a fir transfer "$number" "$SRC/deploy/samples/fir-transfer.json"
assert_eq 3 "$RC" "a transfer to an inactive station is refused (exit 3)"
assert_match "$OUT" 'fir-transfer\.json: to: .*not active' "... naming to"
sql "UPDATE ref.station SET active = true WHERE station_code = $B_STATION"

key=$(openssl rand -hex 16)
run term b fir transfer "$number" "$SRC/deploy/samples/fir-transfer.json" --key "$key"
assert_eq 6 "$RC" "another station cannot transfer station A's FIR (exit 6)"
run term b fir transfer "$number" "$SRC/deploy/samples/fir-transfer.json" --key "$key"
assert_eq 6 "$RC" "... not even again with the same key"

assert_eq "registered|0" "$(sql "SELECT (SELECT status FROM core.fir WHERE station_code = $A_STATION),
	(SELECT count(*) FROM core.fir WHERE station_code = $B_STATION)")" \
	"nothing was stored: A's FIR is registered, B has no FIR"
assert_eq 0 "$(sql "SELECT count(*) FROM core.gd_entry WHERE kind = 'fir_transfer'")" \
	"... and no diary has a transfer entry"

# A case that has moved on (charge-sheeted) is no longer transferred.
sql "UPDATE core.fir SET status = 'under_investigation' WHERE station_code = $A_STATION" >/dev/null
sql "UPDATE core.fir SET status = 'charge_sheeted' WHERE station_code = $A_STATION" >/dev/null
run term a fir transfer "$number" "$SRC/deploy/samples/fir-transfer.json"
assert_eq 4 "$RC" "a charge-sheeted FIR is not transferred (exit 4)"
assert_contains "$OUT" "is charge_sheeted: an FIR is transferred only while it is registered or under_investigation" \
	"... the message says why"

run term a fir register "$SAMPLE"
second=$(fir_number "$OUT")
run term a case assign-io "$second" "$SRC/deploy/samples/assign-io.json"
assert_eq 0 "$RC" "a second FIR goes under investigation"
run term a fir transfer "$second" "$SRC/deploy/samples/fir-transfer.json"
assert_eq 0 "$RC" "an FIR under investigation is transferred"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

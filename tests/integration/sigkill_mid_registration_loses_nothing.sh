#!/usr/bin/env bash
# sigkill_mid_registration_loses_nothing: cctns-server is killed with SIGKILL while 20
# terminals are registering; after a restart every FIR a terminal was told about is stored,
# no FIR lacks its charges, complainant or property (nothing half-written), the numbers stay
# gapless, and a terminal that retries with its idempotency key gets exactly one FIR.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
N=20
PER=5 # registrations per terminal, one after another

for i in $(seq 1 $N); do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	terminal_conf "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i"
	for j in $(seq 1 $PER); do openssl rand -hex 16 >"$T/key.$i.$j"; done
done

# Terminal i registers PER FIRs, each with its own key, and records what it was told.
terminal() {
	local i=$1 j rc
	for j in $(seq 1 $PER); do
		rc=0
		timeout 60 "$BIN/cctns" --config "$T/t$i.conf" fir register "$SAMPLE" --no-queue \
			--key "$(cat "$T/key.$i.$j")" >"$T/out.$i.$j" 2>&1 || rc=$?
		echo "$rc" >"$T/rc.$i.$j"
	done
}
pids=()
for i in $(seq 1 $N); do
	terminal "$i" &
	pids+=($!)
done

# Kill the server once some FIRs are in, with the rest in flight.
for _ in $(seq 1 300); do
	c=$(sql 'SELECT count(*) FROM core.fir')
	[ "$c" -ge 15 ] && break
	sleep 0.05
done
server_kill
log "killed cctns-server with $c FIRs stored"
for p in "${pids[@]}"; do wait "$p" || true; done

told=0 refused=0
for i in $(seq 1 $N); do
	for j in $(seq 1 $PER); do
		rc=$(cat "$T/rc.$i.$j")
		case "$rc" in
		0) told=$((told + 1)) ;;
		5) refused=$((refused + 1)) ;;
		*) fail "terminal $i, FIR $j: exit $rc (want 0, or 5 unreachable): $(cat "$T/out.$i.$j")" ;;
		esac
	done
done
log "terminals were told of $told FIRs; $refused registrations saw the server go away"
[ "$refused" -gt 0 ] || fail "the kill came too late: no registration was in flight"
ok "registrations in flight fail with exit 5 (unavailable)"

server_start
year=$YEAR # reassigned below from each FIR number
for i in $(seq 1 $N); do
	for j in $(seq 1 $PER); do
		[ "$(cat "$T/rc.$i.$j")" = 0 ] || continue
		n=$(fir_number "$(cat "$T/out.$i.$j")")
		[ -n "$n" ] || fail "terminal $i exit 0 without an FIR number"
		year=${n#*/}
		echo "$n" >>"$T/told"
		found=$(sql "SELECT count(*) FROM core.fir WHERE state_code = $A_STATE
			AND district_code = $A_DISTRICT AND station_code = $A_STATION
			AND year = ${n#*/} AND fir_no = $((10#${n%/*}))")
		[ "$found" = 1 ] || fail "FIR $n was reported to terminal $i but is not stored"
	done
done
ok "every FIR a terminal was told about is stored ($told)"
assert_eq "$told" "$(sort -u "$T/told" | wc -l)" "no number was told twice"

half=$(sql "SELECT count(*) FROM core.fir f WHERE
	NOT EXISTS (SELECT 1 FROM core.fir_charge c WHERE (c.state_code, c.year, c.fir_id) = (f.state_code, f.year, f.fir_id))
	OR NOT EXISTS (SELECT 1 FROM core.fir_person p WHERE (p.state_code, p.year, p.fir_id) = (f.state_code, f.year, f.fir_id) AND p.role = 'complainant')
	OR NOT EXISTS (SELECT 1 FROM core.fir_person p WHERE (p.state_code, p.year, p.fir_id) = (f.state_code, f.year, f.fir_id) AND p.role = 'unknown_accused')
	OR NOT EXISTS (SELECT 1 FROM core.fir_property p WHERE (p.state_code, p.year, p.fir_id) = (f.state_code, f.year, f.fir_id))")
assert_eq 0 "$half" "no FIR lacks its charges, complainant, accused or property"
charges=$(sql "SELECT count(*) FROM core.fir_charge")
firs=$(sql "SELECT count(*) FROM core.fir")
assert_eq $((firs * 2)) "$charges" "every FIR has both its charges"
assert_eq "$firs|1|$firs" "$(sql "SELECT count(DISTINCT fir_no), min(fir_no), max(fir_no) FROM core.fir
	WHERE station_code = $A_STATION AND year = $year")" "the stored numbers are gapless"

# Retry everything that failed with its own key: the server either finds the FIR that
# committed before the kill or registers it now; either way one FIR per key.
for i in $(seq 1 $N); do
	for j in $(seq 1 $PER); do
		[ "$(cat "$T/rc.$i.$j")" = 0 ] && continue
		run timeout 60 "$BIN/cctns" --config "$T/t$i.conf" fir register "$SAMPLE" --no-queue \
			--key "$(cat "$T/key.$i.$j")"
		[ "$RC" = 0 ] || fail "retry of terminal $i, FIR $j: exit $RC"
	done
done
total=$((N * PER))
assert_eq "$total|$total|1|$total" "$(sql "SELECT count(*), count(DISTINCT fir_no), min(fir_no), max(fir_no)
	FROM core.fir WHERE station_code = $A_STATION AND year = $year")" \
	"after the retries: $total FIRs, one per key, numbered 1..$total"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

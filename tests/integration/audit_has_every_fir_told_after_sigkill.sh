#!/usr/bin/env bash
# audit_has_every_fir_told_after_sigkill: cctns-server is killed with SIGKILL while 12
# terminals are registering. The server answers a write only once its audit record is
# committed, so every FIR a terminal was told about has its register_fir record in
# audit.log; the killed server's chain still verifies (its head moved with each batch), and
# the restarted server starts a chain of its own.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
N=12
PER=5

for i in $(seq 1 $N); do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	terminal_conf "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i"
done
terminal() {
	local i=$1 j rc
	for j in $(seq 1 $PER); do
		rc=0
		timeout 60 "$BIN/cctns" --config "$T/t$i.conf" fir register "$SAMPLE" --no-queue \
			>"$T/out.$i.$j" 2>&1 || rc=$?
		echo "$rc" >"$T/rc.$i.$j"
	done
}
pids=()
for i in $(seq 1 $N); do
	terminal "$i" &
	pids+=($!)
done
for _ in $(seq 1 300); do
	c=$(sql 'SELECT count(*) FROM core.fir')
	[ "$c" -ge 10 ] && break
	sleep 0.05
done
server_kill
log "killed cctns-server with $c FIRs stored"
for p in "${pids[@]}"; do wait "$p" || true; done

told=0 refused=0
for i in $(seq 1 $N); do
	for j in $(seq 1 $PER); do
		case "$(cat "$T/rc.$i.$j")" in
		0)
			told=$((told + 1))
			n=$(fir_number "$(cat "$T/out.$i.$j")")
			[ -n "$n" ] || fail "terminal $i exit 0 without an FIR number"
			a=$(sql "SELECT count(*) FROM audit.log WHERE action = 'register_fir'
				AND outcome = 'ok' AND record = '$n' AND terminal = 'desk-$i'") # n: digits/digits
			[ "$a" = 1 ] || fail "FIR $n was told to terminal $i but has $a audit records"
			;;
		5) refused=$((refused + 1)) ;;
		*) fail "terminal $i, FIR $j: exit $(cat "$T/rc.$i.$j"): $(cat "$T/out.$i.$j")" ;;
		esac
	done
done
[ "$refused" -gt 0 ] || fail "the kill came too late: no registration was in flight"
ok "every FIR a terminal was told about ($told) has its audit record; $refused saw the kill"
assert_eq 0 "$(sql "SELECT count(*) FROM audit.chain WHERE closed_at IS NOT NULL")" \
	"the killed server's chain was not closed"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the killed server's chain verifies"

server_start
run term a fir show 1/$(date +%Y)
for _ in $(seq 1 100); do
	[ "$(sql "SELECT count(*) FROM audit.chain")" = 2 ] && break
	sleep 0.1
done
assert_eq 2 "$(sql "SELECT count(*) FROM audit.chain")" "the restarted server writes a chain of its own"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "both chains verify"
assert_match "$OUT" '^audit: 2 chains, [0-9]+ records, verified$' "... and verify says so"
sanitizer_clean

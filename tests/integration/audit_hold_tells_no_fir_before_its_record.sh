#!/usr/bin/env bash
# audit_hold_tells_no_fir_before_its_record: the server answers a write only once its audit
# record has committed. A psql session holds LOCK audit.chain, so no audit batch can commit.
# Group 1: six terminals register; their FIRs commit, yet no terminal is told while the lock
# is held; released, every one is told and each FIR told has its register_fir record.
# Group 2: the lock is taken again, six terminals register, their FIRs commit, no terminal is
# told, cctns-server is killed with SIGKILL while the lock is held; released, every terminal
# has failed (exit 5: not told), and every FIR any terminal was told about has its record.
# The killed server's chain is left open and still verifies (its head moved with each batch);
# the restarted server writes a chain of its own and both verify. Without the hold (answering
# before the audit record) group 1 is told while the lock is held and this test fails. (It
# replaces audit_has_every_fir_told_after_sigkill, whose kill raced the answers and could not
# fail; its chain checks are the last ones here.)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
N=6
for i in $(seq 1 $N); do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	terminal_conf "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i"
done

fir_count() { sql 'SELECT count(*) FROM core.fir'; }
# register GROUP: every terminal registers one FIR in the background.
register() {
	local i
	PIDS=()
	for i in $(seq 1 $N); do
		(
			rc=0
			timeout 60 "$BIN/cctns" --config "$T/t$i.conf" fir register "$SAMPLE" --no-queue \
				>"$T/out.$1.$i" 2>&1 || rc=$?
			echo "$rc" >"$T/rc.$1.$i"
		) &
		PIDS+=($!)
	done
}
told_so_far() { cat "$T"/rc."$1".* 2>/dev/null | grep -c '^0$' || true; }
# wait_stored N: until N FIRs more than $base are stored (at most 30 s).
wait_stored() {
	local i
	for ((i = 0; i < 300; i++)); do
		[ "$(fir_count)" -ge $((base + $1)) ] && return 0
		sleep 0.1
	done
	fail "only $(($(fir_count) - base)) FIRs stored while the audit was held, expected $1"
}
# has_record GROUP I: the FIR told to terminal I of GROUP has its register_fir record.
check_told() {
	local g=$1 i n a told=0
	for i in $(seq 1 $N); do
		[ "$(cat "$T/rc.$g.$i")" = 0 ] || continue
		told=$((told + 1))
		n=$(fir_number "$(cat "$T/out.$g.$i")")
		[ -n "$n" ] || fail "terminal $i was told without an FIR number"
		a=$(sql "SELECT count(*) FROM audit.log WHERE action = 'register_fir' AND outcome = 'ok'
			AND record = '$n' AND terminal = 'desk-$i'") # n: digits/digits
		[ "$a" = 1 ] || fail "FIR $n was told to terminal $i but has $a audit records"
	done
	TOLD=$told
}

# Group 1: held, then released.
base=$(fir_count)
hold_lock
log "audit.chain locked; group 1 registers"
register 1
wait_stored 3
sleep 2
stored=$(($(fir_count) - base))
assert_eq 0 "$(told_so_far 1)" "no terminal is told while its audit record cannot commit ($stored FIRs stored)"
release_lock
log "lock released"
for p in "${PIDS[@]}"; do wait "$p" || true; done
assert_eq $N "$(told_so_far 1)" "after the release every terminal of group 1 is told"
check_told 1
ok "every FIR told to group 1 ($TOLD) has its register_fir record"

# Group 2: held, SIGKILL, released.
base=$(fir_count)
hold_lock
log "audit.chain locked again; group 2 registers"
register 2
wait_stored 3
sleep 1
stored=$(($(fir_count) - base))
assert_eq 0 "$(told_so_far 2)" "no terminal of group 2 is told while the audit is held ($stored FIRs stored)"
server_kill
log "cctns-server killed with SIGKILL while the audit was held"
release_lock
for p in "${PIDS[@]}"; do wait "$p" || true; done
for i in $(seq 1 $N); do
	rc=$(cat "$T/rc.2.$i")
	[ "$rc" = 0 ] || [ "$rc" = 5 ] || fail "terminal $i: exit $rc: $(cat "$T/out.2.$i")"
done
check_told 2
assert_eq 0 "$TOLD" "no terminal of group 2 was told: the kill came before any record committed"
ok "$stored FIRs of group 2 were stored but never told; the terminals will send them again"

assert_eq 0 "$(sql "SELECT count(*) FROM audit.chain WHERE closed_at IS NOT NULL")" \
	"the killed server's chain was not closed"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the killed server's chain verifies"

server_start
run term a fir show 1/$(date +%Y)
assert_eq 0 "$RC" "the restarted server serves"
for _ in $(seq 1 100); do
	[ "$(sql "SELECT count(*) FROM audit.chain")" = 2 ] && break
	sleep 0.1
done
assert_eq 2 "$(sql "SELECT count(*) FROM audit.chain")" "the restarted server writes a chain of its own"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "every chain verifies, the killed server's too"
assert_match "$OUT" '^audit: 2 chains, [0-9]+ records, verified$' "... and verify says so"
sanitizer_clean

#!/usr/bin/env bash
# audit_hold_tells_no_write_before_its_record: the server answers a write only once its audit
# record has committed. A psql session holds LOCK audit.chain, so no audit batch can commit.
# The writes are General Diary entries (`gd add`): a registration writes its record in its own
# transaction since 0058 (audit_of_a_registration_commits_with_it); the other writes still
# have their records written after them by the worker and are held.
# Group 1: six terminals write an entry; the entries commit, yet no terminal is told while the
# lock is held; released, every one is told and each entry told has its add_gd_entry record.
# Group 2: the lock is taken again, six terminals write, their entries commit, no terminal is
# told, cctns-server is killed with SIGKILL while the lock is held; released, every terminal
# has failed (exit 5: not told), and every entry any terminal was told about has its record.
# The killed server's chain is left open and still verifies (its head moved with each batch);
# the restarted server writes a chain of its own and both verify. Without the hold (answering
# before the audit record) group 1 is told while the lock is held and this test fails.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
GD_SAMPLE=$SRC/deploy/samples/gd-entry.json
N=6
for i in $(seq 1 $N); do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	terminal_conf "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i"
done

entry_count() { sql 'SELECT count(*) FROM core.gd_entry'; }
# register GROUP: every terminal writes one General Diary entry in the background.
register() {
	local i
	PIDS=()
	for i in $(seq 1 $N); do
		(
			rc=0
			timeout 60 "$BIN/cctns" --config "$T/t$i.conf" gd add "$GD_SAMPLE" --no-queue \
				>"$T/out.$1.$i" 2>&1 || rc=$?
			echo "$rc" >"$T/rc.$1.$i"
		) &
		PIDS+=($!)
	done
}
told_so_far() { cat "$T"/rc."$1".* 2>/dev/null | grep -c '^0$' || true; }
# wait_stored N: until N entries more than $base are stored (at most 30 s).
wait_stored() {
	local i
	for ((i = 0; i < 300; i++)); do
		[ "$(entry_count)" -ge $((base + $1)) ] && return 0
		sleep 0.1
	done
	fail "only $(($(entry_count) - base)) entries stored while the audit was held, expected $1"
}
# check_told GROUP: the entry told to each terminal of GROUP has its add_gd_entry record.
check_told() {
	local g=$1 i a told=0
	for i in $(seq 1 $N); do
		[ "$(cat "$T/rc.$g.$i")" = 0 ] || continue
		told=$((told + 1))
		a=$(sql "SELECT count(*) FROM audit.log WHERE action = 'add_gd_entry' AND outcome = 'ok'
			AND terminal = 'desk-$i'")
		[ "$a" = "$g" ] || fail "an entry was told to terminal $i but it has $a audit records, expected $g"
	done
	TOLD=$told
}

# Group 1: held, then released.
base=$(entry_count)
hold_lock
log "audit.chain locked; group 1 writes"
register 1
wait_stored 3
sleep 2
stored=$(($(entry_count) - base))
assert_eq 0 "$(told_so_far 1)" "no terminal is told while its audit record cannot commit ($stored entries stored)"
release_lock
log "lock released"
for p in "${PIDS[@]}"; do wait "$p" || true; done
assert_eq $N "$(told_so_far 1)" "after the release every terminal of group 1 is told"
check_told 1
ok "every entry told to group 1 ($TOLD) has its add_gd_entry record"

# Group 2: held, SIGKILL, released.
base=$(entry_count)
hold_lock
log "audit.chain locked again; group 2 writes"
register 2
wait_stored 3
sleep 1
stored=$(($(entry_count) - base))
assert_eq 0 "$(told_so_far 2)" "no terminal of group 2 is told while the audit is held ($stored entries stored)"
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
ok "$stored entries of group 2 were stored but never told; the terminals will send them again"

assert_eq 0 "$(sql "SELECT count(*) FROM audit.chain WHERE closed_at IS NOT NULL")" \
	"the killed server's chain was not closed"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the killed server's chain verifies"

server_start
run term a hello
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

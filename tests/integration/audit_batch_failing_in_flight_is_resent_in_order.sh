#!/usr/bin/env bash
# audit_batch_failing_in_flight_is_resent_in_order (reg, issue 7): the server pipelines audit
# batches on its own audit connection (several on the wire at once), and a batch that fails
# makes the ones sent after it fail too (they no longer continue the chain's head): they are
# all sent again, in order, and only then are the writes they hold told.
# A psql session holds LOCK audit.chain, so the first batch blocks; six terminals each write a
# General Diary entry (a write whose record the worker writes after it: since 0058 a
# registration writes its own, in its transaction) and the batches of their records queue
# behind it on the wire. A statement trigger on audit.log
# (made here by the test's superuser) is armed to fail the next batch once; the lock is
# released: that batch fails (P0001), those behind it fail (CT409), all are resent after the
# backoff and commit. Every terminal is told, each entry told has its add_gd_entry record, the
# chain verifies, and cctns_audit_failures_total counts at least two failed batches: with one
# batch at a time (before pipelining) only the injected one fails and this test fails.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
GD_SAMPLE=$SRC/deploy/samples/gd-entry.json
N=6
for i in $(seq 1 $N); do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	terminal_conf "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i"
done

assert_eq 1 "$(sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cctns-server-audit'")" \
	"the server has one audit connection of its own"

# The failure to inject: the first audit.log insert after arming (nextval = 2) raises.
sql "CREATE SEQUENCE public.audit_fail_seq;
SELECT setval('public.audit_fail_seq', 1000000);
CREATE FUNCTION public.audit_fail_once() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog AS \$\$
BEGIN
	IF nextval('public.audit_fail_seq') = 2 THEN
		RAISE EXCEPTION 'injected audit failure';
	END IF;
	RETURN NULL;
END \$\$;
CREATE TRIGGER audit_fail_once AFTER INSERT ON audit.log FOR EACH STATEMENT
EXECUTE FUNCTION public.audit_fail_once();" >/dev/null

entry_count() { sql 'SELECT count(*) FROM core.gd_entry'; }
failures() { metrics_sum '^cctns_audit_failures_total$'; }

base=$(entry_count)
failed_before=$(failures)
hold_lock
log "audit.chain locked; $N terminals write"
PIDS=()
for i in $(seq 1 $N); do
	(
		rc=0
		timeout 60 "$BIN/cctns" --config "$T/t$i.conf" gd add "$GD_SAMPLE" --no-queue \
			>"$T/out.$i" 2>&1 || rc=$?
		echo "$rc" >"$T/rc.$i"
	) &
	PIDS+=($!)
	sleep 0.2 # each in its own loop pass: a batch each
done
for ((k = 0; k < 300; k++)); do
	[ "$(entry_count)" -ge $((base + N)) ] && break
	sleep 0.1
done
assert_eq $((base + N)) "$(entry_count)" "the entries commit while the audit is held"
sleep 1
told=$(cat "$T"/rc.* 2>/dev/null | grep -c '^0$' || true)
assert_eq 0 "$told" "no terminal is told while its audit record cannot commit"

sql "SELECT setval('public.audit_fail_seq', 1)" >/dev/null
log "the next audit batch will fail; lock released"
release_lock
for p in "${PIDS[@]}"; do wait "$p" || true; done

failed=$(($(failures) - failed_before))
log "audit batches failed: $failed"
[ "$failed" -ge 2 ] || fail "only $failed audit batch failed: no batch was in flight behind the injected one"
ok "the injected failure failed the batches in flight behind it too ($failed batches)"
[ "$(sql "SELECT last_value FROM public.audit_fail_seq")" -ge 3 ] ||
	fail "no batch was written after the injected failure"
grep -q 'audit_write_failed.*reason=P0001' "$SERVER_LOG" || fail "no audit_write_failed reason=P0001 in the log"

for i in $(seq 1 $N); do
	assert_eq 0 "$(cat "$T/rc.$i")" "terminal $i is told once its batch is resent and written"
	a=$(sql "SELECT count(*) FROM audit.log WHERE action = 'add_gd_entry' AND outcome = 'ok'
		AND terminal = 'desk-$i'")
	assert_eq 1 "$a" "the entry told to terminal $i has exactly one audit record"
done
assert_eq "$(sql "SELECT last_seq FROM audit.chain")" "$(sql "SELECT count(*) FROM audit.log")" \
	"the chain's head is its record count: nothing lost, nothing written twice"

sql "DROP TRIGGER audit_fail_once ON audit.log" >/dev/null
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the chain verifies after the failure and the resend"
sanitizer_clean

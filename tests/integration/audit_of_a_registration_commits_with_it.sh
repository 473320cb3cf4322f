#!/usr/bin/env bash
# audit_of_a_registration_commits_with_it (reg, issue 7, 0058): a registration's audit record is
# written by the registration's own statement, in its transaction, so one commit makes both
# durable and the answer is not held for a second commit.
# - The FIR's row and its register_fir record have the same xmin (one transaction), in a chain
#   of the registering database connection's, started by the server's process (same host and
#   pid as the process's chain); cctns_audit_in_write_total counts it.
# - A trigger (made here by the owner) makes the record's INSERT fail: the registration is
#   refused, no FIR is stored, and the refusal is in the process's chain. With the record
#   written after the FIR (before 0058) the FIR was stored and this part fails.
# - cctns-bench registers for 2 s on four connections: every FIR has exactly one record, in
#   its own transaction; the chains verify; a clean exit closes every chain of the process.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries cctns-bench
stack_up
terminal_conf load-1 "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
fir_count() { sql 'SELECT count(*) FROM core.fir'; }
# same_tx: FIRs whose register_fir record committed in the same transaction as the FIR row.
same_tx() {
	sql "SELECT count(*) FROM core.fir f JOIN audit.log l ON l.xmin::text = f.xmin::text
		AND l.action = 'register_fir' AND l.outcome = 'ok'"
}

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "an FIR is registered"
n=$(fir_number "$OUT")
assert_eq "1" "$(same_tx)" "the FIR and its register_fir record are one transaction"
assert_eq "$n" "$(sql "SELECT record FROM audit.log WHERE action = 'register_fir'")" \
	"... and the record names the FIR's number"
wait_metric cctns_audit_pending == 0
proc=$(sql "SELECT DISTINCT chain_id FROM audit.log WHERE action = 'hello'")
tx=$(sql "SELECT chain_id FROM audit.log WHERE action = 'register_fir'")
[ -n "$proc" ] && [ -n "$tx" ] && [ "$proc" != "$tx" ] || fail "chains: process '$proc', registration '$tx'"
assert_eq "1" "$(sql "SELECT count(*) FROM audit.chain c JOIN audit.chain p USING (host, pid)
	WHERE c.chain_id = '$tx' AND p.chain_id = '$proc'")" \
	"the registration's chain is its connection's, started by the same server process"
assert_eq "1" "$(metric cctns_audit_in_write_total)" "cctns_audit_in_write_total counts it"

# The record cannot be written: nothing is registered.
sql "CREATE FUNCTION public.no_register_record() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog AS \$\$
BEGIN
	IF NEW.action = 'register_fir' AND NEW.outcome = 'ok' THEN
		RAISE EXCEPTION 'injected audit failure';
	END IF;
	RETURN NEW;
END \$\$;
CREATE TRIGGER no_register_record BEFORE INSERT ON audit.log FOR EACH ROW
EXECUTE FUNCTION public.no_register_record();" >/dev/null
before=$(fir_count)
run term a fir register "$SAMPLE" --no-queue
[ "$RC" != 0 ] || fail "the registration was told although its record failed: $OUT"
ok "the registration is refused when its record cannot be written (exit $RC)"
assert_eq "$before" "$(fir_count)" "... and no FIR is stored"
wait_metric cctns_audit_pending == 0
assert_eq "1" "$(sql "SELECT count(*) FROM audit.log WHERE chain_id = '$proc'
	AND action = 'register_fir' AND outcome <> 'ok'")" "the refusal is in the process's chain"
sql "DROP TRIGGER no_register_record ON audit.log; DROP FUNCTION public.no_register_record()" >/dev/null
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "with the trigger gone the registration goes through"

run "$BIN/cctns-bench" --conf "$T/load-%d.conf" --stations 1 --connections 4 --seconds 2 \
	--mix register:1 --fir "$SAMPLE"
assert_eq 0 "$RC" "cctns-bench registers for 2 s on four connections"
regs=$(grep -m 1 '^op=register ' <<<"$OUT" | grep -oE ' ok=[0-9]+' | cut -d= -f2)
[ "${regs:-0}" -ge 20 ] || fail "only ${regs:-0} registrations: $OUT"
total=$(fir_count)
assert_eq "$total" "$(same_tx)" "every one of the $total FIRs has its record in its own transaction"
assert_eq "$total" "$(sql "SELECT count(*) FROM audit.log WHERE action = 'register_fir' AND outcome = 'ok'")" \
	"... and exactly one"
assert_eq "$total" "$(metric cctns_audit_in_write_total)" "cctns_audit_in_write_total counts every one"
chains=$(sql "SELECT count(*) FROM audit.chain")
[ "$chains" -ge 2 ] && [ "$chains" -le 9 ] || fail "$chains chains: the process's and at most 8 connections'"
ok "$chains chains: the process's and its connections'"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
assert_eq "0" "$(sql "SELECT count(*) FROM audit.chain WHERE closed_at IS NULL")" \
	"a clean exit closes every chain of the process"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "every chain verifies"
assert_match "$OUT" "^audit: $chains chains, [0-9]+ records, verified$" "... and verify says so"
sanitizer_clean

#!/usr/bin/env bash
# write_failing_at_commit_is_not_told (reg, issue 7): a write whose statement returns its rows but
# whose transaction then fails at COMMIT (a deferred constraint trigger; 0013's seizure checks are
# deferred) did not happen, and the terminal must not be told it did. The server's pool reads a
# statement's rows, then the Sync; an error between them is the outcome. Before, the pool kept
# the rows and reported success: the terminal was told of an entry and an FIR that were never
# stored, and this test fails.
# Here the owner adds deferred triggers that fail every commit that wrote a General Diary entry
# made by a terminal or an FIR: `gd add` and `fir register` are refused, nothing is stored, the
# refusals are audited; without the triggers both go through.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
GD_SAMPLE=$SRC/deploy/samples/gd-entry.json
count() { sql "SELECT (SELECT count(*) FROM core.gd_entry) || ' ' || (SELECT count(*) FROM core.fir)"; }

sql "CREATE FUNCTION public.fail_at_commit() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog AS \$\$
BEGIN
	RAISE EXCEPTION 'injected failure at commit';
END \$\$;
CREATE CONSTRAINT TRIGGER fail_gd AFTER INSERT ON core.gd_entry DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION public.fail_at_commit();
CREATE CONSTRAINT TRIGGER fail_fir AFTER INSERT ON core.fir DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION public.fail_at_commit();" >/dev/null
before=$(count)
run term a gd add "$GD_SAMPLE" --no-queue
[ "$RC" != 0 ] || fail "the terminal was told of a GD entry whose commit failed: $OUT"
ok "a GD entry whose commit fails is refused (exit $RC)"
run term a fir register "$SAMPLE" --no-queue
[ "$RC" != 0 ] || fail "the terminal was told of an FIR whose commit failed: $OUT"
ok "an FIR whose commit fails is refused (exit $RC)"
assert_eq "$before" "$(count)" "nothing was stored"
wait_metric cctns_audit_pending == 0
assert_eq "0" "$(sql "SELECT count(*) FROM audit.log WHERE outcome = 'ok'
	AND action IN ('add_gd_entry', 'register_fir')")" "no write is audited as done"
assert_eq "2" "$(sql "SELECT count(*) FROM audit.log WHERE outcome <> 'ok'
	AND action IN ('add_gd_entry', 'register_fir')")" "both refusals are audited"

sql "DROP TRIGGER fail_gd ON core.gd_entry; DROP TRIGGER fail_fir ON core.fir" >/dev/null
run term a gd add "$GD_SAMPLE"
assert_eq 0 "$RC" "without the trigger the GD entry is written"
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "without the trigger the FIR is registered"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the chains verify"
sanitizer_clean

#!/usr/bin/env bash
# sign_ins_locks_and_unlocks_are_in_the_audit_chain: a sign-in, failed sign-ins, the lock
# they cause, a refused sign-in while locked, an unlock by cctns-admin and the sign-in after
# it each leave a record in the hash-chained audit.log naming the officer; no record, log line
# or event holds the password; the chains verify.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
officer_add W7 $A_DISTRICT $A_STATION station_writer
terminal_conf_only w "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
PW=$(cat "$OFFICER_PW")
BAD=wrong-$RANDOM-secret
printf '%s\n' "$BAD" >"$T/bad.pw"

audit_rows() {
	sql "SELECT action || ' ' || coalesce(record, '-') || ' ' || outcome || ' ' ||
		coalesce(officer_no, '-') FROM audit.log WHERE action <> 'hello' ORDER BY at, seq"
}

run term_login w W7
assert_eq 0 "$RC" "W7 signs in"
for i in 1 2 3 4 5; do
	run term w login --officer W7 --password-file "$T/bad.pw"
	assert_eq 4 "$RC" "wrong password $i refused"
done
assert_contains "$OUT" "locked" "the fifth failure locks W7"
run term_login w W7
assert_eq 4 "$RC" "the right password is refused while locked"
run "$BIN/cctns-admin" --db "$CCTNS_DB" officer unlock --state $A_STATE --officer-no W7
assert_eq 0 "$RC" "cctns-admin unlocks W7"
run term_login w W7
assert_eq 0 "$RC" "W7 signs in after the unlock"
wait_metric cctns_audit_pending '==' 0 # the audit batch after the last answer
rows=$(audit_rows)
log "audit.log:"
printf '%s\n' "$rows" | sed 's/^/#   /'
assert_eq 2 "$(grep -c '^sign_in officer:W7 ok ok ' <<<"$rows")" "both sign-ins are recorded"
assert_eq 4 "$(grep -c '^sign_in officer:W7 bad_password unauthenticated ' <<<"$rows")" \
	"four failed sign-ins are recorded as such"
assert_eq 1 "$(grep -c '^sign_in officer:W7 bad_password locked unauthenticated ' <<<"$rows")" \
	"the fifth, which locked W7, is recorded as the lock"
assert_eq 1 "$(grep -c '^sign_in officer:W7 locked unauthenticated ' <<<"$rows")" \
	"the sign-in refused while locked is recorded"
assert_eq 1 "$(grep -c '^officer_unlock officer:W7 ok ' <<<"$rows")" "the unlock is recorded"
assert_eq cctns-admin "$(sql "SELECT terminal FROM audit.log WHERE action = 'officer_unlock'")" \
	"... as done by cctns-admin"
for secret in "$PW" "$BAD"; do
	assert_eq 0 "$(psql -X -q -At -d "$CCTNS_DB" -v s="$secret" <<<"SELECT count(*) FROM
		audit.log t WHERE strpos(to_jsonb(t)::text, :'s') > 0")" "no audit record holds a password"
	assert_eq 0 "$(psql -X -q -At -d "$CCTNS_DB" -v s="$secret" <<<"SELECT count(*) FROM
		core.officer_event t WHERE strpos(to_jsonb(t)::text, :'s') > 0")" "no officer event holds one"
	grep -qF -- "$secret" "$SERVER_LOG" && fail "a password is in the server log"
	grep -qF -- "$secret" "$(readlink -f "$T/pg")/postgresql.log" && fail "a password is in the PostgreSQL log"
done
ok "no password in audit.log, core.officer_event, the server log or the PostgreSQL log"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the server's chain and cctns-admin's verify"
assert_match "$OUT" '^audit: 2 chains, [0-9]+ records, verified$' "... both of them"
sanitizer_clean

#!/usr/bin/env bash
# session_idle_on_an_open_connection_is_locked_and_audited (cleanup): an officer's session that
# goes idle while its connection stays open (no new Hello to find it idle) is locked by the
# server at the next request: that request is refused UNAUTHENTICATED ("session locked: sign in
# again"), the lock is a `session_locked` record of its own in the audit chain naming the officer
# ("officer:A1 idle"), and the connection's later requests stay refused. hostile_send holds one
# connection: a read (answered), 4 s of silence (session_idle is 2 s, idle_timeout 60 s), the
# same read twice. The same wait on a connection that keeps being used does not lock.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
SERVER_OFFICER_IDLE=2s
need_binaries hostile_send
stack_up

printf '{"get_fir": {"fir_number": "9999/%s"}}\n' "$YEAR" >"$T/read.json"
audit() { sql "SELECT count(*) FROM audit.log WHERE $1"; }

# In use: reads 1 s apart for 4 s, the session never idles 2 s. Signed in just before: the
# session stack_up opened may be older than session_idle by now on a loaded machine.
term_login a A1 >/dev/null || fail "terminal a signs in"
run "$BIN/hostile_send" --config "$T/a.conf" "$T/read.json" --sleep 1 "$T/read.json" \
	--sleep 1 "$T/read.json" --sleep 1 "$T/read.json" --sleep 1 "$T/read.json"
assert_eq 0 "$RC" "hostile_send is answered every time"
assert_eq 5 "$(grep -c $'^status\tnot_found' <<<"$OUT")" \
	"a connection used every second keeps its officer (every read answered not found)"

# Idle on an open connection: locked at the next request. A fresh sign-in first: the Hello
# above touched the session in the database 4 s ago, and a Hello resuming it now would find it
# idle itself (the path officers_sign_in_and_need_permissions tests), not the open connection.
term_login a A1 >/dev/null || fail "terminal a signs in again"
run "$BIN/hostile_send" --config "$T/a.conf" "$T/read.json" --sleep 4 "$T/read.json" "$T/read.json"
assert_eq 0 "$RC" "hostile_send is answered every time"
mapfile -t lines <<<"$OUT"
assert_match "${lines[0]}" $'^status\tnot_found' "the read before the silence is answered (not found)"
assert_match "${lines[1]}" $'^status\tunauthenticated\t-\tsession locked: sign in again' \
	"the first read after session_idle is refused: session locked"
assert_match "${lines[2]}" $'^status\tunauthenticated\t-\tsession locked' \
	"the connection's next read stays refused"
wait_metric cctns_audit_pending '==' 0 # the audit batch after the answer
assert_eq 1 "$(audit "action = 'session_locked' AND record = 'officer:A1 idle'
	AND outcome = 'unauthenticated' AND terminal = 'desk-1' AND station_code = $A_STATION")" \
	"the lock is one session_locked record in the audit chain naming the officer"
assert_eq 2 "$(audit "action = 'get_fir' AND outcome = 'unauthenticated'")" \
	"both refused reads are audited as refused"
assert_contains "$(grep 'event=session_locked' "$SERVER_LOG")" "officer=A1" \
	"the server log says which officer's session was locked"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the audit chain with the lock verifies"

# The terminal's next connection finds the session idle too (Hello resumes; the database ends it).
run term a fir show "9999/$YEAR"
assert_eq 4 "$RC" "the terminal is refused after the lock (exit 4)"
assert_contains "$OUT" "sign in again" "... and told to sign in again"
sanitizer_clean

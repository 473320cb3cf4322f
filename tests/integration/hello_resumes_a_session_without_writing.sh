#!/usr/bin/env bash
# hello_resumes_a_session_without_writing (hs, issue 7, 0062): a Hello with a session token
# reads the session and writes only when there is something to write.
# - A Hello a moment after the last leaves the session row as it was (same row version, same
#   last_seen); one whose last_seen is two minutes old sets it (session_idle 30m: at most a
#   minute's lag).
# - A session row locked by another transaction does not hold a Hello up (0043 locked it).
# - Idle past session_idle is still refused and ends the session; an ended session is refused.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# row: the row version and last_seen of terminal a's open session.
OPEN="station_code = $A_STATION AND terminal = 'desk-1' AND ended_at IS NULL"
SESSION="core.officer_session WHERE $OPEN"
row() { sql "SELECT xmin || ' ' || last_seen FROM $SESSION"; }

run term a whoami
assert_eq 0 "$RC" "terminal a's session works"
before=$(row)
[ -n "$before" ] || fail "terminal a has no open session"
run term a whoami
assert_eq 0 "$RC" "a Hello right after the last is resumed"
assert_eq "$before" "$(row)" "... and writes nothing: same row version, same last_seen"

su_sql "UPDATE core.officer_session SET last_seen = now() - interval '2 minutes' WHERE $OPEN" >/dev/null
aged=$(row)
run term a whoami
assert_eq 0 "$RC" "a Hello two minutes after the last is resumed"
[ "$(row)" != "$aged" ] || fail "the Hello did not set last_seen"
assert_eq t "$(sql "SELECT last_seen > now() - interval '30 seconds' FROM $SESSION")" \
	"... and sets last_seen to now"

# Another transaction holds the session row locked; a Hello reads past it.
psql -X -q -d "host=$CCTNS_PGHOST port=5432 dbname=cctns user=postgres" -c "BEGIN; SELECT 1 FROM $SESSION FOR UPDATE;
	SELECT pg_sleep(30) /* cctns-itest-blocker */" >/dev/null 2>&1 &
BLOCKER=$!
for ((i = 0; i < 100; i++)); do
	[ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%cctns-itest-blocker%'
		AND state = 'active' AND pid <> pg_backend_pid()")" = 1 ] && break
	sleep 0.1
done
[ "$i" -lt 100 ] || fail "the blocking session did not start"
started=$(date +%s%N)
RC=0
OUT=$(timeout 10 "$BIN/cctns" --config "$T/a.conf" whoami 2>&1) || RC=$?
ms=$((($(date +%s%N) - started) / 1000000))
su_sql "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE '%cctns-itest-blocker%'
	AND pid <> pg_backend_pid()" >/dev/null
wait "$BLOCKER" 2>/dev/null || true
assert_eq 0 "$RC" "a Hello is resumed while another transaction holds the session row ($ms ms)"
[ "$ms" -lt 5000 ] || fail "the Hello waited for the lock: $ms ms"
ok "... without waiting for that lock"

su_sql "UPDATE core.officer_session SET last_seen = now() - interval '31 minutes' WHERE $OPEN" >/dev/null
run term a whoami
assert_eq 4 "$RC" "a session idle past session_idle is refused"
assert_contains "$OUT" "session locked: sign in again" "... as locked"
assert_eq 0 "$(sql "SELECT count(*) FROM $SESSION")" "... and ended"
run term a whoami
assert_eq 4 "$RC" "the ended session is refused"
assert_contains "$OUT" "session ended: sign in again" "... as ended"

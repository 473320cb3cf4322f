#!/usr/bin/env bash
# officer_local_hello_follows_notifications (hs, issue 7, 0063): with [cache] officer_local = on
# (the default) each worker keeps what api.officer_resume accepted for a session token (the
# officer and permissions, for the terminal that resumed it) and resumes later Hellos with that
# token from that terminal without the database, for a twentieth of session_idle (here 4 min:
# 12 s, longer than any wait below for a change to show, and than the 4 + 8 requests of the
# first check on a loaded machine), while its LISTEN connection is up (server/officercache.h). Two workers:
# - repeated requests (a Hello each) are resumed locally (cctns_officer_local_hits_total);
# - each change that alters a resume is refused or shown within 2 s, at every Hello after:
#   the session ended in the database (a sign-out elsewhere), the officer locked then unlocked,
#   the officer's roles taken away then given back, last_seen set back past session_idle;
# - a resume answered while such a change arrived is not kept;
# - the token copied to another terminal of the station is refused even while held;
# - after the window a Hello asks the database again;
# - a SignOut forgets the session at once; the listeners ended -> no local resume, and a
#   session ended meanwhile is refused at the first Hello; SIGHUP officer_local = off -> none.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
SERVER_WORKERS=2
SERVER_OFFICER_IDLE=4m
stack_up
"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION desk-2 >/dev/null

HITS=cctns_officer_local_hits_total
MISSES=cctns_officer_local_misses_total
OFFICER="(SELECT id FROM core.officer WHERE state_code = $A_STATE AND officer_no = '$A_OFFICER')"
# diary N WHAT: N requests of terminal a that need the officer's permission, each answered.
diary() {
	local i
	for ((i = 1; i <= $1; i++)); do
		run term a gd show
		assert_eq 0 "$RC" "$2: request $i is answered"
	done
}
# refused N TEXT WHAT: N requests of terminal a, each refused (exit 4) with TEXT.
refused() {
	local i
	for ((i = 1; i <= $1; i++)); do
		run term a gd show
		assert_eq 4 "$RC" "$3: request $i is refused"
		assert_contains "$OUT" "$2" "$3: request $i says so"
	done
}
# poll ANSWERED TEXT WHAT [AFTER]: requests until one is answered (ANSWERED=1) or refused with
# TEXT (ANSWERED=0), 2 s at most; then 4 more alike (refused with AFTER, default TEXT).
poll() {
	local t0 i
	t0=$(date +%s%N)
	for ((i = 0; ; i++)); do
		run term a gd show
		if [ "$1" = 1 ]; then
			[ "$RC" = 0 ] && break
		else
			[ "$RC" = 4 ] && grep -qF -- "$2" <<<"$OUT" && break
		fi
		[ $(($(date +%s%N) - t0)) -lt 2000000000 ] || fail "$3 not seen within 2 s ($i requests)"
	done
	ok "$3 seen within $((($(date +%s%N) - t0) / 1000000)) ms ($((i + 1)) requests)"
	if [ "$1" = 1 ]; then diary 4 "$3, after"; else refused 4 "${4:-$2}" "$3, after"; fi
}
relogin() {
	term_login a $A_OFFICER >/dev/null 2>&1 || fail "terminal a signs in again"
}

wait_metric cctns_firlisten_up '==' 2
ok "both workers listen (cctns_fir and cctns_officer)"

# ---------------------------------------------------------------- local resumes
diary 4 "warm-up"
h0=$(settled $HITS)
m0=$(metric $MISSES)
diary 8 "the signed-in terminal"
h1=$(settled $HITS)
m1=$(metric $MISSES)
log "local resumes: $h0 -> $h1, database resumes $m0 -> $m1 over 8 requests"
[ "$h1" -ge $((h0 + 6)) ] || fail "8 Hellos over 2 workers give at least 6 local resumes (got $((h1 - h0)))"
ok "8 requests: $((h1 - h0)) Hellos resumed by the workers without the database"

# ---------------------------------------------------------------- another terminal
terminal_conf_only d2 "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-2"
cp "$T/a.conf.session" "$T/d2.conf.session"
for i in 1 2 3 4; do
	run term d2 gd show
	assert_eq 4 "$RC" "the token copied to desk-2 is refused ($i) while the workers hold it"
	assert_contains "$OUT" "another terminal" "... as opened at another terminal ($i)"
done
diary 2 "terminal a after desk-2's attempts"

# ---------------------------------------------------------------- the session ended elsewhere
f0=$(settled cctns_officer_local_forgets_total)
sql "UPDATE core.officer_session SET ended_at = now() WHERE officer = $OFFICER AND ended_at IS NULL" >/dev/null
poll 0 "session ended: sign in again" "the session ended in the database"
f1=$(settled cctns_officer_local_forgets_total)
[ "$f1" -ge $((f0 + 2)) ] || fail "both workers count the notification (forgets $f0 -> $f1)"
ok "both workers count the notification that made them forget (cctns_officer_local_forgets_total $f0 -> $f1)"
relogin
diary 4 "signed in again"

# ---------------------------------------------------------------- the officer locked, unlocked
sql "UPDATE core.officer SET locked_until = now() + interval '1 hour' WHERE id = $OFFICER" >/dev/null
poll 0 "officer is locked or inactive" "the officer locked in the database"
sql "UPDATE core.officer SET locked_until = NULL WHERE id = $OFFICER" >/dev/null
poll 1 "" "the officer unlocked"

# ---------------------------------------------------------------- roles taken, given back
roles=$(sql "SELECT string_agg(role, ',' ORDER BY role) FROM core.officer_role WHERE officer = $OFFICER")
[[ $roles =~ ^[a-z_,]+$ ]] || fail "officer $A_OFFICER has roles (role codes: '$roles')"
sql "DELETE FROM core.officer_role WHERE officer = $OFFICER" >/dev/null
poll 0 "does not hold the permission" "the officer's roles taken away"
sql "INSERT INTO core.officer_role (officer, role) SELECT $OFFICER, unnest('{$roles}'::text[])" >/dev/null
poll 1 "" "the roles given back"

# ---------------------------------------------------------------- changed while a resume was out
# A resume answered while a cctns_officer notification arrived is not kept: api.officer_resume
# (moved to core for the while) wrapped to sleep 1.5 s after reading, the roles taken away while one Hello waits for it; that
# request is answered with the roles it read, and the next one is refused at once (a kept answer
# would be served for the window, 12 s).
SIG="(int, int, int, text, bytea, int)"
su_sql "ALTER FUNCTION api.officer_resume$SIG SET SCHEMA core;
CREATE FUNCTION api.officer_resume(state int, district int, station int, terminal text,
	token_hash bytea, idle_seconds int)
RETURNS TABLE (refusal text, officer_no text, name text, rank text, roles text[],
	permissions text[], reason text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS \$fn\$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT * FROM core.officer_resume(state, district, station, terminal,
		token_hash, idle_seconds) x LOOP
		PERFORM pg_sleep(1.5);
		RETURN QUERY SELECT r.refusal, r.officer_no, r.name, r.rank, r.roles, r.permissions,
			r.reason;
	END LOOP;
END
\$fn\$;
GRANT EXECUTE ON FUNCTION api.officer_resume$SIG TO cctns_server" >/dev/null
f2=$(settled cctns_officer_local_forgets_total)
sql "SELECT pg_notify('cctns_officer', '*')" >/dev/null # every worker forgets: the next asks
wait_metric cctns_officer_local_forgets_total '>=' $((f2 + 2))
term a gd show >"$T/slow.out" 2>&1 &
slow=$!
server_sleeping || fail "the request's resume did not reach its sleep"
sql "DELETE FROM core.officer_role WHERE officer = $OFFICER" >/dev/null
wait $slow || fail "the request whose resume read the roles before they went is answered"
ok "the request whose resume was out while the roles went is answered with what it read"
su_sql "DROP FUNCTION api.officer_resume$SIG;
ALTER FUNCTION core.officer_resume$SIG SET SCHEMA api" >/dev/null
refused 4 "does not hold the permission" "after a resume answered during the change"
sql "INSERT INTO core.officer_role (officer, role) SELECT $OFFICER, unnest('{$roles}'::text[])" >/dev/null
poll 1 "" "the roles given back again"

# ---------------------------------------------------------------- last_seen set back
sql "UPDATE core.officer_session SET last_seen = now() - interval '241 seconds'
	WHERE officer = $OFFICER AND ended_at IS NULL" >/dev/null
poll 0 "session locked: sign in again" "last_seen set back past session_idle" \
	"session ended: sign in again"
relogin
diary 2 "signed in again"

# ---------------------------------------------------------------- the window
diary 2 "before the window ends"
m2=$(settled $MISSES)
sleep 12.5
diary 2 "after the window"
m3=$(settled $MISSES)
[ "$m3" -ge $((m2 + 1)) ] || fail "after the window (12 s) a Hello asks the database (misses $m2 -> $m3)"
ok "after the window (12 s) the Hellos ask the database again ($((m3 - m2)) of 2: one a worker at least)"

# ---------------------------------------------------------------- SignOut
diary 4 "before the sign-out"
cp "$T/a.conf.session" "$T/kept.session"
run term a logout
assert_eq 0 "$RC" "terminal a signs out"
cp "$T/kept.session" "$T/a.conf.session"
refused 4 "session ended: sign in again" "the token kept past its sign-out"
relogin

# ---------------------------------------------------------------- the listeners ended
diary 4 "before the listeners end"
listeners_end
h4=$(settled $HITS)
diary 4 "while the listeners are down"
sql "UPDATE core.officer_session SET ended_at = now() WHERE officer = $OFFICER AND ended_at IS NULL" >/dev/null
refused 4 "session ended: sign in again" "the session ended while the listeners are down"
assert_eq "$h4" "$(settled $HITS)" "no local resume while the listeners are down"
listeners_back
relogin
diary 8 "after the listeners are back"
h5=$(settled $HITS)
[ "$h5" -gt "$h4" ] || fail "local resumes come back with the listeners"
ok "local resumes come back ($((h5 - h4)) of 8 requests)"

# ---------------------------------------------------------------- officer_local = off
printf '[cache]\nofficer_local = off\n' >>"$T/server.conf"
server_reload
sleep 1
h6=$(settled $HITS)
m6=$(metric $MISSES)
diary 6 "with officer_local = off"
assert_eq "$h6" "$(settled $HITS)" "officer_local = off (SIGHUP): no more local resumes"
[ "$(metric $MISSES)" -ge $((m6 + 6)) ] || fail "... every Hello asks the database"
ok "... every Hello with a token asks the database"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# officers_sign_in_and_need_permissions (signin): an officer signs in on top of the station
# certificate and every request needs a permission of the officer's roles. Without a session a
# request is refused (exit 4, "sign in first"); a station writer may register but not supervise
# or file a final report (exit 4 naming the permission); five wrong passwords lock the officer
# for the lockout time (here 3 s) and the right password is refused meanwhile; a session idle
# past session_idle (here 8 s) is locked; a session does not move to another terminal; an
# officer posted elsewhere is refused; logout ends the session; a one-time code is asked and
# checked when the officer has one. Every sign-in, failure and lock is an event; no password
# appears in the server log, the PostgreSQL log or any table.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
SERVER_OFFICER_LOCKOUT=6s
SERVER_OFFICER_IDLE=8s
stack_up
"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION desk-2 >/dev/null

# The harness signed terminal a in as A1 (every station role).
run term a whoami
assert_eq 0 "$RC" "whoami on a signed-in terminal exits 0"
assert_contains "$OUT" "A1" "whoami names the officer"
assert_contains "$OUT" "station_house_officer" "whoami lists the roles"

# No session: refused before any work.
terminal_conf_only x "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
run term x fir register "$SAMPLE"
assert_eq 4 "$RC" "a request without a signed-in officer exits 4"
assert_contains "$OUT" "sign in first (cctns login)" "... and says to sign in"
run term x whoami
assert_eq 4 "$RC" "whoami without a session exits 4"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.fir')" "nothing was registered"

# A station writer: registers, may not supervise nor file a final report.
officer_add W1 $A_DISTRICT $A_STATION station_writer
terminal_conf_only w "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
run term_login w W1
assert_eq 0 "$RC" "the station writer signs in"
assert_contains "$OUT" "register" "login lists the permissions"
assert_eq 600 "$(stat -c %a "$T/w.conf.session")" "the session file is mode 0600"
run term w fir register "$SAMPLE"
assert_eq 0 "$RC" "a station writer registers an FIR"
number=$(fir_number "$OUT")
run term w case assign-io "$number" "$SRC/deploy/samples/assign-io.json"
assert_eq 4 "$RC" "a station writer may not assign the IO (exit 4)"
assert_contains "$OUT" "permission supervise" "... the refusal names the permission"
run term w final-report file "$number" "$SRC/deploy/samples/final-report.json"
assert_eq 4 "$RC" "a station writer may not file a final report (exit 4)"
assert_contains "$OUT" "permission investigate" "... the refusal names the permission"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.final_report')" "no final report stored"
run term a case assign-io "$number" "$SRC/deploy/samples/assign-io.json"
assert_eq 0 "$RC" "the SHO (A1) assigns the IO"

# The session is bound to its terminal: the token copied to desk-2 is refused.
terminal_conf_only d2 "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-2"
cp "$T/w.conf.session" "$T/d2.conf.session"
run term d2 fir show "$number"
assert_eq 4 "$RC" "a session copied to another terminal is refused"
assert_contains "$OUT" "another terminal" "... saying so"

# An officer posted at station A may not sign in at station B.
terminal_conf_only bx "station-$B_STATE-$B_DISTRICT-$B_STATION-desk-1"
run term_login bx W1
assert_eq 4 "$RC" "an officer posted elsewhere is refused"
assert_contains "$OUT" "not posted at this station" "... saying so"

# Five wrong passwords lock the officer; the right one is refused while locked.
(umask 077 && echo "not-the-password-$RANDOM" >"$T/wrong.pw")
wrong=$(cat "$T/wrong.pw")
for i in 1 2 3 4; do
	run term x login --officer W1 --password-file "$T/wrong.pw"
	assert_eq 4 "$RC" "wrong password $i exits 4"
	assert_contains "$OUT" "officer number or password is wrong" "... with a message"
done
run term x login --officer W1 --password-file "$T/wrong.pw"
assert_eq 4 "$RC" "the fifth wrong password exits 4"
assert_contains "$OUT" "locked" "... and says the officer is locked"
run term_login x W1
assert_eq 4 "$RC" "the right password is refused while locked"
assert_contains "$OUT" "locked" "... saying locked"
run term w fir show "$number"
assert_eq 4 "$RC" "the locked officer's open session is ended too"
assert_eq 5 "$(sql "SELECT count(*) FROM core.officer_event WHERE officer_no = 'W1' AND event = 'sign_in_failed' AND reason = 'bad_password'")" \
	"five failures are events"
assert_eq 1 "$(sql "SELECT count(*) FROM core.officer_event WHERE officer_no = 'W1' AND event = 'locked'")" \
	"the lock is an event"
run term x login --officer NOSUCH --password-file "$T/wrong.pw"
assert_eq 4 "$RC" "an unknown officer is refused"
assert_contains "$OUT" "officer number or password is wrong" "... with the same message"
wait_sql "SELECT locked_until < now() FROM core.officer WHERE officer_no = 'W1'" t 20 ||
	fail "the lock (6 s from the fifth failure) did not pass"
run term_login x W1
assert_eq 0 "$RC" "after the lockout the right password signs in"
assert_eq 2 "$(sql "SELECT count(*) FROM core.officer_event WHERE officer_no = 'W1' AND event = 'sign_in'")" \
	"sign-ins are events (before and after the lock)"

# Idle: a session unused past session_idle is locked.
run term x whoami
assert_eq 0 "$RC" "the session works"
sleep 9
run term x whoami
assert_eq 4 "$RC" "a session idle past session_idle is refused"
assert_contains "$OUT" "session locked: sign in again" "... as locked"
assert_eq 1 "$(sql "SELECT count(*) FROM core.officer_event WHERE officer_no = 'W1' AND reason = 'idle'")" \
	"the idle lock is an event"
idle_q="SELECT count(*) FROM audit.log WHERE action = 'hello' AND record = 'officer:W1 idle'"
wait_sql "$idle_q" 1 || true # the audit batch goes after the answer
assert_eq 1 "$(sql "$idle_q")" "the idle lock is in the audit chain: the Hello that found it names the officer (0037)"

# Logout ends the session.
run term_login x W1
run term x logout
assert_eq 0 "$RC" "logout exits 0"
[ ! -e "$T/x.conf.session" ] || fail "logout leaves the session file"
ok "logout removes the session file"
run term x whoami
assert_eq 4 "$RC" "after logout requests are refused"

# One-time codes.
run "$BIN/cctns-admin" --db "$CCTNS_DB" officer otp --state $A_STATE --officer-no W1 --enable
assert_eq 0 "$RC" "otp --enable exits 0"
secret=$(sed -n 's/^secret (base32, shown once): //p' <<<"$OUT")
[ -n "$secret" ] || fail "no secret printed"
totp() { # the code of $secret now
	python3 -c 'import base64,hmac,hashlib,struct,sys,time
k=base64.b32decode(sys.argv[1]+"="*(-len(sys.argv[1])%8)); c=int(time.time())//30
h=hmac.new(k,struct.pack(">Q",c),hashlib.sha1).digest(); o=h[-1]&15
print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$secret"
}
run term_login x W1
assert_eq 4 "$RC" "without the one-time code sign-in is refused"
assert_contains "$OUT" "one-time code is required" "... asking for it"
code=$(totp)
bad=$(printf '%06d' $(((10#$code + 500000) % 1000000)))
run term x login --officer W1 --password-file "$OFFICER_PW" --otp "$bad"
assert_eq 4 "$RC" "a wrong one-time code is refused"
assert_eq 1 "$(sql "SELECT count(*) FROM core.officer_event WHERE officer_no = 'W1' AND reason = 'bad_otp'")" \
	"... and counted"
run term x login --officer W1 --password-file "$OFFICER_PW" --otp "$(totp)"
assert_eq 0 "$RC" "the right one-time code signs in"

# A write queued offline is kept, not refused, when nobody is signed in at delivery.
run term_login w A1
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
run term w fir register "$SAMPLE"
assert_eq 0 "$RC" "with the server down the write is queued"
assert_contains "$OUT" "OFF-" "... with an offline receipt"
rm -f "$T/w.conf.session"
server_start
run term w sync
assert_eq 5 "$RC" "sync without a signed-in officer delivers nothing (exit 5: records left queued)"
assert_contains "$OUT" "sign in first" "... and says to sign in"
run term w outbox list
assert_contains "$OUT" "queued" "the write stays queued, not set aside as refused"
run term_login w A1
run term w sync
assert_eq 0 "$RC" "after login sync delivers it"
assert_match "$OUT" "OFF-.* -> FIR [0-9]+/[0-9]{4}" "... as an FIR"

# No password anywhere: server log, PostgreSQL log, any table (a dump of the database).
password=$(cat "$OFFICER_PW")
pg_dump -h "$CCTNS_PGHOST" -U cctns_owner -d cctns >"$T/dump.sql"
while IFS= read -r f; do
	! grep -qF -- "$password" "$f" || fail "the password is in $f"
	! grep -qF -- "$wrong" "$f" || fail "a wrong password is in $f"
done < <(printf '%s\n' "$SERVER_LOG" "$T/dump.sql" "$(readlink -f "$T/pg")/postgresql.log")
[ -s "$(readlink -f "$T/pg")/postgresql.log" ] || fail "no PostgreSQL log to search"
ok "no password in the logs or tables"
grep -q 'argon2id' "$T/dump.sql" || fail "no Argon2id verifier in the dump"
ok "passwords are stored as Argon2id verifiers"

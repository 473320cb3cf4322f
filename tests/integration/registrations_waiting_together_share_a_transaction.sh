#!/usr/bin/env bash
# registrations_waiting_together_share_a_transaction (reg, issue 7): FIR registrations that
# wait for a database connection at the same moment go in one transaction ([database] group,
# server/pool.c "Groups"), each in its own savepoint, answered once it has committed.
# - One pool connection; a session holds core.idempotency locked, so the first registration
#   takes the connection and waits. Four more (station B; an unknown section at A; two at A
#   with the same key), sent by terminals that said Hello before (hostile_send, holding its
#   connection open), queue behind it, B's first. When the lock goes, the four go as one group
#   (cctns_pool_groups_total 1, 4 statements), in station order (A's before B's): the FIRs of
#   the group have one now(); the bad section is refused with its field named, and uses up no
#   FIR number (A's numbers stay gapless); the same key gives one FIR, the second answer a
#   replay of it; every FIR has its audit record; the chains verify.
# - A group whose COMMIT fails (a deferred trigger made here refuses one FIR at commit) is
#   rolled back as a whole; its members run again alone (cctns_pool_group_retries_total): the
#   refused one is refused, the others are registered.
# - group = 1 (SIGHUP): the same wait gives no group.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries hostile_send
SERVER_POOL_SIZE=1
stack_up
printf '[database]\nwait = 30s\n' >>"$T/server.conf"
server_reload
for n in a2 a3 a4; do terminal_conf "$n" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"; done
terminal_conf b2 "station-$B_STATE-$B_DISTRICT-$B_STATION-desk-1"
# Prepared on the one connection before the measured part; A's FIR 0001, B's 0001.
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers"
run term b fir register "$SAMPLE"
assert_eq 0 "$RC" "station B registers"
# reg_json NAME KEY [JQ]: $T/NAME.json, a RegisterFir envelope of the sample (changed by JQ)
# with the idempotency key KEY (base64 of 16 bytes); $T/probe.json asks for A's first FIR.
reg_json() {
	jq -c --arg k "$2" "{register_fir: {idempotency_key: \$k, fir: (. | ${3:-.})}}" "$SAMPLE" \
		>"$T/$1.json" || fail "cannot build $1.json"
}
new_key() { head -c 16 /dev/urandom | base64; }
printf '{"get_fir": {"fir_number": "0001/%s"}}\n' "$YEAR" >"$T/probe.json"

BLOCKER=""
# hold_idempotency: a session holding core.idempotency locked (SHARE: registrations wait at
# their INSERT), until release.
hold_idempotency() {
	psql -X -q -d "$CCTNS_DB" -c "BEGIN; LOCK TABLE core.idempotency IN SHARE MODE;
		SELECT pg_sleep(120) /* cctns-itest-blocker */" >/dev/null 2>&1 &
	BLOCKER=$!
	local i
	for ((i = 0; i < 100; i++)); do
		[ "$(sql "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
			WHERE c.relname = 'idempotency' AND l.mode = 'ShareLock' AND l.granted")" = 1 ] && return 0
		sleep 0.1
	done
	fail "the blocking session did not get its lock"
}
release() {
	sql "SELECT pg_cancel_backend(pid) FROM pg_stat_activity
		WHERE query LIKE '%cctns-itest-blocker%' AND pid <> pg_backend_pid()" >/dev/null
	wait "$BLOCKER" 2>/dev/null || true
}
# waiting_backend: wait until the server's connection waits for a lock.
waiting_backend() {
	local i
	for ((i = 0; i < 100; i++)); do
		[ "$(su_sql "SELECT count(*) FROM pg_stat_activity WHERE usename = 'cctns_server'
			AND wait_event_type = 'Lock'")" -ge 1 ] && return 0
		sleep 0.1
	done
	fail "the first registration never waited for the lock"
}
# bg NAME ARGS...: a command in the background, its output in $T/out.NAME and exit status in
# $T/rc.NAME; settle waits for all of them (not for the server, also a child).
BG=()
bg() {
	local name=$1
	shift
	(
		rc=0
		"$@" >"$T/out.$name" 2>&1 || rc=$?
		echo "$rc" >"$T/rc.$name"
	) &
	BG+=($!)
}
# later NAME CONF FILE [S]: terminal CONF says Hello and asks $T/probe.json now, then sends
# FILE on the same connection $LATER_S (or S) seconds later (queued behind the waiting
# registration).
# Not much longer: the registration on the connection waits on the lock until the later ones
# queue, and the server gives a statement 10 s (at LATER_S=10 it was answered unavailable).
LATER_S=6
later() {
	bg "$1" "$BIN/hostile_send" --config "$T/$2.conf" "$T/probe.json" --sleep "${4:-$LATER_S}" "$3"
}
# greeted NAME...: wait until each of them had its probe answered (it is connected).
greeted() {
	local n i
	for n in "$@"; do
		for ((i = 0; i < 100; i++)); do
			[ -s "$T/out.$n" ] && break
			sleep 0.1
		done
		[ -s "$T/out.$n" ] || fail "terminal $n did not connect"
	done
}
# answer NAME: the last line hostile_send printed for NAME; fir_of LINE: its FIR number.
answer() { tail -n 1 "$T/out.$1"; }
fir_of() { grep -oE '"fir_number": *"[0-9]+/[0-9]{4}"' <<<"$1" | grep -oE '[0-9]+/[0-9]{4}'; }
settle() {
	wait "${BG[@]}"
	BG=()
}
rc_of() { cat "$T/rc.$1"; }

# ---------------------------------------------------------------- a group of four
g0=$(metric cctns_pool_groups_total)
s0=$(metric cctns_pool_grouped_statements_total)
assert_eq 0 "$g0" "no group yet: every registration so far went alone"
key=$(new_key)
reg_json b "$(new_key)"
reg_json bad "$(new_key)" '.charges[1].section = "999(9)"'
reg_json k "$key"
later b b2 "$T/b.json" $((LATER_S - 1)) # first in the queue
later bad a2 "$T/bad.json"
later k1 a3 "$T/k.json"
later k2 a4 "$T/k.json"
greeted b bad k1 k2
hold_idempotency
bg first term a fir register "$SAMPLE"
waiting_backend
wait_metric cctns_pool_queue_depth == 4
ok "four registrations wait for the connection"
release
settle
assert_eq 0 "$(rc_of first)" "the first registration went through once the lock was gone"
assert_eq 1 "$(($(metric cctns_pool_groups_total) - g0))" "the four waiting went as one group"
assert_eq 4 "$(($(metric cctns_pool_grouped_statements_total) - s0))" "... of four statements"
assert_eq 0 "$(metric cctns_pool_group_retries_total)" \
	"... and none sent again: one member's error did not fail the group"
assert_match "$(answer b)" '^ok' "station B's registration in the group is registered"
assert_eq "0002/$YEAR" "$(fir_of "$(answer b)")" "... as B's second FIR"
assert_match "$(answer bad)" '^status	invalid_argument	fir\.charges\[1\]\.section' \
	"the unknown section in the group is refused, naming the field"
assert_match "$(answer k1)" '^ok' "the first of the two with one key is answered"
assert_match "$(answer k2)" '^ok' "the second of the two with one key is answered"
n1=$(fir_of "$(answer k1)")
n2=$(fir_of "$(answer k2)")
assert_eq "$n1" "$n2" "the same key gives the same FIR ($n1) in the group"
replays=$( (answer k1; answer k2) | grep -cE '"replayed" *: *true' || true)
assert_eq 1 "$replays" "... one of the answers marked as a replay"
assert_eq "1 2 3" "$(sql "SELECT string_agg(fir_no::text, ' ' ORDER BY fir_no) FROM core.fir
	WHERE station_code = $A_STATION")" \
	"station A's numbers are gapless: the refused member used up none"
# (each member writes in its own subtransaction, so xmin differs; now() is the transaction's)
assert_eq 1 "$(sql "SELECT count(DISTINCT registered_at) FROM core.fir
	WHERE (station_code = $A_STATION AND fir_no = 3) OR (station_code = $B_STATION AND fir_no = 2)")" \
	"the group's two FIRs were written by one transaction (the same now())"
assert_eq 2 "$(sql "SELECT count(DISTINCT registered_at) FROM core.fir
	WHERE station_code = $A_STATION AND fir_no IN (2, 3)")" \
	"... and the first registration by another"
# Station order (9/118/$A_STATION before 9/119/$B_STATION), not the order of arrival (B's came
# a second before the others): ids are drawn as the FIRs are written.
assert_eq t "$(sql "SELECT (SELECT fir_id FROM core.fir WHERE station_code = $A_STATION AND fir_no = 3)
	< (SELECT fir_id FROM core.fir WHERE station_code = $B_STATION AND fir_no = 2)")" \
	"the group ran in station order: A's registration before B's, which had come first"
assert_eq 0 "$(sql "SELECT count(*) FROM core.fir f WHERE NOT EXISTS (SELECT 1 FROM audit.log l
	WHERE l.xmin::text = f.xmin::text AND l.action = 'register_fir' AND l.outcome = 'ok'
	AND l.record = lpad(f.fir_no::text, 4, '0') || '/' || f.year)")" \
	"every FIR has its register_fir record, written with it"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "every chain verifies"

# ---------------------------------------------------------------- a group whose COMMIT fails
sql "CREATE FUNCTION public.refuse_at_commit() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog AS \$\$
BEGIN
	IF NEW.brief_facts LIKE '%REFUSE-AT-COMMIT%' THEN
		RAISE EXCEPTION 'injected failure at commit';
	END IF;
	RETURN NULL;
END \$\$;
CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON core.fir DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION public.refuse_at_commit();" >/dev/null
reg_json c1 "$(new_key)"
reg_json c2 "$(new_key)" '.brief_facts = "REFUSE-AT-COMMIT " + .brief_facts'
reg_json c3 "$(new_key)"
before_a=$(sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION")
before_b=$(sql "SELECT count(*) FROM core.fir WHERE station_code = $B_STATION")
r0=$(metric cctns_pool_group_retries_total)
g1=$(metric cctns_pool_groups_total)
later c1 b2 "$T/c1.json"
later c2 a2 "$T/c2.json"
later c3 a3 "$T/c3.json"
greeted c1 c2 c3
hold_idempotency
bg first2 term a fir register "$SAMPLE"
waiting_backend
wait_metric cctns_pool_queue_depth == 3
release
settle
assert_eq 1 "$(($(metric cctns_pool_groups_total) - g1))" "the three waiting went as one group"
assert_eq 3 "$(($(metric cctns_pool_group_retries_total) - r0))" \
	"its COMMIT failed: all three were sent again, alone"
assert_eq 0 "$(rc_of first2)" "the registration before the group is registered"
assert_match "$(answer c1)" '^ok' "station B's member is registered when run alone"
assert_match "$(answer c3)" '^ok' "station A's good member is registered when run alone"
assert_match "$(answer c2)" '^status' "the FIR refused at commit is refused: $(answer c2)"
assert_eq $((before_a + 2)) "$(sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION")" \
	"station A has the two good FIRs more"
assert_eq $((before_b + 1)) "$(sql "SELECT count(*) FROM core.fir WHERE station_code = $B_STATION")" \
	"station B has its one more"
assert_eq 0 "$(sql "SELECT count(*) FROM core.fir WHERE brief_facts LIKE '%REFUSE-AT-COMMIT%'")" \
	"nothing of the refused FIR is stored"
assert_eq "1 2 3 4 5" "$(sql "SELECT string_agg(fir_no::text, ' ' ORDER BY fir_no) FROM core.fir
	WHERE station_code = $A_STATION")" "station A's numbers are still gapless"
grep -q 'event=db_group_failed' "$SERVER_LOG" || fail "the failed group is not in the log"
ok "the server logged the failed group"
sql "DROP TRIGGER refuse_at_commit ON core.fir; DROP FUNCTION public.refuse_at_commit()" >/dev/null

# ---------------------------------------------------------------- group = 1
printf '[database]\ngroup = 1\n' >>"$T/server.conf"
server_reload
sleep 0.5
g2=$(metric cctns_pool_groups_total)
reg_json d1 "$(new_key)"
reg_json d2 "$(new_key)"
later d1 b2 "$T/d1.json"
later d2 a3 "$T/d2.json"
greeted d1 d2
hold_idempotency
bg first3 term a fir register "$SAMPLE"
waiting_backend
sleep "$LATER_S"
release
settle
assert_match "$(answer d1)$(answer d2)" '^ok.*ok' "with group = 1 both register"
assert_eq "$g2" "$(metric cctns_pool_groups_total)" "... each alone: no group"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "every chain verifies"

# ---------------------------------------------------------------- a stop while registrations wait
# SIGTERM with a short drain: the registration on the connection and the one waiting for it
# are given up when the drain times out (the pool fails what waits, after the audit log has
# stopped: the refusal's record is dropped with the rest, not leaked; ASan builds check). Sent
# again after a restart, each is stored once.
sed -i 's/^drain_timeout = .*/drain_timeout = 2s/; s/^group = 1$/group = 8/' "$T/server.conf"
server_reload
sleep 0.5
reg_json e1 "$(new_key)" '.brief_facts = "STOP-E1 " + .brief_facts'
reg_json e2 "$(new_key)" '.brief_facts = "STOP-E2 " + .brief_facts'
stored() { sql "SELECT count(*) FROM core.fir WHERE brief_facts LIKE '$1 %'"; }
bg e1 "$BIN/hostile_send" --config "$T/b2.conf" "$T/probe.json" --sleep 3 "$T/e1.json"
greeted e1
hold_idempotency
bg first4 "$BIN/hostile_send" --config "$T/a2.conf" "$T/e2.json"
waiting_backend
wait_metric cctns_pool_queue_depth == 1
kill -TERM "$SERVER_PID"
rc=0
wait "$SERVER_PID" || rc=$?
SERVER_PID=""
release
settle
assert_eq 0 "$rc" "cctns-server exits 0 when its drain times out"
grep -q 'event=drain_timeout' "$SERVER_LOG" || fail "the drain did not time out"
ok "the drain timed out with the two registrations unanswered"
assert_match "$(answer e1)" '^(none|status)' "the waiting registration is not answered ok: $(answer e1)"
assert_match "$(answer first4)" '^(none|status)' "nor the one on the connection: $(answer first4)"
assert_eq 0 "$(stored STOP-E1)" "the registration that waited for a connection was never sent"
# The one on the connection was sent: its backend, waiting for the lock, may still finish it
# after the server has gone (the answer says a retry with the same request is safe).
e2_before=$(stored STOP-E2)
grep -q 'event=audit_unwritten' "$SERVER_LOG" || fail "the unwritten audit records are not logged"
ok "the records that could not be written are logged as unwritten"
sanitizer_clean
server_start
bg e1r "$BIN/hostile_send" --config "$T/b2.conf" "$T/e1.json"
bg e2r "$BIN/hostile_send" --config "$T/a2.conf" "$T/e2.json"
settle
assert_match "$(answer e1r)" '^ok' "sent again after the restart, the waiting one is registered"
assert_match "$(answer e2r)" '^ok' "... and the one that was on the connection"
assert_eq "1 1" "$(stored STOP-E1) $(stored STOP-E2)" "each is stored once (before: $e2_before of STOP-E2)"
if [ "$e2_before" = 1 ]; then
	assert_match "$(answer e2r)" '"replayed" *: *true' "... the one the database finished is a replay"
fi

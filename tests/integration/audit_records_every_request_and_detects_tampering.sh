#!/usr/bin/env bash
# audit_records_every_request_and_detects_tampering: every request through cctns-server is
# recorded in audit.log (migration 0027): reads, writes, an invalid write, a request before
# Hello, a broken frame, certificates refused at the handshake and at Hello; each row says
# the action, outcome and record number, and nothing personal. `cctns-admin audit verify`
# proves the chains; a superuser's edit, deletion in the middle and cut tail are each named
# as the first broken link (exit 1), and so is a record added beyond a chain's head by hand; a
# record committed while verify walks does not break it (each chain is walked up to its head
# as read at the start). cctns_server cannot UPDATE or DELETE the log, the owner is refused by
# its trigger, the analyst cannot read it.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
super="host=$CCTNS_PGHOST port=5432 dbname=cctns user=postgres"
server="host=$CCTNS_PGHOST port=5432 dbname=cctns user=cctns_server"
analyst="host=$CCTNS_PGHOST port=5432 dbname=cctns user=cctns_analyst"
admin() { "$BIN/cctns-admin" --db "$CCTNS_DB" "$@"; }

# audit_settled: wait until the server has written every record it holds.
audit_settled() {
	local i
	for ((i = 0; i < 100; i++)); do
		[ "$(metrics_sum '^cctns_audit_pending$')" = 0 ] && return 0
		sleep 0.1
	done
	fail "audit records still pending after 10 s"
}
# rows WHERE: action|outcome|record|station|terminal of the matching audit rows.
rows() {
	sql "SELECT action, outcome, coalesce(record, '-'),
		coalesce(state_code || ':' || district_code || ':' || station_code, '-'),
		coalesce(terminal, '-') FROM audit.log WHERE $1 ORDER BY chain_id, seq"
}

# ---------------------------------------------------------------- the requests
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "an FIR is registered"
n=$(fir_number "$OUT")
run term a fir show "$n"
assert_eq 0 "$RC" "... and read back"
run term a fir show "9999/$YEAR"
assert_eq 6 "$RC" "an FIR that does not exist is not found"
sample_with 's/"section": "303(2)"/"section": "9999"/' >"$T/bad.json"
run term a fir register "$T/bad.json"
assert_eq 3 "$RC" "an FIR with an unknown section is refused"

"$PKI" ca "$T/other" >/dev/null
"$PKI" station "$T/other" $A_STATE $A_DISTRICT $A_STATION desk-1 >/dev/null
cp "$T/other/station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1.crt" "$T/pki/foreign.crt"
cp "$T/other/station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1.key" "$T/pki/foreign.key"
"$PKI" client "$T/pki" unregistered --ou desk-9 --cn "station:$A_STATE:$A_DISTRICT:4242" >/dev/null
terminal_conf foreign foreign
terminal_conf unregistered unregistered
run term foreign hello
assert_eq 4 "$RC" "a certificate from another CA is refused"
run term unregistered hello
assert_eq 4 "$RC" "a certificate of an unregistered station is refused at Hello"
get_fir_frame 7 "$n" | sclient "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1" -quiet \
	>/dev/null 2>&1 || true
ok "a request before Hello was sent"
{ hello_frame 1; printf '\0\0\0\0'; sleep 1; } |
	sclient "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1" -quiet >/dev/null 2>&1 || true
ok "a zero-length frame was sent after Hello"
audit_settled

# ---------------------------------------------------------------- the rows
a="$A_STATE:$A_DISTRICT:$A_STATION"
assert_eq "register_fir|ok|$n|$a|desk-1" "$(rows "action = 'register_fir' AND outcome = 'ok'")" \
	"the registration is recorded with its FIR number, station and terminal"
assert_eq "register_fir|invalid_argument|-|$a|desk-1" \
	"$(rows "action = 'register_fir' AND outcome <> 'ok'")" "the refused registration is recorded"
assert_eq "get_fir|ok|$n|$a|desk-1" "$(rows "action = 'get_fir' AND outcome = 'ok'")" \
	"the read is recorded with the number read"
assert_eq "get_fir|not_found|9999/$YEAR|$a|desk-1" "$(rows "action = 'get_fir' AND outcome = 'not_found'")" \
	"the read of a missing FIR is recorded"
assert_eq "get_fir|failed_precondition|$n|$a|desk-1" \
	"$(rows "action = 'get_fir' AND outcome = 'failed_precondition'")" "the request before Hello is recorded"
assert_eq "frame|invalid_argument|-|$a|desk-1" "$(rows "action = 'frame'")" "the broken frame is recorded"
assert_contains "$(rows "action = 'tls_handshake'")" "tls_handshake|unauthenticated|-|-|-" \
	"the certificate of another CA is recorded as a refused handshake"
assert_eq "hello|unauthenticated|-|$A_STATE:$A_DISTRICT:4242|desk-9" \
	"$(rows "action = 'hello' AND outcome <> 'ok'")" "the unregistered station's Hello is recorded"
assert_eq "$A_OFFICER" "$(sql "SELECT string_agg(DISTINCT officer_no, ',') FROM audit.log
	WHERE action IN ('register_fir', 'get_fir') AND outcome IN ('ok', 'not_found', 'invalid_argument')")" \
	"the officer signed in at the terminal is recorded with each of its requests"
assert_eq "0" "$(sql "SELECT count(*) FROM audit.log WHERE officer_no IS NOT NULL
	AND (action = 'tls_handshake' OR (action = 'get_fir' AND outcome = 'failed_precondition'))")" \
	"... and no officer on a refused handshake or a request before Hello"
# The zero-length frame follows a Hello carrying A1's session: whether the resume has seated the
# officer before the frame is read is a race, so its record names A1 or nobody, never another.
assert_eq "0" "$(sql "SELECT count(*) FROM audit.log WHERE action = 'frame'
	AND officer_no IS NOT NULL AND officer_no <> '$A_OFFICER'")" \
	"... and the broken frame after a signed-in Hello names that officer or none"
dump=$(sql "SELECT a::text FROM audit.log a")
for word in Ramesh Agarwal Shyam 9000000000 Kinari "Gali Barah"; do
	assert_not_contains "$dump" "$word" "no personal data in the audit log ($word)"
done
# Two chains: the server process's, and that of the database connection whose transaction
# registered the FIR and wrote its record (0058), started by the same process.
chain=$(sql "SELECT DISTINCT chain_id FROM audit.log WHERE action = 'get_fir'")
tx=$(sql "SELECT chain_id FROM audit.log WHERE action = 'register_fir' AND outcome = 'ok'")
assert_eq "2" "$(sql "SELECT count(*) FROM audit.chain")" \
	"two chains: the server process's and its registering connection's"
assert_eq "1" "$(sql "SELECT count(*) FROM audit.chain c JOIN audit.chain p USING (host, pid)
	WHERE c.chain_id = '$tx' AND p.chain_id = '$chain' AND c.chain_id <> p.chain_id")" \
	"... both of the same host and process"
assert_eq "register_fir|invalid_argument" "$(sql "SELECT action, outcome FROM audit.log
	WHERE chain_id = '$chain' AND action = 'register_fir'")" \
	"the refused registration is in the process's chain (its transaction rolled back)"

run admin audit verify
assert_eq 0 "$RC" "audit verify passes"
assert_match "$OUT" '^audit: 2 chains, [0-9]+ records, verified$' "... and says so"
run admin audit show --record "$n"
assert_eq 0 "$RC" "audit show --record"
assert_contains "$OUT" "get_fir" "... lists who read the FIR"
assert_eq 3 "$(grep -c "$a" <<<"$OUT")" "... and only its three records (register, read, before Hello)"
run admin audit show --station "$A_STATE:$A_DISTRICT:4242"
assert_contains "$OUT" "hello" "audit show --station S:D:C"

# ---------------------------------------------------------------- nobody changes it
run psql -X -q -At -d "$server" -c "UPDATE audit.log SET outcome = 'ok'"
assert_contains "$OUT" "permission denied" "cctns_server cannot UPDATE the audit log"
run psql -X -q -At -d "$server" -c "DELETE FROM audit.log"
assert_contains "$OUT" "permission denied" "cctns_server cannot DELETE from the audit log"
run psql -X -q -At -d "$server" -c "TRUNCATE audit.log"
assert_contains "$OUT" "permission denied" "cctns_server cannot TRUNCATE the audit log"
run psql -X -q -At -d "$analyst" -c "SELECT count(*) FROM audit.log"
assert_contains "$OUT" "permission denied" "the analyst cannot read the audit log"
run sql "UPDATE audit.log SET outcome = 'ok' WHERE seq = 1"
assert_contains "$OUT" "append-only" "the owner's UPDATE is refused by the trigger"
run sql "DELETE FROM audit.log WHERE seq = 1"
assert_contains "$OUT" "append-only" "the owner's DELETE is refused by the trigger"
run sql "TRUNCATE audit.log CASCADE"
assert_contains "$OUT" "append-only" "the owner's TRUNCATE is refused by the trigger"
run sql "UPDATE audit.chain SET last_seq = 1"
assert_contains "$OUT" "only the head moves forward" "the owner cannot move a chain's head back"

# ---------------------------------------------------------------- a superuser can: it shows
su() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$super" -c "SET session_replication_role = replica; $1"; }
orig=$(sql "SELECT outcome FROM audit.log WHERE chain_id = '$chain' AND seq = 3")
su "UPDATE audit.log SET outcome = 'not_found' WHERE chain_id = '$chain' AND seq = 3"
run admin audit verify
assert_eq 1 "$RC" "an edited record fails verify (exit 1)"
assert_contains "$OUT" "chain $chain broken at seq 3: hash mismatch" "... naming the record"
su "UPDATE audit.log SET outcome = '$orig' WHERE chain_id = '$chain' AND seq = 3"
run admin audit verify
assert_eq 0 "$RC" "put back, the chain verifies again"

su "CREATE TABLE public.kept AS SELECT * FROM audit.log WHERE chain_id = '$chain' AND seq = 2;
	DELETE FROM audit.log WHERE chain_id = '$chain' AND seq = 2"
run admin audit verify
assert_eq 1 "$RC" "a deleted record fails verify (exit 1)"
assert_contains "$OUT" "chain $chain broken at seq 2: missing sequence" "... naming the gap"
su "INSERT INTO audit.log SELECT * FROM public.kept; DROP TABLE public.kept"

su "UPDATE audit.log SET prev_hash = hash WHERE chain_id = '$chain' AND seq = 4"
run admin audit verify --chain "$chain"
assert_eq 1 "$RC" "a relinked record fails verify (exit 1)"
assert_contains "$OUT" "broken at seq 4: prev_hash mismatch" "... naming the link"
su "UPDATE audit.log l SET prev_hash = p.hash FROM audit.log p
	WHERE l.chain_id = '$chain' AND l.seq = 4 AND p.chain_id = l.chain_id AND p.seq = 3"

last=$(sql "SELECT max(seq) FROM audit.log WHERE chain_id = '$chain'")
# A record added after the head by hand (its head not moved, as a real append always does).
su "INSERT INTO audit.log SELECT chain_id, seq + 1, at, state_code, district_code, station_code,
	terminal, officer_no, action, record, outcome, hash, hash FROM audit.log
	WHERE chain_id = '$chain' AND seq = $last"
run admin audit verify
assert_eq 1 "$RC" "a record beyond the head fails verify (exit 1)"
assert_contains "$OUT" "chain $chain broken at seq $((last + 1)): record beyond the chain's head" \
	"... naming it"
su "DELETE FROM audit.log WHERE chain_id = '$chain' AND seq = $((last + 1))"
su "DELETE FROM audit.log WHERE chain_id = '$chain' AND seq = $last"
run admin audit verify
assert_eq 1 "$RC" "a cut tail fails verify (exit 1)"
assert_contains "$OUT" "broken at seq $last: missing sequence (the chain's head is $last)" \
	"... naming the missing last record"

# ---------------------------------------------------------------- a new process, a new chain
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
assert_eq "2" "$(sql "SELECT count(*) FROM audit.chain WHERE closed_at IS NOT NULL")" \
	"a clean exit closes the process's chain and its connection's"
server_start
run term a fir show "$n"
assert_eq 0 "$RC" "a read after the restart"
audit_settled
assert_eq "3" "$(sql "SELECT count(*) FROM audit.chain")" "the restarted server has its own chain"
run admin audit verify
assert_eq 1 "$RC" "verify still names the cut tail of the first chain"
assert_eq 1 "$(grep -c "broken at" <<<"$OUT")" "... and only that chain is broken"
new=$(sql "SELECT chain_id FROM audit.chain WHERE closed_at IS NULL")
run admin audit verify --chain "$new"
assert_eq 0 "$RC" "the new chain verifies on its own"

# ---------------------------------------------------------------- walked up to the head
# A live server appends while verify walks. Here a record is committed after verify has read
# the chain's head and before it walks the chain: a psql session appends the chain's first
# record, locks audit.log (so verify waits to walk), appends the second and commits once
# verify waits. Verify must see the chain as of its start: one record, not one beyond the head.
rm -f "$T/snap.in" "$T/snap.out"
mkfifo "$T/snap.in"
psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" <"$T/snap.in" >"$T/snap.out" 2>&1 &
snap_pid=$!
exec {snap_fd}>"$T/snap.in"
append="SELECT api.audit_in_tx('{}', 'snapshot', 'itest', 1, 0, 0, 0, NULL, NULL, 'note', 'ok');"
printf '%s\nSELECT %s || current_setting(%s);\nBEGIN;\nLOCK TABLE audit.log IN ACCESS EXCLUSIVE MODE;\nSELECT %s;\n' \
	"$append" "'chain '" "'cctns.audit_tx_chain'" "'held'" >&"$snap_fd"
wait_for_text "$T/snap.out" held 20 || fail "psql did not lock audit.log: $(cat "$T/snap.out")"
snap=$(sed -n 's/^chain //p' "$T/snap.out")
admin audit verify --chain "$snap" >"$T/verify.out" 2>&1 &
verify_pid=$!
wait_sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cctns-admin'
	AND wait_event_type = 'Lock'" 1 || fail "audit verify never waited for the lock on audit.log"
printf '%s\nCOMMIT;\nSELECT %s;\n' "$append" "'committed'" >&"$snap_fd"
wait_for_text "$T/snap.out" committed 20 || fail "the second record did not commit: $(cat "$T/snap.out")"
exec {snap_fd}>&-
wait "$snap_pid" || fail "psql: $(cat "$T/snap.out")"
verify_rc=0
wait "$verify_pid" || verify_rc=$?
sed 's/^/#     /' "$T/verify.out"
assert_eq "0|audit: 1 chains, 1 records, verified" "$verify_rc|$(cat "$T/verify.out")" \
	"verify sees a record committed during its walk neither beyond the head nor missing"
run admin audit verify --chain "$snap"
assert_eq "0|audit: 1 chains, 2 records, verified" "$RC|$OUT" "... and the next verify sees it"
[ "$(metrics_sum '^cctns_audit_records_total$')" -ge 2 ] || fail "cctns_audit_records_total"
ok "/metrics counts audit records written"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sanitizer_clean

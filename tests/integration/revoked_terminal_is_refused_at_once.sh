#!/usr/bin/env bash
# revoked_terminal_is_refused_at_once: cctns-admin enrols two terminals of a station and both
# are served; one is revoked (cctns-admin terminal revoke re-signs the CRL) and the server is
# reloaded: that terminal's open connection is closed with a Status saying the certificate was
# revoked, a new connection is refused (exit 4, "revoked"), the other terminal keeps working.
# A CRL that is garbage, truncated, from another CA, expired, not yet valid or missing is refused (the old set keeps serving, or
# --check fails naming the file); expired and not-yet-valid certificates are refused.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
SERVER_CRL=pki/crl.pem
stack_up
ADMIN=("$BIN/cctns-admin" --db "$CCTNS_DB")
base() { echo "station-$A_STATE-$A_DISTRICT-$A_STATION-$1"; }

[ -s "$T/pki/crl.pem" ] || fail "deploy/pki ca made no crl.pem"
ok "deploy/pki ca makes an initial empty CRL, and the server loads it"
grep -q 'event=crl_loaded crls=1 revoked=0' "$SERVER_LOG" || fail "no crl_loaded in the log"
ok "the server logs the CRL it loaded"

# Enrolment.
for t in desk-2 desk-3; do
	run "${ADMIN[@]}" terminal enrol --ca-dir "$T/pki" --state $A_STATE --district $A_DISTRICT \
		--station $A_STATION --terminal $t
	assert_eq 0 "$RC" "cctns-admin terminal enrol $t"
	assert_contains "$OUT" "serial" "... and it names the serial"
	terminal_conf "$t" "$(base $t)"
done
assert_eq 600 "$(stat -c %a "$T/pki/$(base desk-2).key")" "the terminal key is written 0600"
subject=$(openssl x509 -in "$T/pki/$(base desk-2).crt" -noout -subject -nameopt compat)
assert_eq "subject=/O=CCTNS/OU=desk-2/CN=station:$A_STATE:$A_DISTRICT:$A_STATION" "$subject" \
	"the subject follows deploy/pki's convention"
run "${ADMIN[@]}" terminal enrol --ca-dir "$T/pki" --state $A_STATE --district $A_DISTRICT \
	--station $A_STATION --terminal desk-2
assert_eq 1 "$RC" "enrolling over existing files is refused without --force"
run "${ADMIN[@]}" terminal enrol --ca-dir "$T/pki" --state $A_STATE --district $A_DISTRICT \
	--station 4242 --terminal desk-1
assert_eq 1 "$RC" "enrolling for a station not in the register is refused"
assert_contains "$OUT" "not in the station register" "... saying so"
sql "UPDATE ref.station SET active = false WHERE station_code = $B_STATION"
run "${ADMIN[@]}" terminal enrol --ca-dir "$T/pki" --state $B_STATE --district $B_DISTRICT \
	--station $B_STATION --terminal desk-9
assert_eq 1 "$RC" "enrolling for an inactive station is refused"
assert_contains "$OUT" "not active" "... saying so"
sql "UPDATE ref.station SET active = true WHERE station_code = $B_STATION"
run "${ADMIN[@]}" terminal enrol --ca-dir "$T/pki" --state $A_STATE --district $A_DISTRICT \
	--station $A_STATION --terminal 'desk 1;drop'
assert_eq 2 "$RC" "a terminal name outside [A-Za-z0-9._-] is a usage error"
assert_eq 2 "$(sql 'SELECT count(*) FROM core.terminal_cert')" "only the two enrolments are recorded"

run term desk-2 hello
assert_eq 0 "$RC" "enrolled terminal desk-2 is served"
run term desk-3 hello
assert_eq 0 "$RC" "enrolled terminal desk-3 is served"

# Long-lived connections of both.
open_conn keep2 "$(base desk-2)" || fail "desk-2: no HelloAck on a raw connection"
open_conn keep3 "$(base desk-3)" || fail "desk-3: no HelloAck on a raw connection"
ok "desk-2 and desk-3 hold open connections"

# Revocation.
serial2=$(openssl x509 -in "$T/pki/$(base desk-2).crt" -noout -serial | cut -d= -f2)
run "${ADMIN[@]}" terminal revoke --ca-dir "$T/pki" --serial "0x${serial2,,}" --reason nonsense
assert_eq 2 "$RC" "an unknown reason is a usage error"
run "${ADMIN[@]}" terminal revoke --ca-dir "$T/pki" --serial 0x1234 --reason superseded
assert_eq 1 "$RC" "revoking a serial that was never enrolled is refused"
run "${ADMIN[@]}" terminal revoke --ca-dir "$T/pki" --serial "0x${serial2,,}" --reason key-compromise
assert_eq 0 "$RC" "cctns-admin terminal revoke desk-2 (serial typed in lower case, 0x)"
openssl crl -in "$T/pki/crl.pem" -noout -text >"$T/crl.txt"
grep -q "Serial Number: ${serial2#0}" "$T/crl.txt" || grep -q "Serial Number: $serial2" "$T/crl.txt" ||
	fail "the CRL does not list $serial2"
grep -q "Key Compromise" "$T/crl.txt" || fail "the CRL does not carry the reason"
grep -q "Next Update" "$T/crl.txt" || fail "the CRL has no nextUpdate"
ok "the re-signed CRL lists desk-2's serial with its reason and a nextUpdate"
openssl crl -in "$T/pki/crl.pem" -CAfile "$T/pki/ca.crt" -noout 2>&1 | grep -q "verify OK" ||
	fail "the CRL does not verify against the CA"
ok "the CRL verifies against the CA"
run "${ADMIN[@]}" terminal list --station $A_STATION
assert_match "$OUT" "desk-2 .* revoked [0-9-]+ key-compromise" "terminal list shows desk-2 revoked"
assert_match "$OUT" "desk-3 .* valid" "... and desk-3 valid"
run sql "UPDATE core.terminal_cert SET revoked_at = NULL, reason = NULL WHERE terminal = 'desk-2'"
[ "$RC" -ne 0 ] || fail "a revocation could be undone"
ok "a revocation cannot be undone in the database"

server_reload
conn_closed_by_server keep2 10 || fail "desk-2's open connection was not closed after SIGHUP"
ok "after SIGHUP the revoked terminal's open connection is closed by the server"
wait_for_text "$T/keep2.out" "revoked" 5 || fail "no Status saying 'revoked' on desk-2's connection"
ok "... with a Status saying its certificate was revoked"
kill -0 "${CONN_PID[keep3]}" 2>/dev/null || fail "desk-3's open connection was closed too"
before=$(stat -c %s "$T/keep3.out")
get_fir_frame 2 "9999/$YEAR" | send keep3
for ((i = 0; i < 50; i++)); do
	[ "$(stat -c %s "$T/keep3.out")" -gt "$before" ] && break
	sleep 0.1
done
[ "$(stat -c %s "$T/keep3.out")" -gt "$before" ] || fail "desk-3's open connection got no answer"
ok "desk-3's open connection stays open and is answered"
close_conn keep3
grep -q 'event=cert_refused_open .*verify="certificate revoked"' "$SERVER_LOG" ||
	fail "no cert_refused_open event in the server log"
grep -q 'event=reload ok=1 closed=1' "$SERVER_LOG" || fail "the reload did not say it closed one"
ok "the server logs the closed connection and the reload"
! grep -qF "$A_NAME" "$SERVER_LOG" || fail "the server log names the station"
ok "... without names"
for _ in $(seq 50); do
	run sql "SELECT count(*) FROM audit.log WHERE action = 'certificate_recheck' AND outcome = 'unauthenticated'"
	[ "$OUT" = 1 ] && break
	sleep 0.1
done
assert_eq 1 "$OUT" "the audit log records the connection closed for its revoked certificate"

run term desk-2 hello
assert_eq 4 "$RC" "a new connection of the revoked terminal is refused (exit 4)"
assert_contains "$OUT" "revoked" "... and the terminal says its certificate was revoked"
run term desk-3 hello
assert_eq 0 "$RC" "the other terminal keeps working"
run term a hello
assert_eq 0 "$RC" "terminals of deploy/pki keep working"
grep -q 'event=tls_refused .*verify="certificate revoked"' "$SERVER_LOG" ||
	fail "the handshake refusal does not say why in the log"
ok "the handshake refusal is logged as 'certificate revoked'"

# A certificate made by deploy/pki (not enrolled) is revoked by file.
run "${ADMIN[@]}" terminal revoke --ca-dir "$T/pki" \
	--cert "$T/pki/station-$B_STATE-$B_DISTRICT-$B_STATION-desk-1.crt" --reason cessation-of-operation
assert_eq 0 "$RC" "a deploy/pki certificate is revoked with --cert"
assert_eq imported "$(sql "SELECT source FROM core.terminal_cert WHERE station_code = $B_STATION")" \
	"... and recorded as imported"
"$PKI" ca "$T/other" >/dev/null
"$PKI" station "$T/other" $A_STATE $A_DISTRICT $A_STATION desk-1 >/dev/null
run "${ADMIN[@]}" terminal revoke --ca-dir "$T/pki" \
	--cert "$T/other/station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1.crt" --reason superseded
assert_eq 1 "$RC" "revoking a certificate of another CA is refused"
assert_contains "$OUT" "not issued by the CA" "... saying so"
run "${ADMIN[@]}" crl --ca-dir "$T/pki" --crl-days 7
assert_eq 0 "$RC" "cctns-admin crl re-signs the CRL"
assert_contains "$OUT" "2 revoked" "... with both revocations"
server_reload
for ((i = 0; i < 50; i++)); do
	[ "$(grep -c 'event=reload ok=1' "$SERVER_LOG")" -ge 2 ] && break
	sleep 0.1
done
run term b hello
assert_eq 4 "$RC" "the terminal revoked by file is refused after the reload"
run term desk-3 hello
assert_eq 0 "$RC" "desk-3 is still served"

# CRLs that must not be taken: the old set keeps serving.
cp "$T/pki/crl.pem" "$T/crl.good"
refused_before=$(grep -c 'event=reload ok=0' "$SERVER_LOG" || true)
reload_refused() { # reload_refused WHAT: SIGHUP; the reload is refused; the old set serves.
	server_reload
	for ((i = 0; i < 50; i++)); do
		[ "$(grep -c 'event=reload ok=0' "$SERVER_LOG")" -gt "$refused_before" ] && break
		sleep 0.1
	done
	refused_before=$(grep -c 'event=reload ok=0' "$SERVER_LOG")
	tail -n 3 "$SERVER_LOG" | grep -q 'event=reload ok=0 reason=tls detail=.*crl.pem' ||
		fail "$1: the reload was not refused naming the CRL file"
	ok "$1: the reload is refused, naming the CRL file"
	run term desk-3 hello
	assert_eq 0 "$RC" "... desk-3 is still served"
	run term desk-2 hello
	assert_eq 4 "$RC" "... and desk-2 still refused"
}
printf 'this is not a CRL\n' >"$T/pki/crl.pem"
reload_refused "a garbage CRL"
{
	head -n 3 "$T/crl.good"
	echo '-----END X509 CRL-----'
} >"$T/pki/crl.pem"
reload_refused "a truncated CRL"
cp "$T/other/crl.pem" "$T/pki/crl.pem"
reload_refused "a CRL of another CA"
"$PKI" crl "$T/pki" --expired >/dev/null
reload_refused "an expired CRL (nextUpdate passed)"
"$PKI" crl "$T/pki" --not-yet-valid >/dev/null
reload_refused "a CRL not yet valid"
rm "$T/pki/crl.pem"
reload_refused "a missing CRL"
cp "$T/crl.good" "$T/pki/crl.pem"

# A CRL whose nextUpdate passes while it is loaded stays in force (logged), rather than
# shutting out every terminal of the state.
cp "$T/crl.good" "$T/pki/crl.pem"
"$PKI" crl "$T/pki" --next-update '+8 seconds' >/dev/null
stale_at=$(($(date +%s) + 8))
# (an empty CRL: desk-2 and b are not revoked by it)
reloads=$(grep -c 'event=reload ok=1' "$SERVER_LOG" || true)
server_reload
for ((i = 0; i < 50; i++)); do # the reload took it while it was current
	[ "$(grep -c 'event=reload ok=1' "$SERVER_LOG")" -gt "$reloads" ] && break
	sleep 0.1
done
[ "$i" -lt 50 ] || fail "the reload with the CRL about to expire was not taken"
while [ "$(date +%s)" -le $((stale_at + 1)) ]; do sleep 0.5; done
run term desk-3 hello
assert_eq 0 "$RC" "a CRL that expired after it was loaded: terminals are still served"
grep -q 'event=crl_stale' "$SERVER_LOG" || fail "the stale CRL is not logged"
ok "... and the server logs that the CRL must be re-issued"
cp "$T/crl.good" "$T/pki/crl.pem"
server_reload

sed 's#^crl = .*#crl = pki/none.pem#' "$T/server.conf" >"$T/nocrl.conf"
run "$BIN/cctns-server" --config "$T/nocrl.conf" --check
assert_eq 1 "$RC" "--check with a missing CRL fails"
assert_contains "$OUT" "pki/none.pem" "... naming the file"
run "$BIN/cctns-server" --config "$T/server.conf" --check
assert_eq 0 "$RC" "--check with the good CRL says config ok"

# Expiry and not-yet-valid, with the CRL on.
"$PKI" client "$T/pki" expired --ou desk-7 --cn "station:$A_STATE:$A_DISTRICT:$A_STATION" \
	--expired >/dev/null
"$PKI" client "$T/pki" notyet --ou desk-8 --cn "station:$A_STATE:$A_DISTRICT:$A_STATION" \
	--not-yet-valid >/dev/null
terminal_conf expired expired
terminal_conf notyet notyet
run term expired hello
assert_eq 4 "$RC" "an expired certificate is refused (exit 4)"
assert_contains "$OUT" "expired" "... and the terminal says it expired"
run term notyet hello
assert_eq 4 "$RC" "a certificate not yet valid is refused (exit 4)"
assert_contains "$OUT" "not yet valid" "... and the terminal says so"
grep -q 'event=tls_refused .*verify="certificate is not yet valid"' "$SERVER_LOG" ||
	fail "the not-yet-valid refusal is not logged"
ok "the server logs why"

server_alive || fail "the server died"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

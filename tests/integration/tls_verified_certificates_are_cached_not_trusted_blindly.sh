#!/usr/bin/env bash
# tls_verified_certificates_are_cached_not_trusted_blindly (hs, issue 7): the server verifies a
# terminal's certificate chain in full once and then, for the same certificate, skips the chain
# verification for a while (cctns_tls_client_verify_total{how="cached"}); what it still refuses:
# a certificate with the same names from another CA (never cached), an expired one (refused at
# every handshake), one that expires while cached (refused at its next handshake, the dates are
# checked at each use), and a cached certificate revoked by a new CRL (the reload starts an
# empty cache), with the CRL on throughout. Also: a certificate with an Ed25519 key is refused
# (the server's TLS context decodes EC keys only, server/tlsprov.h).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# log_tail_has N RE: the last N lines of the server's log match RE within 5 s (the server logs a
# refusal once its alert is out, so the terminal may exit first).
log_tail_has() {
	local i
	for ((i = 0; i < 50; i++)); do
		tail -n "$1" "$SERVER_LOG" | grep -q -- "$2" && return 0
		sleep 0.1
	done
	return 1
}
SERVER_CRL=pki/crl.pem
stack_up
ADMIN=("$BIN/cctns-admin" --db "$CCTNS_DB")

full() { metrics_sum '^cctns_tls_client_verify_total\{how="full"\}'; }
cached() { metrics_sum '^cctns_tls_client_verify_total\{how="cached"\}'; }

f0=$(full)
c0=$(cached)
[ "$f0" -ge 1 ] || fail "no full verification counted for the sign-ins of stack_up"
for _ in 1 2 3; do
	run term a hello
	assert_eq 0 "$RC" "station A's terminal says Hello"
done
assert_eq "$f0" "$(full)" "three more handshakes of a verified certificate: no full verification"
assert_eq $((c0 + 3)) "$(cached)" "... all three from the cache"

# The same subject from another CA: refused every time, never cached.
"$PKI" ca "$T/other" >/dev/null
"$PKI" station "$T/other" $A_STATE $A_DISTRICT $A_STATION desk-1 >/dev/null
cp "$T/other/station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1.crt" "$T/pki/forged.crt"
cp "$T/other/station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1.key" "$T/pki/forged.key"
terminal_conf_only forged forged
f1=$(full)
c1=$(cached)
for _ in 1 2; do
	run term forged hello
	assert_eq 4 "$RC" "a certificate with station A's names from another CA is refused"
done
assert_eq $((f1 + 2)) "$(full)" "... verified in full both times"
assert_eq "$c1" "$(cached)" "... and never from the cache"

# A certificate of the state CA with an Ed25519 key: the server's TLS context handles EC keys
# only (server/tlsprov.h; deploy/pki and cctns-admin issue ECDSA P-256): refused.
openssl genpkey -algorithm ed25519 -out "$T/pki/ed.key" 2>/dev/null
openssl req -new -key "$T/pki/ed.key" -subj "/O=CCTNS/OU=desk-9/CN=station:$A_STATE:$A_DISTRICT:$A_STATION" \
	-out "$T/ed.csr" 2>/dev/null
printf 'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n' >"$T/ed.ext"
openssl x509 -req -in "$T/ed.csr" -CA "$T/pki/ca.crt" -CAkey "$T/pki/ca.key" -set_serial 4242 \
	-days 30 -extfile "$T/ed.ext" -out "$T/pki/ed.crt" 2>/dev/null || fail "cannot make the Ed25519 certificate"
terminal_conf_only ed ed
run term ed hello
assert_eq 4 "$RC" "a terminal certificate with an Ed25519 key is refused"
log_tail_has 3 'event=tls_refused' || fail "... and the server says so"

# An expired certificate: refused at every handshake.
"$PKI" client "$T/pki" expired --ou desk-7 --cn "station:$A_STATE:$A_DISTRICT:$A_STATION" \
	--expired >/dev/null
terminal_conf_only expired expired
for _ in 1 2; do
	run term expired hello
	assert_eq 4 "$RC" "an expired certificate is refused"
done
assert_eq "$c1" "$(cached)" "... never from the cache"

# A certificate that expires while it is cached: refused at its next handshake.
"$PKI" client "$T/pki" short --ou desk-5 --cn "station:$A_STATE:$A_DISTRICT:$A_STATION" \
	--not-after '+10 seconds' >/dev/null
terminal_conf_only short short
end=$(date -d "$(openssl x509 -in "$T/pki/short.crt" -noout -enddate | cut -d= -f2)" +%s)
run term short hello
assert_eq 0 "$RC" "a certificate valid for a few seconds more is served"
run term short hello
assert_eq 0 "$RC" "... and again, from the cache"
assert_eq $((c1 + 1)) "$(cached)" "... (counted as cached)"
while [ "$(date +%s)" -le "$end" ]; do sleep 0.5; done
sleep 1
run term short hello
assert_eq 4 "$RC" "once it has expired, the cached certificate is refused"
log_tail_has 5 'event=tls_refused .*verify="certificate has expired"' ||
	fail "the server's refusal does not say the certificate expired"
ok "... by the server, saying it expired"

# Revocation: cached, then revoked by a new CRL and a reload.
run term b hello
assert_eq 0 "$RC" "station B's terminal says Hello (its certificate is cached)"
c2=$(cached)
run term b hello
assert_eq $((c2 + 1)) "$(cached)" "... and it is, from the cache"
run "${ADMIN[@]}" terminal revoke --ca-dir "$T/pki" \
	--cert "$T/pki/station-$B_STATE-$B_DISTRICT-$B_STATION-desk-1.crt" --reason key-compromise
assert_eq 0 "$RC" "cctns-admin terminal revoke of station B's certificate"
server_reload
for ((i = 0; i < 50; i++)); do
	grep -q 'event=reload ok=1' "$SERVER_LOG" && break
	sleep 0.1
done
grep -q 'event=reload ok=1' "$SERVER_LOG" || fail "the reload did not happen"
for _ in 1 2; do
	run term b hello
	assert_eq 4 "$RC" "after the reload the cached, now revoked certificate is refused"
	assert_contains "$OUT" "revoked" "... as revoked"
done
run term a hello
assert_eq 0 "$RC" "station A is still served"

server_alive || fail "the server died"
sanitizer_clean

#!/usr/bin/env bash
# tls_certificate_chains_are_built_once (conn, issue 7): the server sends its certificate
# without the state CA, which every terminal already holds (the chain is built once at load,
# not by OpenSSL at every handshake); a terminal still verifies it, and after a reload too.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# certs_sent: how many certificates the server sends in its handshake.
certs_sent() {
	sclient "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1" -showcerts </dev/null 2>/dev/null |
		grep -c -- '-----BEGIN CERTIFICATE-----' || true
}

assert_eq 1 "$(certs_sent)" "the server sends its own certificate alone, not the CA"
run sclient "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1" </dev/null
assert_contains "$OUT" "Verify return code: 0 (ok)" "... and a client holding the CA verifies it"
run term a hello
assert_eq 0 "$RC" "the terminal connects and says Hello"

server_reload
sleep 1
assert_eq 1 "$(certs_sent)" "after a reload, still the certificate alone"
run term a hello
assert_eq 0 "$RC" "... and the terminal still connects"
server_alive || fail "the server died"
sanitizer_clean

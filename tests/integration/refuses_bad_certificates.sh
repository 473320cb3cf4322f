#!/usr/bin/env bash
# refuses_bad_certificates: the server refuses a terminal without a certificate, with one from
# another CA, with an expired one, and with one whose subject is not a registered station
# identity; the terminal says so clearly (exit 4, refused) and a good terminal still works.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# Certificates that must not get in.
"$PKI" ca "$T/other" >/dev/null
"$PKI" station "$T/other" $A_STATE $A_DISTRICT $A_STATION desk-1 >/dev/null
cp "$T/other/station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1.crt" "$T/pki/foreign.crt"
cp "$T/other/station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1.key" "$T/pki/foreign.key"
"$PKI" client "$T/pki" expired --ou desk-1 --cn "station:$A_STATE:$A_DISTRICT:$A_STATION" \
	--expired >/dev/null
"$PKI" client "$T/pki" plain-name --ou desk-1 --cn "desk-1" >/dev/null
"$PKI" client "$T/pki" short-cn --ou desk-1 --cn "station:$A_STATE:$A_DISTRICT" >/dev/null
"$PKI" client "$T/pki" zero-padded --ou desk-1 --cn "station:0$A_STATE:$A_DISTRICT:$A_STATION" >/dev/null
"$PKI" client "$T/pki" unknown-kind --ou desk-1 --cn "court:$A_STATE:$A_DISTRICT:$A_STATION" >/dev/null
"$PKI" client "$T/pki" unregistered --ou desk-1 --cn "station:$A_STATE:$A_DISTRICT:4242" >/dev/null

terminal_conf nocert ""
terminal_conf foreign foreign
terminal_conf expired expired
for c in plain-name short-cn zero-padded unknown-kind unregistered; do
	terminal_conf "$c" "$c"
done

run term nocert hello
assert_eq 4 "$RC" "a terminal without a certificate is refused (exit 4)"
assert_contains "$OUT" "certificate" "... and the terminal says it is about the certificate"

run term foreign hello
assert_eq 4 "$RC" "a certificate from another CA is refused (exit 4)"
assert_contains "$OUT" "certificate" "... and the terminal says it is about the certificate"

run term expired hello
assert_eq 4 "$RC" "an expired certificate is refused (exit 4)"
assert_contains "$OUT" "expired" "... and the terminal says the certificate expired"

for c in plain-name short-cn zero-padded unknown-kind unregistered; do
	run term "$c" hello
	assert_eq 4 "$RC" "a certificate with CN '$c' (not a registered station) is refused"
done

run term foreign fir register "$SAMPLE"
assert_eq 4 "$RC" "a refused terminal cannot register an FIR"
assert_eq 0 "$(sql 'SELECT count(*) FROM core.fir')" "nothing was stored"

# The server's own side, without the terminal's checks: a raw TLS client sends Hello and
# gets no HelloAck; the server closes the connection by itself.
for c in "" foreign expired plain-name unregistered; do
	rc=0
	{ hello_frame 1; } | sclient "$c" -quiet >"$T/raw.out" 2>&1 || rc=$?
	[ "$rc" -ne 124 ] || fail "raw TLS with ${c:-no certificate}: the server kept the connection"
	! grep -qaF "$A_NAME" "$T/raw.out" || fail "raw TLS with ${c:-no certificate}: got a HelloAck"
	ok "raw TLS with ${c:-no certificate}: no HelloAck, connection closed by the server"
done
open_conn raw "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1" ||
	fail "raw TLS with a good certificate: no HelloAck"
close_conn raw
ok "raw TLS with a good certificate: HelloAck (the raw check itself works)"

run term a hello
assert_eq 0 "$RC" "a good terminal is still served"
server_alive || fail "the server died"
ok "the server is still running"
sanitizer_clean

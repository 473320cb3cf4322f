#!/usr/bin/env bash
# sighup_reloads_only_a_complete_valid_set: SIGHUP swaps in a new server certificate; a
# reload with a key that does not match the certificate, with a config that does not parse,
# or changing a key that needs a restart is refused, and the server keeps serving with the
# set it had.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# served_serial: the serial of the certificate the server presents to a new connection.
served_serial() {
	{ sclient "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1" </dev/null 2>/dev/null || true; } |
		openssl x509 -noout -serial 2>/dev/null || true
}
# wait_serial WANT: wait up to 10 s for new connections to see the certificate WANT.
wait_serial() {
	local i
	for ((i = 0; i < 50; i++)); do
		[ "$(served_serial)" = "$1" ] && return 0
		sleep 0.2
	done
	return 1
}
file_serial() { openssl x509 -noout -serial -in "$T/pki/server.crt"; }

first=$(served_serial)
assert_eq "$(file_serial)" "$first" "the server presents pki/server.crt"

"$PKI" --force server "$T/pki" server >/dev/null
second=$(file_serial)
server_reload
wait_serial "$second" || fail "after SIGHUP the server still presents $(served_serial)"
ok "SIGHUP swaps in a renewed server certificate"
run term a hello
assert_eq 0 "$RC" "terminals are served with the renewed certificate"

# A key that does not belong to the certificate: refused, the old pair stays.
cp "$T/pki/server.key" "$T/server.key.good"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$T/pki/server.key" 2>/dev/null
server_reload
sleep 1
server_alive || fail "the server died on a reload with a mismatched key"
assert_eq "$second" "$(served_serial)" "a mismatched key is refused; the old set stays"
run term a hello
assert_eq 0 "$RC" "... and terminals are still served"
cp "$T/server.key.good" "$T/pki/server.key"

# A config that does not parse.
cp "$T/server.conf" "$T/server.conf.good"
sed -i 's/^max_frame = .*/max_frame = banana/' "$T/server.conf"
server_reload
sleep 1
server_alive || fail "the server died on a reload with a broken config"
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "a broken config is refused; the server keeps serving"

# A key that needs a restart (the listener).
cp "$T/server.conf.good" "$T/server.conf"
other_port=""
free_port other_port
sed -i "s/^listen = 127.0.0.1:$TLS_PORT/listen = 127.0.0.1:$other_port/" "$T/server.conf"
server_reload
sleep 1
server_alive || fail "the server died on a reload changing listen"
run term a hello
assert_eq 0 "$RC" "changing listen is refused on reload; the old listener stays"
cp "$T/server.conf.good" "$T/server.conf"

# And a good set after the refused ones is taken.
"$PKI" --force server "$T/pki" server >/dev/null
third=$(file_serial)
server_reload
wait_serial "$third" || fail "a valid set after refused ones was not taken"
ok "a valid set after refused reloads is swapped in"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# samples_are_valid: deploy/samples/server.conf passes `cctns-server --check`, and
# deploy/samples/station.conf (pointed at this test's server) lets a terminal say hello and
# register deploy/samples/fir.json.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

mkdir -p "$T/sample"
ln -s ../pki "$T/sample/pki"
sed "s|^conninfo = .*|conninfo = host=$CCTNS_PGHOST port=5432 dbname=cctns user=cctns_server|" \
	"$SRC/deploy/samples/server.conf" >"$T/sample/server.conf"
run "$BIN/cctns-server" --config "$T/sample/server.conf" --check
assert_eq 0 "$RC" "deploy/samples/server.conf passes cctns-server --check"
assert_contains "$OUT" "config ok" "... which says config ok"

sed "s|^address = 127.0.0.1:7443|address = 127.0.0.1:$TLS_PORT|" \
	"$SRC/deploy/samples/station.conf" >"$T/sample/station.conf"
run timeout 60 "$BIN/cctns" --config "$T/sample/station.conf" hello
assert_eq 0 "$RC" "deploy/samples/station.conf works for a terminal"
assert_contains "$OUT" "$A_NAME" "... of station A"

# signin: an officer signs in; the session file goes beside the config by default.
run timeout 60 "$BIN/cctns" --config "$T/sample/station.conf" login --officer $A_OFFICER \
	--password-file "$OFFICER_PW"
assert_eq 0 "$RC" "the officer signs in with the sample config"
[ -f "$T/sample/station.conf.session" ] || fail "no session file beside the config"
ok "the session file is beside the config"

run env CCTNS_CONFIG="$T/sample/station.conf" timeout 60 "$BIN/cctns" fir register "$SAMPLE"
assert_eq 0 "$RC" "CCTNS_CONFIG selects the config; deploy/samples/fir.json registers"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"

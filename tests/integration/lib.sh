# lib.sh: the integration test harness, sourced by every tests/integration/*.sh.
#
# Each test gets its own world under the build tree, $BUILD/itest/<test>.XXXXXX: a PostgreSQL
# cluster (deploy/pgctl; a copy of $BUILD/itest/template, migrated once per build), a PKI
# (deploy/pki), the migrated database with two registered stations, cctns-server on free
# loopback ports, and terminal configs. Run as root, the clusters live in
# /dev/shm/cctns-itest when that is a tmpfs with room (below). An EXIT trap stops all of it;
# on failure it prints the tail of the server and PostgreSQL logs and keeps the folder (and
# the cluster, where $T/pg points).
#
# Inputs (ctest sets them; the defaults suit a manual run from the checkout):
#   CCTNS_SOURCE_DIR  the checkout             (default: two levels above this file)
#   CCTNS_BUILD_DIR   the build tree           (default: $CCTNS_SOURCE_DIR/build)
#   CCTNS_BIN_DIR     cctns, cctns-server, cctns-admin (default: $CCTNS_BUILD_DIR/bin)
#   ITEST_KEEP=1      keep the test folder even when the test passes
# shellcheck shell=bash
set -euo pipefail

ITEST_NAME=$(basename "$0" .sh)
SRC=${CCTNS_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
BUILD=${CCTNS_BUILD_DIR:-$SRC/build}
BIN=${CCTNS_BIN_DIR:-$BUILD/bin}
SAMPLE=$SRC/deploy/samples/fir.json
PGCTL=$SRC/deploy/pgctl
PKI=$SRC/deploy/pki
# India's current year: the year the system numbers new records in (FIR 0001/$YEAR).
# shellcheck disable=SC2034 # read by the tests
YEAR=$(TZ=Asia/Kolkata date +%Y)
export CCTNS_PG_NOSYNC=1
# Run as root, every test cluster is relocated (deploy/pgctl: the postgres user cannot enter
# the test's 0700 folder). It goes to RAM when /dev/shm is a tmpfs with room: on a virtual disk
# creating a file costs about 0.6 ms here, a migrated cluster has 1,700 of them, and every
# commit waits for an fsync. The clusters are the same PostgreSQL either way; only a crash of
# the machine, which no test makes, would tell them apart. The benchmarks (tests/bench) set
# ITEST_PG_DISK=1: they measure a cluster on disk.
if [ "${ITEST_PG_DISK:-0}" != 1 ] && [ -z "${CCTNS_PG_RELOCATE_ROOT:-}" ] &&
	[ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] &&
	[ "$(df --output=avail -k /dev/shm 2>/dev/null | tail -n 1)" -gt 2000000 ]; then
	export CCTNS_PG_RELOCATE_ROOT=/dev/shm/cctns-itest
fi

# Station A and B of the harness (the quickstart's two stations).
A_STATE=9 A_DISTRICT=118 A_STATION=1001 A_NAME="Agra Kotwali"
B_STATE=9 B_DISTRICT=119 B_STATION=2001 B_NAME="Aligarh Civil Lines"

# signin: the harness officers, one per station, holding every station role; their password
# (made up per test) is in $OFFICER_PW.
A_OFFICER=A1 B_OFFICER=B1
STATION_ROLES=station_writer,investigating_officer,station_house_officer

mkdir -p "$BUILD/itest"
T=$(mktemp -d "$BUILD/itest/$ITEST_NAME.XXXXXX")
OFFICER_PW=$T/officer.pw
SERVER_PID=""
SERVER_LOG=$T/server.log
TLS_PORT=""
HTTP_PORT=""
ITEST_PORTS=()
ITEST_CHECKS=0
# Server knobs a test may change before server_start.
SERVER_IDLE_TIMEOUT=${SERVER_IDLE_TIMEOUT:-60s}
SERVER_MAX_FRAME=${SERVER_MAX_FRAME:-1M}
SERVER_POOL_SIZE=${SERVER_POOL_SIZE:-4}
SERVER_MAX_CONNECTIONS=${SERVER_MAX_CONNECTIONS:-256}
# crl: [tls] crl of the server (relative to $T), empty = no revocation checking.
SERVER_CRL=${SERVER_CRL:-}
# signin: [officers] session_idle and lockout.
SERVER_OFFICER_IDLE=${SERVER_OFFICER_IDLE:-30m}
SERVER_OFFICER_LOCKOUT=${SERVER_OFFICER_LOCKOUT:-10m}

# ------------------------------------------------------------------ reporting

log() { printf '# %s\n' "$*"; }

fail() {
	printf 'FAIL: %s: %s\n' "$ITEST_NAME" "$*" >&2
	ITEST_ERR=""
	exit 1
}

ok() {
	ITEST_CHECKS=$((ITEST_CHECKS + 1))
	printf 'ok %d - %s\n' "$ITEST_CHECKS" "$*"
}

# assert_eq EXPECTED ACTUAL WHAT
assert_eq() {
	[ "$1" = "$2" ] || fail "$3: expected '$1', got '$2'"
	ok "$3"
}

# assert_contains TEXT NEEDLE WHAT: NEEDLE (case-insensitive, fixed string) occurs in TEXT.
assert_contains() {
	grep -qiF -- "$2" <<<"$1" || fail "$3: '$2' not in: $(head -c 2000 <<<"$1")"
	ok "$3"
}

# assert_match TEXT ERE WHAT: the extended regular expression ERE matches a line of TEXT.
assert_match() {
	grep -qE -- "$2" <<<"$1" || fail "$3: /$2/ does not match: $(head -c 2000 <<<"$1")"
	ok "$3"
}

assert_not_contains() {
	! grep -qiF -- "$2" <<<"$1" || fail "$3: '$2' unexpectedly in: $(head -c 2000 <<<"$1")"
	ok "$3"
}

# run CMD...: run CMD, its stdout+stderr into $OUT and exit status into $RC, never tripping
# set -e. The output is echoed, indented, so a failing run reads well in the ctest log.
OUT=""
RC=0
run() {
	local shown=$*
	OUT=$("$@" 2>&1) && RC=0 || RC=$?
	shown=${shown//$T\//}
	shown=${shown//$SRC\//}
	printf '#   $ %s  -> exit %s\n' "$shown" "$RC"
	[ -z "$OUT" ] || printf '%s\n' "$OUT" | sed -n '1,40p' | while IFS= read -r line; do
		printf '#     %s\n' "$line"
	done
}

# ------------------------------------------------------------------ cleanup

itest_cleanup() {
	local rc=$?
	set +e
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID" 2>/dev/null
		for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$SERVER_PID" 2>/dev/null
	fi
	# Whatever else this test started in the background (terminals, s_client).
	local pids
	pids=$(jobs -pr)
	# shellcheck disable=SC2086 # a list of pids
	[ -z "$pids" ] || kill -KILL $pids 2>/dev/null
	if [ "$rc" -ne 0 ]; then
		[ -z "$ITEST_ERR" ] || echo "FAIL: $ITEST_NAME: a command failed ($ITEST_ERR)" >&2
		echo "--- $ITEST_NAME failed (exit $rc); its folder is kept: $T" >&2
		if [ -f "$SERVER_LOG" ]; then
			echo "--- last lines of the server log ($SERVER_LOG):" >&2
			tail -n 40 "$SERVER_LOG" >&2
		fi
		if [ -e "$T/pg" ]; then
			echo "--- last lines of the PostgreSQL log:" >&2
			tail -n 15 "$(readlink -f "$T/pg")/postgresql.log" >&2 2>/dev/null
			"$PGCTL" --dir "$T/pg" stop >/dev/null 2>&1
		fi
	else
		if [ "${ITEST_KEEP:-0}" = 1 ]; then
			[ ! -e "$T/pg" ] || "$PGCTL" --dir "$T/pg" stop >/dev/null 2>&1
			echo "# kept $T"
		else
			[ ! -e "$T/pg" ] || "$PGCTL" --dir "$T/pg" destroy >/dev/null 2>&1
			rm -rf "$T"
		fi
		[ "$ITEST_CHECKS" -eq 0 ] || echo "# $ITEST_NAME: all $ITEST_CHECKS checks passed"
	fi
	exit "$rc"
}
# A command failing under set -e says which one it was.
ITEST_ERR=""
set -E
trap 'ITEST_ERR="line $LINENO: $BASH_COMMAND"' ERR
trap itest_cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ pieces

need_binaries() {
	local b
	for b in "$@"; do
		[ -x "$BIN/$b" ] || fail "$BIN/$b is missing (build first)"
	done
}

# free_port VAR: a free loopback TCP port (20000-31999, below the ephemeral range), not yet
# handed out in this test, into $VAR.
free_port() {
	local p i
	for ((i = 0; i < 500; i++)); do
		p=$((20000 + (RANDOM * 32768 + RANDOM) % 12000)) # below the ephemeral range
		# p + 1 too: a second worker's /metrics port (HTTP_PORT + 1)
		[[ " ${ITEST_PORTS[*]} " == *" $p "* || " ${ITEST_PORTS[*]} " == *" $((p + 1)) "* ]] && continue
		ss -Htln "( sport = :$p or sport = :$((p + 1)) )" 2>/dev/null | grep -q . && continue
		ITEST_PORTS+=("$p" "$((p + 1))")
		printf -v "$1" '%s' "$p"
		return 0
	done
	fail "no free port"
}

# db_template: $BUILD/itest/template/pg, a stopped cluster migrated by this build's
# cctns-admin, made by the first test that needs it and copied by every test (pgctl copy: about
# 0.5 s against 2.8 s for initdb and every migration). It is made again when the migrations,
# cctns-admin, pgctl, pgaudit.sql or the date change (a stamp of them); a lock makes concurrent
# tests wait for it. Tests of the migrations themselves run pgctl init and migrate on their own.
ITEST_TEMPLATE=$BUILD/itest/template
db_template() {
	local stamp lock
	stamp=$({
		TZ=Asia/Kolkata date +%F
		cat "$SRC"/schema/migrations/*.sql "$SRC/deploy/pgctl" "$SRC/deploy/pgaudit.sql" "$BIN/cctns-admin"
	} | sha256sum | cut -c1-16)
	exec {lock}>"$BUILD/itest/template.lock"
	flock "$lock"
	if [ "$(cat "$ITEST_TEMPLATE/stamp" 2>/dev/null)" != "$stamp" ]; then
		[ ! -e "$ITEST_TEMPLATE/pg" ] || "$PGCTL" --dir "$ITEST_TEMPLATE/pg" destroy >/dev/null 2>&1
		rm -rf "$ITEST_TEMPLATE"
		mkdir -p "$ITEST_TEMPLATE"
		"$PGCTL" --dir "$ITEST_TEMPLATE/pg" init >/dev/null {lock}>&-
		if ! (
			eval "$("$PGCTL" --dir "$ITEST_TEMPLATE/pg" env)"
			"$BIN/cctns-admin" --db "$CCTNS_DB" migrate
		) >"$ITEST_TEMPLATE/migrate.log" 2>&1; then
			cat "$ITEST_TEMPLATE/migrate.log" >&2
			"$PGCTL" --dir "$ITEST_TEMPLATE/pg" destroy >/dev/null 2>&1
			fail "cctns-admin migrate failed (the template database)"
		fi
		"$PGCTL" --dir "$ITEST_TEMPLATE/pg" stop
		echo "$stamp" >"$ITEST_TEMPLATE/stamp"
	fi
	# The lock is not handed to the postmaster (it would hold it as long as it runs).
	"$PGCTL" --dir "$1" copy --from "$ITEST_TEMPLATE/pg" >/dev/null {lock}>&-
	exec {lock}>&-
}

# db_setup: cluster, migrations, stations A and B registered. A cluster the test made itself
# in $T/pg (e.g. pgctl init --logical) is migrated; otherwise it is a copy of the template.
db_setup() {
	need_binaries cctns-admin
	local st=0
	"$PGCTL" --dir "$T/pg" status >/dev/null || st=$?
	if [ "$st" = 4 ]; then
		db_template "$T/pg"
		eval "$("$PGCTL" --dir "$T/pg" env)"
	else
		"$PGCTL" --dir "$T/pg" init >/dev/null
		eval "$("$PGCTL" --dir "$T/pg" env)"
		"$BIN/cctns-admin" --db "$CCTNS_DB" migrate >"$T/migrate.log" 2>&1 ||
			{
				cat "$T/migrate.log" >&2
				fail "cctns-admin migrate failed"
			}
	fi
	export CCTNS_DB CCTNS_PGHOST
	"$BIN/cctns-admin" --db "$CCTNS_DB" station add --state $A_STATE --district $A_DISTRICT \
		--code $A_STATION --name "$A_NAME" >/dev/null
	"$BIN/cctns-admin" --db "$CCTNS_DB" station add --state $B_STATE --district $B_DISTRICT \
		--code $B_STATION --name "$B_NAME" >/dev/null
	officer_add $A_OFFICER $A_DISTRICT $A_STATION
	officer_add $B_OFFICER $B_DISTRICT $B_STATION
}

# signin: officer_add NO DISTRICT STATION [ROLES]: officer NO of state $A_STATE posted at
# DISTRICT/STATION with ROLES (default every station role), password in $OFFICER_PW.
officer_add() {
	if [ ! -f "$OFFICER_PW" ]; then
		(umask 077 && printf 'itest-%s-%s\n' "$RANDOM" "$RANDOM" >"$OFFICER_PW")
	fi
	"$BIN/cctns-admin" --db "$CCTNS_DB" officer add --state $A_STATE --officer-no "$1" \
		--name "Test Officer $1" --rank Inspector --station "$2/$3" \
		--role "${4:-$STATION_ROLES}" --password-file "$OFFICER_PW" >/dev/null
}

# signin: term_login NAME OFFICER: sign terminal NAME in as OFFICER (password $OFFICER_PW).
term_login() {
	term "$1" login --officer "$2" --password-file "$OFFICER_PW"
}

# signin: the officer of the harness station a certificate base name is for, or nothing.
officer_for_cert() {
	case $1 in
	station-$A_STATE-$A_DISTRICT-$A_STATION-*) echo $A_OFFICER ;;
	station-$B_STATE-$B_DISTRICT-$B_STATION-*) echo $B_OFFICER ;;
	esac
}

# pki_setup: the state CA, the server certificate, and desk-1 of stations A and B.
pki_setup() {
	"$PKI" ca "$T/pki" >/dev/null
	"$PKI" server "$T/pki" server >/dev/null
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION desk-1 >/dev/null
	"$PKI" station "$T/pki" $B_STATE $B_DISTRICT $B_STATION desk-1 >/dev/null
}

# sql QUERY [psql args...]: run QUERY as cctns_owner, print the rows unaligned (| between
# columns). Values go in as psql variables (-v name=value, used as :'name').
sql() {
	local q=$1
	shift
	psql -X -q -At -v ON_ERROR_STOP=1 "$@" -d "$CCTNS_DB" -c "$q"
}

# write_server_conf: $T/server.conf for the current ports and knobs.
write_server_conf() {
	cat >"$T/server.conf" <<CONF
[server]
listen = 127.0.0.1:$TLS_PORT
max_connections = $SERVER_MAX_CONNECTIONS
max_frame = $SERVER_MAX_FRAME
max_in_flight = 64
idle_timeout = $SERVER_IDLE_TIMEOUT
drain_timeout = 10s
[tls]
ca = pki/ca.crt
cert = pki/server.crt
key = pki/server.key
crl = $SERVER_CRL
[database]
conninfo = host=$CCTNS_PGHOST port=5432 dbname=cctns user=cctns_server
pool_size = $SERVER_POOL_SIZE
[http]
listen = 127.0.0.1:$HTTP_PORT
[log]
level = info
[officers]
session_idle = $SERVER_OFFICER_IDLE
lockout = $SERVER_OFFICER_LOCKOUT
CONF
}

healthy() {
	local i
	for ((i = 0; i < ${SERVER_WORKERS:-1}; i++)); do # worker i answers on HTTP_PORT + i
		curl -fsS --max-time 2 "http://127.0.0.1:$((HTTP_PORT + i))/healthz" >/dev/null 2>&1 || return 1
	done
}

# server_reload: SIGHUP.
server_reload() {
	kill -HUP "$SERVER_PID"
}

# server_start: start cctns-server (new free ports the first time, the same ones after a
# stop or kill) and wait until /healthz answers.
server_start() {
	need_binaries cctns-server
	[ -n "$TLS_PORT" ] || free_port TLS_PORT
	[ -n "$HTTP_PORT" ] || free_port HTTP_PORT
	write_server_conf
	echo "--- server start $(date -u +%FT%TZ)" >>"$SERVER_LOG"
	"$BIN/cctns-server" --config "$T/server.conf" </dev/null >>"$SERVER_LOG" 2>&1 &
	SERVER_PID=$!
	local i
	for ((i = 0; i < 300; i++)); do
		healthy && {
			log "cctns-server pid $SERVER_PID on 127.0.0.1:$TLS_PORT, http $HTTP_PORT"
			return 0
		}
		kill -0 "$SERVER_PID" 2>/dev/null || fail "cctns-server exited at start"
		sleep 0.2
	done
	fail "cctns-server not healthy after 60 s"
}

# server_stop: SIGTERM, wait for the drain; returns the server's exit status.
server_stop() {
	local rc=0
	[ -n "$SERVER_PID" ] || return 0
	kill -TERM "$SERVER_PID" 2>/dev/null || true
	wait "$SERVER_PID" || rc=$?
	SERVER_PID=""
	return "$rc"
}

# server_kill: SIGKILL, no drain.
server_kill() {
	[ -n "$SERVER_PID" ] || return 0
	kill -KILL "$SERVER_PID" 2>/dev/null || true
	wait "$SERVER_PID" 2>/dev/null || true
	SERVER_PID=""
}

server_alive() {
	[ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null
}

# terminal_conf NAME CERT_BASE [CA]: $T/NAME.conf for a terminal with pki/CERT_BASE.{crt,key}
# (no [tls] cert/key lines when CERT_BASE is empty) trusting pki/CA (default ca.crt).
terminal_conf() {
	{
		printf '[server]\naddress = 127.0.0.1:%s\nserver_name = localhost\n' "$TLS_PORT"
		printf 'connect_timeout = 5s\nrequest_timeout = 30s\n[tls]\nca = pki/%s\n' "${3:-ca.crt}"
		if [ -n "$2" ]; then
			printf 'cert = pki/%s.crt\nkey = pki/%s.key\n' "$2" "$2"
		fi
	} >"$T/$1.conf"
	# signin: a terminal of station A or B is signed in as its officer (created when the
	# test made its own database) once the server runs; a test about signing in uses
	# terminal_conf_only.
	local officer
	officer=$(officer_for_cert "$2")
	if [ -n "$officer" ] && server_alive; then
		if [ "$(sql "SELECT count(*) FROM core.officer WHERE officer_no = '$officer'" \
			2>/dev/null)" = 0 ]; then
			if [ "$officer" = $A_OFFICER ]; then
				officer_add $A_OFFICER $A_DISTRICT $A_STATION
			else
				officer_add $B_OFFICER $B_DISTRICT $B_STATION
			fi
		fi
		term_login "$1" "$officer" >/dev/null 2>&1 || true
	fi
}

# signin: terminal_conf_only NAME CERT_BASE [CA]: terminal_conf without signing in.
terminal_conf_only() {
	local alive=$SERVER_PID
	SERVER_PID=""
	terminal_conf "$@"
	SERVER_PID=$alive
}

# term NAME ARGS...: the terminal with $T/NAME.conf (60 s at most).
term() {
	local name=$1
	shift
	timeout 60 "$BIN/cctns" --config "$T/$name.conf" "$@"
}

# stack_up: everything a terminal test needs: database, PKI, server, terminals `a` and `b`.
stack_up() {
	need_binaries cctns-admin cctns-server cctns
	pki_setup
	db_setup
	server_start
	terminal_conf a "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
	terminal_conf b "station-$B_STATE-$B_DISTRICT-$B_STATION-desk-1"
}

# fir_number TEXT: the first FIR number (NNNN/YYYY) in the terminal's output.
fir_number() {
	grep -oE '[0-9]+/[0-9]{4}' <<<"$1" | head -n 1
}

# sample_with SED_SCRIPT: the sample FIR with SED_SCRIPT applied, on stdout.
sample_with() {
	sed -e "$1" "$SAMPLE"
}

# metrics_sum REGEX: the sum of the /metrics samples whose name matches REGEX.
metrics_sum() {
	curl -fsS --max-time 5 "http://127.0.0.1:$HTTP_PORT/metrics" |
		awk -v re="$1" '!/^#/ && $1 ~ re { s += $NF } END { printf "%d\n", s }'
}

# metric SERIES: one /metrics sample as printed, e.g. cctns_firlisten_up or
# 'cctns_fircache_misses_total{reason="absent"}' (with several workers, the sum /metrics
# shows; "" when absent). A test may define its own metric after sourcing this file.
metric() {
	curl -fsS --max-time 5 "http://127.0.0.1:$HTTP_PORT/metrics" |
		awk -v k="$1" '!/^#/ && $1 == k && !seen { print $2; seen = 1 }'
}

# wait_metric SERIES OP VALUE: up to 10 s for the sample to compare (awk) OP VALUE.
wait_metric() {
	local i v
	for ((i = 0; i < 50; i++)); do
		v=$(metric "$1")
		[ -n "$v" ] && awk -v a="$v" -v b="$3" "BEGIN { exit !(a $2 b) }" && return 0
		sleep 0.2
	done
	fail "$1 is \"$v\", expected $2 $3"
}

# settled SERIES: its value once every worker has published (each does every second).
settled() {
	sleep 1.5
	metric "$1"
}

# listeners_end: end the LISTEN connections of the server's two workers (fir, slice 12; hs)
# and keep them from coming back (cctns_server's connection limit 0) until listeners_back.
listeners_end() {
	local lost0
	lost0=$(metric cctns_firlisten_lost_total)
	LISTENERS_CONNECTS=$(metric cctns_firlisten_connects_total)
	su_sql "ALTER ROLE cctns_server CONNECTION LIMIT 0" >/dev/null
	assert_eq 2 "$(su_sql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name = 'cctns-server-firlisten'")" "the two listeners' backends are ended"
	wait_metric cctns_firlisten_up '==' 0
	wait_metric cctns_firlisten_lost_total '==' $((lost0 + 2))
	ok "both workers see their listener gone (and cannot reconnect: connection limit 0)"
}

# listeners_back: lift the limit of listeners_end; both workers listen again.
listeners_back() {
	su_sql "ALTER ROLE cctns_server CONNECTION LIMIT -1" >/dev/null
	wait_metric cctns_firlisten_up '==' 2
	wait_metric cctns_firlisten_connects_total '>=' $((LISTENERS_CONNECTS + 2))
	ok "both listeners are back"
}

# su_sql SQL: SQL as the cluster's superuser (test set-up that no role of ours may do).
su_sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "host=$CCTNS_PGHOST port=5432 dbname=cctns user=postgres" -c "$1"; }

# wait_sql SQL VALUE [SECONDS]: until SQL (su_sql) prints VALUE, SECONDS (10) at most; 1 if never.
wait_sql() {
	local i
	for ((i = 0; i < ${3:-10} * 10; i++)); do
		[ "$(su_sql "$1")" = "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

# server_sleeping: the one statement of cctns-server's connections in pg_sleep (a test's slow
# wrapper of an api function has read and waits), 10 s at most.
server_sleeping() {
	wait_sql "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'
		AND application_name = 'cctns-server'" 1
}

# sanitizer_clean: no sanitizer report in the server log (ASan builds).
sanitizer_clean() {
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$SERVER_LOG" 2>/dev/null; then
		grep -E -A20 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$SERVER_LOG" | head -n 60 >&2
		fail "sanitizer report in the server log"
	fi
	ok "no sanitizer report in the server log"
}

# ------------------------------------------------------------------ raw frames (openssl s_client)

# hexstr STRING: STRING as hex digits.
hexstr() {
	printf '%s' "$1" | xxd -p | tr -d '\n'
}

# hexlen HEX: the length in bytes of HEX, as one varint byte (bodies here stay under 128).
hexlen() {
	printf '%02x' $((${#1} / 2))
}

# frame HEX: a frame (4-byte big-endian length, then the body) of the body HEX, as bytes.
frame() {
	printf '%08x%s' $((${#1} / 2)) "$1" | xxd -r -p
}

# hello_frame [ID]: an Envelope{request_id=ID, hello{protocol_version=1, software="itest"}},
# with session_token (signin) read from the file $HELLO_SESSION when it exists (default: the
# session of terminal a, station A desk-1).
hello_frame() {
	local hello token=""
	[ ! -f "${HELLO_SESSION:-$T/a.conf.session}" ] ||
		token=$(head -n 1 "${HELLO_SESSION:-$T/a.conf.session}")
	hello="0801"12$(hexlen "$(hexstr itest)")$(hexstr itest)
	[ -z "$token" ] || hello+=1a20$token
	frame "08$(printf '%02x' "${1:-1}")52$(hexlen "$hello")$hello"
}

# get_fir_frame ID NUMBER: an Envelope{request_id=ID, get_fir{fir_number=NUMBER}}.
get_fir_frame() {
	local get
	get=0a$(hexlen "$(hexstr "$2")")$(hexstr "$2")
	frame "08$(printf '%02x' "$1")b201$(hexlen "$get")$get"
}

# sclient CERT_BASE [s_client args...]: a raw TLS connection (openssl s_client) as the
# terminal with pki/CERT_BASE.{crt,key} (none when CERT_BASE is empty), at most 10 s; stdin
# goes to the server, what the server sends comes out on stdout. The command line is also
# left in the array SCLIENT, for callers that need it without the time limit.
SCLIENT=()
sclient_cmd() {
	SCLIENT=(openssl s_client -connect "127.0.0.1:$TLS_PORT" -servername localhost
		-CAfile "$T/pki/ca.crt")
	[ -z "$1" ] || SCLIENT+=(-cert "$T/pki/$1.crt" -key "$T/pki/$1.key")
}
sclient() {
	sclient_cmd "$1"
	shift
	timeout 10 "${SCLIENT[@]}" "$@"
}

# open_conn NAME CERT_BASE: a long-lived raw connection that has said Hello and got its
# HelloAck; write more frames to fd of $T/NAME.in via `send NAME`, read $T/NAME.out.
# Its s_client pid is in CONN_PID[NAME].
declare -A CONN_PID=()
declare -A CONN_FD=()
open_conn() {
	local name=$1 fd
	rm -f "$T/$name.in"
	mkfifo "$T/$name.in"
	sclient_cmd "$2"
	"${SCLIENT[@]}" -quiet <"$T/$name.in" >"$T/$name.out" 2>"$T/$name.err" &
	CONN_PID[$name]=$!
	exec {fd}>"$T/$name.in"
	CONN_FD[$name]=$fd
	hello_frame 1 >&"$fd"
	wait_for_text "$T/$name.out" "$A_NAME" 20 || return 1
}

# send NAME: stdin goes to the connection NAME.
send() {
	cat >&"${CONN_FD[$1]}"
}

# close_conn NAME: hang up the connection NAME.
close_conn() {
	local fd=${CONN_FD[$1]}
	exec {fd}>&-
	kill "${CONN_PID[$1]}" 2>/dev/null || true
	wait "${CONN_PID[$1]}" 2>/dev/null || true
}

# conn_closed_by_server NAME SECONDS: the server hangs up NAME within SECONDS.
conn_closed_by_server() {
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		kill -0 "${CONN_PID[$1]}" 2>/dev/null || return 0
		sleep 0.1
	done
	return 1
}

# wait_for_text FILE TEXT [SECONDS]: wait until FILE contains TEXT (binary-safe).
wait_for_text() {
	local i
	for ((i = 0; i < ${3:-20} * 10; i++)); do
		grep -qaF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# ------------------------------------------------------------------ load: workers
# [server] workers of the test server: 1 unless a test sets SERVER_WORKERS (the default of
# the config, one per core, would split /metrics over one port per worker). Appended to the
# file write_server_conf writes, as a second [server] section (ini allows it).
SERVER_WORKERS=${SERVER_WORKERS:-1}
eval "$(declare -f write_server_conf | sed '1s/^write_server_conf/write_server_conf_base/')"
write_server_conf() {
	write_server_conf_base
	printf '[server]\nworkers = %s\n' "$SERVER_WORKERS" >>"$T/server.conf"
}

# sealed: sign_in_sample_io NAME: sign terminal NAME in as UP-15432 (SI Ravi Kumar Sharma, every
# station role of station A), the investigating officer of deploy/samples/assign-io.json and
# final-report.json: a final report is filed only by the case's IO signed in at the terminal.
sign_in_sample_io() {
	if [ "$(sql "SELECT count(*) FROM core.officer WHERE officer_no = 'UP-15432'")" = 0 ]; then
		officer_add UP-15432 $A_DISTRICT $A_STATION
	fi
	term_login "$1" UP-15432 >/dev/null || fail "UP-15432 (the samples' IO) signs in at $1"
}

# hold_lock: a psql session holding LOCK audit.chain (so no audit batch can
# commit) until release_lock. The audit tests stop the chain with it.
hold_lock() {
	rm -f "$T/lock.in" "$T/lock.out"
	mkfifo "$T/lock.in"
	psql -X -q -At -d "$CCTNS_DB" <"$T/lock.in" >"$T/lock.out" 2>&1 &
	LOCK_PID=$!
	exec {LOCK_FD}>"$T/lock.in"
	printf 'BEGIN;\nLOCK TABLE audit.chain IN EXCLUSIVE MODE;\nSELECT %s;\n' "'held'" >&"$LOCK_FD"
	wait_for_text "$T/lock.out" held 20 || fail "psql did not take the lock: $(cat "$T/lock.out")"
}
release_lock() {
	printf 'ROLLBACK;\n' >&"$LOCK_FD"
	exec {LOCK_FD}>&-
	wait "$LOCK_PID" || true
}

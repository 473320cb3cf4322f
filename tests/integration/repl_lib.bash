# repl_lib.bash: helpers shared by the replication tests (national database, failover,
# HAProxy), sourced after lib.sh: more clusters and servers than lib.sh's one of each, all
# stopped by the EXIT trap (clusters destroyed when the test passes, kept when it fails).
# shellcheck shell=bash

REPL_CLUSTERS=()          # cluster dirs besides $T/pg
declare -A REPL_PID=()    # server name -> pid
declare -A REPL_TLS=()    # server name -> TLS port
declare -A REPL_HTTP=()   # server name -> HTTP port

repl_cleanup() {
	local rc=$1 n d
	set +e
	for n in "${!REPL_PID[@]}"; do
		kill -TERM "${REPL_PID[$n]}" 2>/dev/null
		timeout 15 tail --pid="${REPL_PID[$n]}" -f /dev/null 2>/dev/null
		kill -KILL "${REPL_PID[$n]}" 2>/dev/null
		wait "${REPL_PID[$n]}" 2>/dev/null
	done
	for d in "${REPL_CLUSTERS[@]}"; do
		if [ "$rc" -eq 0 ] && [ "${ITEST_KEEP:-0}" != 1 ]; then
			"$PGCTL" --dir "$d" destroy >/dev/null 2>&1
		else
			[ "$rc" -eq 0 ] || { echo "--- last lines of $d/postgresql.log:" >&2
				tail -n 15 "$(readlink -f "$d")/postgresql.log" >&2 2>/dev/null; }
			"$PGCTL" --dir "$d" stop >/dev/null 2>&1
		fi
	done
}
trap 'rc=$?; repl_cleanup "$rc"; (exit "$rc"); itest_cleanup' EXIT

# repl_cluster DIR [pgctl init options]: a further cluster, stopped or destroyed at exit.
repl_cluster() {
	local d=$1
	shift
	REPL_CLUSTERS+=("$d")
	"$PGCTL" --dir "$d" init "$@" >/dev/null
}

# repl_sock DIR: the socket directory of the cluster in DIR.
repl_sock() {
	printf '%s/run\n' "$(readlink -f "$1")"
}

# repl_migrate DIR: migrations applied to the cluster in DIR.
repl_migrate() {
	"$BIN/cctns-admin" --db "host=$(repl_sock "$1") port=5432 dbname=cctns user=cctns_owner" \
		migrate >"$T/migrate.$(basename "$1").log" 2>&1 ||
		fail "cctns-admin migrate failed on $1"
}

# repl_psql DIR SQL [psql args]: SQL as the superuser on the cluster in DIR, rows unaligned;
# on an error prints "psql-error" (so no comparison with an empty result passes) and fails.
repl_psql() {
	local d=$1 s=$2
	shift 2
	psql -X -q -At -v ON_ERROR_STOP=1 -h "$(repl_sock "$d")" -p 5432 -U postgres -d cctns \
		"$@" -c "$s" || {
		echo psql-error
		return 1
	}
}

# repl_server_start NAME CONNINFO: one more cctns-server, config $T/NAME.server.conf (as
# lib.sh's, with CONNINFO), on its own free ports; waits for /healthz.
repl_server_start() {
	local name=$1 conninfo=$2 i
	[ -n "${REPL_TLS[$name]:-}" ] || {
		free_port "REPL_TLS[$name]"
		free_port "REPL_HTTP[$name]"
	}
	local keep_tls=$TLS_PORT keep_http=$HTTP_PORT
	TLS_PORT=${REPL_TLS[$name]} HTTP_PORT=${REPL_HTTP[$name]}
	write_server_conf
	TLS_PORT=$keep_tls HTTP_PORT=$keep_http
	sed -i "s|^conninfo = .*|conninfo = $conninfo|" "$T/server.conf"
	mv "$T/server.conf" "$T/$name.server.conf"
	echo "--- server $name start $(date -u +%FT%TZ)" >>"$T/$name.server.log"
	"$BIN/cctns-server" --config "$T/$name.server.conf" </dev/null >>"$T/$name.server.log" 2>&1 &
	REPL_PID[$name]=$!
	for ((i = 0; i < 300; i++)); do
		if curl -fsS --max-time 2 "http://127.0.0.1:${REPL_HTTP[$name]}/healthz" \
			>/dev/null 2>&1; then
			log "server $name pid ${REPL_PID[$name]} on 127.0.0.1:${REPL_TLS[$name]}"
			return 0
		fi
		kill -0 "${REPL_PID[$name]}" 2>/dev/null || {
			tail -n 20 "$T/$name.server.log" >&2
			fail "server $name exited at start"
		}
		sleep 0.2
	done
	fail "server $name not healthy after 60 s"
}

# repl_server_kill NAME: SIGKILL the server NAME.
repl_server_kill() {
	kill -KILL "${REPL_PID[$1]}" 2>/dev/null || true
	wait "${REPL_PID[$1]}" 2>/dev/null || true
	unset "REPL_PID[$1]"
}

# repl_terminal NAME CERT_BASE PORT: $T/NAME.conf, a terminal with pki/CERT_BASE talking to
# 127.0.0.1:PORT (not signed in).
repl_terminal() {
	terminal_conf_only "$1" "$2"
	sed -i "s/^address = .*/address = 127.0.0.1:$3/" "$T/$1.conf"
}

# repl_told_check DB_DIR STATION FILE: every FIR number in FILE (one per line) exists exactly
# once at STATION in the cluster DB_DIR, no number twice, and the station's numbers this year
# are 1..N without a gap, N = the lines of FILE.
repl_told_check() {
	local d=$1 st=$2 f=$3 total year n found
	total=$(wc -l <"$f")
	assert_eq "$total" "$(sort -u "$f" | wc -l)" "no FIR number was told twice"
	year=$(head -n 1 "$f")
	year=${year#*/}
	assert_eq "$total|$total|1|$total" "$(repl_psql "$d" "SELECT count(*), count(DISTINCT
		fir_no), min(fir_no), max(fir_no) FROM core.fir WHERE station_code = $st
		AND year = $year")" "$total FIRs stored at station $st, numbered 1..$total without a gap"
	while read -r n; do
		found=$(repl_psql "$d" "SELECT count(*) FROM core.fir WHERE station_code = $st
			AND year = ${n#*/} AND fir_no = $((10#${n%/*}))")
		[ "$found" = 1 ] || fail "FIR $n was told but is stored $found times"
	done <"$f"
	ok "every FIR told exists exactly once"
	assert_eq "" "$(repl_psql "$d" 'SELECT 1 FROM core.fir GROUP BY idempotency_key
		HAVING count(*) > 1')" "no idempotency key has two FIRs"
}

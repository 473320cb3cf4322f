# tests/bench/cpu.sh: CPU time per registration by process class (issue 7, reg), sourced by
# tests/bench/compare for --cpu. Throughput on this shared 2-core machine swings with whatever
# else runs; the CPU a registration costs each kind of process does not (much), so this is
# what the server is compared with pgbench by.
#
# A window of CPU_SECS seconds inside a flat-out run: utime + stime (/proc/PID/stat, clock
# ticks) of every process of a class at the window's start and end, the FIRs registered in
# between (core.fir_id_seq) and the WAL written (pg_current_wal_lsn). Classes:
#   client     cctns-bench or pgbench (the load tool; its threads included)
#   server     cctns-server, supervisor and workers
#   pool       backends with application_name cctns-server (the workers' pools)
#   audit      backends cctns-server-audit (the audit batches)
#   flush      other cctns-server-* backends (the GIN pending-list flush)
#   pgbench_be backends with application_name pgbench
#   walwriter  the WAL writer; ckpt: checkpointer and background writer
#   pg_other   the rest of the cluster's CPU: postmaster, autovacuum, the two psql
#              connections that read the counters, processes that ended in the window
#              (the postmaster's cutime + cstime)
#   pg_total   the whole cluster; all = pg_total + server + client
# Needs from the caller (lib.sh world): $PGDIR (cluster directory), $T, $CCTNS_DB, sql,
# server_pids.
# shellcheck shell=bash

# cpu_pg_children: "pid pg" for each live child of the postmaster, and "PM pm" for it.
cpu_pg_children() {
	local pm p
	pm=$(head -n 1 "$PGDIR/data/postmaster.pid")
	echo "$pm pm"
	for p in $(pgrep -P "$pm"); do echo "$p pg"; done
}

# cpu_classify CLIENT_PID SERVER(0/1) OUT: "pid class" lines for the window.
cpu_classify() {
	local p
	{
		echo "$1 client"
		if [ "$2" = 1 ]; then
			for p in $(server_pids); do echo "$p server"; done
		fi
		sql "SELECT pid || ' ' || CASE
			WHEN application_name = 'cctns-server' THEN 'pool'
			WHEN application_name = 'cctns-server-audit' THEN 'audit'
			WHEN application_name LIKE 'cctns-server%' THEN 'flush'
			WHEN application_name = 'pgbench' THEN 'pgbench_be'
			WHEN backend_type = 'walwriter' THEN 'walwriter'
			WHEN backend_type IN ('checkpointer', 'background writer') THEN 'ckpt'
			ELSE 'skip' END
			FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
	} >"$3"
}

# cpu_snap PIDS OUT: "class ticks" per class (utime + stime from /proc/PID/stat; a process
# gone counts 0), pg_total (the postmaster with its ended children's cutime + cstime, and its
# live children), then the FIR counter, the WAL LSN (bytes) and the time. The /proc reads are
# one awk pass, so the classes and pg_total are read within a few milliseconds of each other.
cpu_snap() {
	{
		cat "$1"
		cpu_pg_children
	} | awk '{
		f = "/proc/" $1 "/stat"; line = ""
		if ((getline line < f) > 0) {
			close(f); sub(/.*\) /, "", line); split(line, x, " ")
			t = x[12] + x[13]
			if ($2 == "pm") t += x[14] + x[15]
		} else t = 0
		if ($2 == "pm" || $2 == "pg") tot += t
		else if ($2 != "skip") sum[$2] += t
	}
	END { for (c in sum) print c, sum[c]; print "pg_total", tot }' >"$2"
	{
		sql "SELECT 'regs ' || last_value || E'\nwal ' ||
			pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint FROM core.fir_id_seq"
		echo "time $(date +%s.%N)"
	} >>"$2"
}

# cpu_report PATH A B: one line, microseconds of CPU per registration by class.
cpu_report() {
	awk -v path="$1" -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
	FNR == NR { a[$1] = $2; next } { b[$1] = $2 }
	END {
		n = b["regs"] - a["regs"]; secs = b["time"] - a["time"]
		if (n <= 0) { printf "cpu path=%s regs=0\n", path; exit }
		split("client server pool audit flush pgbench_be walwriter ckpt", cls, " ")
		known = 0
		for (i = 1; i <= 8; i++) {
			c = cls[i]; d[c] = (c in b) ? b[c] - a[c] : 0
			if (c != "client" && c != "server") known += d[c]
		}
		d["pg_total"] = b["pg_total"] - a["pg_total"]
		d["pg_other"] = d["pg_total"] - known
		d["all"] = d["pg_total"] + d["server"] + d["client"]
		printf "cpu path=%s load=%s regs=%d secs=%.1f per_s=%.0f", path, load, n, secs, n / secs
		split("client server pool audit flush pgbench_be walwriter ckpt pg_other pg_total all", out, " ")
		for (i = 1; i <= 11; i++)
			printf " %s=%.0f", out[i], d[out[i]] * 1e6 / hz / n
		printf " wal_B=%.0f\n", (b["wal"] - a["wal"]) / n
	}' "$2" "$3"
}

# cpu_perf PATH: with CPU_PERF_DIR set, perf record -g of the server, pool, audit and pgbench
# backend classes over the window (DIR/PATH-CLASS.data; perf's own overhead lands in the
# figures of that window, so profile and measure in different runs).
PERF_PIDS=()
cpu_perf() {
	local cls pids
	PERF_PIDS=()
	[ -n "${CPU_PERF_DIR:-}" ] || return 0
	for cls in server pool audit pgbench_be client; do
		pids=$(awk -v c="$cls" '$2 == c { printf "%s%s", s, $1; s = "," }' "$T/cpu.pids")
		[ -n "$pids" ] || continue
		perf record -q -g -o "$CPU_PERF_DIR/$1-$cls.data" -p "$pids" -- sleep "$CPU_SECS" \
			>/dev/null 2>&1 &
		PERF_PIDS+=($!)
	done
}
wait_perf() {
	local p
	for p in "${PERF_PIDS[@]}"; do wait "$p" || true; done
}

# cpu_window PATH CLIENT_PID SERVER(0/1): after a 2 s warm-up, CPU_SECS seconds measured.
cpu_window() {
	sleep 2
	cpu_classify "$2" "$3" "$T/cpu.pids"
	cpu_snap "$T/cpu.pids" "$T/cpu.a"
	cpu_perf "$1"
	sleep "$CPU_SECS"
	wait_perf
	cpu_snap "$T/cpu.pids" "$T/cpu.b"
	cpu_report "$1" "$T/cpu.a" "$T/cpu.b"
}

# cpu_server: cctns-bench, CLIENTS connections, register only, flat out.
cpu_server() {
	"$BIN/cctns-bench" --conf "$T/load-%d.conf" --stations "$STATIONS" --fir "$SAMPLE" \
		--connections "$CLIENTS" --seconds $((CPU_SECS + 5)) --mix register:1 \
		>"$T/cpu-bench.out" 2>&1 &
	local pid=$!
	cpu_window server "$pid" 1
	wait "$pid" || { cat "$T/cpu-bench.out" >&2; fail "cctns-bench failed"; }
	[ "$(grep -oE ' errors=[0-9]+' "$T/cpu-bench.out" | head -n 1)" = " errors=0" ] ||
		fail "registration errors: $(head -n 1 "$T/cpu-bench.out")"
}

# cpu_pgbench [SCRIPT PATH]: pgbench over TLS, CLIENTS clients, prepared: the server's
# transaction (register.sql), or SCRIPT reported as PATH (register_bare.sql: the registration
# alone, without the officer context and the audit record).
cpu_pgbench() {
	pgbench -n -c "$CLIENTS" -j 2 -T $((CPU_SECS + 5)) -M prepared -D fir="$FIR" \
		-f "$T/${1:-register.sql}" "host=$PGIP port=5432 sslmode=require dbname=cctns user=cctns_server" \
		>"$T/cpu-pgbench.out" 2>&1 &
	local pid=$!
	cpu_window "${2:-pgbench}" "$pid" 0
	wait "$pid" || { cat "$T/cpu-pgbench.out" >&2; fail "pgbench failed"; }
}

# cpu_table: the cpu lines (stdin) as one table, a column per run, microseconds per FIR.
cpu_table() {
	awk '{ n++; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[n, kv[1]] = kv[2] } }
	END {
		split("path load per_s client server pool audit flush pgbench_be walwriter ckpt pg_other pg_total all wal_B", keys, " ")
		print ""
		print "CPU microseconds per registration by process class (wal_B: WAL bytes per registration)"
		for (k = 1; k <= 15; k++) {
			printf "%-12s", keys[k]
			for (i = 1; i <= n; i++) printf " %9s", v[i, keys[k]]
			printf "\n"
		}
	}'
}

# cpu_rounds R: R rounds of windows (server, pgbench with the server's transaction, pgbench
# with the registration alone), and the table.
cpu_rounds() {
	local r
	: >"$T/cpu.lines"
	for ((r = 1; r <= $1; r++)); do
		log "cpu round $r/$1: server, pgbench over TLS, pgbench bare, ${CPU_SECS}s windows"
		cpu_server | tee -a "$T/cpu.lines"
		cpu_pgbench | tee -a "$T/cpu.lines"
		cpu_pgbench register_bare.sql pgb_bare | tee -a "$T/cpu.lines"
	done
	cpu_table <"$T/cpu.lines"
}

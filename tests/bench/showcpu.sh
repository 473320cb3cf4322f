# showcpu.sh (fir, slice 12), sourced by `tests/bench/compare --show-only`: CPU microseconds
# per FIR read by number through the server, by process class (cpu.sh's classes: the bench
# client, the server's processes, its pool's backends, its audit backend, the rest of
# PostgreSQL). One flat-out run of cctns-bench (8 connections, show only, CPU_SECS seconds);
# the server's and PostgreSQL's processes are read from /proc before and after it, the
# client's own CPU is bash's `time` of it, and the reads are the bench's ok count. With
# CPU_PERF_DIR set, perf record -g of the server, pool and audit classes during the run.
# Needs compare's world (bench, cpu.sh, $T).
# shellcheck shell=bash

# audit_counts: "records batches" of the audit writers now (/metrics, both workers).
audit_counts() {
	curl -fsS --max-time 5 "http://127.0.0.1:$HTTP_PORT/metrics" |
		awk '$1 == "cctns_audit_records_total" { r = $2 } $1 == "cctns_audit_batches_total" { b = $2 }
		END { print r + 0, b + 0 }'
}

show_cpu() {
	local t0 t1 out ok client_s a0 a1 r0 b0 r1 b1
	cpu_classify 0 1 "$T/cpu.pids"
	sed -i '/ client$/d' "$T/cpu.pids"
	cpu_snap "$T/cpu.pids" "$T/cpu.a"
	a0=$(audit_counts)
	CPU_SECS=$SECS cpu_perf show
	t0=$(date +%s.%N)
	out=$( {
		TIMEFORMAT='client_s %U %S'
		time bench --connections 8 --seconds "$CPU_SECS" --mix show:1 2>&1 | head -n 1
	} 2>&1)
	t1=$(date +%s.%N)
	wait_perf
	cpu_snap "$T/cpu.pids" "$T/cpu.b"
	sleep 1.5 # every worker has published its counters
	a1=$(audit_counts)
	ok=$(grep -oE '(^| )ok=[0-9]+' <<<"$out" | head -n 1 | cut -d= -f2)
	client_s=$(awk '/^client_s / { print $2 + $3 }' <<<"$out")
	echo "$out" | grep -v '^client_s' >"$T/cpu-show.out"
	awk -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v n="${ok:-0}" \
		-v cl="${client_s:-0}" -v secs="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" '
	FNR == NR { a[$1] = $2; next } { b[$1] = $2 }
	END {
		if (n <= 0) { print "cpu path=show reads=0"; exit }
		split("server pool audit flush", cls, " ")
		known = 0
		for (i = 1; i <= 4; i++) {
			c = cls[i]; d[c] = ((c in b) ? b[c] - a[c] : 0) * 1e6 / hz
			if (c != "server") known += d[c]
		}
		d["pg_total"] = (b["pg_total"] - a["pg_total"]) * 1e6 / hz
		d["pg_other"] = d["pg_total"] - known
		d["client"] = cl * 1e6
		d["all"] = d["pg_total"] + d["server"] + d["client"]
		printf "\nCPU microseconds per FIR read through the server (8 connections, %.1fs, load %s)\n", secs, load
		printf "reads %d (%.0f/s)\n", n, n / secs
		split("client server pool audit flush pg_other pg_total all", out, " ")
		for (i = 1; i <= 8; i++) printf "%-10s %8.1f\n", out[i], d[out[i]] / n
	}' "$T/cpu.a" "$T/cpu.b"
	read -r r0 b0 <<<"$a0"
	read -r r1 b1 <<<"$a1"
	awk -v r=$((r1 - r0)) -v b=$((b1 - b0)) 'BEGIN { printf "audit records %d in %d batches (%.1f a batch)\n", r, b, (b > 0 ? r / b : 0) }'
}

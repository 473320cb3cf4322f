#!/usr/bin/env bash
# chaos_postgres_restart_and_cut_connections: 6 terminals of one station register FIRs in
# loops (the normal path, outbox on) while PostgreSQL is stopped (fast mode) and started
# again twice under load, and 3 of the terminals talk to cctns-server through cutproxy.py, a
# TCP proxy that cuts half of its connections after a random number of bytes (seeded), so
# links break in the TLS handshake, inside request frames and inside answers. cctns-server
# itself is never restarted: its pool must reconnect on its own. A write the server cannot
# take is retried with its idempotency key or queued in the terminal's outbox.
# Afterwards, with cuts stopped, every terminal runs cctns sync, and:
#   - every registration ended with an FIR number or an offline receipt (exit 0), and every
#     receipt maps to a number in the outbox's delivered.log; nothing is left queued;
#   - every FIR a terminal was told about exists exactly once, no number was told twice;
#   - one FIR per registration (no idempotency key twice), numbers gapless 1..N;
#   - the server still serves (hello, fir show) and the audit chain verifies.
# Everything waits by polling with generous limits, so a loaded machine only makes it slower.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || fail "python3 is needed for the cutting proxy"
stack_up
N=6       # terminals
PROXIED=3 # t1..t3 go through the proxy
MIN=4     # registrations each terminal makes at least
SEED=${CHAOS_SEED:-$(((RANDOM << 15) | RANDOM))}
log "proxy seed $SEED (set CHAOS_SEED to repeat its choices)"

# The proxy: cuts 50% of connections after 1..6000 bytes, none once $T/nocut exists. A
# registration's connection carries about 5100 bytes (TLS handshake about 3000, then Hello,
# the FIR request and its answer), so cuts fall in all of them; a cut in the answer makes the
# terminal send the same FIR again with its key and get the original number back.
free_port PROXY_PORT
python3 "$SRC/tests/integration/cutproxy.py" "$PROXY_PORT" "$TLS_PORT" "$SEED" 50 6000 \
	"$T/nocut" >"$T/proxy.out" 2>"$T/proxy.log" &
PROXY_PID=$!
wait_for_text "$T/proxy.out" listening 30 || fail "the proxy did not start"

for i in $(seq 1 $N); do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	terminal_conf "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i" # signs in directly
	printf '[outbox]\ndir = outbox-%s\n' "$i" >>"$T/t$i.conf"
	if [ "$i" -le $PROXIED ]; then
		sed -i "s/^address = .*/address = 127.0.0.1:$PROXY_PORT/" "$T/t$i.conf"
	fi
done

# terminal I: register FIRs until $T/stop exists (and at least MIN); stdout, stderr and exit
# status of each kept apart (stderr carries notes of deliveries made on the way).
terminal() {
	local i=$1 j=0 rc
	while [ $j -lt $MIN ] || [ ! -e "$T/stop" ]; do
		j=$((j + 1))
		rc=0
		timeout 120 "$BIN/cctns" --config "$T/t$i.conf" fir register "$SAMPLE" \
			>"$T/out.$i.$j" 2>"$T/err.$i.$j" || rc=$?
		echo "$rc" >"$T/rc.$i.$j"
	done
}

stored() { sql 'SELECT count(*) FROM core.fir' 2>/dev/null || echo -1; }
queued_so_far() { cat "$T"/out.* 2>/dev/null | grep -c "queued offline" || true; }

# wait_stored MORE SECONDS: until MORE FIRs more than now are stored (the pool is back).
wait_stored() {
	local from to c i
	from=$(stored)
	to=$((from + $1))
	for ((i = 0; i < $2 * 5; i++)); do
		c=$(stored)
		[ "$c" -ge "$to" ] && return 0
		sleep 0.2
	done
	fail "only $c FIRs stored after $2 s, waited for $to"
}

# pg_restart: stop PostgreSQL (fast: sessions are cut, open transactions roll back), keep it
# down until some terminal has queued a registration (at most 60 s), start it again.
pg_restart() {
	local q0 i
	q0=$(queued_so_far)
	"$PGCTL" --dir "$T/pg" stop >/dev/null
	log "PostgreSQL stopped with $(queued_so_far) registrations queued so far"
	for ((i = 0; i < 300; i++)); do
		[ "$(queued_so_far)" -gt "$q0" ] && break
		sleep 0.2
	done
	"$PGCTL" --dir "$T/pg" start >/dev/null
	log "PostgreSQL started again; $(queued_so_far) queued so far"
}

pids=()
for i in $(seq 1 $N); do
	terminal "$i" &
	pids+=($!)
done
wait_stored 6 180
pg_restart
wait_stored 6 180
ok "cctns-server took FIRs again after the first PostgreSQL restart"
pg_restart
wait_stored 6 180
ok "cctns-server took FIRs again after the second PostgreSQL restart"
touch "$T/stop"
for p in "${pids[@]}"; do wait "$p" || true; done
server_alive || fail "cctns-server died"
ok "cctns-server lived through both restarts and the cut connections"
cuts=$(grep -c '^cut connection' "$T/proxy.log" || true)
log "the proxy cut $cuts connections"
[ "$cuts" -gt 0 ] || fail "the proxy cut no connection"

# Deliver the outboxes with no more cuts.
touch "$T/nocut"
for i in $(seq 1 $N); do
	run term "t$i" sync
	assert_eq 0 "$RC" "terminal $i delivers its outbox"
	run term "t$i" outbox list
	assert_match "$OUT" ': 0 queued, 0 refused, 0 damaged,' "terminal $i has nothing left queued"
done

# What each terminal was told: its printed number, or its receipt's number after delivery.
: >"$T/told"
total=0 online=0 queued=0
for i in $(seq 1 $N); do
	for f in "$T"/rc."$i".*; do
		j=${f##*.}
		total=$((total + 1))
		rc=$(cat "$f")
		[ "$rc" = 0 ] ||
			fail "terminal $i, FIR $j: exit $rc: $(cat "$T/out.$i.$j" "$T/err.$i.$j")"
		receipt=$(grep -oE 'queued offline: receipt OFF-[0-9A-Za-z_-]+' "$T/out.$i.$j" |
			awk '{print $4}' || true)
		if [ -n "$receipt" ]; then
			queued=$((queued + 1))
			n=$(awk -F '\t' -v r="$receipt" '$1 == r { n = $3 } END { print n }' \
				"$T/outbox-$i/delivered.log" 2>/dev/null)
			[ -n "$n" ] || fail "terminal $i: receipt $receipt was never delivered"
		else
			online=$((online + 1))
			n=$(fir_number "$(cat "$T/out.$i.$j")")
			[ -n "$n" ] || fail "terminal $i, FIR $j: exit 0 with no number: $(cat "$T/out.$i.$j")"
		fi
		echo "$n" >>"$T/told"
	done
done
log "$total registrations: $online answered online, $queued queued offline and delivered by sync"
log "$(cat "$T"/err.* | grep -c 'sending the same FIR again' || true) resent after a cut link," \
	"$(cat "$T"/out.* "$T"/err.* | grep -cE 'had reached the server before|already registered earlier' || true) answered as already stored"
[ "$queued" -gt 0 ] || fail "nothing was queued: the restarts did not hit any registration"
ok "every registration ended with a number or an offline receipt (exit 0 each)"
assert_eq "$total" "$(grep -cE '^[0-9]+/[0-9]{4}$' "$T/told")" \
	"every registration has a number (online or by its receipt)"
assert_eq "$total" "$(sort -u "$T/told" | wc -l)" "no number was told twice"
year=$(head -n 1 "$T/told")
year=${year#*/}
assert_eq "$total|$total|1|$total" "$(sql "SELECT count(*), count(DISTINCT fir_no), min(fir_no), max(fir_no)
	FROM core.fir WHERE station_code = $A_STATION AND year = $year")" \
	"$total FIRs stored, one per registration, numbered 1..$total without a gap"
assert_eq "$total" "$(sql 'SELECT count(*) FROM core.fir')" "no FIR stored anywhere else"
assert_eq "" "$(sql 'SELECT encode(idempotency_key, $$hex$$) FROM core.fir
	GROUP BY idempotency_key HAVING count(*) > 1')" "no idempotency key has two FIRs"
while read -r n; do
	found=$(sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION
		AND year = ${n#*/} AND fir_no = $((10#${n%/*}))")
	[ "$found" = 1 ] || fail "FIR $n was told but is stored $found times"
	a=$(sql "SELECT count(*) FROM audit.log WHERE action = 'register_fir'
		AND outcome = 'ok' AND record = '$n'") # n: digits/digits
	[ "$a" -ge 1 ] || fail "FIR $n was told but has no audit record"
done <"$T/told"
ok "every FIR told exists exactly once and has its audit record"

# The server still serves, through the proxy too.
for t in t1 t$N; do
	run term "$t" hello
	assert_eq 0 "$RC" "$t: hello answers"
	last=$(sort -t/ -k1,1n "$T/told" | tail -n 1)
	run term "$t" fir show "$last"
	assert_eq 0 "$RC" "$t: fir show $last answers"
	assert_contains "$OUT" "$last" "... with FIR $last"
done
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the audit chain verifies while the server runs"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the audit chain verifies after the server closed it"
assert_match "$OUT" '^audit: [0-9]+ chains?, [0-9]+ records, verified$' "... and verify says so"
kill "$PROXY_PID" 2>/dev/null || true
wait "$PROXY_PID" 2>/dev/null || true
sanitizer_clean

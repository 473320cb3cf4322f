#!/usr/bin/env bash
# outbox_survives_server_killed_mid_registration: 8 terminals of one station register FIRs
# while cctns-server is killed with SIGKILL. A registration whose link is lost (perhaps after
# the server committed it, its answer lost) or that finds the server gone is queued in the
# terminal's outbox with its idempotency key. After a restart each terminal runs cctns sync.
# Afterwards: every FIR a terminal was told about, online or through its offline receipt,
# exists exactly once, one FIR per registration, and the numbers are gapless.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
N=8
PER=6
for i in $(seq 1 $N); do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	terminal_conf "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i"
	printf '[outbox]\ndir = outbox-%s\n' "$i" >>"$T/t$i.conf"
done

terminal() {
	local i=$1 j rc
	for j in $(seq 1 $PER); do
		rc=0
		timeout 60 "$BIN/cctns" --config "$T/t$i.conf" fir register "$SAMPLE" \
			>"$T/out.$i.$j" 2>&1 || rc=$?
		echo "$rc" >"$T/rc.$i.$j"
	done
}
pids=()
for i in $(seq 1 $N); do
	terminal "$i" &
	pids+=($!)
done
for _ in $(seq 1 300); do
	c=$(sql 'SELECT count(*) FROM core.fir')
	[ "$c" -ge 8 ] && break
	sleep 0.05
done
server_kill
log "killed cctns-server with $c FIRs stored"
for p in "${pids[@]}"; do wait "$p" || true; done

online=0 queued=0
for i in $(seq 1 $N); do
	for j in $(seq 1 $PER); do
		rc=$(cat "$T/rc.$i.$j")
		[ "$rc" = 0 ] || fail "terminal $i, FIR $j: exit $rc: $(cat "$T/out.$i.$j")"
		if grep -q "queued offline" "$T/out.$i.$j"; then
			queued=$((queued + 1))
		else
			online=$((online + 1))
			fir_number "$(cat "$T/out.$i.$j")" >>"$T/told"
		fi
	done
done
log "$online registrations answered online, $queued queued offline"
[ "$queued" -gt 0 ] || fail "the kill came too late: nothing was queued"
ok "every registration was either answered or queued (exit 0 each)"

server_start
for i in $(seq 1 $N); do
	run term "t$i" sync
	assert_eq 0 "$RC" "terminal $i delivers its outbox"
	grep -oE 'OFF-[0-9-]+desk-[0-9]+-[0-9]+ -> FIR [0-9]+/[0-9]{4}' <<<"$OUT" |
		awk '{print $4}' >>"$T/told" || true
done
total=$((N * PER))
assert_eq "$total" "$(wc -l <"$T/told")" "every registration has a number (online or by its receipt)"
assert_eq "$total" "$(sort -u "$T/told" | wc -l)" "no number was told twice"
year=$(head -n 1 "$T/told")
year=${year#*/}
assert_eq "$total|$total|1|$total" "$(sql "SELECT count(*), count(DISTINCT fir_no), min(fir_no), max(fir_no)
	FROM core.fir WHERE station_code = $A_STATION AND year = $year")" \
	"$total FIRs stored, one per registration, numbered 1..$total"
while read -r n; do
	found=$(sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION
		AND year = ${n#*/} AND fir_no = $((10#${n%/*}))")
	[ "$found" = 1 ] || fail "FIR $n was told but is stored $found times"
done <"$T/told"
ok "every FIR told exists exactly once"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

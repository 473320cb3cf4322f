#!/usr/bin/env bash
# chaos_terminal_offline_while_others_write: one terminal of station A loses its link (its
# server address goes dead) and queues eight FIRs in its outbox while four other terminals
# of the station keep registering online; the link comes back and `cctns sync` delivers the
# outbox while the others are still writing. Afterwards every FIR a terminal was told about
# (online, or through a receipt mapped by sync) exists exactly once, each told number is
# distinct, the station's numbers are gapless 1..N with N the FIRs told, every told FIR has
# its register_fir audit record from the terminal that sent it, and the audit chain verifies.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
W=4 K=8
for i in $(seq 1 $W) 9; do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	terminal_conf "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i"
done
printf '[outbox]\ndir = outbox-9\n' >>"$T/t9.conf"
# Port 1: nothing listens there (a free_port could be taken by a parallel test's server).
DEAD=1
sed -i "s/^address = .*/address = 127.0.0.1:$DEAD/" "$T/t9.conf"
log "terminal desk-9 is offline (its server address 127.0.0.1:$DEAD refuses connections)"

# writer I: registers online until $T/stop appears; one output file per registration.
writer() {
	local j=0 rc
	while [ ! -e "$T/stop" ]; do
		j=$((j + 1))
		rc=0
		timeout 60 "$BIN/cctns" --config "$T/t$1.conf" fir register "$SAMPLE" --no-queue \
			>"$T/w.$1.$j" 2>&1 || rc=$?
		echo "$rc" >"$T/w.$1.$j.rc"
	done
}
pids=()
for i in $(seq 1 $W); do
	writer "$i" &
	pids+=($!)
done

for k in $(seq 1 $K); do
	run term t9 fir register "$SAMPLE"
	assert_eq 0 "$RC" "offline FIR $k is queued"
	assert_contains "$OUT" "queued offline: receipt" "... with an offline receipt"
	sleep 0.3
done
online=$(sql 'SELECT count(*) FROM core.fir')
log "$K FIRs queued offline while the others stored $online online"

sed -i "s/^address = .*/address = 127.0.0.1:$TLS_PORT/" "$T/t9.conf"
log "desk-9's link is back; it syncs while the others keep writing"
run term t9 sync
assert_eq 0 "$RC" "the sync delivers the outbox"
sleep 1
touch "$T/stop"
for p in "${pids[@]}"; do wait "$p"; done

# Every FIR told: the writers' receipts and the sync's receipt -> FIR lines.
: >"$T/told"
for f in "$T"/w.*.rc; do
	out=${f%.rc}
	i=${out#"$T"/w.}
	i=${i%%.*}
	[ "$(cat "$f")" = 0 ] || fail "writer $i: exit $(cat "$f"): $(cat "$out")"
	printf '%s desk-%s\n' "$(fir_number "$(cat "$out")")" "$i" >>"$T/told"
done
mapped=$(grep -c -- '-> FIR ' <<<"$OUT" || true)
assert_eq $K "$mapped" "sync maps each of the $K receipts to an FIR"
grep -oE -- '-> FIR [0-9]+/[0-9]{4}' <<<"$OUT" | awk '{ print $3 " desk-9" }' >>"$T/told"
told=$(wc -l <"$T/told")
assert_eq "$told" "$(cut -d' ' -f1 "$T/told" | sort -u | wc -l)" "the $told FIRs told are distinct numbers"
assert_eq "$told|$told|1|$told" "$(sql "SELECT count(*), count(DISTINCT fir_no), min(fir_no), max(fir_no)
	FROM core.fir WHERE station_code = $A_STATION AND year = $YEAR")" \
	"the station holds exactly the FIRs told, numbered 1..$told without a gap"
while read -r n who; do
	a=$(sql "SELECT count(*) FROM audit.log WHERE action = 'register_fir' AND outcome = 'ok'
		AND record = '$n' AND terminal = '$who'") # n: digits/digits, who: desk-N
	[ "$a" -ge 1 ] || fail "FIR $n told to $who has no audit record"
done <"$T/told"
ok "every FIR told has its register_fir record from the terminal that sent it"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the audit chain verifies"
sanitizer_clean

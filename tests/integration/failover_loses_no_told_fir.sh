#!/usr/bin/env bash
# failover_loses_no_told_fir: a primary and its synchronous streaming standby (deploy/pgctl
# standby --sync: a commit returns only once the standby has flushed it). cctns-server
# connects with a multi-host conninfo (both sockets, target_session_attrs=read-write). Four
# terminals of one station register FIRs in loops (outbox on); the primary is stopped in
# immediate mode (as a crash: no shutdown checkpoint, sessions cut) and the standby promoted;
# the terminals keep writing, the server's pool finds the promoted standby by itself. Then,
# after every terminal ran cctns sync:
#   - every registration ended with a number or an offline receipt delivered by sync;
#   - every FIR a terminal was told about exists exactly once on the new primary, no number
#     was told twice, numbers 1..N without a gap, one FIR per idempotency key;
#   - registrations were answered online after the promotion (the pool moved on its own);
#   - the audit chain verifies on the new primary.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source-path=SCRIPTDIR source=repl_lib.bash
. "$(dirname "$0")/repl_lib.bash"
N=4   # terminals
MIN=3 # registrations each terminal makes at least

need_binaries cctns-admin cctns-server cctns
pki_setup
db_setup
REPL_CLUSTERS+=("$T/sb")
run "$PGCTL" --dir "$T/sb" standby --from "$T/pg" --name cctns_sb --sync
assert_eq 0 "$RC" "pgctl standby --sync makes a streaming standby"
assert_contains "$OUT" "'cctns_sb' is the synchronous standby" "... the synchronous one"
assert_eq "FIRST 1 (cctns_sb)|on" "$(repl_psql "$T/pg" "SELECT
	current_setting('synchronous_standby_names') || '|' || current_setting('synchronous_commit')")" \
	"the primary waits for the standby at every commit"
assert_eq "t" "$(repl_psql "$T/sb" 'SELECT pg_is_in_recovery()')" "the standby is in recovery"
assert_eq "" "$(repl_psql "$T/sb" "SELECT setting FROM pg_settings
	WHERE name = 'synchronous_standby_names' AND setting <> ''")" \
	"the standby does not inherit the primary's synchronous standby list"

PG_SOCK=$(repl_sock "$T/pg")
SB_SOCK=$(repl_sock "$T/sb")
CONNINFO="host=$PG_SOCK,$SB_SOCK port=5432,5432 dbname=cctns user=cctns_server target_session_attrs=read-write connect_timeout=5"
repl_server_start ha "$CONNINFO"
SERVER_LOG=$T/ha.server.log # lib.sh's failure report and sanitizer check read it
for i in $(seq 1 $N); do
	"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION "desk-$i" >/dev/null
	repl_terminal "t$i" "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-$i" "${REPL_TLS[ha]}"
	printf '[outbox]\ndir = outbox-%s\n' "$i" >>"$T/t$i.conf"
	run term "t$i" login --officer $A_OFFICER --password-file "$OFFICER_PW"
	[ "$RC" = 0 ] || fail "terminal t$i did not sign in"
done
ok "$N terminals signed in through the server on the multi-host conninfo"

# terminal I: register FIRs until $T/stop exists (and at least MIN); each one's output,
# exit status and the time it ended kept apart.
terminal() {
	local i=$1 j=0 rc
	while [ $j -lt $MIN ] || [ ! -e "$T/stop" ]; do
		j=$((j + 1))
		rc=0
		timeout 120 "$BIN/cctns" --config "$T/t$i.conf" fir register "$SAMPLE" \
			>"$T/out.$i.$j" 2>"$T/err.$i.$j" || rc=$?
		echo "$rc $(date +%s%3N)" >"$T/rc.$i.$j"
		sleep 0.1 # a desk's pace, so the outage is not thousands of queued FIRs
	done
}

# stored DIR: the FIRs stored in the cluster DIR.
stored() {
	local c
	c=$(repl_psql "$1" 'SELECT count(*) FROM core.fir' 2>/dev/null) || c=-1
	echo "$c"
}

# wait_stored DIR N SECONDS: until the cluster DIR holds N FIRs.
wait_stored() {
	local i c
	for ((i = 0; i < $3 * 5; i++)); do
		c=$(stored "$1")
		[ "$c" -ge "$2" ] && return 0
		sleep 0.2
	done
	fail "only $c FIRs stored in $1 after $3 s, waited for $2"
}

pids=()
for i in $(seq 1 $N); do
	terminal "$i" &
	pids+=($!)
done
wait_stored "$T/pg" 8 120
before=$(stored "$T/sb")
# The crash: immediate mode, no shutdown checkpoint, every session cut at once.
as_cluster_user() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}
as_cluster_user /usr/lib/postgresql/15/bin/pg_ctl -D "$(readlink -f "$T/pg")/data" \
	-m immediate -w -s stop || fail "the primary did not stop"
log "primary stopped (immediate) with about $before FIRs on the standby"
sleep 1
t_promote=$(date +%s%3N)
run "$PGCTL" --dir "$T/sb" promote
assert_eq 0 "$RC" "pgctl promote makes the standby the primary"
assert_eq "f" "$(repl_psql "$T/sb" 'SELECT pg_is_in_recovery()')" "... out of recovery"
wait_stored "$T/sb" $((before + 8)) 180
ok "FIRs are stored on the promoted standby through the same server"
touch "$T/stop"
for p in "${pids[@]}"; do wait "$p" || true; done
kill -0 "${REPL_PID[ha]}" 2>/dev/null || fail "cctns-server died"
ok "cctns-server lived through the failover"

for i in $(seq 1 $N); do
	run term "t$i" sync
	assert_eq 0 "$RC" "terminal $i delivers its outbox"
	run term "t$i" outbox list
	assert_match "$OUT" ': 0 queued, 0 refused, 0 damaged,' "terminal $i has nothing left queued"
done

: >"$T/told"
total=0 online=0 queued=0 after=0 first_after=""
for f in "$T"/rc.*; do
	k=${f#"$T"/rc.}
	i=${k%%.*}
	read -r rc at <"$f"
	total=$((total + 1))
	[ "$rc" = 0 ] || fail "terminal $k: exit $rc: $(cat "$T/out.$k" "$T/err.$k")"
	receipt=$(grep -oE 'queued offline: receipt OFF-[0-9A-Za-z_-]+' "$T/out.$k" |
		awk '{print $4}' || true)
	if [ -n "$receipt" ]; then
		queued=$((queued + 1))
		n=$(awk -F '\t' -v r="$receipt" '$1 == r { n = $3 } END { print n }' \
			"$T/outbox-$i/delivered.log" 2>/dev/null)
		[ -n "$n" ] || fail "terminal $i: receipt $receipt was never delivered"
	else
		online=$((online + 1))
		n=$(fir_number "$(cat "$T/out.$k")")
		[ -n "$n" ] || fail "terminal $k: exit 0 with no number: $(cat "$T/out.$k")"
		if [ "$at" -gt "$t_promote" ]; then
			after=$((after + 1))
			[ -n "$first_after" ] && [ "$first_after" -le "$at" ] || first_after=$at
		fi
	fi
	echo "$n" >>"$T/told"
done
log "$total registrations: $online answered online ($after after the promotion), $queued queued offline and delivered by sync"
[ "$after" -gt 0 ] || fail "no registration was answered online after the promotion"
printf 'failover: first FIR answered online %s ms after the promotion was requested\n' \
	"$((first_after - t_promote))"
ok "registrations were answered online after the promotion"
repl_told_check "$T/sb" $A_STATION "$T/told"
assert_eq "$total" "$(stored "$T/sb")" "no FIR stored beyond those told"
run "$BIN/cctns-admin" --db "host=$SB_SOCK port=5432 dbname=cctns user=cctns_owner" audit verify
assert_eq 0 "$RC" "the audit chain verifies on the new primary"
sanitizer_clean

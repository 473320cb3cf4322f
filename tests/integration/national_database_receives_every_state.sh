#!/usr/bin/env bash
# national_database_receives_every_state: two state databases (Uttar Pradesh, lib.sh's
# cluster and server; Maharashtra, a second cluster and server) and a national database, all
# three with wal_level = logical and the same migrations, on loopback. Each state publishes
# (deploy/national-setup publish) and the national database subscribes to both. FIRs are
# registered through the terminals of both states, before the subscriptions (copied at the
# start) and after (streamed), and:
#   - the national database holds every FIR of each state, in that state's own partition,
#     each row identical to the state's (FIR by number), with its charges and diary entries;
#   - the station register of each state arrives, and a state's row of another state (a
#     station of Maharashtra in Uttar Pradesh's register) is not sent by the wrong state;
#   - nothing unpublished arrives (officers, audit log, idempotency keys);
#   - the replication lag is measured (time until a new FIR is visible nationally, and the
#     subscriptions' and slots' own figures) and printed.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source-path=SCRIPTDIR source=repl_lib.bash
. "$(dirname "$0")/repl_lib.bash"
NATSETUP=$SRC/deploy/national-setup
M_STATE=27 M_DISTRICT=466 M_STATION=990150 M_NAME="Repl Test Station Pune"

# State one: lib.sh's own cluster, made with wal_level = logical before stack_up uses it.
"$PGCTL" --dir "$T/pg" init --logical >/dev/null
stack_up
assert_eq logical "$(repl_psql "$T/pg" 'SHOW wal_level')" "pgctl init --logical sets wal_level"

# State two: its own cluster, migrations, station, officer, server and terminal.
repl_cluster "$T/mh" --logical
repl_migrate "$T/mh"
MH_DB="host=$(repl_sock "$T/mh") port=5432 dbname=cctns user=cctns_owner"
"$BIN/cctns-admin" --db "$MH_DB" station add --state $M_STATE --district $M_DISTRICT \
	--code $M_STATION --name "$M_NAME" >/dev/null
"$BIN/cctns-admin" --db "$MH_DB" officer add --state $M_STATE --officer-no M1 \
	--name "Test Officer M1" --rank Inspector --station "$M_DISTRICT/$M_STATION" \
	--role "$STATION_ROLES" --password-file "$OFFICER_PW" >/dev/null
repl_server_start mh "host=$(repl_sock "$T/mh") port=5432 dbname=cctns user=cctns_server"
"$PKI" station "$T/pki" $M_STATE $M_DISTRICT $M_STATION desk-1 >/dev/null
repl_terminal m "station-$M_STATE-$M_DISTRICT-$M_STATION-desk-1" "${REPL_TLS[mh]}"
run term m login --officer M1 --password-file "$OFFICER_PW"
assert_eq 0 "$RC" "the Maharashtra terminal signs in to its state's server"

# A station of Maharashtra in Uttar Pradesh's register too (as after a transfer between
# states): the national register must take it from Maharashtra alone.
"$BIN/cctns-admin" --db "$CCTNS_DB" station add --state $M_STATE --district $M_DISTRICT \
	--code $M_STATION --name "$M_NAME" >/dev/null

# register NAME: one FIR through terminal NAME; its number appended to $T/told.NAME.
register() {
	run term "$1" fir register "$SAMPLE"
	[ "$RC" = 0 ] || fail "terminal $1: fir register exit $RC"
	fir_number "$OUT" >>"$T/told.$1"
}

# Before the national database exists: copied when it subscribes.
register a
register b
register m

# The national database.
repl_cluster "$T/nat" --logical
repl_migrate "$T/nat"
NAT_SU="host=$(repl_sock "$T/nat") port=5432 dbname=cctns user=postgres"
run "$NATSETUP" publish --db "host=$(repl_sock "$T/pg") port=5432 dbname=cctns user=postgres" \
	--state $A_STATE
assert_eq 0 "$RC" "Uttar Pradesh publishes"
assert_match "$OUT" "state $A_STATE publishes [0-9]+ tables as publication cctns_national" \
	"... and says how many tables"
run "$NATSETUP" publish --db "host=$(repl_sock "$T/mh") port=5432 dbname=cctns user=postgres" \
	--state $M_STATE
assert_eq 0 "$RC" "Maharashtra publishes"
run "$NATSETUP" publish --db "host=$(repl_sock "$T/mh") port=5432 dbname=cctns user=postgres" \
	--state $M_STATE
assert_eq 0 "$RC" "publishing again refreshes the publication"
for t in core.fir core.fir_charge core.gd_entry core.person core.arrest ref.station; do
	assert_eq 1 "$(repl_psql "$T/pg" "SELECT count(*) FROM pg_publication_tables
		WHERE pubname = 'cctns_national' AND schemaname || '.' || tablename = '$t'")" \
		"$t is published"
done
for t in audit.log core.officer core.officer_session core.idempotency core.fir_counter; do
	assert_eq 0 "$(repl_psql "$T/pg" "SELECT count(*) FROM pg_publication_tables
		WHERE pubname = 'cctns_national' AND schemaname || '.' || tablename = '$t'")" \
		"$t is not published"
done
run "$NATSETUP" publish --db "host=$(repl_sock "$T/nat") port=5432 dbname=cctns user=postgres" \
	--state 9 --bogus
assert_eq 2 "$RC" "an unknown option is a usage error"

for s in "$A_STATE:$T/pg" "$M_STATE:$T/mh"; do
	run "$NATSETUP" subscribe --db "$NAT_SU" --state "${s%%:*}" \
		--from "host=$(repl_sock "${s#*:}") port=5432 dbname=cctns user=cctns_replicator"
	assert_eq 0 "$RC" "the national database subscribes to state ${s%%:*}"
done

# nat_count STATE: the FIRs of STATE in the national database.
nat_count() {
	local c
	c=$(repl_psql "$T/nat" "SELECT count(*) FROM core.fir WHERE state_code = $1" 2>/dev/null) ||
		c=-1
	echo "$c"
}
# wait_national STATE N: until the national database has N FIRs of STATE (60 s at most);
# prints the milliseconds it took.
wait_national() {
	local t0 i
	t0=$(date +%s%3N)
	for ((i = 0; i < 1200; i++)); do
		[ "$(nat_count "$1")" = "$2" ] && {
			echo $(($(date +%s%3N) - t0))
			return 0
		}
		sleep 0.05
	done
	fail "the national database has $(nat_count "$1") FIRs of state $1, not $2, after 60 s"
}
wait_national $A_STATE 2 >/dev/null
wait_national $M_STATE 1 >/dev/null
ok "the FIRs registered before the subscriptions were copied"
# Every table of both subscriptions copied and streaming ('r' ready): a conflict (say both
# states sending the same station) would leave a table retrying its copy for ever.
for ((i = 0; i < 600; i++)); do
	[ "$(repl_psql "$T/nat" "SELECT count(*) FROM pg_subscription_rel
		WHERE srsubstate <> 'r'")" = 0 ] && break
	sleep 0.1
done
assert_eq "" "$(repl_psql "$T/nat" "SELECT string_agg(s.subname || ':' || r.srrelid::regclass::text ||
	':' || r.srsubstate::text, ' ') FROM pg_subscription_rel r JOIN pg_subscription s
	ON s.oid = r.srsubid WHERE r.srsubstate <> 'r'")" \
	"every published table of both states is copied and streaming"

# Streamed: FIRs registered now, each timed until it is visible nationally.
lags=()
for i in 1 2 3; do
	register a
	lags+=("$(wait_national $A_STATE $((2 + i)))")
	register m
	lags+=("$(wait_national $M_STATE $((1 + i)))")
done
register b
wait_national $A_STATE 6 >/dev/null
ok "every FIR registered after the subscriptions streamed to the national database"
log "commit-to-national visibility (ms, each FIR, polled every 50 ms): ${lags[*]}"
printf 'replication lag: commit to visible nationally, max %s ms over %s FIRs\n' \
	"$(printf '%s\n' "${lags[@]}" | sort -n | tail -n 1)" "${#lags[@]}"

assert_eq "6|1" "$(repl_psql "$T/nat" "SELECT count(*), count(DISTINCT tableoid) FROM core.fir
	WHERE state_code = $A_STATE")" "6 FIRs of Uttar Pradesh nationally, in one partition"
assert_eq "4|core.fir_${M_STATE}_$YEAR" "$(repl_psql "$T/nat" "SELECT
	count(*), min(tableoid::regclass::text) FROM core.fir WHERE state_code = $M_STATE")" \
	"4 FIRs of Maharashtra nationally, in Maharashtra's partition"

# One FIR by number: the very same row, charges and diary entry on both sides.
last=$(tail -n 1 "$T/told.m")
q="SELECT md5(f::text) FROM core.fir f WHERE state_code = $M_STATE AND station_code = $M_STATION
	AND year = ${last#*/} AND fir_no = $((10#${last%/*}))"
assert_eq "$(repl_psql "$T/mh" "$q")" "$(repl_psql "$T/nat" "$q")" \
	"FIR $last of Maharashtra is the same row nationally"
for t in fir_charge gd_entry; do
	q="SELECT count(*) || ':' || md5(string_agg(x::text, ',' ORDER BY x::text))
		FROM core.$t x WHERE state_code = $A_STATE"
	assert_eq "$(repl_psql "$T/pg" "$q")" "$(repl_psql "$T/nat" "$q")" \
		"core.$t of Uttar Pradesh is the same nationally"
done
a_first=$(head -n 1 "$T/told.a")
assert_eq 1 "$(repl_psql "$T/nat" "SELECT count(*) FROM core.fir WHERE state_code = $A_STATE
	AND station_code = $A_STATION AND year = ${a_first#*/} AND fir_no = $((10#${a_first%/*}))")" \
	"FIR $a_first of Agra Kotwali is found nationally by its number"

# The registers: each state's own stations, once.
assert_eq "$A_STATION,$B_STATION|$M_STATION" "$(repl_psql "$T/nat" "SELECT
	(SELECT string_agg(station_code::text, ',' ORDER BY station_code) FROM ref.station
	WHERE state_code = $A_STATE) || '|' || (SELECT string_agg(station_code::text, ',')
	FROM ref.station WHERE state_code = $M_STATE)")" \
	"each state's stations arrive once, a state's copy of another's is not sent"

# Nothing unpublished.
assert_eq "0|0|0" "$(repl_psql "$T/nat" "SELECT (SELECT count(*) FROM core.officer) || '|' ||
	(SELECT count(*) FROM audit.log) || '|' || (SELECT count(*) FROM core.idempotency)")" \
	"no officer, audit record or idempotency key reaches the national database"
assert_eq "" "$(repl_psql "$T/nat" "SELECT subname FROM pg_stat_subscription
	WHERE relid IS NULL AND pid IS NULL")" "both subscriptions' apply workers run"

run "$NATSETUP" lag --db "$NAT_SU"
assert_eq 0 "$RC" "national-setup lag on the national side"
assert_match "$OUT" "^cctns_state_${M_STATE}\|[0-9A-F]+/[0-9A-F]+\|" "... names each subscription"
printf '%s\n' "$OUT" | sed 's/^/national side: /'
run "$NATSETUP" lag --db "host=$(repl_sock "$T/pg") port=5432 dbname=cctns user=postgres"
assert_eq 0 "$RC" "national-setup lag on a state"
assert_match "$OUT" "^cctns_state_${A_STATE}\|[0-9]+\|" "... gives the bytes not yet confirmed"
printf '%s\n' "$OUT" | sed 's/^/Uttar Pradesh side: /'

# Partitions for a coming year, for every subscribed state.
next=$((YEAR + 2))
run "$NATSETUP" partitions --db "$NAT_SU" --years "$next-$next"
assert_eq 0 "$RC" "national-setup partitions for $next"
assert_eq "core.fir_${A_STATE}_$next|core.fir_${M_STATE}_$next" "$(repl_psql "$T/nat" "SELECT
	to_regclass('core.fir_${A_STATE}_$next') || '|' || to_regclass('core.fir_${M_STATE}_$next')")" \
	"... made them for both states"
sanitizer_clean

#!/usr/bin/env bash
# national_feed_survives_a_state_failover (repl, issue 7): two state databases (Uttar Pradesh,
# lib.sh's cluster, with a synchronous standby; Maharashtra, a second cluster) and a national
# database subscribed to both (deploy/national-setup). FIRs are registered in both states; the
# Uttar Pradesh primary crashes (immediate stop) and its standby is promoted: its logical slot
# is gone (PostgreSQL 15 keeps slots on the primary only), so the national feed of Uttar
# Pradesh stops while the server goes on registering on the new primary. Then
# `deploy/national-setup resubscribe` drops the dead subscription (slot_name = NONE), empties
# Uttar Pradesh's rows nationally, publishes on the new primary, subscribes again and waits
# for the copy, and:
#   - every FIR of Uttar Pradesh registered before AND after the failover is found nationally
#     by its number, and new ones stream again;
#   - Maharashtra is untouched throughout: its national rows are the very same row versions
#     (xmin) before and after (never emptied nor copied again), and it kept streaming;
#   - run again, resubscribe leaves the same result (it can be re-run after a stop half-way).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source-path=SCRIPTDIR source=repl_lib.bash
. "$(dirname "$0")/repl_lib.bash"
NATSETUP=$SRC/deploy/national-setup
M_STATE=27 M_DISTRICT=466 M_STATION=990240 M_NAME="Repl Failover Station Pune"

need_binaries cctns-admin cctns-server cctns
# Uttar Pradesh: wal_level = logical before db_setup uses the cluster; a synchronous standby.
"$PGCTL" --dir "$T/pg" init --logical >/dev/null
pki_setup
db_setup
REPL_CLUSTERS+=("$T/sb")
run "$PGCTL" --dir "$T/sb" standby --from "$T/pg" --name cctns_sb --sync
assert_eq 0 "$RC" "Uttar Pradesh has a synchronous standby"
PG_SOCK=$(repl_sock "$T/pg")
SB_SOCK=$(repl_sock "$T/sb")
repl_server_start up "host=$PG_SOCK,$SB_SOCK port=5432,5432 dbname=cctns user=cctns_server target_session_attrs=read-write connect_timeout=5"
SERVER_LOG=$T/up.server.log
repl_terminal a "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1" "${REPL_TLS[up]}"
run term a login --officer $A_OFFICER --password-file "$OFFICER_PW"
assert_eq 0 "$RC" "the Uttar Pradesh terminal signs in"

# Maharashtra.
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
assert_eq 0 "$RC" "the Maharashtra terminal signs in"

# register NAME: one FIR through terminal NAME (retried for 60 s: the failover), its number
# appended to $T/told.NAME.
register() {
	local i
	for ((i = 0; i < 60; i++)); do
		run term "$1" fir register "$SAMPLE" --no-queue # retried here, never queued
		if [ "$RC" = 0 ]; then
			fir_number "$OUT" >>"$T/told.$1"
			return 0
		fi
		sleep 1
	done
	fail "terminal $1: fir register exit $RC for 60 s"
}

register a
register a
register m
register m

# The national database, subscribed to both.
repl_cluster "$T/nat" --logical
repl_migrate "$T/nat"
NAT_SU="host=$(repl_sock "$T/nat") port=5432 dbname=cctns user=postgres"
for s in "$A_STATE:$T/pg" "$M_STATE:$T/mh"; do
	run "$NATSETUP" publish --db "host=$(repl_sock "${s#*:}") port=5432 dbname=cctns user=postgres" \
		--state "${s%%:*}"
	assert_eq 0 "$RC" "state ${s%%:*} publishes"
	run "$NATSETUP" subscribe --db "$NAT_SU" --state "${s%%:*}" \
		--from "host=$(repl_sock "${s#*:}") port=5432 dbname=cctns user=cctns_replicator"
	assert_eq 0 "$RC" "the national database subscribes to state ${s%%:*}"
done

# nat_count STATE: the FIRs of STATE nationally.
nat_count() {
	local c
	c=$(repl_psql "$T/nat" "SELECT count(*) FROM core.fir WHERE state_code = $1" 2>/dev/null) ||
		c=-1
	echo "$c"
}
# wait_national STATE N: until the national database has N FIRs of STATE (60 s at most).
wait_national() {
	local end=$((SECONDS + 60))
	while [ $SECONDS -lt $end ]; do
		[ "$(nat_count "$1")" = "$2" ] && return 0
		sleep 0.1
	done
	fail "the national database has $(nat_count "$1") FIRs of state $1, not $2, after 60 s"
}
# mh_versions: Maharashtra's national rows as row versions (table, key, xmin): a row emptied
# and copied again, or updated, has another xmin.
mh_versions() {
	repl_psql "$T/nat" "SELECT md5(string_agg(v, ',' ORDER BY v)) || ':' || count(*) FROM (
		SELECT 'fir ' || fir_id || ' ' || xmin::text AS v FROM core.fir WHERE state_code = $M_STATE
		UNION ALL SELECT 'gd ' || station_code || '.' || gd_date || '.' || gd_no || ' ' || xmin::text FROM core.gd_entry
		WHERE state_code = $M_STATE
		UNION ALL SELECT 'station ' || station_code || ' ' || xmin::text FROM ref.station
		WHERE state_code = $M_STATE) x"
}
# mh_settled: until Maharashtra's diary nationally is as long as at the state and every table
# of every subscription streams (60 s at most).
mh_settled() {
	local end=$((SECONDS + 60)) q="SELECT count(*) FROM core.gd_entry WHERE state_code = $M_STATE"
	while [ $SECONDS -lt $end ]; do
		[ "$(repl_psql "$T/nat" "$q")" = "$(repl_psql "$T/mh" "$q")" ] &&
			[ "$(repl_psql "$T/nat" "SELECT count(*) FROM pg_subscription_rel r
				JOIN pg_subscription s ON s.oid = r.srsubid
				WHERE s.subname = 'cctns_state_$M_STATE' AND r.srsubstate <> 'r'")" = 0 ] &&
			return 0
		sleep 0.1
	done
	fail "Maharashtra's national rows did not settle in 60 s"
}
wait_national $A_STATE 2
wait_national $M_STATE 2
ok "both states feed the national database"

# The failover: the Uttar Pradesh primary crashes, its standby is promoted.
as_cluster_user() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}
as_cluster_user /usr/lib/postgresql/15/bin/pg_ctl -D "$(readlink -f "$T/pg")/data" \
	-m immediate -w -s stop || fail "the primary did not stop"
run "$PGCTL" --dir "$T/sb" promote
assert_eq 0 "$RC" "the Uttar Pradesh standby is promoted"
assert_eq "" "$(repl_psql "$T/sb" "SELECT slot_name FROM pg_replication_slots")" \
	"the promoted standby has no replication slot (the national one stayed on the old primary)"
register a # on the new primary, through the same server
register m
wait_national $M_STATE 3
sleep 2
assert_eq 2 "$(nat_count $A_STATE)" \
	"the FIR registered after the failover does not reach the national database by itself"
mh_settled
mh_before=$(mh_versions)

# Resubscribe Uttar Pradesh to its new primary.
t0=$(date +%s%3N)
run "$NATSETUP" resubscribe --db "$NAT_SU" --state $A_STATE \
	--from "host=$SB_SOCK port=5432 dbname=cctns user=cctns_replicator" \
	--state-db "host=$SB_SOCK port=5432 dbname=cctns user=postgres" --timeout 120
assert_eq 0 "$RC" "national-setup resubscribe after the failover"
printf 'resubscribe: %s ms from the command to every table of the state copied and streaming\n' \
	"$(($(date +%s%3N) - t0))"
assert_contains "$OUT" "subscription cctns_state_$A_STATE dropped" "... drops the dead subscription"
assert_match "$OUT" "state $A_STATE's rows emptied nationally \([0-9]+ rows\)" "... empties its rows"
assert_contains "$OUT" "state $A_STATE copied again: 3 FIRs" "... and copies them again"
assert_eq 3 "$(nat_count $A_STATE)" "the FIRs of Uttar Pradesh before and after the failover are national"
while read -r n; do
	assert_eq 1 "$(repl_psql "$T/nat" "SELECT count(*) FROM core.fir WHERE state_code = $A_STATE
		AND station_code = $A_STATION AND year = ${n#*/} AND fir_no = $((10#${n%/*}))")" \
		"FIR $n of Uttar Pradesh is found nationally by its number"
done <"$T/told.a"
assert_eq "1|core.fir_${A_STATE}_$YEAR" "$(repl_psql "$T/nat" "SELECT count(DISTINCT tableoid),
	min(tableoid::regclass::text) FROM core.fir WHERE state_code = $A_STATE")" \
	"... in Uttar Pradesh's own partition"
q="SELECT count(*) || ':' || md5(string_agg(x::text, ',' ORDER BY x::text))
	FROM core.gd_entry x WHERE state_code = $A_STATE"
assert_eq "$(repl_psql "$T/sb" "$q")" "$(repl_psql "$T/nat" "$q")" \
	"the diary of Uttar Pradesh is the same nationally as on its new primary"
assert_eq "" "$(repl_psql "$T/nat" "SELECT s.subname FROM pg_subscription s
	JOIN pg_subscription_rel r ON r.srsubid = s.oid WHERE r.srsubstate <> 'r'")" \
	"every table of both subscriptions streams"
assert_eq "cctns_state_$A_STATE" "$(repl_psql "$T/sb" "SELECT slot_name FROM pg_replication_slots")" \
	"the new primary holds the national slot"

assert_eq "$mh_before" "$(mh_versions)" \
	"Maharashtra's national rows are the same row versions as before (never emptied)"
register a
wait_national $A_STATE 4
ok "a new FIR of Uttar Pradesh streams to the national database again"
register m
wait_national $M_STATE 4
ok "Maharashtra kept streaming throughout"

# Again: the same result (a run stopped half-way is finished by running it again).
run "$NATSETUP" resubscribe --db "$NAT_SU" --state $A_STATE \
	--from "host=$SB_SOCK port=5432 dbname=cctns user=cctns_replicator" --timeout 120
assert_eq 0 "$RC" "resubscribe run again"
assert_contains "$OUT" "state $A_STATE copied again: 4 FIRs" "... copies the same 4 FIRs"
run "$NATSETUP" resubscribe --db "$NAT_SU" --state $A_STATE \
	--from "host=$(repl_sock "$T/pg") port=5432 dbname=cctns user=cctns_replicator"
assert_eq 1 "$RC" "resubscribe to the dead old primary is refused"
assert_eq 4 "$(nat_count $A_STATE)" "... and changes nothing nationally"
sanitizer_clean

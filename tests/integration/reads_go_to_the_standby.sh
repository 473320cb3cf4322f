#!/usr/bin/env bash
# reads_go_to_the_standby (repl, issue 7): a primary and its streaming standby (deploy/pgctl
# standby); cctns-server with [database] read_conninfo on the standby's socket. Then:
#   - the read pool's connections are on the standby (pg_stat_activity there);
#   - a person search is answered by the standby: with the standby's replay paused, a person
#     registered on the primary is not found (the standby has not replayed the FIR), and is
#     found once replay resumes; /metrics counts the calls per pool;
#   - registrations still go to the primary (the FIR is stored there while replay is paused);
#   - the dossier of a sealed person read by an officer allowed to see it records a sealed read,
#     which a standby refuses (25006): the read is run again on the primary and the record is
#     there, with the answer unmasked;
#   - the standby stopped: searches still answer (from the primary, counted as a fallback),
#     registrations go on; the standby back: reads go to it again;
#   - SIGHUP with read_conninfo emptied stops the read pool (reads on the primary, "no_read_pool").
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source-path=SCRIPTDIR source=repl_lib.bash
. "$(dirname "$0")/repl_lib.bash"

# The server's [database] read_conninfo, appended by write_server_conf (a second [database]
# section); empty = none.
SERVER_READ_CONNINFO=""
eval "$(declare -f write_server_conf | sed '1s/^write_server_conf/write_server_conf_noread/')"
write_server_conf() {
	write_server_conf_noread
	printf '[database]\nread_conninfo = %s\nread_pool_size = 2\n' "$SERVER_READ_CONNINFO" \
		>>"$T/server.conf"
}

need_binaries cctns-admin cctns-server cctns
pki_setup
db_setup
REPL_CLUSTERS+=("$T/sb")
run "$PGCTL" --dir "$T/sb" standby --from "$T/pg" --name cctns_reads
assert_eq 0 "$RC" "pgctl standby makes a streaming standby"
SB_SOCK=$(repl_sock "$T/sb")
SERVER_READ_CONNINFO="host=$SB_SOCK port=5432 dbname=cctns user=cctns_server application_name=cctns-reads"
server_start
terminal_conf a "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"

# reads POOL: the JSON calls answered by POOL (primary|read) so far.
reads() { metrics_sum "^cctns_pool_requests_total[{]pool=\"$1\""; }
# fallbacks REASON: reads a standby could answer that the primary answered, for REASON.
fallbacks() { metrics_sum "^cctns_read_fallbacks_total[{]reason=\"$1\""; }
# wait_ready N: until the read pool has N connections ready (30 s at most).
wait_ready() {
	local i
	for ((i = 0; i < 150; i++)); do
		[ "$(metrics_sum '^cctns_read_pool_connections[{]state="ready"')" = "$1" ] && return 0
		sleep 0.2
	done
	fail "the read pool has not $1 connections ready after 30 s"
}
# sb_has_fir NUMBER: wait until the standby has replayed FIR NUMBER of station A (30 s).
sb_has_fir() {
	local i q="SELECT count(*) FROM core.fir WHERE station_code = $A_STATION
		AND year = ${1#*/} AND fir_no = $((10#${1%/*}))"
	for ((i = 0; i < 150; i++)); do
		[ "$(repl_psql "$T/sb" "$q")" = 1 ] && return 0
		sleep 0.2
	done
	fail "the standby has not replayed FIR $1 after 30 s"
}
# register_as NAME: an FIR whose complainant is NAME; its number in $number.
register_as() {
	sample_with "s/Ramesh Chandra Agarwal/$1/" >"$T/fir.json"
	run term a fir register "$T/fir.json"
	assert_eq 0 "$RC" "an FIR with complainant $1 is registered"
	number=$(fir_number "$OUT")
}

wait_ready 2
assert_eq 2 "$(repl_psql "$T/sb" "SELECT count(*) FROM pg_stat_activity
	WHERE application_name = 'cctns-reads'")" "the read pool's two connections are on the standby"
assert_eq 0 "$(repl_psql "$T/pg" "SELECT count(*) FROM pg_stat_activity
	WHERE application_name = 'cctns-reads'")" "... and none on the primary"

register_as "Zorawar Bhandari"
first=$number
sb_has_fir "$first"
r0=$(reads read)
run term a person search "Zorawar Bhandari"
assert_eq 0 "$RC" "a person search answers"
assert_contains "$OUT" "Zorawar Bhandari" "... and finds the complainant"
assert_eq $((r0 + 1)) "$(reads read)" "... answered by the read pool"

# Replay paused: the standby stays behind; what it answers shows it.
repl_psql "$T/sb" "SELECT pg_wal_replay_pause()" >/dev/null
p0=$(reads primary)
register_as "Kesar Dhillon"
second=$number
assert_eq 1 "$(sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION
	AND year = ${second#*/} AND fir_no = $((10#${second%/*}))")" \
	"the registration went to the primary while the standby's replay is paused"
[ "$(reads primary)" -gt "$p0" ] || fail "the registration is not counted on the primary pool"
r0=$(reads read)
run term a person search "Kesar Dhillon"
assert_eq 0 "$RC" "a person search answers while replay is paused"
assert_contains "$OUT" "No person of the state matches." \
	"... without the person the standby has not replayed"
assert_eq $((r0 + 1)) "$(reads read)" "... answered by the read pool (the standby)"
repl_psql "$T/sb" "SELECT pg_wal_replay_resume()" >/dev/null
sb_has_fir "$second"
run term a person search "Kesar Dhillon"
assert_contains "$OUT" "Kesar Dhillon (father" "replay resumed, the standby finds the person"
ok "person searches are answered by the standby, registrations by the primary"

# A sealed person's dossier, read by the SHO of its station (allowed): the sealed read is
# recorded, which the standby refuses, so the primary answers it.
sample_with 's/"303(2)"/"64(1)"/; s/"331(4)"/"115(2)"/; s/Ramesh Chandra Agarwal/Sunita Sealtest Devi/;
	s/"gender": "male",\(.*\)$/"gender": "female",\1/' >"$T/rape.json"
run term a fir register "$T/rape.json"
assert_eq 0 "$RC" "station A registers a BNS 64 case"
sb_has_fir "$(fir_number "$OUT")"
victim=$(sql "SELECT person_id FROM core.fir_person WHERE seq = 0 AND name LIKE 'Sunita%'")
f0=$(fallbacks standby_failed)
s0=$(sql "SELECT count(*) FROM audit.sealed_read WHERE action = 'person_dossier'")
run term a person dossier "$victim"
assert_eq 0 "$RC" "the SHO reads the sealed person's dossier"
assert_contains "$OUT" "Sealtest" "... unmasked (the SHO may see it)"
assert_eq $((s0 + 1)) "$(sql "SELECT count(*) FROM audit.sealed_read
	WHERE action = 'person_dossier'")" "... and the sealed read is recorded on the primary"
assert_eq $((f0 + 1)) "$(fallbacks standby_failed)" \
	"... after the standby refused to record it (counted)"
assert_contains "$(cat "$SERVER_LOG")" "event=read_on_primary stmt=get_dossier reason=25006" \
	"... the server log says why"

# The standby stopped: reads fall back to the primary and still answer.
"$PGCTL" --dir "$T/sb" stop >/dev/null
wait_ready 0
t0=$(date +%s%3N)
d0=$(fallbacks standby_down)
run term a person search "Zorawar Bhandari"
assert_eq 0 "$RC" "with the standby stopped a person search still answers"
assert_contains "$OUT" "Zorawar Bhandari" "... and finds the person"
assert_eq $((d0 + 1)) "$(fallbacks standby_down)" "... from the primary (counted as a fallback)"
printf 'reads: with the standby stopped, a person search answered from the primary in %s ms (terminal round trip)\n' \
	"$(($(date +%s%3N) - t0))"
register_as "Ujjwal Standbyless"
ok "registrations go on with the standby stopped"

# The standby back: the read pool reconnects by itself and reads go to it again.
t0=$(date +%s%3N)
"$PGCTL" --dir "$T/sb" start >/dev/null
wait_ready 2
printf 'reads: the read pool was back on the standby %s ms after pgctl start began\n' \
	"$(($(date +%s%3N) - t0))"
r0=$(reads read)
run term a person search "Ujjwal Standbyless"
assert_eq 0 "$RC" "the standby back, a search answers"
assert_eq $((r0 + 1)) "$(reads read)" "... from the standby again"

# SIGHUP: read_conninfo emptied stops the read pool; reads go to the primary.
SERVER_READ_CONNINFO=""
write_server_conf
server_reload
wait_ready 0
n0=$(fallbacks no_read_pool)
run term a person search "Zorawar Bhandari"
assert_contains "$OUT" "Zorawar Bhandari" "after the reload without read_conninfo a search answers"
assert_eq $((n0 + 1)) "$(fallbacks no_read_pool)" "... from the primary (no read pool)"
assert_eq 0 "$(repl_psql "$T/sb" "SELECT count(*) FROM pg_stat_activity
	WHERE application_name = 'cctns-reads'")" "... and the standby's connections are closed"
printf 'reads: calls answered by the read pool %s, by the primary %s (fallbacks: no_read_pool %s, standby_down %s, standby_failed %s)\n' \
	"$(reads read)" "$(reads primary)" "$(fallbacks no_read_pool)" "$(fallbacks standby_down)" \
	"$(fallbacks standby_failed)"
sanitizer_clean

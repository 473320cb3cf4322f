#!/usr/bin/env bash
# station_local_hello_follows_notifications (hs, issue 7): with [cache] station_local = on
# (the default) each worker keeps the station register's answer for a station it accepted
# (server/stationcache.c) and answers later Hellos of that station without the database
# (api.station_hello), under the conditions of the local FIR answers (firlisten.h). Two
# workers: repeated Hellos are local (cctns_station_local_hits_total); the station deactivated
# in the database is refused within 2 s and at every Hello after (and accepted again when
# reactivated); its district renamed shows within 2 s; the listeners' backends ended (and kept
# from reconnecting) -> no local answer, and the station deactivated meanwhile is refused at
# once; SIGHUP with station_local = off -> no more local answers (the listener stays for
# fir_local).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
SERVER_WORKERS=2
stack_up

HITS=cctns_station_local_hits_total
MISSES=cctns_station_local_misses_total
STATION_A="state_code = $A_STATE AND district_code = $A_DISTRICT AND station_code = $A_STATION"
# hellos N TEXT WHAT: N Hellos of terminal a, each accepted and showing TEXT.
hellos() {
	local i
	for ((i = 1; i <= $1; i++)); do
		run term a hello
		assert_eq 0 "$RC" "$3: Hello $i is accepted"
		assert_contains "$OUT" "$2" "$3: Hello $i shows it"
	done
}
# refused N WHAT: N Hellos of terminal a, each refused as not active.
refused() {
	local i
	for ((i = 1; i <= $1; i++)); do
		run term a hello
		[ "$RC" != 0 ] || fail "$2: Hello $i is accepted (expected a refusal)"
		assert_contains "$OUT" "not active" "$2: Hello $i is refused as not active"
	done
}
# poll_hello ACCEPTED TEXT WHAT: Hellos until one is accepted (ACCEPTED=1) showing TEXT, or
# refused (ACCEPTED=0) with TEXT (2 s at most); then 4 more alike.
poll_hello() {
	local t0 i
	t0=$(date +%s%N)
	for ((i = 0; ; i++)); do
		run term a hello
		if [ "$1" = 1 ]; then
			[ "$RC" = 0 ] && grep -qF -- "$2" <<<"$OUT" && break
		else
			[ "$RC" != 0 ] && grep -qF -- "$2" <<<"$OUT" && break
		fi
		[ $(($(date +%s%N) - t0)) -lt 2000000000 ] || fail "$3 not seen within 2 s ($i Hellos)"
	done
	ok "$3 seen within $((($(date +%s%N) - t0) / 1000000)) ms ($((i + 1)) Hellos)"
	if [ "$1" = 1 ]; then hellos 4 "$2" "$3, after"; else refused 4 "$3, after"; fi
}

wait_metric cctns_firlisten_up '==' 2
ok "both workers listen on cctns_fir"

# ---------------------------------------------------------------- local answers
hellos 2 "$A_NAME" "warm-up"
h0=$(settled $HITS)
m0=$(metric $MISSES)
hellos 8 "$A_NAME" "the station"
h1=$(settled $HITS)
m1=$(metric $MISSES)
log "local Hellos: $h0 -> $h1, database lookups $m0 -> $m1 over 8 Hellos"
[ "$h1" -ge $((h0 + 6)) ] || fail "8 Hellos over 2 workers give at least 6 local answers (got $((h1 - h0)))"
ok "8 Hellos: $((h1 - h0)) answered by the workers without the database"

# ---------------------------------------------------------------- the station deactivated
sql "UPDATE ref.station SET active = false WHERE $STATION_A" >/dev/null
poll_hello 0 "not active" "the station deactivated in the database"
sql "UPDATE ref.station SET active = true WHERE $STATION_A" >/dev/null
poll_hello 1 "$A_NAME" "the station active again"

# ---------------------------------------------------------------- the district renamed
sql "UPDATE ref.district SET name = 'Agra Renamed' WHERE state_code = $A_STATE
	AND district_code = $A_DISTRICT" >/dev/null
poll_hello 1 "Agra Renamed" "the district renamed in the database"
h2=$(settled $HITS)
hellos 6 "Agra Renamed" "the renamed district"
h3=$(settled $HITS)
[ "$h3" -ge $((h2 + 4)) ] || fail "Hellos after the changes are local again (got $((h3 - h2)))"
ok "the new answers are local again ($((h3 - h2)) of 6)"

# ---------------------------------------------------------------- changed while a Hello was out
# An answer fetched while a notification arrived is not kept: api.station_hello made slow (1.5 s,
# its statement's snapshot taken before the rename below commits), the station renamed while
# one Hello waits for it; that Hello gets the old name, and no later Hello may.
hello_fn() { # hello_fn SECONDS: api.station_hello as 0004's, after pg_sleep(SECONDS)
	su_sql 'CREATE OR REPLACE FUNCTION api.station_hello(state int, district int, station int)
RETURNS TABLE (station_name text, district_name text, state_name text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM pg_sleep('"$1"');
	PERFORM core.station_check(state, district, station);
	RETURN QUERY SELECT s.name, d.name, st.name FROM ref.station s
		JOIN ref.district d ON d.state_code = s.state_code AND d.district_code = s.district_code
		JOIN ref.state st ON st.code = s.state_code
		WHERE s.state_code = state AND s.district_code = district AND s.station_code = station;
END
$fn$' >/dev/null
}
hello_fn 1.5
n0=$(settled 'cctns_firlisten_notifications_total{forget="all"}')
sql "UPDATE ref.station SET active = true WHERE $STATION_A" >/dev/null # '*': both forget
wait_metric 'cctns_firlisten_notifications_total{forget="all"}' '>=' $((n0 + 2))
term a hello >"$T/slow.out" 2>&1 &
slow=$!
# its api.station_hello has its snapshot and sleeps
server_sleeping || fail "the slow Hello's station_hello did not reach its sleep"
sql "UPDATE ref.station SET name = 'Agra Kotwali Nagar' WHERE $STATION_A" >/dev/null
wait $slow || fail "the slow Hello is accepted"
assert_contains "$(cat "$T/slow.out")" "$A_NAME (code" "the Hello out during the rename has the old name"
hello_fn 0
hellos 8 "Agra Kotwali Nagar" "after a rename during a Hello"

# ---------------------------------------------------------------- the listener ended
listeners_end
h4=$(settled $HITS)
hellos 4 "Agra Renamed" "while the listeners are down"
sql "UPDATE ref.station SET active = false WHERE $STATION_A" >/dev/null
refused 4 "the station deactivated while the listeners are down"
assert_eq "$h4" "$(settled $HITS)" "no local answer while the listeners are down"
sql "UPDATE ref.station SET active = true WHERE $STATION_A" >/dev/null
listeners_back
hellos 8 "Agra Renamed" "after the listeners are back"
h5=$(settled $HITS)
[ "$h5" -gt "$h4" ] || fail "local answers resume once the listeners are back"
ok "local answers resume ($((h5 - h4)) of 8 Hellos)"

# ---------------------------------------------------------------- station_local = off
printf '[cache]\nstation_local = off\n' >>"$T/server.conf"
server_reload
sleep 1
h6=$(settled $HITS)
m6=$(metric $MISSES)
hellos 6 "Agra Renamed" "with station_local = off"
assert_eq "$h6" "$(settled $HITS)" "station_local = off (SIGHUP): no more local answers"
[ "$(metric $MISSES)" -ge $((m6 + 6)) ] || fail "... every Hello asks the database"
ok "... every Hello asks the database"
assert_eq 2 "$(metric cctns_firlisten_up)" "... and the listeners stay for fir_local"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# search_pending_list_is_flushed_by_the_server (reg, issue 7, migration 0044): the persons of a
# registration go to the person search GIN pending list in one write; the server, not the next
# registrations, moves the list into the index tree (api.person_search_flush, a few times a
# second, from one worker, on a connection of its own). With two workers: one flush connection
# and two audit connections (one per worker). After registrations, cctns_search_flush_pages_total
# grows, and the database's own flush right after finds nothing left to move. Without the
# server's flush the metric stays 0 (or is missing) and the owner's flush finds pages: this
# test fails.
# shellcheck source-path=SCRIPTDIR source=lib.sh
SERVER_WORKERS=2
. "$(dirname "$0")/lib.sh"
stack_up
conns() { sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = '$1'"; }
for _ in $(seq 1 50); do
	[ "$(conns cctns-server-flush)" = 1 ] && [ "$(conns cctns-server-audit)" = 2 ] && break
	sleep 0.1
done
assert_eq 1 "$(conns cctns-server-flush)" "one flush connection for the server (two workers)"
assert_eq 2 "$(conns cctns-server-audit)" "one audit connection per worker"

pages() { metrics_sum '^cctns_search_flush_pages_total$'; }
flushes() { metrics_sum '^cctns_search_flushes_total[{]result="ok"[}]$'; }
for _ in $(seq 1 50); do
	[ "$(flushes)" -ge 2 ] && break
	sleep 0.1
done
f0=$(flushes)
[ "$f0" -ge 2 ] || fail "the server did not flush in 5 s (cctns_search_flushes_total ok=$f0, failed $(metrics_sum '^cctns_search_flushes_total[{]result="failed"[}]$'))"
p0=$(pages)
for i in 1 2 3; do
	sample_with "s/Ramesh Chandra Agarwal/Qorvendra Flushkar $i/" >"$T/fir.json"
	run term a fir register "$T/fir.json"
	assert_eq 0 "$RC" "FIR $i is registered"
done
for _ in $(seq 1 100); do
	[ "$(pages)" -gt "$p0" ] && break
	sleep 0.1
done
p1=$(pages)
[ "$p1" -gt "$p0" ] || fail "the server moved no pending pages after 3 registrations ($p0 -> $p1)"
ok "the server moved $((p1 - p0)) pending pages into the index tree"
sleep 1.5
assert_eq 0 "$(sql "SELECT api.person_search_flush()")" "nothing is left in the pending lists for anyone else to move"
run term a person search "Qorvendra Flushkar 2"
assert_contains "$OUT" "Qorvendra Flushkar 2" "a person registered is found after the move"
assert_eq 0 "$(metrics_sum '^cctns_search_flushes_total[{]result="failed"[}]$')" "no flush failed"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sanitizer_clean

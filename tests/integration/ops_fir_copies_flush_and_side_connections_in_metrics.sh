#!/usr/bin/env bash
# ops_fir_copies_flush_and_side_connections_in_metrics (ops, slice 11): /metrics shows the
# worker's FIR copies (a second `fir show` is a hit, the same FIR typed with leading zeros hits
# the same copy, a read after an edit is a miss of a changed copy; entries and bytes held), the
# person search flush ([search] flush_ms: its pace, calls and their seconds; SIGHUP turns it
# off and on again; an out-of-range value is refused naming the key) and the connections the
# audit writer and the flush keep of their own (ready; made again after the database ended
# them, counted in cctns_side_reconnects_total).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# ---------------------------------------------------------------- the FIR copies
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the sample FIR"
n=$(fir_number "$OUT")
year=${n#*/}
no=$((10#${n%/*}))
padded=$(printf '%06d/%s' "$no" "$year")
hits0=$(metric cctns_fircache_hits_total)
absent0=$(metric 'cctns_fircache_misses_total{reason="absent"}')
changed0=$(metric 'cctns_fircache_misses_total{reason="changed"}')
assert_match "$hits0" '^[0-9]+$' "cctns_fircache_hits_total is in /metrics"

run term a fir show "$no/$year"
assert_eq 0 "$RC" "the first read of $no/$year"
wait_metric 'cctns_fircache_misses_total{reason="absent"}' '==' $((absent0 + 1))
ok "the first read is a miss: no copy held"
assert_eq "$hits0" "$(metric cctns_fircache_hits_total)" "... and no hit"
run term a fir show "$no/$year"
assert_eq 0 "$RC" "the second read"
wait_metric cctns_fircache_hits_total '==' $((hits0 + 1))
ok "the second read of the unchanged FIR is answered from the copy: one hit"
run term a fir show "$padded"
assert_eq 0 "$RC" "a read of $padded (the same FIR, leading zeros)"
wait_metric cctns_fircache_hits_total '==' $((hits0 + 2))
ok "$padded finds the copy of $no/$year: one copy per FIR, not per spelling"
assert_eq $((absent0 + 1)) "$(metric 'cctns_fircache_misses_total{reason="absent"}')" \
	"... and is no miss"
wait_metric cctns_fircache_entries '==' 1
wait_metric cctns_fircache_bytes '>' 1000

fid=$(sql "SELECT fir_id FROM core.fir WHERE state_code = $A_STATE AND district_code = $A_DISTRICT
	AND station_code = $A_STATION AND year = $year AND fir_no = $no")
sql "UPDATE core.fir_person SET name = 'Ramesh Metrics Agarwal'
	WHERE state_code = $A_STATE AND year = $year AND fir_id = $fid AND seq = 0" >/dev/null
# The notification first: a read before it would keep a new copy that the late notification
# then drops, and the read after it would miss again.
wait_metric cctns_fircache_entries '==' 0
run term a fir show "$n"
assert_eq 0 "$RC" "the read after an edit"
assert_contains "$OUT" "Ramesh Metrics Agarwal" "... shows the edit"
# fir (slice 12): the edit's notification (0053) has the worker drop its copy, so the miss is
# "absent" once it arrived, "changed" when the read came first: one miss either way.
for ((i = 0; i < 50; i++)); do
	misses=$(($(metric 'cctns_fircache_misses_total{reason="absent"}') +
		$(metric 'cctns_fircache_misses_total{reason="changed"}')))
	[ "$misses" = $((absent0 + changed0 + 2)) ] && break
	sleep 0.2
done
assert_eq $((absent0 + changed0 + 2)) "$misses" "the read after an edit is a miss: the copy changed or was forgotten"
run term a fir show "$n"
wait_metric cctns_fircache_hits_total '==' $((hits0 + 3))
ok "the read after it hits the new copy"

# ---------------------------------------------------------------- the search flush
assert_eq 0.250 "$(metric cctns_search_flush_interval_seconds)" \
	"the flush runs every 250 ms by default"
f0=$(metric 'cctns_search_flushes_total{result="ok"}')
wait_metric 'cctns_search_flushes_total{result="ok"}' '>=' $((f0 + 2))
wait_metric cctns_search_flush_seconds_total '>' 0
ok "flushes are done and their time counted"

cp "$T/server.conf" "$T/server.conf.base"
printf '[search]\nflush_ms = 0\n' >>"$T/server.conf"
server_reload
wait_metric cctns_search_flush_interval_seconds '==' 0
ok "SIGHUP with flush_ms = 0 turns the flush off"
# A call in flight at the reload still answers: wait until the count holds for a second.
f1=$(metric 'cctns_search_flushes_total{result="ok"}')
for ((i = 0; i < 10; i++)); do
	sleep 1
	f2=$(metric 'cctns_search_flushes_total{result="ok"}')
	[ "$f1" = "$f2" ] && break
	f1=$f2
done
sleep 1.5
assert_eq "$f1" "$(metric 'cctns_search_flushes_total{result="ok"}')" "... and no flush runs"

cp "$T/server.conf.base" "$T/server.conf"
printf '[search]\nflush_ms = 4000000\n' >>"$T/server.conf"
run "$BIN/cctns-server" --config "$T/server.conf" --check
assert_eq 1 "$((RC != 0))" "--check refuses flush_ms = 4000000"
assert_contains "$OUT" "[search] flush_ms: must be between 0 and 3600000" \
	"... naming the key and its range"
server_reload
for ((i = 0; i < 50; i++)); do
	grep -q 'reload.*ok=0.*flush_ms' "$SERVER_LOG" && break
	sleep 0.2
done
grep 'reload.*ok=0' "$SERVER_LOG" | grep -q 'flush_ms' || fail "the reload refusal names flush_ms"
ok "a reload with flush_ms out of range is refused, naming the key"
assert_eq 0.000 "$(metric cctns_search_flush_interval_seconds)" "... and the flush stays off"

cp "$T/server.conf.base" "$T/server.conf"
printf '[search]\nflush_ms = 100\n' >>"$T/server.conf"
server_reload
wait_metric cctns_search_flush_interval_seconds '==' 0.1
wait_metric 'cctns_search_flushes_total{result="ok"}' '>=' $((f1 + 3))
ok "SIGHUP with flush_ms = 100 turns it on again at the new pace"

# ---------------------------------------------------------------- the side connections
wait_metric 'cctns_side_connections{pool="audit",state="ready"}' '==' 1
wait_metric 'cctns_side_connections{pool="flush",state="ready"}' '==' 1
ok "the audit writer's and the flush's connections are ready"
assert_match "$(metric cctns_audit_batches_in_flight)" '^[0-9]+$' "cctns_audit_batches_in_flight is in /metrics"
assert_match "$(metric cctns_audit_resends_total)" '^[0-9]+$' "cctns_audit_resends_total is in /metrics"
ra=$(metric 'cctns_side_reconnects_total{pool="audit"}')
rf=$(metric 'cctns_side_reconnects_total{pool="flush"}')
psql -X -q -At -v ON_ERROR_STOP=1 -d "host=$CCTNS_PGHOST port=5432 dbname=cctns user=postgres" \
	-c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
	WHERE application_name IN ('cctns-server-audit', 'cctns-server-flush')" >/dev/null
run term a fir show "$n"
assert_eq 0 "$RC" "a read after the database ended the audit's connection"
wait_metric 'cctns_side_reconnects_total{pool="audit"}' '>=' $((ra + 1))
wait_metric 'cctns_side_reconnects_total{pool="flush"}' '>=' $((rf + 1))
ok "both connections were made again, and counted"
wait_metric 'cctns_side_connections{pool="audit",state="ready"}' '==' 1
wait_metric 'cctns_side_connections{pool="flush",state="ready"}' '==' 1
wait_metric cctns_audit_queue_length '==' 0
wait_metric cctns_audit_batches_in_flight '==' 0
ok "... ready again, every audit record written"

# A batch that fails is sent again: a trigger (made by the test's superuser) fails the next
# audit.log insert once; the read's record is written by the resend.
resent0=$(metric cctns_audit_resends_total)
sql "CREATE SEQUENCE public.ops_fail_seq;
CREATE FUNCTION public.ops_fail_once() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog AS \$\$
BEGIN
	IF nextval('public.ops_fail_seq') = 1 THEN
		RAISE EXCEPTION 'injected audit failure';
	END IF;
	RETURN NULL;
END \$\$;
CREATE TRIGGER ops_fail_once AFTER INSERT ON audit.log FOR EACH STATEMENT
EXECUTE FUNCTION public.ops_fail_once();" >/dev/null
run term a fir show "$n"
assert_eq 0 "$RC" "a read whose audit batch fails once"
wait_metric cctns_audit_resends_total '>=' $((resent0 + 1))
ok "the failed audit batch is sent again, and counted in cctns_audit_resends_total"
wait_metric cctns_audit_queue_length '==' 0
[ "$(sql "SELECT last_value FROM public.ops_fail_seq")" -ge 2 ] || fail "no batch after the failed one"
ok "... and written by the resend (every record written)"

sanitizer_clean

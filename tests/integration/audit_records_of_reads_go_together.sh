#!/usr/bin/env bash
# audit_records_of_reads_go_together (core, session 10): a record no one waits for (a read, a
# Hello, a refusal) waits in the server until 250 such records do or the oldest has waited
# 10 ms, and no audit batch is on the wire; then they go together, in one transaction. A
# record a write's answer is held for goes at once, pipelined, taking the others along.
# 1. cctns-bench reads FIRs at 2,000 a second for 2 s: the records go at least ten to a batch
#    (a batch each loop pass, or each answer of the last batch, made batches of one or two).
# 2. A psql session holds LOCK audit.chain, so a batch blocks on the wire. Twenty reads
#    follow, each from its own terminal process: with a batch per loop pass (0052) up to
#    eight batches were on the wire; now one is, and the reads' records wait in the server. A
#    General Diary entry (a write whose record the worker writes) then goes at once (two on the
#    wire) and waits for its record. Once the lock is released every record is written, the
#    reads' in the write's batch, and the chain verifies.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries cctns-bench
stack_up
GD_SAMPLE=$SRC/deploy/samples/gd-entry.json
terminal_conf load-1 "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"

run "$BIN/cctns-bench" --conf "$T/load-%d.conf" --stations 1 --connections 1 --seconds 1 \
	--mix register:1 --fir "$SAMPLE"
assert_eq 0 "$RC" "the bench station has FIRs to read"
wait_metric cctns_audit_pending == 0
r0=$(metric cctns_audit_records_total)
b0=$(metric cctns_audit_batches_total)
run "$BIN/cctns-bench" --conf "$T/load-%d.conf" --stations 1 --connections 4 --seconds 2 \
	--rate 2000 --mix show:1 --fir "$SAMPLE"
assert_eq 0 "$RC" "cctns-bench reads FIRs at 2,000 a second"
reads=$(grep -m 1 '^op=show ' <<<"$OUT" | grep -oE ' ok=[0-9]+' | cut -d= -f2)
[ "${reads:-0}" -ge 1000 ] || fail "only ${reads:-0} reads answered: $OUT"
wait_metric cctns_audit_pending == 0
records=$(($(metric cctns_audit_records_total) - r0))
batches=$(($(metric cctns_audit_batches_total) - b0))
[ "$records" -ge "$reads" ] || fail "$records audit records for $reads reads"
[ "$((batches * 10))" -le "$records" ] ||
	fail "$records records in $batches batches: fewer than ten a batch"
ok "$reads reads: $records records in $batches batches"

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "an FIR is registered"
n=$(fir_number "$OUT")
wait_metric cctns_audit_pending == 0
b0=$(metric cctns_audit_batches_total)

hold_lock
run term a fir show "$n"
assert_eq 0 "$RC" "a read is answered while the audit log is locked (its record waits)"
wait_metric cctns_audit_batches_in_flight ">=" 1
for i in $(seq 1 20); do
	run term a fir show "$n"
	assert_eq 0 "$RC" "read $i is answered at once"
done
sleep 0.5
assert_eq 1 "$(metric cctns_audit_batches_in_flight)" \
	"the reads' records wait for the batch on the wire instead of going one batch a loop pass"
pending=$(metric cctns_audit_pending)
awk -v p="$pending" 'BEGIN { exit !(p >= 20) }' || fail "records waiting: $pending, expected >= 20"
ok "$pending records wait in the server"

term a gd add "$GD_SAMPLE" >"$T/reg.out" 2>&1 &
reg_pid=$!
wait_metric cctns_audit_batches_in_flight == 2
ok "a write's record goes at once, pipelined behind the blocked batch"
sleep 0.5
kill -0 "$reg_pid" 2>/dev/null || fail "the entry was told before its record was written"
ok "the entry waits for its record"

release_lock
wait "$reg_pid" || fail "the entry failed: $(cat "$T/reg.out")"
ok "the entry is told once its record is written"
wait_metric cctns_audit_pending == 0
b1=$(metric cctns_audit_batches_total)
assert_eq 2 "$((b1 - b0))" \
	"two batches: the blocked one, then the write's, which took every read's record with it"
assert_eq 21 "$(sql "SELECT count(*) FROM audit.log WHERE action = 'get_fir' AND record = '$n'")" \
	"every read is in the audit log"
run "$BIN/cctns-admin" --db "$CCTNS_DB" audit verify
assert_eq 0 "$RC" "the chain verifies: $OUT"
sanitizer_clean

#!/usr/bin/env bash
# offline_terminal_queues_and_syncs_gapless: with the server down, two terminals of one station
# queue FIRs in their durable outboxes (checksummed records on disk before "queued", an offline
# receipt each); reads and --no-queue writes never queue. With the server back, cctns sync
# delivers each outbox in order with its idempotency keys: every receipt maps to exactly one
# FIR, the station's numbers stay gapless, a second sync delivers nothing, a record delivered
# twice (its answer lost) is one FIR, a refused record is set aside with the server's message
# without blocking the rest, a torn record is reported damaged and never sent, and any command
# that reaches the server delivers the outbox first.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
"$PKI" station "$T/pki" $A_STATE $A_DISTRICT $A_STATION desk-2 >/dev/null
terminal_conf a2 "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-2"
printf '[outbox]\ndir = outbox-a\n' >>"$T/a.conf"
printf '[outbox]\ndir = outbox-a2\n' >>"$T/a2.conf"
OA=$T/outbox-a OA2=$T/outbox-a2
RA="OFF-$A_STATE-$A_DISTRICT-$A_STATION-desk-1" RA2="OFF-$A_STATE-$A_DISTRICT-$A_STATION-desk-2"
firs() { sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION"; }
# check_record FILE: the last 32 bytes are the SHA-256 of the rest (checked without cctns).
check_record() {
	cmp -s <(head -c -32 "$1" | openssl dgst -sha256 -binary) <(tail -c 32 "$1")
}

# A key registered online first, to make a conflicting record later.
used_key=$(openssl rand -hex 16)
run term a fir register "$SAMPLE" --key "$used_key"
assert_eq 0 "$RC" "one FIR registered online first"
first=$(fir_number "$OUT")
year=${first#*/}
assert_eq "0001/$year" "$first" "... as 0001"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
log "server down"
for i in 1 2 3; do
	run term a fir register "$SAMPLE"
	assert_eq 0 "$RC" "terminal desk-1, server down: FIR $i is queued (exit 0)"
	assert_contains "$OUT" "queued offline: receipt $RA-00000$i" "... with offline receipt $RA-00000$i"
	[ -f "$OA/queue/000000000$i.rec" ] || fail "record $i is not on disk after 'queued'"
	check_record "$OA/queue/000000000$i.rec" || fail "record $i: checksum does not verify"
done
ok "three records on disk, each verifying its SHA-256"
assert_eq 700 "$(stat -c %a "$OA")" "the outbox directory is 0700"
assert_eq 3 "$(cat "$OA/seq")" "the receipt sequence is stored"
for i in 1 2; do
	run term a2 fir register "$SAMPLE" --json
	assert_eq 0 "$RC" "terminal desk-2, server down: FIR $i is queued"
	assert_match "$OUT" "\"offline_receipt\": \"$RA2-00000$i\"" "... receipt $RA2-00000$i (--json)"
done
assert_not_contains "$OUT" "$RA-" "desk-2 has its own receipts"

run term a fir register "$SAMPLE" --no-queue
assert_eq 5 "$RC" "--no-queue refuses instead (exit 5)"
run term a fir show "$first"
assert_eq 5 "$RC" "a read with the server down fails (exit 5)"
assert_eq 3 "$(find "$OA/queue" -name '*.rec' | wc -l)" "neither queued anything"

run term a outbox list
assert_eq 0 "$RC" "outbox list works offline"
assert_contains "$OUT" "3 queued, 0 refused, 0 damaged, 0 delivered" "... three queued"
assert_contains "$OUT" "$RA-000003" "... listing the receipts"
assert_eq 1 "$(firs)" "nothing reached the database while the server was down"

cp "$OA/queue/0000000001.rec" "$T/saved-1.rec"
server_start
run term a2 sync
assert_eq 0 "$RC" "desk-2 syncs first"
assert_contains "$OUT" "$RA2-000001 -> FIR 0002/$year" "desk-2's first receipt -> 0002"
assert_contains "$OUT" "$RA2-000002 -> FIR 0003/$year" "desk-2's second receipt -> 0003"
run term a sync
assert_eq 0 "$RC" "desk-1 syncs"
for i in 1 2 3; do
	assert_contains "$OUT" "$RA-00000$i -> FIR 000$((i + 3))/$year" "desk-1 receipt $i -> 000$((i + 3)), in queue order"
done
assert_eq "6|6|1|6" "$(sql "SELECT count(*), count(DISTINCT fir_no), min(fir_no), max(fir_no)
	FROM core.fir WHERE station_code = $A_STATION AND year = $year")" \
	"six FIRs numbered 1..6, no gap, no duplicate, across two terminals"
run term a sync
assert_eq 0 "$RC" "a second sync succeeds"
assert_contains "$OUT" "Nothing queued" "... and delivers nothing"
assert_eq 6 "$(firs)" "still six FIRs"
run term a outbox show "$RA-000002"
assert_eq 0 "$RC" "outbox show answers after delivery"
assert_contains "$OUT" "$RA-000002 -> FIR 0005/$year" "... with the number receipt 2 was given"
run term a outbox list --all
assert_contains "$OUT" "0 queued, 0 refused, 0 damaged, 3 delivered" "outbox list counts the deliveries"
assert_match "$OUT" "$RA-000003 .*-> 0006/$year" "... and lists them with --all"
run term a outbox show "$RA-000099"
assert_eq 6 "$RC" "an unknown receipt is not found (exit 6)"

# The answer of a delivery lost: the same record is sent again (as a retry after a lost link
# would); the server finds its key and answers with the original number.
[ -f "$OA/queue/0000000001.rec" ] && fail "a delivered record stays on the terminal"
ok "a delivered record is removed from the terminal (delivered.log keeps the mapping)"
cp "$T/saved-1.rec" "$OA/queue/0000000001.rec"
run term a sync
assert_eq 0 "$RC" "a record delivered a second time is accepted"
assert_contains "$OUT" "$RA-000001 -> FIR 0004/$year" "... with its original number"
assert_contains "$OUT" "reached the server before" "... said to be the original"
assert_eq 6 "$(firs)" "... and no second FIR"

# Refused and torn records.
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sample_with 's/Beat 3, Kinari Bazar/Beat 4, Rawatpara/' >"$T/changed.json"
run term a fir register "$T/changed.json" --key "$used_key"
assert_contains "$OUT" "$RA-000004" "a record whose key was used for other content is queued"
run term a fir register "$SAMPLE"
assert_contains "$OUT" "$RA-000005" "a record to be torn is queued"
run term a fir register "$SAMPLE"
assert_contains "$OUT" "$RA-000006" "a good record after them is queued"
rec5=$OA/queue/0000000005.rec
truncate -s $(($(stat -c %s "$rec5") - 10)) "$rec5"
check_record "$rec5" && fail "the truncated record still verifies"
run term a outbox list
assert_contains "$OUT" "checksum does not match" "outbox list shows the torn record"
server_start
run term a sync
assert_eq 0 "$RC" "sync goes on past a refused and a torn record"
assert_match "$OUT" "$RA-000004 -> refused by the server: .*(conflict|already used)" \
	"the conflicting record is refused with the server's message"
assert_contains "$OUT" "0000000005.rec is damaged" "the torn record is reported damaged"
assert_contains "$OUT" "$RA-000006 -> FIR 0007/$year" "the record after them is delivered, numbered next"
[ -f "$OA/failed/0000000004.rec" ] && [ -f "$OA/failed/0000000004.rec.reason" ] ||
	fail "the refused record is not in failed/ with its reason"
[ -f "$OA/damaged/0000000005.rec" ] || fail "the torn record is not in damaged/"
ok "refused and damaged records are set aside, never replayed"
assert_eq 0 "$(find "$OA/queue" -name '*.rec' | wc -l)" "the queue is empty"
run term a outbox show "$RA-000004"
assert_eq 4 "$RC" "outbox show of a refused receipt: exit 4"
assert_match "$OUT" "conflict|already used" "... with the server's message"
run term a outbox show "$RA-000004" --json
assert_eq 0 "$RC" "outbox show --json gives the refused request"
assert_contains "$OUT" "Rawatpara" "... with its document, to correct and send again"
assert_eq "7|7|1|7" "$(sql "SELECT count(*), count(DISTINCT fir_no), min(fir_no), max(fir_no)
	FROM core.fir WHERE station_code = $A_STATION AND year = $year")" "seven FIRs, 1..7, gapless"

# Automatic delivery: the next command that reaches the server delivers the outbox first.
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
run term a fir register "$SAMPLE"
assert_contains "$OUT" "$RA-000007" "queued while the server is down"
server_start
run term a fir show "$first"
assert_eq 0 "$RC" "the next command (a read) works"
assert_contains "$OUT" "$RA-000007 -> FIR 0008/$year" "... after delivering the outbox first"
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "a new registration online"
assert_eq "0009/$year" "$(fir_number "$OUT")" "... is numbered after the delivered one"
assert_eq "9|9|1|9" "$(sql "SELECT count(*), count(DISTINCT fir_no), min(fir_no), max(fir_no)
	FROM core.fir WHERE station_code = $A_STATION AND year = $year")" "nine FIRs, 1..9, gapless"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

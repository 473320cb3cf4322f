#!/usr/bin/env bash
# zero_fir_transfer_registers_it_at_the_receiving_station_and_links_both: station A registers
# a zero FIR for an occurrence in station B's limits and transfers it; in the same
# transaction station B registers the same content under its own next number (gapless after
# its own FIRs), both FIRs name each other, both diaries and both timelines record it, the
# persons are linked to both, and the sent FIR becomes transferred and read-only: it cannot
# be transferred again, nor take an arrest. The same key replays the receipt.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term b fir register "$SAMPLE"
assert_eq 0 "$RC" "station B registers an FIR of its own first"
b_first=$(fir_number "$OUT")
year=${b_first#*/}

run term a fir register "$SRC/deploy/samples/fir-zero.json"
assert_eq 0 "$RC" "station A registers the zero FIR"
number=$(fir_number "$OUT")
run term a fir show "$number"
assert_contains "$OUT" "Zero FIR                 Yes" "... shown as a zero FIR"
assert_contains "$OUT" "(c) Outside: P.S.        Civil Lines (station 2001)" \
	"... with the station whose limits the place is in"

key=$(openssl rand -hex 16)
run term a fir transfer "$number" "$SRC/deploy/samples/fir-transfer.json" --key "$key"
assert_eq 0 "$RC" "station A transfers it to station B"
assert_contains "$OUT" "FIR $number transferred to $B_NAME (9:119:2001)" "... the receipt names B"
assert_contains "$OUT" "Registered there as FIR 0002/$year" \
	"... B registered it under its own next number, after its own FIR 0001"
assert_match "$OUT" '^General Diary here: GD entry [0-9]+ of' "... A's diary entry"
assert_match "$OUT" '^General Diary there: GD entry [0-9]+ of' "... B's diary entry"

run term a fir show "$number"
assert_eq 0 "$RC" "station A still reads its FIR"
assert_contains "$OUT" "Status                   Transferred" "... now transferred"
assert_contains "$OUT" "Transferred to           $B_NAME (9:119:2001), FIR 0002/$year" \
	"... naming B's FIR"
assert_contains "$OUT" "Reason               The place of occurrence, the Aligarh bus stand" \
	"... and why"

run term b fir show "0002/$year"
assert_eq 0 "$RC" "station B reads the FIR it received"
assert_contains "$OUT" "Status                   Registered" "... registered there"
assert_contains "$OUT" "Received by transfer from $A_NAME (9:118:1001), FIR $number" \
	"... naming A's FIR"
assert_contains "$OUT" "Roadways bus stand" "... with the same first information"
assert_contains "$OUT" "Mohd. Irfan" "... and the same complainant"
same=$(sql "SELECT count(DISTINCT (brief_facts, occurred_from, information_received_at, content_sha256))
	FROM core.fir WHERE zero_fir")
assert_eq 1 "$same" "both FIRs hold the same content"
assert_eq "$number" "$(sql "SELECT lpad(f.transferred_from_fir_no::text, 4, '0') || '/' || f.transferred_from_year
	FROM core.fir f WHERE f.station_code = $B_STATION AND f.fir_no = 2")" "core.fir links B's FIR back to A's"

run term a gd show
assert_contains "$OUT" "FIR transfer" "A's diary has the transfer entry"
run term a gd show --json
assert_contains "$OUT" '"kind": "fir_transfer"' "... of kind fir_transfer"
assert_contains "$OUT" "transferred to $B_NAME (9:119:2001), registered there as FIR 0002/$year" \
	"... naming B's FIR"
assert_not_contains "$OUT" "Irfan" "... without personal data"
run term b gd show --json
assert_contains "$OUT" "FIR 0002/$year registered on transfer of FIR $number of $A_NAME" \
	"B's diary has its entry"

run term a case timeline "$number"
assert_match "$OUT" 'Transferred out +Transferred' "A's timeline: transferred out, status transferred"
run term b case timeline "0002/$year"
assert_match "$OUT" 'Received by transfer +Registered' "B's timeline starts with the transfer"

assert_eq "1|2" "$(sql "SELECT count(DISTINCT p.person_id), count(DISTINCT l.record_id)
	FROM core.fir_person p JOIN core.person_link l ON l.person_id = p.person_id AND l.role = 'complainant'
	WHERE p.role = 'complainant' AND p.name = 'Mohd. Irfan'")" \
	"the complainant is one person of the persons register, linked to both FIRs"

run term a fir transfer "$number" "$SRC/deploy/samples/fir-transfer.json" --key "$key"
assert_eq 0 "$RC" "the same key replays the transfer"
assert_contains "$OUT" "already transferred earlier with this key" "... saying so"
assert_eq 1 "$(sql "SELECT count(*) FROM core.fir WHERE station_code = $B_STATION AND zero_fir")" \
	"... and B still has one copy"

run term a fir transfer "$number" "$SRC/deploy/samples/fir-transfer.json"
assert_eq 4 "$RC" "a transferred FIR is not transferred again (exit 4)"
assert_contains "$OUT" "is transferred" "... the message says its status"

sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(date -Iseconds)\"/g" "$SRC/deploy/samples/arrest.json" \
	>"$T/arrest.json"
run term a arrest register "$number" "$T/arrest.json"
assert_eq 4 "$RC" "a transferred FIR takes no arrest memo (exit 4)"
assert_contains "$OUT" "record them in the FIR at the receiving station" "... the message says where"
run term b arrest register "0002/$year" "$T/arrest.json"
assert_eq 0 "$RC" "the receiving station records the arrest in its FIR"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

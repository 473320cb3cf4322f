#!/usr/bin/env bash
# fir_transfer_to_another_state_exports_it: an FIR transferred to a station of another state
# is marked transferred (event, diary entry) and no FIR is registered in this state's
# database; `cctns fir export` writes it as a FirExport JSON document (format
# cctns.fir-export, version 1: source station, receipt, content, transfer, timeline), to a
# file or to standard output. An FIR not transferred to another state has no export.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
# A station of Maharashtra (state 27, district 482 Mumbai) in the register.
"$BIN/cctns-admin" --db "$CCTNS_DB" station add --state 27 --district 482 --code 3001 \
	--name "Colaba" >/dev/null

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers an FIR"
number=$(fir_number "$OUT")
run term a fir export "$number"
assert_eq 4 "$RC" "an FIR not transferred has no export (exit 4)"
assert_contains "$OUT" "was not transferred to another state" "... the message says why"

sed -e 's/"state_code": 9, "district_code": 119, "station_code": 2001/"state_code": 27, "district_code": 482, "station_code": 3001/' \
	"$SRC/deploy/samples/fir-transfer.json" >"$T/to-mumbai.json"
run term a fir transfer "$number" "$T/to-mumbai.json"
assert_eq 0 "$RC" "station A transfers it to Colaba, Mumbai"
assert_contains "$OUT" "transferred to Colaba (27:482:3001)" "... the receipt names the station"
assert_contains "$OUT" "cctns fir export $number --out FILE" "... and says how to export it"
assert_not_contains "$OUT" "Registered there" "... no FIR number there"
assert_eq 1 "$(sql 'SELECT count(*) FROM core.fir')" "no FIR was registered in this state's database"
assert_eq "transferred|t|27" "$(sql 'SELECT status, transfer_exported, transferred_to_state_code FROM core.fir')" \
	"core.fir: transferred, exported, to state 27"

run term a fir show "$number"
assert_contains "$OUT" "Transferred to           Colaba (27:482:3001), in another state: exported" \
	"fir show names the station in the other state"
run term a case timeline "$number"
assert_match "$OUT" 'Transferred out +Transferred' "the timeline has the transfer"
run term a gd show --json
assert_contains "$OUT" "transferred to Colaba (27:482:3001) in another state; exported" "the diary has it"

run term a fir export "$number" --out "$T/export.json"
assert_eq 0 "$RC" "fir export --out writes the export"
assert_contains "$OUT" "FIR export written to $T/export.json" "... and says where"
export_json=$(cat "$T/export.json")
# check SQL_EXPRESSION WHAT: SQL_EXPRESSION on the export (as jsonb e) is true. psql puts a
# -v value in as a quoted literal only in statements it reads from standard input.
check() {
	assert_eq t "$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" -v e="$export_json" \
		<<<"SELECT $1 FROM (SELECT :'e'::jsonb AS e) x")" "$2"
}
check "e ->> 'format' = 'cctns.fir-export' AND (e -> 'format_version')::int = 1" \
	"the export names its format and version"
check "e #>> '{source_station,station_name}' = '$A_NAME' AND (e #> '{source_station,state_code}')::int = 9" \
	"... the source station"
check "e #>> '{receipt,fir_number}' = '$number' AND e #>> '{receipt,gd_date}' IS NOT NULL" \
	"... its receipt with the diary entry"
check "e #>> '{content,brief_facts}' LIKE '%Shahganj%' AND (e #> '{content,total_value_rupees}')::int = 59999
	AND e #>> '{content,complainant_passport,number}' = 'P4721936'" \
	"... the whole content, with the total value"
check "(e #> '{transfer,station,state_code}')::int = 27 AND (e #> '{transfer,exported}')::boolean
	AND e #>> '{transfer,officer,name}' = 'Anil Kumar Tyagi'" \
	"... the transfer: to whom, by whom"
check "e #>> '{timeline,0,kind}' = 'fir_registered' AND e #>> '{timeline,-1,kind}' = 'transferred_out'" \
	"... and the timeline"
check "NOT e #> '{receipt}' ? 'idempotency_key'" "... but not the terminal's idempotency key"

run term a fir export "$number"
assert_eq 0 "$RC" "fir export without --out writes to standard output"
assert_contains "$OUT" '"format": "cctns.fir-export"' "... the same document"
run term b fir export "$number"
assert_eq 6 "$RC" "another station has no export of A's FIR (exit 6)"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

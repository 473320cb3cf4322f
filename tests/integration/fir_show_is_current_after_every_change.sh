#!/usr/bin/env bash
# fir_show_is_current_after_every_change (fir, issue 7): cctns-server keeps the FIRs it answered
# (server/fircache.c) and the database keeps them rendered (core.fir_rendered, 0039/0045), yet a
# read after a committed change, made on any connection, shows the change: a complainant renamed,
# a property given an identifying number, a section changed (each straight in the database, as
# another program would), and a transfer made through the terminal. Reads of an unchanged FIR
# answer the same FIR; every read has its audit record; an unmasked read of a sealed FIR is
# recorded in audit.sealed_read at every read, and a writer still reads it masked.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the sample FIR"
n=$(fir_number "$OUT")
year=${n#*/}
no=$((10#${n%/*}))
fid=$(sql "SELECT fir_id FROM core.fir WHERE state_code = $A_STATE AND district_code = $A_DISTRICT
	AND station_code = $A_STATION AND year = $year AND fir_no = $no")
where="state_code = $A_STATE AND year = $year AND fir_id = $fid"

run term a fir show "$n" --json
assert_eq 0 "$RC" "fir show --json exits 0"
first=$OUT
run term a fir show "$n" --json
assert_eq "$first" "$OUT" "a second read of the unchanged FIR answers the same FIR"
run term a fir show "$n" --json
assert_eq "$first" "$OUT" "... and a third"

# show_has TEXT WHAT: two reads in a row (the second from the server's copy) both show TEXT.
show_has() {
	run term a fir show "$n" --json
	assert_eq 0 "$RC" "fir show exits 0 ($2)"
	assert_contains "$OUT" "$1" "$2 shows in the next read"
	run term a fir show "$n" --json
	assert_contains "$OUT" "$1" "$2 shows in the read after it"
}

sql "UPDATE core.fir_person SET name = 'Ramesh Changed Agarwal' WHERE $where AND seq = 0" >/dev/null
show_has "Ramesh Changed Agarwal" "the complainant renamed"

sql "INSERT INTO core.property_identifier (state_code, source, record_year, record_id, item, version, ord,
	kind, number) VALUES ($A_STATE, 'fir_property', $year, $fid, 0, 0, 0, 'imei', '35-209900-176148-1')" >/dev/null
show_has "35-209900-176148-1" "an identifying number given to the first property"

sql "UPDATE core.fir_charge SET section = '305(a)' WHERE $where
	AND seq = (SELECT min(seq) FROM core.fir_charge WHERE $where)" >/dev/null
show_has '"305(a)"' "a section changed"
assert_not_contains "$OUT" '"303(2)"' "the old section is gone"

run term a fir transfer "$n" "$SRC/deploy/samples/fir-transfer.json"
assert_eq 0 "$RC" "station A transfers the FIR through the terminal"
show_has '"transferred_to"' "the transfer"

# Every read has its audit record (11 reads of this FIR above).
for ((i = 0; i < 100; i++)); do
	[ "$(metrics_sum '^cctns_audit_pending$')" = 0 ] && break
	sleep 0.1
done
assert_eq 11 "$(sql "SELECT count(*) FROM audit.log WHERE action = 'get_fir' AND outcome = 'ok'
	AND record = '$n'")" "every read, from the server's copy or not, is in audit.log"

# A sealed FIR (BNS 64): A1 (the SHO) reads it unmasked, each read recorded; a writer masked.
sample_with 's/"303(2)"/"64(1)"/; s/Ramesh Chandra Agarwal/Sunita Sealtest Devi/' >"$T/sealed.json"
run term a fir register "$T/sealed.json"
s=$(fir_number "$OUT")
officer_add W1 $A_DISTRICT $A_STATION station_writer
terminal_conf_only w "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
term_login w W1 >/dev/null || fail "W1 signs in"
reads() { sql "SELECT count(*) FROM audit.sealed_read WHERE record = 'FIR $s'"; }
before=$(reads)
for who in a w a a w; do
	run term "$who" fir show "$s"
	assert_eq 0 "$RC" "$who reads the sealed FIR"
	if [ "$who" = a ]; then
		assert_contains "$OUT" "Sunita Sealtest Devi" "the SHO reads it unmasked"
	else
		assert_not_contains "$OUT" "Sealtest" "the writer reads it masked"
		assert_contains "$OUT" "[sealed: BNS 72]" "... with the law in place of the name"
	fi
done
assert_eq $((before + 3)) "$(reads)" "each of the SHO's 3 unmasked reads is in audit.sealed_read"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sanitizer_clean

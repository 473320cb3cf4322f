#!/usr/bin/env bash
# fir_local_answers_follow_notifications (fir, slice 12): with [cache] fir_local = on (the
# default) each worker answers a verified plain FIR copy itself, without the database, and
# forgets it when the database notifies cctns_fir (0053, server/firlisten.c). Two workers:
# repeated reads of a plain FIR are local hits (cctns_fircache_local_hits_total); a change
# through the terminal (a transfer) and one straight in the database (a section) show within
# 2 s and in every read after; an FIR made sealed (a BNS 64 charge) is read masked by a writer,
# never as the old plain copy, and unmasked by the SHO with an audit.sealed_read row per read,
# none of them local; the listeners' backends ended (and kept from reconnecting) -> no local
# answer until they are back, and a change made meanwhile is seen after; SIGHUP with
# fir_local = off -> no more local hits, the listeners close.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
SERVER_WORKERS=2
stack_up

LOCAL=cctns_fircache_local_hits_total
# reads TERM N NUMBER TEXT WHAT: N reads of NUMBER at terminal TERM, each showing TEXT.
reads() {
	local i
	for ((i = 1; i <= $2; i++)); do
		run term "$1" fir show "$3" --json
		assert_eq 0 "$RC" "$5: read $i exits 0"
		assert_contains "$OUT" "$4" "$5: read $i shows it"
	done
}
# poll_shows NUMBER TEXT WHAT: reads until one shows TEXT (2 s at most), then 6 more that do.
poll_shows() {
	local t0 i
	t0=$(date +%s%N)
	for ((i = 0; ; i++)); do
		run term a fir show "$1" --json
		[ "$RC" = 0 ] && grep -qF -- "$2" <<<"$OUT" && break
		[ $(($(date +%s%N) - t0)) -lt 2000000000 ] || fail "$3 not shown within 2 s ($i reads)"
	done
	ok "$3 shows within $((($(date +%s%N) - t0) / 1000000)) ms ($((i + 1)) reads)"
	reads a 6 "$1" "$2" "$3, after"
}

wait_metric cctns_firlisten_up '==' 2
ok "both workers listen on cctns_fir"

# ---------------------------------------------------------------- local hits
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the sample FIR"
n=$(fir_number "$OUT")
year=${n#*/}
no=$((10#${n%/*}))
fid=$(sql "SELECT fir_id FROM core.fir WHERE state_code = $A_STATE AND district_code = $A_DISTRICT
	AND station_code = $A_STATION AND year = $year AND fir_no = $no")
where="state_code = $A_STATE AND year = $year AND fir_id = $fid"
l0=$(settled $LOCAL)
reads a 8 "$n" "Ramesh Chandra Agarwal" "the plain FIR"
l1=$(settled $LOCAL)
log "local hits: $l0 -> $l1 over 8 reads"
[ "$l1" -ge $((l0 + 6)) ] || fail "8 reads over 2 workers give at least 6 local hits (got $((l1 - l0)))"
ok "8 reads of a plain FIR: $((l1 - l0)) answered by the workers without the database"

# ---------------------------------------------------------------- changes show
run term a fir transfer "$n" "$SRC/deploy/samples/fir-transfer.json"
assert_eq 0 "$RC" "station A transfers the FIR through the terminal"
poll_shows "$n" '"transferred_to"' "the transfer made through the terminal"
sql "UPDATE core.fir_charge SET section = '305(a)' WHERE $where
	AND seq = (SELECT min(seq) FROM core.fir_charge WHERE $where)" >/dev/null
poll_shows "$n" '"305(a)"' "a section changed in the database"
l2=$(settled $LOCAL)
[ "$l2" -gt "$l1" ] || fail "reads after the changes are local hits again"
ok "the new copies are answered locally again ($((l2 - l1)) local hits)"

# ---------------------------------------------------------------- sealed
run term a fir register "$SAMPLE"
s=$(fir_number "$OUT")
sno=$((10#${s%/*}))
reads a 4 "$s" "Ramesh Chandra Agarwal" "the second FIR, plain"
officer_add W1 $A_DISTRICT $A_STATION station_writer
terminal_conf_only w "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1"
term_login w W1 >/dev/null || fail "W1 signs in"
sid=$(sql "SELECT fir_id FROM core.fir WHERE state_code = $A_STATE AND district_code = $A_DISTRICT
	AND station_code = $A_STATION AND year = $year AND fir_no = $sno")
sql "UPDATE core.fir_charge SET section = '64(1)' WHERE state_code = $A_STATE AND year = $year
	AND fir_id = $sid AND seq = (SELECT min(seq) FROM core.fir_charge WHERE state_code = $A_STATE
	AND year = $year AND fir_id = $sid)" >/dev/null
sealed0=$(sql "SELECT count(*) FROM audit.sealed_read WHERE record = 'FIR $s'")
l3=$(settled $LOCAL)
for ((i = 1; i <= 6; i++)); do
	run term w fir show "$s"
	assert_eq 0 "$RC" "the writer reads the sealed FIR ($i)"
	assert_not_contains "$OUT" "Ramesh Chandra" "the writer never gets the old plain copy ($i)"
	assert_contains "$OUT" "[sealed: BNS 72]" "... but the masked FIR ($i)"
done
reads a 3 "$s" "Ramesh Chandra Agarwal" "the SHO reads the sealed FIR unmasked"
assert_eq $((sealed0 + 3)) "$(sql "SELECT count(*) FROM audit.sealed_read WHERE record = 'FIR $s'")" \
	"each of the SHO's 3 unmasked reads is in audit.sealed_read"
assert_eq "$l3" "$(settled $LOCAL)" "no read of the sealed FIR was answered locally"

# ---------------------------------------------------------------- the listener ended
reads a 4 "$n" '"305(a)"' "warm again"
listeners_end
l4=$(settled $LOCAL)
reads a 4 "$n" '"305(a)"' "while the listeners are down"
sql "UPDATE core.fir SET brief_facts = 'Changed while nobody listened' WHERE $where" >/dev/null
reads a 4 "$n" 'Changed while nobody listened' "a change made while the listeners are down"
assert_eq "$l4" "$(settled $LOCAL)" "no local answer while the listeners are down"
listeners_back
reads a 8 "$n" 'Changed while nobody listened' "after the listeners are back"
l5=$(settled $LOCAL)
[ "$l5" -gt "$l4" ] || fail "local answers resume once the listeners are back"
ok "local answers resume ($((l5 - l4)) of 8 reads)"

# ---------------------------------------------------------------- fir_local = off
# (hs: station_local and officer_local, on by default, also keep the listener: all three off
# close it)
printf '[cache]\nfir_local = off\nstation_local = off\nofficer_local = off\n' >>"$T/server.conf"
server_reload
wait_metric cctns_firlisten_up '==' 0
l6=$(settled $LOCAL)
reads a 6 "$n" 'Changed while nobody listened' "with fir_local = off"
assert_eq "$l6" "$(settled $LOCAL)" "fir_local = off (SIGHUP): no more local answers"
assert_eq 0 "$(sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cctns-server-firlisten'")" \
	"... and no listener connection"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# walkthrough_takes_a_case_through_its_life: deploy/samples/walkthrough, run as station A
# against this test's stack, takes one case from the petition to the decided appeal and prints
# its timeline with every step in order (FIR registered, from petition, IO assigned, crime
# details, arrest, seizure, property moved out and back, final report, court disposal, appeal
# filed, appeal decided); the database agrees. Run again, it takes a new case (new petition and
# FIR numbers). A step that fails stops it with exit 1 and a message naming the step.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
WALK=$SRC/deploy/samples/walkthrough

# events FIR_TEXT: the event column of a printed case timeline, one per line.
events() {
	awk '/^-+  -+/ { body = 1; next }
		body && /^[0-9][0-9]\/[0-9][0-9]\/[0-9][0-9][0-9][0-9] [0-9][0-9]:[0-9][0-9]  / {
			print substr($0, 19, 14) }' <<<"$1" | sed 's/ *$//'
}

# walk: the walkthrough as station A; sets OUT, RC, and FIR / PETITION from its output.
walk() {
	run env -u CCTNS_CONFIG "$WALK" --config "$T/a.conf" --cctns "$BIN/cctns"
	assert_eq 0 "$RC" "the walkthrough runs to its end"
	FIR=$(sed -nE 's/^== [0-9]+\. The case timeline of FIR ([0-9]+\/[0-9]{4})$/\1/p' <<<"$OUT")
	PETITION=$(sed -nE 's/^Petition ([0-9]+\/[0-9]{4}) registered on .*/\1/p' <<<"$OUT" | head -n 1)
	[ -n "$FIR" ] || fail "no FIR number in the walkthrough's last heading"
	[ -n "$PETITION" ] || fail "no petition number in the walkthrough's output"
}

expected="FIR registered
From petition
IO assigned
Crime details
Arrest A1
Seizure A1
Property moved
Property moved
Final report
Court disposal
Appeal filed
Appeal decided"

run "$WALK" --help
assert_eq 0 "$RC" "--help"
assert_contains "$OUT" "Usage: deploy/samples/walkthrough" "... prints the usage"
run "$WALK" --no-such-option
assert_eq 2 "$RC" "an unknown option is a usage error (exit 2)"

walk
first_fir=$FIR first_petition=$PETITION
for n in $(seq 1 17); do
	grep -qE "^== $n\. " <<<"$OUT" || fail "no heading for step $n"
done
ok "a heading for each of the 17 steps"
assert_match "$OUT" "^== 5\. The FIR is registered$" "... such as the FIR's"
assert_match "$OUT" "^FIR $FIR registered at $A_NAME on " "the terminal's own answers are printed"
assert_match "$OUT" "^ +[0-9]+ +[0-9:]+ +Petition +HC Harish Chandra" "the petition's diary entry is shown"
assert_match "$OUT" "^Petition $PETITION disposed: converted into FIR $FIR$" \
	"the petition is converted into the FIR"

timeline=$(sed -n '/^== 17\. The case timeline/,$p' <<<"$OUT")
assert_match "$timeline" "^Status +Appeal decided$" "the case ends appeal decided"
# sealed: the IO is the officer signed in at the terminal (only the IO files the final report).
assert_match "$timeline" "^Investigating officer +Inspector Test Officer $A_OFFICER \($A_OFFICER\)$" "... with its IO"
assert_eq "$expected" "$(events "$timeline")" "the timeline has every step, in order"
assert_contains "$timeline" "Registered on petition $PETITION" "... from the petition"
assert_contains "$timeline" "House breaking: lock or" "... the crime details of this case"
assert_contains "$timeline" "sent to court" "... the property sent to court"
assert_contains "$timeline" "returned to the" "... and back"

nofir=${FIR%/*}
nofir=$((10#$nofir))
year=${FIR#*/}
row() { sql "SELECT $1 FROM core.fir WHERE station_code = $A_STATION AND fir_no = $nofir AND year = $year"; }
assert_eq appeal_decided "$(row status)" "the database has the case appeal decided"
assert_eq "fir_registered from_petition io_assigned crime_details arrest seizure property_moved property_moved final_report court_disposal appeal_filed appeal_decided" \
	"$(sql "SELECT string_agg(e.kind, ' ' ORDER BY date_trunc('second', e.at), e.seq)
		FROM core.case_event e JOIN core.fir f USING (state_code, year, fir_id)
		WHERE f.station_code = $A_STATION AND f.fir_no = $nofir AND f.year = $year")" \
	"... and its events in the same order"
assert_eq 1 "$(sql "SELECT count(DISTINCT l.person_id) FROM core.person_link l JOIN core.fir f USING (fir_id)
	WHERE f.station_code = $A_STATION AND f.fir_no = $nofir AND f.year = $year AND l.role IN ('complainant', 'victim')")" \
	"the complainant is one person from the petition to the charge-sheet"

walk
assert_match "$OUT" "^== 17\. " "a second run"
[ "$FIR" != "$first_fir" ] || fail "the second run registered FIR $FIR again"
ok "... takes a new case: FIR $FIR after $first_fir"
[ "$PETITION" != "$first_petition" ] || fail "the second run reused petition $PETITION"
ok "... on a new petition: $PETITION after $first_petition"
timeline=$(sed -n '/^== 17\. The case timeline/,$p' <<<"$OUT")
assert_eq "$expected" "$(events "$timeline")" "... and its timeline has every step in order too"

# A terminal that refuses the arrest: the walkthrough stops there, naming the step.
cat >"$T/refusing-cctns" <<SH
#!/usr/bin/env bash
for a in "\$@"; do
	[ "\$a" != arrest ] || { echo "cctns: arrested_at: refused for this test" >&2; exit 3; }
done
exec "$BIN/cctns" "\$@"
SH
chmod +x "$T/refusing-cctns"
run env CCTNS_BIN="$T/refusing-cctns" "$WALK" --config "$T/a.conf"
assert_eq 1 "$RC" "a step that fails stops the walkthrough (exit 1)"
assert_match "$OUT" "^walkthrough: step 9 \(The accused is arrested \(IIF-III\)\) failed: cctns arrest register .* exited 3$" \
	"... with a message naming the step"
assert_not_contains "$OUT" "== 10." "... and goes no further"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

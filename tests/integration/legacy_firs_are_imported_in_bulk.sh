#!/usr/bin/env bash
# legacy_firs_are_imported_in_bulk (issue 7): cctns-admin import reads a JSON-lines file of
# legacy FIRs (made by tests/bench/import_gen.py) with good and hostile lines: the good ones are
# stored with their legacy numbers, sections and persons, in batches of one transaction and one
# audit record each; every bad line (overlong field, bad UTF-8, NUL byte, escaped NUL, wrong
# type, unknown section, IPC after the BNS, future date, unknown station, duplicate inside the
# file, no complainant, not JSON) goes to the rejects file with its line number, the field and
# why, the original line kept byte for byte, and nothing of it is stored. Importing the file again
# stores nothing twice (every line a duplicate). The imported FIRs are shown by `cctns fir show`,
# found by person search and counted by the reporting views; the next live FIR of a station and
# year follows the imported numbers; the audit chain verifies.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
ADMIN=("$BIN/cctns-admin" --db "$CCTNS_DB")
GEN=$SRC/tests/bench/import_gen.py

run "${ADMIN[@]}" import --help
assert_eq 0 "$RC" "import --help"
assert_contains "$OUT" "docs/IMPORT.md" "... points to the format"

# 120 good FIRs of station A over 2019-2023 (24 a year, numbers 1..24), then hostile lines.
python3 "$GEN" --n 120 --state $A_STATE --district $A_DISTRICT --station $A_STATION \
	--years 2019-2023 --out "$T/good.jsonl"
good_line=$(sed -n 1p "$T/good.jsonl")
# with KEY VALUE: the first good line with one top-level field replaced (jq keeps the rest).
with() { jq -c --argjson v "$2" ".$1 = \$v" <<<"$good_line"; }
{
	cat "$T/good.jsonl"
	# line 121: this station's first five FIRs of this year, registered before CCTNS began
	for n in 1 2 3 4 5; do
		jq -c --argjson y "$YEAR" --argjson n "$n" \
			'.year = $y | .fir_no = $n | .registered_at = "\($y)-01-01T00:01:00+05:30" |
			.occurred_from = "\($y)-01-01T00:00:00+05:30" | .sections = [{"act": "bns", "section": "303(2)"}]' \
			<<<"$good_line"
	done
	# 126: a name of 700 bytes
	jq -c '.fir_no = 9001 | .persons[0].name = ("N" * 700)' <<<"$good_line"
	# 127: bad UTF-8; 128: a raw NUL byte; 129: an escaped NUL
	printf '{"state":9,"district":118,"station":1001,"year":2019,"fir_no":9002,"brief_facts":"bad \xff\xfe"}\n'
	printf '{"state":9,"district":118,"station":1001,"year":2019,"fir_no":9003,"brief_facts":"nul \0 here"}\n'
	jq -c '.fir_no = 9004 | .brief_facts = "HOSTILE escaped \u0000 nul"' <<<"$good_line"
	# 130: a number as a string; 131: an unknown section; 132: IPC for an offence of 2025
	with fir_no '"9005"'
	jq -c '.fir_no = 9006 | .sections = [{"act": "ipc", "section": "9999"}]' <<<"$good_line"
	jq -c '.fir_no = 9007 | .year = 2025 | .registered_at = "2025-02-01T10:00:00+05:30" |
		.occurred_from = "2025-02-01T09:00:00+05:30" | .sections = [{"act": "ipc", "section": "379"}]' \
		<<<"$good_line"
	# 133: registered in the future; 134: a station not in the register
	jq -c '.fir_no = 9008 | .year = 2099 | .registered_at = "2099-01-01T10:00:00+05:30"' <<<"$good_line"
	with station 4242
	# 135: the same station, year and number as line 121 (in the same batch)
	jq -c --argjson y "$YEAR" '.year = $y | .fir_no = 1 | .registered_at = "\($y)-01-01T00:02:00+05:30" |
		.occurred_from = "\($y)-01-01T00:00:00+05:30" | .sections = [{"act": "bns", "section": "305"}] |
		.brief_facts = "HOSTILE duplicate of line 121"' <<<"$good_line"
	# 136: no complainant; 137: not JSON; 138: February 30th
	jq -c '.fir_no = 9009 | .persons = [.persons[] | select(.role != "complainant")]' <<<"$good_line"
	echo 'this is not JSON'
	jq -c '.fir_no = 9010 | .registered_at = "2019-02-30T10:00:00+05:30"' <<<"$good_line"
} >"$T/legacy.jsonl"
[ "$(wc -l <"$T/legacy.jsonl")" = 138 ] || fail "the test file has $(wc -l <"$T/legacy.jsonl") lines, not 138"

before_audit=$(sql "SELECT count(*) FROM audit.log WHERE action = 'import'")
run "${ADMIN[@]}" import "$T/legacy.jsonl" --batch 50 --quiet
assert_eq 3 "$RC" "an import with refused lines exits 3"
assert_match "$OUT" '^import: read 138, imported 125, rejected 13 \(duplicates 1\), [0-9.]+ s, [0-9]+ records/s$' \
	"... and says what it read, imported and refused"
assert_eq 125 "$(sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION")" "125 FIRs stored"
assert_eq 0 "$(sql "SELECT count(*) FROM core.fir WHERE brief_facts LIKE 'HOSTILE%' OR fir_no > 9000")" \
	"nothing of a refused line is stored"
assert_eq 0 "$(sql "SELECT (SELECT count(*) FROM core.import_fir_stage) + (SELECT count(*) FROM core.import_person_stage)
	+ (SELECT count(*) FROM core.import_charge_stage) + (SELECT count(*) FROM core.import_reject_stage)")" \
	"no staged row (personal data) is left behind"
n_audit=$(($(sql "SELECT count(*) FROM audit.log WHERE action = 'import'") - before_audit))
assert_eq 3 "$n_audit" "one audit record per batch (138 lines, batches of 50)"
sha=$(sha256sum "$T/legacy.jsonl" | cut -c1-24)
assert_eq 3 "$(sql "SELECT count(*) FROM audit.log WHERE action = 'import' AND record LIKE 'legacy.jsonl b_ n% $sha'")" \
	"... each naming the file, the batch, its count and the file's hash"

R=$T/legacy.jsonl.rejects
rej() { grep -a "^# line $1: " "$R" || echo "(no reject for line $1)"; }
assert_contains "$(rej 126)" "persons[0].name: persons[0].name: longer than 600 bytes" "overlong name refused, field named"
assert_contains "$(rej 127)" "line: line is not valid UTF-8" "bad UTF-8 refused"
assert_contains "$(rej 128)" "NUL byte" "raw NUL byte refused"
assert_contains "$(rej 129)" "brief_facts: brief_facts: contains a NUL character" "escaped NUL refused"
assert_contains "$(rej 130)" "fir_no: fir_no: expected a whole number" "wrong type refused"
assert_contains "$(rej 131)" "sections[0].section: IPC has no section 9999" "unknown section refused"
assert_contains "$(rej 132)" "sections[0].act: the offence began on or after 2024-07-01" "IPC after the BNS refused"
assert_contains "$(rej 133)" "registered_at: registered_at is in the future" "future date refused"
assert_contains "$(rej 134)" "station: no station 9/118/4242" "unknown station refused"
assert_contains "$(rej 135)" "fir_no: duplicate: line 121 has the same station, year and number" \
	"a duplicate inside the file refused"
assert_contains "$(rej 136)" "persons: persons: exactly one complainant is required" "no complainant refused"
assert_contains "$(rej 137)" "line: not a JSON object" "not JSON refused"
assert_contains "$(rej 138)" "registered_at: expected a date and time" "February 30th refused"
# The original lines follow their reasons byte for byte (bad UTF-8 and NUL included).
grep -a -A1 '^# line 127: ' "$R" | tail -n 1 >"$T/r127"
sed -n 127p "$T/legacy.jsonl" >"$T/o127"
cmp -s "$T/r127" "$T/o127" && ok "the bad UTF-8 line is kept as it was" ||
	fail "the rejects file changed line 127"
grep -a -A1 '^# line 128: ' "$R" | tail -n 1 | cmp -s - <(sed -n 128p "$T/legacy.jsonl") &&
	ok "the NUL line is kept as it was" || fail "the rejects file changed line 128"
assert_eq 26 "$(wc -l <"$R")" "13 rejects, two lines each"

# The same file again: nothing stored twice, every good line a duplicate.
count() { sql "SELECT (SELECT count(*) FROM core.fir) || ' ' || (SELECT count(*) FROM core.person) || ' ' ||
	(SELECT count(*) FROM core.fir_charge) || ' ' || (SELECT count(*) FROM core.person_link)"; }
c1=$(count)
run "${ADMIN[@]}" import "$T/legacy.jsonl" --rejects "$T/again.rejects" --quiet
assert_eq 3 "$RC" "the second import of the file exits 3"
assert_match "$OUT" '^import: read 138, imported 0, rejected 138 \(duplicates 126\)' \
	"... stores nothing and counts the 125 stored and the in-file duplicate as duplicates"
assert_eq "$c1" "$(count)" "... the case tables did not change"
assert_contains "$(grep -a '^# line 1: ' "$T/again.rejects")" \
	"fir_no: duplicate: FIR 0001/2019 of station 9/118/1001 is already stored" "... and says which FIR it is"

# The imported FIRs through the terminal, search and reporting.
run term a fir show 0001/2019
assert_eq 0 "$RC" "cctns fir show finds an imported FIR"
first_name=$(jq -r '.persons[0].name' <<<"$good_line")
assert_contains "$OUT" "$first_name" "... with its complainant"
assert_contains "$OUT" "$(jq -r '.sections[0].section' <<<"$good_line")" "... and its section"
run term b person search "$first_name"
assert_eq 0 "$RC" "person search from another station"
assert_contains "$OUT" "FIR 0001/2019, $A_NAME (complainant)" "... finds the imported complainant and the case"
assert_eq 24 "$(sql "SELECT count(*) FROM reporting.fir_case WHERE station_code = $A_STATION AND year = 2019")" \
	"the reporting view counts the imported FIRs of 2019"
run "${ADMIN[@]}" reporting refresh --blocking
assert_eq 0 "$RC" "reporting refresh after the import"
assert_eq 125 "$(sql "SELECT sum(registered) FROM reporting.station_month WHERE station_code = $A_STATION")" \
	"... and its aggregates count every imported FIR"

# The next live FIR of this year follows the five imported ones.
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "a live FIR after the import"
assert_eq "0006/$YEAR" "$(fir_number "$OUT")" "... takes the number after the imported ones"

run "${ADMIN[@]}" audit verify
assert_eq 0 "$RC" "the audit chains verify with the import's records"

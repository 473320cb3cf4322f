#!/usr/bin/env bash
# legacy_firs_are_imported_from_csv (issue 7): cctns-admin import reads legacy FIRs as CSV
# (docs/IMPORT.md, "The file as CSV"): the sample deploy/samples/legacy-firs.csv (quoted commas,
# "" quotes, a field over two lines, several accused, a victim, an unknown accused) is stored as
# the JSON-lines path stores it and read back through the terminal; then a file of generated
# rows (BOM, CRLF) with hostile rows among good ones: each bad row (overlong name, bad UTF-8, NUL,
# wrong number of fields, a quote never closed, a stray quote, a number that is not one, unknown
# section, birth year after the FIR, age and birth year both, duplicate, unknown act, unknown
# station) goes to the rejects file under its line number and CSV column with the reason, the
# row kept as read, nothing of it stored, and the rows after it are imported. The rejects file is
# CSV again (header first). Header faults (unknown column, missing column) stop the import
# before anything is stored; --format wins over the file name.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
ADMIN=("$BIN/cctns-admin" --db "$CCTNS_DB")
GEN=$SRC/tests/bench/import_gen.py
SAMPLE_CSV=$SRC/deploy/samples/legacy-firs.csv
firs() { sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION"; }

run "${ADMIN[@]}" import --help
assert_contains "$OUT" "--format F" "import --help tells of --format"

# --- header faults: nothing read, nothing stored, exit 1, the column named
sed '1s/accused_1_name/acused_1_name/' "$SAMPLE_CSV" >"$T/badhead.csv"
run "${ADMIN[@]}" import "$T/badhead.csv" --quiet
assert_eq 1 "$RC" "an unknown column stops the import"
assert_contains "$OUT" 'line 1: column 20 "acused_1_name": unknown column' "... naming the line and column"
sed '1s/,sections,/,charges,/' "$SAMPLE_CSV" >"$T/nosections.csv"
run "${ADMIN[@]}" import "$T/nosections.csv" --quiet
assert_eq 1 "$RC" "an unknown or missing required column stops the import"
cut -d, -f1-12,14- "$SAMPLE_CSV" | head -n 1 >"$T/missing.csv"
run "${ADMIN[@]}" import "$T/missing.csv" --quiet
assert_eq 1 "$RC" "a missing required column stops the import"
assert_contains "$OUT" 'the required column "sections" is missing' "... naming it"
assert_eq 0 "$(firs)" "nothing stored by a file refused for its header"

# --- the sample
run "${ADMIN[@]}" import "$SAMPLE_CSV" --rejects "$T/sample.rejects" --quiet
assert_eq 0 "$RC" "the sample CSV imports"
assert_match "$OUT" '^import: read 2, imported 2, rejected 0 \(duplicates 0\)' "... both of its FIRs"
q43="FROM core.fir WHERE station_code = $A_STATION AND year = 2019 AND fir_no = 43"
assert_eq 'The complainant said: "two men took my bag".
One of them was known to him; the other was not.' "$(sql "SELECT brief_facts $q43")" \
	"a quoted field with \"\" and a newline is stored as written"
assert_eq "Sadar Bazar, shop 7" "$(sql "SELECT place_line1 $q43")" "a quoted comma stays in its field"
assert_eq "0:complainant 1:accused 2:accused 3:unknown_accused" \
	"$(sql "SELECT string_agg(seq || ':' || role, ' ' ORDER BY seq) FROM core.fir_person
		WHERE fir_id = (SELECT fir_id $q43)")" "complainant, two named accused and the unknown one"
assert_eq "ipc 392, ipc 34" "$(sql "SELECT string_agg(act || ' ' || section, ', ' ORDER BY seq)
	FROM core.fir_charge WHERE fir_id = (SELECT fir_id $q43)")" "sections as \"IPC 392; IPC 34\""
assert_eq "victim Sita Devi" "$(sql "SELECT l.role || ' ' || p.name FROM core.person_link l
	JOIN core.person p USING (person_id) JOIN core.fir f ON f.fir_id = l.fir_id
	WHERE f.station_code = $A_STATION AND f.fir_no = 42 AND l.role = 'victim'")" "the victim is a linked person"
sha=$(sed -n 2p "$SAMPLE_CSV" | tr -d '\r\n' | sha256sum | cut -c1-64)
assert_eq "$sha" "$(sql "SELECT encode(content_sha256, 'hex') FROM core.fir WHERE station_code = $A_STATION
	AND year = 2019 AND fir_no = 42")" "content_sha256 is the SHA-256 of the row as read"
run term a fir show 0043/2019
assert_eq 0 "$RC" "cctns fir show finds the FIR imported from CSV"
assert_contains "$OUT" "Geeta Sharma" "... with its complainant"
assert_contains "$OUT" "Kuldeep Singh" "... its accused"
assert_contains "$OUT" "392" "... and its section"

# unknown_accused is a count: anything else refuses the row before any other check
sed '4s/,1$/,two/' "$SAMPLE_CSV" >"$T/unknown.csv"
run "${ADMIN[@]}" import "$T/unknown.csv" --quiet
assert_contains "$(grep '^# line 3: ' "$T/unknown.csv.rejects")" \
	"unknown_accused: unknown_accused: expected a whole number 0..99" "unknown_accused not a count"

# --- generated rows (BOM, CRLF) and hostile rows
python3 "$GEN" --n 40 --state $A_STATE --district $A_DISTRICT --station $A_STATION \
	--years 2019-2023 --format csv --out "$T/gen.csv"
python3 - "$T/gen.csv" "$T/hostile.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
head, good = rows[0], rows[1]
col = {n: i for i, n in enumerate(head)}
def row(**kv):
    r = list(good)
    for k, v in kv.items():
        r[col[k]] = str(v)
    return r
out = open(sys.argv[2], "wb")
def text(r):
    return ",".join('"' + f.replace('"', '""') + '"' if any(c in f for c in ',"\r\n') else f
                    for f in r).encode()
def put(r):
    out.write(text(r) + b"\r\n")
def raw(r, spoilt):  # a row with its XX field replaced by spoilt bytes, LF
    out.write(text(r).replace(b"XX", spoilt) + b"\n")
put(row(fir_no=101, brief_facts='Two lines, "quoted":\nthe second line.'))     # 42-43 good
put(row(fir_no=9001, complainant_name="N" * 700))                              # 44
raw(row(fir_no=9002, brief_facts="XX"), b"bad \xff\xfe")                        # 45
raw(row(fir_no=9003)[:-1], b"")                                                # 46
raw(row(fir_no=9004, place_line1="XX"), b'"opened, then text after it')        # 47
put(row(fir_no=102))                                                           # 48 good
raw(row(fir_no=9005, brief_facts="XX"), b'a stray " quote')                    # 49
put(row(fir_no="12a"))                                                         # 50
put(row(fir_no=9006, sections="IPC 9999"))                                     # 51
put(row(fir_no=9007, accused_1_name="Mohan Lal", accused_1_age="", accused_1_birth_year=2099))  # 52
put(row(fir_no=9008, accused_2_name="Anil Kumar", accused_2_age=30, accused_2_birth_year=1990))  # 53
put(row(fir_no=good[col["fir_no"]], brief_facts="HOSTILE duplicate"))          # 54
put(row(fir_no=9009, sections="CrPC 41"))                                      # 55
put(row(fir_no=9010, station=4242))                                            # 56
raw(row(fir_no=9011, complainant_address="XX"), b"n\0l")                        # 57
out.write(text(row(fir_no=9012, victim_1_pincode="XX")).replace(b"XX", b'"never closed'))  # 58
PY
{
	printf '\xef\xbb\xbf'
	cat "$T/gen.csv" "$T/hostile.csv"
} >"$T/legacy.csv"

run "${ADMIN[@]}" import "$T/legacy.csv" --batch 20 --quiet
assert_eq 3 "$RC" "a CSV import with refused rows exits 3"
assert_match "$OUT" '^import: read 56, imported 42, rejected 14 \(duplicates 1\), [0-9.]+ s, [0-9]+ records/s$' \
	"... and says what it read, imported and refused"
assert_eq 44 "$(firs)" "42 FIRs stored (and the sample's 2)"
assert_eq 0 "$(sql "SELECT count(*) FROM core.fir WHERE fir_no BETWEEN 9000 AND 9999 OR brief_facts LIKE 'HOSTILE%'")" \
	"nothing of a refused row is stored"
assert_eq 2 "$(sql "SELECT count(*) FROM core.fir WHERE station_code = $A_STATION AND fir_no IN (101, 102)")" \
	"the row over two lines and the row after a spoilt quote are stored"
assert_eq 0 "$(sql "SELECT (SELECT count(*) FROM core.import_fir_stage) + (SELECT count(*) FROM core.import_person_stage)
	+ (SELECT count(*) FROM core.import_charge_stage)")" "no staged row is left behind"

R=$T/legacy.csv.rejects
rej() { grep -a "^# line $1: " "$R" || echo "(no reject for line $1)"; }
assert_eq "$(head -n 1 "$T/gen.csv" | tr -d '\r')" "$(head -n 1 "$R")" "the rejects file starts with the header"
assert_contains "$(rej 44)" "complainant_name: complainant_name: longer than 600 bytes" "overlong name: its column"
assert_contains "$(rej 45)" "brief_facts: column 12: not valid UTF-8" "bad UTF-8: its column"
assert_contains "$(rej 46)" "line: the row has 40 fields, the header 41" "wrong number of fields"
assert_contains "$(rej 47)" "place_line1: column 9: text after the closing quote" "a quote opened inside a field"
assert_contains "$(rej 49)" "brief_facts: column 12: a quote inside a field not in quotes" "a stray quote"
assert_contains "$(rej 50)" "fir_no: fir_no: expected a whole number" "a number that is not one"
assert_contains "$(rej 51)" "sections: IPC has no section 9999" "an unknown section (checked by the database)"
assert_contains "$(rej 52)" "accused_1_birth_year: birth year 2099 is after the FIR's year" \
	"a database refusal names the CSV column of the person"
assert_contains "$(rej 53)" "accused_2_age: accused_2_age and birth_year: give one, not both" "age and birth year"
assert_contains "$(rej 54)" "fir_no: duplicate:" "a duplicate"
assert_contains "$(rej 55)" "sections: sections item 1 act: expected ipc or bns" "an unknown act"
assert_contains "$(rej 56)" "station: no station 9/118/4242" "an unknown station"
assert_contains "$(rej 57)" "complainant_address: column 19: contains a NUL byte" "a NUL byte: its column"
assert_contains "$(rej 58)" "victim_1_pincode: column 41: the quote opened on line 58 is never closed" \
	"a quote never closed (the last row, no line end)"
if grep -a -A1 '^# line 45: ' "$R" | tail -n 1 | cmp -s - <(sed -n 45p "$T/legacy.csv"); then
	ok "the bad UTF-8 row is kept as it was"
else
	fail "the rejects file changed line 45"
fi
assert_not_contains "$(grep -a '^# line ' "$R")" "# line 42: " "good rows are not in the rejects file"

# The rejects file is CSV again: read back, every row refused again, none lost.
run "${ADMIN[@]}" import "$R" --format csv --rejects "$T/again.rejects" --quiet
assert_eq 3 "$RC" "the rejects file imports again as CSV"
assert_match "$OUT" '^import: read 14, imported 0, rejected 14 ' "... and holds exactly the 14 refused rows"
assert_eq 44 "$(firs)" "... of which nothing is stored"

# --format wins over the name: the sample read as JSON lines is refused line by line.
run "${ADMIN[@]}" import "$SAMPLE_CSV" --format jsonl --rejects "$T/asjson.rejects" --quiet
assert_eq 3 "$RC" "--format jsonl reads a .csv file as JSON lines"
assert_contains "$(head -n 1 "$T/asjson.rejects")" "# line 1: line: not a JSON object" "... the header is not JSON"
cp "$SAMPLE_CSV" "$T/sample.txt"
run "${ADMIN[@]}" import "$T/sample.txt" --format csv --rejects "$T/txt.rejects" --quiet
assert_match "$OUT" '^import: read 2, imported 0, rejected 2 \(duplicates 2\)' \
	"--format csv reads a .txt file as CSV (both FIRs already stored)"
run "${ADMIN[@]}" import "$SAMPLE_CSV" --format xml
assert_eq 2 "$RC" "an unknown --format is a usage error"

run "${ADMIN[@]}" audit verify
assert_eq 0 "$RC" "the audit chains verify with the CSV import's records"

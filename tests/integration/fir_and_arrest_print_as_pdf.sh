#!/usr/bin/env bash
# fir_and_arrest_print_as_pdf: `cctns fir show NUMBER --pdf FILE` writes the informant's copy of the
# FIR and `cctns arrest show NUMBER CODE --pdf FILE` the arrest memo as PDFs that poppler reads:
# every page carries the station, the FIR number (and the accused code), the officer and "Page N
# of M"; the FIR copy says it is the informant's and gives its General Diary entry. A bad target
# (a directory, a missing directory, --json as well) is a usage error before anything is asked; a
# record that is not there (or is another station's) leaves the file as it was.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null ||
	fail "pdfinfo and pdftotext are needed (poppler-utils; deploy/install-deps installs it)"
stack_up

# pdf_pages FILE: poppler's page count; fails on a file poppler complains about.
pdf_pages() {
	local info
	info=$(pdfinfo "$1" 2>&1) || fail "pdfinfo cannot read $1: $info"
	! grep -qiE 'error|warning' <<<"$info" || fail "pdfinfo complains about $1: $info"
	awk '/^Pages:/ { print $2 }' <<<"$info"
}

# page_text FILE N: the text of page N.
page_text() {
	pdftotext -f "$2" -l "$2" "$1" - 2>&1
}

# assert_every_page FILE PAGES WHAT TEXT...: each TEXT is on every page of FILE.
assert_every_page() {
	local file=$1 pages=$2 what=$3 n want text
	shift 3
	for ((n = 1; n <= pages; n++)); do
		text=$(page_text "$file" "$n")
		for want in "$@" "Page $n of $pages"; do
			grep -qF -- "$want" <<<"$text" ||
				fail "$what: page $n of $pages lacks '$want'"
		done
	done
	ok "$what: all $pages pages have: $* and their page number"
}

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the FIR of the theft"
number=$(fir_number "$OUT")
sleep 1 # the arrest is stated in whole seconds: after the registration, not in its second
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(date -Iseconds)\"/g" \
	"$SRC/deploy/samples/arrest.json" >"$T/arrest.json"
run term a arrest register "$number" "$T/arrest.json"
assert_eq 0 "$RC" "station A records the arrest memo of A1"
station="Police Station: $A_NAME ($A_STATION)"

# ---------------------------------------------------------------- the FIR

run term a fir show "$number" --pdf "$T/fir.pdf"
assert_eq 0 "$RC" "fir show --pdf exits 0"
assert_match "$OUT" "^PDF written to $T/fir.pdf: [0-9]+ pages?$" "... and says where it wrote the PDF"
pages=$(pdf_pages "$T/fir.pdf")
[ "${pages:-0}" -ge 1 ] || fail "the FIR PDF has no pages"
assert_contains "$OUT" ": $pages page" "... with the page count poppler reads"
assert_every_page "$T/fir.pdf" "$pages" "FIR PDF" "$station" "District: Agra ($A_DISTRICT)" \
	"FIR No. $number" "INFORMANT'S COPY" "Recorded by: Inspector Anil Kumar Tyagi (UP-09876)"
text=$(pdftotext "$T/fir.pdf" - 2>&1)
assert_contains "$text" "173(2) BNSS" "the FIR PDF names the informant's right to a free copy"
assert_match "$text" "General Diary: GD entry 1 of [0-9/]+ at [0-9]{2}:[0-9]{2}" \
	"... gives its General Diary entry"
assert_contains "$text" "FIRST INFORMATION REPORT" "... has the FIR printout as its body"
assert_contains "$text" "Ramesh Chandra Agarwal" "... with the informant"
assert_contains "$text" "padlock of the main door" "... and the first information"
assert_match "$text" "Printed on [0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2} IST" "... and when it was printed"

# ---------------------------------------------------------------- the arrest memo

run term a arrest show "$number" a1 --pdf "$T/arrest-a1.pdf"
assert_eq 0 "$RC" "arrest show --pdf exits 0"
pages=$(pdf_pages "$T/arrest-a1.pdf")
[ "${pages:-0}" -ge 1 ] || fail "the arrest PDF has no pages"
assert_contains "$OUT" ": $pages page" "... with the page count poppler reads"
assert_every_page "$T/arrest-a1.pdf" "$pages" "arrest PDF" "$station" "FIR No. $number" \
	"Accused code A1" "Recorded by: SI Ravi Kumar Sharma (UP-15432)" "ARREST / COURT SURRENDER MEMO"
text=$(pdftotext "$T/arrest-a1.pdf" - 2>&1)
assert_match "$text" "General Diary: GD entry 2 of " "the arrest PDF gives its General Diary entry"
assert_contains "$text" "Sonu Kumar" "... has the memo as its body"
assert_contains "$text" "13. Risk flags" "... to its last section"

# Replaced whole: the second PDF over the first.
cp "$T/fir.pdf" "$T/again.pdf"
run term a arrest show "$number" A1 --pdf "$T/again.pdf"
assert_eq 0 "$RC" "a PDF over an existing file exits 0"
text=$(pdftotext "$T/again.pdf" - 2>&1)
assert_contains "$text" "Accused code A1" "... and the file is the arrest memo now"
assert_not_contains "$text" "INFORMANT'S COPY" "... not the FIR it was"
leftover=$(find "$T" -maxdepth 1 -name '*.pdf.*' | head -n 1)
assert_eq "" "$leftover" "no temporary file is left beside the PDFs"

# To standard output.
"$BIN/cctns" --config "$T/a.conf" fir show "$number" --pdf - >"$T/stdout.pdf" 2>"$T/stderr.txt" ||
	fail "fir show --pdf - failed: $(cat "$T/stderr.txt")"
[ "$(head -c 5 "$T/stdout.pdf")" = "%PDF-" ] || fail "--pdf - writes no PDF to standard output"
[ "$(pdf_pages "$T/stdout.pdf")" -ge 1 ] || fail "the PDF on standard output has no pages"
ok "--pdf - writes the PDF to standard output"

# ---------------------------------------------------------------- refusals

echo "keep me" >"$T/kept.pdf"
run term a fir show "$number" --pdf "$T"
assert_eq 2 "$RC" "--pdf naming a directory is a usage error (exit 2)"
assert_contains "$OUT" "is a directory" "... that says so"
run term a fir show "$number" --pdf "$T/no-such-dir/fir.pdf"
assert_eq 2 "$RC" "--pdf in a missing directory is a usage error (exit 2)"
run term a fir show "$number" --pdf "$T/kept.pdf" --json
assert_eq 2 "$RC" "--pdf with --json is a usage error (exit 2)"
run term a fir show "$number" --pdf
assert_eq 2 "$RC" "--pdf without a file name is a usage error (exit 2)"
run term a fir show "9999/$YEAR" --pdf "$T/kept.pdf"
assert_eq 6 "$RC" "an FIR that is not there: exit 6"
run term b fir show "$number" --pdf "$T/kept.pdf"
assert_eq 6 "$RC" "another station's FIR: exit 6"
run term a arrest show "$number" A2 --pdf "$T/kept.pdf"
assert_eq 6 "$RC" "an accused code not given out: exit 6"
assert_eq "keep me" "$(cat "$T/kept.pdf")" "... and the file named stays as it was"

server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# hostile_input_is_refused_and_changes_nothing: every entry of tests/hostile/corpus.tsv
# (wrong types, overlong strings, NUL bytes, invalid UTF-8, RTL overrides, absurd dates,
# huge numbers, SQL in text and key fields, another station's records, deep nesting) goes to
# the real server: raw entries through hostile_send, which skips the terminal's own checks,
# term entries through `cctns` as an officer would. Each must get the expected answer naming
# the field, leave every core.* table as it was (an md5 over each table's ordered rows) and
# leave the server serving. Then the fuzzers' seeds and recorded crashers (tests/fuzz) are
# replayed as raw frames on a signed-in connection: the server survives each.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries hostile_send
stack_up
CORPUS=$SRC/tests/hostile/corpus.tsv
# HOSTILE_SURVEY=1: report every entry that is not as expected and go on (to write entries).
bad() {
	if [ "${HOSTILE_SURVEY:-0}" = 1 ]; then
		echo "# MISMATCH $*"
		before=$(core_digest)
		return 0
	fi
	fail "$@"
}

# core_digest: one md5 over an md5 of every core table's rows in order (an officer
# session's last_seen moves with every request: left out).
core_digest() {
	sql "SELECT md5(string_agg(c.relname || '=' || (xpath('/row/m/text()', query_to_xml(
		format('SELECT md5(coalesce(string_agg(r, %L ORDER BY r), %L)) AS m FROM (SELECT (to_jsonb(t) - %L)::text AS r
			FROM core.%I t) x', E'\n', '', 'last_seen', c.relname), false, true, '')))[1]::text,
		',' ORDER BY c.relname))
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'core' AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
}

# core_holds TEXT: how many rows of core tables hold TEXT as a JSON string value's part.
core_holds() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" -v v="$1" <<<"SELECT sum((xpath('/row/n/text()', query_to_xml(format(
		'SELECT count(*) AS n FROM core.%I t WHERE strpos(to_jsonb(t)::text, %L) > 0',
		c.relname, :'v'), false, true, '')))[1]::text::int)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'core' AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
}

for _ in 1 2 3; do
	run term b fir register "$SAMPLE"
	assert_eq 0 "$RC" "station B registers an FIR"
done
BFIR=$(fir_number "$OUT") # station A has no FIR of that number
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers an FIR"
AFIR=$(fir_number "$OUT")
BPERSON=$(sql "SELECT min(person_id) FROM core.person
	WHERE district_code = $B_DISTRICT AND station_code = $B_STATION")
[ -n "$BPERSON" ] || fail "no person recorded at station B"

SQLI="'; DROP TABLE core.fir; --"
DOLLAR='$$; DROP TABLE core.fir; $$'
BS='\'"'"'; DROP TABLE core.fir; --\'

before=$(core_digest)
n=0 refused=0
while IFS=$'\t' read -r name via sample prog expect field; do
	case $name in '' | '#'*) continue ;; esac
	n=$((n + 1))
	s=/dev/null
	[ "$sample" = - ] || s=$SRC/deploy/samples/$sample
	key=$(head -c 16 /dev/urandom | base64)
	if [[ $via == term:* ]]; then
		whole="\$s[0] | $prog"
	else
		whole="(\$s[0]) as \$s | $prog"
	fi
	input=$(jq -n -c --arg k "$key" --arg sql "$SQLI" --arg dollar "$DOLLAR" --arg bs "$BS" \
		--arg afir "$AFIR" --arg bfir "$BFIR" --argjson bperson "$BPERSON" \
		--slurpfile s "$s" "$whole") || bad "$name: bad jq program"
	printf '%s\n' "$input" >"$T/in.json"
	case $via in
	raw)
		got=$("$BIN/hostile_send" --config "$T/a.conf" "$T/in.json") ||
			bad "$name: no answer: $got"
		IFS=$'\t' read -r kind code gfield msg <<<"$got"
		if [ "$expect" = stored ]; then
			[ "$kind" = ok ] || bad "$name: expected it stored, got: $got"
			[ "$(core_holds "$field$SQLI")" -ge 1 ] ||
				bad "$name: no core table holds '$field$SQLI' as written"
			printf '#   %-34s stored as written (%s)\n' "$name" "$code"
			before=$(core_digest)
		elif [ "$expect" = ok ]; then
			[ "$kind" = ok ] || bad "$name: expected an answer, got: $got"
			printf '#   %-34s answered (%s)\n' "$name" "$code"
		else
			[ "$kind" = status ] && [ "$code" = "$expect" ] ||
				bad "$name: expected $expect, got: $got"
			case $field in
			-) ;;
			msg:*) [[ "$msg" == *"${field#msg:}"* ]] ||
				bad "$name: the message does not say '${field#msg:}': $msg" ;;
			*) [[ "$gfield" == *"$field"* ]] ||
				bad "$name: the error names field '$gfield', not '$field': $msg" ;;
			esac
			[ -n "$msg" ] || bad "$name: an error without a message"
			refused=$((refused + 1))
			printf '#   %-34s %s %s: %s\n' "$name" "$code" "$gfield" "${msg:0:90}"
		fi
		;;
	term:*)
		# shellcheck disable=SC2086 # the command's words
		run term a ${via#term:} "$T/in.json" --no-queue
		[ "$RC" = "$expect" ] || bad "$name: exit $RC, not $expect: $OUT"
		[[ "$OUT" == *"$field"* ]] || bad "$name: the message does not name $field: $OUT"
		refused=$((refused + 1))
		;;
	*) bad "$name: unknown via $via" ;;
	esac
	after=$(core_digest)
	[ "$after" = "$before" ] || bad "$name: the core tables changed"
	server_alive || bad "$name: cctns-server died"
done <"$CORPUS"
[ "$n" -ge 60 ] || fail "only $n corpus entries read"
ok "$n hostile requests: $refused refused naming the field, every core table unchanged"
run term a fir show "$AFIR"
assert_eq 0 "$RC" "the server still serves"

# The fuzzers' seeds and crashers, as raw frames after a Hello on one connection each. The
# terminal's side closes 0.3 s after its input (-no_ign_eof: -quiet would wait for the server
# to close an unfinished frame's connection, up to sclient's 10 s).
frames=0
for f in "$SRC"/tests/fuzz/corpus/fuzz_envelope/* "$SRC"/tests/fuzz/regressions/fuzz_envelope/* \
	"$SRC"/tests/fuzz/corpus/fuzz_frame/* "$SRC"/tests/fuzz/regressions/fuzz_frame/*; do
	[ -f "$f" ] || continue
	case $f in */README*) continue ;; esac
	if [[ $f == */fuzz_envelope/* ]]; then
		body=$(xxd -p "$f" | tr -d '\n')
		[ -n "$body" ] || continue
		{
			hello_frame 1
			frame "$body"
			sleep 0.3
		} | sclient "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1" -quiet -no_ign_eof >/dev/null 2>&1 || true
	else
		{
			hello_frame 1
			cat "$f"
			sleep 0.3
		} | sclient "station-$A_STATE-$A_DISTRICT-$A_STATION-desk-1" -quiet -no_ign_eof >/dev/null 2>&1 || true
	fi
	frames=$((frames + 1))
	server_alive || fail "cctns-server died on the fuzz input $(basename "$f")"
done
[ "$frames" -ge 10 ] || fail "only $frames fuzz inputs replayed"
ok "$frames fuzz seeds and crashers replayed as raw frames; the server lives"
run term a fir show "$AFIR"
assert_eq 0 "$RC" "... and serves"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
sanitizer_clean

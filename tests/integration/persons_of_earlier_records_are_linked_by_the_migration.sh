#!/usr/bin/env bash
# persons_of_earlier_records_are_linked_by_the_migration: a database that has FIRs and arrest
# memos from before the persons record (migrations up to 0009) gets, when migrated on, one
# person per named complainant, accused and arrested person, each linked to its record by role
# (complainant and accused to the FIR, arrested to the memo, with the memo's aliases); unknown
# accused make no person; nobody is linked twice; the persons read back through the terminal.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries cctns-admin cctns-server cctns

# The schema as it was before the persons record (0001-0009).
cp -r "$SRC/schema" "$T/schema09"
find "$T/schema09/migrations" -name '[0-9][0-9][0-9][0-9]_*.sql' | while read -r f; do
	n=$(basename "$f" | cut -c1-4)
	[ "$((10#$n))" -le 9 ] || rm "$f"
done
pki_setup
"$PGCTL" --dir "$T/pg" init >/dev/null
eval "$("$PGCTL" --dir "$T/pg" env)"
export CCTNS_DB CCTNS_PGHOST
run "$BIN/cctns-admin" --db "$CCTNS_DB" migrate --schema "$T/schema09"
assert_eq 0 "$RC" "the schema up to 0009 is applied"
"$BIN/cctns-admin" --db "$CCTNS_DB" station add --state $A_STATE --district $A_DISTRICT \
	--code $A_STATION --name "$A_NAME" >/dev/null
"$BIN/cctns-admin" --db "$CCTNS_DB" station add --state $B_STATE --district $B_DISTRICT \
	--code $B_STATION --name "$B_NAME" >/dev/null

# An FIR with a complainant, a known and an unknown accused, and an arrest memo, written the
# way the server writes them (api functions), before the persons record.
psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" >"$T/before.txt" <<SQL
\\i '$SRC/schema/tests/helpers.sql'
SELECT fir_number FROM api.register_fir($A_STATE, $A_DISTRICT, $A_STATION, pg_temp.key(),
	pg_temp.sample() || '{"accused": [{"kind": "known", "person": {"name": "Bablu Yadav"}},
		{"kind": "unknown", "description": "a tall man"}]}');
SELECT pg_sleep(1.1);
SELECT receipt ->> 'accused_code' FROM api.register_arrest($A_STATE, $A_DISTRICT, $A_STATION, pg_temp.key(),
	'1/' || extract(year FROM now() AT TIME ZONE 'Asia/Kolkata'), pg_temp.memo(now()));
SQL
number=$(head -n 1 "$T/before.txt")
assert_match "$number" '^0001/[0-9]{4}$' "an FIR was registered before the persons record"

run "$BIN/cctns-admin" --db "$CCTNS_DB" migrate
assert_eq 0 "$RC" "the later migrations apply"
assert_eq "complainant|Ramesh Kumar|FIR $number
accused|Bablu Yadav|FIR $number
arrested|Sonu Kumar|arrest A1 in FIR $number" \
	"$(sql "SELECT l.role, p.name, l.label FROM core.person_link l JOIN core.person p USING (person_id, state_code, year)
		ORDER BY CASE l.role WHEN 'complainant' THEN 0 WHEN 'accused' THEN 1 ELSE 2 END")" \
	"the complainant, the known accused and the arrested are linked by role, the unknown accused not"
assert_eq "{Kallu}" "$(sql "SELECT p.aliases FROM core.person p JOIN core.person_link l USING (person_id, state_code, year)
	WHERE l.role = 'arrested'")" "the arrested person has the memo's aliases"
assert_eq 1 "$(sql "SELECT count(*) FROM core.person_link l JOIN core.fir f ON f.fir_id = l.fir_id
	WHERE l.record_kind = 'arrest' AND l.record_id = f.fir_id * 1000 + 1")" \
	"the arrest link names the memo (fir_id * 1000 + arrest_no)"
assert_eq "3|3" "$(sql 'SELECT count(*), count(DISTINCT person_id) FROM core.person_link')" \
	"three links, one per person named: nobody is linked twice"

server_start
terminal_conf b "station-$B_STATE-$B_DISTRICT-$B_STATION-desk-1"
pid=$(sql "SELECT person_id FROM core.person_link WHERE role = 'arrested'")
run term b person show "$pid"
assert_eq 0 "$RC" "the person reads back through the terminal"
assert_match "$OUT" "Arrested        arrest A1 in FIR $number\$" "... linked to the memo"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

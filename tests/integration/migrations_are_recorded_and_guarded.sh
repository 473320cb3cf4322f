#!/usr/bin/env bash
# migrations_are_recorded_and_guarded: cctns-admin migrate applies every numbered migration once,
# records it with its checksum, does nothing the second time, and refuses to run when an applied
# migration's file or reference data changed or went missing, or when a migration leaves an
# object owned by another role than cctns_owner; changing nothing.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries cctns-admin

# A private copy of the schema directory, so files can be edited.
cp -r "$SRC/schema" "$T/schema"
"$PGCTL" --dir "$T/pg" init >/dev/null
eval "$("$PGCTL" --dir "$T/pg" env)"
export CCTNS_DB CCTNS_PGHOST
files=$(find "$T/schema/migrations" -name '[0-9][0-9][0-9][0-9]_*.sql' | wc -l)

run "$BIN/cctns-admin" --db "$CCTNS_DB" migrate --schema "$T/schema"
assert_eq 0 "$RC" "the first migrate exits 0"
assert_eq "$files" "$(grep -c '^applied ' <<<"$OUT")" "one 'applied' line per migration file"
assert_eq "$files" "$(sql 'SELECT count(*) FROM cctns_meta.schema_migrations')" \
	"every migration is recorded"
assert_eq 36 "$(sql 'SELECT count(*) FROM ref.state')" "the reference states are loaded"
assert_eq 763 "$(sql 'SELECT count(*) FROM ref.district')" "the reference districts are loaded"

run "$BIN/cctns-admin" --db "$CCTNS_DB" migrate --schema "$T/schema"
assert_eq 0 "$RC" "the second migrate exits 0"
assert_contains "$OUT" "up to date" "the second migrate has nothing to do"

# A migration that leaves an object owned by another role is refused and rolled back whole.
cat >"$T/schema/migrations/9000_bad_owner.sql" <<'SQL'
GRANT cctns_analyst TO cctns_owner;
GRANT CREATE ON SCHEMA ref TO cctns_analyst;
CREATE TABLE ref.foreign_owned (x int);
ALTER TABLE ref.foreign_owned OWNER TO cctns_analyst;
SQL
run "$BIN/cctns-admin" --db "$CCTNS_DB" migrate --schema "$T/schema"
assert_eq 1 "$RC" "migrate refuses a migration that leaves an object to another owner"
assert_contains "$OUT" "ref.foreign_owned (owner cctns_analyst)" "the refusal names the object and its owner"
assert_eq "" "$(sql "SELECT to_regclass('ref.foreign_owned')")" "the refused migration was rolled back"
assert_eq 0 "$(sql "SELECT count(*) FROM cctns_meta.schema_migrations WHERE version = 9000")" \
	"the refused migration is not recorded"
rm "$T/schema/migrations/9000_bad_owner.sql"

# An applied migration edited after the fact is refused, by name, and nothing runs.
first=$(find "$T/schema/migrations" -name '0001_*.sql' | head -n 1)
printf '\n-- edited after it was applied\n' >>"$first"
cat >"$T/schema/migrations/9999_later.sql" <<'SQL'
CREATE TABLE ref.should_not_exist (x int);
SQL
run "$BIN/cctns-admin" --db "$CCTNS_DB" migrate --schema "$T/schema"
assert_eq 1 "$RC" "migrate refuses when an applied file changed"
assert_contains "$OUT" "$(basename "$first")" "the refusal names the changed file"
assert_eq "" "$(sql "SELECT to_regclass('ref.should_not_exist')")" \
	"a pending migration is not applied after a refusal"
run "$BIN/cctns-admin" --db "$CCTNS_DB" migrate --schema "$T/schema" --status
assert_eq 1 "$RC" "--status exits 1 when an applied file changed"

# Reference data is covered by the checksum too.
cp "$SRC/schema/migrations/$(basename "$first")" "$first"
printf '99,Nowhere,state,99\n' >>"$T/schema/data/states.csv"
run "$BIN/cctns-admin" --db "$CCTNS_DB" migrate --schema "$T/schema"
assert_eq 1 "$RC" "migrate refuses when a loaded data file changed"
assert_contains "$OUT" "states.csv" "the refusal names the changed data file"

# A recorded migration whose file is gone is refused.
cp "$SRC/schema/data/states.csv" "$T/schema/data/states.csv"
rm "$first"
run "$BIN/cctns-admin" --db "$CCTNS_DB" migrate --schema "$T/schema"
assert_eq 1 "$RC" "migrate refuses when an applied migration file is missing"
assert_contains "$OUT" "$(basename "$first")" "the refusal names the missing file"

# Restored, the pending one applies and is recorded.
cp "$SRC/schema/migrations/$(basename "$first")" "$first"
run "$BIN/cctns-admin" --db "$CCTNS_DB" migrate --schema "$T/schema"
assert_eq 0 "$RC" "migrate applies the pending migration once the tree is whole again"
assert_eq "ref.should_not_exist" "$(sql "SELECT to_regclass('ref.should_not_exist')")" \
	"the pending migration ran"

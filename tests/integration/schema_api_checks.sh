#!/usr/bin/env bash
# schema_api_checks: runs the schema's own SQL-level checks (schema/tests/run_api_checks.sh)
# against a freshly migrated cluster with the two harness stations registered.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
checks=$SRC/schema/tests/run_api_checks.sh
[ -f "$checks" ] || fail "$checks is missing"
db_setup
run sh "$checks" "host=$CCTNS_PGHOST port=5432 dbname=cctns"
printf '%s\n' "$OUT" | tail -n 20
assert_eq 0 "$RC" "schema/tests/run_api_checks.sh passes"

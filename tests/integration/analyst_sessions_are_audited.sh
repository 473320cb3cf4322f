#!/usr/bin/env bash
# analyst_sessions_are_audited: direct SQL sessions are on record in the cluster's log
# (DIR/postgresql.log of deploy/pgctl), written by pgaudit as set up by deploy/pgaudit.sql;
# cctns-server's own sessions are not (the application audits every request itself).
#   - cctns_analyst: a question asked with psql gives "AUDIT: SESSION,...,READ,SELECT" lines
#     naming the role and the statement text; a question asked through
#     cctns-report (parameterized) too, with its parameter values never logged; a query refused
#     on core is in the log as the role's ERROR and STATEMENT (pgaudit itself logs only
#     statements that pass the permission check).
#   - cctns_owner (operators): DDL and writes give AUDIT lines with the object and the table,
#     but no statement text (an operator's UPDATE may hold a name that must stay sealed).
#   - neither role can switch its audit off: pgaudit.log is the superuser's to set.
#   - cctns-server: an FIR registered and read back through the terminal leaves session lines
#     for cctns_server (it did connect) and not one AUDIT line.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
need_binaries cctns-report
stack_up

pglog=$(readlink -f "$T/pg")/postgresql.log
[ -f "$pglog" ] || fail "no PostgreSQL log at $pglog"
analyst_db="host=$CCTNS_PGHOST port=5432 dbname=cctns user=cctns_analyst"

# analyst SQL...: psql as cctns_analyst, one -c per argument.
analyst() {
	local args=() q
	for q in "$@"; do args+=(-c "$q"); done
	run psql -X -q -At -d "$analyst_db" "${args[@]}"
}

# log_lines ERE: the lines of the PostgreSQL log matching ERE.
log_lines() {
	grep -aE -- "$1" "$pglog" || true
}

# The server's traffic first, so the analyst's and the owner's lines come after it.
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "an FIR is registered through cctns-server"
number=$(fir_number "$OUT")
run term a fir show "$number"
assert_eq 0 "$RC" "... and read back"
# The state table reads materialised aggregates: the owner refreshes them first.
run sql "SELECT count(*) FROM reporting.refresh()"
assert_eq 0 "$RC" "the owner refreshes the reporting aggregates"

# A question asked with psql: on record with the role, the view and the text.
analyst "SELECT /* itest-question-1 */ cases FROM reporting.state_table WHERE state_code = $A_STATE AND year = $YEAR"
assert_eq 0 "$RC" "the analyst reads reporting.state_table"
assert_eq 1 "$OUT" "... and counts the one case"
lines=$(log_lines 'cctns_analyst@cctns LOG:  AUDIT: SESSION,[0-9]+,[0-9]+,READ,SELECT,,,')
assert_contains "$lines" "itest-question-1" \
	"an AUDIT line names cctns_analyst, READ, SELECT and the statement text"

# The same through cctns-report: its parameters (state, year) are not logged.
run "$BIN/cctns-report" --db "$analyst_db" pendency --state "$A_STATE" --year "$YEAR" --quiet
assert_eq 0 "$RC" "cctns-report runs as the analyst"
lines=$(log_lines 'cctns_analyst@cctns LOG:  AUDIT: SESSION,[0-9]+,[0-9]+,READ,SELECT,,,".*reporting\.pendency.*\$1')
assert_contains "$lines" "<not logged>" \
	"cctns-report's parameterized query is audited, its parameter values not logged"

# A query refused on core: the role's ERROR and the statement.
analyst "SELECT /* itest-refused-2 */ count(*) FROM core.fir"
[ "$RC" -ne 0 ] || fail "the analyst read core.fir"
assert_contains "$OUT" "permission denied for schema core" "the analyst is refused core.fir"
assert_contains "$(log_lines 'cctns_analyst@cctns ERROR:  permission denied for schema core')" \
	"permission denied" "the refusal is in the log under cctns_analyst"
assert_contains "$(log_lines 'cctns_analyst@cctns STATEMENT: ')" "itest-refused-2" \
	"... with the refused statement"

# A function call is audited too (class FUNCTION).
analyst "SELECT /* itest-function-3 */ length(name) FROM ref.crime_head WHERE code = 'burglary'"
assert_eq 0 "$RC" "the analyst reads ref"
assert_contains "$(log_lines 'cctns_analyst@cctns LOG:  AUDIT: SESSION,[0-9]+,[0-9]+,READ,SELECT,,,')" \
	"itest-function-3" "a read of ref with a function call is audited"

# The analyst cannot switch the audit off, nor can the owner do it for the analyst.
analyst "SET pgaudit.log = 'none'"
[ "$RC" -ne 0 ] || fail "the analyst switched pgaudit off"
assert_contains "$OUT" "permission denied to set parameter" "the analyst cannot SET pgaudit.log"
run psql -X -q -At -d "$CCTNS_DB" -c "ALTER ROLE cctns_analyst SET pgaudit.log = 'none'"
[ "$RC" -ne 0 ] || fail "the owner switched the analyst's audit off"
assert_contains "$OUT" "permission denied to set parameter" \
	"the owner cannot change the analyst's pgaudit.log"
run psql -X -q -At -d "$CCTNS_DB" -c "ALTER ROLE cctns_analyst RESET ALL"
assert_eq "pgaudit.log=read, function, misc" \
	"$(sql "SELECT string_agg(c, ';') FROM pg_db_role_setting s, unnest(s.setconfig) c
		WHERE s.setrole = 'cctns_analyst'::regrole AND c LIKE 'pgaudit.log=%'")" \
	"... and RESET ALL by the owner leaves it in place"
sql "ALTER ROLE cctns_analyst SET default_transaction_read_only = on;
	ALTER ROLE cctns_analyst SET statement_timeout = '5min'"

# The owner's direct session: DDL and the table written, without the statement text.
sql "CREATE TEMP TABLE itest_probe (v text); INSERT INTO itest_probe VALUES ('itest-sealed-4')"
assert_match "$(log_lines 'cctns_owner@cctns LOG:  AUDIT: SESSION')" \
	'DDL,CREATE TABLE,TABLE,pg_temp(_[0-9]+)?\.itest_probe,<not logged>' "the owner's DDL is audited"
assert_match "$(log_lines 'cctns_owner@cctns LOG:  AUDIT: SESSION')" \
	'WRITE,INSERT,TABLE,pg_temp(_[0-9]+)?\.itest_probe,<not logged>' "the owner's write is audited"
assert_eq "" "$(log_lines 'itest-sealed-4')" "... without the statement text or its values"

# cctns-server: connected (its session lines are there), never audited.
assert_contains "$(log_lines 'connection authorized: user=cctns_server')" "database=cctns" \
	"cctns-server's sessions are in the log"
assert_eq "" "$(log_lines 'cctns_server@[a-z_]+ LOG:  AUDIT:')" "not one AUDIT line for cctns_server"

sanitizer_clean

#!/usr/bin/env bash
# case_status_changes_only_by_permitted_transitions: the database itself refuses a change of a
# case's status that the state machine does not permit, whoever makes it: cctns_owner running
# UPDATE core.fir directly in psql cannot move a case under investigation back to registered
# or on to in appeal; the status stays as it was.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers an FIR"
number=$(fir_number "$OUT")
no=$((10#${number%/*}))
year=${number#*/}
where="state_code = $A_STATE AND district_code = $A_DISTRICT AND station_code = $A_STATION
	AND year = $year AND fir_no = $no"
assert_eq registered "$(sql "SELECT status FROM core.fir WHERE $where")" "the case starts registered"

run term a case assign-io "$number" "$SRC/deploy/samples/assign-io.json"
assert_eq 0 "$RC" "an IO is assigned"
assert_eq under_investigation "$(sql "SELECT status FROM core.fir WHERE $where")" \
	"the case is under investigation"

# refused TO: cctns_owner cannot UPDATE the status to TO.
refused() {
	run sql "UPDATE core.fir SET status = '$1' WHERE $where"
	[ "$RC" -ne 0 ] || fail "cctns_owner moved the case from under_investigation to $1"
	assert_contains "$OUT" "permitted" "under_investigation -> $1 by direct SQL is refused as not permitted"
}
refused registered
refused in_appeal
refused appeal_decided
refused court_disposed
assert_eq under_investigation "$(sql "SELECT status FROM core.fir WHERE $where")" \
	"the status is unchanged"

run term a case timeline "$number"
assert_match "$OUT" '^Status +Under investigation$' "the terminal shows the status unchanged"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

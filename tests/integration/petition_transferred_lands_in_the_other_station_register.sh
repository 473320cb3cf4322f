#!/usr/bin/env bash
# petition_transferred_lands_in_the_other_station_register: a petition transferred to another
# station of the state is disposed of at the first station and registered at the receiving one
# under its own acknowledgement number, status received, with the same petitioner (the same
# persons linked) and a link back; each station's diary has its entry; a transfer to the same
# station or to a station that does not exist is refused; the receiving station goes on with it.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
S=$SRC/deploy/samples

run term b petition register "$S/petition.json"
assert_eq 0 "$RC" "station B registers a petition of its own first (its 0001)"
run term a petition register "$S/petition.json"
assert_eq 0 "$RC" "station A registers the petition (its 0001)"
run term a petition assign "1/$YEAR" "$S/petition-assign.json"
sed -e "s/\"reported_at\": \"[^\"]*\"/\"reported_at\": \"$(date -Iseconds)\"/; s/register_fir/transfer/" \
	"$S/petition-report.json" >"$T/report.json"
run term a petition report "1/$YEAR" "$T/report.json"
assert_eq 0 "$RC" "the enquiry report recommends a transfer"

transfer() { # DISTRICT STATION: the disposal transferring to that station
	cat <<JSON
{ "kind": "transferred", "transfer_district_code": $1, "transfer_station_code": $2,
  "reason": "The place of occurrence is in the limits of that station.",
  "officer": { "number": "UP-09876", "name": "Anil Kumar Tyagi", "rank": "Inspector" } }
JSON
}
run term a petition dispose "1/$YEAR" - < <(transfer "$A_DISTRICT" "$A_STATION")
assert_eq 3 "$RC" "a transfer to the same station is refused (exit 3)"
assert_contains "$OUT" "transfer_station_code" "... naming the field"
run term a petition dispose "1/$YEAR" - < <(transfer "$B_DISTRICT" 9999)
assert_eq 3 "$RC" "a transfer to a station that does not exist is refused (exit 3)"
run term a petition dispose "1/$YEAR" - < <(transfer "$B_DISTRICT" "$B_STATION")
assert_eq 0 "$RC" "station A transfers the petition to station B"
assert_match "$OUT" "^Petition 0001/[0-9]{4} disposed: transferred to $B_NAME, where it is petition 0002/[0-9]{4}$" \
	"... where it is station B's petition 0002"

run term a petition show "1/$YEAR"
assert_match "$OUT" "^   Disposal +Transferred to another station$" "station A's register shows the transfer"
assert_match "$OUT" "^   Transferred to +$B_NAME \(district Aligarh\)$" "... to station B"
assert_match "$OUT" "^   Petition No. there +0002/[0-9]{4}$" "... where it is petition 0002"
run term b petition show "2/$YEAR"
assert_eq 0 "$RC" "station B reads the petition in its own register"
assert_match "$OUT" '^   Status +Received$' "... status received"
assert_match "$OUT" "^   Received by transfer from $A_NAME \(district Agra\)$" "... with the link back"
assert_match "$OUT" "^   Petition No. there +0001/[0-9]{4}$" "... to station A's petition 0001"
assert_match "$OUT" '^   Name +Ramesh Chandra Agarwal$' "... the same petitioner"
assert_match "$OUT" '^[0-9/]{10} [0-9:]{5}  Received by transfer +[0-9]+ +Inspector Anil Kumar Tyagi' \
	"... its history starts with its receipt by transfer"
assert_eq "1|2|2" "$(sql "SELECT count(DISTINCT x.person_id) || '|' || count(*) || '|'
		|| (SELECT count(*) FROM core.person_link l WHERE l.person_id = min(x.person_id) AND l.role = 'petitioner')
	FROM core.petition_person x JOIN core.petition p USING (petition_id, state_code, year)
	WHERE (p.station_code = $A_STATION AND p.petition_no = 1) OR (p.station_code = $B_STATION AND p.petition_no = 2)")" \
	"the petitioner is one person, linked to both petitions"

run term b gd show
assert_contains "$OUT" "received by transfer from $A_NAME" \
	"station B's diary has the petition received"
run term a gd show
assert_contains "$OUT" "transferred to $B_NAME" "station A's diary has the transfer"

run term a petition show "2/$YEAR"
assert_eq 6 "$RC" "station A does not see station B's register (exit 6)"
run term b petition assign "2/$YEAR" "$S/petition-assign.json"
assert_eq 0 "$RC" "station B assigns an enquiry officer to it"
assert_match "$OUT" '^Petition 0002/[0-9]{4} is now Under enquiry$' "... and it goes on there"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

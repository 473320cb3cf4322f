#!/usr/bin/env bash
# dossier_and_alerts_through_the_terminal: what an investigator does with the dossier commands.
# Raju is accused in an FIR of station A and in one of station B; A arrests him: both stations get
# a "wanted" alert (he is accused in B's FIR and not arrested there), B acknowledges it and it
# leaves B's list but stays with --all. A stolen motorcycle of A recovered by B raises a vehicle
# alert at A; vehicle search finds it by the whole number however written and by its last 4
# digits. The dossier shows both cases with role and status, the arrest and the co-accused. Bad
# input is refused with the field named and nothing stored.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# fir_accused PERSON_JSON...: the sample FIR with these known accused.
fir_accused() {
	local list="" p
	for p in "$@"; do
		list="$list${list:+, }{\"kind\": \"known\", \"person\": $p}"
	done
	sed -e "/\"accused\": \[/,/^  \],/c\\  \"accused\": [$list]," "$SAMPLE"
}

fir_accused '{"name": "Raju Kalia", "gender": "male", "year_of_birth": 1990}' \
	'{"name": "Bablu Pandit", "gender": "male"}' >"$T/fir-a.json"
run term a fir register "$T/fir-a.json"
assert_eq 0 "$RC" "station A registers an FIR naming Raju and Bablu"
fir_a=$(fir_number "$OUT")
run term a fir show "$fir_a" --json
raju=$(grep -oE '"person_id": "?[0-9]+' <<<"$OUT" | grep -oE '[0-9]+' | sed -n 2p)
bablu=$(grep -oE '"person_id": "?[0-9]+' <<<"$OUT" | grep -oE '[0-9]+' | sed -n 3p)
assert_match "$raju" '^[0-9]+$' "Raju has a person number ($raju)"

fir_accused "{\"person_id\": $raju, \"name\": \"Raju Kalia\"}" \
	"{\"person_id\": $bablu, \"name\": \"Bablu Pandit\"}" >"$T/fir-b.json"
run term b fir register "$T/fir-b.json"
assert_eq 0 "$RC" "station B registers an FIR naming the same two persons"
fir_b=$(fir_number "$OUT")

run term a alerts list
assert_eq 0 "$RC" "alerts list"
assert_contains "$OUT" "No match alerts for this station." "... none yet at A"

sleep 1 # the arrest is stated in whole seconds: after the registration
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$(date -Iseconds)\"/g" \
	-e "s/\"name\": \"Sonu Kumar\",/\"person_id\": $raju, \"name\": \"Raju Kalia\",/" \
	"$SRC/deploy/samples/arrest.json" >"$T/arrest.json"
run term a arrest register "$fir_a" "$T/arrest.json"
assert_eq 0 "$RC" "station A arrests Raju in its FIR"

run term a alerts list
assert_eq 0 "$RC" "alerts list at A"
assert_contains "$OUT" "1 match alert, newest first:" "... one alert at the arresting station"
assert_contains "$OUT" "wanted" "... a wanted person"
assert_contains "$OUT" "FIR $fir_b" "... naming B's FIR"
run term b alerts list --json
assert_eq 0 "$RC" "alerts list at B"
assert_contains "$OUT" '"kind": "wanted"' "... the same alert at B"
alert=$(grep -oE '"alert_id": "?[0-9]+' <<<"$OUT" | grep -oE '[0-9]+' | head -n 1)
run term b alerts ack "$alert"
assert_eq 0 "$RC" "B acknowledges alert $alert"
assert_contains "$OUT" "Acknowledged:" "... and is told so"
run term b alerts list
assert_contains "$OUT" "No match alerts for this station." "... it leaves B's list"
run term b alerts list --all
assert_contains "$OUT" "Alert $alert" "... but stays with --all"
run term a alerts list
assert_contains "$OUT" "Alert $alert" "... and on A's list until A acknowledges"
run term b alerts ack 999999
assert_eq 6 "$RC" "acknowledging an unknown alert: not found (exit 6)"
run term b alerts ack abc
assert_eq 2 "$RC" "an alert number is digits (exit 2)"

# Vehicles: stolen at A, recovered at B.
run term a vehicle report "$SRC/deploy/samples/vehicle-stolen.json"
assert_eq 0 "$RC" "A reports a stolen motorcycle"
run term b vehicle report "$SRC/deploy/samples/vehicle-recovered.json"
assert_eq 0 "$RC" "B reports the motorcycle recovered"
run term a alerts list
assert_contains "$OUT" "vehicle" "A gets a vehicle alert"
assert_contains "$OUT" "registration" "... matched by registration"
for spelling in "U.P. 80 AB 1234" "up80ab1234" "1234" "AB 12"; do
	run term b vehicle search "$spelling"
	assert_eq 0 "$RC" "vehicle search \"$spelling\""
	assert_contains "$OUT" "2 reports of the state" "... finds both reports"
done
run term b vehicle search 12
assert_eq 3 "$RC" "a search by 2 characters is refused (exit 3)"
assert_contains "$OUT" "number" "... naming the field"
run term b vehicle search 1234 --chassis X1234
assert_eq 2 "$RC" "one number at a time (exit 2)"

# The dossier.
run term b person dossier "$raju"
assert_eq 0 "$RC" "person dossier $raju from station B"
assert_contains "$OUT" "CRIMINAL DOSSIER" "... prints the dossier"
assert_contains "$OUT" "(records of 2 stations of the state)" "... of two stations"
assert_contains "$OUT" "FIR $fir_a" "... A's case"
assert_contains "$OUT" "FIR $fir_b" "... B's case"
assert_contains "$OUT" "A1 in FIR $fir_a" "... the arrest"
assert_contains "$OUT" "Bablu Pandit" "... the associate"
run term b person dossier "$raju" --json
assert_eq 0 "$RC" "the dossier as JSON"
assert_contains "$OUT" '"cases_together": 2' "... two cases together with Bablu"
run term b person dossier 999999999
assert_eq 6 "$RC" "no such person: not found (exit 6)"

# Property and MO search answer; bad input is named.
run term a property search --number 356938035643809
assert_eq 0 "$RC" "property search by number"
run term a property search --kind mobile
assert_eq 2 "$RC" "property search needs a number or words (exit 2)"
run term a mo search --major theft --hours 22-4
assert_eq 0 "$RC" "mo search by head and hours"
run term a mo search --major flying
assert_eq 3 "$RC" "an unknown MO head is refused (exit 3)"
assert_contains "$OUT" "major" "... naming the field"
assert_eq 0 "$(sql "SELECT count(*) FROM core.match_alert WHERE kind NOT IN ('wanted', 'vehicle')")" \
	"no other alerts were raised"

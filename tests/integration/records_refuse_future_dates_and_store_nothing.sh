#!/usr/bin/env bash
# records_refuse_future_dates_and_store_nothing: petitions, NCRs and lost property reports with a
# time in the future, times out of order, too many persons or items, or an impossible value are
# refused with the field named (exit 3), and nothing of them is stored: no record, no number, no
# diary entry, no person.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
S=$SRC/deploy/samples
future=$(date -d '+2 hours' -Iseconds)

# refused CMD FILE FIELD WHAT: `term a CMD register FILE` exits 3 naming FIELD.
refused() {
	run term a "$1" register "$2"
	assert_eq 3 "$RC" "$4 is refused (exit 3)"
	assert_contains "$OUT" "$3" "... naming $3"
}

sed -e "s/\"received_at\": \"[^\"]*\"/\"received_at\": \"$future\"/" "$S/petition.json" >"$T/p1.json"
refused petition "$T/p1.json" "received_at" "a petition received in the future"
{
	printf '%s' '{"received_at": "2026-11-27T09:40:00+05:30", "mode": "by_post", "subject": "s", "text": "t",'
	printf '%s' '"officer": {"number": "1", "name": "A", "rank": "HC"}, "petitioner": {"name": "P"}, "respondents": ['
	for i in $(seq 21); do printf '{"name": "R%d"}%s' "$i" "$([ "$i" -lt 21 ] && echo ,)"; done
	printf ']}\n'
} >"$T/p2.json"
refused petition "$T/p2.json" "respondents" "a petition against 21 respondents"
sed -e 's/"mode": "in_person"/"mode": "by_pigeon"/' "$S/petition.json" >"$T/p3.json"
refused petition "$T/p3.json" "mode" "an unknown mode"

sed -e "s/\"occurred_at\": \"[^\"]*\"/\"occurred_at\": \"$future\"/; s/\"reported_at\": \"[^\"]*\"/\"reported_at\": \"$future\"/" \
	"$S/ncr.json" >"$T/n1.json"
refused ncr "$T/n1.json" "occurred_at" "an NCR of an offence in the future"
sed -e 's/"reported_at": "[^"]*"/"reported_at": "2026-11-28T19:00:00+05:30"/' "$S/ncr.json" >"$T/n2.json"
refused ncr "$T/n2.json" "reported_at" "an NCR reported before the offence occurred"
sed -e 's/"sections": \[/"sections": [ { "act": "bns", "section": "9999" },/' "$S/ncr.json" >"$T/n3.json"
refused ncr "$T/n3.json" "sections[0].section" "a section the BNS does not have"

sed -e "s/\"lost_from\": \"[^\"]*\"/\"lost_from\": \"$future\"/; s/\"lost_to\": \"[^\"]*\",//" "$S/lost.json" >"$T/l1.json"
refused lost "$T/l1.json" "lost_from" "property lost in the future"
sed -e 's/"lost_to": "[^"]*"/"lost_to": "2026-11-28T15:00:00+05:30"/' "$S/lost.json" >"$T/l2.json"
refused lost "$T/l2.json" "lost_to" "lost_to before lost_from"
sed -e 's/"value_rupees": 17999/"value_rupees": 1000000000000/' "$S/lost.json" >"$T/l3.json"
refused lost "$T/l3.json" "items[0].value_rupees" "a value of 10^12 rupees"
sed -e 's/"value_rupees": 17999/"value_rupees": -5/' "$S/lost.json" >"$T/l4.json"
refused lost "$T/l4.json" "items[0].value_rupees" "a negative value"
sed -e 's/"items": \[/"items": [], "x": [/' "$S/lost.json" >"$T/l5.json"
run term a lost register "$T/l5.json"
assert_eq 3 "$RC" "a report with unknown fields is refused (exit 3)"
{
	printf '%s' '{"reporter": {"name": "P"}, "lost_from": "2026-11-27T09:40:00+05:30",'
	printf '%s' '"officer": {"number": "1", "name": "A", "rank": "HC"}, "items": []}'
} >"$T/l6.json"
refused lost "$T/l6.json" "items" "a report of no items"
{
	printf '%s' '{"reporter": {"name": "P"}, "lost_from": "2026-11-27T09:40:00+05:30",'
	printf '%s' '"officer": {"number": "1", "name": "A", "rank": "HC"}, "items": ['
	for i in $(seq 51); do printf '{"kind": "other"}%s' "$([ "$i" -lt 51 ] && echo ,)"; done
	printf ']}\n'
} >"$T/l7.json"
refused lost "$T/l7.json" "items" "a report of 51 items"

for table in petition ncr lost_report gd_entry person record_counter; do
	assert_eq 0 "$(sql "SELECT count(*) FROM core.$table")" "nothing is stored in core.$table"
done
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

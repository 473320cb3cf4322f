#!/usr/bin/env bash
# arrest_memo_never_stores_a_full_aadhaar: an arrest memo carrying a full Aadhaar number (12
# digits, with spaces or dashes, as kind aadhaar or masked or under another kind) is refused with
# exit 3 naming the identity document; the database refuses it too when the terminal's and the
# server's checks are bypassed (cctns_owner calling api.register_arrest in psql); and the number
# is nowhere: not in any table, not in the server log. The masked form (last 4 digits) is
# accepted.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "station A registers the FIR"
number=$(fir_number "$OUT")
sleep 1
now=$(date -Iseconds)
sed -e "s/\"2026-11-29T[0-9:]*+05:30\"/\"$now\"/g" "$SRC/deploy/samples/arrest.json" >"$T/arrest.json"
masked='"identity_document": { "kind": "aadhaar_masked", "number": "4821" }'
grep -qF "$masked" "$T/arrest.json" || fail "the sample's identity document changed; update this test"

# with_document NAME KIND NUMBER: the memo with the identity document KIND NUMBER.
with_document() {
	sed -e "s/$masked/\"identity_document\": { \"kind\": \"$2\", \"number\": \"$3\" }/" \
		"$T/arrest.json" >"$T/$1.json"
}
with_document spaces aadhaar_masked "3947 5820 4821"
with_document aadhaar aadhaar "394758204821"
with_document dashes voter_id "3947-5820-4821"
for doc in spaces aadhaar dashes; do
	run term a arrest register "$number" "$T/$doc.json"
	assert_eq 3 "$RC" "a full Aadhaar number ($doc): exit 3"
	assert_contains "$OUT" "identity_document" "... naming the identity document"
done

# register_in_psql FILE: api.register_arrest called by cctns_owner in psql with the memo in FILE
# (psql reads the statement from stdin, where it puts the values of -v in as quoted literals).
register_in_psql() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" -v key="$(openssl rand -hex 16)" \
		-v fir="$number" -v memo="$(cat "$1")" <<SQL
SELECT receipt FROM api.register_arrest($A_STATE, $A_DISTRICT, $A_STATION,
	decode(:'key', 'hex'), :'fir', :'memo'::jsonb);
SQL
}

# The terminal refuses these before sending, and so does the server; the database is the last
# line: the api function itself refuses each of them.
for doc in spaces aadhaar dashes; do
	run register_in_psql "$T/$doc.json"
	[ "$RC" -ne 0 ] || fail "api.register_arrest stored a full Aadhaar number ($doc)"
	assert_contains "$OUT" "Aadhaar" "the database itself refuses the full number ($doc)"
done

assert_eq 0 "$(sql 'SELECT count(*) FROM core.arrest')" "no memo was stored"
pg_dump -d "$CCTNS_DB" --data-only --no-owner >"$T/dump.sql"
assert_not_contains "$(tr -d ' -' <"$T/dump.sql")" "394758204821" "the number is in no table"
assert_not_contains "$(tr -d ' -' <"$SERVER_LOG")" "394758204821" "... and not in the server log"

run term a arrest register "$number" "$T/arrest.json"
assert_eq 0 "$RC" "the masked form (last 4 digits) is accepted"
assert_match "$OUT" '^Arrest memo A1 ' "... as A1"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

#!/usr/bin/env bash
# person_photo_accepts_only_real_jpeg_or_png_within_limits: cctns person photo add sends a JPEG
# or PNG file of a person; its type and size come from the image itself and read back with the
# person; the image saved with photo get is the one sent, byte for byte. Refused, with exit 3
# naming the file and what is wrong, and nothing stored: a file that is not an image, a damaged
# or cut-short header, an image smaller than 64 or larger than 8000 pixels, a file over 512
# KiB, a time taken in the future; the same image twice is a conflict (exit 4). The database
# refuses such images itself when the terminal and the server are bypassed.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=persons_lib.bash
. "$(dirname "$0")/persons_lib.bash"
stack_up
new_case a
crime_details_now "$T/cd.json"
run term a crime-details record "$number" "$T/cd.json"
assert_eq 0 "$RC" "the crime details name a victim"
run term a crime-details show "$number" --json
pid=$(json_get "$OUT" '{details,victims,0,person,person_id}')
[ -n "$pid" ] || fail "no person_id for the victim"
log "the victim is person $pid"

photo() { # photo FILE [ARGS...]: add FILE as a photo of person $pid at station A
	local f=$1
	shift
	run term a person photo add "$pid" "$f" "${PHOTO_OFFICER[@]}" "$@"
}

photo "$PHOTOS/person-200x250.jpg" --taken-at "$(date -Iseconds -d '-2 days')"
assert_eq 0 "$RC" "a JPEG is added"
assert_match "$OUT" "^Photo 1 of person $pid added: JPEG, 200 x 250 pixels, 2,768 bytes$" \
	"... as photo 1, its type and size read from the image"
photo "$PHOTOS/person-64x64.png"
assert_eq 0 "$RC" "a PNG of 64 x 64 pixels is added"
assert_match "$OUT" "^Photo 2 of person $pid added: PNG, 64 x 64 pixels" "... as photo 2"
photo "$PHOTOS/progressive-120x160.jpg" --json
assert_eq 0 "$RC" "a progressive JPEG is added"
assert_match "$OUT" '"photo_no": 3' "... as photo 3 (--json)"
assert_match "$OUT" '"width": 120' "... 120 pixels wide"

key=$(openssl rand -hex 16)
photo "$PHOTOS/wide-9000x64.png" --key "$key"
assert_eq 3 "$RC" "an image 9000 pixels wide is refused"
assert_contains "$OUT" "wide-9000x64.png: data: is 9000 x 64 pixels" "... naming the file, the field and the size"
photo "$PHOTOS/small-32x32.png"
assert_eq 3 "$RC" "an image 32 pixels wide is refused"
assert_contains "$OUT" "64 to 8000 pixels" "... saying the limits"
printf 'This is not a photograph.\n' >"$T/notes.jpg"
photo "$T/notes.jpg"
assert_eq 3 "$RC" "a text file named .jpg is refused"
assert_contains "$OUT" "is neither a JPEG nor a PNG image" "... as not an image"
head -c 40 "$PHOTOS/person-200x250.jpg" >"$T/cut.jpg"
photo "$T/cut.jpg"
assert_eq 3 "$RC" "a JPEG cut short before its frame header is refused"
assert_contains "$OUT" "damaged JPEG" "... as damaged"
cp "$PHOTOS/person-64x64.png" "$T/crc.png"
printf '\x01' | dd of="$T/crc.png" bs=1 seek=19 conv=notrunc status=none
photo "$T/crc.png"
assert_eq 3 "$RC" "a PNG whose header checksum does not match is refused"
assert_contains "$OUT" "checksum" "... naming the checksum"
{ cat "$PHOTOS/person-200x250.jpg"; head -c 530000 /dev/zero; } >"$T/big.jpg"
photo "$T/big.jpg"
assert_eq 3 "$RC" "a file over 512 KiB is refused"
assert_contains "$OUT" "a photo may be at most 524288 bytes (512 KiB)" "... saying the limit"
photo "$PHOTOS/person-200x250.jpg"
assert_eq 4 "$RC" "the same image again is a conflict (exit 4)"
assert_contains "$OUT" "already photo 1 of person $pid" "... naming the photo it is"
cp "$PHOTOS/person-64x64.png" "$T/later.png"
printf 'x' >>"$T/later.png"
photo "$T/later.png" --taken-at "$(date -Iseconds -d '+1 hour')"
assert_eq 3 "$RC" "a photo taken in the future is refused"
assert_contains "$OUT" "taken_at" "... naming taken_at"
run term a person photo add "$pid" "$PHOTOS/person-64x64.png"
assert_eq 2 "$RC" "a photo without its officer is a usage error"
run term a person photo add 999999999 "$T/later.png" "${PHOTO_OFFICER[@]}"
assert_eq 6 "$RC" "a photo of a person not in the records: exit 6"
assert_eq 3 "$(sql 'SELECT count(*) FROM core.person_photo')" "only the three good photos are stored"

# The person's record lists them; any station of the state reads them.
run term b person show "$pid"
assert_eq 0 "$RC" "station B reads the person"
assert_match "$OUT" '^   Photo 1 +JPEG, 200 x 250 pixels, 2,768 bytes$' "... photo 1"
assert_match "$OUT" '^   Photo 3 +JPEG, 120 x 160 pixels' "... and photo 3"
assert_match "$OUT" '^ +taken [0-9/]+ [0-9:]+ IST$' "... with when it was taken"
run term b person photo get "$pid" 1 --out "$T/got.jpg"
assert_eq 0 "$RC" "photo get exits 0"
assert_contains "$OUT" "written to $T/got.jpg: JPEG, 200 x 250 pixels" "... saying what it wrote"
cmp -s "$T/got.jpg" "$PHOTOS/person-200x250.jpg" || fail "the saved photo is not the one sent"
ok "the saved photo is the image sent, byte for byte"
run term a person photo get "$pid" 2 --out "$T/got.png" --json
assert_eq 0 "$RC" "photo get --json --out exits 0"
assert_match "$OUT" '"data": "iVBORw0KGgo' "... printing the image in base64"
cmp -s "$T/got.png" "$PHOTOS/person-64x64.png" || fail "the saved PNG is not the one sent"
ok "... and saving it"
run term a person photo get "$pid" 9 --out "$T/none.jpg"
assert_eq 6 "$RC" "a photo number not given out is not found (exit 6)"
[ ! -e "$T/none.jpg" ] || fail "a file was written for a missing photo"
run term a person photo get "$pid" 1
assert_eq 2 "$RC" "photo get without --out is a usage error"

# The database is the last line, for the api and for the table.
photo_in_psql() { # photo_in_psql MIME FILE
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" -v m="$1" -v d="$(base64 -w0 "$2")" -v p="$pid" <<SQL
SELECT photo FROM api.add_person_photo($A_STATE, $A_DISTRICT, $A_STATION, decode('$(openssl rand -hex 16)', 'hex'),
	jsonb_build_object('person_id', :'p'::bigint, 'mime', :'m', 'data', :'d',
		'officer', '{"number": "UP-20211", "name": "Meena Verma", "rank": "SI"}'::jsonb));
SQL
}
run photo_in_psql image/jpeg "$T/notes.jpg"
[ "$RC" -ne 0 ] || fail "api.add_person_photo stored a text file"
assert_contains "$OUT" "neither a JPEG nor a PNG" "the database refuses what is not an image"
run photo_in_psql image/png "$PHOTOS/small-32x32.png"
[ "$RC" -ne 0 ] || fail "api.add_person_photo stored a 32 x 32 image"
assert_contains "$OUT" "32 x 32 pixels" "... and an image too small"
run psql -X -q -At -d "$CCTNS_DB" -v p="$pid" -v d="$(xxd -p "$T/notes.jpg" | tr -d '\n')" <<'SQL'
INSERT INTO core.person_photo (state_code, year, person_id, photo_no, mime, data, width, height,
	district_code, station_code, officer_number, officer_name, officer_rank)
SELECT state_code, year, person_id, 9, 'image/jpeg', decode(:'d', 'hex'), 64, 64, 118, 1001, 'X', 'X', 'SI'
FROM core.person WHERE person_id = :'p'::bigint;
SQL
assert_contains "$OUT" "person_photo_magic" "the table refuses it whoever writes"
assert_eq 3 "$(sql 'SELECT count(*) FROM core.person_photo')" "still three photos"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

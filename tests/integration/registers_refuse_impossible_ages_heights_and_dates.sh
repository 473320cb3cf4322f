#!/usr/bin/env bash
# registers_refuse_impossible_ages_heights_and_dates: the missing persons, unnatural death and
# vehicle registers refuse, with exit 3 naming the field, ages outside 0..120 (stated,
# apparent, or from a date of birth), heights outside 30..250 cm, a birth after the person went
# missing, times in the future, and times out of order (reported before going missing, an
# inquest before the body was found, a post-mortem before it, a model year after next year).
# Nothing refused is stored, and the table refuses such rows from any writer too.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
MP=$SRC/deploy/samples/missing-person.json
CHILD=$SRC/deploy/samples/missing-child.json
UD=$SRC/deploy/samples/ud.json
VEHICLE=$SRC/deploy/samples/vehicle-stolen.json
tomorrow=$(date -d '+1 day' -Iseconds)

# refused CMD SAMPLE SED_SCRIPT FIELD WHAT: the sample changed by the script is refused by
# "cctns CMD" with exit 3 naming FIELD.
refused() {
	local cmd=$1 sample=$2 script=$3 field=$4 what=$5
	sed -e "$script" "$sample" >"$T/bad.json"
	cmp -s "$sample" "$T/bad.json" && fail "$what: the test document is unchanged"
	# shellcheck disable=SC2086 # two words: group and verb
	run term a $cmd "$T/bad.json"
	assert_eq 3 "$RC" "$what: exit 3"
	assert_contains "$OUT" "bad.json: $field:" "... naming $field"
}

refused "missing register" "$MP" 's/"age_years": 67/"age_years": 121/' age_years \
	"a stated age of 121"
refused "missing register" "$MP" 's/"height_cm": 165/"height_cm": 251/' \
	descriptive_roll.height_cm "a missing person 251 cm tall"
refused "missing register" "$MP" 's/"height_cm": 165/"height_cm": 29/' \
	descriptive_roll.height_cm "a missing person 29 cm tall"
refused "missing register" "$MP" 's/"gender": "male",/"gender": "male", "date_of_birth": "1959-05-01",/' \
	age_years "a stated age with a date of birth"
refused "missing register" "$CHILD" 's/"date_of_birth": "2014-05-10"/"date_of_birth": "1900-01-02"/' \
	person.date_of_birth "a date of birth making the person 126"
refused "missing register" "$CHILD" 's/"date_of_birth": "2014-05-10"/"date_of_birth": "2026-11-28"/; s/"missing_since": "2026-11-28T16:30:00+05:30"/"missing_since": "2026-11-27T16:30:00+05:30"/' \
	person.date_of_birth "born after going missing"
refused "missing register" "$MP" "s/\"missing_since\": \"2026-11-27T07:00:00+05:30\"/\"missing_since\": \"$tomorrow\"/" \
	missing_since "missing since tomorrow"
refused "missing register" "$MP" 's/"reported_at": "2026-11-27T14:30:00+05:30"/"reported_at": "2026-11-27T06:30:00+05:30"/' \
	reported_at "reported half an hour before going missing"

refused "ud register" "$UD" 's/"apparent_age_to": 45/"apparent_age_to": 121/' apparent_age_to \
	"an apparent age of 121"
refused "ud register" "$UD" 's/"apparent_age_from": 35/"apparent_age_from": 50/' apparent_age_from \
	"apparent ages from 50 to 45"
refused "ud register" "$UD" 's/"height_cm": 168/"height_cm": 25/' height_cm "a body 25 cm tall"
refused "ud register" "$UD" 's/"height_cm": 168/"height_cm": 260/' height_cm "a body 260 cm tall"
refused "ud register" "$UD" "s/\"found_at\": \"2026-11-28T06:40:00+05:30\"/\"found_at\": \"$tomorrow\"/" \
	found_at "a body found tomorrow"
refused "ud register" "$UD" 's/"inquest_at": "2026-11-28T09:30:00+05:30"/"inquest_at": "2026-11-28T05:30:00+05:30"/' \
	inquest_at "an inquest before the body was found"
refused "ud register" "$UD" 's/"date": "2026-11-28"/"date": "2026-11-27"/' post_mortem.date \
	"a post-mortem the day before the body was found"
refused "ud register" "$UD" 's/"post_mortem": {/"fir_number": "1\/'"$YEAR"'", "post_mortem": {/' fir_number \
	"a UD quoting an FIR the station does not have"

refused "vehicle report" "$VEHICLE" "s/\"at\": \"2026-11-26T19:45:00+05:30\"/\"at\": \"$tomorrow\"/" \
	at "a vehicle stolen tomorrow"
refused "vehicle report" "$VEHICLE" 's/"model_year": 2021/"model_year": 2099/' model_year \
	"a model year of 2099"

assert_eq 0 "$(sql 'SELECT (SELECT count(*) FROM core.missing_person) + (SELECT count(*) FROM core.unnatural_death)
	+ (SELECT count(*) FROM core.vehicle_report)')" "nothing was stored"
assert_eq 0 "$(sql "SELECT count(*) FROM core.gd_entry")" "no diary entry either"

# The tables refuse them from any writer: a stored report copied with an impossible value.
run term a ud register "$UD"
assert_eq 0 "$RC" "the sample body is registered"
copy_ud() {
	sql "INSERT INTO core.unnatural_death (state_code, year, ud_id, district_code, station_code, ud_no,
		gd_date, gd_no, idempotency_key, content_sha256, kind, found_at, apparent_cause, deceased,
		apparent_age_from, apparent_age_to, height_cm, inquest_at, officer_number, officer_name,
		officer_rank)
		SELECT state_code, year, nextval('core.unnatural_death_id_seq'), district_code, station_code, 99,
		gd_date, gd_no, idempotency_key, content_sha256, kind, $1, apparent_cause, deceased,
		$2, $3, $4, NULL, officer_number, officer_name, officer_rank
		FROM core.unnatural_death WHERE ud_no = 1"
}
run copy_ud found_at 50 40 height_cm
assert_eq 1 "$RC" "the table refuses apparent ages in the wrong order"
assert_contains "$OUT" "ud_ages_in_order" "... by its CHECK"
run copy_ud found_at apparent_age_from 130 height_cm
assert_eq 1 "$RC" "the table refuses an apparent age of 130"
run copy_ud found_at apparent_age_from apparent_age_to 251
assert_eq 1 "$RC" "the table refuses a height of 251 cm"
run copy_ud "now() + interval '1 day'" apparent_age_from apparent_age_to height_cm
assert_eq 1 "$RC" "the table refuses a body found tomorrow"
assert_contains "$OUT" "ud_found_not_in_future" "... by its CHECK"
run copy_ud found_at apparent_age_from apparent_age_to height_cm
assert_eq 0 "$RC" "the same copy with the stored values is taken (the refusals were the values)"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

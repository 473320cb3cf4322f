# persons_lib.bash: what the persons and crime details tests share, sourced after lib.sh (not a
# test itself: the harness runs *.sh only).
# shellcheck shell=bash
# The variables set here are used by the tests that source this file.
# shellcheck disable=SC2034

CD_SAMPLE=$SRC/deploy/samples/crime-details.json
PHOTOS=$SRC/tests/integration/photos
# The officer who adds photos in these tests.
PHOTO_OFFICER=(--officer-number UP-20211 --officer-name "Meena Verma" --officer-rank SI)

# json_get JSON PATH: the value at PATH (a Postgres text[] like {details,victims,0}) of JSON.
json_get() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$CCTNS_DB" -v j="$1" -v p="$2" <<'SQL'
SELECT (:'j'::jsonb) #>> (:'p')::text[];
SQL
}

# new_case TERMINAL: register the sample FIR at TERMINAL; its number in $number. Waits a second,
# so that times stated in whole seconds come after the registration.
new_case() {
	run term "$1" fir register "$SAMPLE"
	assert_eq 0 "$RC" "station $1 registers the FIR"
	number=$(fir_number "$OUT")
	sleep 1
}

# crime_details_now FILE [SED]: the sample crime details with the panchnama now (and SED
# applied), into FILE.
crime_details_now() {
	sed -e "s/\"2026-11-29T11:30:00+05:30\"/\"$(date -Iseconds)\"/" -e "${2:-}" "$CD_SAMPLE" >"$1"
}

#!/usr/bin/env bash
# ops_partitions_over_time: `cctns-admin partitions ensure` makes every case table's partition of
# next year for every state served, once (a second run makes none), and the partition takes
# rows (an owner INSERT dated next year: the API refuses future dates); `partitions list` shows
# the years with their FIRs; `partitions detach` refuses a year with open cases, refuses the
# current year, and with --force detaches every partition of a past year, archives them with
# pg_dump, verifies the archive, keeps the tables until --drop; the archive restores into a
# fresh database with every row; `cctns-admin status` warns when next year's partitions are
# missing after 1 November.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up
admin() { "$BIN/cctns-admin" --db "$CCTNS_DB" "$@"; }
tables=$(sql "SELECT count(*) FROM core.partitioned_table")

run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "an FIR registered this year"
year=$(fir_number "$OUT")
year=${year#*/}
next=$((year + 1))

assert_eq 1 "$(sql "SELECT core.partitions_missing($next)")" "next year's partitions are missing at first"
run "$BIN/cctns-admin" --db "$CCTNS_DB" status --http "127.0.0.1:$HTTP_PORT" --json
if [ "$(TZ=Asia/Kolkata date +%m%d)" -ge 1101 ]; then
	assert_contains "$OUT" "\"name\":\"partitions\",\"status\":\"warning\",\"detail\":\"1 of 1 states lack $next's partitions" \
		"after 1 November cctns-admin status warns that next year's partitions are missing"
else
	assert_contains "$OUT" "\"name\":\"partitions\",\"status\":\"ok\"" "before 1 November status does not warn yet"
fi

run admin partitions ensure
assert_eq 0 "$RC" "partitions ensure exits 0"
assert_contains "$OUT" "state 9    year $next: $tables partitions created" \
	"... made next year ($next) by default: one partition per case table"
run admin partitions ensure
assert_contains "$OUT" "state 9    year $next: 0 partitions created" "a second run creates nothing (idempotent)"
assert_eq "$tables" "$(sql "SELECT count(*) FROM core.partition_year WHERE year = $next AND attached")" \
	"every case table has its partition of $next"
assert_eq 0 "$(sql "SELECT core.partitions_missing($next)")" "core.partitions_missing($next) is 0"
run "$BIN/cctns-admin" --db "$CCTNS_DB" status --http "127.0.0.1:$HTTP_PORT" --json
assert_contains "$OUT" "\"name\":\"partitions\",\"status\":\"ok\"" "status: partitions ok"

# The partition takes rows: a copy of today's FIR and its General Diary entry, every date and
# time a year later, inserted by the owner.
sql "DO \$\$
DECLARE cols text; c record; t text;
BEGIN
	CREATE TEMP TABLE nx_gd_entry AS SELECT g.* FROM core.gd_entry g JOIN core.fir f
		ON f.state_code = g.state_code AND f.year = g.year AND f.gd_date = g.gd_date AND f.gd_no = g.gd_no
		AND f.station_code = g.station_code LIMIT 1;
	CREATE TEMP TABLE nx_fir AS SELECT * FROM core.fir LIMIT 1;
	UPDATE nx_fir SET fir_id = nextval('core.fir_id_seq'), fir_no = 9001,
		idempotency_key = decode(md5('ops-next'), 'hex');
	FOREACH t IN ARRAY ARRAY['gd_entry', 'fir'] LOOP
		EXECUTE format('UPDATE %I SET year = year + 1', 'nx_' || t);
		FOR c IN SELECT a.attname, a.atttypid FROM pg_attribute a
			WHERE a.attrelid = ('nx_' || t)::regclass AND NOT a.attisdropped
			AND a.atttypid IN ('timestamptz'::regtype, 'date'::regtype) LOOP
			EXECUTE format('UPDATE %I SET %I = (%I + interval ''1 year'')::%s', 'nx_' || t,
				c.attname, c.attname, c.atttypid::regtype);
		END LOOP;
		SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols FROM pg_attribute a
		WHERE a.attrelid = ('core.' || t)::regclass AND a.attnum > 0 AND NOT a.attisdropped
			AND a.attgenerated = '';
		EXECUTE format('INSERT INTO core.%I (%s) SELECT %s FROM %I', t, cols, cols, 'nx_' || t);
	END LOOP;
END \$\$"
assert_eq 1 "$(sql "SELECT count(*) FROM core.fir_9_$next")" "an FIR dated $next lands in core.fir_9_$next"

# A past year with three open cases (registered before the General Diary existed, as legacy
# records are), made by the owner.
run admin partitions ensure --year 2020
assert_contains "$OUT" "partitions of 2020: 1 states" "partitions ensure --year 2020"
for n in 1 2 3; do
	sql "INSERT INTO core.fir (state_code, year, district_code, station_code, fir_no, registered_at,
		occurred_from, information_received_at, information_type, brief_facts, idempotency_key,
		content_sha256)
	VALUES (9, 2020, $A_DISTRICT, $A_STATION, $n, '2020-03-0$n 10:00+05:30', '2020-03-01 08:00+05:30',
		'2020-03-01 09:00+05:30', 'oral', 'legacy record $n', decode(md5('legacy-$n'), 'hex'),
		decode(md5('a') || md5('b'), 'hex'))" >/dev/null
done
run admin partitions list --exact
assert_eq 0 "$RC" "partitions list exits 0"
assert_match "$OUT" "^2020 +1 +$tables +0 +3 +3 " "list: 2020 has $tables partitions, 3 FIRs"
assert_match "$OUT" "^$year +1 +$tables +0 +1 " "list: $year has its FIR"
assert_match "$OUT" "^$next +1 +$tables +0 +1 " "list: $next has the FIR inserted by the owner"

ARCHIVE=$T/cctns-2020.dump
run admin partitions detach 2020 --archive "$ARCHIVE"
assert_eq 1 "$RC" "detach refuses a year with open cases"
assert_contains "$OUT" "3 case(s) of 2020 are still open" "... saying how many"
assert_eq 3 "$(sql "SELECT count(*) FROM core.fir WHERE year = 2020")" "... and detaches nothing"
run admin partitions detach "$year" --archive "$ARCHIVE" --force
assert_eq 1 "$RC" "detach refuses the current year even with --force"
run admin partitions detach 1999 --archive "$ARCHIVE"
assert_eq 2 "$RC" "detach refuses a year out of range (usage, exit 2)"

run admin partitions detach 2020 --archive "$ARCHIVE" --force
assert_eq 0 "$RC" "detach --force exits 0"
assert_contains "$OUT" "detached $tables partitions of 2020" "... detached every partition of 2020"
assert_contains "$OUT" "verified with pg_restore --list" "... archived and verified"
assert_contains "$OUT" "detached tables kept" "... kept the tables without --drop"
assert_eq 0 "$(sql "SELECT count(*) FROM core.fir WHERE year = 2020")" "2020's FIRs are out of core.fir"
assert_eq 2 "$(sql "SELECT count(*) FROM core.fir")" "this year's and next year's FIRs are still there"
assert_eq 3 "$(sql "SELECT count(*) FROM core.fir_9_2020")" "the detached table still holds the 3 rows"
run admin partitions list
assert_match "$OUT" "^2020 +1 +$tables +$tables " "list shows 2020 as detached"
[ -s "$ARCHIVE" ] || fail "no archive written"

run admin partitions detach 2020 --archive "$ARCHIVE" --force --drop
assert_eq 0 "$RC" "detach again with --drop"
assert_contains "$OUT" "dropped $tables tables of 2020" "... drops the detached tables after archiving again"
assert_eq "" "$(sql "SELECT to_regclass('core.fir_9_2020')")" "core.fir_9_2020 is gone"
run admin partitions list
assert_not_contains "$OUT" "2020 " "list no longer shows 2020"

# The archive restores into a fresh database (migrated, as any CCTNS database) with every row.
psql -X -q -h "$CCTNS_PGHOST" -U postgres -d postgres -c "CREATE DATABASE cctns_restore OWNER cctns_owner"
RESTORE_DB="host=$CCTNS_PGHOST port=5432 dbname=cctns_restore user=cctns_owner"
"$BIN/cctns-admin" --db "$RESTORE_DB" migrate >/dev/null
run pg_restore --no-owner --exit-on-error -d "$RESTORE_DB" "$ARCHIVE"
assert_eq 0 "$RC" "pg_restore of the archive into a fresh database"
assert_eq 3 "$(psql -X -At -d "$RESTORE_DB" -c "SELECT count(*) FROM core.fir_9_2020")" \
	"the restored core.fir_9_2020 has the 3 FIRs"
assert_eq "legacy record 1|legacy record 2|legacy record 3" \
	"$(psql -X -At -d "$RESTORE_DB" -c "SELECT string_agg(brief_facts, '|' ORDER BY fir_no) FROM core.fir_9_2020")" \
	"... with their content"

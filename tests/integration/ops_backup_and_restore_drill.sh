#!/usr/bin/env bash
# ops_backup_and_restore_drill: with WAL archiving on (deploy/backup/archiving.conf), deploy/backup-now
# takes a verified base backup and records it for `cctns-admin status`; FIRs registered after it
# are in the archived WAL only; deploy/restore-drill restores the latest backup into a fresh
# cluster on a spare port, replays the archive to its end, and finds every count equal to the
# source (the later FIRs included). With an archived segment lost, the drill reports the
# difference and exits non-zero.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

# The repository must be writable, and archive-wal readable, by the cluster's OS user
# (archive_command runs as it): as root the checkout may be where it cannot look (/root), so the
# script is installed beside the repository, as a deployment installs it in /usr/local/lib/cctns.
if [ "$(id -u)" -eq 0 ]; then
	BK=$(mktemp -d /tmp/cctns-itest-backup.XXXXXX)
	chown postgres: "$BK"
	ARCHIVE_WAL=$BK.bin/archive-wal
	install -D -m 0755 "$SRC/deploy/backup/archive-wal" "$ARCHIVE_WAL"
	chmod 0755 "$BK.bin"
else
	BK=$T/backup
	mkdir -p "$BK"
	ARCHIVE_WAL=$SRC/deploy/backup/archive-wal
fi
PGDATA_DIR=$(readlink -f "$T/pg")/data
as_cluster() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sed -e "s#/usr/local/lib/cctns/archive-wal#$ARCHIVE_WAL#" \
	-e "s#/var/lib/cctns/backup#$BK#" "$SRC/deploy/backup/archiving.conf" |
	as_cluster tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null
# No timed segment switch: the lost-segment check below must know which segment holds which FIRs
# (a switch after 60 s of a slow run would split FIRs 6 and 7 over two segments).
echo "archive_timeout = 0" | as_cluster tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null
echo "local replication all trust" | as_cluster tee -a "$PGDATA_DIR/pg_hba.conf" >/dev/null
"$PGCTL" --dir "$T/pg" stop >/dev/null
"$PGCTL" --dir "$T/pg" start >/dev/null
assert_eq on "$(sql "SHOW archive_mode")" "WAL archiving is on"
export BACKUP_DIR=$BK PGHOST=$CCTNS_PGHOST PGPORT=5432 PGUSER=postgres PGDATABASE=cctns

for i in 1 2; do
	run term a fir register "$SAMPLE"
	assert_eq 0 "$RC" "FIR $i registered before the backup"
done

run "$SRC/deploy/backup-now"
assert_eq 0 "$RC" "backup-now exits 0"
assert_match "$OUT" "^backup-now: [0-9]{8}T[0-9]{6}Z verified" "... and says the backup was verified"
label=$(ls "$BK/base")
[ -f "$BK/base/$label/backup_manifest" ] || fail "no backup_manifest in the backup"
assert_match "$(cat "$BK/LAST")" "^[0-9]+ $label\$" "LAST records the backup for cctns-admin status"
run "$BIN/cctns-admin" --db "$CCTNS_DB" status --backup-dir "$BK" --http "127.0.0.1:$HTTP_PORT" --json
assert_contains "$OUT" "\"name\":\"backup\",\"status\":\"ok\",\"detail\":\"last backup $label" \
	"cctns-admin status shows the backup"

for i in 3 4 5; do
	run term a fir register "$SAMPLE"
	assert_eq 0 "$RC" "FIR $i registered after the backup"
done
assert_eq 5 "$(sql "SELECT count(*) FROM core.fir")" "five FIRs at the source"

run "$SRC/deploy/restore-drill" --port 5499
assert_eq 0 "$RC" "the restore drill passes"
assert_match "$OUT" "^core\.fir +5 +5  ok$" "... core.fir: 5 at the source, 5 restored (3 from the archived WAL)"
assert_match "$OUT" "^audit\.log +[0-9]+ +[0-9]+  ok$" "... the audit log compared too"
assert_match "$OUT" "^verdict: OK: [0-9]+ tables match" "... verdict OK"
assert_not_contains "$OUT" "MISMATCH" "... no table differs"
[ -z "$(find "$BK" -maxdepth 1 -name 'drill.*')" ] || fail "the drill cluster was not removed"
ok "the drill cluster is removed afterwards"

# An archived segment lost: FIRs 6 and 7 are only in it, FIR 8 comes after it.
run term a fir register "$SAMPLE"
run term a fir register "$SAMPLE"
seg=$(psql -X -q -At -h "$CCTNS_PGHOST" -U postgres -d cctns -c "SELECT pg_walfile_name(pg_switch_wal())")
for _ in $(seq 100); do [ -f "$BK/wal/$seg" ] && break; sleep 0.1; done
[ -f "$BK/wal/$seg" ] || fail "segment $seg not archived"
as_cluster rm -f "$BK/wal/$seg"
run term a fir register "$SAMPLE"
assert_eq 0 "$RC" "FIR 8 registered after the lost segment"
run "$SRC/deploy/restore-drill" --port 5499
assert_eq 1 "$RC" "with an archived segment lost the drill fails (exit 1)"
assert_match "$OUT" "^core\.fir +8 +5  MISMATCH$" "... naming core.fir: 8 at the source, 5 restored (recovery stops at the gap)"
assert_match "$OUT" "^verdict: FAILED" "... verdict FAILED"

# Stop archiving into the repository before removing it.
server_stop || true
"$PGCTL" --dir "$T/pg" stop >/dev/null
[ "$(id -u)" -ne 0 ] || rm -rf "$BK" "$BK.bin"

# backup-lib.sh: what deploy/backup-now and deploy/restore-drill share: reading
# backup.conf, running PostgreSQL's programs as the cluster's OS user, and stopping with a
# message. Sourced, not run.
# shellcheck shell=bash

die() {
	echo "${0##*/}: $*" >&2
	exit 1
}

# backup_load_config ARGS...: --config FILE (and --help) from ARGS; the file's settings,
# then the environment's, then the defaults. Leaves the other arguments in REST.
backup_load_config() {
	local config="" saved=()
	REST=()
	while [ $# -gt 0 ]; do
		case $1 in
		--config)
			[ $# -ge 2 ] || die "--config needs a file"
			config=$2
			shift 2
			;;
		-h | --help)
			usage
			exit 0
			;;
		*)
			REST+=("$1")
			shift
			;;
		esac
	done
	[ -n "$config" ] || [ ! -f /etc/cctns/backup.conf ] || config=/etc/cctns/backup.conf
	# The environment wins over the file: remember it before sourcing.
	local v
	for v in BACKUP_DIR PGHOST PGPORT PGUSER PGDATABASE KEEP PGBIN; do
		saved+=("$v=${!v-}")
	done
	if [ -n "$config" ]; then
		[ -r "$config" ] || die "cannot read $config"
		# shellcheck disable=SC1090
		. "$config"
	fi
	local kv
	for kv in "${saved[@]}"; do
		[ -z "${kv#*=}" ] || printf -v "${kv%%=*}" '%s' "${kv#*=}"
	done
	BACKUP_DIR=${BACKUP_DIR:-/var/lib/cctns/backup}
	PGHOST=${PGHOST:-/var/run/postgresql}
	PGPORT=${PGPORT:-5432}
	PGUSER=${PGUSER:-postgres}
	PGDATABASE=${PGDATABASE:-cctns}
	KEEP=${KEEP:-7}
	PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
	[[ $KEEP =~ ^[1-9][0-9]*$ ]] || die "KEEP must be a positive number, not '$KEEP'"
	[ -x "$PGBIN/pg_basebackup" ] || die "no PostgreSQL programs in $PGBIN"
	export PGHOST PGPORT PGUSER PGDATABASE
}

# as_pg CMD...: CMD as the postgres OS user when run as root (files in the repository and the
# drill's cluster belong to it), else as ourselves; from / so the cwd does not matter.
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		(cd / && "$@")
	fi
}

# psql_at CONNARGS... -c SQL: one value or rows, unaligned, no psqlrc.
psql_at() {
	as_pg "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"
}

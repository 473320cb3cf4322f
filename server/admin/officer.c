/* officer.c (signin): `cctns-admin officer add|passwd|unlock|roles|otp`:
 * the officers who sign in at terminals (core.officer, 0028_officers.sql).
 *
 * Passwords are hashed here with Argon2id (Debian's libargon2), t=2,
 * m=19 MiB, p=1: the OWASP minimum for Argon2id, memory-hard so a stolen
 * table costs an attacker 19 MiB per guess, and about 30-60 ms of one core
 * per verification, which the server's two worker threads can afford for
 * a station's sign-ins (tens per second) without letting a flood of
 * sign-ins take the event loop or the machine. The parameters are stored
 * in each verifier, so they can be raised later without a migration.
 * The password itself is read from a file or the terminal (without echo),
 * never from the command line, and is wiped after hashing. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "../totp.h"
#include "admin.h"
#include "audit_note.h"
#include "db.h"
#include "util.h"

#define T_COST   2
#define M_COST   (19 * 1024) /* KiB */
#define P_COST   1
#define PASS_MIN 8
#define PASS_MAX 1024

static const char officer_help[] =
        "usage: cctns-admin [--db CONNINFO] officer add --state S "
        "--officer-no N --name NAME --rank R\n"
        "           (--station D/C | --district D | --state-level) "
        "--role R[,R...] [--password-file F]\n"
        "       cctns-admin officer passwd --state S --officer-no N "
        "[--password-file F]\n"
        "       cctns-admin officer unlock --state S --officer-no N\n"
        "       cctns-admin officer roles --state S --officer-no N "
        "[--role R[,R...]]\n"
        "       cctns-admin officer otp --state S --officer-no N "
        "(--enable | --disable)\n"
        "\n"
        "Officers sign in at terminals (cctns login) with their number and "
        "password on\n"
        "top of the station certificate. The password is read from F (first "
        "line) or\n"
        "asked on the terminal without echo; it is stored only as an "
        "Argon2id verifier.\n"
        "Roles (ref.role): station_writer, investigating_officer, "
        "station_house_officer\n"
        "(posted at a station), dcrb (a district), scrb, sdc_operator, "
        "analyst,\n"
        "external_department (the state). `roles` lists the roles and "
        "permissions, or\n"
        "with --role replaces the roles. `unlock` ends a lock after failed "
        "sign-ins.\n"
        "`otp --enable` makes a one-time code secret and prints it once "
        "(base32) for an\n"
        "authenticator app (TOTP, SHA-1, 6 digits, 30 s).\n"
        "\n"
        "Examples:\n"
        "  cctns-admin officer add --state 9 --officer-no UP1234 --name "
        "\"R. Singh\" \\\n"
        "      --rank \"Head Constable\" --station 118/1001 --role "
        "station_writer --password-file pw.txt\n"
        "  cctns-admin officer unlock --state 9 --officer-no UP1234\n";

struct officer_args {
	const char *db, *state, *officer_no, *name, *rank, *station, *district,
	        *roles, *password_file;
	int state_level, enable, disable;
};

static int parse_args(const char *cmd, int argc, char **argv,
                      struct officer_args *a)
{
	static const struct option opts[] = {
	        {"state", required_argument, NULL, 's'},
	        {"officer-no", required_argument, NULL, 'o'},
	        {"name", required_argument, NULL, 'n'},
	        {"rank", required_argument, NULL, 'r'},
	        {"station", required_argument, NULL, 't'},
	        {"district", required_argument, NULL, 'd'},
	        {"state-level", no_argument, NULL, 'S'},
	        {"role", required_argument, NULL, 'R'},
	        {"password-file", required_argument, NULL, 'p'},
	        {"enable", no_argument, NULL, 'e'},
	        {"disable", no_argument, NULL, 'x'},
	        {"db", required_argument, NULL, 'D'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int opt;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			a->state = optarg;
			break;
		case 'o':
			a->officer_no = optarg;
			break;
		case 'n':
			a->name = optarg;
			break;
		case 'r':
			a->rank = optarg;
			break;
		case 't':
			a->station = optarg;
			break;
		case 'd':
			a->district = optarg;
			break;
		case 'S':
			a->state_level = 1;
			break;
		case 'R':
			a->roles = optarg;
			break;
		case 'p':
			a->password_file = optarg;
			break;
		case 'e':
			a->enable = 1;
			break;
		case 'x':
			a->disable = 1;
			break;
		case 'D':
			a->db = optarg;
			break;
		case 'h':
			fputs(officer_help, stdout);
			return 1;
		default:
			return admin_usage(cmd,
			                   "unknown or incomplete option %s",
			                   argv[optind - 1]);
		}
	}
	if (optind < argc)
		return admin_usage(cmd, "unexpected argument %s", argv[optind]);
	if (!a->state || !a->officer_no)
		return admin_usage(cmd, "--state and --officer-no are needed");
	return 0;
}

/* Read a password (first line of file, or the terminal without echo) into
 * buf. Returns its length or -1 (message printed). */
static long read_password(const char *file, const char *prompt, char *buf,
                          size_t bufsz)
{
	FILE *f = file ? fopen(file, "r") : fopen("/dev/tty", "r+");
	struct termios old, quiet;
	int tty = 0;
	size_t n;

	if (!f) {
		fprintf(stderr, "cctns-admin: officer: cannot open %s: %s\n",
		        file ? file : "the terminal (use --password-file)",
		        strerror(errno));
		return -1;
	}
	if (!file && tcgetattr(fileno(f), &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tty = tcsetattr(fileno(f), TCSAFLUSH, &quiet) == 0;
		fputs(prompt, f);
		fflush(f);
	}
	if (!fgets(buf, (int)bufsz, f))
		buf[0] = '\0';
	if (tty) {
		tcsetattr(fileno(f), TCSAFLUSH, &old);
		fputc('\n', f);
	}
	fclose(f);
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	if (n < PASS_MIN || n >= PASS_MAX) {
		fprintf(stderr,
		        "cctns-admin: officer: a password must be %d to %d "
		        "bytes\n",
		        PASS_MIN, PASS_MAX - 1);
		OPENSSL_cleanse(buf, bufsz);
		return -1;
	}
	return (long)n;
}

/* Argon2id verifier of a password read as above, into out. */
static int make_verifier(const char *file, char *out, size_t outsz)
{
	char pw[PASS_MAX + 2];
	uint8_t salt[16];
	long n = read_password(file, "Password: ", pw, sizeof(pw));
	int rc;

	if (n < 0)
		return -1;
	if (RAND_bytes(salt, sizeof(salt)) != 1) {
		OPENSSL_cleanse(pw, sizeof(pw));
		fprintf(stderr, "cctns-admin: officer: no randomness\n");
		return -1;
	}
	rc = argon2id_hash_encoded(T_COST, M_COST, P_COST, pw, (size_t)n, salt,
	                           sizeof(salt), 32, out, outsz);
	OPENSSL_cleanse(pw, sizeof(pw));
	if (rc != ARGON2_OK) {
		fprintf(stderr, "cctns-admin: officer: hashing failed: %s\n",
		        argon2_error_message(rc));
		return -1;
	}
	return 0;
}

/* Run sql; print what on failure. 0 when it touched a row (or returned
 * one), else -1 with "no officer" printed. */
static int exec_officer(PGconn *c, const char *what, const char *sql, int n,
                        const char *const *params, const struct officer_args *a)
{
	PGresult *res = db_exec(c, what, sql, n, params);
	int rc = -1;

	if (!res)
		return -1;
	if (PQntuples(res) > 0 || atoi(PQcmdTuples(res)) > 0)
		rc = 0;
	else
		fprintf(stderr, "cctns-admin: %s: no officer %s in state %s\n",
		        what, a->officer_no, a->state);
	PQclear(res);
	return rc;
}

/* Role codes not in ref.role, printed; 0 when all are known. */
static int check_roles(PGconn *c, const char *roles)
{
	const char *p[1] = {roles};
	PGresult *res = db_exec(
	        c, "officer",
	        "SELECT string_agg(r, ', ') FROM unnest(string_to_array($1, "
	        "',')) r WHERE r NOT IN (SELECT code FROM ref.role)",
	        1, p);
	int rc = 0;

	if (!res)
		return -1;
	if (!PQgetisnull(res, 0, 0)) {
		fprintf(stderr,
		        "cctns-admin: officer: unknown role %s; roles: "
		        "station_writer, investigating_officer, "
		        "station_house_officer, dcrb, scrb, sdc_operator, "
		        "analyst, external_department\n",
		        PQgetvalue(res, 0, 0));
		rc = -1;
	}
	PQclear(res);
	return rc;
}

static int officer_add(PGconn *c, struct officer_args *a)
{
	char verifier[256], district[16] = "", station[16] = "";
	const char *p[8];

	if (!a->name || !a->rank || !a->roles)
		return admin_usage("officer add",
		                   "--name, --rank and --role are needed");
	if (!!a->station + !!a->district + a->state_level != 1)
		return admin_usage("officer add",
		                   "give one of --station D/C, --district D, "
		                   "--state-level");
	if (a->station &&
	    sscanf(a->station, "%15[0-9]/%15[0-9]", district, station) != 2)
		return admin_usage("officer add",
		                   "--station must be DISTRICT/STATION codes, "
		                   "e.g. 118/1001");
	if (a->district)
		snprintf(district, sizeof(district), "%s", a->district);
	if (check_roles(c, a->roles) != 0 ||
	    make_verifier(a->password_file, verifier, sizeof(verifier)) != 0)
		return ADMIN_FAIL;
	p[0] = a->state;
	p[1] = a->officer_no;
	p[2] = a->name;
	p[3] = a->rank;
	p[4] = district[0] ? district : NULL;
	p[5] = station[0] ? station : NULL;
	p[6] = verifier;
	p[7] = a->roles;
	if (exec_officer(c, "officer add",
	                 "WITH o AS (INSERT INTO core.officer (state_code, "
	                 "officer_no, name, rank, district_code, station_code, "
	                 "password_hash) VALUES ($1::int, $2, $3, $4, $5::int, "
	                 "$6::int, $7) RETURNING id), r AS (INSERT INTO "
	                 "core.officer_role (officer, role) SELECT o.id, x "
	                 "FROM o, unnest(string_to_array($8, ',')) x), e AS "
	                 "(INSERT INTO core.officer_event (state_code, "
	                 "officer_no, officer, event) SELECT $1::int, $2, "
	                 "o.id, 'password_set' FROM o) SELECT id FROM o",
	                 8, p, a) != 0)
		return ADMIN_FAIL;
	printf("officer %s added (state %s, roles %s)\n", a->officer_no,
	       a->state, a->roles);
	return ADMIN_OK;
}

static int officer_passwd(PGconn *c, struct officer_args *a)
{
	char verifier[256];
	const char *p[3] = {a->state, a->officer_no, verifier};

	if (make_verifier(a->password_file, verifier, sizeof(verifier)) != 0 ||
	    exec_officer(
	            c, "officer passwd",
	            "WITH o AS (UPDATE core.officer SET password_hash = $3, "
	            "failed_attempts = 0, locked_until = NULL WHERE "
	            "state_code = $1::int AND officer_no = $2 RETURNING "
	            "id), s AS (UPDATE core.officer_session SET ended_at "
	            "= now() WHERE officer IN (SELECT id FROM o) AND "
	            "ended_at IS NULL), e AS (INSERT INTO "
	            "core.officer_event (state_code, officer_no, officer, "
	            "event) SELECT $1::int, $2, id, 'password_set' FROM o) "
	            "SELECT id FROM o",
	            3, p, a) != 0)
		return ADMIN_FAIL;
	printf("password of officer %s changed; open sessions ended\n",
	       a->officer_no);
	return ADMIN_OK;
}

/* trust: the unlock and its audit record (a chain of its own) commit
 * together. */
static int officer_unlock(PGconn *c, struct officer_args *a)
{
	const char *p[2] = {a->state, a->officer_no};
	char record[64];
	PGresult *res;

	res = db_exec(c, "officer unlock", "BEGIN", 0, NULL);
	if (!res)
		return ADMIN_FAIL;
	PQclear(res);
	snprintf(record, sizeof(record), "officer:%s", a->officer_no);
	if (exec_officer(
	            c, "officer unlock",
	            "WITH o AS (UPDATE core.officer SET failed_attempts = "
	            "0, locked_until = NULL WHERE state_code = $1::int AND "
	            "officer_no = $2 RETURNING id), e AS (INSERT INTO "
	            "core.officer_event (state_code, officer_no, officer, "
	            "event) SELECT $1::int, $2, id, 'unlocked' FROM o) "
	            "SELECT id FROM o",
	            2, p, a) != 0 ||
	    audit_note(c, (uint32_t)atoi(a->state), "officer_unlock", record) !=
	            0 ||
	    !(res = db_exec(c, "officer unlock", "COMMIT", 0, NULL)))
		return ADMIN_FAIL; /* the connection ends: rolled back */
	PQclear(res);
	printf("officer %s unlocked\n", a->officer_no);
	return ADMIN_OK;
}

static int officer_roles(PGconn *c, struct officer_args *a)
{
	const char *p[3] = {a->state, a->officer_no, a->roles};
	PGresult *res;

	if (a->roles &&
	    (check_roles(c, a->roles) != 0 ||
	     exec_officer(c, "officer roles",
	                  "WITH o AS (SELECT id FROM core.officer WHERE "
	                  "state_code = $1::int AND officer_no = $2), d AS "
	                  "(DELETE FROM core.officer_role WHERE officer IN "
	                  "(SELECT id FROM o)), i AS (INSERT INTO "
	                  "core.officer_role (officer, role) SELECT o.id, x "
	                  "FROM o, unnest(string_to_array($3, ',')) x) SELECT "
	                  "id FROM o",
	                  3, p, a) != 0))
		return ADMIN_FAIL;
	res = db_exec(
	        c, "officer roles",
	        "SELECT array_to_string(g.roles, ','), "
	        "array_to_string(g.permissions, ',') FROM core.officer o, "
	        "core.officer_grants(o.id) g WHERE o.state_code = $1::int "
	        "AND o.officer_no = $2",
	        2, p);
	if (!res)
		return ADMIN_FAIL;
	if (PQntuples(res) != 1) {
		fprintf(stderr,
		        "cctns-admin: officer roles: no officer %s in "
		        "state %s\n",
		        a->officer_no, a->state);
		PQclear(res);
		return ADMIN_FAIL;
	}
	printf("roles: %s\npermissions: %s\n", PQgetvalue(res, 0, 0),
	       PQgetvalue(res, 0, 1));
	PQclear(res);
	return ADMIN_OK;
}

static int officer_otp(PGconn *c, struct officer_args *a)
{
	uint8_t secret[20];
	char hex[2 * sizeof(secret) + 3], b32[64];
	const char *p[3] = {a->state, a->officer_no, NULL};

	if (a->enable == a->disable)
		return admin_usage("officer otp", "give --enable or --disable");
	if (a->enable) {
		if (RAND_bytes(secret, sizeof(secret)) != 1)
			return ADMIN_FAIL;
		hex[0] = '\\';
		hex[1] = 'x';
		for (size_t i = 0; i < sizeof(secret); i++)
			snprintf(hex + 2 + 2 * i, 3, "%02x", secret[i]);
		p[2] = hex;
	}
	if (exec_officer(
	            c, "officer otp",
	            "WITH o AS (UPDATE core.officer SET otp_secret = "
	            "$3::bytea WHERE state_code = $1::int AND officer_no = "
	            "$2 RETURNING id), e AS (INSERT INTO "
	            "core.officer_event (state_code, officer_no, officer, "
	            "event, reason) SELECT $1::int, $2, id, 'otp_set', "
	            "CASE WHEN $3 IS NULL THEN 'disabled' ELSE 'enabled' "
	            "END FROM o) SELECT id FROM o",
	            3, p, a) != 0)
		return ADMIN_FAIL;
	if (a->enable) {
		totp_base32(secret, sizeof(secret), b32, sizeof(b32));
		printf("one-time codes enabled for officer %s\n"
		       "secret (base32, shown once): %s\n"
		       "otpauth://totp/CCTNS:%s?secret=%s&issuer=CCTNS\n",
		       a->officer_no, b32, a->officer_no, b32);
		OPENSSL_cleanse(secret, sizeof(secret));
	} else {
		printf("one-time codes disabled for officer %s\n",
		       a->officer_no);
	}
	return ADMIN_OK;
}

int cmd_officer(const char *db, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(PGconn *c, struct officer_args *a);
	} subs[] = {
	        {"add", officer_add},       {"passwd", officer_passwd},
	        {"unlock", officer_unlock}, {"roles", officer_roles},
	        {"otp", officer_otp},
	};
	struct officer_args a = {0};
	char cmd[32];
	PGconn *c;
	int rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		fputs(officer_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? ADMIN_USAGE : ADMIN_OK;
	}
	for (size_t i = 0; i < ARRAY_LEN(subs); i++) {
		if (strcmp(argv[1], subs[i].name) != 0)
			continue;
		snprintf(cmd, sizeof(cmd), "officer %s", subs[i].name);
		a.db = db;
		rc = parse_args(cmd, argc - 1, argv + 1, &a);
		if (rc)
			return rc == 1 ? ADMIN_OK : rc;
		c = db_connect(a.db);
		if (!c)
			return ADMIN_FAIL;
		rc = subs[i].run(c, &a);
		PQfinish(c);
		return rc;
	}
	return admin_usage("officer", "unknown subcommand %s", argv[1]);
}

/* terminal.c: `cctns-admin terminal enrol|revoke|list` and `cctns-admin
 * crl`: station terminal certificates issued by the state CA, recorded in
 * core.terminal_cert, revoked there, and the CRL (DIR/crl.pem) signed from
 * it for the server's [tls] crl. The CA (DIR/ca.crt, DIR/ca.key) is read
 * from its directory; its key is never copied. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "admin.h"
#include "ca.h"
#include "certname.h"
#include "db.h"
#include "util.h"

#define DAYS_DEFAULT     "730" /* a terminal certificate: two years */
#define CRL_DAYS_DEFAULT "30"  /* a CRL's nextUpdate: re-issue before it */

static const char terminal_help[] =
        "usage: cctns-admin terminal enrol --ca-dir DIR --state S --district D "
        "--station C\n"
        "                                --terminal T [--days N] [--out DIR] "
        "[--force]\n"
        "       cctns-admin terminal revoke --ca-dir DIR (--serial HEX | "
        "--cert "
        "FILE)\n"
        "                                 --reason R [--crl-days N]\n"
        "       cctns-admin terminal list [--state S] [--district D] "
        "[--station C]\n"
        "       cctns-admin crl --ca-dir DIR [--crl-days N]\n"
        "\n"
        "Station terminal certificates of the state CA in DIR (ca.crt, "
        "ca.key, as made\n"
        "by deploy/pki ca), recorded in core.terminal_cert.\n"
        "\n"
        "  enrol   issue an ECDSA P-256 key and certificate for terminal T of "
        "station\n"
        "          S:D:C (which must be in the register and active): subject\n"
        "          O=CCTNS, OU=T, CN=station:S:D:C, valid N days "
        "(default " DAYS_DEFAULT ").\n"
        "          Writes OUT/station-S-D-C-T.crt and .key (mode 0600); OUT "
        "defaults\n"
        "          to DIR. Give both files to the terminal.\n"
        "  revoke  revoke a certificate by serial (as enrolled) or by file "
        "(any\n"
        "          certificate of this CA), then re-sign DIR/crl.pem. "
        "Reasons:\n"
        "          unspecified, key-compromise, affiliation-changed, "
        "superseded,\n"
        "          cessation-of-operation, privilege-withdrawn.\n"
        "  list    the recorded certificates with their state (valid, "
        "expired,\n"
        "          revoked).\n"
        "  crl     re-sign DIR/crl.pem from the recorded revocations, valid N "
        "days\n"
        "          (default " CRL_DAYS_DEFAULT
        "). Run it before the nextUpdate passes:\n"
        "          the server refuses to load a CRL past it and, with one "
        "loaded,\n"
        "          OpenSSL refuses every terminal once it passes.\n"
        "\n"
        "After revoke or crl, copy DIR/crl.pem to the server's [tls] crl and "
        "reload it\n"
        "(SIGHUP, systemctl reload cctns-server): open connections of a "
        "revoked\n"
        "terminal are closed then, and new ones refused.\n"
        "\n"
        "Examples:\n"
        "  cctns-admin terminal enrol --ca-dir /srv/cctns/ca --state 9 "
        "--district 118 \\\n"
        "      --station 1001 --terminal desk-2\n"
        "  cctns-admin terminal revoke --ca-dir /srv/cctns/ca --serial "
        "5A0F...E1 --reason key-compromise\n"
        "  cctns-admin terminal list --state 9 --district 118\n";

struct term_args {
	const char *db;
	const char *ca_dir, *state, *district, *station, *terminal;
	const char *days, *out, *serial, *cert, *reason, *crl_days;
	int force;
};

/* Returns 0 to go on, 1 when --help was shown, ADMIN_USAGE otherwise. */
static int parse_args(const char *cmd, int argc, char **argv,
                      struct term_args *a)
{
	static const struct option opts[] = {
	        {"ca-dir", required_argument, NULL, 'a'},
	        {"state", required_argument, NULL, 's'},
	        {"district", required_argument, NULL, 'd'},
	        {"station", required_argument, NULL, 'c'},
	        {"terminal", required_argument, NULL, 't'},
	        {"days", required_argument, NULL, 'n'},
	        {"out", required_argument, NULL, 'o'},
	        {"serial", required_argument, NULL, 'S'},
	        {"cert", required_argument, NULL, 'C'},
	        {"reason", required_argument, NULL, 'r'},
	        {"crl-days", required_argument, NULL, 'N'},
	        {"force", no_argument, NULL, 'f'},
	        {"db", required_argument, NULL, 'D'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	const char **slot[128] = {0};
	int opt;

	slot['a'] = &a->ca_dir, slot['s'] = &a->state;
	slot['d'] = &a->district, slot['c'] = &a->station;
	slot['t'] = &a->terminal, slot['n'] = &a->days, slot['o'] = &a->out;
	slot['S'] = &a->serial, slot['C'] = &a->cert, slot['r'] = &a->reason;
	slot['N'] = &a->crl_days, slot['D'] = &a->db;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (opt > 0 && opt < 128 && slot[opt]) {
			*slot[opt] = optarg;
		} else if (opt == 'f') {
			a->force = 1;
		} else if (opt == 'h') {
			fputs(terminal_help, stdout);
			return 1;
		} else {
			return admin_usage(cmd,
			                   "unknown or incomplete option %s",
			                   argv[optind - 1]);
		}
	}
	if (optind < argc)
		return admin_usage(cmd, "unexpected argument %s", argv[optind]);
	return 0;
}

static int check_number(const char *cmd, const char *opt, const char *v,
                        int max, int *out)
{
	if (admin_parse_code(v, out) < 0 || *out > max)
		return admin_usage(cmd, "%s must be a number 1..%d, got \"%s\"",
		                   opt, max, v);
	return 0;
}

static void print_time(time_t t, char *buf, size_t bufsz)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, bufsz, "%Y-%m-%d %H:%M UTC", &tm);
}

static int begin(PGconn *c)
{
	PGresult *res = db_exec(c, "begin", "BEGIN", 0, NULL);

	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

static int commit(PGconn *c)
{
	PGresult *res = db_exec(c, "commit", "COMMIT", 0, NULL);

	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

/* ------------------------------------------------------------ CRL */

/* Sign DIR/crl.pem from the revocations recorded for ca (inside the
 * caller's transaction). 0 or -1 (printed). */
static int crl_regenerate(PGconn *c, const struct ca *ca, int days)
{
	const char *params[1] = {ca->key_id};
	PGresult *res, *num;
	struct revoked_entry *e = NULL;
	char path[4200], next[40];
	int n, rc = -1;

	res = db_exec(c, "crl",
	              "SELECT serial, extract(epoch FROM revoked_at)::bigint, "
	              "reason FROM core.terminal_cert "
	              "WHERE ca_key_id = $1 AND revoked_at IS NOT NULL "
	              "AND not_after > now() ORDER BY serial",
	              1, params);
	if (!res)
		return -1;
	num = db_exec(c, "crl", "SELECT nextval('core.crl_number')", 0, NULL);
	if (!num)
		goto out;
	n = PQntuples(res);
	e = xcalloc((size_t)n + 1, sizeof(*e));
	for (int i = 0; i < n; i++) {
		e[i].serial = PQgetvalue(res, i, 0);
		e[i].revoked_at =
		        (time_t)strtoll(PQgetvalue(res, i, 1), NULL, 10);
		if (cert_reason_parse(PQgetvalue(res, i, 2), &e[i].reason) != 0)
			e[i].reason = 0;
	}
	snprintf(path, sizeof(path), "%s/crl.pem", ca->dir);
	if (ca_write_crl(ca, e, (size_t)n,
	                 strtol(PQgetvalue(num, 0, 0), NULL, 10), days, path,
	                 next, sizeof(next)) != 0)
		goto out;
	printf("wrote %s: CRL number %s, %d revoked, next update %s\n", path,
	       PQgetvalue(num, 0, 0), n, next);
	rc = 0;
out:
	free(e);
	PQclear(num);
	PQclear(res);
	return rc;
}

/* ------------------------------------------------------------ enrol */

/* The station must be registered and active; its name into name. */
static int check_station(PGconn *c, const struct term_args *a, char *name,
                         size_t namesz)
{
	const char *params[3] = {a->state, a->district, a->station};
	PGresult *res = db_exec(c, "terminal enrol",
	                        "SELECT active, name FROM ref.station "
	                        "WHERE state_code = $1::int AND "
	                        "district_code = $2::int "
	                        "AND station_code = $3::int",
	                        3, params);
	int rc = -1;

	if (!res)
		return -1;
	if (PQntuples(res) == 0)
		fprintf(stderr,
		        "cctns-admin: terminal enrol: station %s:%s:%s is not "
		        "in "
		        "the station register (see cctns-admin station add)\n",
		        a->state, a->district, a->station);
	else if (strcmp(PQgetvalue(res, 0, 0), "t") != 0)
		fprintf(stderr,
		        "cctns-admin: terminal enrol: station %s:%s:%s is not "
		        "active: no certificate is issued for it\n",
		        a->state, a->district, a->station);
	else {
		snprintf(name, namesz, "%s", PQgetvalue(res, 0, 1));
		rc = 0;
	}
	PQclear(res);
	return rc;
}

static int record_issued(PGconn *c, const struct ca *ca,
                         const struct term_args *a, const struct issued *is)
{
	char nb[24], na[24];
	const char *params[8] = {ca->key_id, is->serial,  a->state, a->district,
	                         a->station, a->terminal, nb,       na};
	PGresult *res;

	snprintf(nb, sizeof(nb), "%lld", (long long)is->not_before);
	snprintf(na, sizeof(na), "%lld", (long long)is->not_after);
	res = db_exec(
	        c, "terminal enrol",
	        "INSERT INTO core.terminal_cert (ca_key_id, serial, "
	        "state_code, district_code, station_code, terminal, "
	        "not_before, not_after) VALUES ($1, $2, $3::int, $4::int, "
	        "$5::int, $6, to_timestamp($7::bigint), "
	        "to_timestamp($8::bigint))",
	        8, params);
	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

static int enrol_args(struct term_args *a, int *days)
{
	int n;

	if (!a->ca_dir || !a->state || !a->district || !a->station ||
	    !a->terminal)
		return admin_usage("terminal enrol",
		                   "--ca-dir, --state, --district, --station "
		                   "and --terminal are all needed");
	if (a->serial || a->cert || a->reason || a->crl_days)
		return admin_usage("terminal enrol",
		                   "--serial, --cert, --reason and --crl-days "
		                   "are for revoke");
	if (check_number("terminal enrol", "--state", a->state, 99, &n) ||
	    check_number("terminal enrol", "--district", a->district, 99999,
	                 &n) ||
	    check_number("terminal enrol", "--station", a->station, 999999,
	                 &n) ||
	    check_number("terminal enrol", "--days", a->days, 3650, days))
		return ADMIN_USAGE;
	if (!cert_terminal_ok(a->terminal))
		return admin_usage(
		        "terminal enrol",
		        "--terminal must be 1 to 32 of A-Z a-z 0-9 . "
		        "_ -, got \"%s\"",
		        a->terminal);
	if (!a->out)
		a->out = a->ca_dir;
	return 0;
}

static int terminal_enrol(const char *db, int argc, char **argv)
{
	struct term_args a = {.db = db, .days = DAYS_DEFAULT};
	struct ca ca;
	struct issued is = {0};
	char name[256], base[4200], until[40];
	PGconn *c = NULL;
	int rc, days, written = 0;

	rc = parse_args("terminal enrol", argc, argv, &a);
	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if ((rc = enrol_args(&a, &days)) != 0)
		return rc;
	if (ca_load(&ca, a.ca_dir) != 0)
		return ADMIN_FAIL;
	rc = ADMIN_FAIL;
	snprintf(base, sizeof(base), "%s/station-%s-%s-%s-%s", a.out, a.state,
	         a.district, a.station, a.terminal);
	if (!(c = db_connect(a.db)) || begin(c) != 0 ||
	    check_station(c, &a, name, sizeof(name)) != 0 ||
	    ca_issue_terminal(&ca, atoi(a.state), atoi(a.district),
	                      atoi(a.station), a.terminal, days, &is) != 0 ||
	    record_issued(c, &ca, &a, &is) != 0)
		goto out;
	if (ca_write_issued(&is, base, a.force) != 0)
		goto out;
	written = 1;
	if (commit(c) != 0)
		goto out;
	print_time(is.not_after, until, sizeof(until));
	printf("enrolled terminal %s of station %s:%s:%s (%s): serial %s, "
	       "valid until %s\n"
	       "wrote %s.crt and %s.key (mode 0600): give both to the "
	       "terminal\n",
	       a.terminal, a.state, a.district, a.station, name, is.serial,
	       until, base, base);
	rc = ADMIN_OK;
out:
	if (rc != ADMIN_OK && written) {
		char p[4300];

		snprintf(p, sizeof(p), "%s.crt", base);
		unlink(p);
		snprintf(p, sizeof(p), "%s.key", base);
		unlink(p);
	}
	issued_free(&is);
	PQfinish(c);
	ca_free(&ca);
	return rc;
}

/* ------------------------------------------------------------ revoke */

/* What is revoked: the serial, and with --cert what the certificate
 * says about itself, to record it when it was not enrolled here. */
struct target {
	char serial[CERT_SERIAL_HEX_MAX + 1];
	X509 *cert; /* NULL with --serial */
};

static int target_from_args(const struct ca *ca, const struct term_args *a,
                            struct target *t)
{
	memset(t, 0, sizeof(*t));
	if (a->serial) {
		if (cert_serial_parse(a->serial, t->serial,
		                      sizeof(t->serial)) != 0)
			return admin_usage("terminal revoke",
			                   "--serial must be a positive "
			                   "hexadecimal number of at most 20 "
			                   "octets, got \"%s\"",
			                   a->serial);
		return 0;
	}
	if (!(t->cert = ca_read_cert(a->cert)))
		return ADMIN_FAIL;
	if (!ca_issued_it(ca, t->cert)) {
		fprintf(stderr,
		        "cctns-admin: terminal revoke: %s was not issued by "
		        "the "
		        "CA in %s\n",
		        a->cert, ca->dir);
		return ADMIN_FAIL;
	}
	if (ca_cert_serial(t->cert, t->serial, sizeof(t->serial)) != 0) {
		fprintf(stderr,
		        "cctns-admin: terminal revoke: %s has a serial that is "
		        "not a positive number of at most 20 octets\n",
		        a->cert);
		return ADMIN_FAIL;
	}
	return 0;
}

/* Record a certificate of this CA that was not enrolled here (deploy/pki)
 * from its own subject and validity. */
static int record_imported(PGconn *c, const struct ca *ca,
                           const struct target *t, const char *file)
{
	char cn[80] = "", ou[80] = "", codes[3][12], nb[24], na[24];
	const char *params[8] = {ca->key_id, t->serial, codes[0], codes[1],
	                         codes[2],   ou,        nb,       na};
	X509_NAME *subj = X509_get_subject_name(t->cert);
	time_t tb, ta;
	int s, d, st;
	PGresult *res;

	if (X509_NAME_get_text_by_NID(subj, NID_commonName, cn, sizeof(cn)) <
	            0 ||
	    cert_station_cn_parse(cn, &s, &d, &st) != 0 ||
	    X509_NAME_get_text_by_NID(subj, NID_organizationalUnitName, ou,
	                              sizeof(ou)) <= 0 ||
	    ca_time(X509_get0_notBefore(t->cert), &tb) != 0 ||
	    ca_time(X509_get0_notAfter(t->cert), &ta) != 0) {
		fprintf(stderr,
		        "cctns-admin: terminal revoke: %s is not a station "
		        "terminal certificate (CN=station:S:D:C, "
		        "OU=terminal)\n",
		        file);
		return -1;
	}
	snprintf(codes[0], sizeof(codes[0]), "%d", s);
	snprintf(codes[1], sizeof(codes[1]), "%d", d);
	snprintf(codes[2], sizeof(codes[2]), "%d", st);
	snprintf(nb, sizeof(nb), "%lld", (long long)tb);
	snprintf(na, sizeof(na), "%lld", (long long)ta);
	res = db_exec(c, "terminal revoke",
	              "INSERT INTO core.terminal_cert (ca_key_id, serial, "
	              "state_code, district_code, station_code, terminal, "
	              "not_before, not_after, source) VALUES ($1, $2, $3::int, "
	              "$4::int, $5::int, $6, to_timestamp($7::bigint), "
	              "to_timestamp($8::bigint), 'imported')",
	              8, params);
	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

/* Set the revocation unless it is there already (said so). 0 or -1. */
static int record_revocation(PGconn *c, const struct ca *ca,
                             const struct target *t, const char *reason,
                             const char *file)
{
	const char *params[3] = {ca->key_id, t->serial, reason};
	PGresult *res = db_exec(
	        c, "terminal revoke",
	        "SELECT to_char(revoked_at AT TIME ZONE 'UTC', "
	        "'YYYY-MM-DD HH24:MI \"UTC\"'), reason, terminal, "
	        "state_code || ':' || district_code || ':' || station_code "
	        "FROM core.terminal_cert WHERE ca_key_id = $1 AND serial = $2 "
	        "FOR UPDATE",
	        2, params);

	if (!res)
		return -1;
	if (PQntuples(res) == 0) {
		PQclear(res);
		if (!t->cert) {
			fprintf(stderr,
			        "cctns-admin: terminal revoke: no certificate "
			        "with serial %s was enrolled with the CA in "
			        "%s; "
			        "to revoke one issued otherwise, give --cert "
			        "FILE\n",
			        t->serial, ca->dir);
			return -1;
		}
		if (record_imported(c, ca, t, file) != 0)
			return -1;
		return record_revocation(c, ca, t, reason, file);
	}
	if (!PQgetisnull(res, 0, 0)) {
		printf("serial %s (terminal %s of station %s) was already "
		       "revoked on %s (%s)\n",
		       t->serial, PQgetvalue(res, 0, 2), PQgetvalue(res, 0, 3),
		       PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
		PQclear(res);
		return 0;
	}
	printf("revoked serial %s: terminal %s of station %s, reason %s\n",
	       t->serial, PQgetvalue(res, 0, 2), PQgetvalue(res, 0, 3), reason);
	PQclear(res);
	res = db_exec(c, "terminal revoke",
	              "UPDATE core.terminal_cert SET revoked_at = now(), "
	              "reason = $3 WHERE ca_key_id = $1 AND serial = $2",
	              3, params);
	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

static int revoke_args(const struct term_args *a, int *crl_days)
{
	int code;

	if (!a->ca_dir || !a->reason || !a->serial == !a->cert)
		return admin_usage("terminal revoke",
		                   "--ca-dir, --reason and one of --serial or "
		                   "--cert are needed");
	if (a->state || a->district || a->station || a->terminal || a->out ||
	    a->force || strcmp(a->days, DAYS_DEFAULT) != 0)
		return admin_usage(
		        "terminal revoke",
		        "--state, --district, --station, --terminal, "
		        "--days, --out and --force are for enrol");
	if (cert_reason_parse(a->reason, &code) != 0)
		return admin_usage("terminal revoke",
		                   "--reason must be one of %s; got \"%s\"",
		                   cert_reason_list(), a->reason);
	return check_number("terminal revoke", "--crl-days", a->crl_days, 366,
	                    crl_days);
}

static int terminal_revoke(const char *db, int argc, char **argv)
{
	struct term_args a = {
	        .db = db, .days = DAYS_DEFAULT, .crl_days = CRL_DAYS_DEFAULT};
	struct ca ca;
	struct target t = {0};
	PGconn *c = NULL;
	int rc, crl_days;

	rc = parse_args("terminal revoke", argc, argv, &a);
	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if ((rc = revoke_args(&a, &crl_days)) != 0)
		return rc;
	if (ca_load(&ca, a.ca_dir) != 0)
		return ADMIN_FAIL;
	if ((rc = target_from_args(&ca, &a, &t)) != 0)
		goto out;
	rc = ADMIN_FAIL;
	if (!(c = db_connect(a.db)) || begin(c) != 0 ||
	    record_revocation(c, &ca, &t, a.reason, a.cert) != 0 ||
	    crl_regenerate(c, &ca, crl_days) != 0)
		goto out;
	if (commit(c) != 0) {
		fprintf(stderr, "cctns-admin: terminal revoke: the CRL was "
		                "written but the database did not record the "
		                "revocation: run the command again\n");
		goto out;
	}
	printf("copy %s/crl.pem to the server's [tls] crl and reload it "
	       "(SIGHUP): the terminal's open connections are closed then\n",
	       ca.dir);
	rc = ADMIN_OK;
out:
	X509_free(t.cert);
	PQfinish(c);
	ca_free(&ca);
	return rc;
}

/* ------------------------------------------------------------ list */

static int terminal_list(const char *db, int argc, char **argv)
{
	struct term_args a = {.db = db, .days = DAYS_DEFAULT};
	const char *params[3];
	PGconn *c;
	PGresult *res;
	int rc, n;

	rc = parse_args("terminal list", argc, argv, &a);
	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if (a.ca_dir || a.terminal || a.out || a.serial || a.cert || a.reason ||
	    a.crl_days || a.force)
		return admin_usage("terminal list",
		                   "only --state, --district and --station");
	if ((a.state &&
	     check_number("terminal list", "--state", a.state, 99, &n)) ||
	    (a.district && check_number("terminal list", "--district",
	                                a.district, 99999, &n)) ||
	    (a.station &&
	     check_number("terminal list", "--station", a.station, 999999, &n)))
		return ADMIN_USAGE;
	params[0] = a.state;
	params[1] = a.district;
	params[2] = a.station;
	if (!(c = db_connect(a.db)))
		return ADMIN_FAIL;
	res = db_exec(
	        c, "terminal list",
	        "SELECT state_code, district_code, station_code, terminal, "
	        "serial, to_char(not_after AT TIME ZONE 'UTC', 'YYYY-MM-DD'), "
	        "CASE WHEN revoked_at IS NOT NULL THEN 'revoked ' || "
	        "to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' ' "
	        "|| reason WHEN not_after <= now() THEN 'expired' "
	        "ELSE 'valid' END FROM core.terminal_cert "
	        "WHERE ($1::int IS NULL OR state_code = $1::int) "
	        "AND ($2::int IS NULL OR district_code = $2::int) "
	        "AND ($3::int IS NULL OR station_code = $3::int) "
	        "ORDER BY 1, 2, 3, 4, not_after",
	        3, params);
	if (!res) {
		PQfinish(c);
		return ADMIN_FAIL;
	}
	printf("%-5s %-8s %-7s %-12s %-32s %-10s %s\n", "STATE", "DISTRICT",
	       "STATION", "TERMINAL", "SERIAL", "NOT_AFTER", "STATUS");
	for (int i = 0; i < PQntuples(res); i++)
		printf("%-5s %-8s %-7s %-12s %-32s %-10s %s\n",
		       PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
		       PQgetvalue(res, i, 2), PQgetvalue(res, i, 3),
		       PQgetvalue(res, i, 4), PQgetvalue(res, i, 5),
		       PQgetvalue(res, i, 6));
	if (PQntuples(res) == 0)
		fprintf(stderr,
		        "cctns-admin: no terminal certificates "
		        "recorded%s\n",
		        a.state || a.district || a.station ? " there" : "");
	PQclear(res);
	PQfinish(c);
	return ADMIN_OK;
}

/* ------------------------------------------------------------ entry */

static const struct {
	const char *name;
	admin_command_fn run;
} subcommands[] = {
        {"enrol", terminal_enrol},
        {"revoke", terminal_revoke},
        {"list", terminal_list},
};

int cmd_terminal(const char *db, int argc, char **argv)
{
	if (argc < 2)
		return admin_usage("terminal", "enrol, revoke or list?");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(terminal_help, stdout);
		return ADMIN_OK;
	}
	for (size_t i = 0; i < ARRAY_LEN(subcommands); i++)
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].run(db, argc - 1, argv + 1);
	return admin_usage("terminal",
	                   "unknown subcommand %s (enrol, revoke or list)",
	                   argv[1]);
}

int cmd_crl(const char *db, int argc, char **argv)
{
	struct term_args a = {
	        .db = db, .days = DAYS_DEFAULT, .crl_days = CRL_DAYS_DEFAULT};
	struct ca ca;
	PGconn *c = NULL;
	int rc, days;

	rc = parse_args("crl", argc, argv, &a);
	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if (!a.ca_dir)
		return admin_usage("crl", "--ca-dir DIR is needed");
	if (a.state || a.district || a.station || a.terminal || a.out ||
	    a.serial || a.cert || a.reason || a.force)
		return admin_usage("crl", "only --ca-dir and --crl-days");
	if (check_number("crl", "--crl-days", a.crl_days, 366, &days))
		return ADMIN_USAGE;
	if (ca_load(&ca, a.ca_dir) != 0)
		return ADMIN_FAIL;
	rc = ADMIN_FAIL;
	if ((c = db_connect(a.db)) && begin(c) == 0 &&
	    crl_regenerate(c, &ca, days) == 0 && commit(c) == 0)
		rc = ADMIN_OK;
	PQfinish(c);
	ca_free(&ca);
	return rc;
}

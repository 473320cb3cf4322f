/* main.c: cctns-admin, the operator's tool for the CCTNS database:
 * schema migrations and the station register. Global options, the command
 * table and the shared usage helpers live here; each command is its own
 * file (migrate.c, station.c). */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "db.h"
#include "util.h"

#ifndef CCTNS_VERSION
#define CCTNS_VERSION "0.0.0"
#endif

/* The commands, by first word. */
static const struct command {
	const char *name;
	admin_command_fn run;
	const char *summary;
} commands[] = {
        {"migrate", cmd_migrate,
         "apply pending schema migrations (--status: only report)"},
        {"station", cmd_station, "add or list police stations (add, list)"},
        {"reporting", cmd_reporting,
         "refresh the reporting aggregates, or show their freshness"},
        /* audit: the audit log's chains (verify) and records (show). */
        {"audit", cmd_audit,
         "verify the audit log's hash chains; show records"},
        /* crl: terminal certificates and the CRL (issue 5) */
        {"terminal", cmd_terminal,
         "station terminal certificates (enrol, revoke, list)"},
        {"crl", cmd_crl, "re-sign the CRL of the state CA from the register"},
        /* signin */
        {"officer", cmd_officer,
         "officers who sign in (add, passwd, unlock, roles, otp)"},
        /* ops (issue 7): partitions over time, the operator's one screen */
        {"partitions", cmd_partitions,
         "case table partitions by year (ensure, list, detach)"},
        {"status", cmd_status,
         "one screen for the operator: server, database, backups (--json)"},
        /* import (issue 7): bulk import of legacy FIRs */
        {"import", cmd_import,
         "bulk import of legacy FIRs from a JSON-lines file"},
};

static void usage(FILE *out)
{
	size_t i;

	fputs("usage: cctns-admin [--db CONNINFO] COMMAND [OPTIONS]\n"
	      "       cctns-admin --help | --version\n"
	      "       cctns-admin COMMAND --help\n"
	      "\n"
	      "Commands:\n",
	      out);
	for (i = 0; i < ARRAY_LEN(commands); i++)
		fprintf(out, "  %-10s %s\n", commands[i].name,
		        commands[i].summary);
	fputs("\n"
	      "Options:\n"
	      "  --db CONNINFO  libpq connection string of the CCTNS database, "
	      "run as\n"
	      "                 cctns_owner (default $CCTNS_DB, else "
	      "\"dbname=cctns\")\n"
	      "  --help         show this help\n"
	      "  --version      show the version\n"
	      "\n"
	      "Exit status: 0 done, 1 failed (message on stderr), 2 bad "
	      "command line.\n"
	      "\n"
	      "Examples:\n"
	      "  cctns-admin --db \"host=/srv/cctns/pg dbname=cctns "
	      "user=cctns_owner\" migrate\n"
	      "  cctns-admin migrate --status\n"
	      "  cctns-admin station add --state 9 --district 118 --code 1001 "
	      "--name \"Police Station Hari Parvat\"\n"
	      "  cctns-admin station list --state 9\n"
	      "  cctns-admin reporting refresh\n",
	      out);
}

int admin_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "cctns-admin %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'cctns-admin %s --help'.\n", cmd);
	return ADMIN_USAGE;
}

int admin_parse_code(const char *s, int *out)
{
	char *end;
	long v;

	if (!s || *s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	if (*end || v <= 0 || v > INT_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
	        {"db", required_argument, NULL, 'd'},
	        {"help", no_argument, NULL, 'h'},
	        {"version", no_argument, NULL, 'V'},
	        {NULL, 0, NULL, 0},
	};
	const char *db = db_default_conninfo();
	int opt;
	size_t i;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			db = optarg;
			break;
		case 'h':
			usage(stdout);
			return ADMIN_OK;
		case 'V':
			printf("cctns-admin %s\n", CCTNS_VERSION);
			return ADMIN_OK;
		default:
			fprintf(stderr,
			        "cctns-admin: unknown or incomplete option "
			        "%s\n\n",
			        argv[optind - 1]);
			usage(stderr);
			return ADMIN_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return ADMIN_USAGE;
	}
	for (i = 0; i < ARRAY_LEN(commands); i++)
		if (strcmp(argv[optind], commands[i].name) == 0)
			return commands[i].run(db, argc - optind,
			                       argv + optind);
	if (strcmp(argv[optind], "help") == 0) {
		usage(stdout);
		return ADMIN_OK;
	}
	fprintf(stderr, "cctns-admin: unknown command %s\n\n", argv[optind]);
	usage(stderr);
	return ADMIN_USAGE;
}

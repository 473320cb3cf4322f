/* admin.h: what the commands of cctns-admin share: exit codes, the command
 * entry points called by main.c, and how a usage error is reported. */
#ifndef CCTNS_ADMIN_H
#define CCTNS_ADMIN_H

/* Exit codes of every command. */
enum admin_exit {
	ADMIN_OK = 0,    /* done */
	ADMIN_FAIL = 1,  /* the database or a file said no; message printed */
	ADMIN_USAGE = 2, /* bad command line; message and hint printed */
};

/* A command's entry point. argv[0] is the command word ("migrate",
 * "station"); db is the connection string chosen so far (--db before the
 * command, else CCTNS_DB, else "dbname=cctns"); a --db among the command's
 * own options replaces it. Returns an admin_exit code. */
typedef int (*admin_command_fn)(const char *db, int argc, char **argv);

int cmd_migrate(const char *db, int argc, char **argv);
int cmd_station(const char *db, int argc, char **argv);
int cmd_reporting(const char *db, int argc, char **argv);
int cmd_audit(const char *db, int argc, char **argv);
/* crl: terminal certificates and the CRL (issue 5) */
int cmd_terminal(const char *db, int argc, char **argv);
int cmd_crl(const char *db, int argc, char **argv);
int cmd_officer(const char *db, int argc, char **argv); /* signin */
/* ops (issue 7) */
int cmd_partitions(const char *db, int argc, char **argv);
int cmd_status(const char *db, int argc, char **argv);
/* import (issue 7) */
int cmd_import(const char *db, int argc, char **argv);

/* Print "cctns-admin CMD: message" and a pointer to CMD --help on stderr;
 * returns ADMIN_USAGE so callers can `return admin_usage(...)`. */
int admin_usage(const char *cmd, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Parse a positive decimal int (1..INT_MAX) with nothing around it. */
int admin_parse_code(const char *s, int *out)
        __attribute__((warn_unused_result));

#endif

/* cli.h: what every cctns command shares: the command table row, option
 * parsing by table, the lazily loaded station.conf, connecting, and
 * reporting a term_error on stderr with its exit code. */
#ifndef CCTNS_CLIENT_CLI_H
#define CCTNS_CLIENT_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "config.h"
#include "conn.h"

#define PROG "cctns"

typedef struct cli_ctx {
	const char *config_path; /* --config, or NULL for $CCTNS_CONFIG */
	term_config cfg;         /* loaded by cli_connect */
	int cfg_loaded;
	const char *pdf_path; /* --pdf FILE of a show command (CLI_OPT_PDF) */
	/* outbox: --no-queue (a write refuses instead of queueing), and
	 * "delivering the outbox now" (no automatic delivery inside it) */
	int no_queue;
	int outbox_busy;
} cli_ctx;

typedef struct command command;
struct command {
	const char *group; /* "fir" for "cctns fir register", NULL on top */
	const char *name;  /* "register" */
	/* argv[0] is the command's name; returns the exit code. */
	int (*run)(const command *self, cli_ctx *ctx, int argc, char **argv);
	const char *args;    /* "FILE.json|- [--key HEX32] [--json]" */
	const char *summary; /* one line for the overview */
	const char *help;    /* paragraphs for "cctns help ..." */
};

/* One option of a command. Flags set *flag = 1; valued options set
 * *value. "--name VALUE" and "--name=VALUE" both work. */
typedef struct cli_opt {
	const char *name; /* "--key" */
	const char **value;
	int *flag;
} cli_opt;

/* The option --pdf FILE of a command that reads one record through
 * reply_call: the record's printout as a PDF in FILE instead of text on
 * standard output (see pdf_form.h). One row of the command's cli_opt table
 * is all it takes: {{"--json", NULL, &json}, CLI_OPT_PDF(ctx)}. */
/* clang-format off */
#define CLI_OPT_PDF(ctx) {"--pdf", &(ctx)->pdf_path, NULL}
/* clang-format on */

/* Parse argv[1..argc) of cmd: its options, --config FILE and --help, and
 * between min_pos and max_pos positional arguments (a lone "-" is one;
 * "--" ends options). Returns 0 to go on; -1 when the command is done:
 * *exit_code is 0 after --help, 2 after a usage error (printed). */
int cli_parse(const command *cmd, cli_ctx *ctx, int argc, char **argv,
              const cli_opt *opts, size_t nopts, char **pos, size_t min_pos,
              size_t max_pos, int *exit_code)
        __attribute__((warn_unused_result));

/* Arguments that name a record. 0 when arg is well formed, else 2 after
 * printing how to write it. An FIR number is 1 to 6 digits, "/", a 4-digit
 * year ("42/2026", "0042/2026"); an accused code a letter and a digit 1-9
 * ("A1"; a lower-case letter is made upper case in place). */
int cli_check_fir_number(const char *arg) __attribute__((warn_unused_result));
int cli_check_accused_code(char *arg) __attribute__((warn_unused_result));

/* cli_check_fir_number, and on success the message for a NOT_FOUND answer
 * about that FIR ("no FIR 42/2026 at this station") into not_found. */
int cli_fir_arg(const char *arg, char *not_found, size_t n)
        __attribute__((warn_unused_result));

/* "cctns fir register FILE.json|- [--key HEX32] [--json]" */
void cli_print_usage(const command *cmd, FILE *out);
/* Usage, summary and help text. */
void cli_print_help(const command *cmd, FILE *out);

/* Load station.conf (once) and connect. NULL with err filled. */
term_conn *cli_connect(cli_ctx *ctx, term_error *err)
        __attribute__((warn_unused_result));

/* Print "cctns: <message>" on stderr; return the exit code for err. */
int cli_report(const term_error *err);

void cli_ctx_free(cli_ctx *ctx);

#endif

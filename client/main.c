/* main.c: cctns, the police station terminal. Global options, lookup of a
 * command in the command table (commands_*.c), and help; the commands live
 * in cmd_*.c. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "command_table.h"
#include "commands.h"
#include "util.h"

static const struct {
	const command *rows;
	const size_t *count;
} tables[] = {
        {commands_records, &commands_records_count},
        {commands_forms, &commands_forms_count},
        {commands_terminal, &commands_terminal_count},
};

/* Command i of the tables, in their order; NULL past the last. */
static const command *command_at(size_t i)
{
	for (size_t t = 0; t < ARRAY_LEN(tables); t++) {
		if (i < *tables[t].count)
			return &tables[t].rows[i];
		i -= *tables[t].count;
	}
	return NULL;
}

static const char overview_intro[] =
        "cctns: the police station terminal of CCTNS, the crime and criminal\n"
        "tracking network. It talks to the State Data Centre server\n"
        "(cctns-server) over TLS 1.3 with this terminal's certificate.\n"
        "\n"
        "usage: cctns [--config FILE] COMMAND [ARGS]\n"
        "\n"
        "commands:\n";

static const char overview_rest[] =
        "  help [COMMAND]            Explain a command.\n"
        "\n"
        "options:\n"
        "  --config FILE   terminal config (station.conf); default "
        "$CCTNS_CONFIG\n"
        "  --help-config   list the keys of station.conf\n"
        "  --help, -h      this text\n"
        "  --version       the software version\n"
        "\n"
        "examples:\n"
        "  cctns --config var/station-a.conf hello\n"
        "  export CCTNS_CONFIG=var/station-a.conf\n"
        "  cctns fir register deploy/samples/fir.json\n"
        "  cctns fir show 42/2026\n"
        "  cctns fir show 42/2026 --json > fir-42.json\n"
        "  cctns gd show\n"
        "  cctns case assign-io 42/2026 deploy/samples/assign-io.json\n"
        "  cctns case timeline 42/2026\n"
        "  cctns arrest show 42/2026 A1\n"
        "  cctns final-report show 42/2026\n"
        "  cctns court show 42/2026\n"
        "  cctns fir new\n"
        "  cctns lookup section theft\n"
        "  cctns fir show 42/2026 --pdf fir-42.pdf\n"
        "  cctns fir transfer 42/2026 deploy/samples/fir-transfer.json\n"
        "  cctns efir pending\n"
        "  cctns help fir register\n"
        "\n"
        "exit codes: 0 ok, 1 other error, 2 usage or terminal config,\n"
        "  3 invalid input, 4 refused (certificate, identity, conflict),\n"
        "  5 server unreachable or unavailable, 6 not found\n";

static void print_overview(FILE *out)
{
	fputs(overview_intro, out);
	const command *c;

	for (size_t i = 0; (c = command_at(i)); i++) {
		char name[64];

		snprintf(name, sizeof(name), "%s%s%s", c->group ? c->group : "",
		         c->group ? " " : "", c->name);
		fprintf(out, "  %-24s  %s\n", name, c->summary);
	}
	fputs(overview_rest, out);
}

static int is_group(const char *name)
{
	const command *c;

	for (size_t i = 0; (c = command_at(i)); i++)
		if (c->group && strcmp(c->group, name) == 0)
			return 1;
	return 0;
}

static const command *find(const char *group, const char *name)
{
	const command *c;

	for (size_t i = 0; (c = command_at(i)); i++) {
		if (strcmp(c->name, name) != 0)
			continue;
		if ((!group && !c->group) ||
		    (group && c->group && strcmp(group, c->group) == 0))
			return c;
	}
	return NULL;
}

static void print_group(const char *group, FILE *out)
{
	const command *c;

	fprintf(out, "%s %s commands:\n", PROG, group);
	for (size_t i = 0; (c = command_at(i)); i++) {
		if (!c->group || strcmp(c->group, group) != 0)
			continue;
		fputs("  ", out);
		cli_print_usage(c, out);
		fprintf(out, "      %s\n", c->summary);
	}
	fprintf(out, "more: %s help %s COMMAND\n", PROG, group);
}

/* Look up argv[0] (and argv[1] for a group). NULL after printing why;
 * *used is how many words named the command. */
static const command *resolve(int argc, char **argv, int *used)
{
	const command *c;

	*used = 1;
	if (!is_group(argv[0])) {
		c = find(NULL, argv[0]);
		if (!c)
			fprintf(stderr,
			        "%s: unknown command \"%s\"; see %s --help\n",
			        PROG, argv[0], PROG);
		return c;
	}
	if (argc < 2 || argv[1][0] == '-') {
		print_group(argv[0], stderr);
		return NULL;
	}
	*used = 2;
	c = find(argv[0], argv[1]);
	if (!c)
		fprintf(stderr,
		        "%s: unknown command \"%s %s\"; see %s help %s\n", PROG,
		        argv[0], argv[1], PROG, argv[0]);
	return c;
}

static int cmd_help(int argc, char **argv)
{
	const command *c;
	int used;

	if (argc == 0) {
		print_overview(stdout);
		return 0;
	}
	if (is_group(argv[0]) && argc == 1) {
		print_group(argv[0], stdout);
		return 0;
	}
	c = resolve(argc, argv, &used);
	if (!c)
		return 2;
	cli_print_help(c, stdout);
	return 0;
}

/* Options before the command. Returns -1 to go on, else an exit code. */
static int global_options(cli_ctx *ctx, int argc, char **argv, int *i)
{
	for (; *i < argc && argv[*i][0] == '-'; ++*i) {
		const char *a = argv[*i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_overview(stdout);
			return 0;
		} else if (strcmp(a, "--version") == 0) {
			return cmd_version(NULL, ctx, 0, NULL);
		} else if (strcmp(a, "--help-config") == 0) {
			term_config_print_help(stdout);
			return 0;
		} else if (strcmp(a, "--config") == 0 && *i + 1 < argc) {
			ctx->config_path = argv[++*i];
		} else if (strncmp(a, "--config=", 9) == 0) {
			ctx->config_path = a + 9;
		} else {
			fprintf(stderr,
			        "%s: unknown option %s; see %s --help\n", PROG,
			        a, PROG);
			return 2;
		}
	}
	if (*i >= argc) {
		fprintf(stderr, "%s: no command given; see %s --help\n", PROG,
		        PROG);
		return 2;
	}
	return -1;
}

int main(int argc, char **argv)
{
	cli_ctx ctx = {0};
	const command *c;
	int i = 1, used, rc;

	rc = global_options(&ctx, argc, argv, &i);
	if (rc >= 0)
		return rc;
	if (strcmp(argv[i], "help") == 0)
		return cmd_help(argc - i - 1, argv + i + 1);
	if (is_group(argv[i]) && i + 1 < argc &&
	    (strcmp(argv[i + 1], "--help") == 0 ||
	     strcmp(argv[i + 1], "-h") == 0))
		return cmd_help(1, argv + i);
	c = resolve(argc - i, argv + i, &used);
	if (!c)
		return 2;
	/* The handler sees its own name as argv[0]. */
	i += used - 1;
	rc = c->run(c, &ctx, argc - i, argv + i);
	cli_ctx_free(&ctx);
	return rc;
}

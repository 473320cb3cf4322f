/* cli.c: option parsing by table, usage and help text, config and
 * connection for commands, error reporting. */
#include "cli.h"

#include <ctype.h>
#include <string.h>

#include "outbox.h"

/* Does arg name opt, as "--opt" or "--opt=VALUE"? Sets *inline_value. */
static int opt_matches(const char *arg, const char *name,
                       const char **inline_value)
{
	size_t n = strlen(name);

	*inline_value = NULL;
	if (strncmp(arg, name, n) != 0)
		return 0;
	if (arg[n] == '=') {
		*inline_value = arg + n + 1;
		return 1;
	}
	return arg[n] == '\0';
}

static int usage_error(const command *cmd, int *exit_code, const char *what,
                       const char *arg)
{
	fprintf(stderr, "%s: %s%s%s\n", PROG, what, arg ? " " : "",
	        arg ? arg : "");
	fputs("usage: ", stderr);
	cli_print_usage(cmd, stderr);
	fprintf(stderr, "more: %s help %s%s%s\n", PROG,
	        cmd->group ? cmd->group : "", cmd->group ? " " : "", cmd->name);
	*exit_code = 2;
	return -1;
}

/* Take one option at argv[*i]. 0 taken, -1 usage error. */
static int take_option(const command *cmd, cli_ctx *ctx, int argc, char **argv,
                       int *i, const cli_opt *opts, size_t nopts,
                       int *exit_code)
{
	const char *arg = argv[*i], *val;
	const cli_opt *o = NULL;
	const cli_opt config = {"--config", &ctx->config_path, NULL};

	if (opt_matches(arg, config.name, &val))
		o = &config;
	for (size_t k = 0; !o && k < nopts; k++)
		if (opt_matches(arg, opts[k].name, &val))
			o = &opts[k];
	if (!o)
		return usage_error(cmd, exit_code, "unknown option", arg);
	if (o->flag) {
		if (val)
			return usage_error(cmd, exit_code,
			                   "option takes no value:", arg);
		*o->flag = 1;
		return 0;
	}
	if (!val) {
		if (*i + 1 >= argc)
			return usage_error(cmd, exit_code,
			                   "option needs a value:", arg);
		val = argv[++*i];
	}
	*o->value = val;
	return 0;
}

int cli_parse(const command *cmd, cli_ctx *ctx, int argc, char **argv,
              const cli_opt *opts, size_t nopts, char **pos, size_t min_pos,
              size_t max_pos, int *exit_code)
{
	size_t npos = 0;
	int options_done = 0;

	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (!options_done && strcmp(arg, "--") == 0) {
			options_done = 1;
		} else if (!options_done && (strcmp(arg, "--help") == 0 ||
		                             strcmp(arg, "-h") == 0)) {
			cli_print_help(cmd, stdout);
			*exit_code = 0;
			return -1;
		} else if (!options_done && arg[0] == '-' && arg[1] != '\0') {
			if (take_option(cmd, ctx, argc, argv, &i, opts, nopts,
			                exit_code) < 0)
				return -1;
		} else if (npos < max_pos) {
			pos[npos++] = argv[i];
		} else {
			return usage_error(cmd, exit_code,
			                   "unexpected argument", arg);
		}
	}
	if (npos < min_pos)
		return usage_error(cmd, exit_code, "missing argument", NULL);
	for (size_t k = npos; k < max_pos; k++)
		pos[k] = NULL;
	return 0;
}

int cli_check_fir_number(const char *s)
{
	size_t n = 0, y = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	if (n >= 1 && n <= 6 && s[n] == '/') {
		while (isdigit((unsigned char)s[n + 1 + y]))
			y++;
		if (y == 4 && s[n + 1 + y] == '\0')
			return 0;
	}
	fprintf(stderr,
	        "%s: \"%s\" is not an FIR number: write it like 42/2026\n",
	        PROG, s);
	return 2;
}

int cli_fir_arg(const char *arg, char *not_found, size_t n)
{
	int rc = cli_check_fir_number(arg);

	if (rc == 0)
		snprintf(not_found, n, "no FIR %s at this station", arg);
	return rc;
}

int cli_check_accused_code(char *s)
{
	if (isalpha((unsigned char)s[0]) && s[1] >= '1' && s[1] <= '9' &&
	    s[2] == '\0') {
		s[0] = (char)toupper((unsigned char)s[0]);
		return 0;
	}
	fprintf(stderr,
	        "%s: \"%s\" is not an accused code: write it like A1 (A1 to "
	        "A9, then B1 ...)\n",
	        PROG, s);
	return 2;
}

void cli_print_usage(const command *cmd, FILE *out)
{
	fprintf(out, "%s [--config FILE] %s%s%s%s%s\n", PROG,
	        cmd->group ? cmd->group : "", cmd->group ? " " : "", cmd->name,
	        *cmd->args ? " " : "", cmd->args);
}

void cli_print_help(const command *cmd, FILE *out)
{
	fputs("usage: ", out);
	cli_print_usage(cmd, out);
	fprintf(out, "\n%s\n", cmd->summary);
	if (cmd->help && *cmd->help)
		fprintf(out, "\n%s", cmd->help);
}

/* outbox: a command that reaches the server first delivers what is
 * queued, quietly, over the same link (see outbox.h). */
static term_conn *connect_and_deliver(cli_ctx *ctx, term_error *err)
{
	term_conn *c;

	/* ops: Hello tells the server how many writes wait here */
	term_conn_report_outbox((uint32_t)outbox_count(ctx));
	c = term_connect(&ctx->cfg, err);

	if (!c || ctx->outbox_busy || !outbox_pending(ctx))
		return c;
	ctx->outbox_busy = 1;
	(void)outbox_deliver(ctx, &c, 1);
	ctx->outbox_busy = 0;
	if (!c) {
		term_conn_report_outbox((uint32_t)outbox_count(ctx));
		c = term_connect(&ctx->cfg, err);
	}
	return c;
}

term_conn *cli_connect(cli_ctx *ctx, term_error *err)
{
	if (!ctx->cfg_loaded) {
		if (term_config_load(ctx->config_path, &ctx->cfg, err->message,
		                     sizeof(err->message)) < 0) {
			err->kind = TERM_ERR_USAGE;
			err->lost = 0;
			err->field[0] = '\0';
			return NULL;
		}
		ctx->cfg_loaded = 1;
	}
	return connect_and_deliver(ctx, err);
}

int cli_report(const term_error *err)
{
	fprintf(stderr, "%s: %s\n", PROG, err->message);
	return term_exit_code(err->kind);
}

void cli_ctx_free(cli_ctx *ctx)
{
	if (ctx->cfg_loaded)
		term_config_free(&ctx->cfg);
	ctx->cfg_loaded = 0;
}

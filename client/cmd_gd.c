/* cmd_gd.c: the General Diary: cctns gd show [DATE] prints a station day
 * as a numbered table; cctns gd add FILE.json|- writes an entry (general,
 * departure, arrival or a correction) on the path every write takes; cctns
 * gd new fills the same entry in field by field (form_cmd.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "form_cmd.h"
#include "print_gd.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

#define IST_OFFSET_S (5 * 3600 + 30 * 60)

/* The IST date days_ago days before now as "YYYY-MM-DD". */
static void ist_date(int days_ago, char *buf, size_t bufsz)
{
	time_t t = time(NULL) + IST_OFFSET_S - (time_t)days_ago * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, bufsz, "%Y-%m-%d", &tm);
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* DATE as the server takes it: "" for today, else "YYYY-MM-DD". Accepts
 * today, yesterday, 2026-11-29, 29/11/2026 and 29-11-2026. -1 for anything
 * else; the calendar itself is the server's to check. */
static int parse_day(const char *arg, char *buf, size_t bufsz)
{
	size_t n = arg ? strlen(arg) : 0;

	if (!arg || strcmp(arg, "today") == 0)
		buf[0] = '\0';
	else if (strcmp(arg, "yesterday") == 0)
		ist_date(1, buf, bufsz);
	else if (n == 10 && all_digits(arg, 4) && arg[4] == '-' &&
	         all_digits(arg + 5, 2) && arg[7] == '-' &&
	         all_digits(arg + 8, 2))
		snprintf(buf, bufsz, "%s", arg);
	else if (n == 10 && all_digits(arg, 2) && all_digits(arg + 3, 2) &&
	         all_digits(arg + 6, 4) && (arg[2] == '/' || arg[2] == '-') &&
	         arg[5] == arg[2])
		snprintf(buf, bufsz, "%.4s-%.2s-%.2s", arg + 6, arg + 3, arg);
	else
		return -1;
	return 0;
}

static void print_day(FILE *out, const ProtobufCMessage *m, const char *key_hex)
{
	(void)key_hex;
	print_gd_day(out, (const Cctns__V1__GdDay *)m);
}

int cmd_gd_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], day[32];
	Cctns__V1__GetGd get = CCTNS__V1__GET_GD__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer = CCTNS__V1__ENVELOPE__BODY_GD_DAY,
	                         .noun = "a diary day",
	                         .print = print_day};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 0, 1,
	              &rc) < 0)
		return rc;
	if (parse_day(pos[0], day, sizeof(day)) < 0) {
		fprintf(stderr,
		        "%s: \"%s\" is not a day: write it like 2026-11-29 "
		        "or 29/11/2026 (or today, yesterday)\n",
		        PROG, pos[0]);
		return 2;
	}
	get.date = day;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_GD;
	env.get_gd = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}

/* The document is the request itself without its key: a shallow copy
 * carries the key, so the document is never changed. */
static void *wrap_entry(const submit_call *c, Envelope *env)
{
	Cctns__V1__AddGdEntry *r = xmalloc(sizeof(*r));

	*r = *(const Cctns__V1__AddGdEntry *)c->doc;
	r->idempotency_key = c->key;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_ADD_GD_ENTRY;
	env->add_gd_entry = r;
	return r;
}

static void print_entry_receipt(FILE *out, const ProtobufCMessage *m,
                                const char *key_hex)
{
	print_gd_receipt(out, (const Cctns__V1__GdEntryReceipt *)m, key_hex);
}

static const char *const entry_own[] = {"idempotency_key", NULL};
static const char *const entry_strip[] = {"add_gd_entry.", NULL};

static const submit_kind entry_kind = {
        .noun = "diary entry",
        .doc = &cctns__v1__add_gd_entry__descriptor,
        .own = entry_own,
        .wrap = wrap_entry,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_GD_ENTRY_RECEIPT,
                  .noun = "a receipt",
                  .print = print_entry_receipt,
                  .strip = entry_strip},
};

int cmd_gd_add(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&entry_kind, self, ctx, argc, argv);
}

int cmd_gd_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&entry_kind, self, ctx, argc, argv);
}

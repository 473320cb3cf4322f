/* cmd_outbox.c: cctns sync (deliver the offline outbox now), cctns outbox
 * list (what waits, what was refused or damaged), cctns outbox show
 * RECEIPT (what became of an offline receipt). See outbox.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "outbox.h"
#include "outbox_int.h"
#include "pbjson.h"
#include "reply.h"
#include "util.h"

/* Load station.conf for a command that may not connect. */
static int load_config(cli_ctx *ctx)
{
	char msg[512];

	if (ctx->cfg_loaded)
		return 0;
	if (term_config_load(ctx->config_path, &ctx->cfg, msg, sizeof(msg)) <
	    0) {
		fprintf(stderr, "%s: %s\n", PROG, msg);
		return 2;
	}
	ctx->cfg_loaded = 1;
	return 0;
}

/* "29/11/2026 10:30 IST" */
static void ist_time(int64_t t, char *out, size_t n)
{
	time_t ist = (time_t)(t + 19800);
	struct tm tm;

	gmtime_r(&ist, &tm);
	strftime(out, n, "%d/%m/%Y %H:%M IST", &tm);
}

static int count_area(const cli_ctx *ctx, const char *area)
{
	struct dirent **names = NULL;
	int n = ob_list(ctx, area, &names);

	if (n > 0)
		ob_list_free(names, n);
	return n < 0 ? 0 : n;
}

int cmd_sync(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	term_error err;
	term_conn *conn;
	int rc, left, n;

	if (cli_parse(self, ctx, argc, argv, NULL, 0, NULL, 0, 0, &rc) < 0)
		return rc;
	rc = load_config(ctx);
	if (rc != 0)
		return rc;
	n = count_area(ctx, "queue");
	if (n == 0) {
		printf("Nothing queued: the outbox %s is empty.\n",
		       ctx->cfg.outbox_dir);
		return 0;
	}
	ctx->outbox_busy = 1;
	conn = cli_connect(ctx, &err);
	if (!conn) {
		fprintf(stderr,
		        "%s: %s\n%s: %d queued record%s stay%s queued\n", PROG,
		        err.message, PROG, n, n == 1 ? "" : "s",
		        n == 1 ? "s" : "");
		return term_exit_code(err.kind);
	}
	left = outbox_deliver(ctx, &conn, 0);
	term_close(conn);
	ctx->outbox_busy = 0;
	if (left < 0) {
		fprintf(stderr, "%s: the outbox %s was not delivered\n", PROG,
		        ctx->cfg.outbox_dir);
		return 1;
	}
	n = count_area(ctx, "failed");
	if (n > 0)
		fprintf(stderr,
		        "%s: %d record%s refused by the server wait%s in "
		        "%s/failed (see cctns outbox list)\n",
		        PROG, n, n == 1 ? "" : "s", n == 1 ? "s" : "",
		        ctx->cfg.outbox_dir);
	return left > 0 ? 5 : 0;
}

/* One record of an area: receipt, kind, when, key (or why damaged). */
static void list_one(const cli_ctx *ctx, const char *area, const char *name,
                     const char *state)
{
	outbox_rec r;
	char why[200], when[40], key[2 * 16 + 1];

	if (ob_load(ctx, area, name, &r, why, sizeof(why)) < 0) {
		printf("%-34s  %-10s  %s/%s: %s\n", "?", "damaged", area, name,
		       why);
		return;
	}
	ist_time(r.queued_at, when, sizeof(when));
	ob_request_key(&r, key);
	printf("%-34s  %-10s  %-14s  queued %s  key %s\n", r.receipt, state,
	       r.noun, when, key);
	outbox_rec_free(&r);
}

static void list_area(const cli_ctx *ctx, const char *area, const char *state)
{
	struct dirent **names = NULL;
	int n = ob_list(ctx, area, &names);

	for (int i = 0; i < n; i++)
		list_one(ctx, area, names[i]->d_name, state);
	if (n > 0)
		ob_list_free(names, n);
}

/* The deliveries in delivered.log: counted, and printed when print. */
static int list_delivered(const cli_ctx *ctx, int print)
{
	char path[1100], line[700];
	FILE *f;
	int n = 0;

	ob_path(ctx, "delivered.log", path, sizeof(path));
	f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f)) {
		char *save = NULL, *rec = strtok_r(line, "\t\n", &save);
		char *no = strtok_r(NULL, "\t\n", &save);
		char *num = strtok_r(NULL, "\t\n", &save);
		char *at = strtok_r(NULL, "\t\n", &save);

		if (!rec || !no || !num || !at)
			continue;
		n++;
		if (print)
			printf("%-34s  %-10s  %-14s  -> %s (delivered %s)\n",
			       rec, "delivered", no, num, at);
	}
	if (f)
		fclose(f);
	return n;
}

int cmd_outbox_list(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int rc, all = 0;
	const cli_opt opts[] = {{"--all", NULL, &all}};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), NULL, 0, 0,
	              &rc) < 0)
		return rc;
	rc = load_config(ctx);
	if (rc != 0)
		return rc;
	printf("Outbox %s: %d queued, %d refused, %d damaged, %d "
	       "delivered\n",
	       ctx->cfg.outbox_dir, count_area(ctx, "queue"),
	       count_area(ctx, "failed"), count_area(ctx, "damaged"),
	       list_delivered(ctx, 0));
	list_area(ctx, "queue", "queued");
	list_area(ctx, "failed", "refused");
	list_area(ctx, "damaged", "damaged");
	if (all)
		(void)list_delivered(ctx, 1);
	return 0;
}

/* The delivered.log line of receipt (the last one), into number/when. */
static int find_delivered(const cli_ctx *ctx, const char *receipt, char *noun,
                          char *number, char *when, size_t n)
{
	char path[1100], line[700];
	FILE *f;
	int found = 0;

	ob_path(ctx, "delivered.log", path, sizeof(path));
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		char *save = NULL, *rec = strtok_r(line, "\t\n", &save);
		char *no = strtok_r(NULL, "\t\n", &save);
		char *num = strtok_r(NULL, "\t\n", &save);
		char *at = strtok_r(NULL, "\t\n", &save);

		if (!rec || !no || !num || !at || strcmp(rec, receipt) != 0)
			continue;
		snprintf(noun, n, "%s", no);
		snprintf(number, n, "%s", num);
		snprintf(when, n, "%s", at);
		found = 1;
	}
	fclose(f);
	return found;
}

/* The request of r as JSON (the document and its key), for re-entering a
 * refused one. */
static void print_request(const outbox_rec *r)
{
	Envelope *env =
	        cctns__v1__envelope__unpack(NULL, r->request_len, r->request);
	const ProtobufCMessage *body = env ? reply_body(env) : NULL;
	char *text = body ? pbjson_format(body, PBJSON_PRETTY) : NULL;

	if (text)
		printf("%s\n", text);
	free(text);
	if (env)
		envelope_free(env);
}

/* A record of area with this receipt: 1 found (printed), 0 not. */
static int show_in_area(const cli_ctx *ctx, const char *area,
                        const char *receipt, int json)
{
	struct dirent **names = NULL;
	int n = ob_list(ctx, area, &names), found = 0;

	for (int i = 0; i < n && !found; i++) {
		outbox_rec r;
		char why[200], when[40], path[1100];
		uint8_t *reason = NULL;
		size_t len = 0;

		if (ob_load(ctx, area, names[i]->d_name, &r, why, sizeof(why)) <
		    0)
			continue;
		if (strcmp(r.receipt, receipt) == 0 && json) {
			found = 1;
			print_request(&r);
		} else if (strcmp(r.receipt, receipt) == 0) {
			found = 1;
			ist_time(r.queued_at, when, sizeof(when));
			printf("%s: %s queued %s, %s\n", r.receipt, r.noun,
			       when,
			       strcmp(area, "queue") == 0
			               ? "not yet delivered (cctns sync)"
			               : "refused by the server:");
			snprintf(path, sizeof(path), "%s/%s/%s.reason",
			         ctx->cfg.outbox_dir, area, names[i]->d_name);
			if (strcmp(area, "failed") == 0 &&
			    ob_read_file(path, &reason, &len) == 0) {
				printf("  %.*s", (int)len,
				       (const char *)reason);
				free(reason);
			}
		}
		outbox_rec_free(&r);
	}
	if (n > 0)
		ob_list_free(names, n);
	return found;
}

int cmd_outbox_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	char noun[128], number[128], when[128];
	char *pos[1];
	int rc, json = 0;
	const cli_opt opts[] = {{"--json", NULL, &json}};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	rc = load_config(ctx);
	if (rc != 0)
		return rc;
	if (find_delivered(ctx, pos[0], noun, number, when, sizeof(noun))) {
		printf("%s -> %s %s (delivered %s)\n", pos[0], noun, number,
		       when);
		return 0;
	}
	if (show_in_area(ctx, "queue", pos[0], json))
		return 0;
	if (show_in_area(ctx, "failed", pos[0], json))
		return json ? 0 : 4;
	fprintf(stderr,
	        "%s: no offline receipt %s in the outbox %s (a damaged record "
	        "is listed by cctns outbox list)\n",
	        PROG, pos[0], ctx->cfg.outbox_dir);
	return 6;
}

/* cmd_dossier.c: what an investigator searches the whole state with.
 *   cctns person dossier ID [--json] [--pdf FILE]   everything on a person
 *   cctns vehicle search NUMBER | --chassis X | --engine Y [--json]
 *   cctns property search [--kind K] [--number N] [--words "W ..."]
 *                         [--register stolen|lost|seized] [--json]
 *   cctns mo search [--major M] [--minor M] [--methods "W ..."] [--place P]
 *                   [--hours FROM-TO] [--district D [--station S]]
 *                   [--from DATE] [--to DATE] [--json]
 *   cctns alerts list [--all] [--json];  cctns alerts ack ID [--json]
 * Each is one request; the server checks the values and names the field
 * it refuses. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "print_dossier.h"
#include "reply.h"
#include "util.h"

/* A number 1 to 18 digits, not 0, into *v: 0, or 2 after saying why. */
static int number_arg(const char *s, const char *what, const char *example,
                      uint64_t *v)
{
	size_t n = strspn(s, "0123456789");
	char *end;

	if (n >= 1 && n <= 18 && s[n] == '\0' && strspn(s, "0") < n) {
		errno = 0;
		*v = strtoull(s, &end, 10);
		if (errno == 0 && *end == '\0')
			return 0;
	}
	fprintf(stderr, "%s: \"%s\" is not %s: write it as %s\n", PROG, s, what,
	        example);
	return 2;
}

/* An unsigned option value (district, station codes). */
static int code_arg(const char *s, const char *opt, uint32_t *v)
{
	uint64_t x;

	if (!s)
		return 0;
	if (number_arg(s, "a code", "digits, e.g. 118", &x) != 0 ||
	    x > 99999999u) {
		fprintf(stderr, "%s: %s: expected a code like 118\n", PROG,
		        opt);
		return 2;
	}
	*v = (uint32_t)x;
	return 0;
}

static void print_dossier_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	(void)key_hex;
	print_dossier(out, (const Cctns__V1__Dossier *)m);
}

int cmd_person_dossier(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}, CLI_OPT_PDF(ctx)};
	char *pos[1], not_found[96];
	Cctns__V1__GetDossier get = CCTNS__V1__GET_DOSSIER__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer = CCTNS__V1__ENVELOPE__BODY_DOSSIER,
	                         .noun = "a dossier",
	                         .print = print_dossier_answer,
	                         .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	if (number_arg(pos[0], "a person number",
	               "cctns person show prints it, e.g. 1234",
	               &get.person_id) != 0)
		return 2;
	snprintf(not_found, sizeof(not_found),
	         "no person %s in this state's records", pos[0]);
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_DOSSIER;
	env.get_dossier = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}

static void print_vehicles(FILE *out, const ProtobufCMessage *m,
                           const char *key_hex)
{
	(void)key_hex;
	print_vehicle_search(out, (const Cctns__V1__VehicleSearchResult *)m);
}

int cmd_vehicle_search(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const char *chassis = NULL, *engine = NULL;
	const cli_opt opts[] = {{"--chassis", &chassis, NULL},
	                        {"--engine", &engine, NULL},
	                        {"--json", NULL, &json}};
	char *pos[1] = {NULL};
	Cctns__V1__SearchVehicles q = CCTNS__V1__SEARCH_VEHICLES__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_VEHICLE_SEARCH_RESULT,
	        .noun = "vehicle search results",
	        .print = print_vehicles};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 0, 1,
	              &rc) < 0)
		return rc;
	if ((pos[0] != NULL) + (chassis != NULL) + (engine != NULL) != 1) {
		fprintf(stderr,
		        "%s: give one number to search by: a registration "
		        "number (whole or part), --chassis X or --engine Y\n",
		        PROG);
		return 2;
	}
	q.number = pos[0] ? pos[0] : "";
	q.chassis_number = chassis ? (char *)chassis : "";
	q.engine_number = engine ? (char *)engine : "";
	env.body_case = CCTNS__V1__ENVELOPE__BODY_SEARCH_VEHICLES;
	env.search_vehicles = &q;
	return reply_call(ctx, &env, &spec, json, NULL);
}

static void print_property(FILE *out, const ProtobufCMessage *m,
                           const char *key_hex)
{
	(void)key_hex;
	print_property_search(out, (const Cctns__V1__PropertySearchResult *)m);
}

int cmd_property_search(const command *self, cli_ctx *ctx, int argc,
                        char **argv)
{
	int json = 0, rc;
	const char *kind = NULL, *number = NULL, *words = NULL, *reg = NULL;
	const cli_opt opts[] = {{"--kind", &kind, NULL},
	                        {"--number", &number, NULL},
	                        {"--words", &words, NULL},
	                        {"--register", &reg, NULL},
	                        {"--json", NULL, &json}};
	Cctns__V1__SearchProperty q = CCTNS__V1__SEARCH_PROPERTY__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_PROPERTY_SEARCH_RESULT,
	        .noun = "property search results",
	        .print = print_property};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), NULL, 0, 0,
	              &rc) < 0)
		return rc;
	if (!number && !words) {
		fprintf(stderr,
		        "%s: give --number N (IMEI, serial, arms number) or "
		        "--words \"WORDS\" to search by\n",
		        PROG);
		return 2;
	}
	q.kind = kind ? (char *)kind : "";
	q.number = number ? (char *)number : "";
	q.words = words ? (char *)words : "";
	q.register_ = reg ? (char *)reg : "";
	env.body_case = CCTNS__V1__ENVELOPE__BODY_SEARCH_PROPERTY;
	env.search_property = &q;
	return reply_call(ctx, &env, &spec, json, NULL);
}

static void print_mo(FILE *out, const ProtobufCMessage *m, const char *key_hex)
{
	(void)key_hex;
	print_mo_search(out, (const Cctns__V1__MoSearchResult *)m);
}

int cmd_mo_search(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const char *major = NULL, *minor = NULL, *methods = NULL, *place = NULL,
	           *hours = NULL, *district = NULL, *station = NULL,
	           *from = NULL, *to = NULL;
	const cli_opt opts[] = {
	        {"--major", &major, NULL},     {"--minor", &minor, NULL},
	        {"--methods", &methods, NULL}, {"--place", &place, NULL},
	        {"--hours", &hours, NULL},     {"--district", &district, NULL},
	        {"--station", &station, NULL}, {"--from", &from, NULL},
	        {"--to", &to, NULL},           {"--json", NULL, &json}};
	Cctns__V1__SearchMo q = CCTNS__V1__SEARCH_MO__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_MO_SEARCH_RESULT,
	        .noun = "MO search results",
	        .print = print_mo};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), NULL, 0, 0,
	              &rc) < 0)
		return rc;
	if (!major && !methods) {
		fprintf(stderr,
		        "%s: give --major HEAD (cctns lookup mo WORDS finds "
		        "heads) or --methods \"WORDS\"\n",
		        PROG);
		return 2;
	}
	if (code_arg(district, "--district", &q.district_code) != 0 ||
	    code_arg(station, "--station", &q.station_code) != 0)
		return 2;
	q.major = major ? (char *)major : "";
	q.minor = minor ? (char *)minor : "";
	q.methods = methods ? (char *)methods : "";
	q.place_type = place ? (char *)place : "";
	q.hours = hours ? (char *)hours : "";
	q.from = from ? (char *)from : "";
	q.to = to ? (char *)to : "";
	env.body_case = CCTNS__V1__ENVELOPE__BODY_SEARCH_MO;
	env.search_mo = &q;
	return reply_call(ctx, &env, &spec, json, NULL);
}

static void print_alerts(FILE *out, const ProtobufCMessage *m,
                         const char *key_hex)
{
	(void)key_hex;
	print_alert_list(out, (const Cctns__V1__AlertList *)m);
}

int cmd_alerts_list(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, all = 0, rc;
	const cli_opt opts[] = {{"--all", NULL, &all}, {"--json", NULL, &json}};
	Cctns__V1__ListAlerts q = CCTNS__V1__LIST_ALERTS__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer = CCTNS__V1__ENVELOPE__BODY_ALERT_LIST,
	                         .noun = "a list of alerts",
	                         .print = print_alerts};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), NULL, 0, 0,
	              &rc) < 0)
		return rc;
	q.all = all;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_LIST_ALERTS;
	env.list_alerts = &q;
	return reply_call(ctx, &env, &spec, json, NULL);
}

static void print_acked(FILE *out, const ProtobufCMessage *m,
                        const char *key_hex)
{
	(void)key_hex;
	fputs("Acknowledged:\n", out);
	print_match_alert(out, (const Cctns__V1__MatchAlert *)m);
}

int cmd_alerts_ack(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[96];
	Cctns__V1__AckAlert q = CCTNS__V1__ACK_ALERT__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer =
	                                 CCTNS__V1__ENVELOPE__BODY_MATCH_ALERT,
	                         .noun = "an alert",
	                         .print = print_acked,
	                         .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	if (number_arg(pos[0], "an alert number",
	               "cctns alerts list prints it, e.g. 12",
	               &q.alert_id) != 0)
		return 2;
	snprintf(not_found, sizeof(not_found), "no alert %s for this station",
	         pos[0]);
	env.body_case = CCTNS__V1__ENVELOPE__BODY_ACK_ALERT;
	env.ack_alert = &q;
	return reply_call(ctx, &env, &spec, json, NULL);
}

/* cmd_vehicle.c: the register of stolen, recovered and unclaimed vehicles:
 * cctns vehicle report FILE.json|- records one (its receipt lists the
 * matching reports of the state); cctns vehicle new fills it in field by
 * field (form_cmd.h); cctns vehicle show NUMBER prints it;
 * cctns vehicle find REGISTRATION | --chassis X | --engine Y is cctns
 * vehicle search (cmd_dossier.c). */
#include <stdio.h>

#include "cmd_r2.h"
#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_vehicle.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void *wrap_report(const submit_call *c, Envelope *env)
{
	Cctns__V1__ReportVehicle *r = xmalloc(sizeof(*r));

	cctns__v1__report_vehicle__init(r);
	r->idempotency_key = c->key;
	r->report = (Cctns__V1__VehicleReport *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REPORT_VEHICLE;
	env->report_vehicle = r;
	return r;
}

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_vehicle_receipt(out, (const Cctns__V1__VehicleReceipt *)m,
	                      key_hex);
}

static const char *const report_strip[] = {"report_vehicle.", "report.", NULL};

/* forms: the report as the register will show it, before it has a
 * number. */
static void preview_report(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__VehicleRecord r = CCTNS__V1__VEHICLE_RECORD__INIT;

	r.report = (Cctns__V1__VehicleReport *)m;
	print_vehicle_record(out, &r);
}

const submit_kind vehicle_report_kind = {
        .noun = "vehicle report",
        .doc = &cctns__v1__vehicle_report__descriptor,
        .wrap = wrap_report,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_VEHICLE_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = report_strip},
        .preview = preview_report,
};

int cmd_vehicle_report(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&vehicle_report_kind, self, ctx, argc, argv);
}

int cmd_vehicle_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&vehicle_report_kind, self, ctx, argc, argv);
}

static void print_record(FILE *out, const ProtobufCMessage *m,
                         const char *key_hex)
{
	(void)key_hex;
	print_vehicle_record(out, (const Cctns__V1__VehicleRecord *)m);
}

int cmd_vehicle_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[128];
	Cctns__V1__GetVehicleReport get = CCTNS__V1__GET_VEHICLE_REPORT__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_VEHICLE_RECORD,
	        .noun = "a vehicle report",
	        .print = print_record,
	        .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	if (r2_number_arg(pos[0], NULL, "vehicle report") != 0)
		return 2;
	snprintf(not_found, sizeof(not_found),
	         "no vehicle report %s at this station", pos[0]);
	get.number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_VEHICLE_REPORT;
	env.get_vehicle_report = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}

/* search (slice 8): vehicle find is vehicle search (one printout, the
 * partial numbers of the search included). */
int cmd_vehicle_find(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return cmd_vehicle_search(self, ctx, argc, argv);
}

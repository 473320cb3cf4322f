/* reply.c: one request, one answer, printed (see reply.h). */
#include "reply.h"

#include <stdlib.h>

#include "pbjson.h"
#include "pdf_form.h"

const ProtobufCMessage *reply_body(const Envelope *env)
{
	const ProtobufCFieldDescriptor *f;

	if (env->body_case == CCTNS__V1__ENVELOPE__BODY__NOT_SET)
		return NULL;
	f = protobuf_c_message_descriptor_get_field(
	        &cctns__v1__envelope__descriptor, (unsigned)env->body_case);
	if (!f || f->type != PROTOBUF_C_TYPE_MESSAGE)
		return NULL;
	return *(const ProtobufCMessage *const *)((const char *)env +
	                                          f->offset);
}

/* "cctns: field: message" for a refused request; returns the exit code. */
static int report_status(const Cctns__V1__Status *st, const reply_spec *spec,
                         const doc *in)
{
	term_error err;

	term_error_from_status(st, &err);
	if (err.kind == TERM_ERR_INPUT && in)
		return doc_error(in, 0, doc_path(err.field, spec->strip),
		                 err.message);
	if (err.kind == TERM_ERR_NOT_FOUND && spec->not_found &&
	    !(st->message && *st->message))
		term_fail(&err, TERM_ERR_NOT_FOUND, "%s", spec->not_found);
	if (err.kind == TERM_ERR_INPUT && err.field[0]) {
		fprintf(stderr, "%s: %s: %s\n", PROG, err.field, err.message);
		return term_exit_code(err.kind);
	}
	return cli_report(&err);
}

int reply_print(const Envelope *resp, const reply_spec *spec, int json,
                const char *key_hex, const doc *in)
{
	const ProtobufCMessage *answer = reply_body(resp);
	term_error err;

	if (resp->body_case == spec->answer && answer) {
		if (json) {
			char *text = pbjson_format(answer, PBJSON_PRETTY);

			printf("%s\n", text);
			free(text);
		} else {
			spec->print(stdout, answer, key_hex);
		}
		return 0;
	}
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS)
		return report_status(resp->status, spec, in);
	term_fail(&err, TERM_ERR_INTERNAL,
	          "the server answered with %s instead of %s",
	          envelope_body_name(resp), spec->noun);
	return cli_report(&err);
}

int reply_call(cli_ctx *ctx, Envelope *env, const reply_spec *spec, int json,
               const doc *in)
{
	Envelope *resp = NULL;
	term_error err;
	term_conn *conn;
	int rc;

	if (ctx->pdf_path) {
		rc = pdf_form_check(ctx->pdf_path, json);
		if (rc != 0)
			return rc;
	}
	conn = cli_connect(ctx, &err);
	if (!conn)
		return cli_report(&err);
	rc = term_call(conn, env, &resp, &err);
	if (rc < 0) {
		term_close(conn);
		rc = cli_report(&err);
		if (err.lost && spec->lost_hint)
			fprintf(stderr, "%s: %s\n", PROG, spec->lost_hint);
		return rc;
	}
	/* --pdf: the answer's printout as a PDF, headed with this station. */
	if (ctx->pdf_path && resp->body_case == spec->answer &&
	    reply_body(resp))
		rc = pdf_form_write(ctx->pdf_path, reply_body(resp),
		                    spec->print,
		                    term_hello_ack(conn)->identity);
	else
		rc = reply_print(resp, spec, json, NULL, in);
	term_close(conn);
	envelope_free(resp);
	return rc;
}

/* handlers_call.c: the one handler behind every request that is a JSON
 * call (jsoncall.h): build the parameters from the request and the
 * session's identity (the certificate, never a message field), run the row's
 * statement on the pool, and answer with the response built around the
 * JSON the database returned, or with the Status its error maps to. Nothing
 * here logs request or case content. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "dberr.h"
#include "dispatch.h"
#include "handlers.h"
#include "identity.h"
#include "log.h"
#include "pbjson.h"
#include "pool.h"
#include "readpool.h"
#include "util.h"

#define SC(x)   CCTNS__V1__STATUS_CODE__STATUS_CODE_##x
#define KEY_MAX 16

/* sealed: the officer behind every JSON call, set for its transaction only
 * (is_local), so api.* functions can decide what that officer may see
 * (core.may_see_sealed, 0030_sealed.sql): the signed-in officer number ("" when
 * none) and the session's permission mask (perm.h bits, decimal). */
static const struct pool_stmt officer_context = {
        "officer_context",
        "SELECT set_config('cctns.officer', $1::text, true), "
        "set_config('cctns.permissions', $2::text, true)",
        2,
};

/* A call waiting for the database, with a copy of the key to echo (the
 * request envelope is gone by then). */
struct call {
	struct request *req;
	const struct jsoncall *row;
	uint8_t key[KEY_MAX];
	size_t keylen;
};

void handlers_call_field(const void *row, const char *column, char *out,
                         size_t outsz)
{
	jsoncall_field(row, column, out, outsz);
}

int handlers_call_params(struct request *req, const Envelope *env,
                         const struct jsoncall *row, struct jsoncall_params *p)
{
	const struct identity *id = req->identity;
	const uint32_t codes[3] = {id->state, id->district, id->station};

	if (jsoncall_params(row, jsoncall_request_body(env), codes, p) == 0)
		return 0;
	jsoncall_params_free(p);
	request_fail(req, SC(INTERNAL), NULL,
	             "internal error: cannot encode the request");
	return -1;
}

void handlers_officer_ctx(const struct request *req, const char *ctx[2],
                          char mask[24])
{
	snprintf(mask, 24, "%llu",
	         (unsigned long long)(req->seat ? req->seat->permissions : 0));
	ctx[0] = req->seat ? req->seat->officer_no : "";
	ctx[1] = mask;
}

ProtobufCMessage *handlers_parse_answer(struct request *req,
                                        const struct jsoncall *row,
                                        const char *json, size_t len)
{
	const ProtobufCMessageDescriptor *d = jsoncall_result_desc(row);
	ProtobufCMessage *msg;
	pbjson_error err;

	msg = pbjson_parse(d, json, len, &err);
	if (!msg) {
		log_event(LOG_ERROR, "db_bad_json",
		          "conn=%llu id=%llu message=%s path=%s",
		          (unsigned long long)req->conn_id,
		          (unsigned long long)req->id, d->name,
		          err.path[0] ? err.path : "-");
		request_fail(req, SC(INTERNAL), NULL,
		             "internal error: the database's answer cannot be "
		             "read; the server log has the request id");
	}
	return msg;
}

static void call_reply(struct call *call, const PGresult *res)
{
	struct request *req = call->req;
	const struct jsoncall *row = call->row;
	Cctns__V1__Identity station = CCTNS__V1__IDENTITY__INIT;
	struct jsoncall_reply r;
	ProtobufCMessage *msg;

	msg = handlers_parse_answer(req, row, PQgetvalue(res, 0, 0),
	                            (size_t)PQgetlength(res, 0, 0));
	if (!msg)
		return;
	handlers_identity_pb(req->identity, &station);
	jsoncall_reply_make(&r, row, msg,
	                    row->replayed && PQgetvalue(res, 0, 1)[0] == 't',
	                    &station, call->key, call->keylen);
	request_reply(req, &r.env);
	jsoncall_reply_free(&r);
}

static void call_done(void *arg, enum pool_outcome outcome, const PGresult *res)
{
	struct call *call = arg;
	int ncols = call->row->replayed ? 2 : 1;

	if (outcome != POOL_OK)
		dberr_fail(call->req, outcome, res, handlers_call_field,
		           call->row);
	else if (PQntuples(res) != 1 || PQnfields(res) != ncols)
		request_fail(call->req, SC(INTERNAL), NULL,
		             "internal error: unexpected answer from the "
		             "database");
	else if (PQgetisnull(res, 0, 0))
		request_fail(call->req, SC(NOT_FOUND), NULL,
		             "not found at this station");
	else
		call_reply(call, res);
	free(call);
}

/* reg (0058): a write whose row has an audited statement appends its own
 * audit record in its transaction: p gets the record's parameters
 * (pointing into t) and the audited statement is the one to run. */
static const struct pool_stmt *call_audited(struct request *req,
                                            const struct jsoncall *row,
                                            struct jsoncall_params *p,
                                            struct audit_tx *t)
{
	struct audit_entry e;
	char ok[32];

	if (!req->audit || !req->write || !row->audited.sql)
		return &row->stmt;
	audit_entry_set(&e, req->identity,
	                req->seat ? req->seat->officer_no : NULL,
	                dispatch_type_name(req->type), NULL,
	                request_status_name(SC(OK), ok, sizeof(ok)));
	audit_tx_params(req->audit, &e, t);
	for (int i = 0; i < AUDIT_TX_NPARAMS; i++) {
		p->values[p->n] = t->values[i];
		p->lengths[p->n] = 0;
		p->formats[p->n] = 0;
		p->n++;
	}
	return &row->audited;
}

/* repl: a read may go to a standby (readpool.h); the rest to the primary. */
static int call_send(struct request *req, const char *const *ctx,
                     const struct pool_stmt *stmt,
                     const struct jsoncall_params *p, struct call *call)
{
	/* reg: an audited registration may share a transaction (pool.h) */
	int group = stmt == &call->row->audited ? call->row->group_key : 0;

	if (req->reads)
		return readpool_query_pre(req->reads, req->type,
		                          &officer_context, 2, ctx, stmt, p->n,
		                          p->values, p->lengths, p->formats,
		                          group, call_done, call);
	return pool_query_group(req->pool, &officer_context, 2, ctx, stmt, p->n,
	                        p->values, p->lengths, p->formats, group,
	                        call_done, call);
}

void handle_json_call(struct request *req, const Envelope *env,
                      const struct jsoncall *row)
{
	struct jsoncall_params p;
	const struct pool_stmt *stmt;
	struct audit_tx t;
	struct call *call;
	const char *ctx[2];
	char mask[24];

	if (handlers_call_params(req, env, row, &p) != 0)
		return;
	stmt = call_audited(req, row, &p, &t);
	call = xcalloc(1, sizeof(*call));
	call->req = req;
	call->row = row;
	call->keylen = p.keylen < KEY_MAX ? p.keylen : KEY_MAX;
	if (call->keylen)
		memcpy(call->key, p.key, call->keylen);
	handlers_officer_ctx(req, ctx, mask);
	req->audited = stmt == &row->audited;
	if (call_send(req, ctx, stmt, &p, call) != 0) {
		free(call);
		req->audited = 0;
		dberr_fail(req, POOL_UNAVAILABLE, NULL, NULL, NULL);
	}
	jsoncall_params_free(&p);
}

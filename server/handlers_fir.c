/* handlers_fir.c: GetFir (an FIR by its number) with the worker's copies
 * (fircache.h). The request is the get_fir row's JSON call with the tag of
 * the worker's copy ("" when none) and the officer context as parameters of
 * one statement, api.get_fir_tagged (it sets the officer for the
 * transaction itself): the database checks the station and the number,
 * decides what this officer may see, records a sealed read, and sends the
 * JSON unless the copy's tag is still its answer. The answer then goes out
 * from the copy; the audit record is the session's, as for every request.
 * Nothing here logs request or case content. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dberr.h"
#include "fircache.h"
#include "firlisten.h"
#include "handlers.h"
#include "identity.h"
#include "pool.h"
#include "readpool.h"
#include "util.h"

#define SC(x)   CCTNS__V1__STATUS_CODE__STATUS_CODE_##x
#define NPARAMS 7

/* The officer context goes in as $6, $7 (one statement, no pre). */
static const struct pool_stmt get_fir_tagged = {
        "get_fir_tagged",
        "SELECT tag, fir FROM api.get_fir_tagged($1::int, $2::int, $3::int, "
        "$4::text, $5::text, $6::text, $7::text)",
        NPARAMS,
};

/* A read waiting for the database: the copy it offered, held. */
struct fir_call {
	struct request *req;
	const struct jsoncall *row;
	struct fircache_entry *have;
	uint64_t gen; /* fir (slice 12): the listener's when it was sent */
	int standby;  /* sent where a standby may answer (readpool.h); the
	               * request is gone once answered, so noted here */
	char key[FIRCACHE_KEY_MAX]; /* "" when not an FIR number (fircache_key)
	                             */
};

/* Answer with msg (the result message); it stays the caller's. */
static void fir_reply(struct fir_call *call, ProtobufCMessage *msg)
{
	Cctns__V1__Identity station = CCTNS__V1__IDENTITY__INIT;
	struct jsoncall_reply r;

	handlers_identity_pb(call->req->identity, &station);
	jsoncall_reply_make(&r, call->row, msg, 0, &station, NULL, 0);
	request_reply(call->req, &r.env);
	(void)jsoncall_reply_detach(&r);
}

/* issue 7: the copy held by call, as the answer: every field but the one
 * the reply fills per request (the receipt, with the asking station's
 * Identity) encoded once (fircache_entry_answer). */
static ProtobufCMessage *fir_copy(const struct fir_call *call)
{
	char keep[32];

	return fircache_entry_answer(
	        call->have, jsoncall_reply_keep(call->row, keep, sizeof(keep)));
}

/* fir (slice 12): may a copy tagged tag, confirmed by this read, be
 * answered locally from now on? Plain, and nothing could have been missed
 * while the read was out (the comment at the top). */
static int fir_verifiable(const struct fir_call *call, const char *tag)
{
	size_t n = strlen(tag);

	/* A standby's answer may be behind the notifications the listener
	 * (on the primary) has already received: never verified by one. */
	if (call->standby)
		return 0;
	return n > 1 && tag[n - 1] == 'p' &&
	       call->gen == firlisten_generation() && firlisten_local_ok();
}

/* The database sent the JSON: build the FIR, answer, keep it when tagged. */
static void fir_fresh(struct fir_call *call, const PGresult *res)
{
	size_t len = (size_t)PQgetlength(res, 0, 1);
	ProtobufCMessage *msg;

	if (call->key[0])
		fircache_count_miss(call->have != NULL); /* ops (slice 11) */

	msg = handlers_parse_answer(call->req, call->row, PQgetvalue(res, 0, 1),
	                            len);
	if (!msg) {
		if (call->key[0])
			fircache_forget(call->key);
		return;
	}
	fir_reply(call, msg);
	if (call->key[0] && !PQgetisnull(res, 0, 0)) {
		const char *tag = PQgetvalue(res, 0, 0);

		fircache_put(call->key, tag, msg, 2 * len);
		if (fir_verifiable(call, tag))
			fircache_verify(call->key, tag);
	} else {
		if (call->key[0])
			fircache_forget(call->key);
		protobuf_c_message_free_unpacked(msg, NULL);
	}
}

static void fir_done(void *arg, enum pool_outcome outcome, const PGresult *res)
{
	struct fir_call *call = arg;

	if (outcome != POOL_OK)
		dberr_fail(call->req, outcome, res, handlers_call_field,
		           call->row);
	else if (PQntuples(res) != 1 || PQnfields(res) != 2)
		request_fail(call->req, SC(INTERNAL), NULL,
		             "internal error: unexpected answer from the "
		             "database");
	else if (!PQgetisnull(res, 0, 1))
		fir_fresh(call, res);
	else if (call->have && !PQgetisnull(res, 0, 0) &&
	         strcmp(PQgetvalue(res, 0, 0),
	                fircache_entry_tag(call->have)) == 0) {
		fir_reply(call, fir_copy(call));
		if (fir_verifiable(call, fircache_entry_tag(call->have)))
			fircache_verify(call->key,
			                fircache_entry_tag(call->have));
	} else
		request_fail(call->req, SC(NOT_FOUND), NULL,
		             "not found at this station");
	if (call->have)
		fircache_release(call->have);
	free(call);
}

static int fir_send(struct request *req, const struct fir_call *call,
                    const struct jsoncall_params *p)
{
	const char *values[NPARAMS];
	int lengths[NPARAMS] = {0}, formats[NPARAMS] = {0};
	char mask[24];

	if (p->n != 4)
		return -1;
	memcpy(values, p->values, sizeof(values[0]) * 4);
	values[4] = call->have ? fircache_entry_tag(call->have) : "";
	handlers_officer_ctx(req, values + 5, mask);
	if (req->reads)
		return readpool_query_pre(req->reads, req->type, NULL, 0, NULL,
		                          &get_fir_tagged, NPARAMS, values,
		                          lengths, formats, 0, fir_done,
		                          (void *)call);
	return pool_query_pre(req->pool, NULL, 0, NULL, &get_fir_tagged,
	                      NPARAMS, values, lengths, formats, fir_done,
	                      (void *)call);
}

void handle_get_fir(struct request *req, const Envelope *env,
                    const struct jsoncall *row)
{
	const struct identity *id = req->identity;
	const uint32_t codes[3] = {id->state, id->district, id->station};
	struct jsoncall_params p;
	struct fir_call *call;

	if (handlers_call_params(req, env, row, &p) != 0)
		return;
	call = xcalloc(1, sizeof(*call));
	call->req = req;
	call->row = row;
	/* ops (slice 11): the number as the database reads it */
	(void)fircache_key(call->key, sizeof(call->key), codes,
	                   p.n > 3 ? p.values[3] : NULL);
	call->have = call->key[0] ? fircache_get(call->key) : NULL;
	if (call->have && fircache_entry_verified(call->have) &&
	    firlisten_local_ok()) { /* fir (slice 12): no database */
		fircache_count_local();
		fir_reply(call, fir_copy(call));
		fircache_release(call->have);
		free(call);
		jsoncall_params_free(&p);
		return;
	}
	call->gen = firlisten_generation();
	call->standby = req->reads && readpool_row_reads(req->type);
	if (fir_send(req, call, &p) != 0) {
		if (call->have)
			fircache_release(call->have);
		free(call);
		dberr_fail(req, POOL_UNAVAILABLE, NULL, NULL, NULL);
	}
	jsoncall_params_free(&p);
}

/* handlers_fir.c: RegisterFir and GetFir. Each is one call of an api.*
 * function: the station codes come from the session's identity (the
 * certificate), never from the message; the FIR travels as the JSON mapping
 * of proto/pbjson.h. Nothing here logs FIR content. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handlers.h"
#include "identity.h"
#include "log.h"
#include "pbjson.h"
#include "util.h"

#define SC(x)        CCTNS__V1__STATUS_CODE__STATUS_CODE_##x
#define IDEM_KEY_LEN 16

static const struct pool_stmt register_fir_stmt = {
        "register_fir",
        "SELECT fir_number, year, number, registered_at, replayed "
        "FROM api.register_fir($1::int, $2::int, $3::int, $4::bytea, "
        "$5::jsonb)",
        5,
};

static const struct pool_stmt get_fir_stmt = {
        "get_fir",
        "SELECT api.get_fir($1::int, $2::int, $3::int, $4::text)",
        4,
};

/* A registration waiting for the database: the key to echo. */
struct register_call {
	struct request *req;
	uint8_t key[IDEM_KEY_LEN];
	size_t keylen;
};

/* The station codes as text parameters $1..$3. */
struct station_params {
	char text[3][16];
};

static void station_params(const struct identity *id, struct station_params *p,
                           const char **values)
{
	snprintf(p->text[0], sizeof(p->text[0]), "%u", id->state);
	snprintf(p->text[1], sizeof(p->text[1]), "%u", id->district);
	snprintf(p->text[2], sizeof(p->text[2]), "%u", id->station);
	for (int i = 0; i < 3; i++)
		values[i] = p->text[i];
}

static void register_reply(struct register_call *call, const PGresult *res)
{
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__FirReceipt r = CCTNS__V1__FIR_RECEIPT__INIT;
	Cctns__V1__Identity station = CCTNS__V1__IDENTITY__INIT;

	handlers_identity_pb(call->req->identity, &station);
	r.fir_number = PQgetvalue(res, 0, 0);
	r.year = (uint32_t)strtoul(PQgetvalue(res, 0, 1), NULL, 10);
	r.number = (uint32_t)strtoul(PQgetvalue(res, 0, 2), NULL, 10);
	r.station = &station;
	r.registered_at = PQgetvalue(res, 0, 3);
	r.idempotency_key.data = call->key;
	r.idempotency_key.len = call->keylen;
	r.replayed = PQgetvalue(res, 0, 4)[0] == 't';
	env.body_case = CCTNS__V1__ENVELOPE__BODY_FIR_RECEIPT;
	env.fir_receipt = &r;
	request_reply(call->req, &env);
}

static void register_done(void *arg, enum pool_outcome outcome,
                          const PGresult *res)
{
	struct register_call *call = arg;

	if (outcome != POOL_OK)
		dberr_fail(call->req, outcome, res, "fir.");
	else if (PQntuples(res) != 1 || PQnfields(res) != 5)
		request_fail(call->req, SC(INTERNAL), NULL,
		             "internal error: unexpected answer from the "
		             "database");
	else
		register_reply(call, res);
	free(call);
}

void handle_register_fir(struct request *req, const Envelope *env)
{
	const Cctns__V1__RegisterFir *rf = env->register_fir;
	struct register_call *call;
	struct station_params sp;
	const char *values[5];
	int lengths[5] = {0}, formats[5] = {0, 0, 0, 1, 0};
	char *json = pbjson_format((const ProtobufCMessage *)rf->fir, 0);

	if (!json) {
		request_fail(req, SC(INTERNAL), NULL,
		             "internal error: cannot encode the FIR");
		return;
	}
	call = xcalloc(1, sizeof(*call));
	call->req = req;
	call->keylen = rf->idempotency_key.len < IDEM_KEY_LEN
	                       ? rf->idempotency_key.len
	                       : IDEM_KEY_LEN;
	memcpy(call->key, rf->idempotency_key.data, call->keylen);
	station_params(req->identity, &sp, values);
	values[3] = (const char *)call->key;
	lengths[3] = (int)call->keylen;
	values[4] = json;
	if (pool_query(req->pool, &register_fir_stmt, 5, values, lengths,
	               formats, register_done, call) != 0) {
		free(call);
		dberr_fail(req, POOL_UNAVAILABLE, NULL, "");
	}
	free(json);
}

/* The receipt of a stored FIR is the caller's station: fill it in when the
 * database left it out. */
static void get_reply(struct request *req, Cctns__V1__Fir *fir)
{
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__Identity station = CCTNS__V1__IDENTITY__INIT;
	int borrowed = 0;

	if (fir->receipt && !fir->receipt->station) {
		handlers_identity_pb(req->identity, &station);
		fir->receipt->station = &station;
		borrowed = 1;
	}
	env.body_case = CCTNS__V1__ENVELOPE__BODY_FIR;
	env.fir = fir;
	request_reply(req, &env);
	if (borrowed)
		fir->receipt->station = NULL; /* not ours to free */
}

static void get_done(void *arg, enum pool_outcome outcome, const PGresult *res)
{
	struct request *req = arg;
	ProtobufCMessage *msg;
	pbjson_error err;

	if (outcome != POOL_OK) {
		dberr_fail(req, outcome, res, "");
		return;
	}
	if (PQntuples(res) != 1 || PQgetisnull(res, 0, 0)) {
		request_fail(req, SC(NOT_FOUND), "fir_number",
		             "no such FIR at this station");
		return;
	}
	msg = pbjson_parse(&cctns__v1__fir__descriptor, PQgetvalue(res, 0, 0),
	                   (size_t)PQgetlength(res, 0, 0), &err);
	if (!msg) {
		log_event(LOG_ERROR, "db_bad_fir_json",
		          "conn=%llu id=%llu path=%s",
		          (unsigned long long)req->conn_id,
		          (unsigned long long)req->id,
		          err.path[0] ? err.path : "-");
		request_fail(req, SC(INTERNAL), NULL,
		             "internal error: the stored FIR cannot be read");
		return;
	}
	get_reply(req, (Cctns__V1__Fir *)msg);
	protobuf_c_message_free_unpacked(msg, NULL);
}

void handle_get_fir(struct request *req, const Envelope *env)
{
	struct station_params sp;
	const char *values[4];

	station_params(req->identity, &sp, values);
	values[3] = env->get_fir->fir_number;
	if (pool_query(req->pool, &get_fir_stmt, 4, values, NULL, NULL,
	               get_done, req) != 0)
		dberr_fail(req, POOL_UNAVAILABLE, NULL, "");
}

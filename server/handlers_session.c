/* handlers_session.c: Hello. The identity was read from the certificate at
 * the handshake; Hello checks the protocol version, looks the station up in
 * the register (api.station_hello) and answers HelloAck with the identity
 * completed by the register's names. Any other answer makes the session
 * close the connection. hs (issue 7): the worker keeps an accepted
 * station's names (stationcache.h) and answers later Hellos of it from them
 * while firlisten_station_ok(); an officer's resume (session token) is
 * answered from the worker's sessions (officercache.h) while
 * firlisten_officer_ok() and the database accepted it within the window,
 * else by the database. */
#include <stdio.h>
#include <stdlib.h>

#include <openssl/sha.h>

#include "dberr.h"
#include "firlisten.h"
#include "handlers.h"
#include "identity.h"
#include "log.h"
#include "pool.h"
#include "stationcache.h"
#include "util.h"

#define SC(x) CCTNS__V1__STATUS_CODE__STATUS_CODE_##x

static const struct pool_stmt station_hello_stmt = {
        "station_hello",
        "SELECT station_name, district_name, state_name "
        "FROM api.station_hello($1::int, $2::int, $3::int)",
        3,
};

void handlers_identity_pb(const struct identity *id, Cctns__V1__Identity *out)
{
	static char empty[] = "";

	out->kind = (Cctns__V1__PeerKind)id->kind;
	out->state_code = id->state;
	out->district_code = id->district;
	out->station_code = id->station;
	out->terminal = (char *)id->terminal;
	out->station_name = id->station_name ? id->station_name : empty;
	out->district_name = id->district_name ? id->district_name : empty;
	out->state_name = id->state_name ? id->state_name : empty;
}

static void hello_ack(struct request *req)
{
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__HelloAck ack = CCTNS__V1__HELLO_ACK__INIT;
	Cctns__V1__Identity id = CCTNS__V1__IDENTITY__INIT;

	handlers_identity_pb(req->identity, &id);
	ack.protocol_version =
	        CCTNS__V1__PROTOCOL_VERSION__PROTOCOL_VERSION_CURRENT;
	ack.server_software = (char *)"cctns-server/" CCTNS_VERSION;
	ack.identity = &id;
	ack.max_frame = req->limits->max_frame;
	ack.max_in_flight = req->limits->max_in_flight;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_HELLO_ACK;
	env.hello_ack = &ack;
	request_reply(req, &env);
}

/* The station is known: resume the officer (signin) or answer. */
static void hello_station_ok(struct request *req)
{
	/* signin: resume (the worker's copy, else the database), then answer */
	if (req->seat->has_token && !officer_resume_local(req))
		officer_resume(req, hello_ack);
	else
		hello_ack(req);
}

/* hs: a Hello out to the database, and the listener's generation then. */
struct hello_call {
	struct request *req;
	uint64_t gen;
};

static void hello_done(void *arg, enum pool_outcome outcome,
                       const PGresult *res)
{
	struct hello_call *call = arg;
	struct request *req = call->req;
	uint64_t gen = call->gen;
	const struct identity *id = req->identity;

	free(call);
	if (outcome != POOL_OK) {
		dberr_fail(req, outcome, res, NULL, NULL);
		return;
	}
	if (PQntuples(res) != 1 || PQnfields(res) != 3) {
		request_fail(req, SC(UNAUTHENTICATED), NULL,
		             "station %u:%u:%u is not in the station register",
		             req->identity->state, req->identity->district,
		             req->identity->station);
		return;
	}
	/* hs: kept only when nothing could have been missed meanwhile (no
	 * notification, the listener current: firlisten.h). Refusals above
	 * are never kept. */
	if (gen == firlisten_generation() && firlisten_station_ok())
		stationcache_put(id->state, id->district, id->station,
		                 PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1),
		                 PQgetvalue(res, 0, 2));
	identity_set_names(req->identity, PQgetvalue(res, 0, 0),
	                   PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2));
	hello_station_ok(req);
}

void handle_hello(struct request *req, const Envelope *env,
                  const struct jsoncall *row)
{
	const struct identity *id = req->identity;
	char codes[3][16];
	const char *values[3] = {codes[0], codes[1], codes[2]};
	const char *names[3];
	struct hello_call *call;

	(void)row;
	if (env->hello->protocol_version !=
	    CCTNS__V1__PROTOCOL_VERSION__PROTOCOL_VERSION_CURRENT) {
		request_fail(
		        req, SC(FAILED_PRECONDITION), "protocol_version",
		        "protocol version %u is not spoken here; this "
		        "server speaks version %d",
		        env->hello->protocol_version,
		        CCTNS__V1__PROTOCOL_VERSION__PROTOCOL_VERSION_CURRENT);
		return;
	}
	if (id->kind == IDENTITY_NONE) {
		request_fail(
		        req, SC(UNAUTHENTICATED), NULL,
		        "certificate subject has no station identity: "
		        "expected CN=station:<state>:<district>:<station>");
		return;
	}
	if (env->hello->session_token.len == 32) { /* checked by envelope.c */
		SHA256(env->hello->session_token.data, 32,
		       req->seat->token_hash);
		req->seat->has_token = 1;
	}
	if (firlisten_station_ok() &&
	    stationcache_get(id->state, id->district, id->station, &names[0],
	                     &names[1], &names[2])) { /* hs: no database */
		identity_set_names(req->identity, names[0], names[1], names[2]);
		hello_station_ok(req);
		return;
	}
	stationcache_count_miss();
	snprintf(codes[0], sizeof(codes[0]), "%u", id->state);
	snprintf(codes[1], sizeof(codes[1]), "%u", id->district);
	snprintf(codes[2], sizeof(codes[2]), "%u", id->station);
	call = xmalloc(sizeof(*call));
	call->req = req;
	call->gen = firlisten_generation();
	if (pool_query(req->pool, &station_hello_stmt, 3, values, NULL, NULL,
	               hello_done, call) != 0) {
		free(call);
		dberr_fail(req, POOL_UNAVAILABLE, NULL, NULL, NULL);
	}
}

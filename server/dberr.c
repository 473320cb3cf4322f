/* dberr.c: what a failed database statement means for the client. One
 * table from SQLSTATE (or class) to Status code; the api.* functions raise
 * CT4xx with a message written for the person at the terminal, which is
 * passed on; anything else is reported without the server's text. */
#include <stdio.h>
#include <string.h>

#include "dberr.h"
#include "log.h"
#include "util.h"

#define SC(x) CCTNS__V1__STATUS_CODE__STATUS_CODE_##x

static const struct {
	const char *sqlstate; /* 5 chars, or a 2-char class */
	Cctns__V1__StatusCode code;
	int pass_message; /* the message is ours (api.*), meant for a person */
} sqlstate_map[] = {
        {"CT400", SC(INVALID_ARGUMENT), 1},
        {"CT401", SC(UNAUTHENTICATED), 1},
        {"CT403", SC(PERMISSION_DENIED), 1},
        {"CT404", SC(NOT_FOUND), 1},
        {"CT409", SC(CONFLICT), 1},
        {"08", SC(UNAVAILABLE), 0},    /* connection exception */
        {"57P01", SC(UNAVAILABLE), 0}, /* admin shutdown */
        {"57P02", SC(UNAVAILABLE), 0}, /* crash shutdown */
        {"57P03", SC(UNAVAILABLE), 0}, /* cannot connect now */
        {"40001", SC(UNAVAILABLE), 0}, /* serialization failure: rolled back */
        {"40P01", SC(UNAVAILABLE), 0}, /* deadlock: rolled back */
        {"57014", SC(UNAVAILABLE), 0}, /* statement_timeout: rolled back */
        {"55P03", SC(UNAVAILABLE), 0}, /* lock_timeout: rolled back */
};

static int map_sqlstate(const char *sqlstate)
{
	for (size_t i = 0; i < ARRAY_LEN(sqlstate_map); i++) {
		const char *s = sqlstate_map[i].sqlstate;

		if (strncmp(sqlstate, s, strlen(s)) == 0)
			return (int)i;
	}
	return -1;
}

static void fail_unavailable(struct request *req)
{
	request_fail(req, SC(UNAVAILABLE), NULL,
	             "the database is unavailable; try again (a retry with the "
	             "same request is safe)");
}

void dberr_fail(struct request *req, enum pool_outcome outcome,
                const PGresult *res, dberr_field_fn field_fn, const void *arg)
{
	const char *sqlstate, *column, *msg;
	char field[256];
	int row;

	if (outcome == POOL_DEADLINE) {
		request_fail(req, SC(UNAVAILABLE), NULL,
		             "the database could not be reached within the "
		             "deadline; nothing was stored (a retry with the "
		             "same request is safe)");
		return;
	}
	if (outcome == POOL_UNAVAILABLE || !res) {
		fail_unavailable(req);
		return;
	}
	sqlstate = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	row = map_sqlstate(sqlstate ? sqlstate : "");
	if (row < 0) {
		log_event(LOG_ERROR, "db_error",
		          "conn=%llu id=%llu sqlstate=%s",
		          (unsigned long long)req->conn_id,
		          (unsigned long long)req->id,
		          sqlstate ? sqlstate : "none");
		request_fail(req, SC(INTERNAL), NULL,
		             "internal error (SQLSTATE %s); the server log has "
		             "the request id",
		             sqlstate ? sqlstate : "none");
		return;
	}
	if (!sqlstate_map[row].pass_message) {
		fail_unavailable(req);
		return;
	}
	column = PQresultErrorField(res, PG_DIAG_COLUMN_NAME);
	msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	if (field_fn)
		field_fn(arg, column, field, sizeof(field));
	else
		snprintf(field, sizeof(field), "%s", column ? column : "");
	request_fail(req, sqlstate_map[row].code, field[0] ? field : NULL, "%s",
	             msg ? msg : "refused by the database");
}

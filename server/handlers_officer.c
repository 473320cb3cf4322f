/* handlers_officer.c: officers sign in on top of the station certificate.
 * SignIn: the verifier from api.officer_verifier, Argon2id verification in
 * the hash pool (never on the loop), the one-time code when the officer has
 * one, then api.officer_sign_in with the SHA-256 of a fresh random token (or
 * api.officer_sign_in_failed, which counts and locks). Hello with a token
 * resumes the session (api.officer_resume, or for a short window the
 * worker's copy of an accepted resume: officercache.h); SignOut ends it
 * (and forgets the worker's copy); WhoAmI always asks the database and says
 * who is signed in. The password is copied only into the hash job and
 * wiped; it is never logged, stored or echoed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "dberr.h"
#include "firlisten.h"
#include "handlers.h"
#include "hashpool.h"
#include "identity.h"
#include "log.h"
#include "officercache.h"
#include "perm.h"
#include "pool.h"
#include "totp.h"
#include "util.h"

#define SC(x) CCTNS__V1__STATUS_CODE__STATUS_CODE_##x
#define WRONG "officer number or password is wrong"

static const struct pool_stmt verifier_stmt = {
        "officer_verifier",
        "SELECT password_hash, locked, active, otp_secret "
        "FROM api.officer_verifier($1::int, $2::text)",
        2,
};
static const struct pool_stmt sign_in_stmt = {
        "officer_sign_in",
        "SELECT refusal, name, rank, roles, permissions FROM "
        "api.officer_sign_in($1::int, $2::int, $3::int, $4::text, $5::text, "
        "$6::bytea)",
        6,
};
static const struct pool_stmt failed_stmt = {
        "officer_sign_in_failed",
        "SELECT api.officer_sign_in_failed($1::int, $2::int, $3::int, "
        "$4::text, $5::text, $6::text, $7::int, $8::int)",
        8,
};
static const struct pool_stmt resume_stmt = {
        "officer_resume",
        "SELECT refusal, officer_no, name, rank, roles, permissions, reason "
        "FROM "
        "api.officer_resume($1::int, $2::int, $3::int, $4::text, $5::bytea, "
        "$6::int)",
        6,
};
static const struct pool_stmt sign_out_stmt = {
        "officer_sign_out",
        "SELECT api.officer_sign_out($1::bytea)",
        1,
};
static const struct pool_stmt touch_stmt = {
        "officer_touch",
        "SELECT api.officer_touch($1::bytea)",
        1,
};

/* One SignIn in progress. */
struct signin {
	struct request *req;
	char officer_no[33];
	char otp[8];
	char *password; /* wiped and freed with the struct */
	size_t passlen;
	uint8_t otp_secret[64];
	size_t otp_len;
	uint8_t token[32];
	uint8_t token_hash[32];
	char codes[3][12];
	char num[2][12];
};

static void signin_free(struct signin *si)
{
	if (si->password) {
		OPENSSL_cleanse(si->password, si->passlen);
		free(si->password);
	}
	OPENSSL_cleanse(si->token, sizeof(si->token));
	OPENSSL_cleanse(si->otp_secret, sizeof(si->otp_secret));
	free(si);
}

static void station_codes(const struct identity *id, char codes[3][12])
{
	snprintf(codes[0], 12, "%u", id->state);
	snprintf(codes[1], 12, "%u", id->district);
	snprintf(codes[2], 12, "%u", id->station);
}

/* "\x0a1b..." (bytea text output) into out; length or -1. */
static long unhex_bytea(const char *s, uint8_t *out, size_t outsz)
{
	size_t n = 0;

	if (s[0] != '\\' || s[1] != 'x')
		return -1;
	for (s += 2; s[0] && s[1]; s += 2) {
		unsigned v;

		if (n >= outsz || sscanf(s, "%2x", &v) != 1)
			return -1;
		out[n++] = (uint8_t)v;
	}
	return (long)n;
}

/* Fill seat from a row of sign_in/resume: roles and permissions columns. */
static void seat_set(struct seat *seat, const char *officer_no,
                     uint64_t permissions, const uint8_t hash[32])
{
	snprintf(seat->officer_no, sizeof(seat->officer_no), "%.31s",
	         officer_no);
	seat->permissions = permissions;
	memmove(seat->token_hash, hash, 32); /* hash may be this very field */
	seat->has_token = 1;
	seat->last_use_us = seat->last_touch_us = now_us();
	seat->why[0] = '\0';
}

static void seat_fill(struct seat *seat, const char *officer_no,
                      const char *permissions, const uint8_t hash[32])
{
	unsigned unknown = 0;

	seat_set(seat, officer_no, perm_mask_from_array(permissions, &unknown),
	         hash);
	if (unknown)
		log_event(LOG_WARN, "officer_permissions", "unknown=%u",
		          unknown);
}

/* Split a text[] literal "{a,b}" into an Officer's repeated field. The
 * strings are written into buf (at least strlen(arr)+1). */
static size_t split_array(const char *arr, char *buf, char **out, size_t max)
{
	size_t n = 0;
	char *p;

	snprintf(buf, strlen(arr) + 1, "%s", arr);
	p = buf;
	if (*p == '{')
		p++;
	while (*p && *p != '}' && n < max) {
		out[n++] = p;
		while (*p && *p != ',' && *p != '}')
			p++;
		if (!*p)
			break;
		*p++ = '\0';
		if (p[-1] == '\0' && out[n - 1][0] == '\0')
			n--;
	}
	return n;
}

/* The Officer message of a row: cols officer_no, name, rank, roles,
 * permissions at o, o+1, ... (officer_no may be given instead). */
struct officer_pb {
	Cctns__V1__SignedInOfficer msg;
	char *roles[16], *perms[64];
	char rbuf[512], pbuf[1024];
};

static void officer_pb(struct officer_pb *o, const PGresult *res,
                       const char *officer_no, int name_col, uint32_t idle_s)
{
	const char *roles = PQgetvalue(res, 0, name_col + 2);
	const char *perms = PQgetvalue(res, 0, name_col + 3);

	cctns__v1__signed_in_officer__init(&o->msg);
	o->msg.officer_no = (char *)officer_no;
	o->msg.name = PQgetvalue(res, 0, name_col);
	o->msg.rank = PQgetvalue(res, 0, name_col + 1);
	if (strlen(roles) < sizeof(o->rbuf))
		o->msg.n_roles = split_array(roles, o->rbuf, o->roles, 16);
	if (strlen(perms) < sizeof(o->pbuf))
		o->msg.n_permissions =
		        split_array(perms, o->pbuf, o->perms, 64);
	o->msg.roles = o->roles;
	o->msg.permissions = o->perms;
	o->msg.idle_timeout_seconds = idle_s;
}

/* ------------------------------------------------------------ SignIn */

/* Log the sign-in's outcome; the audit record names the officer tried and
 * the outcome (trust: failures and locks are told apart in audit.log). */
static void signin_log(const struct signin *si, const char *outcome)
{
	char q[80];

	snprintf(si->req->audit_record, sizeof(si->req->audit_record),
	         "officer:%s %s", si->officer_no, outcome);

	log_event(LOG_INFO, "sign_in", "conn=%llu officer=%s outcome=%s",
	          (unsigned long long)si->req->conn_id,
	          log_quote(si->officer_no, q, sizeof(q)), outcome);
}

static void failed_done(void *arg, enum pool_outcome outcome,
                        const PGresult *res)
{
	struct signin *si = arg;
	struct request *req = si->req;
	int locked = outcome == POOL_OK && PQntuples(res) == 1 &&
	             !PQgetisnull(res, 0, 0);

	if (outcome != POOL_OK)
		dberr_fail(req, outcome, res, NULL, NULL);
	else if (locked) {
		/* trust: this failure locked the officer */
		size_t n = strlen(req->audit_record);

		snprintf(req->audit_record + n, sizeof(req->audit_record) - n,
		         " locked");
		request_fail(req, SC(UNAUTHENTICATED), NULL,
		             "%s; officer %s is locked for %u minutes after "
		             "failed sign-ins",
		             WRONG, si->officer_no,
		             (req->limits->lockout_s + 59) / 60);
	} else
		request_fail(req, SC(UNAUTHENTICATED), NULL, "%s", WRONG);
	signin_free(si);
}

/* Count a failure (reason: bad_password, bad_otp, unknown, ...). */
static void signin_failed(struct signin *si, const char *reason)
{
	const char *v[8];

	signin_log(si, reason);
	snprintf(si->num[0], sizeof(si->num[0]), "%u",
	         si->req->limits->max_failures);
	snprintf(si->num[1], sizeof(si->num[1]), "%u",
	         si->req->limits->lockout_s);
	v[0] = si->codes[0];
	v[1] = si->codes[1];
	v[2] = si->codes[2];
	v[3] = si->req->identity->terminal;
	v[4] = si->officer_no;
	v[5] = reason;
	v[6] = si->num[0];
	v[7] = si->num[1];
	if (pool_query(si->req->pool, &failed_stmt, 8, v, NULL, NULL,
	               failed_done, si) != 0) {
		dberr_fail(si->req, POOL_UNAVAILABLE, NULL, NULL, NULL);
		signin_free(si);
	}
}

static void sign_in_done(void *arg, enum pool_outcome outcome,
                         const PGresult *res)
{
	struct signin *si = arg;
	struct request *req = si->req;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__SignedIn msg = CCTNS__V1__SIGNED_IN__INIT;
	struct officer_pb *o;

	if (outcome != POOL_OK || PQntuples(res) != 1) {
		if (outcome == POOL_OK)
			request_fail(req, SC(INTERNAL), NULL,
			             "internal error: sign-in gave no row");
		else
			dberr_fail(req, outcome, res, NULL, NULL);
		signin_free(si);
		return;
	}
	if (!PQgetisnull(res, 0, 0)) {
		signin_log(si, "refused");
		request_fail(req, SC(PERMISSION_DENIED), NULL, "%s",
		             PQgetvalue(res, 0, 0));
		signin_free(si);
		return;
	}
	seat_fill(req->seat, si->officer_no, PQgetvalue(res, 0, 4),
	          si->token_hash);
	signin_log(si, "ok");
	o = xcalloc(1, sizeof(*o));
	officer_pb(o, res, si->officer_no, 1, req->limits->officer_idle_s);
	msg.session_token.data = si->token;
	msg.session_token.len = sizeof(si->token);
	msg.officer = &o->msg;
	msg.idle_timeout_seconds = req->limits->officer_idle_s;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_SIGNED_IN;
	env.signed_in = &msg;
	request_reply(req, &env);
	free(o);
	signin_free(si);
}

static void signin_open(struct signin *si)
{
	const char *v[6];
	int len[6] = {0}, fmt[6] = {0};

	if (RAND_bytes(si->token, sizeof(si->token)) != 1) {
		request_fail(si->req, SC(INTERNAL), NULL,
		             "internal error: no randomness for a token");
		signin_free(si);
		return;
	}
	SHA256(si->token, sizeof(si->token), si->token_hash);
	v[0] = si->codes[0];
	v[1] = si->codes[1];
	v[2] = si->codes[2];
	v[3] = si->req->identity->terminal;
	v[4] = si->officer_no;
	v[5] = (const char *)si->token_hash;
	len[5] = 32;
	fmt[5] = 1;
	if (pool_query(si->req->pool, &sign_in_stmt, 6, v, len, fmt,
	               sign_in_done, si) != 0) {
		dberr_fail(si->req, POOL_UNAVAILABLE, NULL, NULL, NULL);
		signin_free(si);
	}
}

/* The password was checked (ok) on a worker thread. */
static void verified(void *arg, int ok)
{
	struct signin *si = arg;

	OPENSSL_cleanse(si->password, si->passlen);
	if (si->otp_len == (size_t)-1) { /* unknown or inactive officer */
		signin_failed(si, "unknown");
		return;
	}
	if (!ok) {
		signin_failed(si, "bad_password");
		return;
	}
	if (si->otp_len && !si->otp[0]) {
		signin_log(si, "otp_needed");
		request_fail(si->req, SC(UNAUTHENTICATED), "otp",
		             "a one-time code is required for officer %s",
		             si->officer_no);
		signin_free(si);
		return;
	}
	if (si->otp_len &&
	    !totp_verify(si->otp_secret, si->otp_len, si->otp, time(NULL))) {
		signin_failed(si, "bad_otp");
		return;
	}
	signin_open(si);
}

static void verifier_done(void *arg, enum pool_outcome outcome,
                          const PGresult *res)
{
	struct signin *si = arg;
	const char *encoded = NULL;
	long n;

	if (outcome != POOL_OK) {
		dberr_fail(si->req, outcome, res, NULL, NULL);
		signin_free(si);
		return;
	}
	if (PQntuples(res) == 1 && strcmp(PQgetvalue(res, 0, 2), "t") == 0) {
		if (strcmp(PQgetvalue(res, 0, 1), "t") == 0) {
			signin_log(si, "locked");
			request_fail(si->req, SC(UNAUTHENTICATED), NULL,
			             "officer %s is locked after failed "
			             "sign-ins; try again later or ask the "
			             "SHO to unlock",
			             si->officer_no);
			signin_free(si);
			return;
		}
		encoded = PQgetvalue(res, 0, 0);
		if (!PQgetisnull(res, 0, 3)) {
			n = unhex_bytea(PQgetvalue(res, 0, 3), si->otp_secret,
			                sizeof(si->otp_secret));
			si->otp_len = n > 0 ? (size_t)n : 0;
		}
	} else {
		si->otp_len = (size_t)-1; /* same cost, then "wrong" */
	}
	if (hashpool_verify(si->req->hashes, encoded, si->password, si->passlen,
	                    verified, si) != 0) {
		request_fail(si->req, SC(RESOURCE_EXHAUSTED), NULL,
		             "too many sign-ins at once; try again in a "
		             "moment");
		signin_free(si);
	}
}

void handle_sign_in(struct request *req, const Envelope *env,
                    const struct jsoncall *call)
{
	const Cctns__V1__SignIn *m = env->sign_in;
	struct signin *si = xcalloc(1, sizeof(*si));
	const char *v[2];

	(void)call;
	si->req = req;
	snprintf(si->officer_no, sizeof(si->officer_no), "%s", m->officer_no);
	snprintf(si->otp, sizeof(si->otp), "%s", m->otp ? m->otp : "");
	si->passlen = strlen(m->password);
	si->password = xmalloc(si->passlen + 1);
	memcpy(si->password, m->password, si->passlen + 1);
	station_codes(req->identity, si->codes);
	v[0] = si->codes[0];
	v[1] = si->officer_no;
	if (pool_query(req->pool, &verifier_stmt, 2, v, NULL, NULL,
	               verifier_done, si) != 0) {
		dberr_fail(req, POOL_UNAVAILABLE, NULL, NULL, NULL);
		signin_free(si);
	}
}

/* ------------------------------------------------------------ resume */

struct resume {
	struct request *req;
	void (*next)(struct request *req); /* NULL: answer with Officer */
	char codes[3][12];
	char idle[12];
	uint64_t gen;     /* hs: the listener's generation when sent */
	uint64_t sent_us; /* hs: when sent (the window starts there) */
};

/* The audit record of a refused resume names whose session it was and why
 * ("officer:UP-123 idle"): the officer (0037) and the reason code (0043:
 * unknown, ended, other_terminal, idle, locked) as the database gave them.
 * An unknown token names no officer and has no record. */
static void resume_refused_record(struct request *req, const PGresult *res)
{
	const char *reason = "refused";

	if (PQgetisnull(res, 0, 1))
		return;
	if (!PQgetisnull(res, 0, 6))
		reason = PQgetvalue(res, 0, 6);
	snprintf(req->audit_record, sizeof(req->audit_record), "officer:%s %s",
	         PQgetvalue(res, 0, 1), reason);
}

static void resume_done(void *arg, enum pool_outcome outcome,
                        const PGresult *res)
{
	struct resume *r = arg;
	struct request *req = r->req;
	struct seat *seat = req->seat;

	if (outcome != POOL_OK || PQntuples(res) != 1) {
		/* The database is down: Hello fails like the station lookup. */
		if (outcome == POOL_OK)
			request_fail(req, SC(INTERNAL), NULL,
			             "internal error: resume gave no row");
		else
			dberr_fail(req, outcome, res, NULL, NULL);
		free(r);
		return;
	}
	if (!PQgetisnull(res, 0, 0)) {
		snprintf(seat->why, sizeof(seat->why), "%s",
		         PQgetvalue(res, 0, 0));
		resume_refused_record(req, res);
		/* hs: nor resumed here after (its notification drops it too) */
		officercache_forget(seat->token_hash);
		seat->officer_no[0] = '\0';
		seat->permissions = 0;
		seat->has_token = 0;
	} else {
		const struct identity *id = req->identity;

		seat_fill(seat, PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 5),
		          seat->token_hash);
		/* hs: kept only when nothing could have been missed meanwhile
		 * (no notification, the listener current: firlisten.h). */
		if (r->gen == firlisten_officer_generation() &&
		    firlisten_officer_ok())
			officercache_put(
			        seat->token_hash, id->state, id->district,
			        id->station, id->terminal,
			        req->limits->officer_idle_s, r->sent_us,
			        seat->officer_no, seat->permissions);
	}
	if (r->next) {
		r->next(req);
	} else if (!seat->officer_no[0]) {
		request_fail(req, SC(UNAUTHENTICATED), NULL, "%s", seat->why);
	} else {
		Envelope env = CCTNS__V1__ENVELOPE__INIT;
		struct officer_pb *o = xcalloc(1, sizeof(*o));

		officer_pb(o, res, seat->officer_no, 2,
		           req->limits->officer_idle_s);
		env.body_case = CCTNS__V1__ENVELOPE__BODY_SIGNED_IN_OFFICER;
		env.signed_in_officer = &o->msg;
		request_reply(req, &env);
		free(o);
	}
	free(r);
}

/* Resume the session of req->seat->token_hash, then next(req) (NULL:
 * answer the request with the Officer). A refused resume leaves the seat
 * empty with why set. */
void officer_resume(struct request *req, void (*next)(struct request *req))
{
	struct resume *r = xcalloc(1, sizeof(*r));
	const char *v[6];
	int len[6] = {0}, fmt[6] = {0};

	r->req = req;
	r->next = next;
	r->gen = firlisten_officer_generation();
	r->sent_us = now_us();
	station_codes(req->identity, r->codes);
	snprintf(r->idle, sizeof(r->idle), "%u", req->limits->officer_idle_s);
	v[0] = r->codes[0];
	v[1] = r->codes[1];
	v[2] = r->codes[2];
	v[3] = req->identity->terminal;
	v[4] = (const char *)req->seat->token_hash;
	len[4] = 32;
	fmt[4] = 1;
	v[5] = r->idle;
	if (pool_query(req->pool, &resume_stmt, 6, v, len, fmt, resume_done,
	               r) != 0) {
		dberr_fail(req, POOL_UNAVAILABLE, NULL, NULL, NULL);
		free(r);
	}
}

int officer_resume_local(struct request *req)
{
	const struct identity *id = req->identity;
	struct seat *seat = req->seat;
	char officer_no[32];
	uint64_t permissions;

	if (!firlisten_officer_ok() ||
	    !officercache_get(seat->token_hash, id->state, id->district,
	                      id->station, id->terminal,
	                      req->limits->officer_idle_s, now_us(), officer_no,
	                      &permissions)) {
		officercache_count_miss();
		return 0;
	}
	seat_set(seat, officer_no, permissions, seat->token_hash);
	return 1;
}

void handle_who_am_i(struct request *req, const Envelope *env,
                     const struct jsoncall *call)
{
	(void)env;
	(void)call;
	officer_resume(req, NULL);
}

/* ------------------------------------------------------------ SignOut */

static void sign_out_done(void *arg, enum pool_outcome outcome,
                          const PGresult *res)
{
	struct request *req = arg;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__SignedOut msg = CCTNS__V1__SIGNED_OUT__INIT;
	char q[80];

	if (outcome != POOL_OK) {
		dberr_fail(req, outcome, res, NULL, NULL);
		return;
	}
	log_event(LOG_INFO, "sign_out", "conn=%llu officer=%s",
	          (unsigned long long)req->conn_id,
	          log_quote(req->seat->officer_no, q, sizeof(q)));
	memset(req->seat, 0, sizeof(*req->seat));
	snprintf(req->seat->why, sizeof(req->seat->why),
	         "signed out: sign in first (cctns login)");
	env.body_case = CCTNS__V1__ENVELOPE__BODY_SIGNED_OUT;
	env.signed_out = &msg;
	request_reply(req, &env);
}

void handle_sign_out(struct request *req, const Envelope *env,
                     const struct jsoncall *call)
{
	const char *v[1] = {(const char *)req->seat->token_hash};
	int len[1] = {32}, fmt[1] = {1};

	(void)env;
	(void)call;
	/* hs: this worker forgets the session at once */
	officercache_forget(req->seat->token_hash);
	if (pool_query(req->pool, &sign_out_stmt, 1, v, len, fmt, sign_out_done,
	               req) != 0)
		dberr_fail(req, POOL_UNAVAILABLE, NULL, NULL, NULL);
}

/* ------------------------------------------------------------ touch */

static void touch_done(void *arg, enum pool_outcome outcome,
                       const PGresult *res)
{
	(void)arg;
	(void)res;
	if (outcome != POOL_OK)
		log_event(LOG_WARN, "officer_touch", "ok=0");
}

void officer_touch(struct pool *pool, const uint8_t token_hash[32])
{
	const char *v[1] = {(const char *)token_hash};
	int len[1] = {32}, fmt[1] = {1};

	if (pool_query(pool, &touch_stmt, 1, v, len, fmt, touch_done, NULL) !=
	    0)
		log_event(LOG_WARN, "officer_touch", "ok=0 queued=0");
}

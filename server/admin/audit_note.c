/* audit_note.c (trust): an administrative act that changes who may sign in
 * (an officer unlocked) is written into the hash-chained audit log like the
 * server's requests: a chain of its own for this cctns-admin run (random
 * id, host, pid), one record, closed at once, in the caller's transaction
 * so the act and its record commit together. `cctns-admin audit verify`
 * proves it with the rest. */
#include "audit_note.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "audit_chain.h"
#include "db.h"

static int64_t wall_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int audit_note(PGconn *c, uint32_t state, const char *action,
               const char *record)
{
	struct audit_rec r;
	char chain[37], prev[2 * AUDIT_HASH_LEN + 1],
	        hash[2 * AUDIT_HASH_LEN + 1], raw[65] = "", host[65], pid[16],
	                                      started[24], json[1024];
	const char *p[5];
	PGresult *res;

	memset(&r, 0, sizeof(r));
	if (RAND_bytes(r.chain, sizeof(r.chain)) != 1)
		return -1;
	r.chain[6] = (uint8_t)((r.chain[6] & 0x0f) | 0x40); /* uuid v4 */
	r.chain[8] = (uint8_t)((r.chain[8] & 0x3f) | 0x80);
	r.seq = 1;
	r.at_us = wall_us();
	r.state = state;
	audit_clean("cctns-admin", 11, r.terminal, sizeof(r.terminal));
	audit_clean(action, strlen(action), r.action, sizeof(r.action));
	audit_clean(record, strlen(record), r.record, sizeof(r.record));
	audit_clean("ok", 2, r.outcome, sizeof(r.outcome));
	if (audit_hash(&r) != 0)
		return -1;
	audit_uuid_str(r.chain, chain);
	audit_hex(r.prev, AUDIT_HASH_LEN, prev);
	audit_hex(r.hash, AUDIT_HASH_LEN, hash);
	if (gethostname(raw, sizeof(raw) - 1) != 0)
		snprintf(raw, sizeof(raw), "unknown");
	audit_clean(raw, strlen(raw), host, sizeof(host));
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	snprintf(started, sizeof(started), "%lld", (long long)r.at_us);
	/* Cleaned fields hold only [A-Za-z0-9 ./:_-]: safe in a JSON string. */
	snprintf(json, sizeof(json),
	         "[{\"q\":1,\"t\":%lld,\"s\":%u,\"tm\":\"%s\",\"a\":\"%s\","
	         "\"r\":\"%s\",\"c\":\"%s\",\"p\":\"%s\",\"h\":\"%s\"}]",
	         (long long)r.at_us, r.state, r.terminal, r.action, r.record,
	         r.outcome, prev, hash);
	p[0] = chain;
	p[1] = host;
	p[2] = pid;
	p[3] = started;
	p[4] = json;
	res = db_exec(c, "audit",
	              "SELECT api.audit_append($1::uuid, $2, $3::int, "
	              "$4::bigint, $5::jsonb), api.audit_close($1::uuid)",
	              5, p);
	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

/* audit.c: `cctns-admin audit verify|show`: proving the audit log's hash
 * chains (audit.log, audit.chain; migration 0027) and reading it. verify
 * recomputes every record's hash in C with the server's encoding
 * (server/audit_chain.c), streaming each chain in sequence order (libpq
 * single-row mode: one row in memory at a time), and names the first
 * broken link of each chain. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "audit_chain.h"
#include "audit_sealed.h"
#include "audit_walk.h"
#include "db.h"
#include "util.h"

static const char audit_help[] =
        "usage: cctns-admin [--db CONNINFO] audit verify [--chain ID]\n"
        "       cctns-admin [--db CONNINFO] audit show [--from T] [--to T] "
        "[--station S]\n"
        "                   [--officer O] [--record R] [--action A] "
        "[--sealed]\n"
        "\n"
        "The audit log: one record per request the server answered or "
        "refused, in hash\n"
        "chains: one per server process, and one per database connection "
        "for the records\n"
        "written in a write's own transaction.\n"
        "\n"
        "  verify   recompute every chain (or chain ID) in order; prints\n"
        "           \"audit: N chains, M records, verified\" and exits 0, "
        "or names\n"
        "           the first broken link of each broken chain (chain, seq, "
        "what:\n"
        "           hash mismatch, prev_hash mismatch, missing sequence) and "
        "exits 1;\n"
        "           without --chain also the chain of sealed reads "
        "(audit.sealed_read):\n"
        "           \"audit: sealed reads broken at seq N: ...\"; each "
        "chain up to\n"
        "           its head as read at the start, so it can run while "
        "servers append\n"
        "  show     print records, oldest first: time (UTC), station "
        "(state:district:code),\n"
        "           terminal, officer, action, record, outcome, chain:seq\n"
        "\n"
        "Options of show:\n"
        "  --from T, --to T  time range (any PostgreSQL timestamptz, e.g. "
        "2026-11-29 or\n"
        "                    \"2026-11-29 10:00+05:30\")\n"
        "  --station S       a station: its code C, or STATE:DISTRICT:C\n"
        "  --officer O       an officer number\n"
        "  --record R        a record number as the server saw it, e.g. "
        "0042/2026\n"
        "  --action A        a request type, e.g. get_fir\n"
        "  --sealed          the reads that showed a sealed identity "
        "unmasked instead\n"
        "                    (audit.sealed_read, 0030): the outcome column "
        "says the law\n"
        "                    and the persons (\"sealed: BNS 72 persons "
        "{17}\")\n"
        "\n"
        "Examples:\n"
        "  cctns-admin audit verify\n"
        "  cctns-admin audit show --record 0042/2026\n"
        "  cctns-admin audit show --from 2026-11-01 --station 9:118:1001\n";

struct audit_args {
	const char *db;
	const char *chain;
	const char *from, *to, *station, *officer, *record, *action;
	int sealed; /* show audit.sealed_read */
};

static int parse_args(const char *cmd, int argc, char **argv,
                      struct audit_args *a)
{
	static const struct option opts[] = {
	        {"chain", required_argument, NULL, 'c'},
	        {"from", required_argument, NULL, 'f'},
	        {"to", required_argument, NULL, 't'},
	        {"station", required_argument, NULL, 's'},
	        {"officer", required_argument, NULL, 'o'},
	        {"record", required_argument, NULL, 'r'},
	        {"action", required_argument, NULL, 'a'},
	        {"sealed", no_argument, NULL, 'S'},
	        {"db", required_argument, NULL, 'D'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	const char **slot[] = {
	        ['c'] = &a->chain,   ['f'] = &a->from,    ['t'] = &a->to,
	        ['s'] = &a->station, ['o'] = &a->officer, ['r'] = &a->record,
	        ['a'] = &a->action,  ['D'] = &a->db};
	int opt;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (opt == 'h') {
			fputs(audit_help, stdout);
			return 1;
		}
		if (opt == 'S') {
			a->sealed = 1;
			continue;
		}
		if (opt <= 0 || (size_t)opt >= ARRAY_LEN(slot) || !slot[opt])
			return admin_usage(cmd,
			                   "unknown or incomplete option %s",
			                   argv[optind - 1]);
		*slot[opt] = optarg;
	}
	if (optind < argc)
		return admin_usage(cmd, "unexpected argument %s", argv[optind]);
	return 0;
}

/* ---------------------------------------------------------------- verify */

struct tally {
	long long chains, records, broken;
};

static void fill_text(char *out, size_t outsz, const PGresult *res, int col)
{
	snprintf(out, outsz, "%s",
	         PQgetisnull(res, 0, col) ? "" : PQgetvalue(res, 0, col));
}

static uint32_t code_of(const PGresult *res, int col)
{
	return PQgetisnull(res, 0, col)
	               ? 0
	               : (uint32_t)strtoul(PQgetvalue(res, 0, col), NULL, 10);
}

/* One streamed row into r (hash into stored). Returns 0, or -1 when the
 * row cannot even be read (a malformed hash column). */
static int read_row(const PGresult *res, struct audit_rec *r,
                    uint8_t stored[AUDIT_HASH_LEN])
{
	r->seq = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
	r->at_us = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	r->state = code_of(res, 2);
	r->district = code_of(res, 3);
	r->station = code_of(res, 4);
	fill_text(r->terminal, sizeof(r->terminal), res, 5);
	fill_text(r->officer, sizeof(r->officer), res, 6);
	fill_text(r->action, sizeof(r->action), res, 7);
	fill_text(r->record, sizeof(r->record), res, 8);
	fill_text(r->outcome, sizeof(r->outcome), res, 9);
	if (audit_unhex(PQgetvalue(res, 0, 10), r->prev, AUDIT_HASH_LEN) ||
	    audit_unhex(PQgetvalue(res, 0, 11), stored, AUDIT_HASH_LEN))
		return -1;
	return 0;
}

static void broken(struct tally *t, const char *chain, unsigned long long seq,
                   const char *what)
{
	printf("audit: chain %s broken at seq %llu: %s\n", chain, seq, what);
	t->broken++;
}

/* One chain being walked (audit_walk's argument). */
struct chain_walk {
	const char *chain;
	struct audit_link link;
	struct tally *t;
};

/* Check one streamed record against the chain so far (audit_row_fn).
 * Returns 0 while the chain holds, -1 at its first broken link (printed). */
static int check_row(const PGresult *res, void *arg)
{
	struct chain_walk *w = arg;
	struct audit_rec r;
	uint8_t stored[AUDIT_HASH_LEN];
	unsigned long long at;
	char why[96];

	memset(&r, 0, sizeof(r));
	if (audit_uuid_parse(w->chain, r.chain) != 0 ||
	    read_row(res, &r, stored) != 0) {
		broken(w->t, w->chain, w->link.expect, "unreadable record");
		return -1;
	}
	if (r.seq == w->link.expect && audit_hash(&r) != 0)
		memset(r.hash, ~stored[0], sizeof(r.hash)); /* a mismatch */
	if (audit_link_next(&w->link, r.seq, r.prev, stored, r.hash, &at, why,
	                    sizeof(why)) != 0) {
		broken(w->t, w->chain, at, why);
		return -1;
	}
	w->t->records++;
	return 0;
}

static int verify_chain(PGconn *c, const char *chain, const char *head_seq,
                        const char *head_hash, struct tally *t)
{
	static const char sql[] =
	        "SELECT seq, (extract(epoch FROM at) * 1000000)::bigint, "
	        "state_code, district_code, station_code, terminal, "
	        "officer_no, "
	        "action, record, outcome, encode(prev_hash, 'hex'), "
	        "encode(hash, 'hex') FROM audit.log WHERE chain_id = $1::uuid "
	        "AND seq <= $2::bigint ORDER BY seq";
	static const char beyond_sql[] =
	        "SELECT min(l.seq) FROM audit.log l JOIN audit.chain c "
	        "ON c.chain_id = l.chain_id "
	        "WHERE l.chain_id = $1::uuid AND l.seq > c.last_seq";
	const char *params[2] = {chain, head_seq};
	struct chain_walk w = {.chain = chain, .t = t};
	unsigned long long at;
	char why[96];
	int held, beyond;

	audit_link_init(&w.link);
	held = audit_walk(c, "audit verify", sql, 2, params, check_row, &w);
	if (held < 0)
		return -1;
	t->chains++;
	if (!held)
		return 0;
	/* The end of the chain must be its head (audit.chain), or the tail
	 * was cut; and nothing may lie beyond its head now. */
	if (audit_link_end(&w.link, strtoull(head_seq, NULL, 10), head_hash,
	                   "audit.chain", &at, why, sizeof(why)) != 0) {
		broken(t, chain, at, why);
		return 0;
	}
	beyond = audit_beyond_head(c, beyond_sql, 1, params, &at);
	if (beyond < 0)
		return -1;
	if (beyond)
		broken(t, chain, at, "record beyond the chain's head");
	return 0;
}

static int audit_verify(PGconn *c, const struct audit_args *a)
{
	const char *params[1] = {a->chain};
	struct tally t = {0, 0, 0};
	PGresult *res;
	int rc = ADMIN_OK;

	/* A live server appends while verify walks: each chain is walked up to
	 * the head read here, and a record beyond its head is looked for
	 * afterwards together with the head as it is then (a record and its
	 * head commit together). No snapshot is held for the whole run, which
	 * on a large log would keep vacuum from the busy tables for hours. */
	res = db_exec(
	        c, "audit verify",
	        "SELECT chain_id::text, last_seq, encode(last_hash, 'hex') "
	        "FROM audit.chain WHERE $1::uuid IS NULL OR chain_id = "
	        "$1::uuid "
	        "ORDER BY started_at, chain_id",
	        1, params);
	if (!res)
		return ADMIN_FAIL;
	if (a->chain && PQntuples(res) == 0) {
		fprintf(stderr, "cctns-admin: audit verify: no chain %s\n",
		        a->chain);
		rc = ADMIN_FAIL;
	}
	for (int i = 0; i < PQntuples(res) && rc == ADMIN_OK; i++)
		if (verify_chain(c, PQgetvalue(res, i, 0),
		                 PQgetvalue(res, i, 1), PQgetvalue(res, i, 2),
		                 &t) != 0)
			rc = ADMIN_FAIL;
	PQclear(res);
	if (rc != ADMIN_OK)
		return rc;
	/* sealed2: the chain of sealed reads (0035), in a full verify. */
	if (!a->chain) {
		long long sealed = 0;
		int sb = audit_verify_sealed(c, &sealed);

		if (sb < 0)
			return ADMIN_FAIL;
		if (sb == 0)
			printf("audit: sealed reads: %lld records, verified\n",
			       sealed);
		else
			t.broken++;
	}
	if (t.broken) {
		printf("audit: %lld chains, %lld records verified, %lld "
		       "chain(s) broken\n",
		       t.chains, t.records, t.broken);
		return ADMIN_FAIL;
	}
	printf("audit: %lld chains, %lld records, verified\n", t.chains,
	       t.records);
	return ADMIN_OK;
}

/* ---------------------------------------------------------------- show */

/* --station: "C" or "S:D:C" into three parameters (NULL: any). */
static int station_params(const char *v, char parts[3][16])
{
	int s, d, code;
	char tail;

	if (sscanf(v, "%d:%d:%d%c", &s, &d, &code, &tail) == 3 && s > 0 &&
	    d > 0 && code > 0) {
		snprintf(parts[0], 16, "%d", s);
		snprintf(parts[1], 16, "%d", d);
		snprintf(parts[2], 16, "%d", code);
		return 0;
	}
	if (admin_parse_code(v, &code) == 0) {
		parts[0][0] = parts[1][0] = '\0';
		snprintf(parts[2], 16, "%d", code);
		return 0;
	}
	return -1;
}

static const char *or_dash(const PGresult *res, int col)
{
	return PQgetisnull(res, 0, col) ? "-" : PQgetvalue(res, 0, col);
}

static int audit_show(PGconn *c, const struct audit_args *a)
{
	static const char sql[] =
	        "SELECT to_char(at AT TIME ZONE 'UTC', "
	        "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
	        "coalesce(state_code || ':' || district_code || ':' || "
	        "station_code, '-'), terminal, officer_no, action, record, "
	        "outcome, chain_id::text || ':' || seq FROM audit.log "
	        "WHERE ($1::timestamptz IS NULL OR at >= $1::timestamptz) "
	        "AND ($2::timestamptz IS NULL OR at < $2::timestamptz) "
	        "AND ($3::int IS NULL OR state_code = $3::int) "
	        "AND ($4::int IS NULL OR district_code = $4::int) "
	        "AND ($5::int IS NULL OR station_code = $5::int) "
	        "AND ($6::text IS NULL OR officer_no = $6) "
	        "AND ($7::text IS NULL OR record = $7) "
	        "AND ($8::text IS NULL OR action = $8) "
	        "ORDER BY at, chain_id, seq";
	/* sealed: the same filters and columns over audit.sealed_read. */
	static const char sealed_sql[] =
	        "SELECT to_char(at AT TIME ZONE 'UTC', "
	        "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
	        "state_code || ':' || district_code || ':' || station_code, "
	        "NULL, officer_no, action, record, 'sealed: ' || sealed_by || "
	        "' persons ' || person_ids::text, 'sealed_read:' || id "
	        "FROM audit.sealed_read "
	        "WHERE ($1::timestamptz IS NULL OR at >= $1::timestamptz) "
	        "AND ($2::timestamptz IS NULL OR at < $2::timestamptz) "
	        "AND ($3::int IS NULL OR state_code = $3::int) "
	        "AND ($4::int IS NULL OR district_code = $4::int) "
	        "AND ($5::int IS NULL OR station_code = $5::int) "
	        "AND ($6::text IS NULL OR officer_no = $6) "
	        "AND ($7::text IS NULL OR record = $7 OR record = 'FIR ' || "
	        "$7) "
	        "AND ($8::text IS NULL OR action = $8) "
	        "ORDER BY id";
	char st[3][16] = {"", "", ""};
	const char *params[8];
	PGresult *res;
	int failed = 0;

	if (a->station && station_params(a->station, st) != 0)
		return admin_usage("audit show",
		                   "--station must be a station code C or "
		                   "STATE:DISTRICT:C, got \"%s\"",
		                   a->station);
	params[0] = a->from;
	params[1] = a->to;
	for (int i = 0; i < 3; i++)
		params[2 + i] = st[i][0] ? st[i] : NULL;
	params[5] = a->officer;
	params[6] = a->record;
	params[7] = a->action;
	if (!PQsendQueryParams(c, a->sealed ? sealed_sql : sql, 8, NULL, params,
	                       NULL, NULL, 0) ||
	    !PQsetSingleRowMode(c)) {
		db_report("audit show", c, NULL);
		return ADMIN_FAIL;
	}
	printf("time (UTC)\tstation\tterminal\tofficer\taction\trecord\t"
	       "outcome\tchain:seq\n");
	while ((res = PQgetResult(c))) {
		ExecStatusType rs = PQresultStatus(res);

		if (rs == PGRES_SINGLE_TUPLE)
			printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			       or_dash(res, 0), or_dash(res, 1),
			       or_dash(res, 2), or_dash(res, 3),
			       or_dash(res, 4), or_dash(res, 5),
			       or_dash(res, 6), or_dash(res, 7));
		else if (rs != PGRES_TUPLES_OK) {
			db_report("audit show", c, res);
			failed = 1;
		}
		PQclear(res);
	}
	return failed ? ADMIN_FAIL : ADMIN_OK;
}

int cmd_audit(const char *db, int argc, char **argv)
{
	struct audit_args a = {.db = db};
	const char *sub = argc > 1 ? argv[1] : NULL;
	PGconn *c;
	int rc;

	if (!sub || strcmp(sub, "--help") == 0) {
		fputs(audit_help, sub ? stdout : stderr);
		return sub ? ADMIN_OK : ADMIN_USAGE;
	}
	if (strcmp(sub, "verify") != 0 && strcmp(sub, "show") != 0)
		return admin_usage("audit", "unknown subcommand \"%s\"", sub);
	rc = parse_args(strcmp(sub, "verify") == 0 ? "audit verify"
	                                           : "audit show",
	                argc - 1, argv + 1, &a);
	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if (strcmp(sub, "verify") == 0 &&
	    (a.from || a.to || a.station || a.officer || a.record || a.action ||
	     a.sealed))
		return admin_usage("audit verify", "verify takes only --chain");
	if (!(c = db_connect(a.db)))
		return ADMIN_FAIL;
	rc = strcmp(sub, "verify") == 0 ? audit_verify(c, &a)
	                                : audit_show(c, &a);
	PQfinish(c);
	return rc;
}

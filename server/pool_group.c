/* pool_group.c: registrations that wait together go as one transaction
 * (reg, issue 7; the whole scheme is at the top of pool.c): a group is
 * sent phase by phase on an idle connection, its results are matched to
 * its slots, a member's error is rolled back to its savepoint and the
 * members after it sent again, a failure of the whole sends its members
 * back to run alone. */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "pool_impl.h"
#include "util.h"

/* reg: the order of group members: their first group_key parameters as
 * non-negative integers in text (a shorter text is a smaller number). */
static int group_cmp(const struct pool_op *a, const struct pool_op *b)
{
	for (int i = 0; i < a->group_key && i < a->nparams; i++) {
		const char *x = a->values[i] ? a->values[i] : "";
		const char *y = b->values[i] ? b->values[i] : "";
		size_t lx = strlen(x), ly = strlen(y);
		int r = lx != ly ? (lx < ly ? -1 : 1) : strcmp(x, y);

		if (r)
			return r;
	}
	return 0;
}

/* The next result of this phase will be member's kind. */
static void group_slot(struct group *g, enum gslot_kind kind, int member)
{
	g->slot[g->nslots].kind = (unsigned char)kind;
	g->slot[g->nslots].member = (unsigned char)member;
	g->nslots++;
}

/* A statement of the group's own (BEGIN, SAVEPOINT, ..., COMMIT). */
static int group_cmd(struct pconn *c, struct group *g, const char *sql,
                     enum gslot_kind kind, int member)
{
	group_slot(g, kind, member);
	return PQsendQueryParams(c->pg, sql, 0, NULL, NULL, NULL, NULL, 0);
}

/* Send one phase of g: first (BEGIN, ROLLBACK TO SAVEPOINT or ROLLBACK),
 * members from..n, COMMIT when commit, then the Sync. */
static int group_phase(struct pconn *c, struct group *g, const char *first,
                       int from, int commit)
{
	g->nslots = g->next = 0;
	g->err = -1;
	if (!group_cmd(c, g, first, GS_TX, 0))
		return -1;
	for (int i = from; i < g->n; i++) {
		struct pool_op *op = g->m[i];

		if (!group_cmd(c, g, "SAVEPOINT cctns_member", GS_SAVEPOINT, i))
			return -1;
		if (op->pre) {
			group_slot(g, GS_PRE, i);
			if (!PQsendQueryPrepared(c->pg, op->pre->name, op->npre,
			                         op->prevalues, NULL, NULL, 0))
				return -1;
		}
		group_slot(g, GS_STMT, i);
		if (!PQsendQueryPrepared(c->pg, op->stmt->name, op->nparams,
		                         op->values, op->lengths, op->formats,
		                         0) ||
		    !group_cmd(c, g, "RELEASE SAVEPOINT cctns_member",
		               GS_RELEASE, i))
			return -1;
	}
	if (commit && !group_cmd(c, g, "COMMIT", GS_END, 0))
		return -1;
	return PQpipelineSync(c->pg) ? 0 : -1;
}

/* Send m[0..n) (n >= 2) as one group on the idle connection c. */
int group_send(struct pconn *c, struct pool_op **m, int n)
{
	struct pool_op *carrier;
	struct group *g;

	for (int i = 1; i < n; i++) /* stable: the same key keeps its order */
		for (int j = i; j > 0 && group_cmp(m[j - 1], m[j]) > 0; j--) {
			struct pool_op *t = m[j];

			m[j] = m[j - 1];
			m[j - 1] = t;
		}
	g = xcalloc(1, sizeof(*g));
	g->n = n;
	memcpy(g->m, m, sizeof(*m) * (size_t)n);
	carrier = xcalloc(1, sizeof(*carrier));
	carrier->grp = g;
	for (int i = 0; i < n; i++) /* prepared first, each with its Sync */
		if ((m[i]->pre && !pconn_is_prepared(c, m[i]->pre) &&
		     pconn_prepare(c, m[i]->pre) != 0) ||
		    (!pconn_is_prepared(c, m[i]->stmt) &&
		     pconn_prepare(c, m[i]->stmt) != 0)) {
			q_push(&c->sent, carrier);
			return -1;
		}
	q_push(&c->sent, carrier);
	c->grp = g;
	c->pool->counters.groups++;
	c->pool->counters.grouped += (uint64_t)n;
	return group_phase(c, g, "BEGIN", 0, 1);
}

/* reg: answer the members that are still unanswered: those whose statement
 * failed with their error; the others with what their statement returned
 * when outcome is POOL_OK (the group committed), else with outcome (the
 * connection broke: not known to be committed). Then free g. */
void group_free(struct group *g, enum pool_outcome outcome)
{
	for (int i = 0; i < g->n; i++) {
		struct pool_op *op = g->m[i];

		if (!op)
			continue;
		g->m[i] = NULL;
		op_finish(op, g->failed[i] || outcome == POOL_OK
		                      ? op_outcome(op)
		                      : outcome);
	}
	free(g);
}

/* reg: the group at the head of c->sent is over: take it off the connection
 * first (callbacks may queue more). requeue: it failed as a whole and was
 * rolled back; its members whose statement did not fail go back to the head
 * of the queue to run alone. Otherwise it committed. */
static void group_end(struct pconn *c, int requeue)
{
	struct pool_op *carrier = q_pop(&c->sent);
	struct group *g = carrier->grp;
	struct pool_op *back[POOL_GROUP_MAX];
	int n = 0;

	c->grp = NULL;
	carrier->grp = NULL;
	free(carrier);
	if (requeue) {
		for (int i = 0; i < g->n; i++)
			if (g->m[i] && !g->failed[i]) {
				back[n] = g->m[i];
				back[n]->solo = 1;
				PQclear(back[n]->res);
				back[n++]->res = NULL;
				g->m[i] = NULL;
			}
		c->pool->counters.group_retries += (uint64_t)n;
		log_event(LOG_WARN, "db_group_failed",
		          "conn=%d members=%d again_alone=%d", c->idx, g->n, n);
		pending_push_front(c->pool, back, n);
	}
	group_free(g, POOL_OK);
	if (c->pool->pending.head)
		event_active(c->pool->pump, EV_TIMEOUT, 0);
}

/* reg: one result of the group at the head of c->sent. */
void group_result(struct pconn *c, PGresult *res)
{
	struct group *g = c->sent.head->grp;
	struct gslot sl;
	struct pool_op *op;

	if (g->next >= g->nslots) { /* more results than commands sent */
		PQclear(res);
		return;
	}
	sl = g->slot[g->next++];
	op = sl.kind == GS_PRE || sl.kind == GS_STMT ? g->m[sl.member] : NULL;
	if (PQresultStatus(res) == PGRES_FATAL_ERROR && g->err < 0) {
		g->err = g->next - 1;
		if (op) { /* the member's own error, to answer with */
			PQclear(op->res);
			op->res = res;
			return;
		}
	} else if (op && sl.kind == GS_STMT &&
	           PQresultStatus(res) == PGRES_TUPLES_OK) {
		PQclear(op->res);
		op->res = res;
		return;
	}
	PQclear(res);
}

/* reg: the Sync of a phase of the group at the head of c->sent arrived. */
void group_synced(struct pconn *c)
{
	struct group *g = c->sent.head->grp;
	struct gslot sl;

	if (g->cleanup) { /* rolled back as a whole: members run alone */
		group_end(c, 1);
		return;
	}
	if (g->err < 0 && g->next == g->nslots) { /* committed */
		group_end(c, 0);
		return;
	}
	sl = g->err >= 0 ? g->slot[g->err] : (struct gslot){GS_TX, 0};
	if (sl.kind == GS_PRE || sl.kind == GS_STMT) {
		/* that member failed; the transaction is aborted: undo the
		 * member alone and go on with those after it */
		g->failed[sl.member] = 1;
		if (group_phase(c, g, "ROLLBACK TO SAVEPOINT cctns_member",
		                sl.member + 1, 1) != 0 ||
		    pconn_flush(c) != 0)
			pconn_lost(c, "send failed");
		return;
	}
	/* BEGIN, a savepoint or COMMIT failed: nothing of it is committed
	 * (ROLLBACK ends the transaction if it is still open) */
	g->cleanup = 1;
	if (group_phase(c, g, "ROLLBACK", g->n, 0) != 0 || pconn_flush(c) != 0)
		pconn_lost(c, "send failed");
}

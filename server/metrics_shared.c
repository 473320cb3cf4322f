/* metrics_shared.c: one /metrics summing every worker (see
 * metrics_shared.h). Each slot is written by its worker alone and read by
 * every worker; a generation counter, odd while the slot is written, lets a
 * reader retry instead of adding half a snapshot. */
#include "metrics_shared.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <sys/mman.h>

#include <event2/buffer.h>

#include "util.h"

struct slot {
	uint64_t gen; /* 0: never published; odd: being written */
	struct metrics_snapshot snap;
};

/* The counters a snapshot keeps outside struct metrics (the primary and
 * read pools' own): a restarted worker's pools start again at zero, so the
 * totals its slot held when it started are kept here, in the worker's own
 * memory, and added to every snapshot it publishes (cleanup, slice 10). */
struct carry {
	uint64_t reconnects, wait_expired, queue_refused;
	struct metrics_pool_counters pc;
	uint64_t routed[READ_ROUTE_COUNT];
};

struct metrics_shared {
	int n;
	size_t bytes;
	struct slot *slots;
	struct carry carry; /* per process: set by metrics_shared_resume */
};

/* Every field of struct metrics before repl is a uint64_t counter or gauge
 * (or an array of them): summed word by word. */
#define METRICS_WORDS (offsetof(struct metrics, repl) / sizeof(uint64_t))
_Static_assert(offsetof(struct metrics, repl) % sizeof(uint64_t) == 0,
               "struct metrics: the summed part is whole uint64_t words");

struct metrics_shared *metrics_shared_new(int n)
{
	struct metrics_shared *ms = xcalloc(1, sizeof(*ms));
	void *p;

	ms->n = n;
	ms->bytes = (size_t)n * sizeof(struct slot);
	p = mmap(NULL, ms->bytes, PROT_READ | PROT_WRITE,
	         MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		free(ms);
		return NULL;
	}
	ms->slots = p;
	return ms;
}

void metrics_shared_free(struct metrics_shared *ms)
{
	if (!ms)
		return;
	munmap(ms->slots, ms->bytes);
	free(ms);
}

static void carry_add(struct metrics_snapshot *s, const struct carry *c)
{
	s->pool.reconnects += c->reconnects;
	s->pool.wait_expired += c->wait_expired;
	s->pool.queue_refused += c->queue_refused;
	s->pc.statements += c->pc.statements;
	s->pc.waited += c->pc.waited;
	s->pc.wait_us += c->pc.wait_us;
	s->pc.connects += c->pc.connects;
	s->pc.lost += c->pc.lost;
	s->pc.groups += c->pc.groups;
	s->pc.grouped += c->pc.grouped;
	s->pc.group_retries += c->pc.group_retries;
	for (int r = 0; r < READ_ROUTE_COUNT; r++)
		s->rv.routed[r] += c->routed[r];
}

/* The counters of a published snapshot (it already holds the carry of the
 * worker that published it, so totals go on over any number of restarts). */
static void carry_take(struct carry *c, const struct metrics_snapshot *s)
{
	c->reconnects = s->pool.reconnects;
	c->wait_expired = s->pool.wait_expired;
	c->queue_refused = s->pool.queue_refused;
	c->pc = s->pc;
	for (int r = 0; r < READ_ROUTE_COUNT; r++)
		c->routed[r] = s->rv.routed[r];
}

void metrics_shared_publish(struct metrics_shared *ms, int index,
                            const struct metrics_snapshot *snap)
{
	struct slot *s;
	uint64_t g;

	if (!ms || index < 0 || index >= ms->n)
		return;
	s = &ms->slots[index];
	g = __atomic_load_n(&s->gen, __ATOMIC_RELAXED);
	g += g & 1; /* an earlier worker of this slot died writing it */
	__atomic_store_n(&s->gen, g + 1, __ATOMIC_RELAXED); /* odd: writing */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	memcpy(&s->snap, snap, sizeof(*snap));
	s->snap.m.hub = NULL;
	carry_add(&s->snap, &ms->carry);
	__atomic_store_n(&s->gen, g + 2, __ATOMIC_RELEASE); /* even: done */
}

/* A consistent copy of slot i into out; 0 when it was never published. */
static int slot_read(const struct metrics_shared *ms, int i,
                     struct metrics_snapshot *out)
{
	const struct slot *s = &ms->slots[i];

	for (int tries = 0; tries < 1000; tries++) {
		uint64_t g = __atomic_load_n(&s->gen, __ATOMIC_ACQUIRE);

		if (g == 0)
			return 0;
		if (g & 1)
			continue;
		memcpy(out, &s->snap, sizeof(*out));
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (__atomic_load_n(&s->gen, __ATOMIC_RELAXED) == g)
			return 1;
	}
	return 0; /* the writer died mid-write: leave it out */
}

void metrics_shared_resume(struct metrics_shared *ms, int index,
                           struct metrics *m)
{
	struct metrics_snapshot *old;
	const struct session_hub *hub = m->hub;
	uint64_t polls, failures;

	if (!ms || index < 0 || index >= ms->n)
		return;
	old = xmalloc(sizeof(*old));
	if (slot_read(ms, index, old)) {
		*m = old->m;
		m->connections_open = 0; /* the dead worker's connections */
		m->audit_pending = 0;    /* ... and its unwritten records */
		m->audit_in_flight = 0;  /* ops (slice 11): its gauges */
		m->fircache_entries = m->fircache_bytes = 0;
		memset(m->side_conns, 0, sizeof(m->side_conns));
		polls = m->repl.polls; /* counters go on; readings start anew */
		failures = m->repl.failures;
		memset(&m->repl, 0, sizeof(m->repl));
		m->repl.polls = polls;
		m->repl.failures = failures;
		m->hub = hub;
		carry_take(&ms->carry, old); /* the pools' counters */
	}
	free(old);
}

static void add_words(uint64_t *to, const uint64_t *from, size_t n)
{
	for (size_t i = 0; i < n; i++)
		to[i] += from[i];
}

static void add_repl(struct metrics_repl *to, const struct metrics_repl *r)
{
	to->polls += r->polls;
	to->failures += r->failures;
	if (!r->known)
		return;
	to->known = 1;
	to->standby |= r->standby;
	if (r->standbys > to->standbys)
		to->standbys = r->standbys;
	if (r->lag_seconds > to->lag_seconds)
		to->lag_seconds = r->lag_seconds;
	if (r->lag_bytes > to->lag_bytes)
		to->lag_bytes = r->lag_bytes;
}

/* The outbox tables are per worker (a terminal tells the worker its Hello
 * reached): their totals add up; the table itself is not merged. */
static void add_outbox(struct metrics_outbox *to,
                       const struct metrics_outbox *o)
{
	to->terminals += o->terminals;
	to->sum += o->sum;
	to->with_backlog += o->with_backlog;
	to->reports += o->reports;
	to->untracked += o->untracked;
}

static void add_snapshot(struct metrics_snapshot *to,
                         const struct metrics_snapshot *s, int first)
{
	add_words((uint64_t *)&to->m, (const uint64_t *)&s->m, METRICS_WORDS);
	add_repl(&to->m.repl, &s->m.repl);
	add_outbox(&to->m.outbox, &s->m.outbox);
	if (first) {
		to->pool.nstates = s->pool.nstates;
		memcpy(to->pool.state_names, s->pool.state_names,
		       sizeof(to->pool.state_names));
	}
	for (size_t i = 0; i < s->pool.nstates && i < 4; i++)
		to->pool.state_counts[i] += s->pool.state_counts[i];
	to->pool.queue_depth += s->pool.queue_depth;
	to->pool.waiting += s->pool.waiting;
	to->pool.queue_bytes += s->pool.queue_bytes;
	to->pool.reconnects += s->pool.reconnects;
	to->pool.wait_expired += s->pool.wait_expired;
	to->pool.queue_refused += s->pool.queue_refused;
	to->pc.statements += s->pc.statements;
	to->pc.waited += s->pc.waited;
	to->pc.wait_us += s->pc.wait_us;
	to->pc.connects += s->pc.connects;
	to->pc.lost += s->pc.lost;
	to->pc.groups += s->pc.groups;
	to->pc.grouped += s->pc.grouped;
	to->pc.group_retries += s->pc.group_retries;
	readpool_view_add(&to->rv, &s->rv); /* repl */
	if (!s->has_sv)
		return;
	if (!to->has_sv) {
		to->has_sv = 1;
		to->sv.n = s->sv.n;
		memcpy(to->sv.names, s->sv.names, sizeof(to->sv.names));
	}
	for (size_t i = 0; i < s->sv.n && i < METRICS_SESSION_STATES; i++)
		to->sv.counts[i] += s->sv.counts[i];
}

int metrics_shared_sum(const struct metrics_shared *ms,
                       struct metrics_snapshot *out)
{
	struct metrics_snapshot *one = xmalloc(sizeof(*one));
	int k = 0;

	memset(out, 0, sizeof(*out));
	for (int i = 0; ms && i < ms->n; i++) {
		if (!slot_read(ms, i, one))
			continue;
		add_snapshot(out, one, k == 0);
		k++;
	}
	free(one);
	return k;
}

/* A worker's requests: every answered request of every type. */
static uint64_t requests_of(const struct metrics *m)
{
	uint64_t n = 0;

	for (size_t t = 0; t < METRICS_TYPES_MAX; t++)
		n += m->duration_count[t];
	return n;
}

void metrics_shared_render_workers(const struct metrics_shared *ms,
                                   struct evbuffer *out)
{
	struct metrics_snapshot *one = xmalloc(sizeof(*one));
	int k = 0;

	evbuffer_add_printf(
	        out,
	        "# HELP cctns_worker_connections_total Connections accepted, "
	        "by worker process (the series above sum every worker).\n"
	        "# TYPE cctns_worker_connections_total counter\n");
	for (int i = 0; i < ms->n; i++) {
		if (!slot_read(ms, i, one))
			continue;
		k++;
		evbuffer_add_printf(
		        out,
		        "cctns_worker_connections_total{worker=\"%d\"} %llu\n",
		        i, (unsigned long long)one->m.connections_total);
	}
	evbuffer_add_printf(
	        out, "# HELP cctns_worker_requests_total Requests answered, by "
	             "worker process.\n"
	             "# TYPE cctns_worker_requests_total counter\n");
	for (int i = 0; i < ms->n; i++)
		if (slot_read(ms, i, one))
			evbuffer_add_printf(
			        out,
			        "cctns_worker_requests_total{worker=\"%d\"} "
			        "%llu\n",
			        i, (unsigned long long)requests_of(&one->m));
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_workers Worker processes of this server "
	        "([server] workers); /healthz of worker i is on the http "
	        "port + i.\n"
	        "# TYPE cctns_workers gauge\n"
	        "cctns_workers %d\n"
	        "# HELP cctns_workers_published Workers whose counters the "
	        "series above sum (each publishes every second).\n"
	        "# TYPE cctns_workers_published gauge\n"
	        "cctns_workers_published %d\n",
	        ms->n, k);
	free(one);
}

/* bench_stats.c: latency series and percentiles of cctns-bench. */
#include "bench_stats.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const op_names[BENCH_SERIES] = {"register", "show", "search",
                                                   "lookup", "handshake"};

void bench_stats_init(struct bench_stats *st)
{
	memset(st, 0, sizeof(*st));
}

void bench_stats_reset(struct bench_stats *st)
{
	for (int k = 0; k < BENCH_SERIES; k++) {
		st->s[k].n = 0;
		st->s[k].ok = st->s[k].errors = 0;
	}
}

void bench_stats_free(struct bench_stats *st)
{
	for (int k = 0; k < BENCH_SERIES; k++)
		free(st->s[k].us);
}

void bench_stats_add(struct bench_stats *st, int op, uint64_t us, int ok)
{
	struct bench_series *s = &st->s[op];

	if (!ok) {
		s->errors++;
		return;
	}
	s->ok++;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 4096;
		s->us = xrealloc(s->us, s->cap * sizeof(*s->us));
	}
	s->us[s->n++] = us > UINT32_MAX ? UINT32_MAX : (uint32_t)us;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* The p-th percentile (nearest rank) of sorted v, in ms. */
static double pct(const uint32_t *v, size_t n, double p)
{
	size_t i;

	if (n == 0)
		return 0;
	i = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
	return v[i] / 1000.0;
}

static void line(FILE *out, const char *head, uint32_t *v, size_t n,
                 uint64_t ok, uint64_t errors, double seconds)
{
	if (n > 1) /* v is NULL when nothing was counted */
		qsort(v, n, sizeof(*v), cmp_u32);
	fprintf(out,
	        "%s ok=%llu errors=%llu per_s=%.1f p50_ms=%.2f p99_ms=%.2f "
	        "p999_ms=%.2f\n",
	        head, (unsigned long long)ok, (unsigned long long)errors,
	        seconds > 0 ? (double)ok / seconds : 0.0, pct(v, n, 50),
	        pct(v, n, 99), pct(v, n, 99.9));
}

void bench_stats_print(struct bench_stats *st, FILE *out, double seconds,
                       const char *mode, int connections, double rate,
                       int failed_setup)
{
	size_t total = 0;
	uint64_t ok = 0, errors = 0;
	uint32_t *all;
	char head[160];

	for (int k = 0; k < BENCH_SERIES; k++) {
		total += st->s[k].n;
		ok += st->s[k].ok;
		errors += st->s[k].errors;
	}
	all = xmalloc((total ? total : 1) * sizeof(*all));
	total = 0;
	for (int k = 0; k < BENCH_SERIES; k++) {
		if (st->s[k].n)
			memcpy(all + total, st->s[k].us,
			       st->s[k].n * sizeof(*all));
		total += st->s[k].n;
	}
	snprintf(head, sizeof(head),
	         "mode=%s connections=%d rate=%.0f seconds=%.2f "
	         "failed_setup=%d",
	         mode, connections, rate, seconds, failed_setup);
	line(out, head, all, total, ok, errors, seconds);
	free(all);
	for (int k = 0; k < BENCH_SERIES; k++) {
		if (!st->s[k].ok && !st->s[k].errors)
			continue;
		snprintf(head, sizeof(head), "op=%s", op_names[k]);
		line(out, head, st->s[k].us, st->s[k].n, st->s[k].ok,
		     st->s[k].errors, seconds);
	}
}

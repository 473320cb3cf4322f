/* search_bench.c: person search latency and recall through cctns-server,
 * from one station terminal (its config, certificate and TLS link, Hello
 * first). Reads the queries (TSV: expected person_id, set, name,
 * relative_name, age, district_code) and asks each one, one at a time, in
 * each mode given (phonetic: the search of migration 0025; plain: trigram
 * similarity of the name), after a warm-up of the first 50 queries.
 * Prints one line per mode and query set (name: generated, the name alone;
 * details: generated, the name with a relative, age or district; hand: the
 * hand-written set; all) and the machine's load average after each mode:
 * mode set queries errors p50_ms p95_ms p99_ms recall@10 (the expected
 * person among the first 10), undecidable (queries whose target shares the
 * true attributes the query carries with 10 or more other persons: the
 * seventh column of the queries file, search_gen's count; no ranking can
 * be sure to put the target among 10 then), recall@10 over the others
 * (decidable). No query is left out of recall@10.
 * Not a test: tests/bench/search drives it. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "util.h"

#define WARMUP 50

typedef struct query {
	uint64_t expected;
	char *set, *name, *relative;
	uint32_t age, district;
	uint64_t namesakes; /* target included; 0: not known */
} query;

/* More persons than this (the target and 10 others) sharing what the query
 * carries: undecidable in a top 10. */
#define UNDECIDABLE_ABOVE 10

static int undecidable(const query *q)
{
	return q->namesakes > UNDECIDABLE_ABOVE;
}

typedef struct result {
	uint64_t us;
	int found, error;
	size_t n;      /* matches returned */
	int top, last; /* scores of the first and last match */
} result;

static char *field(char **s)
{
	char *f = *s, *tab = strchr(f, '\t');

	if (tab) {
		*tab = '\0';
		*s = tab + 1;
	} else {
		*s = f + strlen(f);
	}
	return f;
}

static query *load(const char *path, size_t *n)
{
	FILE *f = fopen(path, "r");
	char line[2048];
	query *q = NULL;
	size_t cap = 0;

	*n = 0;
	if (!f)
		return NULL;
	while (fgets(line, sizeof(line), f)) {
		char *s = line;
		line[strcspn(line, "\n")] = '\0';
		if (*n == cap) {
			cap = cap ? 2 * cap : 1024;
			q = xrealloc(q, cap * sizeof(*q));
		}
		q[*n].expected = strtoull(field(&s), NULL, 10);
		q[*n].set = xstrdup(field(&s));
		q[*n].name = xstrdup(field(&s));
		q[*n].relative = xstrdup(field(&s));
		q[*n].age = (uint32_t)strtoul(field(&s), NULL, 10);
		q[*n].district = (uint32_t)strtoul(field(&s), NULL, 10);
		q[*n].namesakes = strtoull(field(&s), NULL, 10);
		(*n)++;
	}
	fclose(f);
	return q;
}

/* One search; r gets the time and whether the expected person came back
 * among the first 10. */
static void ask(term_conn *c, const query *q, const char *mode, result *r)
{
	Cctns__V1__SearchPersons s = CCTNS__V1__SEARCH_PERSONS__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Envelope *resp = NULL;
	term_error err;
	uint64_t t0;

	s.name = q->name[0] ? q->name : "";
	s.relative_name = q->relative[0] ? q->relative : "";
	s.age = q->age;
	s.district_code = q->district;
	s.limit = 10;
	s.mode = (char *)mode;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_SEARCH_PERSONS;
	env.search_persons = &s;
	t0 = now_us();
	memset(r, 0, sizeof(*r));
	if (term_call(c, &env, &resp, &err) != 0) {
		r->error = 1;
		r->us = now_us() - t0;
		return;
	}
	r->us = now_us() - t0;
	if (resp->body_case != CCTNS__V1__ENVELOPE__BODY_PERSON_MATCHES) {
		r->error = 1;
	} else {
		const Cctns__V1__PersonMatches *m = resp->person_matches;
		for (size_t i = 0; i < m->n_matches && i < 10; i++)
			r->found |= m->matches[i]->person_id == q->expected;
		r->n = m->n_matches;
		if (m->n_matches) {
			r->top = m->matches[0]->score;
			r->last = m->matches[m->n_matches - 1]->score;
		}
	}
	envelope_free(resp);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static double pct_ms(const uint64_t *v, size_t n, double p)
{
	if (n == 0)
		return 0;
	return (double)v[(size_t)(p / 100.0 * (double)(n - 1) + 0.5)] / 1000.0;
}

static void report(const char *mode, const char *set, const query *q,
                   const result *r, size_t n)
{
	uint64_t *lat = xmalloc((n ? n : 1) * sizeof(*lat));
	size_t k = 0, found = 0, errors = 0, undec = 0, dfound = 0;

	for (size_t i = 0; i < n; i++) {
		if (set && strcmp(q[i].set, set) != 0)
			continue;
		lat[k++] = r[i].us;
		found += (size_t)r[i].found;
		errors += (size_t)r[i].error;
		if (undecidable(&q[i]))
			undec++;
		else
			dfound += (size_t)r[i].found;
	}
	qsort(lat, k, sizeof(*lat), cmp_u64);
	printf("%-9s %-10s %7zu %6zu %8.2f %8.2f %8.2f %9.1f%% %11zu "
	       "%10.1f%%\n",
	       mode, set ? set : "all", k, errors, pct_ms(lat, k, 50),
	       pct_ms(lat, k, 95), pct_ms(lat, k, 99),
	       k ? 100.0 * (double)found / (double)k : 0.0, undec,
	       k > undec ? 100.0 * (double)dfound / (double)(k - undec) : 0.0);
	free(lat);
}

/* The machine is shared: the load average beside the figures. */
static void print_load(const char *mode)
{
	FILE *f = fopen("/proc/loadavg", "r");
	char buf[128] = "";

	if (f) {
		if (!fgets(buf, sizeof(buf), f))
			buf[0] = '\0';
		fclose(f);
	}
	buf[strcspn(buf, "\n")] = '\0';
	printf("%-9s load average after this mode: %s\n", mode, buf);
}

int main(int argc, char **argv)
{
	const char *config = NULL, *path = NULL, *modes = "phonetic,plain",
	           *misses = NULL;
	static const struct option lo[] = {
	        {"config", required_argument, NULL, 'c'},
	        {"queries", required_argument, NULL, 'q'},
	        {"modes", required_argument, NULL, 'm'},
	        {"misses", required_argument, NULL, 'x'},
	        {NULL, 0, NULL, 0}};
	int ch;
	term_config cfg = {0};
	term_error err;
	char msg[512], mbuf[64];
	size_t n;

	while ((ch = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		if (ch == 'c')
			config = optarg;
		else if (ch == 'q')
			path = optarg;
		else if (ch == 'm')
			modes = optarg;
		else if (ch == 'x')
			misses = optarg;
		else
			return 2;
	}
	if (!config || !path) {
		fprintf(stderr, "usage: search_bench --config station.conf "
		                "--queries FILE.tsv [--modes phonetic,plain] "
		                "[--misses FILE]\n");
		return 2;
	}
	query *q = load(path, &n);
	if (!q || n == 0) {
		fprintf(stderr, "search_bench: %s: no queries (%s)\n", path,
		        strerror(errno));
		return 2;
	}
	if (term_config_load(config, &cfg, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "search_bench: %s\n", msg);
		return 2;
	}
	term_conn *c = term_connect(&cfg, &err);
	if (!c) {
		fprintf(stderr, "search_bench: %s\n", err.message);
		return 1;
	}
	FILE *mf = misses ? fopen(misses, "w") : NULL;
	result *r = xcalloc(n, sizeof(*r));
	printf("%-9s %-10s %7s %6s %8s %8s %8s %10s %11s %11s\n", "mode", "set",
	       "queries", "errors", "p50_ms", "p95_ms", "p99_ms", "recall@10",
	       "undecidable", "decidable@10");
	snprintf(mbuf, sizeof(mbuf), "%s", modes);
	for (char *save = NULL, *mode = strtok_r(mbuf, ",", &save); mode;
	     mode = strtok_r(NULL, ",", &save)) {
		result tmp;
		for (size_t i = 0; i < n && i < WARMUP; i++)
			ask(c, &q[i], mode, &tmp);
		for (size_t i = 0; i < n; i++) {
			ask(c, &q[i], mode, &r[i]);
			if (mf && !r[i].found)
				fprintf(mf,
				        "%s\t%s\t%" PRIu64 "\t%s\t%s\t%u\t%u"
				        "\t%" PRIu64 "\t%zu\t%d\t%d\n",
				        mode, q[i].set, q[i].expected,
				        q[i].name, q[i].relative, q[i].age,
				        q[i].district, q[i].namesakes, r[i].n,
				        r[i].top, r[i].last);
		}
		report(mode, "name", q, r, n);
		report(mode, "details", q, r, n);
		report(mode, "hand", q, r, n);
		report(mode, NULL, q, r, n);
		print_load(mode);
		fflush(stdout);
	}
	if (mf)
		fclose(mf);
	term_close(c);
	term_config_free(&cfg);
	for (size_t i = 0; i < n; i++) {
		free(q[i].set);
		free(q[i].name);
		free(q[i].relative);
	}
	free(q);
	free(r);
	return 0;
}

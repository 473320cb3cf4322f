/* dossier_bench.c: latency of vehicle search and of the criminal dossier
 * through cctns-server from one station terminal (its config, certificate
 * and TLS link, Hello first), one request at a time. Reads queries from a
 * file, one a line: "v NUMBER" (SearchVehicles by a whole registration
 * number as written), "p NUMBER" (by part of one) or "d PERSON_ID"
 * (GetDossier). The first WARMUP lines (default 0) are asked first and
 * not counted: the server's database connections plan each statement on
 * its first use (then keep the plan for the session), so a fresh server
 * pays that once per connection and statement; their slowest is printed
 * as "warmup". Prints one line per kind: kind count errors p50 p95 p99
 * max (milliseconds); vehicle_search is both forms together. Not a test:
 * tests/bench/dossier drives it. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "util.h"

typedef struct series {
	uint64_t *us;
	size_t n, cap, errors;
} series;

static void series_add(series *s, uint64_t us)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 1024;
		s->us = xrealloc(s->us, s->cap * sizeof(*s->us));
	}
	s->us[s->n++] = us;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static double pct_ms(const series *s, double p)
{
	if (s->n == 0)
		return 0;
	return (double)s->us[(size_t)(p / 100.0 * (double)(s->n - 1) + 0.5)] /
	       1000.0;
}

/* One request; 0 when the answer is the expected body. */
static int ask(term_conn *c, Envelope *env, Cctns__V1__Envelope__BodyCase want,
               term_error *err)
{
	Envelope *resp = NULL;
	int rc = -1;

	if (term_call(c, env, &resp, err) != 0)
		return -1;
	if (resp->body_case == want)
		rc = 0;
	else if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS)
		term_error_from_status(resp->status, err);
	envelope_free(resp);
	return rc;
}

static void print_series(const char *kind, series *s)
{
	qsort(s->us, s->n, sizeof(*s->us), cmp_u64);
	printf("%s %zu %zu %.2f %.2f %.2f %.2f\n", kind, s->n, s->errors,
	       pct_ms(s, 50), pct_ms(s, 95), pct_ms(s, 99), pct_ms(s, 100));
}

int main(int argc, char **argv)
{
	char msg[512], line[256];
	term_config cfg = {0};
	term_error err = {0};
	term_conn *c = NULL;
	series vs = {0}, vw = {0}, vp = {0}, ds = {0}, wu = {0};
	FILE *q;
	int rc = 1;
	unsigned long warmup = 0, lineno = 0;

	if (argc != 3 && argc != 4) {
		fprintf(stderr,
		        "usage: dossier_bench CONFIG QUERIES [WARMUP]\n");
		return 2;
	}
	if (argc == 4)
		warmup = strtoul(argv[3], NULL, 10);
	if (term_config_load(argv[1], &cfg, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "dossier_bench: %s\n", msg);
		return 1;
	}
	q = fopen(argv[2], "r");
	if (!q) {
		fprintf(stderr, "dossier_bench: cannot open %s\n", argv[2]);
		goto out;
	}
	c = term_connect(&cfg, &err);
	if (!c) {
		fprintf(stderr, "dossier_bench: %s\n", err.message);
		goto out;
	}
	while (fgets(line, sizeof(line), q)) {
		Envelope env = CCTNS__V1__ENVELOPE__INIT;
		Cctns__V1__SearchVehicles sv = CCTNS__V1__SEARCH_VEHICLES__INIT;
		Cctns__V1__GetDossier gd = CCTNS__V1__GET_DOSSIER__INIT;
		Cctns__V1__Envelope__BodyCase want;
		series *s, *form = NULL;
		uint64_t t0;

		line[strcspn(line, "\n")] = '\0';
		if ((line[0] == 'v' || line[0] == 'p') && line[1] == ' ') {
			sv.number = line + 2;
			env.body_case =
			        CCTNS__V1__ENVELOPE__BODY_SEARCH_VEHICLES;
			env.search_vehicles = &sv;
			want = CCTNS__V1__ENVELOPE__BODY_VEHICLE_SEARCH_RESULT;
			s = &vs;
			form = line[0] == 'v' ? &vw : &vp;
		} else if (line[0] == 'd' && line[1] == ' ') {
			gd.person_id = strtoull(line + 2, NULL, 10);
			env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_DOSSIER;
			env.get_dossier = &gd;
			want = CCTNS__V1__ENVELOPE__BODY_DOSSIER;
			s = &ds;
		} else {
			continue;
		}
		if (++lineno <= warmup) {
			s = &wu;
			form = NULL;
		}
		t0 = now_us();
		if (ask(c, &env, want, &err) == 0) {
			uint64_t us = now_us() - t0;

			series_add(s, us);
			if (form)
				series_add(form, us);
		} else if (s->errors++ == 0) {
			fprintf(stderr, "dossier_bench: %s\n", err.message);
		}
	}
	print_series("vehicle_search", &vs);
	print_series("vehicle_whole", &vw);
	print_series("vehicle_part", &vp);
	print_series("dossier", &ds);
	print_series("warmup", &wu);
	rc = vs.errors + ds.errors + wu.errors ? 1 : 0;
out:
	if (q)
		fclose(q);
	term_close(c);
	term_config_free(&cfg);
	free(vs.us);
	free(vw.us);
	free(vp.us);
	free(ds.us);
	free(wu.us);
	return rc;
}

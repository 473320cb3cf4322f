/* fir_bench.c: FIR registrations per second and latency through
 * cctns-server. Each of N threads is one station terminal (its own config,
 * certificate and TLS link, Hello first) registering the same FIR content
 * with a fresh idempotency key, one request at a time, for a set time.
 * Prints one line: terminals, registrations, errors, per second, p50, p99,
 * p99.9 in milliseconds. Not a test: tests/bench/run drives it. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "conn.h"
#include "pbjson.h"
#include "util.h"

typedef struct bench_opts {
	int terminals;
	int seconds;
	const char *conf_pattern; /* printf pattern with one %d: 1..N */
	const char *fir_path;
	char *fir_json;
	size_t fir_len;
} bench_opts;

typedef struct worker {
	const bench_opts *opts;
	int index;
	pthread_t thread;
	uint64_t *lat_us; /* one per registration */
	size_t n, cap;
	size_t errors;
	char first_error[512];
} worker;

static void worker_record(worker *w, uint64_t us)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 4096;
		w->lat_us = xrealloc(w->lat_us, w->cap * sizeof(*w->lat_us));
	}
	w->lat_us[w->n++] = us;
}

static void worker_error(worker *w, const char *msg)
{
	if (w->errors++ == 0)
		snprintf(w->first_error, sizeof(w->first_error), "%s", msg);
}

/* One registration; returns 0 when the server answered with a receipt. */
static int register_one(term_conn *c, Cctns__V1__FirContent *fir,
                        term_error *err)
{
	uint8_t key[16];
	Cctns__V1__RegisterFir reg = CCTNS__V1__REGISTER_FIR__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Envelope *resp = NULL;
	int rc = -1;

	if (RAND_bytes(key, sizeof(key)) != 1)
		return term_fail(err, TERM_ERR_INTERNAL, "RAND_bytes failed");
	reg.idempotency_key.data = key;
	reg.idempotency_key.len = sizeof(key);
	reg.fir = fir;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR;
	env.register_fir = &reg;
	if (term_call(c, &env, &resp, err) != 0)
		return -1;
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_FIR_RECEIPT)
		rc = 0;
	else if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS)
		term_error_from_status(resp->status, err);
	else
		term_fail(err, TERM_ERR_INTERNAL, "unexpected response");
	envelope_free(resp);
	return rc;
}

static void *worker_main(void *arg)
{
	worker *w = arg;
	char path[1024], msg[512];
	term_config cfg = {0};
	term_error err = {0};
	term_conn *c = NULL;
	pbjson_error jerr;
	ProtobufCMessage *m;

	const char *pat = w->opts->conf_pattern, *hole = strstr(pat, "%d");
	snprintf(path, sizeof(path), "%.*s%d%s", (int)(hole - pat), pat,
	         w->index + 1, hole + 2);
	if (term_config_load(path, &cfg, msg, sizeof(msg)) != 0) {
		worker_error(w, msg);
		return NULL;
	}
	m = pbjson_parse(&cctns__v1__fir_content__descriptor, w->opts->fir_json,
	                 w->opts->fir_len, &jerr);
	if (!m) {
		worker_error(w, jerr.message);
		goto out;
	}
	c = term_connect(&cfg, &err);
	if (!c) {
		worker_error(w, err.message);
		goto out;
	}
	uint64_t end = now_us() + (uint64_t)w->opts->seconds * 1000000u;
	while (now_us() < end) {
		uint64_t t0 = now_us();
		if (register_one(c, (Cctns__V1__FirContent *)m, &err) == 0) {
			worker_record(w, now_us() - t0);
			continue;
		}
		worker_error(w, err.message);
		break; /* a benchmark run has no expected errors */
	}
out:
	term_close(c);
	if (m)
		protobuf_c_message_free_unpacked(m, NULL);
	term_config_free(&cfg);
	return NULL;
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
	size_t i = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
	return (double)v[i] / 1000.0;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - n < 4096)
			buf = xrealloc(buf, cap = cap ? 2 * cap : 8192);
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: fir_bench --terminals N --seconds S --config PATTERN "
	        "--fir FILE.json\n"
	        "  PATTERN is a station.conf path with one %%d, numbered "
	        "1..N:\n"
	        "  terminal i uses its own certificate, e.g. "
	        "bench/station-%%d.conf\n"
	        "Prints: terminals registrations errors per_second p50_ms "
	        "p99_ms p999_ms\n");
}

static int parse_args(int argc, char **argv, bench_opts *o)
{
	static const struct option longopts[] = {
	        {"terminals", required_argument, NULL, 'n'},
	        {"seconds", required_argument, NULL, 's'},
	        {"config", required_argument, NULL, 'c'},
	        {"fir", required_argument, NULL, 'f'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int ch;

	o->terminals = 1;
	o->seconds = 10;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			o->terminals = atoi(optarg);
			break;
		case 's':
			o->seconds = atoi(optarg);
			break;
		case 'c':
			o->conf_pattern = optarg;
			break;
		case 'f':
			o->fir_path = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			return -1;
		}
	}
	if (o->terminals < 1 || o->terminals > 1024 || o->seconds < 1 ||
	    !o->conf_pattern || !o->fir_path ||
	    !strstr(o->conf_pattern, "%d")) {
		usage(stderr);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	bench_opts o = {0};
	size_t total = 0, errors = 0, k = 0;

	if (parse_args(argc, argv, &o) != 0)
		return 2;
	o.fir_json = read_file(o.fir_path, &o.fir_len);
	if (!o.fir_json) {
		fprintf(stderr, "fir_bench: %s: %s\n", o.fir_path,
		        strerror(errno));
		return 2;
	}
	worker *w = xcalloc((size_t)o.terminals, sizeof(*w));
	uint64_t t0 = now_us();
	for (int i = 0; i < o.terminals; i++) {
		w[i].opts = &o;
		w[i].index = i;
		if (pthread_create(&w[i].thread, NULL, worker_main, &w[i]) != 0)
			abort();
	}
	for (int i = 0; i < o.terminals; i++) {
		pthread_join(w[i].thread, NULL);
		total += w[i].n;
		errors += w[i].errors;
	}
	double secs = (double)(now_us() - t0) / 1e6;
	uint64_t *all = xmalloc((total ? total : 1) * sizeof(*all));
	for (int i = 0; i < o.terminals; i++) {
		memcpy(all + k, w[i].lat_us, w[i].n * sizeof(*all));
		k += w[i].n;
		if (w[i].errors)
			fprintf(stderr,
			        "fir_bench: terminal %d: %zu errors, "
			        "first: %s\n",
			        i + 1, w[i].errors, w[i].first_error);
		free(w[i].lat_us);
	}
	qsort(all, total, sizeof(*all), cmp_u64);
	printf("%d %zu %zu %.0f %.2f %.2f %.2f\n", o.terminals, total, errors,
	       (double)total / secs, pct_ms(all, total, 50),
	       pct_ms(all, total, 99), pct_ms(all, total, 99.9));
	free(all);
	free(w);
	free(o.fir_json);
	return errors && !total ? 1 : 0;
}

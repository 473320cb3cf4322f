/* soak_bench.c: a mixed load through cctns-server for a set time, for the
 * soak run (tests/bench/soak samples the server's memory meanwhile). Each of
 * N threads is one station terminal (its own config and TLS link) doing, in
 * a fixed cycle of ten requests: two FIR registrations, four reads of an FIR
 * it registered, two reference lookups and two person searches. Every
 * RECONNECT requests it hangs up and connects again, so connection set-up
 * and tear-down are soaked too. Prints one line per request kind:
 * "kind done errors" and a last line "total done errors". Not a test:
 * tests/bench/soak drives it. */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "conn.h"
#include "pbjson.h"
#include "util.h"

#define RECONNECT 200

enum kind { K_REGISTER, K_READ, K_LOOKUP, K_SEARCH, K_COUNT };
static const char *const kind_names[K_COUNT] = {"register", "read", "lookup",
                                                "search"};
static const enum kind cycle[10] = {K_REGISTER, K_READ,     K_READ, K_LOOKUP,
                                    K_SEARCH,   K_REGISTER, K_READ, K_READ,
                                    K_LOOKUP,   K_SEARCH};

typedef struct soak_opts {
	int terminals;
	int seconds;
	const char *conf_pattern;
	char *fir_json;
	size_t fir_len;
} soak_opts;

typedef struct worker {
	const soak_opts *opts;
	int index;
	pthread_t thread;
	Cctns__V1__FirContent *fir;
	char last_fir[32]; /* the last number it registered */
	uint64_t done[K_COUNT], errors[K_COUNT];
	char first_error[640]; /* "kind: " and a message of up to 512 */
} worker;

static int expect(Envelope *resp, Cctns__V1__Envelope__BodyCase want,
                  term_error *err)
{
	if (resp->body_case == want)
		return 0;
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS)
		term_error_from_status(resp->status, err);
	else
		term_fail(err, TERM_ERR_INTERNAL, "unexpected response");
	return -1;
}

static int do_register(worker *w, term_conn *c, term_error *err)
{
	uint8_t key[16];
	Cctns__V1__RegisterFir reg = CCTNS__V1__REGISTER_FIR__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	int rc;

	if (RAND_bytes(key, sizeof(key)) != 1)
		return term_fail(err, TERM_ERR_INTERNAL, "RAND_bytes failed");
	reg.idempotency_key.data = key;
	reg.idempotency_key.len = sizeof(key);
	reg.fir = w->fir;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR;
	env.register_fir = &reg;
	if (term_call(c, &env, &resp, err) != 0)
		return -1;
	rc = expect(resp, CCTNS__V1__ENVELOPE__BODY_FIR_RECEIPT, err);
	if (rc == 0)
		snprintf(w->last_fir, sizeof(w->last_fir), "%s",
		         resp->fir_receipt->fir_number);
	envelope_free(resp);
	return rc;
}

static int do_read(worker *w, term_conn *c, term_error *err)
{
	Cctns__V1__GetFir get = CCTNS__V1__GET_FIR__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	int rc;

	if (!w->last_fir[0])
		return do_register(w, c, err);
	get.fir_number = w->last_fir;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_FIR;
	env.get_fir = &get;
	if (term_call(c, &env, &resp, err) != 0)
		return -1;
	rc = expect(resp, CCTNS__V1__ENVELOPE__BODY_FIR, err);
	envelope_free(resp);
	return rc;
}

static int do_lookup(worker *w, term_conn *c, term_error *err)
{
	static char *const queries[] = {"303", "theft", "hurt", "64"};
	Cctns__V1__LookupRef look = CCTNS__V1__LOOKUP_REF__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	int rc;

	look.kind = CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION;
	look.query = queries[(w->done[K_LOOKUP] + (uint64_t)w->index) % 4];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_LOOKUP_REF;
	env.lookup_ref = &look;
	if (term_call(c, &env, &resp, err) != 0)
		return -1;
	rc = expect(resp, CCTNS__V1__ENVELOPE__BODY_REF_LIST, err);
	envelope_free(resp);
	return rc;
}

static int do_search(worker *w, term_conn *c, term_error *err)
{
	static char *const names[] = {"Ramesh Agarwal", "Amit", "Sunita Devi",
	                              "Shyam Sundar"};
	Cctns__V1__SearchPersons s = CCTNS__V1__SEARCH_PERSONS__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	int rc;

	s.name = names[(w->done[K_SEARCH] + (uint64_t)w->index) % 4];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_SEARCH_PERSONS;
	env.search_persons = &s;
	if (term_call(c, &env, &resp, err) != 0)
		return -1;
	rc = expect(resp, CCTNS__V1__ENVELOPE__BODY_PERSON_MATCHES, err);
	envelope_free(resp);
	return rc;
}

static int (*const ops[K_COUNT])(worker *, term_conn *, term_error *) = {
        do_register, do_read, do_lookup, do_search};

static void worker_error(worker *w, enum kind k, const char *msg)
{
	uint64_t all = 0;

	for (int i = 0; i < K_COUNT; i++)
		all += w->errors[i];
	if (all == 0)
		snprintf(w->first_error, sizeof(w->first_error), "%s: %s",
		         kind_names[k], msg);
	w->errors[k]++;
}

static void *worker_main(void *arg)
{
	worker *w = arg;
	char path[1024], msg[512];
	term_config cfg = {0};
	term_error err = {0};
	term_conn *c = NULL;
	pbjson_error jerr;
	const char *pat = w->opts->conf_pattern, *hole = strstr(pat, "%d");
	uint64_t end, n = 0;

	snprintf(path, sizeof(path), "%.*s%d%s", (int)(hole - pat), pat,
	         w->index + 1, hole + 2);
	if (term_config_load(path, &cfg, msg, sizeof(msg)) != 0) {
		worker_error(w, K_REGISTER, msg);
		return NULL;
	}
	w->fir = (Cctns__V1__FirContent *)pbjson_parse(
	        &cctns__v1__fir_content__descriptor, w->opts->fir_json,
	        w->opts->fir_len, &jerr);
	if (!w->fir) {
		worker_error(w, K_REGISTER, jerr.message);
		goto out;
	}
	end = now_us() + (uint64_t)w->opts->seconds * 1000000u;
	while (now_us() < end) {
		enum kind k = cycle[n++ % 10];

		if (!c && !(c = term_connect(&cfg, &err))) {
			worker_error(w, k, err.message);
			break;
		}
		if (ops[k](w, c, &err) == 0)
			w->done[k]++;
		else
			worker_error(w, k, err.message);
		if (n % RECONNECT == 0) {
			term_close(c);
			c = NULL;
		}
	}
out:
	term_close(c);
	if (w->fir)
		protobuf_c_message_free_unpacked(&w->fir->base, NULL);
	term_config_free(&cfg);
	return NULL;
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

static int parse_args(int argc, char **argv, soak_opts *o,
                      const char **fir_path)
{
	static const struct option longopts[] = {
	        {"terminals", required_argument, NULL, 'n'},
	        {"seconds", required_argument, NULL, 's'},
	        {"config", required_argument, NULL, 'c'},
	        {"fir", required_argument, NULL, 'f'},
	        {NULL, 0, NULL, 0},
	};
	int ch;

	o->terminals = 4;
	o->seconds = 60;
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
			*fir_path = optarg;
			break;
		default:
			return -1;
		}
	}
	if (o->terminals < 1 || o->terminals > 1024 || o->seconds < 1 ||
	    !o->conf_pattern || !*fir_path || !strstr(o->conf_pattern, "%d"))
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	soak_opts o = {0};
	const char *fir_path = NULL;
	uint64_t done[K_COUNT] = {0}, errors[K_COUNT] = {0}, td = 0, te = 0;
	worker *w;

	if (parse_args(argc, argv, &o, &fir_path) != 0) {
		fprintf(stderr, "usage: soak_bench --terminals N --seconds S "
		                "--config PATTERN(%%d) --fir FILE.json\n");
		return 2;
	}
	o.fir_json = read_file(fir_path, &o.fir_len);
	if (!o.fir_json) {
		fprintf(stderr, "soak_bench: cannot read %s\n", fir_path);
		return 2;
	}
	w = xcalloc((size_t)o.terminals, sizeof(*w));
	for (int i = 0; i < o.terminals; i++) {
		w[i].opts = &o;
		w[i].index = i;
		if (pthread_create(&w[i].thread, NULL, worker_main, &w[i]) != 0)
			abort();
	}
	for (int i = 0; i < o.terminals; i++) {
		pthread_join(w[i].thread, NULL);
		for (int k = 0; k < K_COUNT; k++) {
			done[k] += w[i].done[k];
			errors[k] += w[i].errors[k];
		}
		if (w[i].first_error[0])
			fprintf(stderr,
			        "soak_bench: terminal %d: first error: %s\n",
			        i + 1, w[i].first_error);
	}
	for (int k = 0; k < K_COUNT; k++) {
		printf("%s %llu %llu\n", kind_names[k],
		       (unsigned long long)done[k],
		       (unsigned long long)errors[k]);
		td += done[k];
		te += errors[k];
	}
	printf("total %llu %llu\n", (unsigned long long)td,
	       (unsigned long long)te);
	free(w);
	free(o.fir_json);
	return td == 0 ? 1 : 0;
}

/* make_seeds.c: writes the seed corpora in tests/fuzz/corpus/<target>/
 * (small valid and near-valid inputs). Run it from a fuzz build and commit
 * the files:  build/tests/fuzz/make_seeds tests/fuzz/corpus  */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "envelope.h"
#include "fixtures.h"
#include "frame.h"
#include "pbjson.h"

static const char *root;

static void write_seed(const char *target, const char *name, const void *data,
                       size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, target);
	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		perror(path);
		exit(1);
	}
	snprintf(path, sizeof(path), "%s/%s/%s", root, target, name);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

/* A growable byte buffer. */
typedef struct bytes {
	uint8_t *p;
	size_t len;
} bytes;

static void add(bytes *b, const void *data, size_t len)
{
	b->p = xrealloc(b->p, b->len + len);
	memcpy(b->p + b->len, data, len);
	b->len += len;
}

static void add_frame(bytes *b, const Envelope *e)
{
	uint8_t *frame;
	size_t len;

	if (envelope_encode_frame(e, FRAME_ABSOLUTE_MAX, &frame, &len) != 0)
		abort();
	add(b, frame, len);
	free(frame);
}

static bytes body_of(const Envelope *e)
{
	bytes b = {0};
	b.len = cctns__v1__envelope__get_packed_size(e);
	b.p = xmalloc(b.len ? b.len : 1);
	cctns__v1__envelope__pack(e, b.p);
	return b;
}

static Envelope *with_body(uint64_t id, Cctns__V1__Envelope__BodyCase c,
                           ProtobufCMessage *body)
{
	Envelope *e = fx_new(&cctns__v1__envelope__descriptor);
	e->request_id = id;
	e->body_case = c;
	/* Every body member shares the oneof's storage. */
	e->hello = (Cctns__V1__Hello *)body;
	return e;
}

static Envelope *hello(void)
{
	Cctns__V1__Hello *h = fx_new(&cctns__v1__hello__descriptor);
	h->protocol_version = 1;
	fx_str(&h->software, "cctns/0.1.0");
	return with_body(1, CCTNS__V1__ENVELOPE__BODY_HELLO, &h->base);
}

static Envelope *get_fir(void)
{
	Cctns__V1__GetFir *g = fx_new(&cctns__v1__get_fir__descriptor);
	fx_str(&g->fir_number, "42/2026");
	return with_body(3, CCTNS__V1__ENVELOPE__BODY_GET_FIR, &g->base);
}

static Envelope *hello_ack(void)
{
	Cctns__V1__HelloAck *a = fx_new(&cctns__v1__hello_ack__descriptor);
	a->protocol_version = 1;
	fx_str(&a->server_software, "cctns-server/0.1.0");
	a->identity = fx_identity();
	a->max_frame = FRAME_DEFAULT_MAX;
	a->max_in_flight = 64;
	return with_body(1, CCTNS__V1__ENVELOPE__BODY_HELLO_ACK, &a->base);
}

static Envelope *status(void)
{
	Cctns__V1__Status *s = fx_new(&cctns__v1__status__descriptor);
	s->code = CCTNS__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT;
	fx_str(&s->message, "must be a time like 2026-03-14T21:30:00+05:30");
	fx_str(&s->field, "fir.occurred_from");
	return with_body(2, CCTNS__V1__ENVELOPE__BODY_STATUS, &s->base);
}

static Envelope *receipt(void)
{
	return with_body(2, CCTNS__V1__ENVELOPE__BODY_FIR_RECEIPT,
	                 &fx_receipt()->base);
}

static Envelope *fir(void)
{
	Cctns__V1__Fir *f = fx_new(&cctns__v1__fir__descriptor);
	f->receipt = fx_receipt();
	f->content = fx_fir();
	return with_body(3, CCTNS__V1__ENVELOPE__BODY_FIR, &f->base);
}

static void frame_seeds(void)
{
	Envelope *reg = fx_register_envelope(), *h = hello(), *g = get_fir(),
	         *a = hello_ack(), *s = status();
	static const uint8_t zero[] = {0x10, 0, 0, 0, 0};
	static const uint8_t oversize[] = {0x00, 0, 0, 0x10, 0, 1, 2, 3};
	bytes b = {0};

	add(&b, "\xff", 1);
	add_frame(&b, reg);
	write_seed("fuzz_frame", "register_fir", b.p, b.len);
	write_seed("fuzz_frame", "register_fir_partial", b.p, b.len - 7);
	b.len = 1;
	add_frame(&b, h);
	add_frame(&b, g);
	add_frame(&b, reg);
	write_seed("fuzz_frame", "hello_get_register", b.p, b.len);
	b.len = 1;
	add_frame(&b, a);
	add_frame(&b, s);
	write_seed("fuzz_frame", "responses", b.p, b.len);
	write_seed("fuzz_frame", "zero_length", zero, sizeof(zero));
	write_seed("fuzz_frame", "over_cap", oversize, sizeof(oversize));
	free(b.p);
	envelope_free(reg);
	envelope_free(h);
	envelope_free(g);
	envelope_free(a);
	envelope_free(s);
}

static void envelope_seed(const char *name, Envelope *e)
{
	bytes b = body_of(e);
	write_seed("fuzz_envelope", name, b.p, b.len);
	free(b.p);
	envelope_free(e);
}

static void envelope_seeds(void)
{
	Envelope *bad = fx_register_envelope();
	bytes b;

	envelope_seed("register_fir", fx_register_envelope());
	envelope_seed("hello", hello());
	envelope_seed("get_fir", get_fir());
	envelope_seed("hello_ack", hello_ack());
	envelope_seed("status", status());
	envelope_seed("fir_receipt", receipt());
	envelope_seed("fir", fir());
	/* Near-valid: a short key, then an unknown field appended. */
	bad->register_fir->idempotency_key.len = 15;
	fx_str(&bad->register_fir->fir->charges[0]->section, "303(2");
	b = body_of(bad);
	write_seed("fuzz_envelope", "register_fir_short_key", b.p, b.len);
	add(&b, "\xf8\x07\x2a", 3); /* field 127, varint 42 */
	write_seed("fuzz_envelope", "register_fir_unknown_field", b.p, b.len);
	free(b.p);
	envelope_free(bad);
}

static void json_seed(const char *name, uint8_t selector, const char *json)
{
	bytes b = {0};
	add(&b, &selector, 1);
	add(&b, json, strlen(json));
	write_seed("fuzz_json", name, b.p, b.len);
	free(b.p);
}

static void json_seeds(void)
{
	Envelope *reg = fx_register_envelope(), *f = fir();
	char *s;

	s = pbjson_format(&reg->register_fir->fir->base, 0);
	json_seed("fir_content", 0, s);
	free(s);
	s = pbjson_format(&reg->register_fir->fir->base, PBJSON_PRETTY);
	json_seed("fir_content_pretty", 2, s);
	free(s);
	s = pbjson_format(&reg->base, 0);
	json_seed("envelope_register", 1, s);
	free(s);
	s = pbjson_format(&f->base, PBJSON_PRETTY);
	json_seed("envelope_fir_pretty", 3, s);
	free(s);
	json_seed("enum_forms", 0,
	          "{\"information_type\":\"INFORMATION_TYPE_ORAL\",\"charges\":"
	          "[{\"act\":2,\"section\":\"303\"},{\"act\":\"Special_Local\","
	          "\"law\":\"NDPS\"}],\"place\":{\"direction\":\"sw\"}}");
	json_seed("numbers_as_strings", 1,
	          "{\"request_id\":\"18446744073709551615\",\"get_fir\":"
	          "{\"fir_number\":\"0042/2026\"}}");
	json_seed("unknown_key", 0, "{\"brief_facts\":\"x\",\"extra\":1}");
	json_seed("bad_enum", 0, "{\"information_type\":\"pigeon\"}");
	json_seed("two_oneof_members", 1, "{\"hello\":{},\"get_fir\":{}}");
	json_seed("trailing_comma", 0, "{\"brief_facts\":\"x\",}");
	json_seed(
	        "escapes", 0,
	        "{\"brief_facts\":\"\\u0930\\n\\t\\\"\\\\\\/\\ud83d\\ude00\"}");
	json_seed("bytes_unpadded", 1,
	          "{\"register_fir\":{\"idempotency_key\":"
	          "\"AAECAwQFBgcICQoLDA0ODw\"}}");
	envelope_free(reg);
	envelope_free(f);
}

static void write_text(const char *target, const char *name, const char *s)
{
	write_seed(target, name, s, strlen(s));
}

static void conf_seeds(void)
{
	write_text(
	        "fuzz_conf", "server_conf",
	        "; server.conf\n[server]\nlisten = 127.0.0.1:7443 ; TLS\n"
	        "max_connections = 1024\nmax_frame = 1M\nmax_in_flight = 64\n"
	        "idle_timeout = 5m\ndrain_timeout = 30s\n[tls]\nca = ca.crt\n"
	        "cert = server.crt\nkey = /etc/cctns/server.key\n[database]\n"
	        "conninfo = host=/run/pg dbname=cctns user=cctns_server\n"
	        "pool_size = 4\n[http]\nlisten =\n[log]\nlevel = info\n");
	write_text("fuzz_conf", "minimal",
	           "[tls]\nca=a\ncert=b\nkey=c\n[database]\nconninfo=x\n");
	write_text("fuzz_conf", "duplicate", "[tls]\nca=a\nca=b\n");
	write_text("fuzz_conf", "unknown_section", "[servre]\nlisten = x\n");
	write_text("fuzz_conf", "bad_values",
	           "[server]\nmax_frame = 1T\nidle_timeout = 5 minutes\nflag = "
	           "maybe\n");
	write_text("fuzz_conf", "crlf_bom",
	           "\xef\xbb\xbf[tls]\r\nca = a\r\ncert = b\r\nkey = c\r\n"
	           "[database]\r\nconninfo = a:b=c\r\n");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make_seeds CORPUS_DIR\n");
		return 2;
	}
	root = argv[1];
	frame_seeds();
	envelope_seeds();
	json_seeds();
	conf_seeds();
	return 0;
}

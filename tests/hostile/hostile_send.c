/* hostile_send.c: sends one request, written as an Envelope in JSON, to
 * cctns-server as a terminal would (mutual TLS, Hello with the officer's
 * session), but WITHOUT the terminal's own checks: the server alone must
 * refuse what is wrong. Bytes JSON cannot carry reach the server through a
 * marker: in any singular string field, "%xHH" becomes the byte HH (so
 * "%x00" is a NUL, "%xff" invalid UTF-8); such a field is sent as a raw
 * length-delimited field of its own number, which the server's decoder
 * reads as the field's value.
 *
 * usage: hostile_send --config STATION.conf FILE.json [--sleep SECONDS |
 *        FILE.json]...
 * Prints one line: "status<TAB>code<TAB>field<TAB>message" when the server
 * answered a Status, "ok<TAB>body<TAB>the answer as JSON" for any other
 * answer (each line flushed as it is printed). Exit 0 when an
 * answer came, 1 when none did (the line then says why). Several files
 * (cleanup) are sent in order on the same connection, one line each, with
 * --sleep holding the connection open and silent between them (the server's
 * idle lock of an officer's session on a live connection); exit 0 when every
 * one was answered. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "conn.h"
#include "envelope.h"
#include "pbjson.h"
#include "util.h"

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* s with every %xHH made a byte; its length in *len. NULL: no marker. */
static uint8_t *unmark(const char *s, size_t *len)
{
	size_t n = strlen(s), o = 0;
	uint8_t *out;

	if (!strstr(s, "%x"))
		return NULL;
	out = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		int hi, lo;

		if (s[i] == '%' && i + 3 < n + 1 && s[i + 1] == 'x' &&
		    (hi = hexval((unsigned char)s[i + 2])) >= 0 &&
		    (lo = hexval((unsigned char)s[i + 3])) >= 0) {
			out[o++] = (uint8_t)(hi * 16 + lo);
			i += 3;
		} else {
			out[o++] = (uint8_t)s[i];
		}
	}
	*len = o;
	return out;
}

static void add_unknown(ProtobufCMessage *m, uint32_t tag, uint8_t *data,
                        size_t len)
{
	ProtobufCMessageUnknownField *u;

	m->unknown_fields =
	        realloc(m->unknown_fields,
	                (m->n_unknown_fields + 1) * sizeof(*m->unknown_fields));
	if (!m->unknown_fields)
		abort();
	u = &m->unknown_fields[m->n_unknown_fields++];
	u->tag = tag;
	u->wire_type = PROTOBUF_C_WIRE_TYPE_LENGTH_PREFIXED;
	u->len = len;
	u->data = data;
}

static void unmark_message(ProtobufCMessage *m);

static void unmark_field(ProtobufCMessage *m, const ProtobufCFieldDescriptor *f)
{
	char *base = (char *)m;

	if (f->label == PROTOBUF_C_LABEL_REPEATED) {
		size_t n = *(size_t *)(base + f->quantifier_offset);
		ProtobufCMessage **subs =
		        *(ProtobufCMessage ***)(base + f->offset);

		if (f->type == PROTOBUF_C_TYPE_MESSAGE)
			for (size_t i = 0; i < n; i++)
				unmark_message(subs[i]);
		return;
	}
	if (f->type == PROTOBUF_C_TYPE_MESSAGE) {
		ProtobufCMessage *sub =
		        *(ProtobufCMessage **)(base + f->offset);

		if (sub)
			unmark_message(sub);
	} else if (f->type == PROTOBUF_C_TYPE_STRING) {
		char **p = (char **)(base + f->offset);
		size_t len = 0;
		uint8_t *raw = *p ? unmark(*p, &len) : NULL;

		if (!raw)
			return;
		free(*p);
		*p = xstrdup("");
		add_unknown(m, f->id, raw, len);
	}
}

static void unmark_message(ProtobufCMessage *m)
{
	for (unsigned i = 0; i < m->descriptor->n_fields; i++)
		unmark_field(m, &m->descriptor->fields[i]);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (!f)
		return NULL;
	do {
		if (n + 65536 > cap) {
			cap = cap * 2 + 65536;
			buf = realloc(buf, cap + 1);
			if (!buf)
				abort();
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* One line for the answer; tabs and newlines in the message become spaces. */
static void print_answer(const Envelope *resp)
{
	char code[64];
	const char *name;

	if (resp->body_case != CCTNS__V1__ENVELOPE__BODY_STATUS) {
		char *json = pbjson_format(&resp->base, 0);

		printf("ok\t%s\t", envelope_body_name(resp));
		for (const char *p = json ? json : ""; *p; p++)
			putchar(*p == '\t' || *p == '\n' ? ' ' : *p);
		putchar('\n');
		free(json);
		fflush(stdout); /* a caller may read it while we sleep */
		return;
	}
	name = pbjson_enum_short(&cctns__v1__status_code__descriptor,
	                         (int)resp->status->code, code, sizeof(code));
	printf("status\t%s\t%s\t", name ? name : "unknown",
	       resp->status->field && *resp->status->field ? resp->status->field
	                                                   : "-");
	for (const char *p = resp->status->message ? resp->status->message : "";
	     *p; p++)
		putchar(*p == '\t' || *p == '\n' ? ' ' : *p);
	putchar('\n');
	fflush(stdout);
}

/* Send the Envelope of one JSON file on c and print its answer. 0: answered. */
static int send_file(term_conn *c, const char *path)
{
	Envelope *req = NULL, *resp = NULL;
	term_error err = {0};
	pbjson_error perr;
	char *json = NULL;
	size_t len = 0;
	int rc = 1;

	json = slurp(path, &len);
	if (!json) {
		printf("none\tcannot read %s\n", path);
		goto fail;
	}
	req = (Envelope *)pbjson_parse(&cctns__v1__envelope__descriptor, json,
	                               len, &perr);
	if (!req) {
		printf("none\tbad test input %s: %s: %s\n", path, perr.path,
		       perr.message);
		goto fail;
	}
	unmark_message(&req->base);
	if (term_send(c, req, NULL, &err) != 0 ||
	    term_recv(c, &resp, &err) != 0) {
		printf("none\tno answer: %s\n", err.message);
		goto fail;
	}
	print_answer(resp);
	rc = 0;
fail:
	if (resp)
		envelope_free(resp);
	if (req)
		protobuf_c_message_free_unpacked(&req->base, NULL);
	free(json);
	return rc;
}

int main(int argc, char **argv)
{
	term_config cfg = {0};
	term_error err = {0};
	term_conn *c = NULL;
	char msg[512];
	int rc = 1;

	if (argc < 4 || strcmp(argv[1], "--config") != 0) {
		fprintf(stderr, "usage: hostile_send --config STATION.conf "
		                "FILE.json [--sleep SECONDS | FILE.json]...\n");
		return 2;
	}
	if (term_config_load(argv[2], &cfg, msg, sizeof(msg)) != 0) {
		printf("none\tconfig: %s\n", msg);
		goto fail;
	}
	c = term_connect(&cfg, &err);
	if (!c) {
		printf("none\tno answer: %s\n", err.message);
		goto fail;
	}
	for (int i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--sleep") == 0 && i + 1 < argc) {
			sleep((unsigned)atoi(argv[++i]));
		} else if (send_file(c, argv[i]) != 0) {
			goto fail;
		}
	}
	rc = 0;
fail:
	fflush(stdout);
	term_close(c);
	term_config_free(&cfg);
	return rc;
}

/* fuzz_tlsrec.c: the server's TLS 1.3 record reader (server/tlsrec.c,
 * tlsrec issue 7) fed arbitrary bytes with fixed keys. The first byte picks
 * the cipher suite and the mode: raw bytes as records (headers, lengths,
 * tags), or the input cut into pieces [type][len][bytes] that are sealed
 * with the peer's keys first, so the fuzzer reaches what lies behind a good
 * tag (inner types, padding, alerts, KeyUpdate). Either way the reader must
 * end in AGAIN, CLOSED or FAIL without overreading, and what it answers
 * must be whole records. Bytes are also handed over in two parts.
 *
 * ops (slice 11): the invariants above let a reader that refuses too much
 * or too little pass (a record one byte over the maximum is refused anyway
 * by its tag; a sequence number not advanced fails the next record, and
 * FAIL is an allowed end). So the answer is now checked against a model of
 * RFC 8446 section 5 written here: in raw mode the first header decides
 * (type, length bounds) with the reason named; in sealed mode every piece's
 * expected effect (plaintext appended, close_notify, alert, KeyUpdate, the
 * reason of a refusal) is known, the plaintext must be exactly the pieces'
 * application data, and after a KeyUpdate the peer writes under its next
 * keys as a real peer does. What the reader writes back (its KeyUpdate,
 * alerts) must open under the peer's read keys. tlsrec.c is included here
 * for the peer's KeyUpdate (dir_update). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "../../server/tlsrec.c"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t client_secret[48] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
static const uint8_t server_secret[48] = {9, 8, 7, 6, 5, 4, 3, 2, 1};
static const size_t secret_len[] = {0, 32, 48, 32};

#define MODEL_TAG 2 /* not a tlsrec_result: the model cannot say */

/* What the reader should end with. */
struct model {
	int rc;          /* TLSREC_AGAIN, _CLOSED, _FAIL or MODEL_TAG */
	const char *why; /* NULL: not checked (raw mode, a whole record) */
	int done;        /* a record ended the reading: later ones unread */
	int asked;       /* KeyUpdates taken with update_requested */
	struct evbuffer *plain;
};

static void model_end(struct model *md, int rc, const char *why)
{
	md->rc = rc;
	md->why = why;
	md->done = 1;
}

/* Sealed mode: the reader opens a record whose inner plaintext is
 * content (n bytes) || type. Returns 1 when it is a KeyUpdate the reader
 * takes (the peer then moves to its next keys too). */
static int model_record(struct model *md, const uint8_t *content, size_t n,
                        uint8_t type)
{
	const uint8_t *m = content;

	if (md->done)
		return 0;
	/* RFC 8446 5.4: the type is the last non-zero byte */
	if (type == 0) {
		while (n > 0 && m[n - 1] == 0)
			n--;
		if (n == 0) {
			model_end(md, TLSREC_FAIL, "padding_only");
			return 0;
		}
		type = m[--n];
	}
	switch (type) {
	case 23:
		evbuffer_add(md->plain, m, n);
		return 0;
	case 21:
		if (n != 2)
			model_end(md, TLSREC_FAIL, "alert_length");
		else if (m[1] == 0)
			model_end(md, TLSREC_CLOSED, "close_notify");
		else
			model_end(md, TLSREC_FAIL, "peer_alert");
		return 0;
	case 22:
		if (n == 0)
			model_end(md, TLSREC_FAIL, "handshake_empty");
		else if (m[0] != 24)
			model_end(md, TLSREC_FAIL, "handshake_message");
		else if (n != 5 || m[1] || m[2] || m[3] != 1)
			model_end(md, TLSREC_FAIL, "key_update_length");
		else if (m[4] > 1)
			model_end(md, TLSREC_FAIL, "key_update_value");
		else
			return md->asked += m[4], 1;
		return 0;
	default:
		model_end(md, TLSREC_FAIL, "content_type");
		return 0;
	}
}

/* Raw mode: what the first record header alone decides. */
static void model_raw(struct model *md, const uint8_t *p, size_t n)
{
	size_t len;

	if (n < 5) {
		md->rc = TLSREC_AGAIN;
		return;
	}
	len = (size_t)p[3] << 8 | p[4];
	if (p[0] == 20)
		model_end(md, TLSREC_FAIL, "change_cipher_spec");
	else if (p[0] != 23)
		model_end(md, TLSREC_FAIL, "record_type");
	else if (len > TLSREC_CIPHER_MAX)
		model_end(md, TLSREC_FAIL, "record_overflow");
	else if (len < TLSREC_TAG_LEN + 1)
		model_end(md, TLSREC_FAIL, "record_short");
	else if (n < 5 + len)
		md->rc = TLSREC_AGAIN;
	else
		md->rc = MODEL_TAG; /* a whole record: its tag decides */
}

/* Every record the server wrote is whole and well framed, and opens under
 * the peer's read keys: a KeyUpdate (no reply asked) or an alert. */
static void check_out(struct tlsrec_engine *e, struct tlsrec *peer,
                      struct evbuffer *out)
{
	struct evbuffer *copy = evbuffer_new(), *plain = evbuffer_new(),
	                *back = evbuffer_new();
	uint8_t hdr[5];
	size_t len;
	const char *why;
	int rc;

	if (evbuffer_get_length(out))
		evbuffer_add(copy, evbuffer_pullup(out, -1),
		             evbuffer_get_length(out));
	while (evbuffer_copyout(out, hdr, 5) == 5) {
		len = (size_t)hdr[3] << 8 | hdr[4];
		FUZZ_ASSERT(hdr[0] == 23 && hdr[1] == 3 && hdr[2] == 3,
		            "output header");
		FUZZ_ASSERT(len >= 17 && len <= TLSREC_CIPHER_MAX,
		            "output length");
		FUZZ_ASSERT(evbuffer_get_length(out) >= 5 + len,
		            "output record cut");
		evbuffer_drain(out, 5 + len);
	}
	FUZZ_ASSERT(evbuffer_get_length(out) == 0, "output tail");
	rc = tlsrec_read(e, peer, copy, plain, back, &why);
	FUZZ_ASSERT(
	        rc == TLSREC_AGAIN || rc == TLSREC_CLOSED ||
	                (rc == TLSREC_FAIL && strcmp(why, "peer_alert") == 0),
	        "the server's records open under the peer's keys");
	FUZZ_ASSERT(evbuffer_get_length(plain) == 0, "no data from the server");
	evbuffer_free(copy);
	evbuffer_free(plain);
	evbuffer_free(back);
}

/* The reader's plaintext is exactly the model's. */
static void check_plain(struct evbuffer *got, struct evbuffer *want)
{
	size_t n = evbuffer_get_length(want);

	FUZZ_ASSERT(evbuffer_get_length(got) == n, "plaintext length");
	if (n)
		FUZZ_ASSERT(memcmp(evbuffer_pullup(got, -1),
		                   evbuffer_pullup(want, -1), n) == 0,
		            "plaintext bytes");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tlsrec_engine *e;
	struct tlsrec srv, peer, peer_rd;
	struct evbuffer *in, *plain, *out;
	struct model md = {TLSREC_AGAIN, NULL, 0, 0, NULL};
	const char *why;
	int suite, rc = TLSREC_AGAIN;
	size_t half;

	if (size < 1)
		return 0;
	if (!e)
		e = tlsrec_engine_new();
	FUZZ_ASSERT(e != NULL, "engine");
	suite = 1 + (data[0] & 0x7f) % 3;
	FUZZ_ASSERT(tlsrec_init(e, &srv, suite, client_secret, server_secret,
	                        secret_len[suite]) == 0,
	            "init");
	FUZZ_ASSERT(tlsrec_init(e, &peer, suite, server_secret, client_secret,
	                        secret_len[suite]) == 0,
	            "init peer");
	peer_rd = peer; /* the peer's read keys, for what the server writes */
	in = evbuffer_new();
	plain = evbuffer_new();
	out = evbuffer_new();
	md.plain = evbuffer_new();
	if (data[0] & 0x80) {
		size_t i = 1;

		while (i + 2 <= size) {
			uint8_t type = data[i];
			size_t n = data[i + 1];

			i += 2;
			if (n > size - i)
				n = size - i;
			if (type == 0xff) /* a long application record */
				n = size - i;
			if (type == 0xff)
				type = 23;
			if (tlsrec_seal(e, &peer, in, type, data + i, n) != 0)
				break;
			if (model_record(&md, data + i, n, type))
				FUZZ_ASSERT(dir_update(e, suite, &peer.wr) == 0,
				            "peer key update");
			i += n;
		}
	} else {
		evbuffer_add(in, data + 1, size - 1);
		model_raw(&md, data + 1, size - 1);
	}
	half = evbuffer_get_length(in) / 2;
	{
		struct evbuffer *rest = evbuffer_new();

		/* ops (slice 11): the first half first (evbuffer_remove_buffer
		 * takes from the front: it used to hand the second half over
		 * first, so no sealed record of more than a few bytes opened)
		 */
		evbuffer_add_buffer(rest, in);
		evbuffer_remove_buffer(rest, in, half);
		rc = tlsrec_read(e, &srv, in, plain, out, &why);
		if (rc == TLSREC_AGAIN) {
			evbuffer_add_buffer(in, rest);
			rc = tlsrec_read(e, &srv, in, plain, out, &why);
		}
		evbuffer_free(rest);
	}
	FUZZ_ASSERT(rc == TLSREC_AGAIN || rc == TLSREC_CLOSED ||
	                    rc == TLSREC_FAIL,
	            "result");
	FUZZ_ASSERT(rc == TLSREC_AGAIN || why != NULL, "no reason");
	if (md.rc != MODEL_TAG) { /* ops (slice 11): the model's answer */
		FUZZ_ASSERT(rc == md.rc, "result as RFC 8446 section 5 says");
		FUZZ_ASSERT(!md.why || strcmp(why, md.why) == 0,
		            "the reason of the refusal");
	}
	if (data[0] & 0x80)
		check_plain(plain, md.plain);
	else if (md.rc != MODEL_TAG)
		FUZZ_ASSERT(evbuffer_get_length(plain) == 0,
		            "no plaintext before a refused header");
	if (rc == TLSREC_AGAIN) {
		uint8_t hdr[5];

		if (evbuffer_copyout(in, hdr, 5) == 5)
			FUZZ_ASSERT(evbuffer_get_length(in) <
			                    5 + ((size_t)hdr[3] << 8 | hdr[4]),
			            "a whole record left unread");
	}
	check_out(e, &peer_rd, out);
	/* one KeyUpdate back for each update_requested: the peer reading
	 * them moved its read keys that many times */
	for (int k = 0; k < md.asked; k++)
		FUZZ_ASSERT(dir_update(e, suite, &peer.rd) == 0, "next keys");
	FUZZ_ASSERT(memcmp(peer.rd.secret, peer_rd.rd.secret,
	                   suite_table[suite].hash_len) == 0,
	            "a KeyUpdate answered for each update_requested");
	tlsrec_clear(&srv);
	tlsrec_clear(&peer);
	tlsrec_clear(&peer_rd);
	evbuffer_free(in);
	evbuffer_free(plain);
	evbuffer_free(out);
	evbuffer_free(md.plain);
	return 0;
}

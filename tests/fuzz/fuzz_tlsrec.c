/* fuzz_tlsrec.c: the server's TLS 1.3 record reader (server/tlsrec.c,
 * tlsrec issue 7) fed arbitrary bytes with fixed keys. The first byte picks
 * the cipher suite and the mode: raw bytes as records (headers, lengths,
 * tags), or the input cut into pieces [type][len][bytes] that are sealed
 * with the peer's keys first, so the fuzzer reaches what lies behind a good
 * tag (inner types, padding, alerts, KeyUpdate). Either way the reader must
 * end in AGAIN, CLOSED or FAIL without overreading, and what it answers
 * must be whole records. Bytes are also handed over in two parts. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <event2/buffer.h>

#include "../../server/tlsrec.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t client_secret[48] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
static const uint8_t server_secret[48] = {9, 8, 7, 6, 5, 4, 3, 2, 1};
static const size_t secret_len[] = {0, 32, 48, 32};

/* Every record the server wrote is whole and well framed. */
static void check_out(struct evbuffer *out)
{
	uint8_t hdr[5];
	size_t len;

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
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tlsrec_engine *e;
	struct tlsrec srv, peer;
	struct evbuffer *in, *plain, *out;
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
	in = evbuffer_new();
	plain = evbuffer_new();
	out = evbuffer_new();
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
			if (tlsrec_seal(e, &peer, in, type == 0xff ? 23 : type,
			                data + i, n) != 0)
				break;
			i += n;
		}
	} else {
		evbuffer_add(in, data + 1, size - 1);
	}
	half = evbuffer_get_length(in) / 2;
	{
		struct evbuffer *rest = evbuffer_new();

		evbuffer_remove_buffer(in, rest,
		                       evbuffer_get_length(in) - half);
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
	if (rc == TLSREC_AGAIN) {
		uint8_t hdr[5];

		if (evbuffer_copyout(in, hdr, 5) == 5)
			FUZZ_ASSERT(evbuffer_get_length(in) <
			                    5 + ((size_t)hdr[3] << 8 | hdr[4]),
			            "a whole record left unread");
	}
	check_out(out);
	tlsrec_clear(&srv);
	tlsrec_clear(&peer);
	evbuffer_free(in);
	evbuffer_free(plain);
	evbuffer_free(out);
	return 0;
}

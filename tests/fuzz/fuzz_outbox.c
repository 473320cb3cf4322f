/* fuzz_outbox.c: arbitrary bytes as an outbox record file (the reader in
 * client/outbox_rec.c). The first byte picks the mode: even, the rest is
 * read as it is (almost always refused by the checksum); odd, the last 32
 * bytes of the rest are first replaced by the SHA-256 of what comes before
 * them, so the fuzzer reaches the field parser behind the checksum. A
 * record that is accepted must hold only checked values and encode back to
 * exactly the same bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "envelope.h"
#include "fuzz_util.h"
#include "outbox_rec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_accepted(const uint8_t *buf, size_t len, const outbox_rec *r)
{
	uint8_t *again = NULL;
	size_t again_len = 0;
	Envelope *env;

	FUZZ_ASSERT(r->version == OUTBOX_FORMAT, "version");
	FUZZ_ASSERT(*r->receipt && strlen(r->receipt) <= OUTBOX_TEXT_MAX,
	            "receipt length");
	FUZZ_ASSERT(*r->noun && strlen(r->noun) <= OUTBOX_TEXT_MAX,
	            "noun length");
	env = cctns__v1__envelope__unpack(NULL, r->request_len, r->request);
	FUZZ_ASSERT(env != NULL, "accepted request unpacks");
	FUZZ_ASSERT((uint32_t)env->body_case == r->kind, "kind matches");
	envelope_free(env);
	FUZZ_ASSERT(outbox_rec_encode(r, &again, &again_len) == 0,
	            "accepted record encodes");
	FUZZ_ASSERT(again_len == len && memcmp(again, buf, len) == 0,
	            "accepted record encodes to the same bytes");
	free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	outbox_rec r;
	uint8_t *buf;
	size_t len;
	char why[200];
	unsigned int n = 0;

	if (size < 1)
		return 0;
	len = size - 1;
	buf = xmalloc(len ? len : 1);
	memcpy(buf, data + 1, len);
	if ((data[0] & 1) && len >= OUTBOX_SUM_LEN)
		FUZZ_ASSERT(EVP_Digest(buf, len - OUTBOX_SUM_LEN,
		                       buf + len - OUTBOX_SUM_LEN, &n,
		                       EVP_sha256(), NULL) == 1,
		            "sha256");
	if (outbox_rec_decode(buf, len, &r, why, sizeof(why)) == 0) {
		check_accepted(buf, len, &r);
		outbox_rec_free(&r);
	} else {
		FUZZ_ASSERT(r.request == NULL, "nothing kept when refused");
		FUZZ_ASSERT(*why != '\0', "a refusal says why");
	}
	free(buf);
	return 0;
}

/* test_audit_chain.c: the audit record's canonical encoding and hash
 * (server/audit_chain.c): fixed vectors, every field changes the hash,
 * NULL differs from every value, fields cannot bleed into each other,
 * chaining, cleaning of text, hex and uuid helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../server/audit_chain.c"

static void sample(struct audit_rec *r)
{
	memset(r, 0, sizeof(*r));
	for (int i = 0; i < AUDIT_CHAIN_LEN; i++)
		r->chain[i] = (uint8_t)(i + 1);
	r->seq = 1;
	r->at_us = 1796000000123456LL;
	r->state = 9;
	r->district = 118;
	r->station = 1001;
	strcpy(r->terminal, "desk-1");
	strcpy(r->action, "register_fir");
	strcpy(r->record, "0042/2026");
	strcpy(r->outcome, "ok");
}

static void hash_of(struct audit_rec *r, uint8_t out[AUDIT_HASH_LEN])
{
	assert_int_equal(audit_hash(r), 0);
	memcpy(out, r->hash, AUDIT_HASH_LEN);
}

/* The encoding is fixed: a change to it breaks every stored chain. */
static void test_encoding_is_stable(void **state)
{
	struct audit_rec r;
	uint8_t buf[AUDIT_ENCODED_MAX];
	char hex[2 * AUDIT_HASH_LEN + 1];
	size_t n;

	(void)state;
	sample(&r);
	n = audit_encode(&r, buf);
	/* tag, chain, 5 integers, terminal, officer (NULL), action, record,
	 * outcome, prev */
	assert_int_equal(n, (4 + 13) + (4 + 16) + 5 * 12 + (4 + 6) + 4 +
	                            (4 + 12) + (4 + 9) + (4 + 2) + (4 + 32));
	assert_memory_equal(buf,
	                    "\0\0\0\x0d"
	                    "cctns-audit-1",
	                    17);
	assert_memory_equal(buf + 17 + 20 + 60 + 10, "\xff\xff\xff\xff", 4);
	assert_int_equal(audit_hash(&r), 0);
	audit_hex(r.hash, AUDIT_HASH_LEN, hex);
	/* Computed independently (Python: struct.pack + hashlib.sha256 over
	 * the encoding the header describes); pinned here. */
	assert_string_equal(hex, "1335b430ed5cb18c7651ef08928c5b67e03cf382"
	                         "0a96c96d9b8dcd1f4cf8ad2d");
}

static void test_every_field_counts(void **state)
{
	struct audit_rec r;
	uint8_t base[AUDIT_HASH_LEN], h[AUDIT_HASH_LEN];

	(void)state;
	sample(&r);
	hash_of(&r, base);
#define CHANGED(stmt)                                                          \
	do {                                                                   \
		sample(&r);                                                    \
		stmt;                                                          \
		hash_of(&r, h);                                                \
		assert_memory_not_equal(h, base, AUDIT_HASH_LEN);              \
	} while (0)
	CHANGED(r.chain[15] ^= 1);
	CHANGED(r.seq = 2);
	CHANGED(r.at_us += 1);
	CHANGED(r.state = 0);
	CHANGED(r.district = 119);
	CHANGED(r.station = 1002);
	CHANGED(strcpy(r.terminal, "desk-2"));
	CHANGED(strcpy(r.officer, "UP1234"));
	CHANGED(strcpy(r.action, "get_fir"));
	CHANGED(strcpy(r.record, "0043/2026"));
	CHANGED(r.record[0] = '\0');
	CHANGED(strcpy(r.outcome, "invalid_argument"));
	CHANGED(r.prev[31] = 1);
#undef CHANGED
}

/* Length prefixes: moving bytes from one field to the next changes the
 * hash ("ab"+"c" vs "a"+"bc"). */
static void test_fields_do_not_bleed(void **state)
{
	struct audit_rec a, b;

	(void)state;
	sample(&a);
	sample(&b);
	strcpy(a.action, "get_fir");
	strcpy(a.record, "12");
	strcpy(b.action, "get_fir1");
	strcpy(b.record, "2");
	assert_int_equal(audit_hash(&a), 0);
	assert_int_equal(audit_hash(&b), 0);
	assert_memory_not_equal(a.hash, b.hash, AUDIT_HASH_LEN);
}

static void test_chain_links(void **state)
{
	struct audit_rec r1, r2, r2b;

	(void)state;
	sample(&r1);
	assert_int_equal(audit_hash(&r1), 0);
	sample(&r2);
	r2.seq = 2;
	memcpy(r2.prev, r1.hash, AUDIT_HASH_LEN);
	assert_int_equal(audit_hash(&r2), 0);
	/* the same record after another predecessor hashes differently */
	r2b = r2;
	r2b.prev[0] ^= 0x80;
	assert_int_equal(audit_hash(&r2b), 0);
	assert_memory_not_equal(r2.hash, r2b.hash, AUDIT_HASH_LEN);
}

static void test_clean(void **state)
{
	char out[16];

	(void)state;
	audit_clean("0042/2026", 9, out, sizeof(out));
	assert_string_equal(out, "0042/2026");
	audit_clean("a'b\"c\\d\ne", 9, out, sizeof(out));
	assert_string_equal(out, "a?b?c?d?e");
	audit_clean("\xc3\xa9x", 3, out, sizeof(out));
	assert_string_equal(out, "??x");
	audit_clean("0123456789abcdefXYZ", 19, out, sizeof(out));
	assert_string_equal(out, "0123456789abcde");
	audit_clean("a\0b", 3, out, sizeof(out));
	assert_string_equal(out, "a?b");
}

static void test_hex_and_uuid(void **state)
{
	uint8_t id[AUDIT_CHAIN_LEN], back[AUDIT_CHAIN_LEN], b[2];
	char s[37];

	(void)state;
	for (int i = 0; i < AUDIT_CHAIN_LEN; i++)
		id[i] = (uint8_t)(0xf0 + i);
	audit_uuid_str(id, s);
	assert_string_equal(s, "f0f1f2f3-f4f5-f6f7-f8f9-fafbfcfdfeff");
	assert_int_equal(audit_uuid_parse(s, back), 0);
	assert_memory_equal(id, back, AUDIT_CHAIN_LEN);
	assert_int_equal(audit_uuid_parse("f0f1", back), -1);
	assert_int_equal(audit_unhex("\\xab0F", b, 2), 0);
	assert_int_equal(b[0], 0xab);
	assert_int_equal(b[1], 0x0f);
	assert_int_equal(audit_unhex("ab0", b, 2), -1);
	assert_int_equal(audit_unhex("zz00", b, 2), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_encoding_is_stable),
	        cmocka_unit_test(test_every_field_counts),
	        cmocka_unit_test(test_fields_do_not_bleed),
	        cmocka_unit_test(test_chain_links),
	        cmocka_unit_test(test_clean),
	        cmocka_unit_test(test_hex_and_uuid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

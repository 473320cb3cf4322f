/* test_fircache.c: the worker's FIR copies (server/fircache.c): a copy is
 * found by its key with its tag, replaced by a newer one, dropped when the
 * database says so; the least recently used copies go first when the
 * configured bytes are passed, and none are kept when the size is 0 or the
 * copy is too big; a copy held by a call in flight outlives its eviction
 * (ASan builds catch a use after free). ops (slice 11): the key reads the
 * number as the database does ("12/2026" and "0012/2026": one copy) and
 * the hits, misses, stores and evictions reach the worker's /metrics
 * counters. fir (slice 12): copies start unverified and are verified
 * only under their own tag; a notification's payload forgets the copies
 * it names, "*" or a word too long to be a key forgets all. issue 7: the
 * answer from a copy is its shell with every field but the receipt encoded
 * once (prepack.c), made at the first answer, counted as a hit and with the
 * copy's bytes, the copy itself when there is no field to keep; a held shell
 * outlives its copy's replacement. fircache.c and prepack.c are included
 * directly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../server/fircache.c"
#include "../../server/prepack.c"

/* A message owned by the cache once put (freed with free_unpacked). */
static ProtobufCMessage *msg(void)
{
	Cctns__V1__Fir *f = xmalloc(sizeof(*f));

	cctns__v1__fir__init(f);
	return &f->base;
}

static int has(const char *key, const char *tag)
{
	struct fircache_entry *e = fircache_get(key);
	int ok = e && strcmp(fircache_entry_tag(e), tag) == 0;

	if (e)
		fircache_release(e);
	return ok;
}

static void test_put_get_replace_forget(void **state)
{
	(void)state;
	fircache_configure(1 << 20);
	assert_null(fircache_get("9:118:1001:1/2026"));
	fircache_put("9:118:1001:1/2026", "7p", msg(), 1000);
	assert_true(has("9:118:1001:1/2026", "7p"));
	assert_false(has("9:118:1001:2/2026", "7p"));
	fircache_put("9:118:1001:1/2026", "9m", msg(), 1000);
	assert_true(has("9:118:1001:1/2026", "9m"));
	fircache_forget("9:118:1001:1/2026");
	assert_null(fircache_get("9:118:1001:1/2026"));
	fircache_configure(0);
}

static int verified(const char *key)
{
	struct fircache_entry *e = fircache_get(key);
	int v = e && fircache_entry_verified(e);

	if (e)
		fircache_release(e);
	return v;
}

static void test_verify_and_payloads(void **state)
{
	char big[FIRCACHE_KEY_MAX + 8];

	(void)state;
	fircache_configure(1 << 20);
	fircache_put("9:118:1001:1/2026", "7p", msg(), 1000);
	fircache_put("9:118:1001:2/2026", "8p", msg(), 1000);
	fircache_put("9:118:1001:3/2026", "9p", msg(), 1000);
	assert_false(verified("9:118:1001:1/2026"));
	fircache_verify("9:118:1001:1/2026", "6p"); /* not its tag */
	assert_false(verified("9:118:1001:1/2026"));
	fircache_verify("9:118:1001:1/2026", "7p");
	assert_true(verified("9:118:1001:1/2026"));
	fircache_put("9:118:1001:1/2026", "7p", msg(), 1000);
	assert_false(verified("9:118:1001:1/2026")); /* a new copy */
	assert_int_equal(2, fircache_forget_payload(
	                            "9:118:1001:1/2026 9:118:1001:9/2026"));
	assert_null(fircache_get("9:118:1001:1/2026"));
	assert_true(has("9:118:1001:2/2026", "8p"));
	memset(big, '1', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(-1, fircache_forget_payload(big));
	assert_null(fircache_get("9:118:1001:2/2026"));
	fircache_put("9:118:1001:2/2026", "8p", msg(), 1000);
	assert_int_equal(-1, fircache_forget_payload("*"));
	assert_null(fircache_get("9:118:1001:2/2026"));
	assert_int_equal(0, fircache_forget_payload(""));
	fircache_configure(0);
}

static void test_lru_within_bytes(void **state)
{
	char key[32];
	struct fircache_stats st;

	(void)state;
	fircache_configure(4 * (1000 + sizeof(struct fircache_entry)));
	for (int i = 1; i <= 4; i++) {
		snprintf(key, sizeof(key), "9:118:1001:%d/2026", i);
		fircache_put(key, "1p", msg(), 1000);
	}
	assert_true(has("9:118:1001:1/2026", "1p")); /* 1 is now the newest */
	fircache_put("9:118:1001:5/2026", "1p", msg(), 1000);
	assert_false(has("9:118:1001:2/2026", "1p")); /* the oldest went */
	assert_true(has("9:118:1001:1/2026", "1p"));
	assert_true(has("9:118:1001:5/2026", "1p"));
	fircache_stats(&st);
	assert_true(st.bytes <= st.cap);
	assert_int_equal(4, st.entries);
	fircache_configure(1000 + sizeof(struct fircache_entry));
	fircache_stats(&st);
	assert_true(st.bytes <= st.cap && st.entries <= 1);
	fircache_configure(0);
	fircache_stats(&st);
	assert_int_equal(0, st.entries);
	assert_int_equal(0, st.bytes);
}

static void test_nothing_kept_when_off_or_too_big(void **state)
{
	(void)state;
	fircache_configure(0);
	fircache_put("9:118:1001:1/2026", "1p", msg(), 10);
	assert_null(fircache_get("9:118:1001:1/2026"));
	fircache_configure(4000);
	fircache_put("9:118:1001:1/2026", "1p", msg(), 3000); /* > a quarter */
	assert_null(fircache_get("9:118:1001:1/2026"));
	fircache_configure(0);
}

static void test_held_copy_outlives_eviction(void **state)
{
	struct fircache_entry *e;
	ProtobufCMessage *m;

	(void)state;
	fircache_configure(1 << 20);
	fircache_put("9:118:1001:1/2026", "3u", msg(), 100);
	e = fircache_get("9:118:1001:1/2026");
	assert_non_null(e);
	fircache_put("9:118:1001:1/2026", "4u", msg(), 100); /* replaced */
	fircache_configure(0);                               /* and emptied */
	m = fircache_entry_answer(e, NULL); /* still readable while held */
	assert_ptr_equal(&cctns__v1__fir__descriptor, m->descriptor);
	assert_string_equal("3u", fircache_entry_tag(e));
	fircache_release(e); /* freed now */
	assert_null(fircache_get("9:118:1001:1/2026"));
}

/* ops (slice 11): one FIR, one key, however many zeros it was typed with;
 * what is not an FIR number gets no key (the database refuses it). */
static void test_key_is_the_number_the_database_reads(void **state)
{
	const uint32_t codes[3] = {9, 118, 1001}, other[3] = {9, 118, 1002};
	char k1[FIRCACHE_KEY_MAX], k2[FIRCACHE_KEY_MAX];

	(void)state;
	assert_int_equal(0, fircache_key(k1, sizeof(k1), codes, "12/2026"));
	assert_int_equal(0, fircache_key(k2, sizeof(k2), codes, "0012/2026"));
	assert_string_equal(k1, k2);
	assert_string_equal("9:118:1001:12/2026", k1);
	assert_int_equal(0,
	                 fircache_key(k2, sizeof(k2), codes, "000000012/2026"));
	assert_string_equal(k1, k2);
	assert_int_equal(0, fircache_key(k2, sizeof(k2), codes, "120/2026"));
	assert_string_not_equal(k1, k2);
	assert_int_equal(0, fircache_key(k2, sizeof(k2), codes, "12/2025"));
	assert_string_not_equal(k1, k2);
	assert_int_equal(0, fircache_key(k2, sizeof(k2), other, "12/2026"));
	assert_string_not_equal(k1, k2);
	assert_int_equal(0,
	                 fircache_key(k2, sizeof(k2), codes, "999999999/9999"));
	assert_string_equal("9:118:1001:999999999/9999", k2);

	/* one copy for both spellings */
	fircache_configure(1 << 20);
	assert_int_equal(0, fircache_key(k1, sizeof(k1), codes, "0012/2026"));
	fircache_put(k1, "5p", msg(), 100);
	assert_int_equal(0, fircache_key(k2, sizeof(k2), codes, "12/2026"));
	assert_true(has(k2, "5p"));
	fircache_configure(0);

	static const char *const bad[] = {
	        "",         "/2026",           "12/",      "12/202",
	        "12/20261", "1234567890/2026", "12-2026",  " 12/2026",
	        "12/2026 ", "+12/2026",        "12//2026", "１2/2026"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		strcpy(k1, "x");
		assert_int_equal(-1,
		                 fircache_key(k1, sizeof(k1), codes, bad[i]));
		assert_string_equal("", k1);
	}
	assert_int_equal(-1, fircache_key(k1, sizeof(k1), codes, NULL));
	/* a key that does not fit is no key */
	assert_int_equal(-1, fircache_key(k1, 12, codes, "12/2026"));
	assert_string_equal("", k1);
}

/* issue 7: the answer from a copy. */
static void test_answer_is_the_copy_encoded_once(void **state)
{
	Cctns__V1__Fir *f = xmalloc(sizeof(*f));
	Cctns__V1__FirReceipt *r = xmalloc(sizeof(*r));
	struct fircache_stats st;
	struct fircache_entry *e;
	ProtobufCMessage *a, *b;
	uint8_t want[64], got[64];
	size_t n, one;
	uint64_t hits;

	(void)state;
	cctns__v1__fir__init(f);
	cctns__v1__fir_receipt__init(r);
	r->year = 2026;
	r->number = 1;
	f->receipt = r;
	f->efir_sign_by = xstrdup("2026-03-18T09:12:00+05:30");
	n = cctns__v1__fir__get_packed_size(f);
	assert_true(n <= sizeof(want));
	cctns__v1__fir__pack(f, want);
	fircache_configure(1 << 20);
	fircache_put("9:118:1001:1/2026", "1p", &f->base, 100);
	fircache_stats(&st);
	one = st.bytes; /* a copy of 100 bytes with its entry */
	hits = st.hits;
	e = fircache_get("9:118:1001:1/2026");
	assert_ptr_equal(fircache_entry_answer(e, NULL), &f->base);
	assert_ptr_equal(fircache_entry_answer(e, "no_such_field"), &f->base);
	fircache_release(e);
	e = fircache_get("9:118:1001:2/2026");
	assert_null(e);
	/* a new copy: its first answer makes the shell, the next reuses it */
	f = xmalloc(sizeof(*f));
	cctns__v1__fir__init(f);
	r = xmalloc(sizeof(*r));
	cctns__v1__fir_receipt__init(r);
	r->year = 2026;
	r->number = 1;
	f->receipt = r;
	f->efir_sign_by = xstrdup("2026-03-18T09:12:00+05:30");
	fircache_put("9:118:1001:1/2026", "2p", &f->base, 100);
	e = fircache_get("9:118:1001:1/2026");
	a = fircache_entry_answer(e, "receipt");
	assert_ptr_not_equal(a, &f->base);
	assert_ptr_equal(((Cctns__V1__Fir *)a)->receipt, r);
	assert_int_equal(protobuf_c_message_get_packed_size(a), n);
	assert_int_equal(protobuf_c_message_pack(a, got), n);
	assert_memory_equal(got, want, n);
	b = fircache_entry_answer(e, "receipt");
	assert_ptr_equal(a, b);
	fircache_stats(&st);
	assert_true(st.bytes > one);         /* the shell's bytes count */
	assert_int_equal(st.hits, hits + 4); /* every answer is a hit */
	/* replaced while held: the shell stays usable until released */
	fircache_put("9:118:1001:1/2026", "3p", msg(), 100);
	fircache_stats(&st);
	assert_int_equal(st.bytes, one);
	assert_int_equal(protobuf_c_message_pack(a, got), n);
	assert_memory_equal(got, want, n);
	fircache_release(e);
	fircache_configure(0);
}

/* ops (slice 11): the counters /metrics shows. */
static void test_counts_into_metrics(void **state)
{
	struct metrics *m = calloc(1, sizeof(*m));
	struct fircache_entry *e;

	(void)state;
	assert_non_null(m);
	fircache_set_metrics(m);
	fircache_configure(4 * (1000 + sizeof(struct fircache_entry)));
	fircache_count_miss(0);
	fircache_put("9:118:1001:1/2026", "1p", msg(), 1000);
	e = fircache_get("9:118:1001:1/2026");
	assert_non_null(e);
	(void)fircache_entry_answer(e, NULL); /* answered from the copy */
	fircache_release(e);
	fircache_count_miss(1);
	for (int i = 2; i <= 5; i++) { /* the fifth evicts the first */
		char key[32];

		snprintf(key, sizeof(key), "9:118:1001:%d/2026", i);
		fircache_put(key, "1p", msg(), 1000);
	}
	assert_int_equal(1, m->fircache_hits);
	assert_int_equal(1, m->fircache_misses_absent);
	assert_int_equal(1, m->fircache_misses_changed);
	assert_int_equal(5, m->fircache_stores);
	assert_int_equal(1, m->fircache_evictions);
	fircache_configure(0);
	fircache_set_metrics(NULL);
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_put_get_replace_forget),
	        cmocka_unit_test(test_verify_and_payloads),
	        cmocka_unit_test(test_lru_within_bytes),
	        cmocka_unit_test(test_nothing_kept_when_off_or_too_big),
	        cmocka_unit_test(test_held_copy_outlives_eviction),
	        cmocka_unit_test(test_key_is_the_number_the_database_reads),
	        cmocka_unit_test(test_answer_is_the_copy_encoded_once),
	        cmocka_unit_test(test_counts_into_metrics),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_prepack.c: a message with all its fields but one encoded once
 * (server/prepack.c). The shell of a full Fir packs to the very bytes of the
 * Fir, with and without the station set into its receipt the way a reply
 * does, and inside an Envelope; a Fir without a receipt, or with nothing
 * but one, too; the shell follows the receipt, not a copy of it; keep must
 * be a singular message field outside a oneof, or there is no shell; the
 * Fir itself is left as it was. prepack.c is included directly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../server/prepack.c"
#include "envelope.h"
#include "fixtures.h"

/* A Fir with every part set, the receipt's station left out (as the worker
 * keeps its copies). */
static Cctns__V1__Fir *full_fir(void)
{
	Cctns__V1__Fir *f = fx_new(&cctns__v1__fir__descriptor);
	Cctns__V1__FirTransferLink *t =
	        fx_new(&cctns__v1__fir_transfer_link__descriptor);

	f->receipt = fx_receipt();
	protobuf_c_message_free_unpacked(&f->receipt->station->base, NULL);
	f->receipt->station = NULL;
	f->content = fx_fir();
	fx_str(&t->fir_number, "0007/2026");
	f->transferred_from = t;
	fx_str(&f->efir_sign_by, "2026-03-18T09:12:00+05:30");
	return f;
}

/* msg packed, in a fresh buffer of *len bytes. */
static uint8_t *packed(const ProtobufCMessage *msg, size_t *len)
{
	uint8_t *b;

	*len = protobuf_c_message_get_packed_size(msg);
	b = xmalloc(*len + 1);
	assert_int_equal(protobuf_c_message_pack(msg, b), *len);
	return b;
}

static void assert_same_bytes(const ProtobufCMessage *a,
                              const ProtobufCMessage *b)
{
	size_t la, lb;
	uint8_t *pa = packed(a, &la), *pb = packed(b, &lb);

	assert_int_equal(la, lb);
	assert_memory_equal(pa, pb, la);
	free(pa);
	free(pb);
}

static void test_shell_packs_as_the_message(void **state)
{
	Cctns__V1__Fir *f = full_fir();
	Cctns__V1__Identity *id = fx_identity();
	struct prepack *p;
	size_t before_len;
	uint8_t *before = packed(&f->base, &before_len);

	(void)state;
	p = prepack_new(&f->base, "receipt");
	assert_non_null(p);
	assert_true(prepack_bytes(p) > before_len);
	/* the Fir was left as it was */
	assert_non_null(f->receipt);
	assert_same_bytes(&f->base, prepack_msg(p));
	{
		size_t n;
		uint8_t *b = packed(prepack_msg(p), &n);

		assert_int_equal(n, before_len);
		assert_memory_equal(b, before, n);
		free(b);
	}
	/* a reply sets the station into the receipt the shell points to */
	((Cctns__V1__Fir *)prepack_msg(p))->receipt->station = id;
	assert_ptr_equal(f->receipt->station, id);
	assert_same_bytes(&f->base, prepack_msg(p));
	f->receipt->station = NULL;
	protobuf_c_message_free_unpacked(&id->base, NULL);
	prepack_free(p);
	free(before);
	protobuf_c_message_free_unpacked(&f->base, NULL);
}

static void test_shell_in_an_envelope_decodes_whole(void **state)
{
	Cctns__V1__Fir *f = full_fir();
	Envelope a = CCTNS__V1__ENVELOPE__INIT, b = CCTNS__V1__ENVELOPE__INIT;
	Envelope *back;
	struct prepack *p = prepack_new(&f->base, "receipt");
	size_t la, lb;
	uint8_t *pa, *pb;

	(void)state;
	assert_non_null(p);
	a.request_id = b.request_id = 9;
	a.body_case = b.body_case = CCTNS__V1__ENVELOPE__BODY_FIR;
	a.fir = f;
	b.fir = (Cctns__V1__Fir *)prepack_msg(p);
	pa = packed(&a.base, &la);
	pb = packed(&b.base, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(pa, pb, la);
	back = cctns__v1__envelope__unpack(NULL, lb, pb);
	assert_non_null(back);
	assert_int_equal(back->body_case, CCTNS__V1__ENVELOPE__BODY_FIR);
	assert_string_equal(back->fir->receipt->fir_number, "0042/2026");
	assert_non_null(back->fir->content);
	assert_string_equal(back->fir->content->brief_facts,
	                    f->content->brief_facts);
	assert_int_equal(back->fir->content->n_charges, f->content->n_charges);
	assert_string_equal(back->fir->transferred_from->fir_number,
	                    "0007/2026");
	assert_int_equal(back->fir->base.n_unknown_fields, 0);
	cctns__v1__envelope__free_unpacked(back, NULL);
	free(pa);
	free(pb);
	prepack_free(p);
	protobuf_c_message_free_unpacked(&f->base, NULL);
}

static void test_receipt_alone_or_missing(void **state)
{
	Cctns__V1__Fir *f = fx_new(&cctns__v1__fir__descriptor);
	struct prepack *p;

	(void)state;
	/* nothing at all */
	p = prepack_new(&f->base, "receipt");
	assert_non_null(p);
	assert_int_equal(prepack_msg(p)->n_unknown_fields, 0);
	assert_same_bytes(&f->base, prepack_msg(p));
	prepack_free(p);
	/* only the receipt */
	f->receipt = fx_receipt();
	p = prepack_new(&f->base, "receipt");
	assert_non_null(p);
	assert_int_equal(prepack_msg(p)->n_unknown_fields, 0);
	assert_same_bytes(&f->base, prepack_msg(p));
	prepack_free(p);
	/* no receipt, the rest there */
	protobuf_c_message_free_unpacked(&f->receipt->base, NULL);
	f->receipt = NULL;
	f->content = fx_fir();
	f->status = CCTNS__V1__CASE_STATUS__CASE_STATUS_UNDER_INVESTIGATION;
	p = prepack_new(&f->base, "receipt");
	assert_non_null(p);
	assert_int_equal(prepack_msg(p)->n_unknown_fields, 2);
	assert_same_bytes(&f->base, prepack_msg(p));
	prepack_free(p);
	protobuf_c_message_free_unpacked(&f->base, NULL);
}

static void test_keep_must_be_one_message(void **state)
{
	Cctns__V1__Fir *f = full_fir();
	Cctns__V1__FirContent *c = fx_fir();
	Envelope e = CCTNS__V1__ENVELOPE__INIT;

	(void)state;
	assert_null(prepack_new(&f->base, "no_such_field"));
	assert_null(prepack_new(&f->base, "efir_sign_by")); /* a string */
	assert_null(prepack_new(&c->base, "charges"));      /* repeated */
	assert_null(prepack_new(&e.base, "fir"));           /* in a oneof */
	assert_non_null(f->receipt);                        /* untouched */
	/* keep may be any singular message field */
	{
		struct prepack *p = prepack_new(&f->base, "content");

		assert_non_null(p);
		assert_ptr_equal(((Cctns__V1__Fir *)prepack_msg(p))->content,
		                 f->content);
		prepack_free(p);
	}
	prepack_free(NULL);
	protobuf_c_message_free_unpacked(&c->base, NULL);
	protobuf_c_message_free_unpacked(&f->base, NULL);
}

/* The field walk refuses what is not a whole field (only protobuf-c's own
 * output reaches it; checked anyway). */
static void test_field_walk(void **state)
{
	uint32_t num;
	ProtobufCWireType w;
	size_t body;
	const uint8_t varint_f[] = {0x08, 0x96, 0x01},
	              cut_varint[] = {0x08, 0x96},
	              len_f[] = {0x12, 0x02, 'h', 'i'},
	              cut_len[] = {0x12, 0x03, 'h'},
	              fixed32[] = {0x1d, 1, 2, 3, 4}, group[] = {0x1b, 0x1c},
	              zero[] = {0x00, 0x01};

	(void)state;
	assert_int_equal(field_at(varint_f, sizeof(varint_f), &num, &w, &body),
	                 3);
	assert_int_equal(num, 1);
	assert_int_equal(body, 2);
	assert_int_equal(
	        field_at(cut_varint, sizeof(cut_varint), &num, &w, &body), 0);
	assert_int_equal(field_at(len_f, sizeof(len_f), &num, &w, &body), 4);
	assert_int_equal(num, 2);
	assert_int_equal(w, PROTOBUF_C_WIRE_TYPE_LENGTH_PREFIXED);
	assert_int_equal(body, 3);
	assert_int_equal(field_at(cut_len, sizeof(cut_len), &num, &w, &body),
	                 0);
	assert_int_equal(field_at(fixed32, sizeof(fixed32), &num, &w, &body),
	                 5);
	assert_int_equal(field_at(fixed32, 4, &num, &w, &body), 0);
	assert_int_equal(field_at(group, sizeof(group), &num, &w, &body), 0);
	assert_int_equal(field_at(zero, sizeof(zero), &num, &w, &body), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_shell_packs_as_the_message),
	        cmocka_unit_test(test_shell_in_an_envelope_decodes_whole),
	        cmocka_unit_test(test_receipt_alone_or_missing),
	        cmocka_unit_test(test_keep_must_be_one_message),
	        cmocka_unit_test(test_field_walk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

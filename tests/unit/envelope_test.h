/* envelope_test.h: what the envelope check tests share: building a request
 * of any kind, the table of broken requests (one rule a row: the mutation,
 * the field path and the words the error must name) and its runner. Included
 * by test_envelope.c (codec, Hello, FIR) and test_envelope_case.c (diary,
 * case, arrest). */
#ifndef CCTNS_TEST_ENVELOPE_TEST_H
#define CCTNS_TEST_ENVELOPE_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "envelope.h"
#include "fixtures.h"
#include "util.h"

#define INVALID CCTNS__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT

static inline Envelope *envelope_with(Cctns__V1__Envelope__BodyCase c,
                                      void *body)
{
	Envelope *e = fx_new(&cctns__v1__envelope__descriptor);
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field(
	                &cctns__v1__envelope__descriptor, (unsigned)c);

	e->request_id = 7;
	e->body_case = c;
	*(void **)((char *)e + f->offset) = body;
	return e;
}

static inline Cctns__V1__Officer *fx_officer(const char *number,
                                             const char *name, const char *rank)
{
	Cctns__V1__Officer *o = fx_new(&cctns__v1__officer__descriptor);
	fx_str(&o->number, number);
	fx_str(&o->name, name);
	fx_str(&o->rank, rank);
	return o;
}

static inline void assert_passes(Envelope *e)
{
	check_error err;

	if (envelope_check_request(e, &err) != 0)
		fail_msg("rejected: %s: %s", err.field, err.message);
	assert_int_equal(err.code, CCTNS__V1__STATUS_CODE__STATUS_CODE_OK);
}

typedef struct broken {
	const char *name;            /* the rule, as the test name */
	void (*mutate)(Envelope *e); /* break one thing */
	const char *field;           /* expected err.field */
	const char *message_part;    /* expected in err.message, or NULL */
	Envelope *(*make)(void);     /* the valid request broken; NULL: FIR */
} broken;

static inline void set_body(Envelope *e, Cctns__V1__Envelope__BodyCase c,
                            void *body)
{
	const ProtobufCMessageDescriptor *d = &cctns__v1__envelope__descriptor;
	const ProtobufCFieldDescriptor *f;

	f = protobuf_c_message_descriptor_get_field(d, (unsigned)e->body_case);
	if (f) {
		void **slot = (void **)((char *)e + f->offset);
		protobuf_c_message_free_unpacked(*slot, NULL);
		*slot = NULL;
	}
	e->body_case = c;
	f = protobuf_c_message_descriptor_get_field(d, (unsigned)c);
	if (f)
		*(void **)((char *)e + f->offset) = body;
}

static inline const char *repeat(char c, size_t n)
{
	static char buf[20 * 1024];
	memset(buf, c, n);
	buf[n] = '\0';
	return buf;
}

#define TIME_HINT "2026-03-14T21:30:00+05:30"

#define FIR_HINT "42/2026"

static inline void run_broken(void **state)
{
	const broken *b = *state;
	Envelope *e = b->make ? b->make() : fx_register_envelope();
	check_error err;

	b->mutate(e);
	assert_int_equal(envelope_check_request(e, &err), -1);
	assert_int_equal(err.code, INVALID);
	if (strcmp(err.field, b->field) != 0)
		fail_msg("field \"%s\" (%s), expected \"%s\"", err.field,
		         err.message, b->field);
	if (b->message_part && !strstr(err.message, b->message_part))
		fail_msg("message \"%s\" lacks \"%s\"", err.message,
		         b->message_part);
	envelope_free(e);
}

/* Run the fixed tests, then one test per broken row. */
static inline int run_envelope_tests(const char *group,
                                     const struct CMUnitTest *fixed,
                                     size_t nfixed, const broken *rows,
                                     size_t nrows)
{
	struct CMUnitTest *tests = xcalloc(nfixed + nrows, sizeof(*tests));
	int rc;

	memcpy(tests, fixed, nfixed * sizeof(*tests));
	for (size_t i = 0; i < nrows; i++) {
		tests[nfixed + i] = (struct CMUnitTest){
		        .name = rows[i].name,
		        .test_func = run_broken,
		        .initial_state = (void *)&rows[i],
		};
	}
	rc = _cmocka_run_group_tests(group, tests, nfixed + nrows, NULL, NULL);
	free(tests);
	return rc;
}

#endif

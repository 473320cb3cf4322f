/* test_envelope.c: Envelope encode/decode and the request checks
 * (proto/envelope.h): a valid request of every kind passes (FIR, General
 * Diary, IO assignment, timeline, arrest memo), and every broken field is
 * reported with its exact path relative to the request body. */
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
#include "frame.h"

#define INVALID CCTNS__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT

static uint8_t *pack(const ProtobufCMessage *m, size_t *len)
{
	*len = protobuf_c_message_get_packed_size(m);
	uint8_t *buf = xmalloc(*len);
	protobuf_c_message_pack(m, buf);
	return buf;
}

static void encode_then_decode_gives_the_same_envelope(void **state)
{
	Envelope *e = fx_register_envelope(), *d;
	uint8_t *frame, *a, *b;
	size_t flen, alen, blen;
	uint32_t body_len;

	(void)state;
	assert_int_equal(
	        envelope_encode_frame(e, FRAME_DEFAULT_MAX, &frame, &flen), 0);
	assert_int_equal(frame_peek(frame, flen, FRAME_DEFAULT_MAX, &body_len),
	                 FRAME_READY);
	assert_int_equal(body_len + FRAME_HEADER_LEN, flen);
	d = envelope_decode(frame + FRAME_HEADER_LEN, body_len);
	assert_non_null(d);
	a = pack(&e->base, &alen);
	b = pack(&d->base, &blen);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	assert_string_equal(envelope_body_name(d), "register_fir");
	free(a);
	free(b);
	free(frame);
	envelope_free(d);
	envelope_free(e);
}

static void encode_refuses_body_over_max(void **state)
{
	Envelope *e = fx_register_envelope();
	uint8_t *frame = NULL;
	size_t flen = 0, need = cctns__v1__envelope__get_packed_size(e);

	(void)state;
	assert_int_equal(
	        envelope_encode_frame(e, (uint32_t)need - 1, &frame, &flen),
	        -1);
	assert_null(frame);
	assert_int_equal(
	        envelope_encode_frame(e, (uint32_t)need, &frame, &flen), 0);
	assert_int_equal(flen, need + FRAME_HEADER_LEN);
	free(frame);
	envelope_free(e);
}

static void encode_refuses_empty_envelope_which_would_be_length_0(void **state)
{
	Envelope e = CCTNS__V1__ENVELOPE__INIT;
	uint8_t *frame = NULL;
	size_t flen;

	(void)state;
	assert_int_equal(
	        envelope_encode_frame(&e, FRAME_DEFAULT_MAX, &frame, &flen),
	        -1);
}

static void decode_rejects_garbage(void **state)
{
	static const struct {
		const char *bytes;
		size_t len;
	} bad[] = {
	        {"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 11},
	        {"\x52\x05\x0a", 3},     /* hello, length 5, 1 byte there */
	        {"\x08", 1},             /* varint cut short */
	        {"\x0f\x00", 2},         /* wire type 7 */
	        {"\x52\x02\x08\x80", 4}, /* truncated varint inside hello */
	};
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		Envelope *e = envelope_decode((const uint8_t *)bad[i].bytes,
		                              bad[i].len);
		if (e)
			fail_msg("decoded garbage #%zu", i);
	}
	assert_null(envelope_decode((const uint8_t *)"", 0));
}

static void body_names_and_request_kinds(void **state)
{
	static const struct {
		Cctns__V1__Envelope__BodyCase c;
		const char *name;
		int request;
	} cases[] = {
	        {CCTNS__V1__ENVELOPE__BODY__NOT_SET, "none", 0},
	        {CCTNS__V1__ENVELOPE__BODY_HELLO, "hello", 1},
	        {CCTNS__V1__ENVELOPE__BODY_HELLO_ACK, "hello_ack", 0},
	        {CCTNS__V1__ENVELOPE__BODY_STATUS, "status", 0},
	        {CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR, "register_fir", 1},
	        {CCTNS__V1__ENVELOPE__BODY_FIR_RECEIPT, "fir_receipt", 0},
	        {CCTNS__V1__ENVELOPE__BODY_GET_FIR, "get_fir", 1},
	        {CCTNS__V1__ENVELOPE__BODY_FIR, "fir", 0},
	        {CCTNS__V1__ENVELOPE__BODY_ADD_GD_ENTRY, "add_gd_entry", 1},
	        {CCTNS__V1__ENVELOPE__BODY_GD_ENTRY_RECEIPT, "gd_entry_receipt",
	         0},
	        {CCTNS__V1__ENVELOPE__BODY_GET_GD, "get_gd", 1},
	        {CCTNS__V1__ENVELOPE__BODY_GD_DAY, "gd_day", 0},
	        {CCTNS__V1__ENVELOPE__BODY_ASSIGN_IO, "assign_io", 1},
	        {CCTNS__V1__ENVELOPE__BODY_GET_CASE_TIMELINE,
	         "get_case_timeline", 1},
	        {CCTNS__V1__ENVELOPE__BODY_CASE_TIMELINE, "case_timeline", 0},
	        {CCTNS__V1__ENVELOPE__BODY_REGISTER_ARREST, "register_arrest",
	         1},
	        {CCTNS__V1__ENVELOPE__BODY_ARREST_RECEIPT, "arrest_receipt", 0},
	        {CCTNS__V1__ENVELOPE__BODY_GET_ARREST, "get_arrest", 1},
	        {CCTNS__V1__ENVELOPE__BODY_ARREST, "arrest", 0},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		Envelope e = CCTNS__V1__ENVELOPE__INIT;
		e.body_case = cases[i].c;
		assert_string_equal(envelope_body_name(&e), cases[i].name);
		assert_int_equal(envelope_is_request(&e), cases[i].request);
	}
}

static void check_fail_fills_error_and_returns_minus_one(void **state)
{
	check_error err;

	(void)state;
	assert_int_equal(check_fail(&err, INVALID, "a.b", "bad %d", 3), -1);
	assert_int_equal(err.code, INVALID);
	assert_string_equal(err.field, "a.b");
	assert_string_equal(err.message, "bad 3");
}

/* ------------------------------------------------------------ new requests */

/* Put body into a fresh envelope with request_id 7. */
static Envelope *envelope_with(Cctns__V1__Envelope__BodyCase c, void *body)
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

static Cctns__V1__Officer *fx_officer(const char *number, const char *name,
                                      const char *rank)
{
	Cctns__V1__Officer *o = fx_new(&cctns__v1__officer__descriptor);
	fx_str(&o->number, number);
	fx_str(&o->name, name);
	fx_str(&o->rank, rank);
	return o;
}

/* AddGdEntry: a general entry with every field a general entry has. */
static Envelope *gd_envelope(void)
{
	Cctns__V1__AddGdEntry *g = fx_new(&cctns__v1__add_gd_entry__descriptor);

	fx_bytes(&g->idempotency_key, fx_key(), 16);
	g->kind = CCTNS__V1__GD_KIND__GD_KIND_GENERAL;
	fx_str(&g->text, "Night patrol of beat 4 began.\n\tAll quiet.");
	g->officer = fx_officer("UP-1234", "Test Officer", "SI");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_ADD_GD_ENTRY, g);
}

static Envelope *get_gd_envelope(void)
{
	Cctns__V1__GetGd *g = fx_new(&cctns__v1__get_gd__descriptor);

	fx_str(&g->date, "2026-03-15");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_GD, g);
}

static Envelope *assign_io_envelope(void)
{
	Cctns__V1__AssignIo *a = fx_new(&cctns__v1__assign_io__descriptor);

	fx_str(&a->fir_number, "0042/2026");
	a->io = fx_officer("UP-2001", "Test Investigator", "Inspector");
	a->acting = fx_officer("UP-0001", "Test SHO", "Inspector");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_ASSIGN_IO, a);
}

static Envelope *timeline_envelope(void)
{
	Cctns__V1__GetCaseTimeline *t =
	        fx_new(&cctns__v1__get_case_timeline__descriptor);

	fx_str(&t->fir_number, "42/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_CASE_TIMELINE, t);
}

static Cctns__V1__DescriptiveRoll *fx_roll(void)
{
	Cctns__V1__DescriptiveRoll *d =
	        fx_new(&cctns__v1__descriptive_roll__descriptor);

	d->height_cm = 170;
	fx_str(&d->build, "medium");
	fx_str(&d->complexion, "wheatish");
	fx_str(&d->identification_marks, "mole on left cheek\nscar on chin");
	fx_str(&d->hair, "black");
	d->n_languages = 2;
	d->languages = xcalloc(2, sizeof(*d->languages));
	d->languages[0] = xstrdup("Hindi");
	d->languages[1] = xstrdup("Urdu");
	fx_str(&d->tattoos, "right forearm");
	return d;
}

/* RegisterArrest: a memo with every field set. */
static Envelope *arrest_envelope(void)
{
	Cctns__V1__RegisterArrest *r =
	        fx_new(&cctns__v1__register_arrest__descriptor);
	Cctns__V1__ArrestMemo *m = fx_new(&cctns__v1__arrest_memo__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "0042/2026");
	m->person = fx_person("Test Arrested");
	m->n_aliases = 2;
	m->aliases = xcalloc(2, sizeof(*m->aliases));
	m->aliases[0] = xstrdup("Alias One");
	m->aliases[1] = xstrdup("Alias Two");
	m->identity_document =
	        fx_new(&cctns__v1__identity_document__descriptor);
	fx_str(&m->identity_document->kind, "voter_id");
	fx_str(&m->identity_document->number, "ABC1234567");
	fx_str(&m->religion, "Test Religion");
	fx_str(&m->caste_tribe, "Test Caste");
	m->permanent_address = fx_address();
	fx_str(&m->arrested_at, "2026-03-16T10:00:00+05:30");
	fx_str(&m->place, "Near the bus stand, Aminabad");
	m->outcome =
	        CCTNS__V1__ARREST_OUTCOME__ARREST_OUTCOME_ARRESTED_FORWARDED;
	fx_str(&m->injuries, "none seen");
	fx_str(&m->medical_examination, "District hospital,\n16/03 11:00");
	fx_str(&m->articles_found, "a wallet");
	fx_str(&m->relative_informed, "Test Relative (father)");
	fx_str(&m->relative_informed_at, "2026-03-16T10:30:00+05:30");
	fx_str(&m->designated_officer_informed_at, "2026-03-16T10:45:00+05:30");
	m->descriptive_roll = fx_roll();
	m->fingerprints_taken = 1;
	m->likely_to_jump_bail = 1;
	m->officer = fx_officer("UP-1234", "Test Officer", "SI");
	r->memo = m;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_REGISTER_ARREST, r);
}

static Envelope *get_arrest_envelope(void)
{
	Cctns__V1__GetArrest *g = fx_new(&cctns__v1__get_arrest__descriptor);

	fx_str(&g->fir_number, "0042/2026");
	fx_str(&g->accused_code, "A1");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_ARREST, g);
}

static Cctns__V1__ArrestMemo *memo_of(Envelope *e)
{
	return e->register_arrest->memo;
}

/* ------------------------------------------------------------ passing */

static void assert_passes(Envelope *e)
{
	check_error err;

	if (envelope_check_request(e, &err) != 0)
		fail_msg("rejected: %s: %s", err.field, err.message);
	assert_int_equal(err.code, CCTNS__V1__STATUS_CODE__STATUS_CODE_OK);
}

static void valid_fir_passes(void **state)
{
	Envelope *e = fx_register_envelope();

	(void)state;
	assert_passes(e);
	envelope_free(e);
}

static Cctns__V1__FirContent *fir_of(Envelope *e)
{
	return e->register_fir->fir;
}

static void minimal_fir_passes(void **state)
{
	Envelope *e = fx_register_envelope();
	Cctns__V1__FirContent *f = fir_of(e);

	(void)state;
	/* Drop everything optional. */
	cctns__v1__place__free_unpacked(f->place, NULL);
	f->place = NULL;
	fx_str(&f->occurred_to, "");
	fx_str(&f->delay_reason, "");
	for (size_t i = 0; i < f->n_accused; i++)
		cctns__v1__accused__free_unpacked(f->accused[i], NULL);
	f->n_accused = 0;
	for (size_t i = 0; i < f->n_properties; i++)
		cctns__v1__property__free_unpacked(f->properties[i], NULL);
	f->n_properties = 0;
	cctns__v1__person__free_unpacked(f->complainant, NULL);
	f->complainant = fx_new(&cctns__v1__person__descriptor);
	fx_str(&f->complainant->name, "A");
	assert_passes(e);
	envelope_free(e);
}

static void brief_facts_of_exactly_64_kib_passes(void **state)
{
	Envelope *e = fx_register_envelope();
	char *big = xmalloc(64 * 1024 + 1);

	(void)state;
	memset(big, 'x', 64 * 1024);
	big[64 * 1024] = '\0';
	fx_str(&fir_of(e)->brief_facts, big);
	assert_passes(e);
	free(big);
	envelope_free(e);
}

static void name_limit_counts_characters_not_bytes(void **state)
{
	Envelope *e = fx_register_envelope();
	char name[200 * 3 + 1] = "";

	(void)state;
	for (int i = 0; i < 200; i++)
		strcat(name, "\xe0\xa4\x95"); /* DEVANAGARI KA */
	fx_str(&fir_of(e)->complainant->name, name);
	assert_passes(e);
	envelope_free(e);
}

static void hello_and_get_fir_pass(void **state)
{
	Envelope e = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__Hello h = CCTNS__V1__HELLO__INIT;
	Cctns__V1__GetFir g = CCTNS__V1__GET_FIR__INIT;

	(void)state;
	e.request_id = 1;
	e.body_case = CCTNS__V1__ENVELOPE__BODY_HELLO;
	h.protocol_version = 1;
	h.software = "cctns/0.1.0";
	e.hello = &h;
	assert_passes(&e);
	e.body_case = CCTNS__V1__ENVELOPE__BODY_GET_FIR;
	g.fir_number = "0042/2026";
	e.get_fir = &g;
	assert_passes(&e);
}

static void valid_requests_of_every_new_kind_pass(void **state)
{
	Envelope *(*const make[])(void) = {
	        gd_envelope,       get_gd_envelope, assign_io_envelope,
	        timeline_envelope, arrest_envelope, get_arrest_envelope,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(make) / sizeof(make[0]); i++) {
		Envelope *e = make[i]();
		assert_passes(e);
		envelope_free(e);
	}
}

static void gd_correction_naming_an_entry_passes(void **state)
{
	Envelope *e = gd_envelope();

	(void)state;
	e->add_gd_entry->kind = CCTNS__V1__GD_KIND__GD_KIND_CORRECTION;
	fx_str(&e->add_gd_entry->corrects_date, "2026-03-15");
	e->add_gd_entry->corrects_number = 12;
	assert_passes(e);
	envelope_free(e);
}

static void get_gd_without_date_means_today_and_passes(void **state)
{
	Envelope *e = get_gd_envelope();

	(void)state;
	fx_str(&e->get_gd->date, "");
	assert_passes(e);
	envelope_free(e);
}

static void minimal_arrest_memo_passes(void **state)
{
	Cctns__V1__RegisterArrest *r =
	        fx_new(&cctns__v1__register_arrest__descriptor);
	Cctns__V1__ArrestMemo *m = fx_new(&cctns__v1__arrest_memo__descriptor);
	Envelope *e;

	(void)state;
	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "1/2026");
	m->person = fx_new(&cctns__v1__person__descriptor);
	fx_str(&m->person->name, "A");
	fx_str(&m->arrested_at, "2026-03-16T10:00:00+05:30");
	m->court_surrender = 1;
	m->outcome =
	        CCTNS__V1__ARREST_OUTCOME__ARREST_OUTCOME_SURRENDERED_BAILED;
	m->officer = fx_officer("1", "B", "HC");
	r->memo = m;
	e = envelope_with(CCTNS__V1__ENVELOPE__BODY_REGISTER_ARREST, r);
	assert_passes(e);
	envelope_free(e);
}

static void masked_aadhaar_of_last_4_digits_passes(void **state)
{
	Envelope *e = arrest_envelope();

	(void)state;
	fx_str(&memo_of(e)->identity_document->kind, "aadhaar_masked");
	fx_str(&memo_of(e)->identity_document->number, "1234");
	assert_passes(e);
	envelope_free(e);
}

static void accused_codes_a1_to_z9_pass(void **state)
{
	static const char *const ok[] = {"A1", "A9", "B1", "Z9"};
	Envelope *e = get_arrest_envelope();

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		fx_str(&e->get_arrest->accused_code, ok[i]);
		assert_passes(e);
	}
	envelope_free(e);
}

static void charge_sections_in_every_allowed_shape_pass(void **state)
{
	static const char *const ok[] = {"303(2)", "376A",      "498A",
	                                 "302",    "303(2)(a)", "376AB(1)",
	                                 "1",      "64(2)(m)"};
	Envelope *e = fx_register_envelope();

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		fx_str(&fir_of(e)->charges[0]->section, ok[i]);
		assert_passes(e);
	}
	envelope_free(e);
}

/* ------------------------------------------------------------ failing */

typedef struct broken {
	const char *name;            /* the rule, as the test name */
	void (*mutate)(Envelope *e); /* break one thing */
	const char *field;           /* expected err.field */
	const char *message_part;    /* expected in err.message, or NULL */
	Envelope *(*make)(void);     /* the valid request broken; NULL: FIR */
} broken;

/* Replace the body of e (freeing the old one). */
static void set_body(Envelope *e, Cctns__V1__Envelope__BodyCase c, void *body)
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

static void m_request_id_zero(Envelope *e)
{
	e->request_id = 0;
}
static void m_no_body(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY__NOT_SET, NULL);
}
static void m_response_body(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY_HELLO_ACK,
	         fx_new(&cctns__v1__hello_ack__descriptor));
}
static void m_hello_version_0(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY_HELLO,
	         fx_new(&cctns__v1__hello__descriptor));
}
static void m_hello_software_long(Envelope *e)
{
	Cctns__V1__Hello *h = fx_new(&cctns__v1__hello__descriptor);
	char s[102];
	memset(s, 'v', 101);
	s[101] = '\0';
	h->protocol_version = 1;
	fx_str(&h->software, s);
	set_body(e, CCTNS__V1__ENVELOPE__BODY_HELLO, h);
}
static void m_get_fir_empty(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY_GET_FIR,
	         fx_new(&cctns__v1__get_fir__descriptor));
}
static void m_get_fir_long(Envelope *e)
{
	Cctns__V1__GetFir *g = fx_new(&cctns__v1__get_fir__descriptor);
	fx_str(&g->fir_number, "000000000000042/2026"); /* 20: fine */
	strcat(g->fir_number = xrealloc(g->fir_number, 22), "7");
	set_body(e, CCTNS__V1__ENVELOPE__BODY_GET_FIR, g);
}
static void m_key_15(Envelope *e)
{
	fx_bytes(&e->register_fir->idempotency_key, fx_key(), 15);
}
static void m_key_missing(Envelope *e)
{
	fx_bytes(&e->register_fir->idempotency_key, NULL, 0);
}
static void m_no_fir(Envelope *e)
{
	cctns__v1__fir_content__free_unpacked(e->register_fir->fir, NULL);
	e->register_fir->fir = NULL;
}
static void m_no_occurred_from(Envelope *e)
{
	fx_str(&fir_of(e)->occurred_from, "");
}
static void m_occurred_from_no_offset(Envelope *e)
{
	fx_str(&fir_of(e)->occurred_from, "2026-03-14T21:30:00");
}
static void m_occurred_to_feb_30(Envelope *e)
{
	fx_str(&fir_of(e)->occurred_to, "2026-02-30T10:00:00+05:30");
}
static void m_no_received_at(Envelope *e)
{
	fx_str(&fir_of(e)->information_received_at, "");
}
static void m_received_at_24h(Envelope *e)
{
	fx_str(&fir_of(e)->information_received_at,
	       "2026-03-15T24:00:00+05:30");
}
static void m_no_information_type(Envelope *e)
{
	fir_of(e)->information_type = 0;
}
static void m_unknown_information_type(Envelope *e)
{
	fir_of(e)->information_type = 99;
}
static void m_no_charges(Envelope *e)
{
	Cctns__V1__FirContent *f = fir_of(e);
	for (size_t i = 0; i < f->n_charges; i++)
		cctns__v1__charge__free_unpacked(f->charges[i], NULL);
	f->n_charges = 0;
}
static void m_51_charges(Envelope *e)
{
	Cctns__V1__FirContent *f = fir_of(e);
	f->charges = xrealloc(f->charges, 51 * sizeof(*f->charges));
	for (size_t i = f->n_charges; i < 51; i++)
		f->charges[i] = fx_charge(CCTNS__V1__ACT__ACT_BNS, "303", NULL);
	f->n_charges = 51;
}
static void m_charge_no_act(Envelope *e)
{
	fir_of(e)->charges[1]->act = 0;
}
static void m_charge_empty_section(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->section, "");
}
static void m_charge_section_letters_first(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->section, "A303");
}
static void m_charge_section_unclosed(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->section, "303(2");
}
static void m_charge_section_lowercase_suffix(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->section, "498a");
}
static void m_charge_section_17(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->section, "303(2)(a)(b)(c)(d)");
}
static void m_special_without_law(Envelope *e)
{
	fx_str(&fir_of(e)->charges[1]->law, "");
}
static void m_law_on_bns(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->law, "Arms Act");
}
static void m_no_complainant(Envelope *e)
{
	cctns__v1__person__free_unpacked(fir_of(e)->complainant, NULL);
	fir_of(e)->complainant = NULL;
}
static void m_complainant_no_name(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->name, "");
}
static void m_bad_dob(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->date_of_birth, "23-07-1985");
}
static void m_dob_feb_29_non_leap(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->date_of_birth, "1985-02-29");
}
static void m_pincode_5(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->address->pincode, "22600");
}
static void m_place_pincode_letters(Envelope *e)
{
	fx_str(&fir_of(e)->place->address->pincode, "2260O1");
}
static void m_no_brief_facts(Envelope *e)
{
	fx_str(&fir_of(e)->brief_facts, "");
}
static void m_brief_facts_big(Envelope *e)
{
	char *big = xmalloc(64 * 1024 + 2);
	memset(big, 'x', 64 * 1024 + 1);
	big[64 * 1024 + 1] = '\0';
	fx_str(&fir_of(e)->brief_facts, big);
	free(big);
}
static void m_brief_facts_cr(Envelope *e)
{
	fx_str(&fir_of(e)->brief_facts, "line\r\nline");
}
static void m_brief_facts_c1(Envelope *e)
{
	fx_str(&fir_of(e)->brief_facts, "next line\xc2\x85here");
}
static void m_101_accused(Envelope *e)
{
	Cctns__V1__FirContent *f = fir_of(e);
	f->accused = xrealloc(f->accused, 101 * sizeof(*f->accused));
	for (size_t i = f->n_accused; i < 101; i++) {
		f->accused[i] = fx_new(&cctns__v1__accused__descriptor);
		f->accused[i]->kind =
		        CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_UNKNOWN;
		fx_str(&f->accused[i]->description, "x");
	}
	f->n_accused = 101;
}
static void m_accused_no_kind(Envelope *e)
{
	fir_of(e)->accused[0]->kind = 0;
}
static void m_known_no_person(Envelope *e)
{
	cctns__v1__person__free_unpacked(fir_of(e)->accused[0]->person, NULL);
	fir_of(e)->accused[0]->person = NULL;
}
static void m_suspected_no_name(Envelope *e)
{
	fir_of(e)->accused[0]->kind =
	        CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_SUSPECTED;
	fx_str(&fir_of(e)->accused[0]->person->name, "");
}
static void m_unknown_no_description(Envelope *e)
{
	fx_str(&fir_of(e)->accused[1]->description, "");
}
static void m_accused_name_201(Envelope *e)
{
	char name[202];
	memset(name, 'n', 201);
	name[201] = '\0';
	fx_str(&fir_of(e)->accused[0]->person->name, name);
}
static void m_201_properties(Envelope *e)
{
	Cctns__V1__FirContent *f = fir_of(e);
	f->properties = xrealloc(f->properties, 201 * sizeof(*f->properties));
	for (size_t i = f->n_properties; i < 201; i++) {
		f->properties[i] = fx_new(&cctns__v1__property__descriptor);
		fx_str(&f->properties[i]->kind, "cash");
	}
	f->n_properties = 201;
}
static void m_property_no_kind(Envelope *e)
{
	fx_str(&fir_of(e)->properties[0]->kind, "");
}
static void m_name_bad_utf8(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->name, "Ram\xc3\x28");
}
static void m_name_overlong_utf8(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->name, "A\xc0\xaf"
	                                      "B");
}
static void m_name_newline(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->name, "Ram\nLal");
}
static void m_beat_control(Envelope *e)
{
	fx_str(&fir_of(e)->place->beat, "Beat\x01");
}
static void m_line1_501(Envelope *e)
{
	char s[502];
	memset(s, 'l', 501);
	s[501] = '\0';
	fx_str(&fir_of(e)->complainant->address->line1, s);
}
static void m_delay_reason_long(Envelope *e)
{
	char *s = xmalloc(4002);
	memset(s, 'd', 4001);
	s[4001] = '\0';
	fx_str(&fir_of(e)->delay_reason, s);
	free(s);
}
static void m_unknown_gender(Envelope *e)
{
	fir_of(e)->complainant->gender = 7;
}
static void m_unknown_direction(Envelope *e)
{
	fir_of(e)->place->direction = 9;
}
static void m_phone_letters(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->phone, "call me");
}
static void m_property_description_tab_ok_but_nul_free(Envelope *e)
{
	fx_str(&fir_of(e)->properties[0]->description, "a\x7f");
}

static void m_get_fir_no_slash(Envelope *e)
{
	Cctns__V1__GetFir *g = fx_new(&cctns__v1__get_fir__descriptor);
	fx_str(&g->fir_number, "0042-2026");
	set_body(e, CCTNS__V1__ENVELOPE__BODY_GET_FIR, g);
}
static void m_fir_officer_no_name(Envelope *e)
{
	fir_of(e)->officer = fx_officer("UP-1234", "", "SI");
}
static void m_response_as_request(Envelope *e, Cctns__V1__Envelope__BodyCase c,
                                  const ProtobufCMessageDescriptor *d)
{
	set_body(e, c, fx_new(d));
}
static void m_gd_entry_receipt_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_GD_ENTRY_RECEIPT,
	                      &cctns__v1__gd_entry_receipt__descriptor);
}
static void m_gd_day_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_GD_DAY,
	                      &cctns__v1__gd_day__descriptor);
}
static void m_case_timeline_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_CASE_TIMELINE,
	                      &cctns__v1__case_timeline__descriptor);
}
static void m_arrest_receipt_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_ARREST_RECEIPT,
	                      &cctns__v1__arrest_receipt__descriptor);
}
static void m_arrest_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_ARREST,
	                      &cctns__v1__arrest__descriptor);
}

/* Strings of n copies of c (static: one at a time). */
static const char *repeat(char c, size_t n)
{
	static char buf[20 * 1024];
	memset(buf, c, n);
	buf[n] = '\0';
	return buf;
}

/* General Diary */
static void m_gd_key_15(Envelope *e)
{
	fx_bytes(&e->add_gd_entry->idempotency_key, fx_key(), 15);
}
static void m_gd_no_kind(Envelope *e)
{
	e->add_gd_entry->kind = 0;
}
static void m_gd_kind_99(Envelope *e)
{
	e->add_gd_entry->kind = 99;
}
static void m_gd_no_text(Envelope *e)
{
	fx_str(&e->add_gd_entry->text, "");
}
static void m_gd_text_big(Envelope *e)
{
	fx_str(&e->add_gd_entry->text, repeat('t', 16 * 1024 + 1));
}
static void m_gd_text_bad_utf8(Envelope *e)
{
	fx_str(&e->add_gd_entry->text, "patrol \xe0\xa4");
}
static void m_gd_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->add_gd_entry->officer, NULL);
	e->add_gd_entry->officer = NULL;
}
static void m_gd_officer_no_number(Envelope *e)
{
	fx_str(&e->add_gd_entry->officer->number, "");
}
static void m_gd_officer_no_name(Envelope *e)
{
	fx_str(&e->add_gd_entry->officer->name, "");
}
static void m_gd_officer_no_rank(Envelope *e)
{
	fx_str(&e->add_gd_entry->officer->rank, "");
}
static void m_gd_officer_number_33(Envelope *e)
{
	fx_str(&e->add_gd_entry->officer->number, repeat('9', 33));
}
static void m_gd_correction_no_number(Envelope *e)
{
	e->add_gd_entry->kind = CCTNS__V1__GD_KIND__GD_KIND_CORRECTION;
	fx_str(&e->add_gd_entry->corrects_date, "2026-03-15");
}
static void m_gd_correction_no_date(Envelope *e)
{
	e->add_gd_entry->kind = CCTNS__V1__GD_KIND__GD_KIND_CORRECTION;
	e->add_gd_entry->corrects_number = 3;
}
static void m_gd_general_corrects_number(Envelope *e)
{
	e->add_gd_entry->corrects_number = 3;
}
static void m_gd_general_corrects_date(Envelope *e)
{
	fx_str(&e->add_gd_entry->corrects_date, "2026-03-15");
}
static void m_gd_corrects_date_bad(Envelope *e)
{
	e->add_gd_entry->kind = CCTNS__V1__GD_KIND__GD_KIND_CORRECTION;
	e->add_gd_entry->corrects_number = 3;
	fx_str(&e->add_gd_entry->corrects_date, "15/03/2026");
}
static void m_get_gd_date_bad(Envelope *e)
{
	fx_str(&e->get_gd->date, "15-03-2026");
}
static void m_get_gd_feb_30(Envelope *e)
{
	fx_str(&e->get_gd->date, "2026-02-30");
}

/* IO assignment and timeline */
static void m_io_no_fir_number(Envelope *e)
{
	fx_str(&e->assign_io->fir_number, "");
}
static void m_io_fir_number_no_year(Envelope *e)
{
	fx_str(&e->assign_io->fir_number, "42");
}
static void m_io_fir_number_2_digit_year(Envelope *e)
{
	fx_str(&e->assign_io->fir_number, "42/26");
}
static void m_io_no_io(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->assign_io->io, NULL);
	e->assign_io->io = NULL;
}
static void m_io_no_acting(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->assign_io->acting, NULL);
	e->assign_io->acting = NULL;
}
static void m_io_io_no_name(Envelope *e)
{
	fx_str(&e->assign_io->io->name, "");
}
static void m_io_acting_rank_newline(Envelope *e)
{
	fx_str(&e->assign_io->acting->rank, "Inspector\nSHO");
}
static void m_timeline_no_fir_number(Envelope *e)
{
	fx_str(&e->get_case_timeline->fir_number, "");
}
static void m_timeline_fir_number_10_digits(Envelope *e)
{
	fx_str(&e->get_case_timeline->fir_number, "1234567890/2026");
}

/* Arrest memo */
static void m_arrest_key_missing(Envelope *e)
{
	fx_bytes(&e->register_arrest->idempotency_key, NULL, 0);
}
static void m_arrest_no_fir_number(Envelope *e)
{
	fx_str(&e->register_arrest->fir_number, "");
}
static void m_arrest_fir_number_letters(Envelope *e)
{
	fx_str(&e->register_arrest->fir_number, "FIR 42/2026");
}
static void m_arrest_no_memo(Envelope *e)
{
	cctns__v1__arrest_memo__free_unpacked(memo_of(e), NULL);
	e->register_arrest->memo = NULL;
}
static void m_arrest_no_person(Envelope *e)
{
	cctns__v1__person__free_unpacked(memo_of(e)->person, NULL);
	memo_of(e)->person = NULL;
}
static void m_arrest_person_no_name(Envelope *e)
{
	fx_str(&memo_of(e)->person->name, "");
}
static void m_arrest_3_aliases(Envelope *e)
{
	Cctns__V1__ArrestMemo *m = memo_of(e);
	m->aliases = xrealloc(m->aliases, 3 * sizeof(*m->aliases));
	m->aliases[2] = xstrdup("Alias Three");
	m->n_aliases = 3;
}
static void m_arrest_alias_control(Envelope *e)
{
	fx_str(&memo_of(e)->aliases[1], "Alias\x1bTwo");
}
static void m_arrest_no_arrested_at(Envelope *e)
{
	fx_str(&memo_of(e)->arrested_at, "");
}
static void m_arrest_arrested_at_no_offset(Envelope *e)
{
	fx_str(&memo_of(e)->arrested_at, "2026-03-16 10:00");
}
static void m_arrest_no_outcome(Envelope *e)
{
	memo_of(e)->outcome = 0;
}
static void m_arrest_outcome_8(Envelope *e)
{
	memo_of(e)->outcome = 8;
}
static void m_arrest_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(memo_of(e)->officer, NULL);
	memo_of(e)->officer = NULL;
}
static void m_arrest_officer_no_rank(Envelope *e)
{
	fx_str(&memo_of(e)->officer->rank, "");
}
static void m_arrest_relative_informed_at_bad(Envelope *e)
{
	fx_str(&memo_of(e)->relative_informed_at, "2026-03-16T10:30");
}
static void m_arrest_designated_informed_at_bad(Envelope *e)
{
	fx_str(&memo_of(e)->designated_officer_informed_at, "yesterday");
}
static void m_arrest_full_aadhaar_as_voter_id(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->number, "123456789012");
}
static void m_arrest_full_aadhaar_spaced(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->kind, "aadhaar_masked");
	fx_str(&memo_of(e)->identity_document->number, "1234 5678-9012");
}
static void m_arrest_kind_aadhaar(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->kind, "aadhaar");
	fx_str(&memo_of(e)->identity_document->number, "9012");
}
static void m_arrest_masked_5_digits(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->kind, "aadhaar_masked");
	fx_str(&memo_of(e)->identity_document->number, "89012");
}
static void m_arrest_masked_xxxx(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->kind, "aadhaar_masked");
	fx_str(&memo_of(e)->identity_document->number, "XXXX-XXXX-9012");
}
static void m_arrest_document_no_kind(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->kind, "");
}
static void m_arrest_injuries_long(Envelope *e)
{
	fx_str(&memo_of(e)->injuries, repeat('i', 4001));
}
static void m_arrest_place_long(Envelope *e)
{
	fx_str(&memo_of(e)->place, repeat('p', 501));
}
static void m_arrest_pincode_5(Envelope *e)
{
	fx_str(&memo_of(e)->permanent_address->pincode, "22600");
}
static void m_arrest_21_languages(Envelope *e)
{
	Cctns__V1__DescriptiveRoll *d = memo_of(e)->descriptive_roll;
	d->languages = xrealloc(d->languages, 21 * sizeof(*d->languages));
	for (size_t i = d->n_languages; i < 21; i++)
		d->languages[i] = xstrdup("Hindi");
	d->n_languages = 21;
}
static void m_arrest_person_gender_9(Envelope *e)
{
	memo_of(e)->person->gender = 9;
}
static void m_get_arrest_no_code(Envelope *e)
{
	fx_str(&e->get_arrest->accused_code, "");
}
static void m_get_arrest_code_lower(Envelope *e)
{
	fx_str(&e->get_arrest->accused_code, "a1");
}
static void m_get_arrest_code_zero(Envelope *e)
{
	fx_str(&e->get_arrest->accused_code, "A0");
}
static void m_get_arrest_code_a10(Envelope *e)
{
	fx_str(&e->get_arrest->accused_code, "A10");
}
static void m_get_arrest_no_fir_number(Envelope *e)
{
	fx_str(&e->get_arrest->fir_number, "");
}

#define TIME_HINT "2026-03-14T21:30:00+05:30"
#define FIR_HINT  "42/2026"

static const broken broken_rows[] = {
        {"rejects_request_id_0", m_request_id_zero, "request_id", "0", NULL},
        {"rejects_envelope_without_body", m_no_body, "", "no request", NULL},
        {"rejects_response_body_from_client", m_response_body, "",
         "hello_ack is not a request", NULL},
        {"rejects_hello_without_protocol_version", m_hello_version_0,
         "protocol_version", "required", NULL},
        {"rejects_hello_software_over_100_chars", m_hello_software_long,
         "software", "100", NULL},
        {"rejects_get_fir_without_number", m_get_fir_empty, "fir_number",
         "required", NULL},
        {"rejects_get_fir_number_over_20_chars", m_get_fir_long, "fir_number",
         "20", NULL},
        {"rejects_idempotency_key_of_15_bytes", m_key_15, "idempotency_key",
         "16 bytes", NULL},
        {"rejects_missing_idempotency_key", m_key_missing, "idempotency_key",
         "16 bytes", NULL},
        {"rejects_register_fir_without_fir", m_no_fir, "fir", "required", NULL},
        {"rejects_missing_occurred_from", m_no_occurred_from,
         "fir.occurred_from", "required", NULL},
        {"rejects_occurred_from_without_offset", m_occurred_from_no_offset,
         "fir.occurred_from", TIME_HINT, NULL},
        {"rejects_occurred_to_on_feb_30", m_occurred_to_feb_30,
         "fir.occurred_to", TIME_HINT, NULL},
        {"rejects_missing_information_received_at", m_no_received_at,
         "fir.information_received_at", "required", NULL},
        {"rejects_information_received_at_24_00", m_received_at_24h,
         "fir.information_received_at", TIME_HINT, NULL},
        {"rejects_unset_information_type", m_no_information_type,
         "fir.information_type", "oral, written, telephonic, electronic", NULL},
        {"rejects_unknown_information_type_number", m_unknown_information_type,
         "fir.information_type", "99", NULL},
        {"rejects_fir_without_charges", m_no_charges, "fir.charges",
         "at least one", NULL},
        {"rejects_more_than_50_charges", m_51_charges, "fir.charges", "50",
         NULL},
        {"rejects_charge_without_act", m_charge_no_act, "fir.charges[1].act",
         "ipc, bns, special_local", NULL},
        {"rejects_charge_with_empty_section", m_charge_empty_section,
         "fir.charges[0].section", "required", NULL},
        {"rejects_section_starting_with_letters",
         m_charge_section_letters_first, "fir.charges[0].section", "303(2)",
         NULL},
        {"rejects_section_with_unclosed_group", m_charge_section_unclosed,
         "fir.charges[0].section", "303(2)", NULL},
        {"rejects_section_with_lowercase_suffix",
         m_charge_section_lowercase_suffix, "fir.charges[0].section", NULL,
         NULL},
        {"rejects_section_over_16_chars", m_charge_section_17,
         "fir.charges[0].section", "16", NULL},
        {"rejects_special_local_charge_without_law", m_special_without_law,
         "fir.charges[1].law", "required", NULL},
        {"rejects_law_on_a_bns_charge", m_law_on_bns, "fir.charges[0].law",
         "special_local", NULL},
        {"rejects_fir_without_complainant", m_no_complainant, "fir.complainant",
         "required", NULL},
        {"rejects_complainant_without_name", m_complainant_no_name,
         "fir.complainant.name", "required", NULL},
        {"rejects_date_of_birth_not_yyyy_mm_dd", m_bad_dob,
         "fir.complainant.date_of_birth", "1985-07-23", NULL},
        {"rejects_date_of_birth_feb_29_of_non_leap_year", m_dob_feb_29_non_leap,
         "fir.complainant.date_of_birth", NULL, NULL},
        {"rejects_pincode_of_5_digits", m_pincode_5,
         "fir.complainant.address.pincode", "6 digits", NULL},
        {"rejects_place_pincode_with_letter", m_place_pincode_letters,
         "fir.place.address.pincode", "6 digits", NULL},
        {"rejects_empty_brief_facts", m_no_brief_facts, "fir.brief_facts",
         "required", NULL},
        {"rejects_brief_facts_over_64_kib", m_brief_facts_big,
         "fir.brief_facts", "65536 bytes", NULL},
        {"rejects_carriage_return_in_brief_facts", m_brief_facts_cr,
         "fir.brief_facts", "control", NULL},
        {"rejects_c1_control_in_brief_facts", m_brief_facts_c1,
         "fir.brief_facts", "control", NULL},
        {"rejects_more_than_100_accused", m_101_accused, "fir.accused", "100",
         NULL},
        {"rejects_accused_without_kind", m_accused_no_kind,
         "fir.accused[0].kind", "required", NULL},
        {"rejects_known_accused_without_person", m_known_no_person,
         "fir.accused[0].person", "known or suspected", NULL},
        {"rejects_suspected_accused_without_name", m_suspected_no_name,
         "fir.accused[0].person.name", "known or suspected", NULL},
        {"rejects_unknown_accused_without_description",
         m_unknown_no_description, "fir.accused[1].description",
         "unknown accused", NULL},
        {"rejects_accused_name_over_200_chars", m_accused_name_201,
         "fir.accused[0].person.name", "200", NULL},
        {"rejects_more_than_200_properties", m_201_properties, "fir.properties",
         "200", NULL},
        {"rejects_property_without_kind", m_property_no_kind,
         "fir.properties[0].kind", "required", NULL},
        {"rejects_invalid_utf8_in_a_name", m_name_bad_utf8,
         "fir.complainant.name", "UTF-8", NULL},
        {"rejects_overlong_utf8_in_a_name", m_name_overlong_utf8,
         "fir.complainant.name", "UTF-8", NULL},
        {"rejects_newline_in_a_name", m_name_newline, "fir.complainant.name",
         "one line", NULL},
        {"rejects_control_character_in_beat", m_beat_control, "fir.place.beat",
         "control", NULL},
        {"rejects_address_line_over_500_chars", m_line1_501,
         "fir.complainant.address.line1", "500", NULL},
        {"rejects_delay_reason_over_4000_chars", m_delay_reason_long,
         "fir.delay_reason", "4000", NULL},
        {"rejects_unknown_gender_number", m_unknown_gender,
         "fir.complainant.gender", "male, female, transgender", NULL},
        {"rejects_unknown_direction_number", m_unknown_direction,
         "fir.place.direction", "9", NULL},
        {"rejects_phone_with_letters", m_phone_letters, "fir.complainant.phone",
         "phone number", NULL},
        {"rejects_delete_character_in_description",
         m_property_description_tab_ok_but_nul_free,
         "fir.properties[0].description", "control", NULL},
        {"rejects_get_fir_number_without_slash", m_get_fir_no_slash,
         "fir_number", FIR_HINT, NULL},
        {"rejects_fir_officer_without_name", m_fir_officer_no_name,
         "fir.officer.name", "required", NULL},
        /* responses are never requests */
        {"rejects_gd_entry_receipt_from_client", m_gd_entry_receipt_body, "",
         "gd_entry_receipt is not a request", NULL},
        {"rejects_gd_day_from_client", m_gd_day_body, "",
         "gd_day is not a request", NULL},
        {"rejects_case_timeline_from_client", m_case_timeline_body, "",
         "case_timeline is not a request", NULL},
        {"rejects_arrest_receipt_from_client", m_arrest_receipt_body, "",
         "arrest_receipt is not a request", NULL},
        {"rejects_arrest_from_client", m_arrest_body, "",
         "arrest is not a request", NULL},
        /* General Diary */
        {"rejects_gd_entry_key_of_15_bytes", m_gd_key_15, "idempotency_key",
         "16 bytes", gd_envelope},
        {"rejects_gd_entry_without_kind", m_gd_no_kind, "kind", "general",
         gd_envelope},
        {"rejects_gd_entry_kind_unknown_number", m_gd_kind_99, "kind", "99",
         gd_envelope},
        {"rejects_gd_entry_without_text", m_gd_no_text, "text", "required",
         gd_envelope},
        {"rejects_gd_entry_text_over_16_kib", m_gd_text_big, "text",
         "16384 bytes", gd_envelope},
        {"rejects_gd_entry_text_with_invalid_utf8", m_gd_text_bad_utf8, "text",
         "UTF-8", gd_envelope},
        {"rejects_gd_entry_without_officer", m_gd_no_officer, "officer",
         "required", gd_envelope},
        {"rejects_officer_without_number", m_gd_officer_no_number,
         "officer.number", "required", gd_envelope},
        {"rejects_officer_without_name", m_gd_officer_no_name, "officer.name",
         "required", gd_envelope},
        {"rejects_officer_without_rank", m_gd_officer_no_rank, "officer.rank",
         "required", gd_envelope},
        {"rejects_officer_number_over_32_chars", m_gd_officer_number_33,
         "officer.number", "32", gd_envelope},
        {"rejects_gd_correction_without_corrects_number",
         m_gd_correction_no_number, "corrects_number", "correction",
         gd_envelope},
        {"rejects_gd_correction_without_corrects_date", m_gd_correction_no_date,
         "corrects_date", "correction", gd_envelope},
        {"rejects_corrects_number_on_a_general_entry",
         m_gd_general_corrects_number, "corrects_number", "correction",
         gd_envelope},
        {"rejects_corrects_date_on_a_general_entry", m_gd_general_corrects_date,
         "corrects_date", "correction", gd_envelope},
        {"rejects_corrects_date_not_yyyy_mm_dd", m_gd_corrects_date_bad,
         "corrects_date", "1985-07-23", gd_envelope},
        {"rejects_get_gd_date_not_yyyy_mm_dd", m_get_gd_date_bad, "date",
         "1985-07-23", get_gd_envelope},
        {"rejects_get_gd_date_feb_30", m_get_gd_feb_30, "date", NULL,
         get_gd_envelope},
        /* IO assignment, timeline */
        {"rejects_assign_io_without_fir_number", m_io_no_fir_number,
         "fir_number", "required", assign_io_envelope},
        {"rejects_fir_number_without_year", m_io_fir_number_no_year,
         "fir_number", FIR_HINT, assign_io_envelope},
        {"rejects_fir_number_with_2_digit_year", m_io_fir_number_2_digit_year,
         "fir_number", FIR_HINT, assign_io_envelope},
        {"rejects_assign_io_without_io", m_io_no_io, "io", "required",
         assign_io_envelope},
        {"rejects_assign_io_without_acting_officer", m_io_no_acting, "acting",
         "required", assign_io_envelope},
        {"rejects_io_without_name", m_io_io_no_name, "io.name", "required",
         assign_io_envelope},
        {"rejects_newline_in_acting_rank", m_io_acting_rank_newline,
         "acting.rank", "one line", assign_io_envelope},
        {"rejects_timeline_without_fir_number", m_timeline_no_fir_number,
         "fir_number", "required", timeline_envelope},
        {"rejects_fir_number_of_10_digits", m_timeline_fir_number_10_digits,
         "fir_number", FIR_HINT, timeline_envelope},
        /* Arrest memo */
        {"rejects_arrest_without_idempotency_key", m_arrest_key_missing,
         "idempotency_key", "16 bytes", arrest_envelope},
        {"rejects_arrest_without_fir_number", m_arrest_no_fir_number,
         "fir_number", "required", arrest_envelope},
        {"rejects_arrest_fir_number_with_words", m_arrest_fir_number_letters,
         "fir_number", FIR_HINT, arrest_envelope},
        {"rejects_arrest_without_memo", m_arrest_no_memo, "memo", "required",
         arrest_envelope},
        {"rejects_arrest_memo_without_person", m_arrest_no_person,
         "memo.person", "required", arrest_envelope},
        {"rejects_arrested_person_without_name", m_arrest_person_no_name,
         "memo.person.name", "required", arrest_envelope},
        {"rejects_more_than_2_aliases", m_arrest_3_aliases, "memo.aliases",
         "at most 2", arrest_envelope},
        {"rejects_control_character_in_an_alias", m_arrest_alias_control,
         "memo.aliases[1]", "control", arrest_envelope},
        {"rejects_arrest_without_arrested_at", m_arrest_no_arrested_at,
         "memo.arrested_at", "required", arrest_envelope},
        {"rejects_arrested_at_without_offset", m_arrest_arrested_at_no_offset,
         "memo.arrested_at", TIME_HINT, arrest_envelope},
        {"rejects_arrest_without_outcome", m_arrest_no_outcome, "memo.outcome",
         "arrested_forwarded", arrest_envelope},
        {"rejects_unknown_arrest_outcome_number", m_arrest_outcome_8,
         "memo.outcome", "8", arrest_envelope},
        {"rejects_arrest_without_arresting_officer", m_arrest_no_officer,
         "memo.officer", "required", arrest_envelope},
        {"rejects_arresting_officer_without_rank", m_arrest_officer_no_rank,
         "memo.officer.rank", "required", arrest_envelope},
        {"rejects_relative_informed_at_without_seconds",
         m_arrest_relative_informed_at_bad, "memo.relative_informed_at",
         TIME_HINT, arrest_envelope},
        {"rejects_designated_officer_informed_at_not_a_time",
         m_arrest_designated_informed_at_bad,
         "memo.designated_officer_informed_at", TIME_HINT, arrest_envelope},
        {"rejects_full_aadhaar_number_under_any_kind",
         m_arrest_full_aadhaar_as_voter_id, "memo.identity_document.number",
         "Aadhaar", arrest_envelope},
        {"rejects_full_aadhaar_number_with_spaces_and_dashes",
         m_arrest_full_aadhaar_spaced, "memo.identity_document.number",
         "Aadhaar", arrest_envelope},
        {"rejects_identity_document_kind_aadhaar", m_arrest_kind_aadhaar,
         "memo.identity_document.kind", "aadhaar_masked", arrest_envelope},
        {"rejects_masked_aadhaar_of_5_digits", m_arrest_masked_5_digits,
         "memo.identity_document.number", "last 4 digits", arrest_envelope},
        {"rejects_masked_aadhaar_with_mask_characters", m_arrest_masked_xxxx,
         "memo.identity_document.number", "last 4 digits", arrest_envelope},
        {"rejects_identity_document_without_kind", m_arrest_document_no_kind,
         "memo.identity_document.kind", "required", arrest_envelope},
        {"rejects_injuries_over_4000_chars", m_arrest_injuries_long,
         "memo.injuries", "4000", arrest_envelope},
        {"rejects_place_of_arrest_over_500_chars", m_arrest_place_long,
         "memo.place", "500", arrest_envelope},
        {"rejects_permanent_address_pincode_of_5_digits", m_arrest_pincode_5,
         "memo.permanent_address.pincode", "6 digits", arrest_envelope},
        {"rejects_more_than_20_languages", m_arrest_21_languages,
         "memo.descriptive_roll.languages", "20", arrest_envelope},
        {"rejects_unknown_gender_of_arrested_person", m_arrest_person_gender_9,
         "memo.person.gender", "9", arrest_envelope},
        {"rejects_get_arrest_without_accused_code", m_get_arrest_no_code,
         "accused_code", "required", get_arrest_envelope},
        {"rejects_lower_case_accused_code", m_get_arrest_code_lower,
         "accused_code", "A1", get_arrest_envelope},
        {"rejects_accused_code_with_digit_0", m_get_arrest_code_zero,
         "accused_code", "A1", get_arrest_envelope},
        {"rejects_accused_code_of_3_chars", m_get_arrest_code_a10,
         "accused_code", "2", get_arrest_envelope},
        {"rejects_get_arrest_without_fir_number", m_get_arrest_no_fir_number,
         "fir_number", "required", get_arrest_envelope},
};

static void run_broken(void **state)
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

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(encode_then_decode_gives_the_same_envelope),
	        cmocka_unit_test(encode_refuses_body_over_max),
	        cmocka_unit_test(
	                encode_refuses_empty_envelope_which_would_be_length_0),
	        cmocka_unit_test(decode_rejects_garbage),
	        cmocka_unit_test(body_names_and_request_kinds),
	        cmocka_unit_test(check_fail_fills_error_and_returns_minus_one),
	        cmocka_unit_test(valid_fir_passes),
	        cmocka_unit_test(minimal_fir_passes),
	        cmocka_unit_test(brief_facts_of_exactly_64_kib_passes),
	        cmocka_unit_test(name_limit_counts_characters_not_bytes),
	        cmocka_unit_test(hello_and_get_fir_pass),
	        cmocka_unit_test(charge_sections_in_every_allowed_shape_pass),
	        cmocka_unit_test(valid_requests_of_every_new_kind_pass),
	        cmocka_unit_test(gd_correction_naming_an_entry_passes),
	        cmocka_unit_test(get_gd_without_date_means_today_and_passes),
	        cmocka_unit_test(minimal_arrest_memo_passes),
	        cmocka_unit_test(masked_aadhaar_of_last_4_digits_passes),
	        cmocka_unit_test(accused_codes_a1_to_z9_pass),
	};
	enum {
		NFIXED = sizeof(fixed) / sizeof(fixed[0]),
		NBROKEN = sizeof(broken_rows) / sizeof(broken_rows[0])
	};
	static struct CMUnitTest tests[NFIXED + NBROKEN];

	memcpy(tests, fixed, sizeof(fixed));
	for (size_t i = 0; i < NBROKEN; i++) {
		tests[NFIXED + i] = (struct CMUnitTest){
		        .name = broken_rows[i].name,
		        .test_func = run_broken,
		        .initial_state = (void *)&broken_rows[i],
		};
	}
	return _cmocka_run_group_tests("envelope", tests, NFIXED + NBROKEN,
	                               NULL, NULL);
}

/* test_pbjson.c: JSON <-> protobuf by descriptor (proto/pbjson.h): every
 * message type survives format -> parse unchanged, the output has the
 * documented shape, and every input error names the offending path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixtures.h"
#include "pbjson.h"

/* ------------------------------------------------------------ helpers */

static uint8_t *pack(const ProtobufCMessage *m, size_t *len)
{
	*len = protobuf_c_message_get_packed_size(m);
	uint8_t *buf = xmalloc(*len ? *len : 1);
	protobuf_c_message_pack(m, buf);
	return buf;
}

/* format (both styles) -> parse -> pack equals pack of the original. */
static void assert_round_trip(const ProtobufCMessage *m)
{
	static const int styles[] = {0, PBJSON_PRETTY};
	size_t alen, blen;
	uint8_t *a = pack(m, &alen);

	for (size_t s = 0; s < 2; s++) {
		char *json = pbjson_format(m, styles[s]);
		pbjson_error err;
		ProtobufCMessage *back;

		assert_non_null(json);
		back = pbjson_parse(m->descriptor, json, strlen(json), &err);
		if (!back)
			fail_msg("%s: %s at \"%s\" line %d in %s",
			         m->descriptor->name, err.message, err.path,
			         err.line, json);
		uint8_t *b = pack(back, &blen);
		if (alen != blen || memcmp(a, b, alen) != 0)
			fail_msg("%s changed in a round trip: %s",
			         m->descriptor->name, json);
		free(b);
		protobuf_c_message_free_unpacked(back, NULL);
		free(json);
	}
	free(a);
}

/* Fill every field of m with a non-default value, generically. Repeated
 * fields get two entries; a oneof gets the member with id `pick` (or its
 * first member when pick is 0). Strings carry characters that need
 * escaping. */
static void fill(ProtobufCMessage *m, unsigned pick, int depth);

static void fill_value(const ProtobufCFieldDescriptor *f, void *p, int depth,
                       int n)
{
	static const uint8_t bytes[] = {0x00, 0xff, 0x10, 0x80, 0x3e};
	const ProtobufCEnumDescriptor *ed;
	char s[64];

	switch (f->type) {
	case PROTOBUF_C_TYPE_INT32:
	case PROTOBUF_C_TYPE_SINT32:
	case PROTOBUF_C_TYPE_SFIXED32:
		*(int32_t *)p = INT32_MIN + n;
		break;
	case PROTOBUF_C_TYPE_UINT32:
	case PROTOBUF_C_TYPE_FIXED32:
		*(uint32_t *)p = UINT32_MAX - (uint32_t)n;
		break;
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
		*(int64_t *)p = INT64_MIN + n;
		break;
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
		*(uint64_t *)p = UINT64_MAX - (uint64_t)n;
		break;
	case PROTOBUF_C_TYPE_FLOAT:
		*(float *)p = 0.1f + (float)n;
		break;
	case PROTOBUF_C_TYPE_DOUBLE:
		*(double *)p = 0.1 + n;
		break;
	case PROTOBUF_C_TYPE_BOOL:
		*(protobuf_c_boolean *)p = 1;
		break;
	case PROTOBUF_C_TYPE_ENUM:
		ed = f->descriptor;
		*(int *)p = ed->values[ed->n_values - 1].value;
		break;
	case PROTOBUF_C_TYPE_STRING:
		snprintf(s, sizeof(s), "%s %d \"q\" \\ \n\t\x01 \xe0\xa4\x95/",
		         f->name, n);
		*(char **)p = xstrdup(s);
		break;
	case PROTOBUF_C_TYPE_BYTES:
		((ProtobufCBinaryData *)p)->data = xmalloc(sizeof(bytes));
		memcpy(((ProtobufCBinaryData *)p)->data, bytes,
		       sizeof(bytes) - (size_t)n);
		((ProtobufCBinaryData *)p)->len = sizeof(bytes) - (size_t)n;
		break;
	case PROTOBUF_C_TYPE_MESSAGE:
		*(ProtobufCMessage **)p = fx_new(f->descriptor);
		fill(*(ProtobufCMessage **)p, 0, depth + 1);
		break;
	}
}

static size_t elem_size(ProtobufCType t)
{
	switch (t) {
	case PROTOBUF_C_TYPE_STRING:
	case PROTOBUF_C_TYPE_MESSAGE:
		return sizeof(void *);
	case PROTOBUF_C_TYPE_BYTES:
		return sizeof(ProtobufCBinaryData);
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
	case PROTOBUF_C_TYPE_DOUBLE:
		return 8;
	default:
		return 4;
	}
}

static void fill(ProtobufCMessage *m, unsigned pick, int depth)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	char *base = (char *)m;

	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		if (f->type == PROTOBUF_C_TYPE_MESSAGE && depth > 4)
			continue;
		if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
			uint32_t *c = (uint32_t *)(base + f->quantifier_offset);
			if (*c || (pick && f->id != pick))
				continue;
			*c = f->id;
		}
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			size_t es = elem_size(f->type);
			char *arr = xcalloc(2, es);
			for (int k = 0; k < 2; k++)
				fill_value(f, arr + (size_t)k * es, depth, k);
			*(char **)(base + f->offset) = arr;
			*(size_t *)(base + f->quantifier_offset) = 2;
		} else {
			void *p = base + f->offset;
			if (f->type == PROTOBUF_C_TYPE_STRING &&
			    *(char **)p != protobuf_c_empty_string)
				free(*(char **)p);
			fill_value(f, p, depth, 0);
		}
	}
}

static const ProtobufCMessageDescriptor *const all_messages[] = {
        &cctns__v1__envelope__descriptor,
        &cctns__v1__hello__descriptor,
        &cctns__v1__identity__descriptor,
        &cctns__v1__hello_ack__descriptor,
        &cctns__v1__status__descriptor,
        &cctns__v1__address__descriptor,
        &cctns__v1__place__descriptor,
        &cctns__v1__charge__descriptor,
        &cctns__v1__person__descriptor,
        &cctns__v1__accused__descriptor,
        &cctns__v1__property__descriptor,
        &cctns__v1__fir_content__descriptor,
        &cctns__v1__register_fir__descriptor,
        &cctns__v1__fir_receipt__descriptor,
        &cctns__v1__get_fir__descriptor,
        &cctns__v1__fir__descriptor,
};

/* ------------------------------------------------------------ round trips */

static void every_message_type_fully_populated_round_trips(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(all_messages) / sizeof(all_messages[0]);
	     i++) {
		ProtobufCMessage *m = fx_new(all_messages[i]);
		fill(m, 0, 0);
		assert_round_trip(m);
		protobuf_c_message_free_unpacked(m, NULL);
	}
}

static void envelope_with_each_body_round_trips(void **state)
{
	const ProtobufCMessageDescriptor *d = &cctns__v1__envelope__descriptor;

	(void)state;
	for (unsigned i = 0; i < d->n_fields; i++) {
		if (!(d->fields[i].flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
			continue;
		Cctns__V1__Envelope *e = fx_new(d);
		fill(&e->base, d->fields[i].id, 0);
		assert_int_equal(e->body_case, d->fields[i].id);
		assert_round_trip(&e->base);
		protobuf_c_message_free_unpacked(&e->base, NULL);
	}
}

static void realistic_register_fir_and_fir_round_trip(void **state)
{
	Cctns__V1__Envelope *e = fx_register_envelope();
	Cctns__V1__Fir *fir = fx_new(&cctns__v1__fir__descriptor);

	(void)state;
	assert_round_trip(&e->base);
	fir->receipt = fx_receipt();
	fir->content = fx_fir();
	assert_round_trip(&fir->base);
	protobuf_c_message_free_unpacked(&fir->base, NULL);
	protobuf_c_message_free_unpacked(&e->base, NULL);
}

static void empty_oneof_member_is_kept(void **state)
{
	Cctns__V1__Envelope *e = fx_new(&cctns__v1__envelope__descriptor);
	char *json;

	(void)state;
	e->body_case = CCTNS__V1__ENVELOPE__BODY_HELLO;
	e->hello = fx_new(&cctns__v1__hello__descriptor);
	json = pbjson_format(&e->base, 0);
	assert_string_equal(json, "{\"hello\":{}}");
	assert_round_trip(&e->base);
	free(json);
	protobuf_c_message_free_unpacked(&e->base, NULL);
}

/* ------------------------------------------------------------ output */

static void output_omits_defaults_and_uses_short_enum_names(void **state)
{
	Cctns__V1__Charge c = CCTNS__V1__CHARGE__INIT;
	Cctns__V1__Hello h = CCTNS__V1__HELLO__INIT;
	char *json;

	(void)state;
	c.act = CCTNS__V1__ACT__ACT_SPECIAL_LOCAL;
	c.section = "25(1)";
	json = pbjson_format(&c.base, 0);
	assert_string_equal(
	        json, "{\"act\":\"special_local\",\"section\":\"25(1)\"}");
	free(json);
	json = pbjson_format(&h.base, 0);
	assert_string_equal(json, "{}");
	free(json);
	json = pbjson_format(&h.base, PBJSON_PRETTY);
	assert_string_equal(json, "{}");
	free(json);
}

static void pretty_output_indents_two_spaces_one_field_per_line(void **state)
{
	Cctns__V1__Place p = CCTNS__V1__PLACE__INIT;
	Cctns__V1__Address a = CCTNS__V1__ADDRESS__INIT;
	Cctns__V1__FirContent f = CCTNS__V1__FIR_CONTENT__INIT;
	Cctns__V1__Charge c1 = CCTNS__V1__CHARGE__INIT, c2 = c1;
	Cctns__V1__Charge *cs[] = {&c1, &c2};
	char *json;

	(void)state;
	a.city = "Lucknow";
	p.address = &a;
	p.direction = CCTNS__V1__DIRECTION__DIRECTION_NE;
	f.place = &p;
	c1.act = CCTNS__V1__ACT__ACT_IPC;
	c2.section = "1";
	f.n_charges = 2;
	f.charges = cs;
	json = pbjson_format(&f.base, PBJSON_PRETTY);
	assert_string_equal(json, "{\n"
	                          "  \"place\": {\n"
	                          "    \"address\": {\n"
	                          "      \"city\": \"Lucknow\"\n"
	                          "    },\n"
	                          "    \"direction\": \"ne\"\n"
	                          "  },\n"
	                          "  \"charges\": [\n"
	                          "    {\n"
	                          "      \"act\": \"ipc\"\n"
	                          "    },\n"
	                          "    {\n"
	                          "      \"section\": \"1\"\n"
	                          "    }\n"
	                          "  ]\n"
	                          "}");
	free(json);
}

static void output_writes_64_bit_as_numbers_and_bytes_as_base64(void **state)
{
	Cctns__V1__Property p = CCTNS__V1__PROPERTY__INIT;
	Cctns__V1__RegisterFir r = CCTNS__V1__REGISTER_FIR__INIT;
	uint8_t key[] = {0xfb, 0xff, 0x00, 'a'};
	char *json;

	(void)state;
	p.value_rupees = UINT64_MAX;
	json = pbjson_format(&p.base, 0);
	assert_string_equal(json, "{\"value_rupees\":18446744073709551615}");
	free(json);
	r.idempotency_key.data = key;
	r.idempotency_key.len = sizeof(key);
	json = pbjson_format(&r.base, 0);
	assert_string_equal(json, "{\"idempotency_key\":\"+/8AYQ==\"}");
	free(json);
}

static void output_writes_unknown_enum_numbers_as_numbers(void **state)
{
	Cctns__V1__Charge c = CCTNS__V1__CHARGE__INIT;
	char *json;

	(void)state;
	c.act = 42;
	json = pbjson_format(&c.base, 0);
	assert_string_equal(json, "{\"act\":42}");
	free(json);
}

static void output_escapes_strings_and_keeps_valid_utf8(void **state)
{
	Cctns__V1__Hello h = CCTNS__V1__HELLO__INIT;
	char *json;

	(void)state;
	h.software =
	        "\"q\" \\ / \n\t\r\b\f\x01\x1f \xe0\xa4\x95 \xf0\x9f\x98\x80";
	json = pbjson_format(&h.base, 0);
	assert_string_equal(json, "{\"software\":\"\\\"q\\\" \\\\ / "
	                          "\\n\\t\\r\\b\\f\\u0001\\u001f "
	                          "\xe0\xa4\x95 \xf0\x9f\x98\x80\"}");
	free(json);
}

static void output_replaces_invalid_utf8_so_json_stays_valid(void **state)
{
	Cctns__V1__Hello h = CCTNS__V1__HELLO__INIT;
	char *json;

	(void)state;
	h.software = "a\xff"
	             "b\xe0\xa4";
	json = pbjson_format(&h.base, 0);
	assert_string_equal(json, "{\"software\":\"a\\ufffdb\\ufffd\\ufffd\"}");
	free(json);
}

/* ------------------------------------------------------------ input */

static ProtobufCMessage *parse_ok(const ProtobufCMessageDescriptor *d,
                                  const char *json)
{
	pbjson_error err;
	ProtobufCMessage *m = pbjson_parse(d, json, strlen(json), &err);

	if (!m)
		fail_msg("%s: %s at \"%s\"", json, err.message, err.path);
	return m;
}

static void enum_accepts_short_name_any_case_full_name_or_number(void **state)
{
	static const char *const inputs[] = {
	        "{\"information_type\":\"written\"}",
	        "{\"information_type\":\"WRITTEN\"}",
	        "{\"information_type\":\"Written\"}",
	        "{\"information_type\":\"INFORMATION_TYPE_WRITTEN\"}",
	        "{\"information_type\":\"information_type_written\"}",
	        "{\"information_type\":2}",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		Cctns__V1__FirContent *f = (Cctns__V1__FirContent *)parse_ok(
		        &cctns__v1__fir_content__descriptor, inputs[i]);
		assert_int_equal(
		        f->information_type,
		        CCTNS__V1__INFORMATION_TYPE__INFORMATION_TYPE_WRITTEN);
		protobuf_c_message_free_unpacked(&f->base, NULL);
	}
}

static void enum_accepts_unknown_number(void **state)
{
	Cctns__V1__Charge *c = (Cctns__V1__Charge *)parse_ok(
	        &cctns__v1__charge__descriptor, "{\"act\":77}");

	(void)state;
	assert_int_equal(c->act, 77);
	protobuf_c_message_free_unpacked(&c->base, NULL);
}

static void sixty_four_bit_accepts_number_or_decimal_string(void **state)
{
	static const struct {
		const char *json;
		uint64_t want;
	} rows[] = {
	        {"{\"value_rupees\":18446744073709551615}", UINT64_MAX},
	        {"{\"value_rupees\":\"18446744073709551615\"}", UINT64_MAX},
	        {"{\"value_rupees\":\"0\"}", 0},
	        {"{\"value_rupees\":1e3}", 1000},
	        {"{\"value_rupees\":12.0}", 12},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		Cctns__V1__Property *p = (Cctns__V1__Property *)parse_ok(
		        &cctns__v1__property__descriptor, rows[i].json);
		assert_true(p->value_rupees == rows[i].want);
		protobuf_c_message_free_unpacked(&p->base, NULL);
	}
}

static void request_id_accepts_full_uint64_range(void **state)
{
	Cctns__V1__Envelope *e = (Cctns__V1__Envelope *)parse_ok(
	        &cctns__v1__envelope__descriptor,
	        "{\"request_id\":18446744073709551615,\"hello\":null}");

	(void)state;
	assert_true(e->request_id == UINT64_MAX);
	assert_int_equal(e->body_case, CCTNS__V1__ENVELOPE__BODY__NOT_SET);
	protobuf_c_message_free_unpacked(&e->base, NULL);
}

static void null_means_unset(void **state)
{
	Cctns__V1__FirContent *f = (Cctns__V1__FirContent *)parse_ok(
	        &cctns__v1__fir_content__descriptor,
	        "{\"place\":null,\"charges\":null,\"brief_facts\":null,"
	        "\"information_type\":null}");

	(void)state;
	assert_null(f->place);
	assert_int_equal(f->n_charges, 0);
	assert_string_equal(f->brief_facts, "");
	protobuf_c_message_free_unpacked(&f->base, NULL);
}

static void base64_padding_is_optional(void **state)
{
	static const char *const inputs[] = {
	        "{\"idempotency_key\":\"+/8AYQ==\"}",
	        "{\"idempotency_key\":\"+/8AYQ\"}",
	};
	(void)state;
	for (size_t i = 0; i < 2; i++) {
		Cctns__V1__RegisterFir *r = (Cctns__V1__RegisterFir *)parse_ok(
		        &cctns__v1__register_fir__descriptor, inputs[i]);
		assert_int_equal(r->idempotency_key.len, 4);
		assert_memory_equal(r->idempotency_key.data,
		                    "\xfb\xff\x00"
		                    "a",
		                    4);
		protobuf_c_message_free_unpacked(&r->base, NULL);
	}
}

static void parses_sample_fir_document_with_whitespace_and_unicode(void **state)
{
	const char *json =
	        "{\n"
	        "  \"occurred_from\": \"2026-03-14T21:30:00+05:30\",\n"
	        "  \"information_type\": \"oral\",\n"
	        "  \"charges\": [ { \"act\": \"bns\", \"section\": \"303(2)\" "
	        "} ],\n"
	        "  \"complainant\": { \"name\": \"\\u0930\\u093e\\u092e "
	        "\xe0\xa4\xb2\xe0\xa4\xbe\xe0\xa4\xb2\" },\n"
	        "  \"brief_facts\": \"line 1\\nline 2\"\n"
	        "}\n";
	Cctns__V1__FirContent *f = (Cctns__V1__FirContent *)parse_ok(
	        &cctns__v1__fir_content__descriptor, json);

	(void)state;
	assert_string_equal(f->complainant->name,
	                    "\xe0\xa4\xb0\xe0\xa4\xbe\xe0\xa4\xae "
	                    "\xe0\xa4\xb2\xe0\xa4\xbe\xe0\xa4\xb2");
	assert_string_equal(f->brief_facts, "line 1\nline 2");
	assert_int_equal(f->n_charges, 1);
	assert_string_equal(f->charges[0]->section, "303(2)");
	protobuf_c_message_free_unpacked(&f->base, NULL);
}

static void enum_short_names(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(
	        pbjson_enum_short(&cctns__v1__information_type__descriptor, 2,
	                          buf, sizeof(buf)),
	        "written");
	assert_string_equal(
	        pbjson_enum_short(&cctns__v1__status_code__descriptor, 1, buf,
	                          sizeof(buf)),
	        "invalid_argument");
	assert_string_equal(
	        pbjson_enum_short(&cctns__v1__protocol_version__descriptor, 1,
	                          buf, sizeof(buf)),
	        "current");
	assert_string_equal(pbjson_enum_short(&cctns__v1__direction__descriptor,
	                                      8, buf, sizeof(buf)),
	                    "nw");
	assert_string_equal(
	        pbjson_enum_short(&cctns__v1__accused_kind__descriptor, 3, buf,
	                          sizeof(buf)),
	        "unknown");
	assert_null(pbjson_enum_short(&cctns__v1__act__descriptor, 9, buf,
	                              sizeof(buf)));
}

/* ------------------------------------------------------------ errors */

typedef struct bad_json {
	const char *name; /* the rule */
	const ProtobufCMessageDescriptor *desc;
	const char *json;
	const char *path;         /* expected err.path */
	const char *message_part; /* expected in err.message */
	int line;                 /* expected err.line */
} bad_json;

#define FIRC (&cctns__v1__fir_content__descriptor)
#define ENV  (&cctns__v1__envelope__descriptor)
#define ADDR (&cctns__v1__address__descriptor)
#define PROP (&cctns__v1__property__descriptor)
#define REG  (&cctns__v1__register_fir__descriptor)
#define RCPT (&cctns__v1__fir_receipt__descriptor)

static const bad_json bad_rows[] = {
        {"rejects_syntax_error_with_its_line", FIRC,
         "{\n  \"charges\": [\n    {\"act\": \"bns\"}\n    {}\n  ]\n}", "",
         "syntax", 4},
        {"rejects_truncated_document", FIRC, "{\"brief_facts\": \"abc", "",
         "end of document", 1},
        {"rejects_empty_document", FIRC, "", "", "syntax", 1},
        {"rejects_trailing_text_after_document", FIRC, "{}\n{}", "", "syntax",
         2},
        {"rejects_comments", FIRC, "{/* c */}", "", "syntax", 1},
        {"rejects_trailing_comma", FIRC, "{\"brief_facts\":\"x\",}", "",
         "syntax", 1},
        {"rejects_document_that_is_not_an_object", FIRC, "[]", "",
         "expected an object, got an array", 0},
        {"rejects_unknown_top_level_key", FIRC, "{\"nope\":1}", "nope",
         "unknown field", 0},
        {"rejects_unknown_nested_key_with_its_path", FIRC,
         "{\"charges\":[{\"act\":\"bns\"},{\"sectoin\":\"1\"}]}",
         "charges[1].sectoin", "unknown field", 0},
        {"rejects_camel_case_key", FIRC, "{\"briefFacts\":\"x\"}", "briefFacts",
         "unknown field", 0},
        {"rejects_number_for_string", FIRC, "{\"brief_facts\":5}",
         "brief_facts", "expected a string, got a number", 0},
        {"rejects_object_for_array", FIRC, "{\"charges\":{}}", "charges",
         "expected an array, got an object", 0},
        {"rejects_array_for_object", FIRC, "{\"place\":[]}", "place",
         "expected an object, got an array", 0},
        {"rejects_string_for_32_bit_integer", ADDR, "{\"district_code\":\"5\"}",
         "district_code", "expected an integer, got a string", 0},
        {"rejects_uint32_above_range", ADDR, "{\"district_code\":4294967296}",
         "district_code", "out of range", 0},
        {"rejects_negative_into_uint32", ADDR, "{\"state_code\":-1}",
         "state_code", "negative", 0},
        {"rejects_negative_into_uint64", PROP, "{\"value_rupees\":-5}",
         "value_rupees", "negative", 0},
        {"rejects_negative_string_into_uint64", PROP,
         "{\"value_rupees\":\"-5\"}", "value_rupees", "negative", 0},
        {"rejects_integer_beyond_64_bits", PROP,
         "{\"value_rupees\":18446744073709551616}", "", "64-bit", 1},
        {"rejects_decimal_string_beyond_64_bits", PROP,
         "{\"value_rupees\":\"18446744073709551616\"}", "value_rupees",
         "decimal integer", 0},
        {"rejects_non_decimal_string_for_uint64", PROP,
         "{\"value_rupees\":\"12a\"}", "value_rupees", "decimal integer", 0},
        {"rejects_fraction_into_integer", ADDR, "{\"district_code\":1.5}",
         "district_code", "fraction", 0},
        {"rejects_enum_number_beyond_int32", FIRC,
         "{\"information_type\":2147483648}", "information_type",
         "out of range", 0},
        {"rejects_unknown_enum_name_listing_the_choices", FIRC,
         "{\"information_type\":\"pigeon\"}", "information_type",
         "oral, written, telephonic, electronic", 0},
        {"rejects_boolean_for_enum", FIRC, "{\"information_type\":true}",
         "information_type", "expected a name", 0},
        {"rejects_number_for_bool", RCPT, "{\"replayed\":1}", "replayed",
         "true or false", 0},
        {"rejects_invalid_base64_characters", REG,
         "{\"idempotency_key\":\"@@@@\"}", "idempotency_key", "base64", 0},
        {"rejects_url_safe_base64", REG, "{\"idempotency_key\":\"-_8AYQ\"}",
         "idempotency_key", "base64", 0},
        {"rejects_base64_of_impossible_length", REG,
         "{\"idempotency_key\":\"QUJDR\"}", "idempotency_key", "base64", 0},
        {"rejects_base64_with_nonzero_unused_bits", REG,
         "{\"idempotency_key\":\"QR==\"}", "idempotency_key", "base64", 0},
        {"rejects_base64_with_inner_padding", REG,
         "{\"idempotency_key\":\"QQ==QUJD\"}", "idempotency_key", "base64", 0},
        {"rejects_two_members_of_a_oneof", ENV,
         "{\"request_id\":1,\"hello\":{},\"get_fir\":{}}", "get_fir",
         "only one", 0},
        {"rejects_nesting_deeper_than_32", FIRC,
         "{\"charges\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]"
         "]"
         "]]]]]]]]]]]]]]]]]]]]]]]}",
         "", "nesting deeper than 32", 1},
        {"rejects_invalid_utf8_in_a_string", FIRC,
         "{\"complainant\":{\"name\":\"Ram\xc3\x28\"}}", "complainant.name",
         "UTF-8", 0},
        {"rejects_escaped_nul_in_a_string", FIRC,
         "{\"brief_facts\":\"a\\u0000b\"}", "brief_facts", "NUL", 0},
        {"rejects_null_array_element", FIRC, "{\"charges\":[null]}",
         "charges[0]", "null", 0},
        {"rejects_bad_value_deep_in_an_array", FIRC,
         "{\"accused\":[{\"kind\":\"known\",\"person\":{\"address\":"
         "{\"pincode\":226001}}}]}",
         "accused[0].person.address.pincode", "expected a string", 0},
        {"rejects_array_as_oneof_member", ENV, "{\"hello\":[]}", "hello",
         "expected an object, got an array", 0},
        {"rejects_bad_value_inside_oneof_member", ENV,
         "{\"get_fir\":{\"fir_number\":42}}", "get_fir.fir_number",
         "expected a string", 0},
        {"rejects_nan_literal_for_double_free_integer", ADDR,
         "{\"district_code\":NaN}", "district_code", "integer", 0},
};

static void run_bad(void **state)
{
	const bad_json *b = *state;
	pbjson_error err;
	ProtobufCMessage *m =
	        pbjson_parse(b->desc, b->json, strlen(b->json), &err);

	if (m) {
		protobuf_c_message_free_unpacked(m, NULL);
		fail_msg("accepted %s", b->json);
	}
	if (strcmp(err.path, b->path) != 0)
		fail_msg("path \"%s\" (%s), expected \"%s\"", err.path,
		         err.message, b->path);
	if (!strstr(err.message, b->message_part))
		fail_msg("message \"%s\" lacks \"%s\"", err.message,
		         b->message_part);
	if (err.line != b->line)
		fail_msg("line %d, expected %d (%s)", err.line, b->line,
		         err.message);
}

static void rejects_nul_byte_in_the_document(void **state)
{
	static const char doc[] = "{\"brief_facts\":\n\"a\0b\"}";
	pbjson_error err;

	(void)state;
	assert_null(pbjson_parse(FIRC, doc, sizeof(doc) - 1, &err));
	assert_non_null(strstr(err.message, "NUL"));
	assert_int_equal(err.line, 2);
}

static void rejects_input_over_8_mib(void **state)
{
	size_t n = 8u * 1024 * 1024 + 1;
	char *doc = xmalloc(n);
	pbjson_error err;

	(void)state;
	memset(doc, ' ', n);
	doc[0] = '{';
	doc[n - 1] = '}';
	assert_null(pbjson_parse(FIRC, doc, n, &err));
	assert_non_null(strstr(err.message, "8 MiB"));
	free(doc);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(
	                every_message_type_fully_populated_round_trips),
	        cmocka_unit_test(envelope_with_each_body_round_trips),
	        cmocka_unit_test(realistic_register_fir_and_fir_round_trip),
	        cmocka_unit_test(empty_oneof_member_is_kept),
	        cmocka_unit_test(
	                output_omits_defaults_and_uses_short_enum_names),
	        cmocka_unit_test(
	                pretty_output_indents_two_spaces_one_field_per_line),
	        cmocka_unit_test(
	                output_writes_64_bit_as_numbers_and_bytes_as_base64),
	        cmocka_unit_test(output_writes_unknown_enum_numbers_as_numbers),
	        cmocka_unit_test(output_escapes_strings_and_keeps_valid_utf8),
	        cmocka_unit_test(
	                output_replaces_invalid_utf8_so_json_stays_valid),
	        cmocka_unit_test(
	                enum_accepts_short_name_any_case_full_name_or_number),
	        cmocka_unit_test(enum_accepts_unknown_number),
	        cmocka_unit_test(
	                sixty_four_bit_accepts_number_or_decimal_string),
	        cmocka_unit_test(request_id_accepts_full_uint64_range),
	        cmocka_unit_test(null_means_unset),
	        cmocka_unit_test(base64_padding_is_optional),
	        cmocka_unit_test(
	                parses_sample_fir_document_with_whitespace_and_unicode),
	        cmocka_unit_test(enum_short_names),
	        cmocka_unit_test(rejects_nul_byte_in_the_document),
	        cmocka_unit_test(rejects_input_over_8_mib),
	};
	enum {
		NFIXED = sizeof(fixed) / sizeof(fixed[0]),
		NBAD = sizeof(bad_rows) / sizeof(bad_rows[0])
	};
	static struct CMUnitTest tests[NFIXED + NBAD];

	memcpy(tests, fixed, sizeof(fixed));
	for (size_t i = 0; i < NBAD; i++) {
		tests[NFIXED + i] = (struct CMUnitTest){
		        .name = bad_rows[i].name,
		        .test_func = run_bad,
		        .initial_state = (void *)&bad_rows[i],
		};
	}
	return _cmocka_run_group_tests("pbjson", tests, NFIXED + NBAD, NULL,
	                               NULL);
}

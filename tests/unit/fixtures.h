/* fixtures.h: fully populated, valid messages for the unit tests, built on
 * the heap the way protobuf-c unpacks them, so a test can change one field
 * and free the whole with protobuf_c_message_free_unpacked(msg, NULL). */
#ifndef CCTNS_TEST_FIXTURES_H
#define CCTNS_TEST_FIXTURES_H

#include <stdlib.h>
#include <string.h>

#include "cctns.pb-c.h"
#include "util.h"

static inline void *fx_new(const ProtobufCMessageDescriptor *d)
{
	ProtobufCMessage *m = xmalloc(d->sizeof_message);
	protobuf_c_message_init(d, m);
	return m;
}

/* Replace a string field's value. */
static inline void fx_str(char **dst, const char *v)
{
	if (*dst && *dst != protobuf_c_empty_string)
		free(*dst);
	*dst = xstrdup(v);
}

static inline void fx_bytes(ProtobufCBinaryData *b, const void *data,
                            size_t len)
{
	free(b->data);
	b->data = len ? xmalloc(len) : NULL;
	if (len)
		memcpy(b->data, data, len);
	b->len = len;
}

static inline Cctns__V1__Address *fx_address(void)
{
	Cctns__V1__Address *a = fx_new(&cctns__v1__address__descriptor);
	fx_str(&a->line1, "House 12, Gali 3");
	fx_str(&a->line2, "Aminabad");
	fx_str(&a->city, "Lucknow");
	a->district_code = 162;
	a->state_code = 9;
	fx_str(&a->pincode, "226001");
	return a;
}

static inline Cctns__V1__Person *fx_person(const char *name)
{
	Cctns__V1__Person *p = fx_new(&cctns__v1__person__descriptor);
	fx_str(&p->name, name);
	p->relative_kind = CCTNS__V1__RELATIVE_KIND__RELATIVE_KIND_FATHER;
	fx_str(&p->relative_name, "Test Relative");
	p->gender = CCTNS__V1__GENDER__GENDER_FEMALE;
	fx_str(&p->date_of_birth, "1985-07-23");
	p->year_of_birth = 1985;
	fx_str(&p->nationality, "Indian");
	fx_str(&p->occupation, "Teacher");
	p->address = fx_address();
	fx_str(&p->phone, "+91 98765 43210");
	return p;
}

static inline Cctns__V1__Charge *fx_charge(Cctns__V1__Act act,
                                           const char *section, const char *law)
{
	Cctns__V1__Charge *c = fx_new(&cctns__v1__charge__descriptor);
	c->act = act;
	fx_str(&c->section, section);
	if (law)
		fx_str(&c->law, law);
	return c;
}

/* A valid FIR with every field set. */
static inline Cctns__V1__FirContent *fx_fir(void)
{
	Cctns__V1__FirContent *f = fx_new(&cctns__v1__fir_content__descriptor);
	Cctns__V1__Accused *known, *unknown;
	Cctns__V1__Property *prop;

	fx_str(&f->occurred_from, "2026-03-14T21:30:00+05:30");
	fx_str(&f->occurred_to, "2026-03-14T22:00:00+05:30");
	fx_str(&f->information_received_at, "2026-03-15T09:10:00.5+05:30");
	f->information_type =
	        CCTNS__V1__INFORMATION_TYPE__INFORMATION_TYPE_WRITTEN;
	f->place = fx_new(&cctns__v1__place__descriptor);
	f->place->address = fx_address();
	f->place->distance_m = 1200;
	f->place->direction = CCTNS__V1__DIRECTION__DIRECTION_NE;
	fx_str(&f->place->beat, "Beat 4");
	f->n_charges = 2;
	f->charges = xcalloc(2, sizeof(*f->charges));
	f->charges[0] = fx_charge(CCTNS__V1__ACT__ACT_BNS, "303(2)", NULL);
	f->charges[1] =
	        fx_charge(CCTNS__V1__ACT__ACT_SPECIAL_LOCAL, "25", "Arms Act");
	f->complainant = fx_person("Test Complainant");
	known = fx_new(&cctns__v1__accused__descriptor);
	known->kind = CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_KNOWN;
	known->person = fx_person("Test Accused");
	unknown = fx_new(&cctns__v1__accused__descriptor);
	unknown->kind = CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_UNKNOWN;
	fx_str(&unknown->description, "tall,\n\tred shirt");
	unknown->count = 2;
	f->n_accused = 2;
	f->accused = xcalloc(2, sizeof(*f->accused));
	f->accused[0] = known;
	f->accused[1] = unknown;
	fx_str(&f->brief_facts, "The complainant's phone was taken.\n"
	                        "\tA second line with \"quotes\" and \\.");
	prop = fx_new(&cctns__v1__property__descriptor);
	fx_str(&prop->kind, "mobile_phone");
	fx_str(&prop->description, "black phone");
	prop->value_rupees = 15000;
	f->n_properties = 1;
	f->properties = xcalloc(1, sizeof(*f->properties));
	f->properties[0] = prop;
	fx_str(&f->delay_reason, "The complainant was in hospital.");
	return f;
}

static inline const uint8_t *fx_key(void)
{
	static const uint8_t key[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
	                                0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb,
	                                0xcc, 0xdd, 0xee, 0xff};
	return key;
}

/* Envelope{request_id 7, register_fir{key, fir}}. */
static inline Cctns__V1__Envelope *fx_register_envelope(void)
{
	Cctns__V1__Envelope *e = fx_new(&cctns__v1__envelope__descriptor);
	Cctns__V1__RegisterFir *r =
	        fx_new(&cctns__v1__register_fir__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	r->fir = fx_fir();
	e->request_id = 7;
	e->body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR;
	e->register_fir = r;
	return e;
}

static inline Cctns__V1__Identity *fx_identity(void)
{
	Cctns__V1__Identity *id = fx_new(&cctns__v1__identity__descriptor);
	id->kind = CCTNS__V1__PEER_KIND__PEER_KIND_STATION;
	id->state_code = 9;
	id->district_code = 118;
	id->station_code = 1001;
	fx_str(&id->terminal, "desk-1");
	fx_str(&id->station_name, "Kotwali");
	fx_str(&id->district_name, "Test District");
	fx_str(&id->state_name, "Uttar Pradesh");
	return id;
}

static inline Cctns__V1__FirReceipt *fx_receipt(void)
{
	Cctns__V1__FirReceipt *r = fx_new(&cctns__v1__fir_receipt__descriptor);
	fx_str(&r->fir_number, "0042/2026");
	r->year = 2026;
	r->number = 42;
	r->station = fx_identity();
	fx_str(&r->registered_at, "2026-03-15T09:12:00+05:30");
	fx_bytes(&r->idempotency_key, fx_key(), 16);
	r->replayed = 1;
	return r;
}

#endif

/* test_envelope_persons.c: the checks of the persons, photo and crime
 * details requests (proto/envelope.h): a valid request of each kind passes,
 * every rule of the persons block of the rule table refuses what breaks it
 * with the exact field path, and their responses are refused when a client
 * sends them. */
#include "envelope_test.h"
#include "image.h"
#include "image_fixtures.h"

/* ------------------------------------------------------------ valid requests
 */

static Envelope *get_person_envelope(void)
{
	Cctns__V1__GetPerson *g = fx_new(&cctns__v1__get_person__descriptor);

	g->person_id = 1234;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_PERSON, g);
}

static Cctns__V1__PersonPhone *fx_phone(const char *number)
{
	Cctns__V1__PersonPhone *p =
	        fx_new(&cctns__v1__person_phone__descriptor);

	fx_str(&p->number, number);
	fx_str(&p->kind, "mobile");
	return p;
}

static Cctns__V1__PersonAddress *fx_person_address(void)
{
	Cctns__V1__PersonAddress *a =
	        fx_new(&cctns__v1__person_address__descriptor);

	a->kind = CCTNS__V1__ADDRESS_KIND__ADDRESS_KIND_PRESENT;
	a->address = fx_address();
	fx_str(&a->since, "2024-03-01");
	return a;
}

static Cctns__V1__IdentityDocument *fx_document(const char *kind,
                                                const char *number)
{
	Cctns__V1__IdentityDocument *d =
	        fx_new(&cctns__v1__identity_document__descriptor);

	fx_str(&d->kind, kind);
	fx_str(&d->number, number);
	return d;
}

static char **fx_strings(size_t n, const char *v)
{
	char **s = xcalloc(n, sizeof(*s));

	for (size_t i = 0; i < n; i++)
		s[i] = xstrdup(v);
	return s;
}

/* UpdatePerson with one of everything. */
static Envelope *update_envelope(void)
{
	Cctns__V1__UpdatePerson *u =
	        fx_new(&cctns__v1__update_person__descriptor);
	Cctns__V1__DescriptiveRoll *d =
	        fx_new(&cctns__v1__descriptive_roll__descriptor);

	fx_bytes(&u->idempotency_key, fx_key(), 16);
	u->person_id = 1234;
	u->n_aliases = 1;
	u->aliases = fx_strings(1, "Kallu");
	u->n_identity_documents = 1;
	u->identity_documents = xcalloc(1, sizeof(*u->identity_documents));
	u->identity_documents[0] = fx_document("aadhaar_masked", "4821");
	u->n_phones = 1;
	u->phones = xcalloc(1, sizeof(*u->phones));
	u->phones[0] = fx_phone("+91 98765 43210");
	u->n_addresses = 1;
	u->addresses = xcalloc(1, sizeof(*u->addresses));
	u->addresses[0] = fx_person_address();
	d->height_cm = 170;
	fx_str(&d->build, "thin");
	u->descriptive_roll = d;
	u->officer = fx_officer("UP-1234", "Test Officer", "SI");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_UPDATE_PERSON, u);
}

static Envelope *photo_envelope(void)
{
	Cctns__V1__AddPersonPhoto *a =
	        fx_new(&cctns__v1__add_person_photo__descriptor);
	fx_image png = fx_png(64, 80, 8, 2);

	fx_bytes(&a->idempotency_key, fx_key(), 16);
	a->person_id = 1234;
	fx_str(&a->mime, "image/png");
	fx_bytes(&a->data, png.b, png.len);
	fx_str(&a->taken_at, "2026-03-16T10:00:00+05:30");
	a->officer = fx_officer("UP-1234", "Test Officer", "SI");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_ADD_PERSON_PHOTO, a);
}

static Envelope *get_photo_envelope(void)
{
	Cctns__V1__GetPersonPhoto *g =
	        fx_new(&cctns__v1__get_person_photo__descriptor);

	g->person_id = 1234;
	g->photo_no = 2;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_PERSON_PHOTO, g);
}

static Cctns__V1__Victim *fx_victim(void)
{
	Cctns__V1__Victim *v = fx_new(&cctns__v1__victim__descriptor);

	v->person = fx_person("Test Victim");
	fx_str(&v->religion, "Test Religion");
	v->sc_st = CCTNS__V1__SC_ST_STATUS__SC_ST_STATUS_NONE;
	v->injury = CCTNS__V1__VICTIM_INJURY__VICTIM_INJURY_SIMPLE;
	fx_str(&v->injury_details, "bruise,\n\tright wrist");
	return v;
}

/* CrimeDetails with every field set. */
static Cctns__V1__CrimeDetails *fx_crime_details(void)
{
	Cctns__V1__CrimeDetails *d =
	        fx_new(&cctns__v1__crime_details__descriptor);
	Cctns__V1__ModusOperandi *m =
	        fx_new(&cctns__v1__modus_operandi__descriptor);
	Cctns__V1__Property *p = fx_new(&cctns__v1__property__descriptor);

	d->place_shown_by = fx_new(&cctns__v1__place_shown_by__descriptor);
	d->place_shown_by->person = fx_person("Test Shower");
	fx_str(&d->place_shown_by->relation, "complainant");
	fx_str(&m->major, "house_breaking");
	fx_str(&m->minor, "lock_broken");
	m->n_methods = 3;
	m->methods = fx_strings(3, "a method");
	fx_str(&m->conveyance_used, "motorcycle");
	fx_str(&m->character_assumed, "meter reader");
	fx_str(&m->language_or_slang, "Hindi");
	m->n_special_features = 3;
	m->special_features = fx_strings(3, "a feature");
	d->mo = m;
	d->place_type = CCTNS__V1__PLACE_TYPE__PLACE_TYPE_RESIDENCE;
	fx_str(&d->place_description, "first floor flat");
	fx_str(&d->motive, "gain");
	fx_str(&p->kind, "jewellery");
	p->value_rupees = 50000;
	d->n_properties = 1;
	d->properties = xcalloc(1, sizeof(*d->properties));
	d->properties[0] = p;
	fx_str(&d->scene_description, "Lock broken.\n\tCupboard open.");
	fx_str(&d->physical_evidence, "fingerprints on the cupboard");
	d->n_victims = 1;
	d->victims = xcalloc(1, sizeof(*d->victims));
	d->victims[0] = fx_victim();
	fx_str(&d->panchnama_at, "2026-03-16T11:00:00+05:30");
	d->n_panch_witnesses = 2;
	d->panch_witnesses = xcalloc(2, sizeof(*d->panch_witnesses));
	d->panch_witnesses[0] = fx_person("Test Panch One");
	d->panch_witnesses[1] = fx_person("Test Panch Two");
	fx_str(&d->weapon_used, "iron rod");
	fx_str(&d->vehicle_used, "none");
	d->officer = fx_officer("UP-2001", "Test Investigator", "Inspector");
	return d;
}

static Envelope *crime_envelope(void)
{
	Cctns__V1__RecordCrimeDetails *r =
	        fx_new(&cctns__v1__record_crime_details__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "0042/2026");
	r->details = fx_crime_details();
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_RECORD_CRIME_DETAILS, r);
}

static Envelope *get_crime_envelope(void)
{
	Cctns__V1__GetCrimeDetails *g =
	        fx_new(&cctns__v1__get_crime_details__descriptor);

	fx_str(&g->fir_number, "42/2026");
	g->version = 2;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_CRIME_DETAILS, g);
}

static Cctns__V1__CrimeDetails *cd_of(Envelope *e)
{
	return e->record_crime_details->details;
}

static void valid_requests_of_every_persons_kind_pass(void **state)
{
	Envelope *(*const make[])(void) = {
	        get_person_envelope, update_envelope, photo_envelope,
	        get_photo_envelope,  crime_envelope,  get_crime_envelope,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(make) / sizeof(make[0]); i++) {
		Envelope *e = make[i]();
		assert_passes(e);
		envelope_free(e);
	}
}

static void update_with_one_detail_passes(void **state)
{
	Cctns__V1__UpdatePerson *u =
	        fx_new(&cctns__v1__update_person__descriptor);
	Envelope *e;

	(void)state;
	fx_bytes(&u->idempotency_key, fx_key(), 16);
	u->person_id = 999999999999999999ull;
	u->n_phones = 1;
	u->phones = xcalloc(1, sizeof(*u->phones));
	u->phones[0] = fx_phone("9000000001");
	u->officer = fx_officer("1", "A", "HC");
	e = envelope_with(CCTNS__V1__ENVELOPE__BODY_UPDATE_PERSON, u);
	assert_passes(e);
	envelope_free(e);
}

static void jpeg_photos_and_the_size_limits_pass(void **state)
{
	static const struct {
		uint32_t w, h;
	} ok[] = {{64, 64}, {8000, 8000}, {200, 250}};
	Envelope *e = photo_envelope();

	(void)state;
	fx_str(&e->add_person_photo->mime, "image/jpeg");
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		fx_image jpg = fx_jpeg(ok[i].w, ok[i].h, 0xc2);
		fx_bytes(&e->add_person_photo->data, jpg.b, jpg.len);
		assert_passes(e);
	}
	envelope_free(e);
}

static void minimal_crime_details_pass(void **state)
{
	Envelope *e = crime_envelope();
	Cctns__V1__CrimeDetails *d = cd_of(e);
	Cctns__V1__CrimeDetails *m =
	        fx_new(&cctns__v1__crime_details__descriptor);

	(void)state;
	m->mo = d->mo;
	d->mo = NULL;
	m->place_type = CCTNS__V1__PLACE_TYPE__PLACE_TYPE_OTHER;
	fx_str(&m->place_description, "a boat");
	m->officer = d->officer;
	d->officer = NULL;
	cctns__v1__crime_details__free_unpacked(d, NULL);
	e->record_crime_details->details = m;
	assert_passes(e);
	envelope_free(e);
}

/* ------------------------------------------------------------ responses */

static void m_response(Envelope *e, Cctns__V1__Envelope__BodyCase c,
                       const ProtobufCMessageDescriptor *d)
{
	set_body(e, c, fx_new(d));
}

static void m_person_record_body(Envelope *e)
{
	m_response(e, CCTNS__V1__ENVELOPE__BODY_PERSON_RECORD,
	           &cctns__v1__person_record__descriptor);
}

static void m_person_photo_body(Envelope *e)
{
	m_response(e, CCTNS__V1__ENVELOPE__BODY_PERSON_PHOTO,
	           &cctns__v1__person_photo__descriptor);
}

static void m_crime_receipt_body(Envelope *e)
{
	m_response(e, CCTNS__V1__ENVELOPE__BODY_CRIME_DETAILS_RECEIPT,
	           &cctns__v1__crime_details_receipt__descriptor);
}

static void m_crime_record_body(Envelope *e)
{
	m_response(e, CCTNS__V1__ENVELOPE__BODY_CRIME_DETAILS_RECORD,
	           &cctns__v1__crime_details_record__descriptor);
}

/* ------------------------------------------------------------ persons */

static void m_get_person_no_id(Envelope *e)
{
	e->get_person->person_id = 0;
}

static void m_get_person_19_digits(Envelope *e)
{
	e->get_person->person_id = 1000000000000000000ull;
}

static void m_update_key_15(Envelope *e)
{
	fx_bytes(&e->update_person->idempotency_key, fx_key(), 15);
}

static void m_update_no_id(Envelope *e)
{
	e->update_person->person_id = 0;
}

static void m_update_11_aliases(Envelope *e)
{
	Cctns__V1__UpdatePerson *u = e->update_person;

	for (size_t i = 0; i < u->n_aliases; i++)
		free(u->aliases[i]);
	free(u->aliases);
	u->n_aliases = 11;
	u->aliases = fx_strings(11, "x");
}

static void m_update_alias_newline(Envelope *e)
{
	fx_str(&e->update_person->aliases[0], "Kallu\nBhai");
}

static void m_update_11_documents(Envelope *e)
{
	Cctns__V1__UpdatePerson *u = e->update_person;

	u->identity_documents = xrealloc(u->identity_documents,
	                                 11 * sizeof(*u->identity_documents));
	for (size_t i = 1; i < 11; i++)
		u->identity_documents[i] = fx_document("pan", "ABCDE1234F");
	u->n_identity_documents = 11;
}

static void m_update_full_aadhaar(Envelope *e)
{
	fx_str(&e->update_person->identity_documents[0]->kind, "ration_card");
	fx_str(&e->update_person->identity_documents[0]->number,
	       "3947 5820 4821");
}

static void m_update_kind_aadhaar(Envelope *e)
{
	fx_str(&e->update_person->identity_documents[0]->kind, "aadhaar");
}

static void m_update_11_phones(Envelope *e)
{
	Cctns__V1__UpdatePerson *u = e->update_person;

	u->phones = xrealloc(u->phones, 11 * sizeof(*u->phones));
	for (size_t i = 1; i < 11; i++)
		u->phones[i] = fx_phone("9000000001");
	u->n_phones = 11;
}

static void m_phone_no_number(Envelope *e)
{
	fx_str(&e->update_person->phones[0]->number, "");
}

static void m_phone_words(Envelope *e)
{
	fx_str(&e->update_person->phones[0]->number, "call the shop");
}

static void m_phone_21_chars(Envelope *e)
{
	fx_str(&e->update_person->phones[0]->number, "+91 98765 43210 12345");
}

static void m_phone_kind_31(Envelope *e)
{
	fx_str(&e->update_person->phones[0]->kind, repeat('k', 31));
}

static void m_phone_added_at(Envelope *e)
{
	fx_str(&e->update_person->phones[0]->added_at,
	       "2026-03-16T10:00:00+05:30");
}

static void m_update_11_addresses(Envelope *e)
{
	Cctns__V1__UpdatePerson *u = e->update_person;

	u->addresses = xrealloc(u->addresses, 11 * sizeof(*u->addresses));
	for (size_t i = 1; i < 11; i++)
		u->addresses[i] = fx_person_address();
	u->n_addresses = 11;
}

static void m_address_no_kind(Envelope *e)
{
	e->update_person->addresses[0]->kind = 0;
}

static void m_address_kind_9(Envelope *e)
{
	e->update_person->addresses[0]->kind = 9;
}

static void m_address_no_address(Envelope *e)
{
	cctns__v1__address__free_unpacked(
	        e->update_person->addresses[0]->address, NULL);
	e->update_person->addresses[0]->address = NULL;
}

static void m_address_since_bad(Envelope *e)
{
	fx_str(&e->update_person->addresses[0]->since, "01/03/2024");
}

static void m_address_added_at(Envelope *e)
{
	fx_str(&e->update_person->addresses[0]->added_at,
	       "2026-03-16T10:00:00+05:30");
}

static void m_update_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->update_person->officer, NULL);
	e->update_person->officer = NULL;
}

static void m_update_nothing(Envelope *e)
{
	Cctns__V1__UpdatePerson *u = e->update_person;
	Cctns__V1__UpdatePerson *bare =
	        fx_new(&cctns__v1__update_person__descriptor);

	bare->idempotency_key = u->idempotency_key;
	u->idempotency_key = (ProtobufCBinaryData){0, NULL};
	bare->person_id = u->person_id;
	bare->officer = u->officer;
	u->officer = NULL;
	set_body(e, CCTNS__V1__ENVELOPE__BODY_UPDATE_PERSON, bare);
}

/* ------------------------------------------------------------ photos */

static void set_photo(Envelope *e, const fx_image *im)
{
	fx_bytes(&e->add_person_photo->data, im->b, im->len);
}

static void m_photo_key_missing(Envelope *e)
{
	fx_bytes(&e->add_person_photo->idempotency_key, NULL, 0);
}

static void m_photo_no_person(Envelope *e)
{
	e->add_person_photo->person_id = 0;
}

static void m_photo_no_mime(Envelope *e)
{
	fx_str(&e->add_person_photo->mime, "");
}

static void m_photo_mime_gif(Envelope *e)
{
	fx_str(&e->add_person_photo->mime, "image/gif");
}

static void m_photo_no_data(Envelope *e)
{
	fx_bytes(&e->add_person_photo->data, NULL, 0);
}

static void m_photo_too_big(Envelope *e)
{
	Cctns__V1__AddPersonPhoto *a = e->add_person_photo;
	fx_image png = fx_png(64, 64, 8, 2);
	uint8_t *big = xcalloc(PHOTO_MAX_BYTES + 1, 1);

	memcpy(big, png.b, png.len);
	free(a->data.data);
	a->data.data = big;
	a->data.len = PHOTO_MAX_BYTES + 1;
}

static void m_photo_text(Envelope *e)
{
	fx_bytes(&e->add_person_photo->data, "not a photo", 11);
}

static void m_photo_bad_crc(Envelope *e)
{
	fx_image png = fx_png(64, 80, 8, 2);

	png.b[31] ^= 0xff;
	set_photo(e, &png);
}

static void m_photo_jpeg_as_png(Envelope *e)
{
	fx_image jpg = fx_jpeg(200, 250, 0xc0);

	set_photo(e, &jpg);
}

static void m_photo_63_wide(Envelope *e)
{
	fx_image png = fx_png(63, 80, 8, 2);

	set_photo(e, &png);
}

static void m_photo_8001_high(Envelope *e)
{
	fx_image png = fx_png(64, 8001, 8, 2);

	set_photo(e, &png);
}

static void m_photo_taken_at_bad(Envelope *e)
{
	fx_str(&e->add_person_photo->taken_at, "16/03/2026 10:00");
}

static void m_photo_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->add_person_photo->officer, NULL);
	e->add_person_photo->officer = NULL;
}

static void m_get_photo_no_person(Envelope *e)
{
	e->get_person_photo->person_id = 0;
}

static void m_get_photo_no_number(Envelope *e)
{
	e->get_person_photo->photo_no = 0;
}

/* ------------------------------------------------------------ crime details */

static void m_cd_key_missing(Envelope *e)
{
	fx_bytes(&e->record_crime_details->idempotency_key, NULL, 0);
}

static void m_cd_no_fir_number(Envelope *e)
{
	fx_str(&e->record_crime_details->fir_number, "");
}

static void m_cd_fir_number_bad(Envelope *e)
{
	fx_str(&e->record_crime_details->fir_number, "42-2026");
}

static void m_cd_no_details(Envelope *e)
{
	cctns__v1__crime_details__free_unpacked(cd_of(e), NULL);
	e->record_crime_details->details = NULL;
}

static void m_cd_no_mo(Envelope *e)
{
	cctns__v1__modus_operandi__free_unpacked(cd_of(e)->mo, NULL);
	cd_of(e)->mo = NULL;
}

static void m_cd_no_place_type(Envelope *e)
{
	cd_of(e)->place_type = 0;
}

static void m_cd_place_type_99(Envelope *e)
{
	cd_of(e)->place_type = 99;
}

static void m_cd_other_undescribed(Envelope *e)
{
	cd_of(e)->place_type = CCTNS__V1__PLACE_TYPE__PLACE_TYPE_OTHER;
	fx_str(&cd_of(e)->place_description, "");
}

static void m_cd_place_description_501(Envelope *e)
{
	fx_str(&cd_of(e)->place_description, repeat('p', 501));
}

static void m_cd_motive_1001(Envelope *e)
{
	fx_str(&cd_of(e)->motive, repeat('m', 1001));
}

static void m_cd_201_properties(Envelope *e)
{
	Cctns__V1__CrimeDetails *d = cd_of(e);

	d->properties = xrealloc(d->properties, 201 * sizeof(*d->properties));
	for (size_t i = 1; i < 201; i++) {
		d->properties[i] = fx_new(&cctns__v1__property__descriptor);
		fx_str(&d->properties[i]->kind, "cash");
	}
	d->n_properties = 201;
}

static void m_cd_scene_16k(Envelope *e)
{
	fx_str(&cd_of(e)->scene_description, repeat('s', 16 * 1024 + 1));
}

static void m_cd_evidence_16k(Envelope *e)
{
	fx_str(&cd_of(e)->physical_evidence, repeat('e', 16 * 1024 + 1));
}

static void m_cd_51_victims(Envelope *e)
{
	Cctns__V1__CrimeDetails *d = cd_of(e);

	d->victims = xrealloc(d->victims, 51 * sizeof(*d->victims));
	for (size_t i = 1; i < 51; i++)
		d->victims[i] = fx_victim();
	d->n_victims = 51;
}

static void m_cd_panchnama_bad(Envelope *e)
{
	fx_str(&cd_of(e)->panchnama_at, "2026-03-16 11:00");
}

static void m_cd_3_panch(Envelope *e)
{
	Cctns__V1__CrimeDetails *d = cd_of(e);

	d->panch_witnesses =
	        xrealloc(d->panch_witnesses, 3 * sizeof(*d->panch_witnesses));
	d->panch_witnesses[2] = fx_person("Test Panch Three");
	d->n_panch_witnesses = 3;
}

static void m_cd_1_panch(Envelope *e)
{
	Cctns__V1__CrimeDetails *d = cd_of(e);

	cctns__v1__person__free_unpacked(d->panch_witnesses[1], NULL);
	d->n_panch_witnesses = 1;
}

static void m_cd_panch_without_panchnama(Envelope *e)
{
	fx_str(&cd_of(e)->panchnama_at, "");
}

static void m_cd_panch_no_name(Envelope *e)
{
	fx_str(&cd_of(e)->panch_witnesses[1]->name, "");
}

static void m_cd_weapon_501(Envelope *e)
{
	fx_str(&cd_of(e)->weapon_used, repeat('w', 501));
}

static void m_cd_vehicle_501(Envelope *e)
{
	fx_str(&cd_of(e)->vehicle_used, repeat('v', 501));
}

static void m_cd_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(cd_of(e)->officer, NULL);
	cd_of(e)->officer = NULL;
}

static void m_shown_no_person(Envelope *e)
{
	cctns__v1__person__free_unpacked(cd_of(e)->place_shown_by->person,
	                                 NULL);
	cd_of(e)->place_shown_by->person = NULL;
}

static void m_shown_no_name(Envelope *e)
{
	fx_str(&cd_of(e)->place_shown_by->person->name, "");
}

static void m_shown_relation_101(Envelope *e)
{
	fx_str(&cd_of(e)->place_shown_by->relation, repeat('r', 101));
}

static void m_mo_no_major(Envelope *e)
{
	fx_str(&cd_of(e)->mo->major, "");
}

static void m_mo_major_words(Envelope *e)
{
	fx_str(&cd_of(e)->mo->major, "House Breaking");
}

static void m_mo_no_minor(Envelope *e)
{
	fx_str(&cd_of(e)->mo->minor, "");
}

static void m_mo_minor_digits(Envelope *e)
{
	fx_str(&cd_of(e)->mo->minor, "lock_2");
}

static void m_mo_4_methods(Envelope *e)
{
	Cctns__V1__ModusOperandi *m = cd_of(e)->mo;

	m->methods = xrealloc(m->methods, 4 * sizeof(*m->methods));
	m->methods[3] = xstrdup("a fourth");
	m->n_methods = 4;
}

static void m_mo_4_features(Envelope *e)
{
	Cctns__V1__ModusOperandi *m = cd_of(e)->mo;

	m->special_features =
	        xrealloc(m->special_features, 4 * sizeof(*m->special_features));
	m->special_features[3] = xstrdup("a fourth");
	m->n_special_features = 4;
}

static void m_mo_conveyance_301(Envelope *e)
{
	fx_str(&cd_of(e)->mo->conveyance_used, repeat('c', 301));
}

static void m_mo_character_301(Envelope *e)
{
	fx_str(&cd_of(e)->mo->character_assumed, repeat('c', 301));
}

static void m_mo_language_301(Envelope *e)
{
	fx_str(&cd_of(e)->mo->language_or_slang, repeat('l', 301));
}

static void m_victim_no_person(Envelope *e)
{
	cctns__v1__person__free_unpacked(cd_of(e)->victims[0]->person, NULL);
	cd_of(e)->victims[0]->person = NULL;
}

static void m_victim_no_name(Envelope *e)
{
	fx_str(&cd_of(e)->victims[0]->person->name, "");
}

static void m_victim_religion_101(Envelope *e)
{
	fx_str(&cd_of(e)->victims[0]->religion, repeat('r', 101));
}

static void m_victim_injury_details_1001(Envelope *e)
{
	fx_str(&cd_of(e)->victims[0]->injury_details, repeat('i', 1001));
}

static void m_victim_sc_st_7(Envelope *e)
{
	cd_of(e)->victims[0]->sc_st = 7;
}

static void m_victim_injury_9(Envelope *e)
{
	cd_of(e)->victims[0]->injury = 9;
}

static void m_get_cd_no_fir_number(Envelope *e)
{
	fx_str(&e->get_crime_details->fir_number, "");
}

static void m_get_cd_fir_number_bad(Envelope *e)
{
	fx_str(&e->get_crime_details->fir_number, "0042");
}

#define PHOTO_LIMITS "64 to 8000 pixels"

static const broken broken_rows[] = {
        {"rejects_person_record_sent_as_request", m_person_record_body, "",
         "not a request", get_person_envelope},
        {"rejects_person_photo_sent_as_request", m_person_photo_body, "",
         "not a request", get_person_envelope},
        {"rejects_crime_details_receipt_sent_as_request", m_crime_receipt_body,
         "", "not a request", get_person_envelope},
        {"rejects_crime_details_record_sent_as_request", m_crime_record_body,
         "", "not a request", get_person_envelope},
        /* persons */
        {"rejects_get_person_without_person_id", m_get_person_no_id,
         "person_id", "required", get_person_envelope},
        {"rejects_person_id_of_19_digits", m_get_person_19_digits, "person_id",
         "18 digits", get_person_envelope},
        {"rejects_update_key_of_15_bytes", m_update_key_15, "idempotency_key",
         "16 bytes", update_envelope},
        {"rejects_update_without_person_id", m_update_no_id, "person_id",
         "required", update_envelope},
        {"rejects_more_than_10_aliases_at_a_time", m_update_11_aliases,
         "aliases", "at most 10", update_envelope},
        {"rejects_alias_with_line_break", m_update_alias_newline, "aliases[0]",
         "one line", update_envelope},
        {"rejects_more_than_10_documents_at_a_time", m_update_11_documents,
         "identity_documents", "at most 10", update_envelope},
        {"rejects_full_aadhaar_number_of_a_person", m_update_full_aadhaar,
         "identity_documents[0].number", "Aadhaar", update_envelope},
        {"rejects_document_kind_aadhaar_of_a_person", m_update_kind_aadhaar,
         "identity_documents[0].kind", "aadhaar_masked", update_envelope},
        {"rejects_more_than_10_phones_at_a_time", m_update_11_phones, "phones",
         "at most 10", update_envelope},
        {"rejects_phone_without_number", m_phone_no_number, "phones[0].number",
         "required", update_envelope},
        {"rejects_phone_number_of_words", m_phone_words, "phones[0].number",
         "phone number", update_envelope},
        {"rejects_phone_number_over_20_chars", m_phone_21_chars,
         "phones[0].number", "20", update_envelope},
        {"rejects_phone_kind_over_30_chars", m_phone_kind_31, "phones[0].kind",
         "30", update_envelope},
        {"rejects_phone_added_at_from_a_client", m_phone_added_at,
         "phones[0].added_at", "set by the server", update_envelope},
        {"rejects_more_than_10_addresses_at_a_time", m_update_11_addresses,
         "addresses", "at most 10", update_envelope},
        {"rejects_address_without_kind", m_address_no_kind, "addresses[0].kind",
         "present, permanent, other", update_envelope},
        {"rejects_unknown_address_kind", m_address_kind_9, "addresses[0].kind",
         "9", update_envelope},
        {"rejects_person_address_without_address", m_address_no_address,
         "addresses[0].address", "required", update_envelope},
        {"rejects_address_since_not_a_date", m_address_since_bad,
         "addresses[0].since", "1985-07-23", update_envelope},
        {"rejects_address_added_at_from_a_client", m_address_added_at,
         "addresses[0].added_at", "set by the server", update_envelope},
        {"rejects_update_without_officer", m_update_no_officer, "officer",
         "required", update_envelope},
        {"rejects_update_with_nothing_to_add", m_update_nothing, "",
         "nothing to add", update_envelope},
        /* photos */
        {"rejects_photo_without_key", m_photo_key_missing, "idempotency_key",
         "16 bytes", photo_envelope},
        {"rejects_photo_without_person_id", m_photo_no_person, "person_id",
         "required", photo_envelope},
        {"rejects_photo_without_mime", m_photo_no_mime, "mime", "required",
         photo_envelope},
        {"rejects_photo_mime_gif", m_photo_mime_gif, "mime", "image/jpeg",
         photo_envelope},
        {"rejects_photo_without_data", m_photo_no_data, "data", "required",
         photo_envelope},
        {"rejects_photo_over_512_kib", m_photo_too_big, "data", "512 KiB",
         photo_envelope},
        {"rejects_photo_that_is_not_an_image", m_photo_text, "data",
         "neither a JPEG nor a PNG", photo_envelope},
        {"rejects_png_with_bad_header_checksum", m_photo_bad_crc, "data",
         "checksum", photo_envelope},
        {"rejects_jpeg_data_labelled_png", m_photo_jpeg_as_png, "mime",
         "JPEG image", photo_envelope},
        {"rejects_photo_63_pixels_wide", m_photo_63_wide, "data", PHOTO_LIMITS,
         photo_envelope},
        {"rejects_photo_8001_pixels_high", m_photo_8001_high, "data",
         PHOTO_LIMITS, photo_envelope},
        {"rejects_photo_taken_at_not_a_time", m_photo_taken_at_bad, "taken_at",
         TIME_HINT, photo_envelope},
        {"rejects_photo_without_officer", m_photo_no_officer, "officer",
         "required", photo_envelope},
        {"rejects_get_photo_without_person_id", m_get_photo_no_person,
         "person_id", "required", get_photo_envelope},
        {"rejects_get_photo_without_number", m_get_photo_no_number, "photo_no",
         "required", get_photo_envelope},
        /* crime details */
        {"rejects_crime_details_without_key", m_cd_key_missing,
         "idempotency_key", "16 bytes", crime_envelope},
        {"rejects_crime_details_without_fir_number", m_cd_no_fir_number,
         "fir_number", "required", crime_envelope},
        {"rejects_crime_details_fir_number_with_dash", m_cd_fir_number_bad,
         "fir_number", FIR_HINT, crime_envelope},
        {"rejects_record_without_details", m_cd_no_details, "details",
         "required", crime_envelope},
        {"rejects_crime_details_without_mo", m_cd_no_mo, "details.mo",
         "required", crime_envelope},
        {"rejects_crime_details_without_place_type", m_cd_no_place_type,
         "details.place_type", "residence", crime_envelope},
        {"rejects_unknown_place_type", m_cd_place_type_99, "details.place_type",
         "99", crime_envelope},
        {"rejects_other_place_without_description", m_cd_other_undescribed,
         "details.place_description", "other", crime_envelope},
        {"rejects_place_description_over_500_chars", m_cd_place_description_501,
         "details.place_description", "500", crime_envelope},
        {"rejects_motive_over_1000_chars", m_cd_motive_1001, "details.motive",
         "1000", crime_envelope},
        {"rejects_more_than_200_properties", m_cd_201_properties,
         "details.properties", "at most 200", crime_envelope},
        {"rejects_scene_description_over_16_kib", m_cd_scene_16k,
         "details.scene_description", "16384 bytes", crime_envelope},
        {"rejects_physical_evidence_over_16_kib", m_cd_evidence_16k,
         "details.physical_evidence", "16384 bytes", crime_envelope},
        {"rejects_more_than_50_victims", m_cd_51_victims, "details.victims",
         "at most 50", crime_envelope},
        {"rejects_panchnama_at_not_a_time", m_cd_panchnama_bad,
         "details.panchnama_at", TIME_HINT, crime_envelope},
        {"rejects_three_panch_witnesses", m_cd_3_panch,
         "details.panch_witnesses", "at most 2", crime_envelope},
        {"rejects_panchnama_with_one_witness", m_cd_1_panch,
         "details.panch_witnesses", "exactly 2", crime_envelope},
        {"rejects_panch_witnesses_without_panchnama",
         m_cd_panch_without_panchnama, "details.panch_witnesses",
         "give panchnama_at", crime_envelope},
        {"rejects_panch_witness_without_name", m_cd_panch_no_name,
         "details.panch_witnesses[1].name", "required", crime_envelope},
        {"rejects_weapon_used_over_500_chars", m_cd_weapon_501,
         "details.weapon_used", "500", crime_envelope},
        {"rejects_vehicle_used_over_500_chars", m_cd_vehicle_501,
         "details.vehicle_used", "500", crime_envelope},
        {"rejects_crime_details_without_officer", m_cd_no_officer,
         "details.officer", "required", crime_envelope},
        {"rejects_place_shown_by_without_person", m_shown_no_person,
         "details.place_shown_by.person", "required", crime_envelope},
        {"rejects_place_shown_by_without_name", m_shown_no_name,
         "details.place_shown_by.person.name", "required", crime_envelope},
        {"rejects_place_shown_by_relation_over_100_chars", m_shown_relation_101,
         "details.place_shown_by.relation", "100", crime_envelope},
        {"rejects_mo_without_major_head", m_mo_no_major, "details.mo.major",
         "required", crime_envelope},
        {"rejects_mo_major_head_in_words", m_mo_major_words, "details.mo.major",
         "head code", crime_envelope},
        {"rejects_mo_without_minor_head", m_mo_no_minor, "details.mo.minor",
         "required", crime_envelope},
        {"rejects_mo_minor_head_with_digits", m_mo_minor_digits,
         "details.mo.minor", "general", crime_envelope},
        {"rejects_more_than_3_methods", m_mo_4_methods, "details.mo.methods",
         "at most 3", crime_envelope},
        {"rejects_more_than_3_special_features", m_mo_4_features,
         "details.mo.special_features", "at most 3", crime_envelope},
        {"rejects_conveyance_over_300_chars", m_mo_conveyance_301,
         "details.mo.conveyance_used", "300", crime_envelope},
        {"rejects_character_assumed_over_300_chars", m_mo_character_301,
         "details.mo.character_assumed", "300", crime_envelope},
        {"rejects_language_or_slang_over_300_chars", m_mo_language_301,
         "details.mo.language_or_slang", "300", crime_envelope},
        {"rejects_victim_without_person", m_victim_no_person,
         "details.victims[0].person", "required", crime_envelope},
        {"rejects_victim_without_name", m_victim_no_name,
         "details.victims[0].person.name", "victim", crime_envelope},
        {"rejects_victim_religion_over_100_chars", m_victim_religion_101,
         "details.victims[0].religion", "100", crime_envelope},
        {"rejects_injury_details_over_1000_chars", m_victim_injury_details_1001,
         "details.victims[0].injury_details", "1000", crime_envelope},
        {"rejects_unknown_sc_st_value", m_victim_sc_st_7,
         "details.victims[0].sc_st", "none, sc, st", crime_envelope},
        {"rejects_unknown_injury_value", m_victim_injury_9,
         "details.victims[0].injury", "none, simple, grievous, fatal",
         crime_envelope},
        {"rejects_get_crime_details_without_fir_number", m_get_cd_no_fir_number,
         "fir_number", "required", get_crime_envelope},
        {"rejects_get_crime_details_fir_number_without_year",
         m_get_cd_fir_number_bad, "fir_number", FIR_HINT, get_crime_envelope},
};

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(valid_requests_of_every_persons_kind_pass),
	        cmocka_unit_test(update_with_one_detail_passes),
	        cmocka_unit_test(jpeg_photos_and_the_size_limits_pass),
	        cmocka_unit_test(minimal_crime_details_pass),
	};
	return run_envelope_tests("envelope_persons", fixed, ARRAY_LEN(fixed),
	                          broken_rows, ARRAY_LEN(broken_rows));
}

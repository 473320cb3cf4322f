/* form_tables.c: what makes a form read like the paper one, as tables
 * keyed by (message, field): labels and help, the code fields looked up on
 * the server (with what a pick also fills in), fields never asked, the
 * enum values a station may choose, times that may lie in the future, and
 * proposed values. A field in no table still works: its name is made
 * readable and its value is typed. A new record type adds rows here. */
#include "form_int.h"

#include <string.h>

#include "timefmt.h"
#include "util.h"

#define D(x) &cctns__v1__##x##__descriptor

/* ------------------------------------------------------------ labels */

static const form_label labels[] = {
        /* FirContent (IIF-I) */
        {D(fir_content), "occurred_from", "Occurrence from", NULL,
         "When the offence began (IIF-I item 3): date and time, India "
         "Standard Time."},
        {D(fir_content), "occurred_to", "Occurrence to", NULL,
         "When it ended; the same as the start for a single moment."},
        {D(fir_content), "information_received_at",
         "Information received at the station", NULL,
         "When the information reached the police station."},
        {D(fir_content), "information_type", "Type of information", NULL, NULL},
        {D(fir_content), "place", "Place of occurrence", NULL, NULL},
        {D(fir_content), "charges", "Acts and sections", "charge",
         "Each act and section the facts disclose. An offence before 1 "
         "July 2024 is charged under IPC, from that day under BNS."},
        {D(fir_content), "complainant", "Complainant / informant", NULL, NULL},
        {D(fir_content), "accused", "Accused", "accused",
         "Known, suspected and unknown accused, one at a time."},
        {D(fir_content), "brief_facts", "First information (the facts)", NULL,
         "The information as given by the informant, in full."},
        {D(fir_content), "properties", "Properties stolen or involved",
         "property", NULL},
        {D(fir_content), "delay_reason", "Reason for delay in reporting", NULL,
         NULL},
        {D(fir_content), "officer", "Officer recording the FIR", NULL, NULL},
        /* Place, Address */
        {D(place), "address", "Address", NULL, NULL},
        {D(place), "distance_m", "Distance from the police station (metres)",
         NULL, NULL},
        {D(place), "direction", "Direction from the police station", NULL,
         NULL},
        {D(place), "beat", "Beat", NULL, "Beat number or name."},
        {D(address), "line1", "Address line 1", NULL, NULL},
        {D(address), "line2", "Address line 2", NULL, NULL},
        {D(address), "city", "Village, town or city", NULL, NULL},
        {D(address), "district_code", "District", NULL,
         "The LGD district code, or words of the district's name to "
         "search (the districts of this station's state)."},
        {D(address), "state_code", "State", NULL,
         "The LGD state code, or words of the state's name to search."},
        {D(address), "pincode", "PIN code", NULL, NULL},
        /* Charge */
        {D(charge), "act", "Act", NULL,
         "ipc for an offence before 1 July 2024, bns from then on, "
         "special_local for a special or local law."},
        {D(charge), "section", "Section", NULL,
         "The section as written in the act, with its sub-section: "
         "303(2), 498A. Type words of its title to search."},
        {D(charge), "law", "Special or local law", NULL,
         "Only for act special_local: its short name (NDPS, Arms, ...) "
         "or words of its title to search."},
        /* Person */
        {D(person), "relative_kind", "Relation given", NULL,
         "Whose name follows: father, husband, mother or guardian."},
        {D(person), "relative_name", "Father's / husband's name", NULL, NULL},
        {D(person), "year_of_birth", "Year of birth", NULL,
         "When the date of birth is not known."},
        /* Accused */
        {D(accused), "kind", "Known, suspected or unknown", NULL, NULL},
        {D(accused), "person", "Person", NULL,
         "Required for a known or suspected accused."},
        {D(accused), "description", "Description", NULL,
         "For an unknown accused: what was seen (height, clothes, "
         "vehicle, ...)."},
        {D(accused), "count", "How many persons", NULL,
         "For unknown accused: how many; Enter for one."},
        /* Property */
        {D(property), "kind", "Kind", NULL,
         "mobile_phone, cash, jewellery, vehicle, document, ..."},
        {D(property), "value_rupees", "Value (rupees)", NULL, NULL},
        /* Officer */
        {D(officer), "number", "Belt / service number", NULL, NULL},
        {D(officer), "rank", "Rank", NULL, "SI, Inspector, HC, Constable, ..."},
        /* AddGdEntry */
        {D(add_gd_entry), "kind", "Kind of entry", NULL,
         "The server writes the FIR, arrest and other record entries "
         "itself; a station writes these."},
        {D(add_gd_entry), "text", "Entry", NULL, NULL},
        {D(add_gd_entry), "officer", "Officer making the entry", NULL, NULL},
        {D(add_gd_entry), "corrects_date", "Day of the entry corrected", NULL,
         "A correction only."},
        {D(add_gd_entry), "corrects_number", "Number of the entry corrected",
         NULL, "A correction only."},
        /* ArrestMemo (IIF-III) */
        {D(arrest_memo), "person", "Arrested person", NULL, NULL},
        {D(arrest_memo), "aliases", "Aliases", "alias", NULL},
        {D(arrest_memo), "caste_tribe", "Caste or tribe", NULL, NULL},
        {D(arrest_memo), "arrested_at", "Arrested (or surrendered) at", NULL,
         NULL},
        {D(arrest_memo), "place", "Place of arrest, or court surrendered to",
         NULL, NULL},
        {D(arrest_memo), "court_surrender", "Surrendered in court", NULL, NULL},
        {D(arrest_memo), "medical_examination", "Medical examination", NULL,
         "Where, when and by whom."},
        {D(arrest_memo), "articles_found", "Articles found on personal search",
         NULL, NULL},
        {D(arrest_memo), "relative_informed", "Relative or friend informed",
         NULL, "Name and relation of the person told of the arrest."},
        {D(arrest_memo), "designated_officer_informed_at",
         "Designated officer informed at", NULL, "BNSS section 37."},
        {D(arrest_memo), "officer", "Arresting officer", NULL, NULL},
        {D(identity_document), "kind", "Document", NULL,
         "voter_id, driving_licence, passport, aadhaar_masked, pan, ..."},
        {D(identity_document), "number", "Number", NULL,
         "Never a full Aadhaar number: for aadhaar_masked the last 4 "
         "digits only."},
        {D(descriptive_roll), "height_cm", "Height (cm)", NULL, NULL},
        {D(descriptive_roll), "languages", "Languages", "language", NULL},
};

const form_label *form_label_for(const ProtobufCMessageDescriptor *msg,
                                 const char *field)
{
	for (size_t i = 0; i < ARRAY_LEN(labels); i++)
		if (labels[i].msg == msg && strcmp(labels[i].field, field) == 0)
			return &labels[i];
	return NULL;
}

/* ------------------------------------------------------------ code fields */

/* A string field of a message by name, or "". */
static const char *string_field(const ProtobufCMessage *m, const char *name)
{
	const ProtobufCFieldDescriptor *f =
	        m ? protobuf_c_message_descriptor_get_field_by_name(
	                    m->descriptor, name)
	          : NULL;
	const char *s;

	if (!f || f->type != PROTOBUF_C_TYPE_STRING ||
	    f->label == PROTOBUF_C_LABEL_REPEATED)
		return "";
	s = *(const char *const *)((const char *)m + f->offset);
	return s ? s : "";
}

/* The offence date: the document's occurred_from, when it has one. */
static int offence_date(const ProtobufCMessage *root, char *day, size_t n)
{
	const char *from = string_field(root, "occurred_from");

	if (!rfc3339_valid(from))
		return 0;
	snprintf(day, n, "%.10s", from);
	return 1;
}

/* A charge's section: in its act; IPC or BNS by the offence date when the
 * act is not chosen; no lookup for a special or local law. */
static int charge_section(const ProtobufCMessage *root,
                          const ProtobufCMessage *m, Cctns__V1__LookupRef *q)
{
	const Cctns__V1__Charge *c = (const Cctns__V1__Charge *)m;
	static char day[16];

	if (c->act == CCTNS__V1__ACT__ACT_SPECIAL_LOCAL)
		return 0;
	q->act = c->act;
	if (!c->act && offence_date(root, day, sizeof(day)))
		q->on_date = day;
	return 1;
}

/* A charge's law is looked up only for a special or local law. */
static int charge_law(const ProtobufCMessage *root, const ProtobufCMessage *m,
                      Cctns__V1__LookupRef *q)
{
	(void)root;
	(void)q;
	return ((const Cctns__V1__Charge *)m)->act ==
	       CCTNS__V1__ACT__ACT_SPECIAL_LOCAL;
}

/* An address's district: in its state when that is given. */
static int address_district(const ProtobufCMessage *root,
                            const ProtobufCMessage *m, Cctns__V1__LookupRef *q)
{
	(void)root;
	q->state_code = ((const Cctns__V1__Address *)m)->state_code;
	return 1;
}

#define K(x) CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_##x

static const form_code codes[] = {
        {D(charge), "section", K(SECTION), "act", 0, charge_section},
        {D(charge), "law", K(SPECIAL_LAW), NULL, 0, charge_law},
        {D(address), "district_code", K(DISTRICT), "state_code", 0,
         address_district},
        {D(address), "state_code", K(STATE), NULL, 0, NULL},
};

const form_code *form_code_for(const ProtobufCMessageDescriptor *msg,
                               const char *field)
{
	for (size_t i = 0; i < ARRAY_LEN(codes); i++)
		if (codes[i].msg == msg && strcmp(codes[i].field, field) == 0)
			return &codes[i];
	return NULL;
}

/* ------------------------------------------------------------ others */

typedef struct field_key {
	const ProtobufCMessageDescriptor *msg;
	const char *field;
} field_key;

static int in_keys(const field_key *keys, size_t n,
                   const ProtobufCMessageDescriptor *msg, const char *field)
{
	for (size_t i = 0; i < n; i++)
		if (keys[i].msg == msg && strcmp(keys[i].field, field) == 0)
			return 1;
	return 0;
}

/* Linking an existing person by number comes with the persons commands. */
static const field_key hidden[] = {
        {D(person), "person_id"},
};

int form_hidden(const ProtobufCMessageDescriptor *msg, const char *field)
{
	return in_keys(hidden, ARRAY_LEN(hidden), msg, field);
}

/* Times a record states ahead (a court date, ...): none yet. */
static const field_key future_ok[] = {
        {NULL, ""},
};

int form_future_ok(const ProtobufCMessageDescriptor *msg, const char *field)
{
	return in_keys(future_ok, ARRAY_LEN(future_ok), msg, field);
}

static const char *const gd_station_kinds[] = {"general", "departure",
                                               "arrival", "correction", NULL};

static const struct {
	field_key key;
	const char *const *values;
} allowed[] = {
        {{D(add_gd_entry), "kind"}, gd_station_kinds},
};

const char *const *form_allowed(const ProtobufCMessageDescriptor *msg,
                                const char *field)
{
	for (size_t i = 0; i < ARRAY_LEN(allowed); i++)
		if (allowed[i].key.msg == msg &&
		    strcmp(allowed[i].key.field, field) == 0)
			return allowed[i].values;
	return NULL;
}

/* The act a charge is under: IPC before 1 July 2024, else BNS. */
static int default_act(const ProtobufCMessage *root, char *buf, size_t bufsz)
{
	char day[16];

	if (!offence_date(root, day, sizeof(day)))
		return 0;
	snprintf(buf, bufsz, "%s",
	         strcmp(day, "2024-07-01") < 0 ? "ipc" : "bns");
	return 1;
}

static int default_indian(const ProtobufCMessage *root, char *buf, size_t bufsz)
{
	(void)root;
	snprintf(buf, bufsz, "Indian");
	return 1;
}

static const struct {
	field_key key;
	int (*fn)(const ProtobufCMessage *root, char *buf, size_t bufsz);
} defaults[] = {
        {{D(charge), "act"}, default_act},
        {{D(person), "nationality"}, default_indian},
};

int form_default(const ProtobufCMessage *root, const ProtobufCMessage *m,
                 const char *field, char *buf, size_t bufsz)
{
	for (size_t i = 0; i < ARRAY_LEN(defaults); i++)
		if (defaults[i].key.msg == m->descriptor &&
		    strcmp(defaults[i].key.field, field) == 0)
			return defaults[i].fn(root, buf, bufsz);
	return 0;
}

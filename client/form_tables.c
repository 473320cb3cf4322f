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
        /* forms2: the registers and a case's later papers */
        /* Petition, and the steps of its enquiry */
        {D(petition), "received_at", "Received at the station", NULL,
         "When the petition reached the station."},
        {D(petition), "mode", "How received", NULL, NULL},
        {D(petition), "respondents", "Respondents (against whom)", "respondent",
         NULL},
        {D(petition), "subject", "Subject", NULL, "One line."},
        {D(petition), "text", "The petition", NULL,
         "What the petitioner wrote or said, in full."},
        {D(petition), "officer", "Officer receiving it", NULL, NULL},
        {D(petition), "reference", "Reference", NULL,
         "The forwarding letter or court order, when the petition came "
         "through one."},
        {D(assign_enquiry), "enquiry_officer", "Enquiry officer", NULL, NULL},
        {D(assign_enquiry), "acting", "Assigned by (the SHO)", NULL, NULL},
        {D(petition_enquiry_report), "reported_at", "Reported at", NULL,
         "Not before the enquiry was assigned."},
        {D(petition_enquiry_report), "officer", "Enquiry officer reporting",
         NULL, "The petition's enquiry officer."},
        {D(petition_disposal), "kind", "Disposal", NULL,
         "closed (with a reason), converted_to_fir (the FIR's number) or "
         "transferred (the competent station)."},
        {D(petition_disposal), "reason", "Reason or remarks", NULL,
         "Required when the petition is closed."},
        {D(petition_disposal), "fir_number", "FIR registered", NULL,
         "converted_to_fir only: the FIR of this station, like 42/2026."},
        {D(petition_disposal), "transfer_district_code",
         "District transferred to", NULL,
         "transferred only: the district of the competent station, by LGD "
         "code or words of its name."},
        {D(petition_disposal), "transfer_station_code",
         "Police station transferred to", NULL,
         "transferred only: the competent station, by code or words of "
         "its name (in the district above, else this station's)."},
        {D(petition_disposal), "officer", "Officer disposing (the SHO)", NULL,
         NULL},
        /* Ncr */
        {D(ncr), "occurred_at", "Occurred at", NULL, NULL},
        {D(ncr), "reported_at", "Reported at the station", NULL,
         "Not before the occurrence."},
        {D(ncr), "place", "Place of occurrence", NULL, NULL},
        {D(ncr), "informant", "Informant", NULL, NULL},
        {D(ncr), "opposite_party", "Opposite party", NULL, NULL},
        {D(ncr), "sections", "Sections of law", "section of law",
         "Each act and section: IPC for an offence before 1 July 2024, "
         "BNS from that day."},
        {D(ncr), "brief_facts", "Substance of the information", NULL, NULL},
        {D(ncr), "advice_given", "Informant referred to the Magistrate", NULL,
         "BNSS s.174: a non-cognizable case is investigated only on a "
         "Magistrate's order; the informant is told so. Must be yes."},
        {D(ncr), "officer", "Officer recording it", NULL, NULL},
        /* LostReport */
        {D(lost_report), "reporter", "Reporter (the owner)", NULL, NULL},
        {D(lost_report), "lost_from", "Lost at (or from)", NULL,
         "When it was lost, or the start of the time it may have been "
         "lost in."},
        {D(lost_report), "lost_to", "Lost up to", NULL,
         "The end of that time; Enter when it was lost at one moment."},
        {D(lost_report), "place", "Place where lost", NULL, NULL},
        {D(lost_report), "items", "Property lost", "item", NULL},
        {D(lost_report), "circumstances", "How it was lost", NULL, NULL},
        {D(lost_report), "officer", "Officer recording it", NULL, NULL},
        {D(lost_item), "identifier", "Identifier", NULL,
         "IMEI, document or serial number. For an Aadhaar card only its "
         "last 4 digits."},
        {D(lost_item), "value_rupees", "Value (rupees)", NULL, NULL},
        /* SeizureMemo (IIF-IV) */
        {D(seizure_memo), "nature", "Nature of the property", NULL, NULL},
        {D(seizure_memo), "seized_at", "Seized at", NULL,
         "Not before the FIR was registered."},
        {D(seizure_memo), "place", "Place of seizure", NULL,
         "Where, in words."},
        {D(seizure_memo), "place_address", "Address of the place", NULL, NULL},
        {D(seizure_memo), "seized_from", "Person seized from", NULL,
         "The person the property was taken from; none for unclaimed "
         "property."},
        {D(seizure_memo), "professional_receiver",
         "Seized from a professional receiver of stolen property", NULL, NULL},
        {D(seizure_memo), "accused_code", "Accused code", NULL,
         "When seized from an arrested accused of this FIR: the code of "
         "the arrest memo, like A1."},
        {D(seizure_memo), "witnesses", "Witnesses (panch)", "witness",
         "Two independent witnesses of the search and seizure."},
        {D(seizure_memo), "items", "Property seized", "item", NULL},
        {D(seizure_memo), "seal", "Seal used", NULL,
         "The seal put on the packets."},
        {D(seizure_memo), "officer", "Seizing officer", NULL, NULL},
        {D(seized_item), "kind", "Kind", NULL,
         "mobile_phone, cash, jewellery, vehicle, firearm, narcotics, ..."},
        {D(seized_item), "unit", "Unit", NULL,
         "piece, kg, litre, ...; Enter for pieces."},
        {D(seized_item), "value_rupees", "Value (rupees)", NULL,
         "Estimated value."},
        {D(seized_item), "identifiers", "Identifiers", NULL,
         "IMEI, serial, engine, chassis or arms licence numbers."},
        {D(seized_item), "perishable_handling",
         "What was done with it (perishable)", NULL,
         "Required for a perishable item."},
        {D(seized_item), "packet_no", "Packet number", NULL,
         "The sealed packet it is in, like P-1."},
        {D(seized_item), "seal_description", "Seal on the packet", NULL, NULL},
        /* MoveProperty */
        {D(move_property), "movement", "Movement", NULL, NULL},
        {D(move_property), "at", "Moved at", NULL,
         "Not before the seizure nor the movement before."},
        {D(move_property), "to_whom", "To whom", NULL,
         "Who takes it or returns it: \"CJM Agra\", \"FSL Agra\", the "
         "owner's name."},
        {D(move_property), "reference", "Order or letter number", NULL,
         "The court order or FSL letter; required to release or dispose "
         "of property."},
        {D(move_property), "officer", "Officer handing it over", NULL, NULL},
        /* FinalReport (IIF-V) */
        {D(final_report), "kind", "Type of final report", NULL, NULL},
        {D(final_report), "supplementary", "Supplementary report", NULL,
         "Yes for a report after further investigation; no for the "
         "original."},
        {D(final_report), "filed_at", "Filed in court at", NULL, NULL},
        {D(final_report), "charged", "Accused charge-sheeted",
         "accused charge-sheeted", "For a charge-sheet: at least one."},
        {D(final_report), "not_charged", "Accused not charge-sheeted",
         "accused not charge-sheeted", NULL},
        {D(final_report), "brief_facts",
         "Brief facts and result of investigation", NULL, NULL},
        {D(final_report), "officer", "Investigating officer", NULL,
         "Who files it: the case's investigating officer."},
        {D(charged_accused), "accused_code", "Accused code", NULL,
         "The code of the accused's arrest memo in this FIR (A1, ...); "
         "Enter for an accused never arrested, then give the person."},
        {D(charged_accused), "person", "Person (never arrested)", NULL, NULL},
        {D(charged_accused), "sections", "Acts and sections", "charge", NULL},
        {D(charged_accused), "arrested_on", "Arrested (or surrendered) on",
         NULL, NULL},
        {D(charged_accused), "bailed_on", "Released on bail on", NULL, NULL},
        {D(charged_accused), "forwarded_on", "Forwarded to court on", NULL,
         NULL},
        {D(charged_accused), "status", "Status of the accused", NULL, NULL},
        {D(not_charged_accused), "accused_code", "Accused code", NULL,
         "A1, ...; Enter for an accused never arrested, then give the "
         "person."},
        {D(not_charged_accused), "person", "Person (never arrested)", NULL,
         NULL},
        {D(not_charged_accused), "reason", "Reason not charge-sheeted", NULL,
         NULL},
        {D(report_witness), "kind", "Kind of witness", NULL, NULL},
        {D(report_property), "malkhana_number", "Malkhana number", NULL,
         "Its entry in the property store, like 12/2026, if any."},
        {D(report_property), "disposal", "Disposal proposed", NULL,
         "e.g. to be returned to the owner on superdari."},
        /* CourtDisposal (IIF-VI), Appeal and its result (IIF-VII) */
        {D(court_disposal), "kind", "Disposal", NULL, NULL},
        {D(court_disposal), "judgement_date", "Date of judgement", NULL, NULL},
        {D(court_disposal), "case_number_in_court", "Case number in court",
         NULL, "e.g. ST 123/2027."},
        {D(court_disposal), "prosecutor", "Public prosecutor", NULL, NULL},
        {D(court_disposal), "accused", "Accused", "accused",
         "Each accused tried, with the result."},
        {D(court_disposal), "officer", "Officer recording it", NULL,
         "The court pairvi officer or the investigating officer."},
        {D(accused_disposal), "accused_code", "Accused code", NULL,
         "A1, ...; Enter for an accused without a code, then give the "
         "person."},
        {D(accused_disposal), "person", "Person (without a code)", NULL, NULL},
        {D(accused_disposal), "result", "Result of trial", NULL, NULL},
        {D(accused_disposal), "sections_convicted", "Sections convicted under",
         "charge", "Convicted only: at least one."},
        {D(accused_disposal), "punishment", "Punishment", NULL,
         "Convicted only."},
        {D(accused_disposal), "period_months", "Period (months)", NULL,
         "Of imprisonment: 1200 at most."},
        {D(accused_disposal), "fine_rupees", "Fine (rupees)", NULL, NULL},
        {D(appeal), "court", "Appellate court", NULL, NULL},
        {D(appeal), "filed_on", "Filed on", NULL, "Not before the judgement."},
        {D(appeal), "accused_codes", "Accused appealed for (by code)",
         "accused code", NULL},
        {D(appeal), "accused_names", "Accused without a code (by name)",
         "accused name", "By the name given in the court disposal."},
        {D(appeal), "officer", "Officer recording it", NULL, NULL},
        {D(appeal_result), "court", "Appellate court", NULL, NULL},
        {D(appeal_result), "decided_on", "Decided on", NULL,
         "Not before the appeal was filed."},
        {D(appeal_result), "results", "Result for each accused", "accused",
         "One for each accused of the appeal."},
        {D(appeal_result), "officer", "Officer recording it", NULL, NULL},
        {D(accused_appeal_result), "result", "Result of appeal", NULL, NULL},
        {D(accused_appeal_result), "new_punishment", "New punishment", NULL,
         "Convicted on appeal or sentence modified only."},
        {D(accused_appeal_result), "period_months", "Period (months)", NULL,
         "Of imprisonment: 1200 at most."},
        {D(accused_appeal_result), "fine_rupees", "Fine (rupees)", NULL, NULL},
        /* MissingPersonReport, its tracing */
        {D(missing_person_report), "person", "Missing person", NULL, NULL},
        {D(missing_person_report), "age_years", "Age (years)", NULL,
         "Only when neither the date nor the year of birth is known."},
        {D(missing_person_report), "missing_since", "Missing since", NULL,
         "When last seen."},
        {D(missing_person_report), "last_seen_place", "Place last seen", NULL,
         NULL},
        {D(missing_person_report), "clothing", "Clothing", NULL,
         "What they wore."},
        {D(missing_person_report), "reported_at", "Reported at the station",
         NULL, NULL},
        {D(missing_person_report), "relation_to_missing",
         "Informant's relation to the missing person", NULL,
         "mother, employer, ..."},
        {D(missing_person_report), "fir_number", "FIR number", NULL,
         "The FIR of this station registered for it, like 42/2026; "
         "required for a child."},
        {D(missing_person_report), "officer", "Officer recording it", NULL,
         NULL},
        {D(mark_missing_traced), "traced_at", "Traced at", NULL, NULL},
        {D(mark_missing_traced), "how", "How traced", NULL, NULL},
        {D(mark_missing_traced), "place", "Place found", NULL, NULL},
        {D(mark_missing_traced), "officer", "Officer recording it", NULL, NULL},
        /* UnnaturalDeathReport, a body's identification */
        {D(unnatural_death_report), "kind", "Kind", NULL,
         "unidentified_body: nobody has named the dead person yet; "
         "unnatural_death: a known person's."},
        {D(unnatural_death_report), "found_at", "Found (or reported) at", NULL,
         NULL},
        {D(unnatural_death_report), "place", "Place where found", NULL, NULL},
        {D(unnatural_death_report), "deceased", "The deceased", NULL,
         "For an unidentified body only what is seen (gender); for an "
         "unnatural death the person, name required."},
        {D(unnatural_death_report), "apparent_age_from",
         "Apparent age from (years)", NULL, NULL},
        {D(unnatural_death_report), "apparent_age_to",
         "Apparent age to (years)", NULL, NULL},
        {D(unnatural_death_report), "height_cm", "Height (cm)", NULL, NULL},
        {D(unnatural_death_report), "articles_found",
         "Articles found on or near the body", NULL, NULL},
        {D(unnatural_death_report), "inquest_at", "Inquest held at", NULL,
         "Not before the body was found."},
        {D(unnatural_death_report), "inquest_officer",
         "Inquest by a police officer", NULL, NULL},
        {D(unnatural_death_report), "inquest_magistrate",
         "Inquest by a magistrate (name and office)", NULL, NULL},
        {D(unnatural_death_report), "post_mortem", "Post-mortem", NULL, NULL},
        {D(unnatural_death_report), "fir_number", "FIR number", NULL,
         "An FIR of this station it belongs to, if any."},
        {D(unnatural_death_report), "officer", "Officer recording it", NULL,
         NULL},
        {D(post_mortem), "date", "Date of post-mortem", NULL, NULL},
        {D(identify_body), "deceased", "Deceased (who it was)", NULL, NULL},
        {D(identify_body), "identified_by", "Identified by", NULL, NULL},
        {D(identify_body), "identified_at", "Identified at", NULL,
         "When the body was identified."},
        {D(identify_body), "officer", "Officer recording it", NULL, NULL},
        /* VehicleReport */
        {D(vehicle_report), "kind", "Kind of report", NULL, NULL},
        {D(vehicle_report), "registration_number", "Registration number", NULL,
         "As on the plate or papers: UP80AB1234, UP 80 AB 1234."},
        {D(vehicle_report), "model_year", "Model year", NULL, NULL},
        {D(vehicle_report), "at", "Stolen, recovered or found at", NULL, NULL},
        {D(vehicle_report), "place", "Place stolen, recovered or found", NULL,
         NULL},
        {D(vehicle_report), "owner", "Registered owner", NULL, NULL},
        {D(vehicle_report), "fir_number", "FIR number", NULL,
         "The FIR of this station (the theft FIR for a stolen vehicle), "
         "if any."},
        {D(vehicle_report), "officer", "Officer recording it", NULL, NULL},
        /* AssignIo */
        {D(assign_io), "io", "Investigating officer", NULL, NULL},
        {D(assign_io), "acting", "Assigned by (the SHO)", NULL, NULL},
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

/* The offence date: the document's occurred_from (an FIR) or occurred_at
 * (an NCR), when it has one. */
static int offence_date(const ProtobufCMessage *root, char *day, size_t n)
{
	const char *from = string_field(root, "occurred_from");

	if (!*from)
		from = string_field(root, "occurred_at");

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

/* forms2: a petition's transfer: the station in the district chosen above
 * it (0: this station's district), in this station's state. */
static int transfer_station(const ProtobufCMessage *root,
                            const ProtobufCMessage *m, Cctns__V1__LookupRef *q)
{
	(void)root;
	q->district_code = ((const Cctns__V1__PetitionDisposal *)m)
	                           ->transfer_district_code;
	return 1;
}

/* A station named by its codes (a zero FIR's receiving station, the
 * station whose limits a place is in): looked up in the district (and
 * state) chosen above it. */
static int station_code_station(const ProtobufCMessage *root,
                                const ProtobufCMessage *m,
                                Cctns__V1__LookupRef *q)
{
	const Cctns__V1__StationCode *c = (const Cctns__V1__StationCode *)m;

	(void)root;
	q->state_code = c->state_code;
	q->district_code = c->district_code;
	return 1;
}

static int station_ref_station(const ProtobufCMessage *root,
                               const ProtobufCMessage *m,
                               Cctns__V1__LookupRef *q)
{
	const Cctns__V1__StationRef *r = (const Cctns__V1__StationRef *)m;

	(void)root;
	q->state_code = r->state_code;
	q->district_code = r->district_code;
	return 1;
}

/* A district of the state given above it in the same message. */
static int station_code_district(const ProtobufCMessage *root,
                                 const ProtobufCMessage *m,
                                 Cctns__V1__LookupRef *q)
{
	(void)root;
	q->state_code = ((const Cctns__V1__StationCode *)m)->state_code;
	return 1;
}

static int station_ref_district(const ProtobufCMessage *root,
                                const ProtobufCMessage *m,
                                Cctns__V1__LookupRef *q)
{
	(void)root;
	q->state_code = ((const Cctns__V1__StationRef *)m)->state_code;
	return 1;
}

#define K(x) CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_##x

static const form_code codes[] = {
        {D(charge), "section", K(SECTION), "act", 0, charge_section},
        {D(charge), "law", K(SPECIAL_LAW), NULL, 0, charge_law},
        {D(address), "district_code", K(DISTRICT), "state_code", 0,
         address_district},
        {D(address), "state_code", K(STATE), NULL, 0, NULL},
        /* forms2 */
        {D(petition_disposal), "transfer_district_code", K(DISTRICT), NULL, 0,
         NULL},
        {D(petition_disposal), "transfer_station_code", K(STATION),
         "transfer_district_code", 0, transfer_station},
        /* MO heads: the major head picked with its minor head */
        {D(modus_operandi), "major", K(MO_HEAD), "minor", 1, NULL},
        /* stations named by codes: a transfer's "to", an FIR's outside
         * station */
        {D(station_code), "state_code", K(STATE), NULL, 0, NULL},
        {D(station_code), "district_code", K(DISTRICT), "state_code", 0,
         station_code_district},
        {D(station_code), "station_code", K(STATION), "district_code", 0,
         station_code_station},
        {D(station_ref), "state_code", K(STATE), NULL, 0, NULL},
        {D(station_ref), "district_code", K(DISTRICT), "state_code", 0,
         station_ref_district},
        {D(station_ref), "station_code", K(STATION), "district_code", 0,
         station_ref_station},
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

/* Times a record states ahead: none. Every time and date of the records
 * with a form is of something that has happened (a seizure, a judgement,
 * an appeal filed or decided, a movement of property), and the server
 * refuses it in the future. */
static const field_key future_ok[] = {
        {NULL, ""},
};

int form_future_ok(const ProtobufCMessageDescriptor *msg, const char *field)
{
	return in_keys(future_ok, ARRAY_LEN(future_ok), msg, field);
}

static const char *const gd_station_kinds[] = {"general", "departure",
                                               "arrival", "correction", NULL};

/* forms2: the deposit is made by the seizure memo, never as a movement. */
static const char *const movements[] = {"to_court",
                                        "to_forensic_lab",
                                        "returned_to_store",
                                        "released_to_owner",
                                        "disposed",
                                        "transferred_to_station",
                                        NULL};

static const struct {
	field_key key;
	const char *const *values;
} allowed[] = {
        {{D(add_gd_entry), "kind"}, gd_station_kinds},
        {{D(move_property), "movement"}, movements},
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

/* forms2: an NCR's informant is always referred to the Magistrate. */
static int default_yes(const ProtobufCMessage *root, char *buf, size_t bufsz)
{
	(void)root;
	snprintf(buf, bufsz, "yes");
	return 1;
}

static const struct {
	field_key key;
	int (*fn)(const ProtobufCMessage *root, char *buf, size_t bufsz);
} defaults[] = {
        {{D(charge), "act"}, default_act},
        {{D(person), "nationality"}, default_indian},
        {{D(ncr), "advice_given"}, default_yes},
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

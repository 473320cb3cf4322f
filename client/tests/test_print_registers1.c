/* test_print_registers1.c: the printouts of the petition, NCR and lost
 * property registers as a station writer reads them: every section in the
 * order of the register, the steps of a petition, the answers to writes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "print_lost.h"
#include "print_ncr.h"
#include "print_petition.h"

static char *buf;
static size_t len;

static FILE *begin(void)
{
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	return f;
}

/* Every string of want occurs in the printout, in this order. */
static void end_expect(FILE *f, const char *const *want, size_t n)
{
	const char *at;

	fclose(f);
	at = buf;
	for (size_t i = 0; i < n; i++) {
		const char *hit = strstr(at, want[i]);

		if (!hit)
			fail_msg("missing or out of order: \"%s\" in\n%s",
			         want[i], buf);
		at = hit + strlen(want[i]);
	}
	free(buf);
}

#define EXPECT(f, want) end_expect(f, want, sizeof(want) / sizeof(want[0]))

static Cctns__V1__Officer hc = {
        PROTOBUF_C_MESSAGE_INIT(&cctns__v1__officer__descriptor), "UP-31007",
        "Harish Chandra", "HC"};
static Cctns__V1__Officer si = {
        PROTOBUF_C_MESSAGE_INIT(&cctns__v1__officer__descriptor), "UP-15432",
        "Ravi Kumar Sharma", "SI"};

static void words_read_as_the_registers_write_them(void **state)
{
	(void)state;
	assert_string_equal(word_petition_mode(5),
	                    "Forwarded by a higher officer");
	assert_string_equal(word_petition_status(3), "Enquiry reported");
	assert_string_equal(word_petition_event(2), "Received by transfer");
	assert_string_equal(word_recommendation(2), "Register an FIR");
	assert_string_equal(word_lost_item(2), "Mobile phone");
	assert_string_equal(word_lost_item(0), "not stated");
	assert_string_equal(word_petition_status(9), "unrecognised");
}

static void petition_page_has_every_section_and_the_history(void **state)
{
	Cctns__V1__Person pet = CCTNS__V1__PERSON__INIT,
	                  resp = CCTNS__V1__PERSON__INIT, *resps[] = {&resp};
	Cctns__V1__Petition p = CCTNS__V1__PETITION__INIT;
	Cctns__V1__PetitionReceipt rc = CCTNS__V1__PETITION_RECEIPT__INIT;
	Cctns__V1__PetitionEnquiryReport rep =
	        CCTNS__V1__PETITION_ENQUIRY_REPORT__INIT;
	Cctns__V1__PetitionDisposal d = CCTNS__V1__PETITION_DISPOSAL__INIT;
	Cctns__V1__Identity st = CCTNS__V1__IDENTITY__INIT;
	Cctns__V1__PetitionLink to = CCTNS__V1__PETITION_LINK__INIT;
	Cctns__V1__PetitionEvent e1 = CCTNS__V1__PETITION_EVENT__INIT,
	                         e2 = CCTNS__V1__PETITION_EVENT__INIT,
	                         *events[] = {&e1, &e2};
	Cctns__V1__PetitionRecord r = CCTNS__V1__PETITION_RECORD__INIT;
	const char *want[] = {
	        "PETITION / COMPLAINT REGISTER",
	        "1. Acknowledgement",
	        "   Petition No.             0001/2026\n",
	        "   Received at              27/11/2026 09:40 IST\n",
	        "   How received             By post\n",
	        "   General Diary reference  GD entry 1 of 29/11/2026\n",
	        "   Received by              HC Harish Chandra (UP-31007)\n",
	        "2. Petitioner",
	        "   Name                     Ramesh Chandra Agarwal\n",
	        "3. Against whom (respondents)",
	        "   (1)\n       Name                 Suresh Gupta\n",
	        "4. Subject\n   Wall broken\n",
	        "5. The petition\n   He broke the wall.\n",
	        "6. Enquiry",
	        "   Status                   Disposed\n",
	        "   Enquiry officer          SI Ravi Kumar Sharma (UP-15432)\n",
	        "7. Enquiry report",
	        "   Recommendation           Transfer to another station\n",
	        "   Findings                 Civil dispute.\n",
	        "8. Disposal",
	        "   Disposal                 Transferred to another station\n",
	        "   Transferred to           Aligarh Civil Lines (district "
	        "Aligarh)\n",
	        "   Petition No. there       0002/2026\n",
	        "   General Diary reference  GD entry 4 of 29/11/2026\n",
	        "9. History",
	        "When (IST)        Step                  GD   Officer\n",
	        "27/11/2026 09:40  Received              1    HC Harish "
	        "Chandra (UP-31007)\n",
	        "                  Petition 0001/2026 received by post\n",
	        "29/11/2026 12:00  Disposed              4    SI Ravi Kumar "
	        "Sharma (UP-15432)\n",
	};
	FILE *f;

	(void)state;
	pet.name = "Ramesh Chandra Agarwal";
	resp.name = "Suresh Gupta";
	p.received_at = "2026-11-27T09:40:00+05:30";
	p.mode = CCTNS__V1__PETITION_MODE__PETITION_MODE_BY_POST;
	p.petitioner = &pet;
	p.n_respondents = 1;
	p.respondents = resps;
	p.subject = "Wall broken";
	p.text = "He broke the wall.";
	p.officer = &hc;
	rc.petition_number = "0001/2026";
	rc.registered_at = "2026-11-29T10:00:00+05:30";
	rc.gd_date = "2026-11-29";
	rc.gd_number = 1;
	rep.reported_at = "2026-11-29T11:00:00+05:30";
	rep.findings = "Civil dispute.";
	rep.recommendation =
	        CCTNS__V1__ENQUIRY_RECOMMENDATION__ENQUIRY_RECOMMENDATION_TRANSFER;
	rep.officer = &si;
	d.kind =
	        CCTNS__V1__PETITION_DISPOSAL_KIND__PETITION_DISPOSAL_KIND_TRANSFERRED;
	d.officer = &si;
	st.station_name = "Aligarh Civil Lines";
	st.district_name = "Aligarh";
	to.station = &st;
	to.petition_number = "0002/2026";
	e1.at = "2026-11-27T09:40:00+05:30";
	e1.kind = CCTNS__V1__PETITION_EVENT_KIND__PETITION_EVENT_KIND_RECEIVED;
	e1.officer = &hc;
	e1.summary = "Petition 0001/2026 received by post";
	e1.gd_number = 1;
	e2.at = "2026-11-29T12:00:00+05:30";
	e2.kind = CCTNS__V1__PETITION_EVENT_KIND__PETITION_EVENT_KIND_DISPOSED;
	e2.officer = &si;
	e2.gd_number = 4;
	r.receipt = &rc;
	r.petition = &p;
	r.status = CCTNS__V1__PETITION_STATUS__PETITION_STATUS_DISPOSED;
	r.enquiry_officer = &si;
	r.report = &rep;
	r.disposal = &d;
	r.disposed_at = "2026-11-29T12:00:00+05:30";
	r.disposal_gd_date = "2026-11-29";
	r.disposal_gd_number = 4;
	r.transferred_to = &to;
	r.n_history = 2;
	r.history = events;
	f = begin();
	print_petition(f, &r);
	EXPECT(f, want);
}

static void a_new_petition_says_what_is_still_to_come(void **state)
{
	Cctns__V1__PetitionRecord r = CCTNS__V1__PETITION_RECORD__INIT;
	const char *want[] = {"   none named\n",
	                      "   Status                   not stated\n",
	                      "   Enquiry officer          none assigned\n",
	                      "not yet reported\n",
	                      "not yet disposed of\n",
	                      "9. History\n   none\n"};
	FILE *f;

	(void)state;
	f = begin();
	print_petition(f, &r);
	EXPECT(f, want);
}

static void step_answer_says_the_new_status_and_the_step(void **state)
{
	Cctns__V1__PetitionReceipt rc = CCTNS__V1__PETITION_RECEIPT__INIT;
	Cctns__V1__PetitionEvent e = CCTNS__V1__PETITION_EVENT__INIT,
	                         *events[] = {&e};
	Cctns__V1__PetitionRecord r = CCTNS__V1__PETITION_RECORD__INIT;
	const char *want[] = {
	        ("Petition 0001/2026 is now Disposed (already recorded earlier "
	         "with this key)\n"),
	        "Petition 0001/2026 disposed: closed\n",
	        "General Diary: GD entry 3 of 29/11/2026\n",
	        "idempotency key: 00ff\n"};
	FILE *f;

	(void)state;
	rc.petition_number = "0001/2026";
	e.summary = "Petition 0001/2026 disposed: closed";
	e.gd_date = "2026-11-29";
	e.gd_number = 3;
	r.receipt = &rc;
	r.status = CCTNS__V1__PETITION_STATUS__PETITION_STATUS_DISPOSED;
	r.n_history = 1;
	r.history = events;
	r.replayed = 1;
	f = begin();
	print_petition_step(f, &r, "00ff");
	EXPECT(f, want);
}

static void petition_receipt_gives_the_acknowledgement(void **state)
{
	Cctns__V1__PetitionReceipt rc = CCTNS__V1__PETITION_RECEIPT__INIT;
	const char *want[] = {
	        ("Petition 0007/2026 registered on 29/11/2026 10:00 IST "
	         "(received 27/11/2026 09:40 IST)\n"),
	        "Acknowledgement number: 0007/2026\n",
	        "General Diary: GD entry 2 of 29/11/2026\n",
	        "idempotency key: abcd\n"};
	FILE *f;

	(void)state;
	rc.petition_number = "0007/2026";
	rc.registered_at = "2026-11-29T10:00:00+05:30";
	rc.received_at = "2026-11-27T09:40:00+05:30";
	rc.gd_date = "2026-11-29";
	rc.gd_number = 2;
	f = begin();
	print_petition_receipt(f, &rc, "abcd");
	EXPECT(f, want);
}

static void ncr_reads_like_the_register(void **state)
{
	Cctns__V1__Charge c1 = CCTNS__V1__CHARGE__INIT, *charges[] = {&c1};
	Cctns__V1__Person inf = CCTNS__V1__PERSON__INIT,
	                  opp = CCTNS__V1__PERSON__INIT, *opps[] = {&opp};
	Cctns__V1__Place pl = CCTNS__V1__PLACE__INIT;
	Cctns__V1__Ncr n = CCTNS__V1__NCR__INIT;
	Cctns__V1__NcrReceipt rc = CCTNS__V1__NCR_RECEIPT__INIT;
	Cctns__V1__NcrRecord r = CCTNS__V1__NCR_RECORD__INIT;
	const char *want[] = {
	        "NON-COGNIZABLE REPORT",
	        "   NCR No.                  0001/2026\n",
	        "2. Acts and sections (non-cognizable)\n   BNS 352\n",
	        "   Occurred at              28/11/2026 20:15 IST\n",
	        "   Distance and direction   1.5 km North-west of the police "
	        "station\n",
	        "5. Informant\n   Name                     Sunita Devi\n",
	        "6. Opposite party\n   (1)\n       Name                 "
	        "Rakesh Yadav\n",
	        "7. Substance of the information\n   Abused.\n",
	        "8. Action taken\n   The substance of the information was "
	        "entered"};
	FILE *f;

	(void)state;
	c1.act = CCTNS__V1__ACT__ACT_BNS;
	c1.section = "352";
	inf.name = "Sunita Devi";
	opp.name = "Rakesh Yadav";
	pl.distance_m = 1500;
	pl.direction = CCTNS__V1__DIRECTION__DIRECTION_NW;
	n.occurred_at = "2026-11-28T20:15:00+05:30";
	n.place = &pl;
	n.informant = &inf;
	n.n_opposite_party = 1;
	n.opposite_party = opps;
	n.n_sections = 1;
	n.sections = charges;
	n.brief_facts = "Abused.";
	n.advice_given = 1;
	rc.ncr_number = "0001/2026";
	r.receipt = &rc;
	r.ncr = &n;
	f = begin();
	print_ncr(f, &r);
	EXPECT(f, want);
}

static void lost_report_lists_items_identifiers_and_total(void **state)
{
	Cctns__V1__LostItem i1 = CCTNS__V1__LOST_ITEM__INIT,
	                    i2 = CCTNS__V1__LOST_ITEM__INIT,
	                    *items[] = {&i1, &i2};
	Cctns__V1__Person owner = CCTNS__V1__PERSON__INIT;
	Cctns__V1__LostReport l = CCTNS__V1__LOST_REPORT__INIT;
	Cctns__V1__LostReportRecord r = CCTNS__V1__LOST_REPORT_RECORD__INIT;
	const char *want[] = {
	        "LOST PROPERTY REPORT",
	        "2. Reporter (owner)\n   Name                     Pooja "
	        "Sharma\n",
	        "3. When lost\n   At                       28/11/2026 16:00 "
	        "IST\n",
	        "5. Property lost\n",
	        "   (1) Mobile phone         Rs. 17,999\n",
	        "       IMEI                 356938035643809\n",
	        "   (2) Document             value not stated\n",
	        "       Document number      4821\n",
	        "   Total value              Rs. 17,999\n",
	        "6. How it was lost\n   not stated\n"};
	FILE *f;

	(void)state;
	i1.kind = CCTNS__V1__LOST_ITEM_KIND__LOST_ITEM_KIND_MOBILE_PHONE;
	i1.identifier = "356938035643809";
	i1.value_rupees = 17999;
	i2.kind = CCTNS__V1__LOST_ITEM_KIND__LOST_ITEM_KIND_DOCUMENT;
	i2.identifier = "4821";
	owner.name = "Pooja Sharma";
	l.reporter = &owner;
	l.lost_from = "2026-11-28T16:00:00+05:30";
	l.n_items = 2;
	l.items = items;
	r.report = &l;
	f = begin();
	print_lost_report(f, &r);
	EXPECT(f, want);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
	        cmocka_unit_test(words_read_as_the_registers_write_them),
	        cmocka_unit_test(
	                petition_page_has_every_section_and_the_history),
	        cmocka_unit_test(a_new_petition_says_what_is_still_to_come),
	        cmocka_unit_test(step_answer_says_the_new_status_and_the_step),
	        cmocka_unit_test(petition_receipt_gives_the_acknowledgement),
	        cmocka_unit_test(ncr_reads_like_the_register),
	        cmocka_unit_test(lost_report_lists_items_identifiers_and_total),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_print_fir.c: the complete FIR printout (every IIF-I item, in the
 * order and numbering of the paper form), the answers of a zero FIR
 * transfer and of an e-FIR signature, and the list of pending e-FIRs, as a
 * station writer reads them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "print_test.h"

#include "print_fir.h"

/* What fn wrote for arg, as a string (caller frees). */
#define CAPTURE(out, call)                                                     \
	do {                                                                   \
		size_t len_ = 0;                                               \
		FILE *f = open_memstream(&(out), &len_);                       \
		assert_non_null(f);                                            \
		call;                                                          \
		fclose(f);                                                     \
	} while (0)

/* A complete IIF-I: every item of the form has a value. The messages live
 * in the fixture; fir points into it. */
typedef struct fixture {
	Cctns__V1__Identity st, to_st;
	Cctns__V1__FirReceipt r;
	Cctns__V1__FirContent c;
	Cctns__V1__Charge ch, *chs[1];
	Cctns__V1__Place pl;
	Cctns__V1__Address addr;
	Cctns__V1__Person comp, inf, acc_p;
	Cctns__V1__Passport pass;
	Cctns__V1__StationRef outside;
	Cctns__V1__Accused acc, *accs[1];
	Cctns__V1__Property p1, p2, *props[2];
	Cctns__V1__ActionTaken action;
	Cctns__V1__Officer officer, sho;
	Cctns__V1__FirTransferLink link;
	Cctns__V1__Fir fir;
} fixture;

static void fixture_identity(Cctns__V1__Identity *st)
{
	cctns__v1__identity__init(st);
	st->state_code = 9;
	st->state_name = "Uttar Pradesh";
	st->district_code = 118;
	st->district_name = "Agra";
	st->station_code = 1001;
	st->station_name = "Agra Kotwali";
}

static void fixture_persons(fixture *x)
{
	cctns__v1__address__init(&x->addr);
	x->addr.line1 = "House No. 14/212, Gali Barah Bhai";
	x->addr.city = "Agra";
	x->addr.pincode = "282001";
	cctns__v1__person__init(&x->comp);
	x->comp.name = "Ramesh Chandra Agarwal";
	x->comp.relative_kind = CCTNS__V1__RELATIVE_KIND__RELATIVE_KIND_FATHER;
	x->comp.relative_name = "Shyam Sundar Agarwal";
	x->comp.year_of_birth = 1979;
	x->comp.nationality = "Indian";
	x->comp.occupation = "Cloth merchant";
	x->comp.address = &x->addr;
	x->comp.person_id = 77;
	cctns__v1__passport__init(&x->pass);
	x->pass.number = "K1234567";
	x->pass.date_of_issue = "2019-04-02";
	x->pass.place_of_issue = "Lucknow";
	cctns__v1__person__init(&x->inf);
	x->inf.name = "Suresh Agarwal";
	x->inf.person_id = 78;
	cctns__v1__person__init(&x->acc_p);
	x->acc_p.name = "Kallu";
	cctns__v1__accused__init(&x->acc);
	x->acc.kind = CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_SUSPECTED;
	x->acc.person = &x->acc_p;
	x->accs[0] = &x->acc;
}

static void fixture_content(fixture *x)
{
	Cctns__V1__FirContent *c = &x->c;

	cctns__v1__fir_content__init(c);
	cctns__v1__charge__init(&x->ch);
	x->ch.act = CCTNS__V1__ACT__ACT_BNS;
	x->ch.section = "303(2)";
	x->chs[0] = &x->ch;
	c->n_charges = 1;
	c->charges = x->chs;
	c->occurred_from = "2026-11-26T19:30:00+05:30";
	c->occurred_to = "2026-11-26T22:15:00+05:30";
	c->information_received_at = "2026-11-27T09:40:00+05:30";
	c->information_type =
	        CCTNS__V1__INFORMATION_TYPE__INFORMATION_TYPE_ELECTRONIC;
	c->e_fir = 1;
	c->zero_fir = 1;
	cctns__v1__place__init(&x->pl);
	x->pl.distance_m = 800;
	x->pl.direction = CCTNS__V1__DIRECTION__DIRECTION_NE;
	x->pl.beat = "Beat 3";
	c->place = &x->pl;
	cctns__v1__station_ref__init(&x->outside);
	x->outside.state_code = 9;
	x->outside.district_code = 119;
	x->outside.station_code = 2001;
	x->outside.station_name = "Civil Lines";
	x->outside.district_name = "Aligarh";
	c->outside_station = &x->outside;
	fixture_persons(x);
	c->complainant = &x->comp;
	c->complainant_passport = &x->pass;
	c->informant = &x->inf;
	c->n_accused = 1;
	c->accused = x->accs;
	c->delay_reason = "Discovered at night.";
	cctns__v1__property__init(&x->p1);
	cctns__v1__property__init(&x->p2);
	x->p1.kind = "mobile_phone";
	x->p1.value_rupees = 24999;
	x->p2.kind = "cash";
	x->p2.value_rupees = 35000;
	x->props[0] = &x->p1;
	x->props[1] = &x->p2;
	c->n_properties = 2;
	c->properties = x->props;
	c->total_value_rupees = 59999;
	c->inquest_number = "UD 12/2026";
	c->brief_facts = "The padlock was broken.";
	cctns__v1__action_taken__init(&x->action);
	x->action.action =
	        CCTNS__V1__FIR_ACTION__FIR_ACTION_REFUSED_INVESTIGATION;
	x->action.reason = "the matter is of a civil nature";
	c->action_taken = &x->action;
	cctns__v1__officer__init(&x->officer);
	x->officer.number = "UP-09876";
	x->officer.name = "Anil Kumar Tyagi";
	x->officer.rank = "Inspector";
	c->officer = &x->officer;
	c->dispatched_to_court_at = "2026-11-27T18:00:00+05:30";
}

static void fixture_make(fixture *x)
{
	fixture_identity(&x->st);
	cctns__v1__fir_receipt__init(&x->r);
	x->r.fir_number = "0001/2026";
	x->r.year = 2026;
	x->r.station = &x->st;
	x->r.registered_at = "2026-11-27T10:05:00+05:30";
	x->r.gd_date = "2026-11-27";
	x->r.gd_number = 4;
	x->r.gd_entered_at = "2026-11-27T10:05:00+05:30";
	fixture_content(x);
	fixture_identity(&x->to_st);
	x->to_st.district_code = 119;
	x->to_st.district_name = "Aligarh";
	x->to_st.station_code = 2001;
	x->to_st.station_name = "Aligarh Civil Lines";
	cctns__v1__officer__init(&x->sho);
	x->sho.number = "UP-00001";
	x->sho.name = "Test SHO";
	x->sho.rank = "Inspector";
	cctns__v1__fir_transfer_link__init(&x->link);
	x->link.station = &x->to_st;
	x->link.fir_number = "0007/2026";
	x->link.at = "2026-11-28T12:00:00+05:30";
	x->link.reason = "the place is in Aligarh";
	x->link.officer = &x->sho;
	cctns__v1__fir__init(&x->fir);
	x->fir.receipt = &x->r;
	x->fir.content = &x->c;
	x->fir.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_TRANSFERRED;
	x->fir.transferred_to = &x->link;
	x->fir.efir_sign_by = "2026-11-30T10:05:00+05:30";
}

static void complete_fir_prints_every_iif1_item_in_form_order(void **state)
{
	fixture x;
	char *out = NULL;
	const char *want[] = {
	        "FIRST INFORMATION REPORT",
	        "1. District, police station, year, FIR number, date",
	        "   District                 Agra (118)",
	        "   Police Station           Agra Kotwali (1001)",
	        "   FIR No.                  0001/2026",
	        "2. Acts and sections",
	        "   BNS 303(2)",
	        "3. Occurrence of offence",
	        "   (a) Day                  Thursday",
	        "       From                 26/11/2026 19:30 IST",
	        "   (b) Information received 27/11/2026 09:40 IST",
	        "   (c) General Diary entry  GD entry 4 of 27/11/2026 at 10:05 "
	        "IST",
	        "4. Type of information",
	        "   Type                     Electronic",
	        "   e-FIR                    Yes",
	        "   Zero FIR                 Yes",
	        "5. Place of occurrence",
	        "   (a) Distance, direction  800 m North-east of the police "
	        "station",
	        "       Beat                 Beat 3",
	        "   (b) Address",
	        "   (c) Outside: P.S.        Civil Lines (station 2001), "
	        "district Aligarh\n"
	        "                            (119), state 9",
	        "6. Complainant / informant",
	        "   Name                     Ramesh Chandra Agarwal",
	        "   Father's name            Shyam Sundar Agarwal",
	        "   Year of birth            1979",
	        "   Nationality              Indian",
	        "   Passport No.             K1234567",
	        "       Date of issue        02/04/2019",
	        "       Place of issue       Lucknow",
	        "   Occupation               Cloth merchant",
	        "   Address                  House No. 14/212, Gali Barah Bhai",
	        "   Persons register No.     77",
	        "   Informant (another person than the complainant)",
	        "       Name                 Suresh Agarwal",
	        "       Persons register No. 78",
	        "7. Details of known / suspected / unknown accused",
	        "   (1) Suspected",
	        "       Name                 Kallu",
	        "8. Reasons for delay in reporting",
	        "   Discovered at night.",
	        "9. Particulars of properties stolen / involved",
	        "   (1) Mobile phone         Rs. 24,999",
	        "   (2) Cash                 Rs. 35,000",
	        "10. Total value of properties stolen / involved",
	        "   Total value              Rs. 59,999",
	        "11. Inquest report / U.D. case No., if any",
	        "   UD 12/2026",
	        "12. First information contents",
	        "   The padlock was broken.",
	        "13. Action taken",
	        "   Refused investigation due to: the matter is of a civil "
	        "nature",
	        "   F.I.R. read over to the complainant / informant",
	        "       Name                 Anil Kumar Tyagi",
	        "       Rank                 Inspector",
	        "       Number               UP-09876",
	        "14. Signature / thumb impression of the complainant / "
	        "informant",
	        "   e-FIR not signed yet: the informant must sign by "
	        "30/11/2026 "
	        "10:05 IST",
	        "15. Date and time of dispatch to the court",
	        "   27/11/2026 18:00 IST",
	        "The case",
	        "   Status                   Transferred",
	        "   Transferred to           Aligarh Civil Lines (9:119:2001), "
	        "FIR 0007/2026",
	        "       Reason               the place is in Aligarh",
	        "       By                   Inspector Test SHO (UP-00001)",
	};

	(void)state;
	fixture_make(&x);
	CAPTURE(out, print_fir(f, &x.fir));
	ASSERT_IN_ORDER(out, want);
	free(out);
}

static void action_taken_and_signature_read_as_the_form_says(void **state)
{
	fixture x;
	char *out = NULL;
	const char *want[] = {
	        "   Transferred to police station Civil Lines (station 2001), "
	        "district Aligarh\n"
	        "   (119), state 9 on point of jurisdiction.",
	        "   e-FIR signed by the informant on 28/11/2026 11:00 IST",
	        "   not dispatched yet",
	        ("   Received by transfer from Agra Kotwali (9:118:1001), FIR "
	         "0001/2026"),
	};

	(void)state;
	fixture_make(&x);
	x.action.action =
	        CCTNS__V1__FIR_ACTION__FIR_ACTION_TRANSFERRED_TO_STATION;
	x.action.reason = "";
	x.action.to_station = &x.outside;
	x.fir.efir_signed_at = "2026-11-28T11:00:00+05:30";
	x.c.dispatched_to_court_at = "";
	x.link.station = &x.st;
	x.link.fir_number = "0001/2026";
	x.fir.transferred_to = NULL;
	x.fir.transferred_from = &x.link;
	x.fir.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_REGISTERED;
	CAPTURE(out, print_fir(f, &x.fir));
	ASSERT_IN_ORDER(out, want);
	assert_null(strstr(out, "   Transferred to           "));
	free(out);
}

static void total_value_is_the_sum_when_the_answer_has_none(void **state)
{
	fixture x;
	char *out = NULL;

	(void)state;
	fixture_make(&x);
	x.c.total_value_rupees = 0;
	x.c.informant = NULL;
	x.c.outside_station = NULL;
	CAPTURE(out, print_fir(f, &x.fir));
	assert_non_null(strstr(out, "Total value              Rs. 59,999"));
	assert_non_null(strstr(out, "   Informant                the "
	                            "complainant\n"));
	assert_non_null(strstr(out, "no: within this police station's "
	                            "limits"));
	free(out);
}

static void transfer_receipt_names_both_stations_and_diaries(void **state)
{
	Cctns__V1__Identity to;
	Cctns__V1__FirTransferReceipt r = CCTNS__V1__FIR_TRANSFER_RECEIPT__INIT;
	char *out = NULL;

	(void)state;
	fixture_identity(&to);
	to.district_code = 119;
	to.station_code = 2001;
	to.station_name = "Aligarh Civil Lines";
	r.fir_number = "0003/2026";
	r.to = &to;
	r.new_fir_number = "0007/2026";
	r.transferred_at = "2026-11-29T12:40:00+05:30";
	r.gd_date = "2026-11-29";
	r.gd_number = 5;
	r.to_gd_date = "2026-11-29";
	r.to_gd_number = 2;
	CAPTURE(out, print_transfer_receipt(f, &r, "00ff"));
	assert_string_equal(out,
	                    "FIR 0003/2026 transferred to Aligarh Civil Lines "
	                    "(9:119:2001) on 29/11/2026 12:40 IST\n"
	                    "Registered there as FIR 0007/2026\n"
	                    "General Diary here: GD entry 5 of 29/11/2026\n"
	                    "General Diary there: GD entry 2 of 29/11/2026\n"
	                    "idempotency key: 00ff\n");
	free(out);
}

static void transfer_receipt_to_another_state_says_export(void **state)
{
	Cctns__V1__FirTransferReceipt r = CCTNS__V1__FIR_TRANSFER_RECEIPT__INIT;
	char *out = NULL;

	(void)state;
	r.fir_number = "0004/2026";
	r.exported = 1;
	r.replayed = 1;
	r.transferred_at = "2026-11-29T12:40:00+05:30";
	CAPTURE(out, print_transfer_receipt(f, &r, "00ff"));
	assert_non_null(strstr(out, "(already transferred earlier with this "
	                            "key)"));
	assert_non_null(strstr(out, "cctns fir export 0004/2026 --out FILE"));
	free(out);
}

static void efir_receipt_and_pending_list(void **state)
{
	Cctns__V1__EfirSignReceipt r = CCTNS__V1__EFIR_SIGN_RECEIPT__INIT;
	Cctns__V1__PendingEfir a = CCTNS__V1__PENDING_EFIR__INIT,
	                       b = CCTNS__V1__PENDING_EFIR__INIT,
	                       *items[] = {&a, &b};
	Cctns__V1__PendingEfirs p = CCTNS__V1__PENDING_EFIRS__INIT;
	char *out = NULL;

	(void)state;
	r.fir_number = "0004/2026";
	r.signed_at = "2026-11-29T11:00:00+05:30";
	r.sign_by = "2026-11-30T10:05:00+05:30";
	r.gd_date = "2026-11-29";
	r.gd_number = 9;
	CAPTURE(out, print_efir_sign_receipt(f, &r, "00ff"));
	assert_string_equal(out, "e-FIR 0004/2026 signed by the informant on "
	                         "29/11/2026 11:00 IST (deadline 30/11/2026 "
	                         "10:05 IST)\n"
	                         "General Diary: GD entry 9 of 29/11/2026\n"
	                         "idempotency key: 00ff\n");
	free(out);

	CAPTURE(out, print_pending_efirs(f, &p));
	assert_string_equal(out, "No e-FIR is waiting for its informant's "
	                         "signature.\n");
	free(out);

	a.fir_number = "0002/2026";
	a.registered_at = "2026-11-20T10:00:00+05:30";
	a.sign_by = "2026-11-23T10:00:00+05:30";
	a.overdue = 1;
	b.fir_number = "0004/2026";
	b.registered_at = "2026-11-27T10:05:00+05:30";
	b.sign_by = "2026-11-30T10:05:00+05:30";
	p.n_items = 2;
	p.items = items;
	CAPTURE(out, print_pending_efirs(f, &p));
	assert_string_equal(out,
	                    "FIR No.      Registered        Sign by           "
	                    "(times are IST)\n"
	                    "0002/2026    20/11/2026 10:00  23/11/2026 10:00  "
	                    "OVERDUE: lapsed unsigned\n"
	                    "0004/2026    27/11/2026 10:05  30/11/2026 10:05  "
	                    "waiting\n");
	free(out);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
	        cmocka_unit_test(
	                complete_fir_prints_every_iif1_item_in_form_order),
	        cmocka_unit_test(
	                action_taken_and_signature_read_as_the_form_says),
	        cmocka_unit_test(
	                total_value_is_the_sum_when_the_answer_has_none),
	        cmocka_unit_test(
	                transfer_receipt_names_both_stations_and_diaries),
	        cmocka_unit_test(transfer_receipt_to_another_state_says_export),
	        cmocka_unit_test(efir_receipt_and_pending_list),
	};
	return cmocka_run_group_tests_name("print_fir", tests, NULL, NULL);
}

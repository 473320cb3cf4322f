/* test_print_court.c: the court family's printouts as a station writer
 * would read them: the final report (IIF-V) with every section in order,
 * the court record (IIF-VI and VII), the receipts, and the words and
 * terms they use. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "print_test.h"

#include "print_case.h"
#include "print_court.h"
#include "printout.h"

static Cctns__V1__Officer io = CCTNS__V1__OFFICER__INIT;

static int setup(void **state)
{
	(void)state;
	io.number = "UP-15432";
	io.name = "Ravi Kumar Sharma";
	io.rank = "SI";
	return 0;
}

static void words_and_terms_read_as_the_forms_write_them(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(word_final_report_kind(1), "Charge-sheet");
	assert_string_equal(word_final_report_kind(2),
	                    "Not charge-sheeted for want of evidence");
	assert_string_equal(word_final_report_kind(10),
	                    "Final report: unoccurred, civil nature");
	assert_string_equal(word_final_report_kind(11), "unrecognised");
	assert_string_equal(word_disposal_kind(7), "Partly convicted");
	assert_string_equal(word_punishment(4), "Rigorous imprisonment");
	assert_string_equal(word_appeal_outcome(0), "not stated");
	assert_string_equal(word_appellant(1), "The State");
	assert_string_equal(fmt_months(24, buf, sizeof(buf)), "2 years");
	assert_string_equal(fmt_months(18, buf, sizeof(buf)),
	                    "1 year 6 months");
	assert_string_equal(fmt_months(13, buf, sizeof(buf)), "1 year 1 month");
	assert_string_equal(fmt_months(1, buf, sizeof(buf)), "1 month");
	/* The timeline and the diary name the new events and entries. */
	assert_string_equal(word_case_event(13), "Final report");
	assert_string_equal(word_case_event(14), "Court disposal");
	assert_string_equal(word_case_event(15), "Appeal filed");
	assert_string_equal(word_case_event(16), "Appeal decided");
	assert_string_equal(word_gd_kind(17), "Final report");
	assert_string_equal(word_gd_kind(18), "Court");
}

static void final_report_has_every_iif5_section_in_order(void **state)
{
	Cctns__V1__FinalReportRecord rec = CCTNS__V1__FINAL_REPORT_RECORD__INIT;
	Cctns__V1__FinalReportReceipt rc =
	        CCTNS__V1__FINAL_REPORT_RECEIPT__INIT;
	Cctns__V1__FinalReport f = CCTNS__V1__FINAL_REPORT__INIT;
	Cctns__V1__ChargedAccused a1 = CCTNS__V1__CHARGED_ACCUSED__INIT;
	Cctns__V1__ChargedAccused a2 = CCTNS__V1__CHARGED_ACCUSED__INIT;
	Cctns__V1__ChargedAccused *charged[] = {&a1, &a2};
	Cctns__V1__Person mohan = CCTNS__V1__PERSON__INIT;
	Cctns__V1__Person raju = CCTNS__V1__PERSON__INIT;
	Cctns__V1__Person ramesh = CCTNS__V1__PERSON__INIT;
	Cctns__V1__NotChargedAccused nc = CCTNS__V1__NOT_CHARGED_ACCUSED__INIT;
	Cctns__V1__NotChargedAccused *not_charged[] = {&nc};
	Cctns__V1__ReportWitness w = CCTNS__V1__REPORT_WITNESS__INIT;
	Cctns__V1__ReportWitness *witnesses[] = {&w};
	Cctns__V1__ReportProperty p = CCTNS__V1__REPORT_PROPERTY__INIT;
	Cctns__V1__ReportProperty *properties[] = {&p};
	Cctns__V1__Charge s1 = CCTNS__V1__CHARGE__INIT;
	Cctns__V1__Charge s2 = CCTNS__V1__CHARGE__INIT;
	Cctns__V1__Charge *sections[] = {&s1, &s2};
	capture_buf c;
	char *text;

	(void)state;
	rc.fir_number = "0001/2026";
	rc.report_no = 2;
	rc.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_CHARGE_SHEETED;
	rc.gd_date = "2026-11-29";
	rc.gd_number = 5;
	s1.act = CCTNS__V1__ACT__ACT_BNS;
	s1.section = "303(2)";
	s2.act = CCTNS__V1__ACT__ACT_BNS;
	s2.section = "331(4)";
	a1.accused_code = "A1";
	a1.n_sections = 2;
	a1.sections = sections;
	a1.arrested_on = "2026-11-29";
	a1.forwarded_on = "2026-11-30";
	a1.previous_convictions = "None known";
	a1.status =
	        CCTNS__V1__CHARGED_ACCUSED_STATUS__CHARGED_ACCUSED_STATUS_IN_CUSTODY;
	mohan.name = "Mohan Lal";
	mohan.relative_kind = CCTNS__V1__RELATIVE_KIND__RELATIVE_KIND_FATHER;
	mohan.relative_name = "Chhote Lal";
	mohan.person_id = 42;
	a2.person = &mohan;
	a2.n_sections = 1;
	a2.sections = sections;
	a2.status =
	        CCTNS__V1__CHARGED_ACCUSED_STATUS__CHARGED_ACCUSED_STATUS_ABSCONDING;
	raju.name = "Raju";
	nc.person = &raju;
	nc.reason = "No evidence that he was at the scene.";
	ramesh.name = "Ramesh Kumar";
	w.person = &ramesh;
	w.kind = CCTNS__V1__REPORT_WITNESS_KIND__REPORT_WITNESS_KIND_EYE;
	p.description = "Samsung Galaxy A54, black";
	p.malkhana_number = "M-17/2026";
	p.disposal = "To be returned to the owner on superdari";
	f.kind = CCTNS__V1__FINAL_REPORT_KIND__FINAL_REPORT_KIND_CHARGE_SHEET;
	f.supplementary = 1;
	f.filed_at = "2026-11-30T16:00:00+05:30";
	f.court = "Court of the Chief Judicial Magistrate, Agra";
	f.n_charged = 2;
	f.charged = charged;
	f.n_not_charged = 1;
	f.not_charged = not_charged;
	f.n_witnesses = 1;
	f.witnesses = witnesses;
	f.n_properties = 1;
	f.properties = properties;
	f.brief_facts = "A1 and Mohan Lal snatched the phone.";
	f.officer = &io;
	rec.receipt = &rc;
	rec.report = &f;
	rec.reports = 2;

	print_final_report(capture_begin(&c), &rec);
	text = capture_end(&c);
	{
		const char *const want[] = {
		        "FINAL REPORT: CHARGE-SHEET",
		        "(Integrated Investigation Form V",
		        "1. Case and report",
		        "0001/2026",
		        "2 of 2: supplementary",
		        "Court of the Chief Judicial Magistrate, Agra",
		        "30/11/2026 16:00 IST",
		        "Charge-sheeted",
		        "GD entry 5 of 29/11/2026",
		        "2. Type of final report",
		        "Charge-sheet",
		        "3. Investigating officer",
		        "SI Ravi Kumar Sharma (UP-15432)",
		        "4. Accused charge-sheeted",
		        "(1) Accused A1",
		        "BNS 303(2), BNS 331(4)",
		        "Arrested on",
		        "29/11/2026",
		        "Bailed on",
		        "not stated",
		        "Forwarded to court",
		        "30/11/2026",
		        "None known",
		        "In custody",
		        "(2) Mohan Lal (no accused code: never arrested)",
		        "Father's name",
		        "Chhote Lal",
		        "Person record No.",
		        "42",
		        "Absconding",
		        "5. Accused not charge-sheeted",
		        "(1) Raju",
		        "No evidence that he was at the scene.",
		        "6. Witnesses",
		        "(1) Eye-witness",
		        "Ramesh Kumar",
		        "7. Properties and their disposal",
		        "Samsung Galaxy A54, black",
		        "M-17/2026",
		        "superdari",
		        "8. Brief facts and result of investigation",
		        "snatched the phone",
		};
		ASSERT_IN_ORDER(text, want);
	}
	free(text);
}

static void empty_final_report_sections_say_none(void **state)
{
	Cctns__V1__FinalReportRecord rec = CCTNS__V1__FINAL_REPORT_RECORD__INIT;
	Cctns__V1__FinalReport f = CCTNS__V1__FINAL_REPORT__INIT;
	capture_buf c;
	char *text;

	(void)state;
	f.kind = CCTNS__V1__FINAL_REPORT_KIND__FINAL_REPORT_KIND_UNDETECTED;
	rec.report = &f;
	print_final_report(capture_begin(&c), &rec);
	text = capture_end(&c);
	{
		const char *const want[] = {
		        "FINAL REPORT\n",
		        "Final report: undetected",
		        "4. Accused charge-sheeted",
		        "none",
		        "5. Accused not charge-sheeted",
		        "none",
		        "6. Witnesses",
		        "none",
		        "7. Properties",
		        "none",
		        "8. Brief facts",
		        "not stated",
		};
		ASSERT_IN_ORDER(text, want);
	}
	free(text);
}

static void court_record_has_disposal_appeal_and_result(void **state)
{
	Cctns__V1__CourtRecord r = CCTNS__V1__COURT_RECORD__INIT;
	Cctns__V1__CourtDisposal d = CCTNS__V1__COURT_DISPOSAL__INIT;
	Cctns__V1__AccusedDisposal x1 = CCTNS__V1__ACCUSED_DISPOSAL__INIT;
	Cctns__V1__AccusedDisposal x2 = CCTNS__V1__ACCUSED_DISPOSAL__INIT;
	Cctns__V1__AccusedDisposal *acc[] = {&x1, &x2};
	Cctns__V1__Person mohan = CCTNS__V1__PERSON__INIT;
	Cctns__V1__Charge s1 = CCTNS__V1__CHARGE__INIT;
	Cctns__V1__Charge *secs[] = {&s1};
	Cctns__V1__CourtReceipt dr = CCTNS__V1__COURT_RECEIPT__INIT;
	Cctns__V1__Appeal ap = CCTNS__V1__APPEAL__INIT;
	char *codes[] = {"A1"};
	Cctns__V1__AppealResult ar = CCTNS__V1__APPEAL_RESULT__INIT;
	Cctns__V1__AccusedAppealResult y1 =
	        CCTNS__V1__ACCUSED_APPEAL_RESULT__INIT;
	Cctns__V1__AccusedAppealResult *res[] = {&y1};
	capture_buf c;
	char *text;

	(void)state;
	s1.act = CCTNS__V1__ACT__ACT_BNS;
	s1.section = "303(2)";
	x1.accused_code = "A1";
	x1.result = CCTNS__V1__TRIAL_RESULT__TRIAL_RESULT_CONVICTED;
	x1.n_sections_convicted = 1;
	x1.sections_convicted = secs;
	x1.punishment = CCTNS__V1__PUNISHMENT__PUNISHMENT_RIGOROUS_IMPRISONMENT;
	x1.period_months = 30;
	x1.fine_rupees = 5000;
	mohan.name = "Mohan Lal";
	x2.person = &mohan;
	x2.result = CCTNS__V1__TRIAL_RESULT__TRIAL_RESULT_ACQUITTED;
	d.kind =
	        CCTNS__V1__COURT_DISPOSAL_KIND__COURT_DISPOSAL_KIND_PARTLY_CONVICTED;
	d.judgement_date = "2026-12-15";
	d.court = "Court of the Chief Judicial Magistrate, Agra";
	d.case_number_in_court = "CR 1042/2026";
	d.prosecutor = "Shri K. P. Singh, APP";
	d.n_accused = 2;
	d.accused = acc;
	d.officer = &io;
	dr.gd_date = "2026-12-15";
	dr.gd_number = 7;
	dr.recorded_at = "2026-12-15T17:00:00+05:30";
	ap.court = "High Court of Judicature at Allahabad";
	ap.filed_on = "2027-01-10";
	ap.appellant = CCTNS__V1__APPELLANT__APPELLANT_ACCUSED;
	ap.n_accused_codes = 1;
	ap.accused_codes = codes;
	ap.officer = &io;
	y1.accused_code = "A1";
	y1.result = CCTNS__V1__APPEAL_OUTCOME__APPEAL_OUTCOME_SENTENCE_MODIFIED;
	y1.new_punishment =
	        CCTNS__V1__PUNISHMENT__PUNISHMENT_SIMPLE_IMPRISONMENT;
	y1.period_months = 12;
	ar.court = "High Court of Judicature at Allahabad";
	ar.decided_on = "2027-06-01";
	ar.n_results = 1;
	ar.results = res;
	ar.officer = &io;
	r.fir_number = "0001/2026";
	r.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_APPEAL_DECIDED;
	r.disposal = &d;
	r.disposal_receipt = &dr;
	r.appeal = &ap;
	r.appeal_result = &ar;

	print_court_record(capture_begin(&c), &r);
	text = capture_end(&c);
	{
		const char *const want[] = {
		        "COURT DISPOSAL AND RESULT OF APPEAL",
		        "1. Case",
		        "0001/2026",
		        "Appeal decided",
		        "2. Court disposal (IIF-VI)",
		        "CR 1042/2026",
		        "Shri K. P. Singh, APP",
		        "15/12/2026",
		        "Partly convicted",
		        "SI Ravi Kumar Sharma (UP-15432)",
		        "GD entry 7 of 15/12/2026",
		        "3. Accused: result, sections and sentence",
		        "(1) Accused A1",
		        "Convicted",
		        "BNS 303(2)",
		        "Rigorous imprisonment",
		        "2 years 6 months",
		        "Rs. 5,000",
		        "(2) Mohan Lal",
		        "Acquitted",
		        "4. Appeal (IIF-VII)",
		        "High Court of Judicature at Allahabad",
		        "10/01/2027",
		        "The accused",
		        "A1",
		        "5. Result of appeal (IIF-VII)",
		        "01/06/2027",
		        "(1) Accused A1",
		        "Sentence modified",
		        "New sentence",
		        "Simple imprisonment",
		        "1 year",
		};
		ASSERT_IN_ORDER(text, want);
	}
	assert_null(strstr(text, "Acquitted\n      Convicted under"));
	free(text);
}

static void court_record_without_appeal_says_so(void **state)
{
	Cctns__V1__CourtRecord r = CCTNS__V1__COURT_RECORD__INIT;
	capture_buf c;
	char *text;

	(void)state;
	r.fir_number = "0001/2026";
	print_court_record(capture_begin(&c), &r);
	text = capture_end(&c);
	{
		const char *const want[] = {"No court disposal recorded.",
		                            "No appeal recorded.",
		                            "No appeal."};
		ASSERT_IN_ORDER(text, want);
	}
	free(text);
}

static void receipts_name_the_report_status_diary_and_key(void **state)
{
	Cctns__V1__FinalReportReceipt fr =
	        CCTNS__V1__FINAL_REPORT_RECEIPT__INIT;
	Cctns__V1__CourtReceipt cr = CCTNS__V1__COURT_RECEIPT__INIT;
	capture_buf c;
	char *text;

	(void)state;
	fr.fir_number = "0001/2026";
	fr.report_no = 1;
	fr.filed_at = "2026-11-30T16:00:00+05:30";
	fr.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_FINAL_REPORT;
	fr.gd_date = "2026-11-30";
	fr.gd_number = 3;
	print_final_report_receipt(capture_begin(&c), &fr, "00ff");
	text = capture_end(&c);
	assert_string_equal(
	        text, "Final report 1 (original) recorded in FIR 0001/2026\n"
	              "Filed in court: 30/11/2026 16:00 IST\n"
	              "Case status: Final report\n"
	              "General Diary: GD entry 3 of 30/11/2026\n"
	              "idempotency key: 00ff\n");
	free(text);

	cr.fir_number = "0001/2026";
	cr.event = CCTNS__V1__CASE_EVENT_KIND__CASE_EVENT_KIND_APPEAL_FILED;
	cr.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_IN_APPEAL;
	cr.recorded_at = "2027-01-10T11:00:00+05:30";
	cr.replayed = 1;
	print_court_receipt(capture_begin(&c), &cr, "00ff");
	text = capture_end(&c);
	assert_string_equal(
	        text, "Appeal filed recorded in FIR 0001/2026 on 10/01/2027 "
	              "11:00 IST (already recorded earlier with this key)\n"
	              "Case status: In appeal\n"
	              "idempotency key: 00ff\n");
	free(text);
}

/* The timeline reads the court family's events as words, in their
 * column. */
static void timeline_names_final_report_and_court_events(void **state)
{
	Cctns__V1__CaseEvent e = CCTNS__V1__CASE_EVENT__INIT;
	capture_buf c;
	char *text;

	(void)state;
	e.at = "2026-11-30T16:00:00+05:30";
	e.kind = CCTNS__V1__CASE_EVENT_KIND__CASE_EVENT_KIND_COURT_DISPOSAL;
	e.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_COURT_DISPOSED;
	e.officer = &io;
	e.gd_date = "2026-11-30";
	e.gd_number = 6;
	print_case_event(capture_begin(&c), &e);
	text = capture_end(&c);
	assert_string_equal(text,
	                    "30/11/2026 16:00  Court disposal  Court disposed "
	                    "      6    SI Ravi Kumar Sharma (UP-15432)\n");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(words_and_terms_read_as_the_forms_write_them),
	        cmocka_unit_test(final_report_has_every_iif5_section_in_order),
	        cmocka_unit_test(empty_final_report_sections_say_none),
	        cmocka_unit_test(court_record_has_disposal_appeal_and_result),
	        cmocka_unit_test(court_record_without_appeal_says_so),
	        cmocka_unit_test(receipts_name_the_report_status_diary_and_key),
	        cmocka_unit_test(timeline_names_final_report_and_court_events),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}

/* test_print.c: the terminal's formatting helpers and printouts (the FIR,
 * the General Diary day, the case timeline, the arrest memo), as a station
 * writer would read them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "print_test.h"

#include "print_arrest.h"
#include "print_case.h"
#include "print_fir.h"
#include "print_gd.h"

/* A memory stream for a printout; printout_end closes it and returns what
 * was written (caller frees). */
typedef struct printout {
	FILE *f;
	char *buf;
	size_t len;
} printout;

static FILE *printout_begin(printout *p)
{
	p->buf = NULL;
	p->len = 0;
	p->f = open_memstream(&p->buf, &p->len);
	assert_non_null(p->f);
	return p->f;
}

static char *printout_end(printout *p)
{
	fclose(p->f);
	return p->buf;
}

/* Run fn into a memory stream and return what it wrote (caller frees). */
static char *capture_wrap(const char *text, size_t col, size_t indent,
                          size_t width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	wrap_text(f, text, col, indent, width);
	fclose(f);
	return buf;
}

static void times_read_as_indian_dates_with_zone(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(
	        fmt_time("2026-03-14T21:30:00+05:30", buf, sizeof(buf)),
	        "14/03/2026 21:30 IST");
	assert_string_equal(fmt_time("2026-03-14T16:00:00Z", buf, sizeof(buf)),
	                    "14/03/2026 16:00 UTC");
	assert_string_equal(
	        fmt_time("2026-03-14T16:00:00.123+04:00", buf, sizeof(buf)),
	        "14/03/2026 16:00 UTC+04:00");
}

static void odd_times_are_shown_as_they_are(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(fmt_time("yesterday", buf, sizeof(buf)),
	                    "yesterday");
	assert_string_equal(
	        fmt_time("2026-03-14T21:30:00+5:30", buf, sizeof(buf)),
	        "2026-03-14T21:30:00+5:30");
	assert_string_equal(fmt_time("", buf, sizeof(buf)), "not stated");
	assert_string_equal(fmt_time(NULL, buf, sizeof(buf)), "not stated");
}

static void rupees_use_indian_digit_grouping(void **state)
{
	static const struct {
		uint64_t v;
		const char *want;
	} cases[] = {
	        {0, "Rs. 0"},
	        {999, "Rs. 999"},
	        {1000, "Rs. 1,000"},
	        {15000, "Rs. 15,000"},
	        {100000, "Rs. 1,00,000"},
	        {12345678, "Rs. 1,23,45,678"},
	        {18446744073709551615ull, "Rs. 1,84,46,74,40,73,70,95,51,615"},
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(fmt_rupees(cases[i].v, buf, sizeof(buf)),
		                    cases[i].want);
}

static void distances_switch_to_km_from_one_km(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(fmt_distance(350, buf, sizeof(buf)), "350 m");
	assert_string_equal(fmt_distance(1000, buf, sizeof(buf)), "1 km");
	assert_string_equal(fmt_distance(1200, buf, sizeof(buf)), "1.2 km");
	assert_string_equal(fmt_distance(2960, buf, sizeof(buf)), "3 km");
}

static void enum_values_read_as_words(void **state)
{
	(void)state;
	assert_string_equal(word_information_type(2), "Written");
	assert_string_equal(word_direction(2), "North-east");
	assert_string_equal(word_direction(8), "North-west");
	assert_string_equal(word_gender(3), "Transgender");
	assert_string_equal(word_accused_kind(2), "Suspected");
	assert_string_equal(word_relative(2), "Husband's name");
	assert_string_equal(word_direction(0), "not stated");
	assert_string_equal(word_direction(42), "unrecognised");
}

static void charges_read_as_act_and_section(void **state)
{
	Cctns__V1__Charge ch = CCTNS__V1__CHARGE__INIT;
	char buf[64];

	(void)state;
	ch.act = CCTNS__V1__ACT__ACT_BNS;
	ch.section = "303(2)";
	assert_string_equal(fmt_charge(&ch, buf, sizeof(buf)), "BNS 303(2)");
	ch.act = CCTNS__V1__ACT__ACT_SPECIAL_LOCAL;
	ch.law = "Arms Act";
	ch.section = "25";
	assert_string_equal(fmt_charge(&ch, buf, sizeof(buf)), "Arms Act 25");
	assert_string_equal(fmt_kind("mobile_phone", buf, sizeof(buf)),
	                    "Mobile phone");
}

static void wrap_breaks_between_words_within_width(void **state)
{
	char *out = capture_wrap("the quick brown fox jumps over the lazy dog",
	                         0, 2, 16);

	(void)state;
	assert_string_equal(out, "the quick brown\n"
	                         "  fox jumps over\n"
	                         "  the lazy dog\n");
	free(out);
}

static void wrap_keeps_paragraphs_and_long_words(void **state)
{
	char *out =
	        capture_wrap("one\n\ntwo averyveryverylongword x", 0, 0, 10);

	(void)state;
	assert_string_equal(out, "one\n\ntwo\naveryveryverylongword\nx\n");
	free(out);
}

static void wrap_counts_utf8_characters_not_bytes(void **state)
{
	/* Five Devanagari letters (15 bytes) fit in a width of 11. */
	char *out = capture_wrap("\xe0\xa4\x95\xe0\xa4\x96\xe0\xa4\x97"
	                         "\xe0\xa4\x98\xe0\xa4\x99 abcde",
	                         0, 0, 11);

	(void)state;
	assert_string_equal(out, "\xe0\xa4\x95\xe0\xa4\x96\xe0\xa4\x97"
	                         "\xe0\xa4\x98\xe0\xa4\x99 abcde\n");
	free(out);
}

static void fir_printout_has_every_section_in_order(void **state)
{
	Cctns__V1__Identity st = CCTNS__V1__IDENTITY__INIT;
	Cctns__V1__FirReceipt r = CCTNS__V1__FIR_RECEIPT__INIT;
	Cctns__V1__FirContent c = CCTNS__V1__FIR_CONTENT__INIT;
	Cctns__V1__Charge ch = CCTNS__V1__CHARGE__INIT, *chs[] = {&ch};
	Cctns__V1__Property p1 = CCTNS__V1__PROPERTY__INIT,
	                    p2 = CCTNS__V1__PROPERTY__INIT,
	                    *props[] = {&p1, &p2};
	Cctns__V1__Accused a = CCTNS__V1__ACCUSED__INIT, *acc[] = {&a};
	Cctns__V1__Place pl = CCTNS__V1__PLACE__INIT;
	Cctns__V1__Fir fir = CCTNS__V1__FIR__INIT;
	const char *want[] = {
	        "   Police Station           Hazratganj (1001)",
	        "   FIR No.                  0042/2026",
	        "   Registered at            14/03/2026 21:30 IST",
	        "2. Acts and sections",
	        "   BNS 303(2)",
	        "3. Occurrence of offence",
	        "4. Type of information",
	        "   Type                     Written",
	        "5. Place of occurrence",
	        "   (a) Distance, direction  1.2 km North-east",
	        "6. Complainant / informant",
	        "7. Details of known / suspected / unknown accused",
	        "   (1) Unknown, 2 persons",
	        "8. Reasons for delay",
	        "9. Particulars of properties stolen / involved",
	        "10. Total value of properties stolen / involved",
	        "   Total value              Rs. 1,15,000",
	        "12. First information contents",
	        "   A phone was snatched.",
	};
	char *buf = NULL, *at;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	st.station_name = "Hazratganj";
	st.station_code = 1001;
	r.fir_number = "0042/2026";
	r.year = 2026;
	r.station = &st;
	r.registered_at = "2026-03-14T21:30:00+05:30";
	ch.act = CCTNS__V1__ACT__ACT_BNS;
	ch.section = "303(2)";
	p1.kind = "mobile_phone";
	p1.value_rupees = 15000;
	p2.kind = "cash";
	p2.value_rupees = 100000;
	a.kind = CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_UNKNOWN;
	a.count = 2;
	a.description = "two men on a motorcycle";
	pl.distance_m = 1200;
	pl.direction = CCTNS__V1__DIRECTION__DIRECTION_NE;
	c.information_type =
	        CCTNS__V1__INFORMATION_TYPE__INFORMATION_TYPE_WRITTEN;
	c.place = &pl;
	c.n_charges = 1;
	c.charges = chs;
	c.n_properties = 2;
	c.properties = props;
	c.n_accused = 1;
	c.accused = acc;
	c.brief_facts = "A phone was snatched.";
	fir.receipt = &r;
	fir.content = &c;
	assert_non_null(f);
	print_fir(f, &fir);
	fclose(f);
	at = buf;
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		char *hit = strstr(at, want[i]);

		if (!hit)
			fail_msg("missing or out of order: \"%s\" in\n%s",
			         want[i], buf);
		at = hit + strlen(want[i]);
	}
	free(buf);
}

static void receipt_says_number_station_time_and_key(void **state)
{
	Cctns__V1__Identity st = CCTNS__V1__IDENTITY__INIT;
	Cctns__V1__FirReceipt r = CCTNS__V1__FIR_RECEIPT__INIT;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	st.station_name = "Hazratganj";
	r.fir_number = "0042/2026";
	r.station = &st;
	r.registered_at = "2026-03-14T21:30:00+05:30";
	r.replayed = 1;
	print_receipt(f, &r, "00112233445566778899aabbccddeeff");
	fclose(f);
	assert_string_equal(buf, "FIR 0042/2026 registered at Hazratganj on "
	                         "14/03/2026 21:30 IST (already registered "
	                         "earlier with this key)\n"
	                         "idempotency key: "
	                         "00112233445566778899aabbccddeeff\n");
	free(buf);
}

static void fir_printout_names_its_diary_entry_and_officer(void **state)
{
	Cctns__V1__FirReceipt r = CCTNS__V1__FIR_RECEIPT__INIT;
	Cctns__V1__FirContent c = CCTNS__V1__FIR_CONTENT__INIT;
	Cctns__V1__Officer o = CCTNS__V1__OFFICER__INIT;
	Cctns__V1__Fir fir = CCTNS__V1__FIR__INIT;
	const char *want[] = {
	        "   Registered at            29/11/2026 11:10 IST",
	        "2. Acts and sections",
	        "   (c) General Diary entry  GD entry 12 of 29/11/2026 at "
	        "11:10 "
	        "IST",
	        "12. First information contents",
	        "13. Action taken",
	        "       Name                 Ravi Kumar Sharma",
	        "       Rank                 SI",
	        "       Number               UP-15432",
	};
	printout p;
	char *out;

	(void)state;
	r.fir_number = "0001/2026";
	r.registered_at = "2026-11-29T11:10:05+05:30";
	r.gd_date = "2026-11-29";
	r.gd_number = 12;
	r.gd_entered_at = "2026-11-29T11:10:04.5+05:30";
	o.number = "UP-15432";
	o.name = "Ravi Kumar Sharma";
	o.rank = "SI";
	c.officer = &o;
	fir.receipt = &r;
	fir.content = &c;
	print_fir(printout_begin(&p), &fir);
	out = printout_end(&p);
	ASSERT_IN_ORDER(out, want);
	free(out);
}

static void fir_receipt_names_its_diary_entry(void **state)
{
	Cctns__V1__FirReceipt r = CCTNS__V1__FIR_RECEIPT__INIT;
	printout p;
	char *out;

	(void)state;
	r.fir_number = "0001/2026";
	r.registered_at = "2026-11-29T11:10:05+05:30";
	r.gd_date = "2026-11-29";
	r.gd_number = 12;
	r.gd_entered_at = "2026-11-29T11:10:04+05:30";
	print_receipt(printout_begin(&p), &r,
	              "00112233445566778899aabbccddeeff");
	out = printout_end(&p);
	assert_string_equal(out, "FIR 0001/2026 registered at this station on "
	                         "29/11/2026 11:10 IST\n"
	                         "General Diary: GD entry 12 of 29/11/2026 at "
	                         "11:10 IST\n"
	                         "idempotency key: "
	                         "00112233445566778899aabbccddeeff\n");
	free(out);
}

static void table_times_and_dates_read_as_written_in_india(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(
	        fmt_ist("2026-11-29T10:05:59.123+05:30", 0, buf, sizeof(buf)),
	        "10:05");
	assert_string_equal(
	        fmt_ist("2026-11-29T10:05:00+05:30", 1, buf, sizeof(buf)),
	        "29/11/2026 10:05");
	/* Another zone keeps its zone, so no time is misread as IST. */
	assert_string_equal(
	        fmt_ist("2026-11-29T04:35:00Z", 0, buf, sizeof(buf)),
	        "29/11/2026 04:35 UTC");
	assert_string_equal(fmt_ist("", 1, buf, sizeof(buf)), "not stated");
	assert_string_equal(fmt_date("2026-11-29", buf, sizeof(buf)),
	                    "29/11/2026");
	assert_string_equal(fmt_date("29.11.2026", buf, sizeof(buf)),
	                    "29.11.2026");
	assert_string_equal(fmt_date(NULL, buf, sizeof(buf)), "not stated");
}

static void officers_read_rank_name_and_number(void **state)
{
	Cctns__V1__Officer o = CCTNS__V1__OFFICER__INIT;
	char buf[128];

	(void)state;
	assert_string_equal(fmt_officer(NULL, buf, sizeof(buf)), "not stated");
	assert_string_equal(fmt_officer(&o, buf, sizeof(buf)), "not stated");
	o.name = "Anil Kumar Tyagi";
	assert_string_equal(fmt_officer(&o, buf, sizeof(buf)),
	                    "Anil Kumar Tyagi");
	o.rank = "Inspector";
	o.number = "UP-09876";
	assert_string_equal(fmt_officer(&o, buf, sizeof(buf)),
	                    "Inspector Anil Kumar Tyagi (UP-09876)");
}

static void diary_references_read_like_the_register(void **state)
{
	char buf[96];

	(void)state;
	assert_string_equal(fmt_gd_ref("2026-11-29", 12,
	                               "2026-11-29T11:10:00+05:30", buf,
	                               sizeof(buf)),
	                    "GD entry 12 of 29/11/2026 at 11:10 IST");
	assert_string_equal(fmt_gd_ref("2026-11-29", 3, "", buf, sizeof(buf)),
	                    "GD entry 3 of 29/11/2026");
	assert_string_equal(fmt_gd_ref("", 0, "", buf, sizeof(buf)),
	                    "not stated");
}

static void age_at_arrest_counts_completed_years(void **state)
{
	const char *at = "2026-11-29T10:30:00+05:30";

	(void)state;
	assert_int_equal(age_at("2002-03-14", 0, at), 24);
	assert_int_equal(age_at("2002-11-29", 0, at), 24); /* birthday */
	assert_int_equal(age_at("2002-11-30", 0, at), 23);
	assert_int_equal(age_at("2002-12-01", 0, at), 23);
	assert_int_equal(age_at("", 2002, at), 24);
	assert_int_equal(age_at("", 0, at), -1);
	assert_int_equal(age_at("2030-01-01", 0, at), -1);
	assert_int_equal(age_at("2002-03-14", 0, "soon"), -1);
}

static void case_words_read_as_the_registers_write_them(void **state)
{
	(void)state;
	assert_string_equal(word_gd_kind(2), "FIR");
	assert_string_equal(word_gd_kind(5), "Property deposit");
	assert_string_equal(word_gd_kind(8), "Arrival");
	assert_string_equal(word_case_status(2), "Under investigation");
	assert_string_equal(word_case_status(4), "Charge-sheeted");
	assert_string_equal(word_case_status(8), "Appeal decided");
	assert_string_equal(word_case_event(3), "IO changed");
	assert_string_equal(word_arrest_outcome(1),
	                    "Arrested and forwarded to court");
	assert_string_equal(word_arrest_outcome(7),
	                    "Surrendered, remanded to police custody");
	assert_string_equal(word_arrest_outcome(0), "not stated");
	assert_string_equal(word_case_status(9), "unrecognised");
}

static Cctns__V1__Officer si = CCTNS__V1__OFFICER__INIT;
static Cctns__V1__Officer sho = CCTNS__V1__OFFICER__INIT;

static int officers_setup(void **state)
{
	(void)state;
	si.number = "UP-15432";
	si.name = "Ravi Kumar Sharma";
	si.rank = "SI";
	sho.number = "UP-09876";
	sho.name = "Anil Kumar Tyagi";
	sho.rank = "Inspector";
	return 0;
}

static void gd_day_is_a_numbered_table_with_corrections_and_cases(void **state)
{
	Cctns__V1__Identity st = CCTNS__V1__IDENTITY__INIT;
	Cctns__V1__GdEntry e1 = CCTNS__V1__GD_ENTRY__INIT,
	                   e2 = CCTNS__V1__GD_ENTRY__INIT,
	                   e3 = CCTNS__V1__GD_ENTRY__INIT,
	                   e4 = CCTNS__V1__GD_ENTRY__INIT,
	                   *entries[] = {&e1, &e2, &e3, &e4};
	Cctns__V1__GdDay day = CCTNS__V1__GD_DAY__INIT;
	const char *want[] = {
	        "GENERAL DIARY",
	        "Police Station              Agra Kotwali (1001)",
	        "Date                        29/11/2026",
	        "Entries                     4",
	        " No.  Time   Kind              Officer",
	        "   1  10:05  FIR               SI Ravi Kumar Sharma "
	        "(UP-15432)\n",
	        "             FIR 0001/2026 registered under BNS 303(2)\n",
	        "             Case: FIR 0001/2026\n",
	        "   2  10:40  Departure         SI Ravi Kumar Sharma "
	        "(UP-15432)\n",
	        "             Left for the scene of the theft in Gali Barah "
	        "Bhai, "
	        "Kinari Bazar,\n             in Government jeep UP 80 AG "
	        "1234.\n",
	        "   3  11:00  Correction        Inspector Anil Kumar Tyagi "
	        "(UP-09876)\n",
	        "             Corrects entry 2 of 29/11/2026\n",
	        "             The jeep was UP 80 AG 4321.\n",
	        "   4  11:20  Arrest            SI Ravi Kumar Sharma "
	        "(UP-15432)\n",
	        "             Case: FIR 0001/2026, accused A1\n",
	};
	printout p;
	char *out;

	(void)state;
	st.station_name = "Agra Kotwali";
	st.station_code = 1001;
	e1.number = 1;
	e1.entered_at = "2026-11-29T10:05:12.5+05:30";
	e1.kind = CCTNS__V1__GD_KIND__GD_KIND_FIR;
	e1.text = "FIR 0001/2026 registered under BNS 303(2)";
	e1.officer = &si;
	e1.fir_number = "0001/2026";
	e2.number = 2;
	e2.entered_at = "2026-11-29T10:40:00+05:30";
	e2.kind = CCTNS__V1__GD_KIND__GD_KIND_DEPARTURE;
	e2.text = "Left for the scene of the theft in Gali Barah Bhai, Kinari "
	          "Bazar, in Government jeep UP 80 AG 1234.";
	e2.officer = &si;
	e3.number = 3;
	e3.entered_at = "2026-11-29T11:00:00+05:30";
	e3.kind = CCTNS__V1__GD_KIND__GD_KIND_CORRECTION;
	e3.text = "The jeep was UP 80 AG 4321.";
	e3.officer = &sho;
	e3.corrects_date = "2026-11-29";
	e3.corrects_number = 2;
	e4.number = 4;
	e4.entered_at = "2026-11-29T11:20:00+05:30";
	e4.kind = CCTNS__V1__GD_KIND__GD_KIND_ARREST;
	e4.text = "Accused A1 arrested";
	e4.officer = &si;
	e4.fir_number = "0001/2026";
	e4.accused_code = "A1";
	day.date = "2026-11-29";
	day.station = &st;
	day.n_entries = 4;
	day.entries = entries;
	print_gd_day(printout_begin(&p), &day);
	out = printout_end(&p);
	ASSERT_IN_ORDER(out, want);
	free(out);
}

static void gd_day_without_entries_says_so(void **state)
{
	Cctns__V1__GdDay day = CCTNS__V1__GD_DAY__INIT;
	printout p;
	char *out;

	(void)state;
	day.date = "2026-11-28";
	print_gd_day(printout_begin(&p), &day);
	out = printout_end(&p);
	assert_non_null(strstr(out, "Date                        28/11/2026\n"
	                            "Entries                     none\n"));
	assert_null(strstr(out, "No."));
	free(out);
}

static void gd_receipt_says_number_day_time_and_key(void **state)
{
	Cctns__V1__GdEntry e = CCTNS__V1__GD_ENTRY__INIT;
	Cctns__V1__GdEntryReceipt r = CCTNS__V1__GD_ENTRY_RECEIPT__INIT;
	printout p;
	char *out;

	(void)state;
	e.date = "2026-11-29";
	e.number = 2;
	e.entered_at = "2026-11-29T10:40:00+05:30";
	e.kind = CCTNS__V1__GD_KIND__GD_KIND_DEPARTURE;
	r.entry = &e;
	r.replayed = 1;
	print_gd_receipt(printout_begin(&p), &r,
	                 "00112233445566778899aabbccddeeff");
	out = printout_end(&p);
	assert_string_equal(out, "GD entry 2 of 29/11/2026 at 10:40 IST: "
	                         "Departure (already entered earlier with this "
	                         "key)\n"
	                         "idempotency key: "
	                         "00112233445566778899aabbccddeeff\n");
	free(out);
}

static void timeline_has_status_io_and_one_line_per_event(void **state)
{
	Cctns__V1__CaseEvent v1 = CCTNS__V1__CASE_EVENT__INIT,
	                     v2 = CCTNS__V1__CASE_EVENT__INIT,
	                     v3 = CCTNS__V1__CASE_EVENT__INIT,
	                     *events[] = {&v1, &v2, &v3};
	Cctns__V1__CaseTimeline t = CCTNS__V1__CASE_TIMELINE__INIT;
	const char *want[] = {
	        "CASE TIMELINE",
	        "FIR No.                     0001/2026\n",
	        "Status                      Under investigation\n",
	        "Investigating officer       Inspector Anil Kumar Tyagi "
	        "(UP-09876)\n",
	        "When (IST)        Event           Status after         GD   "
	        "Officer\n",
	        "28/11/2026 10:05  FIR registered  Registered           1    "
	        "SI Ravi Kumar Sharma (UP-15432)\n",
	        "                  FIR 0001/2026 registered\n",
	        "29/11/2026 09:00  IO assigned     Under investigation  -    "
	        "Inspector Anil Kumar Tyagi (UP-09876)\n",
	        "29/11/2026 11:20  Arrest A1       Under investigation  "
	        "3 of 28/11/2026  SI Ravi Kumar Sharma (UP-15432)\n",
	};
	printout p;
	char *out;

	(void)state;
	v1.at = "2026-11-28T10:05:12+05:30";
	v1.kind = CCTNS__V1__CASE_EVENT_KIND__CASE_EVENT_KIND_FIR_REGISTERED;
	v1.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_REGISTERED;
	v1.officer = &si;
	v1.summary = "FIR 0001/2026 registered";
	v1.gd_date = "2026-11-28";
	v1.gd_number = 1;
	v2.at = "2026-11-29T09:00:00+05:30";
	v2.kind = CCTNS__V1__CASE_EVENT_KIND__CASE_EVENT_KIND_IO_ASSIGNED;
	v2.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_UNDER_INVESTIGATION;
	v2.officer = &sho;
	v3.at = "2026-11-29T11:20:00+05:30";
	v3.kind = CCTNS__V1__CASE_EVENT_KIND__CASE_EVENT_KIND_ARREST;
	v3.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_UNDER_INVESTIGATION;
	v3.officer = &si;
	v3.accused_code = "A1";
	v3.gd_date = "2026-11-28"; /* another day: named in full */
	v3.gd_number = 3;
	t.fir_number = "0001/2026";
	t.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_UNDER_INVESTIGATION;
	t.io = &sho;
	t.n_events = 3;
	t.events = events;
	print_case_timeline(printout_begin(&p), &t);
	out = printout_end(&p);
	ASSERT_IN_ORDER(out, want);
	free(out);
}

static void timeline_without_io_says_none_assigned(void **state)
{
	Cctns__V1__CaseTimeline t = CCTNS__V1__CASE_TIMELINE__INIT;
	printout p;
	char *out;

	(void)state;
	t.fir_number = "0002/2026";
	t.status = CCTNS__V1__CASE_STATUS__CASE_STATUS_REGISTERED;
	print_case_timeline(printout_begin(&p), &t);
	out = printout_end(&p);
	assert_non_null(strstr(out, "Status                      Registered\n"
	                            "Investigating officer       none "
	                            "assigned\n"));
	free(out);
}

/* A memo like deploy/samples/arrest.json, shortened. */
static void fill_memo(Cctns__V1__ArrestMemo *m, Cctns__V1__Person *who,
                      Cctns__V1__IdentityDocument *doc,
                      Cctns__V1__DescriptiveRoll *roll, char **aliases,
                      char **languages)
{
	who->name = "Sonu Kumar";
	who->relative_kind = CCTNS__V1__RELATIVE_KIND__RELATIVE_KIND_FATHER;
	who->relative_name = "Ram Prakash";
	who->gender = CCTNS__V1__GENDER__GENDER_MALE;
	who->date_of_birth = "2002-03-14";
	doc->kind = "aadhaar_masked";
	doc->number = "4821";
	roll->height_cm = 170;
	roll->build = "thin";
	roll->n_languages = 2;
	roll->languages = languages;
	m->person = who;
	m->n_aliases = 2;
	m->aliases = aliases;
	m->identity_document = doc;
	m->arrested_at = "2026-11-29T10:30:00+05:30";
	m->place = "Raja ki Mandi railway station";
	m->outcome =
	        CCTNS__V1__ARREST_OUTCOME__ARREST_OUTCOME_ARRESTED_FORWARDED;
	m->injuries = "None seen.";
	m->articles_found = "A black Samsung Galaxy A34.";
	m->relative_informed = "Ram Prakash (father), by telephone";
	m->relative_informed_at = "2026-11-29T10:50:00+05:30";
	m->designated_officer_informed_at = "2026-11-29T11:00:00+05:30";
	m->descriptive_roll = roll;
	m->fingerprints_taken = 1;
	m->likely_to_jump_bail = 1;
	m->officer = &si;
}

static void arrest_memo_has_every_iif3_section_in_order(void **state)
{
	Cctns__V1__ArrestReceipt r = CCTNS__V1__ARREST_RECEIPT__INIT;
	Cctns__V1__ArrestMemo m = CCTNS__V1__ARREST_MEMO__INIT;
	Cctns__V1__Person who = CCTNS__V1__PERSON__INIT;
	Cctns__V1__IdentityDocument doc = CCTNS__V1__IDENTITY_DOCUMENT__INIT;
	Cctns__V1__DescriptiveRoll roll = CCTNS__V1__DESCRIPTIVE_ROLL__INIT;
	Cctns__V1__Arrest a = CCTNS__V1__ARREST__INIT;
	char *aliases[] = {"Kallu", "Sonu Kaliya"},
	     *langs[] = {"Hindi", "Braj"};
	const char *want[] = {
	        "ARREST / COURT SURRENDER MEMO",
	        "1. Case",
	        "   FIR No.                  0001/2026\n",
	        "   General Diary reference  GD entry 4 of 29/11/2026\n",
	        "2. Accused code",
	        "   Code                     A1\n",
	        "3. Identity",
	        "   Name                     Sonu Kumar\n",
	        "   Father's name            Ram Prakash\n",
	        "   Date of birth            14/03/2002\n",
	        "   Age at arrest            24 years\n",
	        "   Identity document        Aadhaar (masked) XXXX XXXX 4821\n",
	        "4. Aliases",
	        "   (1)                      Kallu\n",
	        "   (2)                      Sonu Kaliya\n",
	        "5. Addresses",
	        "   Present address          not stated\n",
	        "   Permanent address        not stated\n",
	        "6. Arrest / court surrender",
	        "   Arrested or surrendered  Arrested\n",
	        "   Date and time            29/11/2026 10:30 IST\n",
	        "   Place of arrest          Raja ki Mandi railway station\n",
	        "   Arresting officer        SI Ravi Kumar Sharma (UP-15432)\n",
	        "7. Outcome",
	        "   Arrested and forwarded to court\n",
	        "8. Injuries and medical examination",
	        "   Injuries                 None seen.\n",
	        "   Medical examination      not stated\n",
	        "9. Articles found on personal search",
	        "   A black Samsung Galaxy A34.\n",
	        "10. Intimation of arrest",
	        "   Relative informed        Ram Prakash (father), by "
	        "telephone\n",
	        "   Relative informed at     29/11/2026 10:50 IST\n",
	        "   Designated officer       informed at 29/11/2026 11:00 "
	        "IST\n",
	        "11. Descriptive roll",
	        "   Sex                      Male\n",
	        "   Height                   170 cm\n",
	        "   Build                    thin\n",
	        "   Languages                Hindi, Braj\n",
	        "12. Fingerprints",
	        "   Fingerprints taken       Yes\n",
	        "13. Risk flags",
	        "   Dangerous                No\n",
	        "   Likely to jump bail      Yes\n",
	        "   Wanted in another case   No\n",
	};
	printout p;
	char *out;

	(void)state;
	fill_memo(&m, &who, &doc, &roll, aliases, langs);
	r.fir_number = "0001/2026";
	r.accused_code = "A1";
	r.registered_at = "2026-11-29T11:20:00+05:30";
	r.gd_date = "2026-11-29";
	r.gd_number = 4;
	a.receipt = &r;
	a.memo = &m;
	print_arrest(printout_begin(&p), &a);
	out = printout_end(&p);
	ASSERT_IN_ORDER(out, want);
	free(out);
}

static void surrender_memo_names_the_court(void **state)
{
	Cctns__V1__ArrestMemo m = CCTNS__V1__ARREST_MEMO__INIT;
	Cctns__V1__Arrest a = CCTNS__V1__ARREST__INIT;
	const char *want[] = {
	        "   Arrested or surrendered  Surrendered in court\n",
	        ("   Court                    Court of the Chief Judicial "
	         "Magistrate, Agra\n"),
	        "7. Outcome",
	        "   Surrendered in court and bailed\n",
	};
	Cctns__V1__Person who = CCTNS__V1__PERSON__INIT;
	printout p;
	char *out;

	(void)state;
	who.name = "Mohd. Arif";
	who.year_of_birth = 1990;
	m.person = &who;
	m.court_surrender = 1;
	m.place = "Court of the Chief Judicial Magistrate, Agra";
	m.arrested_at = "2026-12-02T11:00:00+05:30";
	m.outcome =
	        CCTNS__V1__ARREST_OUTCOME__ARREST_OUTCOME_SURRENDERED_BAILED;
	a.memo = &m;
	print_arrest(printout_begin(&p), &a);
	out = printout_end(&p);
	ASSERT_IN_ORDER(out, want);
	assert_non_null(strstr(out, "   Age at arrest            about 36 "
	                            "years\n"));
	assert_non_null(strstr(out, "   Identity document        not "
	                            "stated\n"));
	free(out);
}

static void arrest_receipt_says_code_case_diary_and_key(void **state)
{
	Cctns__V1__ArrestReceipt r = CCTNS__V1__ARREST_RECEIPT__INIT;
	printout p;
	char *out;

	(void)state;
	r.fir_number = "0001/2026";
	r.accused_code = "A2";
	r.registered_at = "2026-11-29T11:20:00+05:30";
	r.gd_date = "2026-11-29";
	r.gd_number = 5;
	print_arrest_receipt(printout_begin(&p), &r,
	                     "00112233445566778899aabbccddeeff");
	out = printout_end(&p);
	assert_string_equal(out, "Arrest memo A2 recorded in FIR 0001/2026 on "
	                         "29/11/2026 11:20 IST\n"
	                         "General Diary: GD entry 5 of 29/11/2026\n"
	                         "idempotency key: "
	                         "00112233445566778899aabbccddeeff\n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(times_read_as_indian_dates_with_zone),
	        cmocka_unit_test(odd_times_are_shown_as_they_are),
	        cmocka_unit_test(rupees_use_indian_digit_grouping),
	        cmocka_unit_test(distances_switch_to_km_from_one_km),
	        cmocka_unit_test(enum_values_read_as_words),
	        cmocka_unit_test(charges_read_as_act_and_section),
	        cmocka_unit_test(wrap_breaks_between_words_within_width),
	        cmocka_unit_test(wrap_keeps_paragraphs_and_long_words),
	        cmocka_unit_test(wrap_counts_utf8_characters_not_bytes),
	        cmocka_unit_test(fir_printout_has_every_section_in_order),
	        cmocka_unit_test(receipt_says_number_station_time_and_key),
	        cmocka_unit_test(
	                fir_printout_names_its_diary_entry_and_officer),
	        cmocka_unit_test(fir_receipt_names_its_diary_entry),
	        cmocka_unit_test(
	                table_times_and_dates_read_as_written_in_india),
	        cmocka_unit_test(officers_read_rank_name_and_number),
	        cmocka_unit_test(diary_references_read_like_the_register),
	        cmocka_unit_test(age_at_arrest_counts_completed_years),
	        cmocka_unit_test(case_words_read_as_the_registers_write_them),
	        cmocka_unit_test(
	                gd_day_is_a_numbered_table_with_corrections_and_cases),
	        cmocka_unit_test(gd_day_without_entries_says_so),
	        cmocka_unit_test(gd_receipt_says_number_day_time_and_key),
	        cmocka_unit_test(timeline_has_status_io_and_one_line_per_event),
	        cmocka_unit_test(timeline_without_io_says_none_assigned),
	        cmocka_unit_test(arrest_memo_has_every_iif3_section_in_order),
	        cmocka_unit_test(surrender_memo_names_the_court),
	        cmocka_unit_test(arrest_receipt_says_code_case_diary_and_key),
	};

	return cmocka_run_group_tests(tests, officers_setup, NULL);
}

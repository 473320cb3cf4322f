/* test_print.c: the terminal's formatting helpers and FIR printout, as a
 * station writer would read them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "print_fir.h"

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
	        "FIR No.                     0042/2026",
	        "Police Station              Hazratganj (1001)",
	        "Registered at               14/03/2026 21:30 IST",
	        "1. Acts and sections",
	        "   BNS 303(2)",
	        "2. Occurrence of offence",
	        "   Type of information      Written",
	        "3. Place of occurrence",
	        "   Distance and direction   1.2 km North-east",
	        "4. Complainant / informant",
	        "5. Details of known / suspected / unknown accused",
	        "   (1) Unknown, 2 persons",
	        "6. Reasons for delay",
	        "7. Particulars of properties involved",
	        "   Total value              Rs. 1,15,000",
	        "8. First information contents",
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

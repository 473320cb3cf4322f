/* test_form.c: the form engine (client/form.h) over scripted answers, one
 * a line, the way a station writer types them: fields in order, Enter to
 * skip, "<" to go back, a wrong answer named and corrected, sub-forms and
 * repeated entries, enums by number and name, codes searched and picked
 * through a stand-in for the server's lookups, times as written at a
 * station, drafts saved after every answer and resumed, a torn draft set
 * aside, the review (edit, submit, discard) and a field the server refused.
 *
 * Each script stops (end of input) right after the fields it is about,
 * or uses a message too small to grow, so fields added later to a
 * message do not change what these tests see. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "form.h"
#include "util.h"

#define D(x) &cctns__v1__##x##__descriptor

/* ------------------------------------------------------------ harness */

typedef struct run {
	form *f;
	FILE *in, *out;
	char *outbuf;
	size_t outlen;
	char draft[128];
	int keybyte;     /* the key a new form gets: 16 of these */
	int lookups;     /* calls of the stand-in lookup */
	int unreachable; /* the stand-in fails like a server out of reach */
	char last_query[128];
} run;

static run R;

static Cctns__V1__RefItem *item(const char *code, const char *label,
                                const char *extra, const char *parent)
{
	Cctns__V1__RefItem *it = xmalloc(sizeof(*it));

	cctns__v1__ref_item__init(it);
	it->code = xstrdup(code);
	it->label = xstrdup(label);
	it->extra = xstrdup(extra);
	it->parent = xstrdup(parent);
	return it;
}

/* The server's lists, as far as these tests ask: sections 303 and 304 of
 * BNS, IPC 379, district 118 (Agra, state 9), state 9, the NDPS Act. */
static int fake_lookup(void *arg, const Cctns__V1__LookupRef *q,
                       Cctns__V1__RefList **out, char *why, size_t whysz)
{
	Cctns__V1__RefList *l = xmalloc(sizeof(*l));
	Cctns__V1__RefItem *its[4];
	size_t n = 0;

	(void)arg;
	R.lookups++;
	snprintf(R.last_query, sizeof(R.last_query), "%s", q->query);
	if (R.unreachable) {
		free(l);
		snprintf(why, whysz, "cannot reach 127.0.0.1:7443");
		return -1;
	}
	cctns__v1__ref_list__init(l);
	l->kind = q->kind;
	switch (q->kind) {
	case CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION:
		if (strcmp(q->query, "theft") == 0 ||
		    strcmp(q->query, "303") == 0)
			its[n++] =
			        item("303", "Theft", "IPC 378, IPC 379", "bns");
		if (strcmp(q->query, "theft") == 0)
			its[n++] = item("304", "Snatching", "", "bns");
		if (strcmp(q->query, "379") == 0)
			its[n++] = item("379", "Punishment for theft",
			                "BNS 303(2)", "ipc");
		break;
	case CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_DISTRICT:
		if (strcmp(q->query, "agra") == 0 ||
		    strcmp(q->query, "118") == 0)
			its[n++] = item("118", "Agra", "Uttar Pradesh", "9");
		break;
	case CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_STATE:
		if (strcmp(q->query, "9") == 0)
			its[n++] = item("9", "Uttar Pradesh", "state", "");
		break;
	case CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SPECIAL_LAW:
		if (strcasecmp(q->query, "ndps") == 0 ||
		    strcmp(q->query, "narcotic") == 0)
			its[n++] = item("NDPS",
			                "Narcotic Drugs and Psychotropic "
			                "Substances Act, 1985",
			                "", "");
		break;
	default:
		break;
	}
	l->n_items = n;
	l->items = n ? xcalloc(n, sizeof(*l->items)) : NULL;
	if (n)
		memcpy(l->items, its, n * sizeof(*its));
	*out = l;
	return 0;
}

/* A form of desc over the answers in script. */
static void start(const ProtobufCMessageDescriptor *desc, const char *script,
                  int with_draft)
{
	form_spec spec = {
	        .desc = desc,
	        .title = "record",
	        .in = NULL,
	        .lookup = {fake_lookup, NULL},
	};

	R.in = fmemopen((void *)script, strlen(script), "r");
	R.out = open_memstream(&R.outbuf, &R.outlen);
	spec.in = R.in;
	spec.out = R.out;
	spec.echo = 1;
	memset(spec.key, R.keybyte, sizeof(spec.key));
	if (with_draft)
		spec.draft_path = R.draft;
	R.f = form_new(&spec);
	assert_non_null(R.f);
}

static const char *output(void)
{
	fflush(R.out);
	return R.outbuf;
}

static void finish(void)
{
	form_free(R.f);
	fclose(R.in);
	fclose(R.out);
	free(R.outbuf);
	R.f = NULL;
	R.outbuf = NULL;
}

#define assert_said(text)                                                      \
	do {                                                                   \
		if (!strstr(output(), text))                                   \
			fail_msg("\"%s\" not in:\n%s", text, output());        \
	} while (0)

#define assert_not_said(text)                                                  \
	do {                                                                   \
		if (strstr(output(), text))                                    \
			fail_msg("\"%s\" unexpectedly in:\n%s", text,          \
			         output());                                    \
	} while (0)

/* Put text in the draft file (making its folder). */
static void write_draft(const char *text)
{
	char dir[128];
	FILE *f;

	snprintf(dir, sizeof(dir), "%s", R.draft);
	*strrchr(dir, '/') = '\0';
	mkdir(dir, 0700);
	f = fopen(R.draft, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	memset(&R, 0, sizeof(R));
	snprintf(R.draft, sizeof(R.draft), "/tmp/test_form.XXXXXX");
	assert_non_null(mkdtemp(R.draft));
	strcat(R.draft, "/sub/fir-new.json");
	return 0;
}

static int teardown(void **state)
{
	char dir[128], bad[160];

	(void)state;
	if (R.f)
		finish();
	unlink(R.draft);
	snprintf(bad, sizeof(bad), "%s.bad", R.draft);
	unlink(bad);
	snprintf(dir, sizeof(dir), "%s", R.draft);
	*strrchr(dir, '/') = '\0';
	rmdir(dir);
	*strrchr(dir, '/') = '\0';
	rmdir(dir);
	return 0;
}

/* ------------------------------------------------------------ tests */

/* An officer (three required fields): asked in order, reviewed, submitted. */
static void fields_are_asked_in_order_and_reviewed(void **state)
{
	Cctns__V1__Officer *o;

	(void)state;
	start(D(officer), "UP-15432\nRavi Kumar Sharma\nSI\ns\n", 0);
	assert_int_equal(form_fill(R.f), FORM_SUBMIT);
	o = (Cctns__V1__Officer *)form_doc(R.f);
	assert_string_equal(o->number, "UP-15432");
	assert_string_equal(o->name, "Ravi Kumar Sharma");
	assert_string_equal(o->rank, "SI");
	assert_true(strstr(output(), "Belt / service number") <
	            strstr(output(), "Name:"));
	assert_said("==== Review the record before it is sent ====");
	assert_said("Ravi Kumar Sharma");
	finish();
}

static void a_required_field_cannot_be_skipped(void **state)
{
	(void)state;
	start(D(officer), "\nUP-1\n\nR\nSI\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	assert_said("! is required");
	assert_string_equal(((Cctns__V1__Officer *)form_doc(R.f))->name, "R");
	finish();
}

/* An address: line 2 skipped; a bad PIN code named, then corrected. */
static void a_wrong_answer_is_named_and_asked_again(void **state)
{
	Cctns__V1__Address *a;

	(void)state;
	start(D(address), "12 Civil Lines\n\nAgra\n118\n9\n2820\n282002\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	a = (Cctns__V1__Address *)form_doc(R.f);
	assert_string_equal(a->line1, "12 Civil Lines");
	assert_string_equal(a->line2, "");
	assert_string_equal(a->city, "Agra");
	assert_int_equal(a->district_code, 118);
	assert_int_equal(a->state_code, 9);
	assert_string_equal(a->pincode, "282002");
	assert_said("PIN code: 2820\n  ! must be 6 digits like 226001\n"
	            "  PIN code: 282002");
	finish();
}

static void back_goes_to_the_field_before(void **state)
{
	Cctns__V1__Address *a;

	(void)state;
	start(D(address), "Wrong line\n<\nRight line\nSecond line\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	a = (Cctns__V1__Address *)form_doc(R.f);
	assert_string_equal(a->line1, "Right line");
	assert_string_equal(a->line2, "Second line");
	assert_said("Address line 1 [Wrong line]: Right line");
	finish();
}

static void enter_keeps_and_dash_clears(void **state)
{
	Cctns__V1__Address *a;

	(void)state;
	start(D(address), "One\nTwo\n<\n<\n\n-\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	a = (Cctns__V1__Address *)form_doc(R.f);
	assert_string_equal(a->line1, "One");
	assert_string_equal(a->line2, "");
	finish();
}

static void question_mark_explains_the_field(void **state)
{
	(void)state;
	start(D(address), "\n\n\n\n\n?\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	assert_said("Optional: Enter skips it. At most 6 characters. Format: 6 "
	            "digits like 226001.");
	finish();
}

/* A place: the address is an optional sub-form, the direction an enum
 * chosen by number, by name, by a prefix; a wrong number is named. */
static void sub_forms_and_enums(void **state)
{
	Cctns__V1__Place *p;

	(void)state;
	start(D(place),
	      "y\nNear Gate 2\n\nAgra\n\n\n282001\n1,200\n9\nsouth\nse\n"
	      "Beat 4\n",
	      0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	p = (Cctns__V1__Place *)form_doc(R.f);
	assert_non_null(p->address);
	assert_string_equal(p->address->line1, "Near Gate 2");
	assert_string_equal(p->address->pincode, "282001");
	assert_int_equal(p->distance_m, 1200);
	assert_int_equal(p->direction, CCTNS__V1__DIRECTION__DIRECTION_SE);
	assert_string_equal(p->beat, "Beat 4");
	assert_said("Add address? [y/N]");
	assert_said("-- Address --");
	assert_said("! choose a number from 1 to 8");
	assert_said("! not one of the choices");
	finish();
}

static void an_optional_sub_form_can_be_left_out_and_dropped(void **state)
{
	(void)state;
	start(D(place), "y\nX\n<\n<\nn\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	assert_null(((Cctns__V1__Place *)form_doc(R.f))->address);
	assert_said("Address: keep it? [Y/n]");
	finish();
}

/* The FIR's charges: one entry to start with (at least one is required);
 * another added and removed again. The act proposed from the date of the
 * offence. */
static void repeated_entries_are_added_and_removed(void **state)
{
	Cctns__V1__FirContent *c;

	(void)state;
	start(D(fir_content),
	      "20/11/2026 18:30\n20/11/2026 18:45\n21/11/2026 10:15\n2\nn\n"
	      "\n303(2)\n\ny\nipc\n379\n\n-\nn\n",
	      0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	c = (Cctns__V1__FirContent *)form_doc(R.f);
	assert_int_equal(c->n_charges, 1);
	assert_int_equal(c->charges[0]->act, CCTNS__V1__ACT__ACT_BNS);
	assert_string_equal(c->charges[0]->section, "303(2)");
	assert_string_equal(c->occurred_from, "2026-11-20T18:30:00+05:30");
	assert_said("Act (1 ipc, 2 bns, 3 special_local) [bns]:");
	assert_said("-- Charge 2 --");
	assert_said("Add another charge? [y/N, - removes charge 2]: -");
	finish();
}

/* A special law's section is not looked up; its law is, by words. */
static void a_law_is_searched_and_picked(void **state)
{
	Cctns__V1__Charge *c;

	(void)state;
	start(D(charge), "special_local\n20(b)\nnarcotic\n1\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	c = (Cctns__V1__Charge *)form_doc(R.f);
	assert_string_equal(c->section, "20(b)");
	assert_string_equal(c->law, "NDPS");
	assert_said("1  NDPS");
	finish();
}

/* A section found by words (in the act chosen) and picked with its
 * sub-section. */
static void a_section_is_found_by_words_and_picked(void **state)
{
	Cctns__V1__Charge *c;

	(void)state;
	start(D(charge), "bns\ntheft\n1(2)\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	c = (Cctns__V1__Charge *)form_doc(R.f);
	assert_string_equal(c->section, "303(2)");
	assert_int_equal(c->act, CCTNS__V1__ACT__ACT_BNS);
	assert_said("    1  BNS 303");
	assert_said("Theft (IPC 378, IPC 379)");
	assert_said("= BNS 303(2): Theft");
	finish();
}

/* A section typed by number is checked against the server: one it does
 * not know is refused; with the server out of reach it is taken as typed
 * (the server checks it on submission). */
static void a_typed_code_is_checked_when_the_server_answers(void **state)
{
	Cctns__V1__Charge *c;

	(void)state;
	start(D(charge), "bns\n999\n303(2)\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	c = (Cctns__V1__Charge *)form_doc(R.f);
	assert_string_equal(c->section, "303(2)");
	assert_said("! no such code: type words to search");
	assert_string_equal(R.last_query, "303");
	finish();

	R.unreachable = 1;
	start(D(charge), "bns\n999\ntheft\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	c = (Cctns__V1__Charge *)form_doc(R.f);
	assert_string_equal(c->section, "999");
	assert_said("! cannot look it up now: cannot reach 127.0.0.1:7443");
	finish();
}

/* A district by name: the pick fills its state too, proposed in [ ]. */
static void a_district_pick_fills_its_state(void **state)
{
	Cctns__V1__Address *a;

	(void)state;
	start(D(address), "\n\n\nagra\n1\n\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	a = (Cctns__V1__Address *)form_doc(R.f);
	assert_int_equal(a->district_code, 118);
	assert_int_equal(a->state_code, 9);
	assert_said("State (code, or words to search) [9]:");
	finish();
}

/* Times: as a station writes them; never in the future. */
static void times_are_taken_as_written_and_not_in_the_future(void **state)
{
	Cctns__V1__FirContent *c;

	(void)state;
	start(D(fir_content),
	      "2026-11-20 18:30\n29/11/2099 10:00\n20/11/2026 25:00\n"
	      "20-11-2026 18:45:30\n20/11/2026\n2026-11-21T10:15:00+05:30\n",
	      0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	c = (Cctns__V1__FirContent *)form_doc(R.f);
	assert_string_equal(c->occurred_from, "2026-11-20T18:30:00+05:30");
	assert_string_equal(c->occurred_to, "2026-11-20T18:45:30+05:30");
	assert_string_equal(c->information_received_at,
	                    "2026-11-21T10:15:00+05:30");
	assert_said("! must not be in the future");
	assert_said("! is not a time of the calendar");
	assert_said("! needs the time of day too");
	finish();
}

static void time_and_date_parsing(void **state)
{
	char out[64], why[128];

	(void)state;
	assert_int_equal(form_parse_time("29/11/2026 10:30", 0, out,
	                                 sizeof(out), why, sizeof(why)),
	                 0);
	assert_string_equal(out, "2026-11-29T10:30:00+05:30");
	assert_int_equal(form_parse_time("1/2/2025 7:05", 0, out, sizeof(out),
	                                 why, sizeof(why)),
	                 0);
	assert_string_equal(out, "2025-02-01T07:05:00+05:30");
	assert_int_equal(
	        form_parse_time("now", 0, out, sizeof(out), why, sizeof(why)),
	        0);
	assert_string_equal(out, "1970-01-01T05:30:00+05:30");
	assert_int_equal(form_parse_time("yesterday 18:00", 86400, out,
	                                 sizeof(out), why, sizeof(why)),
	                 0);
	assert_string_equal(out, "1970-01-01T18:00:00+05:30");
	assert_int_equal(form_parse_time("29/02/2025 10:00", 0, out,
	                                 sizeof(out), why, sizeof(why)),
	                 -1);
	assert_int_equal(form_parse_time("tomorrow", 0, out, sizeof(out), why,
	                                 sizeof(why)),
	                 -1);
	assert_int_equal(form_parse_date("29/02/2024", 0, out, sizeof(out), why,
	                                 sizeof(why)),
	                 0);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(
	        form_parse_date("today", 0, out, sizeof(out), why, sizeof(why)),
	        0);
	assert_string_equal(out, "1970-01-01");
	assert_int_equal(form_parse_date("2024-2-30", 0, out, sizeof(out), why,
	                                 sizeof(why)),
	                 -1);
	assert_int_equal(
	        form_parse_date("1985", 0, out, sizeof(out), why, sizeof(why)),
	        -1);
}

/* A known accused needs a person: leaving it out is refused at once. */
static void a_rule_between_fields_is_checked_at_the_field(void **state)
{
	Cctns__V1__Accused *a;

	(void)state;
	start(D(accused), "known\nn\ny\nDeepak\n", 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	a = (Cctns__V1__Accused *)form_doc(R.f);
	assert_non_null(a->person);
	assert_string_equal(a->person->name, "Deepak");
	assert_said("! is required for a known or suspected accused");
	finish();
}

/* A required sub-form is checked whole at its end: the arrested person's
 * name, left empty, is named there. (Enter at every field, whatever the
 * person's fields are.) */
static void a_sub_form_is_checked_whole_at_its_end(void **state)
{
	char script[128] = "";

	(void)state;
	for (int i = 0; i < 100; i++)
		strcat(script, "\n");
	start(D(arrest_memo), script, 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	assert_said("! person.name: is required");
	finish();
}

/* Repeated texts (aliases) stop at their limit of two: no third is
 * offered. (Resumed from a draft that stands at the aliases.) */
static void repeated_texts_stop_at_their_limit(void **state)
{
	Cctns__V1__ArrestMemo *m;

	(void)state;
	write_draft("{\"cctns_draft\": 1, \"form\": \"cctns.v1.ArrestMemo\", "
	            "\"saved_at\": \"2026-11-29T10:32:05+05:30\", "
	            "\"position\": \"aliases\", "
	            "\"key\": \"000102030405060708090a0b0c0d0e0f\", "
	            "\"doc\": {\"person\": {\"name\": \"Ramu\"}}}");
	start(D(arrest_memo), "y\ny\nKallu\ny\nLallu\n", 1);
	assert_int_equal(form_offer_draft(R.f), 1);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	m = (Cctns__V1__ArrestMemo *)form_doc(R.f);
	assert_string_equal(m->person->name, "Ramu");
	assert_int_equal(m->n_aliases, 2);
	assert_string_equal(m->aliases[0], "Kallu");
	assert_string_equal(m->aliases[1], "Lallu");
	assert_said("A draft of this record from 29/11/2026 10:32 exists");
	assert_said("Alias 2: Lallu");
	assert_not_said("Add another alias? [y/N, - removes alias 2]");
	assert_said("Add identity document? [y/N]");
	finish();
}

/* A long text: line by line up to a line with a single dot. */
static void a_long_text_is_typed_line_by_line(void **state)
{
	Cctns__V1__AddGdEntry *g;

	(void)state;
	start(D(add_gd_entry),
	      "9\ndeparture\nSI Ravi left for the scene\nin jeep UP 80 AG "
	      "1243.\n"
	      ".\n",
	      0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	g = (Cctns__V1__AddGdEntry *)form_doc(R.f);
	assert_int_equal(g->kind, CCTNS__V1__GD_KIND__GD_KIND_DEPARTURE);
	assert_string_equal(g->text, "SI Ravi left for the scene\nin jeep UP "
	                             "80 AG 1243.");
	/* the kinds a station writes, only */
	assert_said("(1 general, 2 correction, 3 departure, 4 arrival)");
	finish();
}

/* The draft: saved after every answer, offered and resumed at the field
 * where the form stopped. */
static void a_draft_is_kept_and_resumed(void **state)
{
	Cctns__V1__FirContent *c;
	uint8_t key[FORM_KEY_LEN];
	struct stat st;

	(void)state;
	start(D(fir_content), "20/11/2026 18:30\n20/11/2026 18:45\n", 1);
	assert_int_equal(form_offer_draft(R.f), 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	assert_int_equal(stat(R.draft, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	finish();

	start(D(fir_content), "y\n21/11/2026 10:15\n", 1);
	memcpy(key, form_key(R.f), sizeof(key));
	assert_int_equal(form_offer_draft(R.f), 1);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	c = (Cctns__V1__FirContent *)form_doc(R.f);
	assert_string_equal(c->occurred_from, "2026-11-20T18:30:00+05:30");
	assert_string_equal(c->occurred_to, "2026-11-20T18:45:00+05:30");
	assert_string_equal(c->information_received_at,
	                    "2026-11-21T10:15:00+05:30");
	assert_said("A draft of this record from ");
	assert_said("exists: resume it? [Y/n]");
	/* resumed at the third field, not the first */
	assert_said("Information received at the station (DD/MM/YYYY HH:MM, "
	            "or now): 21/11/2026");
	assert_not_said("Occurrence from (DD/MM/YYYY HH:MM, or now):");
	finish();
}

static void the_key_is_kept_with_the_draft(void **state)
{
	uint8_t first[FORM_KEY_LEN];

	(void)state;
	R.keybyte = 0x11;
	start(D(officer), "UP-1\n", 1);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	memcpy(first, form_key(R.f), sizeof(first));
	finish();
	R.keybyte = 0x22;
	start(D(officer), "y\n", 1);
	/* a new form would get another key; the draft's is taken */
	assert_int_equal(form_offer_draft(R.f), 1);
	assert_memory_equal(form_key(R.f), first, sizeof(first));
	finish();
}

static void a_torn_draft_is_set_aside(void **state)
{
	char bad[160];
	struct stat st;

	(void)state;
	write_draft("{\"cctns_draft\": 1, \"form\": \"cctns.v1.Officer\", "
	            "\"doc\": {\"nu");
	start(D(officer), "UP-1\n", 1);
	assert_int_equal(form_offer_draft(R.f), 0);
	assert_said("cannot be used: it is not a whole JSON draft");
	assert_said("it was set aside as ");
	snprintf(bad, sizeof(bad), "%s.bad", R.draft);
	assert_int_equal(stat(bad, &st), 0);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	/* the first answer made a new draft */
	assert_int_equal(stat(R.draft, &st), 0);
	finish();
}

static void a_draft_of_another_form_is_set_aside(void **state)
{
	(void)state;
	start(D(address), "Line\n", 1);
	assert_int_equal(form_fill(R.f), FORM_EOF);
	finish();
	start(D(officer), "", 1);
	assert_int_equal(form_offer_draft(R.f), 0);
	assert_said("it is not a draft of this form");
	finish();
}

/* The review: edit one field and come back; quit keeps the draft;
 * discard removes it. */
static void the_review_edits_quits_and_discards(void **state)
{
	Cctns__V1__Officer *o;
	struct stat st;

	(void)state;
	start(D(officer), "UP-1\nR\nSI\ne\n3\nInspector\nq\n", 1);
	assert_int_equal(form_fill(R.f), FORM_QUIT);
	o = (Cctns__V1__Officer *)form_doc(R.f);
	assert_string_equal(o->rank, "Inspector");
	assert_said("    3  Rank");
	assert_int_equal(stat(R.draft, &st), 0);
	finish();

	start(D(officer), "y\nd\ny\n", 1);
	assert_int_equal(form_offer_draft(R.f), 1);
	assert_int_equal(form_fill(R.f), FORM_DISCARD);
	assert_int_equal(stat(R.draft, &st), -1);
	finish();
}

/* A field the server refused is asked again, then the review returns. */
static void a_refused_field_is_asked_again(void **state)
{
	(void)state;
	start(D(officer), "UP-1\nR\nSI\ns\nUP-15432\ns\n", 0);
	assert_int_equal(form_fill(R.f), FORM_SUBMIT);
	form_refused(R.f, "number", "no such officer number");
	assert_int_equal(form_fill(R.f), FORM_SUBMIT);
	assert_string_equal(((Cctns__V1__Officer *)form_doc(R.f))->number,
	                    "UP-15432");
	assert_said("! number: no such officer number");
	assert_said("Belt / service number [UP-1]: UP-15432");
	finish();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	        T(fields_are_asked_in_order_and_reviewed),
	        T(a_required_field_cannot_be_skipped),
	        T(a_wrong_answer_is_named_and_asked_again),
	        T(back_goes_to_the_field_before),
	        T(enter_keeps_and_dash_clears),
	        T(question_mark_explains_the_field),
	        T(sub_forms_and_enums),
	        T(an_optional_sub_form_can_be_left_out_and_dropped),
	        T(repeated_entries_are_added_and_removed),
	        T(a_law_is_searched_and_picked),
	        T(a_section_is_found_by_words_and_picked),
	        T(a_typed_code_is_checked_when_the_server_answers),
	        T(a_district_pick_fills_its_state),
	        T(times_are_taken_as_written_and_not_in_the_future),
	        T(time_and_date_parsing),
	        T(a_rule_between_fields_is_checked_at_the_field),
	        T(a_sub_form_is_checked_whole_at_its_end),
	        T(repeated_texts_stop_at_their_limit),
	        T(a_long_text_is_typed_line_by_line),
	        T(a_draft_is_kept_and_resumed),
	        T(the_key_is_kept_with_the_draft),
	        T(a_torn_draft_is_set_aside),
	        T(a_draft_of_another_form_is_set_aside),
	        T(the_review_edits_quits_and_discards),
	        T(a_refused_field_is_asked_again),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

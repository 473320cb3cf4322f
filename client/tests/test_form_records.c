/* test_form_records.c: every record that has a form ("cctns <noun> new",
 * "cctns <noun> new-<step> NUMBER") can be filled in to the end: for each
 * write's submit_kind (form_kinds.h) a scripted person answers the form,
 * the review shows the record (as it will print, where a printout exists)
 * and is submitted, and the request the command would send is checked as
 * the server checks it (envelope_check_request). A few cases also prove
 * what the tables add: a time in the future refused and corrected, the act
 * proposed from an NCR's date of occurrence, a petition's district and
 * station picked by name, the deposit never offered as a movement.
 *
 * The person is a prompt-driven feeder (like tests/integration/
 * form_driver.bash): it answers the prompts a case names, in order, and
 * presses Enter at any other (an optional field), so fields added to a
 * message later do not break these tests; a prompt that keeps coming back
 * (a required field the case does not know) ends the input and fails the
 * case with the transcript. TEST_FORM_RECORDS_SHOW=1 prints every
 * transcript, to read the forms as a person sees them. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <cmocka.h>

#include "envelope.h"
#include "form.h"
#include "form_kinds.h"
#include "util.h"

/* ------------------------------------------------------------ the person */

typedef struct rule {
	const char *prompt; /* occurs in what the form said since the last
	                       answer (the prompt, its list, its errors) */
	const char *answer; /* lines; a text of several lines ends in "\n." */
} rule;

#define END                                                                    \
	{                                                                      \
		NULL, NULL                                                     \
	}
#define SUBMIT                                                                 \
	{                                                                      \
		"[s]ubmit", "s"                                                \
	}
/* An officer sub-form: number, name, rank. */
#define OFFICER(num, name, rank)                                               \
	{"Belt / service number", num}, {"Name:", name},                       \
	{                                                                      \
		"Rank", rank                                                   \
	}

typedef struct feeder {
	const rule *rules;
	size_t next;   /* the rule waiting for its prompt */
	FILE *out;     /* what the form writes */
	char **outbuf; /* ... its memstream buffer */
	size_t *outlen;
	size_t seen;    /* how much of it was answered already */
	char last[256]; /* the last prompt answered with Enter */
	int same;       /* how many times in a row */
	char *log;      /* the transcript: the form's words and answers */
	size_t loglen, logcap;
} feeder;

static void log_add(feeder *fd, const char *s, size_t n)
{
	if (fd->loglen + n + 1 > fd->logcap) {
		fd->logcap = 2 * (fd->loglen + n + 1);
		fd->log = xrealloc(fd->log, fd->logcap);
	}
	memcpy(fd->log + fd->loglen, s, n);
	fd->loglen += n;
	fd->log[fd->loglen] = '\0';
}

/* The last line of text (the prompt itself). */
static void last_line(const char *text, char *buf, size_t n)
{
	const char *end = text + strlen(text), *p = end;

	while (p > text && p[-1] == '\n')
		p--;
	end = p;
	while (p > text && p[-1] != '\n')
		p--;
	snprintf(buf, n, "%.*s", (int)(end - p), p);
}

/* The stdio read of the form's input: the answer to what it just asked. */
static ssize_t feed(void *cookie, char *buf, size_t size)
{
	feeder *fd = cookie;
	const rule *r = &fd->rules[fd->next];
	char *said, prompt[256];
	const char *answer = "";
	int n;

	fflush(fd->out);
	said = xstrdup(*fd->outbuf + fd->seen);
	fd->seen = *fd->outlen;
	log_add(fd, said, strlen(said));
	last_line(said, prompt, sizeof(prompt));
	if (r->prompt && strstr(said, r->prompt)) {
		answer = r->answer;
		fd->next++;
		fd->same = 0;
	} else if (strcmp(prompt, fd->last) == 0 && ++fd->same >= 3) {
		free(said);
		log_add(fd, "<the same prompt again: input ended>\n", 38);
		return 0;
	} else if (strcmp(prompt, fd->last) != 0) {
		snprintf(fd->last, sizeof(fd->last), "%s", prompt);
		fd->same = 0;
	}
	free(said);
	n = snprintf(buf, size, "%s\n", answer);
	assert_true(n > 0 && (size_t)n < size);
	log_add(fd, buf, (size_t)n);
	return n;
}

/* ------------------------------------------------------------ lookups */

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

/* The server's lists as far as these cases ask: BNS 303, IPC 379, the
 * district of Aligarh (119, state 9) and its Civil Lines station (2001). */
static int fake_lookup(void *arg, const Cctns__V1__LookupRef *q,
                       Cctns__V1__RefList **out, char *why, size_t whysz)
{
	Cctns__V1__RefList *l = xmalloc(sizeof(*l));
	Cctns__V1__RefItem *it = NULL;
	int act = q->act;

	(void)arg;
	(void)why;
	(void)whysz;
	cctns__v1__ref_list__init(l);
	l->kind = q->kind;
	if (!act && q->on_date && *q->on_date)
		act = strcmp(q->on_date, "2024-07-01") < 0
		              ? CCTNS__V1__ACT__ACT_IPC
		              : CCTNS__V1__ACT__ACT_BNS;
	if (q->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION &&
	    strcmp(q->query, "303") == 0 && act != CCTNS__V1__ACT__ACT_IPC)
		it = item("303", "Theft", "IPC 378, IPC 379", "bns");
	else if (q->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION &&
	         strcmp(q->query, "379") == 0 && act != CCTNS__V1__ACT__ACT_BNS)
		it = item("379", "Punishment for theft", "BNS 303(2)", "ipc");
	else if (q->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_DISTRICT &&
	         strcmp(q->query, "aligarh") == 0)
		it = item("119", "Aligarh", "Uttar Pradesh", "9");
	else if (q->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_STATION &&
	         strcmp(q->query, "civil") == 0 && q->district_code == 119)
		it = item("2001", "Aligarh Civil Lines", "Aligarh", "119");
	else if (q->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_STATION &&
	         strcmp(q->query, "2001") == 0)
		it = item("2001", "Aligarh Civil Lines", "Aligarh", "119");
	else if (q->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_DISTRICT &&
	         strcmp(q->query, "119") == 0)
		it = item("119", "Aligarh", "Uttar Pradesh", "9");
	else if (q->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_STATE &&
	         strcmp(q->query, "9") == 0)
		it = item("9", "Uttar Pradesh", "", "");
	else if (q->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_MO_HEAD &&
	         strcmp(q->query, "chain") == 0)
		it = item("chain_snatching",
		          "Theft: chain or ornament snatching", "", "theft");
	if (it) {
		l->n_items = 1;
		l->items = xcalloc(1, sizeof(*l->items));
		l->items[0] = it;
	}
	*out = l;
	return 0;
}

/* ------------------------------------------------------------ one case */

typedef struct record_case {
	const submit_kind *kind;
	const char *number; /* NUMBER of the command, or NULL */
	const rule *rules;
	const char *shown; /* in the review (the printout), or NULL */
} record_case;

typedef struct filled {
	form *f;
	feeder fd;
	char *outbuf;
	size_t outlen;
	FILE *in;
} filled;

/* Fail with the transcript (on stderr: cmocka cuts long messages). */
static void failed(const filled *x, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static void failed(const filled *x, const char *fmt, ...)
{
	char why[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	fprintf(stderr, "---- the form said:\n%s\n---- %s\n", x->fd.log, why);
	fail_msg("%s", why);
}

/* Fill the case's form to the end and check its request; the form is
 * left in *x for the case's own checks (filled_free). */
static void fill(const record_case *c, filled *x)
{
	cookie_io_functions_t io = {.read = feed};
	form_spec spec = {
	        .desc = c->kind->doc,
	        .title = c->kind->noun,
	        .own = c->kind->own,
	        .preview = c->kind->preview,
	        .lookup = {fake_lookup, NULL},
	};
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	submit_call call;
	check_error err;
	void *request;
	form_end end;

	memset(x, 0, sizeof(*x));
	x->fd.rules = c->rules;
	x->fd.out = open_memstream(&x->outbuf, &x->outlen);
	x->fd.outbuf = &x->outbuf;
	x->fd.outlen = &x->outlen;
	x->in = fopencookie(&x->fd, "r", io);
	assert_non_null(x->in);
	spec.in = x->in;
	spec.out = x->fd.out;
	memset(spec.key, 0x5a, sizeof(spec.key));
	x->f = form_new(&spec);
	assert_non_null(x->f);

	end = form_fill(x->f);
	fflush(x->fd.out);
	log_add(&x->fd, x->outbuf + x->fd.seen, x->outlen - x->fd.seen);
	if (getenv("TEST_FORM_RECORDS_SHOW")) /* to read every form once */
		fprintf(stderr, "%s\n", x->fd.log);
	if (end != FORM_SUBMIT)
		failed(x,
		       "the %s was not submitted (end %d); rule %zu (\"%s\") "
		       "waits",
		       c->kind->noun, (int)end, x->fd.next,
		       c->rules[x->fd.next].prompt ? c->rules[x->fd.next].prompt
		                                   : "-");
	if (c->shown && !strstr(x->fd.log, c->shown))
		failed(x, "the review does not show \"%s\"", c->shown);

	call.doc = form_doc(x->f);
	call.key.len = FORM_KEY_LEN;
	call.key.data = (uint8_t *)form_key(x->f);
	call.fir_number = c->number;
	request = c->kind->wrap(&call, &env);
	env.request_id = 1;
	if (envelope_check_request(&env, &err) < 0)
		failed(x, "the %s's request is refused: %s: %s", c->kind->noun,
		       err.field, err.message);
	free(request);
}

static void filled_free(filled *x)
{
	form_free(x->f);
	fclose(x->in);
	fclose(x->fd.out);
	free(x->outbuf);
	free(x->fd.log);
}

static void run_case(const record_case *c)
{
	filled x;

	fill(c, &x);
	filled_free(&x);
}

#define said(x, text)                                                          \
	do {                                                                   \
		if (!strstr((x)->fd.log, text))                                \
			failed(x, "\"%s\" not said", text);                    \
	} while (0)

/* ------------------------------------------------------------ petitions */

static void a_petition_is_registered(void **state)
{
	static const rule r[] = {
	        {"Received at the station", "yesterday 10:00"},
	        {"How received", "in_person"},
	        {"Name:", "Ramesh Chandra"},
	        {"Add a respondent?", "y"},
	        {"Name:", "Raju"},
	        {"Add another respondent?", "n"},
	        {"Subject:", "Lane blocked every night"},
	        {"The petition", "He parks his tractor across the lane.\n."},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&petition_register_kind, NULL, r,
	                       "PETITION / COMPLAINT REGISTER"};

	(void)state;
	run_case(&c);
}

static void a_petition_gets_its_enquiry_officer(void **state)
{
	static const rule r[] = {
	        OFFICER("UP-15433", "Mohan Lal", "SI"),
	        OFFICER("UP-10001", "Ajay Singh", "Inspector"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&petition_assign_kind, "1/2026", r, NULL};

	(void)state;
	run_case(&c);
}

static void a_petition_gets_its_enquiry_report(void **state)
{
	static const rule r[] = {
	        {"Reported at", "now"},
	        {"Findings", "The lane was found blocked on two visits.\n."},
	        {"Recommendation", "close"},
	        OFFICER("UP-15433", "Mohan Lal", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&petition_report_kind, "1/2026", r, NULL};

	(void)state;
	run_case(&c);
}

/* A transfer: the district and the station picked by words of their
 * names, the station searched in the district picked. */
static void a_petition_is_transferred_to_a_station_picked_by_name(void **state)
{
	static const rule r[] = {
	        {"Disposal", "transferred"},
	        {"District transferred to", "aligarh"},
	        {"Pick 1-1", "1"},
	        {"Police station transferred to", "civil"},
	        {"Pick 1-1", "1"},
	        OFFICER("UP-10001", "Ajay Singh", "Inspector"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&petition_dispose_kind, "1/2026", r, NULL};
	const Cctns__V1__PetitionDisposal *d;
	filled x;

	(void)state;
	fill(&c, &x);
	d = (const Cctns__V1__PetitionDisposal *)form_doc(x.f);
	assert_int_equal(d->transfer_district_code, 119);
	assert_int_equal(d->transfer_station_code, 2001);
	said(&x, "= 2001: Aligarh Civil Lines");
	filled_free(&x);
}

/* ------------------------------------------------------------ NCR, lost */

/* The act is proposed from the date of occurrence: IPC before 1 July 2024
 * (Enter takes it), and the section looked up in it. */
static void an_ncr_is_recorded_under_the_act_of_its_date(void **state)
{
	static const rule r[] = {
	        {"Occurred at", "15/03/2024 18:00"},
	        {"Reported at the station", "16/03/2024 10:00"},
	        {"Name:", "Sita Devi"},
	        {"Act (1 ipc, 2 bns, 3 special_local) [ipc]", ""},
	        {"Section (", "379"},
	        {"Substance of the information",
	         "The opposite party abused the informant.\n."},
	        {"Informant referred to the Magistrate? [Y/n]", ""},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&ncr_register_kind, NULL, r,
	                       "NON-COGNIZABLE REPORT"};
	const Cctns__V1__Ncr *n;
	filled x;

	(void)state;
	fill(&c, &x);
	n = (const Cctns__V1__Ncr *)form_doc(x.f);
	assert_int_equal(n->n_sections, 1);
	assert_int_equal(n->sections[0]->act, CCTNS__V1__ACT__ACT_IPC);
	assert_string_equal(n->sections[0]->section, "379");
	assert_true(n->advice_given);
	filled_free(&x);
}

static void a_lost_property_report_is_recorded(void **state)
{
	static const rule r[] = {
	        {"Name:", "Anil Kumar"},
	        {"Lost at (or from)", "yesterday 09:00"},
	        {"Lost up to", "yesterday 11:00"},
	        {"Kind", "mobile_phone"},
	        {"Identifier", "351234567890123"},
	        {"Value (rupees)", "12000"},
	        {"Add another item?", "n"},
	        {"How it was lost", "It fell from his pocket in the bus.\n."},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&lost_register_kind, NULL, r,
	                       "LOST PROPERTY REPORT"};

	(void)state;
	run_case(&c);
}

/* ------------------------------------------------------------ seizure */

/* Two witnesses, one item; a seizure time in the future refused on the
 * spot and corrected. */
static void a_seizure_memo_is_filled_and_a_future_time_corrected(void **state)
{
	static const rule r[] = {
	        {"Nature of the property", "stolen"},
	        {"Seized at", "29/11/2099 10:00"},
	        {"must not be in the future", "yesterday 12:00"},
	        {"Place of seizure", "House of the accused, Sadar Bazaar"},
	        {"Add person seized from?", "y"},
	        {"Name:", "Deepak"},
	        {"Add a witness?", "y"},
	        {"Name:", "Mahesh Gupta"},
	        {"Add another witness?", "y"},
	        {"Name:", "Suresh Yadav"},
	        {"Add another witness?", "n"},
	        {"Kind", "mobile_phone"},
	        {"Description", "Black Samsung phone"},
	        {"Quantity", "1"},
	        {"Add another item?", "n"},
	        {"Seal used", "PS Kotwali seal"},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&seizure_register_kind, "42/2026", r,
	                       "PROPERTY SEARCH AND SEIZURE MEMO"};
	const Cctns__V1__SeizureMemo *m;
	filled x;

	(void)state;
	fill(&c, &x);
	m = (const Cctns__V1__SeizureMemo *)form_doc(x.f);
	assert_int_equal(m->n_witnesses, 2);
	assert_int_equal(m->n_items, 1);
	assert_true(strncmp(m->seized_at, "2099", 4) != 0);
	said(&x, "! must not be in the future");
	filled_free(&x);
}

/* The deposit is the seizure's: it is not offered as a movement. */
static void a_malkhana_movement_never_offers_the_deposit(void **state)
{
	static const rule r[] = {
	        {"Movement", "to_court"},
	        {"Moved at", "now"},
	        {"To whom", "CJM Agra"},
	        {"Order or letter number", "CJM Agra summons 4521/2026"},
	        OFFICER("UP-31007", "Harish Chandra", "HC"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&malkhana_move_kind, "12/2026", r, NULL};
	filled x;

	(void)state;
	fill(&c, &x);
	said(&x, "to_court");
	if (strstr(x.fd.log, "deposited"))
		failed(&x, "the deposit is offered");
	filled_free(&x);
}

/* ------------------------------------------------------------ court */

static void a_charge_sheet_is_filed(void **state)
{
	static const rule r[] = {
	        {"Type of final report", "charge_sheet"},
	        {"Filed in court at", "now"},
	        {"Court", "Court of the CJM, Agra"},
	        {"Add an accused charge-sheeted?", "y"},
	        {"Accused code", "A1"},
	        {"Act (", "bns"},
	        {"Section (", "303(2)"},
	        {"Add another charge?", "n"},
	        {"Status of the accused", "in_custody"},
	        {"Add another accused charge-sheeted?", "n"},
	        {"Brief facts and result",
	         "The phone was recovered from A1.\n."},
	        OFFICER("UP-15433", "Mohan Lal", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&final_report_file_kind, "42/2026", r,
	                       "FINAL REPORT: CHARGE-SHEET"};

	(void)state;
	run_case(&c);
}

static void a_court_disposal_is_recorded(void **state)
{
	static const rule r[] = {
	        {"Disposal", "convicted"},
	        {"Date of judgement", "yesterday"},
	        {"Court", "Court of the CJM, Agra"},
	        {"Accused code", "A1"},
	        {"Result of trial", "convicted"},
	        {"Add a charge?", "y"},
	        {"Act (", "bns"},
	        {"Section (", "303(2)"},
	        {"Add another charge?", "n"},
	        {"Punishment", "rigorous_imprisonment"},
	        {"Period (months)", "24"},
	        {"Fine (rupees)", "5000"},
	        {"Add another accused?", "n"},
	        OFFICER("UP-15433", "Mohan Lal", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&court_disposal_kind, "42/2026", r,
	                       "COURT DISPOSAL AND RESULT OF APPEAL"};

	(void)state;
	run_case(&c);
}

static void an_appeal_is_recorded(void **state)
{
	static const rule r[] = {
	        {"Appellate court", "Sessions Court, Agra"},
	        {"Filed on", "today"},
	        {"Appellant", "accused"},
	        {"Add an accused code?", "y"},
	        {"Accused code 1", "A1"},
	        {"Add another accused code?", "n"},
	        OFFICER("UP-15433", "Mohan Lal", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&court_appeal_kind, "42/2026", r,
	                       "COURT DISPOSAL AND RESULT OF APPEAL"};

	(void)state;
	run_case(&c);
}

static void the_result_of_an_appeal_is_recorded(void **state)
{
	static const rule r[] = {
	        {"Appellate court", "Sessions Court, Agra"},
	        {"Decided on", "today"},
	        {"Accused code", "A1"},
	        {"Result of appeal", "upheld"},
	        {"Add another accused?", "n"},
	        OFFICER("UP-15433", "Mohan Lal", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&court_appeal_result_kind, "42/2026", r,
	                       "COURT DISPOSAL AND RESULT OF APPEAL"};

	(void)state;
	run_case(&c);
}

/* ------------------------------------------------------------ registers2 */

static void a_missing_person_is_registered(void **state)
{
	static const rule r[] = {
	        {"Name:", "Pooja Sharma"},
	        {"Gender", "female"},
	        {"Year of birth", "1990"},
	        {"Missing since", "yesterday 17:00"},
	        {"Reported at the station", "now"},
	        {"Name:", "Kamla Sharma"},
	        {"Informant's relation to the missing person", "mother"},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&missing_register_kind, NULL, r,
	                       "MISSING PERSON REPORT"};

	(void)state;
	run_case(&c);
}

static void a_missing_person_is_traced(void **state)
{
	static const rule r[] = {
	        {"Traced at", "now"},
	        {"How traced", "returned_home"},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&missing_traced_kind, "3/2026", r, NULL};

	(void)state;
	run_case(&c);
}

static void an_unidentified_body_is_registered(void **state)
{
	static const rule r[] = {
	        {"Kind", "unidentified_body"},
	        {"Found (or reported) at", "yesterday 06:00"},
	        {"Apparent cause", "drowning"},
	        {"Apparent age from (years)", "30"},
	        {"Apparent age to (years)", "40"},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&ud_register_kind, NULL, r,
	                       "UNIDENTIFIED DEAD BODY"};

	(void)state;
	run_case(&c);
}

static void a_body_is_identified(void **state)
{
	static const rule r[] = {
	        {"Name:", "Ram Prakash"},
	        {"Name:", "Shyam Prakash"},
	        {"Identified at", "now"},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&ud_identify_kind, "3/2026", r, NULL};

	(void)state;
	run_case(&c);
}

static void a_stolen_vehicle_is_reported(void **state)
{
	static const rule r[] = {
	        {"Kind of report", "stolen"},
	        {"Registration number", "UP80AB1234"},
	        {"Vehicle type", "two_wheeler"},
	        {"Make", "Hero"},
	        {"Stolen, recovered or found at", "yesterday 20:00"},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&vehicle_report_kind, NULL, r,
	                       "(Register of stolen and recovered vehicles)"};

	(void)state;
	run_case(&c);
}

/* ------------------------------------------------------------ case */

static void a_case_gets_its_investigating_officer(void **state)
{
	static const rule r[] = {
	        OFFICER("UP-15433", "Mohan Lal", "SI"),
	        OFFICER("UP-10001", "Ajay Singh", "Inspector"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&case_assign_io_kind, "42/2026", r, NULL};

	(void)state;
	run_case(&c);
}

/* ------------------------------------------------------------ FIR, persons */

static void a_zero_fir_is_transferred(void **state)
{
	static const rule r[] = {
	        {"State code", "9"},
	        {"District code", "119"},
	        {"Station code", "2001"},
	        {"Reason",
	         "The place of occurrence is in Aligarh Civil Lines."},
	        OFFICER("UP-10001", "Ajay Singh", "Inspector"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&fir_transfer_kind, "42/2026", r, NULL};

	(void)state;
	run_case(&c);
}

static void an_efir_signature_is_recorded(void **state)
{
	static const rule r[] = {
	        {"Signed at", "now"},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&efir_sign_kind, "42/2026", r, NULL};

	(void)state;
	run_case(&c);
}

static void crime_details_are_filled(void **state)
{
	static const rule r[] = {
	        {"Major", "chain"},
	        {"Pick 1-1", "1"},
	        {"Place type", "road"},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&crime_details_record_kind, "42/2026", r, NULL};

	(void)state;
	run_case(&c);
}

static void a_person_gets_details(void **state)
{
	static const rule r[] = {
	        {"Add an alias", "y"},
	        {"Alias", "Kallu"},
	        OFFICER("UP-15432", "Ravi Kumar Sharma", "SI"),
	        SUBMIT,
	        END,
	};
	const record_case c = {&person_update_kind, "5", r, NULL};

	(void)state;
	run_case(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(a_petition_is_registered),
	        cmocka_unit_test(a_petition_gets_its_enquiry_officer),
	        cmocka_unit_test(a_petition_gets_its_enquiry_report),
	        cmocka_unit_test(
	                a_petition_is_transferred_to_a_station_picked_by_name),
	        cmocka_unit_test(an_ncr_is_recorded_under_the_act_of_its_date),
	        cmocka_unit_test(a_lost_property_report_is_recorded),
	        cmocka_unit_test(
	                a_seizure_memo_is_filled_and_a_future_time_corrected),
	        cmocka_unit_test(a_malkhana_movement_never_offers_the_deposit),
	        cmocka_unit_test(a_charge_sheet_is_filed),
	        cmocka_unit_test(a_court_disposal_is_recorded),
	        cmocka_unit_test(an_appeal_is_recorded),
	        cmocka_unit_test(the_result_of_an_appeal_is_recorded),
	        cmocka_unit_test(a_missing_person_is_registered),
	        cmocka_unit_test(a_missing_person_is_traced),
	        cmocka_unit_test(an_unidentified_body_is_registered),
	        cmocka_unit_test(a_body_is_identified),
	        cmocka_unit_test(a_stolen_vehicle_is_reported),
	        cmocka_unit_test(a_case_gets_its_investigating_officer),
	        cmocka_unit_test(a_zero_fir_is_transferred),
	        cmocka_unit_test(an_efir_signature_is_recorded),
	        cmocka_unit_test(crime_details_are_filled),
	        cmocka_unit_test(a_person_gets_details),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* form_code.c: code fields of a form (a district, a section, an MO head):
 * the value typed is looked up in the server's lists (LookupRef) and picked
 * from a short numbered list, or taken as typed when it is a known code. */
#include "form.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "envelope.h"
#include "form_int.h"
#include "pbjson.h"
#include "timefmt.h"
#include "util.h"

/* ------------------------------------------------------------ code fields */

static const char *kind_noun(Cctns__V1__LookupKind k)
{
	static const char *const nouns[] = {"code",     "section",
	                                    "district", "police station",
	                                    "MO head",  "special or local law",
	                                    "state"};

	return (size_t)k < ARRAY_LEN(nouns) ? nouns[k] : "code";
}

void form_print_ref_item(FILE *out, Cctns__V1__LookupKind kind, size_t n,
                         const Cctns__V1__RefItem *it)
{
	char code[64];

	if (kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION)
		snprintf(code, sizeof(code), "%s%s%s", it->parent,
		         *it->parent ? " " : "", it->code);
	else
		snprintf(code, sizeof(code), "%s", it->code);
	if (kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION)
		for (char *p = code; *p && *p != ' '; p++)
			*p = (char)toupper((unsigned char)*p);
	if (n)
		fprintf(out, "  %3zu  ", n);
	else
		fprintf(out, "  ");
	fprintf(out, "%-12s %s", code, it->label);
	if (*it->extra)
		fprintf(out, " (%s)", it->extra);
	fprintf(out, "\n");
}

/* Look q up; NULL after saying why. */
static Cctns__V1__RefList *lookup(form *f, const step *s,
                                  const Cctns__V1__LookupRef *q)
{
	Cctns__V1__RefList *list = NULL;
	char why[512];

	if (f->spec.lookup.fn(f->spec.lookup.arg, q, &list, why, sizeof(why)) ==
	    0)
		return list;
	form_spaces(f, 2 * s->depth + 2);
	form_say(f, "! cannot look it up now: %s\n", why);
	return NULL;
}

/* The part of a typed code that names the entry: "303" of "303(2)". */
static void code_base(const char *text, char *base, size_t n)
{
	size_t k = strcspn(text, "(");

	snprintf(base, n, "%.*s", (int)k, text);
	for (char *p = base; *p; p++)
		*p = (char)toupper((unsigned char)*p);
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* Typed as a code rather than words: a number (for a section, starting
 * with one), or a single word for the codes that are words (NDPS). */
static int typed_as_code(const step *s, const form_code *c, const char *text)
{
	if (s->r.f->type != PROTOBUF_C_TYPE_STRING)
		return all_digits(text);
	if (c->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION)
		return isdigit((unsigned char)text[0]);
	return strchr(text, ' ') == NULL;
}

/* Take the picked item (with a typed tail such as "(2)" for a section's
 * sub-section). */
static int take_item(form *f, const step *s, const form_code *c,
                     const Cctns__V1__RefItem *it, const char *tail)
{
	char value[128];
	int rc;

	snprintf(value, sizeof(value), "%s%s",
	         c->take_parent ? it->parent : it->code, tail);
	rc = form_try_value(f, s, value);
	if (rc < 0)
		return rc;
	if (c->also)
		form_set_also(s, c->also,
		              c->take_parent ? it->code : it->parent);
	form_spaces(f, 2 * s->depth + 2);
	if (c->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION) {
		form_say(f, "= ");
		for (const char *p = it->parent; *p; p++)
			fputc(toupper((unsigned char)*p), f->spec.out);
		form_say(f, " ");
	} else {
		form_say(f, "= ");
	}
	form_say(f, "%s: %s\n", value, it->label);
	return rc;
}

static const Cctns__V1__RefItem *exact(const Cctns__V1__RefList *list,
                                       const char *base)
{
	for (size_t i = 0; list && i < list->n_items; i++)
		if (strcasecmp(list->items[i]->code, base) == 0)
			return list->items[i];
	return NULL;
}

typedef enum pick_rc {
	PICK_TAKEN, /* a value was set (and checked: see *rc) */
	PICK_AGAIN, /* ask the field again */
	PICK_WORDS, /* other words were typed: search again */
	PICK_EOF,
} pick_rc;

/* Show list; read a pick ("2", "2(1)"), other words (put into words), or
 * Enter to ask the field again. */
static pick_rc pick(form *f, const step *s, const form_code *c,
                    const Cctns__V1__RefList *list, char *words, size_t wsz,
                    int *rc)
{
	const char *in;
	char *end;
	long k;
	int section = c->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION;

	for (size_t i = 0; i < list->n_items; i++) {
		form_spaces(f, 2 * s->depth);
		form_print_ref_item(f->spec.out, c->kind, i + 1,
		                    list->items[i]);
	}
	if (list->more) {
		form_spaces(f, 2 * s->depth + 2);
		form_say(f, "(more match: add words to narrow it)\n");
	}
	form_spaces(f, 2 * s->depth + 2);
	form_say(f,
	         "Pick 1-%zu%s, other words to search again, Enter to type it "
	         "instead: ",
	         list->n_items, section ? " (1(2) adds a sub-section)" : "");
	in = form_read_line(f, 1);
	if (!in)
		return PICK_EOF;
	if (!*in || strcmp(in, "<") == 0)
		return PICK_AGAIN;
	k = strtol(in, &end, 10);
	if (isdigit((unsigned char)*in) && k >= 1 &&
	    (size_t)k <= list->n_items &&
	    (*end == '\0' || (section && *end == '('))) {
		*rc = take_item(f, s, c, list->items[k - 1], end);
		return *rc < 0 ? PICK_AGAIN : PICK_TAKEN;
	}
	snprintf(words, wsz, "%s", in);
	return PICK_WORDS;
}

/* Words typed at a code field: search, pick, search again. */
static pick_rc search(form *f, const step *s, const form_code *c,
                      Cctns__V1__LookupRef *q, const char *text, int *rc)
{
	char words[256];

	snprintf(words, sizeof(words), "%s", text);
	for (;;) {
		Cctns__V1__RefList *list;
		pick_rc p;

		q->query = words;
		q->limit = PICK_LIMIT;
		list = lookup(f, s, q);
		if (!list)
			return PICK_AGAIN;
		if (list->n_items == 0) {
			form_spaces(f, 2 * s->depth + 2);
			form_say(f, "! no %s found for \"%s\"\n",
			         kind_noun(c->kind), words);
			protobuf_c_message_free_unpacked(&list->base, NULL);
			return PICK_AGAIN;
		}
		p = pick(f, s, c, list, words, sizeof(words), rc);
		protobuf_c_message_free_unpacked(&list->base, NULL);
		if (p != PICK_WORDS)
			return p;
	}
}

/* A code field's answer: a code (checked against the server when it can
 * be reached) or words to search. Returns as try_value, or 2 for "ask
 * again", or 3 at the end of the input. */
int form_take_code(form *f, const step *s, const form_code *c, const char *text)
{
	Cctns__V1__LookupRef q = CCTNS__V1__LOOKUP_REF__INIT;
	Cctns__V1__RefList *list;
	const Cctns__V1__RefItem *it;
	char base[64];
	int rc = 0;
	pick_rc p;

	q.kind = c->kind;
	if (!f->spec.lookup.fn ||
	    (c->context && !c->context(f->doc, s->r.m, &q)))
		return form_try_value(f, s, text);
	if (typed_as_code(s, c, text)) {
		code_base(text, base, sizeof(base));
		q.query = base;
		q.limit = PICK_LIMIT;
		list = lookup(f, s, &q);
		if (!list) /* the server will check it */
			return form_try_value(f, s, text);
		it = exact(list, base);
		if (it)
			rc = take_item(f, s, c, it, text + strcspn(text, "("));
		protobuf_c_message_free_unpacked(&list->base, NULL);
		if (it)
			return rc;
		if (s->r.f->type != PROTOBUF_C_TYPE_STRING ||
		    c->kind == CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION) {
			form_report(f, s, s->path,
			            "no such code: type words to search");
			return -1;
		}
	}
	p = search(f, s, c, &q, text, &rc);
	if (p == PICK_EOF)
		return 3;
	return p == PICK_TAKEN ? rc : 2;
}

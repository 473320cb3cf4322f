/* form_review.c: the review at the end of a form: every answer listed, an
 * answer chosen to edit, the whole document checked, then submit, save and
 * quit, or discard. */
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

/* ------------------------------------------------------------ review */

/* A step's label in the list: "Rank", "Alias 2". */
static void step_label(const step *s, char *buf, size_t bufsz)
{
	char noun[64];

	if (!s->r.elem) {
		form_field_label(s->r.m->descriptor, s->r.f, buf, bufsz);
		return;
	}
	form_entry_noun(s->r.m->descriptor, s->r.f, noun, sizeof(noun));
	noun[0] = (char)toupper((unsigned char)noun[0]);
	form_bprintf(buf, bufsz, "%s %zu", noun, s->r.i + 1);
}

/* A step's value in the list: times as read, a long text's first line
 * cut at 70 characters, sub-forms given or not, entries counted. */
static void step_shown(const step *s, char *buf, size_t bufsz)
{
	field_rule_info info;
	char v[256];
	size_t line;

	envelope_field_info(s->r.m->descriptor, s->r.f->name, &info);
	if (s->kind == ST_ADD)
		snprintf(v, sizeof(v), "%s",
		         fv_present(s->r.m, s->r.f) ? "given" : "not given");
	else if (s->kind == ST_MORE)
		snprintf(v, sizeof(v), "%zu given", fv_count(s->r.m, s->r.f));
	else
		fv_text(&s->r, v, sizeof(v));
	if (s->kind == ST_FIELD && form_is_time_field(s, &info)) {
		fv_time_words(v, buf, bufsz);
		return;
	}
	line = strcspn(v, "\n");
	form_bprintf(buf, bufsz, "%.*s%s", line > 70 ? 70 : (int)line, v,
	             line < strlen(v) || line > 70 ? " ..." : "");
}

/* Every field asked, numbered (the numbers "edit" takes), under the
 * sub-forms it is in. */
static void list_fields(form *f)
{
	char label[96], shown[96];
	size_t k = 0;

	f->shown_ctx[0] = '\0';
	for (size_t i = 0; i < f->nsteps; i++) {
		const step *s = &f->steps[i];

		if (!form_is_input(s))
			continue;
		k++;
		if (strcmp(f->shown_ctx, s->ctx) != 0) {
			snprintf(f->shown_ctx, sizeof(f->shown_ctx), "%s",
			         s->ctx);
			if (*s->ctx)
				form_say(f, "       %*s%s\n", 2 * s->depth - 2,
				         "", s->ctx);
		}
		step_label(s, label, sizeof(label));
		step_shown(s, shown, sizeof(shown));
		form_say(f, "  %3zu  %*s%-*s %s\n", k, 2 * s->depth, "",
		         36 - 2 * s->depth > 10 ? 36 - 2 * s->depth : 10, label,
		         *shown ? shown : "-");
	}
	f->shown_ctx[0] = '\0';
}

/* The k-th input step (1-based), or nsteps. */
static size_t nth_input(const form *f, long k)
{
	for (size_t i = 0; i < f->nsteps; i++)
		if (form_is_input(&f->steps[i]) && --k == 0)
			return i;
	return f->nsteps;
}

static ask_rc choose_edit(form *f)
{
	const char *in;
	char *end;
	long k;
	size_t i;

	list_fields(f);
	form_say(f,
	         "Field to edit (its number, or a path like complainant.name; "
	         "Enter to go back): ");
	in = form_read_line(f, 1);
	if (!in)
		return ASK_EOF;
	if (!*in)
		return ASK_STAY;
	k = strtol(in, &end, 10);
	i = *end == '\0' ? nth_input(f, k) : form_find_step(f, in);
	if (i >= f->nsteps) {
		form_say(f, "! no field %s\n", in);
		return ASK_STAY;
	}
	snprintf(f->edit, sizeof(f->edit), "%s", f->steps[i].path);
	f->editing = 1;
	f->pos = i;
	return ASK_JUMP;
}

/* Every field the form asks, as the server will check it (not the fields
 * the command fills itself, such as the idempotency key). */
static int check_document(const form *f, check_error *err)
{
	const ProtobufCMessageDescriptor *d = f->doc->descriptor;

	for (unsigned i = 0; i < d->n_fields; i++)
		if (form_askable(f, f->doc, &d->fields[i], 1) &&
		    envelope_check_field(f->doc, d->fields[i].name, err) < 0)
			return -1;
	return 0;
}

/* The review's answers: each returns MENU_AGAIN to ask again, MENU_FILL
 * to go on filling (the position was set), or how the form ends. */
enum { MENU_AGAIN = -2, MENU_FILL = -1 };

static int menu_submit(form *f)
{
	(void)f;
	return FORM_SUBMIT;
}

static int menu_quit(form *f)
{
	(void)f;
	return FORM_QUIT;
}

static int menu_list(form *f)
{
	list_fields(f);
	return MENU_AGAIN;
}

static int menu_edit(form *f)
{
	switch (choose_edit(f)) {
	case ASK_EOF:
		return FORM_EOF;
	case ASK_JUMP:
		return MENU_FILL;
	default:
		return MENU_AGAIN;
	}
}

static int menu_discard(form *f)
{
	form_say(f, "Discard this %s and its draft? [y/N]: ", f->spec.title);
	switch (form_yes_no(f, 0)) {
	case -2:
		return FORM_EOF;
	case 1:
		form_draft_remove(f);
		return FORM_DISCARD;
	default:
		return MENU_AGAIN;
	}
}

static int menu_back(form *f)
{
	f->pos = f->nsteps;
	while (f->pos > 0 && !form_is_input(&f->steps[--f->pos]))
		;
	return MENU_FILL;
}

static const struct {
	char key;
	int (*fn)(form *f);
} menu[] = {
        {'s', menu_submit}, {'e', menu_edit},    {'l', menu_list},
        {'q', menu_quit},   {'d', menu_discard}, {'<', menu_back},
};

static int menu_answer(form *f)
{
	const char *in;

	form_say(
	        f,
	        "\n[s]ubmit, [e]dit a field, [l]ist the fields, [q]uit keeping "
	        "the draft, [d]iscard: ");
	in = form_read_line(f, 1);
	if (!in)
		return FORM_EOF;
	for (size_t i = 0; i < ARRAY_LEN(menu); i++)
		if (tolower((unsigned char)in[0]) == menu[i].key)
			return menu[i].fn(f);
	form_say(f, "! answer s, e, l, q or d\n");
	return MENU_AGAIN;
}

/* Check the document; show it; then the menu. Returns MENU_FILL to go on
 * filling (the position was set), else how the form ends. */
int form_review(form *f)
{
	check_error err;
	int rc;

	if (check_document(f, &err) < 0) {
		form_say(f, "! %s: %s\n", err.field, err.message);
		if (form_find_step(f, err.field) < f->nsteps) {
			form_go_to(f, err.field);
			snprintf(f->edit, sizeof(f->edit), "%s", err.field);
			f->editing = 1;
			return MENU_FILL;
		}
	}
	form_say(f, "\n==== Review the %s before it is sent ====\n\n",
	         f->spec.title);
	if (f->spec.preview)
		f->spec.preview(f->spec.out, f->doc);
	else
		list_fields(f);
	while ((rc = menu_answer(f)) == MENU_AGAIN)
		;
	return rc;
}

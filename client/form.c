/* form.c: the form engine (see form.h). The document is walked by its
 * descriptor into a list of steps, made again after every answer (an answer
 * can add a sub-form or an entry): a field to type, a sub-form to add or
 * drop, an entry to add to a repeated field, and the end of a sub-form,
 * where the sub-form is checked as a whole. The position is an index into
 * that list, kept in the draft as the step's path ("charges[0].section").
 * A wrong answer is never kept: the value is put back and the question
 * asked again. After the last step comes the review. */
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

static int64_t now_s(void)
{
	return (int64_t)time(NULL);
}

/* ------------------------------------------------------------ words */

/* snprintf whose truncation is expected and harmless (paths and labels
 * are bounded well below the buffers). */
void form_bprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, n, fmt, ap);
	va_end(ap);
}

/* "date_of_birth" -> "Date of birth" */
static void readable(const char *name, char *buf, size_t bufsz)
{
	size_t i = 0;

	for (; name[i] && i + 1 < bufsz; i++)
		buf[i] = name[i] == '_' ? ' ' : name[i];
	buf[i] = '\0';
	if (buf[0])
		buf[0] = (char)toupper((unsigned char)buf[0]);
}

void form_field_label(const ProtobufCMessageDescriptor *msg,
                      const ProtobufCFieldDescriptor *f, char *buf,
                      size_t bufsz)
{
	const form_label *l = form_label_for(msg, f->name);

	if (l && l->label)
		snprintf(buf, bufsz, "%s", l->label);
	else
		readable(f->name, buf, bufsz);
}

static int ends_with(const char *s, size_t n, const char *end)
{
	size_t k = strlen(end);

	return n > k && strcmp(s + n - k, end) == 0;
}

/* A plural made singular, in place: properties -> property, witnesses ->
 * witness, aliases -> alias, items -> item; glass, accused stay. */
static void singular(char *buf)
{
	size_t n = strlen(buf);

	if (ends_with(buf, n, "iases"))
		buf[n - 2] = '\0';
	else if (ends_with(buf, n, "ies"))
		snprintf(buf + n - 3, 2, "y");
	else if (ends_with(buf, n, "sses") || ends_with(buf, n, "xes") ||
	         ends_with(buf, n, "ches") || ends_with(buf, n, "shes"))
		buf[n - 2] = '\0';
	else if (n > 2 && buf[n - 1] == 's' && buf[n - 2] != 's')
		buf[n - 1] = '\0';
}

/* One entry of a repeated field: "charge", else the label made
 * singular. */
void form_entry_noun(const ProtobufCMessageDescriptor *msg,
                     const ProtobufCFieldDescriptor *f, char *buf, size_t bufsz)
{
	const form_label *l = form_label_for(msg, f->name);

	if (l && l->one) {
		snprintf(buf, bufsz, "%s", l->one);
		return;
	}
	readable(f->name, buf, bufsz);
	buf[0] = (char)tolower((unsigned char)buf[0]);
	singular(buf);
}

/* ------------------------------------------------------------ input */

void form_say(form *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(f->spec.out, fmt, ap);
	va_end(ap);
}

void form_spaces(form *f, int n)
{
	fprintf(f->spec.out, "%*s", n, "");
}

/* One line of input without its line break, trimmed when trim. NULL at
 * the end of the input. */
const char *form_read_line(form *f, int trim)
{
	ssize_t n;
	char *s;

	fflush(f->spec.out);
	n = getline(&f->line, &f->linecap, f->spec.in);
	if (n < 0)
		return NULL;
	while (n > 0 && (f->line[n - 1] == '\n' || f->line[n - 1] == '\r'))
		f->line[--n] = '\0';
	if (f->spec.echo)
		form_say(f, "%s\n", f->line);
	if (!trim)
		return f->line;
	for (s = f->line; isspace((unsigned char)*s); s++)
		;
	n = (ssize_t)strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* ------------------------------------------------------------ steps */

static step *push(form *f, step_kind kind, const fv_ref *r, const char *path,
                  const char *base, const char *ctx, int depth)
{
	step *s;

	if (f->nsteps == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 64;
		f->steps = xrealloc(f->steps, f->cap * sizeof(*f->steps));
	}
	s = &f->steps[f->nsteps++];
	s->kind = kind;
	s->r = *r;
	snprintf(s->path, sizeof(s->path), "%s", path);
	snprintf(s->base, sizeof(s->base), "%s", base);
	snprintf(s->ctx, sizeof(s->ctx), "%s", ctx);
	s->depth = depth;
	return s;
}

static int is_own(const form *f, const char *name)
{
	for (size_t i = 0; f->spec.own && f->spec.own[i]; i++)
		if (strcmp(f->spec.own[i], name) == 0)
			return 1;
	return 0;
}

int form_askable(const form *f, const ProtobufCMessage *m,
                 const ProtobufCFieldDescriptor *fd, int top)
{
	return fd->type != PROTOBUF_C_TYPE_BYTES &&
	       !form_hidden(m->descriptor, fd->name) &&
	       !(top && is_own(f, fd->name));
}

static void gen_message(form *f, ProtobufCMessage *m, const char *base,
                        const char *ctx, int depth);

static void join(char *out, size_t n, const char *a, const char *sep,
                 const char *b)
{
	snprintf(out, n, "%s%s%s", a, *a ? sep : "", b);
}

/* A sub-form (a message field): optional ones are offered first. A
 * required one is made when missing. */
static void gen_sub(form *f, ProtobufCMessage *m,
                    const ProtobufCFieldDescriptor *fd, const char *base,
                    const char *ctx, int depth)
{
	fv_ref r = {m, fd, 0, 0};
	field_rule_info info;
	ProtobufCMessage *sub = fv_message(&r);
	char path[PATH_MAX_LEN], label[96], sctx[CTX_MAX_LEN];

	envelope_field_info(m->descriptor, fd->name, &info);
	join(path, sizeof(path), base, ".", fd->name);
	if (!sub && info.required)
		sub = fv_add_message(m, fd);
	if (!info.required)
		push(f, ST_ADD, &r, path, base, ctx, depth);
	if (!sub)
		return;
	form_field_label(m->descriptor, fd, label, sizeof(label));
	join(sctx, sizeof(sctx), ctx, " > ", label);
	gen_message(f, sub, path, sctx, depth + 1);
	push(f, ST_END, &r, path, base, ctx, depth);
}

/* A repeated field: its entries, then the offer of one more (unless the
 * rules allow no more). A required one starts with one entry. */
static void gen_repeated(form *f, ProtobufCMessage *m,
                         const ProtobufCFieldDescriptor *fd, const char *base,
                         const char *ctx, int depth)
{
	field_rule_info info;
	size_t n;
	char path[PATH_MAX_LEN], epath[PATH_MAX_LEN], noun[64];
	char ectx[CTX_MAX_LEN];

	envelope_field_info(m->descriptor, fd->name, &info);
	join(path, sizeof(path), base, ".", fd->name);
	if (fv_count(m, fd) == 0 && info.required)
		fv_append(m, fd);
	n = fv_count(m, fd);
	form_entry_noun(m->descriptor, fd, noun, sizeof(noun));
	noun[0] = (char)toupper((unsigned char)noun[0]);
	for (size_t i = 0; i < n; i++) {
		fv_ref r = {m, fd, i, 1};

		form_bprintf(epath, sizeof(epath), "%s[%zu]", path, i);
		if (fd->type != PROTOBUF_C_TYPE_MESSAGE) {
			push(f, ST_FIELD, &r, epath, base, ctx, depth);
			continue;
		}
		snprintf(ectx, sizeof(ectx), "%s%s%s %zu", ctx,
		         *ctx ? " > " : "", noun, i + 1);
		gen_message(f, fv_message(&r), epath, ectx, depth + 1);
		push(f, ST_END, &r, epath, base, ctx, depth);
	}
	if (!(info.max && n >= info.max)) {
		fv_ref r = {m, fd, 0, 0};
		push(f, ST_MORE, &r, path, base, ctx, depth);
	}
}

static void gen_message(form *f, ProtobufCMessage *m, const char *base,
                        const char *ctx, int depth)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;

	if (depth > 8)
		return;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *fd = &d->fields[i];
		char path[PATH_MAX_LEN];
		fv_ref r = {m, fd, 0, 0};

		if (!form_askable(f, m, fd, depth == 0))
			continue;
		if (fd->label == PROTOBUF_C_LABEL_REPEATED) {
			gen_repeated(f, m, fd, base, ctx, depth);
		} else if (fd->type == PROTOBUF_C_TYPE_MESSAGE) {
			gen_sub(f, m, fd, base, ctx, depth);
		} else {
			join(path, sizeof(path), base, ".", fd->name);
			push(f, ST_FIELD, &r, path, base, ctx, depth);
		}
	}
}

static void regen(form *f)
{
	f->nsteps = 0;
	gen_message(f, f->doc, "", "", 0);
}

int form_is_input(const step *s)
{
	return s->kind != ST_END;
}

/* Is path the field sub or inside it? */
static int within(const char *path, const char *sub)
{
	size_t n = strlen(sub);

	return strncmp(path, sub, n) == 0 &&
	       (path[n] == '\0' || path[n] == '.' || path[n] == '[');
}

/* The step to ask for path: the input step of that path, else the first
 * inside it, else the same for the field holding it; nsteps (the review)
 * when none. */
size_t form_find_step(const form *f, const char *path)
{
	char p[PATH_MAX_LEN];

	snprintf(p, sizeof(p), "%s", path);
	while (*p) {
		char *cut;

		for (size_t i = 0; i < f->nsteps; i++)
			if (form_is_input(&f->steps[i]) &&
			    strcmp(f->steps[i].path, p) == 0)
				return i;
		for (size_t i = 0; i < f->nsteps; i++)
			if (form_is_input(&f->steps[i]) &&
			    within(f->steps[i].path, p))
				return i;
		cut = strrchr(p, '.');
		if (!cut || (strrchr(p, '[') && strrchr(p, '[') > cut))
			cut = strrchr(p, '[');
		if (!cut)
			break;
		*cut = '\0';
	}
	return f->nsteps;
}

/* A path longer than any field's (a server's Status.field) matches none
 * and is cut here. */
void form_go_to(form *f, const char *path)
{
	size_t n = strnlen(path, sizeof(f->want) - 1);

	memcpy(f->want, path, n);
	f->want[n] = '\0';
	f->want_set = 1;
}

/* ------------------------------------------------------------ drafts */

static void save_draft(form *f)
{
	char why[256];
	const char *pos =
	        f->pos < f->nsteps ? f->steps[f->pos].path : REVIEW_POS;

	f->dirty = 0;
	if (!f->spec.draft_path)
		return;
	if (form_draft_write(f->spec.draft_path, f->doc, f->key, pos, now_s(),
	                     why, sizeof(why)) < 0)
		form_say(f, "  ! the draft could not be saved: %s\n", why);
}

/* ------------------------------------------------------------ checks */

void form_report(form *f, const step *s, const char *path, const char *message)
{
	form_spaces(f, 2 * s->depth + 2);
	if (strcmp(path, s->path) == 0)
		form_say(f, "! %s\n", message);
	else
		form_say(f, "! %s: %s\n", path, message);
}

/* The time and date fields: by their rule, else by their name. */
int form_is_time_field(const step *s, const field_rule_info *info)
{
	size_t n = strlen(s->r.f->name);

	return s->r.f->type == PROTOBUF_C_TYPE_STRING &&
	       (info->is_time ||
	        (n > 3 && strcmp(s->r.f->name + n - 3, "_at") == 0));
}

static int is_date_field(const step *s, const field_rule_info *info)
{
	const char *name = s->r.f->name;
	size_t n = strlen(name);

	return s->r.f->type == PROTOBUF_C_TYPE_STRING && !info->is_time &&
	       (info->is_date || strcmp(name, "date") == 0 ||
	        (n > 5 && strcmp(name + n - 5, "_date") == 0));
}

/* A time or date in the future, where the field does not allow one. */
static int future(const step *s, const field_rule_info *info, const char *v,
                  char *why, size_t whysz)
{
	char today[16], nowtext[40];

	if (!*v || form_future_ok(s->r.m->descriptor, s->r.f->name))
		return 0;
	if (form_is_time_field(s, info) && rfc3339_valid(v) &&
	    fv_time_epoch(v) > now_s() + FUTURE_SLACK) {
		snprintf(why, whysz, "must not be in the future");
		return 1;
	}
	fv_now_text(now_s(), nowtext, sizeof(nowtext));
	snprintf(today, sizeof(today), "%.10s", nowtext);
	if (is_date_field(s, info) && date_valid(v) && strcmp(v, today) > 0) {
		snprintf(why, whysz, "must not be in the future");
		return 1;
	}
	return 0;
}

/* Check the field of s as it is now. 0 fine; else reported, and -1 when
 * the fault is in this field (ask again) or 1 when elsewhere (f->want set
 * to go there). */
static int check_step(form *f, const step *s)
{
	check_error err;
	field_rule_info info;
	char v[256], why[128], path[2 * PATH_MAX_LEN];
	fv_ref r = s->r;

	envelope_field_info(s->r.m->descriptor, s->r.f->name, &info);
	if (s->kind == ST_FIELD) {
		fv_text(&r, v, sizeof(v));
		if (future(s, &info, v, why, sizeof(why))) {
			form_report(f, s, s->path, why);
			return -1;
		}
	}
	if (envelope_check_field(s->r.m, s->r.f->name, &err) == 0)
		return 0;
	join(path, sizeof(path), s->base, ".", err.field);
	form_report(f, s, path, err.message);
	if (within(path, s->path) && s->kind != ST_END)
		return -1;
	form_go_to(f, path);
	return 1;
}

/* ------------------------------------------------------------ help */

static void help_rules(form *f, const step *s, const field_rule_info *info)
{
	int ind = 2 * s->depth + 4;

	form_spaces(f, ind);
	form_say(f, "%s",
	         info->required ? "Required." : "Optional: Enter skips it.");
	if (s->r.f->type == PROTOBUF_C_TYPE_STRING && info->max && !s->r.elem)
		form_say(f, " At most %zu %s.", info->max,
		         info->bytes ? "bytes" : "characters");
	if (info->expect)
		form_say(f, " Format: %s.", info->expect);
	form_say(f, "\n");
	form_spaces(f, ind);
	form_say(f,
	         "Enter keeps the value shown in [ ]; - clears it; < goes back "
	         "to the field before.\n");
}

static void help(form *f, const step *s)
{
	const form_label *l = form_label_for(s->r.m->descriptor, s->r.f->name);
	const form_code *c = form_code_for(s->r.m->descriptor, s->r.f->name);
	field_rule_info info;

	envelope_field_info(s->r.m->descriptor, s->r.f->name, &info);
	if (l && l->help) {
		form_spaces(f, 2 * s->depth + 4);
		form_say(f, "%s\n", l->help);
	}
	if (c && f->spec.lookup.fn) {
		form_spaces(f, 2 * s->depth + 4);
		form_say(f, "Type the code, or words to search for it.\n");
	}
	if (form_is_time_field(s, &info)) {
		form_spaces(f, 2 * s->depth + 4);
		form_say(f,
		         "A time in IST: 29/11/2026 10:30, 2026-11-29 10:30, "
		         "today 10:30, yesterday 18:00, or now.\n");
	} else if (is_date_field(s, &info)) {
		form_spaces(f, 2 * s->depth + 4);
		form_say(f, "A date: 29/11/2026, 2026-11-29, today or "
		            "yesterday.\n");
	}
	if (s->kind == ST_FIELD)
		help_rules(f, s, &info);
	else
		form_say(f,
		         "%*sAnswer y or n; < goes back to the field before.\n",
		         2 * s->depth + 4, "");
}

/* ------------------------------------------------------------ prompts */

/* Print the sub-forms a step is in when they change: "-- Charge 1 --". */
static void show_ctx(form *f, const step *s)
{
	if (strcmp(f->shown_ctx, s->ctx) == 0)
		return;
	snprintf(f->shown_ctx, sizeof(f->shown_ctx), "%s", s->ctx);
	if (*s->ctx) {
		form_spaces(f, 2 * s->depth - 2 > 0 ? 2 * s->depth - 2 : 0);
		form_say(f, "-- %s --\n", s->ctx);
	}
}

static void enum_hint(form *f, const step *s)
{
	const ProtobufCEnumValue *v[64];
	const char *const *allowed =
	        form_allowed(s->r.m->descriptor, s->r.f->name);
	size_t n = fv_enum_choices(s->r.f->descriptor, allowed, v, 64);
	char name[64], line[512] = "";
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		pbjson_enum_short(s->r.f->descriptor, v[i]->value, name,
		                  sizeof(name));
		len += (size_t)snprintf(line + len, sizeof(line) - len,
		                        "%s%zu %s", i ? ", " : "", i + 1, name);
		if (len >= sizeof(line))
			len = sizeof(line) - 1;
	}
	if (len <= 60) {
		form_say(f, " (%s)", line);
		return;
	}
	form_say(f, "\n");
	for (size_t i = 0; i < n; i++) {
		pbjson_enum_short(s->r.f->descriptor, v[i]->value, name,
		                  sizeof(name));
		form_spaces(f, 2 * s->depth + 4);
		form_say(f, "%2zu  %s\n", i + 1, name);
	}
	form_spaces(f, 2 * s->depth + 2);
	form_say(f, "choose");
}

/* The label, a hint of what to type, and the value now (or proposed). */
static void prompt_field(form *f, const step *s, const char *now,
                         const char *proposed, int lines)
{
	field_rule_info info;
	char label[96], noun[64], shown[80];
	const form_code *c = form_code_for(s->r.m->descriptor, s->r.f->name);

	envelope_field_info(s->r.m->descriptor, s->r.f->name, &info);
	show_ctx(f, s);
	form_spaces(f, 2 * s->depth + 2);
	if (s->r.elem) {
		form_entry_noun(s->r.m->descriptor, s->r.f, noun, sizeof(noun));
		noun[0] = (char)toupper((unsigned char)noun[0]);
		form_say(f, "%s %zu", noun, s->r.i + 1);
	} else {
		form_field_label(s->r.m->descriptor, s->r.f, label,
		                 sizeof(label));
		form_say(f, "%s", label);
	}
	if (s->r.f->type == PROTOBUF_C_TYPE_ENUM)
		enum_hint(f, s);
	else if (s->r.f->type == PROTOBUF_C_TYPE_BOOL)
		form_say(f, "? [%s]", *now || *proposed ? "Y/n" : "y/N");
	else if (c && f->spec.lookup.fn)
		form_say(f, " (code, or words to search)");
	else if (form_is_time_field(s, &info))
		form_say(f, " (DD/MM/YYYY HH:MM, or now)");
	else if (is_date_field(s, &info))
		form_say(f, " (DD/MM/YYYY)");
	if (lines)
		form_say(f, " (several lines; end with a line holding only .)");
	if ((*now || *proposed) && s->r.f->type != PROTOBUF_C_TYPE_BOOL) {
		if (form_is_time_field(s, &info))
			fv_time_words(*now ? now : proposed, shown,
			              sizeof(shown));
		else
			snprintf(shown, sizeof(shown), "%.60s%s",
			         *now ? now : proposed,
			         strlen(*now ? now : proposed) > 60 ? "..."
			                                            : "");
		form_say(f, " [%s]", shown);
	}
	form_say(f, lines ? ":\n" : ": ");
}

/* ------------------------------------------------------------ typed values */

/* text, for the field of s, in the form it is stored: times and dates
 * converted; otherwise as typed. */
static int convert(const step *s, const char *text, char *out, size_t outsz,
                   char *why, size_t whysz)
{
	field_rule_info info;

	envelope_field_info(s->r.m->descriptor, s->r.f->name, &info);
	if (form_is_time_field(s, &info))
		return form_parse_time(text, now_s(), out, outsz, why, whysz);
	if (is_date_field(s, &info))
		return form_parse_date(text, now_s(), out, outsz, why, whysz);
	snprintf(out, outsz, "%s", text);
	return 0;
}

/* Set the field of s to text (NULL: clear it) and check it. 0 kept, -1
 * refused (reported, value put back), 1 kept but a fault elsewhere
 * (f->want set). */
int form_try_value(form *f, const step *s, const char *text)
{
	fv_saved saved;
	char why[256], *conv = xmalloc(TEXT_MAX + 1);
	int rc;

	fv_save(&s->r, &saved);
	if (!text) {
		fv_clear(&s->r);
		rc = 0;
	} else {
		rc = convert(s, text, conv, TEXT_MAX + 1, why, sizeof(why));
		if (rc == 0)
			rc = fv_set_text(
			        &s->r, conv,
			        form_allowed(s->r.m->descriptor, s->r.f->name),
			        why, sizeof(why));
		if (rc < 0)
			form_report(f, s, s->path, why);
	}
	free(conv);
	if (rc == 0)
		rc = check_step(f, s);
	if (rc < 0)
		fv_restore(&s->r, &saved);
	else
		fv_commit(&s->r, &saved);
	return rc;
}

/* Set another field of the same message as a pick implies (no check: the
 * value came from the server). */
void form_set_also(const step *s, const char *field, const char *text)
{
	const ProtobufCFieldDescriptor *fd =
	        protobuf_c_message_descriptor_get_field_by_name(
	                s->r.m->descriptor, field);
	fv_ref r = {s->r.m, fd, 0, 0};
	fv_saved saved;
	char why[128];

	if (!fd || !text || !*text)
		return;
	fv_save(&r, &saved);
	if (fv_set_text(&r, text, NULL, why, sizeof(why)) == 0)
		fv_commit(&r, &saved);
	else
		fv_restore(&r, &saved);
}

/* ------------------------------------------------------------ questions */

/* Lines up to one holding only "."; the first line is in first. */
static char *read_paragraph(form *f, const char *first)
{
	size_t cap = strlen(first) + 64, len = 0;
	char *text = xmalloc(cap);
	const char *in = first;

	text[0] = '\0';
	while (in && strcmp(in, ".") != 0) {
		size_t n = strlen(in);

		if (len + n + 2 > cap) {
			cap = 2 * (len + n + 2);
			text = xrealloc(text, cap);
		}
		len += (size_t)snprintf(text + len, cap - len, "%s%s",
		                        len ? "\n" : "", in);
		in = form_read_line(f, 0);
	}
	return text;
}

static ask_rc after_value(form *f, int rc)
{
	if (rc < 0 || rc == 2)
		return ASK_STAY;
	f->dirty = 1;
	return rc == 1 ? ASK_JUMP : ASK_NEXT;
}

/* An empty entry of a repeated scalar is dropped: Enter at a new alias
 * means "no more". */
static ask_rc drop_empty_entry(form *f, const step *s)
{
	char v[8];

	fv_text(&s->r, v, sizeof(v));
	if (*v || !s->r.elem || s->r.i + 1 != fv_count(s->r.m, s->r.f))
		return ASK_NEXT;
	fv_remove_last(s->r.m, s->r.f);
	form_go_to(f, s->path);
	*strrchr(f->want, '[') = '\0';
	f->dirty = 1;
	return ASK_JUMP;
}

static ask_rc ask_field(form *f, const step *s)
{
	field_rule_info info;
	const form_code *c = form_code_for(s->r.m->descriptor, s->r.f->name);
	char now[256], proposed[128] = "";
	const char *in;
	int lines, rc;

	envelope_field_info(s->r.m->descriptor, s->r.f->name, &info);
	lines = info.lines && info.max > LONG_TEXT &&
	        s->r.f->type == PROTOBUF_C_TYPE_STRING;
	fv_text(&s->r, now, sizeof(now));
	if (!*now)
		form_default(f->doc, s->r.m, s->r.f->name, proposed,
		             sizeof(proposed));
	prompt_field(f, s, now, proposed, lines);
	in = form_read_line(f, !lines);
	if (!in)
		return ASK_EOF;
	if (strcmp(in, "?") == 0) {
		help(f, s);
		return ASK_STAY;
	}
	if (strcmp(in, "<") == 0)
		return ASK_BACK;
	if (strcmp(in, "-") == 0)
		return after_value(f, form_try_value(f, s, NULL));
	if (!*in) {
		rc = *now || !*proposed ? check_step(f, s)
		                        : form_try_value(f, s, proposed);
		if (rc == 0)
			return drop_empty_entry(f, s);
		return after_value(f, rc);
	}
	if (lines) {
		char *text = read_paragraph(f, in);
		rc = form_try_value(f, s, text);
		free(text);
		return after_value(f, rc);
	}
	rc = c ? form_take_code(f, s, c, in) : form_try_value(f, s, in);
	return rc == 3 ? ASK_EOF : after_value(f, rc);
}

/* y, n, or Enter for dflt. -1 for "<", -2 at the end, -3 for "?", -4 for
 * "-", -5 for anything else. */
int form_yes_no(form *f, int dflt)
{
	const char *in = form_read_line(f, 1);

	if (!in)
		return -2;
	if (!*in)
		return dflt;
	if (strcmp(in, "<") == 0)
		return -1;
	if (strcmp(in, "?") == 0)
		return -3;
	if (strcmp(in, "-") == 0)
		return -4;
	if (strcasecmp(in, "y") == 0 || strcasecmp(in, "yes") == 0)
		return 1;
	if (strcasecmp(in, "n") == 0 || strcasecmp(in, "no") == 0)
		return 0;
	return -5;
}

static ask_rc yes_no_rc(form *f, const step *s, int a)
{
	if (a == -1)
		return ASK_BACK;
	if (a == -2)
		return ASK_EOF;
	if (a == -3)
		help(f, s);
	else
		form_report(f, s, s->path, "answer y or n");
	return ASK_STAY;
}

/* Drop a sub-form, unless its rules need it (then it stays). */
static ask_rc drop_sub(form *f, const step *s)
{
	ProtobufCMessage **p =
	        (ProtobufCMessage **)((char *)s->r.m + s->r.f->offset);
	ProtobufCMessage *kept = *p;
	int rc;

	*p = NULL;
	rc = check_step(f, s);
	*p = kept;
	if (rc < 0)
		return ASK_STAY;
	fv_drop_message(s->r.m, s->r.f);
	f->dirty = 1;
	return rc == 1 ? ASK_JUMP : ASK_NEXT;
}

static ask_rc ask_add(form *f, const step *s)
{
	char label[96];
	int present = fv_present(s->r.m, s->r.f), a;

	form_field_label(s->r.m->descriptor, s->r.f, label, sizeof(label));
	show_ctx(f, s);
	form_spaces(f, 2 * s->depth + 2);
	if (present)
		form_say(f, "%s: keep it? [Y/n]: ", label);
	else
		form_say(f,
		         "Add %c%s? [y/N]: ", tolower((unsigned char)label[0]),
		         label + 1);
	a = form_yes_no(f, present);
	if (a < 0)
		return yes_no_rc(f, s, a);
	if (a && !present) {
		fv_add_message(s->r.m, s->r.f);
		f->dirty = 1;
		return ASK_NEXT;
	}
	if (a)
		return ASK_NEXT;
	if (present)
		return drop_sub(f, s);
	return check_step(f, s) < 0 ? ASK_STAY : ASK_NEXT;
}

static ask_rc ask_more(form *f, const step *s)
{
	char noun[64];
	size_t n = fv_count(s->r.m, s->r.f);
	field_rule_info info;
	int a;

	envelope_field_info(s->r.m->descriptor, s->r.f->name, &info);
	form_entry_noun(s->r.m->descriptor, s->r.f, noun, sizeof(noun));
	show_ctx(f, s);
	form_spaces(f, 2 * s->depth + 2);
	if (n == 0)
		form_say(f, "Add %s %s? [y/N]: ",
		         strchr("aeiou", noun[0]) ? "an" : "a", noun);
	else
		form_say(f, "Add another %s? [y/N, - removes %s %zu]: ", noun,
		         noun, n);
	a = form_yes_no(f, 0);
	if (a == -4 && n > (info.required ? 1u : 0u)) {
		fv_remove_last(s->r.m, s->r.f);
		f->dirty = 1;
		form_go_to(f, s->path);
		return ASK_JUMP;
	}
	if (a == -4)
		a = -5;
	if (a < 0)
		return yes_no_rc(f, s, a);
	if (a) {
		fv_append(s->r.m, s->r.f);
		f->dirty = 1;
		return ASK_STAY;
	}
	return check_step(f, s) < 0 ? ASK_STAY : ASK_NEXT;
}

/* ------------------------------------------------------------ the loop */

static void back(form *f)
{
	size_t p = f->pos;

	while (p > 0) {
		if (form_is_input(&f->steps[--p])) {
			f->pos = p;
			return;
		}
	}
	form_say(f, "  (this is the first field)\n");
}

static ask_rc ask(form *f, const step *s)
{
	switch (s->kind) {
	case ST_FIELD:
		return ask_field(f, s);
	case ST_ADD:
		return ask_add(f, s);
	case ST_MORE:
		return ask_more(f, s);
	default:
		if (check_step(f, s) != 0)
			return ASK_JUMP;
		/* search: a person just entered may be one recorded already */
		if (form_match_person(&f->spec, &f->memo, fv_message(&s->r),
		                      s->ctx, &f->line, &f->linecap) < 0)
			return ASK_EOF;
		return ASK_NEXT;
	}
}

/* Where the next turn starts: a wanted path, or the end of an edit. */
static void place(form *f)
{
	if (f->want_set) {
		f->want_set = 0;
		f->pos = strcmp(f->want, REVIEW_POS) == 0
		                 ? f->nsteps
		                 : form_find_step(f, f->want);
	}
	if (f->editing && f->pos < f->nsteps &&
	    !within(f->steps[f->pos].path, f->edit)) {
		f->editing = 0;
		f->pos = f->nsteps;
	}
}

form_end form_fill(form *f)
{
	for (;;) {
		step s;
		ask_rc rc;

		regen(f);
		place(f);
		if (f->dirty)
			save_draft(f);
		if (f->pos >= f->nsteps) {
			int end = form_review(f);
			if (end >= 0)
				return (form_end)end;
			continue;
		}
		s = f->steps[f->pos];
		rc = ask(f, &s);
		switch (rc) {
		case ASK_EOF:
			if (f->dirty)
				save_draft(f);
			return FORM_EOF;
		case ASK_BACK:
			back(f);
			break;
		case ASK_NEXT:
			f->pos++;
			break;
		case ASK_STAY:
		case ASK_JUMP:
			break;
		}
	}
}

/* ------------------------------------------------------------ life */

form *form_new(const form_spec *spec)
{
	form *f = xcalloc(1, sizeof(*f));

	f->spec = *spec;
	f->doc = xmalloc(spec->desc->sizeof_message);
	protobuf_c_message_init(spec->desc, f->doc);
	memcpy(f->key, spec->key, FORM_KEY_LEN);
	return f;
}

void form_free(form *f)
{
	if (!f)
		return;
	protobuf_c_message_free_unpacked(f->doc, NULL);
	free(f->steps);
	free(f->line);
	free(f);
}

ProtobufCMessage *form_doc(form *f)
{
	return f->doc;
}

const uint8_t *form_key(const form *f)
{
	return f->key;
}

void form_refused(form *f, const char *path, const char *message)
{
	form_say(f, "! %s%s%s\n", path, *path ? ": " : "", message);
	if (!*path)
		return;
	form_go_to(f, path);
	snprintf(f->edit, sizeof(f->edit), "%s", path);
	f->editing = 1;
}

int form_draft_remove(form *f)
{
	if (!f->spec.draft_path || unlink(f->spec.draft_path) == 0)
		return 0;
	form_say(f, "! the draft %s could not be removed\n",
	         f->spec.draft_path);
	return -1;
}

int form_offer_draft(form *f)
{
	ProtobufCMessage *doc;
	uint8_t key[FORM_KEY_LEN];
	char position[PATH_MAX_LEN], saved[64], when[64], why[512], aside[1024];
	int rc, a;

	if (!f->spec.draft_path)
		return 0;
	rc = form_draft_read(f->spec.draft_path, f->spec.desc, &doc, key,
	                     position, sizeof(position), saved, sizeof(saved),
	                     why, sizeof(why));
	if (rc == 0)
		return 0;
	if (rc < 0) {
		form_say(f, "! the draft %s cannot be used: %s\n",
		         f->spec.draft_path, why);
		if (form_draft_set_aside(f->spec.draft_path, aside,
		                         sizeof(aside)) == 0)
			form_say(f,
			         "  it was set aside as %s; starting afresh\n",
			         aside);
		return 0;
	}
	fv_time_words(saved, when, sizeof(when));
	form_say(f, "A draft of this %s from %s exists: resume it? [Y/n]: ",
	         f->spec.title, when);
	a = form_yes_no(f, 1);
	if (a == -2) {
		protobuf_c_message_free_unpacked(doc, NULL);
		return -1;
	}
	if (a != 1) {
		protobuf_c_message_free_unpacked(doc, NULL);
		form_say(f, "Starting afresh: the old draft is replaced at the "
		            "first answer.\n");
		return 0;
	}
	protobuf_c_message_free_unpacked(f->doc, NULL);
	f->doc = doc;
	memcpy(f->key, key, FORM_KEY_LEN);
	form_go_to(f, position);
	return 1;
}

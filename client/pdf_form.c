/* pdf_form.c: an answer of the server as a PDF printout (see pdf_form.h):
 * the text printout captured with open_memstream, the header and footer
 * read from the answer by field name, pdf.c to lay it out and write it. */
#include "pdf_form.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "printout.h"
#include "util.h"

#define SEP " \xC2\xB7 " /* " · " between items of a header line */

/* Titles that say more than the printout's first line. */
static const struct form_title {
	const ProtobufCMessageDescriptor *answer;
	const char *title, *subtitle;
} form_titles[] = {
        /* BNSS s.173(2) (CrPC s.154(2)): the informant gets a copy of the
         * information as recorded, free of cost. */
        {&cctns__v1__fir__descriptor,
         "FIRST INFORMATION REPORT (IIF-I): INFORMANT'S COPY",
         "Copy of the FIR given to the informant free of cost under "
         "section 173(2) BNSS (section 154(2) CrPC)"},
        {&cctns__v1__seizure__descriptor,
         "PROPERTY SEARCH AND SEIZURE MEMO (IIF-IV)", NULL},
};

/* ------------------------------------------------------------ fields */

/* Is f, a member of a oneof, the member that is set? Other fields: yes. */
static int field_present(const ProtobufCMessage *m,
                         const ProtobufCFieldDescriptor *f)
{
	if (!(f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
		return 1;
	return *(const uint32_t *)((const char *)m + f->quantifier_offset) ==
	       f->id;
}

/* The value of a singular field of type t, or NULL. */
static const void *field_at(const ProtobufCMessage *m,
                            const ProtobufCFieldDescriptor *f, ProtobufCType t)
{
	if (!f || f->type != t || f->label == PROTOBUF_C_LABEL_REPEATED ||
	    !field_present(m, f))
		return NULL;
	return (const char *)m + f->offset;
}

static const ProtobufCMessage *sub_message(const ProtobufCMessage *m,
                                           const ProtobufCFieldDescriptor *f)
{
	const void *p = field_at(m, f, PROTOBUF_C_TYPE_MESSAGE);

	return p ? *(const ProtobufCMessage *const *)p : NULL;
}

static const char *string_named(const ProtobufCMessage *m, const char *name)
{
	const void *p =
	        field_at(m,
	                 protobuf_c_message_descriptor_get_field_by_name(
	                         m->descriptor, name),
	                 PROTOBUF_C_TYPE_STRING);

	return p ? *(const char *const *)p : NULL;
}

static uint32_t uint32_named(const ProtobufCMessage *m, const char *name)
{
	const void *p =
	        field_at(m,
	                 protobuf_c_message_descriptor_get_field_by_name(
	                         m->descriptor, name),
	                 PROTOBUF_C_TYPE_UINT32);

	return p ? *(const uint32_t *)p : 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* ------------------------------------------------------------ lines */

/* Words of a field name as a person writes them. */
static const struct {
	const char *word, *as;
} label_words[] = {
        {"number", "No."}, {"no", "No."},  {"fir", "FIR"}, {"gd", "GD"},
        {"io", "IO"},      {"ncr", "NCR"}, {"udb", "UDB"}, {"pm", "PM"},
};

/* "fir_number" -> "FIR No.", "accused_code" -> "Accused code". */
static void field_label(const char *name, char *out, size_t outsz)
{
	char word[64];
	size_t n = 0;

	out[0] = '\0';
	while (*name) {
		size_t k = strcspn(name, "_");
		const char *as = word;

		snprintf(word, sizeof(word), "%.*s", (int)k, name);
		for (size_t i = 0; i < ARRAY_LEN(label_words); i++)
			if (strcmp(word, label_words[i].word) == 0)
				as = label_words[i].as;
		if (n == 0 && as == word && word[0] >= 'a' && word[0] <= 'z')
			word[0] = (char)(word[0] - 'a' + 'A');
		str_append(out, outsz, &n, " ", as);
		name += k + (name[k] == '_');
	}
}

/* A record number of the receipt: a string "fir_number", "accused_code",
 * "petition_number", or a counted "seizure_no" / "report_no" (uint32;
 * gd_number is the diary reference, printed on its own line). */
static int is_number_field(const ProtobufCFieldDescriptor *f)
{
	if (f->label == PROTOBUF_C_LABEL_REPEATED)
		return 0;
	if (f->type == PROTOBUF_C_TYPE_UINT32)
		return ends_with(f->name, "_no");
	return f->type == PROTOBUF_C_TYPE_STRING &&
	       (ends_with(f->name, "_number") || ends_with(f->name, "_no") ||
	        ends_with(f->name, "_code"));
}

/* The value of number field f of r as text in buf, or NULL when unset. */
static const char *number_value(const ProtobufCMessage *r,
                                const ProtobufCFieldDescriptor *f, char *buf,
                                size_t bufsz)
{
	const void *p = field_at(r, f, f->type);

	if (!p)
		return NULL;
	if (f->type == PROTOBUF_C_TYPE_UINT32) {
		if (*(const uint32_t *)p == 0)
			return NULL;
		snprintf(buf, bufsz, "%u", (unsigned)*(const uint32_t *)p);
		return buf;
	}
	return *(const char *const *)p;
}

/* "FIR No. 0042/2026 · Accused code A1" from the receipt's numbers. */
static void numbers_line(const ProtobufCMessage *r, char *out, size_t outsz)
{
	const ProtobufCMessageDescriptor *d = r->descriptor;
	size_t n = 0;

	out[0] = '\0';
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		char item[256], label[96], num[16];
		const char *v;

		if (!is_number_field(f))
			continue;
		v = number_value(r, f, num, sizeof(num));
		if (!v || !*v)
			continue;
		field_label(f->name, label, sizeof(label));
		snprintf(item, sizeof(item), "%s %s", label, v);
		str_append(out, outsz, &n, SEP, item);
	}
}

/* "General Diary: GD entry 3 of 29/11/2026 · Recorded on ... IST". */
static void reference_line(const ProtobufCMessage *r, char *out, size_t outsz)
{
	const char *at = string_named(r, "registered_at");
	uint32_t gd = uint32_named(r, "gd_number");
	char item[192], ref[128], t[64];
	size_t n = 0;

	out[0] = '\0';
	if (gd) {
		snprintf(item, sizeof(item), "General Diary: %s",
		         fmt_gd_ref(string_named(r, "gd_date"), gd,
		                    string_named(r, "gd_entered_at"), ref,
		                    sizeof(ref)));
		str_append(out, outsz, &n, SEP, item);
	}
	if (at && *at) {
		snprintf(item, sizeof(item), "Recorded on %s",
		         fmt_time(at, t, sizeof(t)));
		str_append(out, outsz, &n, SEP, item);
	}
}

/* The field "officer" nearest the top of m (breadth first; repeated
 * fields are not searched), or NULL. */
static const Cctns__V1__Officer *find_officer(const ProtobufCMessage *m)
{
	const ProtobufCMessage *queue[64];
	size_t head = 0, tail = 0;

	queue[tail++] = m;
	while (head < tail) {
		const ProtobufCMessage *cur = queue[head++];
		const ProtobufCMessageDescriptor *d = cur->descriptor;

		for (unsigned i = 0; i < d->n_fields; i++) {
			const ProtobufCMessage *sub =
			        sub_message(cur, &d->fields[i]);

			if (!sub)
				continue;
			if (strcmp(d->fields[i].name, "officer") == 0 &&
			    sub->descriptor == &cctns__v1__officer__descriptor)
				return (const Cctns__V1__Officer *)sub;
			if (tail < ARRAY_LEN(queue))
				queue[tail++] = sub;
		}
	}
	return NULL;
}

static void station_line(const Cctns__V1__Identity *id, char *out, size_t outsz)
{
	if (!id || !id->station_name || !*id->station_name) {
		out[0] = '\0';
		return;
	}
	snprintf(out, outsz,
	         "Police Station: %s (%u)" SEP "District: %s (%u)" SEP
	         "State: %s (%u)",
	         id->station_name, id->station_code,
	         id->district_name ? id->district_name : "", id->district_code,
	         id->state_name ? id->state_name : "", id->state_code);
}

void pdf_form_describe(const ProtobufCMessage *answer,
                       const Cctns__V1__Identity *station,
                       pdf_form_lines *lines)
{
	const ProtobufCMessage *r = sub_message(
	        answer, protobuf_c_message_descriptor_get_field_by_name(
	                        answer->descriptor, "receipt"));
	const Cctns__V1__Officer *o = find_officer(answer);

	memset(lines, 0, sizeof(*lines));
	for (size_t i = 0; i < ARRAY_LEN(form_titles); i++)
		if (form_titles[i].answer == answer->descriptor) {
			lines->title = form_titles[i].title;
			lines->subtitle = form_titles[i].subtitle;
		}
	station_line(station, lines->station, sizeof(lines->station));
	numbers_line(r ? r : answer, lines->numbers, sizeof(lines->numbers));
	reference_line(r ? r : answer, lines->reference,
	               sizeof(lines->reference));
	if (o)
		fmt_officer(o, lines->officer, sizeof(lines->officer));
}

/* ------------------------------------------------------------ render */

/* The first line of text that is not blank, trimmed, into out. */
static void first_line(const char *text, size_t len, char *out, size_t outsz)
{
	const char *p = text, *end = text + len;

	out[0] = '\0';
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;

		while (p < e && *p == ' ')
			p++;
		while (e > p && e[-1] == ' ')
			e--;
		if (e > p) {
			size_t n = (size_t)(e - p);

			if (n >= outsz)
				n = outsz - 1;
			/* Cut on a character boundary. */
			while (n > 0 && n < (size_t)(e - p) &&
			       ((unsigned char)p[n] & 0xC0) == 0x80)
				n--;
			memcpy(out, p, n);
			out[n] = '\0';
			return;
		}
		p = nl ? nl + 1 : end;
	}
}

int pdf_form_render(const ProtobufCMessage *answer, pdf_print_fn print,
                    const Cctns__V1__Identity *station, time_t now,
                    pdf_doc *out, char *err, size_t errsz)
{
	pdf_form_lines lines;
	char *body = NULL, title[256];
	size_t len = 0;
	FILE *f = open_memstream(&body, &len);
	pdf_meta meta;
	int rc;

	if (!f) {
		snprintf(err, errsz, "no memory for the printout");
		return -1;
	}
	print(f, answer, NULL);
	fclose(f);
	pdf_form_describe(answer, station, &lines);
	first_line(body, len, title, sizeof(title));
	meta = (pdf_meta){.station = lines.station,
	                  .title = lines.title ? lines.title : title,
	                  .subtitle = lines.subtitle,
	                  .numbers = lines.numbers,
	                  .reference = lines.reference,
	                  .officer = lines.officer,
	                  .printed_at = now};
	rc = pdf_render(&meta, body, len, out, err, errsz);
	free(body);
	return rc;
}

/* ------------------------------------------------------------ commands */

static int fail_with(term_kind kind, const char *msg)
{
	fprintf(stderr, "%s: %s\n", PROG, msg);
	return term_exit_code(kind);
}

int pdf_form_check(const char *path, int json)
{
	char err[512];

	if (json)
		return fail_with(TERM_ERR_USAGE,
		                 "--pdf and --json: give one of them");
	if (pdf_check_target(path, err, sizeof(err)) < 0)
		return fail_with(TERM_ERR_USAGE, err);
	return 0;
}

int pdf_form_write(const char *path, const ProtobufCMessage *answer,
                   pdf_print_fn print, const Cctns__V1__Identity *station)
{
	char err[512], msg[600];
	pdf_doc d;
	int to_stdout = strcmp(path, "-") == 0;

	if (pdf_form_render(answer, print, station, time(NULL), &d, err,
	                    sizeof(err)) < 0) {
		snprintf(msg, sizeof(msg), "cannot make the PDF: %s", err);
		return fail_with(TERM_ERR_INTERNAL, msg);
	}
	if (pdf_write_file(path, d.data, d.len, err, sizeof(err)) < 0) {
		pdf_doc_free(&d);
		return fail_with(TERM_ERR_INTERNAL, err);
	}
	fprintf(to_stdout ? stderr : stdout, "PDF written to %s: %u page%s\n",
	        to_stdout ? "standard output" : path, d.pages,
	        d.pages == 1 ? "" : "s");
	pdf_doc_free(&d);
	return 0;
}

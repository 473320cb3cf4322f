/* print_fir.c: the FIR printout in the order of the paper form (IIF-I):
 * header, 1 acts and sections, 2 occurrence, 3 place, 4 complainant,
 * 5 accused, 6 delay, 7 properties, 8 first information. Labels sit in a
 * column of LABEL_COL characters; long values wrap under the value column. */
#include "print_fir.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define NOT_STATED     "not stated"
#define SECTION_INDENT 3
#define LABEL_COL      28 /* values start here */

/* ------------------------------------------------------------ words */

/* words[v] for 0 < v < n, else "not stated" or "unrecognised". */
static const char *word_of(const char *const *words, size_t n, int v)
{
	if (v == 0)
		return NOT_STATED;
	if (v > 0 && (size_t)v < n && words[v])
		return words[v];
	return "unrecognised";
}

#define WORD_FN(fn, ...)                                                       \
	const char *fn(int v)                                                  \
	{                                                                      \
		static const char *const words[] = {NULL, __VA_ARGS__};        \
		return word_of(words, sizeof(words) / sizeof(words[0]), v);    \
	}

WORD_FN(word_information_type, "Oral", "Written", "Telephonic", "Electronic")
WORD_FN(word_direction, "North", "North-east", "East", "South-east", "South",
        "South-west", "West", "North-west")
WORD_FN(word_gender, "Male", "Female", "Transgender")
WORD_FN(word_accused_kind, "Known", "Suspected", "Unknown")
WORD_FN(word_relative, "Father's name", "Husband's name", "Mother's name",
        "Guardian's name")
WORD_FN(word_peer_kind, "station", "department", "operator")

static int empty(const char *s)
{
	return !s || !*s;
}

/* ------------------------------------------------------------ formats */

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Offset part of an RFC 3339 time as a zone for people. */
static int zone_text(const char *z, char *buf, size_t bufsz)
{
	if (strcmp(z, "Z") == 0 || strcmp(z, "z") == 0 ||
	    strcmp(z, "+00:00") == 0) {
		snprintf(buf, bufsz, "UTC");
		return 0;
	}
	if ((z[0] != '+' && z[0] != '-') || strlen(z) != 6 ||
	    !digits(z + 1, 2) || z[3] != ':' || !digits(z + 4, 2))
		return -1;
	if (strcmp(z, "+05:30") == 0)
		snprintf(buf, bufsz, "IST");
	else
		snprintf(buf, bufsz, "UTC%s", z);
	return 0;
}

const char *fmt_time(const char *t, char *buf, size_t bufsz)
{
	char zone[16];
	const char *z;

	if (empty(t)) {
		snprintf(buf, bufsz, NOT_STATED);
		return buf;
	}
	/* YYYY-MM-DDTHH:MM:SS[.frac]<zone> */
	if (strlen(t) < 20 || !digits(t, 4) || t[4] != '-' ||
	    !digits(t + 5, 2) || t[7] != '-' || !digits(t + 8, 2) ||
	    (t[10] != 'T' && t[10] != 't' && t[10] != ' ') ||
	    !digits(t + 11, 2) || t[13] != ':' || !digits(t + 14, 2) ||
	    t[16] != ':' || !digits(t + 17, 2))
		goto raw;
	z = t + 19;
	if (*z == '.') {
		z++;
		while (isdigit((unsigned char)*z))
			z++;
	}
	if (zone_text(z, zone, sizeof(zone)) < 0)
		goto raw;
	snprintf(buf, bufsz, "%.2s/%.2s/%.4s %.5s %s", t + 8, t + 5, t, t + 11,
	         zone);
	return buf;
raw:
	snprintf(buf, bufsz, "%s", t);
	return buf;
}

const char *fmt_rupees(uint64_t v, char *buf, size_t bufsz)
{
	char d[24], out[40];
	size_t n, o = 0;

	n = (size_t)snprintf(d, sizeof(d), "%llu", (unsigned long long)v);
	for (size_t i = 0; i < n; i++) {
		size_t left = n - i; /* digits from here to the end */

		if (i > 0 && (left == 3 || (left > 3 && (left - 3) % 2 == 0)))
			out[o++] = ',';
		out[o++] = d[i];
	}
	out[o] = '\0';
	snprintf(buf, bufsz, "Rs. %s", out);
	return buf;
}

const char *fmt_distance(uint32_t m, char *buf, size_t bufsz)
{
	if (m < 1000)
		snprintf(buf, bufsz, "%u m", m);
	else if (m % 1000 < 50 || m % 1000 >= 950)
		snprintf(buf, bufsz, "%u km", (m + 500) / 1000);
	else
		snprintf(buf, bufsz, "%u.%u km", m / 1000,
		         (m % 1000 + 50) / 100);
	return buf;
}

const char *fmt_charge(const Cctns__V1__Charge *ch, char *buf, size_t bufsz)
{
	const char *sec = empty(ch->section) ? "(no section)" : ch->section;

	switch (ch->act) {
	case CCTNS__V1__ACT__ACT_IPC:
		snprintf(buf, bufsz, "IPC %s", sec);
		break;
	case CCTNS__V1__ACT__ACT_BNS:
		snprintf(buf, bufsz, "BNS %s", sec);
		break;
	case CCTNS__V1__ACT__ACT_SPECIAL_LOCAL:
		snprintf(buf, bufsz, "%s %s",
		         empty(ch->law) ? "Special/local law" : ch->law, sec);
		break;
	default:
		snprintf(buf, bufsz, "(act not stated) %s", sec);
		break;
	}
	return buf;
}

const char *fmt_kind(const char *kind, char *buf, size_t bufsz)
{
	size_t i;

	if (empty(kind)) {
		snprintf(buf, bufsz, "Property");
		return buf;
	}
	snprintf(buf, bufsz, "%s", kind);
	for (i = 0; buf[i]; i++)
		if (buf[i] == '_')
			buf[i] = ' ';
	buf[0] = (char)toupper((unsigned char)buf[0]);
	return buf;
}

/* ------------------------------------------------------------ wrapping */

static size_t utf8_columns(const char *s, size_t len)
{
	size_t cols = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cols++;
	return cols;
}

static void spaces(FILE *out, size_t n)
{
	fprintf(out, "%*s", (int)n, "");
}

/* One line of text (no newline inside) wrapped from column col. */
static void wrap_line(FILE *out, const char *s, size_t len, size_t col,
                      size_t indent, size_t width)
{
	size_t i = 0, at = col;
	int first = 1;

	while (i < len) {
		size_t start, wlen, wcols;

		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		wlen = i - start;
		wcols = utf8_columns(s + start, wlen);
		if (!first && at + 1 + wcols > width) {
			fputc('\n', out);
			spaces(out, indent);
			at = indent;
		} else if (!first) {
			fputc(' ', out);
			at++;
		}
		fwrite(s + start, 1, wlen, out);
		at += wcols;
		first = 0;
	}
	fputc('\n', out);
}

void wrap_text(FILE *out, const char *text, size_t col, size_t indent,
               size_t width)
{
	const char *s = text ? text : "";
	int first = 1;

	do {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);

		if (len && s[len - 1] == '\r')
			len--;
		if (!first)
			spaces(out, indent);
		wrap_line(out, s, len, first ? col : indent, indent, width);
		first = 0;
		s = nl ? nl + 1 : NULL;
	} while (s && *s);
}

/* ------------------------------------------------------------ layout */

/* "   Label ...... value", the value wrapped under the value column. */
static void row(FILE *out, size_t indent, const char *label, const char *value)
{
	size_t used = indent + utf8_columns(label, strlen(label));

	spaces(out, indent);
	fputs(label, out);
	if (used + 1 < LABEL_COL) {
		spaces(out, LABEL_COL - used);
		used = LABEL_COL;
	} else {
		fputc(' ', out);
		used++;
	}
	wrap_text(out, empty(value) ? NOT_STATED : value, used, LABEL_COL,
	          PRINT_WIDTH);
}

static void heading(FILE *out, int n, const char *title)
{
	fprintf(out, "\n%d. %s\n", n, title);
}

/* Append s to buf (holding *n chars) after sep, truncating quietly. */
static void append(char *buf, size_t bufsz, size_t *n, const char *sep,
                   const char *s)
{
	int w;

	if (empty(s) || *n >= bufsz - 1)
		return;
	w = snprintf(buf + *n, bufsz - *n, "%s%s", *n ? sep : "", s);
	*n = w < 0 ? *n : *n + (size_t)w;
	if (*n > bufsz - 1)
		*n = bufsz - 1;
}

/* As on an envelope: line1, line2, then "city PIN (district D, state S)",
 * each on its own line. */
static void print_address(FILE *out, size_t indent, const char *label,
                          const Cctns__V1__Address *a)
{
	char text[768] = "", last[256] = "", codes[64] = "";
	size_t n = 0, m = 0;

	if (!a) {
		row(out, indent, label, NULL);
		return;
	}
	if (a->district_code || a->state_code)
		snprintf(codes, sizeof(codes), "(district %u, state %u)",
		         a->district_code, a->state_code);
	append(last, sizeof(last), &m, " ", a->city);
	append(last, sizeof(last), &m, " ", a->pincode);
	append(last, sizeof(last), &m, " ", codes);
	append(text, sizeof(text), &n, "\n", a->line1);
	append(text, sizeof(text), &n, "\n", a->line2);
	append(text, sizeof(text), &n, "\n", last);
	row(out, indent, label, text);
}

static void print_person(FILE *out, size_t indent, const Cctns__V1__Person *p)
{
	char yob[16];

	if (!p) {
		row(out, indent, "Name", NULL);
		return;
	}
	row(out, indent, "Name", p->name);
	if (!empty(p->relative_name))
		row(out, indent,
		    p->relative_kind ? word_relative(p->relative_kind)
		                     : "Relative's name",
		    p->relative_name);
	if (p->gender)
		row(out, indent, "Gender", word_gender(p->gender));
	if (!empty(p->date_of_birth)) {
		row(out, indent, "Date of birth", p->date_of_birth);
	} else if (p->year_of_birth) {
		snprintf(yob, sizeof(yob), "%u", p->year_of_birth);
		row(out, indent, "Year of birth", yob);
	}
	if (!empty(p->nationality))
		row(out, indent, "Nationality", p->nationality);
	if (!empty(p->occupation))
		row(out, indent, "Occupation", p->occupation);
	if (p->address)
		print_address(out, indent, "Address", p->address);
	if (!empty(p->phone))
		row(out, indent, "Phone", p->phone);
}

static void print_header(FILE *out, const Cctns__V1__FirReceipt *r)
{
	const Cctns__V1__Identity *st = r ? r->station : NULL;
	char buf[160], tbuf[64];
	const char *title = "FIRST INFORMATION REPORT";

	spaces(out, (PRINT_WIDTH - strlen(title)) / 2);
	fprintf(out, "%s\n\n", title);
	row(out, 0, "FIR No.", r ? r->fir_number : NULL);
	snprintf(buf, sizeof(buf), "%u", r ? r->year : 0);
	row(out, 0, "Year", r && r->year ? buf : NULL);
	if (st) {
		snprintf(buf, sizeof(buf), "%s (%u)", st->station_name,
		         st->station_code);
		row(out, 0, "Police Station", buf);
		snprintf(buf, sizeof(buf), "%s (%u)", st->district_name,
		         st->district_code);
		row(out, 0, "District", buf);
		snprintf(buf, sizeof(buf), "%s (%u)", st->state_name,
		         st->state_code);
		row(out, 0, "State", buf);
	}
	row(out, 0, "Registered at",
	    fmt_time(r ? r->registered_at : NULL, tbuf, sizeof(tbuf)));
}

static void print_charges(FILE *out, const Cctns__V1__FirContent *c)
{
	char buf[256];

	heading(out, 1, "Acts and sections");
	if (c->n_charges == 0)
		row(out, SECTION_INDENT, "Charges", NULL);
	for (size_t i = 0; i < c->n_charges; i++) {
		spaces(out, SECTION_INDENT);
		fprintf(out, "%s\n",
		        fmt_charge(c->charges[i], buf, sizeof(buf)));
	}
}

static void print_occurrence(FILE *out, const Cctns__V1__FirContent *c)
{
	char tbuf[64];

	heading(out, 2, "Occurrence of offence");
	row(out, SECTION_INDENT, "From",
	    fmt_time(c->occurred_from, tbuf, sizeof(tbuf)));
	row(out, SECTION_INDENT, "To",
	    fmt_time(c->occurred_to, tbuf, sizeof(tbuf)));
	row(out, SECTION_INDENT, "Information received at",
	    fmt_time(c->information_received_at, tbuf, sizeof(tbuf)));
	row(out, SECTION_INDENT, "Type of information",
	    word_information_type(c->information_type));
}

static void print_place(FILE *out, const Cctns__V1__Place *p)
{
	char dist[32], buf[96];

	heading(out, 3, "Place of occurrence");
	if (!p) {
		row(out, SECTION_INDENT, "Address", NULL);
		return;
	}
	if (p->distance_m || p->direction) {
		snprintf(buf, sizeof(buf), "%s %s of the police station",
		         fmt_distance(p->distance_m, dist, sizeof(dist)),
		         p->direction ? word_direction(p->direction)
		                      : "(direction not stated)");
		row(out, SECTION_INDENT, "Distance and direction", buf);
	} else {
		row(out, SECTION_INDENT, "Distance and direction", NULL);
	}
	row(out, SECTION_INDENT, "Beat", p->beat);
	print_address(out, SECTION_INDENT, "Address", p->address);
}

static void print_one_accused(FILE *out, size_t n, const Cctns__V1__Accused *a)
{
	char buf[64];

	spaces(out, SECTION_INDENT);
	if (a->kind == CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_UNKNOWN) {
		unsigned count = a->count ? a->count : 1;

		snprintf(buf, sizeof(buf), "(%zu) Unknown, %u person%s", n,
		         count, count == 1 ? "" : "s");
		fprintf(out, "%s\n", buf);
		row(out, SECTION_INDENT + 4, "Description", a->description);
		return;
	}
	fprintf(out, "(%zu) %s\n", n, word_accused_kind(a->kind));
	print_person(out, SECTION_INDENT + 4, a->person);
	if (!empty(a->description))
		row(out, SECTION_INDENT + 4, "Description", a->description);
}

static void print_accused(FILE *out, const Cctns__V1__FirContent *c)
{
	heading(out, 5, "Details of known / suspected / unknown accused");
	if (c->n_accused == 0) {
		spaces(out, SECTION_INDENT);
		fputs("none named\n", out);
	}
	for (size_t i = 0; i < c->n_accused; i++)
		print_one_accused(out, i + 1, c->accused[i]);
}

static void print_properties(FILE *out, const Cctns__V1__FirContent *c)
{
	char kind[96], label[112], money[40];
	uint64_t total = 0;

	heading(out, 7, "Particulars of properties involved");
	if (c->n_properties == 0) {
		spaces(out, SECTION_INDENT);
		fputs("none\n", out);
		return;
	}
	for (size_t i = 0; i < c->n_properties; i++) {
		const Cctns__V1__Property *p = c->properties[i];

		snprintf(label, sizeof(label), "(%zu) %s", i + 1,
		         fmt_kind(p->kind, kind, sizeof(kind)));
		row(out, SECTION_INDENT, label,
		    fmt_rupees(p->value_rupees, money, sizeof(money)));
		if (!empty(p->description)) {
			spaces(out, LABEL_COL);
			wrap_text(out, p->description, LABEL_COL, LABEL_COL,
			          PRINT_WIDTH);
		}
		total += p->value_rupees;
	}
	row(out, SECTION_INDENT, "Total value",
	    fmt_rupees(total, money, sizeof(money)));
}

void print_fir(FILE *out, const Cctns__V1__Fir *fir)
{
	static const Cctns__V1__FirContent none = CCTNS__V1__FIR_CONTENT__INIT;
	const Cctns__V1__FirContent *c = fir->content ? fir->content : &none;

	print_header(out, fir->receipt);
	print_charges(out, c);
	print_occurrence(out, c);
	print_place(out, c->place);
	heading(out, 4, "Complainant / informant");
	print_person(out, SECTION_INDENT, c->complainant);
	print_accused(out, c);
	heading(out, 6, "Reasons for delay in reporting");
	spaces(out, SECTION_INDENT);
	wrap_text(out, empty(c->delay_reason) ? "none stated" : c->delay_reason,
	          SECTION_INDENT, SECTION_INDENT, PRINT_WIDTH);
	print_properties(out, c);
	heading(out, 8, "First information contents");
	spaces(out, SECTION_INDENT);
	wrap_text(out, empty(c->brief_facts) ? NOT_STATED : c->brief_facts,
	          SECTION_INDENT, SECTION_INDENT, PRINT_WIDTH);
}

void print_receipt(FILE *out, const Cctns__V1__FirReceipt *r,
                   const char *key_hex)
{
	char tbuf[64];
	const char *station = r->station && !empty(r->station->station_name)
	                              ? r->station->station_name
	                              : "this station";

	fprintf(out, "FIR %s registered at %s on %s%s\n", r->fir_number,
	        station, fmt_time(r->registered_at, tbuf, sizeof(tbuf)),
	        r->replayed ? " (already registered earlier with this key)"
	                    : "");
	fprintf(out, "idempotency key: %s\n", key_hex);
}

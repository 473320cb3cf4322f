/* printout.c: the values, words and form layout every printout shares
 * (see printout.h). Labels sit in a column of LABEL_COL characters; long
 * values wrap under the value column. */
#include "printout.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int empty(const char *s)
{
	return !s || !*s;
}

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
WORD_FN(word_gd_kind, "General", "FIR", "Arrest", "Seizure", "Property deposit",
        "Correction", "Departure", "Arrival", "Petition", "NCR",
        "Lost property", "FIR transfer", "Missing person", "Unidentified body",
        "Vehicle", "Property movement", "Final report", "Court", "e-FIR")
WORD_FN(word_case_status, "Registered", "Under investigation", "Transferred",
        "Charge-sheeted", "Final report", "Court disposed", "In appeal",
        "Appeal decided")
WORD_FN(word_case_event, "FIR registered", "IO assigned", "IO changed",
        "Arrest", "Status changed", "Transferred out", "Received by transfer",
        "e-FIR signed", "From petition", "Crime details", "Seizure",
        "Property moved", "Final report", "Court disposal", "Appeal filed",
        "Appeal decided", "Missing person", "Unnatural death")
WORD_FN(word_arrest_outcome, "Arrested and forwarded to court",
        "Released on bail or bond", "Released on anticipatory bail",
        "Remanded to police custody", "Surrendered in court and bailed",
        "Surrendered, sent to judicial custody",
        "Surrendered, remanded to police custody")

/* ------------------------------------------------------------ values */

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

/* Is t "YYYY-MM-DD"? */
static int is_date(const char *t)
{
	return digits(t, 4) && t[4] == '-' && digits(t + 5, 2) && t[7] == '-' &&
	       digits(t + 8, 2);
}

/* Split "YYYY-MM-DDTHH:MM:SS[.frac]<zone>": the zone as a word into zone.
 * -1 when t is not such a time. */
static int split_time(const char *t, char *zone, size_t zonesz)
{
	const char *z;

	if (empty(t) || strlen(t) < 20 || !is_date(t) ||
	    (t[10] != 'T' && t[10] != 't' && t[10] != ' ') ||
	    !digits(t + 11, 2) || t[13] != ':' || !digits(t + 14, 2) ||
	    t[16] != ':' || !digits(t + 17, 2))
		return -1;
	z = t + 19;
	if (*z == '.') {
		z++;
		while (isdigit((unsigned char)*z))
			z++;
	}
	return zone_text(z, zone, zonesz);
}

const char *fmt_time(const char *t, char *buf, size_t bufsz)
{
	char zone[16];

	if (empty(t))
		snprintf(buf, bufsz, NOT_STATED);
	else if (split_time(t, zone, sizeof(zone)) < 0)
		snprintf(buf, bufsz, "%s", t);
	else
		snprintf(buf, bufsz, "%.2s/%.2s/%.4s %.5s %s", t + 8, t + 5, t,
		         t + 11, zone);
	return buf;
}

const char *fmt_ist(const char *t, int with_date, char *buf, size_t bufsz)
{
	char zone[16];

	if (empty(t) || split_time(t, zone, sizeof(zone)) < 0 ||
	    strcmp(zone, "IST") != 0)
		return fmt_time(t, buf, bufsz);
	if (with_date)
		snprintf(buf, bufsz, "%.2s/%.2s/%.4s %.5s", t + 8, t + 5, t,
		         t + 11);
	else
		snprintf(buf, bufsz, "%.5s", t + 11);
	return buf;
}

const char *fmt_date(const char *d, char *buf, size_t bufsz)
{
	if (empty(d))
		snprintf(buf, bufsz, NOT_STATED);
	else if (strlen(d) == 10 && is_date(d))
		snprintf(buf, bufsz, "%.2s/%.2s/%.4s", d + 8, d + 5, d);
	else
		snprintf(buf, bufsz, "%s", d);
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

const char *fmt_officer(const Cctns__V1__Officer *o, char *buf, size_t bufsz)
{
	char number[80] = "";
	size_t n = 0;

	buf[0] = '\0';
	if (o && !empty(o->number))
		snprintf(number, sizeof(number), "(%s)", o->number);
	if (o) {
		str_append(buf, bufsz, &n, " ", o->rank);
		str_append(buf, bufsz, &n, " ", o->name);
		str_append(buf, bufsz, &n, " ", number);
	}
	if (n == 0)
		snprintf(buf, bufsz, NOT_STATED);
	return buf;
}

const char *fmt_gd_ref(const char *date, uint32_t number,
                       const char *entered_at, char *buf, size_t bufsz)
{
	char d[32], t[48];

	if (number == 0) {
		snprintf(buf, bufsz, NOT_STATED);
		return buf;
	}
	fmt_date(date, d, sizeof(d));
	if (empty(entered_at)) {
		snprintf(buf, bufsz, "GD entry %u of %s", number, d);
		return buf;
	}
	/* "11:10" for an IST time (then said so), else time and zone. */
	fmt_ist(entered_at, 0, t, sizeof(t));
	snprintf(buf, bufsz, "GD entry %u of %s at %s%s", number, d, t,
	         strlen(t) == 5 ? " IST" : "");
	return buf;
}

/* "YYYY-MM-DD" at s into y, m, d. -1 when s does not start so. */
static int read_date(const char *s, int *y, int *m, int *d)
{
	if (empty(s) || strlen(s) < 10 || !is_date(s))
		return -1;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return 0;
}

int age_at(const char *dob, uint32_t yob, const char *at)
{
	int ay, am, ad, by, bm, bd, age;

	if (read_date(at, &ay, &am, &ad) < 0)
		return -1;
	if (read_date(dob, &by, &bm, &bd) == 0)
		age = ay - by - (am < bm || (am == bm && ad < bd));
	else if (yob > 0 && yob <= 9999)
		age = ay - (int)yob;
	else
		return -1;
	return age >= 0 ? age : -1;
}

/* ------------------------------------------------------------ wrapping */

size_t utf8_columns(const char *s, size_t len)
{
	size_t cols = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cols++;
	return cols;
}

void pr_spaces(FILE *out, size_t n)
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
			pr_spaces(out, indent);
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
			pr_spaces(out, indent);
		wrap_line(out, s, len, first ? col : indent, indent, width);
		first = 0;
		s = nl ? nl + 1 : NULL;
	} while (s && *s);
}

/* ------------------------------------------------------------ layout */

void pr_center(FILE *out, const char *text)
{
	size_t cols = utf8_columns(text, strlen(text));

	pr_spaces(out, cols < PRINT_WIDTH ? (PRINT_WIDTH - cols) / 2 : 0);
	fprintf(out, "%s\n", text);
}

void pr_title(FILE *out, const char *title)
{
	pr_center(out, title);
	fputc('\n', out);
}

void pr_heading(FILE *out, int n, const char *title)
{
	fprintf(out, "\n%d. %s\n", n, title);
}

void pr_row(FILE *out, size_t indent, const char *label, const char *value)
{
	size_t used = indent + utf8_columns(label, strlen(label));

	pr_spaces(out, indent);
	fputs(label, out);
	if (used + 1 < LABEL_COL) {
		pr_spaces(out, LABEL_COL - used);
		used = LABEL_COL;
	} else {
		fputc(' ', out);
		used++;
	}
	wrap_text(out, empty(value) ? NOT_STATED : value, used, LABEL_COL,
	          PRINT_WIDTH);
}

void pr_para(FILE *out, size_t indent, const char *text)
{
	pr_spaces(out, indent);
	wrap_text(out, empty(text) ? NOT_STATED : text, indent, indent,
	          PRINT_WIDTH);
}

void str_append(char *buf, size_t bufsz, size_t *n, const char *sep,
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

void pr_address(FILE *out, size_t indent, const char *label,
                const Cctns__V1__Address *a)
{
	char text[768] = "", last[256] = "", codes[64] = "";
	size_t n = 0, m = 0;

	if (!a) {
		pr_row(out, indent, label, NULL);
		return;
	}
	if (a->district_code || a->state_code)
		snprintf(codes, sizeof(codes), "(district %u, state %u)",
		         a->district_code, a->state_code);
	str_append(last, sizeof(last), &m, " ", a->city);
	str_append(last, sizeof(last), &m, " ", a->pincode);
	str_append(last, sizeof(last), &m, " ", codes);
	str_append(text, sizeof(text), &n, "\n", a->line1);
	str_append(text, sizeof(text), &n, "\n", a->line2);
	str_append(text, sizeof(text), &n, "\n", last);
	pr_row(out, indent, label, text);
}

void pr_person(FILE *out, size_t indent, const Cctns__V1__Person *p)
{
	char yob[16], dob[32];

	if (!p) {
		pr_row(out, indent, "Name", NULL);
		return;
	}
	pr_row(out, indent, "Name", p->name);
	if (!empty(p->relative_name))
		pr_row(out, indent,
		       p->relative_kind ? word_relative(p->relative_kind)
		                        : "Relative's name",
		       p->relative_name);
	if (p->gender)
		pr_row(out, indent, "Gender", word_gender(p->gender));
	if (!empty(p->date_of_birth)) {
		pr_row(out, indent, "Date of birth",
		       fmt_date(p->date_of_birth, dob, sizeof(dob)));
	} else if (p->year_of_birth) {
		snprintf(yob, sizeof(yob), "%u", p->year_of_birth);
		pr_row(out, indent, "Year of birth", yob);
	}
	if (!empty(p->nationality))
		pr_row(out, indent, "Nationality", p->nationality);
	if (!empty(p->occupation))
		pr_row(out, indent, "Occupation", p->occupation);
	if (p->address)
		pr_address(out, indent, "Address", p->address);
	if (!empty(p->phone))
		pr_row(out, indent, "Phone", p->phone);
}

/* A Place: distance and direction from the station, beat, address; rows
 * that are not stated are left out (the address row always shows). */
void pr_place(FILE *out, size_t indent, const Cctns__V1__Place *p)
{
	char dist[32], buf[96];

	if (!p) {
		pr_row(out, indent, "Place", NULL);
		return;
	}
	if (p->distance_m || p->direction) {
		snprintf(buf, sizeof(buf), "%s %s of the police station",
		         fmt_distance(p->distance_m, dist, sizeof(dist)),
		         p->direction ? word_direction(p->direction)
		                      : "(direction not stated)");
		pr_row(out, indent, "Distance and direction", buf);
	}
	if (!empty(p->beat))
		pr_row(out, indent, "Beat", p->beat);
	pr_address(out, indent, "Address", p->address);
}

/* recall (issue 4): what each kind of identifying number is called on the
 * forms, indexed by PropertyIdentifierKind. */
static const char *property_id_label(int kind)
{
	static const char *const labels[] = {
	        "Identifying No.", "IMEI",        "Serial No.",     "Arms No.",
	        "Engine No.",      "Chassis No.", "Identifying No."};

	return kind >= 0 && (size_t)kind < sizeof(labels) / sizeof(labels[0])
	               ? labels[kind]
	               : labels[0];
}

void pr_property_ids(FILE *out, size_t indent,
                     Cctns__V1__PropertyIdentifier *const *ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pr_row(out, indent, property_id_label((int)ids[i]->kind),
		       ids[i]->number);
}

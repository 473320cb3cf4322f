/* import_csvrec.c (issue 7): the columns of a CSV import file and one row
 * turned into the JSON record of the JSON-lines format (docs/IMPORT.md),
 * which import_line.c then checks and writes as COPY rows: one validator
 * for both formats. The flat form: a column per top-level field, place_*
 * for the place, `sections` as "IPC 379; IPC 411", complainant_* and
 * numbered accused_N_* / victim_N_* groups of person columns (a group with
 * any cell filled is a person), unknown_accused a count. Refusals name the
 * CSV column (accused_2_age), not the JSON path (persons[2].age). */
#include "import_csv.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "util.h"

enum ckind { C_INT, C_STR, C_PLACE, C_SECTIONS, C_UNKNOWN, C_PERSON };

struct top {
	const char *name, *key;
	enum ckind kind;
	int required;
};

static const struct top tops[] = {
        {"state", "state", C_INT, 1},
        {"district", "district", C_INT, 1},
        {"station", "station", C_INT, 1},
        {"year", "year", C_INT, 1},
        {"fir_no", "fir_no", C_INT, 1},
        {"registered_at", "registered_at", C_STR, 1},
        {"occurred_from", "occurred_from", C_STR, 0},
        {"occurred_to", "occurred_to", C_STR, 0},
        {"information_received_at", "information_received_at", C_STR, 0},
        {"information_type", "information_type", C_STR, 0},
        {"brief_facts", "brief_facts", C_STR, 1},
        {"place_line1", "line1", C_PLACE, 0},
        {"place_line2", "line2", C_PLACE, 0},
        {"place_city", "city", C_PLACE, 0},
        {"place_pincode", "pincode", C_PLACE, 0},
        {"sections", NULL, C_SECTIONS, 1},
        {"unknown_accused", NULL, C_UNKNOWN, 0},
};
#define NTOPS (sizeof(tops) / sizeof(tops[0]))

/* The person columns after their group's prefix; is_int: a number. */
static const struct {
	const char *name;
	int is_int;
} attrs[] = {
        {"name", 0}, {"relative_kind", 0}, {"relative_name", 0}, {"sex", 0},
        {"age", 1},  {"birth_year", 1},    {"address", 0},       {"pincode", 0},
};
#define NATTRS (sizeof(attrs) / sizeof(attrs[0]))

static const char *const roles[] = {"complainant", "accused", "victim"};

#define MAX_NUMBERED 99 /* accused_1 .. accused_99 */
#define MAX_UNKNOWN  99

struct col {
	enum ckind kind;
	int idx;   /* tops[] or attrs[] */
	int group; /* person group, for C_PERSON */
};

struct group {
	int role, num; /* roles[], N of accused_N (0 for the complainant) */
	char prefix[24];
};

struct imp_csv_head {
	size_t ncols;
	struct col col[CSV_FIELDS_MAX];
	int ngroups;
	struct group g[CSV_FIELDS_MAX];
	char name[CSV_FIELDS_MAX][48]; /* as in the header, cleaned */
};

const char *imp_csv_head_name(const struct imp_csv_head *h, size_t i)
{
	return i < h->ncols ? h->name[i] : "";
}

size_t imp_csv_head_columns(const struct imp_csv_head *h)
{
	return h->ncols;
}

void imp_csv_head_free(struct imp_csv_head *h)
{
	free(h);
}

/* A header cell: surrounding spaces dropped, lower case. */
static void clean_name(const char *f, size_t len, char *out, size_t cap)
{
	size_t j = 0;

	while (len && (*f == ' ' || *f == '\t'))
		f++, len--;
	while (len && (f[len - 1] == ' ' || f[len - 1] == '\t'))
		len--;
	for (size_t i = 0; i < len && j + 1 < cap; i++)
		out[j++] = (char)tolower((unsigned char)f[i]);
	out[j] = '\0';
}

/* "accused_12_age" -> role 1, num 12, attr; -1 when not a person column. */
static int person_col(const char *s, int *role, int *num, int *attr)
{
	for (int r = 0; r < 3; r++) {
		size_t rl = strlen(roles[r]);
		const char *p = s + rl;
		if (strncmp(s, roles[r], rl) != 0 || *p != '_')
			continue;
		p++;
		*num = 0;
		if (r > 0) {
			if (*p < '1' || *p > '9')
				return -1;
			while (*p >= '0' && *p <= '9' && *num <= MAX_NUMBERED)
				*num = *num * 10 + (*p++ - '0');
			if (*num > MAX_NUMBERED || *p++ != '_')
				return -1;
		}
		for (size_t a = 0; a < NATTRS; a++)
			if (strcmp(p, attrs[a].name) == 0) {
				*role = r;
				*attr = (int)a;
				return 0;
			}
		return -1;
	}
	return -1;
}

static int group_of(struct imp_csv_head *h, int role, int num)
{
	for (int i = 0; i < h->ngroups; i++)
		if (h->g[i].role == role && h->g[i].num == num)
			return i;
	h->g[h->ngroups].role = role;
	h->g[h->ngroups].num = num;
	if (role == 0)
		snprintf(h->g[h->ngroups].prefix, sizeof(h->g[0].prefix),
		         "complainant");
	else
		snprintf(h->g[h->ngroups].prefix, sizeof(h->g[0].prefix),
		         "%s_%d", roles[role], num);
	return h->ngroups++;
}

static int by_role_num(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	if (x->role != y->role)
		return x->role - y->role;
	return x->num - y->num;
}

/* Groups in file order -> complainant, accused_1.., victim_1.. */
static void sort_groups(struct imp_csv_head *h)
{
	int was[CSV_FIELDS_MAX];

	for (int i = 0; i < h->ngroups; i++)
		was[i] = h->g[i].role * 1000 + h->g[i].num;
	qsort(h->g, (size_t)h->ngroups, sizeof(h->g[0]), by_role_num);
	for (size_t c = 0; c < h->ncols; c++) {
		int key;
		if (h->col[c].kind != C_PERSON)
			continue;
		key = was[h->col[c].group];
		for (int i = 0; i < h->ngroups; i++)
			if (h->g[i].role * 1000 + h->g[i].num == key)
				h->col[c].group = i;
	}
}

static int find_top(const char *name)
{
	for (size_t t = 0; t < NTOPS; t++)
		if (strcmp(name, tops[t].name) == 0)
			return (int)t;
	return -1;
}

struct imp_csv_head *imp_csv_head_new(const struct csv_reader *r, char *why,
                                      size_t whylen)
{
	struct imp_csv_head *h = xcalloc(1, sizeof(*h));
	char(*names)[48] = h->name;
	int complainant_name = 0;

	h->ncols = r->nfields;
	for (size_t i = 0; i < r->nfields; i++) {
		size_t len;
		const char *f = csv_field(r, i, &len);
		int t, role, num, attr;
		clean_name(f, len, names[i], sizeof(names[i]));
		imp_printable(names[i]);
		for (size_t j = 0; j < i; j++)
			if (strcmp(names[i], names[j]) == 0) {
				snprintf(why, whylen,
				         "column %zu \"%s\": given twice (also "
				         "column %zu)",
				         i + 1, names[i], j + 1);
				goto fail;
			}
		t = find_top(names[i]);
		if (t >= 0) {
			h->col[i].kind = tops[t].kind;
			h->col[i].idx = t;
		} else if (person_col(names[i], &role, &num, &attr) == 0) {
			h->col[i].kind = C_PERSON;
			h->col[i].idx = attr;
			h->col[i].group = group_of(h, role, num);
			complainant_name |= role == 0 && attr == 0;
		} else {
			snprintf(why, whylen,
			         "column %zu \"%s\": unknown column (the "
			         "columns "
			         "are listed in docs/IMPORT.md)",
			         i + 1, names[i]);
			goto fail;
		}
	}
	for (size_t t = 0; t < NTOPS; t++) {
		size_t i;
		if (!tops[t].required)
			continue;
		for (i = 0; i < h->ncols; i++)
			if (strcmp(names[i], tops[t].name) == 0)
				break;
		if (i == h->ncols) {
			snprintf(why, whylen,
			         "the required column \"%s\" is missing",
			         tops[t].name);
			goto fail;
		}
	}
	if (!complainant_name) {
		snprintf(why, whylen,
		         "the required column \"complainant_name\" is missing");
		goto fail;
	}
	sort_groups(h);
	return h;
fail:
	free(h);
	return NULL;
}

/* ------------------------------------------------------------ one row */

static int blank(const char *f, size_t len)
{
	return strspn(f, " \t") >= len;
}

/* A whole number (surrounding spaces allowed) as a JSON number; anything
 * else stays a string, which the checker refuses naming the field. */
static struct json_object *number(const char *f, size_t len)
{
	size_t i = 0, d;
	char tmp[24];

	while (i < len && (f[i] == ' ' || f[i] == '\t'))
		i++;
	while (len > i && (f[len - 1] == ' ' || f[len - 1] == '\t'))
		len--;
	d = i + (i < len && f[i] == '-');
	if (len > d && len - d <= 18 &&
	    strspn(f + d, "0123456789") >= len - d) {
		memcpy(tmp, f + i, len - i);
		tmp[len - i] = '\0';
		return json_object_new_int64(strtoll(tmp, NULL, 10));
	}
	return json_object_new_string_len(f, (int)len);
}

/* "IPC 379; BNS 303(2)" -> [{"act":"ipc","section":"379"}, ...]; an item
 * without an act or a section keeps only what it has (and is refused). */
static struct json_object *sections(const char *f)
{
	struct json_object *a = json_object_new_array();

	while (*f) {
		const char *end = strchr(f, ';'), *p = f, *q;
		size_t n = end ? (size_t)(end - f) : strlen(f);
		char act[16];
		size_t al = 0;
		struct json_object *item;

		while (n && (*p == ' ' || *p == '\t'))
			p++, n--;
		while (n && isalpha((unsigned char)*p)) {
			if (al + 1 < sizeof(act))
				act[al++] = (char)tolower((unsigned char)*p);
			p++, n--;
		}
		act[al] = '\0';
		while (n && (*p == ' ' || *p == '\t'))
			p++, n--;
		q = p + n;
		while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
			q--;
		if (al || q > p) {
			item = json_object_new_object();
			if (al)
				json_object_object_add(
				        item, "act",
				        json_object_new_string(act));
			if (q > p)
				json_object_object_add(
				        item, "section",
				        json_object_new_string_len(
				                p, (int)(q - p)));
			json_object_array_add(a, item);
		}
		f = end ? end + 1 : f + strlen(f);
	}
	return a;
}

/* The persons of the row in order (complainant, accused_N, victim_N, then
 * the unknown accused): map[k] is person k's group, -1 for an unknown
 * accused. Returns how many, or -1 when unknown_accused is not a count. */
static int person_map(const struct imp_csv_head *h, const struct csv_reader *r,
                      short *map, int cap)
{
	unsigned char present[CSV_FIELDS_MAX] = {0};
	int n = 0, unknown = 0;

	for (size_t c = 0; c < h->ncols && c < r->nfields; c++) {
		size_t len;
		const char *f = csv_field(r, c, &len);
		if (blank(f, len))
			continue;
		if (h->col[c].kind == C_PERSON) {
			present[h->col[c].group] = 1;
		} else if (h->col[c].kind == C_UNKNOWN) {
			/* one or two digits, spaces around them allowed */
			size_t d = strspn(f, " \t"),
			       k = strspn(f + d, "0123456789");
			if (k < 1 || k > 2 ||
			    d + k + strspn(f + d + k, " \t") != len)
				return -1;
			unknown = atoi(f + d);
		}
	}
	for (int g = 0; g < h->ngroups && n < cap; g++)
		if (present[g])
			map[n++] = (short)g;
	while (unknown-- > 0 && n < cap)
		map[n++] = -1;
	return n;
}

static struct json_object *build(const struct imp_csv_head *h,
                                 const struct csv_reader *r, const short *map,
                                 int np)
{
	struct json_object *o = json_object_new_object(), *place = NULL;
	struct json_object *people[CSV_FIELDS_MAX] = {NULL};

	for (size_t c = 0; c < h->ncols; c++) {
		size_t len;
		const char *f = csv_field(r, c, &len);
		const struct col *k = &h->col[c];
		if (blank(f, len))
			continue;
		switch (k->kind) {
		case C_INT:
			json_object_object_add(o, tops[k->idx].key,
			                       number(f, len));
			break;
		case C_STR:
			json_object_object_add(
			        o, tops[k->idx].key,
			        json_object_new_string_len(f, (int)len));
			break;
		case C_PLACE:
			if (!place)
				place = json_object_new_object();
			json_object_object_add(
			        place, tops[k->idx].key,
			        json_object_new_string_len(f, (int)len));
			break;
		case C_SECTIONS:
			json_object_object_add(o, "sections", sections(f));
			break;
		case C_UNKNOWN:
			break;
		case C_PERSON:
			if (!people[k->group]) {
				people[k->group] = json_object_new_object();
				json_object_object_add(
				        people[k->group], "role",
				        json_object_new_string(
				                roles[h->g[k->group].role]));
			}
			json_object_object_add(
			        people[k->group], attrs[k->idx].name,
			        attrs[k->idx].is_int
			                ? number(f, len)
			                : json_object_new_string_len(f,
			                                             (int)len));
			break;
		}
	}
	if (place)
		json_object_object_add(o, "place", place);
	if (np > 0) {
		struct json_object *a = json_object_new_array();
		for (int i = 0; i < np; i++) {
			struct json_object *p =
			        map[i] >= 0 ? people[map[i]] : NULL;
			if (!p) {
				p = json_object_new_object();
				json_object_object_add(
				        p, "role",
				        json_object_new_string("accused"));
			}
			json_object_array_add(a, p);
		}
		json_object_object_add(o, "persons", a);
	}
	return o;
}

/* ------------------------------------------------------------ names */

struct namer {
	const struct imp_csv_head *h;
	const short *map;
	int np;
};

static void emit(char *out, size_t cap, size_t *j, const char *s, size_t n)
{
	for (size_t i = 0; i < n && *j + 1 < cap; i++)
		out[(*j)++] = s[i];
}

/* persons[K][.attr] / sections[K][.act] / place.X at in, written as the
 * CSV columns; returns the bytes of in consumed (0: not such a name). */
static size_t rename_one(const struct namer *nm, const char *in, int field,
                         char *out, size_t cap, size_t *j)
{
	const char *p;
	char buf[64];
	long k;
	size_t wl;
	int persons = strncmp(in, "persons[", 8) == 0;

	if (strncmp(in, "place.", 6) == 0) {
		emit(out, cap, j, "place_", 6);
		return 6;
	}
	if (!persons && strncmp(in, "sections[", 9) != 0)
		return 0;
	p = in + (persons ? 8 : 9);
	if (*p < '0' || *p > '9')
		return 0;
	k = strtol(p, (char **)&p, 10);
	if (*p++ != ']' || (persons && k >= nm->np))
		return 0;
	wl = *p == '.' ? strspn(p + 1, "abcdefghijklmnopqrstuvwxyz_") : 0;
	if (persons) {
		const char *pre = nm->map[k] >= 0 ? nm->h->g[nm->map[k]].prefix
		                                  : "unknown_accused";
		emit(out, cap, j, pre, strlen(pre));
		if (wl && nm->map[k] >= 0) {
			emit(out, cap, j, "_", 1);
			emit(out, cap, j, p + 1, wl);
		}
	} else {
		snprintf(buf, sizeof(buf),
		         field ? "sections" : "sections item %ld", k + 1);
		emit(out, cap, j, buf, strlen(buf));
		if (wl && !field) {
			emit(out, cap, j, " ", 1);
			emit(out, cap, j, p + 1, wl);
		}
	}
	return (size_t)(p - in) + (wl ? wl + 1 : 0);
}

static void rename_text(const struct namer *nm, char *s, size_t cap, int field)
{
	char out[256];
	size_t i = 0, j = 0;

	if (field && strcmp(s, "persons") == 0) {
		snprintf(s, cap, "complainant_name");
		return;
	}
	while (s[i] && j + 1 < sizeof(out)) {
		size_t used =
		        rename_one(nm, s + i, field, out, sizeof(out), &j);
		if (used) {
			i += used;
			continue;
		}
		out[j++] = s[i++];
	}
	if (j >= cap)
		j = cap - 1;
	memcpy(s, out, j);
	s[j] = '\0';
}

static void rename_reject(const struct namer *nm, struct imp_reject *rej)
{
	rename_text(nm, rej->field, sizeof(rej->field), 1);
	rename_text(nm, rej->reason, sizeof(rej->reason), 0);
}

int imp_csv_record(const struct imp_csv_head *h, const struct csv_reader *r,
                   const char *raw, size_t n, long long line_no,
                   struct imp_rows *out, struct imp_reject *rej)
{
	short map[CSV_FIELDS_MAX];
	struct namer nm = {h, map, 0};
	struct json_object *o;
	int rc;

	if (r->nfields != h->ncols) {
		snprintf(rej->field, sizeof(rej->field), "line");
		snprintf(rej->reason, sizeof(rej->reason),
		         "the row has %zu fields, the header %zu", r->nfields,
		         h->ncols);
		return -1;
	}
	nm.np = person_map(h, r, map, CSV_FIELDS_MAX);
	if (nm.np < 0) {
		snprintf(rej->field, sizeof(rej->field), "unknown_accused");
		snprintf(rej->reason, sizeof(rej->reason),
		         "unknown_accused: expected a whole number 0..%d",
		         MAX_UNKNOWN);
		return -1;
	}
	o = build(h, r, map, nm.np);
	rc = imp_parse_object(o, raw, n, line_no, out, rej);
	json_object_put(o);
	if (rc != 0)
		rename_reject(&nm, rej);
	return rc;
}

void imp_csv_rename(const struct imp_csv_head *h, const char *raw, size_t n,
                    struct imp_reject *rej)
{
	struct csv_reader r;
	struct csv_error e;
	short map[CSV_FIELDS_MAX];
	struct namer nm = {h, map, 0};

	csv_init(&r, raw, n, n + 1);
	if (csv_next(&r, &e) == 1) {
		nm.np = person_map(h, &r, map, CSV_FIELDS_MAX);
		if (nm.np >= 0)
			rename_reject(&nm, rej);
	}
	csv_free(&r);
}

/* search_gen.c: the person search benchmark's data: a seeded, repeatable
 * register of persons with names from several Indian naming traditions as
 * they are written in Latin letters, and queries with known answers,
 * mangled the ways people mangle names. Not a test: tests/bench/search
 * drives it.
 *
 * Persons (COPY text of core.person, one line each): a tradition is drawn
 * (North Indian Hindu 30%, Muslim 18%, Sikh 7%, Bengali 9%, Marathi 9%,
 * Tamil 8%, Telugu 6%, Kannada 4%, Malayalam 4%, Christian 5%), then a
 * gender, a given name (compound names are built from parts: Ram+esh,
 * Gur+preet, ...), the tradition's surname or style (Singh/Kaur, Devi,
 * Mohammad ..., Tamil father's initial first, Marathi father's name in the
 * middle), a father's (or for some married women a husband's) name from the
 * same tradition, a birth year 1946-2008, a station (district) from the
 * stations file, a creation year 2020-2026 (the year partition), and an
 * address. 30% of stored names are written by a careless hand: one mangle.
 *
 * The distribution (issue 4: "realistic" names). Registers have a few very
 * common names and a long tail. Each tradition's pools of name parts
 * (search_names.h: given names, first and second parts of compound given
 * names, middle names, surnames and clans; written for this benchmark) are
 * listed from the most common; a part is drawn half of the time by
 * Zipf-like weights (zpick: position r with probability ln((r+2)/(r+1)) /
 * ln(n+1)) and half of the time evenly. 15% of the given names of the
 * traditions written with Hindu given names are made of syllables (the
 * rare names), North Indian and Bengali men have a middle name 30% of the
 * time (Kumar, Prasad, Chandra, ...), Muslim men are "Abdul X" 25% of the
 * time. What this gives is measured, not assumed: search_gen prints (to
 * --stats-out) the share of persons whose true full name no one else in
 * the register has and the largest namesake group, and the same for the
 * name with the relative's name. Seed 20261129: at 1,000,000 persons
 * 334,138 distinct full names, 24.9% of persons unique, the largest group
 * 1,229 (a woman's common given name with Kumari); at 10,000,000 12.4%
 * unique, the largest group 11,746 (0.12% of the register); name and
 * relative's name together are unique for 78.5% (1M) and 65.9% (10M).
 *
 * Namesakes of a query: the persons (target included) that share the true
 * attributes the query carries: its name (when a mangle left the surname
 * out: every person whose true name is the rest or begins with it), and
 * when the query has them the relative's name, the birth year within 2,
 * the district. Written as the queries file's seventh column; more than 10
 * makes the query undecidable in a top 10 (search_bench).
 *
 * Queries (TSV: expected person_id, set, name, relative_name, age,
 * district_code, namesakes): every persons/queries-th person is picked and its
 * name mangled once or twice (vowel length aa/a ee/i oo/u, sh/s, v/w, a dropped
 * or doubled letter, Md/Mohd/Mohammed, initials expanded or contracted,
 * surname left out, an honorific added, final a). Two generated sets:
 * "name" (the name alone, 30% of queries by default) and "details"
 * (--details PCT, default 70%: the name with what an investigator usually
 * has besides: the father's or husband's name 80% (typed with S/o in the
 * name one time in three, lightly mangled half the time), an age +-1 50%,
 * the district 30%, at least one of them). A name alone cannot tell apart
 * namesakes (the register has many "Rahul Kumar"s): the two sets are
 * reported apart.
 * Hand-written queries (tests/bench/search_queries.tsv: stored name,
 * stored relative, birth year, query name, query relative, note) add their
 * persons first and their queries with set "hand".
 *
 * usage: search_gen --persons N --seed S --stations FILE --first-id ID
 *                   --queries Q --hand FILE --persons-out F --queries-out F
 *                   [--stats-out F]
 */
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATE   9
#define MAXTOK  8
#define NAMELEN 160

/* ------------------------------------------------------------ random */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 2685821657736338717ULL;
}

static unsigned pick(unsigned n)
{
	return (unsigned)(rnd() % n);
}

static int chance(unsigned pct)
{
	return pick(100) < pct;
}

#define PICK(arr) (arr[pick(sizeof(arr) / sizeof(arr[0]))])

/* A Zipf-like draw of a position 0..n-1: half of the draws by Zipf
 * weights (exponent 1, continuous form: position r with probability
 * ln((r+2)/(r+1)) / ln(n+1)), half evenly. So the first entry of a pool of
 * 40 is drawn 10.5% of the time, the first five together 30%, the last
 * 1.6%. Pools list names from the most common. */
static unsigned zpick(unsigned n)
{
	double u = (double)(rnd() >> 11) * (1.0 / 9007199254740992.0);
	unsigned r;

	if (chance(50))
		return pick(n);
	r = (unsigned)exp(u * log((double)n + 1.0)) - 1;
	return r < n ? r : n - 1;
}

#define NPOOL(arr) ((unsigned)(sizeof(arr) / sizeof(arr[0])))
#define ZPICK(arr) (arr[zpick(NPOOL(arr))])

/* ------------------------------------------------------------ names */

#include "search_names.h"

typedef struct gen_person {
	char name[NAMELEN];
	char rel[NAMELEN];
	char given[100]; /* for Tamil initials */
	char father_given[100];
	int tamil;
	int female;
} gen_person;

/* A compound given name: a first part and a second, each drawn by its own
 * Zipf-like weights (Ram+esh, Gur+preet, Sel+van). */
#define COMPOUND(out, pre, suf)                                                \
	snprintf(out, sizeof(out), "%s%s", ZPICK(pre), ZPICK(suf))

/* A rare given name made of syllables (the long tail), drawn evenly. */
static void rare_given(char *c, size_t n)
{
	snprintf(c, n, "%s%s%s%s", PICK(syl_on), PICK(syl_v), PICK(syl_mid),
	         PICK(syl_end));
}

/* A man's given name of a tradition: whole names, compounds and, for 15%
 * of the traditions written with Hindu given names, a rare one. */
static void male_given(int trad, char *g, size_t n)
{
	char c[64];

	if (trad != 1 && trad != 2 && trad != 9 && chance(15)) {
		rare_given(c, sizeof(c));
		snprintf(g, n, "%s", c);
		return;
	}
	switch (trad) {
	case 0:
		if (chance(55))
			COMPOUND(c, hn_pre, hn_suf);
		else
			snprintf(c, sizeof(c), "%s", ZPICK(hn_given_m));
		break;
	case 1:
		if (chance(25))
			snprintf(c, sizeof(c), "Abdul %s", ZPICK(mu_abdul));
		else if (chance(20))
			COMPOUND(c, mu_pre, mu_suf);
		else
			snprintf(c, sizeof(c), "%s", ZPICK(mu_given_m));
		break;
	case 2:
		COMPOUND(c, si_pre, si_suf);
		break;
	case 3:
		if (chance(40))
			COMPOUND(c, bn_pre, bn_suf);
		else
			snprintf(c, sizeof(c), "%s", ZPICK(bn_given_m));
		break;
	case 4:
		snprintf(c, sizeof(c), "%s", ZPICK(mr_given_m));
		break;
	case 5:
		if (chance(45))
			COMPOUND(c, ta_pre, ta_suf);
		else
			snprintf(c, sizeof(c), "%s", ZPICK(ta_given_m));
		break;
	case 6:
		snprintf(c, sizeof(c), "%s%s", chance(20) ? "Venkata " : "",
		         ZPICK(te_given));
		break;
	case 7:
		snprintf(c, sizeof(c), "%s", ZPICK(kn_given));
		break;
	case 8:
		snprintf(c, sizeof(c), "%s", ZPICK(ml_given));
		break;
	default:
		snprintf(c, sizeof(c), "%s", ZPICK(ch_given_m));
	}
	snprintf(g, n, "%s", c);
}

/* A given name with, for North Indian and Bengali names, a middle name 30%
 * of the time ("Anil Kumar", "Ram Prasad", "Subhash Chandra"). */
static void male_given2(int trad, char *g, size_t n)
{
	male_given(trad, g, n);
	if ((trad == 0 || trad == 3) && chance(30) && strlen(g) + 12 < n) {
		strcat(g, " ");
		strcat(g, ZPICK(hn_mid));
	}
}

/* A woman's given name of a tradition. */
static void female_given(int trad, char *g, size_t n)
{
	char c[64];

	switch (trad) {
	case 1:
		snprintf(c, sizeof(c), "%s", ZPICK(mu_given_f));
		break;
	case 3:
		snprintf(c, sizeof(c), "%s", ZPICK(bn_given_f));
		break;
	case 4:
		snprintf(c, sizeof(c), "%s", ZPICK(mr_given_f));
		break;
	case 5:
		snprintf(c, sizeof(c), "%s", ZPICK(ta_given_f));
		break;
	case 9:
		snprintf(c, sizeof(c), "%s", ZPICK(ch_given_f));
		break;
	case 2:
		COMPOUND(c, si_pre, si_f_suf);
		break;
	case 6:
	case 7:
	case 8:
		snprintf(c, sizeof(c), "%s", ZPICK(south_given_f));
		break;
	default:
		if (chance(40))
			COMPOUND(c, hn_f_pre, hn_f_suf);
		else
			snprintf(c, sizeof(c), "%s", ZPICK(hn_given_f));
	}
	snprintf(g, n, "%s", c);
}

/* A whole man's name of a tradition (for fathers and husbands). */
static void male_name(int trad, char *out, size_t n, char *given, size_t gn)
{
	char g[100];

	male_given2(trad, g, sizeof(g));
	if (trad == 5 && chance(60))
		snprintf(g, sizeof(g), "%s", ZPICK(ta_father));
	if (given)
		snprintf(given, gn, "%s", g);
	switch (trad) {
	case 0:
		snprintf(out, n, "%s %s", g, ZPICK(hn_sur));
		break;
	case 1:
		if (chance(45))
			snprintf(out, n, "%s %s %s", ZPICK(mohammad_forms), g,
			         ZPICK(mu_sur));
		else
			snprintf(out, n, "%s %s", g, ZPICK(mu_sur));
		break;
	case 2:
		if (chance(40))
			snprintf(out, n, "%s Singh %s", g, ZPICK(si_clan));
		else
			snprintf(out, n, "%s Singh", g);
		break;
	case 3:
		snprintf(out, n, "%s %s", g, ZPICK(bn_sur));
		break;
	case 4:
		snprintf(out, n, "%s %s", g, ZPICK(mr_sur));
		break;
	case 5:
		snprintf(out, n, "%s", g);
		break;
	case 6:
		snprintf(out, n, "%s %s", g, ZPICK(te_sur));
		break;
	case 7:
		snprintf(out, n, "%s %s", g, ZPICK(kn_sur));
		break;
	case 8:
		snprintf(out, n, "%s %s", g, ZPICK(ml_sur));
		break;
	default:
		snprintf(out, n, "%s %s", g, ZPICK(ch_sur));
	}
}

static int tradition(void)
{
	static const unsigned cum[] = {30, 48, 55, 64, 73, 81, 87, 91, 95, 100};
	unsigned r = pick(100);

	for (int i = 0; i < 10; i++) {
		if (r < cum[i])
			return i;
	}
	return 0;
}

static const char *surname_of(const char *name)
{
	const char *sp = strrchr(name, ' ');
	return sp ? sp + 1 : "";
}

static void make_person(gen_person *p)
{
	int trad = tradition();
	char fg[100], fname[NAMELEN], g[100];

	memset(p, 0, sizeof(*p));
	p->female = chance(22);
	male_name(trad, fname, sizeof(fname), fg, sizeof(fg));
	snprintf(p->father_given, sizeof(p->father_given), "%s", fg);
	snprintf(p->rel, sizeof(p->rel), "%s", fname);
	if (!p->female) {
		male_given2(trad, g, sizeof(g));
		snprintf(p->given, sizeof(p->given), "%s", g);
		switch (trad) {
		case 1:
			if (chance(45))
				snprintf(p->name, NAMELEN, "%s %s %s",
				         ZPICK(mohammad_forms), g,
				         chance(70) ? ZPICK(mu_sur)
				                    : surname_of(fname));
			else
				snprintf(p->name, NAMELEN, "%s %s", g,
				         chance(70) ? ZPICK(mu_sur)
				                    : surname_of(fname));
			break;
		case 4: /* Marathi: given, father's given, surname */
			snprintf(p->name, NAMELEN, "%.60s %.60s %.30s", g, fg,
			         surname_of(fname));
			break;
		case 5: /* Tamil: father's initial first */
			p->tamil = 1;
			snprintf(p->name, NAMELEN, "%c. %s", fg[0], g);
			break;
		case 2:
			if (chance(40))
				snprintf(p->name, NAMELEN, "%.90s Singh %s", g,
				         ZPICK(si_clan));
			else
				snprintf(p->name, NAMELEN, "%.90s Singh", g);
			break;
		default:
			snprintf(p->name, NAMELEN, "%s %s", g,
			         trad == 0 && chance(50) ? ZPICK(hn_sur)
			                                 : surname_of(fname));
		}
	} else {
		female_given(trad, p->given, sizeof(p->given));
		if (trad == 2)
			snprintf(p->name, NAMELEN, "%s Kaur", p->given);
		else if (trad == 1)
			snprintf(p->name, NAMELEN, "%s %s", p->given,
			         ZPICK(mu_f_sur));
		else if (trad == 5) {
			p->tamil = 1;
			snprintf(p->name, NAMELEN, "%c. %s", fg[0], p->given);
		} else if (trad == 0 && chance(50))
			snprintf(p->name, NAMELEN, "%s %s", p->given,
			         chance(50) ? "Devi" : "Kumari");
		else
			snprintf(p->name, NAMELEN, "%s %s", p->given,
			         surname_of(fname));
	}
}

/* ------------------------------------------------------------ mangles */

static int is_vowel(char c)
{
	return strchr("aeiouAEIOU", c) != NULL;
}

/* Replace n chars at pos of s (NAMELEN buffer) with r. */
static void splice(char *s, size_t pos, size_t n, const char *r)
{
	char tmp[NAMELEN];
	size_t rl = strlen(r), tl = strlen(s + pos + n);

	if (pos + rl + tl >= NAMELEN)
		return; /* would not fit: leave it */
	memcpy(tmp, s + pos + n, tl + 1);
	memcpy(s + pos, r, rl);
	memcpy(s + pos + rl, tmp, tl + 1);
}

/* A random position of needle in s past the first letter, or -1. */
static long find_any(const char *s, const char *needle)
{
	long hits[32];
	int n = 0;
	size_t len = strlen(needle);

	for (const char *p = s + 1; *p && n < 32; p++) {
		if (strncmp(p, needle, len) == 0)
			hits[n++] = p - s;
	}
	return n ? hits[pick((unsigned)n)] : -1;
}

static int m_vowel_length(char *s)
{
	static const char *const pairs[][2] = {{"aa", "a"}, {"ee", "i"},
	                                       {"oo", "u"}, {"a", "aa"},
	                                       {"i", "ee"}, {"u", "oo"}};
	for (int t = 0; t < 8; t++) {
		int k = (int)pick(6);
		long at = find_any(s, pairs[k][0]);
		if (at > 0 && (k < 3 || !is_vowel(s[at + 1]))) {
			splice(s, (size_t)at, strlen(pairs[k][0]), pairs[k][1]);
			return 1;
		}
	}
	return 0;
}

static int m_sh_s(char *s)
{
	long at = find_any(s, "sh");
	if (at > 0) {
		splice(s, (size_t)at, 2, "s");
		return 1;
	}
	at = find_any(s, "s");
	if (at > 0) {
		splice(s, (size_t)at, 1, "sh");
		return 1;
	}
	return 0;
}

static int m_v_w(char *s)
{
	for (size_t i = 0; s[i]; i++) {
		char c = s[i];
		if (c == 'v' || c == 'w' || c == 'V' || c == 'W') {
			s[i] = c == 'v'   ? 'w'
			       : c == 'w' ? 'v'
			       : c == 'V' ? 'W'
			                  : 'V';
			return 1;
		}
	}
	return 0;
}

static int m_drop(char *s)
{
	size_t len = strlen(s);
	for (int t = 0; t < 10 && len > 4; t++) {
		size_t i = 1 + pick((unsigned)(len - 2));
		if (s[i] == ' ' || s[i - 1] == ' ' || s[i + 1] == ' ' ||
		    s[i] == '.')
			continue;
		if (is_vowel(s[i]) || s[i] == 'h' || chance(20)) {
			splice(s, i, 1, "");
			return 1;
		}
	}
	return 0;
}

static int m_double(char *s)
{
	size_t len = strlen(s);
	for (int t = 0; t < 10 && len > 3; t++) {
		size_t i = 1 + pick((unsigned)(len - 1));
		char c[2] = {s[i], 0};
		if (s[i] >= 'a' && s[i] <= 'z' && !is_vowel(s[i]) &&
		    s[i - 1] != s[i]) {
			splice(s, i, 0, c);
			return 1;
		}
	}
	return 0;
}

static int m_mohammad(char *s)
{
	for (size_t k = 0; k < sizeof(mohammad_forms) / sizeof(*mohammad_forms);
	     k++) {
		const char *f = mohammad_forms[k];
		size_t n = strlen(f);
		if (strncmp(s, f, n) == 0 && s[n] == ' ') {
			splice(s, 0, n, PICK(mohammad_forms));
			return 1;
		}
	}
	return 0;
}

static int m_surname_missing(char *s)
{
	char *sp = strrchr(s, ' ');
	if (!sp || strchr(s, ' ') == sp || sp[-1] == '.')
		return 0; /* keep two-word names and Tamil initials */
	*sp = '\0';
	return 1;
}

static int m_honorific(char *s)
{
	static const char *const h[] = {"Shri ", "Sri ", "Mr. ", "Sh. "};
	splice(s, 0, 0, PICK(h));
	return 1;
}

static int m_final_a(char *s)
{
	size_t n = strlen(s);
	if (n > 3 && s[n - 1] == 'a' && s[n - 2] != 'a') {
		s[n - 1] = '\0';
		return 1;
	}
	if (n > 3 && !is_vowel(s[n - 1]) && n + 1 < NAMELEN) {
		s[n] = 'a';
		s[n + 1] = '\0';
		return 1;
	}
	return 0;
}

typedef int (*mangle_fn)(char *s);

static const mangle_fn mangles[] = {
        m_vowel_length, m_vowel_length, m_sh_s,     m_v_w,
        m_drop,         m_double,       m_mohammad, m_surname_missing,
        m_honorific,    m_final_a};

/* One mangle that changed something (tries a few); returns the mangle made,
 * or NULL. */
static mangle_fn mangle(char *s)
{
	for (int t = 0; t < 6; t++) {
		mangle_fn f = mangles[pick(sizeof(mangles) / sizeof(*mangles))];
		if (f(s))
			return f;
	}
	return NULL;
}

/* Tamil initials written the other ways: "Ramesh K", "Krishnan Ramesh",
 * "Ramesh Krishnan", "K Ramesh". */
static void tamil_variant(const gen_person *p, char *q)
{
	switch (pick(4)) {
	case 0:
		snprintf(q, NAMELEN, "%s %c", p->given, p->father_given[0]);
		break;
	case 1:
		snprintf(q, NAMELEN, "%.70s %.70s", p->father_given, p->given);
		break;
	case 2:
		snprintf(q, NAMELEN, "%.70s %.70s", p->given, p->father_given);
		break;
	default:
		snprintf(q, NAMELEN, "%c %s", p->father_given[0], p->given);
	}
}

/* ------------------------------------------------------------ output */

typedef struct station {
	int district, station;
} station;

static station *stations;
static size_t n_stations;

static int load_stations(const char *path)
{
	FILE *f = fopen(path, "r");
	int d, s;
	size_t cap = 0;

	if (!f)
		return -1;
	while (fscanf(f, "%d %d", &d, &s) == 2) {
		if (n_stations == cap) {
			cap = cap ? 2 * cap : 256;
			stations = realloc(stations, cap * sizeof(*stations));
			if (!stations)
				abort();
		}
		stations[n_stations].district = d;
		stations[n_stations++].station = s;
	}
	fclose(f);
	return n_stations ? 0 : -1;
}

/* COPY text: no tabs, backslashes or newlines in our values. */
static void emit_person(FILE *out, uint64_t id, const gen_person *p, int yob,
                        const station *st, int year)
{
	fprintf(out,
	        "%llu\t%d\t%d\t%d-%02u-%02u 12:00:00+05:30\t%d\t%d\t%s\t%s\t%s"
	        "\t%s\t%d\t%u, %s\tTown %u\t%d\t%d\n",
	        (unsigned long long)id, STATE, year, year, 1 + pick(12),
	        1 + pick(28), st->district, st->station, p->name,
	        p->female && chance(40) ? "husband" : "father", p->rel,
	        p->female ? "female" : "male", yob, 1 + pick(400),
	        PICK(streets), pick(50), st->district, STATE);
}

typedef struct opts {
	uint64_t persons, first_id, seed;
	unsigned queries, details_pct;
	const char *stations, *hand, *persons_out, *queries_out, *stats_out;
} opts;

static int parse(int argc, char **argv, opts *o)
{
	static const struct option lo[] = {
	        {"persons", required_argument, NULL, 'n'},
	        {"seed", required_argument, NULL, 's'},
	        {"stations", required_argument, NULL, 't'},
	        {"first-id", required_argument, NULL, 'i'},
	        {"queries", required_argument, NULL, 'q'},
	        {"hand", required_argument, NULL, 'h'},
	        {"persons-out", required_argument, NULL, 'p'},
	        {"queries-out", required_argument, NULL, 'o'},
	        {"details", required_argument, NULL, 'd'},
	        {"stats-out", required_argument, NULL, 'S'},
	        {NULL, 0, NULL, 0}};
	int c;

	o->seed = 20261129;
	o->queries = 500;
	o->details_pct = 70;
	o->first_id = 1000000000;
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'n':
			o->persons = strtoull(optarg, NULL, 10);
			break;
		case 's':
			o->seed = strtoull(optarg, NULL, 10);
			break;
		case 't':
			o->stations = optarg;
			break;
		case 'i':
			o->first_id = strtoull(optarg, NULL, 10);
			break;
		case 'q':
			o->queries = (unsigned)strtoul(optarg, NULL, 10);
			break;
		case 'h':
			o->hand = optarg;
			break;
		case 'p':
			o->persons_out = optarg;
			break;
		case 'o':
			o->queries_out = optarg;
			break;
		case 'S':
			o->stats_out = optarg;
			break;
		case 'd':
			o->details_pct = (unsigned)strtoul(optarg, NULL, 10);
			if (o->details_pct > 100)
				return -1;
			break;
		default:
			return -1;
		}
	}
	return o->persons && o->stations && o->persons_out && o->queries_out
	               ? 0
	               : -1;
}

/* ------------------------------------------------------------ the truth */

/* What the bench knows of every person: its true (unmangled) name and
 * relative's name (hashes of their lower-case letters and single spaces),
 * birth year and district. Used to count, for each query, the persons the
 * query cannot tell apart from its target, and the distribution's figures. */
typedef struct truth {
	uint64_t name, rel;
	uint64_t prefix; /* the name without its last word */
	int16_t yob;
	uint16_t district;
} truth;

static truth *truths;
static size_t n_truths, cap_truths;

static uint64_t norm_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;
	int space = 0;

	for (; *s; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c == ' ') {
			space = 1;
			continue;
		}
		if (c < 'a' || c > 'z')
			continue;
		if (space && h != 14695981039346656037ULL)
			h = (h ^ ' ') * 1099511628211ULL;
		space = 0;
		h = (h ^ (unsigned char)c) * 1099511628211ULL;
	}
	return h;
}

static void add_truth(const char *name, const char *rel, int yob, int district)
{
	if (n_truths == cap_truths) {
		cap_truths = cap_truths ? 2 * cap_truths : 1 << 20;
		truths = realloc(truths, cap_truths * sizeof(*truths));
		if (!truths)
			abort();
	}
	const char *sp = strrchr(name, ' ');
	char pre[NAMELEN];

	snprintf(pre, sizeof(pre), "%.*s", sp ? (int)(sp - name) : 0, name);
	truths[n_truths].name = norm_hash(name);
	truths[n_truths].prefix = norm_hash(pre);
	truths[n_truths].rel = norm_hash(rel);
	truths[n_truths].yob = (int16_t)yob;
	truths[n_truths++].district = (uint16_t)district;
}

static int cmp_truth(const void *a, const void *b)
{
	const truth *x = a, *y = b;

	if (x->name != y->name)
		return x->name < y->name ? -1 : 1;
	return (x->rel > y->rel) - (x->rel < y->rel);
}

/* A query held until every person is made: its line, what it carries of
 * its target (relative, age, district) and the target's truth. */
typedef struct gen_query {
	uint64_t id;
	const char *set;
	char name[NAMELEN * 3], rel[NAMELEN];
	int age, district, with_rel, with_age, with_dist;
	int surname_dropped; /* the query's name lacks the last word */
	truth t;
	size_t namesakes;
} gen_query;

static gen_query *queries;
static size_t n_queries, cap_queries;

static gen_query *new_query(void)
{
	if (n_queries == cap_queries) {
		cap_queries = cap_queries ? 2 * cap_queries : 1024;
		queries = realloc(queries, cap_queries * sizeof(*queries));
		if (!queries)
			abort();
	}
	memset(&queries[n_queries], 0, sizeof(*queries));
	return &queries[n_queries++];
}

/* truths sorted by name (cmp_truth), and a copy sorted by prefix. */
static truth *by_prefix;

static int cmp_prefix(const void *a, const void *b)
{
	const truth *x = a, *y = b;

	return (x->prefix > y->prefix) - (x->prefix < y->prefix);
}

/* Count in arr (sorted by key) the persons whose key is h and who match
 * what q carries besides the name. */
static size_t count_in(const truth *arr, int by_prefix_key, uint64_t h,
                       const struct gen_query *q);

/* Persons (target included) whose true attributes equal the target's in
 * what the query carries: the name always (when the query left the surname
 * out: every person whose name is the rest, or begins with it); the
 * relative's name, the birth year within 2 and the district when the query
 * has them. */
static size_t count_namesakes(const gen_query *q)
{
	if (!q->surname_dropped)
		return count_in(truths, 0, q->t.name, q);
	return count_in(truths, 0, q->t.prefix, q) +
	       count_in(by_prefix, 1, q->t.prefix, q);
}

static size_t count_in(const truth *arr, int by_prefix_key, uint64_t h,
                       const gen_query *q)
{
	size_t lo = 0, hi = n_truths, k = 0;
#define KEY(i) (by_prefix_key ? arr[i].prefix : arr[i].name)

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (KEY(mid) < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < n_truths && KEY(i) == h; i++) {
		const truth *t = &arr[i];
		if (q->with_rel && t->rel != q->t.rel)
			continue;
		if (q->with_age && abs(t->yob - q->t.yob) > 2)
			continue;
		if (q->with_dist && t->district != q->t.district)
			continue;
		k++;
	}
#undef KEY
	return k;
}

/* The distribution's figures (truths sorted by name, relative). */
static void print_stats(FILE *f)
{
	size_t names = 0, uniq = 0, big = 0, pairs_uniq = 0, big_pair = 0;

	for (size_t i = 0; i < n_truths;) {
		size_t j = i;
		while (j < n_truths && truths[j].name == truths[i].name) {
			size_t k = j;
			while (k < n_truths &&
			       truths[k].name == truths[j].name &&
			       truths[k].rel == truths[j].rel)
				k++;
			pairs_uniq += k - j == 1;
			big_pair = k - j > big_pair ? k - j : big_pair;
			j = k;
		}
		names++;
		uniq += j - i == 1;
		big = j - i > big ? j - i : big;
		i = j;
	}
	fprintf(f,
	        "Names (true, before mangles): %zu persons, %zu distinct full "
	        "names; %.1f%% of persons have a full name no one else in the "
	        "register has; largest namesake group %zu persons\n",
	        n_truths, names, 100.0 * (double)uniq / (double)n_truths, big);
	fprintf(f,
	        "Name with relative's name: %.1f%% of persons unique; largest "
	        "group %zu persons\n",
	        100.0 * (double)pairs_uniq / (double)n_truths, big_pair);
}

/* Hand-written queries: their persons first, then their queries. */
static uint64_t emit_hand(const opts *o, FILE *pout, uint64_t id)
{
	FILE *f = o->hand ? fopen(o->hand, "r") : NULL;
	char line[1024];

	if (!f)
		return id;
	while (fgets(line, sizeof(line), f)) {
		char *fld[6] = {0};
		int n = 0;
		gen_person p;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (char *s = line; n < 6; n++) {
			fld[n] = s;
			s = strchr(s, '\t');
			if (!s)
				break;
			*s++ = '\0';
		}
		if (n < 4)
			continue;
		memset(&p, 0, sizeof(p));
		snprintf(p.name, NAMELEN, "%.*s", NAMELEN - 1, fld[0]);
		snprintf(p.rel, NAMELEN, "%.*s", NAMELEN - 1, fld[1]);
		p.female = strstr(fld[5] ? fld[5] : "", "female") != NULL;
		emit_person(pout, id, &p, atoi(fld[2]), &stations[0], 2024);
		add_truth(p.name, p.rel, atoi(fld[2]), stations[0].district);
		gen_query *q = new_query();
		q->id = id;
		q->set = "hand";
		snprintf(q->name, sizeof(q->name), "%s", fld[3]);
		snprintf(q->rel, sizeof(q->rel), "%s", fld[4] ? fld[4] : "");
		q->with_rel = q->rel[0] || strstr(q->name, "/o ");
		q->t = truths[n_truths - 1];
		id++;
	}
	fclose(f);
	return id;
}

/* The query: the name as someone else writes it. Set "name": the name alone
 * (100 - details_pct % of queries). Set "details": the name and what an
 * investigator usually also has (details_pct %): the father's (husband's)
 * name 80%, an age (+-1 of the true one; the search takes +-2) 50%, the
 * district 30%, at least one of them. The same draws are made for both
 * sets, so the persons and their mangled names do not depend on the share. */
static void make_query(const opts *o, const gen_person *p, const char *stored,
                       uint64_t id, int yob, const station *st)
{
	char qn[NAMELEN], rel[NAMELEN] = "";
	gen_query *q = new_query();

	mangle_fn m1, m2 = NULL;

	if (p->tamil && chance(60))
		tamil_variant(p, qn);
	else
		snprintf(qn, sizeof(qn), "%s", stored);
	m1 = mangle(qn);
	if (chance(40))
		m2 = mangle(qn);
	q->surname_dropped = m1 == m_surname_missing || m2 == m_surname_missing;
	int details = chance(o->details_pct);
	int with_rel = chance(80), with_age = chance(50),
	    with_dist = chance(30), rel_mangled = chance(50),
	    rel_in_name = chance(33);
	int age = 2026 - yob - 1 + (int)pick(3);
	if (!with_rel && !with_dist)
		with_age = 1;
	if (!details)
		with_rel = with_age = with_dist = 0;
	if (with_rel) {
		snprintf(rel, sizeof(rel), "%s", p->rel);
		if (rel_mangled)
			mangle(rel);
	}
	if (rel[0] && rel_in_name) {
		snprintf(q->name, sizeof(q->name), "%.150s %s %.150s", qn,
		         p->female ? "D/o" : "S/o", rel);
		rel[0] = '\0';
	} else {
		snprintf(q->name, sizeof(q->name), "%s", qn);
	}
	snprintf(q->rel, sizeof(q->rel), "%s", rel);
	q->id = id;
	q->set = details ? "details" : "name";
	q->age = with_age ? age : 0;
	q->district = with_dist ? st->district : 0;
	q->with_rel = with_rel;
	q->with_age = with_age;
	q->with_dist = with_dist;
	q->t = truths[n_truths - 1];
}

/* Queries (TSV): expected person_id, set, name, relative, age, district,
 * namesakes (the persons, target included, the query cannot tell apart by
 * the true attributes it carries). */
static void write_queries(FILE *qout)
{
	for (size_t i = 0; i < n_queries; i++) {
		gen_query *q = &queries[i];
		q->namesakes = count_namesakes(q);
		fprintf(qout, "%llu\t%s\t%s\t%s\t", (unsigned long long)q->id,
		        q->set, q->name, q->rel);
		if (q->age)
			fprintf(qout, "%d", q->age);
		fputc('\t', qout);
		if (q->district)
			fprintf(qout, "%d", q->district);
		fprintf(qout, "\t%zu\n", q->namesakes);
	}
}

int main(int argc, char **argv)
{
	opts o = {0};
	FILE *pout, *qout, *sout = NULL;
	uint64_t id, every;
	gen_person p;

	if (parse(argc, argv, &o) != 0 || load_stations(o.stations) != 0) {
		fprintf(stderr, "usage: search_gen --persons N --stations FILE "
		                "--persons-out F --queries-out F [--seed S] "
		                "[--first-id ID] [--queries Q] [--hand FILE] "
		                "[--details PCT] [--stats-out F]\n");
		return 2;
	}
	rng_state = o.seed * 0x9E3779B97F4A7C15ULL + 1;
	pout = fopen(o.persons_out, "w");
	qout = fopen(o.queries_out, "w");
	if (o.stats_out)
		sout = fopen(o.stats_out, "w");
	if (!pout || !qout || (o.stats_out && !sout))
		return 1;
	id = emit_hand(&o, pout, o.first_id);
	every = o.persons / (o.queries ? o.queries : 1);
	if (every == 0)
		every = 1;
	for (uint64_t i = 0; i < o.persons; i++, id++) {
		const station *st = &stations[pick((unsigned)n_stations)];
		int yob = 1946 + (int)pick(63);
		char stored[NAMELEN];

		make_person(&p);
		snprintf(stored, sizeof(stored), "%s", p.name);
		add_truth(stored, p.rel, yob, st->district);
		if (chance(30))
			mangle(p.name); /* a careless hand */
		emit_person(pout, id, &p, yob, st, 2020 + (int)pick(7));
		if (i % every == every / 2)
			make_query(&o, &p, stored, id, yob, st);
	}
	qsort(truths, n_truths, sizeof(*truths), cmp_truth);
	by_prefix = malloc(n_truths * sizeof(*truths));
	if (!by_prefix)
		abort();
	memcpy(by_prefix, truths, n_truths * sizeof(*truths));
	qsort(by_prefix, n_truths, sizeof(*truths), cmp_prefix);
	write_queries(qout);
	free(by_prefix);
	print_stats(sout ? sout : stderr);
	fclose(pout);
	fclose(qout);
	if (sout)
		fclose(sout);
	return 0;
}

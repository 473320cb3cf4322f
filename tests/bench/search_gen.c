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
 * Queries (TSV: expected person_id, set, name, relative_name, age,
 * district_code): every persons/queries-th person is picked and its name
 * mangled once or twice (vowel length aa/a ee/i oo/u, sh/s, v/w, a dropped
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
 */
#include <getopt.h>
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

/* ------------------------------------------------------------ names */

/* North Indian Hindu: compound given names. */
static const char *const hn_pre[] = {
        "Ram",   "Sur",  "Mah",   "Raj",  "Din",   "Muk",   "Rak",   "Nar",
        "Har",   "Dev",  "Jag",   "Bal",  "Kam",   "Sat",   "Shiv",  "Vij",
        "Anand", "Prak", "Gyan",  "Brij", "Krish", "Gop",   "Man",   "Ved",
        "Jai",   "Om",   "Shyam", "Ravi", "Lal",   "Ratan", "Chand", "Yog",
        "Bhup",  "Dhar", "Pushp", "Sant", "Sudh",  "Umesh", "Ish",   "Ajay"};
static const char *const hn_suf[] = {
        "esh",     "endra", "ender", "pal",   "deep", "want",    "veer",
        "raj",     "ish",   "an",    "ant",   "ohan", "kishore", "prakash",
        "narayan", "kant",  "nath",  "chand", "dev",  "shankar"};
static const char *const hn_given_m[] = {
        "Anil",     "Sunil",   "Vikas",   "Deepak", "Sanjay",  "Vijay",
        "Rahul",    "Amit",    "Sumit",   "Rohit",  "Manoj",   "Ashok",
        "Santosh",  "Pradeep", "Sandeep", "Naveen", "Praveen", "Arun",
        "Varun",    "Vivek",   "Alok",    "Pankaj", "Neeraj",  "Ankit",
        "Abhishek", "Gaurav",  "Saurabh", "Vishal", "Nitin",   "Sachin"};
static const char *const hn_given_f[] = {
        "Sunita", "Anita", "Geeta",  "Seema",   "Rekha", "Pooja",
        "Priya",  "Neha",  "Kavita", "Savita",  "Suman", "Usha",
        "Asha",   "Meena", "Reena",  "Kiran",   "Rani",  "Sarita",
        "Mamta",  "Kamla", "Shanti", "Lakshmi", "Radha", "Anjali",
        "Preeti", "Jyoti", "Sapna",  "Ritu",    "Nisha", "Shweta"};
static const char *const hn_sur[] = {
        "Kumar",      "Singh",       "Sharma",  "Verma",  "Gupta",
        "Yadav",      "Tiwari",      "Mishra",  "Pandey", "Dubey",
        "Srivastava", "Chaudhary",   "Jha",     "Shukla", "Tripathi",
        "Agarwal",    "Saxena",      "Chauhan", "Rajput", "Maurya",
        "Kushwaha",   "Prajapati",   "Nishad",  "Pal",    "Rathore",
        "Tomar",      "Bhardwaj",    "Tyagi",   "Joshi",  "Rawat",
        "Negi",       "Bisht",       "Thakur",  "Gurjar", "Kashyap",
        "Lodhi",      "Vishwakarma", "Sahu",    "Soni",   "Jaiswal"};
/* Muslim */
static const char *const mu_given_m[] = {
        "Shahid", "Rafiq",   "Irfan",   "Imran",    "Salim",  "Javed",
        "Aslam",  "Akram",   "Arif",    "Asif",     "Sajid",  "Wasim",
        "Nadeem", "Naeem",   "Rashid",  "Khalid",   "Tariq",  "Zahid",
        "Sabir",  "Sharif",  "Yusuf",   "Iqbal",    "Jameel", "Shakeel",
        "Aqeel",  "Faisal",  "Farooq",  "Sohail",   "Danish", "Aamir",
        "Anwar",  "Parvez",  "Mushtaq", "Ishtiyaq", "Altaf",  "Ejaz",
        "Zubair", "Mehboob", "Rizwan",  "Shamim"};
static const char *const mu_given_f[] = {
        "Fatima",  "Ayesha", "Shabana", "Nazia",  "Rubina",   "Shaheen",
        "Farzana", "Salma",  "Naseem",  "Zainab", "Rukhsana", "Parveen",
        "Sultana", "Noor",   "Shabnam", "Afsana", "Yasmin",   "Nasreen"};
static const char *const mu_sur[] = {
        "Khan",  "Ansari", "Qureshi", "Siddiqui", "Sheikh", "Malik",
        "Mirza", "Pathan", "Saifi",   "Alvi",     "Rizvi",  "Hussain",
        "Ahmad", "Ali",    "Beg",     "Mansoori", "Dar",    "Bhat",
        "Lone",  "Wani",   "Usmani",  "Farooqui", "Abbasi", "Idrisi"};
static const char *const mu_f_sur[] = {"Bano", "Khatoon", "Begum",
                                       "Khan", "Ansari",  "Siddiqui"};
/* Sikh */
static const char *const si_pre[] = {"Gur",  "Har",  "Man",   "Jas", "Kul",
                                     "Sukh", "Bal",  "Param", "Jag", "Aman",
                                     "Ran",  "Lakh", "Dav",   "Tej", "Ind",
                                     "Kar",  "Nav",  "Prab",  "Sim", "Amar"};
static const char *const si_suf[] = {"preet", "winder", "jit",    "deep",
                                     "bir",   "inder",  "want",   "meet",
                                     "jot",   "pal",    "vinder", "dev"};
static const char *const si_clan[] = {"Sandhu",   "Gill", "Sidhu", "Dhillon",
                                      "Grewal",   "Brar", "Bajwa", "Virk",
                                      "Randhawa", "Mann", "Bains", "Cheema"};
/* Bengali */
static const char *const bn_given_m[] = {
        "Subhash",   "Sourav",   "Debashis", "Partha", "Amitabha", "Biswajit",
        "Prosenjit", "Tapas",    "Sujit",    "Ranjan", "Arup",     "Anirban",
        "Abhijit",   "Indranil", "Sanjib",   "Bikash", "Pradip",   "Tapan",
        "Swapan",    "Dipankar", "Sukanta",  "Goutam", "Shyamal",  "Kaushik"};
static const char *const bn_given_f[] = {
        "Mousumi", "Rina", "Sharmila", "Sraboni",  "Tanusree", "Piyali",
        "Moumita", "Rupa", "Shampa",   "Anindita", "Sutapa",   "Mitali"};
static const char *const bn_sur[] = {
        "Banerjee",     "Mukherjee", "Chatterjee", "Ghosh",  "Bose",
        "Das",          "Dutta",     "Sen",        "Roy",    "Chakraborty",
        "Bhattacharya", "Sarkar",    "Mondal",     "Biswas", "Saha",
        "Dey",          "Majumdar",  "Haldar",     "Mitra",  "Ganguly",
        "Basu",         "Nandi",     "Kundu"};
/* Marathi */
static const char *const mr_given_m[] = {
        "Sachin",      "Ganesh",  "Santosh",   "Sunil",     "Vijay",
        "Prakash",     "Sandip",  "Nitin",     "Amol",      "Swapnil",
        "Tushar",      "Mahesh",  "Dattatray", "Vitthal",   "Balasaheb",
        "Dnyaneshwar", "Shivaji", "Sambhaji",  "Pandurang", "Yogesh",
        "Rajendra",    "Dilip",   "Sopan",     "Kishor"};
static const char *const mr_given_f[] = {
        "Sunanda", "Savita",    "Vaishali", "Ashwini", "Manisha",
        "Supriya", "Shubhangi", "Madhuri",  "Sangita", "Jayashree"};
static const char *const mr_sur[] = {
        "Patil",   "Pawar",    "Jadhav",   "Shinde", "More",      "Kale",
        "Gaikwad", "Deshmukh", "Kulkarni", "Chavan", "Bhosale",   "Salunkhe",
        "Kamble",  "Mane",     "Shelke",   "Thorat", "Deshpande", "Sawant",
        "Kadam",   "Wagh",     "Gawade",   "Londhe", "Kharat",    "Bhagat"};
/* Tamil: father's initial first (S. Murugan), sometimes expanded. */
static const char *const ta_given_m[] = {
        "Murugan",   "Senthil",   "Karthik",
        "Saravanan", "Selvam",    "Kumaresan",
        "Ganesan",   "Rajendran", "Balasubramanian",
        "Venkatesh", "Suresh",    "Prabhu",
        "Arumugam",  "Ayyappan",  "Palani",
        "Muthu",     "Velu",      "Mani",
        "Anbu",      "Sekar",     "Ramesh",
        "Dinesh",    "Vignesh",   "Ramkumar",
        "Thangaraj"};
static const char *const ta_given_f[] = {
        "Lakshmi", "Meenakshi", "Selvi", "Kavitha", "Malathi",
        "Revathi", "Valli",     "Priya", "Saranya", "Deepa"};
static const char *const ta_father[] = {
        "Kuppusamy",  "Krishnan",    "Ramasamy",  "Subramanian", "Perumal",
        "Chinnasamy", "Natarajan",   "Rajagopal", "Shanmugam",   "Sundaram",
        "Murugesan",  "Palanisamy",  "Govindan",  "Raman",       "Selvaraj",
        "Arumugam",   "Karuppusamy", "Mariappan", "Velusamy",    "Duraisamy"};
/* Telugu, Kannada, Malayalam, Christian */
static const char *const te_given[] = {
        "Venkatesh",        "Srinivas",  "Ramana",
        "Nagaraju",         "Suresh",    "Ramu",
        "Satyanarayana",    "Prasad",    "Venkata Ramana",
        "Lakshmi Narayana", "Srinivasa", "Chandra Sekhar",
        "Ravi Kumar",       "Anji",      "Koteswara"};
static const char *const te_sur[] = {"Reddy", "Rao",  "Naidu", "Chowdary",
                                     "Varma", "Goud", "Yadav", "Raju"};
static const char *const kn_given[] = {
        "Manjunath",  "Basavaraj", "Mahadevappa", "Shivakumar",
        "Nagaraj",    "Ravi",      "Siddaraju",   "Chandrashekar",
        "Puttaswamy", "Ramesh",    "Lokesh",      "Girish"};
static const char *const kn_sur[] = {"Gowda", "Shetty", "Hegde", "Naik",
                                     "Patil", "Rao",    "Kumar", "Swamy"};
static const char *const ml_given[] = {
        "Anil Kumar", "Suresh Babu", "Biju",  "Shaji", "Sajeev",   "Rajeev",
        "Pradeep",    "Jayan",       "Sunil", "Manoj", "Santhosh", "Vinod"};
static const char *const ml_sur[] = {"Nair",     "Menon",   "Pillai", "Kurup",
                                     "Panicker", "Warrier", "Nambiar"};
static const char *const ch_given_m[] = {
        "Joseph",   "Thomas", "George", "Mathew",  "Jacob",     "John",
        "Varghese", "Kurian", "Philip", "Abraham", "Sebastian", "Antony",
        "Francis",  "Xavier", "Peter",  "Paul",    "Alex",      "Stephen"};
static const char *const ch_given_f[] = {"Mary",    "Elizabeth", "Annamma",
                                         "Sosamma", "Rosy",      "Shiny",
                                         "Jincy",   "Treesa",    "Jessy"};
static const char *const ch_sur[] = {
        "Thomas",  "Joseph", "George",    "Mathew", "Varghese", "Fernandes",
        "D'Souza", "Pinto",  "Rodrigues", "Lobo",   "Dsouza",   "Kurian"};
static const char *const mohammad_forms[] = {
        "Mohammad", "Mohd.", "Md", "Mohammed", "Muhammad", "Mohd", "Mohamed"};
static const char *const streets[] = {
        "Gandhi Road",  "Station Road",  "Civil Lines",   "Sadar Bazaar",
        "Main Bazar",   "Nai Basti",     "Purana Qila",   "Subhash Nagar",
        "Nehru Colony", "Temple Street", "Kothi Mohalla", "Chowk"};

typedef struct gen_person {
	char name[NAMELEN];
	char rel[NAMELEN];
	char given[100]; /* for Tamil initials */
	char father_given[100];
	int tamil;
	int female;
} gen_person;

static void compound(char *out, size_t n, const char *const *pre, size_t np,
                     const char *const *suf, size_t ns)
{
	snprintf(out, n, "%s%s", pre[pick((unsigned)np)],
	         suf[pick((unsigned)ns)]);
}

#define COMPOUND(out, pre, suf)                                                \
	compound(out, sizeof(out), pre, sizeof(pre) / sizeof(pre[0]), suf,     \
	         sizeof(suf) / sizeof(suf[0]))

/* A man's given name of a tradition. */
static void male_given(int trad, char *g, size_t n)
{
	char c[48];

	switch (trad) {
	case 0:
		if (chance(60)) {
			COMPOUND(c, hn_pre, hn_suf);
			snprintf(g, n, "%s", c);
		} else {
			snprintf(g, n, "%s", PICK(hn_given_m));
		}
		break;
	case 1:
		snprintf(g, n, "%s", PICK(mu_given_m));
		break;
	case 2:
		COMPOUND(c, si_pre, si_suf);
		snprintf(g, n, "%s", c);
		break;
	case 3:
		snprintf(g, n, "%s", PICK(bn_given_m));
		break;
	case 4:
		snprintf(g, n, "%s", PICK(mr_given_m));
		break;
	case 5:
		snprintf(g, n, "%s", PICK(ta_given_m));
		break;
	case 6:
		snprintf(g, n, "%s", PICK(te_given));
		break;
	case 7:
		snprintf(g, n, "%s", PICK(kn_given));
		break;
	case 8:
		snprintf(g, n, "%s", PICK(ml_given));
		break;
	default:
		snprintf(g, n, "%s", PICK(ch_given_m));
	}
}

/* A given name, with a second one from the same tradition 35% of the time
 * ("Anil Kumar", "Subhash Chandra"): names are more varied than pools. */
static void male_given2(int trad, char *g, size_t n)
{
	char second[48];

	male_given(trad, g, n);
	if (trad != 2 && trad != 4 && trad != 5 && chance(35)) {
		male_given(trad, second, sizeof(second));
		if (strcmp(second, g) != 0 &&
		    strlen(g) + strlen(second) + 2 < n) {
			strcat(g, " ");
			strcat(g, second);
		}
	}
}

/* A whole man's name of a tradition (for fathers and husbands). */
static void male_name(int trad, char *out, size_t n, char *given, size_t gn)
{
	char g[100];

	male_given2(trad, g, sizeof(g));
	if (trad == 5 && chance(60))
		snprintf(g, sizeof(g), "%s", PICK(ta_father));
	if (given)
		snprintf(given, gn, "%s", g);
	switch (trad) {
	case 0:
		snprintf(out, n, "%s %s", g, PICK(hn_sur));
		break;
	case 1:
		if (chance(45))
			snprintf(out, n, "%s %s %s", PICK(mohammad_forms), g,
			         PICK(mu_sur));
		else
			snprintf(out, n, "%s %s", g, PICK(mu_sur));
		break;
	case 2:
		if (chance(40))
			snprintf(out, n, "%s Singh %s", g, PICK(si_clan));
		else
			snprintf(out, n, "%s Singh", g);
		break;
	case 3:
		snprintf(out, n, "%s %s", g, PICK(bn_sur));
		break;
	case 4:
		snprintf(out, n, "%s %s", g, PICK(mr_sur));
		break;
	case 5:
		snprintf(out, n, "%s", g);
		break;
	case 6:
		snprintf(out, n, "%s %s", g, PICK(te_sur));
		break;
	case 7:
		snprintf(out, n, "%s %s", g, PICK(kn_sur));
		break;
	case 8:
		snprintf(out, n, "%s %s", g, PICK(ml_sur));
		break;
	default:
		snprintf(out, n, "%s %s", g, PICK(ch_sur));
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
				         PICK(mohammad_forms), g,
				         chance(70) ? PICK(mu_sur)
				                    : surname_of(fname));
			else
				snprintf(p->name, NAMELEN, "%s %s", g,
				         chance(70) ? PICK(mu_sur)
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
				         PICK(si_clan));
			else
				snprintf(p->name, NAMELEN, "%.90s Singh", g);
			break;
		default:
			snprintf(p->name, NAMELEN, "%s %s", g,
			         trad == 0 && chance(50) ? PICK(hn_sur)
			                                 : surname_of(fname));
		}
	} else {
		const char *fgv = trad == 0   ? PICK(hn_given_f)
		                  : trad == 1 ? PICK(mu_given_f)
		                  : trad == 3 ? PICK(bn_given_f)
		                  : trad == 4 ? PICK(mr_given_f)
		                  : trad == 5 ? PICK(ta_given_f)
		                  : trad == 9 ? PICK(ch_given_f)
		                              : PICK(hn_given_f);
		snprintf(p->given, sizeof(p->given), "%s", fgv);
		if (trad == 2)
			snprintf(p->name, NAMELEN, "%s Kaur", p->given);
		else if (trad == 1)
			snprintf(p->name, NAMELEN, "%s %s", p->given,
			         PICK(mu_f_sur));
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

/* One mangle that changed something (tries a few). */
static void mangle(char *s)
{
	for (int t = 0; t < 6; t++) {
		if (mangles[pick(sizeof(mangles) / sizeof(*mangles))](s))
			return;
	}
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
	const char *stations, *hand, *persons_out, *queries_out;
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

/* Hand-written queries: their persons first, then their queries. */
static uint64_t emit_hand(const opts *o, FILE *pout, FILE *qout, uint64_t id)
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
		fprintf(qout, "%llu\thand\t%s\t%s\t\t\n",
		        (unsigned long long)id, fld[3], fld[4] ? fld[4] : "");
		id++;
	}
	fclose(f);
	return id;
}

int main(int argc, char **argv)
{
	opts o = {0};
	FILE *pout, *qout;
	uint64_t id, every;
	gen_person p;

	if (parse(argc, argv, &o) != 0 || load_stations(o.stations) != 0) {
		fprintf(stderr, "usage: search_gen --persons N --stations FILE "
		                "--persons-out F --queries-out F [--seed S] "
		                "[--first-id ID] [--queries Q] [--hand FILE] "
		                "[--details PCT]\n");
		return 2;
	}
	rng_state = o.seed * 0x9E3779B97F4A7C15ULL + 1;
	pout = fopen(o.persons_out, "w");
	qout = fopen(o.queries_out, "w");
	if (!pout || !qout)
		return 1;
	id = emit_hand(&o, pout, qout, o.first_id);
	every = o.persons / (o.queries ? o.queries : 1);
	if (every == 0)
		every = 1;
	for (uint64_t i = 0; i < o.persons; i++, id++) {
		const station *st = &stations[pick((unsigned)n_stations)];
		int yob = 1946 + (int)pick(63);
		char stored[NAMELEN];

		make_person(&p);
		snprintf(stored, sizeof(stored), "%s", p.name);
		if (chance(30))
			mangle(p.name); /* a careless hand */
		emit_person(pout, id, &p, yob, st, 2020 + (int)pick(7));
		if (i % every != every / 2)
			continue;
		/* The query: the name as someone else writes it. */
		char q[NAMELEN], rel[NAMELEN] = "", name[NAMELEN * 3];
		if (p.tamil && chance(60))
			tamil_variant(&p, q);
		else
			snprintf(q, sizeof(q), "%s", stored);
		mangle(q);
		if (chance(40))
			mangle(q);
		/* Set "name": the name alone (100 - details_pct % of queries).
		 * Set "details": the name and what an investigator usually
		 * also has (details_pct %): the father's (husband's) name 80%,
		 * an age (+-1 of the true one; the search takes +-2) 50%, the
		 * district 30%, at least one of them. The same draws are made
		 * for both sets, so the persons and their mangled names do not
		 * depend on the share. */
		int details = chance(o.details_pct);
		int with_rel = chance(80), with_age = chance(50),
		    with_dist = chance(30), rel_mangled = chance(50),
		    rel_in_name = chance(33);
		int age = 2026 - yob - 1 + (int)pick(3);
		if (!with_rel && !with_dist)
			with_age = 1;
		if (!details)
			with_rel = with_age = with_dist = 0;
		if (with_rel) {
			snprintf(rel, sizeof(rel), "%s", p.rel);
			if (rel_mangled)
				mangle(rel);
		}
		if (rel[0] && rel_in_name) {
			snprintf(name, sizeof(name), "%.150s %s %.150s", q,
			         p.female ? "D/o" : "S/o", rel);
			rel[0] = '\0';
		} else {
			snprintf(name, sizeof(name), "%s", q);
		}
		fprintf(qout, "%llu\t%s\t%s\t%s\t", (unsigned long long)id,
		        details ? "details" : "name", name, rel);
		if (with_age)
			fprintf(qout, "%d", age);
		fputc('\t', qout);
		if (with_dist)
			fprintf(qout, "%d", st->district);
		fputc('\n', qout);
	}
	fclose(pout);
	fclose(qout);
	return 0;
}

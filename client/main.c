/* main.c: cctns, the police station terminal. Global options, the command
 * table, and help; the commands live in cmd_*.c. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "util.h"

static const command commands[] = {
        {NULL, "hello", cmd_hello, "[--json]",
         "Connect to the server and show who this terminal is.",
         "Connects over TLS with this terminal's certificate, says Hello, and\n"
         "prints the identity the server read from the certificate: station,\n"
         "district and state (names and codes), the terminal name, and the\n"
         "server software. Use it to check a new terminal's setup.\n"
         "\n"
         "options:\n"
         "  --json   print the server's HelloAck as JSON\n"},
        {"fir", "register", cmd_fir_register,
         "FILE.json|- [--key HEX32] [--json]",
         "Register a First Information Report.",
         "FILE is the FIR content as JSON (a FirContent document; see\n"
         "deploy/samples/fir.json); \"-\" reads it from standard input (up to\n"
         "8 MiB). The document is checked here before anything is sent; an\n"
         "error names the file, the line (for JSON syntax), the field path "
         "and\n"
         "the reason, e.g.\n"
         "  fir.json:3: JSON syntax error: unexpected character\n"
         "  fir.json: charges[0].act: unknown Act \"bnss\": expected one of\n"
         "    ipc, bns, special_local\n"
         "\n"
         "Every registration carries a 16-byte idempotency key, random unless\n"
         "--key gives one. If the link breaks before the server answers, the\n"
         "terminal reconnects and sends the same FIR with the same key, up to\n"
         "3 times: the server never registers it twice and answers with the\n"
         "original receipt. To find out later whether a registration went\n"
         "through, run the same command again with the key it printed.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (FirReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns fir register deploy/samples/fir.json\n"
         "  FIR 0042/2026 registered at Agra Kotwali on 27/11/2026 10:05 IST\n"
         "  idempotency key: 5f0c8e2a9b7d4e1f8a6c3b2d1e0f9a8b\n"},
        {"fir", "show", cmd_fir_show, "NUMBER [--json]",
         "Print a registered FIR of this station.",
         "NUMBER is the FIR number as written, e.g. 42/2026 or 0042/2026.\n"
         "The printout follows the sections of the paper FIR: the header\n"
         "with its General Diary reference (\"GD entry 12 of 29/11/2026 at\n"
         "11:10 IST\"), acts and sections, occurrence, place, complainant,\n"
         "accused, delay, properties, the first information itself, and the\n"
         "officer who recorded it.\n"
         "\n"
         "options:\n"
         "  --json   print the FIR (receipt and content) as JSON instead\n"
         "\n"
         "examples:\n"
         "  cctns fir show 42/2026\n"
         "  cctns fir show 42/2026 --json > fir-42.json\n"},
        {"gd", "show", cmd_gd_show, "[DATE] [--json]",
         "Print this station's General Diary for a day.",
         "DATE is the station day (India Standard Time): 2026-11-29,\n"
         "29/11/2026, today or yesterday; without it, today. The diary is a\n"
         "numbered table: entry number, time, kind and officer, then the\n"
         "entry's text, the entry it corrects, and the FIR and accused it is\n"
         "about. Entries are numbered from 1 each day at each station. No\n"
         "one can change or delete an entry: a mistake is put right by a\n"
         "correction entry (cctns gd add). The server itself writes the\n"
         "entry for every FIR and every arrest.\n"
         "\n"
         "options:\n"
         "  --json   print the day (GdDay) as JSON\n"
         "\n"
         "examples:\n"
         "  cctns gd show\n"
         "   No.  Time   Kind              Officer (times are IST)\n"
         "     1  10:05  FIR               SI Ravi Kumar Sharma (UP-15432)\n"
         "                FIR 0001/2026 registered under BNS 303(2), BNS "
         "331(4)\n"
         "                Case: FIR 0001/2026\n"
         "  cctns gd show 28/11/2026\n"
         "  cctns gd show yesterday --json > gd-yesterday.json\n"},
        {"gd", "add", cmd_gd_add, "FILE.json|- [--key HEX32] [--json]",
         "Write an entry in this station's General Diary.",
         "FILE is the entry as JSON (an AddGdEntry without its key; see\n"
         "deploy/samples/gd-entry.json); \"-\" reads standard input. Fields:\n"
         "  kind      general, departure, arrival or correction (the server\n"
         "            writes the fir and arrest entries itself)\n"
         "  text      what happened, up to 16 KiB\n"
         "  officer   {\"number\", \"name\", \"rank\"}: who makes the entry\n"
         "  corrects_date, corrects_number\n"
         "            a correction only: the entry of this station it "
         "corrects\n"
         "The server numbers the entry (1.. per station per day) and times\n"
         "it. Like every write it carries an idempotency key and is sent\n"
         "again with the same key if the link breaks (see cctns help fir\n"
         "register).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (GdEntryReceipt) as JSON\n"
         "\n"
         "examples:\n"
         "  cctns gd add deploy/samples/gd-entry.json\n"
         "  GD entry 2 of 29/11/2026 at 10:40 IST: Departure\n"
         "  idempotency key: 5f0c8e2a9b7d4e1f8a6c3b2d1e0f9a8b\n"
         "\n"
         "  cctns gd add - <<'EOF'\n"
         "  {\"kind\": \"correction\", \"corrects_date\": \"2026-11-29\",\n"
         "   \"corrects_number\": 2,\n"
         "   \"text\": \"The jeep was UP 80 AG 4321, not UP 80 AG 1234.\",\n"
         "   \"officer\": {\"number\": \"UP-15432\", \"name\": \"Ravi Kumar "
         "Sharma\",\n"
         "               \"rank\": \"SI\"}}\n"
         "  EOF\n"},
        {"case", "timeline", cmd_case_timeline, "NUMBER [--json]",
         "Show a case: status, investigating officer, every event.",
         "NUMBER is the FIR number, e.g. 1/2026. At the top: the case's\n"
         "status and its investigating officer (IO). Then one line per event,\n"
         "oldest first: time (IST), event, the status after it, its General\n"
         "Diary entry (number, on the event's day) and the officer who acted;\n"
         "a one-line summary under it.\n"
         "\n"
         "A case moves only along these steps; anything else is refused:\n"
         "  registered          -> under investigation, transferred\n"
         "  under investigation -> charge-sheeted, final report, "
         "transferred\n"
         "  charge-sheeted      -> under investigation, court disposed\n"
         "  final report        -> under investigation, court disposed\n"
         "  court disposed      -> in appeal\n"
         "  in appeal           -> appeal decided\n"
         "\n"
         "options:\n"
         "  --json   print the timeline (CaseTimeline) as JSON\n"
         "\n"
         "example:\n"
         "  cctns case timeline 1/2026\n"
         "  When (IST)        Event           Status after         GD   "
         "Officer\n"
         "  29/11/2026 10:05  FIR registered  Registered           1    SI "
         "Ravi...\n"
         "  29/11/2026 10:20  IO assigned     Under investigation  -    "
         "Inspector...\n"},
        {"case", "assign-io", cmd_case_assign_io, "NUMBER FILE.json|- [--json]",
         "Assign or change a case's investigating officer.",
         "FILE is {\"io\": OFFICER, \"acting\": OFFICER} as JSON (see\n"
         "deploy/samples/assign-io.json), an OFFICER being {\"number\",\n"
         "\"name\", \"rank\"}: io is the investigating officer, acting the\n"
         "officer who assigns (the SHO). The first assignment moves a\n"
         "registered case to under investigation (event \"IO assigned\"); a\n"
         "later one with another officer is recorded as \"IO changed\".\n"
         "Assigning the officer who already has the case is refused (exit 4),\n"
         "as is a case whose status does not allow it. Prints the timeline\n"
         "that results.\n"
         "\n"
         "An assignment has no idempotency key: if the link breaks, look at\n"
         "cctns case timeline NUMBER before sending it again.\n"
         "\n"
         "options:\n"
         "  --json   print the resulting timeline (CaseTimeline) as JSON\n"
         "\n"
         "example:\n"
         "  cctns case assign-io 1/2026 deploy/samples/assign-io.json\n"},
        {"arrest", "register", cmd_arrest_register,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record an arrest or court surrender memo (IIF-III).",
         "NUMBER is the FIR number; FILE the memo as JSON (an ArrestMemo; see\n"
         "deploy/samples/arrest.json): the person as found, up to 2 aliases,\n"
         "an identity document, when (arrested_at) and where, or the court\n"
         "surrendered to (court_surrender), the outcome, injuries and medical\n"
         "examination, articles found, who was informed and when, the\n"
         "descriptive roll, fingerprints, risk flags, the arresting officer.\n"
         "\n"
         "The server gives the accused the next code of the case (A1..A9,\n"
         "then B1..), and writes a General Diary entry and a timeline event.\n"
         "It refuses (exit 3, naming the field) an arrest before the FIR was\n"
         "registered or in the future, an intimation before the arrest, more\n"
         "than 2 aliases, and any full Aadhaar number: write kind\n"
         "\"aadhaar_masked\" with the last 4 digits only.\n"
         "\n"
         "The times in the document are the real ones (RFC 3339, e.g.\n"
         "2026-11-29T10:30:00+05:30); the terminal never fills them in. The\n"
         "sample's times belong to the sample case: to record it against an\n"
         "FIR registered just now, put the present time in first (README,\n"
         "\"Working a case\").\n"
         "\n"
         "Like every write it carries an idempotency key and is sent again\n"
         "with the same key if the link breaks (see cctns help fir register).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (ArrestReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns arrest register 1/2026 arrest.json\n"
         "  Arrest memo A1 recorded in FIR 0001/2026 on 29/11/2026 11:20 IST\n"
         "  General Diary: GD entry 3 of 29/11/2026\n"
         "  idempotency key: 5f0c8e2a9b7d4e1f8a6c3b2d1e0f9a8b\n"},
        {"arrest", "show", cmd_arrest_show, "NUMBER CODE [--json]",
         "Print an arrest memo like the paper form (IIF-III).",
         "NUMBER is the FIR number, CODE the accused code the receipt gave\n"
         "(A1, A2, ...). Sections: case, accused code, identity, aliases,\n"
         "addresses, arrest or surrender, outcome, injuries and medical\n"
         "examination, articles found, intimation to a relative and to the\n"
         "designated officer, descriptive roll, fingerprints, risk flags.\n"
         "\n"
         "options:\n"
         "  --json   print the memo and its receipt (Arrest) as JSON\n"
         "\n"
         "examples:\n"
         "  cctns arrest show 1/2026 A1\n"
         "  cctns arrest show 1/2026 A1 --json > arrest-a1.json\n"},
        /* persons helper: persons, photos, crime details (IIF-II) */
        {"person", "show", cmd_person_show, "ID [--json]",
         "Print a person of the persons master record.",
         "ID is the person's number, as the records that name the person\n"
         "print it (cctns crime-details show, or --json of any record).\n"
         "Any station of the state may read any person: investigators\n"
         "search across the state. Sections: the person as first recorded\n"
         "(number, name, relative, gender, birth, nationality, occupation,\n"
         "address, phone, and which station first recorded them), aliases,\n"
         "identity documents, phones, addresses (present, permanent, other,\n"
         "with since when), the latest descriptive roll, every record that\n"
         "names the person and in what role (complainant, accused, arrested,\n"
         "victim, place shown by, panch witness, ...), and the photographs.\n"
         "\n"
         "options:\n"
         "  --json   print the record (PersonRecord) as JSON\n"
         "\n"
         "example:\n"
         "  cctns person show 1234\n"},
        {"person", "add-details", cmd_person_add_details,
         "ID FILE.json|- [--key HEX32] [--json]",
         "Add aliases, documents, phones, addresses or a roll to a person.",
         "FILE is an UpdatePerson document without its key and person (see\n"
         "deploy/samples/person-details.json): any of\n"
         "  aliases              up to 10 names the person is known by\n"
         "  identity_documents   up to 10 {\"kind\", \"number\"}; never a\n"
         "                       full Aadhaar number: an Aadhaar card is kind\n"
         "                       \"aadhaar_masked\" with its last 4 digits\n"
         "  phones               up to 10 {\"number\", \"kind\"}\n"
         "  addresses            up to 10 {\"kind\": present|permanent|other,\n"
         "                       \"address\": {...}, \"since\": "
         "\"YYYY-MM-DD\"}\n"
         "  descriptive_roll     height_cm (30..250), build, complexion,\n"
         "                       marks, ... (becomes the latest)\n"
         "and \"officer\": {\"number\", \"name\", \"rank\"}, who adds them.\n"
         "Nothing is overwritten: each detail is added with the station and\n"
         "officer and the time, and what the person already has is not added\n"
         "twice. Any station of the state may add details. Prints the record\n"
         "as it is afterwards. Like every write it carries an idempotency key\n"
         "and is sent again with the same key if the link breaks.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the record (PersonRecord) as JSON\n"
         "\n"
         "example:\n"
         "  cctns person add-details 1234 "
         "deploy/samples/person-details.json\n"},
        {"person", "photo", cmd_person_photo,
         "add ID IMAGE --officer-number N --officer-name NAME --officer-rank R"
         " [--taken-at TIME] [--key HEX32] [--json] | get ID N --out FILE "
         "[--json]",
         "Add a photograph of a person, or save one to a file.",
         "add ID IMAGE sends the file IMAGE as it is: a JPEG or PNG image of\n"
         "at most 512 KiB, 64 to 8000 pixels wide and high. The terminal\n"
         "reads the type and size from the image itself and refuses anything\n"
         "else (exit 3, naming the file); the server and the database check\n"
         "again. The officer who adds it is given with the three --officer-*\n"
         "options (all required); --taken-at is when it was taken (RFC 3339,\n"
         "e.g. 2026-11-29T10:30:00+05:30), when known. The same image is not\n"
         "added twice to a person; a person has at most 20 photos. The write\n"
         "carries an idempotency key and is sent again with the same key if\n"
         "the link breaks.\n"
         "\n"
         "get ID N --out FILE saves photo N of the person (numbers as cctns\n"
         "person show lists them) to FILE, after checking its size and\n"
         "SHA-256 against the record. With --json the answer is printed as\n"
         "JSON (the image in base64).\n"
         "\n"
         "examples:\n"
         "  cctns person photo add 1234 sonu.jpg --officer-number UP-15432 \\\n"
         "      --officer-name \"Ravi Kumar Sharma\" --officer-rank SI\n"
         "  Photo 1 of person 1234 added: JPEG, 200 x 250 pixels, 2,768 bytes\n"
         "  cctns person photo get 1234 1 --out sonu-1.jpg\n"},
        {"crime-details", "record", cmd_crime_details_record,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record the crime details form (IIF-II) of an FIR.",
         "NUMBER is the FIR number of this station; FILE the form as JSON (a\n"
         "CrimeDetails document; see deploy/samples/crime-details.json): who\n"
         "showed the place, the modus operandi (major and minor head, up to 3\n"
         "methods, conveyance, character assumed, language or slang, up to 3\n"
         "special features), the type of place (residence, shop, bank, atm,\n"
         "road, highway, railway, bus, place_of_worship, school, hospital,\n"
         "office, factory, market, hotel, farm, forest, river, vehicle, park,\n"
         "other with place_description), motive, properties, the scene,\n"
         "physical evidence, victims (person, religion, sc_st none|sc|st,\n"
         "injury none|simple|grievous|fatal), the panchnama time with exactly\n"
         "2 panch witnesses, weapon and vehicle used, and the officer.\n"
         "\n"
         "MO heads are codes of the MO list (ref.mo_head), e.g. major\n"
         "house_breaking with minor lock_broken, or theft with\n"
         "chain_snatching; \"general\" is the major head itself; cctns lookup\n"
         "mo WORDS finds them. An unknown head is refused with the list of\n"
         "heads there are.\n"
         "\n"
         "Recording again makes a new version; the earlier ones are kept. To\n"
         "keep the same persons in a new version, start from crime-details\n"
         "show NUMBER --json: its persons carry their person_id. Persons are\n"
         "linked to the persons master record as victim, place_shown_by and\n"
         "panch_witness, and the case timeline gets a crime details event.\n"
         "Refused (exit 3, naming the field): a panchnama before the\n"
         "occurrence or in the future, a victim's age outside 0 to 120, more\n"
         "than 3 methods or features; an FIR transferred away (exit 4).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (CrimeDetailsReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns crime-details record 1/2026 crime-details.json\n"
         "  Crime details of FIR 0001/2026 recorded as version 1 on "
         "29/11/2026 12:10 IST\n"},
        {"crime-details", "show", cmd_crime_details_show,
         "NUMBER [--version N] [--json]",
         "Print the crime details form (IIF-II) of an FIR.",
         "Prints the latest version of the form, laid out like IIF-II: case\n"
         "(with the version and the investigating officer), type of place,\n"
         "place shown by, modus operandi, motive, properties, scene, physical\n"
         "evidence, victims, panchnama and its witnesses, weapon, vehicle.\n"
         "Persons show their number in the persons master record (cctns\n"
         "person show ID).\n"
         "\n"
         "options:\n"
         "  --version N   an earlier version (1 is the first recorded)\n"
         "  --json        print the form (CrimeDetailsRecord) as JSON\n"
         "\n"
         "examples:\n"
         "  cctns crime-details show 1/2026\n"
         "  cctns crime-details show 1/2026 --version 1\n"},
        {NULL, "version", cmd_version, "",
         "Print the terminal software and protocol versions.", ""},
};

static const char overview_intro[] =
        "cctns: the police station terminal of CCTNS, the crime and criminal\n"
        "tracking network. It talks to the State Data Centre server\n"
        "(cctns-server) over TLS 1.3 with this terminal's certificate.\n"
        "\n"
        "usage: cctns [--config FILE] COMMAND [ARGS]\n"
        "\n"
        "commands:\n";

static const char overview_rest[] =
        "  help [COMMAND]            Explain a command.\n"
        "\n"
        "options:\n"
        "  --config FILE   terminal config (station.conf); default "
        "$CCTNS_CONFIG\n"
        "  --help-config   list the keys of station.conf\n"
        "  --help, -h      this text\n"
        "  --version       the software version\n"
        "\n"
        "examples:\n"
        "  cctns --config var/station-a.conf hello\n"
        "  export CCTNS_CONFIG=var/station-a.conf\n"
        "  cctns fir register deploy/samples/fir.json\n"
        "  cctns fir show 42/2026\n"
        "  cctns fir show 42/2026 --json > fir-42.json\n"
        "  cctns gd show\n"
        "  cctns case assign-io 42/2026 deploy/samples/assign-io.json\n"
        "  cctns case timeline 42/2026\n"
        "  cctns arrest show 42/2026 A1\n"
        "  cctns help fir register\n"
        "\n"
        "exit codes: 0 ok, 1 other error, 2 usage or terminal config,\n"
        "  3 invalid input, 4 refused (certificate, identity, conflict),\n"
        "  5 server unreachable or unavailable, 6 not found\n";

static void print_overview(FILE *out)
{
	fputs(overview_intro, out);
	for (size_t i = 0; i < ARRAY_LEN(commands); i++) {
		const command *c = &commands[i];
		char name[64];

		snprintf(name, sizeof(name), "%s%s%s", c->group ? c->group : "",
		         c->group ? " " : "", c->name);
		fprintf(out, "  %-24s  %s\n", name, c->summary);
	}
	fputs(overview_rest, out);
}

static int is_group(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(commands); i++)
		if (commands[i].group && strcmp(commands[i].group, name) == 0)
			return 1;
	return 0;
}

static const command *find(const char *group, const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(commands); i++) {
		const command *c = &commands[i];

		if (strcmp(c->name, name) != 0)
			continue;
		if ((!group && !c->group) ||
		    (group && c->group && strcmp(group, c->group) == 0))
			return c;
	}
	return NULL;
}

static void print_group(const char *group, FILE *out)
{
	fprintf(out, "%s %s commands:\n", PROG, group);
	for (size_t i = 0; i < ARRAY_LEN(commands); i++) {
		const command *c = &commands[i];

		if (!c->group || strcmp(c->group, group) != 0)
			continue;
		fputs("  ", out);
		cli_print_usage(c, out);
		fprintf(out, "      %s\n", c->summary);
	}
	fprintf(out, "more: %s help %s COMMAND\n", PROG, group);
}

/* Look up argv[0] (and argv[1] for a group). NULL after printing why;
 * *used is how many words named the command. */
static const command *resolve(int argc, char **argv, int *used)
{
	const command *c;

	*used = 1;
	if (!is_group(argv[0])) {
		c = find(NULL, argv[0]);
		if (!c)
			fprintf(stderr,
			        "%s: unknown command \"%s\"; see %s --help\n",
			        PROG, argv[0], PROG);
		return c;
	}
	if (argc < 2 || argv[1][0] == '-') {
		print_group(argv[0], stderr);
		return NULL;
	}
	*used = 2;
	c = find(argv[0], argv[1]);
	if (!c)
		fprintf(stderr,
		        "%s: unknown command \"%s %s\"; see %s help %s\n", PROG,
		        argv[0], argv[1], PROG, argv[0]);
	return c;
}

static int cmd_help(int argc, char **argv)
{
	const command *c;
	int used;

	if (argc == 0) {
		print_overview(stdout);
		return 0;
	}
	if (is_group(argv[0]) && argc == 1) {
		print_group(argv[0], stdout);
		return 0;
	}
	c = resolve(argc, argv, &used);
	if (!c)
		return 2;
	cli_print_help(c, stdout);
	return 0;
}

/* Options before the command. Returns -1 to go on, else an exit code. */
static int global_options(cli_ctx *ctx, int argc, char **argv, int *i)
{
	for (; *i < argc && argv[*i][0] == '-'; ++*i) {
		const char *a = argv[*i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_overview(stdout);
			return 0;
		} else if (strcmp(a, "--version") == 0) {
			return cmd_version(NULL, ctx, 0, NULL);
		} else if (strcmp(a, "--help-config") == 0) {
			term_config_print_help(stdout);
			return 0;
		} else if (strcmp(a, "--config") == 0 && *i + 1 < argc) {
			ctx->config_path = argv[++*i];
		} else if (strncmp(a, "--config=", 9) == 0) {
			ctx->config_path = a + 9;
		} else {
			fprintf(stderr,
			        "%s: unknown option %s; see %s --help\n", PROG,
			        a, PROG);
			return 2;
		}
	}
	if (*i >= argc) {
		fprintf(stderr, "%s: no command given; see %s --help\n", PROG,
		        PROG);
		return 2;
	}
	return -1;
}

int main(int argc, char **argv)
{
	cli_ctx ctx = {0};
	const command *c;
	int i = 1, used, rc;

	rc = global_options(&ctx, argc, argv, &i);
	if (rc >= 0)
		return rc;
	if (strcmp(argv[i], "help") == 0)
		return cmd_help(argc - i - 1, argv + i + 1);
	if (is_group(argv[i]) && i + 1 < argc &&
	    (strcmp(argv[i + 1], "--help") == 0 ||
	     strcmp(argv[i + 1], "-h") == 0))
		return cmd_help(1, argv + i);
	c = resolve(argc - i, argv + i, &used);
	if (!c)
		return 2;
	/* The handler sees its own name as argv[0]. */
	i += used - 1;
	rc = c->run(c, &ctx, argc - i, argv + i);
	cli_ctx_free(&ctx);
	return rc;
}

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
         "FILE is the FIR content as JSON (a FirContent document: IIF-I\n"
         "complete, see deploy/samples/fir.json, and fir-efir.json for an\n"
         "e-FIR); \"-\" reads it from standard input (up to 8 MiB). Besides\n"
         "the occurrence, place, charges, persons, properties and the first\n"
         "information it takes the complainant's passport, an informant who\n"
         "is not the complainant, the station whose limits the place is in\n"
         "(outside_station), the inquest / U.D. case number, the action "
         "taken,\n"
         "the dispatch to court, and the e_fir and zero_fir flags. The total\n"
         "value of the properties is the server's sum. Each person named is\n"
         "linked in the persons register (\"person_id\" names one already\n"
         "there). The document is checked here before anything is sent; an\n"
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
         "The printout follows the paper FIR (IIF-I), items 1 to 15: station\n"
         "and number, acts and sections, occurrence with the General Diary\n"
         "reference (\"GD entry 12 of 29/11/2026 at 11:10 IST\"), type of\n"
         "information, place, complainant / informant with passport, accused,\n"
         "delay, properties and their total value, inquest number, the first\n"
         "information itself, action taken and the officer, the informant's\n"
         "signature (e-FIR), dispatch to court; then the case's status and "
         "the\n"
         "station it was transferred to or received from.\n"
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
        /* fir: zero FIR transfer and export, e-FIR */
        {"fir", "transfer", cmd_fir_transfer,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Transfer an FIR (zero FIR) to the competent station.",
         "NUMBER is an FIR of this station; FILE says where it goes and why\n"
         "(a TransferFir without its key and number; see\n"
         "deploy/samples/fir-transfer.json):\n"
         "  to        {\"state_code\", \"district_code\", \"station_code\"}: "
         "an\n"
         "            active station of the register, not this one\n"
         "  reason    why it goes there (jurisdiction)\n"
         "  officer   {\"number\", \"name\", \"rank\"}: who transfers it\n"
         "\n"
         "Within the state the receiving station registers the same FIR under\n"
         "its own next number at once; both FIRs name each other (cctns fir\n"
         "show) and both diaries record it. To another state the FIR is "
         "marked\n"
         "transferred and exported: write the export for the receiving state\n"
         "with cctns fir export. Either way this FIR becomes \"transferred\"\n"
         "and takes no further records. Only a registered FIR or one under\n"
         "investigation is transferred (else exit 4).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (FirTransferReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns fir transfer 3/2026 deploy/samples/fir-transfer.json\n"
         "  FIR 0003/2026 transferred to Aligarh Civil Lines (9:119:2001) on\n"
         "    29/11/2026 12:40 IST\n"
         "  Registered there as FIR 0007/2026\n"},
        {"fir", "export", cmd_fir_export, "NUMBER [--out FILE]",
         "Write an FIR transferred to another state as JSON.",
         "NUMBER is an FIR of this station that cctns fir transfer sent to a\n"
         "station of another state. The export is one JSON document, the\n"
         "FirExport message of proto/cctns.proto (format "
         "\"cctns.fir-export\",\n"
         "format_version 1): the source station, the receipt, the whole FIR\n"
         "content, the transfer (to whom, when, why, by whom) and the case\n"
         "timeline. The receiving state's system registers it under its own\n"
         "number. Without --out it goes to standard output.\n"
         "\n"
         "options:\n"
         "  --out FILE   write the export to FILE\n"
         "\n"
         "example:\n"
         "  cctns fir export 4/2026 --out fir-0004-2026.json\n"},
        {"efir", "pending", cmd_efir_pending, "[--json]",
         "List the e-FIRs waiting for their informant's signature.",
         "An e-FIR (registered online: \"e_fir\": true, information_type\n"
         "electronic) must be signed by its informant within three days of\n"
         "registration. This lists the station's e-FIRs not signed yet, "
         "oldest\n"
         "first: number, when registered, the deadline (IST), and OVERDUE for\n"
         "those whose three days have passed. Record a signature with cctns\n"
         "efir sign.\n"
         "\n"
         "options:\n"
         "  --json   print the list (PendingEfirs) as JSON\n"
         "\n"
         "example:\n"
         "  cctns efir pending\n"
         "  FIR No.      Registered        Sign by           (times are IST)\n"
         "  0004/2026    27/11/2026 10:05  30/11/2026 10:05  waiting\n"},
        {"efir", "sign", cmd_efir_sign,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record the informant's signature of an e-FIR.",
         "NUMBER is an e-FIR of this station; FILE says when the informant\n"
         "signed and who records it (a SignEfir without its key and number;\n"
         "see deploy/samples/efir-sign.json):\n"
         "  signed_at   RFC 3339, e.g. 2026-11-29T11:00:00+05:30\n"
         "  officer     {\"number\", \"name\", \"rank\"}\n"
         "Refused: a signature before registration or in the future (exit\n"
         "3); an FIR that is not an e-FIR, already signed, transferred, or\n"
         "signed after its three days, when the e-FIR lapsed (exit 4).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (EfirSignReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns efir sign 4/2026 deploy/samples/efir-sign.json\n"},
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
        "  cctns fir transfer 42/2026 deploy/samples/fir-transfer.json\n"
        "  cctns efir pending\n"
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

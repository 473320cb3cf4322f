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
        /* registers1: petitions and complaints (the first step of a case),
         * NCR, lost property */
        {"petition", "register", cmd_petition_register,
         "FILE.json|- [--key HEX32] [--json]",
         "Register a petition; gives its acknowledgement.",
         "FILE is the petition as JSON (a Petition; see\n"
         "deploy/samples/petition.json): received_at (when it reached the\n"
         "station), mode (in_person, by_post, online, by_email,\n"
         "from_higher_officer, court_referred), the petitioner, up to 20\n"
         "respondents (against whom), subject, text (up to 64 KiB), the\n"
         "officer who received it, and a reference (forwarding letter,\n"
         "court order) if any. The server gives the next acknowledgement\n"
         "number of the station and year (0001/2026, ...) and writes a\n"
         "General Diary entry (kind Petition) without personal data. A time\n"
         "in the future is refused (exit 3, naming the field).\n"
         "\n"
         "A petition then goes: received -> under enquiry (petition assign)\n"
         "-> enquiry reported (petition report) -> disposed (petition\n"
         "dispose). Like every write it carries an idempotency key (see\n"
         "cctns help fir register).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (PetitionReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns petition register deploy/samples/petition.json\n"
         "  Petition 0001/2026 registered on 29/11/2026 10:05 IST (received\n"
         "  27/11/2026 09:40 IST)\n"
         "  Acknowledgement number: 0001/2026\n"
         "  General Diary: GD entry 1 of 29/11/2026\n"
         "  idempotency key: 5f0c8e2a9b7d4e1f8a6c3b2d1e0f9a8b\n"},
        {"petition", "show", cmd_petition_show, "NUMBER [--json]",
         "Print a petition of this station with its history.",
         "NUMBER is the acknowledgement number, e.g. 1/2026 or 0001/2026.\n"
         "The printout follows the register: acknowledgement (number, when\n"
         "and how received, General Diary entry, receiving officer; the\n"
         "station it came from when it was transferred here), petitioner,\n"
         "respondents, subject, the petition, the enquiry (status, enquiry\n"
         "officer), the enquiry report, the disposal (closed, converted into\n"
         "an FIR, transferred, with its diary entry), and the history: every\n"
         "step with its time (IST), diary entry and officer.\n"
         "\n"
         "options:\n"
         "  --json   print the petition (PetitionRecord) as JSON\n"
         "\n"
         "examples:\n"
         "  cctns petition show 1/2026\n"
         "  cctns petition show 1/2026 --json > petition-1.json\n"},
        {"petition", "assign", cmd_petition_assign,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Assign or change a petition's enquiry officer.",
         "FILE is {\"enquiry_officer\": OFFICER, \"acting\": OFFICER} (see\n"
         "deploy/samples/petition-assign.json), an OFFICER being\n"
         "{\"number\", \"name\", \"rank\"}; acting is who assigns (the SHO).\n"
         "The first assignment moves a received petition to under enquiry; a\n"
         "later one, while it is under enquiry, changes the officer and is\n"
         "recorded in the history. Assigning the same officer again, or a\n"
         "petition whose report is in or that is disposed of, is refused\n"
         "(exit 4). Prints the new status and the step.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the petition after the step as JSON\n"
         "\n"
         "example:\n"
         "  cctns petition assign 1/2026 deploy/samples/petition-assign.json\n"
         "  Petition 0001/2026 is now Under enquiry\n"
         "  Enquiry officer assigned: SI Ravi Kumar Sharma (UP-15432)\n"},
        {"petition", "report", cmd_petition_report,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record the enquiry report of a petition.",
         "FILE is the report (a PetitionEnquiryReport; see\n"
         "deploy/samples/petition-report.json): reported_at, findings (up to\n"
         "64 KiB), recommendation (close, register_fir, transfer) and the\n"
         "officer, who must be the petition's enquiry officer. reported_at\n"
         "may not be in the future nor before the enquiry was assigned (exit\n"
         "3); a petition not under enquiry is refused (exit 4). The sample's\n"
         "time belongs to the sample case: put the real time in.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the petition after the step as JSON\n"
         "\n"
         "example:\n"
         "  cctns petition report 1/2026 report.json\n"
         "  Petition 0001/2026 is now Enquiry reported\n"},
        {"petition", "dispose", cmd_petition_dispose,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Close, convert into an FIR, or transfer a petition.",
         "FILE is the disposal (a PetitionDisposal; see\n"
         "deploy/samples/petition-dispose.json): kind and officer, and\n"
         "  closed             reason (required)\n"
         "  converted_to_fir   fir_number: an FIR of this station registered\n"
         "                     at or after the petition was received; the\n"
         "                     FIR's timeline gets a \"From petition\" event\n"
         "  transferred        transfer_district_code, transfer_station_code:\n"
         "                     another station of the state, which gets the\n"
         "                     petition in its own register under its own\n"
         "                     number (status received), linked both ways\n"
         "Only a petition whose enquiry report is in is disposed of; a\n"
         "disposed petition never changes again (exit 4). The disposal is\n"
         "entered in the General Diary.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the petition after the step as JSON\n"
         "\n"
         "example:\n"
         "  cctns petition dispose 1/2026 dispose.json\n"
         "  Petition 0001/2026 is now Disposed\n"
         "  Petition 0001/2026 disposed: converted into FIR 0001/2026\n"
         "  General Diary: GD entry 4 of 29/11/2026\n"},
        {"ncr", "register", cmd_ncr_register,
         "FILE.json|- [--key HEX32] [--json]",
         "Record a non-cognizable report (NCR).",
         "FILE is the report as JSON (an Ncr; see deploy/samples/ncr.json):\n"
         "occurred_at and reported_at (in that order, not in the future),\n"
         "the place, the informant, up to 20 opposite parties, 1 to 20\n"
         "sections (IPC for offences before 1 July 2024, BNS from then, as\n"
         "for FIRs), the substance of the information, advice_given (must be\n"
         "true: the informant is referred to the Magistrate, BNSS s.174) and\n"
         "the officer. The server gives the next NCR number of the station\n"
         "and year and writes a General Diary entry (kind NCR).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (NcrReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns ncr register deploy/samples/ncr.json\n"
         "  NCR 0001/2026 recorded on 29/11/2026 10:15 IST\n"
         "  The informant is referred to the Magistrate (BNSS s.174).\n"
         "  General Diary: GD entry 2 of 29/11/2026\n"},
        {"ncr", "show", cmd_ncr_show, "NUMBER [--json]",
         "Print a non-cognizable report of this station.",
         "NUMBER is the NCR number, e.g. 1/2026. Sections: report (number,\n"
         "time, diary entry, officer), acts and sections, occurrence, place,\n"
         "informant, opposite party, substance of the information, action\n"
         "taken.\n"
         "\n"
         "options:\n"
         "  --json   print the NCR (NcrRecord) as JSON\n"
         "\n"
         "example:\n"
         "  cctns ncr show 1/2026\n"},
        {"lost", "register", cmd_lost_register,
         "FILE.json|- [--key HEX32] [--json]", "Record a lost property report.",
         "FILE is the report as JSON (a LostReport; see\n"
         "deploy/samples/lost.json): the reporter (owner), lost_from and\n"
         "lost_to (in that order, not in the future; lost_to may be left\n"
         "out), the place, 1 to 50 items (kind: document, mobile_phone,\n"
         "wallet, cash, jewellery, bag, electronics, keys, other; a\n"
         "description; an identifier such as the IMEI or document number;\n"
         "value in rupees below 10^12), the circumstances and the officer.\n"
         "An identifier is never a full Aadhaar number: for a lost Aadhaar\n"
         "card give only its last 4 digits. The server gives the next report\n"
         "number of the station and year and writes a General Diary entry.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (LostReportReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns lost register deploy/samples/lost.json\n"
         "  Lost property report 0001/2026 recorded on 29/11/2026 10:20 IST\n"},
        {"lost", "show", cmd_lost_show, "NUMBER [--json]",
         "Print a lost property report of this station.",
         "NUMBER is the report number, e.g. 1/2026. Sections: report\n"
         "(number, time, diary entry, officer), reporter, when lost, where\n"
         "lost, property lost (each item with its identifier and value, and\n"
         "the total), how it was lost.\n"
         "\n"
         "options:\n"
         "  --json   print the report (LostReportRecord) as JSON\n"
         "\n"
         "example:\n"
         "  cctns lost show 1/2026\n"},
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
        {"fir", "show", cmd_fir_show, "NUMBER [--json | --pdf FILE]",
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
         "With --pdf the same printout is written to FILE as a PDF (A4): the\n"
         "copy of the FIR the informant is entitled to free of cost (section\n"
         "173(2) BNSS, 154(2) CrPC), with the station, the FIR number and\n"
         "its General Diary reference at the top of every page, and the\n"
         "officer who recorded it, the page number and the time it was\n"
         "printed at the foot. FILE is replaced whole or not at all; \"-\"\n"
         "writes the PDF to standard output.\n"
         "\n"
         "options:\n"
         "  --json       print the FIR (receipt and content) as JSON instead\n"
         "  --pdf FILE   write the informant's copy as a PDF to FILE\n"
         "\n"
         "examples:\n"
         "  cctns fir show 42/2026\n"
         "  cctns fir show 42/2026 --json > fir-42.json\n"
         "  cctns fir show 42/2026 --pdf fir-42.pdf\n"
         "  PDF written to fir-42.pdf: 2 pages\n"},
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
        {"case", "assign-io", cmd_case_assign_io,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
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
         "Like every write it carries a 16-byte idempotency key (random\n"
         "unless --key gives one): if the link breaks, the terminal sends it\n"
         "again with the same key, and the server answers with the timeline\n"
         "it gave the first time instead of recording it twice.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the resulting timeline (CaseTimeline) as JSON\n"
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
        {"arrest", "show", cmd_arrest_show, "NUMBER CODE [--json | --pdf FILE]",
         "Print an arrest memo like the paper form (IIF-III).",
         "NUMBER is the FIR number, CODE the accused code the receipt gave\n"
         "(A1, A2, ...). Sections: case, accused code, identity, aliases,\n"
         "addresses, arrest or surrender, outcome, injuries and medical\n"
         "examination, articles found, intimation to a relative and to the\n"
         "designated officer, descriptive roll, fingerprints, risk flags.\n"
         "\n"
         "With --pdf the memo is written to FILE as a PDF (A4), with the\n"
         "station, the FIR number, the accused code and the General Diary\n"
         "entry at the top of every page and the arresting officer, the page\n"
         "number and the time it was printed at the foot. FILE is replaced\n"
         "whole or not at all; \"-\" writes the PDF to standard output.\n"
         "\n"
         "options:\n"
         "  --json       print the memo and its receipt (Arrest) as JSON\n"
         "  --pdf FILE   write the memo as a PDF to FILE\n"
         "\n"
         "examples:\n"
         "  cctns arrest show 1/2026 A1\n"
         "  cctns arrest show 1/2026 A1 --json > arrest-a1.json\n"
         "  cctns arrest show 1/2026 A1 --pdf arrest-a1.pdf\n"},
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
        /* seizure memo (IIF-IV) and the malkhana */
        {"seizure", "register", cmd_seizure_register,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record a property search and seizure memo (IIF-IV).",
         "NUMBER is the FIR number; FILE the memo as JSON (a SeizureMemo; see\n"
         "deploy/samples/seizure.json): the nature of the property (stolen,\n"
         "unclaimed, unlawful_possession, involved, intestate), when\n"
         "(seized_at) and where, the person it was seized from (none for\n"
         "unclaimed property) and whether a professional receiver, the\n"
         "accused code when seized from an arrested accused, exactly two\n"
         "independent witnesses, the items (1 to 200: kind, description,\n"
         "quantity and unit, value, identifiers such as IMEI or chassis\n"
         "numbers, perishable and what was done with it, sealed packet),\n"
         "the seal used, and the seizing officer.\n"
         "\n"
         "The server numbers the memo in its case (1, 2, ...), writes a\n"
         "General Diary entry, deposits every item in the station's\n"
         "malkhana under a number of its own (0012/2026), with one diary\n"
         "entry for the deposit, and adds the seizure to the case timeline.\n"
         "It refuses (exit 3, naming the field) a seizure before the FIR was\n"
         "registered or in the future, other than two witnesses (or the\n"
         "person seized from as a witness), a quantity of 0 or less, a value\n"
         "of 10^12 rupees or more, and perishable property without its\n"
         "handling; an FIR of another station is not found (exit 6), a\n"
         "transferred one refused (exit 4).\n"
         "\n"
         "Like every write it carries an idempotency key and is sent again\n"
         "with the same key if the link breaks (see cctns help fir register).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (SeizureReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns seizure register 1/2026 seizure.json\n"
         "  Seizure 1 recorded in FIR 0001/2026 on 29/11/2026 13:20 IST\n"
         "  General Diary: GD entry 4 of 29/11/2026 (seizure)\n"
         "  General Diary: GD entry 5 of 29/11/2026 (deposit in the "
         "malkhana)\n"
         "  Item 1: malkhana 0001/2026\n"
         "  Item 2: malkhana 0002/2026\n"
         "  idempotency key: 5f0c8e2a9b7d4e1f8a6c3b2d1e0f9a8b\n"},
        {"seizure", "show", cmd_seizure_show,
         "NUMBER SEIZURE_NO [--json | --pdf FILE]",
         "Print a seizure memo like the paper form (IIF-IV).",
         "NUMBER is the FIR number, SEIZURE_NO the number the receipt gave\n"
         "(1, 2, ...). Sections: case (with the diary entries of the seizure\n"
         "and of the deposit), nature of the property, date, time and place,\n"
         "seized from (with the age at seizure), witnesses, the property\n"
         "seized (each item with its malkhana number), seal, seizing officer.\n"
         "\n"
         "options:\n"
         "  --json       print the memo and its receipt (Seizure) as JSON\n"
         "  --pdf FILE   write the seizure memo as an A4 PDF (\"-\": standard\n"
         "               output), with the station, numbers and officer on\n"
         "               every page\n"
         "\n"
         "examples:\n"
         "  cctns seizure show 1/2026 1\n"
         "  cctns seizure show 1/2026 1 --pdf seizure-1.pdf\n"
         "  cctns seizure show 1/2026 1 --json > seizure-1.json\n"},
        {"malkhana", "show", cmd_malkhana_show, "MALKHANA_NUMBER [--json]",
         "Print a malkhana entry and its chain of custody.",
         "MALKHANA_NUMBER is the number the seizure receipt gave an item,\n"
         "e.g. 12/2026 or 0012/2026. Prints the case (FIR, seizure, item),\n"
         "where the property is now and since when, the item, and its chain\n"
         "of custody: every movement, deposit first, with its time (IST), the\n"
         "states it moved between, to whom, the order or letter, the officer\n"
         "and the General Diary entry. No one can change or delete a row of\n"
         "the chain; each movement is a new row (cctns malkhana move).\n"
         "\n"
         "options:\n"
         "  --json   print the entry (MalkhanaEntry) as JSON\n"
         "\n"
         "example:\n"
         "  cctns malkhana show 1/2026\n"},
        {"malkhana", "list", cmd_malkhana_list,
         "[--fir NUMBER] [--state S] [--offset N] [--json]",
         "List this station's malkhana register.",
         "One line per entry, by number: malkhana number, FIR, seizure and\n"
         "item, kind of property, where it is, since which day. At most 100\n"
         "entries a page; --offset N starts after the first N.\n"
         "\n"
         "options:\n"
         "  --fir NUMBER   only the property of this case\n"
         "  --state S      only property in state S: in_store, out_court,\n"
         "                 out_fsl, released, disposed, transferred\n"
         "  --offset N     skip the first N entries\n"
         "  --json         print the page (MalkhanaList) as JSON\n"
         "\n"
         "examples:\n"
         "  cctns malkhana list --state out_court\n"
         "  cctns malkhana list --fir 1/2026\n"},
        {"malkhana", "move", cmd_malkhana_move,
         "MALKHANA_NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record a movement of malkhana property.",
         "FILE is the movement as JSON (a MoveProperty without its key and\n"
         "number; see deploy/samples/malkhana-move.json):\n"
         "  movement   to_court, to_forensic_lab, returned_to_store,\n"
         "             released_to_owner, disposed, transferred_to_station\n"
         "  at         when it moved (RFC 3339): not before the seizure nor\n"
         "             the previous movement, not in the future\n"
         "  to_whom    who took it (or returned it): \"CJM Agra\", \"FSL "
         "Agra\"\n"
         "  reference  the court order or laboratory letter; required to\n"
         "             release or dispose of property\n"
         "  officer    {\"number\", \"name\", \"rank\"}: who handed it over\n"
         "Property moves only along these steps; anything else is refused\n"
         "(exit 4, naming both states):\n"
         "  in store -> out in court, out at the FSL, released, disposed of,\n"
         "              transferred\n"
         "  out in court, out at the FSL -> in store\n"
         "Released, disposed of and transferred are final. The server writes\n"
         "a General Diary entry and a timeline event for each movement.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (PropertyMovementReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns malkhana move 1/2026 deploy/samples/malkhana-move.json\n"
         "  Malkhana 0001/2026 (FIR 0001/2026): Sent to court on 29/11/2026\n"
         "    15:00 IST; now Out: in court\n"
         "  General Diary: GD entry 6 of 29/11/2026\n"
         "  idempotency key: 5f0c8e2a9b7d4e1f8a6c3b2d1e0f9a8b\n"},
        /* registers2: missing persons */
        {"missing", "register", cmd_missing_register,
         "FILE.json|- [--key HEX32] [--json]",
         "Register a missing person report.",
         "FILE is the report as JSON (a MissingPersonReport; see\n"
         "deploy/samples/missing-person.json and missing-child.json): the\n"
         "person (name, date or year of birth when known), age_years (the\n"
         "stated age, only when the birth date and year are not known), the\n"
         "descriptive roll (height 30 to 250 cm), missing_since and the place\n"
         "last seen, circumstances, clothing, reported_at, the informant and\n"
         "their relation, fir_number, and the recording officer.\n"
         "\n"
         "A missing child (under 18 when missing) always results in an FIR:\n"
         "register the FIR first (kidnapping, BNS 137) and put its number in\n"
         "fir_number; a child's report without an FIR of this station is\n"
         "refused (exit 3). With only a year of birth, a person who may not\n"
         "yet have been 18 counts as a child. The server numbers the report\n"
         "per station per year, writes a General Diary entry and, with an\n"
         "FIR, an event on the case's timeline. Refused too: times in the\n"
         "future, reported_at before missing_since, impossible ages and\n"
         "heights.\n"
         "\n"
         "Like every write it carries an idempotency key and is sent again\n"
         "with the same key if the link breaks (see cctns help fir register).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (MissingPersonReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns missing register deploy/samples/missing-child.json\n"
         "  Missing person report 0003/2026 registered on 29/11/2026 11:20 "
         "IST\n"
         "  A missing child: FIR 0012/2026\n"
         "  General Diary: GD entry 7 of 29/11/2026\n"
         "  idempotency key: 5f0c8e2a9b7d4e1f8a6c3b2d1e0f9a8b\n"},
        {"missing", "show", cmd_missing_show, "NUMBER [--json]",
         "Print a missing person report of this station.",
         "NUMBER is the report's number, e.g. 3/2026 or 0003/2026. Sections:\n"
         "report (number, diary entry, child, FIR), the missing person and\n"
         "their age when missing, description, when and where last seen,\n"
         "circumstances, informant, recording officer, and whether and how\n"
         "the person was traced.\n"
         "\n"
         "options:\n"
         "  --json   print the report (MissingPerson) as JSON\n"
         "\n"
         "example:\n"
         "  cctns missing show 3/2026\n"},
        {"missing", "traced", cmd_missing_traced,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record that a missing person was found.",
         "FILE is {\"traced_at\", \"how\", \"place\", \"officer\"} as JSON: "
         "when\n"
         "(RFC 3339, not before missing_since, not in the future), how\n"
         "(returned_home, found_by_police, found_dead, other), where, and who\n"
         "records it. A report is traced once; a second time is refused\n"
         "(exit 4). The server writes a General Diary entry and, when the\n"
         "report has an FIR, an event on its timeline.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (MissingTracedReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns missing traced 3/2026 - <<'EOF'\n"
         "  {\"traced_at\": \"2026-11-30T18:00:00+05:30\", \"how\": "
         "\"found_by_police\",\n"
         "   \"officer\": {\"number\": \"UP-15432\", \"name\": \"Ravi Kumar "
         "Sharma\",\n"
         "               \"rank\": \"SI\"}}\n"
         "  EOF\n"},
        /* registers2: unidentified dead bodies and unnatural deaths */
        {"ud", "register", cmd_ud_register,
         "FILE.json|- [--key HEX32] [--json]",
         "Register an unidentified dead body or an unnatural death.",
         "FILE is the report as JSON (an UnnaturalDeathReport; see\n"
         "deploy/samples/ud.json): kind (unidentified_body or\n"
         "unnatural_death), found_at, place, apparent_cause (drowning,\n"
         "hanging, burns, poisoning, road_accident, railway_accident, fall,\n"
         "electrocution, snake_bite, unknown, other), the deceased (for an\n"
         "unidentified body only the gender seen; for an unnatural death the\n"
         "person, with a name), apparent_age_from/to (0 to 120), height_cm\n"
         "(30 to 250), the descriptive roll, clothing, articles found, the\n"
         "informant, the inquest (inquest_at, and inquest_officer or\n"
         "inquest_magistrate), the post-mortem (hospital, date), fir_number\n"
         "and the recording officer.\n"
         "\n"
         "The server gives the UD number (UD 0003/2026, per station per\n"
         "year: the unnatural-death case number an FIR quotes), writes a\n"
         "General Diary entry and, with an FIR, an event on its timeline.\n"
         "Refused: times in the future, an inquest before the finding,\n"
         "impossible ages and heights.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (UnnaturalDeathReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns ud register deploy/samples/ud.json\n"
         "  UD 0001/2026 registered on 29/11/2026 09:40 IST\n"
         "  General Diary: GD entry 2 of 29/11/2026\n"
         "  idempotency key: 5f0c8e2a9b7d4e1f8a6c3b2d1e0f9a8b\n"},
        {"ud", "show", cmd_ud_show, "NUMBER [--json]",
         "Print an unnatural death report of this station.",
         "NUMBER is the UD number: \"UD 3/2026\" (quoted), UD3/2026, "
         "UD-3/2026\n"
         "or 3/2026. Sections: case, finding, the deceased, description,\n"
         "articles found, informant, inquest, post-mortem, recording\n"
         "officer, and the identification of an unidentified body.\n"
         "\n"
         "options:\n"
         "  --json   print the report (UnnaturalDeath) as JSON\n"
         "\n"
         "example:\n"
         "  cctns ud show UD-1/2026\n"},
        {"ud", "identify", cmd_ud_identify,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record who an unidentified body was.",
         "FILE is {\"deceased\", \"identified_by\", \"identified_at\",\n"
         "\"officer\"} as JSON: the person who died (name required), who\n"
         "identified the body (name required), when (not before the body was\n"
         "found, not in the future) and who records it. Only an unidentified\n"
         "body, and only once (else exit 4).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (BodyIdentifiedReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns ud identify UD-1/2026 identify.json\n"},
        /* registers2: stolen and recovered vehicles */
        {"vehicle", "report", cmd_vehicle_report,
         "FILE.json|- [--key HEX32] [--json]",
         "Register a stolen, recovered or unclaimed vehicle.",
         "FILE is the report as JSON (a VehicleReport; see\n"
         "deploy/samples/vehicle-stolen.json and vehicle-recovered.json):\n"
         "kind (stolen, recovered, unclaimed), registration_number,\n"
         "chassis_number, engine_number (at least one), vehicle_type\n"
         "(two_wheeler, car, jeep, truck, bus, tractor, auto_rickshaw,\n"
         "e_rickshaw, other), make, model, colour, model_year, at (when\n"
         "stolen or found), place, owner, fir_number (the theft FIR) and the\n"
         "recording officer.\n"
         "\n"
         "The registration number is kept as written and normalised: \"UP 32\n"
         "AB 1234\", \"up32ab1234\" and \"UP-32-AB-1234\" are one number. It "
         "must\n"
         "look like an Indian number (state code and digits, the BH series,\n"
         "older series); a VIN has 17 characters. The receipt lists the\n"
         "reports of every station of the state the vehicle matches by\n"
         "registration, chassis or engine number: the stolen reports for a\n"
         "recovered vehicle, the recovered ones for a stolen vehicle.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (VehicleReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns vehicle report deploy/samples/vehicle-recovered.json\n"
         "  Vehicle report 0002/2026 registered on 30/11/2026 09:10 IST "
         "(UP80AB1234)\n"
         "  General Diary: GD entry 3 of 30/11/2026\n"
         "  It matches 1 report of the state:\n"
         "    Stolen 0001/2026, Agra Kotwali (9:118:1001)\n"
         "        matched by registration\n"
         "  idempotency key: 5f0c8e2a9b7d4e1f8a6c3b2d1e0f9a8b\n"},
        {"vehicle", "show", cmd_vehicle_show, "NUMBER [--json]",
         "Print a vehicle report of this station.",
         "NUMBER is the report's number, e.g. 2/2026. Sections: report,\n"
         "vehicle, when and where, owner, recording officer, and the\n"
         "matching reports of the state as they are now.\n"
         "\n"
         "options:\n"
         "  --json   print the report (VehicleRecord) as JSON\n"
         "\n"
         "example:\n"
         "  cctns vehicle show 2/2026\n"},
        {"vehicle", "find", cmd_vehicle_find,
         "REGISTRATION | --chassis X | --engine Y [--json]",
         "Find the vehicle reports of the whole state naming a vehicle.",
         "Searches the reports of every station of the state by one number,\n"
         "written any way (spaces, dashes, dots and case do not matter).\n"
         "Shows each report's number, station, kind, vehicle, time and FIR,\n"
         "newest first (at most 100); owners are not shown: ask the station\n"
         "that made the report.\n"
         "\n"
         "options:\n"
         "  --chassis X   search by chassis number\n"
         "  --engine Y    search by engine number\n"
         "  --json        print the result (VehicleMatches) as JSON\n"
         "\n"
         "examples:\n"
         "  cctns vehicle find up80ab1234\n"
         "  cctns vehicle find \"UP 80 AB 1234\"\n"
         "  cctns vehicle find --chassis MBLHA10ABCD123456\n"},
        /* court family: final report (IIF-V), court disposal (IIF-VI),
         * appeal (IIF-VII) */
        {"final-report", "file", cmd_final_report_file,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "File a final report or charge-sheet (IIF-V).",
         "NUMBER is the FIR number; FILE the report as JSON (a FinalReport; "
         "see\n"
         "deploy/samples/final-report.json):\n"
         "  kind           charge_sheet, not_charge_sheeted_want_of_evidence,\n"
         "                 undetected, untraced, abated, unoccurred_false,\n"
         "                 unoccurred_mistake_of_fact, "
         "unoccurred_mistake_of_law,\n"
         "                 unoccurred_non_cognizable, unoccurred_civil_nature\n"
         "  supplementary  true for a report after further investigation\n"
         "  filed_at       when it was filed in court (RFC 3339), and court\n"
         "  charged        charge_sheet only, at least one: accused_code (of\n"
         "                 an arrest memo) or person (never arrested), "
         "sections\n"
         "                 (IPC or BNS by the date of the offence), "
         "arrested_on,\n"
         "                 bailed_on, forwarded_on, previous_convictions, "
         "status\n"
         "                 (in_custody, on_bail, absconding, not_arrested)\n"
         "  not_charged    accused_code or person, and the reason\n"
         "  witnesses      person and kind (eye, panch, expert, official, "
         "other)\n"
         "  properties     description, malkhana_number, disposal\n"
         "  brief_facts, officer\n"
         "\n"
         "Only the case's investigating officer may file it: officer must be\n"
         "the IO of cctns case timeline NUMBER (exit 4 otherwise, naming the\n"
         "IO; a case without an IO gets none). The original report moves an\n"
         "investigation to charge-sheeted or final report; supplementary ones\n"
         "come after it and keep the status, except that a supplementary\n"
         "charge-sheet after a final report makes the case charge-sheeted.\n"
         "The server writes a General Diary entry and a timeline event, and\n"
         "links the witnesses and the accused never arrested to their person\n"
         "records. Refused (exit 3, naming the field): a report before the\n"
         "FIR or in the future, dates of arrest, bail or forwarding out of\n"
         "order or outside the case, a section of the wrong code.\n"
         "\n"
         "Like every write it carries an idempotency key and is sent again\n"
         "with the same key if the link breaks (see cctns help fir register).\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (FinalReportReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns final-report file 1/2026 final-report.json\n"
         "  Final report 1 (original) recorded in FIR 0001/2026\n"
         "  Filed in court: 29/11/2026 16:00 IST\n"
         "  Case status: Charge-sheeted\n"
         "  General Diary: GD entry 5 of 29/11/2026\n"
         "  idempotency key: 5f0c8e2a9b7d4e1f8a6c3b2d1e0f9a8b\n"},
        {"final-report", "show", cmd_final_report_show,
         "NUMBER [REPORT_NO] [--json]",
         "Print a final report like the paper form (IIF-V).",
         "NUMBER is the FIR number; REPORT_NO the report (1 the original, 2..\n"
         "the supplementary ones), the latest when left out. Sections: case\n"
         "and report, type, investigating officer, accused charge-sheeted\n"
         "(sections, dates of arrest, bail and forwarding, previous\n"
         "convictions, status), accused not charge-sheeted and why,\n"
         "witnesses, properties and their disposal, brief facts.\n"
         "\n"
         "options:\n"
         "  --json   print the report and its receipt (FinalReportRecord)\n"
         "\n"
         "examples:\n"
         "  cctns final-report show 1/2026\n"
         "  cctns final-report show 1/2026 1 --json\n"},
        {"court", "disposal", cmd_court_disposal,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record the court's disposal of a case (IIF-VI).",
         "NUMBER is the FIR number; FILE the disposal as JSON (a "
         "CourtDisposal;\n"
         "see deploy/samples/court-disposal.json): kind (convicted, "
         "acquitted,\n"
         "discharged, compounded, withdrawn, abated, partly_convicted),\n"
         "judgement_date, court, case_number_in_court, prosecutor, officer, "
         "and\n"
         "for each accused (by accused_code, or person by name as in the "
         "final\n"
         "report): result (convicted, acquitted, discharged, compounded,\n"
         "abated), and when convicted sections_convicted and punishment "
         "(death,\n"
         "life_imprisonment, rigorous_imprisonment, simple_imprisonment,\n"
         "fine_only, probation) with period_months (required for\n"
         "imprisonment, at most 1200) and fine_rupees.\n"
         "\n"
         "The case must be charge-sheeted or have its final report; it\n"
         "becomes court disposed. Refused (exit 3): a judgement before the\n"
         "final report or in the future, results that do not fit the kind, a\n"
         "conviction without sections or punishment, imprisonment without a\n"
         "term; (exit 4) a case not yet reported or disposed of already.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (CourtReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns court disposal 1/2026 court-disposal.json\n"
         "  Court disposal recorded in FIR 0001/2026 on 29/11/2026 17:00 IST\n"
         "  Case status: Court disposed\n"},
        {"court", "appeal", cmd_court_appeal,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record an appeal against the disposal (IIF-VII).",
         "NUMBER is the FIR number; FILE the appeal as JSON (an Appeal; see\n"
         "deploy/samples/appeal.json): court, filed_on, appellant (state,\n"
         "accused, complainant), accused_codes and accused_names (the accused\n"
         "of the disposal it is about; an accused appeals only against a\n"
         "conviction), officer. The case must be court disposed; it becomes "
         "in\n"
         "appeal. filed_on is not before the judgement nor in the future.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (CourtReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns court appeal 1/2026 appeal.json\n"},
        {"court", "appeal-result", cmd_court_appeal_result,
         "NUMBER FILE.json|- [--key HEX32] [--json]",
         "Record the result of the appeal (IIF-VII).",
         "NUMBER is the FIR number; FILE the result as JSON (an AppealResult;\n"
         "see deploy/samples/appeal-result.json): court, decided_on (not\n"
         "before the appeal was filed, not in the future), officer, and one\n"
         "result for each accused of the appeal: accused_code or "
         "accused_name,\n"
         "result (upheld, acquitted_on_appeal, convicted_on_appeal,\n"
         "sentence_modified, remanded_for_retrial) and, when convicted on\n"
         "appeal or the sentence modified, new_punishment, period_months and\n"
         "fine_rupees. The case must be in appeal; it becomes appeal decided,\n"
         "its last status.\n"
         "\n"
         "options:\n"
         "  --key HEX32   the idempotency key (32 hex digits) to use\n"
         "  --json        print the receipt (CourtReceipt) as JSON\n"
         "\n"
         "example:\n"
         "  cctns court appeal-result 1/2026 appeal-result.json\n"},
        {"court", "show", cmd_court_show, "NUMBER [--json]",
         "Print the court disposal and appeal (IIF-VI, VII).",
         "NUMBER is the FIR number. Sections: the case and its status; the\n"
         "court disposal (court, case number, prosecutor, judgement date,\n"
         "disposal); each accused's result, sections convicted under and\n"
         "sentence; the appeal; the result of the appeal for each accused.\n"
         "A case without a court disposal is not found (exit 6).\n"
         "\n"
         "options:\n"
         "  --json   print the record (CourtRecord) as JSON\n"
         "\n"
         "example:\n"
         "  cctns court show 1/2026\n"},
        /* forms: interactive entry of every record, and the reference
         * lists behind its pick-lists */
        {"fir", "new", cmd_fir_new, "",
         "Fill in an FIR on the terminal, field by field.",
         "Asks every field of the FIR in the order of the paper form (IIF-I),\n"
         "checks each answer as it is typed, and names what is wrong at once:\n"
         "  Occurrence to (DD/MM/YYYY HH:MM, or now): 30/11/2099 10:00\n"
         "    ! must not be in the future\n"
         "Times are India Standard Time: 29/11/2026 10:30, 2026-11-29 10:30,\n"
         "today 10:30, yesterday 18:00 or now. Choices are numbered lists.\n"
         "Codes are looked up on the server: at a section type 303(2), or\n"
         "words of its title (\"theft\") and pick from the list (1(2) picks\n"
         "the first with sub-section (2)); districts and states likewise.\n"
         "\n"
         "At any field: ? explains it, < goes back one field, Enter keeps the\n"
         "value shown in [ ] (or skips an optional field), - clears it. The\n"
         "first information is typed line by line and ends with a line\n"
         "holding only \".\".\n"
         "\n"
         "After every answer the form is saved as a draft ($CCTNS_DRAFT_DIR,\n"
         "else ~/.local/state/cctns/drafts/fir-new.json): after a power cut\n"
         "or a closed window, run the command again and resume. At the end\n"
         "the FIR is shown as it will print: [s]ubmit, [e]dit a field, [l]ist\n"
         "the fields, [q]uit keeping the draft, or [d]iscard. Submitting\n"
         "takes the path of cctns fir register (idempotency key, kept in the\n"
         "draft, so a submission repeated after a lost link is never recorded\n"
         "twice); a field the server refuses is asked again.\n"
         "\n"
         "Without a terminal the answers are read one a line from standard\n"
         "input (scripts and tests).\n"
         "\n"
         "example:\n"
         "  cctns fir new\n"},
        {"gd", "new", cmd_gd_new, "",
         "Write a General Diary entry, field by field.",
         "The entry of cctns gd add (kind, text, officer, and for a\n"
         "correction the entry it corrects), asked one field at a time with\n"
         "a draft and a review; see cctns help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns gd new\n"},
        {"arrest", "new", cmd_arrest_new, "NUMBER",
         "Fill in an arrest memo (IIF-III), field by field.",
         "NUMBER is the FIR number. The memo of cctns arrest register, asked\n"
         "one field at a time in the order of the paper form, with a draft\n"
         "per FIR (arrest-new-0042-2026.json) and a review showing the memo\n"
         "as it will print; see cctns help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns arrest new 42/2026\n"},
        {NULL, "lookup", cmd_lookup,
         "section|district|station|mo|law|state [WORDS...] [--act ipc|bns] "
         "[--on DATE] [--state N] [--district N] [--limit N] [--json]",
         "Look up sections, districts, stations, MO heads or laws.",
         "The reference lists behind the forms' pick-lists, from the server.\n"
         "WORDS are matched against the names (each word must begin a word of\n"
         "the name; for sections the best matches come first); a number\n"
         "looks up that code. Without WORDS, the first entries of the list.\n"
         "  section    IPC and BNS sections, by number (303, 498A) or by\n"
         "             words of their title; each with the corresponding\n"
         "             section of the other act. --act ipc|bns keeps one\n"
         "             act; --on DATE (the offence date) keeps the act in\n"
         "             force that day (IPC before 1 July 2024, BNS after)\n"
         "  district   districts of this station's state (--state N: another)\n"
         "  station    police stations of this station's district\n"
         "             (--district N, --state N: another)\n"
         "  mo         modus operandi heads (IIF-II)\n"
         "  law        special and local laws (NDPS, Arms, ...)\n"
         "  state      states and union territories\n"
         "\n"
         "options:\n"
         "  --limit N   at most N entries (default 20, at most 100)\n"
         "  --json      print the list (RefList) as JSON\n"
         "\n"
         "examples:\n"
         "  cctns lookup section theft\n"
         "    BNS 303      Theft (IPC 378, IPC 379)\n"
         "  cctns lookup section 379 --on 2024-05-01\n"
         "  cctns lookup district agra\n"
         "  cctns lookup mo lock\n"},
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
        /* forms2: the form of every other write. A new record is NOUN
         * new; a later step of a record that exists is NOUN new-STEP
         * NUMBER, STEP naming the paper it makes. */
        {"petition", "new", cmd_petition_new, "",
         "Register a petition, field by field.",
         "The petition of cctns petition register (when received, how, the\n"
         "petitioner, respondents, subject, the petition itself, the officer\n"
         "who received it), asked one field at a time with a draft\n"
         "(petition-new.json) and a review showing the register's page as it\n"
         "will print; see cctns help fir new for how forms work.\n"
         "\n"
         "The later steps have forms too: petition new-assignment,\n"
         "new-report and new-disposal NUMBER.\n"
         "\n"
         "example:\n"
         "  cctns petition new\n"},
        {"petition", "new-assignment", cmd_petition_new_assignment, "NUMBER",
         "Assign a petition's enquiry officer, field by field.",
         "NUMBER is the petition's acknowledgement number (1/2026). The\n"
         "assignment of cctns petition assign (the enquiry officer, and who\n"
         "assigns), asked one field at a time with a draft per petition\n"
         "(petition-new-assignment-1-2026.json); see cctns help fir new for\n"
         "how forms work.\n"
         "\n"
         "example:\n"
         "  cctns petition new-assignment 1/2026\n"},
        {"petition", "new-report", cmd_petition_new_report, "NUMBER",
         "Write a petition's enquiry report, field by field.",
         "NUMBER is the petition's acknowledgement number. The report of\n"
         "cctns petition report (when, the findings typed line by line, the\n"
         "recommendation from a numbered list, the enquiry officer), asked\n"
         "one field at a time with a draft per petition; see cctns help fir\n"
         "new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns petition new-report 1/2026\n"},
        {"petition", "new-disposal", cmd_petition_new_disposal, "NUMBER",
         "Dispose of a petition, field by field.",
         "NUMBER is the petition's acknowledgement number. The disposal of\n"
         "cctns petition dispose (closed with a reason, converted into an\n"
         "FIR of this station, or transferred: the district and station are\n"
         "looked up on the server by code or name), asked one field at a\n"
         "time with a draft per petition; see cctns help fir new for how\n"
         "forms work.\n"
         "\n"
         "example:\n"
         "  cctns petition new-disposal 1/2026\n"},
        {"ncr", "new", cmd_ncr_new, "",
         "Record a non-cognizable report, field by field.",
         "The report of cctns ncr register, asked one field at a time in the\n"
         "order of the register, sections looked up on the server as in an\n"
         "FIR (IPC or BNS proposed by the date of occurrence), with a draft\n"
         "(ncr-new.json) and a review showing the NCR as it will print; see\n"
         "cctns help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns ncr new\n"},
        {"lost", "new", cmd_lost_new, "",
         "Record a lost property report, field by field.",
         "The report of cctns lost register (the reporter, when and where,\n"
         "each item lost, how), asked one field at a time with a draft\n"
         "(lost-new.json) and a review showing the report as it will print;\n"
         "see cctns help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns lost new\n"},
        {"seizure", "new", cmd_seizure_new, "NUMBER",
         "Fill in a seizure memo (IIF-IV), field by field.",
         "NUMBER is the FIR number. The memo of cctns seizure register (the\n"
         "nature of the property, when and where, from whom, the two\n"
         "witnesses, each item, the seal, the seizing officer), asked one\n"
         "field at a time in the order of the paper form, with a draft per\n"
         "FIR (seizure-new-42-2026.json) and a review showing the memo as it\n"
         "will print; see cctns help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns seizure new 42/2026\n"},
        {"malkhana", "new-movement", cmd_malkhana_new_movement,
         "MALKHANA_NUMBER", "Record a malkhana movement, field by field.",
         "MALKHANA_NUMBER is the entry's number (12/2026). The movement of\n"
         "cctns malkhana move (to court, to the forensic lab, back to the\n"
         "store, released, disposed, transferred; when, to whom, the order,\n"
         "the officer), asked one field at a time with a draft per entry; see\n"
         "cctns help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns malkhana new-movement 12/2026\n"},
        {"final-report", "new", cmd_final_report_new, "NUMBER",
         "Fill in a final report (IIF-V), field by field.",
         "NUMBER is the FIR number. The report of cctns final-report file\n"
         "(its kind, the court, the accused charge-sheeted with their\n"
         "sections looked up on the server, those not charge-sheeted,\n"
         "witnesses, properties, brief facts, the investigating officer),\n"
         "asked one field at a time with a draft per FIR and a review showing\n"
         "the report as it will print; see cctns help fir new for how forms\n"
         "work.\n"
         "\n"
         "example:\n"
         "  cctns final-report new 42/2026\n"},
        {"court", "new-disposal", cmd_court_new_disposal, "NUMBER",
         "Record a court disposal (IIF-VI), field by field.",
         "NUMBER is the FIR number. The disposal of cctns court disposal (the\n"
         "judgement, then each accused's result, sections convicted under\n"
         "and sentence), asked one field at a time with a draft per FIR and a\n"
         "review showing it as it will print; see cctns help fir new for how\n"
         "forms work.\n"
         "\n"
         "example:\n"
         "  cctns court new-disposal 42/2026\n"},
        {"court", "new-appeal", cmd_court_new_appeal, "NUMBER",
         "Record an appeal (IIF-VII), field by field.",
         "NUMBER is the FIR number. The appeal of cctns court appeal (the\n"
         "appellate court, when filed, by whom, the accused it is about),\n"
         "asked one field at a time with a draft per FIR; see cctns help fir\n"
         "new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns court new-appeal 42/2026\n"},
        {"court", "new-appeal-result", cmd_court_new_appeal_result, "NUMBER",
         "Record an appeal's result (IIF-VII), field by field.",
         "NUMBER is the FIR number. The result of cctns court appeal-result\n"
         "(the court, when decided, the result for each accused of the\n"
         "appeal), asked one field at a time with a draft per FIR; see cctns\n"
         "help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns court new-appeal-result 42/2026\n"},
        {"missing", "new", cmd_missing_new, "",
         "Register a missing person, field by field.",
         "The report of cctns missing register (the person, description,\n"
         "when and where last seen, the informant, the FIR for a child),\n"
         "asked one field at a time with a draft (missing-new.json) and a\n"
         "review showing the report as it will print; see cctns help fir new\n"
         "for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns missing new\n"},
        {"missing", "new-tracing", cmd_missing_new_tracing, "NUMBER",
         "Record a missing person traced, field by field.",
         "NUMBER is the report's number (3/2026). The tracing of cctns\n"
         "missing traced (when, how, where, the officer), asked one field at\n"
         "a time with a draft per report; see cctns help fir new for how\n"
         "forms work.\n"
         "\n"
         "example:\n"
         "  cctns missing new-tracing 3/2026\n"},
        {"ud", "new", cmd_ud_new, "",
         "Register a UD or unnatural death, field by field.",
         "The report of cctns ud register (kind, when and where found, the\n"
         "apparent cause, the deceased, description, inquest, post-mortem),\n"
         "asked one field at a time with a draft (ud-new.json) and a review\n"
         "showing the report as it will print; see cctns help fir new for how\n"
         "forms work.\n"
         "\n"
         "example:\n"
         "  cctns ud new\n"},
        {"ud", "new-identification", cmd_ud_new_identification, "NUMBER",
         "Record who a dead body was, field by field.",
         "NUMBER is the UD number (\"UD 3/2026\", UD3/2026 or 3/2026). The\n"
         "identification of cctns ud identify (the deceased, who identified\n"
         "the body, when, the officer), asked one field at a time with a\n"
         "draft per UD; see cctns help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns ud new-identification 3/2026\n"},
        {"vehicle", "new", cmd_vehicle_new, "",
         "Report a stolen or found vehicle, field by field.",
         "The report of cctns vehicle report (kind, the vehicle's numbers and\n"
         "description, when and where, the owner, the FIR), asked one field\n"
         "at a time with a draft (vehicle-new.json) and a review showing the\n"
         "report as it will print; see cctns help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns vehicle new\n"},
        {"case", "new-assignment", cmd_case_new_assignment, "NUMBER",
         "Assign the investigating officer, field by field.",
         "NUMBER is the FIR number. The assignment of cctns case assign-io\n"
         "(the investigating officer, and who assigns), asked one field at a\n"
         "time with a draft per FIR; see cctns help fir new for how forms\n"
         "work.\n"
         "\n"
         "example:\n"
         "  cctns case new-assignment 42/2026\n"},
        /* forms of the FIR's transfer, the e-FIR's signature, crime
         * details and a person's details */
        {"fir", "new-transfer", cmd_fir_new_transfer, "NUMBER",
         "Transfer a zero FIR, field by field.",
         "NUMBER is the FIR number. The transfer of cctns fir transfer (the\n"
         "competent station, the reason, the officer), asked one field at a\n"
         "time, the station found by name, with a draft and a review; see\n"
         "cctns help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns fir new-transfer 42/2026\n"},
        {"efir", "new-signature", cmd_efir_new_signature, "NUMBER",
         "Record an e-FIR's signature, field by field.",
         "NUMBER is the e-FIR's number. The signature of cctns efir sign "
         "(when\n"
         "the informant signed, the officer), asked one field at a time with\n"
         "a draft and a review; see cctns help fir new for how forms work.\n"
         "\n"
         "example:\n"
         "  cctns efir new-signature 42/2026\n"},
        {"crime-details", "new", cmd_crime_details_new, "NUMBER",
         "Fill in the crime details form (IIF-II), field by field.",
         "NUMBER is the FIR number. The form of cctns crime-details record\n"
         "(place shown by, modus operandi with its heads found by words, "
         "place\n"
         "type, motive, properties, scene, evidence, victims, panchnama and "
         "its\n"
         "witnesses, weapon and vehicle used), asked in the order of the "
         "paper\n"
         "form, with a draft and a review; see cctns help fir new.\n"
         "\n"
         "example:\n"
         "  cctns crime-details new 42/2026\n"},
        {"person", "new-details", cmd_person_new_details, "ID",
         "Add details to a person, field by field.",
         "ID is the person's number (cctns person show ID). The details of\n"
         "cctns person add-details (aliases, identity documents, phones,\n"
         "addresses, descriptive roll, the officer), asked one field at a\n"
         "time with a draft and a review; see cctns help fir new.\n"
         "\n"
         "example:\n"
         "  cctns person new-details 5\n"},
        /* outbox: writes kept while the server cannot be reached */
        {NULL, "sync", cmd_sync, "",
         "Deliver the writes queued while the server was unreachable.",
         "When the server cannot be reached, a write (fir register, gd add,\n"
         "any register or form) is kept in this terminal's outbox ([outbox]\n"
         "dir in station.conf) and the terminal gives an offline receipt\n"
         "(OFF-9-118-1001-desk-1-000001); the FIR or register number is given\n"
         "by the server only when the write is delivered. sync delivers the\n"
         "outbox in the order it was queued, each write with its own\n"
         "idempotency key (a write that had in fact reached the server is not\n"
         "recorded twice), and prints each receipt with its real number. A\n"
         "write the server refuses (invalid, conflict) is set aside in\n"
         "failed/ with the server's message and the rest goes on; a record\n"
         "found torn (checksum) is set aside in damaged/ and never sent. Any\n"
         "command that reaches the server delivers the outbox first, too.\n"
         "Exit 0 when nothing is left queued, 5 when the server could not\n"
         "take everything.\n"
         "\n"
         "example:\n"
         "  cctns sync\n"
         "  OFF-9-118-1001-desk-1-000001 -> FIR 0042/2026\n"},
        {"outbox", "list", cmd_outbox_list, "[--all]",
         "List the writes waiting in this terminal's outbox.",
         "One line per record: the offline receipt, its state (queued,\n"
         "refused, damaged), the kind of write, when it was queued and its\n"
         "idempotency key.\n"
         "\n"
         "options:\n"
         "  --all   also the records already delivered\n"},
        {"outbox", "show", cmd_outbox_show, "RECEIPT [--json]",
         "What became of an offline receipt.",
         "RECEIPT is an offline receipt (OFF-9-118-1001-desk-1-000001).\n"
         "Prints the real number it was given at delivery (from\n"
         "delivered.log), or that it still waits, or the server's refusal\n"
         "(exit 4). Exit 6 when the receipt is not in the outbox.\n"
         "\n"
         "options:\n"
         "  --json   print the request of a queued or refused record as JSON\n"
         "           (the document with its key), to correct and send again\n"
         "\n"
         "example:\n"
         "  cctns outbox show OFF-9-118-1001-desk-1-000001\n"
         "  OFF-9-118-1001-desk-1-000001 -> FIR 0042/2026 (delivered ...)\n"},
        /* dossier: criminal dossier, vehicle / property / MO search, match
         * alerts */
        {"person", "dossier", cmd_person_dossier, "ID [--json] [--pdf FILE]",
         "Everything the state knows about a person.",
         "ID is the person's number (cctns person show ID). Any station of\n"
         "the state may read it. Sections: the person (as cctns person show,\n"
         "with aliases, identity documents, phones, descriptive roll and the\n"
         "photographs' details), the cases of every station naming them with\n"
         "their role and the case's status, sections and modus operandi,\n"
         "arrests, court results (with appeals), property seized from them,\n"
         "associates (persons accused, suspected or arrested in the same\n"
         "FIRs, most cases together first) and last known addresses, newest\n"
         "first.\n"
         "\n"
         "example:\n"
         "  cctns person dossier 1234\n"},
        {"vehicle", "search", cmd_vehicle_search,
         "NUMBER | --chassis X | --engine Y [--json]",
         "Search the vehicle reports of the state by a number or part of one.",
         "A whole registration number, however it is written (\"UP 32 AB\n"
         "1234\", \"up32ab1234\", \"UP-32-AB-1234\" are one number), finds\n"
         "the reports with exactly that number. Part of a number (at least 3\n"
         "letters or digits: the last 4 digits \"1234\", a series \"AB 12\")\n"
         "finds every report whose number contains it. A chassis or engine\n"
         "number finds it whole or in part. Exact matches come first, then\n"
         "the newest, at most 100. Owners are not shown: ask the reporting\n"
         "station.\n"
         "\n"
         "examples:\n"
         "  cctns vehicle search \"UP 32 AB 1234\"\n"
         "  cctns vehicle search 1234\n"
         "  cctns vehicle search --chassis MA3EWDE1S00123456\n"},
        {"property", "search", cmd_property_search,
         "--number N | --words \"W...\" [--kind K] [--register R] [--json]",
         "Search stolen, lost and seized property of the state.",
         "--number finds an identifying number (IMEI, serial, arms number:\n"
         "any word of 6 or more letters and digits with 4 or more digits in\n"
         "an item's identifiers or description), whole or its last\n"
         "characters (at least 4). --words finds items whose description\n"
         "holds all the words. --kind narrows to a kind (\"mobile\"),\n"
         "--register to stolen (FIR and crime details property), lost (lost\n"
         "property reports) or seized (seizure memos). Newest first, at most\n"
         "100.\n"
         "\n"
         "examples:\n"
         "  cctns property search --number 356938035643809\n"
         "  cctns property search --words \"gold chain\" --register stolen\n"},
        {"mo", "search", cmd_mo_search,
         "[--major M [--minor M]] [--methods \"W...\"] [--place P] "
         "[--hours FROM-TO] [--district D [--station S]] [--from DATE] "
         "[--to DATE] [--json]",
         "Who else does it this way: FIRs by modus operandi.",
         "Finds the FIRs of the state whose latest crime details have the MO\n"
         "major head (and minor head; cctns lookup mo WORDS finds heads), all\n"
         "the --methods words (in methods, special features, conveyance,\n"
         "character assumed, language), the place type, an hour of the\n"
         "occurrence within --hours (IST, \"22-4\" wraps midnight), the\n"
         "district / station and the period (--from, --to as YYYY-MM-DD),\n"
         "with the persons accused, suspected or arrested in each. Newest\n"
         "first, at most 200.\n"
         "\n"
         "example:\n"
         "  cctns mo search --major house_breaking --hours 22-4 --district "
         "118\n"},
        {"alerts", "list", cmd_alerts_list, "[--all] [--json]",
         "Match alerts for this station.",
         "The server matches every new record against the state's records\n"
         "and alerts both stations: a recovered or unclaimed vehicle against\n"
         "stolen ones (registration, chassis or engine number), seized\n"
         "property against stolen and lost property (identifying numbers),\n"
         "an unidentified body against missing persons (sex, age, height,\n"
         "marks, district, dates), an arrested person against FIRs where\n"
         "they are accused and not arrested. Lists the alerts this station\n"
         "has not acknowledged, or with --all every one, newest first.\n"
         "\n"
         "example:\n"
         "  cctns alerts list\n"},
        {"alerts", "ack", cmd_alerts_ack, "ID [--json]",
         "Acknowledge a match alert for this station.",
         "ID is the alert number cctns alerts list prints. Each of the two\n"
         "stations acknowledges for itself; acknowledging again changes\n"
         "nothing.\n"
         "\n"
         "example:\n"
         "  cctns alerts ack 12\n"},
        /* search helper: person search, duplicates, merge (issue 4) */
        {"person", "search", cmd_person_search,
         "[NAME] [--relative R] [--alias A] [--gender G] [--age N | "
         "--age-band A-B] [--district D] [--station S] [--address WORDS] "
         "[--marks WORDS] [--document NO] [--limit N] [--plain] [--json]",
         "Find persons of the whole state by name, relative, marks, ...",
         "NAME as it was heard or written: Indian names in Latin letters\n"
         "are matched however they are spelt (Shahid, Sahid, Shaheed; Vikas,\n"
         "Bikash; Chaudhary, Chowdhury), honorifics (Shri, Smt, Dr, Late)\n"
         "are dropped, Md, Mohd, Mohammed and Muhammad are one name, an\n"
         "initial matches a written-out name either way (K. Ramesh, Krishnan\n"
         "Ramesh) and a surname may be left out. \"Ramesh S/o Suresh\" (D/o,\n"
         "W/o) searches Suresh as the father's or husband's name. At least\n"
         "one of NAME, --relative, --alias, --address, --marks, --document;\n"
         "--gender (male, female, transgender), --age (about, +- 2 years) or\n"
         "--age-band FROM-TO, --district CODE and --station CODE narrow it.\n"
         "Every station searches the state's whole register. Each person\n"
         "found is printed with its number (for cctns person show), why it\n"
         "matched, and its cases (FIR, station, role), best first.\n"
         "--plain ranks by trigram similarity of the whole name instead\n"
         "(the plain approach, for comparison).\n"
         "\n"
         "examples:\n"
         "  cctns person search \"Md Sahid S/o Mohd Rafik\"\n"
         "  cctns person search \"K Ramesh\" --age 40 --district 118\n"
         "  cctns person search --marks \"mole left cheek\" --gender male\n"},
        {"person", "match", cmd_person_match,
         "ID | --name NAME [--relative R] [--gender G] [--born YEAR] "
         "[--json]",
         "Propose likely duplicates of a person.",
         "ID is a recorded person (cctns person show ID); or give --name\n"
         "(with --relative, --gender, --born) of a person about to be\n"
         "recorded, to pick an existing record instead of making a new one.\n"
         "Persons marked distinct from ID are not proposed.\n"
         "\n"
         "examples:\n"
         "  cctns person match 1234\n"
         "  cctns person match --name \"Mohd Shahid\" --relative \"Rafiq\" "
         "--born 1990\n"},
        {"person", "merge", cmd_person_merge,
         "KEEP OTHER --reason TEXT --officer-number N --officer-name NAME "
         "--officer-rank R [--json]",
         "Merge two records of one person.",
         "Every record linked to OTHER (cases, arrests, ...), its aliases,\n"
         "documents, phones, addresses, descriptive rolls and photographs\n"
         "move to KEEP; OTHER's name becomes an alias of KEEP and OTHER is\n"
         "no longer found by search. Exactly what moved is recorded under a\n"
         "merge number: cctns person unmerge undoes it. The officer is\n"
         "recorded; the check that the officer may merge comes with officer\n"
         "sign-in.\n"
         "\n"
         "example:\n"
         "  cctns person merge 1234 5678 --reason \"same father, address "
         "and photo\" --officer-number UP-1234 --officer-name \"R K "
         "Singh\" --officer-rank SI\n"},
        {"person", "unmerge", cmd_person_unmerge,
         "MERGE_ID [--reason TEXT] --officer-number N --officer-name NAME "
         "--officer-rank R [--json]",
         "Undo a merge of two persons.",
         "MERGE_ID is the number cctns person merge printed. What the merge\n"
         "moved goes back, the aliases it added are removed and the other\n"
         "person is found by search again.\n"
         "\n"
         "example:\n"
         "  cctns person unmerge 7 --officer-number UP-1234 --officer-name "
         "\"R K Singh\" --officer-rank SI\n"},
        {"person", "distinct", cmd_person_distinct,
         "A B [--reason TEXT] --officer-number N --officer-name NAME "
         "--officer-rank R [--json]",
         "Record that two persons are different people.",
         "They are never proposed as duplicates of each other again, and\n"
         "cannot be merged.\n"
         "\n"
         "example:\n"
         "  cctns person distinct 1234 5678 --reason \"different fathers\" "
         "--officer-number UP-1234 --officer-name \"R K Singh\" "
         "--officer-rank SI\n"},
        /* signin: officers sign in on top of the terminal certificate */
        {NULL, "login", cmd_login,
         "[--officer NO] [--password-file F] [--otp CODE]",
         "Sign an officer in at this terminal.",
         "Every request is made by an officer signed in on top of this\n"
         "terminal's certificate, and needs a permission of the officer's\n"
         "roles (station writer, investigating officer, SHO, ...). login asks\n"
         "for the officer number (unless --officer) and the password without\n"
         "echo (unless --password-file: its first line), and the one-time\n"
         "code when the officer has one. The session is kept in [officer]\n"
         "session_file of station.conf (mode 0600; default: the config's\n"
         "path + \".session\") and used by every command from this terminal\n"
         "until cctns logout, or until it is idle for 30 minutes (then sign\n"
         "in again). Five wrong passwords in a row lock the officer for ten\n"
         "minutes. Exit 4 when refused.\n"
         "\n"
         "example:\n"
         "  cctns login --officer UP1234\n"},
        {NULL, "logout", cmd_logout, "",
         "Sign the officer out and forget the session.",
         "Ends the session at the server and removes the session file.\n"},
        {NULL, "whoami", cmd_whoami, "[--json]",
         "Show the officer signed in at this terminal.",
         "Number, name, rank, roles and permissions of the signed-in\n"
         "officer. Exit 4 when nobody is signed in or the session locked.\n"},
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
        "  cctns final-report show 42/2026\n"
        "  cctns court show 42/2026\n"
        "  cctns fir new\n"
        "  cctns lookup section theft\n"
        "  cctns fir show 42/2026 --pdf fir-42.pdf\n"
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

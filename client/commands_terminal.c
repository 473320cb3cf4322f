/* commands_terminal.c: rows of the terminal's command table (terminal):
 * the terminal's own and the investigator's commands: the offline
 * outbox, person search and merges, dossier, vehicle/property/MO search,
 * match alerts, and officer sign-in.
 * main.c walks these tables in order for help, lookup and the overview. */
#include "cli.h"
#include "command_table.h"
#include "commands.h"
#include "util.h"

const command commands_terminal[] = {
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
const size_t commands_terminal_count = ARRAY_LEN(commands_terminal);

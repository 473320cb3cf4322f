/* commands_forms.c: rows of the terminal's command table (forms):
 * the reference lookup and the interactive forms (`new`, `new-<step>`)
 * of every write.
 * main.c walks these tables in order for help, lookup and the overview. */
#include "cli.h"
#include "command_table.h"
#include "commands.h"
#include "util.h"

const command commands_forms[] = {
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
};
const size_t commands_forms_count = ARRAY_LEN(commands_forms);

/* dispatch.c: the one table of request types. A request that is one api.*
 * call is a row with a JSON call (jsoncall.h says how parameters and the
 * answer are made; handlers_call.c runs it); a new record type is a new row.
 *
 * Status.field of a database error is relative to the request body; the
 * COLUMN the function raises is prefixed per row as follows:
 *   register_fir     "fir."  (COLUMN is a path in FirContent)
 *   register_arrest  "memo." (a path in ArrestMemo); fir_number as it is
 *   register_seizure "seizure." (a path in SeizureMemo); fir_number as it is
 *   move_property, get_seizure, list_malkhana
 *   register_missing_person, register_unnatural_death, report_vehicle
 *                    "report." (a path in the report)
 *   mark_missing_traced, identify_body
 *                    none    (the JSON is the body without key and number)
 *   add_gd_entry     none    (the JSON is the body without the key)
 *   assign_io        none    (the JSON is the body without key, fir_number)
 *   get_*            none    (no JSON: COLUMN names a text parameter)
 *   get_person, update_person, add_person_photo, get_person_photo
 *                    none    (the JSON is the body without the key)
 *   record_crime_details "details." (a path in CrimeDetails)
 *   get_crime_details none   (the JSON is {"version"}; fir_number as it is)
 *   lookup_ref       none    (the JSON is the body)
 *   file_final_report "report."; record_court_disposal "disposal.";
 *   file_appeal "appeal."; record_appeal_result "result." (fir_number as
 *   it is); get_final_report none (the body minus fir_number: report_no)
 * The key and text parameters are never prefixed. */
#include "dispatch.h"

#include <stdio.h>
#include <string.h>

#include "fircache.h"
#include "handlers.h"
#include "metrics.h"
#include "perm.h"
#include "util.h"

#define BODY(x) CCTNS__V1__ENVELOPE__BODY_##x

static const struct dispatch_row rows[] = {
        {BODY(HELLO), "hello", handle_hello, 0, NULL, PERM_NONE, NULL},
        /* registers1: petitions (the answers to assign, report and
         * dispose are the PetitionRecord after the step; COLUMN is a path in
         * Petition "petition.", PetitionEnquiryReport "report.",
         * PetitionDisposal "disposal.", AssignEnquiry without its key and
         * number (none)), NCR ("ncr."), lost property reports ("report."). */
        {BODY(REGISTER_PETITION), "register_petition", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"register_petition",
                          "SELECT receipt, replayed FROM "
                          "api.register_petition($1::int, $2::int, $3::int, "
                          "$4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = "petition",
                 .reply = BODY(PETITION_RECEIPT),
                 .replayed = 1,
         },
         "register", NULL},
        {BODY(GET_PETITION), "get_petition", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_petition",
                          "SELECT api.get_petition($1::int, $2::int, $3::int, "
                          "$4::text)",
                          4},
                 .text = {"petition_number"},
                 .reply = BODY(PETITION_RECORD),
         },
         "read_station", NULL},
        {BODY(ASSIGN_ENQUIRY), "assign_enquiry", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"assign_enquiry",
                          "SELECT result, replayed FROM api.assign_enquiry("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"petition_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PETITION_RECORD),
                 .replayed = 1,
         },
         "supervise", NULL},
        {BODY(REPORT_ENQUIRY), "report_enquiry", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"report_enquiry",
                          "SELECT result, replayed FROM api.report_enquiry("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"petition_number"},
                 .json = "report",
                 .reply = BODY(PETITION_RECORD),
                 .replayed = 1,
         },
         "investigate", NULL},
        {BODY(DISPOSE_PETITION), "dispose_petition", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"dispose_petition",
                          "SELECT result, replayed FROM api.dispose_petition("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"petition_number"},
                 .json = "disposal",
                 .reply = BODY(PETITION_RECORD),
                 .replayed = 1,
         },
         "supervise", NULL},
        {BODY(REGISTER_NCR), "register_ncr", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"register_ncr",
                          "SELECT receipt, replayed FROM api.register_ncr("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = "ncr",
                 .reply = BODY(NCR_RECEIPT),
                 .replayed = 1,
         },
         "register", NULL},
        {BODY(GET_NCR), "get_ncr", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_ncr",
                          "SELECT api.get_ncr($1::int, $2::int, $3::int, "
                          "$4::text)",
                          4},
                 .text = {"ncr_number"},
                 .reply = BODY(NCR_RECORD),
         },
         "read_station", NULL},
        {BODY(REGISTER_LOST_REPORT), "register_lost_report", handle_json_call,
         1,
         &(const struct jsoncall){
                 .stmt = {"register_lost_report",
                          "SELECT receipt, replayed FROM "
                          "api.register_lost_report($1::int, $2::int, "
                          "$3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = "report",
                 .reply = BODY(LOST_REPORT_RECEIPT),
                 .replayed = 1,
         },
         "register", NULL},
        {BODY(GET_LOST_REPORT), "get_lost_report", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_lost_report",
                          "SELECT api.get_lost_report($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"report_number"},
                 .reply = BODY(LOST_REPORT_RECORD),
         },
         "read_station", NULL},
        /* FIR: the result row is a FirReceipt (columns named after its
         * fields, gd_* included); the station and key are added here. */
        {BODY(REGISTER_FIR), "register_fir", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"register_fir",
                          "SELECT to_jsonb(r) FROM api.register_fir($1::int, "
                          "$2::int, $3::int, $4::bytea, $5::jsonb) r",
                          5},
                 .key = 1,
                 .json = "fir",
                 .reply = BODY(FIR_RECEIPT),
                 .station = "station",
                 .echo_key = 1,
                 /* reg (0058): its audit record, with the FIR number,
                  * in its own transaction */
                 .audited = {"register_fir_audited",
                             "SELECT api.audit_in_tx(to_jsonb(r), "
                             "r.fir_number, $6::text, $7::int, $8::int, "
                             "$9::int, $10::int, $11::text, $12::text, "
                             "$13::text, $14::text) FROM "
                             "api.register_fir($1::int, $2::int, $3::int, "
                             "$4::bytea, $5::jsonb) r",
                             14},
                 /* reg: registrations waiting together share a
                  * transaction, in station order ($1..$3) */
                 .group_key = 3,
         },
         "register", NULL},
        {BODY(GET_FIR), "get_fir", handle_get_fir, 1, /* fir: fircache.h */
         &(const struct jsoncall){
                 .stmt = {"get_fir",
                          "SELECT api.get_fir($1::int, $2::int, $3::int, "
                          "$4::text)",
                          4},
                 .text = {"fir_number"},
                 .reply = BODY(FIR),
                 .station = "receipt.station",
         },
         "read_station", NULL},
        /* General Diary */
        {BODY(ADD_GD_ENTRY), "add_gd_entry", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"add_gd_entry",
                          "SELECT entry, replayed FROM api.add_gd_entry("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = JSONCALL_BODY,
                 .reply = BODY(GD_ENTRY_RECEIPT),
                 .into = "entry",
                 .replayed = 1,
         },
         "register", NULL},
        {BODY(GET_GD), "get_gd", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_gd",
                          "SELECT api.get_gd($1::int, $2::int, $3::int, "
                          "$4::text)",
                          4},
                 .text = {"date"},
                 .reply = BODY(GD_DAY),
                 .station = "station",
         },
         "read_station", NULL},
        /* Case status and timeline */
        {BODY(ASSIGN_IO), "assign_io", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"assign_io",
                          "SELECT timeline, replayed FROM api.assign_io("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(CASE_TIMELINE),
                 .replayed = 1,
         },
         "supervise", NULL},
        {BODY(GET_CASE_TIMELINE), "get_case_timeline", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"case_timeline",
                          "SELECT api.case_timeline($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"fir_number"},
                 .reply = BODY(CASE_TIMELINE),
         },
         "read_station", NULL},
        /* Arrest / court surrender memo */
        {BODY(REGISTER_ARREST), "register_arrest", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"register_arrest",
                          "SELECT receipt, replayed FROM api.register_arrest("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = "memo",
                 .reply = BODY(ARREST_RECEIPT),
                 .replayed = 1,
         },
         "investigate", NULL},
        {BODY(GET_ARREST), "get_arrest", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_arrest",
                          "SELECT api.get_arrest($1::int, $2::int, $3::int, "
                          "$4::text, $5::text)",
                          5},
                 .text = {"fir_number", "accused_code"},
                 .reply = BODY(ARREST),
         },
         "read_station", NULL},
        /* Seizure memo (IIF-IV) and the malkhana (seizure helper) */
        {BODY(REGISTER_SEIZURE), "register_seizure", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"register_seizure",
                          "SELECT receipt, replayed FROM api.register_seizure("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = "seizure",
                 .reply = BODY(SEIZURE_RECEIPT),
                 .replayed = 1,
         },
         "investigate", NULL},
        {BODY(GET_SEIZURE), "get_seizure", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_seizure",
                          "SELECT api.get_seizure($1::int, $2::int, $3::int, "
                          "$4::text, $5::jsonb)",
                          5},
                 .text = {"fir_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(SEIZURE),
         },
         "read_station", NULL},
        {BODY(MOVE_PROPERTY), "move_property", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"move_property",
                          "SELECT receipt, replayed FROM api.move_property("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"malkhana_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PROPERTY_MOVEMENT_RECEIPT),
                 .replayed = 1,
         },
         "investigate", NULL},
        {BODY(GET_MALKHANA_ENTRY), "get_malkhana_entry", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_malkhana_entry",
                          "SELECT api.get_malkhana_entry($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"malkhana_number"},
                 .reply = BODY(MALKHANA_ENTRY),
         },
         "read_station", NULL},
        {BODY(LIST_MALKHANA), "list_malkhana", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"list_malkhana",
                          "SELECT api.list_malkhana($1::int, $2::int, "
                          "$3::int, $4::text, $5::jsonb)",
                          5},
                 .text = {"fir_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(MALKHANA_LIST),
         },
         "read_station", NULL},
        /* registers2: missing persons, unnatural deaths, vehicles. Writes
         * carry their record in "report" (COLUMN prefixed "report."); the
         * tracing and identification are the body itself (unprefixed). */
        {BODY(REGISTER_MISSING_PERSON), "register_missing_person",
         handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"register_missing_person",
                          "SELECT receipt, replayed FROM "
                          "api.register_missing_person($1::int, $2::int, "
                          "$3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = "report",
                 .reply = BODY(MISSING_PERSON_RECEIPT),
                 .replayed = 1,
         },
         "register", NULL},
        {BODY(MARK_MISSING_TRACED), "mark_missing_traced", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"mark_missing_traced",
                          "SELECT receipt, replayed FROM "
                          "api.mark_missing_traced($1::int, $2::int, "
                          "$3::int, $4::bytea, $5::text, $6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(MISSING_TRACED_RECEIPT),
                 .replayed = 1,
         },
         "investigate", NULL},
        {BODY(GET_MISSING_PERSON), "get_missing_person", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_missing_person",
                          "SELECT api.get_missing_person($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"number"},
                 .reply = BODY(MISSING_PERSON),
         },
         "read_station", NULL},
        {BODY(REGISTER_UNNATURAL_DEATH), "register_unnatural_death",
         handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"register_unnatural_death",
                          "SELECT receipt, replayed FROM "
                          "api.register_unnatural_death($1::int, $2::int, "
                          "$3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = "report",
                 .reply = BODY(UNNATURAL_DEATH_RECEIPT),
                 .replayed = 1,
         },
         "register", NULL},
        {BODY(IDENTIFY_BODY), "identify_body", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"identify_body",
                          "SELECT receipt, replayed FROM "
                          "api.identify_body($1::int, $2::int, $3::int, "
                          "$4::bytea, $5::text, $6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"ud_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(BODY_IDENTIFIED_RECEIPT),
                 .replayed = 1,
         },
         "investigate", NULL},
        {BODY(GET_UNNATURAL_DEATH), "get_unnatural_death", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_unnatural_death",
                          "SELECT api.get_unnatural_death($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"ud_number"},
                 .reply = BODY(UNNATURAL_DEATH),
         },
         "read_station", NULL},
        {BODY(REPORT_VEHICLE), "report_vehicle", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"report_vehicle",
                          "SELECT receipt, replayed FROM "
                          "api.report_vehicle($1::int, $2::int, $3::int, "
                          "$4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = "report",
                 .reply = BODY(VEHICLE_RECEIPT),
                 .replayed = 1,
         },
         "register", NULL},
        {BODY(FIND_VEHICLE), "find_vehicle", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"find_vehicle",
                          "SELECT api.find_vehicle($1::int, $2::int, "
                          "$3::int, $4::text, $5::text, $6::text)",
                          6},
                 .text = {"registration_number", "chassis_number",
                          "engine_number"},
                 .reply = BODY(VEHICLE_MATCHES),
         },
         "read_station", NULL},
        {BODY(GET_VEHICLE_REPORT), "get_vehicle_report", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_vehicle_report",
                          "SELECT api.get_vehicle_report($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"number"},
                 .reply = BODY(VEHICLE_RECORD),
         },
         "read_station", NULL},
        /* court: final report (IIF-V), disposal (IIF-VI), appeal (IIF-VII).
         * COLUMN is a path in the JSON field ("report.", "disposal.",
         * "appeal.", "result."); fir_number as it is. */
        {BODY(FILE_FINAL_REPORT), "file_final_report", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"file_final_report",
                          "SELECT receipt, replayed FROM api.file_final_report("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = "report",
                 .reply = BODY(FINAL_REPORT_RECEIPT),
                 .replayed = 1,
         },
         "investigate", NULL},
        {BODY(GET_FINAL_REPORT), "get_final_report", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_final_report",
                          "SELECT api.get_final_report($1::int, $2::int, "
                          "$3::int, $4::text, $5::jsonb)",
                          5},
                 .text = {"fir_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(FINAL_REPORT_RECORD),
         },
         "read_station", NULL},
        {BODY(RECORD_COURT_DISPOSAL), "record_court_disposal", handle_json_call,
         1,
         &(const struct jsoncall){
                 .stmt = {"record_court_disposal",
                          "SELECT receipt, replayed FROM "
                          "api.record_court_disposal($1::int, $2::int, "
                          "$3::int, $4::bytea, $5::text, $6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = "disposal",
                 .reply = BODY(COURT_RECEIPT),
                 .replayed = 1,
         },
         "court", NULL},
        {BODY(FILE_APPEAL), "file_appeal", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"file_appeal",
                          "SELECT receipt, replayed FROM api.file_appeal("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = "appeal",
                 .reply = BODY(COURT_RECEIPT),
                 .replayed = 1,
         },
         "court", NULL},
        {BODY(RECORD_APPEAL_RESULT), "record_appeal_result", handle_json_call,
         1,
         &(const struct jsoncall){
                 .stmt = {"record_appeal_result",
                          "SELECT receipt, replayed FROM "
                          "api.record_appeal_result($1::int, $2::int, "
                          "$3::int, $4::bytea, $5::text, $6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = "result",
                 .reply = BODY(COURT_RECEIPT),
                 .replayed = 1,
         },
         "court", NULL},
        {BODY(GET_COURT_RECORD), "get_court_record", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_court_record",
                          "SELECT api.get_court_record($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"fir_number"},
                 .reply = BODY(COURT_RECORD),
         },
         "read_station", NULL},
        /* forms: reference lookups for pick-lists (read-only, any
         * station; the JSON is the LookupRef itself) */
        {BODY(LOOKUP_REF), "lookup_ref", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"lookup_ref",
                          "SELECT api.lookup_ref($1::int, $2::int, $3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(REF_LIST),
         },
         PERM_NONE, NULL},
        /* fir: zero FIR transfer and export, e-FIR. The JSON is the body
         * without key and fir_number ({"to", "reason", "officer"},
         * {"signed_at", "officer"}): COLUMN unprefixed. */
        {BODY(TRANSFER_FIR), "transfer_fir", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"transfer_fir",
                          "SELECT receipt, replayed FROM api.transfer_fir("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(FIR_TRANSFER_RECEIPT),
                 .replayed = 1,
         },
         "supervise", NULL},
        {BODY(GET_FIR_EXPORT), "get_fir_export", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_fir_export",
                          "SELECT api.get_fir_export($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"fir_number"},
                 .reply = BODY(FIR_EXPORT),
         },
         "read_station", NULL},
        {BODY(SIGN_EFIR), "sign_efir", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"sign_efir",
                          "SELECT receipt, replayed FROM api.sign_efir("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(EFIR_SIGN_RECEIPT),
                 .replayed = 1,
         },
         "register", NULL},
        {BODY(LIST_PENDING_EFIRS), "list_pending_efirs", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"list_pending_efirs",
                          "SELECT api.list_pending_efirs($1::int, $2::int, "
                          "$3::int)",
                          3},
                 .reply = BODY(PENDING_EFIRS),
         },
         "read_station", NULL},
        /* ---------------- persons helper: persons, photos, crime details.
         * Any station of the state reads a person and adds to it; the
         * person_id (uint64) travels in the JSON body. */
        {BODY(GET_PERSON), "get_person", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_person",
                          "SELECT api.get_person($1::int, $2::int, $3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_RECORD),
         },
         "read_station", NULL},
        {BODY(UPDATE_PERSON), "update_person", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"update_person",
                          "SELECT record, replayed FROM api.update_person("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_RECORD),
                 .replayed = 1,
         },
         "investigate", NULL},
        {BODY(ADD_PERSON_PHOTO), "add_person_photo", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"add_person_photo",
                          "SELECT photo, replayed FROM api.add_person_photo("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_PHOTO),
                 .replayed = 1,
         },
         "investigate", NULL},
        {BODY(GET_PERSON_PHOTO), "get_person_photo", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_person_photo",
                          "SELECT api.get_person_photo($1::int, $2::int, "
                          "$3::int, $4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_PHOTO),
         },
         "read_station", NULL},
        {BODY(RECORD_CRIME_DETAILS), "record_crime_details", handle_json_call,
         1,
         &(const struct jsoncall){
                 .stmt = {"record_crime_details",
                          "SELECT receipt, replayed FROM "
                          "api.record_crime_details($1::int, $2::int, "
                          "$3::int, $4::bytea, $5::text, $6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = "details",
                 .reply = BODY(CRIME_DETAILS_RECEIPT),
                 .replayed = 1,
         },
         "investigate", NULL},
        {BODY(GET_CRIME_DETAILS), "get_crime_details", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_crime_details",
                          "SELECT api.get_crime_details($1::int, $2::int, "
                          "$3::int, $4::text, $5::jsonb)",
                          5},
                 .text = {"fir_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(CRIME_DETAILS_RECORD),
         },
         "read_station", NULL},
        /* dossier: criminal dossier, vehicle / property / MO search, match
         * alerts. The JSON is the request body: COLUMN unprefixed. */
        {BODY(GET_DOSSIER), "get_dossier", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_dossier",
                          "SELECT api.person_dossier($1::int, $2::int, "
                          "$3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(DOSSIER),
         },
         "read_station", NULL},
        {BODY(SEARCH_VEHICLES), "search_vehicles", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"search_vehicles",
                          "SELECT api.vehicle_search($1::int, $2::int, "
                          "$3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(VEHICLE_SEARCH_RESULT),
         },
         "read_station", NULL},
        {BODY(SEARCH_PROPERTY), "search_property", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"search_property",
                          "SELECT api.property_search($1::int, $2::int, "
                          "$3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PROPERTY_SEARCH_RESULT),
         },
         "read_station", NULL},
        {BODY(SEARCH_MO), "search_mo", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"search_mo",
                          "SELECT api.mo_search($1::int, $2::int, $3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(MO_SEARCH_RESULT),
         },
         "read_station", NULL},
        {BODY(LIST_ALERTS), "list_alerts", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"list_alerts",
                          "SELECT api.list_alerts($1::int, $2::int, $3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(ALERT_LIST),
         },
         "read_station", NULL},
        {BODY(ACK_ALERT), "ack_alert", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"ack_alert",
                          "SELECT api.ack_alert($1::int, $2::int, $3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(MATCH_ALERT),
         },
         "investigate", NULL},
        /* search helper: person search, duplicates, merge (0025) */
        {BODY(SEARCH_PERSONS), "search_persons", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"search_persons",
                          "SELECT api.search_persons($1::int, $2::int, "
                          "$3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_MATCHES),
         },
         "read_station", NULL},
        {BODY(MATCH_PERSONS), "match_persons", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"match_persons",
                          "SELECT api.match_persons($1::int, $2::int, $3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_MATCHES),
         },
         "read_station", NULL},
        {BODY(MERGE_PERSONS), "merge_persons", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"merge_persons",
                          "SELECT api.merge_persons($1::int, $2::int, $3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_MERGE_RECEIPT),
         },
         "merge_persons", NULL},
        {BODY(UNMERGE_PERSONS), "unmerge_persons", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"unmerge_persons",
                          "SELECT api.unmerge_persons($1::int, $2::int, "
                          "$3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_MERGE_RECEIPT),
         },
         "merge_persons", NULL},
        {BODY(MARK_PERSONS_DISTINCT), "mark_persons_distinct", handle_json_call,
         1,
         &(const struct jsoncall){
                 .stmt = {"mark_persons_distinct",
                          "SELECT api.mark_persons_distinct($1::int, $2::int, "
                          "$3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_MERGE_RECEIPT),
         },
         "merge_persons", NULL},
        /* signin: officers sign in on top of the station certificate */
        {BODY(SIGN_IN), "sign_in", handle_sign_in, 1, NULL, PERM_NONE, NULL},
        {BODY(SIGN_OUT), "sign_out", handle_sign_out, 1, NULL, PERM_OFFICER,
         NULL},
        {BODY(WHO_AM_I), "who_am_i", handle_who_am_i, 1, NULL, PERM_OFFICER,
         NULL},
        /* search (slice 8): found persons register. Writes carry their
         * record in "report" (COLUMN prefixed "report."); the tracing is the
         * body itself (unprefixed). */
        {BODY(REGISTER_FOUND_PERSON), "register_found_person", handle_json_call,
         1,
         &(const struct jsoncall){
                 .stmt = {"register_found_person",
                          "SELECT receipt, replayed FROM "
                          "api.register_found_person($1::int, $2::int, "
                          "$3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = "report",
                 .reply = BODY(FOUND_PERSON_RECEIPT),
                 .replayed = 1,
         },
         "register", NULL},
        {BODY(GET_FOUND_PERSON), "get_found_person", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_found_person",
                          "SELECT api.get_found_person($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"number"},
                 .reply = BODY(FOUND_PERSON),
         },
         "read_station", NULL},
        {BODY(LIST_FOUND_PERSONS), "list_found_persons", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"list_found_persons",
                          "SELECT api.list_found_persons($1::int, $2::int, "
                          "$3::int, $4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(FOUND_PERSON_LIST),
         },
         "read_station", NULL},
        {BODY(MARK_FOUND_TRACED), "mark_found_traced", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"mark_found_traced",
                          "SELECT receipt, replayed FROM "
                          "api.mark_found_traced($1::int, $2::int, $3::int, "
                          "$4::bytea, $5::text, $6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(FOUND_TRACED_RECEIPT),
                 .replayed = 1,
         },
         "investigate", NULL},
        /* sealed: the public copy of an FIR (refused for a sealed case) */
        {BODY(GET_PUBLIC_FIR_COPY), "get_public_fir_copy", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_public_fir_copy",
                          "SELECT api.get_public_fir_copy($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"fir_number"},
                 .reply = BODY(FIR),
                 .station = "receipt.station",
         },
         "read_station", NULL},
};

const struct dispatch_row *dispatch_find(Cctns__V1__Envelope__BodyCase body,
                                         size_t *index)
{
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		if (rows[i].body == body) {
			*index = i;
			return &rows[i];
		}
	}
	*index = ARRAY_LEN(rows);
	return NULL;
}

size_t dispatch_count(void)
{
	return ARRAY_LEN(rows);
}

const char *dispatch_type_name(size_t i)
{
	return i < ARRAY_LEN(rows) ? rows[i].name : "other";
}

/* ------------------------------------------------------------ self-check */

static int check_row(size_t i, char *why, size_t whysz)
{
	const struct dispatch_row *r = &rows[i];
	Envelope e = CCTNS__V1__ENVELOPE__INIT;

	e.body_case = r->body;
	if (!envelope_is_request(&e) ||
	    strcmp(envelope_body_name(&e), r->name) != 0) {
		snprintf(why, whysz, "row %s: not the request %s", r->name,
		         envelope_body_name(&e));
		return -1;
	}
	if (!r->call !=
	    (r->handler != handle_json_call && r->handler != handle_get_fir)) {
		snprintf(why, whysz, "row %s: a JSON call needs its handler",
		         r->name);
		return -1;
	}
	for (size_t j = 0; r->call && j < i; j++) {
		if (rows[j].call &&
		    strcmp(rows[j].call->stmt.name, r->call->stmt.name) == 0) {
			snprintf(why, whysz, "row %s: statement name %s taken",
			         r->name, r->call->stmt.name);
			return -1;
		}
	}
	if (r->call && jsoncall_check(r->call, r->body, why, whysz) != 0)
		return -1;
	/* signin: every row states its permission, a known one. */
	if (!r->permission || (strcmp(r->permission, PERM_NONE) != 0 &&
	                       strcmp(r->permission, PERM_OFFICER) != 0 &&
	                       perm_bit(r->permission) < 0)) {
		snprintf(why, whysz,
		         "row %s: permission %s is not a ref.permission code",
		         r->name, r->permission ? r->permission : "(none)");
		return -1;
	}
	return 0;
}

/* Every request case of the Envelope's oneof has a row. */
static int check_coverage(char *why, size_t whysz)
{
	const ProtobufCMessageDescriptor *d = &cctns__v1__envelope__descriptor;
	size_t index;

	for (unsigned i = 0; i < d->n_fields; i++) {
		Envelope e = CCTNS__V1__ENVELOPE__INIT;

		if (!(d->fields[i].flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
			continue;
		e.body_case = (Cctns__V1__Envelope__BodyCase)d->fields[i].id;
		if (envelope_is_request(&e) &&
		    !dispatch_find(e.body_case, &index)) {
			snprintf(why, whysz, "request %s has no row",
			         d->fields[i].name);
			return -1;
		}
	}
	return 0;
}

int dispatch_check(char *why, size_t whysz)
{
	if (ARRAY_LEN(rows) + 1 > METRICS_TYPES_MAX) {
		snprintf(why, whysz, "%zu rows: raise METRICS_TYPES_MAX",
		         ARRAY_LEN(rows));
		return -1;
	}
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		if (check_row(i, why, whysz) != 0)
			return -1;
	}
	return check_coverage(why, whysz);
}

/* form_kinds.h: the writes of the registers and of a case's later papers
 * that have an interactive form ("cctns <noun> new", "cctns <noun>
 * new-<step> NUMBER", form_cmd.h), as the submit_kinds their cmd_*.c
 * define: one kind serves both the JSON command and the form. Declared
 * here so that client/tests/test_form_records.c can fill every one of
 * them and check the request it makes as the server will. */
#ifndef CCTNS_CLIENT_FORM_KINDS_H
#define CCTNS_CLIENT_FORM_KINDS_H

#include "submit.h"

/* cmd_petition.c: petition register / assign / report / dispose */
extern const submit_kind petition_register_kind;
extern const submit_kind petition_assign_kind;
extern const submit_kind petition_report_kind;
extern const submit_kind petition_dispose_kind;
/* cmd_ncr.c, cmd_lost.c */
extern const submit_kind ncr_register_kind;
extern const submit_kind lost_register_kind;
/* cmd_seizure.c, cmd_malkhana.c */
extern const submit_kind seizure_register_kind;
extern const submit_kind malkhana_move_kind;
/* cmd_final_report.c, cmd_court.c */
extern const submit_kind final_report_file_kind;
extern const submit_kind court_disposal_kind;
extern const submit_kind court_appeal_kind;
extern const submit_kind court_appeal_result_kind;
/* cmd_missing.c, cmd_ud.c, cmd_vehicle.c */
extern const submit_kind missing_register_kind;
extern const submit_kind missing_traced_kind;
extern const submit_kind ud_register_kind;
extern const submit_kind ud_identify_kind;
extern const submit_kind vehicle_report_kind;
/* cmd_case.c: case assign-io */
extern const submit_kind case_assign_io_kind;
/* cmd_fir_transfer.c, cmd_efir.c: fir transfer, efir sign */
extern const submit_kind fir_transfer_kind;
extern const submit_kind efir_sign_kind;
/* cmd_crime_details.c, cmd_person.c: crime-details record, person
 * add-details */
extern const submit_kind crime_details_record_kind;
extern const submit_kind person_update_kind;

/* cmd_found.c (search, slice 8): found persons register */
extern const submit_kind found_register_kind;

#endif

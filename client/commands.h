/* commands.h: the handlers behind the rows of the command table in
 * main.c. Each returns the process exit code. */
#ifndef CCTNS_CLIENT_COMMANDS_H
#define CCTNS_CLIENT_COMMANDS_H

#include "cli.h"

int cmd_hello(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_version(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_fir_register(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_fir_show(const command *self, cli_ctx *ctx, int argc, char **argv);
/* sealed: cctns fir public-copy */
int cmd_fir_public_copy(const command *self, cli_ctx *ctx, int argc,
                        char **argv);
int cmd_gd_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_gd_add(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_case_timeline(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_case_assign_io(const command *self, cli_ctx *ctx, int argc,
                       char **argv);
int cmd_arrest_register(const command *self, cli_ctx *ctx, int argc,
                        char **argv);
int cmd_arrest_show(const command *self, cli_ctx *ctx, int argc, char **argv);
/* seizure memo (IIF-IV) and the malkhana */
int cmd_seizure_register(const command *self, cli_ctx *ctx, int argc,
                         char **argv);
int cmd_seizure_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_malkhana_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_malkhana_list(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_malkhana_move(const command *self, cli_ctx *ctx, int argc, char **argv);
/* registers2: missing persons, unnatural deaths (UD), vehicles */
int cmd_missing_register(const command *self, cli_ctx *ctx, int argc,
                         char **argv);
int cmd_missing_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_missing_traced(const command *self, cli_ctx *ctx, int argc,
                       char **argv);
int cmd_ud_register(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_ud_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_ud_identify(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_vehicle_report(const command *self, cli_ctx *ctx, int argc,
                       char **argv);
int cmd_vehicle_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_vehicle_find(const command *self, cli_ctx *ctx, int argc, char **argv);
/* registers1: petitions, NCR, lost property */
int cmd_petition_register(const command *self, cli_ctx *ctx, int argc,
                          char **argv);
int cmd_petition_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_petition_assign(const command *self, cli_ctx *ctx, int argc,
                        char **argv);
int cmd_petition_report(const command *self, cli_ctx *ctx, int argc,
                        char **argv);
int cmd_petition_dispose(const command *self, cli_ctx *ctx, int argc,
                         char **argv);
int cmd_ncr_register(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_ncr_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_lost_register(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_lost_show(const command *self, cli_ctx *ctx, int argc, char **argv);
/* court family: final report (IIF-V), disposal (IIF-VI), appeal (IIF-VII) */
int cmd_final_report_file(const command *self, cli_ctx *ctx, int argc,
                          char **argv);
int cmd_final_report_show(const command *self, cli_ctx *ctx, int argc,
                          char **argv);
int cmd_court_disposal(const command *self, cli_ctx *ctx, int argc,
                       char **argv);
int cmd_court_appeal(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_court_appeal_result(const command *self, cli_ctx *ctx, int argc,
                            char **argv);
int cmd_court_show(const command *self, cli_ctx *ctx, int argc, char **argv);

/* forms: interactive entry and reference lookups */
int cmd_fir_new(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_gd_new(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_arrest_new(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_lookup(const command *self, cli_ctx *ctx, int argc, char **argv);
/* fir: zero FIR transfer and export, e-FIR */
int cmd_fir_transfer(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_fir_export(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_efir_pending(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_efir_sign(const command *self, cli_ctx *ctx, int argc, char **argv);
/* persons helper: persons, photos, crime details (IIF-II) */
int cmd_person_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_person_add_details(const command *self, cli_ctx *ctx, int argc,
                           char **argv);
int cmd_person_photo(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_crime_details_record(const command *self, cli_ctx *ctx, int argc,
                             char **argv);
int cmd_crime_details_show(const command *self, cli_ctx *ctx, int argc,
                           char **argv);

/* forms2: the form of every other write: NOUN new for a new record, NOUN
 * new-STEP NUMBER for a later step of one */
int cmd_petition_new(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_petition_new_assignment(const command *self, cli_ctx *ctx, int argc,
                                char **argv);
int cmd_petition_new_report(const command *self, cli_ctx *ctx, int argc,
                            char **argv);
int cmd_petition_new_disposal(const command *self, cli_ctx *ctx, int argc,
                              char **argv);
int cmd_ncr_new(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_lost_new(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_seizure_new(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_malkhana_new_movement(const command *self, cli_ctx *ctx, int argc,
                              char **argv);
int cmd_final_report_new(const command *self, cli_ctx *ctx, int argc,
                         char **argv);
int cmd_court_new_disposal(const command *self, cli_ctx *ctx, int argc,
                           char **argv);
int cmd_court_new_appeal(const command *self, cli_ctx *ctx, int argc,
                         char **argv);
int cmd_court_new_appeal_result(const command *self, cli_ctx *ctx, int argc,
                                char **argv);
int cmd_missing_new(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_missing_new_tracing(const command *self, cli_ctx *ctx, int argc,
                            char **argv);
int cmd_ud_new(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_ud_new_identification(const command *self, cli_ctx *ctx, int argc,
                              char **argv);
int cmd_vehicle_new(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_case_new_assignment(const command *self, cli_ctx *ctx, int argc,
                            char **argv);

/* forms of the FIR's transfer and e-FIR signature, crime details, a
 * person's details */
int cmd_fir_new_transfer(const command *self, cli_ctx *ctx, int argc,
                         char **argv);
int cmd_efir_new_signature(const command *self, cli_ctx *ctx, int argc,
                           char **argv);
int cmd_crime_details_new(const command *self, cli_ctx *ctx, int argc,
                          char **argv);
int cmd_person_new_details(const command *self, cli_ctx *ctx, int argc,
                           char **argv);

/* outbox: cctns sync, outbox list, outbox show */
int cmd_sync(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_outbox_list(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_outbox_show(const command *self, cli_ctx *ctx, int argc, char **argv);
/* dossier: criminal dossier, vehicle / property / MO search, match alerts */
int cmd_person_dossier(const command *self, cli_ctx *ctx, int argc,
                       char **argv);
int cmd_vehicle_search(const command *self, cli_ctx *ctx, int argc,
                       char **argv);
int cmd_property_search(const command *self, cli_ctx *ctx, int argc,
                        char **argv);
int cmd_mo_search(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_alerts_list(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_alerts_ack(const command *self, cli_ctx *ctx, int argc, char **argv);
/* search helper: person search, duplicates, merge (issue 4) */
int cmd_person_search(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_person_match(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_person_merge(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_person_unmerge(const command *self, cli_ctx *ctx, int argc,
                       char **argv);
int cmd_person_distinct(const command *self, cli_ctx *ctx, int argc,
                        char **argv);

/* signin */
int cmd_login(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_logout(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_whoami(const command *self, cli_ctx *ctx, int argc, char **argv);

/* search (slice 8): the found persons register */
int cmd_found_register(const command *self, cli_ctx *ctx, int argc,
                       char **argv);
int cmd_found_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_found_list(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_found_traced(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_found_new(const command *self, cli_ctx *ctx, int argc, char **argv);

#endif

/* commands.h: the handlers behind the rows of the command table in
 * main.c. Each returns the process exit code. */
#ifndef CCTNS_CLIENT_COMMANDS_H
#define CCTNS_CLIENT_COMMANDS_H

#include "cli.h"

int cmd_hello(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_version(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_fir_register(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_fir_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_gd_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_gd_add(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_case_timeline(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_case_assign_io(const command *self, cli_ctx *ctx, int argc,
                       char **argv);
int cmd_arrest_register(const command *self, cli_ctx *ctx, int argc,
                        char **argv);
int cmd_arrest_show(const command *self, cli_ctx *ctx, int argc, char **argv);
/* persons helper: persons, photos, crime details (IIF-II) */
int cmd_person_show(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_person_add_details(const command *self, cli_ctx *ctx, int argc,
                           char **argv);
int cmd_person_photo(const command *self, cli_ctx *ctx, int argc, char **argv);
int cmd_crime_details_record(const command *self, cli_ctx *ctx, int argc,
                             char **argv);
int cmd_crime_details_show(const command *self, cli_ctx *ctx, int argc,
                           char **argv);

#endif

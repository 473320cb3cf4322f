/* command_table.h: the terminal's command table, in three files by job
 * (commands_records.c, commands_forms.c, commands_terminal.c). main.c walks
 * them in this order for help, lookup and the overview. */
#ifndef CCTNS_CLIENT_COMMAND_TABLE_H
#define CCTNS_CLIENT_COMMAND_TABLE_H

#include <stddef.h>

#include "cli.h"

extern const command commands_records[];
extern const size_t commands_records_count;
extern const command commands_forms[];
extern const size_t commands_forms_count;
extern const command commands_terminal[];
extern const size_t commands_terminal_count;

#endif

/* form_cmd.h: "cctns <noun> new": fill the document of a write command
 * interactively (form.h) and send it on the write path every command takes
 * (submit.h). Any submit_kind gets its "new" command from one row in
 * main.c and a function of one line:
 *
 *   int cmd_fir_new(const command *self, cli_ctx *ctx, int argc, char **argv)
 *   {
 *   	return form_run(&fir_kind, self, ctx, argc, argv);
 *   }
 *
 * The command takes NUMBER when the kind does (fir_number_arg), checked by
 * the kind's check_number (else as an FIR number) and named to the person
 * by its number_noun ("New enquiry report for petition 1/2026"). A new
 * record's form is "<noun> new"; a later step of a record that exists is
 * "<noun> new-<step> NUMBER", step naming the paper it makes (petition
 * new-report, court new-appeal). Drafts live
 * in $CCTNS_DRAFT_DIR, else $XDG_STATE_HOME/cctns/drafts, else
 * ~/.local/state/cctns/drafts, one per form: fir-new.json,
 * arrest-new-0042-2026.json. */
#ifndef CCTNS_CLIENT_FORM_CMD_H
#define CCTNS_CLIENT_FORM_CMD_H

#include "cli.h"
#include "submit.h"

/* The whole command. Returns the exit code: 0 submitted (or the draft
 * kept or discarded by choice), 3 when the input ended first (the draft is
 * kept), else the last failed submission's code. */
int form_run(const submit_kind *kind, const command *self, cli_ctx *ctx,
             int argc, char **argv);

#endif

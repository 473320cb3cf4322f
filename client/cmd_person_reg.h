/* cmd_person_reg.h: what the two registers of persons (cmd_missing.c:
 * missing persons; cmd_found.c: found persons) share beyond cmd_r2.h: the
 * request of "traced NUMBER FILE.json|-" (the document with its key and
 * number), that command, and "show NUMBER [--json]". Each register keeps
 * only its messages and printouts. */
#ifndef CCTNS_CLIENT_CMD_PERSON_REG_H
#define CCTNS_CLIENT_CMD_PERSON_REG_H

#include "cli.h"
#include "reply.h"
#include "submit.h"

/* The fields a traced document may not carry: the command fills them. */
extern const char *const person_reg_traced_own[];

/* submit_kind.wrap of a traced command: a shallow copy of the document (a
 * Mark*Traced request without its key and number) with the key and NUMBER
 * set, as the Envelope body of the document's own message type. */
void *person_reg_wrap_traced(const submit_call *c, Envelope *env);

/* NUMBER of a report of noun, checked in a copy (nothing taken off): 0, or
 * 2 after saying how to write it. */
int person_reg_number(const char *arg, const char *noun)
        __attribute__((warn_unused_result));

/* "traced NUMBER FILE.json|-": NUMBER checked before the document is read,
 * then the write of kind (kind->number_noun names the report). */
int person_reg_traced(const submit_kind *kind, const command *self,
                      cli_ctx *ctx, int argc, char **argv);

/* One register's "show NUMBER [--json]". */
typedef struct person_reg_show {
	const char *noun;                      /* "missing person report" */
	const ProtobufCMessageDescriptor *get; /* the request: one `number` */
	Cctns__V1__Envelope__BodyCase answer;  /* the report's body case */
	const char *answer_noun;               /* "a missing person report" */
	void (*print)(FILE *out, const ProtobufCMessage *m,
	              const char *key_hex);
} person_reg_show;

int person_reg_show_run(const person_reg_show *s, const command *self,
                        cli_ctx *ctx, int argc, char **argv);

#endif

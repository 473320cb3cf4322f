/* cmd_person_reg.c: the commands the missing persons and found persons
 * registers share (see cmd_person_reg.h). The requests are built from
 * their descriptors: a register names its messages, not code. */
#include "cmd_person_reg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_r2.h"
#include "util.h"

const char *const person_reg_traced_own[] = {"idempotency_key", "number", NULL};

/* Put m (a request of type m->descriptor) into env as its body: the
 * Envelope's field of that message type. */
static void envelope_put(Envelope *env, ProtobufCMessage *m)
{
	const ProtobufCMessageDescriptor *e = &cctns__v1__envelope__descriptor;

	for (unsigned i = 0; i < e->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &e->fields[i];

		if (f->type != PROTOBUF_C_TYPE_MESSAGE ||
		    f->descriptor != m->descriptor)
			continue;
		env->body_case = (Cctns__V1__Envelope__BodyCase)f->id;
		*(ProtobufCMessage **)((char *)env + f->offset) = m;
		return;
	}
	abort(); /* a register names a message that is no request */
}

/* Where field name of m is (it must exist). */
static void *field_at(ProtobufCMessage *m, const char *name)
{
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field_by_name(m->descriptor,
	                                                        name);

	if (!f)
		abort();
	return (char *)m + f->offset;
}

void *person_reg_wrap_traced(const submit_call *c, Envelope *env)
{
	size_t size = c->doc->descriptor->sizeof_message;
	ProtobufCMessage *r = xmalloc(size);

	memcpy(r, c->doc, size);
	*(ProtobufCBinaryData *)field_at(r, "idempotency_key") = c->key;
	*(char **)field_at(r, "number") = (char *)c->fir_number;
	envelope_put(env, r);
	return r;
}

int person_reg_number(const char *arg, const char *noun)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%s", arg);
	return r2_number_arg(buf, NULL, noun);
}

int person_reg_traced(const submit_kind *kind, const command *self,
                      cli_ctx *ctx, int argc, char **argv)
{
	char *number = r2_first_arg(argc, argv);

	if (number && r2_number_arg(number, NULL, kind->number_noun) != 0)
		return 2;
	return submit_run(kind, self, ctx, argc, argv);
}

int person_reg_show_run(const person_reg_show *s, const command *self,
                        cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[128];
	ProtobufCMessage *get = xmalloc(s->get->sizeof_message);
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer = s->answer,
	                         .noun = s->answer_noun,
	                         .print = s->print,
	                         .not_found = not_found};

	protobuf_c_message_init(s->get, get);
	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		goto out;
	rc = 2;
	if (r2_number_arg(pos[0], NULL, s->noun) != 0)
		goto out;
	snprintf(not_found, sizeof(not_found), "no %s %s at this station",
	         s->noun, pos[0]);
	*(char **)field_at(get, "number") = pos[0];
	envelope_put(&env, get);
	rc = reply_call(ctx, &env, &spec, json, NULL);
out:
	free(get);
	return rc;
}

/* cmd_fir_register.c: cctns fir register FILE.json|- : a FirContent
 * document sent as RegisterFir on the path every write takes (submit.c);
 * cctns fir new: the same document filled in field by field (form_cmd.h). */
#include "commands.h"
#include "form_cmd.h"
#include "print_fir.h"
#include "submit.h"
#include "util.h"

static void *wrap_fir(const submit_call *c, Envelope *env)
{
	Cctns__V1__RegisterFir *r = xmalloc(sizeof(*r));

	cctns__v1__register_fir__init(r);
	r->idempotency_key = c->key;
	r->fir = (Cctns__V1__FirContent *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR;
	env->register_fir = r;
	return r;
}

static void print_fir_receipt(FILE *out, const ProtobufCMessage *m,
                              const char *key_hex)
{
	print_receipt(out, (const Cctns__V1__FirReceipt *)m, key_hex);
}

/* forms: the FIR as it will print, before it has a number. */
static void preview_fir(FILE *out, const ProtobufCMessage *content)
{
	Cctns__V1__Fir fir = CCTNS__V1__FIR__INIT;

	fir.content = (Cctns__V1__FirContent *)content;
	print_fir(out, &fir);
}

static const char *const fir_strip[] = {"register_fir.", "fir.", NULL};

static const submit_kind fir_kind = {
        .noun = "FIR",
        .doc = &cctns__v1__fir_content__descriptor,
        .wrap = wrap_fir,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_FIR_RECEIPT,
                  .noun = "a receipt",
                  .print = print_fir_receipt,
                  .strip = fir_strip},
        .preview = preview_fir,
};

int cmd_fir_register(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&fir_kind, self, ctx, argc, argv);
}

int cmd_fir_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&fir_kind, self, ctx, argc, argv);
}

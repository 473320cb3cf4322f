/* tlsprov.c: the library context of the server's TLS contexts and its one
 * provider, the default provider with fewer decoders and key managers
 * listed (see tlsprov.h). The provider's context is the default
 * provider's own, so its implementations run exactly as they do there. */
#include "tlsprov.h"

#include <string.h>

#include <openssl/core_dispatch.h>
#include <openssl/err.h>
#include <openssl/provider.h>

#define TLSPROV_NAME "cctns-tls"
#define TLSPROV_MAX  16 /* entries kept of one operation */

static OSSL_PROVIDER *deflt; /* the default provider, default context */

/* What is kept: decoders by name and property definition, key managers by
 * the first of their names. */
static int keep_decoder(const OSSL_ALGORITHM *a)
{
	const char *pd = a->property_definition ? a->property_definition : "";

	/* EC, and DER: the SubjectPublicKeyInfo step before a key type's */
	return (strcmp(a->algorithm_names, "EC") == 0 ||
	        strcmp(a->algorithm_names, "DER") == 0) &&
	       strstr(pd, "input=der") &&
	       strstr(pd, "structure=SubjectPublicKeyInfo");
}

static int keep_keymgmt(const OSSL_ALGORITHM *a)
{
	static const char *const names[] = {"EC:", "X25519:"};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strncmp(a->algorithm_names, names[i], strlen(names[i])) ==
		    0)
			return 1;
	return 0;
}

/* The AEADs of the three TLS 1.3 suites we allow (tls.c): fewer methods in
 * the context's store, which OpenSSL 3.0 walks whole at every certificate
 * decode (EVP_KEYMGMT_do_all_provided). */
static int keep_cipher(const OSSL_ALGORITHM *a)
{
	static const char *const names[] = {
	        "AES-128-GCM:", "AES-256-GCM:", "ChaCha20-Poly1305"};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strncmp(a->algorithm_names, names[i], strlen(names[i])) ==
		    0)
			return 1;
	return 0;
}

struct kept {
	int done;
	OSSL_ALGORITHM list[TLSPROV_MAX + 1]; /* ends with a zeroed entry */
};

/* The entries of all that keep() keeps, listed once. */
static const OSSL_ALGORITHM *kept_of(struct kept *k, const OSSL_ALGORITHM *all,
                                     int (*keep)(const OSSL_ALGORITHM *))
{
	int n = 0;

	if (k->done)
		return k->list;
	for (; all && all->algorithm_names && n < TLSPROV_MAX; all++)
		if (keep(all))
			k->list[n++] = *all;
	memset(&k->list[n], 0, sizeof(k->list[n]));
	k->done = 1;
	return k->list;
}

static const OSSL_ALGORITHM *tlsprov_query(void *provctx, int op, int *no_cache)
{
	static struct kept decoders, keymgmts, ciphers;
	const OSSL_ALGORITHM *all;
	int nc = 0;

	(void)provctx;
	all = OSSL_PROVIDER_query_operation(deflt, op, &nc);
	*no_cache = nc;
	if (!all || nc)
		return all;
	if (op == OSSL_OP_DECODER)
		return kept_of(&decoders, all, keep_decoder);
	if (op == OSSL_OP_KEYMGMT)
		return kept_of(&keymgmts, all, keep_keymgmt);
	if (op == OSSL_OP_CIPHER)
		return kept_of(&ciphers, all, keep_cipher);
	return all;
}

static void tlsprov_unquery(void *provctx, int op, const OSSL_ALGORITHM *a)
{
	(void)provctx, (void)op, (void)a; /* the lists are static */
}

/* The TLS group list libssl reads (TLS-GROUP) is the default provider's. */
static int tlsprov_capabilities(void *provctx, const char *capability,
                                OSSL_CALLBACK *cb, void *arg)
{
	(void)provctx;
	return OSSL_PROVIDER_get_capabilities(deflt, capability, cb, arg);
}

static void tlsprov_teardown(void *provctx)
{
	(void)provctx; /* the default provider's context is not ours */
}

typedef void (*tlsprov_fn)(void);

static const OSSL_DISPATCH tlsprov_dispatch[] = {
        {OSSL_FUNC_PROVIDER_QUERY_OPERATION, (tlsprov_fn)tlsprov_query},
        {OSSL_FUNC_PROVIDER_UNQUERY_OPERATION, (tlsprov_fn)tlsprov_unquery},
        {OSSL_FUNC_PROVIDER_GET_CAPABILITIES, (tlsprov_fn)tlsprov_capabilities},
        {OSSL_FUNC_PROVIDER_TEARDOWN, (tlsprov_fn)tlsprov_teardown},
        {0, NULL},
};

static int tlsprov_init(const OSSL_CORE_HANDLE *handle, const OSSL_DISPATCH *in,
                        const OSSL_DISPATCH **out, void **provctx)
{
	(void)handle, (void)in;
	*provctx = OSSL_PROVIDER_get0_provider_ctx(deflt);
	if (!*provctx)
		return 0;
	*out = tlsprov_dispatch;
	return 1;
}

OSSL_LIB_CTX *tlsprov_libctx(void)
{
	static OSSL_LIB_CTX *lib;
	static int failed;
	OSSL_LIB_CTX *l;

	if (lib || failed)
		return lib;
	failed = 1;
	if (!deflt)
		deflt = OSSL_PROVIDER_load(NULL, "default");
	l = deflt ? OSSL_LIB_CTX_new() : NULL;
	if (!l)
		goto fail;
	if (!OSSL_PROVIDER_add_builtin(l, TLSPROV_NAME, tlsprov_init) ||
	    !OSSL_PROVIDER_load(l, TLSPROV_NAME)) {
		OSSL_LIB_CTX_free(l);
		goto fail;
	}
	lib = l;
	failed = 0;
	return lib;
fail:
	ERR_clear_error();
	return NULL;
}

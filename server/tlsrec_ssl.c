/* tlsrec_ssl.c: handing a connection over from OpenSSL to our record layer
 * once the handshake is done (tlsrec, issue 7). The application traffic
 * secrets come from the keylog callback, matched to the SSL by ex_data; the
 * text line OpenSSL passes is neither logged nor kept (OpenSSL wipes it),
 * only the two secrets are decoded into the handshake's own struct, which is
 * wiped once the keys are derived. */
#include "tlsrec.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "util.h"

static int secrets_index = -1;

/* The secret of a line "LABEL <client random hex> <secret hex>" into out.
 * Returns its length, or 0 when the line is not well formed. */
static uint8_t parse_secret(const char *hex, uint8_t *out)
{
	size_t len = strlen(hex);

	if (len == 0 || len % 2 || len / 2 > TLSREC_SECRET_MAX ||
	    hex_decode(hex, out, len / 2) != 0)
		return 0;
	return (uint8_t)(len / 2);
}

static void keylog_cb(const SSL *ssl, const char *line)
{
	static const char cts[] = "CLIENT_TRAFFIC_SECRET_0 ",
	                  sts[] = "SERVER_TRAFFIC_SECRET_0 ";
	struct tlsrec_secrets *sec =
	        secrets_index < 0 ? NULL : SSL_get_ex_data(ssl, secrets_index);
	const char *rest;
	int client;

	if (!sec)
		return;
	if (!strncmp(line, cts, sizeof(cts) - 1))
		client = 1;
	else if (!strncmp(line, sts, sizeof(sts) - 1))
		client = 0;
	else
		return;
	rest = strchr(line + sizeof(cts) - 1, ' '); /* after the random */
	if (!rest)
		return;
	if (client)
		sec->client_len = parse_secret(rest + 1, sec->client);
	else
		sec->server_len = parse_secret(rest + 1, sec->server);
}

int tlsrec_ctx_prepare(SSL_CTX *ctx)
{
	if (secrets_index < 0)
		secrets_index = SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);
	if (secrets_index < 0)
		return -1;
	SSL_CTX_set_keylog_callback(ctx, keylog_cb);
	return 0;
}

int tlsrec_ssl_attach(SSL *ssl, struct tlsrec_secrets *sec)
{
	if (secrets_index < 0)
		return -1;
	return SSL_set_ex_data(ssl, secrets_index, sec) == 1 ? 0 : -1;
}

/* Why OpenSSL's state cannot be taken over, or NULL. */
static const char *take_over_refusal(SSL *ssl)
{
	BIO *rbio = SSL_get_rbio(ssl);

	if (!SSL_is_init_finished(ssl) || SSL_is_server(ssl) != 1)
		return "handshake_not_done";
	if (SSL_version(ssl) != TLS1_3_VERSION)
		return "not_tls13";
	/* write sequence 0: the server sent nothing after its Finished */
	if (SSL_get_num_tickets(ssl) != 0 ||
	    SSL_get_key_update_type(ssl) != SSL_KEY_UPDATE_NONE)
		return "server_sent_after_handshake";
	/* read sequence 0: OpenSSL read nothing after the client Finished */
	if (SSL_get_read_ahead(ssl) || SSL_has_pending(ssl) ||
	    SSL_pending(ssl) || (rbio && BIO_ctrl_pending(rbio)))
		return "openssl_buffered_records";
	return NULL;
}

int tlsrec_take_over(struct tlsrec_engine *e, struct tlsrec *r, SSL *ssl,
                     struct tlsrec_secrets *sec, const char **why)
{
	const SSL_CIPHER *c = SSL_get_current_cipher(ssl);
	int suite = c ? tlsrec_suite_of(SSL_CIPHER_get_protocol_id(c))
	              : TLSREC_NONE;
	int rc = -1;

	memset(r, 0, sizeof(*r));
	if (secrets_index >= 0)
		(void)SSL_set_ex_data(ssl, secrets_index, NULL);
	if ((*why = take_over_refusal(ssl)))
		goto out;
	*why = "cipher_suite";
	if (suite == TLSREC_NONE)
		goto out;
	*why = "traffic_secrets";
	if (!sec->client_len || sec->client_len != sec->server_len)
		goto out;
	if (tlsrec_init(e, r, suite, sec->client, sec->server,
	                sec->client_len) != 0)
		goto out;
	*why = NULL;
	rc = 0;
out:
	OPENSSL_cleanse(sec, sizeof(*sec));
	ERR_clear_error();
	return rc;
}

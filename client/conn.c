/* conn.c: the terminal's TLS link to cctns-server (see conn.h). Layers, in
 * order: address and TCP connect with a deadline; the TLS context from
 * station.conf; the handshake; frames over TLS; Hello/HelloAck; requests.
 * Failures are turned into term_error values here and nowhere printed. */
#include "conn.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "frame.h"
#include "util.h"

#define READ_CHUNK                 16384u
#define ALERT_NONE                 (-1)
#define ALERT_CERTIFICATE_REQUIRED 116 /* TLS 1.3, RFC 8446 */
#define ALERT_WAIT_MS              200 /* for an alert after a failed write */

/* Where a link failed, for the words of the message. */
typedef enum io_phase {
	PHASE_HANDSHAKE, /* TLS handshake: server certificate checks */
	PHASE_HELLO,     /* Hello sent, HelloAck awaited */
	PHASE_REQUEST,   /* trusted link, a request outstanding */
} io_phase;

struct term_conn {
	const term_config *cfg;
	SSL_CTX *ctx;
	SSL *ssl;
	int fd;
	int broken;     /* no more I/O, no close_notify */
	int alert;      /* last alert read from the server, ALERT_NONE */
	int ssl_error;  /* SSL_get_error of the last failed call */
	int sys_errno;  /* errno right after it */
	int ssl_reason; /* ERR reason of the last failed call */
	const char *ssl_reason_text; /* its text (static), never NULL */
	uint32_t max_frame;
	uint64_t next_id;
	uint8_t *rbuf; /* received, not yet decoded bytes */
	size_t rlen, rcap;
	Envelope *ack; /* the HelloAck envelope */
};

/* ------------------------------------------------------------ errors */

static const struct status_row {
	Cctns__V1__StatusCode code;
	term_kind kind;
	const char *text; /* when the server gave no message */
} status_rows[] = {
        {CCTNS__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT, TERM_ERR_INPUT,
         "the server found a field invalid"},
        {CCTNS__V1__STATUS_CODE__STATUS_CODE_UNAUTHENTICATED, TERM_ERR_REFUSED,
         "the server does not accept this terminal's identity"},
        {CCTNS__V1__STATUS_CODE__STATUS_CODE_PERMISSION_DENIED,
         TERM_ERR_REFUSED, "this terminal may not do that"},
        {CCTNS__V1__STATUS_CODE__STATUS_CODE_NOT_FOUND, TERM_ERR_NOT_FOUND,
         "not found"},
        {CCTNS__V1__STATUS_CODE__STATUS_CODE_CONFLICT, TERM_ERR_REFUSED,
         "conflict with an earlier request"},
        {CCTNS__V1__STATUS_CODE__STATUS_CODE_UNAVAILABLE, TERM_ERR_UNREACHABLE,
         "the server is unavailable; nothing was written, try again later"},
        {CCTNS__V1__STATUS_CODE__STATUS_CODE_INTERNAL, TERM_ERR_INTERNAL,
         "internal error at the server"},
        {CCTNS__V1__STATUS_CODE__STATUS_CODE_RESOURCE_EXHAUSTED,
         TERM_ERR_UNREACHABLE, "the server is at a limit; try again later"},
        {CCTNS__V1__STATUS_CODE__STATUS_CODE_FAILED_PRECONDITION,
         TERM_ERR_INTERNAL, "the server refused the request at this point"},
};

static const int exit_codes[] = {
        [TERM_OK] = 0,
        [TERM_ERR_USAGE] = 2,
        [TERM_ERR_INPUT] = 3,
        [TERM_ERR_REFUSED] = 4,
        [TERM_ERR_UNREACHABLE] = 5,
        [TERM_ERR_NOT_FOUND] = 6,
        [TERM_ERR_INTERNAL] = 1,
};

int term_exit_code(term_kind kind)
{
	if ((size_t)kind >= ARRAY_LEN(exit_codes))
		return 1;
	return exit_codes[kind];
}

static void term_vfail(term_error *err, term_kind kind, const char *fmt,
                       va_list ap) __attribute__((format(printf, 3, 0)));

static void term_vfail(term_error *err, term_kind kind, const char *fmt,
                       va_list ap)
{
	err->kind = kind;
	err->lost = 0;
	err->field[0] = '\0';
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
}

int term_fail(term_error *err, term_kind kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	term_vfail(err, kind, fmt, ap);
	va_end(ap);
	return -1;
}

void term_error_from_status(const Cctns__V1__Status *st, term_error *err)
{
	const struct status_row *row = NULL;

	for (size_t i = 0; i < ARRAY_LEN(status_rows); i++)
		if (status_rows[i].code == st->code)
			row = &status_rows[i];
	if (!row) {
		term_fail(err, TERM_ERR_INTERNAL,
		          "the server answered with unknown status %d: %s",
		          (int)st->code, st->message ? st->message : "");
		return;
	}
	term_fail(err, row->kind, "%s",
	          st->message && *st->message ? st->message : row->text);
	snprintf(err->field, sizeof(err->field), "%s",
	         st->field ? st->field : "");
}

/* ------------------------------------------------------------ time */

static uint64_t deadline_in(long ms)
{
	return now_us() + (uint64_t)ms * 1000u;
}

static int ms_left(uint64_t deadline)
{
	uint64_t now = now_us();

	if (now >= deadline)
		return 0;
	return (int)((deadline - now + 999u) / 1000u);
}

/* Human text for a duration in ms: "5s", "250ms", "2m". */
static const char *duration_text(long ms, char *buf, size_t bufsz)
{
	if (ms % 60000 == 0)
		snprintf(buf, bufsz, "%ldm", ms / 60000);
	else if (ms % 1000 == 0)
		snprintf(buf, bufsz, "%lds", ms / 1000);
	else
		snprintf(buf, bufsz, "%ldms", ms);
	return buf;
}

/* Wait until fd is ready for events. 1 ready, 0 deadline passed, -1 poll
 * failed (errno). */
static int wait_fd(int fd, short events, uint64_t deadline)
{
	struct pollfd p = {.fd = fd, .events = events};

	for (;;) {
		int left = ms_left(deadline);
		int rc;

		if (left == 0)
			return 0;
		rc = poll(&p, 1, left);
		if (rc > 0)
			return 1;
		if (rc < 0 && errno != EINTR)
			return -1;
	}
}

/* ------------------------------------------------------------ TCP */

/* "host:port" or "[v6]:port" into host and port. */
static int split_address(const char *addr, char *host, size_t hostsz,
                         char *port, size_t portsz)
{
	const char *colon, *h = addr, *hend;

	if (addr[0] == '[') {
		h = addr + 1;
		hend = strchr(h, ']');
		if (!hend || hend[1] != ':')
			return -1;
		colon = hend + 1;
	} else {
		colon = strrchr(addr, ':');
		if (!colon)
			return -1;
		hend = colon;
	}
	if (hend == h || !colon[1] || (size_t)(hend - h) >= hostsz ||
	    strlen(colon + 1) >= portsz)
		return -1;
	memcpy(host, h, (size_t)(hend - h));
	host[hend - h] = '\0';
	snprintf(port, portsz, "%s", colon + 1);
	return 0;
}

/* Non-blocking connect to one address; 0 connected, else an errno. */
static int connect_one(int fd, const struct addrinfo *ai, uint64_t deadline)
{
	int soerr = 0;
	socklen_t slen = sizeof(soerr);
	int rc;

	if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
		return 0;
	if (errno != EINPROGRESS)
		return errno;
	rc = wait_fd(fd, POLLOUT, deadline);
	if (rc == 0)
		return ETIMEDOUT;
	if (rc < 0)
		return errno;
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &slen) < 0)
		return errno;
	return soerr;
}

static int tcp_connect(const term_config *cfg, uint64_t deadline,
                       term_error *err)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL;
	char host[256], port[32], tbuf[32];
	int fd = -1, last = 0, rc, one = 1;

	if (split_address(cfg->address, host, sizeof(host), port,
	                  sizeof(port)) < 0)
		return term_fail(err, TERM_ERR_USAGE,
		                 "%s: [server] address \"%s\" is not host:port "
		                 "(e.g. 127.0.0.1:7443)",
		                 cfg->path, cfg->address);
	rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0)
		return term_fail(
		        err, TERM_ERR_UNREACHABLE,
		        "cannot find the server %s: %s; check [server] "
		        "address in %s",
		        cfg->address, gai_strerror(rc), cfg->path);
	for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family,
		            ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
		            ai->ai_protocol);
		if (fd < 0) {
			last = errno;
			continue;
		}
		last = connect_one(fd, ai, deadline);
		if (last == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0 && last == ETIMEDOUT)
		return term_fail(err, TERM_ERR_UNREACHABLE,
		                 "cannot reach the server at %s: no answer "
		                 "within %s",
		                 cfg->address,
		                 duration_text(cfg->connect_timeout_ms, tbuf,
		                               sizeof(tbuf)));
	if (fd < 0)
		return term_fail(err, TERM_ERR_UNREACHABLE,
		                 "cannot reach the server at %s: %s; check "
		                 "that cctns-server runs there and [server] "
		                 "address in %s",
		                 cfg->address, strerror(last), cfg->path);
	/* Frames are small and answered one by one: do not wait to batch. */
	(void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return fd;
}

/* ------------------------------------------------------------ TLS setup */

static int no_password(char *buf, int size, int rwflag, void *u)
{
	(void)buf, (void)size, (void)rwflag, (void)u;
	return -1;
}

/* Can path be opened for reading? Else err names the key and the reason. */
static int check_readable(const term_config *cfg, const char *key,
                          const char *what, const char *path, term_error *err)
{
	FILE *f = fopen(path, "r");

	if (f) {
		fclose(f);
		return 0;
	}
	return term_fail(err, TERM_ERR_USAGE,
	                 "cannot read %s %s ([tls] %s in %s): %s", what, path,
	                 key, cfg->path, strerror(errno));
}

static int load_key(SSL_CTX *ctx, const term_config *cfg, term_error *err)
{
	EVP_PKEY *pkey = NULL;
	FILE *f = fopen(cfg->key, "r");
	int rc = -1;

	if (!f)
		return term_fail(
		        err, TERM_ERR_USAGE,
		        "cannot read the terminal key %s ([tls] key in "
		        "%s): %s",
		        cfg->key, cfg->path, strerror(errno));
	pkey = PEM_read_PrivateKey(f, NULL, no_password, NULL);
	fclose(f);
	if (!pkey) {
		term_fail(err, TERM_ERR_USAGE,
		          "%s ([tls] key in %s) is not an unencrypted PEM "
		          "private key",
		          cfg->key, cfg->path);
		goto fail;
	}
	if (SSL_CTX_use_PrivateKey(ctx, pkey) != 1 ||
	    SSL_CTX_check_private_key(ctx) != 1) {
		term_fail(err, TERM_ERR_USAGE,
		          "the terminal key %s does not match the certificate "
		          "%s ([tls] key and cert in %s): install the key that "
		          "was made with this certificate",
		          cfg->key, cfg->cert, cfg->path);
		goto fail;
	}
	rc = 0;
fail:
	EVP_PKEY_free(pkey);
	return rc;
}

static int load_identity(SSL_CTX *ctx, const term_config *cfg, term_error *err)
{
	if (!cfg->cert || !*cfg->cert)
		return 0; /* the server will say it wants one */
	if (check_readable(cfg, "cert", "the terminal certificate", cfg->cert,
	                   err) < 0)
		return -1;
	if (SSL_CTX_use_certificate_chain_file(ctx, cfg->cert) != 1)
		return term_fail(err, TERM_ERR_USAGE,
		                 "%s ([tls] cert in %s) is not a PEM "
		                 "certificate",
		                 cfg->cert, cfg->path);
	return load_key(ctx, cfg, err);
}

static void info_cb(const SSL *ssl, int where, int ret)
{
	term_conn *c;
	int desc = ret & 0xff;

	if (!(where & SSL_CB_ALERT) || !(where & SSL_CB_READ))
		return;
	if (desc == SSL_AD_CLOSE_NOTIFY || desc == SSL_AD_USER_CANCELLED)
		return;
	c = SSL_get_app_data(ssl);
	if (c)
		c->alert = desc;
}

static SSL_CTX *tls_context(const term_config *cfg, term_error *err)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

	if (!ctx) {
		term_fail(err, TERM_ERR_INTERNAL, "cannot set up TLS: %s",
		          ERR_reason_error_string(ERR_get_error()));
		return NULL;
	}
	if (SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION) != 1) {
		term_fail(err, TERM_ERR_INTERNAL,
		          "this OpenSSL cannot do TLS 1.3");
		goto fail;
	}
	SSL_CTX_set_default_passwd_cb(ctx, no_password);
	SSL_CTX_set_info_callback(ctx, info_cb);
	if (check_readable(cfg, "ca", "the state CA certificate", cfg->ca,
	                   err) < 0)
		goto fail;
	if (SSL_CTX_load_verify_locations(ctx, cfg->ca, NULL) != 1) {
		term_fail(err, TERM_ERR_USAGE,
		          "%s ([tls] ca in %s) holds no PEM certificate",
		          cfg->ca, cfg->path);
		goto fail;
	}
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	if (load_identity(ctx, cfg, err) < 0)
		goto fail;
	/* conn (issue 7): send the terminal certificate without the CA the
	 * server holds (one certificate less for the server to parse, about
	 * 90 us of its CPU per handshake), chained once here rather than at
	 * every handshake; if it does not chain, OpenSSL's way as before */
	if (cfg->cert && *cfg->cert)
		(void)SSL_CTX_build_cert_chain(ctx,
		                               SSL_BUILD_CHAIN_FLAG_NO_ROOT);
	ERR_clear_error();
	return ctx;
fail:
	ERR_clear_error();
	SSL_CTX_free(ctx);
	return NULL;
}

/* server_name, or the host part of address when it is empty. */
static const char *server_name(const term_config *cfg, char *buf, size_t bufsz)
{
	char port[32];

	if (cfg->server_name && *cfg->server_name)
		return cfg->server_name;
	if (split_address(cfg->address, buf, bufsz, port, sizeof(port)) < 0)
		snprintf(buf, bufsz, "%s", cfg->address);
	return buf;
}

static int is_ip_literal(const char *name)
{
	struct in6_addr a6;
	struct in_addr a4;

	return inet_pton(AF_INET, name, &a4) == 1 ||
	       inet_pton(AF_INET6, name, &a6) == 1;
}

static int tls_session(term_conn *c, term_error *err)
{
	char nbuf[256];
	const char *name = server_name(c->cfg, nbuf, sizeof(nbuf));

	c->ssl = SSL_new(c->ctx);
	if (!c->ssl || SSL_set_fd(c->ssl, c->fd) != 1)
		return term_fail(err, TERM_ERR_INTERNAL,
		                 "cannot set up TLS: out of resources");
	SSL_set_app_data(c->ssl, c);
	/* SNI carries names only, never address literals (RFC 6066). */
	if (!is_ip_literal(name) && SSL_set_tlsext_host_name(c->ssl, name) != 1)
		return term_fail(err, TERM_ERR_USAGE,
		                 "%s: [server] server_name \"%s\" is not a "
		                 "valid host name",
		                 c->cfg->path, name);
	/* An address literal is matched against the IP SANs. */
	if (SSL_set1_host(c->ssl, name) != 1)
		return term_fail(err, TERM_ERR_USAGE,
		                 "%s: [server] server_name \"%s\" is not a "
		                 "valid host name",
		                 c->cfg->path, name);
	return 0;
}

/* ------------------------------------------------------------ failures */

/* After an SSL call returned rc <= 0: wait for the socket if OpenSSL asks.
 * 1 = call again, 0 = deadline passed, -1 = the call failed (recorded). */
static int ssl_retry(term_conn *c, int rc, uint64_t deadline)
{
	int saved = errno;
	int e = SSL_get_error(c->ssl, rc);
	short ev;

	if (e == SSL_ERROR_WANT_READ) {
		ev = POLLIN;
	} else if (e == SSL_ERROR_WANT_WRITE) {
		ev = POLLOUT;
	} else {
		c->ssl_error = e;
		c->sys_errno = saved;
		c->ssl_reason = ERR_GET_REASON(ERR_peek_last_error());
		c->ssl_reason_text =
		        ERR_reason_error_string(ERR_peek_last_error());
		if (!c->ssl_reason_text)
			c->ssl_reason_text = "TLS error";
		ERR_clear_error();
		c->broken = 1;
		return -1;
	}
	rc = wait_fd(c->fd, ev, deadline);
	if (rc < 0) {
		c->ssl_error = SSL_ERROR_SYSCALL;
		c->sys_errno = errno;
		c->ssl_reason = 0;
		c->ssl_reason_text = "poll failed";
		c->broken = 1;
	}
	return rc;
}

static const int cert_refusal_alerts[] = {
        SSL_AD_BAD_CERTIFICATE,     SSL_AD_UNSUPPORTED_CERTIFICATE,
        SSL_AD_CERTIFICATE_REVOKED, SSL_AD_CERTIFICATE_EXPIRED,
        SSL_AD_CERTIFICATE_UNKNOWN, SSL_AD_UNKNOWN_CA,
        SSL_AD_ACCESS_DENIED,       ALERT_CERTIFICATE_REQUIRED,
};

static const char *alert_text(int desc)
{
	if (desc == ALERT_CERTIFICATE_REQUIRED)
		return "certificate required";
	return SSL_alert_desc_string_long(desc);
}

/* Why might the server refuse our certificate? Checked here, against the
 * configured CA, so the message can say "expired on ..." or "not issued
 * by [tls] ca". Empty when the certificate looks fine locally. */
static void local_cert_hint(const term_config *cfg, char *buf, size_t bufsz)
{
	X509_STORE *store = X509_STORE_new();
	X509_STORE_CTX *sctx = X509_STORE_CTX_new();
	X509 *cert = NULL;
	FILE *f = fopen(cfg->cert, "r");
	int verr;

	buf[0] = '\0';
	if (!f || !store || !sctx)
		goto done;
	cert = PEM_read_X509(f, NULL, no_password, NULL);
	if (!cert || X509_STORE_load_file(store, cfg->ca) != 1 ||
	    X509_STORE_CTX_init(sctx, store, cert, NULL) != 1)
		goto done;
	X509_STORE_CTX_set_purpose(sctx, X509_PURPOSE_SSL_CLIENT);
	if (X509_verify_cert(sctx) == 1)
		goto done;
	verr = X509_STORE_CTX_get_error(sctx);
	if (verr == X509_V_ERR_CERT_HAS_EXPIRED) {
		struct tm tm;
		char day[32] = "?";

		if (ASN1_TIME_to_tm(X509_get0_notAfter(cert), &tm) == 1)
			strftime(day, sizeof(day), "%Y-%m-%d %H:%M UTC", &tm);
		snprintf(buf, bufsz, "; %s expired on %s", cfg->cert, day);
	} else {
		snprintf(buf, bufsz,
		         "; checked here, %s does not verify against %s (%s)",
		         cfg->cert, cfg->ca,
		         X509_verify_cert_error_string(verr));
	}
done:
	if (f)
		fclose(f);
	X509_free(cert);
	X509_STORE_CTX_free(sctx);
	X509_STORE_free(store);
	ERR_clear_error();
}

/* The server sent a fatal alert: say what it means for the station. */
static int alert_failure(term_conn *c, term_error *err)
{
	const term_config *cfg = c->cfg;
	int desc = c->alert;
	char hint[384];

	if (desc == ALERT_CERTIFICATE_REQUIRED && (!cfg->cert || !*cfg->cert))
		return term_fail(err, TERM_ERR_REFUSED,
		                 "the server requires a terminal certificate "
		                 "and %s has none: set [tls] cert and key to "
		                 "the files the SDC issued for this terminal",
		                 cfg->path);
	for (size_t i = 0; i < ARRAY_LEN(cert_refusal_alerts); i++) {
		if (cert_refusal_alerts[i] != desc)
			continue;
		local_cert_hint(cfg, hint, sizeof(hint));
		return term_fail(err, TERM_ERR_REFUSED,
		                 "the server refused this terminal's "
		                 "certificate (%s): ask the SDC to re-issue "
		                 "it%s",
		                 alert_text(desc), hint);
	}
	if (desc == SSL_AD_PROTOCOL_VERSION)
		return term_fail(err, TERM_ERR_UNREACHABLE,
		                 "the server at %s does not speak TLS 1.3 "
		                 "(alert: %s)",
		                 cfg->address, alert_text(desc));
	if (desc == SSL_AD_UNRECOGNIZED_NAME)
		return term_fail(err, TERM_ERR_REFUSED,
		                 "the server at %s does not answer to that "
		                 "name (alert: %s): check [server] server_name "
		                 "in %s",
		                 cfg->address, alert_text(desc), cfg->path);
	return term_fail(err, TERM_ERR_REFUSED,
	                 "the server at %s ended the connection with TLS alert "
	                 "\"%s\"",
	                 cfg->address, alert_text(desc));
}

/* The handshake failed without an alert from the server: most often we
 * did not trust the server's certificate. 1 when err was filled, 0 when it
 * was a plain I/O failure (see io_failure). */
static int handshake_failure(term_conn *c, term_error *err)
{
	const term_config *cfg = c->cfg;
	long vr = SSL_get_verify_result(c->ssl);
	char nbuf[256];

	if (vr == X509_V_ERR_HOSTNAME_MISMATCH ||
	    vr == X509_V_ERR_IP_ADDRESS_MISMATCH) {
		term_fail(err, TERM_ERR_REFUSED,
		          "the server at %s presented a certificate that is "
		          "not for \"%s\": check [server] server_name in %s",
		          cfg->address, server_name(cfg, nbuf, sizeof(nbuf)),
		          cfg->path);
		return 1;
	}
	if (vr != X509_V_OK) {
		term_fail(err, TERM_ERR_REFUSED,
		          "the server certificate of %s is not trusted (%s): "
		          "check that [tls] ca in %s is the state CA "
		          "certificate",
		          cfg->address, X509_verify_cert_error_string(vr),
		          cfg->path);
		return 1;
	}
	if (c->ssl_error == SSL_ERROR_SSL &&
	    c->ssl_reason != SSL_R_UNEXPECTED_EOF_WHILE_READING) {
		term_fail(err, TERM_ERR_UNREACHABLE,
		          "the TLS handshake with %s failed (%s): is this the "
		          "address of cctns-server?",
		          cfg->address, c->ssl_reason_text);
		return 1;
	}
	return 0;
}

static int io_failure(term_conn *c, io_phase phase, term_error *err)
{
	const char *addr = c->cfg->address;
	const char *when = phase == PHASE_HANDSHAKE ? "during the TLS handshake"
	                   : phase == PHASE_HELLO   ? "before answering Hello"
	                                            : "before answering";
	int eof = c->ssl_error == SSL_ERROR_ZERO_RETURN ||
	          (c->ssl_error == SSL_ERROR_SYSCALL && c->sys_errno == 0) ||
	          c->ssl_reason == SSL_R_UNEXPECTED_EOF_WHILE_READING;

	if (c->alert != ALERT_NONE)
		return alert_failure(c, err);
	if (phase == PHASE_HANDSHAKE && handshake_failure(c, err))
		return -1;
	if (eof)
		term_fail(err, TERM_ERR_UNREACHABLE,
		          "the server at %s closed the connection %s", addr,
		          when);
	else if (c->ssl_error == SSL_ERROR_SYSCALL)
		term_fail(err, TERM_ERR_UNREACHABLE,
		          "the connection to %s failed %s: %s", addr, when,
		          strerror(c->sys_errno));
	else
		term_fail(err, TERM_ERR_UNREACHABLE,
		          "the connection to %s failed %s: %s", addr, when,
		          c->ssl_reason_text);
	err->lost = phase == PHASE_REQUEST;
	return -1;
}

static int timeout_failure(term_conn *c, io_phase phase, term_error *err)
{
	char tbuf[32];
	long ms = phase == PHASE_REQUEST ? c->cfg->request_timeout_ms
	                                 : c->cfg->connect_timeout_ms;

	c->broken = 1;
	return term_fail(err, TERM_ERR_UNREACHABLE,
	                 "no answer from the server at %s within %s%s",
	                 c->cfg->address, duration_text(ms, tbuf, sizeof(tbuf)),
	                 phase == PHASE_HANDSHAKE ? " (TLS handshake)" : "");
}

/* rc from ssl_retry that is not "call again" into an error. */
static int wait_failure(term_conn *c, int rc, io_phase phase, term_error *err)
{
	return rc == 0 ? timeout_failure(c, phase, err)
	               : io_failure(c, phase, err);
}

/* ------------------------------------------------------------ frames */

static int handshake(term_conn *c, uint64_t deadline, term_error *err)
{
	for (;;) {
		int rc = SSL_connect(c->ssl);

		if (rc == 1)
			return 0;
		rc = ssl_retry(c, rc, deadline);
		if (rc != 1)
			return wait_failure(c, rc, PHASE_HANDSHAKE, err);
	}
}

static int write_all(term_conn *c, const uint8_t *buf, size_t len,
                     uint64_t deadline, io_phase phase, term_error *err)
{
	size_t off = 0;

	while (off < len) {
		int rc = SSL_write(c->ssl, buf + off, (int)(len - off));

		if (rc > 0) {
			off += (size_t)rc;
			continue;
		}
		rc = ssl_retry(c, rc, deadline);
		if (rc != 1)
			return wait_failure(c, rc, phase, err);
	}
	return 0;
}

static void rbuf_reserve(term_conn *c, size_t need)
{
	size_t cap = c->rcap ? c->rcap : READ_CHUNK;

	if (need <= c->rcap)
		return;
	while (cap < need)
		cap *= 2;
	c->rbuf = xrealloc(c->rbuf, cap);
	c->rcap = cap;
}

/* Take one whole frame off the front of rbuf. 1 taken, 0 need more, -1 a
 * protocol error. */
static int take_frame(term_conn *c, Envelope **out, term_error *err)
{
	uint32_t len = 0;
	frame_status st = frame_peek(c->rbuf, c->rlen, c->max_frame, &len);
	size_t used;

	if (st == FRAME_NEED_MORE) {
		rbuf_reserve(c, FRAME_HEADER_LEN + (size_t)len + READ_CHUNK);
		return 0;
	}
	if (st != FRAME_READY) {
		c->broken = 1;
		return term_fail(err, TERM_ERR_INTERNAL,
		                 "the server at %s sent a bad frame (%s)",
		                 c->cfg->address, frame_status_str(st));
	}
	*out = envelope_decode(c->rbuf + FRAME_HEADER_LEN, len);
	used = FRAME_HEADER_LEN + (size_t)len;
	memmove(c->rbuf, c->rbuf + used, c->rlen - used);
	c->rlen -= used;
	if (!*out) {
		c->broken = 1;
		return term_fail(
		        err, TERM_ERR_INTERNAL,
		        "the server at %s sent a message this terminal "
		        "cannot read: is the terminal software "
		        "current?",
		        c->cfg->address);
	}
	return 1;
}

static int read_frame(term_conn *c, uint64_t deadline, io_phase phase,
                      Envelope **out, term_error *err)
{
	rbuf_reserve(c, READ_CHUNK);
	for (;;) {
		int rc = take_frame(c, out, err);

		if (rc != 0)
			return rc < 0 ? -1 : 0;
		rc = SSL_read(c->ssl, c->rbuf + c->rlen,
		              (int)(c->rcap - c->rlen));
		if (rc > 0) {
			c->rlen += (size_t)rc;
			continue;
		}
		rc = ssl_retry(c, rc, deadline);
		if (rc != 1)
			return wait_failure(c, rc, phase, err);
	}
}

static int send_env(term_conn *c, Envelope *req, uint64_t deadline,
                    io_phase phase, term_error *err)
{
	uint8_t *buf = NULL;
	size_t len = 0;
	int rc;

	if (c->broken)
		return term_fail(err, TERM_ERR_INTERNAL,
		                 "the link to %s is closed", c->cfg->address);
	req->request_id = ++c->next_id;
	if (envelope_encode_frame(req, c->max_frame, &buf, &len) < 0)
		return term_fail(err, TERM_ERR_INPUT,
		                 "the request is %zu bytes, above the server's "
		                 "limit of %u bytes",
		                 protobuf_c_message_get_packed_size(&req->base),
		                 c->max_frame);
	rc = write_all(c, buf, len, deadline, phase, err);
	free(buf);
	return rc;
}

/* ------------------------------------------------------------ Hello */

static int hello_answer(term_conn *c, Envelope *resp, term_error *err)
{
	const Cctns__V1__HelloAck *ack;

	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS) {
		term_error_from_status(resp->status, err);
		if (resp->status->code ==
		    CCTNS__V1__STATUS_CODE__STATUS_CODE_UNAUTHENTICATED)
			term_fail(err, TERM_ERR_REFUSED,
			          "the server refused this terminal: %s",
			          resp->status->message &&
			                          *resp->status->message
			                  ? resp->status->message
			                  : "no usable identity");
		return -1;
	}
	if (resp->body_case != CCTNS__V1__ENVELOPE__BODY_HELLO_ACK)
		return term_fail(err, TERM_ERR_INTERNAL,
		                 "the server answered Hello with %s",
		                 envelope_body_name(resp));
	ack = resp->hello_ack;
	if (ack->protocol_version !=
	    CCTNS__V1__PROTOCOL_VERSION__PROTOCOL_VERSION_CURRENT)
		return term_fail(
		        err, TERM_ERR_INTERNAL,
		        "the server speaks protocol version %u, this "
		        "terminal %d: update the terminal software",
		        ack->protocol_version,
		        CCTNS__V1__PROTOCOL_VERSION__PROTOCOL_VERSION_CURRENT);
	if (ack->max_frame)
		c->max_frame = ack->max_frame < FRAME_ABSOLUTE_MAX
		                       ? ack->max_frame
		                       : FRAME_ABSOLUTE_MAX;
	return 0;
}

/* Writing Hello failed. A server that refuses our certificate sends an
 * alert and closes, and the close may come as a reset that fails our
 * write while the alert is still waiting to be read: read it, so the
 * message can say why. Keeps the first error when no alert is found. */
static int hello_write_failure(term_conn *c, term_error *err)
{
	int ssl_error = c->ssl_error, sys_errno = c->sys_errno;
	int reason = c->ssl_reason;
	const char *reason_text = c->ssl_reason_text;
	uint64_t deadline = deadline_in(ALERT_WAIT_MS);
	uint8_t buf[256];

	if (c->alert != ALERT_NONE || err->kind != TERM_ERR_UNREACHABLE)
		return -1;
	while (c->alert == ALERT_NONE) {
		int rc = SSL_read(c->ssl, buf, sizeof(buf));

		if (rc <= 0 && ssl_retry(c, rc, deadline) != 1)
			break;
	}
	ERR_clear_error();
	if (c->alert != ALERT_NONE)
		return alert_failure(c, err);
	c->ssl_error = ssl_error;
	c->sys_errno = sys_errno;
	c->ssl_reason = reason;
	c->ssl_reason_text = reason_text;
	return -1;
}

/* ops (issue 7): told in every Hello of this process. */
static uint32_t hello_outbox_pending;

void term_conn_report_outbox(uint32_t pending)
{
	hello_outbox_pending = pending;
}

static int hello(term_conn *c, uint64_t deadline, term_error *err)
{
	Cctns__V1__Hello h = CCTNS__V1__HELLO__INIT;
	Envelope req = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	uint8_t token[TERM_TOKEN_LEN];

	/* signin: resume the officer's session on this connection */
	if (term_session_read(c->cfg, token, NULL, 0) == 0) {
		h.session_token.data = token;
		h.session_token.len = sizeof(token);
	}
	h.protocol_version =
	        CCTNS__V1__PROTOCOL_VERSION__PROTOCOL_VERSION_CURRENT;
	h.software = "cctns/" CCTNS_VERSION;
	h.outbox_pending = hello_outbox_pending; /* ops */
	req.body_case = CCTNS__V1__ENVELOPE__BODY_HELLO;
	req.hello = &h;
	if (send_env(c, &req, deadline, PHASE_HELLO, err) < 0) {
		OPENSSL_cleanse(token, sizeof(token));
		return hello_write_failure(c, err);
	}
	OPENSSL_cleanse(token, sizeof(token));
	for (;;) {
		if (read_frame(c, deadline, PHASE_HELLO, &resp, err) < 0)
			return -1;
		if (resp->request_id == req.request_id ||
		    resp->request_id == 0) /* about the whole link */
			break;
		envelope_free(resp);
	}
	if (hello_answer(c, resp, err) < 0) {
		envelope_free(resp);
		return -1;
	}
	c->ack = resp;
	return 0;
}

/* ------------------------------------------------------------ session */

/* signin: the session file is two lines: the token as 64 hex digits and the
 * officer number. */
int term_session_read(const term_config *cfg, uint8_t token[TERM_TOKEN_LEN],
                      char *officer_no, size_t osz)
{
	FILE *f = cfg->session_file ? fopen(cfg->session_file, "r") : NULL;
	char line[128], who[64] = "";
	int ok = 0;

	if (!f)
		return -1;
	if (fgets(line, sizeof(line), f) &&
	    strspn(line, "0123456789abcdef") == 2 * TERM_TOKEN_LEN) {
		ok = 1;
		for (size_t i = 0; i < TERM_TOKEN_LEN; i++) {
			unsigned v;

			if (sscanf(line + 2 * i, "%2x", &v) != 1)
				ok = 0;
			token[i] = (uint8_t)v;
		}
		if (fgets(who, sizeof(who), f))
			who[strcspn(who, "\r\n")] = '\0';
	}
	OPENSSL_cleanse(line, sizeof(line));
	fclose(f);
	if (officer_no)
		snprintf(officer_no, osz, "%s", who);
	return ok ? 0 : -1;
}

int term_session_write(const term_config *cfg,
                       const uint8_t token[TERM_TOKEN_LEN],
                       const char *officer_no, term_error *err)
{
	size_t n = strlen(cfg->session_file) + 8;
	char *tmp = xmalloc(n);
	int fd, rc = -1;
	FILE *f;

	snprintf(tmp, n, "%s.tmp", cfg->session_file);
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		term_fail(err, TERM_ERR_INTERNAL,
		          "cannot write the session file %s: %s",
		          cfg->session_file, strerror(errno));
		free(tmp);
		return -1;
	}
	for (size_t i = 0; i < TERM_TOKEN_LEN; i++)
		fprintf(f, "%02x", token[i]);
	fprintf(f, "\n%s\n", officer_no);
	if (fflush(f) == 0 && fsync(fileno(f)) == 0 && fclose(f) == 0) {
		f = NULL;
		if (rename(tmp, cfg->session_file) == 0)
			rc = 0;
	}
	if (f)
		fclose(f);
	if (rc != 0) {
		term_fail(err, TERM_ERR_INTERNAL,
		          "cannot write the session file %s: %s",
		          cfg->session_file, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

void term_session_forget(const term_config *cfg)
{
	if (cfg->session_file)
		unlink(cfg->session_file);
}

/* ------------------------------------------------------------ API */

term_conn *term_connect(const term_config *cfg, term_error *err)
{
	static int sigpipe_ignored;
	uint64_t deadline = deadline_in(cfg->connect_timeout_ms);
	term_conn *c = xcalloc(1, sizeof(*c));

	if (!sigpipe_ignored) {
		signal(SIGPIPE, SIG_IGN);
		sigpipe_ignored = 1;
	}
	c->cfg = cfg;
	c->fd = -1;
	c->alert = ALERT_NONE;
	c->max_frame = FRAME_DEFAULT_MAX;
	c->ctx = tls_context(cfg, err);
	if (!c->ctx)
		goto fail;
	c->fd = tcp_connect(cfg, deadline, err);
	if (c->fd < 0 || tls_session(c, err) < 0 ||
	    handshake(c, deadline, err) < 0 || hello(c, deadline, err) < 0)
		goto fail;
	return c;
fail:
	c->broken = 1;
	term_close(c);
	return NULL;
}

const Cctns__V1__HelloAck *term_hello_ack(const term_conn *c)
{
	return c->ack->hello_ack;
}

const char *term_peer(const term_conn *c)
{
	return c->cfg->address;
}

int term_send(term_conn *c, Envelope *req, uint64_t *id, term_error *err)
{
	if (send_env(c, req, deadline_in(c->cfg->request_timeout_ms),
	             PHASE_REQUEST, err) < 0)
		return -1;
	if (id)
		*id = req->request_id;
	return 0;
}

int term_recv(term_conn *c, Envelope **resp, term_error *err)
{
	*resp = NULL;
	if (c->broken)
		return term_fail(err, TERM_ERR_INTERNAL,
		                 "the link to %s is closed", c->cfg->address);
	return read_frame(c, deadline_in(c->cfg->request_timeout_ms),
	                  PHASE_REQUEST, resp, err);
}

int term_call(term_conn *c, Envelope *req, Envelope **resp, term_error *err)
{
	uint64_t deadline = deadline_in(c->cfg->request_timeout_ms);

	*resp = NULL;
	if (send_env(c, req, deadline, PHASE_REQUEST, err) < 0)
		return -1;
	for (;;) {
		if (read_frame(c, deadline, PHASE_REQUEST, resp, err) < 0)
			return -1;
		/* Id 0 is a Status about the whole link: ours too. */
		if ((*resp)->request_id == req->request_id ||
		    (*resp)->request_id == 0)
			return 0;
		envelope_free(*resp);
		*resp = NULL;
	}
}

void term_close(term_conn *c)
{
	if (!c)
		return;
	if (c->ssl) {
		if (!c->broken)
			(void)SSL_shutdown(c->ssl); /* send close_notify */
		SSL_free(c->ssl);
	}
	if (c->fd >= 0)
		close(c->fd);
	SSL_CTX_free(c->ctx);
	if (c->ack)
		envelope_free(c->ack);
	free(c->rbuf);
	free(c);
	ERR_clear_error();
}

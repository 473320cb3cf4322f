/* ca.c: the state CA for cctns-admin (see ca.h): certificates and CRLs
 * built with OpenSSL's X509 API, written whole. */
#include "ca.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "certname.h"

/* notBefore and lastUpdate are set this far in the past, so a server
 * whose clock is a little behind the CA's accepts them at once. */
#define CLOCK_SKEW_S 300

/* Print "cctns-admin: <what>: <OpenSSL's oldest error>". */
static int ossl_fail(const char *what)
{
	char err[256] = "unknown error";
	unsigned long e = ERR_peek_error();

	if (e)
		ERR_error_string_n(e, err, sizeof(err));
	ERR_clear_error();
	fprintf(stderr, "cctns-admin: %s: %s\n", what, err);
	return -1;
}

int ca_time(const ASN1_TIME *t, time_t *out)
{
	struct tm tm;

	if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
		return -1;
	*out = timegm(&tm);
	return 0;
}

X509 *ca_read_cert(const char *path)
{
	BIO *in = BIO_new_file(path, "r");
	X509 *cert;
	char what[4200];

	if (!in) {
		fprintf(stderr, "cctns-admin: cannot read %s: %s\n", path,
		        strerror(errno));
		ERR_clear_error();
		return NULL;
	}
	cert = PEM_read_bio_X509(in, NULL, NULL, NULL);
	BIO_free(in);
	if (!cert) {
		snprintf(what, sizeof(what), "%s holds no PEM certificate",
		         path);
		ossl_fail(what);
	}
	return cert;
}

static EVP_PKEY *read_key(const char *path)
{
	BIO *in = BIO_new_file(path, "r");
	EVP_PKEY *key;
	struct stat st;

	if (!in) {
		fprintf(stderr, "cctns-admin: cannot read %s: %s\n", path,
		        strerror(errno));
		ERR_clear_error();
		return NULL;
	}
	key = PEM_read_bio_PrivateKey(in, NULL, NULL, NULL);
	BIO_free(in);
	if (!key) {
		fprintf(stderr, "cctns-admin: %s holds no PEM private key\n",
		        path);
		ERR_clear_error();
		return NULL;
	}
	if (stat(path, &st) == 0 && (st.st_mode & 077))
		fprintf(stderr,
		        "cctns-admin: warning: %s is readable by others "
		        "(mode %03o): chmod 600 it\n",
		        path, (unsigned)(st.st_mode & 0777));
	return key;
}

int ca_load(struct ca *ca, const char *dir)
{
	char path[4200];
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	memset(ca, 0, sizeof(*ca));
	if (strlen(dir) >= sizeof(ca->dir)) {
		fprintf(stderr, "cctns-admin: --ca-dir is too long\n");
		return -1;
	}
	snprintf(ca->dir, sizeof(ca->dir), "%s", dir);
	snprintf(path, sizeof(path), "%s/ca.crt", dir);
	if (!(ca->cert = ca_read_cert(path)))
		goto fail;
	snprintf(path, sizeof(path), "%s/ca.key", dir);
	if (!(ca->key = read_key(path)))
		goto fail;
	if (X509_check_private_key(ca->cert, ca->key) != 1) {
		ERR_clear_error();
		fprintf(stderr,
		        "cctns-admin: %s/ca.key does not belong to "
		        "%s/ca.crt\n",
		        dir, dir);
		goto fail;
	}
	if (X509_pubkey_digest(ca->cert, EVP_sha256(), md, &mdlen) != 1)
		goto ossl;
	for (unsigned int i = 0; i < mdlen && i < 32; i++)
		snprintf(ca->key_id + 2 * i, 3, "%02x", md[i]);
	return 0;
ossl:
	ossl_fail("reading the CA");
fail:
	ca_free(ca);
	return -1;
}

void ca_free(struct ca *ca)
{
	X509_free(ca->cert);
	EVP_PKEY_free(ca->key);
	memset(ca, 0, sizeof(*ca));
}

int ca_cert_serial(X509 *cert, char *buf, size_t bufsz)
{
	BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), NULL);
	char *hex = bn ? BN_bn2hex(bn) : NULL;
	int rc = hex ? cert_serial_parse(hex, buf, bufsz) : -1;

	OPENSSL_free(hex);
	BN_free(bn);
	return rc;
}

int ca_issued_it(const struct ca *ca, X509 *cert)
{
	int ok = X509_NAME_cmp(X509_get_issuer_name(cert),
	                       X509_get_subject_name(ca->cert)) == 0 &&
	         X509_verify(cert, X509_get0_pubkey(ca->cert)) == 1;

	ERR_clear_error();
	return ok;
}

/* ------------------------------------------------------------ issuing */

static int add_ext(X509 *x, X509V3_CTX *v3, int nid, const char *value)
{
	X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, v3, nid, value);
	int ok = ext && X509_add_ext(x, ext, -1) == 1;

	X509_EXTENSION_free(ext);
	return ok ? 0 : -1;
}

static int terminal_subject(X509 *x, int state, int district, int station,
                            const char *terminal)
{
	X509_NAME *name = X509_get_subject_name(x);
	char cn[64];

	snprintf(cn, sizeof(cn), "station:%d:%d:%d", state, district, station);
	if (!X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
	                                (const unsigned char *)"CCTNS", -1, -1,
	                                0) ||
	    !X509_NAME_add_entry_by_txt(name, "OU", MBSTRING_ASC,
	                                (const unsigned char *)terminal, -1, -1,
	                                0) ||
	    !X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
	                                (const unsigned char *)cn, -1, -1, 0))
		return -1;
	return 0;
}

/* A random positive 127-bit serial (RFC 5280: at most 20 octets; CA/B
 * practice: 64 or more random bits). */
static int random_serial(X509 *x)
{
	BIGNUM *bn = BN_new();
	ASN1_INTEGER *sn = NULL;
	int ok = bn && BN_rand(bn, 127, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) &&
	         (sn = BN_to_ASN1_INTEGER(bn, NULL)) &&
	         X509_set_serialNumber(x, sn);

	ASN1_INTEGER_free(sn);
	BN_free(bn);
	return ok ? 0 : -1;
}

static int terminal_extensions(const struct ca *ca, X509 *x)
{
	static const struct {
		int nid;
		const char *value;
	} exts[] = {
	        {NID_basic_constraints, "critical,CA:FALSE"},
	        {NID_key_usage, "critical,digitalSignature"},
	        {NID_ext_key_usage, "clientAuth"},
	        {NID_subject_key_identifier, "hash"},
	        {NID_authority_key_identifier, "keyid"},
	};
	X509V3_CTX v3;

	X509V3_set_ctx(&v3, ca->cert, x, NULL, NULL, 0);
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (add_ext(x, &v3, exts[i].nid, exts[i].value) != 0)
			return -1;
	return 0;
}

int ca_issue_terminal(const struct ca *ca, int state, int district, int station,
                      const char *terminal, int days, struct issued *out)
{
	X509 *x = X509_new();

	memset(out, 0, sizeof(*out));
	out->key = EVP_EC_gen("P-256");
	if (!x || !out->key || !X509_set_version(x, X509_VERSION_3) ||
	    random_serial(x) != 0 ||
	    !X509_set_issuer_name(x, X509_get_subject_name(ca->cert)) ||
	    terminal_subject(x, state, district, station, terminal) != 0 ||
	    !X509_gmtime_adj(X509_getm_notBefore(x), -CLOCK_SKEW_S) ||
	    !X509_time_adj_ex(X509_getm_notAfter(x), days, 0, NULL) ||
	    !X509_set_pubkey(x, out->key) || terminal_extensions(ca, x) != 0 ||
	    !X509_sign(x, ca->key, EVP_sha256()))
		goto fail;
	out->cert = x;
	if (ca_cert_serial(x, out->serial, sizeof(out->serial)) != 0 ||
	    ca_time(X509_get0_notBefore(x), &out->not_before) != 0 ||
	    ca_time(X509_get0_notAfter(x), &out->not_after) != 0) {
		x = NULL;
		goto fail;
	}
	return 0;
fail:
	X509_free(x);
	issued_free(out);
	return ossl_fail("issuing the certificate");
}

void issued_free(struct issued *is)
{
	EVP_PKEY_free(is->key);
	X509_free(is->cert);
	memset(is, 0, sizeof(*is));
}

/* ------------------------------------------------------------ files */

/* Write len bytes to path whole: a temporary file beside it with mode,
 * fsync, rename over path, fsync the directory. 0 or -1 (printed). */
static int write_whole(const char *path, const char *data, size_t len,
                       mode_t mode)
{
	char tmp[4300], dir[4300];
	int fd, dfd;
	ssize_t w;
	size_t done = 0;

	snprintf(tmp, sizeof(tmp), "%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto fail;
	if (fchmod(fd, mode) != 0)
		goto fail_fd;
	while (done < len) {
		w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail_fd;
		done += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		fd = -1;
		goto fail_tmp;
	}
	if (rename(tmp, path) != 0)
		goto fail_tmp;
	snprintf(dir, sizeof(dir), "%s", path);
	dfd = open(dirname(dir), O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	return 0;
fail_fd:
	close(fd);
fail_tmp:
	unlink(tmp);
fail:
	fprintf(stderr, "cctns-admin: cannot write %s: %s\n", path,
	        strerror(errno));
	return -1;
}

/* The PEM in a memory BIO, written whole to path. */
static int write_bio(BIO *mem, const char *path, mode_t mode)
{
	char *data;
	long len = BIO_get_mem_data(mem, &data);

	return write_whole(path, data, (size_t)len, mode);
}

int ca_write_issued(const struct issued *is, const char *base, int force)
{
	char crt[4200], key[4200];
	BIO *mk = BIO_new(BIO_s_mem()), *mc = BIO_new(BIO_s_mem());
	int rc = -1;

	snprintf(crt, sizeof(crt), "%s.crt", base);
	snprintf(key, sizeof(key), "%s.key", base);
	if (!force && (access(crt, F_OK) == 0 || access(key, F_OK) == 0)) {
		fprintf(stderr,
		        "cctns-admin: %s exists: not replaced (use --force, or "
		        "another --terminal name)\n",
		        access(crt, F_OK) == 0 ? crt : key);
		goto out;
	}
	if (!mk || !mc ||
	    !PEM_write_bio_PrivateKey(mk, is->key, NULL, NULL, 0, NULL, NULL) ||
	    !PEM_write_bio_X509(mc, is->cert)) {
		ossl_fail("writing PEM");
		goto out;
	}
	if (write_bio(mk, key, 0600) == 0 && write_bio(mc, crt, 0644) == 0)
		rc = 0;
out:
	BIO_free(mk);
	BIO_free(mc);
	return rc;
}

/* ------------------------------------------------------------ CRL */

static X509_REVOKED *revoked_new(const struct revoked_entry *e)
{
	X509_REVOKED *r = X509_REVOKED_new();
	BIGNUM *bn = NULL;
	ASN1_INTEGER *sn = NULL;
	ASN1_TIME *t = ASN1_TIME_set(NULL, e->revoked_at);
	ASN1_ENUMERATED *reason = NULL;
	int ok = r && t && BN_hex2bn(&bn, e->serial) &&
	         (sn = BN_to_ASN1_INTEGER(bn, NULL)) &&
	         X509_REVOKED_set_serialNumber(r, sn) &&
	         X509_REVOKED_set_revocationDate(r, t);

	/* RFC 5280 5.3.1: the reason code unspecified SHOULD be absent. */
	if (ok && e->reason != 0)
		ok = (reason = ASN1_ENUMERATED_new()) &&
		     ASN1_ENUMERATED_set(reason, e->reason) &&
		     X509_REVOKED_add1_ext_i2d(r, NID_crl_reason, reason, 0,
		                               0) == 1;
	ASN1_ENUMERATED_free(reason);
	ASN1_INTEGER_free(sn);
	ASN1_TIME_free(t);
	BN_free(bn);
	if (!ok) {
		X509_REVOKED_free(r);
		return NULL;
	}
	return r;
}

static int crl_extensions(const struct ca *ca, X509_CRL *crl, long number)
{
	ASN1_INTEGER *num = ASN1_INTEGER_new();
	X509V3_CTX v3;
	X509_EXTENSION *aki;
	int ok = num && ASN1_INTEGER_set(num, number) &&
	         X509_CRL_add1_ext_i2d(crl, NID_crl_number, num, 0, 0) == 1;

	ASN1_INTEGER_free(num);
	if (!ok)
		return -1;
	X509V3_set_ctx(&v3, ca->cert, NULL, NULL, crl, 0);
	aki = X509V3_EXT_conf_nid(NULL, &v3, NID_authority_key_identifier,
	                          "keyid");
	ok = aki && X509_CRL_add_ext(crl, aki, -1) == 1;
	X509_EXTENSION_free(aki);
	return ok ? 0 : -1;
}

static X509_CRL *crl_build(const struct ca *ca,
                           const struct revoked_entry *entries, size_t n,
                           long number, int days, ASN1_TIME *next)
{
	X509_CRL *crl = X509_CRL_new();
	ASN1_TIME *last = ASN1_TIME_new();

	if (!crl || !last || !X509_CRL_set_version(crl, X509_CRL_VERSION_2) ||
	    !X509_CRL_set_issuer_name(crl, X509_get_subject_name(ca->cert)) ||
	    !X509_gmtime_adj(last, -CLOCK_SKEW_S) ||
	    !X509_CRL_set1_lastUpdate(crl, last) ||
	    !X509_time_adj_ex(next, days, 0, NULL) ||
	    !X509_CRL_set1_nextUpdate(crl, next))
		goto fail;
	for (size_t i = 0; i < n; i++) {
		X509_REVOKED *r = revoked_new(&entries[i]);

		if (!r || !X509_CRL_add0_revoked(crl, r)) {
			X509_REVOKED_free(r);
			goto fail;
		}
	}
	if (crl_extensions(ca, crl, number) != 0 || !X509_CRL_sort(crl) ||
	    !X509_CRL_sign(crl, ca->key, EVP_sha256()))
		goto fail;
	ASN1_TIME_free(last);
	return crl;
fail:
	ASN1_TIME_free(last);
	X509_CRL_free(crl);
	return NULL;
}

int ca_write_crl(const struct ca *ca, const struct revoked_entry *entries,
                 size_t n, long crl_number, int days, const char *path,
                 char *next_update, size_t nusz)
{
	ASN1_TIME *next = ASN1_TIME_new();
	X509_CRL *crl =
	        next ? crl_build(ca, entries, n, crl_number, days, next) : NULL;
	BIO *mem = BIO_new(BIO_s_mem());
	struct tm tm;
	int rc = -1;

	if (!crl || !mem || !PEM_write_bio_X509_CRL(mem, crl)) {
		ossl_fail("signing the CRL");
		goto out;
	}
	if (ASN1_TIME_to_tm(next, &tm) != 1 ||
	    strftime(next_update, nusz, "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(next_update, nusz, "?");
	rc = write_bio(mem, path, 0644);
out:
	BIO_free(mem);
	X509_CRL_free(crl);
	ASN1_TIME_free(next);
	return rc;
}

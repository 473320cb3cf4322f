/* tlsprov.h: the OpenSSL library context of the server's TLS contexts (hs,
 * issue 7). OpenSSL 3.0 decodes the public key of every certificate it
 * parses, each terminal's at every handshake, through its decoder
 * framework, whose setup (OSSL_DECODER_CTX_new_for_pkey) walks every
 * decoder and key manager of every provider of the library context: about
 * a seventh of the server's instructions per handshake. The server's TLS
 * contexts use a library context of their own holding one provider,
 * "cctns-tls", which serves the default provider's implementations
 * unchanged (the same code, the same provider context) but lists only
 * what a TLS 1.3 server of our PKI needs of two kinds of them:
 *   decoders:     DER SubjectPublicKeyInfo of EC keys (the certificates'),
 *   key managers: EC (ECDSA P-256 certificates, ECDHE on NIST curves) and
 *                 X25519 (the key exchange terminals offer first),
 *   ciphers:      the AEADs of our three TLS 1.3 suites (AES-128-GCM,
 *                 AES-256-GCM, ChaCha20-Poly1305).
 * (OpenSSL 3.0 also walks the whole method store of the context at every
 * certificate decode, so fewer ciphers there cost less too.)
 * Every other operation (ciphers, digests, KDFs, signatures, key exchange,
 * random numbers) is the default provider's whole list. A certificate with
 * an RSA or EdDSA key cannot be decoded there: such a terminal certificate
 * is refused (deploy/pki and cctns-admin issue ECDSA P-256 only), and a
 * server certificate or CA of another kind fails at load, naming the file.
 * Private keys are read with the process's default context. */
#ifndef CCTNS_SERVER_TLSPROV_H
#define CCTNS_SERVER_TLSPROV_H

#include <openssl/types.h>

/* The library context for SSL_CTX_new_ex, made at the first call and kept
 * for the life of the process; NULL (use the default context) when it
 * cannot be made. */
OSSL_LIB_CTX *tlsprov_libctx(void);

#endif

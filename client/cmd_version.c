/* cmd_version.c: cctns version. */
#include <stdio.h>

#include <openssl/crypto.h>

#include "commands.h"

int cmd_version(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int rc;

	if (self &&
	    cli_parse(self, ctx, argc, argv, NULL, 0, NULL, 0, 0, &rc) < 0)
		return rc;
	printf("%s %s (protocol %d, %s)\n", PROG, CCTNS_VERSION,
	       CCTNS__V1__PROTOCOL_VERSION__PROTOCOL_VERSION_CURRENT,
	       OpenSSL_version(OPENSSL_VERSION));
	return 0;
}

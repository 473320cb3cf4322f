/* cmd_hello.c: cctns hello: connect, Hello, print the identity the server
 * read from this terminal's certificate. */
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "pbjson.h"
#include "print_fir.h"

static void print_identity(const Cctns__V1__HelloAck *ack, const char *peer)
{
	const Cctns__V1__Identity *id = ack->identity;

	if (!id) {
		printf("The server gave no identity.\n");
	} else {
		if (id->kind != CCTNS__V1__PEER_KIND__PEER_KIND_STATION)
			printf("Kind       %s\n", word_peer_kind(id->kind));
		printf("Station    %s (code %u)\n", id->station_name,
		       id->station_code);
		printf("District   %s (code %u)\n", id->district_name,
		       id->district_code);
		printf("State      %s (code %u)\n", id->state_name,
		       id->state_code);
		printf("Terminal   %s\n",
		       *id->terminal ? id->terminal : "(not named)");
	}
	printf("Server     %s at %s (protocol %u)\n",
	       *ack->server_software ? ack->server_software : "(unnamed)", peer,
	       ack->protocol_version);
}

int cmd_hello(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	term_error err;
	term_conn *conn;

	if (cli_parse(self, ctx, argc, argv, opts, 1, NULL, 0, 0, &rc) < 0)
		return rc;
	conn = cli_connect(ctx, &err);
	if (!conn)
		return cli_report(&err);
	if (json) {
		char *text = pbjson_format(&term_hello_ack(conn)->base,
		                           PBJSON_PRETTY);
		printf("%s\n", text);
		free(text);
	} else {
		print_identity(term_hello_ack(conn), term_peer(conn));
	}
	term_close(conn);
	return 0;
}

/* cmd_person.c: the persons master record. cctns person show ID prints a
 * person and every record naming them; cctns person add-details ID FILE
 * adds aliases, documents, phones, addresses or a descriptive roll (the
 * path every write from a document takes, submit.c); cctns person photo
 * add ID IMAGE sends a JPEG or PNG file as it is, and cctns person photo
 * get ID N --out FILE saves one. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/rand.h>
#include <openssl/sha.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "image.h"
#include "print_person.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

#define PHOTO_RETRIES  3
#define PHOTO_READ_CAP (16u * 1024 * 1024) /* larger files are refused here */

/* ------------------------------------------------------------ arguments */

/* A person number: 1 to 18 digits, not 0. 0, or 2 after saying why. */
static int person_arg(const char *s)
{
	size_t n = strspn(s, "0123456789");

	if (n >= 1 && n <= 18 && s[n] == '\0' && strspn(s, "0") < n)
		return 0;
	fprintf(stderr,
	        "%s: \"%s\" is not a person number: write it as cctns person "
	        "show or crime-details show prints it, e.g. 1234\n",
	        PROG, s);
	return 2;
}

static uint64_t person_id_of(const char *s)
{
	return strtoull(s, NULL, 10);
}

/* ------------------------------------------------------------ show */

static void print_record(FILE *out, const ProtobufCMessage *m,
                         const char *key_hex)
{
	(void)key_hex;
	print_person_record(out, (const Cctns__V1__PersonRecord *)m);
}

int cmd_person_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[96];
	Cctns__V1__GetPerson get = CCTNS__V1__GET_PERSON__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_PERSON_RECORD,
	        .noun = "a person's record",
	        .print = print_record,
	        .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	if ((rc = person_arg(pos[0])) != 0)
		return rc;
	snprintf(not_found, sizeof(not_found),
	         "no person %s in this state's records", pos[0]);
	get.person_id = person_id_of(pos[0]);
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_PERSON;
	env.get_person = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}

/* ------------------------------------------------------------ add-details */

/* The document is the request without its key and person: a shallow copy
 * carries them, so the document is never changed. */
static void *wrap_update(const submit_call *c, Envelope *env)
{
	Cctns__V1__UpdatePerson *u = xmalloc(sizeof(*u));

	*u = *(const Cctns__V1__UpdatePerson *)c->doc;
	u->idempotency_key = c->key;
	u->person_id = person_id_of(c->fir_number);
	env->body_case = CCTNS__V1__ENVELOPE__BODY_UPDATE_PERSON;
	env->update_person = u;
	return u;
}

static void print_update(FILE *out, const ProtobufCMessage *m,
                         const char *key_hex)
{
	print_person_update(out, (const Cctns__V1__PersonRecord *)m, key_hex);
}

static const char *const update_own[] = {"idempotency_key", "person_id", NULL};
static const char *const update_strip[] = {"update_person.", NULL};

const submit_kind person_update_kind = {
        .noun = "person's details",
        .doc = &cctns__v1__update_person__descriptor,
        .own = update_own,
        .fir_number_arg = 1,
        .check_number = person_arg,
        .wrap = wrap_update,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_PERSON_RECORD,
                  .noun = "a person's record",
                  .print = print_update,
                  .strip = update_strip},
};

int cmd_person_add_details(const command *self, cli_ctx *ctx, int argc,
                           char **argv)
{
	return submit_run(&person_update_kind, self, ctx, argc, argv);
}

/* ------------------------------------------------------------ photo add */

typedef struct photo_req {
	const char *id, *path, *key_hex_arg, *taken_at;
	const char *officer_number, *officer_name, *officer_rank;
	int json;
	uint8_t *data;
	size_t len;
	uint8_t key[SUBMIT_KEY_LEN];
	char key_hex[2 * SUBMIT_KEY_LEN + 1];
} photo_req;

/* Read the whole file (the request checks then say when it is too
 * large). 0, or 3 after saying why. */
static int read_image(photo_req *p)
{
	FILE *f = fopen(p->path, "rb");
	size_t cap = 64 * 1024, n;

	if (!f) {
		fprintf(stderr, "%s: cannot open %s: %s\n", PROG, p->path,
		        strerror(errno));
		return 3;
	}
	p->data = xmalloc(cap);
	while ((n = fread(p->data + p->len, 1, cap - p->len, f)) > 0) {
		p->len += n;
		if (p->len == cap && cap < PHOTO_READ_CAP) {
			cap *= 2;
			p->data = xrealloc(p->data, cap);
		} else if (p->len == cap) {
			break;
		}
	}
	if (ferror(f) || p->len == PHOTO_READ_CAP) {
		fprintf(stderr, "%s: cannot read %s: %s\n", PROG, p->path,
		        ferror(f) ? strerror(errno)
		                  : "larger than 16 MiB, not a photo to send");
		fclose(f);
		return 3;
	}
	fclose(f);
	return 0;
}

static int make_photo_key(photo_req *p)
{
	if (p->key_hex_arg) {
		if (hex_decode(p->key_hex_arg, p->key, SUBMIT_KEY_LEN) < 0) {
			fprintf(stderr,
			        "%s: --key needs 32 hex digits (the "
			        "idempotency key an earlier run printed), got "
			        "\"%s\"\n",
			        PROG, p->key_hex_arg);
			return 2;
		}
	} else if (RAND_bytes(p->key, SUBMIT_KEY_LEN) != 1) {
		fprintf(stderr, "%s: no random numbers for the key\n", PROG);
		return 1;
	}
	hex_encode(p->key, SUBMIT_KEY_LEN, p->key_hex);
	return 0;
}

/* The MIME type the file's own bytes name; by its name when they name
 * none (the request checks then say what is wrong with it). */
static const char *mime_of(const photo_req *p)
{
	image_info info;
	const char *why, *dot = strrchr(p->path, '.');

	if (image_probe(p->data, p->len, &info, &why) == 0 ||
	    info.kind != IMAGE_UNKNOWN)
		return image_mime(info.kind);
	return dot && strcmp(dot, ".png") == 0 ? "image/png" : "image/jpeg";
}

static void print_photo_answer(FILE *out, const ProtobufCMessage *m,
                               const char *key_hex)
{
	print_photo_added(out, (const Cctns__V1__PersonPhoto *)m, key_hex);
}

static void pause_before_retry(int attempt)
{
	struct timespec ts = {0, 250L * 1000 * 1000 * attempt};

	nanosleep(&ts, NULL);
}

/* Send with the same key again when the link is lost after sending (as
 * submit.c does for documents); print the answer. */
static int send_photo(photo_req *p, cli_ctx *ctx, Envelope *env, const doc *in)
{
	const reply_spec spec = {.answer =
	                                 CCTNS__V1__ENVELOPE__BODY_PERSON_PHOTO,
	                         .noun = "a photo's receipt",
	                         .print = print_photo_answer};
	Envelope *resp = NULL;
	term_error err;

	for (int attempt = 0;; attempt++) {
		term_conn *conn = cli_connect(ctx, &err);
		int rc;

		if (!conn)
			return cli_report(&err);
		rc = term_call(conn, env, &resp, &err);
		term_close(conn);
		if (rc == 0) {
			rc = reply_print(resp, &spec, p->json, p->key_hex, in);
			envelope_free(resp);
			return rc;
		}
		if (!err.lost || attempt == PHOTO_RETRIES)
			break;
		fprintf(stderr,
		        "%s: note: %s; sending the same photo again with the "
		        "same idempotency key (retry %d of %d)\n",
		        PROG, err.message, attempt + 1, PHOTO_RETRIES);
		pause_before_retry(attempt + 1);
	}
	fprintf(stderr,
	        "%s: %s\n%s: the photo may or may not have been added; to find "
	        "out without adding it twice, run the same command again with "
	        "--key %s\n",
	        PROG, err.message, PROG, p->key_hex);
	return term_exit_code(err.kind);
}

static int photo_add_run(photo_req *p, cli_ctx *ctx)
{
	Cctns__V1__AddPersonPhoto req = CCTNS__V1__ADD_PERSON_PHOTO__INIT;
	Cctns__V1__Officer officer = CCTNS__V1__OFFICER__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const doc in = {.arg = p->path, .name = p->path};
	check_error cerr;
	int rc;

	if ((rc = make_photo_key(p)) != 0 || (rc = read_image(p)) != 0)
		return rc;
	officer.number = (char *)p->officer_number;
	officer.name = (char *)p->officer_name;
	officer.rank = (char *)p->officer_rank;
	req.idempotency_key = (ProtobufCBinaryData){SUBMIT_KEY_LEN, p->key};
	req.person_id = person_id_of(p->id);
	req.mime = (char *)mime_of(p);
	req.data = (ProtobufCBinaryData){p->len, p->data};
	req.taken_at = (char *)(p->taken_at ? p->taken_at : "");
	req.officer = &officer;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_ADD_PERSON_PHOTO;
	env.add_person_photo = &req;
	env.request_id = 1; /* checked as the server will; reassigned */
	if (envelope_check_request(&env, &cerr) < 0)
		return doc_error(&in, 0,
		                 doc_path(cerr.field,
		                          (const char *const[]){
		                                  "add_person_photo.", NULL}),
		                 cerr.message);
	return send_photo(p, ctx, &env, &in);
}

static int photo_add(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	photo_req p = {0};
	const cli_opt opts[] = {{"--taken-at", &p.taken_at, NULL},
	                        {"--officer-number", &p.officer_number, NULL},
	                        {"--officer-name", &p.officer_name, NULL},
	                        {"--officer-rank", &p.officer_rank, NULL},
	                        {"--key", &p.key_hex_arg, NULL},
	                        {"--json", NULL, &p.json}};
	char *pos[2];
	int rc;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 2, 2,
	              &rc) < 0)
		return rc;
	if ((rc = person_arg(pos[0])) != 0)
		return rc;
	if (!p.officer_number || !p.officer_name || !p.officer_rank) {
		fprintf(stderr,
		        "%s: say who adds the photo: --officer-number, "
		        "--officer-name and --officer-rank are required\n",
		        PROG);
		return 2;
	}
	p.id = pos[0];
	p.path = pos[1];
	rc = photo_add_run(&p, ctx);
	free(p.data);
	return rc;
}

/* ------------------------------------------------------------ photo get */

/* The data is the image the record describes: its size and SHA-256. */
static int photo_intact(const Cctns__V1__PersonPhoto *ph)
{
	uint8_t digest[SHA256_DIGEST_LENGTH];
	char hex[2 * SHA256_DIGEST_LENGTH + 1];

	if (!ph->info || ph->data.len != ph->info->size_bytes)
		return 0;
	SHA256(ph->data.data, ph->data.len, digest);
	hex_encode(digest, sizeof(digest), hex);
	return strcmp(hex, ph->info->sha256) == 0;
}

static int save_photo(const Cctns__V1__PersonPhoto *ph, const char *path,
                      int quiet)
{
	char what[200];
	FILE *f;

	if (!photo_intact(ph)) {
		fprintf(stderr,
		        "%s: the photo arrived damaged (size or SHA-256 does "
		        "not match its record); nothing written\n",
		        PROG);
		return 1;
	}
	f = fopen(path, "wb");
	if (!f || fwrite(ph->data.data, 1, ph->data.len, f) != ph->data.len ||
	    fclose(f) != 0) {
		fprintf(stderr, "%s: cannot write %s: %s\n", PROG, path,
		        strerror(errno));
		return 1;
	}
	if (!quiet)
		printf("Photo %u of person %llu written to %s: %s\n",
		       ph->info->photo_no, (unsigned long long)ph->person_id,
		       path, fmt_photo(ph->info, what, sizeof(what)));
	return 0;
}

static int photo_get(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	const char *out = NULL;
	int json = 0, rc;
	const cli_opt opts[] = {{"--out", &out, NULL}, {"--json", NULL, &json}};
	char *pos[2], not_found[96];
	Cctns__V1__GetPersonPhoto get = CCTNS__V1__GET_PERSON_PHOTO__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	const reply_spec spec = {.answer =
	                                 CCTNS__V1__ENVELOPE__BODY_PERSON_PHOTO,
	                         .noun = "a photo",
	                         .print = print_photo_answer,
	                         .not_found = not_found};
	term_error err;
	term_conn *conn;
	unsigned long n;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 2, 2,
	              &rc) < 0)
		return rc;
	if ((rc = person_arg(pos[0])) != 0)
		return rc;
	n = strspn(pos[1], "0123456789") == strlen(pos[1]) &&
	                    strlen(pos[1]) <= 3
	            ? strtoul(pos[1], NULL, 10)
	            : 0;
	if (n == 0) {
		fprintf(stderr,
		        "%s: \"%s\" is not a photo number: 1, 2, ... as cctns "
		        "person show lists them\n",
		        PROG, pos[1]);
		return 2;
	}
	if (!out && !json) {
		fprintf(stderr, "%s: say where to save the photo: --out FILE\n",
		        PROG);
		return 2;
	}
	snprintf(not_found, sizeof(not_found), "person %s has no photo %lu",
	         pos[0], n);
	get.person_id = person_id_of(pos[0]);
	get.photo_no = (uint32_t)n;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_PERSON_PHOTO;
	env.get_person_photo = &get;
	if (!(conn = cli_connect(ctx, &err)))
		return cli_report(&err);
	rc = term_call(conn, &env, &resp, &err);
	term_close(conn);
	if (rc < 0)
		return cli_report(&err);
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_PERSON_PHOTO && out)
		rc = save_photo(resp->person_photo, out, json);
	if (rc == 0 &&
	    (json || resp->body_case != CCTNS__V1__ENVELOPE__BODY_PERSON_PHOTO))
		rc = reply_print(resp, &spec, json, NULL, NULL);
	envelope_free(resp);
	return rc;
}

/* ------------------------------------------------------------ photo */

int cmd_person_photo(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return photo_add(self, ctx, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "get") == 0)
		return photo_get(self, ctx, argc - 1, argv + 1);
	if (argc >= 2 &&
	    (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		cli_print_help(self, stdout);
		return 0;
	}
	fprintf(stderr, "%s: person photo needs add or get\nusage: ", PROG);
	cli_print_usage(self, stderr);
	return 2;
}

int cmd_person_new_details(const command *self, cli_ctx *ctx, int argc,
                           char **argv)
{
	return form_run(&person_update_kind, self, ctx, argc, argv);
}

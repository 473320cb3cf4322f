/* outbox.c: the offline outbox on disk (see outbox.h): queueing a write
 * durably, delivering the queue in order through the one write path, and
 * setting aside what the server refuses or what was torn. */
#include "outbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include "outbox_int.h"
#include "outbox_rec.h"
#include "pbjson.h"
#include "submit.h"
#include "util.h"

/* ------------------------------------------------------------ files */

void ob_path(const cli_ctx *ctx, const char *rel, char *out, size_t n)
{
	snprintf(out, n, "%s%s%s", ctx->cfg.outbox_dir, *rel ? "/" : "", rel);
}

/* fsync a directory, so a rename or a new name in it survives a power
 * cut. */
static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* mkdir 0700; a new directory is made durable in its parent. */
static int make_dir(const char *path)
{
	char parent[1024];
	char *slash;

	if (mkdir(path, 0700) != 0)
		return errno == EEXIST ? 0 : -1;
	snprintf(parent, sizeof(parent), "%s", path);
	slash = strrchr(parent, '/');
	if (!slash)
		return sync_dir(".");
	if (slash == parent)
		slash[1] = '\0';
	else
		*slash = '\0';
	return sync_dir(parent);
}

/* The outbox directory and its areas, created 0700 when missing. */
static int make_dirs(const cli_ctx *ctx, char *msg, size_t n)
{
	static const char *const areas[] = {"", "queue", "failed", "damaged"};
	char path[1024];

	for (size_t i = 0; i < ARRAY_LEN(areas); i++) {
		ob_path(ctx, areas[i], path, sizeof(path));
		if (make_dir(path) < 0) {
			snprintf(msg, n, "cannot create %.300s: %s", path,
			         strerror(errno));
			return -1;
		}
	}
	return 0;
}

int ob_write_file(const char *dir, const char *name, const void *data,
                  size_t len)
{
	char tmp[1100], path[1100];
	int fd;
	ssize_t w = 0;

	snprintf(tmp, sizeof(tmp), "%s/.tmp-%s", dir, name);
	snprintf(path, sizeof(path), "%.1000s/%.90s", dir, name);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	for (size_t off = 0; off < len; off += (size_t)w) {
		w = write(fd, (const char *)data + off, len - off);
		if (w < 0 && errno == EINTR) {
			w = 0;
			continue;
		}
		if (w <= 0)
			goto fail;
	}
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	return sync_dir(dir);
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return -1;
}

int ob_read_file(const char *path, uint8_t **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0, r;

	if (!f)
		return -1;
	do {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			if (cap > OUTBOX_MAX_REQUEST + 4096u) {
				free(buf);
				fclose(f);
				errno = EFBIG;
				return -1;
			}
			buf = xrealloc(buf, cap);
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	*out = buf;
	*len = n;
	return 0;
}

/* flock on .lock; -1 when it cannot be had (wait = 0 and it is busy). */
int ob_lock(const cli_ctx *ctx, int wait)
{
	char path[1024];
	int fd;

	ob_path(ctx, ".lock", path, sizeof(path));
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

void ob_unlock(int fd)
{
	if (fd >= 0)
		close(fd); /* releases the flock */
}

static int is_record(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return d->d_name[0] != '.' && n > 4 &&
	       strcmp(d->d_name + n - 4, ".rec") == 0;
}

int ob_list(const cli_ctx *ctx, const char *area, struct dirent ***names)
{
	char path[1024];

	ob_path(ctx, area, path, sizeof(path));
	return scandir(path, names, is_record, alphasort);
}

void ob_list_free(struct dirent **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int ob_load(const cli_ctx *ctx, const char *area, const char *name,
            outbox_rec *r, char *why, size_t whysz)
{
	char path[1100];
	uint8_t *buf;
	size_t len;
	int rc;

	snprintf(path, sizeof(path), "%s/%s/%s", ctx->cfg.outbox_dir, area,
	         name);
	if (ob_read_file(path, &buf, &len) < 0) {
		snprintf(why, whysz, "cannot read: %s", strerror(errno));
		memset(r, 0, sizeof(*r));
		return -1;
	}
	rc = outbox_rec_decode(buf, len, r, why, whysz);
	free(buf);
	return rc;
}

/* Move area/name to to/name with a reason file beside it (when reason is
 * not NULL), durably. */
int ob_move(const cli_ctx *ctx, const char *area, const char *name,
            const char *to, const char *reason)
{
	char from_dir[1024], to_dir[1024], a[1100], b[1100], rname[300];

	ob_path(ctx, area, from_dir, sizeof(from_dir));
	ob_path(ctx, to, to_dir, sizeof(to_dir));
	if (reason) {
		snprintf(rname, sizeof(rname), "%.250s.reason", name);
		if (ob_write_file(to_dir, rname, reason, strlen(reason)) < 0)
			return -1;
	}
	snprintf(a, sizeof(a), "%s/%s", from_dir, name);
	snprintf(b, sizeof(b), "%s/%s", to_dir, name);
	if (rename(a, b) != 0)
		return -1;
	if (sync_dir(to_dir) < 0)
		return -1;
	return sync_dir(from_dir);
}

/* A delivered record is removed (its personal data has no business on
 * the terminal any more); delivered.log keeps receipt -> number. */
static int ob_forget(const cli_ctx *ctx, const char *name)
{
	char dir[1024], path[1100];

	ob_path(ctx, "queue", dir, sizeof(dir));
	snprintf(path, sizeof(path), "%.1000s/%.90s", dir, name);
	if (unlink(path) != 0)
		return -1;
	return sync_dir(dir);
}

/* ------------------------------------------------------------ queueing */

/* "9-118-1001-desk-1" from this terminal's certificate (CN
 * station:S:D:ST, OU terminal). Letters, digits, '-' and '_' are kept. */
static int terminal_id(const term_config *cfg, char *out, size_t n, char *msg,
                       size_t msgsz)
{
	FILE *f = cfg->cert && *cfg->cert ? fopen(cfg->cert, "r") : NULL;
	X509 *x = f ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;
	char cn[128] = "", ou[64] = "";
	unsigned s, d, st;
	int ok = 0;

	if (f)
		fclose(f);
	if (x) {
		X509_NAME *sub = X509_get_subject_name(x);

		X509_NAME_get_text_by_NID(sub, NID_commonName, cn, sizeof(cn));
		X509_NAME_get_text_by_NID(sub, NID_organizationalUnitName, ou,
		                          sizeof(ou));
		X509_free(x);
		for (char *p = ou; *p; p++)
			if (!(*p == '-' || *p == '_' ||
			      (*p >= '0' && *p <= '9') ||
			      (*p >= 'a' && *p <= 'z') ||
			      (*p >= 'A' && *p <= 'Z')))
				*p = '_';
		ok = sscanf(cn, "station:%u:%u:%u", &s, &d, &st) == 3;
	}
	if (!ok) {
		snprintf(msg, msgsz,
		         "this terminal's certificate ([tls] cert in %s) does "
		         "not name a station, so no offline receipt can be "
		         "given",
		         cfg->path);
		return -1;
	}
	snprintf(out, n, "%u-%u-%u-%.16s", s, d, st, *ou ? ou : "terminal");
	return 0;
}

/* The next receipt sequence, stored durably before it is used (a crash
 * after this skips a sequence; receipts need not be gapless). */
static int next_seq(const cli_ctx *ctx, unsigned long *seq)
{
	char path[1100], buf[32];
	uint8_t *data = NULL;
	size_t len = 0;
	unsigned long last = 0;
	int n;

	ob_path(ctx, "seq", path, sizeof(path));
	if (ob_read_file(path, &data, &len) == 0) {
		snprintf(buf, sizeof(buf), "%.*s", (int)(len < 31 ? len : 31),
		         (const char *)data);
		free(data);
		last = strtoul(buf, NULL, 10);
	} else if (errno != ENOENT) {
		return -1;
	}
	*seq = last + 1;
	n = snprintf(buf, sizeof(buf), "%lu\n", *seq);
	return ob_write_file(ctx->cfg.outbox_dir, "seq", buf, (size_t)n);
}

static void print_queued(const outbox_rec *r, const char *key_hex, int json,
                         const term_error *why)
{
	if (json) {
		printf("{\n  \"queued\": true,\n  \"offline_receipt\": "
		       "\"%s\",\n  \"kind\": \"%s\",\n  \"idempotency_key\": "
		       "\"%s\"\n}\n",
		       r->receipt, r->noun, key_hex);
		return;
	}
	printf("%s queued offline: receipt %s\n"
	       "The server cannot be reached (%s). The %s is kept on this "
	       "terminal and will be delivered, with its number given by the "
	       "server, by cctns sync or the next command that reaches the "
	       "server.\nidempotency key: %s\n",
	       r->noun, r->receipt, why->message, r->noun, key_hex);
}

static int store(const cli_ctx *ctx, outbox_rec *r, char *msg, size_t n)
{
	char tid[96], name[32], dir[1024];
	unsigned long seq;
	uint8_t *bytes;
	size_t len;

	if (terminal_id(&ctx->cfg, tid, sizeof(tid), msg, n) < 0)
		return -1;
	if (make_dirs(ctx, msg, n) < 0)
		return -1;
	if (next_seq(ctx, &seq) < 0) {
		snprintf(msg, n, "cannot store the outbox sequence in %s: %s",
		         ctx->cfg.outbox_dir, strerror(errno));
		return -1;
	}
	snprintf(r->receipt, sizeof(r->receipt), "OFF-%.38s-%06lu", tid, seq);
	if (outbox_rec_encode(r, &bytes, &len) < 0) {
		snprintf(msg, n, "the request cannot be kept in the outbox");
		return -1;
	}
	snprintf(name, sizeof(name), "%010lu.rec", seq);
	ob_path(ctx, "queue", dir, sizeof(dir));
	if (ob_write_file(dir, name, bytes, len) < 0) {
		snprintf(msg, n, "cannot write %.300s/%.60s: %s", dir, name,
		         strerror(errno));
		free(bytes);
		return -1;
	}
	free(bytes);
	return 0;
}

int outbox_queue(cli_ctx *ctx, const char *noun, const Envelope *env,
                 const char *key_hex, int json, const term_error *why)
{
	outbox_rec r = {.version = OUTBOX_FORMAT};
	Envelope copy = *env;
	char msg[600];
	int lock, rc;

	copy.request_id = 0; /* given again when it is sent */
	r.kind = (uint32_t)env->body_case;
	r.queued_at = (int64_t)time(NULL);
	snprintf(r.noun, sizeof(r.noun), "%s", noun);
	r.request_len = cctns__v1__envelope__get_packed_size(&copy);
	r.request = xmalloc(r.request_len ? r.request_len : 1);
	cctns__v1__envelope__pack(&copy, r.request);
	if (!ctx->cfg.outbox_dir || !*ctx->cfg.outbox_dir) {
		snprintf(msg, sizeof(msg), "no [outbox] dir is configured");
		rc = -1;
	} else if (make_dirs(ctx, msg, sizeof(msg)) < 0) {
		rc = -1;
	} else if ((lock = ob_lock(ctx, 1)) < 0) {
		snprintf(msg, sizeof(msg), "cannot lock the outbox %s: %s",
		         ctx->cfg.outbox_dir, strerror(errno));
		rc = -1;
	} else {
		rc = store(ctx, &r, msg, sizeof(msg));
		ob_unlock(lock);
	}
	if (rc == 0)
		print_queued(&r, key_hex, json, why);
	outbox_rec_free(&r);
	if (rc == 0)
		return 0;
	fprintf(stderr, "%s: %s\n%s: the %s was NOT queued: %s\n", PROG,
	        why->message, PROG, noun, msg);
	return term_exit_code(why->kind);
}

/* ------------------------------------------------------------ delivery */

int outbox_pending(const cli_ctx *ctx)
{
	struct dirent **names = NULL;
	int n;

	if (!ctx->cfg_loaded || !ctx->cfg.outbox_dir || !*ctx->cfg.outbox_dir)
		return 0;
	n = ob_list(ctx, "queue", &names);
	if (n < 0)
		return 0;
	ob_list_free(names, n);
	return n > 0;
}

int outbox_count(const cli_ctx *ctx)
{
	struct dirent **names = NULL;
	int n;

	if (!ctx->cfg_loaded || !ctx->cfg.outbox_dir || !*ctx->cfg.outbox_dir)
		return 0;
	n = ob_list(ctx, "queue", &names);
	if (n < 0)
		return 0;
	ob_list_free(names, n);
	return n;
}

static int name_ends(const char *name, const char *suffix)
{
	size_t n = strlen(name), s = strlen(suffix);

	return n >= s && strcmp(name + n - s, suffix) == 0;
}

/* Append the "numbers" of an answer: top-level text fields named
 * *_number or *_code, else those of its first sub-message, else a number
 * field. */
static void answer_number(const ProtobufCMessage *m, char *out, size_t n,
                          int depth)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	size_t used = strlen(out);

	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		const char *v;

		if (f->type != PROTOBUF_C_TYPE_STRING ||
		    f->label == PROTOBUF_C_LABEL_REPEATED ||
		    !(name_ends(f->name, "_number") ||
		      name_ends(f->name, "_code")))
			continue;
		v = *(char *const *)(const void *)((const char *)m + f->offset);
		if (v && *v && used < n)
			used += (size_t)snprintf(out + used, n - used, "%s%s",
			                         used ? " " : "", v);
	}
	for (unsigned i = 0; !*out && depth == 0 && i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		const ProtobufCMessage *sub;

		if (f->type != PROTOBUF_C_TYPE_MESSAGE ||
		    f->label == PROTOBUF_C_LABEL_REPEATED)
			continue;
		sub = *(const ProtobufCMessage *const
		                *)(const void *)((const char *)m + f->offset);
		if (sub)
			answer_number(sub, out, n, 1);
	}
	for (unsigned i = 0; !*out && i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];

		if (f->type == PROTOBUF_C_TYPE_UINT32 &&
		    strcmp(f->name, "number") == 0)
			snprintf(
			        out, n, "%u",
			        *(const uint32_t *)(const void *)((const char *)
			                                                  m +
			                                          f->offset));
	}
}

static int answer_replayed(const ProtobufCMessage *m)
{
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field_by_name(m->descriptor,
	                                                        "replayed");

	return f && f->type == PROTOBUF_C_TYPE_BOOL &&
	       *(const protobuf_c_boolean *)(const void *)((const char *)m +
	                                                   f->offset);
}

/* The idempotency key of a request, as hex, or "". */
static void request_key(const Envelope *env, char *out)
{
	const ProtobufCMessage *body = NULL;
	const ProtobufCFieldDescriptor *bf, *kf;
	const ProtobufCBinaryData *k;

	*out = '\0';
	bf = protobuf_c_message_descriptor_get_field(
	        &cctns__v1__envelope__descriptor, (unsigned)env->body_case);
	if (!bf || bf->type != PROTOBUF_C_TYPE_MESSAGE)
		return;
	body = *(const ProtobufCMessage *const *)(const void *)((const char *)
	                                                                env +
	                                                        bf->offset);
	if (!body)
		return;
	kf = protobuf_c_message_descriptor_get_field_by_name(body->descriptor,
	                                                     "idempotency_key");
	if (!kf || kf->type != PROTOBUF_C_TYPE_BYTES)
		return;
	k = (const ProtobufCBinaryData *)(const void *)((const char *)body +
	                                                kf->offset);
	if (k->len == SUBMIT_KEY_LEN)
		hex_encode(k->data, k->len, out);
}

void ob_request_key(const outbox_rec *r, char *out)
{
	Envelope *env =
	        cctns__v1__envelope__unpack(NULL, r->request_len, r->request);

	*out = '\0';
	if (!env)
		return;
	request_key(env, out);
	envelope_free(env);
}

static int log_delivered(const cli_ctx *ctx, const outbox_rec *r,
                         const char *number, const char *key_hex)
{
	char path[1100], line[600], when[32];
	time_t now = time(NULL);
	struct tm tm;
	int fd, n, rc;

	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	n = snprintf(line, sizeof(line), "%s\t%s\t%s\t%s\t%s\n", r->receipt,
	             r->noun, number, when, key_hex);
	if (n < 0 || (size_t)n >= sizeof(line))
		return -1;
	ob_path(ctx, "delivered.log", path, sizeof(path));
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	rc = write(fd, line, (size_t)n) == n && fsync(fd) == 0 ? 0 : -1;
	close(fd);
	if (rc == 0)
		rc = sync_dir(ctx->cfg.outbox_dir);
	return rc;
}

static void say(int quiet, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static void say(int quiet, const char *fmt, ...)
{
	va_list ap;
	FILE *out = quiet ? stderr : stdout;

	if (quiet)
		fprintf(out, "%s: ", PROG);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fflush(out);
}

typedef enum { SENT_DONE, SENT_FAILED, SENT_STOP } sent;

/* The server answered a queued request with resp. */
static sent answered(const cli_ctx *ctx, const char *name, const outbox_rec *r,
                     const Envelope *env, const Envelope *resp, int quiet)
{
	char number[128] = "", key_hex[2 * SUBMIT_KEY_LEN + 1], reason[700];
	const ProtobufCMessage *body = reply_body(resp);
	term_error err;

	request_key(env, key_hex);
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS) {
		term_error_from_status(resp->status, &err);
		/* signin: no officer signed in (or the session locked) is not
		 * a refusal of the write: it stays queued for after login. */
		if (err.kind == TERM_ERR_UNREACHABLE ||
		    resp->status->code ==
		            CCTNS__V1__STATUS_CODE__STATUS_CODE_UNAUTHENTICATED)
			return SENT_STOP;
		snprintf(reason, sizeof(reason), "%s%s%s\n", err.field,
		         *err.field ? ": " : "", err.message);
		if (ob_move(ctx, "queue", name, "failed", reason) < 0)
			say(quiet,
			    "%s refused by the server (%s) and could "
			    "not be moved to failed/: %s\n",
			    r->receipt, err.message, strerror(errno));
		else
			say(quiet,
			    "%s -> refused by the server: %s%s%s (kept in "
			    "%s/failed; the rest goes on)\n",
			    r->receipt, err.field, *err.field ? ": " : "",
			    err.message, ctx->cfg.outbox_dir);
		return SENT_FAILED;
	}
	if (body)
		answer_number(body, number, sizeof(number), 0);
	if (!*number)
		snprintf(number, sizeof(number), "delivered");
	if (log_delivered(ctx, r, number, key_hex) < 0 ||
	    ob_forget(ctx, name) < 0)
		say(quiet,
		    "%s delivered as %s %s but the outbox could not "
		    "record it (%s); it may be sent again, which the "
		    "idempotency key makes harmless\n",
		    r->receipt, r->noun, number, strerror(errno));
	say(quiet, "%s -> %s %s%s\n", r->receipt, r->noun, number,
	    body && answer_replayed(body)
	            ? " (had reached the server before: its original number)"
	            : "");
	return SENT_DONE;
}

/* Deliver one record; a damaged one is set aside; one queued by another
 * terminal (an outbox directory shared by mistake) is left alone: sent
 * with this terminal's certificate it would be recorded for this station.
 * prefix is "OFF-<this terminal>-". */
static sent deliver_one(cli_ctx *ctx, term_conn **conn, const char *name,
                        const char *prefix, int quiet, term_error *err)
{
	outbox_rec r;
	Envelope *env, *resp = NULL;
	char why[200], reason[300];
	int maybe_sent = 0;
	sent s;

	if (ob_load(ctx, "queue", name, &r, why, sizeof(why)) < 0) {
		snprintf(reason, sizeof(reason), "%s\n", why);
		if (ob_move(ctx, "queue", name, "damaged", reason) < 0)
			fprintf(stderr, "%s: cannot move %s to damaged/: %s\n",
			        PROG, name, strerror(errno));
		fprintf(stderr,
		        "%s: outbox record %s is damaged (%s): set aside in "
		        "%s/damaged, never delivered; re-enter it from the "
		        "paper record\n",
		        PROG, name, why, ctx->cfg.outbox_dir);
		return SENT_FAILED;
	}
	if (strncmp(r.receipt, prefix, strlen(prefix)) != 0) {
		fprintf(stderr,
		        "%s: outbox record %s (%s) was queued by another "
		        "terminal: left for it to deliver\n",
		        PROG, name, r.receipt);
		outbox_rec_free(&r);
		return SENT_FAILED;
	}
	env = cctns__v1__envelope__unpack(NULL, r.request_len, r.request);
	if (!env) { /* decode checked it: cannot happen */
		outbox_rec_free(&r);
		return SENT_STOP;
	}
	if (submit_send(ctx, conn, r.noun, env, &resp, &maybe_sent, err) < 0)
		s = SENT_STOP;
	else
		s = answered(ctx, name, &r, env, resp, quiet);
	if (s == SENT_STOP && resp)
		term_error_from_status(resp->status, err);
	if (resp)
		envelope_free(resp);
	envelope_free(env);
	outbox_rec_free(&r);
	return s;
}

int outbox_deliver(cli_ctx *ctx, term_conn **conn, int quiet)
{
	struct dirent **names = NULL;
	term_error err = {0};
	char tid[64], prefix[80], msg[300];
	int n, lock, left = 0;

	if (terminal_id(&ctx->cfg, tid, sizeof(tid), msg, sizeof(msg)) < 0) {
		fprintf(stderr, "%s: %s\n", PROG, msg);
		return quiet ? 0 : -1;
	}
	snprintf(prefix, sizeof(prefix), "OFF-%.38s-", tid);
	lock = ob_lock(ctx, !quiet);
	if (lock < 0)
		return quiet ? 0 : -1;
	n = ob_list(ctx, "queue", &names);
	for (int i = 0; i < n; i++) {
		if (left == 0 && deliver_one(ctx, conn, names[i]->d_name,
		                             prefix, quiet, &err) == SENT_STOP)
			left = n - i;
	}
	if (left > 0)
		say(1,
		    "%d queued record%s not delivered now (%s); they stay "
		    "queued for cctns sync\n",
		    left, left == 1 ? "" : "s", err.message);
	if (n > 0)
		ob_list_free(names, n);
	ob_unlock(lock);
	return left;
}

/* form_draft.c: a form's draft on disk, so that a power cut or a closed
 * terminal loses nothing. One JSON file per form:
 *   {"cctns_draft": 1, "form": "cctns.v1.FirContent",
 *    "saved_at": "2026-11-29T10:32:05+05:30", "position": "complainant.name",
 *    "key": "<32 hex digits: the idempotency key>", "doc": {...}}
 * written atomically (a temporary file, fsync, rename over the draft, fsync
 * of the folder), so the file is always the old draft or the new one. A
 * file that is not such a draft (torn by a disk fault, edited by hand, of
 * another form) is refused with the reason; the caller sets it aside. */
#include "form_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "pbjson.h"
#include "util.h"

#define DRAFT_MAX (8u * 1024u * 1024u)

/* mkdir -p of the folder holding path, mode 0700 for what it makes. */
static int make_parent(const char *path, char *why, size_t whysz)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int rc = 0;

	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; rc == 0; p++) {
			if (*p != '/' && *p != '\0')
				continue;
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
				snprintf(why, whysz, "cannot make %s: %s", dir,
				         strerror(errno));
				rc = -1;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
	return rc;
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* fsync the folder holding path, so the rename itself is on disk. */
static int sync_parent(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int fd, rc;

	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static char *draft_text(const ProtobufCMessage *doc,
                        const uint8_t key[FORM_KEY_LEN], const char *position,
                        int64_t now)
{
	char *docjson = pbjson_format(doc, 0), hex[2 * FORM_KEY_LEN + 1];
	char saved[40], *text;
	json_object *root = json_object_new_object();

	hex_encode(key, FORM_KEY_LEN, hex);
	fv_now_text(now, saved, sizeof(saved));
	json_object_object_add(root, "cctns_draft", json_object_new_int(1));
	json_object_object_add(root, "form",
	                       json_object_new_string(doc->descriptor->name));
	json_object_object_add(root, "saved_at", json_object_new_string(saved));
	json_object_object_add(root, "position",
	                       json_object_new_string(position));
	json_object_object_add(root, "key", json_object_new_string(hex));
	json_object_object_add(root, "doc", json_tokener_parse(docjson));
	text = xstrdup(json_object_to_json_string_ext(
	        root,
	        JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(root);
	free(docjson);
	return text;
}

int form_draft_write(const char *path, const ProtobufCMessage *doc,
                     const uint8_t key[FORM_KEY_LEN], const char *position,
                     int64_t now, char *why, size_t whysz)
{
	char *text = draft_text(doc, key, position, now);
	size_t n = strlen(path) + 5;
	char *tmp = xmalloc(n);
	int fd = -1, rc = -1;

	snprintf(tmp, n, "%s.tmp", path);
	if (make_parent(path, why, whysz) < 0)
		goto done;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, text, strlen(text)) < 0 ||
	    write_all(fd, "\n", 1) < 0 || fsync(fd) < 0) {
		snprintf(why, whysz, "cannot write %s: %s", tmp,
		         strerror(errno));
		goto done;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		fd = -1;
		snprintf(why, whysz, "cannot save %s: %s", path,
		         strerror(errno));
		goto done;
	}
	fd = -1;
	sync_parent(path);
	rc = 0;
done:
	if (fd >= 0)
		close(fd);
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	free(text);
	return rc;
}

/* The whole file, NUL-terminated. 1, 0 when missing, -1 on error. */
static int read_file(const char *path, char **text, char *why, size_t whysz)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 64 * 1024, len = 0, got;

	if (!f) {
		if (errno == ENOENT)
			return 0;
		snprintf(why, whysz, "cannot read it: %s", strerror(errno));
		return -1;
	}
	*text = xmalloc(cap + 1);
	while ((got = fread(*text + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap && cap < DRAFT_MAX) {
			cap *= 2;
			*text = xrealloc(*text, cap + 1);
		} else if (len == cap) {
			break;
		}
	}
	fclose(f);
	(*text)[len] = '\0';
	if (len >= DRAFT_MAX) {
		snprintf(why, whysz, "larger than any draft");
		return -1;
	}
	return 1;
}

static const char *member_string(json_object *o, const char *key)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* Check the envelope of the draft and parse its document. */
static int parse_draft(json_object *root, const ProtobufCMessageDescriptor *d,
                       ProtobufCMessage **doc, uint8_t key[FORM_KEY_LEN],
                       char *position, size_t possz, char *saved_at,
                       size_t savedsz, char *why, size_t whysz)
{
	const char *name = member_string(root, "form");
	const char *hex = member_string(root, "key");
	const char *pos = member_string(root, "position");
	const char *saved = member_string(root, "saved_at");
	json_object *body;
	pbjson_error perr;
	const char *text;

	if (!name || strcmp(name, d->name) != 0) {
		snprintf(why, whysz, "it is not a draft of this form");
		return -1;
	}
	if (!hex || hex_decode(hex, key, FORM_KEY_LEN) < 0 || !pos || !saved ||
	    !json_object_object_get_ex(root, "doc", &body) ||
	    !json_object_is_type(body, json_type_object)) {
		snprintf(why, whysz,
		         "its key, position, time or document is "
		         "missing or damaged");
		return -1;
	}
	text = json_object_to_json_string(body);
	*doc = pbjson_parse(d, text, strlen(text), &perr);
	if (!*doc) {
		snprintf(why, whysz, "its document is damaged: %s%s%s",
		         perr.path, *perr.path ? ": " : "", perr.message);
		return -1;
	}
	snprintf(position, possz, "%s", pos);
	snprintf(saved_at, savedsz, "%s", saved);
	return 1;
}

int form_draft_read(const char *path, const ProtobufCMessageDescriptor *desc,
                    ProtobufCMessage **doc, uint8_t key[FORM_KEY_LEN],
                    char *position, size_t possz, char *saved_at,
                    size_t savedsz, char *why, size_t whysz)
{
	char *text = NULL;
	json_object *root;
	enum json_tokener_error jerr;
	int rc = read_file(path, &text, why, whysz);

	*doc = NULL;
	if (rc <= 0) {
		free(text);
		return rc;
	}
	root = json_tokener_parse_verbose(text, &jerr);
	if (!root || !json_object_is_type(root, json_type_object)) {
		snprintf(why, whysz, "it is not a whole JSON draft (%s)",
		         root ? "not an object"
		              : json_tokener_error_desc(jerr));
		rc = -1;
	} else {
		rc = parse_draft(root, desc, doc, key, position, possz,
		                 saved_at, savedsz, why, whysz);
	}
	json_object_put(root);
	free(text);
	return rc;
}

int form_draft_set_aside(const char *path, char *to, size_t tosz)
{
	struct stat st;

	for (int i = 1; i < 100; i++) {
		if (i == 1)
			snprintf(to, tosz, "%s.bad", path);
		else
			snprintf(to, tosz, "%s.bad.%d", path, i);
		if (stat(to, &st) < 0 && errno == ENOENT)
			return rename(path, to);
	}
	return -1;
}

/* doc.c: reading and parsing the terminal's JSON documents (see doc.h). */
#include "doc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pbjson.h"
#include "util.h"

/* Read all of d->arg, at most DOC_MAX bytes. 0, or 3 after printing. */
static int read_all(doc *d)
{
	int is_stdin = strcmp(d->arg, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(d->arg, "rb");
	size_t cap = 64 * 1024;
	int rc = 3;

	if (!f) {
		fprintf(stderr, "%s: cannot read %s: %s\n", PROG, d->name,
		        strerror(errno));
		return 3;
	}
	d->text = xmalloc(cap + 1);
	for (;;) {
		size_t n = fread(d->text + d->len, 1, cap - d->len, f);

		d->len += n;
		if (d->len > DOC_MAX) {
			doc_error(d, 0, "",
			          "larger than 8 MiB; no record "
			          "the terminal sends is that large");
			goto done;
		}
		if (n == 0)
			break;
		if (d->len == cap) {
			cap = cap * 2 > DOC_MAX + 1 ? DOC_MAX + 1 : cap * 2;
			d->text = xrealloc(d->text, cap + 1);
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "%s: cannot read %s: %s\n", PROG, d->name,
		        strerror(errno));
		goto done;
	}
	d->text[d->len] = '\0';
	rc = 0;
done:
	if (!is_stdin)
		fclose(f);
	return rc;
}

/* Is the field called name set in msg (a non-empty string or bytes, a
 * sub-message, a non-zero number)? */
static int field_is_set(const ProtobufCMessage *msg, const char *name)
{
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field_by_name(msg->descriptor,
	                                                        name);
	const char *at;

	if (!f)
		return 0;
	at = (const char *)msg + f->offset;
	if (f->label == PROTOBUF_C_LABEL_REPEATED)
		return *(const size_t *)((const char *)msg +
		                         f->quantifier_offset) > 0;
	switch (f->type) {
	case PROTOBUF_C_TYPE_STRING: {
		const char *s = *(const char *const *)at;
		return s && *s;
	}
	case PROTOBUF_C_TYPE_BYTES:
		return ((const ProtobufCBinaryData *)at)->len > 0;
	case PROTOBUF_C_TYPE_MESSAGE:
		return *(const void *const *)at != NULL;
	default:
		return *(const uint32_t *)at != 0;
	}
}

int doc_load(doc *d, const char *arg, const ProtobufCMessageDescriptor *desc,
             const char *const *own)
{
	pbjson_error perr;
	int rc;

	memset(d, 0, sizeof(*d));
	d->arg = arg;
	d->name = strcmp(arg, "-") == 0 ? "<stdin>" : arg;
	rc = read_all(d);
	if (rc != 0)
		return rc;
	d->msg = pbjson_parse(desc, d->text, d->len, &perr);
	if (!d->msg)
		return doc_error(d, perr.line, perr.path, perr.message);
	for (size_t i = 0; own && own[i]; i++)
		if (field_is_set(d->msg, own[i]))
			return doc_error(d, 0, own[i],
			                 "the command sets this from its "
			                 "arguments; leave it out of the "
			                 "document");
	return 0;
}

void doc_free(doc *d)
{
	if (d->msg)
		protobuf_c_message_free_unpacked(d->msg, NULL);
	free(d->text);
	d->msg = NULL;
	d->text = NULL;
}

int doc_error(const doc *d, int line, const char *path, const char *message)
{
	if (line > 0)
		fprintf(stderr, "%s:%d: ", d->name, line);
	else
		fprintf(stderr, "%s: ", d->name);
	if (path && *path)
		fprintf(stderr, "%s: ", path);
	fprintf(stderr, "%s\n", message);
	return 3;
}

const char *doc_path(const char *field, const char *const *strip)
{
	for (size_t i = 0; field && strip && strip[i]; i++) {
		size_t n = strlen(strip[i]);

		if (strncmp(field, strip[i], n) == 0)
			field += n;
		else if (n > 0 && strncmp(field, strip[i], n - 1) == 0 &&
		         field[n - 1] == '\0')
			return "";
	}
	return field ? field : "";
}

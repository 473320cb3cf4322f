/* doc.h: the JSON documents commands read (an FIR, a diary entry, an IO
 * assignment, an arrest memo): read FILE or standard input, parse it as a
 * message by its descriptor (proto/pbjson.h), and report every problem the
 * way a station writer can fix it: "FILE:LINE: field.path: reason", exit
 * code 3. */
#ifndef CCTNS_CLIENT_DOC_H
#define CCTNS_CLIENT_DOC_H

#include <stddef.h>

#include <protobuf-c/protobuf-c.h>

#define DOC_MAX (8u * 1024u * 1024u) /* largest document read */

typedef struct doc {
	const char *arg;  /* FILE as given; "-" is standard input */
	const char *name; /* for messages: FILE, or "<stdin>" */
	char *text;       /* the bytes read, NUL-terminated */
	size_t len;
	ProtobufCMessage *msg; /* the parsed document */
} doc;

/* Read arg ("-": standard input) and parse it as a desc message into d.
 * Fields named in own (NULL-terminated, may be NULL) are set by the command
 * from its arguments, so a document that sets one is refused. Returns 0, or
 * 3 after printing why. doc_free(d) either way. */
int doc_load(doc *d, const char *arg, const ProtobufCMessageDescriptor *desc,
             const char *const *own) __attribute__((warn_unused_result));

void doc_free(doc *d);

/* "FILE:LINE: path: message" on stderr (":LINE" when line > 0, "path: "
 * when path is not empty). Returns 3, the exit code of invalid input. */
int doc_error(const doc *d, int line, const char *path, const char *message);

/* The field path of a Status or check_error as a path in the document:
 * each prefix of strip (NULL-terminated, each ending in '.') is removed in
 * turn when field starts with it; a field that names a prefix itself (the
 * whole document) becomes "". */
const char *doc_path(const char *field, const char *const *strip);

#endif

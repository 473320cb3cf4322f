/* prepack.h: a message with all its fields but one encoded once (issue 7,
 * FIR by number). An FIR read is answered again and again from the worker's
 * copy (fircache.h), and protobuf-c encoded the whole Fir at every answer:
 * about a tenth of the server's CPU per read went to sizing and packing the
 * same content. Only one part of that answer changes per request: the
 * receipt, which carries the asking terminal's Identity.
 *
 * A prepack is a shell of the message's type: the field named keep points
 * to the message's own sub-message (set per answer, as before), and every
 * other field is already encoded and held as a protobuf-c unknown field,
 * which protobuf-c writes as it is (tag, then the bytes) after the known
 * fields. Decoders see the same fields with the same values; only the
 * order of the fields on the wire changes (keep's field comes first),
 * which protobuf allows. The shell borrows the message: it must not
 * outlive it, and the message must not change while the shell is used. */
#ifndef CCTNS_SERVER_PREPACK_H
#define CCTNS_SERVER_PREPACK_H

#include <stddef.h>

#include <protobuf-c/protobuf-c.h>

struct prepack;

/* Encode msg's fields other than keep (a singular message field of msg's
 * type, not in a oneof) once. NULL when keep is not such a field: the
 * caller then answers with msg itself. msg is left as it was. */
struct prepack *prepack_new(ProtobufCMessage *msg, const char *keep);

/* The shell to answer with (the same bytes as msg when packed). */
ProtobufCMessage *prepack_msg(struct prepack *p);

/* Bytes held by p (for the cache's accounting). */
size_t prepack_bytes(const struct prepack *p);

void prepack_free(struct prepack *p);

#endif

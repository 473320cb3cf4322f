/* pbjson.h: JSON <-> protobuf conversion driven by protobuf-c descriptors,
 * so every message gets JSON for free. Uses json-c.
 *
 * Mapping (close to proto3 JSON, with two deliberate differences marked *):
 * - keys are the .proto field names (snake_case); unknown keys are errors*;
 * - enums are strings: output is the short lower-case name without the type
 *   prefix* ("written" for INFORMATION_TYPE_WRITTEN); input accepts the short
 *   name in any case, the full name, or the number;
 * - 64-bit integers are output as JSON numbers, accepted as numbers or
 *   decimal strings; 32-bit ones must fit; negative into unsigned is an error;
 * - bytes are base64 (standard alphabet, padding optional on input);
 * - repeated fields are arrays, messages are objects, null means unset;
 * - on output, fields at their default (0, "", false, empty) are omitted.
 * Every error names the path of the offending field. */
#ifndef CCTNS_PBJSON_H
#define CCTNS_PBJSON_H

#include <stddef.h>

#include <protobuf-c/protobuf-c.h>

typedef struct pbjson_error {
	char path[128];    /* e.g. "charges[1].section"; "" for the document */
	char message[256]; /* e.g. "expected a string, got a number" */
	int line; /* 1-based line of a JSON syntax error, 0 otherwise */
} pbjson_error;

enum {
	PBJSON_PRETTY = 1 << 0, /* indent two spaces, one field per line */
};

/* Parse len bytes of JSON text into a new message of type desc. Returns NULL
 * with err filled on any error (syntax, type, unknown field, range, nesting
 * deeper than 32, input over 8 MiB). The caller frees the result with
 * protobuf_c_message_free_unpacked(msg, NULL). */
ProtobufCMessage *pbjson_parse(const ProtobufCMessageDescriptor *desc,
                               const char *json, size_t len, pbjson_error *err)
        __attribute__((warn_unused_result));

/* Format msg as JSON text (NUL-terminated, malloc'd, caller frees). */
char *pbjson_format(const ProtobufCMessage *msg, int flags)
        __attribute__((warn_unused_result));

/* Short enum name as used in JSON ("written"), written into buf. Returns buf,
 * or NULL when value is not a member of the enum. */
const char *pbjson_enum_short(const ProtobufCEnumDescriptor *desc, int value,
                              char *buf, size_t bufsz);

#endif

/* pbfield.h: facts about protobuf-c fields that code walking messages by
 * descriptor needs (the JSON mapping and the envelope checks). */
#ifndef CCTNS_PBFIELD_H
#define CCTNS_PBFIELD_H

#include <stddef.h>

#include <protobuf-c/protobuf-c.h>

/* Size in bytes of one element of a field of type t, as protobuf-c lays out
 * a repeated field's array. */
size_t pbfield_elem_size(ProtobufCType t);

#endif

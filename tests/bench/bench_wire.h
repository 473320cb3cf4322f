/* bench_wire.h: the top level of a serialized cctns.v1.Envelope, walked
 * without unpacking it (bench, issue 7). cctns-bench checks every answer's
 * request id and which body it carries; a read's answer (a 2 KB Fir) need
 * not be unpacked for that. */
#ifndef CCTNS_BENCH_WIRE_H
#define CCTNS_BENCH_WIRE_H

#include <stddef.h>
#include <stdint.h>

/* Walk the protobuf wire format of an Envelope's top level: every field's
 * key and length checked against len, request_id (field 1, a varint) and
 * the field number of the body (a field of the body oneof, length-delimited;
 * the last one wins, as when unpacking) returned; a body's own bytes are
 * skipped. Unknown fields are skipped as protobuf does. Returns 0, or -1
 * when the bytes cannot be an Envelope (truncated field, bad key or wire
 * type, a known field with the wrong wire type, end inside a field). */
int wire_envelope_top(const uint8_t *buf, size_t len, uint64_t *request_id,
                      uint32_t *body_field);

#endif

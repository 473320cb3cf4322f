/* fircache.h: the worker's copies of FIRs it answered (issue 7, FIR by
 * number). An FIR read through the server is built from the database's JSON
 * (json-c, pbjson_parse) into a Fir message; the worker keeps that message
 * under its key (station codes and the number as asked) with the tag the
 * database gave it (api.get_fir_tagged: which stored rendering, which of its
 * unmasked / masked JSONs). At every read the worker sends the tag of its
 * copy; the database decides as for any read (station, FIR, sealing, the
 * sealed-read record) and leaves the JSON out when the tag is still the
 * one it would answer with. Least recently used copies go first when the
 * bytes (an estimate: twice the JSON's length) pass the configured size
 * ([cache] fir_mb). One per worker process; not thread-safe (the worker's
 * event loop only). */
#ifndef CCTNS_SERVER_FIRCACHE_H
#define CCTNS_SERVER_FIRCACHE_H

#include <stddef.h>
#include <stdint.h>

#include <protobuf-c/protobuf-c.h>

#include "envelope.h"
#include "jsoncall.h"
#include "request.h"

#define FIRCACHE_KEY_MAX 64
#define FIRCACHE_TAG_MAX 32

struct fircache_entry;

/* Set the size (bytes; 0 turns the cache off and empties it); copies beyond
 * it are dropped, least recently used first. */
void fircache_configure(size_t bytes);

/* The copy under key, held (fircache_release) so it outlives eviction, and
 * made the most recently used; NULL when none. */
struct fircache_entry *fircache_get(const char *key);
const char *fircache_entry_tag(const struct fircache_entry *e);
/* issue 7: the message to answer with from the copy (counted as a hit): a
 * shell of it whose fields other than keep (the one a reply fills per
 * request, jsoncall_reply_keep) were encoded once, at the copy's first
 * answer (prepack.h); the copy itself when keep is NULL or not such a
 * field. The shell's bytes count with the copy's. */
ProtobufCMessage *fircache_entry_answer(struct fircache_entry *e,
                                        const char *keep);
void fircache_release(struct fircache_entry *e);

/* Keep msg (owned from now on: freed here, now when it does not fit) under
 * key with tag, replacing any earlier copy; bytes is its estimated size. */
void fircache_put(const char *key, const char *tag, ProtobufCMessage *msg,
                  size_t bytes);

/* Drop the copy under key, if any (the database said not to keep it). */
void fircache_forget(const char *key);

/* fir (slice 12): local answers (firlisten.h). A copy is "verified" when
 * the worker may answer it without the database: a plain copy (tag ending
 * in 'p') confirmed by a read during which the listener stayed up and
 * received nothing (handlers_fir.c explains why that is enough). Every
 * copy starts unverified. fircache_verify marks the copy under key if its
 * tag is tag; fircache_forget_all drops every copy (a '*' notification, the
 * listener (re)connected). */
void fircache_verify(const char *key, const char *tag);
int fircache_entry_verified(const struct fircache_entry *e);
void fircache_forget_all(void);
/* A cctns_fir notification's payload (0053): forget the copies under the
 * space-separated keys it names; "*" (or anything that is not a key of
 * ours) forgets every copy. Returns the keys forgotten, -1 for all. */
int fircache_forget_payload(const char *payload);
/* A read answered from a verified copy without the database (also counted
 * as a hit by fircache_entry_answer). */
void fircache_count_local(void);

/* Counters since start: answers from a copy, copies stored, dropped. */
struct fircache_stats {
	uint64_t hits, stores, evictions;
	size_t entries, bytes, cap;
};
void fircache_stats(struct fircache_stats *out);

/* ops (slice 11): also count hits, misses, stores and evictions into m
 * (the worker's /metrics counters; NULL: only here). */
struct metrics;
void fircache_set_metrics(struct metrics *m);

/* ops (slice 11): a read answered from the database's JSON; changed: a
 * copy was held but its tag was no longer the answer. */
void fircache_count_miss(int changed);

/* ops (slice 11): the key of an FIR: the station's codes and the number as
 * the database reads it (envelope_fir_number_parse: "12/2026" and
 * "0012/2026" are one FIR, so one copy). -1 (key "") when the number is
 * not one or the key does not fit. */
int fircache_key(char *key, size_t size, const uint32_t codes[3],
                 const char *fir_number);

/* handlers_fir.c: GetFir through api.get_fir_tagged and the cache. */
void handle_get_fir(struct request *req, const Envelope *env,
                    const struct jsoncall *call);

#endif

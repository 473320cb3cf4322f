/* fircache.c: the worker's FIR copies (fircache.h): a hash table of keys
 * with a least-recently-used list, bounded in (estimated) bytes. An entry
 * still held by a call in flight is unlinked when evicted or replaced and
 * freed when its last holder releases it. */
#include "fircache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "envelope.h"
#include "metrics.h"
#include "prepack.h"
#include "util.h"

#define NSLOTS 4096 /* chains; entries are bounded by bytes, not count */

struct fircache_entry {
	char key[FIRCACHE_KEY_MAX];
	char tag[FIRCACHE_TAG_MAX];
	ProtobufCMessage *msg;
	size_t bytes;
	unsigned refs;
	int linked;
	int verified;       /* fir (slice 12): may be answered locally */
	struct prepack *pp; /* the answer's shell, once made (prepack.h) */
	int pp_tried;       /* made or found impossible: not tried again */
	struct fircache_entry *hnext;       /* chain */
	struct fircache_entry *prev, *next; /* LRU: head most recent */
};

static struct {
	struct fircache_entry *slots[NSLOTS];
	struct fircache_entry *head, *tail;
	size_t entries, bytes, cap;
	uint64_t hits, stores, evictions;
	struct metrics *metrics; /* ops (slice 11): NULL in unit tests */
} fc;

/* ops (slice 11): a /metrics counter of the worker, when there is one. */
#define COUNT(field)                                                           \
	do {                                                                   \
		if (fc.metrics)                                                \
			fc.metrics->field++;                                   \
	} while (0)

static size_t slot_of(const char *key)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % NSLOTS;
}

static void entry_free(struct fircache_entry *e)
{
	prepack_free(e->pp);
	protobuf_c_message_free_unpacked(e->msg, NULL);
	free(e);
}

static void lru_unlink(struct fircache_entry *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		fc.head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		fc.tail = e->prev;
	e->prev = e->next = NULL;
}

static void lru_front(struct fircache_entry *e)
{
	e->next = fc.head;
	if (fc.head)
		fc.head->prev = e;
	fc.head = e;
	if (!fc.tail)
		fc.tail = e;
}

/* Take e out of the table and the list; freed now unless held. */
static void entry_drop(struct fircache_entry *e)
{
	struct fircache_entry **p = &fc.slots[slot_of(e->key)];

	while (*p != e)
		p = &(*p)->hnext;
	*p = e->hnext;
	lru_unlink(e);
	e->linked = 0;
	fc.entries--;
	fc.bytes -= e->bytes;
	if (!e->refs)
		entry_free(e);
}

static struct fircache_entry *find(const char *key)
{
	struct fircache_entry *e = fc.slots[slot_of(key)];

	while (e && strcmp(e->key, key) != 0)
		e = e->hnext;
	return e;
}

static void shrink_to(size_t cap)
{
	while (fc.tail && fc.bytes > cap) {
		fc.evictions++;
		COUNT(fircache_evictions);
		entry_drop(fc.tail);
	}
}

void fircache_configure(size_t bytes)
{
	fc.cap = bytes;
	shrink_to(bytes);
}

struct fircache_entry *fircache_get(const char *key)
{
	struct fircache_entry *e = fc.cap ? find(key) : NULL;

	if (!e)
		return NULL;
	lru_unlink(e);
	lru_front(e);
	e->refs++;
	return e;
}

const char *fircache_entry_tag(const struct fircache_entry *e)
{
	return e->tag;
}

ProtobufCMessage *fircache_entry_answer(struct fircache_entry *e,
                                        const char *keep)
{
	fc.hits++;
	COUNT(fircache_hits);
	if (!e->pp_tried && keep) {
		e->pp_tried = 1;
		e->pp = prepack_new(e->msg, keep);
		if (e->pp) { /* counted with the copy from now on */
			e->bytes += prepack_bytes(e->pp);
			if (e->linked)
				fc.bytes += prepack_bytes(e->pp);
		}
	}
	return e->pp ? prepack_msg(e->pp) : e->msg;
}

void fircache_release(struct fircache_entry *e)
{
	if (--e->refs == 0 && !e->linked)
		entry_free(e);
}

void fircache_forget(const char *key)
{
	struct fircache_entry *e = find(key);

	if (e)
		entry_drop(e);
}

void fircache_put(const char *key, const char *tag, ProtobufCMessage *msg,
                  size_t bytes)
{
	struct fircache_entry *e;
	size_t slot;

	fircache_forget(key);
	bytes += sizeof(*e);
	if (strlen(key) >= FIRCACHE_KEY_MAX ||
	    strlen(tag) >= FIRCACHE_TAG_MAX || bytes > fc.cap / 4) {
		protobuf_c_message_free_unpacked(msg, NULL);
		return;
	}
	shrink_to(fc.cap - bytes);
	e = xcalloc(1, sizeof(*e));
	memcpy(e->key, key, strlen(key) + 1);
	memcpy(e->tag, tag, strlen(tag) + 1);
	e->msg = msg;
	e->bytes = bytes;
	e->linked = 1;
	slot = slot_of(key);
	e->hnext = fc.slots[slot];
	fc.slots[slot] = e;
	lru_front(e);
	fc.entries++;
	fc.bytes += bytes;
	fc.stores++;
	COUNT(fircache_stores);
}

void fircache_verify(const char *key, const char *tag)
{
	struct fircache_entry *e = find(key);

	if (e && strcmp(e->tag, tag) == 0)
		e->verified = 1;
}

int fircache_entry_verified(const struct fircache_entry *e)
{
	return e->verified;
}

void fircache_forget_all(void)
{
	while (fc.head)
		entry_drop(fc.head);
}

int fircache_forget_payload(const char *payload)
{
	char key[FIRCACHE_KEY_MAX];
	const char *p = payload;
	int n = 0;

	if (strcmp(payload, "*") == 0)
		goto all;
	while (*p) {
		size_t len = strcspn(p, " ");

		if (len >= sizeof(key))
			goto all; /* not a key of ours: be safe */
		if (len) {
			memcpy(key, p, len);
			key[len] = '\0';
			fircache_forget(key);
			n++;
		}
		p += len;
		p += strspn(p, " ");
	}
	return n;
all:
	fircache_forget_all();
	return -1;
}

void fircache_count_local(void)
{
	COUNT(fircache_local_hits);
}

void fircache_stats(struct fircache_stats *out)
{
	out->hits = fc.hits;
	out->stores = fc.stores;
	out->evictions = fc.evictions;
	out->entries = fc.entries;
	out->bytes = fc.bytes;
	out->cap = fc.cap;
}

void fircache_set_metrics(struct metrics *m)
{
	fc.metrics = m;
}

void fircache_count_miss(int changed)
{
	if (changed)
		COUNT(fircache_misses_changed);
	else
		COUNT(fircache_misses_absent);
}

int fircache_key(char *key, size_t size, const uint32_t codes[3],
                 const char *fir_number)
{
	char buf[FIRCACHE_KEY_MAX]; /* five numbers of 10 digits and 4 marks */
	uint32_t no, year;
	int n;

	if (size)
		key[0] = '\0';
	if (!fir_number ||
	    envelope_fir_number_parse(fir_number, &no, &year) != 0)
		return -1;
	n = snprintf(buf, sizeof(buf), "%u:%u:%u:%u/%u", codes[0], codes[1],
	             codes[2], no, year);
	if (n < 0 || (size_t)n >= sizeof(buf) || (size_t)n >= size)
		return -1;
	memcpy(key, buf, (size_t)n + 1);
	return 0;
}

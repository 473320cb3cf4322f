/* officercache.c: the worker's resumed officer sessions (officercache.h):
 * an open-addressing table (linear probing) of at most OFFICERCACHE_MAX
 * sessions in twice as many slots, keyed by the token's SHA-256 (uniform:
 * its first eight bytes are the hash). Full: everything is dropped. A
 * single session is forgotten by closing its window, so the slot stays and
 * probing needs no tombstones. */
#include "officercache.h"

#include <stdlib.h>
#include <string.h>

#include "identity.h"
#include "metrics.h"
#include "util.h"

#define SLOTS (2 * OFFICERCACHE_MAX) /* a power of two */

struct officer_entry {
	uint8_t key[32];
	int used;
	uint32_t state, district, station, idle_s;
	uint64_t until_us; /* answers while now < until_us */
	uint64_t permissions;
	char terminal[IDENTITY_TERMINAL_MAX + 1];
	char officer_no[32];
};

static struct {
	struct officer_entry *slots; /* SLOTS of them once used */
	size_t count;
	int enabled;
	struct metrics *metrics;
} oc = {.enabled = 1};

uint64_t officercache_window_us(uint32_t idle_s)
{
	uint64_t w = (uint64_t)idle_s * 50000u; /* idle / 20, in us */

	return w < 30000000u ? w : 30000000u;
}

static size_t slot_of(const uint8_t key[32])
{
	uint64_t h;

	memcpy(&h, key, sizeof(h));
	return (size_t)h & (SLOTS - 1);
}

void officercache_forget_all(void)
{
	if (!oc.slots)
		return;
	memset(oc.slots, 0, SLOTS * sizeof(*oc.slots));
	oc.count = 0;
}

void officercache_set_enabled(int enabled)
{
	oc.enabled = enabled != 0;
	if (!oc.enabled)
		officercache_forget_all();
}

int officercache_enabled(void)
{
	return oc.enabled;
}

void officercache_set_metrics(struct metrics *m)
{
	oc.metrics = m;
}

/* The slot of key, or the empty slot where it would go; NULL before the
 * first put. */
static struct officer_entry *find(const uint8_t key[32])
{
	size_t i = slot_of(key);

	if (!oc.slots)
		return NULL;
	for (;;) { /* never full: count < OFFICERCACHE_MAX < SLOTS */
		struct officer_entry *e = &oc.slots[i];

		if (!e->used || memcmp(e->key, key, 32) == 0)
			return e;
		i = (i + 1) & (SLOTS - 1);
	}
}

int officercache_get(const uint8_t token_hash[32], uint32_t state,
                     uint32_t district, uint32_t station, const char *terminal,
                     uint32_t idle_s, uint64_t now_us, char officer_no[32],
                     uint64_t *permissions)
{
	struct officer_entry *e;

	if (!oc.enabled)
		return 0;
	e = find(token_hash);
	if (!e || !e->used || now_us >= e->until_us || e->idle_s != idle_s ||
	    e->state != state || e->district != district ||
	    e->station != station || strcmp(e->terminal, terminal) != 0)
		return 0;
	memcpy(officer_no, e->officer_no, 32);
	*permissions = e->permissions;
	if (oc.metrics)
		oc.metrics->officer_local_hits++;
	return 1;
}

void officercache_count_miss(void)
{
	if (oc.metrics)
		oc.metrics->officer_local_misses++;
}

void officercache_put(const uint8_t token_hash[32], uint32_t state,
                      uint32_t district, uint32_t station, const char *terminal,
                      uint32_t idle_s, uint64_t now_us, const char *officer_no,
                      uint64_t permissions)
{
	struct officer_entry *e;

	if (!oc.enabled || strlen(terminal) > IDENTITY_TERMINAL_MAX ||
	    strlen(officer_no) >= sizeof(e->officer_no))
		return;
	if (!oc.slots)
		oc.slots = xcalloc(SLOTS, sizeof(*oc.slots));
	if (oc.count >= OFFICERCACHE_MAX - 1)
		officercache_forget_all(); /* bounded: start again */
	e = find(token_hash);
	if (!e->used)
		oc.count++;
	memset(e, 0, sizeof(*e));
	memcpy(e->key, token_hash, 32);
	e->used = 1;
	e->state = state;
	e->district = district;
	e->station = station;
	e->idle_s = idle_s;
	e->until_us = now_us + officercache_window_us(idle_s);
	e->permissions = permissions;
	memcpy(e->terminal, terminal, strlen(terminal) + 1);
	memcpy(e->officer_no, officer_no, strlen(officer_no) + 1);
}

void officercache_forget(const uint8_t token_hash[32])
{
	struct officer_entry *e = find(token_hash);

	if (e && e->used)
		e->until_us = 0; /* the slot stays: no tombstones */
}

size_t officercache_count(void)
{
	return oc.count;
}

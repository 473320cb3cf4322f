/* stationcache.c: the worker's station register for Hello (stationcache.h):
 * an open-addressing table (linear probing) of at most STATIONCACHE_MAX
 * stations in twice as many slots; each station's three names in one block.
 * Full: everything is dropped (no deletions of single entries, so probing
 * needs no tombstones). */
#include "stationcache.h"

#include <stdlib.h>
#include <string.h>

#include "metrics.h"
#include "util.h"

#define SLOTS (2 * STATIONCACHE_MAX) /* a power of two */

struct station_entry {
	uint32_t state, district, station;
	char *names; /* station '\0' district '\0' state '\0'; NULL: empty */
	const char *district_name, *state_name;
};

static struct {
	struct station_entry *slots; /* SLOTS of them once used */
	size_t count;
	int enabled;
	struct metrics *metrics;
} sc = {.enabled = 1};

static size_t slot_of(uint32_t state, uint32_t district, uint32_t station)
{
	uint64_t h = ((uint64_t)state << 40) ^ ((uint64_t)district << 20) ^
	             (uint64_t)station;

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t)h & (SLOTS - 1);
}

void stationcache_forget_all(void)
{
	if (!sc.slots)
		return;
	for (size_t i = 0; i < SLOTS; i++) {
		free(sc.slots[i].names);
		sc.slots[i].names = NULL;
	}
	sc.count = 0;
}

void stationcache_set_enabled(int enabled)
{
	sc.enabled = enabled != 0;
	if (!sc.enabled)
		stationcache_forget_all();
}

int stationcache_enabled(void)
{
	return sc.enabled;
}

void stationcache_set_metrics(struct metrics *m)
{
	sc.metrics = m;
}

static struct station_entry *find(uint32_t state, uint32_t district,
                                  uint32_t station)
{
	size_t i = slot_of(state, district, station);

	if (!sc.slots)
		return NULL;
	for (;;) { /* never full: count < STATIONCACHE_MAX < SLOTS */
		struct station_entry *e = &sc.slots[i];

		if (!e->names)
			return e;
		if (e->state == state && e->district == district &&
		    e->station == station)
			return e;
		i = (i + 1) & (SLOTS - 1);
	}
}

int stationcache_get(uint32_t state, uint32_t district, uint32_t station,
                     const char **station_name, const char **district_name,
                     const char **state_name)
{
	struct station_entry *e;

	if (!sc.enabled)
		return 0;
	e = find(state, district, station);
	if (!e || !e->names)
		return 0;
	*station_name = e->names;
	*district_name = e->district_name;
	*state_name = e->state_name;
	if (sc.metrics)
		sc.metrics->station_local_hits++;
	return 1;
}

void stationcache_count_miss(void)
{
	if (sc.metrics)
		sc.metrics->station_local_misses++;
}

void stationcache_put(uint32_t state, uint32_t district, uint32_t station,
                      const char *station_name, const char *district_name,
                      const char *state_name)
{
	size_t a = strlen(station_name) + 1, b = strlen(district_name) + 1,
	       c = strlen(state_name) + 1;
	struct station_entry *e;
	char *names;

	if (!sc.enabled)
		return;
	if (!sc.slots)
		sc.slots = xcalloc(SLOTS, sizeof(*sc.slots));
	if (sc.count >= STATIONCACHE_MAX - 1)
		stationcache_forget_all(); /* bounded: start again */
	names = xmalloc(a + b + c);
	memcpy(names, station_name, a);
	memcpy(names + a, district_name, b);
	memcpy(names + a + b, state_name, c);
	e = find(state, district, station);
	if (e->names)
		free(e->names);
	else
		sc.count++;
	e->state = state;
	e->district = district;
	e->station = station;
	e->names = names;
	e->district_name = names + a;
	e->state_name = names + a + b;
}

size_t stationcache_count(void)
{
	return sc.count;
}

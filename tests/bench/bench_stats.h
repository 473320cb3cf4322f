/* bench_stats.h: what cctns-bench counts: per request type, answers that
 * were not a Status (ok), Status answers and lost requests (errors), and
 * every latency in microseconds, printed as key=value lines with
 * throughput and p50/p99/p99.9. */
#ifndef CCTNS_BENCH_STATS_H
#define CCTNS_BENCH_STATS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum bench_op { OP_REGISTER, OP_SHOW, OP_SEARCH, OP_LOOKUP, OP_COUNT };
#define OP_HANDSHAKE OP_COUNT /* --handshakes: one full handshake */
#define BENCH_SERIES (OP_COUNT + 1)

struct bench_series {
	uint32_t *us;
	size_t n, cap;
	uint64_t ok, errors;
};

struct bench_stats {
	struct bench_series s[BENCH_SERIES];
};

void bench_stats_init(struct bench_stats *st);
void bench_stats_reset(struct bench_stats *st);
void bench_stats_free(struct bench_stats *st);
void bench_stats_add(struct bench_stats *st, int op, uint64_t us, int ok);

/* One total line (mode, connections, rate, seconds, ok, errors, per_s,
 * p50_ms, p99_ms, p999_ms, failed_setup) and one line per type seen. */
void bench_stats_print(struct bench_stats *st, FILE *out, double seconds,
                       const char *mode, int connections, double rate,
                       int failed_setup);

#endif

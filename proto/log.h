/* log.h: one line per event, "ts=... level=... event=... key=value ...".
 * Values with spaces or quotes are quoted. Never pass personal data (names,
 * addresses, phones, free text of a case) to these functions: log codes,
 * counts, numbers and identifiers of stations and requests only. */
#ifndef CCTNS_LOG_H
#define CCTNS_LOG_H

#include <stdio.h>

typedef enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR } log_level;

void log_set_level(log_level lvl);
void log_set_stream(FILE *out); /* default stderr */
int log_level_parse(const char *s, log_level *out);

/* fmt is a sequence of key=value pairs in printf form, e.g.
 * log_event(LOG_INFO, "conn_open", "peer=%s conn=%llu", addr, id). */
void log_event(log_level lvl, const char *event, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Quote a value for a key=value line into buf if it needs quoting. */
const char *log_quote(const char *value, char *buf, size_t bufsz);

#endif

/* log.c: one key=value line per event on a stdio stream, flushed at once,
 * so logs from a crashing process are complete up to the crash. */
#include "log.h"

#include <stdarg.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>

#define LOG_LINE_MAX 4096

static log_level min_level = LOG_INFO;
static FILE *log_out;

static const char *const level_names[] = {
        [LOG_DEBUG] = "debug",
        [LOG_INFO] = "info",
        [LOG_WARN] = "warn",
        [LOG_ERROR] = "error",
};

void log_set_level(log_level lvl)
{
	min_level = lvl;
}

void log_set_stream(FILE *out)
{
	log_out = out;
}

int log_level_parse(const char *s, log_level *out)
{
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]);
	     i++) {
		if (strcasecmp(s, level_names[i]) == 0) {
			*out = (log_level)i;
			return 0;
		}
	}
	return -1;
}

static size_t format_ts(char *buf, size_t bufsz)
{
	struct timeval tv;
	struct tm tm;
	size_t n;

	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	n = strftime(buf, bufsz, "%Y-%m-%dT%H:%M:%S", &tm);
	n += (size_t)snprintf(buf + n, bufsz - n, ".%03ldZ",
	                      (long)(tv.tv_usec / 1000));
	return n;
}

/* Keep the record on one line whatever the caller formatted. */
static void flatten(char *s)
{
	for (; *s; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
	}
}

void log_event(log_level lvl, const char *event, const char *fmt, ...)
{
	char line[LOG_LINE_MAX], ts[40];
	int n;
	va_list ap;

	if (lvl < min_level || (unsigned)lvl > LOG_ERROR)
		return;
	format_ts(ts, sizeof(ts));
	n = snprintf(line, sizeof(line), "ts=%s level=%s event=%s", ts,
	             level_names[lvl], event);
	if (n < 0)
		return;
	if (fmt && *fmt && (size_t)n + 1 < sizeof(line)) {
		va_start(ap, fmt);
		vsnprintf(line + n + 1, sizeof(line) - (size_t)n - 1, fmt, ap);
		va_end(ap);
		if (line[n + 1]) { /* only a non-empty tail gets its space */
			line[n] = ' ';
			flatten(line + n + 1);
		}
	}
	FILE *out = log_out ? log_out : stderr;
	fprintf(out, "%s\n", line);
	fflush(out);
}

static int needs_quote(const char *v)
{
	if (*v == '\0')
		return 1;
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;
		if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f)
			return 1;
	}
	return 0;
}

/* Escape of one byte inside quotes; "" when the byte is copied as is. */
static const char *escape_of(unsigned char c, char tmp[8])
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\t':
		return "\\t";
	case '\r':
		return "\\r";
	default:
		break;
	}
	if (c < 0x20 || c == 0x7f) {
		snprintf(tmp, 8, "\\x%02x", c);
		return tmp;
	}
	return "";
}

const char *log_quote(const char *value, char *buf, size_t bufsz)
{
	size_t o = 0;
	char tmp[8];

	if (!value)
		value = "";
	if (!needs_quote(value))
		return value;
	if (bufsz < 3)
		return "\"\"";
	buf[o++] = '"';
	for (const char *p = value; *p; p++) {
		const char *esc = escape_of((unsigned char)*p, tmp);
		size_t len = *esc ? strlen(esc) : 1;
		if (o + len + 2 > bufsz)
			break;
		if (*esc)
			memcpy(buf + o, esc, len);
		else
			buf[o] = *p;
		o += len;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return buf;
}

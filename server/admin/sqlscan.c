/* sqlscan.c: find transaction-control statements in migration SQL (see
 * sqlscan.h). A lexer, not a parser: it only needs to know where statements
 * start and which text is quoted. */
#include "sqlscan.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* Keywords that start a statement ending or opening a transaction. */
static const char *const txn_words[] = {
        "BEGIN", "COMMIT", "ROLLBACK", "END", "START", "ABORT",
};

struct scan {
	const char *p;
	int line;
};

static int ident_char(int c)
{
	return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

/* Advance past n bytes, counting newlines. */
static void skip(struct scan *s, size_t n)
{
	for (; n && *s->p; n--, s->p++)
		if (*s->p == '\n')
			s->line++;
}

/* Skip to just after the first occurrence of end (or to the end). */
static void skip_past(struct scan *s, const char *end)
{
	const char *q = strstr(s->p, end);
	skip(s, q ? (size_t)(q - s->p) + strlen(end) : strlen(s->p));
}

static void skip_block_comment(struct scan *s)
{
	int depth = 0;
	do {
		if (s->p[0] == '/' && s->p[1] == '*') {
			depth++;
			skip(s, 2);
		} else if (s->p[0] == '*' && s->p[1] == '/') {
			depth--;
			skip(s, 2);
		} else {
			skip(s, 1);
		}
	} while (depth > 0 && *s->p);
}

/* '...' with '' doubling; backslash escapes too when escapes is set. */
static void skip_string(struct scan *s, char quote, int escapes)
{
	skip(s, 1);
	while (*s->p) {
		if (escapes && *s->p == '\\' && s->p[1]) {
			skip(s, 2);
		} else if (*s->p == quote) {
			skip(s, 1);
			if (*s->p != quote)
				return;
			skip(s, 1);
		} else {
			skip(s, 1);
		}
	}
}

/* At '$': a dollar quote $tag$ (tag may be empty) is skipped whole.
 * Returns 0 when this '$' does not open one. */
static int skip_dollar(struct scan *s)
{
	const char *q = s->p + 1;
	char tag[64];
	size_t len;

	while (isalnum((unsigned char)*q) || *q == '_')
		q++;
	if (*q != '$' || isdigit((unsigned char)s->p[1]))
		return 0;
	len = (size_t)(q - s->p) + 1;
	if (len >= sizeof(tag))
		return 0;
	memcpy(tag, s->p, len);
	tag[len] = '\0';
	skip(s, len);
	skip_past(s, tag);
	return 1;
}

static int is_txn_word(const char *w, size_t n)
{
	size_t i;
	for (i = 0; i < ARRAY_LEN(txn_words); i++)
		if (strlen(txn_words[i]) == n &&
		    strncasecmp(txn_words[i], w, n) == 0)
			return 1;
	return 0;
}

int sqlscan_txn_control(const char *sql, int first_line, char *word,
                        unsigned wordsz)
{
	struct scan s = {sql, first_line};
	int at_start = 1, prev_ident = 0;

	while (*s.p) {
		unsigned char c = (unsigned char)*s.p;

		if (c == '-' && s.p[1] == '-') {
			skip_past(&s, "\n");
		} else if (c == '/' && s.p[1] == '*') {
			skip_block_comment(&s);
		} else if (c == '\'' || c == '"') {
			int esc = c == '\'' && s.p > sql &&
			          (s.p[-1] == 'E' || s.p[-1] == 'e');
			skip_string(&s, (char)c, esc);
			at_start = 0;
		} else if (c == '$' && !prev_ident && skip_dollar(&s)) {
			at_start = 0;
		} else if (c == ';') {
			at_start = 1;
			skip(&s, 1);
		} else if (isspace(c)) {
			skip(&s, 1);
		} else if (ident_char(c)) {
			const char *w = s.p;
			while (ident_char((unsigned char)*s.p))
				s.p++;
			if (at_start && is_txn_word(w, (size_t)(s.p - w))) {
				snprintf(word, wordsz, "%.*s", (int)(s.p - w),
				         w);
				for (char *u = word; *u; u++)
					*u = (char)toupper((unsigned char)*u);
				return s.line;
			}
			at_start = 0;
			prev_ident = 1;
			continue;
		} else {
			at_start = 0;
			skip(&s, 1);
		}
		prev_ident = 0;
	}
	return 0;
}

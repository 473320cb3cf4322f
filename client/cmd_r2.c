/* cmd_r2.c: the register number arguments of the registers2 commands (see
 * cmd_r2.h). */
#include "cmd_r2.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

static int number_ok(const char *s)
{
	size_t n = 0, y = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	if (n < 1 || n > 6 || s[n] != '/')
		return 0;
	while (isdigit((unsigned char)s[n + 1 + y]))
		y++;
	return y == 4 && s[n + 1 + y] == '\0';
}

int r2_number_arg(char *arg, const char *prefix, const char *noun)
{
	size_t p = prefix ? strlen(prefix) : 0;
	char *s = arg;

	if (p && strncasecmp(s, prefix, p) == 0) {
		s += p;
		if (*s == ' ' || *s == '-')
			s++;
		memmove(arg, s, strlen(s) + 1);
	}
	if (number_ok(arg))
		return 0;
	fprintf(stderr,
	        "%s: \"%s\" is not a %s number: write it like %s%s3/2026\n",
	        PROG, arg, noun, prefix ? prefix : "", prefix ? " " : "");
	return 2;
}

char *r2_first_arg(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0)
			return i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--key") == 0 || strcmp(a, "--config") == 0) {
			i++;
			continue;
		}
		if (a[0] == '-' && a[1] != '\0')
			continue;
		return argv[i];
	}
	return NULL;
}

/* lsan_suppress.c: LeakSanitizer's built-in suppressions for the binaries
 * of cctns-report that draw text with pango (cctns-report, the PNG chart
 * unit test), linked only into sanitizer builds. fontconfig 2.14 (Debian
 * 12) leaks a few hundred bytes once while it parses its configuration;
 * the leak is in the library, not in CCTNS. */
const char *__lsan_default_suppressions(void);

const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

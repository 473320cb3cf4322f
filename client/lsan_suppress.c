/* lsan_suppress.c: LeakSanitizer's built-in suppressions for the binaries
 * that draw text with pango (cctns, test_pdf), linked only into sanitizer
 * builds. fontconfig 2.14 (Debian 12) leaks a few hundred bytes once while
 * it parses its XML configuration (FcInitLoadConfigAndFonts, on pango's
 * font-loading thread); the leak is in the library, not in CCTNS, and
 * would otherwise fail every ASan run that makes a PDF. */
const char *__lsan_default_suppressions(void);

const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

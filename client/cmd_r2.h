/* cmd_r2.h: what the commands of the missing persons, unnatural death and
 * vehicle registers share: the register number argument ("3/2026",
 * "0003/2026", for unnatural deaths also "UD 3/2026"). */
#ifndef CCTNS_CLIENT_CMD_R2_H
#define CCTNS_CLIENT_CMD_R2_H

/* Check a register number argument in place: a prefix (e.g. "UD", any
 * case, then an optional space or dash) is taken off when prefix is not
 * NULL; what is left is 1 to 6 digits, "/", a 4-digit year. 0 when well
 * formed, else 2 after printing how to write a number of noun. */
int r2_number_arg(char *arg, const char *prefix, const char *noun)
        __attribute__((warn_unused_result));

/* The first positional argument of a write command's argv (after its name,
 * skipping options and the values of --key and --config), so it can be
 * checked before submit_run; NULL when there is none. */
char *r2_first_arg(int argc, char **argv);

#endif

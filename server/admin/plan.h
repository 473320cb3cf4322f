/* plan.h: the migrations on disk. A schema directory holds
 * migrations/NNNN_name.sql; each file is cut into steps at its directive
 * lines, and each --@copy directive names a CSV under the schema directory.
 * The checksum of a migration is the SHA-256 of the file's bytes followed by
 * the bytes of every data file it copies, in order, so editing a CSV changes
 * the migration that loads it. */
#ifndef CCTNS_ADMIN_PLAN_H
#define CCTNS_ADMIN_PLAN_H

#include <stddef.h>

/* What one step of a migration does. */
enum step_kind {
	STEP_SQL,  /* SQL text run as one simple query (several statements) */
	STEP_COPY, /* COPY <target> FROM STDIN (FORMAT csv, HEADER true) */
};

struct step {
	enum step_kind kind;
	int line;     /* 1-based line of the file where the step starts */
	char *sql;    /* STEP_SQL: the text, NUL-terminated */
	char *target; /* STEP_COPY: "ref.state (code, name, ...)" */
	char *path;   /* STEP_COPY: data file relative to the schema dir */
	char *data;   /* STEP_COPY: the file's bytes */
	size_t len;   /* STEP_COPY: their length */
};

struct migration {
	int version;     /* NNNN */
	char *name;      /* the name part: "reference" for 0002_reference.sql */
	char *file;      /* "0002_reference.sql" */
	char sha256[65]; /* lower-case hex */
	struct step *steps;
	size_t nsteps;
};

/* All migrations of a schema directory, by ascending version. */
struct plan {
	struct migration *m;
	size_t n;
};

/* Read DIR/migrations/ and everything the migrations copy. On failure
 * prints why (naming the file) and returns -1 with *out empty. The caller
 * releases a loaded plan with plan_free. */
int plan_load(const char *dir, struct plan *out)
        __attribute__((warn_unused_result));
void plan_free(struct plan *p);

/* The migration with this version, or NULL. */
const struct migration *plan_find(const struct plan *p, int version);

#endif

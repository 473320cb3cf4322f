/* import.c (issue 7): `cctns-admin import FILE`: bulk import of legacy FIRs
 * from a JSON-lines or CSV file (docs/IMPORT.md). Each line (each CSV row,
 * made into the same JSON record by import_csvrec.c) is checked in C
 * (import_line.c); a batch of good lines goes by COPY FROM STDIN into the
 * UNLOGGED staging tables of 0038, then core.import_batch() checks what the
 * database knows and stores the rest set-based, in one transaction with one
 * audit record for the batch (audit_note). Refused lines go to the rejects
 * file with their line number and reason, the original line kept. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin.h"
#include "audit_note.h"
#include "db.h"
#include "import_csv.h"
#include "import_line.h"
#include "util.h"

/* Exit code when the import finished but some lines were refused. */
#define IMPORT_REJECTS 3

static const char import_help[] =
        "usage: cctns-admin [--db CONNINFO] import FILE [--format jsonl|csv] "
        "[--rejects FILE]\n"
        "                   [--batch N] [--quiet]\n"
        "\n"
        "Import legacy FIRs (registered before CCTNS) from FILE, one JSON "
        "object per\n"
        "line, or CSV with a header row naming the columns (the formats: "
        "docs/IMPORT.md).\n"
        "The legacy FIR numbers are "
        "kept; each\n"
        "FIR is stored with its sections, persons (linked in the persons "
        "register,\n"
        "so person search finds them) and the first event of its "
        "timeline; the\n"
        "station's FIR counter for that year is raised so that the next "
        "live FIR\n"
        "follows the imported ones.\n"
        "\n"
        "  --format F      jsonl (the default) or csv; without it a FILE "
        "whose name ends\n"
        "                  in .csv is read as CSV (--format wins over the "
        "name)\n"
        "  --rejects FILE  where refused lines go (default FILE.rejects): "
        "for each,\n"
        "                  a line \"# line N: FIELD: REASON\" then the "
        "original line,\n"
        "                  so the file can be fixed and imported again "
        "(a CSV rejects\n"
        "                  file starts with the header row)\n"
        "  --batch N       lines per transaction (default 5000, 1..100000); "
        "a batch\n"
        "                  stores all its valid lines or none\n"
        "  --quiet         no progress bar (it is drawn on stderr only when "
        "stderr\n"
        "                  is a terminal)\n"
        "\n"
        "Importing the same file again stores nothing twice: an FIR "
        "already stored\n"
        "(station, year, number) is refused as a duplicate and counted as "
        "such.\n"
        "Blank lines and lines starting with # are skipped. One import "
        "runs at a time.\n"
        "Each batch writes one audit record (action import, the batch, its "
        "count and\n"
        "the file's SHA-256). Ends with one line on stdout:\n"
        "  import: read N, imported I, rejected R (duplicates D), S s, X "
        "records/s\n"
        "\n"
        "Exit status: 0 every line imported, 3 done but some lines "
        "refused (see the\n"
        "rejects file), 1 failed (a batch that failed stored nothing), 2 "
        "bad command line.\n"
        "\n"
        "Examples:\n"
        "  cctns-admin import legacy-2019.jsonl\n"
        "  cctns-admin import legacy-2019.jsonl --rejects /tmp/refused.jsonl "
        "--quiet\n"
        "  cctns-admin import export.txt --format csv\n";

struct import_args {
	const char *db, *file, *rejects;
	long batch;
	int quiet, csv; /* csv: -1 not said, 0 JSON lines, 1 CSV */
};

/* Lines of the current batch as read, for the rejects file. */
struct batch_line {
	long long no;
	size_t off, len;
};

struct import_run {
	struct import_args a;
	PGconn *c;
	FILE *in, *rej;
	char sha_hex[65], label[48];
	struct imp_parser *parser;
	struct imp_rows rows;
	struct imp_buf raw;
	struct batch_line *lines;
	size_t nlines, cap_lines;
	long long read, imported, rejected, duplicates, batches;
	long long size, bytes;
	int first_state, progress;
	uint64_t t0, last_draw;
	struct imp_csv_head *head; /* CSV: the header's columns */
	/* CSV: a row whose quote is never closed, written last into the
	 * rejects file (anything after it would be read as inside its quote) */
	struct {
		long long no;
		char field[64], reason[160];
		char *raw;
		size_t len;
	} unclosed;
};

static int parse_args(int argc, char **argv, struct import_args *a)
{
	static const struct option opts[] = {
	        {"rejects", required_argument, NULL, 'r'},
	        {"batch", required_argument, NULL, 'b'},
	        {"quiet", no_argument, NULL, 'q'},
	        {"format", required_argument, NULL, 'f'},
	        {"db", required_argument, NULL, 'D'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int opt, v;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			a->rejects = optarg;
			break;
		case 'b':
			if (admin_parse_code(optarg, &v) != 0 || v > 100000)
				return admin_usage(
				        "import",
				        "--batch: expected 1..100000, "
				        "not '%s'",
				        optarg);
			a->batch = v;
			break;
		case 'q':
			a->quiet = 1;
			break;
		case 'f':
			if (strcmp(optarg, "csv") != 0 &&
			    strcmp(optarg, "jsonl") != 0)
				return admin_usage(
				        "import",
				        "--format: expected jsonl or "
				        "csv, not '%s'",
				        optarg);
			a->csv = strcmp(optarg, "csv") == 0;
			break;
		case 'D':
			a->db = optarg;
			break;
		case 'h':
			fputs(import_help, stdout);
			return 1;
		default:
			return admin_usage("import",
			                   "unknown or incomplete option %s",
			                   argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return admin_usage("import", "FILE is missing");
	if (optind + 1 < argc)
		return admin_usage("import", "unexpected argument %s",
		                   argv[optind + 1]);
	a->file = argv[optind];
	if (a->csv < 0) {
		size_t n = strlen(a->file);
		a->csv = n >= 4 && strcasecmp(a->file + n - 4, ".csv") == 0;
	}
	return 0;
}

/* SHA-256 of the whole file, read once before the import. */
static int file_sha256(FILE *f, char hex[65])
{
	unsigned char buf[1 << 16], md[32];
	unsigned int mdlen = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	size_t n;
	int rc = -1;

	if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1)
		goto fail;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (EVP_DigestUpdate(ctx, buf, n) != 1)
			goto fail;
	if (ferror(f) || EVP_DigestFinal_ex(ctx, md, &mdlen) != 1)
		goto fail;
	hex_encode(md, 32, hex);
	rewind(f);
	rc = 0;
fail:
	EVP_MD_CTX_free(ctx);
	return rc;
}

static void write_reject(struct import_run *r, long long no, const char *field,
                         const char *reason, const char *line, size_t len)
{
	char f[64], why[256];

	snprintf(f, sizeof(f), "%s", field);
	snprintf(why, sizeof(why), "%s", reason);
	imp_printable(f);
	imp_printable(why);
	fprintf(r->rej, "# line %lld: %s: %s\n", no, f, why);
	fwrite(line, 1, len, r->rej);
	fputc('\n', r->rej);
}

static void draw_progress(struct import_run *r, int final)
{
	uint64_t now = now_us();
	double secs = (double)(now - r->t0) / 1e6;

	if (!r->progress || (!final && now - r->last_draw < 200000))
		return;
	r->last_draw = now;
	fprintf(stderr,
	        "\rimport: %5.1f%%  %lld read  %lld imported  %lld rejected  "
	        "%.0f records/s ",
	        r->size > 0 ? 100.0 * (double)r->bytes / (double)r->size : 0.0,
	        r->read, r->imported, r->rejected,
	        secs > 0 ? (double)r->read / secs : 0.0);
	if (final)
		fputs("\n", stderr);
}

static int copy_in(PGconn *c, const char *sql, const struct imp_buf *b)
{
	PGresult *res = PQexec(c, sql);
	int ok;

	if (PQresultStatus(res) != PGRES_COPY_IN) {
		db_report("import: copy", c, res);
		PQclear(res);
		return -1;
	}
	PQclear(res);
	ok = (b->len == 0 || PQputCopyData(c, b->p, (int)b->len) == 1) &&
	     PQputCopyEnd(c, NULL) == 1;
	while ((res = PQgetResult(c)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			db_report("import: copy", c, res);
			ok = 0;
		}
		PQclear(res);
	}
	return ok ? 0 : -1;
}

static const struct batch_line *find_line(const struct import_run *r,
                                          long long no)
{
	size_t lo = 0, hi = r->nlines;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->lines[mid].no < no)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->nlines && r->lines[lo].no == no ? &r->lines[lo] : NULL;
}

static int exec_ok(PGconn *c, const char *what, const char *sql)
{
	PGresult *res = db_exec(c, what, sql, 0, NULL);

	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

/* One batch: stage, check and store, audit, commit. */
static int flush_batch(struct import_run *r)
{
	PGresult *res = NULL;
	char record[160];
	long long refused = 0;
	int i;

	if (r->nlines == 0)
		return 0;
	if (exec_ok(r->c, "import: begin", "BEGIN") != 0 ||
	    exec_ok(r->c, "import: staging",
	            "TRUNCATE core.import_fir_stage, core.import_person_stage, "
	            "core.import_charge_stage") != 0 ||
	    copy_in(r->c,
	            "COPY core.import_fir_stage (line_no, state_code, "
	            "district_code, station_code, year, fir_no, registered_at, "
	            "occurred_from, occurred_to, information_received_at, "
	            "information_type, place_line1, place_line2, place_city, "
	            "place_pincode, brief_facts, content_sha256) FROM STDIN",
	            &r->rows.fir) != 0 ||
	    copy_in(r->c,
	            "COPY core.import_person_stage (line_no, seq, role, name, "
	            "relative_kind, relative_name, gender, year_of_birth, "
	            "addr_line1, addr_pincode) FROM STDIN",
	            &r->rows.person) != 0 ||
	    copy_in(r->c,
	            "COPY core.import_charge_stage (line_no, seq, act, "
	            "section) "
	            "FROM STDIN",
	            &r->rows.charge) != 0)
		goto fail;
	res = db_exec(r->c, "import: batch",
	              "SELECT line_no, field, reason, duplicate "
	              "FROM core.import_batch()",
	              0, NULL);
	if (!res)
		goto fail;
	for (i = 0; i < PQntuples(res); i++) {
		long long no = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		const struct batch_line *l = find_line(r, no);
		struct imp_reject why;
		snprintf(why.field, sizeof(why.field), "%s",
		         PQgetvalue(res, i, 1));
		snprintf(why.reason, sizeof(why.reason), "%s",
		         PQgetvalue(res, i, 2));
		if (r->head && l) /* name the CSV columns */
			imp_csv_rename(r->head, r->raw.p + l->off, l->len,
			               &why);
		write_reject(r, no, why.field, why.reason,
		             l ? r->raw.p + l->off : "", l ? l->len : 0);
		if (PQgetvalue(res, i, 3)[0] == 't')
			r->duplicates++;
		refused++;
	}
	PQclear(res);
	res = NULL;
	r->batches++;
	snprintf(record, sizeof(record), "%s b%lld n%lld %.24s", r->label,
	         r->batches, (long long)r->nlines - refused, r->sha_hex);
	if (audit_note(r->c, (uint32_t)r->first_state, "import", record) != 0 ||
	    exec_ok(r->c, "import: commit", "COMMIT") != 0)
		goto fail;
	if (fflush(r->rej) != 0) {
		fprintf(stderr, "cctns-admin: import: rejects file: %s\n",
		        strerror(errno));
		return -1;
	}
	r->imported += (long long)r->nlines - refused;
	r->rejected += refused;
	r->nlines = 0;
	r->raw.len = 0;
	r->rows.fir.len = r->rows.person.len = r->rows.charge.len = 0;
	return 0;
fail:
	PQclear(res);
	fprintf(stderr,
	        "cctns-admin: import: batch %lld (lines %lld..%lld) stored "
	        "nothing\n",
	        r->batches + 1, r->lines[0].no, r->lines[r->nlines - 1].no);
	return -1;
}

static void keep_line(struct import_run *r, long long no, const char *s,
                      size_t n)
{
	if (r->nlines == r->cap_lines) {
		r->cap_lines = r->cap_lines ? 2 * r->cap_lines : 1024;
		r->lines = xrealloc(r->lines, r->cap_lines * sizeof(*r->lines));
	}
	r->lines[r->nlines].no = no;
	r->lines[r->nlines].off = r->raw.len;
	r->lines[r->nlines].len = n;
	r->nlines++;
	imp_buf_put(&r->raw, s, n);
}

/* The first state code of a line, for the audit record's state. */
static void note_state(struct import_run *r, const char *s)
{
	const char *p = strstr(s, "\"state\"");

	if (r->first_state || !p)
		return;
	p += 7;
	while (*p == ' ' || *p == ':')
		p++;
	r->first_state = atoi(p) > 0 ? atoi(p) : 0;
}

static int read_all(struct import_run *r)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	long long no = 0;
	struct imp_reject rej;
	int rc = -1;

	while ((got = getline(&line, &cap, r->in)) != -1) {
		size_t n = (size_t)got, k;
		no++;
		r->bytes += got;
		if (n && line[n - 1] == '\n')
			n--;
		if (n && line[n - 1] == '\r')
			n--;
		k = strspn(line, " \t");
		if (k >= n || line[k] == '#')
			continue;
		r->read++;
		if (imp_parse_line(r->parser, line, n, no, &r->rows, &rej) !=
		    0) {
			write_reject(r, no, rej.field, rej.reason, line, n);
			r->rejected++;
		} else {
			note_state(r, line);
			keep_line(r, no, line, n);
		}
		if ((long)r->nlines >= r->a.batch && flush_batch(r) != 0)
			goto fail;
		if ((no & 255) == 0)
			draw_progress(r, 0);
	}
	if (ferror(r->in)) {
		fprintf(stderr, "cctns-admin: import: %s: %s\n", r->a.file,
		        strerror(errno));
		goto fail;
	}
	if (flush_batch(r) != 0)
		goto fail;
	rc = 0;
fail:
	free(line);
	return rc;
}

/* ------------------------------------------------------------ CSV */

/* One CSV record (raw[0..n), first line no): a tokenizer refusal (got < 0,
 * *e why), or checked as an FIR and kept for the batch or refused. */
static void csv_one(struct import_run *r, const struct csv_reader *rd, int got,
                    const struct csv_error *e)
{
	const char *raw = rd->s + rd->start;
	size_t n = rd->end - rd->start, at = r->rows.fir.len;
	struct imp_reject rej;
	char col[32];
	const char *field = "line";

	r->read++;
	if (got < 0) {
		if (e->column > 0 && e->column <= imp_csv_head_columns(r->head))
			field = imp_csv_head_name(r->head, e->column - 1);
		else if (e->column > 0)
			field = (snprintf(col, sizeof(col), "column %zu",
			                  e->column),
			         col);
		r->rejected++;
		if (!e->unclosed || r->unclosed.raw) {
			write_reject(r, rd->first, field, e->reason, raw, n);
			return;
		}
		r->unclosed.no = rd->first;
		snprintf(r->unclosed.field, sizeof(r->unclosed.field), "%s",
		         field);
		snprintf(r->unclosed.reason, sizeof(r->unclosed.reason), "%s",
		         e->reason);
		r->unclosed.raw = xmalloc(n + 1);
		memcpy(r->unclosed.raw, raw, n);
		r->unclosed.len = n;
	} else if (imp_csv_record(r->head, rd, raw, n, rd->first, &r->rows,
	                          &rej) != 0) {
		write_reject(r, rd->first, rej.field, rej.reason, raw, n);
		r->rejected++;
	} else {
		/* the audit record's state: the FIR row's second column */
		const char *tab = strchr(r->rows.fir.p + at, '\t');
		if (!r->first_state && tab)
			r->first_state = atoi(tab + 1);
		keep_line(r, rd->first, raw, n);
	}
}

/* The header row: its columns, written first into the rejects file too so
 * that it can be fixed and imported again. */
static int csv_header(struct import_run *r, struct csv_reader *rd)
{
	struct csv_error e;
	char why[200];
	int got = csv_next(rd, &e);

	if (got == 0) {
		fprintf(stderr,
		        "cctns-admin: import: %s: no header row (the columns: "
		        "docs/IMPORT.md)\n",
		        r->a.file);
		return -1;
	}
	if (got < 0) {
		imp_printable(e.reason);
		fprintf(stderr,
		        "cctns-admin: import: %s: line %lld: header: %s\n",
		        r->a.file, rd->first, e.reason);
		return -1;
	}
	r->head = imp_csv_head_new(rd, why, sizeof(why));
	if (!r->head) {
		fprintf(stderr, "cctns-admin: import: %s: line %lld: %s\n",
		        r->a.file, rd->first, why);
		return -1;
	}
	fwrite(rd->s + rd->start, 1, rd->end - rd->start, r->rej);
	fputc('\n', r->rej);
	return 0;
}

/* The whole CSV file, mapped, record by record. */
static int read_csv(struct import_run *r)
{
	struct csv_reader rd;
	struct csv_error e;
	void *map = NULL;
	int got, rc = -1;

	if (r->size > 0) {
		map = mmap(NULL, (size_t)r->size, PROT_READ, MAP_PRIVATE,
		           fileno(r->in), 0);
		if (map == MAP_FAILED) {
			fprintf(stderr, "cctns-admin: import: %s: %s\n",
			        r->a.file, strerror(errno));
			return -1;
		}
	}
	csv_init(&rd, map ? map : "", (size_t)r->size, IMP_LINE_MAX);
	if (csv_header(r, &rd) != 0)
		goto fail;
	while ((got = csv_next(&rd, &e)) != 0) {
		csv_one(r, &rd, got, &e);
		r->bytes = (long long)rd.pos;
		if ((long)r->nlines >= r->a.batch && flush_batch(r) != 0)
			goto fail;
		if ((r->read & 255) == 0)
			draw_progress(r, 0);
	}
	if (flush_batch(r) != 0)
		goto fail;
	rc = 0;
fail:
	if (r->unclosed.raw)
		write_reject(r, r->unclosed.no, r->unclosed.field,
		             r->unclosed.reason, r->unclosed.raw,
		             r->unclosed.len);
	free(r->unclosed.raw);
	csv_free(&rd);
	if (map)
		munmap(map, (size_t)r->size);
	return rc;
}

/* The file's base name, cleaned for the audit record. */
static void make_label(struct import_run *r)
{
	const char *b = strrchr(r->a.file, '/');
	size_t i, j = 0;

	b = b ? b + 1 : r->a.file;
	for (i = 0; b[i] && j < 14; i++) {
		char ch = b[i];
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
		    ch == '-')
			r->label[j++] = ch;
	}
	r->label[j] = '\0';
	if (!j)
		snprintf(r->label, sizeof(r->label), "file");
}

static int open_files(struct import_run *r)
{
	struct stat st;
	char *def = NULL;
	const char *rej = r->a.rejects;

	r->in = fopen(r->a.file, "rb");
	if (!r->in || fstat(fileno(r->in), &st) != 0 || !S_ISREG(st.st_mode)) {
		fprintf(stderr, "cctns-admin: import: %s: %s\n", r->a.file,
		        r->in ? "not a regular file" : strerror(errno));
		return -1;
	}
	r->size = (long long)st.st_size;
	if (file_sha256(r->in, r->sha_hex) != 0) {
		fprintf(stderr, "cctns-admin: import: %s: cannot read it\n",
		        r->a.file);
		return -1;
	}
	if (!rej) {
		def = xmalloc(strlen(r->a.file) + 9);
		sprintf(def, "%s.rejects", r->a.file);
		rej = def;
	}
	r->rej = fopen(rej, "wb");
	if (!r->rej)
		fprintf(stderr, "cctns-admin: import: rejects file %s: %s\n",
		        rej, strerror(errno));
	free(def);
	return r->rej ? 0 : -1;
}

static int take_lock(PGconn *c)
{
	PGresult *res = db_exec(c, "import: lock",
	                        "SELECT pg_try_advisory_lock("
	                        "hashtext('cctns-admin import'))",
	                        0, NULL);
	int ok = res && PQgetvalue(res, 0, 0)[0] == 't';

	if (res && !ok)
		fprintf(stderr,
		        "cctns-admin: import: another import is running "
		        "on this database; wait for it to finish\n");
	PQclear(res);
	return ok ? 0 : -1;
}

int cmd_import(const char *db, int argc, char **argv)
{
	struct import_run r;
	int rc = ADMIN_FAIL, p;
	double secs;

	memset(&r, 0, sizeof(r));
	r.a.db = db;
	r.a.batch = 5000;
	r.a.csv = -1;
	p = parse_args(argc, argv, &r.a);
	if (p != 0)
		return p == 1 ? ADMIN_OK : p;
	if (open_files(&r) != 0)
		goto done;
	make_label(&r);
	r.c = db_connect(r.a.db);
	if (!r.c || take_lock(r.c) != 0)
		goto done;
	r.parser = imp_parser_new();
	r.progress = !r.a.quiet && isatty(STDERR_FILENO);
	r.t0 = now_us();
	if ((r.a.csv ? read_csv(&r) : read_all(&r)) != 0)
		goto done;
	draw_progress(&r, 1);
	secs = (double)(now_us() - r.t0) / 1e6;
	printf("import: read %lld, imported %lld, rejected %lld (duplicates "
	       "%lld), %.2f s, %.0f records/s\n",
	       r.read, r.imported, r.rejected, r.duplicates, secs,
	       secs > 0 ? (double)r.imported / secs : 0.0);
	rc = r.rejected ? IMPORT_REJECTS : ADMIN_OK;
done:
	if (rc == ADMIN_FAIL && r.t0)
		printf("import: failed after reading %lld lines: imported %lld "
		       "in earlier batches, rejected %lld\n",
		       r.read, r.imported, r.rejected);
	if (r.c)
		PQfinish(r.c);
	if (r.in)
		fclose(r.in);
	if (r.rej && fclose(r.rej) != 0 && rc != ADMIN_FAIL) {
		fprintf(stderr, "cctns-admin: import: rejects file: %s\n",
		        strerror(errno));
		rc = ADMIN_FAIL;
	}
	imp_parser_free(r.parser);
	imp_csv_head_free(r.head);
	imp_buf_free(&r.rows.fir);
	imp_buf_free(&r.rows.person);
	imp_buf_free(&r.rows.charge);
	imp_buf_free(&r.raw);
	free(r.lines);
	return rc;
}

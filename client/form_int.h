/* form_int.h: the parts of the form engine (form.h) shared between its
 * files: form.c (steps, questions, review), form_value.c (one field's value
 * as text, both ways), form_draft.c (drafts on disk) and form_tables.c (the
 * tables that make a form read well: labels, code fields, defaults). */
#ifndef CCTNS_CLIENT_FORM_INT_H
#define CCTNS_CLIENT_FORM_INT_H

#include <stddef.h>
#include <stdint.h>

#include "envelope.h"
#include "form.h"

/* ------------------------------------------------------------ tables */

/* How a field is called and explained; NULL members fall back to the
 * field's name made readable ("date_of_birth" -> "Date of birth"). */
typedef struct form_label {
	const ProtobufCMessageDescriptor *msg;
	const char *field;
	const char *label; /* "Occurred from" */
	const char *one;   /* a repeated field's entry: "charge" */
	const char *help;  /* said on "?", before the rules */
} form_label;

/* A field whose value is a code the server can look up. */
typedef struct form_code {
	const ProtobufCMessageDescriptor *msg;
	const char *field;
	Cctns__V1__LookupKind kind;
	/* A field of the same message that the picked item also sets: with
	 * its parent (a district's state, a section's act), or, when
	 * take_parent, with its code (this field taking the parent: an MO
	 * major head whose minor head comes next). NULL: none. */
	const char *also;
	int take_parent;
	/* Fill the query from the message being filled (m) and the whole
	 * document (root). Returns 0 when this value is not looked up (a
	 * special law's section), else 1. NULL: nothing to fill. */
	int (*context)(const ProtobufCMessage *root, const ProtobufCMessage *m,
	               Cctns__V1__LookupRef *q);
} form_code;

const form_label *form_label_for(const ProtobufCMessageDescriptor *msg,
                                 const char *field);
const form_code *form_code_for(const ProtobufCMessageDescriptor *msg,
                               const char *field);
/* Fields never asked (besides bytes fields and the command's own). */
int form_hidden(const ProtobufCMessageDescriptor *msg, const char *field);
/* The enum values a station may choose for a field (short names,
 * NULL-terminated), or NULL for all of them. */
const char *const *form_allowed(const ProtobufCMessageDescriptor *msg,
                                const char *field);
/* Times and dates that may lie in the future (others may not). */
int form_future_ok(const ProtobufCMessageDescriptor *msg, const char *field);
/* The value proposed for an empty field, as text, into buf. 1 when there
 * is one. */
int form_default(const ProtobufCMessage *root, const ProtobufCMessage *m,
                 const char *field, char *buf, size_t bufsz);

/* ------------------------------------------------------------ values */

/* Where one value of f lives in m: the field, or entry i of a repeated
 * field. */
typedef struct fv_ref {
	ProtobufCMessage *m;
	const ProtobufCFieldDescriptor *f;
	size_t i;
	int elem; /* an entry of a repeated field */
} fv_ref;

/* The field's value as it was, to put back when a new one is refused. */
typedef struct fv_saved {
	unsigned char raw[16];
	uint32_t quantifier; /* has_ flag or oneof case */
} fv_saved;

int fv_present(const ProtobufCMessage *m, const ProtobufCFieldDescriptor *f);
size_t fv_count(const ProtobufCMessage *m, const ProtobufCFieldDescriptor *f);
/* The sub-message at r (a message field or entry), or NULL. */
ProtobufCMessage *fv_message(const fv_ref *r);
/* Set the message field r->f of r->m to a new empty message; returns it. */
ProtobufCMessage *fv_add_message(ProtobufCMessage *m,
                                 const ProtobufCFieldDescriptor *f);
/* Free and unset a message field. */
void fv_drop_message(ProtobufCMessage *m, const ProtobufCFieldDescriptor *f);
/* Append an empty entry to a repeated field / remove its last one. */
void fv_append(ProtobufCMessage *m, const ProtobufCFieldDescriptor *f);
void fv_remove_last(ProtobufCMessage *m, const ProtobufCFieldDescriptor *f);

/* A scalar value as text: a string as it is, a number in decimal, an enum
 * by its short name, a bool as yes/no; "" when unset (0, "", false). */
void fv_text(const fv_ref *r, char *buf, size_t bufsz);
/* Change the value: fv_save first; then fv_set_text (parse text for the
 * field's type: 0, or -1 with why) or fv_clear; then fv_commit to keep
 * the new value or fv_restore to put the old one back. allowed: the enum
 * values permitted (NULL: all). */
void fv_save(const fv_ref *r, fv_saved *s);
int fv_set_text(const fv_ref *r, const char *text, const char *const *allowed,
                char *why, size_t whysz);
void fv_clear(const fv_ref *r);
void fv_commit(const fv_ref *r, const fv_saved *s);
void fv_restore(const fv_ref *r, const fv_saved *s);

/* The choices of an enum field as "1 oral, 2 written, ..." and the value
 * of choice n (1-based), honouring allowed. */
size_t fv_enum_choices(const ProtobufCEnumDescriptor *e,
                       const char *const *allowed,
                       const ProtobufCEnumValue **out, size_t max);

/* An RFC 3339 time as the station reads it: "29/11/2026 10:30" for IST,
 * else as it is. */
void fv_time_words(const char *rfc3339, char *buf, size_t bufsz);
/* Seconds since the epoch of a valid RFC 3339 time. */
int64_t fv_time_epoch(const char *rfc3339);
/* Now in IST as RFC 3339. */
void fv_now_text(int64_t now, char *buf, size_t bufsz);

/* ------------------------------------------------------------ matches */

/* The persons already offered, so an unchanged person is not offered
 * again when the form passes it once more (a ring of their details). */
#define FORM_MATCH_MEMO 16
typedef struct form_match_memo {
	char seen[FORM_MATCH_MEMO][192];
	size_t next;
} form_match_memo;

/* At the end of a sub-form m (form_match.c): when m is a Person with a
 * name and no person_id, and spec->match is set, show the persons the
 * server proposes (best first, with the reasons) and let the officer link
 * one (m's person_id is set) or keep a new person. ctx names the sub-form
 * ("Accused 1 > Person"). 0 to go on, -1 when the input ended. */
int form_match_person(const form_spec *spec, form_match_memo *memo,
                      ProtobufCMessage *m, const char *ctx, char **line,
                      size_t *linecap) __attribute__((warn_unused_result));

/* ------------------------------------------------------------ drafts */

/* Write the draft atomically (temporary file, fsync, rename, fsync of the
 * folder), making the folder when missing. 0, or -1 with why. */
int form_draft_write(const char *path, const ProtobufCMessage *doc,
                     const uint8_t key[FORM_KEY_LEN], const char *position,
                     int64_t now, char *why, size_t whysz);
/* Read the draft at path as a desc document. 1 read (doc, key, position,
 * saved_at as RFC 3339), 0 no draft, -1 unreadable (why). */
int form_draft_read(const char *path, const ProtobufCMessageDescriptor *desc,
                    ProtobufCMessage **doc, uint8_t key[FORM_KEY_LEN],
                    char *position, size_t possz, char *saved_at,
                    size_t savedsz, char *why, size_t whysz);
/* Rename an unreadable draft to PATH.bad (PATH.bad.2, ... when taken);
 * the new name into to. 0 or -1. */
int form_draft_set_aside(const char *path, char *to, size_t tosz);

/* ------------------------------------------------------------ the engine
 * The state of a form and the helpers its files share: form.c (steps,
 * questions, the loop), form_code.c (code fields picked from the server's
 * lists) and form_review.c (the review before submitting). */

#define PATH_MAX_LEN 128
#define CTX_MAX_LEN  160
#define TEXT_MAX     (64 * 1024)
#define PICK_LIMIT   9
#define REVIEW_POS   "@review" /* the draft's position at the review */
#define FUTURE_SLACK 120       /* seconds a clock may be ahead */
/* A text that may hold line breaks and more than this many characters
 * (the first information, a diary entry) is typed line by line; shorter
 * ones take one line. */
#define LONG_TEXT 4000

typedef enum step_kind {
	ST_FIELD, /* type a value (a scalar, or an entry of a repeated one) */
	ST_ADD,   /* add (or keep) an optional sub-form */
	ST_MORE,  /* add another entry to a repeated field */
	ST_END,   /* a sub-form or an entry is done: check it whole */
} step_kind;

typedef struct step {
	step_kind kind;
	fv_ref r;                /* the field, in the message holding it */
	char path[PATH_MAX_LEN]; /* of the field or entry in the document */
	char base[PATH_MAX_LEN]; /* of the message holding it ("" at top) */
	char ctx[CTX_MAX_LEN];   /* the sub-forms it is in, for a person */
	int depth;
} step;

struct form {
	form_spec spec;
	ProtobufCMessage *doc;
	uint8_t key[FORM_KEY_LEN];
	step *steps;
	size_t nsteps, cap;
	size_t pos;              /* steps[pos] is next; nsteps: review */
	char want[PATH_MAX_LEN]; /* go to this path at the next turn */
	int want_set;
	char edit[PATH_MAX_LEN]; /* editing this field from the review */
	int editing;
	int dirty; /* an answer since the draft was saved */
	char shown_ctx[CTX_MAX_LEN];
	form_match_memo memo; /* search: the persons already matched */
	char *line;
	size_t linecap;
};

typedef enum ask_rc {
	ASK_NEXT, /* answered: go on */
	ASK_STAY, /* answered: the list changed under this position */
	ASK_BACK, /* "<" */
	ASK_EOF,  /* the input ended */
	ASK_JUMP, /* answered, and f->want says where to go */
} ask_rc;

/* Helpers of form.c used by form_code.c and form_review.c. */
void form_bprintf(char *buf, size_t n, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
void form_field_label(const ProtobufCMessageDescriptor *msg,
                      const ProtobufCFieldDescriptor *f, char *buf,
                      size_t bufsz);
void form_entry_noun(const ProtobufCMessageDescriptor *msg,
                     const ProtobufCFieldDescriptor *f, char *buf,
                     size_t bufsz);
void form_say(form *f, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
void form_spaces(form *f, int n);
const char *form_read_line(form *f, int trim);
int form_askable(const form *f, const ProtobufCMessage *m,
                 const ProtobufCFieldDescriptor *fd, int top);
int form_is_input(const step *s);
size_t form_find_step(const form *f, const char *path);
void form_go_to(form *f, const char *path);
void form_report(form *f, const step *s, const char *path, const char *message);
int form_is_time_field(const step *s, const field_rule_info *info);
int form_try_value(form *f, const step *s, const char *text);
void form_set_also(const step *s, const char *field, const char *text);
int form_take_code(form *f, const step *s, const form_code *c,
                   const char *text);
int form_yes_no(form *f, int dflt);
int form_review(form *f);

#endif

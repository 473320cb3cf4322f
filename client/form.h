/* form.h: the terminal's interactive forms. One engine fills any document a
 * write command submits (an FIR, a diary entry, an arrest memo, ...) field
 * by field, driven by the document's protobuf-c descriptor: fields in the
 * order of the message (the order of the paper form), sub-messages as
 * sub-forms, repeated fields one entry at a time, enums as numbered
 * pick-lists, codes (sections, districts, ...) looked up on the server,
 * times typed the way a station writes them ("29/11/2026 10:30", "now").
 * Each answer is checked at once with the rules the server runs
 * (envelope_check_field); a wrong answer is named and asked again. After
 * every answer the document is saved as a draft, so a power cut loses
 * nothing; a review ends the form: submit, edit a field, quit keeping the
 * draft, or discard it.
 *
 * What a person types at a field:
 *   text      the value                Enter   keep the value shown in [ ]
 *                                              (skip when there is none)
 *   ?         help for the field       -       clear the value
 *   <         back to the field before
 * A long text that may hold several lines (the first information, a diary
 * entry) is typed line by line and ended with a line holding a single "."
 * (an empty first line keeps the value); other texts take one line.
 *
 * Input and output are plain FILE streams: on a terminal the person types;
 * from a pipe or a file the same answers come one a line (scripts, tests).
 * The engine never touches the network: lookups go through a callback. */
#ifndef CCTNS_CLIENT_FORM_H
#define CCTNS_CLIENT_FORM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cctns.pb-c.h"

#define FORM_KEY_LEN 16u /* the idempotency key kept with the draft */

/* Look q up on the server. 0 with *out (freed by the caller with
 * protobuf_c_message_free_unpacked), or -1 with why for a person (the
 * server cannot be reached, ...): the form then takes codes as typed. */
typedef struct form_lookup {
	int (*fn)(void *arg, const Cctns__V1__LookupRef *q,
	          Cctns__V1__RefList **out, char *why, size_t whysz);
	void *arg;
} form_lookup;

/* search: ask the server for persons already recorded who may be the
 * person just entered (MatchPersons). 0 with *out (freed by the caller
 * with protobuf_c_message_free_unpacked), or -1 with why (offline, no
 * answer): the form then records a new person and says so. */
typedef struct form_match {
	int (*fn)(void *arg, const Cctns__V1__Person *p,
	          Cctns__V1__PersonMatches **out, char *why, size_t whysz);
	void *arg;
} form_match;

typedef struct form_spec {
	const ProtobufCMessageDescriptor *desc; /* the document */
	const char *title;                      /* "FIR", "arrest memo" */
	/* Top-level fields the command fills itself (not asked),
	 * NULL-terminated, or NULL. Bytes fields are never asked. */
	const char *const *own;
	/* The document as its printout, for the review; NULL: the review
	 * lists the fields. */
	void (*preview)(FILE *out, const ProtobufCMessage *doc);
	const char *draft_path; /* where the draft lives; NULL: none */
	FILE *in, *out;
	int echo; /* write each answer read after its prompt (input is not
	             a terminal, so the transcript reads like a session) */
	form_lookup lookup;        /* fn NULL: no lookups */
	form_match match;          /* fn NULL: persons are not matched */
	uint8_t key[FORM_KEY_LEN]; /* the key of a new draft */
} form_spec;

typedef enum form_end {
	FORM_SUBMIT,  /* reviewed and confirmed: send form_doc() */
	FORM_QUIT,    /* left at the review; the draft is kept */
	FORM_DISCARD, /* the draft was discarded */
	FORM_EOF,     /* the input ended first; the draft is kept */
} form_end;

typedef struct form form;

/* A form over a new empty document. The spec's strings and streams must
 * outlive the form. */
form *form_new(const form_spec *spec) __attribute__((warn_unused_result));
void form_free(form *f);

/* When the draft exists: offer to resume it ("a draft from 29/11/2026
 * 10:32 exists: resume? [Y/n]") and take its document, key and position.
 * A draft that cannot be read is reported and renamed to PATH.bad. Returns
 * 1 resumed, 0 starting afresh, -1 when the input ended. */
int form_offer_draft(form *f);

/* Ask, from the current position, until the review ends the form. */
form_end form_fill(form *f);

/* The document and the key to submit it with (owned by the form). */
ProtobufCMessage *form_doc(form *f);
const uint8_t *form_key(const form *f);

/* The server (or the terminal's own check) refused the document at path
 * (relative to the document; "" for all of it): say so, and make the next
 * form_fill ask that field again and then come back to the review. */
void form_refused(form *f, const char *path, const char *message);

/* Remove the draft (after a submission). 0, or -1 when it could not be
 * removed (reported). */
int form_draft_remove(form *f);

/* One entry of a pick-list as a line: "  3  BNS 303    Theft (IPC 378,
 * IPC 379)". n is its number in the list (0: none). */
void form_print_ref_item(FILE *out, Cctns__V1__LookupKind kind, size_t n,
                         const Cctns__V1__RefItem *item);

/* Times and dates as a station writes them, India Standard Time:
 * "29/11/2026 10:30", "29-11-2026 10:30", "2026-11-29 10:30" (seconds
 * optional, a "T" allowed), "now", "today 10:30", "yesterday 18:00", or
 * RFC 3339 itself. into out as RFC 3339 ("2026-11-29T10:30:00+05:30").
 * now is the present time. 0, or -1 with why. */
int form_parse_time(const char *in, int64_t now, char *out, size_t outsz,
                    char *why, size_t whysz);
/* "29/11/2026", "29-11-2026", "2026-11-29", "today", "yesterday" into
 * "YYYY-MM-DD". 0, or -1 with why. */
int form_parse_date(const char *in, int64_t now, char *out, size_t outsz,
                    char *why, size_t whysz);

#endif

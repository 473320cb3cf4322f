/* print_petition.h: the petition and complaint register: a petition with
 * everything that happened to it laid out like the register's page, the
 * acknowledgement given at registration, and the answer to a step
 * (enquiry assigned, report, disposal). */
#ifndef CCTNS_CLIENT_PRINT_PETITION_H
#define CCTNS_CLIENT_PRINT_PETITION_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* Sections: acknowledgement, petitioner, respondents, subject, the
 * petition, enquiry, enquiry report, disposal, history. */
void print_petition(FILE *out, const Cctns__V1__PetitionRecord *r);

/* "Petition 0001/2026 registered on <time> (received <time>)", the
 * General Diary entry, a note when the key had been used, the key. */
void print_petition_receipt(FILE *out, const Cctns__V1__PetitionReceipt *r,
                            const char *key_hex);

/* After a step: "Petition 0001/2026 is now <status>", what the step was,
 * its General Diary entry when it has one, the key. */
void print_petition_step(FILE *out, const Cctns__V1__PetitionRecord *r,
                         const char *key_hex);

/* Words for a person. */
const char *word_petition_mode(int v);   /* "In person" */
const char *word_petition_status(int v); /* "Under enquiry" */
const char *word_petition_event(int v);  /* "Enquiry assigned" */
const char *word_recommendation(int v);  /* "Register an FIR" */

#endif

/* print_court.h: the end of a case on paper: the final report laid out
 * like NCRB's IIF-V, the court disposal and the result of appeal like
 * IIF-VI and IIF-VII, and the receipts of their writes. */
#ifndef CCTNS_CLIENT_PRINT_COURT_H
#define CCTNS_CLIENT_PRINT_COURT_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* The final report in eight sections: case and report, type of report,
 * investigating officer, accused charge-sheeted (sections, dates, previous
 * convictions, status), accused not charge-sheeted (reasons), witnesses,
 * properties and their disposal, brief facts. */
void print_final_report(FILE *out, const Cctns__V1__FinalReportRecord *r);

/* "Final report 1 (original) recorded in FIR 0001/2026", when it was
 * filed, the case's status after it, the General Diary entry, a note when
 * the key had been used, then "idempotency key: ...". */
void print_final_report_receipt(FILE *out,
                                const Cctns__V1__FinalReportReceipt *r,
                                const char *key_hex);

/* The court record: the case, the disposal (IIF-VI) with each accused's
 * result, sections and sentence, the appeal and its result (IIF-VII). */
void print_court_record(FILE *out, const Cctns__V1__CourtRecord *c);

/* "Court disposal recorded in FIR 0001/2026 on <time>", the status after
 * it, the General Diary entry, then "idempotency key: ...". */
void print_court_receipt(FILE *out, const Cctns__V1__CourtReceipt *r,
                         const char *key_hex);

/* Words for the court family's values: "Charge-sheet", "Partly
 * convicted", "Rigorous imprisonment", ...; "not stated" for unspecified,
 * "unrecognised" for an unknown value. */
const char *word_final_report_kind(int v);
const char *word_charged_status(int v);
const char *word_witness_kind(int v);
const char *word_disposal_kind(int v);
const char *word_trial_result(int v);
const char *word_punishment(int v);
const char *word_appellant(int v);
const char *word_appeal_outcome(int v);

/* 24 -> "2 years", 18 -> "1 year 6 months", 1 -> "1 month". Returns buf. */
const char *fmt_months(uint32_t months, char *buf, size_t bufsz);

#endif

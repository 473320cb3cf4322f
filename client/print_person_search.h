/* print_person_search.h: the answers of person search, duplicate matches
 * and merges (search helper, issue 4). */
#ifndef CCTNS_CLIENT_PRINT_PERSON_SEARCH_H
#define CCTNS_CLIENT_PRINT_PERSON_SEARCH_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* Ranked persons, each with why it matched and its cases. */
void print_person_matches(FILE *out, const Cctns__V1__PersonMatches *m);

/* The receipt of a merge, unmerge or distinct marking. */
void print_person_merge_receipt(FILE *out,
                                const Cctns__V1__PersonMergeReceipt *r);

#endif

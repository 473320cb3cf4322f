/* sqlscan.h: a small SQL lexer for migration files: finds statements that
 * would end the migration's transaction (BEGIN, COMMIT, ROLLBACK, END,
 * START, ABORT) at the top level of a script, skipping comments, quoted
 * strings and identifiers, and dollar-quoted bodies ($$ ... $$). */
#ifndef CCTNS_ADMIN_SQLSCAN_H
#define CCTNS_ADMIN_SQLSCAN_H

/* Returns the 1-based line (counting from first_line, the line sql starts
 * on) of the first transaction-control statement in sql, or 0 when there is
 * none. Writes its keyword, upper-cased, into word (wordsz bytes). SQL
 * standard function bodies (BEGIN ATOMIC ... END) are not understood: use
 * dollar quoting in migrations. */
int sqlscan_txn_control(const char *sql, int first_line, char *word,
                        unsigned wordsz);

#endif

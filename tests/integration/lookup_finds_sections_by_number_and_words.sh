#!/usr/bin/env bash
# lookup_finds_sections_by_number_and_words: `cctns lookup` reads the reference lists behind
# the forms' pick-lists from the server: IPC and BNS sections by number and by words of their
# title, each with the corresponding section of the other act, and only the act in force on
# an offence date when one is given; districts of the station's state, police stations of its
# district (or another), MO heads and special laws by words. A bad lookup is refused naming
# what is wrong, with exit 3 (from the server) or 2 (usage).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
stack_up

run term a lookup section 303
assert_eq 0 "$RC" "lookup section 303 exits 0"
assert_match "$OUT" '^  BNS 303 +Theft \(IPC 378, IPC 379\)$' "a section by number: BNS 303, with its IPC sections"
assert_match "$OUT" '^  IPC 303 +Punishment for murder by life-convict \(BNS 104\)$' "... and IPC 303, with its BNS section"

run term a lookup section theft --act bns
assert_eq 0 "$RC" "lookup section theft --act bns exits 0"
assert_match "$(head -n 1 <<<"$OUT")" '^  BNS 303 +Theft ' "by words: BNS 303 Theft comes first"
! grep -qE '^  IPC ' <<<"$OUT" || fail "an IPC section is listed with --act bns"
ok "... only BNS sections are listed with --act bns"

run term a lookup section theft vehicle --limit 3
assert_eq 0 "$RC" "lookup by words of which not all match exits 0"
assert_eq 4 "$(wc -l <<<"$OUT")" "... three sections and a line saying more match"
assert_contains "$OUT" "(more match" "... (more match)"
assert_match "$(head -n 1 <<<"$OUT")" '^  BNS 303 +Theft ' "... the best first"

run term a lookup section 379 --on 2024-05-01
assert_eq 0 "$RC" "lookup section 379 for an offence of May 2024 exits 0"
assert_match "$OUT" '^Act in force on that day: IPC$' "an offence before 1 July 2024: IPC"
assert_match "$OUT" '^  IPC 379 +Punishment for theft \(BNS 303\(2\)\)$' "... IPC 379, whose BNS section is 303(2)"
! grep -qE '^  BNS ' <<<"$OUT" || fail "a BNS section is listed for an offence of May 2024"
ok "... and no BNS section"

run term a lookup section snatch --json
assert_eq 0 "$RC" "lookup --json exits 0"
assert_match "$OUT" '"code": "304"' "the list as JSON: BNS 304 Snatching"
assert_match "$OUT" '"parent": "bns"' "... with its act"

run term a lookup district agra
assert_match "$OUT" '^  118 +Agra \(Uttar Pradesh\)$' "a district of the station's state by name"
run term a lookup district agra --state 10
assert_contains "$OUT" "No districts found." "... not in another state"
run term a lookup station
assert_match "$OUT" "^  $A_STATION +$A_NAME \(Agra\)$" "the police stations of the station's district"
assert_not_contains "$OUT" "$B_NAME" "... not those of another district"
run term a lookup station civil --district $B_DISTRICT
assert_match "$OUT" "^  $B_STATION +$B_NAME \(Aligarh\)$" "... unless asked for"
run term a lookup mo lock
assert_match "$OUT" '^  lock_broken +House breaking: lock or latch broken$' "an MO head by a word"
run term a lookup law narcotic
assert_match "$OUT" '^  NDPS +Narcotic Drugs and Psychotropic Substances Act, 1985$' "a special law by a word of its title"
run term a lookup state uttar
assert_match "$OUT" '^  9 +Uttar Pradesh \(state\)$' "a state by name"

run term a lookup section --on 2024-02-30
assert_eq 3 "$RC" "an impossible offence date: exit 3"
assert_contains "$OUT" "on_date" "... naming it"
run term a lookup section --limit 101
assert_eq 3 "$RC" "a limit over 100: exit 3"
assert_contains "$OUT" "limit" "... naming it"
run term a lookup district --act bns
assert_eq 3 "$RC" "an act for a district: exit 3"
assert_contains "$OUT" "act: is for section lookups only" "... saying acts are for sections"
run term a lookup police
assert_eq 2 "$RC" "an unknown list: usage error (exit 2)"
server_stop || fail "cctns-server did not exit 0 on SIGTERM"
ok "cctns-server exits 0 on SIGTERM"
sanitizer_clean

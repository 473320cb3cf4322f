#!/usr/bin/env python3
"""import_gen.py (issue 7): made-up legacy FIRs for `cctns-admin import`.

    import_gen.py --n N --state S --district D --station ST --out FILE.jsonl
                  [--format jsonl|csv] [--years 2015-2023] [--first-no 1]
                  [--copy-dir DIR --fir-id-from ID --person-id-from ID]

Writes N FIRs of station S/D/ST as JSON lines (docs/IMPORT.md), or with
--format csv the same records as CSV (a header row, CRLF line ends, the
flat columns of docs/IMPORT.md: complainant_*, accused_1_*, accused_2_*,
victim_1_*, sections as "IPC 379; IPC 411"), spread over
the years given (numbers from --first-no in each year), each with 1-2
sections, a complainant, 1-2 accused and sometimes a victim. With
--copy-dir it also writes the same rows as COPY text files of the target
tables (core.fir, fir_charge, person, person_link, fir_person, case_event),
with explicit ids from the numbers given: the raw COPY anchor of
tests/bench/import. Deterministic (seeded), names made up from short lists.
"""
import argparse
import csv
import hashlib
import json
import os
import random

FIRST = ["Ramesh", "Suresh", "Mohan", "Sita", "Geeta", "Anil", "Sunil", "Rajesh", "Pooja",
         "Mohd. Shahid", "Imran", "Farida", "Kuldeep", "Harpreet", "Lakshmi", "Venkatesh",
         "Arjun", "Kavita", "Deepak", "Neha", "Vikram", "Anita", "Rahul", "Priya"]
LAST = ["Kumar", "Sharma", "Verma", "Yadav", "Singh", "Gupta", "Khan", "Agarwal", "Patel",
        "Reddy", "Nair", "Mishra", "Tiwari", "Chauhan", "Jain", "Das"]
IPC = ["379", "380", "323", "324", "341", "354", "392", "406", "420", "457", "506", "498A"]
BNS = ["303(2)", "305", "115(2)", "118(1)", "126(2)", "74", "309(4)", "316(2)", "318(4)", "331(4)",
       "351(2)", "85"]
PLACES = ["Near the bus stand", "Sadar Bazar", "Railway colony", "Main market", "Civil lines"]


def name(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def person(rng, role, year):
    p = {"role": role, "name": name(rng), "relative_name": name(rng),
         "sex": rng.choice(["male", "female"]), "address": "%d %s, Agra" % (rng.randint(1, 300),
                                                                          rng.choice(PLACES)),
         "pincode": "2820%02d" % rng.randint(1, 99)}
    if rng.random() < 0.5:
        p["age"] = rng.randint(18, 70)
    else:
        p["birth_year"] = year - rng.randint(18, 70)
    return p


def fir(rng, a, year, no):
    day = rng.randint(0, 364)
    month = 1 + day // 31
    dom = 1 + day % 28
    hour = rng.randint(0, 22)
    reg = "%04d-%02d-%02dT%02d:%02d:00+05:30" % (year, month, dom, hour + 1, rng.randint(0, 59))
    occ = "%04d-%02d-%02dT%02d:00:00+05:30" % (year, month, dom, hour)
    acts = "bns" if year >= 2025 else "ipc"
    secs = BNS if acts == "bns" else IPC
    persons = [person(rng, "complainant", year)]
    for _ in range(rng.randint(1, 2)):
        persons.append(person(rng, "accused", year))
    if rng.random() < 0.3:
        persons.append(person(rng, "victim", year))
    return {"state": a.state, "district": a.district, "station": a.station, "year": year,
            "fir_no": no, "registered_at": reg, "occurred_from": occ,
            "information_type": "written",
            "place": {"line1": rng.choice(PLACES), "city": "Agra", "pincode": "282001"},
            "brief_facts": "Legacy record %d/%d: the complainant reported the offence at the "
                           "station; the accused were named." % (no, year),
            "sections": [{"act": acts, "section": s}
                         for s in rng.sample(secs, rng.randint(1, 2))],
            "persons": persons}


def esc(v):
    if v is None:
        return "\\N"
    return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def row(f, *vals):
    f.write("\t".join(esc(v) for v in vals) + "\n")


def copy_rows(files, rec, line, fir_id, next_pid):
    st, di, sn, yr, no = rec["state"], rec["district"], rec["station"], rec["year"], rec["fir_no"]
    reg = rec["registered_at"].replace("T", " ")
    key = hashlib.sha256(("cctns-import:%d:%d:%d:%d:%d" % (st, di, sn, yr, no)).encode()).hexdigest()[:32]
    sha = hashlib.sha256(line.encode()).hexdigest()
    p = rec["place"]
    row(files["fir"], fir_id, st, yr, di, sn, no, reg, rec["occurred_from"].replace("T", " "), reg,
        rec["information_type"], p["line1"], p["city"], p["pincode"], rec["brief_facts"],
        "\\x" + key, "\\x" + sha)
    for i, c in enumerate(rec["sections"]):
        row(files["fir_charge"], st, yr, fir_id, i, c["act"], c["section"])
    label = "FIR %04d/%d" % (no, yr)
    accused = 0
    for pr in rec["persons"]:
        pid = next_pid
        next_pid += 1
        yob = pr.get("birth_year", yr - pr.get("age", 0))
        row(files["person"], pid, st, yr, reg, di, sn, pr["name"], "father", pr["relative_name"],
            pr["sex"], yob, pr["address"], pr["pincode"])
        row(files["person_link"], st, yr, pid, pr["role"], "fir", yr, fir_id, fir_id, di, sn, label)
        if pr["role"] == "victim":
            continue
        seq = 0 if pr["role"] == "complainant" else accused + 1
        if pr["role"] == "accused":
            accused += 1
        row(files["fir_person"], st, yr, fir_id, seq, pr["role"], pr["name"], "father",
            pr["relative_name"], pr["sex"], yob, pr["address"], pr["pincode"], pid)
    row(files["case_event"], st, yr, fir_id, 1, reg, "fir_registered", "registered",
        label + " imported from legacy records")
    return next_pid


PERSON_COLS = ["name", "relative_name", "sex", "age", "birth_year", "address", "pincode"]
GROUPS = ["complainant", "accused_1", "accused_2", "victim_1"]
CSV_HEADER = (["state", "district", "station", "year", "fir_no", "registered_at", "occurred_from",
               "information_type", "place_line1", "place_city", "place_pincode", "brief_facts",
               "sections"] + [g + "_" + c for g in GROUPS for c in PERSON_COLS])


def csv_row(rec):
    """The record as one CSV row of CSV_HEADER (docs/IMPORT.md's flat form)."""
    p = rec["place"]
    row = [rec["state"], rec["district"], rec["station"], rec["year"], rec["fir_no"],
           rec["registered_at"], rec["occurred_from"], rec["information_type"], p["line1"],
           p["city"], p["pincode"], rec["brief_facts"],
           "; ".join("%s %s" % (c["act"].upper(), c["section"]) for c in rec["sections"])]
    groups = {g: {} for g in GROUPS}
    accused = 0
    for pr in rec["persons"]:
        if pr["role"] == "accused":
            accused += 1
            g = "accused_%d" % accused
        else:
            g = pr["role"] if pr["role"] == "complainant" else "victim_1"
        groups[g] = pr
    for g in GROUPS:
        row += [groups[g].get(c, "") for c in PERSON_COLS]
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--state", type=int, required=True)
    ap.add_argument("--district", type=int, required=True)
    ap.add_argument("--station", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--years", default="2015-2023")
    ap.add_argument("--first-no", type=int, default=1)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--copy-dir")
    ap.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    ap.add_argument("--fir-id-from", type=int, default=10 ** 12)
    ap.add_argument("--person-id-from", type=int, default=10 ** 12)
    a = ap.parse_args()
    y0, y1 = (int(x) for x in a.years.split("-"))
    years = list(range(y0, y1 + 1))
    rng = random.Random(a.seed)
    files = {}
    if a.copy_dir:
        os.makedirs(a.copy_dir, exist_ok=True)
        for t in ("fir", "fir_charge", "person", "person_link", "fir_person", "case_event"):
            files[t] = open(os.path.join(a.copy_dir, t + ".copy"), "w", encoding="utf-8")
    per_year = -(-a.n // len(years))
    fir_id, pid = a.fir_id_from, a.person_id_from
    with open(a.out, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\r\n") if a.format == "csv" else None
        if w:
            w.writerow(CSV_HEADER)
        for i in range(a.n):
            yr = years[i // per_year]
            rec = fir(rng, a, yr, a.first_no + i % per_year)
            line = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
            if w:
                w.writerow(csv_row(rec))
            else:
                out.write(line + "\n")
            if files:
                pid = copy_rows(files, rec, line, fir_id, pid)
                fir_id += 1
    for f in files.values():
        f.close()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""make_outbox_seeds.py: writes the seed corpus of fuzz_outbox into
tests/fuzz/corpus/fuzz_outbox/ (run from the checkout; commit the files).
Each seed is a mode byte (see fuzz_outbox.c) and an outbox record in the
format of client/outbox_rec.h: valid records of a few request kinds, and
torn, altered and mismatched ones."""
import hashlib
import os
import struct
import sys


def varint(n):
    out = b""
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def field(num, payload):
    return varint(num << 3 | 2) + varint(len(payload)) + payload


def envelope(body_case, body):
    return field(body_case, body)


def record(kind, request, receipt=b"OFF-9-118-1001-desk-1-000001",
           noun=b"FIR", version=1, queued_at=1796000000):
    head = (b"CCTNSOBX" + struct.pack(">IIq", version, kind, queued_at)
            + struct.pack(">H", len(receipt)) + receipt
            + struct.pack(">H", len(noun)) + noun
            + struct.pack(">I", len(request)) + request)
    return head + hashlib.sha256(head).digest()


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/fuzz/corpus"
    d = os.path.join(root, "fuzz_outbox")
    os.makedirs(d, exist_ok=True)
    key = bytes(range(1, 17))
    fir = field(3, b"2026-11-29T10:00:00+05:30") + field(
        9, b"A bag was snatched near the bus stand.")
    reg_fir = envelope(20, field(1, key) + field(2, fir))
    gd = envelope(30, field(1, key))
    good = record(20, reg_fir)
    seeds = {
        "fir": b"\x00" + good,
        "fir_fixup": b"\x01" + good,
        "gd_entry": b"\x00" + record(30, gd, noun=b"diary entry"),
        "torn": b"\x00" + good[:-40],
        "torn_fixup": b"\x01" + good[:-40] + bytes(32),
        "altered": b"\x00" + good[:30] + b"X" + good[31:],
        "kind_mismatch": b"\x01" + record(22, reg_fir),
        "version_2": b"\x01" + record(20, reg_fir, version=2),
        "empty_receipt": b"\x01" + record(20, reg_fir, receipt=b""),
        "zeros": b"\x00" + bytes(len(good)),
    }
    for name, data in seeds.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""slowreader.py (core, session 10): a terminal that says Hello and reads its HelloAck, then
sends COUNT reads of one FIR (Envelope{request_id = 2.., get_fir{fir_number}}, built here) at
once, stops reading for a while with a small receive buffer (so the
server's socket fills and its answers queue), then reads every answer. Prints one line per
frame: request id, payload length, SHA-256 of the payload after its request id (answers to
the same read must be byte-identical).
usage: slowreader.py PORT CA CERT KEY HELLO_FILE FIR_NUMBER COUNT PAUSE_S"""
import hashlib
import socket
import ssl
import sys
import time


def varint(b, i):
    v = s = 0
    while True:
        c = b[i]
        i += 1
        v |= (c & 0x7F) << s
        s += 7
        if c < 0x80:
            return v, i


def put_varint(v):
    out = b""
    while v >= 0x80:
        out += bytes([(v & 0x7F) | 0x80])
        v >>= 7
    return out + bytes([v])


def get_fir_frame(rid, number):
    get = b"\x0a" + put_varint(len(number)) + number
    env = b"\x08" + put_varint(rid) + b"\xb2\x01" + put_varint(len(get)) + get
    return len(env).to_bytes(4, "big") + env


def main():
    port, ca, crt, key, hello, number, count, pause = sys.argv[1:9]
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.load_verify_locations(ca)
    ctx.load_cert_chain(crt, key)
    raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    raw.connect(("127.0.0.1", int(port)))
    s = ctx.wrap_socket(raw, server_hostname="localhost")
    s.settimeout(20)
    buf = b""

    def frame():
        nonlocal buf
        while len(buf) < 4 or len(buf) < 4 + int.from_bytes(buf[:4], "big"):
            chunk = s.recv(65536)
            if not chunk:
                sys.exit("connection closed after %d bytes" % len(buf))
            buf += chunk
        n = int.from_bytes(buf[:4], "big")
        payload, buf = buf[4:4 + n], buf[4 + n:]
        if payload[:1] != b"\x08":
            sys.exit("a frame without its request id first")
        rid, i = varint(payload, 1)
        return "%d %d %s" % (rid, n, hashlib.sha256(payload[i:]).hexdigest())

    with open(hello, "rb") as f:
        s.sendall(f.read())
    print(frame())
    s.sendall(b"".join(get_fir_frame(i, number.encode()) for i in range(2, int(count) + 2)))
    time.sleep(float(pause))
    for _ in range(int(count)):
        print(frame())
    s.close()


main()

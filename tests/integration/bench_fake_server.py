#!/usr/bin/env python3
"""bench_fake_server.py: a mutual-TLS 1.3 server that answers cctns-bench wrongly on purpose
(bench, issue 7), to check that the bench counts only right answers as ok.

Usage: bench_fake_server.py PKI_DIR PORT MODE

Takes server.crt, server.key and ca.crt from PKI_DIR (the harness PKI), requires a client
certificate, answers the first frame (Hello) with a HelloAck, then every frame with:
  good       a RefList with the request's id (the answer a reference lookup expects)
  status     a Status "refused by the fake server" with the request's id
  wrongbody  a HelloAck with the request's id
  wrongid    a RefList with the request's id + 1
  garbage    a frame whose body announces more bytes than it has
  badhello   (instead of the HelloAck) a frame that is no Envelope
Prints "listening" on stdout when ready.
"""
import socket
import ssl
import sys
import threading


def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def field(num, payload):
    """A length-delimited field num with payload."""
    return varint(num << 3 | 2) + varint(len(payload)) + payload


def frame(body):
    return len(body).to_bytes(4, "big") + body


def frames_in(buf):
    """The request ids of the whole frames at the start of buf, and the rest."""
    ids = []
    while len(buf) >= 4:
        n = int.from_bytes(buf[:4], "big")
        if len(buf) < 4 + n:
            break
        body, buf = buf[4:4 + n], buf[4 + n:]
        rid, shift, i = 0, 0, 1  # request_id: field 1, first (as protobuf-c packs it)
        if body[:1] == b"\x08":
            while True:
                b = body[i]
                rid |= (b & 0x7F) << shift
                shift += 7
                i += 1
                if not b & 0x80:
                    break
        ids.append(rid)
    return ids, buf


def answer(mode, rid):
    if mode == "good":
        return frame(b"\x08" + varint(rid) + field(131, b""))
    if mode == "status":
        return frame(b"\x08" + varint(rid) + field(12, field(2, b"refused by the fake server")))
    if mode == "wrongbody":
        return frame(b"\x08" + varint(rid) + field(11, b""))
    if mode == "wrongid":
        return frame(b"\x08" + varint(rid + 1) + field(131, b""))
    return frame(b"\x08" + varint(rid) + varint(131 << 3 | 2) + b"\x7f")  # garbage


def serve(ctx, conn, mode):
    try:
        s = ctx.wrap_socket(conn, server_side=True)
        buf, hello = b"", True
        while True:
            data = s.recv(65536)
            if not data:
                return
            ids, buf = frames_in(buf + data)
            for rid in ids:
                if hello:
                    hello = False
                    s.sendall(frame(b"\xff\xff\xff") if mode == "badhello"
                              else frame(b"\x08" + varint(rid) + field(11, b"")))
                else:
                    s.sendall(answer(mode, rid))
    except (OSError, ssl.SSLError):
        pass
    finally:
        conn.close()


def main():
    pki, port, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.load_cert_chain(pki + "/server.crt", pki + "/server.key")
    ctx.load_verify_locations(pki + "/ca.crt")
    ctx.verify_mode = ssl.CERT_REQUIRED
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", port))
    ls.listen(64)
    print("listening", flush=True)
    while True:
        conn, _ = ls.accept()
        threading.Thread(target=serve, args=(ctx, conn, mode), daemon=True).start()


if __name__ == "__main__":
    main()

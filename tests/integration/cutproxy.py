#!/usr/bin/env python3
"""cutproxy.py: a TCP proxy for chaos tests that cuts some connections mid-stream.

Usage: cutproxy.py LISTEN_PORT TARGET_PORT SEED CUT_PERCENT MAX_BYTES STOPFILE

Listens on 127.0.0.1:LISTEN_PORT and forwards each connection to 127.0.0.1:TARGET_PORT,
byte for byte, both ways. CUT_PERCENT of the connections (chosen by a random generator
seeded with SEED, one draw per accepted connection) are cut: after a random number of
bytes (1..MAX_BYTES, counted over both directions) has been forwarded, both sides are
closed at once, so the cut falls anywhere: in the TLS handshake, inside a request frame
or inside an answer. Once the file STOPFILE exists, new connections are no longer cut.
Prints "listening" on stdout when ready; one line per cut connection on stderr.
"""
import os
import random
import selectors
import socket
import sys


def main():
    listen_port, target_port, seed, cut_pct, max_bytes = (int(a) for a in sys.argv[1:6])
    stopfile = sys.argv[6]
    rng = random.Random(seed)
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", listen_port))
    lsock.listen(128)
    lsock.setblocking(False)
    sel = selectors.DefaultSelector()
    sel.register(lsock, selectors.EVENT_READ, None)
    # pair: [client, server, bytes left before the cut or None, number, bytes seen]
    nconn = 0
    ncut = 0
    print("listening", flush=True)

    def close_pair(pair, abort=False):
        for s in pair[:2]:
            try:
                sel.unregister(s)
            except (KeyError, ValueError):
                pass
            if abort:  # a reset, not an orderly close
                try:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")
                except OSError:
                    pass
            s.close()

    while True:
        for key, _ in sel.select():
            if key.data is None:
                try:
                    c, _addr = lsock.accept()
                except OSError:
                    continue
                nconn += 1
                cut = rng.randrange(100) < cut_pct
                left = rng.randint(1, max_bytes)
                if os.path.exists(stopfile) or not cut:
                    left = None
                try:
                    s = socket.create_connection(("127.0.0.1", target_port), timeout=10)
                except OSError:
                    c.close()
                    continue
                c.setblocking(False)
                s.setblocking(False)
                pair = [c, s, left, nconn, 0]
                sel.register(c, selectors.EVENT_READ, (pair, 0))
                sel.register(s, selectors.EVENT_READ, (pair, 1))
                continue
            pair, side = key.data
            src, dst = pair[side], pair[1 - side]
            try:
                data = src.recv(65536)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                data = b""
            if not data:
                if os.environ.get("CUTPROXY_VERBOSE"):
                    sys.stderr.write("connection %d closed after %d bytes\n" % (pair[3], pair[4]))
                close_pair(pair)
                continue
            if pair[2] is not None and len(data) >= pair[2]:
                data = data[: pair[2] - 1]
                pair[4] += len(data)
                try:
                    dst.setblocking(True)
                    dst.sendall(data)
                except OSError:
                    pass
                ncut += 1
                sys.stderr.write(
                    "cut connection %d after %d bytes (%d cut of %d)\n"
                    % (pair[3], pair[4], ncut, nconn)
                )
                sys.stderr.flush()
                close_pair(pair, abort=True)
                continue
            pair[4] += len(data)
            if pair[2] is not None:
                pair[2] -= len(data)
            try:
                dst.setblocking(True)
                dst.settimeout(30)
                dst.sendall(data)
                dst.setblocking(False)
            except OSError:
                close_pair(pair)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass

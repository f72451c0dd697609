#!/usr/bin/env python3
"""xapian_wire.py LISTEN_PORT_FILE UPSTREAM_PORT LOG NAME [MEET_DIR]

A loopback proxy in front of one xapian-tcpsrv that logs what its clients
ask: one line per message, "NAME.CONNECTION TYPE BODY-HEX", flushed as it
passes.  Xapian's remote protocol (net/remoteconnection.cc): a message is
one byte of type, its body's length (one byte under 255, else 0xff and the
rest in 7-bit groups, the last with its top bit set), then the body.
Replies are passed on unread.  The port it listens on is written to
LISTEN_PORT_FILE once it listens.  Runs until killed.

With MEET_DIR, while MEET_DIR/hold exists: a connection's first document
request is held until a proxy of another NAME has one too (each marks its
arrival with a file MEET_DIR/NAME); then "NAME met" is logged.  A client
that reads the shards one after another never has two requests out at once
and never meets (its request is passed on after a minute, or when it gives
up); one that reads them at once meets at once.  Not a timing: the minute
is only how long a failing client may wait."""
import os
import socket
import sys
import threading
import time

# Xapian 1.4's message numbers (common/remoteprotocol.h, protocol 39).
NAMES = ["ALLTERMS", "COLLFREQ", "DOCUMENT", "TERMEXISTS", "TERMFREQ", "VALUESTATS", "KEEPALIVE",
         "DOCLENGTH", "QUERY", "TERMLIST", "POSITIONLIST", "POSTLIST", "REOPEN", "UPDATE",
         "ADDDOCUMENT", "CANCEL", "DELETEDOCUMENTTERM", "COMMIT", "REPLACEDOCUMENT",
         "REPLACEDOCUMENTTERM", "DELETEDOCUMENT", "WRITEACCESS", "GETMETADATA", "SETMETADATA",
         "ADDSPELLING", "REMOVESPELLING", "GETMSET", "SHUTDOWN", "METADATAKEYLIST", "FREQS",
         "UNIQUETERMS", "POSITIONLISTCOUNT", "READACCESS"]

log_lock = threading.Lock()


def messages(buf):
    """The whole messages at the start of buf, and what is left of it."""
    out = []
    while len(buf) >= 2:
        length, at = buf[1], 2
        if length == 0xFF:
            length, shift = 0, 0
            while True:
                if at >= len(buf):
                    return out, buf
                b = buf[at]
                at += 1
                length |= (b & 0x7F) << shift
                shift += 7
                if b & 0x80:
                    break
            length += 255
        if len(buf) < at + length:
            break
        out.append((buf[0], buf[at:at + length]))
        buf = buf[at + length:]
    return out, buf


def meet(meet_dir, name, log):
    """Waits, as the module says, for another proxy's document request."""
    if not meet_dir or not os.path.exists(os.path.join(meet_dir, "hold")):
        return
    open(os.path.join(meet_dir, name), "w").close()
    for _ in range(6000):
        if any(f not in ("hold", name) for f in os.listdir(meet_dir)):
            with log_lock:
                log.write(f"{name} met\n")
                log.flush()
            return
        time.sleep(0.01)


def pump(src, dst, log=None, conn="", meet_dir=None):
    pending = b""
    met = False
    try:
        while data := src.recv(65536):
            if log:
                found, pending = messages(pending + data)
                if not met and any(NAMES[kind] == "DOCUMENT" for kind, _ in found if kind < len(NAMES)):
                    met = True
                    meet(meet_dir, conn.split(".")[0], log)
                with log_lock:
                    for kind, body in found:
                        name = NAMES[kind] if kind < len(NAMES) else str(kind)
                        log.write(f"{conn} {name} {body.hex()}\n")
                    log.flush()
            dst.sendall(data)
    except OSError:
        pass
    for s in (src, dst):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def main():
    port_file, upstream, log_path, name = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    meet_dir = sys.argv[5] if len(sys.argv) > 5 else None
    log = open(log_path, "a")
    listener = socket.create_server(("127.0.0.1", 0))
    with open(port_file + ".tmp", "w") as f:
        f.write(str(listener.getsockname()[1]))
    os.rename(port_file + ".tmp", port_file)
    conn = 0
    while True:
        client, _ = listener.accept()
        server = socket.create_connection(("127.0.0.1", upstream))
        for s in (client, server):
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn += 1
        threading.Thread(target=pump, args=(client, server, log, f"{name}.{conn}", meet_dir), daemon=True).start()
        threading.Thread(target=pump, args=(server, client), daemon=True).start()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""xapian_wire.py LISTEN_PORT_FILE UPSTREAM_PORT LOG NAME

A loopback proxy in front of one xapian-tcpsrv that logs what its clients
ask: one line per message, "NAME.CONNECTION TYPE BODY-HEX", flushed as it
passes.  Xapian's remote protocol (net/remoteconnection.cc): a message is
one byte of type, its body's length (one byte under 255, else 0xff and the
rest in 7-bit groups, the last with its top bit set), then the body.
Replies are passed on unread.  The port it listens on is written to
LISTEN_PORT_FILE once it listens.  Runs until killed."""
import os
import socket
import sys
import threading

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


def pump(src, dst, log=None, conn=0):
    pending = b""
    try:
        while data := src.recv(65536):
            if log:
                found, pending = messages(pending + data)
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
        threading.Thread(target=pump, args=(client, server, log, f"{name}.{conn}"), daemon=True).start()
        threading.Thread(target=pump, args=(server, client), daemon=True).start()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A feed publisher on 127.0.0.1 for the fetch tests, misbehaving on request.

Usage: feedserver.py DATA_DIR PORT_FILE LOG_FILE [ADDRESS]
Binds an ephemeral port (on ADDRESS, default 127.0.0.1; "::" for every
address, IPv4 and IPv6; "0.0.0.0" for every IPv4 address), writes it to PORT_FILE, and logs one line per request
to LOG_FILE: "PATH if-none-match=... if-modified-since=... accept-encoding=...
user-agent=... host=... authorization=...".  Routes:
  /feeds/NAME            the file, with an ETag; 304 on a matching If-None-Match
  /lm/NAME               the file, with Last-Modified; 304 on If-Modified-Since
  /gzip/NAME             the file gzip-compressed when the client accepts gzip
  /moved/N/NAME          301 chain of N hops ending at /feeds/NAME
  /found/NAME            302 to /feeds/NAME
  /loop/a, /loop/b       redirect to each other
  /to-file               redirect to file:///etc/passwd
  /status/CODE[?retry=S] that status (with Retry-After: S)
  /stall                 headers and a few bytes, then silence for 60 s
  /big                   3 MB without Content-Length
  /html                  a web page, not a feed
  /charset/CS/NAME       the file with Content-Type ...; charset=CS
  /language/TAG/NAME     the file with Content-Language: TAG
  /to?u=URL              302 to URL
  /hostile/location      302 to a Location with terminal escape sequences in it
  /hostile/type          a page whose Content-Type has escape sequences in it
  /template/NAME[?v=N]   the feed file with @BASE@ replaced by this server's
                         base URL as asked for (Host), @INTERNAL@ by its
                         127.0.0.1 URL, @V@ by N (default 1); with an ETag
  /pages/NAME            an article page (text/html, charset from its <meta>),
                         with an ETag; 304 on a matching If-None-Match
  /robots.txt            pages/robots.txt
"""
import gzip
import hashlib
import http.server
import os
import socket
import sys
import time
import urllib.parse

DATA, PORT_FILE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
ADDRESS = sys.argv[4] if len(sys.argv) > 4 else "127.0.0.1"
LAST_MODIFIED = "Wed, 05 Nov 2025 12:00:00 GMT"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self):
        h = self.headers
        with open(LOG, "a") as f:
            f.write(f"{self.path} if-none-match={h.get('If-None-Match', '')} "
                    f"if-modified-since={h.get('If-Modified-Since', '')} "
                    f"accept-encoding={h.get('Accept-Encoding', '')} user-agent={h.get('User-Agent', '')} "
                    f"host={h.get('Host', '')} authorization={h.get('Authorization', '')}\n")

    def send(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def file(self, name):
        path = os.path.join(DATA, urllib.parse.unquote(name))
        with open(path, "rb") as f:
            return f.read()

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except FileNotFoundError:
            self.send(404, b"not found\n", [("Content-Type", "text/plain")])

    def do_GET(self):
        self.record()
        url = urllib.parse.urlsplit(self.path)
        parts = url.path.strip("/").split("/")
        query = urllib.parse.parse_qs(url.query)
        kind, rest = parts[0], parts[1:]
        rss = ("Content-Type", "application/rss+xml")
        if kind == "feeds":
            body = self.file("/".join(rest))
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers=[("ETag", etag)])
            return self.send(200, body, [rss, ("ETag", etag)])
        if kind == "template":
            base = "http://" + self.headers.get("Host", "127.0.0.1")
            version = query.get("v", ["1"])[0]
            internal = f"http://127.0.0.1:{self.server.server_address[1]}"
            body = (self.file("/".join(rest)).replace(b"@BASE@", base.encode())
                    .replace(b"@V@", version.encode()).replace(b"@INTERNAL@", internal.encode()))
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers=[("ETag", etag)])
            return self.send(200, body, [rss, ("ETag", etag)])
        if kind in ("pages", "robots.txt"):
            body = self.file("pages/robots.txt" if kind == "robots.txt" else "pages/" + "/".join(rest))
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers=[("ETag", etag)])
            kind_type = "text/plain" if kind == "robots.txt" else "text/html"
            return self.send(200, body, [("Content-Type", kind_type), ("ETag", etag)])
        if kind == "lm":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(304)
            return self.send(200, self.file("/".join(rest)), [rss, ("Last-Modified", LAST_MODIFIED)])
        if kind == "gzip":
            body = self.file("/".join(rest))
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                return self.send(200, gzip.compress(body), [rss, ("Content-Encoding", "gzip")])
            return self.send(200, body, [rss])
        if kind == "moved":
            n, name = int(rest[0]), "/".join(rest[1:])
            target = f"/moved/{n - 1}/{name}" if n > 1 else f"/feeds/{name}"
            return self.send(301, headers=[("Location", target)])
        if kind == "found":
            return self.send(302, headers=[("Location", "/feeds/" + "/".join(rest))])
        if kind == "loop":
            return self.send(302, headers=[("Location", "/loop/b" if rest[0] == "a" else "/loop/a")])
        if kind == "to-file":
            return self.send(302, headers=[("Location", "file:///etc/passwd")])
        if kind == "status":
            headers = [("Retry-After", query["retry"][0])] if "retry" in query else []
            return self.send(int(rest[0]), b"status page\n", headers + [("Content-Type", "text/plain")])
        if kind == "stall":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<rss><channel>")
            self.wfile.flush()
            time.sleep(60)
            return
        if kind == "big":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<!-- padding -->" * 4096
            try:
                for _ in range(3 * 1024 * 1024 // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if kind == "to":
            return self.send(302, headers=[("Location", query["u"][0])])
        if kind == "hostile":
            esc = "\x1b]0;PWNED\x07\x1b[2J"
            if rest[0] == "location":
                return self.send(302, headers=[("Location", "gopher://x/" + esc)])
            return self.send(200, b"<html>not a feed</html>", [("Content-Type", "text/html" + esc)])
        if kind == "html":
            return self.send(200, b"<!DOCTYPE html><html><body><p>Not a feed</p></body></html>",
                             [("Content-Type", "text/html; charset=utf-8")])
        if kind == "charset":
            cs, name = rest[0], "/".join(rest[1:])
            return self.send(200, self.file(name), [("Content-Type", f"application/rss+xml; charset={cs}")])
        if kind == "language":
            return self.send(200, self.file("/".join(rest[1:])),
                             [rss, ("Content-Language", urllib.parse.unquote(rest[0]))])
        return self.send(404, b"not found\n", [("Content-Type", "text/plain")])


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    address_family = socket.AF_INET6 if ":" in ADDRESS else socket.AF_INET

    def server_bind(self):
        if self.address_family == socket.AF_INET6:  # IPv4 too
            self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        super().server_bind()


server = Server((ADDRESS, 0), Handler)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()

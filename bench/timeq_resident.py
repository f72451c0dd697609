#!/usr/bin/env python3
"""timeq_resident.py DB QUERIES.txt OUT.csv [--reps R] [--searcher BIN] [--peer NAME]
The peers' queries through one resident searcher: lighttpd + one FastCGI
morgue-searcher (scripts/serve-cgi) on DB, asked over loopback one request
at a time, as a site with remote shards runs (its connections to the shards
made once).  Three modes, as timeq_morgue.py's: top10 (format=atom: ten hits
with snippets), facet (the HTML page: ten hits and its exact facets), date
(format=atom, newest first).  The process keeps results and facet counts of
requests it has answered; so that every timed request is searched, each
gets a date bound of its own before any article ("since=1900-01-01", the
next day for the next request), and the queries with dates of their own are
left out.  1 warm-up + R timed requests a query, median kept; rows in
timeq.py's format: peer,mode,qid,kind,median_ms,min_ms,max_ms,info."""
import csv
import datetime
import http.client
import os
import statistics
import subprocess
import sys
import time
import urllib.parse

MODES = {"top10": [("format", "atom")], "facet": [], "date": [("format", "atom"), ("sort", "newest")]}


def params(q, mode):
    p = [("q", f'"{q["terms"]}"' if q["kind"] == "phrase" else q["terms"])]
    if q["author"]:
        p.append(("columnist", q["author"]))
    if q["category"]:
        p.append(("topic", q["category"]))
    return p + MODES[mode]


def serve(db, searcher, site):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    proc = subprocess.Popen([os.path.join(root, "scripts/serve-cgi"), "--fastcgi", "--db", db, "--searcher",
                             searcher, "--dir", site, "--port", "28300"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    port_file = os.path.join(site, "port")
    for _ in range(600):
        if os.path.exists(port_file) and open(port_file).read().strip():
            break
        time.sleep(0.1)
    return proc, int(open(port_file).read())


def main():
    db, qfile, outcsv = sys.argv[1:4]
    opt = lambda name, default: sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default
    reps, searcher, peer = int(opt("--reps", "5")), opt("--searcher", "morgue-searcher"), opt("--peer", "morgue")
    qs = [q for q in csv.DictReader(open(qfile, encoding="utf-8"), delimiter="\t") if not q["year_from"]]
    site = os.path.abspath(f"resident-{peer}")
    subprocess.run(["rm", "-rf", site], check=True)
    proc, port = serve(os.path.abspath(db), searcher, site)
    day = datetime.date(1900, 1, 1)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        for _ in range(600):  # lighttpd up and the searcher answering
            try:
                conn.request("GET", "/search?q=x&format=atom")
                if conn.getresponse().read() is not None:
                    break
            except OSError:
                conn.close()
                time.sleep(0.1)
        with open(outcsv, "a", newline="") as f:
            w = csv.writer(f)
            for mode in MODES:
                for q in qs:
                    times = []
                    for i in range(reps + 1):
                        p = params(q, mode) + [("since", day.isoformat())]
                        day += datetime.timedelta(days=1)
                        t0 = time.perf_counter()
                        conn.request("GET", "/search?" + urllib.parse.urlencode(p, quote_via=urllib.parse.quote))
                        r = conn.getresponse()
                        body = r.read()
                        t = (time.perf_counter() - t0) * 1000
                        if r.status != 200 or b"cannot be reached" in body:
                            sys.exit(f"resident {peer} {mode} {q['id']}: HTTP {r.status}: {body[:200]!r}")
                        if i:
                            times.append(t)
                    w.writerow([peer, "resident-" + mode, q["id"], q["kind"], f"{statistics.median(times):.2f}",
                                f"{min(times):.2f}", f"{max(times):.2f}", f"bytes={len(body)}"])
    finally:
        conn.close()
        os.killpg(proc.pid, 15)
        proc.wait()


if __name__ == "__main__":
    main()

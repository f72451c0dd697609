#!/usr/bin/env python3
"""timeq_morgue.py MODE DB QUERIES.txt OUT.csv [--reps R] [--searcher BIN] [--peer NAME]
The peers' query set (../shared/bench/peers/queries.txt) through
morgue-searcher, one cold process per run (1 warm-up + R timed, median kept),
appending rows in the peers' timeq.py format: peer,mode,qid,kind,median_ms,
min_ms,max_ms,info.  MODE top10: ten results; MODE facet: ten results plus
exact counts for columnist, topic and year (the peers count one field: author),
for the queries without a columnist filter, as the peers' facet mode.  MODE
cgi: the searcher as the CGI program (peer "morgue-cgi", mode top10): the
full HTML page (ten hits with snippets, three exact facets) for every query,
as the omega CGI is timed by the peers.  MODE date: ten results, newest
first.  --peer names the rows (default morgue, morgue-cgi for cgi)."""
import csv
import json
import os
import urllib.parse
import statistics
import subprocess
import sys
import time


def command(searcher, db, q, facet, date=False):
    cmd = [searcher, "--db", db, "--json", "--limit", "10"] + (["--sort", "newest"] if date else [])
    if q["author"]:
        cmd += ["--filter", "columnist:" + q["author"]]
    if q["category"]:
        cmd += ["--filter", "topic:" + q["category"]]
    if q["year_from"]:
        cmd += ["--since", q["year_from"], "--until", q["year_to"]]
    if facet:
        cmd += ["--facet", "columnist,topic,year", "--facet-limit", "100"]
    text = f'"{q["terms"]}"' if q["kind"] == "phrase" else q["terms"]
    return cmd + ["--", text]


def cgi_env(db, q):
    p = [("q", f'"{q["terms"]}"' if q["kind"] == "phrase" else q["terms"])]
    if q["author"]:
        p.append(("columnist", q["author"]))
    if q["category"]:
        p.append(("topic", q["category"]))
    if q["year_from"]:
        p += [("since", q["year_from"]), ("until", q["year_to"])]
    return dict(os.environ, GATEWAY_INTERFACE="CGI/1.1", REQUEST_METHOD="GET", SCRIPT_NAME="/search",
                QUERY_STRING=urllib.parse.urlencode(p, quote_via=urllib.parse.quote), MORGUE_DB=db)


def main():
    mode, db, qfile, outcsv = sys.argv[1:5]
    reps = int(sys.argv[sys.argv.index("--reps") + 1]) if "--reps" in sys.argv else 5
    searcher = sys.argv[sys.argv.index("--searcher") + 1] if "--searcher" in sys.argv else "morgue-searcher"
    peer = sys.argv[sys.argv.index("--peer") + 1] if "--peer" in sys.argv else None
    qs = list(csv.DictReader(open(qfile, encoding="utf-8"), delimiter="\t"))
    if mode == "facet":
        qs = [q for q in qs if not q["author"]]
    with open(outcsv, "a", newline="") as f:
        w = csv.writer(f)
        for q in qs:
            cmd = [searcher] if mode == "cgi" else command(searcher, db, q, mode == "facet", mode == "date")
            env = cgi_env(db, q) if mode == "cgi" else None
            times, first = [], None
            for i in range(reps + 1):
                t0 = time.perf_counter()
                r = subprocess.run(cmd, capture_output=True, env=env)
                t = (time.perf_counter() - t0) * 1000
                if r.returncode != 0:
                    sys.exit(f"morgue {mode} {q['id']} failed: {r.stderr.decode()[:300]}")
                if i == 0 and mode == "cgi":
                    if not r.stdout.startswith(b"Status: 200"):
                        sys.exit(f"morgue cgi {q['id']}: {r.stdout[:200]!r}")
                    first = {"hits": r.stdout.count(b'class="hit"')}
                elif i == 0:
                    first = json.loads(r.stdout)
                else:
                    times.append(t)
            if mode == "cgi":
                info = f"hits={first['hits']}"
            elif mode == "facet":
                groups = first["facets"]["columnist"]
                info = f"groups={len(groups)} sum={sum(g['count'] for g in groups)}"
            else:
                info = f"est={first['total']} hits={len(first['results'])}"
            name = peer or ("morgue-cgi" if mode == "cgi" else "morgue")
            w.writerow([name, "top10" if mode == "cgi" else mode, q["id"], q["kind"], f"{statistics.median(times):.2f}",
                        f"{min(times):.2f}", f"{max(times):.2f}", info])


if __name__ == "__main__":
    main()

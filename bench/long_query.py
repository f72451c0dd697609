#!/usr/bin/python3
"""Latency of 1,000-word queries (a pasted paragraph) on a Morgue database.

  bench/long_query.py SEARCHER DB [RUNS]

Four kinds of 1,000-word query, each run RUNS times (default 5) as a new
process (a cold CLI query, page cache warm) with the page's time limit
(--timeout 5, the CGI default) and without one; prints p50 and the worst
run per kind, and whether the query was relaxed.  The words come from the
database itself (its commonest terms, its rarest, a Zipf-like draw), plus
one kind that matches nothing, so the figures hold for any corpus.
"""
import json
import random
import subprocess
import sys
import time

import xapian

searcher, db_path = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
db = xapian.Database(db_path)
words = []
for t in db.allterms():
    term = t.term.decode()
    if term.isalpha() and term.islower() and len(term) > 2:
        words.append((t.termfreq, term))
words.sort(reverse=True)
rng = random.Random(1)
ranked = [w for _, w in words]
kinds = {
    "commonest 1,000 words": ranked[:1000],
    "rarest 1,000 words": ranked[-1000:],
    "1,000 words drawn by frequency": rng.choices(ranked[:20000], weights=[f for f, _ in words[:20000]], k=1000),
    "1,000 unknown words": [f"zq{i}x" for i in range(1000)],
}
for name, ws in kinds.items():
    query = " ".join(ws)
    for timeout in ("5", None):
        times, relaxed, total = [], None, None
        for _ in range(runs):
            cmd = [searcher, "--db", db_path, "--json", "--limit", "10"]
            if timeout:
                cmd += ["--timeout", timeout]
            t = time.perf_counter()
            p = subprocess.run(cmd + ["--", query], capture_output=True, text=True)
            times.append((time.perf_counter() - t) * 1000)
            if p.returncode != 0:
                sys.exit(f"{name}: exit {p.returncode}: {p.stderr[:200]}")
            d = json.loads(p.stdout)
            relaxed, total = d.get("relaxed", False), d["total"]
        times.sort()
        print(f"{name:<32} {'--timeout ' + timeout if timeout else 'no limit':<12} "
              f"{len(query):>5} bytes  p50 {times[len(times) // 2]:8.1f} ms  worst {times[-1]:8.1f} ms  "
              f"relaxed {relaxed}  total {total}")

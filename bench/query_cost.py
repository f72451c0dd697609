#!/usr/bin/env python3
"""query_cost.py DB SEARCHER [N] [TIME_LIMIT]: the cost of hostile queries.

Makes N (default 2000) queries from a fixed seed, of the kinds that make a
search engine work hardest: many wildcards (64 x k*, a* b* ... z*), long OR
chains, phrases and NEAR of common words, deep parentheses, CJK runs, field
prefixes, ranges, control characters and malformed syntax; runs each through
`SEARCHER --db DB --json --timeout TIME_LIMIT` with three facets (as the
page asks), and prints the slowest by wall time, with the share over the
limit.  Never an assertion: the figures go to bench/RESULTS.md.
"""
import json
import random
import subprocess
import sys
import time

db, searcher = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
limit = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
rng = random.Random(14)
common = "the of and to in said for on it is by with at from mln pct year oil trade bank".split()
letters = "abcdefghijklmnopqrstuvwxyz"


def query():
    kind = rng.randrange(10)
    if kind == 0:
        return " ".join([rng.choice(letters) + "*"] * 64)
    if kind == 1:
        return " ".join(rng.choice(letters) + "*" for _ in range(rng.randint(2, 64)))
    if kind == 2:
        return " OR ".join(rng.choice(common) + rng.choice(["", "*"]) for _ in range(rng.randint(2, 32)))
    if kind == 3:
        return '"' + " ".join(rng.choice(common) for _ in range(rng.randint(2, 30))) + '"'
    if kind == 4:
        return " NEAR ".join(rng.choice(common) for _ in range(rng.randint(2, 20)))
    if kind == 5:
        depth = rng.randint(1, 20)
        return "(" * depth + " OR ".join(rng.choice(common) for _ in range(3)) + ")" * depth
    if kind == 6:
        return "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(rng.randint(1, 200)))
    if kind == 7:
        return " ".join(rng.choice(["title:", "topic:", "columnist:", "year:", "-", "+", ""]) +
                        rng.choice(common + [c + "*" for c in letters]) for _ in range(rng.randint(1, 40)))
    if kind == 8:
        return "date:1987-01-01..1987-12-31 " + " ".join(rng.choice(common) for _ in range(rng.randint(1, 30)))
    return "".join(rng.choice(letters + ' *"():-+\x01\x1b') for _ in range(rng.randint(1, 300)))


rows = []
for _ in range(n):
    q = query()
    started = time.perf_counter()
    p = subprocess.run([searcher, "--db", db, "--json", "--timeout", str(limit), "--facet", "year",
                        "--facet", "topic", "--facet", "columnist", "--", q],
                       capture_output=True, text=True)
    wall = time.perf_counter() - started
    inner = json.loads(p.stdout)["elapsed_ms"] / 1000 if p.returncode == 0 else None
    rows.append((wall, inner, p.returncode, q))
rows.sort(reverse=True)
codes = {}
for r in rows:
    codes[r[2]] = codes.get(r[2], 0) + 1
print(f"{n} queries, time limit {limit} s; exit codes {codes}")
print(f"worst wall {rows[0][0]:.3f} s = {rows[0][0] / limit:.2f} x the limit; "
      f"median {rows[len(rows) // 2][0]:.3f} s")
for wall, inner, code, q in rows[:8]:
    print(f"  {wall:7.3f} s  (search {inner if inner is None else round(inner, 3)} s, exit {code})  {q[:90]!r}")

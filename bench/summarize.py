#!/usr/bin/env python3
"""summarize.py TIMES.csv INDEX.tsv: bench/run's table.  Query p50/p95 are
over the per-query medians (one cold process per run), "p50 of minima" over
each query's fastest run; ratios are Morgue's against the peer named,
measured in the same run."""
import csv
import collections
import sys


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    f = int(k)
    c = min(f + 1, len(xs) - 1)
    return xs[f] + (xs[c] - xs[f]) * (k - f)


times = collections.defaultdict(list)
minima = collections.defaultdict(list)  # the fastest of each query's runs: noise's lower bound
for r in csv.reader(open(sys.argv[1])):
    times[(r[0], r[1])].append(float(r[4]))
    minima[(r[0], r[1])].append(float(r[5]))
index = {}
for r in csv.DictReader(open(sys.argv[2]), delimiter="\t"):
    index[r["system"]] = r

rows = [("morgue (CLI)", "morgue", "morgue"), ("morgue (CGI page)", "morgue-cgi", "morgue"),
        ("omega: quest", "quest", "omega"), ("omega: CGI", "omega", "omega"),
        ("sqlite fts5 (CLI)", "fts5", "fts5")]
print("| system | docs | index s | CPU s | docs/s | peak MB | db MB | query p50 | p95 | p50 of minima | facet p50 | p95 |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
stats = {}
for name, peer, ix in rows:
    q, fc, kv = times.get((peer, "top10"), []), times.get((peer, "facet"), []), index.get(ix, {})
    if not q:
        continue
    docs, secs = int(kv.get("docs", 0) or 0), float(kv.get("seconds", "nan") or "nan")
    procs = int(kv.get("procs", 1) or 1)
    # Peak memory of the run: the largest process's, times the processes at once.
    stats[peer] = dict(docs_s=docs / secs if secs else float("nan"),
                       peak=float(kv.get("peak_mb", "nan")) * procs, procs=procs,
                       p50=pct(q, 50), p95=pct(q, 95), f50=pct(fc, 50), f95=pct(fc, 95))
    s = stats[peer]
    facet = f"{s['f50']:.1f} | {s['f95']:.1f}" if fc else "n/a | n/a"
    peak = f"{s['peak'] / procs:.0f}" + (f" ×{procs}" if procs > 1 else "")
    print(f"| {name} | {docs} | {secs:.0f} | {float(kv.get('cpu_s', 'nan')):.0f} | {s['docs_s']:.0f} "
          f"| {peak} | {kv.get('db_mb', '?')} "
          f"| {s['p50']:.1f} | {s['p95']:.1f} | {pct(minima[(peer, 'top10')], 50):.1f} | {facet} |")

m = stats.get("morgue")
if m:
    print()
    print("| target | measured | met |")
    print("| --- | --- | --- |")
    def line(what, ratio, ok):
        print(f"| {what} | {ratio} | {'yes' if ok else '**no**'} |")
    if "omega" in index and "quest" in stats:
        r = m["docs_s"] / stats["quest"]["docs_s"]
        cores = f" on {m['procs']} cores" if m["procs"] > 1 else ""
        line("indexing ≥ 1.5× scriptindex's documents/s", f"{r:.2f}×{cores}", r >= 1.5)
        line("peak indexing memory < 1 GiB", f"{m['peak']:.0f} MB" +
             (f" ({m['procs']} processes)" if m["procs"] > 1 else ""), m["peak"] < 1024)
    if "quest" in stats:
        r = m["p50"] / stats["quest"]["p50"]
        line("cold CLI query p50 ≤ quest's", f"{r:.2f}× quest", r <= 1.0)
    r = m["f50"] / m["p50"]
    line("three exact facets ≤ 1.5× the plain query (p50)", f"{r:.2f}×", r <= 1.5)
    if "morgue-cgi" in stats and "omega" in stats:
        r = stats["morgue-cgi"]["p50"] / stats["omega"]["p50"]
        line("CGI page p50 (cold process) ≤ Omega CGI's", f"{r:.2f}× (Morgue's page also counts 3 facets)", r <= 1.0)
    if "fts5" in stats:
        print(f"\nMorgue against FTS5: query p50 {m['p50'] / stats['fts5']['p50']:.2f}×, "
              f"facet p50 {m['f50'] / stats['fts5']['f50']:.2f}× (FTS5 counts one field by GROUP BY)")

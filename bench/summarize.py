#!/usr/bin/env python3
"""summarize.py TIMES.csv INDEX.tsv: bench/run's table.  Query p50/p95 are
over the per-query medians (one cold process per run), "p50 of minima" over
each query's fastest run; ratios are Morgue's against the peer named,
measured in the same run.  bench/spread.py uses stats() and targets() to
compare whole runs."""
import csv
import collections
import sys

ROWS = [("morgue (CLI)", "morgue", "morgue"), ("morgue (CGI page)", "morgue-cgi", "morgue"),
        ("omega: quest", "quest", "omega"), ("omega: CGI", "omega", "omega"),
        ("sqlite fts5 (CLI)", "fts5", "fts5")]


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    f = int(k)
    c = min(f + 1, len(xs) - 1)
    return xs[f] + (xs[c] - xs[f]) * (k - f)


def stats(times_csv, index_tsv):
    """{peer: {docs, secs, cpu, docs_s, peak, procs, db_mb, p50, p95, min50, f50, f95}}"""
    times = collections.defaultdict(list)
    minima = collections.defaultdict(list)  # the fastest of each query's runs: noise's lower bound
    for r in csv.reader(open(times_csv)):
        times[(r[0], r[1])].append(float(r[4]))
        minima[(r[0], r[1])].append(float(r[5]))
    index = {r["system"]: r for r in csv.DictReader(open(index_tsv), delimiter="\t")}
    out = {}
    for _, peer, ix in ROWS:
        q, fc, kv = times.get((peer, "top10"), []), times.get((peer, "facet"), []), index.get(ix, {})
        if not q:
            continue
        docs, secs = int(kv.get("docs", 0) or 0), float(kv.get("seconds", "nan") or "nan")
        procs = int(kv.get("procs", 1) or 1)
        # Peak memory of the run: the largest process's, times the processes at once.
        out[peer] = dict(docs=docs, secs=secs, cpu=float(kv.get("cpu_s", "nan") or "nan"),
                         docs_s=docs / secs if secs else float("nan"),
                         peak=float(kv.get("peak_mb", "nan")) * procs, procs=procs,
                         db_mb=kv.get("db_mb", "?"), p50=pct(q, 50), p95=pct(q, 95),
                         min50=pct(minima[(peer, "top10")], 50),
                         f50=pct(fc, 50) if fc else None, f95=pct(fc, 95) if fc else None)
    return out


def targets(s):
    """[(target, value, shown, met)]: issue 19's targets against this run's peers (the
    FastCGI ones come from bench/run-cgi, run at the end of bench/run)."""
    m, out = s.get("morgue"), []
    if not m:
        return out
    if "quest" in s:
        q = s["quest"]
        r = m["docs_s"] / q["docs_s"]
        cores = f" on {m['procs']} cores" if m["procs"] > 1 else ""
        out.append(("indexing ≥ 2× scriptindex's documents/s", r, f"{r:.2f}×{cores}", r >= 2))
        mine, theirs = 1000 * m["cpu"] / m["docs"], 1000 * q["cpu"] / q["docs"]
        out.append(("less CPU time per article than scriptindex", mine / theirs,
                    f"{mine:.2f} ms against {theirs:.2f} ms", mine < theirs))
        shown = f"{m['peak']:.0f} MB" + (f" ({m['procs']} processes)" if m["procs"] > 1 else "")
        out.append(("peak indexing memory < 1 GiB", m["peak"], shown, m["peak"] < 1024))
        r = m["p50"] / q["p50"]
        out.append(("cold CLI query p50 ≤ quest's", r, f"{r:.2f}× quest", r <= 1.0))
    if m["f50"] is not None:
        r = m["f50"] / m["p50"]
        out.append(("three exact facets ≤ 2× the plain query (p50, cold CLI)", r, f"{r:.2f}×",
                    r <= 2))
    if "morgue-cgi" in s and "omega" in s:
        r = s["morgue-cgi"]["p50"] / s["omega"]["p50"]
        out.append(("CGI page p50 (cold process) ≤ 2× Omega CGI's", r,
                    f"{r:.2f}× (Morgue's page also counts 3 facets)", r <= 2.0))
    return out


def main():
    s = stats(sys.argv[1], sys.argv[2])
    print("| system | docs | index s | CPU s | docs/s | peak MB | db MB | query p50 | p95 "
          "| p50 of minima | facet p50 | p95 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, peer, _ in ROWS:
        if peer not in s:
            continue
        x = s[peer]
        facet = f"{x['f50']:.1f} | {x['f95']:.1f}" if x["f50"] is not None else "n/a | n/a"
        peak = f"{x['peak'] / x['procs']:.0f}" + (f" ×{x['procs']}" if x["procs"] > 1 else "")
        print(f"| {name} | {x['docs']} | {x['secs']:.0f} | {x['cpu']:.0f} | {x['docs_s']:.0f} "
              f"| {peak} | {x['db_mb']} | {x['p50']:.1f} | {x['p95']:.1f} | {x['min50']:.1f} | {facet} |")
    t = targets(s)
    if t:
        print()
        print("| target | measured | met |")
        print("| --- | --- | --- |")
        for what, _, shown, ok in t:
            print(f"| {what} | {shown} | {'yes' if ok else '**no**'} |")
    m = s.get("morgue")
    if m and "fts5" in s and s["fts5"]["f50"] is not None and m["f50"] is not None:
        print(f"\nMorgue against FTS5: query p50 {m['p50'] / s['fts5']['p50']:.2f}×, "
              f"facet p50 {m['f50'] / s['fts5']['f50']:.2f}× (FTS5 counts one field by GROUP BY)")


if __name__ == "__main__":
    main()

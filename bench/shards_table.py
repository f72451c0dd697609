#!/usr/bin/env python3
"""shards_table.py SHARDS.csv SHARDS-INDEX.tsv: bench/run-shards's tables,
one for cold processes and one for the resident page, with the targets (4
local shards within 1.3x one database's p50, 2 remote within 2x)."""
import csv
import statistics
import sys

LAYOUTS = ["shards-1", "shards-2", "shards-4", "remote-2"]
NAMES = {"shards-1": "one database", "shards-2": "2 local shards", "shards-4": "4 local shards",
         "remote-2": "2 remote shards (xapian-tcpsrv)"}


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p * (len(v) - 1))))]


def table(by, index, title, modes):
    # A run stopped early has the layouts it got to.
    layouts = [l for l in LAYOUTS if all((l, m) in by for m in modes)]
    if "shards-1" not in layouts:
        return
    p50 = lambda l, m: statistics.median(by[(l, m)])
    print(f"{title}\n")
    print("| layout | import s | plain p50 | p95 | facets p50 | p95 | date sort p50 | p95 "
          "| p50 against one database (plain / facets / date) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for l in layouts:
        cells = []
        for m in modes:
            cells += [f"{p50(l, m):.1f}", f"{pct(by[(l, m)], 0.95):.1f}"]
        ratios = " / ".join(f"{p50(l, m) / p50('shards-1', m):.2f}×" for m in modes)
        print(f"| {NAMES[l]} | {index.get(l, '–')} | " + " | ".join(cells) + f" | {ratios} |")
    worst = lambda l: max(p50(l, m) / p50("shards-1", m) for m in modes)
    verdict = lambda x, limit: f"{x:.2f}× at worst, {'met' if x <= limit else 'NOT met'}"
    targets = [f"{name} within {limit}×: " + (verdict(worst(l), limit) if l in layouts else "not run")
               for l, name, limit in (("shards-4", "4 local shards", 1.3), ("remote-2", "2 remote", 2))]
    print("\ntargets: " + "; ".join(targets) + "\n")


def main():
    by = {}
    for peer, mode, _qid, _kind, median, *_rest in csv.reader(open(sys.argv[1])):
        by.setdefault((peer, mode), []).append(float(median))
    index = dict(list(csv.reader(open(sys.argv[2]), delimiter="\t"))[1:])
    table(by, index, "Cold processes (one morgue-searcher a query, ms):", ["top10", "facet", "date"])
    table(by, index, "Resident page (lighttpd + one FastCGI process, a request at a time, ms):",
          ["resident-top10", "resident-facet", "resident-date"])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""spread.py RUN_DIR...: the spread of bench/run's measures over whole runs
(each RUN_DIR holds one run's times.csv and index.tsv): minimum, median and
maximum over the runs of each system's figures and of each target ratio."""
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summarize  # noqa: E402

runs = [summarize.stats(os.path.join(d, "times.csv"), os.path.join(d, "index.tsv"))
        for d in sys.argv[1:]]


def spread(values, fmt):
    v = [x for x in values if x is not None]
    if not v:
        return "n/a"
    return f"{fmt(min(v))} / {fmt(statistics.median(v))} / {fmt(max(v))}"


f0 = lambda x: f"{x:.0f}"  # noqa: E731
f1 = lambda x: f"{x:.1f}"  # noqa: E731
print(f"{len(runs)} whole runs; each cell: minimum / median / maximum over the runs\n")
print("| system | docs/s | query p50 ms | query p95 ms | facet p50 ms |")
print("| --- | --- | --- | --- | --- |")
for name, peer, _ in summarize.ROWS:
    xs = [r[peer] for r in runs if peer in r]
    if xs:
        print(f"| {name} | {spread([x['docs_s'] for x in xs], f0)} | {spread([x['p50'] for x in xs], f1)} "
              f"| {spread([x['p95'] for x in xs], f1)} | {spread([x['f50'] for x in xs], f1)} |")
print()
print("| target | min / median / max | met in |")
print("| --- | --- | --- |")
per_run = [summarize.targets(r) for r in runs]
for i, (what, *_rest) in enumerate(per_run[0]):
    values = [t[i][1] for t in per_run]
    met = sum(1 for t in per_run if t[i][3])
    fmt = f0 if "memory" in what else (lambda x: f"{x:.2f}×")
    print(f"| {what} | {spread(values, fmt)} | {met} of {len(runs)} runs |")

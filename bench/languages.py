#!/usr/bin/python3
"""What a multilingual archive costs an English query, on Reuters-21578.

  bench/languages.py [--build DIR] [--languages de,es,fr,it] [--runs N]

Indexes Reuters (from ../shared, never copied) with morgue-indexer, then a
copy whose metadata also lists LANGUAGES, as an archive that also holds
articles in them would: every query is then read in each of those languages
too (their stemmers and stopwords, each reading filtered to its own
articles).  Runs the same queries (single words of falling frequency, two-
and four-word queries drawn from the corpus, a phrase) through
morgue-searcher --json on both, one cold process per run (N timed runs after
a warm-up, the median kept), and prints the median and p95 of the per-query
latencies and the share of queries whose top ten (ids and scores) is the
same in both.  Never an assertion: the figures go to bench/RESULTS.md.
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import xapian

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))


def index(build, tmp):
    corpus, rss, db = (os.path.join(tmp, n) for n in ("corpus.jsonl", "rss", "en"))
    subprocess.run([sys.executable, os.path.join(HERE, "load_corpus.py"), "reuters", corpus],
                   check=True)
    subprocess.run([sys.executable, os.path.join(HERE, "jsonl2rss.py"), corpus, rss, "2000"],
                   check=True)
    files = sorted(os.path.join(rss, f) for f in os.listdir(rss))
    subprocess.run([os.path.join(build, "indexer", "morgue-indexer"), "--db", db, "-q", "import",
                    "--jobs", "2", *files], check=True)
    return db


def with_languages(db, codes, path):
    shutil.copytree(db, path)
    w = xapian.WritableDatabase(path)
    listed = w.get_metadata("morgue:languages").decode()
    w.set_metadata("morgue:languages", listed + "".join(c + "\n" for c in codes))
    w.commit()
    w.close()
    return path


def queries(db_path):
    db = xapian.Database(db_path)
    words = sorted(((t.termfreq, t.term.decode()) for t in db.allterms()
                    if t.term.decode().isalpha() and t.term.decode().islower()
                    and len(t.term) > 3 and t.termfreq >= 5), reverse=True)
    rng = random.Random(7)
    out = [words[i][1] for i in range(0, len(words), max(1, len(words) // 20))][:20]
    common = [w for _, w in words[:2000]]
    out += [" ".join(rng.sample(common, 2)) for _ in range(20)]
    out += [" ".join(rng.sample(common, 4)) for _ in range(20)]
    out += ['"oil prices"', '"interest rates"']
    return out


def timed(searcher, db, q, runs):
    cmd = [searcher, "--db", db, "--json", "--limit", "10", q]
    subprocess.run(cmd, check=True, capture_output=True)
    times, top = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True).stdout
        times.append((time.perf_counter() - t) * 1000)
        top = [(r["docid"], round(r["score"], 9)) for r in json.loads(out)["results"]]
    return statistics.median(times), top


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "test"))
    ap.add_argument("--languages", default="de,es,fr,it")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    searcher = os.path.join(args.build, "searcher", "morgue-searcher")
    with tempfile.TemporaryDirectory(prefix="morgue-languages-") as tmp:
        en = index(args.build, tmp)
        multi = with_languages(en, args.languages.split(","), os.path.join(tmp, "multi"))
        qs = queries(en)
        one, many, same = [], [], 0
        for q in qs:
            a, top_a = timed(searcher, en, q, args.runs)
            b, top_b = timed(searcher, multi, q, args.runs)
            one.append(a)
            many.append(b)
            same += top_a == top_b
            if top_a != top_b:
                print(f"differs: {q!r}: {top_a[:3]} / {top_b[:3]}")

        def p95(v):
            return sorted(v)[int(0.95 * (len(v) - 1))]

        print(f"# Reuters-21578, {len(qs)} queries, median of {args.runs} cold runs each")
        print(f"english only           p50 {statistics.median(one):7.1f} ms   p95 {p95(one):7.1f} ms")
        print(f"+ {args.languages:<20} p50 {statistics.median(many):7.1f} ms   p95 {p95(many):7.1f} ms")
        print(f"same top ten (ids and scores): {same} of {len(qs)}")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Article extraction, side by side: Morgue's extractor (morgue-indexer
extract --json) and readability-lxml (Debian python3-readability, the peer a
user would pick), on the article pages of tests/data/pages.  Prints each
one's paragraph precision and recall against the pages' own paragraphs
(NAME.expected) and pages/s over REPEAT passes.

Usage: pages_compare.py MORGUE_INDEXER PAGES_DIR [REPEAT]"""
import glob, json, os, subprocess, sys, time

indexer, pages_dir = sys.argv[1], sys.argv[2]
repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 20
pages = sorted(glob.glob(os.path.join(pages_dir, "*.html")))


def expected(page):
    with open(page[:-5] + ".expected", encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("byline: ")]


def norm(s):
    return " ".join(s.split())


def score(got_by_page):
    hit = found = wanted = 0
    for page, got in got_by_page.items():
        want = [norm(x) for x in expected(page)]
        got = [norm(x) for x in got]
        hit += sum(1 for g in got if g in want)
        found += len(got)
        wanted += len(want)
    return hit / max(found, 1), hit / max(wanted, 1)


def morgue():
    # All passes in one process, as fetch reads a run's pages: the rate is
    # the extractor's, not process start's.
    start = time.perf_counter()
    out = subprocess.run([indexer, "extract", "--json", *(pages * repeat)], check=True,
                         capture_output=True, text=True).stdout
    seconds = time.perf_counter() - start
    got = {}
    for line in out.splitlines():
        j = json.loads(line)
        got[j["file"]] = j["paragraphs"]
    return got, repeat * len(pages) / seconds


def readability_lxml():
    from readability import Document
    import lxml.html
    raw = {p: open(p, "rb").read() for p in pages}
    start = time.perf_counter()
    for _ in range(repeat):
        got = {}
        for p, data in raw.items():
            summary = Document(data).summary(html_partial=True)
            tree = lxml.html.fromstring(summary)
            got[p] = [norm(e.text_content()) for e in tree.iter("p") if norm(e.text_content())]
    seconds = time.perf_counter() - start
    return got, repeat * len(pages) / seconds


print(f"{len(pages)} pages, {repeat} passes")
print("| extractor | paragraph precision | paragraph recall | pages/s |")
print("| --- | --- | --- | --- |")
for name, run in (("Morgue (`morgue-indexer extract`, decode + extract)", morgue),
                  ("readability-lxml 0.8.1 (python3-readability)", readability_lxml)):
    got, rate = run()
    precision, recall = score(got)
    print(f"| {name} | {precision:.3f} | {recall:.3f} | {rate:,.0f} |")

#!/usr/bin/env python3
"""shard_equivalence.py SEARCHER CORPUS.jsonl N|QUERIES.tsv LABEL=DB... : the
same searches against archives that hold the same articles in different
layouts (one database, local shards, remote shards), compared: identical
totals, facet counts, "did you mean", and top-20 articles by id, scores equal
to 1e-9.  N queries of every kind the query language and the command line
have are made from the corpus (seeded: the same every run), or read from a
file (options, a tab, the query; a line a search).  Prints one line per
difference and a summary; exits 1 on any difference."""
import json
import random
import re
import subprocess
import sys

searcher, corpus_path, count = sys.argv[1], sys.argv[2], sys.argv[3]
layouts = [arg.split("=", 1) for arg in sys.argv[4:]]
rng = random.Random(20261205)
FACETS = ["--facet", "columnist,topic,year,month"]

articles = [json.loads(line) for line in open(corpus_path, encoding="utf-8")]
words = sorted({w.lower() for a in articles[:4000]
                for w in re.findall(r"[A-Za-z]{5,}", a["title"])})
topics = sorted({a["category"] for a in articles if a.get("category")})
authors = sorted({a["author"] for a in articles if a.get("author")})
months = sorted({a["date"][:7] for a in articles})


def word():
    return rng.choice(words)


def misspelt():
    w = word()
    i = rng.randrange(1, len(w) - 1)
    return w[:i] + w[i + 1] + w[i] + w[i + 2:]


def make_queries():
    """(options, query words) pairs, every kind in turn."""
    kinds = [
        lambda: ([], word()),
        lambda: ([], f"{word()} {word()}"),
        lambda: ([], f'"{rng.choice(articles)["title"].split()[0]} {word()}"'),
        lambda: ([], f"{word()} OR {word()}"),
        lambda: ([], f"{word()} -{word()}"),
        lambda: ([], f"{word()[:4]}*"),
        lambda: ([], f"{word()} title:{word()[:3]}* -{word()[:5]}*"),
        lambda: ([], f"{word()[:2]}* OR {word()[:3]}*"),  # wildcards sharing one budget
        lambda: ([], f"topic:{rng.choice(topics)}"),
        lambda: ([], f"{word()} date:{rng.choice(months)}"),
        lambda: (["--sort", "newest"], word()),
        lambda: (["--sort", "oldest"], f"{word()} OR {word()}"),
        lambda: (["--recency", "30"], word()),
        lambda: (["--collapse"], word()),
        lambda: (["--filter", f"topic:{rng.choice(topics)}"], word()),
        lambda: (["--filter", f"columnist:{rng.choice(authors)}", "--sort", "newest"], ""),
        lambda: (["--since", min(span := rng.sample(months, 2)), "--until", max(span)], word()),
        lambda: ([], misspelt()),
        lambda: ([], " ".join(word() for _ in range(12))),  # relaxed: any of the words
        lambda: (["--offset", "10"], word()),
        lambda: ([], f"title:{word()}"),
        lambda: (["--count"], word()),
        lambda: (["--similar"], word()),  # like the first hit of the word's search
    ]
    if not count.isdigit():
        return [(line.split("\t")[0].split(), line.rstrip("\n").split("\t")[1])
                for line in open(count, encoding="utf-8")]
    return [kinds[i % len(kinds)]() for i in range(int(count))]


def search(db, options, query):
    out = subprocess.run([searcher, "--db", db, "--json", "--limit", "20", *FACETS, *options,
                          "--", *([query] if query else [])], capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr.strip()}
    return json.loads(out.stdout)


def similar(db, first_id, query):
    """--similar for the article `first_id`, by its document id in `db`."""
    hits = search(db, [], query).get("results", [])
    docids = [h["docid"] for h in hits if h["id"] == first_id]
    return search(db, ["--similar", str(docids[0])], "") if docids else {"error": "not found"}


def comparable(r):
    """What must be identical, and the ranked (id, score) list."""
    if "error" in r:
        return r, []
    same = {k: r.get(k) for k in ("total", "total_exact", "facets", "corrected_query",
                                   "relaxed", "collapsed", "query_note")}
    # A folded story is shown by whichever of its equal copies comes first:
    # its id is not compared.
    return same, [(h["id"] if not h.get("duplicates") else f"a story of {h['duplicates'] + 1}",
                   h["score"]) for h in r.get("results", [])]


def ranked_differ(a, b):
    """Ids may differ only among equal scores: Xapian breaks ties by docid,
    which the layouts number differently (and a folded story is shown by
    whichever of its equal copies comes first)."""
    if len(a) != len(b):
        return f"{len(a)} against {len(b)} results"
    for (ia, sa), (ib, sb) in zip(a, b):
        if abs(sa - sb) > 1e-9 * max(1.0, abs(sa)):
            return f"score {sa!r} against {sb!r} ({ia}, {ib})"
    tied = [sum(1 for _, t in a if abs(s - t) <= 1e-9 * max(1.0, abs(s))) for _, s in a]
    alone_a = sorted(i for (i, _), n in zip(a, tied) if n == 1)
    alone_b = sorted(i for (i, _), n in zip(b, tied) if n == 1)
    if a and tied[-1] == 1:  # the last may be tied with one past the page
        alone_a, alone_b = [i for i in alone_a if i != a[-1][0]], [i for i in alone_b if i != b[-1][0]]
    if alone_a != alone_b:
        return "different articles"
    return None


differences = 0
queries = make_queries()
for options, query in queries:
    if options == ["--similar"]:
        hits = search(layouts[0][1], [], query).get("results", [])
        if not hits:
            continue
        results = [(label, similar(db, hits[0]["id"], query)) for label, db in layouts]
    else:
        results = [(label, search(db, options, query)) for label, db in layouts]
    base_label, base = results[0]
    if "error" in base:  # a reader's query is never an error
        differences += 1
        print(f"{base_label} failed for {options} {query!r}: {base['error']}")
        continue
    base_same, base_ranked = comparable(base)
    for label, r in results[1:]:
        same, ranked = comparable(r)
        if same != base_same:
            keys = [k for k in base_same if base_same.get(k) != same.get(k)]
            why = f"{keys}: {[base_same.get(k) for k in keys]} against {[same.get(k) for k in keys]}"
        else:
            why = ranked_differ(base_ranked, ranked)
        if why:
            differences += 1
            print(f"{label} differs from {base_label} for {options} {query!r}: {why}"[:600])
print(f"{len(queries)} queries, {len(layouts)} layouts: {differences} differences")
sys.exit(1 if differences else 0)

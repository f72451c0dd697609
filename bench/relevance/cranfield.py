#!/usr/bin/python3
"""Ranking quality on Cranfield (../shared/data/cranfield): 1,400 abstracts,
225 queries, graded judgements.  Indexes the collection with morgue-indexer
(as an RSS feed: title, abstract as the item text, authors as columnists),
runs every query through morgue-searcher --json --limit 100, and scores
MAP@100, P@10 and nDCG@10 in two modes:

  typed   the query text as a reader would type it (no operators added)
  or      its words joined with OR (the peers' usual way of running it)

  bench/relevance/cranfield.py [--build DIR] [--save RUN.json] [--against RUN.json]
                               [--peers] [--searcher-arg ARG]... [--languages de,es,...]

--save writes the per-query scores, --against compares this run with a saved
one by a paired randomization test (two-sided, 10,000 permutations of the
per-query differences, fixed seed) and prints the p-value per mode and
measure.  --languages lists further languages in the index's metadata (as if
the archive also held articles in them), so that each English query is also
stemmed, stopped and matched in those: what a multilingual archive costs an
English query's ranking.  --peers also scores Xapian with its defaults (BM25, English
stemmer, OR; what quest does) and SQLite FTS5 (porter tokenizer, bm25(),
OR-joined, with and without an English stopword list).  The collection is
read from ../shared, never copied into the repository.
"""
import argparse
import json
import math
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "cranfield"))
DEPTH = 100


def smart_records(path):
    """The records of a SMART file: a dict of field letter -> text per .I."""
    records, cur, field = [], None, None
    for line in open(path, encoding="latin-1"):
        line = line.rstrip("\r\n")
        m = re.match(r"^\.([A-Z])(?: (\d+))?\s*$", line)
        if m:
            if m.group(1) == "I":
                cur = {"I": m.group(2)}
                records.append(cur)
            field = m.group(1)
            cur.setdefault(field, "")
        elif cur is not None and field:
            cur[field] += line + "\n"
    return records


def documents():
    return [{"id": int(r["I"]), "title": " ".join(r.get("T", "").split()),
             "body": " ".join(r.get("W", "").split()),
             "authors": [a.strip() for a in r.get("A", "").replace("\n", " ").split(" and ")
                         if a.strip()]}
            for r in smart_records(os.path.join(DATA, "cran.all.1400"))]


def queries():
    """Query texts numbered by position (1..225), as the judgements number them."""
    return [" ".join(r.get("W", "").split()) for r in smart_records(os.path.join(DATA, "cran.qry"))]


def judgements():
    """{query: {doc: gain}}: grade 1 (most relevant) .. 4 as gains 4 .. 1; -1 is not relevant."""
    rel = {}
    for line in open(os.path.join(DATA, "cranqrel")):
        parts = line.split()
        if len(parts) < 3:
            continue
        q, d, g = int(parts[0]), int(parts[1]), int(parts[2])
        if 1 <= g <= 4:
            rel.setdefault(q, {})[d] = 5 - g
    return rel


def write_feed(docs, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Cranfield</title>'
                "<link>https://cranfield.example/</link><description>1,400 abstracts</description>\n")
        for d in docs:
            url = f"https://cranfield.example/{d['id']}"
            creators = "".join(f"<dc:creator>{escape(a)}</dc:creator>" for a in d["authors"])
            f.write(f"<item><title>{escape(d['title'])}</title><link>{url}</link>"
                    f"<guid>{url}</guid>{creators}<pubDate>Mon, 06 Jan 1958 00:00:00 GMT</pubDate>"
                    f"<description>{escape(d['body'])}</description></item>\n")
        f.write("</channel></rss>\n")


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def modes(text):
    return {"typed": text, "or": " OR ".join(words(text))}


def ranking_morgue(searcher, db, text, extra):
    p = subprocess.run([searcher, "--db", db, "--json", "--limit", str(DEPTH), *extra, "--", text],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return None
    return [int(h["url"].rsplit("/", 1)[1]) for h in json.loads(p.stdout)["results"]]


def ap(ranking, rel):
    hits, total = 0, 0.0
    for i, d in enumerate(ranking[:DEPTH]):
        if d in rel:
            hits += 1
            total += hits / (i + 1)
    return total / len(rel) if rel else 0.0


def ndcg10(ranking, rel):
    dcg = sum(rel.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranking[:10]))
    ideal = sorted(rel.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def scores(rankings, rel):
    """Per-query measures; a refused query (None) scores 0."""
    out = {"map": [], "p10": [], "ndcg10": []}
    for q, r in enumerate(rankings, start=1):
        r = r or []
        out["map"].append(ap(r, rel.get(q, {})))
        out["p10"].append(sum(d in rel.get(q, {}) for d in r[:10]) / 10)
        out["ndcg10"].append(ndcg10(r, rel.get(q, {})))
    return out


def randomization_p(a, b, rounds=10000, seed=1):
    diffs = [x - y for x, y in zip(a, b)]
    observed = abs(sum(diffs))
    rng = random.Random(seed)
    extreme = sum(abs(sum(d if rng.random() < 0.5 else -d for d in diffs)) >= observed - 1e-12
                  for _ in range(rounds))
    return (extreme + 1) / (rounds + 1)


def xapian_default(docs, qs):
    import xapian
    db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
    tg = xapian.TermGenerator()
    tg.set_stemmer(xapian.Stem("english"))
    for d in docs:
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text(d["title"])
        tg.increase_termpos()
        tg.index_text(d["body"])
        doc.add_boolean_term(f"Q{d['id']}")
        doc.set_data(str(d["id"]))
        db.add_document(doc)
    qp = xapian.QueryParser()
    qp.set_stemmer(xapian.Stem("english"))
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_database(db)
    enq = xapian.Enquire(db)
    out = []
    for q in qs:
        enq.set_query(qp.parse_query(" ".join(words(q))))
        out.append([int(m.document.get_data()) for m in enq.get_mset(0, DEPTH)])
    return out


STOPWORDS = set("""a about above after again against all am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours ourselves
out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves""".split())


def fts5(docs, qs, stop):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61')")
    db.executemany("INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)",
                   [(d["id"], d["title"], d["body"]) for d in docs])
    out = []
    for q in qs:
        ws = [w for w in words(q) if not (stop and w in STOPWORDS)]
        match = " OR ".join(f'"{w}"' for w in ws)
        rows = db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT ?",
                          (match, DEPTH)).fetchall() if ws else []
        out.append([r[0] for r in rows])
    return out


def summary(name, s, refused=None):
    mean = {k: sum(v) / len(v) for k, v in s.items()}
    extra = f"   refused {refused}" if refused is not None else ""
    print(f"{name:<28} MAP@100 {mean['map']:.4f}   P@10 {mean['p10']:.4f}   "
          f"nDCG@10 {mean['ndcg10']:.4f}{extra}")


def main():
    ap_ = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap_.add_argument("--build", default=os.path.join(ROOT, "build", "test"))
    ap_.add_argument("--save")
    ap_.add_argument("--against")
    ap_.add_argument("--peers", action="store_true")
    ap_.add_argument("--searcher-arg", action="append", default=[])
    ap_.add_argument("--schema", help="morgue-indexer --schema for the index")
    ap_.add_argument("--languages", help="further language codes for the index's metadata")
    args = ap_.parse_args()
    indexer = os.path.join(args.build, "indexer", "morgue-indexer")
    searcher = os.path.join(args.build, "searcher", "morgue-searcher")
    docs, qs, rel = documents(), queries(), judgements()
    assert len(docs) == 1400 and len(qs) == 225, (len(docs), len(qs))
    run = {}
    with tempfile.TemporaryDirectory(prefix="morgue-cranfield-") as tmp:
        feed, db = os.path.join(tmp, "cranfield.rss"), os.path.join(tmp, "db")
        write_feed(docs, feed)
        schema = ["--schema", args.schema] if args.schema else []
        subprocess.run([indexer, "--db", db, *schema, "-q", "import", feed], check=True)
        if args.languages:
            import xapian
            w = xapian.WritableDatabase(db)
            listed = w.get_metadata("morgue:languages").decode()
            w.set_metadata("morgue:languages", listed + "".join(
                c + "\n" for c in args.languages.split(",")))
            w.commit()
            w.close()
        for mode in ("typed", "or"):
            rankings = [ranking_morgue(searcher, db, modes(q)[mode], args.searcher_arg) for q in qs]
            refused = sum(r is None for r in rankings)
            run[mode] = scores(rankings, rel)
            summary(f"morgue {mode}", run[mode], refused)
    if args.peers:
        summary("xapian defaults (OR)", scores(xapian_default(docs, qs), rel))
        summary("fts5 OR", scores(fts5(docs, qs, False), rel))
        summary("fts5 OR, stopwords", scores(fts5(docs, qs, True), rel))
    if args.against:
        base = json.load(open(args.against))
        for mode in run:
            for k in ("map", "p10", "ndcg10"):
                a, b = run[mode][k], base[mode][k]
                delta = (sum(a) - sum(b)) / len(a)
                print(f"vs {os.path.basename(args.against)} {mode:<5} {k:<6} "
                      f"{delta:+.4f}  p = {randomization_p(a, b):.4f}")
    if args.save:
        with open(args.save, "w") as f:
            json.dump(run, f)


if __name__ == "__main__":
    sys.exit(main())

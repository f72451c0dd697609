#!/usr/bin/python3
"""spy_cost.py DB [DB...] [--queries FILE] [--sets "1|1,2,4|1,2,4,6,7"]
What exact facet counts cost in Xapian's matcher: the peers' queries (those
without dates) ranked as Morgue ranks them (BM25, every match checked, the
first 20), alone and with a ValueCountMatchSpy on each slot of each set,
as a remote shard counts facets.  A DB is a directory or "remote:HOST:PORT";
several make one archive.  Prints the median over the queries of each
query's best of three, in ms.  Needs Debian's python3-xapian (/usr/bin/python3).
Slots of news.xml: 1 columnist, 2 topic, 4 year, 6 language, 7 credit; 301,
302, 306, 307 hold the codes of the keyword fields' forms (form_codes.hpp)."""
import csv
import os
import statistics
import sys
import time

import xapian


def open_archive(specs):
    db = xapian.Database()
    for spec in specs:
        if spec.startswith("remote:"):
            host, port = spec[len("remote:"):].rsplit(":", 1)
            db.add_database(xapian.remote_open(host, int(port)))
        else:
            db.add_database(xapian.Database(spec))
    return db


def ranked_ms(db, query, slots):
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    enquire.set_weighting_scheme(xapian.BM25Weight(1.2, 0, 1, 0.75, 0.5))
    spies = [xapian.ValueCountMatchSpy(s) for s in slots]
    for spy in spies:
        enquire.add_matchspy(spy)
    t = time.perf_counter()
    enquire.get_mset(0, 20, db.get_doccount())
    return (time.perf_counter() - t) * 1000


def main():
    args = sys.argv[1:]
    opt = lambda name, default: args[args.index(name) + 1] if name in args else default
    here = os.path.dirname(os.path.abspath(__file__))
    qfile = opt("--queries", os.path.join(here, "../../shared/bench/peers/queries.txt"))
    sets = [()] + [tuple(int(s) for s in part.split(",")) for part in opt("--sets", "1|1,2,4|1,2,4,6,7").split("|")]
    specs = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or not args[i - 1].startswith("--"))]
    db = open_archive(specs)
    parser = xapian.QueryParser()
    parser.set_stemmer(xapian.Stem("en"))
    parser.set_stemming_strategy(parser.STEM_SOME)
    parser.set_database(db)
    parser.set_default_op(xapian.Query.OP_AND)
    rows = []
    for q in csv.DictReader(open(qfile, encoding="utf-8"), delimiter="\t"):
        if q["year_from"]:
            continue
        text = f'"{q["terms"]}"' if q["kind"] == "phrase" else q["terms"]
        query = parser.parse_query(text)
        rows.append([min(ranked_ms(db, query, slots) for _ in range(3)) for slots in sets])
    for i, slots in enumerate(sets):
        name = "ranking alone" if not slots else "+ spies on " + ",".join(map(str, slots))
        print(f"{name}: {statistics.median(r[i] for r in rows):.1f} ms")


if __name__ == "__main__":
    main()

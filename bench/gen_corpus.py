#!/usr/bin/env python3
"""Deterministic synthetic news corpus as RSS feeds, for benchmarks.

    gen_corpus.py OUT_DIR DOCS [ITEMS_PER_FEED] [--words MIN MAX]

Zipf-distributed vocabulary of 50,000 pseudo-words (plus a few hundred real
news words among the commonest), 40 columnists (some articles by two), 25
topics (one or two each), dates spread over 25 years, and bodies of MIN-MAX
words (default 40-120: a newswire lead; the benchmark issue scales this up).
The same arguments always give the same bytes.
"""
import bisect
import email.utils
import os
import random
import sys
from datetime import datetime, timedelta, timezone

REAL = ("government election minister budget court police market economy war peace climate energy oil "
        "trade tariff china taiwan japan europe president parliament vote campaign health vaccine school "
        "football olympics storm flood fire earthquake bank inflation jobs tax housing rail airport "
        "strike union protest border migrants refugees security defence navy army treaty summit").split()


def vocabulary(rng, n):
    syllables = ["ka", "to", "ri", "ne", "sa", "mo", "lu", "pe", "di", "ga", "zo", "fi", "ta", "ro", "mi", "an", "el", "or"]
    words, seen = list(REAL), set(REAL)
    while len(words) < n:
        w = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def main():
    out, docs = sys.argv[1], int(sys.argv[2])
    per_feed = int(sys.argv[3]) if len(sys.argv) > 3 and not sys.argv[3].startswith("--") else 10000
    lo, hi = 40, 120
    if "--words" in sys.argv:
        i = sys.argv.index("--words")
        lo, hi = int(sys.argv[i + 1]), int(sys.argv[i + 2])
    rng = random.Random(1964)
    words = vocabulary(rng, 50000)
    weights = [1.0 / (r + 1) ** 1.07 for r in range(len(words))]
    cumulative, total = [], 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    columnists = [f"{rng.choice(['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Fatima', 'Goro', 'Hana', 'Ivan', 'Jia'])} "
                  f"{rng.choice(['Lee', 'Okafor', 'Tanaka', 'Novak', 'Silva', 'Wang', 'Haddad', 'Berg', 'Costa', 'Kim'])} {i}"
                  for i in range(40)]
    topics = ["Politics", "Economy", "World", "Asia", "Europe", "Americas", "Africa", "Climate", "Science", "Health",
              "Technology", "Business", "Markets", "Sport", "Culture", "Books", "Film", "Music", "Education", "Law",
              "Crime", "Transport", "Energy", "Opinion", "Obituaries"]
    start = datetime(2000, 1, 1, tzinfo=timezone.utc)
    span = 25 * 365 * 86400
    os.makedirs(out, exist_ok=True)

    def text(n):
        return " ".join(words[bisect.bisect_left(cumulative, rng.random() * total)] for _ in range(n))

    for f in range((docs + per_feed - 1) // per_feed):
        items = []
        for i in range(f * per_feed, min(docs, (f + 1) * per_feed)):
            when = start + timedelta(seconds=rng.randrange(span))
            authors = " and ".join(rng.sample(columnists, 1 if rng.random() < 0.85 else 2))
            cats = "".join(f"<category>{t}</category>" for t in rng.sample(topics, 1 if rng.random() < 0.7 else 2))
            items.append(f"<item><title>{text(rng.randint(5, 12))}</title>"
                         f"<link>https://news.example.com/{i}</link><guid>https://news.example.com/{i}</guid>"
                         f"<pubDate>{email.utils.format_datetime(when)}</pubDate><dc:creator>{authors}</dc:creator>"
                         f"{cats}<description>{text(rng.randint(lo, hi))}</description></item>\n")
        with open(os.path.join(out, f"feed{f:04}.rss"), "w") as fh:
            fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                     'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
                     f"<title>Synthetic {f}</title><link>https://news.example.com/feed/{f}</link>\n")
            fh.writelines(items)
            fh.write("</channel></rss>\n")


if __name__ == "__main__":
    main()

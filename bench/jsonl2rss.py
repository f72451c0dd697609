#!/usr/bin/env python3
"""jsonl2rss.py IN.jsonl OUTDIR [ITEMS_PER_FILE]: the peers' flat corpus
(../shared/bench/peers: url, title, body, author, category, date per line) as
RSS 2.0 files that morgue-indexer imports, so that Morgue and the peers index
the same articles."""
import json
import os
import sys
from email.utils import format_datetime
from datetime import datetime, timezone
from xml.sax.saxutils import escape

src, out = sys.argv[1], sys.argv[2]
per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
os.makedirs(out, exist_ok=True)


def write(n, items):
    with open(os.path.join(out, f"part-{n:04d}.rss"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
                f"<channel><title>Peer corpus {n}</title><link>https://bench.example/</link>\n"
                "<description>generated</description>\n")
        f.writelines(items)
        f.write("</channel></rss>\n")


items, n = [], 0
with open(src, encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        d = json.loads(line)
        date = datetime.fromisoformat(d["date"].replace("Z", "+00:00"))
        if date.tzinfo is None:
            date = date.replace(tzinfo=timezone.utc)
        items.append(
            f"<item><title>{escape(d['title'])}</title><link>{escape(d['url'])}</link>"
            f"<guid>{escape(d['url'])}</guid><dc:creator>{escape(d['author'])}</dc:creator>"
            f"<category>{escape(d['category'])}</category>"
            f"<pubDate>{format_datetime(date)}</pubDate>"
            f"<description>{escape(d['body'])}</description></item>\n")
        if len(items) == per_file:
            write(n, items)
            items, n = [], n + 1
if items:
    write(n, items)

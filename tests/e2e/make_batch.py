#!/usr/bin/env python3
"""make_batch.py OUT N TAG: an RSS feed of N articles with unique guids (TAG
keeps batches apart), long enough that indexing it takes a moment: for the
fault tests."""
import sys

out, n, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
words = ("harbour budget election court minister council tariff vaccine archive column "
         "editorial market treaty climate energy policy border trade weather river").split()
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>Batch {tag}</title><link>https://batch.example/</link>\n")
    for i in range(n):
        body = " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(120))
        f.write(f"<item><title>Batch {tag} story {i} {words[i % len(words)]}</title>"
                f"<link>https://batch.example/{tag}/{i}</link><guid>https://batch.example/{tag}/{i}</guid>"
                f"<author>desk@batch.example (Desk {i % 7})</author><category>Topic {i % 5}</category>"
                f"<pubDate>Mon, 0{1 + i % 9} Jun 2025 10:00:00 GMT</pubDate>"
                f"<description>{body}</description></item>\n")
    f.write("</channel></rss>\n")

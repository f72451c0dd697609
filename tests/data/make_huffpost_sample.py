#!/usr/bin/env python3
"""Writes huffpost-sample.rss: an RSS 2.0 feed of N records, evenly spread over
the 2018-2022 span of the HuffPost News Category Dataset (CC BY 4.0, Rishabh
Misra) in ../shared/data.

Authors go into <dc:creator> exactly as the dataset has them ("A, B and C, AP"),
categories into <category>, dates into RFC 822 <pubDate>, as a publisher's
feed would carry them.  Usage: make_huffpost_sample.py SHARED_DIR [N] > out.rss
"""
import email.utils
import json
import sys
from datetime import datetime, timezone
from xml.sax.saxutils import escape


def main():
    shared = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    path = f"{shared}/data/huffpost-news-category/News_Category_Dataset_v3.first10000.jsonl"
    out = sys.stdout
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n')
    out.write("  <title>HuffPost (sample: News Category Dataset, CC BY 4.0)</title>\n")
    out.write("  <link>https://www.huffpost.com/</link>\n")
    out.write("  <description>First records of Misra, R. \"News Category Dataset\" "
              "(arXiv:2209.11429), CC BY 4.0</description>\n")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    step = max(1, len(lines) // n)
    for line in lines[::step][:n]:
        r = json.loads(line)
        day = datetime.strptime(r["date"], "%Y-%m-%d").replace(hour=12, tzinfo=timezone.utc)
        out.write("  <item>\n")
        out.write(f"    <title>{escape(r['headline'])}</title>\n")
        out.write(f"    <link>{escape(r['link'])}</link>\n")
        out.write(f"    <guid isPermaLink=\"true\">{escape(r['link'])}</guid>\n")
        out.write(f"    <pubDate>{email.utils.format_datetime(day)}</pubDate>\n")
        if r["authors"]:
            out.write(f"    <dc:creator>{escape(r['authors'])}</dc:creator>\n")
        out.write(f"    <category>{escape(r['category'].title())}</category>\n")
        out.write(f"    <description>{escape(r['short_description'])}</description>\n")
        out.write("  </item>\n")
    out.write("</channel>\n</rss>\n")


if __name__ == "__main__":
    main()

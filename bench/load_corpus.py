#!/usr/bin/env python3
"""load_corpus.py NAME OUT.jsonl: a real corpus from ../shared/data in the flat
form the peers load (one JSON object a line: url, title, body, author,
category, date as ISO 8601), so that bench/run indexes it with Morgue (via
bench/jsonl2rss.py) and the peers alike.  Read from ../shared, never copied
into the repository (Reuters-21578 is for research use only).

  reuters     Reuters-21578: 21,578 dated newswire stories with bodies; topic =
              the first TOPICS entry (or "none"); author from <AUTHOR>, else
              "Reuters"
  huffpost    HuffPost News Category v3, first 10,000 records: headline and
              one-sentence description only
"""
import glob
import html
import json
import os
import re
import sys
from datetime import datetime

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")


def reuters(out):
    n = 0
    for path in sorted(glob.glob(os.path.join(SHARED, "reuters21578", "reut2-*.sgm"))):
        text = open(path, encoding="latin-1").read()
        for doc in re.findall(r"<REUTERS(.*?)</REUTERS>", text, re.S):
            newid = re.search(r'NEWID="(\d+)"', doc).group(1)
            def tag(name):
                m = re.search(rf"<{name}>(.*?)</{name}>", doc, re.S)
                return html.unescape(m.group(1)).strip() if m else ""
            body = re.sub(r"[\x00-\x08\x0b-\x1f]", " ", tag("BODY")).replace("Reuter\n", "").strip()
            title = re.sub(r"[\x00-\x1f]", " ", tag("TITLE"))
            if not body and not title:
                continue
            # A few dates carry garbled times ("605:12:19"): the day is enough then.
            m = re.match(r"\s*(\d+-[A-Z]+-\d{4})\s+(\d{1,2}:\d{2}:\d{2})?", tag("DATE"))
            when = datetime.strptime(m.group(1) + " " + (m.group(2) or "00:00:00"), "%d-%b-%Y %H:%M:%S")
            topics = re.findall(r"<D>(.*?)</D>", tag("TOPICS") if "<TOPICS>" in doc else "")
            author = re.sub(r"^by\s+|,\s*Reuters$", "", tag("AUTHOR").strip(), flags=re.I) or "Reuters"
            out.write(json.dumps({"url": f"https://reuters21578.example/{newid}", "title": title.title(),
                                  "body": body, "author": author, "category": topics[0] if topics else "none",
                                  "date": when.strftime("%Y-%m-%dT%H:%M:%SZ")}, ensure_ascii=False) + "\n")
            n += 1
    return n


def huffpost(out):
    n = 0
    path = os.path.join(SHARED, "huffpost-news-category", "News_Category_Dataset_v3.first10000.jsonl")
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        d = json.loads(line)
        out.write(json.dumps({"url": d["link"], "title": d["headline"], "body": d["short_description"],
                              "author": d["authors"] or "HuffPost", "category": d["category"].title(),
                              "date": d["date"] + "T12:00:00Z"}, ensure_ascii=False) + "\n")
        n += 1
    return n


if __name__ == "__main__":
    name, dest = sys.argv[1], sys.argv[2]
    with open(dest, "w", encoding="utf-8") as f:
        count = {"reuters": reuters, "huffpost": huffpost}[name](f)
    print(f"{name}: {count} articles in {dest}", file=sys.stderr)

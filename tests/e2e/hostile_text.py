#!/usr/bin/env python3
"""Hostile text through every output: a seeded fuzz check.

Usage: hostile_text.py make FEED SEED      writes an RSS feed of items whose
                                           fields mix control characters (raw,
                                           as character references, C1), markup
                                           and CJK text
       hostile_text.py check KIND FILE     exit 1 (saying why) unless FILE is
                                           well-formed KIND: json, jsonl, atom,
                                           html or text, with no control
                                           character but tab and newline
"""
import html.parser
import json
import random
import re
import sys
import xml.etree.ElementTree as ET

PIECES = ["\x1b]0;PWNED\x07", "\x1b[2J", "\x01", "\x7f", "\x08", "\x0c", "\x1b[31m",
          "&#1;", "&#x1b;[1m", "&#127;", "&#x85;", "&#x9b;2J", "\u0085", "\u009b", "\u0080",
          "&lt;script&gt;alert(1)&lt;/script&gt;", "]]&gt;", "&amp;", "\"", "'", "蔡英文",
          "Trump", "japan", "\u2028", "\t", "\r", "\u00e9t\u00e9", "%01", "\\u0001"]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def hostile(rng, words):
    return " ".join(rng.choice(PIECES) if rng.random() < 0.5 else rng.choice(words)
                    for _ in range(rng.randint(1, 12)))


def make(path, seed):
    rng = random.Random(seed)
    words = ["alpha", "beta", "gamma", "news", "column", "policy", "archive"]
    items = []
    for i in range(40):
        items.append(f"""<item><title>{hostile(rng, words)}</title>
<link>http://example.com/{i}?{hostile(rng, words).replace(' ', '+').replace('"', '')}</link>
<guid>http://example.com/{i}</guid>
<author>x@example.com ({hostile(rng, words)})</author>
<category>{hostile(rng, words)}</category>
<pubDate>Mon, 0{i % 9 + 1} Dec 2025 10:00:00 GMT</pubDate>
<description>{hostile(rng, words)} {hostile(rng, words)}</description></item>""")
    feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f'<title>{hostile(rng, words)}</title><link>http://example.com/</link>'
            + "\n".join(items) + "</channel></rss>")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(feed)


def check(kind, path):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")  # must be UTF-8 throughout
    if m := CONTROL.search(text):
        at = m.start()
        sys.exit(f"{path}: control character U+{ord(m.group()):04X} at {at}: {text[max(0, at - 40):at + 20]!r}")
    if kind == "json":
        json.loads(text)
    elif kind == "jsonl":
        for line in text.split("\n")[:-1]:  # not splitlines(): U+2028 is no line end here
            json.loads(line)
    elif kind == "atom":
        ET.fromstring(raw)  # expat: strict XML 1.0
    elif kind == "html":
        parser = html.parser.HTMLParser()
        parser.feed(text)
        parser.close()
        if "<script" in text.lower():
            sys.exit(f"{path}: a script element")


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], int(sys.argv[3]))
    else:
        check(sys.argv[2], sys.argv[3])

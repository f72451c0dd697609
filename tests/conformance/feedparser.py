#!/usr/bin/env python3
"""Conformance of `morgue-indexer parse` against the feedparser test suite.

Each suite file states its expectation as a Python expression over
feedparser's result ("Expect: not bozo and entries[0]['title'] == 'x'").
Files whose expectation reads only fields Morgue extracts (titles, links, ids,
authors, categories, dates, summary/content, encoding, version) are parsed with
`morgue-indexer parse --json`, the output is dressed as feedparser's result,
and the expression is evaluated against it.

Morgue keeps text, not HTML: string comparisons are made between the plain
text of both sides (tags stripped, entities decoded, spaces collapsed).

Every file in illformed/ must parse leniently or fail with a one-line error,
never crash.  Fails when the pass rate is under --threshold, when a failure
is not listed in --known (KNOWN_FAILURES.md), or on any crash.
"""
import argparse
import calendar
import html.parser
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

SUPPORTED = re.compile(
    r"""^(
      feed\[(title|title_detail|link|author|author_detail|updated|updated_parsed|language)\]
    | entries\[\d\]\[(title|title_detail|link|id|guid|author|author_detail|authors|tags|category
                      |published|published_parsed|updated|updated_parsed|summary|summary_detail
                      |description|content|language)\]
    )""",
    re.X,
)
SUPPORTED_DETAIL = {"value", "name", "term", "label", "scheme"}
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
          "table", "blockquote", "pre", "hr", "dl", "dt", "dd"}
DOC_ROOT = "http://127.0.0.1:8097/tests/"
SANITIZER_MARKS = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer")


class TextOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def plain(s):
    p = TextOf()
    p.feed(s)
    p.close()
    return " ".join("".join(p.parts).split())


class Text(str):
    """A string that compares by plain text, as Morgue stores it."""

    def __eq__(self, other):
        # Equal as text ('1 < 2') or, when the expectation is HTML, as its text.
        if isinstance(other, str):
            ours = " ".join(self.split())
            return ours == " ".join(other.split()) or ours == plain(other)
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = str.__hash__


class Obj(dict):
    """feedparser's dict-with-attributes."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


def parsed(iso):
    if not iso:
        return None
    return time.gmtime(calendar.timegm(time.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")))


def person(name):
    return Obj(name=Text(name))


def entry_obj(e):
    cats = [Obj(term=Text(c["term"]), scheme=c["scheme"] or None, label=Text(c["label"]) if c["label"] else None)
            for c in e["categories"]]
    o = Obj(
        title=Text(e["title"]),
        title_detail=Obj(value=Text(e["title"])),
        link=e["url"],
        id=e["guid"],
        guid=e["guid"],
        summary=Text(e["summary"]),
        summary_detail=Obj(value=Text(e["summary"])),
        description=Text(e["summary"]),
        content=[Obj(value=Text(e["body"]))],
        authors=[person(n) for n in e["columnist"]],
        tags=cats,
        published=e["published_text"],
        published_parsed=parsed(e["published"]),
        updated=e["updated_text"],
        updated_parsed=parsed(e["updated"]),
    )
    if e["language"]:
        o["language"] = e["language"]
    # feedparser's author is the credit line whoever it names: a person
    # (Morgue's columnist) or else a desk or post (Morgue's credit).
    names = e["columnist"] or e.get("credit", [])
    if names:
        o["author"] = Text(names[0])
        o["author_detail"] = person(names[0])
    if cats:
        o["category"] = cats[0]["term"]
    return o


def feed_obj(f):
    o = Obj(
        title=Text(f["title"]),
        title_detail=Obj(value=Text(f["title"])),
        link=f["link"],
        updated=f["updated_text"],
        updated_parsed=parsed(f["updated"]),
    )
    if f["language"]:
        o["language"] = f["language"]
    names = f["authors"] or f["credits"]
    if names:
        o["author"] = Text(names[0])
        o["author_detail"] = person(names[0])
    return o


def header_of(path):
    raw = open(path, "rb").read()
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            text = raw[len(bom):].decode(codec, "replace")
            break
    else:
        if raw[:4] in (b"\x00<\x00?", b"<\x00?\x00"):
            text = raw.decode("utf-16-be" if raw[0] == 0 else "utf-16-le", "replace")
        elif raw[:4] in (b"\x00\x00\x00<", b"<\x00\x00\x00"):
            text = raw.decode("utf-32-be" if raw[0] == 0 else "utf-32-le", "replace")
        else:
            text = raw.decode("latin-1")
    m = re.search(r"<!--(.*?)-->", text, re.S)
    fields = {}
    for line in (m.group(1) if m else "").splitlines():
        k, sep, v = line.partition(":")
        if sep and k.strip() in ("Description", "Expect", "Header", "SkipUnless"):
            fields.setdefault(k.strip(), []).append(v.strip())
    return fields


def keys_read(expect):
    return re.findall(r"(?:feed|entries\[\d\])(?:\[['\"][a-z_]+['\"]\]|\.[a-z_]+)(?:\[\d\])?(?:\[['\"][a-z_]+['\"]\]|\.[a-z_]+)?",
                      expect)


def relevant(expect):
    if "bozo_exception" in expect or "feedparser." in expect:
        return False
    keys = keys_read(expect)
    bare = re.sub(r"\b(not|and|or|bozo|len|ord|isinstance|in|is|None|True|False|encoding|version)\b", "",
                  re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\(\d[\d, ]*\)|\d+", "", expect))
    for k in keys:
        bare = bare.replace(re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\d+", "", k), "")
    if re.search(r"[A-Za-z_]", bare):
        return False  # reads something else (datetime, headers, ...)
    if not keys and not re.search(r"\b(encoding|version)\b", expect):
        return False
    for k in keys:
        norm = k.replace('"', "'")
        norm = re.sub(r"\.([a-z_]+)", r"['\1']", norm)
        parts = re.findall(r"\['([a-z_]+)'\]", norm)
        head = re.sub(r"\['[a-z_]+'\].*", "", norm)
        if not SUPPORTED.match(f"{head}[{parts[0]}]"):
            return False
        if len(parts) > 1 and parts[1] not in SUPPORTED_DETAIL:
            return False
    return True


def run_parse(indexer, files, content_type=None, url=None, content_language=None):
    cmd = [indexer, "parse", "--json"]
    if content_type:
        cmd += ["--content-type", content_type]
    if content_language:
        cmd += ["--content-language", content_language]
    if url:
        cmd += ["--url", url]
    p = subprocess.run(cmd + files, capture_output=True, text=True, errors="replace", timeout=300)
    if p.returncode not in (0, 1) or any(m in p.stderr for m in SANITIZER_MARKS):
        return None, p
    out = {}
    for line in p.stdout.splitlines():
        obj = json.loads(line)
        out[obj["file"]] = obj
    return out, p


def evaluate(expect, obj):
    if "error" in obj:
        return False, obj["error"]
    env = {
        "bozo": False,
        "feed": feed_obj(obj),
        "entries": [entry_obj(e) for e in obj["entries"]],
        "encoding": obj["encoding"],
        "version": obj["format"],
    }
    try:
        return bool(eval(expect, {"__builtins__": {"len": len, "ord": ord}}, env)), ""
    except (KeyError, IndexError, AttributeError, TypeError) as ex:
        return False, f"{type(ex).__name__}: {ex}"


def known_failures(path):
    known = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            m = re.match(r"\s*[-*]\s*`([^`]+)`\s*[:—-]?\s*(.*)", line)
            if m:
                known[m.group(1)] = m.group(2)
    return known


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--indexer", required=True)
    ap.add_argument("--suite", required=True)
    ap.add_argument("--known", required=True)
    ap.add_argument("--threshold", type=float, default=0.95)
    ap.add_argument("--list-failures", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(args.suite):
        print(f"conformance suite not found at {args.suite}")
        return 77

    checks = {}  # folder -> [passed, failed]
    failures = []
    crashes = []
    for folder in ("wellformed", "encoding"):
        for dirpath, _, names in sorted(os.walk(os.path.join(args.suite, folder))):
            groups = {}
            for name in sorted(names):
                if not name.endswith(".xml"):
                    continue
                path = os.path.join(dirpath, name)
                h = header_of(path)
                expect = " and ".join(h.get("Expect", []))
                if not expect or not relevant(expect) or expect.strip().startswith("bozo"):
                    continue
                headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in h.get("Header", []))}
                # The suite's documents were served from this URL; Content-Location overrides it.
                url = DOC_ROOT + os.path.relpath(path, args.suite)
                location = urllib.parse.urljoin(url, headers.get("content-location", ""))
                if location.startswith(("http://", "https://")):  # as a fetcher would: no javascript: bases
                    url = location
                key = (headers.get("content-type"), url, headers.get("content-language"))
                groups.setdefault(key, []).append((path, expect))
            for (ct, url, cl), items in groups.items():
                results, proc = run_parse(args.indexer, [p for p, _ in items], ct, url, cl)
                rel_dir = os.path.relpath(dirpath, args.suite)
                tally = checks.setdefault(rel_dir, [0, 0])
                if results is None:
                    crashes.append(f"{rel_dir}: exit {proc.returncode}: {proc.stderr[-2000:]}")
                    tally[1] += len(items)
                    continue
                for path, expect in items:
                    ok, why = evaluate(expect, results[path])
                    rel = os.path.relpath(path, args.suite)
                    if ok:
                        tally[0] += 1
                    else:
                        tally[1] += 1
                        failures.append((rel, expect, why))

    # Ill-formed input: lenient or a clear error, never a crash or a hang.
    ill = sorted(os.path.join(d, n) for d, _, ns in os.walk(os.path.join(args.suite, "illformed")) for n in ns if n.endswith(".xml"))
    illformed_ok = 0
    for path in ill:
        results, proc = run_parse(args.indexer, [path])
        if results is None:
            crashes.append(f"{os.path.relpath(path, args.suite)}: exit {proc.returncode}: {proc.stderr[-2000:]}")
        elif "error" in results[path] and not re.match(r"^\S.*: .+", results[path]["error"]):
            crashes.append(f"{path}: unclear error {results[path]['error']!r}")
        else:
            illformed_ok += 1

    passed = sum(p for p, _ in checks.values())
    total = sum(p + f for p, f in checks.values())
    print(f"{'folder':<28} {'checks':>7} {'passed':>7} {'rate':>7}")
    for folder, (p, f) in sorted(checks.items()):
        print(f"{folder:<28} {p + f:>7} {p:>7} {p / max(1, p + f):>7.1%}")
    rate = passed / max(1, total)
    print(f"{'all':<28} {total:>7} {passed:>7} {rate:>7.1%}   (threshold {args.threshold:.0%})")
    print(f"illformed: {illformed_ok} of {len(ill)} parsed leniently or failed with a clear error")

    known = known_failures(args.known)
    unlisted = [f for f in failures if f[0] not in known]
    if args.list_failures:
        for rel, expect, why in failures:
            print(f"- `{rel}`: {expect}  [{why}]")
    for rel, expect, why in unlisted:
        print(f"UNLISTED FAILURE {rel}: {expect} {why}")
    fixed = sorted(set(known) - {f[0] for f in failures})
    for rel in fixed:
        print(f"note: {rel} is listed as a known failure but passes now; remove it from {os.path.basename(args.known)}")
    for c in crashes:
        print(f"CRASH {c}")
    ok = rate >= args.threshold and not unlisted and not crashes
    print(f"{passed} passed, {total - passed} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

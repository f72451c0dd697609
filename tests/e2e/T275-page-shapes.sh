#!/usr/bin/env bash
# Article pages of many shapes over loopback (issue 18 item 2): a summary-only
# feed links to every page of tests/data/pages, fetch --full-text fetches and
# reads them, and each stored article's text is checked against the page's
# own paragraphs: precision and recall of paragraphs >= 0.95 over all pages
# (>= 0.75 on each), and the columnist where the page names one.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
mkdir -p "$TMP/data"
ln -s "$DATA/pages" "$TMP/data/pages"
python3 - "$DATA/pages" "$TMP/data/feed.rss" <<'PY'
import glob, html, os, sys
pages = sorted(os.path.basename(p) for p in glob.glob(os.path.join(sys.argv[1], "*.html")))
items = "".join(f"<item><title>{html.escape(p)}</title><link>@BASE@/pages/{p}</link>"
                f"<description>A summary of {html.escape(p)}.</description></item>" for p in pages)
open(sys.argv[2], "w").write(f'<rss version="2.0"><channel><title>Shapes</title>{items}</channel></rss>')
PY
python3 "$MORGUE_SOURCE_DIR/tests/e2e/feedserver.py" "$TMP/data" "$TMP/port" "$TMP/requests.log" &
for _ in $(seq 600); do [[ -s $TMP/port ]] && break; sleep 0.1; done
S=http://127.0.0.1:$(cat "$TMP/port")

run indexer --db "$DB" fetch --full-text --page-delay 0 --timeout 10 "$S/template/feed.rss"
expect_status 0 "fetch --full-text of 16 page shapes"
expect_file_contains "$TMP/out" "pages: 16 fetched" "every page fetched"
indexer --db "$DB" export --jsonl -o "$TMP/export.jsonl"
python3 - "$TMP/export.jsonl" "$DATA/pages" >"$TMP/scores" <<'PY'
import json, os, sys
hit = found = wanted = 0
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    if "title" not in a or not a["title"].endswith(".html"):
        continue
    lines = open(os.path.join(sys.argv[2], a["title"][:-5] + ".expected"), encoding="utf-8").read().splitlines()
    byline = lines[0][8:] if lines and lines[0].startswith("byline: ") else None
    want = [l for l in lines if l and not l.startswith("byline: ")]
    got = [l for l in a["body"].split("\n") if l]
    h = sum(1 for g in got if g in want)
    p, r = h / max(len(got), 1), h / len(want)
    ok = p >= 0.75 and r >= 0.75 and (byline is None or a["columnist"] == [byline])
    print(f"{a['title']} precision={p:.2f} recall={r:.2f} columnist={a['columnist']} {'ok' if ok else 'BAD'}")
    hit, found, wanted = hit + h, found + len(got), wanted + len(want)
print(f"all precision={hit / found:.3f} recall={hit / wanted:.3f} "
      f"{'ok' if hit / found >= 0.95 and hit / wanted >= 0.95 else 'BAD'}")
PY
cat "$TMP/scores"
expect_eq 17 "$(grep -c ' ok$' "$TMP/scores")" "every page, and all pages together, read well"
finish

#!/usr/bin/env bash
# Dates as the publisher printed them (issue 16 item 6): each article keeps
# its UTC offset; the page, text and Atom show the date on the publisher's
# clock; JSON gives both; date: ranges, --since/--until and the year and
# month facets go by the publisher's calendar, sorting by the instant.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
FEED=$DATA/dates/offsets.rss
indexer --db "$DB" -q import "$FEED"

# by TITLE-WORD FIELD: one field of the article whose title has the word.
by() { searcher --db "$DB" --json "title:$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0][sys.argv[1]])' "$2"; }
expect_eq "2025-10-13T16:30:00Z" "$(by taipei date)" "JSON date: the instant in UTC"
expect_eq "2025-10-14T00:30:00+08:00" "$(by taipei date_local)" "JSON date_local: the publisher's clock"
expect_eq "2025-10-13T20:00:00-05:00" "$(by york date_local)" "a negative offset"
expect_eq "2025-10-15T12:00:00Z" "$(by london date_local)" "GMT stays Z"

# Text and Atom show the publisher's date.
run searcher --db "$DB" --limit 1 title:taipei title:midnight
expect_eq "     2025-10-14" "$(sed -n 4p "$TMP/out")" "text: 14 Oct, as printed, not 13 Oct"
run searcher --db "$DB" --format atom title:midnight
expect_file_contains "$TMP/out" "<published>2025-10-14T00:30:00+08:00</published>" "Atom: the publisher's offset"

# The page: 14 Oct 2025, with the offset in the machine-readable attribute.
QUERY_STRING='q=midnight' REQUEST_METHOD=GET GATEWAY_INTERFACE=CGI/1.1 MORGUE_DB=$DB \
    "$MORGUE_SEARCHER" >"$TMP/page"
expect_file_contains "$TMP/page" '<time datetime="2025-10-14T00:30:00+08:00">14 Oct 2025</time>' "page: 14 Oct 2025"

# date: and --since/--until on the publisher's calendar.
titles() { searcher --db "$DB" --json --sort oldest "$@" | python3 -c 'import json,sys; print("|".join(r["title"] for r in json.load(sys.stdin)["results"]))'; }
expect_eq "Taipei column written after midnight" "$(titles date:2025-10-14)" "date:2025-10-14: the Taipei column (13 Oct in UTC)"
expect_eq "New York column written in the evening" "$(titles date:2025-10-13)" "date:2025-10-13: the New York column (14 Oct in UTC)"
expect_eq "Taipei column written after midnight" "$(titles --since 2025-10-14 --until 2025-10-14)" "--since/--until too"
expect_eq "New Year column from Taipei" "$(titles year:2026)" "year:2026: the column dated 1 Jan 2026 (31 Dec 2025 in UTC)"
expect_eq "New Year column from Taipei" "$(titles date:2026)" "date:2026 likewise"
facet() { searcher --db "$DB" --json --facet "$1" | python3 -c 'import json,sys; print(" ".join("%s=%d" % (v["value"], v["count"]) for v in json.load(sys.stdin)["facets"][sys.argv[1]]))' "$1"; }
expect_eq "2025=3 2026=1" "$(facet year)" "year facet on the publisher's calendar"
expect_eq "2025-10=3 2026-01=1" "$(facet month)" "month facet likewise"

# Sorting goes by the instant: New York (01:00 UTC on 14 Oct) is newer than
# Taipei (16:30 UTC on 13 Oct), whatever their clocks say.
expect_eq "Taipei column written after midnight|New York column written in the evening" \
    "$(titles date:2025-10-13..2025-10-14)" "oldest first, by the instant"

# Kept by export and restore, and by rebuild.
indexer --db "$DB" export --jsonl -o "$TMP/export.jsonl"
indexer --db "$TMP/restored" -q import --jsonl "$TMP/export.jsonl"
DB=$TMP/restored
expect_eq "2025-10-14T00:30:00+08:00" "$(by taipei date_local)" "restored with its offset"
indexer --db "$DB" -q rebuild >/dev/null
expect_eq "2025-10-14T00:30:00+08:00" "$(by taipei date_local)" "rebuilt with its offset"
expect_eq "Taipei column written after midnight" "$(titles date:2025-10-14)" "ranges after rebuild"

# An archive written partly before offsets were kept (a document without
# the publisher's-calendar value) falls back to UTC's calendar for ranges,
# rather than losing the older articles; a rebuild brings it back.
/usr/bin/python3 - "$DB" <<'PY'
import sys, xapian
db = xapian.WritableDatabase(sys.argv[1], xapian.DB_OPEN)
post = next(iter(db.postlist("")))
doc = db.get_document(post.docid)
doc.remove_value(203)
db.replace_document(post.docid, doc)
db.commit()
PY
expect_eq "4" "$(titles date:2025..2026 | tr '|' '\n' | wc -l)" "an old document still in ranges"
expect_eq "New York column written in the evening" "$(titles date:2025-10-14)" "UTC's calendar meanwhile"
indexer --db "$DB" -q rebuild >/dev/null
expect_eq "Taipei column written after midnight" "$(titles date:2025-10-14)" "the publisher's calendar after rebuild"

# parse shows both.
run indexer parse "$FEED"
expect_file_contains "$TMP/out" "date: 2025-10-14T00:30:00+08:00 = 2025-10-13T16:30:00Z (published)" "parse: both clocks"
run indexer parse --json "$FEED"
expect_file_contains "$TMP/out" '"date_local":"2025-10-14T00:30:00+08:00"' "parse --json: date_local"

# Dates in the publisher's language (issue 18 item 4): an Italian, a German
# and a Japanese item keep their own dates, not the received one; a date
# that is no date is reported with the item.
cat >"$TMP/langs.rss" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Europa</title><link>https://news.example/</link>
<item><title>Una notizia</title><link>https://news.example/it</link><pubDate>mer, 16 nov 2022 00:38:15 +0100</pubDate><description>Testo.</description></item>
<item><title>Eine Nachricht</title><link>https://news.example/de</link><pubDate>Mi, 16. Nov 2022 00:38:15 +0100</pubDate><description>Text.</description></item>
<item><title>ニュース</title><link>https://news.example/ja</link><pubDate>2022年11月16日(水) 08:38:15 +0900</pubDate><description>本文。</description></item>
<item><title>Nessuna data</title><link>https://news.example/none</link><pubDate>mer, 32 nov 2022 00:38:15 +0100</pubDate><description>Testo.</description></item>
</channel></rss>
EOF
run indexer parse --json "$TMP/langs.rss"
expect_status 0 "parse dates in other languages"
dates=$(python3 -c '
import json, sys
for e in json.load(open(sys.argv[1]))["entries"]:
    print(e["date"] if e["date_source"] != "received" else "-", e["date_source"])' "$TMP/out")
expect_eq "2022-11-15T23:38:15Z published
2022-11-15T23:38:15Z published
2022-11-15T23:38:15Z published
- received" "$dates" "each item its own date"
expect_file_contains "$TMP/out" 'unparseable <pubDate> \"mer, 32 nov 2022 00:38:15 +0100\"' "the bad one reported"
finish

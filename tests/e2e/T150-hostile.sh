#!/usr/bin/env bash
# Hostile input: entity bombs and external entities are never expanded, size
# caps hold, deep nesting neither crashes nor hangs.
. "$(dirname "$0")/lib.sh"
HOSTILE=$DATA/hostile

run timeout 10 "$MORGUE_INDEXER" parse --json "$HOSTILE/billion-laughs.rss"
expect_status 0 "billion laughs parses, quickly"
expect_file_lacks "$TMP/out" "lollol" "no entity expansion"

run timeout 10 "$MORGUE_INDEXER" parse --json "$HOSTILE/xxe.rss"
expect_status 0 "XXE feed parses"
expect_file_lacks "$TMP/out" "root:" "no local file read through an external entity"

# Size cap: refused with the limit named; a file under the cap is fine.
run indexer --max-size 1000 parse "$DATA/taipei-times-editorials.rss"
expect_status 1 "feed over --max-size"
expect_file_contains "$TMP/err" "taipei-times-editorials.rss: larger than the 1000 byte limit (--max-size)" "size message"
run indexer --max-size 1000 --db "$TMP/db" import "$DATA/taipei-times-editorials.rss"
expect_status 1 "import over --max-size"

# Deep nesting, in the XML and in escaped HTML: bounded time, no crash.
python3 - "$TMP" <<'PY'
import sys
n = 200000
head = '<rss><channel><title>T</title><item><title>deep</title><link>http://e.com/1</link>'
open(sys.argv[1] + '/deep-xml.rss', 'w').write(head + '<x>' + '<a>' * n + 'inner' + '</a>' * n + '</x></item></channel></rss>')
open(sys.argv[1] + '/deep-html.rss', 'w').write(head + '<description>' + '&lt;div&gt;' * n + 'inner</description></item></channel></rss>')
open(sys.argv[1] + '/deep-naked.rss', 'w').write(head + '<description>' + '<b>' * n + 'inner' + '</b>' * n + '</description></item></channel></rss>')
PY
for f in deep-xml deep-html deep-naked; do
    run timeout 30 "$MORGUE_INDEXER" parse "$TMP/$f.rss"
    expect_status 0 "$f parses within 30 s"
done
expect_file_contains "$TMP/out" "content: 5 bytes of text" "deeply nested text kept"
run timeout 60 "$MORGUE_INDEXER" --db "$TMP/db" import "$TMP/deep-html.rss" "$TMP/deep-naked.rss" "$TMP/deep-xml.rss"
expect_status 0 "deep feeds import"
finish

#!/usr/bin/env bash
# The search page in a real browser: headless Chromium driven through
# tests/browser/search_page.py against lighttpd on loopback.  Screenshots are
# kept in the test's directory (build/tests/tmp/T320-browser/screenshots).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/cgi_server.sh"
DB=$TMP/db
indexer --db "$DB" --quiet import "$DATA/huffpost-sample.rss" "$DATA/hostile/xss.rss"
start_cgi_server "$DB"
# Chromium leaves its singleton socket directories in TMPDIR: in one of ours,
# short (a socket's path holds 107 bytes; the test's own dir was too deep).
browser_tmp=$(mktemp -d /tmp/morgue-browser.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$browser_tmp"' EXIT
TMPDIR=$browser_tmp run timeout 600 /usr/bin/python3 "$MORGUE_SOURCE_DIR/tests/browser/search_page.py" "$BASE" "$TMP/screenshots"
cat "$TMP/out"
expect_status 0 "browser checks"

# An archive of two shards, one of them missing: the page says that part of
# the archive cannot be reached (issue 20), and shows the rest.
stop_cgi_server
indexer --db "$TMP/sharded" --quiet import --shards 2 "$DATA/huffpost-sample.rss"
mv "$TMP/sharded/shard1" "$TMP/shard1-away"
start_cgi_server "$TMP/sharded"
TMPDIR=$browser_tmp run timeout 600 /usr/bin/python3 "$MORGUE_SOURCE_DIR/tests/browser/search_page.py" "$BASE" "$TMP/screenshots" partial
cat "$TMP/out"
expect_status 0 "browser checks, a shard missing"
finish

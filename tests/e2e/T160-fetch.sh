#!/usr/bin/env bash
# fetch against a real HTTP server on 127.0.0.1 (tests/e2e/feedserver.py):
# conditional GET, compression, redirects, errors, limits, charsets, lists.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
start_feed_server

fetch() { indexer --db "$DB" fetch --jobs 4 --timeout 3 --connect-timeout 2 "$@"; }
# state FIELD URL: one field of a feed's stored state.
state() {
    indexer --db "$DB" feeds --json |
        python3 -c 'import json,sys; [print(d[sys.argv[1]]) for d in map(json.loads, sys.stdin) if d["listed_url"] == sys.argv[2]]' "$1" "$2"
}
requests_for() { grep -c "^$1 " "$TMP/requests.log" || true; }

# 200, then 304 by ETag and by Last-Modified.
run fetch "$S/feeds/taipei-times-editorials.rss" "$S/lm/bloomberg-opinion.atom"
expect_status 0 "first fetch"
expect_file_contains "$TMP/out" "$S/feeds/taipei-times-editorials.rss: fetched: 4 articles: 4 new" "200 indexed"
expect_eq 5 "$(doc_count "$DB")" "documents after the first fetch"
expect_eq 200 "$(state last_status "$S/feeds/taipei-times-editorials.rss")" "state: status 200"
expect_file_contains "$TMP/requests.log" "user-agent=Morgue/0." "a User-Agent naming Morgue"
run fetch "$S/feeds/taipei-times-editorials.rss" "$S/lm/bloomberg-opinion.atom"
expect_status 0 "second fetch"
expect_file_contains "$TMP/out" "$S/feeds/taipei-times-editorials.rss: not modified (HTTP 304)" "304 by ETag"
expect_file_contains "$TMP/out" "$S/lm/bloomberg-opinion.atom: not modified (HTTP 304)" "304 by Last-Modified"
expect_file_contains "$TMP/requests.log" '/feeds/taipei-times-editorials.rss if-none-match="' "If-None-Match sent"
expect_file_contains "$TMP/requests.log" "/lm/bloomberg-opinion.atom if-none-match= if-modified-since=Wed, 05 Nov 2025" \
    "If-Modified-Since sent"
expect_eq 304 "$(state last_status "$S/lm/bloomberg-opinion.atom")" "state: status 304"
expect_eq 5 "$(doc_count "$DB")" "304 changes nothing"

# A server without validators: an identical body is not parsed again.
run fetch "$S/charset/utf-8/encodings/windows-1252.rss"
run fetch "$S/charset/utf-8/encodings/windows-1252.rss"
expect_file_contains "$TMP/out" "$S/charset/utf-8/encodings/windows-1252.rss: not modified (same content)" \
    "identical body skipped"

# gzip.
run fetch "$S/gzip/opinion-bylines.rss"
expect_status 0 "gzip fetch"
expect_file_contains "$TMP/requests.log" "/gzip/opinion-bylines.rss if-none-match= if-modified-since= accept-encoding=deflate, gzip" \
    "Accept-Encoding offered"
expect_eq 8 "$(doc_count "$DB")" "gzip body decoded and indexed"

# A permanent redirect chain: the new URL is remembered and used next time.
run fetch "$S/moved/3/huffpost-sample.rss"
expect_status 0 "redirect chain"
expect_file_contains "$TMP/out" "moved permanently to $S/feeds/huffpost-sample.rss" "permanent move reported"
expect_eq "$S/feeds/huffpost-sample.rss" "$(state url "$S/moved/3/huffpost-sample.rss")" "state: new URL"
expect_eq 308 "$(doc_count "$DB")" "redirected feed indexed"
before=$(requests_for /moved/3/huffpost-sample.rss)
run fetch "$S/moved/3/huffpost-sample.rss"
expect_eq "$before" "$(requests_for /moved/3/huffpost-sample.rss)" "the old URL is not asked again"
expect_file_contains "$TMP/out" "$S/moved/3/huffpost-sample.rss: not modified (HTTP 304)" "new URL fetched conditionally"
# A temporary redirect is followed but not remembered.
run fetch "$S/found/encodings/windows-1252.rss"
expect_status 0 "302"
expect_eq "$S/found/encodings/windows-1252.rss" "$(state url "$S/found/encodings/windows-1252.rss")" "302 not remembered"

# Failures: each named, the rest of the run indexed, exit 1.
count=$(doc_count "$DB")
run fetch "$S/loop/a" "$S/to-file" "$S/status/404" "$S/status/500" "$S/html" "$S/feeds/encodings/big5.rss" \
    "$S/feeds/bad/truncated.rss"
expect_status 1 "a run with failures"
expect_file_contains "$TMP/err" "$S/loop/a: failed: redirect loop at $S/loop/a" "redirect loop"
expect_file_contains "$TMP/err" "$S/to-file: failed: redirect to file:///etc/passwd refused: only http and https are fetched" \
    "redirect to file:// refused"
expect_file_contains "$TMP/err" "$S/status/404: failed: HTTP 404" "404"
expect_file_contains "$TMP/err" "$S/status/500: failed: HTTP 500" "500"
expect_file_contains "$TMP/err" "$S/html: failed: not an RSS or Atom feed (root element <html>) (served as text/html; charset=utf-8)" \
    "wrong content type"
expect_file_contains "$TMP/err" "$S/feeds/bad/truncated.rss: failed: line 8: not well-formed XML: Start-end tags mismatch (served as" \
    "a broken feed named once, with its line"
expect_file_contains "$TMP/out" "7 feeds: 1 fetched, 0 not modified, 6 failed" "summary, on stdout as always"
expect_file_lacks "$TMP/err" "6 feeds:" "the summary is not on stderr"
expect_eq $((count + 1)) "$(doc_count "$DB")" "the good feed among bad ones is indexed"
expect_eq 1 "$(state failures "$S/status/404")" "state: one failure"
run fetch "$S/status/404"
expect_eq 2 "$(state failures "$S/status/404")" "state: consecutive failures counted"
expect_eq "HTTP 404" "$(state last_error "$S/status/404")" "state: last error"

# A stalled server is bounded by --timeout; an oversized body by --max-size.
run fetch "$S/stall"
expect_status 1 "stalled server"
expect_file_contains "$TMP/err" "$S/stall: failed: Timeout was reached" "timeout reported"
run indexer --db "$DB" --max-size 1000000 fetch "$S/big"
expect_status 1 "oversized body"
expect_file_contains "$TMP/err" "$S/big: failed: response larger than 1000000 bytes (--max-size)" "size reported"

# 429 with Retry-After, and 410: honoured on the next run.
run fetch "$S/status/429?retry=3600" "$S/status/410"
expect_file_contains "$TMP/err" "$S/status/429?retry=3600: failed: HTTP 429; the server asks to wait until" "429 reported"
expect_file_contains "$TMP/err" "$S/status/410: gone (HTTP 410)" "410 reported"
before=$(requests_for "/status/429?retry=3600")
run fetch "$S/status/429?retry=3600" "$S/status/410"
expect_status 0 "skips are not failures"
expect_file_contains "$TMP/out" "$S/status/429?retry=3600: skipped: the server asked to wait until" "Retry-After honoured"
expect_file_contains "$TMP/out" "$S/status/410: skipped: gone (HTTP 410)" "gone feed skipped"
expect_eq "$before" "$(requests_for "/status/429?retry=3600")" "nothing sent while asked to wait"
expect_eq True "$(state gone "$S/status/410")" "state: gone"

# A charset given only in the Content-Type header reaches the parser.
run fetch --verbose "$S/charset/big5/encodings/big5-undeclared.rss"
expect_status 0 "header charset"
expect_file_lacks "$TMP/err" "guessed" "no charset guessing when the header says"
expect_eq "無宣告編碼的社論：釣魚台" "$(titles "$DB" 無宣告編碼)" "Big5 by header, searchable"

# On a terminal, stderr shows progress (script(1) provides the terminal).
if command -v script >/dev/null; then
    script -qec "$MORGUE_INDEXER --db $DB fetch $S/feeds/taipei-times-editorials.rss $S/lm/bloomberg-opinion.atom" \
        /dev/null >"$TMP/tty.out" 2>&1 </dev/null
    expect_file_contains "$TMP/tty.out" "morgue-indexer: 2/2 feeds" "progress on a terminal"
fi
run fetch "$S/feeds/taipei-times-editorials.rss"
expect_file_lacks "$TMP/err" "feeds"$'\r' "no progress when stderr is not a terminal"
expect_file_lacks "$TMP/err" "1/1 feeds" "no progress in a pipe"

# Feed lists: OPML, and a plain list with comments; a bad entry is named.
cat >"$TMP/feeds.opml" <<OPML
<?xml version="1.0"?>
<opml version="2.0"><head><title>Morgue test</title></head><body>
  <outline text="News"><outline text="TT" type="rss" xmlUrl="$S/feeds/taipei-times-editorials.rss"/></outline>
  <outline text="Opinion" type="rss" xmlUrl="$S/feeds/opinion-bylines.rss"/>
</body></opml>
OPML
run fetch --feeds "$TMP/feeds.opml" --json
expect_status 0 "OPML list"
expect_eq 2 "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["feeds"])' "$TMP/out")" "--json summary counts the OPML feeds"
printf '# my feeds\n\n%s\nhtp:/x\n' "$S/feeds/taipei-times-editorials.rss" >"$TMP/feeds.txt"
run fetch --feeds "$TMP/feeds.txt"
expect_status 2 "a bad entry in the feed list"
expect_eq "morgue-indexer: $TMP/feeds.txt:4: not a URL: \"htp:/x\"" "$(cat "$TMP/err")" "bad entry named by line"
run indexer --db "$DB" fetch "file:///etc/passwd"
expect_status 2 "file:// on the command line"
expect_file_contains "$TMP/err" 'not a URL: "file:///etc/passwd"' "only http(s) accepted"
finish

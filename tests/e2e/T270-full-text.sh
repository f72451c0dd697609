#!/usr/bin/env bash
# Full text (issue 18 item 1): fetch --full-text fetches the linked page of
# each summary over loopback, extracts the article and its byline, stores the
# page; robots.txt is honoured; a page that fails leaves the feed's text; an
# unchanged item reuses its stored page, a changed one asks conditionally;
# rebuild re-extracts without a request; export and restore keep the page.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
start_feed_server
FEED=$S/template/pages/feed.rss
fetch() { indexer --db "$DB" fetch --timeout 5 --connect-timeout 2 --page-delay 0 "$@"; }
page_requests() { grep -c "^/pages/" "$TMP/requests.log" || true; }
body_of() { searcher --db "$DB" --json --limit 1 "title:$1" | python3 -c 'import json,sys; r=json.load(sys.stdin)["results"]; print(r[0]["snippet"] if r else "")'; }

# Off unless asked: no page is requested.
run fetch "$FEED?v=0"
expect_status 0 "a fetch without --full-text"
expect_eq 0 "$(page_requests)" "no page requested without --full-text"
expect_eq 0 "$(searcher --db "$DB" --json 'columnist:"Maria Lindqvist"' | json_total)" "the summary names no columnist"
rm -rf "$DB" "$TMP/requests.log"

run fetch -v --full-text "$FEED"
expect_status 0 "fetch --full-text"
expect_file_contains "$TMP/out" "pages: 4 fetched, 0 not modified, 0 kept, 1 failed, 1 disallowed" "the pages' line"
expect_file_contains "$TMP/err" "page $S/pages/private/secret.html: not fetched: robots.txt disallows it" "robots.txt honoured"
expect_file_contains "$TMP/err" "page $S/pages/missing.html: not fetched: HTTP 404" "a missing page reported with its item"
expect_eq 0 "$(grep -c '^/pages/private/' "$TMP/requests.log" || true)" "the disallowed page is never requested"
expect_eq 1 "$(grep -c '^/robots.txt ' "$TMP/requests.log")" "robots.txt asked once"
expect_eq 6 "$(doc_count "$DB")" "every item indexed, fetched page or not"

# The full text is indexed, and its tagline and byline name the columnist.
expect_eq 1 "$(searcher --db "$DB" --json 'rents winter buses' | json_total)" "words only in the page are found"
expect_eq 1 "$(searcher --db "$DB" --json 'columnist:"Maria Lindqvist"' | json_total)" "the tagline of the full text names the columnist"
expect_eq 1 "$(searcher --db "$DB" --json 'columnist:"Jane Doe" credit:"Associated Press"' | json_total)" "the page's byline: Jane Doe, Associated Press"
expect_eq 1 "$(searcher --db "$DB" --json '清潔費' | json_total)" "a Big5 page read in its charset"
expect_eq 0 "$(searcher --db "$DB" --json 'breakfast briefing inbox' | json_total)" "no newsletter box, footer or related links"
expect_eq 1 "$(searcher --db "$DB" --json 'unions closure' | json_total)" "a paywalled teaser shorter than the feed's text keeps the feed's"
expect_eq 1 "$(searcher --db "$DB" --json '"publisher took this page down"' | json_total)" "a failed page keeps the feed's text"

# The same items again (another listing of the feed): the stored pages are kept, none asked for.
before=$(page_requests)
run fetch --full-text "$FEED?v=1&again=1"
expect_status 0 "the same items again"
# Only the page that failed is asked again.
expect_eq "$((before + 1))" "$(page_requests)" "unchanged items reuse their stored pages"
expect_file_contains "$TMP/out" "4 kept" "kept pages counted"
# Changed items ask again, with the stored page's ETag: 304 keeps the page.
run fetch --full-text "$FEED?v=2"
expect_status 0 "changed items"
expect_file_contains "$TMP/requests.log" '/pages/01-opinion-column.html if-none-match="' "a conditional GET for a changed item's page"
expect_file_contains "$TMP/out" "4 not modified" "304s keep the pages"
expect_eq 1 "$(searcher --db "$DB" --json 'columnist:"Maria Lindqvist" rents' | json_total)" "still the full text after the 304"

# A run without full text loses no page; rebuild re-extracts with no request.
run fetch "$FEED?v=3"
expect_eq 1 "$(searcher --db "$DB" --json 'columnist:"Maria Lindqvist" rents' | json_total)" "a run without --full-text keeps the stored pages"
before=$(page_requests)
indexer --db "$DB" -q rebuild >/dev/null
expect_eq "$before" "$(page_requests)" "rebuild asks for no page"
expect_eq 1 "$(searcher --db "$DB" --json 'columnist:"Maria Lindqvist" rents' | json_total)" "rebuild re-extracts the stored page"

# Export carries the page; a restore has it.
indexer --db "$DB" export --jsonl -o "$TMP/export.jsonl"
expect_eq 4 "$(grep -c '"html":' "$TMP/export.jsonl")" "four pages in the export"
indexer --db "$TMP/restored" -q import --jsonl "$TMP/export.jsonl"
indexer --db "$TMP/restored" -q rebuild >/dev/null
expect_eq 1 "$(searcher --db "$TMP/restored" --json 'columnist:"Maria Lindqvist" rents' | json_total)" "restored with its page"

# Retry-After: a page's server that answers 429 is asked nothing more this
# run (one transfer at a time, so that the second page waits for the first).
run indexer --db "$TMP/retry-db" fetch -v --full-text --page-delay 0 --jobs 1 "$S/template/pages/retry-feed.rss"
expect_status 0 "a page answering 429"
expect_file_contains "$TMP/err" "page $S/status/429?retry=120: not fetched: HTTP 429; the server asks to wait until" "the 429 reported"
expect_file_contains "$TMP/err" "page $S/pages/03-blog-post.html?after=busy: not fetched: its server asked to wait until" \
    "the host's next page held off"
expect_eq 0 "$(grep -c '^/pages/03-blog-post.html?after=busy' "$TMP/requests.log" || true)" "and not requested"
run indexer --db "$TMP/retry-db" nightly --full-text --page-delay 0 "$FEED"
expect_status 0 "nightly --full-text"
expect_eq 1 "$(searcher --db "$TMP/retry-db" --json 'columnist:"Maria Lindqvist" rents' | json_total)" "nightly fetches pages too"

# extract: a saved page as fetch reads it, with the site rule of --url's host.
run indexer extract "$DATA/pages/02-wire-story.html"
expect_status 0 "extract"
expect_file_contains "$TMP/out" "02-wire-story.html: 5 paragraphs; byline \"By JANE DOE Associated Press\"" "extract: paragraphs and byline"
expect_file_contains "$TMP/out" "    credit: Associated Press" "extract: the byline read as a credit line"
echo "news.example body //div[@class='related-content']" >"$TMP/rules.txt"
run indexer --site-rules "$TMP/rules.txt" extract --json --url https://news.example/a "$DATA/pages/02-wire-story.html"
expect_eq "1 Storm closes ports" "$(json_field "$TMP/out" 'str(len(d["paragraphs"])) + " " + d["paragraphs"][0][:18]')" "a site rule says where the body is"
run indexer extract "$TMP/no-such.html"
expect_status 1 "extract of a missing file"
echo "news.example headline //h1" >"$TMP/bad-rules.txt"
run indexer --site-rules "$TMP/bad-rules.txt" extract "$DATA/pages/02-wire-story.html"
expect_status 2 "a bad site rule"
expect_eq "morgue-indexer: $TMP/bad-rules.txt:1: unknown field \"headline\": body, byline or drop" "$(cat "$TMP/err")" "named by file and line"

# fulltext=no in the feed list wins over --full-text.
rm -rf "$DB" "$TMP/requests.log"
echo "$FEED fulltext=no" >"$TMP/feeds.txt"
run fetch --full-text --feeds "$TMP/feeds.txt"
expect_eq 0 "$(page_requests)" "fulltext=no: no page"
finish

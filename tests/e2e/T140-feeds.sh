#!/usr/bin/env bash
# Real-world feed trouble: legacy charsets, broken dates, bylines instead of
# author elements, publisher topic variants; and `parse` output.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db

run indexer --db "$DB" import "$DATA/encodings/windows-1252.rss" "$DATA/encodings/big5.rss" \
    "$DATA/encodings/big5-undeclared.rss" "$DATA/bad/broken-dates.rss" "$DATA/opinion-bylines.rss"
expect_status 0 "import of the awkward feeds"

# windows-1252 and Big5 text is searchable.
expect_eq "“Smart quotes” don’t break the café review" "$(titles "$DB" crème brûlée)" "windows-1252 accents"
expect_eq "“Smart quotes” don’t break the café review" "$(titles "$DB" '"naïve price"')" "windows-1252 phrase"
expect_eq "蔡英文的歐洲之行" "$(titles "$DB" --strict 蔡英文 title:歐洲)" "declared Big5"
expect_eq "無宣告編碼的社論：釣魚台" "$(titles "$DB" 釣魚台)" "undeclared Big5, detected"
expect_file_contains "$TMP/err" "big5-undeclared.rss: warning: no charset declared and not UTF-8; read as big5 (guessed)" \
    "detection is reported"

# Broken dates fall back to the feed's date, and say so.
expect_file_contains "$TMP/err" "broken-dates.rss: item 1: warning: unparseable <pubDate> \"Thursday the 37th of Smarch\"" \
    "unparseable date reported"
expect_file_contains "$TMP/err" "broken-dates.rss: item 1: warning: no publication date: using the feed date" \
    "fallback reported"
run searcher --db "$DB" --json --pretty budget
expect_file_contains "$TMP/out" '"date": "2025-11-05T12:00:00Z"' "item with a broken date indexed with the feed's date"
run indexer parse --json "$DATA/bad/broken-dates.rss"
expect_file_contains "$TMP/out" '"date_source":"feed"' "parse records the fallback"

# Columnists from bylines, not from names quoted in the text.
expect_eq "Japan's anime artists deserve better than AI slop" "$(titles "$DB" 'columnist:"catherine thorbecke"')" \
    "tagline byline"
expect_eq "" "$(titles "$DB" 'columnist:"dave lee"')" "a columnist quoted mid-text is not the author"
expect_eq "Notes from the night desk" "$(titles "$DB" 'columnist:"Maria van der Berg"')" "opening By-line"

# Topic aliases: "Tech" is filed as Technology, "Opinions" as Opinion.
expect_eq "Japan's anime artists deserve better than AI slop" "$(titles "$DB" topic:technology)" "alias Tech"
expect_eq "Notes from the night desk" "$(titles "$DB" topic:opinion)" "alias Opinions"
# The variant is not a topic of its own, but a search by it finds the topic.
expect_eq "Japan's anime artists deserve better than AI slop" "$(titles "$DB" topic:tech)" "topic: by the variant"
expect_eq "" "$(searcher --db "$DB" --json --pretty --facet topic | grep -x '  *"value": "Tech",')" "no facet value for the variant"

# parse: text and JSON, no database.
cd "$DATA" # relative names, so that the golden file holds no checkout path
run indexer parse bloomberg-opinion.atom opinion-bylines.rss
cd - >/dev/null
expect_status 0 "parse"
expect_golden parse-opinion.txt "$TMP/out"
run indexer parse --json "$DATA/bloomberg-opinion.atom"
expect_status 0 "parse --json"
expect_eq 1 "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["entries"]))' "$TMP/out")" \
    "parse --json is one JSON object"
run indexer parse "$DATA/bad/not-a-feed.xml" "$DATA/bloomberg-opinion.atom"
expect_status 1 "parse with a bad file"
expect_file_contains "$TMP/err" "not-a-feed.xml: not an RSS or Atom feed (root element <html>)" "parse names the bad file"
expect_file_contains "$TMP/out" "bloomberg-opinion.atom: atom10, utf-8, 1 entry" "parse goes on after a bad file"
run indexer parse --content-type 'application/rss+xml; charset=windows-1252' "$DATA/encodings/windows-1252.rss"
expect_file_contains "$TMP/out" "windows-1252, 1 entry" "--content-type charset"
finish

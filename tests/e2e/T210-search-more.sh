#!/usr/bin/env bash
# Near-duplicates (--collapse), related articles (--similar), Atom output.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
indexer --db "$DB" --quiet import "$DATA/taipei-times-editorials.rss" "$DATA/bloomberg-opinion.atom" \
    "$DATA/opinion-bylines.rss" "$DATA/huffpost-sample.rss"

# The anime column is carried by two feeds (different links, ’ vs ').
expect_eq 2 "$(titles "$DB" '"anime artists"' | wc -l)" "two copies without --collapse"
run searcher --db "$DB" --json --collapse '"anime artists"'
expect_status 0 "--collapse"
expect_eq "1 1 1" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["results"]), d["results"][0]["duplicates"], d["collapsed"])' "$TMP/out")" \
    "one hit, one copy folded into it, one folded in all"
# --story: the copies of one story, as a hit names it.
story=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["story"])' "$TMP/out")
expect_eq 16 "${#story}" "a hit names its story"
expect_eq 2 "$(titles "$DB" --story "$story" | wc -l)" "--story: both copies"
expect_eq 2 "$(titles "$DB" --story "$story" anime | wc -l)" "--story with words: the copies that have them"
expect_eq 0 "$(titles "$DB" --story "$story" duck | wc -l)" "--story: only that story's copies"
run searcher --db "$DB" --collapse '"anime artists"'
expect_file_contains "$TMP/out" "(+1 copy folded)" "text output says so"
# Titles differ only in ’ and ': one story.
expect_eq "$(titles "$DB" --limit 50 'taiwan OR anime' | sed "s/’/'/g" | sort -u | wc -l)" \
    "$(titles "$DB" --collapse --limit 50 'taiwan OR anime' | wc -l)" "--collapse leaves one per story"

# --similar: related articles, never the article itself.
id=$(searcher --db "$DB" --json --limit 1 '"Montevideo Convention"' | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["docid"])')
run searcher --db "$DB" --json --limit 50 --similar "$id"
expect_status 0 "--similar"
expect_file_lacks "$TMP/out" "Taiwan passes the duck test" "the article itself is left out"
expect_file_contains "$TMP/out" "Taiwan" "related articles share its words"
# By the article's id too (a result's "id", as the page's ?similar= takes): the same articles.
article=$(searcher --db "$DB" --json --limit 1 '"Montevideo Convention"' | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["id"])')
ids_of() { python3 -c 'import json,sys; print([h["id"] for h in json.load(sys.stdin)["results"]])'; }
expect_eq "$(ids_of <"$TMP/out")" "$(searcher --db "$DB" --json --limit 50 --similar "$article" | ids_of)" \
    "--similar by the article's id: the same as by its docid"
for ref in 999999 https://nowhere.example/x 0; do
    run searcher --db "$DB" --similar "$ref"
    expect_status 2 "--similar $ref: no such article"
    expect_eq "morgue-searcher: --similar $ref: no such article" "$(cat "$TMP/err")" "message"
done

# --format atom: well-formed, the expected entries, and Morgue reads it back.
run searcher --db "$DB" --format atom --limit 3 --sort date topic:editorials
expect_status 0 "--format atom"
python3 - "$TMP/out" >"$TMP/atom.txt" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"a": "http://www.w3.org/2005/Atom"}
feed = ET.parse(sys.argv[1]).getroot()
print(feed.find("a:title", ns).text)
for e in feed.findall("a:entry", ns):
    print(e.find("a:updated", ns).text, e.find("a:title", ns).text, e.find("a:link", ns).get("href"))
PY
expect_golden search-atom.txt "$TMP/atom.txt"
cp "$TMP/out" "$TMP/results.atom"
run indexer parse --json "$TMP/results.atom"
expect_status 0 "the Atom output parses as a feed"
expect_eq 3 "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["entries"]))' "$TMP/out")" "three entries read back"
run searcher --db "$DB" --format json --limit 1 taiwan
expect_file_contains "$TMP/out" '"total":' "--format json is --json"
finish

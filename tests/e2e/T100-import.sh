#!/usr/bin/env bash
# import: idempotent re-import, updates replace, bad files named while the
# good ones are indexed, MORGUE_DB as the default database.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
RSS=$DATA/taipei-times-editorials.rss
ATOM=$DATA/bloomberg-opinion.atom

run indexer --db "$DB" import "$RSS" "$ATOM"
expect_status 0 "first import"
expect_file_contains "$TMP/out" "taipei-times-editorials.rss: 4 articles: 4 new, 0 updated, 0 unchanged" "per-file report"
expect_file_contains "$TMP/out" "2 files indexed, 0 failed; 5 articles new, 0 updated, 0 unchanged; 5 in the database" "summary"
expect_eq 5 "$(doc_count "$DB")" "documents after the first import"

run indexer --db "$DB" import "$RSS" "$ATOM"
expect_status 0 "second import"
expect_file_contains "$TMP/out" "0 articles new, 0 updated, 5 unchanged; 5 in the database" "re-import changes nothing"
expect_eq 5 "$(doc_count "$DB")" "documents after importing twice"

# The same item with an edited body replaces the stored one.
sed 's/Berlin Freedom Conference/Berlin Freedom Summit/' "$RSS" >"$TMP/edited.rss"
run indexer --db "$DB" import "$TMP/edited.rss"
expect_status 0 "import of an edited feed"
expect_file_contains "$TMP/out" "4 articles: 0 new, 1 updated, 3 unchanged" "one item updated"
expect_eq 5 "$(doc_count "$DB")" "an update adds no document"
expect_eq "Tsai's travels carry Taiwan's message" "$(titles "$DB" summit)" "the new text is searchable"
expect_eq "" "$(titles "$DB" '"freedom conference"')" "the old text is gone"

# Bad files are named; the good file in the same run is indexed.
run indexer --db "$TMP/db2" import "$DATA/bad/truncated.rss" "$ATOM" "$DATA/bad/not-a-feed.xml" "$TMP/missing.rss"
expect_status 1 "import with bad files"
expect_file_contains "$TMP/err" "morgue-indexer: $DATA/bad/truncated.rss:8: not well-formed XML: Start-end tags mismatch" "truncated file named with its line"
expect_file_contains "$TMP/err" "morgue-indexer: $DATA/bad/not-a-feed.xml: not an RSS or Atom feed (root element <html>)" "non-feed named"
expect_file_contains "$TMP/err" "morgue-indexer: $TMP/missing.rss: cannot read: No such file or directory" "missing file named"
expect_file_contains "$TMP/out" "1 files indexed, 3 failed" "summary counts failures, on stdout as always"
expect_file_lacks "$TMP/err" "files indexed" "the summary is not on stderr"
expect_eq 1 "$(doc_count "$TMP/db2")" "the good file is indexed"

# A directory is not a feed file.
run indexer --db "$TMP/db2" import "$DATA"
expect_status 1 "a directory as input"
expect_file_contains "$TMP/err" "$DATA: " "directory named"

# MORGUE_DB is the default database for both binaries.
MORGUE_DB=$TMP/envdb run indexer import "$ATOM"
expect_status 0 "import with MORGUE_DB"
expect_eq 1 "$(MORGUE_DB=$TMP/envdb searcher --json --limit 0 | json_total)" "searcher with MORGUE_DB"
expect_eq 1 "$(doc_count "$TMP/envdb")" "MORGUE_DB database exists"
finish

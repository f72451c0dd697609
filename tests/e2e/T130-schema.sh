#!/usr/bin/env bash
# The database carries its schema: searching keeps working when the schema
# file changes or goes away; indexing with an incompatible schema is refused.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
cp "$MORGUE_SOURCE_DIR/schemas/news.xml" "$TMP/news.xml"

run indexer --db "$DB" --schema "$TMP/news.xml" import "$DATA/bloomberg-opinion.atom"
expect_status 0 "import with a copied schema"
rm "$TMP/news.xml"
expect_eq "Japan’s anime artists deserve better than AI slop" "$(titles "$DB" columnist:thorbecke)" \
    "searcher reads the schema from the database"

# Same layout, other weights: compatible.
sed 's/weight="3"/weight="5"/' "$MORGUE_SOURCE_DIR/schemas/news.xml" >"$TMP/heavier.xml"
run indexer --db "$DB" --schema "$TMP/heavier.xml" import "$DATA/taipei-times-editorials.rss"
expect_status 0 "a schema differing only in weights"

# Another topic prefix: the database would become inconsistent.
sed 's/prefix="XK"/prefix="XTOPIC"/' "$MORGUE_SOURCE_DIR/schemas/news.xml" >"$TMP/moved.xml"
run indexer --db "$DB" --schema "$TMP/moved.xml" import "$DATA/taipei-times-editorials.rss"
expect_status 3 "an incompatible schema"
expect_eq "morgue-indexer: $DB: schema news does not fit this database: field topic has another kind, prefix or slot than in the database (rebuild the database)" \
    "$(cat "$TMP/err")" "incompatible schema message"
expect_eq 5 "$(doc_count "$DB")" "nothing lost after the refusal"

# A broken schema file is a usage error naming the file and line.
printf '<schema name="news" version="1">\n<field name="title" kind="prose"/>\n</schema>\n' >"$TMP/bad.xml"
run indexer --db "$TMP/new" --schema "$TMP/bad.xml" import "$DATA/bloomberg-opinion.atom"
expect_status 2 "a malformed schema file"
expect_eq "morgue-indexer: $TMP/bad.xml:2: kind=\"prose\": expected text, keyword, date or id" \
    "$(cat "$TMP/err")" "schema error message"
finish

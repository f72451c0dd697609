#!/usr/bin/env bash
# A second writer while one holds the database gets exit 3 and says why; the
# first one finishes undisturbed.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
FIFO=$TMP/feed.fifo
mkfifo "$FIFO"

# The first writer takes the lock, then blocks reading the FIFO.
"$MORGUE_INDEXER" --db "$DB" import "$FIFO" >"$TMP/first.out" 2>&1 &
first=$!

# Poll until the first writer holds the lock (bounded: 10 s).
locked=no
for _ in $(seq 100); do
    run indexer --db "$DB" import "$DATA/bloomberg-opinion.atom"
    if [[ $status == 3 ]]; then
        locked=yes
        break
    fi
    sleep 0.1
done
expect_eq yes "$locked" "second writer refused while the first holds the lock"
expect_eq "morgue-indexer: $DB: database is locked by another writer (is another morgue-indexer running?)" \
    "$(cat "$TMP/err")" "lock message"

cat "$DATA/taipei-times-editorials.rss" >"$FIFO"
wait "$first"
status=$?
expect_status 0 "first writer"
expect_file_contains "$TMP/first.out" "feed.fifo: 4 articles: 4 new" "first writer indexed its feed"
run searcher --db "$DB" 蔡英文
expect_file_contains "$TMP/out" "Tsai's travels carry Taiwan's message" "first writer's articles searchable"
finish

#!/usr/bin/env bash
# A second writer while one holds the database gets exit 4 at once and says
# why (the run lock, DB.lock); the first one finishes undisturbed.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
FIFO=$TMP/feed.fifo
mkfifo "$FIFO"

# The first writer takes the lock, then blocks reading the FIFO.
"$MORGUE_INDEXER" --db "$DB" import "$FIFO" >"$TMP/first.out" 2>&1 &
first=$!

# Wait until the first writer is blocked opening the FIFO: it opens the
# database (and takes the lock) before reading any file.  Bounded: 60 s.
for _ in $(seq 600); do
    [[ $(cat /proc/$first/wchan 2>/dev/null) == wait_for_partner ]] && break
    sleep 0.1
done
expect_eq wait_for_partner "$(cat /proc/$first/wchan 2>/dev/null)" "first writer waits for its input"

run indexer --db "$DB" import "$DATA/bloomberg-opinion.atom"
expect_status 4 "second writer while the first holds the lock"
expect_eq "morgue-indexer: $DB: another morgue-indexer run is writing this database (lock $DB.lock); not starting" \
    "$(cat "$TMP/err")" "lock message"

timeout 10 cat "$DATA/taipei-times-editorials.rss" >"$FIFO"
wait "$first"
status=$?
expect_status 0 "first writer"
expect_file_contains "$TMP/first.out" "feed.fifo: 4 articles: 4 new" "first writer indexed its feed"
run searcher --db "$DB" 蔡英文
expect_file_contains "$TMP/out" "Tsai's travels carry Taiwan's message" "first writer's articles searchable"

# The lock file sits beside the database: a database whose directory does not
# exist is named, with the directory, rather than the lock file.
run indexer --db "$TMP/no/such/dir/db" -q import "$DATA/huffpost-sample.rss"
expect_status 3 "a database in a directory that does not exist"
expect_eq "morgue-indexer: $TMP/no/such/dir/db: no such directory: $TMP/no/such/dir" "$(cat "$TMP/err")" \
    "the message names the database and its missing directory"
finish

#!/usr/bin/env bash
# One run is one transaction: a run killed midway leaves the database exactly
# as it was, and a rerun completes it.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
FIFO=$TMP/feed.fifo
mkfifo "$FIFO"

run indexer --db "$DB" import "$DATA/taipei-times-editorials.rss"
expect_status 0 "first import"

# The second run indexes the Atom feed, then blocks on the FIFO; kill it there.
"$MORGUE_INDEXER" --db "$DB" import "$DATA/bloomberg-opinion.atom" "$FIFO" >"$TMP/killed.out" 2>&1 &
pid=$!
wait_for_text "$TMP/killed.out" "bloomberg-opinion.atom: 1 article"
expect_file_contains "$TMP/killed.out" "bloomberg-opinion.atom: 1 article: 1 new" "killed run got past its first file"
kill -KILL "$pid"
wait "$pid" 2>/dev/null
# Xapian may hold the lock in a helper process, which exits when it sees its
# parent gone; give it a moment.
for _ in $(seq 50); do
    run indexer --db "$DB" import "$TMP/nothing.rss"
    [[ $status == 3 ]] || break
    sleep 0.1
done

expect_eq 4 "$(doc_count "$DB")" "killed run left the document count as it was"
expect_eq "" "$(titles "$DB" anime)" "killed run's article is not there"
if command -v xapian-check >/dev/null; then
    run xapian-check "$DB"
    expect_status 0 "xapian-check after the kill"
fi

run indexer --db "$DB" import "$DATA/bloomberg-opinion.atom" "$DATA/taipei-times-editorials.rss"
expect_status 0 "rerun"
expect_eq 5 "$(doc_count "$DB")" "rerun completes the database"
finish

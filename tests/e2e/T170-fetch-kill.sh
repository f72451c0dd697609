#!/usr/bin/env bash
# A fetch run killed midway leaves a database that opens, passes the check and
# holds the last committed state; no feed state claims articles it lacks.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
start_feed_server

run indexer --db "$DB" fetch "$S/feeds/taipei-times-editorials.rss"
expect_status 0 "first fetch"

# The second run indexes a feed, then waits on a stalled one: kill it there.
"$MORGUE_INDEXER" --db "$DB" fetch --jobs 1 --timeout 60 "$S/gzip/bloomberg-opinion.atom" "$S/stall" \
    >"$TMP/killed.out" 2>&1 &
pid=$!
wait_for_text "$TMP/killed.out" "bloomberg-opinion.atom: fetched"
expect_file_contains "$TMP/killed.out" "bloomberg-opinion.atom: fetched: 1 article: 1 new" "killed run got past its first feed"
kill -KILL "$pid"
wait "$pid" 2>/dev/null

run xapian-check "$DB"
expect_status 0 "xapian-check after the kill"
expect_eq 4 "$(doc_count "$DB")" "the last committed state"
run indexer --db "$DB" feeds --json
expect_file_lacks "$TMP/out" "bloomberg-opinion.atom" "no state for the uncommitted feed"
expect_file_contains "$TMP/out" "taipei-times-editorials.rss" "committed state kept"

for _ in $(seq 50); do # the lock goes with the process
    run indexer --db "$DB" fetch "$S/gzip/bloomberg-opinion.atom"
    [[ $status == 3 ]] || break
    sleep 0.1
done
expect_status 0 "rerun"
expect_eq 5 "$(doc_count "$DB")" "rerun completes the database"
finish

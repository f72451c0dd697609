#!/usr/bin/env bash
# --help and --version work; usage errors exit 2 with a one-line message.
. "$(dirname "$0")/lib.sh"

for prog in indexer searcher; do
    run $prog --help
    expect_status 0 "$prog --help"
    expect_file_contains "$TMP/out" "Exit codes" "$prog --help documents exit codes"
    run $prog --version
    expect_status 0 "$prog --version"
    expect_file_contains "$TMP/out" "morgue-$prog 0." "$prog --version"
done
run searcher --help
expect_file_contains "$TMP/out" 'columnist:"Catherine Thorbecke"' "searcher --help documents the query language"

run indexer --db "$TMP/db"
expect_status 2 "indexer without a subcommand"
run indexer import "$DATA/bloomberg-opinion.atom"
expect_status 2 "indexer without --db"
expect_file_contains "$TMP/err" "--db is required" "names the missing option"
run indexer --db "$TMP/db" frobnicate
expect_status 2 "unknown subcommand"
run searcher --db "$TMP/db" --limit many x
expect_status 2 "non-numeric --limit"
run searcher --db "$TMP/db" --limit 5000 x
expect_status 2 "--limit over the cap"
finish

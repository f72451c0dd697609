#!/usr/bin/env bash
# import --jobs N into a new or empty database: shards indexed at once and
# merged give the same database, and the same counts, as one writer taking
# the files in order, duplicates across shards included; a failure leaves
# nothing behind.
. "$(dirname "$0")/lib.sh"
MAKE_BATCH="$MORGUE_SOURCE_DIR/tests/e2e/make_batch.py"
python3 "$MAKE_BATCH" "$TMP/a.rss" 200 a
python3 "$MAKE_BATCH" "$TMP/b.rss" 200 b
cp "$TMP/a.rss" "$TMP/a-again.rss"
# The same items with ten titles changed: updates of articles in an earlier shard.
sed 's/Batch a story \([0-9]\) /Batch a story \1 revised /' "$TMP/a.rss" >"$TMP/a-revised.rss"
files=("$DATA/huffpost-sample.rss" "$TMP/a.rss" "$TMP/b.rss" "$TMP/a-again.rss" "$TMP/a-revised.rss")

# "NEW TOTAL" from an import's summary line.
new_and_total() {
    [[ $1 =~ ([0-9]+)\ articles\ new,\ ([0-9]+)\ updated,\ ([0-9]+)\ unchanged ]] &&
        echo "${BASH_REMATCH[1]} $((BASH_REMATCH[1] + BASH_REMATCH[2] + BASH_REMATCH[3]))"
}

# Every stored field of every article, in an order that does not depend on docids.

run indexer --db "$TMP/one" import "${files[@]}"
expect_status 0 "one writer"
summary=$(tail -1 "$TMP/out")
expect_eq "morgue-indexer: 5 files indexed, 0 failed; 700 articles new, 10 updated, 390 unchanged; 700 in the database" \
    "$summary" "one writer's counts"
articles "$TMP/one" >"$TMP/one.jsonl"
for jobs in 2 3 5; do
    run indexer --db "$TMP/j$jobs" import --jobs "$jobs" "${files[@]}"
    expect_status 0 "--jobs $jobs"
    # New articles are counted as one writer counts them.  An article in
    # several shards is counted updated or unchanged by comparing its last
    # copies, which can differ from one writer's count of each copy in turn.
    expect_eq "$(new_and_total "$summary")" "$(new_and_total "$(tail -1 "$TMP/out")")" "--jobs $jobs: new and total counts"
    articles "$TMP/j$jobs" | cmp -s - "$TMP/one.jsonl" || fail "--jobs $jobs: the articles differ from one writer's"
    checks=$((checks + 1))
    expect_eq "$(searcher --db "$TMP/one" --json --facet columnist,topic,year 'story OR trump' | python3 -c 'import json,sys; print(json.load(sys.stdin)["facets"])')" \
        "$(searcher --db "$TMP/j$jobs" --json --facet columnist,topic,year 'story OR trump' | python3 -c 'import json,sys; print(json.load(sys.stdin)["facets"])')" \
        "--jobs $jobs: the same facet counts"
    expect_eq "" "$(ls -d "$TMP"/j$jobs.* 2>/dev/null | grep -v '\.lock$')" "--jobs $jobs: no shard or generation left"
    indexer --db "$TMP/j$jobs" check >/dev/null || fail "--jobs $jobs: check failed"
done
# A load larger than a shard (here a byte: one file a shard) is cut into more
# shards than processes, each process building several in turn, and a
# killed run's shards are cleared whatever their number.
mkdir -p "$TMP/many.shard7" "$TMP/many.shard12"
MORGUE_SHARD_BYTES=1 run indexer --db "$TMP/many" import --jobs 2 "${files[@]}"
expect_status 0 "one shard a file"
expect_eq "$(new_and_total "$summary")" "$(new_and_total "$(tail -1 "$TMP/out")")" "one shard a file: new and total counts"
articles "$TMP/many" | cmp -s - "$TMP/one.jsonl" || fail "one shard a file: the articles differ from one writer's"
checks=$((checks + 1))
expect_eq "" "$(ls -d "$TMP"/many.* 2>/dev/null | grep -v '\.lock$')" "one shard a file: no shard left, old or new"
expect_eq "$(searcher --db "$TMP/one" --count 'revised')" "$(searcher --db "$TMP/many" --count 'revised')" "one shard a file: the revised titles won"
expect_eq "$(searcher --db "$TMP/one" --count 'revised')" "$(searcher --db "$TMP/j2" --count 'revised')" "the revised titles won"
expect_eq 10 "$(searcher --db "$TMP/j2" --count 'revised')" "ten revised titles"
# The merged database is compacted, so nightly's growth rule starts from it.
indexer --db "$TMP/j2" stats --json >"$TMP/stats.json"
expect_file_lacks "$TMP/stats.json" '"compacted_bytes": null' "the merged database counts as compacted"

# Into a database with articles, --jobs changes nothing: one writer, one transaction.
run indexer --db "$TMP/one" import --jobs 2 "$TMP/b.rss" "$DATA/opinion-bylines.rss"
expect_status 0 "--jobs into a database with articles"
expect_file_contains "$TMP/out" "200 unchanged" "the existing articles were found"

# A file that does not parse is reported; the others are indexed (exit 1).
printf '<rss><channel><item>' >"$TMP/broken.rss"
run indexer --db "$TMP/partial" import --jobs 2 "$TMP/a.rss" "$TMP/broken.rss" "$TMP/b.rss"
expect_status 1 "a broken file among others"
expect_file_contains "$TMP/err" "broken.rss" "the broken file is named"
expect_eq 400 "$(doc_count "$TMP/partial")" "the other files indexed"

# A shard that cannot be written: the import fails with exit 3 and the
# database (here empty, with metadata) is as it was, with nothing left beside it.
indexer --db "$TMP/empty" import "$TMP/broken.rss" 2>/dev/null
run bash -c "trap '' XFSZ; ulimit -f 300; exec '$MORGUE_INDEXER' --db '$TMP/empty' import --jobs 2 ${files[*]}"
expect_status 3 "a full disk during a bulk import"
expect_file_contains "$TMP/err" "import failed" "the failure is reported"
expect_file_contains "$TMP/err" "the database is unchanged" "and what it means"
expect_eq 0 "$(doc_count "$TMP/empty")" "the database is unchanged"
expect_eq "" "$(ls -d "$TMP"/empty.* 2>/dev/null | grep -v '\.lock$')" "no shard or generation left"
# The same into the empty database with room: the merged generation replaces it.
run indexer --db "$TMP/empty" -q import --jobs 2 "${files[@]}"
expect_status 0 "a bulk import into an existing empty database"
expect_eq 700 "$(doc_count "$TMP/empty")" "the merged generation replaced it"
articles "$TMP/empty" | cmp -s - "$TMP/one.jsonl" || fail "the replaced database's articles differ from one writer's"
checks=$((checks + 1))

# The run lock is held by the bulk import: a second writer is turned away.
python3 "$MAKE_BATCH" "$TMP/big.rss" 3000 big
cp "$TMP/big.rss" "$TMP/big2.rss"
indexer --db "$TMP/locked" -q import --jobs 2 "$TMP/big.rss" "$TMP/big2.rss" &
bulk=$!
wait_for_text /proc/$bulk/cmdline import # started
sleep 0.3
run indexer --db "$TMP/locked" import "$TMP/a.rss"
expect_status 4 "a second writer during a bulk import"
wait $bulk || fail "the bulk import failed"
expect_eq 3000 "$(doc_count "$TMP/locked")" "the bulk import finished"

# A bulk import killed part-way: its writers die with it, so the lock is free
# at once, the database was never created, and the next run clears the shards.
"$MORGUE_INDEXER" --db "$TMP/killed" -q import --jobs 2 "$TMP/big.rss" "$TMP/big2.rss" &
bulk=$!
for _ in $(seq 600); do [[ -d $TMP/killed.shard1 ]] && break; sleep 0.05; done
kill -TERM $bulk
wait $bulk
# Killed with the parent, not finishing their shards (which takes seconds).
for _ in $(seq 10); do pgrep -f "db $TMP/killed" >/dev/null || break; sleep 0.05; done
expect_eq "" "$(pgrep -f "db $TMP/killed")" "no writer outlives the killed import"
expect_eq "" "$(ls -d "$TMP/killed" 2>/dev/null)" "the database was never created"
run indexer --db "$TMP/killed" import --jobs 2 "$TMP/a.rss" "$TMP/b.rss"
expect_status 0 "the next import runs at once"
expect_eq 400 "$(doc_count "$TMP/killed")" "and indexes"
expect_eq "" "$(ls -d "$TMP"/killed.* 2>/dev/null | grep -v '\.lock$')" "the old shards are gone"
finish

#!/usr/bin/env bash
# The operator's commands: nightly (lock, fetch, compaction, log lines,
# summary, JSON), stats, check, compact, export/import, rebuild.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
start_feed_server
printf '%s/feeds/huffpost-sample.rss\n%s/feeds/taipei-times-editorials.rss\n%s/status/500\n' "$S" "$S" "$S" >"$TMP/feeds.txt"

# nightly: every line stamped, a summary last; the first run compacts (no
# compaction recorded yet), the second does not (nothing grew).
run indexer --db "$DB" nightly --feeds "$TMP/feeds.txt"
expect_status 1 "nightly with one failing feed"
expect_file_contains "$TMP/out" "compacted:" "first nightly compacts"
last=$(tail -1 "$TMP/out")
expect_eq 1 "$([[ $last =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\ morgue-indexer:\ nightly:\ done\ with\ failures ]] && echo 1)" "summary line, stamped: $last"
expect_file_contains "$TMP/out" "3 feeds (2 fetched, 0 not modified, 1 failed); 304 new articles; compacted; 304 in the database" "summary numbers, on stdout"
run indexer --db "$DB" nightly --json --feeds "$TMP/feeds.txt"
expect_status 1 "second nightly"
expect_eq "3 2 None 304 1" "$(python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["feeds"], j["not_modified"], j["compacted"], j["documents"], j["exit_code"])' <"$TMP/out")" "nightly --json: 304s, no compaction"
run indexer --db "$DB" nightly --compact-growth 0 --feeds "$TMP/feeds.txt"
expect_file_contains "$TMP/out" "compacted:" "--compact-growth 0 compacts every time"

# stats and check.
run indexer --db "$DB" stats --json
expect_status 0 "stats"
expect_eq "304 2018 2025 Mary Papenfuss Politics 3 1" "$(python3 -c '
import json,sys
j = json.load(sys.stdin)
failing = [f for f in j["feeds"] if f["failures"]]
print(j["documents"], j["first_date"][:4], j["last_date"][:4], j["columnists"][0]["value"], j["topics"][0]["value"], len(j["feeds"]), len(failing))' <"$TMP/out")" "stats --json"
run indexer --db "$DB" stats
expect_file_contains "$TMP/out" "documents: 304" "stats text"
expect_file_contains "$TMP/out" "status 500, 3 consecutive failures" "stats shows failing feeds"
run indexer --db "$DB" check
expect_status 0 "check an intact database"
expect_file_contains "$TMP/out" "intact (304 documents)" "check says intact"

# compact keeps every article and its docid.
before=$(searcher --db "$DB" --json --limit 50 trump | python3 -c 'import json,sys; print([(r["docid"], r["title"]) for r in json.load(sys.stdin)["results"]])')
run indexer --db "$DB" compact
expect_status 0 "compact"
expect_eq "$before" "$(searcher --db "$DB" --json --limit 50 trump | python3 -c 'import json,sys; print([(r["docid"], r["title"]) for r in json.load(sys.stdin)["results"]])')" "the same results and docids after compaction"
expect_eq "" "$(ls -d "$DB".new 2>/dev/null)" "no generation left behind"

# export, then import into an empty database: the same answers.
run indexer --db "$DB" export --jsonl -o "$TMP/backup.jsonl"
expect_status 0 "export"
expect_eq 305 "$(wc -l <"$TMP/backup.jsonl")" "a header and one line per article"
run indexer --db "$TMP/restored" import --jsonl "$TMP/backup.jsonl"
expect_status 0 "import --jsonl"
answers() { # db: results of a query set, with scores
    for q in trump anime 蔡英文 'columnist:"Lee Moran"' 'topic:politics year:2020' '"prime minister"' 'tax OR budget' 'date:2019..2020 election'; do
        searcher --db "$1" --json --limit 20 --facet columnist,topic,year "$q" |
            python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["total"], [(r["title"], round(r["score"], 6), r["snippet"]) for r in j["results"]], j["facets"])'
    done
}
answers "$DB" >"$TMP/a1"
answers "$TMP/restored" >"$TMP/a2"
checks=$((checks + 1))
diff "$TMP/a1" "$TMP/a2" >&2 || fail "export + import: the same results, scores, snippets and facets"
indexer --db "$TMP/restored" export --jsonl >"$TMP/again.jsonl"
checks=$((checks + 1))
cmp -s "$TMP/backup.jsonl" "$TMP/again.jsonl" || fail "an export of the restored database equals the backup"
run indexer --db "$TMP/restored" feeds
expect_file_contains "$TMP/out" "status 500, 3 consecutive failures" "feed states come with the backup"
printf '{"format": "morgue-export"' >"$TMP/bad.jsonl"
run indexer --db "$TMP/bad-db" import --jsonl "$TMP/bad.jsonl"
expect_status 2 "a broken export"
expect_eq "" "$(ls -d "$TMP/bad-db" 2>/dev/null)" "nothing created from a broken export"
head -1 "$TMP/backup.jsonl" >"$TMP/bad2.jsonl"
echo '{"id": "x"}' >>"$TMP/bad2.jsonl"
run indexer --db "$TMP/bad-db2" import --jsonl "$TMP/bad2.jsonl"
expect_file_contains "$TMP/err" "morgue-indexer: $TMP/bad2.jsonl:2: not an exported article: no date; nothing restored" "names file and line"
expect_eq "" "$(ls -d "$TMP/bad-db2" "$TMP/bad-db2.new" 2>/dev/null)" "a failed restore leaves nothing behind"
# Into a database that has the articles: one transaction, nothing changes.
run indexer --db "$TMP/restored" import --jsonl "$TMP/backup.jsonl"
expect_file_contains "$TMP/out" "304 articles: 0 new, 0 updated, 304 unchanged" "restore over itself"
# A large restore commits in batches (of 5000) into a new generation.
python3 "$MORGUE_SOURCE_DIR/tests/e2e/make_batch.py" "$TMP/large.rss" 6000 large
indexer --db "$TMP/large" -q import "$TMP/large.rss"
indexer --db "$TMP/large" export --jsonl -o "$TMP/large.jsonl"
run indexer --db "$TMP/large-restored" import --jsonl "$TMP/large.jsonl"
expect_status 0 "a 6,000-article restore"
expect_eq 6000 "$(doc_count "$TMP/large-restored")" "every article restored"
expect_eq "$(searcher --db "$TMP/large" --count harbour)" "$(searcher --db "$TMP/large-restored" --count harbour)" "the same answers"
indexer --db "$TMP/large-restored" export --jsonl >"$TMP/large-again.jsonl"
checks=$((checks + 1))
cmp -s "$TMP/large.jsonl" "$TMP/large-again.jsonl" || fail "the large export round-trips byte for byte"

# rebuild: from the stored originals alone (the feed file is gone), with a
# changed topic alias file: topics are re-derived, nothing is lost.
cp "$DATA/bloomberg-opinion.atom" "$TMP/gone.atom"
indexer --db "$DB" -q import "$TMP/gone.atom"
rm "$TMP/gone.atom"
count=$(doc_count "$DB")
captured() { indexer --db "$DB" export --jsonl | tail -n +2 | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["id"], a.get("captured", "none"))' | sort; }
captured >"$TMP/captured-before"
printf 'Opinion Columns | Opinion\n' >"$TMP/aliases.txt"
run indexer --db "$DB" --topic-aliases "$TMP/aliases.txt" rebuild
expect_status 0 "rebuild"
expect_file_contains "$TMP/out" "re-read from their original item, 0 kept as stored" "every item re-read"
expect_eq "$count" "$(doc_count "$DB")" "no article lost"
expect_eq "$(cat "$TMP/captured-before")" "$(captured)" "each article keeps when it was captured"
expect_file_lacks "$TMP/captured-before" " none" "every imported article has its capture time"
expect_eq "Japan’s anime artists deserve better than AI slop" "$(titles "$DB" anime | head -1)" "an article whose feed is gone is still there"
run searcher --db "$DB" --count 'topic:"Opinion Columns"'
expect_eq 1 "$(($(cat "$TMP/out") > 0))" "the new alias applies to old articles"
run indexer --db "$DB" check
expect_status 0 "check after rebuild"

# A damaged database: check says so, exit 3.
cp -r "$DB" "$TMP/damaged"
python3 - "$TMP/damaged/postlist.glass" <<'PY'
import sys
import os
size = os.path.getsize(sys.argv[1])
with open(sys.argv[1], "r+b") as f:
    for block in range(1, size // 8192):
        f.seek(block * 8192)
        f.write(b"\xff" * 32)
PY
run indexer --db "$TMP/damaged" check
expect_status 3 "check a damaged database"
expect_file_contains "$TMP/err" "damaged" "check reports damage"
finish

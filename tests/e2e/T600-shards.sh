#!/usr/bin/env bash
# An archive of several shards (shards.hpp): written by import (one writer
# and --jobs), fetch and rebuild --shards, each article in the shard its id
# hashes to; searched as one database, with the same results, scores and
# facet counts as one database holding the same articles; compact, check,
# stats and export work on the whole of it and name the shard at fault.
. "$(dirname "$0")/lib.sh"
MAKE_BATCH="$MORGUE_SOURCE_DIR/tests/e2e/make_batch.py"
python3 "$MAKE_BATCH" "$TMP/a.rss" 300 a
python3 "$MAKE_BATCH" "$TMP/b.rss" 300 b
sed 's/Batch a story \([0-9]\) /Batch a story \1 revised /' "$TMP/a.rss" >"$TMP/a-revised.rss"
files=("$DATA/huffpost-sample.rss" "$DATA/opinion-bylines.rss" "$DATA/taipei-times-editorials.rss"
    "$TMP/a.rss" "$TMP/b.rss" "$TMP/a-revised.rss")
partial() { python3 -c 'import json,sys; print(json.load(sys.stdin).get("partial", False))'; }

run indexer --db "$TMP/one" import "${files[@]}"
expect_status 0 "one database"
one_summary=$(tail -1 "$TMP/out")
articles "$TMP/one" >"$TMP/one.jsonl"

# One writer into a new archive of 4 shards: the same articles and counts.
run indexer --db "$TMP/four" import --shards 4 "${files[@]}"
expect_status 0 "import --shards 4"
expect_eq "$one_summary" "$(tail -1 "$TMP/out")" "one writer's counts, sharded"
expect_file_contains "$TMP/four/XAPIANDB" "auto shard3" "the stub lists the shards"
articles "$TMP/four" | cmp -s - "$TMP/one.jsonl" || fail "4 shards: the articles differ from one database's"
checks=$((checks + 1))
# Xapian's own tools read the archive as one database.
expect_eq "$(doc_count "$TMP/one")" "$(xapian-delve "$TMP/four" | sed -n 's/^number of documents = //p')" "xapian-delve reads the stub"
for k in 0 1 2 3; do
    n=$(xapian-delve "$TMP/four/shard$k" | sed -n 's/^number of documents = //p')
    [[ $n -gt 50 ]] || fail "shard $k holds $n articles: not spread"
    checks=$((checks + 1))
done

# Parallel: --jobs 2 into 4 shards, duplicates and updates across runs included.
run indexer --db "$TMP/four-jobs" import --jobs 2 --shards 4 "${files[@]}"
expect_status 0 "import --jobs 2 --shards 4"
articles "$TMP/four-jobs" | cmp -s - "$TMP/one.jsonl" || fail "--jobs into shards: the articles differ"
checks=$((checks + 1))
expect_eq "" "$(ls -d "$TMP"/four-jobs.* 2>/dev/null | grep -v '\.lock$')" "--jobs into shards: nothing left beside it"
expect_eq 4 "$(grep -c '^auto shard' "$TMP/four-jobs/XAPIANDB")" "--jobs into shards: 4 shards"

# Updates land where the first copy is: re-importing changes nothing.
run indexer --db "$TMP/four" import "${files[@]}"
expect_file_contains "$TMP/out" "0 articles new" "re-import into shards finds every article"
expect_eq "$(doc_count "$TMP/one")" "$(doc_count "$TMP/four")" "no article twice"
# --shards on an archive with articles: re-sharding is rebuild's.
run indexer --db "$TMP/four" import --shards 2 "$TMP/a.rss"
expect_status 2 "--shards on a full archive"
expect_file_contains "$TMP/err" "re-shard it with rebuild --shards 2" "says how to re-shard"

# Searching: the same answers as one database, also with every shard remote
# (below): results, scores, totals, facets, sorting, recency, collapse.
for q in "story" "trump OR taiwan" "columnist:thorbecke" "revised" "batch -story" "trunp" "stor*" "b* OR title:rev* -tai*"; do
    for opts in "--facet columnist,topic,year" "--recency 30" "--sort newest" "--collapse" "--offset 5"; do
        printf '%s\t%s\n' "$opts" "$q"
    done
done >"$TMP/queries.tsv"
# Relevance feedback (three words or more) and --similar read the top
# articles' terms: from a remote shard, indexed again from the stored article.
printf '\t%s\n' "trump white house statement" "climate change policy" "trump taiwan story update" >>"$TMP/queries.tsv"
printf -- '--similar\t%s\n' story trump revised >>"$TMP/queries.tsv"
python3 "$MORGUE_SOURCE_DIR/tests/e2e/shard_equivalence.py" "$MORGUE_SEARCHER" /dev/null "$TMP/queries.tsv" \
    one="$TMP/one" four="$TMP/four" >"$TMP/equivalence.txt" 2>&1 ||
    fail "4 shards answer differently: $(tail -20 "$TMP/equivalence.txt")"
checks=$((checks + 1))

# serve DIR: xapian-tcpsrv serving DIR on a free loopback port ($port),
# stopped when the test ends.  In a session of its own: when stopped, it
# signals its whole process group, which would otherwise be this test's
# (and ctest's).
serve() {
    [[ -n ${2:-} ]] && port=$2 ||
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    : >"$TMP/tcpsrv-$port.log"
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$1" >"$TMP/tcpsrv-$port.log" 2>&1 &
    server=$!
    wait_for_text "$TMP/tcpsrv-$port.log" "Listening"
}

# Remote shards: the same archive, shards 1-3 served by xapian-tcpsrv,
# listed in a stub as Xapian lists them.  The first stays local, as
# docs/scaling.md advises: it holds the spelling data, which the remote
# backend does not serve.
mkdir -p "$TMP/remote"
echo "auto $TMP/four-jobs/shard0" >"$TMP/remote/XAPIANDB"
servers=()
for k in 1 2 3; do
    serve "$TMP/four-jobs/shard$k"
    servers+=("$server:$port")
    echo "remote 127.0.0.1:$port" >>"$TMP/remote/XAPIANDB"
done
python3 "$MORGUE_SOURCE_DIR/tests/e2e/shard_equivalence.py" "$MORGUE_SEARCHER" /dev/null "$TMP/queries.tsv" \
    one="$TMP/one" four="$TMP/four-jobs" remote="$TMP/remote" >"$TMP/equivalence.txt" 2>&1 ||
    fail "remote shards answer differently: $(tail -20 "$TMP/equivalence.txt")"
checks=$((checks + 1))
run indexer --db "$TMP/remote" stats
expect_status 0 "stats of remote shards"
expect_file_contains "$TMP/out" "shard remote 127.0.0.1:" "stats names remote shards"

# A remote shard that is down: searches answer from the others and say so
# (JSON partial, a warning line, a line on the page); --all-shards and
# missing_shards = error make it an error; the indexer exits 3 before
# writing anything, naming it.  Back up, it is used again.
all_total=$(searcher --db "$TMP/remote" --json story | json_total)
down=${servers[1]}
kill "${down%%:*}"
wait "${down%%:*}" 2>/dev/null
down_port=${down##*:}
run searcher --db "$TMP/remote" --json story
expect_status 0 "a shard down: still searched"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["partial"] is True and len(r["missing_shards"]) == 1 and r["missing_shards"][0].startswith("remote 127.0.0.1:" + sys.argv[2]) and 0 < r["total"] < int(sys.argv[3]), r' \
    "$TMP/out" "$down_port" "$all_total" || fail "a shard down: partial results naming it: $(cat "$TMP/out")"
checks=$((checks + 1))
run searcher --db "$TMP/remote" story
expect_file_contains "$TMP/out" "warning: shard remote 127.0.0.1:$down_port" "a shard down: the text says so"
run searcher --db "$TMP/remote" --all-shards story
expect_status 3 "a shard down, --all-shards"
expect_file_contains "$TMP/err" "shard remote 127.0.0.1:$down_port" "--all-shards names the shard"
run env GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET SCRIPT_NAME=/search QUERY_STRING=q=story \
    MORGUE_DB="$TMP/remote" MORGUE_CONFIG=/dev/null "$MORGUE_SEARCHER"
expect_file_contains "$TMP/out" "Part of the archive cannot be reached just now" "a shard down: the page says so"
expect_file_contains "$TMP/err" "shard remote 127.0.0.1:$down_port" "a shard down: the server's log names it"
printf 'missing_shards = error\n' >"$TMP/strict.conf"
run env GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET SCRIPT_NAME=/search QUERY_STRING=q=story \
    MORGUE_DB="$TMP/remote" MORGUE_CONFIG="$TMP/strict.conf" "$MORGUE_SEARCHER"
expect_file_lacks "$TMP/out" "Status: 200" "missing_shards = error: no partial page"
before=$(xapian-delve "$TMP/four-jobs/shard0" | sed -n 's/^number of documents = //p')
run indexer --db "$TMP/remote" import "$TMP/b.rss"
expect_status 3 "import with a shard down"
expect_file_contains "$TMP/err" "shard remote 127.0.0.1:$down_port" "the indexer names the shard down"
expect_eq "$before" "$(xapian-delve "$TMP/four-jobs/shard0" | sed -n 's/^number of documents = //p')" "nothing written with a shard down"
# A shard that accepts connections and never answers: left out once its
# time (half of --timeout) is up; never a hang.
python3 -c '
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(8); held = []
while True: held.append(s.accept()[0])' "$down_port" &
silent=$!
run searcher --db "$TMP/remote" --json --timeout 2 story
expect_status 0 "a silent shard: still searched"
expect_eq True "$(partial <"$TMP/out")" "a silent shard is left out"
kill "$silent"
wait "$silent" 2>/dev/null
serve "$TMP/four-jobs/shard2" "$down_port"
run searcher --db "$TMP/remote" --json story
expect_eq False "$(partial <"$TMP/out")" "the shard back: used again"
expect_eq "$all_total" "$(json_total <"$TMP/out")" "the shard back: every article found"

# The page as a resident FastCGI process: a shard that goes down is left
# out, and once it is back it is used again without a restart (the process
# tries missing shards again every 5 s; waited for, at most a minute).
. "$(dirname "$0")/cgi_server.sh"
MORGUE_PAGE_MODE=fastcgi start_cgi_server "$TMP/remote"
page_json() { curl -s "$BASE/search?q=story&format=json"; }
expect_eq False "$(page_json | partial)" "FastCGI: every shard"
kill "$server"
wait "$server" 2>/dev/null
expect_eq True "$(page_json | partial)" "FastCGI: a shard down is left out"
expect_file_contains "$SITE/error.log" "shard remote 127.0.0.1:$down_port" "FastCGI: its log names the shard"
serve "$TMP/four-jobs/shard2" "$down_port"
for _ in $(seq 600); do
    [[ $(page_json | partial) == False ]] && break
    sleep 0.1
done
expect_eq False "$(page_json | partial)" "FastCGI: the shard back is used again, no restart"
expect_eq "$all_total" "$(page_json | json_total)" "FastCGI: the shard back, every article"
stop_cgi_server

# stats, check, compact and export see the whole archive.
run indexer --db "$TMP/four" stats
expect_file_contains "$TMP/out" "4 shards" "stats says how many shards"
expect_file_contains "$TMP/out" "shard $TMP/four/shard2:" "stats lists each shard"
indexer --db "$TMP/four" stats --json | python3 -c 'import json,sys; j=json.load(sys.stdin); assert len(j["shards"]) == 4 and sum(s["documents"] for s in j["shards"]) == j["documents"], j' ||
    fail "stats --json: the shards' documents add up"
run indexer --db "$TMP/four" check
expect_status 0 "check a sharded archive"
run indexer --db "$TMP/four" compact
expect_status 0 "compact a sharded archive"
expect_eq 4 "$(grep -c '^auto shard' "$TMP/four/XAPIANDB")" "compacted: still 4 shards"
articles "$TMP/four" | cmp -s - "$TMP/one.jsonl" || fail "compacted: the articles changed"
checks=$((checks + 1))
expect_eq "" "$(ls -d "$TMP"/four.* 2>/dev/null | grep -v '\.lock$')" "compacted: no generation left"

# rebuild --shards re-shards into a new generation: 4 -> 3 -> 1 -> 2, each
# holding what a rebuild of the one database holds.
indexer --db "$TMP/one" -q rebuild || fail "rebuild of one database"
articles "$TMP/one" >"$TMP/one-rebuilt.jsonl"
for n in 3 1 2; do
    run indexer --db "$TMP/four" rebuild --shards "$n"
    expect_status 0 "rebuild --shards $n"
    articles "$TMP/four" | cmp -s - "$TMP/one-rebuilt.jsonl" || fail "rebuild --shards $n: not what one database's rebuild holds"
    checks=$((checks + 1))
done
expect_eq 2 "$(grep -c '^auto shard' "$TMP/four/XAPIANDB")" "rebuilt into 2 shards"
run indexer --db "$TMP/four" import "$TMP/a-revised.rss"
expect_file_contains "$TMP/out" "0 new, 0 updated, 300 unchanged" "rebuilt shards route as their ids hash"

# An edited shard list is refused by the writer; a damaged shard is named by check.
kill $(jobs -p) 2>/dev/null # the remote shards' servers: they hold four-jobs open
cp "$TMP/four-jobs/XAPIANDB" "$TMP/stub"
printf 'auto shard1\nauto shard0\nauto shard2\nauto shard3\n' >"$TMP/four-jobs/XAPIANDB"
run indexer --db "$TMP/four-jobs" import "$TMP/a.rss"
expect_status 3 "a reordered shard list"
expect_file_contains "$TMP/err" "the shard list was edited" "says the list was edited"
cp "$TMP/stub" "$TMP/four-jobs/XAPIANDB"
run indexer --db "$TMP/four-jobs" check
expect_status 0 "check before damage"
printf 'garbage' >"$TMP/four-jobs/shard1/postlist.glass"
run indexer --db "$TMP/four-jobs" check
expect_status 3 "check a damaged shard"
expect_file_contains "$TMP/err" "shard $TMP/four-jobs/shard1" "check names the damaged shard"

# A local shard that is missing: searches go on without it (or fail with
# --all-shards), maintenance fails, naming it.
run indexer --db "$TMP/gone" import --shards 2 "$TMP/a.rss"
rm -rf "$TMP/gone/shard1"
run searcher --db "$TMP/gone" story
expect_status 0 "search with a shard missing: the others'"
expect_file_contains "$TMP/out" "warning: shard $TMP/gone/shard1" "the missing shard is named"
run searcher --db "$TMP/gone" --all-shards story
expect_status 3 "search with a shard missing, --all-shards"
expect_file_contains "$TMP/err" "shard $TMP/gone/shard1" "the missing shard is named"
run indexer --db "$TMP/gone" stats
expect_status 3 "stats with a shard missing"
expect_file_contains "$TMP/err" "shard $TMP/gone/shard1" "stats names the missing shard"

# At scale: 21,578 Reuters stories (read from ../shared, never copied) as
# one database and as 4 shards, 200 queries of every kind compared.
if [[ -d $MORGUE_SOURCE_DIR/../shared/data/reuters21578 ]]; then
    python3 "$MORGUE_SOURCE_DIR/bench/load_corpus.py" reuters "$TMP/reuters.jsonl"
    python3 "$MORGUE_SOURCE_DIR/bench/jsonl2rss.py" "$TMP/reuters.jsonl" "$TMP/reuters" 2000
    indexer --db "$TMP/r1" -q import --jobs 2 "$TMP"/reuters/*.rss || fail "reuters: one database"
    indexer --db "$TMP/r4" -q import --jobs 2 --shards 4 "$TMP"/reuters/*.rss || fail "reuters: 4 shards"
    queries=200
    [[ -n ${MORGUE_SANITIZED:-} ]] && queries=46 # every kind twice: the sanitizers are slow
    python3 "$MORGUE_SOURCE_DIR/tests/e2e/shard_equivalence.py" "$MORGUE_SEARCHER" "$TMP/reuters.jsonl" "$queries" \
        one="$TMP/r1" four="$TMP/r4" >"$TMP/equivalence.txt" 2>&1 ||
        fail "reuters: the layouts answer differently: $(tail -20 "$TMP/equivalence.txt")"
    checks=$((checks + 1))
fi

echo "$checks checks, $failures failures"
[[ $failures == 0 ]]

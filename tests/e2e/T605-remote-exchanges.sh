#!/usr/bin/env bash
# What a search asks of remote shards, counted on the wire: each shard's
# xapian-tcpsrv behind a proxy that logs every message (xapian_wire.py).
# A search reads each document once and asks each value statistic once; a
# resident page asks the statistics and the synonyms once a revision, and
# answers a search it has answered from memory, until a shard changes:
# then what it answers holds the change.
. "$(dirname "$0")/lib.sh"
python3 "$MORGUE_SOURCE_DIR/tests/e2e/make_batch.py" "$TMP/a.rss" 200 a
run indexer --db "$TMP/archive" import --shards 2 "$DATA/huffpost-sample.rss" \
    "$DATA/opinion-bylines.rss" "$TMP/a.rss"
expect_status 0 "import --shards 2"

mkdir -p "$TMP/remote" "$TMP/meet"
for k in 0 1; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$TMP/archive/shard$k" >"$TMP/tcpsrv-$k.log" 2>&1 &
    wait_for_text "$TMP/tcpsrv-$k.log" "Listening"
    python3 "$MORGUE_SOURCE_DIR/tests/e2e/xapian_wire.py" "$TMP/proxy-$k" "$port" "$TMP/wire.log" "shard$k" "$TMP/meet" &
    for _ in $(seq 600); do [[ -s $TMP/proxy-$k ]] && break; sleep 0.1; done
    echo "remote 127.0.0.1:$(cat "$TMP/proxy-$k")" >>"$TMP/remote/XAPIANDB"
done

# since LINE: the messages logged after line LINE of the wire log, once the
# proxies have passed them on (a reply follows each request's last one).
since() { tail -n +$(($1 + 1)) "$TMP/wire.log"; }
lines() { wc -l <"$TMP/wire.log"; }
# repeated KIND: the messages of that kind asked twice on one connection.
repeated() { awk -v k="$1" '$2 == k { print $1, $3 }' | sort | uniq -d; }
count() { awk -v k="$1" '$2 == k' | wc -l; }

# The command line: a page of folded copies with facets and dates.
: >"$TMP/wire.log"
run searcher --db "$TMP/remote" --json --collapse --facet columnist,topic,year,language \
    --since 2000-01-01 story
expect_status 0 "a search of remote shards"
[[ $(json_total <"$TMP/out") -gt 10 ]] || fail "the search finds a page: $(head -c 300 "$TMP/out")"
checks=$((checks + 1))
expect_eq "" "$(since 0 | repeated DOCUMENT)" "each document read once"
expect_eq "" "$(since 0 | repeated VALUESTATS)" "each value statistic asked once"
[[ $(since 0 | count DOCUMENT) -ge 10 ]] || fail "the proxy saw the documents read"
checks=$((checks + 1))
# The two shards' documents are read at once, not one shard after the
# other: each proxy holds its first document request until the other has
# one too (xapian_wire.py; a page of articles from both shards).
touch "$TMP/meet/hold"
run searcher --db "$TMP/remote" --json story
rm -f "$TMP"/meet/*
expect_status 0 "a search with the document reads held"
expect_eq False "$(python3 -c 'import json,sys; print(json.load(sys.stdin).get("partial", False))' <"$TMP/out")" \
    "no shard given up while the reads were held"
expect_eq "shard0 met shard1 met" "$(grep ' met$' "$TMP/wire.log" | sort | xargs)" \
    "the shards' documents are read at once"

# The resident page: statistics and synonyms once a revision; a search
# answered before, from memory.
. "$(dirname "$0")/cgi_server.sh"
MORGUE_PAGE_MODE=fastcgi start_cgi_server "$TMP/remote"
page() { curl -s "$BASE/search?q=$1&format=json&since=2000-01-01"; }
page story >"$TMP/first.json"
expect_eq "$(json_total <"$TMP/out")" "$(json_total <"$TMP/first.json")" "the page finds what the command line does"
# Its facets are counted where each shard is, from the fields' codes
# (form_codes.hpp): each shard's spies count slots 301 and 302 (the
# columnist's and the topic's codes; Xapian serialises a slot past 254 as
# ff, then 46 and 47 with the last byte's high bit set), and the counts
# are the forms' own.
spy=$(printf 'Xapian::ValueCountMatchSpy' | od -An -tx1 | tr -d ' \n')
expect_eq 2 "$(grep -c " QUERY .*${spy}02ffae" "$TMP/wire.log")" "the columnist's codes are counted on each shard"
expect_eq 2 "$(grep -c " QUERY .*${spy}02ffaf" "$TMP/wire.log")" "and the topic's"
run searcher --db "$TMP/archive" --json --facet columnist,topic,year --facet-limit 1000 \
    --since 2000-01-01 story
python3 - "$TMP/first.json" "$TMP/out" <<'PY' || fail "the page's facet counts are the forms' own"
import json, sys
page, cli = (json.load(open(f)) for f in sys.argv[1:3])
want = {f: {v["value"]: v["count"] for v in vs} for f, vs in cli["facets"].items()}
got = [(f, v["value"], v["count"]) for f, vs in page["facets"].items() if f in want for v in vs]
bad = [g for g in got if want[g[0]].get(g[1]) != g[2]]
assert len(got) > 5 and not bad, (len(got), bad[:3])
PY
checks=$((checks + 1))
mark=$(lines)
page trump >/dev/null
expect_eq 0 "$(since "$mark" | count VALUESTATS)" "another search asks no value statistic"
expect_eq 0 "$(since "$mark" | count GETMETADATA)" "nor the synonyms"
[[ $(since "$mark" | count QUERY) -gt 0 ]] || fail "another search is searched"
checks=$((checks + 1))
mark=$(lines)
page story >"$TMP/again.json"
expect_eq 0 "$(since "$mark" | count QUERY)" "the same search again: answered from memory"
cmp -s "$TMP/first.json" "$TMP/again.json" ||
    [[ $(json_total <"$TMP/again.json") == $(json_total <"$TMP/first.json") ]] ||
    fail "from memory, the same answer"
checks=$((checks + 1))

# A commit on the shards (written where xapian-tcpsrv serves them from):
# the next answer holds it, from a search, with the statistics asked again.
python3 "$MORGUE_SOURCE_DIR/tests/e2e/make_batch.py" "$TMP/b.rss" 20 b
run indexer --db "$TMP/archive" import "$TMP/b.rss"
expect_status 0 "import into the served shards"
mark=$(lines)
page story >"$TMP/after.json"
expect_eq $(($(json_total <"$TMP/first.json") + 20)) "$(json_total <"$TMP/after.json")" \
    "after a commit, the new articles are found"
[[ $(since "$mark" | count VALUESTATS) -gt 0 ]] || fail "after a commit, the statistics are asked again"
checks=$((checks + 1))
stop_cgi_server
finish

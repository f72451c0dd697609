#!/usr/bin/env bash
# Read replicas (issue 20 item 6), with Xapian's own replication: the master
# indexed with changesets (XAPIAN_MAX_CHANGESETS), xapian-replicate-server on
# loopback, xapian-replicate keeping a replica current while the master is
# indexed, compacted and rebuilt.  A resident FastCGI page on the replica sees
# each replicated revision at the next request, including the full copy that
# follows a generation switch (the replica's stub then names another copy).
# A replica is never written to; a sharded master is replicated shard by shard.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/cgi_server.sh"
ROOT=$TMP/master # what the replication server serves
DB=$ROOT/archive
REPLICA=$TMP/replica
export XAPIAN_MAX_CHANGESETS=10 # Xapian's own switch: the master keeps changesets
mkdir -p "$ROOT"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# In a session of its own, as T600's xapian-tcpsrv (stopped with the test).
setsid xapian-replicate-server --interface 127.0.0.1 --port "$port" "$ROOT" >"$TMP/server.log" 2>&1 &

# replicate MASTER REPLICA: one pass of xapian-replicate (retried while the
# server is not listening yet); its report in $TMP/replicate.log.
replicate() {
    for _ in $(seq 600); do
        xapian-replicate -v --host 127.0.0.1 --port "$port" --master "$1" --one-shot "$2" \
            >"$TMP/replicate.log" 2>&1 && return
        sleep 0.1
    done
    fail "xapian-replicate $1: $(cat "$TMP/replicate.log")"
}
cli_total() { searcher --db "$1" --json -- "$2" | json_total; }
get() { curl -s -o "$TMP/body" -w '%{http_code}' "$BASE/search?$1"; }
page_total() {
    get "q=$1&format=json&collapse=0" >/dev/null
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/body"
}
# same WORD WHAT: the replica's page, the replica and the master agree, on
# WORD and on every article (an empty query).
same() {
    local master
    master=$(cli_total "$DB" "$1")
    expect_eq "$master" "$(cli_total "$REPLICA" "$1")" "$2: the replica (command line)"
    expect_eq "$master" "$(page_total "$1")" "$2: the replica's page"
    expect_eq "$(doc_count "$DB")" "$(page_total "")" "$2: the replica's page, every article"
}

indexer --db "$DB" -q import "$DATA/huffpost-sample.rss"
replicate archive "$REPLICA"
expect_file_contains "$REPLICA/XAPIANDB" "auto replica_" "the replica is Xapian's stub and copy"
MORGUE_PAGE_MODE=fastcgi start_cgi_server "$REPLICA"
same trump "first copy"
expect_eq 300 "$(doc_count "$REPLICA")" "every article replicated"

# A commit travels as a changeset, applied in place.
indexer --db "$DB" -q import "$DATA/taipei-times-editorials.rss" "$DATA/bloomberg-opinion.atom"
replicate archive "$REPLICA"
expect_file_contains "$TMP/replicate.log" "1 changesets" "a commit is one changeset"
same taiwan "after a commit"
expect_eq 1 "$([[ $(page_total taiwan) -gt 0 ]] && echo 1)" "the commit's articles are found"

# compact and rebuild switch generations: another database (its own UUID)
# under the same name, which the replica takes as a full copy into its other
# directory, rewriting its stub.
stub_before=$(grep '^auto' "$REPLICA/XAPIANDB")
indexer --db "$DB" -q compact >/dev/null
indexer --db "$DB" -q import "$DATA/opinion-bylines.rss"
replicate archive "$REPLICA"
expect_file_contains "$TMP/replicate.log" "1 copies" "after compact: a full copy"
expect_eq 1 "$([[ $(grep '^auto' "$REPLICA/XAPIANDB") != "$stub_before" ]] && echo 1)" \
    "the replica's stub names the new copy"
same columnist "after compact and a commit"
indexer --db "$DB" -q import "$DATA/encodings/big5.rss"
replicate archive "$REPLICA"
expect_file_contains "$TMP/replicate.log" "changesets" "the new generation's commits: changesets again"
same anime "a commit into the compacted generation"
indexer --db "$DB" -q rebuild >/dev/null
indexer --db "$DB" -q import "$DATA/languages/tagesblatt-de.rss"
replicate archive "$REPLICA"
same regierung "after rebuild"
expect_eq "$(doc_count "$DB")" "$(doc_count "$REPLICA")" "after rebuild: every article"

# A replica is read only: the indexer refuses it, and writes nothing.
before=$(doc_count "$REPLICA")
for cmd in "import $DATA/huffpost-sample.rss" compact rebuild; do
    run indexer --db "$REPLICA" $cmd
    expect_status 3 "$cmd into a replica"
    expect_file_contains "$TMP/err" "is a replica that xapian-replicate keeps; index its master" \
        "$cmd: says why"
done
expect_eq "$before" "$(doc_count "$REPLICA")" "nothing written into the replica"
replicate archive "$REPLICA"
same trump "replication goes on"

# A stub pointed at another copy while the one it named stays on disk
# unchanged (xapian-replicate removes the old copy, an operator's switch
# need not) is seen at the next request too.
indexer --db "$TMP/blue" -q import "$DATA/bloomberg-opinion.atom"
cp -r "$TMP/blue" "$REPLICA/blue"
cp "$REPLICA/XAPIANDB" "$TMP/stub"
echo "auto blue" >"$REPLICA/XAPIANDB.tmp" && mv "$REPLICA/XAPIANDB.tmp" "$REPLICA/XAPIANDB"
expect_eq 1 "$(page_total "")" "a stub pointed elsewhere: that copy"
cp "$TMP/stub" "$REPLICA/XAPIANDB.tmp" && mv "$REPLICA/XAPIANDB.tmp" "$REPLICA/XAPIANDB"
expect_eq "$(doc_count "$DB")" "$(page_total "")" "pointed back: the replica again"
stop_cgi_server

# A sharded master: each shard is replicated on its own; the replica archive
# is the master's stub beside the shards' replicas.
SHARDED=$ROOT/sharded
indexer --db "$SHARDED" -q import --shards 2 "$DATA/huffpost-sample.rss" "$DATA/taipei-times-editorials.rss"
mkdir -p "$TMP/sharded-replica"
cp "$SHARDED/XAPIANDB" "$TMP/sharded-replica/"
replicate_shards() {
    for k in 0 1; do replicate "sharded/shard$k" "$TMP/sharded-replica/shard$k"; done
}
replicate_shards
for q in trump taiwan "columnist:thorbecke"; do
    expect_eq "$(cli_total "$SHARDED" "$q")" "$(cli_total "$TMP/sharded-replica" "$q")" \
        "sharded replica: $q"
done
indexer --db "$SHARDED" -q import "$DATA/opinion-bylines.rss"
replicate_shards
expect_eq "$(doc_count "$SHARDED")" "$(doc_count "$TMP/sharded-replica")" "sharded replica after a commit"
run indexer --db "$TMP/sharded-replica" import "$DATA/bloomberg-opinion.atom"
expect_status 3 "import into a sharded replica"
expect_file_contains "$TMP/err" "shard0: is a replica" "names the replicated shard"

finish

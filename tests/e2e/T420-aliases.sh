#!/usr/bin/env bash
# No alias of an archive can corrupt it, and a symlinked --db keeps its link:
# the run lock is taken on the real directory (symlinks and .. resolved), and
# compact, rebuild, restores and --jobs imports hold Xapian's own write lock
# on the live database until the switch, so a writer that reaches it by a
# path the run lock cannot see (a bind mount, a plain Xapian writer) stops
# them with exit 4 and nothing changed.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
LINK=$TMP/dblink
indexer --db "$DB" -q import "$DATA/huffpost-sample.rss" || fail "base import"
ln -s db "$LINK"
mkfifo "$TMP/feed.fifo"

# blocked_writer CMD...: starts CMD (an import that reads the FIFO), waits
# until it blocks there with the database open; its pid is in $writer.
blocked_writer() {
    "$@" >"$TMP/writer.out" 2>&1 &
    writer=$!
    for _ in $(seq 600); do
        [[ $(cat /proc/$writer/wchan 2>/dev/null) == wait_for_partner ]] && return
        # unshare runs the writer as its child
        local child
        child=$(pgrep -P "$writer" | head -1)
        [[ -n $child && $(cat /proc/$child/wchan 2>/dev/null) == wait_for_partner ]] && return
        sleep 0.1
    done
    fail "the writer never blocked on its input: $(cat "$TMP/writer.out")"
}
release_writer() {
    timeout 10 cat "$DATA/taipei-times-editorials.rss" >"$TMP/feed.fifo"
    wait "$writer"
    status=$?
    expect_status 0 "the writer finishes"
}
nothing_beside() {
    checks=$((checks + 1))
    [[ ! -e $TMP/db.new && ! -e $TMP/dblink.new ]] || fail "$1: a new generation was left beside the database"
}
count=$(doc_count "$DB")

# 1. A writer through the symlink; compact and rebuild through the real path.
blocked_writer "$MORGUE_INDEXER" --db "$LINK" import "$TMP/feed.fifo"
for cmd in compact rebuild; do
    run indexer --db "$DB" $cmd
    expect_status 4 "$cmd while a writer holds the database through a symlink"
    expect_file_contains "$TMP/err" "another morgue-indexer run is writing this database" "$cmd names the run lock"
    nothing_beside "$cmd refused"
done
# ... and through a path with `..` in it.
mkdir -p "$TMP/sub"
run indexer --db "$TMP/sub/../db" compact
expect_status 4 "compact through a .. path while a writer holds the database"
release_writer
run indexer --db "$DB" check
expect_status 0 "check after the writer's commit"
expect_eq $((count + 4)) "$(doc_count "$DB")" "the writer's articles are all there"

# 2. A writer that is not morgue-indexer (Xapian's lock only).
cat >"$TMP/writer.py" <<'PY'
import sys, time, xapian
db = xapian.WritableDatabase(sys.argv[1], xapian.DB_OPEN)
db.set_metadata("test:foreign", "committed")
open(sys.argv[2], "w").write("open\n")
open(sys.argv[3]).read()  # blocks until the test writes the FIFO
db.commit()
db.close()
PY
# Debian's python3-xapian (not another python3 earlier on PATH).
/usr/bin/python3 "$TMP/writer.py" "$DB" "$TMP/py.ready" "$TMP/feed.fifo" &
py=$!
wait_for_text "$TMP/py.ready" open
[[ -s $TMP/py.ready ]] || { fail "the foreign writer did not start"; finish; }
count=$(doc_count "$DB")
for cmd in compact rebuild; do
    run indexer --db "$LINK" $cmd
    expect_status 4 "$cmd while another program holds Xapian's write lock"
    expect_file_contains "$TMP/err" "another program is writing this database (Xapian's write lock is held)" "$cmd says why"
    nothing_beside "$cmd refused"
done
echo | timeout 10 tee "$TMP/feed.fifo" >/dev/null
wait "$py"
expect_eq 0 "$?" "the foreign writer commits"
expect_eq committed "$(/usr/bin/python3 -c 'import sys, xapian; print(xapian.Database(sys.argv[1]).get_metadata("test:foreign").decode())' "$DB")" "the foreign writer's commit is there"
expect_eq "$count" "$(doc_count "$DB")" "every article after the foreign commit"
run indexer --db "$DB" check
expect_status 0 "check after the foreign commit"

# 3. A writer through a bind mount (another path the run lock cannot know).
mkdir -p "$TMP/mnt"
blocked_writer unshare -m bash -c 'mount --bind "$1" "$2" && exec "$3" --db "$2" import "$4"' _ \
    "$DB" "$TMP/mnt" "$MORGUE_INDEXER" "$TMP/feed.fifo"
run indexer --db "$DB" compact
expect_status 4 "compact while a writer holds the database through a bind mount"
nothing_beside "compact refused (bind mount)"
release_writer
run indexer --db "$DB" check
expect_status 0 "check after the bind-mounted writer"

# 4. Every command that switches generations keeps a symlinked --db a link
# and replaces what it points to.
expect_link() { # description
    checks=$((checks + 1))
    [[ -L $LINK && $(readlink "$LINK") == db && -d $DB && ! -L $DB ]] ||
        fail "$1: $LINK is no longer the symlink to db: $(ls -la "$TMP")"
    nothing_beside "$1"
}
inode() { stat -c %i "$DB"; }
count=$(doc_count "$DB")
before=$(inode)
run indexer --db "$LINK" compact
expect_status 0 "compact through the symlink"
expect_link "compact"
expect_eq 1 "$([[ $(inode) != "$before" ]] && echo 1)" "compact replaced the directory the link points to"
expect_file_contains "$TMP/out" "switched to the new generation" "compact says it switched"
run indexer --db "$DB" stats --json
expect_eq 1 "$(python3 -c 'import json,sys; print(int(json.load(sys.stdin)["compacted_bytes"] is not None))' <"$TMP/out")" "the target holds the compacted generation"
before=$(inode)
run indexer --db "$LINK" rebuild
expect_status 0 "rebuild through the symlink"
expect_link "rebuild"
expect_eq 1 "$([[ $(inode) != "$before" ]] && echo 1)" "rebuild replaced the directory the link points to"
expect_eq "$count" "$(doc_count "$LINK")" "every article after the rebuild"

start_feed_server
echo "$S/feeds/bloomberg-opinion.atom" >"$TMP/feeds.txt"
run indexer --db "$LINK" nightly --compact-growth 0 --feeds "$TMP/feeds.txt"
expect_status 0 "nightly through the symlink"
expect_file_contains "$TMP/out" "compacted:" "nightly compacted"
expect_link "nightly's compaction"

indexer --db "$DB" export --jsonl -o "$TMP/backup.jsonl" || fail "export"
rm -rf "$DB"
echo '<rss version="2.0"><channel><title>empty</title></channel></rss>' >"$TMP/empty.rss"
indexer --db "$DB" -q import "$TMP/empty.rss" || fail "an empty database"
run indexer --db "$LINK" import --jsonl "$TMP/backup.jsonl"
expect_status 0 "restore through the symlink into an empty database"
expect_link "restore"
expect_eq "$(wc -l <"$TMP/backup.jsonl")" "$(($(doc_count "$DB") + 1))" "the restore is in the target"

rm -rf "$DB"
run indexer --db "$LINK" import --jobs 2 "$DATA/huffpost-sample.rss" "$DATA/taipei-times-editorials.rss"
expect_status 0 "--jobs import through a link to a database not there yet"
expect_link "--jobs import"
expect_eq 1 "$([[ $(doc_count "$DB") -gt 300 ]] && echo 1)" "the --jobs import is in the target"
finish

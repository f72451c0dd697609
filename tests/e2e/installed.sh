# Helpers for T500 and T510: the installed programs' whole flow, run from
# PREFIX alone.  Sourced after lib.sh: sets BUILD and SRC (the trees to
# hide) and OUT, a directory outside both (removed at exit).
BUILD=$(cd "$(dirname "$MORGUE_INDEXER")/.." && pwd)
SRC=$(cd "$MORGUE_SOURCE_DIR" && pwd)
OUT=$(mktemp -d /tmp/morgue-installed.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$OUT"' EXIT

# installed_flow PREFIX: import, fetch, nightly, search (synonyms, aliases),
# the CGI page, and a nightly without a schema file, with the source and
# build trees hidden (an empty tmpfs over each, in a mount namespace of our
# own); a check for each.
installed_flow() {
P=$1
mkdir -p "$OUT/data"
cp "$DATA/taipei-times-editorials.rss" "$DATA/bloomberg-opinion.atom" "$DATA/opinion-bylines.rss" \
    "$DATA/huffpost-sample.rss" "$OUT/data/"
python3 "$SRC/tests/e2e/feedserver.py" "$OUT/data" "$OUT/port" "$OUT/requests.log" &
for _ in $(seq 600); do [[ -s $OUT/port ]] && break; sleep 0.1; done
S=http://127.0.0.1:$(cat "$OUT/port")

# Everything below runs where neither tree can be read.
cat >"$OUT/flow.sh" <<FLOW
set -u
export PATH=$P/bin:\$PATH
unset MORGUE_DB MORGUE_SCHEMA
cd /
for tree in "$BUILD" "$SRC"; do mount -t tmpfs none "\$tree" || exit 99; done
[[ -e $SRC/schemas/news.xml ]] && { echo "the source tree is still there"; exit 99; }
step() { echo "== \$*"; }
step help; morgue-indexer --help | grep -c -e "$SRC" -e "$BUILD"
step import; morgue-indexer --db $OUT/db -q import $OUT/data/taipei-times-editorials.rss; echo "rc=\$?"
step fetch; morgue-indexer --db $OUT/db -q fetch $S/feeds/bloomberg-opinion.atom; echo "rc=\$?"
printf '%s\n' $S/feeds/opinion-bylines.rss >$OUT/feeds.txt
step nightly; morgue-indexer --db $OUT/db -q nightly --feeds $OUT/feeds.txt >/dev/null; echo "rc=\$?"
step count; morgue-searcher --db $OUT/db --count ""
step synonym; morgue-searcher --db $OUT/db --count Diaoyu
step alias; morgue-searcher --db $OUT/db --count topic:tech
step cgi
env GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET QUERY_STRING='q=Diaoyu' SCRIPT_NAME=/search \\
    SERVER_NAME=127.0.0.1 SERVER_PORT=8080 MORGUE_DB=$OUT/db MORGUE_CONFIG=/nonexistent \\
    morgue-searcher | grep -e '^Status:' -e "Takaichi" | head -2
step no-schema
rm $P/share/morgue/schemas/news.xml
printf '%s\n' $S/feeds/huffpost-sample.rss >>$OUT/feeds.txt
morgue-indexer --db $OUT/db -q nightly --feeds $OUT/feeds.txt >/dev/null; echo "rc=\$?"
morgue-searcher --db $OUT/db --count topic:comedy
step done
FLOW
if unshare -rm true 2>/dev/null; then
    unshare -rm bash "$OUT/flow.sh" >"$TMP/flow.out" 2>"$TMP/flow.err"
else # no user namespaces here: the trees stay visible, the rest is checked
    echo "T500: unshare -rm is not allowed here: the source and build trees stay visible" >&2
    sed -i 's/^for tree in .*done$/:/; s/^\[\[ -e .* exit 99; }$/:/' "$OUT/flow.sh"
    bash "$OUT/flow.sh" >"$TMP/flow.out" 2>"$TMP/flow.err"
fi
rc=$?
cat "$TMP/flow.out" "$TMP/flow.err" >&2
expect_eq 0 "$rc" "the flow ran in its own mount namespace"
after() { sed -n "/^== $1\$/,/^== /p" "$TMP/flow.out" | sed '1d;$d'; }
expect_eq 0 "$(after help)" "--help names no source or build path"
expect_eq rc=0 "$(after import)" "import, from the installed schema"
expect_eq rc=0 "$(after fetch)" "fetch"
expect_eq rc=0 "$(after nightly)" "nightly"
expect_eq 7 "$(after count)" "every article searchable"
expect_eq 1 "$(after synonym)" "the installed synonyms: Diaoyu finds Diaoyutai"
expect_eq 2 "$(after alias)" "the installed topic aliases: topic:tech finds Technology"
expect_file_contains "$TMP/flow.out" "Status: 200" "the CGI page, from the installed templates"
expect_file_contains "$TMP/flow.out" "Takaichi" "and its results"
expect_eq "rc=0 13" "$(after no-schema | tr '\n' ' ' | sed 's/ $//')" \
    "an existing database needs no schema file: nightly indexes a new feed"
expect_file_contains "$TMP/flow.out" "== done" "the whole flow ran"
}

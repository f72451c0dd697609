#!/usr/bin/env bash
# Unix manners (issue 16 item 4): mistakes answered in Morgue's voice with
# the nearest subcommand or option; global options after the subcommand;
# the page's sort words; NO_COLOR; a progress line only on a terminal and
# never glued to another line; no lock file left behind; the summary always
# on stdout; JSON on one line (--pretty for people), times in ISO 8601 UTC.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
indexer --db "$DB" -q import "$DATA"/*.rss "$DATA"/*.atom

# Mistakes: each answered with one line on stderr and exit 2 (golden file).
: >"$TMP/usage"
usage() { # PROGRAM ARGS...
    local prog=$1
    shift
    "$prog" "$@" >/dev/null 2>"$TMP/e"
    local code=$?
    printf '%s %s\n  exit %s: %s\n' "$(basename "$prog")" "${*//$TMP/TMP}" "$code" "$(cat "$TMP/e")" >>"$TMP/usage"
    checks=$((checks + 1))
    [[ $code == 2 ]] || fail "$*: exit $code, expected 2"
    checks=$((checks + 1))
    [[ $(wc -l <"$TMP/e") == 1 ]] || fail "$*: not one line: $(cat "$TMP/e")"
    grep -qE "^$(basename "$prog"): [a-z\"-]" "$TMP/e" || fail "$*: not in Morgue's voice: $(cat "$TMP/e")"
    ! grep -qE "FAILED|Run with|The following|not in \{|Could not convert|required but received" "$TMP/e" ||
        fail "$*: CLI11's words: $(cat "$TMP/e")"
}
I=$MORGUE_INDEXER
Q=$MORGUE_SEARCHER
usage "$I"
usage "$I" stat
usage "$I" fecth
usage "$I" frobnicate
usage "$I" stats --jsn
usage "$I" --qiet stats
usage "$I" stats --db
usage "$I" import
usage "$I" import --jobs 0 a.rss b.rss
usage "$I" import --jobs many a.rss
usage "$I" fetch --timeout soon x
usage "$I" nightly --compact-growth -5
usage "$I" compact extra
usage "$I" import --language klingonish a.rss
usage "$I" --max-size 0 parse a.rss
usage "$Q" --db "$DB" --lmit 3 x
usage "$Q" --db "$DB" --sort newst x
usage "$Q" --db "$DB" --format xml x
usage "$Q" --db "$DB" --limit lots x
usage "$Q" --db "$DB" --recency 0 x
usage "$Q" --db "$DB" --filter topic x
usage "$Q" --db "$DB" --similar 0
usage "$Q" x
expect_golden cli-usage.txt "$TMP/usage"
run "$I" stats --jobs 2
expect_status 2 "an option of another subcommand"

# Global options after the subcommand, as before it.
run indexer stats --db "$DB"
expect_status 0 "stats --db after the subcommand"
expect_file_contains "$TMP/out" "documents: " "stats printed"
run indexer stats --json --db "$DB" --quiet
expect_status 0 "--quiet after the subcommand"
run indexer --db "$DB" stats
cp "$TMP/out" "$TMP/before"
run indexer stats --db "$DB"
expect_eq "$(cat "$TMP/before")" "$(cat "$TMP/out")" "the same either way"

# --sort: the page's words, the old ones too.
ids() { searcher --db "$DB" --json --limit 5 "$@" taiwan | python3 -c 'import json,sys; print([r["docid"] for r in json.load(sys.stdin)["results"]])'; }
expect_eq "$(ids --sort date)" "$(ids --sort newest)" "--sort newest is --sort date"
expect_eq "$(ids --sort date-asc)" "$(ids --sort oldest)" "--sort oldest is --sort date-asc"
expect_eq "$(ids --sort Newest)" "$(ids --sort newest)" "any case"
[[ $(ids --sort newest) != "$(ids --sort oldest)" ]] || fail "newest and oldest differ"

# Colour: bold matches on a terminal, none with NO_COLOR or TERM=dumb, none in a pipe.
py=$MORGUE_SOURCE_DIR/tests/e2e/pty_run.py
TERM=xterm python3 "$py" "$TMP/raw" "$TMP/screen" "$MORGUE_SEARCHER" --db "$DB" taiwan
expect_file_contains "$TMP/raw" $'\x1b[1m' "a terminal gets bold matches"
TERM=xterm NO_COLOR=1 python3 "$py" "$TMP/raw" "$TMP/screen" "$MORGUE_SEARCHER" --db "$DB" taiwan
expect_file_lacks "$TMP/raw" $'\x1b[' "NO_COLOR: no escapes"
TERM=dumb python3 "$py" "$TMP/raw" "$TMP/screen" "$MORGUE_SEARCHER" --db "$DB" taiwan
expect_file_lacks "$TMP/raw" $'\x1b[' "TERM=dumb: no escapes"
searcher --db "$DB" taiwan >"$TMP/piped"
expect_file_lacks "$TMP/piped" $'\x1b[' "a pipe: no escapes"

# The progress line: drawn on a terminal, cleared before every other line
# and at the end; absent in a pipe.
start_feed_server
printf '%s\n' "$S/feeds/taipei-times-editorials.rss" "$S/lm/bloomberg-opinion.atom" \
    "$S/status/500" "$S/feeds/opinion-bylines.rss" >"$TMP/feeds.txt"
screen_ok() { # WHAT PATTERN-OF-PROGRESS
    checks=$((checks + 2))
    grep -qE "$2" "$TMP/raw" || fail "$1: no progress line on the terminal: $(cat "$TMP/raw")"
    local bad
    bad=$(grep -vE '^(20[0-9-]+T[0-9:]+Z )?morgue-indexer: ' "$TMP/screen"; grep -E 'morgue-indexer: .*morgue-indexer: ' "$TMP/screen")
    [[ -z $bad ]] || fail "$1: lines glued or stray on the screen: $bad"
    checks=$((checks + 1))
    ! grep -qE "$2" "$TMP/screen" || fail "$1: the progress line is left on the screen: $(cat "$TMP/screen")"
}
python3 "$py" "$TMP/raw" "$TMP/screen" "$MORGUE_INDEXER" --db "$TMP/f" fetch --feeds "$TMP/feeds.txt"
screen_ok fetch '[0-9]/4 feeds'
expect_file_contains "$TMP/screen" "4 feeds: 3 fetched" "fetch: the summary is on the screen"
python3 "$py" "$TMP/raw" "$TMP/screen" "$MORGUE_INDEXER" --db "$TMP/n" nightly --feeds "$TMP/feeds.txt"
screen_ok nightly '[0-9]/4 feeds'
python3 "$py" "$TMP/raw" "$TMP/screen" "$MORGUE_INDEXER" --db "$TMP/i" import "$DATA"/*.rss "$DATA"/bad/truncated.rss
screen_ok import '[0-9]/[0-9]+ files'
python3 "$py" "$TMP/raw" "$TMP/screen" "$MORGUE_INDEXER" --db "$TMP/j" import --jobs 2 "$DATA"/*.rss
screen_ok "import --jobs" 'merging 2 shards'
run indexer --db "$TMP/p" fetch --feeds "$TMP/feeds.txt"
expect_file_lacks "$TMP/err" $'\r' "a pipe: no progress line"
expect_file_lacks "$TMP/err" "/4 feeds" "a pipe: no progress text"
expect_file_lacks "$TMP/out" $'\r' "a pipe: no progress on stdout"

# The summary is on stdout, with failures or without; failures on stderr.
expect_status 1 "a run with a failing feed"
expect_file_contains "$TMP/out" "4 feeds: 3 fetched, 0 not modified, 1 failed" "summary on stdout"
expect_file_contains "$TMP/err" "$S/status/500: failed: HTTP 500" "the failure on stderr"
expect_file_lacks "$TMP/err" "4 feeds:" "no summary on stderr"

# No lock file left beside the database: after a mistake, a failure or success.
run indexer --db "$TMP/new" fetch
expect_status 2 "fetch with no feeds"
run indexer --db "$TMP/new" fetch --feeds "$TMP/missing.txt"
expect_status 2 "fetch with a missing feed list"
printf 'htp:/x\n' >"$TMP/bad-feeds.txt"
run indexer --db "$TMP/new" nightly --feeds "$TMP/bad-feeds.txt"
expect_status 2 "nightly with a bad feed list"
run indexer --db "$TMP/new" --schema "$TMP/missing.xml" import "$DATA/opinion-bylines.rss"
expect_status 2 "import with a missing schema"
expect_eq "" "$(ls -d "$TMP"/new* 2>/dev/null)" "nothing made beside a database never written"
run indexer --db "$DB" -q import "$DATA/opinion-bylines.rss"
expect_eq "" "$(ls "$TMP"/*.lock 2>/dev/null)" "no lock file left by any run"

# JSON: one line, ISO 8601 UTC times; --pretty indents the same object.
one_line() { # WHAT FILE
    checks=$((checks + 1))
    [[ $(wc -l <"$2") == 1 ]] && python3 -c 'import json,sys; json.loads(open(sys.argv[1]).read())' "$2" ||
        fail "$1: not one line of JSON: $(head -c 300 "$2")"
}
run indexer --db "$DB" stats --json
one_line "stats --json" "$TMP/out"
run indexer --db "$DB" stats --json --pretty
expect_file_contains "$TMP/out" '  "documents": ' "stats --pretty: indented"
run indexer --db "$TMP/p" fetch --json --feeds "$TMP/feeds.txt"
one_line "fetch --json" "$TMP/out"
run indexer --db "$TMP/p" nightly --json --feeds "$TMP/feeds.txt"
one_line "nightly --json" "$TMP/out"
run searcher --db "$DB" --json taiwan
one_line "search --json" "$TMP/out"
run indexer parse --json "$DATA/opinion-bylines.rss" "$DATA/bloomberg-opinion.atom"
expect_eq 2 "$(wc -l <"$TMP/out")" "parse --json: one line per file"
run indexer parse --json --pretty "$DATA/opinion-bylines.rss"
expect_file_contains "$TMP/out" '  "file": ' "parse --pretty: indented"
# One article, one vocabulary (docs/formats.md, "Article fields"): the same
# names and values in parse --json, export and search --json.
indexer parse --json "$DATA/bloomberg-opinion.atom" >"$TMP/parsed"
indexer --db "$DB" export >"$TMP/exported"
searcher --db "$DB" --json --limit 50 anime >"$TMP/searched"
expect_eq "ok" "$(python3 -c '
import json, sys
vocab = ["id", "url", "title", "body", "summary", "columnist", "topic", "date", "date_local",
         "date_source", "feed", "feed_url", "language", "captured"]
parsed = json.loads(open(sys.argv[1]).readline())["entries"][0]
lines = open(sys.argv[2]).read().splitlines()[1:]
exported = {a["id"]: a for a in map(json.loads, lines)}
searched = {r["id"]: r for r in json.load(open(sys.argv[3]))["results"]}
problems = []
if list(parsed)[:len(vocab)] != vocab: problems.append("parse: %s" % list(parsed)[:len(vocab)])
e = exported[parsed["id"]]
if list(e) != vocab + ["original"]: problems.append("export: %s" % list(e))
s = searched[parsed["id"]]
for k in vocab:
    # parse knows no archive: an undeclared language is "" there, the default
    # in it; and it captures the article when it reads it, as import did before
    if parsed[k] != e[k] and k not in ("language", "captured"):
        problems.append("parse and export differ in " + k)
    if k in s and s[k] != e[k]: problems.append("search and export differ in " + k)
for k in ("link", "columnists", "topics", "content"):
    if k in parsed or k in s: problems.append("old name " + k)
print("; ".join(problems) or "ok")' "$TMP/parsed" "$TMP/exported" "$TMP/searched")" "one article vocabulary"
run indexer --db "$TMP/p" feeds --json
expect_eq 4 "$(wc -l <"$TMP/out")" "feeds --json: one line per feed"
expect_eq "ok" "$(python3 -c '
import json, re, sys
iso = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
for line in open(sys.argv[1]):
    d = json.loads(line)
    for key in ("last_attempt", "last_success", "retry_after"):
        v = d[key]
        if v is not None and not iso.match(v):
            sys.exit(f"{key}: {v!r}")
    if d["last_attempt"] is None:
        sys.exit("no last_attempt")
print("ok")' "$TMP/out")" "feeds --json: times in ISO 8601 UTC, null for never"
run indexer --db "$TMP/p" stats --json
expect_eq "ok" "$(python3 -c '
import json, re, sys
d = json.load(open(sys.argv[1]))
iso = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
times = [d["first_date"], d["last_date"]] + [f["last_attempt"] for f in d["feeds"]]
print("ok" if all(iso.match(t) for t in times) else times)' "$TMP/out")" "stats --json: times in ISO 8601 UTC"
finish

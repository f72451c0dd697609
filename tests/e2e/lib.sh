# Helpers for the end-to-end tests: sourced by each tests/e2e/T*.sh, which
# ctest runs with MORGUE_INDEXER, MORGUE_SEARCHER, MORGUE_SOURCE_DIR and
# MORGUE_TEST_TMP set.  Set UPDATE_GOLDEN=1 to rewrite golden files.
set -u
: "${MORGUE_INDEXER:?}" "${MORGUE_SEARCHER:?}" "${MORGUE_SOURCE_DIR:?}" "${MORGUE_TEST_TMP:?}"

DATA=$MORGUE_SOURCE_DIR/tests/data
GOLDEN=$MORGUE_SOURCE_DIR/tests/golden
TMP=$MORGUE_TEST_TMP
rm -rf "$TMP" && mkdir -p "$TMP"
unset MORGUE_DB MORGUE_SCHEMA
failures=0
checks=0
# No background writer outlives its test, whatever happens.
trap 'kill $(jobs -p) 2>/dev/null' EXIT

indexer() { "$MORGUE_INDEXER" "$@"; }
searcher() { "$MORGUE_SEARCHER" "$@"; }

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# run CMD...: runs it, keeping stdout in $TMP/out, stderr in $TMP/err, the exit code in $status.
run() {
    "$@" >"$TMP/out" 2>"$TMP/err"
    status=$?
}

expect_status() { # expected description
    checks=$((checks + 1))
    [[ $status == "$1" ]] || fail "$2: exit $status, expected $1; stderr: $(cat "$TMP/err")"
}

expect_eq() { # expected actual description
    checks=$((checks + 1))
    [[ $1 == "$2" ]] || fail "$3: got \"$2\", expected \"$1\""
}

expect_file_contains() { # file text description
    checks=$((checks + 1))
    grep -qF -- "$2" "$1" || fail "$3: \"$2\" not in $(basename "$1"): $(cat "$1")"
}

expect_file_lacks() { # file text description
    checks=$((checks + 1))
    ! grep -qF -- "$2" "$1" || fail "$3: \"$2\" unexpectedly in $(basename "$1")"
}

# wait_for_text FILE TEXT: until FILE holds TEXT (at most 60 s: a hang guard, for a busy machine).
wait_for_text() {
    for _ in $(seq 600); do
        grep -qF -- "$2" "$1" 2>/dev/null && return
        sleep 0.1
    done
}

# Timings differ from run to run: zero them before comparing with a golden file.
zero_timings() { sed -i -E 's/("elapsed_ms": ?)[0-9.e+-]+/\10/' "$1"; }

# expect_golden NAME FILE: FILE must equal tests/golden/NAME byte for byte.
expect_golden() {
    checks=$((checks + 1))
    if [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
        cp "$2" "$GOLDEN/$1"
    elif ! diff -u "$GOLDEN/$1" "$2" >&2; then
        fail "output differs from golden file $1"
    fi
}

# articles DB: the archive's articles as exported, sorted, without when an
# import captured each (two imports of the same feeds differ only there).
articles() { indexer --db "$1" export --jsonl | tail -n +2 | sed -E 's/,"captured":"[^"]*"//' | sort; }

# json_field FILE EXPR: a Python expression over the JSON object d in FILE.
json_field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

# "total" of the searcher's JSON on stdin.
json_total() { python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

# The number of documents in a database, as the searcher sees it.
doc_count() { searcher --db "$1" --json --limit 0 | json_total; }

# The titles of the results of a query, one per line.
titles() {
    local db=$1
    shift
    searcher --db "$db" --json "$@" |
        python3 -c 'import json,sys; [print(r["title"]) for r in json.load(sys.stdin)["results"]]'
}

# Starts tests/e2e/feedserver.py on 127.0.0.1 serving tests/data; sets $S to
# its base URL.  Requests are logged to $TMP/requests.log.
start_feed_server() {
    python3 "$MORGUE_SOURCE_DIR/tests/e2e/feedserver.py" "$DATA" "$TMP/port" "$TMP/requests.log" &
    for _ in $(seq 600); do [[ -s $TMP/port ]] && break; sleep 0.1; done
    S=http://127.0.0.1:$(cat "$TMP/port")
}

finish() {
    echo "$checks checks, $failures failed"
    [[ $failures == 0 ]]
    exit
}

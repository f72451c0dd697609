#!/usr/bin/env bash
# Faults an unattended indexer meets: killed mid-batch (25 times; 12 in the
# sanitizer build, which the plain build's 25 already cover), searched
# during every kind of switch-over, started twice at once, out of disk.
# Afterwards the database always opens, passes check, and holds a committed
# state; no query ever fails.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
batch() { python3 "$MORGUE_SOURCE_DIR/tests/e2e/make_batch.py" "$@"; }
indexer --db "$DB" -q import "$DATA/huffpost-sample.rss"
millis() { date +%s%3N; }

# 1. SIGKILL at random points while importing a batch.  How long one batch
# takes here (this machine, this build), to kill within it; when each kill
# lands depends on the machine, so the count of kills before a commit is
# reported, not required: 1b kills runs that cannot have committed.
kills=25
[[ ${MORGUE_SANITIZED:-} ]] && kills=12
batch "$TMP/timing.rss" 800 timing
t0=$(millis)
indexer --db "$DB" -q import "$TMP/timing.rss"
span=$(($(millis) - t0))
committed=$(doc_count "$DB")
commits=0
for i in $(seq $kills); do
    batch "$TMP/b.rss" 800 "k$i"
    "$MORGUE_INDEXER" --db "$DB" -q import "$TMP/b.rss" >/dev/null 2>&1 &
    pid=$!
    sleep "$(python3 -c "import random; print(random.uniform(0, $span * 0.6 / 1000))")"
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    run indexer --db "$DB" check
    expect_status 0 "check after kill $i"
    now=$(doc_count "$DB")
    if [[ $now == $((committed + 800)) ]]; then
        commits=$((commits + 1))
    else
        expect_eq "$committed" "$now" "kill $i: the count is a committed state"
    fi
    committed=$now
done
echo "1. $kills runs: $((kills - commits)) killed before their commit, $commits after"

# 1b. Killed while it is still reading its batch (from a FIFO, half written):
# it cannot have committed, whatever the machine's speed.
mkfifo "$TMP/fifo.rss"
for i in 1 2 3; do
    batch "$TMP/b.rss" 800 "f$i"
    "$MORGUE_INDEXER" --db "$DB" -q import "$TMP/fifo.rss" >/dev/null 2>&1 &
    pid=$!
    exec 7>"$TMP/fifo.rss"
    head -c $(($(stat -c %s "$TMP/b.rss") / 2)) "$TMP/b.rss" >&7
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    exec 7>&-
    run indexer --db "$DB" check
    expect_status 0 "check after reading kill $i"
    expect_eq "$committed" "$(doc_count "$DB")" "reading kill $i: nothing half-imported"
done

# 2. A searcher loop while nightly, rebuild and compact run and switch.
start_feed_server
printf '%s/feeds/huffpost-sample.rss\n%s/feeds/taipei-times-editorials.rss\n' "$S" "$S" >"$TMP/feeds.txt"
want=$(searcher --db "$DB" --count harbour)
rm -f "$TMP/stop" "$TMP/answers" "$TMP/failures"
(
    while [[ ! -e $TMP/stop ]]; do
        "$MORGUE_SEARCHER" --db "$DB" --count harbour >>"$TMP/answers" 2>>"$TMP/failures" ||
            echo "exit $?" >>"$TMP/failures"
    done
) &
loop=$!
for op in nightly rebuild compact rebuild compact nightly; do
    if [[ $op == nightly ]]; then
        run indexer --db "$DB" -q nightly --compact-growth 0 --feeds "$TMP/feeds.txt"
    else
        run indexer --db "$DB" -q "$op"
    fi
    expect_status 0 "$op while searched"
done
touch "$TMP/stop"
wait $loop
expect_eq "" "$(cat "$TMP/failures")" "no query failed during the switch-overs"
expect_eq "$want" "$(sort -u "$TMP/answers")" "every query saw a whole database"
echo "2. $(wc -l <"$TMP/answers") queries during 2 nightly, 2 rebuild, 2 compact runs"

# 3. Two nightly runs at once: one runs, the other leaves at once -- while
# the first is still inside its stalled fetch (no clock is read: the first
# would only give up after its 60 s timeout, and is stopped instead).
printf '%s/stall\n' "$S" >"$TMP/slow.txt"
"$MORGUE_INDEXER" --db "$DB" nightly --timeout 60 --feeds "$TMP/slow.txt" >"$TMP/first.out" 2>&1 &
first=$!
wait_for_text "$TMP/requests.log" "/stall"
run indexer --db "$DB" nightly --feeds "$TMP/feeds.txt"
expect_status 4 "the second nightly"
expect_file_contains "$TMP/err" "another morgue-indexer run is writing this database (lock $DB.lock); not starting" "lock message"
expect_eq 1 "$(kill -0 $first 2>/dev/null && echo 1)" "the second left while the first still ran"
kill -TERM $first
wait $first
run indexer --db "$DB" nightly --feeds "$TMP/feeds.txt"
expect_status 0 "stopped, the first left the lock to the next run"

# 4. The disk fills (a file-size limit): a clear error, the archive intact.
before=$(doc_count "$DB")
answer=$(searcher --db "$DB" --count trump)
batch "$TMP/big.rss" 3000 full
# In KiB: the largest file may grow a little (an import appends to it); a new
# generation (compact, rebuild) is held to a fraction of it.
largest=$(($(stat -c %s "$DB"/*.glass | sort -n | tail -1) / 1024))
# A generation can fail part-way or in its final commit (where Xapian 1.4
# can end the writer with std::terminate): several limits reach both.
for run in "import 1" "compact 4" "rebuild 4" "rebuild 2" "rebuild 1.33" "rebuild 1.1"; do
    read -r op div <<<"$run"
    if [[ $op == import ]]; then
        args=(import "$TMP/big.rss") limit=$((largest + 8))
    else
        args=("$op") limit=$(python3 -c "print(int($largest / $div))")
    fi
    ( trap '' XFSZ; ulimit -f "$limit"; exec "$MORGUE_INDEXER" --db "$DB" -q "${args[@]}" ) \
        >"$TMP/out" 2>"$TMP/err"
    status=$?
    what="$op at $limit KiB"
    # The tight limits must fail; the loose ones (the final commit) may fit.
    if [[ $status == 0 && $div != 1 && ${div%.*} -lt 2 ]]; then
        echo "$what: fitted"
    else
        expect_eq 3 "$status" "$what: exit 3"
        expect_file_contains "$TMP/err" "File too large" "$what: the error says why"
    fi
    run indexer --db "$DB" check
    expect_status 0 "$what: check passes"
    expect_eq "$before" "$(doc_count "$DB")" "$what: nothing lost"
    expect_eq "$answer" "$(searcher --db "$DB" --count trump)" "$what: still searchable"
    expect_eq "" "$(ls -d "$DB".new 2>/dev/null)" "$what: no half-built generation left"
done
finish

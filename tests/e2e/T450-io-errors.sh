#!/usr/bin/env bash
# I/O errors beside the full disk of T410: EIO and ENOSPC at the Nth write or
# sync to the archive's files (tests/faults/io_fault.c, preloaded), during
# import, compact and rebuild, for every N up to the calls the run makes (a
# sample of 100 spread over them when there are more; MORGUE_FAULT_SAMPLE=all:
# every N; under the sanitizers a sample of 30, the plain run covering the
# rest), each N once with EIO and once with ENOSPC from then on.
# Afterwards the archive is the old state or the new one, whole, and passes
# check; a failed run says why in one line and exits 3; a run on a full disk
# (every call from the Nth on failing) never reports success; no half-built
# generation is left.
. "$(dirname "$0")/lib.sh"
: "${MORGUE_IO_FAULT:?}"
sample=${MORGUE_FAULT_SAMPLE:-$([[ -n ${MORGUE_SANITIZED:-} ]] && echo 30 || echo 100)}
W=$TMP/w
base=$TMP/base
batch() { python3 "$MORGUE_SOURCE_DIR/tests/e2e/make_batch.py" "$@"; }
# Small, so that a few hundred runs stay cheap; still hundreds of calls each.
batch "$TMP/base.rss" 100 base
batch "$TMP/batch.rss" 40 io
indexer --db "$base" -q import "$TMP/base.rss"

# state DB: the total and the articles of each feed, in one line.
state() {
    searcher --db "$1" --json --pretty --limit 0 --facet feed | grep -E '"(total|value|count)"' | tr -d ' \n'
}
old=$(state "$base")

# faulted N ERRNO STICKY OP...: OP on a fresh copy of the base, the Nth call
# failing (N=0: none); the calls and failures counted in $TMP/counter.
faulted() {
    local n=$1 errno=$2 sticky=$3
    shift 3
    rm -rf "$W" && mkdir -p "$W" && cp -a "$base" "$W/db"
    rm -f "$TMP/counter" "$TMP/faults"
    MORGUE_FAULT_PATH="$W/db:$W/db.new" MORGUE_FAULT_AT=$n MORGUE_FAULT_ERRNO=$errno \
        MORGUE_FAULT_STICKY=$sticky MORGUE_FAULT_COUNTER=$TMP/counter MORGUE_FAULT_LOG=$TMP/faults \
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
        LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0" \
        LD_PRELOAD="$MORGUE_IO_FAULT" "$MORGUE_INDEXER" --db "$W/db" -q "$@" >"$TMP/out" 2>"$TMP/err"
    status=$?
    read -r calls failed < <(od -An -t d8 "$TMP/counter")
}

for op in "import $TMP/batch.rss" compact rebuild; do
    read -ra args <<<"$op"
    faulted 0 EIO 0 "${args[@]}"
    expect_status 0 "${args[0]} without faults"
    new=$(state "$W/db")
    total=$calls
    checks=$((checks + 1))
    ((total > 20)) || fail "${args[0]}: only $total writes and syncs were seen: is the shim preloaded?"
    if [[ $sample == all ]] || ((total <= sample)); then
        mapfile -t ns < <(seq 1 "$total")
    else
        mapfile -t ns < <(python3 -c "n,t=$sample,$total; print('\n'.join(str(1+i*(t-1)//(n-1)) for i in range(n)))")
    fi
    outcomes=""
    # At every N both: EIO once (a transient fault) and ENOSPC from then on
    # (a full disk stays full).
    for fault in "${ns[@]/%/ EIO 0}" "${ns[@]/%/ ENOSPC 1}"; do
        read -r n errno sticky <<<"$fault"
        faulted "$n" "$errno" "$sticky" "${args[@]}"
        what="${args[0]}, $errno at call $n of $total$( ((sticky)) && echo ' and after')"
        [[ -s $TMP/faults ]] && what="$what ($(head -1 "$TMP/faults" | cut -d' ' -f2-))"
        op_status=$status
        if [[ $status == 0 ]]; then
            outcomes+="ok "
            expect_eq 0 "$sticky" "$what: a full disk reported as success"
        else
            outcomes+="$status "
            expect_eq 3 "$status" "$what: exit 3"
            expect_eq 1 "$(wc -l <"$TMP/err")" "$what: one line: $(cat "$TMP/err")"
            msg=$([[ $errno == EIO ]] && echo "Input/output error" || echo "No space left on device")
            expect_file_contains "$TMP/err" "$msg" "$what: the error says why"
        fi
        run indexer --db "$W/db" check
        expect_status 0 "$what: check passes"
        now=$(state "$W/db")
        checks=$((checks + 1))
        if [[ $now != "$old" && $now != "$new" ]]; then
            fail "$what: state \"$now\" is neither the old \"$old\" nor the new \"$new\""
        fi
        [[ $op_status == 0 && $now != "$new" ]] && fail "$what: exit 0 but the old state"
        expect_eq "" "$(ls -d "$W/db.new" 2>/dev/null)" "$what: no half-built generation left"
    done
    echo "${args[0]}: $total calls, $((2 * ${#ns[@]})) faults: $(tr ' ' '\n' <<<"$outcomes" | sort | uniq -c | tr -s ' \n' ' ')"
done
finish

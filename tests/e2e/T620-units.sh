#!/usr/bin/env bash
# The systemd units in docs/ (the nightly job; xapian-tcpsrv for shards,
# xapian-replicate-server and xapian-replicate for replicas: docs/scaling.md)
# are valid as systemd reads them: systemd-analyze verify, each template
# with an instance, the nightly service running the indexer just built.
. "$(dirname "$0")/lib.sh"
units=$TMP/units
mkdir -p "$units"
for f in "$MORGUE_SOURCE_DIR"/docs/*.service "$MORGUE_SOURCE_DIR"/docs/*.timer; do
    name=$(basename "$f")
    sed "s|/usr/local/bin/morgue-indexer|$MORGUE_INDEXER|" "$f" >"$units/${name/@./@shard2.}"
done
expect_eq 6 "$(ls "$units" | wc -l)" "the units of docs/"
run systemd-analyze verify "$units"/*
expect_status 0 "systemd-analyze verify: $(cat "$TMP/err")"
expect_eq "" "$(cat "$TMP/err")" "no warnings"
# A broken unit is seen (the check can fail).
printf '[Service]\nExecStartt=/bin/true\n' >"$units/broken.service"
run systemd-analyze verify "$units/broken.service"
expect_eq 1 "$([[ $status != 0 ]] && echo 1)" "a broken unit is refused"
finish

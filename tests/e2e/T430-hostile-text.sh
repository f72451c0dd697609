#!/usr/bin/env bash
# No feed or server text reaches the operator's terminal raw, and every output
# stays well-formed: feeds whose fields mix control characters (raw, as
# character references, C1), markup and CJK go through parse, import, the
# CLI's text/JSON/Atom and the CGI page's HTML/JSON/Atom, each output checked
# by a strict parser; so do articles stored with controls by an older version,
# and a server's headers in fetch errors and the feed state.  Retry-After is
# bounded (a day), whatever number a server sends.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
HT=$MORGUE_SOURCE_DIR/tests/e2e/hostile_text.py
n=0
checked() { # KIND FILE description
    checks=$((checks + 1))
    python3 "$HT" check "$1" "$2" 2>"$TMP/why" || fail "$3: $(cat "$TMP/why")"
}
cgi() { # QUERY_STRING OUTFILE
    env GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET QUERY_STRING="$1" SCRIPT_NAME=/search \
        SERVER_NAME=127.0.0.1 SERVER_PORT=8080 MORGUE_DB="$DB" MORGUE_CONFIG=/nonexistent \
        "$MORGUE_SEARCHER" 2>"$TMP/cgi.err" | python3 -c '
import sys; d = sys.stdin.buffer.read(); sys.stdout.buffer.write(d.partition(b"\r\n\r\n")[2])' >"$2"
}
all_outputs() { # label
    local q
    for q in '' trump japan alpha 'title:news' '蔡英文' $'\x1b[2J' $'a\x01b'; do
        n=$((n + 1))
        searcher --db "$DB" --limit 50 "$q" >"$TMP/o.txt" 2>/dev/null
        checked text "$TMP/o.txt" "$1: text output for ${q@Q}"
        searcher --db "$DB" --limit 50 --json --facet columnist --facet topic "$q" >"$TMP/o.json" 2>/dev/null
        checked json "$TMP/o.json" "$1: JSON for ${q@Q}"
        searcher --db "$DB" --limit 50 --format atom "$q" >"$TMP/o.atom" 2>/dev/null
        checked atom "$TMP/o.atom" "$1: Atom for ${q@Q}"
    done
    for qs in '' 'q=alpha' 'q=%1B%5D0%3BPWNED%07' 'q=a%01b%7F%C2%85' 'q=trump&format=json' \
        'format=atom' 'q=%1B%5B2J&format=atom' 'q=news&format=json' 'columnist=%01x' \
        'q=alpha&topic=%1B' 'format=opensearch'; do
        local kind=html
        [[ $qs == *format=json* ]] && kind=json
        [[ $qs == *format=atom* || $qs == *format=opensearch* ]] && kind=atom
        cgi "$qs" "$TMP/page"
        checked "$kind" "$TMP/page" "$1: CGI $kind for $qs"
    done
}

# Feeds made from a fixed set of seeds (the same run every time).
for seed in 1 2 3 4 5 6; do
    python3 "$HT" make "$TMP/hostile$seed.rss" "$seed"
    run indexer parse "$TMP/hostile$seed.rss"
    expect_status 0 "parse hostile feed $seed"
    checked text "$TMP/out" "parse text, seed $seed"
    checked text "$TMP/err" "parse warnings, seed $seed"
    run indexer parse --json "$TMP/hostile$seed.rss"
    checked jsonl "$TMP/out" "parse --json, seed $seed"
    run indexer --db "$DB" import "$TMP/hostile$seed.rss"
    expect_status 0 "import hostile feed $seed"
    checked text "$TMP/out" "import messages, seed $seed"
    checked text "$TMP/err" "import warnings, seed $seed"
done
indexer --db "$DB" -q import "$DATA/huffpost-sample.rss" "$DATA/taipei-times-editorials.rss"
all_outputs "parsed feeds"
run indexer --db "$DB" export --jsonl
checked jsonl "$TMP/out" "export"

# Articles stored with controls in them (by an older version, or another program).
/usr/bin/python3 - "$DB" <<'PY'
import json, sys, xapian
db = xapian.WritableDatabase(sys.argv[1], xapian.DB_OPEN)
for docid in range(1, 40):
    doc = db.get_document(docid)
    data = json.loads(doc.get_data())
    esc = "\x1b]0;PWNED\x07\x01\x7f\u0085"
    data["title"] = esc + data.get("title", "") + "\x1b[2J"
    data["summary"] = esc + data.get("summary", "")
    data["body"] = data.get("body", "") + esc
    data["columnist"] = [c + "\x1b[31m" for c in data.get("columnist", [])] + ["x\x01"]
    data["topic"] = [t + "\x08" for t in data.get("topic", [])]
    data["feed"] = "\x1b]0;FEED\x07"
    doc.set_data(json.dumps(data))
    db.replace_document(docid, doc)
db.commit()
PY
all_outputs "stored controls"

# A server's headers in errors and feed state.
start_feed_server
run indexer --db "$DB" fetch "$S/hostile/location" "$S/hostile/type" \
    "$S/status/503?retry=99999999999999999" "$S/status/429?retry=9223372036854775807" \
    "$S/status/503?retry=Fri,%2031%20Dec%209999%2023:59:59%20GMT"
expect_status 1 "fetch from hostile servers"
checked text "$TMP/err" "fetch errors"
checked text "$TMP/out" "fetch messages"
expect_file_contains "$TMP/err" "redirect to gopher://x/" "the refused redirect is reported"
run indexer --db "$DB" feeds
checked text "$TMP/out" "feeds"
run indexer --db "$DB" stats
checked text "$TMP/out" "stats"
run indexer --db "$DB" feeds --json
checked jsonl "$TMP/out" "feeds --json"
now=$(date +%s)
python3 - "$TMP/out" "$now" >"$TMP/waits" <<'PY'
import datetime, json, sys
now = int(sys.argv[2])
for line in open(sys.argv[1]):
    s = json.loads(line)
    if "/status/" in s["listed_url"]:  # times are ISO 8601 UTC
        when = datetime.datetime.strptime(s["retry_after"], "%Y-%m-%dT%H:%M:%SZ")
        print(int(when.replace(tzinfo=datetime.timezone.utc).timestamp()) - now)
PY
expect_eq 3 "$(wc -l <"$TMP/waits")" "three feeds asked to wait"
expect_eq "" "$(awk '$1 > 86400 + 60 || $1 < 0' "$TMP/waits")" "every wait is at most a day: $(cat "$TMP/waits" | tr '\n' ' ')"
finish

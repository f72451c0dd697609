#!/usr/bin/env bash
# The searcher as a resident FastCGI process behind lighttpd (issue 19 item
# 1): the same page as CGI; one process across requests; a commit and a
# generation switch (compact, rebuild) are seen by the very next request; a
# malformed request, a request over the time limit and a failing archive are
# each that request's error, and the process goes on; killed, lighttpd
# starts another; a request stuck inside Xapian (its disk hung) is answered
# 503 by the watchdog, and the process is replaced.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/cgi_server.sh"
DB=$TMP/db
indexer --db "$DB" -q import "$DATA/huffpost-sample.rss" "$DATA/taipei-times-editorials.rss"
MORGUE_PAGE_MODE=fastcgi start_cgi_server "$DB"
# This site's searcher processes: the children of its lighttpd (other tests
# run the same binary meanwhile).
searchers() {
    local server
    server=$(pgrep -f -- "-f $SITE/lighttpd.conf" | head -1)
    [[ -n $server ]] && pgrep -P "$server" | sort | tr '\n' ' '
}
get() { curl -s -o "$TMP/body" -w '%{http_code}' "$BASE/search?$1"; }

# The same page as the CGI gives.
expect_eq 200 "$(get 'q=trump&format=json')" "FastCGI answers"
QUERY_STRING='q=trump&format=json' REQUEST_METHOD=GET GATEWAY_INTERFACE=CGI/1.1 MORGUE_DB=$DB \
    "$MORGUE_SEARCHER" | sed '1,/^\r$/d' >"$TMP/cgi-body"
zero_timings "$TMP/body"
zero_timings "$TMP/cgi-body"
expect_eq "" "$(diff "$TMP/cgi-body" "$TMP/body")" "the same JSON as the CGI's"
pid=$(searchers)
expect_eq 1 "$(echo $pid | wc -w)" "one resident process"
for i in $(seq 5); do get "q=harbour+$i" >/dev/null; done
expect_eq "$pid" "$(searchers)" "the same process across requests"

# Page 2 of a search: the facet counts page 1 counted (the process keeps them).
facets_of() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["facets"], sort_keys=True))' "$TMP/body"; }
get 'q=trump&format=json' >/dev/null
first=$(facets_of)
get 'q=trump&format=json&page=2' >/dev/null
expect_eq "$first" "$(facets_of)" "page 2: the same facet counts"
expect_eq 1 "$([[ $first == *columnist* ]] && echo 1)" "facets counted"

total() { get "q=$1&format=json&collapse=0" >/dev/null; python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/body"; }
cli_total() { searcher --db "$DB" --json "$1" | json_total; }
# A commit is seen by the next request.
before=$(total anime)
indexer --db "$DB" -q import "$DATA/encodings/big5.rss" "$DATA/bloomberg-opinion.atom"
expect_eq "$(cli_total anime)" "$(total anime)" "after a commit: the new articles, at once"
expect_eq 1 "$([[ $(total anime) -gt $before ]] && echo 1)" "the commit added to the page's count"
# A new generation (compact, rebuild: another directory under the name) too.
indexer --db "$DB" -q compact >/dev/null
expect_eq "$(cli_total trump)" "$(total trump)" "after compact: the new generation"
indexer --db "$DB" -q rebuild >/dev/null
indexer --db "$DB" -q import "$DATA/opinion-bylines.rss"
expect_eq "$(cli_total columnist)" "$(total columnist)" "after rebuild and a commit into its generation"
expect_eq "$pid" "$(searchers)" "still one process"

# Bad requests are that request's; the process goes on.
expect_eq 400 "$(get 'q=x&page=0')" "a bad parameter: 400"
expect_eq 400 "$(get 'q=x&format=nonsense')" "an unknown format: 400"
expect_eq 405 "$(curl -s -o /dev/null -w '%{http_code}' -X POST -d x=1 "$BASE/search?q=x")" "POST: 405"
expect_eq 200 "$(get 'q=%22unclosed+(phrase+AND')" "a malformed query is searched"
expect_eq "$pid" "$(searchers)" "the same process after bad requests"

# A failing archive: 503, then served again once it is back.
mv "$DB" "$DB.away"
expect_eq 503 "$(get 'q=trump')" "the archive gone: 503"
mv "$DB.away" "$DB"
expect_eq 200 "$(get 'q=trump')" "the archive back: 200, no restart"
expect_eq "$pid" "$(searchers)" "the same process after a failing archive"

# Over the time limit: 503, and the next request is served.  The watchdog
# (below) is kept out of it: on a busy machine a request can run past its
# default of 5 s, and the process would then be replaced, rightly.
printf 'time_limit = 0.000001\nstuck_limit = 3600\n' >>"$SITE/cgi-bin/morgue.conf"
kill "$pid"
# Until lighttpd has started the next process and it answers (a request
# meanwhile may find no process listening yet).
for _ in $(seq 300); do
    code=$(get 'q=trump')
    [[ $code == 503 ]] && grep -q "took too long" "$TMP/body" && break
    sleep 0.1
done
expect_eq 503 "$code" "over the time limit: 503"
expect_file_contains "$SITE/error.log" "morgue.fcgi: asked to stop (SIGTERM from process" \
    "the error log says why the killed process ended"
expect_file_contains "$TMP/body" "the search took too long" "the time limit's message"
slow=$(searchers)
expect_eq 503 "$(get 'q=anime')" "the next request is served (and is over the limit too)"
expect_eq "$slow" "$(searchers)" "the process goes on after a request over the limit"
sed -i '/time_limit\|stuck_limit/d' "$SITE/cgi-bin/morgue.conf"

# Killed: lighttpd starts another, and it serves.
kill -KILL $slow
for _ in $(seq 300); do [[ $(get 'q=trump') == 200 ]] && break; sleep 0.1; done
expect_eq 200 "$(get 'q=trump')" "a killed process is replaced"

# Stuck inside Xapian, where no time limit reaches: every read of the
# archive waits while $TMP/stall exists (the I/O shim: a hung disk).  The
# watchdog answers 503 once the request has run the time limit twice (at
# least 5 s past it) and ends the process; lighttpd starts another.
stop_cgi_server
mv "$SITE/error.log" "$TMP/first-site-error.log" # the next site starts afresh; kept for a failure's reader
cat >"$TMP/stalling-searcher" <<EOT
#!/bin/sh
ASAN_OPTIONS=\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}verify_asan_link_order=0 MORGUE_FAULT_PATH=$DB \\
    MORGUE_FAULT_STALL=$TMP/stall LD_PRELOAD=$MORGUE_IO_FAULT exec $MORGUE_SEARCHER "\$@"
EOT
chmod +x "$TMP/stalling-searcher"
MORGUE_PAGE_MODE=fastcgi MORGUE_SEARCHER=$TMP/stalling-searcher start_cgi_server "$DB"
echo "time_limit = 0.5" >>"$SITE/cgi-bin/morgue.conf"
# The configuration is read once, at the start: a process that has read this one.
for _ in $(seq 600); do [[ -n $(searchers) ]] && break; sleep 0.1; done
kill $(searchers) 2>/dev/null || true
for _ in $(seq 300); do [[ $(get 'q=trump') == 200 ]] && break; sleep 0.1; done
expect_eq 200 "$(get 'q=trump')" "with the shim, while nothing stalls: 200"
stuck=$(searchers)
touch "$TMP/stall"
expect_eq 503 "$(get 'q=harbour')" "a request stuck in a read: 503"
expect_file_contains "$TMP/body" "the search took too long" "the time limit's message"
expect_file_contains "$SITE/error.log" "this process ends and the server starts another" \
    "the operator is told"
rm "$TMP/stall"
for _ in $(seq 300); do [[ $(get 'q=trump') == 200 ]] && break; sleep 0.1; done
expect_eq 200 "$(get 'q=trump')" "served again, by a new process"
expect_eq 1 "$([[ -n $(searchers) && $(searchers) != "$stuck" ]] && echo 1)" "the stuck process was replaced"
finish

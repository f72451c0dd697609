#!/usr/bin/env bash
# The search page behind a real web server: lighttpd with mod_cgi on
# loopback, spoken to over HTTP with curl.  Every format, and the safety
# rules as a browser or a crawler meets them.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/cgi_server.sh"
DB=$TMP/db
indexer --db "$DB" --quiet import "$DATA/huffpost-sample.rss" "$DATA/hostile/xss.rss"
start_cgi_server "$DB"

# get [CURL ARGS...] URL: sets $code, $TMP/headers, $TMP/body.
get() {
    code=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' "$@")
}
header() { sed -n "s/^$1: //Ip" "$TMP/headers" | tr -d '\r'; }

get "$BASE/"
expect_eq 301 "$code" "the front page redirects"
expect_eq /search "$(header Location | sed 's|^http://[^/]*||')" "to the search page"
get "$BASE/search"
expect_eq 200 "$code" "search page"
expect_file_contains "$TMP/body" '<form role="search" method="get" action="/search">' "the form posts back to the page"
get "$BASE/search?q=trump&topic=Politics"
expect_eq 200 "$code" "a query with a filter"
expect_file_contains "$TMP/body" 'aria-label="Remove filter topic: Politics"' "filter shown"
expect_eq "text/html; charset=utf-8" "$(header Content-Type)" "html"
for f in json:application/json atom:application/atom+xml opensearch:application/opensearchdescription+xml; do
    get "$BASE/search?q=trump&format=${f%%:*}"
    expect_eq 200 "$code" "format ${f%%:*}"
    expect_eq "${f#*:}" "$(header Content-Type | cut -d';' -f1)" "format ${f%%:*}: type"
done
get "$BASE/search?q=trump&format=opensearch"
expect_file_contains "$TMP/body" "template=\"$BASE/search?q={searchTerms}" "OpenSearch URLs name this server"
get "$BASE/search?q=trump&format=atom"
expect_file_contains "$TMP/body" "<link rel=\"self\" type=\"application/atom+xml\" href=\"$BASE/search?q=trump&amp;format=atom\"" "Atom self link"

# Caching: an ETag, and 304 for a repeat.
get "$BASE/search?q=trump"
etag=$(header ETag)
get -H "If-None-Match: $etag" "$BASE/search?q=trump"
expect_eq 304 "$code" "conditional GET"
expect_eq "200 0" "$(curl -s -I -o /dev/null -w '%{http_code} %{size_download}' "$BASE/search?q=trump")" "HEAD: no body"

# Methods, length, hostile parameters.
for m in POST PUT DELETE PATCH; do
    get -X "$m" --data 'q=trump' "$BASE/search"
    expect_eq 405 "$code" "$m"
    expect_eq "GET, HEAD" "$(header Allow)" "$m: Allow"
done
get "$BASE/search?q=$(printf 'a%.0s' $(seq 8300))"
expect_eq 1 "$([[ $code == 414 || $code == 431 ]] && echo 1)" "over-long request: 414 from the CGI or 431 from lighttpd ($code)"
get "$BASE/search?q=%3Cscript%3Ealert(1)%3C/script%3E&columnist=%22%3E%3Cimg%20src=x%3E&utm_source=mail"
expect_eq 200 "$code" "hostile parameters"
expect_file_lacks "$TMP/body" "<script" "no script element"
expect_file_lacks "$TMP/body" "<img" "no img element"
get "$BASE/search?q=budget"
expect_file_contains "$TMP/body" 'Budget</mark> &lt;script&gt;' "indexed payloads arrive escaped"
expect_file_lacks "$TMP/body" "<script" "no script element from the index"

# The database disappears: 503 for the reader, the detail in the server's log.
mv "$DB" "$DB.away"
get "$BASE/search?q=trump"
expect_eq 503 "$code" "database gone"
expect_eq no-store "$(header Cache-Control)" "503 is not cached"
expect_file_lacks "$TMP/body" "$DB" "the page names no path"
wait_for_text "$SITE/error.log" "$DB"
expect_file_contains "$SITE/error.log" "$DB" "the error log names the database"
mv "$DB.away" "$DB"
get "$BASE/search?q=trump"
expect_eq 200 "$code" "back when the database is back"
finish

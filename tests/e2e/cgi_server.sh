# Sourced by the CGI server tests: start_cgi_server DB starts scripts/serve-cgi
# (lighttpd + mod_cgi, or mod_fastcgi when MORGUE_PAGE_MODE=fastcgi) on a free loopback port; sets $BASE to the site's URL
# and $SITE to its directory (lighttpd.conf, error.log, access.log);
# stop_cgi_server stops it (lighttpd stops the FastCGI processes it started).
start_cgi_server() {
    SITE=$TMP/site
    rm -rf "$SITE"
    # MORGUE_PAGE_MODE=fastcgi: the same page from a resident FastCGI process.
    local mode=()
    [[ ${MORGUE_PAGE_MODE:-cgi} == fastcgi ]] && mode=(--fastcgi)
    "$MORGUE_SOURCE_DIR/scripts/serve-cgi" "${mode[@]}" --db "$1" --searcher "$MORGUE_SEARCHER" --dir "$SITE" \
        --port $((20000 + RANDOM % 20000)) >"$TMP/serve.log" 2>&1 &
    CGI_SERVER_PID=$!
    for _ in $(seq 600); do [[ -s $SITE/port ]] && break; sleep 0.1; done
    BASE=http://127.0.0.1:$(cat "$SITE/port")
    for _ in $(seq 600); do
        curl -s -o /dev/null "$BASE/search?format=opensearch" && return
        sleep 0.1
    done
    fail "lighttpd did not start: $(cat "$TMP/serve.log" "$SITE/error.log" 2>/dev/null)"
    finish
}
stop_cgi_server() {
    kill "$CGI_SERVER_PID"
    wait "$CGI_SERVER_PID" 2>/dev/null || true
}

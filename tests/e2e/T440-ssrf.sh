#!/usr/bin/env bash
# Where a fetch may go: a listed URL may be on any address, but a redirect
# may not lead from a public address to an internal one (loopback, private,
# link-local, carrier-grade NAT, IPv6 loopback), checked on the address
# connected to; the operator's credentials (user:password@) go on only to the
# same scheme, host and port.  Runs in a network namespace of its own
# (unshare -n, as root): its loopback interface carries the "public"
# documentation addresses 198.51.100.7 and .8 and the internal ones, so that
# every connection stays inside this machine.
if [[ ${1:-} != --inside ]]; then exec unshare -n bash "$0" --inside; fi
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
ip link set lo up || { fail "cannot set up the namespace's loopback"; finish; }
for a in 198.51.100.7 198.51.100.8 10.1.2.3 192.168.7.7 172.20.0.5 169.254.169.254 100.64.1.1; do
    ip addr add "$a/32" dev lo
done
bind=0.0.0.0
v6=0
if ip -6 addr show dev lo 2>/dev/null | grep -q '::1/128'; then bind=::; v6=1; fi
python3 "$MORGUE_SOURCE_DIR/tests/e2e/feedserver.py" "$DATA" "$TMP/port" "$TMP/requests.log" "$bind" &
for _ in $(seq 600); do [[ -s $TMP/port ]] && break; sleep 0.1; done
P=$(cat "$TMP/port")
feed=feeds/bloomberg-opinion.atom
public=http://198.51.100.7:$P
requests_to() { touch "$TMP/requests.log"; grep -c " host=$1 " "$TMP/requests.log"; }

internal=(127.0.0.1 10.1.2.3 192.168.7.7 172.20.0.5 169.254.169.254 100.64.1.1)
((v6)) && internal+=("[::1]")
for a in "${internal[@]}"; do
    before=$(requests_to "$a:$P")
    run indexer --db "$DB" fetch "$public/to?u=http://$a:$P/$feed"
    expect_status 1 "a redirect from a public address to $a"
    expect_file_contains "$TMP/err" "refused: it leads from a public address to the internal address ${a//[\[\]]/}" "the refusal names $a"
    expect_eq "$before" "$(requests_to "$a:$P")" "no request reached $a"
done
# Two hops: public, public, then internal.
run indexer --db "$DB" fetch "$public/to?u=http://198.51.100.8:$P/to%3Fu%3Dhttp://10.1.2.3:$P/$feed"
expect_status 1 "a second hop to an internal address"
expect_file_contains "$TMP/err" "internal address 10.1.2.3" "the second hop's refusal"
expect_eq 0 "$(doc_count "$DB" 2>/dev/null || echo 0)" "nothing indexed from refused redirects"

# Allowed: public to public, and an internal listed URL to internal addresses.
run indexer --db "$DB" fetch "$public/to?u=http://198.51.100.8:$P/$feed"
expect_status 0 "a redirect from a public address to another public one"
run indexer --db "$DB" fetch "http://127.0.0.1:$P/to?u=http://10.1.2.3:$P/feeds/taipei-times-editorials.rss"
expect_status 0 "a redirect from an internal listed URL to another internal address"
expect_eq 1 "$([[ $(doc_count "$DB") -gt 4 ]] && echo 1)" "both feeds indexed"

# An article page (fetch --full-text) linked from a feed on a public
# address may not be on an internal one: the feed would reach our network.
before=$(requests_to "127.0.0.1:$P")
run indexer --db "$DB" fetch -v --full-text --page-delay 0 "$public/template/pages/ssrf-feed.rss"
expect_status 0 "a public feed linking to an internal page: the feed is indexed"
expect_file_contains "$TMP/err" "a page linked from a feed on a public address is on the internal address 127.0.0.1" \
    "the internal page refused"
expect_eq "$before" "$(requests_to "127.0.0.1:$P")" "no request reached the internal page"
run indexer --db "$DB" fetch -v --full-text --page-delay 0 "http://127.0.0.1:$P/template/pages/ssrf-feed.rss"
expect_file_lacks "$TMP/err" "refused" "an internal listed feed's internal pages are fetched"

# Credentials stay with their host.
run indexer --db "$DB" fetch "http://user:secret@198.51.100.7:$P/to?u=http://198.51.100.8:$P/feeds/opinion-bylines.rss"
expect_status 0 "a redirect to another host with credentials in the listed URL"
line=$(grep "^/feeds/opinion-bylines.rss " "$TMP/requests.log" | tail -1)
expect_file_contains <(echo "$line") "host=198.51.100.8:$P authorization=" "the other host is asked"
expect_eq "" "$(echo "$line" | sed -n 's/.*authorization=\(.*\)$/\1/p')" "no credentials sent to another host"
run indexer --db "$DB" fetch "http://user:secret@198.51.100.7:$P/to?u=/feeds/huffpost-sample.rss"
expect_status 0 "a redirect on the same host with credentials"
expect_file_contains "$TMP/requests.log" "/feeds/huffpost-sample.rss if-none-match= if-modified-since= accept-encoding=deflate, gzip" "same-host hop made"
expect_file_contains "$TMP/requests.log" "host=198.51.100.7:$P authorization=Basic dXNlcjpzZWNyZXQ=" "credentials kept on the same host"
finish

#!/usr/bin/env bash
# The searcher as a CGI program, run directly with a CGI environment: every
# format, the HTTP rules (methods, caps, errors, caching) and escaping of
# hostile values from the query, the parameters and the indexed articles.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
indexer --db "$DB" --quiet import "$DATA/huffpost-sample.rss" "$DATA/taipei-times-editorials.rss"
XSS=$TMP/xss
indexer --db "$XSS" --quiet import "$DATA/hostile/xss.rss"

# cgi QUERY_STRING [VAR=VALUE...]: one request; sets $status (the HTTP status),
# $TMP/headers, $TMP/body and $TMP/err.
cgi() {
    local qs=$1
    shift
    env GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET QUERY_STRING="$qs" SCRIPT_NAME=/search \
        SERVER_NAME=127.0.0.1 SERVER_PORT=8080 MORGUE_DB="$DB" MORGUE_CONFIG=/nonexistent "$@" \
        "$MORGUE_SEARCHER" >"$TMP/response" 2>"$TMP/err"
    local rc=$?
    python3 - "$TMP/response" "$TMP/headers" "$TMP/body" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
head, _, body = data.partition(b"\r\n\r\n")
open(sys.argv[2], "wb").write(head + b"\n")
open(sys.argv[3], "wb").write(body)
PY
    status=$(sed -n 's/^Status: \([0-9]*\).*/\1/p' "$TMP/headers")
    [[ $rc == 0 ]] || fail "CGI exit $rc for $qs"
}
header() { sed -n "s/^$1: //p" "$TMP/headers" | tr -d '\r'; }
# The page's time varies from run to run.
zero_page_time() { sed -i -E 's/\([0-9]+\.[0-9]+ seconds\)/(0 seconds)/' "$1"; }

# The HTML page, as a golden file: a query, a columnist filter, two pages.
cgi 'q=trump&columnist=Lee+Moran'
expect_eq 200 "$status" "html status"
expect_eq "text/html; charset=utf-8" "$(header Content-Type)" "html type"
expect_eq "max-age=60" "$(header Cache-Control)" "cache control"
expect_eq "$(wc -c <"$TMP/body")" "$(header Content-Length)" "content length"
expect_file_contains "$TMP/headers" "Content-Security-Policy: default-src 'none'" "CSP"
expect_file_contains "$TMP/headers" "X-Content-Type-Options: nosniff" "nosniff"
zero_page_time "$TMP/body"
expect_golden cgi-trump-lee-moran.html "$TMP/body"
etag=$(header ETag)
expect_eq 1 "$([[ $etag =~ ^\"[0-9a-f]+\"$ ]] && echo 1)" "an ETag: $etag"
expect_file_contains "$TMP/body" '<strong aria-current="page">1</strong>' "pagination: this page"
expect_file_contains "$TMP/body" 'aria-label="Page 2">2</a>' "pagination: the other"
expect_file_contains "$TMP/body" 'href="/search?q=trump&amp;columnist=Lee%20Moran&amp;page=2"' "next page link"
expect_file_contains "$TMP/body" 'aria-label="Remove filter columnist: Lee Moran"' "selected filter chip"
expect_file_contains "$TMP/body" 'href="/search?q=trump&amp;columnist=Lee%20Moran&amp;format=atom"' "feed of the same search"

# Conditional GET and HEAD.
cgi 'q=trump&columnist=Lee+Moran' HTTP_IF_NONE_MATCH="$etag"
expect_eq 304 "$status" "If-None-Match with the ETag"
expect_eq 0 "$(wc -c <"$TMP/body")" "304 has no body"
cgi 'q=trump&columnist=Lee+Moran' HTTP_IF_NONE_MATCH='"other"'
expect_eq 200 "$status" "another ETag"
cgi 'q=trump' REQUEST_METHOD=HEAD
expect_eq 200 "$status" "HEAD"
expect_eq 0 "$(wc -c <"$TMP/body")" "HEAD has no body"
expect_eq 1 "$(($(header Content-Length) > 1000))" "HEAD gives the length of the GET"
indexer --db "$DB" --quiet import "$DATA/bloomberg-opinion.atom"
cgi 'q=trump&columnist=Lee+Moran'
expect_eq 1 "$([[ $(header ETag) != "$etag" ]] && echo 1)" "a new database revision, a new ETag"

# Methods other than GET and HEAD.
for m in POST PUT DELETE OPTIONS; do
    cgi 'q=trump' REQUEST_METHOD=$m
    expect_eq 405 "$status" "$m"
    expect_eq "GET, HEAD" "$(header Allow)" "$m: Allow"
done

# Paging, sorting, the query-less front page, unknown parameters.
cgi 'q=trump&page=2'
expect_file_contains "$TMP/body" 'Results 11–20 of ' "page 2: which results"
page_numbers() { sed -n '/<nav class="pages"/,/<\/nav>/p' "$TMP/body" | grep -o '<li>.*</ul>' | sed 's/<[^>]*>/ /g' | tr -s ' ' | sed 's/^ //; s/ $//'; }
expect_eq "1 2 3 4 5 6" "$(page_numbers)" "page 2 of 6: every page (a gap would hide one)"
expect_file_contains "$TMP/body" '<strong aria-current="page">2</strong>' "page 2: current"
expect_file_contains "$TMP/body" 'rel="prev" href="/search?q=trump"' "previous page"
expect_file_contains "$TMP/body" '<ol class="hits" start="11">' "ranks continue"
cgi 'q=trump&page=2&utm_source=x&foo=%3Cb%3E'
grep -v 'utm_source\|foo=' "$TMP/body" | zero_page_time /dev/stdin 2>/dev/null
expect_file_contains "$TMP/body" '<strong aria-current="page">2</strong>' "unknown parameters are ignored"
all=$(searcher --db "$DB" --count)
last=$(((all + 9) / 10))
((last <= 100)) || last=100
expect_eq 1 "$((last > 12))" "enough articles for gaps ($all)"
cgi 'page=6'
expect_eq "1 … 4 5 6 7 8 … $last" "$(page_numbers)" "page 6 of $last: the first, two either side, the last"
cgi "page=$last"
expect_eq "1 … $((last - 2)) $((last - 1)) $last" "$(page_numbers)" "the last page"
expect_file_lacks "$TMP/body" 'rel="next"' "no next page on the last"
cgi 'q=trump&page=9'
expect_file_contains "$TMP/body" 'There is no page 9: these results end on page 6.' "a page past the end says so"
expect_file_contains "$TMP/body" '<a href="/search?q=trump&amp;page=6">Go to page 6</a>' "and links to the last"
expect_file_lacks "$TMP/body" 'No articles match' "past the end is not 'no articles'"
cgi ''
expect_file_contains "$TMP/body" '<strong aria-current="true">newest</strong>' "no query: newest first"
first_date=$(grep -o 'datetime="[^"]*"' "$TMP/body" | head -1)
newest=$(searcher --db "$DB" --json --sort date --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["date_local"])')
expect_eq "datetime=\"$newest\"" "$first_date" "the front page starts with the newest article"
cgi 'q=trump&sort=oldest'
expect_file_contains "$TMP/body" '<strong aria-current="true">oldest</strong>' "sort=oldest"

# JSON and Atom are the same search.
cgi 'q=trump&format=json&year=2020'
expect_eq application/json "$(header Content-Type)" "json type"
expect_eq "$(searcher --db "$DB" --count --filter year:2020 trump)" "$(json_total <"$TMP/body")" "json total = CLI count"
expect_eq "columnist topic credit language year month" "$(python3 -c 'import json,sys; print(*json.load(open(sys.argv[1]))["facets"])' "$TMP/body")" "json facets"
cgi 'q=trump&format=atom'
expect_eq "application/atom+xml; charset=utf-8" "$(header Content-Type)" "atom type"
expect_eq "10 http://127.0.0.1:8080/search?q=trump&format=atom http://127.0.0.1:8080/search?q=trump" \
    "$(python3 -c '
import sys, xml.etree.ElementTree as ET
a = "{http://www.w3.org/2005/Atom}"
f = ET.parse(sys.argv[1]).getroot()
links = {l.get("rel"): l.get("href") for l in f.findall(a + "link")}
print(len(f.findall(a + "entry")), links["self"], links["alternate"])' "$TMP/body")" "atom: entries and links"
cgi 'format=opensearch' HTTPS=on HTTP_HOST=archive.example
expect_eq "application/opensearchdescription+xml; charset=utf-8" "$(header Content-Type)" "opensearch type"
expect_eq "https://archive.example/search?q={searchTerms}&page={startPage?}" "$(python3 -c '
import sys, xml.etree.ElementTree as ET
o = "{http://a9.com/-/spec/opensearch/1.1/}"
d = ET.parse(sys.argv[1]).getroot()
print([u.get("template") for u in d.findall(o + "Url") if u.get("type") == "text/html"][0])' "$TMP/body")" "opensearch: the HTML template"
cgi 'format=opensearch' HTTP_HOST='evil"><x'
expect_file_contains "$TMP/body" 'template="http://127.0.0.1:8080/search?' "a Host header that is not a host is not used"

# Copies of one story (the anime column, carried by two feeds) are folded by
# default, in every format; the page says so and links to the copies.
COPIES=$TMP/copies
indexer --db "$COPIES" --quiet import "$DATA/bloomberg-opinion.atom" "$DATA/opinion-bylines.rss"
hits() { grep -c '<li class="hit"' "$TMP/body"; }
cgi 'q=anime+artists' MORGUE_DB="$COPIES"
expect_eq 1 "$(hits)" "copies folded by default"
expect_file_contains "$TMP/body" '>Result 1 of 1 <' "one result: 'Result 1 of 1'"
expect_file_contains "$TMP/body" '1 copy of the same stories folded: <a href="/search?q=anime%20artists&amp;collapse=0">show every copy</a>' "the page says how many"
expect_file_contains "$TMP/body" '">1 more copy</a> of this story' "the hit links to its copies"
copies=$(sed -n 's/.*<a class="copies" href="\/search?\([^"]*\)">.*/\1/p' "$TMP/body" | sed 's/&amp;/\&/g')
expect_eq 1 "$([[ $copies =~ ^q=anime%20artists\&story=[0-9a-f]{16}\&collapse=0$ ]] && echo 1)" "the copies' link: $copies"
cgi "$copies" MORGUE_DB="$COPIES"
expect_eq 2 "$(hits)" "the story's copies"
expect_file_contains "$TMP/body" 'aria-label="Remove filter copies of: one story"' "a chip for the story"
expect_file_lacks "$TMP/body" 'class="folded"' "nothing folded among one story's copies"
cgi 'q=anime+artists&collapse=0' MORGUE_DB="$COPIES"
expect_eq 2 "$(hits)" "collapse=0: every copy"
expect_file_contains "$TMP/body" 'every copy shown: <a href="/search?q=anime%20artists">fold copies of one story</a>' "and the way back"
for c in 1 0; do
    cgi "q=anime+artists&format=json&collapse=$c" MORGUE_DB="$COPIES"
    expect_eq "$((2 - c)) $c" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["results"]), d["collapsed"])' "$TMP/body")" "json, collapse=$c"
    cgi "q=anime+artists&format=atom&collapse=$c" MORGUE_DB="$COPIES"
    expect_eq "$((2 - c))" "$(grep -o '<entry[ >]' "$TMP/body" | wc -l)" "atom, collapse=$c"
done

# Bad requests: a clear message and a 4xx, never a stack of internals.
cgi "q=$(printf 'a%.0s' $(seq 9000))"
expect_eq 414 "$status" "over-long request"
for bad in 'page=0' 'page=abc' 'page=101' 'sort=bogus' 'format=xml' 'collapse=2'; do
    cgi "q=trump&$bad"
    expect_eq 400 "$status" "$bad"
    expect_file_contains "$TMP/body" 'class="error" role="alert"' "$bad: the page says what is wrong"
done
# A pasted paragraph of 1,000 words (about 6 KB) is searched, relaxed to
# any of its words, and the page says so.
cgi "q=$(printf 'teigen+word%d+' $(seq 500))"
expect_eq 200 "$status" "a 1,000-word query"
expect_file_contains "$TMP/body" 'No article has all of your words: showing articles with any of them' "the page says the query was relaxed"
expect_file_contains "$TMP/body" '<mark>Teigen</mark> Officiates' "and finds what its words find"
# A query that is not valid syntax is searched as words, never a 400.
cgi 'q=date:2025-13..2026+trump&format=json'
expect_eq 200 "$status" "bad date range: searched"
expect_file_contains "$TMP/body" '"query_note":"searched as plain words' "json: what was ignored"
cgi 'q=%28trump+OR'
expect_eq 200 "$status" "stray parenthesis: searched"
expect_file_contains "$TMP/body" '<p class="note" role="status">Your query was searched as plain words (' "the page says what was ignored"
cgi 'q=Seth+Meyers%3A+Donald+Trump+Needs+To+Start+A+New+Charity'
expect_eq 200 "$status" "a pasted headline"
expect_file_lacks "$TMP/body" 'Your query was' "a pasted headline is valid: Meyers: is a word"
cgi 'q=Seth+Meyers%3A+Donald+Trump+Needs+To+Start+A+New+Charity&format=json'
expect_eq "Seth Meyers: Donald Trump Needs To Start A New Charity" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["title"])' "$TMP/body")" \
    "a pasted headline finds its article first"
cgi 'q=zzzyqqx'
expect_eq 200 "$status" "no match is not an error"
expect_file_contains "$TMP/body" 'No articles match <q>zzzyqqx</q>' "empty result page"
cgi 'q=trump&columnist=Nobody'
expect_file_contains "$TMP/body" 'Search again without the filters' "empty result page offers to drop the filters"
cgi 'q=trunp'
expect_file_contains "$TMP/body" 'Did you mean <a href="/search?q=trump">trump</a>?' "did you mean, no results"
cgi 'q=trump+OR+melanja'
expect_file_contains "$TMP/body" 'Did you mean: <a href="/search?q=trump%20OR%20melania">trump OR melania</a>?' "did you mean, few results"

# A missing database or configuration: 503, no internals in the page.
cgi 'q=trump' MORGUE_DB="$TMP/no-such-db"
expect_eq 503 "$status" "missing database"
expect_file_lacks "$TMP/body" "no-such-db" "the page does not name the path"
expect_file_contains "$TMP/err" "no-such-db" "the server log does"
expect_eq 60 "$(header Retry-After)" "Retry-After"
cgi 'q=trump' MORGUE_DB=
expect_eq 503 "$status" "no database configured"
expect_file_contains "$TMP/err" "no database" "the log says why"
printf 'db = %s\ncolour = blue\n' "$DB" >"$TMP/bad.conf"
cgi 'q=trump' MORGUE_DB= MORGUE_CONFIG="$TMP/bad.conf"
expect_eq 503 "$status" "bad config file"
expect_file_contains "$TMP/err" "bad.conf:2: unknown key \"colour\"" "the log names file and line"
printf '# the archive\ndb = %s\ntitle = The Clippings\n' "$DB" >"$TMP/good.conf"
cgi 'q=trump' MORGUE_DB= MORGUE_CONFIG="$TMP/good.conf"
expect_eq 200 "$status" "database from the config file"
expect_file_contains "$TMP/body" '<title>trump – The Clippings</title>' "title from the config file"
printf 'db = %s\ntime_limit = 0.000001\n' "$DB" >"$TMP/hasty.conf"
cgi 'q=trump' MORGUE_DB= MORGUE_CONFIG="$TMP/hasty.conf"
expect_eq 503 "$status" "a request over the time limit"
expect_file_contains "$TMP/body" "the search took too long" "the reader is told why"
cgi 'q=trump' MORGUE_TEMPLATES="$TMP"
expect_eq 503 "$status" "missing templates"

# Facets that explain themselves: each value a checkbox-like link, the
# hint that ticking more means "any of them", "and"/"or" between chips,
# more values on request, months within a chosen year, a from/to form.
cgi 'q=trump'
expect_file_lacks "$TMP/body" 'aria-pressed' "no aria-pressed on links"
expect_file_contains "$TMP/body" 'role="checkbox" aria-checked="false"' "values are checkboxes"
expect_file_contains "$TMP/body" '<p class="hint" id="hint-columnist">Tick one or more: any of them will do.</p>' "the hint"
columnists=$(searcher --db "$DB" --json --facet columnist --facet-limit 1000 trump | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["facets"]["columnist"]))')
expect_eq 1 "$((columnists > 10))" "more than ten columnists write about trump ($columnists)"
expect_eq 10 "$(sed -n '/id="facet-columnist"/,/<\/section>/p' "$TMP/body" | grep -o 'role="checkbox"' | wc -l)" "ten shown"
expect_file_contains "$TMP/body" '<a href="/search?q=trump&amp;more=columnist" aria-label="More Columnist values">More…</a>' "and a way to more"
cgi 'q=trump&more=columnist'
expect_eq "$((columnists < 100 ? columnists : 100))" "$(sed -n '/id="facet-columnist"/,/<\/section>/p' "$TMP/body" | grep -o 'role="checkbox"' | wc -l)" "more=columnist: all of them"
expect_file_contains "$TMP/body" '<a href="/search?q=trump">Fewer</a>' "and the way back"
cgi 'q=trump&columnist=Lee+Moran&columnist=Ed+Mazza&topic=POLITICS'
expect_file_contains "$TMP/body" '<p class="hint" id="hint-columnist">Articles with any of the 2 ticked.</p>' "the hint counts the ticked"
expect_eq "or and" "$(grep -o '<span class="join">[a-z]*</span>' "$TMP/body" | sed 's/<[^>]*>//g' | tr '\n' ' ' | sed 's/ $//')" "chips: or within a field, and across"
expect_file_contains "$TMP/body" 'role="checkbox" aria-checked="true" class="on"' "the ticked are checked"
cgi 'q=trump&year=2020&since=2020'
expect_file_contains "$TMP/body" '<h2 id="facet-month">Month</h2>' "one year chosen: its months"
expect_eq 1 "$(grep -c '<span class="name">[A-Z][a-z]* 2020</span>' "$TMP/body" | awk '{print ($1 > 0)}')" "months by name, in that year"
expect_file_contains "$TMP/body" '<input id="since" name="since" type="month" value="2020-01"' "the from month"
expect_file_contains "$TMP/body" '<input type="hidden" name="year" value="2020">' "the date form keeps the rest"
cgi 'q=trump&year=2020&year=2019'
expect_file_lacks "$TMP/body" 'id="facet-month"' "two years: no months"
cgi 'q=trump&since=2019-06&until=2020-03&format=json&collapse=0'
since_json=$(json_total <"$TMP/body")
expect_eq "$(searcher --db "$DB" --count --since 2019-06 --until 2020-03 trump)" "$since_json" "a month range is the CLI's"

# check_copy WORD: the copy page in $TMP/body against its JSON in $TMP/copy.json:
# the whole text in its paragraphs, the title, and WORD's forms marked.
check_copy() {
    python3 - "$TMP/body" "$TMP/copy.json" "$1" >"$TMP/copy-check" 2>&1 <<'PY' || fail "the copy's text: $(cat "$TMP/copy-check")"
import html.parser, json, sys
page, want = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.in_p = False; self.depth = 0; self.paras = []; self.marks = []; self.in_mark = False; self.title = ""; self.in_h1 = False
    def handle_starttag(self, tag, attrs):
        if tag == "div" and ("class", "text") in attrs: self.depth = 1
        elif tag == "p" and self.depth: self.paras.append(""); self.in_p = True
        elif tag == "mark": self.in_mark = True; self.marks.append("")
        elif tag in ("h1", "title"): self.in_h1 = tag
    def handle_endtag(self, tag):
        if tag == "div": self.depth = 0
        if tag == "p": self.in_p = False
        if tag == "mark": self.in_mark = False
        if tag in ("h1", "title"): self.in_h1 = False
    def handle_data(self, data):
        if self.depth and self.in_p: self.paras[-1] += data
        if self.in_mark: self.marks[-1] += data
        if self.in_h1 == "h1": self.title += data
        if self.in_h1 == "title": self.head = data
t = Text(); t.feed(page)
assert t.paras == want["body"].split("\n"), (t.paras[:2], want["body"][:200])
assert t.title == want["title"], (t.title, want["title"])
assert t.head.startswith(want["title"] + " – "), t.head  # the page is named after it
assert t.marks and all(m.lower().startswith(sys.argv[3]) for m in t.marks), t.marks
PY
}
# The archive's own copy of each hit (?doc=ID, by the article's id): its
# facts, the whole stored text with the query's words marked, the original
# link, when it was captured, the way back to the results and "more like
# this"; the same as JSON; 404 for an id the archive does not have.
cgi 'q=trump&columnist=Lee+Moran'
copy=$(grep -o 'class="copy" href="[^"]*"' "$TMP/body" | head -1 | sed 's/.*href="//; s/"$//; s/&amp;/\&/g')
expect_eq 1 "$([[ $copy == '/search?q=trump&columnist=Lee%20Moran&doc='* ]] && echo 1)" "a hit links to its archive copy, with the search: $copy"
id=$(python3 -c 'import sys, urllib.parse as u; print(u.parse_qs(u.urlsplit(sys.argv[1]).query)["doc"][0])' "$copy")
cgi "${copy#/search?}&format=json"
expect_eq 200 "$status" "the archive copy as JSON"
cp "$TMP/body" "$TMP/copy.json"
expect_eq "$id" "$(json_field "$TMP/copy.json" 'd["id"]')" "the copy is of that article"
captured=$(json_field "$TMP/copy.json" 'd["captured"]')
age=$(($(date -u +%s) - $(date -u -d "$captured" +%s)))
expect_eq 1 "$([[ $age -ge 0 && $age -lt 86400 ]] && echo 1)" "captured when imported: $captured"
expect_file_contains "$TMP/copy.json" '<mark>Trump' "JSON: the query's words marked in the text"
cgi "${copy#/search?}"
expect_eq 200 "$status" "the archive copy"
expect_eq "max-age=60" "$(header Cache-Control)" "the copy is cached as the page is"
check_copy trump
expect_file_contains "$TMP/body" '<dt>Columnist</dt><dd><a href="/search?columnist=Lee%20Moran">Lee Moran</a></dd>' "the columnist, linked"
expect_file_contains "$TMP/body" "<dt>Captured</dt><dd><time datetime=\"$captured\">" "when it was captured"
expect_file_contains "$TMP/body" "<dt>Original</dt><dd><a href=\"$(json_field "$TMP/copy.json" 'd["url"]')\" rel=\"noreferrer\">" "the original link"
expect_file_contains "$TMP/body" '<a href="/search?q=trump&amp;columnist=Lee%20Moran">← Back to the results</a>' "the way back"
expect_file_lacks "$TMP/body" 'name="doc"' "a new search from the copy's box is a search"
similar=$(grep -o '<a href="[^"]*">More like this' "$TMP/body" | sed 's/<a href="//; s/">.*//; s/&amp;/\&/g')
expect_eq 1 "$([[ $similar == /search?similar=* ]] && echo 1)" "more like this, by the article's id: $similar"
cgi "${similar#/search?}"
expect_eq 200 "$status" "more like this"
expect_file_contains "$TMP/body" 'Articles like <a href="/search?doc=' "says what the results are like"
cgi "${similar#/search?}&format=json&collapse=0"
docid=$(json_field "$TMP/copy.json" 'd["docid"]')
expect_eq "$(searcher --db "$DB" --json --similar "$docid" | python3 -c 'import json,sys; print([h["id"] for h in json.load(sys.stdin)["results"]])')" \
    "$(python3 -c 'import json,sys; print([h["id"] for h in json.load(sys.stdin)["results"]])' <"$TMP/body")" "the CLI's --similar"
expect_file_lacks "$TMP/body" "\"id\":\"$id\"" "not the article itself"
cgi 'q=anime&format=json'
anime=$(json_field "$TMP/body" 'd["results"][0]["id"]')
cgi "doc=$(python3 -c 'import sys, urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' "$anime")&q=anime&format=json"
cp "$TMP/body" "$TMP/copy.json"
expect_eq 1 "$(json_field "$TMP/copy.json" 'int(d["body"].count(chr(10)) > 3)')" "a copy of several paragraphs"
cgi "doc=$(python3 -c 'import sys, urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' "$anime")&q=anime"
check_copy anime
cgi 'doc=https%3A%2F%2Fwww.huffpost.com%2Fentry%2Fdonald-trump-tests-positive-coronavirus_n_5eb5d776c5b69c4b317a5ee5'
expect_file_contains "$TMP/body" '<dt>Columnists</dt><dd><a href="/search?columnist=Nick%20Visser">Nick Visser</a>, <a href="/search?columnist=Carla%20Herreria%20Russo">' "two columnists, each linked"
for qs in 'doc=https%3A%2F%2Fnowhere.example%2Fx' 'doc=https%3A%2F%2Fnowhere.example%2Fx&format=json' 'similar=https%3A%2F%2Fnowhere.example%2Fx'; do
    cgi "$qs"
    expect_eq 404 "$status" "no such article: $qs"
    expect_file_contains "$TMP/body" 'no article in the archive has the id' "says so: $qs"
done
cgi "doc=$(python3 -c 'import sys, urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' "$id")"
expect_eq 200 "$status" "a copy without a query"
expect_file_lacks "$TMP/body" "<mark>" "nothing marked without a query"
expect_file_lacks "$TMP/body" "Back to the results" "no results to go back to"

# Hostile values: from indexed articles, from the query and from parameters.
no_markup() { # description: no injected element in $TMP/body
    local tags=('<script' '<img' '<svg' '<iframe' '</textarea' 'href="javascript:')
    # In HTML a quote in text is escaped too; in XML text it need not be.
    [[ $(header Content-Type) == text/html* ]] && tags+=('="javascript:' '=javascript:')
    for tag in "${tags[@]}"; do
        expect_file_lacks "$TMP/body" "$tag" "$1: $tag"
    done
}
DB=$XSS
for qs in 'q=budget' 'q=budget&format=atom' 'q=budget&format=json' 'q='; do
    cgi "$qs"
    expect_eq 200 "$status" "xss: $qs"
    [[ $qs == *json* ]] || no_markup "indexed payloads, $qs"
done
cgi 'q=budget'
expect_file_contains "$TMP/body" '<mark>Budget</mark> &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;' "title escaped, its query word marked"
expect_file_contains "$TMP/body" 'Eve &lt;img src=x onerror=alert(&quot;author&quot;)&gt;' "columnist escaped"
expect_file_contains "$TMP/body" '&quot;&gt;&lt;svg onload=alert(&quot;topic&quot;)&gt;' "topic escaped"
cgi 'doc=https%3A%2F%2Fhostile.example%2F%23xss-1&q=budget'
expect_eq 200 "$status" "xss: the archive copy"
no_markup "indexed payloads, the archive copy"
expect_file_contains "$TMP/body" '<mark>Budget</mark> &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;' "the copy's title escaped, marked"
cgi 'q=budget&format=atom'
python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$TMP/body" 2>"$TMP/xmlerr"
expect_eq "" "$(cat "$TMP/xmlerr")" "atom with payloads is well-formed XML"
for qs in 'q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E' 'q=x&columnist=%22%3E%3Cscript%3Ealert(1)%3C/script%3E' \
    'q=x&topic=%3Cimg%20src=x%20onerror=alert(1)%3E' 'q=x&since=%3Cscript%3E' 'q=%3C/textarea%3E%3Csvg/onload=alert(1)%3E' \
    'q=%3Ciframe%20src=javascript:alert(1)%3E&sort=%3Cscript%3E' 'q=x&page=%3Cscript%3E' \
    'q=%22%3E%3Cscript%3E&format=atom' 'doc=%3Cscript%3Ealert(1)%3C/script%3E' 'similar=%22%3E%3Cimg%20src=x%3E'; do
    cgi "$qs"
    no_markup "payload in $qs"
done
cgi 'q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E'
expect_file_contains "$TMP/body" 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' "the query is escaped in the search box"
cgi 'q=caf%E9%FF'
expect_eq 200 "$status" "invalid UTF-8 in the query"
# An archive in several languages: a Language facet by name, each hit in its
# own language (lang=), a language filter; one in one language shows no facet.
WORLD=$TMP/world
indexer --db "$WORLD" --quiet import "$DATA/languages/tagesblatt-de.rss" "$DATA/languages/diario-es.atom" \
    "$DATA/taipei-times-editorials.rss"
cgi 'q=Regierung' MORGUE_DB="$WORLD"
expect_eq 200 "$status" "a German query"
expect_file_contains "$TMP/body" '<li class="hit" lang="de">' "the hit in its own language"
cgi 'q=' MORGUE_DB="$WORLD"
expect_file_contains "$TMP/body" ">Language<" "a language facet"
expect_file_contains "$TMP/body" ">German<" "languages by name"
cgi 'q=&language=de' MORGUE_DB="$WORLD"
expect_file_contains "$TMP/body" "Results 1–3 of 3 <" "filtered by language"
cgi 'q=trump'
expect_file_lacks "$TMP/body" ">Language<" "one language: no facet"
# A database from before languages: the page neither counts nor filters by them.
grep -v 'name="language"' "$MORGUE_SOURCE_DIR/schemas/news.xml" >"$TMP/old-news.xml"
indexer --db "$TMP/old" --quiet --schema "$TMP/old-news.xml" import "$DATA/taipei-times-editorials.rss"
cgi 'q=taiwan&language=de' MORGUE_DB="$TMP/old"
expect_eq 200 "$status" "an old database: a language filter is not an error"
expect_file_contains "$TMP/body" "taiwan" "and the search is answered"
finish

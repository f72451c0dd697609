#!/usr/bin/env bash
# Names a newsroom files under (issue 18 item 3), end to end: datelines give
# the name, "Last, First" is one person, the same person written two ways is
# one facet value, agencies and desks are a credit (a facet, a field, a
# filter), on the CLI, in JSON, Atom and on the page, and after a rebuild.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
indexer --db "$DB" -q import "$DATA/credits/wire-and-columns.rss"

facet() { # FIELD [query...]: value=count ...
    local field=$1
    shift
    searcher --db "$DB" --json --facet "$field" "$@" | python3 -c 'import json,sys; print(" ".join("%s=%d" % (v["value"], v["count"]) for v in json.load(sys.stdin)["facets"][sys.argv[1]]))' "$field"
}
expect_eq "David Smith=2 Ashifa Kassam=1 Jane Doe=1 N. Roe=1 P. J. Hines=1" "$(facet columnist)" \
    "columnists: no place names, no fragments, one David Smith"
expect_eq "AP=1 Editorial Board=1 Reuters=1 Staff and agencies=1" "$(facet credit)" \
    "credits: the agencies and desks, apart"

expect_eq "Storm closes ports along the coast" "$(titles "$DB" 'credit:"Staff and agencies"')" "credit: the exact value"
expect_eq "Senate vote on the budget delayed again" "$(titles "$DB" credit:reuters)" "credit: a word of it"
expect_eq "Senate vote on the budget delayed again" "$(titles "$DB" --filter credit:Reuters budget)" "--filter credit:"
expect_eq "0" "$(searcher --db "$DB" --json columnist:quebec | json_total)" "no columnist Quebec"
expect_eq "0" "$(searcher --db "$DB" --json columnist:agencies | json_total)" "no columnist agencies"
expect_eq "2" "$(searcher --db "$DB" --json 'columnist:"David Smith"' | json_total)" "DAVID SMITH and Smith, David: one columnist"

# JSON carries the credit when there is one; text shows it after the names.
run searcher --db "$DB" --json 'title:senate'
expect_eq "['David Smith'] ['Reuters']" "$(json_field "$TMP/out" 'str(d["results"][0]["columnist"]) + " " + str(d["results"][0]["credit"])')" "JSON columnist and credit"
run searcher --db "$DB" --json 'title:border'
expect_eq "False" "$(json_field "$TMP/out" '"credit" in d["results"][0]')" "no credit key when none"
run searcher --db "$DB" title:senate
expect_file_contains "$TMP/out" "2025-11-04  David Smith, Reuters" "text: names, then credits"
run searcher --db "$DB" --format atom title:storm
expect_file_contains "$TMP/out" "<name>Staff and agencies</name>" "Atom: the desk as author"

# The page: a Credit facet, and the credit linked on the hit.
QUERY_STRING='q=harbour' REQUEST_METHOD=GET GATEWAY_INTERFACE=CGI/1.1 MORGUE_DB=$DB \
    "$MORGUE_SEARCHER" >"$TMP/page"
expect_file_contains "$TMP/page" ">Credit<" "page: a Credit facet"
expect_file_contains "$TMP/page" 'credit=Editorial%20Board' "page: the desk links to its filter"

# Kept through export, import and rebuild.
indexer --db "$DB" export --jsonl -o "$TMP/export.jsonl"
indexer --db "$TMP/restored" -q import --jsonl "$TMP/export.jsonl"
indexer --db "$TMP/restored" -q rebuild >/dev/null
DB=$TMP/restored
expect_eq "AP=1 Editorial Board=1 Reuters=1 Staff and agencies=1" "$(facet credit)" "credits after restore and rebuild"
finish

#!/usr/bin/env bash
# Topics filed under one name are found by any of its aliases: the indexer
# stores its alias file in the database and the searcher maps topic: queries
# and topic filters (CLI and CGI) through it.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
printf 'Politics | Pol | Government & Politics\nWorld News | Foreign\n' >"$TMP/aliases.txt"
indexer --db "$DB" --topic-aliases "$TMP/aliases.txt" -q import "$DATA/huffpost-sample.rss"
want=$(searcher --db "$DB" --count topic:politics)
expect_eq 1 "$((want > 50))" "politics articles ($want)"
expect_eq "$want" "$(searcher --db "$DB" --count topic:pol)" "topic: by an alias"
expect_eq "$want" "$(searcher --db "$DB" --count 'topic:"government & politics"')" "topic: by a quoted alias"
expect_eq "$want" "$(searcher --db "$DB" --count --filter topic:POL)" "--filter by an alias, any case"
expect_eq "$(searcher --db "$DB" --count 'topic:"world news"')" "$(searcher --db "$DB" --count topic:foreign)" "another group"
expect_eq 0 "$(searcher --db "$DB" --count topic:nonesuch)" "an unknown topic stays unknown"
GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET QUERY_STRING='format=json&topic=pol' MORGUE_DB="$DB" \
    "$MORGUE_SEARCHER" | sed '1,/^\r$/d' | json_total >"$TMP/cgi"
expect_eq "$want" "$(cat "$TMP/cgi")" "the CGI's topic parameter by an alias"
GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET QUERY_STRING='q=trump&topic=pol' SCRIPT_NAME=/search \
    MORGUE_DB="$DB" "$MORGUE_SEARCHER" >"$TMP/page"
expect_file_contains "$TMP/page" 'aria-label="Remove filter topic: Politics"' "the page names the topic, not the alias"
expect_file_contains "$TMP/page" 'aria-checked="true" class="on"><span class="tick" aria-hidden="true"></span><span class="name">Politics</span>' "and marks it chosen in the sidebar"
# A rebuild with a new alias file stores the new one.
printf 'Politics | Affairs of State\n' >"$TMP/aliases2.txt"
indexer --db "$DB" --topic-aliases "$TMP/aliases2.txt" -q rebuild >/dev/null
expect_eq "$want" "$(searcher --db "$DB" --count 'topic:"affairs of state"')" "the rebuilt database knows the new alias"
expect_eq 0 "$(searcher --db "$DB" --count topic:pol)" "and not the old one"
finish

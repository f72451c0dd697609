#!/usr/bin/env bash
# Searching the sample feeds: ranking, field prefixes, CJK, golden output,
# and clear errors.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
indexer --db "$DB" --quiet import "$DATA/taipei-times-editorials.rss" "$DATA/bloomberg-opinion.atom"

ANIME="Japan’s anime artists deserve better than AI slop"
expect_eq "$ANIME" "$(titles "$DB" anime | head -1)" "anime ranks the anime column first"
expect_eq 2 "$(titles "$DB" japan | wc -l)" "japan matches two articles"
expect_eq "$ANIME" "$(titles "$DB" columnist:thorbecke)" "columnist: by surname"
expect_eq "$ANIME" "$(titles "$DB" 'columnist:"Catherine Thorbecke"')" "columnist: by full name"
expect_eq "" "$(titles "$DB" 'columnist:"Dave Lee"')" "a columnist quoted in the body is not the columnist"
expect_eq "Tsai's travels carry Taiwan's message" "$(titles "$DB" 蔡英文)" "CJK query"
expect_eq "Beijing escalates over Takaichi's remarks" "$(titles "$DB" 釣魚台)" "CJK query, other article"
expect_eq "Currency statement no cause for alarm" "$(titles "$DB" topic:economy)" "topic:"
expect_eq "Taiwan passes the duck test" "$(titles "$DB" '"Montevideo Convention"')" "phrase"
expect_eq "" "$(titles "$DB" '"Convention Montevideo"')" "phrase order matters"
expect_eq 4 "$(titles "$DB" topic:editorials | wc -l)" "topic with four articles"
expect_eq 0 "$(titles "$DB" topic:editorials NOT taiwan | wc -l)" "NOT: every editorial mentions Taiwan"
expect_eq 3 "$(titles "$DB" topic:editorials NOT japan | wc -l)" "NOT"
expect_eq 2 "$(titles "$DB" 'anime OR currency' | wc -l)" "OR"
expect_eq "Currency statement no cause for alarm" "$(titles "$DB" currency)" "simple word"
expect_eq "Currency statement no cause for alarm" "$(titles "$DB" CURRENCY)" "case-insensitive"
expect_eq "Currency statement no cause for alarm" "$(titles "$DB" currencies)" "stemmed"

# Paging: offset and limit.
all=$(titles "$DB" topic:editorials)
expect_eq "$(echo "$all" | sed -n 2p)" "$(titles "$DB" --limit 1 --offset 1 topic:editorials)" "offset 1 limit 1 is the second result"

# Golden output: text (a pipe, so no highlighting) and JSON.
run searcher --db "$DB" japan
expect_status 0 "text search"
expect_golden search-japan.txt "$TMP/out"
run searcher --db "$DB" --json 'columnist:thorbecke OR 蔡英文'
expect_status 0 "json search"
expect_eq 1 "$(wc -l <"$TMP/out")" "--json: one line"
cp "$TMP/out" "$TMP/one-line.json"
run searcher --db "$DB" --json --pretty 'columnist:thorbecke OR 蔡英文'
expect_eq True "$(python3 -c 'import json,sys; a,b=(json.load(open(f)) for f in sys.argv[1:]); a.pop("elapsed_ms"); b.pop("elapsed_ms"); print(a==b)' "$TMP/one-line.json" "$TMP/out")" \
    "--pretty: the same object, indented"
zero_timings "$TMP/out"
expect_golden search-columnist-cjk.json "$TMP/out"
run searcher --db "$DB" --json --pretty --limit 2 --facet columnist,topic,year,month,feed --filter topic:editorials \
    --sort date taiwan
expect_status 0 "faceted, filtered, sorted search"
zero_timings "$TMP/out"
expect_golden search-facets.json "$TMP/out"
run searcher --db "$DB" --facet topic --facet year --since 2025-11 --until 2025-11-14 ''
expect_status 0 "facets in text, date bounds"
expect_golden search-facets.txt "$TMP/out"
# Spelling: unknown words get a suggestion from the indexed text.
run searcher --db "$DB" 'Montevido convention'
expect_eq "did you mean: Montevideo convention" "$(head -1 "$TMP/out")" "did you mean"
run searcher --db "$DB" --json --pretty --limit 0 'curency'
expect_file_contains "$TMP/out" '"corrected_query": "currency"' "corrected_query in JSON"
run searcher --db "$DB" --json --pretty --limit 0 '"exchange rates"'
expect_file_contains "$TMP/out" '"corrected_query": null' "known words are not corrected"
# Synonyms (schemas/synonyms.txt, stored in the database by the indexer).
expect_eq "Beijing escalates over Takaichi's remarks" "$(titles "$DB" Diaoyu)" "synonym: Diaoyu finds Diaoyutai"
expect_eq "Beijing escalates over Takaichi's remarks" "$(titles "$DB" 尖閣諸島)" "synonym: CJK member"
expect_eq "Beijing escalates over Takaichi's remarks" "$(titles "$DB" '"People'"'"'s Liberation Army"' | head -1)" "phrase"
# --count
run searcher --db "$DB" --count topic:editorials
expect_eq 4 "$(cat "$TMP/out")" "--count"
# Highlighting in JSON: plain and HTML-escaped with <mark>.
run searcher --db "$DB" --json 'Montevideo'
expect_file_contains "$TMP/out" '<mark>Montevideo</mark>' "snippet_html marks matches"
# Long queries: a pasted paragraph of 1,000 words (the anime column's own
# text, over and over) is searched, relaxed to any of its words, and finds
# its column first; past 8 KiB, its first words are searched, with a note.
paragraph() { # WORDS: the anime column's words, repeated up to WORDS
    python3 - "$DATA/bloomberg-opinion.atom" "$1" <<'PY'
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
entry = next(e for e in text.split("<entry>") if "anime artists" in e)
body = html.unescape(re.sub(r"<[^>]+>", " ", html.unescape(entry.split("<content", 1)[1])))
words = body.split()
print(" ".join((words * (int(sys.argv[2]) // len(words) + 1))[: int(sys.argv[2])]))
PY
}
run searcher --db "$DB" --json "$(paragraph 1000)"
expect_status 0 "a 1,000-word query searches"
expect_eq "$ANIME" "$(json_field "$TMP/out" 'd["results"][0]["title"]')" "a pasted paragraph finds its article first"
expect_eq "True" "$(json_field "$TMP/out" 'd.get("relaxed")')" "json: relaxed"
expect_file_lacks "$TMP/out" "query_note" "1,000 words fit"
# A question of twenty words: no article has them all; relaxed, it finds
# the articles it is about.
question="why do japanese anime artists say that studios using artificial intelligence to make cheap images are a threat to their work"
expect_eq "$ANIME" "$(titles "$DB" "$question" | head -1)" "a 20-word question finds its article first"
question="what did the president of taiwan say about china and the united states during her visit to europe this year"
expect_file_contains <(titles "$DB" "$question" | head -2) "Tsai's travels carry Taiwan's message" "a 20-word question about Tsai's travels"
run searcher --db "$DB" --strict "$question"
expect_file_contains "$TMP/out" "no results for \"$question\"" "--strict: all words stay required"
expect_file_lacks "$TMP/out" "did you mean: what said" "a stopword is never corrected"
run searcher --db "$DB" "$(paragraph 1600)"
expect_status 0 "a query over 8 KiB searches its first words"
expect_file_contains "$TMP/out" "note: searched as its first " "the note says what was searched"
expect_file_contains "$TMP/out" "words (the limit is 8192 bytes)" "and why"
run searcher --db "$DB" --strict "$(paragraph 1600)"
expect_status 2 "--strict: over 8 KiB is an error"
expect_eq "morgue-searcher: query: longer than 8192 bytes" "$(cat "$TMP/err")" "length message"
run searcher --db "$DB" nosuchwordanywhere
expect_status 0 "no results is not an error"
expect_eq 'no results for "nosuchwordanywhere"' "$(cat "$TMP/out")" "no-results message"

# Whatever a reader types searches: malformed syntax as plain words, with a
# note; --strict keeps the error for scripts.
run searcher --db "$DB" '(anime OR japan'
expect_status 0 "malformed query: searched"
expect_file_contains "$TMP/out" "note: searched as plain words (column 1: '(' is never closed)" "what was ignored"
expect_eq "$(titles "$DB" 'anime japan')" "$(titles "$DB" '(anime OR japan')" "malformed query: its words"
run searcher --db "$DB" --json 'anime AND'
expect_status 0 "dangling operator: searched"
expect_eq "searched as plain words (column 7: AND needs something after it)" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["query_note"])' "$TMP/out")" "json query_note"
run searcher --db "$DB" --json anime
expect_file_lacks "$TMP/out" "query_note" "no note for a valid query"
run searcher --db "$DB" --strict '(anime OR japan'
expect_status 2 "--strict: malformed query"
expect_eq "morgue-searcher: query: column 1: '(' is never closed" "$(cat "$TMP/err")" "malformed query message"
run searcher --db "$DB" --strict 'anime AND'
expect_status 2 "--strict: dangling operator"
# A pasted headline, colon and all: "Meyers:" is no field of Morgue's.
headline="Seth Meyers: Donald Trump Needs To Start A New Charity" # found first: T300
run searcher --db "$DB" --json --strict "$headline"
expect_status 0 "an unknown field prefix is a word, even with --strict"
expect_file_lacks "$TMP/out" "query_note" "nothing was ignored"

# Errors: one line, documented exit codes.
run searcher --db "$TMP/missing" anime
expect_status 3 "missing database"
expect_eq "morgue-searcher: $TMP/missing: no such database" "$(cat "$TMP/err")" "missing database message"
mkdir "$TMP/empty-dir"
run searcher --db "$TMP/empty-dir" anime
expect_status 3 "a directory that is no database"
expect_file_contains "$TMP/err" "$TMP/empty-dir: not a Xapian database" "not-a-database message"
finish

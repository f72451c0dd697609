#!/usr/bin/env bash
# An archive in several languages, fetched over loopback: each article
# stemmed in its feed's language (or the feed list's language=), every query
# matched in all of them; the language kept through parse, rebuild, export
# and import, and a bulk import's shards.
. "$(dirname "$0")/lib.sh"
DB=$TMP/db
start_feed_server
L=$S/feeds/languages

# The feed list overrides a feed that declares no language.
cat >"$TMP/feeds.txt" <<LIST
$L/tagesblatt-de.rss
$L/diario-es.atom
$L/sin-idioma.rss   language=es
$L/zhongyang-zh.rss
$S/feeds/taipei-times-editorials.rss
LIST
run indexer --db "$DB" fetch --feeds "$TMP/feeds.txt"
expect_status 0 "fetch feeds in four languages"
expect_eq 12 "$(doc_count "$DB")" "every item indexed"

run indexer --db "$DB" stats
expect_file_contains "$TMP/out" "  languages: en (5); de (3); es (3); zh (1);" "stats: the languages"

# first_hit QUERY [ARGS]: the title of the first result.
first_hit() { titles "$DB" --limit 1 "$@" | head -1; }
expect_eq "Die Regierungen der Länder streiten über den Haushalt" "$(first_hit Regierung)" \
    "German: Regierung finds Regierungen (German stemmer, capitalised noun)"
expect_eq "Ministerin kündigt Reform der Pflege an" "$(first_hit 'Krankenhaus Pflege')" \
    "German: Krankenhaus finds Krankenhäusern"
expect_eq "Las elecciones regionales ponen a prueba los presupuestos" \
    "$(first_hit 'presupuesto inflacion')" "Spanish: presupuesto, inflacion find presupuestos, inflación"
expect_eq "El gobierno anuncia nuevas ayudas para la vivienda" "$(first_hit llegar --filter language:es)" \
    "the feed list's language=es: llegar finds llegarán"
expect_eq "立法院三讀通過總預算案" "$(first_hit 預算)" "Chinese: n-grams as ever"
expect_eq "Regional elections test the budgets (English edition)" "$(first_hit budget)" \
    "an entry's own xml:lang (en in a Spanish feed)"
expect_eq "Taiwan passes the duck test" "$(first_hit 'Taiwan duck')" "English as before"

searcher --db "$DB" --json Regierung >"$TMP/de.json"
expect_eq de "$(json_field "$TMP/de.json" 'd["results"][0]["language"]')" "JSON: the hit's language"
expect_eq None "$(json_field "$TMP/de.json" 'd["corrected_query"]')" \
    "no 'did you mean Regierungen' for a word its stem finds"
expect_eq "Die <mark>Regierungen</mark> der Länder streiten über den Haushalt" \
    "$(json_field "$TMP/de.json" 'd["results"][0]["title_html"]')" "marked in its own language"
searcher --db "$DB" --json --limit 0 --facet language "" >"$TMP/facet.json"
expect_eq "[('en', 5), ('de', 3), ('es', 3), ('zh', 1)]" \
    "$(json_field "$TMP/facet.json" '[(v["value"], v["count"]) for v in d["facets"]["language"]]')" \
    "the language facet"
expect_eq 3 "$(searcher --db "$DB" --json --limit 0 language:German | json_total)" \
    "language:German is language:de"
searcher --db "$DB" --format atom Regierung >"$TMP/de.atom"
expect_file_contains "$TMP/de.atom" '<entry xml:lang="de">' "Atom: the entry's xml:lang"

# A server's Content-Language speaks for a feed that says nothing itself.
run indexer --db "$TMP/http" fetch "$S/language/es-CL/languages/sin-idioma.rss" \
    "$S/language/en/languages/tagesblatt-de.rss"
expect_eq "El gobierno anuncia nuevas ayudas para la vivienda" "$(DB=$TMP/http first_hit llegar)" \
    "Content-Language: es-CL, the feed silent: Spanish"
expect_eq 3 "$(searcher --db "$TMP/http" --json --limit 0 language:de | json_total)" \
    "Content-Language: en, the feed's <language>de-DE</language> wins"

# parse says what it read.
run indexer parse "$DATA/languages/tagesblatt-de.rss"
expect_file_contains "$TMP/out" "language: de-DE" "parse: the feed's tag"
expect_file_contains "$TMP/out" "    language: de" "parse: each item's code"
run indexer parse --language fr "$DATA/languages/tagesblatt-de.rss"
expect_file_contains "$TMP/out" "    language: fr" "parse --language overrides"
run indexer parse --language klingon "$DATA/languages/tagesblatt-de.rss"
expect_status 2 "a --language that is no language"
expect_file_contains "$TMP/err" 'language "klingon" is not a language tag' "named"
printf '%s language=xx-1\n%s lang=de\n' "$L/a.rss" "$L/b.rss" >"$TMP/bad-feeds.txt"
run indexer --db "$DB" fetch --feeds "$TMP/bad-feeds.txt"
expect_status 2 "a feed list with an unknown option"
expect_eq "morgue-indexer: $TMP/bad-feeds.txt:2: unknown option \"lang=de\" (known: language=CODE, fulltext=yes|no)" \
    "$(cat "$TMP/err")" "named by file and line"

# rebuild re-derives from the stored items, the languages with them.
searcher --db "$DB" --json --facet language --facet topic "" >"$TMP/before.json"
run indexer --db "$DB" rebuild
expect_status 0 "rebuild"
searcher --db "$DB" --json --facet language --facet topic "" >"$TMP/after.json"
zero_timings "$TMP/before.json"
zero_timings "$TMP/after.json"
diff "$TMP/before.json" "$TMP/after.json" >&2 || fail "rebuild keeps every language (feed list's too)"
expect_eq "El gobierno anuncia nuevas ayudas para la vivienda" "$(first_hit llegar --filter language:es)" \
    "the override survives rebuild"

# An archive from before a feed had its language= : rebuild --feeds refiles it.
run indexer --db "$TMP/older" fetch "$L/sin-idioma.rss"
expect_eq 0 "$(searcher --db "$TMP/older" --json --limit 0 language:es | json_total)" \
    "undeclared: filed under the default language"
expect_eq 0 "$(searcher --db "$TMP/older" --json --limit 0 llegar | json_total)" \
    "and stemmed in English: llegar does not find llegarán"
run indexer --db "$TMP/older" rebuild --feeds "$TMP/feeds.txt"
expect_status 0 "rebuild --feeds"
expect_eq 1 "$(searcher --db "$TMP/older" --json --limit 0 language:es | json_total)" \
    "rebuild --feeds: refiled under the list's language=es"
expect_eq "El gobierno anuncia nuevas ayudas para la vivienda" "$(DB=$TMP/older first_hit llegar)" \
    "and stemmed in Spanish: llegar finds llegarán"

# export and import --jsonl; import --jobs 2 (shards merged).
indexer --db "$DB" export --jsonl -o "$TMP/backup.jsonl"
run indexer --db "$TMP/restored" import --jsonl "$TMP/backup.jsonl"
expect_status 0 "import the export"
expect_eq "Die Regierungen der Länder streiten über den Haushalt" \
    "$(DB=$TMP/restored first_hit Regierung)" "restored: stemmed in German"
searcher --db "$TMP/restored" --json --limit 0 --facet language "" >"$TMP/restored.json"
expect_eq "$(json_field "$TMP/facet.json" 'd["facets"]')" "$(json_field "$TMP/restored.json" 'd["facets"]')" \
    "restored: the same languages"
run indexer --db "$TMP/bulk" import --jobs 2 "$DATA/languages/tagesblatt-de.rss" \
    "$DATA/languages/diario-es.atom" "$DATA/taipei-times-editorials.rss"
expect_status 0 "bulk import in shards"
expect_eq "Die Regierungen der Länder streiten über den Haushalt" "$(DB=$TMP/bulk first_hit Regierung)" \
    "bulk: the German shard's language reached the merged archive"
expect_eq "Las elecciones regionales ponen a prueba los presupuestos" \
    "$(DB=$TMP/bulk first_hit 'elección presupuesto')" "bulk: and the Spanish one's"
finish

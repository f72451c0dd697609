#!/usr/bin/env bash
# The man pages, made by help2man from the programs' --help at build time:
# every option of every subcommand is in them, the query language page holds
# --help-query whole, and groff reads them without a warning.
. "$(dirname "$0")/lib.sh"
MAN=$(cd "$(dirname "$MORGUE_INDEXER")/.." && pwd)/share/man
render() { MANWIDTH=200 LC_ALL=C.UTF-8 man --warnings -l "$1" 2>"$TMP/warnings" | col -bx; }
# options PROGRAM [SUBCOMMAND]: the long options its --help lists.
options() { "$@" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u; }

for page in man1/morgue-indexer.1 man1/morgue-searcher.1 man5/morgue.conf.5 man7/morgue-query.7; do
    [[ -s $MAN/$page ]] || fail "built: $page"
    render "$MAN/$page" >"$TMP/$(basename "$page").txt"
    expect_eq "" "$(cat "$TMP/warnings")" "$page: no groff warnings"
done
subcommands=$(indexer --help | sed -n '/^Subcommands:/,$p' | sed 1d | awk '{print $1}')
expect_eq "import fetch nightly rebuild compact check stats export feeds parse extract" "$(echo $subcommands)" \
    "the subcommands the man page is made with (CMakeLists.txt) are the program's"
missing=
for sub in "" $subcommands; do
    for opt in $(options "$MORGUE_INDEXER" $sub); do
        grep -qF -- "$opt" "$TMP/morgue-indexer.1.txt" || missing+=" ${sub:-(global)}:$opt"
    done
done
expect_eq "" "$missing" "morgue-indexer(1) has every option of every subcommand"
missing=
for opt in $(options "$MORGUE_SEARCHER"); do
    grep -qF -- "$opt" "$TMP/morgue-searcher.1.txt" || missing+=" $opt"
done
expect_eq "" "$missing" "morgue-searcher(1) has every option"
missing=
while IFS= read -r line; do
    [[ -z ${line// /} ]] && continue
    grep -qF -- "$(echo "$line" | sed 's/^ *//')" "$TMP/morgue-query.7.txt" || missing+="[$line]"
done < <(searcher --help-query)
expect_eq "" "$missing" "morgue-query(7) holds the query language of --help-query, line by line"
missing=
for key in $(searcher --help-config | sed -n '/^Keys:/,$p' | awk 'NR > 1 { print $1 }'); do
    grep -qE "^ +$key " "$TMP/morgue.conf.5.txt" || missing+=" $key"
done
expect_eq "" "$missing" "morgue.conf(5) has every key --help-config lists"
expect_eq "db templates title base_url cache_seconds time_limit stuck_limit missing_shards" \
    "$(searcher --help-config | sed -n '/^Keys:/,$p' | awk 'NR > 1 { print $1 }' | tr '\n' ' ' | sed 's/ $//')" \
    "--help-config lists the keys the page reads"
build=$(dirname "$MAN")
expect_eq 0 "$(cat "$MAN"/man*/* | grep -c -e "$build" -e "$MORGUE_SOURCE_DIR")" "no build or source path in a page"
expect_file_contains "$TMP/morgue-indexer.1.txt" "SUBCOMMANDS" "a section for the subcommands"
finish

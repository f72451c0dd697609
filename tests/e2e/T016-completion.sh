#!/usr/bin/env bash
# Bash completion (scripts/completion/morgue.bash): subcommands and options
# as the programs' --help lists them.
. "$(dirname "$0")/lib.sh"
. "$MORGUE_SOURCE_DIR/scripts/completion/morgue.bash"
# complete WORD...: what completing the last word offers, on one line.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _morgue
    echo "${COMPREPLY[*]}"
}
expect_eq "stats" "$(complete_words "$MORGUE_INDEXER" --db x sta)" "a subcommand"
expect_eq "compact check" "$(complete_words "$MORGUE_INDEXER" c)" "the subcommands starting with c"
expect_eq "--feeds" "$(complete_words "$MORGUE_INDEXER" fetch --fe)" "a subcommand's option"
expect_eq "--jobs --jsonl" "$(complete_words "$MORGUE_INDEXER" import --j)" "import's own options"
expect_eq "--facet --facet-limit" "$(complete_words "$MORGUE_SEARCHER" --fac)" "the searcher's options"
expect_eq "--db" "$(complete_words "$MORGUE_INDEXER" stats --d)" "a global option after the subcommand"
expect_eq "newest" "$(complete_words "$MORGUE_SEARCHER" --sort ne)" "the words --sort takes"
expect_eq "json" "$(complete_words "$MORGUE_SEARCHER" --format j)" "the words --format takes"
touch "$TMP/feeds.txt"
expect_eq "$TMP/feeds.txt" "$(complete_words "$MORGUE_INDEXER" fetch --feeds "$TMP/fee")" "a file after --feeds"
finish

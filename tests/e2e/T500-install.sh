#!/usr/bin/env bash
# The installed programs on their own: `cmake --install` into a temporary
# prefix, then, with the source and build trees hidden (an empty tmpfs over
# each, in a mount namespace of our own), import, fetch, nightly, search
# (synonyms and topic aliases working) and the CGI page from the installed
# files alone; and an existing database needs no schema file at all.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/installed.sh"
P=$OUT/prefix
run cmake --install "$BUILD" --prefix "$P"
expect_status 0 "cmake --install into a temporary prefix"
for f in bin/morgue-indexer bin/morgue-searcher share/morgue/schemas/news.xml \
    share/morgue/schemas/synonyms.txt share/morgue/schemas/topic-aliases.txt \
    share/morgue/templates/search.html.tpl share/man/man1/morgue-indexer.1.gz share/man/man1/morgue-searcher.1.gz \
    share/man/man7/morgue-query.7.gz share/man/man5/morgue.conf.5.gz share/bash-completion/completions/morgue-indexer \
    share/bash-completion/completions/morgue-searcher; do
    [[ -e $P/$f ]] || fail "installed: $f"
done
installed_flow "$P"
finish

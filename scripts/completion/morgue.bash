# Bash completion for morgue-indexer and morgue-searcher.  The subcommands
# and options are read from the programs' own --help as you type, so that
# the completion never says other than the program does.  Installed as
# share/bash-completion/completions/{morgue-indexer,morgue-searcher}.

# _morgue_options PROGRAM [SUBCOMMAND]: the long options its --help lists.
_morgue_options() {
    "$@" --help 2>/dev/null | grep -oE -- '(^|[ ,])--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+' | sort -u
}

_morgue() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} prog=${COMP_WORDS[0]}
    local sub= subs= word
    case $prev in
    --db | --schema | --feeds | --topic-aliases | --synonyms | --site-rules | -o | --output)
        COMPREPLY=($(compgen -f -- "$cur"))
        return
        ;;
    --sort | --format)
        # The choices --help shows as {a,b,c}.
        COMPREPLY=($(compgen -W "$("$prog" --help 2>/dev/null | grep -oE -- "$prev [A-Z]+:\{[^}]*\}" | sed -E 's/.*\{(.*)\}/\1/; s/,/ /g')" -- "$cur"))
        return
        ;;
    esac
    if [[ $prog == *morgue-indexer ]]; then
        subs=$("$prog" --help 2>/dev/null | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 { print $1 }')
        for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
            [[ " $(echo $subs) " == *" $word "* ]] && sub=$word
        done
        if [[ -z $sub && $cur != -* ]]; then
            COMPREPLY=($(compgen -W "$subs" -- "$cur"))
            return
        fi
    fi
    if [[ $cur == -* ]]; then
        # After a subcommand, its options and the program's (they are global).
        COMPREPLY=($(compgen -W "$({ _morgue_options "$prog" $sub; [[ -z $sub ]] || _morgue_options "$prog"; } | sort -u)" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _morgue morgue-indexer morgue-searcher

#!/bin/sh
# gen-man.sh PROGRAM SECTION NAME-LINE OUT [SUBCOMMAND...]: a man page made
# by help2man from PROGRAM's own --help (and each SUBCOMMAND's), so that the
# page and the help are never written twice.  Section 7 (morgue-query) is the
# query language: PROGRAM --help-query, as a page of its own.
set -eu
prog=$1 section=$2 name=$3 out=$4
shift 4
base=$(basename "$prog")
inc=$out.include
# Text as groff reads it verbatim: backslashes escaped, no line taken as a request.
verbatim() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }
if [ "$section" = 7 ]; then
    date=$(date -u -d "@${SOURCE_DATE_EPOCH:-0}" +%Y-%m-%d 2>/dev/null || echo 1970-01-01)
    {
        echo ".TH MORGUE-QUERY 7 \"$date\" \"$("$prog" --version)\" \"Morgue\""
        echo ".SH NAME"
        printf '%s\n' "morgue-query \\- $name"
        echo ".SH DESCRIPTION"
        printf '%s\n' 'What a reader types into \fBmorgue-searcher\fR(1) or the search page.'
        echo ".PP"
        echo ".nf"
        "$prog" --help-query | verbatim
        echo ".fi"
        echo ".SH SEE ALSO"
        printf '%s\n' '\fBmorgue-searcher\fR(1), \fBmorgue-indexer\fR(1)'
    } >"$out"
    exit 0
fi
{
    printf '[name]\n%s \\- %s\n' "$base" "$name"
    if [ $# -gt 0 ]; then
        echo "[subcommands]"
        for sub in "$@"; do
            echo ".SS $sub"
            echo ".nf"
            "$prog" "$sub" --help | verbatim
            echo ".fi"
        done
    fi
    echo "[see also]"
    printf '%s\n' '\fBmorgue-indexer\fR(1), \fBmorgue-searcher\fR(1), \fBmorgue-query\fR(7)'
} >"$inc"
help2man --no-info --no-discard-stderr --section="$section" --include="$inc" --output="$out" "$prog"
rm -f "$inc"

#!/bin/sh
# gen-man.sh PROGRAM SECTION NAME-LINE OUT [SUBCOMMAND...]: a man page made
# by help2man from PROGRAM's own --help (and each SUBCOMMAND's), so that the
# page and the help are never written twice.
set -eu
prog=$1 section=$2 name=$3 out=$4
shift 4
base=$(basename "$prog")
inc=$out.include
# Text as groff reads it verbatim: backslashes escaped, no line taken as a request.
verbatim() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }
# Sections 5 and 7 are pages of their own: morgue.conf(5) is PROGRAM
# --help-config, morgue-query(7) PROGRAM --help-query.
if [ "$section" = 5 ] || [ "$section" = 7 ]; then
    if [ "$section" = 5 ]; then page=morgue.conf option=--help-config; else page=morgue-query option=--help-query; fi
    title=$(echo "$page" | tr a-z A-Z)
    date=$(date -u -d "@${SOURCE_DATE_EPOCH:-0}" +%Y-%m-%d 2>/dev/null || echo 1970-01-01)
    {
        echo ".TH $title $section \"$date\" \"$("$prog" --version)\" \"Morgue\""
        echo ".SH NAME"
        printf '%s\n' "$page \\- $name"
        echo ".SH DESCRIPTION"
        echo ".nf"
        "$prog" "$option" | verbatim
        echo ".fi"
        echo ".SH SEE ALSO"
        printf '%s\n' '\fBmorgue-searcher\fR(1), \fBmorgue-indexer\fR(1), \fBmorgue-query\fR(7)'
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

#!/usr/bin/env bash
# scripts/setup's sets (issue 16 item 5): the demo installs only what the
# demo needs, the tests what they need besides, bench what it needs besides;
# a demo build looks for no test or man page tool.
. "$(dirname "$0")/lib.sh"
setup=$MORGUE_SOURCE_DIR/scripts/setup
"$setup" --list demo | sort >"$TMP/demo"
"$setup" --list test | sort >"$TMP/test"
"$setup" --list bench | sort >"$TMP/bench"
expect_eq "" "$(comm -23 "$TMP/demo" "$TMP/test")" "the test set holds the demo set"
expect_eq "" "$(comm -23 "$TMP/test" "$TMP/bench")" "the bench set holds the test set"
expect_eq "$(cat "$TMP/test")" "$("$setup" --list | sort)" "the default set is the test set"
for p in libgtest-dev chromium chromium-driver python3-selenium lintian help2man clang-format \
    xapian-omega libbenchmark-dev hunspell-de-de; do
    checks=$((checks + 1))
    ! grep -qx "$p" "$TMP/demo" || fail "the demo set has $p, which the demo does not use"
done
for p in libxapian-dev libcurl4-openssl-dev libpugixml-dev libfmt-dev lighttpd python3 hunspell-en-us; do
    expect_file_contains "$TMP/demo" "$p" "the demo set has $p"
done
run "$setup" everything
expect_status 2 "an unknown set"
expect_eq 'setup: unknown set "everything"; the sets are demo, test and bench' "$(cat "$TMP/err")" "named"
# Each name is a real package: the test set's are installed (scripts/test
# ran setup test), the bench set's others are known to apt.
checks=$((checks + 1))
missing=$(xargs dpkg-query -W -f='${Package}\n' <"$TMP/test" 2>&1 >/dev/null)
[[ -z $missing ]] || fail "not installed packages: $missing"
checks=$((checks + 1))
for p in $(comm -13 "$TMP/test" "$TMP/bench"); do
    apt-cache show "$p" >/dev/null 2>&1 || fail "the bench set names $p, which apt does not know"
done
expect_file_contains "$MORGUE_SOURCE_DIR/scripts/demo" "scripts/setup demo" "the demo installs the demo set"

# The demo's build configures without the test suite and the man pages, so
# it never looks for GoogleTest or help2man.
cmake -S "$MORGUE_SOURCE_DIR" -B "$TMP/b" -DCMAKE_BUILD_TYPE=Release -DMORGUE_TESTS=OFF -DMORGUE_MAN=OFF \
    >"$TMP/configure.log" 2>&1
status=$?
expect_status 0 "the demo's configure: $(tail -5 "$TMP/configure.log")"
expect_file_lacks "$TMP/b/CMakeCache.txt" "HELP2MAN" "no help2man looked for"
expect_file_lacks "$TMP/b/CMakeCache.txt" "GTest_DIR" "no GoogleTest looked for"
finish

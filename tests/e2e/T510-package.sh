#!/usr/bin/env bash
# The Debian package: cpack -G DEB of the build under test (scripts/package
# does the same from a build of its own for /usr; the binaries find their
# files from where they run, and the service is written at install time, so
# the prefix a tree was configured with does not reach the package).
# lintian finds no error; Depends names the shared libraries the programs
# load; unpacked into
# a throw-away root, it runs the whole flow of T500 from there.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/installed.sh"
PKG=$TMP/package
rm -rf "$PKG"
(cd "$BUILD" && cpack -G DEB -B "$PKG") >"$TMP/cpack.log" 2>&1 || fail "cpack -G DEB"
deb=$(ls "$PKG"/morgue_*_*.deb 2>/dev/null | head -1)
[[ -s $deb ]] || fail "a .deb"
lintian --fail-on error "$deb" >"$TMP/lintian.log" 2>&1
expect_eq 0 "$?" "lintian: no error ($(grep -c '^E:' "$TMP/lintian.log") listed)"
depends=$(dpkg-deb -f "$deb" Depends)
dpkg-deb -x "$deb" "$OUT/root"
# Depends names the package of every shared library the programs load (the
# small ones linked in whole, MORGUE_STATIC_DEPS, are not among them).
owner() { # the package holding a library file (dpkg may know it under /lib)
    local f
    f=$(realpath "$1")
    { dpkg -S "$f" || dpkg -S "${f#/usr}"; } 2>/dev/null | head -1 | cut -d: -f1
}
for bin in morgue-indexer morgue-searcher; do
    for so in $(objdump -p "$OUT/root/usr/bin/$bin" | awk '$1 == "NEEDED" {print $2}'); do
        lib=$(ldd "$OUT/root/usr/bin/$bin" | awk -v so="$so" '$1 == so {print $3}')
        pkg=$(owner "$lib")
        [[ -n $pkg ]] || fail "$bin: no package holds $so ($lib)"
        [[ $depends == *"$pkg"* ]] || fail "Depends names $pkg ($so, for $bin): $depends"
    done
done
[[ $depends == *libxapian30* && $depends == *libcurl4* ]] || fail "Depends names Xapian and libcurl: $depends"
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/morgue-indexer ./usr/share/man/man1/morgue-indexer.1.gz \
    ./usr/share/man/man5/morgue.conf.5.gz ./usr/lib/systemd/system/morgue-nightly.timer \
    ./usr/share/doc/morgue/examples/lighttpd.conf ./usr/share/doc/morgue/copyright; do
    grep -qxF -- "$f" <<<"$files" || fail "packaged: $f"
done
grep -q "ExecStart=/usr/bin/morgue-indexer " <(dpkg-deb --fsys-tarfile "$deb" |
    tar -xO ./usr/lib/systemd/system/morgue-nightly.service) || fail "the service runs /usr/bin/morgue-indexer"
installed_flow "$OUT/root/usr"
finish

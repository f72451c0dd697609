#!/usr/bin/env bash
# The Debian package: cpack -G DEB of the build under test (scripts/package
# does the same from a build of its own for /usr; the binaries find their
# files from where they run, and the service is written at install time, so
# the prefix a tree was configured with does not reach the package).
# lintian finds no error; Depends names the shared libraries; unpacked into
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
for lib in libxapian30 libcurl4 libpugixml1v5 libfmt9 libctemplate3 libhunspell; do
    [[ $depends == *"$lib"* ]] || fail "Depends names $lib: $depends"
done
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/morgue-indexer ./usr/share/man/man1/morgue-indexer.1.gz \
    ./usr/share/man/man5/morgue.conf.5.gz ./usr/lib/systemd/system/morgue-nightly.timer \
    ./usr/share/doc/morgue/examples/lighttpd.conf ./usr/share/doc/morgue/copyright; do
    grep -qxF -- "$f" <<<"$files" || fail "packaged: $f"
done
grep -q "ExecStart=/usr/bin/morgue-indexer " <(dpkg-deb --fsys-tarfile "$deb" |
    tar -xO ./usr/lib/systemd/system/morgue-nightly.service) || fail "the service runs /usr/bin/morgue-indexer"
dpkg-deb -x "$deb" "$OUT/root"
installed_flow "$OUT/root/usr"
finish

#!/bin/sh
# build.sh - `make fuzz`: builds libgss a second time, static, with clang
# and the fuzzer, address and undefined-behaviour sanitizers, then the
# libFuzzer targets and the seed maker against it.
#   build.sh SRCDIR OUTDIR
# The targets land in OUTDIR; OUTDIR/build holds the library build.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 SRCDIR OUTDIR" >&2; exit 2; }
src=$1
out=$2
CLANG=${CLANG:-clang}
command -v "$CLANG" >/dev/null 2>&1 || {
  echo "build.sh: $CLANG not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
}
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cflags="-g -O1 -fno-omit-frame-pointer $san"
mkdir -p "$out/build"
cd "$out/build"
if [ ! -f Makefile ]; then
  "$src/configure" --quiet CC="$CLANG" \
    CFLAGS="$cflags -fsanitize=fuzzer-no-link" \
    --disable-shared --enable-static --disable-nls
fi
make -j2 --no-print-directory -C gl >/dev/null
make -j2 --no-print-directory lib/libgss.la >/dev/null
libs="lib/.libs/libgss.a $(pkg-config --libs krb5 libtasn1 libcrypto)"
incs="-Iinclude -I$src/include"
for t in decapsulate import_name import_context accept init_reply unwrap \
    spnego_accept spnego_init_reply; do
  "$CLANG" $cflags -fsanitize=fuzzer $incs "$src/fuzz/$t.c" $libs -o "$out/$t"
done
"$CLANG" $cflags $incs "$src/fuzz/seeds.c" $libs -o "$out/seeds"
echo "fuzz targets in $out"

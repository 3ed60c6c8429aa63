#!/bin/sh
# Debian's own gss program (from GNU GSS's libgss-dev), run against our
# libgss.so.3 through LD_LIBRARY_PATH.
set -u
builddir=${top_builddir:-.}
libdir=$(cd "$builddir/lib/.libs" 2>/dev/null && pwd) || { echo "FAIL: library not built"; exit 1; }
gss=/usr/bin/gss
[ -x "$gss" ] || { echo "SKIP: $gss (Debian package libgss-dev) is not installed"; exit 77; }

passed=0 failed=0
check () {
  if eval "$2"; then
    passed=$((passed + 1)); echo "PASS: $1"
  else
    failed=$((failed + 1)); echo "FAIL: $1"
  fi
}

# A library built with --enable-sanitizers needs the sanitizer runtimes
# loaded before anything else in a program that was not built with them;
# GNU's gss program never releases what the library hands it, so leak
# reports would be about the program.
preload=$(ldd "$libdir/libgss.so.3" 2>/dev/null \
  | awk '/lib(asan|ubsan)\.so/ { printf "%s%s", sep, $3; sep = ":" }')
ours () {
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
    LD_PRELOAD=$preload LD_LIBRARY_PATH=$libdir "$gss" "$@"
}

list=$(ours -l 2>&1)
echo "$list" | sed 's/^/    /'
check "gss -l lists Kerberos V5" 'echo "$list" | grep -q "Mechanism name: Kerberos V5"'
check "gss -l gives SASL name GS2-KRB5" 'echo "$list" | grep -q "SASL Mechanism name: GS2-KRB5"'
check "the dynamic linker loaded our libgss.so.3" \
  'LD_DEBUG=libs ours -l 2>&1 | grep -q "calling init: $libdir/libgss.so.3"'

# The layout of -m is the program's; the texts are the library's.
for code in 0 0x1090001 0xd0002 0x70000; do
  mine=$(ours -m "$code" | head -n 9)
  theirs=$("$gss" -m "$code" | head -n 9)
  check "gss -m $code: same status diagram as with GNU GSS" '[ "$mine" = "$theirs" ]'
done
check "gss -m texts come from our library" \
  'ours -m 1 | grep -q "The routine must be called again to complete its function"'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

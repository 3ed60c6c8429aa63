#!/bin/sh
# The differential test: every probe of tests/dropin/differ on GNU GSS
# 1.0.4 (the system's libgss.so.3, Debian's libgss3) and on ours, each in
# a process of its own; any difference not in differ-table.c fails.
set -u
builddir=${top_builddir:-.}
ours=$(cd "$builddir/lib/.libs" 2>/dev/null && pwd)/libgss.so.3
[ -f "$ours" ] || { echo "FAIL: library not built"; exit 1; }
gnu=$(/sbin/ldconfig -p 2>/dev/null | awk '$1 == "libgss.so.3" { print $NF; exit }')
if [ -z "$gnu" ] || [ ! -f "$gnu" ]; then
  echo "SKIP: GNU GSS's libgss.so.3 (Debian package libgss3) is not installed"
  exit 77
fi
# Where libgss replaced GNU GSS system-wide there is nothing to compare
# with (the program checks that each library is the one named).
case $(readlink -f "$gnu") in
  $(readlink -f "$ours")) echo "SKIP: the system's libgss.so.3 is this build's"; exit 77 ;;
esac

# A library built with --enable-sanitizers needs its runtimes loaded
# first in a program that was not built with them.
preload=$(ldd "$ours" 2>/dev/null \
  | awk '/lib(asan|ubsan)\.so/ { printf "%s%s", sep, $3; sep = ":" }')
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# A crash must stay a signal for the fork that watches it, not become
# AddressSanitizer's report and exit status 1.
TMPDIR=$tmp ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0:handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_abort=0 \
  LD_PRELOAD=$preload "$builddir/tests/dropin/differ" "$gnu" "$ours"

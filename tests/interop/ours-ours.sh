#!/bin/sh
# ours-ours.sh - every case of cases.sh with libgss as the initiator
# and libgss as the acceptor (both under memcheck when make check runs
# with valgrind: cases.sh puts every peer on libgss under VALGRIND_RUN).
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/cases.sh" "$builddir/tests/interop/peer-ours" \
  "$builddir/tests/interop/peer-ours"

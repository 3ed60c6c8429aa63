#!/bin/sh
# mit-ours.sh - every case of cases.sh with MIT's library as the initiator
# and libgss as the acceptor.
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/cases.sh" "$builddir/tests/interop/peer-mit" \
  "$builddir/tests/interop/peer-ours"

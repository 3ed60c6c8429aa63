#!/bin/sh
# ours-heimdal.sh - every case of cases.sh with libgss as the initiator
# and Heimdal's library as the acceptor (see heimdal.sh).
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/heimdal.sh" "$builddir/tests/interop/peer-ours" \
  "$builddir/tests/interop/peer-heimdal"

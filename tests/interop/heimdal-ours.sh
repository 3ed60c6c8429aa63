#!/bin/sh
# heimdal-ours.sh - every case of cases.sh with Heimdal's library as the
# initiator and libgss as the acceptor (see heimdal.sh).
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/heimdal.sh" "$builddir/tests/interop/peer-heimdal" \
  "$builddir/tests/interop/peer-ours"

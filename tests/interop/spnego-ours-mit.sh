#!/bin/sh
# spnego-ours-mit.sh - the SPNEGO cases (spnego.sh) with peer-ours initiating and
# peer-mit accepting.
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/spnego.sh" "$builddir/tests/interop/peer-ours" \
  "$builddir/tests/interop/peer-mit"

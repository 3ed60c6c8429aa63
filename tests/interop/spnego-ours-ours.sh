#!/bin/sh
# spnego-ours-ours.sh - the SPNEGO cases (spnego.sh) with peer-ours initiating and
# peer-ours accepting.
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/spnego.sh" "$builddir/tests/interop/peer-ours" \
  "$builddir/tests/interop/peer-ours"

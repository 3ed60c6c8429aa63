#!/bin/sh
# spnego-mit-ours.sh - the SPNEGO cases (spnego.sh) with peer-mit initiating and
# peer-ours accepting.
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/spnego.sh" "$builddir/tests/interop/peer-mit" \
  "$builddir/tests/interop/peer-ours"

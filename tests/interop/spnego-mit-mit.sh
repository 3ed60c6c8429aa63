#!/bin/sh
# spnego-mit-mit.sh - the SPNEGO cases (spnego.sh) with peer-mit initiating and
# peer-mit accepting.
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/spnego.sh" "$builddir/tests/interop/peer-mit" \
  "$builddir/tests/interop/peer-mit"

#!/bin/sh
# spnego-heimdal-ours.sh - the SPNEGO cases (spnego.sh) with peer-heimdal initiating and
# peer-ours accepting.
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/spnego.sh" "$builddir/tests/interop/peer-heimdal" \
  "$builddir/tests/interop/peer-ours"

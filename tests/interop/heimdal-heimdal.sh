#!/bin/sh
# heimdal-heimdal.sh - Heimdal's GSS-API library on both sides of every
# case of cases.sh: what Heimdal does, and a check of the harness.
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/heimdal.sh" "$builddir/tests/interop/peer-heimdal" \
  "$builddir/tests/interop/peer-heimdal"

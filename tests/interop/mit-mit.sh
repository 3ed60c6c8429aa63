#!/bin/sh
# mit-mit.sh - MIT's GSS-API library on both sides of every case of
# cases.sh: the behaviour libgss has to match, and a check of the harness.
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
exec "$srcdir/tests/interop/cases.sh" "$builddir/tests/interop/peer-mit" \
  "$builddir/tests/interop/peer-mit"

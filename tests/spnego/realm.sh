#!/bin/sh
# Runs tests/spnego/check_spnego in a throwaway realm (tests/kdc/realm.sh),
# under memcheck when VALGRIND_RUN says so.  Exit 77 when no realm can be
# made (MIT's KDC missing).
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
exec "$srcdir/tests/kdc/realm.sh" run \
  sh -c "${VALGRIND_RUN:-} '$builddir/tests/spnego/check_spnego'"

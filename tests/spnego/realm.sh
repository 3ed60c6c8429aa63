#!/bin/sh
# Runs tests/spnego/check_spnego in a throwaway realm (tests/kdc/realm.sh),
# then two gss tools (gss -i / gss -a, tests/gss-exchange.sh) over SPNEGO
# both, SPNEGO to a default (Kerberos) server, and raw Kerberos to a
# SPNEGO server; all under memcheck when VALGRIND_RUN says so.  Exit 77
# when no realm can be made (MIT's KDC missing).
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
exec "$srcdir/tests/kdc/realm.sh" run \
  sh -c "${VALGRIND_RUN:-} '$builddir/tests/spnego/check_spnego' \
    && '$srcdir/tests/gss-exchange.sh' '$builddir/src/gss' host@localhost SPNEGO SPNEGO \
    && '$srcdir/tests/gss-exchange.sh' '$builddir/src/gss' host@localhost SPNEGO \
    && '$srcdir/tests/gss-exchange.sh' '$builddir/src/gss' host@localhost GS2-KRB5 SPNEGO"

#!/bin/sh
# Runs the Check suites that need a KDC inside a throwaway realm, once
# for each AES family of session keys and once for each legacy token
# format (RFC 1964 triple DES, RFC 4757 arcfour), and checks that the
# service ticket the suites used really has that session-key enctype.
# check_matrix runs here again for its live-context case.  VALGRIND_RUN
# (from tests/local.mk) runs every suite and the two gss tools of
# gss-exchange.sh under memcheck (check_hostile, the slowest, takes about
# half a minute per realm there).
#
# Exit status: 1 when any enctype failed; else 77 when a realm could not
# be made (realm.sh's skip: MIT's KDC is missing); else 0.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
status=0
skipped=0
for enctype in aes256-cts-hmac-sha1-96 aes256-cts-hmac-sha384-192 \
  des3-cbc-sha1 arcfour-hmac; do
  echo "== session keys: $enctype"
  REALM_EXPIRED=1 "$srcdir/tests/kdc/realm.sh" run -e "$enctype" \
    sh -c "${VALGRIND_RUN:-} '$builddir/tests/check_matrix' \
      && ${VALGRIND_RUN:-} '$builddir/tests/check_krb5' \
      && ${VALGRIND_RUN:-} '$builddir/tests/check_msg' \
      && ${VALGRIND_RUN:-} '$builddir/tests/check_iov' \
      && ${VALGRIND_RUN:-} '$builddir/tests/check_miciov' \
      && ${VALGRIND_RUN:-} '$builddir/tests/check_hostile' \
      && '$srcdir/tests/gss-exchange.sh' '$builddir/src/gss' \
      && '$srcdir/tests/session-enctype.sh' '$enctype'"
  rc=$?
  case $rc in
    0) ;;
    77) echo "SKIP: session keys $enctype"; skipped=1 ;;
    *) echo "FAIL: session keys $enctype (exit status $rc)"; status=1 ;;
  esac
done
[ $status -ne 0 ] && exit $status
[ $skipped -ne 0 ] && exit 77
exit 0

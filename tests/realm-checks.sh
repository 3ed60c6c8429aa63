#!/bin/sh
# Runs the Check suites that need a KDC inside a throwaway realm, once
# for each AES family of session keys and once for each legacy token
# format (RFC 1964 triple DES, RFC 4757 arcfour).  VALGRIND_RUN (from
# tests/local.mk) runs the suites under memcheck, all but check_hostile:
# its thousands of changed tokens would take minutes there, and the
# fuzz targets (make fuzz) run the same parsers under AddressSanitizer.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
status=0
for enctype in aes256-cts-hmac-sha1-96 aes256-cts-hmac-sha384-192 \
  des3-cbc-sha1 arcfour-hmac; do
  echo "== session keys: $enctype"
  REALM_EXPIRED=1 "$srcdir/tests/kdc/realm.sh" run -e "$enctype" \
    sh -c "${VALGRIND_RUN:-} '$builddir/tests/check_krb5' \
      && ${VALGRIND_RUN:-} '$builddir/tests/check_msg' \
      && '$builddir/tests/check_hostile' \
      && '$srcdir/tests/gss-exchange.sh' '$builddir/src/gss'"
  rc=$?
  [ $rc -eq 77 ] && exit 77
  [ $rc -eq 0 ] || status=1
done
exit $status

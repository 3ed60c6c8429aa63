#!/bin/sh
# Runs tests/check_iov_dce_v1 (DCE-style IOV with RFC 1964 and RFC 4757
# tokens) in a throwaway realm whose session keys are des3-cbc-sha1,
# then in one whose are arcfour-hmac.  VALGRIND_RUN (tests/local.mk)
# runs it under memcheck.
#
# Exit status: 1 when either failed; else 77 when a realm could not be
# made (MIT's KDC is missing); else 0.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
status=0
skipped=0
for enctype in des3-cbc-sha1 arcfour-hmac; do
  echo "== session keys: $enctype"
  "$srcdir/tests/kdc/realm.sh" run -e "$enctype" \
    sh -c "${VALGRIND_RUN:-} '$builddir/tests/check_iov_dce_v1'"
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

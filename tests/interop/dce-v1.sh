#!/bin/sh
# dce-v1.sh - the case dce_iov of cases.sh (a GSS_C_DCE_STYLE context,
# then IOV tokens each way) with des3-cbc-sha1 and arcfour-hmac session
# keys, whose tokens are those of RFC 1964 and RFC 4757: MIT with
# itself (the expected behaviour), then libgss and MIT each way, then
# libgss with itself.
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
CASES=dce_iov
ENCTYPES="des3-cbc-sha1 arcfour-hmac"
export CASES ENCTYPES
mit=$builddir/tests/interop/peer-mit
ours=$builddir/tests/interop/peer-ours
status=0
for pair in "$mit $mit" "$ours $mit" "$mit $ours" "$ours $ours"; do
  echo "== $pair"
  # shellcheck disable=SC2086
  "$srcdir/tests/interop/cases.sh" $pair
  rc=$?
  case $rc in
    0) ;;
    77) exit 77 ;;
    *) status=1 ;;
  esac
done
exit $status

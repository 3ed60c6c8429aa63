#!/bin/sh
# heimdal.sh - every case of cases.sh between two peers of which at
# least one is peer-heimdal, for the session keys Debian's Heimdal 7.8
# issues by default (aes128 and aes256-cts-hmac-sha1-96).
#
# Usage: heimdal.sh INITIATOR_PROGRAM ACCEPTOR_PROGRAM
#
# Exits 77 when peer-heimdal was not built (heimdal-multidev missing at
# configure time), and fails when peer-heimdal would load any GSS-API or
# Kerberos library but Heimdal's.  ENCTYPES and CASES narrow the run as
# for cases.sh.
set -u

[ $# -eq 2 ] || { echo "usage: $0 INITIATOR_PROGRAM ACCEPTOR_PROGRAM" >&2; exit 2; }
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
heimdal=${top_builddir:-.}/tests/interop/peer-heimdal

[ -x "$heimdal" ] || {
  echo "SKIP: $heimdal not built (install heimdal-multidev and rerun configure)" >&2
  exit 77
}
# MIT's libgssapi_krb5 and Heimdal's libgssapi export the same gss_*
# names; a peer-heimdal that pulled in MIT's (or libgss) would not be
# testing Heimdal.
if command -v ldd >/dev/null 2>&1; then
  libs=$(ldd "$heimdal") || { echo "FAIL: ldd $heimdal"; exit 1; }
  echo "$libs" | grep -q 'libgssapi\.so\.3 ' \
    || { echo "FAIL: peer-heimdal does not load Heimdal's libgssapi.so.3:"; echo "$libs"; exit 1; }
  if echo "$libs" | grep -Eq 'libgssapi_krb5|libkrb5\.so\.3|libgss\.so'; then
    echo "FAIL: peer-heimdal loads a library that is not Heimdal's:"
    echo "$libs"
    exit 1
  fi
fi

ENCTYPES=${ENCTYPES:-"aes128-cts-hmac-sha1-96 aes256-cts-hmac-sha1-96"}
export ENCTYPES
exec "$srcdir/tests/interop/cases.sh" "$1" "$2"

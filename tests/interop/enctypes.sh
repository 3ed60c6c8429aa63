#!/bin/sh
# enctypes.sh - per-message tokens between libgss and MIT's library, in
# both directions, for the enctypes beyond the two AES-256 ones every
# case runs with: wrap with and without confidentiality and MIC, for
# messages of 0 to 65536 octets, each verified by the other side; and
# IOV and AEAD (case iov: gss_wrap_iov, gss_unwrap_iov, gss_wrap_aead
# and gss_unwrap_aead against the other side's gss_wrap and gss_unwrap
# and its IOV calls).  des3-cbc-sha1 and arcfour-hmac keys make RFC 1964
# / RFC 4757 tokens.
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
ENCTYPES="aes128-cts-hmac-sha1-96 aes128-cts-hmac-sha256-128 camellia256-cts-cmac
  camellia128-cts-cmac des3-cbc-sha1 arcfour-hmac"
CASES="messages messages_no_mutual sequence transfer session_enctype iov"
export ENCTYPES CASES
status=0
"$srcdir/tests/interop/cases.sh" "$builddir/tests/interop/peer-ours" \
  "$builddir/tests/interop/peer-mit" || status=1
"$srcdir/tests/interop/cases.sh" "$builddir/tests/interop/peer-mit" \
  "$builddir/tests/interop/peer-ours" || status=1
exit $status

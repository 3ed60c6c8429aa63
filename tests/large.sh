#!/bin/sh
# large.sh - tests/large (messages past 2^31 and 2^32 octets, for real)
# in a throwaway realm per token family: the libcrypto paths (AES SHA-1,
# which decrypts before it checks, and AES SHA-2), the libkrb5 path
# (Camellia) and RFC 4757 (arcfour).  Triple DES is left out: libkrb5's
# 3DES runs at a few tens of MB/s, minutes for its 2 GiB limit, and its
# refusals past the limit are in tests/check_limits.  Run by `make
# check-large'; needs about 9 GiB of memory.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
status=0
for enctype in ${LARGE_ENCTYPES:-aes256-cts-hmac-sha1-96 \
  aes256-cts-hmac-sha384-192 camellia128-cts-cmac arcfour-hmac}; do
  echo "== session keys: $enctype"
  start=$(date +%s)
  "$srcdir/tests/kdc/realm.sh" run -e "$enctype" "$builddir/tests/large"
  rc=$?
  echo "== $enctype: exit $rc, $(( $(date +%s) - start )) s"
  [ $rc -eq 0 ] || status=1
done
exit $status

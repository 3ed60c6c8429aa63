#!/bin/sh
# limits.sh - tests/check_limits in a throwaway realm for each way the
# per-message cryptography goes: libcrypto (AES SHA-1 and SHA-2),
# libkrb5 (Camellia) and the RFC 1964 / RFC 4757 tokens (triple DES,
# arcfour), under memcheck ($VALGRIND_RUN); then its threaded case
# under helgrind, which reports a data race between gss_wrap_size_limit
# and gss_wrap on one context.  A missing KDC skips (77); a missing
# valgrind fails the helgrind part unless the library was built with
# sanitizers, which cannot run under valgrind.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
prog=$builddir/tests/check_limits
status=0
for enctype in aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha256-128 \
  camellia256-cts-cmac des3-cbc-sha1 arcfour-hmac; do
  echo "== session keys: $enctype"
  "$srcdir/tests/kdc/realm.sh" run -e "$enctype" \
    sh -c "${VALGRIND_RUN:-} '$prog'"
  rc=$?
  case $rc in
    0) ;;
    77) [ $status -eq 0 ] && status=77 ;;
    *) echo "FAIL: check_limits [$enctype] exited $rc"; status=1 ;;
  esac
done

sanitized=$(ldd "$builddir/lib/.libs/libgss.so.3" 2>/dev/null | grep -c 'lib[at]san')
echo "== gss_wrap_size_limit beside gss_wrap, one context"
if [ "$sanitized" -gt 0 ]; then
  echo "library built with sanitizers: ThreadSanitizer is not part of that build; skipped"
elif ! command -v valgrind >/dev/null 2>&1; then
  echo "FAIL: valgrind (helgrind) is not installed"
  status=1
else
  # Helgrind stalls on libkrb5's OFD locks (see tests/threads.sh): the
  # ticket is fetched first and the replay cache is off.
  LIMITS_THREADS_ONLY=1 "$srcdir/tests/kdc/realm.sh" run \
    -e aes256-cts-hmac-sha1-96 sh -c "kvno -q host/localhost >/dev/null \
      && KRB5RCACHETYPE=none CK_FORK=no $builddir/libtool --mode=execute \
      valgrind --tool=helgrind -q --error-exitcode=1 --num-callers=30 \
      --suppressions=$srcdir/tests/helgrind.supp '$prog'"
  rc=$?
  [ $rc -eq 0 ] || { echo "FAIL: helgrind run exited $rc"; status=1; }
fi
exit $status

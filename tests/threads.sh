#!/bin/sh
# threads.sh - tests/threads (eight threads, each with its own contexts
# and 1000 wrap/unwrap round trips) inside a throwaway realm, under
# helgrind when valgrind is installed: a data race in the library, or
# a lock taken in two orders, fails the test.
#
# libkrb5 guards its replay cache and ticket caches with open-file-
# description locks (F_OFD_SETLKW), which valgrind 3.19 does not treat as
# a blocking call: a thread waiting for one keeps every other thread from
# running and the process hangs.  So under helgrind the service ticket is
# fetched beforehand (the threads then only read the ticket cache, with
# shared locks) and the acceptors keep no replay cache.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
prog=$builddir/tests/threads
# A build with --enable-sanitizers cannot run under valgrind; there the
# sanitizers watch the threads instead.
sanitized=$(ldd "$builddir/lib/.libs/libgss.so.3" 2>/dev/null | grep -c 'lib[at]san')
if [ "$sanitized" -gt 0 ]; then
  echo "library built with sanitizers: running without helgrind"
  run=
  setup=
elif command -v valgrind >/dev/null 2>&1; then
  run="$builddir/libtool --mode=execute valgrind --tool=helgrind -q --error-exitcode=1 --num-callers=30 --suppressions=$srcdir/tests/helgrind.supp"
  setup="kvno -q host/localhost >/dev/null && KRB5RCACHETYPE=none && export KRB5RCACHETYPE &&"
else
  echo "valgrind is not installed: running without helgrind"
  run=
  setup=
fi
exec "$srcdir/tests/kdc/realm.sh" run sh -c "$setup $run '$prog'"

#!/bin/sh
# wipe.sh - tests/check_wipe, natively: it watches what the library
# frees through a free() of its own, which memcheck would replace with
# its own allocator's.  A library built with the sanitizers allocates
# through AddressSanitizer, whose free must stay the only one: skipped.
builddir=${top_builddir:-.}
if ldd "$builddir/lib/.libs/libgss.so.3" 2>/dev/null | grep -q 'lib[at]san'; then
  echo "SKIP: library built with sanitizers"
  exit 77
fi
exec "$builddir/tests/check_wipe"

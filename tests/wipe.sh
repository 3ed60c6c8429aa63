#!/bin/sh
# wipe.sh - tests/check_wipe, natively: it watches what the library
# frees through a free() of its own, which memcheck would replace with
# its own allocator's (and AddressSanitizer's must stay the only one,
# so that build skips it).
builddir=${top_builddir:-.}
exec "$builddir/tests/check_wipe"

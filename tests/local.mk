## Tests: Check unit suites here, the other harnesses in their folders.

## Memcheck (gnulib's valgrind-tests; off with --disable-valgrind-tests):
## the Check programs run under valgrind, and the scripts run our own
## programs through $VALGRIND_RUN.  Only definite leaks count: libkrb5
## keeps some allocations reachable for the life of the process.
if VALGRIND_TESTS
VALGRIND_RUN = $(SHELL) $(abs_top_builddir)/libtool --mode=execute \
	$(LOG_VALGRIND) --errors-for-leak-kinds=definite --num-callers=30 \
	--suppressions=$(abs_top_srcdir)/tests/valgrind.supp
else
VALGRIND_RUN =
endif
LOG_COMPILER = $(VALGRIND_RUN)
TESTS_ENVIRONMENT += VALGRIND_RUN='$(VALGRIND_RUN)'
EXTRA_DIST += tests/valgrind.supp
# distcheck repeats the suite; once under valgrind is enough.
AM_DISTCHECK_CONFIGURE_FLAGS = --disable-valgrind-tests
include tests/unit.mk
include tests/abi/local.mk
include tests/dropin/local.mk
include tests/kdc/local.mk
include tests/interop/local.mk
include tests/oom/local.mk

## Threads: eight at once against a throwaway realm, under helgrind.
check_PROGRAMS += tests/threads
TESTS += tests/threads.sh
EXTRA_DIST += tests/threads.sh tests/helgrind.supp
tests_threads_LDADD = lib/libgss.la -lpthread

## Messages past 2^31 and 2^32 octets for real (about 9 GiB of memory,
## minutes): not in `make check'; `make check-large' runs them.
EXTRA_PROGRAMS += tests/large
EXTRA_DIST += tests/large.sh
tests_large_LDADD = lib/libgss.la
check-large: tests/large$(EXEEXT)
	srcdir=$(srcdir) top_builddir=$(top_builddir) $(SHELL) $(srcdir)/tests/large.sh
.PHONY: check-large

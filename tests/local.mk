## Tests: Check unit suites here, the other harnesses in their folders.

## Memcheck (gnulib's valgrind-tests; off with --disable-valgrind-tests).
## Automake's parallel harness runs every test that is a program under
## LOG_COMPILER, that is under valgrind's memcheck; the scripts (.sh)
## run under the shell and hand $VALGRIND_RUN to our own programs they
## start (README.md, "What runs under what", lists them).  Only definite
## leaks count: libkrb5 keeps some allocations reachable for the life of
## the process.  Memcheck's errors exit 99 (a hard error to the harness),
## so that a script expecting a program to fail with 1 tells the two apart.  valgrind follows the fork of every Check test case, and
## a forked case that leaks exits 1, which Check reports as a failure.
if VALGRIND_TESTS
VALGRIND_RUN = $(SHELL) $(abs_top_builddir)/libtool --mode=execute \
	$(LOG_VALGRIND) --errors-for-leak-kinds=definite --num-callers=30 \
	--error-exitcode=99 --suppressions=$(abs_top_srcdir)/tests/valgrind.supp
else
VALGRIND_RUN =
endif
LOG_COMPILER = $(VALGRIND_RUN)
TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
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
	srcdir=$(srcdir) top_builddir=$(top_builddir) LARGE_ENCTYPES="$(LARGE_ENCTYPES)" \
	  $(SHELL) $(srcdir)/tests/large.sh
.PHONY: check-large

## Mutation testing (tests/mutants/run.sh, a stage of scripts/test of its
## own): not part of make check.
EXTRA_DIST += tests/mutants/run.sh tests/mutants/mutants.pl tests/mutants/mutants.txt
include tests/spnego/local.mk

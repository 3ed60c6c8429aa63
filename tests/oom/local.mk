## Out of memory at every allocation of a context's life (issue 10):
## tests/oom/sweep runs the whole sequence once per allocation, with
## that allocation failing, inside a throwaway realm; the allocator that
## fails is tests/oom/failalloc.la, preloaded.
check_PROGRAMS += tests/oom/sweep
tests_oom_sweep_LDADD = lib/libgss.la
TESTS += tests/oom/sweep.sh
EXTRA_DIST += tests/oom/sweep.sh tests/oom/libkrb5.supp

# A shared object only for LD_PRELOAD, never installed (the -rpath only
# makes libtool build it shared; the module gets the soname
# failalloc.so, which keeps memcheck from replacing its malloc).
# Without gnulib's headers, which may rename malloc, and without the
# sanitizers: it is also preloaded into the libtool wrapper's shell.
check_LTLIBRARIES += tests/oom/failalloc.la
tests_oom_failalloc_la_SOURCES = tests/oom/failalloc.c
tests_oom_failalloc_la_CPPFLAGS =
tests_oom_failalloc_la_CFLAGS = $(WARN_CFLAGS)
tests_oom_failalloc_la_LDFLAGS = -module -avoid-version -shared \
	-rpath $(abs_builddir)/tests/oom


## make check runs the memcheck sweep over every third allocation only
## (some 750 runs, two to three minutes); this runs it over all of them
## (some 2240, four to five), and scripts/test runs this.
check-oom-full: $(check_PROGRAMS) $(check_LTLIBRARIES)
	$(AM_V_at)$(TESTS_ENVIRONMENT) OOM_STRIDE=1 \
	  $(SHELL) $(srcdir)/tests/oom/sweep.sh
.PHONY: check-oom-full

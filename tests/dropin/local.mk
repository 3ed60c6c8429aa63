## Drop-in tests: GNU GSS programs against libgss.
TESTS += tests/dropin/system-gss.sh tests/gss-tool.sh
EXTRA_DIST += tests/dropin/system-gss.sh tests/gss-tool.sh

if HAVE_GNU_GSS_HEADERS
# Compiled against the system's GNU GSS headers only, none of ours.
check_PROGRAMS += tests/dropin/gnu-abi
TESTS += tests/dropin/gnu-abi
tests_dropin_gnu_abi_SOURCES = tests/dropin/gnu-abi.c
tests_dropin_gnu_abi_CPPFLAGS =
tests_dropin_gnu_abi_CFLAGS = $(WARN_CFLAGS)
tests_dropin_gnu_abi_LDADD = lib/libgss.la

# The differential test: GNU GSS 1.0.4 and libgss, probe by probe, each
# library opened by path (no link to either).
check_PROGRAMS += tests/dropin/differ
TESTS += tests/dropin/differ.sh
tests_dropin_differ_SOURCES = tests/dropin/differ.c tests/dropin/differ.h \
	tests/dropin/differ-probes.c tests/dropin/differ-table.c
tests_dropin_differ_CPPFLAGS =
tests_dropin_differ_CFLAGS = $(WARN_CFLAGS)
tests_dropin_differ_LDADD = -ldl
else
EXTRA_DIST += tests/dropin/gnu-abi.c tests/dropin/differ.c tests/dropin/differ.h \
	tests/dropin/differ-probes.c tests/dropin/differ-table.c
endif
EXTRA_DIST += tests/dropin/differ.sh

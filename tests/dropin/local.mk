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
else
EXTRA_DIST += tests/dropin/gnu-abi.c
endif

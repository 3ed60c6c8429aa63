## Tests of MIT's gssapi_ext.h extensions (lib/ext.mk).
## The session key against MIT's library, both directions.
TESTS += tests/interop/session-key.sh
EXTRA_DIST += tests/interop/session-key.sh
## Buffer sets, OID strings, mechanism attributes, calling errors.
check_PROGRAMS += tests/check_ext
TESTS += tests/check_ext
tests_check_ext_CFLAGS = $(UNIT_CFLAGS)
tests_check_ext_LDADD = $(UNIT_LDADD)
## Session keys, credential stores, passwords and local names against
## the throwaway realm; klist and a second process read the stored
## delegated credential.
check_PROGRAMS += tests/check_ext_realm
TESTS += tests/ext-realm.sh
EXTRA_DIST += tests/ext-realm.sh
tests_check_ext_realm_CFLAGS = $(UNIT_CFLAGS)
tests_check_ext_realm_LDADD = $(UNIT_LDADD)

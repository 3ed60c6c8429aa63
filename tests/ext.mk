## Tests of MIT's gssapi_ext.h extensions (lib/ext.mk).
## The session key against MIT's library, both directions.
TESTS += tests/interop/session-key.sh
EXTRA_DIST += tests/interop/session-key.sh
## Buffer sets, OID strings, mechanism attributes, calling errors.
check_PROGRAMS += tests/check_ext
TESTS += tests/check_ext
tests_check_ext_CFLAGS = $(UNIT_CFLAGS)
tests_check_ext_LDADD = $(UNIT_LDADD)

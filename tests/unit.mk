## Check unit suites, one per concern of lib/ (and the mechanism parts
## that need no KDC).
unit_tests = tests/check_oid tests/check_status tests/check_token \
	tests/check_mech tests/check_name tests/check_calling tests/check_matrix
check_PROGRAMS += $(unit_tests)
TESTS += $(unit_tests)
EXTRA_DIST += tests/unit.h tests/realm-pair.h

UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
UNIT_LDADD = lib/libgss.la $(CHECK_LIBS)

tests_check_oid_CFLAGS = $(UNIT_CFLAGS)
tests_check_oid_LDADD = $(UNIT_LDADD)
tests_check_status_CFLAGS = $(UNIT_CFLAGS)
tests_check_status_LDADD = $(UNIT_LDADD)
tests_check_token_CFLAGS = $(UNIT_CFLAGS)
tests_check_token_LDADD = $(UNIT_LDADD)
tests_check_mech_CFLAGS = $(UNIT_CFLAGS)
tests_check_mech_LDADD = $(UNIT_LDADD)
tests_check_name_CFLAGS = $(UNIT_CFLAGS)
tests_check_name_LDADD = $(UNIT_LDADD)
tests_check_calling_CFLAGS = $(UNIT_CFLAGS)
tests_check_calling_LDADD = $(UNIT_LDADD)
tests_check_matrix_CFLAGS = $(UNIT_CFLAGS)
tests_check_matrix_LDADD = $(UNIT_LDADD)

## gss_release_buffer wipes: run natively by tests/wipe.sh.
check_PROGRAMS += tests/check_wipe
TESTS += tests/wipe.sh
EXTRA_DIST += tests/wipe.sh
tests_check_wipe_CFLAGS = $(UNIT_CFLAGS)
tests_check_wipe_LDADD = $(UNIT_LDADD)

## Context establishment and per-message tokens against a throwaway
## realm (tests/kdc/realm.sh), run by tests/realm-checks.sh.
check_PROGRAMS += tests/check_krb5 tests/check_msg tests/check_hostile tests/check_iov
TESTS += tests/realm-checks.sh
EXTRA_DIST += tests/realm-checks.sh tests/session-enctype.sh
tests_check_krb5_CFLAGS = $(UNIT_CFLAGS)
tests_check_krb5_LDADD = $(UNIT_LDADD)
tests_check_msg_CFLAGS = $(UNIT_CFLAGS)
tests_check_msg_LDADD = $(UNIT_LDADD)
tests_check_iov_CFLAGS = $(UNIT_CFLAGS)
tests_check_iov_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/check_miciov
tests_check_miciov_CFLAGS = $(UNIT_CFLAGS)
tests_check_miciov_LDADD = $(UNIT_LDADD)
tests_check_hostile_CFLAGS = $(UNIT_CFLAGS)
tests_check_hostile_LDADD = $(UNIT_LDADD)

## The per-message cryptography, built in with the test: its functions
## are internal to the library.
check_PROGRAMS += tests/check_crypto
TESTS += tests/check_crypto
tests_check_crypto_SOURCES = tests/check_crypto.c mech/krb5/crypto.c
tests_check_crypto_CFLAGS = $(UNIT_CFLAGS) $(KRB5_CFLAGS) $(CRYPTO_CFLAGS)
tests_check_crypto_LDADD = $(CHECK_LIBS) $(KRB5_LIBS) $(CRYPTO_LIBS)

## Lengths and sequence numbers at their limits, per token family
## (tests/limits.sh), and gss_wrap_size_limit beside gss_wrap under
## helgrind.
check_PROGRAMS += tests/check_limits
TESTS += tests/limits.sh
EXTRA_DIST += tests/limits.sh
tests_check_limits_CFLAGS = $(UNIT_CFLAGS)
tests_check_limits_LDADD = $(UNIT_LDADD) -lpthread

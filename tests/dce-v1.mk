## DCE-style IOV with the token formats of RFC 1964 and RFC 4757: the
## Check suite in the triple-DES and arcfour realms (tests/iov-dce-v1.sh)
## and the interop case dce_iov with those keys between libgss and MIT,
## each way (tests/interop/dce-v1.sh).
check_PROGRAMS += tests/check_iov_dce_v1
TESTS += tests/iov-dce-v1.sh tests/interop/dce-v1.sh
EXTRA_DIST += tests/iov-dce-v1.sh tests/interop/dce-v1.sh
tests_check_iov_dce_v1_CFLAGS = $(UNIT_CFLAGS)
tests_check_iov_dce_v1_LDADD = $(UNIT_LDADD)

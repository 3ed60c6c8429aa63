## The throwaway realm used by the tests that need a KDC, and its own test.
TESTS += tests/kdc/selftest.sh
EXTRA_DIST += tests/kdc/realm.sh tests/kdc/selftest.sh

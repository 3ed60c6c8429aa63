## The libgss.so.3 ABI of GNU GSS 1.0.4.
abi_tests = tests/abi/symbols.sh tests/abi/abidiff.sh
TESTS += $(abi_tests)
EXTRA_DIST += $(abi_tests) tests/abi/libgss-1.0.4-symbols.txt \
  tests/abi/libgss-1.1-symbols.txt
CLEANFILES += abidiff.out

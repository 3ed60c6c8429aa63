## Tests: Check unit suites here, the other harnesses in their folders.
include tests/unit.mk
include tests/abi/local.mk
include tests/dropin/local.mk
include tests/kdc/local.mk
include tests/interop/local.mk

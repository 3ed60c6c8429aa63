## Kerberos as MIT negotiates it, against MIT's library and libgss on
## both sides: RFC 4537 enctype negotiation, ccache selection,
## delegation policy, channel-bound contexts (issues 13 and 14).
negotiation_tests = tests/interop/etype-negotiation.sh \
	tests/interop/deleg-policy.sh tests/interop/channel-bound.sh
TESTS += $(negotiation_tests)
EXTRA_DIST += $(negotiation_tests)

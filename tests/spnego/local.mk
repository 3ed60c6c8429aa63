## SPNEGO: its ASN.1 alone (check_asn1, no KDC), and establishment,
## per-message calls and hostile tokens between our own contexts in a
## throwaway realm (check_spnego, run by realm.sh under memcheck).
check_PROGRAMS += tests/spnego/check_asn1 tests/spnego/check_spnego
TESTS += tests/spnego/check_asn1 tests/spnego/realm.sh
EXTRA_DIST += tests/spnego/realm.sh
tests_spnego_check_asn1_SOURCES = tests/spnego/check_asn1.c \
	mech/spnego/asn1.c mech/spnego/asn1-tab.c
tests_spnego_check_asn1_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/lib \
	-I$(top_srcdir)/mech/spnego
tests_spnego_check_asn1_CFLAGS = $(UNIT_CFLAGS) $(TASN1_CFLAGS)
tests_spnego_check_asn1_LDADD = $(UNIT_LDADD) $(TASN1_LIBS)
tests_spnego_check_spnego_SOURCES = tests/spnego/check_spnego.c \
	mech/spnego/asn1.c mech/spnego/asn1-tab.c
tests_spnego_check_spnego_CPPFLAGS = $(tests_spnego_check_asn1_CPPFLAGS)
tests_spnego_check_spnego_CFLAGS = $(UNIT_CFLAGS) $(TASN1_CFLAGS)
tests_spnego_check_spnego_LDADD = $(UNIT_LDADD) $(TASN1_LIBS)

## SPNEGO (RFC 4178), a mechanism that negotiates among the others of
## the table through lib/, linked into libgss.  asn1-tab.c is what
## asn1Parser (libtasn1-bin) makes of spnego.asn; it is committed, so a
## build needs only libtasn1, and `make spnego-asn1' regenerates it.
noinst_LTLIBRARIES += mech/spnego/libgss-spnego.la
mech_spnego_libgss_spnego_la_SOURCES = \
	mech/spnego/spnego.h mech/spnego/mech.c mech/spnego/asn1.c \
	mech/spnego/asn1-tab.c mech/spnego/context.c mech/spnego/init.c \
	mech/spnego/accept.c mech/spnego/ext.c
mech_spnego_libgss_spnego_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/lib
mech_spnego_libgss_spnego_la_CFLAGS = $(AM_CFLAGS) $(TASN1_CFLAGS)
EXTRA_DIST += mech/spnego/spnego.asn

.PHONY: spnego-asn1
spnego-asn1:
	asn1Parser -o $(srcdir)/mech/spnego/asn1-tab.c -n spnego_asn1_tab \
		$(srcdir)/mech/spnego/spnego.asn

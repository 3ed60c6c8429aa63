## The Kerberos 5 mechanism on MIT libkrb5, linked into libgss.
noinst_LTLIBRARIES += mech/krb5/libgss-krb5.la
mech_krb5_libgss_krb5_la_SOURCES = \
	mech/krb5/k5.h mech/krb5/mech.c mech/krb5/oid.c \
	mech/krb5/name.c mech/krb5/status.c mech/krb5/cred.c \
	mech/krb5/token.c mech/krb5/der.c mech/krb5/checksum.c mech/krb5/krberror.c \
	mech/krb5/init.c mech/krb5/accept.c mech/krb5/context.c \
	mech/krb5/crypto.h mech/krb5/crypto.c mech/krb5/seqwin.h \
	mech/krb5/seqwin.c mech/krb5/keys.c mech/krb5/cfx.h \
	mech/krb5/mic.c mech/krb5/wrap.c mech/krb5/export.c \
	mech/krb5/v1.h mech/krb5/v1crypto.c mech/krb5/v1token.c mech/krb5/v1iov.c \
	mech/krb5/select.c \
	mech/krb5/iov.c mech/krb5/segcrypto.h mech/krb5/segcrypto.c
mech_krb5_libgss_krb5_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/lib
mech_krb5_libgss_krb5_la_CFLAGS = $(AM_CFLAGS) $(KRB5_CFLAGS) $(CRYPTO_CFLAGS) $(TASN1_CFLAGS)

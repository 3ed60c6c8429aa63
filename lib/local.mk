## The mechanism-independent layer: libgss.so.3 itself.
lib_LTLIBRARIES += lib/libgss.la

gssincludedir = $(includedir)/gss
gssinclude_HEADERS = include/gss/api.h include/gss/ext.h \
	include/gss/krb5.h include/gss/krb5-ext.h \
	include/gss/flags.h include/gss/spnego.h \
	include/gss/iov.h

lib_libgss_la_SOURCES = \
	lib/internal.h lib/mech.h lib/mechtab.c \
	lib/buffer.c lib/oid.c lib/oidset.c lib/name.c lib/status.c \
	lib/token.c lib/saslname.c lib/version.c lib/userok.c \
	lib/obsolete.c lib/inquire.c lib/cred.c lib/context.c lib/transfer.c lib/msg.c lib/handle.c lib/i18n.c \
	lib/iov.c
lib_libgss_la_CPPFLAGS = $(AM_CPPFLAGS) -DLOCALEDIR=\"$(localedir)\"
lib_libgss_la_CFLAGS = $(AM_CFLAGS) $(TASN1_CFLAGS)
lib_libgss_la_LIBADD = mech/krb5/libgss-krb5.la mech/spnego/libgss-spnego.la gl/libgnu.la \
	$(KRB5_LIBS) $(CRYPTO_LIBS) $(TASN1_LIBS) $(LTLIBINTL)
lib_libgss_la_LDFLAGS = $(AM_LDFLAGS) -no-undefined \
	-version-info $(LT_CURRENT):$(LT_REVISION):$(LT_AGE)
if HAVE_LD_VERSION_SCRIPT
lib_libgss_la_LDFLAGS += -Wl,--version-script=$(top_srcdir)/lib/libgss.map
endif
EXTRA_DIST += lib/libgss.map
## MIT's MIC tokens over IOV arrays (gss_get_mic_iov and friends).
lib_libgss_la_SOURCES += lib/miciov.c

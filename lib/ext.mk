## MIT's gssapi_ext.h extensions: buffer sets and inquiry by OID,
## credential stores, passwords, local names, OID strings, RFC 5587
## mechanism attributes.  Validation in lib/, work in mech/krb5/.
gssinclude_HEADERS += include/gss/ext-mit.h
lib_libgss_la_SOURCES += lib/ext-internal.h lib/mechattr.h \
	lib/bufset.c lib/oidstr.c lib/mechattr.c lib/inqoid.c \
	lib/credstore.c lib/password.c lib/localname.c
mech_krb5_libgss_krb5_la_SOURCES += mech/krb5/ext.h \
	mech/krb5/inquire_oid.c mech/krb5/store.c mech/krb5/password.c \
	mech/krb5/localname.c

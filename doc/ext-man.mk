## Man pages of MIT's gssapi_ext.h extensions (lib/ext.mk), made by the
## rules of doc/man.mk.
EXT_API_SRCS = $(srcdir)/lib/bufset.c $(srcdir)/lib/oidstr.c \
	$(srcdir)/lib/mechattr.c $(srcdir)/lib/inqoid.c \
	$(srcdir)/lib/credstore.c $(srcdir)/lib/password.c \
	$(srcdir)/lib/localname.c
API_SRCS += $(EXT_API_SRCS)
API_MANS += doc/man/gss_create_empty_buffer_set.3 \
	doc/man/gss_add_buffer_set_member.3 doc/man/gss_release_buffer_set.3 \
	doc/man/gss_inquire_sec_context_by_oid.3 \
	doc/man/gss_acquire_cred_from.3 doc/man/gss_add_cred_from.3 \
	doc/man/gss_store_cred.3 doc/man/gss_store_cred_into.3 \
	doc/man/gss_acquire_cred_with_password.3 doc/man/gss_localname.3 \
	doc/man/gss_authorize_localname.3 doc/man/gss_pname_to_uid.3 \
	doc/man/gss_oid_to_str.3 doc/man/gss_str_to_oid.3 \
	doc/man/gss_release_oid.3 doc/man/gss_inquire_attrs_for_mech.3 \
	doc/man/gss_indicate_mechs_by_attrs.3 doc/man/gss_display_mech_attr.3

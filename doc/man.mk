## Man pages of the API: one man3 page per exported function, made from
## the structured comments above each function in lib/ (issue 6).
##
## doc/mkman reads the /*@ comments of lib/*.c (its header documents
## the format).  The pages are built in the build tree and not shipped:
## the tarball has lib/*.c and doc/mkman to make them again.  The
## Texinfo fragment doc/gss-api.texi, which the manual includes, is
## shipped and made in the source tree, like doc/gss.1.

MKMAN = perl $(srcdir)/doc/mkman

API_SRCS = $(srcdir)/lib/buffer.c $(srcdir)/lib/context.c \
	$(srcdir)/lib/cred.c $(srcdir)/lib/inquire.c $(srcdir)/lib/msg.c \
	$(srcdir)/lib/name.c $(srcdir)/lib/obsolete.c $(srcdir)/lib/oid.c \
	$(srcdir)/lib/oidset.c $(srcdir)/lib/saslname.c \
	$(srcdir)/lib/status.c $(srcdir)/lib/token.c \
	$(srcdir)/lib/transfer.c $(srcdir)/lib/userok.c \
	$(srcdir)/lib/version.c \
	$(srcdir)/lib/iov.c $(srcdir)/lib/miciov.c

API_MANS = doc/man/gss_accept_sec_context.3 doc/man/gss_acquire_cred.3 \
	doc/man/gss_add_cred.3 doc/man/gss_add_oid_set_member.3 \
	doc/man/gss_canonicalize_name.3 doc/man/gss_check_version.3 \
	doc/man/gss_compare_name.3 doc/man/gss_context_time.3 \
	doc/man/gss_create_empty_oid_set.3 doc/man/gss_decapsulate_token.3 \
	doc/man/gss_delete_sec_context.3 doc/man/gss_display_name.3 \
	doc/man/gss_display_status.3 doc/man/gss_duplicate_name.3 \
	doc/man/gss_encapsulate_token.3 doc/man/gss_export_name.3 \
	doc/man/gss_export_sec_context.3 doc/man/gss_get_mic.3 \
	doc/man/gss_import_name.3 doc/man/gss_import_sec_context.3 \
	doc/man/gss_indicate_mechs.3 doc/man/gss_init_sec_context.3 \
	doc/man/gss_inquire_context.3 doc/man/gss_inquire_cred.3 \
	doc/man/gss_inquire_cred_by_mech.3 \
	doc/man/gss_inquire_mech_for_saslname.3 \
	doc/man/gss_inquire_mechs_for_name.3 \
	doc/man/gss_inquire_names_for_mech.3 \
	doc/man/gss_inquire_saslname_for_mech.3 doc/man/gss_oid_equal.3 \
	doc/man/gss_process_context_token.3 doc/man/gss_release_buffer.3 \
	doc/man/gss_release_cred.3 doc/man/gss_release_name.3 \
	doc/man/gss_release_oid_set.3 doc/man/gss_seal.3 doc/man/gss_sign.3 \
	doc/man/gss_test_oid_set_member.3 doc/man/gss_unseal.3 \
	doc/man/gss_unwrap.3 doc/man/gss_userok.3 doc/man/gss_verify.3 \
	doc/man/gss_verify_mic.3 doc/man/gss_wrap.3 \
	doc/man/gss_wrap_size_limit.3 \
	doc/man/gss_wrap_iov.3 doc/man/gss_unwrap_iov.3 \
	doc/man/gss_wrap_iov_length.3 doc/man/gss_release_iov_buffer.3 \
	doc/man/gss_wrap_aead.3 doc/man/gss_unwrap_aead.3 \
	doc/man/gss_get_mic_iov.3 doc/man/gss_get_mic_iov_length.3 \
	doc/man/gss_verify_mic_iov.3

man3_MANS = $(API_MANS)
EXTRA_DIST += doc/mkman doc/gss-api.texi tests/man-pages.sh
CLEANFILES += $(API_MANS) doc/man/stamp

# One run of mkman makes all the pages; the stamp stands for them.  The
# Texinfo fragment is an order-only prerequisite, so that `make' also
# brings it up to date without it being a reason to remake the pages.
doc/man/stamp: $(API_SRCS) $(srcdir)/doc/mkman $(top_srcdir)/configure.ac \
		| $(srcdir)/doc/gss-api.texi
	$(AM_V_GEN)$(MKDIR_P) doc/man && \
	$(MKMAN) --version='$(PACKAGE_VERSION)' \
	  --bug-report='$(PACKAGE_BUGREPORT)' --output=doc/man \
	  $(API_SRCS) && \
	touch $@
$(API_MANS): doc/man/stamp
	@test -f $@ || { rm -f doc/man/stamp; \
	  $(MAKE) $(AM_MAKEFLAGS) doc/man/stamp; }

# Shipped, so made in the source tree; it depends only on files that
# are older than it in a tarball, so a read-only source tree (distcheck)
# never needs it remade.
$(srcdir)/doc/gss-api.texi: $(API_SRCS) $(srcdir)/doc/mkman
	$(AM_V_GEN)$(MKMAN) --texinfo --output=$@ $(API_SRCS)

TESTS += tests/man-pages.sh

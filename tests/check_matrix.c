/* check_matrix.c - every exported function with each of its pointer
   arguments NULL in turn, and with handles that are not live: the
   RFC 2744 calling error (or routine error) each gets, as the man
   pages document, and no crash.  check_calling covers the outputs
   being initialised first; this covers the breadth.  Run through
   tests/kdc/realm.sh (tests/realm-checks.sh does, for each token
   format), it also passes NULL inputs and outputs to the per-message
   calls and context calls with live, established contexts. */
#include "unit.h"

static OM_uint32 m;
static char junk[128];
#define BOGUS_CTX ((gss_ctx_id_t) junk)
#define BOGUS_CRED ((gss_cred_id_t) junk)
#define BOGUS_NAME ((gss_name_t) junk)
#define R GSS_S_CALL_INACCESSIBLE_READ
#define W GSS_S_CALL_INACCESSIBLE_WRITE

/* Checks one call; the text of the call names the failure. */
#define IS(call, want)							\
  do {									\
    OM_uint32 got_ = (call);						\
    ck_assert_msg (got_ == (OM_uint32) (want), "%s: %#x, not %#x",	\
		   #call, got_, (OM_uint32) (want));			\
  } while (0)

static gss_name_t
a_name (void)
{
  gss_buffer_desc b = unit_buf ("host@localhost");
  gss_name_t n;

  ck_assert_uint_eq (gss_import_name (&m, &b, GSS_C_NT_HOSTBASED_SERVICE, &n), GSS_S_COMPLETE);
  return n;
}

START_TEST (test_names)
{
  gss_buffer_desc b = unit_buf ("host@localhost"), out;
  gss_name_t n = a_name (), o, o2;
  gss_OID type;
  gss_OID_set set;
  int eq;

  /* A NULL minor_status performs the call, as GNU GSS does. */
  IS (gss_import_name (NULL, &b, GSS_C_NT_HOSTBASED_SERVICE, &o), GSS_S_COMPLETE);
  IS (gss_release_name (&m, &o), GSS_S_COMPLETE);
  IS (gss_import_name (&m, NULL, GSS_C_NT_HOSTBASED_SERVICE, &o), R | GSS_S_BAD_NAME);
  IS (gss_import_name (&m, &b, GSS_C_NT_HOSTBASED_SERVICE, NULL), W | GSS_S_BAD_NAME);
  IS (gss_display_name (NULL, n, &out, &type), GSS_S_COMPLETE);
  IS (gss_release_buffer (&m, &out), GSS_S_COMPLETE);
  IS (gss_display_name (&m, GSS_C_NO_NAME, &out, &type), GSS_S_BAD_NAME);
  IS (gss_display_name (&m, BOGUS_NAME, &out, &type), GSS_S_BAD_NAME);
  IS (gss_display_name (&m, n, NULL, &type), W);
  IS (gss_compare_name (NULL, n, n, &eq), GSS_S_COMPLETE);
  IS (gss_compare_name (&m, GSS_C_NO_NAME, n, &eq), R | GSS_S_BAD_NAME);
  IS (gss_compare_name (&m, n, GSS_C_NO_NAME, &eq), R | GSS_S_BAD_NAME);
  IS (gss_compare_name (&m, n, BOGUS_NAME, &eq), GSS_S_BAD_NAME);
  IS (gss_compare_name (&m, n, n, NULL), W);
  IS (gss_duplicate_name (NULL, n, &o), GSS_S_COMPLETE);
  IS (gss_release_name (&m, &o), GSS_S_COMPLETE);
  IS (gss_duplicate_name (&m, GSS_C_NO_NAME, &o), GSS_S_BAD_NAME);
  IS (gss_duplicate_name (&m, BOGUS_NAME, &o), GSS_S_BAD_NAME);
  IS (gss_duplicate_name (&m, n, NULL), W | GSS_S_FAILURE);
  /* Whether the name canonicalizes depends on krb5.conf: the same
     answer without a minor status. */
  IS (gss_canonicalize_name (NULL, n, GSS_KRB5, &o), gss_canonicalize_name (&m, n, GSS_KRB5, &o2));
  gss_release_name (&m, &o);
  gss_release_name (&m, &o2);
  IS (gss_canonicalize_name (&m, GSS_C_NO_NAME, GSS_KRB5, &o), R | GSS_S_BAD_NAME);
  IS (gss_canonicalize_name (&m, BOGUS_NAME, GSS_KRB5, &o), GSS_S_BAD_NAME);
  IS (gss_canonicalize_name (&m, n, GSS_KRB5, NULL), W | GSS_S_FAILURE);
  IS (gss_export_name (NULL, n, &out), GSS_S_NAME_NOT_MN);
  IS (gss_export_name (&m, GSS_C_NO_NAME, &out), R | GSS_S_BAD_NAME);
  IS (gss_export_name (&m, BOGUS_NAME, &out), GSS_S_BAD_NAME);
  IS (gss_export_name (&m, n, NULL), W);
  IS (gss_inquire_mechs_for_name (NULL, n, &set), GSS_S_COMPLETE);
  IS (gss_release_oid_set (&m, &set), GSS_S_COMPLETE);
  IS (gss_inquire_mechs_for_name (&m, GSS_C_NO_NAME, &set), R | GSS_S_BAD_NAME);
  IS (gss_inquire_mechs_for_name (&m, BOGUS_NAME, &set), GSS_S_BAD_NAME);
  IS (gss_inquire_mechs_for_name (&m, n, NULL), W);
  IS (gss_inquire_names_for_mech (NULL, GSS_KRB5, &set), GSS_S_COMPLETE);
  IS (gss_release_oid_set (&m, &set), GSS_S_COMPLETE);
  IS (gss_inquire_names_for_mech (&m, GSS_KRB5, NULL), W);
  IS (gss_duplicate_name (&m, n, &o), GSS_S_COMPLETE);
  IS (gss_release_name (NULL, &o), GSS_S_COMPLETE);
  ck_assert_ptr_eq (o, GSS_C_NO_NAME);
  IS (gss_release_name (&m, NULL), R | GSS_S_BAD_NAME);
  o = BOGUS_NAME;
  IS (gss_release_name (&m, &o), GSS_S_BAD_NAME);
  IS (gss_release_name (&m, &n), GSS_S_COMPLETE);
  ck_assert_ptr_eq (n, GSS_C_NO_NAME);
  /* gss_userok answers non-zero for "may log in": never for a dead name. */
  ck_assert_int_eq (gss_userok (GSS_C_NO_NAME, "root"), 0);
  ck_assert_int_eq (gss_userok (n, "root"), 0);
  ck_assert_int_eq (gss_userok (BOGUS_NAME, "root"), 0);
}
END_TEST

START_TEST (test_oids_and_buffers)
{
  gss_OID_set set = GSS_C_NO_OID_SET;
  gss_buffer_desc b = unit_buf ("x"), out = GSS_C_EMPTY_BUFFER, sasl, mech_name, desc;
  gss_buffer_desc bad = { 4, NULL };
  gss_OID oid;
  int present;

  IS (gss_create_empty_oid_set (NULL, &set), GSS_S_COMPLETE);
  IS (gss_release_oid_set (&m, &set), GSS_S_COMPLETE);
  IS (gss_create_empty_oid_set (&m, NULL), W);
  IS (gss_create_empty_oid_set (&m, &set), GSS_S_COMPLETE);
  IS (gss_add_oid_set_member (NULL, GSS_KRB5, &set), GSS_S_COMPLETE);
  IS (gss_add_oid_set_member (&m, GSS_C_NO_OID, &set), GSS_S_FAILURE);
  IS (gss_add_oid_set_member (&m, GSS_KRB5, NULL), W);
  IS (gss_test_oid_set_member (NULL, GSS_KRB5, set, &present), GSS_S_COMPLETE);
  ck_assert_int_eq (present, 1);
  IS (gss_test_oid_set_member (&m, GSS_C_NO_OID, set, &present), GSS_S_COMPLETE);
  ck_assert_int_eq (present, 0);
  IS (gss_test_oid_set_member (&m, GSS_KRB5, GSS_C_NO_OID_SET, &present), R);
  IS (gss_test_oid_set_member (&m, GSS_KRB5, set, NULL), W);
  IS (gss_release_oid_set (NULL, &set), GSS_S_COMPLETE);
  ck_assert_ptr_eq (set, GSS_C_NO_OID_SET);
  /* No set to release is no error (the man page says so). */
  IS (gss_release_oid_set (&m, NULL), GSS_S_COMPLETE);
  IS (gss_release_oid_set (&m, &set), GSS_S_COMPLETE);
  IS (gss_indicate_mechs (NULL, &set), GSS_S_COMPLETE);
  IS (gss_release_oid_set (&m, &set), GSS_S_COMPLETE);
  IS (gss_indicate_mechs (&m, NULL), W);
  IS (gss_release_buffer (NULL, &out), GSS_S_COMPLETE);
  IS (gss_release_buffer (&m, NULL), GSS_S_COMPLETE);
  IS (gss_encapsulate_token (NULL, GSS_KRB5, &out), R);
  IS (gss_encapsulate_token (&bad, GSS_KRB5, &out), R);
  IS (gss_encapsulate_token (&b, GSS_C_NO_OID, &out), R);
  IS (gss_encapsulate_token (&b, GSS_KRB5, NULL), W);
  IS (gss_decapsulate_token (NULL, GSS_KRB5, &out), R);
  IS (gss_decapsulate_token (&b, GSS_C_NO_OID, &out), R);
  IS (gss_decapsulate_token (&b, GSS_KRB5, NULL), W);
  IS (gss_decapsulate_token (&b, GSS_KRB5, &out), GSS_S_DEFECTIVE_TOKEN);
  ck_assert (!gss_oid_equal (GSS_C_NO_OID, GSS_KRB5));
  ck_assert (!gss_oid_equal (GSS_KRB5, GSS_C_NO_OID));
  IS (gss_inquire_saslname_for_mech (NULL, GSS_KRB5, &sasl, &mech_name, &desc), GSS_S_COMPLETE);
  gss_release_buffer (&m, &sasl);
  gss_release_buffer (&m, &mech_name);
  gss_release_buffer (&m, &desc);
  IS (gss_inquire_saslname_for_mech (&m, GSS_C_NO_OID, &sasl, &mech_name, &desc), R);
  IS (gss_inquire_mech_for_saslname (NULL, &b, &oid), GSS_S_BAD_MECH);
  IS (gss_inquire_mech_for_saslname (&m, NULL, &oid), R);
  IS (gss_inquire_mech_for_saslname (&m, &b, &oid), GSS_S_BAD_MECH);
}
END_TEST

START_TEST (test_status_and_version)
{
  gss_buffer_desc out;
  OM_uint32 ctx = 0;

  IS (gss_display_status (NULL, 0, GSS_C_GSS_CODE, GSS_C_NO_OID, &ctx, &out), GSS_S_COMPLETE);
  gss_release_buffer (&m, &out);
  /* Without a message context, the first message (GNU GSS's answer). */
  IS (gss_display_status (&m, 0, GSS_C_GSS_CODE, GSS_C_NO_OID, NULL, &out), GSS_S_COMPLETE);
  gss_release_buffer (&m, &out);
  IS (gss_display_status (&m, 0, GSS_C_GSS_CODE, GSS_C_NO_OID, &ctx, NULL), W);
  IS (gss_display_status (&m, 0, 9, GSS_C_NO_OID, &ctx, &out), GSS_S_BAD_STATUS);
  IS (gss_display_status (&m, 0x7f0000, GSS_C_GSS_CODE, GSS_C_NO_OID, &ctx, &out), GSS_S_BAD_STATUS);
  ck_assert_ptr_nonnull (gss_check_version (NULL));
  ck_assert_ptr_null (gss_check_version ("99.0.0"));
}
END_TEST

START_TEST (test_credentials)
{
  gss_cred_id_t c = BOGUS_CRED;
  gss_name_t name;
  OM_uint32 life, il, al;
  gss_cred_usage_t usage;
  gss_OID_set mechs;

  IS (gss_acquire_cred (NULL, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE, &c, NULL, NULL), GSS_S_NO_CRED);
  IS (gss_acquire_cred (&m, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE, NULL, NULL, NULL), W | GSS_S_NO_CRED);
  IS (gss_acquire_cred (&m, BOGUS_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE, &c, NULL, NULL), GSS_S_BAD_NAME);
  IS (gss_add_cred (NULL, GSS_C_NO_CREDENTIAL, GSS_C_NO_NAME, GSS_KRB5, GSS_C_INITIATE, 0, 0, &c, NULL, NULL, NULL), GSS_S_NO_CRED);
  IS (gss_add_cred (&m, GSS_C_NO_CREDENTIAL, GSS_C_NO_NAME, GSS_KRB5, GSS_C_INITIATE, 0, 0, NULL, NULL, NULL, NULL), W | GSS_S_NO_CRED);
  IS (gss_add_cred (&m, BOGUS_CRED, GSS_C_NO_NAME, GSS_KRB5, GSS_C_INITIATE, 0, 0, &c, NULL, NULL, NULL), GSS_S_NO_CRED);
  IS (gss_add_cred (&m, GSS_C_NO_CREDENTIAL, BOGUS_NAME, GSS_KRB5, GSS_C_INITIATE, 0, 0, &c, NULL, NULL, NULL), GSS_S_BAD_NAME);
  IS (gss_inquire_cred (NULL, GSS_C_NO_CREDENTIAL, &name, &life, &usage, &mechs), GSS_S_NO_CRED);
  IS (gss_inquire_cred (&m, BOGUS_CRED, &name, &life, &usage, &mechs), GSS_S_NO_CRED);
  IS (gss_inquire_cred_by_mech (NULL, GSS_C_NO_CREDENTIAL, GSS_KRB5, &name, &il, &al, &usage), GSS_S_NO_CRED);
  IS (gss_inquire_cred_by_mech (&m, BOGUS_CRED, GSS_KRB5, &name, &il, &al, &usage), GSS_S_NO_CRED);
  IS (gss_inquire_cred_by_mech (&m, GSS_C_NO_CREDENTIAL, GSS_C_NO_OID, &name, &il, &al, &usage), GSS_S_BAD_MECH);
  c = GSS_C_NO_CREDENTIAL;
  IS (gss_release_cred (NULL, &c), GSS_S_COMPLETE);
  IS (gss_release_cred (&m, NULL), R | GSS_S_NO_CRED);
  c = BOGUS_CRED;
  IS (gss_release_cred (&m, &c), GSS_S_NO_CRED);
}
END_TEST

START_TEST (test_contexts)
{
  gss_ctx_id_t c = GSS_C_NO_CONTEXT;
  gss_name_t n = a_name ();
  gss_buffer_desc out, tok = unit_buf ("t"), empty = GSS_C_EMPTY_BUFFER;
  OM_uint32 t;

  IS (gss_init_sec_context (NULL, GSS_C_NO_CREDENTIAL, &c, n, GSS_KRB5, 0, 0, NULL, NULL, NULL, &out, NULL, NULL),
      gss_init_sec_context (&m, GSS_C_NO_CREDENTIAL, &c, n, GSS_KRB5, 0, 0, NULL, NULL, NULL, &out, NULL, NULL));
  IS (gss_init_sec_context (&m, GSS_C_NO_CREDENTIAL, NULL, n, GSS_KRB5, 0, 0, NULL, NULL, NULL, &out, NULL, NULL), R | GSS_S_NO_CONTEXT);
  IS (gss_init_sec_context (&m, GSS_C_NO_CREDENTIAL, &c, GSS_C_NO_NAME, GSS_KRB5, 0, 0, NULL, NULL, NULL, &out, NULL, NULL), GSS_S_BAD_NAME);
  IS (gss_init_sec_context (&m, GSS_C_NO_CREDENTIAL, &c, n, GSS_KRB5, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL), GSS_S_CALL_BAD_STRUCTURE | GSS_S_FAILURE);
  IS (gss_accept_sec_context (NULL, &c, GSS_C_NO_CREDENTIAL, &tok, NULL, NULL, NULL, &out, NULL, NULL, NULL), GSS_S_DEFECTIVE_TOKEN);
  IS (gss_accept_sec_context (&m, NULL, GSS_C_NO_CREDENTIAL, &tok, NULL, NULL, NULL, &out, NULL, NULL, NULL), R | GSS_S_NO_CONTEXT);
  IS (gss_accept_sec_context (&m, &c, GSS_C_NO_CREDENTIAL, NULL, NULL, NULL, NULL, &out, NULL, NULL, NULL), R | GSS_S_DEFECTIVE_TOKEN);
  /* An empty token is readable, and defective. */
  IS (gss_accept_sec_context (&m, &c, GSS_C_NO_CREDENTIAL, &empty, NULL, NULL, NULL, &out, NULL, NULL, NULL), GSS_S_DEFECTIVE_TOKEN);
  IS (gss_accept_sec_context (&m, &c, GSS_C_NO_CREDENTIAL, &tok, NULL, NULL, NULL, NULL, NULL, NULL, NULL), W);
  IS (gss_delete_sec_context (&m, NULL, &out), R | GSS_S_NO_CONTEXT);
  IS (gss_process_context_token (&m, GSS_C_NO_CONTEXT, &tok), R | GSS_S_NO_CONTEXT);
  IS (gss_process_context_token (&m, BOGUS_CTX, &tok), GSS_S_NO_CONTEXT);
  IS (gss_context_time (&m, BOGUS_CTX, NULL), GSS_S_NO_CONTEXT);
  IS (gss_context_time (&m, GSS_C_NO_CONTEXT, &t), GSS_S_CALL_BAD_STRUCTURE | GSS_S_NO_CONTEXT);
  IS (gss_inquire_context (NULL, BOGUS_CTX, NULL, NULL, NULL, NULL, NULL, NULL, NULL), GSS_S_NO_CONTEXT);
  IS (gss_export_sec_context (&m, &c, NULL), R | GSS_S_NO_CONTEXT);
  IS (gss_import_sec_context (NULL, &tok, &c), GSS_S_DEFECTIVE_TOKEN);
  IS (gss_import_sec_context (&m, NULL, &c), R | GSS_S_DEFECTIVE_TOKEN);
  IS (gss_import_sec_context (&m, &tok, NULL), W | GSS_S_NO_CONTEXT);
  ck_assert_ptr_eq (c, GSS_C_NO_CONTEXT);
  gss_release_name (&m, &n);
}
END_TEST

/* The per-message calls, version 2 and version 1 names alike. */
START_TEST (test_messages)
{
  gss_buffer_desc msg = unit_buf ("hello"), tok = unit_buf ("tok"), out;
  int conf, qi;
  gss_qop_t q;
  OM_uint32 max;

  IS (gss_get_mic (NULL, BOGUS_CTX, 0, &msg, &out), GSS_S_NO_CONTEXT);
  IS (gss_get_mic (&m, BOGUS_CTX, 0, &msg, &out), GSS_S_NO_CONTEXT);
  IS (gss_get_mic (&m, GSS_C_NO_CONTEXT, 0, &msg, &out), GSS_S_NO_CONTEXT);
  IS (gss_sign (&m, GSS_C_NO_CONTEXT, 0, &msg, &out), GSS_S_NO_CONTEXT);
  IS (gss_sign (NULL, BOGUS_CTX, 0, &msg, &out), GSS_S_NO_CONTEXT);
  IS (gss_verify_mic (NULL, BOGUS_CTX, &msg, &tok, &q), GSS_S_NO_CONTEXT);
  IS (gss_verify_mic (&m, BOGUS_CTX, &msg, &tok, &q), GSS_S_NO_CONTEXT);
  IS (gss_verify (&m, BOGUS_CTX, &msg, &tok, &qi), GSS_S_NO_CONTEXT);
  IS (gss_verify (NULL, BOGUS_CTX, &msg, &tok, &qi), GSS_S_NO_CONTEXT);
  IS (gss_wrap (NULL, BOGUS_CTX, 1, 0, &msg, &conf, &out), GSS_S_NO_CONTEXT);
  IS (gss_wrap (&m, BOGUS_CTX, 1, 0, &msg, &conf, &out), GSS_S_NO_CONTEXT);
  IS (gss_seal (&m, GSS_C_NO_CONTEXT, 1, 0, &msg, &conf, &out), GSS_S_NO_CONTEXT);
  IS (gss_seal (NULL, BOGUS_CTX, 1, 0, &msg, &conf, &out), GSS_S_NO_CONTEXT);
  IS (gss_unwrap (NULL, BOGUS_CTX, &tok, &out, &conf, &q), GSS_S_NO_CONTEXT);
  IS (gss_unwrap (&m, BOGUS_CTX, &tok, &out, &conf, &q), GSS_S_NO_CONTEXT);
  IS (gss_unseal (&m, BOGUS_CTX, &tok, &out, &conf, &qi), GSS_S_NO_CONTEXT);
  IS (gss_unseal (NULL, BOGUS_CTX, &tok, &out, &conf, &qi), GSS_S_NO_CONTEXT);
  IS (gss_wrap_size_limit (NULL, BOGUS_CTX, 1, 0, 100, &max), GSS_S_NO_CONTEXT);
  IS (gss_wrap_size_limit (&m, BOGUS_CTX, 1, 0, 100, &max), GSS_S_NO_CONTEXT);
}
END_TEST

/* An established pair (no mutual authentication: one token). */
static void
establish (gss_ctx_id_t *ictx, gss_ctx_id_t *actx)
{
  gss_name_t n = a_name ();
  gss_buffer_desc first, reply;

  *ictx = *actx = GSS_C_NO_CONTEXT;
  IS (gss_init_sec_context (&m, GSS_C_NO_CREDENTIAL, ictx, n, GSS_KRB5, GSS_C_REPLAY_FLAG, 0,
			    NULL, NULL, NULL, &first, NULL, NULL), GSS_S_COMPLETE);
  IS (gss_accept_sec_context (&m, actx, GSS_C_NO_CREDENTIAL, &first, NULL, NULL, NULL, &reply,
			      NULL, NULL, NULL), GSS_S_COMPLETE);
  gss_release_buffer (&m, &first);
  gss_release_buffer (&m, &reply);
  gss_release_name (&m, &n);
}

/* Each pointer argument of the per-message and context calls NULL in
   turn, with live contexts: the calling error documented, and an
   optional output left NULL is no error. */
START_TEST (test_live_contexts)
{
  gss_ctx_id_t ictx, actx, none = GSS_C_NO_CONTEXT;
  gss_buffer_desc msg = unit_buf ("hello"), nothing = { 5, NULL }, mic, wrapped, out;
  int conf, qi;
  gss_qop_t q;
  OM_uint32 max, t;

  establish (&ictx, &actx);

  IS (gss_get_mic (&m, ictx, 0, NULL, &out), R);
  IS (gss_get_mic (&m, ictx, 0, &nothing, &out), R);
  IS (gss_get_mic (&m, ictx, 0, &msg, NULL), W);
  IS (gss_sign (&m, ictx, 0, NULL, &out), R);
  IS (gss_sign (&m, ictx, 0, &msg, NULL), W);
  IS (gss_get_mic (&m, ictx, 0, &msg, &mic), GSS_S_COMPLETE);
  IS (gss_verify_mic (&m, actx, NULL, &mic, &q), R);
  IS (gss_verify_mic (&m, actx, &nothing, &mic, &q), R);
  IS (gss_verify_mic (&m, actx, &msg, NULL, &q), R | GSS_S_DEFECTIVE_TOKEN);
  IS (gss_verify_mic (&m, actx, &msg, &nothing, &q), R | GSS_S_DEFECTIVE_TOKEN);
  IS (gss_verify (&m, actx, NULL, &mic, &qi), R);
  IS (gss_verify (&m, actx, &msg, NULL, &qi), R | GSS_S_DEFECTIVE_TOKEN);
  IS (gss_verify_mic (&m, actx, &msg, &mic, NULL), GSS_S_COMPLETE);
  gss_release_buffer (&m, &mic);

  IS (gss_wrap (&m, ictx, 1, 0, NULL, &conf, &out), R);
  IS (gss_wrap (&m, ictx, 1, 0, &nothing, &conf, &out), R);
  IS (gss_wrap (&m, ictx, 1, 0, &msg, &conf, NULL), W);
  IS (gss_seal (&m, ictx, 1, 0, NULL, &conf, &out), R);
  IS (gss_seal (&m, ictx, 1, 0, &msg, &conf, NULL), W);
  IS (gss_wrap (&m, ictx, 1, 0, &msg, NULL, &wrapped), GSS_S_COMPLETE);
  IS (gss_unwrap (&m, actx, NULL, &out, &conf, &q), R | GSS_S_DEFECTIVE_TOKEN);
  IS (gss_unwrap (&m, actx, &nothing, &out, &conf, &q), R | GSS_S_DEFECTIVE_TOKEN);
  IS (gss_unwrap (&m, actx, &wrapped, NULL, &conf, &q), W);
  IS (gss_unseal (&m, actx, NULL, &out, &conf, &qi), R | GSS_S_DEFECTIVE_TOKEN);
  IS (gss_unseal (&m, actx, &wrapped, NULL, &conf, &qi), W);
  IS (gss_unwrap (&m, actx, &wrapped, &out, NULL, NULL), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&out, "hello"));
  gss_release_buffer (&m, &out);
  gss_release_buffer (&m, &wrapped);

  IS (gss_wrap_size_limit (&m, ictx, 1, 0, 100, NULL), W);
  IS (gss_wrap_size_limit (&m, ictx, 0, 0, 100, NULL), W);
  /* Without a minor status the call is made all the same (GNU GSS). */
  max = 0;
  IS (gss_wrap_size_limit (NULL, ictx, 1, 0, 100, &max), GSS_S_COMPLETE);
  ck_assert_uint_gt (max, 0);
  IS (gss_wrap_size_limit (&m, ictx, 1, 0, 100, &max), GSS_S_COMPLETE);
  ck_assert_uint_gt (max, 0);
  ck_assert_uint_lt (max, 100);

  IS (gss_context_time (&m, ictx, NULL), W);
  IS (gss_context_time (NULL, ictx, &t), GSS_S_COMPLETE);
  IS (gss_inquire_context (&m, actx, NULL, NULL, NULL, NULL, NULL, NULL, NULL), GSS_S_COMPLETE);
  IS (gss_process_context_token (&m, actx, NULL), R | GSS_S_DEFECTIVE_TOKEN);
  IS (gss_process_context_token (&m, actx, &nothing), R | GSS_S_DEFECTIVE_TOKEN);
  IS (gss_export_sec_context (&m, &ictx, NULL), W);
  IS (gss_export_sec_context (&m, &none, &out), R | GSS_S_NO_CONTEXT);
  IS (gss_export_sec_context (&m, NULL, &out), R | W | GSS_S_NO_CONTEXT);
  /* The failed calls left both contexts live. */
  IS (gss_context_time (&m, ictx, &t), GSS_S_COMPLETE);
  IS (gss_delete_sec_context (&m, &ictx, GSS_C_NO_BUFFER), GSS_S_COMPLETE);
  IS (gss_delete_sec_context (&m, &actx, GSS_C_NO_BUFFER), GSS_S_COMPLETE);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("matrix");
  TCase *tc;

  /* In a realm (tests/realm-checks.sh) only the live contexts: the
     other cases expect no credentials, as in the run without one. */
  if (getenv ("REALM_USER") != NULL)
    {
      TCase *live = tcase_create ("live contexts");

      tcase_add_test (live, test_live_contexts);
      suite_add_tcase (s, live);
      return s;
    }
  tc = tcase_create ("null and dead arguments");
  tcase_add_test (tc, test_names);
  tcase_add_test (tc, test_oids_and_buffers);
  tcase_add_test (tc, test_status_and_version);
  tcase_add_test (tc, test_credentials);
  tcase_add_test (tc, test_contexts);
  tcase_add_test (tc, test_messages);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN

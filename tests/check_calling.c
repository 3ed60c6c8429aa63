/* check_calling.c - the RFC 2744 calling errors of the credential,
   context and per-message calls: missing pointers, missing or dead
   handles, with every output initialised first. */
#include "unit.h"

static OM_uint32 minor;
/* Storage that is no live handle of any kind. */
static char junk[128];
#define BOGUS_CTX ((gss_ctx_id_t) junk)
#define BOGUS_CRED ((gss_cred_id_t) junk)
#define BOGUS_NAME ((gss_name_t) junk)

START_TEST (test_acquire_cred)
{
  gss_cred_id_t cred = BOGUS_CRED;
  gss_OID_set mechs = (gss_OID_set) junk;
  OM_uint32 t = 99;
  gss_OID_desc unknown = { 3, (void *) "\x2a\x03\x04" };
  gss_OID_set_desc only_unknown = { 1, &unknown };

  ck_assert_uint_eq (gss_acquire_cred (NULL, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE, &cred, &mechs, &t),
		     GSS_S_NO_CRED);
  ck_assert_ptr_eq (cred, GSS_C_NO_CREDENTIAL);
  ck_assert_ptr_eq (mechs, GSS_C_NO_OID_SET);
  ck_assert_uint_eq (t, 0);
  ck_assert_uint_eq (gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE, NULL, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_acquire_cred (&minor, BOGUS_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE, &cred, NULL, NULL),
		     GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, 7, &cred, NULL, NULL),
		     GSS_S_FAILURE);
  ck_assert_uint_eq (minor, GSS_KRB5_S_G_BAD_USAGE);
  ck_assert_uint_eq (gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, &only_unknown, GSS_C_INITIATE, &cred, NULL, NULL),
		     GSS_S_BAD_MECH);
}
END_TEST

START_TEST (test_other_cred_calls)
{
  gss_cred_id_t cred = BOGUS_CRED, out;
  gss_name_t name;
  OM_uint32 life, ilife, alife;
  gss_cred_usage_t usage;
  gss_OID_set mechs;

  ck_assert_uint_eq (gss_release_cred (&minor, &cred), GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_release_cred (&minor, NULL), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CRED);
  cred = GSS_C_NO_CREDENTIAL;
  ck_assert_uint_eq (gss_release_cred (&minor, &cred), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_inquire_cred (NULL, GSS_C_NO_CREDENTIAL, &name, &life, &usage, &mechs), GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_inquire_cred (&minor, BOGUS_CRED, &name, &life, &usage, &mechs), GSS_S_NO_CRED);
  ck_assert_ptr_eq (name, GSS_C_NO_NAME);
  ck_assert_ptr_eq (mechs, GSS_C_NO_OID_SET);
  ck_assert_uint_eq (gss_inquire_cred_by_mech (&minor, BOGUS_CRED, GSS_KRB5, &name, &ilife, &alife, &usage), GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_inquire_cred_by_mech (&minor, GSS_C_NO_CREDENTIAL, GSS_C_NO_OID, &name, &ilife, &alife, &usage), GSS_S_BAD_MECH);
  ck_assert_uint_eq (gss_inquire_cred_by_mech (NULL, GSS_C_NO_CREDENTIAL, GSS_KRB5, &name, &ilife, &alife, &usage), GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_add_cred (NULL, GSS_C_NO_CREDENTIAL, GSS_C_NO_NAME, GSS_KRB5, GSS_C_INITIATE, 0, 0, &out, NULL, NULL, NULL),
		     GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_add_cred (&minor, GSS_C_NO_CREDENTIAL, GSS_C_NO_NAME, GSS_KRB5, GSS_C_INITIATE, 0, 0, NULL, NULL, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_add_cred (&minor, BOGUS_CRED, GSS_C_NO_NAME, GSS_KRB5, GSS_C_INITIATE, 0, 0, &out, NULL, NULL, NULL),
		     GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_add_cred (&minor, GSS_C_NO_CREDENTIAL, GSS_C_NO_NAME, GSS_C_NO_OID, GSS_C_INITIATE, 0, 0, &out, NULL, NULL, NULL),
		     GSS_S_BAD_MECH);
}
END_TEST

START_TEST (test_init_sec_context)
{
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc out, in = { 3, NULL }, name_text = unit_buf ("host@localhost");
  gss_name_t target;
  gss_OID actual = (gss_OID) junk;
  OM_uint32 flags = 99, t = 99;
  gss_OID_desc unknown = { 3, (void *) "\x2a\x03\x04" };

  ck_assert_uint_eq (gss_import_name (&minor, &name_text, GSS_C_NT_HOSTBASED_SERVICE, &target), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_init_sec_context (NULL, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_C_NO_OID, 0, 0, NULL, NULL, &actual, &out, &flags, &t),
		     GSS_S_NO_CRED);
  ck_assert_ptr_eq (actual, GSS_C_NO_OID);
  ck_assert_uint_eq (out.length, 0);
  ck_assert_uint_eq (flags, 0);
  ck_assert_uint_eq (t, 0);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, NULL, target, GSS_C_NO_OID, 0, 0, NULL, NULL, NULL, &out, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_C_NO_OID, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL),
		     GSS_S_CALL_BAD_STRUCTURE | GSS_S_FAILURE);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, GSS_C_NO_NAME, GSS_C_NO_OID, 0, 0, NULL, NULL, NULL, &out, NULL, NULL),
		     GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, BOGUS_NAME, GSS_C_NO_OID, 0, 0, NULL, NULL, NULL, &out, NULL, NULL),
		     GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_init_sec_context (&minor, BOGUS_CRED, &ctx, target, GSS_C_NO_OID, 0, 0, NULL, NULL, NULL, &out, NULL, NULL),
		     GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, &unknown, 0, 0, NULL, NULL, NULL, &out, NULL, NULL),
		     GSS_S_BAD_MECH);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_C_NO_OID, 0, 0, NULL, &in, NULL, &out, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN);
  ck_assert_ptr_eq (ctx, GSS_C_NO_CONTEXT);
  ctx = BOGUS_CTX;
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_C_NO_OID, 0, 0, NULL, NULL, NULL, &out, NULL, NULL),
		     GSS_S_NO_CONTEXT);
  gss_release_name (&minor, &target);
}
END_TEST

START_TEST (test_accept_sec_context)
{
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc out, in = unit_buf ("not a token");
  gss_name_t src = BOGUS_NAME;
  gss_OID mech = (gss_OID) junk;
  gss_cred_id_t deleg = BOGUS_CRED;
  OM_uint32 flags = 9, t = 9;
  gss_buffer_desc other_mech = { 5, (void *) "\x60\x03\x06\x01\x2a" };

  ck_assert_uint_eq (gss_accept_sec_context (NULL, &ctx, GSS_C_NO_CREDENTIAL, &in, NULL, &src, &mech, &out, &flags, &t, &deleg),
		     GSS_S_DEFECTIVE_TOKEN);
  ck_assert_ptr_eq (src, GSS_C_NO_NAME);
  ck_assert_ptr_eq (mech, GSS_C_NO_OID);
  ck_assert_ptr_eq (deleg, GSS_C_NO_CREDENTIAL);
  ck_assert_uint_eq (flags, 0);
  ck_assert_uint_eq (t, 0);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, NULL, GSS_C_NO_CREDENTIAL, &in, NULL, NULL, NULL, &out, NULL, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &ctx, GSS_C_NO_CREDENTIAL, NULL, NULL, NULL, NULL, &out, NULL, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &ctx, GSS_C_NO_CREDENTIAL, &in, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &ctx, BOGUS_CRED, &in, NULL, NULL, NULL, &out, NULL, NULL, NULL),
		     GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &ctx, GSS_C_NO_CREDENTIAL, &in, NULL, NULL, NULL, &out, NULL, NULL, NULL),
		     GSS_S_DEFECTIVE_TOKEN);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &ctx, GSS_C_NO_CREDENTIAL, &other_mech, NULL, NULL, NULL, &out, NULL, NULL, NULL),
		     GSS_S_BAD_MECH);
  ck_assert_ptr_eq (ctx, GSS_C_NO_CONTEXT);
  ctx = BOGUS_CTX;
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &ctx, GSS_C_NO_CREDENTIAL, &in, NULL, NULL, NULL, &out, NULL, NULL, NULL),
		     GSS_S_NO_CONTEXT);
}
END_TEST

START_TEST (test_context_calls)
{
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc out = { 1, junk }, tok = unit_buf ("t");
  gss_name_t src = BOGUS_NAME, targ = BOGUS_NAME;
  OM_uint32 t = 5, flags = 5;
  gss_OID mech = (gss_OID) junk;
  int local = 5, open = 5;

  ck_assert_uint_eq (gss_delete_sec_context (&minor, &ctx, &out), GSS_S_CALL_BAD_STRUCTURE | GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (out.length, 0);
  ck_assert_uint_eq (gss_delete_sec_context (&minor, NULL, &out), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT);
  ctx = BOGUS_CTX;
  ck_assert_uint_eq (gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_context_time (&minor, GSS_C_NO_CONTEXT, &t), GSS_S_CALL_BAD_STRUCTURE | GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (t, 0);
  ck_assert_uint_eq (gss_context_time (&minor, BOGUS_CTX, &t), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_context_time (NULL, BOGUS_CTX, &t), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_inquire_context (&minor, GSS_C_NO_CONTEXT, &src, &targ, &t, &mech, &flags, &local, &open),
		     GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT);
  ck_assert_ptr_eq (src, GSS_C_NO_NAME);
  ck_assert_ptr_eq (targ, GSS_C_NO_NAME);
  ck_assert_ptr_eq (mech, GSS_C_NO_OID);
  ck_assert_uint_eq (flags, 0);
  ck_assert_int_eq (local, 0);
  ck_assert_int_eq (open, 0);
  ck_assert_uint_eq (gss_inquire_context (&minor, BOGUS_CTX, NULL, NULL, NULL, NULL, NULL, NULL, NULL), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_process_context_token (&minor, GSS_C_NO_CONTEXT, &tok), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_process_context_token (&minor, BOGUS_CTX, &tok), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_process_context_token (NULL, BOGUS_CTX, &tok), GSS_S_NO_CONTEXT);
}
END_TEST

START_TEST (test_transfer_calls)
{
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc out, blob;
  static const unsigned char unknown_mech[] = { 1, 0, 3, 0x2a, 0x03, 0x04, 0xff };

  ck_assert_uint_eq (gss_export_sec_context (&minor, &ctx, &out), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_export_sec_context (&minor, NULL, &out),
		     GSS_S_CALL_INACCESSIBLE_READ | GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CONTEXT);
  ctx = BOGUS_CTX;
  ck_assert_uint_eq (gss_export_sec_context (&minor, &ctx, &out), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_export_sec_context (NULL, &ctx, &out), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_import_sec_context (&minor, NULL, &ctx), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN);
  ck_assert_ptr_eq (ctx, GSS_C_NO_CONTEXT);
  blob = unit_buf ("xy");
  ck_assert_uint_eq (gss_import_sec_context (&minor, &blob, &ctx), GSS_S_DEFECTIVE_TOKEN);
  ck_assert_uint_eq (gss_import_sec_context (&minor, &blob, NULL), GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CONTEXT);
  blob.value = (void *) unknown_mech;
  blob.length = sizeof unknown_mech;
  ck_assert_uint_eq (gss_import_sec_context (&minor, &blob, &ctx), GSS_S_BAD_MECH);
  blob.length = 5;
  ck_assert_uint_eq (gss_import_sec_context (&minor, &blob, &ctx), GSS_S_DEFECTIVE_TOKEN);
}
END_TEST

START_TEST (test_message_calls)
{
  gss_buffer_desc msg = unit_buf ("hello"), tok = { 3, junk }, nullval = { 4, NULL };
  int conf = 7, qop_int = 7;
  gss_qop_t qop = 7;
  OM_uint32 max = 7;

  ck_assert_uint_eq (gss_get_mic (&minor, GSS_C_NO_CONTEXT, 0, &msg, &tok), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (tok.length, 0);
  ck_assert_uint_eq (gss_get_mic (&minor, BOGUS_CTX, 0, &msg, &tok), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_get_mic (NULL, BOGUS_CTX, 0, &msg, &tok), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_verify_mic (&minor, GSS_C_NO_CONTEXT, &msg, &tok, &qop), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (qop, 0);
  ck_assert_uint_eq (gss_verify_mic (&minor, BOGUS_CTX, &msg, &tok, NULL), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_wrap (&minor, GSS_C_NO_CONTEXT, 1, 0, &msg, &conf, &tok), GSS_S_NO_CONTEXT);
  ck_assert_int_eq (conf, 0);
  ck_assert_uint_eq (gss_wrap (&minor, BOGUS_CTX, 1, 0, &nullval, &conf, &tok), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_unwrap (&minor, GSS_C_NO_CONTEXT, &msg, &tok, &conf, &qop), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_unwrap (NULL, GSS_C_NO_CONTEXT, &msg, &tok, &conf, &qop), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_wrap_size_limit (&minor, GSS_C_NO_CONTEXT, 1, 0, 100, &max), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (max, 0);
  ck_assert_uint_eq (gss_wrap_size_limit (&minor, BOGUS_CTX, 1, 0, 100, &max), GSS_S_NO_CONTEXT);
  /* The version 1 names behave as their successors. */
  ck_assert_uint_eq (gss_sign (&minor, GSS_C_NO_CONTEXT, 0, &msg, &tok), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_verify (&minor, BOGUS_CTX, &msg, &tok, &qop_int), GSS_S_NO_CONTEXT);
  ck_assert_int_eq (qop_int, 0);
  ck_assert_uint_eq (gss_seal (&minor, BOGUS_CTX, 1, 0, &msg, &conf, &tok), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_unseal (&minor, GSS_C_NO_CONTEXT, &msg, &tok, &conf, &qop_int),
		     GSS_S_NO_CONTEXT);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("calling");
  TCase *tc = tcase_create ("calling errors");

  tcase_add_test (tc, test_acquire_cred);
  tcase_add_test (tc, test_other_cred_calls);
  tcase_add_test (tc, test_init_sec_context);
  tcase_add_test (tc, test_accept_sec_context);
  tcase_add_test (tc, test_context_calls);
  tcase_add_test (tc, test_transfer_calls);
  tcase_add_test (tc, test_message_calls);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN

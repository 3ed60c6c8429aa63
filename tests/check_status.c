/* check_status.c - gss_display_status over routine, calling and
   supplementary codes, and minor codes of the Kerberos mechanism. */
#include "unit.h"

/* All messages for STATUS joined with '|'; returns the last major. */
static OM_uint32
all_messages (OM_uint32 status, int type, gss_OID mech, char *out, size_t size)
{
  OM_uint32 major, minor, ctx = 0;
  gss_buffer_desc msg;
  int rounds = 0;

  out[0] = '\0';
  do
    {
      major = gss_display_status (&minor, status, type, mech, &ctx, &msg);
      if (GSS_ERROR (major))
	return major;
      if (out[0])
	strncat (out, "|", size - strlen (out) - 1);
      strncat (out, msg.value, size - strlen (out) - 1);
      ck_assert_uint_eq (((char *) msg.value)[msg.length], '\0');
      gss_release_buffer (&minor, &msg);
      ck_assert_int_lt (++rounds, 32);
    }
  while (ctx != 0);
  return major;
}

static const struct
{
  OM_uint32 code;
  const char *text;
} routine[] = {
  {GSS_S_BAD_MECH, "An unsupported mechanism was requested"},
  {GSS_S_BAD_NAME, "An invalid name was supplied"},
  {GSS_S_BAD_NAMETYPE, "A supplied name was of an unsupported type"},
  {GSS_S_BAD_BINDINGS, "Incorrect channel bindings were supplied"},
  {GSS_S_BAD_STATUS, "An invalid status code was supplied"},
  {GSS_S_BAD_SIG, "A token had an invalid signature"},
  {GSS_S_NO_CRED, "No credentials were supplied, or the credentials were unavailable or inaccessible"},
  {GSS_S_NO_CONTEXT, "No context has been established"},
  {GSS_S_DEFECTIVE_TOKEN, "A token was invalid"},
  {GSS_S_DEFECTIVE_CREDENTIAL, "A credential was invalid"},
  {GSS_S_CREDENTIALS_EXPIRED, "The referenced credentials have expired"},
  {GSS_S_CONTEXT_EXPIRED, "The context has expired"},
  {GSS_S_FAILURE, "Unspecified error in underlying mechanism"},
  {GSS_S_BAD_QOP, "The quality-of-protection requested could not be provided"},
  {GSS_S_UNAUTHORIZED, "The operation is forbidden by local security policy"},
  {GSS_S_UNAVAILABLE, "The operation or option is not available"},
  {GSS_S_DUPLICATE_ELEMENT, "The requested credential element already exists"},
  {GSS_S_NAME_NOT_MN, "The provided name was not a mechanism name"},
  {GSS_S_CALL_INACCESSIBLE_READ, "A required input parameter could not be read"},
  {GSS_S_CALL_INACCESSIBLE_WRITE, "A required output parameter could not be written"},
  {GSS_S_CALL_BAD_STRUCTURE, "A parameter was malformed"},
  {GSS_S_CONTINUE_NEEDED, "The routine must be called again to complete its function"},
  {GSS_S_DUPLICATE_TOKEN, "The token was a duplicate of an earlier token"},
  {GSS_S_OLD_TOKEN, "The token's validity period has expired"},
  {GSS_S_UNSEQ_TOKEN, "A later token has already been processed"},
  {GSS_S_GAP_TOKEN, "An expected per-message token was not received"},
};

START_TEST (test_each_code)
{
  char text[1024];

  ck_assert_uint_eq (all_messages (routine[_i].code, GSS_C_GSS_CODE,
				   GSS_C_NO_OID, text, sizeof text),
		     GSS_S_COMPLETE);
  ck_assert_str_eq (text, routine[_i].text);
}
END_TEST

START_TEST (test_combined_bits_iterate)
{
  char text[1024];

  ck_assert_uint_eq (all_messages (GSS_S_BAD_NAME | GSS_S_CALL_INACCESSIBLE_READ
				   | GSS_S_OLD_TOKEN | GSS_S_GAP_TOKEN,
				   GSS_C_GSS_CODE, GSS_C_NO_OID, text,
				   sizeof text), GSS_S_COMPLETE);
  ck_assert_str_eq (text, "An invalid name was supplied"
		    "|A required input parameter could not be read"
		    "|The token's validity period has expired"
		    "|An expected per-message token was not received");
}
END_TEST

START_TEST (test_complete_is_no_error)
{
  char text[256];

  ck_assert_uint_eq (all_messages (GSS_S_COMPLETE, GSS_C_GSS_CODE,
				   GSS_C_NO_OID, text, sizeof text),
		     GSS_S_COMPLETE);
  ck_assert_str_eq (text, "No error");
}
END_TEST

START_TEST (test_bad_status)
{
  OM_uint32 minor, ctx = 0;
  gss_buffer_desc msg = { 5, (void *) "junk" };

  /* Routine error 20 and calling error 4 are undefined (19 is RFC
     5587's GSS_S_BAD_MECH_ATTR). */
  ck_assert_uint_eq (gss_display_status (&minor, 20ul << 16, GSS_C_GSS_CODE,
					 GSS_C_NO_OID, &ctx, &msg),
		     GSS_S_BAD_STATUS);
  ck_assert_uint_eq (msg.length, 0);
  ck_assert_uint_eq (gss_display_status (&minor, 4ul << 24, GSS_C_GSS_CODE,
					 GSS_C_NO_OID, &ctx, &msg),
		     GSS_S_BAD_STATUS);
  ck_assert_uint_eq (gss_display_status (&minor, 1ul << 9, GSS_C_GSS_CODE,
					 GSS_C_NO_OID, &ctx, &msg),
		     GSS_S_BAD_STATUS);
  ck_assert_uint_eq (gss_display_status (&minor, 0, 3, GSS_C_NO_OID, &ctx,
					 &msg), GSS_S_BAD_STATUS);
  /* A message_context past the last message. */
  ctx = 5;
  ck_assert_uint_eq (gss_display_status (&minor, GSS_S_BAD_NAME,
					 GSS_C_GSS_CODE, GSS_C_NO_OID, &ctx,
					 &msg), GSS_S_BAD_STATUS);
}
END_TEST

START_TEST (test_mech_codes)
{
  char text[512];
  gss_OID_desc unknown = { 3, (void *) "\x2a\x03\x04" };
  OM_uint32 minor, ctx = 0;
  gss_buffer_desc msg;

  ck_assert_uint_eq (all_messages (GSS_KRB5_S_G_BUFFER_ALLOC, GSS_C_MECH_CODE,
				   GSS_KRB5, text, sizeof text),
		     GSS_S_COMPLETE);
  ck_assert_str_eq (text, "Couldn't allocate gss_buffer_t data");
  ck_assert_uint_eq (all_messages (GSS_KRB5_S_KG_CTX_INCOMPLETE,
				   GSS_C_MECH_CODE, GSS_C_NO_OID, text,
				   sizeof text), GSS_S_COMPLETE);
  ck_assert_str_eq (text, "Attempt to use incomplete security context");
  /* KRB5KDC_ERR_S_PRINCIPAL_UNKNOWN, from libkrb5's own table. */
  ck_assert_uint_eq (all_messages (2529638919u, GSS_C_MECH_CODE, GSS_KRB5,
				   text, sizeof text), GSS_S_COMPLETE);
  ck_assert_str_eq (text, "Server not found in Kerberos database");
  ck_assert_uint_eq (gss_display_status (&minor, 1, GSS_C_MECH_CODE,
					 &unknown, &ctx, &msg),
		     GSS_S_BAD_MECH);
}
END_TEST

START_TEST (test_calling_errors)
{
  OM_uint32 minor, ctx = 0;
  gss_buffer_desc msg;

  /* Without minor_status or message_context, the call is performed
     all the same (the first message only), as GNU GSS does. */
  ck_assert_uint_eq (gss_display_status (NULL, 0, GSS_C_GSS_CODE,
					 GSS_C_NO_OID, &ctx, &msg),
		     GSS_S_COMPLETE);
  gss_release_buffer (&minor, &msg);
  ck_assert_uint_eq (gss_display_status (&minor, GSS_S_BAD_NAME, GSS_C_GSS_CODE,
					 GSS_C_NO_OID, NULL, &msg),
		     GSS_S_COMPLETE);
  ck_assert (msg.length > 0);
  gss_release_buffer (&minor, &msg);
  ck_assert_uint_eq (gss_display_status (&minor, 0, GSS_C_GSS_CODE,
					 GSS_C_NO_OID, &ctx, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("status");
  TCase *tc = tcase_create ("display_status");

  tcase_add_loop_test (tc, test_each_code, 0, sizeof routine / sizeof routine[0]);
  tcase_add_test (tc, test_combined_bits_iterate);
  tcase_add_test (tc, test_complete_is_no_error);
  tcase_add_test (tc, test_bad_status);
  tcase_add_test (tc, test_mech_codes);
  tcase_add_test (tc, test_calling_errors);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN

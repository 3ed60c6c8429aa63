/* check_token.c - RFC 2743 section 3.1 framing. */
#include "unit.h"

static gss_buffer_desc
bytes (const void *p, size_t n)
{
  gss_buffer_desc b = { n, (void *) p };
  return b;
}

START_TEST (test_encapsulate_short)
{
  gss_buffer_desc in = unit_buf ("abc"), out;
  OM_uint32 minor;
  static const unsigned char want[] = {
    0x60, 0x0e, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02,
    0x02, 'a', 'b', 'c'
  };

  ck_assert_uint_eq (gss_encapsulate_token (&in, GSS_KRB5, &out), GSS_S_COMPLETE);
  ck_assert_uint_eq (out.length, sizeof want);
  ck_assert (memcmp (out.value, want, sizeof want) == 0);
  gss_release_buffer (&minor, &out);
}
END_TEST

/* Inner sizes around each DER length-form boundary. */
static const size_t sizes[] = { 0, 1, 116, 117, 127, 128, 244, 245, 255,
  256, 65535, 65536, 70000 };

START_TEST (test_round_trip_sizes)
{
  size_t n = sizes[_i], i;
  unsigned char *data = malloc (n + 1);
  gss_buffer_desc in = bytes (data, n), framed, back;
  OM_uint32 minor;

  for (i = 0; i < n; i++)
    data[i] = (unsigned char) (i * 7);
  ck_assert_uint_eq (gss_encapsulate_token (&in, GSS_KRB5, &framed), GSS_S_COMPLETE);
  ck_assert_uint_eq (((unsigned char *) framed.value)[0], 0x60);
  ck_assert_uint_eq (gss_decapsulate_token (&framed, GSS_KRB5, &back), GSS_S_COMPLETE);
  ck_assert_uint_eq (back.length, n);
  ck_assert (n == 0 || memcmp (back.value, data, n) == 0);
  gss_release_buffer (&minor, &back);

  /* Every truncation is refused, each octet of the largest tokens too:
     a parser that trusts a length can be off by one anywhere.  (A Check
     assertion writes to a pipe each time it passes: the loop asserts
     only on the first truncation that is not refused.) */
  for (i = 0; i < framed.length; i++)
    {
      gss_buffer_desc cut = bytes (framed.value, i);
      OM_uint32 major = gss_decapsulate_token (&cut, GSS_KRB5, &back);

      if (major != GSS_S_DEFECTIVE_TOKEN || back.length != 0)
	ck_abort_msg ("truncation to %zu of %zu: major %#x, length %zu", i, framed.length,
		      major, back.length);
    }
  gss_release_buffer (&minor, &framed);
  free (data);
}
END_TEST

START_TEST (test_decapsulate_rejects)
{
  gss_buffer_desc in = unit_buf ("x"), framed, out, t;
  OM_uint32 minor;
  unsigned char *p, copy[64];

  ck_assert_uint_eq (gss_encapsulate_token (&in, GSS_KRB5, &framed), GSS_S_COMPLETE);
  p = framed.value;
  memcpy (copy, p, framed.length);

  /* Another mechanism's OID. */
  ck_assert_uint_eq (gss_decapsulate_token (&framed, GSS_C_NT_USER_NAME, &out),
		     GSS_S_DEFECTIVE_TOKEN);
  /* Wrong outer tag, wrong OID tag, length too large, trailing data. */
  copy[0] = 0x61;
  t = bytes (copy, framed.length);
  ck_assert_uint_eq (gss_decapsulate_token (&t, GSS_KRB5, &out), GSS_S_DEFECTIVE_TOKEN);
  memcpy (copy, p, framed.length);
  copy[2] = 0x05;
  ck_assert_uint_eq (gss_decapsulate_token (&t, GSS_KRB5, &out), GSS_S_DEFECTIVE_TOKEN);
  memcpy (copy, p, framed.length);
  copy[1] = 0x7f;
  ck_assert_uint_eq (gss_decapsulate_token (&t, GSS_KRB5, &out), GSS_S_DEFECTIVE_TOKEN);
  memcpy (copy, p, framed.length);
  copy[framed.length] = 0;
  t.length++;
  ck_assert_uint_eq (gss_decapsulate_token (&t, GSS_KRB5, &out), GSS_S_DEFECTIVE_TOKEN);
  /* An OID length running past the token. */
  memcpy (copy, p, framed.length);
  copy[3] = 0x20;
  t.length = framed.length;
  ck_assert_uint_eq (gss_decapsulate_token (&t, GSS_KRB5, &out), GSS_S_DEFECTIVE_TOKEN);
  /* An OID length running past the token, with the mechanism's OID in
     memory right after it: only the bound on the length refuses it. */
  memcpy (copy, p, framed.length);
  copy[1] = 0x05;
  t.length = 7;
  ck_assert_uint_eq (gss_decapsulate_token (&t, GSS_KRB5, &out), GSS_S_DEFECTIVE_TOKEN);
  t.length = framed.length;
  /* An indefinite length (0x80) is not DER. */
  memcpy (copy, p, framed.length);
  copy[1] = 0x80;
  ck_assert_uint_eq (gss_decapsulate_token (&t, GSS_KRB5, &out), GSS_S_DEFECTIVE_TOKEN);
  gss_release_buffer (&minor, &framed);
}
END_TEST

START_TEST (test_calling_errors)
{
  gss_buffer_desc in = unit_buf ("x"), out, nullval = { 4, NULL };

  ck_assert_uint_eq (gss_encapsulate_token (NULL, GSS_KRB5, &out), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_encapsulate_token (&in, NULL, &out), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_encapsulate_token (&nullval, GSS_KRB5, &out), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_encapsulate_token (&in, GSS_KRB5, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_decapsulate_token (NULL, GSS_KRB5, &out), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_decapsulate_token (&in, NULL, &out), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_decapsulate_token (&in, GSS_KRB5, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("token");
  TCase *tc = tcase_create ("framing");

  tcase_add_test (tc, test_encapsulate_short);
  tcase_add_loop_test (tc, test_round_trip_sizes, 0, sizeof sizes / sizeof sizes[0]);
  tcase_add_test (tc, test_decapsulate_rejects);
  tcase_add_test (tc, test_calling_errors);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN

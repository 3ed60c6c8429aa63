/* check_asn1.c - the SPNEGO messages of mech/spnego/asn1.c (RFC 4178
   section 4.2) without a KDC: what is encoded decodes to the same, the
   MechTypeList is kept exactly as it travels, Windows' NegTokenInit2 is
   read, and every truncation, trailing octet and changed octet is
   refused or read safely. */
#include "../unit.h"
#include "spnego.h"

static OM_uint32 minor;

static const gss_OID_desc krb5 =
  { 9, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02" };
static const gss_OID_desc ms_krb5 =
  { 9, (void *) "\x2a\x86\x48\x82\xf7\x12\x01\x02\x02" };

/* The inner NegTokenInit of a framed one. */
static gss_buffer_desc
unframe (gss_buffer_t framed)
{
  gss_buffer_desc body;

  ck_assert_uint_eq (gss_decapsulate_token (framed, GSS_SPNEGO, &body),
		     GSS_S_COMPLETE);
  return body;
}

START_TEST (test_init_round_trip)
{
  gss_OID_desc mechs[2] = { krb5, ms_krb5 };
  gss_buffer_desc tok = unit_buf ("optimistic"), out, der, body;
  struct spnego_init_token init;
  /* MechTypeList of both: SEQUENCE { OID, OID }. */
  static const unsigned char want[] =
    "\x30\x16\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02"
    "\x06\x09\x2a\x86\x48\x82\xf7\x12\x01\x02\x02";

  ck_assert_uint_eq (spnego_encode_init (&minor, mechs, _i + 1, &tok, &out,
					 &der), GSS_S_COMPLETE);
  if (_i == 1)
    ck_assert (der.length == sizeof want - 1
	       && memcmp (der.value, want, der.length) == 0);
  body = unframe (&out);
  ck_assert_uint_eq (spnego_decode_init (&minor, body.value, body.length,
					 &init), GSS_S_COMPLETE);
  ck_assert_uint_eq (init.mech_count, _i + 1);
  ck_assert (gss_oid_equal (&init.mechs[0], &krb5));
  if (_i == 1)
    ck_assert (gss_oid_equal (&init.mechs[1], &ms_krb5));
  ck_assert (init.has_mech_token && !init.has_mic);
  ck_assert (unit_buf_is (&init.mech_token, "optimistic"));
  /* The list the MIC covers is the one that travelled, bare. */
  ck_assert (init.mech_list_der.length == der.length
	     && memcmp (init.mech_list_der.value, der.value, der.length) == 0);
  /* A NegTokenInit is not a NegTokenResp. */
  {
    struct spnego_resp_token resp;
    ck_assert_uint_eq (spnego_decode_resp (&minor, body.value, body.length,
					   &resp), GSS_S_DEFECTIVE_TOKEN);
  }
  gss_release_buffer (&minor, &out);
  gss_release_buffer (&minor, &der);
  gss_release_buffer (&minor, &body);
}
END_TEST

START_TEST (test_resp_round_trip)
{
  gss_buffer_desc tok = unit_buf ("ap-rep"), mic = unit_buf ("mic"), out;
  struct spnego_resp_token resp;
  int state = _i % 5 - 1;	/* NEG_NONE, then the four states */
  bool with = _i >= 5;

  ck_assert_uint_eq (spnego_encode_resp (&minor, state,
					 with ? &krb5 : GSS_C_NO_OID,
					 with ? &tok : GSS_C_NO_BUFFER,
					 with ? &mic : GSS_C_NO_BUFFER, &out),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (((unsigned char *) out.value)[0], 0xa1);
  ck_assert_uint_eq (spnego_decode_resp (&minor, out.value, out.length,
					 &resp), GSS_S_COMPLETE);
  ck_assert_int_eq (resp.neg_state, state);
  ck_assert_int_eq (resp.has_mech, with);
  ck_assert_int_eq (resp.has_token, with);
  ck_assert_int_eq (resp.has_mic, with);
  if (with)
    {
      ck_assert (gss_oid_equal (&resp.mech, &krb5));
      ck_assert (unit_buf_is (&resp.token, "ap-rep"));
      ck_assert (unit_buf_is (&resp.mic, "mic"));
    }
  gss_release_buffer (&minor, &out);
}
END_TEST

/* [MS-SPNG] 2.2.1: negHints where RFC 4178 has the MIC, the MIC
   after it. */
static const unsigned char init2[] =
  "\xa0\x24\x30\x22"
  "\xa0\x0d\x30\x0b\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02"
  "\xa3\x0a\x30\x08\xa0\x06\x1b\x04hint"
  "\xa4\x05\x04\x03\x01\x02\x03";

START_TEST (test_init2)
{
  struct spnego_init_token init;

  ck_assert_uint_eq (spnego_decode_init (&minor, init2, sizeof init2 - 1,
					 &init), GSS_S_COMPLETE);
  ck_assert_uint_eq (init.mech_count, 1);
  ck_assert (gss_oid_equal (&init.mechs[0], &krb5));
  ck_assert (!init.has_mech_token);
  ck_assert (init.has_mic && init.mic.length == 3);
  ck_assert_uint_eq (init.mech_list_der.length, 13);
}
END_TEST

/* Bad values in good DER. */
START_TEST (test_refused)
{
  struct spnego_resp_token resp;
  struct spnego_init_token init;
  /* negState 4 */
  static const unsigned char bad_state[] = "\xa1\x07\x30\x05\xa0\x03\x0a\x01\x04";
  /* an empty mechanism list */
  static const unsigned char empty_list[] = "\xa0\x06\x30\x04\xa0\x02\x30\x00";
  /* a length in long form where DER has the short one: read, as
     libtasn1 and MIT read it (the MIC covers the list as it travelled,
     whatever its form) */
  static const unsigned char long_form[] =
    "\xa1\x08\x30\x81\x05\xa0\x03\x0a\x01\x00";
  static const unsigned char good[] = "\xa1\x07\x30\x05\xa0\x03\x0a\x01\x00";
  unsigned char trailing[sizeof good];

  ck_assert_uint_eq (spnego_decode_resp (&minor, good, sizeof good - 1,
					 &resp), GSS_S_COMPLETE);
  ck_assert_int_eq (resp.neg_state, NEG_ACCEPT_COMPLETED);
  ck_assert_uint_eq (spnego_decode_resp (&minor, bad_state,
					 sizeof bad_state - 1, &resp),
		     GSS_S_DEFECTIVE_TOKEN);
  ck_assert_uint_eq (spnego_decode_init (&minor, empty_list,
					 sizeof empty_list - 1, &init),
		     GSS_S_DEFECTIVE_TOKEN);
  ck_assert_uint_eq (spnego_decode_resp (&minor, long_form,
					 sizeof long_form - 1, &resp),
		     GSS_S_COMPLETE);
  memcpy (trailing, good, sizeof good - 1);
  trailing[sizeof good - 1] = 0;
  ck_assert_uint_eq (spnego_decode_resp (&minor, trailing, sizeof trailing,
					 &resp), GSS_S_DEFECTIVE_TOKEN);
  ck_assert_uint_eq (spnego_decode_resp (&minor, good, 0, &resp),
		     GSS_S_DEFECTIVE_TOKEN);
}
END_TEST

/* Every truncation refused; every octet changed to every other value
   read without harm (memcheck watches), the outputs pointing inside
   the token. */
static void
mangle (const unsigned char *tok, size_t len, bool resp)
{
  unsigned char *copy = malloc (len);
  size_t i;
  unsigned v;

  for (i = 0; i < len; i++)
    {
      struct spnego_resp_token r;
      struct spnego_init_token n;
      unsigned char *part = malloc (i ? i : 1);
      memcpy (part, tok, i);
      ck_assert_uint_eq (resp ? spnego_decode_resp (&minor, part, i, &r)
			 : spnego_decode_init (&minor, part, i, &n),
			 GSS_S_DEFECTIVE_TOKEN);
      free (part);
    }
  for (i = 0; i < len; i++)
    for (v = 0; v < 256; v++)
      {
	struct spnego_resp_token r;
	struct spnego_init_token n;
	OM_uint32 major;
	memcpy (copy, tok, len);
	if (copy[i] == v)
	  continue;
	copy[i] = (unsigned char) v;
	if (resp)
	  {
	    major = spnego_decode_resp (&minor, copy, len, &r);
	    if (major == GSS_S_COMPLETE && r.has_token)
	      ck_assert (r.token.value >= (void *) copy
			 && (unsigned char *) r.token.value + r.token.length
			 <= copy + len);
	  }
	else
	  {
	    major = spnego_decode_init (&minor, copy, len, &n);
	    if (major == GSS_S_COMPLETE)
	      ck_assert ((unsigned char *) n.mech_list_der.value
			 + n.mech_list_der.length <= copy + len);
	  }
	ck_assert (major == GSS_S_COMPLETE || major == GSS_S_DEFECTIVE_TOKEN);
      }
  free (copy);
}

START_TEST (test_mangled)
{
  gss_OID_desc mechs[2] = { krb5, ms_krb5 };
  gss_buffer_desc tok = unit_buf ("token"), mic = unit_buf ("mic"), out,
    der, body;

  ck_assert_uint_eq (spnego_encode_init (&minor, mechs, 2, &tok, &out, &der),
		     GSS_S_COMPLETE);
  body = unframe (&out);
  mangle (body.value, body.length, false);
  mangle (init2, sizeof init2 - 1, false);
  gss_release_buffer (&minor, &out);
  gss_release_buffer (&minor, &der);
  gss_release_buffer (&minor, &body);
  ck_assert_uint_eq (spnego_encode_resp (&minor, NEG_ACCEPT_INCOMPLETE, &krb5,
					 &tok, &mic, &out), GSS_S_COMPLETE);
  mangle (out.value, out.length, true);
  gss_release_buffer (&minor, &out);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("spnego-asn1");
  TCase *tc = tcase_create ("asn1");

  tcase_set_timeout (tc, 300);
  tcase_add_loop_test (tc, test_init_round_trip, 0, 2);
  tcase_add_loop_test (tc, test_resp_round_trip, 0, 10);
  tcase_add_test (tc, test_init2);
  tcase_add_test (tc, test_refused);
  tcase_add_test (tc, test_mangled);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN

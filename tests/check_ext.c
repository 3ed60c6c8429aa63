/* check_ext.c - MIT's gssapi_ext.h extensions that need no KDC: buffer
   sets, OID strings, RFC 5587 mechanism attributes, and the calling
   errors of every extension call. */
#include "unit.h"

static OM_uint32 minor;

static const char krb5_text[] = "{ 1 2 840 113554 1 2 2 }";

/* Buffer sets. */

START_TEST (bufset_members)
{
  gss_buffer_set_t set = GSS_C_NO_BUFFER_SET;
  gss_buffer_desc a = unit_buf ("abc"), empty = { 0, NULL };

  ck_assert_uint_eq (gss_add_buffer_set_member (&minor, &a, &set),
		     GSS_S_COMPLETE);
  ck_assert_ptr_nonnull (set);
  ck_assert_uint_eq (gss_add_buffer_set_member (&minor, &empty, &set),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (set->count, 2);
  ck_assert (unit_buf_is (&set->elements[0], "abc"));
  ck_assert_ptr_ne (set->elements[0].value, a.value);
  ck_assert_int_eq (((char *) set->elements[0].value)[3], '\0');
  ck_assert_uint_eq (set->elements[1].length, 0);
  ck_assert_uint_eq (gss_release_buffer_set (&minor, &set), GSS_S_COMPLETE);
  ck_assert_ptr_null (set);
  ck_assert_uint_eq (gss_release_buffer_set (&minor, &set), GSS_S_COMPLETE);

  ck_assert_uint_eq (gss_create_empty_buffer_set (&minor, &set),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (set->count, 0);
  ck_assert_uint_eq (gss_release_buffer_set (&minor, &set), GSS_S_COMPLETE);
}
END_TEST

START_TEST (bufset_calling_errors)
{
  gss_buffer_set_t set = GSS_C_NO_BUFFER_SET;
  gss_buffer_desc a = unit_buf ("abc"), hollow = { 3, NULL };

  ck_assert_uint_eq (gss_create_empty_buffer_set (NULL, &set),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_create_empty_buffer_set (&minor, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_add_buffer_set_member (NULL, &a, &set),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_add_buffer_set_member (&minor, &a, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_add_buffer_set_member (&minor, NULL, &set),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_add_buffer_set_member (&minor, &hollow, &set),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_ptr_null (set);
  ck_assert_uint_eq (gss_release_buffer_set (NULL, &set),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_release_buffer_set (&minor, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
}
END_TEST

/* OID strings. */

static void
check_to_str (const void *der, size_t len, const char *want)
{
  gss_OID_desc oid = { (OM_uint32) len, (void *) der };
  gss_buffer_desc s;

  ck_assert_uint_eq (gss_oid_to_str (&minor, &oid, &s), GSS_S_COMPLETE);
  /* MIT counts the NUL in the length, and so do we. */
  ck_assert_uint_eq (s.length, strlen (want) + 1);
  ck_assert_str_eq (s.value, want);
  gss_release_buffer (&minor, &s);
}

START_TEST (oid_to_str_forms)
{
  gss_buffer_desc s;

  check_to_str (GSS_KRB5->elements, GSS_KRB5->length, krb5_text);
  check_to_str ("\x88\x37\x01", 3, "{ 2 999 1 }");
  check_to_str ("\x2a\x90\x80\x80\x80\x80\x80\x01", 8,
		"{ 1 2 70368744177665 }");
  check_to_str ("\x2a\x81\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 11,
		"{ 1 2 18446744073709551615 }");
  check_to_str ("\x00", 1, "{ 0 0 }");
  /* A NULL minor status is allowed, as with MIT. */
  ck_assert_uint_eq (gss_oid_to_str (NULL, GSS_KRB5, &s), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &s);
}
END_TEST

START_TEST (oid_to_str_malformed)
{
  static const struct
  {
    const char *der;
    size_t len;
  } bad[] = {
    {"\x2a\x86", 2},		/* cut short */
    {"\x2a\x80\x01", 3},	/* padded arc */
    {"\x2a\x82\x80\x80\x80\x80\x80\x80\x80\x80\x00", 11},	/* 65 bits */
    {"\x2a\x81\x80\x80\x80\x80\x80\x80\x80\x80\x80\x00", 12},
  };
  gss_buffer_desc s = { 5, (void *) "stale" };
  gss_OID_desc empty = { 0, NULL };
  size_t i;

  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      gss_OID_desc oid = { (OM_uint32) bad[i].len, (void *) bad[i].der };
      ck_assert_uint_eq (gss_oid_to_str (&minor, &oid, &s), GSS_S_FAILURE);
      ck_assert_uint_eq (s.length, 0);
      ck_assert_ptr_null (s.value);
    }
  ck_assert_uint_eq (gss_oid_to_str (&minor, &empty, &s),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_oid_to_str (&minor, GSS_C_NO_OID, &s),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_oid_to_str (&minor, GSS_KRB5, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
}
END_TEST

static void
check_from_str (const char *text, const void *der, size_t len)
{
  gss_buffer_desc b = unit_buf (text);
  gss_OID oid = GSS_C_NO_OID;

  ck_assert_msg (gss_str_to_oid (&minor, &b, &oid) == GSS_S_COMPLETE,
		 "refused '%s'", text);
  ck_assert_uint_eq (oid->length, len);
  ck_assert_msg (memcmp (oid->elements, der, len) == 0, "wrong '%s'", text);
  ck_assert_uint_eq (gss_release_oid (&minor, &oid), GSS_S_COMPLETE);
  ck_assert_ptr_null (oid);
}

START_TEST (str_to_oid_forms)
{
  gss_buffer_desc s;
  gss_OID oid;

  check_from_str (krb5_text, GSS_KRB5->elements, GSS_KRB5->length);
  check_from_str ("{1 2 840 113554 1 2 2}", GSS_KRB5->elements,
		  GSS_KRB5->length);
  check_from_str ("1.2.840.113554.1.2.2", GSS_KRB5->elements,
		  GSS_KRB5->length);
  check_from_str ("1 2 840 113554 1 2 2", GSS_KRB5->elements,
		  GSS_KRB5->length);
  check_from_str ("  1.2.3\n", "\x2a\x03", 2);
  check_from_str ("2.999.1", "\x88\x37\x01", 3);
  check_from_str ("1.2.18446744073709551615",
		  "\x2a\x81\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 11);
  check_from_str ("0.39", "\x27", 1);

  /* gss_oid_to_str's output, NUL counted, reads back. */
  ck_assert_uint_eq (gss_oid_to_str (&minor, GSS_KRB5, &s), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_str_to_oid (NULL, &s, &oid), GSS_S_COMPLETE);
  ck_assert (gss_oid_equal (oid, GSS_KRB5));
  gss_release_oid (&minor, &oid);
  gss_release_buffer (&minor, &s);
}
END_TEST

START_TEST (str_to_oid_malformed)
{
  static const char *const bad[] = {
    "1.2.", "{1 2 840", "{ 1 2 840 113554 1 2 2", "1..2", ".1.2", "1",
    "3.1.2", "1.40.2", "0.40", "1.2.18446744073709551616",
    "1.2.99999999999999999999999", "2.18446744073709551536", "{1.2}",
    "1 2.3", "1.2 3", "1.2.x", "1.-2", "1.+2", "{ 1 2 } 3", "}",
    "{", "{}", "1.2\0003", " ", "1.2.3}", "{{1 2}}",
  };
  gss_buffer_desc empty = { 0, NULL }, hollow = { 3, NULL };
  gss_buffer_desc ok = unit_buf ("1.2.3");
  gss_OID oid = (gss_OID) GSS_KRB5;
  size_t i;

  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      /* "1.2\0003" holds a NUL that is not the last octet. */
      gss_buffer_desc b = { i == 22 ? 5 : strlen (bad[i]), (void *) bad[i] };
      ck_assert_msg (gss_str_to_oid (&minor, &b, &oid) == GSS_S_FAILURE,
		     "accepted '%s'", bad[i]);
      ck_assert_ptr_null (oid);
    }
  ck_assert_uint_eq (gss_str_to_oid (&minor, &empty, &oid),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_str_to_oid (&minor, &hollow, &oid),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_str_to_oid (&minor, NULL, &oid),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_str_to_oid (&minor, &ok, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
}
END_TEST

/* Random OIDs go to text and back unchanged, and random text never
   crashes the parser: what it accepts goes to DER and back to the same
   OID. */
START_TEST (oid_round_trip)
{
  static const char alphabet[] = "0123456789. {}\t-+x";
  unsigned seed = 12345;
  unsigned char der[64];
  char text[40];
  size_t i, n, j;

  for (i = 0; i < 20000; i++)
    {
      gss_OID_desc oid;
      gss_buffer_desc s, t;
      gss_OID back;

      /* A valid DER OID: subidentifiers of 1 to 10 octets, the last of
         each with the high bit clear and the first not 0x80. */
      size_t arcs = 1 + (size_t) rand_r (&seed) % 6;

      n = 0;
      for (j = 0; j < arcs; j++)
	{
	  size_t k, width = 1 + (size_t) rand_r (&seed) % (j == 0 ? 3 : 9);
	  for (k = 0; k < width; k++)
	    {
	      unsigned char o = rand_r (&seed) & 0x7f;
	      if (k == 0 && width > 1 && o == 0)
		o = 1;
	      der[n++] = o | (k + 1 < width ? 0x80 : 0);
	    }
	}
      oid.length = (OM_uint32) n;
      oid.elements = der;
      ck_assert_uint_eq (gss_oid_to_str (&minor, &oid, &s), GSS_S_COMPLETE);
      ck_assert_msg (gss_str_to_oid (&minor, &s, &back) == GSS_S_COMPLETE,
		     "refused its own %s", (char *) s.value);
      ck_assert_msg (gss_oid_equal (back, &oid), "%s", (char *) s.value);
      gss_release_oid (&minor, &back);
      gss_release_buffer (&minor, &s);

      /* Random text. */
      n = 1 + (size_t) rand_r (&seed) % (sizeof text - 1);
      for (j = 0; j < n; j++)
	text[j] = alphabet[rand_r (&seed) % (sizeof alphabet - 1)];
      t.value = text;
      t.length = n;
      if (gss_str_to_oid (&minor, &t, &back) == GSS_S_COMPLETE)
	{
	  gss_OID again;
	  ck_assert_uint_eq (gss_oid_to_str (&minor, back, &s),
			     GSS_S_COMPLETE);
	  ck_assert_uint_eq (gss_str_to_oid (&minor, &s, &again),
			     GSS_S_COMPLETE);
	  ck_assert (gss_oid_equal (back, again));
	  gss_release_oid (&minor, &again);
	  gss_release_oid (&minor, &back);
	  gss_release_buffer (&minor, &s);
	}
    }
}
END_TEST

START_TEST (release_oid_static)
{
  gss_OID oid = (gss_OID) GSS_KRB5;
  gss_OID nt = GSS_C_NT_USER_NAME;
  gss_OID ma = (gss_OID) GSS_C_MA_MIC;

  /* The library's own OIDs are left alone (a free would crash). */
  ck_assert_uint_eq (gss_release_oid (&minor, &oid), GSS_S_COMPLETE);
  ck_assert_ptr_null (oid);
  ck_assert_uint_eq (gss_release_oid (&minor, &nt), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_release_oid (&minor, &ma), GSS_S_COMPLETE);
  ck_assert_uint_eq (GSS_KRB5->length, 9);
  ck_assert_uint_eq (gss_release_oid (&minor, &oid), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_release_oid (&minor, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
}
END_TEST

/* Mechanism attributes. */

static gss_const_OID *
krb5_attrs (void)
{
  static gss_const_OID a[15];
  a[0] = GSS_C_MA_MECH_CONCRETE, a[1] = GSS_C_MA_ITOK_FRAMED;
  a[2] = GSS_C_MA_AUTH_INIT, a[3] = GSS_C_MA_AUTH_TARG;
  a[4] = GSS_C_MA_DELEG_CRED, a[5] = GSS_C_MA_INTEG_PROT;
  a[6] = GSS_C_MA_CONF_PROT, a[7] = GSS_C_MA_MIC, a[8] = GSS_C_MA_WRAP;
  a[9] = GSS_C_MA_PROT_READY, a[10] = GSS_C_MA_REPLAY_DET;
  a[11] = GSS_C_MA_OOS_DET, a[12] = GSS_C_MA_CBINDINGS;
  a[13] = GSS_C_MA_CTX_TRANS, a[14] = NULL;
  return a;
}

START_TEST (attrs_of_krb5)
{
  gss_OID_set attrs, known;
  gss_const_OID *want = krb5_attrs ();
  int present;
  size_t i;

  ck_assert_uint_eq (gss_inquire_attrs_for_mech (&minor, GSS_KRB5, &attrs,
						 &known), GSS_S_COMPLETE);
  /* The same 14 as MIT krb5 1.20 lists for its Kerberos mechanism. */
  ck_assert_uint_eq (attrs->count, 14);
  for (i = 0; want[i]; i++)
    {
      gss_test_oid_set_member (&minor, (gss_OID) want[i], attrs, &present);
      ck_assert_msg (present, "attribute %zu missing", i);
    }
  gss_test_oid_set_member (&minor, (gss_OID) GSS_C_MA_MECH_NEGO, attrs,
			   &present);
  ck_assert (!present);
  ck_assert_uint_eq (known->count, 27);
  /* The 27 of RFC 5587: 1.3.6.1.5.5.13.1 to .27. */
  for (i = 0; i < known->count; i++)
    {
      ck_assert_uint_eq (known->elements[i].length, 7);
      ck_assert (memcmp (known->elements[i].elements,
			 "\x2b\x06\x01\x05\x05\x0d", 6) == 0);
      ck_assert_uint_eq (((unsigned char *) known->elements[i].elements)[6],
			 i + 1);
    }
  gss_release_oid_set (&minor, &attrs);
  gss_release_oid_set (&minor, &known);

  /* The default mechanism; outputs optional. */
  ck_assert_uint_eq (gss_inquire_attrs_for_mech (&minor, GSS_C_NO_OID,
						 &attrs, NULL),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (attrs->count, 14);
  gss_release_oid_set (&minor, &attrs);
  ck_assert_uint_eq (gss_inquire_attrs_for_mech (&minor, GSS_KRB5, NULL,
						 NULL), GSS_S_COMPLETE);
}
END_TEST

START_TEST (attrs_calling_errors)
{
  gss_OID_desc nomech = { 3, (void *) "\x2a\x03\x04" };
  gss_OID_set attrs = (gss_OID_set) 1, mechs = (gss_OID_set) 1;
  gss_OID_set_desc hollow = { 1, NULL };
  gss_buffer_desc n, s, l;

  ck_assert_uint_eq (gss_inquire_attrs_for_mech (&minor, &nomech, &attrs,
						 NULL), GSS_S_BAD_MECH);
  ck_assert_ptr_null (attrs);
  ck_assert_uint_eq (gss_inquire_attrs_for_mech (NULL, GSS_KRB5, &attrs,
						 NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_display_mech_attr (&minor, &nomech, &n, &s, &l),
		     GSS_S_BAD_MECH_ATTR);
  ck_assert_uint_eq (n.length + s.length + l.length, 0);
  ck_assert_uint_eq (gss_display_mech_attr (&minor, GSS_KRB5, &n, &s, &l),
		     GSS_S_BAD_MECH_ATTR);
  ck_assert_uint_eq (gss_display_mech_attr (NULL, GSS_C_MA_MIC, &n, &s, &l),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_display_mech_attr (&minor, NULL, &n, &s, &l),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_indicate_mechs_by_attrs (NULL, NULL, NULL, NULL,
						  &mechs),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_indicate_mechs_by_attrs (&minor, NULL, NULL, NULL,
						  NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_indicate_mechs_by_attrs (&minor, &hollow, NULL,
						  NULL, &mechs),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_ptr_null (mechs);
}
END_TEST

START_TEST (display_attrs)
{
  gss_buffer_desc n, s, l;
  OM_uint32 ctx = 0;

  ck_assert_uint_eq (gss_display_status (&minor, GSS_S_BAD_MECH_ATTR,
					 GSS_C_GSS_CODE, GSS_C_NO_OID, &ctx,
					 &n), GSS_S_COMPLETE);
  ck_assert_ptr_nonnull (strstr (n.value, "attribute"));
  gss_release_buffer (&minor, &n);

  ck_assert_uint_eq (gss_display_mech_attr (&minor, GSS_C_MA_MIC, &n, &s,
					    &l), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&n, "GSS_C_MA_MIC"));
  ck_assert (unit_buf_is (&s, "mic"));
  ck_assert_uint_gt (l.length, 10);
  gss_release_buffer (&minor, &n);
  gss_release_buffer (&minor, &s);
  gss_release_buffer (&minor, &l);
  ck_assert_uint_eq (gss_display_mech_attr (&minor, GSS_C_MA_CTX_TRANS, NULL,
					    &s, NULL), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&s, "context-transfer"));
  gss_release_buffer (&minor, &s);
}
END_TEST

/* The number of mechanisms gss_indicate_mechs_by_attrs answers, and
   whether Kerberos is one. */
static size_t
by_attrs (gss_const_OID desired, gss_const_OID except,
	  gss_const_OID critical, int *has_krb5)
{
  gss_OID_set_desc d = { 1, (gss_OID) desired }, e = { 1, (gss_OID) except };
  gss_OID_set_desc c = { 1, (gss_OID) critical };
  gss_OID_set mechs;
  size_t n;

  ck_assert_uint_eq (gss_indicate_mechs_by_attrs
		     (&minor, desired ? &d : NULL, except ? &e : NULL,
		      critical ? &c : NULL, &mechs), GSS_S_COMPLETE);
  gss_test_oid_set_member (&minor, (gss_OID) GSS_KRB5, mechs, has_krb5);
  n = mechs->count;
  gss_release_oid_set (&minor, &mechs);
  return n;
}

START_TEST (mechs_by_attrs)
{
  gss_OID_desc unknown = { 7, (void *) "\x2b\x06\x01\x05\x05\x0d\x7f" };
  int krb5;

  ck_assert_uint_ge (by_attrs (NULL, NULL, NULL, &krb5), 1);
  ck_assert (krb5);
  by_attrs (GSS_C_MA_MECH_CONCRETE, NULL, NULL, &krb5);
  ck_assert (krb5);
  by_attrs (GSS_C_MA_CBINDINGS, GSS_C_MA_MECH_NEGO, GSS_C_MA_PFS, &krb5);
  ck_assert (krb5);
  by_attrs (NULL, GSS_C_MA_MECH_CONCRETE, NULL, &krb5);
  ck_assert (!krb5);
  by_attrs (GSS_C_MA_PFS, NULL, NULL, &krb5);
  ck_assert (!krb5);
  ck_assert_uint_eq (by_attrs (NULL, NULL, &unknown, &krb5), 0);
}
END_TEST

/* Calling errors of the calls that otherwise need a KDC. */

START_TEST (inquire_by_oid_calling_errors)
{
  gss_buffer_set_t set = (gss_buffer_set_t) 1;

  ck_assert_uint_eq (gss_inquire_sec_context_by_oid
		     (&minor, GSS_C_NO_CONTEXT, GSS_C_INQ_SSPI_SESSION_KEY,
		      &set), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT);
  ck_assert_ptr_null (set);
  ck_assert_uint_eq (gss_inquire_sec_context_by_oid
		     (NULL, GSS_C_NO_CONTEXT, GSS_C_INQ_SSPI_SESSION_KEY,
		      &set), GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_inquire_sec_context_by_oid
		     (&minor, GSS_C_NO_CONTEXT, GSS_C_INQ_SSPI_SESSION_KEY,
		      NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  /* The OID MIT defines. */
  ck_assert_uint_eq (GSS_C_INQ_SSPI_SESSION_KEY->length, 11);
  ck_assert (memcmp (GSS_C_INQ_SSPI_SESSION_KEY->elements,
		     "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02\x05\x05", 11) == 0);
}
END_TEST

static gss_key_value_element_desc kv[3];
static gss_key_value_set_desc store;

static gss_const_key_value_set_t
store_of (const char *k1, const char *v1, const char *k2, const char *v2)
{
  kv[0].key = k1, kv[0].value = v1;
  kv[1].key = k2, kv[1].value = v2;
  store.count = k2 ? 2 : 1;
  store.elements = kv;
  return &store;
}

START_TEST (cred_from_calling_errors)
{
  gss_cred_id_t cred = (gss_cred_id_t) 1;
  gss_key_value_set_desc hollow = { 2, NULL };
  OM_uint32 t = 5;

  ck_assert_uint_eq (gss_acquire_cred_from (NULL, GSS_C_NO_NAME, 0, NULL,
					    GSS_C_ACCEPT, NULL, &cred, NULL,
					    &t),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_ptr_null (cred);
  ck_assert_uint_eq (t, 0);
  ck_assert_uint_eq (gss_acquire_cred_from (&minor, GSS_C_NO_NAME, 0, NULL,
					    GSS_C_ACCEPT, NULL, NULL, NULL,
					    NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_acquire_cred_from (&minor, GSS_C_NO_NAME, 0, NULL,
					    GSS_C_ACCEPT, &hollow, &cred,
					    NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_acquire_cred_from
		     (&minor, GSS_C_NO_NAME, 0, NULL, GSS_C_ACCEPT,
		      store_of ("keytab", NULL, NULL, NULL), &cred, NULL,
		      NULL), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_acquire_cred_from
		     (&minor, GSS_C_NO_NAME, 0, NULL, GSS_C_ACCEPT,
		      store_of (NULL, "FILE:x", NULL, NULL), &cred, NULL,
		      NULL), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_acquire_cred_from (&minor, GSS_C_NO_NAME, 0, NULL,
					    7, NULL, &cred, NULL, NULL),
		     GSS_S_FAILURE);
  ck_assert_uint_eq (minor, GSS_KRB5_S_G_BAD_USAGE);
  /* A key the mechanism knows, twice. */
  ck_assert_uint_eq (gss_acquire_cred_from
		     (&minor, GSS_C_NO_NAME, 0, NULL, GSS_C_ACCEPT,
		      store_of ("keytab", "FILE:a", "keytab", "FILE:b"), &cred,
		      NULL, NULL), GSS_S_DUPLICATE_ELEMENT);
  /* A replay cache type libkrb5 cannot name. */
  ck_assert_uint_eq (gss_acquire_cred_from
		     (&minor, GSS_C_NO_NAME, 0, NULL, GSS_C_ACCEPT,
		      store_of ("rcache", "file2:/nonexistent/rc", NULL, NULL),
		      &cred, NULL, NULL), GSS_S_FAILURE);
  /* A keytab that does not exist: no credential, whatever the
     unknown keys beside it. */
  ck_assert_uint_eq (gss_acquire_cred_from
		     (&minor, GSS_C_NO_NAME, 0, NULL, GSS_C_ACCEPT,
		      store_of ("keytab", "FILE:/nonexistent/keytab",
				"no-such-key", "x"), &cred, NULL, NULL),
		     GSS_S_NO_CRED);
  /* KRB5_KT_NOTFOUND, not errno's ENOENT, which is also a code of RFC
     1964's numbering. */
  ck_assert_uint_eq (minor, (OM_uint32) -1765328203L);
  ck_assert_ptr_null (cred);
  ck_assert_uint_eq (gss_acquire_cred_from
		     (&minor, GSS_C_NO_NAME, 0, NULL, GSS_C_INITIATE,
		      store_of ("ccache", "FILE:/nonexistent/ccache", NULL,
				NULL), &cred, NULL, NULL), GSS_S_NO_CRED);

  ck_assert_uint_eq (gss_add_cred_from (NULL, GSS_C_NO_CREDENTIAL,
					GSS_C_NO_NAME, GSS_KRB5,
					GSS_C_ACCEPT, 0, 0, NULL, &cred,
					NULL, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_add_cred_from (&minor, GSS_C_NO_CREDENTIAL,
					GSS_C_NO_NAME, GSS_C_NO_OID,
					GSS_C_ACCEPT, 0, 0, NULL, &cred,
					NULL, NULL, NULL), GSS_S_BAD_MECH);
  ck_assert_uint_eq (gss_add_cred_from (&minor, GSS_C_NO_CREDENTIAL,
					GSS_C_NO_NAME, GSS_KRB5,
					GSS_C_ACCEPT, 0, 0, &hollow, &cred,
					NULL, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_add_cred_from
		     (&minor, GSS_C_NO_CREDENTIAL, GSS_C_NO_NAME, GSS_KRB5,
		      GSS_C_ACCEPT, 0, 0,
		      store_of ("keytab", "FILE:/nonexistent/keytab", NULL,
				NULL), &cred, NULL, NULL, NULL),
		     GSS_S_NO_CRED);
}
END_TEST

START_TEST (store_calling_errors)
{
  gss_OID_set stored = (gss_OID_set) 1;
  gss_cred_usage_t usage = 9;

  ck_assert_uint_eq (gss_store_cred_into (&minor, GSS_C_NO_CREDENTIAL,
					  GSS_C_INITIATE, GSS_C_NO_OID, 1, 0,
					  NULL, &stored, &usage),
		     GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CRED);
  ck_assert_ptr_null (stored);
  ck_assert_int_eq (usage, 0);
  ck_assert_uint_eq (gss_store_cred (&minor, GSS_C_NO_CREDENTIAL,
				     GSS_C_INITIATE, GSS_C_NO_OID, 1, 0,
				     NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_store_cred_into (NULL, GSS_C_NO_CREDENTIAL,
					  GSS_C_INITIATE, GSS_C_NO_OID, 1, 0,
					  NULL, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
}
END_TEST

START_TEST (password_calling_errors)
{
  gss_buffer_desc pw = unit_buf ("secret"), hollow = { 4, NULL };
  gss_buffer_desc text = unit_buf ("user@LIBGSS.TEST");
  gss_cred_id_t cred = (gss_cred_id_t) 1;
  gss_name_t name;

  ck_assert_uint_eq (gss_import_name (&minor, &text, GSS_C_NT_USER_NAME,
				      &name), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_acquire_cred_with_password
		     (NULL, name, &pw, 0, NULL, GSS_C_INITIATE, &cred, NULL,
		      NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_ptr_null (cred);
  minor = 99;
  ck_assert_uint_eq (gss_acquire_cred_with_password
		     (&minor, name, &pw, 0, NULL, GSS_C_INITIATE, NULL, NULL,
		      NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (minor, 0);
  ck_assert_uint_eq (gss_acquire_cred_with_password
		     (&minor, GSS_C_NO_NAME, &pw, 0, NULL, GSS_C_INITIATE,
		      &cred, NULL, NULL), GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_acquire_cred_with_password
		     (&minor, name, NULL, 0, NULL, GSS_C_INITIATE, &cred,
		      NULL, NULL), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_acquire_cred_with_password
		     (&minor, name, &hollow, 0, NULL, GSS_C_INITIATE, &cred,
		      NULL, NULL), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_acquire_cred_with_password
		     (&minor, name, &pw, 0, NULL, 42, &cred, NULL, NULL),
		     GSS_S_FAILURE);
  ck_assert_uint_eq (minor, GSS_KRB5_S_G_BAD_USAGE);
  gss_release_name (&minor, &name);
}
END_TEST

START_TEST (localname_calling_errors)
{
  gss_buffer_desc text = unit_buf ("user@LIBGSS.TEST"), out;
  gss_buffer_desc host = unit_buf ("host@localhost");
  gss_name_t name, service;
  uid_t uid;

  ck_assert_uint_eq (gss_import_name (&minor, &text, GSS_C_NT_USER_NAME,
				      &name), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_import_name (&minor, &host,
				      GSS_C_NT_HOSTBASED_SERVICE, &service),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_localname (NULL, name, GSS_C_NO_OID, &out),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_localname (&minor, name, GSS_C_NO_OID, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_localname (&minor, GSS_C_NO_NAME, GSS_C_NO_OID,
				    &out), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_localname (&minor, name, GSS_C_NT_USER_NAME, &out),
		     GSS_S_BAD_MECH);
  ck_assert_uint_eq (gss_authorize_localname (NULL, name, name),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_authorize_localname (&minor, name, GSS_C_NO_NAME),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_authorize_localname (&minor, GSS_C_NO_NAME, name),
		     GSS_S_CALL_INACCESSIBLE_READ);
  /* The local user must be a user name. */
  ck_assert_uint_eq (gss_authorize_localname (&minor, name, service),
		     GSS_S_BAD_NAMETYPE);
  ck_assert_uint_eq (gss_pname_to_uid (&minor, name, GSS_C_NO_OID, NULL),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_pname_to_uid (NULL, name, GSS_C_NO_OID, &uid),
		     GSS_S_CALL_INACCESSIBLE_WRITE);
  gss_release_name (&minor, &name);
  gss_release_name (&minor, &service);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("ext");
  TCase *t = tcase_create ("bufset");

  tcase_add_test (t, bufset_members);
  tcase_add_test (t, bufset_calling_errors);
  suite_add_tcase (s, t);
  t = tcase_create ("oidstr");
  tcase_add_test (t, oid_to_str_forms);
  tcase_add_test (t, oid_to_str_malformed);
  tcase_add_test (t, str_to_oid_forms);
  tcase_add_test (t, str_to_oid_malformed);
  tcase_add_test (t, release_oid_static);
  tcase_add_test (t, oid_round_trip);
  suite_add_tcase (s, t);
  t = tcase_create ("mechattr");
  tcase_add_test (t, attrs_of_krb5);
  tcase_add_test (t, attrs_calling_errors);
  tcase_add_test (t, display_attrs);
  tcase_add_test (t, mechs_by_attrs);
  suite_add_tcase (s, t);
  t = tcase_create ("calling");
  tcase_add_test (t, inquire_by_oid_calling_errors);
  tcase_add_test (t, cred_from_calling_errors);
  tcase_add_test (t, store_calling_errors);
  tcase_add_test (t, password_calling_errors);
  tcase_add_test (t, localname_calling_errors);
  suite_add_tcase (s, t);
  return s;
}

UNIT_MAIN

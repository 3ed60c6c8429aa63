/* check_oid.c - OID values, comparison and OID sets. */
#include "unit.h"

static const struct
{
  const char *label;
  gss_OID *oid;
  const char *der;
  unsigned len;
} known[] = {
  {"user", &GSS_C_NT_USER_NAME, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x01", 10},
  {"machine uid", &GSS_C_NT_MACHINE_UID_NAME, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x02", 10},
  {"string uid", &GSS_C_NT_STRING_UID_NAME, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x03", 10},
  {"hostbased x", &GSS_C_NT_HOSTBASED_SERVICE_X, "\x2b\x06\x01\x05\x06\x02", 6},
  {"hostbased", &GSS_C_NT_HOSTBASED_SERVICE, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x04", 10},
  {"anonymous", &GSS_C_NT_ANONYMOUS, "\x2b\x06\x01\x05\x06\x03", 6},
  {"export", &GSS_C_NT_EXPORT_NAME, "\x2b\x06\x01\x05\x06\x04", 6},
  {"krb5", &GSS_KRB5, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02", 9},
  {"krb5 user", &GSS_KRB5_NT_USER_NAME, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x01", 10},
  {"krb5 hostbased", &GSS_KRB5_NT_HOSTBASED_SERVICE_NAME, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x04", 10},
  {"krb5 principal", &GSS_KRB5_NT_PRINCIPAL_NAME, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02\x01", 10},
  {"krb5 machine uid", &GSS_KRB5_NT_MACHINE_UID_NAME, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02\x02", 10},
  {"krb5 string uid", &GSS_KRB5_NT_STRING_UID_NAME, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x03", 10},
};

START_TEST (test_oid_values)
{
  gss_OID oid = *known[_i].oid;

  ck_assert_msg (oid != NULL, "%s", known[_i].label);
  ck_assert_uint_eq (oid->length, known[_i].len);
  ck_assert_msg (memcmp (oid->elements, known[_i].der, known[_i].len) == 0,
		 "%s", known[_i].label);
}
END_TEST

START_TEST (test_static_descriptors)
{
  ck_assert_ptr_eq (GSS_C_NT_USER_NAME, &GSS_C_NT_USER_NAME_static);
  ck_assert_ptr_eq (GSS_C_NT_HOSTBASED_SERVICE, &GSS_C_NT_HOSTBASED_SERVICE_static);
  ck_assert_ptr_eq (GSS_C_NT_EXPORT_NAME, &GSS_C_NT_EXPORT_NAME_static);
  ck_assert_ptr_eq (GSS_KRB5, &GSS_KRB5_static);
  ck_assert_ptr_eq (GSS_KRB5_NT_PRINCIPAL_NAME, &GSS_KRB5_NT_PRINCIPAL_NAME_static);
  ck_assert_ptr_eq (GSS_KRB5_NT_HOSTBASED_SERVICE_NAME, &GSS_C_NT_HOSTBASED_SERVICE_static);
}
END_TEST

START_TEST (test_oid_equal)
{
  gss_OID_desc copy = { GSS_KRB5->length, malloc (GSS_KRB5->length) };
  gss_OID_desc shorter = { GSS_KRB5->length - 1, GSS_KRB5->elements };

  memcpy (copy.elements, GSS_KRB5->elements, copy.length);
  ck_assert (gss_oid_equal (GSS_KRB5, GSS_KRB5));
  ck_assert (gss_oid_equal (GSS_KRB5, &copy));
  ck_assert (!gss_oid_equal (GSS_KRB5, &shorter));
  ck_assert (!gss_oid_equal (GSS_KRB5, GSS_C_NT_USER_NAME));
  ck_assert (gss_oid_equal (GSS_C_NT_USER_NAME, GSS_KRB5_NT_USER_NAME));
  ck_assert (!gss_oid_equal (GSS_KRB5, GSS_C_NO_OID));
  ck_assert (!gss_oid_equal (GSS_C_NO_OID, GSS_C_NO_OID));
  free (copy.elements);
}
END_TEST

START_TEST (test_set_add_is_deep_and_unique)
{
  OM_uint32 minor = 1, major;
  gss_OID_set set;
  gss_OID_desc temp;
  unsigned char bytes[9];
  int present = -1;

  major = gss_create_empty_oid_set (&minor, &set);
  ck_assert_uint_eq (major, GSS_S_COMPLETE);
  ck_assert_uint_eq (minor, 0);
  ck_assert_uint_eq (set->count, 0);

  memcpy (bytes, GSS_KRB5->elements, sizeof bytes);
  temp.length = sizeof bytes;
  temp.elements = bytes;
  ck_assert_uint_eq (gss_add_oid_set_member (&minor, &temp, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (set->count, 1);
  /* The set holds its own copy, not the caller's storage. */
  ck_assert_ptr_ne (set->elements[0].elements, bytes);
  memset (bytes, 0, sizeof bytes);
  ck_assert (gss_oid_equal (&set->elements[0], GSS_KRB5));

  ck_assert_uint_eq (gss_add_oid_set_member (&minor, GSS_KRB5, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (set->count, 1);
  ck_assert_uint_eq (gss_add_oid_set_member (&minor, GSS_C_NT_USER_NAME, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (set->count, 2);

  ck_assert_uint_eq (gss_test_oid_set_member (&minor, GSS_C_NT_USER_NAME, set, &present), GSS_S_COMPLETE);
  ck_assert_int_eq (present, 1);
  ck_assert_uint_eq (gss_test_oid_set_member (&minor, GSS_C_NT_EXPORT_NAME, set, &present), GSS_S_COMPLETE);
  ck_assert_int_eq (present, 0);

  ck_assert_uint_eq (gss_release_oid_set (&minor, &set), GSS_S_COMPLETE);
  ck_assert_ptr_eq (set, GSS_C_NO_OID_SET);
  ck_assert_uint_eq (gss_release_oid_set (&minor, &set), GSS_S_COMPLETE);
}
END_TEST

START_TEST (test_set_calling_errors)
{
  OM_uint32 minor;
  gss_OID_set set = GSS_C_NO_OID_SET;
  int present;

  gss_OID_desc empty = { 0, (void *) "" };

  /* A NULL minor_status performs the call, as GNU GSS does. */
  ck_assert_uint_eq (gss_create_empty_oid_set (NULL, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_release_oid_set (&minor, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_create_empty_oid_set (&minor, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_add_oid_set_member (&minor, GSS_KRB5, &set), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_create_empty_oid_set (&minor, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_add_oid_set_member (NULL, GSS_KRB5, &set), GSS_S_COMPLETE);
  /* GNU GSS's status for a missing or empty OID. */
  ck_assert_uint_eq (gss_add_oid_set_member (&minor, GSS_C_NO_OID, &set), GSS_S_FAILURE);
  ck_assert_uint_eq (gss_add_oid_set_member (&minor, &empty, &set), GSS_S_FAILURE);
  ck_assert_uint_eq (set->count, 1);
  ck_assert_uint_eq (gss_add_oid_set_member (&minor, GSS_KRB5, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_test_oid_set_member (NULL, GSS_KRB5, set, &present), GSS_S_COMPLETE);
  ck_assert_int_eq (present, 1);
  ck_assert_uint_eq (gss_test_oid_set_member (&minor, GSS_KRB5, GSS_C_NO_OID_SET, &present), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_test_oid_set_member (&minor, GSS_C_NO_OID, set, &present), GSS_S_COMPLETE);
  ck_assert_int_eq (present, 0);
  ck_assert_uint_eq (gss_test_oid_set_member (&minor, GSS_KRB5, set, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_release_oid_set (NULL, &set), GSS_S_COMPLETE);
  ck_assert_ptr_eq (set, GSS_C_NO_OID_SET);
}
END_TEST

START_TEST (test_buffer_release)
{
  OM_uint32 minor = 7;
  gss_buffer_desc buf = { 3, malloc (3) };

  ck_assert_uint_eq (gss_release_buffer (&minor, &buf), GSS_S_COMPLETE);
  ck_assert_uint_eq (minor, 0);
  ck_assert_ptr_null (buf.value);
  ck_assert_uint_eq (buf.length, 0);
  ck_assert_uint_eq (gss_release_buffer (&minor, &buf), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_release_buffer (&minor, GSS_C_NO_BUFFER), GSS_S_COMPLETE);
  buf.value = malloc (1);
  buf.length = 1;
  ck_assert_uint_eq (gss_release_buffer (NULL, &buf), GSS_S_COMPLETE);
  ck_assert_ptr_null (buf.value);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("oid");
  TCase *tc = tcase_create ("oid");

  tcase_add_loop_test (tc, test_oid_values, 0, sizeof known / sizeof known[0]);
  tcase_add_test (tc, test_static_descriptors);
  tcase_add_test (tc, test_oid_equal);
  tcase_add_test (tc, test_set_add_is_deep_and_unique);
  tcase_add_test (tc, test_set_calling_errors);
  tcase_add_test (tc, test_buffer_release);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN

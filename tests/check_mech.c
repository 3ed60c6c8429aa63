/* check_mech.c - the mechanism table as applications see it:
   gss_indicate_mechs, name types, SASL names, gss_check_version. */
#include "unit.h"

START_TEST (test_indicate_mechs)
{
  OM_uint32 minor;
  gss_OID_set set;
  int present;

  ck_assert_uint_eq (gss_indicate_mechs (&minor, &set), GSS_S_COMPLETE);
  /* Kerberos 5 first (the default), and SPNEGO. */
  ck_assert_uint_eq (set->count, 2);
  ck_assert (gss_oid_equal (&set->elements[0], GSS_KRB5));
  ck_assert_uint_eq (gss_test_oid_set_member (&minor, GSS_SPNEGO, set, &present), GSS_S_COMPLETE);
  ck_assert_int_eq (present, 1);
  gss_release_oid_set (&minor, &set);
  /* A NULL minor_status performs the call, as GNU GSS does. */
  ck_assert_uint_eq (gss_indicate_mechs (NULL, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_release_oid_set (&minor, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_indicate_mechs (&minor, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
}
END_TEST

START_TEST (test_names_for_mech)
{
  OM_uint32 minor;
  gss_OID_set set;
  gss_OID want[] = { GSS_KRB5_NT_PRINCIPAL_NAME, GSS_C_NT_USER_NAME,
    GSS_C_NT_HOSTBASED_SERVICE, GSS_C_NT_MACHINE_UID_NAME,
    GSS_C_NT_STRING_UID_NAME, GSS_C_NT_EXPORT_NAME };
  size_t i;
  int present;

  ck_assert_uint_eq (gss_inquire_names_for_mech (&minor, GSS_KRB5, &set), GSS_S_COMPLETE);
  for (i = 0; i < sizeof want / sizeof want[0]; i++)
    {
      gss_test_oid_set_member (&minor, want[i], set, &present);
      ck_assert_msg (present, "name type %zu missing", i);
    }
  gss_test_oid_set_member (&minor, GSS_C_NT_ANONYMOUS, set, &present);
  ck_assert_int_eq (present, 0);
  gss_release_oid_set (&minor, &set);

  ck_assert_uint_eq (gss_inquire_names_for_mech (&minor, GSS_C_NT_USER_NAME, &set), GSS_S_BAD_MECH);
  ck_assert_ptr_eq (set, GSS_C_NO_OID_SET);
  ck_assert_uint_eq (gss_inquire_names_for_mech (NULL, GSS_KRB5, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_release_oid_set (&minor, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_inquire_names_for_mech (&minor, GSS_KRB5, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
}
END_TEST

START_TEST (test_mechs_for_name)
{
  OM_uint32 minor;
  gss_OID_set set;
  gss_name_t name;
  gss_buffer_desc text = unit_buf ("someone");
  int present;

  ck_assert_uint_eq (gss_import_name (&minor, &text, GSS_C_NT_USER_NAME, &name), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_inquire_mechs_for_name (&minor, name, &set), GSS_S_COMPLETE);
  gss_test_oid_set_member (&minor, GSS_KRB5, set, &present);
  ck_assert_int_eq (present, 1);
  gss_release_oid_set (&minor, &set);
  gss_release_name (&minor, &name);

  /* No mechanism here takes anonymous names. */
  ck_assert_uint_eq (gss_import_name (&minor, &text, GSS_C_NT_ANONYMOUS, &name), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_inquire_mechs_for_name (&minor, name, &set), GSS_S_COMPLETE);
  ck_assert_uint_eq (set->count, 0);
  gss_release_oid_set (&minor, &set);
  gss_release_name (&minor, &name);

  ck_assert_uint_eq (gss_inquire_mechs_for_name (&minor, GSS_C_NO_NAME, &set),
		     GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME);
}
END_TEST

START_TEST (test_saslname_for_mech)
{
  OM_uint32 minor;
  gss_buffer_desc sasl, name, desc;
  gss_OID_desc unknown = { 3, (void *) "\x2a\x03\x04" };

  ck_assert_uint_eq (gss_inquire_saslname_for_mech (&minor, GSS_KRB5, &sasl, &name, &desc), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&sasl, "GS2-KRB5"));
  ck_assert (unit_buf_is (&name, "Kerberos V5"));
  ck_assert (unit_buf_is (&desc, "Kerberos V5 GSS-API mechanism"));
  gss_release_buffer (&minor, &sasl);
  gss_release_buffer (&minor, &name);
  gss_release_buffer (&minor, &desc);

  /* Every output is optional. */
  ck_assert_uint_eq (gss_inquire_saslname_for_mech (&minor, GSS_KRB5, NULL, NULL, NULL), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_inquire_saslname_for_mech (&minor, &unknown, &sasl, NULL, NULL), GSS_S_BAD_MECH);
  ck_assert_uint_eq (sasl.length, 0);
  ck_assert_uint_eq (gss_inquire_saslname_for_mech (NULL, GSS_KRB5, &sasl, NULL, NULL), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&sasl, "GS2-KRB5"));
  gss_release_buffer (&minor, &sasl);
  /* GNU GSS's status for the missing mechanism. */
  ck_assert_uint_eq (gss_inquire_saslname_for_mech (&minor, GSS_C_NO_OID, &sasl, NULL, NULL),
		     GSS_S_CALL_INACCESSIBLE_READ);
}
END_TEST

START_TEST (test_mech_for_saslname)
{
  OM_uint32 minor;
  gss_buffer_desc sasl = unit_buf ("GS2-KRB5"), other = unit_buf ("GS2-KRB");
  gss_OID oid;

  ck_assert_uint_eq (gss_inquire_mech_for_saslname (&minor, &sasl, &oid), GSS_S_COMPLETE);
  ck_assert (gss_oid_equal (oid, GSS_KRB5));
  ck_assert_uint_eq (gss_inquire_mech_for_saslname (&minor, &other, &oid), GSS_S_BAD_MECH);
  ck_assert_ptr_eq (oid, GSS_C_NO_OID);
  other = unit_buf ("gs2-krb5");
  ck_assert_uint_eq (gss_inquire_mech_for_saslname (&minor, &other, &oid), GSS_S_BAD_MECH);
  ck_assert_uint_eq (gss_inquire_mech_for_saslname (&minor, &sasl, NULL), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_inquire_mech_for_saslname (NULL, &sasl, &oid), GSS_S_COMPLETE);
  ck_assert (gss_oid_equal (oid, GSS_KRB5));
  /* GNU GSS's status for the missing name. */
  ck_assert_uint_eq (gss_inquire_mech_for_saslname (&minor, NULL, &oid),
		     GSS_S_CALL_INACCESSIBLE_READ);
}
END_TEST

START_TEST (test_check_version)
{
  ck_assert_str_eq (gss_check_version (NULL), GSS_VERSION);
  ck_assert_str_eq (gss_check_version (GSS_VERSION), GSS_VERSION);
  /* Programs built against GNU GSS 1.0.4 ask for at least that. */
  ck_assert_ptr_nonnull (gss_check_version ("1.0.4"));
  ck_assert_ptr_nonnull (gss_check_version ("0.1"));
  ck_assert_ptr_nonnull (gss_check_version ("1"));
  ck_assert_ptr_null (gss_check_version ("99.0.0"));
  ck_assert_ptr_null (gss_check_version ("1.99"));
  ck_assert_ptr_null (gss_check_version ("garbage"));
  ck_assert_int_eq (GSS_VERSION_NUMBER, (GSS_VERSION_MAJOR << 16)
		    | (GSS_VERSION_MINOR << 8) | GSS_VERSION_PATCH);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("mech");
  TCase *tc = tcase_create ("table");

  tcase_add_test (tc, test_indicate_mechs);
  tcase_add_test (tc, test_names_for_mech);
  tcase_add_test (tc, test_mechs_for_name);
  tcase_add_test (tc, test_saslname_for_mech);
  tcase_add_test (tc, test_mech_for_saslname);
  tcase_add_test (tc, test_check_version);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN

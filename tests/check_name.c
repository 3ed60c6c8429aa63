/* check_name.c - names of every type: import, display, canonicalize,
   export, compare, duplicate, release; Kerberos rules from libkrb5
   under a krb5.conf of the test's own. */
#include "unit.h"
#include <unistd.h>

#define REALM "UNIT.TEST"

static OM_uint32 minor;

static gss_name_t
import (const char *text, gss_OID type)
{
  gss_buffer_desc buf = unit_buf (text);
  gss_name_t name;

  ck_assert_uint_eq (gss_import_name (&minor, &buf, type, &name), GSS_S_COMPLETE);
  return name;
}

/* The canonical Kerberos form of TEXT imported as TYPE. */
static void
assert_canonical (const char *text, gss_OID type, const char *want)
{
  gss_name_t name = import (text, type), mn;
  gss_buffer_desc shown;
  gss_OID shown_type;

  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, &mn), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_display_name (&minor, mn, &shown, &shown_type), GSS_S_COMPLETE);
  ck_assert_msg (unit_buf_is (&shown, want), "%s gave %.*s", text,
		 (int) shown.length, (char *) shown.value);
  ck_assert_ptr_eq (shown_type, GSS_KRB5_NT_PRINCIPAL_NAME);
  gss_release_buffer (&minor, &shown);
  gss_release_name (&minor, &mn);
  gss_release_name (&minor, &name);
}

START_TEST (test_display_keeps_type)
{
  gss_name_t name = import ("alice@" REALM, GSS_KRB5_NT_PRINCIPAL_NAME);
  gss_buffer_desc shown;
  gss_OID type;

  ck_assert_uint_eq (gss_display_name (&minor, name, &shown, &type), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&shown, "alice@" REALM));
  ck_assert_ptr_eq (type, GSS_KRB5_NT_PRINCIPAL_NAME);
  gss_release_buffer (&minor, &shown);
  gss_release_name (&minor, &name);
  ck_assert_ptr_eq (name, GSS_C_NO_NAME);

  name = import ("bob", GSS_C_NO_OID);
  ck_assert_uint_eq (gss_display_name (&minor, name, &shown, &type), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&shown, "bob"));
  ck_assert_ptr_eq (type, GSS_C_NO_OID);
  gss_release_buffer (&minor, &shown);
  /* The type output is optional. */
  ck_assert_uint_eq (gss_display_name (&minor, name, &shown, NULL), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &shown);
  gss_release_name (&minor, &name);
}
END_TEST

START_TEST (test_canonical_forms)
{
  assert_canonical ("alice", GSS_C_NT_USER_NAME, "alice@" REALM);
  assert_canonical ("alice", GSS_C_NO_OID, "alice@" REALM);
  assert_canonical ("alice/admin@OTHER.TEST", GSS_KRB5_NT_PRINCIPAL_NAME,
		    "alice/admin@OTHER.TEST");
  assert_canonical ("host@server.unit.test", GSS_C_NT_HOSTBASED_SERVICE,
		    "host/server.unit.test@" REALM);
  assert_canonical ("imap@mail.unit.test", GSS_C_NT_HOSTBASED_SERVICE_X,
		    "imap/mail.unit.test@" REALM);
  assert_canonical ("0", GSS_C_NT_STRING_UID_NAME, "root@" REALM);
}
END_TEST

START_TEST (test_service_alone_is_this_host)
{
  gss_name_t name = import ("ldap", GSS_C_NT_HOSTBASED_SERVICE), mn;
  gss_buffer_desc shown;

  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, &mn), GSS_S_COMPLETE);
  gss_display_name (&minor, mn, &shown, NULL);
  ck_assert (shown.length > 6 && memcmp (shown.value, "ldap/", 5) == 0);
  gss_release_buffer (&minor, &shown);
  gss_release_name (&minor, &mn);
  gss_release_name (&minor, &name);
}
END_TEST

START_TEST (test_machine_uid)
{
  uid_t uid = 0;
  gss_buffer_desc buf = { sizeof uid, &uid }, shown;
  gss_name_t name, mn;

  ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_C_NT_MACHINE_UID_NAME, &name), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, &mn), GSS_S_COMPLETE);
  gss_display_name (&minor, mn, &shown, NULL);
  ck_assert (unit_buf_is (&shown, "root@" REALM));
  gss_release_buffer (&minor, &shown);
  gss_release_name (&minor, &mn);
  gss_release_name (&minor, &name);

  /* Read when used, as GNU GSS and MIT do: refused there. */
  buf.length = 1;
  ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_KRB5_NT_MACHINE_UID_NAME, &name), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, &mn), GSS_S_BAD_NAME);
  ck_assert_uint_eq (minor, GSS_KRB5_S_G_WRONG_SIZE);
  ck_assert_ptr_eq (mn, GSS_C_NO_NAME);
  gss_release_name (&minor, &name);
}
END_TEST

static const struct
{
  const char *text;
  gss_OID *type;
} ill_formed[] = {
  {"", &GSS_KRB5_NT_PRINCIPAL_NAME},
  {"a@b@c", &GSS_KRB5_NT_PRINCIPAL_NAME},
  {"@host", &GSS_C_NT_HOSTBASED_SERVICE},
  {"service@", &GSS_C_NT_HOSTBASED_SERVICE},
  {"12x", &GSS_C_NT_STRING_UID_NAME},
  {"-1", &GSS_C_NT_STRING_UID_NAME},
  {"", &GSS_C_NT_STRING_UID_NAME},
};

/* Accepted at import, as GNU GSS and MIT do, and refused where they
   are first used, with the reason in the minor status; the text is
   still displayed as given. */
START_TEST (test_ill_formed_names)
{
  gss_buffer_desc buf = unit_buf (ill_formed[_i].text), shown;
  gss_name_t name, mn = (gss_name_t) 1;

  ck_assert_uint_eq (gss_import_name (&minor, &buf, *ill_formed[_i].type, &name), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_display_name (&minor, name, &shown, NULL), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&shown, ill_formed[_i].text));
  gss_release_buffer (&minor, &shown);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, &mn), GSS_S_BAD_NAME);
  ck_assert_ptr_eq (mn, GSS_C_NO_NAME);
  ck_assert_uint_ne (minor, 0);
  /* The same answer the second time: the first reading is not kept as
     a success. */
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, &mn), GSS_S_BAD_NAME);
  gss_release_name (&minor, &name);
}
END_TEST

START_TEST (test_embedded_nul_and_types)
{
  gss_buffer_desc buf = { 7, (void *) "ali\0ce" };
  gss_OID_desc unknown = { 3, (void *) "\x2a\x03\x04" };
  gss_name_t name, mn;

  ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_KRB5_NT_PRINCIPAL_NAME, &name), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, &mn), GSS_S_BAD_NAME);
  gss_release_name (&minor, &name);
  buf = unit_buf ("alice");
  ck_assert_uint_eq (gss_import_name (&minor, &buf, &unknown, &name), GSS_S_BAD_NAMETYPE);
  ck_assert_ptr_eq (name, GSS_C_NO_NAME);
  /* Anonymous names import, but no mechanism here can use them. */
  name = import ("anyone", GSS_C_NT_ANONYMOUS);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, &mn), GSS_S_BAD_NAMETYPE);
  ck_assert_ptr_eq (mn, GSS_C_NO_NAME);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, &unknown, &mn), GSS_S_BAD_MECH);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_C_NO_OID, &mn), GSS_S_BAD_MECH);
  gss_release_name (&minor, &name);
}
END_TEST

static const unsigned char exported_alice[] = {
  0x04, 0x01, 0x00, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12,
  0x01, 0x02, 0x02, 0x00, 0x00, 0x00, 0x0f,
  'a', 'l', 'i', 'c', 'e', '@', 'U', 'N', 'I', 'T', '.', 'T', 'E', 'S', 'T'
};

/* GNU SASL passes "service@host" with its terminating NUL counted in
   the length; GNU GSS and MIT take it, and so must we. */
START_TEST (test_trailing_nul)
{
  gss_buffer_desc buf = { sizeof "imap@mail.example.com", (void *) "imap@mail.example.com" };
  gss_buffer_desc shown;
  gss_name_t name, plain, mn;
  int equal = 0;

  ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_C_NT_HOSTBASED_SERVICE, &name), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_display_name (&minor, name, &shown, NULL), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&shown, "imap@mail.example.com"));
  gss_release_buffer (&minor, &shown);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, &mn), GSS_S_COMPLETE);
  plain = import ("imap@mail.example.com", GSS_C_NT_HOSTBASED_SERVICE);
  ck_assert_uint_eq (gss_compare_name (&minor, name, plain, &equal), GSS_S_COMPLETE);
  ck_assert_int_eq (equal, 1);
  gss_release_name (&minor, &mn);
  gss_release_name (&minor, &plain);
  gss_release_name (&minor, &name);
}
END_TEST

START_TEST (test_export_and_reimport)
{
  gss_name_t name = import ("alice", GSS_C_NT_USER_NAME), mn, back;
  gss_buffer_desc exported;
  int equal = 0;

  ck_assert_uint_eq (gss_export_name (&minor, name, &exported), GSS_S_NAME_NOT_MN);
  ck_assert_uint_eq (exported.length, 0);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, &mn), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_export_name (&minor, mn, &exported), GSS_S_COMPLETE);
  ck_assert_uint_eq (exported.length, sizeof exported_alice);
  ck_assert (memcmp (exported.value, exported_alice, sizeof exported_alice) == 0);

  ck_assert_uint_eq (gss_import_name (&minor, &exported, GSS_C_NT_EXPORT_NAME, &back), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_compare_name (&minor, back, mn, &equal), GSS_S_COMPLETE);
  ck_assert_int_eq (equal, 1);
  ck_assert_uint_eq (gss_compare_name (&minor, back, name, &equal), GSS_S_COMPLETE);
  ck_assert_int_eq (equal, 1);
  gss_release_buffer (&minor, &exported);
  /* An imported exported name is an MN: it exports again as such. */
  ck_assert_uint_eq (gss_export_name (&minor, back, &exported), GSS_S_COMPLETE);
  ck_assert_uint_eq (exported.length, sizeof exported_alice);
  gss_release_buffer (&minor, &exported);
  gss_release_name (&minor, &back);
  gss_release_name (&minor, &mn);
  gss_release_name (&minor, &name);
}
END_TEST

START_TEST (test_bad_exported_names)
{
  unsigned char copy[sizeof exported_alice];
  gss_buffer_desc buf = { 0, copy };
  gss_name_t name;
  size_t i;

  for (i = 0; i < sizeof exported_alice; i++)
    {
      memcpy (copy, exported_alice, sizeof copy);
      buf.length = i;
      ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_C_NT_EXPORT_NAME, &name), GSS_S_BAD_NAME);
      ck_assert_ptr_eq (name, GSS_C_NO_NAME);
    }
  buf.length = sizeof copy;
  copy[1] = 0x02;
  ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_C_NT_EXPORT_NAME, &name), GSS_S_BAD_NAME);
  memcpy (copy, exported_alice, sizeof copy);
  copy[18] = 0x10;
  ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_C_NT_EXPORT_NAME, &name), GSS_S_BAD_NAME);
  memcpy (copy, exported_alice, sizeof copy);
  copy[4] = 0x05;
  ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_C_NT_EXPORT_NAME, &name), GSS_S_BAD_NAME);
  /* One octet more than the name length says. */
  {
    unsigned char longer[sizeof exported_alice + 1];
    gss_buffer_desc lbuf = { sizeof longer, longer };

    memcpy (longer, exported_alice, sizeof exported_alice);
    longer[sizeof exported_alice] = 'x';
    ck_assert_uint_eq (gss_import_name (&minor, &lbuf, GSS_C_NT_EXPORT_NAME, &name), GSS_S_BAD_NAME);
    ck_assert_ptr_eq (name, GSS_C_NO_NAME);
  }
  /* A well-formed name of a mechanism this library lacks. */
  memcpy (copy, exported_alice, sizeof copy);
  copy[14] = 0x09;
  ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_C_NT_EXPORT_NAME, &name), GSS_S_BAD_MECH);
}
END_TEST

START_TEST (test_compare)
{
  gss_name_t alice_user = import ("alice", GSS_C_NT_USER_NAME);
  gss_name_t alice_princ = import ("alice@" REALM, GSS_KRB5_NT_PRINCIPAL_NAME);
  gss_name_t bob = import ("bob", GSS_C_NT_USER_NAME);
  gss_name_t anon = import ("alice", GSS_C_NT_ANONYMOUS);
  gss_name_t alice_again = import ("alice", GSS_C_NT_USER_NAME);
  int equal = -1;

  ck_assert_uint_eq (gss_compare_name (&minor, alice_user, alice_princ, &equal), GSS_S_COMPLETE);
  ck_assert_int_eq (equal, 1);
  ck_assert_uint_eq (gss_compare_name (&minor, alice_user, alice_again, &equal), GSS_S_COMPLETE);
  ck_assert_int_eq (equal, 1);
  ck_assert_uint_eq (gss_compare_name (&minor, alice_user, bob, &equal), GSS_S_COMPLETE);
  ck_assert_int_eq (equal, 0);
  ck_assert_uint_eq (gss_compare_name (&minor, anon, anon, &equal), GSS_S_COMPLETE);
  ck_assert_int_eq (equal, 0);
  ck_assert_uint_eq (gss_compare_name (&minor, alice_user, GSS_C_NO_NAME, &equal),
		     GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_compare_name (&minor, alice_user, bob, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  gss_release_name (&minor, &alice_user);
  gss_release_name (&minor, &alice_princ);
  gss_release_name (&minor, &bob);
  gss_release_name (&minor, &anon);
  gss_release_name (&minor, &alice_again);
}
END_TEST

START_TEST (test_duplicate)
{
  gss_name_t name = import ("carol", GSS_C_NT_USER_NAME), copy, mn, mn_copy;
  gss_buffer_desc shown;
  gss_OID type;
  int equal;

  ck_assert_uint_eq (gss_duplicate_name (&minor, name, &copy), GSS_S_COMPLETE);
  ck_assert_ptr_ne (copy, name);
  gss_release_name (&minor, &name);
  ck_assert_uint_eq (gss_display_name (&minor, copy, &shown, &type), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&shown, "carol"));
  ck_assert_ptr_eq (type, GSS_C_NT_USER_NAME);
  gss_release_buffer (&minor, &shown);

  ck_assert_uint_eq (gss_canonicalize_name (&minor, copy, GSS_KRB5, &mn), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_duplicate_name (&minor, mn, &mn_copy), GSS_S_COMPLETE);
  gss_release_name (&minor, &mn);
  ck_assert_uint_eq (gss_compare_name (&minor, mn_copy, copy, &equal), GSS_S_COMPLETE);
  ck_assert_int_eq (equal, 1);
  gss_release_name (&minor, &mn_copy);
  gss_release_name (&minor, &copy);
}
END_TEST

START_TEST (test_userok)
{
  gss_name_t root = import ("root@" REALM, GSS_KRB5_NT_PRINCIPAL_NAME);
  gss_name_t stranger = import ("root@ELSEWHERE.TEST", GSS_KRB5_NT_PRINCIPAL_NAME);

  /* Non-zero is yes, as GNU GSS's code and MIT answer. */
  ck_assert_int_ne (gss_userok (root, "root"), 0);
  ck_assert_int_eq (gss_userok (root, "nobody-here-at-all"), 0);
  ck_assert_int_eq (gss_userok (stranger, "root"), 0);
  ck_assert_int_eq (gss_userok (GSS_C_NO_NAME, "root"), 0);
  ck_assert_int_eq (gss_userok (root, NULL), 0);
  gss_release_name (&minor, &root);
  gss_release_name (&minor, &stranger);
}
END_TEST

START_TEST (test_calling_errors)
{
  gss_buffer_desc buf = unit_buf ("x"), out, nullval = { 2, NULL };
  gss_name_t name = GSS_C_NO_NAME, out_name;
  gss_OID type;
  /* A structure that is not a live name. */
  char junk[64] = { 0 };
  gss_name_t bogus = (gss_name_t) junk;

  /* A NULL minor_status performs the call, as GNU GSS does. */
  ck_assert_uint_eq (gss_import_name (NULL, &buf, GSS_C_NO_OID, &out_name), GSS_S_COMPLETE);
  gss_release_name (&minor, &out_name);
  ck_assert_uint_eq (gss_import_name (&minor, NULL, GSS_C_NO_OID, &out_name), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_import_name (&minor, &nullval, GSS_C_NO_OID, &out_name), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_C_NO_OID, NULL), GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_display_name (NULL, name, &out, &type), GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_display_name (&minor, name, &out, &type), GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_display_name (&minor, bogus, &out, &type), GSS_S_BAD_NAME);
  name = import ("x", GSS_C_NO_OID);
  ck_assert_uint_eq (gss_display_name (&minor, name, NULL, &type), GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_duplicate_name (&minor, name, NULL), GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_FAILURE);
  ck_assert_uint_eq (gss_duplicate_name (&minor, GSS_C_NO_NAME, &out_name), GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_duplicate_name (NULL, name, &out_name), GSS_S_COMPLETE);
  gss_release_name (&minor, &out_name);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, name, GSS_KRB5, NULL), GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_FAILURE);
  ck_assert_uint_eq (gss_canonicalize_name (&minor, bogus, GSS_KRB5, &out_name), GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_export_name (&minor, name, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_export_name (&minor, GSS_C_NO_NAME, &out), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_release_name (&minor, &bogus), GSS_S_BAD_NAME);
  ck_assert_uint_eq (gss_release_name (&minor, NULL), GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME);
  /* Released without minor_status too; releasing nothing is fine. */
  ck_assert_uint_eq (gss_release_name (NULL, &name), GSS_S_COMPLETE);
  ck_assert_ptr_eq (name, GSS_C_NO_NAME);
  ck_assert_uint_eq (gss_release_name (&minor, &name), GSS_S_COMPLETE);
}
END_TEST

/* A krb5.conf of the suite's own, so canonical forms do not depend on
   the machine: a default realm, and no DNS. */
static void
use_test_profile (void)
{
  static char path[] = "/tmp/check_name_krb5_XXXXXX";
  FILE *f;
  int fd = mkstemp (path);

  if (fd < 0 || (f = fdopen (fd, "w")) == NULL)
    {
      perror ("check_name: temporary krb5.conf");
      exit (EXIT_FAILURE);
    }
  fprintf (f, "[libdefaults]\n default_realm = " REALM "\n"
	   " dns_canonicalize_hostname = false\n rdns = false\n"
	   " dns_lookup_realm = false\n dns_lookup_kdc = false\n"
	   "[domain_realm]\n .unit.test = " REALM "\n");
  fclose (f);
  setenv ("KRB5_CONFIG", path, 1);
}

static pid_t runner_pid;

/* Check runs each test in a child that exits through atexit too; only
   the runner itself removes the file. */
static void
remove_test_profile (void)
{
  if (getpid () == runner_pid)
    unlink (getenv ("KRB5_CONFIG"));
}

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("name");
  TCase *tc = tcase_create ("name");

  use_test_profile ();
  runner_pid = getpid ();
  atexit (remove_test_profile);
  tcase_add_test (tc, test_display_keeps_type);
  tcase_add_test (tc, test_canonical_forms);
  tcase_add_test (tc, test_service_alone_is_this_host);
  tcase_add_test (tc, test_machine_uid);
  tcase_add_loop_test (tc, test_ill_formed_names, 0, sizeof ill_formed / sizeof ill_formed[0]);
  tcase_add_test (tc, test_embedded_nul_and_types);
  tcase_add_test (tc, test_trailing_nul);
  tcase_add_test (tc, test_export_and_reimport);
  tcase_add_test (tc, test_bad_exported_names);
  tcase_add_test (tc, test_compare);
  tcase_add_test (tc, test_duplicate);
  tcase_add_test (tc, test_userok);
  tcase_add_test (tc, test_calling_errors);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN

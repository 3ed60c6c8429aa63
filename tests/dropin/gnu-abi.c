/* gnu-abi.c - a program built against GNU GSS 1.0.4's own headers
   (Debian's libgss-dev) and run against libgss: the drop-in promise.
   It checks the calls that need no Kerberos realm. */
#include <gss.h>
#include <stdio.h>

/* These are GNU's headers, not libgss's (which say 1.1 or later). */
#if GSS_VERSION_NUMBER >= 0x010100
#error "built against libgss's headers instead of GNU GSS's"
#endif
#include <string.h>

static int passed, failed;

static void
check (int ok, const char *what)
{
  printf ("%s: %s\n", ok ? "PASS" : "FAIL", what);
  if (ok)
    passed++;
  else
    failed++;
}

static int
oid_is (gss_OID oid, const char *der, unsigned len)
{
  return oid != NULL && oid->length == len && memcmp (oid->elements, der, len) == 0;
}

static int
text_is (gss_buffer_desc *b, const char *s)
{
  return b->length == strlen (s) && memcmp (b->value, s, b->length) == 0;
}

int
main (void)
{
  OM_uint32 major, minor, msgctx = 0;
  gss_OID_set set;
  gss_OID mech;
  gss_buffer_desc sasl, name, desc, in, framed, back, text;
  gss_name_t gname;
  int present = 0;

  /* GNU's header says 1.0.4; the library loaded must be newer. */
  check (gss_check_version (GSS_VERSION) != NULL, "gss_check_version (GSS_VERSION)");
  check (strcmp (gss_check_version (NULL), "1.0.4") != 0,
	 "the library loaded is libgss, not GNU GSS");

  check (oid_is (GSS_KRB5, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02", 9), "GSS_KRB5");
  check (oid_is (GSS_C_NT_HOSTBASED_SERVICE, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x04", 10),
	 "GSS_C_NT_HOSTBASED_SERVICE");
  check (GSS_C_NT_HOSTBASED_SERVICE == &GSS_C_NT_HOSTBASED_SERVICE_static,
	 "GSS_C_NT_HOSTBASED_SERVICE points at its _static descriptor");
  check (oid_is (GSS_KRB5_NT_PRINCIPAL_NAME, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02\x01", 10),
	 "GSS_KRB5_NT_PRINCIPAL_NAME");
  check (oid_is (GSS_C_NT_EXPORT_NAME, "\x2b\x06\x01\x05\x06\x04", 6), "GSS_C_NT_EXPORT_NAME");
  check (gss_oid_equal (GSS_C_NT_USER_NAME, GSS_KRB5_NT_USER_NAME), "gss_oid_equal");

  major = gss_create_empty_oid_set (&minor, &set);
  check (major == GSS_S_COMPLETE && set->count == 0, "gss_create_empty_oid_set");
  gss_add_oid_set_member (&minor, GSS_KRB5, &set);
  gss_add_oid_set_member (&minor, GSS_KRB5, &set);
  gss_test_oid_set_member (&minor, GSS_KRB5, set, &present);
  check (set->count == 1 && present, "gss_add_oid_set_member and gss_test_oid_set_member");
  gss_release_oid_set (&minor, &set);
  check (set == GSS_C_NO_OID_SET, "gss_release_oid_set");

  major = gss_indicate_mechs (&minor, &set);
  present = 0;
  if (major == GSS_S_COMPLETE)
    gss_test_oid_set_member (&minor, GSS_KRB5, set, &present);
  check (present, "gss_indicate_mechs lists Kerberos V5");
  gss_release_oid_set (&minor, &set);

  major = gss_inquire_saslname_for_mech (&minor, GSS_KRB5, &sasl, &name, &desc);
  check (major == GSS_S_COMPLETE && text_is (&sasl, "GS2-KRB5")
	 && text_is (&name, "Kerberos V5"), "gss_inquire_saslname_for_mech");
  major = gss_inquire_mech_for_saslname (&minor, &sasl, &mech);
  check (major == GSS_S_COMPLETE && gss_oid_equal (mech, GSS_KRB5), "gss_inquire_mech_for_saslname");
  gss_release_buffer (&minor, &sasl);
  gss_release_buffer (&minor, &name);
  gss_release_buffer (&minor, &desc);

  in.value = (void *) "token";
  in.length = 5;
  major = gss_encapsulate_token (&in, GSS_KRB5, &framed);
  check (major == GSS_S_COMPLETE && ((unsigned char *) framed.value)[0] == 0x60,
	 "gss_encapsulate_token");
  major = gss_decapsulate_token (&framed, GSS_KRB5, &back);
  check (major == GSS_S_COMPLETE && text_is (&back, "token"), "gss_decapsulate_token");
  gss_release_buffer (&minor, &framed);
  gss_release_buffer (&minor, &back);

  in.value = (void *) "imap@mail.example.com";
  in.length = strlen (in.value);
  major = gss_import_name (&minor, &in, GSS_C_NT_HOSTBASED_SERVICE, &gname);
  check (major == GSS_S_COMPLETE, "gss_import_name");
  major = gss_display_name (&minor, gname, &text, &mech);
  check (major == GSS_S_COMPLETE && text_is (&text, "imap@mail.example.com")
	 && mech == GSS_C_NT_HOSTBASED_SERVICE, "gss_display_name");
  gss_release_buffer (&minor, &text);
  gss_release_name (&minor, &gname);
  check (gname == GSS_C_NO_NAME, "gss_release_name");

  major = gss_display_status (&minor, GSS_S_BAD_NAME, GSS_C_GSS_CODE, GSS_C_NO_OID,
			      &msgctx, &text);
  check (major == GSS_S_COMPLETE && text_is (&text, "An invalid name was supplied"),
	 "gss_display_status");
  gss_release_buffer (&minor, &text);

  /* GNU GSS's answers where it gives one, calling errors where it
     would crash (tests/dropin/differ compares them all). */
  check (gss_import_name (NULL, &in, GSS_C_NO_OID, &gname) == GSS_S_COMPLETE,
	 "NULL minor_status: the call is performed");
  gss_release_name (NULL, &gname);
  check (gss_display_name (&minor, GSS_C_NO_NAME, &text, NULL) == GSS_S_BAD_NAME,
	 "missing name");
  check (gss_context_time (&minor, GSS_C_NO_CONTEXT, &minor)
	 == (GSS_S_CALL_BAD_STRUCTURE | GSS_S_NO_CONTEXT), "missing context");
  check (gss_add_oid_set_member (&minor, GSS_KRB5, NULL) == GSS_S_CALL_INACCESSIBLE_WRITE,
	 "missing OID set");

  printf ("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

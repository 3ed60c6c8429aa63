/* differ-probes.c - the probes of the differential test: every function
   of GNU GSS 1.0.4's ABI with each pointer NULL, absent handles, every
   name type with good and malformed names, and the calls that never
   reach Kerberos.  A probe prints what a program could observe: major
   status, whether a minor status was stored, and the outputs. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "differ.h"

/* A minor status the library did not touch still holds this. */
#define UNTOUCHED 0xa5a5a5a5u

/* Only whether a minor status is there can be compared: the codes are
   Shishi's in GNU GSS, libkrb5's in ours.  Zero or untouched is none. */
static const char *
minor_word (OM_uint32 minor)
{
  return minor == UNTOUCHED || minor == 0 ? "none" : "set";
}

static void
status (const char *call, OM_uint32 major, OM_uint32 minor)
{
  say ("%s: major 0x%08x minor %s", call, (unsigned) major, minor_word (minor));
}

static void
show_bytes (const char *label, const void *value, size_t length)
{
  char text[700];
  size_t i, n = 0;
  const unsigned char *p = value;

  if (value == NULL)
    {
      say ("  %s: (null) length %zu", label, length);
      return;
    }
  for (i = 0; i < length && n < sizeof text - 8; i++)
    n += (size_t) snprintf (text + n, sizeof text - n,
			    p[i] >= 0x20 && p[i] < 0x7f && p[i] != '\\' ? "%c" : "\\x%02x", p[i]);
  text[n] = '\0';
  say ("  %s: \"%s\"%s length %zu", label, text, i < length ? "..." : "", length);
}

static void
show_buffer (const char *label, const gss_buffer_desc *b)
{
  show_bytes (label, b->value, b->length);
}

static const char *
oid_label (gss_const_OID oid)
{
  static char hex[100];
  size_t i, n = 0;

  if (oid == GSS_C_NO_OID)
    return "none";
#define IS(name) if (api.gss_oid_equal (oid, api.name)) return #name;
  IS (GSS_KRB5_NT_PRINCIPAL_NAME);
  IS (GSS_C_NT_USER_NAME);
  IS (GSS_C_NT_MACHINE_UID_NAME);
  IS (GSS_C_NT_STRING_UID_NAME);
  IS (GSS_C_NT_HOSTBASED_SERVICE);
  IS (GSS_C_NT_HOSTBASED_SERVICE_X);
  IS (GSS_C_NT_ANONYMOUS);
  IS (GSS_C_NT_EXPORT_NAME);
  IS (GSS_KRB5);
#undef IS
  for (i = 0; i < oid->length && n < sizeof hex - 4; i++)
    n += (size_t) snprintf (hex + n, sizeof hex - n, "%02x",
			    ((const unsigned char *) oid->elements)[i]);
  hex[n] = '\0';
  return hex;
}

static void
show_set (const char *label, gss_OID_set set)
{
  char text[1000];
  size_t i, n = 0;

  if (set == GSS_C_NO_OID_SET)
    {
      say ("  %s: no set", label);
      return;
    }
  text[0] = '\0';
  for (i = 0; i < set->count && n < sizeof text - 120; i++)
    n += (size_t) snprintf (text + n, sizeof text - n, " %s", oid_label (&set->elements[i]));
  say ("  %s: %zu:%s", label, set->count, text);
}

/* The names every name type is tried with; a trailing NUL counted in
   the length is what GNU SASL passes. */
static const struct
{
  const char *label, *value;
  size_t length;
} names[] = {
  {"user", "user", 4},
  {"user-at-realm", "user@EXAMPLE.ORG", 16},
  {"service-at-host", "host@server.example.org", 23},
  {"service-slash-host", "host/server.example.org@EXAMPLE.ORG", 35},
  {"empty", "", 0},
  {"two-ats", "a@b@c", 5},
  {"digits", "1000", 4},
  {"not-digits", "notanumber", 10},
  {"trailing-nul", "user\0", 5},
  {"service-at-host-nul", "host@server.example.org\0", 24},
  {"embedded-nul", "us\0er", 5},
  {"at-end", "host@", 5},
  {"at-start", "@server.example.org", 19},
  {"no-host", "service", 7},
  {"root", "root", 4},
  {"empty-realm", "user@", 5},
  {"escaped-at", "a\\@b@EXAMPLE.ORG", 16},
  {"binary-uid", "\xe8\x03\x00\x00", 4},
  {"export-token", "\x04\x01\x00\x0b\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02"
   "\x00\x00\x00\x10user@EXAMPLE.ORG", 35},
  {"export-truncated", "\x04\x01\x00\x0b\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02"
   "\x00\x00\x00\x20user@EXAMPLE.ORG", 35},
  {"export-bad-tag", "\x05\x01\x00\x0b\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02"
   "\x00\x00\x00\x10user@EXAMPLE.ORG", 35},
};
#define NNAMES (sizeof names / sizeof names[0])

static gss_OID_desc unknown_oid = { 3, (void *) "\x2a\x03\x04" };
static gss_OID_desc empty_oid = { 0, (void *) "" };

/* The name types, by number: 0 is GSS_C_NO_OID, the last one unknown. */
static const char *const type_labels[] = {
  "no-oid", "nt-user", "nt-machine-uid", "nt-string-uid", "nt-hostbased-x",
  "nt-hostbased", "nt-anonymous", "nt-export", "krb5-nt-user", "krb5-nt-hostbased",
  "krb5-nt-principal", "krb5-nt-machine-uid", "krb5-nt-string-uid", "unknown-oid"
};
#define NTYPES (sizeof type_labels / sizeof type_labels[0])

static gss_OID
type_oid (size_t t)
{
  gss_OID types[NTYPES] = {
    GSS_C_NO_OID, api.GSS_C_NT_USER_NAME, api.GSS_C_NT_MACHINE_UID_NAME,
    api.GSS_C_NT_STRING_UID_NAME, api.GSS_C_NT_HOSTBASED_SERVICE_X,
    api.GSS_C_NT_HOSTBASED_SERVICE, api.GSS_C_NT_ANONYMOUS, api.GSS_C_NT_EXPORT_NAME,
    api.GSS_KRB5_NT_USER_NAME, api.GSS_KRB5_NT_HOSTBASED_SERVICE_NAME,
    api.GSS_KRB5_NT_PRINCIPAL_NAME, api.GSS_KRB5_NT_MACHINE_UID_NAME,
    api.GSS_KRB5_NT_STRING_UID_NAME, &unknown_oid
  };
  return types[t];
}

static gss_name_t
import (size_t n, size_t t, int quiet)
{
  OM_uint32 major, minor = UNTOUCHED;
  gss_buffer_desc in = { names[n].length, (void *) names[n].value };
  gss_name_t name = GSS_C_NO_NAME;

  major = api.gss_import_name (&minor, &in, type_oid (t), &name);
  if (!quiet || GSS_ERROR (major))
    status ("import_name", major, minor);
  return GSS_ERROR (major) ? GSS_C_NO_NAME : name;
}

static void
display (const char *call, gss_name_t name)
{
  OM_uint32 major, minor = UNTOUCHED;
  gss_buffer_desc text = { 0, NULL };
  gss_OID type = &unknown_oid;

  major = api.gss_display_name (&minor, name, &text, &type);
  status (call, major, minor);
  if (GSS_ERROR (major))
    return;
  show_buffer ("text", &text);
  say ("  type: %s", oid_label (type));
  api.gss_release_buffer (&minor, &text);
}

/* Import, display, compare with itself and a copy. */
static void
probe_import (int arg)
{
  size_t n = (size_t) arg % NNAMES, t = (size_t) arg / NNAMES;
  OM_uint32 major, minor = UNTOUCHED;
  gss_name_t name = import (n, t, 0), copy = GSS_C_NO_NAME;
  int equal = -1;

  if (name == GSS_C_NO_NAME)
    return;
  display ("display_name", name);
  major = api.gss_duplicate_name (&minor, name, &copy);
  status ("duplicate_name", major, minor);
  minor = UNTOUCHED;
  major = api.gss_compare_name (&minor, name, copy, &equal);
  status ("compare_name", major, minor);
  say ("  equal: %d", equal);
  api.gss_release_name (&minor, &copy);
  minor = UNTOUCHED;
  major = api.gss_release_name (&minor, &name);
  status ("release_name", major, minor);
  say ("  released: %s", name == GSS_C_NO_NAME ? "yes" : "no");
}

/* The same name, used: canonicalized, exported, checked against a
   local user. */
static void
probe_use (int arg)
{
  size_t n = (size_t) arg % NNAMES, t = (size_t) arg / NNAMES;
  OM_uint32 major, minor = UNTOUCHED;
  gss_name_t name = import (n, t, 1), mn = GSS_C_NO_NAME;
  gss_buffer_desc token = { 0, NULL };
  gss_OID_set mechs = GSS_C_NO_OID_SET;

  if (name == GSS_C_NO_NAME)
    return;
  major = api.gss_inquire_mechs_for_name (&minor, name, &mechs);
  status ("inquire_mechs_for_name", major, minor);
  if (!GSS_ERROR (major))
    show_set ("mechs", mechs);
  api.gss_release_oid_set (&minor, &mechs);
  minor = UNTOUCHED;
  major = api.gss_canonicalize_name (&minor, name, api.GSS_KRB5, &mn);
  status ("canonicalize_name", major, minor);
  if (!GSS_ERROR (major))
    {
      display ("display_name (mechanism name)", mn);
      minor = UNTOUCHED;
      major = api.gss_export_name (&minor, mn, &token);
      status ("export_name", major, minor);
      if (!GSS_ERROR (major))
	show_buffer ("token", &token);
      api.gss_release_buffer (&minor, &token);
      api.gss_release_name (&minor, &mn);
    }
  minor = UNTOUCHED;
  major = api.gss_export_name (&minor, name, &token);
  status ("export_name (as imported)", major, minor);
  api.gss_release_buffer (&minor, &token);
  say ("userok user: %d", api.gss_userok (name, "user"));
  say ("userok root: %d", api.gss_userok (name, "root"));
  api.gss_release_name (&minor, &name);
}

/* The userok probes use a name but no Kerberos; the realm matters. */

/* Functions with a pointer NULL, by number: 0 none, k the k-th one. */
#define CALL(label, expr) \
  do { OM_uint32 major_, minor = UNTOUCHED; major_ = (expr); \
       status (label, major_, minor); } while (0)
#define MIN (arg == 1 ? NULL : &minor)

static void
probe_names_null (int arg)
{
  gss_buffer_desc in = { 4, (void *) "user" }, text = { 0, NULL };
  gss_name_t name = GSS_C_NO_NAME, copy = GSS_C_NO_NAME;
  gss_OID type = GSS_C_NO_OID;
  int equal = -1;
  OM_uint32 major, minor = UNTOUCHED;

  switch (arg)
    {
    case 0:
      CALL ("import_name (no minor)", api.gss_import_name (NULL, &in, api.GSS_C_NT_USER_NAME, &name));
      say ("  name: %s", name == GSS_C_NO_NAME ? "none" : "some");
      if (name != GSS_C_NO_NAME)
	display ("display_name", name);
      break;
    case 1:
      CALL ("import_name (no buffer)", api.gss_import_name (&minor, NULL, api.GSS_C_NT_USER_NAME, &name));
      break;
    case 2:
      CALL ("import_name (no output)", api.gss_import_name (&minor, &in, api.GSS_C_NT_USER_NAME, NULL));
      break;
    case 3:
      CALL ("display_name (no name)", api.gss_display_name (&minor, GSS_C_NO_NAME, &text, &type));
      break;
    case 4:
      name = import (0, 1, 1);
      CALL ("display_name (no buffer)", api.gss_display_name (&minor, name, NULL, &type));
      break;
    case 5:
      name = import (0, 1, 1);
      CALL ("display_name (no type)", api.gss_display_name (&minor, name, &text, NULL));
      show_buffer ("text", &text);
      break;
    case 6:
      name = import (0, 1, 1);
      CALL ("display_name (no minor)", api.gss_display_name (NULL, name, &text, &type));
      show_buffer ("text", &text);
      break;
    case 7:
      CALL ("compare_name (no names)", api.gss_compare_name (&minor, GSS_C_NO_NAME, GSS_C_NO_NAME, &equal));
      say ("  equal: %d", equal);
      break;
    case 8:
      name = import (0, 1, 1);
      CALL ("compare_name (no second)", api.gss_compare_name (&minor, name, GSS_C_NO_NAME, &equal));
      say ("  equal: %d", equal);
      break;
    case 9:
      name = import (0, 1, 1);
      CALL ("compare_name (no result)", api.gss_compare_name (&minor, name, name, NULL));
      break;
    case 10:
      name = import (0, 1, 1);
      CALL ("compare_name (no minor)", api.gss_compare_name (NULL, name, name, &equal));
      say ("  equal: %d", equal);
      break;
    case 11:
      CALL ("release_name (no pointer)", api.gss_release_name (&minor, NULL));
      break;
    case 12:
      CALL ("release_name (no name)", api.gss_release_name (&minor, &name));
      break;
    case 13:
      name = import (0, 1, 1);
      CALL ("release_name (no minor)", api.gss_release_name (NULL, &name));
      say ("  released: %s", name == GSS_C_NO_NAME ? "yes" : "no");
      break;
    case 14:
      CALL ("duplicate_name (no name)", api.gss_duplicate_name (&minor, GSS_C_NO_NAME, &copy));
      break;
    case 15:
      name = import (0, 1, 1);
      CALL ("duplicate_name (no output)", api.gss_duplicate_name (&minor, name, NULL));
      break;
    case 16:
      name = import (0, 1, 1);
      CALL ("duplicate_name (no minor)", api.gss_duplicate_name (NULL, name, &copy));
      say ("  copy: %s", copy == GSS_C_NO_NAME ? "none" : "some");
      break;
    case 17:
      CALL ("export_name (no name)", api.gss_export_name (&minor, GSS_C_NO_NAME, &text));
      break;
    case 18:
      name = import (1, 10, 1);
      CALL ("export_name (no output)", api.gss_export_name (&minor, name, NULL));
      break;
    case 19:
      CALL ("canonicalize_name (no name)",
	    api.gss_canonicalize_name (&minor, GSS_C_NO_NAME, api.GSS_KRB5, &copy));
      break;
    case 20:
      name = import (1, 10, 1);
      CALL ("canonicalize_name (no mech)",
	    api.gss_canonicalize_name (&minor, name, GSS_C_NO_OID, &copy));
      break;
    case 21:
      name = import (1, 10, 1);
      CALL ("canonicalize_name (unknown mech)",
	    api.gss_canonicalize_name (&minor, name, &unknown_oid, &copy));
      break;
    case 22:
      name = import (1, 10, 1);
      CALL ("canonicalize_name (no output)",
	    api.gss_canonicalize_name (&minor, name, api.GSS_KRB5, NULL));
      break;
    case 23:
      CALL ("inquire_mechs_for_name (no name)",
	    api.gss_inquire_mechs_for_name (&minor, GSS_C_NO_NAME, &(gss_OID_set) { NULL }));
      break;
    case 24:
      name = import (1, 10, 1);
      CALL ("inquire_mechs_for_name (no output)",
	    api.gss_inquire_mechs_for_name (&minor, name, NULL));
      break;
    case 25:
      say ("userok (no name): %d", api.gss_userok (GSS_C_NO_NAME, "user"));
      break;
    case 26:
      name = import (0, 1, 1);
      say ("userok (no user): %d", api.gss_userok (name, NULL));
      break;
    case 27:
      major = api.gss_import_name (&minor, &in, api.GSS_C_NT_USER_NAME, &name);
      CALL ("import_name then release twice", api.gss_release_name (&minor, &name));
      CALL ("  second release", api.gss_release_name (&minor, &name));
      (void) major;
      break;
    default:
      break;
    }
  if (copy != GSS_C_NO_NAME)
    api.gss_release_name (&minor, &copy);
  if (name != GSS_C_NO_NAME)
    api.gss_release_name (&minor, &name);
}
#define NAMES_NULL_CASES 28

static void
probe_oidset (int arg)
{
  OM_uint32 minor = UNTOUCHED;
  gss_OID_set set = GSS_C_NO_OID_SET;
  int present = -1;

  if (arg != 1 && arg != 2)
    api.gss_create_empty_oid_set (&minor, &set);
  minor = UNTOUCHED;
  switch (arg)
    {
    case 0:
      show_set ("created", set);
      CALL ("add_oid_set_member", api.gss_add_oid_set_member (&minor, api.GSS_KRB5, &set));
      CALL ("add_oid_set_member (again)", api.gss_add_oid_set_member (&minor, api.GSS_KRB5, &set));
      CALL ("add_oid_set_member (other)", api.gss_add_oid_set_member (&minor, &unknown_oid, &set));
      show_set ("set", set);
      CALL ("test_oid_set_member", api.gss_test_oid_set_member (&minor, &unknown_oid, set, &present));
      say ("  present: %d", present);
      present = -1;
      CALL ("test_oid_set_member (absent)",
	    api.gss_test_oid_set_member (&minor, api.GSS_C_NT_USER_NAME, set, &present));
      say ("  present: %d", present);
      break;
    case 1:
      CALL ("create_empty_oid_set (no minor)", api.gss_create_empty_oid_set (NULL, &set));
      show_set ("set", set);
      break;
    case 2:
      CALL ("create_empty_oid_set (no output)", api.gss_create_empty_oid_set (&minor, NULL));
      break;
    case 3:
      CALL ("add_oid_set_member (no minor)", api.gss_add_oid_set_member (NULL, api.GSS_KRB5, &set));
      show_set ("set", set);
      break;
    case 4:
      CALL ("add_oid_set_member (no oid)", api.gss_add_oid_set_member (&minor, GSS_C_NO_OID, &set));
      show_set ("set", set);
      break;
    case 5:
      CALL ("add_oid_set_member (no set)", api.gss_add_oid_set_member (&minor, api.GSS_KRB5, NULL));
      break;
    case 6:
      {
	gss_OID_set none = GSS_C_NO_OID_SET;
	CALL ("add_oid_set_member (set is none)",
	      api.gss_add_oid_set_member (&minor, api.GSS_KRB5, &none));
	show_set ("set", none);
	api.gss_release_oid_set (&minor, &none);
      }
      break;
    case 7:
      CALL ("add_oid_set_member (empty oid)", api.gss_add_oid_set_member (&minor, &empty_oid, &set));
      show_set ("set", set);
      break;
    case 8:
      CALL ("test_oid_set_member (no minor)",
	    api.gss_test_oid_set_member (NULL, api.GSS_KRB5, set, &present));
      say ("  present: %d", present);
      break;
    case 9:
      CALL ("test_oid_set_member (no oid)",
	    api.gss_test_oid_set_member (&minor, GSS_C_NO_OID, set, &present));
      break;
    case 10:
      CALL ("test_oid_set_member (no set)",
	    api.gss_test_oid_set_member (&minor, api.GSS_KRB5, GSS_C_NO_OID_SET, &present));
      break;
    case 11:
      CALL ("test_oid_set_member (no result)",
	    api.gss_test_oid_set_member (&minor, api.GSS_KRB5, set, NULL));
      break;
    case 12:
      CALL ("release_oid_set (no minor)", api.gss_release_oid_set (NULL, &set));
      show_set ("set", set);
      break;
    case 13:
      CALL ("release_oid_set (no pointer)", api.gss_release_oid_set (&minor, NULL));
      break;
    case 14:
      {
	gss_OID_set none = GSS_C_NO_OID_SET;
	CALL ("release_oid_set (no set)", api.gss_release_oid_set (&minor, &none));
      }
      break;
    case 15:
      CALL ("indicate_mechs", api.gss_indicate_mechs (&minor, &set));
      show_set ("mechs", set);
      break;
    case 16:
      api.gss_release_oid_set (&minor, &set);
      CALL ("indicate_mechs (no minor)", api.gss_indicate_mechs (NULL, &set));
      show_set ("mechs", set);
      break;
    case 17:
      CALL ("indicate_mechs (no output)", api.gss_indicate_mechs (&minor, NULL));
      break;
    case 18:
      api.gss_release_oid_set (&minor, &set);
      CALL ("inquire_names_for_mech", api.gss_inquire_names_for_mech (&minor, api.GSS_KRB5, &set));
      show_set ("types", set);
      break;
    case 19:
      api.gss_release_oid_set (&minor, &set);
      CALL ("inquire_names_for_mech (no mech)",
	    api.gss_inquire_names_for_mech (&minor, GSS_C_NO_OID, &set));
      show_set ("types", set);
      break;
    case 20:
      api.gss_release_oid_set (&minor, &set);
      CALL ("inquire_names_for_mech (unknown mech)",
	    api.gss_inquire_names_for_mech (&minor, &unknown_oid, &set));
      show_set ("types", set);
      break;
    case 21:
      CALL ("inquire_names_for_mech (no output)",
	    api.gss_inquire_names_for_mech (&minor, api.GSS_KRB5, NULL));
      break;
    case 22:
      api.gss_release_oid_set (&minor, &set);
      CALL ("inquire_names_for_mech (no minor)",
	    api.gss_inquire_names_for_mech (NULL, api.GSS_KRB5, &set));
      show_set ("types", set);
      break;
    case 23:
      say ("oid_equal: %d %d %d %d %d",
	   api.gss_oid_equal (GSS_C_NO_OID, GSS_C_NO_OID),
	   api.gss_oid_equal (api.GSS_KRB5, GSS_C_NO_OID),
	   api.gss_oid_equal (GSS_C_NO_OID, api.GSS_KRB5),
	   api.gss_oid_equal (&empty_oid, &empty_oid),
	   api.gss_oid_equal (api.GSS_C_NT_USER_NAME, api.GSS_KRB5_NT_USER_NAME));
      break;
    default:
      break;
    }
  api.gss_release_oid_set (&minor, &set);
}
#define OIDSET_CASES 24

/* Status codes: one routine error, one calling error, supplementary
   bits, combinations, and codes no one defined. */
static const OM_uint32 codes[] = {
  0, 1, 2, 4, 8, 16, 32, 0x1f, 0x40, 1u << 16, 2u << 16, 7u << 16, 13u << 16, 18u << 16,
  19u << 16, 0xffu << 16, 1u << 24, 2u << 24, 3u << 24, 4u << 24, (2u << 24) | (7u << 16) | 1,
  0x80000000u, 0xffffffffu
};
#define NCODES (sizeof codes / sizeof codes[0])

static void
probe_display_status (int arg)
{
  OM_uint32 code = codes[arg % NCODES], major, minor = UNTOUCHED, ctx = 0;
  int type = arg / NCODES + 1, i;
  gss_buffer_desc text;

  for (i = 0; i < 10; i++)
    {
      text.length = 0;
      text.value = NULL;
      minor = UNTOUCHED;
      major = api.gss_display_status (&minor, code, type, GSS_C_NO_OID, &ctx, &text);
      status ("display_status", major, minor);
      if (GSS_ERROR (major))
	break;
      /* The mechanism's texts are Shishi's or libkrb5's; the generic
	 ones are compared word for word. */
      if (type == GSS_C_GSS_CODE)
	show_buffer ("text", &text);
      api.gss_release_buffer (&minor, &text);
      say ("  more: %s", ctx ? "yes" : "no");
      if (ctx == 0)
	break;
    }
}

static void
probe_display_status_null (int arg)
{
  OM_uint32 major, minor = UNTOUCHED, ctx = 0;
  gss_buffer_desc text = { 0, NULL };

  switch (arg)
    {
    case 0:
      CALL ("display_status (no minor)",
	    api.gss_display_status (NULL, 1u << 16, GSS_C_GSS_CODE, GSS_C_NO_OID, &ctx, &text));
      show_buffer ("text", &text);
      break;
    case 1:
      CALL ("display_status (no context)",
	    api.gss_display_status (&minor, 1u << 16, GSS_C_GSS_CODE, GSS_C_NO_OID, NULL, &text));
      show_buffer ("text", &text);
      break;
    case 2:
      CALL ("display_status (no output)",
	    api.gss_display_status (&minor, 1u << 16, GSS_C_GSS_CODE, GSS_C_NO_OID, &ctx, NULL));
      break;
    case 3:
      CALL ("display_status (bad type)",
	    api.gss_display_status (&minor, 1u << 16, 3, GSS_C_NO_OID, &ctx, &text));
      break;
    case 4:
      CALL ("display_status (unknown mech)",
	    api.gss_display_status (&minor, 1u << 16, GSS_C_MECH_CODE, &unknown_oid, &ctx, &text));
      break;
    case 5:
      CALL ("display_status (krb5 mech, GSS code)",
	    api.gss_display_status (&minor, 1u << 16, GSS_C_GSS_CODE, api.GSS_KRB5, &ctx, &text));
      show_buffer ("text", &text);
      break;
    case 6:
      CALL ("display_status (krb5 mech, mech code)",
	    api.gss_display_status (&minor, 1, GSS_C_MECH_CODE, api.GSS_KRB5, &ctx, &text));
      break;
    case 7:
      ctx = 5;
      CALL ("display_status (context past the end)",
	    api.gss_display_status (&minor, 1u << 16, GSS_C_GSS_CODE, GSS_C_NO_OID, &ctx, &text));
      break;
    case 8:
      CALL ("release_buffer (no buffer)", api.gss_release_buffer (&minor, NULL));
      break;
    case 9:
      CALL ("release_buffer (empty)", api.gss_release_buffer (&minor, &text));
      break;
    case 10:
      CALL ("release_buffer (no minor)", api.gss_release_buffer (NULL, &text));
      break;
    default:
      break;
    }
  if (text.value != NULL)
    api.gss_release_buffer (&minor, &text);
  (void) major;
}
#define DISPLAY_NULL_CASES 11

static void
probe_saslname (int arg)
{
  OM_uint32 major, minor = UNTOUCHED;
  gss_buffer_desc sasl = { 0, NULL }, name = { 0, NULL }, desc = { 0, NULL };
  gss_buffer_desc in = { 8, (void *) "GS2-KRB5" };
  gss_OID mech = &unknown_oid;

  switch (arg)
    {
    case 0:
      CALL ("inquire_saslname_for_mech",
	    api.gss_inquire_saslname_for_mech (&minor, api.GSS_KRB5, &sasl, &name, &desc));
      show_buffer ("sasl", &sasl);
      show_buffer ("name", &name);
      show_buffer ("description", &desc);
      break;
    case 1:
      CALL ("inquire_saslname_for_mech (no minor)",
	    api.gss_inquire_saslname_for_mech (NULL, api.GSS_KRB5, &sasl, &name, &desc));
      show_buffer ("sasl", &sasl);
      break;
    case 2:
      CALL ("inquire_saslname_for_mech (no mech)",
	    api.gss_inquire_saslname_for_mech (&minor, GSS_C_NO_OID, &sasl, &name, &desc));
      break;
    case 3:
      CALL ("inquire_saslname_for_mech (unknown mech)",
	    api.gss_inquire_saslname_for_mech (&minor, &unknown_oid, &sasl, &name, &desc));
      break;
    case 4:
      CALL ("inquire_saslname_for_mech (no outputs)",
	    api.gss_inquire_saslname_for_mech (&minor, api.GSS_KRB5, NULL, NULL, NULL));
      break;
    case 5:
      CALL ("inquire_saslname_for_mech (no sasl)",
	    api.gss_inquire_saslname_for_mech (&minor, api.GSS_KRB5, NULL, &name, &desc));
      show_buffer ("name", &name);
      break;
    case 6:
      CALL ("inquire_mech_for_saslname",
	    api.gss_inquire_mech_for_saslname (&minor, &in, &mech));
      say ("  mech: %s", oid_label (mech));
      break;
    case 7:
      CALL ("inquire_mech_for_saslname (no minor)",
	    api.gss_inquire_mech_for_saslname (NULL, &in, &mech));
      say ("  mech: %s", oid_label (mech));
      break;
    case 8:
      CALL ("inquire_mech_for_saslname (no name)",
	    api.gss_inquire_mech_for_saslname (&minor, GSS_C_NO_BUFFER, &mech));
      break;
    case 9:
      CALL ("inquire_mech_for_saslname (no output)",
	    api.gss_inquire_mech_for_saslname (&minor, &in, NULL));
      break;
    case 10:
      in.value = (void *) "GS2-KRB";
      in.length = 7;
      CALL ("inquire_mech_for_saslname (unknown)",
	    api.gss_inquire_mech_for_saslname (&minor, &in, &mech));
      break;
    case 11:
      in.length = 0;
      CALL ("inquire_mech_for_saslname (empty)",
	    api.gss_inquire_mech_for_saslname (&minor, &in, &mech));
      break;
    case 12:
      in.value = (void *) "GSSAPI";
      in.length = 6;
      CALL ("inquire_mech_for_saslname (GSSAPI)",
	    api.gss_inquire_mech_for_saslname (&minor, &in, &mech));
      break;
    default:
      break;
    }
  api.gss_release_buffer (&minor, &sasl);
  api.gss_release_buffer (&minor, &name);
  api.gss_release_buffer (&minor, &desc);
  (void) major;
}
#define SASLNAME_CASES 13

static const struct
{
  const char *label, *value;
  size_t length;
} tokens[] = {
  {"empty", "", 0},
  {"inner", "token", 5},
  {"framed", "\x60\x10\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02token", 18},
  {"framed-other-oid", "\x60\x0a\x06\x03\x2a\x03\x04token", 12},
  {"framed-long-length", "\x60\x81\x10\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02token", 19},
  {"framed-short", "\x60\x20\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02token", 18},
  {"framed-empty-inner", "\x60\x0b\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02", 13},
  {"bad-tag", "\x61\x10\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02token", 18},
  {"only-tag", "\x60", 1},
};
#define NTOKENS (sizeof tokens / sizeof tokens[0])

static void
probe_framing (int arg)
{
  gss_buffer_desc in = { tokens[arg % NTOKENS].length, (void *) tokens[arg % NTOKENS].value };
  gss_buffer_desc out = { 0, NULL };
  OM_uint32 major, minor;

  if (arg / NTOKENS == 0)
    {
      major = api.gss_encapsulate_token (&in, api.GSS_KRB5, &out);
      say ("encapsulate_token: major 0x%08x", (unsigned) major);
    }
  else
    {
      major = api.gss_decapsulate_token (&in, api.GSS_KRB5, &out);
      say ("decapsulate_token: major 0x%08x", (unsigned) major);
    }
  if (!GSS_ERROR (major))
    show_buffer ("output", &out);
  api.gss_release_buffer (&minor, &out);
}

static void
probe_framing_null (int arg)
{
  gss_buffer_desc in = { 5, (void *) "token" }, out = { 0, NULL };
  OM_uint32 minor;

  switch (arg)
    {
    case 0:
      say ("encapsulate_token (no input): 0x%08x",
	   (unsigned) api.gss_encapsulate_token (GSS_C_NO_BUFFER, api.GSS_KRB5, &out));
      break;
    case 1:
      say ("encapsulate_token (no oid): 0x%08x",
	   (unsigned) api.gss_encapsulate_token (&in, GSS_C_NO_OID, &out));
      break;
    case 2:
      say ("encapsulate_token (no output): 0x%08x",
	   (unsigned) api.gss_encapsulate_token (&in, api.GSS_KRB5, NULL));
      break;
    case 3:
      say ("decapsulate_token (no input): 0x%08x",
	   (unsigned) api.gss_decapsulate_token (GSS_C_NO_BUFFER, api.GSS_KRB5, &out));
      break;
    case 4:
      say ("decapsulate_token (no oid): 0x%08x",
	   (unsigned) api.gss_decapsulate_token (&in, GSS_C_NO_OID, &out));
      break;
    case 5:
      say ("decapsulate_token (no output): 0x%08x",
	   (unsigned) api.gss_decapsulate_token (&in, api.GSS_KRB5, NULL));
      break;
    case 6:
      say ("encapsulate_token (unknown oid): 0x%08x",
	   (unsigned) api.gss_encapsulate_token (&in, &unknown_oid, &out));
      break;
    default:
      break;
    }
  api.gss_release_buffer (&minor, &out);
}

static void
probe_version (int arg)
{
  const char *const wants[] = { "1.0.4", "0.0.1", "1.0.3", "99.0", "", "garbage" };

  say ("check_version %s: %s", wants[arg],
       api.gss_check_version (wants[arg]) != NULL ? "yes" : "no");
}

/* Per-message and context calls on GSS_C_NO_CONTEXT, with each pointer
   NULL in turn. */
static void
probe_context (int arg)
{
  OM_uint32 major, minor = UNTOUCHED, t = 7, max = 7;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc msg = { 5, (void *) "hello" }, out = { 0, NULL };
  gss_buffer_desc tok = { 18, (void *) tokens[2].value }, out2 = { 0, NULL };
  int conf = -1, flag = -1;
  gss_qop_t qop = 9;
  gss_name_t src = GSS_C_NO_NAME, targ = GSS_C_NO_NAME;
  gss_OID mech = &unknown_oid;

  switch (arg)
    {
#define C(n, label, expr) case n: CALL (label, expr); break;
      C (0, "get_mic", api.gss_get_mic (&minor, ctx, 0, &msg, &out));
      C (1, "get_mic (no minor)", api.gss_get_mic (NULL, ctx, 0, &msg, &out));
      C (2, "get_mic (no message)", api.gss_get_mic (&minor, ctx, 0, NULL, &out));
      C (3, "get_mic (no output)", api.gss_get_mic (&minor, ctx, 0, &msg, NULL));
      C (4, "verify_mic", api.gss_verify_mic (&minor, ctx, &msg, &tok, &qop));
      C (5, "verify_mic (no token)", api.gss_verify_mic (&minor, ctx, &msg, NULL, &qop));
      C (6, "verify_mic (no qop)", api.gss_verify_mic (&minor, ctx, &msg, &tok, NULL));
      C (7, "verify_mic (no message)", api.gss_verify_mic (&minor, ctx, NULL, &tok, &qop));
      C (8, "wrap", api.gss_wrap (&minor, ctx, 1, 0, &msg, &conf, &out));
      C (9, "wrap (no output)", api.gss_wrap (&minor, ctx, 1, 0, &msg, &conf, NULL));
      C (10, "wrap (no input)", api.gss_wrap (&minor, ctx, 1, 0, NULL, &conf, &out));
      C (11, "wrap (no conf)", api.gss_wrap (&minor, ctx, 1, 0, &msg, NULL, &out));
      C (12, "unwrap", api.gss_unwrap (&minor, ctx, &tok, &out, &conf, &qop));
      C (13, "unwrap (no output)", api.gss_unwrap (&minor, ctx, &tok, NULL, &conf, &qop));
      C (14, "unwrap (no input)", api.gss_unwrap (&minor, ctx, NULL, &out, &conf, &qop));
      C (15, "unwrap (no conf, qop)", api.gss_unwrap (&minor, ctx, &tok, &out, NULL, NULL));
      C (16, "sign", api.gss_sign (&minor, ctx, 0, &msg, &out));
      C (17, "verify", api.gss_verify (&minor, ctx, &msg, &tok, &flag));
      C (18, "seal", api.gss_seal (&minor, ctx, 1, 0, &msg, &conf, &out));
      C (19, "unseal", api.gss_unseal (&minor, ctx, &tok, &out, &conf, &flag));
      C (20, "delete_sec_context", api.gss_delete_sec_context (&minor, &ctx, &out));
      C (21, "delete_sec_context (no pointer)", api.gss_delete_sec_context (&minor, NULL, &out));
      C (22, "delete_sec_context (no output)", api.gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER));
      C (23, "delete_sec_context (no minor)", api.gss_delete_sec_context (NULL, &ctx, &out));
      C (24, "context_time", api.gss_context_time (&minor, ctx, &t));
      C (25, "context_time (no output)", api.gss_context_time (&minor, ctx, NULL));
      C (26, "inquire_context",
	 api.gss_inquire_context (&minor, ctx, &src, &targ, &t, &mech, &max, &conf, &flag));
      C (27, "inquire_context (no outputs)",
	 api.gss_inquire_context (&minor, ctx, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
      C (28, "wrap_size_limit", api.gss_wrap_size_limit (&minor, ctx, 1, 0, 100, &max));
      C (29, "wrap_size_limit (no output)", api.gss_wrap_size_limit (&minor, ctx, 1, 0, 100, NULL));
      C (30, "export_sec_context", api.gss_export_sec_context (&minor, &ctx, &out));
      C (31, "export_sec_context (no pointer)", api.gss_export_sec_context (&minor, NULL, &out));
      C (32, "export_sec_context (no output)", api.gss_export_sec_context (&minor, &ctx, NULL));
      C (33, "import_sec_context (garbage)", api.gss_import_sec_context (&minor, &msg, &ctx));
      C (34, "import_sec_context (empty)",
	 api.gss_import_sec_context (&minor, &(gss_buffer_desc) { 0, NULL }, &ctx));
      C (35, "import_sec_context (no input)", api.gss_import_sec_context (&minor, NULL, &ctx));
      C (36, "import_sec_context (no output)", api.gss_import_sec_context (&minor, &msg, NULL));
      C (37, "process_context_token", api.gss_process_context_token (&minor, ctx, &tok));
      C (38, "process_context_token (no token)", api.gss_process_context_token (&minor, ctx, NULL));
      C (39, "wrap (no minor)", api.gss_wrap (NULL, ctx, 1, 0, &msg, &conf, &out));
      C (40, "context_time (no minor)", api.gss_context_time (NULL, ctx, &t));
#undef C
    default:
      break;
    }
  say ("  context: %s, output %zu", ctx == GSS_C_NO_CONTEXT ? "none" : "some", out.length);
  api.gss_release_buffer (&minor, &out);
  api.gss_release_buffer (&minor, &out2);
  (void) major;
}
#define CONTEXT_CASES 41

static void
probe_establish (int arg)
{
  OM_uint32 major, minor = UNTOUCHED, flags = 0, t = 0;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_name_t target = import (2, 5, 1), src = GSS_C_NO_NAME;
  gss_buffer_desc out = { 0, NULL }, in = { 0, NULL };
  gss_OID mech = GSS_C_NO_OID;
  gss_cred_id_t deleg = GSS_C_NO_CREDENTIAL;

  if (arg >= 20 && (size_t) (arg - 20) < NTOKENS)
    {
      in.value = (void *) tokens[arg - 20].value;
      in.length = tokens[arg - 20].length;
    }
  switch (arg)
    {
#define C(n, label, expr) case n: CALL (label, expr); break;
      C (0, "init_sec_context",
	 api.gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_C_NO_OID, 0, 0,
				   GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER, &mech, &out,
				   &flags, &t));
      C (1, "init_sec_context (no minor)",
	 api.gss_init_sec_context (NULL, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_C_NO_OID, 0, 0,
				   GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER, &mech, &out,
				   &flags, &t));
      C (2, "init_sec_context (no context pointer)",
	 api.gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, NULL, target, GSS_C_NO_OID, 0, 0,
				   GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER, &mech, &out,
				   &flags, &t));
      C (3, "init_sec_context (no target)",
	 api.gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, GSS_C_NO_NAME, GSS_C_NO_OID,
				   0, 0, GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER, &mech, &out,
				   &flags, &t));
      C (4, "init_sec_context (no output)",
	 api.gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_C_NO_OID, 0, 0,
				   GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER, &mech, NULL,
				   &flags, &t));
      C (5, "init_sec_context (unknown mech)",
	 api.gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, &unknown_oid, 0, 0,
				   GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER, &mech, &out,
				   &flags, &t));
      C (6, "init_sec_context (input token, no context)",
	 api.gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_C_NO_OID, 0, 0,
				   GSS_C_NO_CHANNEL_BINDINGS, &(gss_buffer_desc) { 18, (void *) tokens[2].value },
				   &mech, &out, &flags, &t));
      C (10, "accept_sec_context (no minor)",
	 api.gss_accept_sec_context (NULL, &ctx, GSS_C_NO_CREDENTIAL, &in, GSS_C_NO_CHANNEL_BINDINGS,
				     &src, &mech, &out, &flags, &t, &deleg));
      C (11, "accept_sec_context (no context pointer)",
	 api.gss_accept_sec_context (&minor, NULL, GSS_C_NO_CREDENTIAL, &in, GSS_C_NO_CHANNEL_BINDINGS,
				     &src, &mech, &out, &flags, &t, &deleg));
      C (12, "accept_sec_context (no input)",
	 api.gss_accept_sec_context (&minor, &ctx, GSS_C_NO_CREDENTIAL, NULL, GSS_C_NO_CHANNEL_BINDINGS,
				     &src, &mech, &out, &flags, &t, &deleg));
      C (13, "accept_sec_context (no output)",
	 api.gss_accept_sec_context (&minor, &ctx, GSS_C_NO_CREDENTIAL, &in, GSS_C_NO_CHANNEL_BINDINGS,
				     &src, &mech, NULL, &flags, &t, &deleg));
#undef C
    default:
      if (arg >= 20)
	CALL ("accept_sec_context",
	      api.gss_accept_sec_context (&minor, &ctx, GSS_C_NO_CREDENTIAL, &in,
					  GSS_C_NO_CHANNEL_BINDINGS, &src, &mech, &out, &flags,
					  &t, &deleg));
      break;
    }
  say ("  context: %s, output %s", ctx == GSS_C_NO_CONTEXT ? "none" : "some",
       out.length ? "some" : "none");
  if (ctx != GSS_C_NO_CONTEXT)
    api.gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  api.gss_release_buffer (&minor, &out);
  api.gss_release_name (&minor, &target);
  api.gss_release_name (&minor, &src);
  (void) major;
}

static void
probe_cred (int arg)
{
  OM_uint32 major, minor = UNTOUCHED, t = 0, ti = 0, ta = 0;
  gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;
  gss_name_t name = GSS_C_NO_NAME, desired = GSS_C_NO_NAME;
  gss_OID_set mechs = GSS_C_NO_OID_SET, want = GSS_C_NO_OID_SET;
  gss_OID_set_desc krb5_only, unknown_only = { 1, &unknown_oid };
  gss_cred_usage_t usage = 9;

  krb5_only.count = 1;
  krb5_only.elements = api.GSS_KRB5;
  if (arg == 4 || arg == 5)
    desired = import (2, 5, 1);
  switch (arg)
    {
#define C(n, label, expr) case n: CALL (label, expr); break;
      C (0, "acquire_cred (initiate)",
	 api.gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE, &cred,
			       &mechs, &t));
      C (1, "acquire_cred (accept)",
	 api.gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_ACCEPT, &cred,
			       &mechs, &t));
      C (2, "acquire_cred (both)",
	 api.gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_BOTH, &cred,
			       &mechs, &t));
      C (3, "acquire_cred (bad usage)",
	 api.gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, 7, &cred, &mechs, &t));
      C (4, "acquire_cred (accept as host@server)",
	 api.gss_acquire_cred (&minor, desired, 0, &krb5_only, GSS_C_ACCEPT, &cred, &mechs, &t));
      C (5, "acquire_cred (initiate as host@server)",
	 api.gss_acquire_cred (&minor, desired, 0, &krb5_only, GSS_C_INITIATE, &cred, &mechs, &t));
      C (6, "acquire_cred (unknown mech)",
	 api.gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, &unknown_only, GSS_C_INITIATE, &cred,
			       &mechs, &t));
      C (7, "acquire_cred (no output)",
	 api.gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE, NULL,
			       &mechs, &t));
      C (8, "acquire_cred (no minor)",
	 api.gss_acquire_cred (NULL, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE, &cred,
			       &mechs, &t));
      C (10, "release_cred (no pointer)", api.gss_release_cred (&minor, NULL));
      C (11, "release_cred (no credential)", api.gss_release_cred (&minor, &cred));
      C (12, "release_cred (no minor)", api.gss_release_cred (NULL, &cred));
      C (13, "inquire_cred (default)",
	 api.gss_inquire_cred (&minor, GSS_C_NO_CREDENTIAL, &name, &t, &usage, &mechs));
      C (14, "inquire_cred (no outputs)",
	 api.gss_inquire_cred (&minor, GSS_C_NO_CREDENTIAL, NULL, NULL, NULL, NULL));
      C (15, "inquire_cred_by_mech (default)",
	 api.gss_inquire_cred_by_mech (&minor, GSS_C_NO_CREDENTIAL, api.GSS_KRB5, &name, &ti, &ta,
				       &usage));
      C (16, "inquire_cred_by_mech (unknown mech)",
	 api.gss_inquire_cred_by_mech (&minor, GSS_C_NO_CREDENTIAL, &unknown_oid, &name, &ti, &ta,
				       &usage));
      C (17, "inquire_cred_by_mech (no mech)",
	 api.gss_inquire_cred_by_mech (&minor, GSS_C_NO_CREDENTIAL, GSS_C_NO_OID, &name, &ti, &ta,
				       &usage));
      C (18, "add_cred (default)",
	 api.gss_add_cred (&minor, GSS_C_NO_CREDENTIAL, GSS_C_NO_NAME, api.GSS_KRB5, GSS_C_INITIATE,
			   0, 0, &cred, &mechs, &ti, &ta));
      C (19, "add_cred (no outputs)",
	 api.gss_add_cred (&minor, GSS_C_NO_CREDENTIAL, GSS_C_NO_NAME, api.GSS_KRB5, GSS_C_INITIATE,
			   0, 0, NULL, NULL, NULL, NULL));
      C (20, "add_cred (unknown mech)",
	 api.gss_add_cred (&minor, GSS_C_NO_CREDENTIAL, GSS_C_NO_NAME, &unknown_oid,
			   GSS_C_INITIATE, 0, 0, &cred, &mechs, &ti, &ta));
#undef C
    default:
      break;
    }
  say ("  credential: %s", cred == GSS_C_NO_CREDENTIAL ? "none" : "some");
  if (mechs != GSS_C_NO_OID_SET)
    show_set ("mechs", mechs);
  if (cred != GSS_C_NO_CREDENTIAL)
    api.gss_release_cred (&minor, &cred);
  api.gss_release_oid_set (&minor, &mechs);
  api.gss_release_name (&minor, &name);
  api.gss_release_name (&minor, &desired);
  (void) major;
  (void) want;
}

/* Handles that are not live: memory that never held one (zero-filled,
   so that what GNU GSS reads from it is the same on every run).  A
   handle really released cannot be compared: GNU GSS would read freed
   memory. */
static union
{
  char bytes[512];
  void *align;
} dead;

static void
probe_dead (int arg)
{
  OM_uint32 major, t = 7;
  gss_name_t n = (gss_name_t) &dead, other = GSS_C_NO_NAME;
  gss_ctx_id_t c = (gss_ctx_id_t) &dead;
  gss_cred_id_t cr = (gss_cred_id_t) &dead;
  gss_buffer_desc msg = { 5, (void *) "hello" }, out = { 0, NULL };
  int equal = -1;

  switch (arg)
    {
#define C(k, label, expr) case k: CALL (label, expr); break;
      C (0, "display_name (dead)", api.gss_display_name (&minor, n, &out, NULL));
      C (1, "compare_name (dead)", api.gss_compare_name (&minor, n, n, &equal));
      C (2, "duplicate_name (dead)", api.gss_duplicate_name (&minor, n, &other));
      C (3, "canonicalize_name (dead)", api.gss_canonicalize_name (&minor, n, api.GSS_KRB5, &other));
      C (4, "export_name (dead)", api.gss_export_name (&minor, n, &out));
      C (5, "release_name (dead)", api.gss_release_name (&minor, &n));
      C (6, "get_mic (dead)", api.gss_get_mic (&minor, c, 0, &msg, &out));
      C (7, "wrap (dead)", api.gss_wrap (&minor, c, 1, 0, &msg, NULL, &out));
      C (8, "context_time (dead)", api.gss_context_time (&minor, c, &t));
      C (9, "delete_sec_context (dead)", api.gss_delete_sec_context (&minor, &c, GSS_C_NO_BUFFER));
      C (10, "inquire_cred (dead)", api.gss_inquire_cred (&minor, cr, NULL, NULL, NULL, NULL));
      C (11, "release_cred (dead)", api.gss_release_cred (&minor, &cr));
      C (12, "init_sec_context (dead context)",
	 api.gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &c, GSS_C_NO_NAME, GSS_C_NO_OID, 0, 0,
				   GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER, NULL, &out, NULL, NULL));
      C (13, "accept_sec_context (dead credential)",
	 api.gss_accept_sec_context (&minor, &(gss_ctx_id_t) { GSS_C_NO_CONTEXT }, cr, &msg,
				     GSS_C_NO_CHANNEL_BINDINGS, NULL, NULL, &out, NULL, NULL, NULL));
      C (14, "userok (dead)", (OM_uint32) api.gss_userok (n, "root"));
#undef C
    default:
      break;
    }
  say ("  equal %d, output %zu", equal, out.length);
  (void) major;
}
#define DEAD_CASES 15

void
register_probes (void)
{
  size_t n, t;
  int i;

  for (t = 0; t < NTYPES; t++)
    for (n = 0; n < NNAMES; n++)
      {
	add_probe (probe_import, (int) (t * NNAMES + n), "import/%s/%s", type_labels[t],
		   names[n].label);
	add_probe (probe_use, (int) (t * NNAMES + n), "use/%s/%s", type_labels[t],
		   names[n].label);
      }
  for (i = 0; i < DEAD_CASES; i++)
    add_probe (probe_dead, i, "-dead/%d", i);
  for (i = 0; i < NAMES_NULL_CASES; i++)
    add_probe (probe_names_null, i, "names-null/%d", i);
  for (i = 0; i <= 20; i++)
    add_probe (probe_cred, i, "cred/%d", i);
  for (i = 0; i < 20 + (int) NTOKENS; i++)
    if (i <= 6 || (i >= 10 && i <= 13) || i >= 20)
      add_probe (probe_establish, i, "establish/%d%s%s", i, i >= 20 ? "/" : "",
		 i >= 20 ? tokens[i - 20].label : "");
  for (i = 0; i < CONTEXT_CASES; i++)
    add_probe (probe_context, i, "-context/%d", i);
  for (i = 0; i < OIDSET_CASES; i++)
    add_probe (probe_oidset, i, "-oidset/%d", i);
  for (i = 0; i < (int) (2 * NCODES); i++)
    add_probe (probe_display_status, i, "-display-status/%s/0x%x",
	       i < (int) NCODES ? "gss" : "mech", (unsigned) codes[i % NCODES]);
  for (i = 0; i < DISPLAY_NULL_CASES; i++)
    add_probe (probe_display_status_null, i, "-display-status-null/%d", i);
  for (i = 0; i < SASLNAME_CASES; i++)
    add_probe (probe_saslname, i, "-saslname/%d", i);
  for (i = 0; i < (int) (2 * NTOKENS); i++)
    add_probe (probe_framing, i, "-framing/%s/%s", i < (int) NTOKENS ? "encapsulate" : "decapsulate",
	       tokens[i % NTOKENS].label);
  for (i = 0; i < 7; i++)
    add_probe (probe_framing_null, i, "-framing-null/%d", i);
  for (i = 0; i < 6; i++)
    add_probe (probe_version, i, "-version/%d", i);
}

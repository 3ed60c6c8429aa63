/* differ-table.c - the intended differences from GNU GSS 1.0.4, each
   with its reason.  doc/gss.texi ("Differences from GNU GSS") and the
   README list the same.  The rule: where GNU GSS returns a defined
   result without crashing, libgss returns the same major status and
   outputs; it differs only where GNU crashes, is a stub, ignores an
   unknown mechanism or name type, or breaks RFC 2743 semantics. */
#include <stddef.h>
#include "differ.h"

#define GNU_CRASHES "GNU GSS crashes (it does not check this pointer or handle); libgss returns a calling error"
#define GNU_STUB "GNU GSS does not implement the call (a stub); libgss does"
#define GNU_IGNORES_MECH "GNU GSS ignores the mechanism OID it is given; libgss refuses one it does not offer (GSS_S_BAD_MECH)"
#define GNU_USEROK_SHORT "GNU GSS's gss_userok only compares the name's text with the user name"
#define GNU_USEROK "gss_userok asks libkrb5's krb5_kuserok (.k5login, auth_to_local rules, an existing local account); " GNU_USEROK_SHORT
#define NO_REALM "no default realm in krb5.conf: libkrb5 cannot make a principal of a realm-less name, so krb5_kuserok cannot say yes; " GNU_USEROK_SHORT
#define GNU_NO_PARSE "GNU GSS never reads the name (its canonicalize_name and export_name keep any text); libgss reads it when it is used and refuses an ill-formed one with GSS_S_BAD_NAME and libkrb5's reason, as does a realm-less name when krb5.conf has no default realm"

const struct intended intended[] = {
  /* Crashes, wherever they are. */
  {"*", "crash (*", GNU_CRASHES},

  /* Handles that are not live. */
  {"*/dead/*", NULL,
   "a handle that is not live (never was, or was released) is refused with the status naming it; GNU GSS uses whatever memory it points to"},

  /* Name types. */
  {"*/import/unknown-oid/*", "import_name: major 0x00000000*",
   "an unknown name type is refused at import (GSS_S_BAD_NAMETYPE), as RFC 2743 asks; GNU GSS accepts any OID"},
  {"*/use/unknown-oid/*", "inquire_mechs_for_name: *",
   "an unknown name type is refused at import (GSS_S_BAD_NAMETYPE), as RFC 2743 asks; GNU GSS accepts any OID"},
  {"*/import/nt-export/*", "import_name: major 0x00000000*",
   "an exported name token is parsed at import (GSS_S_BAD_NAME when it is not one); GNU GSS keeps any bytes"},
  {"*/use/nt-export/*", "inquire_mechs_for_name: *",
   "an exported name token is parsed at import (GSS_S_BAD_NAME when it is not one); GNU GSS keeps any bytes"},
  {"*/import/nt-export/export-token", "  text: *",
   "an imported exported name is the mechanism name it stands for, displayed as the principal; GNU GSS displays the token's bytes"},
  {"*/use/nt-export/export-token", "  text: *",
   "an imported exported name is the mechanism name it stands for, displayed as the principal; GNU GSS displays the token's bytes"},
  {"*/import/no-oid/*", "compare_name: major 0x00030000*",
   "names imported with GSS_C_NO_OID (the default type) compare like any other; GNU GSS refuses to compare them (GSS_S_BAD_NAMETYPE), which breaks RFC 2743's default name type"},
  {"*/import/no-oid/*", "  equal: -1",
   "names imported with GSS_C_NO_OID (the default type) compare like any other; GNU GSS refuses to compare them (GSS_S_BAD_NAMETYPE), which breaks RFC 2743's default name type"},
  {"*/import/nt-export/export-token", "  type: GSS_C_NT_EXPORT_NAME",
   "an imported exported name is the mechanism name it stands for, of the Kerberos principal type; GNU GSS keeps the export name type"},
  {"*/import/nt-anonymous/*", "  equal: 1",
   "an anonymous name compares equal to no name, itself included (RFC 2743 section 2.4.3); GNU GSS compares the text"},
  {"*/import/*/*nul*", "  text: *\\\\x00\" length *",
   "a NUL ending the name and counted in its length is dropped at import, as MIT does; GNU GSS keeps it in the displayed text"},
  {"*/import/*/binary-uid", "  text: *\\\\x00\" length *",
   "a NUL ending the name and counted in its length is dropped at import, as MIT does (here the last octet of a binary UID given with a text name type); GNU GSS keeps it"},

  /* Names used. */
  {"*/use/*", "  mechs: 0:",
   "gss_inquire_mechs_for_name lists Kerberos V5 for a name it can take; GNU GSS always answers an empty set"},
  {"*/oidset/1[56]", "  mechs: 1: GSS_KRB5",
   "gss_indicate_mechs lists SPNEGO (1.3.6.1.5.5.2) after Kerberos V5; GNU GSS has no SPNEGO, and answers an unknown mechanism OID with Kerberos V5 where libgss answers GSS_S_BAD_MECH"},
  {"*/use/*", "  mechs: 1: GSS_KRB5",
   "gss_inquire_mechs_for_name lists SPNEGO (1.3.6.1.5.5.2) beside Kerberos V5, as MIT does: SPNEGO takes any name its inner mechanisms take; GNU GSS has no SPNEGO"},
  {"*/use/*", "canonicalize_name: major 0x00000000*", GNU_NO_PARSE},
  {"*/use/*", "canonicalize_name: major 0x00030000*",
   "GNU GSS's canonicalize_name takes only Kerberos principal and host-based names (GSS_S_BAD_NAMETYPE for the others, GSS_C_NO_OID included); libgss canonicalizes every name type it imports"},
  {"*/use/*", "  token: *", "the exported mechanism name holds the Kerberos principal (realm added, host name canonicalized by libkrb5); GNU GSS exports the text as given"},
  {"*/use/*", "userok user: 1", GNU_USEROK " (there is no local account `user`)"},
  {"*/use/nt-anonymous/root", "userok root: 1", "the anonymous name may use no local account; " GNU_USEROK_SHORT},
  {"*/use/*-uid/root", "userok root: 1", "a UID name whose text is not a UID names no one; " GNU_USEROK_SHORT},
  {"noconf/use/*/root", "userok root: 1", NO_REALM},
  {"emptyconf/use/*/root", "userok root: 1", NO_REALM},
  {"*/use/*", "  text: *", "the mechanism name is the Kerberos principal (RFC 2743 MN: realm added, host names canonicalized by libkrb5, escapes as krb5_unparse_name writes them); GNU GSS's canonicalize_name keeps the text as given"},
  {"*/use/*", "export_name (as imported): major 0x00030000*",
   "gss_export_name on a name that is not a mechanism name answers GSS_S_NAME_NOT_MN, as RFC 2743 asks; GNU GSS answers GSS_S_BAD_NAMETYPE for the default type"},
  {"*/use/*", "export_name (as imported): major 0x00000000*",
   "gss_export_name on a name that is not a mechanism name answers GSS_S_NAME_NOT_MN, as RFC 2743 asks; GNU GSS exports the text of a Kerberos principal name as it is"},
  {"*/names-null/[78]", "  equal: -1",
   "name_equal is set to 0 when the call fails; GNU GSS leaves it as it was"},
  {"*/names-null/9", "compare_name (no result): major 0x00000000*",
   "a NULL name_equal is a calling error (GSS_S_CALL_INACCESSIBLE_WRITE); GNU GSS answers GSS_S_COMPLETE without answering"},
  {"*/names-null/2[01]", NULL, GNU_IGNORES_MECH},

  /* Credentials. */
  {"*/cred/[01236]", "acquire_cred (*): major 0x00020000*",
   "without credentials libgss answers GSS_S_NO_CRED (RFC 2743), with libkrb5's reason; GNU GSS answers GSS_S_BAD_NAME for the default name it cannot find (and ignores the usage and the mechanisms asked for)"},
  {"*/cred/1[3456]", "inquire_cred*: major 0x00020000*",
   "without a default credential libgss answers GSS_S_NO_CRED (RFC 2743), or GSS_S_BAD_MECH for a mechanism it does not offer; GNU GSS answers GSS_S_BAD_NAME"},
  {"*/cred/1[89]", NULL, GNU_STUB " (gss_add_cred)"},
  {"*/cred/20", NULL, GNU_STUB " (gss_add_cred)"},

  /* Contexts. */
  {"*/establish/5", NULL, GNU_IGNORES_MECH},
  {"*/establish/13", "accept_sec_context (no output): major 0x00090000*",
   "two errors at once (an empty token and no output buffer): libgss reports the calling error first"},
  {"*/context/2[6789]", "*major 0x000d0000*", GNU_STUB " (gss_inquire_context, gss_wrap_size_limit)"},
  {"*/context/3[0-6]", "*major 0x00100000*", GNU_STUB " (gss_export_sec_context, gss_import_sec_context)"},
  {"*/context/3[78]", "*major 0x000d0000*", GNU_STUB " (gss_process_context_token)"},

  /* Calls that never reach Kerberos. */
  {"*/oidset/1[89]", "  types: *",
   "gss_inquire_names_for_mech lists every name type the mechanism takes (GSS_C_NT_USER_NAME, the UID types, the old host-based OID and GSS_KRB5_NT_USER_NAME too, which GNU GSS also takes but does not list)"},
  {"*/oidset/22", "  types: *",
   "gss_inquire_names_for_mech lists every name type the mechanism takes (GSS_C_NT_USER_NAME, the UID types, the old host-based OID and GSS_KRB5_NT_USER_NAME too, which GNU GSS also takes but does not list)"},
  {"*/oidset/20", NULL, GNU_IGNORES_MECH},
  {"*/display-status-null/4", NULL, GNU_IGNORES_MECH},
  {"*/display-status/gss/0x*1", "  text: \"The gss_init_sec_context() or gss_accept_sec_context() function must be called again*",
   "the text of GSS_S_CONTINUE_NEEDED is RFC 2744's wording, and translated; GNU GSS's says more (the texts are for people: the number of messages is the same)"},
  {"*/display-status/gss/0x1f", "  text: \"The gss_init_sec_context() or gss_accept_sec_context() function must be called again*",
   "the text of GSS_S_CONTINUE_NEEDED is RFC 2744's wording, and translated; GNU GSS's says more (the texts are for people: the number of messages is the same)"},
  {"*/display-status/gss/0x130000", NULL,
   "routine error 19 is RFC 5587's GSS_S_BAD_MECH_ATTR, which gss_display_mech_attr returns, and has its text; GNU GSS predates RFC 5587 and answers GSS_S_BAD_STATUS"},
  {"*/display-status-null/7", "display_status (context past the end): major 0x00000000*",
   "a message_context that no earlier call left is refused (GSS_S_BAD_STATUS); GNU GSS ignores it and starts over"},

  {NULL, NULL, NULL}
};

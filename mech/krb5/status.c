/* status.c - text of the Kerberos 5 mechanism's minor status codes:
   the GSS_KRB5_S_* codes of RFC 1964 section 2.2.3, and libkrb5's own
   error codes through its message tables. */
#include "k5.h"
#include "gettext.h"
#include <string.h>

#define _(s) dgettext (GETTEXT_DOMAIN, s)
#define N_(s) s

static const char *const rfc1964_texts[] = {
  NULL,
  N_("No @ in SERVICE-NAME name string"),
  N_("STRING-UID-NAME contains nondigits"),
  N_("UID does not resolve to username"),
  N_("Validation error"),
  N_("Couldn't allocate gss_buffer_t data"),
  N_("Message context invalid"),
  N_("Buffer is the wrong size"),
  N_("Credential usage type is unknown"),
  N_("Unknown quality of protection specified"),
  N_("Principal in credential cache does not match desired name"),
  N_("No principal in keytab matches desired name"),
  N_("Credential cache has no TGT"),
  N_("Authenticator has no subkey"),
  N_("Context is already fully established"),
  N_("Unknown signature type in token"),
  N_("Invalid field length in token"),
  N_("Attempt to use incomplete security context"),
  N_("Channel bindings do not match"),
  N_("Token was sent by this side of the context, not by its peer"),
};

OM_uint32
krb5_gss_display_status (OM_uint32 *minor, OM_uint32 code, gss_buffer_t out)
{
  krb5_context ctx;
  const char *text;
  OM_uint32 major;

  if (code == 0)
    return _gss_buffer_from_string (minor, _("No error"), out);
  if (code < sizeof rfc1964_texts / sizeof rfc1964_texts[0])
    return _gss_buffer_from_string (minor, _(rfc1964_texts[code]), out);

  major = krb5_gss_context (minor, &ctx);
  if (major)
    return major;
  text = krb5_get_error_message (ctx, (krb5_error_code) code);
  major = _gss_buffer_from_string (minor, text, out);
  krb5_free_error_message (ctx, text);
  krb5_free_context (ctx);
  return major;
}

/* localname.c - a principal's local account, by krb5.conf's
   auth_to_local rules (krb5_aname_to_localname). */
#include "ext.h"
#include <string.h>

/* Longer than any login name a system allows (LOGIN_NAME_MAX is 256
   on Linux); libkrb5 refuses a mapping that does not fit. */
#define LOCALNAME_MAX 1024

OM_uint32
krb5_gss_localname (OM_uint32 *minor, const void *mname,
		    gss_buffer_t localname)
{
  krb5_context kctx = NULL;
  krb5_principal princ = NULL;
  krb5_error_code code;
  char buf[LOCALNAME_MAX];
  OM_uint32 major;

  major = krb5_gss_context (minor, &kctx);
  if (major)
    return major;
  major = krb5_gss_name_parse (minor, kctx, mname, &princ);
  if (major)
    goto cleanup;
  code = krb5_aname_to_localname (kctx, princ, sizeof buf, buf);
  if (code == KRB5_LNAME_NOTRANS || code == KRB5_NO_LOCALNAME)
    {
      *minor = (OM_uint32) code;
      major = GSS_S_UNAVAILABLE;
      goto cleanup;
    }
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
      goto cleanup;
    }
  major = _gss_buffer_from_string (minor, buf, localname);

cleanup:
  krb5_free_principal (kctx, princ);
  krb5_free_context (kctx);
  return major;
}

/* krberror.c - libkrb5 error codes as GSS-API statuses, and KRB-ERROR
   context tokens (RFC 4121 section 4.1, TOK_ID 03 00). */
#include "k5.h"
#include <errno.h>
#include <string.h>

/* RFC 4120 section 7.5.9: the generic error code. */
#define KRB_ERR_GENERIC 60

/* libkrb5 answers ENOMEM, except in its credential cache and replay
   cache code, which have codes of their own for it. */
bool
krb5_gss_nomem (krb5_error_code code)
{
  return code == ENOMEM || code == KRB5_CC_NOMEM || code == KRB5_RC_MALLOC;
}

OM_uint32
krb5_gss_defective (OM_uint32 *minor)
{
  *minor = GSS_KRB5_S_KG_BAD_LENGTH;
  return GSS_S_DEFECTIVE_TOKEN;
}

OM_uint32
krb5_gss_bad_sig (OM_uint32 *minor)
{
  *minor = (OM_uint32) KRB5KRB_AP_ERR_BAD_INTEGRITY;
  return GSS_S_BAD_SIG;
}

OM_uint32
krb5_gss_major_of (krb5_error_code code)
{
  if (krb5_gss_nomem (code))
    return GSS_S_FAILURE;
  switch (code)
    {
    case 0:
      return GSS_S_COMPLETE;
    case KRB5KRB_AP_ERR_TKT_EXPIRED:
      return GSS_S_CREDENTIALS_EXPIRED;
    case KRB5KRB_AP_ERR_REPEAT:
      /* Fatal while establishing, so paired with a routine error, as
	 the gss_init_sec_context page asks. */
      return GSS_S_FAILURE | GSS_S_DUPLICATE_TOKEN;
    case KRB5KRB_AP_ERR_SKEW:
      return GSS_S_CONTEXT_EXPIRED;
    case KRB5KRB_AP_ERR_NOKEY:
    case KRB5KRB_AP_ERR_BADKEYVER:
    case KRB5_KT_NOTFOUND:
    case KRB5KRB_AP_WRONG_PRINC:
    case KRB5KRB_AP_ERR_NOT_US:
      return GSS_S_NO_CRED;
    case KRB5KRB_AP_ERR_MSG_TYPE:
    case KRB5KRB_AP_ERR_BADVERSION:
    case KRB5KRB_AP_ERR_BADMATCH:
    case KRB5_BADMSGTYPE:
    case ASN1_BAD_ID:
    case ASN1_BAD_LENGTH:
    case ASN1_OVERRUN:
    case ASN1_BAD_FORMAT:
    case ASN1_MISPLACED_FIELD:
    case ASN1_MISSING_FIELD:
      return GSS_S_DEFECTIVE_TOKEN;
    default:
      return GSS_S_FAILURE;
    }
}

OM_uint32
krb5_gss_fail (OM_uint32 *minor, krb5_error_code code)
{
  *minor = krb5_gss_nomem (code) ? KG_NOMEM : (OM_uint32) code;
  return krb5_gss_major_of (code);
}

OM_uint32
krb5_gss_fail_as (OM_uint32 *minor, krb5_error_code code, OM_uint32 major)
{
  if (krb5_gss_nomem (code))
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  *minor = (OM_uint32) code;
  return major;
}

OM_uint32
krb5_gss_make_error_token (krb5_context kctx, krb5_error_code code,
			   krb5_const_principal server, gss_buffer_t out)
{
  krb5_error err;
  krb5_data packet = { 0 };
  OM_uint32 major, minor;
  krb5_int32 usec;

  memset (&err, 0, sizeof err);
  /* The protocol number of a libkrb5 code, or KRB_ERR_GENERIC. */
  code -= ERROR_TABLE_BASE_krb5;
  err.error = (code < 0 || code > 127) ? KRB_ERR_GENERIC : (krb5_ui_4) code;
  err.server = (krb5_principal) server;
  if (krb5_us_timeofday (kctx, &err.stime, &usec) != 0)
    return GSS_S_FAILURE;
  err.susec = usec;
  if (krb5_mk_error (kctx, &err, &packet) != 0)
    return GSS_S_FAILURE;
  major = krb5_gss_wrap_token (&minor, KG_TOK_KRB_ERROR, &packet, out);
  krb5_free_data_contents (kctx, &packet);
  return major;
}

krb5_error_code
krb5_gss_read_error_token (krb5_context kctx, const krb5_data *body)
{
  krb5_error *err = NULL;
  krb5_error_code code;

  code = krb5_rd_error (kctx, body, &err);
  if (code)
    return krb5_gss_nomem (code) ? code : KRB5KRB_AP_ERR_MSG_TYPE;
  code = err->error == KRB_ERR_GENERIC ? KRB5KRB_ERR_GENERIC
    : (krb5_error_code) err->error + ERROR_TABLE_BASE_krb5;
  krb5_free_error (kctx, err);
  return code;
}

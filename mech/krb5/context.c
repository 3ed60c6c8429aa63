/* context.c - what is done with an existing Kerberos context: delete,
   inquire, its lifetime, context-level tokens. */
#include "k5.h"
#include <stdlib.h>

void
krb5_gss_ctx_free (struct krb5_gss_ctx *ctx)
{
  if (ctx == NULL)
    return;
  krb5_gss_ctx_keys_free (ctx);
  if (ctx->kctx)
    {
      /* krb5_free_keyblock zeroes the key material before freeing. */
      krb5_free_keyblock (ctx->kctx, ctx->session_key);
      krb5_free_keyblock (ctx->kctx, ctx->initiator_subkey);
      krb5_free_keyblock (ctx->kctx, ctx->acceptor_subkey);
      if (ctx->auth)
	krb5_auth_con_free (ctx->kctx, ctx->auth);
      krb5_free_context (ctx->kctx);
    }
  krb5_gss_release_name (ctx->local);
  krb5_gss_release_name (ctx->peer);
  free (ctx);
}

/* RFC 4121 has no context deletion token: the output stays empty. */
OM_uint32
krb5_gss_delete_sec_context (OM_uint32 *minor, void *mctx,
			     gss_buffer_t output_token)
{
  (void) output_token;
  *minor = 0;
  krb5_gss_ctx_free (mctx);
  return GSS_S_COMPLETE;
}

/* The only context-level token a peer may send once a context exists
   is a KRB-ERROR; its code becomes the minor status. */
OM_uint32
krb5_gss_process_context_token (OM_uint32 *minor, void *mctx,
				const gss_buffer_t token)
{
  struct krb5_gss_ctx *ctx = mctx;
  gss_buffer_desc storage = GSS_C_EMPTY_BUFFER;
  krb5_data body;
  unsigned tok_id;
  OM_uint32 major, tmp;

  major = krb5_gss_unwrap_token (minor, token, &tok_id, &body, &storage);
  if (major)
    return major;
  if (tok_id == KG_TOK_KRB_ERROR)
    {
      major = krb5_gss_fail (minor,
			     krb5_gss_read_error_token (ctx->kctx, &body));
      if (!GSS_ERROR (major))
	major |= GSS_S_FAILURE;
    }
  else
    {
      *minor = GSS_KRB5_S_KG_BAD_SIGN_TYPE;
      major = GSS_S_DEFECTIVE_TOKEN;
    }
  gss_release_buffer (&tmp, &storage);
  return major;
}

OM_uint32
krb5_gss_context_time (OM_uint32 *minor, const void *mctx, OM_uint32 *time_rec)
{
  const struct krb5_gss_ctx *ctx = mctx;

  if (!ctx->established)
    {
      *minor = GSS_KRB5_S_KG_CTX_INCOMPLETE;
      return GSS_S_NO_CONTEXT;
    }
  *time_rec = krb5_gss_lifetime (ctx->kctx, ctx->endtime);
  if (*time_rec == 0)
    {
      *minor = (OM_uint32) KRB5KRB_AP_ERR_TKT_EXPIRED;
      return GSS_S_CONTEXT_EXPIRED;
    }
  return GSS_S_COMPLETE;
}

OM_uint32
krb5_gss_inquire_context (OM_uint32 *minor, const void *mctx,
			  void **src_mname, void **targ_mname,
			  OM_uint32 *lifetime, OM_uint32 *flags,
			  int *locally_initiated, int *open)
{
  const struct krb5_gss_ctx *ctx = mctx;
  const struct krb5_gss_name *src, *targ;
  OM_uint32 major;

  src = ctx->initiator ? ctx->local : ctx->peer;
  targ = ctx->initiator ? ctx->peer : ctx->local;
  if (src_mname && src)
    {
      major = krb5_gss_duplicate_name (minor, src, src_mname);
      if (major)
	return major;
    }
  if (targ_mname && targ)
    {
      major = krb5_gss_duplicate_name (minor, targ, targ_mname);
      if (major)
	{
	  if (src_mname && *src_mname)
	    {
	      krb5_gss_release_name (*src_mname);
	      *src_mname = NULL;
	    }
	  return major;
	}
    }
  *lifetime = krb5_gss_lifetime (ctx->kctx, ctx->endtime);
  *flags = ctx->flags;
  *locally_initiated = ctx->initiator;
  *open = ctx->established;
  return GSS_S_COMPLETE;
}

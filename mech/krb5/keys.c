/* keys.c - the per-message keys of an established context (RFC 4121
   section 2): the acceptor's subkey when it sent one, otherwise the
   initiator's subkey, otherwise the ticket's session key; each side
   seals and signs with its own key usages. */
#include "k5.h"

/* RFC 4121 section 2: key usage numbers. */
#define KG_USAGE_ACCEPTOR_SEAL 22
#define KG_USAGE_ACCEPTOR_SIGN 23
#define KG_USAGE_INITIATOR_SEAL 24
#define KG_USAGE_INITIATOR_SIGN 25

#define FLAG_SENT_BY_ACCEPTOR 0x01
#define FLAG_ACCEPTOR_SUBKEY 0x04

void
krb5_gss_ctx_keys_free (struct krb5_gss_ctx *ctx)
{
  int i;

  for (i = 0; i < 4; i++)
    if (ctx->key_done[i])
      {
	k5_usage_key_free (&ctx->keys[i]);
	ctx->key_done[i] = false;
      }
  if (ctx->v1_done)
    k5_v1_key_free (&ctx->v1_key);
  ctx->v1_done = false;
  ctx->keys_ready = false;
}

OM_uint32
krb5_gss_ctx_ready (OM_uint32 *minor, struct krb5_gss_ctx *ctx)
{
  ctx->msg_base = ctx->acceptor_subkey ? ctx->acceptor_subkey
    : ctx->initiator_subkey ? ctx->initiator_subkey : ctx->session_key;
  if (ctx->msg_base == NULL)
    {
      *minor = GSS_KRB5_S_KG_NO_SUBKEY;
      return GSS_S_FAILURE;
    }
  ctx->v1 = k5_v1_enctype (ctx->msg_base->enctype);
  ctx->key_usage[K5_SEAL_SEND] = ctx->initiator ? KG_USAGE_INITIATOR_SEAL
    : KG_USAGE_ACCEPTOR_SEAL;
  ctx->key_usage[K5_SIGN_SEND] = ctx->initiator ? KG_USAGE_INITIATOR_SIGN
    : KG_USAGE_ACCEPTOR_SIGN;
  ctx->key_usage[K5_SEAL_RECV] = ctx->initiator ? KG_USAGE_ACCEPTOR_SEAL
    : KG_USAGE_INITIATOR_SEAL;
  ctx->key_usage[K5_SIGN_RECV] = ctx->initiator ? KG_USAGE_ACCEPTOR_SIGN
    : KG_USAGE_INITIATOR_SIGN;
  ctx->token_flags = (ctx->initiator ? 0 : FLAG_SENT_BY_ACCEPTOR)
    | (ctx->acceptor_subkey ? FLAG_ACCEPTOR_SUBKEY : 0);
  /* RFC 1964 and RFC 4757 carry 32-bit sequence numbers. */
  k5_seqwin_init (&ctx->window, ctx->recv_seq,
		  (ctx->flags & GSS_C_REPLAY_FLAG) != 0,
		  (ctx->flags & GSS_C_SEQUENCE_FLAG) != 0, ctx->v1 ? 32 : 64);
  /* Token sizes now, so that gss_wrap_size_limit never writes to the
     context; an enctype without RFC 4121 tokens fails when used. */
  if (!ctx->v1)
    ctx->sizes_error = k5_sizes_of (ctx->kctx, ctx->msg_base->enctype,
				    &ctx->sizes);
  ctx->keys_ready = true;
  return GSS_S_COMPLETE;
}

OM_uint32
krb5_gss_ctx_usable (OM_uint32 *minor, const struct krb5_gss_ctx *ctx,
		     gss_qop_t qop)
{
  if (!ctx->keys_ready)
    {
      *minor = GSS_KRB5_S_KG_CTX_INCOMPLETE;
      return GSS_S_NO_CONTEXT;
    }
  if (qop != GSS_C_QOP_DEFAULT)
    {
      *minor = GSS_KRB5_S_G_UNKNOWN_QOP;
      return GSS_S_BAD_QOP;
    }
  if (krb5_gss_lifetime (ctx->kctx, ctx->endtime) == 0)
    {
      *minor = (OM_uint32) KRB5KRB_AP_ERR_TKT_EXPIRED;
      return GSS_S_CONTEXT_EXPIRED;
    }
  return GSS_S_COMPLETE;
}

OM_uint32
krb5_gss_key_failure (OM_uint32 *minor, krb5_error_code code)
{
  if (code == KRB5_BAD_ENCTYPE)
    {
      *minor = (OM_uint32) code;
      return GSS_S_UNAVAILABLE;
    }
  return krb5_gss_fail (minor, code);
}

OM_uint32
krb5_gss_msg_key (OM_uint32 *minor, struct krb5_gss_ctx *ctx, gss_qop_t qop,
		  int which, struct k5_usage_key **key)
{
  krb5_error_code code;
  OM_uint32 major;

  major = krb5_gss_ctx_usable (minor, ctx, qop);
  if (major)
    return major;
  if (!ctx->key_done[which])
    {
      code = k5_usage_key_init (ctx->kctx, ctx->msg_base,
				ctx->key_usage[which], &ctx->keys[which]);
      if (code)
	return krb5_gss_key_failure (minor, code);
      ctx->key_done[which] = true;
    }
  *key = &ctx->keys[which];
  return GSS_S_COMPLETE;
}

OM_uint32
krb5_gss_v1_msg_key (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
		     gss_qop_t qop, struct k5_v1_key **key)
{
  krb5_error_code code;
  OM_uint32 major;

  major = krb5_gss_ctx_usable (minor, ctx, qop);
  if (major)
    return major;
  if (!ctx->v1_done)
    {
      code = k5_v1_key_init (ctx->kctx, ctx->msg_base, &ctx->v1_key);
      if (code)
	return krb5_gss_key_failure (minor, code);
      ctx->v1_done = true;
    }
  *key = &ctx->v1_key;
  return GSS_S_COMPLETE;
}

/* mic.c - MIC tokens (RFC 4121 section 4.2.6.1): the header, then a
   checksum over the message and the header. */
#include "cfx.h"
#include <openssl/crypto.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

/* Whether the checksum over MESSAGE and a header can be made: libkrb5
   takes at most K5_LIBKRB5_MAX octets, and a MIC that covered only part
   of a message would be worse than none. */
static bool
fits (const struct k5_usage_key *k, const gss_buffer_t message)
{
  return message->length <= SIZE_MAX - CFX_HEADER
    && k5_len_ok (k->fast, message->length + CFX_HEADER);
}

OM_uint32
krb5_gss_get_mic (OM_uint32 *minor, void *mctx, gss_qop_t qop,
		  const gss_buffer_t message, gss_buffer_t token)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct k5_usage_key *k;
  unsigned char *p;
  krb5_error_code code;
  struct k5_v1_key *v1;
  OM_uint32 major;

  if (ctx->v1)
    {
      major = krb5_gss_v1_msg_key (minor, ctx, qop, &v1);
      return major ? major
	: krb5_gss_v1_get_mic (minor, ctx, v1, message, token);
    }
  major = krb5_gss_msg_key (minor, ctx, qop, K5_SIGN_SEND, &k);
  if (major)
    return major;
  if (!fits (k, message))
    {
      *minor = GSS_KRB5_S_G_WRONG_SIZE;
      return GSS_S_FAILURE;
    }
  p = malloc (CFX_HEADER + k->mac_len);
  if (p == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return GSS_S_FAILURE;
    }
  p[0] = CFX_TOK_MIC >> 8;
  p[1] = CFX_TOK_MIC & 0xff;
  p[2] = ctx->token_flags;
  memset (p + 3, 0xff, 5);
  cfx_put_be64 (p + 8, ctx->send_seq);
  code = k5_checksum (k, message->value, message->length, p, CFX_HEADER,
		      p + CFX_HEADER);
  if (code)
    {
      free (p);
      return krb5_gss_fail (minor, code);
    }
  ctx->send_seq++;
  token->value = p;
  token->length = CFX_HEADER + k->mac_len;
  return GSS_S_COMPLETE;
}

OM_uint32
krb5_gss_verify_mic (OM_uint32 *minor, void *mctx, const gss_buffer_t message,
		     const gss_buffer_t token, gss_qop_t *qop_state)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct k5_usage_key *k;
  const unsigned char *p = token->value;
  static const unsigned char filler[5] = { 0xff, 0xff, 0xff, 0xff, 0xff };
  unsigned char mac[K5_MAX_MAC];
  krb5_error_code code;
  struct k5_v1_key *v1;
  OM_uint32 major;

  if (ctx->v1)
    {
      major = krb5_gss_v1_msg_key (minor, ctx, GSS_C_QOP_DEFAULT, &v1);
      if (!major)
	major = krb5_gss_v1_verify_mic (minor, ctx, v1, message, token);
      if (!GSS_ERROR (major) && qop_state)
	*qop_state = GSS_C_QOP_DEFAULT;
      return major;
    }
  major = krb5_gss_msg_key (minor, ctx, GSS_C_QOP_DEFAULT, K5_SIGN_RECV, &k);
  if (major)
    return major;
  if (token->length != CFX_HEADER + k->mac_len
      || p[0] != (CFX_TOK_MIC >> 8) || p[1] != (CFX_TOK_MIC & 0xff)
      || (p[2] & CFX_FLAG_SEALED) || !cfx_flags_ok (ctx, p[2])
      || memcmp (p + 3, filler, sizeof filler) != 0)
    {
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      return GSS_S_DEFECTIVE_TOKEN;
    }
  /* The caller's message, not the peer's token, is too long. */
  if (!fits (k, message))
    {
      *minor = GSS_KRB5_S_G_WRONG_SIZE;
      return GSS_S_FAILURE;
    }
  code = k5_checksum (k, message->value, message->length, p, CFX_HEADER, mac);
  if (code)
    return krb5_gss_fail (minor, code);
  if (CRYPTO_memcmp (mac, p + CFX_HEADER, k->mac_len) != 0)
    {
      *minor = (OM_uint32) KRB5KRB_AP_ERR_BAD_INTEGRITY;
      return GSS_S_BAD_SIG;
    }
  if (qop_state)
    *qop_state = GSS_C_QOP_DEFAULT;
  return k5_seqwin_check (&ctx->window, cfx_get_be64 (p + 8));
}

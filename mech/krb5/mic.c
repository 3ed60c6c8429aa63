/* mic.c - MIC tokens (RFC 4121 section 4.2.6.1): the header, then a
   checksum over the message and the header.  The message is one buffer
   (gss_get_mic) or the DATA and SIGN_ONLY buffers of an IOV array
   (MIT's gss_get_mic_iov): both are a list of pieces to the one code
   that makes and checks tokens, so the two calls make the same token. */
#include "cfx.h"
#include "segcrypto.h"
#include <openssl/crypto.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define FEW_PIECES 8

/* Whether the checksum over a message of LEN octets and a header can be
   made: libkrb5 takes at most K5_LIBKRB5_MAX octets, and a MIC that
   covered only part of a message would be worse than none. */
static bool
fits (const struct k5_usage_key *k, size_t len)
{
  return len <= SIZE_MAX - CFX_HEADER
    && k5_len_ok (k->fast, len + CFX_HEADER);
}

static OM_uint32
too_long (OM_uint32 *minor)
{
  *minor = GSS_KRB5_S_G_WRONG_SIZE;
  return GSS_S_FAILURE;
}

/* Makes the token into TOKEN (CFX_HEADER + mac_len octets) over
   SEG[0 .. n-1), a message of LEN octets; SEG[n-1] is the slot the
   header is signed from. */
static OM_uint32
make_mic (OM_uint32 *minor, struct krb5_gss_ctx *ctx, struct k5_usage_key *k,
	  struct k5_seg *seg, size_t n, size_t len, unsigned char *token)
{
  krb5_error_code code;

  if (!fits (k, len))
    return too_long (minor);
  token[0] = CFX_TOK_MIC >> 8;
  token[1] = CFX_TOK_MIC & 0xff;
  token[2] = ctx->token_flags;
  memset (token + 3, 0xff, 5);
  cfx_put_be64 (token + 8, ctx->send_seq);
  seg[n - 1].p = token;
  seg[n - 1].len = CFX_HEADER;
  seg[n - 1].sign_only = true;
  code = k5_checksum_segs (k, seg, n, token + CFX_HEADER);
  if (code)
    return krb5_gss_fail (minor, code);
  ctx->send_seq++;
  return GSS_S_COMPLETE;
}

/* Checks TOKEN against SEG[0 .. n-1), a message of LEN octets, as
   make_mic made it; then the sequence window. */
static OM_uint32
check_mic (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
	   struct k5_usage_key *k, struct k5_seg *seg, size_t n, size_t len,
	   const gss_buffer_desc *token)
{
  static const unsigned char filler[5] = { 0xff, 0xff, 0xff, 0xff, 0xff };
  const unsigned char *p = token->value;
  unsigned char mac[K5_MAX_MAC];
  krb5_error_code code;

  if (token->length != CFX_HEADER + k->mac_len
      || p[0] != (CFX_TOK_MIC >> 8) || p[1] != (CFX_TOK_MIC & 0xff)
      || (p[2] & CFX_FLAG_SEALED) || !cfx_flags_ok (ctx, p[2])
      || memcmp (p + 3, filler, sizeof filler) != 0)
    return krb5_gss_defective (minor);
  /* The caller's message, not the peer's token, is too long. */
  if (!fits (k, len))
    return too_long (minor);
  seg[n - 1].p = (unsigned char *) p;
  seg[n - 1].len = CFX_HEADER;
  seg[n - 1].sign_only = true;
  code = k5_checksum_segs (k, seg, n, mac);
  if (code)
    return krb5_gss_fail (minor, code);
  if (CRYPTO_memcmp (mac, p + CFX_HEADER, k->mac_len) != 0)
    return krb5_gss_bad_sig (minor);
  return k5_seqwin_check (&ctx->window, cfx_get_be64 (p + 8));
}

OM_uint32
krb5_gss_get_mic (OM_uint32 *minor, void *mctx, gss_qop_t qop,
		  const gss_buffer_t message, gss_buffer_t token)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct k5_usage_key *k;
  struct k5_seg seg[2];
  unsigned char *p;
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
  p = malloc (CFX_HEADER + k->mac_len);
  if (p == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return GSS_S_FAILURE;
    }
  seg[0].p = message->value;
  seg[0].len = message->length;
  seg[0].sign_only = false;
  major = make_mic (minor, ctx, k, seg, 2, message->length, p);
  if (major)
    {
      free (p);
      return major;
    }
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
  struct k5_seg seg[2];
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
  seg[0].p = message->value;
  seg[0].len = message->length;
  seg[0].sign_only = false;
  major = check_mic (minor, ctx, k, seg, 2, message->length, token);
  if (!GSS_ERROR (major) && qop_state)
    *qop_state = GSS_C_QOP_DEFAULT;
  return major;
}

/* The MIC_TOKEN of an array lib/ checked (there is exactly one), and
   in *LEN the octets of its DATA and SIGN_ONLY buffers; *LEN is
   SIZE_MAX when they add up to more. */
static gss_iov_buffer_desc *
mic_parts (gss_iov_buffer_desc *iov, int count, size_t *len)
{
  gss_iov_buffer_desc *token = NULL;
  int i;

  *len = 0;
  for (i = 0; i < count; i++)
    switch (GSS_IOV_BUFFER_TYPE (iov[i].type))
      {
      case GSS_IOV_BUFFER_TYPE_MIC_TOKEN:
	token = &iov[i];
	break;
      case GSS_IOV_BUFFER_TYPE_DATA:
      case GSS_IOV_BUFFER_TYPE_SIGN_ONLY:
	*len = iov[i].buffer.length > SIZE_MAX - *len ? SIZE_MAX
	  : *len + iov[i].buffer.length;
	break;
      default:
	break;
      }
  return token;
}

/* RFC 1964 and RFC 4757 tokens are v1token.c's, over the message
   gathered into MSG (LEN octets): those legacy enctypes are not worth a
   second, piecewise, checksum path. */
static OM_uint32
gather (OM_uint32 *minor, gss_iov_buffer_desc *iov, int count, size_t len,
	gss_buffer_desc *msg)
{
  unsigned char *p;
  int i;

  /* v1token.c would refuse it: refused before the copy. */
  if (len > K5_LIBKRB5_MAX)
    return too_long (minor);
  p = malloc (len ? len : 1);
  if (p == NULL)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  msg->value = p;
  msg->length = len;
  for (i = 0; i < count; i++)
    {
      OM_uint32 type = GSS_IOV_BUFFER_TYPE (iov[i].type);

      if ((type == GSS_IOV_BUFFER_TYPE_DATA
	   || type == GSS_IOV_BUFFER_TYPE_SIGN_ONLY)
	  && iov[i].buffer.length > 0)
	{
	  memcpy (p, iov[i].buffer.value, iov[i].buffer.length);
	  p += iov[i].buffer.length;
	}
    }
  return GSS_S_COMPLETE;
}

static void
ungather (gss_buffer_desc *msg)
{
  if (msg->value)
    {
      OPENSSL_cleanse (msg->value, msg->length);
      free (msg->value);
    }
}

static OM_uint32
v1_get_mic_iov (OM_uint32 *minor, struct krb5_gss_ctx *ctx, gss_qop_t qop,
		gss_iov_buffer_desc *iov, int count)
{
  gss_buffer_desc msg = GSS_C_EMPTY_BUFFER, token = GSS_C_EMPTY_BUFFER;
  gss_iov_buffer_desc *out;
  struct k5_v1_key *v1;
  size_t len;
  bool mine = false;
  OM_uint32 major, tmp;

  major = krb5_gss_v1_msg_key (minor, ctx, qop, &v1);
  if (major)
    return major;
  out = mic_parts (iov, count, &len);
  /* Room first: a token made and then not delivered would have used a
     sequence number. */
  major = k5_iov_room (minor, out, krb5_gss_v1_mic_size (v1), &mine);
  if (!major)
    major = gather (minor, iov, count, len, &msg);
  if (!major)
    major = krb5_gss_v1_get_mic (minor, ctx, v1, &msg, &token);
  if (!major)
    memcpy (out->buffer.value, token.value, token.length);
  ungather (&msg);
  gss_release_buffer (&tmp, &token);
  if (major)
    k5_iov_unroom (out, mine);
  return major;
}

static OM_uint32
v1_verify_mic_iov (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
		   gss_iov_buffer_desc *iov, int count)
{
  gss_buffer_desc msg = GSS_C_EMPTY_BUFFER;
  gss_iov_buffer_desc *token;
  struct k5_v1_key *v1;
  size_t len;
  OM_uint32 major;

  major = krb5_gss_v1_msg_key (minor, ctx, GSS_C_QOP_DEFAULT, &v1);
  if (major)
    return major;
  token = mic_parts (iov, count, &len);
  major = gather (minor, iov, count, len, &msg);
  if (!major)
    major = krb5_gss_v1_verify_mic (minor, ctx, v1, &msg, &token->buffer);
  ungather (&msg);
  return major;
}

OM_uint32
krb5_gss_get_mic_iov_length (OM_uint32 *minor, void *mctx, gss_qop_t qop,
			     gss_iov_buffer_desc *iov, int iov_count)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct k5_v1_key shape;
  gss_iov_buffer_desc *token;
  size_t len;
  OM_uint32 major;

  major = krb5_gss_ctx_usable (minor, ctx, qop);
  if (major)
    return major;
  token = mic_parts (iov, iov_count, &len);
  if (ctx->v1)
    {
      if (!k5_v1_shape (ctx->msg_base->enctype, &shape))
	return krb5_gss_key_failure (minor, KRB5_BAD_ENCTYPE);
      token->buffer.length = krb5_gss_v1_mic_size (&shape);
      return GSS_S_COMPLETE;
    }
  if (ctx->sizes_error)
    return krb5_gss_key_failure (minor, ctx->sizes_error);
  token->buffer.length = CFX_HEADER + ctx->sizes.mac_len;
  return GSS_S_COMPLETE;
}

OM_uint32
krb5_gss_get_mic_iov (OM_uint32 *minor, void *mctx, gss_qop_t qop,
		      gss_iov_buffer_desc *iov, int iov_count)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct k5_usage_key *k;
  struct k5_seg few[FEW_PIECES], *seg = NULL, slot = { NULL, 0, true };
  gss_iov_buffer_desc *token;
  size_t len, n;
  bool mine = false;
  OM_uint32 major;

  if (ctx->v1)
    return v1_get_mic_iov (minor, ctx, qop, iov, iov_count);
  major = krb5_gss_msg_key (minor, ctx, qop, K5_SIGN_SEND, &k);
  if (major)
    return major;
  token = mic_parts (iov, iov_count, &len);
  if (!fits (k, len))
    return too_long (minor);
  major = k5_iov_room (minor, token, CFX_HEADER + k->mac_len, &mine);
  if (major)
    return major;
  seg = k5_iov_pieces (iov, iov_count, few, FEW_PIECES, NULL, NULL, &slot,
		       &n);
  if (seg == NULL)
    {
      *minor = KG_NOMEM;
      major = GSS_S_FAILURE;
    }
  else
    major = make_mic (minor, ctx, k, seg, n, len, token->buffer.value);
  if (seg != few)
    free (seg);
  if (major)
    k5_iov_unroom (token, mine);
  return major;
}

OM_uint32
krb5_gss_verify_mic_iov (OM_uint32 *minor, void *mctx, gss_qop_t *qop_state,
			 gss_iov_buffer_desc *iov, int iov_count)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct k5_usage_key *k;
  struct k5_seg few[FEW_PIECES], *seg, slot = { NULL, 0, true };
  gss_iov_buffer_desc *token;
  size_t len, n;
  OM_uint32 major;

  if (ctx->v1)
    major = v1_verify_mic_iov (minor, ctx, iov, iov_count);
  else
    {
      major = krb5_gss_msg_key (minor, ctx, GSS_C_QOP_DEFAULT, K5_SIGN_RECV,
				&k);
      if (major)
	return major;
      token = mic_parts (iov, iov_count, &len);
      seg = k5_iov_pieces (iov, iov_count, few, FEW_PIECES, NULL, NULL,
			   &slot, &n);
      if (seg == NULL)
	{
	  *minor = KG_NOMEM;
	  return GSS_S_FAILURE;
	}
      major = check_mic (minor, ctx, k, seg, n, len, &token->buffer);
      if (seg != few)
	free (seg);
    }
  if (!GSS_ERROR (major) && qop_state)
    *qop_state = GSS_C_QOP_DEFAULT;
  return major;
}

/* v1token.c - MIC and Wrap tokens of RFC 1964 section 1.2 for triple
   DES and of RFC 4757 section 7 for arcfour: the RFC 2743 framing and
   TOK_ID, then SGN_ALG, SEAL_ALG and filler (little-endian), SND_SEQ,
   the checksum, and for Wrap the confounder, message and padding,
   encrypted when confidentiality was asked for.  The checksum covers
   the first eight octets and the plaintext; nothing authenticates
   SND_SEQ beyond its encryption, which the checksum keys. */
#include "k5.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>

#define HDR 8			/* TOK_ID .. filler */
#define SEQ_AT 8
#define CKSUM_AT 16
#define NO_SEAL 0xffff
/* Usages of the checksums (RFC 4757 section 7.2 and 7.3; RFC 1964's
   triple DES signs everything with the Wrap one). */
#define USAGE_SIGN 23
#define USAGE_RC4_MIC 15

static krb5_keyusage
sign_usage (const struct k5_v1_key *k, bool wrap)
{
  return k->rc4 && !wrap ? USAGE_RC4_MIC : USAGE_SIGN;
}

/* Octets of padding after a message of LEN octets. */
static size_t
pad_of (const struct k5_v1_key *k, size_t len)
{
  return k->rc4 ? 1 : 8 - len % 8;
}

/* The length of a framed token whose inner part (TOK_ID onwards) has
   INNER octets: 0x60, a DER length, the mechanism OID. */
static size_t
framed_size (size_t inner)
{
  size_t body = 2 + GSS_KRB5_static.length + inner, lenlen = 1, v;

  if (body >= 128)
    for (v = body; v; v >>= 8)
      lenlen++;
  return 1 + lenlen + body;
}

static size_t
token_size (const struct k5_v1_key *k, size_t msg_len)
{
  return framed_size (HDR + 8 + k->cksum_len + V1_CONFOUNDER + msg_len
		      + pad_of (k, msg_len));
}

/* Whether a message of LEN octets can go into a token: its checksum is
   made by libkrb5 over the header and the padded plaintext, and the
   framed token's DER length must stay below 2^31, which is all libtasn1
   reads (gss_decapsulate_token). */
static bool
len_ok (const struct k5_v1_key *k, bool wrap, size_t len)
{
  if (len > K5_LIBKRB5_MAX - HDR - V1_CONFOUNDER - 8)
    return false;
  return !wrap || token_size (k, len) <= K5_LIBKRB5_MAX;
}

size_t
krb5_gss_v1_mic_size (const struct k5_v1_key *k)
{
  return framed_size (CKSUM_AT + k->cksum_len);
}

static OM_uint32
make_token (OM_uint32 *minor, struct krb5_gss_ctx *ctx, struct k5_v1_key *k,
	    bool wrap, bool seal, const gss_buffer_t msg, gss_buffer_t out)
{
  size_t plain_len = 0, pad = 0, inner;
  unsigned char *p, *plain;
  unsigned tok_id = wrap ? V1_TOK_WRAP : V1_TOK_MIC;
  unsigned seal_alg = seal ? k->seal_alg : NO_SEAL;
  gss_buffer_desc inner_token;
  krb5_data confounder;
  krb5_error_code code;
  OM_uint32 major;

  /* Refused before any cryptography: a checksum over part of the
     message would be worse than none. */
  if (!len_ok (k, wrap, msg->length))
    {
      *minor = GSS_KRB5_S_G_WRONG_SIZE;
      return GSS_S_FAILURE;
    }
  if (wrap)
    {
      pad = pad_of (k, msg->length);
      plain_len = V1_CONFOUNDER + msg->length + pad;
    }
  inner = CKSUM_AT + k->cksum_len + plain_len;
  p = malloc (inner);
  if (p == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return GSS_S_FAILURE;
    }
  plain = p + CKSUM_AT + k->cksum_len;
  p[0] = tok_id >> 8;
  p[1] = tok_id & 0xff;
  p[2] = k->sgn_alg & 0xff;
  p[3] = k->sgn_alg >> 8;
  p[4] = seal_alg & 0xff;
  p[5] = seal_alg >> 8;
  p[6] = p[7] = 0xff;

  code = 0;
  if (wrap)
    {
      confounder.magic = KV5M_DATA;
      confounder.data = (char *) plain;
      confounder.length = V1_CONFOUNDER;
      code = krb5_c_random_make_octets (ctx->kctx, &confounder);
      if (msg->length)
	memcpy (plain + V1_CONFOUNDER, msg->value, msg->length);
      memset (plain + V1_CONFOUNDER + msg->length, (int) pad, pad);
    }
  if (!code)
    code = k5_v1_checksum (k, sign_usage (k, wrap), p,
			   wrap ? plain : msg->value,
			   wrap ? plain_len : msg->length, p + CKSUM_AT);
  if (!code)
    code = k5_v1_seal_seq (k, (uint32_t) ctx->send_seq,
			   ctx->initiator ? 0x00 : 0xff, p + CKSUM_AT,
			   p + SEQ_AT);
  if (!code && seal)
    code = k5_v1_crypt_body (k, true, (uint32_t) ctx->send_seq, plain,
			     plain_len);
  if (code)
    {
      OPENSSL_cleanse (p, inner);
      free (p);
      return krb5_gss_fail (minor, code);
    }
  /* P already starts with TOK_ID: it only needs the RFC 2743 frame. */
  inner_token.value = p;
  inner_token.length = inner;
  major = gss_encapsulate_token (&inner_token, &GSS_KRB5_static, out);
  free (p);
  if (major)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return major;
    }
  ctx->send_seq = (ctx->send_seq + 1) & 0xffffffffu;
  return GSS_S_COMPLETE;
}

/* Checks and opens a token of kind WRAP.  For a MIC the message is
   MSG; for a Wrap the message is returned in OUT. */
static OM_uint32
open_token (OM_uint32 *minor, struct krb5_gss_ctx *ctx, struct k5_v1_key *k,
	    bool wrap, const gss_buffer_t in, const gss_buffer_t msg,
	    gss_buffer_t out, int *conf_state)
{
  gss_buffer_desc storage = GSS_C_EMPTY_BUFFER;
  unsigned char *p, *plain, sum[V1_MAX_CKSUM], direction;
  size_t plain_len = 0, pad, msg_len = 0, i;
  unsigned tok_id, seal_alg;
  krb5_data body;
  krb5_error_code code;
  uint32_t seq;
  OM_uint32 major, tmp;

  if ((major = krb5_gss_unwrap_token (minor, in, &tok_id, &body, &storage)))
    return major;
  /* The body follows TOK_ID in STORAGE; P sees both. */
  p = storage.value;
  if (tok_id != (wrap ? V1_TOK_WRAP : V1_TOK_MIC)
      || body.length < HDR - 2 + 8 + k->cksum_len)
    {
      major = krb5_gss_defective (minor);
      goto cleanup;
    }
  plain = p + CKSUM_AT + k->cksum_len;
  plain_len = body.length - (CKSUM_AT - 2) - k->cksum_len;
  /* A token longer than any we would make; for a MIC, the caller's
     message is what is too long. */
  if (wrap ? plain_len > K5_LIBKRB5_MAX - HDR : !len_ok (k, false, msg->length))
    {
      if (wrap)
	major = krb5_gss_defective (minor);
      else
	{
	  *minor = GSS_KRB5_S_G_WRONG_SIZE;
	  major = GSS_S_FAILURE;
	}
      goto cleanup;
    }
  seal_alg = p[4] | (unsigned) p[5] << 8;
  if ((p[2] | (unsigned) p[3] << 8) != k->sgn_alg
      || p[6] != 0xff || p[7] != 0xff
      || (seal_alg != NO_SEAL && (!wrap || seal_alg != k->seal_alg))
      || (!wrap && plain_len != 0)
      || (wrap && (plain_len < V1_CONFOUNDER + 1
		   || (!k->rc4 && plain_len % 8 != 0))))
    {
      major = krb5_gss_defective (minor);
      goto cleanup;
    }

  code = k5_v1_open_seq (k, p + SEQ_AT, p + CKSUM_AT, &seq, &direction);
  if (code == KRB5_BAD_MSIZE)
    {
      major = krb5_gss_bad_sig (minor);
      goto cleanup;
    }
  if (!code && wrap && seal_alg != NO_SEAL)
    code = k5_v1_crypt_body (k, false, seq, plain, plain_len);
  if (!code)
    code = k5_v1_checksum (k, sign_usage (k, wrap), p,
			   wrap ? plain : msg->value,
			   wrap ? plain_len : msg->length, sum);
  if (code)
    {
      major = krb5_gss_fail (minor, code);
      goto cleanup;
    }
  if (CRYPTO_memcmp (sum, p + CKSUM_AT, k->cksum_len) != 0)
    {
      major = krb5_gss_bad_sig (minor);
      goto cleanup;
    }
  if (wrap)
    {
      /* Authentic, so a bad padding is the sender's defect. */
      pad = plain[plain_len - 1];
      if (pad == 0 || pad > (k->rc4 ? 1u : 8u)
	  || plain_len < V1_CONFOUNDER + pad)
	{
	  major = krb5_gss_defective (minor);
	  goto cleanup;
	}
      for (i = 1; i < pad; i++)
	if (plain[plain_len - 1 - i] != pad)
	  {
	    major = krb5_gss_defective (minor);
	    goto cleanup;
	  }
      msg_len = plain_len - V1_CONFOUNDER - pad;
    }
  /* A token we sent ourselves, reflected back. */
  if (direction != (ctx->initiator ? 0xff : 0x00))
    {
      *minor = KG_S_BAD_DIRECTION;
      major = GSS_S_BAD_SIG;
      goto cleanup;
    }
  major = k5_seqwin_check (&ctx->window, seq);
  if (wrap)
    {
      memmove (p, plain + V1_CONFOUNDER, msg_len);
      p[msg_len] = '\0';
      out->value = p;
      out->length = msg_len;
      storage.value = NULL;
      storage.length = 0;
      if (conf_state)
	*conf_state = seal_alg != NO_SEAL;
    }

cleanup:
  if (storage.value)
    {
      OPENSSL_cleanse (storage.value, storage.length);
      gss_release_buffer (&tmp, &storage);
    }
  return major;
}

OM_uint32
krb5_gss_v1_get_mic (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
		     struct k5_v1_key *k, const gss_buffer_t message,
		     gss_buffer_t token)
{
  return make_token (minor, ctx, k, false, false, message, token);
}

OM_uint32
krb5_gss_v1_verify_mic (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
			struct k5_v1_key *k, const gss_buffer_t message,
			const gss_buffer_t token)
{
  return open_token (minor, ctx, k, false, token, message, NULL, NULL);
}

OM_uint32
krb5_gss_v1_wrap (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
		  struct k5_v1_key *k, int conf_req, const gss_buffer_t input,
		  int *conf_state, gss_buffer_t output)
{
  OM_uint32 major = make_token (minor, ctx, k, true, conf_req != 0, input,
				output);

  if (major == GSS_S_COMPLETE && conf_state)
    *conf_state = conf_req != 0;
  return major;
}

OM_uint32
krb5_gss_v1_unwrap (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
		    struct k5_v1_key *k, const gss_buffer_t input,
		    gss_buffer_t output, int *conf_state)
{
  return open_token (minor, ctx, k, true, input, NULL, output, conf_state);
}

/* The largest message whose token fits REQ and that gss_wrap takes,
   confidentiality or not: both carry the same confounder and padding. */
OM_uint32
krb5_gss_v1_wrap_size_limit (const struct k5_v1_key *k, OM_uint32 req)
{
  size_t n, fixed = token_size (k, 0);

  if (fixed > req)
    return 0;
  n = req - fixed;
  /* Near the largest len_ok takes, then down the few octets of
     framing and padding. */
  if (!len_ok (k, true, n))
    n = K5_LIBKRB5_MAX - HDR - V1_CONFOUNDER - 8;
  while (n > 0 && !len_ok (k, true, n))
    n--;
  /* TOKEN_SIZE grows with N by steps; walk to the last N that fits. */
  while (n > 0 && token_size (k, n) > req)
    n--;
  while (len_ok (k, true, n + 1) && token_size (k, n + 1) <= req)
    n++;
  return (OM_uint32) n;
}

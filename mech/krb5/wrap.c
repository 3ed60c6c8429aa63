/* wrap.c - Wrap tokens (RFC 4121 section 4.2.6.2).  With
   confidentiality: the header, then the encryption of {confounder,
   message, header copy}; without: the header, the message and a
   checksum over the message and the header with EC and RRC zero.  We
   send RRC 0 and accept any rotation a peer chose. */
#include "cfx.h"
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

/* Room the in-place CBC-CTS needs past the end of its data. */
#define CTS_SLACK 16

static void
put_header (const struct krb5_gss_ctx *ctx, unsigned char *p, bool sealed,
	    unsigned ec)
{
  p[0] = CFX_TOK_WRAP >> 8;
  p[1] = CFX_TOK_WRAP & 0xff;
  p[2] = ctx->token_flags | (sealed ? CFX_FLAG_SEALED : 0);
  p[3] = 0xff;
  p[4] = (unsigned char) (ec >> 8);
  p[5] = (unsigned char) ec;
  p[6] = 0;			/* RRC */
  p[7] = 0;
  cfx_put_be64 (p + 8, ctx->send_seq);
}

/* Octets a Wrap token adds to the message. */
static size_t
wrap_overhead (const struct k5_sizes *z, int conf_req)
{
  return conf_req ? CFX_HEADER + z->header_len + CFX_HEADER + z->trailer_len
    : CFX_HEADER + z->mac_len;
}

OM_uint32
krb5_gss_wrap (OM_uint32 *minor, void *mctx, int conf_req, gss_qop_t qop,
	       const gss_buffer_t input, int *conf_state, gss_buffer_t output)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct k5_usage_key *k;
  size_t overhead, total, body;
  unsigned char *p;
  krb5_error_code code;
  struct k5_v1_key *v1;
  OM_uint32 major;

  if (ctx->v1)
    {
      major = krb5_gss_v1_msg_key (minor, ctx, qop, &v1);
      return major ? major : krb5_gss_v1_wrap (minor, ctx, v1, conf_req,
					       input, conf_state, output);
    }
  major = krb5_gss_msg_key (minor, ctx, qop, K5_SEAL_SEND, &k);
  if (major)
    return major;
  overhead = wrap_overhead (&ctx->sizes, conf_req);
  /* Every length below fits (no object exceeds PTRDIFF_MAX), and on
     the libkrb5 path the token fits what libkrb5 takes; refused before
     any cryptography. */
  if (input->length > PTRDIFF_MAX - CTS_SLACK - overhead
      || !k5_len_ok (k->fast, input->length + overhead))
    {
      *minor = GSS_KRB5_S_G_WRONG_SIZE;
      return GSS_S_FAILURE;
    }
  total = input->length + overhead;
  body = conf_req ? k->header_len + input->length + CFX_HEADER
    : input->length;
  p = malloc (total + CTS_SLACK);
  if (p == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return GSS_S_FAILURE;
    }

  if (conf_req)
    {
      /* EC 0: AES and Camellia need no padding. */
      put_header (ctx, p, true, 0);
      memcpy (p + CFX_HEADER + k->header_len, input->value, input->length);
      memcpy (p + CFX_HEADER + k->header_len + input->length, p, CFX_HEADER);
      /* The header, copied, is scratch to the encryption until it is
	 put back. */
      code = k5_encrypt_scratch (k, p + CFX_HEADER, body);
      put_header (ctx, p, true, 0);
    }
  else
    {
      put_header (ctx, p, false, 0);
      memcpy (p + CFX_HEADER, input->value, input->length);
      code = k5_checksum (k, input->value, input->length, p, CFX_HEADER,
			  p + CFX_HEADER + body);
      p[4] = (unsigned char) (k->mac_len >> 8);
      p[5] = (unsigned char) k->mac_len;
    }
  if (code)
    {
      free (p);
      return krb5_gss_fail (minor, code);
    }
  ctx->send_seq++;
  output->value = p;
  output->length = total;
  if (conf_state)
    *conf_state = conf_req ? 1 : 0;
  return GSS_S_COMPLETE;
}

/* Copies the LEN octets at SRC, rotated right by RRC, back into their
   unrotated order at DST. */
static void
unrotate (unsigned char *dst, const unsigned char *src, size_t len, size_t rrc)
{
  memcpy (dst, src + rrc, len - rrc);
  memcpy (dst + len - rrc, src, rrc);
}

OM_uint32
krb5_gss_unwrap (OM_uint32 *minor, void *mctx, const gss_buffer_t input,
		 gss_buffer_t output, int *conf_state, gss_qop_t *qop_state)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct k5_usage_key *k;
  const unsigned char *hdr = input->value;
  unsigned char *buf = NULL, *tok, zeroed[CFX_HEADER], mac[K5_MAX_MAC];
  size_t body, ec, rrc, msg_len, pre;
  bool sealed;
  krb5_error_code code;
  struct k5_v1_key *v1;
  OM_uint32 major;

  if (ctx->v1)
    {
      major = krb5_gss_v1_msg_key (minor, ctx, GSS_C_QOP_DEFAULT, &v1);
      if (!major)
	major = krb5_gss_v1_unwrap (minor, ctx, v1, input, output,
				    conf_state);
      if (!GSS_ERROR (major) && qop_state)
	*qop_state = GSS_C_QOP_DEFAULT;
      return major;
    }
  major = krb5_gss_msg_key (minor, ctx, GSS_C_QOP_DEFAULT, K5_SEAL_RECV, &k);
  if (major)
    return major;
  if (input->length < CFX_HEADER || hdr[0] != (CFX_TOK_WRAP >> 8)
      || hdr[1] != (CFX_TOK_WRAP & 0xff) || hdr[3] != 0xff
      || !cfx_flags_ok (ctx, hdr[2]))
    return krb5_gss_defective (minor);
  /* No token we would send is this long. */
  if (!k5_len_ok (k->fast, input->length))
    return krb5_gss_defective (minor);
  sealed = (hdr[2] & CFX_FLAG_SEALED) != 0;
  ec = (size_t) hdr[4] << 8 | hdr[5];
  rrc = (size_t) hdr[6] << 8 | hdr[7];
  body = input->length - CFX_HEADER;
  /* RRC is a rotation (RFC 4121 section 4.2.5) and any count is the
     sender's to choose: Heimdal rotates an empty integrity-only body by
     its own length.  The checksum leaves RRC out, so only the count
     modulo the body matters. */
  rrc = body > 0 ? rrc % body : 0;

  /* The body goes to TOK, after the decryption's scratch room when it
     is sealed (the message is moved to the start of BUF in any case). */
  pre = sealed ? K5_SCRATCH : 0;
  buf = malloc (pre + body + 1);
  if (buf == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return GSS_S_FAILURE;
    }
  tok = buf + pre;
  unrotate (tok, hdr + CFX_HEADER, body, rrc);

  if (sealed)
    {
      if (body < k->header_len + ec + CFX_HEADER + k->trailer_len)
	{
	  major = krb5_gss_defective (minor);
	  goto cleanup;
	}
      code = k5_decrypt_scratch (k, tok, body - k->trailer_len);
      /* Memory or the cryptography failing is ours, not the peer's. */
      if (code && code != KRB5KRB_AP_ERR_BAD_INTEGRITY
	  && code != KRB5_BAD_MSIZE)
	{
	  major = krb5_gss_fail (minor, code);
	  goto cleanup;
	}
      if (code)
	{
	  major = krb5_gss_bad_sig (minor);
	  goto cleanup;
	}
      /* The encrypted header copy must repeat the header, RRC zero. */
      msg_len = body - k->trailer_len - k->header_len - ec - CFX_HEADER;
      memcpy (zeroed, hdr, CFX_HEADER);
      zeroed[6] = zeroed[7] = 0;
      if (CRYPTO_memcmp (tok + k->header_len + msg_len + ec, zeroed,
			 CFX_HEADER) != 0)
	{
	  major = krb5_gss_bad_sig (minor);
	  goto cleanup;
	}
      memmove (buf, tok + k->header_len, msg_len);
    }
  else
    {
      if (ec != k->mac_len || body < ec)
	{
	  major = krb5_gss_defective (minor);
	  goto cleanup;
	}
      msg_len = body - ec;
      memcpy (zeroed, hdr, CFX_HEADER);
      memset (zeroed + 4, 0, 4);
      code = k5_checksum (k, tok, msg_len, zeroed, CFX_HEADER, mac);
      if (code)
	{
	  major = krb5_gss_fail (minor, code);
	  goto cleanup;
	}
      if (CRYPTO_memcmp (mac, tok + msg_len, k->mac_len) != 0)
	{
	  major = krb5_gss_bad_sig (minor);
	  goto cleanup;
	}
    }

  major = k5_seqwin_check (&ctx->window, cfx_get_be64 (hdr + 8));
  buf[msg_len] = '\0';
  output->value = buf;
  output->length = msg_len;
  buf = NULL;
  if (conf_state)
    *conf_state = sealed;
  if (qop_state)
    *qop_state = GSS_C_QOP_DEFAULT;

cleanup:
  free (buf);
  return major;
}

OM_uint32
krb5_gss_wrap_size_limit (OM_uint32 *minor, const void *mctx, int conf_req,
			  gss_qop_t qop, OM_uint32 req_output_size,
			  OM_uint32 *max_input_size)
{
  /* Only reads the context: sizes come from the enctype, and the keys
     are left to the calls that use them. */
  const struct krb5_gss_ctx *ctx = mctx;
  struct k5_v1_key shape;
  size_t overhead, limit;
  OM_uint32 major;

  major = krb5_gss_ctx_usable (minor, ctx, qop);
  if (major)
    return major;
  if (ctx->v1)
    {
      if (!k5_v1_shape (ctx->msg_base->enctype, &shape))
	return krb5_gss_key_failure (minor, KRB5_BAD_ENCTYPE);
      *max_input_size = krb5_gss_v1_wrap_size_limit (&shape, req_output_size);
      return GSS_S_COMPLETE;
    }
  if (ctx->sizes_error)
    return krb5_gss_key_failure (minor, ctx->sizes_error);
  overhead = wrap_overhead (&ctx->sizes, conf_req);
  limit = req_output_size;
  /* Never more than gss_wrap takes. */
  if (!ctx->sizes.fast && limit > K5_LIBKRB5_MAX)
    limit = K5_LIBKRB5_MAX;
  *max_input_size = limit >= overhead ? (OM_uint32) (limit - overhead) : 0;
  return GSS_S_COMPLETE;
}

/* v1iov.c - RFC 1964 (triple DES) and RFC 4757 (arcfour) Wrap tokens
 * in the application's buffers, laid out as MIT's k5sealiov.c and
 * k5unsealiov.c lay them so that tokens go both ways:
 *
 *   HEADER:  RFC 2743 framing, TOK_ID, SGN_ALG, SEAL_ALG, filler,
 *            SND_SEQ, SGN_CKSUM, confounder
 *   DATA:    the message, encrypted in place when sealed
 *   PADDING: 1 to 8 octets (des3), or 1 (arcfour), each the count
 *
 * The concatenation is the token gss_wrap makes.  There is no trailer:
 * a TRAILER buffer gets length 0.  The checksum covers the first eight
 * octets, the confounder, then the DATA, SIGN_ONLY and PADDING buffers
 * in the array's order; the encryption runs over the confounder, DATA
 * and PADDING.
 *
 * In a GSS_C_DCE_STYLE context DCE/RPC pads its stub itself and sends
 * the HEADER apart from the message, so (as MIT does it) no padding is
 * added: the PADDING buffer is optional and gets length 0, the DATA
 * must fill whole triple-DES blocks (any length for arcfour), and the
 * RFC 2743 framing counts the HEADER alone.  The receiver leaves any
 * padding in DATA to the caller, and takes no STREAM.
 */
#include "k5.h"
#include <openssl/crypto.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define HDR 8			/* TOK_ID .. filler */
#define NO_SEAL 0xffff
#define USAGE_SIGN 23
/* After TOK_ID: SGN_ALG to filler (6), SND_SEQ (8). */
#define FIXED 14
#define FEW 10

struct v1parts
{
  gss_iov_buffer_desc *header, *trailer, *padding, *stream, *last_data;
  size_t data, sign;		/* DATA and SIGN_ONLY octets */
  size_t count;			/* DATA, SIGN_ONLY and PADDING buffers */
  bool overflow;
};

static void
find_parts (gss_iov_buffer_desc *iov, int n, struct v1parts *p)
{
  int i;

  memset (p, 0, sizeof *p);
  for (i = 0; i < n; i++)
    {
      size_t len = iov[i].buffer.length;

      switch (GSS_IOV_BUFFER_TYPE (iov[i].type))
	{
	case GSS_IOV_BUFFER_TYPE_HEADER:
	  p->header = &iov[i];
	  break;
	case GSS_IOV_BUFFER_TYPE_TRAILER:
	  p->trailer = &iov[i];
	  break;
	case GSS_IOV_BUFFER_TYPE_PADDING:
	  p->padding = &iov[i];
	  p->count++;
	  break;
	case GSS_IOV_BUFFER_TYPE_STREAM:
	  p->stream = &iov[i];
	  break;
	case GSS_IOV_BUFFER_TYPE_DATA:
	  p->last_data = &iov[i];
	  p->count++;
	  if (len > K5_LIBKRB5_MAX - p->data)
	    p->overflow = true;
	  else
	    p->data += len;
	  break;
	case GSS_IOV_BUFFER_TYPE_SIGN_ONLY:
	  p->count++;
	  if (len > K5_LIBKRB5_MAX - p->sign)
	    p->overflow = true;
	  else
	    p->sign += len;
	  break;
	default:
	  break;
	}
    }
}

static bool
dce_style (const struct krb5_gss_ctx *ctx)
{
  return (ctx->flags & GSS_C_DCE_STYLE) != 0;
}

static size_t
pad_of (const struct k5_v1_key *k, size_t len)
{
  return k->rc4 ? 1 : 8 - len % 8;
}

static size_t
der_len_size (size_t v)
{
  size_t n = 1;

  if (v >= 128)
    for (; v; v >>= 8)
      n++;
  return n;
}

/* The framing before TOK_ID for a token whose inner part (TOK_ID
   onwards) has INNER octets. */
static size_t
framing_size (size_t inner)
{
  size_t body = 2 + GSS_KRB5_static.length + inner;

  return 1 + der_len_size (body) + 2 + GSS_KRB5_static.length;
}

/* The HEADER's length for a message of DATA octets; in DCE style the
   framing leaves the message out. */
static size_t
header_size (const struct k5_v1_key *k, size_t data, bool dce)
{
  size_t inner = 2 + FIXED + k->cksum_len + V1_CONFOUNDER
    + (dce ? 0 : data + pad_of (k, data));

  return framing_size (inner) + 2 + FIXED + k->cksum_len + V1_CONFOUNDER;
}

/* Whether a message of DATA octets with SIGN octets of SIGN_ONLY
   buffers can go into a token: libkrb5 takes less than 2^31 octets,
   and so does gss_unwrap of the whole token.  A few octets short of
   what gss_wrap takes, to keep the sum simple. */
static bool
len_ok (size_t data, size_t sign)
{
  return data <= K5_LIBKRB5_MAX - 128 && sign <= K5_LIBKRB5_MAX - 128 - data;
}

OM_uint32
krb5_gss_v1_wrap_iov_length (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
			     int conf_req, gss_qop_t qop, int *conf_state,
			     gss_iov_buffer_desc *iov, int iov_count)
{
  struct k5_v1_key shape;
  struct v1parts p;
  bool dce = dce_style (ctx);
  OM_uint32 major;

  major = krb5_gss_ctx_usable (minor, ctx, qop);
  if (major)
    return major;
  if (!k5_v1_shape (ctx->msg_base->enctype, &shape))
    {
      *minor = (OM_uint32) KRB5_BAD_ENCTYPE;
      return GSS_S_UNAVAILABLE;
    }
  find_parts (iov, iov_count, &p);
  if (p.padding == NULL && !dce)
    {
      *minor = (OM_uint32) KRB5_BAD_MSIZE;
      return GSS_S_FAILURE;
    }
  if (p.overflow || !len_ok (p.data, p.sign))
    {
      *minor = GSS_KRB5_S_G_WRONG_SIZE;
      return GSS_S_FAILURE;
    }
  p.header->buffer.length = header_size (&shape, p.data, dce);
  if (p.padding)
    p.padding->buffer.length = dce ? 0 : pad_of (&shape, p.data);
  if (p.trailer)
    p.trailer->buffer.length = 0;
  if (conf_state)
    *conf_state = conf_req != 0;
  return GSS_S_COMPLETE;
}

/* libkrb5's pieces for the token: a slot, the confounder CONF, the
   DATA, SIGN_ONLY and PADDING buffers in their order, a slot (see
   k5_v1_checksum_iov).  FEW is used when large enough. */
static krb5_crypto_iov *
pieces (gss_iov_buffer_desc *iov, int count, const struct v1parts *p,
	unsigned char *conf, krb5_crypto_iov *few, size_t *n)
{
  krb5_crypto_iov *k = few;
  size_t want = p->count + 3, j = 0;
  int i;

  if (want > FEW)
    {
      k = calloc (want, sizeof *k);
      if (k == NULL)
	return NULL;
    }
  memset (&k[j++], 0, sizeof *k);
  k[j].flags = KRB5_CRYPTO_TYPE_DATA;
  k[j].data.magic = KV5M_DATA;
  k[j].data.length = V1_CONFOUNDER;
  k[j++].data.data = (char *) conf;
  for (i = 0; i < count; i++)
    {
      OM_uint32 type = GSS_IOV_BUFFER_TYPE (iov[i].type);

      if (type != GSS_IOV_BUFFER_TYPE_DATA
	  && type != GSS_IOV_BUFFER_TYPE_SIGN_ONLY
	  && type != GSS_IOV_BUFFER_TYPE_PADDING)
	continue;
      k[j].flags = type == GSS_IOV_BUFFER_TYPE_SIGN_ONLY
	? KRB5_CRYPTO_TYPE_SIGN_ONLY : KRB5_CRYPTO_TYPE_DATA;
      k[j].data.magic = KV5M_DATA;
      k[j].data.length = (unsigned int) iov[i].buffer.length;
      k[j++].data.data = iov[i].buffer.value;
    }
  memset (&k[j++], 0, sizeof *k);
  *n = j;
  return k;
}

OM_uint32
krb5_gss_v1_wrap_iov (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
		      int conf_req, gss_qop_t qop, int *conf_state,
		      gss_iov_buffer_desc *iov, int iov_count)
{
  struct k5_v1_key *k;
  struct v1parts p;
  krb5_crypto_iov few[FEW], *kiov = NULL;
  unsigned char *h, *t;
  unsigned seal_alg = NO_SEAL;
  bool header_mine = false, padding_mine = false, dce = dce_style (ctx);
  size_t hlen, pad, inner, body, n = 0, i;
  krb5_data confounder;
  krb5_error_code code;
  OM_uint32 major;

  major = krb5_gss_v1_msg_key (minor, ctx, qop, &k);
  if (major)
    return major;
  find_parts (iov, iov_count, &p);
  /* Unpadded DCE-style DATA must fill whole cipher blocks (MIT's
     KRB5_BAD_MSIZE too). */
  if ((p.padding == NULL && !dce) || (dce && !k->rc4 && p.data % 8 != 0))
    {
      *minor = (OM_uint32) KRB5_BAD_MSIZE;
      return GSS_S_FAILURE;
    }
  /* Refused before any cryptography, as gss_wrap does. */
  if (p.overflow || !len_ok (p.data, p.sign))
    {
      *minor = GSS_KRB5_S_G_WRONG_SIZE;
      return GSS_S_FAILURE;
    }
  if (conf_req)
    seal_alg = k->seal_alg;
  hlen = header_size (k, p.data, dce);
  pad = dce ? 0 : pad_of (k, p.data);
  major = k5_iov_room (minor, p.header, hlen, &header_mine);
  if (!major && !dce)
    major = k5_iov_room (minor, p.padding, pad, &padding_mine);
  if (major)
    goto cleanup;
  if (p.trailer)
    p.trailer->buffer.length = 0;
  if (p.padding)
    p.padding->buffer.length = pad;
  /* In DCE style an unallocated PADDING may have no storage. */
  if (pad)
    memset (p.padding->buffer.value, (int) pad, pad);

  h = p.header->buffer.value;
  inner = 2 + FIXED + k->cksum_len + V1_CONFOUNDER + (dce ? 0 : p.data + pad);
  body = 2 + GSS_KRB5_static.length + inner;
  *h++ = 0x60;
  if (body < 128)
    *h++ = (unsigned char) body;
  else
    {
      size_t octets = der_len_size (body) - 1;

      *h++ = (unsigned char) (0x80 | octets);
      for (i = octets; i > 0; i--)
	*h++ = (unsigned char) (body >> (8 * (i - 1)));
    }
  *h++ = 0x06;
  *h++ = (unsigned char) GSS_KRB5_static.length;
  memcpy (h, GSS_KRB5_static.elements, GSS_KRB5_static.length);
  h += GSS_KRB5_static.length;
  /* H is TOK_ID now; T the confounder. */
  h[0] = V1_TOK_WRAP >> 8;
  h[1] = V1_TOK_WRAP & 0xff;
  h[2] = k->sgn_alg & 0xff;
  h[3] = k->sgn_alg >> 8;
  h[4] = seal_alg & 0xff;
  h[5] = seal_alg >> 8;
  h[6] = h[7] = 0xff;
  t = h + 2 + FIXED + k->cksum_len;

  confounder.magic = KV5M_DATA;
  confounder.data = (char *) t;
  confounder.length = V1_CONFOUNDER;
  code = krb5_c_random_make_octets (ctx->kctx, &confounder);
  if (!code)
    {
      kiov = pieces (iov, iov_count, &p, t, few, &n);
      if (kiov == NULL)
	code = ENOMEM;
    }
  if (!code)
    code = k5_v1_checksum_iov (k, USAGE_SIGN, h, kiov, n, h + 2 + FIXED);
  if (!code)
    code = k5_v1_seal_seq (k, (uint32_t) ctx->send_seq,
			   ctx->initiator ? 0x00 : 0xff, h + 2 + FIXED,
			   h + HDR);
  if (!code && conf_req)
    code = k5_v1_crypt_iov (k, true, (uint32_t) ctx->send_seq, kiov, n);
  if (code == ENOMEM)
    {
      *minor = KG_NOMEM;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  if (code)
    {
      major = krb5_gss_fail (minor, code);
      goto cleanup;
    }
  ctx->send_seq = (ctx->send_seq + 1) & 0xffffffffu;
  if (conf_state)
    *conf_state = conf_req != 0;

cleanup:
  if (kiov != few)
    free (kiov);
  if (major)
    {
      k5_iov_unroom (p.header, header_mine);
      k5_iov_unroom (p.padding, padding_mine);
    }
  return major;
}

/* Reads the RFC 2743 framing at the start of H (LEN octets): *AT is
   where TOK_ID starts, *TOTAL the framed token's length. */
static bool
read_framing (const unsigned char *h, size_t len, size_t *at, size_t *total)
{
  size_t i = 0, body = 0, octets;

  if (len < 2 || h[i++] != 0x60)
    return false;
  if (h[i] < 128)
    body = h[i++];
  else
    {
      octets = h[i++] & 0x7f;
      if (octets == 0 || octets > 4 || len < i + octets)
	return false;
      while (octets--)
	body = body << 8 | h[i++];
      if (body < 128)
	return false;
    }
  if (body > K5_LIBKRB5_MAX || len < i + 2 + GSS_KRB5_static.length
      || h[i] != 0x06 || h[i + 1] != GSS_KRB5_static.length
      || memcmp (h + i + 2, GSS_KRB5_static.elements,
		 GSS_KRB5_static.length) != 0)
    return false;
  *total = i + body;
  *at = i + 2 + GSS_KRB5_static.length;
  return true;
}

/* Checks and opens the token in IOV's HEADER, DATA and PADDING. */
static OM_uint32
open_parts (OM_uint32 *minor, struct krb5_gss_ctx *ctx, struct k5_v1_key *k,
	    struct v1parts *p, gss_iov_buffer_desc *iov, int iov_count,
	    int *conf_state)
{
  krb5_crypto_iov few[FEW], *kiov = NULL;
  unsigned char *h, *pad_at, sum[V1_MAX_CKSUM], direction;
  size_t at, total, plen, n = 0, pad, i;
  unsigned seal_alg;
  krb5_error_code code;
  uint32_t seq;
  bool dce = dce_style (ctx);
  OM_uint32 major;

  if (p->trailer && p->trailer->buffer.length != 0)
    return krb5_gss_defective (minor);
  plen = p->padding ? p->padding->buffer.length : 0;
  h = p->header->buffer.value;
  /* In DCE style a PADDING is more message, as MIT takes it. */
  if (p->overflow || plen > (dce ? K5_LIBKRB5_MAX : 8)
      || !len_ok (p->data + plen, p->sign)
      || !read_framing (h, p->header->buffer.length, &at, &total))
    return krb5_gss_defective (minor);
  /* The HEADER holds exactly the framing to the confounder, and the
     framing counts the message and padding (not in DCE style). */
  if (p->header->buffer.length != at + 2 + FIXED + k->cksum_len
      + V1_CONFOUNDER
      || total != p->header->buffer.length + (dce ? 0 : p->data + plen))
    return krb5_gss_defective (minor);
  h += at;
  seal_alg = h[4] | (unsigned) h[5] << 8;
  if (h[0] != (V1_TOK_WRAP >> 8) || h[1] != (V1_TOK_WRAP & 0xff)
      || (h[2] | (unsigned) h[3] << 8) != k->sgn_alg
      || h[6] != 0xff || h[7] != 0xff
      || (seal_alg != NO_SEAL && seal_alg != k->seal_alg)
      || (!k->rc4 && (p->data + plen) % 8 != 0))
    return krb5_gss_defective (minor);

  code = k5_v1_open_seq (k, h + HDR, h + 2 + FIXED, &seq, &direction);
  if (code == KRB5_BAD_MSIZE)
    return krb5_gss_bad_sig (minor);
  if (!code)
    {
      kiov = pieces (iov, iov_count, p, h + 2 + FIXED + k->cksum_len, few,
		     &n);
      if (kiov == NULL)
	code = ENOMEM;
    }
  if (!code && seal_alg != NO_SEAL)
    code = k5_v1_crypt_iov (k, false, seq, kiov, n);
  if (!code)
    code = k5_v1_checksum_iov (k, USAGE_SIGN, h, kiov, n, sum);
  if (kiov != few)
    free (kiov);
  if (code == ENOMEM)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  if (code)
    return krb5_gss_fail (minor, code);
  if (CRYPTO_memcmp (sum, h + 2 + FIXED, k->cksum_len) != 0)
    return krb5_gss_bad_sig (minor);
  /* Authentic, so a bad padding is the sender's defect.  The padding
     may begin at the end of the last DATA buffer (as MIT reads a
     STREAM); without a PADDING buffer, or in DCE style, it is left to
     the caller. */
  if (plen && !dce)
    {
      pad_at = p->padding->buffer.value;
      pad = pad_at[plen - 1];
      if (pad == 0 || pad > (k->rc4 ? 1u : 8u) || pad < plen
	  || p->last_data == NULL
	  || pad - plen > p->last_data->buffer.length)
	return krb5_gss_defective (minor);
      for (i = 0; i < plen; i++)
	if (pad_at[i] != pad)
	  return krb5_gss_defective (minor);
      pad_at = (unsigned char *) p->last_data->buffer.value
	+ p->last_data->buffer.length - (pad - plen);
      for (i = 0; i < pad - plen; i++)
	if (pad_at[i] != pad)
	  return krb5_gss_defective (minor);
      p->last_data->buffer.length -= pad - plen;
      p->padding->buffer.length = 0;
    }
  /* A token we sent ourselves, reflected back. */
  if (direction != (ctx->initiator ? 0xff : 0x00))
    {
      *minor = KG_S_BAD_DIRECTION;
      return GSS_S_BAD_SIG;
    }
  major = k5_seqwin_check (&ctx->window, seq);
  if (conf_state)
    *conf_state = seal_alg != NO_SEAL;
  return major;
}

/* A whole token in a STREAM: taken apart into HEADER, DATA (all but
   the last octet) and a PADDING of one octet, the rest of the padding
   found after decryption.  In place, or in a copy of the whole token
   when DATA is to be allocated: the confounder is decrypted too. */
static OM_uint32
open_stream (OM_uint32 *minor, struct krb5_gss_ctx *ctx, struct k5_v1_key *k,
	     struct v1parts *p, gss_iov_buffer_desc *iov, int iov_count,
	     int *conf_state)
{
  gss_iov_buffer_desc few[FEW], *t = few, *data = NULL;
  unsigned char *s = p->stream->buffer.value, *copy = NULL, *at_data;
  size_t len = p->stream->buffer.length, at, total, hlen, rest;
  struct v1parts q;
  int i, j = 0;
  OM_uint32 major;

  if (!read_framing (s, len, &at, &total) || total != len)
    return krb5_gss_defective (minor);
  hlen = at + 2 + FIXED + k->cksum_len + V1_CONFOUNDER;
  if (len < hlen + 1)
    return krb5_gss_defective (minor);
  rest = len - hlen;
  if ((size_t) iov_count + 2 > FEW)
    {
      t = calloc ((size_t) iov_count + 2, sizeof *t);
      if (t == NULL)
	{
	  *minor = KG_NOMEM;
	  return GSS_S_FAILURE;
	}
    }
  if (p->last_data->type & GSS_IOV_BUFFER_FLAG_ALLOCATE)
    {
      copy = malloc (len);
      if (copy == NULL)
	{
	  *minor = KG_NOMEM;
	  major = GSS_S_FAILURE;
	  goto cleanup;
	}
      memcpy (copy, s, len);
      s = copy;
    }
  at_data = s + hlen;
  t[j].type = GSS_IOV_BUFFER_TYPE_HEADER;
  t[j].buffer.value = s;
  t[j++].buffer.length = hlen;
  for (i = 0; i < iov_count; i++)
    {
      OM_uint32 type = GSS_IOV_BUFFER_TYPE (iov[i].type);

      if (type != GSS_IOV_BUFFER_TYPE_DATA
	  && type != GSS_IOV_BUFFER_TYPE_SIGN_ONLY)
	continue;
      t[j] = iov[i];
      if (type == GSS_IOV_BUFFER_TYPE_DATA)
	{
	  data = &t[j];
	  data->buffer.value = at_data;
	  data->buffer.length = rest - 1;
	}
      j++;
    }
  t[j].type = GSS_IOV_BUFFER_TYPE_PADDING;
  t[j].buffer.value = at_data + rest - 1;
  t[j++].buffer.length = 1;
  find_parts (t, j, &q);
  major = open_parts (minor, ctx, k, &q, t, j, conf_state);
  if (!GSS_ERROR (major))
    {
      p->last_data->buffer = data->buffer;
      if (copy)
	{
	  /* The message to the start of the storage the caller frees. */
	  memmove (copy, at_data, data->buffer.length);
	  OPENSSL_cleanse (copy + data->buffer.length,
			   len - data->buffer.length);
	  p->last_data->buffer.value = copy;
	  p->last_data->type |= GSS_IOV_BUFFER_FLAG_ALLOCATED;
	}
      copy = NULL;
    }

cleanup:
  if (copy)
    {
      OPENSSL_cleanse (copy, len);
      free (copy);
    }
  if (t != few)
    free (t);
  return major;
}

OM_uint32
krb5_gss_v1_unwrap_iov (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
			int *conf_state, gss_qop_t *qop_state,
			gss_iov_buffer_desc *iov, int iov_count)
{
  struct k5_v1_key *k;
  struct v1parts p;
  int conf = 0;
  OM_uint32 major;

  major = krb5_gss_v1_msg_key (minor, ctx, GSS_C_QOP_DEFAULT, &k);
  if (major)
    return major;
  find_parts (iov, iov_count, &p);
  if (p.stream && dce_style (ctx))
    {
      /* MIT refuses it too: DCE/RPC never sends a token in one piece. */
      *minor = GSS_KRB5_S_G_BAD_USAGE;
      return GSS_S_FAILURE;
    }
  if (p.stream)
    major = open_stream (minor, ctx, k, &p, iov, iov_count, &conf);
  else
    major = open_parts (minor, ctx, k, &p, iov, iov_count, &conf);
  if (!GSS_ERROR (major))
    {
      if (conf_state)
	*conf_state = conf;
      if (qop_state)
	*qop_state = GSS_C_QOP_DEFAULT;
    }
  return major;
}

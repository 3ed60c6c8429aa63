/* iov.c - RFC 4121 Wrap tokens in the application's buffers
 * (gss_wrap_iov, gss_unwrap_iov, gss_wrap_iov_length).
 *
 * The token is HEADER | DATA... | TRAILER with the SIGN_ONLY buffers
 * signed in their places.  Sealed, the HEADER holds the 16-octet token
 * header and the confounder, the TRAILER holds EC filler octets, the
 * encrypted header copy and the integrity part; integrity-only, the
 * TRAILER is the checksum.  Without a TRAILER buffer the trailer sits
 * right after the 16 octets of the header, which is the token rotated
 * right by the trailer's length (RRC): what DCE/RPC and SMB send.  A
 * GSS_C_DCE_STYLE context follows MS-KILE there: EC is one block of
 * filler even though no padding is needed, and RRC leaves EC out.
 * The layout and the checks are those of MIT's k5sealv3iov.c so that
 * tokens go both ways.
 */
#include "cfx.h"
#include "segcrypto.h"
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

/* The parts of a token in an IOV array (lib/ checked there is at most
   one of each). */
struct parts
{
  gss_iov_buffer_desc *header, *trailer, *padding, *stream, *data;
  size_t message;		/* DATA and SIGN_ONLY octets */
  bool overflow;
};

static void
find_parts (gss_iov_buffer_desc *iov, int count, struct parts *p)
{
  int i;

  memset (p, 0, sizeof *p);
  for (i = 0; i < count; i++)
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
	break;
      case GSS_IOV_BUFFER_TYPE_STREAM:
	p->stream = &iov[i];
	break;
      case GSS_IOV_BUFFER_TYPE_DATA:
      case GSS_IOV_BUFFER_TYPE_SIGN_ONLY:
	if (GSS_IOV_BUFFER_TYPE (iov[i].type) == GSS_IOV_BUFFER_TYPE_DATA)
	  p->data = &iov[i];
	if (iov[i].buffer.length > SIZE_MAX - p->message)
	  p->overflow = true;
	else
	  p->message += iov[i].buffer.length;
	break;
      default:
	break;
      }
}

/* The lengths of a token's parts. */
struct shape
{
  size_t header, trailer;	/* of the HEADER and TRAILER buffers */
  size_t ec, rrc;
};

static bool
dce_style (const struct krb5_gss_ctx *ctx)
{
  return (ctx->flags & GSS_C_DCE_STYLE) != 0;
}

static void
shape_of (const struct krb5_gss_ctx *ctx, const struct k5_sizes *z,
	  bool sealed, bool has_trailer, struct shape *s)
{
  size_t trailer;

  /* MS-KILE 3.4.5.4.1: Windows refuses an EC of 0 in DCE style. */
  s->ec = sealed && dce_style (ctx) ? 16 : 0;
  trailer = sealed ? s->ec + CFX_HEADER + z->trailer_len : z->mac_len;
  s->header = CFX_HEADER + (sealed ? z->header_len : 0);
  s->rrc = 0;
  s->trailer = trailer;
  if (!has_trailer)
    {
      /* Windows rotates by EC + RRC: RRC leaves the filler out. */
      s->rrc = sealed && dce_style (ctx) ? trailer - s->ec : trailer;
      s->header += trailer;
      s->trailer = 0;
    }
}

OM_uint32
krb5_gss_wrap_iov_length (OM_uint32 *minor, void *mctx, int conf_req,
			  gss_qop_t qop, int *conf_state,
			  gss_iov_buffer_desc *iov, int iov_count)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct parts p;
  struct shape s;
  OM_uint32 major;

  if (ctx->v1)
    return krb5_gss_v1_wrap_iov_length (minor, ctx, conf_req, qop,
					conf_state, iov, iov_count);
  major = krb5_gss_ctx_usable (minor, ctx, qop);
  if (major)
    return major;
  if (ctx->sizes_error)
    return krb5_gss_key_failure (minor, ctx->sizes_error);
  find_parts (iov, iov_count, &p);
  shape_of (ctx, &ctx->sizes, conf_req != 0, p.trailer != NULL, &s);
  p.header->buffer.length = s.header;
  if (p.trailer)
    p.trailer->buffer.length = s.trailer;
  if (p.padding)
    p.padding->buffer.length = 0;
  if (conf_state)
    *conf_state = conf_req != 0;
  return GSS_S_COMPLETE;
}

/* Gives B its LEN octets: allocated when the caller asked so (and
   recorded in *MINE), else checked to be there. */
OM_uint32
k5_iov_room (OM_uint32 *minor, gss_iov_buffer_desc *b, size_t len,
	     bool *mine)
{
  if (b->type & GSS_IOV_BUFFER_FLAG_ALLOCATE)
    {
      void *p = malloc (len ? len : 1);

      if (p == NULL)
	{
	  *minor = KG_NOMEM;
	  return GSS_S_FAILURE;
	}
      b->buffer.value = p;
      b->type |= GSS_IOV_BUFFER_FLAG_ALLOCATED;
      *mine = true;
    }
  else if (b->buffer.length < len)
    {
      *minor = (OM_uint32) KRB5_BAD_MSIZE;
      return GSS_S_FAILURE;
    }
  b->buffer.length = len;
  return GSS_S_COMPLETE;
}

void
k5_iov_unroom (gss_iov_buffer_desc *b, bool mine)
{
  if (!mine)
    return;
  explicit_bzero (b->buffer.value, b->buffer.length);
  free (b->buffer.value);
  b->buffer.value = NULL;
  b->buffer.length = 0;
  b->type &= ~(OM_uint32) GSS_IOV_BUFFER_FLAG_ALLOCATED;
}

/* Declared in segcrypto.h; mic.c signs with it too. */
struct k5_seg *
k5_iov_pieces (gss_iov_buffer_desc *iov, int count, struct k5_seg *few,
	       size_t nfew, const struct k5_seg *first,
	       unsigned char *data_at, const struct k5_seg *last, size_t *n)
{
  struct k5_seg *seg = few;
  size_t want = 2, k = 0;
  int i;

  for (i = 0; i < count; i++)
    want += GSS_IOV_BUFFER_TYPE (iov[i].type) == GSS_IOV_BUFFER_TYPE_DATA
      || GSS_IOV_BUFFER_TYPE (iov[i].type) == GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
  if (want > nfew)
    {
      seg = calloc (want, sizeof *seg);
      if (seg == NULL)
	return NULL;
    }
  if (first)
    seg[k++] = *first;
  for (i = 0; i < count; i++)
    {
      OM_uint32 type = GSS_IOV_BUFFER_TYPE (iov[i].type);

      if (type != GSS_IOV_BUFFER_TYPE_DATA
	  && type != GSS_IOV_BUFFER_TYPE_SIGN_ONLY)
	continue;
      seg[k].p = iov[i].buffer.value;
      if (type == GSS_IOV_BUFFER_TYPE_DATA && data_at)
	seg[k].p = data_at;
      seg[k].len = iov[i].buffer.length;
      seg[k++].sign_only = type == GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
    }
  seg[k++] = *last;
  *n = k;
  return seg;
}

#define FEW_PIECES 8

static void
put_header (const struct krb5_gss_ctx *ctx, unsigned char *h, bool sealed,
	    size_t ec)
{
  h[0] = CFX_TOK_WRAP >> 8;
  h[1] = CFX_TOK_WRAP & 0xff;
  h[2] = ctx->token_flags | (sealed ? CFX_FLAG_SEALED : 0);
  h[3] = 0xff;
  h[4] = (unsigned char) (ec >> 8);
  h[5] = (unsigned char) ec;
  h[6] = h[7] = 0;
  cfx_put_be64 (h + 8, ctx->send_seq);
}

OM_uint32
krb5_gss_wrap_iov (OM_uint32 *minor, void *mctx, int conf_req, gss_qop_t qop,
		   int *conf_state, gss_iov_buffer_desc *iov, int iov_count)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct k5_usage_key *k;
  struct k5_seg few[FEW_PIECES], *seg = NULL, first, last;
  struct parts p;
  struct shape s;
  unsigned char *h, *t;
  bool sealed = conf_req != 0, header_mine = false, trailer_mine = false;
  size_t n;
  krb5_error_code code = 0;
  OM_uint32 major;

  if (ctx->v1)
    return krb5_gss_v1_wrap_iov (minor, ctx, conf_req, qop, conf_state, iov,
				 iov_count);
  /* Wrap tokens use the sealing usage with or without confidentiality
     (RFC 4121 section 2). */
  major = krb5_gss_msg_key (minor, ctx, qop, K5_SEAL_SEND, &k);
  if (major)
    return major;
  find_parts (iov, iov_count, &p);
  shape_of (ctx, &ctx->sizes, sealed, p.trailer != NULL, &s);
  /* As gss_wrap: no token longer than the path's cryptography takes. */
  if (p.overflow || p.message > PTRDIFF_MAX - s.header - s.trailer
      || !k5_len_ok (k->fast, p.message + s.header + s.trailer))
    {
      *minor = GSS_KRB5_S_G_WRONG_SIZE;
      return GSS_S_FAILURE;
    }
  major = k5_iov_room (minor, p.header, s.header, &header_mine);
  if (!major && p.trailer)
    major = k5_iov_room (minor, p.trailer, s.trailer, &trailer_mine);
  if (major)
    goto cleanup;
  if (p.padding)
    p.padding->buffer.length = 0;

  h = p.header->buffer.value;
  t = p.trailer ? p.trailer->buffer.value : h + CFX_HEADER;
  put_header (ctx, h, sealed, s.ec);
  if (sealed)
    {
      /* Plaintext: confounder, message, EC filler, header copy. */
      memset (t, 0xff, s.ec);
      memcpy (t + s.ec, h, CFX_HEADER);
      first.p = h + s.header - k->header_len;
      first.len = k->header_len;
      first.sign_only = false;
      last.p = t;
      last.len = s.ec + CFX_HEADER;
      last.sign_only = false;
      seg = k5_iov_pieces (iov, iov_count, few, FEW_PIECES, &first, NULL,
			   &last, &n);
      if (seg)
	code = k5_encrypt_segs (k, seg, n, t + s.ec + CFX_HEADER);
    }
  else
    {
      /* Checksum over the message, then the header with EC and RRC 0. */
      last.p = h;
      last.len = CFX_HEADER;
      last.sign_only = true;
      seg = k5_iov_pieces (iov, iov_count, few, FEW_PIECES, NULL, NULL,
			   &last, &n);
      if (seg)
	code = k5_checksum_segs (k, seg, n, t);
      h[4] = (unsigned char) (k->mac_len >> 8);
      h[5] = (unsigned char) k->mac_len;
    }
  if (seg == NULL)
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
  h[6] = (unsigned char) (s.rrc >> 8);
  h[7] = (unsigned char) s.rrc;
  ctx->send_seq++;
  if (conf_state)
    *conf_state = sealed;

cleanup:
  if (seg != few)
    free (seg);
  if (major)
    {
      k5_iov_unroom (p.header, header_mine);
      if (p.trailer)
	k5_iov_unroom (p.trailer, trailer_mine);
    }
  return major;
}

/* Checks the first 16 octets of a received token against the context;
   *SEALED, *EC and *RRC are read from it. */
static OM_uint32
read_header (OM_uint32 *minor, const struct krb5_gss_ctx *ctx,
	     const unsigned char *h, bool *sealed, size_t *ec, size_t *rrc)
{
  if (h[0] != (CFX_TOK_WRAP >> 8) || h[1] != (CFX_TOK_WRAP & 0xff)
      || h[3] != 0xff || !cfx_flags_ok (ctx, h[2]))
    return krb5_gss_defective (minor);
  *sealed = (h[2] & CFX_FLAG_SEALED) != 0;
  *ec = (size_t) h[4] << 8 | h[5];
  *rrc = (size_t) h[6] << 8 | h[7];
  return GSS_S_COMPLETE;
}

/* Where the parts of a received token are. */
struct received
{
  const unsigned char *h;	/* the 16-octet header */
  unsigned char *conf;		/* confounder (sealed) */
  unsigned char *tail;		/* EC filler and header copy, or checksum */
  unsigned char *data_at;	/* a STREAM's message, or NULL */
  bool sealed;
  size_t ec;
};

/* Checks and decrypts the token R, its DATA and SIGN_ONLY buffers in
   IOV; then the sequence window. */
static OM_uint32
open_token (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
	    struct k5_usage_key *k, const struct received *r,
	    gss_iov_buffer_desc *iov, int iov_count)
{
  struct k5_seg few[FEW_PIECES], *seg, first, last;
  unsigned char zeroed[CFX_HEADER], mac[K5_MAX_MAC];
  krb5_error_code code;
  OM_uint32 major;
  size_t n;

  memcpy (zeroed, r->h, CFX_HEADER);
  zeroed[6] = zeroed[7] = 0;
  if (r->sealed)
    {
      first.p = r->conf;
      first.len = k->header_len;
      first.sign_only = false;
      last.p = r->tail;
      last.len = r->ec + CFX_HEADER;
      last.sign_only = false;
    }
  else
    {
      zeroed[4] = zeroed[5] = 0;
      last.p = zeroed;
      last.len = CFX_HEADER;
      last.sign_only = true;
    }
  seg = k5_iov_pieces (iov, iov_count, few, FEW_PIECES,
		       r->sealed ? &first : NULL, r->data_at, &last, &n);
  if (seg == NULL)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  if (r->sealed)
    {
      code = k5_decrypt_segs (k, seg, n, r->tail + r->ec + CFX_HEADER);
      if (code == KRB5KRB_AP_ERR_BAD_INTEGRITY || code == KRB5_BAD_MSIZE)
	major = krb5_gss_bad_sig (minor);
      else if (code)
	major = krb5_gss_fail (minor, code);
      /* The encrypted copy repeats the header, RRC zero. */
      else if (CRYPTO_memcmp (r->tail + r->ec, zeroed, CFX_HEADER) != 0)
	major = krb5_gss_bad_sig (minor);
      else
	major = GSS_S_COMPLETE;
    }
  else
    {
      code = k5_checksum_segs (k, seg, n, mac);
      if (code)
	major = krb5_gss_fail (minor, code);
      else if (CRYPTO_memcmp (mac, r->tail, k->mac_len) != 0)
	major = krb5_gss_bad_sig (minor);
      else
	major = GSS_S_COMPLETE;
    }
  if (seg != few)
    free (seg);
  if (major)
    return major;
  return k5_seqwin_check (&ctx->window, cfx_get_be64 (r->h + 8));
}

/* Reverses P[0 .. len). */
static void
reverse (unsigned char *p, size_t len)
{
  size_t i;

  for (i = 0; i < len / 2; i++)
    {
      unsigned char c = p[i];
      p[i] = p[len - 1 - i];
      p[len - 1 - i] = c;
    }
}

/* A token in one STREAM buffer: rotated back in place (or into new
   storage, when DATA is to be allocated), then taken apart. */
static OM_uint32
unwrap_stream (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
	       struct k5_usage_key *k, struct parts *p,
	       gss_iov_buffer_desc *iov, int iov_count)
{
  unsigned char *s = p->stream->buffer.value, *body, *copy = NULL;
  size_t len = p->stream->buffer.length, blen, rrc, msg;
  struct received r;
  bool allocate = (p->data->type & GSS_IOV_BUFFER_FLAG_ALLOCATE) != 0;
  OM_uint32 major;

  if (dce_style (ctx))
    {
      /* MIT refuses it too: DCE/RPC never sends a token in one piece. */
      *minor = GSS_KRB5_S_G_BAD_USAGE;
      return GSS_S_FAILURE;
    }
  if (len < CFX_HEADER || !k5_len_ok (k->fast, len))
    return krb5_gss_defective (minor);
  major = read_header (minor, ctx, s, &r.sealed, &r.ec, &rrc);
  if (major)
    return major;
  blen = len - CFX_HEADER;
  /* Any rotation is the sender's to choose (see wrap.c). */
  rrc = blen ? rrc % blen : 0;
  if (r.sealed ? blen < k->header_len + r.ec + CFX_HEADER + k->trailer_len
      : r.ec != k->mac_len || blen < k->mac_len)
    return krb5_gss_defective (minor);
  body = s + CFX_HEADER;
  if (allocate)
    {
      copy = malloc (blen + 1);
      if (copy == NULL)
	{
	  *minor = KG_NOMEM;
	  return GSS_S_FAILURE;
	}
      memcpy (copy, body + rrc, blen - rrc);
      memcpy (copy + blen - rrc, body, rrc);
      body = copy;
    }
  else if (rrc)
    {
      /* Rotation left by RRC, in place: three reversals. */
      reverse (body, rrc);
      reverse (body + rrc, blen - rrc);
      reverse (body, blen);
      s[6] = s[7] = 0;
    }
  r.h = s;
  if (r.sealed)
    {
      msg = blen - k->header_len - r.ec - CFX_HEADER - k->trailer_len;
      r.conf = body;
      r.data_at = body + k->header_len;
      r.tail = r.data_at + msg;
    }
  else
    {
      msg = blen - k->mac_len;
      r.conf = NULL;
      r.data_at = body;
      r.tail = body + msg;
    }
  /* DATA's length is the message's from here on: k5_iov_pieces() reads
     it. */
  p->data->buffer.length = msg;
  major = open_token (minor, ctx, k, &r, iov, iov_count);
  if (GSS_ERROR (major))
    {
      p->data->buffer.length = 0;
      free (copy);
      return major;
    }
  if (copy)
    {
      memmove (copy, r.data_at, msg);
      p->data->buffer.value = copy;
      p->data->type |= GSS_IOV_BUFFER_FLAG_ALLOCATED;
    }
  else
    p->data->buffer.value = r.data_at;
  return major;
}

OM_uint32
krb5_gss_unwrap_iov (OM_uint32 *minor, void *mctx, int *conf_state,
		     gss_qop_t *qop_state, gss_iov_buffer_desc *iov,
		     int iov_count)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct k5_usage_key *k;
  struct parts p;
  struct received r;
  unsigned char *h;
  size_t rrc, want_rrc, header, trailer;
  OM_uint32 major;

  if (ctx->v1)
    return krb5_gss_v1_unwrap_iov (minor, ctx, conf_state, qop_state, iov,
				   iov_count);
  major = krb5_gss_msg_key (minor, ctx, GSS_C_QOP_DEFAULT, K5_SEAL_RECV, &k);
  if (major)
    return major;
  find_parts (iov, iov_count, &p);
  if (p.overflow)
    return krb5_gss_defective (minor);
  if (p.stream)
    {
      major = unwrap_stream (minor, ctx, k, &p, iov, iov_count);
      r.sealed = p.stream->buffer.length >= CFX_HEADER
	&& (((unsigned char *) p.stream->buffer.value)[2] & CFX_FLAG_SEALED);
      goto done;
    }
  if (p.header->buffer.length < CFX_HEADER
      || (p.padding && p.padding->buffer.length != 0))
    return krb5_gss_defective (minor);
  h = p.header->buffer.value;
  major = read_header (minor, ctx, h, &r.sealed, &r.ec, &rrc);
  if (major)
    return major;
  if (!r.sealed && r.ec != k->mac_len)
    return krb5_gss_defective (minor);
  /* The sender's EC, whatever ours would be: the filler is part of the
     trailer.  MS-KILE fixes the rotation, and the HEADER and TRAILER
     have exactly the token's lengths. */
  trailer = r.sealed ? r.ec + CFX_HEADER + k->trailer_len : k->mac_len;
  header = CFX_HEADER + (r.sealed ? k->header_len : 0);
  want_rrc = 0;
  if (!p.trailer)
    {
      want_rrc = r.sealed && dce_style (ctx) ? trailer - r.ec : trailer;
      header += trailer;
    }
  if (rrc != want_rrc || p.header->buffer.length != header
      || (p.trailer && p.trailer->buffer.length != trailer))
    return krb5_gss_defective (minor);
  r.h = h;
  r.data_at = NULL;
  r.tail = p.trailer ? p.trailer->buffer.value : h + CFX_HEADER;
  r.conf = r.sealed ? h + header - k->header_len : NULL;
  major = open_token (minor, ctx, k, &r, iov, iov_count);

done:
  if (!GSS_ERROR (major))
    {
      if (conf_state)
	*conf_state = r.sealed;
      if (qop_state)
	*qop_state = GSS_C_QOP_DEFAULT;
    }
  return major;
}

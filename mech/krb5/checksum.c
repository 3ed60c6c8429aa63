/* checksum.c - the authenticator checksum of RFC 4121 section 4.1.1
   (type 0x8003): the channel-binding hash, the context flags and an
   optional KRB-CRED for delegation. */
/* The low-level MD5 needs no allocation, so the hash cannot run out of
   memory; and it does not depend on the providers OpenSSL 3 loaded. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "k5.h"
#include <openssl/md5.h>
#include <stdlib.h>
#include <string.h>

#define NOMEM KG_NOMEM
#define BND_LENGTH 16
/* Lgth, Bnd and Flags. */
#define BASE_LENGTH (4 + BND_LENGTH + 4)
/* The flags a checksum may carry (RFC 4121 section 4.1.1.1). */
#define CHECKSUM_FLAGS (GSS_C_DELEG_FLAG | GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG \
			| GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG \
			| GSS_C_DCE_STYLE)

static void
put_le32 (MD5_CTX *md, uint32_t v)
{
  unsigned char b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };
  MD5_Update (md, b, 4);
}

static void
put_buffer (MD5_CTX *md, const gss_buffer_desc *b)
{
  put_le32 (md, (uint32_t) b->length);
  if (b->length)
    MD5_Update (md, b->value, b->length);
}

/* MD5 over the bindings with lengths and types as little-endian
   32-bit integers, as RFC 1964 section 1.1.1 (kept by RFC 4121) says. */
static void
bindings_hash (const gss_channel_bindings_t cb, unsigned char out[BND_LENGTH])
{
  MD5_CTX md;

  MD5_Init (&md);
  put_le32 (&md, cb->initiator_addrtype);
  put_buffer (&md, &cb->initiator_address);
  put_le32 (&md, cb->acceptor_addrtype);
  put_buffer (&md, &cb->acceptor_address);
  put_buffer (&md, &cb->application_data);
  MD5_Final (out, &md);
}

static void
store_le32 (unsigned char *p, uint32_t v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = v >> 24;
}

static uint32_t
load_le32 (const unsigned char *p)
{
  return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16
    | (uint32_t) p[3] << 24;
}

OM_uint32
krb5_gss_make_checksum (OM_uint32 *minor, const gss_channel_bindings_t cb,
			OM_uint32 flags, const krb5_data *deleg,
			krb5_data *out)
{
  size_t len = BASE_LENGTH + (deleg ? 4 + deleg->length : 0);
  unsigned char *p;

  if (deleg && deleg->length > 0xffff)
    {
      *minor = GSS_KRB5_S_G_WRONG_SIZE;
      return GSS_S_FAILURE;
    }
  p = calloc (1, len);
  if (p == NULL)
    {
      *minor = NOMEM;
      return GSS_S_FAILURE;
    }
  store_le32 (p, BND_LENGTH);
  /* No bindings: Bnd stays all zero, which RFC 4121 lets an acceptor
     with bindings of its own accept. */
  if (cb != GSS_C_NO_CHANNEL_BINDINGS)
    bindings_hash (cb, p + 4);
  store_le32 (p + 4 + BND_LENGTH, flags & CHECKSUM_FLAGS);
  if (deleg)
    {
      unsigned char *d = p + BASE_LENGTH;
      d[0] = 1;			/* DlgOpt */
      d[1] = 0;
      d[2] = deleg->length & 0xff;
      d[3] = deleg->length >> 8;
      memcpy (d + 4, deleg->data, deleg->length);
    }
  out->magic = KV5M_DATA;
  out->data = (char *) p;
  out->length = len;
  return GSS_S_COMPLETE;
}

OM_uint32
krb5_gss_read_checksum (OM_uint32 *minor, const krb5_checksum *cksum,
			const gss_channel_bindings_t cb, OM_uint32 *flags,
			krb5_data *deleg)
{
  const unsigned char *p = cksum->contents;
  static const unsigned char zero[BND_LENGTH];
  unsigned char mine[BND_LENGTH];
  bool bound;

  deleg->length = 0;
  deleg->data = NULL;
  if (cksum->checksum_type != 0x8003 || cksum->length < BASE_LENGTH
      || load_le32 (p) != BND_LENGTH)
    {
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      return GSS_S_DEFECTIVE_TOKEN;
    }
  /* An acceptor without bindings ignores the initiator's; one with
     bindings takes a match, or an initiator that sent none. */
  bound = cb != GSS_C_NO_CHANNEL_BINDINGS
    && memcmp (p + 4, zero, BND_LENGTH) != 0;
  if (bound)
    {
      bindings_hash (cb, mine);
      if (memcmp (mine, p + 4, BND_LENGTH) != 0)
	{
	  *minor = KG_S_BAD_BINDINGS;
	  return GSS_S_BAD_BINDINGS;
	}
    }
  *flags = load_le32 (p + 4 + BND_LENGTH) & CHECKSUM_FLAGS;
  /* MIT 1.19 and later: the context is channel-bound when both sides
     had bindings and they matched (an initiator that sent none leaves
     the flag clear). */
  if (bound)
    *flags |= GSS_C_CHANNEL_BOUND_FLAG;
  if ((*flags & GSS_C_DELEG_FLAG) && cksum->length >= BASE_LENGTH + 4)
    {
      const unsigned char *d = p + BASE_LENGTH;
      size_t dlgth = (size_t) d[2] | (size_t) d[3] << 8;

      if (d[0] != 1 || d[1] != 0 || cksum->length - BASE_LENGTH - 4 < dlgth)
	{
	  *minor = GSS_KRB5_S_KG_BAD_LENGTH;
	  return GSS_S_DEFECTIVE_TOKEN;
	}
      deleg->data = (char *) d + 4;
      deleg->length = dlgth;
    }
  else
    *flags &= ~(OM_uint32) GSS_C_DELEG_FLAG;
  return GSS_S_COMPLETE;
}

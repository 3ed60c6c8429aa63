/* token.c - context tokens: the RFC 2743 section 3.1 header, then the
   two-octet TOK_ID of RFC 4121 section 4.1, then the Kerberos message. */
#include "k5.h"
#include <stdlib.h>
#include <string.h>

#define TOKEN_MAX (K5_LIBKRB5_MAX + 64)

OM_uint32
krb5_gss_wrap_token (OM_uint32 *minor, unsigned tok_id, const krb5_data *body,
		     gss_buffer_t out)
{
  gss_buffer_desc inner;
  unsigned char *p;
  OM_uint32 major;

  p = malloc (2 + body->length);
  if (p == NULL)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  p[0] = tok_id >> 8;
  p[1] = tok_id & 0xff;
  memcpy (p + 2, body->data, body->length);
  inner.value = p;
  inner.length = 2 + body->length;
  major = gss_encapsulate_token (&inner, &GSS_KRB5_static, out);
  free (p);
  if (major)
    *minor = KG_NOMEM;
  return major;
}

/* BODY points into STORAGE, which the caller releases.  A token that
   is not one gets GSS_KRB5_S_KG_BAD_LENGTH. */
OM_uint32
krb5_gss_unwrap_token (OM_uint32 *minor, const gss_buffer_t in,
		       unsigned *tok_id, krb5_data *body, gss_buffer_t storage)
{
  OM_uint32 major, tmp;
  unsigned char *p;

  /* No context token, and no RFC 1964 token (a message libkrb5 can
     checksum and some 50 octets of framing and header), is longer:
     refused before its body is copied, and the body always fits
     krb5_data's unsigned int. */
  if (in->length > TOKEN_MAX)
    return GSS_S_DEFECTIVE_TOKEN;
  major = gss_decapsulate_token (in, &GSS_KRB5_static, storage);
  /* Its only failure besides a bad token is memory. */
  if (major == GSS_S_FAILURE)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  if (major || storage->length < 2)
    {
      gss_release_buffer (&tmp, storage);
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      return GSS_S_DEFECTIVE_TOKEN;
    }
  p = storage->value;
  *tok_id = (unsigned) p[0] << 8 | p[1];
  body->magic = KV5M_DATA;
  body->data = (char *) p + 2;
  body->length = storage->length - 2;
  return GSS_S_COMPLETE;
}

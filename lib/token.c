/* token.c - the mechanism-independent token framing of RFC 2743
   section 3.1 (RFC 6339's gss_encapsulate_token and
   gss_decapsulate_token); DER lengths through libtasn1. */
#include "internal.h"
#include <libtasn1.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define TAG_APPLICATION_0 0x60
#define TAG_OID 0x06

/* Reads a DER length at P (AVAIL octets left); on success stores it in
   *VALUE, the octets it took in *USED, and returns true when the value
   fits in what remains. */
static bool
read_length (const unsigned char *p, size_t avail, size_t *value,
	     size_t *used)
{
  int len_len;
  long v;

  if (avail == 0)
    return false;
  v = asn1_get_length_der (p, avail > INT_MAX ? INT_MAX : (int) avail,
			   &len_len);
  if (v < 0 || (size_t) len_len + (size_t) v > avail)
    return false;
  *value = (size_t) v;
  *used = (size_t) len_len;
  return true;
}

OM_uint32
_gss_token_parse (const void *input, size_t length, gss_OID_desc *oid,
		  const void **inner, size_t *inner_length)
{
  const unsigned char *p = input;
  size_t body, oid_len, used;

  if (length < 2 || p[0] != TAG_APPLICATION_0)
    return GSS_S_DEFECTIVE_TOKEN;
  if (!read_length (p + 1, length - 1, &body, &used)
      || 1 + used + body != length)
    return GSS_S_DEFECTIVE_TOKEN;
  p += 1 + used;
  if (body < 2 || p[0] != TAG_OID)
    return GSS_S_DEFECTIVE_TOKEN;
  if (!read_length (p + 1, body - 1, &oid_len, &used) || oid_len == 0)
    return GSS_S_DEFECTIVE_TOKEN;
  if (oid_len > UINT32_MAX)
    return GSS_S_DEFECTIVE_TOKEN;
  oid->length = (OM_uint32) oid_len;
  oid->elements = (void *) (p + 1 + used);
  *inner = p + 1 + used + oid_len;
  *inner_length = body - 1 - used - oid_len;
  return GSS_S_COMPLETE;
}

/*@ gss_encapsulate_token - add the RFC 2743 framing to a mechanism token
 *
 * @param input_token (in) The inner token.
 * @param token_oid (in) The mechanism OID to put in the header.
 * @param output_token (out) Emptied first, then receives the framed
 *   token, to be released with gss_release_buffer().  Must not be NULL.
 *
 * @desc
 * Produces the mechanism-independent framing of RFC 2743 section 3.1:
 * the DER tag [APPLICATION 0] and length, the mechanism OID with its
 * tag and length, then @input_token unchanged.  This is the form of
 * the first token of a context; gss_decapsulate_token() removes it.
 * A GNU extension (as in RFC 6339), declared in gss/ext.h; it takes no
 * minor status.
 *
 * @return GSS_S_COMPLETE: The framed token is in @output_token.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @input_token or @token_oid is
 *   missing, or has a length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @output_token is NULL.
 * @return GSS_S_FAILURE: The token would be too large, or memory ran
 *   out.
 *
 * @see gss_decapsulate_token gss_release_buffer
 */
OM_uint32
gss_encapsulate_token (gss_const_buffer_t input_token,
		       gss_const_OID token_oid, gss_buffer_t output_token)
{
  unsigned char oid_len_der[ASN1_MAX_LENGTH_SIZE];
  unsigned char body_len_der[ASN1_MAX_LENGTH_SIZE];
  int oid_len_len, body_len_len;
  size_t body;
  unsigned char *p;

  if (output_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_token);
  if (input_token == GSS_C_NO_BUFFER || token_oid == GSS_C_NO_OID
      || (input_token->length && input_token->value == NULL)
      || (token_oid->length && token_oid->elements == NULL))
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (output_token == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  asn1_length_der (token_oid->length, oid_len_der, &oid_len_len);
  body = 1 + (size_t) oid_len_len + token_oid->length;
  if (input_token->length > LONG_MAX - body - 16)
    return GSS_S_FAILURE;
  body += input_token->length;
  asn1_length_der (body, body_len_der, &body_len_len);

  p = malloc (1 + (size_t) body_len_len + body);
  if (p == NULL)
    return GSS_S_FAILURE;
  output_token->value = p;
  output_token->length = 1 + (size_t) body_len_len + body;
  *p++ = TAG_APPLICATION_0;
  memcpy (p, body_len_der, body_len_len);
  p += body_len_len;
  *p++ = TAG_OID;
  memcpy (p, oid_len_der, oid_len_len);
  p += oid_len_len;
  memcpy (p, token_oid->elements, token_oid->length);
  p += token_oid->length;
  if (input_token->length)
    memcpy (p, input_token->value, input_token->length);
  return GSS_S_COMPLETE;
}

/*@ gss_decapsulate_token - remove the RFC 2743 framing from a token
 *
 * @param input_token (in) The framed token.
 * @param token_oid (in) The mechanism OID the header must carry.
 * @param output_token (out) Emptied first, then receives a copy of the
 *   inner token, NUL-terminated, to be released with
 *   gss_release_buffer().  Must not be NULL.
 *
 * @desc
 * Checks the framing of RFC 2743 section 3.1 strictly (every DER length
 * must agree with the token's size) and that the OID in the header
 * equals @token_oid, then returns what follows the header.  The
 * reverse of gss_encapsulate_token(); a GNU extension declared in
 * gss/ext.h, without a minor status.
 *
 * @return GSS_S_COMPLETE: The inner token is in @output_token.
 * @return GSS_S_DEFECTIVE_TOKEN: The framing is wrong, or the OID
 *   differs from @token_oid.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @input_token or @token_oid is
 *   missing, or @input_token has a length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @output_token is NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_encapsulate_token gss_release_buffer
 */
OM_uint32
gss_decapsulate_token (gss_const_buffer_t input_token,
		       gss_const_OID token_oid, gss_buffer_t output_token)
{
  gss_OID_desc oid;
  const void *inner;
  size_t inner_length;
  OM_uint32 minor;

  if (output_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_token);
  if (input_token == GSS_C_NO_BUFFER || token_oid == GSS_C_NO_OID
      || (input_token->length && input_token->value == NULL))
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (output_token == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  if (_gss_token_parse (input_token->value, input_token->length, &oid,
			&inner, &inner_length) != GSS_S_COMPLETE
      || !gss_oid_equal (&oid, token_oid))
    return GSS_S_DEFECTIVE_TOKEN;
  return _gss_buffer_copy (&minor, inner, inner_length, output_token);
}

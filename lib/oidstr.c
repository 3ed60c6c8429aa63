/* oidstr.c - OIDs as text ("{ 1 2 840 113554 1 2 2 }") and back. */
#include "ext-internal.h"
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An arc is at most 64 bits here: ten octets of base 128. */
#define ARC_OCTETS_MAX 10

/* Decodes the subidentifier at P (LEN octets left) into *ARC; returns
   its length in octets, 0 when it is malformed: cut short, padded with
   a leading 0x80 (X.690 section 8.19.2), or wider than 64 bits. */
static size_t
decode_arc (const unsigned char *p, size_t len, uint64_t *arc)
{
  size_t i;

  *arc = 0;
  if (len == 0 || p[0] == 0x80)
    return 0;
  for (i = 0; i < len && i < ARC_OCTETS_MAX; i++)
    {
      if (*arc > (UINT64_MAX >> 7))
	return 0;
      *arc = (*arc << 7) | (p[i] & 0x7f);
      if ((p[i] & 0x80) == 0)
	return i + 1;
    }
  return 0;
}

/*@ gss_oid_to_str - the text form of an OID
 *
 * @param minor_status (out) Receives 0, or GSS_KRB5_S_G_BUFFER_ALLOC
 *   when memory ran out.  May be NULL, as with MIT krb5.
 * @param oid (in) The OID to show.
 * @param oid_str (out) Receives the text, to be released with
 *   gss_release_buffer().
 *
 * @desc
 * The text is the arcs in braces, separated by spaces:
 * "{ 1 2 840 113554 1 2 2 }" for GSS_KRB5, the form of RFC 2078 and of
 * MIT krb5.  As with MIT, the length of @oid_str counts the NUL that
 * ends the text.  gss_str_to_oid() reads the text back.
 *
 * Each arc is read as DER encodes it (X.690 section 8.19); arcs up to
 * 2^64 - 1 are shown.  An encoding that is cut short, that pads an arc
 * with a leading 0x80 octet, or whose arc is wider than 64 bits is
 * refused, where MIT krb5 shows whatever it decoded.
 *
 * @return GSS_S_COMPLETE: The text is in @oid_str.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @oid is GSS_C_NO_OID or has no
 *   octets.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @oid_str is NULL.
 * @return GSS_S_FAILURE: @oid is not a valid DER encoding of an OID,
 *   or memory ran out.
 *
 * @see gss_str_to_oid gss_release_buffer
 */
OM_uint32
gss_oid_to_str (OM_uint32 *minor_status, gss_OID oid, gss_buffer_t oid_str)
{
  const unsigned char *p;
  size_t off, n, used = 0, size;
  uint64_t arc;
  char *text = NULL;
  OM_uint32 major;

  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (oid_str != GSS_C_NO_BUFFER)
    _gss_buffer_init (oid_str);
  if (oid == GSS_C_NO_OID || oid->length == 0 || oid->elements == NULL)
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (oid_str == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  /* Every octet gives at most three characters of an arc ("127") and
     a space; the first may give two arcs; plus "{ ", "}" and the NUL. */
  size = (size_t) oid->length * 4 + 24;
  if (size < oid->length)
    {
      *minor_status = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  text = malloc (size);
  if (text == NULL)
    {
      *minor_status = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  p = oid->elements;
  used = (size_t) snprintf (text, size, "{ ");
  for (off = 0; off < oid->length; off += n)
    {
      n = decode_arc (p + off, oid->length - off, &arc);
      if (n == 0)
	{
	  major = GSS_S_FAILURE;
	  goto cleanup;
	}
      if (off == 0)
	{
	  unsigned first = arc < 40 ? 0 : arc < 80 ? 1 : 2;
	  used += (size_t) snprintf (text + used, size - used, "%u ", first);
	  arc -= 40 * (uint64_t) first;
	}
      used += (size_t) snprintf (text + used, size - used, "%" PRIu64 " ",
				 arc);
    }
  used += (size_t) snprintf (text + used, size - used, "}");
  oid_str->value = text;
  oid_str->length = used + 1;
  text = NULL;
  major = GSS_S_COMPLETE;

cleanup:
  free (text);
  return major;
}

/* Appends ARC in base 128 to OUT (at *LEN, room for ARC_OCTETS_MAX). */
static void
encode_arc (uint64_t arc, unsigned char *out, size_t *len)
{
  unsigned char tmp[ARC_OCTETS_MAX];
  size_t n = 0;

  do
    {
      tmp[n++] = arc & 0x7f;
      arc >>= 7;
    }
  while (arc);
  while (n > 0)
    {
      n--;
      out[(*len)++] = tmp[n] | (n ? 0x80 : 0);
    }
}

/* Reads a decimal arc at *P (before END) into *ARC: digits only, and
   no more than 64 bits.  Advances *P past it. */
static bool
read_arc (const char **p, const char *end, uint64_t *arc)
{
  const char *s = *p;

  *arc = 0;
  if (s == end || !isdigit ((unsigned char) *s))
    return false;
  for (; s < end && isdigit ((unsigned char) *s); s++)
    {
      unsigned d = (unsigned) (*s - '0');
      if (*arc > (UINT64_MAX - d) / 10)
	return false;
      *arc = *arc * 10 + d;
    }
  *p = s;
  return true;
}

static const char *
skip_space (const char *p, const char *end)
{
  while (p < end && isspace ((unsigned char) *p))
    p++;
  return p;
}

/* Parses TEXT into DER octets in OUT (room for ARC_OCTETS_MAX per arc
   of TEXT plus one); false when TEXT is no OID. */
static bool
parse_oid (const char *p, const char *end, unsigned char *out, size_t *len)
{
  bool braces, dotted = false;
  uint64_t arc, first = 0;
  size_t count = 0;

  *len = 0;
  p = skip_space (p, end);
  braces = p < end && *p == '{';
  if (braces)
    p = skip_space (p + 1, end);
  for (;;)
    {
      if (!read_arc (&p, end, &arc))
	return false;
      count++;
      if (count == 1)
	{
	  if (arc > 2)
	    return false;
	  first = arc;
	}
      else if (count == 2)
	{
	  /* X.660: under 0 and 1 the second arc is below 40. */
	  if ((first < 2 && arc >= 40) || arc > UINT64_MAX - 80)
	    return false;
	  encode_arc (first * 40 + arc, out, len);
	}
      else
	encode_arc (arc, out, len);
      /* Separators: one dot in the dotted form, else white space. */
      if (!braces && p < end && *p == '.' && (count == 1 || dotted))
	{
	  dotted = true;
	  p++;
	  continue;
	}
      if (dotted)
	break;
      {
	const char *q = skip_space (p, end);
	if (q == p || q == end || (braces && *q == '}'))
	  {
	    p = q;
	    break;
	  }
	p = q;
      }
    }
  if (braces)
    {
      if (p == end || *p != '}')
	return false;
      p++;
    }
  p = skip_space (p, end);
  return p == end && count >= 2;
}

/*@ gss_str_to_oid - read an OID from its text form
 *
 * @param minor_status (out) Receives 0, or GSS_KRB5_S_G_BUFFER_ALLOC
 *   when memory ran out.  May be NULL, as with MIT krb5.
 * @param oid_str (in) The text: "{ 1 2 840 113554 1 2 2 }" as
 *   gss_oid_to_str() writes it, the same without braces
 *   ("1 2 840 113554 1 2 2"), or the dotted form
 *   "1.2.840.113554.1.2.2".  White space may surround it; a NUL
 *   counted in the length, as gss_oid_to_str() counts it, is ignored.
 * @param oid (out) Receives the OID, to be released with
 *   gss_release_oid().
 *
 * @desc
 * The OID has at least two arcs, the first 0, 1 or 2 and, under 0 and
 * 1, the second below 40 (X.660); every arc is a string of decimal
 * digits no greater than 2^64 - 1.  MIT krb5 reads some malformed
 * strings as shorter OIDs ("1.2." or "1..2" as 1.2, an arc too large as
 * none); this function refuses them.
 *
 * @return GSS_S_COMPLETE: The OID is in *@oid.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @oid_str is NULL or empty.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @oid is NULL.
 * @return GSS_S_FAILURE: @oid_str is not an OID in one of the forms
 *   above, or memory ran out.
 *
 * @see gss_oid_to_str gss_release_oid
 */
OM_uint32
gss_str_to_oid (OM_uint32 *minor_status, gss_buffer_t oid_str, gss_OID *oid)
{
  const char *text, *end;
  unsigned char *der = NULL;
  size_t len, room;
  gss_OID out = NULL;
  OM_uint32 major;

  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (oid != NULL)
    *oid = GSS_C_NO_OID;
  if (oid_str == GSS_C_NO_BUFFER || oid_str->length == 0
      || oid_str->value == NULL)
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (oid == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  text = oid_str->value;
  end = text + oid_str->length;
  if (end[-1] == '\0')
    end--;
  /* Each arc of the text takes one character at least and ten octets
     at most; nothing but arcs grows. */
  room = (size_t) (end - text) + 1;
  if (room > SIZE_MAX / ARC_OCTETS_MAX)
    {
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  der = malloc (room * ARC_OCTETS_MAX);
  out = calloc (1, sizeof *out);
  if (der == NULL || out == NULL)
    {
      *minor_status = GSS_MINOR_NOMEM;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  if (!parse_oid (text, end, der, &len) || len > UINT32_MAX)
    {
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  out->elements = realloc (der, len);
  if (out->elements == NULL)
    {
      *minor_status = GSS_MINOR_NOMEM;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  der = NULL;
  out->length = (OM_uint32) len;
  *oid = out;
  out = NULL;
  major = GSS_S_COMPLETE;

cleanup:
  free (der);
  free (out);
  return major;
}

/*@ gss_release_oid - free an OID that gss_str_to_oid() made
 *
 * @param minor_status (out) Receives 0.  May be NULL.
 * @param oid (in/out) The OID to release; set to GSS_C_NO_OID once it
 *   is.  GSS_C_NO_OID is accepted and nothing is done.
 *
 * @desc
 * Only OIDs this library allocated for the caller are freed: the
 * library's own constants (GSS_KRB5, GSS_C_NT_*, GSS_C_MA_*, the OIDs
 * of a gss_OID_set member or of actual_mech_type) are static, and
 * passing one of them here leaves it alone, as MIT krb5 does.
 *
 * @return GSS_S_COMPLETE: The OID was released, or there was none.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @oid is NULL.
 *
 * @see gss_str_to_oid
 */
OM_uint32
gss_release_oid (OM_uint32 *minor_status, gss_OID *oid)
{
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (oid == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (*oid == GSS_C_NO_OID)
    return GSS_S_COMPLETE;
  if (!_gss_oid_is_static (*oid))
    {
      free ((*oid)->elements);
      free (*oid);
    }
  *oid = GSS_C_NO_OID;
  return GSS_S_COMPLETE;
}

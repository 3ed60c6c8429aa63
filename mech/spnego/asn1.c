/* asn1.c - NegTokenInit and NegTokenResp in DER, through libtasn1 and
   the module spnego.asn (compiled into asn1-tab.c). */
#include "spnego.h"
#include <libtasn1.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const asn1_static_node spnego_asn1_tab[];

/* The OID in dotted form, as libtasn1 writes it; false when an arc
   does not fit or the encoding is not minimal. */
static bool
oid_to_text (gss_const_OID oid, char *text, size_t size)
{
  const unsigned char *p = oid->elements;
  size_t i, used = 0;
  uint64_t arc = 0;
  bool first = true;

  if (oid->length == 0 || (p[oid->length - 1] & 0x80))
    return false;
  for (i = 0; i < oid->length; i++)
    {
      int n;
      if (arc == 0 && p[i] == 0x80)
	return false;
      if (arc >> 56)
	return false;
      arc = arc << 7 | (p[i] & 0x7f);
      if (p[i] & 0x80)
	continue;
      if (first)
	{
	  unsigned top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
	  n = snprintf (text + used, size - used, "%u.%llu", top,
			(unsigned long long) (arc - 40 * top));
	  first = false;
	}
      else
	n = snprintf (text + used, size - used, ".%llu",
		      (unsigned long long) arc);
      if (n < 0 || (size_t) n >= size - used)
	return false;
      used += (size_t) n;
      arc = 0;
    }
  return true;
}

static OM_uint32
load (asn1_node *defs, asn1_node *node, const char *type)
{
  char error[ASN1_MAX_ERROR_DESCRIPTION_SIZE];

  *defs = NULL;
  *node = NULL;
  if (asn1_array2tree (spnego_asn1_tab, defs, error) != ASN1_SUCCESS)
    return GSS_S_FAILURE;
  if (asn1_create_element (*defs, type, node) != ASN1_SUCCESS)
    return GSS_S_FAILURE;
  return GSS_S_COMPLETE;
}

static void
unload (asn1_node *defs, asn1_node *node)
{
  if (*node)
    asn1_delete_structure (node);
  if (*defs)
    asn1_delete_structure (defs);
}

/* NODE's DER into OUT, a buffer lib/ may release. */
static OM_uint32
der_out (OM_uint32 *minor, asn1_node node, gss_buffer_t out)
{
  char error[ASN1_MAX_ERROR_DESCRIPTION_SIZE];
  int len = 0;
  void *p;

  if (asn1_der_coding (node, "", NULL, &len, error) != ASN1_MEM_ERROR
      || len <= 0)
    return GSS_S_FAILURE;
  p = malloc ((size_t) len);
  if (p == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return GSS_S_FAILURE;
    }
  if (asn1_der_coding (node, "", p, &len, error) != ASN1_SUCCESS)
    {
      free (p);
      return GSS_S_FAILURE;
    }
  out->value = p;
  out->length = (size_t) len;
  return GSS_S_COMPLETE;
}

static bool
write_buffer (asn1_node node, const char *field, const gss_buffer_t b)
{
  if (b == GSS_C_NO_BUFFER || b->length == 0)
    return asn1_write_value (node, field, NULL, 0) == ASN1_SUCCESS;
  if (b->length > INT_MAX)
    return false;
  return asn1_write_value (node, field, b->value, (int) b->length)
    == ASN1_SUCCESS;
}

/* The TLV at the start of P (LEN octets) when its tag is TAG: its
   contents, and the octets after it. */
static bool
der_first (const unsigned char *p, size_t len, unsigned char tag,
	   const unsigned char **contents, size_t *clen, size_t *tlv_len)
{
  int len_len;
  long n;

  if (len < 2 || p[0] != tag)
    return false;
  n = asn1_get_length_der (p + 1, len - 1 > INT_MAX ? INT_MAX
			   : (int) (len - 1), &len_len);
  if (n < 0 || (size_t) n > len - 1 - (size_t) len_len)
    return false;
  *contents = p + 1 + len_len;
  *clen = (size_t) n;
  *tlv_len = 1 + (size_t) len_len + (size_t) n;
  return true;
}

static OM_uint32
copy_out (OM_uint32 *minor, const void *p, size_t len, gss_buffer_t out)
{
  out->value = malloc (len ? len : 1);
  if (out->value == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return GSS_S_FAILURE;
    }
  memcpy (out->value, p, len);
  out->length = len;
  return GSS_S_COMPLETE;
}

OM_uint32
spnego_encode_init (OM_uint32 *minor, const gss_OID_desc *mechs,
		    size_t count, const gss_buffer_t mech_token,
		    gss_buffer_t out, gss_buffer_t mech_list_der)
{
  gss_buffer_desc body = GSS_C_EMPTY_BUFFER;
  asn1_node defs, node;
  char text[128];
  size_t i;
  OM_uint32 major, tmp;

  major = load (&defs, &node, "SPNEGO.NegotiationToken");
  /* RFC 4178 section 4.2.1: reqFlags SHOULD be omitted; a MIC cannot
     exist before the mechanism's context does. */
  if (major == GSS_S_COMPLETE
      && (asn1_write_value (node, "", "negTokenInit", 1) != ASN1_SUCCESS
	  || asn1_write_value (node, "negTokenInit.reqFlags", NULL, 0)
	  != ASN1_SUCCESS
	  || !write_buffer (node, "negTokenInit.mechToken", mech_token)
	  || asn1_write_value (node, "negTokenInit.mechListMIC", NULL, 0)
	  != ASN1_SUCCESS))
    major = GSS_S_FAILURE;
  for (i = 0; major == GSS_S_COMPLETE && i < count; i++)
    if (!oid_to_text (&mechs[i], text, sizeof text)
	|| asn1_write_value (node, "negTokenInit.mechTypes", "NEW", 1)
	!= ASN1_SUCCESS
	|| asn1_write_value (node, "negTokenInit.mechTypes.?LAST", text, 1)
	!= ASN1_SUCCESS)
      major = GSS_S_FAILURE;
  if (major == GSS_S_COMPLETE)
    major = der_out (minor, node, &body);
  unload (&defs, &node);
  if (major == GSS_S_COMPLETE)
    {
      /* The MechTypeList as it goes out, inside [0] { SEQUENCE {
	 [0] ... } }: what the MICs cover. */
      const unsigned char *c = body.value;
      size_t clen = body.length, tlv;
      if (!der_first (c, clen, 0xa0, &c, &clen, &tlv)
	  || !der_first (c, clen, 0x30, &c, &clen, &tlv)
	  || !der_first (c, clen, 0xa0, &c, &clen, &tlv))
	major = GSS_S_FAILURE;
      else
	major = copy_out (minor, c, clen, mech_list_der);
    }
  if (major == GSS_S_COMPLETE)
    {
      major = gss_encapsulate_token (&body, &GSS_SPNEGO_static, out);
      if (GSS_ERROR (major))
	{
	  *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
	  gss_release_buffer (&tmp, mech_list_der);
	}
    }
  gss_release_buffer (&tmp, &body);
  return major;
}

OM_uint32
spnego_encode_resp (OM_uint32 *minor, int neg_state, gss_const_OID mech,
		    const gss_buffer_t token, const gss_buffer_t mic,
		    gss_buffer_t out)
{
  static const char *const states[] = { "0", "1", "2", "3" };
  asn1_node defs, node;
  char text[128];
  OM_uint32 major = load (&defs, &node, "SPNEGO.NegotiationToken");

  if (major == GSS_S_COMPLETE
      && asn1_write_value (node, "", "negTokenResp", 1) != ASN1_SUCCESS)
    major = GSS_S_FAILURE;
  if (major == GSS_S_COMPLETE
      && asn1_write_value (node, "negTokenResp.negState",
			   neg_state >= 0 && neg_state <= 3
			   ? states[neg_state] : NULL, 0) != ASN1_SUCCESS)
    major = GSS_S_FAILURE;
  if (major == GSS_S_COMPLETE
      && (mech == GSS_C_NO_OID
	  ? asn1_write_value (node, "negTokenResp.supportedMech", NULL, 0)
	  != ASN1_SUCCESS
	  : !oid_to_text (mech, text, sizeof text)
	  || asn1_write_value (node, "negTokenResp.supportedMech", text, 1)
	  != ASN1_SUCCESS))
    major = GSS_S_FAILURE;
  if (major == GSS_S_COMPLETE
      && (!write_buffer (node, "negTokenResp.responseToken", token)
	  || !write_buffer (node, "negTokenResp.mechListMIC", mic)))
    major = GSS_S_FAILURE;
  if (major == GSS_S_COMPLETE)
    major = der_out (minor, node, out);
  unload (&defs, &node);
  return major;
}

/* Whether P (LEN octets) is a sequence of whole DER values, each
   constructed one made of whole values too: libtasn1 does not hold an
   explicit tag's length to what it wraps. */
static bool
well_formed (const unsigned char *p, size_t len, int depth)
{
  if (depth > 8)
    return false;
  while (len > 0)
    {
      const unsigned char *c;
      size_t cl, tlv;
      /* Tags of one octet only: SPNEGO has no others. */
      if ((p[0] & 0x1f) == 0x1f || !der_first (p, len, p[0], &c, &cl, &tlv))
	return false;
      if ((p[0] & 0x20) && !well_formed (c, cl, depth + 1))
	return false;
      p += tlv;
      len -= tlv;
    }
  return true;
}

/* Decode INPUT as TYPE, strictly and to its last octet. */
static OM_uint32
decode (const void *input, size_t length, const char *type,
	asn1_node *defs, asn1_node *node)
{
  char error[ASN1_MAX_ERROR_DESCRIPTION_SIZE];
  int len;
  OM_uint32 major;

  if (length == 0 || length > INT_MAX || !well_formed (input, length, 0))
    return GSS_S_DEFECTIVE_TOKEN;
  major = load (defs, node, type);
  if (major != GSS_S_COMPLETE)
    return major;
  len = (int) length;
  if (asn1_der_decoding2 (node, input, &len, ASN1_DECODE_FLAG_STRICT_DER,
			  error) != ASN1_SUCCESS || (size_t) len != length)
    return GSS_S_DEFECTIVE_TOKEN;
  return GSS_S_COMPLETE;
}

/* The contents of FIELD, a primitive value under an explicit tag:
   pointers into INPUT.  *PRESENT false when the field is absent. */
static OM_uint32
field_tlv (asn1_node node, const void *input, size_t length,
	   const char *name, unsigned char tag, bool *present,
	   const unsigned char **contents, size_t *clen,
	   gss_buffer_t whole)
{
  const unsigned char *c;
  size_t cl, tlv;
  int start, end;

  *present = false;
  if (asn1_der_decoding_startEnd (node, input, (int) length, name, &start,
				  &end) != ASN1_SUCCESS)
    return GSS_S_COMPLETE;
  if (start < 0 || end < start || (size_t) end >= length)
    return GSS_S_DEFECTIVE_TOKEN;
  c = (const unsigned char *) input + start;
  cl = (size_t) (end - start) + 1;
  /* libtasn1 points at the context tag: step inside it. */
  if ((c[0] & 0xe0) == 0xa0)
    {
      if (!der_first (c, cl, c[0], &c, &cl, &tlv))
	return GSS_S_DEFECTIVE_TOKEN;
    }
  if (!der_first (c, cl, tag, contents, clen, &tlv) || tlv != cl)
    return GSS_S_DEFECTIVE_TOKEN;
  if (whole != NULL)
    {
      whole->value = (void *) c;
      whole->length = cl;
    }
  *present = true;
  return GSS_S_COMPLETE;
}

static OM_uint32
field (asn1_node node, const void *input, size_t length, const char *name,
       unsigned char tag, bool *present, const unsigned char **contents,
       size_t *clen)
{
  return field_tlv (node, input, length, name, tag, present, contents, clen,
		    NULL);
}

static OM_uint32
read_buffer (asn1_node node, const void *input, size_t length,
	     const char *name, bool *present, gss_buffer_t out)
{
  const unsigned char *c;
  size_t cl;
  OM_uint32 major = field (node, input, length, name, 0x04, present, &c,
			   &cl);

  if (major == GSS_S_COMPLETE && *present)
    {
      out->value = (void *) c;
      out->length = cl;
    }
  return major;
}

static OM_uint32
read_oid (asn1_node node, const void *input, size_t length,
	  const char *name, bool *present, gss_OID_desc *oid)
{
  const unsigned char *c;
  size_t cl;
  OM_uint32 major = field (node, input, length, name, 0x06, present, &c,
			   &cl);

  if (major == GSS_S_COMPLETE && *present)
    {
      if (cl == 0 || cl > 0xffff)
	return GSS_S_DEFECTIVE_TOKEN;
      oid->length = (OM_uint32) cl;
      oid->elements = (void *) c;
    }
  return major;
}

static OM_uint32
decode_init_as (const void *input, size_t length, const char *type,
		const char *prefix, const char *mic_field,
		struct spnego_init_token *init)
{
  asn1_node defs = NULL, node = NULL;
  char name[64];
  int count = 0;
  bool present;
  OM_uint32 major = decode (input, length, type, &defs, &node);

  if (major == GSS_S_COMPLETE)
    {
      char choice[32];
      int len = sizeof choice;
      snprintf (name, sizeof name, "%s", prefix);
      name[strlen (prefix) - 1] = '\0';
      if (asn1_read_value (node, "", choice, &len) != ASN1_SUCCESS
	  || strcmp (choice, name) != 0)
	major = GSS_S_DEFECTIVE_TOKEN;
    }
  if (major == GSS_S_COMPLETE)
    {
      snprintf (name, sizeof name, "%smechTypes", prefix);
      if (asn1_number_of_elements (node, name, &count) != ASN1_SUCCESS
	  || count < 1 || count > SPNEGO_MAX_MECHS)
	major = GSS_S_DEFECTIVE_TOKEN;
    }
  if (major == GSS_S_COMPLETE)
    {
      /* The list as received, for the MIC. */
      const unsigned char *c;
      size_t cl;
      major = field_tlv (node, input, length, name, 0x30, &present, &c, &cl,
			 &init->mech_list_der);
      if (major == GSS_S_COMPLETE && !present)
	major = GSS_S_DEFECTIVE_TOKEN;
    }
  for (int i = 0; major == GSS_S_COMPLETE && i < count; i++)
    {
      snprintf (name, sizeof name, "%smechTypes.?%d", prefix, i + 1);
      major = read_oid (node, input, length, name, &present,
			&init->mechs[i]);
      if (major == GSS_S_COMPLETE && !present)
	major = GSS_S_DEFECTIVE_TOKEN;
    }
  init->mech_count = (size_t) count;
  if (major == GSS_S_COMPLETE)
    {
      snprintf (name, sizeof name, "%smechToken", prefix);
      major = read_buffer (node, input, length, name,
			   &init->has_mech_token, &init->mech_token);
    }
  if (major == GSS_S_COMPLETE)
    {
      snprintf (name, sizeof name, "%s%s", prefix, mic_field);
      major = read_buffer (node, input, length, name, &init->has_mic,
			   &init->mic);
    }
  unload (&defs, &node);
  return major;
}

OM_uint32
spnego_decode_init (OM_uint32 *minor, const void *input, size_t length,
		    struct spnego_init_token *init)
{
  OM_uint32 major;

  (void) minor;
  memset (init, 0, sizeof *init);
  major = decode_init_as (input, length, "SPNEGO.NegotiationToken",
			  "negTokenInit.", "mechListMIC", init);
  /* Windows' NegTokenInit2 has negHints where the MIC was ([MS-SPNG]
     2.2.1); the hints are for an initiator and are ignored here. */
  if (major == GSS_S_DEFECTIVE_TOKEN)
    {
      memset (init, 0, sizeof *init);
      major = decode_init_as (input, length, "SPNEGO.NegotiationToken2",
			      "negTokenInit2.", "mechListMIC", init);
    }
  if (major != GSS_S_COMPLETE)
    memset (init, 0, sizeof *init);
  return major;
}

OM_uint32
spnego_decode_resp (OM_uint32 *minor, const void *input, size_t length,
		    struct spnego_resp_token *resp)
{
  asn1_node defs = NULL, node = NULL;
  char choice[32];
  int len = sizeof choice;
  OM_uint32 major;

  (void) minor;
  memset (resp, 0, sizeof *resp);
  resp->neg_state = NEG_NONE;
  major = decode (input, length, "SPNEGO.NegotiationToken", &defs, &node);
  if (major == GSS_S_COMPLETE
      && (asn1_read_value (node, "", choice, &len) != ASN1_SUCCESS
	  || strcmp (choice, "negTokenResp") != 0))
    major = GSS_S_DEFECTIVE_TOKEN;
  if (major == GSS_S_COMPLETE)
    {
      const unsigned char *c;
      size_t cl;
      bool present;
      major = field (node, input, length, "negTokenResp.negState", 0x0a,
		     &present, &c, &cl);
      if (major == GSS_S_COMPLETE && present)
	{
	  if (cl != 1 || c[0] > NEG_REQUEST_MIC)
	    major = GSS_S_DEFECTIVE_TOKEN;
	  else
	    resp->neg_state = c[0];
	}
    }
  if (major == GSS_S_COMPLETE)
    major = read_oid (node, input, length, "negTokenResp.supportedMech",
		      &resp->has_mech, &resp->mech);
  if (major == GSS_S_COMPLETE)
    major = read_buffer (node, input, length, "negTokenResp.responseToken",
			 &resp->has_token, &resp->token);
  if (major == GSS_S_COMPLETE)
    major = read_buffer (node, input, length, "negTokenResp.mechListMIC",
			 &resp->has_mic, &resp->mic);
  unload (&defs, &node);
  if (major != GSS_S_COMPLETE)
    {
      memset (resp, 0, sizeof *resp);
      resp->neg_state = NEG_NONE;
    }
  return major;
}

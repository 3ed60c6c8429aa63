/* der.c - just enough DER to read what Kerberos messages say in the
   clear, before libkrb5 decodes them. */
#include "k5.h"
#include <libtasn1.h>

bool
krb5_gss_der_enter (const unsigned char **p, size_t *len, unsigned char tag,
		    size_t *rest)
{
  int len_len;
  long n;

  if (*len < 2 || (*p)[0] != tag)
    return false;
  n = asn1_get_length_der (*p + 1, (int) (*len - 1 > 0x7fffffff
					  ? 0x7fffffff : *len - 1), &len_len);
  if (n < 0 || (size_t) n > *len - 1 - (size_t) len_len)
    return false;
  *rest = *len - 1 - (size_t) len_len - (size_t) n;
  *p += 1 + len_len;
  *len = (size_t) n;
  return true;
}

/* An INTEGER of one octet inside the context tag TAG, equal to VALUE. */
static bool
small_integer (const unsigned char **p, size_t *len, unsigned char tag,
	       unsigned char value)
{
  const unsigned char *q = *p;
  size_t n = *len, rest, ignored;

  if (!krb5_gss_der_enter (&q, &n, tag, &rest)
      || !krb5_gss_der_enter (&q, &n, 0x02, &ignored)
      || n != 1 || q[0] != value)
    return false;
  *p = q + 1;
  *len = rest;
  return true;
}

bool
krb5_gss_krb_header_ok (const krb5_data *msg, unsigned char app_tag,
			unsigned char msg_type)
{
  const unsigned char *p = (const unsigned char *) msg->data;
  size_t len = msg->length, rest;

  /* libkrb5 knows the message by its application tag and ignores
     msg-type, which no checksum covers: a changed one is a defect. */
  return krb5_gss_der_enter (&p, &len, app_tag, &rest) && rest == 0
    && krb5_gss_der_enter (&p, &len, 0x30, &rest) && rest == 0
    && small_integer (&p, &len, 0xa0, 5)
    && small_integer (&p, &len, 0xa1, msg_type);
}

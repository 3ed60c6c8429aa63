/* decapsulate.c - the RFC 2743 section 3.1 token framing, as peers send
   it: for the Kerberos OID, and for whatever OID the token claims. */
#include "fuzz.h"
#include <string.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gss_buffer_desc in = fuzz_buffer (data, size), out, again;
  OM_uint32 minor;

  if (gss_decapsulate_token (&in, GSS_KRB5, &out) == GSS_S_COMPLETE)
    {
      /* The inner token is the tail of the input, and framing it again
	 takes no more octets (a sender may have used a longer length
	 encoding than DER's shortest). */
      if (out.length > size
	  || (out.length
	      && memcmp (out.value, data + size - out.length, out.length) != 0)
	  || gss_encapsulate_token (&out, GSS_KRB5, &again) != GSS_S_COMPLETE
	  || again.length > size)
	abort ();
      gss_release_buffer (&minor, &again);
      gss_release_buffer (&minor, &out);
    }
  return 0;
}

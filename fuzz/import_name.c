/* import_name.c - exported names (RFC 2743 section 3.2), as read from
   a file or a peer, and what can be done with the name afterwards. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gss_buffer_desc in = fuzz_buffer (data, size), out;
  gss_name_t name = GSS_C_NO_NAME, canon = GSS_C_NO_NAME;
  OM_uint32 minor;
  gss_OID type;
  int equal;

  if (gss_import_name (&minor, &in, GSS_C_NT_EXPORT_NAME, &name)
      != GSS_S_COMPLETE)
    return 0;
  if (gss_display_name (&minor, name, &out, &type) == GSS_S_COMPLETE)
    gss_release_buffer (&minor, &out);
  if (gss_export_name (&minor, name, &out) == GSS_S_COMPLETE)
    gss_release_buffer (&minor, &out);
  if (gss_canonicalize_name (&minor, name, GSS_KRB5, &canon)
      == GSS_S_COMPLETE)
    {
      gss_compare_name (&minor, name, canon, &equal);
      gss_release_name (&minor, &canon);
    }
  gss_release_name (&minor, &name);
  return 0;
}

/* import_context.c - context transfer blobs (gss_import_sec_context),
   which a process reads from wherever another one left them. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gss_buffer_desc in = fuzz_buffer (data, size), out;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  OM_uint32 minor, lifetime;

  if (gss_import_sec_context (&minor, &in, &ctx) != GSS_S_COMPLETE)
    return 0;
  gss_context_time (&minor, ctx, &lifetime);
  gss_inquire_context (&minor, ctx, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  if (gss_export_sec_context (&minor, &ctx, &out) == GSS_S_COMPLETE)
    gss_release_buffer (&minor, &out);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  return 0;
}

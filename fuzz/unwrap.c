/* unwrap.c - per-message tokens (gss_unwrap and gss_verify_mic) on an
   established acceptor context.  The context comes from the file
   FUZZ_CONTEXT, exported by fuzz/seeds with the tokens of the seed
   corpus, so the seeds verify and mutations of them reach every check
   a genuine token passes.  fuzz/run.sh runs this target once per
   enctype family (AES-SHA1, AES-SHA2, Camellia, triple DES, RC4). */
#include "fuzz.h"

/* The message fuzz/seeds signs in its MIC tokens. */
#define MIC_MESSAGE "fuzz message"

static gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  gss_buffer_desc blob = fuzz_read_file (fuzz_env ("FUZZ_CONTEXT"));
  OM_uint32 minor;

  (void) argc;
  (void) argv;
  if (gss_import_sec_context (&minor, &blob, &ctx) != GSS_S_COMPLETE)
    {
      fprintf (stderr, "fuzz: cannot import FUZZ_CONTEXT\n");
      exit (2);
    }
  free (blob.value);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gss_buffer_desc in = fuzz_buffer (data, size), out;
  gss_buffer_desc msg = fuzz_buffer ((const uint8_t *) MIC_MESSAGE,
				     sizeof MIC_MESSAGE - 1);
  OM_uint32 minor;
  gss_qop_t qop;
  int conf;

  if (!GSS_ERROR (gss_unwrap (&minor, ctx, &in, &out, &conf, &qop)))
    gss_release_buffer (&minor, &out);
  gss_verify_mic (&minor, ctx, &msg, &in, &qop);
  return 0;
}

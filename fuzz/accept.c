/* accept.c - first context tokens (AP-REQ), as an acceptor with the
   throwaway realm's keytab (KRB5_KTNAME) reads them.  fuzz/run.sh turns
   the replay cache off: every seed is a replay after its first run. */
#include "fuzz.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_env ("KRB5_KTNAME");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gss_buffer_desc in = fuzz_buffer (data, size), out = GSS_C_EMPTY_BUFFER;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_name_t src = GSS_C_NO_NAME;
  gss_cred_id_t deleg = GSS_C_NO_CREDENTIAL;
  OM_uint32 minor, flags;

  gss_accept_sec_context (&minor, &ctx, GSS_C_NO_CREDENTIAL, &in,
			  GSS_C_NO_CHANNEL_BINDINGS, &src, NULL, &out, &flags,
			  NULL, &deleg);
  gss_release_buffer (&minor, &out);
  gss_release_name (&minor, &src);
  gss_release_cred (&minor, &deleg);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  return 0;
}

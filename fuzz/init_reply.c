/* init_reply.c - the acceptor's reply (AP-REP or KRB-ERROR) as an
   initiator reads it: each run starts a real context with the realm's
   ticket cache (KRB5CCNAME, holding a ticket for host/localhost since
   the seeds were made) and feeds the input as the reply. */
#include "fuzz.h"

static gss_name_t target;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  gss_buffer_desc name = fuzz_buffer ((const uint8_t *) "host@localhost", 14);
  OM_uint32 minor;

  (void) argc;
  (void) argv;
  fuzz_env ("KRB5CCNAME");
  if (gss_import_name (&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &target))
    exit (2);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gss_buffer_desc in = fuzz_buffer (data, size), out = GSS_C_EMPTY_BUFFER;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  OM_uint32 minor, major;

  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target,
				GSS_KRB5, GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG,
				0, GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER,
				NULL, &out, NULL, NULL);
  gss_release_buffer (&minor, &out);
  /* Without a ticket nothing below is reached: stop loudly. */
  if (major != GSS_S_CONTINUE_NEEDED)
    abort ();
  gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_KRB5,
			GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG, 0,
			GSS_C_NO_CHANNEL_BINDINGS, &in, NULL, &out, NULL,
			NULL);
  gss_release_buffer (&minor, &out);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  return 0;
}

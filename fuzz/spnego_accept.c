/* spnego_accept.c - initial SPNEGO tokens (NegTokenInit, RFC 4178) as an
   acceptor with no credential reads them: the framing, the mechanism
   list, the optimistic token handed to Kerberos with the realm's keytab
   (KRB5_KTNAME), and the NegTokenResp it answers with.  The seeds are
   NegTokenInits of real exchanges; fuzz/run.sh turns the replay cache
   off, as for accept. */
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
  gss_OID mech = GSS_C_NO_OID;
  OM_uint32 minor, major, flags;

  major = gss_accept_sec_context (&minor, &ctx, GSS_C_NO_CREDENTIAL, &in,
				  GSS_C_NO_CHANNEL_BINDINGS, &src, &mech,
				  &out, &flags, NULL, &deleg);
  /* A context that claims completion must answer for itself.  */
  if (major == GSS_S_COMPLETE)
    {
      gss_name_t target = GSS_C_NO_NAME;

      gss_inquire_context (&minor, ctx, NULL, &target, NULL, NULL, NULL,
			   NULL, NULL);
      gss_release_name (&minor, &target);
    }
  gss_release_buffer (&minor, &out);
  gss_release_name (&minor, &src);
  gss_release_cred (&minor, &deleg);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  return 0;
}

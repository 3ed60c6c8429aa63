/* spnego_init_reply.c - the acceptor's NegTokenResp (RFC 4178) as a
   SPNEGO initiator reads it: each run starts a real context for
   host@localhost with the realm's ticket cache (KRB5CCNAME), whose
   first token is a NegTokenInit with an optimistic Kerberos AP-REQ, and
   feeds the input as the answer: negState, supportedMech, the response
   token for Kerberos (an AP-REP of another context in the seeds) and
   mechListMIC.  A second reply may follow when the first asks for
   more; the input is then split at its first NegTokenResp's end. */
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

/* The length of the DER element at the start of DATA, or SIZE when it
   cannot be read: the first reply, and what follows is the second. */
static size_t
first_element (const uint8_t *data, size_t size)
{
  size_t len, i = 2, n;

  if (size < 2)
    return size;
  len = data[1];
  if (len & 0x80)
    {
      n = len & 0x7f;
      if (n == 0 || n > 3 || size < 2 + n)
	return size;
      for (len = 0; n > 0; n--)
	len = (len << 8) | data[i++];
    }
  return len <= size - i ? i + len : size;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  size_t first = first_element (data, size);
  gss_buffer_desc in = fuzz_buffer (data, first), out = GSS_C_EMPTY_BUFFER;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  OM_uint32 minor, major, flags = GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG;

  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target,
				GSS_SPNEGO, flags, 0,
				GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER,
				NULL, &out, NULL, NULL);
  gss_release_buffer (&minor, &out);
  /* Without a ticket nothing below is reached: stop loudly. */
  if (major != GSS_S_CONTINUE_NEEDED)
    abort ();
  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target,
				GSS_SPNEGO, flags, 0,
				GSS_C_NO_CHANNEL_BINDINGS, &in, NULL, &out,
				NULL, NULL);
  gss_release_buffer (&minor, &out);
  if (major == GSS_S_CONTINUE_NEEDED && first < size)
    {
      in = fuzz_buffer (data + first, size - first);
      gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target,
			    GSS_SPNEGO, flags, 0, GSS_C_NO_CHANNEL_BINDINGS,
			    &in, NULL, &out, NULL, NULL);
      gss_release_buffer (&minor, &out);
    }
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  return 0;
}

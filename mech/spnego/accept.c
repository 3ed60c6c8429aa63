/* accept.c - the acceptor's side of SPNEGO (RFC 4178 section 3.2):
   choose the first of the initiator's mechanisms this side has, use
   its optimistic token when it is for that one, and answer with
   NegTokenResp until both sides are done. */
#include "spnego.h"
#include <stdlib.h>
#include <string.h>

/* Whether the inner mechanism MECH can accept with CRED (a handle of
   an inner mechanism, or GSS_C_NO_CREDENTIAL for any). */
static bool
usable (gss_cred_id_t cred, const struct gss_mech *mech)
{
  gss_OID_set have = GSS_C_NO_OID_SET;
  OM_uint32 minor;
  int member = 0;

  if (cred == GSS_C_NO_CREDENTIAL)
    return true;
  if (!GSS_ERROR (gss_inquire_cred (&minor, cred, NULL, NULL, NULL, &have)))
    gss_test_oid_set_member (&minor, (gss_OID) mech->oid, have, &member);
  gss_release_oid_set (&minor, &have);
  return member != 0;
}

/* One step of the inner context. */
static OM_uint32
step (OM_uint32 *minor, struct spnego_ctx *ctx, gss_cred_id_t cred,
      const gss_buffer_t token, const gss_channel_bindings_t cb,
      gss_buffer_t output)
{
  gss_OID_desc oid;
  gss_buffer_desc inner = GSS_C_EMPTY_BUFFER;
  OM_uint32 major, tmp;

  /* The first inner token must be for the chosen mechanism, whatever
     lib/ would make of its header. */
  if (ctx->inner == GSS_C_NO_CONTEXT)
    {
      oid = *ctx->inner_oid;
      if (gss_decapsulate_token (token, &oid, &inner) != GSS_S_COMPLETE)
	return GSS_S_DEFECTIVE_TOKEN;
      gss_release_buffer (&tmp, &inner);
    }
  major = gss_accept_sec_context (minor, &ctx->inner, cred, token, cb,
				  &ctx->src_name, NULL, output,
				  &ctx->inner_flags, &ctx->inner_time,
				  &ctx->delegated);
  if (!GSS_ERROR (major))
    ctx->inner_complete = major == GSS_S_COMPLETE;
  return major;
}

/* The answer to send: negState, the mechanism on the first reply, the
   inner token and the MIC when there are any. */
static OM_uint32
answer (OM_uint32 *minor, int state, gss_const_OID mech,
	const gss_buffer_t mech_out, const gss_buffer_t mic_out,
	gss_buffer_t output)
{
  return spnego_encode_resp (minor, state, mech,
			     mech_out->length ? mech_out : NULL,
			     mic_out->length ? mic_out : NULL, output);
}

/* After the inner step: SPNEGO's own state, and whether it is done. */
static OM_uint32
settle (OM_uint32 *minor, struct spnego_ctx *ctx, const gss_buffer_t mic_in,
	const gss_buffer_t mech_out, gss_buffer_t mic_out, int *state)
{
  OM_uint32 major;

  if (!ctx->inner_complete)
    {
      if (mic_in != GSS_C_NO_BUFFER)
	return GSS_S_DEFECTIVE_TOKEN;
      *state = NEG_ACCEPT_INCOMPLETE;
      return GSS_S_CONTINUE_NEEDED;
    }
  if (!ctx->mic_required && mic_in == GSS_C_NO_BUFFER)
    {
      *state = NEG_ACCEPT_COMPLETED;
      return GSS_S_COMPLETE;
    }
  major = spnego_handle_mic (minor, ctx, mic_in, mech_out->length > 0,
			     mic_out);
  if (!GSS_ERROR (major))
    *state = major == GSS_S_COMPLETE ? NEG_ACCEPT_COMPLETED
      : NEG_ACCEPT_INCOMPLETE;
  return major;
}

/* Hand out the names and credentials the inner context gave. */
static void
hand_over (struct spnego_ctx *ctx, void **src_mname, void **delegated,
	   OM_uint32 *ret_flags, OM_uint32 *time_rec)
{
  spnego_finish (ctx, ret_flags, time_rec);
  *src_mname = ctx->src_name;
  ctx->src_name = GSS_C_NO_NAME;
  *delegated = ctx->delegated;
  ctx->delegated = GSS_C_NO_CREDENTIAL;
}

static OM_uint32
accept_first (OM_uint32 *minor, struct spnego_ctx **out, gss_cred_id_t cred,
	      const gss_buffer_t input, const gss_channel_bindings_t cb,
	      gss_buffer_t output, int *state)
{
  struct spnego_init_token init;
  struct spnego_ctx *ctx;
  gss_buffer_desc body = GSS_C_EMPTY_BUFFER, mech_out = GSS_C_EMPTY_BUFFER;
  gss_buffer_desc mic_out = GSS_C_EMPTY_BUFFER;
  const struct gss_mech *mech = NULL;
  OM_uint32 major, tmp;
  size_t i;

  *state = NEG_REJECT;
  ctx = calloc (1, sizeof *ctx);
  if (ctx == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return GSS_S_FAILURE;
    }
  *out = ctx;
  if (gss_decapsulate_token (input, &GSS_SPNEGO_static, &body)
      != GSS_S_COMPLETE)
    return GSS_S_DEFECTIVE_TOKEN;
  major = spnego_decode_init (minor, body.value, body.length, &init);
  if (GSS_ERROR (major))
    goto cleanup;

  for (i = 0; i < init.mech_count; i++)
    {
      mech = spnego_inner_mech (&init.mechs[i]);
      if (mech && usable (cred, mech))
	break;
    }
  if (i == init.mech_count)
    {
      /* Nothing in common: a reject goes back. */
      major = answer (minor, NEG_REJECT, GSS_C_NO_OID, &mech_out, &mic_out,
		      output);
      if (!GSS_ERROR (major))
	major = GSS_S_BAD_MECH;
      goto cleanup;
    }
  ctx->inner_oid = (gss_OID) mech->oid;
  ctx->chosen.elements = malloc (init.mechs[i].length);
  ctx->mech_list_der.value = malloc (init.mech_list_der.length);
  if (ctx->chosen.elements == NULL || ctx->mech_list_der.value == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  memcpy (ctx->chosen.elements, init.mechs[i].elements, init.mechs[i].length);
  ctx->chosen.length = init.mechs[i].length;
  memcpy (ctx->mech_list_der.value, init.mech_list_der.value,
	  init.mech_list_der.length);
  ctx->mech_list_der.length = init.mech_list_der.length;
  /* RFC 4178 section 5. */
  if (i != 0)
    ctx->mic_required = true;

  if (i == 0 && init.has_mech_token)
    {
      major = step (minor, ctx, cred, &init.mech_token, cb, &mech_out);
      if (GSS_ERROR (major))
	{
	  /* The inner error token, if any, goes back in a reject. */
	  OM_uint32 inner = major, m = *minor;
	  if (!GSS_ERROR (answer (&tmp, NEG_REJECT, GSS_C_NO_OID, &mech_out,
				  &mic_out, output)))
	    *minor = m;
	  major = inner;
	  goto cleanup;
	}
      major = settle (minor, ctx, init.has_mic ? &init.mic : NULL,
		      &mech_out, &mic_out, state);
      if (GSS_ERROR (major))
	{
	  OM_uint32 m = *minor;
	  answer (&tmp, NEG_REJECT, GSS_C_NO_OID, &mech_out, &mic_out, output);
	  *minor = m;
	  goto cleanup;
	}
    }
  else
    {
      /* No token to use: the initiator starts the chosen mechanism. */
      *state = i != 0 ? NEG_REQUEST_MIC : NEG_ACCEPT_INCOMPLETE;
      major = GSS_S_CONTINUE_NEEDED;
    }
  {
    OM_uint32 sent = answer (minor, *state, &init.mechs[i], &mech_out,
			     &mic_out, output);
    if (GSS_ERROR (sent))
      major = sent;
  }

cleanup:
  gss_release_buffer (&tmp, &body);
  gss_release_buffer (&tmp, &mech_out);
  gss_release_buffer (&tmp, &mic_out);
  return major;
}

static OM_uint32
accept_next (OM_uint32 *minor, struct spnego_ctx *ctx, gss_cred_id_t cred,
	     const gss_buffer_t input, const gss_channel_bindings_t cb,
	     gss_buffer_t output, int *state)
{
  struct spnego_resp_token resp;
  gss_buffer_desc mech_out = GSS_C_EMPTY_BUFFER, mic_out = GSS_C_EMPTY_BUFFER;
  OM_uint32 major, tmp;

  if (ctx->open)
    {
      *minor = GSS_KRB5_S_KG_CONTEXT_ESTABLISHED;
      return GSS_S_FAILURE;
    }
  major = spnego_decode_resp (minor, input->value, input->length, &resp);
  if (GSS_ERROR (major))
    return major;
  if (resp.neg_state == NEG_REJECT)
    return GSS_S_FAILURE;
  if (resp.has_token)
    {
      if (ctx->inner_complete)
	{
	  major = GSS_S_DEFECTIVE_TOKEN;
	  goto cleanup;
	}
      major = step (minor, ctx, cred, &resp.token, cb, &mech_out);
      if (GSS_ERROR (major))
	{
	  OM_uint32 m = *minor;
	  answer (&tmp, NEG_REJECT, GSS_C_NO_OID, &mech_out, &mic_out, output);
	  *minor = m;
	  goto cleanup;
	}
    }
  else if (!ctx->inner_complete)
    {
      major = GSS_S_DEFECTIVE_TOKEN;
      goto cleanup;
    }
  major = settle (minor, ctx, resp.has_mic ? &resp.mic : NULL, &mech_out,
		  &mic_out, state);
  if (GSS_ERROR (major))
    goto cleanup;
  /* The last MIC came and ours went before: nothing more to say. */
  if (major == GSS_S_COMPLETE && mech_out.length == 0 && mic_out.length == 0
      && !resp.has_token)
    goto cleanup;
  {
    OM_uint32 sent = answer (minor, *state, GSS_C_NO_OID, &mech_out,
			     &mic_out, output);
    if (GSS_ERROR (sent))
      major = sent;
  }

cleanup:
  gss_release_buffer (&tmp, &mech_out);
  gss_release_buffer (&tmp, &mic_out);
  return major;
}

OM_uint32
spnego_accept_sec_context (OM_uint32 *minor, void **mctx, const void *mcred,
			   const gss_buffer_t input_token,
			   const gss_channel_bindings_t cb, void **src_mname,
			   gss_buffer_t output_token, OM_uint32 *ret_flags,
			   OM_uint32 *time_rec, void **delegated_mcred)
{
  /* lib/mech.h: a negotiating mechanism is given lib/'s handles. */
  gss_cred_id_t cred = (gss_cred_id_t) mcred;
  struct spnego_ctx *ctx = *mctx;
  int state = NEG_NONE;
  OM_uint32 major;

  if (ctx == NULL)
    {
      major = accept_first (minor, &ctx, cred, input_token, cb, output_token,
			    &state);
      if (GSS_ERROR (major))
	{
	  /* A failed first call leaves nothing behind. */
	  spnego_ctx_free (ctx);
	  return major;
	}
      *mctx = ctx;
    }
  else
    {
      major = accept_next (minor, ctx, cred, input_token, cb, output_token,
			   &state);
      if (GSS_ERROR (major))
	return major;
    }
  if (major == GSS_S_COMPLETE)
    hand_over (ctx, src_mname, delegated_mcred, ret_flags, time_rec);
  else
    *ret_flags = ctx->inner_flags & ~(OM_uint32) (GSS_C_PROT_READY_FLAG
						| GSS_C_TRANS_FLAG);
  return major;
}

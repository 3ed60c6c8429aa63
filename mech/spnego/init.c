/* init.c - the initiator's side of SPNEGO (RFC 4178 section 3.2):
   NegTokenInit with an optimistic token of the preferred mechanism,
   then the acceptor's NegTokenResp until both sides are done. */
#include "spnego.h"
#include <stdlib.h>
#include <string.h>

/* The mechanisms to offer, in the table's order (Kerberos first): those
   of CRED when it is given, otherwise every inner mechanism. */
static OM_uint32
offer (OM_uint32 *minor, gss_cred_id_t cred, struct spnego_ctx *ctx)
{
  gss_OID_set have = GSS_C_NO_OID_SET;
  OM_uint32 major = GSS_S_COMPLETE, tmp;
  size_t i;

  if (cred != GSS_C_NO_CREDENTIAL)
    {
      major = gss_inquire_cred (minor, cred, NULL, NULL, NULL, &have);
      if (GSS_ERROR (major))
	return major;
    }
  for (i = 0; _gss_mechs[i] && ctx->mech_count < SPNEGO_MAX_MECHS; i++)
    {
      int member = 1;
      if (_gss_mechs[i]->negotiates)
	continue;
      if (have != GSS_C_NO_OID_SET)
	gss_test_oid_set_member (&tmp, (gss_OID) _gss_mechs[i]->oid, have,
				 &member);
      if (member)
	ctx->mechs[ctx->mech_count++] = *_gss_mechs[i]->oid;
    }
  gss_release_oid_set (&tmp, &have);
  if (ctx->mech_count == 0)
    return GSS_S_NO_CRED;
  return GSS_S_COMPLETE;
}

/* One step of the inner context of mechanism MECH. */
static OM_uint32
step (OM_uint32 *minor, struct spnego_ctx *ctx, gss_cred_id_t cred,
      gss_const_OID mech, const gss_channel_bindings_t cb,
      const gss_buffer_t input, gss_buffer_t output, OM_uint32 req_flags,
      OM_uint32 time_req)
{
  OM_uint32 major;

  major = gss_init_sec_context (minor, cred, &ctx->inner, ctx->target,
				(gss_OID) mech, req_flags, time_req, cb,
				input, NULL, output, &ctx->inner_flags,
				&ctx->inner_time);
  if (!GSS_ERROR (major))
    ctx->inner_complete = major == GSS_S_COMPLETE;
  return major;
}

static OM_uint32
init_first (OM_uint32 *minor, gss_cred_id_t cred, struct spnego_ctx **out,
	    gss_name_t target, OM_uint32 req_flags, OM_uint32 time_req,
	    const gss_channel_bindings_t cb, gss_buffer_t output)
{
  struct spnego_ctx *ctx = calloc (1, sizeof *ctx);
  gss_buffer_desc mech_token = GSS_C_EMPTY_BUFFER;
  OM_uint32 major, tmp;

  if (ctx == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return GSS_S_FAILURE;
    }
  ctx->initiator = true;
  major = offer (minor, cred, ctx);
  if (!GSS_ERROR (major))
    major = gss_duplicate_name (minor, target, &ctx->target);
  if (!GSS_ERROR (major))
    {
      ctx->inner_oid = (gss_OID) spnego_inner_mech (&ctx->mechs[0])->oid;
      major = step (minor, ctx, cred, ctx->inner_oid, cb, GSS_C_NO_BUFFER,
		    &mech_token, req_flags, time_req);
    }
  if (!GSS_ERROR (major))
    major = spnego_encode_init (minor, ctx->mechs, ctx->mech_count,
				&mech_token, output, &ctx->mech_list_der);
  gss_release_buffer (&tmp, &mech_token);
  if (GSS_ERROR (major))
    {
      spnego_ctx_free (ctx);
      return major;
    }
  *out = ctx;
  /* Whatever the inner context says, the acceptor has to answer. */
  return GSS_S_CONTINUE_NEEDED;
}

/* The acceptor's first reply names the mechanism it chose. */
static OM_uint32
first_reply (OM_uint32 *minor, struct spnego_ctx *ctx, gss_cred_id_t cred,
	     const struct spnego_resp_token *resp,
	     const gss_channel_bindings_t cb, gss_buffer_t mech_out,
	     OM_uint32 req_flags, OM_uint32 time_req, bool *restarted)
{
  const struct gss_mech *chosen;
  size_t i;

  *restarted = false;
  if (resp->neg_state == NEG_NONE || !resp->has_mech)
    return GSS_S_DEFECTIVE_TOKEN;
  chosen = spnego_inner_mech (&resp->mech);
  for (i = 0; chosen && i < ctx->mech_count; i++)
    if (gss_oid_equal (chosen->oid, &ctx->mechs[i]))
      break;
  if (chosen == NULL || i == ctx->mech_count)
    return GSS_S_BAD_MECH;
  /* RFC 4178 section 5: another than the preferred mechanism, or the
     acceptor asking, makes the MICs mandatory. */
  if (i != 0 || resp->neg_state == NEG_REQUEST_MIC)
    ctx->mic_required = true;
  /* The optimistic token was not used: the acceptor chose another
     mechanism, or ignored it and answers with nothing.  The inner
     context starts again. */
  if (i != 0 || (!resp->has_token && !resp->has_mic
		 && (resp->neg_state == NEG_REQUEST_MIC
		     || resp->neg_state == NEG_ACCEPT_INCOMPLETE)))
    {
      OM_uint32 tmp, major;
      if (resp->has_token)
	return GSS_S_DEFECTIVE_TOKEN;
      gss_delete_sec_context (&tmp, &ctx->inner, GSS_C_NO_BUFFER);
      ctx->inner_complete = false;
      ctx->inner_oid = (gss_OID) chosen->oid;
      major = step (minor, ctx, cred, ctx->inner_oid, cb, GSS_C_NO_BUFFER,
		    mech_out, req_flags, time_req);
      if (GSS_ERROR (major))
	return major;
      *restarted = true;
    }
  return GSS_S_COMPLETE;
}

/* What a reject says: the inner mechanism's error when it sent one. */
static OM_uint32
rejected (OM_uint32 *minor, struct spnego_ctx *ctx, gss_cred_id_t cred,
	  const struct spnego_resp_token *resp,
	  const gss_channel_bindings_t cb, OM_uint32 req_flags,
	  OM_uint32 time_req)
{
  gss_buffer_desc ignored = GSS_C_EMPTY_BUFFER;
  OM_uint32 major = GSS_S_BAD_MECH, tmp;

  if (resp->has_token && ctx->inner != GSS_C_NO_CONTEXT
      && !ctx->inner_complete)
    {
      gss_buffer_desc token = resp->token;
      major = step (minor, ctx, cred, ctx->inner_oid, cb, &token, &ignored,
		    req_flags, time_req);
      gss_release_buffer (&tmp, &ignored);
      if (GSS_ERROR (major))
	return major;
      major = GSS_S_FAILURE;
    }
  else if (ctx->replied)
    major = GSS_S_FAILURE;
  *minor = 0;
  return major;
}

static OM_uint32
init_next (OM_uint32 *minor, gss_cred_id_t cred, struct spnego_ctx *ctx,
	   OM_uint32 req_flags, OM_uint32 time_req,
	   const gss_channel_bindings_t cb, const gss_buffer_t input,
	   gss_buffer_t output, OM_uint32 *ret_flags, OM_uint32 *time_rec)
{
  struct spnego_resp_token resp;
  gss_buffer_desc mech_out = GSS_C_EMPTY_BUFFER, mic_out = GSS_C_EMPTY_BUFFER;
  gss_buffer_t mic_in = GSS_C_NO_BUFFER;
  bool restarted = false, done = false;
  OM_uint32 major, tmp;

  if (ctx->open)
    {
      *minor = GSS_KRB5_S_KG_CONTEXT_ESTABLISHED;
      return GSS_S_FAILURE;
    }
  if (input == GSS_C_NO_BUFFER || input->length == 0)
    return GSS_S_DEFECTIVE_TOKEN;
  major = spnego_decode_resp (minor, input->value, input->length, &resp);
  if (GSS_ERROR (major))
    return major;
  if (resp.neg_state == NEG_REJECT)
    return rejected (minor, ctx, cred, &resp, cb, req_flags, time_req);

  if (!ctx->replied)
    {
      major = first_reply (minor, ctx, cred, &resp, cb, &mech_out,
			   req_flags, time_req, &restarted);
      if (GSS_ERROR (major))
	goto cleanup;
      ctx->replied = true;
    }
  else if (resp.neg_state == NEG_REQUEST_MIC
	   || (resp.has_mech
	       && spnego_inner_mech (&resp.mech)
	       != spnego_inner_mech (ctx->inner_oid)))
    {
      /* Only the first reply chooses. */
      major = GSS_S_DEFECTIVE_TOKEN;
      goto cleanup;
    }

  if (resp.has_mic)
    {
      mic_in = &resp.mic;
      /* Windows 2000 echoed the response token as a "MIC"; MIT ignores
	 it, and so do we. */
      if (resp.has_token && resp.token.length == resp.mic.length
	  && memcmp (resp.token.value, resp.mic.value, resp.mic.length) == 0)
	mic_in = GSS_C_NO_BUFFER;
    }

  if (!restarted)
    {
      if (resp.has_token)
	{
	  if (ctx->inner_complete)
	    {
	      major = GSS_S_DEFECTIVE_TOKEN;
	      goto cleanup;
	    }
	  major = step (minor, ctx, cred, ctx->inner_oid, cb, &resp.token,
			&mech_out, req_flags, time_req);
	  if (GSS_ERROR (major))
	    goto cleanup;
	}
      else if (!ctx->inner_complete)
	{
	  major = GSS_S_DEFECTIVE_TOKEN;
	  goto cleanup;
	}
    }

  if (ctx->inner_complete)
    {
      if (ctx->mic_required || mic_in != GSS_C_NO_BUFFER)
	{
	  if (!ctx->mic_required && resp.neg_state == NEG_ACCEPT_COMPLETED)
	    {
	      /* An acceptor that is done sent a MIC it did not have to:
		 it is checked, and no answer is due. */
	      major = gss_verify_mic (minor, ctx->inner, &ctx->mech_list_der,
				      mic_in, NULL);
	      if (GSS_ERROR (major))
		goto cleanup;
	      ctx->mic_received = true;
	      done = true;
	    }
	  else
	    {
	      major = spnego_handle_mic (minor, ctx, mic_in,
					 mech_out.length > 0, &mic_out);
	      if (GSS_ERROR (major))
		goto cleanup;
	      done = major == GSS_S_COMPLETE;
	    }
	}
      else if (resp.neg_state == NEG_ACCEPT_COMPLETED)
	done = true;
      else if (mech_out.length == 0)
	{
	  /* Nothing left to send, nothing to wait for. */
	  major = GSS_S_DEFECTIVE_TOKEN;
	  goto cleanup;
	}
    }
  else if (resp.neg_state == NEG_ACCEPT_COMPLETED)
    {
      major = GSS_S_DEFECTIVE_TOKEN;
      goto cleanup;
    }

  if (mech_out.length > 0 || mic_out.length > 0)
    {
      major = spnego_encode_resp (minor, NEG_NONE, GSS_C_NO_OID,
				  mech_out.length ? &mech_out : NULL,
				  mic_out.length ? &mic_out : NULL, output);
      if (GSS_ERROR (major))
	goto cleanup;
    }
  if (done)
    {
      spnego_finish (ctx, ret_flags, time_rec);
      major = GSS_S_COMPLETE;
    }
  else
    {
      *ret_flags = ctx->inner_flags & ~(OM_uint32) (GSS_C_PROT_READY_FLAG
						  | GSS_C_TRANS_FLAG);
      major = GSS_S_CONTINUE_NEEDED;
    }

cleanup:
  gss_release_buffer (&tmp, &mech_out);
  gss_release_buffer (&tmp, &mic_out);
  return major;
}

OM_uint32
spnego_init_sec_context (OM_uint32 *minor, const void *mcred, void **mctx,
			 const void *target_mname, OM_uint32 req_flags,
			 OM_uint32 time_req, const gss_channel_bindings_t cb,
			 const gss_buffer_t input_token,
			 gss_buffer_t output_token, OM_uint32 *ret_flags,
			 OM_uint32 *time_rec)
{
  /* lib/mech.h: a negotiating mechanism is given lib/'s handles. */
  gss_cred_id_t cred = (gss_cred_id_t) mcred;
  struct spnego_ctx *ctx = *mctx;
  OM_uint32 major;

  if (ctx == NULL)
    {
      major = init_first (minor, cred, &ctx, (gss_name_t) target_mname,
			  req_flags, time_req, cb, output_token);
      if (!GSS_ERROR (major))
	{
	  *mctx = ctx;
	  *ret_flags = ctx->inner_flags
	    & ~(OM_uint32) (GSS_C_PROT_READY_FLAG | GSS_C_TRANS_FLAG);
	}
      return major;
    }
  return init_next (minor, cred, ctx, req_flags, time_req, cb, input_token,
		    output_token, ret_flags, time_rec);
}

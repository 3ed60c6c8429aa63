/* context.c - a SPNEGO context once it is, or is being, established:
   the mechListMIC exchange (RFC 4178 section 5), and every other call
   handed to the inner context. */
#include "spnego.h"
#include <stdlib.h>
#include <string.h>

void
spnego_ctx_free (struct spnego_ctx *ctx)
{
  OM_uint32 minor;

  if (ctx == NULL)
    return;
  if (ctx->inner != GSS_C_NO_CONTEXT)
    gss_delete_sec_context (&minor, &ctx->inner, GSS_C_NO_BUFFER);
  if (ctx->target != GSS_C_NO_NAME)
    gss_release_name (&minor, &ctx->target);
  if (ctx->src_name != GSS_C_NO_NAME)
    gss_release_name (&minor, &ctx->src_name);
  if (ctx->delegated != GSS_C_NO_CREDENTIAL)
    gss_release_cred (&minor, &ctx->delegated);
  free (ctx->mech_list_der.value);
  free (ctx->chosen.elements);
  free (ctx);
}

OM_uint32
spnego_handle_mic (OM_uint32 *minor, struct spnego_ctx *ctx,
		   const gss_buffer_t mic_in, bool sending_token,
		   gss_buffer_t mic_out)
{
  OM_uint32 major;

  if (mic_in != GSS_C_NO_BUFFER)
    {
      /* One MIC each way, never two. */
      if (ctx->mic_received)
	return GSS_S_DEFECTIVE_TOKEN;
      major = gss_verify_mic (minor, ctx->inner, &ctx->mech_list_der,
			      mic_in, NULL);
      if (GSS_ERROR (major))
	return major;
      ctx->mic_received = true;
    }
  else if (ctx->mic_required && !ctx->mic_received && !sending_token)
    /* The peer's last mechanism token came without the MIC the
       negotiation needs: a downgrade, or a broken peer. */
    return GSS_S_DEFECTIVE_TOKEN;
  if (!ctx->mic_sent)
    {
      major = gss_get_mic (minor, ctx->inner, GSS_C_QOP_DEFAULT,
			   &ctx->mech_list_der, mic_out);
      if (GSS_ERROR (major))
	return major;
      ctx->mic_sent = true;
    }
  return ctx->mic_received ? GSS_S_COMPLETE : GSS_S_CONTINUE_NEEDED;
}

/* A complete inner context's flags and lifetime, as the context's. */
void
spnego_finish (struct spnego_ctx *ctx, OM_uint32 *ret_flags,
	       OM_uint32 *time_rec)
{
  OM_uint32 minor, flags = 0, lifetime = 0;

  ctx->open = true;
  if (!GSS_ERROR (gss_inquire_context (&minor, ctx->inner, NULL, NULL,
				       &lifetime, NULL, &flags, NULL, NULL)))
    {
      ctx->inner_flags = flags;
      ctx->inner_time = lifetime;
    }
  *ret_flags = ctx->inner_flags;
  *time_rec = ctx->inner_time;
}

OM_uint32
spnego_check_open (OM_uint32 *minor, const struct spnego_ctx *ctx)
{
  if (ctx->open && ctx->inner != GSS_C_NO_CONTEXT)
    return GSS_S_COMPLETE;
  *minor = GSS_KRB5_S_KG_CTX_INCOMPLETE;
  return GSS_S_NO_CONTEXT;
}

gss_OID
spnego_negotiated_mech (const void *mctx)
{
  const struct spnego_ctx *ctx = mctx;

  return ctx->inner_oid;
}

OM_uint32
spnego_delete_sec_context (OM_uint32 *minor, void *mctx,
			   gss_buffer_t output_token)
{
  (void) output_token;
  *minor = 0;
  spnego_ctx_free (mctx);
  return GSS_S_COMPLETE;
}

OM_uint32
spnego_process_context_token (OM_uint32 *minor, void *mctx,
			      const gss_buffer_t token)
{
  struct spnego_ctx *ctx = mctx;

  if (ctx->inner == GSS_C_NO_CONTEXT)
    return spnego_check_open (minor, ctx);
  return gss_process_context_token (minor, ctx->inner, token);
}

OM_uint32
spnego_context_time (OM_uint32 *minor, const void *mctx, OM_uint32 *time_rec)
{
  const struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_context_time (minor, ctx->inner, time_rec);
}

OM_uint32
spnego_inquire_context (OM_uint32 *minor, const void *mctx,
			void **src_mname, void **targ_mname,
			OM_uint32 *lifetime, OM_uint32 *flags,
			int *locally_initiated, int *open)
{
  const struct spnego_ctx *ctx = mctx;
  gss_name_t src = GSS_C_NO_NAME, targ = GSS_C_NO_NAME;
  OM_uint32 major;

  *locally_initiated = ctx->initiator;
  *open = ctx->open;
  if (ctx->inner == GSS_C_NO_CONTEXT)
    return GSS_S_COMPLETE;
  major = gss_inquire_context (minor, ctx->inner,
			       src_mname ? &src : NULL,
			       targ_mname ? &targ : NULL, lifetime, NULL,
			       flags, NULL, NULL);
  if (src_mname)
    *src_mname = src;
  if (targ_mname)
    *targ_mname = targ;
  if (!ctx->open)
    *flags &= ~(OM_uint32) (GSS_C_PROT_READY_FLAG | GSS_C_TRANS_FLAG);
  return major;
}

OM_uint32
spnego_export_sec_context (OM_uint32 *minor, void *mctx, gss_buffer_t token)
{
  struct spnego_ctx *ctx = mctx;

  if (spnego_check_open (minor, ctx))
    return GSS_S_UNAVAILABLE;
  /* The inner context's own interprocess token: SPNEGO has nothing
     left to say once it is done. */
  return _gss_ctx_serialize (minor, ctx->inner, token);
}

OM_uint32
spnego_import_sec_context (OM_uint32 *minor, const gss_buffer_t token,
			   void **mctx)
{
  struct spnego_ctx *ctx = calloc (1, sizeof *ctx);
  OM_uint32 major, flags = 0, lifetime = 0;
  gss_OID mech = GSS_C_NO_OID;
  int local = 0, open = 0;

  if (ctx == NULL)
    {
      *minor = GSS_KRB5_S_G_BUFFER_ALLOC;
      return GSS_S_FAILURE;
    }
  major = gss_import_sec_context (minor, token, &ctx->inner);
  if (!GSS_ERROR (major))
    major = gss_inquire_context (minor, ctx->inner, NULL, NULL, &lifetime,
				 &mech, &flags, &local, &open);
  /* Only an established context of an inner mechanism is exported. */
  if (!GSS_ERROR (major) && (!open || spnego_inner_mech (mech) == NULL))
    major = GSS_S_DEFECTIVE_TOKEN;
  if (GSS_ERROR (major))
    {
      spnego_ctx_free (ctx);
      return major;
    }
  ctx->initiator = local;
  ctx->open = ctx->inner_complete = true;
  ctx->inner_oid = (gss_OID) spnego_inner_mech (mech)->oid;
  ctx->inner_flags = flags;
  ctx->inner_time = lifetime;
  *mctx = ctx;
  return GSS_S_COMPLETE;
}

OM_uint32
spnego_get_mic (OM_uint32 *minor, void *mctx, gss_qop_t qop,
		const gss_buffer_t message, gss_buffer_t token)
{
  struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_get_mic (minor, ctx->inner, qop, message, token);
}

OM_uint32
spnego_verify_mic (OM_uint32 *minor, void *mctx, const gss_buffer_t message,
		   const gss_buffer_t token, gss_qop_t *qop_state)
{
  struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_verify_mic (minor, ctx->inner, message, token, qop_state);
}

OM_uint32
spnego_wrap (OM_uint32 *minor, void *mctx, int conf_req, gss_qop_t qop,
	     const gss_buffer_t input, int *conf_state, gss_buffer_t output)
{
  struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_wrap (minor, ctx->inner, conf_req, qop, input, conf_state,
		   output);
}

OM_uint32
spnego_unwrap (OM_uint32 *minor, void *mctx, const gss_buffer_t input,
	       gss_buffer_t output, int *conf_state, gss_qop_t *qop_state)
{
  struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_unwrap (minor, ctx->inner, input, output, conf_state,
		     qop_state);
}

OM_uint32
spnego_wrap_size_limit (OM_uint32 *minor, const void *mctx, int conf_req,
			gss_qop_t qop, OM_uint32 req_output_size,
			OM_uint32 *max_input_size)
{
  const struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_wrap_size_limit (minor, ctx->inner, conf_req, qop,
			      req_output_size, max_input_size);
}

/* context.c - security contexts: establishment, inquiry, deletion and
   transfer between processes. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

/* The checks every call on an existing context starts with. */
static OM_uint32
check_context (gss_const_ctx_id_t ctx)
{
  if (ctx == GSS_C_NO_CONTEXT)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT;
  if (!_gss_ctx_ok (ctx))
    return GSS_S_NO_CONTEXT;
  return GSS_S_COMPLETE;
}

OM_uint32
_gss_ctx_wrap (OM_uint32 *minor, const struct gss_mech *mech, void *mctx,
	       gss_ctx_id_t *out)
{
  struct gss_ctx_id_struct *ctx = calloc (1, sizeof *ctx);
  OM_uint32 tmp;

  if (ctx == NULL)
    {
      mech->delete_sec_context (&tmp, mctx, GSS_C_NO_BUFFER);
      *minor = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  ctx->magic = GSS_MAGIC_CTX;
  ctx->mech = mech;
  ctx->mctx = mctx;
  *out = ctx;
  return GSS_S_COMPLETE;
}

static void
free_context (gss_ctx_id_t *ctx)
{
  (*ctx)->magic = GSS_MAGIC_DEAD;
  free (*ctx);
  *ctx = GSS_C_NO_CONTEXT;
}

static void
release_output (gss_buffer_t token)
{
  OM_uint32 tmp;
  gss_release_buffer (&tmp, token);
}

OM_uint32
gss_init_sec_context (OM_uint32 *minor_status,
		      const gss_cred_id_t initiator_cred_handle,
		      gss_ctx_id_t *context_handle,
		      const gss_name_t target_name, const gss_OID mech_type,
		      OM_uint32 req_flags, OM_uint32 time_req,
		      const gss_channel_bindings_t input_chan_bindings,
		      const gss_buffer_t input_token,
		      gss_OID *actual_mech_type, gss_buffer_t output_token,
		      OM_uint32 *ret_flags, OM_uint32 *time_rec)
{
  const struct gss_mech *mech;
  void *mctx, *mname = NULL;
  bool owned = false, first;
  OM_uint32 major, flags = 0, lifetime = 0;

  if (actual_mech_type != NULL)
    *actual_mech_type = GSS_C_NO_OID;
  if (output_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_token);
  if (ret_flags != NULL)
    *ret_flags = 0;
  if (time_rec != NULL)
    *time_rec = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (context_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CONTEXT;
  if (output_token == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (target_name == GSS_C_NO_NAME)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME;
  if (!_gss_name_ok (target_name))
    return GSS_S_BAD_NAME;
  if (initiator_cred_handle != GSS_C_NO_CREDENTIAL
      && !_gss_cred_ok (initiator_cred_handle))
    return GSS_S_NO_CRED;
  if (input_token != GSS_C_NO_BUFFER && !_gss_buffer_readable (input_token))
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN;

  first = *context_handle == GSS_C_NO_CONTEXT;
  if (first)
    mech = _gss_find_mech (mech_type);
  else if (!_gss_ctx_ok (*context_handle))
    return GSS_S_NO_CONTEXT;
  else
    {
      mech = (*context_handle)->mech;
      if (mech_type != GSS_C_NO_OID && !gss_oid_equal (mech_type, mech->oid))
	return GSS_S_BAD_MECH;
    }
  if (mech == NULL)
    return GSS_S_BAD_MECH;
  if (initiator_cred_handle != GSS_C_NO_CREDENTIAL
      && initiator_cred_handle->mech != mech)
    return GSS_S_BAD_MECH;
  if (mech->init_sec_context == NULL)
    return GSS_S_UNAVAILABLE;

  major = _gss_name_to_mname (minor_status, target_name, mech, &mname,
			      &owned);
  if (GSS_ERROR (major))
    return major;

  mctx = first ? NULL : (*context_handle)->mctx;
  major = mech->init_sec_context (minor_status,
				  initiator_cred_handle ?
				  initiator_cred_handle->mcred : NULL,
				  &mctx, mname, req_flags, time_req,
				  input_chan_bindings, input_token,
				  output_token, &flags, &lifetime);
  if (owned)
    mech->release_name (mname);

  /* A failed first call leaves no context behind (the mechanism freed
     its own); a failed later one leaves the context for the caller to
     delete, as the gss_init_sec_context page prefers. */
  if (first && !GSS_ERROR (major) && mctx != NULL)
    {
      OM_uint32 wrapped = _gss_ctx_wrap (minor_status, mech, mctx,
					context_handle);
      if (GSS_ERROR (wrapped))
	{
	  release_output (output_token);
	  return wrapped;
	}
    }
  if (ret_flags != NULL)
    *ret_flags = flags;
  if (GSS_ERROR (major))
    return major;
  if (actual_mech_type != NULL)
    *actual_mech_type = (gss_OID) mech->oid;
  if (time_rec != NULL)
    *time_rec = lifetime;
  return major;
}

OM_uint32
gss_accept_sec_context (OM_uint32 *minor_status,
			gss_ctx_id_t *context_handle,
			const gss_cred_id_t acceptor_cred_handle,
			const gss_buffer_t input_token_buffer,
			const gss_channel_bindings_t input_chan_bindings,
			gss_name_t *src_name, gss_OID *mech_type,
			gss_buffer_t output_token, OM_uint32 *ret_flags,
			OM_uint32 *time_rec,
			gss_cred_id_t *delegated_cred_handle)
{
  const struct gss_mech *mech;
  void *mctx, *src_mname = NULL, *deleg_mcred = NULL;
  bool first;
  OM_uint32 major, flags = 0, lifetime = 0, tmp;

  if (src_name != NULL)
    *src_name = GSS_C_NO_NAME;
  if (mech_type != NULL)
    *mech_type = GSS_C_NO_OID;
  if (output_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_token);
  if (ret_flags != NULL)
    *ret_flags = 0;
  if (time_rec != NULL)
    *time_rec = 0;
  if (delegated_cred_handle != NULL)
    *delegated_cred_handle = GSS_C_NO_CREDENTIAL;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (context_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CONTEXT;
  if (!_gss_buffer_readable (input_token_buffer))
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN;
  if (output_token == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (acceptor_cred_handle != GSS_C_NO_CREDENTIAL
      && !_gss_cred_ok (acceptor_cred_handle))
    return GSS_S_NO_CRED;

  first = *context_handle == GSS_C_NO_CONTEXT;
  if (first)
    {
      /* The mechanism is named by the RFC 2743 section 3.1 header of
	 the first token. */
      gss_OID_desc oid;
      const void *inner;
      size_t inner_length;

      if (_gss_token_parse (input_token_buffer->value,
			    input_token_buffer->length, &oid, &inner,
			    &inner_length) != GSS_S_COMPLETE)
	return GSS_S_DEFECTIVE_TOKEN;
      mech = _gss_find_mech (&oid);
      if (mech == NULL)
	return GSS_S_BAD_MECH;
    }
  else if (!_gss_ctx_ok (*context_handle))
    return GSS_S_NO_CONTEXT;
  else
    mech = (*context_handle)->mech;
  if (acceptor_cred_handle != GSS_C_NO_CREDENTIAL
      && acceptor_cred_handle->mech != mech)
    return GSS_S_NO_CRED;
  if (mech->accept_sec_context == NULL)
    return GSS_S_UNAVAILABLE;

  mctx = first ? NULL : (*context_handle)->mctx;
  major = mech->accept_sec_context (minor_status, &mctx,
				    acceptor_cred_handle ?
				    acceptor_cred_handle->mcred : NULL,
				    input_token_buffer, input_chan_bindings,
				    &src_mname, output_token, &flags,
				    &lifetime, &deleg_mcred);
  if (first && !GSS_ERROR (major) && mctx != NULL)
    major = _gss_ctx_wrap (minor_status, mech, mctx, context_handle) | major;
  if (GSS_ERROR (major))
    {
      /* The mechanism hands out names and credentials only on
	 success; an output token (a KRB-ERROR, say) still goes back to
	 the peer. */
      if (src_mname != NULL)
	mech->release_name (src_mname);
      if (deleg_mcred != NULL)
	mech->release_cred (deleg_mcred);
      if (ret_flags != NULL)
	*ret_flags = flags;
      return major;
    }

  if (src_mname != NULL)
    {
      if (src_name != NULL)
	{
	  OM_uint32 named = _gss_name_from_mname (minor_status, mech,
						  src_mname, src_name);
	  src_mname = NULL;
	  if (GSS_ERROR (named))
	    major = named;
	}
      else
	mech->release_name (src_mname);
    }
  if (deleg_mcred != NULL)
    {
      if (delegated_cred_handle != NULL && !GSS_ERROR (major))
	{
	  OM_uint32 wrapped = _gss_cred_wrap (minor_status, mech, deleg_mcred,
					      delegated_cred_handle);
	  if (GSS_ERROR (wrapped))
	    major = wrapped;
	}
      else
	mech->release_cred (deleg_mcred);
    }
  if (GSS_ERROR (major))
    {
      if (src_name != NULL)
	gss_release_name (&tmp, src_name);
      release_output (output_token);
      return major;
    }
  if (mech_type != NULL)
    *mech_type = (gss_OID) mech->oid;
  if (ret_flags != NULL)
    *ret_flags = flags;
  if (time_rec != NULL)
    *time_rec = lifetime;
  return major;
}

OM_uint32
gss_delete_sec_context (OM_uint32 *minor_status, gss_ctx_id_t *context_handle,
			gss_buffer_t output_token)
{
  OM_uint32 major = GSS_S_COMPLETE, tmp;

  if (output_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_token);
  if (context_handle == NULL)
    {
      if (minor_status)
	*minor_status = 0;
      return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CONTEXT;
    }
  if (*context_handle == GSS_C_NO_CONTEXT)
    {
      if (minor_status)
	*minor_status = 0;
      return minor_status ? GSS_S_NO_CONTEXT : GSS_S_CALL_INACCESSIBLE_WRITE;
    }
  if (!_gss_ctx_ok (*context_handle))
    {
      if (minor_status)
	*minor_status = 0;
      return GSS_S_NO_CONTEXT;
    }
  /* The context goes even when minor_status is missing: the caller
     cannot come back for it. */
  major = (*context_handle)->mech->delete_sec_context
    (minor_status ? minor_status : &tmp, (*context_handle)->mctx,
     output_token);
  free_context (context_handle);
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  return major;
}

OM_uint32
gss_process_context_token (OM_uint32 *minor_status,
			   const gss_ctx_id_t context_handle,
			   const gss_buffer_t token_buffer)
{
  OM_uint32 major;

  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  major = check_context (context_handle);
  if (major)
    return major;
  if (!_gss_buffer_readable (token_buffer))
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN;
  if (context_handle->mech->process_context_token == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->process_context_token
    (minor_status, context_handle->mctx, token_buffer);
}

OM_uint32
gss_context_time (OM_uint32 *minor_status, const gss_ctx_id_t context_handle,
		  OM_uint32 *time_rec)
{
  OM_uint32 major;

  if (time_rec != NULL)
    *time_rec = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  major = check_context (context_handle);
  if (major)
    return major;
  if (time_rec == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (context_handle->mech->context_time == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->context_time (minor_status,
					     context_handle->mctx, time_rec);
}

OM_uint32
gss_inquire_context (OM_uint32 *minor_status,
		     const gss_ctx_id_t context_handle, gss_name_t *src_name,
		     gss_name_t *targ_name, OM_uint32 *lifetime_rec,
		     gss_OID *mech_type, OM_uint32 *ctx_flags,
		     int *locally_initiated, int *open)
{
  const struct gss_mech *mech;
  void *src = NULL, *targ = NULL;
  OM_uint32 major, lifetime = 0, flags = 0, tmp;
  int local = 0, is_open = 0;

  if (src_name != NULL)
    *src_name = GSS_C_NO_NAME;
  if (targ_name != NULL)
    *targ_name = GSS_C_NO_NAME;
  if (lifetime_rec != NULL)
    *lifetime_rec = 0;
  if (mech_type != NULL)
    *mech_type = GSS_C_NO_OID;
  if (ctx_flags != NULL)
    *ctx_flags = 0;
  if (locally_initiated != NULL)
    *locally_initiated = 0;
  if (open != NULL)
    *open = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  major = check_context (context_handle);
  if (major)
    return major;
  mech = context_handle->mech;
  if (mech->inquire_context == NULL)
    return GSS_S_UNAVAILABLE;

  major = mech->inquire_context (minor_status, context_handle->mctx,
				 src_name ? &src : NULL,
				 targ_name ? &targ : NULL, &lifetime, &flags,
				 &local, &is_open);
  if (GSS_ERROR (major))
    return major;
  /* Either name may be unknown yet (an acceptor before the first
     token): it then stays GSS_C_NO_NAME. */
  if (src != NULL)
    major = _gss_name_from_mname (minor_status, mech, src, src_name);
  if (targ != NULL)
    {
      if (GSS_ERROR (major))
	mech->release_name (targ);
      else
	major = _gss_name_from_mname (minor_status, mech, targ, targ_name);
    }
  if (GSS_ERROR (major))
    {
      if (src_name)
	gss_release_name (&tmp, src_name);
      return major;
    }
  if (lifetime_rec != NULL)
    *lifetime_rec = lifetime;
  if (mech_type != NULL)
    *mech_type = (gss_OID) mech->oid;
  if (ctx_flags != NULL)
    *ctx_flags = flags;
  if (locally_initiated != NULL)
    *locally_initiated = local;
  if (open != NULL)
    *open = is_open;
  return GSS_S_COMPLETE;
}

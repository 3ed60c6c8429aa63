/* msg.c - per-message protection: MIC and wrap tokens. */
#include "internal.h"

/* Checks shared by every per-message call: a live context, a readable
   input, a writable output (when the call has one). */
static OM_uint32
check_msg_args (gss_const_ctx_id_t ctx, const gss_buffer_desc *input,
		OM_uint32 input_error, const gss_buffer_desc *output,
		bool has_output)
{
  if (ctx == GSS_C_NO_CONTEXT)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT;
  if (!_gss_ctx_ok (ctx))
    return GSS_S_NO_CONTEXT;
  if (!_gss_buffer_readable (input))
    return GSS_S_CALL_INACCESSIBLE_READ | input_error;
  if (has_output && output == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  return GSS_S_COMPLETE;
}

OM_uint32
gss_get_mic (OM_uint32 *minor_status, const gss_ctx_id_t context_handle,
	     gss_qop_t qop_req, const gss_buffer_t message_buffer,
	     gss_buffer_t message_token)
{
  OM_uint32 major;

  if (message_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (message_token);
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  major = check_msg_args (context_handle, message_buffer, 0, message_token,
			  true);
  if (major)
    return major;
  if (context_handle->mech->get_mic == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->get_mic (minor_status, context_handle->mctx,
					qop_req, message_buffer,
					message_token);
}

OM_uint32
gss_verify_mic (OM_uint32 *minor_status, const gss_ctx_id_t context_handle,
		const gss_buffer_t message_buffer,
		const gss_buffer_t token_buffer, gss_qop_t *qop_state)
{
  OM_uint32 major;

  if (qop_state != NULL)
    *qop_state = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  major = check_msg_args (context_handle, message_buffer, 0, NULL, false);
  if (major)
    return major;
  if (!_gss_buffer_readable (token_buffer))
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN;
  if (context_handle->mech->verify_mic == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->verify_mic (minor_status,
					   context_handle->mctx,
					   message_buffer, token_buffer,
					   qop_state);
}

OM_uint32
gss_wrap (OM_uint32 *minor_status, const gss_ctx_id_t context_handle,
	  int conf_req_flag, gss_qop_t qop_req,
	  const gss_buffer_t input_message_buffer, int *conf_state,
	  gss_buffer_t output_message_buffer)
{
  OM_uint32 major;

  if (conf_state != NULL)
    *conf_state = 0;
  if (output_message_buffer != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_message_buffer);
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  major = check_msg_args (context_handle, input_message_buffer, 0,
			  output_message_buffer, true);
  if (major)
    return major;
  if (context_handle->mech->wrap == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->wrap (minor_status, context_handle->mctx,
				     conf_req_flag, qop_req,
				     input_message_buffer, conf_state,
				     output_message_buffer);
}

OM_uint32
gss_unwrap (OM_uint32 *minor_status, const gss_ctx_id_t context_handle,
	    const gss_buffer_t input_message_buffer,
	    gss_buffer_t output_message_buffer, int *conf_state,
	    gss_qop_t *qop_state)
{
  OM_uint32 major;

  if (output_message_buffer != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_message_buffer);
  if (conf_state != NULL)
    *conf_state = 0;
  if (qop_state != NULL)
    *qop_state = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  major = check_msg_args (context_handle, input_message_buffer,
			  GSS_S_DEFECTIVE_TOKEN, output_message_buffer, true);
  if (major)
    return major;
  if (context_handle->mech->unwrap == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->unwrap (minor_status, context_handle->mctx,
				       input_message_buffer,
				       output_message_buffer, conf_state,
				       qop_state);
}

OM_uint32
gss_wrap_size_limit (OM_uint32 *minor_status,
		     const gss_ctx_id_t context_handle, int conf_req_flag,
		     gss_qop_t qop_req, OM_uint32 req_output_size,
		     OM_uint32 *max_input_size)
{
  if (max_input_size != NULL)
    *max_input_size = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (context_handle == GSS_C_NO_CONTEXT)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT;
  if (!_gss_ctx_ok (context_handle))
    return GSS_S_NO_CONTEXT;
  if (max_input_size == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (context_handle->mech->wrap_size_limit == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->wrap_size_limit (minor_status,
						context_handle->mctx,
						conf_req_flag, qop_req,
						req_output_size,
						max_input_size);
}

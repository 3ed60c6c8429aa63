/* obsolete.c - the GSS-API version 1 names (RFC 2744 appendix), which
   differ from their successors only in argument types. */
#include "internal.h"

OM_uint32
gss_sign (OM_uint32 *minor_status, gss_ctx_id_t context_handle, int qop_req,
	  gss_buffer_t message_buffer, gss_buffer_t message_token)
{
  return gss_get_mic (minor_status, context_handle, (gss_qop_t) qop_req,
		      message_buffer, message_token);
}

OM_uint32
gss_verify (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
	    gss_buffer_t message_buffer, gss_buffer_t token_buffer,
	    int *qop_state)
{
  gss_qop_t qop = 0;
  OM_uint32 major;

  major = gss_verify_mic (minor_status, context_handle, message_buffer,
			  token_buffer, qop_state ? &qop : NULL);
  if (qop_state)
    *qop_state = (int) qop;
  return major;
}

OM_uint32
gss_seal (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
	  int conf_req_flag, int qop_req, gss_buffer_t input_message_buffer,
	  int *conf_state, gss_buffer_t output_message_buffer)
{
  return gss_wrap (minor_status, context_handle, conf_req_flag,
		   (gss_qop_t) qop_req, input_message_buffer, conf_state,
		   output_message_buffer);
}

OM_uint32
gss_unseal (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
	    gss_buffer_t input_message_buffer,
	    gss_buffer_t output_message_buffer, int *conf_state,
	    int *qop_state)
{
  gss_qop_t qop = 0;
  OM_uint32 major;

  major = gss_unwrap (minor_status, context_handle, input_message_buffer,
		      output_message_buffer, conf_state,
		      qop_state ? &qop : NULL);
  if (qop_state)
    *qop_state = (int) qop;
  return major;
}

/* obsolete.c - the GSS-API version 1 names (RFC 2744 appendix), which
   differ from their successors only in argument types. */
#include "internal.h"

/*@ gss_sign - compute a message integrity code (GSS-API version 1 name of
 *   gss_get_mic)
 *
 * @param minor_status (out) As for gss_get_mic().
 * @param context_handle (in) As for gss_get_mic().
 * @param qop_req (in) The quality of protection, as an int:
 *   GSS_C_QOP_DEFAULT (0).
 * @param message_buffer (in) As for gss_get_mic().
 * @param message_token (out) As for gss_get_mic().
 *
 * @desc
 * The GSS-API version 1 name of gss_get_mic(), kept for old programs
 * (RFC 2744 appendix); it differs only in the type of @qop_req, and
 * calls gss_get_mic().  New programs use gss_get_mic().
 *
 * @return GSS_S_COMPLETE: The token is in @message_token.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_BAD_QOP: @qop_req is not GSS_C_QOP_DEFAULT.
 * @return GSS_S_NO_CONTEXT: @context_handle is GSS_C_NO_CONTEXT or not
 *   a live, established context handle.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @message_buffer is
 *   GSS_C_NO_BUFFER, or has a length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @message_token is NULL.
 * @return GSS_S_UNAVAILABLE: The context's key is of a type with no
 *   per-message tokens.
 * @return GSS_S_FAILURE: The cryptographic library failed or memory ran
 *   out.
 *
 * @see gss_get_mic gss_verify
 */
OM_uint32
gss_sign (OM_uint32 *minor_status, gss_ctx_id_t context_handle, int qop_req,
	  gss_buffer_t message_buffer, gss_buffer_t message_token)
{
  return gss_get_mic (minor_status, context_handle, (gss_qop_t) qop_req,
		      message_buffer, message_token);
}

/*@ gss_verify - check a message integrity code (GSS-API version 1 name of
 *   gss_verify_mic)
 *
 * @param minor_status (out) As for gss_verify_mic().
 * @param context_handle (in) As for gss_verify_mic().
 * @param message_buffer (in) As for gss_verify_mic().
 * @param token_buffer (in) As for gss_verify_mic().
 * @param qop_state (out, optional) Receives the quality of protection
 *   as an int: GSS_C_QOP_DEFAULT (0).  NULL when not wanted.
 *
 * @desc
 * The GSS-API version 1 name of gss_verify_mic(), kept for old programs
 * (RFC 2744 appendix); it differs only in the type of @qop_state, and
 * calls gss_verify_mic().  New programs use gss_verify_mic().
 *
 * @return GSS_S_COMPLETE: The code matches and the token is in
 *   sequence.
 * @return GSS_S_DUPLICATE_TOKEN: The code matches, but the token was
 *   seen before.
 * @return GSS_S_OLD_TOKEN: The code matches, but the token is too old
 *   to tell whether it was seen before.
 * @return GSS_S_UNSEQ_TOKEN: The code matches, but a later token was
 *   already seen.
 * @return GSS_S_GAP_TOKEN: The code matches, but earlier tokens are
 *   missing.
 * @return GSS_S_BAD_SIG: The code does not match the message.
 * @return GSS_S_DEFECTIVE_TOKEN: The token is not a MIC token of this
 *   context.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_NO_CONTEXT: @context_handle is GSS_C_NO_CONTEXT or not
 *   a live, established context handle.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @message_buffer is unreadable.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN:
 *   @token_buffer is unreadable.
 * @return GSS_S_UNAVAILABLE: The context's key is of a type with no
 *   per-message tokens.
 * @return GSS_S_FAILURE: The cryptographic library failed or memory ran
 *   out.
 *
 * @see gss_verify_mic gss_sign
 */
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

/*@ gss_seal - protect a message (GSS-API version 1 name of gss_wrap)
 *
 * @param minor_status (out) As for gss_wrap().
 * @param context_handle (in) As for gss_wrap().
 * @param conf_req_flag (in) As for gss_wrap().
 * @param qop_req (in) The quality of protection, as an int:
 *   GSS_C_QOP_DEFAULT (0).
 * @param input_message_buffer (in) As for gss_wrap().
 * @param conf_state (out, optional) As for gss_wrap().
 * @param output_message_buffer (out) As for gss_wrap().
 *
 * @desc
 * The GSS-API version 1 name of gss_wrap(), kept for old programs
 * (RFC 2744 appendix); it differs only in the type of @qop_req, and
 * calls gss_wrap().  New programs use gss_wrap().
 *
 * @return GSS_S_COMPLETE: The token is in @output_message_buffer.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_BAD_QOP: @qop_req is not GSS_C_QOP_DEFAULT.
 * @return GSS_S_NO_CONTEXT: @context_handle is GSS_C_NO_CONTEXT or not
 *   a live, established context handle.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @input_message_buffer is
 *   unreadable.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @output_message_buffer is NULL.
 * @return GSS_S_UNAVAILABLE: The context's key is of a type with no
 *   per-message tokens.
 * @return GSS_S_FAILURE: The message is too long, the cryptographic
 *   library failed, or memory ran out.
 *
 * @see gss_wrap gss_unseal
 */
OM_uint32
gss_seal (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
	  int conf_req_flag, int qop_req, gss_buffer_t input_message_buffer,
	  int *conf_state, gss_buffer_t output_message_buffer)
{
  return gss_wrap (minor_status, context_handle, conf_req_flag,
		   (gss_qop_t) qop_req, input_message_buffer, conf_state,
		   output_message_buffer);
}

/*@ gss_unseal - recover a protected message (GSS-API version 1 name of
 *   gss_unwrap)
 *
 * @param minor_status (out) As for gss_unwrap().
 * @param context_handle (in) As for gss_unwrap().
 * @param input_message_buffer (in) As for gss_unwrap().
 * @param output_message_buffer (out) As for gss_unwrap().
 * @param conf_state (out, optional) As for gss_unwrap().
 * @param qop_state (out, optional) Receives the quality of protection
 *   as an int: GSS_C_QOP_DEFAULT (0).  NULL when not wanted.
 *
 * @desc
 * The GSS-API version 1 name of gss_unwrap(), kept for old programs
 * (RFC 2744 appendix); it differs only in the type of @qop_state, and
 * calls gss_unwrap().  New programs use gss_unwrap().
 *
 * @return GSS_S_COMPLETE: The message is in @output_message_buffer.
 * @return GSS_S_DUPLICATE_TOKEN: The message is authentic, but the token
 *   was seen before.
 * @return GSS_S_OLD_TOKEN: The message is authentic, but the token is
 *   too old to tell whether it was seen before.
 * @return GSS_S_UNSEQ_TOKEN: The message is authentic, but a later
 *   token was already seen.
 * @return GSS_S_GAP_TOKEN: The message is authentic, but earlier tokens
 *   are missing.
 * @return GSS_S_BAD_SIG: The integrity check failed.
 * @return GSS_S_DEFECTIVE_TOKEN: The token is not a wrap token of this
 *   context.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN:
 *   @input_message_buffer is unreadable.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_NO_CONTEXT: @context_handle is GSS_C_NO_CONTEXT or not
 *   a live, established context handle.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @output_message_buffer is NULL.
 * @return GSS_S_UNAVAILABLE: The context's key is of a type with no
 *   per-message tokens.
 * @return GSS_S_FAILURE: The cryptographic library failed or memory ran
 *   out.
 *
 * @see gss_unwrap gss_seal
 */
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

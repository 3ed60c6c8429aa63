/* msg.c - per-message protection: MIC and wrap tokens. */
#include "internal.h"

/* Checks shared by every per-message call: a live context, a readable
   input, a writable output (when the call has one). */
static OM_uint32
check_msg_args (gss_const_ctx_id_t ctx, const gss_buffer_desc *input,
		OM_uint32 input_error, const gss_buffer_desc *output,
		bool has_output)
{
  /* Plain GSS_S_NO_CONTEXT for GSS_C_NO_CONTEXT too, as GNU GSS. */
  if (!_gss_ctx_ok (ctx))
    return GSS_S_NO_CONTEXT;
  if (!_gss_buffer_readable (input))
    return GSS_S_CALL_INACCESSIBLE_READ | input_error;
  if (has_output && output == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  return GSS_S_COMPLETE;
}

/*@ gss_get_mic - compute a message integrity code for a message
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) The established context to protect the
 *   message with.
 * @param qop_req (in) The quality of protection: GSS_C_QOP_DEFAULT (0),
 *   the only one the Kerberos 5 mechanism offers; the context's key
 *   decides the algorithms.
 * @param message_buffer (in) The message; it may be empty.
 * @param message_token (out) Emptied first, then receives the MIC
 *   token, to be sent to the peer beside the message and released with
 *   gss_release_buffer().  Must not be NULL.
 *
 * @desc
 * The token lets the peer check with gss_verify_mic() that the message
 * comes from this side of the context and was not changed; the message
 * itself is not part of the token and travels as the application sees
 * fit.  Each token carries the next sequence number of the context, so
 * that the peer can detect replays and reordering when the context
 * asked for it.
 *
 * Kerberos 5 contexts make RFC 4121 MIC tokens, keyed by the acceptor's
 * subkey when there is one, otherwise by the initiator's subkey or the
 * ticket's session key.  Contexts keyed by des3-cbc-sha1 or arcfour-hmac
 * make the RFC 1964 and RFC 4757 tokens that their peers expect.
 *
 * @return GSS_S_COMPLETE: The token is in @message_token.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_BAD_QOP: @qop_req is not GSS_C_QOP_DEFAULT.
 * @return GSS_S_NO_CONTEXT: @context_handle is GSS_C_NO_CONTEXT or not
 *   a live context handle, or its establishment is not complete
 *   (GSS_KRB5_S_KG_CTX_INCOMPLETE in @minor_status).
 * @return GSS_S_CALL_INACCESSIBLE_READ: @message_buffer is
 *   GSS_C_NO_BUFFER, or has a length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @message_token is NULL.
 * @return GSS_S_UNAVAILABLE: The context's key is of a type with no
 *   per-message tokens (such as single DES), or the mechanism has none.
 * @return GSS_S_FAILURE: The message is longer than the context's
 *   cryptography takes (2^31 - 1 octets with the token header where
 *   libkrb5 does it: Camellia, triple DES, arcfour;
 *   GSS_KRB5_S_G_WRONG_SIZE), the cryptographic library failed, or
 *   memory ran out.
 *
 * @see gss_verify_mic gss_wrap gss_release_buffer gss_sign
 */
OM_uint32
gss_get_mic (OM_uint32 *minor_status, const gss_ctx_id_t context_handle,
	     gss_qop_t qop_req, const gss_buffer_t message_buffer,
	     gss_buffer_t message_token)
{
  OM_uint32 major;

  if (message_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (message_token);
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
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

/*@ gss_verify_mic - check a message integrity code against its message
 *
 * @param minor_status (out) Receives the mechanism's status code, for
 *   example KRB5KRB_AP_ERR_BAD_INTEGRITY when the code does not match.
 *   May be NULL.
 * @param context_handle (in) The established context the token was
 *   made with, on the peer's side.
 * @param message_buffer (in) The message as received.
 * @param token_buffer (in) The MIC token as received.
 * @param qop_state (out, optional) Receives the quality of protection
 *   the token was made with: GSS_C_QOP_DEFAULT.  NULL when not wanted.
 *
 * @desc
 * Checks that @token_buffer is the peer's MIC of @message_buffer in
 * this context, as gss_get_mic() made it.  Then, when the context does
 * replay or sequence detection (GSS_C_REPLAY_FLAG, GSS_C_SEQUENCE_FLAG),
 * the token's sequence number is checked against those seen before,
 * over a window of the last 64 numbers.  A problem with the sequence is
 * reported by a supplementary bit alone: the message is authentic, and
 * the application decides what to do with it.
 *
 * A token this side made itself, sent back by an attacker, is refused.
 *
 * @return GSS_S_COMPLETE: The code matches and the token is in
 *   sequence.
 * @return GSS_S_DUPLICATE_TOKEN: The code matches, but the token was
 *   seen before (replay detection on).
 * @return GSS_S_OLD_TOKEN: The code matches, but the token is too old
 *   to tell whether it was seen before.
 * @return GSS_S_UNSEQ_TOKEN: The code matches, but a later token was
 *   already seen (sequence detection on).
 * @return GSS_S_GAP_TOKEN: The code matches, but earlier tokens are
 *   missing (sequence detection on).
 * @return GSS_S_BAD_SIG: The code does not match the message: the
 *   message or the token was changed, or it was made in another context
 *   or by this side.
 * @return GSS_S_DEFECTIVE_TOKEN: The token is not a MIC token of this
 *   context: wrong length, identifier or flags.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_NO_CONTEXT: @context_handle is GSS_C_NO_CONTEXT or not
 *   a live context handle, or its establishment is not complete.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @message_buffer is
 *   GSS_C_NO_BUFFER, or has a length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN:
 *   @token_buffer is GSS_C_NO_BUFFER, or has a length but no value.
 * @return GSS_S_UNAVAILABLE: The context's key is of a type with no
 *   per-message tokens, or the mechanism has none.
 * @return GSS_S_FAILURE: The message is longer than the context's
 *   cryptography takes, as for gss_get_mic() (GSS_KRB5_S_G_WRONG_SIZE;
 *   no part of it is checked), the cryptographic library failed, or
 *   memory ran out.
 *
 * @see gss_get_mic gss_unwrap gss_verify
 */
OM_uint32
gss_verify_mic (OM_uint32 *minor_status, const gss_ctx_id_t context_handle,
		const gss_buffer_t message_buffer,
		const gss_buffer_t token_buffer, gss_qop_t *qop_state)
{
  OM_uint32 major;

  if (qop_state != NULL)
    *qop_state = 0;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
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

/*@ gss_wrap - protect a message, optionally encrypting it
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) The established context to protect the
 *   message with.
 * @param conf_req_flag (in) Nonzero to ask for confidentiality
 *   (encryption) as well as integrity; 0 for integrity only.
 * @param qop_req (in) The quality of protection: GSS_C_QOP_DEFAULT (0),
 *   the only one the Kerberos 5 mechanism offers.
 * @param input_message_buffer (in) The message; it may be empty.
 * @param conf_state (out, optional) Receives 1 when the message was
 *   encrypted, 0 when it was only integrity-protected.  NULL when not
 *   wanted.
 * @param output_message_buffer (out) Emptied first, then receives the
 *   token, which holds the message, to be sent to the peer and released
 *   with gss_release_buffer().  Must not be NULL.
 *
 * @desc
 * The peer recovers the message with gss_unwrap(), which checks that it
 * came from this side of the context unchanged.  Like MIC tokens, wrap
 * tokens carry the next sequence number of the context.
 *
 * Kerberos 5 contexts always offer confidentiality, so a nonzero
 * @conf_req_flag is always honoured.  RFC 4121 wrap tokens are made for
 * AES (RFC 3962 and RFC 8009) and Camellia keys; contexts keyed by
 * des3-cbc-sha1 or arcfour-hmac make RFC 1964 and RFC 4757 tokens.
 * gss_wrap_size_limit() tells how long a message may be for the token
 * to fit in a given size.
 *
 * @return GSS_S_COMPLETE: The token is in @output_message_buffer.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_BAD_QOP: @qop_req is not GSS_C_QOP_DEFAULT.
 * @return GSS_S_NO_CONTEXT: @context_handle is GSS_C_NO_CONTEXT or not
 *   a live context handle, or its establishment is not complete.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @input_message_buffer is
 *   GSS_C_NO_BUFFER, or has a length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @output_message_buffer is NULL.
 * @return GSS_S_UNAVAILABLE: The context's key is of a type with no
 *   per-message tokens, or the mechanism has none.
 * @return GSS_S_FAILURE: The message is too long for a token
 *   (GSS_KRB5_S_G_WRONG_SIZE): where libkrb5 does the cryptography
 *   (Camellia, triple DES, arcfour) the token must fit in 2^31 - 1
 *   octets, and no length may exceed what memory can hold.  Or the
 *   cryptographic library failed, or memory ran out.  The refusal
 *   comes before any of the message is read.
 *
 * @see gss_unwrap gss_wrap_size_limit gss_get_mic gss_release_buffer
 * @see gss_seal
 */
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
    minor_status = &_gss_minor_discard;
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

/*@ gss_unwrap - recover and check a message protected by gss_wrap
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) The established context the token was
 *   made with, on the peer's side.
 * @param input_message_buffer (in) The token as received.
 * @param output_message_buffer (out) Emptied first, then receives the
 *   message, to be released with gss_release_buffer().  It is filled in
 *   when the token is authentic, including when a supplementary bit is
 *   returned.  Must not be NULL.
 * @param conf_state (out, optional) Receives 1 when the message was
 *   encrypted, 0 when it was only integrity-protected.  NULL when not
 *   wanted.
 * @param qop_state (out, optional) Receives the quality of protection
 *   used: GSS_C_QOP_DEFAULT.  NULL when not wanted.
 *
 * @desc
 * Decrypts the token if it is encrypted, and checks its integrity and
 * that it was made by the peer in this context.  Then, as with
 * gss_verify_mic(), its sequence number is checked when the context does
 * replay or sequence detection, and a problem with the sequence is
 * reported by a supplementary bit alone, the message being authentic.
 *
 * RFC 4121 tokens with any rotation count (RRC) that the peer chose are
 * accepted.
 *
 * @return GSS_S_COMPLETE: The message is in @output_message_buffer.
 * @return GSS_S_DUPLICATE_TOKEN: The message is authentic, but the token
 *   was seen before (replay detection on).
 * @return GSS_S_OLD_TOKEN: The message is authentic, but the token is
 *   too old to tell whether it was seen before.
 * @return GSS_S_UNSEQ_TOKEN: The message is authentic, but a later
 *   token was already seen (sequence detection on).
 * @return GSS_S_GAP_TOKEN: The message is authentic, but earlier tokens
 *   are missing (sequence detection on).
 * @return GSS_S_BAD_SIG: The integrity check failed: the token was
 *   changed, or made in another context or by this side.
 * @return GSS_S_DEFECTIVE_TOKEN: The token is not a wrap token of this
 *   context: too short, wrong identifier, flags or lengths, or longer
 *   than any token of its kind can be (2^31 - 1 octets where libkrb5
 *   does the cryptography).
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN:
 *   @input_message_buffer is GSS_C_NO_BUFFER, or has a length but no
 *   value.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_NO_CONTEXT: @context_handle is GSS_C_NO_CONTEXT or not
 *   a live context handle, or its establishment is not complete.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @output_message_buffer is NULL.
 * @return GSS_S_UNAVAILABLE: The context's key is of a type with no
 *   per-message tokens, or the mechanism has none.
 * @return GSS_S_FAILURE: The cryptographic library failed or memory ran
 *   out.
 *
 * @see gss_wrap gss_verify_mic gss_release_buffer gss_unseal
 */
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
    minor_status = &_gss_minor_discard;
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

/*@ gss_wrap_size_limit - the longest message whose wrap token fits a given
 *   size
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) The established context the messages will
 *   be wrapped with.
 * @param conf_req_flag (in) Nonzero when the messages will be
 *   encrypted, as for gss_wrap().
 * @param qop_req (in) The quality of protection: GSS_C_QOP_DEFAULT.
 * @param req_output_size (in) The largest token size, in bytes, the
 *   application can send.
 * @param max_input_size (out) Receives the largest message length, in
 *   bytes, for which gss_wrap() with the same @conf_req_flag and
 *   @qop_req gives a token of at most @req_output_size bytes; 0 when
 *   even an empty message does not fit, or on failure.  Must not be
 *   NULL.
 *
 * @desc
 * Applications that send over a transport with a maximum message size
 * split their data into pieces of at most @max_input_size bytes before
 * wrapping them.  The answer accounts for the token header, the
 * confounder, padding and checksum of the context's encryption type,
 * and is never more than gss_wrap() takes: where libkrb5 does the
 * cryptography (Camellia, triple DES, arcfour), at most a token of
 * 2^31 - 1 octets.
 *
 * The call only reads the context: it may run while another thread
 * uses the context for messages.
 *
 * @return GSS_S_COMPLETE: The limit is in @max_input_size.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_BAD_QOP: @qop_req is not GSS_C_QOP_DEFAULT.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live context
 *   handle, or its establishment is not complete.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT:
 *   @context_handle is GSS_C_NO_CONTEXT.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @max_input_size is NULL.
 * @return GSS_S_UNAVAILABLE: The context's key is of a type with no
 *   per-message tokens, or the mechanism cannot tell.
 * @return GSS_S_FAILURE: The cryptographic library failed.
 *
 * @see gss_wrap
 */
OM_uint32
gss_wrap_size_limit (OM_uint32 *minor_status,
		     const gss_ctx_id_t context_handle, int conf_req_flag,
		     gss_qop_t qop_req, OM_uint32 req_output_size,
		     OM_uint32 *max_input_size)
{
  if (max_input_size != NULL)
    *max_input_size = 0;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
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

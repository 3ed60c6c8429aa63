/* miciov.c - MIC tokens over scattered buffers (MIT's gss_get_mic_iov,
   gss_get_mic_iov_length, gss_verify_mic_iov): the shape of the array
   is checked here, the token is the mechanism's.  The message is the
   DATA and SIGN_ONLY buffers in their order, so the token is the one
   gss_get_mic() makes of them put end to end. */
#include "internal.h"

/* Which call an array is checked for. */
enum mic_use { MIC_GET, MIC_LENGTH, MIC_VERIFY };

/* Whether the buffer's storage must be there: the length call reads
   only lengths, and a MIC_TOKEN the library is to allocate has none
   yet. */
static bool
needs_storage (const gss_iov_buffer_desc *b, enum mic_use use)
{
  OM_uint32 type = GSS_IOV_BUFFER_TYPE (b->type);

  if (use == MIC_LENGTH)
    return false;
  if (type == GSS_IOV_BUFFER_TYPE_DATA
      || type == GSS_IOV_BUFFER_TYPE_SIGN_ONLY)
    return true;
  if (type != GSS_IOV_BUFFER_TYPE_MIC_TOKEN)
    return false;
  return use == MIC_VERIFY || !(b->type & GSS_IOV_BUFFER_FLAG_ALLOCATE);
}

/* An array of known types with exactly one MIC_TOKEN.  The parts of a
   Wrap token other than a STREAM are ignored, as by MIT; a STREAM (a
   whole Wrap token) has no meaning here. */
static OM_uint32
check_mic_iov (const gss_iov_buffer_desc *iov, int iov_count,
	       enum mic_use use)
{
  size_t tokens = 0;
  int i;

  if (iov == GSS_C_NO_IOV_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (iov_count < 0)
    return GSS_S_CALL_BAD_STRUCTURE;
  for (i = 0; i < iov_count; i++)
    {
      OM_uint32 type = GSS_IOV_BUFFER_TYPE (iov[i].type);

      switch (type)
	{
	case GSS_IOV_BUFFER_TYPE_EMPTY:
	case GSS_IOV_BUFFER_TYPE_DATA:
	case GSS_IOV_BUFFER_TYPE_HEADER:
	case GSS_IOV_BUFFER_TYPE_MECH_PARAMS:
	case GSS_IOV_BUFFER_TYPE_TRAILER:
	case GSS_IOV_BUFFER_TYPE_PADDING:
	case GSS_IOV_BUFFER_TYPE_SIGN_ONLY:
	  break;
	case GSS_IOV_BUFFER_TYPE_MIC_TOKEN:
	  tokens++;
	  break;
	default:
	  return GSS_S_CALL_BAD_STRUCTURE;
	}
      if (needs_storage (&iov[i], use) && iov[i].buffer.length > 0
	  && iov[i].buffer.value == NULL)
	return GSS_S_CALL_BAD_STRUCTURE;
    }
  return tokens == 1 ? GSS_S_COMPLETE : GSS_S_CALL_BAD_STRUCTURE;
}

static OM_uint32
get_mic_common (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
		gss_qop_t qop_req, gss_iov_buffer_desc *iov, int iov_count,
		enum mic_use use)
{
  const struct gss_mech *mech;
  OM_uint32 major;

  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (!_gss_ctx_ok (context_handle))
    return GSS_S_NO_CONTEXT;
  major = check_mic_iov (iov, iov_count, use);
  if (major)
    return major;
  mech = context_handle->mech;
  if (use == MIC_GET)
    return mech->get_mic_iov == NULL ? GSS_S_UNAVAILABLE
      : mech->get_mic_iov (minor_status, context_handle->mctx, qop_req,
			   iov, iov_count);
  return mech->get_mic_iov_length == NULL ? GSS_S_UNAVAILABLE
    : mech->get_mic_iov_length (minor_status, context_handle->mctx, qop_req,
				iov, iov_count);
}

/*@ gss_get_mic_iov - make a message integrity code over scattered buffers
 *
 * @param minor_status (out) Receives the mechanism's status code, for
 *   example KRB5_BAD_MSIZE when the MIC_TOKEN buffer is too short.  May
 *   be NULL.
 * @param context_handle (in) The established context to sign with.
 * @param qop_req (in) GSS_C_QOP_DEFAULT, the only one Kerberos offers.
 * @param iov (in/out) The buffers: DATA and SIGN_ONLY buffers, which
 *   are the message in the order they appear (both kinds are signed,
 *   neither is changed), and exactly one MIC_TOKEN buffer that
 *   receives the token.  When the MIC_TOKEN's type carries
 *   GSS_IOV_BUFFER_FLAG_ALLOCATE the library allocates it and marks it
 *   GSS_IOV_BUFFER_FLAG_ALLOCATED, to release with
 *   gss_release_iov_buffer(); otherwise it must be at least as long as
 *   gss_get_mic_iov_length() says, and its length is set to the
 *   token's.  EMPTY, MECH_PARAMS, HEADER, TRAILER and PADDING buffers
 *   are ignored.
 * @param iov_count (in) The number of buffers in @iov.
 *
 * @desc
 * The token is exactly the one gss_get_mic() makes of the DATA and
 * SIGN_ONLY buffers put end to end, computed where they lie without a
 * copy for the RFC 4121 enctypes (AES, Camellia): the peer checks it
 * with gss_verify_mic() over the concatenation, or with
 * gss_verify_mic_iov() over the same buffers, and MIT krb5's
 * implementation of these calls (release 1.12 and later) does the same.
 * Contexts keyed by des3-cbc-sha1 or arcfour-hmac make the MIC tokens
 * of RFC 1964 and RFC 4757, over a copy of the message.  Each token
 * uses one sequence number, as gss_get_mic() does.
 *
 * @return GSS_S_COMPLETE: The token is in the MIC_TOKEN buffer.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_BAD_QOP: @qop_req is not GSS_C_QOP_DEFAULT.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live, established
 *   context.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @iov is GSS_C_NO_IOV_BUFFER.
 * @return GSS_S_CALL_BAD_STRUCTURE: @iov_count is negative, a buffer
 *   has an unknown type or is a STREAM, there is no MIC_TOKEN or more
 *   than one (MIT answers GSS_S_FAILURE there), or a DATA, SIGN_ONLY or
 *   MIC_TOKEN (not to be allocated) has a length but no storage.
 * @return GSS_S_UNAVAILABLE: The context's mechanism has no MIC tokens
 *   over scattered buffers.
 * @return GSS_S_FAILURE: The MIC_TOKEN is too short (KRB5_BAD_MSIZE),
 *   the message is too long (GSS_KRB5_S_G_WRONG_SIZE), or memory ran
 *   out.  Nothing stays allocated.
 *
 * @see gss_get_mic_iov_length gss_verify_mic_iov gss_get_mic gss_release_iov_buffer
 */
OM_uint32
gss_get_mic_iov (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
		 gss_qop_t qop_req, gss_iov_buffer_desc *iov, int iov_count)
{
  return get_mic_common (minor_status, context_handle, qop_req, iov,
			 iov_count, MIC_GET);
}

/*@ gss_get_mic_iov_length - the length of the token gss_get_mic_iov would make
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) The established context.
 * @param qop_req (in) GSS_C_QOP_DEFAULT.
 * @param iov (in/out) The buffers as they will be given to
 *   gss_get_mic_iov(): the MIC_TOKEN buffer's length is set to the
 *   token's; nothing else is read or written, and no storage is needed.
 * @param iov_count (in) The number of buffers in @iov.
 *
 * @desc
 * Lets the application provide the MIC_TOKEN's storage itself.  The
 * length does not depend on the message.  It is exact, where MIT's
 * answer for RFC 1964 and RFC 4757 tokens is 8 octets too long (the
 * token then gets its own length from gss_get_mic_iov()).
 *
 * @return GSS_S_COMPLETE: The length is set.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_BAD_QOP: @qop_req is not GSS_C_QOP_DEFAULT.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live, established
 *   context.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @iov is GSS_C_NO_IOV_BUFFER.
 * @return GSS_S_CALL_BAD_STRUCTURE: As for gss_get_mic_iov(), except
 *   that no buffer needs storage.
 * @return GSS_S_UNAVAILABLE: As for gss_get_mic_iov().
 *
 * @see gss_get_mic_iov gss_verify_mic_iov
 */
OM_uint32
gss_get_mic_iov_length (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
			gss_qop_t qop_req, gss_iov_buffer_desc *iov,
			int iov_count)
{
  return get_mic_common (minor_status, context_handle, qop_req, iov,
			 iov_count, MIC_LENGTH);
}

/*@ gss_verify_mic_iov - check a message integrity code over scattered buffers
 *
 * @param minor_status (out) Receives the mechanism's status code, for
 *   example KRB5KRB_AP_ERR_BAD_INTEGRITY when the code does not match.
 *   May be NULL.
 * @param context_handle (in) The established context, on the side that
 *   receives the token.
 * @param qop_state (out, optional) Receives GSS_C_QOP_DEFAULT.  NULL
 *   when not wanted.
 * @param iov (in) The DATA and SIGN_ONLY buffers as the sender signed
 *   them, in the same order (how the message is cut into buffers does
 *   not matter, only their concatenation), and exactly one MIC_TOKEN
 *   buffer holding the token as received.  EMPTY, MECH_PARAMS, HEADER,
 *   TRAILER and PADDING buffers are ignored.  Nothing is changed.
 * @param iov_count (in) The number of buffers in @iov.
 *
 * @desc
 * Takes any MIC token of the context: one gss_get_mic() made of the
 * concatenation of the buffers, or gss_get_mic_iov() here or at the
 * peer.  Replay and sequence detection are those of gss_verify_mic().
 *
 * @return GSS_S_COMPLETE: The message is authentic.
 * @return GSS_S_DUPLICATE_TOKEN: The message is authentic, but the
 *   token was seen before (replay detection on).
 * @return GSS_S_OLD_TOKEN: The message is authentic, but the token is
 *   too old to tell whether it was seen before.
 * @return GSS_S_UNSEQ_TOKEN: The message is authentic, but a later
 *   token was already seen (sequence detection on).
 * @return GSS_S_GAP_TOKEN: The message is authentic, but earlier tokens
 *   are missing (sequence detection on).
 * @return GSS_S_BAD_SIG: The integrity check failed: a DATA or
 *   SIGN_ONLY buffer or the token's checksum was changed.
 * @return GSS_S_DEFECTIVE_TOKEN: The MIC_TOKEN is not a MIC token of
 *   this context (wrong length, type, flags or filler).
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live, established
 *   context.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @iov is GSS_C_NO_IOV_BUFFER.
 * @return GSS_S_CALL_BAD_STRUCTURE: As for gss_get_mic_iov().
 * @return GSS_S_UNAVAILABLE: The context's mechanism has no MIC tokens
 *   over scattered buffers.
 * @return GSS_S_FAILURE: The message is too long for the context's
 *   cryptography (GSS_KRB5_S_G_WRONG_SIZE), or memory ran out.
 *
 * @see gss_get_mic_iov gss_verify_mic
 */
OM_uint32
gss_verify_mic_iov (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
		    gss_qop_t *qop_state, gss_iov_buffer_desc *iov,
		    int iov_count)
{
  OM_uint32 major;

  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (qop_state)
    *qop_state = GSS_C_QOP_DEFAULT;
  if (!_gss_ctx_ok (context_handle))
    return GSS_S_NO_CONTEXT;
  major = check_mic_iov (iov, iov_count, MIC_VERIFY);
  if (major)
    return major;
  if (context_handle->mech->verify_mic_iov == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->verify_mic_iov (minor_status,
					       context_handle->mctx,
					       qop_state, iov, iov_count);
}

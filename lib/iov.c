/* iov.c - per-message protection over scattered buffers (IOV) and with
   associated data (AEAD): the shape of the buffer array is checked
   here, the tokens are the mechanism's.  AEAD is IOV with the message
   and the token in one contiguous buffer, as MIT's mechglue does it. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

/* Which calls an array is checked for. */
enum iov_use { IOV_WRAP, IOV_LENGTH, IOV_UNWRAP };

static bool
known_type (OM_uint32 type)
{
  switch (type)
    {
    case GSS_IOV_BUFFER_TYPE_EMPTY:
    case GSS_IOV_BUFFER_TYPE_DATA:
    case GSS_IOV_BUFFER_TYPE_HEADER:
    case GSS_IOV_BUFFER_TYPE_MECH_PARAMS:
    case GSS_IOV_BUFFER_TYPE_TRAILER:
    case GSS_IOV_BUFFER_TYPE_PADDING:
    case GSS_IOV_BUFFER_TYPE_STREAM:
    case GSS_IOV_BUFFER_TYPE_SIGN_ONLY:
      return true;
    default:
      return false;
    }
}

/* Whether the buffer's storage is the caller's and must be there: what
   the library writes into a HEADER, TRAILER or PADDING it allocates
   itself needs none, and gss_wrap_iov_length reads only lengths (MIT's
   callers size their buffers before they have them). */
static bool
needs_storage (const gss_iov_buffer_desc *b, enum iov_use use)
{
  OM_uint32 type = GSS_IOV_BUFFER_TYPE (b->type);
  bool token_part = type == GSS_IOV_BUFFER_TYPE_HEADER
    || type == GSS_IOV_BUFFER_TYPE_TRAILER
    || type == GSS_IOV_BUFFER_TYPE_PADDING;

  if (type == GSS_IOV_BUFFER_TYPE_EMPTY
      || type == GSS_IOV_BUFFER_TYPE_MECH_PARAMS)
    return false;
  if (use == IOV_LENGTH)
    return false;
  if (token_part && use == IOV_WRAP
      && (b->type & GSS_IOV_BUFFER_FLAG_ALLOCATE))
    return false;
  return true;
}

/* The checks every IOV call makes: an array, of known types, each of
   the token's parts at most once, a HEADER when wrapping, and for
   unwrapping either a HEADER or a STREAM with one DATA and no other
   part of a token. */
static OM_uint32
check_iov (const gss_iov_buffer_desc *iov, int iov_count, enum iov_use use)
{
  size_t header = 0, trailer = 0, padding = 0, stream = 0, data = 0;
  int i;

  if (iov == GSS_C_NO_IOV_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (iov_count < 0)
    return GSS_S_CALL_BAD_STRUCTURE;
  for (i = 0; i < iov_count; i++)
    {
      OM_uint32 type = GSS_IOV_BUFFER_TYPE (iov[i].type);

      if (!known_type (type))
	return GSS_S_CALL_BAD_STRUCTURE;
      header += type == GSS_IOV_BUFFER_TYPE_HEADER;
      trailer += type == GSS_IOV_BUFFER_TYPE_TRAILER;
      padding += type == GSS_IOV_BUFFER_TYPE_PADDING;
      stream += type == GSS_IOV_BUFFER_TYPE_STREAM;
      data += type == GSS_IOV_BUFFER_TYPE_DATA;
      if (needs_storage (&iov[i], use) && iov[i].buffer.length > 0
	  && iov[i].buffer.value == NULL)
	return GSS_S_CALL_BAD_STRUCTURE;
    }
  if (header > 1 || trailer > 1 || padding > 1 || stream > 1)
    return GSS_S_CALL_BAD_STRUCTURE;
  if (use != IOV_UNWRAP)
    return stream == 0 && header == 1 ? GSS_S_COMPLETE
      : GSS_S_CALL_BAD_STRUCTURE;
  if (stream)
    return header == 0 && trailer == 0 && padding == 0 && data == 1
      ? GSS_S_COMPLETE : GSS_S_CALL_BAD_STRUCTURE;
  return header == 1 ? GSS_S_COMPLETE : GSS_S_CALL_BAD_STRUCTURE;
}

static OM_uint32
wrap_iov_common (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
		 int conf_req_flag, gss_qop_t qop_req, int *conf_state,
		 gss_iov_buffer_desc *iov, int iov_count, enum iov_use use)
{
  const struct gss_mech *mech;
  OM_uint32 major;

  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (conf_state)
    *conf_state = 0;
  if (!_gss_ctx_ok (context_handle))
    return GSS_S_NO_CONTEXT;
  major = check_iov (iov, iov_count, use);
  if (major)
    return major;
  mech = context_handle->mech;
  if (use == IOV_WRAP)
    return mech->wrap_iov == NULL ? GSS_S_UNAVAILABLE
      : mech->wrap_iov (minor_status, context_handle->mctx, conf_req_flag,
			qop_req, conf_state, iov, iov_count);
  return mech->wrap_iov_length == NULL ? GSS_S_UNAVAILABLE
    : mech->wrap_iov_length (minor_status, context_handle->mctx,
			     conf_req_flag, qop_req, conf_state, iov,
			     iov_count);
}

/*@ gss_wrap_iov - protect a message in place, in scattered buffers
 *
 * @param minor_status (out) Receives the mechanism's status code, for
 *   example KRB5_BAD_MSIZE when a buffer is too short.  May be NULL.
 * @param context_handle (in) The established context to protect the
 *   message with.
 * @param conf_req_flag (in) Nonzero to encrypt the DATA buffers as well
 *   as protect their integrity.
 * @param qop_req (in) GSS_C_QOP_DEFAULT, the only one Kerberos offers.
 * @param conf_state (out, optional) Receives 1 when the DATA buffers
 *   were encrypted, 0 otherwise.  NULL when not wanted.
 * @param iov (in/out) The buffers, in the order the message has them:
 *   DATA buffers (encrypted in place when confidentiality is asked,
 *   always covered by the integrity check), SIGN_ONLY buffers (covered
 *   by the integrity check, never changed nor sent by the token), one
 *   HEADER that receives the token's header, at most one TRAILER that
 *   receives its trailer, at most one PADDING (RFC 4121 tokens need
 *   none: its length is set to 0; RFC 1964 and RFC 4757 tokens require
 *   it and put their 1 to 8 octets of padding there), and EMPTY or
 *   MECH_PARAMS buffers that are ignored.  A HEADER, TRAILER or PADDING whose type carries
 *   GSS_IOV_BUFFER_FLAG_ALLOCATE is allocated by the library and marked
 *   GSS_IOV_BUFFER_FLAG_ALLOCATED; release it with
 *   gss_release_iov_buffer().  Otherwise it must be at least as long as
 *   gss_wrap_iov_length() says, and its length is set to what the token
 *   used.
 * @param iov_count (in) The number of buffers in @iov.
 *
 * @desc
 * The token is the concatenation HEADER, DATA buffers, PADDING,
 * TRAILER: the same Wrap token gss_wrap() would make of the DATA
 * buffers put end to end, and gss_unwrap() (or the peer's
 * gss_unwrap_iov()) takes it back.  The SIGN_ONLY buffers are not part of the token: the
 * peer must give the same ones, in the same places, to
 * gss_unwrap_iov().  Without a TRAILER buffer the trailer goes at the
 * end of the HEADER buffer and the token says so in its RRC field, as
 * DCE/RPC and the SMB protocols carry it; a context established with
 * GSS_C_DCE_STYLE then uses the rotation of Microsoft's MS-KILE (EC
 * 16, RRC not counting it).
 *
 * With the AES enctypes the DATA buffers are encrypted and their
 * integrity check computed where they lie: no copy of the message is
 * made.
 *
 * Contexts keyed by des3-cbc-sha1 or arcfour-hmac make the Wrap tokens
 * of RFC 1964 and RFC 4757, laid out as MIT krb5 lays them: the HEADER
 * holds the RFC 2743 framing, the token header, the checksum and the
 * confounder; the DATA buffers are encrypted in place; the PADDING
 * buffer, which is required, receives the padding; a TRAILER gets
 * length 0.  The checksum covers the DATA, SIGN_ONLY and PADDING
 * buffers in the array's order.  In a context established with
 * GSS_C_DCE_STYLE, as MIT makes them for DCE/RPC (which pads its own
 * messages): no padding is added, so the PADDING is optional and gets
 * length 0, des3-cbc-sha1 DATA must fill whole 8-octet blocks, and the
 * RFC 2743 framing counts the HEADER alone.
 *
 * @return GSS_S_COMPLETE: The token is in the HEADER, the DATA buffers
 *   and the TRAILER.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_BAD_QOP: @qop_req is not GSS_C_QOP_DEFAULT.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live, established
 *   context.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @iov is GSS_C_NO_IOV_BUFFER.
 * @return GSS_S_CALL_BAD_STRUCTURE: @iov_count is negative, a buffer
 *   has an unknown type, there is no HEADER, more than one HEADER,
 *   TRAILER or PADDING, a STREAM, or a buffer with a length but no
 *   storage (that is not to be allocated).
 * @return GSS_S_UNAVAILABLE: The context's key has no per-message
 *   tokens.
 * @return GSS_S_FAILURE: A HEADER, TRAILER or PADDING is too short, the
 *   PADDING an RFC 1964 or RFC 4757 token needs is missing, or in a
 *   GSS_C_DCE_STYLE context with des3-cbc-sha1 the DATA do not fill
 *   whole blocks (KRB5_BAD_MSIZE), the message is too long
 *   (GSS_KRB5_S_G_WRONG_SIZE), or memory ran out.  What was allocated
 *   is released.
 *
 * @see gss_unwrap_iov gss_wrap_iov_length gss_release_iov_buffer gss_wrap_aead gss_wrap
 */
OM_uint32
gss_wrap_iov (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
	      int conf_req_flag, gss_qop_t qop_req, int *conf_state,
	      gss_iov_buffer_desc *iov, int iov_count)
{
  return wrap_iov_common (minor_status, context_handle, conf_req_flag,
			  qop_req, conf_state, iov, iov_count, IOV_WRAP);
}

/*@ gss_wrap_iov_length - the lengths gss_wrap_iov would give a token's parts
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) The established context.
 * @param conf_req_flag (in) Nonzero for a token with confidentiality.
 * @param qop_req (in) GSS_C_QOP_DEFAULT.
 * @param conf_state (out, optional) Receives whether the token would
 *   have confidentiality.  NULL when not wanted.
 * @param iov (in/out) The buffers as they will be given to
 *   gss_wrap_iov(): the lengths of the DATA and SIGN_ONLY buffers are
 *   read, and the HEADER, TRAILER and PADDING receive the lengths
 *   gss_wrap_iov() needs.  No storage is allocated or read.
 * @param iov_count (in) The number of buffers in @iov.
 *
 * @desc
 * Lets the application allocate the HEADER and TRAILER itself, for
 * example in front of and behind its DATA in one buffer, so that
 * gss_wrap_iov() then leaves a whole token there without any copy.
 * Without a TRAILER buffer the HEADER's length includes the trailer.
 * For RFC 1964 and RFC 4757 tokens (des3-cbc-sha1, arcfour-hmac keys)
 * the PADDING receives the padding's length, which depends on the DATA
 * length, and a PADDING buffer is required; in a GSS_C_DCE_STYLE
 * context it is optional and receives 0, and the HEADER's length does
 * not depend on the message's.
 *
 * @return GSS_S_COMPLETE: The lengths are set.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_BAD_QOP: @qop_req is not GSS_C_QOP_DEFAULT.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live, established
 *   context.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @iov is GSS_C_NO_IOV_BUFFER.
 * @return GSS_S_CALL_BAD_STRUCTURE: As for gss_wrap_iov(), except that
 *   no buffer needs storage.
 * @return GSS_S_UNAVAILABLE: The context's key has no per-message
 *   tokens.
 * @return GSS_S_FAILURE: The context makes RFC 1964 or RFC 4757 tokens,
 *   was not established with GSS_C_DCE_STYLE and @iov has no PADDING
 *   (KRB5_BAD_MSIZE), or the message is too long
 *   (GSS_KRB5_S_G_WRONG_SIZE).
 *
 * @see gss_wrap_iov gss_wrap_size_limit
 */
OM_uint32
gss_wrap_iov_length (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
		     int conf_req_flag, gss_qop_t qop_req, int *conf_state,
		     gss_iov_buffer_desc *iov, int iov_count)
{
  return wrap_iov_common (minor_status, context_handle, conf_req_flag,
			  qop_req, conf_state, iov, iov_count, IOV_LENGTH);
}

/*@ gss_unwrap_iov - check and decrypt a message in place, in scattered buffers
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) The established context, on the side that
 *   receives the token.
 * @param conf_state (out, optional) Receives 1 when the token was
 *   encrypted, 0 otherwise.  NULL when not wanted.
 * @param qop_state (out, optional) Receives GSS_C_QOP_DEFAULT.  NULL
 *   when not wanted.
 * @param iov (in/out) Either the token in parts: one HEADER, the DATA
 *   buffers (decrypted in place), the SIGN_ONLY buffers the sender
 *   signed, and a TRAILER unless the trailer was rotated into the
 *   HEADER (a PADDING buffer, if given, must be empty for RFC 4121
 *   tokens; for RFC 1964 and RFC 4757 tokens it holds the padding, see
 *   below, and a TRAILER must be empty); or the whole
 *   token in one STREAM buffer with exactly one DATA buffer and the
 *   SIGN_ONLY buffers.  With a STREAM, the DATA buffer is set to the
 *   message inside the STREAM buffer, which is decrypted (and, when the
 *   token was rotated, rotated back) in place; when the DATA buffer's
 *   type carries GSS_IOV_BUFFER_FLAG_ALLOCATE the STREAM is left as it
 *   is and the message is given in new storage instead, marked
 *   GSS_IOV_BUFFER_FLAG_ALLOCATED, to release with
 *   gss_release_iov_buffer().
 * @param iov_count (in) The number of buffers in @iov.
 *
 * @desc
 * Takes any Wrap token of the context: one that gss_wrap() made (given
 * as a STREAM, or split by the application into HEADER, DATA, PADDING
 * and TRAILER), or that gss_wrap_iov() made here or at the peer.  The
 * HEADER and TRAILER must have exactly the token's lengths.  Replay and
 * sequence detection are those of gss_unwrap().  When the integrity
 * check fails, the DATA buffers may hold anything.
 *
 * RFC 1964 and RFC 4757 tokens (des3-cbc-sha1 and arcfour-hmac keys)
 * end in padding whose length is only known once decrypted.  As with
 * MIT: the last octet of the PADDING buffer gives it; when it is longer
 * than the PADDING buffer the rest is taken off the end of the last
 * DATA buffer (so a token split as HEADER, DATA up to the last octet,
 * PADDING of one octet unwraps), and the PADDING's length is set to 0.
 * Without a PADDING buffer (or with an empty one) the padding stays at
 * the end of the DATA for the caller to remove.
 *
 * A STREAM is refused in a context established with GSS_C_DCE_STYLE,
 * as by MIT.  There, RFC 1964 and RFC 4757 tokens are framed over the
 * HEADER alone, and their padding is the caller's: a PADDING buffer is
 * taken as more of the message, and nothing is taken off the DATA.
 *
 * @return GSS_S_COMPLETE: The DATA buffers hold the message.
 * @return GSS_S_DUPLICATE_TOKEN: The message is authentic, but the
 *   token was seen before (replay detection on).
 * @return GSS_S_OLD_TOKEN: The message is authentic, but the token is
 *   too old to tell whether it was seen before.
 * @return GSS_S_UNSEQ_TOKEN: The message is authentic, but a later
 *   token was already seen (sequence detection on).
 * @return GSS_S_GAP_TOKEN: The message is authentic, but earlier tokens
 *   are missing (sequence detection on).
 * @return GSS_S_BAD_SIG: The integrity check failed: the token, a DATA
 *   or a SIGN_ONLY buffer was changed.
 * @return GSS_S_DEFECTIVE_TOKEN: The HEADER is not a Wrap token of this
 *   context, the lengths of the HEADER, PADDING, TRAILER or STREAM do
 *   not fit the token, or its padding is malformed.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live, established
 *   context.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @iov is GSS_C_NO_IOV_BUFFER.
 * @return GSS_S_CALL_BAD_STRUCTURE: @iov_count is negative, a buffer
 *   has an unknown type or a length without storage, there is neither
 *   one HEADER nor one STREAM, a part of a token appears twice, or a
 *   STREAM comes with a HEADER, TRAILER or PADDING, or without exactly
 *   one DATA.
 * @return GSS_S_UNAVAILABLE: The context's key has no per-message
 *   tokens.
 * @return GSS_S_FAILURE: A STREAM in a GSS_C_DCE_STYLE context, or
 *   memory ran out.
 *
 * @see gss_wrap_iov gss_unwrap gss_unwrap_aead gss_release_iov_buffer
 */
OM_uint32
gss_unwrap_iov (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
		int *conf_state, gss_qop_t *qop_state,
		gss_iov_buffer_desc *iov, int iov_count)
{
  OM_uint32 major;

  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (conf_state)
    *conf_state = 0;
  if (qop_state)
    *qop_state = GSS_C_QOP_DEFAULT;
  if (!_gss_ctx_ok (context_handle))
    return GSS_S_NO_CONTEXT;
  major = check_iov (iov, iov_count, IOV_UNWRAP);
  if (major)
    return major;
  if (context_handle->mech->unwrap_iov == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->unwrap_iov (minor_status,
					   context_handle->mctx, conf_state,
					   qop_state, iov, iov_count);
}

/*@ gss_release_iov_buffer - free the buffers the library allocated in an IOV array
 *
 * @param minor_status (out) Receives 0.  May be NULL.
 * @param iov (in/out) The array; GSS_C_NO_IOV_BUFFER is accepted and
 *   nothing is done.
 * @param iov_count (in) The number of buffers in @iov.
 *
 * @desc
 * Every buffer whose type carries GSS_IOV_BUFFER_FLAG_ALLOCATED is
 * overwritten with zeros, freed, emptied, and loses that flag; the
 * others are the application's and are left alone.
 *
 * @return GSS_S_COMPLETE: Done.
 *
 * @see gss_wrap_iov gss_unwrap_iov gss_release_buffer
 */
OM_uint32
gss_release_iov_buffer (OM_uint32 *minor_status, gss_iov_buffer_desc *iov,
			int iov_count)
{
  int i;

  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (iov == GSS_C_NO_IOV_BUFFER)
    return GSS_S_COMPLETE;
  for (i = 0; i < iov_count; i++)
    if (iov[i].type & GSS_IOV_BUFFER_FLAG_ALLOCATED)
      {
	gss_release_buffer (NULL, &iov[i].buffer);
	iov[i].type &= ~(OM_uint32) GSS_IOV_BUFFER_FLAG_ALLOCATED;
      }
  return GSS_S_COMPLETE;
}

/*@ gss_wrap_aead - protect a message together with associated data
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) The established context.
 * @param conf_req_flag (in) Nonzero to encrypt the payload.
 * @param qop_req (in) GSS_C_QOP_DEFAULT.
 * @param input_assoc_buffer (in, optional) Data covered by the
 *   integrity check but neither encrypted nor part of the token, such as
 *   a protocol header the peer sees in the clear.  GSS_C_NO_BUFFER for
 *   none.
 * @param input_payload_buffer (in) The message.
 * @param conf_state (out, optional) Receives 1 when the payload was
 *   encrypted.  NULL when not wanted.
 * @param output_message_buffer (out) Emptied first, then receives the
 *   token, to release with gss_release_buffer().
 *
 * @desc
 * gss_wrap_iov() with a SIGN_ONLY buffer for the associated data, its
 * token in one buffer.  Without associated data the token is exactly
 * what gss_wrap() makes: gss_unwrap() takes it.  With it, the peer
 * passes the same associated data to gss_unwrap_aead() (or as a
 * SIGN_ONLY buffer before the DATA to gss_unwrap_iov()).
 *
 * @return GSS_S_COMPLETE: The token is in @output_message_buffer.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @input_payload_buffer is
 *   GSS_C_NO_BUFFER, or a buffer has a length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @output_message_buffer is NULL.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live, established
 *   context.
 * @return GSS_S_FAILURE: Memory ran out; otherwise the statuses of
 *   gss_wrap_iov() (GSS_S_BAD_QOP, GSS_S_CONTEXT_EXPIRED,
 *   GSS_S_UNAVAILABLE, ...).
 *
 * @see gss_unwrap_aead gss_wrap_iov gss_wrap
 */
OM_uint32
gss_wrap_aead (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
	       int conf_req_flag, gss_qop_t qop_req,
	       gss_buffer_t input_assoc_buffer,
	       gss_buffer_t input_payload_buffer, int *conf_state,
	       gss_buffer_t output_message_buffer)
{
  gss_iov_buffer_desc iov[5];
  unsigned char *out = NULL;
  size_t total;
  OM_uint32 major;
  int n = 0;

  if (output_message_buffer != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_message_buffer);
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (conf_state)
    *conf_state = 0;
  if (!_gss_ctx_ok (context_handle))
    return GSS_S_NO_CONTEXT;
  if (!_gss_buffer_readable (input_payload_buffer)
      || (input_assoc_buffer != GSS_C_NO_BUFFER
	  && !_gss_buffer_readable (input_assoc_buffer)))
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (output_message_buffer == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  iov[n].type = GSS_IOV_BUFFER_TYPE_HEADER;
  _gss_buffer_init (&iov[n++].buffer);
  if (input_assoc_buffer != GSS_C_NO_BUFFER)
    {
      iov[n].type = GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
      iov[n++].buffer = *input_assoc_buffer;
    }
  iov[n].type = GSS_IOV_BUFFER_TYPE_DATA;
  iov[n++].buffer = *input_payload_buffer;
  /* RFC 1964 and RFC 4757 tokens end in padding; RFC 4121 ones need
     none. */
  iov[n].type = GSS_IOV_BUFFER_TYPE_PADDING;
  _gss_buffer_init (&iov[n++].buffer);
  iov[n].type = GSS_IOV_BUFFER_TYPE_TRAILER;
  _gss_buffer_init (&iov[n++].buffer);

  major = gss_wrap_iov_length (minor_status, context_handle, conf_req_flag,
			       qop_req, NULL, iov, n);
  if (major)
    goto cleanup;
  /* One allocation, the message copied once into the middle of it and
     protected there. */
  total = iov[0].buffer.length + input_payload_buffer->length
    + iov[n - 2].buffer.length + iov[n - 1].buffer.length;
  if (total < input_payload_buffer->length
      || (out = malloc (total ? total : 1)) == NULL)
    {
      *minor_status = GSS_MINOR_NOMEM;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  iov[0].buffer.value = out;
  iov[n - 3].buffer.value = out + iov[0].buffer.length;
  if (input_payload_buffer->length)
    memcpy (iov[n - 3].buffer.value, input_payload_buffer->value,
	    input_payload_buffer->length);
  iov[n - 2].buffer.value = out + iov[0].buffer.length
    + input_payload_buffer->length;
  iov[n - 1].buffer.value = (unsigned char *) iov[n - 2].buffer.value
    + iov[n - 2].buffer.length;
  major = gss_wrap_iov (minor_status, context_handle, conf_req_flag,
			qop_req, conf_state, iov, n);
  if (major)
    goto cleanup;
  output_message_buffer->value = out;
  output_message_buffer->length = total;
  out = NULL;

cleanup:
  if (out)
    {
      explicit_bzero (out, total);
      free (out);
    }
  return major;
}

/*@ gss_unwrap_aead - check and decrypt a token made with associated data
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) The established context, on the receiving
 *   side.
 * @param input_message_buffer (in) The token as received; left as it
 *   is.
 * @param input_assoc_buffer (in, optional) The associated data the
 *   sender gave gss_wrap_aead(); GSS_C_NO_BUFFER for none.
 * @param output_payload_buffer (out) Emptied first, then receives the
 *   message, to release with gss_release_buffer().
 * @param conf_state (out, optional) Receives 1 when the token was
 *   encrypted.  NULL when not wanted.
 * @param qop_state (out, optional) Receives GSS_C_QOP_DEFAULT.  NULL
 *   when not wanted.
 *
 * @desc
 * gss_unwrap_iov() of the token as a STREAM, with the associated data
 * as a SIGN_ONLY buffer before the DATA.  Without associated data it
 * takes what gss_wrap() makes, like gss_unwrap().
 *
 * @return GSS_S_COMPLETE: The message is in @output_payload_buffer.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @input_message_buffer is
 *   GSS_C_NO_BUFFER, or a buffer has a length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @output_payload_buffer is NULL.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live, established
 *   context.
 * @return GSS_S_BAD_SIG: The token, or the associated data, was
 *   changed; otherwise the statuses of gss_unwrap_iov()
 *   (GSS_S_DEFECTIVE_TOKEN, GSS_S_DUPLICATE_TOKEN, GSS_S_UNAVAILABLE,
 *   ...).
 *
 * @see gss_wrap_aead gss_unwrap_iov gss_unwrap
 */
OM_uint32
gss_unwrap_aead (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
		 gss_buffer_t input_message_buffer,
		 gss_buffer_t input_assoc_buffer,
		 gss_buffer_t output_payload_buffer, int *conf_state,
		 gss_qop_t *qop_state)
{
  gss_iov_buffer_desc iov[3];
  OM_uint32 major;
  int n = 0;

  if (output_payload_buffer != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_payload_buffer);
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (conf_state)
    *conf_state = 0;
  if (qop_state)
    *qop_state = GSS_C_QOP_DEFAULT;
  if (!_gss_ctx_ok (context_handle))
    return GSS_S_NO_CONTEXT;
  if (!_gss_buffer_readable (input_message_buffer)
      || (input_assoc_buffer != GSS_C_NO_BUFFER
	  && !_gss_buffer_readable (input_assoc_buffer)))
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (output_payload_buffer == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  iov[n].type = GSS_IOV_BUFFER_TYPE_STREAM;
  iov[n++].buffer = *input_message_buffer;
  if (input_assoc_buffer != GSS_C_NO_BUFFER)
    {
      iov[n].type = GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
      iov[n++].buffer = *input_assoc_buffer;
    }
  /* Allocated: the caller's token stays as it came. */
  iov[n].type = GSS_IOV_BUFFER_TYPE_DATA | GSS_IOV_BUFFER_FLAG_ALLOCATE;
  _gss_buffer_init (&iov[n++].buffer);
  major = gss_unwrap_iov (minor_status, context_handle, conf_state,
			  qop_state, iov, n);
  if (GSS_ERROR (major))
    {
      gss_release_iov_buffer (NULL, iov, n);
      return major;
    }
  *output_payload_buffer = iov[n - 1].buffer;
  return major;
}

/* transfer.c - gss_export_sec_context and gss_import_sec_context.
 *
 * The interprocess token is the mechanism's own blob behind a short
 * header naming the mechanism: a version octet, a two-octet OID length
 * and the OID.
 */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

#define TRANSFER_VERSION 1

OM_uint32
_gss_ctx_serialize (OM_uint32 *minor, gss_ctx_id_t ctx, gss_buffer_t token)
{
  gss_buffer_desc blob = GSS_C_EMPTY_BUFFER;
  const gss_OID_desc *oid;
  unsigned char *p;
  OM_uint32 major, tmp;

  if (ctx->mech->export_sec_context == NULL)
    return GSS_S_UNAVAILABLE;
  major = ctx->mech->export_sec_context (minor, ctx->mctx, &blob);
  if (GSS_ERROR (major))
    return major;

  oid = ctx->mech->oid;
  p = malloc (3 + oid->length + blob.length);
  if (p == NULL)
    {
      /* The blob holds key material: the mechanism's buffer is wiped
	 before it goes. */
      memset (blob.value, 0, blob.length);
      gss_release_buffer (&tmp, &blob);
      *minor = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  p[0] = TRANSFER_VERSION;
  p[1] = oid->length >> 8;
  p[2] = oid->length & 0xff;
  memcpy (p + 3, oid->elements, oid->length);
  memcpy (p + 3 + oid->length, blob.value, blob.length);
  token->value = p;
  token->length = 3 + oid->length + blob.length;
  memset (blob.value, 0, blob.length);
  gss_release_buffer (&tmp, &blob);
  return GSS_S_COMPLETE;
}

/*@ gss_export_sec_context - move a security context out of this process
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in/out) The context to export.  On success the
 *   context is gone from this process and GSS_C_NO_CONTEXT is stored;
 *   on failure it is left as it was.
 * @param interprocess_token (out) Emptied first, then receives the
 *   token, to be released with gss_release_buffer().  Must not be NULL.
 *
 * @desc
 * The token holds all of the context's state: names, flags, lifetime,
 * sequence numbers and the replay window, and the keys.  Another
 * process using this library passes it to gss_import_sec_context() and
 * goes on with the context, for example a server that accepts contexts
 * in one process and serves the clients in others.  Only established
 * contexts, those with GSS_C_TRANS_FLAG, can be exported.
 *
 * The token carries the session key and subkeys in the clear, and
 * nothing protects its integrity: whoever reads it can read and forge
 * every message of the context, and whoever changes it changes what
 * the importing process believes.  Keep it as secret as a keytab, pass
 * it only over channels that are private and authentic (a pipe or a
 * socket between processes of the same user), and never store it
 * where others can read or write it.  gss_release_buffer() overwrites
 * it before freeing it.  The token format belongs to this library;
 * other GSS-API implementations cannot read it.
 *
 * @return GSS_S_COMPLETE: The token is in @interprocess_token and the
 *   context is no longer usable here.
 * @return GSS_S_UNAVAILABLE: The context is not yet established
 *   (GSS_KRB5_S_KG_CTX_INCOMPLETE in @minor_status), or its mechanism
 *   cannot export contexts.
 * @return GSS_S_NO_CONTEXT: *@context_handle is not a live context
 *   handle.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT:
 *   *@context_handle is GSS_C_NO_CONTEXT.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_CALL_INACCESSIBLE_WRITE |
 *   GSS_S_NO_CONTEXT:
 *   @context_handle is NULL.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @interprocess_token is NULL.
 * @return GSS_S_FAILURE: Memory ran out (GSS_KRB5_S_G_BUFFER_ALLOC in
 *   @minor_status); the context is left as it was.
 *
 * @see gss_import_sec_context gss_delete_sec_context gss_inquire_context
 */
OM_uint32
gss_export_sec_context (OM_uint32 *minor_status, gss_ctx_id_t *context_handle,
			gss_buffer_t interprocess_token)
{
  OM_uint32 major, tmp;

  if (interprocess_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (interprocess_token);
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (context_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_CALL_INACCESSIBLE_WRITE
      | GSS_S_NO_CONTEXT;
  if (*context_handle == GSS_C_NO_CONTEXT)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT;
  if (!_gss_ctx_ok (*context_handle))
    return GSS_S_NO_CONTEXT;
  if (interprocess_token == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  major = _gss_ctx_serialize (minor_status, *context_handle,
			      interprocess_token);
  if (GSS_ERROR (major))
    return major;

  /* RFC 2744 section 5.14: the exported context is no longer usable
     here. */
  (*context_handle)->mech->delete_sec_context (&tmp,
					      (*context_handle)->mctx,
					      GSS_C_NO_BUFFER);
  (*context_handle)->magic = GSS_MAGIC_DEAD;
  free (*context_handle);
  *context_handle = GSS_C_NO_CONTEXT;
  return GSS_S_COMPLETE;
}

/*@ gss_import_sec_context - take over a security context exported by another
 *   process
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param interprocess_token (in) The token from gss_export_sec_context().
 * @param context_handle (out) Receives the context, or GSS_C_NO_CONTEXT
 *   on failure.  Release it with gss_delete_sec_context().  Must not be
 *   NULL.
 *
 * @desc
 * The context continues where the exporting process left it: the same
 * keys, sequence numbers and replay window, so that tokens already
 * seen there are still detected as replays here.  The token must come
 * from the same version of this library.
 *
 * @return GSS_S_COMPLETE: The context is in @context_handle.
 * @return GSS_S_DEFECTIVE_TOKEN: The token is not one of
 *   gss_export_sec_context() of this library version, or is truncated or
 *   damaged.
 * @return GSS_S_BAD_MECH: The token names a mechanism this library does
 *   not offer.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN:
 *   @interprocess_token is GSS_C_NO_BUFFER, or has a length but no
 *   value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CONTEXT:
 *   @context_handle is NULL.
 * @return GSS_S_UNAVAILABLE: The mechanism cannot import contexts, or
 *   the context's key is of a type this build cannot use.
 * @return GSS_S_FAILURE: libkrb5 could not be initialised, or memory ran
 *   out.
 *
 * @see gss_export_sec_context gss_delete_sec_context
 */
OM_uint32
gss_import_sec_context (OM_uint32 *minor_status,
			const gss_buffer_t interprocess_token,
			gss_ctx_id_t *context_handle)
{
  const unsigned char *p;
  const struct gss_mech *mech;
  gss_OID_desc oid;
  gss_buffer_desc blob;
  void *mctx = NULL;
  OM_uint32 major;

  if (context_handle != NULL)
    *context_handle = GSS_C_NO_CONTEXT;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (!_gss_buffer_readable (interprocess_token))
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN;
  if (context_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CONTEXT;

  p = interprocess_token->value;
  if (interprocess_token->length < 3 || p[0] != TRANSFER_VERSION)
    return GSS_S_DEFECTIVE_TOKEN;
  oid.length = (OM_uint32) p[1] << 8 | p[2];
  if (oid.length == 0 || interprocess_token->length - 3 < oid.length)
    return GSS_S_DEFECTIVE_TOKEN;
  oid.elements = (void *) (p + 3);
  mech = _gss_find_mech (&oid);
  if (mech == NULL)
    return GSS_S_BAD_MECH;
  if (mech->import_sec_context == NULL)
    return GSS_S_UNAVAILABLE;

  blob.value = (void *) (p + 3 + oid.length);
  blob.length = interprocess_token->length - 3 - oid.length;
  major = mech->import_sec_context (minor_status, &blob, &mctx);
  if (GSS_ERROR (major))
    return major;
  return _gss_ctx_wrap (minor_status, mech, mctx, context_handle);
}

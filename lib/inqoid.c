/* inqoid.c - inquiry of a security context by OID. */
#include "ext-internal.h"

static gss_OID_desc sspi_session_key =
  { 11, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02\x05\x05" };
gss_OID GSS_C_INQ_SSPI_SESSION_KEY = &sspi_session_key;

/*@ gss_inquire_sec_context_by_oid - ask a security context for one
 *   piece of data, named by an OID
 *
 * @param minor_status (out) Receives the mechanism's status code.  Must
 *   not be NULL.
 * @param context_handle (in) An established security context.
 * @param desired_object (in) What is asked for:
 *   GSS_C_INQ_SSPI_SESSION_KEY is the one the Kerberos 5 mechanism
 *   answers.
 * @param data_set (out) Receives the answer, a buffer set to release
 *   with gss_release_buffer_set(); GSS_C_NO_BUFFER_SET on failure.
 *
 * @desc
 * For GSS_C_INQ_SSPI_SESSION_KEY (1.2.840.113554.1.2.2.5.5) a Kerberos 5
 * context answers two buffers, as MIT krb5 does: the octets of the key
 * that protects its messages (the acceptor's subkey when the acceptor
 * sent one, else the initiator's subkey), then the OID
 * 1.2.840.113554.1.2.2.4.ENCTYPE, DER-encoded, whose last arc is the
 * key's Kerberos encryption type (18 for aes256-cts-hmac-sha1-96).  Both
 * peers of a context get the same key, which SMB and other protocols
 * use to derive keys of their own.  The set holds key material: release
 * it as soon as it is used (gss_release_buffer_set() overwrites it).
 *
 * @return GSS_S_COMPLETE: The answer is in *@data_set.
 * @return GSS_S_UNAVAILABLE: The mechanism knows nothing by the name
 *   @desired_object.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live context
 *   handle, or its context is not yet established.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT:
 *   @context_handle is GSS_C_NO_CONTEXT.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @desired_object is GSS_C_NO_OID.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status or @data_set is
 *   NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_release_buffer_set gss_inquire_context
 */
OM_uint32
gss_inquire_sec_context_by_oid (OM_uint32 *minor_status,
				const gss_ctx_id_t context_handle,
				const gss_OID desired_object,
				gss_buffer_set_t *data_set)
{
  if (data_set != NULL)
    *data_set = GSS_C_NO_BUFFER_SET;
  if (minor_status != NULL)
    *minor_status = 0;
  if (minor_status == NULL || data_set == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (context_handle == GSS_C_NO_CONTEXT)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT;
  if (!_gss_ctx_ok (context_handle))
    return GSS_S_NO_CONTEXT;
  if (desired_object == GSS_C_NO_OID)
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (context_handle->mech->inquire_sec_context_by_oid == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->inquire_sec_context_by_oid
    (minor_status, context_handle->mctx, desired_object, data_set);
}

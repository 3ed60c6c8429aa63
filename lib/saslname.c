/* saslname.c - SASL names of mechanisms (RFC 5801 section 9). */
#include "internal.h"

/*@ gss_inquire_saslname_for_mech - the SASL name and description of a
 *   mechanism
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param desired_mech (in) The mechanism's OID.
 * @param sasl_mech_name (out, optional) Emptied first, then receives
 *   the mechanism's SASL name as RFC 5801 defines it (`GS2-KRB5` for
 *   Kerberos 5).  GSS_C_NO_BUFFER when not wanted.
 * @param mech_name (out, optional) Emptied first, then receives a short
 *   name for people (`Kerberos V5`), translated to the user's language
 *   when a translation exists.  GSS_C_NO_BUFFER when not wanted.
 * @param mech_description (out, optional) Emptied first, then receives
 *   a one-line description, translated likewise.  GSS_C_NO_BUFFER when
 *   not wanted.
 *
 * @desc
 * The SASL name is the one a GS2 SASL mechanism (RFC 5801) built on
 * this GSS-API mechanism uses; gss_inquire_mech_for_saslname() maps it
 * back.  SPNEGO has none (RFC 5801 section 14 excludes it from GS2): its
 * SASL name is the empty string, which no SASL name maps back to.  Each
 * output filled in is a NUL-terminated copy to release with
 * gss_release_buffer().  When the call fails, all three are left empty.
 *
 * @return GSS_S_COMPLETE: The outputs asked for are filled in.
 * @return GSS_S_BAD_MECH: @desired_mech names no mechanism of this
 *   library.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @desired_mech is GSS_C_NO_OID
 *   (GNU GSS's status).
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_inquire_mech_for_saslname gss_indicate_mechs
 */
OM_uint32
gss_inquire_saslname_for_mech (OM_uint32 *minor_status,
			       const gss_OID desired_mech,
			       gss_buffer_t sasl_mech_name,
			       gss_buffer_t mech_name,
			       gss_buffer_t mech_description)
{
  const struct gss_mech *mech;
  OM_uint32 major = GSS_S_COMPLETE, tmp;

  if (sasl_mech_name != GSS_C_NO_BUFFER)
    _gss_buffer_init (sasl_mech_name);
  if (mech_name != GSS_C_NO_BUFFER)
    _gss_buffer_init (mech_name);
  if (mech_description != GSS_C_NO_BUFFER)
    _gss_buffer_init (mech_description);
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (desired_mech == GSS_C_NO_OID)
    return GSS_S_CALL_INACCESSIBLE_READ;
  mech = _gss_find_mech (desired_mech);
  if (mech == NULL)
    return GSS_S_BAD_MECH;

  /* Each output is optional (RFC 5801 section 10). */
  if (sasl_mech_name != GSS_C_NO_BUFFER)
    /* RFC 5801 section 14 keeps SPNEGO out of GS2: its SASL name is
       empty. */
    major = _gss_buffer_from_string (minor_status, mech->sasl_name
				     ? mech->sasl_name : "", sasl_mech_name);
  if (!GSS_ERROR (major) && mech_name != GSS_C_NO_BUFFER)
    major = _gss_buffer_from_string (minor_status, _(mech->name), mech_name);
  if (!GSS_ERROR (major) && mech_description != GSS_C_NO_BUFFER)
    major = _gss_buffer_from_string (minor_status, _(mech->description),
				     mech_description);
  if (GSS_ERROR (major))
    {
      gss_release_buffer (&tmp, sasl_mech_name);
      gss_release_buffer (&tmp, mech_name);
      gss_release_buffer (&tmp, mech_description);
    }
  return major;
}

/*@ gss_inquire_mech_for_saslname - the mechanism behind a SASL name
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param sasl_mech_name (in) The SASL name, such as `GS2-KRB5`, compared
 *   byte for byte.  Must not be GSS_C_NO_BUFFER.
 * @param mech_type (out, optional) Receives the mechanism's OID, a
 *   pointer to static storage not to be modified or freed; GSS_C_NO_OID
 *   on failure.  NULL when the caller only asks whether the name is
 *   known.
 *
 * @desc
 * The reverse of gss_inquire_saslname_for_mech() (RFC 5801 section 10).
 * The `-PLUS` variants of GS2 mechanism names, which only tell that
 * channel binding is used, are not recognised: strip the suffix first.
 *
 * @return GSS_S_COMPLETE: The name is known; its mechanism is in
 *   @mech_type.
 * @return GSS_S_BAD_MECH: No mechanism of this library has that SASL
 *   name.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @sasl_mech_name is
 *   GSS_C_NO_BUFFER, or has a length but no value (GNU GSS's status).
 *
 * @see gss_inquire_saslname_for_mech
 */
OM_uint32
gss_inquire_mech_for_saslname (OM_uint32 *minor_status,
			       const gss_buffer_t sasl_mech_name,
			       gss_OID *mech_type)
{
  const struct gss_mech *mech;

  if (mech_type != NULL)
    *mech_type = GSS_C_NO_OID;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (sasl_mech_name == GSS_C_NO_BUFFER
      || (sasl_mech_name->length && sasl_mech_name->value == NULL))
    return GSS_S_CALL_INACCESSIBLE_READ;

  mech = _gss_find_mech_by_sasl (sasl_mech_name->value,
				 sasl_mech_name->length);
  if (mech == NULL)
    return GSS_S_BAD_MECH;
  /* RFC 5801 lets the caller pass NULL when it only asks whether the
     name is known. */
  if (mech_type != NULL)
    *mech_type = (gss_OID) mech->oid;
  return GSS_S_COMPLETE;
}

/* saslname.c - SASL names of mechanisms (RFC 5801 section 9). */
#include "internal.h"

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
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (desired_mech == GSS_C_NO_OID)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_MECH;
  mech = _gss_find_mech (desired_mech);
  if (mech == NULL)
    return GSS_S_BAD_MECH;

  /* Each output is optional (RFC 5801 section 10). */
  if (sasl_mech_name != GSS_C_NO_BUFFER)
    major = _gss_buffer_from_string (minor_status, mech->sasl_name,
				     sasl_mech_name);
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

OM_uint32
gss_inquire_mech_for_saslname (OM_uint32 *minor_status,
			       const gss_buffer_t sasl_mech_name,
			       gss_OID *mech_type)
{
  const struct gss_mech *mech;

  if (mech_type != NULL)
    *mech_type = GSS_C_NO_OID;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (sasl_mech_name == GSS_C_NO_BUFFER
      || (sasl_mech_name->length && sasl_mech_name->value == NULL))
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_MECH;

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

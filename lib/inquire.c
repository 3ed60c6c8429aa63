/* inquire.c - which mechanisms exist and which name types they take. */
#include "internal.h"

/* A new set of OIDS (NULL-terminated array), deep-copied. */
static OM_uint32
oid_set_from (OM_uint32 *minor, const gss_OID_desc *const *oids,
	      gss_OID_set *set)
{
  OM_uint32 major;
  size_t i;

  major = gss_create_empty_oid_set (minor, set);
  for (i = 0; major == GSS_S_COMPLETE && oids[i]; i++)
    major = gss_add_oid_set_member (minor, (gss_OID) oids[i], set);
  if (GSS_ERROR (major))
    {
      OM_uint32 tmp;
      gss_release_oid_set (&tmp, set);
    }
  return major;
}

OM_uint32
gss_indicate_mechs (OM_uint32 *minor_status, gss_OID_set *mech_set)
{
  OM_uint32 major;
  size_t i;

  if (mech_set != NULL)
    *mech_set = GSS_C_NO_OID_SET;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (mech_set == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  major = gss_create_empty_oid_set (minor_status, mech_set);
  for (i = 0; major == GSS_S_COMPLETE && _gss_mechs[i]; i++)
    major = gss_add_oid_set_member (minor_status,
				    (gss_OID) _gss_mechs[i]->oid, mech_set);
  if (GSS_ERROR (major))
    {
      OM_uint32 tmp;
      gss_release_oid_set (&tmp, mech_set);
    }
  return major;
}

OM_uint32
gss_inquire_names_for_mech (OM_uint32 *minor_status, const gss_OID mechanism,
			    gss_OID_set *name_types)
{
  const struct gss_mech *mech;

  if (name_types != NULL)
    *name_types = GSS_C_NO_OID_SET;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (name_types == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  mech = _gss_find_mech (mechanism);
  if (mech == NULL)
    return GSS_S_BAD_MECH;
  return oid_set_from (minor_status, mech->name_types, name_types);
}

OM_uint32
gss_inquire_mechs_for_name (OM_uint32 *minor_status,
			    const gss_name_t input_name,
			    gss_OID_set *mech_types)
{
  OM_uint32 major;
  size_t i;

  if (mech_types != NULL)
    *mech_types = GSS_C_NO_OID_SET;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (input_name == GSS_C_NO_NAME)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME;
  if (!_gss_name_ok (input_name))
    return GSS_S_BAD_NAME;
  if (mech_types == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  major = gss_create_empty_oid_set (minor_status, mech_types);
  /* An MN belongs to its mechanism alone; otherwise every mechanism
     that lists the name's type (or takes its default type) may do. */
  for (i = 0; major == GSS_S_COMPLETE && _gss_mechs[i]; i++)
    {
      const struct gss_mech *m = _gss_mechs[i];
      if (input_name->mech ? input_name->mech == m
	  : (input_name->type == GSS_C_NO_OID
	     || _gss_mech_has_name_type (m, input_name->type)))
	major = gss_add_oid_set_member (minor_status, (gss_OID) m->oid,
					mech_types);
    }
  if (GSS_ERROR (major))
    {
      OM_uint32 tmp;
      gss_release_oid_set (&tmp, mech_types);
    }
  return major;
}

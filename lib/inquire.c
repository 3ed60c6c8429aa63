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

/*@ gss_indicate_mechs - list the mechanisms this library offers
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param mech_set (out) Receives a new set holding the OID of every
 *   mechanism available, to be released with gss_release_oid_set().
 *   Must not be NULL.
 *
 * @desc
 * This library offers the Kerberos 5 mechanism (GSS_KRB5, OID
 * 1.2.840.113554.1.2.2), which is also the default one.  Programs find
 * out by this call what they may pass as a mechanism OID, and
 * gss_inquire_saslname_for_mech() tells them more of each.
 *
 * @return GSS_S_COMPLETE: The set is in @mech_set.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @mech_set is
 *   NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_release_oid_set gss_test_oid_set_member
 * @see gss_inquire_names_for_mech gss_inquire_saslname_for_mech
 */
OM_uint32
gss_indicate_mechs (OM_uint32 *minor_status, gss_OID_set *mech_set)
{
  OM_uint32 major;
  size_t i;

  if (mech_set != NULL)
    *mech_set = GSS_C_NO_OID_SET;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
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

/*@ gss_inquire_names_for_mech - list the name types a mechanism takes
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param mechanism (in, optional) The mechanism, or GSS_C_NO_OID for the
 *   default one.
 * @param name_types (out) Receives a new set of name-type OIDs, to be
 *   released with gss_release_oid_set().  Must not be NULL.
 *
 * @desc
 * The name types listed are those gss_import_name() can turn into names
 * of that mechanism.  For Kerberos 5: GSS_KRB5_NT_PRINCIPAL_NAME,
 * GSS_C_NT_USER_NAME, GSS_C_NT_HOSTBASED_SERVICE (and its older OID
 * GSS_C_NT_HOSTBASED_SERVICE_X), GSS_C_NT_MACHINE_UID_NAME,
 * GSS_C_NT_STRING_UID_NAME, GSS_KRB5_NT_MACHINE_UID_NAME and
 * GSS_C_NT_EXPORT_NAME.
 *
 * @return GSS_S_COMPLETE: The set is in @name_types.
 * @return GSS_S_BAD_MECH: @mechanism names no mechanism of this
 *   library.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @name_types
 *   is NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_inquire_mechs_for_name gss_import_name gss_release_oid_set
 */
OM_uint32
gss_inquire_names_for_mech (OM_uint32 *minor_status, const gss_OID mechanism,
			    gss_OID_set *name_types)
{
  const struct gss_mech *mech;

  if (name_types != NULL)
    *name_types = GSS_C_NO_OID_SET;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (name_types == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  mech = _gss_find_mech (mechanism);
  if (mech == NULL)
    return GSS_S_BAD_MECH;
  return oid_set_from (minor_status, mech->name_types, name_types);
}

/*@ gss_inquire_mechs_for_name - list the mechanisms that can use a name
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param input_name (in) The name.
 * @param mech_types (out) Receives a new set of mechanism OIDs, to be
 *   released with gss_release_oid_set().  Must not be NULL.
 *
 * @desc
 * A mechanism name (from gss_canonicalize_name(), or one that
 * gss_accept_sec_context() returned) belongs to its mechanism alone.
 * Any other name can be used by every mechanism that takes its name
 * type; a name imported with GSS_C_NO_OID as its type, by every
 * mechanism.  The set may be empty, for example for an anonymous name.
 *
 * @return GSS_S_COMPLETE: The set is in @mech_types.
 * @return GSS_S_BAD_NAME: @input_name is not a live name handle.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME: @input_name is
 *   GSS_C_NO_NAME.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @mech_types
 *   is NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_inquire_names_for_mech gss_import_name gss_release_oid_set
 */
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
    minor_status = &_gss_minor_discard;
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

/* cred.c - credentials: acquire, add, inquire, release. */
#include "internal.h"
#include <stdlib.h>

OM_uint32
_gss_cred_wrap (OM_uint32 *minor, const struct gss_mech *mech, void *mcred,
		gss_cred_id_t *out)
{
  struct gss_cred_id_struct *cred = calloc (1, sizeof *cred);

  if (cred == NULL)
    {
      mech->release_cred (mcred);
      *minor = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  cred->magic = GSS_MAGIC_CRED;
  cred->mech = mech;
  cred->mcred = mcred;
  *out = cred;
  return GSS_S_COMPLETE;
}

static bool
usage_ok (gss_cred_usage_t usage)
{
  return usage == GSS_C_BOTH || usage == GSS_C_INITIATE
    || usage == GSS_C_ACCEPT;
}

/* The first mechanism of DESIRED that this library offers (all of
   them, i.e. the default, for GSS_C_NO_OID_SET). */
static const struct gss_mech *
pick_mech (gss_const_OID_set desired)
{
  size_t i;

  if (desired == GSS_C_NO_OID_SET)
    return _gss_mechs[0];
  for (i = 0; i < desired->count; i++)
    {
      const struct gss_mech *mech = _gss_find_mech (&desired->elements[i]);
      if (mech)
	return mech;
    }
  return NULL;
}

/* Acquire one mechanism's credential element for NAME. */
static OM_uint32
acquire_element (OM_uint32 *minor, const struct gss_mech *mech,
		 gss_const_name_t name, OM_uint32 time_req,
		 gss_cred_usage_t usage, void **mcred, OM_uint32 *time_rec)
{
  void *mname = NULL;
  bool owned = false;
  OM_uint32 major;

  if (mech->acquire_cred == NULL)
    return GSS_S_UNAVAILABLE;
  if (name != GSS_C_NO_NAME)
    {
      major = _gss_name_to_mname (minor, name, mech, &mname, &owned);
      if (GSS_ERROR (major))
	return major;
    }
  major = mech->acquire_cred (minor, mname, time_req, usage, mcred, time_rec);
  if (owned)
    mech->release_name (mname);
  return major;
}

static OM_uint32
mech_set_of (OM_uint32 *minor, const struct gss_mech *mech, gss_OID_set *set)
{
  OM_uint32 major = gss_create_empty_oid_set (minor, set);

  if (!GSS_ERROR (major))
    major = gss_add_oid_set_member (minor, (gss_OID) mech->oid, set);
  return major;
}

OM_uint32
gss_acquire_cred (OM_uint32 *minor_status, const gss_name_t desired_name,
		  OM_uint32 time_req, const gss_OID_set desired_mechs,
		  gss_cred_usage_t cred_usage,
		  gss_cred_id_t *output_cred_handle,
		  gss_OID_set *actual_mechs, OM_uint32 *time_rec)
{
  const struct gss_mech *mech;
  void *mcred = NULL;
  OM_uint32 major, tmp;

  if (output_cred_handle != NULL)
    *output_cred_handle = GSS_C_NO_CREDENTIAL;
  if (actual_mechs != NULL)
    *actual_mechs = GSS_C_NO_OID_SET;
  if (time_rec != NULL)
    *time_rec = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (output_cred_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CRED;
  if (desired_name != GSS_C_NO_NAME && !_gss_name_ok (desired_name))
    return GSS_S_BAD_NAME;
  if (!usage_ok (cred_usage))
    {
      *minor_status = GSS_MINOR_BAD_USAGE;
      return GSS_S_FAILURE;
    }
  mech = pick_mech (desired_mechs);
  if (mech == NULL)
    return GSS_S_BAD_MECH;

  major = acquire_element (minor_status, mech, desired_name, time_req,
			   cred_usage, &mcred, time_rec);
  if (GSS_ERROR (major))
    return major;
  major = _gss_cred_wrap (minor_status, mech, mcred, output_cred_handle);
  if (!GSS_ERROR (major) && actual_mechs != NULL)
    {
      major = mech_set_of (minor_status, mech, actual_mechs);
      if (GSS_ERROR (major))
	gss_release_cred (&tmp, output_cred_handle);
    }
  if (GSS_ERROR (major) && time_rec != NULL)
    *time_rec = 0;
  return major;
}

OM_uint32
gss_release_cred (OM_uint32 *minor_status, gss_cred_id_t *cred_handle)
{
  if (cred_handle != NULL && *cred_handle != GSS_C_NO_CREDENTIAL)
    {
      if (!_gss_cred_ok (*cred_handle))
	{
	  if (minor_status)
	    *minor_status = 0;
	  return GSS_S_NO_CRED;
	}
      (*cred_handle)->mech->release_cred ((*cred_handle)->mcred);
      (*cred_handle)->magic = GSS_MAGIC_DEAD;
      free (*cred_handle);
      *cred_handle = GSS_C_NO_CREDENTIAL;
    }
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (cred_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CRED;
  return GSS_S_COMPLETE;
}

/* Inquire CRED's element, or the default initiator's when CRED is
   GSS_C_NO_CREDENTIAL (RFC 2744 section 5.21). */
static OM_uint32
inquire_element (OM_uint32 *minor, gss_const_cred_id_t cred,
		 const struct gss_mech **mech, gss_name_t *name,
		 OM_uint32 *init_life, OM_uint32 *acc_life,
		 gss_cred_usage_t *usage)
{
  void *mcred = NULL, *mname = NULL;
  bool temporary = false;
  OM_uint32 major, tmp;

  if (cred == GSS_C_NO_CREDENTIAL)
    {
      *mech = _gss_mechs[0];
      if ((*mech)->acquire_cred == NULL)
	return GSS_S_UNAVAILABLE;
      major = (*mech)->acquire_cred (minor, NULL, 0, GSS_C_INITIATE, &mcred,
				     &tmp);
      if (GSS_ERROR (major))
	return major;
      temporary = true;
    }
  else
    {
      *mech = cred->mech;
      mcred = cred->mcred;
    }
  major = (*mech)->inquire_cred (minor, mcred, name ? &mname : NULL,
				 init_life, acc_life, usage);
  if (!GSS_ERROR (major) && name != NULL && mname != NULL)
    major = _gss_name_from_mname (minor, *mech, mname, name);
  if (temporary)
    (*mech)->release_cred (mcred);
  return major;
}

static OM_uint32
lifetime_for (gss_cred_usage_t usage, OM_uint32 init_life, OM_uint32 acc_life)
{
  if (usage == GSS_C_INITIATE)
    return init_life;
  if (usage == GSS_C_ACCEPT)
    return acc_life;
  return init_life < acc_life ? init_life : acc_life;
}

OM_uint32
gss_inquire_cred (OM_uint32 *minor_status, const gss_cred_id_t cred_handle,
		  gss_name_t *name, OM_uint32 *lifetime,
		  gss_cred_usage_t *cred_usage, gss_OID_set *mechanisms)
{
  const struct gss_mech *mech;
  OM_uint32 init_life = 0, acc_life = 0, major, tmp;
  gss_cred_usage_t usage = GSS_C_BOTH;

  if (name != NULL)
    *name = GSS_C_NO_NAME;
  if (lifetime != NULL)
    *lifetime = 0;
  if (cred_usage != NULL)
    *cred_usage = 0;
  if (mechanisms != NULL)
    *mechanisms = GSS_C_NO_OID_SET;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (cred_handle != GSS_C_NO_CREDENTIAL && !_gss_cred_ok (cred_handle))
    return GSS_S_NO_CRED;
  if (cred_handle != GSS_C_NO_CREDENTIAL
      && cred_handle->mech->inquire_cred == NULL)
    return GSS_S_UNAVAILABLE;

  major = inquire_element (minor_status, cred_handle, &mech, name,
			   &init_life, &acc_life, &usage);
  if (GSS_ERROR (major))
    return major;
  if (mechanisms != NULL)
    {
      major = mech_set_of (minor_status, mech, mechanisms);
      if (GSS_ERROR (major))
	{
	  if (name)
	    gss_release_name (&tmp, name);
	  return major;
	}
    }
  if (lifetime != NULL)
    *lifetime = lifetime_for (usage, init_life, acc_life);
  if (cred_usage != NULL)
    *cred_usage = usage;
  return GSS_S_COMPLETE;
}

OM_uint32
gss_inquire_cred_by_mech (OM_uint32 *minor_status,
			  const gss_cred_id_t cred_handle,
			  const gss_OID mech_type, gss_name_t *name,
			  OM_uint32 *initiator_lifetime,
			  OM_uint32 *acceptor_lifetime,
			  gss_cred_usage_t *cred_usage)
{
  const struct gss_mech *mech, *wanted;
  OM_uint32 init_life = 0, acc_life = 0, major;
  gss_cred_usage_t usage = GSS_C_BOTH;

  if (name != NULL)
    *name = GSS_C_NO_NAME;
  if (initiator_lifetime != NULL)
    *initiator_lifetime = 0;
  if (acceptor_lifetime != NULL)
    *acceptor_lifetime = 0;
  if (cred_usage != NULL)
    *cred_usage = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (cred_handle != GSS_C_NO_CREDENTIAL && !_gss_cred_ok (cred_handle))
    return GSS_S_NO_CRED;
  if (mech_type == GSS_C_NO_OID
      || (wanted = _gss_find_mech (mech_type)) == NULL)
    return GSS_S_BAD_MECH;
  if (cred_handle != GSS_C_NO_CREDENTIAL && cred_handle->mech != wanted)
    return GSS_S_NO_CRED;
  if (wanted->inquire_cred == NULL)
    return GSS_S_UNAVAILABLE;

  major = inquire_element (minor_status, cred_handle, &mech, name,
			   &init_life, &acc_life, &usage);
  if (GSS_ERROR (major))
    return major;
  if (initiator_lifetime != NULL)
    *initiator_lifetime = usage == GSS_C_ACCEPT ? 0 : init_life;
  if (acceptor_lifetime != NULL)
    *acceptor_lifetime = usage == GSS_C_INITIATE ? 0 : acc_life;
  if (cred_usage != NULL)
    *cred_usage = usage;
  return GSS_S_COMPLETE;
}

OM_uint32
gss_add_cred (OM_uint32 *minor_status, const gss_cred_id_t input_cred_handle,
	      const gss_name_t desired_name, const gss_OID desired_mech,
	      gss_cred_usage_t cred_usage, OM_uint32 initiator_time_req,
	      OM_uint32 acceptor_time_req, gss_cred_id_t *output_cred_handle,
	      gss_OID_set *actual_mechs, OM_uint32 *initiator_time_rec,
	      OM_uint32 *acceptor_time_rec)
{
  const struct gss_mech *mech;
  void *mcred = NULL;
  OM_uint32 major, time_rec = 0, tmp;

  if (output_cred_handle != NULL)
    *output_cred_handle = GSS_C_NO_CREDENTIAL;
  if (actual_mechs != NULL)
    *actual_mechs = GSS_C_NO_OID_SET;
  if (initiator_time_rec != NULL)
    *initiator_time_rec = 0;
  if (acceptor_time_rec != NULL)
    *acceptor_time_rec = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (input_cred_handle != GSS_C_NO_CREDENTIAL
      && !_gss_cred_ok (input_cred_handle))
    return GSS_S_NO_CRED;
  /* Adding to the default credential in place is impossible: it is no
     object the caller holds. */
  if (input_cred_handle == GSS_C_NO_CREDENTIAL && output_cred_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CRED;
  if (desired_name != GSS_C_NO_NAME && !_gss_name_ok (desired_name))
    return GSS_S_BAD_NAME;
  if (!usage_ok (cred_usage))
    {
      *minor_status = GSS_MINOR_BAD_USAGE;
      return GSS_S_FAILURE;
    }
  if (desired_mech == GSS_C_NO_OID
      || (mech = _gss_find_mech (desired_mech)) == NULL)
    return GSS_S_BAD_MECH;
  /* A credential holds one element per mechanism (RFC 2743 section
     2.1.4), and each handle here holds one mechanism's. */
  if (input_cred_handle != GSS_C_NO_CREDENTIAL
      && input_cred_handle->mech == mech)
    return GSS_S_DUPLICATE_ELEMENT;
  if (input_cred_handle != GSS_C_NO_CREDENTIAL)
    return GSS_S_UNAVAILABLE;

  major = acquire_element (minor_status, mech, desired_name,
			   cred_usage == GSS_C_ACCEPT ? acceptor_time_req
			   : initiator_time_req, cred_usage, &mcred,
			   &time_rec);
  if (GSS_ERROR (major))
    return major;
  major = _gss_cred_wrap (minor_status, mech, mcred, output_cred_handle);
  if (!GSS_ERROR (major) && actual_mechs != NULL)
    {
      major = mech_set_of (minor_status, mech, actual_mechs);
      if (GSS_ERROR (major))
	{
	  gss_release_cred (&tmp, output_cred_handle);
	  return major;
	}
    }
  if (!GSS_ERROR (major))
    {
      if (initiator_time_rec != NULL && cred_usage != GSS_C_ACCEPT)
	*initiator_time_rec = time_rec;
      if (acceptor_time_rec != NULL && cred_usage != GSS_C_INITIATE)
	*acceptor_time_rec = time_rec;
    }
  return major;
}

/* password.c - an initiator credential from a password. */
#include "ext-internal.h"

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

/*@ gss_acquire_cred_with_password - obtain an initiator credential from
 *   a password
 *
 * @param minor_status (out) Receives the mechanism's status code: for a
 *   refusal, the Kerberos error, whose text gss_display_status() gives.
 *   Must not be NULL.
 * @param desired_name (in) The principal whose password it is
 *   ("user@REALM", GSS_C_NT_USER_NAME or GSS_KRB5_NT_PRINCIPAL_NAME).
 * @param password (in) The password, without a terminating NUL.  It is
 *   copied for libkrb5 and the copy overwritten once used.
 * @param time_req (in, optional) Ignored: the tickets have the lifetime
 *   the KDC and krb5.conf give.
 * @param desired_mechs (in, optional) The mechanisms, or
 *   GSS_C_NO_OID_SET for the default one.
 * @param cred_usage (in) GSS_C_INITIATE; GSS_C_BOTH also adds the
 *   acceptor part from the default keytab, and GSS_C_ACCEPT takes only
 *   that, as gss_acquire_cred() would (the password is then unused).
 * @param output_cred_handle (out) Receives the credential, to be
 *   released with gss_release_cred().  Must not be NULL.
 * @param actual_mechs (out, optional) Receives the set of the
 *   credential's mechanisms.  NULL when not wanted.
 * @param time_rec (out, optional) Receives the lifetime of the
 *   ticket-granting ticket in seconds.  NULL when not wanted.
 *
 * @desc
 * Asks the KDC of the principal's realm for a ticket-granting ticket
 * (an AS exchange, krb5_get_init_creds_password) and keeps it in a new
 * MEMORY credential cache private to the credential, destroyed by
 * gss_release_cred(): nothing is written to the user's caches.  A login
 * program or a web application that checks a password this way should
 * also check the KDC's answer with a service ticket (initiate a context
 * to its own service) before it trusts the password.
 *
 * A wrong password, an unknown principal or a locked account answer
 * GSS_S_FAILURE with the KDC's Kerberos error in @minor_status
 * ("Preauthentication failed", "Client ... not found in Kerberos
 * database", ...).  MIT krb5 answers GSS_S_NO_CRED in those cases.
 *
 * @return GSS_S_COMPLETE: The credential is in @output_cred_handle.
 * @return GSS_S_BAD_NAME: @desired_name is GSS_C_NO_NAME, not a live
 *   name handle, or not a principal.
 * @return GSS_S_BAD_NAMETYPE: @desired_name is of a type the mechanism
 *   does not take.
 * @return GSS_S_BAD_MECH: No mechanism of @desired_mechs is offered by
 *   this library.
 * @return GSS_S_NO_CRED: For GSS_C_ACCEPT or GSS_C_BOTH, the default
 *   keytab has no key for @desired_name.
 * @return GSS_S_UNAVAILABLE: The mechanism takes no passwords.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @password is NULL, or has a
 *   length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status or
 *   @output_cred_handle is NULL.
 * @return GSS_S_FAILURE: The KDC refused the password or the
 *   principal, no KDC answered, the password is empty or holds a NUL
 *   octet, @cred_usage is none of the three values
 *   (GSS_KRB5_S_G_BAD_USAGE), or memory ran out.
 *
 * @see gss_acquire_cred gss_acquire_cred_from gss_release_cred
 */
OM_uint32
gss_acquire_cred_with_password (OM_uint32 *minor_status,
				const gss_name_t desired_name,
				const gss_buffer_t password,
				OM_uint32 time_req,
				const gss_OID_set desired_mechs,
				gss_cred_usage_t cred_usage,
				gss_cred_id_t *output_cred_handle,
				gss_OID_set *actual_mechs,
				OM_uint32 *time_rec)
{
  const struct gss_mech *mech;
  void *mcred = NULL, *mname = NULL;
  bool owned = false;
  OM_uint32 major, tmp;

  if (output_cred_handle != NULL)
    *output_cred_handle = GSS_C_NO_CREDENTIAL;
  if (actual_mechs != NULL)
    *actual_mechs = GSS_C_NO_OID_SET;
  if (time_rec != NULL)
    *time_rec = 0;
  if (minor_status != NULL)
    *minor_status = 0;
  if (minor_status == NULL || output_cred_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (desired_name == GSS_C_NO_NAME || !_gss_name_ok (desired_name))
    return GSS_S_BAD_NAME;
  if (!_gss_buffer_readable (password))
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (cred_usage != GSS_C_INITIATE && cred_usage != GSS_C_ACCEPT
      && cred_usage != GSS_C_BOTH)
    {
      *minor_status = GSS_MINOR_BAD_USAGE;
      return GSS_S_FAILURE;
    }
  mech = pick_mech (desired_mechs);
  if (mech == NULL)
    return GSS_S_BAD_MECH;
  if (mech->acquire_cred_with_password == NULL)
    return GSS_S_UNAVAILABLE;

  major = _gss_name_to_mname (minor_status, desired_name, mech, &mname,
			      &owned);
  if (GSS_ERROR (major))
    return major;
  major = mech->acquire_cred_with_password (minor_status, mname, password,
					   time_req, cred_usage, &mcred,
					   time_rec);
  if (owned)
    mech->release_name (mname);
  if (GSS_ERROR (major))
    return major;
  major = _gss_cred_wrap (minor_status, mech, mcred, output_cred_handle);
  if (!GSS_ERROR (major) && actual_mechs != NULL)
    {
      major = gss_create_empty_oid_set (minor_status, actual_mechs);
      if (!GSS_ERROR (major))
	major = gss_add_oid_set_member (minor_status, (gss_OID) mech->oid,
					actual_mechs);
      if (GSS_ERROR (major))
	{
	  gss_release_oid_set (&tmp, actual_mechs);
	  gss_release_cred (&tmp, output_cred_handle);
	}
    }
  if (GSS_ERROR (major) && time_rec != NULL)
    *time_rec = 0;
  return major;
}

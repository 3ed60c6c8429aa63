/* localname.c - the local account of a principal. */
#include "ext-internal.h"
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The mechanism that maps NAME: MECH_TYPE when given, else the name's
   own for a mechanism name, else the default one. */
static OM_uint32
mech_for (const struct gss_name_struct *name, gss_const_OID mech_type,
	  const struct gss_mech **mech)
{
  if (mech_type != GSS_C_NO_OID)
    {
      *mech = _gss_find_mech (mech_type);
      if (*mech == NULL)
	return GSS_S_BAD_MECH;
      return GSS_S_COMPLETE;
    }
  *mech = name->mech ? name->mech : _gss_mechs[0];
  return GSS_S_COMPLETE;
}

/*@ gss_localname - the local account name of a principal
 *
 * @param minor (out) Receives the mechanism's status code.  Must not be
 *   NULL.
 * @param name (in) The name to map, typically the src_name of
 *   gss_accept_sec_context().  A name that is not a mechanism name is
 *   read as a principal of @mech_type first.
 * @param mech_type (in, optional) The mechanism whose rules apply, or
 *   GSS_C_NO_OID for the name's own (the default mechanism for a name
 *   that is not a mechanism name).
 * @param localname (out) Receives the account name, NUL-terminated
 *   beyond its length, to be released with gss_release_buffer().
 *
 * @desc
 * Kerberos 5 maps the principal with libkrb5's krb5_aname_to_localname():
 * the auth_to_local and auth_to_local_names relations of the realm's
 * section of krb5.conf, and by default a one-component principal of the
 * local realm to its first component ("alice@EXAMPLE.ORG" to "alice").
 * Whether the account exists is not checked (gss_pname_to_uid() does).
 *
 * @return GSS_S_COMPLETE: The account name is in @localname.
 * @return GSS_S_UNAVAILABLE: The rules give no local name for @name.
 * @return GSS_S_BAD_NAME: @name is not a live name handle, or not a
 *   principal.
 * @return GSS_S_BAD_NAMETYPE: @name is of a type the mechanism does not
 *   take.
 * @return GSS_S_BAD_MECH: @mech_type names no mechanism of this library,
 *   or @name is a mechanism name of another one.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @name is GSS_C_NO_NAME.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor or @localname is NULL.
 * @return GSS_S_FAILURE: libkrb5 failed or memory ran out.
 *
 * @see gss_authorize_localname gss_pname_to_uid gss_userok
 */
OM_uint32
gss_localname (OM_uint32 *minor, const gss_name_t name,
	       gss_const_OID mech_type, gss_buffer_t localname)
{
  const struct gss_mech *mech;
  void *mname = NULL;
  bool owned = false;
  OM_uint32 major;

  if (localname != GSS_C_NO_BUFFER)
    _gss_buffer_init (localname);
  if (minor != NULL)
    *minor = 0;
  if (minor == NULL || localname == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (name == GSS_C_NO_NAME)
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (!_gss_name_ok (name))
    return GSS_S_BAD_NAME;
  major = mech_for (name, mech_type, &mech);
  if (GSS_ERROR (major))
    return major;
  if (mech->localname == NULL)
    return GSS_S_UNAVAILABLE;
  major = _gss_name_to_mname (minor, name, mech, &mname, &owned);
  if (GSS_ERROR (major))
    return major;
  major = mech->localname (minor, mname, localname);
  if (owned)
    mech->release_name (mname);
  return major;
}

/*@ gss_authorize_localname - whether a principal may act as a local user
 *
 * @param minor (out) Receives the mechanism's status code.  Must not be
 *   NULL.
 * @param name (in) The authenticated name, typically the src_name of
 *   gss_accept_sec_context().
 * @param user (in) The local user, a name imported with
 *   GSS_C_NT_USER_NAME (or with no type) whose text is the account name.
 *
 * @desc
 * Kerberos 5 answers with libkrb5's krb5_kuserok(), as gss_userok()
 * does: when the user's .k5login exists (in the home directory, or in
 * the k5login_directory of krb5.conf) it lists the principals allowed;
 * otherwise the principal is allowed when krb5_aname_to_localname()
 * maps it to @user.  Unlike gss_userok(), the answer tells a refusal
 * from a calling error.
 *
 * @return GSS_S_COMPLETE: @name may act as @user.
 * @return GSS_S_UNAUTHORIZED: It may not.
 * @return GSS_S_BAD_NAME: @name or @user is not a live name handle,
 *   @name is not a principal, or the text of @user holds a NUL.
 * @return GSS_S_BAD_NAMETYPE: @user is not of type GSS_C_NT_USER_NAME,
 *   or @name is of a type the mechanism does not take.
 * @return GSS_S_BAD_MECH: @name is a mechanism name of a mechanism
 *   without local users.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @name or @user is GSS_C_NO_NAME.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor is NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_userok gss_localname
 */
OM_uint32
gss_authorize_localname (OM_uint32 *minor, const gss_name_t name,
			 const gss_name_t user)
{
  const struct gss_mech *mech;
  void *mname = NULL;
  bool owned = false;
  char *account = NULL;
  OM_uint32 major;

  if (minor == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor = 0;
  if (name == GSS_C_NO_NAME || user == GSS_C_NO_NAME)
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (!_gss_name_ok (name) || !_gss_name_ok (user))
    return GSS_S_BAD_NAME;
  if (user->type != GSS_C_NO_OID
      && !gss_oid_equal (user->type, GSS_C_NT_USER_NAME))
    return GSS_S_BAD_NAMETYPE;
  if (memchr (user->value.value, '\0', user->value.length) != NULL)
    return GSS_S_BAD_NAME;
  mech = name->mech ? name->mech : _gss_mechs[0];
  if (mech->userok == NULL)
    return GSS_S_BAD_MECH;
  major = _gss_name_to_mname (minor, name, mech, &mname, &owned);
  if (GSS_ERROR (major))
    return major;
  account = strndup (user->value.value, user->value.length);
  if (account == NULL)
    {
      *minor = GSS_MINOR_NOMEM;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  major = mech->userok (mname, account) ? GSS_S_COMPLETE : GSS_S_UNAUTHORIZED;

cleanup:
  free (account);
  if (owned)
    mech->release_name (mname);
  return major;
}

/*@ gss_pname_to_uid - the local user id of a principal
 *
 * @param minor (out) Receives the mechanism's status code, or errno of
 *   the account lookup.  Must not be NULL.
 * @param name (in) The name to map.
 * @param mech_type (in, optional) The mechanism whose rules apply, or
 *   GSS_C_NO_OID.
 * @param uidOut (out) Receives the user id.
 *
 * @desc
 * gss_localname(), then the account of that name in the password
 * database (getpwnam_r).  A Solaris extension that MIT krb5 offers.
 *
 * @return GSS_S_COMPLETE: The user id is in *@uidOut.
 * @return GSS_S_UNAVAILABLE: The rules give no local name for @name.
 * @return GSS_S_FAILURE: No account has that name, or the lookup
 *   failed.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor or @uidOut is NULL.
 * @return GSS_S_BAD_NAME: @name is not a live name handle, or not a
 *   principal (and the other refusals of gss_localname()).
 *
 * @see gss_localname
 */
OM_uint32
gss_pname_to_uid (OM_uint32 *minor, const gss_name_t name,
		  const gss_OID mech_type, uid_t *uidOut)
{
  gss_buffer_desc local = GSS_C_EMPTY_BUFFER;
  struct passwd pw, *found = NULL;
  char *buf = NULL;
  long size;
  OM_uint32 major, tmp;
  int err;

  if (minor != NULL)
    *minor = 0;
  if (minor == NULL || uidOut == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  major = gss_localname (minor, name, mech_type, &local);
  if (GSS_ERROR (major))
    return major;
  size = sysconf (_SC_GETPW_R_SIZE_MAX);
  if (size <= 0)
    size = 16384;
  buf = malloc ((size_t) size);
  if (buf == NULL)
    {
      *minor = GSS_MINOR_NOMEM;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  err = getpwnam_r (local.value, &pw, buf, (size_t) size, &found);
  if (err != 0 || found == NULL)
    {
      *minor = (OM_uint32) err;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  *uidOut = pw.pw_uid;
  major = GSS_S_COMPLETE;

cleanup:
  free (buf);
  gss_release_buffer (&tmp, &local);
  return major;
}

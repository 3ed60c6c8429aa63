/* userok.c - gss_userok: may this principal use that local account? */
#include "internal.h"

/*@ gss_userok - whether a principal may use a local account
 *
 * @param name (in) The authenticated name, typically the src_name of
 *   gss_accept_sec_context().
 * @param username (in) The local login name.
 *
 * @desc
 * Asks the mechanism whether the entity @name refers to is allowed to
 * act as the local user @username.  Kerberos 5 answers with libkrb5's
 * krb5_kuserok(): the user's .k5login file when there is one, otherwise
 * the krb5.conf auth_to_local rules (by default, a principal of the
 * local realm whose name is the login name).  A name that is not yet a
 * mechanism name is first resolved as a Kerberos principal.  This is a
 * GNU extension, declared in gss/ext.h.
 *
 * Non-zero means yes, as GNU GSS's code and MIT's gss_userok() answer.
 * GNU GSS 1.0.4's manual page says the opposite (0 for yes); its code
 * does not do what it says, and programs written for GNU GSS test the
 * code's answer, so this is the answer given here.
 *
 * @return 1: @name may use the account @username.
 * @return 0: It may not, or @name is not a live name handle, @username
 *   is NULL, or the name cannot be read as a principal.
 *
 * @see gss_accept_sec_context gss_display_name
 */
int
gss_userok (const gss_name_t name, const char *username)
{
  const struct gss_mech *mech;
  void *mname;
  bool owned;
  OM_uint32 minor;
  int ok;

  if (!_gss_name_ok (name) || username == NULL)
    return 0;
  mech = name->mech ? name->mech : _gss_mechs[0];
  if (mech->userok == NULL)
    return 0;
  if (GSS_ERROR (_gss_name_to_mname (&minor, name, mech, &mname, &owned)))
    return 0;
  ok = mech->userok (mname, username);
  if (owned)
    mech->release_name (mname);
  return ok ? 1 : 0;
}

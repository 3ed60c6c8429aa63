/* userok.c - gss_userok: may this principal use that local account? */
#include "internal.h"

/* GNU GSS's extension: 0 means yes, like strcmp. */
int
gss_userok (const gss_name_t name, const char *username)
{
  const struct gss_mech *mech;
  void *mname;
  bool owned;
  OM_uint32 minor;
  int ok;

  if (!_gss_name_ok (name) || username == NULL)
    return 1;
  mech = name->mech ? name->mech : _gss_mechs[0];
  if (mech->userok == NULL)
    return 1;
  if (GSS_ERROR (_gss_name_to_mname (&minor, name, mech, &mname, &owned)))
    return 1;
  ok = mech->userok (mname, username);
  if (owned)
    mech->release_name (mname);
  return ok ? 0 : 1;
}

/* mechtab.c - the table of mechanisms and lookups in it. */
#include "internal.h"
#include <string.h>

extern const struct gss_mech _gss_krb5_mech;
extern const struct gss_mech _gss_spnego_mech;

/* Adding a mechanism is one line here and one folder under mech/. */
const struct gss_mech *const _gss_mechs[] = {
  &_gss_krb5_mech,
  &_gss_spnego_mech,
  NULL
};

const struct gss_mech *
_gss_find_mech (gss_const_OID oid)
{
  size_t i;

  if (oid == GSS_C_NO_OID)
    return _gss_mechs[0];
  for (i = 0; _gss_mechs[i]; i++)
    if (gss_oid_equal (_gss_mechs[i]->oid, oid))
      return _gss_mechs[i];
  return NULL;
}

const struct gss_mech *
_gss_find_mech_by_sasl (const void *name, size_t length)
{
  size_t i;

  for (i = 0; _gss_mechs[i]; i++)
    if (_gss_mechs[i]->sasl_name != NULL
	&& strlen (_gss_mechs[i]->sasl_name) == length
	&& memcmp (_gss_mechs[i]->sasl_name, name, length) == 0)
      return _gss_mechs[i];
  return NULL;
}

int
_gss_mech_has_name_type (const struct gss_mech *mech, gss_const_OID type)
{
  size_t i;

  for (i = 0; mech->name_types[i]; i++)
    if (gss_oid_equal (mech->name_types[i], type))
      return 1;
  return 0;
}

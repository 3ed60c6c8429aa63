/* oidset.c - OID sets: create, add (deep copy, no duplicates), test,
   release. */
#include "internal.h"
#include <stdlib.h>

OM_uint32
gss_create_empty_oid_set (OM_uint32 *minor_status, gss_OID_set *oid_set)
{
  if (oid_set != NULL)
    *oid_set = GSS_C_NO_OID_SET;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (oid_set == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  *oid_set = calloc (1, sizeof **oid_set);
  if (*oid_set == NULL)
    {
      *minor_status = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  return GSS_S_COMPLETE;
}

OM_uint32
gss_add_oid_set_member (OM_uint32 *minor_status, const gss_OID member_oid,
			gss_OID_set *oid_set)
{
  gss_OID grown;
  int present;

  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (member_oid == GSS_C_NO_OID)
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (oid_set == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (*oid_set == GSS_C_NO_OID_SET)
    return GSS_S_CALL_INACCESSIBLE_READ;

  gss_test_oid_set_member (minor_status, member_oid, *oid_set, &present);
  if (present)
    return GSS_S_COMPLETE;

  grown = realloc ((*oid_set)->elements,
		   ((*oid_set)->count + 1) * sizeof *grown);
  if (grown == NULL)
    {
      *minor_status = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  (*oid_set)->elements = grown;
  if (!_gss_oid_copy (&grown[(*oid_set)->count], member_oid))
    {
      *minor_status = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  (*oid_set)->count++;
  return GSS_S_COMPLETE;
}

OM_uint32
gss_test_oid_set_member (OM_uint32 *minor_status, const gss_OID member,
			 const gss_OID_set set, int *present)
{
  size_t i;

  if (present != NULL)
    *present = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (member == GSS_C_NO_OID || set == GSS_C_NO_OID_SET)
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (present == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  for (i = 0; i < set->count; i++)
    if (gss_oid_equal (&set->elements[i], member))
      {
	*present = 1;
	break;
      }
  return GSS_S_COMPLETE;
}

OM_uint32
gss_release_oid_set (OM_uint32 *minor_status, gss_OID_set *set)
{
  size_t i;

  if (set != NULL && *set != GSS_C_NO_OID_SET)
    {
      for (i = 0; i < (*set)->count; i++)
	free ((*set)->elements[i].elements);
      free ((*set)->elements);
      free (*set);
      *set = GSS_C_NO_OID_SET;
    }
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  return GSS_S_COMPLETE;
}

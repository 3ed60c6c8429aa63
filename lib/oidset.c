/* oidset.c - OID sets: create, add (deep copy, no duplicates), test,
   release. */
#include "internal.h"
#include <stdlib.h>

/*@ gss_create_empty_oid_set - make a new OID set with no members
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param oid_set (out) Receives the new empty set, or GSS_C_NO_OID_SET
 *   on failure.  Release it with gss_release_oid_set().  Must not be
 *   NULL.
 *
 * @desc
 * Applications build the sets they pass to calls such as
 * gss_acquire_cred() with this function and gss_add_oid_set_member().
 *
 * @return GSS_S_COMPLETE: The set is in @oid_set.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @oid_set is
 *   NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_add_oid_set_member gss_test_oid_set_member
 * @see gss_release_oid_set
 */
OM_uint32
gss_create_empty_oid_set (OM_uint32 *minor_status, gss_OID_set *oid_set)
{
  if (oid_set != NULL)
    *oid_set = GSS_C_NO_OID_SET;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
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

/*@ gss_add_oid_set_member - add an OID to an OID set
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param member_oid (in) The OID to add; the set keeps a copy of it.
 * @param oid_set (in/out) The set, made by gss_create_empty_oid_set()
 *   or returned by another call of this library.  Its array of elements
 *   may move: pointers into it taken before the call are no longer
 *   valid.  Must not be NULL.
 *
 * @desc
 * An OID the set already holds (by gss_oid_equal()) is not added a
 * second time, and the call succeeds.  On failure the set is left as it
 * was.
 *
 * @return GSS_S_COMPLETE: The OID is in the set.
 * @return GSS_S_CALL_INACCESSIBLE_READ: *@oid_set is GSS_C_NO_OID_SET.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @oid_set is
 *   NULL.
 * @return GSS_S_FAILURE: @member_oid is GSS_C_NO_OID or has length 0
 *   (GNU GSS's status), or memory ran out.
 *
 * @see gss_create_empty_oid_set gss_test_oid_set_member
 * @see gss_release_oid_set
 */
OM_uint32
gss_add_oid_set_member (OM_uint32 *minor_status, const gss_OID member_oid,
			gss_OID_set *oid_set)
{
  gss_OID grown;
  int present;

  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  /* GNU GSS's status for a missing or empty OID. */
  if (member_oid == GSS_C_NO_OID || member_oid->length == 0
      || member_oid->elements == NULL)
    return GSS_S_FAILURE;
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

/*@ gss_test_oid_set_member - whether an OID set holds an OID
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param member (in) The OID to look for.
 * @param set (in) The set to look in.
 * @param present (out) Receives 1 when an element of @set equals
 *   @member (by gss_oid_equal()), 0 otherwise.  Must not be NULL.
 *
 * @desc
 * A typical use is checking that gss_indicate_mechs() lists a
 * mechanism before asking for it.
 *
 * @return GSS_S_COMPLETE: The answer is in @present (0 for a @member
 *   that is GSS_C_NO_OID, as GNU GSS).
 * @return GSS_S_CALL_INACCESSIBLE_READ: @set is GSS_C_NO_OID_SET.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @present is
 *   NULL.
 *
 * @see gss_add_oid_set_member gss_indicate_mechs gss_oid_equal
 */
OM_uint32
gss_test_oid_set_member (OM_uint32 *minor_status, const gss_OID member,
			 const gss_OID_set set, int *present)
{
  size_t i;

  if (present != NULL)
    *present = 0;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (set == GSS_C_NO_OID_SET)
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (present == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  /* No OID is in no set: GNU GSS answers so. */
  if (member == GSS_C_NO_OID)
    return GSS_S_COMPLETE;

  for (i = 0; i < set->count; i++)
    if (gss_oid_equal (&set->elements[i], member))
      {
	*present = 1;
	break;
      }
  return GSS_S_COMPLETE;
}

/*@ gss_release_oid_set - release an OID set and the OIDs it holds
 *
 * @param minor_status (out) Receives 0.  May be NULL.
 * @param set (in/out, optional) The set to release; set to
 *   GSS_C_NO_OID_SET once it is.  NULL, or a set holding
 *   GSS_C_NO_OID_SET, is accepted and nothing is done.
 *
 * @desc
 * Sets from gss_create_empty_oid_set(), gss_indicate_mechs(),
 * gss_inquire_names_for_mech(), gss_inquire_mechs_for_name(),
 * gss_acquire_cred(), gss_add_cred() and gss_inquire_cred() are
 * released with this function, together with the copies of the OIDs
 * they hold.
 *
 * @return GSS_S_COMPLETE: The set was released, or there was none.
 *
 * @see gss_create_empty_oid_set gss_indicate_mechs
 */
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
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  return GSS_S_COMPLETE;
}

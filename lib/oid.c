/* oid.c - the generic name-type OIDs and OID comparison. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

/* Values from RFC 2744 section 4 (the iso.member-body.us.mit arc, and
   the older iso.org.dod.internet.security.nametypes arc for
   HOSTBASED_SERVICE_X, ANONYMOUS and EXPORT_NAME). */
gss_OID_desc GSS_C_NT_USER_NAME_static =
  { 10, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x01" };
gss_OID_desc GSS_C_NT_MACHINE_UID_NAME_static =
  { 10, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x02" };
gss_OID_desc GSS_C_NT_STRING_UID_NAME_static =
  { 10, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x03" };
gss_OID_desc GSS_C_NT_HOSTBASED_SERVICE_X_static =
  { 6, (void *) "\x2b\x06\x01\x05\x06\x02" };
gss_OID_desc GSS_C_NT_HOSTBASED_SERVICE_static =
  { 10, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x04" };
gss_OID_desc GSS_C_NT_ANONYMOUS_static =
  { 6, (void *) "\x2b\x06\x01\x05\x06\x03" };
gss_OID_desc GSS_C_NT_EXPORT_NAME_static =
  { 6, (void *) "\x2b\x06\x01\x05\x06\x04" };

gss_OID GSS_C_NT_USER_NAME = &GSS_C_NT_USER_NAME_static;
gss_OID GSS_C_NT_MACHINE_UID_NAME = &GSS_C_NT_MACHINE_UID_NAME_static;
gss_OID GSS_C_NT_STRING_UID_NAME = &GSS_C_NT_STRING_UID_NAME_static;
gss_OID GSS_C_NT_HOSTBASED_SERVICE_X = &GSS_C_NT_HOSTBASED_SERVICE_X_static;
gss_OID GSS_C_NT_HOSTBASED_SERVICE = &GSS_C_NT_HOSTBASED_SERVICE_static;
gss_OID GSS_C_NT_ANONYMOUS = &GSS_C_NT_ANONYMOUS_static;
gss_OID GSS_C_NT_EXPORT_NAME = &GSS_C_NT_EXPORT_NAME_static;

/*@ gss_oid_equal - whether two OIDs are the same
 *
 * @param first_oid (in, optional) An OID, or GSS_C_NO_OID.
 * @param second_oid (in, optional) An OID, or GSS_C_NO_OID.
 *
 * @desc
 * Compares the two OIDs by value: the same length and the same encoded
 * bytes.  A missing OID equals nothing, not even another missing one,
 * as in GNU GSS.  This is a GNU extension to the GSS-API, declared in
 * gss/ext.h, which gss.h includes.
 *
 * @return 1: The OIDs have the same value (or are the same pointer).
 * @return 0: They differ, or either is GSS_C_NO_OID.
 *
 * @see gss_test_oid_set_member
 */
int
gss_oid_equal (gss_const_OID first_oid, gss_const_OID second_oid)
{
  if (first_oid == GSS_C_NO_OID || second_oid == GSS_C_NO_OID)
    return 0;
  if (first_oid == second_oid)
    return 1;
  return first_oid->length == second_oid->length
    && (first_oid->length == 0
	|| memcmp (first_oid->elements, second_oid->elements,
		   first_oid->length) == 0);
}

bool
_gss_oid_copy (gss_OID dst, gss_const_OID src)
{
  dst->elements = malloc (src->length ? src->length : 1);
  if (dst->elements == NULL)
    return false;
  if (src->length)
    memcpy (dst->elements, src->elements, src->length);
  dst->length = src->length;
  return true;
}

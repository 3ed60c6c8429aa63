/* bufset.c - buffer sets, the answers of inquiries by OID. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

/*@ gss_create_empty_buffer_set - make a buffer set with no member
 *
 * @param minor_status (out) Receives 0, or GSS_KRB5_S_G_BUFFER_ALLOC
 *   when memory ran out.  Must not be NULL.
 * @param buffer_set (out) Receives the new set, to be released with
 *   gss_release_buffer_set().  Must not be NULL.
 *
 * @desc
 * A buffer set is a counted array of buffers: what
 * gss_inquire_sec_context_by_oid() answers.  Programs rarely need an
 * empty one, since gss_add_buffer_set_member() makes the set when it is
 * given GSS_C_NO_BUFFER_SET.  This call comes from MIT krb5's
 * gssapi_ext.h, with the same name and signature.
 *
 * @return GSS_S_COMPLETE: The empty set is in *@buffer_set.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status or @buffer_set
 *   is NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_add_buffer_set_member gss_release_buffer_set
 * @see gss_inquire_sec_context_by_oid
 */
OM_uint32
gss_create_empty_buffer_set (OM_uint32 *minor_status,
			     gss_buffer_set_t *buffer_set)
{
  if (buffer_set != NULL)
    *buffer_set = GSS_C_NO_BUFFER_SET;
  if (minor_status != NULL)
    *minor_status = 0;
  if (minor_status == NULL || buffer_set == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *buffer_set = calloc (1, sizeof **buffer_set);
  if (*buffer_set == NULL)
    {
      *minor_status = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  return GSS_S_COMPLETE;
}

/*@ gss_add_buffer_set_member - append a copy of a buffer to a buffer set
 *
 * @param minor_status (out) Receives 0, or GSS_KRB5_S_G_BUFFER_ALLOC
 *   when memory ran out.  Must not be NULL.
 * @param member_buffer (in) The buffer whose octets are copied into the
 *   set.  Must not be NULL.
 * @param buffer_set (in/out) The set to extend; when it holds
 *   GSS_C_NO_BUFFER_SET a new set is made first.  Must not be NULL.
 *
 * @desc
 * The new member is a copy, NUL-terminated beyond its length, so the
 * caller keeps @member_buffer.  On failure the set is left as it was.
 *
 * @return GSS_S_COMPLETE: The copy is the set's last member.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status or @buffer_set
 *   is NULL.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @member_buffer is NULL, or has
 *   a length but no value.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_create_empty_buffer_set gss_release_buffer_set
 */
OM_uint32
gss_add_buffer_set_member (OM_uint32 *minor_status,
			   const gss_buffer_t member_buffer,
			   gss_buffer_set_t *buffer_set)
{
  gss_buffer_set_t set, created = GSS_C_NO_BUFFER_SET;
  gss_buffer_desc *grown;
  OM_uint32 major, tmp;

  if (minor_status != NULL)
    *minor_status = 0;
  if (minor_status == NULL || buffer_set == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (!_gss_buffer_readable (member_buffer))
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (*buffer_set == GSS_C_NO_BUFFER_SET)
    {
      major = gss_create_empty_buffer_set (minor_status, &created);
      if (GSS_ERROR (major))
	return major;
      *buffer_set = created;
    }
  set = *buffer_set;
  /* Overflow of the count times the element size cannot happen before
     memory runs out, but reallocarray says so for us. */
  grown = reallocarray (set->elements, set->count + 1, sizeof *grown);
  if (grown == NULL)
    goto nomem;
  set->elements = grown;
  major = _gss_buffer_copy (minor_status, member_buffer->value,
			    member_buffer->length, &set->elements[set->count]);
  if (GSS_ERROR (major))
    goto nomem;
  set->count++;
  return GSS_S_COMPLETE;

nomem:
  if (created != GSS_C_NO_BUFFER_SET)
    gss_release_buffer_set (&tmp, buffer_set);
  *minor_status = GSS_MINOR_NOMEM;
  return GSS_S_FAILURE;
}

/*@ gss_release_buffer_set - free a buffer set and its members
 *
 * @param minor_status (out) Receives 0.  Must not be NULL.
 * @param buffer_set (in/out) The set to release; set to
 *   GSS_C_NO_BUFFER_SET once it is.  A set pointer holding
 *   GSS_C_NO_BUFFER_SET is accepted and nothing is done.  Must not be
 *   NULL.
 *
 * @desc
 * Each member is released as gss_release_buffer() would, its octets
 * overwritten with zeros first: a set may hold a session key
 * (GSS_C_INQ_SSPI_SESSION_KEY).
 *
 * @return GSS_S_COMPLETE: The set was released, or there was none.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status or @buffer_set
 *   is NULL.
 *
 * @see gss_inquire_sec_context_by_oid gss_add_buffer_set_member
 */
OM_uint32
gss_release_buffer_set (OM_uint32 *minor_status, gss_buffer_set_t *buffer_set)
{
  size_t i;
  OM_uint32 tmp;

  if (minor_status != NULL)
    *minor_status = 0;
  if (minor_status == NULL || buffer_set == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (*buffer_set == GSS_C_NO_BUFFER_SET)
    return GSS_S_COMPLETE;
  for (i = 0; i < (*buffer_set)->count; i++)
    gss_release_buffer (&tmp, &(*buffer_set)->elements[i]);
  free ((*buffer_set)->elements);
  free (*buffer_set);
  *buffer_set = GSS_C_NO_BUFFER_SET;
  return GSS_S_COMPLETE;
}

/* buffer.c - gss_buffer_t helpers and gss_release_buffer. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

void
_gss_buffer_init (gss_buffer_t buffer)
{
  buffer->length = 0;
  buffer->value = NULL;
}

/* The copy is NUL-terminated (not counted in length) so that callers
   printing it with %s, as many GNU GSS programs do, stay safe. */
OM_uint32
_gss_buffer_copy (OM_uint32 *minor, const void *data, size_t length,
		  gss_buffer_t out)
{
  char *p = malloc (length + 1);

  if (p == NULL)
    {
      *minor = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  if (length)
    memcpy (p, data, length);
  p[length] = '\0';
  out->value = p;
  out->length = length;
  return GSS_S_COMPLETE;
}

OM_uint32
_gss_buffer_from_string (OM_uint32 *minor, const char *s, gss_buffer_t out)
{
  return _gss_buffer_copy (minor, s, strlen (s), out);
}

/*@ gss_release_buffer - free the storage of a buffer the library handed out
 *
 * @param minor_status (out) Receives 0.  May be NULL.
 * @param buffer (in/out, optional) The buffer whose storage is freed;
 *   its length is then 0 and its value NULL.  GSS_C_NO_BUFFER is
 *   accepted and nothing is done.
 *
 * @desc
 * Every gss_buffer_t that a call of this library fills in (tokens,
 * displayed names, status texts, exported names and contexts, ...)
 * points to storage the application releases with this function when
 * it is done with it.  Only that storage is freed: the gss_buffer_desc
 * structure itself belongs to the caller.
 *
 * The storage is overwritten with zeros before it is freed: some
 * buffers (exported contexts above all) hold keys, and the cost is
 * small next to the allocation.  Only @buffer's length octets are
 * overwritten, so the length must not exceed what was allocated.
 *
 * Because the buffer is left empty, releasing it a second time is
 * harmless.  A buffer that the application filled itself must not be
 * passed here unless its value came from malloc().
 *
 * @return GSS_S_COMPLETE: The storage was freed, or there was none.
 *
 * @see gss_release_name gss_release_oid_set gss_release_cred
 */
OM_uint32
gss_release_buffer (OM_uint32 *minor_status, gss_buffer_t buffer)
{
  /* The buffer is released even when minor_status is missing, so that
     the calling error never leaks memory. */
  if (buffer != GSS_C_NO_BUFFER)
    {
      if (buffer->value != NULL)
	explicit_bzero (buffer->value, buffer->length);
      free (buffer->value);
      _gss_buffer_init (buffer);
    }
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  return GSS_S_COMPLETE;
}

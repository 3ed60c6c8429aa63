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

OM_uint32
gss_release_buffer (OM_uint32 *minor_status, gss_buffer_t buffer)
{
  /* The buffer is released even when minor_status is missing, so that
     the calling error never leaks memory. */
  if (buffer != GSS_C_NO_BUFFER)
    {
      free (buffer->value);
      _gss_buffer_init (buffer);
    }
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  return GSS_S_COMPLETE;
}

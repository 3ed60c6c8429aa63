/* status.c - gss_display_status: text for major status codes, and
   dispatch of minor codes to their mechanism. */
#include "internal.h"

_Thread_local OM_uint32 _gss_minor_discard;

/* Indexed by routine error number (RFC 2744 section 3.9.1). */
static const char *const routine_texts[] = {
  NULL,
  N_("An unsupported mechanism was requested"),
  N_("An invalid name was supplied"),
  N_("A supplied name was of an unsupported type"),
  N_("Incorrect channel bindings were supplied"),
  N_("An invalid status code was supplied"),
  N_("A token had an invalid signature"),
  N_("No credentials were supplied, or the credentials were unavailable "
     "or inaccessible"),
  N_("No context has been established"),
  N_("A token was invalid"),
  N_("A credential was invalid"),
  N_("The referenced credentials have expired"),
  N_("The context has expired"),
  N_("Unspecified error in underlying mechanism"),
  N_("The quality-of-protection requested could not be provided"),
  N_("The operation is forbidden by local security policy"),
  N_("The operation or option is not available"),
  N_("The requested credential element already exists"),
  N_("The provided name was not a mechanism name"),
  /* RFC 5587 section 3.4.4: GSS_S_BAD_MECH_ATTR. */
  N_("An unknown mechanism attribute was supplied"),
};

static const char *const calling_texts[] = {
  NULL,
  N_("A required input parameter could not be read"),
  N_("A required output parameter could not be written"),
  N_("A parameter was malformed"),
};

/* Indexed by bit number of the supplementary information field. */
static const char *const supplementary_texts[] = {
  N_("The routine must be called again to complete its function"),
  N_("The token was a duplicate of an earlier token"),
  N_("The token's validity period has expired"),
  N_("A later token has already been processed"),
  N_("An expected per-message token was not received"),
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* The messages a major status carries, in the order they are handed
   out: routine error, calling error, then each supplementary bit. */
static size_t
collect_messages (OM_uint32 status, const char *out[])
{
  OM_uint32 routine = GSS_ROUTINE_ERROR (status) >> GSS_C_ROUTINE_ERROR_OFFSET;
  OM_uint32 calling = GSS_CALLING_ERROR (status) >> GSS_C_CALLING_ERROR_OFFSET;
  OM_uint32 supp = GSS_SUPPLEMENTARY_INFO (status);
  size_t n = 0, bit;

  if (routine)
    out[n++] = routine_texts[routine];
  if (calling)
    out[n++] = calling_texts[calling];
  for (bit = 0; bit < COUNT (supplementary_texts); bit++)
    if (supp & (1ul << bit))
      out[n++] = supplementary_texts[bit];
  return n;
}

static bool
is_known_major (OM_uint32 status)
{
  OM_uint32 routine = GSS_ROUTINE_ERROR (status) >> GSS_C_ROUTINE_ERROR_OFFSET;
  OM_uint32 calling = GSS_CALLING_ERROR (status) >> GSS_C_CALLING_ERROR_OFFSET;
  OM_uint32 supp = GSS_SUPPLEMENTARY_INFO (status);

  return routine < COUNT (routine_texts) && calling < COUNT (calling_texts)
    && (supp >> COUNT (supplementary_texts)) == 0;
}

static OM_uint32
display_major (OM_uint32 *minor, OM_uint32 status, OM_uint32 *message_context,
	       gss_buffer_t out)
{
  const char *messages[2 + COUNT (supplementary_texts)];
  size_t n;

  if (!is_known_major (status))
    return GSS_S_BAD_STATUS;
  n = collect_messages (status, messages);
  if (n == 0)
    {
      if (*message_context != 0)
	return GSS_S_BAD_STATUS;
      return _gss_buffer_from_string (minor, _("No error"), out);
    }
  if (*message_context >= n)
    return GSS_S_BAD_STATUS;
  if (GSS_ERROR (_gss_buffer_from_string (minor,
					  _(messages[*message_context]), out)))
    return GSS_S_FAILURE;
  *message_context = *message_context + 1 < n ? *message_context + 1 : 0;
  return GSS_S_COMPLETE;
}

/*@ gss_display_status - the text of a major or minor status code
 *
 * @param minor_status (out) Receives the status code of this call
 *   itself.  May be NULL.
 * @param status_value (in) The status code to explain.
 * @param status_type (in) GSS_C_GSS_CODE when @status_value is a major
 *   status, GSS_C_MECH_CODE when it is a minor status of @mech_type.
 * @param mech_type (in, optional) The mechanism a minor status comes
 *   from, or GSS_C_NO_OID for the default one, Kerberos 5.  Not used for
 *   major statuses.
 * @param message_context (in/out) Set it to 0 before the first call.
 *   After each call it is 0 when there is no further message, and
 *   something else when there is one, to be fetched by calling again
 *   with the value left.  May be NULL, for the first message only (as
 *   GNU GSS).
 * @param status_string (out) Emptied first, then receives one message,
 *   NUL-terminated, to be released with gss_release_buffer().  Must not
 *   be NULL.
 *
 * @desc
 * A major status may hold a routine error, a calling error and several
 * supplementary bits; each call returns the message of one of them, in
 * that order, so a program shows them all with a loop:
 *
 * | OM_uint32 msg_ctx = 0, min;
 * | gss_buffer_desc msg;
 * |
 * | do
 * |   {
 * |     if (GSS_ERROR (gss_display_status (&min, major, GSS_C_GSS_CODE,
 * |                                        GSS_C_NO_OID, &msg_ctx,
 * |                                        &msg)))
 * |       break;
 * |     fprintf (stderr, "%.*s\n", (int) msg.length, (char *) msg.value);
 * |     gss_release_buffer (&min, &msg);
 * |   }
 * | while (msg_ctx != 0);
 *
 * The major status 0 reads "No error".  A minor status of the Kerberos 5
 * mechanism is one message: the text of a GSS_KRB5_S_* code of
 * gss/krb5.h, or libkrb5's text for its own error codes.  Texts are
 * translated to the user's language when a translation exists.
 *
 * @return GSS_S_COMPLETE: A message is in @status_string.
 * @return GSS_S_BAD_STATUS: @status_type is neither GSS_C_GSS_CODE nor
 *   GSS_C_MECH_CODE; a major @status_value has bits that mean nothing;
 *   or *@message_context is not a value this function left there
 *   (for a minor status, anything but 0).
 * @return GSS_S_BAD_MECH: For a minor status, @mech_type names no
 *   mechanism of this library.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @status_string is NULL.
 * @return GSS_S_FAILURE: libkrb5 could not be initialised or memory ran
 *   out.
 *
 * @see gss_release_buffer gss_init_sec_context gss_accept_sec_context
 */
OM_uint32
gss_display_status (OM_uint32 *minor_status, OM_uint32 status_value,
		    int status_type, const gss_OID mech_type,
		    OM_uint32 *message_context, gss_buffer_t status_string)
{
  const struct gss_mech *mech;
  OM_uint32 first = 0;

  if (status_string != GSS_C_NO_BUFFER)
    _gss_buffer_init (status_string);
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  /* Without a message context, the first message, as GNU GSS does. */
  if (message_context == NULL)
    message_context = &first;
  if (status_string == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  switch (status_type)
    {
    case GSS_C_GSS_CODE:
      return display_major (minor_status, status_value, message_context,
			    status_string);
    case GSS_C_MECH_CODE:
      mech = _gss_find_mech (mech_type);
      if (mech == NULL)
	return GSS_S_BAD_MECH;
      if (*message_context != 0 || mech->display_status == NULL)
	return GSS_S_BAD_STATUS;
      return mech->display_status (minor_status, status_value,
				   status_string);
    default:
      return GSS_S_BAD_STATUS;
    }
}

/* name.c - internal names: import, display, compare, duplicate,
   release, canonicalize, export (RFC 2743 section 2.4, RFC 2744 5.x). */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

/* RFC 2743 section 3.2: TOK_ID 04 01, a two-octet length of the DER
   mechanism OID, the OID, a four-octet length, the name. */
#define EXPORT_TOK_ID "\x04\x01"

gss_OID
_gss_static_name_type (gss_const_OID type)
{
  size_t i, j;

  if (gss_oid_equal (type, GSS_C_NT_EXPORT_NAME))
    return GSS_C_NT_EXPORT_NAME;
  if (gss_oid_equal (type, GSS_C_NT_ANONYMOUS))
    return GSS_C_NT_ANONYMOUS;
  for (i = 0; _gss_mechs[i]; i++)
    for (j = 0; _gss_mechs[i]->name_types[j]; j++)
      if (gss_oid_equal (_gss_mechs[i]->name_types[j], type))
	return (gss_OID) _gss_mechs[i]->name_types[j];
  return NULL;
}

static struct gss_name_struct *
name_alloc (void)
{
  struct gss_name_struct *name = calloc (1, sizeof *name);

  if (name)
    name->magic = GSS_MAGIC_NAME;
  return name;
}

static void
name_free (struct gss_name_struct *name)
{
  if (name == NULL)
    return;
  if (name->mech && name->mname)
    name->mech->release_name (name->mname);
  if (name->cache_mech && name->cache_mname)
    name->cache_mech->release_name (name->cache_mname);
  free (name->value.value);
  name->magic = GSS_MAGIC_DEAD;
  free (name);
}

OM_uint32
_gss_name_from_mname (OM_uint32 *minor, const struct gss_mech *mech,
		      void *mname, gss_name_t *out)
{
  struct gss_name_struct *name;
  OM_uint32 major;

  /* A negotiating mechanism's names are already handles, the inner
     mechanism's MNs (lib/mech.h). */
  if (mech->negotiates)
    {
      *out = mname;
      return GSS_S_COMPLETE;
    }
  name = name_alloc ();
  if (name == NULL)
    {
      mech->release_name (mname);
      *minor = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  name->mech = mech;
  name->mname = mname;
  major = mech->display_name (minor, mname, &name->value, &name->type);
  if (GSS_ERROR (major))
    {
      name_free (name);
      return major;
    }
  *out = name;
  return GSS_S_COMPLETE;
}

OM_uint32
_gss_name_to_mname (OM_uint32 *minor, const struct gss_name_struct *name,
		    const struct gss_mech *mech, void **mname, bool *owned)
{
  /* The cache is filled at first use, perhaps by two threads at once:
     the first result published wins, the other is released. */
  struct gss_name_struct *cache = (struct gss_name_struct *) name;
  void *cached, *expected = NULL;
  OM_uint32 major;

  *mname = NULL;
  *owned = false;
  /* A negotiating mechanism takes the name itself (lib/mech.h). */
  if (mech->negotiates)
    {
      *mname = cache;
      return GSS_S_COMPLETE;
    }
  if (name->mech)
    {
      if (name->mech != mech)
	return GSS_S_BAD_MECH;
      *mname = name->mname;
      return GSS_S_COMPLETE;
    }
  if (name->cache_mech == mech)
    {
      cached = __atomic_load_n (&name->cache_mname, __ATOMIC_ACQUIRE);
      if (cached != NULL)
	{
	  *mname = cached;
	  return GSS_S_COMPLETE;
	}
    }
  if (name->type == GSS_C_NT_ANONYMOUS)
    return GSS_S_BAD_NAMETYPE;
  if (name->type && !_gss_mech_has_name_type (mech, name->type))
    return GSS_S_BAD_NAMETYPE;
  if (mech->import_name == NULL)
    return GSS_S_UNAVAILABLE;
  major = mech->import_name (minor, (gss_buffer_t) &name->value, name->type,
			     mname);
  if (GSS_ERROR (major))
    return major;
  if (name->cache_mech != mech)
    {
      *owned = true;
      return major;
    }
  if (!__atomic_compare_exchange_n (&cache->cache_mname, &expected, *mname,
				    false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
      mech->release_name (*mname);
      *mname = expected;
    }
  return major;
}

static OM_uint32
import_exported (OM_uint32 *minor, const gss_buffer_t in, gss_name_t *out)
{
  const unsigned char *p = in->value;
  size_t oid_len, name_len;
  gss_OID_desc oid;
  const struct gss_mech *mech;
  void *mname;
  OM_uint32 major;

  if (in->length < 4 || memcmp (p, EXPORT_TOK_ID, 2) != 0)
    return GSS_S_BAD_NAME;
  oid_len = (size_t) p[2] << 8 | p[3];
  /* The OID is DER with its tag, in the short length form: mechanism
     OIDs are far shorter than 128 octets. */
  if (oid_len < 2 || in->length - 4 < oid_len + 4
      || p[4] != 0x06 || p[5] != oid_len - 2)
    return GSS_S_BAD_NAME;
  oid.length = oid_len - 2;
  oid.elements = (void *) (p + 6);
  p += 4 + oid_len;
  name_len = (size_t) p[0] << 24 | (size_t) p[1] << 16
    | (size_t) p[2] << 8 | p[3];
  if (name_len != in->length - 8 - oid_len)
    return GSS_S_BAD_NAME;

  mech = _gss_find_mech (&oid);
  if (mech == NULL)
    return GSS_S_BAD_MECH;
  if (mech->import_exported_name == NULL)
    return GSS_S_UNAVAILABLE;
  major = mech->import_exported_name (minor, p + 4, name_len, &mname);
  if (GSS_ERROR (major))
    return major;
  return _gss_name_from_mname (minor, mech, mname, out);
}

/* The mechanism whose reading of a name of TYPE is kept: the first one
   that takes the type.  The name is read when first used (as GNU GSS
   and MIT's mechanism glue do), and only once. */
static const struct gss_mech *
cache_mech_for (gss_OID type)
{
  size_t i;

  for (i = 0; _gss_mechs[i]; i++)
    if (type == GSS_C_NO_OID || _gss_mech_has_name_type (_gss_mechs[i], type))
      return _gss_mechs[i];
  return NULL;
}

/* Whether names of TYPE are text, which may come with a terminating
   NUL counted in their length (GNU SASL passes them so). */
static bool
is_text_type (gss_OID type)
{
  return !gss_oid_equal (type, GSS_C_NT_MACHINE_UID_NAME)
    && !gss_oid_equal (type, GSS_KRB5_NT_MACHINE_UID_NAME);
}

/*@ gss_import_name - turn a printable name into an internal name
 *
 * @param minor_status (out) Receives the mechanism's status code, for
 *   example a libkrb5 parsing error.  May be NULL.
 * @param input_name_buffer (in) The name: text for most name types (no
 *   terminating NUL is needed; one counted in the length is dropped, as
 *   GNU GSS and MIT tolerate it; none may be inside), a uid_t in the
 *   machine's representation for GSS_C_NT_MACHINE_UID_NAME, the token of
 *   gss_export_name() for GSS_C_NT_EXPORT_NAME.  Must not be
 *   GSS_C_NO_BUFFER.
 * @param input_name_type (in, optional) The OID of the name's type, or
 *   GSS_C_NO_OID for the default type, a Kerberos principal name.
 * @param output_name (out) Receives the new name, or GSS_C_NO_NAME on
 *   failure.  Release it with gss_release_name().  Must not be NULL.
 *
 * @desc
 * The name types known are GSS_C_NT_HOSTBASED_SERVICE (and
 * GSS_C_NT_HOSTBASED_SERVICE_X, its older OID), `service@host` or just
 * `service` for this host; GSS_C_NT_USER_NAME and
 * GSS_KRB5_NT_PRINCIPAL_NAME, a Kerberos principal such as
 * `user@EXAMPLE.ORG`, the realm being optional; GSS_C_NT_STRING_UID_NAME
 * (decimal digits) and GSS_C_NT_MACHINE_UID_NAME or
 * GSS_KRB5_NT_MACHINE_UID_NAME (binary), a local user identifier that
 * stands for the principal named after that user's login name;
 * GSS_C_NT_EXPORT_NAME, the output of gss_export_name(); and
 * GSS_C_NT_ANONYMOUS, the anonymous name, which compares equal to no
 * name and cannot be used to establish a context.
 *
 * The text is accepted as it is and read when the name is first used,
 * as GNU GSS and MIT's mechanism glue do: with no default realm in
 * krb5.conf, `user` can still be imported, displayed and compared, and
 * an ill-formed name (`a@b@c`, an empty one, a UID string with
 * non-digits) fails where it is used, for example in
 * gss_canonicalize_name() or gss_init_sec_context(), with
 * GSS_S_BAD_NAME and libkrb5's reason in the minor status.  It is read
 * only once: the result is kept with the name.  Except for exported
 * names, the result is not yet a mechanism name: it keeps the text as
 * given, which gss_display_name() returns, and becomes a Kerberos
 * principal when it is used (libkrb5 then maps a host-based name to a
 * service principal of the host's realm).
 *
 * @return GSS_S_COMPLETE: The name is in @output_name.
 * @return GSS_S_BAD_NAMETYPE: @input_name_type is not a name type this
 *   library knows.
 * @return GSS_S_BAD_NAME: An exported name token of the wrong format.
 * @return GSS_S_BAD_MECH: An exported name names a mechanism this
 *   library does not offer.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME:
 *   @input_name_buffer is GSS_C_NO_BUFFER, or has a length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_BAD_NAME: @output_name
 *   is NULL (GNU GSS's status).
 * @return GSS_S_UNAVAILABLE: The mechanism of an exported name cannot
 *   import it.
 * @return GSS_S_FAILURE: libkrb5 could not be initialised or memory ran
 *   out.
 *
 * @see gss_release_name gss_display_name gss_canonicalize_name
 * @see gss_compare_name gss_export_name gss_inquire_names_for_mech
 */
OM_uint32
gss_import_name (OM_uint32 *minor_status,
		 const gss_buffer_t input_name_buffer,
		 const gss_OID input_name_type, gss_name_t *output_name)
{
  struct gss_name_struct *name;
  gss_OID type = GSS_C_NO_OID;
  OM_uint32 major;
  size_t length;

  if (output_name != NULL)
    *output_name = GSS_C_NO_NAME;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (input_name_buffer == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME;
  if (input_name_buffer->length && input_name_buffer->value == NULL)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME;
  /* GNU GSS's status for the missing output. */
  if (output_name == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_BAD_NAME;

  if (input_name_type != GSS_C_NO_OID)
    {
      type = _gss_static_name_type (input_name_type);
      if (type == NULL)
	return GSS_S_BAD_NAMETYPE;
    }
  if (type == GSS_C_NT_EXPORT_NAME)
    return import_exported (minor_status, input_name_buffer, output_name);

  name = name_alloc ();
  if (name == NULL)
    {
      *minor_status = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  length = input_name_buffer->length;
  if (length > 0 && is_text_type (type)
      && ((const char *) input_name_buffer->value)[length - 1] == '\0')
    length--;
  if (type != GSS_C_NT_ANONYMOUS)
    name->cache_mech = cache_mech_for (type);
  major = _gss_buffer_copy (minor_status, input_name_buffer->value, length,
			    &name->value);
  if (GSS_ERROR (major))
    {
      name_free (name);
      return major;
    }
  name->type = type;
  *output_name = name;
  return GSS_S_COMPLETE;
}

/* The usual checks of an input name: present, then live. */
static OM_uint32
check_input_name (gss_const_name_t name)
{
  if (name == GSS_C_NO_NAME)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME;
  if (!_gss_name_ok (name))
    return GSS_S_BAD_NAME;
  return GSS_S_COMPLETE;
}

/*@ gss_display_name - the printable form of an internal name
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param input_name (in) The name to display.
 * @param output_name_buffer (out) Emptied first, then receives the
 *   text, followed by a NUL that the length does not count.  Release it
 *   with gss_release_buffer().  Must not be NULL.
 * @param output_name_type (out, optional) Receives the name's type, a
 *   pointer to static storage not to be modified or freed, or
 *   GSS_C_NO_OID when the name was imported without one.  NULL when not
 *   wanted.
 *
 * @desc
 * A name made by gss_import_name() displays as it was imported, with
 * the type it was imported with.  A mechanism name, such as the one
 * gss_accept_sec_context() returns for the initiator, displays as the
 * full Kerberos principal, `user@EXAMPLE.ORG`, with the type
 * GSS_KRB5_NT_PRINCIPAL_NAME.
 *
 * The text is meant for people and logs.  To compare names use
 * gss_compare_name(), or the output of gss_export_name().
 *
 * @return GSS_S_COMPLETE: The text is in @output_name_buffer.
 * @return GSS_S_BAD_NAME: @input_name is GSS_C_NO_NAME (GNU GSS's
 *   status) or not a live name handle.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @output_name_buffer is NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_import_name gss_export_name gss_release_buffer
 */
OM_uint32
gss_display_name (OM_uint32 *minor_status, const gss_name_t input_name,
		  gss_buffer_t output_name_buffer, gss_OID *output_name_type)
{
  OM_uint32 major;

  if (output_name_buffer != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_name_buffer);
  if (output_name_type != NULL)
    *output_name_type = GSS_C_NO_OID;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  /* GNU GSS's status for the absent name. */
  if (input_name == GSS_C_NO_NAME)
    return GSS_S_BAD_NAME;
  major = check_input_name (input_name);
  if (major)
    return major;
  if (output_name_buffer == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  major = _gss_buffer_copy (minor_status, input_name->value.value,
			    input_name->value.length, output_name_buffer);
  if (!GSS_ERROR (major) && output_name_type != NULL)
    *output_name_type = input_name->type;
  return major;
}

static bool
is_anonymous (gss_const_name_t name)
{
  return name->type == GSS_C_NT_ANONYMOUS;
}

/* Compare two names by the mechanism's rules: both are made MNs of one
   mechanism first (the MN's, or the default one). */
static OM_uint32
compare_as_mnames (OM_uint32 *minor, gss_const_name_t a, gss_const_name_t b,
		   int *equal)
{
  const struct gss_mech *mech = a->mech ? a->mech
    : b->mech ? b->mech : _gss_mechs[0];
  void *ma = NULL, *mb = NULL;
  bool own_a = false, own_b = false;
  OM_uint32 major;

  if (a->mech && b->mech && a->mech != b->mech)
    return GSS_S_COMPLETE;
  major = _gss_name_to_mname (minor, a, mech, &ma, &own_a);
  if (!GSS_ERROR (major))
    major = _gss_name_to_mname (minor, b, mech, &mb, &own_b);
  if (!GSS_ERROR (major) && mech->compare_name)
    *equal = mech->compare_name (ma, mb);
  else if (!GSS_ERROR (major))
    major = GSS_S_UNAVAILABLE;
  if (own_a && ma)
    mech->release_name (ma);
  if (own_b && mb)
    mech->release_name (mb);
  return major;
}

/*@ gss_compare_name - whether two names refer to the same entity
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param name1 (in) The first name.
 * @param name2 (in) The second name.
 * @param name_equal (out) Receives 1 when the names refer to the same
 *   entity, 0 otherwise (also on failure).  Must not be NULL.
 *
 * @desc
 * Two names imported with the same type and the same bytes are equal.
 * Otherwise both are turned into principals of one mechanism (that of a
 * mechanism name among them, or Kerberos 5) and compared as such, so
 * that, for example, the host-based name `host@server.example.org`
 * equals the principal `host/server.example.org@EXAMPLE.ORG` when
 * that is the realm libkrb5 maps the host to.  Mechanism names of two
 * different mechanisms are never equal, and the anonymous name equals
 * no name at all, not even another anonymous name (RFC 2743 section
 * 2.4.3).
 *
 * @return GSS_S_COMPLETE: The answer is in @name_equal.
 * @return GSS_S_BAD_NAME: @name1 or @name2 is not a live name handle,
 *   or cannot be read as a principal.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME: @name1 or
 *   @name2 is GSS_C_NO_NAME.
 * @return GSS_S_BAD_NAMETYPE: A name is of a type the mechanism does
 *   not take.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @name_equal
 *   is NULL.
 * @return GSS_S_UNAVAILABLE: The mechanism cannot compare names.
 * @return GSS_S_FAILURE: libkrb5 could not be initialised or memory ran
 *   out.
 *
 * @see gss_import_name gss_canonicalize_name gss_export_name
 */
OM_uint32
gss_compare_name (OM_uint32 *minor_status, const gss_name_t name1,
		  const gss_name_t name2, int *name_equal)
{
  OM_uint32 major;

  if (name_equal != NULL)
    *name_equal = 0;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  major = check_input_name (name1);
  if (major == GSS_S_COMPLETE)
    major = check_input_name (name2);
  if (major)
    return major;
  if (name_equal == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;

  /* RFC 2743 section 2.4.3: an anonymous name equals no name. */
  if (is_anonymous (name1) || is_anonymous (name2))
    return GSS_S_COMPLETE;
  if (!name1->mech && !name2->mech && name1->type == name2->type
      && name1->value.length == name2->value.length
      && memcmp (name1->value.value, name2->value.value,
		 name1->value.length) == 0)
    {
      *name_equal = 1;
      return GSS_S_COMPLETE;
    }
  return compare_as_mnames (minor_status, name1, name2, name_equal);
}

/*@ gss_duplicate_name - copy an internal name
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param src_name (in) The name to copy.
 * @param dest_name (out) Receives the copy, or GSS_C_NO_NAME on
 *   failure.  Release it with gss_release_name().  Must not be NULL.
 *
 * @desc
 * The copy is independent of the original, which may be released
 * first.  It has the same type and text, and is a mechanism name when
 * the original is one.
 *
 * @return GSS_S_COMPLETE: The copy is in @dest_name.
 * @return GSS_S_BAD_NAME: @src_name is GSS_C_NO_NAME (GNU GSS's status)
 *   or not a live name handle.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_FAILURE: @dest_name is
 *   NULL (GNU GSS's status).
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_import_name gss_release_name
 */
OM_uint32
gss_duplicate_name (OM_uint32 *minor_status, const gss_name_t src_name,
		    gss_name_t *dest_name)
{
  struct gss_name_struct *copy;
  void *cached;
  OM_uint32 major;

  if (dest_name != NULL)
    *dest_name = GSS_C_NO_NAME;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  /* GNU GSS's statuses for the absent name and output. */
  if (src_name == GSS_C_NO_NAME)
    return GSS_S_BAD_NAME;
  major = check_input_name (src_name);
  if (major)
    return major;
  if (dest_name == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_FAILURE;

  copy = name_alloc ();
  if (copy == NULL)
    {
      *minor_status = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  copy->type = src_name->type;
  major = _gss_buffer_copy (minor_status, src_name->value.value,
			    src_name->value.length, &copy->value);
  if (!GSS_ERROR (major) && src_name->mech)
    {
      copy->mech = src_name->mech;
      major = copy->mech->duplicate_name (minor_status, src_name->mname,
					  &copy->mname);
    }
  copy->cache_mech = src_name->cache_mech;
  cached = __atomic_load_n (&src_name->cache_mname, __ATOMIC_ACQUIRE);
  if (!GSS_ERROR (major) && cached != NULL)
    major = copy->cache_mech->duplicate_name (minor_status, cached,
					      &copy->cache_mname);
  if (GSS_ERROR (major))
    {
      name_free (copy);
      return major;
    }
  *dest_name = copy;
  return GSS_S_COMPLETE;
}

/*@ gss_release_name - release an internal name
 *
 * @param minor_status (out) Receives 0.  May be NULL.
 * @param name (in/out) The name to release; set to GSS_C_NO_NAME once
 *   it is.  A handle holding GSS_C_NO_NAME is accepted and nothing is
 *   done.
 *
 * @desc
 * Names from gss_import_name(), gss_duplicate_name(),
 * gss_canonicalize_name(), gss_accept_sec_context(),
 * gss_inquire_context() and gss_inquire_cred() are released with this
 * function.  A released handle is recognised if it is passed again,
 * instead of freeing memory twice.
 *
 * @return GSS_S_COMPLETE: The name was released, or there was none.
 * @return GSS_S_BAD_NAME: *@name is not a live name handle (for example
 *   one already released).
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME: @name is NULL
 *   (GNU GSS's status).
 *
 * @see gss_import_name gss_duplicate_name
 */
OM_uint32
gss_release_name (OM_uint32 *minor_status, gss_name_t *name)
{
  if (name != NULL && *name != GSS_C_NO_NAME)
    {
      if (!_gss_name_ok (*name))
	{
	  if (minor_status)
	    *minor_status = 0;
	  return GSS_S_BAD_NAME;
	}
      name_free (*name);
      *name = GSS_C_NO_NAME;
    }
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  /* GNU GSS's status for the missing handle pointer. */
  if (name == NULL)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME;
  return GSS_S_COMPLETE;
}

/*@ gss_canonicalize_name - turn a name into a mechanism name
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param input_name (in) The name to canonicalize.
 * @param mech_type (in) The mechanism, which must be named explicitly:
 *   GSS_KRB5.
 * @param output_name (out) Receives the new mechanism name, or
 *   GSS_C_NO_NAME on failure.  Release it with gss_release_name().  Must
 *   not be NULL.
 *
 * @desc
 * A mechanism name (MN) is what a name becomes when a mechanism
 * resolves it; for Kerberos 5 it is a full principal.  Host-based
 * names go through libkrb5's host-to-realm mapping, so that
 * `host@server` may become `host/server.example.org@EXAMPLE.ORG`.
 * gss_display_name() then shows the principal, and gss_export_name()
 * accepts the result.  A name that is already a mechanism name of
 * @mech_type is copied.
 *
 * @return GSS_S_COMPLETE: The mechanism name is in @output_name.
 * @return GSS_S_BAD_MECH: @mech_type is GSS_C_NO_OID or names no
 *   mechanism of this library, or @input_name is a mechanism name of
 *   another mechanism.
 * @return GSS_S_BAD_NAMETYPE: @input_name is an anonymous name, or of a
 *   type the mechanism does not take.
 * @return GSS_S_BAD_NAME: @input_name is not a live name handle, or the
 *   mechanism cannot read it.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME: @input_name is
 *   GSS_C_NO_NAME.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_FAILURE: @output_name
 *   is NULL (GNU GSS's status).
 * @return GSS_S_UNAVAILABLE: The mechanism cannot import names.
 * @return GSS_S_FAILURE: libkrb5 could not be initialised or memory ran
 *   out.
 *
 * @see gss_import_name gss_export_name gss_display_name
 * @see gss_release_name
 */
OM_uint32
gss_canonicalize_name (OM_uint32 *minor_status, const gss_name_t input_name,
		       const gss_OID mech_type, gss_name_t *output_name)
{
  const struct gss_mech *mech;
  void *mname;
  bool owned;
  OM_uint32 major;

  if (output_name != NULL)
    *output_name = GSS_C_NO_NAME;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  major = check_input_name (input_name);
  if (major)
    return major;
  /* GNU GSS's status for the missing output. */
  if (output_name == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_FAILURE;
  /* RFC 2744: mech_type names one specific mechanism. */
  if (mech_type == GSS_C_NO_OID || (mech = _gss_find_mech (mech_type)) == NULL)
    return GSS_S_BAD_MECH;
  if (input_name->mech)
    return input_name->mech == mech
      ? gss_duplicate_name (minor_status, input_name, output_name)
      : GSS_S_BAD_MECH;

  major = _gss_name_to_mname (minor_status, input_name, mech, &mname,
			      &owned);
  if (GSS_ERROR (major))
    return major;
  /* The new MN owns its mechanism name: a cached one is copied. */
  if (!owned)
    {
      const void *cached = mname;
      major = mech->duplicate_name (minor_status, cached, &mname);
      if (GSS_ERROR (major))
	return major;
    }
  return _gss_name_from_mname (minor_status, mech, mname, output_name);
}

/*@ gss_export_name - the flat, comparable form of a mechanism name
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param input_name (in) A mechanism name: from gss_canonicalize_name(),
 *   or as gss_accept_sec_context() or gss_inquire_context() return
 *   them.
 * @param exported_name (out) Emptied first, then receives the exported
 *   name token.  Release it with gss_release_buffer().  Must not be
 *   NULL.
 *
 * @desc
 * The token is the format of RFC 2743 section 3.2: the identifier
 * 04 01, the two-byte length of the mechanism's DER-encoded OID, that
 * OID, a four-byte length and the name; for Kerberos 5 the name is the
 * principal in its usual text form.  Equal mechanism names give equal
 * tokens, so applications can compare them with memcmp() or keep them
 * in access control lists.  gss_import_name() with the type
 * GSS_C_NT_EXPORT_NAME turns the token back into a mechanism name.
 *
 * @return GSS_S_COMPLETE: The token is in @exported_name.
 * @return GSS_S_NAME_NOT_MN: @input_name is not a mechanism name.
 * @return GSS_S_BAD_NAME: @input_name is not a live name handle.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_BAD_NAME: @input_name is
 *   GSS_C_NO_NAME.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @exported_name is NULL.
 * @return GSS_S_UNAVAILABLE: The mechanism cannot export names.
 * @return GSS_S_FAILURE: The name is too long for the format, or memory
 *   ran out.
 *
 * @see gss_import_name gss_canonicalize_name gss_release_buffer
 */
OM_uint32
gss_export_name (OM_uint32 *minor_status, const gss_name_t input_name,
		 gss_buffer_t exported_name)
{
  gss_buffer_desc part = GSS_C_EMPTY_BUFFER;
  const gss_OID_desc *oid;
  unsigned char *p;
  size_t total;
  OM_uint32 major, tmp;

  if (exported_name != GSS_C_NO_BUFFER)
    _gss_buffer_init (exported_name);
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  major = check_input_name (input_name);
  if (major)
    return major;
  if (exported_name == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (input_name->mech == NULL)
    return GSS_S_NAME_NOT_MN;
  if (input_name->mech->export_name == NULL)
    return GSS_S_UNAVAILABLE;

  major = input_name->mech->export_name (minor_status, input_name->mname,
					 &part);
  if (GSS_ERROR (major))
    return major;
  oid = input_name->mech->oid;
  if (part.length > 0xffffffffu || oid->length > 127)
    {
      gss_release_buffer (&tmp, &part);
      return GSS_S_FAILURE;
    }
  total = 2 + 2 + 2 + oid->length + 4 + part.length;
  p = malloc (total);
  if (p == NULL)
    {
      gss_release_buffer (&tmp, &part);
      *minor_status = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  exported_name->value = p;
  exported_name->length = total;
  memcpy (p, EXPORT_TOK_ID, 2);
  p[2] = (oid->length + 2) >> 8;
  p[3] = (oid->length + 2) & 0xff;
  p[4] = 0x06;
  p[5] = oid->length;
  memcpy (p + 6, oid->elements, oid->length);
  p += 6 + oid->length;
  p[0] = part.length >> 24;
  p[1] = (part.length >> 16) & 0xff;
  p[2] = (part.length >> 8) & 0xff;
  p[3] = part.length & 0xff;
  if (part.length)
    memcpy (p + 4, part.value, part.length);
  gss_release_buffer (&tmp, &part);
  return GSS_S_COMPLETE;
}

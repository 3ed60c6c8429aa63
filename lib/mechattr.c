/* mechattr.c - mechanism attributes (RFC 5587): what each mechanism
   can do, and the mechanisms that can do something. */
#include "ext-internal.h"
#include "mechattr.h"
#include <string.h>

#define MA(n) { 7, (void *) "\x2b\x06\x01\x05\x05\x0d" n }

const gss_OID_desc _gss_ma_oid[GSS_MA_COUNT] = {
  MA ("\x01"), MA ("\x02"), MA ("\x03"), MA ("\x04"), MA ("\x05"),
  MA ("\x06"), MA ("\x07"), MA ("\x08"), MA ("\x09"), MA ("\x0a"),
  MA ("\x0b"), MA ("\x0c"), MA ("\x0d"), MA ("\x0e"), MA ("\x0f"),
  MA ("\x10"), MA ("\x11"), MA ("\x12"), MA ("\x13"), MA ("\x14"),
  MA ("\x15"), MA ("\x16"), MA ("\x17"), MA ("\x18"), MA ("\x19"),
  MA ("\x1a"), MA ("\x1b")
};

gss_const_OID GSS_C_MA_MECH_CONCRETE = &_gss_ma_oid[GSS_MA_MECH_CONCRETE];
gss_const_OID GSS_C_MA_MECH_PSEUDO = &_gss_ma_oid[GSS_MA_MECH_PSEUDO];
gss_const_OID GSS_C_MA_MECH_COMPOSITE = &_gss_ma_oid[GSS_MA_MECH_COMPOSITE];
gss_const_OID GSS_C_MA_MECH_NEGO = &_gss_ma_oid[GSS_MA_MECH_NEGO];
gss_const_OID GSS_C_MA_MECH_GLUE = &_gss_ma_oid[GSS_MA_MECH_GLUE];
gss_const_OID GSS_C_MA_NOT_MECH = &_gss_ma_oid[GSS_MA_NOT_MECH];
gss_const_OID GSS_C_MA_DEPRECATED = &_gss_ma_oid[GSS_MA_DEPRECATED];
gss_const_OID GSS_C_MA_NOT_DFLT_MECH = &_gss_ma_oid[GSS_MA_NOT_DFLT_MECH];
gss_const_OID GSS_C_MA_ITOK_FRAMED = &_gss_ma_oid[GSS_MA_ITOK_FRAMED];
gss_const_OID GSS_C_MA_AUTH_INIT = &_gss_ma_oid[GSS_MA_AUTH_INIT];
gss_const_OID GSS_C_MA_AUTH_TARG = &_gss_ma_oid[GSS_MA_AUTH_TARG];
gss_const_OID GSS_C_MA_AUTH_INIT_INIT = &_gss_ma_oid[GSS_MA_AUTH_INIT_INIT];
gss_const_OID GSS_C_MA_AUTH_TARG_INIT = &_gss_ma_oid[GSS_MA_AUTH_TARG_INIT];
gss_const_OID GSS_C_MA_AUTH_INIT_ANON = &_gss_ma_oid[GSS_MA_AUTH_INIT_ANON];
gss_const_OID GSS_C_MA_AUTH_TARG_ANON = &_gss_ma_oid[GSS_MA_AUTH_TARG_ANON];
gss_const_OID GSS_C_MA_DELEG_CRED = &_gss_ma_oid[GSS_MA_DELEG_CRED];
gss_const_OID GSS_C_MA_INTEG_PROT = &_gss_ma_oid[GSS_MA_INTEG_PROT];
gss_const_OID GSS_C_MA_CONF_PROT = &_gss_ma_oid[GSS_MA_CONF_PROT];
gss_const_OID GSS_C_MA_MIC = &_gss_ma_oid[GSS_MA_MIC];
gss_const_OID GSS_C_MA_WRAP = &_gss_ma_oid[GSS_MA_WRAP];
gss_const_OID GSS_C_MA_PROT_READY = &_gss_ma_oid[GSS_MA_PROT_READY];
gss_const_OID GSS_C_MA_REPLAY_DET = &_gss_ma_oid[GSS_MA_REPLAY_DET];
gss_const_OID GSS_C_MA_OOS_DET = &_gss_ma_oid[GSS_MA_OOS_DET];
gss_const_OID GSS_C_MA_CBINDINGS = &_gss_ma_oid[GSS_MA_CBINDINGS];
gss_const_OID GSS_C_MA_PFS = &_gss_ma_oid[GSS_MA_PFS];
gss_const_OID GSS_C_MA_COMPRESS = &_gss_ma_oid[GSS_MA_COMPRESS];
gss_const_OID GSS_C_MA_CTX_TRANS = &_gss_ma_oid[GSS_MA_CTX_TRANS];

/* The attribute's name in the header, the short name that MIT krb5
   and GS2 programs show (the same strings, for compatibility), and a
   sentence of our own. */
static const struct
{
  const char *name, *short_desc, *long_desc;
} ma_text[GSS_MA_COUNT] = {
  {"GSS_C_MA_MECH_CONCRETE", "concrete-mech",
   N_("A mechanism of its own, neither a pseudo-mechanism nor a composite.")},
  {"GSS_C_MA_MECH_PSEUDO", "pseudo-mech",
   N_("A pseudo-mechanism, which works through other mechanisms.")},
  {"GSS_C_MA_MECH_COMPOSITE", "composite-mech",
   N_("A composite of other mechanisms.")},
  {"GSS_C_MA_MECH_NEGO", "mech-negotiation-mech",
   N_("Negotiates the mechanism the peers then use.")},
  {"GSS_C_MA_MECH_GLUE", "mech-glue",
   N_("The OID of the GSS-API layer itself, not of a mechanism.")},
  {"GSS_C_MA_NOT_MECH", "not-mech",
   N_("Known to the GSS-API layer but not a mechanism.")},
  {"GSS_C_MA_DEPRECATED", "mech-deprecated",
   N_("Deprecated: no new program should use it.")},
  {"GSS_C_MA_NOT_DFLT_MECH", "mech-not-default",
   N_("Never chosen when a program asks for the default mechanism.")},
  {"GSS_C_MA_ITOK_FRAMED", "initial-is-framed",
   N_("Its initial context token has the RFC 2743 section 3.1 framing.")},
  {"GSS_C_MA_AUTH_INIT", "auth-init-princ",
   N_("Authenticates the initiator to the acceptor.")},
  {"GSS_C_MA_AUTH_TARG", "auth-targ-princ",
   N_("Authenticates the acceptor to the initiator.")},
  {"GSS_C_MA_AUTH_INIT_INIT", "auth-init-princ-initial",
   N_("Authenticates the initiator with initial credentials.")},
  {"GSS_C_MA_AUTH_TARG_INIT", "auth-targ-princ-initial",
   N_("Authenticates the acceptor with initial credentials.")},
  {"GSS_C_MA_AUTH_INIT_ANON", "auth-init-princ-anon",
   N_("The initiator may stay anonymous.")},
  {"GSS_C_MA_AUTH_TARG_ANON", "auth-targ-princ-anon",
   N_("The acceptor may stay anonymous.")},
  {"GSS_C_MA_DELEG_CRED", "deleg-cred",
   N_("Delegates the initiator's credentials to the acceptor.")},
  {"GSS_C_MA_INTEG_PROT", "integ-prot",
   N_("Protects the integrity of messages.")},
  {"GSS_C_MA_CONF_PROT", "conf-prot",
   N_("Protects the confidentiality of messages.")},
  {"GSS_C_MA_MIC", "mic",
   N_("Makes MIC tokens (gss_get_mic).")},
  {"GSS_C_MA_WRAP", "wrap",
   N_("Makes wrap tokens (gss_wrap).")},
  {"GSS_C_MA_PROT_READY", "prot-ready",
   N_("Protects messages before the context is fully established.")},
  {"GSS_C_MA_REPLAY_DET", "replay-detection",
   N_("Detects replayed messages.")},
  {"GSS_C_MA_OOS_DET", "oos-detection",
   N_("Detects messages out of sequence.")},
  {"GSS_C_MA_CBINDINGS", "channel-bindings",
   N_("Binds contexts to the channel under them.")},
  {"GSS_C_MA_PFS", "pfs",
   N_("Offers perfect forward secrecy.")},
  {"GSS_C_MA_COMPRESS", "compress",
   N_("Compresses messages.")},
  {"GSS_C_MA_CTX_TRANS", "context-transfer",
   N_("Contexts can be exported and imported in another process.")},
};

/* The index of ATTR in _gss_ma_oid, or -1. */
static int
ma_index (gss_const_OID attr)
{
  int i;

  for (i = 0; i < GSS_MA_COUNT; i++)
    if (gss_oid_equal (&_gss_ma_oid[i], attr))
      return i;
  return -1;
}

bool
_gss_oid_is_static (gss_const_OID oid)
{
  size_t i, j;

  if (oid >= &_gss_ma_oid[0] && oid < &_gss_ma_oid[GSS_MA_COUNT])
    return true;
  if (_gss_static_name_type (oid) == oid
      || oid == GSS_C_INQ_SSPI_SESSION_KEY)
    return true;
  for (i = 0; _gss_mechs[i]; i++)
    {
      if (_gss_mechs[i]->oid == oid)
	return true;
      for (j = 0; _gss_mechs[i]->name_types[j]; j++)
	if (_gss_mechs[i]->name_types[j] == oid)
	  return true;
    }
  return false;
}

static bool
mech_has (const struct gss_mech *mech, gss_const_OID attr)
{
  size_t i;

  for (i = 0; mech->mech_attrs && mech->mech_attrs[i]; i++)
    if (gss_oid_equal (mech->mech_attrs[i], attr))
      return true;
  return false;
}

/* Adds each attribute of MECH, or every attribute this library knows
   (MECH NULL), to a new set in *SET. */
static OM_uint32
attr_set (OM_uint32 *minor, const struct gss_mech *mech, gss_OID_set *set)
{
  OM_uint32 major, tmp;
  size_t i;

  major = gss_create_empty_oid_set (minor, set);
  for (i = 0; !GSS_ERROR (major) && i < GSS_MA_COUNT; i++)
    if (mech == NULL || mech_has (mech, &_gss_ma_oid[i]))
      major = gss_add_oid_set_member (minor, (gss_OID) &_gss_ma_oid[i], set);
  if (GSS_ERROR (major))
    gss_release_oid_set (&tmp, set);
  return major;
}

/*@ gss_inquire_attrs_for_mech - what a mechanism can do
 *
 * @param minor_status (out) Receives 0, or GSS_KRB5_S_G_BUFFER_ALLOC
 *   when memory ran out.  Must not be NULL.
 * @param mech (in, optional) The mechanism, or GSS_C_NO_OID for the
 *   default one (Kerberos 5).
 * @param mech_attrs (out, optional) Receives the set of the
 *   mechanism's attributes (GSS_C_MA_*), to be released with
 *   gss_release_oid_set().  NULL when not wanted.
 * @param known_mech_attrs (out, optional) Receives the set of every
 *   attribute the mechanism knows of, here the 27 of RFC 5587 for
 *   every mechanism.  NULL when not wanted.
 *
 * @desc
 * RFC 5587 describes a mechanism by a set of attributes, so that a
 * program (a GS2 SASL library, for example) can choose mechanisms by
 * what they do rather than by name.  The Kerberos 5 mechanism has
 * GSS_C_MA_MECH_CONCRETE, GSS_C_MA_ITOK_FRAMED, GSS_C_MA_AUTH_INIT,
 * GSS_C_MA_AUTH_TARG, GSS_C_MA_DELEG_CRED, GSS_C_MA_INTEG_PROT,
 * GSS_C_MA_CONF_PROT, GSS_C_MA_MIC, GSS_C_MA_WRAP, GSS_C_MA_PROT_READY,
 * GSS_C_MA_REPLAY_DET, GSS_C_MA_OOS_DET, GSS_C_MA_CBINDINGS and
 * GSS_C_MA_CTX_TRANS, the same as with MIT krb5.
 *
 * @return GSS_S_COMPLETE: The sets asked for are filled in.
 * @return GSS_S_BAD_MECH: @mech names no mechanism of this library.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status is NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_indicate_mechs_by_attrs gss_display_mech_attr
 * @see gss_release_oid_set
 */
OM_uint32
gss_inquire_attrs_for_mech (OM_uint32 *minor_status, gss_const_OID mech,
			    gss_OID_set *mech_attrs,
			    gss_OID_set *known_mech_attrs)
{
  const struct gss_mech *m;
  OM_uint32 major, tmp;

  if (mech_attrs != NULL)
    *mech_attrs = GSS_C_NO_OID_SET;
  if (known_mech_attrs != NULL)
    *known_mech_attrs = GSS_C_NO_OID_SET;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  m = _gss_find_mech (mech);
  if (m == NULL)
    return GSS_S_BAD_MECH;
  if (mech_attrs != NULL)
    {
      major = attr_set (minor_status, m, mech_attrs);
      if (GSS_ERROR (major))
	return major;
    }
  if (known_mech_attrs != NULL)
    {
      major = attr_set (minor_status, NULL, known_mech_attrs);
      if (GSS_ERROR (major))
	{
	  if (mech_attrs != NULL)
	    gss_release_oid_set (&tmp, mech_attrs);
	  return major;
	}
    }
  return GSS_S_COMPLETE;
}

static bool
has_all (const struct gss_mech *mech, gss_const_OID_set attrs)
{
  size_t i;

  for (i = 0; attrs != GSS_C_NO_OID_SET && i < attrs->count; i++)
    if (!mech_has (mech, &attrs->elements[i]))
      return false;
  return true;
}

static bool
has_any (const struct gss_mech *mech, gss_const_OID_set attrs)
{
  size_t i;

  for (i = 0; attrs != GSS_C_NO_OID_SET && i < attrs->count; i++)
    if (mech_has (mech, &attrs->elements[i]))
      return true;
  return false;
}

/* Every mechanism knows every attribute of RFC 5587 and no other. */
static bool
knows_all (gss_const_OID_set attrs)
{
  size_t i;

  for (i = 0; attrs != GSS_C_NO_OID_SET && i < attrs->count; i++)
    if (ma_index (&attrs->elements[i]) < 0)
      return false;
  return true;
}

static bool
set_readable (gss_const_OID_set set)
{
  return set == GSS_C_NO_OID_SET || set->count == 0
    || set->elements != NULL;
}

/*@ gss_indicate_mechs_by_attrs - the mechanisms that can do something
 *
 * @param minor_status (out) Receives 0, or GSS_KRB5_S_G_BUFFER_ALLOC
 *   when memory ran out.  Must not be NULL.
 * @param desired_mech_attrs (in, optional) Attributes a mechanism must
 *   all have, or GSS_C_NO_OID_SET.
 * @param except_mech_attrs (in, optional) Attributes a mechanism must
 *   have none of, or GSS_C_NO_OID_SET.
 * @param critical_mech_attrs (in, optional) Attributes a mechanism must
 *   all know of (have or not), or GSS_C_NO_OID_SET.
 * @param mechs (out) Receives the set of the mechanisms that qualify,
 *   possibly empty, to be released with gss_release_oid_set().
 *
 * @desc
 * With no attribute sets at all, every mechanism of this library
 * qualifies: the same set as gss_indicate_mechs().  An attribute
 * outside RFC 5587 in @critical_mech_attrs is known to no mechanism,
 * so the answer is then empty; in the other two sets it is simply had
 * by none.  RFC 5587 section 3.4.2.
 *
 * @return GSS_S_COMPLETE: The set is in *@mechs.
 * @return GSS_S_CALL_INACCESSIBLE_READ: One of the attribute sets has
 *   members but no storage for them.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status or @mechs is
 *   NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_inquire_attrs_for_mech gss_indicate_mechs
 */
OM_uint32
gss_indicate_mechs_by_attrs (OM_uint32 *minor_status,
			     gss_const_OID_set desired_mech_attrs,
			     gss_const_OID_set except_mech_attrs,
			     gss_const_OID_set critical_mech_attrs,
			     gss_OID_set *mechs)
{
  OM_uint32 major, tmp;
  size_t i;

  if (mechs != NULL)
    *mechs = GSS_C_NO_OID_SET;
  if (minor_status != NULL)
    *minor_status = 0;
  if (minor_status == NULL || mechs == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (!set_readable (desired_mech_attrs) || !set_readable (except_mech_attrs)
      || !set_readable (critical_mech_attrs))
    return GSS_S_CALL_INACCESSIBLE_READ;

  major = gss_create_empty_oid_set (minor_status, mechs);
  for (i = 0; !GSS_ERROR (major) && _gss_mechs[i]; i++)
    if (has_all (_gss_mechs[i], desired_mech_attrs)
	&& !has_any (_gss_mechs[i], except_mech_attrs)
	&& knows_all (critical_mech_attrs))
      major = gss_add_oid_set_member (minor_status,
				      (gss_OID) _gss_mechs[i]->oid, mechs);
  if (GSS_ERROR (major))
    gss_release_oid_set (&tmp, mechs);
  return major;
}

/*@ gss_display_mech_attr - the name and description of a mechanism
 *   attribute
 *
 * @param minor_status (out) Receives 0, or GSS_KRB5_S_G_BUFFER_ALLOC
 *   when memory ran out.  Must not be NULL.
 * @param mech_attr (in) The attribute, one of the GSS_C_MA_* OIDs.
 * @param name (out, optional) Receives the attribute's name as the
 *   header spells it ("GSS_C_MA_MIC").  NULL when not wanted.
 * @param short_desc (out, optional) Receives its short name ("mic"), the
 *   same as MIT krb5's.  NULL when not wanted.
 * @param long_desc (out, optional) Receives a sentence saying what it
 *   means, translated when a catalogue is installed.  NULL when not
 *   wanted.
 *
 * @desc
 * Each output is released with gss_release_buffer(); on failure every
 * one is empty.
 *
 * @return GSS_S_COMPLETE: The texts are filled in.
 * @return GSS_S_BAD_MECH_ATTR: @mech_attr is not an attribute of
 *   RFC 5587.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @mech_attr is GSS_C_NO_OID.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status is NULL.
 * @return GSS_S_FAILURE: Memory ran out.
 *
 * @see gss_inquire_attrs_for_mech gss_release_buffer
 */
OM_uint32
gss_display_mech_attr (OM_uint32 *minor_status, gss_const_OID mech_attr,
		       gss_buffer_t name, gss_buffer_t short_desc,
		       gss_buffer_t long_desc)
{
  OM_uint32 major = GSS_S_COMPLETE, tmp;
  int i;

  if (name != GSS_C_NO_BUFFER)
    _gss_buffer_init (name);
  if (short_desc != GSS_C_NO_BUFFER)
    _gss_buffer_init (short_desc);
  if (long_desc != GSS_C_NO_BUFFER)
    _gss_buffer_init (long_desc);
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (mech_attr == GSS_C_NO_OID)
    return GSS_S_CALL_INACCESSIBLE_READ;
  i = ma_index (mech_attr);
  if (i < 0)
    return GSS_S_BAD_MECH_ATTR;
  if (name != GSS_C_NO_BUFFER)
    major = _gss_buffer_from_string (minor_status, ma_text[i].name, name);
  if (!GSS_ERROR (major) && short_desc != GSS_C_NO_BUFFER)
    major = _gss_buffer_from_string (minor_status, ma_text[i].short_desc,
				     short_desc);
  if (!GSS_ERROR (major) && long_desc != GSS_C_NO_BUFFER)
    major = _gss_buffer_from_string (minor_status, _(ma_text[i].long_desc),
				     long_desc);
  if (GSS_ERROR (major))
    {
      if (name != GSS_C_NO_BUFFER)
	gss_release_buffer (&tmp, name);
      if (short_desc != GSS_C_NO_BUFFER)
	gss_release_buffer (&tmp, short_desc);
    }
  return major;
}

/* cred.c - credentials: acquire, add, inquire, release. */
#include "internal.h"
#include <stdlib.h>

OM_uint32
_gss_cred_wrap (OM_uint32 *minor, const struct gss_mech *mech, void *mcred,
		gss_cred_id_t *out)
{
  struct gss_cred_id_struct *cred = calloc (1, sizeof *cred);

  if (cred == NULL)
    {
      mech->release_cred (mcred);
      *minor = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  cred->magic = GSS_MAGIC_CRED;
  cred->mech = mech;
  cred->mcred = mcred;
  *out = cred;
  return GSS_S_COMPLETE;
}

bool
_gss_cred_element (gss_const_cred_id_t cred, const struct gss_mech *mech,
		   const void **mcred)
{
  const struct gss_cred_id_struct *inner;

  *mcred = NULL;
  if (cred == GSS_C_NO_CREDENTIAL)
    return true;
  if (cred->mech == mech)
    {
      *mcred = cred->mcred;
      return true;
    }
  /* lib/mech.h: a negotiating mechanism takes another's credential as
     a handle, and lends its own inner one. */
  if (mech->negotiates)
    {
      *mcred = cred;
      return true;
    }
  if (cred->mech->negotiates)
    {
      inner = cred->mcred;
      if (inner != GSS_C_NO_CREDENTIAL && _gss_cred_ok (inner)
	  && inner->mech == mech)
	{
	  *mcred = inner->mcred;
	  return true;
	}
    }
  return false;
}

static bool
usage_ok (gss_cred_usage_t usage)
{
  return usage == GSS_C_BOTH || usage == GSS_C_INITIATE
    || usage == GSS_C_ACCEPT;
}

/* The first mechanism of DESIRED that this library offers (all of
   them, i.e. the default, for GSS_C_NO_OID_SET). */
static const struct gss_mech *
pick_mech (gss_const_OID_set desired)
{
  size_t i;

  if (desired == GSS_C_NO_OID_SET)
    return _gss_mechs[0];
  for (i = 0; i < desired->count; i++)
    {
      const struct gss_mech *mech = _gss_find_mech (&desired->elements[i]);
      if (mech)
	return mech;
    }
  return NULL;
}

/* Acquire one mechanism's credential element for NAME. */
static OM_uint32
acquire_element (OM_uint32 *minor, const struct gss_mech *mech,
		 gss_const_name_t name, OM_uint32 time_req,
		 gss_cred_usage_t usage, void **mcred, OM_uint32 *time_rec)
{
  void *mname = NULL;
  bool owned = false;
  OM_uint32 major;

  if (mech->acquire_cred == NULL)
    return GSS_S_UNAVAILABLE;
  if (name != GSS_C_NO_NAME)
    {
      major = _gss_name_to_mname (minor, name, mech, &mname, &owned);
      if (GSS_ERROR (major))
	return major;
    }
  major = mech->acquire_cred (minor, mname, time_req, usage, mcred, time_rec);
  if (owned)
    mech->release_name (mname);
  return major;
}

static OM_uint32
mech_set_of (OM_uint32 *minor, const struct gss_mech *mech, gss_OID_set *set)
{
  OM_uint32 major = gss_create_empty_oid_set (minor, set);

  if (!GSS_ERROR (major))
    major = gss_add_oid_set_member (minor, (gss_OID) mech->oid, set);
  return major;
}

/*@ gss_acquire_cred - obtain a handle to existing credentials
 *
 * @param minor_status (out) Receives the mechanism's status code: for
 *   example GSS_KRB5_S_KG_CCACHE_NOMATCH, GSS_KRB5_S_KG_TGT_MISSING or
 *   GSS_KRB5_S_KG_KEYTAB_NOMATCH, or a libkrb5 error code.  Must not be
 *   NULL.
 * @param desired_name (in, optional) The principal whose credentials
 *   are wanted, or GSS_C_NO_NAME for the default ones.
 * @param time_req (in, optional) The number of seconds the credential
 *   should remain valid.  The Kerberos 5 mechanism ignores it: tickets
 *   keep the lifetime the KDC gave them.
 * @param desired_mechs (in, optional) The mechanisms the credential is
 *   for, or GSS_C_NO_OID_SET for the default one.  The first mechanism
 *   of the set that this library offers is used: GSS_KRB5, or
 *   GSS_SPNEGO, whose credential holds a Kerberos 5 one (and serves
 *   both SPNEGO and raw Kerberos contexts).
 * @param cred_usage (in) GSS_C_INITIATE to initiate contexts,
 *   GSS_C_ACCEPT to accept them, GSS_C_BOTH for both.
 * @param output_cred_handle (out) Receives the credential, or
 *   GSS_C_NO_CREDENTIAL on failure.  Release it with gss_release_cred().
 *   Must not be NULL.
 * @param actual_mechs (out, optional) Receives the set of mechanisms
 *   the credential is for, to be released with gss_release_oid_set().
 *   NULL when not wanted.
 * @param time_rec (out, optional) Receives the number of seconds the
 *   credential remains valid: the ticket-granting ticket's remaining
 *   lifetime when it can initiate, GSS_C_INDEFINITE for an acceptor
 *   only (keytab keys do not expire); 0 on failure.  NULL when not
 *   wanted.
 *
 * @desc
 * GSS-API credentials are not created by this call, only found: a
 * Kerberos user gets tickets with kinit(1) beforehand, and a service
 * has its keys in a keytab.  The credential refers to them by name,
 * so tickets renewed later in the cache are seen.
 *
 * To initiate, the credential is the default credential cache, or,
 * when @desired_name is given, the cache of the collection whose
 * client principal matches it; the cache must hold a ticket-granting
 * ticket that has not expired.  To accept, the default keytab must hold
 * a key for a principal matching @desired_name (a host-based service
 * name may leave the host or the realm open); with GSS_C_NO_NAME any
 * key of the keytab will do.
 *
 * Passing GSS_C_NO_CREDENTIAL to gss_init_sec_context() or
 * gss_accept_sec_context() has the same effect as acquiring the
 * default credential first; acquiring it explicitly lets a program
 * check early that credentials exist, or pick a principal.
 *
 * @return GSS_S_COMPLETE: The credential handle is in
 *   @output_cred_handle.
 * @return GSS_S_NO_CRED: No credentials could be found: no credential
 *   cache, none for @desired_name, no ticket-granting ticket in it, or
 *   no keytab or no matching key in it.
 * @return GSS_S_CREDENTIALS_EXPIRED: The ticket-granting ticket has
 *   expired.
 * @return GSS_S_BAD_NAME: @desired_name is not a live name handle, or
 *   libkrb5 cannot read it as a principal.
 * @return GSS_S_BAD_NAMETYPE: @desired_name is an anonymous name or of
 *   a type the mechanism does not take.
 * @return GSS_S_BAD_MECH: No mechanism of @desired_mechs is offered by
 *   this library, or @desired_name is a mechanism name of another one.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CRED:
 *   @output_cred_handle is NULL.
 * @return GSS_S_UNAVAILABLE: The mechanism has no credentials to offer.
 * @return GSS_S_FAILURE: @cred_usage is none of the three values
 *   (GSS_KRB5_S_G_BAD_USAGE in @minor_status), libkrb5 failed, or memory
 *   ran out.
 *
 * @see gss_release_cred gss_inquire_cred gss_add_cred
 * @see gss_init_sec_context gss_accept_sec_context gss_import_name
 */
OM_uint32
gss_acquire_cred (OM_uint32 *minor_status, const gss_name_t desired_name,
		  OM_uint32 time_req, const gss_OID_set desired_mechs,
		  gss_cred_usage_t cred_usage,
		  gss_cred_id_t *output_cred_handle,
		  gss_OID_set *actual_mechs, OM_uint32 *time_rec)
{
  const struct gss_mech *mech;
  void *mcred = NULL;
  OM_uint32 major, tmp;

  if (output_cred_handle != NULL)
    *output_cred_handle = GSS_C_NO_CREDENTIAL;
  if (actual_mechs != NULL)
    *actual_mechs = GSS_C_NO_OID_SET;
  if (time_rec != NULL)
    *time_rec = 0;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (output_cred_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CRED;
  if (desired_name != GSS_C_NO_NAME && !_gss_name_ok (desired_name))
    return GSS_S_BAD_NAME;
  if (!usage_ok (cred_usage))
    {
      *minor_status = GSS_MINOR_BAD_USAGE;
      return GSS_S_FAILURE;
    }
  mech = pick_mech (desired_mechs);
  if (mech == NULL)
    return GSS_S_BAD_MECH;

  major = acquire_element (minor_status, mech, desired_name, time_req,
			   cred_usage, &mcred, time_rec);
  if (GSS_ERROR (major))
    return major;
  major = _gss_cred_wrap (minor_status, mech, mcred, output_cred_handle);
  if (!GSS_ERROR (major) && actual_mechs != NULL)
    {
      major = mech_set_of (minor_status, mech, actual_mechs);
      if (GSS_ERROR (major))
	gss_release_cred (&tmp, output_cred_handle);
    }
  if (GSS_ERROR (major) && time_rec != NULL)
    *time_rec = 0;
  return major;
}

/*@ gss_release_cred - release a credential handle
 *
 * @param minor_status (out) Receives 0.  May be NULL.
 * @param cred_handle (in/out) The credential to release; set to
 *   GSS_C_NO_CREDENTIAL once it is.  A handle holding
 *   GSS_C_NO_CREDENTIAL is accepted and nothing is done.
 *
 * @desc
 * Releases the memory of a credential from gss_acquire_cred(),
 * gss_add_cred() or gss_accept_sec_context().  The credential cache and
 * keytab it refers to are left alone, with one exception: the private
 * in-memory cache holding a delegated credential is destroyed with it.
 *
 * @return GSS_S_COMPLETE: The credential was released, or there was
 *   none.
 * @return GSS_S_NO_CRED: *@cred_handle is not a live credential handle
 *   (for example one already released).
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CRED: @cred_handle
 *   is NULL (GNU GSS's status).
 *
 * @see gss_acquire_cred gss_add_cred gss_accept_sec_context
 */
OM_uint32
gss_release_cred (OM_uint32 *minor_status, gss_cred_id_t *cred_handle)
{
  if (cred_handle != NULL && *cred_handle != GSS_C_NO_CREDENTIAL)
    {
      if (!_gss_cred_ok (*cred_handle))
	{
	  if (minor_status)
	    *minor_status = 0;
	  return GSS_S_NO_CRED;
	}
      (*cred_handle)->mech->release_cred ((*cred_handle)->mcred);
      (*cred_handle)->magic = GSS_MAGIC_DEAD;
      free (*cred_handle);
      *cred_handle = GSS_C_NO_CREDENTIAL;
    }
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  /* GNU GSS's status for the missing handle pointer. */
  if (cred_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CRED;
  return GSS_S_COMPLETE;
}

/* Inquire CRED's element, or the default initiator's when CRED is
   GSS_C_NO_CREDENTIAL (RFC 2744 section 5.21). */
static OM_uint32
inquire_element (OM_uint32 *minor, gss_const_cred_id_t cred,
		 const struct gss_mech **mech, gss_name_t *name,
		 OM_uint32 *init_life, OM_uint32 *acc_life,
		 gss_cred_usage_t *usage)
{
  void *mcred = NULL, *mname = NULL;
  bool temporary = false;
  OM_uint32 major, tmp;

  if (cred == GSS_C_NO_CREDENTIAL)
    {
      *mech = _gss_mechs[0];
      if ((*mech)->acquire_cred == NULL)
	return GSS_S_UNAVAILABLE;
      major = (*mech)->acquire_cred (minor, NULL, 0, GSS_C_INITIATE, &mcred,
				     &tmp);
      if (GSS_ERROR (major))
	return major;
      temporary = true;
    }
  else
    {
      *mech = cred->mech;
      mcred = cred->mcred;
    }
  major = (*mech)->inquire_cred (minor, mcred, name ? &mname : NULL,
				 init_life, acc_life, usage);
  if (!GSS_ERROR (major) && name != NULL && mname != NULL)
    major = _gss_name_from_mname (minor, *mech, mname, name);
  if (temporary)
    (*mech)->release_cred (mcred);
  return major;
}

static OM_uint32
lifetime_for (gss_cred_usage_t usage, OM_uint32 init_life, OM_uint32 acc_life)
{
  if (usage == GSS_C_INITIATE)
    return init_life;
  if (usage == GSS_C_ACCEPT)
    return acc_life;
  return init_life < acc_life ? init_life : acc_life;
}

/*@ gss_inquire_cred - what is known of a credential
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param cred_handle (in, optional) The credential, or
 *   GSS_C_NO_CREDENTIAL for the default initiator credential, which is
 *   then looked up as gss_acquire_cred() would.
 * @param name (out, optional) Receives the credential's principal, a
 *   mechanism name to release with gss_release_name(); GSS_C_NO_NAME
 *   for an acceptor credential acquired without a name, which accepts
 *   any key of the keytab.  NULL when not wanted.
 * @param lifetime (out, optional) Receives the number of seconds the
 *   credential remains valid: the ticket-granting ticket's lifetime for
 *   initiating, GSS_C_INDEFINITE for accepting, the smaller of the two
 *   for both; 0 once expired.  NULL when not wanted.
 * @param cred_usage (out, optional) Receives GSS_C_INITIATE,
 *   GSS_C_ACCEPT or GSS_C_BOTH.  NULL when not wanted.
 * @param mechanisms (out, optional) Receives the set of mechanisms the
 *   credential is for, to be released with gss_release_oid_set().
 *   NULL when not wanted.
 *
 * @desc
 * Every output is optional and is reset before anything else, so that
 * it holds nothing stale after a failure.  A credential whose tickets
 * have expired since it was acquired is still described, with a
 * lifetime of 0.
 *
 * @return GSS_S_COMPLETE: The outputs are filled in.
 * @return GSS_S_NO_CRED: @cred_handle is not a live credential handle,
 *   or, for GSS_C_NO_CREDENTIAL, there is no default credential cache
 *   or ticket-granting ticket.
 * @return GSS_S_CREDENTIALS_EXPIRED: For GSS_C_NO_CREDENTIAL, the
 *   default ticket-granting ticket has expired.
 * @return GSS_S_UNAVAILABLE: The mechanism cannot describe its
 *   credentials.
 * @return GSS_S_FAILURE: libkrb5 failed or memory ran out.
 *
 * @see gss_inquire_cred_by_mech gss_acquire_cred gss_release_name
 * @see gss_release_oid_set
 */
OM_uint32
gss_inquire_cred (OM_uint32 *minor_status, const gss_cred_id_t cred_handle,
		  gss_name_t *name, OM_uint32 *lifetime,
		  gss_cred_usage_t *cred_usage, gss_OID_set *mechanisms)
{
  const struct gss_mech *mech;
  OM_uint32 init_life = 0, acc_life = 0, major, tmp;
  gss_cred_usage_t usage = GSS_C_BOTH;

  if (name != NULL)
    *name = GSS_C_NO_NAME;
  if (lifetime != NULL)
    *lifetime = 0;
  if (cred_usage != NULL)
    *cred_usage = 0;
  if (mechanisms != NULL)
    *mechanisms = GSS_C_NO_OID_SET;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (cred_handle != GSS_C_NO_CREDENTIAL && !_gss_cred_ok (cred_handle))
    return GSS_S_NO_CRED;
  if (cred_handle != GSS_C_NO_CREDENTIAL
      && cred_handle->mech->inquire_cred == NULL)
    return GSS_S_UNAVAILABLE;

  major = inquire_element (minor_status, cred_handle, &mech, name,
			   &init_life, &acc_life, &usage);
  if (GSS_ERROR (major))
    return major;
  if (mechanisms != NULL)
    {
      major = mech_set_of (minor_status, mech, mechanisms);
      if (GSS_ERROR (major))
	{
	  if (name)
	    gss_release_name (&tmp, name);
	  return major;
	}
    }
  if (lifetime != NULL)
    *lifetime = lifetime_for (usage, init_life, acc_life);
  if (cred_usage != NULL)
    *cred_usage = usage;
  return GSS_S_COMPLETE;
}

/*@ gss_inquire_cred_by_mech - what is known of one mechanism's part of a
 *   credential
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param cred_handle (in, optional) The credential, or
 *   GSS_C_NO_CREDENTIAL for the default initiator credential.
 * @param mech_type (in) The mechanism asked about; it must be one this
 *   library offers (GSS_KRB5).
 * @param name (out, optional) Receives the credential's principal, a
 *   mechanism name to release with gss_release_name(), or GSS_C_NO_NAME
 *   when the credential has none.  NULL when not wanted.
 * @param initiator_lifetime (out, optional) Receives the number of
 *   seconds the credential can still initiate contexts; 0 when it is
 *   for accepting only.  NULL when not wanted.
 * @param acceptor_lifetime (out, optional) Receives the number of
 *   seconds the credential can still accept contexts (GSS_C_INDEFINITE
 *   for a keytab); 0 when it is for initiating only.  NULL when not
 *   wanted.
 * @param cred_usage (out, optional) Receives GSS_C_INITIATE,
 *   GSS_C_ACCEPT or GSS_C_BOTH.  NULL when not wanted.
 *
 * @desc
 * Like gss_inquire_cred(), for the element of the credential that
 * belongs to @mech_type, with separate lifetimes for the two usages.
 * Each credential handle of this library holds the element of exactly
 * one mechanism.
 *
 * @return GSS_S_COMPLETE: The outputs are filled in.
 * @return GSS_S_BAD_MECH: @mech_type is GSS_C_NO_OID or names no
 *   mechanism of this library.
 * @return GSS_S_NO_CRED: @cred_handle is not a live credential handle
 *   or holds no element of @mech_type, or, for GSS_C_NO_CREDENTIAL,
 *   there is no default credential cache or ticket-granting ticket.
 * @return GSS_S_CREDENTIALS_EXPIRED: For GSS_C_NO_CREDENTIAL, the
 *   default ticket-granting ticket has expired.
 * @return GSS_S_UNAVAILABLE: The mechanism cannot describe its
 *   credentials.
 * @return GSS_S_FAILURE: libkrb5 failed or memory ran out.
 *
 * @see gss_inquire_cred gss_acquire_cred
 */
OM_uint32
gss_inquire_cred_by_mech (OM_uint32 *minor_status,
			  const gss_cred_id_t cred_handle,
			  const gss_OID mech_type, gss_name_t *name,
			  OM_uint32 *initiator_lifetime,
			  OM_uint32 *acceptor_lifetime,
			  gss_cred_usage_t *cred_usage)
{
  const struct gss_mech *mech, *wanted;
  OM_uint32 init_life = 0, acc_life = 0, major;
  gss_cred_usage_t usage = GSS_C_BOTH;

  if (name != NULL)
    *name = GSS_C_NO_NAME;
  if (initiator_lifetime != NULL)
    *initiator_lifetime = 0;
  if (acceptor_lifetime != NULL)
    *acceptor_lifetime = 0;
  if (cred_usage != NULL)
    *cred_usage = 0;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (cred_handle != GSS_C_NO_CREDENTIAL && !_gss_cred_ok (cred_handle))
    return GSS_S_NO_CRED;
  if (mech_type == GSS_C_NO_OID
      || (wanted = _gss_find_mech (mech_type)) == NULL)
    return GSS_S_BAD_MECH;
  if (cred_handle != GSS_C_NO_CREDENTIAL && cred_handle->mech != wanted)
    return GSS_S_NO_CRED;
  if (wanted->inquire_cred == NULL)
    return GSS_S_UNAVAILABLE;

  major = inquire_element (minor_status, cred_handle, &mech, name,
			   &init_life, &acc_life, &usage);
  if (GSS_ERROR (major))
    return major;
  if (initiator_lifetime != NULL)
    *initiator_lifetime = usage == GSS_C_ACCEPT ? 0 : init_life;
  if (acceptor_lifetime != NULL)
    *acceptor_lifetime = usage == GSS_C_INITIATE ? 0 : acc_life;
  if (cred_usage != NULL)
    *cred_usage = usage;
  return GSS_S_COMPLETE;
}

/*@ gss_add_cred - build a credential for one more mechanism
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param input_cred_handle (in, optional) The credential to extend, or
 *   GSS_C_NO_CREDENTIAL to start from the default credential.
 * @param desired_name (in, optional) The principal whose credentials
 *   are wanted, or GSS_C_NO_NAME for the default ones.
 * @param desired_mech (in) The mechanism of the element to add; it must
 *   be one this library offers.
 * @param cred_usage (in) GSS_C_INITIATE, GSS_C_ACCEPT or GSS_C_BOTH.
 * @param initiator_time_req (in, optional) The lifetime wanted for
 *   initiating, in seconds; ignored by Kerberos 5, as in
 *   gss_acquire_cred().
 * @param acceptor_time_req (in, optional) The lifetime wanted for
 *   accepting, in seconds; ignored by Kerberos 5.
 * @param output_cred_handle (out, optional) Receives the new
 *   credential, to be released with gss_release_cred(); GSS_C_NO_CREDENTIAL
 *   on failure.  NULL asks for @input_cred_handle to be extended in
 *   place, which is refused when that is GSS_C_NO_CREDENTIAL.
 * @param actual_mechs (out, optional) Receives the set of mechanisms
 *   of the new credential, to be released with gss_release_oid_set().
 *   NULL when not wanted.
 * @param initiator_time_rec (out, optional) Receives the number of
 *   seconds the new credential can initiate (the ticket-granting
 *   ticket's lifetime); 0 when it cannot.  NULL when not wanted.
 * @param acceptor_time_rec (out, optional) Receives the number of
 *   seconds the new credential can accept: GSS_C_INDEFINITE for an
 *   acceptor only, the ticket-granting ticket's lifetime with
 *   GSS_C_BOTH; 0 when it cannot.  NULL when not wanted.
 *
 * @desc
 * RFC 2743 lets a credential hold one element per mechanism, and this
 * call adds one.  In this library each credential handle holds the
 * element of exactly one mechanism, so the call works as a
 * gss_acquire_cred() for @desired_mech: from GSS_C_NO_CREDENTIAL it
 * returns a new credential in @output_cred_handle, found as
 * gss_acquire_cred() finds it.  A credential that already has an
 * element of @desired_mech answers GSS_S_DUPLICATE_ELEMENT, and one of
 * another mechanism cannot take a second element
 * (GSS_S_UNAVAILABLE).
 *
 * @return GSS_S_COMPLETE: The new credential is in
 *   @output_cred_handle.
 * @return GSS_S_DUPLICATE_ELEMENT: @input_cred_handle already holds an
 *   element of @desired_mech.
 * @return GSS_S_UNAVAILABLE: @input_cred_handle is a credential of
 *   another mechanism, which cannot hold a second element; or the
 *   mechanism has no credentials to offer.
 * @return GSS_S_BAD_MECH: @desired_mech is GSS_C_NO_OID or names no
 *   mechanism of this library, or @desired_name is a mechanism name of
 *   another one.
 * @return GSS_S_BAD_NAME: @desired_name is not a live name handle, or
 *   libkrb5 cannot read it as a principal.
 * @return GSS_S_BAD_NAMETYPE: @desired_name is an anonymous name or of
 *   a type the mechanism does not take.
 * @return GSS_S_NO_CRED: @input_cred_handle is not a live credential
 *   handle, or no credentials could be found (see gss_acquire_cred()).
 * @return GSS_S_CREDENTIALS_EXPIRED: The ticket-granting ticket has
 *   expired.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CRED:
 *   @input_cred_handle is GSS_C_NO_CREDENTIAL and @output_cred_handle is
 *   NULL.
 * @return GSS_S_FAILURE: @cred_usage is none of the three values
 *   (GSS_KRB5_S_G_BAD_USAGE in @minor_status), libkrb5 failed, or memory
 *   ran out.
 *
 * @see gss_acquire_cred gss_release_cred gss_inquire_cred_by_mech
 */
OM_uint32
gss_add_cred (OM_uint32 *minor_status, const gss_cred_id_t input_cred_handle,
	      const gss_name_t desired_name, const gss_OID desired_mech,
	      gss_cred_usage_t cred_usage, OM_uint32 initiator_time_req,
	      OM_uint32 acceptor_time_req, gss_cred_id_t *output_cred_handle,
	      gss_OID_set *actual_mechs, OM_uint32 *initiator_time_rec,
	      OM_uint32 *acceptor_time_rec)
{
  const struct gss_mech *mech;
  void *mcred = NULL;
  OM_uint32 major, time_rec = 0, tmp;

  if (output_cred_handle != NULL)
    *output_cred_handle = GSS_C_NO_CREDENTIAL;
  if (actual_mechs != NULL)
    *actual_mechs = GSS_C_NO_OID_SET;
  if (initiator_time_rec != NULL)
    *initiator_time_rec = 0;
  if (acceptor_time_rec != NULL)
    *acceptor_time_rec = 0;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  if (input_cred_handle != GSS_C_NO_CREDENTIAL
      && !_gss_cred_ok (input_cred_handle))
    return GSS_S_NO_CRED;
  /* Adding to the default credential in place is impossible: it is no
     object the caller holds. */
  if (input_cred_handle == GSS_C_NO_CREDENTIAL && output_cred_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE | GSS_S_NO_CRED;
  if (desired_name != GSS_C_NO_NAME && !_gss_name_ok (desired_name))
    return GSS_S_BAD_NAME;
  if (!usage_ok (cred_usage))
    {
      *minor_status = GSS_MINOR_BAD_USAGE;
      return GSS_S_FAILURE;
    }
  if (desired_mech == GSS_C_NO_OID
      || (mech = _gss_find_mech (desired_mech)) == NULL)
    return GSS_S_BAD_MECH;
  /* A credential holds one element per mechanism (RFC 2743 section
     2.1.4), and each handle here holds one mechanism's. */
  if (input_cred_handle != GSS_C_NO_CREDENTIAL
      && input_cred_handle->mech == mech)
    return GSS_S_DUPLICATE_ELEMENT;
  if (input_cred_handle != GSS_C_NO_CREDENTIAL)
    return GSS_S_UNAVAILABLE;

  major = acquire_element (minor_status, mech, desired_name,
			   cred_usage == GSS_C_ACCEPT ? acceptor_time_req
			   : initiator_time_req, cred_usage, &mcred,
			   &time_rec);
  if (GSS_ERROR (major))
    return major;
  major = _gss_cred_wrap (minor_status, mech, mcred, output_cred_handle);
  if (!GSS_ERROR (major) && actual_mechs != NULL)
    {
      major = mech_set_of (minor_status, mech, actual_mechs);
      if (GSS_ERROR (major))
	{
	  gss_release_cred (&tmp, output_cred_handle);
	  return major;
	}
    }
  if (!GSS_ERROR (major))
    {
      if (initiator_time_rec != NULL && cred_usage != GSS_C_ACCEPT)
	*initiator_time_rec = time_rec;
      if (acceptor_time_rec != NULL && cred_usage != GSS_C_INITIATE)
	*acceptor_time_rec = time_rec;
    }
  return major;
}

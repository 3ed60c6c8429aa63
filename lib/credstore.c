/* credstore.c - credentials found in, and stored into, named places
   (MIT's credential store extension). */
#include "ext-internal.h"

static bool
usage_ok (gss_cred_usage_t usage)
{
  return usage == GSS_C_BOTH || usage == GSS_C_INITIATE
    || usage == GSS_C_ACCEPT;
}

/* A store is readable when absent or when each element has a key and a
   value. */
static bool
store_readable (gss_const_key_value_set_t store)
{
  OM_uint32 i;

  if (store == GSS_C_NO_CRED_STORE)
    return true;
  if (store->count > 0 && store->elements == NULL)
    return false;
  for (i = 0; i < store->count; i++)
    if (store->elements[i].key == NULL || store->elements[i].value == NULL)
      return false;
  return true;
}

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

static OM_uint32
mech_set_of (OM_uint32 *minor, const struct gss_mech *mech, gss_OID_set *set)
{
  OM_uint32 major = gss_create_empty_oid_set (minor, set);

  if (!GSS_ERROR (major))
    major = gss_add_oid_set_member (minor, (gss_OID) mech->oid, set);
  return major;
}

/* One mechanism's credential for NAME from STORE; without a store the
   mechanism's ordinary acquisition serves. */
static OM_uint32
acquire_from (OM_uint32 *minor, const struct gss_mech *mech,
	      gss_const_name_t name, OM_uint32 time_req,
	      gss_cred_usage_t usage, gss_const_key_value_set_t store,
	      void **mcred, OM_uint32 *time_rec)
{
  void *mname = NULL;
  bool owned = false;
  OM_uint32 major;

  if (mech->acquire_cred_from == NULL
      && (store != GSS_C_NO_CRED_STORE || mech->acquire_cred == NULL))
    return GSS_S_UNAVAILABLE;
  if (name != GSS_C_NO_NAME)
    {
      major = _gss_name_to_mname (minor, name, mech, &mname, &owned);
      if (GSS_ERROR (major))
	return major;
    }
  if (mech->acquire_cred_from)
    major = mech->acquire_cred_from (minor, mname, time_req, usage, store,
				     mcred, time_rec);
  else
    major = mech->acquire_cred (minor, mname, time_req, usage, mcred,
				time_rec);
  if (owned)
    mech->release_name (mname);
  return major;
}

/*@ gss_acquire_cred_from - obtain credentials from named ccaches and
 *   keytabs
 *
 * @param minor_status (out) Receives the mechanism's status code.  Must
 *   not be NULL.
 * @param desired_name (in, optional) The principal whose credentials are
 *   wanted, or GSS_C_NO_NAME.
 * @param time_req (in, optional) Ignored by Kerberos 5, as in
 *   gss_acquire_cred().
 * @param desired_mechs (in, optional) The mechanisms, or
 *   GSS_C_NO_OID_SET for the default one.
 * @param cred_usage (in) GSS_C_INITIATE, GSS_C_ACCEPT or GSS_C_BOTH.
 * @param cred_store (in, optional) Where the credentials are, as
 *   key-value pairs, or GSS_C_NO_CRED_STORE for the default places.
 * @param output_cred_handle (out) Receives the credential, to be
 *   released with gss_release_cred().  Must not be NULL.
 * @param actual_mechs (out, optional) Receives the set of the
 *   credential's mechanisms.  NULL when not wanted.
 * @param time_rec (out, optional) Receives the credential's lifetime in
 *   seconds, as gss_acquire_cred() gives it.  NULL when not wanted.
 *
 * @desc
 * Works as gss_acquire_cred(), with the credentials looked for where
 * @cred_store says instead of in the process's defaults, so that one
 * program can serve several identities (an HTTP server with one keytab
 * per virtual host, for example) without touching its environment.
 * The Kerberos 5 mechanism reads the keys of MIT krb5:
 *
 * "ccache": the credential cache to initiate with (any name libkrb5
 * takes: FILE:path, DIR:path, KEYRING:..., MEMORY:...).
 *
 * "client_keytab": a keytab holding the initiator's own keys.  The
 * cache looked at first is the "ccache" one, else, with @desired_name,
 * the cache of the default collection for that principal; when it has
 * no valid ticket-granting ticket (or there is none), one is obtained
 * from the KDC with the keytab's keys, into the "ccache" cache when one
 * is named, else into a private in-memory cache that lives as long as
 * the credential.  Without @desired_name, the keytab's first principal
 * is used.
 *
 * "keytab": the keytab to accept with.
 *
 * "rcache": the replay cache of the acceptor; "none:" turns replay
 * detection off, "dfl:" is the default one.  Other types cannot be named
 * through the public libkrb5 interface and are refused.
 *
 * Keys that no mechanism of the credential knows are ignored, as MIT
 * krb5 ignores them: a store may name places for several mechanisms.
 * A key the mechanism knows given twice answers GSS_S_DUPLICATE_ELEMENT.
 *
 * @return GSS_S_COMPLETE: The credential is in @output_cred_handle.
 * @return GSS_S_NO_CRED: No credentials were found where the store
 *   says: the cache does not exist or has no ticket-granting ticket
 *   (and no client keytab could get one), the keytab does not exist or
 *   has no matching key.
 * @return GSS_S_CREDENTIALS_EXPIRED: The ticket-granting ticket has
 *   expired.
 * @return GSS_S_DUPLICATE_ELEMENT: A key of the mechanism appears twice
 *   in @cred_store.
 * @return GSS_S_BAD_NAME: @desired_name is not a live name handle, or
 *   not a principal.
 * @return GSS_S_BAD_MECH: No mechanism of @desired_mechs is offered by
 *   this library.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @cred_store has elements
 *   without storage, or an element without a key or a value.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status or
 *   @output_cred_handle is NULL.
 * @return GSS_S_FAILURE: @cred_usage is none of the three values
 *   (GSS_KRB5_S_G_BAD_USAGE), the KDC refused the client keytab's keys,
 *   the replay cache type cannot be used, libkrb5 failed, or memory ran
 *   out.
 *
 * @see gss_acquire_cred gss_add_cred_from gss_store_cred_into
 */
OM_uint32
gss_acquire_cred_from (OM_uint32 *minor_status, gss_name_t desired_name,
		       OM_uint32 time_req, gss_OID_set desired_mechs,
		       gss_cred_usage_t cred_usage,
		       gss_const_key_value_set_t cred_store,
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
  if (minor_status != NULL)
    *minor_status = 0;
  if (minor_status == NULL || output_cred_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (!store_readable (cred_store))
    return GSS_S_CALL_INACCESSIBLE_READ;
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

  major = acquire_from (minor_status, mech, desired_name, time_req,
			cred_usage, cred_store, &mcred, time_rec);
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

/*@ gss_add_cred_from - add a credential element found through a
 *   credential store
 *
 * @param minor_status (out) Receives the mechanism's status code.  Must
 *   not be NULL.
 * @param input_cred_handle (in, optional) The credential to extend, or
 *   GSS_C_NO_CREDENTIAL.
 * @param desired_name (in, optional) The principal, or GSS_C_NO_NAME.
 * @param desired_mech (in) The mechanism of the element to add.
 * @param cred_usage (in) GSS_C_INITIATE, GSS_C_ACCEPT or GSS_C_BOTH.
 * @param initiator_time_req (in, optional) Ignored by Kerberos 5.
 * @param acceptor_time_req (in, optional) Ignored by Kerberos 5.
 * @param cred_store (in, optional) Where the credentials are, as for
 *   gss_acquire_cred_from(), or GSS_C_NO_CRED_STORE.
 * @param output_cred_handle (out) Receives the new credential, to be
 *   released with gss_release_cred().  Must not be NULL: a credential
 *   is never extended in place.
 * @param actual_mechs (out, optional) Receives the set of the new
 *   credential's mechanisms.  NULL when not wanted.
 * @param initiator_time_rec (out, optional) Receives the seconds the
 *   credential can initiate; 0 when it cannot.  NULL when not wanted.
 * @param acceptor_time_rec (out, optional) Receives the seconds it can
 *   accept; 0 when it cannot.  NULL when not wanted.
 *
 * @desc
 * As with gss_add_cred(), each credential handle of this library holds
 * the element of one mechanism, so from GSS_C_NO_CREDENTIAL this call
 * is gss_acquire_cred_from() for @desired_mech, and a credential that
 * already has an element answers GSS_S_DUPLICATE_ELEMENT (same
 * mechanism) or GSS_S_UNAVAILABLE (another one).  The store's keys are
 * those of gss_acquire_cred_from().
 *
 * @return GSS_S_COMPLETE: The new credential is in
 *   @output_cred_handle.
 * @return GSS_S_DUPLICATE_ELEMENT: @input_cred_handle already holds an
 *   element of @desired_mech, or a key appears twice in @cred_store.
 * @return GSS_S_UNAVAILABLE: @input_cred_handle is of another
 *   mechanism.
 * @return GSS_S_BAD_MECH: @desired_mech is GSS_C_NO_OID or no mechanism
 *   of this library.
 * @return GSS_S_NO_CRED: @input_cred_handle is not a live credential,
 *   or no credentials were found (see gss_acquire_cred_from()).
 * @return GSS_S_BAD_NAME: @desired_name is not a live name handle, or
 *   not a principal.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @cred_store is malformed.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status or
 *   @output_cred_handle is NULL.
 * @return GSS_S_FAILURE: @cred_usage is none of the three values,
 *   libkrb5 failed, or memory ran out.
 *
 * @see gss_acquire_cred_from gss_add_cred
 */
OM_uint32
gss_add_cred_from (OM_uint32 *minor_status, gss_cred_id_t input_cred_handle,
		   gss_name_t desired_name, gss_OID desired_mech,
		   gss_cred_usage_t cred_usage, OM_uint32 initiator_time_req,
		   OM_uint32 acceptor_time_req,
		   gss_const_key_value_set_t cred_store,
		   gss_cred_id_t *output_cred_handle,
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
  if (minor_status != NULL)
    *minor_status = 0;
  if (minor_status == NULL || output_cred_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (input_cred_handle != GSS_C_NO_CREDENTIAL
      && !_gss_cred_ok (input_cred_handle))
    return GSS_S_NO_CRED;
  if (!store_readable (cred_store))
    return GSS_S_CALL_INACCESSIBLE_READ;
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
  if (input_cred_handle != GSS_C_NO_CREDENTIAL)
    return input_cred_handle->mech == mech ? GSS_S_DUPLICATE_ELEMENT
      : GSS_S_UNAVAILABLE;

  major = acquire_from (minor_status, mech, desired_name,
			cred_usage == GSS_C_ACCEPT ? acceptor_time_req
			: initiator_time_req, cred_usage, cred_store, &mcred,
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

/*@ gss_store_cred_into - store a credential where a credential store
 *   says
 *
 * @param minor_status (out) Receives the mechanism's status code.  Must
 *   not be NULL.
 * @param input_cred_handle (in) The credential to store: typically the
 *   delegated credential from gss_accept_sec_context().
 * @param input_usage (in) GSS_C_INITIATE or GSS_C_BOTH: what to store.
 *   Kerberos 5 stores initiator credentials only; GSS_C_ACCEPT is
 *   refused.
 * @param desired_mech (in, optional) The mechanism whose element is
 *   stored, or GSS_C_NO_OID for the credential's own.
 * @param overwrite_cred (in) Non-zero to replace credentials already in
 *   the destination; zero makes an initialised destination an error.
 * @param default_cred (in) Non-zero to make the destination the
 *   primary cache of its collection (krb5_cc_switch), so that later
 *   programs of the user find it by default.
 * @param cred_store (in, optional) Where to store: the key "ccache"
 *   names the credential cache.  GSS_C_NO_CRED_STORE, or a store without
 *   "ccache", means the cache of the default collection whose client is
 *   the credential's principal, else the default cache.
 * @param elements_stored (out, optional) Receives the set of the
 *   mechanisms stored, to be released with gss_release_oid_set().  NULL
 *   when not wanted.
 * @param cred_usage_stored (out, optional) Receives GSS_C_INITIATE.
 *   NULL when not wanted.
 *
 * @desc
 * The tickets of the credential are copied into a new in-memory cache
 * that then replaces the destination at once (krb5_cc_move), so that
 * another program never reads a half-written cache.  A FILE cache
 * written so is an ordinary credential cache: klist(1) lists it, and a
 * later process initiates with it through KRB5CCNAME or
 * gss_acquire_cred_from().  Keys other than "ccache" are ignored, as by
 * MIT krb5.
 *
 * @return GSS_S_COMPLETE: The credential was stored.
 * @return GSS_S_DUPLICATE_ELEMENT: The destination already holds
 *   credentials and @overwrite_cred is zero, or "ccache" appears twice.
 * @return GSS_S_NO_CRED: @input_cred_handle is not a live credential, or
 *   cannot initiate.
 * @return GSS_S_BAD_MECH: @desired_mech is not the credential's
 *   mechanism.
 * @return GSS_S_UNAVAILABLE: The mechanism cannot store credentials.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CRED:
 *   @input_cred_handle is GSS_C_NO_CREDENTIAL.
 * @return GSS_S_CALL_INACCESSIBLE_READ: @cred_store is malformed.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status is NULL.
 * @return GSS_S_FAILURE: @input_usage is GSS_C_ACCEPT or none of the
 *   three values (GSS_KRB5_S_G_BAD_USAGE), the destination cannot be
 *   written, or memory ran out.
 *
 * @see gss_store_cred gss_acquire_cred_from gss_accept_sec_context
 */
OM_uint32
gss_store_cred_into (OM_uint32 *minor_status, gss_cred_id_t input_cred_handle,
		     gss_cred_usage_t input_usage, gss_OID desired_mech,
		     OM_uint32 overwrite_cred, OM_uint32 default_cred,
		     gss_const_key_value_set_t cred_store,
		     gss_OID_set *elements_stored,
		     gss_cred_usage_t *cred_usage_stored)
{
  const struct gss_mech *mech;
  gss_cred_usage_t stored = 0;
  OM_uint32 major;

  if (elements_stored != NULL)
    *elements_stored = GSS_C_NO_OID_SET;
  if (cred_usage_stored != NULL)
    *cred_usage_stored = 0;
  if (minor_status == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  *minor_status = 0;
  if (input_cred_handle == GSS_C_NO_CREDENTIAL)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CRED;
  if (!_gss_cred_ok (input_cred_handle))
    return GSS_S_NO_CRED;
  if (!store_readable (cred_store))
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (!usage_ok (input_usage))
    {
      *minor_status = GSS_MINOR_BAD_USAGE;
      return GSS_S_FAILURE;
    }
  mech = input_cred_handle->mech;
  if (desired_mech != GSS_C_NO_OID && !gss_oid_equal (desired_mech,
						      mech->oid))
    return GSS_S_BAD_MECH;
  if (mech->store_cred_into == NULL)
    return GSS_S_UNAVAILABLE;

  major = mech->store_cred_into (minor_status, input_cred_handle->mcred,
				 input_usage, overwrite_cred != 0,
				 default_cred != 0, cred_store, &stored);
  if (GSS_ERROR (major))
    return major;
  if (elements_stored != NULL)
    {
      major = mech_set_of (minor_status, mech, elements_stored);
      if (GSS_ERROR (major))
	return major;
    }
  if (cred_usage_stored != NULL)
    *cred_usage_stored = stored;
  return GSS_S_COMPLETE;
}

/*@ gss_store_cred - store a credential in the default places
 *
 * @param minor_status (out) Receives the mechanism's status code.  Must
 *   not be NULL.
 * @param input_cred_handle (in) The credential to store.
 * @param input_usage (in) GSS_C_INITIATE or GSS_C_BOTH.
 * @param desired_mech (in, optional) The mechanism, or GSS_C_NO_OID.
 * @param overwrite_cred (in) Non-zero to replace what is there.
 * @param default_cred (in) Non-zero to make the cache the primary one of
 *   its collection.
 * @param elements_stored (out, optional) Receives the set of the
 *   mechanisms stored.  NULL when not wanted.
 * @param cred_usage_stored (out, optional) Receives GSS_C_INITIATE.
 *   NULL when not wanted.
 *
 * @desc
 * gss_store_cred_into() with GSS_C_NO_CRED_STORE (RFC 5588): the
 * credential goes into the cache of the default collection whose client
 * is its principal, or into the default cache when no such cache
 * exists.  Unlike MIT krb5, no new cache is made in a collection: when
 * the default cache belongs to another principal, it is replaced only
 * with @overwrite_cred.
 *
 * @return GSS_S_COMPLETE: The credential was stored.
 * @return GSS_S_DUPLICATE_ELEMENT: The destination holds credentials and
 *   @overwrite_cred is zero.
 * @return GSS_S_NO_CRED: @input_cred_handle is not a live credential or
 *   cannot initiate.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CRED:
 *   @input_cred_handle is GSS_C_NO_CREDENTIAL.
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @minor_status is NULL.
 * @return GSS_S_FAILURE: @input_usage is GSS_C_ACCEPT, the cache cannot
 *   be written, or memory ran out.
 *
 * @see gss_store_cred_into
 */
OM_uint32
gss_store_cred (OM_uint32 *minor_status, const gss_cred_id_t input_cred_handle,
		gss_cred_usage_t input_usage, const gss_OID desired_mech,
		OM_uint32 overwrite_cred, OM_uint32 default_cred,
		gss_OID_set *elements_stored,
		gss_cred_usage_t *cred_usage_stored)
{
  return gss_store_cred_into (minor_status, input_cred_handle, input_usage,
			      desired_mech, overwrite_cred, default_cred,
			      GSS_C_NO_CRED_STORE, elements_stored,
			      cred_usage_stored);
}

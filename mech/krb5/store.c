/* store.c - credentials in the places a credential store names: MIT's
   keys ccache, client_keytab, keytab and rcache. */
#include "ext.h"
#include <stdlib.h>
#include <string.h>

#define NOMEM KG_NOMEM

struct store_keys
{
  const char *ccache, *client_keytab, *keytab, *rcache;
};

/* Reads the keys this mechanism knows; others are for other
   mechanisms and ignored, as MIT's krb5 mechanism ignores them.  A
   known key twice is ambiguous. */
static OM_uint32
read_store (gss_const_key_value_set_t store, struct store_keys *k)
{
  static const char *const names[] =
    { "ccache", "client_keytab", "keytab", "rcache" };
  const char **slots[] =
    { &k->ccache, &k->client_keytab, &k->keytab, &k->rcache };
  OM_uint32 i;
  size_t j;

  memset (k, 0, sizeof *k);
  for (i = 0; store != GSS_C_NO_CRED_STORE && i < store->count; i++)
    for (j = 0; j < sizeof names / sizeof names[0]; j++)
      if (strcmp (store->elements[i].key, names[j]) == 0)
	{
	  if (*slots[j] != NULL)
	    return GSS_S_DUPLICATE_ELEMENT;
	  *slots[j] = store->elements[i].value;
	}
  return GSS_S_COMPLETE;
}

bool
krb5_gss_rcache_none (const char *rcache)
{
  return rcache != NULL
    && (strcmp (rcache, "none:") == 0 || strcmp (rcache, "none") == 0);
}

/* Only the default replay cache and none can be named through the
   public interface of libkrb5. */
static bool
rcache_usable (const char *rcache)
{
  return krb5_gss_rcache_none (rcache) || strcmp (rcache, "dfl:") == 0
    || strcmp (rcache, "dfl") == 0;
}

/* Whether the keytab NAME holds a key for a principal matching DESIRED
   (any key when DESIRED is NULL); its full name in *FULL. */
static OM_uint32
check_keytab (OM_uint32 *minor, krb5_context kctx, const char *name,
	      krb5_const_principal desired, char **full)
{
  krb5_keytab kt = NULL;
  krb5_kt_cursor cursor;
  krb5_keytab_entry entry;
  krb5_error_code code;
  char buf[1024];
  bool found = false;
  OM_uint32 major;

  code = krb5_kt_resolve (kctx, name, &kt);
  if (!code)
    code = krb5_kt_start_seq_get (kctx, kt, &cursor);
  /* A keytab file that does not exist gives errno's ENOENT, which this
     mechanism's numbering would read as one of RFC 1964's codes. */
  if (code && !krb5_gss_nomem (code) && code > 0 && code < 256)
    code = KRB5_KT_NOTFOUND;
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_NO_CRED);
      goto cleanup;
    }
  while (!found && (code = krb5_kt_next_entry (kctx, kt, &entry,
					       &cursor)) == 0)
    {
      found = desired == NULL
	|| krb5_sname_match (kctx, desired, entry.principal);
      krb5_free_keytab_entry_contents (kctx, &entry);
    }
  krb5_kt_end_seq_get (kctx, kt, &cursor);
  /* A keytab that cannot be read to its end may still hold the key. */
  if (!found && krb5_gss_nomem (code))
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
      goto cleanup;
    }
  if (!found)
    {
      *minor = GSS_KRB5_S_KG_KEYTAB_NOMATCH;
      major = GSS_S_NO_CRED;
      goto cleanup;
    }
  code = krb5_kt_get_name (kctx, kt, buf, sizeof buf);
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
      goto cleanup;
    }
  *full = strdup (buf);
  if (*full == NULL)
    {
      *minor = NOMEM;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  major = GSS_S_COMPLETE;

cleanup:
  if (kt)
    krb5_kt_close (kctx, kt);
  return major;
}

/* A TGT for CLIENT (or the keytab's first principal) from the keys of
   CLIENT_KEYTAB, into CC. */
static krb5_error_code
tgt_from_keytab (krb5_context kctx, const char *client_keytab,
		 krb5_const_principal client, krb5_ccache cc)
{
  krb5_keytab kt = NULL;
  krb5_kt_cursor cursor;
  krb5_keytab_entry entry;
  krb5_principal princ = NULL;
  krb5_get_init_creds_opt *opt = NULL;
  krb5_creds creds;
  krb5_error_code code;

  memset (&creds, 0, sizeof creds);
  code = krb5_kt_resolve (kctx, client_keytab, &kt);
  if (code)
    goto cleanup;
  if (client)
    code = krb5_copy_principal (kctx, client, &princ);
  else
    {
      code = krb5_kt_start_seq_get (kctx, kt, &cursor);
      if (code)
	goto cleanup;
      code = krb5_kt_next_entry (kctx, kt, &entry, &cursor);
      if (!code)
	{
	  code = krb5_copy_principal (kctx, entry.principal, &princ);
	  krb5_free_keytab_entry_contents (kctx, &entry);
	}
      krb5_kt_end_seq_get (kctx, kt, &cursor);
      if (code == KRB5_KT_END)
	code = KRB5_KT_NOTFOUND;
    }
  if (!code)
    code = krb5_get_init_creds_opt_alloc (kctx, &opt);
  if (!code)
    code = krb5_cc_initialize (kctx, cc, princ);
  if (!code)
    code = krb5_get_init_creds_opt_set_out_ccache (kctx, opt, cc);
  if (!code)
    code = krb5_get_init_creds_keytab (kctx, &creds, princ, kt, 0, NULL,
				       opt);

cleanup:
  krb5_free_cred_contents (kctx, &creds);
  krb5_get_init_creds_opt_free (kctx, opt);
  krb5_free_principal (kctx, princ);
  if (kt)
    krb5_kt_close (kctx, kt);
  return code;
}

/* The initiator part from the store: its ccache (else the default
   one), with a TGT fetched by the client keytab when there is none. */
static OM_uint32
initiator_from (OM_uint32 *minor, krb5_context kctx,
		const struct krb5_gss_name *desired,
		const struct store_keys *k, struct krb5_gss_cred **out)
{
  krb5_principal princ = NULL, client = NULL;
  krb5_ccache cc = NULL;
  krb5_error_code code;
  bool owned = false;
  OM_uint32 major;

  *out = NULL;
  if (desired)
    {
      major = krb5_gss_name_parse (minor, kctx, desired, &princ);
      if (major)
	return major;
    }
  if (k->ccache == NULL && k->client_keytab == NULL)
    {
      krb5_free_principal (kctx, princ);
      return krb5_gss_acquire_cred_with (minor, kctx, desired,
					 GSS_C_INITIATE, out, NULL);
    }
  if (k->ccache)
    code = krb5_cc_resolve (kctx, k->ccache, &cc);
  else if (princ)
    {
      code = krb5_cc_cache_match (kctx, princ, &cc);
      if (code == KRB5_CC_NOTFOUND)
	code = 0, cc = NULL;
    }
  else
    code = 0;
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_NO_CRED);
      goto cleanup;
    }
  /* The cache's client must be the desired principal. */
  if (cc && princ && krb5_cc_get_principal (kctx, cc, &client) == 0
      && !krb5_principal_compare (kctx, client, princ))
    {
      *minor = GSS_KRB5_S_KG_CCACHE_NOMATCH;
      major = GSS_S_NO_CRED;
      goto cleanup;
    }
  major = cc ? krb5_gss_cred_from_ccache (minor, kctx, cc, false, out)
    : GSS_S_NO_CRED;
  if (major == GSS_S_COMPLETE
      && krb5_gss_lifetime (kctx, (*out)->endtime) == 0)
    {
      krb5_gss_release_cred (*out);
      *out = NULL;
      *minor = (OM_uint32) KRB5KRB_AP_ERR_TKT_EXPIRED;
      major = GSS_S_CREDENTIALS_EXPIRED;
    }
  if (major == GSS_S_COMPLETE || k->client_keytab == NULL)
    goto cleanup;

  /* No usable TGT: ask the KDC with the client keytab's keys. */
  if (cc == NULL)
    {
      code = krb5_cc_new_unique (kctx, "MEMORY", NULL, &cc);
      if (code)
	{
	  major = krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
	  goto cleanup;
	}
      owned = true;
    }
  code = tgt_from_keytab (kctx, k->client_keytab, princ, cc);
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
      goto cleanup;
    }
  major = krb5_gss_cred_from_ccache (minor, kctx, cc, owned, out);
  if (major == GSS_S_COMPLETE)
    owned = false;		/* the credential destroys it now */

cleanup:
  if (cc && owned)
    krb5_cc_destroy (kctx, cc);
  else if (cc)
    krb5_cc_close (kctx, cc);
  krb5_free_principal (kctx, client);
  krb5_free_principal (kctx, princ);
  return major;
}

OM_uint32
krb5_gss_acquire_cred_from (OM_uint32 *minor, const void *desired_mname,
			    OM_uint32 time_req, gss_cred_usage_t usage,
			    gss_const_key_value_set_t store, void **mcred,
			    OM_uint32 *time_rec)
{
  const struct krb5_gss_name *desired = desired_mname;
  struct krb5_gss_cred *cred = NULL;
  struct store_keys k;
  krb5_principal princ = NULL;
  krb5_context kctx;
  OM_uint32 major, lifetime = GSS_C_INDEFINITE;

  (void) time_req;		/* tickets have the lifetime the KDC gave */
  major = read_store (store, &k);
  if (major)
    return major;
  if (k.rcache && !rcache_usable (k.rcache))
    {
      *minor = (OM_uint32) KRB5_RC_TYPE_NOTFOUND;
      return GSS_S_FAILURE;
    }
  major = krb5_gss_context (minor, &kctx);
  if (major)
    return major;

  if (usage != GSS_C_ACCEPT)
    {
      major = initiator_from (minor, kctx, desired, &k, &cred);
      if (major)
	goto cleanup;
      lifetime = krb5_gss_lifetime (kctx, cred->endtime);
    }
  else
    {
      cred = calloc (1, sizeof *cred);
      if (cred == NULL
	  || (desired && krb5_gss_duplicate_name (minor, desired,
						  (void **) &cred->name)))
	{
	  *minor = NOMEM;
	  major = GSS_S_FAILURE;
	  goto cleanup;
	}
    }
  cred->usage = usage;
  if (usage != GSS_C_INITIATE)
    {
      if (k.keytab == NULL)
	{
	  struct krb5_gss_cred *acceptor = NULL;
	  OM_uint32 ignored;

	  major = krb5_gss_acquire_cred_with (minor, kctx, desired,
					      GSS_C_ACCEPT, &acceptor,
					      &ignored);
	  if (major)
	    goto cleanup;
	  cred->keytab = acceptor->keytab;
	  acceptor->keytab = NULL;
	  krb5_gss_release_cred (acceptor);
	}
      else
	{
	  if (desired)
	    {
	      major = krb5_gss_name_parse (minor, kctx, desired, &princ);
	      if (major)
		goto cleanup;
	    }
	  major = check_keytab (minor, kctx, k.keytab, princ, &cred->keytab);
	  if (major)
	    goto cleanup;
	}
      if (k.rcache && (cred->rcache = strdup (k.rcache)) == NULL)
	{
	  *minor = NOMEM;
	  major = GSS_S_FAILURE;
	  goto cleanup;
	}
    }
  *mcred = cred;
  cred = NULL;
  if (time_rec)
    *time_rec = lifetime;
  /* A cache without a TGT that the client keytab then filled left its
     status behind. */
  *minor = 0;
  major = GSS_S_COMPLETE;

cleanup:
  krb5_gss_release_cred (cred);
  krb5_free_principal (kctx, princ);
  krb5_free_context (kctx);
  return major;
}

/* The destination of a store without "ccache": the cache of the
   collection for CLIENT, else the default cache. */
static krb5_error_code
default_destination (krb5_context kctx, krb5_principal client,
		     krb5_ccache *dest)
{
  krb5_error_code code = krb5_cc_cache_match (kctx, client, dest);

  if (code == KRB5_CC_NOTFOUND)
    code = krb5_cc_default (kctx, dest);
  return code;
}

OM_uint32
krb5_gss_store_cred_into (OM_uint32 *minor, const void *mcred,
			  gss_cred_usage_t usage, int overwrite,
			  int default_cred, gss_const_key_value_set_t store,
			  gss_cred_usage_t *usage_stored)
{
  const struct krb5_gss_cred *cred = mcred;
  struct store_keys k;
  krb5_context kctx;
  krb5_ccache src = NULL, dest = NULL, tmp = NULL;
  krb5_principal client = NULL, existing = NULL;
  krb5_error_code code;
  OM_uint32 major;

  /* Keys live in keytabs, which are not the GSS-API's to write. */
  if (usage == GSS_C_ACCEPT)
    {
      *minor = GSS_KRB5_S_G_BAD_USAGE;
      return GSS_S_FAILURE;
    }
  if (cred->usage == GSS_C_ACCEPT || cred->ccache == NULL)
    {
      *minor = GSS_KRB5_S_G_BAD_USAGE;
      return GSS_S_NO_CRED;
    }
  major = read_store (store, &k);
  if (major)
    return major;
  major = krb5_gss_context (minor, &kctx);
  if (major)
    return major;

  code = krb5_cc_resolve (kctx, cred->ccache, &src);
  if (!code)
    code = krb5_cc_get_principal (kctx, src, &client);
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_NO_CRED);
      goto cleanup;
    }
  code = k.ccache ? krb5_cc_resolve (kctx, k.ccache, &dest)
    : default_destination (kctx, client, &dest);
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
      goto cleanup;
    }
  /* An initialised cache holds somebody's credentials. */
  if (!overwrite && krb5_cc_get_principal (kctx, dest, &existing) == 0)
    {
      major = GSS_S_DUPLICATE_ELEMENT;
      goto cleanup;
    }
  /* Filled aside, then moved in at once: a reader of DEST never sees
     a half-written cache. */
  code = krb5_cc_new_unique (kctx, "MEMORY", NULL, &tmp);
  if (!code)
    code = krb5_cc_initialize (kctx, tmp, client);
  if (!code)
    code = krb5_cc_copy_creds (kctx, src, tmp);
  if (!code)
    {
      code = krb5_cc_move (kctx, tmp, dest);
      if (!code)
	tmp = NULL;		/* krb5_cc_move destroyed it */
    }
  if (!code && default_cred)
    code = krb5_cc_switch (kctx, dest);
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
      goto cleanup;
    }
  *usage_stored = GSS_C_INITIATE;
  major = GSS_S_COMPLETE;

cleanup:
  if (tmp)
    krb5_cc_destroy (kctx, tmp);
  if (dest)
    krb5_cc_close (kctx, dest);
  if (src)
    krb5_cc_close (kctx, src);
  krb5_free_principal (kctx, existing);
  krb5_free_principal (kctx, client);
  krb5_free_context (kctx);
  return major;
}

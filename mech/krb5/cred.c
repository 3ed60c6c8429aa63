/* cred.c - Kerberos credentials: a ccache to initiate with, a keytab to
   accept with (RFC 2743 section 2.1, RFC 4121 section 2). */
#include "k5.h"
#include <stdlib.h>
#include <string.h>

#define NOMEM KG_NOMEM

void
krb5_gss_release_cred (void *mcred)
{
  struct krb5_gss_cred *cred = mcred;
  krb5_context kctx;
  krb5_ccache cc;

  if (cred == NULL)
    return;
  if (cred->destroy_ccache && cred->ccache
      && krb5_init_context (&kctx) == 0)
    {
      if (krb5_cc_resolve (kctx, cred->ccache, &cc) == 0)
	krb5_cc_destroy (kctx, cc);
      krb5_free_context (kctx);
    }
  krb5_gss_release_name (cred->name);
  free (cred->ccache);
  free (cred->keytab);
  free (cred->rcache);
  free (cred);
}

OM_uint32
krb5_gss_lifetime (krb5_context kctx, krb5_timestamp endtime)
{
  krb5_timestamp now;

  if (krb5_timeofday (kctx, &now) != 0)
    return 0;
  /* Kerberos times are unsigned 32-bit seconds that may wrap (2038). */
  return (int32_t) ((uint32_t) endtime - (uint32_t) now) > 0
    ? (uint32_t) endtime - (uint32_t) now : 0;
}

/* The end time of the TGT for the client's realm in CC in *END, 0 when
   there is none; an error when the cache cannot be read (a cache that
   does not exist has no TGT). */
static krb5_error_code
tgt_endtime (krb5_context kctx, krb5_ccache cc, krb5_const_principal client,
	     krb5_timestamp *end)
{
  krb5_cc_cursor cursor;
  krb5_creds creds;
  krb5_error_code code;

  *end = 0;
  code = krb5_cc_start_seq_get (kctx, cc, &cursor);
  if (code)
    return krb5_gss_nomem (code) ? code : 0;
  while ((code = krb5_cc_next_cred (kctx, cc, &cursor, &creds)) == 0)
    {
      const krb5_principal s = creds.server;
      if (s->length == 2 && s->data[0].length == 6
	  && memcmp (s->data[0].data, "krbtgt", 6) == 0
	  && s->data[1].length == client->realm.length
	  && memcmp (s->data[1].data, client->realm.data,
		     client->realm.length) == 0
	  && krb5_realm_compare (kctx, s, client))
	*end = creds.times.endtime;
      krb5_free_cred_contents (kctx, &creds);
    }
  krb5_cc_end_seq_get (kctx, cc, &cursor);
  return code == KRB5_CC_END || !krb5_gss_nomem (code) ? 0 : code;
}

OM_uint32
krb5_gss_cred_from_ccache (OM_uint32 *minor, krb5_context kctx,
			   krb5_ccache cc, bool owned,
			   struct krb5_gss_cred **out)
{
  struct krb5_gss_cred *cred;
  krb5_principal client = NULL;
  krb5_error_code code;
  char *full = NULL;
  OM_uint32 major;

  *out = NULL;
  code = krb5_cc_get_principal (kctx, cc, &client);
  if (code)
    return krb5_gss_fail_as (minor, code, GSS_S_NO_CRED);
  cred = calloc (1, sizeof *cred);
  if (cred == NULL)
    {
      *minor = NOMEM;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  cred->usage = GSS_C_INITIATE;
  cred->destroy_ccache = owned;
  code = tgt_endtime (kctx, cc, client, &cred->endtime);
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
      goto cleanup;
    }
  if (cred->endtime == 0)
    {
      *minor = GSS_KRB5_S_KG_TGT_MISSING;
      major = GSS_S_NO_CRED;
      goto cleanup;
    }
  code = krb5_cc_get_full_name (kctx, cc, &full);
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
      goto cleanup;
    }
  cred->ccache = strdup (full);
  if (cred->ccache == NULL)
    {
      *minor = NOMEM;
      major = GSS_S_FAILURE;
      goto cleanup;
    }
  major = krb5_gss_name_new (minor, kctx, client, &cred->name);
  if (major)
    goto cleanup;
  *out = cred;
  cred = NULL;

cleanup:
  if (cred)
    {
      cred->destroy_ccache = false;
      krb5_gss_release_cred (cred);
    }
  krb5_free_string (kctx, full);
  krb5_free_principal (kctx, client);
  return major;
}

/* The initiator part: the default ccache, or the one in the collection
   whose client is DESIRED. */
static OM_uint32
acquire_initiator (OM_uint32 *minor, krb5_context kctx,
		   const struct krb5_gss_name *desired,
		   struct krb5_gss_cred **out, OM_uint32 *time_rec)
{
  krb5_principal princ = NULL;
  krb5_ccache cc = NULL;
  krb5_error_code code;
  OM_uint32 major;

  if (desired)
    {
      major = krb5_gss_name_parse (minor, kctx, desired, &princ);
      if (major)
	return major;
      code = krb5_cc_cache_match (kctx, princ, &cc);
      krb5_free_principal (kctx, princ);
      if (code == KRB5_CC_NOTFOUND)
	{
	  *minor = GSS_KRB5_S_KG_CCACHE_NOMATCH;
	  return GSS_S_NO_CRED;
	}
      if (code)
	return krb5_gss_fail_as (minor, code, GSS_S_NO_CRED);
    }
  else
    {
      code = krb5_cc_default (kctx, &cc);
      if (code)
	return krb5_gss_fail_as (minor, code, GSS_S_NO_CRED);
    }
  major = krb5_gss_cred_from_ccache (minor, kctx, cc, false, out);
  krb5_cc_close (kctx, cc);
  if (major)
    return major;
  *time_rec = krb5_gss_lifetime (kctx, (*out)->endtime);
  if (*time_rec == 0)
    {
      krb5_gss_release_cred (*out);
      *out = NULL;
      *minor = (OM_uint32) KRB5KRB_AP_ERR_TKT_EXPIRED;
      return GSS_S_CREDENTIALS_EXPIRED;
    }
  return GSS_S_COMPLETE;
}

/* Whether KT holds a key for a principal matching DESIRED (host-based
   names may leave the realm or the host open: krb5_sname_match). */
static krb5_error_code
keytab_has (krb5_context kctx, krb5_keytab kt, krb5_const_principal desired)
{
  krb5_kt_cursor cursor;
  krb5_keytab_entry entry;
  krb5_error_code code;
  bool found = false;

  code = krb5_kt_start_seq_get (kctx, kt, &cursor);
  if (code)
    return code;
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
    return code;
  return found ? 0 : KRB5_KT_NOTFOUND;
}

static OM_uint32
acquire_acceptor (OM_uint32 *minor, krb5_context kctx,
		  const struct krb5_gss_name *desired, char **keytab_name)
{
  krb5_principal princ = NULL;
  krb5_keytab kt = NULL;
  krb5_error_code code;
  char name[1024];
  OM_uint32 major = GSS_S_COMPLETE;

  if (desired)
    {
      major = krb5_gss_name_parse (minor, kctx, desired, &princ);
      if (major)
	return major;
    }
  code = krb5_kt_default (kctx, &kt);
  if (!code)
    code = keytab_has (kctx, kt, princ);
  if (!code)
    code = krb5_kt_get_name (kctx, kt, name, sizeof name);
  if (code == KRB5_KT_NOTFOUND)
    {
      *minor = GSS_KRB5_S_KG_KEYTAB_NOMATCH;
      major = GSS_S_NO_CRED;
    }
  else if (code)
    major = krb5_gss_fail_as (minor, code, GSS_S_NO_CRED);
  else if ((*keytab_name = strdup (name)) == NULL)
    {
      *minor = NOMEM;
      major = GSS_S_FAILURE;
    }
  if (kt)
    krb5_kt_close (kctx, kt);
  krb5_free_principal (kctx, princ);
  return major;
}

OM_uint32
krb5_gss_acquire_cred_with (OM_uint32 *minor, krb5_context kctx,
			    const struct krb5_gss_name *desired,
			    gss_cred_usage_t usage,
			    struct krb5_gss_cred **out, OM_uint32 *time_rec)
{
  struct krb5_gss_cred *cred = NULL;
  OM_uint32 major, lifetime = GSS_C_INDEFINITE;

  *out = NULL;
  if (usage == GSS_C_INITIATE || usage == GSS_C_BOTH)
    {
      major = acquire_initiator (minor, kctx, desired, &cred, &lifetime);
      if (major)
	goto cleanup;
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
  cred->default_identity = desired == NULL && usage != GSS_C_ACCEPT;
  if (usage == GSS_C_ACCEPT || usage == GSS_C_BOTH)
    {
      major = acquire_acceptor (minor, kctx, desired, &cred->keytab);
      if (major)
	goto cleanup;
    }
  *out = cred;
  cred = NULL;
  if (time_rec)
    *time_rec = lifetime;
  major = GSS_S_COMPLETE;

cleanup:
  krb5_gss_release_cred (cred);
  return major;
}

OM_uint32
krb5_gss_acquire_cred (OM_uint32 *minor, const void *desired_mname,
		       OM_uint32 time_req, gss_cred_usage_t usage,
		       void **mcred, OM_uint32 *time_rec)
{
  krb5_context kctx;
  OM_uint32 major;

  (void) time_req;		/* tickets have the lifetime the KDC gave */
  major = krb5_gss_context (minor, &kctx);
  if (major)
    return major;
  major = krb5_gss_acquire_cred_with (minor, kctx, desired_mname, usage,
				      (struct krb5_gss_cred **) mcred,
				      time_rec);
  krb5_free_context (kctx);
  return major;
}

OM_uint32
krb5_gss_inquire_cred (OM_uint32 *minor, const void *mcred, void **mname,
		       OM_uint32 *initiator_lifetime,
		       OM_uint32 *acceptor_lifetime, gss_cred_usage_t *usage)
{
  const struct krb5_gss_cred *cred = mcred;
  krb5_context kctx;
  OM_uint32 major;

  if (mname && cred->name)
    {
      major = krb5_gss_duplicate_name (minor, cred->name, mname);
      if (major)
	return major;
    }
  if (initiator_lifetime && cred->usage != GSS_C_ACCEPT)
    {
      major = krb5_gss_context (minor, &kctx);
      if (major)
	{
	  if (mname && *mname)
	    krb5_gss_release_name (*mname);
	  return major;
	}
      *initiator_lifetime = krb5_gss_lifetime (kctx, cred->endtime);
      krb5_free_context (kctx);
    }
  if (acceptor_lifetime && cred->usage != GSS_C_INITIATE)
    *acceptor_lifetime = GSS_C_INDEFINITE;
  if (usage)
    *usage = cred->usage;
  return GSS_S_COMPLETE;
}

/* password.c - a ticket-granting ticket from a password, kept in a
   MEMORY ccache that belongs to the credential. */
#include "ext.h"
#include <stdlib.h>
#include <string.h>

/* The AS exchange for PRINC with PASSWORD (NUL-terminated), into a new
   MEMORY ccache in *CC. */
static krb5_error_code
get_tgt (krb5_context kctx, krb5_principal princ, char *password,
	 krb5_ccache *cc)
{
  krb5_get_init_creds_opt *opt = NULL;
  krb5_creds creds;
  krb5_error_code code;

  *cc = NULL;
  memset (&creds, 0, sizeof creds);
  code = krb5_get_init_creds_opt_alloc (kctx, &opt);
  if (code)
    goto cleanup;
  code = krb5_cc_new_unique (kctx, "MEMORY", NULL, cc);
  if (code)
    goto cleanup;
  code = krb5_cc_initialize (kctx, *cc, princ);
  if (!code)
    code = krb5_get_init_creds_opt_set_out_ccache (kctx, opt, *cc);
  /* No prompter: a password that does not do is an error, never a
     question on the terminal. */
  if (!code)
    code = krb5_get_init_creds_password (kctx, &creds, princ, password,
					 NULL, NULL, 0, NULL, opt);
  if (code)
    {
      krb5_cc_destroy (kctx, *cc);
      *cc = NULL;
    }

cleanup:
  krb5_free_cred_contents (kctx, &creds);
  krb5_get_init_creds_opt_free (kctx, opt);
  return code;
}

/* The initiator part: the password's TGT, in a ccache CRED owns. */
static OM_uint32
initiator_from_password (OM_uint32 *minor, krb5_context kctx,
			 const struct krb5_gss_name *desired,
			 const gss_buffer_t password,
			 struct krb5_gss_cred **out, OM_uint32 *time_rec)
{
  krb5_principal princ = NULL;
  krb5_ccache cc = NULL;
  krb5_error_code code;
  char *pw = NULL;
  OM_uint32 major;

  *out = NULL;
  /* libkrb5 takes a C string: a NUL inside would cut the password
     short without a word, and an empty one would make it prompt. */
  if (password->length == 0
      || memchr (password->value, '\0', password->length) != NULL)
    {
      *minor = (OM_uint32) KRB5_LIBOS_CANTREADPWD;
      return GSS_S_FAILURE;
    }
  pw = malloc (password->length + 1);
  if (pw == NULL)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  memcpy (pw, password->value, password->length);
  pw[password->length] = '\0';
  major = krb5_gss_name_parse (minor, kctx, desired, &princ);
  if (major)
    goto cleanup;
  code = get_tgt (kctx, princ, pw, &cc);
  if (code)
    {
      /* The KDC's refusal (or no KDC at all) is the minor status,
         whose text names the reason. */
      major = krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
      goto cleanup;
    }
  major = krb5_gss_cred_from_ccache (minor, kctx, cc, true, out);
  if (major)
    {
      krb5_cc_destroy (kctx, cc);
      goto cleanup;
    }
  krb5_cc_close (kctx, cc);
  *time_rec = krb5_gss_lifetime (kctx, (*out)->endtime);

cleanup:
  explicit_bzero (pw, password->length);
  free (pw);
  krb5_free_principal (kctx, princ);
  return major;
}

OM_uint32
krb5_gss_acquire_cred_with_password (OM_uint32 *minor,
				     const void *desired_mname,
				     const gss_buffer_t password,
				     OM_uint32 time_req,
				     gss_cred_usage_t usage, void **mcred,
				     OM_uint32 *time_rec)
{
  struct krb5_gss_cred *cred = NULL, *acceptor = NULL;
  krb5_context kctx;
  OM_uint32 major, lifetime = GSS_C_INDEFINITE;

  (void) time_req;		/* tickets have the lifetime the KDC gave */
  major = krb5_gss_context (minor, &kctx);
  if (major)
    return major;
  if (usage == GSS_C_ACCEPT)
    {
      major = krb5_gss_acquire_cred_with (minor, kctx, desired_mname,
					  GSS_C_ACCEPT, &cred, &lifetime);
      goto done;
    }
  major = initiator_from_password (minor, kctx, desired_mname, password,
				   &cred, &lifetime);
  if (major)
    goto done;
  cred->usage = usage;
  if (usage == GSS_C_BOTH)
    {
      OM_uint32 ignored;

      major = krb5_gss_acquire_cred_with (minor, kctx, desired_mname,
					  GSS_C_ACCEPT, &acceptor, &ignored);
      if (major)
	goto done;
      cred->keytab = acceptor->keytab;
      acceptor->keytab = NULL;
    }

done:
  krb5_gss_release_cred (acceptor);
  if (major)
    {
      krb5_gss_release_cred (cred);
      cred = NULL;
    }
  else
    {
      *mcred = cred;
      if (time_rec)
	*time_rec = lifetime;
    }
  krb5_free_context (kctx);
  return major;
}

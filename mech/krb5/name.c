/* name.c - Kerberos principal names for the GSS-API name types
   (RFC 1964 section 2.1, RFC 2743 section 4). */
#include "k5.h"
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

OM_uint32
krb5_gss_name_new (OM_uint32 *minor, krb5_context ctx,
		   krb5_const_principal princ, struct krb5_gss_name **out)
{
  struct krb5_gss_name *name;
  krb5_error_code code;
  char *text;

  code = krb5_unparse_name (ctx, princ, &text);
  if (code)
    return krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
  name = malloc (sizeof *name);
  if (name == NULL)
    {
      krb5_free_unparsed_name (ctx, text);
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  /* Keep a copy owned by the C allocator, so releasing a name needs no
     library context. */
  name->principal = strdup (text);
  name->type = princ->type;
  krb5_free_unparsed_name (ctx, text);
  if (name->principal == NULL)
    {
      free (name);
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  *out = name;
  return GSS_S_COMPLETE;
}

OM_uint32
krb5_gss_name_parse (OM_uint32 *minor, krb5_context ctx,
		     const struct krb5_gss_name *name, krb5_principal *princ)
{
  krb5_error_code code = krb5_parse_name (ctx, name->principal, princ);

  if (code)
    return krb5_gss_fail_as (minor, code, GSS_S_BAD_NAME);
  (*princ)->type = name->type;
  return GSS_S_COMPLETE;
}

/* The text of VALUE as a C string in *OUT; a value holding a NUL octet
   is no name (no principal or host name can hold one). */
static OM_uint32
value_string (OM_uint32 *minor, const gss_buffer_t value, char **out)
{
  char *s;

  if (value->length && memchr (value->value, '\0', value->length))
    {
      *minor = (OM_uint32) KRB5_PARSE_MALFORMED;
      return GSS_S_BAD_NAME;
    }
  s = malloc (value->length + 1);
  if (s == NULL)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  if (value->length)
    memcpy (s, value->value, value->length);
  s[value->length] = '\0';
  *out = s;
  return GSS_S_COMPLETE;
}

/* The login name of UID, as the UID name types map it (RFC 2743
   section 4.3 and 4.4: the local user with that identifier). */
static OM_uint32
user_of_uid (OM_uint32 *minor, uid_t uid, char **user)
{
  struct passwd pw, *found = NULL;
  char buf[4096];
  int err;

  err = getpwuid_r (uid, &pw, buf, sizeof buf, &found);
  if (err == ENOMEM)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  if (err != 0 || found == NULL)
    {
      *minor = GSS_KRB5_S_G_NOUSER;
      return GSS_S_BAD_NAME;
    }
  *user = strdup (pw.pw_name);
  if (*user == NULL)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  return GSS_S_COMPLETE;
}

static OM_uint32
parse_uid_string (OM_uint32 *minor, const char *text, uid_t *uid)
{
  char *end;
  unsigned long v;

  errno = 0;
  v = strtoul (text, &end, 10);
  if (*text < '0' || *text > '9' || *end != '\0' || errno
      || v != (unsigned long) (uid_t) v)
    {
      *minor = GSS_KRB5_S_G_BAD_STRING_UID;
      return GSS_S_BAD_NAME;
    }
  *uid = (uid_t) v;
  return GSS_S_COMPLETE;
}

/* service@host, or service alone for this host (RFC 2743 section 4.1);
   libkrb5 turns host into the service principal's instance and realm. */
static krb5_error_code
parse_host_based (krb5_context ctx, char *text, krb5_principal *princ)
{
  char *at = strrchr (text, '@');
  const char *host = NULL;

  if (at)
    {
      *at = '\0';
      host = at + 1;
      if (*host == '\0')
	return KRB5_PARSE_MALFORMED;
    }
  if (*text == '\0')
    return KRB5_PARSE_MALFORMED;
  return krb5_sname_to_principal (ctx, host, text, KRB5_NT_SRV_HST, princ);
}

static bool
is_type (const gss_OID type, const gss_OID_desc *want)
{
  return gss_oid_equal (type, want);
}

OM_uint32
krb5_gss_import_name (OM_uint32 *minor, const gss_buffer_t value,
		      const gss_OID type, void **mname)
{
  krb5_context ctx = NULL;
  krb5_principal princ = NULL;
  krb5_error_code code;
  char *text = NULL, *user = NULL;
  OM_uint32 major;
  uid_t uid;

  *mname = NULL;
  major = krb5_gss_context (minor, &ctx);
  if (major)
    return major;

  if (is_type (type, &GSS_C_NT_MACHINE_UID_NAME_static)
      || is_type (type, &GSS_KRB5_NT_MACHINE_UID_NAME_static))
    {
      /* The value is a uid_t in the machine's own representation. */
      if (value->length != sizeof uid)
	{
	  *minor = GSS_KRB5_S_G_WRONG_SIZE;
	  major = GSS_S_BAD_NAME;
	  goto cleanup;
	}
      memcpy (&uid, value->value, sizeof uid);
      major = user_of_uid (minor, uid, &user);
      if (major)
	goto cleanup;
      code = krb5_parse_name (ctx, user, &princ);
    }
  else
    {
      major = value_string (minor, value, &text);
      if (major)
	goto cleanup;
      if (is_type (type, &GSS_C_NT_STRING_UID_NAME_static))
	{
	  major = parse_uid_string (minor, text, &uid);
	  if (major == GSS_S_COMPLETE)
	    major = user_of_uid (minor, uid, &user);
	  if (major)
	    goto cleanup;
	  code = krb5_parse_name (ctx, user, &princ);
	}
      else if (is_type (type, &GSS_C_NT_HOSTBASED_SERVICE_static)
	       || is_type (type, &GSS_C_NT_HOSTBASED_SERVICE_X_static))
	code = parse_host_based (ctx, text, &princ);
      else if (*text == '\0')
	code = KRB5_PARSE_MALFORMED;
      else
	/* GSS_KRB5_NT_PRINCIPAL_NAME, GSS_C_NT_USER_NAME and the
	   default type are all principal names in text form. */
	code = krb5_parse_name (ctx, text, &princ);
    }
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_BAD_NAME);
      goto cleanup;
    }
  major = krb5_gss_name_new (minor, ctx, princ,
			     (struct krb5_gss_name **) mname);

cleanup:
  free (text);
  free (user);
  krb5_free_principal (ctx, princ);
  krb5_free_context (ctx);
  return major;
}

OM_uint32
krb5_gss_import_exported_name (OM_uint32 *minor, const void *data,
			       size_t length, void **mname)
{
  gss_buffer_desc value = { length, (void *) data };

  return krb5_gss_import_name (minor, &value,
			       &GSS_KRB5_NT_PRINCIPAL_NAME_static, mname);
}

OM_uint32
krb5_gss_export_name (OM_uint32 *minor, const void *mname, gss_buffer_t out)
{
  const struct krb5_gss_name *name = mname;
  size_t len = strlen (name->principal);

  out->value = malloc (len + 1);
  if (out->value == NULL)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  memcpy (out->value, name->principal, len + 1);
  out->length = len;
  return GSS_S_COMPLETE;
}

OM_uint32
krb5_gss_display_name (OM_uint32 *minor, const void *mname, gss_buffer_t out,
		       gss_OID *type)
{
  OM_uint32 major = krb5_gss_export_name (minor, mname, out);

  if (major == GSS_S_COMPLETE && type != NULL)
    *type = &GSS_KRB5_NT_PRINCIPAL_NAME_static;
  return major;
}

OM_uint32
krb5_gss_duplicate_name (OM_uint32 *minor, const void *mname, void **copy)
{
  const struct krb5_gss_name *name = mname;
  struct krb5_gss_name *dup = malloc (sizeof *dup);

  if (dup == NULL || (dup->principal = strdup (name->principal)) == NULL)
    {
      free (dup);
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  dup->type = name->type;
  *copy = dup;
  return GSS_S_COMPLETE;
}

/* Unparsed names are canonical: equal principals give equal text. */
int
krb5_gss_compare_name (const void *a, const void *b)
{
  const struct krb5_gss_name *x = a, *y = b;

  return strcmp (x->principal, y->principal) == 0;
}

void
krb5_gss_release_name (void *mname)
{
  struct krb5_gss_name *name = mname;

  if (name)
    {
      free (name->principal);
      free (name);
    }
}

int
krb5_gss_userok (const void *mname, const char *username)
{
  krb5_context ctx;
  krb5_principal princ;
  OM_uint32 minor;
  int ok = 0;

  if (krb5_gss_context (&minor, &ctx))
    return 0;
  if (krb5_gss_name_parse (&minor, ctx, mname, &princ) == GSS_S_COMPLETE)
    {
      ok = krb5_kuserok (ctx, princ, username) ? 1 : 0;
      krb5_free_principal (ctx, princ);
    }
  krb5_free_context (ctx);
  return ok;
}

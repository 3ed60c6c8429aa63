/* k5.h - shared declarations of the Kerberos 5 mechanism. */
#ifndef LIBGSS_K5_H
#define LIBGSS_K5_H

#include <config.h>
#include <stdbool.h>
#include <krb5.h>
#include "mech.h"

/* A Kerberos mechanism name: the principal in its unparsed form.
   Keeping it as text keeps names free of any krb5_context, which is
   never shared between threads. */
struct krb5_gss_name
{
  char *principal;
};

/* A fresh library context for one call. */
OM_uint32 krb5_gss_context (OM_uint32 *minor, krb5_context *ctx);

/* Names (name.c). */
OM_uint32 krb5_gss_name_new (OM_uint32 *minor, krb5_context ctx,
			     krb5_const_principal princ,
			     struct krb5_gss_name **out);
OM_uint32 krb5_gss_name_parse (OM_uint32 *minor, krb5_context ctx,
			       const struct krb5_gss_name *name,
			       krb5_principal *princ);
OM_uint32 krb5_gss_import_name (OM_uint32 *minor, const gss_buffer_t value,
				const gss_OID type, void **mname);
OM_uint32 krb5_gss_import_exported_name (OM_uint32 *minor, const void *data,
					 size_t length, void **mname);
OM_uint32 krb5_gss_export_name (OM_uint32 *minor, const void *mname,
				gss_buffer_t out);
OM_uint32 krb5_gss_display_name (OM_uint32 *minor, const void *mname,
				 gss_buffer_t out, gss_OID *type);
OM_uint32 krb5_gss_duplicate_name (OM_uint32 *minor, const void *mname,
				   void **copy);
int krb5_gss_compare_name (const void *a, const void *b);
void krb5_gss_release_name (void *mname);
int krb5_gss_userok (const void *mname, const char *username);

/* Minor status texts (status.c). */
OM_uint32 krb5_gss_display_status (OM_uint32 *minor, OM_uint32 code,
				   gss_buffer_t out);

extern const gss_OID_desc *const krb5_gss_name_types[];

#endif /* LIBGSS_K5_H */

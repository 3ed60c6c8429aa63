/* ext.h - the Kerberos 5 side of MIT's gssapi_ext.h extensions:
 * session keys, credential stores, passwords, local names, mechanism
 * attributes. */
#ifndef LIBGSS_K5_EXT_H
#define LIBGSS_K5_EXT_H

#include "k5.h"

/* inquire_oid.c */
OM_uint32 krb5_gss_inquire_sec_context_by_oid (OM_uint32 *minor,
					       const void *mctx,
					       gss_const_OID object,
					       gss_buffer_set_t *data_set);

/* store.c */
OM_uint32 krb5_gss_acquire_cred_from (OM_uint32 *minor,
				      const void *desired_mname,
				      OM_uint32 time_req,
				      gss_cred_usage_t usage,
				      gss_const_key_value_set_t store,
				      void **mcred, OM_uint32 *time_rec);
OM_uint32 krb5_gss_store_cred_into (OM_uint32 *minor, const void *mcred,
				    gss_cred_usage_t usage, int overwrite,
				    int default_cred,
				    gss_const_key_value_set_t store,
				    gss_cred_usage_t *usage_stored);
/* Whether an rcache value of a store turns replay detection off. */
bool krb5_gss_rcache_none (const char *rcache);

/* password.c */
OM_uint32 krb5_gss_acquire_cred_with_password (OM_uint32 *minor,
					       const void *desired_mname,
					       const gss_buffer_t password,
					       OM_uint32 time_req,
					       gss_cred_usage_t usage,
					       void **mcred,
					       OM_uint32 *time_rec);

/* localname.c */
OM_uint32 krb5_gss_localname (OM_uint32 *minor, const void *mname,
			      gss_buffer_t localname);

/* The mechanism's RFC 5587 attributes (inquire_oid.c). */
extern const gss_OID_desc *const krb5_gss_mech_attrs[];

#endif /* LIBGSS_K5_EXT_H */

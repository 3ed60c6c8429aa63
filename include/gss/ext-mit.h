/* gss/ext-mit.h - extensions that MIT krb5 and Heimdal offer beyond
 * RFC 2744: buffer sets and context inquiry by OID, credential stores,
 * passwords, local names, OID strings and the mechanism attributes of
 * RFC 5587.
 *
 * Names, signatures and constants are those of MIT's gssapi_ext.h and
 * gssapi.h, so that a program written for MIT builds with <gss.h>.
 * Everything here is at the library's version node LIBGSS_1.1.
 */
#ifndef GSS_EXT_MIT_H_
#define GSS_EXT_MIT_H_

#include <stddef.h>
#include <sys/types.h>		/* uid_t */

/* RFC 5587 section 3.4.4: an attribute this library does not know. */
#ifndef GSS_S_BAD_MECH_ATTR
#define GSS_S_BAD_MECH_ATTR (((OM_uint32) 19ul) << GSS_C_ROUTINE_ERROR_OFFSET)
#endif

/* Buffer sets: what inquiries by OID answer (the GGF extensions). */
typedef struct gss_buffer_set_desc_struct
{
  size_t count;
  gss_buffer_desc *elements;
} gss_buffer_set_desc, *gss_buffer_set_t;

#define GSS_C_NO_BUFFER_SET ((gss_buffer_set_t) 0)

extern OM_uint32 gss_create_empty_buffer_set (OM_uint32 *minor_status,
					      gss_buffer_set_t *buffer_set);
extern OM_uint32 gss_add_buffer_set_member (OM_uint32 *minor_status,
					    const gss_buffer_t member_buffer,
					    gss_buffer_set_t *buffer_set);
extern OM_uint32 gss_release_buffer_set (OM_uint32 *minor_status,
					 gss_buffer_set_t *buffer_set);

extern OM_uint32 gss_inquire_sec_context_by_oid (OM_uint32 *minor_status,
						 const gss_ctx_id_t
						 context_handle,
						 const gss_OID desired_object,
						 gss_buffer_set_t *data_set);

/* 1.2.840.113554.1.2.2.5.5: the context's session key, then the OID
   1.2.840.113554.1.2.2.4.ENCTYPE naming its Kerberos enctype. */
extern gss_OID GSS_C_INQ_SSPI_SESSION_KEY;

/* Credential stores: where credentials are found or stored, as
   key-value pairs (for Kerberos: ccache, client_keytab, keytab,
   rcache). */
struct gss_key_value_element_struct
{
  const char *key;
  const char *value;
};
typedef struct gss_key_value_element_struct gss_key_value_element_desc;

struct gss_key_value_set_struct
{
  OM_uint32 count;
  gss_key_value_element_desc *elements;
};
typedef struct gss_key_value_set_struct gss_key_value_set_desc;
typedef const gss_key_value_set_desc *gss_const_key_value_set_t;

#define GSS_C_NO_CRED_STORE ((gss_const_key_value_set_t) 0)

extern OM_uint32 gss_acquire_cred_from (OM_uint32 *minor_status,
					gss_name_t desired_name,
					OM_uint32 time_req,
					gss_OID_set desired_mechs,
					gss_cred_usage_t cred_usage,
					gss_const_key_value_set_t cred_store,
					gss_cred_id_t *output_cred_handle,
					gss_OID_set *actual_mechs,
					OM_uint32 *time_rec);
extern OM_uint32 gss_add_cred_from (OM_uint32 *minor_status,
				    gss_cred_id_t input_cred_handle,
				    gss_name_t desired_name,
				    gss_OID desired_mech,
				    gss_cred_usage_t cred_usage,
				    OM_uint32 initiator_time_req,
				    OM_uint32 acceptor_time_req,
				    gss_const_key_value_set_t cred_store,
				    gss_cred_id_t *output_cred_handle,
				    gss_OID_set *actual_mechs,
				    OM_uint32 *initiator_time_rec,
				    OM_uint32 *acceptor_time_rec);
extern OM_uint32 gss_store_cred (OM_uint32 *minor_status,
				 const gss_cred_id_t input_cred_handle,
				 gss_cred_usage_t input_usage,
				 const gss_OID desired_mech,
				 OM_uint32 overwrite_cred,
				 OM_uint32 default_cred,
				 gss_OID_set *elements_stored,
				 gss_cred_usage_t *cred_usage_stored);
extern OM_uint32 gss_store_cred_into (OM_uint32 *minor_status,
				      gss_cred_id_t input_cred_handle,
				      gss_cred_usage_t input_usage,
				      gss_OID desired_mech,
				      OM_uint32 overwrite_cred,
				      OM_uint32 default_cred,
				      gss_const_key_value_set_t cred_store,
				      gss_OID_set *elements_stored,
				      gss_cred_usage_t *cred_usage_stored);

/* Passwords. */
extern OM_uint32 gss_acquire_cred_with_password (OM_uint32 *minor_status,
						 const gss_name_t desired_name,
						 const gss_buffer_t password,
						 OM_uint32 time_req,
						 const gss_OID_set
						 desired_mechs,
						 gss_cred_usage_t cred_usage,
						 gss_cred_id_t *
						 output_cred_handle,
						 gss_OID_set *actual_mechs,
						 OM_uint32 *time_rec);

/* Local names. */
extern OM_uint32 gss_localname (OM_uint32 *minor, const gss_name_t name,
				gss_const_OID mech_type,
				gss_buffer_t localname);
extern OM_uint32 gss_authorize_localname (OM_uint32 *minor,
					  const gss_name_t name,
					  const gss_name_t user);
extern OM_uint32 gss_pname_to_uid (OM_uint32 *minor, const gss_name_t name,
				   const gss_OID mech_type, uid_t *uidOut);

/* OIDs as text: "{ 1 2 840 113554 1 2 2 }". */
extern OM_uint32 gss_oid_to_str (OM_uint32 *minor_status, gss_OID oid,
				 gss_buffer_t oid_str);
extern OM_uint32 gss_str_to_oid (OM_uint32 *minor_status,
				 gss_buffer_t oid_str, gss_OID *oid);
/* Releases an OID that gss_str_to_oid() made. */
extern OM_uint32 gss_release_oid (OM_uint32 *minor_status, gss_OID *oid);

/* Mechanism attributes (RFC 5587). */
extern OM_uint32 gss_indicate_mechs_by_attrs (OM_uint32 *minor_status,
					      gss_const_OID_set
					      desired_mech_attrs,
					      gss_const_OID_set
					      except_mech_attrs,
					      gss_const_OID_set
					      critical_mech_attrs,
					      gss_OID_set *mechs);
extern OM_uint32 gss_inquire_attrs_for_mech (OM_uint32 *minor_status,
					     gss_const_OID mech,
					     gss_OID_set *mech_attrs,
					     gss_OID_set *known_mech_attrs);
extern OM_uint32 gss_display_mech_attr (OM_uint32 *minor_status,
					gss_const_OID mech_attr,
					gss_buffer_t name,
					gss_buffer_t short_desc,
					gss_buffer_t long_desc);

extern gss_const_OID GSS_C_MA_MECH_CONCRETE;
extern gss_const_OID GSS_C_MA_MECH_PSEUDO;
extern gss_const_OID GSS_C_MA_MECH_COMPOSITE;
extern gss_const_OID GSS_C_MA_MECH_NEGO;
extern gss_const_OID GSS_C_MA_MECH_GLUE;
extern gss_const_OID GSS_C_MA_NOT_MECH;
extern gss_const_OID GSS_C_MA_DEPRECATED;
extern gss_const_OID GSS_C_MA_NOT_DFLT_MECH;
extern gss_const_OID GSS_C_MA_ITOK_FRAMED;
extern gss_const_OID GSS_C_MA_AUTH_INIT;
extern gss_const_OID GSS_C_MA_AUTH_TARG;
extern gss_const_OID GSS_C_MA_AUTH_INIT_INIT;
extern gss_const_OID GSS_C_MA_AUTH_TARG_INIT;
extern gss_const_OID GSS_C_MA_AUTH_INIT_ANON;
extern gss_const_OID GSS_C_MA_AUTH_TARG_ANON;
extern gss_const_OID GSS_C_MA_DELEG_CRED;
extern gss_const_OID GSS_C_MA_INTEG_PROT;
extern gss_const_OID GSS_C_MA_CONF_PROT;
extern gss_const_OID GSS_C_MA_MIC;
extern gss_const_OID GSS_C_MA_WRAP;
extern gss_const_OID GSS_C_MA_PROT_READY;
extern gss_const_OID GSS_C_MA_REPLAY_DET;
extern gss_const_OID GSS_C_MA_OOS_DET;
extern gss_const_OID GSS_C_MA_CBINDINGS;
extern gss_const_OID GSS_C_MA_PFS;
extern gss_const_OID GSS_C_MA_COMPRESS;
extern gss_const_OID GSS_C_MA_CTX_TRANS;

#endif /* GSS_EXT_MIT_H_ */

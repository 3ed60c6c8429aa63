/* mech.c - the SPNEGO entry of the mechanism table (RFC 4178): names
   and credentials, which are the inner mechanisms' handles
   (lib/mech.h, `negotiates'). */
#include "spnego.h"
#include "gettext.h"
#include <stdlib.h>

#define N_(s) s

/* 1.3.6.1.5.5.2 */
gss_OID_desc GSS_SPNEGO_static = { 6, (void *) "\x2b\x06\x01\x05\x05\x02" };
gss_OID GSS_SPNEGO = &GSS_SPNEGO_static;

/* 1.2.840.48018.1.2.2: Kerberos as Windows names it. */
const gss_OID_desc spnego_ms_krb5_oid =
  { 9, (void *) "\x2a\x86\x48\x82\xf7\x12\x01\x02\x02" };

/* The name types of MIT's SPNEGO: what its inner mechanisms take. */
static const gss_OID_desc *const spnego_name_types[] = {
  &GSS_C_NT_USER_NAME_static,
  &GSS_C_NT_MACHINE_UID_NAME_static,
  &GSS_C_NT_STRING_UID_NAME_static,
  &GSS_C_NT_HOSTBASED_SERVICE_static,
  NULL
};

const struct gss_mech *
spnego_inner_mech (gss_const_OID oid)
{
  const struct gss_mech *mech;

  if (gss_oid_equal (oid, &spnego_ms_krb5_oid))
    oid = GSS_KRB5;
  mech = _gss_find_mech (oid);
  if (oid == GSS_C_NO_OID || mech == NULL || mech->negotiates)
    return NULL;
  return mech;
}

static OM_uint32
name_display (OM_uint32 *minor, const void *mname, gss_buffer_t out,
	      gss_OID *type)
{
  return gss_display_name (minor, (gss_name_t) mname, out, type);
}

static OM_uint32
name_duplicate (OM_uint32 *minor, const void *mname, void **copy)
{
  gss_name_t out = GSS_C_NO_NAME;
  OM_uint32 major = gss_duplicate_name (minor, (gss_name_t) mname, &out);

  *copy = out;
  return major;
}

static int
name_compare (const void *a, const void *b)
{
  OM_uint32 minor;
  int equal = 0;

  if (GSS_ERROR (gss_compare_name (&minor, (gss_name_t) a, (gss_name_t) b,
				   &equal)))
    return 0;
  return equal;
}

static void
name_release (void *mname)
{
  gss_name_t name = mname;
  OM_uint32 minor;

  gss_release_name (&minor, &name);
}

static int
name_userok (const void *mname, const char *username)
{
  return gss_userok ((gss_name_t) mname, username);
}

/* The mechanisms SPNEGO negotiates among, into SET (OIDS its room). */
static void
inner_mechs (gss_OID_set_desc *set, gss_OID_desc *oids, size_t room)
{
  size_t i;

  set->count = 0;
  set->elements = oids;
  for (i = 0; _gss_mechs[i] && set->count < room; i++)
    if (!_gss_mechs[i]->negotiates)
      oids[set->count++] = *_gss_mechs[i]->oid;
}

/* The credential of the first inner mechanism that has one. */
static OM_uint32
cred_acquire (OM_uint32 *minor, const void *desired_mname,
	      OM_uint32 time_req, gss_cred_usage_t usage, void **mcred,
	      OM_uint32 *time_rec)
{
  gss_OID_set_desc set;
  gss_OID_desc oids[16];
  gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;
  OM_uint32 major;

  inner_mechs (&set, oids, 16);
  major = gss_acquire_cred (minor, (gss_name_t) desired_mname, time_req,
			    &set, usage, &cred, NULL, time_rec);
  *mcred = cred;
  return major;
}

/* The same from a credential store (an HTTP server's per-host keytab,
   mod_auth_gssapi's GssapiCredStore): the inner mechanisms read it. */
static OM_uint32
cred_acquire_from (OM_uint32 *minor, const void *desired_mname,
		   OM_uint32 time_req, gss_cred_usage_t usage,
		   gss_const_key_value_set_t store, void **mcred,
		   OM_uint32 *time_rec)
{
  gss_OID_set_desc set;
  gss_OID_desc oids[16];
  gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;
  OM_uint32 major;

  inner_mechs (&set, oids, 16);
  major = gss_acquire_cred_from (minor, (gss_name_t) desired_mname, time_req,
				 &set, usage, store, &cred, NULL, time_rec);
  *mcred = cred;
  return major;
}

static OM_uint32
cred_inquire (OM_uint32 *minor, const void *mcred, void **mname,
	      OM_uint32 *initiator_lifetime, OM_uint32 *acceptor_lifetime,
	      gss_cred_usage_t *usage)
{
  gss_OID_set mechs = GSS_C_NO_OID_SET;
  gss_name_t name = GSS_C_NO_NAME;
  OM_uint32 major, tmp;

  major = gss_inquire_cred (minor, (gss_cred_id_t) mcred, NULL, NULL, NULL,
			    &mechs);
  if (!GSS_ERROR (major) && mechs->count < 1)
    major = GSS_S_NO_CRED;
  if (!GSS_ERROR (major))
    major = gss_inquire_cred_by_mech (minor, (gss_cred_id_t) mcred,
				      &mechs->elements[0],
				      mname ? &name : NULL,
				      initiator_lifetime, acceptor_lifetime,
				      usage);
  gss_release_oid_set (&tmp, &mechs);
  if (mname)
    *mname = name;
  return major;
}

static void
cred_release (void *mcred)
{
  gss_cred_id_t cred = mcred;
  OM_uint32 minor;

  gss_release_cred (&minor, &cred);
}

/* Minor codes are the inner mechanism's, or lib/'s in the default
   mechanism's numbering. */
static OM_uint32
display_status (OM_uint32 *minor, OM_uint32 code, gss_buffer_t out)
{
  size_t i;

  for (i = 0; _gss_mechs[i]; i++)
    if (!_gss_mechs[i]->negotiates && _gss_mechs[i]->display_status)
      return _gss_mechs[i]->display_status (minor, code, out);
  return GSS_S_BAD_STATUS;
}

/* context.c */
OM_uint32 spnego_delete_sec_context (OM_uint32 *minor, void *mctx,
				     gss_buffer_t output_token);
OM_uint32 spnego_process_context_token (OM_uint32 *minor, void *mctx,
					const gss_buffer_t token);
OM_uint32 spnego_context_time (OM_uint32 *minor, const void *mctx,
			       OM_uint32 *time_rec);
OM_uint32 spnego_inquire_context (OM_uint32 *minor, const void *mctx,
				  void **src_mname, void **targ_mname,
				  OM_uint32 *lifetime, OM_uint32 *flags,
				  int *locally_initiated, int *open);
OM_uint32 spnego_export_sec_context (OM_uint32 *minor, void *mctx,
				     gss_buffer_t token);
OM_uint32 spnego_import_sec_context (OM_uint32 *minor,
				     const gss_buffer_t token, void **mctx);
OM_uint32 spnego_get_mic (OM_uint32 *minor, void *mctx, gss_qop_t qop,
			  const gss_buffer_t message, gss_buffer_t token);
OM_uint32 spnego_verify_mic (OM_uint32 *minor, void *mctx,
			     const gss_buffer_t message,
			     const gss_buffer_t token, gss_qop_t *qop_state);
OM_uint32 spnego_wrap (OM_uint32 *minor, void *mctx, int conf_req,
		       gss_qop_t qop, const gss_buffer_t input,
		       int *conf_state, gss_buffer_t output);
OM_uint32 spnego_unwrap (OM_uint32 *minor, void *mctx,
			 const gss_buffer_t input, gss_buffer_t output,
			 int *conf_state, gss_qop_t *qop_state);
OM_uint32 spnego_wrap_size_limit (OM_uint32 *minor, const void *mctx,
				  int conf_req, gss_qop_t qop,
				  OM_uint32 req_output_size,
				  OM_uint32 *max_input_size);
gss_OID spnego_negotiated_mech (const void *mctx);

const struct gss_mech _gss_spnego_mech = {
  .oid = &GSS_SPNEGO_static,
  /* RFC 5801 section 14: SPNEGO has no GS2 name. */
  .sasl_name = NULL,
  .name = N_("SPNEGO"),
  .description = N_("Simple and Protected GSS-API Negotiation Mechanism"),
  .name_types = spnego_name_types,

  .display_name = name_display,
  .duplicate_name = name_duplicate,
  .compare_name = name_compare,
  .release_name = name_release,
  .userok = name_userok,

  .acquire_cred = cred_acquire,
  .acquire_cred_from = cred_acquire_from,
  .inquire_cred = cred_inquire,
  .release_cred = cred_release,

  .init_sec_context = spnego_init_sec_context,
  .accept_sec_context = spnego_accept_sec_context,
  .delete_sec_context = spnego_delete_sec_context,
  .process_context_token = spnego_process_context_token,
  .context_time = spnego_context_time,
  .inquire_context = spnego_inquire_context,
  .export_sec_context = spnego_export_sec_context,
  .import_sec_context = spnego_import_sec_context,

  .get_mic = spnego_get_mic,
  .verify_mic = spnego_verify_mic,
  .wrap = spnego_wrap,
  .unwrap = spnego_unwrap,
  .wrap_size_limit = spnego_wrap_size_limit,

  .display_status = display_status,

  .negotiates = true,
  .negotiated_mech = spnego_negotiated_mech,

  .inquire_sec_context_by_oid = spnego_inquire_sec_context_by_oid,
  .mech_attrs = spnego_mech_attrs,
  .wrap_iov = spnego_wrap_iov,
  .unwrap_iov = spnego_unwrap_iov,
  .wrap_iov_length = spnego_wrap_iov_length,

  .get_mic_iov = spnego_get_mic_iov,
  .get_mic_iov_length = spnego_get_mic_iov_length,
  .verify_mic_iov = spnego_verify_mic_iov,
};

/* mech.c - the Kerberos 5 entry of the mechanism table. */
#include "k5.h"
#include "ext.h"
#include "gettext.h"

#define N_(s) s

const struct gss_mech _gss_krb5_mech = {
  .oid = &GSS_KRB5_static,
  .sasl_name = "GS2-KRB5",
  .name = N_("Kerberos V5"),
  .description = N_("Kerberos V5 GSS-API mechanism"),
  .name_types = krb5_gss_name_types,

  .import_name = krb5_gss_import_name,
  .import_exported_name = krb5_gss_import_exported_name,
  .export_name = krb5_gss_export_name,
  .display_name = krb5_gss_display_name,
  .duplicate_name = krb5_gss_duplicate_name,
  .compare_name = krb5_gss_compare_name,
  .release_name = krb5_gss_release_name,
  .userok = krb5_gss_userok,

  .acquire_cred = krb5_gss_acquire_cred,
  .inquire_cred = krb5_gss_inquire_cred,
  .release_cred = krb5_gss_release_cred,

  .init_sec_context = krb5_gss_init_sec_context,
  .accept_sec_context = krb5_gss_accept_sec_context,
  .delete_sec_context = krb5_gss_delete_sec_context,
  .process_context_token = krb5_gss_process_context_token,
  .context_time = krb5_gss_context_time,
  .inquire_context = krb5_gss_inquire_context,
  .export_sec_context = krb5_gss_export_sec_context,
  .import_sec_context = krb5_gss_import_sec_context,

  .get_mic = krb5_gss_get_mic,
  .verify_mic = krb5_gss_verify_mic,
  .wrap = krb5_gss_wrap,
  .unwrap = krb5_gss_unwrap,
  .wrap_size_limit = krb5_gss_wrap_size_limit,

  .display_status = krb5_gss_display_status,

  .wrap_iov = krb5_gss_wrap_iov,
  .unwrap_iov = krb5_gss_unwrap_iov,
  .wrap_iov_length = krb5_gss_wrap_iov_length,
  .inquire_sec_context_by_oid = krb5_gss_inquire_sec_context_by_oid,
  .acquire_cred_from = krb5_gss_acquire_cred_from,
  .store_cred_into = krb5_gss_store_cred_into,
  .acquire_cred_with_password = krb5_gss_acquire_cred_with_password,
  .localname = krb5_gss_localname,
  .mech_attrs = krb5_gss_mech_attrs,

  .get_mic_iov = krb5_gss_get_mic_iov,
  .get_mic_iov_length = krb5_gss_get_mic_iov_length,
  .verify_mic_iov = krb5_gss_verify_mic_iov,
};

OM_uint32
krb5_gss_context (OM_uint32 *minor, krb5_context *ctx)
{
  krb5_error_code code = krb5_init_context (ctx);

  if (code)
    {
      *ctx = NULL;
      return krb5_gss_fail_as (minor, code, GSS_S_FAILURE);
    }
  return GSS_S_COMPLETE;
}

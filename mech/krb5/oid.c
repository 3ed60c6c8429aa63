/* oid.c - the Kerberos 5 mechanism OID and its name types (RFC 1964
   section 2.1).  GSS_KRB5_NT_USER_NAME, _STRING_UID_NAME and
   _HOSTBASED_SERVICE_NAME share their values with the generic types. */
#include "k5.h"

gss_OID_desc GSS_KRB5_static =
  { 9, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02" };
gss_OID_desc GSS_KRB5_NT_USER_NAME_static =
  { 10, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x01" };
gss_OID_desc GSS_KRB5_NT_PRINCIPAL_NAME_static =
  { 10, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02\x01" };
gss_OID_desc GSS_KRB5_NT_MACHINE_UID_NAME_static =
  { 10, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02\x02" };
gss_OID_desc GSS_KRB5_NT_STRING_UID_NAME_static =
  { 10, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x03" };

gss_OID GSS_KRB5 = &GSS_KRB5_static;
gss_OID GSS_KRB5_NT_USER_NAME = &GSS_KRB5_NT_USER_NAME_static;
gss_OID GSS_KRB5_NT_PRINCIPAL_NAME = &GSS_KRB5_NT_PRINCIPAL_NAME_static;
gss_OID GSS_KRB5_NT_MACHINE_UID_NAME = &GSS_KRB5_NT_MACHINE_UID_NAME_static;
gss_OID GSS_KRB5_NT_STRING_UID_NAME = &GSS_KRB5_NT_STRING_UID_NAME_static;
/* GNU GSS 1.0.4 exports no descriptor of its own for this one. */
gss_OID GSS_KRB5_NT_HOSTBASED_SERVICE_NAME = &GSS_C_NT_HOSTBASED_SERVICE_static;

const gss_OID_desc *const krb5_gss_name_types[] = {
  &GSS_KRB5_NT_PRINCIPAL_NAME_static,
  &GSS_C_NT_USER_NAME_static,
  &GSS_C_NT_HOSTBASED_SERVICE_static,
  &GSS_C_NT_HOSTBASED_SERVICE_X_static,
  &GSS_C_NT_MACHINE_UID_NAME_static,
  &GSS_C_NT_STRING_UID_NAME_static,
  &GSS_KRB5_NT_MACHINE_UID_NAME_static,
  &GSS_C_NT_EXPORT_NAME_static,
  NULL
};

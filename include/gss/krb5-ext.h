/* gss/krb5-ext.h - the Kerberos 5 mechanism OID and static descriptors. */
#ifndef GSS_KRB5_EXT_H
#define GSS_KRB5_EXT_H

/* 1.2.840.113554.1.2.2 (RFC 1964). */
extern gss_OID GSS_KRB5;

extern gss_OID_desc GSS_KRB5_static;
extern gss_OID_desc GSS_KRB5_NT_USER_NAME_static;
extern gss_OID_desc GSS_KRB5_NT_HOSTBASED_SERVICE_NAME_static;
extern gss_OID_desc GSS_KRB5_NT_PRINCIPAL_NAME_static;
extern gss_OID_desc GSS_KRB5_NT_MACHINE_UID_NAME_static;
extern gss_OID_desc GSS_KRB5_NT_STRING_UID_NAME_static;

#endif /* GSS_KRB5_EXT_H */

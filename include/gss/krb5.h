/* gss/krb5.h - the Kerberos 5 mechanism's public names (RFC 1964). */
#ifndef GSS_KRB5_H
#define GSS_KRB5_H

/* Minor status codes of the Kerberos 5 mechanism (RFC 1964 section
   2.2.3): generic ones first, then Kerberos-specific ones. */
#define GSS_KRB5_S_G_BAD_SERVICE_NAME 1
#define GSS_KRB5_S_G_BAD_STRING_UID 2
#define GSS_KRB5_S_G_NOUSER 3
#define GSS_KRB5_S_G_VALIDATE_FAILED 4
#define GSS_KRB5_S_G_BUFFER_ALLOC 5
#define GSS_KRB5_S_G_BAD_MSG_CTX 6
#define GSS_KRB5_S_G_WRONG_SIZE 7
#define GSS_KRB5_S_G_BAD_USAGE 8
#define GSS_KRB5_S_G_UNKNOWN_QOP 9

#define GSS_KRB5_S_KG_CCACHE_NOMATCH 10
#define GSS_KRB5_S_KG_KEYTAB_NOMATCH 11
#define GSS_KRB5_S_KG_TGT_MISSING 12
#define GSS_KRB5_S_KG_NO_SUBKEY 13
#define GSS_KRB5_S_KG_CONTEXT_ESTABLISHED 14
#define GSS_KRB5_S_KG_BAD_SIGN_TYPE 15
#define GSS_KRB5_S_KG_BAD_LENGTH 16
#define GSS_KRB5_S_KG_CTX_INCOMPLETE 17

/* Name types of the Kerberos 5 mechanism. */
extern gss_OID GSS_KRB5_NT_USER_NAME;
extern gss_OID GSS_KRB5_NT_HOSTBASED_SERVICE_NAME;
extern gss_OID GSS_KRB5_NT_PRINCIPAL_NAME;
extern gss_OID GSS_KRB5_NT_MACHINE_UID_NAME;
extern gss_OID GSS_KRB5_NT_STRING_UID_NAME;

#endif /* GSS_KRB5_H */

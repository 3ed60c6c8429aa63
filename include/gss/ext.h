/* gss/ext.h - GNU extensions to the GSS-API, kept by libgss. */
#ifndef GSS_EXT_H_
#define GSS_EXT_H_

#include <stddef.h>

/* Returns the library's version string if it is at least req_version
   (or always, when req_version is NULL); NULL otherwise. */
extern const char *gss_check_version (const char *req_version);

/* Returns 0 when the mechanism would authenticate `name' as the local
   account `username', non-zero otherwise. */
extern int gss_userok (const gss_name_t name, const char *username);

/* The descriptors behind the GSS_C_NT_* pointers, for programs that
   need an OID in a static initialiser. */
extern gss_OID_desc GSS_C_NT_USER_NAME_static;
extern gss_OID_desc GSS_C_NT_MACHINE_UID_NAME_static;
extern gss_OID_desc GSS_C_NT_STRING_UID_NAME_static;
extern gss_OID_desc GSS_C_NT_HOSTBASED_SERVICE_X_static;
extern gss_OID_desc GSS_C_NT_HOSTBASED_SERVICE_static;
extern gss_OID_desc GSS_C_NT_ANONYMOUS_static;
extern gss_OID_desc GSS_C_NT_EXPORT_NAME_static;

#endif /* GSS_EXT_H_ */

/* gss/spnego.h - the SPNEGO pseudo-mechanism (RFC 4178).  A libgss
   extension: GNU GSS 1.0.4 has no SPNEGO. */
#ifndef GSS_SPNEGO_H
#define GSS_SPNEGO_H

/* The SPNEGO mechanism OID, 1.3.6.1.5.5.2, for gss_init_sec_context()
   and gss_acquire_cred(); GSS_SPNEGO points to GSS_SPNEGO_static. */
extern gss_OID_desc GSS_SPNEGO_static;
extern gss_OID GSS_SPNEGO;

#endif /* GSS_SPNEGO_H */

/* gss/flags.h - context flags beyond RFC 2744 and GNU GSS, with the
 * names and values of MIT krb5 (<gssapi/gssapi.h> and
 * <gssapi/gssapi_ext.h>), so that programs written for MIT build
 * unchanged.  A program that passes neither flag sees no change.
 */
#ifndef GSS_FLAGS_H
#define GSS_FLAGS_H

/* In ret_flags of gss_accept_sec_context (and gss_inquire_context of
   the acceptor): the initiator sent channel bindings and they matched
   the acceptor's.  Never set when either side had none. */
#ifndef GSS_C_CHANNEL_BOUND_FLAG
#define GSS_C_CHANNEL_BOUND_FLAG 2048	/* 0x00000800 */
#endif

/* In req_flags of gss_init_sec_context: delegate only when the KDC
   marked the service ok-as-delegate (RFC 4120 section 2.8).  When it
   did, the context delegates as with GSS_C_DELEG_FLAG and ret_flags
   carries both flags; otherwise neither. */
#ifndef GSS_C_DELEG_POLICY_FLAG
#define GSS_C_DELEG_POLICY_FLAG 32768	/* 0x00008000 */
#endif

#endif /* GSS_FLAGS_H */

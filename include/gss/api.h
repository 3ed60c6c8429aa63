/* gss/api.h - the Generic Security Service API, C bindings of RFC 2744.
 *
 * Types, constants and prototypes are those RFC 2744 fixes, with the
 * layout GNU GSS 1.0.4 chose where the RFC leaves a choice, so that
 * programs built against GNU GSS run unchanged against libgss.
 */
#ifndef GSSAPI_H_
#define GSSAPI_H_

#include <stddef.h>
#include <limits.h>

/* Opaque handles (RFC 2744 section 3.4). */
typedef struct gss_ctx_id_struct *gss_ctx_id_t;
typedef struct gss_cred_id_struct *gss_cred_id_t;
typedef struct gss_name_struct *gss_name_t;

/* RFC 2744 section 3.1: an unsigned type of at least 32 bits. */
#if USHRT_MAX >= 4294967295
typedef unsigned short gss_uint32;
#elif UINT_MAX >= 4294967295
typedef unsigned int gss_uint32;
#else
typedef unsigned long gss_uint32;
#endif
typedef gss_uint32 OM_uint32;

/* An object identifier: `elements' holds the DER contents octets
   (without tag and length) and `length' counts them. */
typedef struct gss_OID_desc_struct
{
  OM_uint32 length;
  void *elements;
} gss_OID_desc, *gss_OID;

typedef struct gss_OID_set_desc_struct
{
  size_t count;
  gss_OID elements;
} gss_OID_set_desc, *gss_OID_set;

typedef struct gss_buffer_desc_struct
{
  size_t length;
  void *value;
} gss_buffer_desc, *gss_buffer_t;

typedef struct gss_channel_bindings_struct
{
  OM_uint32 initiator_addrtype;
  gss_buffer_desc initiator_address;
  OM_uint32 acceptor_addrtype;
  gss_buffer_desc acceptor_address;
  gss_buffer_desc application_data;
} *gss_channel_bindings_t;

typedef OM_uint32 gss_qop_t;
typedef int gss_cred_usage_t;

/* Context flags (req_flags, ret_flags). */
#define GSS_C_DELEG_FLAG 1
#define GSS_C_MUTUAL_FLAG 2
#define GSS_C_REPLAY_FLAG 4
#define GSS_C_SEQUENCE_FLAG 8
#define GSS_C_CONF_FLAG 16
#define GSS_C_INTEG_FLAG 32
#define GSS_C_ANON_FLAG 64
#define GSS_C_PROT_READY_FLAG 128
#define GSS_C_TRANS_FLAG 256

/* Credential usage. */
#define GSS_C_BOTH 0
#define GSS_C_INITIATE 1
#define GSS_C_ACCEPT 2

/* Status code types for gss_display_status. */
#define GSS_C_GSS_CODE 1
#define GSS_C_MECH_CODE 2

/* Address families of channel bindings. */
#define GSS_C_AF_UNSPEC 0
#define GSS_C_AF_LOCAL 1
#define GSS_C_AF_INET 2
#define GSS_C_AF_IMPLINK 3
#define GSS_C_AF_PUP 4
#define GSS_C_AF_CHAOS 5
#define GSS_C_AF_NS 6
#define GSS_C_AF_NBS 7
#define GSS_C_AF_ECMA 8
#define GSS_C_AF_DATAKIT 9
#define GSS_C_AF_CCITT 10
#define GSS_C_AF_SNA 11
#define GSS_C_AF_DECnet 12
#define GSS_C_AF_DLI 13
#define GSS_C_AF_LAT 14
#define GSS_C_AF_HYLINK 15
#define GSS_C_AF_APPLETALK 16
#define GSS_C_AF_BSC 17
#define GSS_C_AF_DSS 18
#define GSS_C_AF_OSI 19
#define GSS_C_AF_X25 21
#define GSS_C_AF_NULLADDR 255

/* Null values of the handle and pointer types. */
#define GSS_C_NO_NAME ((gss_name_t) 0)
#define GSS_C_NO_BUFFER ((gss_buffer_t) 0)
#define GSS_C_NO_OID ((gss_OID) 0)
#define GSS_C_NO_OID_SET ((gss_OID_set) 0)
#define GSS_C_NO_CONTEXT ((gss_ctx_id_t) 0)
#define GSS_C_NO_CREDENTIAL ((gss_cred_id_t) 0)
#define GSS_C_NO_CHANNEL_BINDINGS ((gss_channel_bindings_t) 0)
#define GSS_C_EMPTY_BUFFER {0, NULL}

/* Version 1 spellings. */
#define GSS_C_NULL_OID GSS_C_NO_OID
#define GSS_C_NULL_OID_SET GSS_C_NO_OID_SET

#define GSS_C_QOP_DEFAULT 0

/* An unlimited lifetime. */
#define GSS_C_INDEFINITE 0xfffffffful

/* Name types of RFC 2743 section 4 (and the pre-RFC host-based
   service OID, GSS_C_NT_HOSTBASED_SERVICE_X). */
extern gss_OID GSS_C_NT_USER_NAME;
extern gss_OID GSS_C_NT_MACHINE_UID_NAME;
extern gss_OID GSS_C_NT_STRING_UID_NAME;
extern gss_OID GSS_C_NT_HOSTBASED_SERVICE_X;
extern gss_OID GSS_C_NT_HOSTBASED_SERVICE;
extern gss_OID GSS_C_NT_ANONYMOUS;
extern gss_OID GSS_C_NT_EXPORT_NAME;

/* Major status codes (RFC 2744 section 3.9.1). */
#define GSS_S_COMPLETE 0

#define GSS_C_CALLING_ERROR_OFFSET 24
#define GSS_C_ROUTINE_ERROR_OFFSET 16
#define GSS_C_SUPPLEMENTARY_OFFSET 0
#define GSS_C_CALLING_ERROR_MASK 0377ul
#define GSS_C_ROUTINE_ERROR_MASK 0377ul
#define GSS_C_SUPPLEMENTARY_MASK 0177777ul

#define GSS_CALLING_ERROR(x) \
  (x & (GSS_C_CALLING_ERROR_MASK << GSS_C_CALLING_ERROR_OFFSET))
#define GSS_ROUTINE_ERROR(x) \
  (x & (GSS_C_ROUTINE_ERROR_MASK << GSS_C_ROUTINE_ERROR_OFFSET))
#define GSS_SUPPLEMENTARY_INFO(x) \
  (x & (GSS_C_SUPPLEMENTARY_MASK << GSS_C_SUPPLEMENTARY_OFFSET))
#define GSS_ERROR(x) \
  (x & ((GSS_C_CALLING_ERROR_MASK << GSS_C_CALLING_ERROR_OFFSET) | \
        (GSS_C_ROUTINE_ERROR_MASK << GSS_C_ROUTINE_ERROR_OFFSET)))

#define GSS_S_CALL_INACCESSIBLE_READ (1ul << GSS_C_CALLING_ERROR_OFFSET)
#define GSS_S_CALL_INACCESSIBLE_WRITE (2ul << GSS_C_CALLING_ERROR_OFFSET)
#define GSS_S_CALL_BAD_STRUCTURE (3ul << GSS_C_CALLING_ERROR_OFFSET)

#define GSS_S_BAD_MECH (1ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_BAD_NAME (2ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_BAD_NAMETYPE (3ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_BAD_BINDINGS (4ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_BAD_STATUS (5ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_BAD_SIG (6ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_BAD_MIC GSS_S_BAD_SIG
#define GSS_S_NO_CRED (7ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_NO_CONTEXT (8ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_DEFECTIVE_TOKEN (9ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_DEFECTIVE_CREDENTIAL (10ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_CREDENTIALS_EXPIRED (11ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_CONTEXT_EXPIRED (12ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_FAILURE (13ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_BAD_QOP (14ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_UNAUTHORIZED (15ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_UNAVAILABLE (16ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_DUPLICATE_ELEMENT (17ul << GSS_C_ROUTINE_ERROR_OFFSET)
#define GSS_S_NAME_NOT_MN (18ul << GSS_C_ROUTINE_ERROR_OFFSET)

#define GSS_S_CONTINUE_NEEDED (1ul << (GSS_C_SUPPLEMENTARY_OFFSET + 0))
#define GSS_S_DUPLICATE_TOKEN (1ul << (GSS_C_SUPPLEMENTARY_OFFSET + 1))
#define GSS_S_OLD_TOKEN (1ul << (GSS_C_SUPPLEMENTARY_OFFSET + 2))
#define GSS_S_UNSEQ_TOKEN (1ul << (GSS_C_SUPPLEMENTARY_OFFSET + 3))
#define GSS_S_GAP_TOKEN (1ul << (GSS_C_SUPPLEMENTARY_OFFSET + 4))

/* Credential management (RFC 2744 section 5). */
OM_uint32 gss_acquire_cred (OM_uint32 *minor_status,
                            const gss_name_t desired_name,
                            OM_uint32 time_req,
                            const gss_OID_set desired_mechs,
                            gss_cred_usage_t cred_usage,
                            gss_cred_id_t *output_cred_handle,
                            gss_OID_set *actual_mechs, OM_uint32 *time_rec);
OM_uint32 gss_release_cred (OM_uint32 *minor_status,
                            gss_cred_id_t *cred_handle);
OM_uint32 gss_add_cred (OM_uint32 *minor_status,
                        const gss_cred_id_t input_cred_handle,
                        const gss_name_t desired_name,
                        const gss_OID desired_mech,
                        gss_cred_usage_t cred_usage,
                        OM_uint32 initiator_time_req,
                        OM_uint32 acceptor_time_req,
                        gss_cred_id_t *output_cred_handle,
                        gss_OID_set *actual_mechs,
                        OM_uint32 *initiator_time_rec,
                        OM_uint32 *acceptor_time_rec);
OM_uint32 gss_inquire_cred (OM_uint32 *minor_status,
                            const gss_cred_id_t cred_handle,
                            gss_name_t *name, OM_uint32 *lifetime,
                            gss_cred_usage_t *cred_usage,
                            gss_OID_set *mechanisms);
OM_uint32 gss_inquire_cred_by_mech (OM_uint32 *minor_status,
                                    const gss_cred_id_t cred_handle,
                                    const gss_OID mech_type,
                                    gss_name_t *name,
                                    OM_uint32 *initiator_lifetime,
                                    OM_uint32 *acceptor_lifetime,
                                    gss_cred_usage_t *cred_usage);

/* Context establishment and management. */
OM_uint32 gss_init_sec_context (OM_uint32 *minor_status,
                                const gss_cred_id_t initiator_cred_handle,
                                gss_ctx_id_t *context_handle,
                                const gss_name_t target_name,
                                const gss_OID mech_type,
                                OM_uint32 req_flags,
                                OM_uint32 time_req,
                                const gss_channel_bindings_t input_chan_bindings,
                                const gss_buffer_t input_token,
                                gss_OID *actual_mech_type,
                                gss_buffer_t output_token,
                                OM_uint32 *ret_flags, OM_uint32 *time_rec);
OM_uint32 gss_accept_sec_context (OM_uint32 *minor_status,
                                  gss_ctx_id_t *context_handle,
                                  const gss_cred_id_t acceptor_cred_handle,
                                  const gss_buffer_t input_token_buffer,
                                  const gss_channel_bindings_t input_chan_bindings,
                                  gss_name_t *src_name,
                                  gss_OID *mech_type,
                                  gss_buffer_t output_token,
                                  OM_uint32 *ret_flags, OM_uint32 *time_rec,
                                  gss_cred_id_t *delegated_cred_handle);
OM_uint32 gss_process_context_token (OM_uint32 *minor_status,
                                     const gss_ctx_id_t context_handle,
                                     const gss_buffer_t token_buffer);
OM_uint32 gss_delete_sec_context (OM_uint32 *minor_status,
                                  gss_ctx_id_t *context_handle,
                                  gss_buffer_t output_token);
OM_uint32 gss_context_time (OM_uint32 *minor_status,
                            const gss_ctx_id_t context_handle,
                            OM_uint32 *time_rec);
OM_uint32 gss_inquire_context (OM_uint32 *minor_status,
                               const gss_ctx_id_t context_handle,
                               gss_name_t *src_name, gss_name_t *targ_name,
                               OM_uint32 *lifetime_rec, gss_OID *mech_type,
                               OM_uint32 *ctx_flags, int *locally_initiated,
                               int *open);
OM_uint32 gss_wrap_size_limit (OM_uint32 *minor_status,
                               const gss_ctx_id_t context_handle,
                               int conf_req_flag, gss_qop_t qop_req,
                               OM_uint32 req_output_size,
                               OM_uint32 *max_input_size);
OM_uint32 gss_export_sec_context (OM_uint32 *minor_status,
                                  gss_ctx_id_t *context_handle,
                                  gss_buffer_t interprocess_token);
OM_uint32 gss_import_sec_context (OM_uint32 *minor_status,
                                  const gss_buffer_t interprocess_token,
                                  gss_ctx_id_t *context_handle);

/* Per-message protection. */
OM_uint32 gss_get_mic (OM_uint32 *minor_status,
                       const gss_ctx_id_t context_handle,
                       gss_qop_t qop_req,
                       const gss_buffer_t message_buffer,
                       gss_buffer_t message_token);
OM_uint32 gss_verify_mic (OM_uint32 *minor_status,
                          const gss_ctx_id_t context_handle,
                          const gss_buffer_t message_buffer,
                          const gss_buffer_t token_buffer,
                          gss_qop_t *qop_state);
OM_uint32 gss_wrap (OM_uint32 *minor_status,
                    const gss_ctx_id_t context_handle,
                    int conf_req_flag, gss_qop_t qop_req,
                    const gss_buffer_t input_message_buffer,
                    int *conf_state, gss_buffer_t output_message_buffer);
OM_uint32 gss_unwrap (OM_uint32 *minor_status,
                      const gss_ctx_id_t context_handle,
                      const gss_buffer_t input_message_buffer,
                      gss_buffer_t output_message_buffer,
                      int *conf_state, gss_qop_t *qop_state);

/* Support routines. */
OM_uint32 gss_display_status (OM_uint32 *minor_status,
                              OM_uint32 status_value, int status_type,
                              const gss_OID mech_type,
                              OM_uint32 *message_context,
                              gss_buffer_t status_string);
OM_uint32 gss_indicate_mechs (OM_uint32 *minor_status,
                              gss_OID_set *mech_set);
OM_uint32 gss_compare_name (OM_uint32 *minor_status,
                            const gss_name_t name1, const gss_name_t name2,
                            int *name_equal);
OM_uint32 gss_display_name (OM_uint32 *minor_status,
                            const gss_name_t input_name,
                            gss_buffer_t output_name_buffer,
                            gss_OID *output_name_type);
OM_uint32 gss_import_name (OM_uint32 *minor_status,
                           const gss_buffer_t input_name_buffer,
                           const gss_OID input_name_type,
                           gss_name_t *output_name);
OM_uint32 gss_export_name (OM_uint32 *minor_status,
                           const gss_name_t input_name,
                           gss_buffer_t exported_name);
OM_uint32 gss_release_name (OM_uint32 *minor_status, gss_name_t *name);
OM_uint32 gss_release_buffer (OM_uint32 *minor_status, gss_buffer_t buffer);
OM_uint32 gss_release_oid_set (OM_uint32 *minor_status, gss_OID_set *set);
OM_uint32 gss_create_empty_oid_set (OM_uint32 *minor_status,
                                    gss_OID_set *oid_set);
OM_uint32 gss_add_oid_set_member (OM_uint32 *minor_status,
                                  const gss_OID member_oid,
                                  gss_OID_set *oid_set);
OM_uint32 gss_test_oid_set_member (OM_uint32 *minor_status,
                                   const gss_OID member,
                                   const gss_OID_set set, int *present);
OM_uint32 gss_inquire_names_for_mech (OM_uint32 *minor_status,
                                      const gss_OID mechanism,
                                      gss_OID_set *name_types);
OM_uint32 gss_inquire_mechs_for_name (OM_uint32 *minor_status,
                                      const gss_name_t input_name,
                                      gss_OID_set *mech_types);
OM_uint32 gss_canonicalize_name (OM_uint32 *minor_status,
                                 const gss_name_t input_name,
                                 const gss_OID mech_type,
                                 gss_name_t *output_name);
OM_uint32 gss_duplicate_name (OM_uint32 *minor_status,
                              const gss_name_t src_name,
                              gss_name_t *dest_name);

/* GSS-API version 1 names of the per-message calls (RFC 2744
   appendix), kept for old programs. */
OM_uint32 gss_sign (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
                    int qop_req, gss_buffer_t message_buffer,
                    gss_buffer_t message_token);
OM_uint32 gss_verify (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
                      gss_buffer_t message_buffer, gss_buffer_t token_buffer,
                      int *qop_state);
OM_uint32 gss_seal (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
                    int conf_req_flag, int qop_req,
                    gss_buffer_t input_message_buffer, int *conf_state,
                    gss_buffer_t output_message_buffer);
OM_uint32 gss_unseal (OM_uint32 *minor_status, gss_ctx_id_t context_handle,
                      gss_buffer_t input_message_buffer,
                      gss_buffer_t output_message_buffer, int *conf_state,
                      int *qop_state);

/* SASL names of mechanisms (RFC 5801 section 9). */
OM_uint32 gss_inquire_saslname_for_mech (OM_uint32 *minor_status,
                                         const gss_OID desired_mech,
                                         gss_buffer_t sasl_mech_name,
                                         gss_buffer_t mech_name,
                                         gss_buffer_t mech_description);
OM_uint32 gss_inquire_mech_for_saslname (OM_uint32 *minor_status,
                                         const gss_buffer_t sasl_mech_name,
                                         gss_OID *mech_type);

/* Const variants of the types (RFC 5587 section 3.4). */
typedef const gss_buffer_desc *gss_const_buffer_t;
typedef const struct gss_channel_bindings_struct
  *gss_const_channel_bindings_t;
typedef const struct gss_ctx_id_struct *gss_const_ctx_id_t;
typedef const struct gss_cred_id_struct *gss_const_cred_id_t;
typedef const struct gss_name_struct *gss_const_name_t;
typedef const gss_OID_desc *gss_const_OID;
typedef const gss_OID_set_desc *gss_const_OID_set;

/* RFC 6339: OID comparison and the RFC 2743 section 3.1 token framing. */
extern int gss_oid_equal (gss_const_OID first_oid, gss_const_OID second_oid);
OM_uint32 gss_encapsulate_token (gss_const_buffer_t input_token,
                                 gss_const_OID token_oid,
                                 gss_buffer_t output_token);
OM_uint32 gss_decapsulate_token (gss_const_buffer_t input_token,
                                 gss_const_OID token_oid,
                                 gss_buffer_t output_token);

#endif /* GSSAPI_H_ */

/* k5.h - shared declarations of the Kerberos 5 mechanism. */
#ifndef LIBGSS_K5_H
#define LIBGSS_K5_H

#include <config.h>
#include <stdbool.h>
#include <stdint.h>
#include <krb5.h>
#include "mech.h"
#include "crypto.h"
#include "seqwin.h"
#include "v1.h"

/* A Kerberos mechanism name: the principal in its unparsed form.
   Keeping it as text keeps names free of any krb5_context, which is
   never shared between threads. */
struct krb5_gss_name
{
  char *principal;
  /* The principal's name type, which the text does not keep: a
     host-based name (KRB5_NT_SRV_HST) matches keytab entries and
     tickets by krb5_sname_match's rules, its empty (referral) realm
     standing for any realm, as with MIT's mechanism. */
  krb5_int32 type;
};

/* A credential: where its tickets or keys live, by name, so that any
   thread's krb5_context can open them. */
struct krb5_gss_cred
{
  gss_cred_usage_t usage;
  struct krb5_gss_name *name;	/* NULL: an acceptor taking any key */
  char *ccache;			/* full name, for initiating */
  char *keytab;			/* full name, for accepting */
  krb5_timestamp endtime;	/* of the TGT, for initiating */
  bool destroy_ccache;		/* a delegated memory ccache we own */
  /* Acquired without a desired name: each context picks its ccache
     again for its target (select.c), as with MIT. */
  bool default_identity;
  /* The acceptor's replay cache from a credential store ("none:"
     turns replay detection off); NULL for the default one. */
  char *rcache;
};

/* The minor status of every failure for lack of memory, whether an
   allocation of ours or a libkrb5 call failed.  Not ENOMEM itself: in
   this mechanism's numbering (RFC 1964 section 2.2.3) 12 is
   GSS_KRB5_S_KG_TGT_MISSING. */
#define KG_NOMEM GSS_KRB5_S_G_BUFFER_ALLOC

/* Minor codes of this mechanism beyond RFC 1964's GSS_KRB5_S_* (1 to
   17), with texts in status.c. */
#define KG_S_BAD_BINDINGS 18
#define KG_S_BAD_DIRECTION 19

/* RFC 4121 section 4.1: token identifiers of context tokens. */
#define KG_TOK_AP_REQ 0x0100
#define KG_TOK_AP_REP 0x0200
#define KG_TOK_KRB_ERROR 0x0300

/* A security context, on either side. */
struct krb5_gss_ctx
{
  krb5_context kctx;		/* this context's own; never shared */
  krb5_auth_context auth;
  bool initiator;
  bool established;
  OM_uint32 flags;		/* GSS_C_*_FLAG of the context */
  struct krb5_gss_name *local, *peer;
  krb5_timestamp endtime;
  krb5_keyblock *session_key;	/* the ticket's */
  krb5_keyblock *initiator_subkey;
  krb5_keyblock *acceptor_subkey;	/* NULL when the acceptor sent none */
  uint64_t send_seq, recv_seq;
  /* Per-message state, set up when the context is established. */
  bool keys_ready;
  unsigned char token_flags;	/* RFC 4121 section 4.2.2 flags we send */
  const krb5_keyblock *msg_base;	/* the key the tokens use */
  /* Derived on first use: many contexts only authenticate. */
  struct k5_usage_key keys[4];
  krb5_keyusage key_usage[4];
  bool key_done[4];
  /* Contexts keyed by des3-cbc-sha1 or arcfour-hmac use the tokens of
     RFC 1964 and RFC 4757 with one key for everything. */
  bool v1;
  bool v1_done;
  struct k5_v1_key v1_key;
  struct k5_seqwin window;
  /* RFC 4121 token sizes, set with the keys' base. */
  struct k5_sizes sizes;
  krb5_error_code sizes_error;
};

/* The four key usages of a context, from its own point of view. */
enum { K5_SEAL_SEND, K5_SIGN_SEND, K5_SEAL_RECV, K5_SIGN_RECV };

/* Prepares the per-message keys and sequence window of an established
   context (keys.c). */
OM_uint32 krb5_gss_ctx_ready (OM_uint32 *minor, struct krb5_gss_ctx *ctx);
/* Drops the per-message state. */
void krb5_gss_ctx_keys_free (struct krb5_gss_ctx *ctx);

/* Per-message calls (mic.c, wrap.c). */
OM_uint32 krb5_gss_get_mic (OM_uint32 *minor, void *mctx, gss_qop_t qop,
			    const gss_buffer_t message, gss_buffer_t token);
OM_uint32 krb5_gss_verify_mic (OM_uint32 *minor, void *mctx,
			       const gss_buffer_t message,
			       const gss_buffer_t token, gss_qop_t *qop_state);
OM_uint32 krb5_gss_wrap (OM_uint32 *minor, void *mctx, int conf_req,
			 gss_qop_t qop, const gss_buffer_t input,
			 int *conf_state, gss_buffer_t output);
OM_uint32 krb5_gss_unwrap (OM_uint32 *minor, void *mctx,
			   const gss_buffer_t input, gss_buffer_t output,
			   int *conf_state, gss_qop_t *qop_state);
OM_uint32 krb5_gss_wrap_size_limit (OM_uint32 *minor, const void *mctx,
				    int conf_req, gss_qop_t qop,
				    OM_uint32 req_output_size,
				    OM_uint32 *max_input_size);
/* The same over the application's buffers (iov.c). */
OM_uint32 krb5_gss_wrap_iov (OM_uint32 *minor, void *mctx, int conf_req,
			     gss_qop_t qop, int *conf_state,
			     gss_iov_buffer_desc *iov, int iov_count);
OM_uint32 krb5_gss_unwrap_iov (OM_uint32 *minor, void *mctx,
			       int *conf_state, gss_qop_t *qop_state,
			       gss_iov_buffer_desc *iov, int iov_count);
OM_uint32 krb5_gss_wrap_iov_length (OM_uint32 *minor, void *mctx,
				    int conf_req, gss_qop_t qop,
				    int *conf_state,
				    gss_iov_buffer_desc *iov, int iov_count);
/* MIC tokens over the application's buffers (mic.c). */
OM_uint32 krb5_gss_get_mic_iov (OM_uint32 *minor, void *mctx, gss_qop_t qop,
				gss_iov_buffer_desc *iov, int iov_count);
OM_uint32 krb5_gss_get_mic_iov_length (OM_uint32 *minor, void *mctx,
				       gss_qop_t qop,
				       gss_iov_buffer_desc *iov,
				       int iov_count);
OM_uint32 krb5_gss_verify_mic_iov (OM_uint32 *minor, void *mctx,
				   gss_qop_t *qop_state,
				   gss_iov_buffer_desc *iov, int iov_count);
/* Context transfer (export.c). */
OM_uint32 krb5_gss_export_sec_context (OM_uint32 *minor, void *mctx,
				       gss_buffer_t token);
OM_uint32 krb5_gss_import_sec_context (OM_uint32 *minor,
				       const gss_buffer_t token, void **mctx);

/* Checks shared by the per-message calls: an established context, the
   default QOP, a lifetime not yet over.  Only reads the context. */
OM_uint32 krb5_gss_ctx_usable (OM_uint32 *minor,
			       const struct krb5_gss_ctx *ctx, gss_qop_t qop);
/* The status of a failure to prepare keys. */
OM_uint32 krb5_gss_key_failure (OM_uint32 *minor, krb5_error_code code);

/* The same checks, then the keys of usage WHICH,
   derived now if this is their first use. */
OM_uint32 krb5_gss_msg_key (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
			    gss_qop_t qop, int which,
			    struct k5_usage_key **key);

/* The same checks, then the key of a context with v1 tokens. */
OM_uint32 krb5_gss_v1_msg_key (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
			       gss_qop_t qop, struct k5_v1_key **key);

/* RFC 1964 / RFC 4757 tokens (v1token.c). */
OM_uint32 krb5_gss_v1_get_mic (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
			       struct k5_v1_key *k, const gss_buffer_t message,
			       gss_buffer_t token);
OM_uint32 krb5_gss_v1_verify_mic (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
				  struct k5_v1_key *k,
				  const gss_buffer_t message,
				  const gss_buffer_t token);
OM_uint32 krb5_gss_v1_wrap (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
			    struct k5_v1_key *k, int conf_req,
			    const gss_buffer_t input, int *conf_state,
			    gss_buffer_t output);
OM_uint32 krb5_gss_v1_unwrap (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
			      struct k5_v1_key *k, const gss_buffer_t input,
			      gss_buffer_t output, int *conf_state);
OM_uint32 krb5_gss_v1_wrap_size_limit (const struct k5_v1_key *k,
				       OM_uint32 req_output_size);
/* The length of a MIC token with keys shaped as K (only the algorithm
   numbers and checksum length are read). */
size_t krb5_gss_v1_mic_size (const struct k5_v1_key *k);

void krb5_gss_ctx_free (struct krb5_gss_ctx *ctx);

/* A fresh library context for one call. */
OM_uint32 krb5_gss_context (OM_uint32 *minor, krb5_context *ctx);

/* Names (name.c). */
OM_uint32 krb5_gss_name_new (OM_uint32 *minor, krb5_context ctx,
			     krb5_const_principal princ,
			     struct krb5_gss_name **out);
OM_uint32 krb5_gss_name_parse (OM_uint32 *minor, krb5_context ctx,
			       const struct krb5_gss_name *name,
			       krb5_principal *princ);
OM_uint32 krb5_gss_import_name (OM_uint32 *minor, const gss_buffer_t value,
				const gss_OID type, void **mname);
OM_uint32 krb5_gss_import_exported_name (OM_uint32 *minor, const void *data,
					 size_t length, void **mname);
OM_uint32 krb5_gss_export_name (OM_uint32 *minor, const void *mname,
				gss_buffer_t out);
OM_uint32 krb5_gss_display_name (OM_uint32 *minor, const void *mname,
				 gss_buffer_t out, gss_OID *type);
OM_uint32 krb5_gss_duplicate_name (OM_uint32 *minor, const void *mname,
				   void **copy);
int krb5_gss_compare_name (const void *a, const void *b);
void krb5_gss_release_name (void *mname);
int krb5_gss_userok (const void *mname, const char *username);

/* Credentials (cred.c). */
OM_uint32 krb5_gss_acquire_cred (OM_uint32 *minor, const void *desired_mname,
				 OM_uint32 time_req, gss_cred_usage_t usage,
				 void **mcred, OM_uint32 *time_rec);
OM_uint32 krb5_gss_inquire_cred (OM_uint32 *minor, const void *mcred,
				 void **mname, OM_uint32 *initiator_lifetime,
				 OM_uint32 *acceptor_lifetime,
				 gss_cred_usage_t *usage);
void krb5_gss_release_cred (void *mcred);
/* The same within an existing library context. */
OM_uint32 krb5_gss_acquire_cred_with (OM_uint32 *minor, krb5_context kctx,
				      const struct krb5_gss_name *desired,
				      gss_cred_usage_t usage,
				      struct krb5_gss_cred **out,
				      OM_uint32 *time_rec);
/* The initiator credential for SERVER when the application named no
   identity (select.c). */
OM_uint32 krb5_gss_select_initiator (OM_uint32 *minor, krb5_context kctx,
				     krb5_principal server,
				     struct krb5_gss_cred **out);
OM_uint32 krb5_gss_cred_from_ccache (OM_uint32 *minor, krb5_context ctx,
				     krb5_ccache cc, bool owned,
				     struct krb5_gss_cred **out);

/* Context tokens (token.c): framing with the RFC 2743 header and the
   two-octet token identifier. */
OM_uint32 krb5_gss_wrap_token (OM_uint32 *minor, unsigned tok_id,
			       const krb5_data *body, gss_buffer_t out);
OM_uint32 krb5_gss_unwrap_token (OM_uint32 *minor, const gss_buffer_t in,
				 unsigned *tok_id, krb5_data *body,
				 gss_buffer_t storage);

/* DER (der.c): enters the element at *P (*LEN octets left) if its tag
   is TAG: on return *P is its contents and *LEN their length; *REST is
   what follows the element. */
bool krb5_gss_der_enter (const unsigned char **p, size_t *len,
			 unsigned char tag, size_t *rest);
/* Whether MSG is [APPLICATION] APP_TAG holding a SEQUENCE that starts
   with pvno 5 and msg-type MSG_TYPE, and nothing after it. */
bool krb5_gss_krb_header_ok (const krb5_data *msg, unsigned char app_tag,
			     unsigned char msg_type);

/* The RFC 4121 section 4.1.1 authenticator checksum (checksum.c). */
OM_uint32 krb5_gss_make_checksum (OM_uint32 *minor,
				  const gss_channel_bindings_t cb,
				  OM_uint32 flags, const krb5_data *deleg,
				  krb5_data *out);
OM_uint32 krb5_gss_read_checksum (OM_uint32 *minor,
				  const krb5_checksum *cksum,
				  const gss_channel_bindings_t cb,
				  OM_uint32 *flags, krb5_data *deleg);

/* Status mapping and KRB-ERROR tokens (krberror.c). */
OM_uint32 krb5_gss_major_of (krb5_error_code code);
OM_uint32 krb5_gss_fail (OM_uint32 *minor, krb5_error_code code);
/* A received per-message token that is malformed (DEFECTIVE_TOKEN,
   KG_BAD_LENGTH), or whose integrity check failed (BAD_SIG,
   KRB5KRB_AP_ERR_BAD_INTEGRITY). */
OM_uint32 krb5_gss_defective (OM_uint32 *minor);
OM_uint32 krb5_gss_bad_sig (OM_uint32 *minor);
/* Whether CODE says that memory ran out. */
bool krb5_gss_nomem (krb5_error_code code);
/* MAJOR with CODE as the minor status, unless CODE says that memory ran
   out: GSS_S_FAILURE with KG_NOMEM then, whatever MAJOR. */
OM_uint32 krb5_gss_fail_as (OM_uint32 *minor, krb5_error_code code,
			    OM_uint32 major);
OM_uint32 krb5_gss_make_error_token (krb5_context kctx,
				     krb5_error_code code,
				     krb5_const_principal server,
				     gss_buffer_t out);
krb5_error_code krb5_gss_read_error_token (krb5_context kctx,
					   const krb5_data *body);

/* Contexts (init.c, accept.c, context.c). */
OM_uint32 krb5_gss_init_sec_context (OM_uint32 *minor, const void *mcred,
				     void **mctx, const void *target_mname,
				     OM_uint32 req_flags, OM_uint32 time_req,
				     const gss_channel_bindings_t cb,
				     const gss_buffer_t input_token,
				     gss_buffer_t output_token,
				     OM_uint32 *ret_flags, OM_uint32 *time_rec);
OM_uint32 krb5_gss_accept_sec_context (OM_uint32 *minor, void **mctx,
				       const void *mcred,
				       const gss_buffer_t input_token,
				       const gss_channel_bindings_t cb,
				       void **src_mname,
				       gss_buffer_t output_token,
				       OM_uint32 *ret_flags,
				       OM_uint32 *time_rec,
				       void **delegated_mcred);
OM_uint32 krb5_gss_delete_sec_context (OM_uint32 *minor, void *mctx,
				       gss_buffer_t output_token);
OM_uint32 krb5_gss_process_context_token (OM_uint32 *minor, void *mctx,
					  const gss_buffer_t token);
OM_uint32 krb5_gss_context_time (OM_uint32 *minor, const void *mctx,
				 OM_uint32 *time_rec);
OM_uint32 krb5_gss_inquire_context (OM_uint32 *minor, const void *mctx,
				    void **src_mname, void **targ_mname,
				    OM_uint32 *lifetime, OM_uint32 *flags,
				    int *locally_initiated, int *open);
/* Seconds from now until ENDTIME, 0 when past. */
OM_uint32 krb5_gss_lifetime (krb5_context kctx, krb5_timestamp endtime);

/* Minor status texts (status.c). */
OM_uint32 krb5_gss_display_status (OM_uint32 *minor, OM_uint32 code,
				   gss_buffer_t out);

extern const gss_OID_desc *const krb5_gss_name_types[];

#endif /* LIBGSS_K5_H */

/* mech.h - the interface between the mechanism-independent layer and
 * each mechanism.
 *
 * lib/ validates every argument before it calls through this table, so
 * an operation may assume: minor_status is writable, pointer outputs
 * are writable and already initialised to their empty values, handles
 * belong to this mechanism.  Mechanism objects (names, credentials,
 * contexts) are opaque `void *' to lib/.  An operation left NULL is one
 * the mechanism does not offer; lib/ answers GSS_S_UNAVAILABLE for it.
 */
#ifndef LIBGSS_MECH_H
#define LIBGSS_MECH_H

#include <gss.h>

struct gss_mech
{
  const gss_OID_desc *oid;
  const char *sasl_name;	/* RFC 5801, e.g. "GS2-KRB5"; NULL for none */
  const char *name;		/* human readable, e.g. "Kerberos V5" */
  const char *description;
  const gss_OID_desc *const *name_types;	/* NULL-terminated */

  /* Names.  A mechanism name (MN) is whatever the mechanism allocates;
     lib/ keeps it beside the printable form in a gss_name_t. */
  OM_uint32 (*import_name) (OM_uint32 *minor, const gss_buffer_t value,
			    const gss_OID type, void **mname);
  OM_uint32 (*import_exported_name) (OM_uint32 *minor, const void *data,
				     size_t length, void **mname);
  OM_uint32 (*export_name) (OM_uint32 *minor, const void *mname,
			    gss_buffer_t name_part);
  OM_uint32 (*display_name) (OM_uint32 *minor, const void *mname,
			     gss_buffer_t out, gss_OID *type);
  OM_uint32 (*duplicate_name) (OM_uint32 *minor, const void *mname,
			       void **copy);
  int (*compare_name) (const void *a, const void *b);
  void (*release_name) (void *mname);
  int (*userok) (const void *mname, const char *username);

  /* Credentials.  desired_mname may be NULL (the default identity). */
  OM_uint32 (*acquire_cred) (OM_uint32 *minor, const void *desired_mname,
			     OM_uint32 time_req, gss_cred_usage_t usage,
			     void **mcred, OM_uint32 *time_rec);
  OM_uint32 (*inquire_cred) (OM_uint32 *minor, const void *mcred,
			     void **mname, OM_uint32 *initiator_lifetime,
			     OM_uint32 *acceptor_lifetime,
			     gss_cred_usage_t *usage);
  void (*release_cred) (void *mcred);

  /* Contexts.  *mctx is NULL on the first call of a loop.  mcred NULL
     means the default credential. */
  OM_uint32 (*init_sec_context) (OM_uint32 *minor, const void *mcred,
				 void **mctx, const void *target_mname,
				 OM_uint32 req_flags, OM_uint32 time_req,
				 const gss_channel_bindings_t cb,
				 const gss_buffer_t input_token,
				 gss_buffer_t output_token,
				 OM_uint32 *ret_flags, OM_uint32 *time_rec);
  OM_uint32 (*accept_sec_context) (OM_uint32 *minor, void **mctx,
				   const void *mcred,
				   const gss_buffer_t input_token,
				   const gss_channel_bindings_t cb,
				   void **src_mname,
				   gss_buffer_t output_token,
				   OM_uint32 *ret_flags, OM_uint32 *time_rec,
				   void **delegated_mcred);
  OM_uint32 (*delete_sec_context) (OM_uint32 *minor, void *mctx,
				   gss_buffer_t output_token);
  OM_uint32 (*process_context_token) (OM_uint32 *minor, void *mctx,
				      const gss_buffer_t token);
  OM_uint32 (*context_time) (OM_uint32 *minor, const void *mctx,
			     OM_uint32 *time_rec);
  OM_uint32 (*inquire_context) (OM_uint32 *minor, const void *mctx,
				void **src_mname, void **targ_mname,
				OM_uint32 *lifetime, OM_uint32 *flags,
				int *locally_initiated, int *open);
  /* Serialises the context and leaves it as it was: lib/ deletes it
     once its own part of the token is made, so that a failure anywhere
     leaves the caller a working context (RFC 2744 section 5.14). */
  OM_uint32 (*export_sec_context) (OM_uint32 *minor, void *mctx,
				   gss_buffer_t token);
  OM_uint32 (*import_sec_context) (OM_uint32 *minor,
				   const gss_buffer_t token, void **mctx);

  /* Per-message protection. */
  OM_uint32 (*get_mic) (OM_uint32 *minor, void *mctx, gss_qop_t qop,
			const gss_buffer_t message, gss_buffer_t token);
  OM_uint32 (*verify_mic) (OM_uint32 *minor, void *mctx,
			   const gss_buffer_t message,
			   const gss_buffer_t token, gss_qop_t *qop_state);
  OM_uint32 (*wrap) (OM_uint32 *minor, void *mctx, int conf_req,
		     gss_qop_t qop, const gss_buffer_t input,
		     int *conf_state, gss_buffer_t output);
  OM_uint32 (*unwrap) (OM_uint32 *minor, void *mctx,
		       const gss_buffer_t input, gss_buffer_t output,
		       int *conf_state, gss_qop_t *qop_state);
  OM_uint32 (*wrap_size_limit) (OM_uint32 *minor, const void *mctx,
				int conf_req, gss_qop_t qop,
				OM_uint32 req_output_size,
				OM_uint32 *max_input_size);

  /* Text of one of this mechanism's minor status codes. */
  OM_uint32 (*display_status) (OM_uint32 *minor, OM_uint32 code,
			       gss_buffer_t out);

  /* Session keys, credential stores, passwords, local names and
     mechanism attributes (MIT's gssapi_ext.h).  lib/ has checked that a
     store's elements are readable; the mechanism reads the keys it
     knows and ignores the others, as MIT's do. */
  OM_uint32 (*inquire_sec_context_by_oid) (OM_uint32 *minor,
					   const void *mctx,
					   gss_const_OID object,
					   gss_buffer_set_t *data_set);
  OM_uint32 (*acquire_cred_from) (OM_uint32 *minor,
				  const void *desired_mname,
				  OM_uint32 time_req, gss_cred_usage_t usage,
				  gss_const_key_value_set_t store,
				  void **mcred, OM_uint32 *time_rec);
  OM_uint32 (*store_cred_into) (OM_uint32 *minor, const void *mcred,
				gss_cred_usage_t usage, int overwrite,
				int default_cred,
				gss_const_key_value_set_t store,
				gss_cred_usage_t *usage_stored);
  OM_uint32 (*acquire_cred_with_password) (OM_uint32 *minor,
					   const void *desired_mname,
					   const gss_buffer_t password,
					   OM_uint32 time_req,
					   gss_cred_usage_t usage,
					   void **mcred,
					   OM_uint32 *time_rec);
  /* The local account name of MNAME, NUL-terminated. */
  OM_uint32 (*localname) (OM_uint32 *minor, const void *mname,
			  gss_buffer_t localname);
  /* The mechanism's RFC 5587 attributes (NULL-terminated, from
     lib/mechattr.h's _gss_ma_oid); NULL for none. */
  const gss_OID_desc *const *mech_attrs;

  /* SPNEGO: negotiating mechanisms, which run the other mechanisms of
     the table beneath them through lib/'s public calls.  Such a
     mechanism works on lib/'s handles, not on objects of its own:
     - every mname it takes or returns is a gss_name_t: lib/ passes the
       application's name as it is, and hands the names it returns (the
       inner mechanism's MNs) to the application as they are;
     - its mcred is a gss_cred_id_t of an inner mechanism: lib/ passes a
       credential of another mechanism as it is, lends the inner
       credential of the negotiating mechanism's own to an inner
       mechanism that is called directly (a raw Kerberos token), and
       hands a delegated credential to the application as it is. */
  bool negotiates;
  /* The mechanism beneath the context (a static OID of the table), or
     NULL while none is chosen: lib/ reports it as the context's. */
  gss_OID (*negotiated_mech) (const void *mctx);

  /* IOV and AEAD.  lib/ has checked the array's shape (lib/iov.c):
     known types, at most one HEADER, TRAILER, PADDING and STREAM, a
     HEADER for wrapping, storage behind every buffer with a length
     that is not to be allocated.  On failure the operation releases
     what it allocated. */
  OM_uint32 (*wrap_iov) (OM_uint32 *minor, void *mctx, int conf_req,
			 gss_qop_t qop, int *conf_state,
			 gss_iov_buffer_desc *iov, int iov_count);
  OM_uint32 (*unwrap_iov) (OM_uint32 *minor, void *mctx, int *conf_state,
			   gss_qop_t *qop_state, gss_iov_buffer_desc *iov,
			   int iov_count);
  OM_uint32 (*wrap_iov_length) (OM_uint32 *minor, void *mctx, int conf_req,
				gss_qop_t qop, int *conf_state,
				gss_iov_buffer_desc *iov, int iov_count);

  /* MIC tokens over IOV arrays (MIT's gss_get_mic_iov).  lib/ has
     checked the array (lib/miciov.c): known types, exactly one
     MIC_TOKEN, storage behind every buffer with a length (for
     get_mic_iov_length: none needed; for get_mic_iov: none behind a
     MIC_TOKEN to be allocated).  The message is the DATA and SIGN_ONLY
     buffers in their order; on failure what was allocated is
     released. */
  OM_uint32 (*get_mic_iov) (OM_uint32 *minor, void *mctx, gss_qop_t qop,
			    gss_iov_buffer_desc *iov, int iov_count);
  OM_uint32 (*get_mic_iov_length) (OM_uint32 *minor, void *mctx,
				   gss_qop_t qop, gss_iov_buffer_desc *iov,
				   int iov_count);
  OM_uint32 (*verify_mic_iov) (OM_uint32 *minor, void *mctx,
			       gss_qop_t *qop_state,
			       gss_iov_buffer_desc *iov, int iov_count);
};

/* Services lib/ offers mechanisms: a NUL-terminated copy of DATA (the
   NUL not counted in the length) into OUT. */
OM_uint32 _gss_buffer_copy (OM_uint32 *minor, const void *data,
			    size_t length, gss_buffer_t out);
OM_uint32 _gss_buffer_from_string (OM_uint32 *minor, const char *s,
				   gss_buffer_t out);

/* The interprocess token of CTX, as gss_export_sec_context() makes it,
   leaving CTX in place. */
OM_uint32 _gss_ctx_serialize (OM_uint32 *minor, gss_ctx_id_t ctx,
			      gss_buffer_t token);

/* The mechanisms this library offers, NULL-terminated; the first is the
   default (GSS_C_NO_OID). */
extern const struct gss_mech *const _gss_mechs[];

/* The mechanism for OID, or the default one when OID is GSS_C_NO_OID;
   NULL when no mechanism has that OID. */
const struct gss_mech *_gss_find_mech (gss_const_OID oid);
/* The mechanism whose SASL name is NAME, or NULL. */
const struct gss_mech *_gss_find_mech_by_sasl (const void *name,
					       size_t length);
/* Whether MECH lists TYPE among its name types. */
int _gss_mech_has_name_type (const struct gss_mech *mech,
			     gss_const_OID type);

#endif /* LIBGSS_MECH_H */

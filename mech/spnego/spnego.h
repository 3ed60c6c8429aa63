/* spnego.h - the SPNEGO mechanism (RFC 4178) inside libgss.
 *
 * SPNEGO runs the other mechanisms of the table beneath it, through
 * lib/'s public calls: its context holds the inner mechanism's
 * gss_ctx_id_t, its credential an inner gss_cred_id_t, and the names
 * it takes and hands back are gss_name_t handles (lib/mech.h, the
 * `negotiates' entry).  It never sees a mechanism's own objects.
 */
#ifndef LIBGSS_SPNEGO_H
#define LIBGSS_SPNEGO_H

#include <config.h>
#include <stdbool.h>
#include <stddef.h>
#include "mech.h"

/* negState of NegTokenResp; NEG_NONE when the field is absent. */
enum spnego_neg_state
{
  NEG_ACCEPT_COMPLETED = 0,
  NEG_ACCEPT_INCOMPLETE = 1,
  NEG_REJECT = 2,
  NEG_REQUEST_MIC = 3,
  NEG_NONE = -1
};

/* The most mechanisms a peer's list may name: more is refused. */
#define SPNEGO_MAX_MECHS 32

/* A decoded NegTokenInit (or Windows' NegTokenInit2).  The buffers and
   OIDs point into the token that was decoded. */
struct spnego_init_token
{
  size_t mech_count;
  gss_OID_desc mechs[SPNEGO_MAX_MECHS];
  /* The DER of the MechTypeList exactly as received: what a
     mechListMIC covers (RFC 4178 section 5). */
  gss_buffer_desc mech_list_der;
  bool has_mech_token, has_mic;
  gss_buffer_desc mech_token, mic;
};

struct spnego_resp_token
{
  int neg_state;		/* enum spnego_neg_state */
  bool has_mech, has_token, has_mic;
  gss_OID_desc mech;
  gss_buffer_desc token, mic;
};

/* asn1.c: DER of the messages, with libtasn1.  The decoders return
   GSS_S_DEFECTIVE_TOKEN for anything malformed, and leave pointers into
   their input. */
/* A framed NegTokenInit (RFC 2743 header with the SPNEGO OID) offering
   MECHS; *MECH_LIST_DER receives the MechTypeList as it is in OUT. */
OM_uint32 spnego_encode_init (OM_uint32 *minor, const gss_OID_desc *mechs,
			      size_t count, const gss_buffer_t mech_token,
			      gss_buffer_t out, gss_buffer_t mech_list_der);
/* A bare NegTokenResp; NEG_NONE, GSS_C_NO_OID or GSS_C_NO_BUFFER leave
   a field out. */
OM_uint32 spnego_encode_resp (OM_uint32 *minor, int neg_state,
			      gss_const_OID mech, const gss_buffer_t token,
			      const gss_buffer_t mic, gss_buffer_t out);
/* INPUT is the inner token (after the RFC 2743 header). */
OM_uint32 spnego_decode_init (OM_uint32 *minor, const void *input,
			      size_t length, struct spnego_init_token *init);
OM_uint32 spnego_decode_resp (OM_uint32 *minor, const void *input,
			      size_t length, struct spnego_resp_token *resp);

extern gss_OID_desc GSS_SPNEGO_static;

/* Kerberos under either of its OIDs: RFC 1964's, or the one Windows
   uses (1.2.840.48018.1.2.2). */
extern const gss_OID_desc spnego_ms_krb5_oid;
/* The table's mechanism (never SPNEGO) that MECH stands for, or NULL. */
const struct gss_mech *spnego_inner_mech (gss_const_OID mech);

/* A context. */
struct spnego_ctx
{
  bool initiator;
  bool open;			/* SPNEGO itself complete */
  bool replied;			/* initiator: the first reply was read */
  bool inner_complete;
  bool mic_required, mic_sent, mic_received;
  gss_ctx_id_t inner;
  gss_OID inner_oid;		/* the table's static OID, or NULL */
  /* The inner mechanism as the initiator named it (acceptor: echoed
     in supportedMech), or the offered ones (initiator). */
  gss_OID_desc chosen;
  size_t mech_count;
  gss_OID_desc mechs[SPNEGO_MAX_MECHS];
  OM_uint32 inner_flags, inner_time;
  /* The MechTypeList as sent (initiator) or received (acceptor). */
  gss_buffer_desc mech_list_der;
  /* Acceptor: what the inner context gave, kept until SPNEGO is done. */
  gss_name_t src_name;
  gss_cred_id_t delegated;
  gss_name_t target;		/* initiator: for a restart */
};

void spnego_ctx_free (struct spnego_ctx *ctx);
/* RFC 4178 section 5, once the inner context is complete: verify the
   peer's MIC (MIC_IN may be NULL), and make ours into *MIC_OUT when it
   was not sent yet.  SENDING_TOKEN says whether a mechanism token goes
   out now: without one, a required MIC must have come. */
OM_uint32 spnego_handle_mic (OM_uint32 *minor, struct spnego_ctx *ctx,
			     const gss_buffer_t mic_in, bool sending_token,
			     gss_buffer_t mic_out);

/* GSS_S_COMPLETE once SPNEGO itself is complete (per-message calls
   and inquiries wait for it: until then the MICs may still say the
   negotiation was tampered with), else GSS_S_NO_CONTEXT. */
OM_uint32 spnego_check_open (OM_uint32 *minor,
			     const struct spnego_ctx *ctx);

/* The context is established: record the inner flags and lifetime
   and return them. */
void spnego_finish (struct spnego_ctx *ctx, OM_uint32 *ret_flags,
		    OM_uint32 *time_rec);

/* The operations of the table entry. */
OM_uint32 spnego_init_sec_context (OM_uint32 *minor, const void *mcred,
				   void **mctx, const void *target_mname,
				   OM_uint32 req_flags, OM_uint32 time_req,
				   const gss_channel_bindings_t cb,
				   const gss_buffer_t input_token,
				   gss_buffer_t output_token,
				   OM_uint32 *ret_flags, OM_uint32 *time_rec);
OM_uint32 spnego_accept_sec_context (OM_uint32 *minor, void **mctx,
				     const void *mcred,
				     const gss_buffer_t input_token,
				     const gss_channel_bindings_t cb,
				     void **src_mname,
				     gss_buffer_t output_token,
				     OM_uint32 *ret_flags, OM_uint32 *time_rec,
				     void **delegated_mcred);

/* ext.c: the extensions of MIT's gssapi_ext.h, on the inner context. */
OM_uint32 spnego_inquire_sec_context_by_oid (OM_uint32 *minor,
					     const void *mctx,
					     gss_const_OID object,
					     gss_buffer_set_t *data_set);
OM_uint32 spnego_wrap_iov (OM_uint32 *minor, void *mctx, int conf_req,
			   gss_qop_t qop, int *conf_state,
			   gss_iov_buffer_desc *iov, int iov_count);
OM_uint32 spnego_unwrap_iov (OM_uint32 *minor, void *mctx, int *conf_state,
			     gss_qop_t *qop_state, gss_iov_buffer_desc *iov,
			     int iov_count);
OM_uint32 spnego_wrap_iov_length (OM_uint32 *minor, void *mctx,
				  int conf_req, gss_qop_t qop,
				  int *conf_state, gss_iov_buffer_desc *iov,
				  int iov_count);
OM_uint32 spnego_get_mic_iov (OM_uint32 *minor, void *mctx, gss_qop_t qop,
			      gss_iov_buffer_desc *iov, int iov_count);
OM_uint32 spnego_get_mic_iov_length (OM_uint32 *minor, void *mctx,
				     gss_qop_t qop,
				     gss_iov_buffer_desc *iov, int iov_count);
OM_uint32 spnego_verify_mic_iov (OM_uint32 *minor, void *mctx,
				 gss_qop_t *qop_state,
				 gss_iov_buffer_desc *iov, int iov_count);
extern const gss_OID_desc *const spnego_mech_attrs[];

#endif

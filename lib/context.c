/* context.c - security contexts: establishment, inquiry, deletion and
   transfer between processes. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

/* The checks every call on an existing context starts with. */
static OM_uint32
check_context (gss_const_ctx_id_t ctx)
{
  if (ctx == GSS_C_NO_CONTEXT)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT;
  if (!_gss_ctx_ok (ctx))
    return GSS_S_NO_CONTEXT;
  return GSS_S_COMPLETE;
}

OM_uint32
_gss_ctx_wrap (OM_uint32 *minor, const struct gss_mech *mech, void *mctx,
	       gss_ctx_id_t *out)
{
  struct gss_ctx_id_struct *ctx = calloc (1, sizeof *ctx);
  OM_uint32 tmp;

  if (ctx == NULL)
    {
      mech->delete_sec_context (&tmp, mctx, GSS_C_NO_BUFFER);
      *minor = GSS_MINOR_NOMEM;
      return GSS_S_FAILURE;
    }
  ctx->magic = GSS_MAGIC_CTX;
  ctx->mech = mech;
  ctx->mctx = mctx;
  *out = ctx;
  return GSS_S_COMPLETE;
}

gss_OID
_gss_ctx_mech_oid (const struct gss_mech *mech, const void *mctx)
{
  gss_OID inner = mech->negotiated_mech && mctx
    ? mech->negotiated_mech (mctx) : GSS_C_NO_OID;

  return inner != GSS_C_NO_OID ? inner : (gss_OID) mech->oid;
}

static void
free_context (gss_ctx_id_t *ctx)
{
  (*ctx)->magic = GSS_MAGIC_DEAD;
  free (*ctx);
  *ctx = GSS_C_NO_CONTEXT;
}

static void
release_output (gss_buffer_t token)
{
  OM_uint32 tmp;
  gss_release_buffer (&tmp, token);
}

/*@ gss_init_sec_context - start, or go on with, establishing a security
 *   context as the initiator
 *
 * @param minor_status (out) Receives the mechanism's status code: 0, a
 *   GSS_KRB5_S_* value of gss/krb5.h or a libkrb5 error code, which
 *   gss_display_status() explains with GSS_C_MECH_CODE.  Must not be
 *   NULL.
 * @param initiator_cred_handle (in, optional) The credential to
 *   authenticate with, as obtained from gss_acquire_cred() with the
 *   usage GSS_C_INITIATE or GSS_C_BOTH.  GSS_C_NO_CREDENTIAL, or a
 *   credential acquired for GSS_C_NO_NAME, lets Kerberos choose the
 *   credential cache for @target_name as MIT Kerberos does
 *   (krb5_cc_select: a ~/.k5identity rule, else the cache of the
 *   target's realm in a DIR or KCM collection, else the default cache
 *   of KRB5CCNAME); the cache must hold a ticket-granting ticket.
 * @param context_handle (in/out) On the first call, a variable holding
 *   GSS_C_NO_CONTEXT: a successful first call stores the new context
 *   in it.  On the following calls, that same variable, unchanged.  A
 *   failed first call leaves GSS_C_NO_CONTEXT in it; a failed later
 *   call leaves the context in place, for the caller to release with
 *   gss_delete_sec_context().  Must not be NULL.
 * @param target_name (in) The acceptor's name, from gss_import_name():
 *   usually a GSS_C_NT_HOSTBASED_SERVICE name such as
 *   `host@server.example.org`, which libkrb5 turns into a service
 *   principal by its realm mapping, or a Kerberos principal name.
 * @param mech_type (in, optional) The mechanism to use: GSS_KRB5,
 *   GSS_SPNEGO (RFC 4178, negotiating Kerberos 5, as HTTP Negotiate
 *   asks), or GSS_C_NO_OID for the default one, which is Kerberos 5.  On
 *   a continuation call it must be GSS_C_NO_OID or the mechanism of the
 *   first call.
 * @param req_flags (in) The services asked for: the GSS_C_*_FLAG values
 *   described below, combined with bitwise OR.
 * @param time_req (in, optional) The number of seconds the context
 *   should remain valid, or 0 (or GSS_C_INDEFINITE) for the default.
 *   Kerberos asks for a service ticket ending that much later when it
 *   has no usable one yet; the KDC has the last word, and @time_rec
 *   tells what was obtained.
 * @param input_chan_bindings (in, optional) Channel bindings tying the
 *   context to the underlying channel (addresses, or a TLS channel's
 *   identity in the application_data field), or
 *   GSS_C_NO_CHANNEL_BINDINGS.  Their MD5 hash travels in the
 *   authenticator (RFC 4121 section 4.1.1.2), for the acceptor to
 *   compare with its own.
 * @param input_token (in, optional) GSS_C_NO_BUFFER or an empty buffer
 *   on the first call (it is not read then).  On a continuation call,
 *   the token the acceptor sent back.
 * @param actual_mech_type (out, optional) Receives the mechanism of the
 *   context when the call does not fail, GSS_C_NO_OID otherwise: with
 *   SPNEGO, the mechanism it negotiated (GSS_KRB5).  The
 *   OID points to static storage: do not modify or free it.  NULL when
 *   not wanted.
 * @param output_token (out) Emptied first, then receives the token to
 *   send to the acceptor; nothing is to be sent when its length is 0.
 *   Release it with gss_release_buffer().  Must not be NULL.
 * @param ret_flags (out, optional) Receives the GSS_C_*_FLAG values of
 *   the services the context offers, described below; 0 after a failed
 *   first call.  NULL when not wanted.
 * @param time_rec (out, optional) Receives the number of seconds the
 *   context will remain valid (until the service ticket expires), once
 *   per-message protection is ready; 0 before that and on failure.
 *   NULL when not wanted.
 *
 * @desc
 * This is the initiator's half of context establishment.  The first
 * call, with @context_handle holding GSS_C_NO_CONTEXT, creates the
 * context and usually produces a token in @output_token that the
 * application transfers to the peer, who hands it to
 * gss_accept_sec_context().  When the return value has the
 * supplementary bit GSS_S_CONTINUE_NEEDED, the peer's answer is needed:
 * call gss_init_sec_context() again with the same @context_handle and
 * the reply in @input_token, until the call returns GSS_S_COMPLETE or
 * fails.  An output token may come with GSS_S_COMPLETE too: always send
 * a non-empty @output_token, whatever the status.
 *
 * With Kerberos 5 the first call gets a service ticket for @target_name
 * (from the credential cache, or from the KDC) and returns an AP-REQ.
 * Without GSS_C_MUTUAL_FLAG that is all: the call returns
 * GSS_S_COMPLETE.  With it, the call returns GSS_S_CONTINUE_NEEDED, and
 * a second call takes the acceptor's AP-REP, which proves the
 * acceptor's identity, or a KRB-ERROR token saying why the acceptor
 * refused.
 *
 * With SPNEGO (@mech_type GSS_SPNEGO) the first call sends a
 * NegTokenInit offering Kerberos 5 with an optimistic AP-REQ, and
 * returns GSS_S_CONTINUE_NEEDED whatever the flags: the acceptor's
 * NegTokenResp, carrying the AP-REP when mutual authentication was
 * asked for, completes the context.  When the acceptor picked another
 * mechanism than the first offered, or asked for it, both sides
 * exchange a MIC of the mechanism list (RFC 4178 section 5), and one
 * that does not verify fails the context with GSS_S_BAD_SIG: the list
 * was changed on the way.  Flags, lifetime, names, delegation and
 * channel bindings are the Kerberos context's, and so is every later
 * call on the context.
 *
 * Portable programs decide from the status and the token length alone
 * whether to send or to wait, as in this loop:
 *
 * | gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
 * | gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out;
 * | OM_uint32 major, minor;
 * |
 * | do
 * |   {
 * |     major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx,
 * |                                   target, GSS_C_NO_OID,
 * |                                   GSS_C_MUTUAL_FLAG, 0,
 * |                                   GSS_C_NO_CHANNEL_BINDINGS, &in,
 * |                                   NULL, &out, NULL, NULL);
 * |     if (out.length != 0)
 * |       send_to_peer (&out);
 * |     gss_release_buffer (&minor, &out);
 * |     if (GSS_ERROR (major))
 * |       {
 * |         report_error (major, minor);
 * |         break;
 * |       }
 * |     if (major & GSS_S_CONTINUE_NEEDED)
 * |       receive_from_peer (&in);
 * |   }
 * | while (major & GSS_S_CONTINUE_NEEDED);
 *
 * While GSS_S_CONTINUE_NEEDED is returned the context is not complete:
 * @time_rec and @actual_mech_type are only meaningful with
 * GSS_S_COMPLETE, and @ret_flags tells which services the context will
 * have if establishment succeeds.  A service that was asked for but
 * cannot be given is simply absent from @ret_flags; the application
 * then decides whether to go on without it or to give up with
 * gss_delete_sec_context().
 *
 * The flags of @req_flags and @ret_flags:
 *
 * - GSS_C_DELEG_FLAG: delegate the initiator's credentials.  Kerberos
 *   forwards the ticket-granting ticket in a KRB-CRED encrypted in the
 *   ticket's session key.  When the ticket cannot be forwarded the
 *   context goes on without delegation and the flag is clear in
 *   @ret_flags.
 * - GSS_C_DELEG_POLICY_FLAG (MIT's value 32768, from <gss/flags.h>):
 *   delegate only when the KDC marked the service ok-as-delegate; then
 *   as GSS_C_DELEG_FLAG, and @ret_flags has both flags.
 * - GSS_C_MUTUAL_FLAG: the acceptor must authenticate itself too; this
 *   costs the second round described above.  With Kerberos it also
 *   lets the acceptor move the context to a stronger encryption type
 *   than the ticket's session key (RFC 4537, as MIT Kerberos does).
 * - GSS_C_REPLAY_FLAG: per-message tokens that arrive twice are
 *   reported, by gss_verify_mic() and gss_unwrap(), with
 *   GSS_S_DUPLICATE_TOKEN.
 * - GSS_C_SEQUENCE_FLAG: per-message tokens that arrive out of order,
 *   or after a gap, are reported with GSS_S_UNSEQ_TOKEN, GSS_S_OLD_TOKEN
 *   or GSS_S_GAP_TOKEN.
 * - GSS_C_CONF_FLAG and GSS_C_INTEG_FLAG: gss_wrap() can encrypt, and
 *   gss_get_mic() and gss_wrap() can protect integrity.  Kerberos
 *   always offers both and sets them in @ret_flags whether or not they
 *   were asked for.
 * - GSS_C_ANON_FLAG: keep the initiator anonymous.  The Kerberos
 *   mechanism does not offer this, and never sets the flag in
 *   @ret_flags.
 * - GSS_C_DCE_STYLE (0x1000, declared in <gss/iov.h>): the DCE-style
 *   exchange of MS-KILE that DCE/RPC and SMB peers use, as MIT krb5
 *   does it: the tokens go without the RFC 2743 framing, mutual
 *   authentication is implied, and the call that takes the acceptor's
 *   AP-REP returns GSS_S_COMPLETE with one more token, the initiator's
 *   own AP-REP, for the acceptor.  Wrap tokens made with
 *   gss_wrap_iov() without a TRAILER then rotate as Windows expects.
 * - GSS_C_PROT_READY_FLAG (only in @ret_flags): per-message protection
 *   may be used now.  Set when the context is complete.
 * - GSS_C_TRANS_FLAG (only in @ret_flags): the context can be handed
 *   to another process with gss_export_sec_context().  Set when the
 *   context is complete.
 *
 * A failed first call leaves no context behind.  A failed continuation
 * call leaves the half-built context untouched; the application
 * deletes it with gss_delete_sec_context().  Establishment errors such
 * as a replayed token always come with the routine error
 * GSS_S_FAILURE, never as supplementary bits alone.
 *
 * @return GSS_S_COMPLETE: The context is established.  Send
 *   @output_token to the peer if it is not empty.
 * @return GSS_S_CONTINUE_NEEDED: Send @output_token to the peer and
 *   call again with its reply (mutual authentication was asked for).
 * @return GSS_S_DEFECTIVE_TOKEN: On a continuation call, @input_token
 *   is missing or empty, lacks the RFC 2743 token framing, is neither
 *   an AP-REP nor a KRB-ERROR, or does not decrypt under the session
 *   key, i.e. was changed on the way; with SPNEGO, it is not a
 *   well-formed NegTokenResp, or lacks a mechListMIC the negotiation
 *   needs.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN:
 *   @input_token has a length but no value.
 * @return GSS_S_CALL_INACCESSIBLE_READ: One of the buffers of
 *   @input_chan_bindings has a length but no value.
 * @return GSS_S_NO_CRED: @initiator_cred_handle is not a live
 *   credential handle or is a credential for accepting only, or, with
 *   GSS_C_NO_CREDENTIAL, there is no default credential cache or it has
 *   no ticket-granting ticket.
 * @return GSS_S_CREDENTIALS_EXPIRED: The ticket-granting ticket has
 *   expired, or the acceptor answered that the ticket had.
 * @return GSS_S_CONTEXT_EXPIRED: The acceptor answered that the clocks
 *   differ too much.
 * @return GSS_S_FAILURE | GSS_S_DUPLICATE_TOKEN: The acceptor answered
 *   that it had seen the AP-REQ before (a replay).
 * @return GSS_S_BAD_NAME: @target_name is GSS_C_NO_NAME (GNU GSS's
 *   status) or not a live name handle, or libkrb5 cannot read it as a
 *   principal.
 * @return GSS_S_BAD_NAMETYPE: @target_name is an anonymous name, or is
 *   of a name type the mechanism does not take.
 * @return GSS_S_BAD_MECH: @mech_type names no mechanism of this
 *   library (neither Kerberos 5 nor SPNEGO), or on a continuation call
 *   differs from the context's; or @initiator_cred_handle or
 *   @target_name belongs to another mechanism; or, with SPNEGO, the
 *   acceptor rejected the negotiation or chose a mechanism that was not
 *   offered.
 * @return GSS_S_BAD_SIG: With SPNEGO, the acceptor's mechListMIC does
 *   not verify: the negotiation was tampered with.
 * @return GSS_S_NO_CONTEXT: *@context_handle is neither
 *   GSS_C_NO_CONTEXT nor a live context handle, or is the context of
 *   an acceptor.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT:
 *   @context_handle is NULL (GNU GSS's status).
 * @return GSS_S_CALL_BAD_STRUCTURE | GSS_S_FAILURE: @output_token is
 *   NULL (GNU GSS's status).
 * @return GSS_S_UNAVAILABLE: The mechanism cannot initiate contexts
 *   (never the case of Kerberos 5).
 * @return GSS_S_FAILURE: Anything else, with the reason in
 *   @minor_status: no service ticket could be had (KDC unreachable,
 *   unknown service principal, ...), the acceptor refused with a
 *   KRB-ERROR, the context was already complete
 *   (GSS_KRB5_S_KG_CONTEXT_ESTABLISHED), or memory ran out.
 *
 * @see gss_accept_sec_context gss_delete_sec_context gss_import_name
 * @see gss_acquire_cred gss_inquire_context gss_display_status
 */
OM_uint32
gss_init_sec_context (OM_uint32 *minor_status,
		      const gss_cred_id_t initiator_cred_handle,
		      gss_ctx_id_t *context_handle,
		      const gss_name_t target_name, const gss_OID mech_type,
		      OM_uint32 req_flags, OM_uint32 time_req,
		      const gss_channel_bindings_t input_chan_bindings,
		      const gss_buffer_t input_token,
		      gss_OID *actual_mech_type, gss_buffer_t output_token,
		      OM_uint32 *ret_flags, OM_uint32 *time_rec)
{
  const struct gss_mech *mech;
  void *mctx, *mname = NULL;
  const void *mcred;
  bool owned = false, first;
  OM_uint32 major, flags = 0, lifetime = 0;

  if (actual_mech_type != NULL)
    *actual_mech_type = GSS_C_NO_OID;
  if (output_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_token);
  if (ret_flags != NULL)
    *ret_flags = 0;
  if (time_rec != NULL)
    *time_rec = 0;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  /* GNU GSS's statuses for the missing handle, output and target. */
  if (context_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT;
  if (output_token == GSS_C_NO_BUFFER)
    return GSS_S_CALL_BAD_STRUCTURE | GSS_S_FAILURE;
  if (target_name == GSS_C_NO_NAME)
    return GSS_S_BAD_NAME;
  if (!_gss_name_ok (target_name))
    return GSS_S_BAD_NAME;
  if (initiator_cred_handle != GSS_C_NO_CREDENTIAL
      && !_gss_cred_ok (initiator_cred_handle))
    return GSS_S_NO_CRED;
  if (input_token != GSS_C_NO_BUFFER && !_gss_buffer_readable (input_token))
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN;
  if (!_gss_bindings_readable (input_chan_bindings))
    return GSS_S_CALL_INACCESSIBLE_READ;

  first = *context_handle == GSS_C_NO_CONTEXT;
  if (first)
    mech = _gss_find_mech (mech_type);
  else if (!_gss_ctx_ok (*context_handle))
    return GSS_S_NO_CONTEXT;
  else
    {
      mech = (*context_handle)->mech;
      if (mech_type != GSS_C_NO_OID && !gss_oid_equal (mech_type, mech->oid))
	return GSS_S_BAD_MECH;
    }
  if (mech == NULL)
    return GSS_S_BAD_MECH;
  if (!_gss_cred_element (initiator_cred_handle, mech, &mcred))
    return GSS_S_BAD_MECH;
  if (mech->init_sec_context == NULL)
    return GSS_S_UNAVAILABLE;

  major = _gss_name_to_mname (minor_status, target_name, mech, &mname,
			      &owned);
  if (GSS_ERROR (major))
    return major;

  mctx = first ? NULL : (*context_handle)->mctx;
  major = mech->init_sec_context (minor_status, mcred,
				  &mctx, mname, req_flags, time_req,
				  input_chan_bindings, input_token,
				  output_token, &flags, &lifetime);
  if (owned)
    mech->release_name (mname);

  /* A failed first call leaves no context behind (the mechanism freed
     its own); a failed later one leaves the context for the caller to
     delete, as the gss_init_sec_context page prefers. */
  if (first && !GSS_ERROR (major) && mctx != NULL)
    {
      OM_uint32 wrapped = _gss_ctx_wrap (minor_status, mech, mctx,
					context_handle);
      if (GSS_ERROR (wrapped))
	{
	  release_output (output_token);
	  return wrapped;
	}
    }
  if (ret_flags != NULL)
    *ret_flags = flags;
  if (GSS_ERROR (major))
    return major;
  if (actual_mech_type != NULL)
    *actual_mech_type = _gss_ctx_mech_oid (mech, mctx);
  if (time_rec != NULL)
    *time_rec = lifetime;
  return major;
}

/*@ gss_accept_sec_context - accept a security context initiated by a peer
 *
 * @param minor_status (out) Receives the mechanism's status code: 0, a
 *   GSS_KRB5_S_* value or a libkrb5 error code.  May be NULL.
 * @param context_handle (in/out) A variable holding GSS_C_NO_CONTEXT on
 *   the first call; a successful call stores the new context in it,
 *   which the application releases with gss_delete_sec_context().  A
 *   failed first call leaves GSS_C_NO_CONTEXT in it.  Must not be NULL.
 * @param acceptor_cred_handle (in, optional) The credential to accept
 *   with, from gss_acquire_cred() with the usage GSS_C_ACCEPT or
 *   GSS_C_BOTH, for Kerberos 5 or for SPNEGO: either takes both kinds
 *   of token.  GSS_C_NO_CREDENTIAL uses the default keytab (by
 *   KRB5_KTNAME, for example), and then a ticket for any principal
 *   of that keytab is accepted.
 * @param input_token_buffer (in) The token received from the
 *   initiator.  Must not be GSS_C_NO_BUFFER.
 * @param input_chan_bindings (in, optional) The acceptor's view of the
 *   channel bindings, or GSS_C_NO_CHANNEL_BINDINGS to ignore any that
 *   the initiator sent.  When given, an initiator that sent bindings
 *   must have sent the same ones; one that sent none is accepted.
 * @param src_name (out, optional) Receives the initiator's name, a
 *   mechanism name holding the client principal, on success, and
 *   GSS_C_NO_NAME otherwise.  Release it with gss_release_name().  NULL
 *   when not wanted.
 * @param mech_type (out, optional) Receives the mechanism of the
 *   context on success, GSS_C_NO_OID otherwise: GSS_KRB5, also for a
 *   context SPNEGO negotiated.  It points to static storage: do not
 *   modify or free it.  NULL when not wanted.
 * @param output_token (out) Emptied first, then receives the token to
 *   send back to the initiator, if any: the AP-REP when mutual
 *   authentication was asked for.  Even when the call fails it may hold
 *   a KRB-ERROR token telling an initiator that waits for an answer why
 *   it was refused.  Send it whenever its length is not 0, and release
 *   it with gss_release_buffer().  Must not be NULL.
 * @param ret_flags (out, optional) Receives the GSS_C_*_FLAG values of
 *   the services the context offers, as listed under
 *   gss_init_sec_context().  NULL when not wanted.
 * @param time_rec (out, optional) Receives the number of seconds the
 *   context will remain valid (until the initiator's ticket expires),
 *   0 on failure.  NULL when not wanted.
 * @param delegated_cred_handle (out, optional) When @ret_flags has
 *   GSS_C_DELEG_FLAG, receives a credential holding the initiator's
 *   forwarded ticket-granting ticket, usable with
 *   gss_init_sec_context() to act on the initiator's behalf; it lives in
 *   a private in-memory credential cache that gss_release_cred()
 *   destroys.  GSS_C_NO_CREDENTIAL otherwise.  When NULL, a delegated
 *   credential is discarded.
 *
 * @desc
 * This is the acceptor's half of context establishment.  The
 * application passes each token it receives from the initiator, and
 * sends back every non-empty @output_token.  The general GSS-API allows
 * several rounds, signalled by GSS_S_CONTINUE_NEEDED as with
 * gss_init_sec_context(); the Kerberos 5 acceptor finishes in one call,
 * except with an initiator that asked for GSS_C_DCE_STYLE: its bare
 * AP-REQ is answered with a bare AP-REP and GSS_S_CONTINUE_NEEDED, and
 * the initiator's AP-REP, passed to a second call, completes the
 * context.
 *
 * The mechanism is the one named in the RFC 2743 header of the first
 * token; a first token that does not start like that header goes to
 * the default mechanism, Kerberos 5, as a DCE-style AP-REQ.  For
 * Kerberos 5 the token is an AP-REQ: it is decrypted with a key of the
 * keytab, checked against the replay cache, and its
 * authenticator checksum (RFC 4121 section 4.1.1) is verified, which
 * also carries the requested flags, the channel bindings and any
 * delegated credentials.  When the initiator asked for mutual
 * authentication an AP-REP is returned in @output_token, with a fresh
 * acceptor subkey for the RFC 4121 per-message tokens.
 *
 * A SPNEGO token (RFC 4178) is answered with a NegTokenResp: the
 * first mechanism of the initiator's list that this side has is
 * chosen, its optimistic token used when it is for that one (the
 * AP-REP then comes back in the answer, and the call usually
 * completes at once), and otherwise the initiator is asked to start it
 * and GSS_S_CONTINUE_NEEDED returned.  An acceptor with no credential
 * takes SPNEGO and raw Kerberos tokens alike, telling them apart by the
 * header, as MIT's does.  @src_name, the flags and a delegated
 * credential are those of the Kerberos context.  When nothing is in
 * common, the call fails with GSS_S_BAD_MECH and a NegTokenResp saying
 * reject in @output_token; a Kerberos failure goes back in a reject
 * too.
 *
 * A delegation that cannot be opened costs the delegation, not the
 * context: GSS_C_DELEG_FLAG is then clear in @ret_flags.  The flags
 * GSS_C_CONF_FLAG, GSS_C_INTEG_FLAG, GSS_C_PROT_READY_FLAG and
 * GSS_C_TRANS_FLAG are always set on success; GSS_C_MUTUAL_FLAG,
 * GSS_C_REPLAY_FLAG and GSS_C_SEQUENCE_FLAG as the initiator asked.
 * GSS_C_CHANNEL_BOUND_FLAG (MIT's value 2048, from <gss/flags.h>) is
 * set when both sides passed channel bindings and they matched; an
 * initiator asserting KERB_AP_OPTIONS_CBT (MIT's
 * client_aware_channel_bindings) must match bindings given here.
 *
 * @return GSS_S_COMPLETE: The context is established.  Send
 *   @output_token to the initiator if it is not empty.
 * @return GSS_S_CONTINUE_NEEDED: Another token from the initiator is
 *   needed.  The Kerberos 5 mechanism asks for one only in the
 *   DCE-style exchange; SPNEGO does when the initiator's optimistic
 *   token could not be used, or for the initiator's mechListMIC.
 * @return GSS_S_DEFECTIVE_TOKEN: The token lacks the RFC 2743 framing
 *   (and is not a DCE-style AP-REQ), is not an AP-REQ, comes bare
 *   without the initiator asking for GSS_C_DCE_STYLE or framed with it,
 *   or its contents or checksum are malformed; in the third DCE-style
 *   leg, the initiator's AP-REP is not one or was changed.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN:
 *   @input_token_buffer is GSS_C_NO_BUFFER, or has a length but no
 *   value.
 * @return GSS_S_CALL_INACCESSIBLE_READ: One of the buffers of
 *   @input_chan_bindings has a length but no value.
 * @return GSS_S_BAD_MECH: The token names a mechanism this library does
 *   not offer, or a SPNEGO token offers none that it has (a reject is
 *   in @output_token).
 * @return GSS_S_BAD_SIG: The initiator's SPNEGO mechListMIC does not
 *   verify: the negotiation was tampered with.
 * @return GSS_S_NO_CRED: @acceptor_cred_handle is not a live credential
 *   handle, belongs to another mechanism or is for initiating only; or
 *   the keytab cannot be read or holds no key for the ticket's service
 *   principal or key version.
 * @return GSS_S_BAD_BINDINGS: The initiator's channel bindings differ
 *   from @input_chan_bindings.
 * @return GSS_S_CREDENTIALS_EXPIRED: The initiator's ticket has
 *   expired.
 * @return GSS_S_CONTEXT_EXPIRED: The initiator's clock differs from
 *   ours by more than the allowed skew.
 * @return GSS_S_FAILURE | GSS_S_DUPLICATE_TOKEN: The replay cache has
 *   seen this AP-REQ before.
 * @return GSS_S_NO_CONTEXT: *@context_handle is neither
 *   GSS_C_NO_CONTEXT nor a live context handle.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT:
 *   @context_handle is NULL (GNU GSS's status).
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @output_token
 *   is NULL.
 * @return GSS_S_UNAVAILABLE: The token's mechanism cannot accept
 *   contexts (never the case of Kerberos 5).
 * @return GSS_S_FAILURE: Anything else, with the reason in
 *   @minor_status: the ticket does not decrypt (a wrong key, or a
 *   changed token), *@context_handle is a context that is already
 *   complete (GSS_KRB5_S_KG_CONTEXT_ESTABLISHED), a libkrb5 failure, or
 *   memory ran out.
 *
 * @see gss_init_sec_context gss_delete_sec_context gss_acquire_cred
 * @see gss_display_name gss_release_cred gss_display_status
 */
OM_uint32
gss_accept_sec_context (OM_uint32 *minor_status,
			gss_ctx_id_t *context_handle,
			const gss_cred_id_t acceptor_cred_handle,
			const gss_buffer_t input_token_buffer,
			const gss_channel_bindings_t input_chan_bindings,
			gss_name_t *src_name, gss_OID *mech_type,
			gss_buffer_t output_token, OM_uint32 *ret_flags,
			OM_uint32 *time_rec,
			gss_cred_id_t *delegated_cred_handle)
{
  const struct gss_mech *mech;
  void *mctx, *src_mname = NULL, *deleg_mcred = NULL;
  const void *mcred;
  bool first;
  OM_uint32 major, flags = 0, lifetime = 0, tmp;

  if (src_name != NULL)
    *src_name = GSS_C_NO_NAME;
  if (mech_type != NULL)
    *mech_type = GSS_C_NO_OID;
  if (output_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_token);
  if (ret_flags != NULL)
    *ret_flags = 0;
  if (time_rec != NULL)
    *time_rec = 0;
  if (delegated_cred_handle != NULL)
    *delegated_cred_handle = GSS_C_NO_CREDENTIAL;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  /* GNU GSS's status for the missing handle. */
  if (context_handle == NULL)
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT;
  if (!_gss_buffer_readable (input_token_buffer))
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN;
  if (!_gss_bindings_readable (input_chan_bindings))
    return GSS_S_CALL_INACCESSIBLE_READ;
  if (output_token == GSS_C_NO_BUFFER)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (acceptor_cred_handle != GSS_C_NO_CREDENTIAL
      && !_gss_cred_ok (acceptor_cred_handle))
    return GSS_S_NO_CRED;

  first = *context_handle == GSS_C_NO_CONTEXT;
  if (first)
    {
      /* The mechanism is named by the RFC 2743 section 3.1 header of
	 the first token. */
      gss_OID_desc oid;
      const void *inner;
      size_t inner_length;

      if (_gss_token_parse (input_token_buffer->value,
			    input_token_buffer->length, &oid, &inner,
			    &inner_length) == GSS_S_COMPLETE)
	mech = _gss_find_mech (&oid);
      /* A token that does not even start like the header goes to the
	 default mechanism, as with MIT: DCE-style Kerberos initiators
	 send their first token bare. */
      else if (input_token_buffer->length > 0
	       && *(const unsigned char *) input_token_buffer->value != 0x60)
	mech = _gss_find_mech (GSS_C_NO_OID);
      else
	return GSS_S_DEFECTIVE_TOKEN;
      if (mech == NULL)
	return GSS_S_BAD_MECH;
    }
  else if (!_gss_ctx_ok (*context_handle))
    return GSS_S_NO_CONTEXT;
  else
    mech = (*context_handle)->mech;
  if (!_gss_cred_element (acceptor_cred_handle, mech, &mcred))
    return GSS_S_NO_CRED;
  if (mech->accept_sec_context == NULL)
    return GSS_S_UNAVAILABLE;

  mctx = first ? NULL : (*context_handle)->mctx;
  major = mech->accept_sec_context (minor_status, &mctx, mcred,
				    input_token_buffer, input_chan_bindings,
				    &src_mname, output_token, &flags,
				    &lifetime, &deleg_mcred);
  if (first && !GSS_ERROR (major) && mctx != NULL)
    major = _gss_ctx_wrap (minor_status, mech, mctx, context_handle) | major;
  if (GSS_ERROR (major))
    {
      /* The mechanism hands out names and credentials only on
	 success; an output token (a KRB-ERROR, say) still goes back to
	 the peer. */
      if (src_mname != NULL)
	mech->release_name (src_mname);
      if (deleg_mcred != NULL)
	mech->release_cred (deleg_mcred);
      if (ret_flags != NULL)
	*ret_flags = flags;
      return major;
    }

  if (src_mname != NULL)
    {
      if (src_name != NULL)
	{
	  OM_uint32 named = _gss_name_from_mname (minor_status, mech,
						  src_mname, src_name);
	  src_mname = NULL;
	  if (GSS_ERROR (named))
	    major = named;
	}
      else
	mech->release_name (src_mname);
    }
  if (deleg_mcred != NULL)
    {
      if (delegated_cred_handle != NULL && !GSS_ERROR (major)
	  && mech->negotiates)
	/* Already the inner mechanism's handle (lib/mech.h). */
	*delegated_cred_handle = deleg_mcred;
      else if (delegated_cred_handle != NULL && !GSS_ERROR (major))
	{
	  OM_uint32 wrapped = _gss_cred_wrap (minor_status, mech, deleg_mcred,
					      delegated_cred_handle);
	  if (GSS_ERROR (wrapped))
	    major = wrapped;
	}
      else
	mech->release_cred (deleg_mcred);
    }
  if (GSS_ERROR (major))
    {
      if (src_name != NULL)
	gss_release_name (&tmp, src_name);
      release_output (output_token);
      /* A failed first call leaves no context behind. */
      if (first)
	gss_delete_sec_context (&tmp, context_handle, GSS_C_NO_BUFFER);
      return major;
    }
  if (mech_type != NULL)
    *mech_type = _gss_ctx_mech_oid (mech, mctx);
  if (ret_flags != NULL)
    *ret_flags = flags;
  if (time_rec != NULL)
    *time_rec = lifetime;
  return major;
}

/*@ gss_delete_sec_context - delete a security context
 *
 * @param minor_status (out) Receives 0.  May be NULL.
 * @param context_handle (in/out) The context to delete; set to
 *   GSS_C_NO_CONTEXT once it is.
 * @param output_token (out, optional) Emptied, and left empty:
 *   RFC 4121 has no context deletion token.  Pass GSS_C_NO_BUFFER, as
 *   RFC 2744 recommends.
 *
 * @desc
 * Releases everything the context holds, the keys (wiped before they
 * are freed), the names and the sequence state, and invalidates the
 * handle: a later call given the old handle value answers
 * GSS_S_NO_CONTEXT instead of using freed memory.  Nothing is sent to
 * the peer, who learns of the deletion only by its own means.
 *
 * Any context can be deleted: an established one, or one whose
 * establishment is still going on or has failed.
 *
 * @return GSS_S_COMPLETE: The context was deleted.
 * @return GSS_S_NO_CONTEXT: *@context_handle is not a live context
 *   handle (for example one already deleted).
 * @return GSS_S_CALL_BAD_STRUCTURE | GSS_S_NO_CONTEXT: *@context_handle
 *   is GSS_C_NO_CONTEXT (GNU GSS's status).
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT:
 *   @context_handle is NULL (GNU GSS's status).
 *
 * @see gss_init_sec_context gss_accept_sec_context
 * @see gss_export_sec_context
 */
OM_uint32
gss_delete_sec_context (OM_uint32 *minor_status, gss_ctx_id_t *context_handle,
			gss_buffer_t output_token)
{
  OM_uint32 major = GSS_S_COMPLETE, tmp;

  if (output_token != GSS_C_NO_BUFFER)
    _gss_buffer_init (output_token);
  if (context_handle == NULL)
    {
      if (minor_status)
	*minor_status = 0;
      return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT;
    }
  if (*context_handle == GSS_C_NO_CONTEXT)
    {
      if (minor_status)
	*minor_status = 0;
      return GSS_S_CALL_BAD_STRUCTURE | GSS_S_NO_CONTEXT;
    }
  if (!_gss_ctx_ok (*context_handle))
    {
      if (minor_status)
	*minor_status = 0;
      return GSS_S_NO_CONTEXT;
    }
  /* The context goes even when minor_status is missing: the caller
     cannot come back for it. */
  major = (*context_handle)->mech->delete_sec_context
    (minor_status ? minor_status : &tmp, (*context_handle)->mctx,
     output_token);
  free_context (context_handle);
  return major;
}

/*@ gss_process_context_token - pass a context-level token from the peer to the
 *   mechanism
 *
 * @param minor_status (out) Receives the mechanism's status code: for
 *   a Kerberos error token, the libkrb5 code of the error it carries.
 *   May be NULL.
 * @param context_handle (in) The context the token was sent for.
 * @param token_buffer (in) The token received from the peer.
 *
 * @desc
 * Some tokens concern the context as a whole rather than a message,
 * and may arrive once the context exists: this function lets the
 * mechanism read them.  The context itself is not changed.
 *
 * The only such token of the Kerberos 5 mechanism is a KRB-ERROR
 * (RFC 4121 section 4.1, token identifier 03 00), by which a peer
 * explains a refusal.  The call then fails with the major status that
 * corresponds to the error, and @minor_status holds the Kerberos error
 * code, for gss_display_status() to explain.  Any other token is
 * refused as defective.  The application usually deletes the context
 * afterwards.
 *
 * @return GSS_S_COMPLETE: The mechanism took the token.  The Kerberos 5
 *   mechanism never returns this: its only context-level token reports
 *   an error.
 * @return GSS_S_DEFECTIVE_TOKEN: The token lacks the RFC 2743 framing
 *   or is not a KRB-ERROR, or the peer's error was about a malformed
 *   message.
 * @return GSS_S_CREDENTIALS_EXPIRED: The peer reports an expired
 *   ticket.
 * @return GSS_S_CONTEXT_EXPIRED: The peer reports a clock skew.
 * @return GSS_S_NO_CRED: The peer reports it has no key for the ticket.
 * @return GSS_S_FAILURE | GSS_S_DUPLICATE_TOKEN: The peer reports a
 *   replayed request.
 * @return GSS_S_FAILURE: The peer reports another error.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live context
 *   handle.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT:
 *   @context_handle is GSS_C_NO_CONTEXT.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN:
 *   @token_buffer is GSS_C_NO_BUFFER or has a length but no value.
 * @return GSS_S_UNAVAILABLE: The mechanism has no context-level tokens.
 *
 * @see gss_delete_sec_context gss_display_status
 */
OM_uint32
gss_process_context_token (OM_uint32 *minor_status,
			   const gss_ctx_id_t context_handle,
			   const gss_buffer_t token_buffer)
{
  OM_uint32 major;

  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  major = check_context (context_handle);
  if (major)
    return major;
  if (!_gss_buffer_readable (token_buffer))
    return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN;
  if (context_handle->mech->process_context_token == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->process_context_token
    (minor_status, context_handle->mctx, token_buffer);
}

/*@ gss_context_time - how long a security context remains valid
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) An established context.
 * @param time_rec (out) Receives the number of seconds the context
 *   remains valid; 0 when it has expired or the call fails.  Must not
 *   be NULL.
 *
 * @desc
 * A Kerberos 5 context is valid as long as the service ticket it was
 * established with; after that, gss_get_mic(), gss_wrap() and the other
 * per-message calls refuse it with GSS_S_CONTEXT_EXPIRED.
 *
 * @return GSS_S_COMPLETE: The context is valid for @time_rec more
 *   seconds.
 * @return GSS_S_CONTEXT_EXPIRED: The context has expired (@time_rec is
 *   0).
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live context
 *   handle, or its establishment is not complete
 *   (GSS_KRB5_S_KG_CTX_INCOMPLETE in @minor_status).
 * @return GSS_S_CALL_BAD_STRUCTURE | GSS_S_NO_CONTEXT:
 *   @context_handle is GSS_C_NO_CONTEXT (GNU GSS's status).
 * @return GSS_S_CALL_INACCESSIBLE_WRITE: @time_rec is NULL.
 * @return GSS_S_UNAVAILABLE: The mechanism cannot tell.
 *
 * @see gss_inquire_context gss_init_sec_context gss_accept_sec_context
 */
OM_uint32
gss_context_time (OM_uint32 *minor_status, const gss_ctx_id_t context_handle,
		  OM_uint32 *time_rec)
{
  OM_uint32 major;

  if (time_rec != NULL)
    *time_rec = 0;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  /* GNU GSS's status for the absent context. */
  if (context_handle == GSS_C_NO_CONTEXT)
    return GSS_S_CALL_BAD_STRUCTURE | GSS_S_NO_CONTEXT;
  major = check_context (context_handle);
  if (major)
    return major;
  if (time_rec == NULL)
    return GSS_S_CALL_INACCESSIBLE_WRITE;
  if (context_handle->mech->context_time == NULL)
    return GSS_S_UNAVAILABLE;
  return context_handle->mech->context_time (minor_status,
					     context_handle->mctx, time_rec);
}

/*@ gss_inquire_context - what is known of a security context
 *
 * @param minor_status (out) Receives the mechanism's status code.  May
 *   be NULL.
 * @param context_handle (in) The context, complete or still being
 *   established.
 * @param src_name (out, optional) Receives the initiator's name, a
 *   mechanism name, or GSS_C_NO_NAME while it is not known yet.  Release
 *   it with gss_release_name().  NULL when not wanted.
 * @param targ_name (out, optional) Receives the acceptor's name, a
 *   mechanism name, or GSS_C_NO_NAME while it is not known yet.  Release
 *   it with gss_release_name().  NULL when not wanted.
 * @param lifetime_rec (out, optional) Receives the number of seconds
 *   the context remains valid, 0 once it has expired.  NULL when not
 *   wanted.
 * @param mech_type (out, optional) Receives the context's mechanism, a
 *   pointer to static storage that must not be modified or freed.  NULL
 *   when not wanted.
 * @param ctx_flags (out, optional) Receives the GSS_C_*_FLAG values of
 *   the services the context offers, as gss_init_sec_context() returns
 *   them in its ret_flags.  NULL when not wanted.
 * @param locally_initiated (out, optional) Receives 1 when this side
 *   initiated the context, 0 when it accepted it.  NULL when not wanted.
 * @param open (out, optional) Receives 1 when the context is fully
 *   established, 0 while establishment goes on.  NULL when not wanted.
 *
 * @desc
 * Every output is optional: only those given are filled in, and all of
 * them are reset (to GSS_C_NO_NAME, GSS_C_NO_OID or 0) before anything
 * else, so that they hold nothing stale after a failure.
 *
 * For a Kerberos 5 context the initiator's name is the client principal
 * and the acceptor's is the service principal of the ticket, on either
 * side.  An initiator knows both from its first call.
 *
 * @return GSS_S_COMPLETE: The outputs are filled in.
 * @return GSS_S_NO_CONTEXT: @context_handle is not a live context
 *   handle.
 * @return GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT:
 *   @context_handle is GSS_C_NO_CONTEXT.
 * @return GSS_S_UNAVAILABLE: The mechanism cannot describe its
 *   contexts.
 * @return GSS_S_FAILURE: Memory ran out while copying a name
 *   (GSS_KRB5_S_G_BUFFER_ALLOC in @minor_status).
 *
 * @see gss_context_time gss_init_sec_context gss_accept_sec_context
 * @see gss_display_name gss_release_name
 */
OM_uint32
gss_inquire_context (OM_uint32 *minor_status,
		     const gss_ctx_id_t context_handle, gss_name_t *src_name,
		     gss_name_t *targ_name, OM_uint32 *lifetime_rec,
		     gss_OID *mech_type, OM_uint32 *ctx_flags,
		     int *locally_initiated, int *open)
{
  const struct gss_mech *mech;
  void *src = NULL, *targ = NULL;
  OM_uint32 major, lifetime = 0, flags = 0, tmp;
  int local = 0, is_open = 0;

  if (src_name != NULL)
    *src_name = GSS_C_NO_NAME;
  if (targ_name != NULL)
    *targ_name = GSS_C_NO_NAME;
  if (lifetime_rec != NULL)
    *lifetime_rec = 0;
  if (mech_type != NULL)
    *mech_type = GSS_C_NO_OID;
  if (ctx_flags != NULL)
    *ctx_flags = 0;
  if (locally_initiated != NULL)
    *locally_initiated = 0;
  if (open != NULL)
    *open = 0;
  if (minor_status == NULL)
    minor_status = &_gss_minor_discard;
  *minor_status = 0;
  major = check_context (context_handle);
  if (major)
    return major;
  mech = context_handle->mech;
  if (mech->inquire_context == NULL)
    return GSS_S_UNAVAILABLE;

  major = mech->inquire_context (minor_status, context_handle->mctx,
				 src_name ? &src : NULL,
				 targ_name ? &targ : NULL, &lifetime, &flags,
				 &local, &is_open);
  if (GSS_ERROR (major))
    return major;
  /* Either name may be unknown yet (an acceptor before the first
     token): it then stays GSS_C_NO_NAME. */
  if (src != NULL)
    major = _gss_name_from_mname (minor_status, mech, src, src_name);
  if (targ != NULL)
    {
      if (GSS_ERROR (major))
	mech->release_name (targ);
      else
	major = _gss_name_from_mname (minor_status, mech, targ, targ_name);
    }
  if (GSS_ERROR (major))
    {
      if (src_name)
	gss_release_name (&tmp, src_name);
      return major;
    }
  if (lifetime_rec != NULL)
    *lifetime_rec = lifetime;
  if (mech_type != NULL)
    *mech_type = _gss_ctx_mech_oid (mech, context_handle->mctx);
  if (ctx_flags != NULL)
    *ctx_flags = flags;
  if (locally_initiated != NULL)
    *locally_initiated = local;
  if (open != NULL)
    *open = is_open;
  return GSS_S_COMPLETE;
}

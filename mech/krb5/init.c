/* init.c - gss_init_sec_context for Kerberos 5: an AP-REQ carrying the
   RFC 4121 section 4.1.1 checksum, then, with mutual authentication,
   the acceptor's AP-REP (RFC 4121 section 4.1).  With GSS_C_DCE_STYLE
   (MS-KILE section 3.4.5.1, as MIT does it) the tokens go without the
   RFC 2743 framing, and the initiator answers the AP-REP with an AP-REP
   of its own: three legs, mutual authentication always. */
#include "k5.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define NOMEM KG_NOMEM
#define CKSUMTYPE_GSSAPI 0x8003

/* The flags every Kerberos context offers, and those an initiator may
   ask for; anonymity is not offered, so GSS_C_ANON_FLAG is never set. */
#define ALWAYS_FLAGS (GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG)
#define REQUESTABLE_FLAGS (GSS_C_DELEG_FLAG | GSS_C_MUTUAL_FLAG \
			   | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG \
			   | GSS_C_DCE_STYLE)

/* A KRB-CRED holding a forwarded TGT, encrypted in the ticket's session
   key as RFC 4121 section 4.1.1.1 asks; an error when the TGT cannot be
   forwarded (the context then goes on without delegation, unless memory
   ran out). */
static krb5_error_code
forward_tgt (krb5_context kctx, krb5_ccache cc, krb5_creds *ticket,
	     krb5_data *out)
{
  krb5_auth_context dauth = NULL;
  krb5_principal server = ticket->server;
  krb5_error_code code;
  char *rhost = NULL;

  code = krb5_auth_con_init (kctx, &dauth);
  if (code)
    return code;
  /* No timestamp or sequence number: the acceptor opens it outside of
     any replay cache. */
  code = krb5_auth_con_setflags (kctx, dauth, 0);
  if (!code)
    code = krb5_auth_con_setuseruserkey (kctx, dauth, &ticket->keyblock);
  if (!code && server->length >= 2)
    {
      rhost = strndup (server->data[1].data, server->data[1].length);
      if (rhost == NULL)
	code = ENOMEM;
    }
  if (!code)
    code = krb5_fwd_tgt_creds (kctx, dauth, rhost, ticket->client, server,
			       cc, 1, out);
  free (rhost);
  krb5_auth_con_free (kctx, dauth);
  return code;
}

/* The context is complete: per-message state, and the flags that say
   protection is ready and the context can be exported. */
static OM_uint32
finish (OM_uint32 *minor, struct krb5_gss_ctx *ctx)
{
  OM_uint32 major = krb5_gss_ctx_ready (minor, ctx);

  if (major == GSS_S_COMPLETE)
    {
      ctx->established = true;
      ctx->flags |= GSS_C_PROT_READY_FLAG | GSS_C_TRANS_FLAG;
    }
  return major;
}

static OM_uint32
init_first (OM_uint32 *minor, const struct krb5_gss_cred *cred,
	    struct krb5_gss_ctx *ctx, const struct krb5_gss_name *target,
	    OM_uint32 req_flags, OM_uint32 time_req,
	    const gss_channel_bindings_t cb, gss_buffer_t output_token)
{
  krb5_context kctx = ctx->kctx;
  krb5_ccache cc = NULL;
  struct krb5_gss_cred *selected = NULL;
  krb5_creds in_creds, *ticket = NULL;
  krb5_data deleg = { 0 }, cksum = { 0 }, ap_req = { 0 };
  krb5_principal client = NULL, server = NULL;
  krb5_timestamp now;
  krb5_int32 seq;
  krb5_error_code code;
  OM_uint32 major;
  bool delegated = false;

  memset (&in_creds, 0, sizeof in_creds);
  ctx->flags = ALWAYS_FLAGS | (req_flags & REQUESTABLE_FLAGS);
  if (ctx->flags & GSS_C_DCE_STYLE)
    ctx->flags |= GSS_C_MUTUAL_FLAG;

  major = krb5_gss_name_parse (minor, kctx, target, &server);
  if (major)
    goto cleanup;
  if (cred == NULL || cred->default_identity)
    {
      major = krb5_gss_select_initiator (minor, kctx, server, &selected);
      if (major)
	goto cleanup;
      cred = selected;
    }
  if (krb5_gss_lifetime (kctx, cred->endtime) == 0)
    {
      *minor = (OM_uint32) KRB5KRB_AP_ERR_TKT_EXPIRED;
      major = GSS_S_CREDENTIALS_EXPIRED;
      goto cleanup;
    }
  code = krb5_cc_resolve (kctx, cred->ccache, &cc);
  if (!code)
    code = krb5_parse_name (kctx, cred->name->principal, &client);
  if (code)
    {
      major = krb5_gss_fail (minor, code);
      goto cleanup;
    }

  in_creds.client = client;
  in_creds.server = server;
  if (time_req != 0 && time_req != GSS_C_INDEFINITE
      && krb5_timeofday (kctx, &now) == 0)
    in_creds.times.endtime = now + (krb5_timestamp) time_req;
  code = krb5_get_credentials (kctx, 0, cc, &in_creds, &ticket);
  if (code)
    {
      major = krb5_gss_fail (minor, code);
      goto cleanup;
    }

  /* As with MIT: the policy flag delegates exactly when the KDC
     marked the service ok-as-delegate, and then shows in ret_flags
     beside GSS_C_DELEG_FLAG. */
  if ((req_flags & GSS_C_DELEG_POLICY_FLAG)
      && (ticket->ticket_flags & TKT_FLG_OK_AS_DELEGATE))
    ctx->flags |= GSS_C_DELEG_FLAG | GSS_C_DELEG_POLICY_FLAG;
  if (ctx->flags & GSS_C_DELEG_FLAG)
    {
      code = forward_tgt (kctx, cc, ticket, &deleg);
      if (krb5_gss_nomem (code))
	{
	  major = krb5_gss_fail (minor, code);
	  goto cleanup;
	}
      delegated = code == 0;
    }
  if (!delegated)
    ctx->flags &= ~(OM_uint32) (GSS_C_DELEG_FLAG | GSS_C_DELEG_POLICY_FLAG);
  major = krb5_gss_make_checksum (minor, cb, ctx->flags,
				  delegated ? &deleg : NULL, &cksum);
  if (major)
    goto cleanup;

  code = krb5_auth_con_init (kctx, &ctx->auth);
  if (!code)
    code = krb5_auth_con_setflags (kctx, ctx->auth,
				   KRB5_AUTH_CONTEXT_DO_SEQUENCE);
  if (!code)
    code = krb5_auth_con_set_req_cksumtype (kctx, ctx->auth,
					    CKSUMTYPE_GSSAPI);
  /* RFC 4537 as MIT asks for it: with mutual authentication libkrb5
     lists the enctypes we would rather have than the session key's
     (default_tgs_enctypes, up to the session key's own) in the
     authenticator, and the acceptor may answer with a subkey of one of
     them; it sends nothing when the session key is already the first
     choice. */
  if (!code)
    code = krb5_mk_req_extended (kctx, &ctx->auth,
				 AP_OPTS_USE_SUBKEY
				 | ((ctx->flags & GSS_C_MUTUAL_FLAG)
				    ? AP_OPTS_MUTUAL_REQUIRED
				    | AP_OPTS_ETYPE_NEGOTIATION : 0),
				 &cksum, ticket, &ap_req);
  if (!code)
    code = krb5_auth_con_getsendsubkey (kctx, ctx->auth,
					&ctx->initiator_subkey);
  if (!code)
    code = krb5_auth_con_getlocalseqnumber (kctx, ctx->auth, &seq);
  if (!code)
    code = krb5_copy_keyblock (kctx, &ticket->keyblock, &ctx->session_key);
  if (code)
    {
      major = krb5_gss_fail (minor, code);
      goto cleanup;
    }
  ctx->send_seq = (uint32_t) seq;
  ctx->endtime = ticket->times.endtime;
  major = krb5_gss_name_new (minor, kctx, client, &ctx->local);
  if (!major)
    major = krb5_gss_name_new (minor, kctx, ticket->server, &ctx->peer);
  if (!major && (ctx->flags & GSS_C_DCE_STYLE))
    major = _gss_buffer_copy (minor, ap_req.data, ap_req.length,
			      output_token);
  else if (!major)
    major = krb5_gss_wrap_token (minor, KG_TOK_AP_REQ, &ap_req,
				 output_token);
  if (major)
    goto cleanup;

  if (ctx->flags & GSS_C_MUTUAL_FLAG)
    major = GSS_S_CONTINUE_NEEDED;
  else
    {
      /* RFC 1964 section 1.2.1.1: without an AP-REP both directions
	 start from the initiator's number. */
      ctx->recv_seq = ctx->send_seq;
      major = finish (minor, ctx);
    }

cleanup:
  krb5_free_data_contents (kctx, &ap_req);
  free (cksum.data);
  krb5_free_data_contents (kctx, &deleg);
  krb5_free_creds (kctx, ticket);
  krb5_free_principal (kctx, server);
  krb5_free_principal (kctx, client);
  if (cc)
    krb5_cc_close (kctx, cc);
  krb5_gss_release_cred (selected);
  return major;
}

static OM_uint32
init_continue (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
	       const gss_buffer_t input_token, gss_buffer_t output_token)
{
  krb5_context kctx = ctx->kctx;
  gss_buffer_desc storage = GSS_C_EMPTY_BUFFER;
  krb5_ap_rep_enc_part *repl = NULL;
  krb5_data body, dce_rep = { 0 };
  bool dce = (ctx->flags & GSS_C_DCE_STYLE) != 0;
  krb5_error_code code;
  unsigned tok_id;
  OM_uint32 major, tmp;

  if (!ctx->initiator)
    return GSS_S_NO_CONTEXT;
  if (ctx->established)
    {
      *minor = GSS_KRB5_S_KG_CONTEXT_ESTABLISHED;
      return GSS_S_FAILURE;
    }
  if (input_token == GSS_C_NO_BUFFER || input_token->length == 0)
    {
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      return GSS_S_DEFECTIVE_TOKEN;
    }
  if (dce)
    {
      /* A bare AP-REP, or a bare KRB-ERROR. */
      body.magic = KV5M_DATA;
      body.data = input_token->value;
      body.length = input_token->length > UINT32_MAX ? 0
	: (unsigned int) input_token->length;
      tok_id = body.length && ((unsigned char *) body.data)[0] == 0x7e
	? KG_TOK_KRB_ERROR : KG_TOK_AP_REP;
    }
  else
    {
      major = krb5_gss_unwrap_token (minor, input_token, &tok_id, &body,
				     &storage);
      if (major)
	return major;
    }
  if ((tok_id == KG_TOK_KRB_ERROR && !krb5_gss_krb_header_ok (&body, 0x7e, 30))
      || (tok_id == KG_TOK_AP_REP && !krb5_gss_krb_header_ok (&body, 0x6f, 15)))
    {
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      major = GSS_S_DEFECTIVE_TOKEN;
      goto cleanup;
    }
  if (tok_id == KG_TOK_KRB_ERROR)
    {
      /* The acceptor refused us and says why. */
      major = krb5_gss_fail (minor, krb5_gss_read_error_token (kctx, &body));
      if (!GSS_ERROR (major))
	major |= GSS_S_FAILURE;
      goto cleanup;
    }
  if (tok_id != KG_TOK_AP_REP)
    {
      *minor = GSS_KRB5_S_KG_BAD_SIGN_TYPE;
      major = GSS_S_DEFECTIVE_TOKEN;
      goto cleanup;
    }
  code = krb5_rd_rep (kctx, ctx->auth, &body, &repl);
  if (!code)
    code = krb5_auth_con_getrecvsubkey (kctx, ctx->auth,
					&ctx->acceptor_subkey);
  if (code)
    {
      /* A reply that does not decrypt under our session key was
	 changed on the way: a bad token. */
      major = krb5_gss_fail (minor, code);
      if (code == KRB5KRB_AP_ERR_BAD_INTEGRITY
	  || code == KRB5KRB_AP_ERR_MODIFIED)
	major = GSS_S_DEFECTIVE_TOKEN;
      goto cleanup;
    }
  /* A subkey of the same legacy type as ours cannot be told apart
     from ours in RFC 1964 tokens; peers keep using our subkey then. */
  if (ctx->acceptor_subkey && ctx->initiator_subkey && !dce
      && k5_v1_enctype (ctx->initiator_subkey->enctype)
      && ctx->acceptor_subkey->enctype == ctx->initiator_subkey->enctype)
    {
      krb5_free_keyblock (kctx, ctx->acceptor_subkey);
      ctx->acceptor_subkey = NULL;
    }
  ctx->recv_seq = repl->seq_number;
  if (dce)
    {
      /* The third leg: our AP-REP, which the acceptor waits for. */
      code = krb5_mk_rep_dce (kctx, ctx->auth, &dce_rep);
      if (code)
	{
	  major = krb5_gss_fail (minor, code);
	  goto cleanup;
	}
      major = _gss_buffer_copy (minor, dce_rep.data, dce_rep.length,
				output_token);
      if (major)
	goto cleanup;
    }
  major = finish (minor, ctx);
  if (major)
    gss_release_buffer (&tmp, output_token);

cleanup:
  krb5_free_data_contents (kctx, &dce_rep);
  if (repl)
    krb5_free_ap_rep_enc_part (kctx, repl);
  gss_release_buffer (&tmp, &storage);
  return major;
}

OM_uint32
krb5_gss_init_sec_context (OM_uint32 *minor, const void *mcred, void **mctx,
			   const void *target_mname, OM_uint32 req_flags,
			   OM_uint32 time_req,
			   const gss_channel_bindings_t cb,
			   const gss_buffer_t input_token,
			   gss_buffer_t output_token, OM_uint32 *ret_flags,
			   OM_uint32 *time_rec)
{
  struct krb5_gss_ctx *ctx = *mctx;
  const struct krb5_gss_cred *cred = mcred;
  OM_uint32 major;

  if (ctx)
    major = init_continue (minor, ctx, input_token, output_token);
  else
    {
      if (cred && cred->usage == GSS_C_ACCEPT)
	{
	  *minor = GSS_KRB5_S_G_BAD_USAGE;
	  return GSS_S_NO_CRED;
	}
      ctx = calloc (1, sizeof *ctx);
      if (ctx == NULL)
	{
	  *minor = NOMEM;
	  return GSS_S_FAILURE;
	}
      ctx->initiator = true;
      major = krb5_gss_context (minor, &ctx->kctx);
      /* Without a credential, init_first picks one for the target. */
      if (!major)
	major = init_first (minor, cred, ctx, target_mname, req_flags,
			    time_req, cb, output_token);
      if (GSS_ERROR (major))
	{
	  OM_uint32 tmp;
	  /* A failed first call leaves nothing behind. */
	  gss_release_buffer (&tmp, output_token);
	  krb5_gss_ctx_free (ctx);
	  return major;
	}
      *mctx = ctx;
    }
  *ret_flags = ctx->flags;
  if (ctx->established || (ctx->flags & GSS_C_PROT_READY_FLAG))
    *time_rec = krb5_gss_lifetime (ctx->kctx, ctx->endtime);
  return major;
}

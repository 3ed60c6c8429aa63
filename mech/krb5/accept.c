/* accept.c - gss_accept_sec_context for Kerberos 5: verify the AP-REQ
   with the keytab and the replay cache, check the RFC 4121 section
   4.1.1 checksum, take delegated credentials, answer with an AP-REP
   carrying an acceptor subkey when mutual authentication is asked.
   A GSS_C_DCE_STYLE initiator (MS-KILE section 3.4.5.1) sends its
   AP-REQ without the RFC 2743 framing and answers our bare AP-REP with
   one of its own: the context is complete only then. */
#include "k5.h"
#include "ext.h"
#include <stdlib.h>
#include <string.h>

#define NOMEM KG_NOMEM

/* What an AP-REQ says in the clear (RFC 4120 section 5.5.1): whether
   ap-options [2] asks for mutual authentication (bit 2), and the
   ticket [3], whose server names us in a KRB-ERROR.  Read before
   anything is decrypted, so that even a refused request is answered. */
static void
peek_ap_req (const krb5_data *ap_req, bool *mutual, krb5_data *ticket)
{
  const unsigned char *p = (const unsigned char *) ap_req->data;
  size_t len = ap_req->length, rest;

  *mutual = false;
  ticket->data = NULL;
  ticket->length = 0;
  if (!krb5_gss_der_enter (&p, &len, 0x6e, &rest) || !krb5_gss_der_enter (&p, &len, 0x30, &rest))
    return;
  while (len > 0)
    {
      const unsigned char *elem = p;
      size_t elem_len = len;
      unsigned char tag = elem[0];

      if (!krb5_gss_der_enter (&elem, &elem_len, tag, &rest))
	return;
      if (tag == 0xa2)
	{
	  const unsigned char *bits = elem;
	  size_t bits_len = elem_len, ignored;
	  if (krb5_gss_der_enter (&bits, &bits_len, 0x03, &ignored) && bits_len >= 2)
	    *mutual = (bits[1] & 0x20) != 0;
	}
      else if (tag == 0xa3)
	{
	  ticket->data = (char *) elem;
	  ticket->length = elem_len;
	}
      p = elem + elem_len;
      len = rest;
    }
}

/* MS-KILE section 3.2.5.8: AD-AUTH-DATA-AP-OPTIONS (143) in the
   authenticator, within AD-IF-RELEVANT, holding KERB_AP_OPTIONS_CBT
   (0x4000, little-endian) says that the initiator's applications always
   pass channel bindings when there is an outer channel. */
#define AD_AP_OPTIONS 143
#define KERB_AP_OPTIONS_CBT 0x4000

static krb5_error_code
client_asserts_cbt (krb5_context kctx, krb5_authdata *const *authdata,
		    bool *cbt)
{
  krb5_authdata **ad = NULL;
  krb5_error_code code;

  *cbt = false;
  code = krb5_find_authdata (kctx, NULL, authdata, AD_AP_OPTIONS, &ad);
  if (code || ad == NULL)
    return code;
  /* As MIT: one element of four octets, or the request is malformed. */
  if (ad[1] != NULL || ad[0]->length != 4)
    code = KRB5KRB_AP_ERR_MSG_TYPE;
  else
    {
      const krb5_octet *v = ad[0]->contents;
      uint32_t options = (uint32_t) v[0] | (uint32_t) v[1] << 8
	| (uint32_t) v[2] << 16 | (uint32_t) v[3] << 24;
      *cbt = (options & KERB_AP_OPTIONS_CBT) != 0;
    }
  krb5_free_authdata (kctx, ad);
  return code;
}

/* The enctypes whose tokens (RFC 1964, RFC 4757) do not say which key
   made them: MIT's acceptor gives no subkey of these, even negotiated
   (RFC 4121 forgot arcfour-hmac-exp, RFC 4757 did not). */
static bool
legacy_enctype (krb5_enctype enctype)
{
  return k5_v1_enctype (enctype) || enctype == ENCTYPE_ARCFOUR_HMAC_EXP;
}

/* The service a refused AP-REQ was for; NULL when it cannot be read. */
static krb5_principal
requested_server (krb5_context kctx, const krb5_data *ticket_der)
{
  krb5_ticket *ticket = NULL;
  krb5_principal server = NULL;

  if (ticket_der->length && krb5_decode_ticket (ticket_der, &ticket) == 0)
    {
      server = ticket->server;
      ticket->server = NULL;
      krb5_free_ticket (kctx, ticket);
    }
  return server;
}

/* Opens the KRB-CRED of a delegation into a new memory ccache. */
static OM_uint32
take_delegation (OM_uint32 *minor, krb5_context kctx, const krb5_data *krb_cred,
		 const krb5_ticket *ticket, struct krb5_gss_cred **out)
{
  krb5_auth_context dauth = NULL;
  krb5_creds **creds = NULL;
  krb5_ccache cc = NULL;
  krb5_error_code code;
  OM_uint32 major = GSS_S_FAILURE;
  size_t i;

  code = krb5_auth_con_init (kctx, &dauth);
  if (!code)
    code = krb5_auth_con_setflags (kctx, dauth, 0);
  if (!code)
    code = krb5_auth_con_setrecvsubkey (kctx, dauth,
					ticket->enc_part2->session);
  if (!code)
    code = krb5_rd_cred (kctx, dauth, (krb5_data *) krb_cred, &creds, NULL);
  /* Heimdal sends the KRB-CRED in the clear (enctype 0): the
     authenticator carrying it is already encrypted.  Without a key
     libkrb5 opens exactly that form, as MIT's acceptor does. */
  if (code == KRB5_BAD_ENCTYPE || code == KRB5KRB_AP_ERR_BAD_INTEGRITY)
    {
      code = krb5_auth_con_setrecvsubkey (kctx, dauth, NULL);
      if (!code)
	code = krb5_rd_cred (kctx, dauth, (krb5_data *) krb_cred, &creds,
			     NULL);
    }
  if (!code)
    code = krb5_cc_new_unique (kctx, "MEMORY", NULL, &cc);
  if (!code)
    code = krb5_cc_initialize (kctx, cc, ticket->enc_part2->client);
  for (i = 0; !code && creds[i]; i++)
    code = krb5_cc_store_cred (kctx, cc, creds[i]);
  if (code)
    {
      krb5_gss_fail (minor, code);
      if (cc)
	krb5_cc_destroy (kctx, cc);
    }
  else
    {
      major = krb5_gss_cred_from_ccache (minor, kctx, cc, true, out);
      if (major)
	krb5_cc_destroy (kctx, cc);
      else
	krb5_cc_close (kctx, cc);
    }
  krb5_free_tgt_creds (kctx, creds);
  krb5_auth_con_free (kctx, dauth);
  return major;
}

static OM_uint32
accept_first (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
	      const struct krb5_gss_cred *cred, const gss_buffer_t input_token,
	      const gss_channel_bindings_t cb, gss_buffer_t output_token,
	      struct krb5_gss_cred **delegated)
{
  krb5_context kctx = ctx->kctx;
  gss_buffer_desc storage = GSS_C_EMPTY_BUFFER;
  krb5_principal server = NULL;
  krb5_keytab kt = NULL;
  krb5_rcache rc = NULL;
  krb5_ticket *ticket = NULL;
  krb5_authenticator *authent = NULL;
  krb5_data body, deleg, ap_rep = { 0 }, piece, ticket_der;
  krb5_flags ap_options = 0;
  krb5_int32 seq;
  krb5_error_code code = 0;
  unsigned tok_id;
  OM_uint32 major, flags = 0, tmp;
  bool mutual, cbt, bare;

  /* Only a DCE-style initiator sends the AP-REQ bare (checked against
     its flags below); MIT's acceptor takes it the same way. */
  bare = input_token->length > 0
    && ((const unsigned char *) input_token->value)[0] != 0x60;
  if (bare)
    {
      body.magic = KV5M_DATA;
      body.data = input_token->value;
      body.length = input_token->length > UINT32_MAX ? 0
	: (unsigned int) input_token->length;
      tok_id = KG_TOK_AP_REQ;
      major = GSS_S_COMPLETE;
    }
  else
    major = krb5_gss_unwrap_token (minor, input_token, &tok_id, &body,
				   &storage);
  if (major)
    goto cleanup;
  if (tok_id != KG_TOK_AP_REQ || !krb5_gss_krb_header_ok (&body, 0x6e, 14))
    {
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      major = GSS_S_DEFECTIVE_TOKEN;
      goto cleanup;
    }
  peek_ap_req (&body, &mutual, &ticket_der);

  if (cred->name)
    {
      major = krb5_gss_name_parse (minor, kctx, cred->name, &server);
      if (major)
	goto cleanup;
    }
  code = krb5_kt_resolve (kctx, cred->keytab, &kt);
  if (!code)
    code = krb5_auth_con_init (kctx, &ctx->auth);
  if (!code)
    code = krb5_auth_con_setflags (kctx, ctx->auth,
				   KRB5_AUTH_CONTEXT_DO_SEQUENCE);
  /* A credential store's "none:" replay cache: no replay detection. */
  if (!code && !krb5_gss_rcache_none (cred->rcache))
    {
      piece.data = server && server->length ? server->data[0].data
	: (char *) "host";
      piece.length = server && server->length ? server->data[0].length : 4;
      code = krb5_get_server_rcache (kctx, &piece, &rc);
      if (!code)
	code = krb5_auth_con_setrcache (kctx, ctx->auth, rc);
    }
  if (code)
    {
      major = krb5_gss_fail (minor, code);
      code = 0;
      goto cleanup;
    }
  code = krb5_rd_req (kctx, &ctx->auth, &body, server, kt, &ap_options,
		      &ticket);
  if (code)
    {
      major = krb5_gss_fail (minor, code);
      goto cleanup;
    }
  code = krb5_auth_con_getauthenticator (kctx, ctx->auth, &authent);
  if (code)
    {
      major = krb5_gss_fail (minor, code);
      goto cleanup;
    }
  if (authent->checksum == NULL)
    {
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      major = GSS_S_DEFECTIVE_TOKEN;
      code = KRB5KRB_AP_ERR_MSG_TYPE;
      goto cleanup;
    }
  major = krb5_gss_read_checksum (minor, authent->checksum, cb, &flags,
				  &deleg);
  if (major)
    {
      /* Kerberos has no error code for bindings; like MIT, a generic
	 one, as for running out of memory. */
      code = major == GSS_S_BAD_BINDINGS || major == GSS_S_FAILURE
	? KRB5KRB_ERR_GENERIC : KRB5KRB_AP_ERR_MSG_TYPE;
      goto cleanup;
    }
  /* MIT: an initiator asserting KERB_AP_OPTIONS_CBT must match the
     bindings of an acceptor that has some; sending none is no longer
     accepted then, which keeps an authenticator made outside a TLS
     channel from being used inside one. */
  code = client_asserts_cbt (kctx, authent->authorization_data, &cbt);
  if (code)
    {
      major = krb5_gss_fail (minor, code);
      goto cleanup;
    }
  if (cbt && cb != GSS_C_NO_CHANNEL_BINDINGS
      && !(flags & GSS_C_CHANNEL_BOUND_FLAG))
    {
      *minor = KG_S_BAD_BINDINGS;
      major = GSS_S_BAD_BINDINGS;
      code = KRB5KRB_ERR_GENERIC;
      goto cleanup;
    }

  if (bare != ((flags & GSS_C_DCE_STYLE) != 0))
    {
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      major = GSS_S_DEFECTIVE_TOKEN;
      code = KRB5KRB_AP_ERR_MSG_TYPE;
      goto cleanup;
    }
  if (bare)
    {
      /* DCE style: mutual authentication, and no delegation (MIT
	 offers none there either). */
      ap_options |= AP_OPTS_MUTUAL_REQUIRED;
      flags &= ~(OM_uint32) GSS_C_DELEG_FLAG;
    }
  code = krb5_copy_keyblock (kctx, ticket->enc_part2->session,
			     &ctx->session_key);
  if (!code)
    code = krb5_auth_con_getrecvsubkey (kctx, ctx->auth,
					&ctx->initiator_subkey);
  if (!code)
    code = krb5_auth_con_getremoteseqnumber (kctx, ctx->auth, &seq);
  if (code)
    {
      major = krb5_gss_fail (minor, code);
      code = 0;
      goto cleanup;
    }
  ctx->recv_seq = (uint32_t) seq;

  /* A delegation that does not open costs the delegation, not the
     context, unless memory ran out. */
  if ((flags & GSS_C_DELEG_FLAG)
      && take_delegation (&tmp, kctx, &deleg, ticket, delegated) != 0)
    {
      if (tmp == KG_NOMEM)
	{
	  *minor = KG_NOMEM;
	  major = GSS_S_FAILURE;
	  goto cleanup;
	}
      flags &= ~(OM_uint32) GSS_C_DELEG_FLAG;
    }

  if (ap_options & AP_OPTS_MUTUAL_REQUIRED)
    {
      /* RFC 4121 contexts always get an acceptor subkey, of the
	 enctype libkrb5 negotiated (RFC 4537: the first of the
	 initiator's list we permit).  A context whose key makes RFC 1964
	 or RFC 4757 tokens gets one only when the negotiation chose
	 another enctype (krb5_rd_req then adds AP_OPTS_USE_SUBKEY) and
	 that enctype makes RFC 4121 tokens: the context moves to it, as
	 with MIT; otherwise the tokens could not tell the keys apart. */
      const krb5_keyblock *base = ctx->initiator_subkey
	? ctx->initiator_subkey : ctx->session_key;
      /* DCE style always has one (MIT). */
      bool v1 = k5_v1_enctype (base->enctype) && !bare;
      bool subkey = !v1 || (ap_options & AP_OPTS_USE_SUBKEY);

      code = krb5_auth_con_setflags (kctx, ctx->auth,
				     KRB5_AUTH_CONTEXT_DO_SEQUENCE
				     | (subkey ? KRB5_AUTH_CONTEXT_USE_SUBKEY
					: 0));
      if (!code)
	code = krb5_mk_rep (kctx, ctx->auth, &ap_rep);
      if (!code && subkey)
	code = krb5_auth_con_getsendsubkey (kctx, ctx->auth,
					    &ctx->acceptor_subkey);
      /* libkrb5 says the negotiated enctype only by making the subkey;
	 a legacy one is dropped and the reply made again without it
	 (same sequence number and time, the initiator's subkey echoed,
	 which is what MIT sends). */
      if (!code && v1 && ctx->acceptor_subkey
	  && legacy_enctype (ctx->acceptor_subkey->enctype))
	{
	  krb5_free_keyblock (kctx, ctx->acceptor_subkey);
	  ctx->acceptor_subkey = NULL;
	  krb5_free_data_contents (kctx, &ap_rep);
	  code = krb5_auth_con_setflags (kctx, ctx->auth,
					 KRB5_AUTH_CONTEXT_DO_SEQUENCE);
	  if (!code)
	    code = krb5_mk_rep (kctx, ctx->auth, &ap_rep);
	}
      if (!code)
	code = krb5_auth_con_getlocalseqnumber (kctx, ctx->auth, &seq);
      if (code)
	{
	  major = krb5_gss_fail (minor, code);
	  code = 0;
	  goto cleanup;
	}
      ctx->send_seq = (uint32_t) seq;
      flags |= GSS_C_MUTUAL_FLAG;
      if (bare)
	major = _gss_buffer_copy (minor, ap_rep.data, ap_rep.length,
				  output_token);
      else
	major = krb5_gss_wrap_token (minor, KG_TOK_AP_REP, &ap_rep,
				     output_token);
      if (major)
	goto cleanup;
    }
  else
    {
      ctx->send_seq = ctx->recv_seq;
      flags &= ~(OM_uint32) GSS_C_MUTUAL_FLAG;
    }

  ctx->flags = flags | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG
    | (bare ? 0 : GSS_C_PROT_READY_FLAG | GSS_C_TRANS_FLAG);
  ctx->endtime = ticket->enc_part2->times.endtime;
  major = krb5_gss_name_new (minor, kctx, ticket->enc_part2->client,
			     &ctx->peer);
  if (!major)
    major = krb5_gss_name_new (minor, kctx, ticket->server, &ctx->local);
  /* DCE style: keys only once the initiator's AP-REP came. */
  if (!major && bare)
    major = GSS_S_CONTINUE_NEEDED;
  if (!major)
    major = krb5_gss_ctx_ready (minor, ctx);
  if (!major)
    ctx->established = true;

cleanup:
  /* RFC 4121 section 4.1: an initiator waiting for an AP-REP is told
     why it was refused. */
  if (GSS_ERROR (major) && code && mutual)
    {
      krb5_principal asked = requested_server (kctx, &ticket_der);
      if (asked)
	krb5_gss_make_error_token (kctx, code, asked, output_token);
      krb5_free_principal (kctx, asked);
    }
  krb5_free_data_contents (kctx, &ap_rep);
  if (authent)
    krb5_free_authenticator (kctx, authent);
  if (ticket)
    krb5_free_ticket (kctx, ticket);
  if (kt)
    krb5_kt_close (kctx, kt);
  krb5_free_principal (kctx, server);
  gss_release_buffer (&tmp, &storage);
  return major;
}

/* Whether TOKEN is a whole AP-REQ without framing. */
static bool
bare_ap_req (const gss_buffer_t token)
{
  krb5_data d;

  d.magic = KV5M_DATA;
  d.data = token->value;
  d.length = token->length > UINT32_MAX ? 0 : (unsigned int) token->length;
  return krb5_gss_krb_header_ok (&d, 0x6e, 14);
}

/* The third leg of the DCE-style exchange: the initiator's bare AP-REP
   (krb5_mk_rep_dce) completes the context. */
static OM_uint32
accept_dce_reply (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
		  const gss_buffer_t input_token)
{
  krb5_data rep;
  krb5_ui_4 nonce = 0;
  krb5_error_code code;

  rep.magic = KV5M_DATA;
  rep.data = input_token->value;
  rep.length = input_token->length > UINT32_MAX ? 0
    : (unsigned int) input_token->length;
  if (!krb5_gss_krb_header_ok (&rep, 0x6f, 15))
    {
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      return GSS_S_DEFECTIVE_TOKEN;
    }
  code = krb5_rd_rep_dce (ctx->kctx, ctx->auth, &rep, &nonce);
  if (code)
    return krb5_gss_fail_as (minor, code,
			     code == KRB5KRB_AP_ERR_BAD_INTEGRITY
			     || code == KRB5KRB_AP_ERR_MODIFIED
			     ? GSS_S_DEFECTIVE_TOKEN : GSS_S_FAILURE);
  return krb5_gss_ctx_ready (minor, ctx);
}

OM_uint32
krb5_gss_accept_sec_context (OM_uint32 *minor, void **mctx, const void *mcred,
			     const gss_buffer_t input_token,
			     const gss_channel_bindings_t cb,
			     void **src_mname, gss_buffer_t output_token,
			     OM_uint32 *ret_flags, OM_uint32 *time_rec,
			     void **delegated_mcred)
{
  struct krb5_gss_cred *default_cred = NULL, *delegated = NULL;
  const struct krb5_gss_cred *cred = mcred;
  struct krb5_gss_ctx *ctx;
  OM_uint32 major;

  /* The Kerberos acceptor finishes in one step, but for the DCE
     style's third leg. */
  ctx = *mctx;
  if (ctx && (ctx->established || !(ctx->flags & GSS_C_DCE_STYLE)))
    {
      *minor = GSS_KRB5_S_KG_CONTEXT_ESTABLISHED;
      return GSS_S_FAILURE;
    }
  if (ctx)
    {
      major = accept_dce_reply (minor, ctx, input_token);
      if (!major)
	major = krb5_gss_duplicate_name (minor, ctx->peer, src_mname);
      if (major)
	return major;
      ctx->established = true;
      ctx->flags |= GSS_C_PROT_READY_FLAG | GSS_C_TRANS_FLAG;
      *ret_flags = ctx->flags;
      *time_rec = krb5_gss_lifetime (ctx->kctx, ctx->endtime);
      return GSS_S_COMPLETE;
    }
  /* A bare token must be a DCE-style AP-REQ; say so before any
     credential is looked for. */
  if (input_token->length == 0
      || (((const unsigned char *) input_token->value)[0] != 0x60
	  && !bare_ap_req (input_token)))
    {
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      return GSS_S_DEFECTIVE_TOKEN;
    }
  if (cred && cred->usage == GSS_C_INITIATE)
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
  major = krb5_gss_context (minor, &ctx->kctx);
  if (!major && cred == NULL)
    {
      major = krb5_gss_acquire_cred_with (minor, ctx->kctx, NULL,
					  GSS_C_ACCEPT, &default_cred, NULL);
      cred = default_cred;
    }
  if (!major)
    major = accept_first (minor, ctx, cred, input_token, cb, output_token,
			  &delegated);
  if (!major)
    major = krb5_gss_duplicate_name (minor, ctx->peer, src_mname);
  krb5_gss_release_cred (default_cred);
  if (major == GSS_S_CONTINUE_NEEDED)
    {
      /* DCE style: the AP-REP goes out, the context waits for the
	 initiator's. */
      *ret_flags = ctx->flags;
      *mctx = ctx;
      return major;
    }
  if (major)
    {
      krb5_gss_release_cred (delegated);
      krb5_gss_ctx_free (ctx);
      return major;
    }
  *delegated_mcred = delegated;
  *ret_flags = ctx->flags;
  *time_rec = krb5_gss_lifetime (ctx->kctx, ctx->endtime);
  *mctx = ctx;
  return GSS_S_COMPLETE;
}

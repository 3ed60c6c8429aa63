/* inquire_oid.c - inquiry by OID: the session key of a context, and the
   mechanism's attributes (RFC 5587). */
#include "ext.h"
#include "mechattr.h"
#include <string.h>

/* 1.2.840.113554.1.2.2.4: the arc under which MIT names a session key's
   enctype, the enctype being the next arc. */
static const unsigned char enctype_arc[] =
  { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02, 0x04 };

/* GSS_C_INQ_SSPI_SESSION_KEY, 1.2.840.113554.1.2.2.5.5. */
static const unsigned char sspi_session_key[] =
  { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02, 0x05, 0x05 };

const gss_OID_desc *const krb5_gss_mech_attrs[] = {
  &_gss_ma_oid[GSS_MA_MECH_CONCRETE], &_gss_ma_oid[GSS_MA_ITOK_FRAMED],
  &_gss_ma_oid[GSS_MA_AUTH_INIT], &_gss_ma_oid[GSS_MA_AUTH_TARG],
  &_gss_ma_oid[GSS_MA_DELEG_CRED], &_gss_ma_oid[GSS_MA_INTEG_PROT],
  &_gss_ma_oid[GSS_MA_CONF_PROT], &_gss_ma_oid[GSS_MA_MIC],
  &_gss_ma_oid[GSS_MA_WRAP], &_gss_ma_oid[GSS_MA_PROT_READY],
  &_gss_ma_oid[GSS_MA_REPLAY_DET], &_gss_ma_oid[GSS_MA_OOS_DET],
  &_gss_ma_oid[GSS_MA_CBINDINGS], &_gss_ma_oid[GSS_MA_CTX_TRANS],
  NULL
};

/* The key that protects the context's messages, as MIT's mechanism
   names it: the acceptor's subkey when it sent one (RFC 4121 section
   2), else the initiator's subkey, else the ticket's session key. */
static const krb5_keyblock *
context_key (const struct krb5_gss_ctx *ctx)
{
  if (ctx->acceptor_subkey)
    return ctx->acceptor_subkey;
  if (ctx->initiator_subkey)
    return ctx->initiator_subkey;
  return ctx->session_key;
}

static OM_uint32
session_key (OM_uint32 *minor, const struct krb5_gss_ctx *ctx,
	     gss_buffer_set_t *data_set)
{
  const krb5_keyblock *key = context_key (ctx);
  unsigned char oid[sizeof enctype_arc + 5];
  uint32_t enctype;
  size_t len = sizeof enctype_arc, n, i;
  gss_buffer_desc member;
  OM_uint32 major, tmp;

  if (!ctx->established || key == NULL)
    return GSS_S_NO_CONTEXT;
  member.value = key->contents;
  member.length = key->length;
  major = gss_add_buffer_set_member (minor, &member, data_set);
  if (GSS_ERROR (major))
    return major;
  /* The enctype as one more arc, base 128, most significant first. */
  memcpy (oid, enctype_arc, sizeof enctype_arc);
  enctype = (uint32_t) key->enctype;
  for (n = 1; n < 5 && (enctype >> (7 * n)) != 0; n++)
    ;
  for (i = 0; i < n; i++)
    oid[len++] = ((enctype >> (7 * (n - 1 - i))) & 0x7f)
      | (i + 1 < n ? 0x80 : 0);
  member.value = oid;
  member.length = len;
  major = gss_add_buffer_set_member (minor, &member, data_set);
  if (GSS_ERROR (major))
    gss_release_buffer_set (&tmp, data_set);
  return major;
}

OM_uint32
krb5_gss_inquire_sec_context_by_oid (OM_uint32 *minor, const void *mctx,
				     gss_const_OID object,
				     gss_buffer_set_t *data_set)
{
  if (object->length == sizeof sspi_session_key
      && memcmp (object->elements, sspi_session_key,
		 sizeof sspi_session_key) == 0)
    return session_key (minor, mctx, data_set);
  return GSS_S_UNAVAILABLE;
}

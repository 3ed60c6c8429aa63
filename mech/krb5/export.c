/* export.c - context transfer between processes (RFC 2743 section
   2.2.8): an established context's state and keys, versioned, in the
   caller's buffer only.
 *
 * Layout (big-endian): "LGK5", version 1, role/state octet, GSS flags
 * (4), end time (4), send and receive sequence numbers (8 + 8), window
 * next and seen (8 + 8), local and peer names (4-octet length + text),
 * session key, initiator subkey, acceptor subkey (4-octet enctype,
 * 4-octet length, contents; length 0 when absent).
 */
#include "k5.h"
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>

#define MAGIC "LGK5"
#define BLOB_VERSION 1
#define ROLE_INITIATOR 0x01
#define MAX_FIELD 65536		/* no name or key is anywhere near */

struct writer
{
  unsigned char *p;
  size_t len;
};

static void
put_bytes (struct writer *w, const void *data, size_t n)
{
  if (w->p)
    memcpy (w->p + w->len, data, n);
  w->len += n;
}

static void
put_u32 (struct writer *w, uint32_t v)
{
  unsigned char b[4] = { v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };
  put_bytes (w, b, 4);
}

static void
put_u64 (struct writer *w, uint64_t v)
{
  put_u32 (w, (uint32_t) (v >> 32));
  put_u32 (w, (uint32_t) v);
}

static void
put_string (struct writer *w, const struct krb5_gss_name *name)
{
  size_t n = strlen (name->principal);
  put_u32 (w, (uint32_t) n);
  put_bytes (w, name->principal, n);
}

static void
put_key (struct writer *w, const krb5_keyblock *key)
{
  put_u32 (w, key ? (uint32_t) key->enctype : 0);
  put_u32 (w, key ? key->length : 0);
  if (key)
    put_bytes (w, key->contents, key->length);
}

/* Runs twice: once to measure, once to fill. */
static void
serialise (const struct krb5_gss_ctx *ctx, struct writer *w)
{
  unsigned char state[2] = { BLOB_VERSION, ctx->initiator ? ROLE_INITIATOR : 0 };

  put_bytes (w, MAGIC, 4);
  put_bytes (w, state, 2);
  put_u32 (w, ctx->flags);
  put_u32 (w, (uint32_t) ctx->endtime);
  put_u64 (w, ctx->send_seq);
  put_u64 (w, ctx->recv_seq);
  put_u64 (w, ctx->window.next);
  put_u64 (w, ctx->window.seen);
  put_string (w, ctx->local);
  put_string (w, ctx->peer);
  put_key (w, ctx->session_key);
  put_key (w, ctx->initiator_subkey);
  put_key (w, ctx->acceptor_subkey);
}

OM_uint32
krb5_gss_export_sec_context (OM_uint32 *minor, void *mctx, gss_buffer_t token)
{
  struct krb5_gss_ctx *ctx = mctx;
  struct writer w = { NULL, 0 };

  if (!ctx->established)
    {
      *minor = GSS_KRB5_S_KG_CTX_INCOMPLETE;
      return GSS_S_UNAVAILABLE;
    }
  serialise (ctx, &w);
  w.p = malloc (w.len);
  if (w.p == NULL)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  w.len = 0;
  serialise (ctx, &w);
  token->value = w.p;
  token->length = w.len;
  return GSS_S_COMPLETE;
}

struct reader
{
  const unsigned char *p;
  size_t left;
  bool ok;
  bool nomem;			/* not ok because memory ran out */
};

static const unsigned char *
take (struct reader *r, size_t n)
{
  const unsigned char *p = r->p;

  if (!r->ok || r->left < n)
    {
      r->ok = false;
      return NULL;
    }
  r->p += n;
  r->left -= n;
  return p;
}

static uint32_t
get_u32 (struct reader *r)
{
  const unsigned char *p = take (r, 4);
  return p ? (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16
    | (uint32_t) p[2] << 8 | p[3] : 0;
}

static uint64_t
get_u64 (struct reader *r)
{
  uint64_t hi = get_u32 (r);
  return hi << 32 | get_u32 (r);
}

static struct krb5_gss_name *
get_name (struct reader *r)
{
  uint32_t n = get_u32 (r);
  const unsigned char *p;
  struct krb5_gss_name *name;

  if (n == 0 || n > MAX_FIELD || (p = take (r, n)) == NULL
      || memchr (p, '\0', n) != NULL)
    {
      r->ok = false;
      return NULL;
    }
  name = malloc (sizeof *name);
  if (name == NULL || (name->principal = strndup ((const char *) p, n)) == NULL)
    {
      free (name);
      r->ok = false;
      r->nomem = true;
      return NULL;
    }
  name->type = KRB5_NT_PRINCIPAL;
  return name;
}

static krb5_keyblock *
get_key (struct reader *r, krb5_context kctx, bool required)
{
  uint32_t enctype = get_u32 (r), len = get_u32 (r);
  const unsigned char *p;
  krb5_keyblock *key = NULL;
  krb5_error_code code;
  size_t expected;

  if (!r->ok || (len == 0 && !required))
    return NULL;
  p = take (r, len);
  /* The key must have the length its enctype has. */
  if (p == NULL || len == 0 || len > MAX_FIELD
      || krb5_c_keylengths (kctx, (krb5_enctype) enctype, NULL, &expected)
      || expected != len)
    {
      r->ok = false;
      return NULL;
    }
  code = krb5_init_keyblock (kctx, (krb5_enctype) enctype, len, &key);
  if (code)
    {
      r->ok = false;
      r->nomem = krb5_gss_nomem (code);
      return NULL;
    }
  memcpy (key->contents, p, len);
  return key;
}

OM_uint32
krb5_gss_import_sec_context (OM_uint32 *minor, const gss_buffer_t token,
			     void **mctx)
{
  struct reader r = { token->value, token->length, true, false };
  struct krb5_gss_ctx *ctx;
  const unsigned char *head;
  uint64_t next, seen;
  OM_uint32 major;

  head = take (&r, 6);
  if (head == NULL || memcmp (head, MAGIC, 4) != 0 || head[4] != BLOB_VERSION
      || (head[5] & ~ROLE_INITIATOR) != 0)
    {
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      return GSS_S_DEFECTIVE_TOKEN;
    }
  ctx = calloc (1, sizeof *ctx);
  if (ctx == NULL)
    {
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  major = krb5_gss_context (minor, &ctx->kctx);
  if (major)
    {
      krb5_gss_ctx_free (ctx);
      return major;
    }
  ctx->initiator = head[5] & ROLE_INITIATOR;
  ctx->flags = get_u32 (&r);
  ctx->endtime = (krb5_timestamp) get_u32 (&r);
  ctx->send_seq = get_u64 (&r);
  ctx->recv_seq = get_u64 (&r);
  next = get_u64 (&r);
  seen = get_u64 (&r);
  ctx->local = get_name (&r);
  ctx->peer = get_name (&r);
  ctx->session_key = get_key (&r, ctx->kctx, true);
  ctx->initiator_subkey = get_key (&r, ctx->kctx, false);
  ctx->acceptor_subkey = get_key (&r, ctx->kctx, false);
  if (r.nomem)
    {
      krb5_gss_ctx_free (ctx);
      *minor = KG_NOMEM;
      return GSS_S_FAILURE;
    }
  if (!r.ok || r.left != 0)
    {
      krb5_gss_ctx_free (ctx);
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      return GSS_S_DEFECTIVE_TOKEN;
    }
  major = krb5_gss_ctx_ready (minor, ctx);
  if (major)
    {
      krb5_gss_ctx_free (ctx);
      return major;
    }
  /* RFC 1964 and RFC 4757 contexts count in 32 bits. */
  if ((ctx->send_seq & ~(uint64_t) ctx->window.mask) != 0
      || (next & ~(uint64_t) ctx->window.mask) != 0)
    {
      krb5_gss_ctx_free (ctx);
      *minor = GSS_KRB5_S_KG_BAD_LENGTH;
      return GSS_S_DEFECTIVE_TOKEN;
    }
  ctx->window.next = next;
  ctx->window.seen = seen;
  ctx->established = true;
  *mctx = ctx;
  return GSS_S_COMPLETE;
}

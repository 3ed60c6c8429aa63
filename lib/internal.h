/* internal.h - handle layouts and helpers shared inside lib/.
 *
 * Only lib/ sees these structures; mechanisms see their own objects.
 */
#ifndef LIBGSS_INTERNAL_H
#define LIBGSS_INTERNAL_H

#include <config.h>
#include <stdbool.h>
#include <stdint.h>
#include <errno.h>
#include "mech.h"
#include "gettext.h"

#define _(s) dgettext (GETTEXT_DOMAIN, s)
#define N_(s) s

/* Tags that let a call recognise a handle of the wrong kind, or one
   already released, instead of crashing on it. */
/* Minor codes of failures lib/ detects itself, in the default
   mechanism's numbering so gss_display_status explains them. */
#define GSS_MINOR_NOMEM GSS_KRB5_S_G_BUFFER_ALLOC
#define GSS_MINOR_BAD_USAGE GSS_KRB5_S_G_BAD_USAGE

/* Where the minor status goes when the caller passed NULL: GNU GSS
   performs such a call and stores no minor status, and so do we.  One
   per thread, so that the discarded writes do not race. */
extern _Thread_local OM_uint32 _gss_minor_discard;

enum
{
  GSS_MAGIC_NAME = 0x6e616d65,	/* "name" */
  GSS_MAGIC_CRED = 0x63726564,	/* "cred" */
  GSS_MAGIC_CTX = 0x63747874,	/* "ctxt" */
  GSS_MAGIC_DEAD = 0x64656164	/* "dead" */
};

struct gss_name_struct
{
  uint32_t magic;
  gss_buffer_desc value;	/* the bytes the application imported */
  gss_OID type;			/* static storage, or GSS_C_NO_OID */
  const struct gss_mech *mech;	/* set when this is an MN */
  void *mname;
  /* Not an MN, but already imported by one mechanism when it was
     checked at import time: kept so that each later use does not parse
     it again.  Written once, before the name is handed out. */
  const struct gss_mech *cache_mech;
  void *cache_mname;
};

struct gss_cred_id_struct
{
  uint32_t magic;
  const struct gss_mech *mech;
  void *mcred;
};

struct gss_ctx_id_struct
{
  uint32_t magic;
  const struct gss_mech *mech;
  void *mctx;
};

/* Handle checks: true when the handle is a live object of that kind. */
bool _gss_name_ok (const struct gss_name_struct *name);
bool _gss_cred_ok (const struct gss_cred_id_struct *cred);
bool _gss_ctx_ok (const struct gss_ctx_id_struct *ctx);

/* Buffers.  An input buffer is readable when present and, if it has
   a length, has storage. */
static inline bool
_gss_buffer_readable (const gss_buffer_desc *b)
{
  return b != NULL && (b->length == 0 || b->value != NULL);
}

/* Channel bindings are readable when absent or when each of their
   three buffers is. */
static inline bool
_gss_bindings_readable (const struct gss_channel_bindings_struct *cb)
{
  return cb == GSS_C_NO_CHANNEL_BINDINGS
    || (_gss_buffer_readable (&cb->initiator_address)
	&& _gss_buffer_readable (&cb->acceptor_address)
	&& _gss_buffer_readable (&cb->application_data));
}

void _gss_buffer_init (gss_buffer_t buffer);

/* OIDs: a deep copy of SRC into DST (DST->elements freshly allocated). */
bool _gss_oid_copy (gss_OID dst, gss_const_OID src);

/* The static OID equal to TYPE among the name types this library
   knows, or NULL when it knows none such. */
gss_OID _gss_static_name_type (gss_const_OID type);

/* Names: wrap a mechanism name into a new gss_name_t (takes ownership
   of MNAME, also on failure). */
OM_uint32 _gss_name_from_mname (OM_uint32 *minor,
				const struct gss_mech *mech, void *mname,
				gss_name_t *out);
/* The mechanism name of NAME for MECH: NAME's own when it is already
   an MN of MECH, otherwise freshly imported (*owned set to true). */
OM_uint32 _gss_name_to_mname (OM_uint32 *minor, const struct gss_name_struct *name,
			      const struct gss_mech *mech, void **mname,
			      bool *owned);

/* Credentials and contexts: allocate a handle around a mechanism
   object (takes ownership, also on failure). */
OM_uint32 _gss_cred_wrap (OM_uint32 *minor, const struct gss_mech *mech,
			  void *mcred, gss_cred_id_t *out);
OM_uint32 _gss_ctx_wrap (OM_uint32 *minor, const struct gss_mech *mech,
			 void *mctx, gss_ctx_id_t *out);

/* The credential object to pass to MECH for CRED (NULL for
   GSS_C_NO_CREDENTIAL); false when CRED cannot serve MECH. */
bool _gss_cred_element (gss_const_cred_id_t cred, const struct gss_mech *mech,
			const void **mcred);

/* The OID to report as the mechanism of a context of MECH: the inner
   one of a negotiating mechanism, once chosen. */
gss_OID _gss_ctx_mech_oid (const struct gss_mech *mech, const void *mctx);

/* The RFC 2743 section 3.1 framing, returning pointers into INPUT. */
OM_uint32 _gss_token_parse (const void *input, size_t length,
			    gss_OID_desc *oid, const void **inner,
			    size_t *inner_length);

#endif /* LIBGSS_INTERNAL_H */
